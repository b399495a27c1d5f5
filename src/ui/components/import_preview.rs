//! "Importera budget (CSV eller Excel)": the file is read by the on-demand
//! `importer` module (fetched on the first import), and a preview shows
//! what was read and asks what the file does not say: the unit, the signs,
//! what each column is, each line's category and team flag, the years, the
//! names, the opening equity, and whether to copy the members from the data
//! set in use. The sums check and everything skipped are listed. "Använd"
//! makes it a new saved data set; "Avbryt" changes nothing.

use crate::core::dataset::{Category, ColumnKind, Dataset};
use crate::core::horizon::Year;
use crate::export::format::kind_word;
use crate::import::{Choices, ColumnChoice, Unit};
use crate::offload::import::{ApplyJob, ImportAnswer, ImportJob, PreviewShown};
use crate::offload::protocol::{Request, Response};
use crate::state::datasets::Datasets;
use crate::state::edit::parse_kronor;
use crate::state::workspace::Msg;
use crate::ui::components::data_editor::category_word;
use crate::ui::platform::{self, files, worker};
use rust_decimal::Decimal;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BudgetImportProps {
    pub datasets: Rc<Datasets>,
    /// The data set in use (its members may be copied).
    pub data: Rc<Dataset>,
    pub send: Callback<Msg>,
}

/// Where the import is.
#[derive(Clone, PartialEq)]
enum Step {
    Idle,
    Reading(String),
    Refused(String),
    Preview(Rc<ImportJob>, Box<PreviewShown>),
}

async fn ask(request: Request) -> Result<ImportAnswer, String> {
    match worker::call(&request).await? {
        Response::Import(answer) => Ok(answer),
        Response::Failed(why) => Err(why),
        _ => Err("oväntat svar".to_owned()),
    }
}

const KINDS: [ColumnKind; 5] = [
    ColumnKind::Budget,
    ColumnKind::Outcome,
    ColumnKind::Prognosis,
    ColumnKind::OutcomeToDate,
    ColumnKind::Outlook,
];
/// One change to the answers, from a control's value.
type ChoiceEdit = dyn Fn(&mut crate::import::Choices, String);

const CATEGORIES: [Category; 3] = [Category::Admin, Category::Individ, Category::Struktur];

fn on_select(f: impl Fn(String) + 'static) -> Callback<Event> {
    Callback::from(move |e: Event| f(e.target_unchecked_into::<HtmlSelectElement>().value()))
}

fn on_check(f: impl Fn(bool) + 'static) -> Callback<Event> {
    Callback::from(move |e: Event| f(e.target_unchecked_into::<HtmlInputElement>().checked()))
}

fn on_text(f: impl Fn(String) + 'static) -> Callback<InputEvent> {
    Callback::from(move |e: InputEvent| f(e.target_unchecked_into::<HtmlInputElement>().value()))
}

#[derive(Properties, PartialEq)]
struct PreviewProps {
    job: Rc<ImportJob>,
    shown: Box<PreviewShown>,
    data: Rc<Dataset>,
    send: Callback<Msg>,
    close: Callback<()>,
}

