//! The risk in Swedish words: the one sentence a board member can repeat,
//! what the run assumed, and the name of each decision in the tornado.
//!
//! The sentence says only what the figures support. It names the plan year
//! with the largest share of draws below zero (the earliest of equal ones),
//! since that is where the board's margin is thinnest; a share that rounds
//! to 0,0 % or 100,0 % without being it is said as "under 0,1 %" or "över
//! 99,9 %", and a year where no draw (or every draw) is negative is said
//! as just that, in draws, not as "no risk".

use crate::core::risk::{DriverKind, RiskInputs, YearRisk};
use crate::export::format::{difference_kr, kronor, kronor_kr, percent};
use crate::export::risk::{DriverRow, RiskReport};
use rust_decimal::Decimal;

/// A share of draws as the sentence says it: `23,0 %`, `under 0,1 %`,
/// `över 99,9 %`.
pub fn share_words(percent_value: Decimal) -> String {
    let tenth = Decimal::new(1, 1);
    if percent_value > Decimal::ZERO && percent_value < Decimal::new(5, 2) {
        format!("under {}", percent(tenth))
    } else if percent_value < Decimal::ONE_HUNDRED && percent_value >= Decimal::new(9995, 2) {
        format!("över {}", percent(Decimal::ONE_HUNDRED - tenth))
    } else {
        percent(percent_value)
    }
}

/// The year with the largest share of negative equity, the earliest of
/// equal ones.
pub fn riskiest(years: &[YearRisk]) -> Option<&YearRisk> {
    years
        .iter()
        .fold(None, |best: Option<&YearRisk>, y| match best {
            Some(b) if b.negative_percent >= y.negative_percent => Some(b),
            _ => Some(y),
        })
}

/// "Med dessa antaganden är risken 23,0 % att det egna kapitalet är
/// negativt 2028." (see the module's note on what it says when).
pub fn sentence(years: &[YearRisk], draws: u32) -> String {
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return String::new();
    };
    let Some(worst) = riskiest(years) else {
        return String::new();
    };
    let n = kronor(Decimal::from(draws));
    let span = if first.year == last.year {
        first.year.to_string()
    } else {
        format!("{}–{}", first.year, last.year)
    };
    if worst.negative_percent.is_zero() {
        format!("Med dessa antaganden blev det egna kapitalet inte negativt något år {span} i någon av de {n} dragningarna.")
    } else {
        let said = if worst.negative_percent == Decimal::ONE_HUNDRED {
            format!(
                "Med dessa antaganden är det egna kapitalet negativt {} i alla {n} dragningar.",
                worst.year
            )
        } else {
            format!(
                "Med dessa antaganden är risken {} att det egna kapitalet är negativt {}.",
                share_words(worst.negative_percent),
                worst.year
            )
        };
        // When the risk starts earlier, the year it starts is said too
        // (also when every draw is negative in the worst year).
        match years.iter().find(|y| y.negative_percent > Decimal::ZERO) {
            Some(from) if from.year < worst.year => format!(
                "{said} Risken finns från {} ({}).",
                from.year,
                share_words(from.negative_percent)
            ),
            _ => said,
        }
    }
}

