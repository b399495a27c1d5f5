//! The person's own data sets, as kept in the browser's storage: the stored
//! format, how it is read, and what each action on the data sets does.
//!
//! The stored document and the export file of one or more data sets are
//! the same JSON format (version 1): `{"format":
//! "budgetsimulatorn-dataunderlag", "version": 1, "datasets": [{"changed",
//! "dataset": {…}}], "deleted": [{"id", "at"}]}`, each `dataset` a data set
//! as `core::dataset` (de)serialises it. Reading is strict, like the saved
//! scenarios' (`state::library`): the envelope first, a newer version is
//! refused, and every data set must pass all its checks; the first problem
//! is said in Swedish with the data set's place and name and, through
//! `state::explain`, the line, the column and what is wrong. It reads
//! through [`DocumentSource`], so the page uses the browser's `JSON.parse`
//! and the tests serde_json.
//!
//! Two tabs share one stored document. A data set's id never changes (a
//! rename changes its name, a copy gets a new id) and it is what scenarios
//! name, so the id is the merge key: of two versions the newer `changed`
//! (ms) wins, and a deletion leaves a tombstone that wins over a version
//! changed before it ([`Datasets::merge`], as `Library::merge` does for
//! scenarios).

use crate::core::validate::MAX_ID_CHARS;
use crate::core::Dataset;
use crate::state::document::{at, DocumentSource, ParseError, Scalar};
use crate::state::explain::sentence;
use crate::state::library::{clean_name, unique_name, MAX_NAME_CHARS};
use crate::state::merge::{self, Grave, Stamped};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The localStorage key of the person's data sets.
pub const STORAGE_KEY: &str = "budgetsimulatorn.dataunderlag";
/// What the `format` field of a document says.
pub const FORMAT_NAME: &str = "budgetsimulatorn-dataunderlag";
/// The version this release writes.
pub const FORMAT_VERSION: u64 = 1;
/// The largest file or stored text read.
pub const MAX_DOCUMENT_BYTES: u64 = 4_000_000;
/// The most data sets a document may hold.
pub const MAX_DATASETS: usize = 50;

/// One stored data set and when it last changed (ms since 1970).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    #[serde(default, skip_serializing_if = "is_zero")]
    pub changed: u64,
    pub dataset: Dataset,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// A deletion remembered for merging.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    pub id: String,
    pub at: u64,
}

impl Stamped for Entry {
    fn key(&self) -> &str {
        &self.dataset.id
    }
    fn changed(&self) -> u64 {
        self.changed
    }
}

impl Grave for Tombstone {
    fn key(&self) -> &str {
        &self.id
    }
    fn at(&self) -> u64 {
        self.at
    }
    fn set_at(&mut self, at: u64) {
        self.at = at;
    }
}

/// The stored document, version 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentV1 {
    pub format: String,
    pub version: u64,
    pub datasets: Vec<Entry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<Tombstone>,
}

/// The person's data sets, in the order they were added.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Datasets {
    pub entries: Vec<Entry>,
    pub deleted: Vec<Tombstone>,
}

/// Why a document could not be read or an action not done. The `Display`
/// text is the Swedish message the page shows.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DatasetsError {
    #[error("Filen är för stor ({kilobytes} kB). En fil med dataunderlag är högst 4 000 kB.")]
    TooLarge { kilobytes: u64 },
    #[error("Innehållet är inte ett dataunderlag från Budgetsimulatorn: filen går inte att läsa som JSON{}. En budget i CSV eller Excel läser du in med ”Importera budget (CSV eller Excel)”.", at(.position))]
    NotJson { position: Option<(usize, usize)> },
    #[error("Innehållet är inte dataunderlag från Budgetsimulatorn (fältet ”format” saknas eller är fel).")]
    WrongFormat,
    #[error("Innehållet saknar ett giltigt versionsnummer.")]
    NoVersion,
    #[error("Innehållet är skapat av en nyare version av Budgetsimulatorn (format {found}); den här versionen läser format {FORMAT_VERSION}.")]
    FutureVersion { found: u64 },
    #[error("Innehållet har en okänd formatversion ({found}).")]
    UnknownVersion { found: u64 },
    #[error("Innehållet har fel struktur{}: ett fält saknas eller har fel typ (ett belopp, en kategori eller ett kolumnslag).", at(.position))]
    BadStructure { position: Option<(usize, usize)> },
    #[error("Innehållet har {count} dataunderlag; högst {MAX_DATASETS} kan läsas.")]
    TooMany { count: usize },
    #[error("Filen innehåller inga dataunderlag.")]
    NoDatasets,
    #[error("Dataunderlag {position} saknar namn.")]
    EmptyName { position: usize },
    #[error("Dataunderlag {position} har ett namn som är längre än {MAX_NAME_CHARS} tecken.")]
    NameTooLong { position: usize },
    #[error("Dataunderlag {position} (”{name}”) har id ”{id}”, som ett tidigare dataunderlag redan har.")]
    DuplicateId {
        position: usize,
        name: String,
        id: String,
    },
    #[error("Dataunderlag {position} (”{name}”): {problem}")]
    BadDataset {
        position: usize,
        name: String,
        problem: String,
    },
    #[error("Dataunderlaget ”{id}” finns inte längre.")]
    NotFound { id: String },
}

