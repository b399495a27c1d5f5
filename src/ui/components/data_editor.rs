//! The data set editor (spec section 10): the general fields and years,
//! the budget lines with one amount per column and the members' revenue,
//! the columns, and the members' key and the teams' staffing. Every field
//! sends a `DataEdit`; the workspace parses it exactly, checks the whole
//! data set and saves it, or refuses it with a sentence shown beside the
//! field. The figures on the page follow as one types.

use crate::core::dataset::{Category, ColumnKind, Dataset};
use crate::core::horizon::{PlanPeriod, Year};
use crate::export::format::{column_title, kronor, percent_input};
use crate::state::edit::{typed_field, DataEdit};
use crate::state::workspace::Msg;
use crate::ui::components::data_people::PeopleEditor;
use crate::ui::components::edit_field::EditField;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DataEditorProps {
    pub data: Rc<Dataset>,
    /// The last refused field: its id and why.
    pub error: Option<(String, String)>,
    pub send: Callback<Msg>,
}

/// The refusal for the field `id`, if it is the one refused.
pub fn error_for(error: &Option<(String, String)>, id: &str) -> Option<AttrValue> {
    error
        .as_ref()
        .filter(|(field, _)| field == id)
        .map(|(_, why)| AttrValue::from(why.clone()))
}

/// A field that edits one text of the data set.
pub fn text_field(
    p: &DataEditorProps,
    id: String,
    label: String,
    value: String,
    numeric: bool,
    make: impl Fn(String) -> DataEdit + 'static,
) -> Html {
    html! {
        <EditField id={id.clone()} label={label} value={value} numeric={numeric}
            error={error_for(&p.error, &id)} send={p.send.clone()} make={Callback::from(make)} />
    }
}

const CATEGORIES: [Category; 3] = [Category::Admin, Category::Individ, Category::Struktur];

/// A category's short name, for a list in a table row.
pub fn category_word(category: Category) -> &'static str {
    match category {
        Category::Admin => "Administration",
        Category::Individ => "Individinsatser",
        Category::Struktur => "Strukturella insatser",
    }
}
const KINDS: [(ColumnKind, &str); 5] = [
    (ColumnKind::Budget, "Budget"),
    (ColumnKind::Outcome, "Utfall"),
    (ColumnKind::Prognosis, "Prognos"),
    (ColumnKind::OutcomeToDate, "Utfall hittills"),
    (ColumnKind::Outlook, "Utblick"),
];

fn year_select(
    id: &str,
    label: &str,
    years: impl Iterator<Item = Year>,
    chosen: Option<Year>,
    none: Option<&str>,
    send: Callback<Option<Year>>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let select = e.target_unchecked_into::<HtmlSelectElement>();
        send.emit(select.value().parse().ok());
        // A refused year leaves the state, and so the options' `selected`,
        // as they were, but the list would go on showing the year picked:
        // once the render is done, show the option the state marks.
        gloo::timers::callback::Timeout::new(0, move || {
            if let Ok(Some(marked)) = select.query_selector("option[selected]") {
                select.set_value(&marked.get_attribute("value").unwrap_or_default());
            }
        })
        .forget();
    });
    html! {
        <div class="field">
            <label for={id.to_owned()}>{ label }</label>
            <select id={id.to_owned()} class="select" {onchange}>
                if let Some(none) = none {
                    <option value="" selected={chosen.is_none()}>{ none }</option>
                }
                { for years.map(|y| html! { <option value={y.to_string()} selected={chosen == Some(y)}>{ y }</option> }) }
            </select>
        </div>
    }
}

fn general(p: &DataEditorProps) -> Html {
    let d = &p.data;
    let edit = |make: fn(Option<Year>) -> Option<DataEdit>| {
        let send = p.send.clone();
        Callback::from(move |y: Option<Year>| {
            if let Some(change) = make(y) {
                send.emit(Msg::EditData(change));
            }
        })
    };
    let years: Vec<Year> = {
        let mut y: Vec<Year> = d.columns.iter().map(|c| c.year).collect();
        y.dedup();
        y
    };
    let first = d.first_plan_year;
    html! {
        <fieldset class="data-editor__group">
            <legend>{"Allmänt"}</legend>
            <div class="data-editor__grid">
                <div class="field"><label for="data-name">{"Dataunderlagets namn"}</label>
                    { text_field(p, "data-name".into(), "Dataunderlagets namn".into(), d.name.clone(), false, DataEdit::Name) }</div>
                <div class="field"><label for="data-organisation">{"Organisation"}</label>
                    { text_field(p, "data-organisation".into(), "Organisation".into(), d.organisation.clone(), false, DataEdit::Organisation) }</div>
                <div class="field"><label for="data-opening">{ format!("Ingående eget kapital {}", d.reference_year.unwrap_or(first)) }</label>
                    { text_field(p, "data-opening".into(), "Ingående eget kapital, kr".into(), kronor(d.opening_equity.amount), true, DataEdit::OpeningEquity) }</div>
                <div class="field"><label for="data-guideline">{"Riktvärde för eget kapital, % av årets medel"}</label>
                    { text_field(p, "data-guideline".into(), "Riktvärde för eget kapital, procent".into(), percent_input(d.equity_guideline.value), true, DataEdit::Guideline) }</div>
                { year_select("data-reference-year", "Referensår", years.iter().copied().filter(|y| *y < first), d.reference_year, Some("inget"), edit(|y| Some(DataEdit::ReferenceYear(y)))) }
                { year_select("data-first-year", "Första planår", years.iter().copied(), Some(first), None, edit(|y| y.map(DataEdit::FirstPlanYear))) }
                { year_select("data-plan-end", "Dataunderlagets planperiod till", first..=PlanPeriod::latest_end(first), Some(d.plan_end), None, edit(|y| y.map(DataEdit::PlanEnd))) }
            </div>
            <p class="field-hint">{"Ett nytt första planår (t.ex. 2026 när budget 2026 är lagd) gör det förra till referensår med dess budgetkolumn, som kan ändras till utfall under ”Kolumner”; äldre kolumner och förra årets prognos och utfall hittills tas bort. Ingående eget kapital blir det förra årets ingående. Allt kan ångras."}</p>
        </fieldset>
    }
}

