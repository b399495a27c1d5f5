//! Whose data this is and where each default comes from, for a board that must
//! be able to trust every figure on the page.

use crate::core::Dataset;
use crate::export::cite::spelled_out;
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
                if data.sources.is_empty() {
                    { format!("Siffrorna kommer från dataunderlaget ”{}”, skrivet för hand eller importerat; det anger inga källor. ", data.name) }
                } else {
                    { format!("Standardvärdena är {}s egna siffror, hämtade ur förbundets beslutade och publicerade dokument. ", data.organisation) }
                }
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
                    <li>{ format!("{} använder vald kolumn i dataunderlaget: prognos eller budget.", data.first_plan_year) }</li>
                    <li>{ format!("Ett år med egna siffror i dataunderlaget (en beslutad budget, en utblick) använder dem. Andra år räknas upp: {} = budget {} × (1 + årets kostnadsökning), senare år = året före × (1 + årets kostnadsökning), per rad och avrundat till hela kronor.", data.first_plan_year + 1, data.first_plan_year) }</li>
                    <li>{ format!("År efter dataunderlagets planperiod ({}) behåller föregående års val: finansieringsnivå, teamens egna nivåer, andel individinsatser och medel.", data.plan_end) }</li>
                    <li>{"Samordningsteamen: förbundets kostnad = full kostnad × finansieringsnivå. Resten är medlemmarnas tillskott för att behålla teamet som i dag."}</li>
                    <li>{"Styrd andel individinsatser: strukturella insatser = individinsatser × (100 − andel) / andel, fördelat på raderna i proportion till deras kostnad. Kronor som blir över vid avrundningen går till raderna med störst rest."}</li>
                    <li>{"Resultat = medel från huvudmännen − summa kostnader. Utgående eget kapital = ingående + resultat, och blir nästa års ingående."}</li>
                    <li>{"Riktvärde = riktvärdesprocenten × årets medel; eget kapital bör understiga det. Negativt eget kapital visas som varning, eget kapital över riktvärdet som notering."}</li>
                    <li>{"Nivå för resultat 0: den gemensamma finansieringsnivå (team med egen nivå behåller sin) som ger resultatet 0, visad med en decimal. Knappen använder det visade värdet, så resultatet kan avvika från 0 med upp till 0,05 % av teamens fulla kostnad (för 6 Mkr i team: 3 000 kr)."}</li>
                    <li>{"Alla belopp räknas exakt i hela kronor; avrundning sker halva bort från noll."}</li>
                </ul>
                <p>
                    <a href="modell.md" type="text/plain">{"Hela modellbeskrivningen, med räkneexempel"}</a>
                    {" (textfil)."}
                </p>
            </details>
            <details>
                <summary>{"Källa per budgetrad"}</summary>
                <table class="source-table">
                    <thead><tr><th scope="col">{"Rad"}</th><th scope="col">{"Källa"}</th></tr></thead>
                    <tbody>
                        { for data.lines.iter().map(|l| html! {
                            <tr><th scope="row">{ l.name.clone() }</th><td>{ spelled_out(data, &l.source) }</td></tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </footer>
    }
}
