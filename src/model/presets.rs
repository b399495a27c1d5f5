//! The board's own proposals as ready-made scenarios (presets).
//!
//! They are data, not code: `presets.json` beside this file lists each one's
//! id, Swedish name, scenario link and source. Loading parses every link with
//! the same rules as a link typed in the address bar and refuses a preset list
//! whose links do not apply cleanly, so a preset can never silently differ from
//! what its source says.

use crate::model::data::Dataset;
use crate::model::fragment;
use crate::model::scenario::Scenario;
use serde::Deserialize;
use thiserror::Error;

/// The JSON text of SFV's presets: their source. The app embeds them as
/// values generated from it (see `build.rs`).
pub const SFV_PRESETS_JSON: &str = include_str!("presets.json");

/// A preset as written in `presets.json`, embedded at compile time.
#[derive(Debug, Clone, Copy)]
pub struct PresetSpec {
    pub id: &'static str,
    pub name: &'static str,
    pub fragment: &'static str,
    pub source_id: &'static str,
    pub source: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/presets.rs"));

#[derive(Debug, Clone, Deserialize)]
struct PresetEntry {
    id: String,
    name: String,
    fragment: String,
    source_id: String,
    source: String,
}

#[derive(Debug, Clone, Deserialize)]
struct PresetFile {
    presets: Vec<PresetEntry>,
}

/// A proposal to start from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preset {
    pub id: String,
    /// As shown on its button.
    pub name: String,
    /// Where the proposal comes from, in words (shown on hover and focus).
    pub source: String,
    /// The scenario link it stands for (without `#`).
    pub fragment: String,
    pub scenario: Scenario,
}

/// What can be wrong with a preset list.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PresetError {
    #[error("the preset list is not valid JSON: {0}")]
    Json(String),
    #[error("preset `{0}` occurs more than once")]
    DuplicateId(String),
    #[error("preset `{id}` names source `{source_id}`, which the data set does not list")]
    UnknownSource { id: String, source_id: String },
    #[error("preset `{id}`: its link does not apply cleanly: {problems}")]
    BadLink { id: String, problems: String },
}

/// Parses and validates a preset list (JSON) against a data set.
pub fn load(data: &Dataset, json: &str) -> Result<Vec<Preset>, PresetError> {
    let file: PresetFile =
        serde_json::from_str(json).map_err(|e| PresetError::Json(e.to_string()))?;
    validate(data, file.presets)
}

/// Checks each preset against the data set and reads its link.
fn validate(data: &Dataset, entries: Vec<PresetEntry>) -> Result<Vec<Preset>, PresetError> {
    let mut presets: Vec<Preset> = Vec::with_capacity(entries.len());
    for entry in entries {
        if presets.iter().any(|p| p.id == entry.id) {
            return Err(PresetError::DuplicateId(entry.id));
        }
        if !data.sources.iter().any(|s| s.id == entry.source_id) {
            return Err(PresetError::UnknownSource {
                id: entry.id,
                source_id: entry.source_id,
            });
        }
        let (scenario, ignored) = fragment::parse(data, &entry.fragment);
        if !ignored.is_empty() {
            let problems: Vec<String> = ignored.iter().map(|i| i.message()).collect();
            return Err(PresetError::BadLink {
                id: entry.id,
                problems: problems.join(" "),
            });
        }
        presets.push(Preset {
            id: entry.id,
            name: entry.name,
            source: entry.source,
            fragment: entry.fragment,
            scenario,
        });
    }
    Ok(presets)
}

/// SFV's presets (embedded from `presets.json`) for its default data set.
pub fn sfv_presets(data: &Dataset) -> Result<Vec<Preset>, PresetError> {
    let entries = SFV_PRESETS
        .iter()
        .map(|p| PresetEntry {
            id: p.id.to_owned(),
            name: p.name.to_owned(),
            fragment: p.fragment.to_owned(),
            source_id: p.source_id.to_owned(),
            source: p.source.to_owned(),
        })
        .collect();
    validate(data, entries)
}

/// The preset whose scenario the given one equals, if any.
pub fn matching<'a>(presets: &'a [Preset], scenario: &Scenario) -> Option<&'a Preset> {
    presets.iter().find(|p| p.scenario == *scenario)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_presets_equal_the_json() {
        let data = Dataset::sfv_default().unwrap();
        assert_eq!(
            sfv_presets(&data).unwrap(),
            load(&data, SFV_PRESETS_JSON).unwrap()
        );
    }

    #[test]
    fn a_preset_with_a_broken_link_is_refused() {
        let data = Dataset::sfv_default().unwrap();
        let json = r#"{"presets":[{"id":"x","name":"X","fragment":"f2026=180","source_id":"vp2024","source":"s"}]}"#;
        assert!(matches!(
            load(&data, json),
            Err(PresetError::BadLink { .. })
        ));
        let json =
            r#"{"presets":[{"id":"x","name":"X","fragment":"","source_id":"nope","source":"s"}]}"#;
        assert!(matches!(
            load(&data, json),
            Err(PresetError::UnknownSource { .. })
        ));
    }
}
