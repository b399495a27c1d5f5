//! The URL fragment at the edge: read it at start and on `hashchange`, and
//! mirror the scenario into it with `history.replaceState` (no history entry
//! per slider step, and no `hashchange` echo). Every failure is logged and
//! reported to the caller, never a panic.
//!
//! The fragment is written once the scenario rests, so a reload can begin
//! before it is (a reload keeps the address it began with, whatever is
//! written while the page is left). Leaving therefore hands the address the
//! page should have had to the next page in this tab (sessionStorage), and
//! that page opens it instead of the stale one.

use super::describe;
use gloo::utils::window;
use std::cell::RefCell;
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
        KNOWN.with(|known| *known.borrow_mut() = fragment.to_owned());
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
        .map_err(describe)?;
    KNOWN.with(|known| *known.borrow_mut() = fragment.to_owned());
    Ok(())
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

/// Where a page being left puts the address it should have had: the
/// fragment the tab showed, a newline (never in a URL), the fresh one.
const LEFT_ADDRESS_KEY: &str = "budgetsimulatorn-left-address";

thread_local! {
    /// The fragment this page opened with or last wrote.
    static KNOWN: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Called as the page is left with the fragment the page should have: it
/// is written, and handed to the next page in case that one is a reload
/// of the stale address.
pub fn leave_with_fragment(fresh: &str) {
    let shown = current_fragment();
    // An address edited in the bar and not yet taken in is newer than
    // what was rendered: it stays.
    if shown == fresh || KNOWN.with(|known| *known.borrow() != shown) {
        return;
    }
    if let Ok(Some(session)) = window().session_storage() {
        let _ = session.set_item(LEFT_ADDRESS_KEY, &format!("{shown}\n{fresh}"));
    }
    let _ = replace_fragment(fresh);
}

/// At start: a hand-over from the page this tab just left, if this page
/// opened the address that one showed (a reload), becomes the address.
/// Another address (a link followed, one typed) is left as it is.
pub fn adopt_left_address() {
    let left = take_left_address();
    if let Some((shown, fresh)) = left.as_deref().and_then(|l| l.split_once('\n')) {
        if current_fragment() == shown {
            let _ = replace_fragment(fresh);
        }
    }
    KNOWN.with(|known| *known.borrow_mut() = current_fragment());
}

/// Takes the hand-over out of the tab's storage: it is for the next page
/// only (a page shown again from the back-forward cache drops it too).
pub fn take_left_address() -> Option<String> {
    let session = window().session_storage().ok()??;
    let left = session.get_item(LEFT_ADDRESS_KEY).ok()?;
    let _ = session.remove_item(LEFT_ADDRESS_KEY);
    left
}