#[function_component(PreviewView)]
fn preview_view(p: &PreviewProps) -> Html {
    // Once shown (it may open below the fold): focused and brought into view.
    use_effect_with((), |_| platform::jump_to("import-title"));
    let choices = use_state(|| p.shown.choices.clone());
    let copy_members = use_state(|| false);
    let opening_text = use_state(String::new);
    let opening_error = use_state(|| None::<String>);
    let revenue_text = use_state(String::new);
    let revenue_error = use_state(|| None::<String>);
    // Why "Använd" was refused, with the answers it was refused for: shown
    // only while those stand, so an answer given clears the old list.
    let refusals = use_state(|| None::<(Choices, Vec<String>)>);
    let busy = use_state(|| false);
    let s = &p.shown;
    let c = (*choices).clone();
    let change = |f: Rc<ChoiceEdit>| {
        let choices = choices.clone();
        move |value: String| {
            let mut next = (*choices).clone();
            f(&mut next, value);
            choices.set(next);
        }
    };
    let years: Vec<Year> = {
        let mut y: Vec<Year> = s.columns.iter().map(|c| c.year).collect();
        y.sort_unstable();
        y.dedup();
        y
    };
    let notes = match c.unit {
        Some(Unit::Tkr) => &s.notes_tkr,
        Some(Unit::Kr) => &s.notes_kr,
        None => &s.notes_as_written,
    };
    let on_apply = {
        let (job, choices, send, close, refusals, busy) = (
            p.job.clone(),
            choices.clone(),
            p.send.clone(),
            p.close.clone(),
            refusals.clone(),
            busy.clone(),
        );
        let (copy, data) = (*copy_members, p.data.clone());
        Callback::from(move |_| {
            let sent = (*choices).clone();
            let apply = ApplyJob {
                file: (*job).clone(),
                choices: sent.clone(),
                members_from: copy.then(|| (*data).clone()),
            };
            let (send, close, refusals, busy) =
                (send.clone(), close.clone(), refusals.clone(), busy.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match ask(Request::ImportApply(Box::new(apply))).await {
                    Ok(ImportAnswer::Dataset(data)) => {
                        send.emit(Msg::AddDataset(data));
                        close.emit(());
                    }
                    Ok(ImportAnswer::NotApplied(why)) => refusals.set(Some((sent, why))),
                    Ok(ImportAnswer::Refused(why)) | Err(why) => {
                        refusals.set(Some((sent, vec![why])))
                    }
                    Ok(ImportAnswer::Preview(_)) => {
                        refusals.set(Some((sent, vec!["oväntat svar".to_owned()])))
                    }
                }
                busy.set(false);
            });
        })
    };
    let column_row = |i: usize| {
        let col = &s.columns[i];
        let chosen = c.columns.get(i).cloned().flatten();
        let kind_change = change(Rc::new(move |ch, v| {
            let year = ch.columns[i].as_ref().map(|c| c.year).unwrap_or(0);
            ch.columns[i] = KINDS
                .iter()
                .find(|k| k_key(**k) == v)
                .map(|k| ColumnChoice {
                    kind: *k,
                    year,
                    label: None,
                });
        }));
        let year_change = change(Rc::new(move |ch, v| {
            if let (Some(col), Ok(y)) = (ch.columns[i].as_mut(), v.parse()) {
                col.year = y;
            }
        }));
        html! {
            <tr>
                <th scope="row">{ col.heading.clone() }</th>
                <td><select class="select" aria-label={format!("Vad kolumnen ”{}” är", col.heading)} onchange={on_select(kind_change)}>
                    <option value="" selected={chosen.is_none()}>{"Används inte"}</option>
                    { for KINDS.iter().map(|k| html! { <option value={k_key(*k)} selected={chosen.as_ref().is_some_and(|c| c.kind == *k)}>{ kind_word(*k) }</option> }) }
                </select></td>
                <td><select class="select" aria-label={format!("År för kolumnen ”{}”", col.heading)} onchange={on_select(year_change)} disabled={chosen.is_none()}>
                    { for years.iter().map(|y| html! { <option value={y.to_string()} selected={chosen.as_ref().is_some_and(|c| c.year == *y)}>{ y }</option> }) }
                </select></td>
            </tr>
        }
    };
    let line_row = |i: usize| {
        let line = &s.lines[i];
        let answer = c.lines.get(i).cloned();
        let category = answer.as_ref().and_then(|a| a.category);
        let cat_change = change(Rc::new(move |ch, v| {
            ch.lines[i].category = CATEGORIES.iter().find(|c| c.key() == v).copied();
            if ch.lines[i].category != Some(Category::Individ) {
                ch.lines[i].team = false;
            }
        }));
        let team_change = {
            let choices = choices.clone();
            move |team: bool| {
                let mut next = (*choices).clone();
                next.lines[i].team = team;
                choices.set(next);
            }
        };
        html! {
            <tr class={classes!(category.is_none().then_some("import__asked"))}>
                <td class="num">{ line.row }</td>
                <th scope="row">{ line.name.clone() }
                    if let Some(written) = &line.written { <span class="field-hint">{ format!(" (filen: ”{written}”)") }</span> }
                </th>
                <td><select class="select" aria-label={format!("Kategori för {}", line.name)} aria-invalid={category.is_none().then_some("true")} onchange={on_select(cat_change)}>
                    <option value="" selected={category.is_none()}>{"Välj kategori"}</option>
                    { for CATEGORIES.iter().map(|k| html! { <option value={k.key()} selected={category == Some(*k)}>{ category_word(*k) }</option> }) }
                </select></td>
                <td class="data-editor__center"><input type="checkbox" aria-label={format!("{} är ett samordningsteam", line.name)}
                    checked={answer.as_ref().is_some_and(|a| a.team)} disabled={category != Some(Category::Individ)} onchange={on_check(team_change)} /></td>
                { for line.amounts.iter().map(|a| html! { <td class="num">{ a.clone() }</td> }) }
            </tr>
        }
    };
    let year_select = |id: &'static str,
                       label: &'static str,
                       chosen: Option<Year>,
                       none: bool,
                       set: fn(&mut crate::import::Choices, Option<Year>)| {
        let f = change(Rc::new(move |ch, v| set(ch, v.parse().ok())));
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                <select {id} class="select" onchange={on_select(f)}>
                    if none { <option value="" selected={chosen.is_none()}>{"inget"}</option> }
                    { for years.iter().map(|y| html! { <option value={y.to_string()} selected={chosen == Some(*y)}>{ y }</option> }) }
                </select>
            </div>
        }
    };
    // A whole-krona answer typed into the preview (the opening equity, the
    // first plan year's revenue): kept as typed, its error beside it.
    let on_amount = |text_state: UseStateHandle<String>,
                     error: UseStateHandle<Option<String>>,
                     set: fn(&mut crate::import::Choices, Decimal)| {
        let choices = choices.clone();
        on_text(move |text| {
            text_state.set(text.clone());
            match parse_kronor(&text) {
                Ok(v) => {
                    error.set(None);
                    let mut next = (*choices).clone();
                    set(&mut next, v);
                    choices.set(next);
                }
                Err(why) => error.set(Some(why)),
            }
        })
    };
    let on_opening = on_amount(opening_text.clone(), opening_error.clone(), |ch, v| {
        ch.opening_equity = Some(v)
    });
    let on_revenue = on_amount(revenue_text.clone(), revenue_error.clone(), |ch, v| {
        ch.revenue = Some(v)
    });
    let text_change = |set: fn(&mut crate::import::Choices, String)| on_text(change(Rc::new(set)));
    html! {
        <section class="import" aria-labelledby="import-title">
            <h3 id="import-title" tabindex="-1">{ format!("Förhandsgranskning: {}", s.file_name) }</h3>
            <p>{ s.origin.clone() }{ format!(" {} och {} med belopp lästes.", count(s.lines.len(), "rad", "rader"), count(s.columns.len(), "kolumn", "kolumner")) }</p>
            if !s.problems.is_empty() {
                <div class="notice notice--error" role="alert">
                    <p><strong>{"Filen kan inte importeras förrän detta är rättat i filen:"}</strong></p>
                    <ul>{ for s.problems.iter().map(|m| html! { <li>{ m.clone() }</li> }) }</ul>
                </div>
            }
            if !s.questions.is_empty() {
                <div class="import__questions"><p><strong>{"Filen säger inte allt – svara nedan:"}</strong></p>
                    <ul>{ for s.questions.iter().map(|m| html! { <li>{ m.clone() }</li> }) }</ul></div>
            }
            <fieldset class="data-editor__group">
                <legend>{"Enhet och tecken"}</legend>
                <div class="field field--inline" role="radiogroup" aria-label="Beloppens enhet">
                    { for [(Unit::Kr, "kr"), (Unit::Tkr, "tkr")].into_iter().map(|(u, w)| {
                        let choices = choices.clone();
                        let id = format!("import-unit-{w}");
                        html! { <span class="data-editor__check"><input type="radio" name="import-unit" id={id.clone()} checked={c.unit == Some(u)}
                            onchange={Callback::from(move |_: Event| { let mut n = (*choices).clone(); n.unit = Some(u); choices.set(n); })} />
                            <label for={id}>{ format!("Beloppen är i {w}") }</label></span> }
                    }) }
                </div>
                <span class="data-editor__check">
                    <input type="checkbox" id="import-flip" checked={c.flip_signs}
                        onchange={{ let choices = choices.clone(); on_check(move |v| { let mut n = (*choices).clone(); n.flip_signs = v; choices.set(n); }) }} />
                    <label for="import-flip">{"Kostnaderna står som negativa tal (vänd tecknen)"}</label>
                </span>
            </fieldset>
            <fieldset class="data-editor__group">
                <legend>{"Kolumner"}</legend>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Filens kolumner">
                    <table class="data-editor__table"><thead><tr><th scope="col">{"I filen"}</th><th scope="col">{"Slag"}</th><th scope="col">{"År"}</th></tr></thead>
                    <tbody>{ for (0..s.columns.len()).map(column_row) }</tbody></table>
                </div>
            </fieldset>
            <fieldset class="data-editor__group">
                <legend>{"Rader (belopp som i filen)"}</legend>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Filens rader">
                    <table class="data-editor__table"><thead><tr>
                        <th scope="col">{"Rad i filen"}</th><th scope="col">{"Namn"}</th><th scope="col">{"Kategori"}</th><th scope="col">{"Team"}</th>
                        { for s.columns.iter().map(|c| html! { <th scope="col" class="num">{ c.heading.clone() }</th> }) }
                    </tr></thead>
                    <tbody>{ for (0..s.lines.len()).map(line_row) }</tbody></table>
                </div>
                if c.lacks_teams() {
                    <p class="field-hint" data-testid="import-no-teams">{"Ingen rad är markerad som samordningsteam (kolumnen ”Team”). Finansieringsnivån gäller bara teamen: utan dem ändrar den inga belopp."}</p>
                }
                if !s.sums.is_empty() {
                    <ul class="import__sums">{ for s.sums.iter().map(|(label, ok)| html! {
                        <li>{ format!("”{label}”: {}", if *ok { "stämmer med raderna" } else { "stämmer inte med raderna (se nedan)" }) }</li>
                    }) }</ul>
                }
            </fieldset>
            <fieldset class="data-editor__group">
                <legend>{"År och namn"}</legend>
                <div class="data-editor__grid">
                    { year_select("import-reference", "Referensår", c.reference_year, true, |ch, y| ch.reference_year = y) }
                    { year_select("import-first", "Första planår", Some(c.first_plan_year), false, |ch, y| if let Some(y) = y { ch.first_plan_year = y }) }
                    <div class="field"><label for="import-end">{"Planperioden till"}</label>
                        <input type="text" id="import-end" inputmode="numeric" value={c.plan_end.to_string()}
                            oninput={text_change(|ch, v| if let Ok(y) = v.trim().parse() { ch.plan_end = y })} /></div>
                    <div class="field"><label for="import-name">{"Dataunderlagets namn"}</label>
                        <input type="text" id="import-name" value={c.name.clone()} oninput={text_change(|ch, v| ch.name = v)} /></div>
                    <div class="field"><label for="import-organisation">{"Organisation"}</label>
                        <input type="text" id="import-organisation" value={c.organisation.clone()} oninput={text_change(|ch, v| ch.organisation = v)} /></div>
                    if s.asks_opening {
                        <div class="field"><label for="import-opening">{"Ingående eget kapital, kr"}</label>
                            <input type="text" id="import-opening" inputmode="numeric" value={(*opening_text).clone()} oninput={on_opening}
                                aria-invalid={opening_error.is_some().then_some("true")} />
                            if let Some(e) = (*opening_error).clone() { <span class="field-error" role="alert">{ e }</span> }
                        </div>
                    }
                    if s.asks_revenue {
                        <div class="field"><label for="import-revenue">{ format!("Medel från huvudmännen {}, kr", c.first_plan_year) }</label>
                            <input type="text" id="import-revenue" inputmode="numeric" value={(*revenue_text).clone()} oninput={on_revenue}
                                aria-invalid={revenue_error.is_some().then_some("true")} />
                            if let Some(e) = (*revenue_error).clone() { <span class="field-error" role="alert">{ e }</span> }
                        </div>
                    }
                </div>
                if p.data.members.is_some() {
                    <span class="data-editor__check">
                        <input type="checkbox" id="import-members" checked={*copy_members}
                            onchange={{ let m = copy_members.clone(); on_check(move |v| m.set(v)) }} />
                        <label for="import-members">{ format!("Kopiera medlemmar, fördelningsnyckel och teamens bemanning från ”{}”", p.data.name) }</label>
                    </span>
                }
            </fieldset>
            if !notes.is_empty() {
                <details class="import__notes" open=true><summary>{ format!("Så lästes filen ({})", notes.len()) }</summary>
                    <ul>{ for notes.iter().map(|m| html! { <li>{ m.clone() }</li> }) }</ul></details>
            }
            if let Some((_, why)) = refusals.as_ref().filter(|(sent, _)| *sent == *choices) {
                <div class="notice notice--error" role="alert" data-testid="import-refusals">
                    <p><strong>{"Dataunderlaget kunde inte skapas:"}</strong></p>
                    <ul>{ for why.iter().map(|m| html! { <li>{ m.clone() }</li> }) }</ul>
                </div>
            }
            <div class="saved__actions">
                <button type="button" class="button" onclick={on_apply} disabled={!s.problems.is_empty() || *busy}>{"Använd"}</button>
                <button type="button" class="button button--secondary" onclick={p.close.reform(|_| ())}>{"Avbryt"}</button>
            </div>
        </section>
    }
}

