//! JSON at the edge, with the browser's own parser: text becomes a
//! JavaScript value with `JSON.parse` and a typed value with
//! serde-wasm-bindgen, so the bundle carries no JSON parser of its own.

use crate::state::document::{DocumentSource, Envelope, ParseError};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// A document as the browser's `JSON.parse` read it.
pub struct BrowserJson(pub JsValue);

impl BrowserJson {
    /// Parses JSON text; `NotJson` when it is not JSON.
    pub fn parse(text: &str) -> Result<Self, ParseError> {
        js_sys::JSON::parse(text)
            .map(BrowserJson)
            .map_err(|_| ParseError::NotJson(None))
    }
}

impl DocumentSource for BrowserJson {
    fn envelope(&self) -> Result<Envelope, ParseError> {
        if !self.0.is_object() || js_sys::Array::is_array(&self.0) {
            return Err(ParseError::NotAnObject);
        }
        serde_wasm_bindgen::from_value(self.0.clone()).map_err(|_| ParseError::NotAnObject)
    }

    fn read<T: DeserializeOwned>(&self) -> Result<T, ParseError> {
        serde_wasm_bindgen::from_value(self.0.clone()).map_err(|_| ParseError::Structure(None))
    }
}

/// A typed value from JSON text.
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(text).map_err(super::describe)?;
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// A typed value as JSON text, indented when people will read it.
pub fn to_text<T: Serialize>(value: &T, indented: bool) -> String {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let Ok(js) = value.serialize(&serializer) else {
        return String::new();
    };
    let space = if indented {
        JsValue::from(2)
    } else {
        JsValue::UNDEFINED
    };
    js_sys::JSON::stringify_with_replacer_and_space(&js, &JsValue::NULL, &space)
        .map(String::from)
        .unwrap_or_default()
}