impl From<ParseError> for DatasetsError {
    fn from(error: ParseError) -> Self {
        match error {
            ParseError::NotJson(position) => DatasetsError::NotJson { position },
            ParseError::NotAnObject => DatasetsError::WrongFormat,
            ParseError::Structure(position) => DatasetsError::BadStructure { position },
        }
    }
}

/// Checks a document's size before anything is read from it.
pub fn check_document_size(bytes: u64) -> Result<(), DatasetsError> {
    if bytes > MAX_DOCUMENT_BYTES {
        Err(DatasetsError::TooLarge {
            kilobytes: bytes.div_ceil(1000),
        })
    } else {
        Ok(())
    }
}

/// The checks of one data set at `position` (1-based): its name, and
/// every problem of `Dataset::problems`, the first one said.
pub fn check(position: usize, data: &Dataset) -> Result<(), DatasetsError> {
    let name = data.name.trim().to_owned();
    if name.is_empty() {
        return Err(DatasetsError::EmptyName { position });
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(DatasetsError::NameTooLong { position });
    }
    let problems = data.problems();
    let Some(first) = problems.first() else {
        return Ok(());
    };
    let mut problem = sentence(data, first);
    if problems.len() > 1 {
        problem.push_str(&format!(" (Och {} problem till.)", problems.len() - 1));
    }
    Err(DatasetsError::BadDataset {
        position,
        name,
        problem,
    })
}

/// Reads a document (stored text or an imported file): its envelope, its
/// version, then every data set with all its checks.
pub fn read_document(source: &impl DocumentSource) -> Result<Datasets, DatasetsError> {
    let envelope = source.envelope()?;
    if envelope.format != Some(Scalar::Text(FORMAT_NAME.to_owned())) {
        return Err(DatasetsError::WrongFormat);
    }
    let Some(Scalar::Number(version)) = envelope.version else {
        return Err(DatasetsError::NoVersion);
    };
    let doc = match version {
        1 => source.read::<DocumentV1>()?,
        v if v > FORMAT_VERSION => return Err(DatasetsError::FutureVersion { found: v }),
        v => return Err(DatasetsError::UnknownVersion { found: v }),
    };
    if doc.datasets.len() > MAX_DATASETS {
        return Err(DatasetsError::TooMany {
            count: doc.datasets.len(),
        });
    }
    for (i, entry) in doc.datasets.iter().enumerate() {
        let data = &entry.dataset;
        check(i + 1, data)?;
        if doc.datasets[..i].iter().any(|e| e.dataset.id == data.id) {
            return Err(DatasetsError::DuplicateId {
                position: i + 1,
                name: data.name.trim().to_owned(),
                id: data.id.clone(),
            });
        }
    }
    Ok(Datasets {
        entries: doc.datasets,
        deleted: doc.deleted,
    })
}

/// Reads an export file: a document with at least one data set.
pub fn read_file(source: &impl DocumentSource) -> Result<Datasets, DatasetsError> {
    let read = read_document(source)?;
    if read.entries.is_empty() {
        return Err(DatasetsError::NoDatasets);
    }
    Ok(read)
}

/// `wanted`, or it with the first free suffix (`-2`, `-3`, …) within
/// [`MAX_ID_CHARS`].
fn unique_id(taken: &dyn Fn(&str) -> bool, wanted: &str) -> String {
    if !taken(wanted) {
        return wanted.to_owned();
    }
    (2..)
        .map(|n| {
            let suffix = format!("-{n}");
            let stem: String = wanted.chars().take(MAX_ID_CHARS - suffix.len()).collect();
            format!("{stem}{suffix}")
        })
        .find(|candidate| !taken(candidate))
        .expect("some suffix is free")
}

/// What an imported data set became.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// Its id in the file.
    pub from: String,
    /// Its id here (the same unless taken).
    pub id: String,
    pub name: String,
    /// The same data set was already here: nothing was added.
    pub already: bool,
}

