//! "Hur säkert är det?" as words, charts and tables (`export::risk`) and as
//! the worker answers it (`offload::risk`): the sentence for known figures,
//! the band's marks, the tornado's words and order, the geometry's honesty
//! (fan chart, tornado, bridge), the panel's hooks, the chunked run equal to
//! one whole run, the decision document's risk section and the board's
//! reasons in the workbook. Figures are SFV's presidium proposal to 2030
//! with 2,5 % growth ± 1,5 (the issue's "done when").
#![cfg(not(target_arch = "wasm32"))]

use budgetsimulatorn::core::plan::plan;
use budgetsimulatorn::core::risk::{simulate, DriverKind, RiskInputs, YearRisk};
use budgetsimulatorn::core::{Dataset, Scenario, Year};
use budgetsimulatorn::export::document::{decision_document_with_risk, DocumentRequest};
use budgetsimulatorn::export::risk::bars::{bridge_chart, tornado};
use budgetsimulatorn::export::risk::fan::fan_chart;
use budgetsimulatorn::export::risk::html::panel_html;
use budgetsimulatorn::export::risk::words::{
    assumptions, bridge_basis_note, bridge_words, driver_notes, driver_words, drivers_left_out,
    sentence, share_words,
};
use budgetsimulatorn::export::risk::{report, Band, RiskReport};
use budgetsimulatorn::export::xlsx::{workbook, WorkbookRequest};
use budgetsimulatorn::offload::protocol::{DocumentJob, Request, Response};
use budgetsimulatorn::offload::risk::{PackedDraws, RiskDrawsJob, RiskReportJob};
use budgetsimulatorn::offload::{handle, risk::run_report};
use budgetsimulatorn::state::builtin::sfv;
use budgetsimulatorn::state::fragment;
use budgetsimulatorn::state::link;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::io::Read;

const PRESIDIUM: &str = "f2026=80&f2027=80&till=2030&growth=2.5";
const PAGE: &str = "f2026=80&f2027=80&till=2030&growth=2.5&risk.growth=1.5";

fn scenario(data: &Dataset, text: &str) -> Scenario {
    let (s, ignored) = fragment::parse(data, text);
    assert!(ignored.is_empty(), "{ignored:?}");
    s
}

fn year_risk(year: Year, negative: Decimal) -> YearRisk {
    YearRisk {
        year,
        negative_percent: negative,
        p10: dec!(-1),
        p50: dec!(0),
        p90: dec!(1),
    }
}

fn presidium() -> (Dataset, Scenario, RiskReport) {
    let data = sfv();
    let s = scenario(&data, PRESIDIUM);
    let inputs = RiskInputs::new(dec!(1.5), dec!(1), 10_000, 1).unwrap();
    let figures = simulate(&data, &plan(&data, &s), &inputs);
    let r = report(&data, &s, inputs, Decimal::ZERO, figures);
    (data, s, r)
}

// ------------------------------------------------------------ words

#[test]
fn the_sentence_names_the_riskiest_year_and_says_only_what_the_draws_show() {
    let years = |shares: &[Decimal]| -> Vec<YearRisk> {
        shares
            .iter()
            .enumerate()
            .map(|(i, &p)| year_risk(2025 + i as Year, p))
            .collect()
    };
    assert_eq!(
        sentence(&years(&[dec!(0), dec!(0), dec!(23.04), dec!(12)]), 10_000),
        "Med dessa antaganden är risken 23,0\u{a0}% att det egna kapitalet är negativt 2027."
    );
    // The risk starts before its worst year: both are said.
    assert_eq!(
        sentence(&years(&[dec!(0), dec!(0.48), dec!(53.74)]), 10_000),
        "Med dessa antaganden är risken 53,7\u{a0}% att det egna kapitalet är negativt 2027. Risken finns från 2026 (0,5\u{a0}%)."
    );
    // Equal shares: the earlier year.
    assert_eq!(
        sentence(&years(&[dec!(0), dec!(40), dec!(40)]), 10_000),
        "Med dessa antaganden är risken 40,0\u{a0}% att det egna kapitalet är negativt 2026."
    );
    assert_eq!(
        sentence(&years(&[dec!(0), dec!(0), dec!(0)]), 10_000),
        "Med dessa antaganden blev det egna kapitalet inte negativt något år 2025–2027 i någon av de 10\u{a0}000 dragningarna."
    );
    assert_eq!(
        sentence(&years(&[dec!(0), dec!(77.4), dec!(100)]), 10_000),
        "Med dessa antaganden är det egna kapitalet negativt 2027 i alla 10\u{a0}000 dragningar. Risken finns från 2026 (77,4\u{a0}%)."
    );
    assert_eq!(
        sentence(&years(&[dec!(0), dec!(0), dec!(100)]), 10_000),
        "Med dessa antaganden är det egna kapitalet negativt 2027 i alla 10\u{a0}000 dragningar."
    );
    // A share that would round to 0,0 % or 100,0 % is not said as either.
    assert_eq!(share_words(dec!(0.001)), "under 0,1\u{a0}%");
    assert_eq!(share_words(dec!(0.05)), "0,1\u{a0}%");
    assert_eq!(share_words(dec!(99.99)), "över 99,9\u{a0}%");
    assert_eq!(share_words(dec!(100)), "100,0\u{a0}%");
}

