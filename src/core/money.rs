//! Money and percentages as exact decimals, and the one rounding rule of the spec.
//!
//! The spec rounds to whole kronor *half away from zero* at a few named points
//! (`kr(…)`); `Decimal::round_dp` would round half to even, so every rounding in
//! the engine goes through the named helpers here instead.

use rust_decimal::{Decimal, RoundingStrategy};

/// The spec's rounding strategy for kronor and for displayed percentages.
pub const SPEC_ROUNDING: RoundingStrategy = RoundingStrategy::MidpointAwayFromZero;

/// `kr(x)` of the spec: whole kronor, half away from zero.
pub fn kr(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(0, SPEC_ROUNDING)
}

/// A percentage rounded to one decimal for display (half away from zero), always
/// carrying exactly one decimal so `85` reads `85.0`.
pub fn percent_one_decimal(percent: Decimal) -> Decimal {
    let mut rounded = percent.round_dp_with_strategy(1, SPEC_ROUNDING);
    rounded.rescale(1);
    rounded
}

/// `part / whole` as a percentage, exact to Decimal precision; `None` when the
/// whole is zero (a share of nothing is undefined, not 0 %).
pub fn share_percent(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        None
    } else {
        part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)
    }
}

/// `base × percent / 100`, for a share of an amount given in percent.
pub fn percent_of(base: Decimal, percent: Decimal) -> Decimal {
    base * percent / Decimal::ONE_HUNDRED
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn kr_rounds_half_away_from_zero_not_to_even() {
        assert_eq!(kr(dec!(2.5)), dec!(3));
        assert_eq!(kr(dec!(3.5)), dec!(4));
        assert_eq!(kr(dec!(-2.5)), dec!(-3));
        assert_eq!(kr(dec!(2.4999)), dec!(2));
    }

    #[test]
    fn percent_one_decimal_pads_and_rounds_half_away() {
        assert_eq!(percent_one_decimal(dec!(84.996)).to_string(), "85.0");
        assert_eq!(percent_one_decimal(dec!(77.25)).to_string(), "77.3");
        assert_eq!(percent_one_decimal(dec!(-0.05)).to_string(), "-0.1");
    }

    #[test]
    fn share_of_zero_is_undefined() {
        assert_eq!(share_percent(dec!(5), Decimal::ZERO), None);
        assert_eq!(share_percent(dec!(1), dec!(4)), Some(dec!(25)));
    }
}
