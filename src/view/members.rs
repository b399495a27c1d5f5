//! The members' view: "Visa för medlem" (one member's own figures and the
//! sentences its finance officer can copy into a budget memo) and the
//! section "Medlemmarna" (every member's contribution, top-up, total and
//! change, with the rule for who finds the teams' top-ups). The tables are
//! written by `model::tables` and inserted as one raw node each, which Yew
//! replaces only when their text changes.

use crate::model::members::MembersTable;
use crate::model::scenario::TopupRule;
use crate::model::staffing::TeamStaffing;
use crate::model::tables;
use crate::model::workspace::Msg;
use crate::model::{Action, Dataset};
use crate::view::panels::Export;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MemberViewProps {
    pub data: Rc<Dataset>,
    pub table: Rc<MembersTable>,
    pub staffing: Rc<Vec<TeamStaffing>>,
    pub member: Option<AttrValue>,
    pub rule: TopupRule,
    pub dispatch: Callback<Msg>,
}

/// "Visa för medlem": a picker and the chosen member's own figures.
#[function_component(MemberView)]
pub fn member_view(props: &MemberViewProps) -> Html {
    let onchange = {
        let d = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<HtmlSelectElement>().value();
            d.emit(Msg::PickMember((!id.is_empty()).then_some(id)));
        })
    };
    let details = props.member.as_ref().and_then(|id| {
        tables::member_view(&props.data, &props.table, &props.staffing, id, props.rule)
            .map(|text| Html::from_html_unchecked(text.into()))
    });
    html! {
        <section class="member-view" aria-labelledby="member-view-title">
            <h2 id="member-view-title" class="visually-hidden">{"En medlems siffror"}</h2>
            <div class="field member-view__pick">
                <label for="member-pick">{"Visa för medlem"}</label>
                <select id="member-pick" class="select" {onchange}>
                    <option value="" selected={details.is_none()}>{"Välj medlem …"}</option>
                    { for props.table.members.iter().map(|m| html! {
                        <option value={m.id.clone()} selected={props.member.as_deref() == Some(m.id.as_str())}>{ m.name.clone() }</option>
                    }) }
                </select>
            </div>
            if let Some(details) = details {
                <div class="member-view__details" data-testid="member-view">{ details }</div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct MembersProps {
    pub table: Rc<MembersTable>,
    /// How the contributions are split, in words.
    pub split: AttrValue,
    /// Downloads the table as CSV (done by the on-demand module).
    pub on_export: Callback<Export>,
    pub rule: TopupRule,
    pub dispatch: Callback<Action>,
}

/// "Medlemmarna": every member per year, and who finds the teams' top-ups.
#[function_component(MembersSection)]
pub fn members_section(props: &MembersProps) -> Html {
    let on_rule = |rule: TopupRule| {
        let d = props.dispatch.clone();
        Callback::from(move |_: Event| d.emit(Action::SetTopupRule(rule)))
    };
    html! {
        <section class="members" aria-labelledby="members-title">
            <h2 id="members-title">{"Medlemmarna"}</h2>
            <p class="field-hint">{ props.split.clone() }</p>
            <fieldset class="group members__rule">
                <legend>{"Vem står för teamens tillskott?"}</legend>
                <label class="radio">
                    <input type="radio" name="topup" value="served" checked={props.rule == TopupRule::Served} onchange={on_rule(TopupRule::Served)} />
                    {"De kommuner teamet betjänar"}
                </label>
                <p class="field-hint">{"Varje teams tillskott delas av kommunerna i teamets område, efter folkmängd (standard)."}</p>
                <label class="radio">
                    <input type="radio" name="topup" value="key" checked={props.rule == TopupRule::Key} onchange={on_rule(TopupRule::Key)} />
                    {"Alla medlemmar, som medlen"}
                </label>
                <p class="field-hint">{"Varje teams tillskott delas som medlen: staten 50 %, regionen 25 %, kommunerna 25 % efter folkmängd."}</p>
            </fieldset>
            <details class="section-details" id="members-details">
                <summary>{ format!("Visa alla {} medlemmar per år", props.table.members.len()) }</summary>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Medlemmarna, tabell">
                    { Html::from_html_unchecked(tables::members_table(&props.table).into()) }
                </div>
                <button type="button" class="button button--secondary members__csv" onclick={props.on_export.reform(|_| Export::MembersCsv)}>
                    {"Ladda ner medlemstabellen (CSV)"}
                </button>
            </details>
        </section>
    }
}