#[test]
fn the_band_marks_under_the_floor_first_and_over_the_ceiling() {
    let (floor, ceiling) = (dec!(0), dec!(3791600));
    assert_eq!(Band::of(dec!(-1), floor, ceiling), Band::Under);
    assert_eq!(Band::of(dec!(0), floor, ceiling), Band::Inom);
    assert_eq!(Band::of(ceiling, floor, ceiling), Band::Inom);
    assert_eq!(Band::of(ceiling + Decimal::ONE, floor, ceiling), Band::Over);
    // An empty band (floor above the ceiling): under it, never both.
    assert_eq!(Band::of(dec!(10), dec!(20), dec!(5)), Band::Under);
    let words: Vec<&str> = [Band::Under, Band::Inom, Band::Over]
        .iter()
        .map(|b| b.word())
        .collect();
    assert_eq!(words, ["under", "inom", "över"]);
}

#[test]
fn the_presidium_to_2030_gives_the_helpers_figures_and_marks_the_median() {
    let (_, _, r) = presidium();
    let y2028 = &r.years[3];
    assert_eq!(y2028.risk.year, 2028);
    assert_eq!(
        (
            y2028.risk.negative_percent,
            y2028.risk.p10,
            y2028.risk.p50,
            y2028.risk.p90
        ),
        (dec!(0.48), dec!(571165), dec!(1150928), dec!(1726285))
    );
    assert_eq!(y2028.own, dec!(1146991));
    let marks: Vec<Band> = r.years.iter().map(|y| y.band).collect();
    assert_eq!(
        marks,
        [
            Band::Inom,
            Band::Inom,
            Band::Inom,
            Band::Inom,
            Band::Under,
            Band::Under
        ]
    );
    let figures: Vec<YearRisk> = r.years.iter().map(|y| y.risk.clone()).collect();
    assert_eq!(
        sentence(&figures, 10_000),
        "Med dessa antaganden är risken 97,9\u{a0}% att det egna kapitalet är negativt 2030. Risken finns från 2028 (0,5\u{a0}%)."
    );
}

#[test]
fn decisions_of_the_same_size_share_the_first_place_in_the_sentence() {
    // 80 % in 2026 and 2027 with no cost growth: one level step is 5 % of
    // the same team costs in either year, so the two bars are equally long
    // (each moves closing equity 2027 by the same kronor) and the sentence
    // names both, not whichever the listing put first.
    let data = sfv();
    let s = scenario(&data, "f2026=80&f2027=80");
    let inputs = RiskInputs::new(dec!(1.5), dec!(1), 1_000, 1).unwrap();
    let figures = simulate(&data, &plan(&data, &s), &inputs);
    let r = report(&data, &s, inputs, Decimal::ZERO, figures);
    let size = |kind| {
        r.drivers
            .iter()
            .find(|d| d.driver.kind == kind)
            .unwrap()
            .driver
            .size()
    };
    assert_eq!(
        size(DriverKind::Funding(2026)),
        size(DriverKind::Funding(2027))
    );
    assert_eq!(
        driver_notes(&r, false)[0],
        "Störst effekt på det egna kapitalet 2027, lika stor, har finansieringsnivå 2026 ±5 procentenheter och finansieringsnivå 2027 ±5 procentenheter."
    );
}

