//! The budget table as the page shows it: the one table model
//! (`export::table`) written by `export::budget_html`, in a frame that
//! scrolls when the table is wider than the screen. A slider move patches
//! only the figures it changed (`patched`).

use crate::export::budget_html::budget_table_html;
use crate::export::table::BudgetTable;
use crate::ui::components::patched::Patched;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub table: Rc<BudgetTable>,
}

#[function_component(BudgetTableView)]
pub fn budget_table_view(props: &TableProps) -> Html {
    let fragment = use_memo(props.table.clone(), |table| budget_table_html(table));
    // Focusable and named: on a narrow screen the table scrolls sideways in
    // this frame, and keyboard users must be able to scroll it too.
    html! {
        <Patched fragment={fragment} class="table-wrap" region="Budgettabell" />
    }
}
