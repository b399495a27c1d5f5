//! Swedish number formatting for the page and plain formatting for test hooks.
//!
//! The page writes `1 918 000 kr`, `−2 028 622 kr` and `77,5 %` with
//! non-breaking spaces (a figure must never wrap in a table cell on a projector)
//! and a real minus sign (U+2212), as Swedish typography and screen readers
//! expect. The `data-value` hooks use plain ASCII (`-2028622`, `77.5`) so tests
//! and scripts can read them without knowing Swedish conventions.

use crate::core::dataset::{Column, ColumnKind};
use crate::core::money::{kr, percent_one_decimal};
use rust_decimal::Decimal;

const NBSP: char = '\u{a0}';
const MINUS: char = '\u{2212}';

/// Groups the digits of a non-negative integer string in threes with NBSP.
fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(NBSP);
        }
        out.push(c);
    }
    out
}

fn signed(negative: bool, body: String) -> String {
    if negative {
        format!("{MINUS}{body}")
    } else {
        body
    }
}

/// Whole kronor without unit: `1 918 000`, `−2 028 622`.
pub fn kronor(amount: Decimal) -> String {
    let whole = kr(amount);
    let digits = whole.abs().trunc().to_string();
    signed(
        whole.is_sign_negative() && !whole.is_zero(),
        group_thousands(&digits),
    )
}

/// Whole kronor with unit: `1 918 000 kr`.
pub fn kronor_kr(amount: Decimal) -> String {
    format!("{}{NBSP}kr", kronor(amount))
}

/// A difference in kronor with its sign always written: `+2 704 100 kr`,
/// `−547 kr`; no difference is `0 kr`.
pub fn difference_kr(amount: Decimal) -> String {
    let whole = kr(amount);
    if whole.is_zero() {
        format!("0{NBSP}kr")
    } else if whole.is_sign_negative() {
        kronor_kr(whole)
    } else {
        format!("+{}", kronor_kr(whole))
    }
}

/// A percentage with one decimal and unit: `77,5 %`, `−0,3 %`.
pub fn percent(value: Decimal) -> String {
    let rounded = percent_one_decimal(value);
    let text = rounded.abs().to_string().replace('.', ",");
    format!(
        "{}{NBSP}%",
        signed(rounded.is_sign_negative() && !rounded.is_zero(), text)
    )
}

/// A percentage as a person typed it, shortest exact form with decimal comma:
/// `80`, `77,5` (for number fields, where `80,0` would be noise).
pub fn percent_input(value: Decimal) -> String {
    let text = value.normalize().abs().to_string().replace('.', ",");
    signed(value.is_sign_negative() && !value.is_zero(), text)
}

/// A lower-case letter or digit as plain ASCII (å and ä as a, ö as o,
/// other letters without their accents), for ids and file names that
/// survive every system; `None` for anything else.
pub fn ascii_letter(c: char) -> Option<char> {
    match c {
        'a'..='z' | '0'..='9' => Some(c),
        'å' | 'ä' | 'à' | 'á' | 'â' | 'ã' => Some('a'),
        'ö' | 'ø' | 'ò' | 'ó' | 'ô' | 'õ' => Some('o'),
        'é' | 'è' | 'ê' | 'ë' => Some('e'),
        'ü' | 'ú' | 'ù' | 'û' => Some('u'),
        'í' | 'ì' | 'î' | 'ï' => Some('i'),
        'ç' => Some('c'),
        'ñ' => Some('n'),
        _ => None,
    }
}

/// A number as typed in a field, thousands grouped and a decimal comma:
/// `23 465`, `1 617,25` (a key weight, which may be a population).
pub fn grouped_number(value: Decimal) -> String {
    let value = value.normalize();
    let whole = group_thousands(&value.abs().trunc().to_string());
    let fraction = value.fract().abs().to_string();
    let body = match fraction.strip_prefix("0.") {
        Some(digits) => format!("{whole},{digits}"),
        None => whole,
    };
    signed(value.is_sign_negative() && !value.is_zero(), body)
}

/// A number with one decimal and a decimal comma: `0,5`, `2,8` (FTE).
pub fn decimal_comma(value: Decimal) -> String {
    let mut v = value.round_dp_with_strategy(1, crate::core::money::SPEC_ROUNDING);
    v.rescale(1);
    signed(
        v.is_sign_negative() && !v.is_zero(),
        v.abs().to_string().replace('.', ","),
    )
}

/// `data-value` for a count with one decimal and a dot (`2.8`, `0.0`).
pub fn metric_one_decimal(value: Decimal) -> String {
    let mut v = value.round_dp_with_strategy(1, crate::core::money::SPEC_ROUNDING);
    v.rescale(1);
    if v.is_zero() {
        "0.0".to_owned()
    } else {
        v.to_string()
    }
}

/// `data-value` for an amount: plain integer kronor, ASCII minus.
pub fn metric_kronor(amount: Decimal) -> String {
    kr(amount).normalize().to_string()
}

