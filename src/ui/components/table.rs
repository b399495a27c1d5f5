//! The budget table as the page shows it: the rows of the one table model
//! (`export::table`), the reference year and every plan year. Each row is
//! its own component whose props are the row's figures, so when a slider
//! moves only the rows whose figures changed are re-rendered. The table
//! scrolls inside its frame when it is wider than the screen.

use crate::export::table::{BudgetTable, ColumnHead, Row, RowKind};
use crate::ui::components::cells::figure_cell;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct RowProps {
    row: Row,
    years: Rc<Vec<u16>>,
}

fn row_class(kind: RowKind) -> &'static str {
    match kind {
        RowKind::Heading => "group-heading",
        RowKind::Line => "line",
        RowKind::Topup => "topup",
        RowKind::Subtotal => "subtotal",
        RowKind::Total => "total",
        RowKind::StrongTotal => "total total--strong",
        RowKind::Equity => "equity",
        RowKind::ClosingEquity => "equity equity--closing",
        RowKind::Share => "share",
    }
}

#[function_component(BudgetRow)]
fn budget_row(props: &RowProps) -> Html {
    let spec = &props.row.spec;
    if spec.kind == RowKind::Heading {
        return html! {
            <tr class="group-heading">
                <th scope="rowgroup" colspan={(props.years.len() + 1).to_string()}>{ spec.label.clone() }</th>
            </tr>
        };
    }
    html! {
        <tr class={row_class(spec.kind)}>
            <th scope="row">
                { spec.label.clone() }
                if !spec.hidden.is_empty() {
                    <span class="visually-hidden">{ spec.hidden.clone() }</span>
                }
            </th>
            { for props.row.figures.iter().zip(props.years.iter()).map(|(f, year)| figure_cell(format!("{}-{year}", spec.key), *f)) }
        </tr>
    }
}

fn head(c: &ColumnHead) -> Html {
    html! {
        <th scope="col" class={classes!("num", c.reference.then_some("col-reference"))}>
            { c.title.clone() }<span class="col-note">{ c.note.clone() }</span>
        </th>
    }
}

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub table: Rc<BudgetTable>,
}

#[function_component(BudgetTableView)]
pub fn budget_table_view(props: &TableProps) -> Html {
    let table = &props.table;
    let years: Rc<Vec<u16>> = Rc::new(table.columns.iter().map(|c| c.year).collect());
    let (first, last) = (
        years.first().copied().unwrap_or_default(),
        years.last().copied().unwrap_or_default(),
    );
    let caption = format!("Budget {first}–{last}, kronor. Teamraderna visar förbundets kostnad; raden under visar vad medlemmarna behöver tillföra för full bemanning.");
    html! {
        <>
        // Shown above the frame: a caption is as wide as its table, so on a
        // phone it ran out of sight with the columns. Screen readers get the
        // caption itself.
        <p class="budget__caption" aria-hidden="true">{ caption.clone() }</p>
        // Focusable and named: on a narrow screen the table scrolls sideways
        // in this frame, and keyboard users must be able to scroll it too.
        <div class="table-wrap table-wrap--fit" tabindex="0" role="region" aria-label="Budgettabell">
            <table class="budget">
                <caption class="visually-hidden">{ caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{"Rad"}</th>
                        { for table.columns.iter().map(head) }
                    </tr>
                </thead>
                <tbody>
                    { for table.rows.iter().map(|row| html! { <BudgetRow row={row.clone()} years={years.clone()} /> }) }
                </tbody>
            </table>
        </div>
        </>
    }
}
