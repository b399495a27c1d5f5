//! The risk report as HTML text: on the page, the panel's results (the
//! sentence, the fan chart with its per-year table, the tornado and the
//! bridge, each chart with its table twin and test hooks); in the decision
//! document, the same words and the tables without hooks, ids or charts,
//! kept short (the document has a page budget): the per-year table, the
//! largest drivers and the bridge in one sentence.

use crate::export::format::kronor_kr;
use crate::export::markup::Markup;
use crate::export::risk::bars::{bridge_chart, tornado};
use crate::export::risk::fan::fan_chart;
use crate::export::risk::svg::{bar_svg, fan_svg, figure, legend};
use crate::export::risk::tables::{bridge_table, drivers_table, table_region, years_table, Target};
use crate::export::risk::words::{
    assumptions, band_note, bridge_basis_note, bridge_words, driver_notes, drivers_left_out,
    sentence,
};
use crate::export::risk::RiskReport;

/// The words every copy starts with: the sentence and what it assumed.
fn lead(m: &mut Markup, report: &RiskReport, target: Target) {
    let figures: Vec<_> = report.years.iter().map(|y| y.risk.clone()).collect();
    let said = sentence(&figures, report.inputs.draws());
    match target {
        Target::Page => {
            m.element(
                "p",
                &[
                    ("class", "risk-report__sentence"),
                    ("data-testid", "risk-sentence"),
                ],
                &said,
            );
            m.element(
                "p",
                &[("class", "risk-report__basis")],
                &assumptions(&report.inputs, report.growth.as_deref()),
            );
        }
        // On paper in the document's own type: the sentence in bold, what
        // it assumed after it.
        Target::Document => {
            m.open("p", &[]);
            m.element("strong", &[], &said);
            m.text(" ")
                .text(&assumptions(&report.inputs, report.growth.as_deref()));
            m.close("p");
        }
    }
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
    for note in driver_notes(report, false) {
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
        drivers_table(m, report, t, usize::MAX)
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
    if let Some(note) = bridge_basis_note(report) {
        m.element("p", &[("class", "field-hint")], &note);
    }
    table_region(&mut m, t, "Resultatets förändring i tabellform", |m| {
        bridge_table(m, report)
    });
    m.close("div");
    m.finish()
}

/// The most drivers a printed document lists; the rest are summed up in a
/// sentence (a ten-year period has twelve).
pub const PRINTED_DRIVERS: usize = 6;

/// The decision document's risk section, written into `m` (a writer
/// without hooks): the sentence, the per-year table, the largest drivers
/// and the bridge in words.
pub fn document_section(m: &mut Markup, report: &RiskReport) {
    let t = Target::Document;
    m.element("h2", &[], "Hur säkert är det?");
    lead(m, report, t);
    years_table(m, report, t);
    m.element("p", &[("class", "doc__note")], &band_note(report));
    m.element("h3", &[], "Vad påverkar mest?");
    for note in driver_notes(report, true) {
        m.element("p", &[("class", "doc__note")], &note);
    }
    drivers_table(m, report, t, PRINTED_DRIVERS);
    if let Some(rest) = drivers_left_out(report, PRINTED_DRIVERS) {
        m.element("p", &[("class", "doc__note")], &rest);
    }
    m.element(
        "h3",
        &[],
        &format!(
            "Resultatets förändring {}–{}",
            report.first_year(),
            report.last_year()
        ),
    );
    m.element("p", &[("class", "doc__note")], &bridge_words(report));
    if let Some(note) = bridge_basis_note(report) {
        m.element("p", &[("class", "doc__note")], &note);
    }
}
