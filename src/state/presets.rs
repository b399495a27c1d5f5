//! The board's own proposals as ready-made scenarios (spec section 7).
//!
//! They are data (`src/data/presets.json`): each one's id, Swedish name,
//! scenario link and source. Each link is read with the same rules as a link
//! typed in the address bar, and a preset whose link does not apply cleanly
//! to the data set in use, or whose source the data set does not list, is
//! not offered, so a preset can never silently differ from what its source
//! says. *Nuläge* (the data set's own budget, teams fully funded) is offered
//! for every data set.

use crate::core::{Dataset, Scenario};
use crate::state::fragment;
use serde::Deserialize;

/// A preset as written in `presets.json`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PresetEntry {
    pub id: String,
    pub name: String,
    pub fragment: String,
    pub source_id: String,
    pub source: String,
}

/// What the board is deciding, as the page's header says it: shown for a
/// data set that lists its source.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Introduction {
    pub source_id: String,
    pub text: String,
}

/// The file `presets.json`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PresetFile {
    pub presets: Vec<PresetEntry>,
    #[serde(default)]
    pub introductions: Vec<Introduction>,
}

/// The header's sentence on what is being decided, for a data set: the
/// first introduction whose source it lists, else a general one.
pub fn introduction(data: &Dataset, file: &PresetFile) -> String {
    file.introductions
        .iter()
        .find(|i| data.source(&i.source_id).is_some())
        .map(|i| i.text.clone())
        .unwrap_or_else(|| {
            format!(
                "Här syns vad varje val ger i resultat, eget kapital och medlemmarnas tillskott för {} från {}.",
                data.organisation, data.first_plan_year
            )
        })
}

/// A proposal to start from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preset {
    pub id: String,
    /// As shown on its button.
    pub name: String,
    /// Where the proposal comes from, in words.
    pub source: String,
    /// The scenario link it stands for (without `#`).
    pub fragment: String,
    pub scenario: Scenario,
}

/// The id of the preset every data set has: its own budget as it stands.
pub const NULAGE: &str = "nulage";

/// The presets offered for a data set, in file order.
pub fn presets_for(data: &Dataset, file: &PresetFile) -> Vec<Preset> {
    let mut presets: Vec<Preset> = file
        .presets
        .iter()
        .filter(|p| data.source(&p.source_id).is_some())
        .filter_map(|entry| {
            let (scenario, ignored) = fragment::parse(data, &entry.fragment);
            ignored.is_empty().then(|| Preset {
                id: entry.id.clone(),
                name: entry.name.clone(),
                source: entry.source.clone(),
                fragment: entry.fragment.clone(),
                scenario,
            })
        })
        .collect();
    if !presets.iter().any(|p| p.id == NULAGE) {
        presets.insert(
            0,
            Preset {
                id: NULAGE.to_owned(),
                name: "Nuläge: full finansiering, fördelning som budgeterat".to_owned(),
                source: format!(
                    "Budget {} i dataunderlaget ”{}”: teamen fullt finansierade, strukturella insatser som budgeterat.",
                    data.first_plan_year, data.name
                ),
                fragment: String::new(),
                scenario: Scenario::default(),
            },
        );
    }
    presets
}

/// The preset a scenario equals, if any. The plan period is not part of a
/// proposal: a preset applied to a longer period keeps the period.
pub fn matching<'a>(presets: &'a [Preset], scenario: &Scenario) -> Option<&'a Preset> {
    presets.iter().find(|p| {
        let mut with_period = p.scenario.clone();
        with_period.till = scenario.till;
        with_period == *scenario
    })
}

/// The scenario a preset gives when applied to `current`: the preset's
/// choices over the current plan period.
pub fn applied(preset: &Preset, current: &Scenario) -> Scenario {
    let mut scenario = preset.scenario.clone();
    scenario.till = current.till;
    scenario
}
