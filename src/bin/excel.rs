//! The on-demand Excel module: writes the workbook (model::workbook, with
//! rust_xlsxwriter) for the page link it is given and downloads it. Trunk
//! builds it as an ES module (`excel.js`, `excel_bg.wasm`) that the page
//! imports only when "Ladda ner Excel" is clicked.

#[cfg(target_arch = "wasm32")]
mod exports {
    use budgetsimulatorn::model::report::file_stem;
    use budgetsimulatorn::model::workbook::workbook;
    use budgetsimulatorn::model::{link, Dataset};
    use wasm_bindgen::prelude::*;

    /// Writes and downloads `budgetsimulatorn-<name or date>.xlsx` for the
    /// scenario in `page_link`.
    #[wasm_bindgen]
    pub fn download_workbook(
        page_link: &str,
        name: Option<String>,
        date: &str,
    ) -> Result<(), JsValue> {
        let data = Dataset::sfv_default().map_err(|e| JsValue::from(e.to_string()))?;
        let (page, _) = link::parse(&data, page_link);
        let bytes = workbook(&data, &page.scenario, &page.comparison)
            .map_err(|e| JsValue::from(e.to_string()))?;
        let file = format!("budgetsimulatorn-{}.xlsx", file_stem(name.as_deref(), date));
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let anchor: web_sys::HtmlAnchorElement =
            gloo::utils::document().create_element("a")?.dyn_into()?;
        anchor.set_href(&url);
        anchor.set_download(&file);
        anchor.click();
        web_sys::Url::revoke_object_url(&url)?;
        Ok(())
    }
}

fn main() {}
