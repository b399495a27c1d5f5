//! What moving the data set's first plan year on by one does to the
//! equity the new first year starts with, said in a notice: the old first
//! year becomes the reference year and is counted from its budget column
//! (a reference year has no prognosis), so an interim report's better
//! estimate stops counting until the year's outcome is typed.

use crate::core::{project, Dataset, Scenario};
use crate::export::format::kronor_kr;
use rust_decimal::Decimal;

/// The notice after the first plan year moved from `before` to `after`,
/// or `None` when the equity the new first year starts with is unchanged
/// (or the move was not one year on).
pub(super) fn moved_notice(
    before: (&Dataset, &Scenario),
    after: (&Dataset, &Scenario),
) -> Option<String> {
    let (old, new) = (before.0.first_plan_year, after.0.first_plan_year);
    if new != old + 1 {
        return None;
    }
    let closing = |data: &Dataset, scenario: &Scenario, year| -> Option<Decimal> {
        project(data, scenario)
            .all_years()
            .find(|y| y.year == year)
            .map(|y| y.closing)
    };
    let was = closing(before.0, before.1, old)?;
    let is = closing(after.0, after.1, old)?;
    if was == is {
        return None;
    }
    let why = if before.1.first_year_on_prognosis(before.0) {
        format!("{old} räknas nu som referensår från budgetkolumnen, inte prognosen")
    } else {
        format!("{old} räknas nu som referensår från dataunderlagets kolumn")
    };
    Some(format!(
        "{why}: eget kapital vid ingången av {new} blir {} (förut {}). Gör kolumnen till ”Utfall {old}” under Kolumner och skriv bokslutets belopp när det finns. Ångra tar tillbaka bytet.",
        kronor_kr(is),
        kronor_kr(was)
    ))
}
