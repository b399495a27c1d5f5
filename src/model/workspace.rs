//! The whole page's state as pure data, and what each message does to it: the
//! current scenario with its undo history, the saved scenarios, the
//! comparison, meeting mode and the notice that answers the last action.
//!
//! This is the `update` of the page, one level above [`crate::model::update`]
//! (which changes one scenario): it decides what is a step in the history,
//! where an open saved scenario is autosaved, and what a comparison column is
//! called. Everything at the browser's edge (storage, address, files, the
//! clock) is done by the view, which passes the current time in.

use crate::model::comparison::{Column, Comparison, MAX_COLUMNS};
use crate::model::data::Dataset;
use crate::model::engine::Projection;
use crate::model::history::History;
use crate::model::library::{
    clean_name, unique_name, Library, ReadScenario, SavedId, SavedScenario,
};
use crate::model::link::PageLink;
use crate::model::presets::{matching, Preset};
use crate::model::scenario::{Field, Scenario};
use crate::model::update::{update, Action};
use std::rc::Rc;

/// A message answering the last action, shown until dismissed or replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    Warning(String),
    /// A saved scenario was deleted; the notice offers to bring it back.
    Deleted {
        name: String,
    },
}

/// Everything a person can do on the page that is not browser I/O.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// Change the current scenario.
    Edit(Action),
    /// A gesture ended (a slider released, a field left): the next change is
    /// a new undo step.
    EndGesture,
    Undo,
    Redo,
    ApplyPreset(String),
    /// Save the current scenario under a typed name and keep it open.
    Save(String),
    OpenSaved(SavedId),
    CloseSaved,
    Rename(SavedId, String),
    Duplicate(SavedId),
    Delete(SavedId),
    UndoDelete,
    /// Scenarios read (and validated) from a file.
    Import(Vec<ReadScenario>),
    AddToComparison,
    RemoveColumn(usize),
    MakeBase(usize),
    MoveLeft(usize),
    OpenColumn(usize),
    ClearComparison,
    SetMeeting(bool),
    /// Show one member's own view (`None`: no member).
    PickMember(Option<String>),
    /// A link opened or edited in the address bar.
    OpenLink(Box<PageLink>),
    DismissNotice,
}

/// What a message needs to know besides the state.
pub struct Context<'a> {
    pub data: &'a Dataset,
    pub presets: &'a [Preset],
    /// The projection of the current scenario.
    pub projection: &'a Projection,
    /// Local time, `YYYY-MM-DDTHH:MM`, stamped on what is saved.
    pub now: &'a str,
}

/// The page's state.
#[derive(Debug, Clone, PartialEq)]
pub struct Workspace {
    pub scenario: Rc<Scenario>,
    history: History<Rc<Scenario>, Field>,
    pub library: Rc<Library>,
    /// The saved scenario that changes are autosaved to.
    pub open_saved: Option<SavedId>,
    pub comparison: Rc<Comparison>,
    pub meeting: bool,
    /// The member whose own view is shown.
    pub member: Option<String>,
    pub notice: Option<Notice>,
    /// The last deleted scenario and its place, for "Ångra".
    deleted: Option<(usize, SavedScenario)>,
}