impl Datasets {
    pub fn get(&self, id: &str) -> Option<&Dataset> {
        self.entries.iter().map(|e| &e.dataset).find(|d| d.id == id)
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.dataset.id == id)
    }

    fn names_except(&self, id: &str) -> Vec<String> {
        let others = self.entries.iter().filter(|e| e.dataset.id != id);
        others.map(|e| e.dataset.name.clone()).collect()
    }

    /// Gives `data` an id and a name no other data set has (nor a built-in
    /// one, `reserved`), then adds it; returns its id.
    fn insert(&mut self, index: usize, mut data: Dataset, reserved: &[&str], ms: u64) -> String {
        let taken = |id: &str| reserved.contains(&id) || self.get(id).is_some();
        data.id = unique_id(&taken, &data.id);
        let names = self.names_except("");
        data.name = unique_name(names.iter().map(String::as_str), data.name.trim());
        let id = data.id.clone();
        self.deleted.retain(|t| t.id != id);
        let index = index.min(self.entries.len());
        self.entries.insert(
            index,
            Entry {
                changed: ms,
                dataset: data,
            },
        );
        id
    }

    /// Adds a data set (checked whole first); returns the id it got.
    pub fn add(
        &mut self,
        data: Dataset,
        reserved: &[&str],
        ms: u64,
    ) -> Result<String, DatasetsError> {
        check(self.entries.len() + 1, &data)?;
        Ok(self.insert(self.entries.len(), data, reserved, ms))
    }

    /// Renames a data set (the name cleaned and made unique among the
    /// others). Returns whether anything changed.
    pub fn rename(&mut self, id: &str, name: &str, ms: u64) -> bool {
        let Some(name) = clean_name(name) else {
            return false;
        };
        let others = self.names_except(id);
        let name = unique_name(others.iter().map(String::as_str), &name);
        let Some(i) = self.position(id) else {
            return false;
        };
        let entry = &mut self.entries[i];
        if entry.dataset.name == name {
            return false;
        }
        entry.dataset.name = name;
        entry.changed = ms;
        true
    }

    /// Adds a copy named `<name> (kopia)` with the id `<id>-kopia` (made
    /// unique); returns its id.
    pub fn duplicate(&mut self, id: &str, reserved: &[&str], ms: u64) -> Option<String> {
        let mut copy = self.get(id)?.clone();
        let stem: String = copy
            .id
            .chars()
            .take(MAX_ID_CHARS - "-kopia".len())
            .collect();
        copy.id = format!("{stem}-kopia");
        copy.name = format!("{} (kopia)", copy.name);
        let index = self.position(id).map_or(self.entries.len(), |i| i + 1);
        Some(self.insert(index, copy, reserved, ms))
    }

    /// Removes a data set, leaving a tombstone; returns it with its place,
    /// for undo. (Scenarios of it are kept: it may come back.)
    pub fn remove(&mut self, id: &str, ms: u64) -> Option<(usize, Entry)> {
        let index = self.position(id)?;
        let entry = self.entries.remove(index);
        self.deleted.retain(|t| t.id != id);
        self.deleted.push(Tombstone {
            id: id.to_owned(),
            at: ms,
        });
        Some((index, entry))
    }

    /// Puts a removed data set back where it was (id and name made unique
    /// again if taken meanwhile); it counts as changed now, so it outlives
    /// its tombstone. Returns its id.
    pub fn restore(&mut self, index: usize, entry: Entry, reserved: &[&str], ms: u64) -> String {
        self.insert(index, entry.dataset, reserved, ms)
    }

    /// Replaces a data set by its edited version (same id), checked whole.
    pub fn replace(&mut self, data: Dataset, ms: u64) -> Result<(), DatasetsError> {
        let index = self
            .position(&data.id)
            .ok_or_else(|| DatasetsError::NotFound {
                id: data.id.clone(),
            })?;
        check(index + 1, &data)?;
        let mut data = data;
        let others = self.names_except(&data.id);
        data.name = unique_name(others.iter().map(String::as_str), data.name.trim());
        self.entries[index] = Entry {
            changed: ms,
            dataset: data,
        };
        Ok(())
    }

    /// Adds the data sets of an imported file: one already here unchanged
    /// is not added again; others get a free id and name.
    pub fn import(&mut self, read: Datasets, reserved: &[&str], ms: u64) -> Vec<Imported> {
        read.entries
            .into_iter()
            .map(|entry| {
                let from = entry.dataset.id.clone();
                if self.get(&from) == Some(&entry.dataset) {
                    let name = entry.dataset.name.clone();
                    return Imported {
                        id: from.clone(),
                        from,
                        name,
                        already: true,
                    };
                }
                let id = self.insert(self.entries.len(), entry.dataset, reserved, ms);
                let name = self.get(&id).map(|d| d.name.clone()).unwrap_or_default();
                Imported {
                    from,
                    id,
                    name,
                    already: false,
                }
            })
            .collect()
    }

    /// Takes in what another tab stored: of two versions of a data set the
    /// newer wins, a deletion wins over a version changed before it, and
    /// data sets only one side has are kept. Returns whether this changed.
    pub fn merge(&mut self, other: &Datasets) -> bool {
        let before = self.clone();
        merge::merge(
            &mut self.entries,
            &mut self.deleted,
            &other.entries,
            &other.deleted,
        );
        *self != before
    }

    /// The document for storage.
    pub fn document(&self) -> DocumentV1 {
        DocumentV1 {
            format: FORMAT_NAME.to_owned(),
            version: FORMAT_VERSION,
            datasets: self.entries.clone(),
            deleted: self.deleted.clone(),
        }
    }

    /// The export file of some of the data sets (no tombstones, no times).
    pub fn export(&self, ids: &[&str]) -> DocumentV1 {
        let chosen = self
            .entries
            .iter()
            .filter(|e| ids.contains(&e.dataset.id.as_str()));
        DocumentV1 {
            format: FORMAT_NAME.to_owned(),
            version: FORMAT_VERSION,
            datasets: chosen
                .map(|e| Entry {
                    changed: 0,
                    dataset: e.dataset.clone(),
                })
                .collect(),
            deleted: Vec::new(),
        }
    }
}
