//! The risk report's charts as SVG text (fan chart, tornado, bridge) from
//! the geometry of [`super::fan`] and [`super::bars`]: each chart is hidden
//! from screen readers beside a table twin ([`super::tables`]), and every
//! line or bar is named by words in a legend or at its end, never by colour
//! alone.

use crate::export::chart::px;
use crate::export::format::compact_kronor;
use crate::export::markup::Markup;
use crate::export::risk::bars::BarChart;
use crate::export::risk::fan::FanChart;
use crate::export::risk::tables::Target;

fn svg_open(m: &mut Markup, class: &str, width: f64, height: f64) {
    let view = format!("0 0 {} {}", px(width), px(height));
    m.open(
        "svg",
        &[
            ("class", class),
            ("viewBox", &view),
            ("aria-hidden", "true"),
            ("focusable", "false"),
            ("xmlns", "http://www.w3.org/2000/svg"),
        ],
    );
}

fn line(m: &mut Markup, class: &str, (x1, y1): (f64, f64), (x2, y2): (f64, f64)) {
    let (x1, x2, y1, y2) = (px(x1), px(x2), px(y1), px(y2));
    m.open(
        "line",
        &[
            ("class", class),
            ("x1", &x1),
            ("y1", &y1),
            ("x2", &x2),
            ("y2", &y2),
        ],
    )
    .close("line");
}

fn text(m: &mut Markup, class: &str, (x, y): (f64, f64), anchor: &str, words: &str) {
    let (x, y) = (px(x), px(y));
    m.element(
        "text",
        &[
            ("class", class),
            ("x", &x),
            ("y", &y),
            ("text-anchor", anchor),
        ],
        words,
    );
}

/// The legend: a sample and words per item, hidden from screen readers
/// (the table says it all).
pub(super) fn legend(m: &mut Markup, items: &[(&str, &str)]) {
    m.open("p", &[("class", "chart__legend"), ("aria-hidden", "true")]);
    for (class, words) in items {
        m.element("span", &[("class", class)], words);
    }
    m.close("p");
}

pub(super) fn fan_svg(m: &mut Markup, chart: &FanChart) {
    let f = &chart.frame;
    svg_open(m, "chart__svg risk-fan__svg", f.width, f.height);
    for t in &f.ticks {
        m.open("g", &[("class", "chart__tick")]);
        line(m, "", (f.plot_left, t.y), (f.plot_right, t.y));
        text(
            m,
            "",
            (f.tick_label_x, t.label_y),
            "end",
            &compact_kronor(t.value),
        );
        m.close("g");
    }
    m.open(
        "polygon",
        &[("class", "risk-fan__band"), ("points", &chart.band)],
    )
    .close("polygon");
    for (class, points) in [
        ("risk-fan__guideline", &chart.guideline),
        ("risk-fan__median", &chart.median),
    ] {
        m.open("polyline", &[("class", class), ("points", points)])
            .close("polyline");
    }
    if let Some(y) = chart.floor_y {
        line(m, "risk-fan__floor", (f.plot_left, y), (f.plot_right, y));
    }
    line(
        m,
        "chart__zero",
        (f.plot_left, f.zero_y),
        (f.plot_right, f.zero_y),
    );
    // The scenario's own line on top: it is often close to the median.
    m.open(
        "polyline",
        &[("class", "risk-fan__own"), ("points", &chart.own)],
    )
    .close("polyline");
    for y in &chart.years {
        let (cx, cy) = (px(y.x), px(y.p50));
        m.open(
            "circle",
            &[
                ("class", "risk-fan__dot"),
                ("cx", &cx),
                ("cy", &cy),
                ("r", "4"),
            ],
        )
        .close("circle");
        text(
            m,
            "chart__year",
            (y.x, f.label_y),
            "middle",
            &y.year.to_string(),
        );
    }
    m.close("svg");
}

pub(super) fn bar_svg(m: &mut Markup, chart: &BarChart, items: &[(&str, &str)]) {
    svg_open(m, "chart__svg risk-bars__svg", chart.width, chart.height);
    let bottom = chart.height - 4.0;
    for &(value, x) in &chart.ticks {
        m.open("g", &[("class", "chart__tick")]);
        line(m, "", (x, chart.tick_label_y + 6.0), (x, bottom));
        text(
            m,
            "",
            (x, chart.tick_label_y),
            "middle",
            &compact_kronor(value),
        );
        m.close("g");
    }
    for row in &chart.rows {
        text(
            m,
            "risk-bars__label",
            (8.0, row.label_y),
            "start",
            &row.label,
        );
        for s in &row.segments {
            let (x, y, w, h) = (
                px(s.x),
                px(row.bar_y),
                px(s.width.max(1.0)),
                px(row.bar_height),
            );
            let class = format!("risk-bars__bar risk-bars__bar--{}", s.class);
            m.open(
                "rect",
                &[
                    ("class", &class),
                    ("x", &x),
                    ("y", &y),
                    ("width", &w),
                    ("height", &h),
                ],
            )
            .close("rect");
            text(
                m,
                "risk-bars__value",
                (s.text_x, row.bar_y + 12.5),
                s.anchor,
                &s.text,
            );
        }
    }
    line(
        m,
        "risk-bars__reference",
        (chart.reference_x, chart.tick_label_y + 6.0),
        (chart.reference_x, bottom),
    );
    m.close("svg");
    legend(m, items);
}

pub(super) fn figure(
    m: &mut Markup,
    target: Target,
    id: &'static str,
    title: &str,
    draw: impl FnOnce(&mut Markup),
) {
    let id = target.id(id);
    m.open(
        "figure",
        &[("class", "chart risk-chart"), ("aria-labelledby", id)],
    );
    m.element(
        "figcaption",
        &[("id", id), ("class", "chart__title")],
        title,
    );
    // On a phone the chart keeps its size and scrolls in this frame, which
    // the keyboard can then reach.
    match target {
        Target::Page => m.open(
            "div",
            &[
                ("class", "chart-frame"),
                ("tabindex", "0"),
                ("role", "region"),
                ("aria-label", title),
            ],
        ),
        Target::Document => m.open("div", &[("class", "chart-frame")]),
    };
    draw(m);
    m.close("div").close("figure");
}
