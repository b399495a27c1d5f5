//! The follow-up of SFV's interim report January–August 2025 (seed 004):
//! budget 2025, outcome to 2025-08-31, prognosis 2025 and deviation
//! (prognosis − budget), per line and in total, as the report's table has
//! them (its costs are written negative; here costs are positive, so a cost
//! above budget has a positive deviation and the result's deviation has the
//! report's sign).
#![cfg(not(target_arch = "wasm32"))]

use budgetsimulatorn::export::followup::{follow_up, follow_up_html, follow_up_records};
use budgetsimulatorn::export::markup::Markup;
use budgetsimulatorn::state::builtin::sfv;
use rust_decimal_macros::dec;

#[test]
fn the_interim_reports_columns_per_line_and_in_total() {
    let f = follow_up(&sfv()).expect("SFV's data set is an interim report's");
    assert_eq!(f.year, 2025);
    assert_eq!(
        f.titles,
        [
            "Budget 2025".to_owned(),
            "Utfall jan–aug 2025".to_owned(),
            "Prognos 2025".to_owned(),
            "Avvikelse (prognos − budget)".to_owned()
        ]
    );
    let row = |key: &str| f.rows.iter().find(|r| r.key == key).unwrap().figures;
    // Styrelse: report 619 227 / 358 940 / 634 396, deviation −15 169 in
    // its signs, +15 169 here.
    assert_eq!(
        row("line-styrelse"),
        [dec!(619227), dec!(358940), dec!(634396), dec!(15169)]
    );
    // Gemensam administration: 2 033 931 → 1 691 923, 342 008 under budget.
    assert_eq!(row("line-administration")[3], dec!(-342008));
    // Västerås: 6 100 000 budgeted, 5 100 000 in the prognosis.
    assert_eq!(
        row("line-team_vasteras"),
        [dec!(6100000), dec!(2359306), dec!(5100000), dec!(-1000000)]
    );
    // Sums of the lines (tests/core_sources.rs works the budget's by hand).
    assert_eq!(
        row("costs"),
        [
            dec!(20986622),
            dec!(9109562),
            dec!(18967073),
            dec!(-2019549)
        ]
    );
    assert_eq!(
        row("revenue"),
        [dec!(18958000), dec!(14218500), dec!(18958000), dec!(0)]
    );
    // The report's SUMMA row: −2 028 622, 5 108 938, −9 073.
    assert_eq!(
        row("result"),
        [dec!(-2028622), dec!(5108938), dec!(-9073), dec!(2019549)]
    );
    let admin = row("admin");
    assert_eq!(
        admin,
        [dec!(2653158), dec!(1330281), dec!(2326319), dec!(-326839)]
    );
}

#[test]
fn page_csv_and_hooks_follow_the_model() {
    let f = follow_up(&sfv()).unwrap();
    let mut m = Markup::new();
    follow_up_html(&mut m, &f);
    let html = m.finish();
    assert!(
        html.contains(r#"data-metric="followup-result-deviation" data-value="2019549""#),
        "{html}"
    );
    assert!(html.contains(r#"data-metric="followup-line-styrelse-outcome" data-value="358940""#));
    // A deviation's sign is good news on a cost line and bad news on a
    // revenue line, so it is never coloured as a negative figure, and it is
    // always signed; the budget's own negative result stays red.
    let cell = |metric: &str| {
        let at = html.find(&format!("data-metric=\"{metric}\"")).unwrap();
        let start = html[..at].rfind("<td").unwrap();
        html[start..start + html[start..].find("</td>").unwrap()].to_owned()
    };
    let admin = cell("followup-admin-deviation");
    assert!(
        admin.starts_with("<td class=\"num\" ") && admin.ends_with("−326\u{a0}839\u{a0}kr"),
        "{admin}"
    );
    let result = cell("followup-result-deviation");
    assert!(
        result.ends_with(">+2\u{a0}019\u{a0}549\u{a0}kr"),
        "{result}"
    );
    assert!(cell("followup-result-budget").starts_with("<td class=\"num num--negative\""));
    let (header, records) = follow_up_records(&f);
    assert_eq!(header[2], "Budget 2025");
    let result = records.iter().find(|r| r[1] == "result").unwrap();
    assert_eq!(result[2..], ["-2028622", "5108938", "-9073", "2019549"]);
}

#[test]
fn a_data_set_without_an_interim_report_has_no_follow_up() {
    let mut data = sfv();
    let prognosis = data.prognosis_column().unwrap();
    data.columns.remove(prognosis);
    data.revenue.remove(prognosis);
    for line in &mut data.lines {
        line.amounts.remove(prognosis);
    }
    assert_eq!(follow_up(&data), None);
}
