//! Decimals in stored and transported documents, exactly.
//!
//! A document (a data set file, a message to the on-demand module) may carry
//! a number as JSON number or as text. Reading accepts both and keeps the
//! value exact: text through `Decimal::from_str_exact`, whole numbers as
//! integers, and a fractional JSON number only when it is a decimal with at
//! most six places (`3.5`, `77.5`), found without formatting the float.
//! Writing gives whole numbers as JSON integers and fractional ones as text
//! (`"7.1"`), so no binary fraction ever stands for an amount. Whether an
//! amount must be whole, and its range, is the data set's validation's
//! business, which names the line and column.
//!
//! Use with `#[serde(with = "crate::core::exact")]` (or the `option` and
//! `list` submodules).

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserializer, Serializer};
use std::fmt;

/// The most decimal places a fractional JSON number is read with.
const MAX_PLACES: u32 = 6;

pub fn serialize<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    let value = value.normalize();
    match value.scale() {
        0 => match value.to_i64() {
            Some(whole) => serializer.serialize_i64(whole),
            None => serializer.serialize_str(&value.to_string()),
        },
        _ => serializer.serialize_str(&value.to_string()),
    }
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    deserializer.deserialize_any(ExactVisitor)
}

/// A float that is exactly a short decimal, as that decimal.
fn from_float(value: f64) -> Option<Decimal> {
    if !value.is_finite() || value.abs() >= 9.0e15 {
        return None;
    }
    let mut scaled = value;
    for places in 0..=MAX_PLACES {
        let whole = scaled.round();
        if (scaled - whole).abs() <= 1e-9 * scaled.abs().max(1.0) {
            return Some(Decimal::new(whole as i64, places));
        }
        scaled *= 10.0;
    }
    None
}

struct ExactVisitor;

impl Visitor<'_> for ExactVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        from_float(v).ok_or_else(|| E::custom("not an exact decimal number"))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        Decimal::from_str_exact(v.trim()).map_err(|_| E::custom("not a number"))
    }
}

/// `Option<Decimal>`: `null` or missing is `None`.
pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => super::serialize(v, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        struct OptionVisitor;
        impl<'de> Visitor<'de> for OptionVisitor {
            type Value = Option<Decimal>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number or null")
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
                super::deserialize(d).map(Some)
            }
        }
        d.deserialize_option(OptionVisitor)
    }
}

/// A decimal read and written as above, for use inside other containers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exact(pub Decimal);

impl serde::Serialize for Exact {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize(&self.0, s)
    }
}

impl<'de> serde::Deserialize<'de> for Exact {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        deserialize(d).map(Exact)
    }
}

/// `Vec<Decimal>`.
pub mod list {
    use super::*;
    use serde::{Deserialize, Serialize};

    pub fn serialize<S: Serializer>(values: &[Decimal], s: S) -> Result<S::Ok, S::Error> {
        let exact: Vec<Exact> = values.iter().map(|v| Exact(*v)).collect();
        exact.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Decimal>, D::Error> {
        Ok(Vec::<Exact>::deserialize(d)?
            .into_iter()
            .map(|e| e.0)
            .collect())
    }
}

/// `Vec<Option<Decimal>>` (`null` for a missing figure).
pub mod option_list {
    use super::*;
    use serde::{Deserialize, Serialize};

    pub fn serialize<S: Serializer>(values: &[Option<Decimal>], s: S) -> Result<S::Ok, S::Error> {
        let exact: Vec<Option<Exact>> = values.iter().map(|v| v.map(Exact)).collect();
        exact.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Option<Decimal>>, D::Error> {
        Ok(Vec::<Option<Exact>>::deserialize(d)?
            .into_iter()
            .map(|e| e.map(|e| e.0))
            .collect())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct Doc {
        #[serde(with = "super")]
        a: Decimal,
        #[serde(with = "super::option", default)]
        b: Option<Decimal>,
        #[serde(with = "super::list")]
        c: Vec<Decimal>,
    }

    #[test]
    fn numbers_and_texts_are_read_exactly_and_written_without_floats() {
        let doc: Doc =
            serde_json::from_str(r#"{"a": 7.1, "b": "0.1", "c": [619227, -5, 2.5, "3.50"]}"#)
                .unwrap();
        assert_eq!(doc.a, dec!(7.1));
        assert_eq!(doc.b, Some(dec!(0.1)));
        assert_eq!(doc.c, [dec!(619227), dec!(-5), dec!(2.5), dec!(3.5)]);
        assert_eq!(
            serde_json::to_string(&doc).unwrap(),
            r#"{"a":"7.1","b":"0.1","c":[619227,-5,"2.5","3.5"]}"#
        );
        let missing: Doc = serde_json::from_str(r#"{"a": 1, "c": []}"#).unwrap();
        assert_eq!(missing.b, None);
    }

    #[test]
    fn what_is_not_an_exact_number_is_refused() {
        for bad in [
            r#"{"a": "abc", "c": []}"#,
            r#"{"a": 0.1234567, "c": []}"#,
            r#"{"a": true, "c": []}"#,
        ] {
            assert!(serde_json::from_str::<Doc>(bad).is_err(), "{bad}");
        }
    }
}
