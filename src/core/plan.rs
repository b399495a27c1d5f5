//! A scenario resolved against its data set: one set of inputs per plan year
//! (spec section 9), the form the engine computes from.
//!
//! Resolving decides, once per projection, what each year takes: its funding
//! level and each team's own level, its individ share, its revenue, whether
//! its costs come from a data column or are indexed from the year before, and
//! its cost growth. The risk analysis (`core::risk`) varies the growth and
//! revenue of a resolved plan rather than the scenario, so every draw runs the
//! same engine on exactly what the scenario says otherwise.

use crate::core::dataset::{ColumnKind, Dataset};
use crate::core::horizon::{PlanPeriod, Year};
use crate::core::scenario::{Basis, Scenario};
use rust_decimal::Decimal;

/// Where a year's full costs come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CostSource {
    /// A column of the data set, as given.
    Column(usize),
    /// Indexed: the first plan year's budget column (for the year after it)
    /// or the year before's full cost, times `1 + growth / 100`.
    Indexed { from_budget_column: Option<usize> },
}

/// One team line's level in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TeamLevel {
    pub line: usize,
    pub level: Decimal,
    /// The team has its own level (it keeps it when the balancing level is
    /// applied).
    pub own: bool,
}

/// The inputs of one plan year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearPlan {
    pub year: Year,
    pub costs: CostSource,
    /// Cost growth, % (used when the costs are indexed).
    pub growth: Decimal,
    pub revenue: Decimal,
    pub teams: Vec<TeamLevel>,
    pub individ_share: Option<Decimal>,
}

/// A scenario resolved against its data set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub period: PlanPeriod,
    /// The reference year's column, if the data set has a reference year.
    pub reference: Option<(Year, usize)>,
    pub years: Vec<YearPlan>,
    /// Equity at the start of the first plan year.
    pub opening_equity: Decimal,
    pub guideline_percent: Decimal,
}

/// Resolves a scenario against a (validated) data set.
pub fn plan(data: &Dataset, scenario: &Scenario) -> Plan {
    let first = data.first_plan_year;
    let last = scenario.last_year(data);
    let period = PlanPeriod::new(first, last).expect("the scenario keeps its period in range");
    let basis = scenario.basis(data);
    let budget = data.column(ColumnKind::Budget, first);
    let years = period
        .years()
        .map(|year| {
            let costs = if year == first {
                let prognosis = data.prognosis_column().filter(|_| basis == Basis::Prognos);
                CostSource::Column(prognosis.or(budget).expect("validated: a first budget"))
            } else if let Some(column) = data.year_column(year) {
                CostSource::Column(column)
            } else if year == first + 1 {
                CostSource::Indexed {
                    from_budget_column: budget,
                }
            } else {
                CostSource::Indexed {
                    from_budget_column: None,
                }
            };
            let teams = data
                .lines
                .iter()
                .enumerate()
                .filter(|(_, l)| l.team)
                .map(|(line, l)| {
                    let own = scenario.team_override(data, year, &l.id);
                    TeamLevel {
                        line,
                        level: own.unwrap_or_else(|| scenario.funding(data, year)),
                        own: own.is_some(),
                    }
                })
                .collect();
            YearPlan {
                year,
                costs,
                growth: scenario.growth(year),
                revenue: scenario.revenue(data, year),
                teams,
                individ_share: scenario.individ_share(data, year),
            }
        })
        .collect();
    let opening_equity = scenario.opening_equity(data);
    Plan {
        period,
        reference: data
            .reference_year
            .and_then(|y| data.year_column(y).map(|c| (y, c))),
        years,
        opening_equity,
        guideline_percent: scenario.equity_guideline(data),
    }
}

impl Plan {
    pub fn year(&self, year: Year) -> Option<&YearPlan> {
        self.period.index(year).map(|i| &self.years[i])
    }

    pub fn year_mut(&mut self, year: Year) -> Option<&mut YearPlan> {
        self.period.index(year).map(move |i| &mut self.years[i])
    }
}

impl YearPlan {
    /// Whether the year's costs are computed from the year before.
    pub fn is_indexed(&self) -> bool {
        matches!(self.costs, CostSource::Indexed { .. })
    }
}