/// "1 rad", "3 rader".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn k_key(kind: ColumnKind) -> &'static str {
    match kind {
        ColumnKind::Budget => "budget",
        ColumnKind::Outcome => "outcome",
        ColumnKind::Prognosis => "prognosis",
        ColumnKind::OutcomeToDate => "outcome_to_date",
        ColumnKind::Outlook => "outlook",
    }
}

#[function_component(BudgetImport)]
pub fn budget_import(p: &BudgetImportProps) -> Html {
    let step = use_state(|| Step::Idle);
    let input = use_node_ref();
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let pick = files::picker(&input);
    let on_file = {
        let step = step.clone();
        Callback::from(move |e: Event| {
            let Some(file) = files::chosen(&e.target_unchecked_into()) else {
                return;
            };
            let name = file.name();
            if file.size() as usize > crate::import::table::MAX_FILE_BYTES {
                step.set(Step::Refused(format!(
                    "Filen ”{name}” är större än 10 MB och läses inte."
                )));
                return;
            }
            step.set(Step::Reading(name.clone()));
            let step = step.clone();
            let task = gloo::file::callbacks::read_as_bytes(&file, move |bytes| {
                let Ok(bytes) = bytes else {
                    step.set(Step::Refused(format!("Filen ”{name}” gick inte att läsa.")));
                    return;
                };
                let job = ImportJob {
                    file_name: name.clone(),
                    bytes,
                };
                wasm_bindgen_futures::spawn_local(async move {
                    step.set(match ask(Request::ImportRead(job.clone())).await {
                        Ok(ImportAnswer::Preview(shown)) => Step::Preview(Rc::new(job), shown),
                        Ok(ImportAnswer::Refused(why)) | Err(why) => {
                            Step::Refused(format!("Filen ”{name}” kunde inte läsas: {why}"))
                        }
                        Ok(_) => Step::Refused("oväntat svar".to_owned()),
                    });
                });
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let close = {
        let step = step.clone();
        // Back to the button that opened the preview (it stays on the page).
        Callback::from(move |()| {
            step.set(Step::Idle);
            platform::focus_element("budget-import-button");
        })
    };
    let _ = &p.datasets;
    html! {
        <>
            <button type="button" class="button button--secondary" id="budget-import-button" onclick={pick}>{"Importera budget (CSV eller Excel)"}</button>
            <input type="file" id="budget-import-file" class="visually-hidden" tabindex="-1" aria-hidden="true"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" ref={input} onchange={on_file} />
            <div class="import-area" aria-live="polite">
                { match &*step {
                    Step::Idle => html! {},
                    Step::Reading(name) => html! { <p>{ format!("Läser ”{name}” …") }</p> },
                    Step::Refused(why) => html! { <p class="notice notice--error" role="alert" data-testid="budget-import-error">{ why.clone() }</p> },
                    Step::Preview(job, shown) => html! {
                        <PreviewView key={shown.file_name.clone()} job={job.clone()} shown={shown.clone()} data={p.data.clone()} send={p.send.clone()} close={close.clone()} />
                    },
                } }
            </div>
        </>
    }
}
