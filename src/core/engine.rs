//! The budget engine: a resolved plan in, the reference year and every plan
//! year out, following the budget model (`docs/model.md`) to the krona.
//!
//! Rounding to kronor happens exactly where the model writes `kr(…)`:
//! indexed full costs, team förbund costs, the structural total `S`, and the
//! equity guideline. Everything else is exact sums and differences of whole
//! kronor, so lines sum to subtotals and subtotals to totals without a stray
//! krona.
//!
//! Choices the model leaves open, as a treasurer would expect them:
//! - The reference year is shown as decided: teams at 100 %, structural
//!   lines as budgeted, its opening equity from the data set; its guideline
//!   uses the scenario's guideline percentage like the other years.
//! - A share of a zero denominator is undefined (`None`), shown as a dash.
//! - When the individ share is steered, the structural total is spread over
//!   the structural lines in proportion to their full costs (a line with a
//!   negative full cost weighs 0); when no line has a positive full cost it
//!   all goes to the data set's unallocated line.

use crate::core::dataset::{Category, Dataset};
use crate::core::distribute::largest_remainder;
use crate::core::horizon::{PlanPeriod, Year};
use crate::core::money::{kr, percent_of, percent_one_decimal, share_percent};
use crate::core::plan::{plan, CostSource, Plan, TeamLevel};
use crate::core::scenario::Scenario;
use rust_decimal::Decimal;

/// One line's figures in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineOutcome {
    /// Full cost: what the line costs at full staffing.
    pub full: Decimal,
    /// What the förbund pays (teams: at the funding level; structural lines:
    /// after scaling to the individ share).
    pub cost: Decimal,
    /// For teams, `full − cost`: what the members must find to keep the team
    /// as it is. Zero for other lines.
    pub topup: Decimal,
    /// For teams, the funding level that applied, %.
    pub team_level: Option<Decimal>,
}

/// The balancing team funding level of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Balancing {
    /// The exact level, %, within 0…100.
    Reachable(Decimal),
    /// No uniform level in 0…100 makes the result 0 (or no team follows the
    /// uniform level).
    NotReachable,
}

impl Balancing {
    /// The level as shown and as applied by the "use" button: one decimal,
    /// half away from zero. `None` when not reachable.
    pub fn shown_level(self) -> Option<Decimal> {
        match self {
            Balancing::Reachable(level) => Some(percent_one_decimal(level)),
            Balancing::NotReachable => None,
        }
    }
}

/// A closing-equity warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EquityWarning {
    /// Closing equity below 0 (error level).
    Negative,
    /// Closing equity above the guideline (a notice).
    AboveGuideline,
}

/// All figures of one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearOutcome {
    pub year: Year,
    /// Same order as the data set's lines.
    pub lines: Vec<LineOutcome>,
    pub revenue: Decimal,
    /// `A`: administration.
    pub admin: Decimal,
    /// `I`: individ lines at förbund cost.
    pub individ: Decimal,
    /// `S`: structural lines.
    pub struktur: Decimal,
    /// `D = I + S`.
    pub direct: Decimal,
    /// `K = A + D`.
    pub costs: Decimal,
    /// `R − K`.
    pub result: Decimal,
    pub opening: Decimal,
    pub closing: Decimal,
    pub guideline: Decimal,
    /// Sum of the teams' top-ups.
    pub topup_total: Decimal,
    /// Exact shares, %: `I/D`, `S/D`, `A/K`, `D/K`.
    pub share_individ: Option<Decimal>,
    pub share_struktur: Option<Decimal>,
    pub share_admin: Option<Decimal>,
    pub share_direct: Option<Decimal>,
    pub balancing: Balancing,
    pub warning: Option<EquityWarning>,
}

/// The whole projection: the reference year, if any, and the plan years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Projection {
    pub period: PlanPeriod,
    pub reference: Option<YearOutcome>,
    /// The plan years, in order.
    pub years: Vec<YearOutcome>,
}

