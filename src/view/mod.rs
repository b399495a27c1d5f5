//! The Yew front end (wasm only): one reducer at the root owns the page's
//! state; components receive props and a `Callback<Msg>` (or, for the
//! scenario's controls, a `Callback<Action>`) and hold no arithmetic.
//! The address, storage, keyboard shortcuts and clipboard are handled at the
//! edge, in effects.

mod cells;
mod chart;
mod compare;
mod fields;
mod headline;
mod inputs;
mod members;
pub mod panels;
mod platform;
mod presets;
mod provenance;
mod saved;
mod share;
mod staffing;
mod state;
mod table;
mod toolbar;
mod url;

use crate::model::format::kronor_kr;
use crate::model::link;
use crate::model::presets::{matching, sfv_presets, Preset};
use crate::model::workspace::{Msg, Notice};
use crate::model::{Action, Dataset, PlanYear};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use gloo::utils::{document, window};
use share::{CopyLink, LinkTarget};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

pub use state::AppState;

/// How long the scenario must rest before the address is rewritten, ms.
pub const URL_WRITE_DELAY_MS: u32 = 150;

/// Mounts the app on `<body>`.
pub fn start() {
    let loaded = Dataset::sfv_default()
        .map_err(|e| format!("default data is broken: {e}"))
        .and_then(|data| {
            let presets = sfv_presets(&data).map_err(|e| format!("presets are broken: {e}"))?;
            Ok((data, presets))
        });
    match loaded {
        Ok((data, presets)) => {
            yew::Renderer::<App>::with_props(AppProps {
                data: Rc::new(data),
                presets: Rc::new(presets),
            })
            .render();
        }
        Err(message) => {
            gloo::console::error!(message.clone());
            yew::Renderer::<BrokenData>::with_props(BrokenDataProps {
                message: message.into(),
            })
            .render();
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct BrokenDataProps {
    pub message: AttrValue,
}

/// Shown instead of the app if the embedded data fails validation.
#[function_component(BrokenData)]
fn broken_data(props: &BrokenDataProps) -> Html {
    html! {
        <main class="page">
            <h1>{"Budgetsimulatorn"}</h1>
            <p class="notice notice--error" role="alert">
                {"Standarddata kunde inte läsas, så simulatorn kan inte visa några siffror. Teknisk orsak: "}
                { props.message.clone() }
            </p>
        </main>
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub data: Rc<Dataset>,
    pub presets: Rc<Vec<Preset>>,
}

/// Whether a key event comes from a place where typing is going on, so that
/// Ctrl+Z belongs to the text field rather than to the page.
fn typing_in_text_field(event: &KeyboardEvent) -> bool {
    let Some(element) = event
        .target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
    else {
        return false;
    };
    if element.is_content_editable() {
        return true;
    }
    match element.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !matches!(
            element.get_attribute("type").as_deref(),
            Some("range" | "checkbox" | "radio" | "button" | "submit" | "file")
        ),
        _ => false,
    }
}

/// The whole page.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // The link the page was opened with and the stored scenarios: read once, at the edge.
    let opened_with = {
        let data = props.data.clone();
        use_memo((), move |_| link::parse(&data, &url::current_fragment()))
    };
    let loaded = {
        let data = props.data.clone();
        use_memo((), move |_| platform::load_library(&data))
    };
    let ignored = {
        let opened_with = opened_with.clone();
        use_state_eq(move || opened_with.1.clone())
    };
    let storage_notice = {
        let loaded = loaded.clone();
        use_state_eq(move || loaded.notice.clone())
    };
    let url_error = use_state_eq(|| None::<String>);
    // The saved-scenarios panel: open at start when there is something saved.
    let saved_open = {
        let loaded = loaded.clone();
        use_state_eq(move || !loaded.library.scenarios.is_empty())
    };
    let naming_request = use_state_eq(|| 0u32);
    let state = {
        let data = props.data.clone();
        let presets = props.presets.clone();
        let loaded = loaded.clone();
        use_reducer(move || {
            AppState::new(data, presets, opened_with.0.clone(), loaded.library.clone())
        })
    };
    // Callbacks for the app's lifetime: children whose other props are
    // unchanged then compare equal and skip re-rendering.
    let send = {
        let dispatcher = state.dispatcher();
        use_callback((), move |msg: Msg, _| dispatcher.dispatch(msg))
    };
    let dispatch = {
        let dispatcher = state.dispatcher();
        use_callback((), move |action: Action, _| {
            dispatcher.dispatch(Msg::Edit(action))
        })
    };

    // What the address holds, rebuilt only when a part of it changes.
    let page_link = {
        let ws = &state.ws;
        let deps = (
            ws.scenario.clone(),
            ws.comparison.clone(),
            ws.meeting,
            ws.member.clone(),
        );
        let state = state.clone();
        use_memo(deps, move |_| state.ws.page_link())
    };
    // Mirror the page into the URL after every change.
    {
        let url_error = url_error.clone();
        let data = props.data.clone();
        use_effect_with(page_link.clone(), move |page| {
            // Debounced: a slider drag writes the address once it rests, which
            // keeps each input event cheap and stays under the browser's limit
            // on history updates per second. A newer change cancels the timer.
            let page = page.clone();
            let write = Timeout::new(URL_WRITE_DELAY_MS, move || {
                let text = link::serialize(&data, &page);
                match url::replace_fragment(&text) {
                    Ok(()) => url_error.set(None),
                    Err(e) => {
                        gloo::console::error!(format!("could not update the address: {e}"));
                        url_error.set(Some(e));
                    }
                }
            });
            move || drop(write)
        });
    }
    // Keep the saved scenarios in storage. Written at once (a few kilobytes):
    // a save must survive the tab being closed right after it.
    // The on-demand panels: the module is fetched the first time one is
    // shown, then each gets a new snapshot when what it shows changes.
    let panel_error = use_state_eq(|| None::<String>);
    let receiver = {
        let data = props.data.clone();
        let send = send.clone();
        use_memo((), move |_| panels::receiver(data, send))
    };
    let panel_failed = {
        let panel_error = panel_error.clone();
        use_callback((), move |message: Option<String>, _| {
            panel_error.set(message)
        })
    };
    let on_export = {
        let open_name = state.ws.open_entry().map(|e| e.name.clone());
        let data = props.data.clone();
        let failed = panel_failed.clone();
        use_callback((page_link.clone(), open_name), move |what, (page, name)| {
            let link = link::serialize(&data, page);
            panels::export(what, link, name.clone(), failed.clone());
        })
    };
    {
        let ws = &state.ws;
        let visible = *saved_open && !ws.meeting;
        let deps = (ws.library.clone(), ws.open_saved, visible, *naming_request);
        let data = props.data.clone();
        let receiver = receiver.clone();
        let failed = panel_failed.clone();
        let writable = loaded.writable;
        let shown = use_mut_ref(|| false);
        use_effect_with(deps, move |(library, open, visible, naming_request)| {
            if *visible || *shown.borrow() {
                *shown.borrow_mut() = true;
                let snapshot = panels::Snapshot::Saved {
                    visible: *visible,
                    document: platform::document_text(&library.document(&data)),
                    ids: library.scenarios.iter().map(|s| s.id).collect(),
                    open: *open,
                    writable,
                    naming_request: *naming_request,
                };
                panels::show(snapshot, &receiver, failed);
            }
        });
    }
    {
        let visible = !state.ws.meeting && !state.ws.comparison.columns.is_empty();
        let data = props.data.clone();
        let receiver = receiver.clone();
        let failed = panel_failed.clone();
        let shown = use_mut_ref(|| false);
        use_effect_with((page_link.clone(), visible), move |(page, visible)| {
            if *visible || *shown.borrow() {
                *shown.borrow_mut() = true;
                let snapshot = panels::Snapshot::Comparison {
                    visible: *visible,
                    link: link::serialize(&data, page),
                };
                panels::show(snapshot, &receiver, failed);
            }
        });
    }
    {
        let data = props.data.clone();
        let storage_notice = storage_notice.clone();
        let writable = loaded.writable;
        let last_written = use_mut_ref(|| None::<String>);
        use_effect_with(state.ws.library.clone(), move |library| {
            let text = platform::document_text(&library.document(&data));
            let first = last_written.borrow().is_none();
            if first {
                // What was just loaded: nothing to write.
                *last_written.borrow_mut() = Some(text);
            } else if writable && last_written.borrow().as_deref() != Some(text.as_str()) {
                match platform::store_library(&text) {
                    Ok(()) => *last_written.borrow_mut() = Some(text),
                    Err(message) => storage_notice.set(Some(message)),
                }
            }
        });
    }
    // A link edited by hand in the address bar (or pasted into this tab).
    {
        let send = send.clone();
        let ignored = ignored.clone();
        let data = props.data.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&window(), "hashchange", move |_| {
                let (page, skipped) = link::parse(&data, &url::current_fragment());
                ignored.set(skipped);
                send.emit(Msg::OpenLink(Box::new(page)));
            });
            move || drop(listener)
        });
    }
    // Keyboard: undo/redo outside text fields, Esc leaves meeting mode; and
    // the end of a gesture (a slider released, a field left) closes its undo step.
    {
        let send = send.clone();
        use_effect_with((), move |_| {
            let keys = {
                let send = send.clone();
                EventListener::new_with_options(
                    &window(),
                    "keydown",
                    EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                            return;
                        };
                        if event.key() == "Escape" {
                            send.emit(Msg::SetMeeting(false));
                            return;
                        }
                        if !(event.ctrl_key() || event.meta_key()) || typing_in_text_field(event) {
                            return;
                        }
                        let key = event.key();
                        let msg = match key.as_str() {
                            "z" | "Z" if event.shift_key() => Msg::Redo,
                            "z" | "Z" => Msg::Undo,
                            "y" | "Y" => Msg::Redo,
                            _ => return,
                        };
                        event.prevent_default();
                        send.emit(msg);
                    },
                )
            };
            let end_gesture = |name: &'static str| {
                let send = send.clone();
                EventListener::new(&document(), name, move |_| send.emit(Msg::EndGesture))
            };
            let listeners = [keys, end_gesture("change"), end_gesture("focusout")];
            move || drop(listeners)
        });
    }

    let dismiss = {
        let ignored = ignored.clone();
        Callback::from(move |_| {
            ignored.set(Vec::new());
            platform::focus_element("resultat");
        })
    };
    let dismiss_storage = {
        let storage_notice = storage_notice.clone();
        Callback::from(move |_| {
            storage_notice.set(None);
            platform::focus_element("resultat");
        })
    };
    let ws = &state.ws;
    let meeting = ws.meeting;
    let closing_2027 = state.projection.year(PlanYear::Y2027).closing;
    let active_preset = matching(&state.presets, &ws.scenario).map(|p| p.id.as_str());

    html! {
        <div class={classes!("app", meeting.then_some("app--meeting"))}>
            <a class="skip-link" href="#resultat">{"Hoppa till resultaten"}</a>
            <header class="site-header">
                <div class="site-header__inner">
                    <p class="site-header__org">{ state.data.organisation.clone() }</p>
                    <h1>{"Budgetsimulatorn 2025–2027"}</h1>
                    if !meeting {
                        <p class="site-header__lead">
                            {"Flytta reglagen och se direkt hur fördelning, resultat och eget kapital ändras. Länken i adressfältet är alltid det aktuella scenariot – kopiera den för att dela."}
                        </p>
                    }
                </div>
            </header>
            <div class="workbar">
                if !meeting {
                    { presets::presets_bar(&state.presets, active_preset, &send) }
                }
                { toolbar::toolbar(toolbar::ToolbarState {
                    can_undo: ws.can_undo(),
                    can_redo: ws.can_redo(),
                    meeting,
                    compared: ws.comparison.columns.len(),
                    saved_count: ws.library.scenarios.len(),
                    saved_open: *saved_open,
                    on_export: on_export.clone(),
                    on_save: {
                        let saved_open = saved_open.clone();
                        let naming_request = naming_request.clone();
                        Callback::from(move |_| {
                            saved_open.set(true);
                            naming_request.set(*naming_request + 1);
                        })
                    },
                    on_toggle_saved: {
                        let saved_open = saved_open.clone();
                        Callback::from(move |_| saved_open.set(!*saved_open))
                    },
                }, &send) }
            </div>
            if !ignored.is_empty() {
                <div class="notice notice--warning" role="status" data-testid="url-notice">
                    <p><strong>{"Delar av länken kunde inte användas och ignorerades:"}</strong></p>
                    <ul>{ for ignored.iter().map(|i| html! { <li>{ i.message() }</li> }) }</ul>
                    <p>{"Övriga värden i länken används."}</p>
                    <button type="button" class="button button--small" onclick={dismiss}>{"Stäng meddelandet"}</button>
                </div>
            }
            if let Some(message) = (*storage_notice).clone() {
                <div class="notice notice--error" role="alert" data-testid="storage-notice">
                    <p>{ message }</p>
                    <button type="button" class="button button--small" onclick={dismiss_storage}>{"Stäng meddelandet"}</button>
                </div>
            }
            if let Some(error) = (*url_error).clone() {
                <div class="notice notice--error" role="alert">
                    { format!("Adressfältet kunde inte uppdateras, så länken visar inte scenariot just nu ({error}). Siffrorna på sidan stämmer.") }
                </div>
            }
            { workspace_notice(ws.notice.as_ref(), &send) }
            if let Some(error) = (*panel_error).clone() {
                <div class="notice notice--error" role="alert">{ error }</div>
            }
            // Filled by the on-demand panels module (view::panels).
            <div id="saved-root" class="saved-panel"></div>
            <main class="layout">
                <aside class="layout__inputs" aria-labelledby="inputs-title">
                    <h2 id="inputs-title">{ if meeting { "Styrelsens beslut" } else { "Scenario" } }</h2>
                    <inputs::Inputs data={state.data.clone()} scenario={ws.scenario.clone()} projection={state.projection.clone()}
                        dispatch={dispatch.clone()} decisions_only={meeting} />
                    if !meeting {
                        <CopyLink data={state.data.clone()} target={LinkTarget::Scenario(ws.scenario.clone())}
                            label="Kopiera länk till scenariot" what="scenariot" test_id="share-status" />
                    }
                </aside>
                <div class="layout__results" id="resultat" tabindex="-1">
                    <h2 class="visually-hidden">{"Resultat"}</h2>
                    <headline::Headline projection={state.projection.clone()} scenario={ws.scenario.clone()} dispatch={dispatch.clone()} />
                    if !meeting {
                        <members::MemberView data={state.data.clone()} table={state.members.clone()} staffing={state.staffing.clone()}
                            member={ws.member.clone().map(AttrValue::from)} rule={ws.scenario.topup_rule} dispatch={send.clone()} />
                    }
                    <div id="comparison-root"></div>
                    <chart::EquityChartView projection={state.projection.clone()} />
                    if !meeting {
                        <table::BudgetTable data={state.data.clone()} projection={state.projection.clone()} scenario={ws.scenario.clone()} />
                        <members::MembersSection table={state.members.clone()} split={state.split_description.clone()} on_export={on_export.clone()} rule={ws.scenario.topup_rule} dispatch={dispatch.clone()} />
                        <staffing::StaffingSection data={state.data.clone()} staffing={state.staffing.clone()} scenario={ws.scenario.clone()} dispatch={dispatch.clone()} />
                        <provenance::Provenance data={state.data.clone()} />
                    }
                </div>
            </main>
            <footer class="site-footer">
                <a href="tillganglighet.html">{"Tillgänglighetsredogörelse"}</a>
                if !meeting {
                    // The snippet is written by web/embed.js when this opens.
                    <details id="embed-details" class="embed">
                        <summary>{"Bädda in på er webbplats"}</summary>
                        <p>{"Klistra in koden på en sida på er webbplats. Den visar scenariot som är på skärmen nu, och ramen växer med innehållet."}</p>
                        <pre class="embed__code"><code id="embed-snippet"></code></pre>
                    </details>
                }
            </footer>
            <div class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-region">
                { format!("Utgående eget kapital 2027: {}", kronor_kr(closing_2027)) }
            </div>
        </div>
    }
}

