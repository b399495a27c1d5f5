//! The Excel workbook (`export::xlsx`): recalculated by a real spreadsheet
//! engine (LibreOffice, started once for the whole run, see
//! `tests/support`), every Budget figure equals the engine's to the krona,
//! for the defaults, steered scenarios, long plan periods, a comparison, and
//! scenarios built so that many roundings meet an exact half krona (where
//! binary floating point used to round the wrong way); as opened, without
//! recalculation, the stored results are the engine's; and the formula text
//! never rounds a product with a fractional percentage.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use budgetsimulatorn::core::compare::{compare, projections};
use budgetsimulatorn::core::money::kr;
use budgetsimulatorn::core::{project, Balancing, ColumnKind, Dataset, Scenario};
use budgetsimulatorn::export::table::{budget_table, BudgetTable, Figure, RowKind};
use budgetsimulatorn::export::xlsx::{workbook, ComparedScenario, WorkbookRequest};
use budgetsimulatorn::state::builtin::sfv;
use budgetsimulatorn::state::fragment;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::utility::row_col_to_cell;
use support::xml::{cells_of, is_tenths_idiom, percent_styles, references, round_arguments, Xlsx};
use support::{evaluate, Cells, Job};

fn scenario(data: &Dataset, text: &str) -> Scenario {
    let (scenario, ignored) = fragment::parse(data, text);
    assert!(ignored.is_empty(), "{text}: {ignored:?}");
    scenario
}

fn book(data: &Dataset, scenario: &Scenario) -> Vec<u8> {
    workbook(&WorkbookRequest {
        data,
        scenario,
        motivation: "",
        comparison: Vec::new(),
    })
    .unwrap()
}

/// Every figure cell of a Budget sheet with the engine's figure: the
/// table's row r is sheet row r + 2, its column j sheet column j + 1.
fn budget_cells(sheet: &str, table: &BudgetTable) -> Vec<(String, Figure, String)> {
    let mut cells = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        if row.spec.kind == RowKind::Heading {
            continue;
        }
        for (j, figure) in row.figures.iter().enumerate() {
            let cell = format!("{sheet}!{}", row_col_to_cell(1 + r as u32, 1 + j as u16));
            cells.push((cell, *figure, row.spec.full_label()));
        }
    }
    cells
}

fn refs(cells: &[(String, Figure, String)]) -> Vec<String> {
    cells.iter().map(|(c, _, _)| c.clone()).collect()
}

/// A sheet's value against an engine figure: kronor exactly, shares and
/// levels (fractions on the sheet) to 1e-6 of a percent.
fn assert_figure(got: &Cells, cell: &str, figure: Figure, what: &str) {
    let value = &got[cell];
    match figure {
        Figure::Kronor(v) | Figure::Topup { amount: v, .. } => {
            assert_eq!(value.as_f64(), v.to_f64(), "{cell} {what}: {value} vs {v}")
        }
        Figure::Percent(Some(v)) | Figure::Level(Balancing::Reachable(v)) => {
            let sheet = value.as_f64().unwrap_or(f64::NAN) * 100.0;
            let engine = v.to_f64().unwrap();
            assert!(
                (sheet - engine).abs() < 1e-6,
                "{cell} {what}: {sheet} vs {engine}"
            );
        }
        Figure::Percent(None) => assert_eq!(value.as_str(), Some(""), "{cell} {what}"),
        Figure::Level(Balancing::NotReachable) => {
            assert_eq!(value.as_str(), Some("nås inte"), "{cell} {what}")
        }
        Figure::Blank => {}
    }
}

fn assert_figures(got: &Cells, cells: &[(String, Figure, String)]) {
    for (cell, figure, what) in cells {
        assert_figure(got, cell, *figure, what);
    }
}

/// The engine's Budget table of a scenario.
fn table(data: &Dataset, scenario: &Scenario) -> BudgetTable {
    budget_table(data, scenario, &project(data, scenario))
}

/// A workbook to open, recalculated after `sets` or as opened, reading the
/// cells of `cells`.
fn job<'a>(
    bytes: &'a [u8],
    as_opened: bool,
    sets: &[&str],
    cells: &[(String, Figure, String)],
) -> Job<'a> {
    Job {
        bytes,
        as_opened,
        sets: sets.iter().map(|s| s.to_string()).collect(),
        gets: refs(cells),
    }
}

