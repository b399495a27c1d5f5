//! The scenario's controls, grouped the way a workshop asks its questions, the
//! board's two decisions first: how fully the teams are funded and how direct
//! money is split; then what the members pay, how costs grow, where 2025
//! stands, and the equity guideline.

use crate::model::format::{kronor_kr, percent};
use crate::model::update::{revenue_change, REVENUE_CHANGE_RULE};
use crate::model::{Action, Basis, Dataset, Field, PlanYear, Projection, Scenario};
use crate::view::fields::{Commit, NumberInput, SliderField};
use rust_decimal::Decimal;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InputsProps {
    pub data: Rc<Dataset>,
    pub scenario: Rc<Scenario>,
    pub projection: Rc<Projection>,
    pub dispatch: Callback<Action>,
    /// Meeting mode: only the board's two decisions.
    #[prop_or_default]
    pub decisions_only: bool,
}

fn dec(n: i64) -> Decimal {
    Decimal::from(n)
}

fn half() -> Decimal {
    Decimal::new(5, 1)
}

/// The input panel.
#[function_component(Inputs)]
pub fn inputs(props: &InputsProps) -> Html {
    let s = &props.scenario;
    let d = &props.dispatch;
    let on_basis = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let basis = match e
                .target_unchecked_into::<HtmlInputElement>()
                .value()
                .as_str()
            {
                "budget" => Basis::Budget,
                _ => Basis::Prognos,
            };
            d.emit(Action::SetBasis(basis));
        })
    };
    let on_reset = {
        let d = d.clone();
        Callback::from(move |_| d.emit(Action::Reset))
    };

    html! {
        <form class="inputs" aria-label="Scenariots inställningar" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <fieldset class="group">
                <legend>{"Finansieringsnivå för samordningsteamen"}</legend>
                <p class="field-hint">{"Andel av teamens fulla kostnad som förbundet betalar. Resten är medlemmarnas tillskott."}</p>
                { for PlanYear::ALL.into_iter().map(|year| html! {
                    <SliderField id={format!("f{}", year.number())} label={format!("Finansieringsnivå {}", year.number())}
                        field={Field::Funding(year)} value={s.funding[year.index()]} step={half()}
                        marks={vec![dec(75), dec(80), dec(85), dec(100)]} dispatch={d.clone()} />
                }) }
                if !props.decisions_only {
                <TeamOverrides data={props.data.clone()} scenario={props.scenario.clone()} dispatch={d.clone()} />
                }
            </fieldset>

            <fieldset class="group">
                <legend>{"Fördelning individ / struktur"}</legend>
                <p class="field-hint">{"Andel av de direkta insatskostnaderna som går till individinsatser. Strukturella insatser skalas om i proportion till sina kostnader. 77/23 i dag, 60/40 på sikt."}</p>
                { for PlanYear::ALL.into_iter().map(|year| {
                    let share = s.individ_share[year.index()];
                    let n = year.number();
                    let on_toggle = {
                        let d = d.clone();
                        Callback::from(move |e: Event| {
                            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                            d.emit(if on {
                                Action::EnableIndividShare(year)
                            } else {
                                Action::Set(Field::IndividShare(year), None)
                            });
                        })
                    };
                    html! {
                        <div class="share-year">
                            <label class="checkbox">
                                <input type="checkbox" id={format!("s{n}-styr")} checked={share.is_some()}
                                    aria-describedby={share.is_none().then(|| format!("s{n}-nu"))}
                                    onchange={on_toggle} />
                                { format!("Styr andelen {n}") }
                            </label>
                            if share.is_none() {
                                <p class="field-hint share-year__now" id={format!("s{n}-nu")}>
                                    { match props.projection.year(year).share_individ {
                                        Some(current) => format!("Nu {} till individinsatser, som budgeterat.", percent(current)),
                                        None => "Som budgeterat.".to_owned(),
                                    } }
                                </p>
                            }
                            if share.is_some() {
                                <SliderField id={format!("s{n}")} label={format!("Andel individinsatser {n}")}
                                    field={Field::IndividShare(year)} value={share.unwrap_or(Decimal::ONE_HUNDRED)} step={half()}
                                    marks={vec![dec(60), dec(70), dec(77)]} dispatch={d.clone()} />
                            }
                        </div>
                    }
                }) }
            </fieldset>

            if !props.decisions_only {
            <fieldset class="group">
                <legend>{"Medel från huvudmännen"}</legend>
                <p class="fixed-value">
                    {"2025: "}<strong>{ kronor_kr(props.data.revenue_2025.amount) }</strong>
                    <span class="field-hint">{" (delårsrapport 2025)"}</span>
                </p>
                { for [PlanYear::Y2026, PlanYear::Y2027].into_iter().map(|year| {
                    let n = year.number();
                    let change = revenue_change(&props.data, s, year);
                    html! {
                        <div class="field revenue-field">
                            <label for={format!("rev{n}")}>{ format!("Medel {n}") }</label>
                            <div class="revenue-field__pair">
                                <NumberInput id={format!("rev{n}")} value={s.get(&Field::Revenue(year))}
                                    rule={Field::Revenue(year).rule()}
                                    commit={Commit::Set(Field::Revenue(year))} dispatch={d.clone()} />
                                <NumberInput id={format!("rev{n}-andring")}
                                    aria_label={format!("Förändring av medlen {n} mot {}, i procent", n - 1)}
                                    value={change.map(crate::model::money::percent_one_decimal)}
                                    rule={REVENUE_CHANGE_RULE}
                                    commit={Commit::RevenueChange(year)} dispatch={d.clone()} />
                            </div>
                            <p class="field-hint">{ format!("Kronor, eller förändring i procent mot {}.", n - 1) }</p>
                        </div>
                    }
                }) }
            </fieldset>

            <fieldset class="group">
                <legend>{"Kostnadsutveckling"}</legend>
                <SliderField id="growth" label="Löne- och prisökning per år 2026–2027"
                    field={Field::CostGrowth} value={s.cost_growth} step={half()}
                    marks={vec![dec(0), dec(2), dec(3)]} dispatch={d.clone()}
                    hint="2026 räknas upp från budget 2025, 2027 från 2026." />
            </fieldset>

            <fieldset class="group">
                <legend>{"Utgångsläge 2025"}</legend>
                <div class="radio-row" role="radiogroup" aria-label="Underlag för 2025">
                    <label class="radio">
                        <input type="radio" name="basis" value="prognos"
                            checked={s.basis == Basis::Prognos} onchange={on_basis.clone()} />
                        {"Prognos 2025"}
                    </label>
                    <label class="radio">
                        <input type="radio" name="basis" value="budget"
                            checked={s.basis == Basis::Budget} onchange={on_basis} />
                        {"Budget 2025"}
                    </label>
                </div>
                <p class="field-hint">{"Prognosen är delårsrapportens helårsprognos (aug 2025). Åren 2026–2027 utgår alltid från budget 2025, dvs. full bemanning."}</p>
                <div class="field">
                    <label for="eq">{"Ingående eget kapital 2025"}</label>
                    <NumberInput id="eq" value={Some(s.opening_equity)} rule={Field::OpeningEquity.rule()}
                        hint_id="eq-hint"
                        commit={Commit::Set(Field::OpeningEquity)} dispatch={d.clone()} />
                    <p class="field-hint" id="eq-hint">{"Beräknat enligt budget 2024 (utgående eget kapital 2024-12-31). Det faktiska bokslutet 2024 finns inte i underlagen."}</p>
                </div>
            </fieldset>

            <fieldset class="group">
                <legend>{"Eget kapital"}</legend>
                <SliderField id="guide" label="Riktvärde, andel av årets medel"
                    field={Field::EquityGuideline} value={s.equity_guideline} step={Decimal::ONE}
                    dispatch={d.clone()}
                    hint="Nationell rekommendation: eget kapital bör understiga 20 % av årets medel." />
            </fieldset>

            <button type="button" class="button button--secondary reset" onclick={on_reset}>{"Återställ standardvärden"}</button>
            }
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct TeamOverridesProps {
    data: Rc<Dataset>,
    scenario: Rc<Scenario>,
    dispatch: Callback<Action>,
}

/// Per-team levels that override the year's uniform level (optional).
#[function_component(TeamOverrides)]
fn team_overrides(props: &TeamOverridesProps) -> Html {
    let s = &props.scenario;
    let count: usize = s.funding_override.iter().map(|m| m.len()).sum();
    html! {
        <details class="overrides" open={count > 0}>
            <summary>{ if count > 0 { format!("Egen nivå för enskilda team ({count} satta)") } else { "Egen nivå för enskilda team".to_owned() } }</summary>
            <p class="field-hint">{"Lämna tomt för att följa årets nivå."}</p>
            <div class="overrides__scroll">
            <table class="overrides__table">
                <thead>
                    <tr>
                        <th scope="col">{"Team"}</th>
                        { for PlanYear::ALL.into_iter().map(|y| html! { <th scope="col">{ y.number() }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for props.data.teams().map(|team| html! {
                        <tr>
                            <th scope="row">{ team.name.clone() }</th>
                            { for PlanYear::ALL.into_iter().map(|year| {
                                let field = Field::TeamFunding(year, team.id.clone());
                                html! {
                                    <td>
                                        <NumberInput
                                            id={format!("f{}-{}", year.number(), team.id)}
                                            aria_label={format!("{} {}, egen nivå i procent", team.name, year.number())}
                                            value={s.get(&field)}
                                            optional=true
                                            placeholder={crate::model::format::percent_input(s.funding[year.index()])}
                                            rule={field.rule()}
                                            commit={Commit::Set(field.clone())}
                                            dispatch={props.dispatch.clone()} />
                                    </td>
                                }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </details>
    }
}
