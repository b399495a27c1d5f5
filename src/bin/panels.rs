//! The on-demand module: the saved-scenarios panel, the comparison, the
//! printed decision document and the CSV files, fetched
//! by the page the first time one of them is asked for (see `view::panels`).
//! Trunk builds it as an ES module (`panels.js`, `panels_bg.wasm`) that is not
//! part of what the page loads at start.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// Shows, updates or hides the saved-scenarios panel in `root`.
    #[wasm_bindgen]
    pub fn show_saved(root: &str, snapshot: JsValue, send: js_sys::Function) {
        budgetsimulatorn::view::panels::show_saved(root, snapshot, send);
    }

    /// Prints the decision document or downloads a CSV file.
    #[wasm_bindgen]
    pub fn export_document(request: JsValue) -> Result<(), JsValue> {
        budgetsimulatorn::view::panels::export_document(request)
    }

    /// Shows, updates or hides the comparison in `root`.
    #[wasm_bindgen]
    pub fn show_comparison(root: &str, snapshot: JsValue, send: js_sys::Function) {
        budgetsimulatorn::view::panels::show_comparison(root, snapshot, send);
    }
}

fn main() {}
