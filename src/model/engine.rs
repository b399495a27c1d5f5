//! The budget engine: one scenario in, the years 2024 (reference) to 2027 out,
//! following the budget model (`docs/model.md`, section 3) to the krona.
//!
//! Rounding to kronor happens exactly where the spec writes `kr(…)`: indexed
//! full costs, team förbund costs, the structural total `S`, and the equity
//! guideline. Everything else is exact sums and differences of whole kronor, so
//! lines sum to subtotals and subtotals to totals without a stray krona.
//!
//! Choices the spec leaves open, as a treasurer would expect them:
//! - The 2024 reference column is the budget 2024 as decided: teams at 100 %,
//!   structural lines as budgeted, opening equity = the three transfers; its
//!   guideline uses the scenario's guideline percentage like the other years.
//! - A share of a zero denominator is undefined (`None`), shown as a dash.

use crate::model::data::{BudgetLine, Category, Dataset, UNALLOCATED_LINE_ID};
use crate::model::distribute::largest_remainder;
use crate::model::money::{kr, percent_of, share_percent};
use crate::model::scenario::{Basis, PlanYear, Scenario};
use rust_decimal::Decimal;

/// One line's figures in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineOutcome {
    /// Full cost: what the line costs at full staffing (docs/model.md §3.1).
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

/// The balancing team funding level of a year (docs/model.md §3.10).
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
            Balancing::Reachable(level) => Some(crate::model::money::percent_one_decimal(level)),
            Balancing::NotReachable => None,
        }
    }
}

/// A closing-equity warning (docs/model.md §3.9).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EquityWarning {
    /// Closing equity below 0: "negativt eget kapital" (error level).
    Negative,
    /// Closing equity above the guideline: "över riktvärdet" (notice).
    AboveGuideline,
}

/// All figures of one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearOutcome {
    pub year: u16,
    /// Same order as [`Dataset::lines`].
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

/// The whole projection: the budget 2024 for reference and the plan years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Projection {
    pub reference_2024: YearOutcome,
    /// Indexed by [`PlanYear::index`].
    pub years: [YearOutcome; 3],
}

impl Projection {
    pub fn year(&self, year: PlanYear) -> &YearOutcome {
        &self.years[year.index()]
    }

    /// 2024, 2025, 2026, 2027 in order.
    pub fn all_years(&self) -> impl Iterator<Item = &YearOutcome> {
        std::iter::once(&self.reference_2024).chain(self.years.iter())
    }
}

/// What the computation of one year needs, whatever year it is.
struct YearInput<'a> {
    year: u16,
    full: Vec<Decimal>,
    level: &'a dyn Fn(&BudgetLine) -> (Decimal, bool),
    individ_share: Option<Decimal>,
    revenue: Decimal,
    opening: Decimal,
    guideline_percent: Decimal,
}

/// Computes the full projection for a scenario.
pub fn project(data: &Dataset, scenario: &Scenario) -> Projection {
    let full_2024: Vec<Decimal> = data.lines.iter().map(|l| l.budget_2024).collect();
    let reference_2024 = compute_year(
        data,
        YearInput {
            year: 2024,
            full: full_2024,
            level: &|_| (Decimal::ONE_HUNDRED, false),
            individ_share: None,
            revenue: data.revenue_2024.amount,
            opening: data.opening_equity_2024_total(),
            guideline_percent: scenario.equity_guideline,
        },
    );

    let growth_factor = Decimal::ONE + scenario.cost_growth / Decimal::ONE_HUNDRED;
    let full_2025: Vec<Decimal> = data
        .lines
        .iter()
        .map(|l| match scenario.basis {
            Basis::Budget => l.budget_2025,
            Basis::Prognos => l.prognos_2025,
        })
        .collect();
    // 2026 is indexed from the budget 2025 (full staffing) whatever 2025's basis.
    let full_2026: Vec<Decimal> = data
        .lines
        .iter()
        .map(|l| kr(l.budget_2025 * growth_factor))
        .collect();
    let full_2027: Vec<Decimal> = full_2026.iter().map(|&f| kr(f * growth_factor)).collect();

    let mut opening = scenario.opening_equity;
    let years = [
        (PlanYear::Y2025, full_2025),
        (PlanYear::Y2026, full_2026),
        (PlanYear::Y2027, full_2027),
    ]
    .map(|(year, full)| {
        let level = |line: &BudgetLine| {
            let overridden = scenario.funding_override[year.index()].contains_key(&line.id);
            (scenario.team_level(year, &line.id), overridden)
        };
        let outcome = compute_year(
            data,
            YearInput {
                year: year.number(),
                full,
                level: &level,
                individ_share: scenario.individ_share[year.index()],
                revenue: scenario.revenue(data, year),
                opening,
                guideline_percent: scenario.equity_guideline,
            },
        );
        opening = outcome.closing;
        outcome
    });
    Projection {
        reference_2024,
        years,
    }
}

