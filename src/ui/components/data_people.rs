//! The data set editor's members and teams: who the members are (added,
//! renamed, a municipality removed), each municipality's weight in the key
//! and the key's source, which municipalities each team serves,
//! and each team's funded FTE and participants. A data set without members
//! says so; its teams' staffing can still be given.

use crate::core::members::shared_like_contributions;
use crate::export::format::{grouped_number, percent_input};
use crate::export::tables::unserved_sentence;
use crate::state::edit::DataEdit;
use crate::state::workspace::Msg;
use crate::ui::components::data_editor::{text_field, DataEditorProps};
use crate::ui::platform;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A button that sends `change` and then puts the focus on `focus` (the
/// field it made, or the button that stays when its row is gone).
fn edit_button(
    p: &DataEditorProps,
    id: Option<String>,
    label: Option<String>,
    text: String,
    change: DataEdit,
    focus: String,
) -> Html {
    let send = p.send.clone();
    let onclick = Callback::from(move |_| {
        send.emit(Msg::EditData(change.clone()));
        platform::focus_after_render(focus.clone());
    });
    html! {
        <button type="button" id={id} class="button button--small button--secondary" aria-label={label} {onclick}>{ text }</button>
    }
}

fn members(p: &DataEditorProps) -> Html {
    let Some(members) = &p.data.members else {
        return html! {
            <>
                <p class="field-hint">{"Dataunderlaget har inga medlemmar: medlemmarnas och bemanningens vyer säger det, allt annat fungerar."}</p>
                { edit_button(p, Some("data-add-members".into()), None,
                    "Lägg till medlemmar (staten 50 %, regionen 25 %, kommunerna resten)".into(),
                    DataEdit::AddMembers, "data-member-1-name".into()) }
            </>
        };
    };
    let count = members.list.len();
    html! {
        <>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Medlemmarna och fördelningsnyckeln, tabell att redigera">
                <table class="data-editor__table">
                    <thead><tr>
                        <th scope="col">{"Medlem"}</th><th scope="col" class="num">{"Fast andel"}</th><th scope="col" class="num">{"Vikt i nyckeln"}</th>
                        <th scope="col"><span class="visually-hidden">{"Ta bort"}</span></th>
                    </tr></thead>
                    <tbody>
                        { for members.list.iter().enumerate().map(|(m, member)| html! {
                            <tr>
                                <th scope="row">{ text_field(p, format!("data-member-{m}-name"), format!("Medlemmens namn, medlem {}", m + 1),
                                    member.name.clone(), false, move |text| DataEdit::MemberName { member: m, text }) }</th>
                                <td class="num">{ member.fixed_percent.map(|f| format!("{} %", percent_input(f))).unwrap_or_else(|| "–".to_owned()) }</td>
                                <td>
                                    if member.fixed_percent.is_none() {
                                        { text_field(p, format!("data-member-{m}-weight"), format!("Vikt i nyckeln för {}", member.name),
                                            member.key_weight.map(grouped_number).unwrap_or_default(), true,
                                            move |text| DataEdit::KeyWeight { member: m, text }) }
                                    }
                                </td>
                                <td class="data-editor__actions">
                                    if member.fixed_percent.is_none() {
                                        { edit_button(p, None, Some(format!("Ta bort {}", member.name)), "Ta bort".into(),
                                            DataEdit::RemoveMember { member: m }, "data-add-municipality".into()) }
                                    }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <p class="data-editor__add">
                { edit_button(p, Some("data-add-municipality".into()), None, "Ny kommun".into(),
                    DataEdit::AddMunicipality, format!("data-member-{count}-name")) }
                { edit_button(p, Some("data-remove-members".into()), None, "Ta bort alla medlemmar".into(),
                    DataEdit::RemoveMembers, "data-add-members".into()) }
            </p>
            <p class="field-hint">{"En medlem med fast andel betalar den delen av medlen; kommunerna delar resten efter vikterna, t.ex. folkmängden. En ny kommun väger 0 tills du skriver dess vikt, så inga siffror ändras förrän dess."}</p>
            <div class="field">
                <label for="data-key-source">{"Nyckelns källa"}</label>
                <select id="data-key-source" class="select" onchange={{
                    let send = p.send.clone();
                    Callback::from(move |e: Event| {
                        let id = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                        send.emit(Msg::EditData(DataEdit::KeySource(id)));
                    })
                }}>
                    <option value="" selected={members.key_source.is_empty()}>{"ingen angiven"}</option>
                    { for p.data.sources.iter().map(|s| html! {
                        <option value={s.id.clone()} selected={s.id == members.key_source}>{ format!("{} ({})", s.title, s.issuer) }</option>
                    }) }
                </select>
            </div>
        </>
    }
}

fn team(p: &DataEditorProps, id: &str, name: &str) -> Html {
    let d = &p.data;
    let info = d.team_info(id);
    let serves = |member: &str| info.is_some_and(|t| t.serves.iter().any(|m| m == member));
    let municipalities = d.member_list().iter().filter(|m| m.fixed_percent.is_none());
    let (team_for_fte, team_for_part) = (id.to_owned(), id.to_owned());
    let unserved = d.members.as_ref().is_some_and(|members| {
        shared_like_contributions(members, info.map_or(&[][..], |t| t.serves.as_slice()))
    });
    html! {
        <fieldset class="data-editor__team">
            <legend>{ name.to_owned() }</legend>
            if d.members.is_some() {
                <p class="data-editor__serves" role="group" aria-label={format!("Kommuner som {name} arbetar för")}>
                    { for municipalities.map(|m| {
                        let (send, team, member) = (p.send.clone(), id.to_owned(), m.id.clone());
                        let onchange = Callback::from(move |e: Event| {
                            let serves = e.target_unchecked_into::<HtmlInputElement>().checked();
                            send.emit(Msg::EditData(DataEdit::Serves { team: team.clone(), member: member.clone(), serves }));
                        });
                        let box_id = format!("data-team-{id}-serves-{}", m.id);
                        html! {
                            <span class="data-editor__check">
                                <input type="checkbox" id={box_id.clone()} checked={serves(&m.id)} {onchange} />
                                <label for={box_id}>{ m.name.clone() }</label>
                            </span>
                        }
                    }) }
                </p>
                if unserved {
                    <p class="field-hint">{ unserved_sentence(name) }</p>
                }
            }
            <div class="data-editor__grid">
                <div class="field">
                    <label for={format!("data-team-{id}-fte")}>{"Finansierade årsarbetare"}</label>
                    { text_field(p, format!("data-team-{id}-fte"), format!("Finansierade årsarbetare, {name}"),
                        info.and_then(|t| t.fte).map(percent_input).unwrap_or_default(), true,
                        move |text| DataEdit::TeamFte { team: team_for_fte.clone(), text }) }
                </div>
                <div class="field">
                    <label for={format!("data-team-{id}-participants")}>{"Deltagare samtidigt (t.ex. 40–60)"}</label>
                    { text_field(p, format!("data-team-{id}-participants"), format!("Deltagare samtidigt, {name}"),
                        info.and_then(|t| t.participants).map(|(l, h)| if l == h { l.to_string() } else { format!("{l}–{h}") }).unwrap_or_default(), true,
                        move |text| DataEdit::TeamParticipants { team: team_for_part.clone(), text }) }
                </div>
            </div>
        </fieldset>
    }
}

#[function_component(PeopleEditor)]
pub fn people_editor(p: &DataEditorProps) -> Html {
    let teams: Vec<(String, String)> = p
        .data
        .teams()
        .map(|l| (l.id.clone(), l.name.clone()))
        .collect();
    html! {
        <>
            <fieldset class="data-editor__group">
                <legend>{"Medlemmar och fördelningsnyckel"}</legend>
                { members(p) }
            </fieldset>
            <fieldset class="data-editor__group">
                <legend>{"Samordningsteamen"}</legend>
                if teams.is_empty() {
                    <p class="field-hint">{"Inga rader är markerade som samordningsteam (kryssa i ”Team” på en rad bland individinsatserna)."}</p>
                }
                { for teams.iter().map(|(id, name)| team(p, id, name)) }
            </fieldset>
        </>
    }
}
