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
                <summary>{"Så räknar simulatorn"}</summary>
                <ul class="rules">
                    <li>{"2025 använder vald kolumn ur delårsrapporten: prognos eller budget."}</li>
                    <li>{"2026 = budget 2025 × (1 + kostnadsökning), 2027 = 2026 × (1 + kostnadsökning), per rad och avrundat till hela kronor. 2026 utgår alltid från budget 2025, dvs. kostnaden för full bemanning."}</li>
                    <li>{"Samordningsteamen: förbundets kostnad = full kostnad × finansieringsnivå. Resten är medlemmarnas tillskott för att behålla teamet som i dag."}</li>
                    <li>{"Styrd andel individinsatser: strukturella insatser = individinsatser × (100 − andel) / andel, fördelat på raderna i proportion till deras kostnad. Kronor som blir över vid avrundningen går till raderna med störst rest."}</li>
                    <li>{"Resultat = medel från huvudmännen − summa kostnader. Utgående eget kapital = ingående + resultat, och blir nästa års ingående."}</li>
                    <li>{"Riktvärde = riktvärdesprocenten × årets medel. Negativt eget kapital visas som fel, eget kapital över riktvärdet som notering."}</li>
                    <li>{"Nivå för resultat 0: den gemensamma finansieringsnivå (team med egen nivå behåller sin) som ger resultatet 0, visad med en decimal. Knappen använder det visade värdet, så resultatet kan avvika med några hundra kronor."}</li>
                    <li>{"Alla belopp räknas exakt i hela kronor; avrundning sker halva bort från noll."}</li>
                </ul>
                <p>
                    <a href="model.md" type="text/plain">{"Hela modellbeskrivningen, med räkneexempel"}</a>
                    {" (textfil på engelska, samma som i projektets dokumentation)."}
                </p>
            </details>
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
