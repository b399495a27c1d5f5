//! The formulas that round, written so that every ROUND sees an exact value.
//!
//! The engine rounds exact decimals half away from zero (`core::money::kr`).
//! A spreadsheet computes in binary floating point, where 1,015 and 0,755
//! are not representable: `ROUND(321500*(1+0.015),0)` sees 326 322,4999…
//! and gives 326 322, where the engine rightly gives 326 323. So no rounded
//! argument here multiplies by a fractional percentage. Every percentage
//! input has at most one decimal (`core::rules`), so the input cell's
//! fraction times 1000 is a whole number of tenths of a percent, and
//! `ROUND(p*1000,0)` recovers that integer exactly (`p*1000` is within a few
//! ulps of it, nowhere near a half). Every rounded argument is then `N/d`:
//! an integer `N` (whole kronor times small integers, exact in a double
//! below 2^53, i.e. for amounts up to 10^12 kronor, the data set's limit)
//! divided by a small positive integer `d` (1000, or a share's tenths,
//! 10…1000). A division is correctly rounded, so when `N/d` is exactly
//! k + ½ the double is exactly k + ½ (it is representable) and ROUND rounds
//! it away from zero like the engine; any other `N/d` is at least `1/(2d)`
//! (≥ 0,0005) from every half, far more than the division's error (half an
//! ulp, below 0,0001 for amounts under 10^12), so ROUND lands on the
//! engine's side. Excel's and LibreOffice's ROUND both round halves away
//! from zero.

/// A percentage cell (a fraction with at most one decimal in %) as its
/// whole number of tenths of a percent: `ROUND(p*1000,0)`, exact.
pub(super) fn tenths(percent_cell: &str) -> String {
    format!("ROUND({percent_cell}*1000,0)")
}

/// An indexed full cost, `kr(base × (1 + g/100))`, as
/// `ROUND(base*(1000+g10)/1000,0)`: an integer over 1000.
pub(super) fn indexed(base: &str, growth_cell: &str) -> String {
    format!("ROUND({base}*(1000+{})/1000,0)", tenths(growth_cell))
}

/// `kr(amount × p / 100)` (a team's cost at its level, the guideline) as
/// `ROUND(amount*p10/1000,0)`: an integer over 1000.
pub(super) fn percent_of(amount: &str, percent_cell: &str) -> String {
    format!("ROUND({amount}*{}/1000,0)", tenths(percent_cell))
}

/// The structural total of a year with a steered individ share `s`,
/// `kr(I × (100 − s) / s)`, as `ROUND(I*(1000-s10)/s10,0)`: an integer over
/// the share's tenths (10…1000, as the share is at least 1 %).
pub(super) fn structural_total(individ: &str, share_cell: &str) -> String {
    let s = tenths(share_cell);
    format!("ROUND({individ}*(1000-{s})/{s},0)")
}

#[cfg(test)]
mod tests {
    use crate::core::money::kr;
    use rust_decimal::prelude::ToPrimitive;
    use rust_decimal::Decimal;

    /// The formula `ROUND(N/d,0)` as a spreadsheet computes it: one double
    /// division, rounded half away from zero.
    fn sheet_round(n: i64, d: i64) -> f64 {
        (n as f64 / d as f64).round()
    }

    #[test]
    fn integer_over_small_integer_rounds_like_the_engine() {
        // 321 500 × 1,015 = 326 322,5 exactly: the old formula's failure.
        assert_eq!((321_500.0 * (1.0 + 0.015_f64)).round(), 326_322.0);
        assert_eq!(sheet_round(321_500 * 1015, 1000), 326_323.0);
        for base in (0..2_000_000_i64).step_by(997).chain([321_500, -321_500]) {
            for tenths in [-50_i64, -1, 5, 15, 25, 755, 801, 999, 1000, 1100] {
                let exact = kr(Decimal::from(base) * Decimal::from(tenths) / Decimal::from(1000));
                let sheet = sheet_round(base * tenths, 1000);
                assert_eq!(Some(sheet), exact.to_f64(), "{base} × {tenths}");
            }
            for share in [10_i64, 333, 700, 705, 800, 999] {
                let n = base * (1000 - share);
                let exact = kr(Decimal::from(n) / Decimal::from(share));
                assert_eq!(
                    Some(sheet_round(n, share)),
                    exact.to_f64(),
                    "{base} at {share}"
                );
            }
        }
    }

    #[test]
    fn a_percentage_cell_gives_its_tenths_exactly() {
        for tenths in -50_i64..=1000 {
            let fraction = (Decimal::from(tenths) / Decimal::from(1000))
                .to_f64()
                .unwrap();
            assert_eq!((fraction * 1000.0).round(), tenths as f64);
        }
    }
}
