//! Geometry of the two lying bar charts of the risk panel: the tornado
//! (each decision's closing equity one step down and one step up, as bars
//! from the scenario's own figure) and the bridge (the result of the first
//! plan year, each part's change, the result of the last plan year).
//!
//! Both are rows: the words on a line of their own (so a long name never
//! runs into a bar, at any width) and the bar under them, with its amount
//! written at its outer end, so nothing is told by colour alone. The chart
//! is 640 wide and grows in height with the rows; the amounts are `Decimal`
//! and only pixels are `f64`.

use crate::export::format::compact_kronor;
use crate::export::risk::scale::Scale;
use crate::export::risk::words::{driver_key, driver_words};
use crate::export::risk::RiskReport;
use rust_decimal::Decimal;

pub const WIDTH: f64 = 640.0;
/// Room beside the plot for an amount such as "−13,6 Mkr" at 13 px.
const SIDE: f64 = 86.0;
/// Room above the first row for the axis' amounts.
const TOP: f64 = 30.0;
const ROW: f64 = 44.0;
const BAR_TOP: f64 = 20.0;
const BAR_HEIGHT: f64 = 16.0;
const BOTTOM: f64 = 6.0;

/// One bar of a row, from `x` to `x + width`.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub x: f64,
    pub width: f64,
    /// `down`, `up`, `part` or `total`: the fill, with the legend's words.
    pub class: &'static str,
    /// The amount written at the bar's outer end.
    pub text: String,
    pub text_x: f64,
    /// `start` (right of the bar) or `end` (left of it).
    pub anchor: &'static str,
}

/// One row: its words and its bars.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub label: String,
    /// The hook name (`funding-2027`, `revenue`, …).
    pub key: String,
    pub label_y: f64,
    pub bar_y: f64,
    pub bar_height: f64,
    pub segments: Vec<Segment>,
}

/// A lying bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub width: f64,
    pub height: f64,
    pub plot_left: f64,
    pub plot_right: f64,
    /// The axis' amounts and their x.
    pub ticks: Vec<(Decimal, f64)>,
    pub tick_label_y: f64,
    /// The line the bars start from (the scenario's figure, or zero), x.
    pub reference_x: f64,
    pub rows: Vec<Row>,
}

/// A difference as a chart writes it: `+1,4 Mkr`, `−350 tkr`, `0 Mkr`.
pub fn signed_compact(amount: Decimal) -> String {
    if amount > Decimal::ZERO {
        format!("+{}", compact_kronor(amount))
    } else {
        compact_kronor(amount)
    }
}

/// A bar from `from` to `to` on `scale`, its text at its outer end.
fn segment(
    scale: &Scale,
    from: Decimal,
    to: Decimal,
    class: &'static str,
    text: String,
) -> Segment {
    let (a, b) = (scale.at(from), scale.at(to));
    let rightwards = to >= from;
    Segment {
        x: a.min(b),
        width: (b - a).abs(),
        class,
        text,
        text_x: if rightwards { b + 4.0 } else { b - 4.0 },
        anchor: if rightwards { "start" } else { "end" },
    }
}

fn frame(scale: &Scale, reference: Decimal, rows: Vec<Row>) -> BarChart {
    BarChart {
        width: WIDTH,
        height: TOP + ROW * rows.len() as f64 + BOTTOM,
        plot_left: SIDE,
        plot_right: WIDTH - SIDE,
        ticks: scale
            .ticks()
            .into_iter()
            .map(|t| (t, scale.at(t)))
            .collect(),
        tick_label_y: TOP - 14.0,
        reference_x: scale.at(reference),
        rows,
    }
}

fn row(i: usize, label: String, key: String, segments: Vec<Segment>) -> Row {
    let top = TOP + ROW * i as f64;
    Row {
        label,
        key,
        label_y: top + 14.0,
        bar_y: top + BAR_TOP,
        bar_height: BAR_HEIGHT,
        segments,
    }
}

/// The tornado: one row per decision, in the report's order (largest
/// effect first), bars from the scenario's own closing equity.
pub fn tornado(report: &RiskReport) -> BarChart {
    let base = report
        .drivers
        .first()
        .map_or(Decimal::ZERO, |d| d.driver.base);
    let values = report
        .drivers
        .iter()
        .flat_map(|d| [d.driver.down, d.driver.up, d.driver.base]);
    let scale = Scale::covering(values, false, 4, SIDE, WIDTH - SIDE);
    let rows = report
        .drivers
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let side = |to: Decimal, class| {
                segment(
                    &scale,
                    d.driver.base,
                    to,
                    class,
                    signed_compact(to - d.driver.base),
                )
            };
            // A step the range cuts off (100 % up) changes nothing: no bar,
            // and the table says 0 kr.
            let segments = [(d.driver.down, "down"), (d.driver.up, "up")]
                .into_iter()
                .filter(|(to, _)| *to != d.driver.base)
                .map(|(to, class)| side(to, class))
                .collect();
            row(i, driver_words(d), driver_key(d.driver.kind), segments)
        })
        .collect();
    frame(&scale, base, rows)
}

/// The bridge's parts in order, with their words and hook names.
pub fn bridge_parts(report: &RiskReport) -> [(&'static str, &'static str, Decimal); 5] {
    let b = &report.bridge;
    [
        ("Medel från huvudmännen", "revenue", b.revenue),
        ("Administration", "admin", b.admin),
        ("Teamen (förbundets kostnad)", "teams", b.teams),
        ("Övriga individinsatser", "other-individ", b.other_individ),
        ("Strukturella insatser", "structural", b.structural),
    ]
}

/// The bridge: the first plan year's result, each part as a step from the
/// running total, and the last plan year's result, which the steps reach
/// exactly (`Bridge::total`).
pub fn bridge_chart(report: &RiskReport) -> BarChart {
    let b = &report.bridge;
    let parts = bridge_parts(report);
    let mut running = vec![b.first_result];
    for (_, _, part) in parts {
        running.push(running.last().copied().unwrap_or_default() + part);
    }
    let scale = Scale::covering(
        running.iter().copied().chain([b.last_result]),
        true,
        4,
        SIDE,
        WIDTH - SIDE,
    );
    let total = |i, year, value| {
        row(
            i,
            format!("Resultat {year}"),
            format!("result-{year}"),
            vec![segment(
                &scale,
                Decimal::ZERO,
                value,
                "total",
                compact_kronor(value),
            )],
        )
    };
    let mut rows = vec![total(0, b.first, b.first_result)];
    for (i, (label, key, part)) in parts.into_iter().enumerate() {
        let from = running[i];
        rows.push(row(
            i + 1,
            label.to_owned(),
            key.to_owned(),
            vec![segment(
                &scale,
                from,
                from + part,
                "part",
                signed_compact(part),
            )],
        ));
    }
    rows.push(total(parts.len() + 1, b.last, b.last_result));
    frame(&scale, Decimal::ZERO, rows)
}
