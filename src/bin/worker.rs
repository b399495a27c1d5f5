//! The on-demand `worker` module: a Web Worker, started the first time the
//! page asks for a document, that answers typed requests (the decision
//! document's HTML, the CSV files) with `offload::handle`. It holds no UI
//! and never touches the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    budgetsimulatorn::ui::platform::worker::serve(budgetsimulatorn::offload::handle);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
