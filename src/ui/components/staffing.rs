//! "Bemanning och deltagare": per team its funded FTE and participants
//! (editable), and per year what is kept if nobody fills the gap, what is at
//! risk, and the cost per funded FTE. Figures from `core::staffing`.

use crate::core::staffing::TeamStaffing;
use crate::core::{Dataset, Field, Scenario};
use crate::export::format::decimal_comma;
use crate::export::markup::range_text;
use crate::export::tables;
use crate::page::{Commit, NumberField};
use crate::state::workspace::Msg;
use crate::ui::components::fields::{NumberInput, ParticipantsInput};
use crate::ui::components::patched::Patched;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct TeamCardProps {
    team: TeamStaffing,
    /// The scenario's own FTE and participants for the team, if set.
    fte_override: Option<Decimal>,
    participants_override: Option<(u32, u32)>,
    /// The data set's figures, shown as placeholders.
    data_fte: Option<Decimal>,
    data_participants: Option<(u32, u32)>,
    /// The plan years, for the table's columns.
    years: Rc<Vec<u16>>,
    send: Callback<Msg>,
}

#[function_component(TeamCard)]
fn team_card(props: &TeamCardProps) -> Html {
    let t = &props.team;
    let fte_field = Field::TeamFte(t.id.clone());
    let table = use_memo(
        (props.team.clone(), props.years.clone()),
        |(team, years)| tables::team_table(team, years),
    );
    html! {
        <article class="team-card" aria-labelledby={format!("team-{}-title", t.id)}>
            <h3 id={format!("team-{}-title", t.id)}>{ t.name.clone() }</h3>
            <div class="team-card__inputs">
                <div class="field">
                    <label for={format!("fte-{}", t.id)}>{"Årsarbetare som teampengarna betalar"}</label>
                    <NumberInput field={NumberField {
                        id: format!("fte-{}", t.id),
                        aria_label: None,
                        value: props.fte_override,
                        rule: fte_field.rule(),
                        commit: Commit::Set(fte_field.clone()),
                        optional: true,
                        placeholder: Some(props.data_fte.map(decimal_comma).unwrap_or_else(|| "saknas".to_owned())),
                        hint_id: None,
                    }} send={props.send.clone()} />
                </div>
                <div class="field">
                    <label for={format!("part-{}", t.id)}>{"Deltagare samtidigt"}</label>
                    <ParticipantsInput id={format!("part-{}", t.id)} team={t.id.clone()} value={props.participants_override}
                        placeholder={props.data_participants.map(|(l, h)| range_text(l.into(), h.into())).unwrap_or_else(|| "saknas".to_owned())}
                        send={props.send.clone()} />
                </div>
            </div>
            if t.fte.is_none() {
                <p class="field-hint">{"Uppgift saknas i underlagen: fyll i bemanning och deltagare för att se följderna."}</p>
            }
            <Patched fragment={table} class="table-wrap" region={tables::team_table_label(t)} />
        </article>
    }
}

#[derive(Properties, PartialEq)]
pub struct StaffingProps {
    pub data: Rc<Dataset>,
    pub staffing: Rc<Vec<TeamStaffing>>,
    pub scenario: Rc<Scenario>,
    /// The plan years, for the tables' columns.
    pub years: Rc<Vec<u16>>,
    pub send: Callback<Msg>,
}

#[function_component(StaffingSection)]
pub fn staffing_section(props: &StaffingProps) -> Html {
    let years = props.years.clone();
    if props.staffing.is_empty() {
        return html! {};
    }
    html! {
        <section class="staffing" aria-labelledby="staffing-title">
            <h2 id="staffing-title">{"Bemanning och deltagare"}</h2>
            <p class="field-hint">
                {"Antagande: om ingen medlem skjuter till pengar krymper teamet i proportion till pengarna. Årsarbetare och deltagare multipliceras med förbundets andel av teamets fulla kostnad; årsarbetare avrundas till en decimal och deltagare till hela personer. Siffrorna kommer från dataunderlaget (källan står per team under Källor) och kan ändras per team: årsarbetare som tal ≥ 0 med högst en decimal, deltagare som ”50–55”. Ett tomt fält betyder underlagets siffra. Kostnad per årsarbetare är teamets fulla kostnad det året delad med årsarbetarna, så den följer årets siffror (till exempel prognos ett år och budget nästa) fast bemanningen är densamma."}
            </p>
            <details class="section-details" id="staffing-details">
                <summary>{ crate::export::counted::teams_fold_summary(props.staffing.len()) }</summary>
            <div class="staffing__grid">
                { for props.staffing.iter().map(|t| {
                    let info = props.data.team_info(&t.id);
                    html! {
                        <TeamCard key={t.id.clone()} team={t.clone()}
                            fte_override={props.scenario.team_fte.get(&t.id).copied()}
                            participants_override={props.scenario.team_participants.get(&t.id).copied()}
                            data_fte={info.and_then(|i| i.fte)}
                            data_participants={info.and_then(|i| i.participants)}
                            years={years.clone()} send={props.send.clone()} />
                    }
                }) }
            </div>
            </details>
        </section>
    }
}
