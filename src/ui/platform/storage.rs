//! localStorage and sessionStorage at the edge, reached through `web_sys`
//! (gloo-storage's accessor panics when storage is disabled; here that case
//! must only be said). The saved scenarios and the person's own data sets
//! are read at start (unreadable text
//! is backed up before anything else happens, so it can never be lost),
//! written after each change, and merged with what another tab of the page
//! stored, so two tabs never lose each other's work.

use super::describe;
use super::json::{to_text, BrowserJson};
use crate::core::Dataset;
use crate::state::datasets::{self, Datasets, DatasetsError};
use crate::state::library::{
    check_document_size, read_document, Datasets as UnknownDatasets, Library, LibraryError,
    BACKUP_KEY_PREFIX, STORAGE_KEY,
};
use gloo::events::EventListener;
use gloo::utils::window;
use web_sys::Storage;

fn local() -> Result<Storage, String> {
    window()
        .local_storage()
        .map_err(describe)?
        .ok_or_else(|| "webbläsaren har ingen lokal lagring".to_owned())
}

/// Reads a saved-scenarios document with the browser's JSON parser; a
/// scenario's link is checked against its data set when this browser has it.
pub fn read_library(
    text: &str,
    builtin: &Dataset,
    own: &Datasets,
) -> Result<Library, LibraryError> {
    check_document_size(text.len() as u64)?;
    let source = BrowserJson::parse(text)?;
    let lookup = |id: &str| {
        if id == builtin.id {
            Some(builtin)
        } else {
            own.get(id)
        }
    };
    read_document(&source, &lookup, UnknownDatasets::KeepUnknown)
}

/// A stored document at start, and a Swedish notice when it could not be
/// read. If even the backup fails, writing is switched off and the text
/// stays where it is.
pub struct Loaded<T> {
    pub value: T,
    pub notice: Option<String>,
    pub writable: bool,
}

/// How the notices name a stored document and what the page does without it.
struct Words {
    /// "De sparade scenarierna".
    what: &'static str,
    /// Said when storage is switched off.
    no_storage: &'static str,
    /// What the page started with.
    started: &'static str,
    /// How to keep work when nothing can be written.
    keep: &'static str,
}

const SCENARIO_WORDS: Words = Words {
    what: "De sparade scenarierna",
    no_storage: "Webbläsaren tillåter inte att sidan sparar något (lokal lagring är avstängd), så sparade scenarier kan inte visas eller sparas. Allt annat fungerar, och länken i adressfältet bär scenariot.",
    started: "Sidan startade med standardvärdena",
    keep: "nya scenarier sparas därför inte i webbläsaren nu – använd ”Exportera scenarier” för att spara dem i en fil",
};

const DATASET_WORDS: Words = Words {
    what: "De egna dataunderlagen",
    no_storage: "Webbläsaren tillåter inte att sidan sparar något (lokal lagring är avstängd), så egna dataunderlag kan inte sparas. Det inbyggda dataunderlaget fungerar som vanligt.",
    started: "Sidan startade med det inbyggda dataunderlaget",
    keep: "ändrade dataunderlag sparas därför inte i webbläsaren nu – använd ”Exportera dataunderlag” för att spara dem i en fil",
};

/// Reads the document under `key` with `read`; unreadable text is backed
/// up under a key of its own before anything else happens.
fn load<T: Default, E: std::fmt::Display>(
    key: &str,
    words: &Words,
    read: impl Fn(&str) -> Result<T, E>,
) -> Loaded<T> {
    let loaded = |value, notice: Option<String>, writable| Loaded {
        value,
        notice,
        writable,
    };
    let storage = match local() {
        Ok(storage) => storage,
        Err(problem) => {
            gloo::console::warn!(format!("no localStorage: {problem}"));
            return loaded(T::default(), Some(words.no_storage.to_owned()), false);
        }
    };
    let text = match storage.get_item(key) {
        Ok(Some(text)) => text,
        Ok(None) => return loaded(T::default(), None, true),
        Err(error) => {
            let problem = describe(error);
            return loaded(
                T::default(),
                Some(format!(
                    "{} kunde inte läsas ({problem}). {}; inget har raderats.",
                    words.what, words.started
                )),
                false,
            );
        }
    };
    match read(&text) {
        Ok(value) => loaded(value, None, true),
        Err(problem) => {
            // A key of its own: an earlier backup (the same minute, say) is never overwritten.
            let stamp = format!("{BACKUP_KEY_PREFIX}{}", super::now());
            let backup_key = (1..)
                .map(|n| {
                    if n == 1 {
                        stamp.clone()
                    } else {
                        format!("{stamp}-{n}")
                    }
                })
                .find(|key| matches!(storage.get_item(key), Ok(None)))
                .unwrap_or(stamp);
            gloo::console::warn!(format!("stored {key} unreadable: {problem}"));
            match storage.set_item(&backup_key, &text) {
                Ok(()) => {
                    let _ = storage.remove_item(key);
                    loaded(T::default(), Some(format!("{} kunde inte läsas: {problem} {}. Den oläsbara texten är kvar i webbläsaren under nyckeln ”{backup_key}”, så inget har raderats.", words.what, words.started)), true)
                }
                Err(error) => {
                    gloo::console::warn!(format!("backup failed: {}", describe(error)));
                    loaded(T::default(), Some(format!("{} kunde inte läsas: {problem} {}. Texten ligger kvar orörd under nyckeln ”{key}”; {}.", words.what, words.started, words.keep)), false)
                }
            }
        }
    }
}

