//! Reading a stored or imported JSON document, whatever parses it.
//!
//! Natively a document's text is read with serde_json ([`JsonText`]), which
//! knows where in the text a problem is; the page reads what the browser's
//! own `JSON.parse` made of it through serde-wasm-bindgen, so its bundle
//! carries no JSON parser. Either way the document's envelope (`format`,
//! `version`) is read first and decides how the rest is read, so every
//! stored format can migrate its older versions and refuse newer ones.

use serde::de::DeserializeOwned;
use serde::Deserialize;

/// A JSON value as far as the envelope cares: text, a whole number, or
/// anything else.
#[derive(Debug, PartialEq, Eq)]
pub enum Scalar {
    Text(String),
    Number(u64),
    Other,
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ScalarVisitor;
        impl<'de> serde::de::Visitor<'de> for ScalarVisitor {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar::Text(v.to_owned()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar::Number(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Scalar, E> {
                Ok(u64::try_from(v).map_or(Scalar::Other, Scalar::Number))
            }
            // A reader that holds every number as a float (the browser's)
            // gives whole numbers here too.
            fn visit_f64<E>(self, v: f64) -> Result<Scalar, E> {
                let whole = v >= 0.0 && v.fract() == 0.0 && v < 9.0e15;
                Ok(if whole {
                    Scalar::Number(v as u64)
                } else {
                    Scalar::Other
                })
            }
            fn visit_bool<E>(self, _: bool) -> Result<Scalar, E> {
                Ok(Scalar::Other)
            }
            fn visit_unit<E>(self) -> Result<Scalar, E> {
                Ok(Scalar::Other)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Scalar, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Scalar::Other)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Scalar, A::Error> {
                while map
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(Scalar::Other)
            }
        }
        deserializer.deserialize_any(ScalarVisitor)
    }
}

/// The fields every version of every stored document has.
#[derive(Debug, Deserialize)]
pub struct Envelope {
    #[serde(default)]
    pub format: Option<Scalar>,
    #[serde(default)]
    pub version: Option<Scalar>,
}

/// Why a document could not be parsed at all: not JSON, not an object, or
/// not of the structure its version promises.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    /// Not JSON; the line and column when the reader knows them.
    NotJson(Option<(usize, usize)>),
    /// JSON, but not an object.
    NotAnObject,
    /// A field missing or of the wrong type; where, when known.
    Structure(Option<(usize, usize)>),
}

/// Where a document's parts are read from.
pub trait DocumentSource {
    /// The envelope; `NotAnObject` if the content is not an object.
    fn envelope(&self) -> Result<Envelope, ParseError>;
    /// The whole content read as `T`.
    fn read<T: DeserializeOwned>(&self) -> Result<T, ParseError>;
}

/// A document's JSON text, read with serde_json (natively).
#[cfg(not(target_arch = "wasm32"))]
pub struct JsonText<'a>(pub &'a str);

#[cfg(not(target_arch = "wasm32"))]
impl DocumentSource for JsonText<'_> {
    fn envelope(&self) -> Result<Envelope, ParseError> {
        serde_json::from_str::<serde::de::IgnoredAny>(self.0)
            .map_err(|e| ParseError::NotJson(Some((e.line(), e.column()))))?;
        // Only an object is a document (serde would also read a struct from an array).
        if !self.0.trim_start().starts_with('{') {
            return Err(ParseError::NotAnObject);
        }
        serde_json::from_str(self.0).map_err(|_| ParseError::NotAnObject)
    }

    fn read<T: DeserializeOwned>(&self) -> Result<T, ParseError> {
        serde_json::from_str(self.0)
            .map_err(|e| ParseError::Structure(Some((e.line(), e.column()))))
    }
}

/// Where in a text a problem is, when the reader knows: ` (rad 1, kolumn 8)`.
pub fn at(position: &Option<(usize, usize)>) -> String {
    position
        .map(|(line, column)| format!(" (rad {line}, kolumn {column})"))
        .unwrap_or_default()
}
