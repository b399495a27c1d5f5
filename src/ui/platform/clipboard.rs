//! The clipboard: copying a link or a memo sentence. A refusal (no
//! permission, no secure context) is reported to the caller, who says it in
//! words; the text is still on the page to copy by hand.

/// Puts `text` on the clipboard; `Err` with the browser's reason.
pub async fn copy(text: &str) -> Result<(), String> {
    let clipboard = gloo::utils::window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(super::describe)
}
