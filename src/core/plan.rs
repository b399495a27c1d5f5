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
    /// The uniform funding level, %.
    pub funding: Decimal,
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

/// Resolves a scenario against a (validated) data set. The years are
/// walked in order, each one's carried values taken from the year before
/// (the same rule as the scenario's own getters, without their recursion).
pub fn plan(data: &Dataset, scenario: &Scenario) -> Plan {
    let first = data.first_plan_year;
    let last = scenario.last_year(data);
    let period = PlanPeriod::new(first, last).expect("the scenario keeps its period in range");
    let basis = scenario.basis(data);
    let budget = data.column(ColumnKind::Budget, first);
    let steerable = crate::core::scenario::has_structural_lines(data);
    let team_lines: Vec<usize> = data
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.team)
        .map(|(i, _)| i)
        .collect();
    let mut years: Vec<YearPlan> = Vec::with_capacity(period.len());
    for year in period.years() {
        let carried = years.last().filter(|_| year > data.plan_end);
        let costs = if year == first {
            let prognosis = data.prognosis_column().filter(|_| basis == Basis::Prognos);
            CostSource::Column(prognosis.or(budget).expect("validated: a first budget"))
        } else if let Some(column) = data.year_column(year) {
            CostSource::Column(column)
        } else {
            CostSource::Indexed {
                from_budget_column: budget.filter(|_| year == first + 1),
            }
        };
        let funding = scenario
            .funding
            .get(&year)
            .copied()
            .or(carried.map(|c| c.funding))
            .unwrap_or(Decimal::ONE_HUNDRED);
        // This year's own team levels, found without allocating a key.
        let own: Vec<(&str, Option<Decimal>)> = scenario
            .team_funding
            .iter()
            .filter(|((y, _), _)| *y == year)
            .map(|((_, team), level)| (team.as_str(), *level))
            .collect();
        let teams = team_lines
            .iter()
            .enumerate()
            .map(|(t, &line)| {
                let id = data.lines[line].id.as_str();
                let level = match own.iter().find(|(team, _)| *team == id) {
                    Some((_, level)) => *level,
                    None => carried.and_then(|c| c.teams[t].own.then_some(c.teams[t].level)),
                };
                TeamLevel {
                    line,
                    level: level.unwrap_or(funding),
                    own: level.is_some(),
                }
            })
            .collect();
        let individ_share = match scenario.individ_share.get(&year) {
            Some(share) => *share,
            None => carried.and_then(|c| c.individ_share),
        };
        let revenue = match crate::core::scenario::fixed_revenue(data, basis, year) {
            Some(fixed) => fixed,
            None => scenario
                .revenue
                .get(&year)
                .copied()
                .or(carried.map(|c| c.revenue))
                .unwrap_or_else(|| scenario.revenue(data, year)),
        };
        years.push(YearPlan {
            year,
            costs,
            growth: scenario.growth(year),
            revenue,
            teams,
            // Nothing to scale without structural lines: as budgeted.
            individ_share: individ_share.filter(|_| steerable),
            funding,
        });
    }
    Plan {
        period,
        reference: data
            .reference_year
            .and_then(|y| data.year_column(y).map(|c| (y, c))),
        years,
        opening_equity: scenario.opening_equity(data),
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
