//! "Sparade scenarier": save the current scenario under a name, and list,
//! open, rename, duplicate and delete saved ones; export them all to a file
//! and import such a file.
//!
//! The open scenario's earlier versions are listed under it and can be
//! brought back. What each action does is decided by the workshop state
//! (`Msg`); this component only holds the transient form state (a name
//! being typed, a delete being confirmed) and does the file I/O at the edge. When an action removes the
//! element that had focus, focus moves to a sensible neighbour, never to
//! `<body>`.

use crate::core::Dataset;
use crate::export::words::summary;
use crate::state::datasets::Datasets as OwnDatasets;
use crate::state::fragment;
use crate::state::library::{check_document_size, clean_name, read_document, Datasets, Library};
use crate::state::workspace::Msg;
use crate::ui::platform;
use crate::ui::platform::json::BrowserJson;
use crate::ui::platform::storage::library_text;
use gloo::file::callbacks::FileReader;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SavedProps {
    /// The data set in use.
    pub data: Rc<Dataset>,
    /// The other data sets this browser knows (a scenario may belong to one).
    pub builtin: Rc<Dataset>,
    pub datasets: Rc<OwnDatasets>,
    pub library: Rc<Library>,
    pub open: Option<String>,
    /// Whether the browser lets the page store anything.
    pub writable: bool,
    pub dispatch: Callback<Msg>,
    /// Raised by one each time "Spara scenario" (in the tool row) is clicked:
    /// the panel then asks for a name.
    pub naming_request: u32,
}

/// A form being filled in.
#[derive(Clone, PartialEq)]
enum Editing {
    None,
    NewName(String),
    Rename(String, String),
    ConfirmDelete(String),
}

impl Editing {
    /// Where focus goes back to when a name form closes: the button that
    /// opened it.
    fn return_focus(&self) -> String {
        match self {
            Editing::Rename(uid, _) => format!("saved-{uid}-rename"),
            _ => "save-start".to_owned(),
        }
    }
}

/// A labelled name field with its submit and cancel buttons (Enter submits,
/// Esc cancels): used to save and to rename.
struct NameForm {
    id: String,
    label: String,
    value: String,
    submit: &'static str,
    onsubmit: Callback<SubmitEvent>,
    oninput: Callback<InputEvent>,
    onkeydown: Callback<KeyboardEvent>,
    oncancel: Callback<MouseEvent>,
}

fn name_form(form: NameForm) -> Html {
    html! {
        <form class="saved__form" onsubmit={form.onsubmit}>
            <label for={form.id.clone()}>{ form.label }</label>
            <div class="saved__form-row">
                <input id={form.id} type="text" class="text-input" value={form.value} maxlength="80"
                    autocomplete="off" oninput={form.oninput} onkeydown={form.onkeydown} />
                <button type="submit" class="button button--small">{ form.submit }</button>
                <button type="button" class="button button--small button--secondary" onclick={form.oncancel}>{"Avbryt"}</button>
            </div>
        </form>
    }
}

