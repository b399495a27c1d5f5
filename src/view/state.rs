//! The root reducer: one `Rc<AppState>` owns the page's [`Workspace`] and what
//! is derived from it (the projection of the current scenario and the
//! comparison's figures).
//!
//! The pure `Workspace::apply` decides what a message does; this wrapper adds
//! the clock (browser I/O) and recomputes only what changed: the projection
//! when the scenario changed, the comparison when it changed. A message that
//! changes nothing hands back the same `Rc`, which Yew takes as "nothing to
//! re-render".

use crate::model::comparison::{figures, ComparisonFigures};
use crate::model::library::Library;
use crate::model::link::PageLink;
use crate::model::presets::Preset;
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
    pub compared: Rc<ComparisonFigures>,
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
        let compared = Rc::new(figures(&data, &ws.comparison));
        AppState {
            data,
            presets,
            ws,
            projection,
            compared,
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
        let projection = if Rc::ptr_eq(&ws.scenario, &self.ws.scenario) {
            self.projection.clone()
        } else {
            Rc::new(project(&self.data, &ws.scenario))
        };
        let compared = if Rc::ptr_eq(&ws.comparison, &self.ws.comparison) {
            self.compared.clone()
        } else {
            Rc::new(figures(&self.data, &ws.comparison))
        };
        Rc::new(AppState {
            data: self.data.clone(),
            presets: self.presets.clone(),
            ws,
            projection,
            compared,
        })
    }
}