fn compute_year(data: &Dataset, input: YearInput<'_>) -> YearOutcome {
    let mut lines: Vec<LineOutcome> = data
        .lines
        .iter()
        .zip(&input.full)
        .map(|(line, &full)| {
            if line.team {
                let (level, _) = (input.level)(line);
                let cost = kr(percent_of(full, level));
                LineOutcome {
                    full,
                    cost,
                    topup: full - cost,
                    team_level: Some(level),
                }
            } else {
                LineOutcome {
                    full,
                    cost: full,
                    topup: Decimal::ZERO,
                    team_level: None,
                }
            }
        })
        .collect();

    let sum_where = |lines: &[LineOutcome], pick: &dyn Fn(&BudgetLine) -> bool| -> Decimal {
        data.lines
            .iter()
            .zip(lines)
            .filter(|(l, _)| pick(l))
            .map(|(_, o)| o.cost)
            .sum()
    };

    let individ = sum_where(&lines, &|l| l.category == Category::Individ);
    let admin = sum_where(&lines, &|l| l.category == Category::Admin);
    let struktur_full = sum_where(&lines, &|l| l.category == Category::Struktur);

    if let Some(share) = input.individ_share {
        let target = kr(individ * (Decimal::ONE_HUNDRED - share) / share);
        scale_structural_lines(data, &mut lines, target);
    }
    let struktur = sum_where(&lines, &|l| l.category == Category::Struktur);

    let direct = individ + struktur;
    let costs = admin + direct;
    let result = input.revenue - costs;
    let closing = input.opening + result;
    let guideline = kr(percent_of(input.revenue, input.guideline_percent));
    let warning = if closing.is_sign_negative() && !closing.is_zero() {
        Some(EquityWarning::Negative)
    } else if closing > guideline {
        Some(EquityWarning::AboveGuideline)
    } else {
        None
    };

    // Spec 3.10: teams without override follow the uniform level; T is their
    // full cost, O the rest of I.
    let (mut uniform_full, mut uniform_cost) = (Decimal::ZERO, Decimal::ZERO);
    for (line, outcome) in data.lines.iter().zip(&lines) {
        if line.team && !(input.level)(line).1 {
            uniform_full += outcome.full;
            uniform_cost += outcome.cost;
        }
    }
    let other_individ = individ - uniform_cost;
    let balancing = balancing_level(
        input.revenue,
        admin,
        other_individ,
        struktur_full,
        uniform_full,
        input.individ_share,
    );

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

/// Sets the structural lines' costs to sum to `target` (docs/model.md §3.5).
fn scale_structural_lines(data: &Dataset, lines: &mut [LineOutcome], target: Decimal) {
    let structural: Vec<usize> = data
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.category == Category::Struktur)
        .map(|(i, _)| i)
        .collect();
    let weights: Vec<Decimal> = structural.iter().map(|&i| lines[i].full).collect();
    match largest_remainder(target, &weights) {
        Some(parts) => {
            for (&i, part) in structural.iter().zip(parts) {
                lines[i].cost = part;
            }
        }
        None => {
            // Every structural full cost is 0: all of S goes to the unallocated line.
            for &i in &structural {
                lines[i].cost = if data.lines[i].id == UNALLOCATED_LINE_ID {
                    target
                } else {
                    Decimal::ZERO
                };
            }
        }
    }
}

/// The uniform team level, %, that makes the result 0, ignoring rounding
/// (docs/model.md §3.10).
fn balancing_level(
    revenue: Decimal,
    admin: Decimal,
    other_individ: Decimal,
    struktur_full: Decimal,
    uniform_full: Decimal,
    individ_share: Option<Decimal>,
) -> Balancing {
    if uniform_full.is_zero() {
        return Balancing::NotReachable;
    }
    let numerator = match individ_share {
        None => revenue - admin - other_individ - struktur_full,
        Some(s) => s * (revenue - admin) / Decimal::ONE_HUNDRED - other_individ,
    };
    let level = numerator * Decimal::ONE_HUNDRED / uniform_full;
    if level.is_sign_negative() && !level.is_zero() || level > Decimal::ONE_HUNDRED {
        Balancing::NotReachable
    } else {
        Balancing::Reachable(level)
    }
}
