//! Small rendering helpers shared by the table and the headline: a figure with
//! its test hook (`data-metric`, `data-value`) and its Swedish text.

use crate::model::format::{kronor_kr, metric_kronor, metric_percent, percent};
use crate::model::Balancing;
use rust_decimal::Decimal;
use yew::prelude::*;

/// A table cell with an amount in kronor.
pub fn money_cell(metric: String, value: Decimal) -> Html {
    html! {
        <td class={classes!("num", value.is_sign_negative().then_some("num--negative"))}
            data-metric={metric} data-value={metric_kronor(value)}>
            { kronor_kr(value) }
        </td>
    }
}

/// A table cell with a percentage (one decimal), or a dash when undefined.
pub fn percent_cell(metric: String, value: Option<Decimal>) -> Html {
    match value {
        Some(v) => html! {
            <td class="num" data-metric={metric} data-value={metric_percent(v)}>{ percent(v) }</td>
        },
        None => html! {
            <td class="num" data-metric={metric} data-value="none">
                <span aria-hidden="true">{"–"}</span><span class="visually-hidden">{"saknas"}</span>
            </td>
        },
    }
}

/// A table cell with a balancing level, or "nås inte" when not reachable.
pub fn balancing_cell(metric: String, level: Balancing) -> Html {
    let (value, text) = balancing_text(level);
    html! { <td class="num" data-metric={metric} data-value={value}>{ text }</td> }
}

/// The `data-value` and text of a balancing level.
pub fn balancing_text(level: Balancing) -> (String, String) {
    match level {
        Balancing::Reachable(l) => (metric_percent(l), percent(l)),
        Balancing::NotReachable => ("none".to_owned(), "nås inte inom 0–100\u{a0}%".to_owned()),
    }
}
