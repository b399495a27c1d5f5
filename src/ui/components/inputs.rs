//! The scenario's controls, grouped the way a workshop asks its questions:
//! the plan period, then the board's two decisions (how fully the teams are
//! funded and how direct money is split), then what the members pay, how
//! costs grow, where the first plan year stands, and the equity ceiling.
//! Every per-year control follows the plan period; the first plan year is
//! decided, so its controls are kept but folded away.

use crate::core::horizon::Year;
use crate::core::scenario::fixed_revenue;
use crate::core::{Basis, Dataset, Field, Projection, Scenario};
use crate::export::format::{kronor_kr, percent, percent_input};
use crate::state::update::{revenue_change, Action, REVENUE_CHANGE_RULE};
use crate::ui::components::fields::{Commit, NumberInput, SliderField};
use rust_decimal::Decimal;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InputsProps {
    pub data: Rc<Dataset>,
    pub scenario: Rc<Scenario>,
    pub projection: Rc<Projection>,
    pub dispatch: Callback<Action>,
    /// Meeting mode: only the plan period and the board's two decisions.
    #[prop_or_default]
    pub decisions_only: bool,
}

fn marks(values: &[i64]) -> Vec<Decimal> {
    values.iter().map(|&v| Decimal::from(v)).collect()
}

fn half() -> Decimal {
    Decimal::new(5, 1)
}

/// A year's controls, folded away when the year is decided (the first plan year).
fn year_block(first: bool, summary: String, body: Html) -> Html {
    if first {
        html! {
            <details class="decided-year">
                <summary>{ summary }</summary>
                { body }
            </details>
        }
    } else {
        body
    }
}

/// The input panel.
#[function_component(Inputs)]
pub fn inputs(props: &InputsProps) -> Html {
    let (s, d, data) = (&props.scenario, &props.dispatch, &props.data);
    let years: Vec<Year> = props.projection.years.iter().map(|y| y.year).collect();
    let first = data.first_plan_year;
    let on_reset = {
        let d = d.clone();
        Callback::from(move |_| d.emit(Action::Reset))
    };
    html! {
        <form class="inputs" aria-label="Scenariots inställningar" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <PeriodControl data={data.clone()} last={s.last_year(data)} dispatch={d.clone()} />
            <fieldset class="group">
                <legend>{"Finansieringsnivå för samordningsteamen"}</legend>
                <p class="field-hint">{"Andel av teamens fulla kostnad som förbundet betalar. Resten är medlemmarnas tillskott."}</p>
                { for years.iter().map(|&year| {
                    let level = s.funding(data, year);
                    let slider = html! {
                        <SliderField id={format!("f{year}")} label={format!("Finansieringsnivå {year}")}
                            field={Field::Funding(year)} value={level} step={half()}
                            marks={marks(&[75, 80, 85, 100])} dispatch={d.clone()} />
                    };
                    year_block(year == first, format!("{year}: {} (beslutat år)", percent_input(level) + "\u{a0}%"), slider)
                }) }
                if !props.decisions_only && data.teams().next().is_some() {
                    <TeamOverrides data={data.clone()} scenario={s.clone()} years={Rc::new(years.clone())} dispatch={d.clone()} />
                }
            </fieldset>
            <fieldset class="group">
                <legend>{"Fördelning individ / struktur"}</legend>
                <p class="field-hint">{"Andel av de direkta insatskostnaderna som går till individinsatser. Strukturella insatser skalas om i proportion till sina kostnader. 77/23 i dag, 60/40 på sikt."}</p>
                { for years.iter().map(|&year| {
                    let share = s.individ_share(data, year);
                    let current = props.projection.year(year).and_then(|y| y.share_individ);
                    let body = share_control(year, share, current, d);
                    let text = share.map_or_else(|| "som budgeterat".to_owned(), |v| percent_input(v) + "\u{a0}%");
                    year_block(year == first, format!("{year}: {text} (beslutat år)"), body)
                }) }
            </fieldset>
            if !props.decisions_only {
                <RevenueFields data={data.clone()} scenario={s.clone()} years={Rc::new(years.clone())} dispatch={d.clone()} />
                <GrowthFields data={data.clone()} scenario={s.clone()} years={Rc::new(years)} dispatch={d.clone()} />
                { starting_point(data, s, d) }
                <fieldset class="group">
                    <legend>{"Eget kapital"}</legend>
                    <SliderField id="guide" label="Riktvärde: eget kapital bör understiga, andel av årets medel"
                        field={Field::EquityGuideline} value={s.equity_guideline(data)} step={Decimal::ONE}
                        dispatch={d.clone()} hint={crate::export::words::guideline_hint(data)} />
                </fieldset>
                <button type="button" class="button button--secondary reset" onclick={on_reset}>{"Återställ standardvärden"}</button>
            }
        </form>
    }
}

