//! The browser's edge for saved scenarios: localStorage, the clock, and files
//! downloaded and uploaded. Every failure here becomes a Swedish sentence for
//! the page and a console entry; none stops the page or loses what is on it.
//!
//! localStorage is reached through `web_sys` rather than gloo-storage, whose
//! accessor panics when storage is disabled; here that case must only be said.

use crate::model::library::{
    check_document_size, read_document_from, DocumentSource, DocumentV1, Envelope, Library,
    LibraryError, ReadScenario, Scalar, StoredScenarioV1, BACKUP_KEY_PREFIX, FORMAT_NAME,
    FORMAT_VERSION, STORAGE_KEY,
};
use crate::model::Dataset;
use gloo::utils::{document, window};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

/// A browser error in words for the notice. (Not `{:?}`: JsValue's `Debug`
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

fn local_storage() -> Result<Storage, String> {
    window()
        .local_storage()
        .map_err(describe)?
        .ok_or_else(|| "webbläsaren har ingen lokal lagring".to_owned())
}

/// A document as the browser's `JSON.parse` read it, read field by field
/// (no serde here: its machinery would cost the start-up bundle kilobytes).
struct BrowserJson(JsValue);

fn field(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A value as the envelope sees it: text, a whole number, or anything else.
fn scalar(value: JsValue) -> Option<Scalar> {
    if value.is_undefined() {
        return None;
    }
    Some(if let Some(text) = value.as_string() {
        Scalar::Text(text)
    } else if let Some(n) = value
        .as_f64()
        .filter(|n| *n >= 0.0 && n.fract() == 0.0 && *n < 9.0e15)
    {
        Scalar::Number(n as u64)
    } else {
        Scalar::Other
    })
}

impl DocumentSource for BrowserJson {
    fn envelope(&self) -> Result<Envelope, LibraryError> {
        if !self.0.is_object() || js_sys::Array::is_array(&self.0) {
            return Err(LibraryError::WrongFormat);
        }
        Ok(Envelope {
            format: scalar(field(&self.0, "format")),
            version: scalar(field(&self.0, "version")),
        })
    }

    fn version_1(&self) -> Result<DocumentV1, LibraryError> {
        let bad = LibraryError::BadStructure { position: None };
        let list = field(&self.0, "scenarios");
        if !js_sys::Array::is_array(&list) {
            return Err(bad);
        }
        let text = |entry: &JsValue, key: &str| field(entry, key).as_string();
        let scenarios = js_sys::Array::from(&list)
            .iter()
            .map(|entry| {
                Some(StoredScenarioV1 {
                    name: text(&entry, "name")?,
                    saved: text(&entry, "saved")?,
                    link: text(&entry, "link")?,
                })
            })
            .collect::<Option<Vec<_>>>()
            .ok_or(bad)?;
        Ok(DocumentV1 {
            format: FORMAT_NAME.to_owned(),
            version: FORMAT_VERSION,
            scenarios,
        })
    }
}

/// A document's JSON text, written by the browser's `JSON.stringify` with
/// the same fields, order and indentation as `Library::to_document`.
pub fn document_text(document: &DocumentV1) -> String {
    let object = js_sys::Object::new();
    let set = |target: &js_sys::Object, key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(target, &key.into(), &value);
    };
    set(&object, "format", document.format.as_str().into());
    set(&object, "version", (document.version as f64).into());
    let list = js_sys::Array::new();
    for stored in &document.scenarios {
        let entry = js_sys::Object::new();
        set(&entry, "name", stored.name.as_str().into());
        set(&entry, "saved", stored.saved.as_str().into());
        set(&entry, "link", stored.link.as_str().into());
        list.push(&entry);
    }
    set(&object, "scenarios", list.into());
    js_sys::JSON::stringify_with_replacer_and_space(&object, &JsValue::NULL, &2.into())
        .map(String::from)
        .unwrap_or_default()
}

