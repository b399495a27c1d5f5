//! The Excel workbook: its formulas recalculated by a real spreadsheet
//! engine (LibreOffice, headless, through tools/recalc.py) equal the
//! engine's figures to the krona, for the defaults and for a scenario with a
//! team override and a controlled individ share; and after the 2026 funding
//! level is changed in the sheet, the result follows the engine at that level.
#![cfg(not(target_arch = "wasm32"))]

use budgetsimulatorn::model::report::{budget_rows, Figure, RowKind};
use budgetsimulatorn::model::workbook::workbook;
use budgetsimulatorn::model::{fragment, project, Balancing, Dataset};
use rust_decimal::prelude::ToPrimitive;
use std::collections::BTreeMap;
use std::process::Command;

/// Recalculates `bytes` in LibreOffice after setting `sets`, and returns
/// the cells asked for.
fn recalc(bytes: &[u8], sets: &[&str], gets: &[String]) -> BTreeMap<String, serde_json::Value> {
    spreadsheet(bytes, sets, gets, true)
}

/// Opens `bytes` in LibreOffice, recalculating (after `sets`) or not, and
/// returns the cells asked for.
fn spreadsheet(
    bytes: &[u8],
    sets: &[&str],
    gets: &[String],
    recalculate: bool,
) -> BTreeMap<String, serde_json::Value> {
    let dir = std::env::temp_dir().join(format!("workbook-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let path = dir.join(format!("book-{n}.xlsx"));
    std::fs::write(&path, bytes).unwrap();
    let mut command = Command::new("/usr/bin/python3");
    command
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tools/recalc.py"))
        .arg(&path);
    if !recalculate {
        command.arg("--as-opened");
    }
    if !sets.is_empty() {
        command.arg("--set").args(sets);
    }
    command.arg("--get").args(gets);
    let out = command
        .output()
        .expect("python3 with LibreOffice's uno (.ci/setup --browser)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every figure of the Budget sheet against the engine's rows.
fn check(fragment_text: &str, sets: &[&str], expect_fragment: &str) {
    check_opened(fragment_text, sets, expect_fragment, true);
}

/// [`check`], recalculated or as a reader sees the file on opening it.
fn check_opened(fragment_text: &str, sets: &[&str], expect_fragment: &str, recalculate: bool) {
    let data = Dataset::sfv_default().unwrap();
    let (scenario, ignored) = fragment::parse(&data, fragment_text);
    assert!(ignored.is_empty());
    let bytes = workbook(&data, &scenario, &Default::default()).unwrap();
    let (expected_scenario, _) = fragment::parse(&data, expect_fragment);
    let rows = budget_rows(
        &data,
        &expected_scenario,
        &project(&data, &expected_scenario),
    );
    let mut gets = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        if row.kind == RowKind::Heading {
            continue;
        }
        for col in ["B", "C", "D", "E"] {
            gets.push(format!("Budget!{col}{}", i + 2));
        }
    }
    let got = spreadsheet(&bytes, sets, &gets, recalculate);
    for (i, row) in rows.iter().enumerate() {
        if row.kind == RowKind::Heading {
            continue;
        }
        for (c, col) in ["B", "C", "D", "E"].iter().enumerate() {
            let cell = format!("Budget!{col}{}", i + 2);
            let value = &got[&cell];
            match row.figures[c] {
                Figure::Kronor(v) => assert_eq!(value.as_f64(), v.to_f64(), "{cell} {}", row.label),
                Figure::Percent(Some(v)) | Figure::Level(Balancing::Reachable(v)) => {
                    let sheet = value.as_f64().unwrap_or(f64::NAN) * 100.0;
                    assert!(
                        (sheet - v.to_f64().unwrap()).abs() < 1e-6,
                        "{cell} {}: {sheet} vs {v}",
                        row.label
                    );
                }
                Figure::Percent(None) => assert_eq!(value.as_str(), Some(""), "{cell}"),
                Figure::Level(Balancing::NotReachable) => {
                    assert_eq!(value.as_str(), Some("nås inte"), "{cell}")
                }
            }
        }
    }
}

#[test]
fn the_default_workbook_recalculates_to_the_engines_figures() {
    check("", &[], "");
}

#[test]
fn the_figures_show_on_opening_before_any_recalculation() {
    // Each formula carries the simulator's value as its stored result.
    let fragment = "f2026=80&f2027=85&f2026.team_fns=90&s2027=70";
    check_opened(fragment, &[], fragment, false);
}

#[test]
fn a_funding_level_changed_in_the_sheet_gives_the_pages_figures_for_that_level() {
    // Antaganden!C2 is the 2026 funding level.
    check("", &["Antaganden!C2=0.75"], "f2026=75");
}

#[test]
fn overrides_and_a_controlled_share_recalculate_to_the_engines_figures() {
    check(
        "f2026=80&f2027=85&f2026.team_fns=90&s2027=70&growth=2&basis=budget",
        &[],
        "f2026=80&f2027=85&f2026.team_fns=90&s2027=70&growth=2&basis=budget",
    );
}

/// A sheet's XML from the workbook.
fn sheet_xml(bytes: &[u8], number: usize) -> String {
    part(bytes, &format!("xl/worksheets/sheet{number}.xml"))
}

/// A part of the workbook's zip.
fn part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn the_budget_sheet_holds_formulas_and_says_where_it_holds_values() {
    let data = Dataset::sfv_default().unwrap();
    let (scenario, _) = fragment::parse(&data, "s2027=70");
    let bytes = workbook(&data, &scenario, &Default::default()).unwrap();
    let budget = sheet_xml(&bytes, 2);
    // Styrelse (Data row 2): 2024 from the data, 2026 its full cost;
    // Samordningsteam Västerås (row 4): full cost × the team's level, rounded.
    assert!(budget.contains("<f>'Data'!E2</f>"));
    assert!(budget.contains("<f>'Beräkning'!C2</f>"));
    assert!(budget.contains("<f>ROUND('Beräkning'!C4*'Beräkning'!G4,0)</f>"));
    // The team level follows the common level unless the team has its own.
    let work = sheet_xml(&bytes, 5);
    assert!(work.contains("<f>IF('Antaganden'!C3=\"\",'Antaganden'!C2,'Antaganden'!C3)</f>"));
    assert!(work.contains("<f>ROUND('Data'!F2*(1+'Antaganden'!$B$"));
    // 2027 with a controlled share: its structural lines are values, and
    // the sheet names them (column E, the structural rows).
    let strings = part(&bytes, "xl/sharedStrings.xml");
    assert!(strings.contains("Värden, inte formler: E"), "{strings}");
    assert!(strings.contains("Finansieringsnivå för samordningsteamen"));
    assert!(strings.contains("Gula celler är antaganden"));
}

#[test]
fn a_comparison_gets_a_sheet_per_scenario_and_a_comparison_sheet() {
    use budgetsimulatorn::model::comparison::figures;
    use budgetsimulatorn::model::link;
    let data = Dataset::sfv_default().unwrap();
    let (page, _) = link::parse(
        &data,
        "cmp1=&cmp1.name=Nul%C3%A4ge&cmp2=f2026%3D80%26f2027%3D80&cmp2.name=Presidiets%20f%C3%B6rslag",
    );
    let bytes = workbook(&data, &page.scenario, &page.comparison).unwrap();
    let compared = figures(&data, &page.comparison, None);
    // Jämförelse: row 1 header; per year a heading and five rows. Columns:
    // B = scenario 1, C = scenario 2, D = its difference from the base.
    let mut gets = Vec::new();
    for yi in 0..3 {
        let first = 3 + yi * 6;
        for r in first..first + 3 {
            for c in ["B", "C", "D"] {
                gets.push(format!("Jämförelse!{c}{r}"));
            }
        }
    }
    let got = recalc(&bytes, &[], &gets);
    for (yi, _) in compared.columns[0].years.iter().enumerate() {
        let first = 3 + yi * 6;
        let base = &compared.columns[0].years[yi];
        let other = &compared.columns[1].years[yi];
        for (r, (a, b)) in [
            (base.result, other.result),
            (base.closing, other.closing),
            (base.topup, other.topup),
        ]
        .iter()
        .enumerate()
        {
            let row = first + r;
            assert_eq!(
                got[&format!("Jämförelse!B{row}")].as_f64(),
                a.to_f64(),
                "B{row}"
            );
            assert_eq!(
                got[&format!("Jämförelse!C{row}")].as_f64(),
                b.to_f64(),
                "C{row}"
            );
            assert_eq!(
                got[&format!("Jämförelse!D{row}")].as_f64(),
                (b - a).to_f64(),
                "D{row}"
            );
        }
    }
    // 2026: the presidium's proposal is 2 704 100 kr better than today.
    assert_eq!(got["Jämförelse!D9"].as_f64(), Some(2_704_100.0));
}