#[test]
fn the_tornado_speaks_of_each_decision_and_labels_carried_and_decided_years() {
    let (_, _, r) = presidium();
    let words: Vec<String> = r.drivers.iter().map(driver_words).collect();
    assert_eq!(
        words,
        [
            "Kostnadsökning ±1 procentenhet",
            // 2027's level carries to 2028–2030 (they set none), so its bar
            // moves four years, 2028's three, 2029's two and 2030's one.
            "Finansieringsnivå 2027 ±5 procentenheter",
            "Finansieringsnivå 2028 (överfört) ±5 procentenheter",
            "Finansieringsnivå 2029 (överfört) ±5 procentenheter",
            "Medel ±1\u{a0}%",
            "Finansieringsnivå 2030 (överfört) ±5 procentenheter",
            "Finansieringsnivå 2026 ±5 procentenheter",
            // 2025 is the data set's first plan year, decided already.
            "Finansieringsnivå 2025 (beslutat) ±5 procentenheter",
        ]
    );
    // The order is the size of the effect, largest first.
    let sizes: Vec<Decimal> = r.drivers.iter().map(|d| d.driver.size()).collect();
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{sizes:?}");
    // No share is steered: no share bar, and the page says why.
    assert!(!r.share_steered);
    let notes = driver_notes(&r, false);
    assert_eq!(
        notes[0],
        "Störst effekt på det egna kapitalet 2030 har kostnadsökning ±1 procentenhet."
    );
    assert!(notes[1].starts_with("Andel individinsatser har ingen stapel"));
    assert!(
        notes[2].starts_with("Överfört: året ligger efter dataunderlagets planperiod (till 2027)")
    );
    // On paper: the six largest, the rest in a sentence, no advice on boxes to tick.
    assert!(!driver_notes(&r, true)[1].contains("Kryssa i"));
    assert_eq!(
        drivers_left_out(&r, 6).unwrap().replace('\u{a0}', " "),
        "Ytterligare 2 beslut ändrar eget kapital 2030 med högst 692 928 kr vardera; alla står på sidan under ”Hur säkert är det?”."
    );
    // One left out: no "högst … vardera"; its size is the eighth's, the smaller of the two.
    let last = r.drivers[7].driver.size();
    assert_eq!(
        drivers_left_out(&r, 7).unwrap(),
        format!(
            "Ytterligare ett beslut ändrar eget kapital 2030 med {}; det står på sidan under ”Hur säkert är det?”.",
            budgetsimulatorn::export::format::kronor_kr(last)
        )
    );
    assert_eq!(drivers_left_out(&r, 8), None);

    // With a share for 2027, its bars come (2028–2030 carry it), and a
    // share set by the scenario itself for 2029 is not carried.
    let data = sfv();
    let s = scenario(
        &data,
        "f2026=80&f2027=80&s2027=70&s2029=65&till=2030&growth=2.5",
    );
    let steered = report(&data, &s, RiskInputs::default(), Decimal::ZERO, Vec::new());
    let share = |y| {
        steered
            .drivers
            .iter()
            .find(|d| d.driver.kind == DriverKind::Share(y))
            .map(driver_words)
    };
    assert_eq!(
        share(2027).as_deref(),
        Some("Andel individinsatser 2027 ±5 procentenheter")
    );
    assert_eq!(
        share(2028).as_deref(),
        Some("Andel individinsatser 2028 (överfört) ±5 procentenheter")
    );
    assert_eq!(
        share(2029).as_deref(),
        Some("Andel individinsatser 2029 ±5 procentenheter")
    );
    assert_eq!(share(2026), None, "no share in 2026");
}

// ------------------------------------------------------------ geometry

