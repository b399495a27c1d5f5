//! The cost growth a scenario assumes, in words: for its settings, and for
//! a comparison whose columns assume different growth (the differences
//! under each figure then come from the assumption too, which the page
//! says rather than leaves to be guessed).

use crate::core::dataset::Dataset;
use crate::core::horizon::Year;
use crate::core::scenario::Scenario;
use crate::export::format::percent_input;
use crate::export::words::per_year;

/// The cost growth in words: per indexed year (a year the data set gives no
/// costs for), or that there is none to apply.
pub fn growth_words(data: &Dataset, scenario: &Scenario) -> String {
    match growth_per_year(data, scenario) {
        Some(rates) => format!(
            "{rates} (uppräkning från budget {} och året före)",
            data.first_plan_year
        ),
        None => "ingen: alla år har kostnader i dataunderlaget".to_owned(),
    }
}

/// `2026–27: 2,5 % per år`; `None` when no year is indexed.
pub fn growth_per_year(data: &Dataset, scenario: &Scenario) -> Option<String> {
    let indexed: Vec<Year> = (data.first_plan_year + 1..=scenario.last_year(data))
        .filter(|&y| data.year_column(y).is_none())
        .collect();
    (!indexed.is_empty()).then(|| {
        per_year(indexed.iter().map(|&y| {
            (
                y,
                format!("{}\u{a0}% per år", percent_input(scenario.growth(y))),
            )
        }))
    })
}

/// A comparison whose columns assume different cost growth: said, since
/// the differences under each figure then come from the assumption too,
/// not only from the decisions. `None` when every column assumes the same.
pub fn differing_growth(data: &Dataset, columns: &[(&str, &Scenario)]) -> Option<String> {
    let words: Vec<String> = columns
        .iter()
        .map(|(_, s)| growth_per_year(data, s).unwrap_or_else(|| "ingen".to_owned()))
        .collect();
    if words.windows(2).all(|w| w[0] == w[1]) {
        return None;
    }
    let each: Vec<String> = columns
        .iter()
        .zip(&words)
        .enumerate()
        .map(|(i, ((label, _), w))| format!("{}. {label}: {w}", i + 1))
        .collect();
    Some(format!(
        "Kolumnerna räknar med olika kostnadsökning, så skillnaderna kommer också av antagandet, inte bara av besluten. {}.",
        each.join("; ")
    ))
}
