//! Saved scenarios: the library kept in the browser's storage, its stored
//! format, the import of a scenario file, and the one-line summary shown in
//! the list.
//!
//! The stored document and the export file are the same JSON format:
//! `{"format": "budgetsimulatorn-scenarier", "version": 1, "scenarios":
//! [{"name", "saved", "link"}]}`, where `link` is the scenario's link (the
//! address fragment without `#`). Storing the link means a saved scenario is
//! read with exactly the rules of a link: one parser, one set of ranges.
//! Reading is strict where the address is lenient: a file with any entry out
//! of range is refused whole with a message that names it, because an import
//! that silently drops a setting would change a proposal.
//!
//! Every version of the format is read by [`read_document_from`], which migrates
//! older versions to the current one; a newer version is refused, never
//! guessed at, so data from a later release is kept rather than overwritten.

use crate::model::data::Dataset;
use crate::model::format::{kronor_kr, percent_input};
use crate::model::fragment;
use crate::model::scenario::{PlanYear, Scenario};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The localStorage key of the library.
pub const STORAGE_KEY: &str = "budgetsimulatorn.scenarier";
/// Unreadable stored text is kept under this key (plus a time stamp).
pub const BACKUP_KEY_PREFIX: &str = "budgetsimulatorn.oläsbart.";
/// What the `format` field of a document says.
pub const FORMAT_NAME: &str = "budgetsimulatorn-scenarier";
/// The version this release writes.
pub const FORMAT_VERSION: u64 = 1;
/// The largest file or stored text read (a library of hundreds of scenarios
/// is a few tens of kilobytes).
pub const MAX_DOCUMENT_BYTES: u64 = 1_000_000;
/// The most scenarios a document may hold.
pub const MAX_SCENARIOS: usize = 500;
/// The longest name, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// A saved scenario's id, unique within one page's library.
pub type SavedId = u32;

/// One saved scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedScenario {
    pub id: SavedId,
    pub name: String,
    /// Local time of the last save, `YYYY-MM-DDTHH:MM`, as the browser gave it.
    pub saved: String,
    pub scenario: Scenario,
}

impl SavedScenario {
    /// The time of the last save as shown: `2026-11-23 10:15`.
    pub fn saved_text(&self) -> String {
        self.saved.replacen('T', " ", 1)
    }
}

/// A scenario as read from a document, before it has an id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadScenario {
    pub name: String,
    pub saved: String,
    pub scenario: Scenario,
}

/// The saved scenarios, in the order they were saved.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Library {
    pub scenarios: Vec<SavedScenario>,
    next_id: SavedId,
}

/// Why a document could not be read. The `Display` text is the Swedish
/// message the page shows.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LibraryError {
    #[error("Filen är för stor ({kilobytes} kB). En scenariofil är högst 1 000 kB.")]
    TooLarge { kilobytes: u64 },
    #[error("Innehållet är inte giltig JSON{}.", at(.position))]
    NotJson { position: Option<(usize, usize)> },
    #[error("Innehållet är inte en scenariofil från Budgetsimulatorn (fältet ”format” saknas eller är fel).")]
    WrongFormat,
    #[error("Innehållet saknar ett giltigt versionsnummer.")]
    NoVersion,
    #[error("Innehållet är skapat av en nyare version av Budgetsimulatorn (format {found}); den här versionen läser format {FORMAT_VERSION}.")]
    FutureVersion { found: u64 },
    #[error("Innehållet har en okänd formatversion ({found}).")]
    UnknownVersion { found: u64 },
    #[error("Innehållet har fel struktur{}: ett fält saknas eller har fel typ.", at(.position))]
    BadStructure { position: Option<(usize, usize)> },
    #[error("Innehållet har {count} scenarier; högst {MAX_SCENARIOS} kan läsas.")]
    TooMany { count: usize },
    #[error("Scenario {position} saknar namn.")]
    EmptyName { position: usize },
    #[error("Scenario {position} har ett namn som är längre än {MAX_NAME_CHARS} tecken.")]
    NameTooLong { position: usize },
    #[error("Scenario {position} (”{name}”) har ett ogiltigt datum.")]
    BadDate { position: usize, name: String },
    #[error("Scenario {position} (”{name}”) har värden som inte kan användas: {problems}")]
    BadScenario {
        position: usize,
        name: String,
        problems: String,
    },
}

