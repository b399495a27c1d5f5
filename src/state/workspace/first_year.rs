//! What moving the data set's first plan year on by one does to the
//! equity the new first year starts with, said in a notice: the old first
//! year becomes the reference year and is counted from its budget column
//! (a reference year has no prognosis), so an interim report's better
//! estimate stops counting until the year's outcome is typed.

use crate::core::{project, Dataset, Scenario};
use crate::export::format::kronor_kr;

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
    // The equity the new first year starts with: before the move, the old
    // first year's closing; after it, the new first year's opening (which
    // is the scenario's own value when it has one).
    let was = project(before.0, before.1)
        .years
        .first()
        .filter(|y| y.year == old)?
        .closing;
    let is = project(after.0, after.1).years.first()?.opening;
    if was == is {
        return None;
    }
    let (is_text, was_text) = (kronor_kr(is), kronor_kr(was));
    if before.1.opening_equity.is_some() {
        // The scenario's own opening equity was typed for the old first
        // year; it now stands at the start of the new one.
        return Some(format!(
            "Scenariots eget värde för ingående eget kapital gällde {old} och gäller nu {new}: eget kapital vid ingången av {new} blir {is_text} (förut {was_text}). Ändra värdet under ”Ingående eget kapital {new}”, eller ångra bytet."
        ));
    }
    let why = if before.1.first_year_on_prognosis(before.0) {
        format!("{old} räknas nu som referensår från budgetkolumnen, inte prognosen")
    } else {
        format!("{old} räknas nu som referensår från dataunderlagets kolumn")
    };
    Some(format!(
        "{why}: eget kapital vid ingången av {new} blir {is_text} (förut {was_text}). Gör kolumnen till ”Utfall {old}” under Kolumner och skriv bokslutets belopp när det finns. Ångra tar tillbaka bytet."
    ))
}
