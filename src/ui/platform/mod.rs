//! The browser's edge: storage, the address, files, the clock, the
//! clipboard, JSON and the workers that run code fetched on demand. Every
//! failure here becomes a Swedish sentence for the page and a console entry;
//! none stops the page or loses what is on it.

pub mod carry;
pub mod clipboard;
pub mod files;
pub mod json;
pub mod print;
pub mod storage;
pub mod url;
pub mod worker;

use crate::state::library::Stamp;
use gloo::utils::document;
use wasm_bindgen::{JsCast, JsValue};

/// A browser error in words for a notice. (Not `{:?}`: JsValue's `Debug`
/// pulls float formatting into the bundle.)
pub fn describe(error: JsValue) -> String {
    if let Some(e) = error.dyn_ref::<js_sys::Error>() {
        String::from(e.message())
    } else if let Some(text) = error.as_string() {
        text
    } else if error.is_null() || error.is_undefined() {
        "okänt fel".to_owned()
    } else {
        String::from(error.unchecked_into::<js_sys::Object>().to_string())
    }
}

/// Moves keyboard focus to the element with `id` (a heading with
/// `tabindex="-1"`, say) when an action removed the element that had it, so
/// focus never falls back to `<body>`.
pub fn focus_element(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Focuses `id` once the render that a state change just queued is done
/// (a form that replaces the button that opened it: the focus would
/// otherwise fall to the page's body).
pub fn focus_after_render(id: String) {
    gloo::timers::callback::Timeout::new(0, move || focus_element(&id)).forget();
}

/// Gives a part of the page the focus and brings its top into view (focus
/// alone may show only the middle of a part taller than the screen).
pub fn jump_to(id: &str) {
    focus_element(id);
    if let Some(element) = document().get_element_by_id(id) {
        element.scroll_into_view();
    }
}

/// Local time as `YYYY-MM-DDTHH:MM`.
pub fn now() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// The clock and a fresh uid for what a message saves.
pub fn stamp() -> Stamp {
    thread_local! {
        /// A random part per tab, so two tabs never make the same uid.
        static TAB: u32 = (js_sys::Math::random() * 4_294_967_295.0) as u32;
        static COUNT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }
    let ms = js_sys::Date::now() as u64;
    let n = COUNT.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    Stamp {
        now: now(),
        ms,
        uid: format!("{ms:x}-{:x}-{n}", TAB.with(|t| *t)),
    }
}
