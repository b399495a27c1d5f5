//! The browser's side of a data set carried in a link and of the deployer's
//! own default: deflate and inflate with the browser's `CompressionStream`
//! ("deflate-raw"), so the bundle carries no compressor, and the fetch of
//! `dataunderlag.json` beside `index.html`. The formats and their checks are
//! in `state::carry` and `state::datasets`; here only bytes move.

use super::describe;
use super::json::{to_text, BrowserJson};
use crate::core::Dataset;
use crate::state::carry::{self, CarryError};
use crate::state::datasets;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableWritablePair, Response};

// The Compression Streams API (every current browser); web-sys binds it
// only behind `--cfg=web_sys_unstable_apis`, so the two constructors are
// bound here.
#[wasm_bindgen]
extern "C" {
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;

    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

/// Raw deflate, no zlib header: the smallest link.
const FORMAT: &str = "deflate-raw";

/// Runs `bytes` through a compression or decompression stream.
async fn through(bytes: &[u8], transform: JsValue) -> Result<Vec<u8>, String> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = Blob::new_with_u8_array_sequence(&parts).map_err(describe)?;
    let stream = blob
        .stream()
        .pipe_through(transform.unchecked_ref::<ReadableWritablePair>());
    let response = Response::new_with_opt_readable_stream(Some(&stream)).map_err(describe)?;
    let buffer = JsFuture::from(response.array_buffer().map_err(describe)?)
        .await
        .map_err(describe)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The link value carrying `data`, or why it cannot (too large for a link).
pub async fn link_value(data: &Dataset) -> Result<String, String> {
    let text = to_text(&carry::document(data), false);
    let stream = CompressionStream::new(FORMAT).map_err(describe)?;
    let deflated = through(text.as_bytes(), stream.into()).await?;
    carry::link_value(&deflated).map_err(|e| e.to_string())
}

/// The data set a link's value carries, checked whole.
pub async fn read_link_value(value: &str) -> Result<Dataset, String> {
    let deflated = carry::deflated(value).map_err(|e| e.to_string())?;
    let stream = DecompressionStream::new(FORMAT).map_err(describe)?;
    let inflated = through(&deflated, stream.into())
        .await
        .map_err(|_| CarryError::NotDeflated.to_string())?;
    carry::check_inflated(inflated.len()).map_err(|e| e.to_string())?;
    let text = String::from_utf8(inflated).map_err(|_| CarryError::NotDeflated.to_string())?;
    let source = BrowserJson::parse(&text)
        .map_err(|e| CarryError::Document(datasets::DatasetsError::from(e)).to_string())?;
    carry::read(&source).map_err(|e| e.to_string())
}

/// The file a deployer may place beside `index.html` to set the page's
/// default data set (the export format of "Exportera dataunderlag").
pub const DEPLOYED_FILE: &str = "dataunderlag.json";

/// The deployer's default data set: `Ok(None)` when there is no such file,
/// `Err` with a Swedish sentence when there is one that cannot be used.
/// (A server without the file answers 404: the built-in data set too.)
pub async fn deployed_default() -> Result<Option<Dataset>, String> {
    let window = gloo::utils::window();
    // Asked of the server each time: a replaced file shows at the next visit.
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let Ok(answer) = JsFuture::from(window.fetch_with_str_and_init(DEPLOYED_FILE, &init)).await
    else {
        // Offline before the first visit, say: the built-in data set.
        return Ok(None);
    };
    let response: Response = answer.unchecked_into();
    if !response.ok() {
        return Ok(None);
    }
    let text = JsFuture::from(response.text().map_err(describe)?)
        .await
        .map_err(describe)?
        .as_string()
        .unwrap_or_default();
    // As shipped the file holds no data set: the built-in one is used.
    let read = super::storage::read_datasets(&text).map_err(|e| e.to_string())?;
    Ok(read.entries.into_iter().next().map(|e| e.dataset))
}
