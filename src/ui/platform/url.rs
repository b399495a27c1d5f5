//! The URL fragment at the edge: read it at start and on `hashchange`, and
//! mirror the scenario into it with `history.replaceState` (no history entry
//! per slider step, and no `hashchange` echo). Every failure is logged and
//! reported to the caller, never a panic.

use super::describe;
use gloo::utils::window;
use wasm_bindgen::JsValue;

/// The current fragment without `#` (empty when there is none).
pub fn current_fragment() -> String {
    let hash = window().location().hash().unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_owned()
}

/// Replaces the fragment without adding a history entry. An empty fragment
/// removes the `#` altogether, so the default scenario has a clean address.
pub fn replace_fragment(fragment: &str) -> Result<(), String> {
    if current_fragment() == fragment {
        return Ok(());
    }
    let location = window().location();
    let base = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let url = if fragment.is_empty() {
        base
    } else {
        format!("{base}#{fragment}")
    };
    let history = window().history().map_err(describe)?;
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
        .map_err(describe)
}

/// Whether a fragment is a jump to a part of this page (`#resultat`), not a
/// scenario link: links are `key=value` pairs, and a jump names an element.
pub fn names_an_element(fragment: &str) -> bool {
    !fragment.is_empty()
        && !fragment.contains('=')
        && gloo::utils::document()
            .get_element_by_id(fragment)
            .is_some()
}

/// The fragment of a `hashchange` event's previous address.
pub fn previous_fragment(event: &web_sys::Event) -> String {
    js_sys::Reflect::get(event, &JsValue::from_str("oldURL"))
        .ok()
        .and_then(|url| url.as_string())
        .and_then(|url| url.split_once('#').map(|(_, f)| f.to_owned()))
        .unwrap_or_default()
}