/// Where in a text a problem is, when the reader knows: ` (rad 1, kolumn 8)`.
fn at(position: &Option<(usize, usize)>) -> String {
    position
        .map(|(line, column)| format!(" (rad {line}, kolumn {column})"))
        .unwrap_or_default()
}

/// One scenario as stored in format version 1.
#[derive(Debug, Serialize, Deserialize)]
pub struct StoredScenarioV1 {
    pub name: String,
    pub saved: String,
    pub link: String,
}

/// The document in format version 1.
#[derive(Debug, Serialize, Deserialize)]
pub struct DocumentV1 {
    pub format: String,
    pub version: u64,
    pub scenarios: Vec<StoredScenarioV1>,
}

/// The fields every version of the document has.
#[derive(Debug, Deserialize)]
pub struct Envelope {
    #[serde(default)]
    pub format: Option<Scalar>,
    #[serde(default)]
    pub version: Option<Scalar>,
}

/// Where a document's parts are read from. Natively the JSON text is read
/// with serde_json ([`JsonText`]); the app reads what the browser's own
/// `JSON.parse` made of it, so its bundle carries no JSON parser. Either way
/// [`read_document_from`] decides what the parts mean.
pub trait DocumentSource {
    /// The envelope shared by every version; `WrongFormat` if the content is
    /// not an object.
    fn envelope(&self) -> Result<Envelope, LibraryError>;
    /// The whole content read as format version 1.
    fn version_1(&self) -> Result<DocumentV1, LibraryError>;
}

/// A document's JSON text, read with serde_json.
pub struct JsonText<'a>(pub &'a str);

impl DocumentSource for JsonText<'_> {
    fn envelope(&self) -> Result<Envelope, LibraryError> {
        serde_json::from_str::<serde::de::IgnoredAny>(self.0).map_err(|e| {
            LibraryError::NotJson {
                position: Some((e.line(), e.column())),
            }
        })?;
        // Only an object is a document (serde would also read a struct from an array).
        if !self.0.trim_start().starts_with('{') {
            return Err(LibraryError::WrongFormat);
        }
        serde_json::from_str(self.0).map_err(|_| LibraryError::WrongFormat)
    }

    fn version_1(&self) -> Result<DocumentV1, LibraryError> {
        serde_json::from_str(self.0).map_err(|e| LibraryError::BadStructure {
            position: Some((e.line(), e.column())),
        })
    }
}

