//! The on-demand `importer` module: a Web Worker, started only when a
//! budget file is imported, that answers `Request::ImportRead` with a
//! preview and `Request::ImportApply` with the data set (`import`; calamine
//! lives only here). It holds no UI.

#[cfg(target_arch = "wasm32")]
fn main() {
    budgetsimulatorn::ui::platform::worker::serve(budgetsimulatorn::offload::handle_import);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