#[test]
fn the_defaults_recalculate_to_the_engine_and_the_members_sums_follow() {
    let data = sfv();
    let s = scenario(&data, "");
    let bytes = book(&data, &s);
    let cells = budget_cells("Budget", &table(&data, &s));
    // Medlemmar: the sums row (after the 12 members), per plan year "Totalt"
    // (columns C.. after A names and B the reference year: 4 per year).
    let members =
        budgetsimulatorn::core::members::members_table(&data, &s, &project(&data, &s)).unwrap();
    let sums_row = 1 + members.members.len() as u32;
    let totals: Vec<(String, Decimal)> = members
        .totals
        .years
        .iter()
        .enumerate()
        .map(|(i, y)| {
            (
                format!(
                    "Medlemmar!{}",
                    row_col_to_cell(sums_row, 2 + 4 * i as u16 + 2)
                ),
                y.total,
            )
        })
        .collect();
    let mut j = job(&bytes, false, &[], &cells);
    j.gets.extend(totals.iter().map(|(c, _)| c.clone()));
    let got = evaluate(&[j]).remove(0);
    assert_figures(&got, &cells);
    for (cell, total) in &totals {
        assert_eq!(got[cell].as_f64(), total.to_f64(), "{cell}");
    }
}

#[test]
fn steered_levels_and_share_recalculate_and_show_on_opening_and_a_changed_level_follows() {
    let data = sfv();
    let steered = "f2026=80&f2027=85&f2026.team_fns=90&s2027=70";
    let s = scenario(&data, steered);
    let bytes = book(&data, &s);
    let cells = budget_cells("Budget", &table(&data, &s));
    let defaults = book(&data, &Scenario::default());
    // Antaganden!C2 is the 2026 funding level; the engine at 75 %.
    let at_75 = budget_cells("Budget", &table(&data, &scenario(&data, "f2026=75")));
    let got = evaluate(&[
        job(&bytes, false, &[], &cells),
        job(&bytes, true, &[], &cells),
        job(&defaults, false, &["Antaganden!C2=0.75"], &at_75),
    ]);
    assert_figures(&got[0], &cells);
    // Each formula carries the engine's value as its stored result.
    assert_figures(&got[1], &cells);
    assert_figures(&got[2], &at_75);
}

#[test]
fn the_basis_chosen_in_the_link_or_in_the_sheet_recalculates_to_the_engine() {
    let data = sfv();
    let s = scenario(&data, "basis=budget&growth=1.5&f2026=77.5");
    let bytes = book(&data, &s);
    let cells = budget_cells("Budget", &table(&data, &s));
    // On Antaganden the basis follows the level, the teams' own levels, the
    // share, revenue and growth: row 2 + teams + 4.
    let basis = format!("Antaganden!B{}=budget", 6 + data.teams().count());
    let defaults = book(&data, &Scenario::default());
    let as_budget = budget_cells("Budget", &table(&data, &scenario(&data, "basis=budget")));
    let got = evaluate(&[
        job(&bytes, false, &[], &cells),
        job(&defaults, false, &[&basis], &as_budget),
    ]);
    assert_figures(&got[0], &cells);
    assert_figures(&got[1], &as_budget);
}

#[test]
fn longer_plan_periods_recalculate_to_the_engine() {
    let data = sfv();
    let texts = [
        "f2026=80&f2027=80&till=2030",
        "growth=2&growth2029=3.5&till=2034",
    ];
    let scenarios: Vec<Scenario> = texts.iter().map(|t| scenario(&data, t)).collect();
    let books: Vec<Vec<u8>> = scenarios.iter().map(|s| book(&data, s)).collect();
    let cells: Vec<_> = scenarios
        .iter()
        .map(|s| budget_cells("Budget", &table(&data, s)))
        .collect();
    // 2034: the reference year and ten plan years, B to L.
    assert!(cells[1].iter().any(|(c, _, _)| c.starts_with("Budget!L")));
    let jobs: Vec<Job> = books
        .iter()
        .zip(&cells)
        .map(|(b, c)| job(b, false, &[], c))
        .collect();
    for (got, cells) in evaluate(&jobs).iter().zip(&cells) {
        assert_figures(got, cells);
    }
}