/// A JSON value as far as the envelope cares: text, a whole number, or
/// anything else (skipped).
#[derive(Debug, PartialEq, Eq)]
pub enum Scalar {
    Text(String),
    Number(u64),
    Other,
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ScalarVisitor;
        impl<'de> serde::de::Visitor<'de> for ScalarVisitor {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar::Text(v.to_owned()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar::Number(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Scalar, E> {
                Ok(u64::try_from(v).map_or(Scalar::Other, Scalar::Number))
            }
            // A reader that holds every number as a float (the browser's)
            // gives whole numbers here too.
            fn visit_f64<E>(self, v: f64) -> Result<Scalar, E> {
                let whole = v >= 0.0 && v.fract() == 0.0 && v < 9.0e15;
                Ok(if whole {
                    Scalar::Number(v as u64)
                } else {
                    Scalar::Other
                })
            }
            fn visit_bool<E>(self, _: bool) -> Result<Scalar, E> {
                Ok(Scalar::Other)
            }
            fn visit_unit<E>(self) -> Result<Scalar, E> {
                Ok(Scalar::Other)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Scalar, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Scalar::Other)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Scalar, A::Error> {
                while map
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(Scalar::Other)
            }
        }
        deserializer.deserialize_any(ScalarVisitor)
    }
}

/// Whether a saved-at text is a plausible `YYYY-MM-DDTHH:MM` time stamp.
fn is_timestamp(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 16
        && bytes.iter().enumerate().all(|(i, &b)| match i {
            4 | 7 => b == b'-',
            10 => b == b'T',
            13 => b == b':',
            _ => b.is_ascii_digit(),
        })
}

/// Checks a document's size before anything is read from it.
pub fn check_document_size(bytes: u64) -> Result<(), LibraryError> {
    if bytes > MAX_DOCUMENT_BYTES {
        Err(LibraryError::TooLarge {
            kilobytes: bytes.div_ceil(1000),
        })
    } else {
        Ok(())
    }
}

/// Reads a document's JSON text (natively; the app uses
/// [`read_document_from`] with the browser's parser).
pub fn read_document(data: &Dataset, text: &str) -> Result<Vec<ReadScenario>, LibraryError> {
    check_document_size(text.len() as u64)?;
    read_document_from(data, &JsonText(text))
}

/// Reads a document (stored text or an imported file), migrating older
/// versions, validating every scenario with the link's rules.
pub fn read_document_from(
    data: &Dataset,
    source: &impl DocumentSource,
) -> Result<Vec<ReadScenario>, LibraryError> {
    // First the envelope, which every version shares: its version decides how
    // the rest is read.
    let envelope = source.envelope()?;
    if envelope.format != Some(Scalar::Text(FORMAT_NAME.to_owned())) {
        return Err(LibraryError::WrongFormat);
    }
    let Some(Scalar::Number(version)) = envelope.version else {
        return Err(LibraryError::NoVersion);
    };
    // The migration path: each older version is turned into the current one
    // here. Version 1 is the first and current, so it is read as it is.
    let document: DocumentV1 = match version {
        1 => source.version_1()?,
        v if v > FORMAT_VERSION => return Err(LibraryError::FutureVersion { found: v }),
        v => return Err(LibraryError::UnknownVersion { found: v }),
    };
    if document.scenarios.len() > MAX_SCENARIOS {
        return Err(LibraryError::TooMany {
            count: document.scenarios.len(),
        });
    }
    document
        .scenarios
        .into_iter()
        .enumerate()
        .map(|(i, stored)| {
            let position = i + 1;
            let name = stored.name.trim().to_owned();
            if name.is_empty() {
                return Err(LibraryError::EmptyName { position });
            }
            if name.chars().count() > MAX_NAME_CHARS {
                return Err(LibraryError::NameTooLong { position });
            }
            if !is_timestamp(&stored.saved) {
                return Err(LibraryError::BadDate { position, name });
            }
            let (scenario, ignored) = fragment::parse(data, &stored.link);
            if !ignored.is_empty() {
                let problems: Vec<String> = ignored.iter().map(|i| i.message()).collect();
                return Err(LibraryError::BadScenario {
                    position,
                    name,
                    problems: problems.join(" "),
                });
            }
            Ok(ReadScenario {
                name,
                saved: stored.saved,
                scenario,
            })
        })
        .collect()
}

/// The name to give a scenario so that it differs from every name in use:
/// the wanted name, or it with the first free suffix ` (2)`, ` (3)`, ….
pub fn unique_name<'a>(taken: impl Iterator<Item = &'a str> + Clone, wanted: &str) -> String {
    let is_taken = |candidate: &str| taken.clone().any(|t| t == candidate);
    if !is_taken(wanted) {
        return wanted.to_owned();
    }
    (2..)
        .map(|n| format!("{wanted} ({n})"))
        .find(|candidate| !is_taken(candidate))
        .expect("some suffix is free")
}

/// Cleans a name a person typed: trimmed, inner runs of white space as one
/// space, at most [`MAX_NAME_CHARS`] characters. `None` when nothing is left.
pub fn clean_name(typed: &str) -> Option<String> {
    let joined = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    let name: String = joined.chars().take(MAX_NAME_CHARS).collect();
    (!name.is_empty()).then_some(name)
}

impl Library {
    /// A library holding the scenarios read from a document.
    pub fn from_read(read: Vec<ReadScenario>) -> Self {
        let mut library = Library::default();
        for r in read {
            library.push(r.name, r.saved, r.scenario);
        }
        library
    }

