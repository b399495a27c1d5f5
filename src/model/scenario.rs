//! The scenario: every choice a board workshop can make (docs/model.md §2).
//!
//! A `Scenario` holds only valid values: each field has a [`NumberRule`] (range
//! and precision) that every way in (number field, slider, URL fragment) is
//! checked against, so the engine never sees an input out of range.

use crate::model::data::Dataset;
use crate::model::input::{NumberKind, NumberRule};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The years the scenario plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlanYear {
    Y2025,
    Y2026,
    Y2027,
}

impl PlanYear {
    pub const ALL: [PlanYear; 3] = [PlanYear::Y2025, PlanYear::Y2026, PlanYear::Y2027];

    pub fn number(self) -> u16 {
        match self {
            PlanYear::Y2025 => 2025,
            PlanYear::Y2026 => 2026,
            PlanYear::Y2027 => 2027,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_number(year: u16) -> Option<Self> {
        Self::ALL.into_iter().find(|y| y.number() == year)
    }

    /// The year before, if it is a plan year.
    pub fn previous(self) -> Option<Self> {
        match self {
            PlanYear::Y2025 => None,
            PlanYear::Y2026 => Some(PlanYear::Y2025),
            PlanYear::Y2027 => Some(PlanYear::Y2026),
        }
    }
}

/// Which 2025 column the 2025 year uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Basis {
    Budget,
    Prognos,
}

impl Basis {
    pub fn key(self) -> &'static str {
        match self {
            Basis::Budget => "budget",
            Basis::Prognos => "prognos",
        }
    }
}

/// Who finds a team's top-up (docs/model.md §7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TopupRule {
    /// The municipalities the team serves, by the municipal key.
    Served,
    /// All members, like the contributions.
    Key,
}

impl TopupRule {
    pub fn key(self) -> &'static str {
        match self {
            TopupRule::Served => "served",
            TopupRule::Key => "key",
        }
    }
}

/// The most FTE a team can be given (a sanity bound far above any team).
pub const FTE_LIMIT: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);

/// The largest amount in kronor any field takes. Far beyond any förbund (SFV
/// turns over 19 Mkr), it keeps every product in the engine well inside
/// `Decimal`'s range, so no input in range can overflow.
pub const KRONOR_LIMIT: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0); // 1e12

/// Every input of the scenario, for ranges, messages and URL keys.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Field {
    OpeningEquity,
    Revenue(PlanYear),
    CostGrowth,
    Funding(PlanYear),
    TeamFunding(PlanYear, String),
    IndividShare(PlanYear),
    EquityGuideline,
    /// A team's funded FTE, overriding the data set's figure.
    TeamFte(String),
}

impl Field {
    /// The range and precision the field takes (docs/model.md §2).
    pub fn rule(&self) -> NumberRule {
        let percent = |min: i64, max: i64| NumberRule {
            kind: NumberKind::Percent,
            min: Decimal::from(min),
            max: Decimal::from(max),
        };
        match self {
            Field::OpeningEquity => NumberRule {
                kind: NumberKind::Kronor,
                min: -KRONOR_LIMIT,
                max: KRONOR_LIMIT,
            },
            Field::Revenue(_) => NumberRule {
                kind: NumberKind::Kronor,
                min: Decimal::ZERO,
                max: KRONOR_LIMIT,
            },
            Field::CostGrowth => percent(-5, 10),
            Field::Funding(_) | Field::TeamFunding(..) => percent(0, 100),
            Field::IndividShare(_) => percent(1, 100),
            Field::EquityGuideline => percent(0, 100),
            Field::TeamFte(_) => NumberRule {
                kind: NumberKind::Fte,
                min: Decimal::ZERO,
                max: FTE_LIMIT,
            },
        }
    }
}

/// A complete scenario. Years are indexed by [`PlanYear::index`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    pub basis: Basis,
    pub opening_equity: Decimal,
    /// Contributions 2026 and 2027 (2025's are fixed by the data set).
    pub revenue_2026: Decimal,
    pub revenue_2027: Decimal,
    /// Yearly cost growth for 2026 and 2027, %.
    pub cost_growth: Decimal,
    /// Uniform team funding level per year, %.
    pub funding: [Decimal; 3],
    /// A team's own level per year, overriding `funding`, by team id.
    pub funding_override: [BTreeMap<String, Decimal>; 3],
    /// Target individ share of direct costs per year, %; `None` = as budgeted.
    pub individ_share: [Option<Decimal>; 3],
    /// Equity guideline, % of the year's contributions.
    pub equity_guideline: Decimal,
    /// Who finds the teams' top-ups.
    pub topup_rule: TopupRule,
    /// A team's funded FTE, by team id, where it differs from the data set.
    pub team_fte: BTreeMap<String, Decimal>,
    /// A team's participants (low, high), by team id, where they differ.
    pub team_participants: BTreeMap<String, (u32, u32)>,
}

impl Scenario {
    /// The spec's defaults for a data set: 2025 on prognosis, opening equity as
    /// budgeted for 2024-12-31, flat contributions, no growth, teams fully
    /// funded, shares as budgeted, guideline from the data set.
    pub fn defaults(data: &Dataset) -> Self {
        Scenario {
            basis: Basis::Prognos,
            opening_equity: data.closing_equity_2024_budget.amount,
            revenue_2026: data.revenue_2025.amount,
            revenue_2027: data.revenue_2025.amount,
            cost_growth: Decimal::ZERO,
            funding: [Decimal::ONE_HUNDRED; 3],
            funding_override: Default::default(),
            individ_share: [None; 3],
            equity_guideline: data.equity_guideline_percent.value,
            topup_rule: TopupRule::Served,
            team_fte: BTreeMap::new(),
            team_participants: BTreeMap::new(),
        }
    }

