//! The Yew front end (wasm only): one runtime, one reducer at the root that
//! owns the page's state (`state`), components that receive props and
//! `Callback`s and hold no arithmetic (`components`), the page's effects
//! (`hooks`) and the browser's edge (`platform`).

pub mod app;
pub mod components;
pub mod hooks;
pub mod platform;
pub mod state;

use crate::core::Dataset;
use crate::state::builtin::{PRESETS_JSON, SFV_JSON};
use crate::state::explain;
use crate::state::presets::{presets_for, PresetFile};
use app::{App, AppProps};
use std::rc::Rc;
use yew::prelude::*;

/// How long the scenario must rest before the address is rewritten, ms.
pub const URL_WRITE_DELAY_MS: u32 = 150;

/// The built-in data set and its presets, parsed by the browser and
/// validated; a Swedish sentence when they cannot be used.
pub fn builtin() -> Result<AppProps, String> {
    let data: Dataset = platform::json::from_text(SFV_JSON)
        .map_err(|e| format!("Det inbyggda dataunderlaget kunde inte läsas ({e})."))?;
    data.validate().map_err(|e| {
        format!(
            "Det inbyggda dataunderlaget har ett fel: {}",
            explain::sentence(&data, &e)
        )
    })?;
    let file: PresetFile = platform::json::from_text(PRESETS_JSON)
        .map_err(|e| format!("Förslagen kunde inte läsas ({e})."))?;
    let presets = presets_for(&data, &file);
    Ok(AppProps {
        data: Rc::new(data),
        presets: Rc::new(presets),
    })
}

/// Mounts the app on `<body>`.
pub fn start() {
    match builtin() {
        Ok(props) => {
            yew::Renderer::<App>::with_props(props).render();
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

/// Shown instead of the app if the built-in data fails its checks.
#[function_component(BrokenData)]
fn broken_data(props: &BrokenDataProps) -> Html {
    html! {
        <main class="page">
            <h1>{"Budgetsimulatorn"}</h1>
            <p class="notice notice--error" role="alert">
                {"Simulatorn kan inte visa några siffror: "}{ props.message.clone() }
            </p>
        </main>
    }
}
