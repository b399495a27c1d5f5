//! "Förslag att utgå från": the board's own proposals as one row of buttons.
//! Under the row, a line tells where a proposal comes from: the one shown
//! (pressed) by default, the one under the pointer or keyboard focus instead.
//! It is part of the page's flow, so it never covers anything, and each
//! source is also the button's description for screen readers.
//!
//! A plain render function rather than a component: it is small and cheap to
//! diff, and each component adds its own machinery to the bundle.

use crate::state::presets::Preset;
use crate::state::workspace::Msg;
use yew::prelude::*;

/// The row of proposals; `active` is the id of the one the current scenario equals.
pub fn presets_bar(presets: &[Preset], active: Option<&str>, dispatch: &Callback<Msg>) -> Html {
    html! {
        <section class="presets" aria-labelledby="presets-title">
            <h2 id="presets-title" class="presets__title">{"Förslag att utgå från"}</h2>
            <div class="presets__list" role="group" aria-labelledby="presets-title">
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
                        <>
                            <button type="button" class="preset-button" data-preset={id}
                                aria-pressed={pressed.to_string()} aria-describedby={source_id.clone()} {onclick}>
                                { preset.name.clone() }
                            </button>
                            <span class="preset-source" id={source_id}>
                                <strong>{"Källa: "}</strong>{ preset.source.clone() }
                            </span>
                        </>
                    }
                }) }
                <span class="preset-source preset-source--hint">
                    {"Ett förslags källa visas när du väljer det, pekar på det eller går dit med Tab."}
                </span>
            </div>
        </section>
    }
}
