//! The year cards: per plan year closing equity with its warning in words,
//! the result, the ceiling, the funding level and the level for a zero
//! result (with a button that applies it), what the members must find to
//! keep the teams and the staff at risk if nobody does, and the difference
//! from the base. The figures come from `export::cards`.

use crate::core::{Balancing, EquityWarning};
use crate::export::cards::{equity_note, fte_column_heading, YearCard};
use crate::export::format::{
    balancing_text_for, compact_kronor, decimal_comma, difference_kr, kronor_kr, metric_kronor,
    metric_one_decimal, percent_input,
};
use crate::state::update::Action;
use crate::ui::components::cells::missing;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    pub cards: Rc<Vec<YearCard>>,
    /// What the differences are measured from.
    pub base: Rc<str>,
    /// The scenario shown is the base: "0 kr mot" itself would say nothing.
    #[prop_or_default]
    pub shows_base: bool,
    pub dispatch: Callback<Action>,
    /// Meeting mode: one line of facts per year, so ten years fit a projector.
    #[prop_or_default]
    pub compact: bool,
}

fn fact(label: &str, metric: Option<String>, value: Option<String>, text: String) -> Html {
    html! {
        <div>
            <dt>{ label.to_owned() }</dt>
            <dd data-metric={metric} data-value={value}>{ text }</dd>
        </div>
    }
}

/// What a card's difference is measured from.
struct Against<'a> {
    base: &'a str,
    /// The card's scenario is the base itself.
    is_base: bool,
}

/// "+189 366 kr mot Nuläge"; for the base itself, "Samma som Nuläge" (a
/// "0 kr mot" itself would read as a comparison).
fn difference_line(c: &YearCard, against: &Against) -> String {
    if against.is_base {
        format!("Samma som {}", against.base)
    } else {
        format!("{} mot {}", difference_kr(c.difference), against.base)
    }
}

fn card(c: &YearCard, against: &Against, dispatch: &Callback<Action>) -> Html {
    let n = c.year;
    let (class, warning) = match c.warning {
        Some(EquityWarning::Negative) => {
            ("card--error", Some(("!", "Varning: negativt eget kapital")))
        }
        Some(EquityWarning::AboveGuideline) => {
            ("card--notice", Some(("i", "Notering: över riktvärdet")))
        }
        None => ("", None),
    };
    let (balancing_value, balancing_label) = balancing_text_for(c.balancing, c.result);
    // Stays enabled once applied (a disabled button would drop keyboard focus).
    let verb = if c.applied { "Används:" } else { "Använd" };
    let year = c.year;
    let on_apply = {
        let d = dispatch.clone();
        Callback::from(move |_| d.emit(Action::ApplyBalancing(year)))
    };
    let fte = c.fte_at_risk;
    html! {
        <article class={classes!("card", class)} aria-labelledby={format!("card-{n}")}>
            <h3 id={format!("card-{n}")} class="card__title">{ format!("Utgående eget kapital {n}") }</h3>
            <p class="card__figure" data-metric={format!("closing-{n}")} data-value={metric_kronor(c.closing)}>{ kronor_kr(c.closing) }</p>
            <p class="card__difference" data-metric={format!("closing-diff-{n}")} data-value={metric_kronor(c.difference)}>
                { difference_line(c, against) }
            </p>
            if let Some((icon, text)) = warning {
                <p class="card__warning"><span class="card__icon" aria-hidden="true">{ icon }</span>{ text }</p>
            }
            <dl class="card__facts">
                { fact("Resultat", Some(format!("result-{n}")), Some(metric_kronor(c.result)), kronor_kr(c.result)) }
                { fact("Riktvärde (bör understiga)", None, None, kronor_kr(c.guideline)) }
                { fact("Finansieringsnivå", None, None, format!("{}\u{a0}%", percent_input(c.level))) }
                { fact("Medlemmarnas tillskott", Some(format!("topup-total-{n}")), Some(metric_kronor(c.topup_total)), kronor_kr(c.topup_total)) }
                { fact("Årsarbetare i riskzonen", Some(format!("fte-risk-total-{n}")),
                    Some(fte.map_or_else(|| "none".to_owned(), metric_one_decimal)),
                    c.fte_at_risk_text().unwrap_or_else(|| "uppgift saknas".to_owned())) }
                { fact("Nivå för resultat 0", Some(format!("balancing-funding-{n}")), Some(balancing_value), balancing_label.clone()) }
            </dl>
            if matches!(c.balancing, Balancing::Reachable(_)) && !c.decided {
                <button type="button" class={classes!("button", "button--small", c.applied.then_some("button--secondary"))} onclick={on_apply}
                    aria-label={format!("{verb} {balancing_label} som finansieringsnivå {n}")}>
                    { format!("{verb} {balancing_label}") }
                </button>
            }
        </article>
    }
}

