//! The stateful input controls: a number field that never loses what the
//! person typed, a slider paired with such a field, and a participant range.
//!
//! Text becomes a number only here, through `state::input` (exact parsing,
//! range and precision by the field's rule). While the text is invalid it
//! stays in the field with a Swedish message beside it and the scenario
//! keeps its last valid value; valid text is sent at once, on every input
//! event.

use crate::core::rules::NumberKind;
use crate::export::format::{kronor, percent_input};
use crate::page::{NumberField, Slider};
use crate::state::input::{parse_participants, parse_with, InputError};
use crate::state::update::Action;
use crate::state::workspace::Msg;
use rust_decimal::Decimal;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the person typed and what it parsed to.
#[derive(Debug, Clone, PartialEq)]
struct Draft {
    text: String,
    parsed: Result<Option<Decimal>, InputError>,
    /// The scenario's value when the text was typed: an invalid draft is shown
    /// only while that value stands.
    base: Option<Decimal>,
}

fn display(kind: NumberKind, value: Decimal) -> String {
    match kind {
        NumberKind::Kronor => kronor(value),
        NumberKind::Percent | NumberKind::Fte => percent_input(value),
    }
}

#[derive(Properties, PartialEq)]
pub struct NumberInputProps {
    pub field: NumberField,
    pub send: Callback<Msg>,
}

/// A text field for kronor, percent or FTE that accepts Swedish notation.
#[function_component(NumberInput)]
pub fn number_input(props: &NumberInputProps) -> Html {
    let draft = use_state(|| None::<Draft>);
    let f = &props.field;
    let unit = match f.rule.kind {
        NumberKind::Kronor => "kr",
        NumberKind::Percent => "%",
        NumberKind::Fte => "årsarb.",
    };
    // Show the typed text while it is invalid or still what the scenario holds;
    // once the value changes elsewhere (a slider, a reset) show that instead.
    let shown = draft.as_ref().filter(|d| match &d.parsed {
        Ok(parsed) => *parsed == f.value,
        Err(_) => d.base == f.value,
    });
    let text = match shown {
        Some(d) => d.text.clone(),
        None => f.value.map(|v| display(f.rule.kind, v)).unwrap_or_default(),
    };
    let error = shown.and_then(|d| d.parsed.as_ref().err().cloned());
    let oninput = {
        let draft = draft.clone();
        let (rule, optional, commit, base) = (f.rule, f.optional, f.commit.clone(), f.value);
        let send = props.send.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            let parsed = if optional && text.trim().is_empty() {
                Ok(None)
            } else {
                parse_with(&rule, &text).map(Some)
            };
            if let Some(action) = parsed.clone().ok().and_then(|v| commit.action(v)) {
                send.emit(Msg::Edit(action));
            }
            draft.set(Some(Draft { text, parsed, base }));
        })
    };
    let onblur = {
        let draft = draft.clone();
        Callback::from(move |_: FocusEvent| {
            if draft.as_ref().is_some_and(|d| d.parsed.is_ok()) {
                draft.set(None);
            }
        })
    };
    let error_id = format!("{}-fel", f.id);
    let described_by = [f.hint_id.clone(), error.as_ref().map(|_| error_id.clone())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let kronor_field = f.rule.kind == NumberKind::Kronor;
    html! {
        <span class="number-input">
            <span class="number-input__box">
                <input type="text" inputmode={if kronor_field { "numeric" } else { "decimal" }} id={f.id.clone()}
                    class={classes!("number-input__field", kronor_field.then_some("number-input__field--kronor"))}
                    aria-label={f.aria_label.clone()} aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={(!described_by.is_empty()).then_some(described_by)}
                    placeholder={f.placeholder.clone()} autocomplete="off" spellcheck="false"
                    value={text} {oninput} {onblur} />
                <span class="number-input__unit" aria-hidden="true">{unit}</span>
            </span>
            <span id={error_id} class="field-error" aria-live="polite">{ error.map(|e| e.to_string()).unwrap_or_default() }</span>
        </span>
    }
}

#[derive(Properties, PartialEq)]
pub struct SliderFieldProps {
    pub slider: Slider,
    pub send: Callback<Msg>,
}

