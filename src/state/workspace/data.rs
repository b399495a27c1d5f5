//! The data sets' messages: which data set is in use (the built-in one, one
//! of the person's own, or one a link carried), new, copy, rename, delete
//! (and bring back), import, merge what another tab stored, and the
//! editor's changes.
//!
//! Switching the data set is a history step like any other change: the
//! scenario, the comparison and the presets are read again against the new
//! data set (a choice it has no place for is dropped), and undo brings the
//! data set back with them. An edit of one of the person's own data sets
//! is saved at once (and an undone edit too); the built-in one is never
//! changed, so editing it starts with a copy.

use super::first_year::moved_notice;
use super::{Msg, Notice, StepKey, Workspace};
use crate::core::Dataset;
use crate::state::comparison::Comparison;
use crate::state::datasets::Datasets;
use crate::state::edit::{edit, field_id, DataEdit};
use crate::state::fragment;
use crate::state::library::Stamp;
use crate::state::presets::{presets_for, PresetFile};
use std::rc::Rc;

impl Workspace {
    /// The workspace with the built-in data set, the person's data sets and
    /// the presets file, so the presets follow the data set in use. A data
    /// set in use that is neither (a link carried it) is said in a notice.
    pub fn with_catalog(
        mut self,
        builtin: Rc<Dataset>,
        preset_file: Rc<PresetFile>,
        datasets: Datasets,
    ) -> Self {
        self.builtin = builtin;
        self.presets = Rc::new(presets_for(&self.data, &preset_file));
        self.preset_file = Some(preset_file);
        self.datasets = Rc::new(datasets);
        if !self.data_is_saved() {
            self.notice = Some(self.carried_notice());
        }
        self
    }

    /// The notice for a carried data set in use, naming the version saved
    /// here under the same id, if any.
    fn carried_notice(&self) -> Notice {
        Notice::Carried {
            name: self.data.name.clone(),
            saved: self
                .datasets
                .get(&self.data.id)
                .map(|stored| (stored.id.clone(), stored.name.clone())),
        }
    }

    /// The header's sentence on what is being decided with this data set.
    pub fn introduction(&self) -> String {
        match &self.preset_file {
            Some(file) => crate::state::presets::introduction(&self.data, file),
            None => String::new(),
        }
    }

    /// Whether the built-in data set is in use.
    pub fn uses_builtin(&self) -> bool {
        // The pointer first: the built-in one in use is the same `Rc` (a
        // deep comparison on every render cost more than the engine).
        Rc::ptr_eq(&self.data, &self.builtin)
            || (self.data.id == self.builtin.id && *self.data == *self.builtin)
    }

    /// Whether the data set in use is one the person has saved here (or the
    /// built-in one): `false` for one a link carried.
    pub fn data_is_saved(&self) -> bool {
        self.uses_builtin() || self.datasets.get(&self.data.id) == Some(&*self.data)
    }

    /// The data sets of this browser by id: the built-in one and the
    /// person's own.
    pub fn find_data(&self, id: &str) -> Option<Rc<Dataset>> {
        if id == self.builtin.id {
            return Some(self.builtin.clone());
        }
        if id == self.data.id {
            return Some(self.data.clone());
        }
        self.datasets.get(id).map(|d| Rc::new(d.clone()))
    }

    fn reserved(&self) -> Vec<String> {
        vec![self.builtin.id.clone()]
    }

    /// Makes `data` the data set in use: the presets, the scenario and the
    /// comparison are read again against it.
    pub(super) fn set_data(&mut self, data: Rc<Dataset>) {
        if Rc::ptr_eq(&data, &self.data) || *data == *self.data {
            self.data = data;
            return;
        }
        let scenario = fragment::serialize(&self.scenario);
        self.scenario = Rc::new(fragment::parse(&data, &scenario).0);
        if !self.comparison.columns.is_empty() {
            let mut comparison = Comparison::default();
            for column in &self.comparison.columns {
                let mut column = column.clone();
                column.scenario = fragment::parse(&data, &fragment::serialize(&column.scenario)).0;
                comparison.add(column);
            }
            self.comparison = Rc::new(comparison);
        }
        if let Some(file) = &self.preset_file {
            self.presets = Rc::new(presets_for(&data, file));
        }
        if self
            .member
            .as_ref()
            .is_some_and(|id| !data.member_list().iter().any(|m| &m.id == id))
        {
            self.member = None;
        }
        self.data = data;
    }

    /// Undo or redo brings a data set back: it is used again, and if it is
    /// one of the person's own its content is saved again.
    pub(super) fn bring_back_data(&mut self, data: Rc<Dataset>, stamp: &Stamp) {
        if self
            .datasets
            .get(&data.id)
            .is_some_and(|stored| *stored != *data)
        {
            let _ = Rc::make_mut(&mut self.datasets).replace((*data).clone(), stamp.ms);
        }
        self.data = data.clone();
        if let Some(file) = &self.preset_file {
            self.presets = Rc::new(presets_for(&data, file));
        }
    }