/// A year's card in meeting mode: the figure, its warning, its difference
/// from the base (so stepping through the compared scenarios shows how far
/// apart they are) and one line with the result, the members' top-up, the
/// staff at risk and the level that balances the year.
fn compact_card(c: &YearCard, against: &Against) -> Html {
    let n = c.year;
    // The title names the big figure, and says in words when it warns.
    let (class, what) = match c.warning {
        Some(EquityWarning::Negative) => ("card--error", "negativt eget kapital"),
        Some(EquityWarning::AboveGuideline) => ("card--notice", "eget kapital över riktvärdet"),
        None => ("", "utgående eget kapital"),
    };
    let fte = c.fte_at_risk;
    let (balancing_value, balancing_label) = balancing_text_for(c.balancing, c.result);
    html! {
        <article class={classes!("card", "card--compact", class)} aria-labelledby={format!("card-{n}")}>
            <h3 id={format!("card-{n}")} class="card__title">
                { n }<span class={classes!((!class.is_empty()).then_some("card__status"))}>{ format!(": {what}") }</span>
            </h3>
            <p class="card__figure" data-metric={format!("closing-{n}")} data-value={metric_kronor(c.closing)}>{ kronor_kr(c.closing) }</p>
            <p class="card__difference" data-metric={format!("closing-diff-{n}")} data-value={metric_kronor(c.difference)}>
                { difference_line(c, against) }
            </p>
            <p class="card__line">
                <span data-metric={format!("result-{n}")} data-value={metric_kronor(c.result)}>{ format!("Resultat {}", kronor_kr(c.result)) }</span>
                <span data-metric={format!("topup-total-{n}")} data-value={metric_kronor(c.topup_total)}>{ format!("Tillskott {}", kronor_kr(c.topup_total)) }</span>
                <span data-metric={format!("fte-risk-total-{n}")} data-value={fte.map_or_else(|| "none".to_owned(), metric_one_decimal)}>
                    { c.fte_at_risk_line() }
                </span>
                <span data-metric={format!("balancing-funding-{n}")} data-value={balancing_value}>{ format!("Nivå för resultat 0: {balancing_label}") }</span>
            </p>
        </article>
    }
}

/// Meeting mode with a long period: one row per year instead of a card, so
/// ten years and the 2026 controls share a 1366×768 projector, and the
/// figures line up for reading down a column.
fn compact_table(cards: &[YearCard]) -> Html {
    let (fte_heading, coverage_per_cell) = fte_column_heading(cards);
    let row = |c: &YearCard| {
        let n = c.year;
        let class = match c.warning {
            Some(EquityWarning::Negative) => "year-table__row--negative",
            Some(EquityWarning::AboveGuideline) => "year-table__row--notice",
            None => "",
        };
        let warning = equity_note(c.warning);
        let (balancing_value, balancing_label) = balancing_text_for(c.balancing, c.result);
        let fte = c.fte_at_risk;
        html! {
            <tr class={class}>
                <th scope="row">{ n }</th>
                <td class="num"><strong data-metric={format!("closing-{n}")} data-value={metric_kronor(c.closing)}>{ kronor_kr(c.closing) }</strong>
                    if let Some(note) = warning {
                        <span class="year-table__note">{ note }</span>
                    }
                </td>
                <td class="num" data-metric={format!("result-{n}")} data-value={metric_kronor(c.result)}>{ kronor_kr(c.result) }</td>
                <td class="num" data-metric={format!("topup-total-{n}")} data-value={metric_kronor(c.topup_total)}>{ kronor_kr(c.topup_total) }</td>
                <td class="num" data-metric={format!("fte-risk-total-{n}")} data-value={fte.map_or_else(|| "none".to_owned(), metric_one_decimal)}>
                    if coverage_per_cell {
                        { c.fte_at_risk_text().map_or_else(missing, |f| html! { f }) }
                    } else {
                        { fte.map_or_else(missing, |f| html! { decimal_comma(f) }) }
                    }
                </td>
                <td class="num" data-metric={format!("balancing-funding-{n}")} data-value={balancing_value}>{ balancing_label }</td>
            </tr>
        }
    };
    html! {
        <div class="table-wrap year-table" tabindex="0" role="region" aria-label="Nyckeltal per år, tabell">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{"År"}</th>
                        <th scope="col">{"Utgående eget kapital"}</th>
                        <th scope="col">{"Resultat"}</th>
                        <th scope="col">{"Medlemmarnas tillskott"}</th>
                        <th scope="col">{ fte_heading }</th>
                        <th scope="col">{"Nivå för resultat 0"}</th>
                    </tr>
                </thead>
                <tbody>{ for cards.iter().map(row) }</tbody>
            </table>
        </div>
    }
}

/// More plan years than this turn meeting mode's cards into a table.
const MEETING_CARDS_AT_MOST: usize = 6;

#[function_component(Headline)]
pub fn headline(props: &HeadlineProps) -> Html {
    let as_table = props.compact && props.cards.len() > MEETING_CARDS_AT_MOST;
    let against = Against {
        base: &props.base,
        is_base: props.shows_base,
    };
    html! {
        <section class={classes!("headline", props.compact.then_some("headline--compact"), as_table.then_some("headline--table"))} aria-labelledby="headline-title">
            <h2 id="headline-title" class="visually-hidden">{"Nyckeltal per år"}</h2>
            if as_table {
                { compact_table(&props.cards) }
            } else if props.compact {
                { for props.cards.iter().map(|c| compact_card(c, &against)) }
            } else {
                { for props.cards.iter().map(|c| card(c, &against, &props.dispatch)) }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ResultLineProps {
    pub cards: Rc<Vec<YearCard>>,
}

/// On a phone the controls and the cards are far apart: this line stays at
/// the bottom of the screen beside the controls, so a change and its effect
/// are seen together. It repeats the cards' figures, so screen readers skip
/// it (the live region says the last year's figure).
#[function_component(ResultLine)]
pub fn result_line(props: &ResultLineProps) -> Html {
    html! {
        <div class="result-line" aria-hidden="true">
            <span class="result-line__lead">{"Eget kapital:"}</span>
            { for props.cards.iter().map(|c| {
                let warn = match c.warning {
                    Some(EquityWarning::Negative) => " (neg.)",
                    Some(EquityWarning::AboveGuideline) => " (över)",
                    None => "",
                };
                html! {
                    <span class={classes!("result-line__year", matches!(c.warning, Some(EquityWarning::Negative)).then_some("result-line__year--negative"))}>
                        <strong>{ c.year }</strong>{ format!(" {}{warn}", compact_kronor(c.closing)) }
                    </span>
                }
            }) }
        </div>
    }
}