/// "Bestäm andelen själv {year}" and, when ticked, the share's slider.
fn share_control(
    year: Year,
    share: Option<Decimal>,
    current: Option<Decimal>,
    d: &Callback<Action>,
) -> Html {
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
    let now = match current {
        Some(c) => format!("Nu {} till individinsatser, som budgeterat.", percent(c)),
        None => "Som budgeterat.".to_owned(),
    };
    html! {
        <div class="share-year">
            <label class="checkbox">
                <input type="checkbox" id={format!("s{year}-styr")} checked={share.is_some()}
                    aria-describedby={share.is_none().then(|| format!("s{year}-nu"))} onchange={on_toggle} />
                { format!("Bestäm andelen själv {year}") }
            </label>
            if let Some(value) = share {
                <SliderField id={format!("s{year}")} label={format!("Andel individinsatser {year}")}
                    field={Field::IndividShare(year)} value={value} step={half()}
                    marks={marks(&[60, 70, 77])} dispatch={d.clone()} />
            } else {
                <p class="field-hint share-year__now" id={format!("s{year}-nu")}>{ now }</p>
            }
        </div>
    }
}

/// Where the first plan year starts: its column (prognosis or budget) and
/// the opening equity.
fn starting_point(data: &Dataset, s: &Scenario, d: &Callback<Action>) -> Html {
    let first = data.first_plan_year;
    let on_basis = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            d.emit(Action::SetBasis(if value == "budget" {
                Basis::Budget
            } else {
                Basis::Prognos
            }));
        })
    };
    let basis = s.basis(data);
    let provenance = if data.first_plan_opening_equity.is_some() {
        "Enligt dataunderlaget.".to_owned()
    } else if let Some(reference) = data.reference_year {
        format!(
            "Beräknat enligt {} (utgående eget kapital {reference}-12-31).",
            reference_word(data, reference)
        )
    } else {
        "Enligt dataunderlaget.".to_owned()
    };
    html! {
        <fieldset class="group">
            <legend>{ format!("Utgångsläge {first}") }</legend>
            if data.prognosis_column().is_some() {
                <div class="radio-row" role="radiogroup" aria-label={format!("Underlag för {first}")}>
                    <label class="radio">
                        <input type="radio" name="basis" value="prognos" checked={basis == Basis::Prognos} onchange={on_basis.clone()} />
                        { format!("Prognos {first}") }
                    </label>
                    <label class="radio">
                        <input type="radio" name="basis" value="budget" checked={basis == Basis::Budget} onchange={on_basis} />
                        { format!("Budget {first}") }
                    </label>
                </div>
                <p class="field-hint">{ format!("Prognosen är delårsrapportens helårsprognos. Åren efter {first} utgår alltid från budget {first}, dvs. full bemanning.") }</p>
            }
            <div class="field">
                <label for="eq">{ format!("Ingående eget kapital {first}") }</label>
                <NumberInput id="eq" value={Some(s.opening_equity(data))} rule={Field::OpeningEquity.rule()}
                    hint_id="eq-hint" commit={Commit::Set(Field::OpeningEquity)} dispatch={d.clone()} />
                <p class="field-hint" id="eq-hint">{ provenance }</p>
            </div>
        </fieldset>
    }
}

/// `budget 2024` or `utfallet 2024`: what the reference column is.
fn reference_word(data: &Dataset, year: Year) -> String {
    let outcome = data
        .year_column(year)
        .is_some_and(|c| data.columns[c].kind == crate::core::ColumnKind::Outcome);
    if outcome {
        format!("utfallet {year}")
    } else {
        format!("budget {year}")
    }
}

#[derive(Properties, PartialEq)]
struct PeriodProps {
    data: Rc<Dataset>,
    last: Year,
    dispatch: Callback<Action>,
}

