//! Entry point: mounts the Yew app in the browser. Natively there is nothing to
//! run (the engine is a library, exercised by `cargo test` and `cargo bench`).

#[cfg(target_arch = "wasm32")]
fn main() {
    budgetsimulatorn::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Budgetsimulatorn runs in the browser: see README.md (`.ci/serve`).");
}
