//! The charts as HTML text: the equity chart and the comparison's line chart,
//! each an SVG drawn from the geometry of [`crate::export::chart`] with its
//! legend in words and a table twin for screen readers. The page inserts the
//! same text the decision document prints, so a chart is written once.

use crate::core::Projection;
use crate::export::chart::{equity_chart, px, ChartFrame, EquityChart, LineChart};
use crate::export::format::{compact_kronor, kronor_kr};
use crate::export::markup::Markup;

/// An SVG element with its grid, amounts and zero line, around what `draw` adds.
fn svg(m: &mut Markup, frame: &ChartFrame, years: &[(u16, f64)], draw: impl FnOnce(&mut Markup)) {
    let view = format!("0 0 {} {}", px(frame.width), px(frame.height));
    // The width class keeps the chart from shrinking its 13 px text below
    // 12 px (styles/main.css); a narrower frame scrolls instead.
    let class = format!("chart__svg chart__svg--w{}", frame.width.round());
    m.open(
        "svg",
        &[
            ("class", &class),
            ("viewBox", &view),
            ("aria-hidden", "true"),
            ("focusable", "false"),
            ("xmlns", "http://www.w3.org/2000/svg"),
        ],
    );
    for t in &frame.ticks {
        m.open("g", &[("class", "chart__tick")]);
        line(m, "", frame.plot_left, frame.plot_right, t.y, t.y);
        m.element(
            "text",
            &[
                ("x", &px(frame.tick_label_x)),
                ("y", &px(t.label_y)),
                ("text-anchor", "end"),
            ],
            &compact_kronor(t.value),
        );
        m.close("g");
    }
    draw(m);
    line(
        m,
        "chart__zero",
        frame.plot_left,
        frame.plot_right,
        frame.zero_y,
        frame.zero_y,
    );
    for (year, x) in years {
        m.element(
            "text",
            &[
                ("class", "chart__year"),
                ("x", &px(*x)),
                ("y", &px(frame.label_y)),
                ("text-anchor", "middle"),
            ],
            &year.to_string(),
        );
    }
    m.close("svg");
}

fn line(m: &mut Markup, class: &str, x1: f64, x2: f64, y1: f64, y2: f64) {
    m.open(
        "line",
        &[
            ("class", class),
            ("x1", &px(x1)),
            ("x2", &px(x2)),
            ("y1", &px(y1)),
            ("y2", &px(y2)),
        ],
    )
    .close("line");
}

/// A table only screen readers see (a table cannot shrink to 1 px itself, so
/// its wrapper is the hidden box).
fn hidden_table(m: &mut Markup, caption: &str, head: &[String], rows: &[(String, Vec<String>)]) {
    m.open("div", &[("class", "visually-hidden")])
        .open("table", &[]);
    m.element("caption", &[], caption);
    m.open("thead", &[]).open("tr", &[]);
    for h in head {
        m.element("th", &[("scope", "col")], h);
    }
    m.close("tr").close("thead").open("tbody", &[]);
    for (label, cells) in rows {
        m.open("tr", &[]);
        m.element("th", &[("scope", "row")], label);
        for c in cells {
            m.element("td", &[], c);
        }
        m.close("tr");
    }
    m.close("tbody").close("table").close("div");
}

/// The equity chart of a projection: bars from zero, each year's ceiling
/// (the guideline) marked, a legend in words and a table twin. `id` names
/// the caption (empty in a printed copy, whose ids must not repeat the page's).
pub fn equity_chart_html(m: &mut Markup, projection: &Projection, title: &str, id: &str) {
    let chart: EquityChart = equity_chart(projection);
    m.open("figure", &[("class", "chart"), ("aria-labelledby", id)]);
    m.element(
        "figcaption",
        &[("id", id), ("class", "chart__title")],
        title,
    );
    let years: Vec<(u16, f64)> = chart.bars.iter().map(|b| (b.year, b.centre_x)).collect();
    let reference = projection.reference.as_ref().map(|r| r.year);
    svg(m, &chart.frame, &years, |m| {
        for b in &chart.bars {
            let class = match (b.negative, Some(b.year) == reference) {
                (true, _) => "chart__bar chart__bar--negative",
                (false, true) => "chart__bar chart__bar--reference",
                (false, false) => "chart__bar",
            };
            m.open("g", &[("class", class)]);
            m.open(
                "rect",
                &[
                    ("x", &px(b.x)),
                    ("y", &px(b.y)),
                    ("width", &px(b.width)),
                    ("height", &px(b.height)),
                ],
            )
            .close("rect");
            line(
                m,
                "chart__guideline",
                b.guideline_x1,
                b.guideline_x2,
                b.guideline_y,
                b.guideline_y,
            );
            // The label after the guideline, so that a guideline at the
            // label's height passes behind it (the label has a halo).
            m.element(
                "text",
                &[
                    ("class", "chart__value"),
                    ("x", &px(b.centre_x)),
                    ("y", &px(b.value_label_y)),
                    ("text-anchor", "middle"),
                ],
                &compact_kronor(b.closing),
            );
            m.close("g");
        }
    });
    m.open("p", &[("class", "chart__legend"), ("aria-hidden", "true")]);
    for (class, text) in [
        ("legend legend--bar", "Utgående eget kapital"),
        ("legend legend--negative", "Negativt"),
        ("legend legend--guideline", "Riktvärde (tak)"),
        ("legend legend--zero", "Noll"),
    ] {
        m.element("span", &[("class", class)], text);
    }
    m.close("p");
    let rows: Vec<(String, Vec<String>)> = chart
        .bars
        .iter()
        .map(|b| {
            (
                b.year.to_string(),
                vec![kronor_kr(b.closing), kronor_kr(b.guideline)],
            )
        })
        .collect();
    hidden_table(
        m,
        "Utgående eget kapital och riktvärde per år",
        &[
            "År".into(),
            "Utgående eget kapital".into(),
            "Riktvärde (bör understiga)".into(),
        ],
        &rows,
    );
    m.close("figure");
}

