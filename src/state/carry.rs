//! A data set carried in a link, so a scenario of one's own data set can be
//! sent as an address.
//!
//! What a link carries is the export file of that one data set (the
//! document of `state::datasets`, without times or tombstones) as compact
//! JSON, deflated, in base64url. The page writes the JSON with the
//! browser's `JSON.stringify` (as it writes every file, through
//! serde-wasm-bindgen) and deflates it with `CompressionStream('deflate-raw')`;
//! reading is the reverse, `DecompressionStream` and `JSON.parse`, then
//! [`read`] through [`DocumentSource`]. So a link and a file share one
//! format, one version number and one set of strict checks, and the bundle
//! needs neither a JSON writer nor a deflater of its own. Natively
//! [`encode`] makes the same JSON with serde_json (tests and tools).
//!
//! Rust does the two parts the browser has no function for: base64url
//! (RFC 4648 §5, without padding; hand-written, about forty lines, rather
//! than a new dependency) and the size limits. A link must stay well under
//! 8 KB: the carried part is at most [`MAX_LINK_CHARS`] characters, leaving
//! room for the address and the scenario; a data set too large for that
//! gives [`CarryError::TooLarge`], and the page says to send the file.

use crate::core::Dataset;
use crate::state::datasets::{self, DatasetsError, DocumentV1, Entry, FORMAT_NAME, FORMAT_VERSION};
use crate::state::document::DocumentSource;
use thiserror::Error;

/// The most base64url characters a link carries for its data set.
pub const MAX_LINK_CHARS: usize = 6_000;
/// The most bytes the page inflates a carried data set to (a data set of
/// the largest size a document holds is far below this).
pub const MAX_INFLATED_BYTES: usize = 1_000_000;

/// Why a data set cannot be carried or read from a link. The `Display`
/// text is the Swedish message the page shows.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CarryError {
    #[error("Dataunderlaget är för stort för en länk ({chars} tecken; högst {MAX_LINK_CHARS}). Skicka filen med dataunderlaget i stället.")]
    TooLarge { chars: usize },
    #[error("Länkens dataunderlag är skadat (tecknet på plats {position} hör inte dit). Be om länken igen.")]
    BadCharacter { position: usize },
    #[error("Länkens dataunderlag är avkortat. Be om länken igen eller om filen.")]
    BadLength,
    #[error(
        "Länkens dataunderlag packas upp till mer än {MAX_INFLATED_BYTES} byte och läses inte."
    )]
    TooLargeInflated,
    #[error("Länkens dataunderlag kan inte packas upp. Be om länken igen eller om filen.")]
    NotDeflated,
    #[error("Länken ska bära ett dataunderlag, men bär {count}.")]
    NotOne { count: usize },
    #[error("Länkens dataunderlag kan inte användas. {0}")]
    Document(#[from] DatasetsError),
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Bytes as base64url, without padding.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        let sextets = [n >> 18, n >> 12, n >> 6, n];
        for s in &sextets[..chunk.len() + 1] {
            out.push(char::from(ALPHABET[(s & 63) as usize]));
        }
    }
    out
}

/// base64url text as bytes; padding (`=`) at the end is allowed, anything
/// outside the alphabet or a length no encoding has is refused.
pub fn base64url_decode(text: &str) -> Result<Vec<u8>, CarryError> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return Err(CarryError::BadLength);
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for (position, c) in text.bytes().enumerate() {
        let value = ALPHABET
            .iter()
            .position(|&a| a == c)
            .ok_or(CarryError::BadCharacter {
                position: position + 1,
            })?;
        acc = (acc << 6) | value as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Ok(out)
}

/// The document a link carries: the export file of this one data set.
pub fn document(data: &Dataset) -> DocumentV1 {
    DocumentV1 {
        format: FORMAT_NAME.to_owned(),
        version: FORMAT_VERSION,
        datasets: vec![Entry {
            changed: 0,
            dataset: data.clone(),
        }],
        deleted: Vec::new(),
    }
}

/// The carried document's compact JSON text, natively (the page makes the
/// same with `JSON.stringify`).
#[cfg(not(target_arch = "wasm32"))]
pub fn encode(data: &Dataset) -> Vec<u8> {
    serde_json::to_vec(&document(data)).expect("a data set serialises")
}

/// The link's text for the deflated document, or why it cannot be carried.
pub fn link_value(deflated: &[u8]) -> Result<String, CarryError> {
    let chars = deflated.len().div_ceil(3) * 4;
    if chars > MAX_LINK_CHARS + 4 {
        return Err(CarryError::TooLarge { chars });
    }
    let text = base64url_encode(deflated);
    if text.len() > MAX_LINK_CHARS {
        return Err(CarryError::TooLarge { chars: text.len() });
    }
    Ok(text)
}

/// The deflated document from a link's text (checked for size first, so a
/// long address is never decoded).
pub fn deflated(link_value: &str) -> Result<Vec<u8>, CarryError> {
    if link_value.len() > MAX_LINK_CHARS {
        return Err(CarryError::TooLarge {
            chars: link_value.len(),
        });
    }
    base64url_decode(link_value)
}

/// Checks the inflated size the page got, before it parses the text.
pub fn check_inflated(bytes: usize) -> Result<(), CarryError> {
    if bytes > MAX_INFLATED_BYTES {
        Err(CarryError::TooLargeInflated)
    } else {
        Ok(())
    }
}

/// The carried data set, read and checked as a data set file is.
pub fn read(source: &impl DocumentSource) -> Result<Dataset, CarryError> {
    let read = datasets::read_document(source)?;
    match <[_; 1]>::try_from(read.entries) {
        Ok([entry]) => Ok(entry.dataset),
        Err(entries) => Err(CarryError::NotOne {
            count: entries.len(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, coded) in cases {
            assert_eq!(base64url_encode(plain.as_bytes()), coded);
            assert_eq!(base64url_decode(coded).unwrap(), plain.as_bytes());
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url_decode("Zm9vYg==").unwrap(), b"foob");
        assert_eq!(
            base64url_decode("Zm9v+g"),
            Err(CarryError::BadCharacter { position: 5 })
        );
        assert_eq!(base64url_decode("Zm9vY"), Err(CarryError::BadLength));
    }
}
