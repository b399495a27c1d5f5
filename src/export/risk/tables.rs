//! The risk report's tables: per year (the fan chart's twin, with the
//! band's marks), the drivers (the tornado's twin) and the bridge. On the
//! page they carry the test hooks (`risk-negative-<y>`, `risk-p10-<y>`, …);
//! in a printed copy neither hooks nor ids.

use crate::export::format::{difference_kr, kronor_kr, metric_kronor};
use crate::export::markup::Markup;
use crate::export::risk::bars::bridge_parts;
use crate::export::risk::words::{driver_key, driver_words};
use crate::export::risk::RiskReport;

/// Ids and hooks on the page; neither in a printed copy.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    Page,
    Document,
}

impl Target {
    pub(super) fn id(self, id: &'static str) -> &'static str {
        match self {
            Target::Page => id,
            Target::Document => "",
        }
    }
}

/// The per-year table: the fan chart's twin, with the band's marks.
pub(super) fn years_table(m: &mut Markup, report: &RiskReport, target: Target) {
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

/// The drivers table, its first `limit` rows (largest effect first).
pub(super) fn drivers_table(m: &mut Markup, report: &RiskReport, target: Target, limit: usize) {
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
    for row in report.drivers.iter().take(limit) {
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

pub(super) fn bridge_table(m: &mut Markup, report: &RiskReport) {
    let b = &report.bridge;
    m.open(
        "table",
        &[("class", "budget risk-table risk-table--bridge")],
    );
    m.element(
        "caption",
        &[],
        &format!(
            "Resultatets förändring från {} till {}, del för del som påverkan på resultatet (en kostnad som ökar ger ett minus); delarna summerar exakt till skillnaden.",
            b.first, b.last
        ),
    );
    m.open("thead", &[]).open("tr", &[]);
    m.header("col", "", "Del");
    m.header("col", "num", "Påverkan på resultatet");
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

pub(super) fn table_region(
    m: &mut Markup,
    target: Target,
    label: &str,
    table: impl FnOnce(&mut Markup),
) {
    match target {
        Target::Page => {
            m.scroll_frame(label);
            table(m);
            m.close("div");
        }
        Target::Document => table(m),
    }
}
