//! The Yew front end (wasm only): one reducer at the root owns the scenario;
//! components receive props and a `Callback<Action>`, and hold no arithmetic.
//! The URL fragment is read and written at the edge, in effects.

mod cells;
mod chart;
mod fields;
mod headline;
mod inputs;
mod provenance;
mod share;
mod state;
mod table;
mod url;

use crate::model::format::kronor_kr;
use crate::model::fragment;
use crate::model::{Action, Dataset, PlanYear};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use gloo::utils::window;
use std::rc::Rc;
use yew::prelude::*;

pub use state::AppState;

/// How long the scenario must rest before the address is rewritten, ms.
pub const URL_WRITE_DELAY_MS: u32 = 150;

/// Mounts the app on `<body>`.
pub fn start() {
    match Dataset::sfv_default() {
        Ok(data) => {
            yew::Renderer::<App>::with_props(AppProps {
                data: Rc::new(data),
            })
            .render();
        }
        Err(error) => {
            gloo::console::error!(format!("default data is broken: {error}"));
            yew::Renderer::<BrokenData>::with_props(BrokenDataProps {
                message: error.to_string().into(),
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
}

/// The whole page.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // The link the page was opened with: read once, at the edge.
    let opened_with = {
        let data = props.data.clone();
        use_memo((), move |_| {
            fragment::parse(&data, &url::current_fragment())
        })
    };
    let ignored = {
        let opened_with = opened_with.clone();
        use_state_eq(move || opened_with.1.clone())
    };
    let url_error = use_state_eq(|| None::<String>);
    let state = {
        let data = props.data.clone();
        use_reducer(move || AppState::new(data, opened_with.0.clone()))
    };
    // One callback for the app's lifetime: children whose other props are
    // unchanged then compare equal and skip re-rendering.
    let dispatch = {
        let dispatcher = state.dispatcher();
        use_callback((), move |action: Action, _| dispatcher.dispatch(action))
    };

    // Mirror the scenario into the URL after every change.
    {
        let url_error = url_error.clone();
        let data = props.data.clone();
        use_effect_with(state.scenario.clone(), move |scenario| {
            // Debounced: a slider drag writes the address once it rests, which
            // keeps each input event cheap and stays under the browser's limit
            // on history updates per second. A newer change cancels the timer.
            let scenario = scenario.clone();
            let write = Timeout::new(URL_WRITE_DELAY_MS, move || {
                let text = fragment::serialize(&data, &scenario);
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
    // A link edited by hand in the address bar (or pasted into this tab).
    {
        let dispatch = dispatch.clone();
        let ignored = ignored.clone();
        let data = props.data.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&window(), "hashchange", move |_| {
                let (scenario, skipped) = fragment::parse(&data, &url::current_fragment());
                ignored.set(skipped);
                dispatch.emit(Action::Replace(Box::new(scenario)));
            });
            move || drop(listener)
        });
    }

    let dismiss = {
        let ignored = ignored.clone();
        Callback::from(move |_| ignored.set(Vec::new()))
    };
    let closing_2027 = state.projection.year(PlanYear::Y2027).closing;

    html! {
        <>
            <a class="skip-link" href="#resultat">{"Hoppa till resultaten"}</a>
            <header class="site-header">
                <div class="site-header__inner">
                    <p class="site-header__org">{"Samordningsförbundet Västmanland"}</p>
                    <h1>{"Budgetsimulatorn 2025–2027"}</h1>
                    <p class="site-header__lead">
                        {"Flytta reglagen och se direkt hur fördelning, resultat och eget kapital ändras. Länken i adressfältet är alltid det aktuella scenariot – kopiera den för att dela."}
                    </p>
                </div>
            </header>
            if !ignored.is_empty() {
                <div class="notice notice--warning" role="status" data-testid="url-notice">
                    <p><strong>{"Delar av länken kunde inte användas och ignorerades:"}</strong></p>
                    <ul>{ for ignored.iter().map(|i| html! { <li>{ i.message() }</li> }) }</ul>
                    <p>{"Övriga värden i länken används."}</p>
                    <button type="button" class="button button--small" onclick={dismiss}>{"Stäng meddelandet"}</button>
                </div>
            }
            if let Some(error) = (*url_error).clone() {
                <div class="notice notice--error" role="alert">
                    { format!("Adressfältet kunde inte uppdateras, så länken visar inte scenariot just nu ({error}). Siffrorna på sidan stämmer.") }
                </div>
            }
            <main class="layout">
                <aside class="layout__inputs" aria-labelledby="inputs-title">
                    <h2 id="inputs-title">{"Scenario"}</h2>
                    <inputs::Inputs data={state.data.clone()} scenario={state.scenario.clone()} projection={state.projection.clone()} dispatch={dispatch.clone()} />
                    <share::ShareLink data={state.data.clone()} scenario={state.scenario.clone()} />
                </aside>
                <div class="layout__results" id="resultat" tabindex="-1">
                    <h2 class="visually-hidden">{"Resultat"}</h2>
                    <headline::Headline projection={state.projection.clone()} scenario={state.scenario.clone()} dispatch={dispatch.clone()} />
                    <chart::EquityChartView projection={state.projection.clone()} />
                    <table::BudgetTable data={state.data.clone()} projection={state.projection.clone()} scenario={state.scenario.clone()} />
                    <provenance::Provenance data={state.data.clone()} />
                </div>
            </main>
            <div class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-region">
                { format!("Utgående eget kapital 2027: {}", kronor_kr(closing_2027)) }
            </div>
        </>
    }
}
