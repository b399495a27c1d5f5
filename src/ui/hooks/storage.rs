//! The saved scenarios and the person's own data sets in the browser's
//! storage: written at once, or, while changes come faster than
//! [`WRITE_REST_MS`] apart, together when they pause, and at once when
//! the page is left or hidden (a save must survive the tab being
//! closed right after it), merged first with what another tab stored
//! (so neither tab's work is lost), and followed when another tab writes
//! (the `storage` event). The tab also remembers, for a reload, which saved
//! scenario it had open.

use crate::core::Dataset;
use crate::state::datasets::{self, Datasets};
use crate::state::library::{self, Library};
use crate::state::opening::Remember;
use crate::state::workspace::Msg;
use crate::ui::platform::storage;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use gloo::utils::{document, window};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The least time between two writes, ms: a slider drag is written a few
/// times a second, not on every step (the write was a tenth of a move's
/// time); a change after a rest is written at once, and leaving the page
/// writes what waits.
const WRITE_REST_MS: u32 = 200;

/// Reads a stored text, if it reads.
type Reader<T> = Rc<dyn Fn(&str) -> Option<T>>;

/// How one stored document is read, written and merged.
struct Store<T> {
    key: &'static str,
    text: fn(&T) -> String,
    /// What a stored text reads as, if it reads.
    read: Reader<T>,
    /// Merges what is stored into a copy of what the page has: whether
    /// that changed anything.
    merge: fn(&mut T, &T) -> bool,
    write: fn(&str) -> Result<(), String>,
    /// The message that takes what another tab stored in.
    take_in: fn(T) -> Msg,
}

/// A write waiting for its rest: run it now, or drop it for a newer one.
type Job = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;

fn run_job(job: &Job) {
    let pending = job.borrow_mut().take();
    if let Some(write) = pending {
        write();
    }
}

/// What one store's writes share: the text last written, and where a
/// failure is reported.
struct Writer<T> {
    store: Rc<Store<T>>,
    last_written: Rc<RefCell<Option<String>>>,
    send: Callback<Msg>,
    failed: UseStateHandle<Option<String>>,
}

impl<T: Clone + 'static> Writer<T> {
    /// Writes `value` unless it is what was last written; what another tab
    /// stored since is taken in first (and then this write waits for the
    /// merged value's own).
    fn write(&self, value: &T) {
        let store = &self.store;
        let text = (store.text)(value);
        if self.last_written.borrow().as_deref() == Some(text.as_str()) {
            return;
        }
        // Text just as this tab wrote it needs no reading: most writes
        // follow this tab's own.
        let theirs = storage::stored_text(store.key)
            .filter(|raw| self.last_written.borrow().as_deref() != Some(raw.as_str()))
            .and_then(|raw| (store.read)(&raw));
        if let Some(stored) = theirs {
            let mut merged = value.clone();
            if (store.merge)(&mut merged, &stored) {
                self.send.emit((store.take_in)(stored));
                return;
            }
        }
        match (store.write)(&text) {
            Ok(()) => *self.last_written.borrow_mut() = Some(text),
            Err(message) => self.failed.set(Some(message)),
        }
    }
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
    let job: Job = use_mut_ref(|| None);
    let timer = use_mut_ref(|| None::<Timeout>);
    let last_write_at = use_mut_ref(|| f64::NEG_INFINITY);
    // The value as last rendered. Yew may run effects a task after the
    // render (its scheduler yields after 16 ms of work), so leaving the page
    // writes this, not only what an effect has queued.
    let rendered = use_mut_ref(|| None::<Rc<T>>);
    *rendered.borrow_mut() = writable.then(|| value.clone());
    let store = Rc::new(store);
    let writer = Rc::new(Writer {
        store: store.clone(),
        last_written: last_written.clone(),
        send: send.clone(),
        failed,
    });
    {
        let (writer, job) = (writer.clone(), job.clone());
        use_effect_with(value, move |value| {
            if last_written.borrow().is_none() {
                // What was just loaded: nothing to write.
                *last_written.borrow_mut() = Some((writer.store.text)(value));
                return;
            }
            if !writable {
                return;
            }
            let value = value.clone();
            let write = move || writer.write(&value);
            // A change after a rest is written at once (a click on "Spara"
            // is stored before anything else can happen); changes coming
            // faster are written together when the rest is over.
            let now = js_sys::Date::now();
            let since = now - *last_write_at.borrow();
            if since >= f64::from(WRITE_REST_MS) && job.borrow().is_none() {
                *last_write_at.borrow_mut() = now;
                write();
                return;
            }
            *job.borrow_mut() = Some(Box::new(write));
            let (due, written_at) = (job.clone(), last_write_at.clone());
            let wait = (f64::from(WRITE_REST_MS) - since).max(0.0) as u32;
            *timer.borrow_mut() = Some(Timeout::new(wait, move || {
                *written_at.borrow_mut() = js_sys::Date::now();
                run_job(&due);
            }));
        });
    }
    // Leaving the page (closing the tab, reloading, going elsewhere, or a
    // phone putting it away) writes what is waiting, and what was rendered
    // but not yet seen by an effect, at once.
    {
        let leave = Rc::new(move || {
            run_job(&job);
            let latest = rendered.borrow().clone();
            if let Some(value) = latest.filter(|_| writer.last_written.borrow().is_some()) {
                writer.write(&value);
            }
        });
        use_effect_with((), move |_| {
            let on_leave = {
                let leave = leave.clone();
                move |_: &web_sys::Event| leave()
            };
            let hide = EventListener::new(&window(), "pagehide", on_leave.clone());
            let hidden = EventListener::new(&document(), "visibilitychange", move |e| {
                if document().hidden() {
                    on_leave(e);
                }
            });
            move || {
                drop((hide, hidden));
                leave();
            }
        });
    }
    use_effect_with((), move |_| {
        let listener = storage::on_other_tab_key(store.key, move || {
            if let Some(stored) = storage::stored_text(store.key).and_then(|raw| (store.read)(&raw))
            {
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
        read: Rc::new(move |text| storage::read_library(text, &builtin, &own).ok()),
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
    in_use: Remember,
    writable: bool,
    send: Callback<Msg>,
    failed: UseStateHandle<Option<String>>,
) {
    use_effect_with(in_use, |in_use| {
        if let Some(id) = in_use {
            storage::remember_dataset(id.as_deref());
        }
    });
    let store = Store {
        key: datasets::STORAGE_KEY,
        text: storage::datasets_text,
        read: Rc::new(|text| storage::read_datasets(text).ok()),
        merge: Datasets::merge,
        write: storage::store_datasets,
        take_in: Msg::MergeStoredDatasets,
    };
    use_store(store, own, writable, send, failed);
}
