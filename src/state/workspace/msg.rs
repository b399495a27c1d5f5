//! The page's messages: everything a person can do that is not browser
//! I/O ([`Msg`]), what a message needs besides the state ([`Context`]), and
//! the notice that answers the last action ([`Notice`]).

use crate::core::{Dataset, Projection};
use crate::state::datasets::Datasets;
use crate::state::edit::DataEdit;
use crate::state::library::{Library, Stamp};
use crate::state::link::PageLink;
use crate::state::risk::RiskSettings;
use crate::state::update::Action;
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
    /// A data set was deleted; the notice offers to bring it back.
    DeletedDataset {
        name: String,
    },
    /// The data set a link carried is shown but not saved here; the notice
    /// offers to save it, and to use instead the version saved here under
    /// the same id (`saved`: its id and name), as when an older link of
    /// one's own data set is opened.
    Carried {
        name: String,
        saved: Option<(String, String)>,
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
    /// The board's reasons for the current scenario.
    SetMotivation(String),
    /// Save the current scenario as a new saved scenario and keep it open.
    Save(String),
    OpenSaved(String),
    CloseSaved,
    Rename(String, String),
    Duplicate(String),
    Delete(String),
    UndoDelete,
    /// Bring back an earlier version of the open saved scenario.
    RestoreVersion(String, usize),
    /// Scenarios read (and validated) from a file.
    Import(Library),
    /// What another tab of the page stored.
    MergeStored(Library),
    AddToComparison,
    RemoveColumn(usize),
    MakeBase(usize),
    MoveLeft(usize),
    OpenColumn(usize),
    ClearComparison,
    SetMeeting(bool),
    /// Show one member's own view (`None`: no member).
    PickMember(Option<String>),
    /// The settings of "Hur säkert är det?" (not an undo step: they are
    /// how the scenario is examined, not part of it).
    SetRisk(RiskSettings),
    /// A link opened or edited in the address bar.
    OpenLink(Box<PageLink>),
    /// Use a data set: `None` the built-in one, else one of the person's own.
    UseDataset(Option<String>),
    /// The data set a link opened or edited in the address bar carries
    /// (`None`: it carries none, so it is the built-in one's). Sent before
    /// its [`Msg::OpenLink`].
    LinkData(Option<Rc<Dataset>>),
    /// A new data set of the person's: empty, or a copy of the one in use.
    NewDataset {
        copy: bool,
    },
    /// A data set made elsewhere (an imported budget): saved and used.
    AddDataset(Box<Dataset>),
    /// Save the data set a link carried among the person's own.
    SaveCarried,
    RenameDataset(String, String),
    DuplicateDataset(String),
    DeleteDataset(String),
    UndoDeleteDataset,
    /// Data sets read (and checked) from a file.
    ImportDatasets(Datasets),
    /// What another tab stored.
    MergeStoredDatasets(Datasets),
    /// One field of the data set editor.
    EditData(DataEdit),
    DismissNotice,
}

/// What a message needs to know besides the state.
pub struct Context<'a> {
    /// The projection of the current scenario.
    pub projection: &'a Projection,
    pub stamp: Stamp,
}
