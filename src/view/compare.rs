//! The comparison: up to four scenarios in columns, the first the base, per
//! year the result, closing equity, the teams' top-up total, the individ share
//! and the balancing level, with each other column's difference from the base;
//! and a line chart of closing equity with a legend and a table twin. All
//! figures come from `model::comparison`; this component only lays them out.

use crate::model::chart::px;
use crate::model::comparison::{ColumnFigures, ComparisonFigures, YearFigures};
use crate::model::format::{difference_kr, kronor_kr, metric_kronor};
use crate::model::workspace::Msg;
use crate::view::cells::{balancing_cell, percent_cell};
use crate::view::chart::chart_svg;
use crate::view::platform;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    pub compared: Rc<ComparisonFigures>,
    pub dispatch: Callback<Msg>,
    /// The copy-link button, built by the root (it knows the whole page).
    pub copy_link: Html,
    /// The picked member's name, when a member is picked.
    #[prop_or_default]
    pub member_name: Option<AttrValue>,
}

/// Which way a difference points, for its colour and its words.
fn difference_cell(metric: String, amount: Decimal, more_is_good: bool) -> Html {
    let (class, words) = if amount.is_zero() {
        ("diff--same", "samma som basen")
    } else if amount.is_sign_positive() {
        (
            if more_is_good {
                "diff--good"
            } else {
                "diff--cost"
            },
            "mer än basen",
        )
    } else {
        (
            if more_is_good {
                "diff--bad"
            } else {
                "diff--good"
            },
            "mindre än basen",
        )
    };
    html! {
        <span class={classes!("diff", class)} data-metric={metric} data-value={metric_kronor(amount)}>
            { difference_kr(amount) }<span class="visually-hidden">{ format!(" ({words})") }</span>
        </span>
    }
}

/// One kronor figure with, from the second column on, its difference.
fn money_with_difference(
    k: usize,
    name: &str,
    y: &YearFigures,
    value: Decimal,
    difference: Option<Decimal>,
    more_is_good: bool,
) -> Html {
    html! {
        <td class="num">
            <span class="compare__value" data-metric={format!("compare-{k}-{name}-{}", y.year)} data-value={metric_kronor(value)}>
                { kronor_kr(value) }
            </span>
            if let Some(d) = difference {
                { difference_cell(format!("compare-{k}-diff-{name}-{}", y.year), d, more_is_good) }
            }
        </td>
    }
}

fn column_heading(
    k: usize,
    column: &ColumnFigures,
    count: usize,
    dispatch: &Callback<Msg>,
) -> Html {
    let send = |msg: Msg| {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(msg.clone()))
    };
    // Removing a column removes the button that had focus.
    let remove = {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            d.emit(Msg::RemoveColumn(k - 1));
            platform::focus_element(if count > 1 {
                "comparison-title"
            } else {
                "resultat"
            });
        })
    };
    let label = column.label.clone();
    html! {
        <th scope="col" class="compare__heading">
            <span class="compare__position">{ if k == 1 { format!("{k} · bas") } else { format!("{k}") } }</span>
            <span class={classes!("compare__label", format!("series--{k}"))}>{ label.clone() }</span>
            <span class="compare__actions">
                <button type="button" class="link-button" aria-label={format!("Öppna ”{label}” som aktuellt scenario")}
                    onclick={send(Msg::OpenColumn(k - 1))}>{"Öppna"}</button>
                if k > 1 {
                    <button type="button" class="link-button" aria-label={format!("Gör till bas: {label}")}
                        onclick={send(Msg::MakeBase(k - 1))}>{"Gör till bas"}</button>
                }
                if k > 2 {
                    <button type="button" class="link-button" aria-label={format!("Flytta vänster: {label}")}
                        onclick={send(Msg::MoveLeft(k - 1))}>{"Flytta vänster"}</button>
                }
                <button type="button" class="link-button" aria-label={format!("Ta bort ”{label}” ur jämförelsen")}
                    onclick={remove}>{"Ta bort"}</button>
            </span>
        </th>
    }
}

