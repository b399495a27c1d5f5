//! The budget table as the page shows it, written as HTML from the one
//! table model (`export::table`): every plan year (and the reference year)
//! with its note, the rows under their headings, each figure with its test
//! hook (`data-metric`, `data-value`) and its Swedish text. The page writes
//! it once and then patches only the figures a move changed
//! (`ui::components::patched`); the printed document has its own layout.

use crate::export::format::{balancing_text, kronor_kr, metric_kronor, percent_input};
use crate::export::markup::{Fragment, Markup};
use crate::export::table::{BudgetTable, ColumnHead, Figure, RowKind};

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

/// One cell for a figure, hooked as `metric`.
fn figure_cell(m: &mut Markup, metric: &str, figure: Figure) {
    match figure {
        Figure::Kronor(v) => {
            m.money(metric, v);
        }
        Figure::Topup { amount, level } => {
            let class = if amount.is_zero() {
                "num num--topup num--zero"
            } else {
                "num num--topup"
            };
            let title = format!(
                "Förbundet betalar {}\u{a0}% av full kostnad",
                percent_input(level)
            );
            let value = metric_kronor(amount);
            let attributes = [
                ("class", class),
                ("data-metric", metric),
                ("data-value", value.as_str()),
                ("title", title.as_str()),
            ];
            m.open("td", &attributes)
                .text(&kronor_kr(amount))
                .close("td");
        }
        Figure::Percent(value) => {
            m.percent(metric, value);
        }
        Figure::Level(level) => {
            let (value, text) = balancing_text(level);
            let attributes = [
                ("class", "num"),
                ("data-metric", metric),
                ("data-value", value.as_str()),
            ];
            m.open("td", &attributes).text(&text).close("td");
        }
        Figure::Blank => {
            m.missing(metric);
        }
    }
}

/// A year's column heading with its note under it (`2025` / `prognos`),
/// for the page and the printed document alike.
pub fn head(m: &mut Markup, c: &ColumnHead) {
    let class = if c.reference {
        "num col-reference"
    } else {
        "num"
    };
    m.open("th", &[("scope", "col"), ("class", class)])
        .text(&c.title)
        .element("span", &[("class", "col-note")], &c.note)
        .close("th");
}

/// The page's budget table (without its scrolling frame).
pub fn budget_table_html(table: &BudgetTable) -> Fragment {
    let mut m = Markup::new();
    let years: Vec<u16> = table.columns.iter().map(|c| c.year).collect();
    let (first, last) = (
        years.first().copied().unwrap_or_default(),
        years.last().copied().unwrap_or_default(),
    );
    m.open("table", &[("class", "budget")]);
    m.element(
        "caption",
        &[],
        &format!("Budget {first}–{last}, kronor. Teamraderna visar förbundets kostnad; raden under visar vad medlemmarna behöver tillföra för full bemanning."),
    );
    m.open("thead", &[]).open("tr", &[]);
    m.element("th", &[("scope", "col")], "Rad");
    for c in &table.columns {
        head(&mut m, c);
    }
    m.close("tr").close("thead").open("tbody", &[]);
    let span = (years.len() + 1).to_string();
    for row in &table.rows {
        let spec = &row.spec;
        m.open("tr", &[("class", row_class(spec.kind))]);
        if spec.kind == RowKind::Heading {
            m.element(
                "th",
                &[("scope", "rowgroup"), ("colspan", &span)],
                &spec.label,
            );
        } else {
            m.open("th", &[("scope", "row")]).text(&spec.label);
            if !spec.hidden.is_empty() {
                m.element("span", &[("class", "visually-hidden")], &spec.hidden);
            }
            m.close("th");
            for (figure, year) in row.figures.iter().zip(&years) {
                figure_cell(&mut m, &format!("{}-{year}", spec.key), *figure);
            }
        }
        m.close("tr");
    }
    m.close("tbody").close("table");
    m.into_fragment()
}
