//! What drives the result (spec section 11, "what drives it"): for each
//! decision, the last plan year's closing equity when that decision alone
//! moves one step each way, exactly (no draws). The page draws it as a
//! tornado chart and writes the words from [`DriverKind`].
//!
//! The steps are taken on the resolved plan (`core::plan`), one year's value
//! at a time. A scenario's value for a year after the data set's plan end
//! carries into the following years; here "2027's level" means 2027 alone,
//! and each carried year is a decision of its own, so the chart shows which
//! year's choice matters. The decisions, in the order they are listed
//! before sorting:
//! - the funding level of each plan year, ±5 percentage points within
//!   0 … 100, for the teams that follow the year's level (teams with their
//!   own level keep it); only years in which some team follows the level;
//! - the individ share of each plan year that has one, ±5 within 1 … 100;
//! - the cost growth, ±1 percentage point on every indexed year at once
//!   (only when some year is indexed);
//! - the revenue, `kr(R × 0.99)` and `kr(R × 1.01)` in every year after the
//!   first at once (only when there is such a year).
//!
//! A step that the range cuts off (a level of 100 % moved up) leaves the
//! plan as it is, and that side's closing equity is the base. The size of a
//! decision's effect is the larger of `|down − base|` and `|up − base|`;
//! the list is sorted by size, largest first, and decisions of equal size
//! keep the order above.

use crate::core::dataset::Dataset;
use crate::core::engine::compute;
use crate::core::horizon::Year;
use crate::core::money::kr;
use crate::core::plan::{plan, Plan, YearPlan};
use crate::core::scenario::Scenario;
use rust_decimal::Decimal;

/// Which decision a driver moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DriverKind {
    /// The year's funding level, ±5 pp.
    Funding(Year),
    /// The year's individ share, ±5.
    Share(Year),
    /// The cost growth of every indexed year, ±1 pp.
    Growth,
    /// The revenue of every year after the first, ±1 %.
    Revenue,
}

/// One decision's effect on the last plan year's closing equity, kr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Driver {
    pub kind: DriverKind,
    /// Closing equity with the decision one step down (a lower level,
    /// share, growth or revenue).
    pub down: Decimal,
    /// Closing equity with the decision one step up.
    pub up: Decimal,
    /// Closing equity as the scenario has it.
    pub base: Decimal,
}

impl Driver {
    /// The size of the effect: the larger of the two sides' distances from
    /// the base.
    pub fn size(&self) -> Decimal {
        (self.down - self.base)
            .abs()
            .max((self.up - self.base).abs())
    }
}

/// The drivers of a scenario, sorted by the size of their effect.
pub fn drivers(data: &Dataset, scenario: &Scenario) -> Vec<Driver> {
    plan_drivers(data, &plan(data, scenario))
}

/// The drivers of a resolved plan, sorted by the size of their effect.
pub fn plan_drivers(data: &Dataset, base: &Plan) -> Vec<Driver> {
    // Only the last plan year's closing is asked for: the reference year
    // does not matter to it.
    let mut work = base.clone();
    work.reference = None;
    let closing = |p: &Plan| compute(data, p).last().closing;
    let base_closing = closing(&work);
    let step = Decimal::from(5);
    let mut list = Vec::new();
    let mut push = |kind, down: &Plan, up: &Plan| {
        list.push(Driver {
            kind,
            down: closing(down),
            up: closing(up),
            base: base_closing,
        });
    };
    let moved = |change: &dyn Fn(&mut YearPlan, &YearPlan)| -> Plan {
        let mut p = work.clone();
        for (to, from) in p.years.iter_mut().zip(&work.years) {
            change(to, from);
        }
        p
    };
    for (k, year) in work.years.iter().enumerate() {
        if !year.teams.iter().any(|t| !t.own) {
            continue;
        }
        let level = |target: Decimal| {
            let mut p = work.clone();
            set_funding(&mut p.years[k], target);
            p
        };
        push(
            DriverKind::Funding(year.year),
            &level((year.funding - step).max(Decimal::ZERO)),
            &level((year.funding + step).min(Decimal::ONE_HUNDRED)),
        );
    }
    for (k, year) in work.years.iter().enumerate() {
        let Some(share) = year.individ_share else {
            continue;
        };
        let with = |target: Decimal| {
            let mut p = work.clone();
            p.years[k].individ_share = Some(target);
            p
        };
        push(
            DriverKind::Share(year.year),
            &with((share - step).max(Decimal::ONE)),
            &with((share + step).min(Decimal::ONE_HUNDRED)),
        );
    }
    if work.years.iter().any(YearPlan::is_indexed) {
        let growth = |delta: Decimal| {
            moved(&|to: &mut YearPlan, from: &YearPlan| {
                if from.is_indexed() {
                    to.growth = from.growth + delta;
                }
            })
        };
        push(
            DriverKind::Growth,
            &growth(-Decimal::ONE),
            &growth(Decimal::ONE),
        );
    }
    if work.years.len() > 1 {
        let first = work.years[0].year;
        let revenue = |factor: Decimal| {
            moved(&|to: &mut YearPlan, from: &YearPlan| {
                if from.year != first {
                    to.revenue = kr(from.revenue * factor);
                }
            })
        };
        push(
            DriverKind::Revenue,
            &revenue(Decimal::new(99, 2)),
            &revenue(Decimal::new(101, 2)),
        );
    }
    // A stable sort: equal sizes keep the listing order.
    list.sort_by_key(|d| std::cmp::Reverse(d.size()));
    list
}

/// Sets a year's uniform funding level; the teams that follow it move with
/// it, as `core::plan` resolves them.
fn set_funding(year: &mut YearPlan, level: Decimal) {
    year.funding = level;
    for team in year.teams.iter_mut().filter(|t| !t.own) {
        team.level = level;
    }
}
