//! The follow-up of an interim report (spec section 10): where the first
//! plan year has an outcome to date and a prognosis, the lines under their
//! headings with budget, outcome to date, prognosis and deviation
//! (prognosis − budget), the group sums, the costs, the members' revenue
//! and the result, as the interim reports show them. The figures are the
//! data set's own (no scenario changes them). One model for the page, the
//! decision document, the CSV file and the workbook.

use crate::core::dataset::{Category, Dataset};
use crate::core::horizon::Year;
use crate::export::format::column_title;
use crate::export::markup::Markup;
use crate::export::table::{group_titles, RowKind};
use rust_decimal::Decimal;

/// The four figure columns, in order.
pub const KINDS: [&str; 4] = ["budget", "outcome", "prognosis", "deviation"];

/// One row: its hook stem (as the budget table's: `line-<id>`, `admin`,
/// `costs`, `revenue`, `result`), label, kind and figures in [`KINDS`] order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpRow {
    pub key: String,
    pub label: String,
    pub kind: RowKind,
    pub figures: [Decimal; 4],
}

/// The follow-up table of the first plan year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    pub year: Year,
    /// The columns' headings, as the data set's columns say them.
    pub titles: [String; 4],
    pub rows: Vec<FollowUpRow>,
}

/// The follow-up, when the data set has the first plan year's budget,
/// outcome to date and prognosis.
pub fn follow_up(data: &Dataset) -> Option<FollowUp> {
    let year = data.first_plan_year;
    let budget = data.column(crate::core::dataset::ColumnKind::Budget, year)?;
    let outcome = data.outcome_to_date_column()?;
    let prognosis = data.prognosis_column()?;
    let of = |amounts: &dyn Fn(usize) -> Decimal| {
        let (b, o, p) = (amounts(budget), amounts(outcome), amounts(prognosis));
        [b, o, p, p - b]
    };
    let mut rows = Vec::new();
    let mut costs = [Decimal::ZERO; 4];
    for category in Category::ALL {
        let (heading, total, key) = group_titles(category);
        rows.push(FollowUpRow {
            key: String::new(),
            label: heading.to_owned(),
            kind: RowKind::Heading,
            figures: [Decimal::ZERO; 4],
        });
        let mut sum = [Decimal::ZERO; 4];
        for line in data.lines.iter().filter(|l| l.category == category) {
            let figures = of(&|c| line.amounts[c]);
            for (s, f) in sum.iter_mut().zip(figures) {
                *s += f;
            }
            rows.push(FollowUpRow {
                key: format!("line-{}", line.id),
                label: line.name.clone(),
                kind: RowKind::Line,
                figures,
            });
        }
        for (c, s) in costs.iter_mut().zip(sum) {
            *c += s;
        }
        rows.push(FollowUpRow {
            key: key.to_owned(),
            label: total.to_owned(),
            kind: RowKind::Subtotal,
            figures: sum,
        });
    }
    let revenue = of(&|c| data.revenue[c].unwrap_or_default());
    let mut result = [Decimal::ZERO; 4];
    for ((r, rev), cost) in result.iter_mut().zip(revenue).zip(costs) {
        *r = rev - cost;
    }
    for (key, label, kind, figures) in [
        ("costs", "Summa kostnader", RowKind::StrongTotal, costs),
        ("revenue", "Medel från huvudmännen", RowKind::Total, revenue),
        ("result", "Resultat", RowKind::StrongTotal, result),
    ] {
        rows.push(FollowUpRow {
            key: key.to_owned(),
            label: label.to_owned(),
            kind,
            figures,
        });
    }
    Some(FollowUp {
        year,
        titles: [
            column_title(&data.columns[budget]),
            column_title(&data.columns[outcome]),
            column_title(&data.columns[prognosis]),
            "Avvikelse (prognos − budget)".to_owned(),
        ],
        rows,
    })
}

/// The follow-up as an HTML table; hooks `followup-<key>-<kind>` (kinds as
/// [`KINDS`]) unless `m` writes none.
pub fn follow_up_html(m: &mut Markup, f: &FollowUp) {
    let label = format!("Uppföljning {}, tabell", f.year);
    m.scroll_frame(&label);
    m.open("table", &[("class", "budget followup")]);
    m.element(
        "caption",
        &[("class", "visually-hidden")],
        &format!(
            "Uppföljning {}: budget, utfall, prognos och avvikelse per rad",
            f.year
        ),
    );
    m.open("thead", &[]).open("tr", &[]);
    m.header("col", "", "Rad");
    for title in &f.titles {
        m.header("col", "num", title);
    }
    m.close("tr").close("thead").open("tbody", &[]);
    for row in &f.rows {
        if row.kind == RowKind::Heading {
            m.open("tr", &[("class", "group-heading")]);
            m.open("th", &[("scope", "rowgroup"), ("colspan", "5")])
                .text(&row.label)
                .close("th");
            m.close("tr");
            continue;
        }
        let class = match row.kind {
            RowKind::Line => "line",
            RowKind::Subtotal => "subtotal",
            RowKind::StrongTotal => "total total--strong",
            _ => "total",
        };
        m.open("tr", &[("class", class)]);
        m.header("row", "", &row.label);
        for (kind, value) in KINDS.iter().zip(row.figures) {
            let metric = format!("followup-{}-{kind}", row.key);
            if *kind == "deviation" {
                // Signed and never red: a cost under budget is good news and
                // a revenue under budget is not, so colour would mislead.
                m.deviation(&metric, value);
            } else {
                m.money(&metric, value);
            }
        }
        m.close("tr");
    }
    m.close("tbody").close("table").close("div");
}

/// The follow-up as CSV records: a header row, then `Rad;Id;<four columns>`.
pub fn follow_up_records(f: &FollowUp) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header = vec!["Rad".to_owned(), "Id".to_owned()];
    header.extend(f.titles.iter().cloned());
    let records = f
        .rows
        .iter()
        .filter(|r| r.kind != RowKind::Heading)
        .map(|r| {
            let mut record = vec![r.label.clone(), r.key.clone()];
            record.extend(
                r.figures
                    .iter()
                    .map(|v| crate::export::format::metric_kronor(*v)),
            );
            record
        })
        .collect();
    (header, records)
}
