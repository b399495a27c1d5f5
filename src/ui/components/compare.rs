//! The comparison: up to four scenarios in columns, the first the base, per
//! year the result, closing equity, the teams' top-up total, the individ
//! share and the balancing level, with each other column's difference from
//! the base (signed, and in words for screen readers); and a line chart of
//! closing equity (the same SVG text the document prints). All figures come
//! from `core::compare`; this component only lays them out.

use crate::export::cards::equity_note;
use crate::export::format::{difference_kr, kronor_kr, metric_kronor};
use crate::export::markup::Markup;
use crate::export::svg::line_chart_html;
use crate::export::table::Figure;
use crate::state::workspace::Msg;
use crate::ui::components::cells::figure_cell;
use crate::ui::components::patched::Patched;
use crate::ui::platform;
use crate::ui::state::Compared;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    pub compared: Rc<Compared>,
    pub dispatch: Callback<Msg>,
    /// The copy-link button, built by the root (it knows the whole page).
    pub copy_link: Html,
}

/// A difference with its sign, and in words which way it points.
fn difference(metric: String, amount: Decimal, more_is_good: bool) -> Html {
    let (class, words) = if amount.is_zero() {
        ("diff--same", "samma som basen")
    } else if amount > Decimal::ZERO {
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

/// One kronor figure with, from the second column on, its difference, and
/// a note in text under it (a closing equity's "(negativt)", as the year
/// cards say it).
fn money(
    k: usize,
    name: &str,
    year: u16,
    value: Decimal,
    diff: Option<Decimal>,
    more_is_good: bool,
    note: Option<&str>,
) -> Html {
    html! {
        <td class="num">
            <span class="compare__value" data-metric={format!("compare-{k}-{name}-{year}")} data-value={metric_kronor(value)}>
                { kronor_kr(value) }
            </span>
            if let Some(note) = note {
                <span class="compare__note">{ " " }{ note }</span>
            }
            if let Some(d) = diff {
                { difference(format!("compare-{k}-diff-{name}-{year}"), d, more_is_good) }
            }
        </td>
    }
}

fn column_heading(k: usize, label: &str, count: usize, dispatch: &Callback<Msg>) -> Html {
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
    html! {
        <th scope="col" class="compare__heading">
            <span class="compare__position">{ if k == 1 { format!("{k} · bas") } else { k.to_string() } }</span>
            <span class={classes!("compare__label", format!("series--{k}"))}>{ label.to_owned() }</span>
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

/// The section: its heading, the figures and the footer. The copy-link
/// button changes with every move of the page (it links the whole page);
/// the figures only with the comparison, so they are a component of their
/// own that skips re-rendering while the comparison stands.
#[function_component(ComparisonView)]
pub fn comparison_view(props: &ComparisonProps) -> Html {
    let count = props.compared.columns.len();
    let on_clear = {
        let d = props.dispatch.clone();
        Callback::from(move |_| {
            d.emit(Msg::ClearComparison);
            platform::focus_element("resultat");
        })
    };
    html! {
        <section class="comparison" aria-labelledby="comparison-title">
            <h2 id="comparison-title" tabindex="-1">{ crate::export::counted::comparison_heading(count) }</h2>
            <ComparisonFigures compared={props.compared.clone()} dispatch={props.dispatch.clone()} />
            <div class="comparison__footer">
                { props.copy_link.clone() }
                <button type="button" class="button button--secondary" onclick={on_clear}>{"Töm jämförelsen"}</button>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FiguresProps {
    compared: Rc<Compared>,
    dispatch: Callback<Msg>,
}

/// The comparison's table and chart.
#[function_component(ComparisonFigures)]
fn comparison_figures(props: &FiguresProps) -> Html {
    let c = &props.compared;
    let count = c.columns.len();
    let years: Vec<u16> = c
        .columns
        .first()
        .map(|col| col.years.iter().map(|y| y.year).collect())
        .unwrap_or_default();
    let chart = {
        let mut m = Markup::new();
        let span = format!(
            "{}–{}",
            c.columns[0].closing_series[0].0,
            years.last().copied().unwrap_or_default()
        );
        line_chart_html(
            &mut m,
            &c.chart,
            &format!("Utgående eget kapital {span} per scenario"),
            "compare-chart-title",
        );
        Rc::new(m.into_fragment())
    };
    let row = |title: String,
               yi: usize,
               cell: &dyn Fn(usize, &crate::core::compare::YearFigures) -> Html| {
        html! {
            <tr>
                <th scope="row">{ title }</th>
                { for c.columns.iter().enumerate().map(|(i, col)| cell(i + 1, &col.years[yi])) }
            </tr>
        }
    };
    html! {
        <>
            <p class="field-hint">{"Kolumn 1 är basen. Övriga kolumner visar under varje belopp skillnaden mot basen: plus betyder mer än basen, minus mindre."}</p>
            if let Some(note) = &c.growth_note {
                <p class="notice" data-testid="compare-growth-note">{ note.clone() }</p>
            }
            if count < 2 {
                <p class="notice">{"Lägg till minst ett scenario till för att jämföra: ändra scenariot eller välj ett förslag och klicka på ”Lägg till i jämförelsen”."}</p>
            }
            <div class="table-wrap" tabindex="0" role="region" aria-label="Jämförelsetabell">
                <table class="compare">
                    <caption class="visually-hidden">{"Jämförelse per år: resultat, utgående eget kapital, medlemmarnas tillskott, andel individinsatser och nivå för resultat 0"}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{"Per år"}</th>
                            { for c.labels.iter().enumerate().map(|(i, label)| column_heading(i + 1, label, count, &props.dispatch)) }
                        </tr>
                    </thead>
                    { for years.iter().enumerate().map(|(yi, year)| html! {
                        <tbody class="group">
                            <tr class="group-heading"><th scope="rowgroup" colspan={(count + 1).to_string()}>{ year }</th></tr>
                            { row("Resultat".into(), yi, &|k, y| money(k, "result", y.year, y.result, y.diff.map(|d| d.result), true, None)) }
                            { row("Utgående eget kapital".into(), yi, &|k, y| money(k, "closing", y.year, y.closing, y.diff.map(|d| d.closing), true, equity_note(y.warning))) }
                            { row("Medlemmarnas tillskott till teamen".into(), yi, &|k, y| money(k, "topup", y.year, y.topup, y.diff.map(|d| d.topup), false, None)) }
                            { row("Andel individinsatser".into(), yi, &|k, y| figure_cell(format!("compare-{k}-share-individ-{}", y.year), Figure::Percent(y.share_individ))) }
                            if let Some(name) = &c.member {
                                { row(format!("Totalt för {name}"), yi, &|k, y| money(k, "member-total", y.year, y.member_total.unwrap_or_default(), None, false, None)) }
                            }
                            { row("Nivå för resultat 0".into(), yi, &|k, y| figure_cell(format!("compare-{k}-balancing-funding-{}", y.year), Figure::Level(y.balancing))) }
                        </tbody>
                    }) }
                </table>
            </div>
            <Patched fragment={chart} class="chart-frame" region="Diagram över jämförelsen" />
        </>
    }
}