#[function_component(ComparisonView)]
pub fn comparison_view(props: &ComparisonProps) -> Html {
    let columns = &props.compared.columns;
    let count = columns.len();
    let years: Vec<u16> = columns
        .first()
        .map(|c| c.years.iter().map(|y| y.year).collect())
        .unwrap_or_default();
    let on_clear = {
        let d = props.dispatch.clone();
        Callback::from(move |_| {
            d.emit(Msg::ClearComparison);
            platform::focus_element("resultat");
        })
    };
    let row = |title: &str, year_index: usize, cell: &dyn Fn(usize, &YearFigures) -> Html| {
        html! {
            <tr>
                <th scope="row">{ title.to_owned() }</th>
                { for columns.iter().enumerate().map(|(i, c)| cell(i + 1, &c.years[year_index])) }
            </tr>
        }
    };
    html! {
        <section class="comparison" aria-labelledby="comparison-title">
            <h2 id="comparison-title" tabindex="-1">{ format!("Jämförelse av {count} scenarier") }</h2>
            <p class="field-hint">
                {"Kolumn 1 är basen. Övriga kolumner visar under varje belopp skillnaden mot basen: plus betyder mer än basen, minus mindre."}
            </p>
            if count < 2 {
                <p class="notice">{"Lägg till minst ett scenario till för att jämföra: ändra scenariot eller välj ett förslag och klicka på ”Lägg till i jämförelsen”."}</p>
            }
            <div class="table-wrap" tabindex="0" role="region" aria-label="Jämförelsetabell">
                <table class="compare">
                    <caption class="visually-hidden">{"Jämförelse per år: resultat, utgående eget kapital, medlemmarnas tillskott, andel individinsatser och nivå för resultat 0"}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{"Per år"}</th>
                            { for columns.iter().enumerate().map(|(i, c)| column_heading(i + 1, c, count, &props.dispatch)) }
                        </tr>
                    </thead>
                    { for years.iter().enumerate().map(|(yi, year)| html! {
                        <tbody class="group">
                            <tr class="group-heading"><th scope="rowgroup" colspan={(count + 1).to_string()}>{ year }</th></tr>
                            { row("Resultat", yi, &|k, y| money_with_difference(k, "result", y, y.result, y.diff.map(|d| d.result), true)) }
                            { row("Utgående eget kapital", yi, &|k, y| money_with_difference(k, "closing", y, y.closing, y.diff.map(|d| d.closing), true)) }
                            { row("Medlemmarnas tillskott till teamen", yi, &|k, y| money_with_difference(k, "topup", y, y.topup, y.diff.map(|d| d.topup), false)) }
                            { row("Andel individinsatser", yi, &|k, y| percent_cell(format!("compare-{k}-share-individ-{}", y.year), y.share_individ)) }
                            if let Some(name) = props.member_name.clone() {
                                <tr>
                                    <th scope="row">{ format!("Totalt för {name}") }</th>
                                    { for columns.iter().enumerate().map(|(i, c)| {
                                        let total = c.member_total.as_ref().and_then(|t| t.get(yi)).copied().unwrap_or_default();
                                        html! {
                                            <td class="num" data-metric={format!("compare-{}-member-total-{year}", i + 1)} data-value={metric_kronor(total)}>
                                                { kronor_kr(total) }
                                            </td>
                                        }
                                    }) }
                                </tr>
                            }
                            { row("Nivå för resultat 0", yi, &|k, y| balancing_cell(format!("compare-{k}-balancing-funding-{}", y.year), y.balancing)) }
                        </tbody>
                    }) }
                </table>
            </div>
            <ComparisonChart compared={props.compared.clone()} />
            <div class="comparison__footer">
                { props.copy_link.clone() }
                <button type="button" class="button button--secondary" onclick={on_clear}>{"Töm jämförelsen"}</button>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ChartProps {
    compared: Rc<ComparisonFigures>,
}

/// A marker whose shape tells the line apart without colour.
fn marker(position: usize, x: f64, y: f64) -> Html {
    match position {
        1 => html! { <circle cx={px(x)} cy={px(y)} r="5" /> },
        2 => html! { <rect x={px(x - 4.5)} y={px(y - 4.5)} width="9" height="9" /> },
        3 => {
            html! { <polygon points={format!("{},{} {},{} {},{}", px(x), px(y - 6.0), px(x + 6.0), px(y + 5.0), px(x - 6.0), px(y + 5.0))} /> }
        }
        _ => {
            html! { <polygon points={format!("{},{} {},{} {},{} {},{}", px(x), px(y - 6.5), px(x + 6.5), px(y), px(x), px(y + 6.5), px(x - 6.5), px(y))} /> }
        }
    }
}

#[function_component(ComparisonChart)]
fn comparison_chart(props: &ChartProps) -> Html {
    let chart = &props.compared.chart;
    html! {
        <figure class="chart chart--lines" aria-labelledby="compare-chart-title">
            <figcaption id="compare-chart-title" class="chart__title">{"Utgående eget kapital 2024–2027 per scenario"}</figcaption>
            { chart_svg(&chart.frame, &chart.years, html! { <>{
                for chart.lines.iter().map(|line| html! {
                    <g class={classes!("series", format!("series--{}", line.position))}>
                        <polyline points={line.points.clone()} />
                        { for line.markers.iter().map(|&(_, _, x, y)| marker(line.position, x, y)) }
                    </g>
                })
            }</> }) }
            <ul class="chart__legend chart__legend--lines" aria-hidden="true">
                { for chart.lines.iter().map(|line| html! {
                    <li>
                        <svg class={classes!("legend-sample", "series", format!("series--{}", line.position))} viewBox="0 0 40 14" width="40" height="14">
                            <line x1="0" x2="40" y1="7" y2="7" />
                            { marker(line.position, 20.0, 7.0) }
                        </svg>
                        { format!("{} · {}", line.position, line.label) }
                    </li>
                }) }
            </ul>
            <div class="visually-hidden">
                <table>
                    <caption>{"Utgående eget kapital per år och scenario"}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{"Scenario"}</th>
                            { for chart.years.iter().map(|(year, _)| html! { <th scope="col">{ year }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for chart.lines.iter().map(|line| html! {
                            <tr>
                                <th scope="row">{ line.label.clone() }</th>
                                { for line.markers.iter().map(|(_, value, _, _)| html! { <td>{ kronor_kr(*value) }</td> }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </figure>
    }
}
