//! The address is the page: after every change the link is written into the
//! address (debounced, so a slider drag writes it once it rests), and a link
//! edited in the address bar or pasted into the tab applies at once. When
//! the data set in use is not the built-in one the link carries it
//! (`data=`, deflated by the browser), so the link opens with the same
//! figures on another computer; it is packed once per version of the data
//! set, not on every slider move.

use crate::core::Dataset;
use crate::state::fragment::{IgnoreReason, IgnoredEntry};
use crate::state::link::{self, PageLink, DATA_KEY};
use crate::state::workspace::Msg;
use crate::ui::platform::{carry, url};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use gloo::utils::window;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The packed data set of the last version seen (by pointer), so a
/// scenario change reuses it.
type Packed = Rc<RefCell<Option<(Rc<Dataset>, Result<String, String>)>>>;

async fn packed(cache: &Packed, data: &Rc<Dataset>) -> Result<String, String> {
    if let Some((seen, value)) = cache.borrow().as_ref() {
        if Rc::ptr_eq(seen, data) {
            return value.clone();
        }
    }
    let value = carry::link_value(data).await;
    *cache.borrow_mut() = Some((data.clone(), value.clone()));
    value
}

/// Mirrors `page` (and the data set in use, `carried`, when it is not the
/// built-in one) into the address; reports a failure to `failed`.
#[hook]
pub fn use_address_mirror(
    page: Rc<PageLink>,
    carried: Option<Rc<Dataset>>,
    failed: UseStateHandle<Option<String>>,
) {
    let cache: Packed = use_mut_ref(|| None);
    use_leaving_writes_address(&page, &carried, &cache);
    // Only the newest write may land: an older one still packing is dropped.
    let generation = use_mut_ref(|| 0u32);
    use_effect_with((page, carried), move |(page, carried)| {
        let (page, carried) = (page.clone(), carried.clone());
        *generation.borrow_mut() += 1;
        let mine = *generation.borrow();
        let write = Timeout::new(crate::ui::URL_WRITE_DELAY_MS, move || {
            wasm_bindgen_futures::spawn_local(async move {
                let mut text = link::serialize(&page);
                let mut problem = None;
                if let Some(data) = &carried {
                    match packed(&cache, data).await {
                        Ok(value) => text = link::with_data(&text, &value),
                        Err(why) => {
                            problem = Some(format!("Länken bär inte dataunderlaget: {why}"))
                        }
                    }
                }
                if *generation.borrow() != mine {
                    return;
                }
                match url::replace_fragment(&text) {
                    Ok(()) => failed.set(problem),
                    Err(e) => {
                        gloo::console::error!(format!("could not update the address: {e}"));
                        failed.set(Some(e));
                    }
                }
            });
        });
        move || drop(write)
    });
}

/// The link of what was last rendered, if it can be written at once: a
/// carried data set must have been packed already (packing is
/// asynchronous, and leaving does not wait).
fn link_now(page: &PageLink, carried: Option<&Rc<Dataset>>, cache: &Packed) -> Option<String> {
    let text = link::serialize(page);
    let Some(data) = carried else {
        return Some(text);
    };
    match cache.borrow().as_ref() {
        Some((seen, Ok(value))) if Rc::ptr_eq(seen, data) => Some(link::with_data(&text, value)),
        _ => None,
    }
}

/// Leaving the page (a reload, the tab closed or put away) writes the link
/// of what was last rendered, without waiting for the scenario to rest.
#[hook]
fn use_leaving_writes_address(page: &Rc<PageLink>, carried: &Option<Rc<Dataset>>, cache: &Packed) {
    let rendered = use_mut_ref(|| None);
    *rendered.borrow_mut() = Some((page.clone(), carried.clone()));
    let cache = cache.clone();
    use_effect_with((), move |_| {
        let leave = move |_: &web_sys::Event| {
            if let Some((page, carried)) = rendered.borrow().as_ref() {
                if let Some(text) = link_now(page, carried.as_ref(), &cache) {
                    url::leave_with_fragment(&text);
                }
            }
        };
        let hide = EventListener::new(&window(), "pagehide", leave.clone());
        let hidden = EventListener::new(&gloo::utils::document(), "visibilitychange", move |e| {
            if gloo::utils::document().hidden() {
                leave(e);
            }
        });
        let shown = EventListener::new(&window(), "pageshow", |_| {
            url::take_left_address();
        });
        move || drop((hide, hidden, shown))
    });
}

/// Opens a link edited in the address bar (with the data set it carries,
/// read first); what it could not read goes to `ignored`.
#[hook]
pub fn use_address_edits(
    builtin: Rc<Dataset>,
    send: Callback<Msg>,
    ignored: UseStateHandle<Vec<IgnoredEntry>>,
) {
    use_effect_with((), move |_| {
        let listener = EventListener::new(&window(), "hashchange", move |event| {
            // A jump to a part of the page (a skip link followed without the
            // page's script, the back button after one) is not a scenario
            // link: opening it would reset the scenario. The address gets
            // the scenario back instead.
            if url::names_an_element(&url::current_fragment()) {
                let _ = url::replace_fragment(&url::previous_fragment(event));
                return;
            }
            let (builtin, send, ignored) = (builtin.clone(), send.clone(), ignored.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let fragment = url::current_fragment();
                let (data, problem) = match link::carried_data(&fragment) {
                    None => (None, None),
                    Some(value) => match carry::read_link_value(value).await {
                        Ok(data) => (Some(Rc::new(data)), None),
                        Err(why) => (None, Some(why)),
                    },
                };
                let (page, mut skipped) =
                    link::parse(data.as_deref().unwrap_or(&builtin), &fragment);
                if let Some(why) = problem {
                    skipped.push(IgnoredEntry::new(
                        format!("{DATA_KEY}=…"),
                        IgnoreReason::BadData(why),
                    ));
                }
                ignored.set(skipped);
                send.emit(Msg::LinkData(data));
                send.emit(Msg::OpenLink(Box::new(page)));
            });
        });
        move || drop(listener)
    });
}
