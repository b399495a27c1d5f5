//! What each member pays (spec section 5): its part of the contributions and
//! its share of the teams' top-ups, per plan year, with the total and the
//! change from the first plan year.
//!
//! Members with a fixed part (the state 50 %, the region 25 %) get
//! `kr(amount × part / 100)`; the members with a key weight (the
//! municipalities) share what is left by the largest-remainder method, ties
//! to the member listed first, so the parts always add up to the amount
//! exactly. A team's top-up is split either among the municipalities it
//! serves, by the key (`served`), or among all members like the contributions
//! (`key`). A data set without members has no members' figures.

use crate::core::dataset::{Dataset, Members};
use crate::core::distribute::largest_remainder;
use crate::core::engine::Projection;
use crate::core::horizon::Year;
use crate::core::money::{kr, percent_of};
use crate::core::scenario::{Scenario, TopupRule};
use rust_decimal::Decimal;

/// Splits `amount` over the members like the contributions, in member order.
pub fn split_by_key(members: &Members, amount: Decimal) -> Vec<Decimal> {
    let mut parts: Vec<Decimal> = members
        .list
        .iter()
        .map(|m| {
            m.fixed_percent
                .map_or(Decimal::ZERO, |p| kr(percent_of(amount, p)))
        })
        .collect();
    let rest = amount - parts.iter().sum::<Decimal>();
    let weights: Vec<Decimal> = members
        .list
        .iter()
        .map(|m| m.key_weight.unwrap_or(Decimal::ZERO))
        .collect();
    // Validation guarantees a positive key weight, so the rest is always
    // placed. When fixed parts of (nearly) 100 % each round up, the rest is a
    // krona or two below zero: it is taken back from the key members the
    // same way, so the parts still sum to the amount exactly.
    if let Some(shares) = largest_remainder(rest.abs(), &weights) {
        let sign = if rest < Decimal::ZERO {
            Decimal::NEGATIVE_ONE
        } else {
            Decimal::ONE
        };
        for (part, share) in parts.iter_mut().zip(shares) {
            *part += sign * share;
        }
    }
    parts
}

/// Splits `amount` among the members in `served` by their key weights, in
/// member order (zero for the others). A team that serves no municipality
/// with a weight (none named, or only weights of 0) has its top-up shared
/// like the contributions, so no krona of it is lost.
pub fn split_among(members: &Members, served: &[String], amount: Decimal) -> Vec<Decimal> {
    let weights: Vec<Decimal> = members
        .list
        .iter()
        .map(|m| match m.key_weight {
            Some(w) if served.contains(&m.id) => w,
            _ => Decimal::ZERO,
        })
        .collect();
    largest_remainder(amount.max(Decimal::ZERO), &weights)
        .unwrap_or_else(|| split_by_key(members, amount))
}

/// Whether a team that serves `served` has its top-up shared like the
/// contributions under the `served` rule: it serves no municipality with a
/// weight in the key (see [`split_among`]).
pub fn shared_like_contributions(members: &Members, served: &[String]) -> bool {
    !members
        .list
        .iter()
        .any(|m| served.contains(&m.id) && m.key_weight.is_some_and(|w| w > Decimal::ZERO))
}

/// One member's figures in one plan year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MemberYear {
    pub year: Year,
    pub contribution: Decimal,
    /// Its share of the teams' top-ups.
    pub topup: Decimal,
    pub total: Decimal,
    /// `total − total` of the first plan year.
    pub change: Decimal,
}

/// One member's figures (or, for the totals row, everyone's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberFigures {
    pub id: String,
    pub name: String,
    /// Its contribution in the reference year, if the data set has one.
    pub reference: Option<(Year, Decimal)>,
    /// Per plan year, in order.
    pub years: Vec<MemberYear>,
}

/// A member's share of one team's top-up in each plan year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamShare {
    /// The team's line id.
    pub team: String,
    /// Whether the team serves the member.
    pub serves: bool,
    /// Per plan year: (this member's share, the team's whole top-up).
    pub years: Vec<(Decimal, Decimal)>,
}