    /// A library holding the scenarios read from a document under the ids
    /// they had (the page's library, handed to the on-demand panel). Missing
    /// ids are numbered on from the largest.
    pub fn with_ids(read: Vec<ReadScenario>, ids: &[SavedId]) -> Self {
        let mut library = Library {
            scenarios: Vec::new(),
            next_id: ids.iter().max().map_or(0, |m| m + 1),
        };
        for (index, r) in read.into_iter().enumerate() {
            let id = ids.get(index).copied().unwrap_or_else(|| {
                library.next_id += 1;
                library.next_id - 1
            });
            library.scenarios.push(SavedScenario {
                id,
                name: r.name,
                saved: r.saved,
                scenario: r.scenario,
            });
        }
        library
    }

    fn push(&mut self, name: String, saved: String, scenario: Scenario) -> SavedId {
        let id = self.next_id;
        self.next_id += 1;
        self.scenarios.push(SavedScenario {
            id,
            name,
            saved,
            scenario,
        });
        id
    }

    fn names(&self) -> impl Iterator<Item = &str> + Clone {
        self.scenarios.iter().map(|s| s.name.as_str())
    }

    pub fn get(&self, id: SavedId) -> Option<&SavedScenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    fn get_mut(&mut self, id: SavedId) -> Option<&mut SavedScenario> {
        self.scenarios.iter_mut().find(|s| s.id == id)
    }

    /// Saves a scenario under a name (made unique); returns its id.
    pub fn save(&mut self, name: &str, saved: &str, scenario: Scenario) -> SavedId {
        let name = unique_name(self.names(), name);
        self.push(name, saved.to_owned(), scenario)
    }

    /// Replaces a saved scenario's content (autosave). Returns whether it changed.
    pub fn update(&mut self, id: SavedId, saved: &str, scenario: &Scenario) -> bool {
        match self.get_mut(id) {
            Some(entry) if entry.scenario != *scenario => {
                entry.scenario = scenario.clone();
                entry.saved = saved.to_owned();
                true
            }
            _ => false,
        }
    }

    /// Renames a saved scenario (made unique among the others).
    pub fn rename(&mut self, id: SavedId, name: &str) -> bool {
        let others: Vec<String> = self
            .scenarios
            .iter()
            .filter(|s| s.id != id)
            .map(|s| s.name.clone())
            .collect();
        let name = unique_name(others.iter().map(String::as_str), name);
        match self.get_mut(id) {
            Some(entry) if entry.name != name => {
                entry.name = name;
                true
            }
            _ => false,
        }
    }

    /// Saves a copy named "<name> (kopia)"; returns its id.
    pub fn duplicate(&mut self, id: SavedId, saved: &str) -> Option<SavedId> {
        let original = self.get(id)?.clone();
        Some(self.save(
            &format!("{} (kopia)", original.name),
            saved,
            original.scenario,
        ))
    }

    /// Removes a saved scenario; returns it with its place, for undo.
    pub fn remove(&mut self, id: SavedId) -> Option<(usize, SavedScenario)> {
        let index = self.scenarios.iter().position(|s| s.id == id)?;
        Some((index, self.scenarios.remove(index)))
    }

    /// Puts a removed scenario back where it was (its name made unique again).
    pub fn restore(&mut self, index: usize, mut entry: SavedScenario) {
        entry.name = unique_name(self.names(), &entry.name);
        let index = index.min(self.scenarios.len());
        self.scenarios.insert(index, entry);
    }

    /// Adds imported scenarios; names that exist get a suffix, nothing is
    /// overwritten. Returns the names they were added under.
    pub fn import(&mut self, read: Vec<ReadScenario>) -> Vec<String> {
        read.into_iter()
            .map(|r| {
                let id = self.save(&r.name, &r.saved, r.scenario);
                self.get(id).map(|s| s.name.clone()).unwrap_or_default()
            })
            .collect()
    }

    /// The document for storage or export.
    pub fn document(&self, data: &Dataset) -> DocumentV1 {
        DocumentV1 {
            format: FORMAT_NAME.to_owned(),
            version: FORMAT_VERSION,
            scenarios: self
                .scenarios
                .iter()
                .map(|s| StoredScenarioV1 {
                    name: s.name.clone(),
                    saved: s.saved.clone(),
                    link: fragment::serialize(data, &s.scenario),
                })
                .collect(),
        }
    }