/// "Planperiod till": from the data set's plan end up to nine years past the
/// first plan year.
#[function_component(PeriodControl)]
fn period_control(props: &PeriodProps) -> Html {
    let data = &props.data;
    let onchange = {
        let d = props.dispatch.clone();
        let end = data.plan_end;
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(year) = value.parse::<Year>() {
                d.emit(Action::SetTill((year != end).then_some(year)));
            }
        })
    };
    html! {
        <div class="field period">
            <label for="till">{ format!("Planperiod {} till", data.first_plan_year) }</label>
            <select id="till" class="select" {onchange} aria-describedby="till-hint">
                { for (data.plan_end..=data.latest_end()).map(|year| html! {
                    <option value={year.to_string()} selected={year == props.last}>{ year }</option>
                }) }
            </select>
            <p class="field-hint" id="till-hint">
                { format!("Dataunderlaget planerar till {}. Senare år behåller föregående års val.", data.plan_end) }
            </p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct YearsProps {
    data: Rc<Dataset>,
    scenario: Rc<Scenario>,
    years: Rc<Vec<Year>>,
    dispatch: Callback<Action>,
}

/// Contributions per year: fixed where the data set gives them, else in
/// kronor or as % change from the year before.
#[function_component(RevenueFields)]
fn revenue_fields(props: &YearsProps) -> Html {
    let (data, s, d) = (&props.data, &props.scenario, &props.dispatch);
    let basis = s.basis(data);
    html! {
        <fieldset class="group">
            <legend>{"Medel från huvudmännen"}</legend>
            { for props.years.iter().map(|&year| {
                if let Some(fixed) = fixed_revenue(data, basis, year) {
                    return html! {
                        <p class="fixed-value">{ format!("{year}: ") }<strong>{ kronor_kr(fixed) }</strong>
                            <span class="field-hint">{" (i dataunderlaget)"}</span></p>
                    };
                }
                let change = revenue_change(data, s, year).map(crate::core::money::percent_one_decimal);
                html! {
                    <div class="field revenue-field">
                        <label for={format!("rev{year}")}>{ format!("Medel {year}") }</label>
                        <div class="revenue-field__pair">
                            <NumberInput id={format!("rev{year}")} value={Some(s.revenue(data, year))}
                                rule={Field::Revenue(year).rule()} commit={Commit::Set(Field::Revenue(year))} dispatch={d.clone()} />
                            <NumberInput id={format!("rev{year}-andring")}
                                aria_label={format!("Förändring av medlen {year} mot {}, i procent", year - 1)}
                                value={change} rule={REVENUE_CHANGE_RULE}
                                commit={Commit::RevenueChange(year)} dispatch={d.clone()} />
                        </div>
                        <p class="field-hint">{ format!("Kronor, eller förändring i procent mot {}.", year - 1) }</p>
                    </div>
                }
            }) }
        </fieldset>
    }
}

/// Cost growth: one rate for every indexed year, and a year's own rate
/// where it differs, shown so a treasurer sees which years differ.
#[function_component(GrowthFields)]
fn growth_fields(props: &YearsProps) -> Html {
    let (data, s, d) = (&props.data, &props.scenario, &props.dispatch);
    let indexed: Vec<Year> = props
        .years
        .iter()
        .copied()
        .filter(|&y| y > data.first_plan_year && data.year_column(y).is_none())
        .collect();
    let own = s.growth_in.len();
    let summary = if own > 0 {
        format!("Egen ökning för enskilda år ({own} år avviker)")
    } else {
        "Egen ökning för enskilda år".to_owned()
    };
    html! {
        <fieldset class="group">
            <legend>{"Kostnadsutveckling"}</legend>
            if indexed.is_empty() {
                <p class="field-hint">{"Alla år i planperioden har kostnader i dataunderlaget."}</p>
            } else {
                <SliderField id="growth" label="Löne- och prisökning per år"
                    field={Field::Growth} value={s.growth} step={half()}
                    marks={marks(&[0, 2, 3])} dispatch={d.clone()}
                    hint={format!("{} räknas upp från budget {}, senare år från året före.", indexed[0], data.first_plan_year)} />
                <details class="growth-years" open={own > 0}>
                    <summary>{ summary }</summary>
                    <div class="growth-years__grid">
                        { for indexed.iter().map(|&year| {
                            let differs = s.growth_in.contains_key(&year);
                            html! {
                                <div class={classes!("field", "growth-year", differs.then_some("growth-year--own"))}>
                                    <label for={format!("growth{year}")}>
                                        { year }
                                        if differs { <span class="growth-year__tag">{" egen"}</span> }
                                    </label>
                                    <NumberInput id={format!("growth{year}")} value={Some(s.growth(year))}
                                        rule={Field::GrowthIn(year).rule()} commit={Commit::Set(Field::GrowthIn(year))} dispatch={d.clone()} />
                                </div>
                            }
                        }) }
                    </div>
                </details>
            }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct OverridesProps {
    data: Rc<Dataset>,
    scenario: Rc<Scenario>,
    years: Rc<Vec<Year>>,
    dispatch: Callback<Action>,
}

/// Per-team levels that override the year's uniform level (optional).
#[function_component(TeamOverrides)]
fn team_overrides(props: &OverridesProps) -> Html {
    let (data, s) = (&props.data, &props.scenario);
    let count = s.team_funding.values().filter(|v| v.is_some()).count();
    html! {
        <details class="overrides" open={count > 0}>
            <summary>{ if count > 0 { format!("Egen nivå för enskilda team ({count} satta)") } else { "Egen nivå för enskilda team".to_owned() } }</summary>
            <p class="field-hint">{"Lämna tomt för att följa årets nivå."}</p>
            <div class="overrides__scroll" tabindex="0" role="region" aria-label="Egen nivå per team och år">
                <table class="overrides__table">
                    <thead>
                        <tr>
                            <th scope="col">{"Team"}</th>
                            { for props.years.iter().map(|y| html! { <th scope="col">{ y }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for data.teams().map(|team| html! {
                            <tr>
                                <th scope="row">{ team.name.clone() }</th>
                                { for props.years.iter().map(|&year| {
                                    let field = Field::TeamFunding(year, team.id.clone());
                                    html! {
                                        <td>
                                            <NumberInput id={format!("f{year}-{}", team.id)}
                                                aria_label={format!("{} {year}, egen nivå i procent", team.name)}
                                                value={s.team_override(data, year, &team.id)} optional=true
                                                placeholder={percent_input(s.funding(data, year))}
                                                rule={field.rule()} commit={Commit::Set(field.clone())}
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
