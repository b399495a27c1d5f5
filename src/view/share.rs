//! "Kopiera länk": puts the link to the current scenario on the clipboard, so a
//! secretary can mail it. The clipboard is browser I/O, so it happens here at
//! the edge; a refusal (no permission, no secure context) is shown in words and
//! logged, and the address bar still holds the same link.

use crate::model::{fragment, Dataset, Scenario};
use gloo::utils::window;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareLinkProps {
    pub data: Rc<Dataset>,
    pub scenario: Rc<Scenario>,
}

/// The full link to a scenario: this page's address with the scenario's fragment.
fn link_to(data: &Dataset, scenario: &Scenario) -> String {
    let location = window().location();
    let base = format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    );
    let text = fragment::serialize(data, scenario);
    if text.is_empty() {
        base
    } else {
        format!("{base}#{text}")
    }
}

#[derive(Clone, PartialEq)]
enum Outcome {
    Copied,
    Failed,
}

#[function_component(ShareLink)]
pub fn share_link(props: &ShareLinkProps) -> Html {
    // The outcome with the scenario it was for: it is shown only while that
    // scenario stands, so a later change makes an earlier "copied" disappear.
    let outcome = use_state_eq(|| None::<(Outcome, Rc<Scenario>)>);
    let onclick = {
        let outcome = outcome.clone();
        let data = props.data.clone();
        let scenario = props.scenario.clone();
        // The link is built on click, not on every render of a slider drag.
        Callback::from(move |_| {
            let outcome = outcome.clone();
            let scenario = scenario.clone();
            let link = link_to(&data, &scenario);
            wasm_bindgen_futures::spawn_local(async move {
                let clipboard = window().navigator().clipboard();
                let result =
                    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&link)).await;
                match result {
                    Ok(_) => outcome.set(Some((Outcome::Copied, scenario))),
                    Err(error) => {
                        gloo::console::error!("could not copy the link", error);
                        outcome.set(Some((Outcome::Failed, scenario)));
                    }
                }
            });
        })
    };
    html! {
        <div class="share">
            <button type="button" class="button share__button" {onclick}>{"Kopiera länk till scenariot"}</button>
            <p class="share__status" role="status" data-testid="share-status">
                { match outcome.as_ref().filter(|(_, s)| *s == props.scenario).map(|(o, _)| o) {
                    Some(Outcome::Copied) => "Länken är kopierad. Klistra in den i ett mejl för att dela scenariot.",
                    Some(Outcome::Failed) => "Länken kunde inte kopieras automatiskt. Markera adressfältet och kopiera därifrån – det innehåller samma länk.",
                    None => "",
                } }
            </p>
        </div>
    }
}
