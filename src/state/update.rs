//! The update half of the Elm architecture for one scenario: what each
//! person's action does to it, as a pure function.
//!
//! `update` returns `None` when an action changes nothing (a slider event that
//! repeats the current value, an apply with no reachable level), so the page's
//! reducer can hand back the same `Rc` and Yew skips the re-render.

use crate::core::horizon::Year;
use crate::core::money::{kr, percent_of, percent_one_decimal, share_percent};
use crate::core::rules::NumberRule;
use crate::core::scenario::{Basis, Field, Scenario, TopupRule};
use crate::core::{Dataset, Projection};
use rust_decimal::Decimal;

/// Everything a person can do to the scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Set a field to a value already parsed at the edge, or clear an
    /// optional one (a team's own level, an individ share) with `None`.
    Set(Field, Option<Decimal>),
    SetBasis(Basis),
    /// Set a year's contributions as a % change from the year before.
    SetRevenueChange(Year, Decimal),
    /// Start steering the individ share of a year from its current share, so
    /// the figures do not jump when the control is switched on.
    EnableIndividShare(Year),
    /// Set the year's uniform funding level to its balancing level, as shown
    /// (one decimal).
    ApplyBalancing(Year),
    SetTopupRule(TopupRule),
    /// Set a team's participants (low, high), or go back to the data set's.
    SetParticipants(String, Option<(u32, u32)>),
    /// Change the last plan year (`None`: the data set's plan end).
    SetTill(Option<Year>),
    Reset,
    /// Replace the whole scenario (a link opened or edited by hand).
    Replace(Box<Scenario>),
}

/// The range a % change of contributions takes in its field.
pub const REVENUE_CHANGE_RULE: NumberRule = NumberRule::percent(-100, 100);

/// A year's contributions as % change from the year before (exact), `None`
/// for the first plan year or when the year before had none.
pub fn revenue_change(data: &Dataset, scenario: &Scenario, year: Year) -> Option<Decimal> {
    if year <= data.first_plan_year {
        return None;
    }
    let previous = scenario.revenue(data, year - 1);
    share_percent(scenario.revenue(data, year) - previous, previous)
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
        Action::Set(field, value) => next.set(data, &field, value).unwrap_or(false),
        Action::SetBasis(basis) => next.set_basis(data, basis),
        Action::SetRevenueChange(year, change) => {
            if year <= data.first_plan_year {
                return None;
            }
            let previous = scenario.revenue(data, year - 1);
            let amount = kr(previous + percent_of(previous, change));
            next.set(data, &Field::Revenue(year), Some(amount))
                .unwrap_or(false)
        }
        Action::EnableIndividShare(year) => {
            let current = projection
                .year(year)?
                .share_individ
                .map(percent_one_decimal)
                .unwrap_or(Decimal::ONE_HUNDRED)
                .clamp(Decimal::ONE, Decimal::ONE_HUNDRED);
            next.set(data, &Field::IndividShare(year), Some(current))
                .unwrap_or(false)
        }
        Action::ApplyBalancing(year) => match projection.year(year)?.balancing.shown_level() {
            Some(level) => next
                .set(data, &Field::Funding(year), Some(level))
                .unwrap_or(false),
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
        Action::SetTill(till) => next.set_till(data, till),
        Action::Reset => {
            next = Scenario::default();
            true
        }
        Action::Replace(scenario) => {
            next = *scenario;
            true
        }
    };
    (changed && next != *scenario).then_some(next)
}
