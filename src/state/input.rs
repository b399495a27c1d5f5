//! Text to numbers, exactly, at the edge of the app.
//!
//! Everything a person types (a number field, a URL fragment) becomes a
//! `Decimal` here and nowhere else, with `Decimal::from_str_exact` so that no
//! digit is silently rounded away. Swedish habits are accepted: decimal comma,
//! spaces or non-breaking spaces between thousands, a real minus sign (U+2212),
//! and a trailing `kr` or `%`. Each refusal carries what was typed and reads as a
//! clear Swedish message, because it is shown beside the field as it is.

use crate::core::rules::{NumberKind, NumberRule, RuleError};
use crate::export::format;
use rust_decimal::Decimal;
use thiserror::Error;

/// Why a typed value was refused. The `Display` text is the Swedish message the
/// page shows next to the field.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum InputError {
    #[error("Fältet är tomt: skriv ett tal.")]
    Empty,
    #[error("”{text}” är inte ett tal.")]
    NotANumber { text: String },
    #[error("Ange hela kronor (”{text}” har decimaler).")]
    NotWholeKronor { text: String },
    #[error("Ange högst en decimal (”{text}”).")]
    TooManyDecimals { text: String },
    #[error("{value} ligger utanför det tillåtna intervallet {min} till {max}.")]
    OutOfRange {
        value: String,
        min: String,
        max: String,
    },
}

/// Parses typed text and checks it against a rule, with the Swedish message
/// for a refusal.
pub fn parse_with(rule: &NumberRule, text: &str) -> Result<Decimal, InputError> {
    let value = parse_decimal(text)?;
    check_with(rule, value, text)
}

/// Checks an exact value (a slider's own value, say) against a rule.
pub fn check_with(rule: &NumberRule, value: Decimal, text: &str) -> Result<Decimal, InputError> {
    rule.check(value).map_err(|error| match error {
        RuleError::NotWholeKronor => InputError::NotWholeKronor {
            text: text.trim().to_owned(),
        },
        RuleError::TooManyDecimals => InputError::TooManyDecimals {
            text: text.trim().to_owned(),
        },
        RuleError::OutOfRange => {
            let show = |d: Decimal| match rule.kind {
                NumberKind::Kronor => format::kronor(d),
                NumberKind::Percent => format::percent_input(d) + "\u{a0}%",
                NumberKind::Fte => format::percent_input(d),
            };
            InputError::OutOfRange {
                value: show(value.normalize()),
                min: show(rule.min),
                max: show(rule.max),
            }
        }
    })
}

/// Why a participant range was refused (shown beside its field).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RangeError {
    #[error("Skriv antalet deltagare som två hela tal, t.ex. ”50–55”, eller ett tal, t.ex. ”15”.")]
    Malformed,
    #[error("Det lägre talet måste komma först (”{text}”).")]
    LowAboveHigh { text: String },
    #[error("Antalet deltagare kan vara högst {PARTICIPANTS_LIMIT}.")]
    TooLarge,
}

/// The most participants a team can be said to have (a sanity bound).
pub const PARTICIPANTS_LIMIT: u32 = 100_000;

/// Parses a participant range as people write it: `50–55`, `50-55`,
/// `50 – 55`, or one number `15` (= 15–15). Whole numbers, low ≤ high.
pub fn parse_participants(text: &str) -> Result<(u32, u32), RangeError> {
    let trimmed = text.trim();
    let parts: Vec<&str> = trimmed
        .split(['-', '\u{2013}', '\u{2212}'])
        .map(str::trim)
        .collect();
    let number = |part: &str| -> Result<u32, RangeError> {
        if part.is_empty() || !part.chars().all(|c| c.is_ascii_digit()) {
            return Err(RangeError::Malformed);
        }
        match part.parse::<u32>() {
            Ok(n) if n <= PARTICIPANTS_LIMIT => Ok(n),
            _ => Err(RangeError::TooLarge),
        }
    };
    let (low, high) = match parts.as_slice() {
        [one] => (number(one)?, number(one)?),
        [low, high] => (number(low)?, number(high)?),
        _ => return Err(RangeError::Malformed),
    };
    if low > high {
        return Err(RangeError::LowAboveHigh {
            text: trimmed.to_owned(),
        });
    }
    Ok((low, high))
}

