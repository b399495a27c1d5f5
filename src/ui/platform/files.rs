//! Files downloaded and uploaded: a file is offered with an object URL and a
//! clicked link; an uploaded file is read as text after its size is checked.

use super::describe;
use gloo::utils::document;
use wasm_bindgen::JsCast;

/// Offers `bytes` as a file download.
pub fn download(file_name: &str, mime_type: &str, bytes: &[u8]) -> Result<(), String> {
    let blob = gloo::file::Blob::new_with_options(bytes, Some(mime_type));
    let url = gloo::file::ObjectUrl::from(blob);
    let anchor: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| "kunde inte skapa en länk".to_owned())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The object URL is revoked when `url` drops; the click has started the
    // download by then.
    Ok(())
}

/// A button's callback that opens the (hidden) file input `input`, emptied
/// first so choosing the same file again is a change too.
pub fn picker(input: &yew::NodeRef) -> yew::Callback<web_sys::MouseEvent> {
    let input = input.clone();
    yew::Callback::from(move |_| {
        if let Some(i) = input.cast::<web_sys::HtmlInputElement>() {
            i.set_value("");
            i.click();
        }
    })
}

/// The first file chosen in a file input.
pub fn chosen(input: &web_sys::HtmlInputElement) -> Option<gloo::file::File> {
    let file = input
        .files()
        .and_then(|f| f.get(0))
        .map(gloo::file::File::from);
    // Emptied, so that choosing the same file again (after "Avbryt", or
    // after fixing it) is a change the browser reports; the file taken
    // stays readable.
    input.set_value("");
    file
}