    /// A team's funded FTE: the scenario's figure, else the data set's.
    pub fn fte(&self, data: &Dataset, team: &str) -> Option<Decimal> {
        self.team_fte
            .get(team)
            .copied()
            .or_else(|| data.team_info(team).and_then(|t| t.fte))
    }

    /// A team's participants (low, high): the scenario's, else the data set's.
    pub fn participants(&self, data: &Dataset, team: &str) -> Option<(Decimal, Decimal)> {
        if let Some(&(low, high)) = self.team_participants.get(team) {
            return Some((Decimal::from(low), Decimal::from(high)));
        }
        let info = data.team_info(team)?;
        Some((info.participants_low?, info.participants_high?))
    }

    /// The team funding level that applies to `team` in `year`.
    pub fn team_level(&self, year: PlanYear, team: &str) -> Decimal {
        self.funding_override[year.index()]
            .get(team)
            .copied()
            .unwrap_or(self.funding[year.index()])
    }

    /// Contributions in `year` (2025 from the data set).
    pub fn revenue(&self, data: &Dataset, year: PlanYear) -> Decimal {
        match year {
            PlanYear::Y2025 => data.revenue_2025.amount,
            PlanYear::Y2026 => self.revenue_2026,
            PlanYear::Y2027 => self.revenue_2027,
        }
    }

    /// The current value of a field; `None` for an unset override or share.
    pub fn get(&self, field: &Field) -> Option<Decimal> {
        match field {
            Field::OpeningEquity => Some(self.opening_equity),
            Field::Revenue(PlanYear::Y2025) => None,
            Field::Revenue(PlanYear::Y2026) => Some(self.revenue_2026),
            Field::Revenue(PlanYear::Y2027) => Some(self.revenue_2027),
            Field::CostGrowth => Some(self.cost_growth),
            Field::Funding(y) => Some(self.funding[y.index()]),
            Field::TeamFunding(y, team) => self.funding_override[y.index()].get(team).copied(),
            Field::IndividShare(y) => self.individ_share[y.index()],
            Field::EquityGuideline => Some(self.equity_guideline),
            Field::TeamFte(team) => self.team_fte.get(team).copied(),
        }
    }

    /// Sets a field to a value already checked against its rule, or clears an
    /// optional one with `None`. Returns whether anything changed.
    ///
    /// Values out of range, and `None` for a field that cannot be cleared, are
    /// refused (returning `false`) rather than stored, so an invalid scenario
    /// cannot be built through this door.
    pub fn set(&mut self, field: &Field, value: Option<Decimal>) -> bool {
        if let Some(v) = value {
            if field.rule().check(v, "").is_err() {
                return false;
            }
        }
        let value = value.map(|v| v.normalize());
        let before = self.get(field);
        match (field, value) {
            (Field::OpeningEquity, Some(v)) => self.opening_equity = v,
            (Field::Revenue(PlanYear::Y2026), Some(v)) => self.revenue_2026 = v,
            (Field::Revenue(PlanYear::Y2027), Some(v)) => self.revenue_2027 = v,
            (Field::CostGrowth, Some(v)) => self.cost_growth = v,
            (Field::Funding(y), Some(v)) => self.funding[y.index()] = v,
            (Field::TeamFunding(y, team), v) => match v {
                Some(v) => {
                    self.funding_override[y.index()].insert(team.clone(), v);
                }
                None => {
                    self.funding_override[y.index()].remove(team);
                }
            },
            (Field::IndividShare(y), v) => self.individ_share[y.index()] = v,
            (Field::EquityGuideline, Some(v)) => self.equity_guideline = v,
            (Field::TeamFte(team), v) => match v {
                Some(v) => {
                    self.team_fte.insert(team.clone(), v);
                }
                None => {
                    self.team_fte.remove(team);
                }
            },
            _ => return false,
        }
        self.get(field) != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn kronor_limit_is_one_trillion() {
        assert_eq!(KRONOR_LIMIT, dec!(1000000000000));
    }

    #[test]
    fn defaults_follow_the_spec() {
        let data = Dataset::sfv_default().unwrap();
        let s = Scenario::defaults(&data);
        assert_eq!(s.basis, Basis::Prognos);
        assert_eq!(s.opening_equity, dec!(1918000));
        assert_eq!(s.revenue_2026, dec!(18958000));
        assert_eq!(s.revenue_2027, dec!(18958000));
        assert_eq!(s.funding, [dec!(100); 3]);
        assert_eq!(s.equity_guideline, dec!(20));
    }

    #[test]
    fn set_refuses_out_of_range_and_reports_change() {
        let data = Dataset::sfv_default().unwrap();
        let mut s = Scenario::defaults(&data);
        assert!(!s.set(&Field::Funding(PlanYear::Y2026), Some(dec!(100.5))));
        assert!(!s.set(&Field::CostGrowth, Some(dec!(-6))));
        assert!(!s.set(&Field::Funding(PlanYear::Y2026), Some(dec!(100))));
        assert!(s.set(&Field::Funding(PlanYear::Y2026), Some(dec!(80))));
        let fns = Field::TeamFunding(PlanYear::Y2026, "team_fns".into());
        assert!(s.set(&fns, Some(dec!(90))));
        assert_eq!(s.team_level(PlanYear::Y2026, "team_fns"), dec!(90));
        assert_eq!(s.team_level(PlanYear::Y2026, "team_sala"), dec!(80));
        assert!(s.set(&fns, None));
        assert!(!s.set(&Field::OpeningEquity, None));
    }
}
