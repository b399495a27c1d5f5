//! "Hur säkert är det?" as data for its panel: the settings' fields (each
//! an assumption, with one sentence on what it means), what the progress
//! line and the screen reader's status say while a run goes on, and the
//! wording of the panel's lead. Pure, so the panel's component only renders
//! what it is given and holds no arithmetic.

use crate::state::risk::RiskField;

/// One field of the panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskInputView {
    pub field: RiskField,
    pub id: &'static str,
    pub label: &'static str,
    /// What the assumption means, one sentence (the field's description).
    pub hint: &'static str,
    pub unit: &'static str,
    /// `decimal` or `numeric` (the phone's keyboard).
    pub inputmode: &'static str,
}

/// The panel's fields, in the link's order.
pub fn risk_inputs() -> Vec<RiskInputView> {
    RiskField::ALL
        .into_iter()
        .map(|field| {
            let (id, label, hint, unit, inputmode) = match field {
                RiskField::GrowthSpread => (
                    "risk-growth",
                    "Osäkerhet i kostnadsökningen (± procentenheter)",
                    "Antagande: varje år som räknas upp kan kostnadsökningen bli upp till så många procentenheter högre eller lägre än scenariots, oftast nära scenariots värde. Tillåtet 0–5.",
                    "± p.e.",
                    "decimal",
                ),
                RiskField::RevenueSpread => (
                    "risk-rev",
                    "Osäkerhet i medlen från huvudmännen (± %)",
                    "Antagande: varje år efter det första kan medlen bli upp till så många procent större eller mindre än i scenariot, oftast nära scenariots värde. Tillåtet 0–20.",
                    "± %",
                    "decimal",
                ),
                RiskField::Draws => (
                    "risk-n",
                    "Antal dragningar",
                    "Antagande: så många möjliga utfall räknas fram; fler ger stabilare andelar men tar längre tid (1 000–100 000).",
                    "st.",
                    "numeric",
                ),
                RiskField::Seed => (
                    "risk-seed",
                    "Slumpfrö",
                    "Samma frö ger exakt samma siffror för alla som öppnar länken; ett annat frö visar hur mycket siffrorna skiftar mellan körningar.",
                    "",
                    "numeric",
                ),
                RiskField::Floor => (
                    "risk-floor",
                    "Golv för eget kapital (kr)",
                    "Antagande: den lägsta nivå som det egna kapitalet bör hålla; taket är riktvärdet. Bandet mellan dem markeras per år.",
                    "kr",
                    "numeric",
                ),
            };
            RiskInputView {
                field,
                id,
                label,
                hint,
                unit,
                inputmode,
            }
        })
        .collect()
}

/// The share of a run done, whole percent (0 for a run of no draws).
pub fn progress_percent(done: u32, total: u32) -> u32 {
    match total {
        0 => 0,
        _ => (u64::from(done.min(total)) * 100 / u64::from(total)) as u32,
    }
}

/// The visible progress line: "Beräknar … 40 %"; while older figures are
/// still shown, it says they are the earlier settings'.
pub fn progress_text(done: u32, total: u32, older_shown: bool) -> String {
    let line = format!("Beräknar … {}\u{a0}%", progress_percent(done, total));
    if older_shown {
        format!("{line} (siffrorna nedan gäller de förra inställningarna)")
    } else {
        line
    }
}

/// What the screen reader's status says: once when a run starts and once
/// when it ends, never each chunk.
pub fn status_text(running: bool, failed: Option<&str>) -> String {
    match (running, failed) {
        (_, Some(why)) => format!("Risken kunde inte beräknas: {why}"),
        (true, None) => "Beräknar risken …".to_owned(),
        (false, None) => "Risken är beräknad.".to_owned(),
    }
}

/// The panel's lead, under its heading.
pub const LEAD: &str = "Hur stor är risken att det egna kapitalet blir negativt om kostnaderna ökar snabbare än antaget eller medlen blir mindre? Simulatorn räknar scenariot många gånger med slumpade värden inom antagandena nedan, och visar vilka beslut som påverkar mest.";
