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
use crate::state::link;
use crate::state::presets::PresetFile;
use app::{App, AppProps};
use std::rc::Rc;
use yew::prelude::*;

/// How long the scenario must rest before the address is rewritten, ms.
pub const URL_WRITE_DELAY_MS: u32 = 150;

/// The built-in data set and the presets file, parsed by the browser and
/// validated; a Swedish sentence when they cannot be used.
pub fn builtin() -> Result<(Dataset, PresetFile), String> {
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
    Ok((data, file))
}

/// The page's props with the built-in data set alone (no deployer's file,
/// no carried data set), as the component tests mount it.
pub fn builtin_props() -> Result<AppProps, String> {
    let (data, preset_file) = builtin()?;
    Ok(AppProps {
        builtin: Rc::new(data),
        preset_file: Rc::new(preset_file),
        start_notice: None,
        carried: None,
    })
}

/// What the page starts with besides the built-in data: the deployer's
/// default data set (`dataunderlag.json` beside `index.html`) and the data
/// set the opening link carries, each read before the first render so the
/// page never shows SFV's figures first and then others.
async fn props() -> Result<AppProps, String> {
    let (sfv, preset_file) = builtin()?;
    let (default, start_notice) = match platform::carry::deployed_default().await {
        Ok(Some(deployed)) => (deployed, None),
        Ok(None) => (sfv, None),
        Err(problem) => {
            gloo::console::warn!(format!("dataunderlag.json not used: {problem}"));
            (sfv, Some(format!("Webbplatsens dataunderlag (filen {}) kunde inte användas: {problem} Sidan visar det inbyggda dataunderlaget.", platform::carry::DEPLOYED_FILE)))
        }
    };
    let carried = match link::carried_data(&platform::url::current_fragment()) {
        None => None,
        Some(value) => Some(Rc::new(platform::carry::read_link_value(value).await)),
    };
    Ok(AppProps {
        builtin: Rc::new(default),
        preset_file: Rc::new(preset_file),
        start_notice: start_notice.map(AttrValue::from),
        carried,
    })
}

/// Mounts the app on `<body>`.
pub fn start() {
    // Before anything reads the address: a reload right after a change
    // opens the change.
    platform::url::adopt_left_address();
    wasm_bindgen_futures::spawn_local(async {
        match props().await {
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
    });
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
