//! "Hur säkert är det?" as text, charts and tables (spec section 11): the
//! figures of a finished run (`core::risk::summarize`), the scenario's own
//! closing equity and guideline, the drivers and the bridge, gathered into a
//! [`RiskReport`], then written as Swedish words ([`words`]), chart
//! geometry ([`fan`], [`bars`]) and HTML ([`html`]) for the page's panel
//! and the decision document.
//!
//! Pure and without browser crates: the report is made in the documents
//! worker (so the draws, the drivers and all of this stay out of the page's
//! start bundle) and tested natively.

pub mod bars;
pub mod fan;
pub mod html;
pub mod scale;
pub mod svg;
pub mod tables;
pub mod words;

use crate::core::engine::project;
use crate::core::horizon::Year;
use crate::core::plan::plan;
use crate::core::risk::{bridge, drivers, Bridge, Driver, DriverKind, RiskInputs, YearRisk};
use crate::core::{Dataset, Field, Scenario};
use rust_decimal::Decimal;

/// Where a closing equity stands against the band (floor … guideline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    /// Below the floor.
    Under,
    /// From the floor up to the guideline.
    Inom,
    /// Above the guideline (the ceiling).
    Over,
}

impl Band {
    /// The place of `value` against a floor and a ceiling: under the floor
    /// first, so a floor above the ceiling (an empty band) reads "under"
    /// rather than both.
    pub fn of(value: Decimal, floor: Decimal, ceiling: Decimal) -> Self {
        if value < floor {
            Band::Under
        } else if value > ceiling {
            Band::Over
        } else {
            Band::Inom
        }
    }

    /// The word the page shows, also the hook's value.
    pub fn word(self) -> &'static str {
        match self {
            Band::Under => "under",
            Band::Inom => "inom",
            Band::Over => "över",
        }
    }
}

/// One plan year of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskYear {
    pub risk: YearRisk,
    /// The scenario's own closing equity (no draws).
    pub own: Decimal,
    /// The scenario's guideline for the year: the band's ceiling.
    pub guideline: Decimal,
    /// Where the median of the draws stands in the band.
    pub band: Band,
}

/// A tornado bar with what its words need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DriverRow {
    pub driver: Driver,
    /// The decision's year comes after the data set's plan end and the
    /// scenario does not set it: its value is carried from the year before.
    pub carried: bool,
    /// The decision's year is the data set's first plan year, decided
    /// already: its bar shows what that decision did, not one still open.
    pub decided: bool,
}

/// Everything the panel and the document say about a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskReport {
    pub inputs: RiskInputs,
    pub floor: Decimal,
    pub years: Vec<RiskYear>,
    /// Sorted by the size of their effect, largest first.
    pub drivers: Vec<DriverRow>,
    pub bridge: Bridge,
    /// The data set's own plan end (later years carry the year before's).
    pub plan_end: Year,
    /// Some year has a steered individ share (else no share bars).
    pub share_steered: bool,
    /// The first plan year is the interim report's prognosis, while the
    /// later years grow from its budget: the bridge says so, since a
    /// prognosis below budget then shows as a cost that rises.
    pub first_on_prognosis: bool,
    /// The scenario's cost growth per indexed year ("2026–30: 0 % per
    /// år"), which the draws vary around; `None` when every year has
    /// costs in the data set (the growth then moves nothing).
    pub growth: Option<String>,
}

/// Gathers a report from a run's figures (one per plan year, in order).
pub fn report(
    data: &Dataset,
    scenario: &Scenario,
    inputs: RiskInputs,
    floor: Decimal,
    figures: Vec<YearRisk>,
) -> RiskReport {
    let projection = project(data, scenario);
    let resolved = plan(data, scenario);
    let years = figures
        .into_iter()
        .zip(&projection.years)
        .map(|(risk, own)| {
            debug_assert_eq!(risk.year, own.year, "figures per plan year, in order");
            RiskYear {
                band: Band::of(risk.p50, floor, own.guideline),
                own: own.closing,
                guideline: own.guideline,
                risk,
            }
        })
        .collect();
    let carried = |kind: DriverKind| match kind {
        DriverKind::Funding(y) => y > data.plan_end && !scenario.sets(&Field::Funding(y)),
        DriverKind::Share(y) => y > data.plan_end && !scenario.sets(&Field::IndividShare(y)),
        DriverKind::Growth | DriverKind::Revenue => false,
    };
    RiskReport {
        inputs,
        floor,
        years,
        drivers: drivers(data, scenario)
            .into_iter()
            .map(|driver| DriverRow {
                carried: carried(driver.kind),
                decided: matches!(driver.kind,
                    DriverKind::Funding(y) | DriverKind::Share(y) if y == data.first_plan_year),
                driver,
            })
            .collect(),
        bridge: bridge(&projection),
        plan_end: data.plan_end,
        share_steered: resolved.years.iter().any(|y| y.individ_share.is_some()),
        first_on_prognosis: scenario.first_year_on_prognosis(data),
        growth: crate::export::assumptions::growth_per_year(data, scenario),
    }
}

impl RiskReport {
    pub fn first_year(&self) -> Year {
        self.years.first().map_or(self.plan_end, |y| y.risk.year)
    }

    pub fn last_year(&self) -> Year {
        self.years.last().map_or(self.plan_end, |y| y.risk.year)
    }

    /// Whether any bar is of a carried decision (the page then explains).
    pub fn has_carried(&self) -> bool {
        self.drivers.iter().any(|d| d.carried)
    }
}
