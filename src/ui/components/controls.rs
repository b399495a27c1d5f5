//! The one renderer of the page's controls (`page::Control`): a fieldset, a
//! folded part, a slider, a number field or a pair of them, a checkbox, a
//! select, radios, a hint, a fixed value, a grid of fields and a button.
//! Whatever a control does is a `Msg` it carries, sent on the page's one
//! callback.

use crate::page::{Choice, Control};
use crate::state::workspace::Msg;
use crate::ui::components::fields::{NumberInput, SliderField};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

fn send_msg(send: &Callback<Msg>, msg: &Msg) -> Callback<MouseEvent> {
    let (send, msg) = (send.clone(), msg.clone());
    Callback::from(move |_| send.emit(msg.clone()))
}

/// Sends the message of the choice whose value an element now holds.
fn on_choice(send: &Callback<Msg>, choices: &[Choice], value: String) {
    if let Some(choice) = choices.iter().find(|c| c.value == value) {
        send.emit(choice.msg.clone());
    }
}

fn hint(text: &Option<String>, id: Option<String>) -> Html {
    match text {
        Some(text) => html! { <p class="field-hint" {id}>{ text.clone() }</p> },
        None => html! {},
    }
}

/// Renders a list of controls.
pub fn controls(list: &[Control], send: &Callback<Msg>) -> Html {
    html! { <>{ for list.iter().map(|c| control(c, send)) }</> }
}

/// Renders a list of controls, each a component of its own: one that is
/// as it was skips re-rendering (on a slider move, most of the scenario
/// panel: the other years' groups, the revenue, the growth, the start).
pub fn memo_controls(list: Vec<Control>, send: &Callback<Msg>) -> Html {
    html! {
        <>{ for list.into_iter().map(|c| html! { <ControlView control={Rc::new(c)} send={send.clone()} /> }) }</>
    }
}

#[derive(Properties, PartialEq)]
pub struct ControlProps {
    pub control: Rc<Control>,
    pub send: Callback<Msg>,
}

#[function_component(ControlView)]
fn control_view(props: &ControlProps) -> Html {
    control(&props.control, &props.send)
}

/// Renders one control.
pub fn control(c: &Control, send: &Callback<Msg>) -> Html {
    match c {
        Control::Group {
            legend,
            hint: text,
            children,
        } => html! {
            <fieldset class="group">
                <legend>{ legend.clone() }</legend>
                { hint(text, None) }
                { controls(children, send) }
            </fieldset>
        },
        Control::Fold {
            class,
            summary,
            open,
            children,
        } => html! {
            <details class={*class} open={*open}>
                <summary>{ summary.clone() }</summary>
                { controls(children, send) }
            </details>
        },
        Control::Slider(slider) => {
            html! { <SliderField key={slider.id.clone()} slider={slider.clone()} send={send.clone()} /> }
        }
        Control::Number {
            label,
            field,
            hint: text,
            class,
        } => html! {
            <div class={classes!("field", *class)}>
                <label for={field.id.clone()}>{ label.clone() }</label>
                <NumberInput key={field.id.clone()} field={field.clone()} send={send.clone()} />
                { hint(text, field.hint_id.clone()) }
            </div>
        },
        Control::Pair {
            label_for,
            label,
            fields,
            hint: text,
        } => html! {
            <div class="field revenue-field">
                <label for={label_for.clone()}>{ label.clone() }</label>
                <div class="revenue-field__pair">
                    { for fields.iter().map(|f| html! { <NumberInput key={f.id.clone()} field={f.clone()} send={send.clone()} /> }) }
                </div>
                { hint(text, None) }
            </div>
        },
        Control::Checkbox {
            id,
            label,
            checked,
            described_by,
            on,
            off,
        } => {
            let (send, on, off) = (send.clone(), on.clone(), off.clone());
            let onchange = Callback::from(move |e: Event| {
                let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
                send.emit(if checked { on.clone() } else { off.clone() });
            });
            html! {
                <label class="checkbox">
                    <input type="checkbox" id={id.clone()} checked={*checked} aria-describedby={described_by.clone()} {onchange} />
                    { label.clone() }
                </label>
            }
        }
        Control::Select {
            id,
            label,
            hint: text,
            choices,
        } => {
            let (send, list) = (send.clone(), choices.clone());
            let onchange = Callback::from(move |e: Event| {
                on_choice(
                    &send,
                    &list,
                    e.target_unchecked_into::<HtmlSelectElement>().value(),
                )
            });
            let hint_id = text.as_ref().map(|_| format!("{id}-hint"));
            html! {
                <div class="field">
                    <label for={id.clone()}>{ label.clone() }</label>
                    <select id={id.clone()} class="select" aria-describedby={hint_id.clone()} {onchange}>
                        { for choices.iter().map(|c| html! { <option value={c.value.clone()} selected={c.chosen}>{ c.label.clone() }</option> }) }
                    </select>
                    { hint(text, hint_id) }
                </div>
            }
        }
        Control::Radios {
            name,
            label,
            choices,
        } => {
            let (send, list) = (send.clone(), choices.clone());
            let onchange = Callback::from(move |e: Event| {
                on_choice(
                    &send,
                    &list,
                    e.target_unchecked_into::<HtmlInputElement>().value(),
                )
            });
            html! {
                <div class="radio-row" role="radiogroup" aria-label={label.clone()}>
                    { for choices.iter().map(|c| html! {
                        <>
                            <label class="radio">
                                <input type="radio" name={name.clone()} value={c.value.clone()} checked={c.chosen} onchange={onchange.clone()} />
                                { c.label.clone() }
                            </label>
                            { hint(&c.hint, None) }
                        </>
                    }) }
                </div>
            }
        }
        Control::Text { class, id, text } => {
            html! { <p class={*class} id={id.clone()}>{ text.clone() }</p> }
        }
        Control::Fixed { lead, value, note } => html! {
            <p class="fixed-value">{ lead.clone() }<strong>{ value.clone() }</strong><span class="field-hint">{ note.clone() }</span></p>
        },
        Control::Grid {
            label,
            columns,
            rows,
        } => html! {
            <div class="overrides__scroll" tabindex="0" role="region" aria-label={label.clone()}>
                <table class="overrides__table">
                    <thead>
                        <tr>
                            <th scope="col">{"Team"}</th>
                            { for columns.iter().map(|c| html! { <th scope="col">{ c.clone() }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|(name, fields)| html! {
                            <tr>
                                <th scope="row">{ name.clone() }</th>
                                { for fields.iter().map(|f| html! { <td><NumberInput key={f.id.clone()} field={f.clone()} send={send.clone()} /></td> }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        },
        Control::Button {
            label,
            aria_label,
            class,
            msg,
        } => html! {
            <button type="button" class={*class} aria-label={aria_label.clone()} onclick={send_msg(send, msg)}>{ label.clone() }</button>
        },
    }
}
