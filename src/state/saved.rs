//! What each action on the saved scenarios does to the library, and how two
//! tabs' libraries merge. Pure: the clock and new uids come in a [`Stamp`].

use crate::state::library::{
    unique_name, Content, DocumentV2, Library, SavedScenario, Stamp, Tombstone, Version,
    FORMAT_NAME, FORMAT_VERSION, MAX_VERSIONS,
};
use crate::state::merge::{self, Grave, Stamped};

impl Stamped for SavedScenario {
    fn key(&self) -> &str {
        &self.uid
    }
    fn changed(&self) -> u64 {
        self.changed
    }
}

impl Grave for Tombstone {
    fn key(&self) -> &str {
        &self.uid
    }
    fn at(&self) -> u64 {
        self.at
    }
    fn set_at(&mut self, at: u64) {
        self.at = at;
    }
}

impl Library {
    fn names(&self) -> impl Iterator<Item = &str> + Clone {
        self.scenarios.iter().map(|s| s.name.as_str())
    }

    pub fn get(&self, uid: &str) -> Option<&SavedScenario> {
        self.scenarios.iter().find(|s| s.uid == uid)
    }

    fn get_mut(&mut self, uid: &str) -> Option<&mut SavedScenario> {
        self.scenarios.iter_mut().find(|s| s.uid == uid)
    }

    /// Saves a scenario under a name (made unique); returns its uid.
    pub fn save(&mut self, name: &str, stamp: &Stamp, content: Content) -> String {
        let name = unique_name(self.names(), name);
        self.scenarios.push(SavedScenario {
            uid: stamp.uid.clone(),
            name,
            saved: stamp.now.clone(),
            changed: stamp.ms,
            dataset: content.dataset,
            link: content.link,
            motivation: content.motivation,
            versions: Vec::new(),
        });
        stamp.uid.clone()
    }

    /// Replaces a saved scenario's content (autosave). With `new_version`,
    /// what it held is kept as its newest earlier version (at most
    /// [`MAX_VERSIONS`]); without, the change continues the latest step.
    /// Returns whether anything changed.
    pub fn update(
        &mut self,
        uid: &str,
        stamp: &Stamp,
        link: &str,
        motivation: &str,
        new_version: bool,
    ) -> bool {
        let Some(entry) = self.get_mut(uid) else {
            return false;
        };
        if entry.link == link && entry.motivation == motivation {
            return false;
        }
        if new_version {
            entry.versions.insert(
                0,
                Version {
                    saved: entry.saved.clone(),
                    link: std::mem::take(&mut entry.link),
                    motivation: std::mem::take(&mut entry.motivation),
                },
            );
            entry.versions.truncate(MAX_VERSIONS);
        }
        entry.link = link.to_owned();
        entry.motivation = motivation.to_owned();
        entry.saved = stamp.now.clone();
        entry.changed = stamp.ms;
        true
    }

    /// Makes an earlier version the saved scenario's content again; what it
    /// held becomes its newest earlier version, so nothing is lost.
    pub fn restore_version(&mut self, uid: &str, index: usize, stamp: &Stamp) -> Option<Version> {
        let entry = self.get_mut(uid)?;
        let version = entry.versions.get(index)?.clone();
        entry.versions.remove(index);
        let current = Version {
            saved: entry.saved.clone(),
            link: std::mem::replace(&mut entry.link, version.link.clone()),
            motivation: std::mem::replace(&mut entry.motivation, version.motivation.clone()),
        };
        entry.versions.insert(0, current);
        entry.versions.truncate(MAX_VERSIONS);
        entry.saved = stamp.now.clone();
        entry.changed = stamp.ms;
        Some(version)
    }

    /// Renames a saved scenario (made unique among the others).
    pub fn rename(&mut self, uid: &str, name: &str, stamp: &Stamp) -> bool {
        let others: Vec<String> = self
            .scenarios
            .iter()
            .filter(|s| s.uid != uid)
            .map(|s| s.name.clone())
            .collect();
        let name = unique_name(others.iter().map(String::as_str), name);
        match self.get_mut(uid) {
            Some(entry) if entry.name != name => {
                entry.name = name;
                entry.changed = stamp.ms;
                true
            }
            _ => false,
        }
    }

    /// Saves a copy named "<name> (kopia)"; returns its uid.
    pub fn duplicate(&mut self, uid: &str, stamp: &Stamp) -> Option<String> {
        let original = self.get(uid)?.clone();
        let content = Content {
            dataset: original.dataset,
            link: original.link,
            motivation: original.motivation,
        };
        Some(self.save(&format!("{} (kopia)", original.name), stamp, content))
    }

    /// Removes a saved scenario, leaving a tombstone; returns it with its
    /// place, for undo.
    pub fn remove(&mut self, uid: &str, stamp: &Stamp) -> Option<(usize, SavedScenario)> {
        let index = self.scenarios.iter().position(|s| s.uid == uid)?;
        let entry = self.scenarios.remove(index);
        self.deleted.retain(|t| t.uid != uid);
        self.deleted.push(Tombstone {
            uid: uid.to_owned(),
            at: stamp.ms,
        });
        Some((index, entry))
    }

    /// Puts a removed scenario back where it was (its name made unique
    /// again); it counts as changed now, so it outlives its tombstone.
    pub fn restore(&mut self, index: usize, mut entry: SavedScenario, stamp: &Stamp) {
        entry.name = unique_name(self.names(), &entry.name);
        entry.changed = stamp.ms;
        self.deleted.retain(|t| t.uid != entry.uid);
        let index = index.min(self.scenarios.len());
        self.scenarios.insert(index, entry);
    }

    /// Adds imported scenarios as new entries (fresh uids from `uid(n)`);
    /// names in use get a suffix, nothing is overwritten. Returns the names
    /// they were added under.
    pub fn import(&mut self, read: Library, stamp: &Stamp) -> Vec<String> {
        read.scenarios
            .into_iter()
            .enumerate()
            .map(|(n, mut entry)| {
                entry.uid = format!("{}-{n}", stamp.uid);
                entry.name = unique_name(self.names(), &entry.name);
                entry.changed = stamp.ms;
                let name = entry.name.clone();
                self.scenarios.push(entry);
                name
            })
            .collect()
    }

    /// Takes in what another tab stored: of two versions of an entry the
    /// newer wins, a deletion wins over an entry changed before it, and
    /// entries only one side has are kept. Returns whether this library
    /// changed.
    pub fn merge(&mut self, other: &Library) -> bool {
        let before = self.clone();
        merge::merge(
            &mut self.scenarios,
            &mut self.deleted,
            &other.scenarios,
            &other.deleted,
        );
        *self != before
    }

    /// The document for storage or export.
    pub fn document(&self) -> DocumentV2 {
        DocumentV2 {
            format: FORMAT_NAME.to_owned(),
            version: FORMAT_VERSION,
            scenarios: self.scenarios.clone(),
            deleted: self.deleted.clone(),
        }
    }
}