#[test]
fn a_comparison_recalculates_per_scenario_and_on_the_comparison_sheet() {
    let data = sfv();
    let texts = ["", "f2026=80&f2027=80", "f2026=85&s2028=70&till=2030"];
    let scenarios: Vec<Scenario> = texts.iter().map(|t| scenario(&data, t)).collect();
    let labels = ["Nuläge", "Presidiets förslag", "Till 2030"];
    let comparison = scenarios
        .iter()
        .zip(labels)
        .map(|(scenario, label)| ComparedScenario {
            label,
            scenario,
            motivation: "Skäl.",
        })
        .collect();
    let main = scenario(&data, "f2026=80");
    let bytes = workbook(&WorkbookRequest {
        data: &data,
        scenario: &main,
        motivation: "Styrelsens skäl.",
        comparison,
    })
    .unwrap();
    let refs_of: Vec<&Scenario> = scenarios.iter().collect();
    let compared = compare(&data, &refs_of, None);
    // Each compared scenario's own Budget sheet, over the common period.
    let mut expected = Vec::new();
    for (k, (extended, projection)) in projections(&data, &refs_of).iter().enumerate() {
        expected.extend(budget_cells(
            &format!("Budget {}", k + 1),
            &budget_table(&data, extended, projection),
        ));
    }
    // Jämförelse: per year a heading and five rows; B = 1, C = 2, D = its
    // difference, E = 3, F = its difference.
    let mut gets = refs(&expected);
    let years = compared[0].years.len();
    assert_eq!(years, 6, "2025–2030");
    for i in 0..years {
        for r in 0..5 {
            for c in ["B", "C", "D", "E", "F"] {
                gets.push(format!("Jämförelse!{c}{}", 3 + 6 * i + r));
            }
        }
    }
    let got = evaluate(&[Job {
        bytes: &bytes,
        as_opened: false,
        sets: Vec::new(),
        gets,
    }])
    .remove(0);
    assert_figures(&got, &expected);
    for i in 0..years {
        let row = |r: usize| 3 + 6 * i + r;
        let cell = |c: &str, r: usize| got[&format!("Jämförelse!{c}{}", row(r))].clone();
        for (k, (col, diff)) in [("B", None), ("C", Some("D")), ("E", Some("F"))]
            .into_iter()
            .enumerate()
        {
            let y = &compared[k].years[i];
            for (r, v) in [y.result, y.closing, y.topup].into_iter().enumerate() {
                assert_eq!(cell(col, r).as_f64(), v.to_f64(), "{col}{}", row(r));
            }
            assert_figure(
                &got,
                &format!("Jämförelse!{col}{}", row(3)),
                Figure::Percent(y.share_individ),
                "share",
            );
            assert_figure(
                &got,
                &format!("Jämförelse!{col}{}", row(4)),
                Figure::Level(y.balancing),
                "level",
            );
            if let (Some(diff), Some(d)) = (diff, y.diff) {
                for (r, v) in [d.result, d.closing, d.topup].into_iter().enumerate() {
                    assert_eq!(cell(diff, r).as_f64(), v.to_f64(), "{diff}{}", row(r));
                }
            }
        }
    }
    // 2026: the presidium's proposal is 2 704 100 kr better than today.
    assert_eq!(got["Jämförelse!D9"].as_f64(), Some(2_704_100.0));
}

/// Whether `base × tenths / 1000` is exactly x,5 kronor.
fn is_half(base: Decimal, tenths: i64) -> bool {
    (base * Decimal::from(tenths) / Decimal::from(1000))
        .abs()
        .fract()
        == Decimal::new(5, 1)
}

/// The tenths in `range` for which most `bases` meet a half, and how many.
fn most_halves(
    bases: &[Decimal],
    range: std::ops::RangeInclusive<i64>,
    offset: i64,
) -> (i64, usize) {
    range
        .map(|t| (t, bases.iter().filter(|&&b| is_half(b, offset + t)).count()))
        .max_by_key(|&(t, n)| (n, -t.abs()))
        .unwrap()
}

fn percent_text(tenths: i64) -> String {
    (Decimal::from(tenths) / Decimal::from(10))
        .normalize()
        .to_string()
}

