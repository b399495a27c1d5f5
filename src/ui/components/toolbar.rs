//! The workshop's tool row: undo and redo (also Ctrl+Z, Ctrl+Shift+Z and
//! Ctrl+Y, handled at the root), saving, the saved scenarios, one menu for
//! sharing, printing and downloads, adding the current scenario to the
//! comparison, and meeting mode. What a file or the printer is doing is said
//! on one status line under the row, which never moves the buttons.

use crate::state::comparison::MAX_COLUMNS;
use crate::state::workspace::Msg;
use yew::prelude::*;

/// What can be taken out of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// "Skriv ut beslutsunderlag": the decision document, then the print dialogue.
    Print,
    BudgetCsv,
    MembersCsv,
    /// The interim report's follow-up.
    FollowUpCsv,
    /// The workbook with live formulas.
    Excel,
    /// The scenario's link, to the clipboard.
    CopyLink,
}

/// What the tool row shows, and its callbacks that are not messages.
pub struct ToolbarState {
    pub can_undo: bool,
    pub can_redo: bool,
    pub meeting: bool,
    /// How many scenarios the comparison holds.
    pub compared: usize,
    pub saved_count: usize,
    pub saved_open: bool,
    /// A saved scenario is open (saving makes a new one).
    pub has_open: bool,
    pub has_members: bool,
    /// The data set has an interim report's follow-up.
    pub has_follow_up: bool,
    /// Which scenario the menu's files are of, in a sentence.
    pub export_for: AttrValue,
    pub on_save: Callback<MouseEvent>,
    pub on_toggle_saved: Callback<MouseEvent>,
    pub on_export: Callback<Export>,
    /// What the last export or copy is doing, for the status line.
    pub status: AttrValue,
}

fn send(dispatch: &Callback<Msg>, msg: Msg) -> Callback<MouseEvent> {
    let d = dispatch.clone();
    Callback::from(move |_| d.emit(msg.clone()))
}

pub fn toolbar(props: ToolbarState, d: &Callback<Msg>) -> Html {
    let export = |what: Export| props.on_export.reform(move |_: MouseEvent| what);
    // Undo and redo stay focusable when there is nothing to do (aria-disabled
    // rather than disabled), so keyboard focus is never dropped on <body>.
    html! {
        <div class="toolbar-area">
            <div class="toolbar" role="toolbar" aria-label="Verktyg">
                <button type="button" class="button button--secondary" aria-disabled={(!props.can_undo).to_string()}
                    aria-keyshortcuts="Control+Z" onclick={send(d, Msg::Undo)}>{"Ångra"}</button>
                <button type="button" class="button button--secondary" aria-disabled={(!props.can_redo).to_string()}
                    aria-keyshortcuts="Control+Shift+Z Control+Y" onclick={send(d, Msg::Redo)}>{"Gör om"}</button>
                if !props.meeting {
                    <button type="button" id="save-start" class="button" onclick={props.on_save}>
                        { if props.has_open { "Spara som nytt" } else { "Spara scenario" } }
                    </button>
                    <button type="button" class="button button--secondary" aria-expanded={props.saved_open.to_string()}
                        aria-controls="saved-panel" onclick={props.on_toggle_saved}>
                        { format!("Sparade scenarier ({})", props.saved_count) }
                    </button>
                    <details class="menu" id="export-menu">
                        <summary class="button button--secondary">{"Dela, skriv ut, ladda ner"}</summary>
                        <div class="menu__items">
                            // Which scenario: the one shown (not, say, one column of the comparison).
                            <p class="menu__hint">{ props.export_for.clone() }</p>
                            <button type="button" class="menu__item" onclick={export(Export::CopyLink)}>{"Kopiera länk till scenariot"}</button>
                            <button type="button" class="menu__item" onclick={export(Export::Print)}>{"Skriv ut beslutsunderlag"}</button>
                            <button type="button" class="menu__item" onclick={export(Export::BudgetCsv)}>{"Ladda ner budgeten (CSV)"}</button>
                            if props.has_members {
                                <button type="button" class="menu__item" onclick={export(Export::MembersCsv)}>{"Ladda ner medlemstabellen (CSV)"}</button>
                            }
                            if props.has_follow_up {
                                <button type="button" class="menu__item" onclick={export(Export::FollowUpCsv)}>{"Ladda ner uppföljningen (CSV)"}</button>
                            }
                            <button type="button" class="menu__item" onclick={export(Export::Excel)}>{"Ladda ner Excel med formler"}</button>
                        </div>
                    </details>
                    <button type="button" class="button" onclick={send(d, Msg::AddToComparison)}>
                        {"Lägg till i jämförelsen"}
                        <span class="toolbar__count">{ format!(" ({}/{MAX_COLUMNS})", props.compared) }</span>
                    </button>
                }
                <button type="button" class="button button--secondary toolbar__meeting" aria-pressed={props.meeting.to_string()}
                    onclick={send(d, Msg::SetMeeting(!props.meeting))}>
                    if props.meeting {
                        {"Lämna mötesläget"}
                        // The key only where there is a keyboard to press it.
                        <span class="toolbar__key">{" (Esc)"}</span>
                    } else {
                        {"Mötesläge"}
                    }
                </button>
            </div>
            <p id="export-status" class="toolbar__status" role="status" data-testid="export-status">{ props.status }</p>
        </div>
    }
}
