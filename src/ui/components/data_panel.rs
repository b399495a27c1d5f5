//! "Dataunderlag": which data set the figures come from (name,
//! organisation, sources), the built-in one and the person's own to switch
//! between, new (empty or a copy), rename, copy and delete (asked first;
//! undone from the notice), the data set as a JSON file out and in, the
//! budget import, and the editor for one's own data set.

use crate::core::Dataset;
use crate::state::datasets::{self, Datasets};
use crate::state::workspace::Msg;
use crate::ui::components::data_editor::DataEditor;
use crate::ui::components::import_preview::BudgetImport;
use crate::ui::platform::{self, files, json::to_text, storage::read_datasets};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DataPanelProps {
    /// The data set in use.
    pub data: Rc<Dataset>,
    pub builtin: Rc<Dataset>,
    pub datasets: Rc<Datasets>,
    /// Whether the data set in use is saved here (or is the built-in one).
    pub saved: bool,
    pub error: Option<(String, String)>,
    pub send: Callback<Msg>,
}

/// What the panel's one open form is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Form {
    None,
    Rename(String),
    ConfirmDelete(String),
}

fn sources(data: &Dataset) -> Html {
    if data.sources.is_empty() {
        return html! { <p class="field-hint">{"Dataunderlaget anger inga källor: siffrorna är inmatade för hand eller importerade."}</p> };
    }
    html! {
        <ul class="data-panel__sources">
            { for data.sources.iter().map(|s| html! {
                <li>{ format!("{} ({}, {})", s.title, s.issuer, s.date) }</li>
            }) }
        </ul>
    }
}

/// One row of the list: a data set, whether it is in use, and its buttons.
fn entry(p: &DataPanelProps, form: &UseStateHandle<Form>, d: &Dataset, own: bool) -> Html {
    let in_use = p.data.id == d.id && p.saved;
    let id = d.id.clone();
    let send = |msg: Msg| {
        let s = p.send.clone();
        Callback::from(move |_: MouseEvent| s.emit(msg.clone()))
    };
    let set_form = |f: Form| {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| form.set(f.clone()))
    };
    let name = d.name.clone();
    let renaming = **form == Form::Rename(id.clone());
    let on_rename = {
        let (s, form, id) = (p.send.clone(), form.clone(), id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let input: Option<HtmlInputElement> = gloo::utils::document()
                .get_element_by_id(&format!("data-{id}-rename-text"))
                .and_then(|el| wasm_bindgen::JsCast::dyn_into(el).ok());
            if let Some(input) = input {
                s.emit(Msg::RenameDataset(id.clone(), input.value()));
            }
            form.set(Form::None);
        })
    };
    html! {
        <li class={classes!("data-panel__entry", in_use.then_some("data-panel__entry--in-use"))}>
            <p class="data-panel__name">
                <strong>{ name.clone() }</strong>
                { format!(" – {}", if own { "eget" } else { "inbyggt" }) }
                if in_use { <span class="saved__badge">{"används"}</span> }
            </p>
            if renaming {
                <form class="data-panel__rename" onsubmit={on_rename}>
                    <label for={format!("data-{id}-rename-text")}>{"Nytt namn"}</label>
                    <input type="text" id={format!("data-{id}-rename-text")} value={name.clone()} />
                    <button type="submit" class="button button--small">{"Spara namnet"}</button>
                    <button type="button" class="button button--small button--secondary" onclick={set_form(Form::None)}>{"Avbryt"}</button>
                </form>
            } else if **form == Form::ConfirmDelete(id.clone()) {
                <div class="saved__confirm" role="group" aria-label={format!("Bekräfta borttagning av ”{name}”")}>
                    <p>{ format!("Ta bort dataunderlaget ”{name}”? Scenarier som hör till det finns kvar.") }</p>
                    <button type="button" class="button button--small button--danger" id={format!("data-{id}-confirm-yes")}
                        onclick={{ let (s, form) = (p.send.clone(), form.clone()); let id = id.clone();
                            Callback::from(move |_: MouseEvent| {
                                s.emit(Msg::DeleteDataset(id.clone()));
                                form.set(Form::None);
                                platform::focus_after_render("data-title".to_owned());
                            }) }}>{"Ja, ta bort"}</button>
                    <button type="button" class="button button--small button--secondary"
                        onclick={{ let (form, id) = (form.clone(), id.clone());
                            Callback::from(move |_: MouseEvent| {
                                form.set(Form::None);
                                platform::focus_after_render(format!("data-{id}-delete"));
                            }) }}>{"Avbryt"}</button>
                </div>
            } else {
                <div class="saved__actions">
                    if !in_use {
                        <button type="button" class="button button--small" aria-label={format!("Använd {name}")}
                            onclick={send(Msg::UseDataset(own.then(|| id.clone())))}>{"Använd"}</button>
                    }
                    if own {
                        <button type="button" class="button button--small button--secondary" aria-label={format!("Byt namn på {name}")}
                            onclick={set_form(Form::Rename(id.clone()))}>{"Byt namn"}</button>
                        <button type="button" class="button button--small button--secondary" aria-label={format!("Duplicera {name}")}
                            onclick={send(Msg::DuplicateDataset(id.clone()))}>{"Duplicera"}</button>
                        <button type="button" class="button button--small button--secondary" aria-label={format!("Ta bort {name}")}
                            id={format!("data-{id}-delete")} onclick={{ let (form, id) = (form.clone(), id.clone());
                                Callback::from(move |_: MouseEvent| {
                                    form.set(Form::ConfirmDelete(id.clone()));
                                    platform::focus_after_render(format!("data-{id}-confirm-yes"));
                                }) }}>{"Ta bort"}</button>
                    }
                </div>
            }
        </li>
    }
}

