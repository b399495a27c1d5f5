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