    /// Uses `data` as one history step.
    fn switch(&mut self, data: Rc<Dataset>, stamp: &Stamp) {
        self.step(None, stamp, |ws| {
            if ws.open_entry().is_some_and(|e| e.dataset != data.id) {
                ws.open_saved = None;
            }
            ws.set_data(data)
        });
    }

    /// Applies a data-set message to `self` (a copy of `before`); `None`
    /// when it changes nothing.
    pub(super) fn apply_data(&mut self, before: &Workspace, stamp: &Stamp, msg: Msg) -> Option<()> {
        let info = |text: String| Some(Notice::Info(text));
        let reserved = before.reserved();
        let reserved: Vec<&str> = reserved.iter().map(String::as_str).collect();
        match msg {
            Msg::UseDataset(id) => {
                let data = match id {
                    None => before.builtin.clone(),
                    // The saved one first: a carried data set in use may
                    // share its id ("Använd den sparade versionen").
                    Some(id) => match before.datasets.get(&id) {
                        Some(saved) => Rc::new(saved.clone()),
                        None => before.find_data(&id)?,
                    },
                };
                if *data == *before.data {
                    return None;
                }
                self.switch(data, stamp);
                self.notice = info(format!("Dataunderlaget ”{}” används nu.", self.data.name));
            }
            Msg::LinkData(None) => {
                if before.uses_builtin() {
                    return None;
                }
                self.switch(before.builtin.clone(), stamp);
            }
            Msg::LinkData(Some(carried)) => {
                if *carried == *before.data {
                    return None;
                }
                let known = before.find_data(&carried.id).filter(|d| **d == *carried);
                let saved = known.is_some();
                self.switch(known.unwrap_or(carried), stamp);
                if !saved {
                    self.notice = Some(self.carried_notice());
                }
            }
            Msg::NewDataset { copy } => {
                let data = if copy {
                    let mut d = (*before.data).clone();
                    d.name = format!("{} (kopia)", d.name);
                    d.id = format!("{}-kopia", d.id);
                    d
                } else {
                    empty_dataset(&before.data)
                };
                let id = Rc::make_mut(&mut self.datasets)
                    .add(data, &reserved, stamp.ms)
                    .ok()?;
                let data = Rc::new(self.datasets.get(&id)?.clone());
                self.switch(data, stamp);
                self.notice = info(format!(
                    "”{}” är skapat och används nu. Ändringar sparas automatiskt.",
                    self.data.name
                ));
            }
            Msg::AddDataset(data) => {
                let id = match Rc::make_mut(&mut self.datasets).add(*data, &reserved, stamp.ms) {
                    Ok(id) => id,
                    Err(problem) => {
                        self.notice = Some(Notice::Warning(problem.to_string()));
                        return Some(());
                    }
                };
                let data = Rc::new(self.datasets.get(&id)?.clone());
                self.switch(data, stamp);
                self.notice = info(format!("”{}” är sparat och används nu.", self.data.name));
            }
            Msg::SaveCarried => {
                if before.data_is_saved() {
                    return None;
                }
                let datasets = Rc::make_mut(&mut self.datasets);
                let id = match datasets.add((*before.data).clone(), &reserved, stamp.ms) {
                    Ok(id) => id,
                    Err(problem) => {
                        self.notice = Some(Notice::Warning(problem.to_string()));
                        return Some(());
                    }
                };
                // Same figures, perhaps a new id (one here already had it).
                let data = Rc::new(self.datasets.get(&id)?.clone());
                self.data = data;
                self.notice = info(format!(
                    "Dataunderlaget är sparat som ”{}”.",
                    self.data.name
                ));
            }
            Msg::RenameDataset(id, name) => {
                if !Rc::make_mut(&mut self.datasets).rename(&id, &name, stamp.ms) {
                    return None;
                }
                let renamed = Rc::new(self.datasets.get(&id)?.clone());
                if before.data.id == id {
                    self.data = renamed.clone();
                }
                self.notice = info(format!("Dataunderlaget heter nu ”{}”.", renamed.name));
            }
            Msg::DuplicateDataset(id) => {
                let copy = Rc::make_mut(&mut self.datasets).duplicate(&id, &reserved, stamp.ms)?;
                let name = self.datasets.get(&copy)?.name.clone();
                self.notice = info(format!("Kopian heter ”{name}”."));
            }
            Msg::DeleteDataset(id) => {
                if before.data.id == id {
                    self.switch(before.builtin.clone(), stamp);
                }
                let (index, entry) = Rc::make_mut(&mut self.datasets).remove(&id, stamp.ms)?;
                self.notice = Some(Notice::DeletedDataset {
                    name: entry.dataset.name.clone(),
                });
                self.deleted_dataset = Some((index, entry));
            }
            Msg::UndoDeleteDataset => {
                let (index, entry) = self.deleted_dataset.take()?;
                let id =
                    Rc::make_mut(&mut self.datasets).restore(index, entry, &reserved, stamp.ms);
                let name = self.datasets.get(&id)?.name.clone();
                self.notice = info(format!("”{name}” är tillbaka."));
            }
            Msg::ImportDatasets(read) => {
                let added = Rc::make_mut(&mut self.datasets).import(read, &reserved, stamp.ms);
                let new: Vec<String> = added
                    .iter()
                    .filter(|a| !a.already)
                    .map(|a| format!("”{}”", a.name))
                    .collect();
                self.notice = info(match (new.len(), added.len()) {
                    (0, 0) => "Filen innehöll inga dataunderlag; inget ändrades.".to_owned(),
                    (0, _) => "Dataunderlagen i filen finns redan här; inget ändrades.".to_owned(),
                    (1, _) => format!("1 dataunderlag importerades: {}.", new[0]),
                    (n, _) => format!("{n} dataunderlag importerades: {}.", new.join(", ")),
                });
            }
            Msg::MergeStoredDatasets(stored) => {
                if !Rc::make_mut(&mut self.datasets).merge(&stored) {
                    return None;
                }
                // The data set in use follows another tab's newer edit; one
                // deleted there stays in use here, unsaved.
                if let Some(newer) = self.datasets.get(&before.data.id) {
                    if *newer != *before.data {
                        self.data = Rc::new(newer.clone());
                    }
                }
            }
            Msg::EditData(change) => {
                if before.uses_builtin() || before.datasets.get(&before.data.id).is_none() {
                    self.notice = Some(Notice::Warning(
                        "Det här dataunderlaget kan inte ändras här. Gör en kopia (”Ny kopia”) och ändra i den.".to_owned(),
                    ));
                    return Some(());
                }
                let field = field_id(&change);
                let next = match edit(&before.data, &change) {
                    Ok(Some(next)) => next,
                    Ok(None) => {
                        // The same value again (after a refused text, say).
                        self.data_error = None;
                        return before.data_error.is_some().then_some(());
                    }
                    Err(problem) => {
                        // Beside the field; the data set stays as it was.
                        self.data_error = Some((field, problem));
                        return Some(());
                    }
                };
                self.data_error = None;
                Rc::make_mut(&mut self.datasets)
                    .replace(next.clone(), stamp.ms)
                    .ok()?;
                let saved = Rc::new(self.datasets.get(&next.id)?.clone());
                let key = Some(StepKey::Data(field));
                self.step(key, stamp, |ws| ws.set_data(saved));
                if matches!(change, DataEdit::FirstPlanYear(_)) {
                    self.notice = moved_notice(
                        (&before.data, &before.scenario),
                        (&self.data, &self.scenario),
                    )
                    .map(Notice::Info);
                }
            }
            _ => return None,
        }
        Some(())
    }
}