/// `data-value` for a percentage: one decimal with a dot (`77.5`, `85.0`).
pub fn metric_percent(value: Decimal) -> String {
    let rounded = percent_one_decimal(value);
    if rounded.is_zero() {
        "0.0".to_owned()
    } else {
        rounded.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn kronor_use_nbsp_groups_and_real_minus() {
        assert_eq!(kronor_kr(dec!(1918000)), "1\u{a0}918\u{a0}000\u{a0}kr");
        assert_eq!(
            kronor_kr(dec!(-2028622)),
            "\u{2212}2\u{a0}028\u{a0}622\u{a0}kr"
        );
        assert_eq!(kronor(dec!(0)), "0");
        assert_eq!(kronor(dec!(-0.4)), "0");
        assert_eq!(kronor(dec!(999)), "999");
        assert_eq!(kronor(dec!(1000)), "1\u{a0}000");
    }

    #[test]
    fn typed_numbers_come_back_grouped_and_parse_again() {
        assert_eq!(grouped_number(dec!(23465)), "23\u{a0}465");
        assert_eq!(grouped_number(dec!(1617.250)), "1\u{a0}617,25");
        assert_eq!(grouped_number(dec!(0.5)), "0,5");
        assert_eq!(grouped_number(dec!(0)), "0");
        for v in [dec!(160634), dec!(1617.25), dec!(0.000001)] {
            assert_eq!(
                crate::state::input::parse_decimal(&grouped_number(v)).unwrap(),
                v
            );
        }
    }

    #[test]
    fn differences_always_carry_their_sign() {
        assert_eq!(difference_kr(dec!(2704100)), "+2\u{a0}704\u{a0}100\u{a0}kr");
        assert_eq!(difference_kr(dec!(-547)), "\u{2212}547\u{a0}kr");
        assert_eq!(difference_kr(dec!(0)), "0\u{a0}kr");
    }

    #[test]
    fn percent_uses_decimal_comma_and_one_decimal() {
        assert_eq!(percent(dec!(77.5)), "77,5\u{a0}%");
        assert_eq!(percent(dec!(84.996)), "85,0\u{a0}%");
        assert_eq!(percent(dec!(-0.25)), "\u{2212}0,3\u{a0}%");
        assert_eq!(percent_input(dec!(80.0)), "80");
        assert_eq!(percent_input(dec!(77.50)), "77,5");
    }

    #[test]
    fn metric_values_are_plain_ascii() {
        assert_eq!(metric_kronor(dec!(-2028622)), "-2028622");
        assert_eq!(metric_kronor(dec!(1918000.00)), "1918000");
        assert_eq!(metric_percent(dec!(84.996)), "85.0");
        assert_eq!(metric_percent(dec!(-0.01)), "0.0");
    }
}

/// A compact amount for chart labels: `1,9 Mkr`, `−0,1 Mkr`, `500 tkr`.
pub fn compact_kronor(amount: Decimal) -> String {
    let million = Decimal::from(1_000_000);
    let thousand = Decimal::from(1_000);
    let (value, unit) = if amount.abs() >= million || amount.is_zero() {
        (amount / million, "Mkr")
    } else {
        (amount / thousand, "tkr")
    };
    let rounded = value
        .round_dp_with_strategy(1, crate::core::money::SPEC_ROUNDING)
        .normalize();
    let text = rounded.abs().to_string().replace('.', ",");
    format!(
        "{}{NBSP}{unit}",
        signed(rounded.is_sign_negative() && !rounded.is_zero(), text)
    )
}

#[cfg(test)]
mod compact_tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn compact_amounts_for_the_chart() {
        assert_eq!(compact_kronor(dec!(1918000)), "1,9\u{a0}Mkr");
        assert_eq!(compact_kronor(dec!(-2148317)), "\u{2212}2,1\u{a0}Mkr");
        assert_eq!(compact_kronor(dec!(-119695)), "\u{2212}119,7\u{a0}tkr");
        assert_eq!(compact_kronor(dec!(0)), "0\u{a0}Mkr");
        assert_eq!(compact_kronor(dec!(2000000)), "2\u{a0}Mkr");
    }
}

/// The word a column's heading starts with (as in a budget file).
pub fn kind_word(kind: ColumnKind) -> &'static str {
    match kind {
        ColumnKind::Budget => "Budget",
        ColumnKind::Outcome => "Utfall",
        ColumnKind::Prognosis => "Prognos",
        ColumnKind::OutcomeToDate => "Utfall hittills",
        ColumnKind::Outlook => "Utblick",
    }
}

/// A column's heading as a person reads it: its own label, else kind and
/// year (`Prognos 2025`).
pub fn column_title(column: &Column) -> String {
    column
        .label
        .clone()
        .unwrap_or_else(|| format!("{} {}", kind_word(column.kind), column.year))
}

/// The `data-value` and text of a balancing level.
pub fn balancing_text(level: crate::core::Balancing) -> (String, String) {
    match level {
        crate::core::Balancing::Reachable(l) => (metric_percent(l), percent(l)),
        crate::core::Balancing::NotReachable => {
            ("none".to_owned(), "nås inte inom 0–100\u{a0}%".to_owned())
        }
    }
}

/// [`balancing_text`] for a year whose result is known: a level out of
/// reach says which way. The result falls as the level rises, so a surplus
/// at the year's level out of reach is a surplus even at 100 %, and a
/// deficit one even at 0 %.
pub fn balancing_text_for(level: crate::core::Balancing, result: Decimal) -> (String, String) {
    match level {
        crate::core::Balancing::NotReachable if result > Decimal::ZERO => (
            "none".to_owned(),
            "nås inte: överskott även vid 100\u{a0}%".to_owned(),
        ),
        crate::core::Balancing::NotReachable if result < Decimal::ZERO => (
            "none".to_owned(),
            "nås inte: underskott även vid 0\u{a0}%".to_owned(),
        ),
        other => balancing_text(other),
    }
}
