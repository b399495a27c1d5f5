//! The update half of the Elm architecture: what each user action does to the
//! scenario, as a pure function.
//!
//! `update` returns `None` when an action changes nothing (a slider event that
//! repeats the current value, an apply with no reachable level), so the view's
//! reducer can hand back the same `Rc` and Yew skips the re-render.

use crate::model::data::Dataset;
use crate::model::engine::Projection;
use crate::model::input::{NumberKind, NumberRule};
use crate::model::money::{kr, percent_of, percent_one_decimal, share_percent};
use crate::model::scenario::{Basis, Field, PlanYear, Scenario, TopupRule};
use rust_decimal::Decimal;

/// Everything a person can do to the scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Set a field to a value already parsed and checked at the edge, or clear
    /// an optional one (a team override, an individ share) with `None`.
    Set(Field, Option<Decimal>),
    SetBasis(Basis),
    /// Set a year's contributions as a % change from the year before.
    SetRevenueChange(PlanYear, Decimal),
    /// Start steering the individ share of a year from its current share, so
    /// the figures do not jump when the control is switched on.
    EnableIndividShare(PlanYear),
    /// Set the year's uniform funding level to its balancing level, as shown
    /// (one decimal).
    ApplyBalancing(PlanYear),
    SetTopupRule(TopupRule),
    /// Set a team's participants (low, high), or go back to the data set's.
    SetParticipants(String, Option<(u32, u32)>),
    Reset,
    /// Replace the whole scenario (a link opened or edited by hand).
    Replace(Box<Scenario>),
}

/// The range a % change of contributions takes in its field.
pub const REVENUE_CHANGE_RULE: NumberRule = NumberRule {
    kind: NumberKind::Percent,
    min: Decimal::from_parts(100, 0, 0, true, 0),
    max: Decimal::ONE_HUNDRED,
};

/// A year's contributions as % change from the year before (exact), `None`
/// for 2025 or when the year before had none.
pub fn revenue_change(data: &Dataset, scenario: &Scenario, year: PlanYear) -> Option<Decimal> {
    let previous = scenario.revenue(data, year.previous()?);
    let change = scenario.revenue(data, year) - previous;
    share_percent(change, previous)
}

/// Applies an action; `None` when nothing changes.
pub fn update(
    data: &Dataset,
    scenario: &Scenario,
    projection: &Projection,
    action: Action,
) -> Option<Scenario> {
    let mut next = scenario.clone();
    let changed = match action {
        Action::Set(field, value) => next.set(&field, value),
        Action::SetBasis(basis) => {
            next.basis = basis;
            true
        }
        Action::SetRevenueChange(year, change) => {
            let previous = scenario.revenue(data, year.previous()?);
            let amount = kr(previous + percent_of(previous, change));
            next.set(&Field::Revenue(year), Some(amount))
        }
        Action::EnableIndividShare(year) => {
            let current = projection
                .year(year)
                .share_individ
                .map(percent_one_decimal)
                .unwrap_or(Decimal::ONE_HUNDRED)
                .clamp(Decimal::ONE, Decimal::ONE_HUNDRED);
            next.set(&Field::IndividShare(year), Some(current))
        }
        Action::ApplyBalancing(year) => match projection.year(year).balancing.shown_level() {
            Some(level) => next.set(&Field::Funding(year), Some(level)),
            None => false,
        },
        Action::SetTopupRule(rule) => {
            next.topup_rule = rule;
            true
        }
        Action::SetParticipants(team, range) => {
            match range {
                Some(range) if data.is_team(&team) => {
                    next.team_participants.insert(team, range);
                }
                None => {
                    next.team_participants.remove(&team);
                }
                Some(_) => return None,
            }
            true
        }
        Action::Reset => {
            next = Scenario::defaults(data);
            true
        }
        Action::Replace(scenario) => {
            next = *scenario;
            true
        }
    };
    (changed && next != *scenario).then_some(next)
}