#[function_component(SavedScenarios)]
pub fn saved_scenarios(props: &SavedProps) -> Html {
    let editing = use_state_eq(|| Editing::None);
    // A file that could not be written or read, said in Swedish.
    let file_error = use_state_eq(|| None::<String>);
    let reader = use_mut_ref(|| None::<FileReader>);
    let file_input = use_node_ref();
    // The element to focus once the next render is done.
    let focus_next = use_mut_ref(|| None::<String>);
    {
        let focus_next = focus_next.clone();
        use_effect(move || {
            if let Some(id) = focus_next.borrow_mut().take() {
                platform::focus_element(&id);
            }
        });
    }
    let edit_then_focus = {
        let editing = editing.clone();
        let focus_next = focus_next.clone();
        move |next: Editing, focus: &str| {
            *focus_next.borrow_mut() = Some(focus.to_owned());
            editing.set(next);
        }
    };

    {
        let start = edit_then_focus.clone();
        use_effect_with(props.naming_request, move |request| {
            if *request > 0 {
                start(Editing::NewName(String::new()), "save-name");
            }
        });
    }
    let on_name_input = {
        let editing = editing.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            match &*editing {
                Editing::Rename(uid, _) => editing.set(Editing::Rename(uid.clone(), text)),
                _ => editing.set(Editing::NewName(text)),
            }
        })
    };
    // Enter in a name form: save a new scenario or rename one.
    let on_submit = {
        let editing = editing.clone();
        let dispatch = props.dispatch.clone();
        let done = edit_then_focus.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let msg = match &*editing {
                Editing::NewName(name) => Msg::Save(name.clone()),
                Editing::Rename(uid, name) => Msg::Rename(uid.clone(), name.clone()),
                _ => return,
            };
            let blank = match &msg {
                Msg::Save(name) | Msg::Rename(_, name) => clean_name(name).is_none(),
                _ => false,
            };
            dispatch.emit(msg);
            // Without a name the form stays, for the name the notice asks for.
            if !blank {
                done(Editing::None, &editing.return_focus());
            }
        })
    };
    let cancel = |focus: String| {
        let done = edit_then_focus.clone();
        Callback::from(move |_: MouseEvent| done(Editing::None, &focus))
    };
    let on_escape = {
        let editing = editing.clone();
        let done = edit_then_focus.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                // Handled here: the page's own Escape (leave meeting mode) waits.
                e.stop_propagation();
                done(Editing::None, &editing.return_focus());
            }
        })
    };
    let on_export = {
        let library = props.library.clone();
        let file_error = file_error.clone();
        Callback::from(move |_| {
            let day: String = platform::now().chars().take(10).collect();
            let result = platform::files::download(
                &format!("budgetsimulatorn-scenarier-{day}.json"),
                "application/json",
                library_text(&library, true).as_bytes(),
            );
            file_error.set(
                result
                    .err()
                    .map(|e| format!("Filen kunde inte skapas: {e}.")),
            );
        })
    };
    let on_pick_file = platform::files::picker(&file_input);
    let on_file = {
        let known = (
            props.data.clone(),
            props.builtin.clone(),
            props.datasets.clone(),
        );
        let dispatch = props.dispatch.clone();
        let file_error = file_error.clone();
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = platform::files::chosen(&input) else {
                return;
            };
            let name = file.name();
            let refuse = {
                let file_error = file_error.clone();
                let name = name.clone();
                move |why: String| {
                    file_error.set(Some(format!(
                        "Filen ”{name}” kunde inte importeras: {why} Inget har ändrats."
                    )))
                }
            };
            if let Err(why) = check_document_size(file.size()) {
                refuse(why.to_string());
                return;
            }
            let known = known.clone();
            let dispatch = dispatch.clone();
            let file_error = file_error.clone();
            let task = gloo::file::callbacks::read_as_text(&file, move |text| match text {
                Err(error) => refuse(format!("den gick inte att läsa ({error}).")),
                Ok(text) => match read_file(&known, &text) {
                    Ok(read) => {
                        file_error.set(None);
                        dispatch.emit(Msg::Import(read));
                    }
                    Err(why) => refuse(why.to_string()),
                },
            });
            *reader.borrow_mut() = Some(task);
        })
    };

    let open_entry = props.open.as_deref().and_then(|uid| props.library.get(uid));
    html! {
        <section class="saved" id="saved-panel" aria-labelledby="saved-title">
            <h2 id="saved-title" tabindex="-1">{"Sparade scenarier"}</h2>
            if let Some(entry) = open_entry {
                <p class="saved__open" data-testid="saved-status">
                    <span class="saved__tick" aria-hidden="true">{"✓"}</span>
                    { format!("Öppet: ”{}”. Ändringar sparas i scenariot medan du arbetar – senast {}.", entry.name, entry.saved_text()) }
                    if !props.writable { {" (Bara på sidan: webbläsaren sparar inte.)"} }
                    <button type="button" class="link-button" onclick={{
                        let d = props.dispatch.clone();
                        Callback::from(move |_| {
                            d.emit(Msg::CloseSaved);
                            platform::focus_element("saved-title");
                        })
                    }}>{"Stäng scenariot"}</button>
                </p>
            }
            { match &*editing {
                Editing::NewName(name) => name_form(NameForm {
                    id: "save-name".into(),
                    label: "Namn på scenariot".into(),
                    value: name.clone(),
                    submit: "Spara",
                    onsubmit: on_submit.clone(),
                    oninput: on_name_input.clone(),
                    onkeydown: on_escape.clone(),
                    oncancel: cancel("save-start".into()),
                }),
                _ => html! {},
            } }
            if props.library.scenarios.is_empty() {
                <p class="field-hint">{"Inga sparade scenarier ännu. Klicka på ”Spara scenario” för att spara det du ser; scenarierna sparas bara i den här webbläsaren."}</p>
            } else {
                <ul class="saved__list">
                    { for props.library.scenarios.iter().map(|entry| {
                        let id = entry.uid.clone();
                        let name = entry.name.clone();
                        let is_open = props.open.as_deref() == Some(id.as_str());
                        let send = |msg: Msg| {
                            let d = props.dispatch.clone();
                            Callback::from(move |_: MouseEvent| d.emit(msg.clone()))
                        };
                        let start_rename = {
                            let start = edit_then_focus.clone();
                            let (id, name) = (id.clone(), name.clone());
                            Callback::from(move |_| start(Editing::Rename(id.clone(), name.clone()), &format!("saved-{id}-name")))
                        };
                        let ask_delete = {
                            let start = edit_then_focus.clone();
                            let id = id.clone();
                            Callback::from(move |_| start(Editing::ConfirmDelete(id.clone()), &format!("saved-{id}-confirm")))
                        };
                        let confirm_delete = {
                            let d = props.dispatch.clone();
                            let done = edit_then_focus.clone();
                            let id = id.clone();
                            Callback::from(move |_| {
                                d.emit(Msg::Delete(id.clone()));
                                done(Editing::None, "saved-title");
                            })
                        };
                        html! {
                            <li class={classes!("saved__item", is_open.then_some("saved__item--open"))} key={id.clone()}>
                                if let Editing::Rename(rid, text) = &*editing {
                                    if *rid == id {
                                        { name_form(NameForm {
                                            id: format!("saved-{id}-name"),
                                            label: format!("Nytt namn för ”{name}”"),
                                            value: text.clone(),
                                            submit: "Byt namn",
                                            onsubmit: on_submit.clone(),
                                            oninput: on_name_input.clone(),
                                            onkeydown: on_escape.clone(),
                                            oncancel: cancel(format!("saved-{id}-rename")),
                                        }) }
                                    }
                                }
                                <p class="saved__name">
                                    <strong>{ name.clone() }</strong>
                                    if is_open { <span class="saved__badge">{"öppet"}</span> }
                                </p>
                                <p class="saved__meta">
                                    <span>{ format!("Sparat {}", entry.saved_text()) }</span>
                                    <span class="saved__summary">{ entry_summary(props, entry) }</span>
                                </p>
                                if *editing == Editing::ConfirmDelete(id.clone()) {
                                    <div class="saved__confirm" role="group" aria-label={format!("Bekräfta borttagning av ”{name}”")}>
                                        <p>{ format!("Ta bort ”{name}”?") }</p>
                                        <button type="button" id={format!("saved-{id}-confirm")} class="button button--small button--danger"
                                            onclick={confirm_delete}>{"Ja, ta bort"}</button>
                                        <button type="button" class="button button--small button--secondary"
                                            onclick={cancel(format!("saved-{id}-delete"))}>{"Avbryt"}</button>
                                    </div>
                                } else {
                                    <div class="saved__actions">
                                        <button type="button" class="button button--small" aria-label={format!("Öppna {name}")}
                                            onclick={send(Msg::OpenSaved(id.clone()))}>{"Öppna"}</button>
                                        <button type="button" id={format!("saved-{id}-rename")} class="button button--small button--secondary"
                                            aria-label={format!("Byt namn på {name}")} onclick={start_rename}>{"Byt namn"}</button>
                                        <button type="button" class="button button--small button--secondary"
                                            aria-label={format!("Duplicera {name}")} onclick={send(Msg::Duplicate(id.clone()))}>{"Duplicera"}</button>
                                        <button type="button" id={format!("saved-{id}-delete")} class="button button--small button--secondary"
                                            aria-label={format!("Ta bort {name}")} onclick={ask_delete}>{"Ta bort"}</button>
                                    </div>
                                }
                                if is_open && !entry.versions.is_empty() {
                                    { versions(entry, &props.data, &props.dispatch) }
                                }
                            </li>
                        }
                    }) }
                </ul>
            }
            <div class="saved__files">
                <button type="button" class="button button--secondary" onclick={on_export}>{"Exportera scenarier"}</button>
                <button type="button" class="button button--secondary" onclick={on_pick_file}>{"Importera scenarier"}</button>
                <input type="file" id="import-file" class="visually-hidden" accept=".json,application/json"
                    tabindex="-1" aria-hidden="true" ref={file_input} onchange={on_file} />
            </div>
            if let Some(error) = (*file_error).clone() {
                <p class="notice notice--error" role="alert" data-testid="import-error">{ error }</p>
            }
        </section>
    }
}

