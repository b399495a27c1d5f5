//! The risk report as HTML text: on the page, the panel's results (the
//! sentence, the fan chart with its per-year table, the tornado and the
//! bridge, each chart with its table twin and test hooks); in the decision
//! document, the same words and tables without hooks, ids or charts (the
//! tables carry every figure and keep the document within its pages).
//!
//! Every chart is an SVG hidden from screen readers beside a table that
//! says the same in words and figures, and every line or bar is named by
//! words in a legend or at its end, never by colour alone.

use crate::export::chart::px;
use crate::export::format::{compact_kronor, difference_kr, kronor_kr, metric_kronor};
use crate::export::markup::Markup;
use crate::export::risk::bars::{bridge_chart, bridge_parts, tornado, BarChart};
use crate::export::risk::fan::{fan_chart, FanChart};
use crate::export::risk::words::{
    assumptions, band_note, driver_key, driver_notes, driver_words, sentence,
};
use crate::export::risk::RiskReport;

/// Ids and hooks on the page; neither in a printed copy.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Page,
    Document,
}

impl Target {
    fn id(self, id: &'static str) -> &'static str {
        match self {
            Target::Page => id,
            Target::Document => "",
        }
    }
}

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
fn legend(m: &mut Markup, items: &[(&str, &str)]) {
    m.open("p", &[("class", "chart__legend"), ("aria-hidden", "true")]);
    for (class, words) in items {
        m.element("span", &[("class", class)], words);
    }
    m.close("p");
}

fn fan_svg(m: &mut Markup, chart: &FanChart) {
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

/// The per-year table: the fan chart's twin, with the band's marks.
fn years_table(m: &mut Markup, report: &RiskReport, target: Target) {
    m.open("table", &[("class", "budget risk-table")]);
    m.element(
        "caption",
        &[],
        "Per år: risken för negativt eget kapital, spridningen i dragningarna, scenariots eget kapital och var medianen hamnar i bandet.",
    );
    m.open("thead", &[]).open("tr", &[]);
    for (i, head) in [
        "År",
        "Risk för negativt eget kapital",
        "10:e percentilen",
        "Median",
        "90:e percentilen",
        "Scenariot",
        "Medianen i bandet",
    ]
    .iter()
    .enumerate()
    {
        m.header("col", if i == 0 { "" } else { "num" }, head);
    }
    m.close("tr").close("thead").open("tbody", &[]);
    for y in &report.years {
        let year = y.risk.year;
        m.open("tr", &[]);
        m.header("row", "", &year.to_string());
        m.percent(
            &format!("risk-negative-{year}"),
            Some(y.risk.negative_percent),
        );
        m.money(&format!("risk-p10-{year}"), y.risk.p10);
        m.money(&format!("risk-p50-{year}"), y.risk.p50);
        m.money(&format!("risk-p90-{year}"), y.risk.p90);
        m.money(&format!("risk-own-{year}"), y.own);
        let band = y.band.word();
        match target {
            Target::Page => m.element(
                "td",
                &[
                    ("class", &format!("num risk-band risk-band--{band}")),
                    ("data-metric", &format!("risk-band-{year}")),
                    ("data-value", band),
                ],
                band,
            ),
            Target::Document => m.number(band),
        };
        m.close("tr");
    }
    m.close("tbody").close("table");
}

fn bar_svg(m: &mut Markup, chart: &BarChart, items: &[(&str, &str)]) {
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

fn figure(
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

fn drivers_table(m: &mut Markup, report: &RiskReport, target: Target) {
    m.open("table", &[("class", "budget risk-table")]);
    m.element(
        "caption",
        &[],
        &format!(
            "Så mycket ändras utgående eget kapital {} (i scenariot {}) när ett beslut i taget flyttas ett steg ned eller upp, störst effekt först.",
            report.last_year(),
            kronor_kr(report.drivers.first().map(|d| d.driver.base).unwrap_or_default())
        ),
    );
    m.open("thead", &[]).open("tr", &[]);
    m.header("col", "", "Beslut");
    for head in ["Ett steg ned", "Ett steg upp"] {
        m.header("col", "num", head);
    }
    m.close("tr").close("thead").open("tbody", &[]);
    for row in &report.drivers {
        let key = driver_key(row.driver.kind);
        let hook = match target {
            Target::Page => key.as_str(),
            Target::Document => "",
        };
        m.open("tr", &[("data-driver", hook)]);
        m.header("row", "", &driver_words(row));
        let d = &row.driver;
        for (side, value) in [("down", d.down), ("up", d.up)] {
            let change = value - d.base;
            match target {
                Target::Page => m.element(
                    "td",
                    &[
                        ("class", "num"),
                        ("data-metric", &format!("risk-driver-{key}-{side}")),
                        ("data-value", &metric_kronor(change)),
                    ],
                    &difference_kr(change),
                ),
                Target::Document => m.number(&difference_kr(change)),
            };
        }
        m.close("tr");
    }
    m.close("tbody").close("table");
}

fn bridge_table(m: &mut Markup, report: &RiskReport) {
    let b = &report.bridge;
    m.open(
        "table",
        &[("class", "budget risk-table risk-table--bridge")],
    );
    m.element(
        "caption",
        &[],
        &format!(
            "Resultatets förändring från {} till {}: delarna summerar exakt till skillnaden.",
            b.first, b.last
        ),
    );
    m.open("thead", &[]).open("tr", &[]);
    m.header("col", "", "Del");
    m.header("col", "num", "Kronor");
    m.close("tr").close("thead").open("tbody", &[]);
    let money_row = |m: &mut Markup, label: &str, key: &str, value| {
        m.open("tr", &[]);
        m.header("row", "", label);
        m.money(&format!("risk-bridge-{key}"), value);
        m.close("tr");
    };
    money_row(m, &format!("Resultat {}", b.first), "first", b.first_result);
    for (label, key, part) in bridge_parts(report) {
        money_row(m, label, key, part);
    }
    money_row(m, &format!("Resultat {}", b.last), "last", b.last_result);
    money_row(m, "Förändring (summan av delarna)", "change", b.total());
    m.close("tbody").close("table");
}

fn table_region(m: &mut Markup, target: Target, label: &str, table: impl FnOnce(&mut Markup)) {
    match target {
        Target::Page => {
            m.open(
                "div",
                &[
                    ("class", "table-wrap"),
                    ("role", "region"),
                    ("tabindex", "0"),
                    ("aria-label", label),
                ],
            );
            table(m);
            m.close("div");
        }
        Target::Document => table(m),
    }
}

/// The words every copy starts with: the sentence and what it assumed.
fn lead(m: &mut Markup, report: &RiskReport, target: Target) {
    let figures: Vec<_> = report.years.iter().map(|y| y.risk.clone()).collect();
    let said = sentence(&figures, report.inputs.draws());
    m.element(
        "p",
        &[
            ("class", "risk-report__sentence"),
            ("data-testid", target.id("risk-sentence")),
        ],
        &said,
    );
    m.element(
        "p",
        &[("class", "risk-report__basis")],
        &assumptions(&report.inputs),
    );
}

/// The panel's results, with hooks and ids.
pub fn panel_html(report: &RiskReport) -> String {
    let t = Target::Page;
    let (first, last) = (report.first_year(), report.last_year());
    let mut m = Markup::new();
    m.open("div", &[("class", "risk-report")]);
    lead(&mut m, report, t);
    let fan = fan_chart(report);
    figure(
        &mut m,
        t,
        "risk-fan-title",
        &format!("Utgående eget kapital {first}–{last}: spridningen i dragningarna"),
        |m| {
            fan_svg(m, &fan);
            legend(
                m,
                &[
                    ("legend legend--band", "10:e–90:e percentilen"),
                    ("legend legend--median", "Median (punkter)"),
                    ("legend legend--own", "Scenariot (prickad)"),
                    ("legend legend--guideline", "Riktvärde (tak)"),
                    ("legend legend--zero", "Noll"),
                ],
            );
        },
    );
    table_region(&mut m, t, "Risken per år i tabellform", |m| {
        years_table(m, report, t)
    });
    m.element("p", &[("class", "field-hint")], &band_note(report));

    m.element(
        "h3",
        &[("class", "risk-report__title")],
        "Vad påverkar mest?",
    );
    for note in driver_notes(report) {
        m.element("p", &[("class", "risk-report__note")], &note);
    }
    let base = report
        .drivers
        .first()
        .map(|d| d.driver.base)
        .unwrap_or_default();
    figure(
        &mut m,
        t,
        "risk-tornado-title",
        &format!(
            "Utgående eget kapital {last} när ett beslut i taget flyttas ett steg ned eller upp"
        ),
        |m| {
            let reference = format!("Lodrät linje: scenariot, {}", kronor_kr(base));
            bar_svg(
                m,
                &tornado(report),
                &[
                    ("legend legend--down", "Ljus stapel: ett steg ned"),
                    ("legend legend--up", "Mörk stapel: ett steg upp"),
                    ("legend legend--zero", &reference),
                ],
            );
        },
    );
    table_region(&mut m, t, "Besluten i tabellform", |m| {
        drivers_table(m, report, t)
    });

    m.element(
        "h3",
        &[("class", "risk-report__title")],
        &format!("Resultatets förändring {first}–{last}"),
    );
    figure(
        &mut m,
        t,
        "risk-bridge-title",
        &format!("Från resultatet {first} till resultatet {last}, del för del"),
        |m| {
            bar_svg(
                m,
                &bridge_chart(report),
                &[
                    ("legend legend--up", "Resultatet"),
                    ("legend legend--part", "En del av förändringen"),
                    ("legend legend--zero", "Lodrät linje: 0 kr"),
                ],
            );
        },
    );
    table_region(&mut m, t, "Resultatets förändring i tabellform", |m| {
        bridge_table(m, report)
    });
    m.close("div");
    m.finish()
}

/// The decision document's risk section, written into `m` (a writer
/// without hooks): the sentence, the per-year table, the drivers and the
/// bridge.
pub fn document_section(m: &mut Markup, report: &RiskReport) {
    let t = Target::Document;
    m.element("h2", &[], "Hur säkert är det?");
    lead(m, report, t);
    years_table(m, report, t);
    m.element("p", &[("class", "doc__note")], &band_note(report));
    m.element("h3", &[], "Vad påverkar mest?");
    for note in driver_notes(report) {
        m.element("p", &[("class", "doc__note")], &note);
    }
    drivers_table(m, report, t);
    m.element(
        "h3",
        &[],
        &format!(
            "Resultatets förändring {}–{}",
            report.first_year(),
            report.last_year()
        ),
    );
    bridge_table(m, report);
}
