//! The whole page's state as pure data, and what each message does to it:
//! the data set and the current scenario with its undo history, the board's
//! reasons, the saved scenarios, the comparison, meeting mode and the notice
//! that answers the last action.
//!
//! This is the `update` of the page, one level above [`crate::state::update`]
//! (which changes one scenario): it decides what is a step in the history,
//! where an open saved scenario is autosaved (each new step keeps the one
//! before as a version), and what a comparison column is called. Everything
//! at the browser's edge (storage, address, files, the clock) is done by the
//! UI, which passes the time and fresh uids in a [`Stamp`].

mod data;
mod first_year;
mod msg;
mod saved;
mod steps;

pub use msg::{Context, Msg, Notice};

use crate::core::scenario::{Field, Scenario};
use crate::core::Dataset;
use crate::state::comparison::Comparison;
use crate::state::datasets::{Datasets, Entry as DatasetEntry};
use crate::state::fragment;
use crate::state::history::History;
use crate::state::library::{
    unique_name, Content, Library, SavedScenario, Stamp, MAX_MOTIVATION_CHARS,
};
use crate::state::link::PageLink;
use crate::state::presets::{matching, Preset, PresetFile};
use crate::state::risk::RiskSettings;
use crate::state::update::Action;
use std::rc::Rc;

/// What one undo step brings back: the scenario, its reasons and which
/// saved scenario was open (undoing an "open" leaves it closed again, so
/// nothing is autosaved into it).
#[derive(Debug, Clone, PartialEq)]
struct Shown {
    data: Rc<Dataset>,
    scenario: Rc<Scenario>,
    motivation: Rc<str>,
    open_saved: Option<String>,
}

/// A saved scenario's content when it was opened: its uid, link and reasons.
#[derive(Debug, Clone, PartialEq)]
struct OpenedAs {
    uid: String,
    link: String,
    motivation: String,
}

/// What folds changes into one undo step: one field's gesture, or one
/// stretch of typing the reasons.
#[derive(Debug, Clone, PartialEq, Eq)]
enum StepKey {
    Field(Field),
    Motivation,
    /// One field of the data set editor.
    Data(String),
}

/// The page's state.
#[derive(Debug, Clone, PartialEq)]
pub struct Workspace {
    /// The data set in use: the built-in one, one of the person's own, or
    /// one a link carried (not saved here until the person says so).
    pub data: Rc<Dataset>,
    /// The data set the page starts with (SFV's, or the deployer's own).
    pub builtin: Rc<Dataset>,
    /// The person's own data sets.
    pub datasets: Rc<Datasets>,
    /// What the presets are made from for each data set (`None`: the
    /// presets given stay whatever the data set).
    preset_file: Option<Rc<PresetFile>>,
    pub presets: Rc<Vec<Preset>>,
    pub scenario: Rc<Scenario>,
    /// The board's reasons for the current scenario.
    pub motivation: Rc<str>,
    history: History<Shown, StepKey>,
    pub library: Rc<Library>,
    /// The uid of the saved scenario that changes are autosaved to.
    pub open_saved: Option<String>,
    /// What the open saved scenario held when it was opened (or saved):
    /// "Spara som nytt" gives it back, the changes made since going to
    /// the new scenario.
    opened_as: Option<OpenedAs>,
    pub comparison: Rc<Comparison>,
    pub meeting: bool,
    /// The member whose own view is shown.
    pub member: Option<String>,
    /// The risk panel's settings.
    pub risk: RiskSettings,
    pub notice: Option<Notice>,
    /// The last deleted scenario and its place, for "Ångra".
    deleted: Option<(usize, SavedScenario)>,
    /// The last deleted data set and its place, for "Ångra".
    deleted_dataset: Option<(usize, DatasetEntry)>,
    /// The editor's last refused field: its id and why.
    pub data_error: Option<(String, String)>,
}

impl Workspace {
    pub fn new(
        data: Rc<Dataset>,
        presets: Rc<Vec<Preset>>,
        link: PageLink,
        library: Library,
    ) -> Self {
        Workspace {
            builtin: data.clone(),
            data,
            datasets: Rc::default(),
            preset_file: None,
            presets,
            scenario: Rc::new(link.scenario),
            motivation: Rc::from(link.motivation.as_str()),
            history: History::default(),
            library: Rc::new(library),
            open_saved: None,
            opened_as: None,
            comparison: Rc::new(link.comparison),
            meeting: link.meeting,
            member: link.member,
            risk: link.risk,
            notice: None,
            deleted: None,
            deleted_dataset: None,
            data_error: None,
        }
    }