/// "Importera dataunderlag": a JSON file read with the same strict checks
/// as the stored document; a bad file changes nothing.
#[hook]
fn use_dataset_file(
    send: Callback<Msg>,
    problem: UseStateHandle<Option<String>>,
) -> Callback<Event> {
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    use_callback((), move |e: Event, _| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let Some(file) = files::chosen(&input) else {
            return;
        };
        let name = file.name();
        let refuse = {
            let problem = problem.clone();
            move |why: String| {
                problem.set(Some(format!(
                    "Filen ”{name}” kunde inte importeras: {why} Inget har ändrats."
                )))
            }
        };
        if let Err(why) = datasets::check_document_size(file.size()) {
            refuse(why.to_string());
            return;
        }
        let (send, problem) = (send.clone(), problem.clone());
        let task = gloo::file::callbacks::read_as_text(&file, move |text| match text {
            Err(error) => refuse(format!("den gick inte att läsa ({error}).")),
            Ok(text) => match read_datasets(&text) {
                Ok(read) => {
                    problem.set(None);
                    send.emit(Msg::ImportDatasets(read));
                }
                Err(why) => refuse(why.to_string()),
            },
        });
        *RefCell::borrow_mut(&reader) = Some(task);
    })
}

#[function_component(DataPanel)]
pub fn data_panel(p: &DataPanelProps) -> Html {
    let form = use_state(|| Form::None);
    let editing = use_state(|| false);
    let problem = use_state(|| None::<String>);
    let on_file = use_dataset_file(p.send.clone(), problem.clone());
    let file_input = use_node_ref();
    let own_in_use = p.saved && p.datasets.get(&p.data.id).is_some();
    let on_export = {
        let (data, problem) = (p.data.clone(), problem.clone());
        Callback::from(move |_| {
            let day: String = platform::now().chars().take(10).collect();
            let one = Datasets {
                entries: vec![datasets::Entry {
                    changed: 0,
                    dataset: (*data).clone(),
                }],
                deleted: Vec::new(),
            };
            let text = to_text(&one.export(&[data.id.as_str()]), true);
            let result = files::download(
                &format!("dataunderlag-{}-{day}.json", data.id),
                "application/json",
                text.as_bytes(),
            );
            problem.set(
                result
                    .err()
                    .map(|e| format!("Filen kunde inte skapas: {e}.")),
            );
        })
    };
    let pick = files::picker(&file_input);
    let send = |msg: Msg| {
        let s = p.send.clone();
        Callback::from(move |_: MouseEvent| s.emit(msg.clone()))
    };
    let toggle_edit = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(!*editing))
    };
    html! {
        <section class="saved data-panel" id="data-panel" aria-labelledby="data-title">
            <h2 id="data-title" tabindex="-1">{"Dataunderlag"}</h2>
            <p class="data-panel__current">
                {"Siffrorna kommer från "}<strong>{ p.data.name.clone() }</strong>
                { format!(" ({}). ", p.data.organisation) }
                { if !p.saved { "Dataunderlaget kom med en länk och är inte sparat här." } else if own_in_use { "Det är ert eget: ändringar sparas automatiskt." } else { "Det är sidans inbyggda dataunderlag." } }
                if !p.saved {
                    {" "}<button type="button" class="button button--small" onclick={send(Msg::SaveCarried)}>{"Spara dataunderlaget"}</button>
                }
            </p>
            { sources(&p.data) }
            <ul class="data-panel__list">
                { entry(p, &form, &p.builtin, false) }
                { for p.datasets.entries.iter().map(|e| entry(p, &form, &e.dataset, true)) }
            </ul>
            <div class="saved__files">
                <button type="button" class="button button--secondary" onclick={send(Msg::NewDataset { copy: true })}>{"Ny kopia av det som används"}</button>
                <button type="button" class="button button--secondary" onclick={send(Msg::NewDataset { copy: false })}>{"Nytt tomt dataunderlag"}</button>
                <button type="button" class="button button--secondary" onclick={on_export}>{"Exportera dataunderlag"}</button>
                <button type="button" class="button button--secondary" onclick={pick}>{"Importera dataunderlag"}</button>
                <input type="file" id="data-import-file" class="visually-hidden" accept=".json,application/json"
                    tabindex="-1" aria-hidden="true" ref={file_input} onchange={on_file} />
                <BudgetImport datasets={p.datasets.clone()} data={p.data.clone()} send={p.send.clone()} />
                if own_in_use {
                    <button type="button" class="button" aria-expanded={(*editing).to_string()} aria-controls="data-editor" onclick={toggle_edit}>
                        { if *editing { "Stäng redigeringen" } else { "Redigera dataunderlaget" } }
                    </button>
                }
            </div>
            if !own_in_use {
                <p class="field-hint">{"Det inbyggda dataunderlaget ändras aldrig. Gör en kopia för att ändra siffrorna."}</p>
            }
            if let Some(problem) = (*problem).clone() {
                <p class="notice notice--error" role="alert" data-testid="data-import-error">{ problem }</p>
            }
            if own_in_use && *editing {
                <div id="data-editor">
                    <DataEditor data={p.data.clone()} error={p.error.clone()} send={p.send.clone()} />
                </div>
            }
        </section>
    }
}
