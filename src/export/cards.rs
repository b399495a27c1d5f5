//! The year cards above the table, as data: per plan year closing equity
//! with its warning, the result, the ceiling, the funding level and the
//! level for a zero result, what the members must find to keep the teams,
//! the staff at risk if nobody does, and the difference from a base
//! (*Nuläge*, or the comparison's first column). Computed here so the card
//! component only lays out what it is given.

use crate::core::engine::{Balancing, EquityWarning, Projection};
use crate::core::horizon::Year;
use crate::core::staffing::TeamStaffing;
use crate::core::{Dataset, Scenario};
use crate::export::format::decimal_comma;
use rust_decimal::Decimal;

/// One year's card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearCard {
    pub year: Year,
    pub closing: Decimal,
    pub result: Decimal,
    pub guideline: Decimal,
    pub warning: Option<EquityWarning>,
    /// The year's uniform funding level, %.
    pub level: Decimal,
    pub balancing: Balancing,
    /// Whether the shown balancing level is the level in use.
    pub applied: bool,
    /// The teams' top-up total, kr.
    pub topup_total: Decimal,
    /// FTE at risk over the teams with staffing figures; `None` when no team has any.
    pub fte_at_risk: Option<Decimal>,
    /// How many teams `fte_at_risk` covers, and how many teams there are: a
    /// team without staffing figures (or, in a year, without a full cost) is
    /// left out of the sum, and the card must say so.
    pub fte_teams_counted: usize,
    pub teams: usize,
    /// Closing equity minus the base's.
    pub difference: Decimal,
    /// The first plan year, decided already: its card shows the balancing
    /// level but offers no button to change the year (its controls are
    /// folded away in the scenario panel, on purpose).
    pub decided: bool,
}

/// The cards of every plan year.
pub fn year_cards(
    data: &Dataset,
    scenario: &Scenario,
    projection: &Projection,
    staffing: &[TeamStaffing],
    base: &Projection,
) -> Vec<YearCard> {
    projection
        .years
        .iter()
        .enumerate()
        .map(|(i, y)| {
            let level = scenario.funding(data, y.year);
            let at_risk: Vec<Decimal> = staffing
                .iter()
                .filter_map(|t| t.years.get(i).and_then(|s| s.fte_at_risk))
                .collect();
            YearCard {
                year: y.year,
                closing: y.closing,
                result: y.result,
                guideline: y.guideline,
                warning: y.warning,
                level,
                balancing: y.balancing,
                applied: y.balancing.shown_level() == Some(level),
                topup_total: y.topup_total,
                fte_at_risk: (!at_risk.is_empty()).then(|| at_risk.iter().sum()),
                fte_teams_counted: at_risk.len(),
                teams: staffing.len(),
                difference: y.closing - base.year(y.year).map_or(y.closing, |b| b.closing),
                decided: y.year == data.first_plan_year,
            }
        })
        .collect()
}

impl YearCard {
    /// The staff at risk in words: `3,3`, or `3,3 (1 av 6 team saknar uppgift)` when some
    /// team has no staffing figures (its share is unknown, not zero), or
    /// `None` when no team has any.
    pub fn fte_at_risk_text(&self) -> Option<String> {
        let fte = decimal_comma(self.fte_at_risk?);
        Some(match self.fte_coverage() {
            Some(coverage) => format!("{fte} ({coverage})"),
            None => fte,
        })
    }

    /// The staff at risk as meeting mode's card line: `3,3 årsarb. i
    /// riskzonen (1 av 6 team saknar uppgift)`; empty when no team has figures.
    pub fn fte_at_risk_line(&self) -> String {
        let Some(fte) = self.fte_at_risk else {
            return String::new();
        };
        match self.fte_coverage() {
            Some(coverage) => format!("{} årsarb. i riskzonen ({coverage})", decimal_comma(fte)),
            None => format!("{} årsarb. i riskzonen", decimal_comma(fte)),
        }
    }

    /// `1 av 6 team saknar uppgift` when the sum leaves some team out, for
    /// want of its staffing figures (none when no team counts: then there is
    /// no sum to qualify).
    pub fn fte_coverage(&self) -> Option<String> {
        (self.fte_teams_counted > 0 && self.fte_teams_counted < self.teams).then(|| {
            let missing = self.teams - self.fte_teams_counted;
            format!("{missing} av {} team saknar uppgift", self.teams)
        })
    }
}

/// Meeting mode's year table says which teams the staff at risk covers once,
/// in its column heading, when that is the same every year (the column stays
/// narrow); otherwise each cell says it. The heading, and whether the cells
/// must.
pub fn fte_column_heading(cards: &[YearCard]) -> (String, bool) {
    let coverage = cards.first().and_then(YearCard::fte_coverage);
    let same_every_year = cards.iter().all(|c| c.fte_coverage() == coverage);
    match (coverage, same_every_year) {
        (Some(coverage), true) => (format!("Årsarb. i riskzonen ({coverage})"), false),
        (_, same) => ("Årsarb. i riskzonen".to_owned(), !same),
    }
}

/// A closing equity's warning beside its figure, in text (not colour
/// alone): "(negativt)", "(över riktvärdet)".
pub fn equity_note(warning: Option<EquityWarning>) -> Option<&'static str> {
    match warning? {
        EquityWarning::Negative => Some("(negativt)"),
        EquityWarning::AboveGuideline => Some("(över riktvärdet)"),
    }
}