impl Projection {
    /// A plan year's figures.
    pub fn year(&self, year: Year) -> Option<&YearOutcome> {
        self.period.index(year).map(|i| &self.years[i])
    }

    /// The reference year (if any), then the plan years.
    pub fn all_years(&self) -> impl Iterator<Item = &YearOutcome> {
        self.reference.iter().chain(self.years.iter())
    }

    /// The last plan year.
    pub fn last(&self) -> &YearOutcome {
        self.years.last().expect("a period has a year")
    }
}

/// What the computation of one year needs, whatever year it is.
struct YearInput<'a> {
    year: Year,
    full: Vec<Decimal>,
    teams: &'a [TeamLevel],
    individ_share: Option<Decimal>,
    revenue: Decimal,
    opening: Decimal,
    guideline_percent: Decimal,
}

/// Computes the projection of a scenario.
pub fn project(data: &Dataset, scenario: &Scenario) -> Projection {
    compute(data, &plan(data, scenario))
}

/// Computes the projection of a resolved plan.
pub fn compute(data: &Dataset, plan: &Plan) -> Projection {
    let column = |c: usize| -> Vec<Decimal> { data.lines.iter().map(|l| l.amounts[c]).collect() };
    let reference = plan.reference.map(|(year, c)| {
        compute_year(
            data,
            YearInput {
                year,
                full: column(c),
                teams: &[],
                individ_share: None,
                revenue: data.revenue[c].unwrap_or_default(),
                opening: data.opening_equity.amount,
                guideline_percent: plan.guideline_percent,
            },
        )
    });
    let mut opening = plan.opening_equity;
    let mut previous_full: Vec<Decimal> = Vec::new();
    let years = plan
        .years
        .iter()
        .map(|y| {
            let full = match y.costs {
                CostSource::Column(c) => column(c),
                CostSource::Indexed { from_budget_column } => {
                    let factor = Decimal::ONE + y.growth / Decimal::ONE_HUNDRED;
                    let base = from_budget_column.map_or_else(|| previous_full.clone(), column);
                    base.iter().map(|&f| kr(f * factor)).collect()
                }
            };
            let outcome = compute_year(
                data,
                YearInput {
                    year: y.year,
                    full,
                    teams: &y.teams,
                    individ_share: y.individ_share,
                    revenue: y.revenue,
                    opening,
                    guideline_percent: plan.guideline_percent,
                },
            );
            opening = outcome.closing;
            previous_full = outcome.lines.iter().map(|l| l.full).collect();
            outcome
        })
        .collect();
    Projection {
        period: plan.period,
        reference,
        years,
    }
}

