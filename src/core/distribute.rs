//! Largest-remainder distribution of a whole-krona total (docs/model.md:
//! the structural lines, and the members' key).
//!
//! Structural lines are scaled to a target total `S` in proportion to their full
//! costs. Each line first gets the floor of its exact share; the kronor left over
//! go one each to the lines with the largest fractional remainders, ties to the
//! line listed first. The arithmetic is done on integers (`i128`), comparing
//! remainders as exact numerators over the common denominator, so no rounding of
//! a repeating decimal can move a krona to the wrong line.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// Splits `total` (whole kronor, ≥ 0) over `weights` (≥ 0; a key weight may
/// have decimals, which only scales the key) by the largest-remainder
/// method. Returns `None` when the weights sum to 0 (the caller decides where
/// the money goes then) or a value does not fit the integer arithmetic.
pub fn largest_remainder(total: Decimal, weights: &[Decimal]) -> Option<Vec<Decimal>> {
    let as_int = |d: Decimal| -> Option<i128> {
        if d.is_sign_negative() && !d.is_zero() || !d.fract().is_zero() {
            None
        } else {
            d.to_i128()
        }
    };
    let total = as_int(total)?;
    // Weights with decimals become whole numbers of the same proportions.
    let places = weights
        .iter()
        .map(|w| w.normalize().scale())
        .max()
        .unwrap_or(0);
    let factor = Decimal::from(10i64.checked_pow(places)?);
    let weights: Vec<i128> = weights
        .iter()
        .map(|&w| w.checked_mul(factor).and_then(as_int))
        .collect::<Option<_>>()?;
    let weight_sum: i128 = weights
        .iter()
        .try_fold(0i128, |acc, &w| acc.checked_add(w))?;
    if weight_sum == 0 {
        return None;
    }
    let mut shares = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    for &w in &weights {
        let numerator = total.checked_mul(w)?;
        shares.push(numerator / weight_sum);
        remainders.push(numerator % weight_sum);
    }
    let handed_out: i128 = shares.iter().sum();
    let left_over = usize::try_from(total - handed_out).ok()?;
    let mut order: Vec<usize> = (0..weights.len()).collect();
    // Stable sort: equal remainders keep list order, so ties go to the line listed first.
    order.sort_by(|&a, &b| remainders[b].cmp(&remainders[a]));
    for &i in order.iter().take(left_over) {
        shares[i] += 1;
    }
    Some(shares.into_iter().map(Decimal::from).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn worked_example_by_hand() {
        // 10 kr over weights 1, 1, 1: exact shares 3.33… each, floors 3+3+3 = 9,
        // one krona left, all remainders equal → the first line gets it.
        assert_eq!(
            largest_remainder(dec!(10), &[dec!(1), dec!(1), dec!(1)]),
            Some(vec![dec!(4), dec!(3), dec!(3)])
        );
        // 100 kr over 2, 3, 5 → 20, 30, 50 exactly.
        assert_eq!(
            largest_remainder(dec!(100), &[dec!(2), dec!(3), dec!(5)]),
            Some(vec![dec!(20), dec!(30), dec!(50)])
        );
        // 7 kr over 1, 2, 0, 3: exact 7/6, 14/6, 0, 21/6 = 1.17, 2.33, 0, 3.5;
        // floors 1+2+0+3 = 6; the largest remainder (3.5) gets the krona.
        assert_eq!(
            largest_remainder(dec!(7), &[dec!(1), dec!(2), dec!(0), dec!(3)]),
            Some(vec![dec!(1), dec!(2), dec!(0), dec!(4)])
        );
    }

    #[test]
    fn weights_with_decimals_split_like_the_same_weights_in_whole_numbers() {
        // 0,5 / 1,25 / 2 is 50 / 125 / 200 of a hundredth: 100 kr over 375 parts
        // gives 13,33 / 33,33 / 53,33; floors 13 + 33 + 53 = 99, the krona left
        // to the largest remainder (all ,33 → the first line).
        assert_eq!(
            largest_remainder(dec!(100), &[dec!(0.5), dec!(1.25), dec!(2)]),
            largest_remainder(dec!(100), &[dec!(50), dec!(125), dec!(200)])
        );
        assert_eq!(
            largest_remainder(dec!(100), &[dec!(0.5), dec!(1.25), dec!(2)]),
            Some(vec![dec!(14), dec!(33), dec!(53)])
        );
    }

    #[test]
    fn zero_weights_and_bad_values_are_refused() {
        assert_eq!(largest_remainder(dec!(5), &[dec!(0), dec!(0)]), None);
        assert_eq!(largest_remainder(dec!(5.5), &[dec!(1)]), None);
        assert_eq!(largest_remainder(dec!(5), &[dec!(-1), dec!(2)]), None);
        assert_eq!(largest_remainder(dec!(5), &[dec!(-0.5), dec!(2)]), None);
    }
}
