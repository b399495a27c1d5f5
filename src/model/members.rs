//! What each member pays (docs/model.md §7): its part of the contributions
//! and its share of the teams' top-ups, per year, with the total and the
//! change from 2025.
//!
//! Members with a fixed part (the state 50 %, the region 25 %) get
//! `kr(amount × part / 100)`; the members with a key weight (the
//! municipalities) share what is left by the largest-remainder method of
//! [`largest_remainder`], ties to the member listed first, so the parts always
//! add up to the amount exactly. A team's top-up is split either among the
//! municipalities it serves, by the key (`served`), or among all members like
//! the contributions (`key`).

use crate::model::data::Dataset;
use crate::model::distribute::largest_remainder;
use crate::model::engine::Projection;
use crate::model::format::{decimal_comma, kronor_kr, percent_input};
use crate::model::money::{kr, percent_of};
use crate::model::scenario::{Scenario, TopupRule};
use crate::model::staffing::TeamYearStaffing;
use rust_decimal::Decimal;

/// Splits `amount` over the members like the contributions, in member order.
pub fn split_by_key(data: &Dataset, amount: Decimal) -> Vec<Decimal> {
    let members = &data.members.list;
    let mut parts: Vec<Decimal> = members
        .iter()
        .map(|m| {
            m.fixed_percent
                .map_or(Decimal::ZERO, |p| kr(percent_of(amount, p)))
        })
        .collect();
    let rest = amount - parts.iter().sum::<Decimal>();
    let weights: Vec<Decimal> = members
        .iter()
        .map(|m| m.key_weight.unwrap_or(Decimal::ZERO))
        .collect();
    // Validation guarantees a positive key weight, so the rest is always placed.
    if let Some(shares) = largest_remainder(rest.max(Decimal::ZERO), &weights) {
        for (part, share) in parts.iter_mut().zip(shares) {
            *part += share;
        }
    }
    parts
}

/// Splits `amount` among the members in `served` by their key weights, in
/// member order (zero for the others).
pub fn split_among(data: &Dataset, served: &[String], amount: Decimal) -> Vec<Decimal> {
    let weights: Vec<Decimal> = data
        .members
        .list
        .iter()
        .map(|m| {
            if served.contains(&m.id) {
                m.key_weight.unwrap_or(Decimal::ZERO)
            } else {
                Decimal::ZERO
            }
        })
        .collect();
    largest_remainder(amount.max(Decimal::ZERO), &weights)
        .unwrap_or_else(|| vec![Decimal::ZERO; weights.len()])
}

/// How the contributions are split, in words, from the data set: the fixed
/// parts by name, then the members sharing the rest by the key, and the key's
/// source with its note (e.g. that the key is an assumption).
pub fn split_description(data: &Dataset) -> String {
    let members = &data.members.list;
    let fixed: Vec<String> = members
        .iter()
        .filter_map(|m| {
            m.fixed_percent
                .map(|p| format!("{} {}\u{a0}%", m.name, percent_input(p)))
        })
        .collect();
    let keyed = members.iter().filter(|m| m.key_weight.is_some()).count();
    let rest = Decimal::ONE_HUNDRED
        - members
            .iter()
            .filter_map(|m| m.fixed_percent)
            .sum::<Decimal>();
    let key = data
        .sources
        .iter()
        .find(|s| s.id == data.members.key_source)
        .map(|s| {
            format!(
                " Nyckeln: {} ({}, {}). {}",
                s.title, s.issuer, s.date, s.note
            )
        })
        .unwrap_or_default();
    format!(
        "Medlen delas {}, och {}\u{a0}% av de {keyed} kommunerna efter en fördelningsnyckel.{key}",
        fixed.join(", "),
        percent_input(rest)
    )
}

/// One member's figures in one plan year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MemberYear {
    pub year: u16,
    pub contribution: Decimal,
    /// Its share of the teams' top-ups.
    pub topup: Decimal,
    pub total: Decimal,
    /// `total − total 2025`.
    pub change: Decimal,
}

/// One member's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberFigures {
    pub id: String,
    pub name: String,
    pub contribution_2024: Decimal,
    /// Per plan year, in order.
    pub years: Vec<MemberYear>,
}

/// A member's share of one team's top-up in each plan year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamShare {
    /// The team's line id.
    pub team: String,
    /// Per plan year: (this member's share, the team's whole top-up).
    pub years: Vec<(Decimal, Decimal)>,
}

/// The members' table: every member, and the totals row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembersTable {
    pub members: Vec<MemberFigures>,
    pub totals: MemberFigures,
    /// Per member (same order), its share of each team's top-up per year.
    pub team_shares: Vec<Vec<TeamShare>>,
}