/// A scenario to 2030 whose every indexed year's growth makes as many full
/// costs as possible an exact half before rounding, and whose every year's
/// level does the same for the team costs; with a revenue and guideline
/// whose guideline is a half, and a share whose structural total is one.
/// Returns the link text and how many roundings meet a half.
fn scenario_with_halves(data: &Dataset) -> (String, usize) {
    // The defect's own example: Kurator 321 500 kr × 1,015 = 326 322,5 kr.
    assert!(is_half(Decimal::from(321_500), 1015));
    let budget = data
        .column(ColumnKind::Budget, data.first_plan_year)
        .unwrap();
    let mut full: Vec<Decimal> = data.lines.iter().map(|l| l.amounts[budget]).collect();
    let teams: Vec<usize> = (0..data.lines.len())
        .filter(|&i| data.lines[i].team)
        .collect();
    let mut parts = vec![
        "till=2030".to_owned(),
        "rev2026=18958500".to_owned(),
        "guide=20.1".to_owned(),
    ];
    assert!(
        is_half(Decimal::from(18_958_500), 201),
        "the 2026 guideline"
    );
    let mut halves = 1;
    for year in 2026..=2030 {
        let (g, n) = most_halves(&full, -50..=100, 1000);
        halves += n;
        parts.push(format!("growth{year}={}", percent_text(g)));
        full = full
            .iter()
            .map(|&f| kr(f * Decimal::from(1000 + g) / Decimal::from(1000)))
            .collect();
        let team_full: Vec<Decimal> = teams.iter().map(|&i| full[i]).collect();
        let (level, n) = most_halves(&team_full, 500..=999, 0);
        halves += n;
        parts.push(format!("f{year}={}", percent_text(level)));
    }
    (parts.join("&"), halves)
}

#[test]
fn roundings_at_an_exact_half_krona_recalculate_to_the_engine() {
    let data = sfv();
    let (mut text, mut halves) = scenario_with_halves(&data);
    // The 2030 structural total at a steered share: I × (1000 − s)/s a half.
    let individ = project(&data, &scenario(&data, &text)).years[5].individ;
    let share = (500..=900).find(|&s| {
        (individ * Decimal::from(1000 - s) / Decimal::from(s))
            .fract()
            .abs()
            == Decimal::new(5, 1)
    });
    if let Some(s) = share {
        text.push_str(&format!("&s2030={}", percent_text(s)));
        halves += 1;
    }
    let s = scenario(&data, &text);
    // The search models the engine: its 2026 full costs are those indexed here.
    let projection = project(&data, &s);
    let budget = data.column(ColumnKind::Budget, 2025).unwrap();
    let growth = s.growth(2026);
    for (i, line) in data.lines.iter().enumerate() {
        let exact = kr(line.amounts[budget] * (Decimal::ONE + growth / Decimal::ONE_HUNDRED));
        assert_eq!(projection.years[1].lines[i].full, exact, "{}", line.id);
    }
    assert!(halves >= 20, "{text}: only {halves} roundings at a half");
    // Binary floating point gets some of them wrong: what the old formulas did.
    let naive_misses = data
        .lines
        .iter()
        .filter(|l| {
            let base = l.amounts[budget].to_f64().unwrap();
            let g = growth.to_f64().unwrap() / 100.0;
            Some((base * (1.0 + g)).round())
                != kr(l.amounts[budget] * (Decimal::ONE + growth / Decimal::ONE_HUNDRED)).to_f64()
        })
        .count();
    assert!(naive_misses > 0, "{text}: the naive formula would pass too");
    let bytes = book(&data, &s);
    let cells = budget_cells("Budget", &budget_table(&data, &s, &projection));
    let got = evaluate(&[job(&bytes, false, &[], &cells)]).remove(0);
    assert_figures(&got, &cells);
}

#[test]
fn the_follow_up_sheet_recalculates_its_deviations_to_the_model() {
    let data = sfv();
    let s = scenario(&data, "");
    let bytes = book(&data, &s);
    let follow = budgetsimulatorn::export::followup::follow_up(&data).unwrap();
    // Row r of the model is sheet row r + 2 (after the header row); the
    // deviation (F) is a formula, the three figures (C–E) values.
    let cells: Vec<(String, Figure, String)> = follow
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind != RowKind::Heading)
        .flat_map(|(i, r)| {
            (0..4).map(move |c| {
                let cell = format!(
                    "Uppföljning!{}",
                    row_col_to_cell(1 + i as u32, 2 + c as u16)
                );
                (cell, Figure::Kronor(r.figures[c]), r.label.clone())
            })
        })
        .collect();
    let got = evaluate(&[job(&bytes, false, &[], &cells)]).remove(0);
    assert_figures(&got, &cells);
    // The result's deviation, −9 073 − (−2 028 622) = 2 019 549 kr.
    let result = follow.rows.iter().position(|r| r.key == "result").unwrap();
    let cell = format!("Uppföljning!{}", row_col_to_cell(1 + result as u32, 5));
    assert_eq!(got[&cell].as_f64(), Some(2_019_549.0));
}

