//! The workshop's tool row: undo and redo (also Ctrl+Z, Ctrl+Shift+Z and
//! Ctrl+Y, handled at the root), saving, printing the decision document and
//! downloading the budget as CSV, adding the current scenario to the
//! comparison, and meeting mode. A plain render function (see `presets`).

use crate::model::comparison::MAX_COLUMNS;
use crate::model::workspace::Msg;
use crate::view::panels::Export;
use yew::prelude::*;

/// What the tool row shows, and its two callbacks that are not messages
/// (they open the saved-scenarios panel, which is the page's own layout).
pub struct ToolbarState {
    pub can_undo: bool,
    pub can_redo: bool,
    pub meeting: bool,
    /// How many scenarios the comparison holds.
    pub compared: usize,
    pub saved_count: usize,
    pub saved_open: bool,
    pub on_save: Callback<MouseEvent>,
    pub on_toggle_saved: Callback<MouseEvent>,
    /// Prints or downloads the scenario (done by the on-demand module).
    pub on_export: Callback<Export>,
}

fn send(dispatch: &Callback<Msg>, msg: Msg) -> Callback<MouseEvent> {
    let d = dispatch.clone();
    Callback::from(move |_| d.emit(msg.clone()))
}

pub fn toolbar(props: ToolbarState, d: &Callback<Msg>) -> Html {
    // Undo and redo stay focusable when there is nothing to do (aria-disabled
    // rather than disabled), so keyboard focus is never dropped on <body>.
    html! {
        <div class="toolbar" role="toolbar" aria-label="Verktyg">
            <button type="button" class="button button--secondary" aria-disabled={(!props.can_undo).to_string()}
                aria-keyshortcuts="Control+Z" onclick={send(d, Msg::Undo)}>{"Ångra"}</button>
            <button type="button" class="button button--secondary" aria-disabled={(!props.can_redo).to_string()}
                aria-keyshortcuts="Control+Shift+Z Control+Y" onclick={send(d, Msg::Redo)}>{"Gör om"}</button>
            if !props.meeting {
                <button type="button" id="save-start" class="button" onclick={props.on_save}>{"Spara scenario"}</button>
                <button type="button" class="button button--secondary" aria-expanded={props.saved_open.to_string()}
                    aria-controls="saved-panel" onclick={props.on_toggle_saved}>
                    { format!("Sparade scenarier ({})", props.saved_count) }
                </button>
                <button type="button" class="button button--secondary" onclick={props.on_export.reform(|_| Export::Print)}>
                    {"Skriv ut beslutsunderlag"}
                </button>
                <button type="button" class="button button--secondary" onclick={props.on_export.reform(|_| Export::BudgetCsv)}>
                    {"Ladda ner CSV"}
                </button>
                <button type="button" class="button button--secondary" onclick={props.on_export.reform(|_| Export::Excel)}>
                    {"Ladda ner Excel"}
                </button>
                // Said by the export code while a workbook is being made.
                <p id="export-status" class="toolbar__status" role="status"></p>
                <button type="button" class="button" onclick={send(d, Msg::AddToComparison)}>
                    {"Lägg till i jämförelsen"}
                    <span class="toolbar__count">{ format!(" ({}/{MAX_COLUMNS})", props.compared) }</span>
                </button>
            }
            <button type="button" class="button button--secondary toolbar__meeting" aria-pressed={props.meeting.to_string()}
                onclick={send(d, Msg::SetMeeting(!props.meeting))}>
                { if props.meeting { "Lämna mötesläget (Esc)" } else { "Mötesläge" } }
            </button>
        </div>
    }
}