    /// The document's JSON text (pretty-printed: people open it). The page
    /// writes the same text with the browser's `JSON.stringify` instead
    /// (`view::platform::document_text`), which keeps serde_json out of what
    /// it loads at start.
    pub fn to_document(&self, data: &Dataset) -> String {
        serde_json::to_string_pretty(&self.document(data)).expect("plain data serialises")
    }
}

/// Years as a Swedish range: `2026`, `2026–27`, `2025–27`; separate years
/// with a comma.
fn years_text(years: &[u16]) -> String {
    let mut groups: Vec<(u16, u16)> = Vec::new();
    for &y in years {
        match groups.last_mut() {
            Some((_, end)) if *end + 1 == y => *end = y,
            _ => groups.push((y, y)),
        }
    }
    groups
        .iter()
        .map(|&(start, end)| {
            if start == end {
                start.to_string()
            } else {
                format!("{start}–{:02}", end % 100)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Groups plan years by a value, in year order: `[(value, years)]`.
fn by_value<V: PartialEq + Copy>(values: impl Iterator<Item = (u16, V)>) -> Vec<(V, Vec<u16>)> {
    let mut groups: Vec<(V, Vec<u16>)> = Vec::new();
    for (year, value) in values {
        match groups.iter_mut().find(|(v, _)| *v == value) {
            Some((_, years)) => years.push(year),
            None => groups.push((value, vec![year])),
        }
    }
    groups
}

/// A one-line summary of how a scenario differs from the defaults, e.g.
/// `80 % 2026–27, individ 70 % 2027`.
pub fn summary(data: &Dataset, scenario: &Scenario) -> String {
    let defaults = Scenario::defaults(data);
    let mut parts: Vec<String> = Vec::new();
    let lowered = by_value(
        PlanYear::ALL
            .into_iter()
            .filter(|y| scenario.funding[y.index()] != defaults.funding[y.index()])
            .map(|y| (y.number(), scenario.funding[y.index()])),
    );
    for (level, years) in lowered {
        parts.push(format!(
            "{}\u{a0}% {}",
            percent_input(level),
            years_text(&years)
        ));
    }
    let overrides: usize = scenario.funding_override.iter().map(|m| m.len()).sum();
    if overrides > 0 {
        parts.push(format!("{overrides} egna teamnivåer"));
    }
    let shares = by_value(
        PlanYear::ALL
            .into_iter()
            .filter_map(|y| scenario.individ_share[y.index()].map(|s| (y.number(), s))),
    );
    for (share, years) in shares {
        parts.push(format!(
            "individ {}\u{a0}% {}",
            percent_input(share),
            years_text(&years)
        ));
    }
    if scenario.basis != defaults.basis {
        parts.push(format!("2025 enligt {}", scenario.basis.key()));
    }
    if scenario.cost_growth != defaults.cost_growth {
        parts.push(format!(
            "kostnadsökning {}\u{a0}%",
            percent_input(scenario.cost_growth)
        ));
    }
    let revenue_changed = [PlanYear::Y2026, PlanYear::Y2027]
        .into_iter()
        .filter(|&y| scenario.revenue(data, y) != defaults.revenue(data, y))
        .map(|y| y.number())
        .collect::<Vec<_>>();
    if !revenue_changed.is_empty() {
        parts.push(format!("ändrade medel {}", years_text(&revenue_changed)));
    }
    if scenario.opening_equity != defaults.opening_equity {
        parts.push(format!(
            "ingående eget kapital {}",
            kronor_kr(scenario.opening_equity)
        ));
    }
    if scenario.equity_guideline != defaults.equity_guideline {
        parts.push(format!(
            "riktvärde {}\u{a0}%",
            percent_input(scenario.equity_guideline)
        ));
    }
    if parts.is_empty() {
        "Full finansiering, fördelning som budgeterat".to_owned()
    } else {
        parts.join(", ")
    }
}
