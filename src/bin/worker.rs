//! The on-demand `worker` module: a Web Worker, started the first time the
//! page asks for a document or opens "Hur säkert är det?", that answers
//! typed requests (the decision document's HTML, the CSV files, the risk
//! run's chunks of draws and its report) with `offload::handle`. It holds
//! no UI and never touches the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    budgetsimulatorn::ui::platform::worker::serve(budgetsimulatorn::offload::handle);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
