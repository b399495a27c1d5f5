//! Closing equity alone, for the draws: the engine's own steps (spec
//! sections 3 and 9) cut down to what closing equity needs, with no
//! allocation per draw.
//!
//! A run is 10 000 draws or more, and `core::engine::compute` works out
//! every figure of the page for each (shares, the balancing level, the
//! guideline, the spread of the structural total over its lines), most of
//! them divisions. Closing equity needs none of those: it is
//! `opening + R − (A + I + S)`, with the full costs indexed and the teams
//! funded to the same values as the engine's (`kr(f × (1 + g/100))`,
//! `kr(full × level / 100)`, the division by 100 done by moving the decimal
//! point, which is exact) and, with an individ share, the
//! structural total `S = kr(I × (100 − s) / s)` itself: the engine spreads
//! `S` over the structural lines so that they sum to it exactly (or gives it
//! all to the unallocated line), so their sum is `S` whenever the data set
//! has a structural line, and 0 when it has none. All sums are of whole
//! kronor and exact, so their order does not matter.
//!
//! `tests/core_risk.rs` checks that this gives exactly `compute`'s closing
//! equity for every year, on SFV's data set and on generated ones, for
//! drawn and for plain plans. A change to the engine's steps must be made
//! here too; those tests say so when it is not.

use crate::core::dataset::{Category, Dataset};
use crate::core::money::kr;
use crate::core::plan::{CostSource, Plan};
use rust_decimal::Decimal;

/// `x / 100`, exactly, by moving the decimal point: the same value as the
/// division the engine writes, without a division (the draws' hot spot).
pub(crate) fn hundredth(x: Decimal) -> Decimal {
    let mut shifted = x;
    match shifted.set_scale(x.scale() + 2) {
        Ok(()) => shifted,
        Err(_) => x / Decimal::ONE_HUNDRED,
    }
}

/// Reused buffers: one full cost and one förbund cost per line.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    full: Vec<Decimal>,
    cost: Vec<Decimal>,
}

/// Appends the closing equity of every plan year of `plan` to `out`, as
/// `compute(data, plan)` would have it.
pub(crate) fn closings(
    data: &Dataset,
    plan: &Plan,
    scratch: &mut Scratch,
    mut out: impl FnMut(Decimal),
) {
    let lines = data.lines.len();
    let has_structural = data.lines.iter().any(|l| l.category == Category::Struktur);
    let Scratch { full, cost } = scratch;
    full.clear();
    let mut opening = plan.opening_equity;
    for year in &plan.years {
        match year.costs {
            CostSource::Column(c) => {
                full.clear();
                full.extend(data.lines.iter().map(|l| l.amounts[c]));
            }
            CostSource::Indexed { from_budget_column } => {
                let factor = Decimal::ONE + hundredth(year.growth);
                match from_budget_column {
                    Some(c) => {
                        full.clear();
                        full.extend(data.lines.iter().map(|l| kr(l.amounts[c] * factor)));
                    }
                    // The year before's full costs, grown in place.
                    None => full.iter_mut().for_each(|f| *f = kr(*f * factor)),
                }
            }
        }
        debug_assert_eq!(full.len(), lines, "a year's costs cover every line");
        cost.clear();
        cost.extend_from_slice(full);
        for team in &year.teams {
            cost[team.line] = kr(full[team.line] * hundredth(team.level));
        }
        let (mut admin, mut individ, mut struktur) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for (line, &c) in data.lines.iter().zip(cost.iter()) {
            match line.category {
                Category::Admin => admin += c,
                Category::Individ => individ += c,
                Category::Struktur => struktur += c,
            }
        }
        if let Some(share) = year.individ_share {
            let target = kr(individ * (Decimal::ONE_HUNDRED - share) / share);
            struktur = if has_structural {
                target
            } else {
                Decimal::ZERO
            };
        }
        let closing = opening + (year.revenue - (admin + (individ + struktur)));
        out(closing);
        opening = closing;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn a_hundredth_is_the_division_by_a_hundred() {
        for x in [
            dec!(0),
            dec!(2.5),
            dec!(-1.4219),
            dec!(100),
            dec!(77.3),
            dec!(0.0001),
            Decimal::new(1, 27),
            Decimal::new(-123_456_789, 28),
        ] {
            assert_eq!(hundredth(x), x / Decimal::ONE_HUNDRED, "{x}");
        }
    }
}
