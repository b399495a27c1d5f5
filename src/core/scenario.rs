//! The scenario: every choice a board workshop can make (spec sections 2, 5,
//! 6 and 9), held as the choices themselves, not as filled-in years.
//!
//! A per-year input is stored only for the years the scenario sets. The
//! value of a year it does not set is the default inside the data set's own
//! plan period (teams fully funded, no team's own level, shares as budgeted,
//! revenue flat) and, after it, the value of the year before: so "80 % from
//! 2026" stays 80 % when the period is extended, and a link written before
//! the plan period could be extended means what it meant. [`Scenario::set`]
//! keeps the choices canonical: a value equal to what the year would have
//! anyway is not stored, so two scenarios that would give the same years and
//! carry the same way compare equal. Resolving the choices into one set of
//! inputs per plan year is `core::plan`.

use crate::core::dataset::Dataset;
use crate::core::horizon::Year;
use crate::core::rules::{NumberKind, NumberRule};
use crate::core::small_map::SmallMap;
use crate::core::validate::KRONOR_LIMIT;
use rust_decimal::Decimal;

/// Which first-plan-year column the first plan year uses.
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

/// Who finds a team's top-up (spec section 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TopupRule {
    /// The municipalities the team serves, by the municipal key.
    #[default]
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

/// Every numeric input of a scenario, for ranges, messages and link keys.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    OpeningEquity,
    Revenue(Year),
    /// The cost growth of every indexed year.
    Growth,
    /// One year's own cost growth.
    GrowthIn(Year),
    Funding(Year),
    TeamFunding(Year, String),
    IndividShare(Year),
    EquityGuideline,
    /// A team's funded FTE, overriding the data set's figure.
    TeamFte(String),
}

/// The most FTE a team can be given (a sanity bound far above any team).
pub const FTE_LIMIT: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);

impl Field {
    /// The range and precision the field takes.
    pub fn rule(&self) -> NumberRule {
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
            Field::Growth | Field::GrowthIn(_) => NumberRule::percent(-5, 10),
            Field::Funding(_) | Field::TeamFunding(..) => NumberRule::percent(0, 100),
            Field::IndividShare(_) => NumberRule::percent(1, 100),
            Field::EquityGuideline => NumberRule::percent(0, 100),
            Field::TeamFte(_) => NumberRule {
                kind: NumberKind::Fte,
                min: Decimal::ZERO,
                max: FTE_LIMIT,
            },
        }
    }

    /// The plan year the field belongs to, if it is year-bound.
    pub fn year(&self) -> Option<Year> {
        match self {
            Field::Revenue(y)
            | Field::GrowthIn(y)
            | Field::Funding(y)
            | Field::TeamFunding(y, _)
            | Field::IndividShare(y) => Some(*y),
            _ => None,
        }
    }
}

/// Why a scenario refuses a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetError {
    /// Out of the field's range or precision.
    Rule,
    /// A year outside the plan period.
    Year,
    /// Revenue for a year the data set gives.
    FixedByData,
    /// A team the data set does not have.
    UnknownTeam,
    /// `None` for a field that cannot be cleared.
    NotOptional,
    /// An individ share for a data set without structural lines to scale.
    NoStructural,
}

/// Whether the data set has structural lines (without them the individ
/// share cannot be steered: there is nothing to scale).
pub fn has_structural_lines(data: &Dataset) -> bool {
    data.lines
        .iter()
        .any(|l| l.category == crate::core::dataset::Category::Struktur)
}

/// A complete scenario: the choices it makes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Scenario {
    /// The first plan year's column; `None`: the data set's default
    /// (its prognosis when it has one).
    pub basis: Option<Basis>,
    /// The last plan year; `None`: the data set's plan end.
    pub till: Option<Year>,
    /// Equity at the start of the first plan year; `None`: the data set's.
    pub opening_equity: Option<Decimal>,
    /// Contributions of the years the scenario sets.
    pub revenue: SmallMap<Year, Decimal>,
    /// Cost growth of every indexed year, %.
    pub growth: Decimal,
    /// A year's own cost growth, replacing `growth` for that year alone.
    pub growth_in: SmallMap<Year, Decimal>,
    /// The uniform team funding level of the years the scenario sets, %.
    pub funding: SmallMap<Year, Decimal>,
    /// A team's own level in a year: `Some(level)`, or `None` to follow the
    /// year's level again after a year that had one.
    pub team_funding: SmallMap<(Year, String), Option<Decimal>>,
    /// The individ share of direct costs: `Some(share)`, or `None` for
    /// "as budgeted" after a year that had one.
    pub individ_share: SmallMap<Year, Option<Decimal>>,
    /// The equity guideline, %; `None`: the data set's.
    pub equity_guideline: Option<Decimal>,
    pub topup_rule: TopupRule,
    /// A team's funded FTE where it differs from the data set.
    pub team_fte: SmallMap<String, Decimal>,
    /// A team's participants (low, high) where they differ from the data set.
    pub team_participants: SmallMap<String, (u32, u32)>,
}