/// Reads a scenario document (stored or imported) with the browser's JSON
/// parser and the model's rules.
pub fn read_document(data: &Dataset, text: &str) -> Result<Vec<ReadScenario>, LibraryError> {
    check_document_size(text.len() as u64)?;
    let value = js_sys::JSON::parse(text).map_err(|_| LibraryError::NotJson { position: None })?;
    read_document_from(data, &BrowserJson(value))
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

/// Local time as `YYYY-MM-DDTHH:MM`, stamped on saved scenarios.
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

/// The saved scenarios at start, and a Swedish notice when they could not be
/// read. Unreadable text is copied to a backup key before anything else
/// happens, so the next write cannot destroy it; if even that fails, writing
/// is switched off (`writable` false) and the text stays where it is.
pub struct Loaded {
    pub library: Library,
    pub notice: Option<String>,
    pub writable: bool,
}

pub fn load_library(data: &Dataset) -> Loaded {
    let storage = match local_storage() {
        Ok(storage) => storage,
        Err(problem) => {
            gloo::console::warn!(format!("no localStorage: {problem}"));
            return Loaded {
                library: Library::default(),
                notice: Some("Webbläsaren tillåter inte att sidan sparar något (lokal lagring är avstängd), så sparade scenarier kan inte visas eller sparas. Allt annat fungerar, och länken i adressfältet bär scenariot.".to_owned()),
                writable: false,
            };
        }
    };
    let text = match storage.get_item(STORAGE_KEY) {
        Ok(Some(text)) => text,
        Ok(None) => {
            return Loaded {
                library: Library::default(),
                notice: None,
                writable: true,
            }
        }
        Err(error) => {
            let problem = describe(error);
            gloo::console::warn!(format!("localStorage read failed: {problem}"));
            return Loaded {
                library: Library::default(),
                notice: Some(format!("De sparade scenarierna kunde inte läsas ({problem}). Sidan startade med standardvärdena; inget har raderats.")),
                writable: false,
            };
        }
    };
    match read_document(data, &text) {
        Ok(read) => Loaded {
            library: Library::from_read(read),
            notice: None,
            writable: true,
        },
        Err(problem) => {
            // A key of its own: an earlier backup (the same minute, say) is never overwritten.
            let stamp = format!("{BACKUP_KEY_PREFIX}{}", now());
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
                    Loaded {
                        library: Library::default(),
                        notice: Some(format!("De sparade scenarierna kunde inte läsas: {problem} Sidan startade med standardvärdena. Den oläsbara texten är kvar i webbläsaren under nyckeln ”{backup_key}”, så inget har raderats.")),
                        writable: true,
                    }
                }
                Err(error) => {
                    gloo::console::warn!(format!("backup failed: {}", describe(error)));
                    Loaded {
                        library: Library::default(),
                        notice: Some(format!("De sparade scenarierna kunde inte läsas: {problem} Sidan startade med standardvärdena. Texten ligger kvar orörd under nyckeln ”{STORAGE_KEY}”; nya scenarier sparas därför inte i webbläsaren nu – använd ”Exportera scenarier” för att spara dem i en fil.")),
                        writable: false,
                    }
                }
            }
        }
    }
}

/// Writes the library's document; the error is a Swedish sentence.
pub fn store_library(text: &str) -> Result<(), String> {
    let storage = local_storage()?;
    storage.set_item(STORAGE_KEY, text).map_err(|error| {
        let problem = describe(error);
        gloo::console::error!(format!("localStorage write failed: {problem}"));
        "Scenarierna kunde inte sparas i webbläsaren (lagringen är full eller avstängd). De finns kvar på sidan tills du stänger den – använd ”Exportera scenarier” för att spara dem i en fil.".to_owned()
    })
}

/// Offers `text` as a file download.
pub fn download(file_name: &str, mime_type: &str, text: &str) -> Result<(), String> {
    let blob = gloo::file::Blob::new_with_options(text, Some(mime_type));
    let url = gloo::file::ObjectUrl::from(blob);
    let anchor: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| "kunde inte skapa en länk".to_owned())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The object URL is revoked when `url` drops; the click has started the
    // download by then.
    Ok(())
}

/// Whether a file is small enough to read (checked before reading it).
pub fn check_size(file: &gloo::file::File) -> Result<(), String> {
    check_document_size(file.size()).map_err(|e| e.to_string())
}
