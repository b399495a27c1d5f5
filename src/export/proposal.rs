//! "Förslag till beslut": the proposal a scenario stands for, in the words a
//! board minute would use, written from its settings and followed by what
//! the figures say comes of it (result, equity against the ceiling, and what
//! the members must find to keep the teams). It says nothing the figures do
//! not show.

use crate::core::engine::Projection;
use crate::core::horizon::Year;
use crate::core::{Dataset, Scenario};
use crate::export::format::{kronor_kr, percent_input};
use crate::export::words::{in_words, years_text};
use rust_decimal::Decimal;

fn pct(v: Decimal) -> String {
    format!("{}\u{a0}%", percent_input(v))
}

/// The years, in order, where `is` holds.
fn years_where(
    projection: &Projection,
    is: impl Fn(&crate::core::YearOutcome) -> bool,
) -> Vec<Year> {
    projection
        .years
        .iter()
        .filter(|y| is(y))
        .map(|y| y.year)
        .collect()
}

/// The proposal in words.
pub fn proposal(data: &Dataset, scenario: &Scenario, projection: &Projection) -> String {
    let years: Vec<Year> = projection.years.iter().map(|y| y.year).collect();
    let last = projection.last();
    // The first plan year is decided already (its card and control say
    // so): the board decides the years after it, and the decided level is
    // named as such, not proposed again.
    let (decided, to_decide) = match years.split_first() {
        Some((&first, rest)) if !rest.is_empty() => (Some(first), rest),
        _ => (None, years.as_slice()),
    };
    let levels = in_words(
        to_decide
            .iter()
            .map(|&y| (y, pct(scenario.funding(data, y)))),
        false,
    );
    let decided = decided.map_or_else(String::new, |y| {
        format!("; {y} är beslutat med {}", pct(scenario.funding(data, y)))
    });
    let mut text = format!(
        "Styrelsen föreslås besluta att förbundet finansierar samordningsteamen till {levels} (andel av teamens fulla kostnad{decided})"
    );
    // Each team on a level of its own, with that level and its years.
    let own: Vec<String> = data
        .teams()
        .filter_map(|t| {
            let levels: Vec<(Year, String)> = years
                .iter()
                .filter_map(|&y| scenario.team_override(data, y, &t.id).map(|l| (y, pct(l))))
                .collect();
            (!levels.is_empty())
                .then(|| format!("{} ({})", t.name, in_words(levels.into_iter(), false)))
        })
        .collect();
    if !own.is_empty() {
        text.push_str(&format!(", med en egen nivå för {}", own.join(", ")));
    }
    let steered: Vec<(Year, Decimal)> = years
        .iter()
        .filter_map(|&y| scenario.individ_share(data, y).map(|s| (y, s)))
        .collect();
    if steered.is_empty() {
        text.push_str(", och att de direkta insatskostnaderna fördelas mellan individ- och strukturinsatser som budgeterat.");
    } else {
        let shares = in_words(steered.iter().map(|&(y, s)| (y, pct(s))), false);
        text.push_str(&format!(
            ", och att individinsatsernas andel av de direkta insatskostnaderna styrs till {shares} (strukturella insatser skalas om i proportion till sina kostnader)."
        ));
    }
    let results = in_words(
        projection
            .years
            .iter()
            .map(|y| (y.year, kronor_kr(y.result))),
        true,
    );
    text.push_str(&format!(
        " Med antagandena nedan blir resultatet {results}. Det egna kapitalet är {} vid utgången av {}",
        kronor_kr(last.closing),
        last.year
    ));
    let negative = years_where(projection, |y| y.closing < Decimal::ZERO);
    let above = years_where(projection, |y| y.closing > y.guideline);
    let mut remarks = Vec::new();
    if !negative.is_empty() {
        remarks.push(format!("negativt {}", years_text(&negative)));
    }
    if !above.is_empty() {
        remarks.push(format!("över riktvärdet {}", years_text(&above)));
    }
    if remarks.is_empty() {
        text.push_str(" och ligger mellan noll och riktvärdet alla år.");
    } else {
        text.push_str(&format!("; det är {}.", remarks.join(" och ")));
    }
    let topped: Vec<(Year, Decimal)> = projection
        .years
        .iter()
        .filter(|y| y.topup_total > Decimal::ZERO)
        .map(|y| (y.year, y.topup_total))
        .collect();
    if topped.is_empty() {
        text.push_str(
            " Teamen är fullt finansierade av förbundet; medlemmarna behöver inte tillföra något.",
        );
    } else {
        let amounts = in_words(topped.iter().map(|&(y, t)| (y, kronor_kr(t))), true);
        text.push_str(&format!(
            " För att behålla teamen som i dag behöver medlemmarna tillsammans tillföra {amounts}."
        ));
    }
    text
}
