//! Saved scenarios: the library kept in the browser's storage, its stored
//! format and its migration, and what each library action does.
//!
//! The stored document and the export file are the same JSON format
//! (version 2): `{"format": "budgetsimulatorn-scenarier", "version": 2,
//! "scenarios": [{"uid", "name", "saved", "changed", "dataset", "link",
//! "motivation", "versions": [{"saved", "link", "motivation"}]}], "deleted":
//! [{"uid", "at"}]}`. `link` is the scenario's link (the address fragment
//! without `#`), read with exactly the rules of a link; `dataset` names the
//! data set it belongs to; `versions` are its ten latest earlier versions,
//! newest first. Version 1 (name, saved, link; SFV's data set only) is
//! migrated on reading; a newer version is refused, never guessed at.
//!
//! Two tabs of the page share one stored library. Every entry has a uid and
//! the time it last changed (`changed`, ms), and deletions leave a tombstone,
//! so two libraries merge without losing either's work ([`Library::merge`]):
//! the newer of two versions of an entry wins, and a deletion wins over what
//! was changed before it.

use crate::core::Dataset;
use crate::state::document::{at, DocumentSource, ParseError, Scalar};
use crate::state::fragment;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The localStorage key of the library.
pub const STORAGE_KEY: &str = "budgetsimulatorn.scenarier";
/// Unreadable stored text is kept under this key (plus a time stamp).
pub const BACKUP_KEY_PREFIX: &str = "budgetsimulatorn.oläsbart.";
/// What the `format` field of a document says.
pub const FORMAT_NAME: &str = "budgetsimulatorn-scenarier";
/// The version this release writes.
pub const FORMAT_VERSION: u64 = 2;
/// The largest file or stored text read.
pub const MAX_DOCUMENT_BYTES: u64 = 2_000_000;
/// The most scenarios a document may hold.
pub const MAX_SCENARIOS: usize = 500;
/// The longest name, in characters.
pub const MAX_NAME_CHARS: usize = 80;
/// The longest motivation, in characters.
pub const MAX_MOTIVATION_CHARS: usize = 2000;
/// How many earlier versions each saved scenario keeps.
pub const MAX_VERSIONS: usize = 10;
/// The data set of every scenario saved before data sets could be chosen.
pub const VERSION_1_DATASET: &str = "sfv-2025";

/// An earlier version of a saved scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version {
    pub saved: String,
    pub link: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub motivation: String,
}

/// One saved scenario, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedScenario {
    pub uid: String,
    pub name: String,
    /// Local time of the last save, `YYYY-MM-DDTHH:MM`.
    pub saved: String,
    /// When it last changed, ms since 1970 (orders two tabs' changes).
    #[serde(default)]
    pub changed: u64,
    /// The id of the data set it belongs to.
    pub dataset: String,
    pub link: String,
    /// The board's reasons, in its own words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub motivation: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<Version>,
}

impl SavedScenario {
    /// The time of the last save as shown: `2026-11-23 10:15`.
    pub fn saved_text(&self) -> String {
        self.saved.replacen('T', " ", 1)
    }
}

/// A deletion remembered for merging.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    pub uid: String,
    pub at: u64,
}

/// The stored document, version 2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentV2 {
    pub format: String,
    pub version: u64,
    pub scenarios: Vec<SavedScenario>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<Tombstone>,
}

/// One scenario as stored in version 1.
#[derive(Debug, Deserialize)]
struct StoredV1 {
    name: String,
    saved: String,
    link: String,
}

#[derive(Debug, Deserialize)]
struct DocumentV1 {
    scenarios: Vec<StoredV1>,
}

/// The saved scenarios, in the order they were saved.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Library {
    pub scenarios: Vec<SavedScenario>,
    pub deleted: Vec<Tombstone>,
}

/// Why a document could not be read. The `Display` text is the Swedish
/// message the page shows.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LibraryError {
    #[error("Filen är för stor ({kilobytes} kB). En scenariofil är högst 2 000 kB.")]
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
    #[error("Scenario {position} (”{name}”) saknar id.")]
    NoUid { position: usize, name: String },
    #[error("Scenario {position} (”{name}”) har en motivering som är längre än {MAX_MOTIVATION_CHARS} tecken.")]
    MotivationTooLong { position: usize, name: String },
    #[error("Scenario {position} (”{name}”) har fler än {MAX_VERSIONS} tidigare versioner.")]
    TooManyVersions { position: usize, name: String },
    #[error("Scenario {position} (”{name}”) hör till dataunderlaget ”{dataset}”, som inte finns i den här webbläsaren. Importera dataunderlaget först.")]
    UnknownDataset {
        position: usize,
        name: String,
        dataset: String,
    },
    #[error("Scenario {position} (”{name}”) har värden som inte kan användas: {problems}")]
    BadScenario {
        position: usize,
        name: String,
        problems: String,
    },
}

