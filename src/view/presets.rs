//! "Förslag att utgå från": the board's own proposals as one row of buttons.
//! Each shows its source on hover and on keyboard focus (and gives it to
//! screen readers as the button's description); the one that equals the
//! current scenario is shown as pressed.
//!
//! A plain render function rather than a component: it is small and cheap to
//! diff, and each component adds its own machinery to the bundle.

use crate::model::presets::Preset;
use crate::model::workspace::Msg;
use yew::prelude::*;

/// The row of proposals; `active` is the id of the one the current scenario equals.
pub fn presets_bar(presets: &[Preset], active: Option<&str>, dispatch: &Callback<Msg>) -> Html {
    html! {
        <section class="presets" aria-labelledby="presets-title">
            <h2 id="presets-title" class="presets__title">{"Förslag att utgå från"}</h2>
            <ul class="presets__list">
                { for presets.iter().map(|preset| {
                    let id = preset.id.clone();
                    let source_id = format!("preset-{}-source", preset.id);
                    let pressed = active == Some(preset.id.as_str());
                    let onclick = {
                        let d = dispatch.clone();
                        let id = id.clone();
                        Callback::from(move |_| d.emit(Msg::ApplyPreset(id.clone())))
                    };
                    html! {
                        <li class="presets__item">
                            <button type="button" class="preset-button" data-preset={id}
                                aria-pressed={pressed.to_string()} aria-describedby={source_id.clone()} {onclick}>
                                { preset.name.clone() }
                            </button>
                            <span class="preset-source" id={source_id} role="tooltip">
                                <strong>{"Källa: "}</strong>{ preset.source.clone() }
                            </span>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