/// Reads an imported scenario file: every scenario must belong to a data
/// set this page knows (the one in use, the built-in one, the person's own).
fn read_file(
    (data, builtin, own): &(Rc<Dataset>, Rc<Dataset>, Rc<OwnDatasets>),
    text: &str,
) -> Result<Library, String> {
    let source = BrowserJson::parse(text)
        .map_err(|e| crate::state::library::LibraryError::from(e).to_string())?;
    let lookup = |id: &str| {
        [&**data, &**builtin]
            .into_iter()
            .find(|d| d.id == id)
            .or_else(|| own.get(id))
    };
    read_document(&source, &lookup, Datasets::RequireKnown).map_err(|e| e.to_string())
}

/// A saved scenario's one-line summary (or why it cannot be shown here).
fn entry_summary(props: &SavedProps, entry: &crate::state::library::SavedScenario) -> String {
    let data = &props.data;
    if entry.dataset != data.id {
        let named = [&*props.builtin]
            .into_iter()
            .find(|d| d.id == entry.dataset)
            .or_else(|| props.datasets.get(&entry.dataset));
        return match named {
            Some(other) => format!(
                "hör till dataunderlaget ”{}”, som används när det öppnas",
                other.name
            ),
            None => format!(
                "hör till ett dataunderlag som inte finns här ({})",
                entry.dataset
            ),
        };
    }
    summary(data, &fragment::parse(data, &entry.link).0)
}