impl Scenario {
    /// The first plan year's column the scenario uses.
    pub fn basis(&self, data: &Dataset) -> Basis {
        match (self.basis, data.prognosis_column()) {
            (Some(basis), _) => basis,
            (None, Some(_)) => Basis::Prognos,
            (None, None) => Basis::Budget,
        }
    }
    /// Whether the first plan year is counted from the data set's prognosis
    /// (chosen or by default, and the data set has one).
    pub fn first_year_on_prognosis(&self, data: &Dataset) -> bool {
        self.basis(data) == Basis::Prognos && data.prognosis_column().is_some()
    }

    /// The last plan year, within what the data set allows.
    pub fn last_year(&self, data: &Dataset) -> Year {
        self.till
            .unwrap_or(data.plan_end)
            .clamp(data.plan_end.min(data.latest_end()), data.latest_end())
    }

    /// Whether `year` is a plan year of this scenario.
    pub fn is_plan_year(&self, data: &Dataset, year: Year) -> bool {
        (data.first_plan_year..=self.last_year(data)).contains(&year)
    }

    /// The uniform funding level of `year`, %.
    pub fn funding(&self, data: &Dataset, year: Year) -> Decimal {
        match self.funding.get(&year) {
            Some(level) => *level,
            None if year <= data.plan_end => Decimal::ONE_HUNDRED,
            None => self.funding(data, year - 1),
        }
    }

    /// A team's own level in `year`, if it has one.
    pub fn team_override(&self, data: &Dataset, year: Year, team: &str) -> Option<Decimal> {
        match self
            .team_funding
            .get_by(|(y, t)| (*y, t.as_str()).cmp(&(year, team)))
        {
            Some(level) => *level,
            None if year <= data.plan_end => None,
            None => self.team_override(data, year - 1, team),
        }
    }

    /// The level that applies to `team` in `year`.
    pub fn team_level(&self, data: &Dataset, year: Year, team: &str) -> Decimal {
        self.team_override(data, year, team)
            .unwrap_or_else(|| self.funding(data, year))
    }

    /// The steered individ share of `year`; `None`: as budgeted.
    pub fn individ_share(&self, data: &Dataset, year: Year) -> Option<Decimal> {
        match self.individ_share.get(&year) {
            Some(share) => *share,
            None if year <= data.plan_end => None,
            None => self.individ_share(data, year - 1),
        }
    }

    /// The contributions of `year`: the data set's where it gives them, else
    /// the scenario's, else flat (inside the data set's period) or the year
    /// before's (after it).
    pub fn revenue(&self, data: &Dataset, year: Year) -> Decimal {
        if let Some(fixed) = fixed_revenue(data, self.basis(data), year) {
            return fixed;
        }
        if let Some(set) = self.revenue.get(&year) {
            return *set;
        }
        if year <= data.plan_end {
            // Flat: the latest revenue the data set gives before this year.
            (data.first_plan_year..year)
                .rev()
                .find_map(|y| fixed_revenue(data, Basis::Budget, y))
                .unwrap_or_default()
        } else {
            self.revenue(data, year - 1)
        }
    }

    /// The cost growth of an indexed `year`, %.
    pub fn growth(&self, year: Year) -> Decimal {
        self.growth_in.get(&year).copied().unwrap_or(self.growth)
    }

    /// Equity at the start of the first plan year.
    pub fn opening_equity(&self, data: &Dataset) -> Decimal {
        self.opening_equity
            .unwrap_or_else(|| data.first_opening_equity())
    }

    pub fn equity_guideline(&self, data: &Dataset) -> Decimal {
        self.equity_guideline.unwrap_or(data.equity_guideline.value)
    }