/// The organisation a new empty data set names until it is typed.
pub const NEW_ORGANISATION: &str = "Ert samordningsförbund";

/// A new data set to fill in: the years of the one in use, one budget
/// column for the first plan year, one line of each kind at 0 kr, no
/// revenue yet, no members.
pub fn empty_dataset(like: &Dataset) -> Dataset {
    use crate::core::dataset::{
        BudgetLine, Category, Column, ColumnKind, SourcedAmount, SourcedPercent,
    };
    use rust_decimal::Decimal;
    let line = |id: &str, name: &str, category| BudgetLine {
        id: id.to_owned(),
        name: name.to_owned(),
        category,
        team: false,
        amounts: vec![Decimal::ZERO],
        source: String::new(),
    };
    Dataset {
        id: "eget".to_owned(),
        name: "Nytt dataunderlag".to_owned(),
        // Another förbund's data set as often as SFV's own: a placeholder
        // to replace, not the organisation of the one in use.
        organisation: NEW_ORGANISATION.to_owned(),
        sources: Vec::new(),
        reference_year: None,
        first_plan_year: like.first_plan_year,
        plan_end: like.plan_end,
        columns: vec![Column {
            kind: ColumnKind::Budget,
            year: like.first_plan_year,
            label: None,
            source: String::new(),
        }],
        lines: vec![
            line("administration", "Administration", Category::Admin),
            line("individinsatser", "Individinsatser", Category::Individ),
            line(
                "strukturella_insatser",
                "Strukturella insatser",
                Category::Struktur,
            ),
        ],
        revenue: vec![Some(Decimal::ZERO)],
        revenue_source: String::new(),
        opening_equity: SourcedAmount {
            amount: Decimal::ZERO,
            source: String::new(),
            note: String::new(),
        },
        first_plan_opening_equity: None,
        equity_guideline: SourcedPercent {
            value: like.equity_guideline.value,
            source: String::new(),
        },
        unallocated_line: None,
        members: None,
        teams: Vec::new(),
    }
}
