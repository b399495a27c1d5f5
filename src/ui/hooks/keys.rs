//! The keyboard: Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y undo and redo outside text
//! fields (inside them they belong to the field), Esc closes an open menu
//! or else leaves meeting mode (entering it shows the meeting view from its top);
//! and the end of a gesture (a slider released, a field left) closes its
//! undo step.

use crate::state::workspace::Msg;
use gloo::events::{EventListener, EventListenerOptions};
use gloo::utils::{document, window};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// Whether a key event comes from a place where typing is going on.
fn typing_in_text_field(event: &KeyboardEvent) -> bool {
    let Some(element) = event
        .target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
    else {
        return false;
    };
    if element.is_content_editable() {
        return true;
    }
    match element.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !matches!(
            element.get_attribute("type").as_deref(),
            Some("range" | "checkbox" | "radio" | "button" | "submit" | "file")
        ),
        _ => false,
    }
}

/// Closes an open drop-down menu (`details.menu`) and, if the focus was in
/// it, gives its button the focus back, as a menu does; whether there was one.
fn close_open_menu() -> bool {
    let Ok(Some(menu)) = document().query_selector("details.menu[open]") else {
        return false;
    };
    let _ = menu.remove_attribute("open");
    let focus_inside = document()
        .active_element()
        .is_some_and(|active| menu.contains(Some(active.as_ref())));
    if !focus_inside {
        return true;
    }
    if let Ok(Some(summary)) = menu.query_selector("summary") {
        if let Some(summary) = summary.dyn_ref::<HtmlElement>() {
            let _ = summary.focus();
        }
    }
    true
}

#[hook]
pub fn use_keys(send: Callback<Msg>) {
    use_effect_with((), move |_| {
        let keys = {
            let send = send.clone();
            EventListener::new_with_options(
                &window(),
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    if event.key() == "Escape" {
                        // Esc closes an open menu first, then leaves a text
                        // field (its blur keeps what was typed: leaving meeting
                        // mode at once would re-render the field without it);
                        // only then does it leave meeting mode.
                        if close_open_menu() {
                            return;
                        }
                        if typing_in_text_field(event) {
                            if let Some(field) = event
                                .target()
                                .and_then(|t| t.dyn_into::<HtmlElement>().ok())
                            {
                                let _ = field.blur();
                            }
                            return;
                        }
                        send.emit(Msg::SetMeeting(false));
                        return;
                    }
                    if !(event.ctrl_key() || event.meta_key()) || typing_in_text_field(event) {
                        return;
                    }
                    let msg = match event.key().as_str() {
                        "z" | "Z" if event.shift_key() => Msg::Redo,
                        "z" | "Z" => Msg::Undo,
                        "y" | "Y" => Msg::Redo,
                        _ => return,
                    };
                    event.prevent_default();
                    send.emit(msg);
                },
            )
        };
        let end_gesture = |name: &'static str| {
            let send = send.clone();
            EventListener::new(&document(), name, move |_| send.emit(Msg::EndGesture))
        };
        let listeners = [keys, end_gesture("change"), end_gesture("focusout")];
        move || drop(listeners)
    });
}

/// Entering meeting mode shows the meeting view from its top: the page
/// above the decisions folds away, and a phone scrolled down to the
/// button would otherwise land in the middle of the controls, the button
/// to leave out of sight.
#[hook]
pub fn use_meeting_view_from_top(meeting: bool) {
    // The effect runs when `meeting` changes (and at the start, where the
    // page is at its top anyway).
    use_effect_with(meeting, |&meeting| {
        if meeting {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
}