    /// A team's funded FTE: the scenario's figure, else the data set's.
    pub fn fte(&self, data: &Dataset, team: &str) -> Option<Decimal> {
        self.team_fte
            .get(team)
            .copied()
            .or_else(|| data.team_info(team).and_then(|t| t.fte))
    }

    /// A team's participants (low, high): the scenario's, else the data set's.
    pub fn participants(&self, data: &Dataset, team: &str) -> Option<(u32, u32)> {
        self.team_participants
            .get(team)
            .copied()
            .or_else(|| data.team_info(team).and_then(|t| t.participants))
    }

    /// The value a field has; `None` for an unset team level or share.
    pub fn get(&self, data: &Dataset, field: &Field) -> Option<Decimal> {
        match field {
            Field::OpeningEquity => Some(self.opening_equity(data)),
            Field::Revenue(y) => Some(self.revenue(data, *y)),
            Field::Growth => Some(self.growth),
            Field::GrowthIn(y) => Some(self.growth(*y)),
            Field::Funding(y) => Some(self.funding(data, *y)),
            Field::TeamFunding(y, team) => self.team_override(data, *y, team),
            Field::IndividShare(y) => self.individ_share(data, *y),
            Field::EquityGuideline => Some(self.equity_guideline(data)),
            Field::TeamFte(team) => self.fte(data, team),
        }
    }

    /// Whether the scenario itself sets `field` (rather than carrying or
    /// defaulting it).
    pub fn sets(&self, field: &Field) -> bool {
        match field {
            Field::OpeningEquity => self.opening_equity.is_some(),
            Field::Revenue(y) => self.revenue.contains_key(y),
            Field::Growth => !self.growth.is_zero(),
            Field::GrowthIn(y) => self.growth_in.contains_key(y),
            Field::Funding(y) => self.funding.contains_key(y),
            Field::TeamFunding(y, team) => self.team_funding.contains_key(&(*y, team.clone())),
            Field::IndividShare(y) => self.individ_share.contains_key(y),
            Field::EquityGuideline => self.equity_guideline.is_some(),
            Field::TeamFte(team) => self.team_fte.contains_key(team),
        }
    }

    /// Sets a field to a value (checked here against the field's rule and
    /// the plan period), or clears an optional one with `None`. A value equal
    /// to what the field would have without it is not stored. Returns
    /// whether the scenario changed.
    pub fn set(
        &mut self,
        data: &Dataset,
        field: &Field,
        value: Option<Decimal>,
    ) -> Result<bool, SetError> {
        let value = match value {
            Some(v) => Some(field.rule().check(v).map_err(|_| SetError::Rule)?),
            None => None,
        };
        if let Some(year) = field.year() {
            if !self.is_plan_year(data, year) {
                return Err(SetError::Year);
            }
        }
        if let Field::TeamFunding(_, team) | Field::TeamFte(team) = field {
            if !data.is_team(team) {
                return Err(SetError::UnknownTeam);
            }
        }
        if matches!(field, Field::IndividShare(_)) && !has_structural_lines(data) {
            return Err(SetError::NoStructural);
        }
        let before = self.clone();
        self.store(data, field, value)?;
        self.canonicalize(data);
        Ok(*self != before)
    }

    /// Drops every choice the scenario would make anyway: a year's value
    /// equal to its default (inside the data set's own period) or to the
    /// year before's (after it), a data set figure set to itself. Years are
    /// visited in order, so what is kept is exactly what differs; two
    /// scenarios that give every year the same inputs are then equal
    /// whatever order their choices were made in.
    pub fn canonicalize(&mut self, data: &Dataset) {
        if self.till == Some(data.plan_end) {
            self.till = None;
        }
        if self.opening_equity == Some(data.first_opening_equity()) {
            self.opening_equity = None;
        }
        if self.equity_guideline == Some(data.equity_guideline.value) {
            self.equity_guideline = None;
        }
        for year in self.funding.keys().copied().collect::<Vec<_>>() {
            let value = self.funding.remove(&year).expect("a key of the map");
            if self.funding(data, year) != value {
                self.funding.insert(year, value);
            }
        }
        for key in self.team_funding.keys().cloned().collect::<Vec<_>>() {
            let value = self.team_funding.remove(&key).expect("a key of the map");
            if self.team_override(data, key.0, &key.1) != value {
                self.team_funding.insert(key, value);
            }
        }
        for year in self.individ_share.keys().copied().collect::<Vec<_>>() {
            let value = self.individ_share.remove(&year).expect("a key of the map");
            if self.individ_share(data, year) != value {
                self.individ_share.insert(year, value);
            }
        }
        for year in self.revenue.keys().copied().collect::<Vec<_>>() {
            let value = self.revenue.remove(&year).expect("a key of the map");
            if self.revenue(data, year) != value {
                self.revenue.insert(year, value);
            }
        }
        let growth = self.growth;
        self.growth_in.retain(|_, g| *g != growth);
        self.team_fte
            .retain(|team, fte| data.team_info(team).and_then(|t| t.fte) != Some(*fte));
        self.team_participants
            .retain(|team, p| data.team_info(team).and_then(|t| t.participants) != Some(*p));
    }

