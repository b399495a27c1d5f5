//! The headline figures above the table: closing equity per year with the
//! spec's warnings, and the balancing team funding level with a button that
//! applies it.

use crate::model::format::{kronor_kr, metric_kronor, percent_input};
use crate::model::{Action, Balancing, EquityWarning, PlanYear, Projection, Scenario};
use crate::view::cells::balancing_text;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    pub projection: Rc<Projection>,
    pub scenario: Rc<Scenario>,
    pub dispatch: Callback<Action>,
}

#[function_component(Headline)]
pub fn headline(props: &HeadlineProps) -> Html {
    html! {
        <section class="headline" aria-labelledby="headline-title">
            <h2 id="headline-title" class="visually-hidden">{"Nyckeltal"}</h2>
            { for PlanYear::ALL.into_iter().map(|year| {
                let y = props.projection.year(year);
                let n = year.number();
                let (warning_class, warning_text) = match y.warning {
                    Some(EquityWarning::Negative) => ("card--error", Some("Varning: negativt eget kapital")),
                    Some(EquityWarning::AboveGuideline) => ("card--notice", Some("Notering: över riktvärdet")),
                    None => ("", None),
                };
                let (balancing_value, balancing_label) = balancing_text(y.balancing);
                let applied = y.balancing.shown_level() == Some(props.scenario.funding[year.index()]);
                // Stays enabled once applied (a disabled button would drop keyboard focus).
                let verb = if applied { "Används:" } else { "Använd" };
                let on_apply = {
                    let d = props.dispatch.clone();
                    Callback::from(move |_| d.emit(Action::ApplyBalancing(year)))
                };
                html! {
                    <article class={classes!("card", warning_class)} aria-labelledby={format!("card-{n}")}>
                        <h3 id={format!("card-{n}")} class="card__title">{ format!("Utgående eget kapital {n}") }</h3>
                        <p class="card__figure" data-metric={format!("closing-{n}")} data-value={metric_kronor(y.closing)}>
                            { kronor_kr(y.closing) }
                        </p>
                        if let Some(text) = warning_text {
                            <p class="card__warning">
                                <span class="card__icon" aria-hidden="true">{ if y.warning == Some(EquityWarning::Negative) { "!" } else { "i" } }</span>
                                { text }
                            </p>
                        }
                        <dl class="card__facts">
                            <div>
                                <dt>{"Resultat"}</dt>
                                <dd data-metric={format!("result-{n}")} data-value={metric_kronor(y.result)}>{ kronor_kr(y.result) }</dd>
                            </div>
                            <div>
                                <dt>{"Riktvärde"}</dt>
                                <dd>{ kronor_kr(y.guideline) }</dd>
                            </div>
                            <div>
                                <dt>{"Finansieringsnivå"}</dt>
                                <dd>{ format!("{}\u{a0}%", percent_input(props.scenario.funding[year.index()])) }</dd>
                            </div>
                            <div>
                                <dt>{"Nivå för resultat 0"}</dt>
                                <dd data-metric={format!("balancing-funding-{n}")} data-value={balancing_value}>{ balancing_label.clone() }</dd>
                            </div>
                        </dl>
                        if matches!(y.balancing, Balancing::Reachable(_)) {
                            <button type="button" class={classes!("button", "button--small", applied.then_some("button--secondary"))} onclick={on_apply}
                                aria-label={format!("{verb} {balancing_label} som finansieringsnivå {n}")}>
                                { format!("{verb} {balancing_label}") }
                            </button>
                        }
                    </article>
                }
            }) }
        </section>
    }
}
