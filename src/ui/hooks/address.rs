//! The address is the page: after every change the link is written into the
//! address (debounced, so a slider drag writes it once it rests), and a link
//! edited in the address bar or pasted into the tab applies at once.

use crate::core::Dataset;
use crate::state::fragment::IgnoredEntry;
use crate::state::link::{self, PageLink};
use crate::state::workspace::Msg;
use crate::ui::platform::url;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use gloo::utils::window;
use std::rc::Rc;
use yew::prelude::*;

/// Mirrors `page` into the address; reports a failure to `failed`.
#[hook]
pub fn use_address_mirror(page: Rc<PageLink>, failed: UseStateHandle<Option<String>>) {
    use_effect_with(page, move |page| {
        let page = page.clone();
        // A newer change cancels the timer (the cleanup drops it).
        let write = Timeout::new(
            crate::ui::URL_WRITE_DELAY_MS,
            move || match url::replace_fragment(&link::serialize(&page)) {
                Ok(()) => failed.set(None),
                Err(e) => {
                    gloo::console::error!(format!("could not update the address: {e}"));
                    failed.set(Some(e));
                }
            },
        );
        move || drop(write)
    });
}

/// Opens a link edited in the address bar; what it could not read goes to `ignored`.
#[hook]
pub fn use_address_edits(
    data: Rc<Dataset>,
    send: Callback<Msg>,
    ignored: UseStateHandle<Vec<IgnoredEntry>>,
) {
    use_effect_with((), move |_| {
        let listener = EventListener::new(&window(), "hashchange", move |_| {
            let (page, skipped) = link::parse(&data, &url::current_fragment());
            ignored.set(skipped);
            send.emit(Msg::OpenLink(Box::new(page)));
        });
        move || drop(listener)
    });
}