/// "Tidigare versioner": the open scenario's earlier versions, each with a
/// button that brings it back (what is shown now becomes a version itself).
fn versions(
    entry: &crate::state::library::SavedScenario,
    data: &crate::core::Dataset,
    dispatch: &Callback<Msg>,
) -> Html {
    html! {
        <details class="saved__versions">
            <summary>{ format!("Tidigare versioner ({})", entry.versions.len()) }</summary>
            <ol class="saved__version-list">
                { for entry.versions.iter().enumerate().map(|(i, v)| {
                    let d = dispatch.clone();
                    let uid = entry.uid.clone();
                    let onclick = Callback::from(move |_: MouseEvent| {
                        d.emit(Msg::RestoreVersion(uid.clone(), i));
                        platform::focus_element("saved-title");
                    });
                    let when = v.saved.replacen('T', " ", 1);
                    // What the version was, so two saved the same minute differ.
                    let what = summary(data, &fragment::parse(data, &v.link).0);
                    html! {
                        <li>
                            <span>{ format!("Sparad {when}: {what}") }</span>
                            <button type="button" class="button button--small button--secondary"
                                aria-label={format!("Återställ versionen från {when}")} {onclick}>{"Återställ"}</button>
                        </li>
                    }
                }) }
            </ol>
        </details>
    }
}