/// What the table's percentiles and band marks mean, with the band's
/// bounds: "… Bandet går från golvet, 0 kr, till riktvärdet, 3 791 600 kr; …".
pub fn band_note(report: &RiskReport) -> String {
    let ceilings: Vec<_> = report.years.iter().map(|y| y.guideline).collect();
    let ceiling = match ceilings.first() {
        Some(first) if ceilings.iter().all(|c| c == first) => {
            format!("riktvärdet, {}", kronor_kr(*first))
        }
        _ => format!(
            "årets riktvärde ({})",
            report
                .years
                .iter()
                .map(|y| format!("{} {}", y.risk.year, kronor_kr(y.guideline)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    format!(
        "Mellan 10:e och 90:e percentilen ligger 8 av 10 dragningar. Bandet går från golvet, {}, till {ceiling}; under, inom eller över gäller medianen av dragningarna, inte scenariots eget värde.",
        kronor_kr(report.floor)
    )
}

/// What the run assumed: "Beräknat med 10 000 dragningar: kostnadsökningen
/// ±1,5 procentenheter och medlen ±1,0 % kring scenariots värden, slumpfrö
/// 1." and the growth those values are (`growth`, per indexed year): a
/// board reading a low risk should see that it rests on that growth.
pub fn assumptions(inputs: &RiskInputs, growth: Option<&str>) -> String {
    let one_decimal = |v: Decimal| percent(v).trim_end_matches("\u{a0}%").to_owned();
    let centre = match growth {
        Some(rates) => {
            format!(" Scenariots kostnadsökning, som dragningarna varierar kring: {rates}.")
        }
        None => {
            " Kostnadsökningen flyttar inget år: alla år har kostnader i dataunderlaget.".to_owned()
        }
    };
    format!(
        "Beräknat med {} dragningar: kostnadsökningen ±{} procentenheter och medlen ±{}\u{a0}% kring scenariots värden, slumpfrö {}.{centre}",
        kronor(Decimal::from(inputs.draws())),
        one_decimal(inputs.growth_spread()),
        one_decimal(inputs.revenue_spread()),
        inputs.seed()
    )
}

/// The decision a bar moves: "Finansieringsnivå 2027 ±5 procentenheter",
/// "Andel individinsatser 2027 ±5 procentenheter", "Kostnadsökning ±1 procentenhet",
/// "Medel ±1 %"; a carried year and the decided first year say so.
pub fn driver_words(row: &DriverRow) -> String {
    let carried = if row.carried {
        " (överfört)"
    } else if row.decided {
        " (beslutat)"
    } else {
        ""
    };
    match row.driver.kind {
        DriverKind::Funding(y) => format!("Finansieringsnivå {y}{carried} ±5 procentenheter"),
        DriverKind::Share(y) => format!("Andel individinsatser {y}{carried} ±5 procentenheter"),
        DriverKind::Growth => "Kostnadsökning ±1 procentenhet".to_owned(),
        DriverKind::Revenue => "Medel ±1\u{a0}%".to_owned(),
    }
}

/// A bar's test hook name: `funding-2027`, `share-2027`, `growth`, `revenue`.
pub fn driver_key(kind: DriverKind) -> String {
    match kind {
        DriverKind::Funding(y) => format!("funding-{y}"),
        DriverKind::Share(y) => format!("share-{y}"),
        DriverKind::Growth => "growth".to_owned(),
        DriverKind::Revenue => "revenue".to_owned(),
    }
}

/// The sentences over the tornado: which decision matters most, and the
/// notes a reader needs (no share bars; carried years). On paper the
/// page's advice (which box to tick) is left out.
pub fn driver_notes(report: &RiskReport, paper: bool) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(top) = report.drivers.first() {
        // Decisions of the same size share the first place: naming one
        // would say more than the figures do.
        let tied: Vec<String> = report
            .drivers
            .iter()
            .take_while(|d| d.driver.size() == top.driver.size())
            .map(|d| lowercase_first(&driver_words(d)))
            .collect();
        notes.push(match tied.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!(
                "Störst effekt på det egna kapitalet {}, lika stor, har {} och {last}.",
                report.last_year(),
                rest.join(", ")
            ),
            _ => format!(
                "Störst effekt på det egna kapitalet {} har {}.",
                report.last_year(),
                lowercase_first(&driver_words(top))
            ),
        });
    }
    if !report.share_steered {
        let advice = if paper {
            ""
        } else {
            " Kryssa i ”Bestäm andelen själv” för ett år för att se dess effekt."
        };
        notes.push(format!(
            "Andel individinsatser har ingen stapel: scenariot styr inte andelen något år.{advice}"
        ));
    }
    if report.has_carried() {
        notes.push(format!(
            "Överfört: året ligger efter dataunderlagets planperiod (till {}) och har inget eget värde i scenariot, så det behåller föregående års värde. Varje stapel visar vad reglaget för sitt år gör: de följande år som behåller värdet följer med.",
            report.plan_end
        ));
    }
    notes
}

/// What a printed list of the first `shown` drivers leaves out, in a
/// sentence: "Ytterligare 6 beslut ändrar eget kapital 2034 med högst
/// 676 025 kr vardera (alla står på sidan)."
pub fn drivers_left_out(report: &RiskReport, shown: usize) -> Option<String> {
    let rest = report.drivers.get(shown..).filter(|r| !r.is_empty())?;
    let largest = rest
        .iter()
        .map(|d| d.driver.size())
        .max()
        .unwrap_or_default();
    let (year, largest) = (report.last_year(), kronor_kr(largest));
    let place = "på sidan under ”Hur säkert är det?”";
    Some(match rest.len() {
        1 => format!("Ytterligare ett beslut ändrar eget kapital {year} med {largest}; det står {place}."),
        n => format!("Ytterligare {n} beslut ändrar eget kapital {year} med högst {largest} vardera; alla står {place}."),
    })
}

/// The bridge in one sentence, for paper: "Resultatet går från −9 073 kr
/// 2025 till −1 726 995 kr 2030 (−1 717 922 kr): medel från huvudmännen
/// 0 kr, administration −675 485 kr, …".
pub fn bridge_words(report: &RiskReport) -> String {
    let b = &report.bridge;
    let parts: Vec<String> = crate::export::risk::bars::bridge_parts(report)
        .iter()
        .map(|(label, _, part)| format!("{} {}", lowercase_first(label), difference_kr(*part)))
        .collect();
    format!(
        "Resultatet går från {} {} till {} {} ({}), del för del som påverkan på resultatet (en kostnad som ökar ger ett minus): {}.",
        kronor_kr(b.first_result),
        b.first,
        kronor_kr(b.last_result),
        b.last,
        difference_kr(b.total()),
        parts.join(", ")
    )
}

/// Why the bridge's first year may differ from the later ones for a
/// reason that is no decision: "2025 är prognosen i delårsrapporten, …".
pub fn bridge_basis_note(report: &RiskReport) -> Option<String> {
    report.first_on_prognosis.then(|| {
        let first = report.bridge.first;
        format!(
            "{first} är prognosen i delårsrapporten, medan de senare åren räknas från budgeten {first} med teamens fulla kostnad: det som prognosen avviker från budgeten ingår i förändringen."
        )
    })
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