/// The answer to the last action (saved, imported, comparison full, …).
fn workspace_notice(notice: Option<&Notice>, dispatch: &Callback<Msg>) -> Html {
    // Both buttons remove themselves: focus moves on to a stable place.
    let send = |msg: Msg, focus: &'static str| {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            d.emit(msg.clone());
            platform::focus_element(focus);
        })
    };
    // The live region is always in the DOM, so screen readers hear each new text.
    html! {
        <div class="workspace-notice" role="status" data-testid="workspace-notice">
            { match notice {
                None => html! {},
                Some(notice) => {
                    let (class, text) = match notice {
                        Notice::Info(text) => ("notice--info", text.clone()),
                        Notice::Warning(text) => ("notice--warning", text.clone()),
                        Notice::Deleted { name } => ("notice--info", format!("”{name}” är borttaget.")),
                    };
                    html! {
                        <div class={classes!("notice", class)}>
                            <p>{ text }</p>
                            if matches!(notice, Notice::Deleted { .. }) {
                                <button type="button" class="button button--small" onclick={send(Msg::UndoDelete, "saved-title")}>{"Ångra borttagningen"}</button>
                            }
                            <button type="button" class="button button--small button--secondary" onclick={send(Msg::DismissNotice, "resultat")}>{"Stäng"}</button>
                        </div>
                    }
                }
            } }
        </div>
    }
}