impl From<ParseError> for LibraryError {
    fn from(error: ParseError) -> Self {
        match error {
            ParseError::NotJson(position) => LibraryError::NotJson { position },
            ParseError::NotAnObject => LibraryError::WrongFormat,
            ParseError::Structure(position) => LibraryError::BadStructure { position },
        }
    }
}

/// Whether a saved-at text is a plausible `YYYY-MM-DDTHH:MM` time stamp.
pub fn is_timestamp(text: &str) -> bool {
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

/// How strictly a document's data sets are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Datasets {
    /// The stored library: a scenario of a data set not known here is kept
    /// as it is (its data set may come back).
    KeepUnknown,
    /// An imported file: every scenario's data set must be known.
    RequireKnown,
}

/// Reads a document (stored text or an imported file), migrating older
/// versions, validating every scenario with the link's rules against its
/// data set (`dataset(id)`).
pub fn read_document<'a>(
    source: &impl DocumentSource,
    dataset: &dyn Fn(&str) -> Option<&'a Dataset>,
    datasets: Datasets,
) -> Result<Library, LibraryError> {
    let envelope = source.envelope()?;
    if envelope.format != Some(Scalar::Text(FORMAT_NAME.to_owned())) {
        return Err(LibraryError::WrongFormat);
    }
    let Some(Scalar::Number(version)) = envelope.version else {
        return Err(LibraryError::NoVersion);
    };
    let library = match version {
        1 => migrate_v1(source.read::<DocumentV1>()?),
        2 => {
            let doc = source.read::<DocumentV2>()?;
            Library {
                scenarios: doc.scenarios,
                deleted: doc.deleted,
            }
        }
        v if v > FORMAT_VERSION => return Err(LibraryError::FutureVersion { found: v }),
        v => return Err(LibraryError::UnknownVersion { found: v }),
    };
    if library.scenarios.len() > MAX_SCENARIOS {
        return Err(LibraryError::TooMany {
            count: library.scenarios.len(),
        });
    }
    for (i, entry) in library.scenarios.iter().enumerate() {
        check_entry(i + 1, entry, dataset, datasets)?;
    }
    Ok(library)
}

/// Version 1 knew one data set (SFV's) and no uids: each entry gets the uid
/// of its place, the same in every tab that migrates the same document.
fn migrate_v1(doc: DocumentV1) -> Library {
    Library {
        scenarios: doc
            .scenarios
            .into_iter()
            .enumerate()
            .map(|(i, s)| SavedScenario {
                uid: format!("v1-{}", i + 1),
                name: s.name.trim().to_owned(),
                saved: s.saved,
                changed: 0,
                dataset: VERSION_1_DATASET.to_owned(),
                link: s.link,
                motivation: String::new(),
                versions: Vec::new(),
            })
            .collect(),
        deleted: Vec::new(),
    }
}

fn check_entry<'a>(
    position: usize,
    entry: &SavedScenario,
    dataset: &dyn Fn(&str) -> Option<&'a Dataset>,
    datasets: Datasets,
) -> Result<(), LibraryError> {
    let name = entry.name.trim().to_owned();
    if name.is_empty() {
        return Err(LibraryError::EmptyName { position });
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(LibraryError::NameTooLong { position });
    }
    if entry.uid.trim().is_empty() {
        return Err(LibraryError::NoUid { position, name });
    }
    let dated = std::iter::once(&entry.saved).chain(entry.versions.iter().map(|v| &v.saved));
    if !dated.clone().all(|s| is_timestamp(s)) {
        return Err(LibraryError::BadDate { position, name });
    }
    let motivations =
        std::iter::once(&entry.motivation).chain(entry.versions.iter().map(|v| &v.motivation));
    if motivations
        .clone()
        .any(|m| m.chars().count() > MAX_MOTIVATION_CHARS)
    {
        return Err(LibraryError::MotivationTooLong { position, name });
    }
    if entry.versions.len() > MAX_VERSIONS {
        return Err(LibraryError::TooManyVersions { position, name });
    }
    let Some(data) = dataset(&entry.dataset) else {
        return match datasets {
            Datasets::KeepUnknown => Ok(()),
            Datasets::RequireKnown => Err(LibraryError::UnknownDataset {
                position,
                name,
                dataset: entry.dataset.clone(),
            }),
        };
    };
    let links = std::iter::once(&entry.link).chain(entry.versions.iter().map(|v| &v.link));
    for link in links {
        let (_, ignored) = fragment::parse(data, link);
        if !ignored.is_empty() {
            let problems: Vec<String> = ignored.iter().map(|i| i.message()).collect();
            return Err(LibraryError::BadScenario {
                position,
                name,
                problems: problems.join(" "),
            });
        }
    }
    Ok(())
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

/// When and by whom a change is made: the clock and a uid for a new entry,
/// from the browser's edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// Local time, `YYYY-MM-DDTHH:MM`.
    pub now: String,
    /// ms since 1970.
    pub ms: u64,
    /// A uid not used before (time and a per-tab random part).
    pub uid: String,
}

/// What a saved scenario holds besides its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content {
    pub dataset: String,
    pub link: String,
    pub motivation: String,
}
