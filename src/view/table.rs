//! The budget table in the official layout of SFV's budget 2024 (VP 2024,
//! section 7): lines under their three headings with subtotals, then the
//! totals, the result, the equity chain, the guideline and the four shares.
//! Columns: Budget 2024 (reference, read-only), 2025, 2026, 2027.

use crate::model::data::BudgetLine;
use crate::model::engine::YearOutcome;
use crate::model::format::percent_input;
use crate::model::{Basis, Category, Dataset, Projection, Scenario};
use crate::view::cells::{balancing_text, money_cell, percent_cell};
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub data: Rc<Dataset>,
    pub projection: Rc<Projection>,
    pub scenario: Rc<Scenario>,
}

fn row(
    label: Html,
    class: &'static str,
    years: &[&YearOutcome],
    cell: impl Fn(&YearOutcome) -> Html,
) -> Html {
    html! {
        <tr class={class}>
            <th scope="row">{ label }</th>
            { for years.iter().map(|y| cell(y)) }
        </tr>
    }
}

fn line_rows(years: &[&YearOutcome], index: usize, line: &BudgetLine) -> Html {
    let id = &line.id;
    let main = row(html! { { line.name.clone() } }, "line", years, |y| {
        money_cell(format!("line-{id}-{}", y.year), y.lines[index].cost)
    });
    if !line.team {
        return main;
    }
    let topup = row(
        html! { <span class="topup-label">{"varav medlemmarnas tillskott"}<span class="visually-hidden">{ format!(" för {}", line.name) }</span></span> },
        "topup",
        years,
        |y| {
            let level = y.lines[index].team_level.unwrap_or(Decimal::ONE_HUNDRED);
            let topup = y.lines[index].topup;
            html! {
                <td class={classes!("num", "num--topup", topup.is_zero().then_some("num--zero"))}
                    data-metric={format!("topup-{id}-{}", y.year)}
                    data-value={crate::model::format::metric_kronor(topup)}
                    title={format!("Förbundet betalar {}\u{a0}% av full kostnad", percent_input(level))}>
                    { crate::model::format::kronor_kr(topup) }
                </td>
            }
        },
    );
    html! { <>{ main }{ topup }</> }
}

#[function_component(BudgetTable)]
pub fn budget_table(props: &TableProps) -> Html {
    let p = &props.projection;
    let years: Vec<&YearOutcome> = p.all_years().collect();
    let data = &props.data;
    let group = |category: Category,
                 heading: &'static str,
                 total_label: &'static str,
                 metric: &'static str,
                 pick: fn(&YearOutcome) -> Decimal| {
        html! {
            <tbody class="group">
                <tr class="group-heading"><th scope="rowgroup" colspan="5">{ heading }</th></tr>
                { for data.lines.iter().enumerate()
                    .filter(|(_, l)| l.category == category)
                    .map(|(i, l)| line_rows(&years, i, l)) }
                { row(html! { { total_label } }, "subtotal", &years, |y| money_cell(format!("{metric}-{}", y.year), pick(y))) }
            </tbody>
        }
    };
    let basis_label = match props.scenario.basis {
        Basis::Prognos => "Prognos",
        Basis::Budget => "Budget",
    };
    let guideline_label = format!(
        "Riktvärde eget kapital ({}\u{a0}% av medlen)",
        percent_input(props.scenario.equity_guideline)
    );

    html! {
        <div class="table-wrap">
            <table class="budget">
                <caption>
                    {"Budget 2024–2027, kronor. Teamraderna visar förbundets kostnad; raden under visar vad medlemmarna behöver tillföra för full bemanning."}
                </caption>
                <colgroup>
                    <col class="col-label" />
                    <col class="col-reference" />
                    <col span="3" />
                </colgroup>
                <thead>
                    <tr>
                        <th scope="col">{"Rad"}</th>
                        <th scope="col" class="num">{"Budget 2024"}<span class="col-note">{"beslutad"}</span></th>
                        <th scope="col" class="num">{"2025"}<span class="col-note">{ basis_label }</span></th>
                        <th scope="col" class="num">{"2026"}<span class="col-note">{"scenario"}</span></th>
                        <th scope="col" class="num">{"2027"}<span class="col-note">{"scenario"}</span></th>
                    </tr>
                </thead>
                { group(Category::Admin, "Administrativa kostnader", "Summa administrativa kostnader", "admin", |y| y.admin) }
                { group(Category::Individ, "Individinsatser", "Summa individinsatser", "individ", |y| y.individ) }
                { group(Category::Struktur, "Metodutveckling och strukturpåverkande insatser", "Summa metodutveckling och strukturpåverkande insatser", "struktur", |y| y.struktur) }
                <tbody class="totals">
                    { row(html!{"Summa direkta insatskostnader"}, "total", &years, |y| money_cell(format!("direct-{}", y.year), y.direct)) }
                    { row(html!{"Summa kostnader"}, "total total--strong", &years, |y| money_cell(format!("costs-{}", y.year), y.costs)) }
                    { row(html!{"Medel från huvudmännen"}, "total", &years, |y| money_cell(format!("revenue-{}", y.year), y.revenue)) }
                    { row(html!{"Resultat"}, "total total--strong", &years, |y| money_cell(format!("result-{}", y.year), y.result)) }
                    { row(html!{"Ingående eget kapital"}, "equity", &years, |y| money_cell(format!("opening-{}", y.year), y.opening)) }
                    { row(html!{"Utgående eget kapital"}, "equity equity--closing", &years, |y| money_cell(format!("closing-{}", y.year), y.closing)) }
                    { row(html!{ { guideline_label } }, "equity", &years, |y| money_cell(format!("guideline-{}", y.year), y.guideline)) }
                </tbody>
                <tbody class="shares">
                    { row(html!{"Administrativa kostnader, andel av kostnader"}, "share", &years, |y| percent_cell(format!("share-admin-{}", y.year), y.share_admin)) }
                    { row(html!{"Direkta insatskostnader, andel av kostnader"}, "share", &years, |y| percent_cell(format!("share-direct-{}", y.year), y.share_direct)) }
                    { row(html!{"Individinsatser, andel av direkta"}, "share", &years, |y| percent_cell(format!("share-individ-{}", y.year), y.share_individ)) }
                    { row(html!{"Metodutveckling och strukturella insatser, andel av direkta"}, "share", &years, |y| percent_cell(format!("share-struktur-{}", y.year), y.share_struktur)) }
                    { row(html!{"Finansieringsnivå som ger resultat 0"}, "share", &years, |y| {
                        let (value, text) = balancing_text(y.balancing);
                        html! { <td class="num" data-metric={format!("balancing-funding-{}", y.year)} data-value={value}>{ text }</td> }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
