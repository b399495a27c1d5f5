//! The scenario panel: the controls `page::inputs` lists for the scenario,
//! rendered by the generic renderer. A component of its own so that it is
//! re-rendered only when the scenario, its figures or meeting mode change.

use crate::core::{Dataset, Projection, Scenario};
use crate::page::inputs::scenario_controls;
use crate::state::workspace::Msg;
use crate::ui::components::controls::memo_controls;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InputsProps {
    pub data: Rc<Dataset>,
    pub scenario: Rc<Scenario>,
    pub projection: Rc<Projection>,
    pub send: Callback<Msg>,
    /// Meeting mode: only the plan period and the board's two decisions.
    #[prop_or_default]
    pub decisions_only: bool,
}

#[function_component(Inputs)]
pub fn inputs(props: &InputsProps) -> Html {
    let list = scenario_controls(
        &props.data,
        &props.scenario,
        &props.projection,
        props.decisions_only,
    );
    html! {
        <form class="inputs" aria-label="Scenariots inställningar" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            { memo_controls(list, &props.send) }
        </form>
    }
}
