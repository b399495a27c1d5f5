//! What a lower funding level means in staff and participants (spec section
//! 6): if nobody fills the gap, a team is assumed to shrink in proportion to
//! its money.
//!
//! With `c = förbund cost / full cost` (exact): FTE kept `round1(FTE × c)`
//! (one decimal, half away from zero), FTE at risk the rest, participants kept
//! `round0(low × c)`–`round0(high × c)`, and the cost per funded FTE
//! `kr(full / FTE)`. A missing figure (no FTE in the sources, a full cost of
//! 0, FTE 0) gives `None`.

use crate::core::dataset::Dataset;
use crate::core::engine::Projection;
use crate::core::money::{kr, SPEC_ROUNDING};
use crate::core::scenario::Scenario;
use rust_decimal::Decimal;

/// One team's staffing figures in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TeamYearStaffing {
    pub fte_kept: Option<Decimal>,
    pub fte_at_risk: Option<Decimal>,
    /// (low, high).
    pub participants_kept: Option<(Decimal, Decimal)>,
    pub cost_per_fte: Option<Decimal>,
}

/// One team's staffing: its figures as the scenario has them, and per year
/// what is kept if nobody fills the gap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamStaffing {
    pub id: String,
    pub name: String,
    pub fte: Option<Decimal>,
    pub participants: Option<(u32, u32)>,
    /// Whether the scenario changed the data set's figures.
    pub edited: bool,
    /// Per plan year, in order.
    pub years: Vec<TeamYearStaffing>,
    /// Per plan year, the team's funding level (%).
    pub levels: Vec<Decimal>,
}

/// Every team's staffing for a scenario and its projection.
pub fn staffing_table(
    data: &Dataset,
    scenario: &Scenario,
    projection: &Projection,
) -> Vec<TeamStaffing> {
    data.lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.team)
        .map(|(i, line)| {
            let fte = scenario.fte(data, &line.id);
            let participants = scenario.participants(data, &line.id);
            TeamStaffing {
                id: line.id.clone(),
                name: line.name.clone(),
                fte,
                participants,
                edited: scenario.team_fte.contains_key(&line.id)
                    || scenario.team_participants.contains_key(&line.id),
                years: projection
                    .years
                    .iter()
                    .map(|y| team_year(fte, participants, y.lines[i].full, y.lines[i].cost))
                    .collect(),
                levels: projection
                    .years
                    .iter()
                    .map(|y| scenario.team_level(data, y.year, &line.id))
                    .collect(),
            }
        })
        .collect()
}

/// The staffing consequences of one team-year.
pub fn team_year(
    fte: Option<Decimal>,
    participants: Option<(u32, u32)>,
    full: Decimal,
    cost: Decimal,
) -> TeamYearStaffing {
    let kept_share = (!full.is_zero()).then(|| cost / full);
    let fte_kept = fte
        .zip(kept_share)
        .map(|(f, c)| (f * c).round_dp_with_strategy(1, SPEC_ROUNDING));
    TeamYearStaffing {
        fte_kept,
        fte_at_risk: fte.zip(fte_kept).map(|(f, k)| f - k),
        participants_kept: participants.zip(kept_share).map(|((low, high), c)| {
            let kept = |n: u32| (Decimal::from(n) * c).round_dp_with_strategy(0, SPEC_ROUNDING);
            (kept(low), kept(high))
        }),
        cost_per_fte: fte.filter(|f| !f.is_zero()).map(|f| kr(full / f)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn fns_at_80_percent_worked_by_hand() {
        // FNS 2026: full 1 650 000, at 80 % the förbund pays 1 320 000, c = 0,8.
        // FTE 3,5 × 0,8 = 2,8 kept, 0,7 at risk; 50 × 0,8 = 40 and
        // 55 × 0,8 = 44 participants kept; 1 650 000 / 3,5 = 471 428,57 →
        // 471 429 kr per FTE.
        let s = team_year(
            Some(dec!(3.5)),
            Some((50, 55)),
            dec!(1650000),
            dec!(1320000),
        );
        assert_eq!(s.fte_kept, Some(dec!(2.8)));
        assert_eq!(s.fte_at_risk, Some(dec!(0.7)));
        assert_eq!(s.participants_kept, Some((dec!(40), dec!(44))));
        assert_eq!(s.cost_per_fte, Some(dec!(471429)));
    }

    #[test]
    fn halves_round_away_from_zero_and_missing_figures_stay_missing() {
        // 2,5 FTE × 0,85 = 2,125 → 2,1 kept; 25 × 0,85 = 21,25 → 21;
        // 30 × 0,85 = 25,5 → 26 (half away from zero, not to even).
        let s = team_year(Some(dec!(2.5)), Some((25, 30)), dec!(100), dec!(85));
        assert_eq!(s.fte_kept, Some(dec!(2.1)));
        assert_eq!(s.fte_at_risk, Some(dec!(0.4)));
        assert_eq!(s.participants_kept, Some((dec!(21), dec!(26))));
        let none = team_year(None, None, dec!(1550500), dec!(1240400));
        assert_eq!(none, TeamYearStaffing::default());
        let zero_cost = team_year(Some(dec!(0)), Some((5, 6)), dec!(0), dec!(0));
        assert_eq!(zero_cost.fte_kept, None);
        assert_eq!(zero_cost.cost_per_fte, None);
        assert_eq!(zero_cost.participants_kept, None);
    }
}
