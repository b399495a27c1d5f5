//! The on-demand `excel` module: a Web Worker, started only when a workbook
//! is asked for, that answers `Request::Workbook` with the .xlsx bytes
//! (`export::xlsx`, rust_xlsxwriter lives only here). It holds no UI.

#[cfg(target_arch = "wasm32")]
fn main() {
    budgetsimulatorn::ui::platform::worker::serve(budgetsimulatorn::offload::excel::handle);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