#[test]
fn the_workbook_has_every_sheet_and_names_its_values() {
    let data = sfv();
    let s = scenario(&data, "s2027=70&till=2029");
    let bytes = workbook(&WorkbookRequest {
        data: &data,
        scenario: &s,
        motivation: "Vi vill behålla teamen.",
        comparison: Vec::new(),
    })
    .unwrap();
    let xml = Xlsx::new(&bytes);
    assert_eq!(
        xml.names,
        [
            "Antaganden",
            "Budget",
            "Medlemmar",
            "Uppföljning",
            "Data",
            "Beräkning",
            "Källor"
        ]
    );
    let strings = xml.part("xl/sharedStrings.xml");
    // 2027 (column E after the reference year and 2025–2026) has a steered
    // share, and so have 2028–2029 (they carry it): their structural lines
    // (rows 22–29) are values, named on the sheet.
    assert!(
        strings.contains("Värden, inte formler: E22:E29, F22:F29, G22:G29 ("),
        "{strings}"
    );
    assert!(strings.contains("Motivering") && strings.contains("Vi vill behålla teamen."));
    assert!(strings.contains("Finansieringsnivå för samordningsteamen"));
    assert!(strings.contains("Gula celler är antaganden"));
    assert!(strings.contains("Medel och tillskott är värden från simulatorn"));
    // Indexed years: integer arithmetic with the growth in tenths.
    let work = xml.sheet("Beräkning");
    assert!(
        work.contains("<f>ROUND('Data'!F5*(1000+ROUND('Antaganden'!C"),
        "{work}"
    );
    let budget = xml.sheet("Budget");
    assert!(
        budget.contains("*ROUND('Beräkning'!"),
        "team cost at its level in tenths"
    );
}

#[test]
fn no_rounded_argument_multiplies_by_a_fractional_percentage() {
    let data = sfv();
    let texts = [
        "",
        "f2026=80&f2027=85&f2026.team_fns=90&s2027=70",
        "growth=1.5&growth2029=3.5&s2030=65&till=2034&guide=17.5",
    ];
    let scenarios: Vec<Scenario> = texts.iter().map(|t| scenario(&data, t)).collect();
    let comparison = scenarios
        .iter()
        .zip(["A", "B", "C"])
        .map(|(scenario, label)| ComparedScenario {
            label,
            scenario,
            motivation: "",
        })
        .collect();
    let bytes = workbook(&WorkbookRequest {
        data: &data,
        scenario: &scenarios[2],
        motivation: "",
        comparison,
    })
    .unwrap();
    let xml = Xlsx::new(&bytes);
    let percent = percent_styles(&xml.part("xl/styles.xml"));
    // Which cells hold percentages, on every sheet.
    let mut styled = std::collections::HashMap::new();
    let mut formulas = Vec::new();
    for name in &xml.names {
        for (cell, style, formula) in cells_of(&xml.sheet(name)) {
            styled.insert((name.clone(), cell.clone()), percent.contains(&style));
            if let Some(f) = formula {
                formulas.push((name.clone(), cell, f));
            }
        }
    }
    let (mut rounded, mut idioms) = (0, 0);
    for (sheet, cell, formula) in &formulas {
        for argument in round_arguments(formula) {
            if is_tenths_idiom(&argument, sheet) {
                idioms += 1;
                continue;
            }
            rounded += 1;
            // The idioms inside are exact integers; what is left must hold
            // no percentage and no decimal literal.
            let mut rest = argument.clone();
            while let Some(p) = rest.find("ROUND(") {
                let inner = round_arguments(&rest[p..]).remove(0);
                assert!(is_tenths_idiom(&inner, sheet), "{sheet}!{cell}: {formula}");
                rest.replace_range(p..p + 6 + inner.len() + 3, "1");
            }
            assert!(
                !rest.contains('.'),
                "{sheet}!{cell}: a decimal literal in {formula}"
            );
            for (s, c) in references(&rest, sheet) {
                let is_percent = styled
                    .get(&(s.clone(), c.clone()))
                    .copied()
                    .unwrap_or(false);
                assert!(
                    !is_percent,
                    "{sheet}!{cell}: ROUND of {s}!{c}, a percentage, in {formula}"
                );
            }
        }
    }
    // Full costs, team costs, guidelines and structural totals, on every scenario's sheets.
    assert!(
        rounded > 200 && idioms > rounded,
        "{rounded} roundings, {idioms} percentages in tenths"
    );
}
