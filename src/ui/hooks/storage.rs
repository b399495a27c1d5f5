//! The saved scenarios in the browser's storage: written right after every
//! change (a save must survive the tab being closed right after it), merged
//! first with what another tab stored (so neither tab's work is lost), and
//! followed when another tab writes (the `storage` event). The tab also
//! remembers, for a reload, which saved scenario it had open.

use crate::core::Dataset;
use crate::state::library::Library;
use crate::state::workspace::Msg;
use crate::ui::platform::storage;
use std::rc::Rc;
use yew::prelude::*;

#[hook]
pub fn use_library_storage(
    data: Rc<Dataset>,
    library: Rc<Library>,
    open: Option<String>,
    writable: bool,
    send: Callback<Msg>,
    failed: UseStateHandle<Option<String>>,
) {
    let last_written = use_mut_ref(|| None::<String>);
    {
        let data = data.clone();
        let send = send.clone();
        use_effect_with(library, move |library| {
            let text = storage::library_text(library, false);
            let first = last_written.borrow().is_none();
            if first {
                // What was just loaded: nothing to write.
                *last_written.borrow_mut() = Some(text);
            } else if writable && last_written.borrow().as_deref() != Some(text.as_str()) {
                // Another tab may have written since this one read: take its work in first.
                if let Some(stored) = storage::stored_library(&data) {
                    let mut merged = (**library).clone();
                    if merged.merge(&stored) {
                        send.emit(Msg::MergeStored(stored));
                        return;
                    }
                }
                match storage::store_library(&text) {
                    Ok(()) => *last_written.borrow_mut() = Some(text),
                    Err(message) => failed.set(Some(message)),
                }
            }
        });
    }
    use_effect_with((), move |_| {
        let listener = storage::on_other_tab(move || {
            if let Some(stored) = storage::stored_library(&data) {
                send.emit(Msg::MergeStored(stored));
            }
        });
        move || drop(listener)
    });
    use_effect_with(open, |open| storage::remember_open(open.as_deref()));
}