#[test]
fn the_fan_chart_draws_every_figure_on_one_honest_scale() {
    let (_, _, r) = presidium();
    let chart = fan_chart(&r);
    let f = &chart.frame;
    // Zero is inside the scale, and every tick is a whole step.
    let values: Vec<Decimal> = f.ticks.iter().map(|t| t.value).collect();
    assert_eq!(
        values,
        [
            dec!(-4000000),
            dec!(-2000000),
            dec!(0),
            dec!(2000000),
            dec!(4000000)
        ]
    );
    let zero = f.ticks.iter().find(|t| t.value.is_zero()).unwrap();
    assert!((zero.y - f.zero_y).abs() < 1e-9);
    // One scale: pixels per krona are the same for every figure of every year.
    let (top, bottom) = (&f.ticks[4], &f.ticks[0]);
    let per_krona = (bottom.y - top.y) / 8_000_000.0;
    let y_of = |v: Decimal| f.zero_y - v.to_string().parse::<f64>().unwrap() * per_krona;
    for (y, drawn) in r.years.iter().zip(&chart.years) {
        for (value, at) in [
            (y.risk.p10, drawn.p10),
            (y.risk.p50, drawn.p50),
            (y.risk.p90, drawn.p90),
            (y.own, drawn.own),
            (y.guideline, drawn.guideline),
        ] {
            assert!((y_of(value) - at).abs() < 1e-6, "{} {value}", y.risk.year);
        }
        assert!(
            drawn.p90 <= drawn.p50 && drawn.p50 <= drawn.p10,
            "the band holds the median"
        );
    }
    // 2025 is not drawn (its costs and revenue are the data set's): the band has no width there.
    assert!((chart.years[0].p10 - chart.years[0].p90).abs() < 1e-9);
    assert_eq!(chart.band.split(' ').count(), 2 * r.years.len());
    assert_eq!(chart.floor_y, None, "a zero floor is the zero line");
    // Six years in the base width; ten get room for their labels.
    assert_eq!(f.width, 600.0);
    let data = sfv();
    let long = scenario(&data, "f2026=80&f2027=80&till=2034");
    let ten = report(
        &data,
        &long,
        RiskInputs::default(),
        dec!(-500000),
        simulate(
            &data,
            &plan(&data, &long),
            &RiskInputs::new(dec!(1), dec!(1), 1_000, 1).unwrap(),
        ),
    );
    let chart = fan_chart(&ten);
    let xs: Vec<f64> = chart.years.iter().map(|y| y.x).collect();
    assert_eq!(xs.len(), 10);
    // 96 px of margins + 10 × 72 = 816 px: 72 px a year for its label.
    assert!(xs.windows(2).all(|w| w[1] - w[0] >= 72.0 - 1e-9), "{xs:?}");
    assert!(chart.floor_y.is_some());
}

#[test]
fn tornado_bars_are_as_long_as_their_effects_and_a_cut_off_step_has_none() {
    let (_, _, r) = presidium();
    let chart = tornado(&r);
    assert_eq!(chart.rows.len(), r.drivers.len());
    let mut per_krona = Vec::new();
    for (row, d) in chart.rows.iter().zip(&r.drivers) {
        for s in &row.segments {
            let value = if s.class == "down" {
                d.driver.down
            } else {
                d.driver.up
            };
            let effect = (value - d.driver.base)
                .abs()
                .to_string()
                .parse::<f64>()
                .unwrap();
            per_krona.push(s.width / effect);
            // Every bar starts at the scenario's line.
            assert!(
                (s.x - chart.reference_x).abs() < 1e-6
                    || (s.x + s.width - chart.reference_x).abs() < 1e-6
            );
        }
        assert!(row.label_y < row.bar_y, "the words above the bar");
    }
    assert!(
        per_krona.windows(2).all(|w| (w[0] - w[1]).abs() < 1e-9),
        "{per_krona:?}"
    );
    // 2025's level is 100 %: a step up is cut off and draws nothing.
    let last = chart.rows.last().unwrap();
    assert_eq!(last.key, "funding-2025");
    assert_eq!(last.segments.len(), 1);
    assert_eq!(last.segments[0].text, "+622,5\u{a0}tkr");
    assert_eq!(chart.rows[0].segments[1].text, "\u{2212}3\u{a0}Mkr");
}

