//! "Hur säkert är det?": the risk panel. Folded by default; opening it
//! starts a run of the scenario as it stands (`hooks::risk`), and every
//! change of the scenario or of the panel's assumptions starts a new one.
//! The fields are the settings of `page::risk`, read by `state::risk` (the
//! link's own rules); while typed text cannot be used it stays in its field
//! with the reason beside it and the settings keep their last good value.
//! The results are the worker's HTML (`export::risk::html`), inserted as
//! one node: the panel itself holds no figures and no arithmetic.

use crate::core::{Dataset, Scenario};
use crate::page::risk::{progress_percent, progress_text, risk_inputs, status_text, LEAD};
use crate::state::link::{self, PageLink};
use crate::state::risk::{RiskField, RiskSettings};
use crate::state::workspace::Msg;
use crate::ui::hooks::risk::{use_risk_run, RunStatus};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RiskPanelProps {
    pub data: Rc<Dataset>,
    pub scenario: Rc<Scenario>,
    pub risk: RiskSettings,
    pub send: Callback<Msg>,
}

/// Text typed into a field: shown while it is refused (`error`) or while
/// the settings hold what it says (`shows`, the settings' own text for it).
#[derive(Debug, Clone, PartialEq)]
struct Draft {
    field: RiskField,
    text: String,
    error: Option<String>,
    shows: String,
}

#[function_component(RiskPanel)]
pub fn risk_panel(props: &RiskPanelProps) -> Html {
    // A link that carries settings of its own opens the panel at once.
    let open = use_state_eq(|| props.risk != RiskSettings::default());
    let drafts = use_state(Vec::<Draft>::new);
    let job = link::serialize(&PageLink {
        scenario: (*props.scenario).clone(),
        risk: props.risk,
        ..PageLink::default()
    });
    let run = use_risk_run(
        *open,
        props.data.clone(),
        AttrValue::from(job),
        props.risk.inputs.draws(),
    );
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let fields = risk_inputs().into_iter().map(|view| {
        let settings = props.risk;
        let own = settings.text(view.field);
        let draft = drafts
            .iter()
            .find(|d| d.field == view.field && d.shows == own)
            .cloned();
        let oninput = {
            let (drafts, send, field) = (drafts.clone(), props.send.clone(), view.field);
            Callback::from(move |e: InputEvent| {
                let text = e.target_unchecked_into::<HtmlInputElement>().value();
                let draft = match settings.with(field, &text) {
                    Ok(next) => {
                        send.emit(Msg::SetRisk(next));
                        Draft { field, shows: next.text(field), text, error: None }
                    }
                    Err(e) => Draft { field, shows: settings.text(field), text, error: Some(e.to_string()) },
                };
                let mut list: Vec<Draft> = drafts.iter().filter(|d| d.field != field).cloned().collect();
                list.push(draft);
                drafts.set(list);
            })
        };
        let onblur = {
            let (drafts, field) = (drafts.clone(), view.field);
            Callback::from(move |_: FocusEvent| {
                if drafts.iter().any(|d| d.field == field && d.error.is_none()) {
                    drafts.set(drafts.iter().filter(|d| d.field != field).cloned().collect());
                }
            })
        };
        let error = draft.as_ref().and_then(|d| d.error.clone());
        let text = draft.map_or(own, |d| d.text);
        let (hint_id, error_id) = (format!("{}-hint", view.id), format!("{}-fel", view.id));
        let described = match error {
            Some(_) => format!("{hint_id} {error_id}"),
            None => hint_id.clone(),
        };
        html! {
            <div class="field risk__field">
                <label for={view.id}>{ view.label }</label>
                <span class="number-input">
                    <span class="number-input__box">
                        <input type="text" id={view.id} class="number-input__field risk__input" inputmode={view.inputmode}
                            autocomplete="off" spellcheck="false" value={text}
                            aria-invalid={error.is_some().then_some("true")} aria-describedby={described}
                            {oninput} {onblur} />
                        <span class="number-input__unit" aria-hidden="true">{ view.unit }</span>
                    </span>
                    <span id={error_id} class="field-error" aria-live="polite">{ error.unwrap_or_default() }</span>
                </span>
                <p class="field-hint" id={hint_id}>{ view.hint }</p>
            </div>
        }
    });
    let (running, failed, progress) = match &run.status {
        RunStatus::Running { done, total } => (true, None, Some((*done, *total))),
        RunStatus::Failed(why) => (false, Some(why.as_str()), None),
        RunStatus::Idle | RunStatus::Done => (false, None, None),
    };
    let stale = run.report.is_some() && !matches!(run.status, RunStatus::Done);
    html! {
        <section class="risk" aria-labelledby="risk-title" data-testid="risk-panel"
            data-state={match run.status { RunStatus::Idle => "idle", RunStatus::Running { .. } => "running", RunStatus::Done => "done", RunStatus::Failed(_) => "failed" }}
            data-run-ms={run.ms.map(|ms| ms.to_string())}>
            <h2 id="risk-title" class="risk__title">
                <button type="button" class="risk__toggle" aria-expanded={open.to_string()}
                    aria-controls={open.then_some("risk-body")} onclick={toggle}>
                    <span class="risk__chevron" aria-hidden="true">{ if *open { "▾" } else { "▸" } }</span>
                    {"Hur säkert är det?"}
                </button>
            </h2>
            <p class="field-hint risk__lead">{ LEAD }</p>
            if *open {
                <div id="risk-body" class="risk__body">
                    <fieldset class="group risk__inputs">
                        <legend>{"Antaganden om osäkerheten"}</legend>
                        <p class="field-hint">{"Värdena nedan är antaganden, inte siffror ur källorna. Dragningarna är likadana för alla som öppnar samma länk."}</p>
                        <div class="risk__grid">{ for fields }</div>
                    </fieldset>
                    if let Some((done, total)) = progress {
                        <p class="risk__progress" data-testid="risk-progress">
                            <progress class="risk__meter" aria-hidden="true" max="100" value={progress_percent(done, total).to_string()}></progress>
                            { progress_text(done, total, run.report.is_some()) }
                        </p>
                    }
                    if let Some(why) = failed {
                        <p class="notice notice--error">{ format!("Risken kunde inte beräknas: {why}") }</p>
                    }
                    <p class="visually-hidden" aria-live="polite" aria-atomic="true">
                        { if run.status == RunStatus::Idle { String::new() } else { status_text(running, failed) } }
                    </p>
                    <div class={classes!("risk__results", stale.then_some("risk__results--stale"))} aria-busy={running.to_string()}>
                        if let Some(html) = run.report.clone() {
                            { Html::from_html_unchecked(html) }
                        }
                    </div>
                </div>
            }
        </section>
    }
}
