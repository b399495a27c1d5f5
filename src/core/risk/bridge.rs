//! The change of the result (spec section 11): from the first plan year to
//! the last, as a bridge whose parts sum exactly to
//! `result(last) − result(first)`.
//!
//! Each part is that item's contribution to the change of the result, so a
//! cost that grows lowers the result and its part is negative: revenue
//! `R_last − R_first`; administration `−(A_last − A_first)`; the teams'
//! förbund cost (what the förbund pays for the teams at their levels, not
//! their full cost) `−(T_last − T_first)`; the other individ lines
//! `−(O_last − O_first)` with `O = I − T`; the structural lines
//! `−(S_last − S_first)`. Since the result is `R − A − I − S`, the parts add
//! up to its change without a krona left over.

use crate::core::engine::{Projection, YearOutcome};
use crate::core::horizon::Year;
use rust_decimal::Decimal;

/// The change of the result from the first plan year to the last, kr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bridge {
    pub first: Year,
    pub last: Year,
    pub first_result: Decimal,
    pub last_result: Decimal,
    /// More revenue raises the result.
    pub revenue: Decimal,
    /// Higher administration costs lower it (negative part).
    pub admin: Decimal,
    /// The teams' förbund cost.
    pub teams: Decimal,
    /// The individ lines that are not teams.
    pub other_individ: Decimal,
    pub structural: Decimal,
}

impl Bridge {
    /// The sum of the parts: always `last_result − first_result`.
    pub fn total(&self) -> Decimal {
        self.revenue + self.admin + self.teams + self.other_individ + self.structural
    }
}

/// The teams' förbund cost of a plan year: its team lines are the lines
/// with a team level.
fn team_cost(year: &YearOutcome) -> Decimal {
    year.lines
        .iter()
        .filter(|l| l.team_level.is_some())
        .map(|l| l.cost)
        .sum()
}

/// The bridge of a projection's plan years.
pub fn bridge(projection: &Projection) -> Bridge {
    let first = projection.years.first().expect("a period has a year");
    let last = projection.last();
    let (teams_first, teams_last) = (team_cost(first), team_cost(last));
    Bridge {
        first: first.year,
        last: last.year,
        first_result: first.result,
        last_result: last.result,
        revenue: last.revenue - first.revenue,
        admin: -(last.admin - first.admin),
        teams: -(teams_last - teams_first),
        other_individ: -((last.individ - teams_last) - (first.individ - teams_first)),
        structural: -(last.struktur - first.struktur),
    }
}
