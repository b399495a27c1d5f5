//! The root reducer: one `Rc<AppState>` owns the page's [`Workspace`] and what
//! is derived from it (the projection of the current scenario, the members'
//! and the teams' figures). The comparison's figures are computed by the
//! on-demand panel that shows them (`view::panels`).
//!
//! The pure `Workspace::apply` decides what a message does; this wrapper adds
//! the clock (browser I/O) and recomputes only what changed: the projection
//! and the figures built on it when the scenario changed. A message that
//! changes nothing hands back the same `Rc`, which Yew takes as "nothing to
//! re-render".

use crate::model::library::Library;
use crate::model::link::PageLink;
use crate::model::members::{members_table, split_description, MembersTable};
use crate::model::presets::Preset;
use crate::model::staffing::{staffing_table, TeamStaffing};
use crate::model::workspace::{Context, Msg, Workspace};
use crate::model::{project, Dataset, Projection};
use crate::view::platform;
use std::rc::Rc;
use yew::Reducible;

/// The state at the root of the app.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub data: Rc<Dataset>,
    pub presets: Rc<Vec<Preset>>,
    pub ws: Workspace,
    pub projection: Rc<Projection>,
    pub members: Rc<MembersTable>,
    pub staffing: Rc<Vec<TeamStaffing>>,
    /// How the contributions are split, in words (from the data set).
    pub split_description: yew::AttrValue,
}

impl AppState {
    pub fn new(
        data: Rc<Dataset>,
        presets: Rc<Vec<Preset>>,
        link: PageLink,
        library: Library,
    ) -> Self {
        let ws = Workspace::new(link, library);
        let projection = Rc::new(project(&data, &ws.scenario));
        let members = Rc::new(members_table(&data, &ws.scenario, &projection));
        let staffing = Rc::new(staffing_table(&data, &ws.scenario, &projection));
        let split_description = split_description(&data).into();
        AppState {
            data,
            presets,
            ws,
            projection,
            members,
            staffing,
            split_description,
        }
    }
}

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let now = platform::now();
        let ctx = Context {
            data: &self.data,
            presets: &self.presets,
            projection: &self.projection,
            now: &now,
        };
        let Some(ws) = self.ws.apply(&ctx, msg) else {
            return self;
        };
        // Everything derived from the scenario is recomputed only when it changed.
        let (projection, members, staffing) = if Rc::ptr_eq(&ws.scenario, &self.ws.scenario) {
            (
                self.projection.clone(),
                self.members.clone(),
                self.staffing.clone(),
            )
        } else {
            let projection = project(&self.data, &ws.scenario);
            let members = members_table(&self.data, &ws.scenario, &projection);
            let staffing = staffing_table(&self.data, &ws.scenario, &projection);
            (Rc::new(projection), Rc::new(members), Rc::new(staffing))
        };
        Rc::new(AppState {
            data: self.data.clone(),
            presets: self.presets.clone(),
            ws,
            projection,
            members,
            staffing,
            split_description: self.split_description.clone(),
        })
    }
}
