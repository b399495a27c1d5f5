//! The saved scenarios' messages: save, open, close, rename, duplicate,
//! delete (and bring back), restore a version, import a file and merge what
//! another tab stored; and adding the current scenario to the comparison.
//! Each answers with a notice in Swedish.

use super::{Msg, Notice, Workspace};
use crate::state::comparison::Column;
use crate::state::fragment;
use crate::state::library::{clean_name, Stamp};
use std::rc::Rc;

impl Workspace {
    /// Applies a saved-scenario message to `self` (a copy of `before`);
    /// `None` when it changes nothing.
    pub(super) fn apply_library(
        &mut self,
        before: &Workspace,
        stamp: &Stamp,
        msg: Msg,
    ) -> Option<()> {
        let next = self;
        let info = |text: String| Some(Notice::Info(text));
        match msg {
            Msg::Save(typed) => {
                let Some(name) = clean_name(&typed) else {
                    next.notice = Some(Notice::Warning(
                        "Skriv ett namn på scenariot för att spara det.".to_owned(),
                    ));
                    return Some(());
                };
                // What follows is a new step (and a new version) of the new scenario.
                next.history.seal();
                let content = before.content();
                let original = before.open_entry().map(|e| e.name.clone());
                // The original goes back to what it held when opened; the
                // changes made since (autosaved into it) go to the new one
                // and stay among the original's earlier versions too.
                let given_back = match &before.opened_as {
                    Some(o) if before.open_saved.as_ref() == Some(&o.uid) => Rc::make_mut(
                        &mut next.library,
                    )
                    .update(&o.uid, stamp, &o.link, &o.motivation, true),
                    _ => false,
                };
                let library = Rc::make_mut(&mut next.library);
                let uid = library.save(&name, stamp, content);
                let saved_as = library.get(&uid).map_or(name, |e| e.name.clone());
                next.open_saved = Some(uid);
                next.notice = info(match (original, given_back) {
                    (Some(original), true) => format!(
                        "Sparat som ”{saved_as}”, med ändringarna. ”{original}” är som när du öppnade det (ändringarna finns också under dess ”Tidigare versioner”); ändringar sparas nu i ”{saved_as}”."
                    ),
                    (Some(original), false) => format!(
                        "Sparat som ”{saved_as}”. ”{original}” finns kvar som det var; ändringar sparas nu i ”{saved_as}”."
                    ),
                    (None, _) => format!("Sparat som ”{saved_as}”. Ändringar sparas automatiskt medan scenariot är öppet."),
                });
            }
            Msg::OpenSaved(uid) => {
                let name = next.open_content(&uid, stamp)?;
                next.notice = info(format!("”{name}” är öppnat."));
            }
            Msg::CloseSaved => {
                next.detach()?;
            }
            Msg::Rename(uid, typed) => {
                let name = clean_name(&typed)?;
                if !Rc::make_mut(&mut next.library).rename(&uid, &name, stamp) {
                    return None;
                }
                let renamed = next.library.get(&uid).map(|e| e.name.clone())?;
                next.notice = info(format!("Namnet är nu ”{renamed}”."));
            }
            Msg::Duplicate(uid) => {
                let copy = Rc::make_mut(&mut next.library).duplicate(&uid, stamp)?;
                let name = next.library.get(&copy).map(|e| e.name.clone())?;
                next.notice = info(format!("Kopian heter ”{name}”."));
            }
            Msg::Delete(uid) => {
                let (index, entry) = Rc::make_mut(&mut next.library).remove(&uid, stamp)?;
                if next.open_saved.as_deref() == Some(uid.as_str()) {
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
                Rc::make_mut(&mut next.library).restore(index, entry, stamp);
                next.notice = info(format!("”{name}” är tillbaka."));
            }
            Msg::RestoreVersion(uid, index) => {
                let version =
                    Rc::make_mut(&mut next.library).restore_version(&uid, index, stamp)?;
                let (scenario, _) = fragment::parse(&before.data, &version.link);
                next.step(None, stamp, |ws| {
                    ws.motivation = Rc::from(version.motivation.as_str());
                    ws.open_saved = Some(uid);
                    ws.scenario = Rc::new(scenario);
                });
                next.notice = info(format!(
                    "Versionen från {} visas och är sparad; den du nyss hade finns kvar bland tidigare versioner.",
                    version.saved.replacen('T', " ", 1)
                ));
            }
            Msg::Import(read) => {
                let added = Rc::make_mut(&mut next.library).import(read, stamp);
                next.notice = info(match added.len() {
                    0 => "Filen innehöll inga scenarier; inget ändrades.".to_owned(),
                    1 => format!("1 scenario importerades: ”{}”.", added[0]),
                    n => format!("{n} scenarier importerades: {}.", quoted_list(&added)),
                });
            }
            Msg::MergeStored(stored) => {
                // Named before the merge: the entry may be gone after it.
                let open_name = before.open_entry().map(|e| e.name.clone());
                if !Rc::make_mut(&mut next.library).merge(&stored) {
                    return None;
                }
                if next
                    .open_saved
                    .as_deref()
                    .is_some_and(|uid| next.library.get(uid).is_none())
                {
                    next.open_saved = None;
                    let name = open_name;
                    next.notice = Some(Notice::Warning(format!(
                        "{} togs bort i en annan flik. Det du ser finns kvar här; spara det för att behålla det.",
                        name.map_or("Det öppna scenariot".to_owned(), |n| format!("”{n}”"))
                    )));
                }
            }
            _ => return None,
        }
        Some(())
    }

    /// Adds the current scenario as a comparison column, named as
    /// [`Workspace::current_label`] says.
    pub(super) fn add_to_comparison(&mut self, before: &Workspace) {
        let current = &before.scenario;
        if let Some(k) = before
            .comparison
            .columns
            .iter()
            .position(|c| c.scenario == **current)
        {
            self.notice = Some(Notice::Info(format!(
                "Scenariot finns redan i jämförelsen (kolumn {}).",
                k + 1
            )));
        } else if before.comparison.is_full() {
            self.notice = Some(Notice::Warning(format!(
                "Jämförelsen rymmer högst {} scenarier. Ta bort ett för att lägga till ett nytt.",
                crate::state::comparison::MAX_COLUMNS
            )));
        } else {
            let label = before.current_label();
            Rc::make_mut(&mut self.comparison).add(Column {
                label: label.clone(),
                scenario: (**current).clone(),
                motivation: before.motivation.to_string(),
            });
            self.notice = Some(Notice::Info(format!("”{label}” är tillagt i jämförelsen.")));
        }
    }
}

fn quoted_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("”{n}”"))
        .collect::<Vec<_>>()
        .join(", ")
}
