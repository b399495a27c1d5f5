//! The members' views: "Visa för medlem" (one member's own figures, the
//! sentences its finance officer can copy into a budget memo, and the level
//! buttons, so the officer need not scroll up) and the section "Medlemmarna"
//! (every member's contribution, top-up, total and change, with the rule for
//! who finds the teams' top-ups). The tables are written by `export::tables`
//! and inserted as one raw node each, which Yew replaces only when their
//! text changes; a "Kopiera" button in a sentence is answered here.

use crate::core::horizon::Year;
use crate::core::members::MembersTable;
use crate::core::staffing::TeamStaffing;
use crate::core::Field;
use crate::core::{Dataset, TopupRule};
use crate::export::format::percent_input;
use crate::export::tables;
use crate::state::update::Action;
use crate::state::workspace::Msg;
use crate::ui::components::markup;
use crate::ui::components::patched::Patched;
use crate::ui::platform::clipboard;
use rust_decimal::Decimal;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MemberViewProps {
    pub data: Rc<Dataset>,
    pub table: Option<Rc<MembersTable>>,
    pub staffing: Rc<Vec<TeamStaffing>>,
    pub member: Option<AttrValue>,
    pub rule: TopupRule,
    /// The plan years after the first, with their funding level, for the level buttons.
    pub levels: Rc<Vec<(Year, Decimal)>>,
    pub send: Callback<Msg>,
}

/// "Visa för medlem": a picker and the chosen member's own figures.
#[function_component(MemberView)]
pub fn member_view(props: &MemberViewProps) -> Html {
    let copied = use_state_eq(|| None::<String>);
    let Some(table) = props.table.clone() else {
        return html! {};
    };
    let onchange = {
        let send = props.send.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<HtmlSelectElement>().value();
            send.emit(Msg::PickMember((!id.is_empty()).then_some(id)));
        })
    };
    // The sentences' "Kopiera" buttons are in the raw table text: one
    // listener for all of them.
    let onclick = {
        let copied = copied.clone();
        Callback::from(move |e: MouseEvent| {
            let button = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest("button[data-copy]").ok().flatten());
            if let Some(text) = button.and_then(|b| b.get_attribute("data-copy")) {
                let copied = copied.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    copied.set(Some(match clipboard::copy(&text).await {
                        Ok(()) => "Meningen är kopierad.".to_owned(),
                        Err(_) => {
                            "Meningen kunde inte kopieras automatiskt; markera den och kopiera."
                                .to_owned()
                        }
                    }));
                });
            }
        })
    };
    let details = props.member.as_ref().and_then(|id| {
        tables::member_view(&props.data, &table, &props.staffing, id, props.rule)
            .map(markup::render)
    });
    html! {
        <section class="member-view" id="member-view" tabindex="-1" aria-labelledby="member-view-title">
            <h2 id="member-view-title" class="visually-hidden">{"En medlems siffror"}</h2>
            <div class="field member-view__pick">
                <label for="member-pick">{"Visa för medlem"}</label>
                <select id="member-pick" class="select" {onchange}>
                    <option value="" selected={details.is_none()}>{"Välj medlem …"}</option>
                    { for table.members.iter().map(|m| html! {
                        <option value={m.id.clone()} selected={props.member.as_deref() == Some(m.id.as_str())}>{ m.name.clone() }</option>
                    }) }
                </select>
            </div>
            if let Some(details) = details {
                <LevelButtons levels={props.levels.clone()} send={props.send.clone()} />
                <div class="member-view__details" data-testid="member-view" {onclick}>{ details }</div>
                <p class="share__status" role="status">{ (*copied).clone().unwrap_or_default() }</p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct LevelProps {
    levels: Rc<Vec<(Year, Decimal)>>,
    send: Callback<Msg>,
}

/// The funding levels a member's officer most often tries, per year, right
/// beside the member's figures.
#[function_component(LevelButtons)]
fn level_buttons(props: &LevelProps) -> Html {
    html! {
        <div class="member-levels" role="group" aria-label="Finansieringsnivå per år">
            { for props.levels.iter().map(|&(year, current)| html! {
                <div class="member-levels__year">
                    <span class="member-levels__label">{ format!("{year}:") }</span>
                    { for [75, 80, 85, 100].into_iter().map(|v| {
                        let value = Decimal::from(v);
                        let send = props.send.clone();
                        let onclick = Callback::from(move |_| send.emit(Msg::Edit(Action::Set(Field::Funding(year), Some(value)))));
                        html! {
                            <button type="button" class="mark-button" aria-pressed={(current == value).to_string()}
                                aria-label={format!("Finansieringsnivå {year}: {v}\u{a0}%")} {onclick}>
                                { format!("{}\u{a0}%", percent_input(value)) }
                            </button>
                        }
                    }) }
                </div>
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct MembersProps {
    pub table: Option<Rc<MembersTable>>,
    /// How the contributions are split, in words.
    pub split: AttrValue,
    /// Downloads the table as CSV.
    pub on_csv: Callback<MouseEvent>,
    pub rule: TopupRule,
    pub dispatch: Callback<Action>,
}

/// "Medlemmarna": every member per year, and who finds the teams' top-ups.
#[function_component(MembersSection)]
pub fn members_section(props: &MembersProps) -> Html {
    let Some(table) = &props.table else {
        return html! {
            <section class="members" aria-labelledby="members-title">
                <h2 id="members-title">{"Medlemmarna"}</h2>
                <p class="field-hint">{"Dataunderlaget har inga medlemmar, så medlemmarnas andelar och tillskott kan inte visas. Allt annat fungerar."}</p>
            </section>
        };
    };
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
                <p class="field-hint">{"Varje teams tillskott delas av kommunerna i teamets område, efter fördelningsnyckeln (standard)."}</p>
                <label class="radio">
                    <input type="radio" name="topup" value="key" checked={props.rule == TopupRule::Key} onchange={on_rule(TopupRule::Key)} />
                    {"Alla medlemmar, som medlen"}
                </label>
                <p class="field-hint">{"Varje teams tillskott delas som medlen: de fasta andelarna först, resten efter fördelningsnyckeln."}</p>
            </fieldset>
            <details class="section-details" id="members-details">
                <summary>{ format!("Visa alla {} medlemmar per år", table.members.len()) }</summary>
                <Patched fragment={Rc::new(tables::members_table(table))} class="table-wrap" region="Medlemmarna, tabell" />
                <button type="button" class="button button--secondary members__csv" onclick={props.on_csv.clone()}>
                    {"Ladda ner medlemstabellen (CSV)"}
                </button>
            </details>
        </section>
    }
}