/// Parses a number the way a Swedish user writes it, exactly.
pub fn parse_decimal(text: &str) -> Result<Decimal, InputError> {
    let trimmed = text.trim();
    let without_unit = trimmed
        .strip_suffix("kr")
        .or_else(|| trimmed.strip_suffix('%'))
        .unwrap_or(trimmed);
    let cleaned: String = without_unit
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
        .map(|c| match c {
            '\u{2212}' | '\u{2013}' => '-',
            ',' => '.',
            other => other,
        })
        .collect();
    if cleaned.is_empty() {
        return Err(InputError::Empty);
    }
    // `from_str_exact` refuses what it cannot hold exactly instead of rounding.
    // It accepts a bare "." or a lone sign as zero, which no person means.
    let has_digit = cleaned.chars().any(|c| c.is_ascii_digit());
    let only_number_chars = cleaned
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && (c == '-' || c == '+')));
    if !has_digit || !only_number_chars {
        return Err(InputError::NotANumber {
            text: trimmed.to_owned(),
        });
    }
    Decimal::from_str_exact(&cleaned).map_err(|_| InputError::NotANumber {
        text: trimmed.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    const PERCENT_0_100: NumberRule = NumberRule::percent(0, 100);

    #[test]
    fn accepts_swedish_and_plain_notation() {
        assert_eq!(parse_decimal("1 918 000 kr"), Ok(dec!(1918000)));
        assert_eq!(parse_decimal("1\u{a0}918\u{a0}000"), Ok(dec!(1918000)));
        assert_eq!(parse_decimal("\u{2212}2 028 622"), Ok(dec!(-2028622)));
        assert_eq!(parse_decimal("77,5 %"), Ok(dec!(77.5)));
        assert_eq!(parse_decimal("77.5"), Ok(dec!(77.5)));
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        assert_eq!(parse_decimal("   "), Err(InputError::Empty));
        for text in ["abc", "1,2,3", "-", ".", "1e5", "12-3", "0x10"] {
            assert!(
                matches!(parse_decimal(text), Err(InputError::NotANumber { .. })),
                "{text}"
            );
        }
    }

    #[test]
    fn percent_rule_checks_precision_and_range() {
        assert_eq!(parse_with(&PERCENT_0_100, "80,50"), Ok(dec!(80.5)));
        assert!(matches!(
            parse_with(&PERCENT_0_100, "80,55"),
            Err(InputError::TooManyDecimals { .. })
        ));
        let err = parse_with(&PERCENT_0_100, "101").unwrap_err();
        assert_eq!(
            err.to_string(),
            "101\u{a0}% ligger utanför det tillåtna intervallet 0\u{a0}% till 100\u{a0}%."
        );
    }

    #[test]
    fn participant_ranges_as_people_write_them() {
        assert_eq!(parse_participants("50–55"), Ok((50, 55)));
        assert_eq!(parse_participants(" 50 - 55 "), Ok((50, 55)));
        assert_eq!(parse_participants("15"), Ok((15, 15)));
        assert_eq!(parse_participants("0-0"), Ok((0, 0)));
        assert_eq!(
            parse_participants("55-50"),
            Err(RangeError::LowAboveHigh {
                text: "55-50".into()
            })
        );
        for bad in ["", "-", "5,5-6", "a-b", "1-2-3", "-5"] {
            assert_eq!(parse_participants(bad), Err(RangeError::Malformed), "{bad}");
        }
        assert_eq!(parse_participants("1-100001"), Err(RangeError::TooLarge));
    }

    #[test]
    fn kronor_rule_wants_whole_kronor() {
        let rule = NumberRule {
            kind: NumberKind::Kronor,
            min: Decimal::ZERO,
            max: dec!(1000000000000),
        };
        assert_eq!(parse_with(&rule, "18 958 000,00"), Ok(dec!(18958000)));
        assert_eq!(
            parse_with(&rule, "100,5").unwrap_err().to_string(),
            "Ange hela kronor (”100,5” har decimaler)."
        );
    }
}