fn compute_year(data: &Dataset, input: YearInput<'_>) -> YearOutcome {
    let mut lines: Vec<LineOutcome> = input
        .full
        .iter()
        .map(|&full| LineOutcome {
            full,
            cost: full,
            topup: Decimal::ZERO,
            team_level: None,
        })
        .collect();
    // The reference year has no levels: its teams are shown at 100 %.
    for (i, line) in data.lines.iter().enumerate() {
        if line.team && input.teams.is_empty() {
            lines[i].team_level = Some(Decimal::ONE_HUNDRED);
        }
    }
    for team in input.teams {
        let outcome = &mut lines[team.line];
        outcome.cost = kr(percent_of(outcome.full, team.level));
        outcome.topup = outcome.full - outcome.cost;
        outcome.team_level = Some(team.level);
    }

    let sum_of = |lines: &[LineOutcome], category: Category| -> Decimal {
        data.lines
            .iter()
            .zip(lines)
            .filter(|(l, _)| l.category == category)
            .map(|(_, o)| o.cost)
            .sum()
    };
    let individ = sum_of(&lines, Category::Individ);
    let admin = sum_of(&lines, Category::Admin);
    let struktur_full = sum_of(&lines, Category::Struktur);
    if let Some(share) = input.individ_share {
        let target = kr(individ * (Decimal::ONE_HUNDRED - share) / share);
        scale_structural_lines(data, &mut lines, target);
    }
    let struktur = sum_of(&lines, Category::Struktur);

    let direct = individ + struktur;
    let costs = admin + direct;
    let result = input.revenue - costs;
    let closing = input.opening + result;
    let guideline = kr(percent_of(input.revenue, input.guideline_percent));
    let warning = if closing < Decimal::ZERO {
        Some(EquityWarning::Negative)
    } else if closing > guideline {
        Some(EquityWarning::AboveGuideline)
    } else {
        None
    };

    // Teams without their own level follow the uniform level: T is their
    // full cost, O the rest of I.
    let (uniform_full, uniform_cost) = input
        .teams
        .iter()
        .filter(|t| !t.own)
        .fold((Decimal::ZERO, Decimal::ZERO), |(f, c), t| {
            (f + lines[t.line].full, c + lines[t.line].cost)
        });
    let (uniform_full, uniform_cost) = if input.teams.is_empty() {
        // The reference year: every team as if at the uniform level.
        data.lines
            .iter()
            .zip(&lines)
            .filter(|(l, _)| l.team)
            .fold((Decimal::ZERO, Decimal::ZERO), |(f, c), (_, o)| {
                (f + o.full, c + o.cost)
            })
    } else {
        (uniform_full, uniform_cost)
    };
    let balancing = balancing_level(BalancingInput {
        revenue: input.revenue,
        admin,
        other_individ: individ - uniform_cost,
        struktur_full,
        uniform_full,
        individ_share: input.individ_share,
    });

    YearOutcome {
        year: input.year,
        topup_total: lines.iter().map(|l| l.topup).sum(),
        lines,
        revenue: input.revenue,
        admin,
        individ,
        struktur,
        direct,
        costs,
        result,
        opening: input.opening,
        closing,
        guideline,
        share_individ: share_percent(individ, direct),
        share_struktur: share_percent(struktur, direct),
        share_admin: share_percent(admin, costs),
        share_direct: share_percent(direct, costs),
        balancing,
        warning,
    }
}

/// Sets the structural lines' costs to sum to `target`.
fn scale_structural_lines(data: &Dataset, lines: &mut [LineOutcome], target: Decimal) {
    let structural: Vec<usize> = data
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.category == Category::Struktur)
        .map(|(i, _)| i)
        .collect();
    let weights: Vec<Decimal> = structural
        .iter()
        .map(|&i| lines[i].full.max(Decimal::ZERO))
        .collect();
    // A negative total (only with negative individ costs) cannot be spread
    // by weight; like a total without weights it goes to one line.
    let parts = if target < Decimal::ZERO {
        None
    } else {
        largest_remainder(target, &weights)
    };
    let unallocated = data.unallocated_index();
    for (k, &i) in structural.iter().enumerate() {
        lines[i].cost = match &parts {
            Some(parts) => parts[k],
            None if Some(i) == unallocated => target,
            None => Decimal::ZERO,
        };
    }
}

struct BalancingInput {
    revenue: Decimal,
    admin: Decimal,
    other_individ: Decimal,
    struktur_full: Decimal,
    uniform_full: Decimal,
    individ_share: Option<Decimal>,
}

/// The uniform team level, %, that makes the result 0, ignoring rounding:
/// `(R − A − O − S_full) / T`, or with a steered share `s`,
/// `(s·(R − A)/100 − O) / T`.
fn balancing_level(b: BalancingInput) -> Balancing {
    if b.uniform_full <= Decimal::ZERO {
        return Balancing::NotReachable;
    }
    let numerator = match b.individ_share {
        None => b.revenue - b.admin - b.other_individ - b.struktur_full,
        Some(s) => s * (b.revenue - b.admin) / Decimal::ONE_HUNDRED - b.other_individ,
    };
    let level = numerator * Decimal::ONE_HUNDRED / b.uniform_full;
    if level < Decimal::ZERO || level > Decimal::ONE_HUNDRED {
        Balancing::NotReachable
    } else {
        Balancing::Reachable(level)
    }
}