/// The members' table: every member, and the totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembersTable {
    pub members: Vec<MemberFigures>,
    pub totals: MemberFigures,
    /// Per member (same order), its share of each team's top-up per year.
    pub team_shares: Vec<Vec<TeamShare>>,
}

impl MembersTable {
    pub fn member(&self, id: &str) -> Option<(usize, &MemberFigures)> {
        self.members.iter().enumerate().find(|(_, m)| m.id == id)
    }
}

/// A team's top-up split over the members by the scenario's rule.
fn split_topup(
    data: &Dataset,
    members: &Members,
    rule: TopupRule,
    team: &str,
    amount: Decimal,
) -> Vec<Decimal> {
    match rule {
        TopupRule::Key => split_by_key(members, amount),
        TopupRule::Served => {
            let served = data
                .team_info(team)
                .map_or(&[][..], |t| t.serves.as_slice());
            split_among(members, served, amount)
        }
    }
}

/// Computes the members' figures; `None` when the data set has no members.
pub fn members_table(
    data: &Dataset,
    scenario: &Scenario,
    projection: &Projection,
) -> Option<MembersTable> {
    let members = data.members.as_ref()?;
    let count = members.list.len();
    let reference = projection
        .reference
        .as_ref()
        .map(|r| (r.year, split_by_key(members, r.revenue)));
    let team_lines: Vec<(usize, &str)> = data
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.team)
        .map(|(i, l)| (i, l.id.as_str()))
        .collect();
    let mut shares: Vec<Vec<TeamShare>> = members
        .list
        .iter()
        .map(|m| {
            team_lines
                .iter()
                .map(|&(_, id)| TeamShare {
                    team: id.to_owned(),
                    serves: data.team_info(id).is_some_and(|t| t.serves.contains(&m.id)),
                    years: Vec::with_capacity(projection.years.len()),
                })
                .collect()
        })
        .collect();
    let mut years: Vec<Vec<MemberYear>> = vec![Vec::with_capacity(projection.years.len()); count];
    for outcome in &projection.years {
        let contributions = split_by_key(members, outcome.revenue);
        let mut topups = vec![Decimal::ZERO; count];
        for (t, &(line, id)) in team_lines.iter().enumerate() {
            let team_topup = outcome.lines[line].topup;
            let split = split_topup(data, members, scenario.topup_rule, id, team_topup);
            for (m, part) in split.into_iter().enumerate() {
                topups[m] += part;
                shares[m][t].years.push((part, team_topup));
            }
        }
        for m in 0..count {
            years[m].push(MemberYear {
                year: outcome.year,
                contribution: contributions[m],
                topup: topups[m],
                total: contributions[m] + topups[m],
                change: Decimal::ZERO,
            });
        }
    }
    for member_years in &mut years {
        let base = member_years.first().map_or(Decimal::ZERO, |y| y.total);
        for y in member_years.iter_mut() {
            y.change = y.total - base;
        }
    }
    let figures: Vec<MemberFigures> = members
        .list
        .iter()
        .zip(years)
        .enumerate()
        .map(|(i, (m, years))| MemberFigures {
            id: m.id.clone(),
            name: m.name.clone(),
            reference: reference.as_ref().map(|(year, parts)| (*year, parts[i])),
            years,
        })
        .collect();
    let totals = MemberFigures {
        id: "total".to_owned(),
        name: String::new(),
        reference: reference
            .as_ref()
            .map(|(year, parts)| (*year, parts.iter().sum())),
        years: (0..projection.years.len())
            .map(|y| {
                let sum = |pick: fn(&MemberYear) -> Decimal| -> Decimal {
                    figures.iter().map(|m| pick(&m.years[y])).sum()
                };
                MemberYear {
                    year: projection.years[y].year,
                    contribution: sum(|v| v.contribution),
                    topup: sum(|v| v.topup),
                    total: sum(|v| v.total),
                    change: sum(|v| v.change),
                }
            })
            .collect(),
    };
    Some(MembersTable {
        members: figures,
        totals,
        team_shares: shares,
    })
}
