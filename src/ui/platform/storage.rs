//! localStorage and sessionStorage at the edge, reached through `web_sys`
//! (gloo-storage's accessor panics when storage is disabled; here that case
//! must only be said). The saved scenarios are read at start (unreadable text
//! is backed up before anything else happens, so it can never be lost),
//! written after each change, and merged with what another tab of the page
//! stored, so two tabs never lose each other's work.

use super::describe;
use super::json::{to_text, BrowserJson};
use crate::core::Dataset;
use crate::state::library::{
    check_document_size, read_document, Datasets, Library, LibraryError, BACKUP_KEY_PREFIX,
    STORAGE_KEY,
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

/// Reads a saved-scenarios document with the browser's JSON parser.
pub fn read_library(text: &str, data: &Dataset) -> Result<Library, LibraryError> {
    check_document_size(text.len() as u64)?;
    let source = BrowserJson::parse(text)?;
    let lookup = |id: &str| (id == data.id).then_some(data);
    read_document(&source, &lookup, Datasets::KeepUnknown)
}

/// The saved scenarios at start, and a Swedish notice when they could not be
/// read. If even the backup fails, writing is switched off and the text
/// stays where it is.
pub struct Loaded {
    pub library: Library,
    pub notice: Option<String>,
    pub writable: bool,
}

pub fn load_library(data: &Dataset) -> Loaded {
    let loaded = |library, notice: Option<String>, writable| Loaded {
        library,
        notice,
        writable,
    };
    let storage = match local() {
        Ok(storage) => storage,
        Err(problem) => {
            gloo::console::warn!(format!("no localStorage: {problem}"));
            return loaded(Library::default(), Some("Webbläsaren tillåter inte att sidan sparar något (lokal lagring är avstängd), så sparade scenarier kan inte visas eller sparas. Allt annat fungerar, och länken i adressfältet bär scenariot.".to_owned()), false);
        }
    };
    let text = match storage.get_item(STORAGE_KEY) {
        Ok(Some(text)) => text,
        Ok(None) => return loaded(Library::default(), None, true),
        Err(error) => {
            let problem = describe(error);
            return loaded(Library::default(), Some(format!("De sparade scenarierna kunde inte läsas ({problem}). Sidan startade med standardvärdena; inget har raderats.")), false);
        }
    };
    match read_library(&text, data) {
        Ok(library) => loaded(library, None, true),
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
            gloo::console::warn!(format!("stored scenarios unreadable: {problem}"));
            match storage.set_item(&backup_key, &text) {
                Ok(()) => {
                    let _ = storage.remove_item(STORAGE_KEY);
                    loaded(Library::default(), Some(format!("De sparade scenarierna kunde inte läsas: {problem} Sidan startade med standardvärdena. Den oläsbara texten är kvar i webbläsaren under nyckeln ”{backup_key}”, så inget har raderats.")), true)
                }
                Err(error) => {
                    gloo::console::warn!(format!("backup failed: {}", describe(error)));
                    loaded(Library::default(), Some(format!("De sparade scenarierna kunde inte läsas: {problem} Sidan startade med standardvärdena. Texten ligger kvar orörd under nyckeln ”{STORAGE_KEY}”; nya scenarier sparas därför inte i webbläsaren nu – använd ”Exportera scenarier” för att spara dem i en fil.")), false)
                }
            }
        }
    }
}

/// What another tab (or this one) stored last, if it reads.
pub fn stored_library(data: &Dataset) -> Option<Library> {
    let text = local().ok()?.get_item(STORAGE_KEY).ok()??;
    read_library(&text, data).ok()
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
    EventListener::new(&window(), "storage", move |event| {
        let key = js_sys::Reflect::get(event, &"key".into())
            .ok()
            .and_then(|k| k.as_string());
        if key.as_deref() == Some(STORAGE_KEY) {
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
