//! Printing the decision document: its print styles (`document.css`, not
//! part of what the page loads at start) are fetched the first time, the
//! document's HTML goes into `#print-root` (the only thing printed while it
//! has content), and the browser's print dialogue opens. Once printed (or
//! cancelled), the page prints as itself again.

use super::describe;
use gloo::utils::{document, window};
use js_sys::Promise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Loads `document.css` once; resolves when it is in use.
async fn print_styles() -> Result<(), String> {
    if document().get_element_by_id("document-css").is_some() {
        return Ok(());
    }
    let link: web_sys::HtmlLinkElement = document()
        .create_element("link")
        .map_err(describe)?
        .unchecked_into();
    link.set_id("document-css");
    link.set_rel("stylesheet");
    link.set_href("document.css");
    let loaded = Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
        let failed = Closure::once_into_js(move || {
            let _ = reject.call0(&wasm_bindgen::JsValue::NULL);
        });
        link.set_onload(Some(ok.unchecked_ref()));
        link.set_onerror(Some(failed.unchecked_ref()));
    });
    document()
        .head()
        .ok_or("no head")?
        .append_child(&link)
        .map_err(describe)?;
    if wasm_bindgen_futures::JsFuture::from(loaded).await.is_err() {
        link.remove();
        return Err("document.css".to_owned());
    }
    Ok(())
}

/// Prints `html` as the page's decision document.
pub async fn print(html: &str) -> Result<(), String> {
    print_styles().await?;
    let doc = document();
    let root = match doc.get_element_by_id("print-root") {
        Some(root) => root,
        None => {
            let root = doc.create_element("div").map_err(describe)?;
            root.set_id("print-root");
            doc.body()
                .ok_or("no body")?
                .append_child(&root)
                .map_err(describe)?;
            root
        }
    };
    root.set_inner_html(html);
    let printed = root.clone();
    gloo::events::EventListener::once(&window(), "afterprint", move |_| printed.set_inner_html(""))
        .forget();
    window().print().map_err(describe)
}