/// A marker whose shape tells a line apart without colour.
fn marker(m: &mut Markup, position: usize, x: f64, y: f64) {
    match position {
        1 => m
            .open("circle", &[("cx", &px(x)), ("cy", &px(y)), ("r", "5")])
            .close("circle"),
        2 => m
            .open(
                "rect",
                &[
                    ("x", &px(x - 4.5)),
                    ("y", &px(y - 4.5)),
                    ("width", "9"),
                    ("height", "9"),
                ],
            )
            .close("rect"),
        3 => {
            let points = format!(
                "{},{} {},{} {},{}",
                px(x),
                px(y - 6.0),
                px(x + 6.0),
                px(y + 5.0),
                px(x - 6.0),
                px(y + 5.0)
            );
            m.open("polygon", &[("points", &points)]).close("polygon")
        }
        _ => {
            let points = format!(
                "{},{} {},{} {},{} {},{}",
                px(x),
                px(y - 6.5),
                px(x + 6.5),
                px(y),
                px(x),
                px(y + 6.5),
                px(x - 6.5),
                px(y)
            );
            m.open("polygon", &[("points", &points)]).close("polygon")
        }
    };
}

/// The comparison chart: closing equity per year, one line per scenario
/// (told apart by colour, dash pattern and marker shape), a legend and a
/// table twin.
pub fn line_chart_html(m: &mut Markup, chart: &LineChart, title: &str, id: &str) {
    m.open(
        "figure",
        &[("class", "chart chart--lines"), ("aria-labelledby", id)],
    );
    m.element(
        "figcaption",
        &[("id", id), ("class", "chart__title")],
        title,
    );
    svg(m, &chart.frame, &chart.years, |m| {
        for series in &chart.lines {
            m.open(
                "g",
                &[("class", &format!("series series--{}", series.position))],
            );
            m.open("polyline", &[("points", &series.points)])
                .close("polyline");
            for &(_, _, x, y) in &series.markers {
                marker(m, series.position, x, y);
            }
            m.close("g");
        }
    });
    m.open(
        "ul",
        &[
            ("class", "chart__legend chart__legend--lines"),
            ("aria-hidden", "true"),
        ],
    );
    for series in &chart.lines {
        m.open("li", &[]);
        let class = format!("legend-sample series series--{}", series.position);
        m.open(
            "svg",
            &[
                ("class", &class),
                ("viewBox", "0 0 40 14"),
                ("width", "40"),
                ("height", "14"),
                ("xmlns", "http://www.w3.org/2000/svg"),
            ],
        );
        line(m, "", 0.0, 40.0, 7.0, 7.0);
        marker(m, series.position, 20.0, 7.0);
        m.close("svg");
        // The label carries its column's number already ("2. Presidiets förslag").
        m.text(&series.label);
        m.close("li");
    }
    m.close("ul");
    let mut head = vec!["Scenario".to_owned()];
    head.extend(chart.years.iter().map(|(y, _)| y.to_string()));
    let rows: Vec<(String, Vec<String>)> = chart
        .lines
        .iter()
        .map(|l| {
            (
                l.label.clone(),
                l.markers.iter().map(|(_, v, _, _)| kronor_kr(*v)).collect(),
            )
        })
        .collect();
    hidden_table(m, "Utgående eget kapital per år och scenario", &head, &rows);
    m.close("figure");
}