/// A slider with its number field; both update the scenario on every input.
#[function_component(SliderField)]
pub fn slider_field(props: &SliderFieldProps) -> Html {
    let s = &props.slider;
    let rule = s.field.rule();
    let set = {
        let send = props.send.clone();
        let field = s.field.clone();
        move |value: Decimal| send.emit(Msg::Edit(Action::Set(field.clone(), Some(value))))
    };
    let on_slide = {
        let set = set.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            // A slider's own value is exact ("80.5"); still checked, never trusted.
            if let Ok(value) = parse_with(&rule, &text) {
                set(value);
            }
        })
    };
    let list_id = format!("{}-marks", s.id);
    let hint_id = s.hint.as_ref().map(|_| format!("{}-hint", s.id));
    let field = NumberField {
        id: format!("{}-tal", s.id),
        aria_label: Some(format!("{}, i procent", s.label)),
        value: Some(s.value),
        rule,
        commit: crate::page::Commit::Set(s.field.clone()),
        optional: false,
        placeholder: None,
        hint_id: None,
    };
    html! {
        <div class="slider-field">
            <label class="slider-field__label" for={s.id.clone()}>{ s.label.clone() }</label>
            <div class="slider-field__controls">
                <input type="range" id={s.id.clone()} class="slider-field__range"
                    min={rule.min.to_string()} max={rule.max.to_string()} step={s.step.to_string()}
                    value={s.value.to_string()} aria-valuetext={format!("{}\u{a0}%", percent_input(s.value))}
                    aria-describedby={hint_id.clone()} list={(!s.marks.is_empty()).then(|| list_id.clone())}
                    oninput={on_slide} />
                <NumberInput {field} send={props.send.clone()} />
            </div>
            if !s.marks.is_empty() {
                <datalist id={list_id}>
                    { for s.marks.iter().map(|m| html! { <option value={m.to_string()} /> }) }
                </datalist>
                <div class="slider-field__marks">
                    { for s.marks.iter().map(|&mark| {
                        let set = set.clone();
                        html! {
                            <button type="button" class="mark-button" aria-pressed={(mark == s.value).to_string()}
                                aria-label={format!("{}: {}\u{a0}%", s.label, percent_input(mark))}
                                onclick={Callback::from(move |_| set(mark))}>
                                { format!("{}\u{a0}%", percent_input(mark)) }
                            </button>
                        }
                    }) }
                </div>
            }
            if let (Some(hint), Some(id)) = (s.hint.clone(), hint_id) {
                <p class="field-hint" {id}>{ hint }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ParticipantsInputProps {
    pub id: AttrValue,
    pub team: AttrValue,
    /// The scenario's own range, if it sets one.
    pub value: Option<(u32, u32)>,
    /// Shown when the field is empty: the data set's range or "uppgift saknas".
    pub placeholder: AttrValue,
    pub send: Callback<Msg>,
}

/// A participant range (`50–55`, or one number). Empty goes back to the data
/// set's figure. Invalid text stays with a Swedish message beside it.
#[function_component(ParticipantsInput)]
pub fn participants_input(props: &ParticipantsInputProps) -> Html {
    let draft = use_state(|| None::<(String, Option<String>)>);
    let shown = props
        .value
        .map(|(low, high)| {
            if low == high {
                low.to_string()
            } else {
                format!("{low}–{high}")
            }
        })
        .unwrap_or_default();
    let (text, error) = match &*draft {
        Some((text, error)) if error.is_some() => (text.clone(), error.clone()),
        _ => (shown, None),
    };
    let oninput = {
        let draft = draft.clone();
        let send = props.send.clone();
        let team = props.team.to_string();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            let parsed = if text.trim().is_empty() {
                Ok(None)
            } else {
                parse_participants(&text).map(Some)
            };
            match parsed {
                Ok(range) => {
                    send.emit(Msg::Edit(Action::SetParticipants(team.clone(), range)));
                    draft.set(None);
                }
                Err(error) => draft.set(Some((text, Some(error.to_string())))),
            }
        })
    };
    let error_id = format!("{}-fel", props.id);
    html! {
        <span class="number-input">
            <span class="number-input__box">
                <input type="text" inputmode="numeric" id={props.id.clone()} class="number-input__field"
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={error.is_some().then(|| error_id.clone())}
                    placeholder={props.placeholder.clone()} autocomplete="off" spellcheck="false"
                    value={text} {oninput} />
            </span>
            <span id={error_id} class="field-error" aria-live="polite">{ error.unwrap_or_default() }</span>
        </span>
    }
}
