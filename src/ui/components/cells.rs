//! A figure of the budget table (and the comparison's) as a cell with its
//! test hook (`data-metric`, `data-value`) and its Swedish text, for every
//! kind of figure the table model has.

use crate::export::format::{
    balancing_text, kronor, metric_kronor, metric_percent, percent, percent_input,
};
use crate::export::table::Figure;
use yew::prelude::*;

/// A dash that screen readers read as "saknas".
pub fn missing() -> Html {
    html! { <><span aria-hidden="true">{"–"}</span><span class="visually-hidden">{"saknas"}</span></> }
}

/// An amount with its unit in a span of its own: where the table's frame
/// is too narrow for every year (a 1024 px projector), the stylesheet drops
/// the repeated " kr" (the caption says "kronor") before the years scroll.
fn kronor_text(amount: rust_decimal::Decimal) -> Html {
    html! { <>{ kronor(amount) }<span class="unit">{"\u{a0}kr"}</span></> }
}

/// One table cell for a figure, hooked as `metric`.
pub fn figure_cell(metric: String, figure: Figure) -> Html {
    let (class, value, text): (Classes, String, Html) = match figure {
        Figure::Kronor(v) => (
            classes!(
                "num",
                (v < rust_decimal::Decimal::ZERO).then_some("num--negative")
            ),
            metric_kronor(v),
            kronor_text(v),
        ),
        Figure::Topup { amount, level } => {
            return html! {
                <td class={classes!("num", "num--topup", amount.is_zero().then_some("num--zero"))}
                    data-metric={metric} data-value={metric_kronor(amount)}
                    title={format!("Förbundet betalar {}\u{a0}% av full kostnad", percent_input(level))}>
                    { kronor_text(amount) }
                </td>
            }
        }
        Figure::Percent(Some(v)) => (classes!("num"), metric_percent(v), html! { percent(v) }),
        Figure::Level(level) => {
            let (value, text) = balancing_text(level);
            (classes!("num"), value, html! { text })
        }
        Figure::Percent(None) | Figure::Blank => (classes!("num"), "none".to_owned(), missing()),
    };
    html! { <td {class} data-metric={metric} data-value={value}>{ text }</td> }
}