/// Computes the members' figures for a scenario and its projection.
pub fn members_table(data: &Dataset, scenario: &Scenario, projection: &Projection) -> MembersTable {
    let count = data.members.list.len();
    let contributions_2024 = split_by_key(data, data.revenue_2024.amount);
    let team_lines: Vec<(usize, &str)> = data
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.team)
        .map(|(i, l)| (i, l.id.as_str()))
        .collect();
    // shares[member][team][year] = (share, team top-up)
    let mut shares: Vec<Vec<TeamShare>> = (0..count)
        .map(|_| {
            team_lines
                .iter()
                .map(|(_, id)| TeamShare {
                    team: (*id).to_owned(),
                    years: Vec::new(),
                })
                .collect()
        })
        .collect();
    let mut years: Vec<Vec<MemberYear>> = vec![Vec::new(); count];
    for outcome in &projection.years {
        let contributions = split_by_key(data, outcome.revenue);
        let mut topups = vec![Decimal::ZERO; count];
        for (t, &(line_index, id)) in team_lines.iter().enumerate() {
            let team_topup = outcome.lines[line_index].topup;
            let split = match scenario.topup_rule {
                TopupRule::Key => split_by_key(data, team_topup),
                TopupRule::Served => {
                    let served = data
                        .team_info(id)
                        .map(|t| t.serves.as_slice())
                        .unwrap_or(&[]);
                    split_among(data, served, team_topup)
                }
            };
            for (m, part) in split.into_iter().enumerate() {
                topups[m] += part;
                shares[m][t].years.push((part, team_topup));
            }
        }
        for m in 0..count {
            let total = contributions[m] + topups[m];
            years[m].push(MemberYear {
                year: outcome.year,
                contribution: contributions[m],
                topup: topups[m],
                total,
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
    let members: Vec<MemberFigures> = data
        .members
        .list
        .iter()
        .zip(years)
        .zip(&contributions_2024)
        .map(|((m, years), &c2024)| MemberFigures {
            id: m.id.clone(),
            name: m.name.clone(),
            contribution_2024: c2024,
            years,
        })
        .collect();
    let totals = MemberFigures {
        id: "total".to_owned(),
        name: "Summa".to_owned(),
        contribution_2024: members.iter().map(|m| m.contribution_2024).sum(),
        years: (0..projection.years.len())
            .map(|y| {
                let sum = |pick: fn(&MemberYear) -> Decimal| -> Decimal {
                    members.iter().map(|m| pick(&m.years[y])).sum()
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
    MembersTable {
        members,
        totals,
        team_shares: shares,
    }
}

/// What one memo sentence is about: a member, a team it is served by, a year.
pub struct MemoLine<'a> {
    pub year: u16,
    pub member: &'a str,
    pub team: &'a str,
    /// The member's share of the team's top-up.
    pub share: Decimal,
    pub team_topup: Decimal,
    pub staffing: &'a TeamYearStaffing,
    pub fte: Option<Decimal>,
    pub participants: Option<(Decimal, Decimal)>,
}

/// The sentence a municipal finance officer can copy into a budget memo for
/// one team and year, e.g. "2026 behöver Sala kommun tillföra 344 000 kr för
/// att behålla Samordningsteam Sala som i dag; annars minskar teamet med
/// 0,5 årsarbetare och cirka 5–6 deltagare."
pub fn memo_sentence(line: &MemoLine<'_>) -> String {
    let MemoLine {
        year,
        member,
        team,
        share,
        team_topup,
        staffing,
        fte,
        participants,
    } = *line;
    if team_topup.is_zero() {
        return format!(
            "{year} behöver {member} inte tillföra något för {team}: förbundet finansierar teamet fullt ut."
        );
    }
    let part_of = if share == team_topup {
        String::new()
    } else {
        format!(" (sin del av {})", kronor_kr(team_topup))
    };
    let loss = match (
        staffing.fte_at_risk,
        participants.zip(staffing.participants_kept),
    ) {
        (Some(at_risk), Some(((low, high), (kept_low, kept_high)))) => {
            let (lost_low, lost_high) = (low - kept_low, high - kept_high);
            let people = if lost_low == lost_high {
                format!("{lost_low}")
            } else {
                format!("{lost_low}–{lost_high}")
            };
            format!(
                "annars minskar teamet med {} årsarbetare och cirka {people} deltagare",
                decimal_comma(at_risk)
            )
        }
        (Some(at_risk), None) => format!(
            "annars minskar teamet med {} årsarbetare (antal deltagare saknas i underlagen)",
            decimal_comma(at_risk)
        ),
        _ if fte.is_none() => {
            "annars minskar teamet i proportion till pengarna (bemanningen saknas i underlagen)"
                .to_owned()
        }
        _ => "annars minskar teamet i proportion till pengarna".to_owned(),
    };
    format!(
        "{year} behöver {member} tillföra {}{part_of} för att behålla {team} som i dag; {loss}.",
        kronor_kr(share)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn contributions_2024_worked_by_hand() {
        let data = Dataset::sfv_default().unwrap();
        // R = 19 038 000: staten kr(R × 50 %) = 9 519 000, region 4 759 500,
        // municipalities M = 4 759 500 by population (sum 281 158): exact
        // shares Västerås 2 719 245,13, Köping 435 545,76, Sala 386 690,97,
        // Hallstahammar 281 905,38, Arboga 236 656,29, Fagersta 221 285,48,
        // Surahammar 166 658,17, Kungsör 147 173,81, Norberg 92 292,57,
        // Skinnskatteberg 72 046,44. Floors sum to 4 759 495; the 5 kronor
        // left go to the largest fractions: Sala (,97), Kungsör (,81),
        // Köping (,76), Norberg (,57), Fagersta (,48).
        assert_eq!(
            split_by_key(&data, dec!(19038000)),
            [
                dec!(9519000),
                dec!(4759500),
                dec!(2719245),
                dec!(435546),
                dec!(386691),
                dec!(281905),
                dec!(236656),
                dec!(221286),
                dec!(166658),
                dec!(147174),
                dec!(92293),
                dec!(72046)
            ]
        );
    }
}
