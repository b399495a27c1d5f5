//! The root reducer: one `Rc<AppState>` owns the scenario and its projection.
//!
//! The pure `model::update` decides what an action does; this wrapper only
//! recomputes the projection when the scenario changed, and otherwise hands
//! back the same `Rc`, which Yew 0.23 takes as "nothing to re-render".

use crate::model::{project, update, Action, Dataset, Projection, Scenario};
use std::rc::Rc;
use yew::Reducible;

/// The state at the root of the app.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub data: Rc<Dataset>,
    pub scenario: Rc<Scenario>,
    pub projection: Rc<Projection>,
}

impl AppState {
    pub fn new(data: Rc<Dataset>, scenario: Scenario) -> Self {
        let projection = Rc::new(project(&data, &scenario));
        AppState {
            data,
            scenario: Rc::new(scenario),
            projection,
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match update(&self.data, &self.scenario, &self.projection, action) {
            None => self,
            Some(next) => Rc::new(AppState::new(self.data.clone(), next)),
        }
    }
}
