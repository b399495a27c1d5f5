//! One text field of the data set editor: it sends what is typed as the
//! field's [`DataEdit`] on every input (the figures follow as one types),
//! shows the typed text while it has focus, and keeps a refused text while
//! the data set still holds the value it was typed over, so nothing typed
//! is wiped; the refusal is shown beside it (the workspace's `data_error`
//! for this field's id).

use crate::state::edit::DataEdit;
use crate::state::workspace::Msg;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditFieldProps {
    pub id: AttrValue,
    /// The accessible name (the visible label is the table's header or a
    /// `<label>` elsewhere).
    pub label: AttrValue,
    /// The data set's value, as the field shows it.
    pub value: AttrValue,
    /// Makes the edit from the typed text.
    pub make: Callback<String, DataEdit>,
    /// Why this field's last text was refused.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    pub send: Callback<Msg>,
    /// Kronor and other figures are right-aligned.
    #[prop_or_default]
    pub numeric: bool,
    #[prop_or_default]
    pub described_by: Option<AttrValue>,
}

#[function_component(EditField)]
pub fn edit_field(props: &EditFieldProps) -> Html {
    // (typed text, the value it was typed over)
    let draft = use_state(|| None::<(String, AttrValue)>);
    // While the field has focus its text is what was typed (no reformatting
    // under the cursor); a refused text stays until the value changes
    // elsewhere (an undo, say).
    let shown = draft
        .as_ref()
        .filter(|(_, base)| props.error.is_none() || *base == props.value)
        .map(|(text, _)| text.clone());
    let text = shown.clone().unwrap_or_else(|| props.value.to_string());
    let error = shown.and(props.error.clone());
    let oninput = {
        let (draft, make, send, base) = (
            draft.clone(),
            props.make.clone(),
            props.send.clone(),
            props.value.clone(),
        );
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            draft.set(Some((text.clone(), base.clone())));
            send.emit(Msg::EditData(make.emit(text)));
        })
    };
    let onblur = {
        let draft = draft.clone();
        let refused = props.error.is_some();
        Callback::from(move |_: FocusEvent| {
            if !refused {
                draft.set(None);
            }
        })
    };
    let error_id = format!("{}-fel", props.id);
    let described = [
        props.described_by.as_ref().map(|d| d.to_string()),
        error.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    html! {
        <span class="edit-field">
            <input type="text" id={props.id.clone()} aria-label={props.label.clone()}
                class={classes!("edit-field__input", props.numeric.then_some("edit-field__input--numeric"))}
                inputmode={props.numeric.then_some("numeric")} autocomplete="off" spellcheck="false"
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={(!described.is_empty()).then_some(described)}
                value={text} {oninput} {onblur} />
            if let Some(error) = error {
                <span id={error_id} class="field-error" role="alert">{ error }</span>
            }
        </span>
    }
}