fn line_row(p: &DataEditorProps, i: usize) -> Html {
    let d = &p.data;
    let line = &d.lines[i];
    let send = p.send.clone();
    let category = {
        let send = send.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(&category) = CATEGORIES.iter().find(|c| c.key() == value) {
                send.emit(Msg::EditData(DataEdit::LineCategory { line: i, category }));
            }
        })
    };
    let team = {
        let send = send.clone();
        Callback::from(move |e: Event| {
            let team = e.target_unchecked_into::<HtmlInputElement>().checked();
            send.emit(Msg::EditData(DataEdit::LineTeam { line: i, team }));
        })
    };
    let button = |label: String, text: &'static str, change: DataEdit| {
        let send = send.clone();
        html! {
            <button type="button" class="button button--small button--secondary" aria-label={label}
                onclick={Callback::from(move |_| send.emit(Msg::EditData(change.clone())))}>{ text }</button>
        }
    };
    let name = &line.name;
    html! {
        <tr>
            <th scope="row">{ text_field(p, format!("data-line-{i}-name"), format!("Radens namn, rad {}", i + 1), name.clone(), false, move |text| DataEdit::LineName { line: i, text }) }</th>
            <td>
                <select class="select" aria-label={format!("Kategori för {name}")} onchange={category}>
                    { for CATEGORIES.iter().map(|c| html! { <option value={c.key()} selected={*c == line.category}>{ category_word(*c) }</option> }) }
                </select>
            </td>
            <td class="data-editor__center">
                <input type="checkbox" aria-label={format!("{name} är ett samordningsteam")} checked={line.team}
                    disabled={line.category != Category::Individ} onchange={team} />
            </td>
            { for line.amounts.iter().enumerate().map(|(c, amount)| html! {
                <td>{ text_field(p, format!("data-line-{i}-amount-{c}"), format!("{name}, {}", column_title(&d.columns[c])), kronor(*amount), true, move |text| DataEdit::Amount { line: i, column: c, text }) }</td>
            }) }
            <td class="data-editor__actions">
                { button(format!("Flytta upp {name}"), "↑", DataEdit::MoveLine { line: i, up: true }) }
                { button(format!("Flytta ned {name}"), "↓", DataEdit::MoveLine { line: i, up: false }) }
                { button(format!("Ta bort {name}"), "Ta bort", DataEdit::RemoveLine { line: i }) }
            </td>
        </tr>
    }
}

fn lines(p: &DataEditorProps) -> Html {
    let d = &p.data;
    let add = |category: Category| {
        let send = p.send.clone();
        html! {
            <button type="button" class="button button--small button--secondary"
                onclick={Callback::from(move |_| send.emit(Msg::EditData(DataEdit::AddLine { category })))}>
                { format!("Ny rad: {}", category_word(category).to_lowercase()) }
            </button>
        }
    };
    html! {
        <fieldset class="data-editor__group">
            <legend>{"Budgetrader och medel, hela kronor"}</legend>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Budgetraderna, tabell att redigera">
                <table class="data-editor__table">
                    <thead><tr>
                        <th scope="col">{"Rad"}</th><th scope="col">{"Kategori"}</th><th scope="col">{"Team"}</th>
                        { for d.columns.iter().map(|c| html! { <th scope="col" class="num">{ column_title(c) }</th> }) }
                        <th scope="col"><span class="visually-hidden">{"Ändra ordning eller ta bort"}</span></th>
                    </tr></thead>
                    <tbody>
                        { for (0..d.lines.len()).map(|i| line_row(p, i)) }
                        <tr class="data-editor__revenue">
                            <th scope="row">{"Medel från huvudmännen"}</th><td></td><td></td>
                            { for d.revenue.iter().enumerate().map(|(c, r)| html! {
                                <td>{ text_field(p, format!("data-revenue-{c}"), format!("Medel från huvudmännen, {}", column_title(&d.columns[c])), r.map(kronor).unwrap_or_default(), true, move |text| DataEdit::Revenue { column: c, text }) }</td>
                            }) }
                            <td></td>
                        </tr>
                    </tbody>
                </table>
            </div>
            <p class="data-editor__add">{ for CATEGORIES.iter().map(|c| add(*c)) }</p>
        </fieldset>
    }
}

