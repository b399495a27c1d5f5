//! The draws of the simulation (spec section 11): each draw is the plan
//! with the growth of every indexed year and the revenue of every year after
//! the first moved by a triangular amount, run through the engine.
//!
//! **The generator.** SplitMix64 (Steele, Lea and Flood, 2014; the
//! generator Java's `SplittableRandom` and `java.util` streams use), with
//! `γ = 0x9E3779B97F4A7C15` and its finaliser `mix` (`z ^= z >> 30;
//! z *= 0xBF58476D1CE4E5B9; z ^= z >> 27; z *= 0x94D049BB133111EB;
//! z ^= z >> 31`, all modulo 2⁶⁴). It is counter-based here, so draw `i`
//! depends on the seed and `i` alone and any chunking of a run gives the
//! same figures:
//! - draw `i`'s key is output `i` (from 0) of SplitMix64 seeded with the
//!   seed: `k = mix(seed + (i + 1)·γ)`;
//! - its uniform number `j` is output `j` of SplitMix64 seeded with `k`:
//!   `u = (mix(k + (j + 1)·γ) >> 11) · 2⁻⁵³`, in [0, 1).
//!
//! The uniforms have fixed places, so a year's draws do not depend on which
//! other years are indexed: plan year number `y` (the first plan year is
//! number 0) takes uniform `2(y − 1)` for its growth and `2(y − 1) + 1` for
//! its revenue. The first plan year is never moved: its costs always come
//! from a data column (`core::plan`) and its revenue is the data set's.
//!
//! **The triangle.** A uniform `u` becomes `z` on the triangular
//! distribution (−1, 0, 1) by the inverse of its distribution function,
//! `z = √(2u) − 1` below `u = ½` and `z = 1 − √(2(1 − u))` from it; the
//! draw is `z` times the spread. This is a random draw, not money, so it is
//! done in `f64`; the drawn amount is then quantised to 0.0001 (of a
//! percentage point for growth, of a percent for revenue), rounded half
//! away from zero, and from there on everything is the exact engine: the
//! drawn growth `g + t` indexes the costs as any growth does, and the drawn
//! revenue is `kr(R × (1 + t / 100))`. The quantised draw never leaves
//! [−spread, spread]. A drawn growth may leave the range a user may type
//! (−5 … 10): the engine does not mind.

use crate::core::dataset::Dataset;
use crate::core::horizon::Year;
use crate::core::money::kr;
use crate::core::plan::Plan;
use crate::core::risk::closing::{self, hundredth, Scratch};
use crate::core::risk::RiskInputs;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// SplitMix64's increment, 2⁶⁴ / φ.
const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64's finaliser.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Output `n` (from 0) of SplitMix64 seeded with `state`.
fn splitmix_output(state: u64, n: u64) -> u64 {
    mix(state.wrapping_add(n.wrapping_add(1).wrapping_mul(GAMMA)))
}

/// Draw `draw`'s key: output `draw` of SplitMix64 seeded with the seed.
fn draw_key(seed: u64, draw: u32) -> u64 {
    splitmix_output(seed, u64::from(draw))
}

