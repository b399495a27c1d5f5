//! The range around the result (spec section 11): how sure the figures of
//! sections 3 and 9 are when neither the cost growth nor the members'
//! contributions are known in advance.
//!
//! Three parts, each pure and each on a resolved plan (`core::plan`), so
//! every figure comes from the one engine (`core::engine::compute`):
//! - [`draws`]: the simulation. Each draw moves the growth of every indexed
//!   year and the revenue of every year after the first by a triangular
//!   amount, runs the engine and keeps each plan year's closing equity;
//!   [`summarize`] turns the draws into the share of negative equity and
//!   the 10th, 50th and 90th percentiles per year. Draw `i` depends on the
//!   seed and `i` alone, so the page may run a simulation in any chunks.
//!   For speed the draws work out closing equity by the engine's steps cut
//!   down to it (`closing`, private), which the tests hold to `compute`
//!   exactly.
//! - [`drivers`](mod@drivers): what moves the last year's closing equity
//!   most, one decision at a time, exactly (no draws).
//! - [`bridge`](mod@bridge): the change of the result from the first plan
//!   year to the last, split into the parts that sum to it.
//!
//! This file holds the inputs of the simulation and their rules. The
//! defaults are assumptions (the page labels them so), not figures from the
//! sources.

pub mod bridge;
mod closing;
pub mod draws;
pub mod drivers;

pub use bridge::{bridge, Bridge};
pub use draws::{
    draw_closings, draw_plan, simulate, summarize, triangular, triangular_draw, uniform,
    ChunkError, DrawChunk, YearRisk,
};
pub use drivers::{drivers, Driver, DriverKind};

use crate::core::rules::{NumberRule, RuleError};
use rust_decimal::Decimal;

/// The cost growth uncertainty `w` (`risk.growth`): percentage points,
/// 0 … 5, one decimal.
pub const GROWTH_SPREAD_RULE: NumberRule = NumberRule::percent(0, 5);
/// The revenue uncertainty `v` (`risk.rev`): percent, 0 … 20, one decimal.
pub const REVENUE_SPREAD_RULE: NumberRule = NumberRule::percent(0, 20);
/// The fewest draws a run takes (`risk.n`).
pub const MIN_DRAWS: u32 = 1_000;
/// The most draws a run takes: 100 000 draws of ten years is about a
/// second in the browser, the most a workshop should wait.
pub const MAX_DRAWS: u32 = 100_000;
/// The largest seed (`risk.seed`), 2⁵³ − 1: the link holds the seed and
/// the page reads it as a JavaScript number, which is exact only up to here.
pub const MAX_SEED: u64 = (1 << 53) - 1;

/// Why a risk input is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RiskInputError {
    /// `w` out of [`GROWTH_SPREAD_RULE`].
    GrowthSpread(RuleError),
    /// `v` out of [`REVENUE_SPREAD_RULE`].
    RevenueSpread(RuleError),
    /// The number of draws out of [`MIN_DRAWS`] … [`MAX_DRAWS`].
    Draws,
    /// A seed above [`MAX_SEED`].
    Seed,
}

/// The inputs of a simulation, always within their rules: they are only
/// made by [`RiskInputs::new`], the checked setters or `Default`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RiskInputs {
    /// `w`: the growth of an indexed year is drawn from (g − w, g, g + w), pp.
    growth_spread: Decimal,
    /// `v`: the revenue is moved by t % with t drawn from (−v, 0, v).
    revenue_spread: Decimal,
    /// `N`.
    draws: u32,
    seed: u64,
}

impl Default for RiskInputs {
    /// `w` 1.0 pp, `v` 1.0 %, 10 000 draws, seed 1.
    fn default() -> Self {
        RiskInputs {
            growth_spread: Decimal::ONE,
            revenue_spread: Decimal::ONE,
            draws: 10_000,
            seed: 1,
        }
    }
}

impl RiskInputs {
    /// Inputs checked against their rules (the spreads normalised, `1.0` →
    /// `1`).
    pub fn new(
        growth_spread: Decimal,
        revenue_spread: Decimal,
        draws: u32,
        seed: u64,
    ) -> Result<Self, RiskInputError> {
        let mut inputs = RiskInputs::default();
        inputs.set_growth_spread(growth_spread)?;
        inputs.set_revenue_spread(revenue_spread)?;
        inputs.set_draws(draws)?;
        inputs.set_seed(seed)?;
        Ok(inputs)
    }

    pub fn growth_spread(&self) -> Decimal {
        self.growth_spread
    }

    pub fn revenue_spread(&self) -> Decimal {
        self.revenue_spread
    }

    pub fn draws(&self) -> u32 {
        self.draws
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Sets `w`, if it fits [`GROWTH_SPREAD_RULE`]; otherwise nothing changes.
    pub fn set_growth_spread(&mut self, w: Decimal) -> Result<(), RiskInputError> {
        self.growth_spread = GROWTH_SPREAD_RULE
            .check(w)
            .map_err(RiskInputError::GrowthSpread)?;
        Ok(())
    }

    /// Sets `v`, if it fits [`REVENUE_SPREAD_RULE`]; otherwise nothing changes.
    pub fn set_revenue_spread(&mut self, v: Decimal) -> Result<(), RiskInputError> {
        self.revenue_spread = REVENUE_SPREAD_RULE
            .check(v)
            .map_err(RiskInputError::RevenueSpread)?;
        Ok(())
    }

    /// Sets `N`, if it is within [`MIN_DRAWS`] … [`MAX_DRAWS`].
    pub fn set_draws(&mut self, draws: u32) -> Result<(), RiskInputError> {
        if !(MIN_DRAWS..=MAX_DRAWS).contains(&draws) {
            return Err(RiskInputError::Draws);
        }
        self.draws = draws;
        Ok(())
    }

    /// Sets the seed, if it is at most [`MAX_SEED`].
    pub fn set_seed(&mut self, seed: u64) -> Result<(), RiskInputError> {
        if seed > MAX_SEED {
            return Err(RiskInputError::Seed);
        }
        self.seed = seed;
        Ok(())
    }
}
