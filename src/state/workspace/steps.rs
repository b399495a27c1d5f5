//! The history machinery of the workspace: what one undo step is, how a
//! change becomes one (or joins the open gesture), how a step is brought
//! back, and how the open saved scenario is autosaved after each.

use super::{Shown, StepKey, Workspace};
use crate::core::scenario::{Field, Scenario};
use crate::state::fragment;
use crate::state::library::Stamp;
use std::rc::Rc;

impl Workspace {
    pub(super) fn shown(&self) -> Shown {
        Shown {
            data: self.data.clone(),
            scenario: self.scenario.clone(),
            motivation: self.motivation.clone(),
            open_saved: self.open_saved.clone(),
        }
    }

    /// Makes what `change` does one history step (or part of the open
    /// gesture `key`), autosaving the result to the open saved scenario.
    pub(super) fn step(
        &mut self,
        key: Option<StepKey>,
        stamp: &Stamp,
        change: impl FnOnce(&mut Self),
    ) {
        let before = self.shown();
        change(self);
        if self.shown() == before {
            return;
        }
        let new_step = self.history.record(before, key);
        self.autosave(stamp, new_step);
    }

    /// Makes `next` the current scenario as one step (see [`Self::step`]).
    pub(super) fn change_scenario(&mut self, next: Scenario, key: Option<Field>, stamp: &Stamp) {
        if next == *self.scenario {
            return;
        }
        self.step(key.map(StepKey::Field), stamp, |ws| {
            ws.scenario = Rc::new(next)
        });
    }

    /// Brings back a step from the history.
    pub(super) fn restore(&mut self, shown: Shown, stamp: &Stamp) {
        self.bring_back_data(shown.data, stamp);
        self.scenario = shown.scenario;
        self.motivation = shown.motivation;
        // A scenario deleted since cannot be autosaved to.
        self.open_saved = shown
            .open_saved
            .filter(|uid| self.library.get(uid).is_some());
        self.autosave(stamp, true);
    }

    pub(super) fn autosave(&mut self, stamp: &Stamp, new_version: bool) {
        let Some(uid) = self.open_saved.clone() else {
            return;
        };
        let content = self.content();
        if self
            .library
            .get(&uid)
            .is_some_and(|e| e.link != content.link || e.motivation != content.motivation)
        {
            Rc::make_mut(&mut self.library).update(
                &uid,
                stamp,
                &content.link,
                &content.motivation,
                new_version,
            );
        }
    }

    /// Leaves the open saved scenario (it stays saved as it was).
    pub(super) fn detach(&mut self) -> Option<String> {
        let name = self.open_entry().map(|e| e.name.clone());
        self.open_saved = None;
        name
    }

    /// Opens a saved scenario's content as the current scenario, as one step.
    pub(super) fn open_content(&mut self, uid: &str, stamp: &Stamp) -> Option<String> {
        let entry = self.library.get(uid)?.clone();
        // A scenario opens with its own data set when this browser has it.
        let data = self.find_data(&entry.dataset);
        let (scenario, _) = fragment::parse(data.as_deref().unwrap_or(&self.data), &entry.link);
        self.step(None, stamp, |ws| {
            if let Some(data) = data {
                ws.set_data(data);
            }
            ws.open_saved = Some(entry.uid.clone());
            ws.motivation = Rc::from(entry.motivation.as_str());
            ws.scenario = Rc::new(scenario);
        });
        Some(entry.name)
    }
}
