//! Whose data this is and where each default comes from, for a board that must
//! be able to trust every figure on the page.

use crate::model::Dataset;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProvenanceProps {
    pub data: Rc<Dataset>,
}

#[function_component(Provenance)]
pub fn provenance(props: &ProvenanceProps) -> Html {
    let data = &props.data;
    html! {
        <footer class="provenance">
            <h2>{"Källor"}</h2>
            <p>
                { format!("Standardvärdena är {}s egna siffror, hämtade ur förbundets beslutade och publicerade dokument. ", data.organisation) }
                {"Allt räknas i webbläsaren; inget du skriver skickas någonstans."}
            </p>
            <ul class="sources">
                { for data.sources.iter().map(|s| html! {
                    <li>
                        <strong>{ s.title.clone() }</strong>{ format!(" ({}, {}). ", s.issuer, s.date) }
                        { s.note.clone() }
                    </li>
                }) }
            </ul>
            <details>
                <summary>{"Källa per budgetrad"}</summary>
                <table class="source-table">
                    <thead><tr><th scope="col">{"Rad"}</th><th scope="col">{"Källa"}</th></tr></thead>
                    <tbody>
                        { for data.lines.iter().map(|l| html! {
                            <tr><th scope="row">{ l.name.clone() }</th><td>{ l.source.clone() }</td></tr>
                        }) }
                    </tbody>
                </table>
                <p class="field-hint">{"vp2024 = Verksamhetsplan och budget 2024; delar2025 = Delårsrapport januari–augusti 2025."}</p>
            </details>
        </footer>
    }
}
