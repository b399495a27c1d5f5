//! Comparing scenarios side by side (spec section 8): per scenario and plan
//! year the result, closing equity, the teams' top-up total, the individ
//! share and the balancing level, and for every scenario after the first
//! (the base) the difference from the base in kronor, signed.
//!
//! The compared scenarios are shown over one period: the longest of theirs.
//! A scenario with a shorter period is extended the way any scenario is
//! (its later years carry its last year's choices), so every column has a
//! figure for every year.

use crate::core::dataset::Dataset;
use crate::core::engine::{project, Balancing, EquityWarning, Projection};
use crate::core::horizon::Year;
use crate::core::members::members_table;
use crate::core::scenario::Scenario;
use rust_decimal::Decimal;

/// Differences from the base, kronor (this column − base).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Difference {
    pub result: Decimal,
    pub closing: Decimal,
    pub topup: Decimal,
}

/// One compared scenario's figures in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearFigures {
    pub year: Year,
    pub result: Decimal,
    pub closing: Decimal,
    pub guideline: Decimal,
    /// Closing equity below 0 or above the ceiling, as the year cards say.
    pub warning: Option<EquityWarning>,
    pub topup: Decimal,
    pub share_individ: Option<Decimal>,
    pub balancing: Balancing,
    /// `None` for the base.
    pub diff: Option<Difference>,
    /// The picked member's total (contribution + top-ups), if a member is picked.
    pub member_total: Option<Decimal>,
}

/// One compared scenario's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnFigures {
    /// The plan years, in order.
    pub years: Vec<YearFigures>,
    /// Closing equity of every year, the reference year included (for the chart).
    pub closing_series: Vec<(Year, Decimal)>,
}

/// The last year every compared scenario is shown to.
pub fn common_end(data: &Dataset, scenarios: &[&Scenario]) -> Year {
    scenarios
        .iter()
        .map(|s| s.last_year(data))
        .max()
        .unwrap_or(data.plan_end)
}

/// Each scenario's projection over the common period.
pub fn projections(data: &Dataset, scenarios: &[&Scenario]) -> Vec<(Scenario, Projection)> {
    let end = common_end(data, scenarios);
    scenarios
        .iter()
        .map(|s| {
            let mut extended = (*s).clone();
            extended.till = (end != data.plan_end).then_some(end);
            let projection = project(data, &extended);
            (extended, projection)
        })
        .collect()
}

/// Computes every compared scenario and its differences from the base, and
/// for a picked member its total per year in each.
pub fn compare(
    data: &Dataset,
    scenarios: &[&Scenario],
    member: Option<&str>,
) -> Vec<ColumnFigures> {
    let projected = projections(data, scenarios);
    let base = projected.first().map(|(_, p)| p);
    projected
        .iter()
        .enumerate()
        .map(|(k, (scenario, projection))| {
            let member_totals = member.and_then(|id| {
                let table = members_table(data, scenario, projection)?;
                let (_, figures) = table.member(id)?;
                Some(figures.years.iter().map(|y| y.total).collect::<Vec<_>>())
            });
            ColumnFigures {
                years: projection
                    .years
                    .iter()
                    .enumerate()
                    .map(|(i, y)| YearFigures {
                        year: y.year,
                        result: y.result,
                        closing: y.closing,
                        guideline: y.guideline,
                        warning: y.warning,
                        topup: y.topup_total,
                        share_individ: y.share_individ,
                        balancing: y.balancing,
                        diff: base.filter(|_| k > 0).map(|b| {
                            let b = &b.years[i];
                            Difference {
                                result: y.result - b.result,
                                closing: y.closing - b.closing,
                                topup: y.topup_total - b.topup_total,
                            }
                        }),
                        member_total: member_totals.as_ref().map(|t| t[i]),
                    })
                    .collect(),
                closing_series: projection
                    .all_years()
                    .map(|y| (y.year, y.closing))
                    .collect(),
            }
        })
        .collect()
}