#[test]
fn the_bridge_sums_exactly_and_its_steps_meet_the_last_result() {
    let (_, _, r) = presidium();
    let b = &r.bridge;
    assert_eq!(b.total(), b.last_result - b.first_result);
    assert_eq!(
        (
            b.first_result,
            b.revenue,
            b.admin,
            b.teams,
            b.other_individ,
            b.structural,
            b.last_result
        ),
        (
            dec!(-9073),
            dec!(0),
            dec!(-675485),
            dec!(212236),
            dec!(-103748),
            dec!(-1150925),
            dec!(-1726995)
        )
    );
    assert_eq!(
        bridge_words(&r).replace('\u{a0}', " "),
        "Resultatet går från −9 073 kr 2025 till −1 726 995 kr 2030 (−1 717 922 kr), del för del som påverkan på resultatet (en kostnad som ökar ger ett minus): \
         medel från huvudmännen 0 kr, administration −675 485 kr, teamen (förbundets kostnad) +212 236 kr, \
         övriga individinsatser −103 748 kr, strukturella insatser −1 150 925 kr."
    );
    let chart = bridge_chart(&r);
    let keys: Vec<&str> = chart.rows.iter().map(|row| row.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "result-2025",
            "revenue",
            "admin",
            "teams",
            "other-individ",
            "structural",
            "result-2030"
        ]
    );
    // Each step starts where the one before ended; the last ends on the result.
    let end = |row: &budgetsimulatorn::export::risk::bars::Row, rightwards: bool| {
        let s = &row.segments[0];
        if rightwards {
            s.x + s.width
        } else {
            s.x
        }
    };
    let first = &chart.rows[0].segments[0];
    let mut at = first.x; // the first result is negative: it ends on its left
    for (row, part) in
        chart.rows[1..6]
            .iter()
            .zip([b.revenue, b.admin, b.teams, b.other_individ, b.structural])
    {
        let s = &row.segments[0];
        let start = if part >= Decimal::ZERO {
            s.x
        } else {
            s.x + s.width
        };
        assert!((start - at).abs() < 1e-6, "{}", row.key);
        at = end(row, part >= Decimal::ZERO);
    }
    assert!(
        (chart.rows[6].segments[0].x - at).abs() < 1e-6,
        "the steps reach the last result"
    );
    assert!(
        (chart.reference_x - (first.x + first.width)).abs() < 1e-6,
        "results start at zero"
    );
}

// ------------------------------------------------------------ HTML and the worker