    /// Opens again, after a reload, the saved scenario this tab had open,
    /// if the page still shows what it holds (the link was not changed).
    pub fn reattach(&mut self, uid: &str) {
        let matches = self.library.get(uid).is_some_and(|e| {
            e.dataset == self.data.id
                && e.link == fragment::serialize(&self.scenario)
                && *e.motivation == *self.motivation
        });
        if matches {
            self.open_saved = Some(uid.to_owned());
            self.opened_as = self.open_entry_content();
        }
    }

    /// The open saved scenario's content as it stands.
    fn open_entry_content(&self) -> Option<OpenedAs> {
        self.open_entry().map(|e| OpenedAs {
            uid: e.uid.clone(),
            link: e.link.clone(),
            motivation: e.motivation.clone(),
        })
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// The saved scenario that is open, if any.
    pub fn open_entry(&self) -> Option<&SavedScenario> {
        self.open_saved
            .as_deref()
            .and_then(|uid| self.library.get(uid))
    }

    /// What the address should hold.
    pub fn page_link(&self) -> PageLink {
        PageLink {
            scenario: (*self.scenario).clone(),
            motivation: self.motivation.to_string(),
            comparison: (*self.comparison).clone(),
            meeting: self.meeting,
            member: self.member.clone(),
            risk: self.risk,
        }
    }

    /// The comparison column the page shows, if the current scenario is one.
    pub fn shown_column(&self) -> Option<usize> {
        self.comparison
            .columns
            .iter()
            .position(|c| c.scenario == *self.scenario)
    }

    /// The preset the current scenario equals, if any.
    pub fn active_preset(&self) -> Option<&Preset> {
        matching(&self.presets, &self.scenario)
    }

    /// The label the current scenario gets in a comparison: the open saved
    /// scenario's name, else the preset it equals, else "Scenario N".
    fn current_label(&self) -> String {
        if let Some(entry) = self.open_entry() {
            return entry.name.clone();
        }
        if let Some(preset) = self.active_preset() {
            return preset.name.clone();
        }
        let taken = self.comparison.columns.iter().map(|c| c.label.as_str());
        unique_name(
            taken,
            &format!("Scenario {}", self.comparison.columns.len() + 1),
        )
    }

    fn content(&self) -> Content {
        Content {
            dataset: self.data.id.clone(),
            link: fragment::serialize(&self.scenario),
            motivation: self.motivation.to_string(),
        }
    }

    /// Shows another scenario (a preset, the defaults) as one undoable step:
    /// the open saved scenario stays as it was, and the reasons, written for
    /// the scenario shown before, do not follow (the notice says both).
    fn show_another(
        &mut self,
        before: &Workspace,
        shown: String,
        scenario: Scenario,
        stamp: &Stamp,
    ) {
        let mut said = match before.open_entry() {
            Some(entry) => format!("{shown} ”{}” är sparat som det var.", entry.name),
            None => shown,
        };
        if !before.motivation.is_empty() {
            said.push_str(" Motiveringen hörde till det förra scenariot och är tömd; ”Ångra” tar tillbaka den.");
        }
        if before.open_entry().is_some() || !before.motivation.is_empty() {
            self.notice = Some(Notice::Info(said));
        }
        self.step(None, stamp, |ws| {
            ws.open_saved = None;
            ws.motivation = Rc::from("");
            ws.scenario = Rc::new(scenario);
        });
    }

    /// Applies a message; `None` when nothing changes, so the page can keep
    /// the same state and skip rendering.
    pub fn apply(&self, ctx: &Context<'_>, msg: Msg) -> Option<Workspace> {
        let mut next = self.clone();
        let stamp = &ctx.stamp;
        let info = |text: String| Some(Notice::Info(text));
        match msg {
            Msg::Edit(action) => {
                let key = match &action {
                    Action::Set(field, _) => Some(field.clone()),
                    _ => None,
                };
                let detaches = matches!(action, Action::Reset);
                let shortens = matches!(action, Action::SetTill(_));
                let changed = crate::state::update::update(
                    &self.data,
                    &self.scenario,
                    ctx.projection,
                    action,
                )?;
                if detaches {
                    next.show_another(self, "Standardvärdena visas.".to_owned(), changed, stamp);
                } else {
                    let last = changed.last_year(&self.data);
                    let dropped = if shortens {
                        self.scenario.years_set_after(last)
                    } else {
                        Vec::new()
                    };
                    next.change_scenario(changed, key, stamp);
                    if !dropped.is_empty() {
                        // Said, not silent: an open saved scenario is autosaved without them.
                        let years: Vec<String> = dropped.iter().map(|y| y.to_string()).collect();
                        next.notice = info(format!(
                            "Planperioden slutar nu {last}. Det som var valt för {} ligger efter den och är borttaget; ”Ångra” tar tillbaka det.",
                            crate::export::words::and_list(&years)
                        ));
                    }
                }
            }
            Msg::EndGesture => next.history.seal(),
            Msg::Undo => {
                let previous = next.history.undo(self.shown())?;
                next.restore(previous, stamp);
            }
            Msg::Redo => {
                let following = next.history.redo(self.shown())?;
                next.restore(following, stamp);
            }
            Msg::ApplyPreset(id) => {
                let preset = self.presets.iter().find(|p| p.id == id)?;
                let scenario = crate::state::presets::applied(preset, &self.scenario);
                if scenario == *self.scenario {
                    return None;
                }
                let shown = format!("”{}” visas som ett nytt, osparat scenario.", preset.name);
                next.show_another(self, shown, scenario, stamp);
            }
            Msg::SetMotivation(text) => {
                let text: String = text.chars().take(MAX_MOTIVATION_CHARS).collect();
                if *next.motivation == *text {
                    return None;
                }
                next.step(Some(StepKey::Motivation), stamp, |ws| {
                    ws.motivation = Rc::from(text.as_str())
                });
            }
            Msg::Save(_)
            | Msg::OpenSaved(_)
            | Msg::CloseSaved
            | Msg::Rename(..)
            | Msg::Duplicate(_)
            | Msg::Delete(_)
            | Msg::UndoDelete
            | Msg::RestoreVersion(..)
            | Msg::Import(_)
            | Msg::MergeStored(_) => next.apply_library(self, stamp, msg)?,
            Msg::UseDataset(_)
            | Msg::LinkData(_)
            | Msg::NewDataset { .. }
            | Msg::AddDataset(_)
            | Msg::SaveCarried
            | Msg::RenameDataset(..)
            | Msg::DuplicateDataset(_)
            | Msg::DeleteDataset(_)
            | Msg::UndoDeleteDataset
            | Msg::ImportDatasets(_)
            | Msg::MergeStoredDatasets(_)
            | Msg::EditData(_) => next.apply_data(self, stamp, msg)?,
            Msg::AddToComparison => next.add_to_comparison(self),
            Msg::RemoveColumn(k) => Rc::make_mut(&mut next.comparison).remove(k).then_some(())?,
            Msg::MakeBase(k) => Rc::make_mut(&mut next.comparison)
                .make_base(k)
                .then_some(())?,
            Msg::MoveLeft(k) => Rc::make_mut(&mut next.comparison)
                .move_left(k)
                .then_some(())?,
            Msg::OpenColumn(k) => {
                let column = self.comparison.columns.get(k)?.clone();
                next.step(None, stamp, |ws| {
                    ws.open_saved = None;
                    ws.motivation = Rc::from(column.motivation.as_str());
                    ws.scenario = Rc::new(column.scenario);
                });
                next.notice = info(format!(
                    "”{}” visas nu som aktuellt scenario.",
                    column.label
                ));
            }
            Msg::ClearComparison => {
                if self.comparison.columns.is_empty() {
                    return None;
                }
                next.comparison = Rc::new(Comparison::default());
            }
            Msg::SetMeeting(on) => next.meeting = on,
            Msg::SetRisk(settings) => next.risk = settings,
            Msg::PickMember(member) => {
                if member
                    .as_ref()
                    .is_some_and(|id| !self.data.member_list().iter().any(|m| &m.id == id))
                {
                    return None;
                }
                next.member = member;
            }
            Msg::OpenLink(link) => {
                let PageLink {
                    scenario,
                    motivation,
                    comparison,
                    meeting,
                    member,
                    risk,
                } = *link;
                next.meeting = meeting;
                next.risk = risk;
                next.member = member;
                if comparison != *self.comparison {
                    next.comparison = Rc::new(comparison);
                }
                next.step(None, stamp, |ws| {
                    ws.motivation = Rc::from(motivation.as_str());
                    ws.scenario = Rc::new(scenario);
                });
            }
            Msg::DismissNotice => next.notice = None,
        }
        if next.open_saved != self.open_saved {
            next.opened_as = next.open_entry_content();
        }
        (next != *self).then_some(next)
    }
}