#[function_component(ColumnsEditor)]
fn columns(p: &DataEditorProps) -> Html {
    let d = &p.data;
    let kind = use_state(|| ColumnKind::Budget);
    let year = use_state(|| d.first_plan_year + 1);
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some((k, _)) = KINDS.iter().find(|(_, w)| *w == value) {
                kind.set(*k);
            }
        })
    };
    let on_year = {
        let year = year.clone();
        Callback::from(move |y: Option<Year>| {
            if let Some(y) = y {
                year.set(y);
            }
        })
    };
    let add = {
        let (send, kind, year) = (p.send.clone(), kind.clone(), year.clone());
        Callback::from(move |_| {
            send.emit(Msg::EditData(DataEdit::AddColumn {
                kind: *kind,
                year: *year,
            }))
        })
    };
    let first = d.reference_year.unwrap_or(d.first_plan_year);
    html! {
        <fieldset class="data-editor__group">
            <legend>{"Kolumner"}</legend>
            <ul class="data-editor__columns">
                { for d.columns.iter().enumerate().map(|(c, column)| {
                    let send = p.send.clone();
                    let title = column_title(column);
                    let on_kind = {
                        let send = send.clone();
                        Callback::from(move |e: Event| {
                            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                            if let Some((kind, _)) = KINDS.iter().find(|(_, w)| *w == value) {
                                send.emit(Msg::EditData(DataEdit::SetColumnKind { column: c, kind: *kind }));
                            }
                        })
                    };
                    html! {
                        <li>
                            <span>{ title.clone() }</span>
                            <select class="select" aria-label={format!("Slag för kolumnen {title}")} onchange={on_kind}>
                                { for KINDS.iter().map(|(k, w)| html! { <option value={*w} selected={*k == column.kind}>{ *w }</option> }) }
                            </select>
                            <button type="button" class="button button--small button--secondary" aria-label={format!("Ta bort kolumnen {title}")}
                                onclick={Callback::from(move |_| send.emit(Msg::EditData(DataEdit::RemoveColumn { column: c })))}>{"Ta bort"}</button>
                        </li>
                    }
                }) }
            </ul>
            <div class="data-editor__grid">
                <div class="field">
                    <label for="data-new-column-kind">{"Ny kolumn: slag"}</label>
                    <select id="data-new-column-kind" class="select" onchange={on_kind}>
                        { for KINDS.iter().map(|(k, w)| html! { <option value={*w} selected={*k == *kind}>{ *w }</option> }) }
                    </select>
                </div>
                { year_select("data-new-column-year", "Ny kolumn: år", first..=PlanPeriod::latest_end(d.first_plan_year), Some(*year), None, on_year) }
                <div class="field field--button">
                    <button type="button" class="button button--secondary" onclick={add}>{"Lägg till kolumnen"}</button>
                </div>
            </div>
            <p class="field-hint">{"En ny kolumn börjar med raderna från samma års budget, annars från närmast föregående år, så att inga siffror ändras förrän du skriver de belopp som skiljer. Utfall hittills börjar på 0 kr. Medlen från huvudmännen fyller du i för sig."}</p>
        </fieldset>
    }
}

/// The refusal of a change that has no text field (a select, a button).
fn refused(p: &DataEditorProps) -> Html {
    match &p.error {
        Some((field, why)) if !typed_field(field) => html! {
            <p class="notice notice--warning" role="alert">{ format!("Ändringen gjordes inte: {why}") }</p>
        },
        _ => html! {},
    }
}

#[function_component(DataEditor)]
pub fn data_editor(p: &DataEditorProps) -> Html {
    html! {
        <section class="data-editor" aria-labelledby="data-editor-title">
            <h3 id="data-editor-title">{ format!("Redigera ”{}”", p.data.name) }</h3>
            <p class="field-hint">{"Ändringar sparas automatiskt och kan ångras. Belopp i hela kronor; en ändring som bryter mot en kontroll görs inte, och skälet står vid fältet."}</p>
            { refused(p) }
            { general(p) }
            { lines(p) }
            <ColumnsEditor data={p.data.clone()} error={p.error.clone()} send={p.send.clone()} />
            <PeopleEditor data={p.data.clone()} error={p.error.clone()} send={p.send.clone()} />
        </section>
    }
}