/// Uniform number `slot` of the draw with `key`, in [0, 1): the top 53
/// bits of the output, so every value is a multiple of 2⁻⁵³ (exact in an
/// `f64`) and 1 is never reached.
fn uniform_of(key: u64, slot: u64) -> f64 {
    (splitmix_output(key, slot) >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// Uniform number `slot` of draw `draw` of a run with `seed`, in [0, 1).
pub fn uniform(seed: u64, draw: u32, slot: u32) -> f64 {
    uniform_of(draw_key(seed, draw), u64::from(slot))
}

/// `u` in [0, 1) on the triangular distribution (−1, 0, 1), by the inverse
/// distribution function; the result is in [−1, 1].
pub fn triangular(u: f64) -> f64 {
    if u < 0.5 {
        (2.0 * u).sqrt() - 1.0
    } else {
        1.0 - (2.0 * (1.0 - u)).sqrt()
    }
}

/// The draw `t` on the triangular distribution (−spread, 0, spread) for the
/// uniform `u`, quantised to 0.0001 (half away from zero).
pub fn triangular_draw(spread: Decimal, u: f64) -> Decimal {
    quantised(spread_e4(spread), u)
}

/// The spread in units of 0.0001 (exact for a spread with at most four
/// decimals, which every checked spread has).
fn spread_e4(spread: Decimal) -> i64 {
    kr(spread * Decimal::from(10_000))
        .to_i64()
        .expect("a checked spread is small")
}

/// `z · spread` in units of 0.0001. `|z| ≤ 1` and the spread is a whole
/// number of units, so the rounded product never exceeds the spread.
fn quantised(spread_e4: i64, u: f64) -> Decimal {
    if spread_e4 == 0 {
        return Decimal::ZERO;
    }
    // `f64::round` rounds half away from zero, as the spec rounds.
    let units = (triangular(u) * spread_e4 as f64).round() as i64;
    Decimal::new(units, 4)
}

/// Moves `into` (a copy of `base`) to draw `draw`: growth and revenue from
/// `base`, everything else left as it is.
fn perturb(base: &Plan, into: &mut Plan, inputs: &RiskInputs, draw: u32) {
    let growth_e4 = spread_e4(inputs.growth_spread());
    let revenue_e4 = spread_e4(inputs.revenue_spread());
    let key = draw_key(inputs.seed(), draw);
    let uniform_at = |slot: usize| uniform_of(key, slot as u64);
    for (number, (from, to)) in base.years.iter().zip(into.years.iter_mut()).enumerate() {
        if number == 0 {
            continue;
        }
        let slot = 2 * (number - 1);
        if from.is_indexed() {
            to.growth = from.growth + quantised(growth_e4, uniform_at(slot));
        }
        let t = quantised(revenue_e4, uniform_at(slot + 1));
        to.revenue = if t.is_zero() {
            from.revenue
        } else {
            kr(from.revenue * (Decimal::ONE + hundredth(t)))
        };
    }
}

/// Draw `draw` of a run: the plan with that draw's growth and revenue.
pub fn draw_plan(plan: &Plan, inputs: &RiskInputs, draw: u32) -> Plan {
    let mut drawn = plan.clone();
    perturb(plan, &mut drawn, inputs, draw);
    drawn
}

/// The closing equity of every plan year in a range of draws, whole kronor.
///
/// Layout: draw-major with a stride of `years` (the plan's number of
/// years): the closing equity of draw `start + d` in plan year number `k`
/// is `closings[d · years + k]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawChunk {
    /// The index of the chunk's first draw.
    pub start: u32,
    /// Plan years per draw.
    pub years: u32,
    pub closings: Vec<i64>,
}

impl DrawChunk {
    /// The number of draws in the chunk.
    pub fn len(&self) -> u32 {
        match self.years {
            0 => 0,
            years => (self.closings.len() / years as usize) as u32,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The draws the chunk holds.
    pub fn range(&self) -> Range<u32> {
        self.start..self.start + self.len()
    }

    /// The closing equity of draw `draw` in plan year number `k`.
    pub fn closing(&self, draw: u32, k: usize) -> Option<i64> {
        let d = draw.checked_sub(self.start)? as usize;
        (k < self.years as usize)
            .then(|| self.closings.get(d * self.years as usize + k).copied())
            .flatten()
    }
}

/// Runs draws `range` of a simulation of `plan` (which `data` resolved).
/// Each draw's closings are those of `compute(data, &draw_plan(plan,
/// inputs, i))` (worked out by the engine's steps for closing equity alone,
/// `super::closing`); draw `i` depends only on the seed and `i`, not on the
/// range it is run in nor on `inputs.draws()`.
pub fn draw_closings(
    data: &Dataset,
    plan: &Plan,
    inputs: &RiskInputs,
    range: Range<u32>,
) -> DrawChunk {
    // One working copy, moved in place per draw, and the engine's steps
    // for closing equity alone (`closing`), on reused buffers.
    let mut work = plan.clone();
    let mut scratch = Scratch::default();
    let years = plan.years.len();
    let mut closings = Vec::with_capacity(range.len() * years);
    for draw in range.clone() {
        perturb(plan, &mut work, inputs, draw);
        closing::closings(data, &work, &mut scratch, |c| {
            closings.push(whole_kronor(c))
        });
    }
    DrawChunk {
        start: range.start,
        years: years as u32,
        closings,
    }
}

/// A closing equity as whole kronor. The engine's figures are whole kronor
/// within ±10¹⁶ (validated amounts, at most ten years), far inside `i64`.
fn whole_kronor(amount: Decimal) -> i64 {
    debug_assert!(amount.fract().is_zero(), "{amount} is whole kronor");
    amount
        .to_i64()
        .expect("closing equity is whole kronor within i64")
}

/// The risk figures of one plan year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearRisk {
    pub year: Year,
    /// The share of draws with closing equity below 0, %, exact (the page
    /// shows one decimal).
    pub negative_percent: Decimal,
    /// Closing equity at the 10th, 50th and 90th percentiles, kr.
    pub p10: Decimal,
    pub p50: Decimal,
    pub p90: Decimal,
}

/// Why chunks do not make up a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChunkError {
    /// A run of no draws has no percentiles.
    NoDraws,
    /// A chunk's stride is not the number of years given.
    WrongYears,
    /// The chunks do not hold draws `0..draws` each exactly once.
    NotTheRun,
}

/// The risk figures per plan year from the chunks of a run of `draws`
/// draws (in any order; together they must hold draws `0..draws` exactly
/// once). Percentiles by nearest rank: the `p`th percentile is the value at
/// rank `⌈p · N / 100⌉` (from 1) of the year's sorted closings.
pub fn summarize(
    years: &[Year],
    chunks: &[DrawChunk],
    draws: u32,
) -> Result<Vec<YearRisk>, ChunkError> {
    if draws == 0 {
        return Err(ChunkError::NoDraws);
    }
    if chunks.iter().any(|c| c.years as usize != years.len()) {
        return Err(ChunkError::WrongYears);
    }
    let mut order: Vec<&DrawChunk> = chunks.iter().filter(|c| !c.is_empty()).collect();
    order.sort_by_key(|c| c.start);
    let mut next = 0u32;
    for chunk in &order {
        if chunk.closings.len() % years.len().max(1) != 0 || chunk.start != next {
            return Err(ChunkError::NotTheRun);
        }
        next = chunk.range().end;
    }
    if next != draws {
        return Err(ChunkError::NotTheRun);
    }
    let n = draws as usize;
    let mut column: Vec<i64> = Vec::with_capacity(n);
    let figures = years
        .iter()
        .enumerate()
        .map(|(k, &year)| {
            column.clear();
            for chunk in &order {
                column.extend(chunk.closings.iter().skip(k).step_by(years.len()));
            }
            column.sort_unstable();
            let negative = column.iter().filter(|&&c| c < 0).count();
            YearRisk {
                year,
                negative_percent: Decimal::from(negative as u64 * 100) / Decimal::from(draws),
                p10: Decimal::from(nearest_rank(&column, 10)),
                p50: Decimal::from(nearest_rank(&column, 50)),
                p90: Decimal::from(nearest_rank(&column, 90)),
            }
        })
        .collect();
    Ok(figures)
}

/// The `percent`th percentile of sorted values by nearest rank: the value
/// at rank `⌈percent · N / 100⌉`, at least rank 1.
fn nearest_rank(sorted: &[i64], percent: u64) -> i64 {
    let n = sorted.len() as u64;
    let rank = (percent * n).div_ceil(100).max(1);
    sorted[(rank - 1) as usize]
}

/// A whole run, `0..inputs.draws()` in one chunk, summarised.
pub fn simulate(data: &Dataset, plan: &Plan, inputs: &RiskInputs) -> Vec<YearRisk> {
    let chunk = draw_closings(data, plan, inputs, 0..inputs.draws());
    let years: Vec<Year> = plan.years.iter().map(|y| y.year).collect();
    summarize(&years, &[chunk], inputs.draws()).expect("one chunk of the whole run")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_gives_its_published_outputs() {
        // The reference outputs of SplitMix64 seeded with 1 234 567 (as on
        // Rosetta Code, "Pseudo-random numbers/Splitmix64").
        let outputs: Vec<u64> = (0..5).map(|n| splitmix_output(1_234_567, n)).collect();
        assert_eq!(
            outputs,
            [
                6_457_827_717_110_365_317,
                3_203_168_211_198_807_973,
                9_817_491_932_198_370_423,
                4_593_380_528_125_082_431,
                16_408_922_859_458_223_821,
            ]
        );
    }

    #[test]
    fn a_quantised_draw_never_leaves_its_spread() {
        for spread_e4 in [1, 3, 10_000, 15_000, 200_000] {
            for u in [0.0, 1e-300, 0.25, 0.5, 0.75, 1.0 - f64::EPSILON / 2.0] {
                let t = quantised(spread_e4, u);
                assert!(t.abs() <= Decimal::new(spread_e4, 4), "{spread_e4} {u} {t}");
            }
        }
        assert_eq!(quantised(10_000, 0.0), Decimal::new(-1, 0));
    }
}
