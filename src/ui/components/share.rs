//! "Kopiera länk": puts a link on the clipboard, so a secretary can mail it:
//! the current scenario's own link, or the whole page's (comparison and
//! meeting mode included). The clipboard is browser I/O, so it happens here at
//! the edge; a refusal (no permission, no secure context) is shown in words and
//! logged, and the address bar still holds the page's link.

use crate::core::{Dataset, Scenario};
use crate::state::link::{self, PageLink};
use crate::ui::platform::{carry, clipboard};
use gloo::utils::window;
use std::rc::Rc;
use yew::prelude::*;

/// What a copy button links to.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkTarget {
    /// The scenario with its reasons (the board's "Motivering" travels with it).
    Scenario(Rc<Scenario>, Rc<str>),
    /// The page: scenario, comparison and meeting mode.
    Page(Rc<PageLink>),
}

impl LinkTarget {
    fn fragment(&self) -> String {
        match self {
            LinkTarget::Scenario(scenario, motivation) => link::scenario_link(scenario, motivation),
            LinkTarget::Page(page) => link::serialize(page),
        }
    }
}

/// This page's address with `fragment`.
pub fn full_link(fragment: &str) -> String {
    let location = window().location();
    let base = format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    );
    if fragment.is_empty() {
        base
    } else {
        format!("{base}#{fragment}")
    }
}

#[derive(Clone, PartialEq)]
enum Outcome {
    Copied,
    /// The clipboard refused: the link, to be copied by hand.
    Failed(String),
    /// The data set in use cannot ride in a link: why.
    TooLarge(String),
}

#[derive(Properties, PartialEq)]
pub struct CopyLinkProps {
    pub target: LinkTarget,
    /// The button's text, e.g. "Kopiera länk till scenariot".
    pub label: AttrValue,
    /// What the link shares, for the confirmation ("scenariot", "jämförelsen").
    pub what: AttrValue,
    #[prop_or_default]
    pub test_id: Option<AttrValue>,
    /// The data set in use when it is not the built-in one: the link
    /// carries it.
    #[prop_or_default]
    pub carried: Option<Rc<Dataset>>,
}

#[function_component(CopyLink)]
pub fn copy_link(props: &CopyLinkProps) -> Html {
    // The outcome with the target it was for: it is shown only while that
    // target stands, so a later change makes an earlier "copied" disappear.
    let outcome = use_state_eq(|| None::<(Outcome, LinkTarget)>);
    let onclick = {
        let outcome = outcome.clone();
        let (target, carried) = (props.target.clone(), props.carried.clone());
        // The link is built on click, not on every render of a slider drag.
        Callback::from(move |_| {
            let (outcome, target, carried) = (outcome.clone(), target.clone(), carried.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let mut fragment = target.fragment();
                if let Some(data) = carried {
                    match carry::link_value(&data).await {
                        Ok(value) => fragment = link::with_data(&fragment, &value),
                        Err(why) => return outcome.set(Some((Outcome::TooLarge(why), target))),
                    }
                }
                let link = full_link(&fragment);
                match clipboard::copy(&link).await {
                    Ok(()) => outcome.set(Some((Outcome::Copied, target))),
                    Err(error) => {
                        gloo::console::error!(format!("could not copy the link: {error}"));
                        outcome.set(Some((Outcome::Failed(link), target)));
                    }
                }
            });
        })
    };
    let shown = outcome
        .as_ref()
        .filter(|(_, t)| *t == props.target)
        .map(|(o, _)| o);
    let message = match shown {
        Some(Outcome::Copied) => format!(
            "Länken är kopierad. Klistra in den i ett mejl för att dela {}.",
            props.what
        ),
        Some(Outcome::Failed(_)) => "Länken kunde inte kopieras automatiskt. Den står i fältet nedan: markera den och kopiera (Ctrl+C).".to_owned(),
        Some(Outcome::TooLarge(why)) => why.clone(),
        None => String::new(),
    };
    html! {
        <div class="share">
            <button type="button" class="button share__button" {onclick}>{ props.label.clone() }</button>
            <p class="share__status" role="status" data-testid={props.test_id.clone()}>{ message }</p>
            if let Some(Outcome::Failed(link)) = shown {
                <input class="text-input share__manual" type="text" readonly=true value={link.clone()}
                    aria-label={format!("Länken till {}", props.what)}
                    onfocus={Callback::from(|e: FocusEvent| e.target_unchecked_into::<web_sys::HtmlInputElement>().select())} />
            }
        </div>
    }
}
