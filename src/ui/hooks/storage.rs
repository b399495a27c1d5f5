//! The saved scenarios and the person's own data sets in the browser's
//! storage: written right after every change (a save must survive the tab
//! being closed right after it), merged first with what another tab stored
//! (so neither tab's work is lost), and followed when another tab writes
//! (the `storage` event). The tab also remembers, for a reload, which saved
//! scenario it had open.

use crate::core::Dataset;
use crate::state::datasets::{self, Datasets};
use crate::state::library::{self, Library};
use crate::state::workspace::Msg;
use crate::ui::platform::storage;
use std::rc::Rc;
use yew::prelude::*;

/// How one stored document is read, written and merged.
struct Store<T> {
    key: &'static str,
    text: fn(&T) -> String,
    /// What is stored now, if it reads.
    stored: Rc<dyn Fn() -> Option<T>>,
    /// Merges what is stored into a copy of what the page has: whether
    /// that changed anything.
    merge: fn(&mut T, &T) -> bool,
    write: fn(&str) -> Result<(), String>,
    /// The message that takes what another tab stored in.
    take_in: fn(T) -> Msg,
}

#[hook]
fn use_store<T: Clone + PartialEq + 'static>(
    store: Store<T>,
    value: Rc<T>,
    writable: bool,
    send: Callback<Msg>,
    failed: UseStateHandle<Option<String>>,
) {
    let last_written = use_mut_ref(|| None::<String>);
    let store = Rc::new(store);
    {
        let (store, send) = (store.clone(), send.clone());
        use_effect_with(value, move |value| {
            let text = (store.text)(value);
            let first = last_written.borrow().is_none();
            if first {
                // What was just loaded: nothing to write.
                *last_written.borrow_mut() = Some(text);
            } else if writable && last_written.borrow().as_deref() != Some(text.as_str()) {
                // Another tab may have written since this one read: take its work in first.
                if let Some(stored) = (store.stored)() {
                    let mut merged = (**value).clone();
                    if (store.merge)(&mut merged, &stored) {
                        send.emit((store.take_in)(stored));
                        return;
                    }
                }
                match (store.write)(&text) {
                    Ok(()) => *last_written.borrow_mut() = Some(text),
                    Err(message) => failed.set(Some(message)),
                }
            }
        });
    }
    use_effect_with((), move |_| {
        let listener = storage::on_other_tab_key(store.key, move || {
            if let Some(stored) = (store.stored)() {
                send.emit((store.take_in)(stored));
            }
        });
        move || drop(listener)
    });
}

#[hook]
pub fn use_library_storage(
    data: (Rc<Dataset>, Rc<Datasets>),
    library: Rc<Library>,
    open: Option<String>,
    writable: bool,
    send: Callback<Msg>,
    failed: UseStateHandle<Option<String>>,
) {
    let (builtin, own) = data;
    let store = Store {
        key: library::STORAGE_KEY,
        text: |l: &Library| storage::library_text(l, false),
        stored: Rc::new(move || storage::stored_library(&builtin, &own)),
        merge: Library::merge,
        write: storage::store_library,
        take_in: Msg::MergeStored,
    };
    use_store(store, library, writable, send, failed);
    use_effect_with(open, |open| storage::remember_open(open.as_deref()));
}

#[hook]
pub fn use_dataset_storage(
    own: Rc<Datasets>,
    writable: bool,
    send: Callback<Msg>,
    failed: UseStateHandle<Option<String>>,
) {
    let store = Store {
        key: datasets::STORAGE_KEY,
        text: storage::datasets_text,
        stored: Rc::new(storage::stored_datasets),
        merge: Datasets::merge,
        write: storage::store_datasets,
        take_in: Msg::MergeStoredDatasets,
    };
    use_store(store, own, writable, send, failed);
}