impl Workspace {
    pub fn new(link: PageLink, library: Library) -> Self {
        Workspace {
            scenario: Rc::new(link.scenario),
            history: History::default(),
            library: Rc::new(library),
            open_saved: None,
            comparison: Rc::new(link.comparison),
            meeting: link.meeting,
            member: link.member,
            notice: None,
            deleted: None,
        }
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// The saved scenario that is open, if any.
    pub fn open_entry(&self) -> Option<&SavedScenario> {
        self.open_saved.and_then(|id| self.library.get(id))
    }

    /// What the address should hold.
    pub fn page_link(&self) -> PageLink {
        PageLink {
            scenario: (*self.scenario).clone(),
            comparison: (*self.comparison).clone(),
            meeting: self.meeting,
            member: self.member.clone(),
        }
    }

    /// The label the current scenario gets in a comparison: the open saved
    /// scenario's name, else the preset it equals, else "Scenario N".
    fn current_label(&self, presets: &[Preset]) -> String {
        if let Some(entry) = self.open_entry() {
            return entry.name.clone();
        }
        if let Some(preset) = matching(presets, &self.scenario) {
            return preset.name.clone();
        }
        let taken = self.comparison.columns.iter().map(|c| c.label.as_str());
        unique_name(
            taken,
            &format!("Scenario {}", self.comparison.columns.len() + 1),
        )
    }

    /// Makes `next` the current scenario as one history step (or part of the
    /// open gesture `key`), autosaving it to the open saved scenario.
    fn change_scenario(&mut self, next: Scenario, key: Option<Field>, now: &str) {
        if next == *self.scenario {
            return;
        }
        let before = std::mem::replace(&mut self.scenario, Rc::new(next));
        self.history.record(before, key);
        self.autosave(now);
    }

    fn autosave(&mut self, now: &str) {
        if let Some(id) = self.open_saved {
            let scenario = self.scenario.clone();
            if self
                .library
                .get(id)
                .is_some_and(|e| e.scenario != *scenario)
            {
                Rc::make_mut(&mut self.library).update(id, now, &scenario);
            }
        }
    }

    /// Leaves the open saved scenario (it stays saved as it was).
    fn detach(&mut self) -> Option<String> {
        let name = self.open_entry().map(|e| e.name.clone());
        self.open_saved = None;
        name
    }

    /// Applies a message; `None` when nothing changes, so the view can keep
    /// the same state and skip rendering.
    pub fn apply(&self, ctx: &Context<'_>, msg: Msg) -> Option<Workspace> {
        let mut next = self.clone();
        match msg {
            Msg::Edit(action) => {
                let key = match &action {
                    Action::Set(field, _) => Some(field.clone()),
                    _ => None,
                };
                let detaches = matches!(action, Action::Reset);
                let changed = update(ctx.data, &self.scenario, ctx.projection, action)?;
                if detaches {
                    if let Some(name) = next.detach() {
                        next.notice = Some(Notice::Info(format!(
                            "Standardvärdena visas. ”{name}” är sparat som det var."
                        )));
                    }
                }
                next.change_scenario(changed, key, ctx.now);
            }
            Msg::EndGesture => next.history.seal(),
            Msg::Undo => {
                let previous = next.history.undo(self.scenario.clone())?;
                next.scenario = previous;
                next.autosave(ctx.now);
            }
            Msg::Redo => {
                let following = next.history.redo(self.scenario.clone())?;
                next.scenario = following;
                next.autosave(ctx.now);
            }
            Msg::ApplyPreset(id) => {
                let preset = ctx.presets.iter().find(|p| p.id == id)?;
                if let Some(name) = next.detach() {
                    next.notice = Some(Notice::Info(format!(
                        "”{}” visas som ett nytt, osparat scenario. ”{name}” är sparat som det var.",
                        preset.name
                    )));
                }
                next.change_scenario(preset.scenario.clone(), None, ctx.now);
            }
            Msg::Save(typed) => {
                let Some(name) = clean_name(&typed) else {
                    next.notice = Some(Notice::Warning(
                        "Skriv ett namn på scenariot för att spara det.".to_owned(),
                    ));
                    return Some(next);
                };
                let library = Rc::make_mut(&mut next.library);
                let id = library.save(&name, ctx.now, (*self.scenario).clone());
                let saved_as = library.get(id).map(|e| e.name.clone()).unwrap_or(name);
                next.open_saved = Some(id);
                next.notice = Some(Notice::Info(format!(
                    "Sparat som ”{saved_as}”. Ändringar sparas automatiskt medan scenariot är öppet."
                )));
            }
            Msg::OpenSaved(id) => {
                let entry = self.library.get(id)?.clone();
                next.open_saved = Some(id);
                next.change_scenario(entry.scenario, None, ctx.now);
                next.notice = Some(Notice::Info(format!("”{}” är öppnat.", entry.name)));
            }
            Msg::CloseSaved => {
                next.detach()?;
            }
            Msg::Rename(id, typed) => {
                let name = clean_name(&typed)?;
                if !Rc::make_mut(&mut next.library).rename(id, &name) {
                    return None;
                }
                // The name it got (a suffix if another scenario has it).
                let renamed = next.library.get(id).map(|e| e.name.clone())?;
                next.notice = Some(Notice::Info(format!("Namnet är nu ”{renamed}”.")));
            }
            Msg::Duplicate(id) => {
                let copy = Rc::make_mut(&mut next.library).duplicate(id, ctx.now)?;
                let name = next.library.get(copy).map(|e| e.name.clone())?;
                next.notice = Some(Notice::Info(format!("Kopian heter ”{name}”.")));
            }
            Msg::Delete(id) => {
                let (index, entry) = Rc::make_mut(&mut next.library).remove(id)?;
                if next.open_saved == Some(id) {
                    next.open_saved = None;
                }
                next.notice = Some(Notice::Deleted {
                    name: entry.name.clone(),
                });
                next.deleted = Some((index, entry));
            }
            Msg::UndoDelete => {
                let (index, entry) = next.deleted.take()?;
                let name = entry.name.clone();
                Rc::make_mut(&mut next.library).restore(index, entry);
                next.notice = Some(Notice::Info(format!("”{name}” är tillbaka.")));
            }
            Msg::Import(read) => {
                let added = Rc::make_mut(&mut next.library).import(read);
                next.notice = Some(Notice::Info(match added.len() {
                    0 => "Filen innehöll inga scenarier; inget ändrades.".to_owned(),
                    1 => format!("1 scenario importerades: ”{}”.", added[0]),
                    n => format!("{n} scenarier importerades: {}.", quoted_list(&added)),
                }));
            }
            Msg::AddToComparison => {
                if let Some(k) = self
                    .comparison
                    .columns
                    .iter()
                    .position(|c| c.scenario == *self.scenario)
                {
                    next.notice = Some(Notice::Info(format!(
                        "Scenariot finns redan i jämförelsen (kolumn {}).",
                        k + 1
                    )));
                } else if self.comparison.is_full() {
                    next.notice = Some(Notice::Warning(format!(
                        "Jämförelsen rymmer högst {MAX_COLUMNS} scenarier. Ta bort ett för att lägga till ett nytt."
                    )));
                } else {
                    let label = self.current_label(ctx.presets);
                    Rc::make_mut(&mut next.comparison).add(Column {
                        label: label.clone(),
                        scenario: (*self.scenario).clone(),
                    });
                    next.notice =
                        Some(Notice::Info(format!("”{label}” är tillagt i jämförelsen.")));
                }
            }
            Msg::RemoveColumn(k) => {
                if !Rc::make_mut(&mut next.comparison).remove(k) {
                    return None;
                }
            }
            Msg::MakeBase(k) => {
                if !Rc::make_mut(&mut next.comparison).make_base(k) {
                    return None;
                }
            }
            Msg::MoveLeft(k) => {
                if !Rc::make_mut(&mut next.comparison).move_left(k) {
                    return None;
                }
            }
            Msg::OpenColumn(k) => {
                let column = self.comparison.columns.get(k)?.clone();
                next.detach();
                next.change_scenario(column.scenario, None, ctx.now);
                next.notice = Some(Notice::Info(format!(
                    "”{}” visas nu som aktuellt scenario.",
                    column.label
                )));
            }
            Msg::ClearComparison => {
                if self.comparison.columns.is_empty() {
                    return None;
                }
                next.comparison = Rc::new(Comparison::default());
            }
            Msg::SetMeeting(on) => next.meeting = on,
            Msg::PickMember(member) => {
                if member
                    .as_ref()
                    .is_some_and(|id| !ctx.data.members.list.iter().any(|m| &m.id == id))
                {
                    return None;
                }
                next.member = member;
            }
            Msg::OpenLink(link) => {
                let PageLink {
                    scenario,
                    comparison,
                    meeting,
                    member,
                } = *link;
                next.meeting = meeting;
                next.member = member;
                if comparison != *self.comparison {
                    next.comparison = Rc::new(comparison);
                }
                next.change_scenario(scenario, None, ctx.now);
            }
            Msg::DismissNotice => next.notice = None,
        }
        (next != *self).then_some(next)
    }
}

fn quoted_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("”{n}”"))
        .collect::<Vec<_>>()
        .join(", ")
}