/// The saved scenarios at start (their data sets: the built-in one and the
/// person's own).
pub fn load_library(builtin: &Dataset, own: &Datasets) -> Loaded<Library> {
    load(STORAGE_KEY, &SCENARIO_WORDS, |text| {
        read_library(text, builtin, own)
    })
}

/// The person's own data sets at start.
pub fn load_datasets() -> Loaded<Datasets> {
    load(datasets::STORAGE_KEY, &DATASET_WORDS, read_datasets)
}

/// Reads a data-sets document (stored or a file) with the browser's JSON parser.
pub fn read_datasets(text: &str) -> Result<Datasets, DatasetsError> {
    datasets::check_document_size(text.len() as u64)?;
    let source = BrowserJson::parse(text)?;
    datasets::read_document(&source)
}

/// The text stored under `key` (by this tab or another), if any.
pub fn stored_text(key: &str) -> Option<String> {
    local().ok()?.get_item(key).ok()?
}

/// The data sets' document as stored text.
pub fn datasets_text(own: &Datasets) -> String {
    to_text(&own.document(), false)
}

/// Writes the data sets; the error is a Swedish sentence.
pub fn store_datasets(text: &str) -> Result<(), String> {
    local()?.set_item(datasets::STORAGE_KEY, text).map_err(|error| {
        gloo::console::error!(format!("localStorage write failed: {}", describe(error)));
        "Dataunderlagen kunde inte sparas i webbläsaren (lagringen är full eller avstängd). De finns kvar på sidan tills du stänger den – använd ”Exportera dataunderlag” för att spara dem i en fil.".to_owned()
    })
}

/// The library's document as stored (and exported) text.
pub fn library_text(library: &Library, indented: bool) -> String {
    to_text(&library.document(), indented)
}

/// Writes the library; the error is a Swedish sentence.
pub fn store_library(text: &str) -> Result<(), String> {
    local()?.set_item(STORAGE_KEY, text).map_err(|error| {
        gloo::console::error!(format!("localStorage write failed: {}", describe(error)));
        "Scenarierna kunde inte sparas i webbläsaren (lagringen är full eller avstängd). De finns kvar på sidan tills du stänger den – använd ”Exportera scenarier” för att spara dem i en fil.".to_owned()
    })
}

/// Calls `changed` whenever another tab writes the saved scenarios.
pub fn on_other_tab(changed: impl Fn() + 'static) -> EventListener {
    on_other_tab_key(STORAGE_KEY, changed)
}

/// Calls `changed` whenever another tab writes the item under `watched`.
pub fn on_other_tab_key(watched: &'static str, changed: impl Fn() + 'static) -> EventListener {
    EventListener::new(&window(), "storage", move |event| {
        let key = js_sys::Reflect::get(event, &"key".into())
            .ok()
            .and_then(|k| k.as_string());
        if key.as_deref() == Some(watched) {
            changed();
        }
    })
}

/// The key under which this tab remembers its open saved scenario across a reload.
const OPEN_KEY: &str = "budgetsimulatorn.öppet";

/// The saved scenario this tab had open before a reload.
pub fn remembered_open() -> Option<String> {
    window().session_storage().ok()??.get_item(OPEN_KEY).ok()?
}

/// Remembers (or forgets) the open saved scenario for a reload of this tab.
pub fn remember_open(uid: Option<&str>) {
    if let Ok(Some(session)) = window().session_storage() {
        let _ = match uid {
            Some(uid) => session.set_item(OPEN_KEY, uid),
            None => session.remove_item(OPEN_KEY),
        };
    }
}

/// The key under which this browser remembers the person's own data set it
/// last used, so a plain address opens with it again.
const LAST_DATA_KEY: &str = "budgetsimulatorn.senaste-dataunderlag";

/// The own (saved) data set this browser used last, if any.
pub fn remembered_dataset() -> Option<String> {
    window()
        .local_storage()
        .ok()??
        .get_item(LAST_DATA_KEY)
        .ok()?
}

/// Remembers the own data set in use (`None`: the built-in one). A failure
/// costs only the convenience, so it is not reported.
pub fn remember_dataset(id: Option<&str>) {
    if let Ok(Some(local)) = window().local_storage() {
        let _ = match id {
            Some(id) => local.set_item(LAST_DATA_KEY, id),
            None => local.remove_item(LAST_DATA_KEY),
        };
    }
}
