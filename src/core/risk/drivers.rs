//! What drives the result (spec section 11, "what drives it"): for each
//! decision, the last plan year's closing equity when that decision alone
//! moves one step each way, exactly (no draws). The page draws it as a
//! tornado chart and writes the words from [`DriverKind`].
//!
//! A year's funding level and individ share are stepped as the page's
//! control for that year sets them (`Scenario::set`), so a bar is what
//! moving that control would do: a year after the data set's plan end that
//! the scenario leaves unset carries the year before's value, and moves
//! with it, here as on the page. Each such carried year also has a bar of
//! its own (an own value for it, the years it carries to moving along).
//! Growth and revenue are stepped on the resolved plan (`core::plan`). The
//! decisions, in the order they are listed before sorting:
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
use crate::core::scenario::{Field, Scenario};
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
    // Only the last plan year's closing is asked for: the reference year
    // does not matter to it.
    let resolved = |s: &Scenario| {
        let mut p = plan(data, s);
        p.reference = None;
        p
    };
    let work = resolved(scenario);
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
    // A year's control set to `target`; a value the control refuses
    // (none: the targets are kept in range) leaves the plan as it is.
    let set = |field: Field, target: Decimal| {
        let mut s = scenario.clone();
        match s.set(data, &field, Some(target)) {
            Ok(_) => resolved(&s),
            Err(_) => work.clone(),
        }
    };
    let moved = |change: &dyn Fn(&mut YearPlan, &YearPlan)| -> Plan {
        let mut p = work.clone();
        for (to, from) in p.years.iter_mut().zip(&work.years) {
            change(to, from);
        }
        p
    };
    for year in &work.years {
        if !year.teams.iter().any(|t| !t.own) {
            continue;
        }
        let level = |target: Decimal| set(Field::Funding(year.year), target);
        push(
            DriverKind::Funding(year.year),
            &level((year.funding - step).max(Decimal::ZERO)),
            &level((year.funding + step).min(Decimal::ONE_HUNDRED)),
        );
    }
    for year in &work.years {
        let Some(share) = year.individ_share else {
            continue;
        };
        let with = |target: Decimal| set(Field::IndividShare(year.year), target);
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