#[test]
fn the_panel_carries_the_hooks_and_the_document_none() {
    let (data, s, r) = presidium();
    let html = panel_html(&r);
    for hook in [
        r#"data-metric="risk-negative-2028" data-value="0.5""#,
        r#"data-metric="risk-p10-2028" data-value="571165""#,
        r#"data-metric="risk-p50-2028" data-value="1150928""#,
        r#"data-metric="risk-p90-2028" data-value="1726285""#,
        r#"data-metric="risk-negative-2030" data-value="97.9""#,
        r#"data-metric="risk-band-2029" data-value="under""#,
        // 5 pp of the teams' cost in 2027–2030 (the later years carry
        // 2027's level): about 710 249 × (1 + 1,025 + 1,025² + 1,025³)
        // = 2 949 300, each year's and team's rounding apart (the bar
        // itself is checked against `Scenario::set` in core_risk.rs).
        r#"data-metric="risk-driver-funding-2027-down" data-value="2949315""#,
        r#"data-metric="risk-bridge-change" data-value="-1717922""#,
    ] {
        assert!(html.contains(hook), "{hook}");
    }
    assert!(html.contains(r#"<svg class="chart__svg risk-fan__svg""#));
    assert!(
        html.contains(r#"aria-hidden="true""#),
        "the charts are hidden behind their tables"
    );
    let request = DocumentRequest {
        data: &data,
        scenario: &s,
        motivation: "Teamen behålls med medlemmarnas hjälp.",
        comparison: Vec::new(),
        name: None,
        printed: "2026-12-01",
        link: "https://example.org/#x",
    };
    let doc = decision_document_with_risk(&request, Some(&r));
    assert!(doc.contains("<h2>Hur säkert är det?</h2>"));
    assert!(doc.contains(
        "Med dessa antaganden är risken 97,9\u{a0}% att det egna kapitalet är negativt 2030."
    ));
    assert!(doc.contains("Kostnadsökning ±1 procentenhet"));
    assert!(doc.contains("Resultatets förändring 2025–2030"));
    assert!(doc.contains("Teamen behålls med medlemmarnas hjälp."));
    let section = &doc[doc.find("Hur säkert är det?").unwrap()..];
    assert!(
        !section.contains("data-metric") && !section.contains(" id="),
        "no hooks or ids on paper"
    );
}

#[test]
fn a_run_in_chunks_through_the_worker_is_the_whole_run() {
    let data = sfv();
    let draws_of = |start, end| match handle(&Request::RiskDraws(RiskDrawsJob {
        data: data.clone(),
        page: PAGE.to_owned(),
        start,
        end,
    })) {
        Response::Draws(chunk) => chunk,
        other => panic!("{other:?}"),
    };
    // In any order, and the last chunk cut to the link's number of draws.
    let mut chunks: Vec<PackedDraws> = (0..10)
        .rev()
        .map(|c| draws_of(c * 1_000, c * 1_000 + 1_000))
        .collect();
    assert_eq!(chunks[0].unpack().unwrap().len(), 1_000);
    assert_eq!(
        draws_of(9_500, 12_000).unpack().unwrap().range(),
        9_500..10_000
    );
    let answer = handle(&Request::RiskReport(RiskReportJob {
        data: data.clone(),
        page: PAGE.to_owned(),
        chunks: chunks.clone(),
    }));
    let (page, _) = link::parse(&data, PAGE);
    let whole = panel_html(&run_report(&data, &page));
    assert_eq!(answer, Response::Html(whole));
    // A run with a chunk missing is refused, in Swedish.
    chunks.pop();
    let refused = handle(&Request::RiskReport(RiskReportJob {
        data,
        page: PAGE.to_owned(),
        chunks,
    }));
    assert!(matches!(refused, Response::Failed(why) if why.contains("beräkningen görs om")));
    // Bytes that are not whole numbers are refused, not guessed at.
    let broken = PackedDraws {
        start: 0,
        years: 6,
        closings: vec![1, 2, 3],
    };
    assert_eq!(broken.unpack(), None);
}

#[test]
fn the_printed_document_carries_the_risk_of_its_link() {
    let data = sfv();
    let job = DocumentJob {
        data: data.clone(),
        page: format!("{PAGE}&why=Vi%20beh%C3%A5ller%20teamen."),
        name: None,
        printed: "2026-12-01".into(),
        url: "https://example.org/".into(),
    };
    let Response::Html(doc) = handle(&Request::Document(job)) else {
        panic!("a document")
    };
    assert!(doc.contains("Beräknat med 10\u{a0}000 dragningar: kostnadsökningen ±1,5 procentenheter och medlen ±1,0\u{a0}% kring scenariots värden, slumpfrö 1."));
    // What the draws vary around: SFV gives costs for 2025 only, so
    // 2026–2030 grow by the link's 2,5 %.
    assert!(doc.contains(
        "Scenariots kostnadsökning, som dragningarna varierar kring: 2026–30: 2,5\u{a0}% per år."
    ));
    assert!(doc.contains(">0,5\u{a0}%<"), "2028's risk in the table");
    assert!(doc.contains("Vi behåller teamen."));
}

#[test]
fn the_boards_reasons_are_written_to_the_workbooks_assumptions() {
    let data = sfv();
    let s = scenario(&data, "f2026=80&f2027=80");
    let bytes = workbook(&WorkbookRequest {
        data: &data,
        scenario: &s,
        motivation: "Teamen behålls; kommunerna skjuter till & följer upp.",
        comparison: Vec::new(),
    })
    .unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        if file.name().ends_with(".xml") {
            file.read_to_string(&mut text).unwrap();
        }
    }
    assert!(text.contains("Motivering"));
    assert!(text.contains("Teamen behålls; kommunerna skjuter till &amp; följer upp."));
}

#[test]
fn the_bridge_says_when_its_first_year_is_the_prognosis() {
    // SFV's 2025 is the interim report's prognosis (Västerås' team 1 Mkr
    // under budget), the later years grow from budget 2025: said beside
    // the bridge, on the page and on paper.
    let (data, _, r) = presidium();
    assert_eq!(
        bridge_basis_note(&r).as_deref(),
        Some("2025 är prognosen i delårsrapporten, medan de senare åren räknas från budgeten 2025 med teamens fulla kostnad: det som prognosen avviker från budgeten ingår i förändringen.")
    );
    assert!(panel_html(&r).contains("2025 är prognosen i delårsrapporten"));
    // On the budget basis there is nothing to explain.
    let s = scenario(&data, &format!("{PRESIDIUM}&basis=budget"));
    let figures = simulate(&data, &plan(&data, &s), &r.inputs);
    let on_budget = report(&data, &s, r.inputs, Decimal::ZERO, figures);
    assert_eq!(bridge_basis_note(&on_budget), None);
}

#[test]
fn the_assumptions_say_what_growth_the_draws_vary_around() {
    let inputs = RiskInputs::default();
    assert_eq!(
        assumptions(&inputs, Some("2026–30: 0\u{a0}% per år")),
        "Beräknat med 10\u{a0}000 dragningar: kostnadsökningen ±1,0 procentenheter och medlen ±1,0\u{a0}% kring scenariots värden, slumpfrö 1. Scenariots kostnadsökning, som dragningarna varierar kring: 2026–30: 0\u{a0}% per år."
    );
    // Every year with costs in the data set: the growth moves nothing.
    assert!(assumptions(&inputs, None)
        .ends_with(" Kostnadsökningen flyttar inget år: alla år har kostnader i dataunderlaget."));
}
