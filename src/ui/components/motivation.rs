//! "Motivering": the board's reasons for the scenario in its own words, at
//! most 2 000 characters. They are saved with the scenario, carried into the
//! comparison and printed in the decision document and the workbook.

use crate::state::library::MAX_MOTIVATION_CHARS;
use crate::state::workspace::Msg;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MotivationProps {
    pub text: Rc<str>,
    pub send: Callback<Msg>,
}

#[function_component(Motivation)]
pub fn motivation(props: &MotivationProps) -> Html {
    let oninput = {
        let send = props.send.clone();
        Callback::from(move |e: InputEvent| {
            send.emit(Msg::SetMotivation(
                e.target_unchecked_into::<HtmlTextAreaElement>().value(),
            ))
        })
    };
    let used = props.text.chars().count();
    html! {
        <div class="field motivation">
            <label for="motivation">{"Motivering"}</label>
            <textarea id="motivation" class="text-input motivation__text" rows="4" maxlength={MAX_MOTIVATION_CHARS.to_string()}
                aria-describedby="motivation-hint" value={props.text.to_string()} {oninput} />
            <p class="field-hint" id="motivation-hint">
                { format!("Styrelsens skäl för scenariot, {used} av {MAX_MOTIVATION_CHARS} tecken. Sparas med scenariot och skrivs ut i beslutsunderlaget.") }
            </p>
            if used >= MAX_MOTIVATION_CHARS {
                <p class="field-error" role="status">
                    { format!("Texten är så lång som den får vara ({MAX_MOTIVATION_CHARS} tecken): det som skrevs eller klistrades in efter det kom inte med.") }
                </p>
            }
        </div>
    }
}