    fn store(
        &mut self,
        data: &Dataset,
        field: &Field,
        value: Option<Decimal>,
    ) -> Result<(), SetError> {
        let required = || value.ok_or(SetError::NotOptional);
        match field {
            Field::OpeningEquity => self.opening_equity = Some(required()?),
            Field::Revenue(y) => {
                if fixed_revenue(data, self.basis(data), *y).is_some() {
                    return Err(SetError::FixedByData);
                }
                self.revenue.insert(*y, required()?);
            }
            Field::Growth => self.growth = required()?,
            Field::GrowthIn(y) => {
                self.growth_in.insert(*y, required()?);
            }
            Field::Funding(y) => {
                self.funding.insert(*y, required()?);
            }
            Field::TeamFunding(y, team) => {
                self.team_funding.insert((*y, team.clone()), value);
            }
            Field::IndividShare(y) => {
                self.individ_share.insert(*y, value);
            }
            Field::EquityGuideline => self.equity_guideline = Some(required()?),
            Field::TeamFte(team) => match value {
                Some(v) => {
                    self.team_fte.insert(team.clone(), v);
                }
                None => {
                    self.team_fte.remove(team);
                }
            },
        }
        Ok(())
    }

    /// The years after `year` for which the scenario sets something (what
    /// shortening the plan period to `year` drops), in order.
    pub fn years_set_after(&self, year: Year) -> Vec<Year> {
        let mut years: Vec<Year> = (self.revenue.keys().copied())
            .chain(self.growth_in.keys().copied())
            .chain(self.funding.keys().copied())
            .chain(self.team_funding.keys().map(|(y, _)| *y))
            .chain(self.individ_share.keys().copied())
            .filter(|&y| y > year)
            .collect();
        years.sort_unstable();
        years.dedup();
        years
    }

    /// Changes the last plan year (`None`: the data set's plan end), dropping
    /// what the scenario set for years after it.
    pub fn set_till(&mut self, data: &Dataset, till: Option<Year>) -> bool {
        let till = till.filter(|&t| t != data.plan_end);
        let before = self.clone();
        self.till = till;
        let last = self.last_year(data);
        self.revenue.retain(|y, _| *y <= last);
        self.growth_in.retain(|y, _| *y <= last);
        self.funding.retain(|y, _| *y <= last);
        self.team_funding.retain(|(y, _), _| *y <= last);
        self.individ_share.retain(|y, _| *y <= last);
        self.canonicalize(data);
        *self != before
    }

    /// Chooses the first plan year's column; the prognosis only when the
    /// data set has one.
    pub fn set_basis(&mut self, data: &Dataset, basis: Basis) -> bool {
        if basis == Basis::Prognos && data.prognosis_column().is_none() {
            return false;
        }
        let before = self.clone();
        let default = Scenario::default().basis(data);
        self.basis = (basis != default).then_some(basis);
        // The first year's revenue follows the column: a set revenue may now be its own.
        self.canonicalize(data);
        *self != before
    }
}

/// The revenue the data set gives for `year`, if it does: the first plan
/// year's from the basis column (the budget's when the prognosis gives none).
pub fn fixed_revenue(data: &Dataset, basis: Basis, year: Year) -> Option<Decimal> {
    if year == data.first_plan_year && basis == Basis::Prognos {
        if let Some(c) = data.prognosis_column() {
            if let Some(amount) = data.revenue[c] {
                return Some(amount);
            }
        }
    }
    data.revenue_in(year)
}
