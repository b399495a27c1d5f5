//! Input controls: a number field that never loses what the person typed, and
//! a slider paired with such a field.
//!
//! Text becomes a number only here, through `state::input` (exact parsing,
//! range and precision by the field's rule). While the text is invalid it stays in the
//! field with a Swedish message beside it and the scenario keeps its last valid
//! value; valid text is sent at once, on every input event.

use crate::core::horizon::Year;
use crate::core::rules::{NumberKind, NumberRule};
use crate::core::Field;
use crate::export::format::{kronor, percent_input};
use crate::state::input::{parse_participants, parse_with, InputError};
use crate::state::update::Action;
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

/// What a field's valid value does to the scenario. Plain data rather than a
/// closure, so a field whose props are unchanged is not re-rendered.
#[derive(Debug, Clone, PartialEq)]
pub enum Commit {
    /// Set (or, with an empty optional field, clear) a scenario field.
    Set(Field),
    /// Set a year's contributions as a % change from the year before.
    RevenueChange(Year),
}

impl Commit {
    fn action(&self, value: Option<Decimal>) -> Option<Action> {
        match self {
            Commit::Set(field) => Some(Action::Set(field.clone(), value)),
            Commit::RevenueChange(year) => value.map(|v| Action::SetRevenueChange(*year, v)),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct NumberInputProps {
    pub id: AttrValue,
    /// The accessible name (a visible `<label for>` may name it instead).
    #[prop_or_default]
    pub aria_label: Option<AttrValue>,
    /// The current value; `None` shows an empty field (an optional value unset).
    pub value: Option<Decimal>,
    pub rule: NumberRule,
    /// What a valid value does; `None` is sent when an optional field is emptied.
    pub commit: Commit,
    pub dispatch: Callback<Action>,
    /// An empty field means "not set" rather than an error.
    #[prop_or_default]
    pub optional: bool,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    #[prop_or_default]
    pub disabled: bool,
    /// The id of a hint to describe the field with.
    #[prop_or_default]
    pub hint_id: Option<AttrValue>,
}

/// A text field for kronor or percent that accepts Swedish notation.
#[function_component(NumberInput)]
pub fn number_input(props: &NumberInputProps) -> Html {
    let draft = use_state(|| None::<Draft>);
    let unit = match props.rule.kind {
        NumberKind::Kronor => "kr",
        NumberKind::Percent => "%",
        NumberKind::Fte => "årsarb.",
    };

    // Show the typed text while it is invalid or still what the scenario holds;
    // once the value changes elsewhere (a slider, a reset) show that instead.
    let shown_draft = draft.as_ref().filter(|d| match &d.parsed {
        Ok(parsed) => *parsed == props.value,
        Err(_) => d.base == props.value,
    });
    let text = match shown_draft {
        Some(d) => d.text.clone(),
        None => props
            .value
            .map(|v| display(props.rule.kind, v))
            .unwrap_or_default(),
    };
    let error = shown_draft.and_then(|d| d.parsed.as_ref().err().cloned());

    let oninput = {
        let draft = draft.clone();
        let rule = props.rule;
        let optional = props.optional;
        let commit = props.commit.clone();
        let dispatch = props.dispatch.clone();
        let base = props.value;
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            let parsed = if optional && text.trim().is_empty() {
                Ok(None)
            } else {
                parse_with(&rule, &text).map(Some)
            };
            if let Some(action) = parsed.clone().ok().and_then(|v| commit.action(v)) {
                dispatch.emit(action);
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

    let error_id = format!("{}-fel", props.id);
    let described_by = [
        props.hint_id.as_ref().map(|h| h.to_string()),
        error.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");

    html! {
        <span class="number-input">
            <span class="number-input__box">
                <input
                    type="text"
                    inputmode={if props.rule.kind == NumberKind::Kronor { "numeric" } else { "decimal" }}
                    id={props.id.clone()}
                    class={classes!("number-input__field", (props.rule.kind == NumberKind::Kronor).then_some("number-input__field--kronor"))}
                    aria-label={props.aria_label.clone()}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={(!described_by.is_empty()).then_some(described_by)}
                    placeholder={props.placeholder.clone()}
                    disabled={props.disabled}
                    autocomplete="off"
                    spellcheck="false"
                    value={text}
                    {oninput}
                    {onblur}
                />
                <span class="number-input__unit" aria-hidden="true">{unit}</span>
            </span>
            <span id={error_id} class="field-error" aria-live="polite">
                { error.map(|e| e.to_string()).unwrap_or_default() }
            </span>
        </span>
    }
}

#[derive(Properties, PartialEq)]
pub struct SliderFieldProps {
    pub id: AttrValue,
    /// The visible label of the slider.
    pub label: AttrValue,
    /// The scenario field the slider sets (its rule gives range and precision).
    pub field: Field,
    pub value: Decimal,
    pub step: Decimal,
    /// Values offered as one-click buttons and as tick marks (e.g. 75, 80, 85).
    #[prop_or_default]
    pub marks: Vec<Decimal>,
    pub dispatch: Callback<Action>,
    #[prop_or_default]
    pub disabled: bool,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

/// A slider with its number field; both update the scenario on every input.
#[function_component(SliderField)]
pub fn slider_field(props: &SliderFieldProps) -> Html {
    let rule = props.field.rule();
    let set = {
        let dispatch = props.dispatch.clone();
        let field = props.field.clone();
        move |value: Decimal| dispatch.emit(Action::Set(field.clone(), Some(value)))
    };
    let on_slide = {
        let set = set.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            // A slider's own value is exact ("80.5"); still checked, never trusted.
            match parse_with(&rule, &text) {
                Ok(value) => set(value),
                Err(error) => gloo::console::warn!(format!("slider value refused: {error}")),
            }
        })
    };
    let list_id = format!("{}-marks", props.id);
    let hint_id = props
        .hint
        .as_ref()
        .map(|_| AttrValue::from(format!("{}-hint", props.id)));
    let value_text = format!("{}\u{a0}%", percent_input(props.value));

    html! {
        <div class={classes!("slider-field", props.disabled.then_some("slider-field--disabled"))}>
            <label class="slider-field__label" for={props.id.clone()}>{ props.label.clone() }</label>
            <div class="slider-field__controls">
                <input
                    type="range"
                    id={props.id.clone()}
                    class="slider-field__range"
                    min={rule.min.to_string()}
                    max={rule.max.to_string()}
                    step={props.step.to_string()}
                    value={props.value.to_string()}
                    aria-valuetext={value_text}
                    aria-describedby={hint_id.clone()}
                    list={(!props.marks.is_empty()).then(|| list_id.clone())}
                    disabled={props.disabled}
                    oninput={on_slide}
                />
                <NumberInput
                    id={format!("{}-tal", props.id)}
                    aria_label={format!("{}, i procent", props.label)}
                    value={Some(props.value)}
                    rule={rule}
                    commit={Commit::Set(props.field.clone())}
                    dispatch={props.dispatch.clone()}
                    disabled={props.disabled}
                />
            </div>
            if !props.marks.is_empty() {
                <datalist id={list_id}>
                    { for props.marks.iter().map(|m| html! { <option value={m.to_string()} /> }) }
                </datalist>
                <div class="slider-field__marks">
                    { for props.marks.iter().map(|&mark| {
                        let set = set.clone();
                        let pressed = mark == props.value;
                        html! {
                            <button
                                type="button"
                                class="mark-button"
                                aria-pressed={pressed.to_string()}
                                aria-label={format!("{}: {}\u{a0}%", props.label, percent_input(mark))}
                                disabled={props.disabled}
                                onclick={Callback::from(move |_| set(mark))}
                            >{ format!("{}\u{a0}%", percent_input(mark)) }</button>
                        }
                    }) }
                </div>
            }
            if let (Some(hint), Some(id)) = (props.hint.clone(), hint_id) {
                <p class="field-hint" id={id}>{ hint }</p>
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
    pub dispatch: Callback<Action>,
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
        let dispatch = props.dispatch.clone();
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
                    dispatch.emit(Action::SetParticipants(team.clone(), range));
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
