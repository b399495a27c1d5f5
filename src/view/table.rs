//! The budget table in the official layout of SFV's budget 2024 (VP 2024,
//! section 7): lines under their three headings with subtotals, then the
//! totals, the result, the equity chain, the guideline and the four shares.
//! Columns: Budget 2024 (reference, read-only), 2025, 2026, 2027.
//!
//! Each row is its own component whose props are the row's figures, so when a
//! slider moves only the rows whose figures changed are re-rendered.

use crate::model::engine::YearOutcome;
use crate::model::format::{kronor_kr, metric_kronor, percent_input};
use crate::model::{Balancing, Basis, Category, Dataset, Projection, Scenario};
use crate::view::cells::{balancing_cell, money_cell, percent_cell};
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

/// One figure of a row.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Money(Decimal),
    Percent(Option<Decimal>),
    Balancing(Balancing),
    /// A team's top-up, with the level the förbund pays (for the tooltip).
    Topup {
        amount: Decimal,
        level: Decimal,
    },
}

#[derive(Properties, PartialEq)]
struct RowProps {
    label: AttrValue,
    /// Extra words for screen readers only (which team a top-up row is for).
    #[prop_or_default]
    hidden_label: Option<AttrValue>,
    class: &'static str,
    /// `data-metric` prefix; the year is appended per cell.
    metric: AttrValue,
    /// (year, figure) per column.
    cells: Vec<(u16, Cell)>,
}

#[function_component(Row)]
fn row(props: &RowProps) -> Html {
    html! {
        <tr class={props.class}>
            <th scope="row">
                { props.label.clone() }
                if let Some(hidden) = props.hidden_label.clone() {
                    <span class="visually-hidden">{ hidden }</span>
                }
            </th>
            { for props.cells.iter().map(|(year, cell)| {
                let metric = format!("{}-{year}", props.metric);
                match cell {
                    Cell::Money(value) => money_cell(metric, *value),
                    Cell::Percent(value) => percent_cell(metric, *value),
                    Cell::Balancing(level) => balancing_cell(metric, *level),
                    Cell::Topup { amount, level } => html! {
                        <td class={classes!("num", "num--topup", amount.is_zero().then_some("num--zero"))}
                            data-metric={metric} data-value={metric_kronor(*amount)}
                            title={format!("Förbundet betalar {}\u{a0}% av full kostnad", percent_input(*level))}>
                            { kronor_kr(*amount) }
                        </td>
                    },
                }
            }) }
        </tr>
    }
}

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub data: Rc<Dataset>,
    pub projection: Rc<Projection>,
    pub scenario: Rc<Scenario>,
}

#[function_component(BudgetTable)]
pub fn budget_table(props: &TableProps) -> Html {
    let years: Vec<&YearOutcome> = props.projection.all_years().collect();
    let cells = |cell: &dyn Fn(&YearOutcome) -> Cell| -> Vec<(u16, Cell)> {
        years.iter().map(|y| (y.year, cell(y))).collect()
    };
    let total = |label: &str,
                 class: &'static str,
                 metric: &'static str,
                 cell: &dyn Fn(&YearOutcome) -> Cell| {
        html! { <Row label={AttrValue::from(label.to_owned())} {class} metric={metric} cells={cells(cell)} /> }
    };

    let group = |category: Category,
                 heading: &'static str,
                 total_label: &'static str,
                 metric: &'static str,
                 pick: fn(&YearOutcome) -> Decimal| {
        let lines = props
            .data
            .lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.category == category);
        html! {
            <tbody class="group">
                <tr class="group-heading"><th scope="rowgroup" colspan="5">{ heading }</th></tr>
                { for lines.map(|(i, line)| html! {
                    <>
                        <Row label={line.name.clone()} class="line" metric={format!("line-{}", line.id)}
                            cells={cells(&|y| Cell::Money(y.lines[i].cost))} />
                        if line.team {
                            <Row label="varav medlemmarnas tillskott" hidden_label={format!(" för {}", line.name)}
                                class="topup" metric={format!("topup-{}", line.id)}
                                cells={cells(&|y| Cell::Topup {
                                    amount: y.lines[i].topup,
                                    level: y.lines[i].team_level.unwrap_or(Decimal::ONE_HUNDRED),
                                })} />
                        }
                    </>
                }) }
                { total(total_label, "subtotal", metric, &|y| Cell::Money(pick(y))) }
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
        // Focusable and named: on a narrow screen the table scrolls sideways
        // in this frame, and keyboard users must be able to scroll it too.
        <div class="table-wrap" tabindex="0" role="region" aria-label="Budgettabell">
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
                    { total("Summa direkta insatskostnader", "total", "direct", &|y| Cell::Money(y.direct)) }
                    { total("Summa kostnader", "total total--strong", "costs", &|y| Cell::Money(y.costs)) }
                    { total("Medel från huvudmännen", "total", "revenue", &|y| Cell::Money(y.revenue)) }
                    { total("Resultat", "total total--strong", "result", &|y| Cell::Money(y.result)) }
                    { total("Ingående eget kapital", "equity", "opening", &|y| Cell::Money(y.opening)) }
                    { total("Utgående eget kapital", "equity equity--closing", "closing", &|y| Cell::Money(y.closing)) }
                    { total(&guideline_label, "equity", "guideline", &|y| Cell::Money(y.guideline)) }
                </tbody>
                <tbody class="shares">
                    { total("Administrativa kostnader, andel av kostnader", "share", "share-admin", &|y| Cell::Percent(y.share_admin)) }
                    { total("Direkta insatskostnader, andel av kostnader", "share", "share-direct", &|y| Cell::Percent(y.share_direct)) }
                    { total("Individinsatser, andel av direkta", "share", "share-individ", &|y| Cell::Percent(y.share_individ)) }
                    { total("Metodutveckling och strukturella insatser, andel av direkta", "share", "share-struktur", &|y| Cell::Percent(y.share_struktur)) }
                    { total("Finansieringsnivå som ger resultat 0", "share", "balancing-funding", &|y| Cell::Balancing(y.balancing)) }
                </tbody>
            </table>
        </div>
    }
}
