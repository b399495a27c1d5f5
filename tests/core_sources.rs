//! The spec's "figures the model must reproduce" (section 1) and its worked
//! check (section 4), from SFV's own documents, asserted to the krona; and
//! the plan period of section 9 worked by hand.
#![cfg(not(target_arch = "wasm32"))]

use budgetsimulatorn::core::engine::LineOutcome;
use budgetsimulatorn::core::{project, Balancing, Basis, Dataset, EquityWarning, Field, Scenario};
use budgetsimulatorn::export::format::metric_percent;
use budgetsimulatorn::state::builtin::sfv;
use budgetsimulatorn::state::fragment;
use rust_decimal::{Decimal, RoundingStrategy};
use rust_decimal_macros::dec;

fn whole_percent(share: Option<Decimal>) -> Decimal {
    share
        .unwrap()
        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
}

fn line<'a>(data: &Dataset, lines: &'a [LineOutcome], id: &str) -> &'a LineOutcome {
    let index = data.lines.iter().position(|l| l.id == id).unwrap();
    &lines[index]
}

fn balancing(level: Balancing) -> String {
    match level {
        Balancing::Reachable(l) => metric_percent(l),
        Balancing::NotReachable => "none".into(),
    }
}

fn link(data: &Dataset, text: &str) -> Scenario {
    let (s, ignored) = fragment::parse(data, text);
    assert!(ignored.is_empty(), "{ignored:?}");
    s
}

#[test]
fn budget_2024_reproduces_vp_2024_section_7() {
    let d = sfv();
    let p = project(&d, &Scenario::default());
    let y = p.reference.as_ref().unwrap();
    assert_eq!(y.year, 2024);
    assert_eq!(y.admin, dec!(2850000));
    assert_eq!(y.individ, dec!(13925000));
    assert_eq!(y.struktur, dec!(4208000));
    assert_eq!(y.direct, dec!(18133000));
    assert_eq!(y.costs, dec!(20983000));
    assert_eq!(y.revenue, dec!(19038000));
    assert_eq!(y.result, dec!(-1945000));
    // 2 817 000 + 650 000 + 396 000 from the three predecessors.
    assert_eq!(y.opening, dec!(3863000));
    assert_eq!(y.closing, dec!(1918000));
    assert_eq!(whole_percent(y.share_admin), dec!(14));
    assert_eq!(whole_percent(y.share_direct), dec!(86));
    assert_eq!(whole_percent(y.share_individ), dec!(77));
    assert_eq!(whole_percent(y.share_struktur), dec!(23));
    assert_eq!(y.topup_total, Decimal::ZERO);
}

#[test]
fn the_default_opening_equity_2025_is_the_budgeted_closing_2024() {
    let d = sfv();
    assert_eq!(d.first_opening_equity(), dec!(1918000));
    assert_eq!(
        Scenario::default().get(&d, &Field::OpeningEquity),
        Some(dec!(1918000))
    );
}

#[test]
fn budget_and_prognosis_2025_reproduce_the_interim_report() {
    let d = sfv();
    let y = project(&d, &link(&d, "basis=budget")).years[0].clone();
    assert_eq!(y.costs, dec!(20986622));
    assert_eq!(y.result, dec!(-2028622));
    assert_eq!(y.revenue, dec!(18958000));
    let p = project(&d, &Scenario::default());
    let y = p.year(2025).unwrap();
    assert_eq!(y.costs, dec!(18967073));
    assert_eq!(y.result, dec!(-9073));
    // Opening 1 918 000 (budgeted closing 2024) − 9 073.
    assert_eq!(y.closing, dec!(1908927));
}

#[test]
fn the_outcome_to_date_column_sums_to_the_interim_reports_result() {
    // Delårsrapport 2025, section 6: revenue to 2025-08-31 14 218 500, SUMMA 5 108 938.
    let d = sfv();
    let c = d.outcome_to_date_column().unwrap();
    let costs: Decimal = d.lines.iter().map(|l| l.amounts[c]).sum();
    assert_eq!(d.revenue[c], Some(dec!(14218500)));
    assert_eq!(dec!(14218500) - costs, dec!(5108938));
}

#[test]
fn default_chain_runs_out_of_equity_in_2026() {
    let d = sfv();
    let p = project(&d, &Scenario::default());
    assert_eq!(p.years.len(), 3);
    // 2026 and 2027 cost the budget 2025 at full funding: result −2 028 622 a year.
    let y26 = p.year(2026).unwrap();
    assert_eq!(y26.costs, dec!(20986622));
    assert_eq!(y26.result, dec!(-2028622));
    assert_eq!(y26.opening, dec!(1908927));
    assert_eq!(y26.closing, dec!(-119695));
    assert_eq!(y26.warning, Some(EquityWarning::Negative));
    let y27 = p.year(2027).unwrap();
    assert_eq!(y27.closing, dec!(-2148317));
    // Guideline 20 % of 18 958 000 = 3 791 600.
    assert_eq!(y27.guideline, dec!(3791600));
    assert_eq!(p.reference.as_ref().unwrap().guideline, dec!(3807600));
}

#[test]
fn worked_check_of_section_4() {
    let d = sfv();
    let p = project(&d, &Scenario::default());
    // (18 958 000 − 2 653 158 − 321 500 − 4 491 464) / 13 520 500 = 84.996… %.
    let y26 = p.year(2026).unwrap();
    assert_eq!(y26.admin, dec!(2653158));
    assert_eq!(balancing(y26.balancing), "85.0");
    match y26.balancing {
        Balancing::Reachable(level) => assert!(level > dec!(84.99) && level < dec!(85)),
        Balancing::NotReachable => panic!("reachable"),
    }
    let at = |text: &str| balancing(project(&d, &link(&d, text)).year(2026).unwrap().balancing);
    assert_eq!(at("s2026=70"), "82.0");
    assert_eq!(at("s2026=60"), "70.0");
}

#[test]
fn balancing_level_2025_on_prognosis_and_2024_as_budgeted() {
    // (18 958 000 − 2 326 319 − 260 000 − 3 930 754) / 12 450 000 = 99.927… %.
    let d = sfv();
    let p = project(&d, &Scenario::default());
    assert_eq!(balancing(p.year(2025).unwrap().balancing), "99.9");
    // (19 038 000 − 2 850 000 − 400 000 − 4 208 000) / 13 525 000.
    assert_eq!(balancing(p.reference.as_ref().unwrap().balancing), "85.6");
}

#[test]
fn funding_80_percent_in_2026_by_hand() {
    let d = sfv();
    let p = project(&d, &link(&d, "f2026=80"));
    let y = p.year(2026).unwrap();
    // Teams 13 520 500 × 0.8 = 10 816 400 (each line exact at 80 %).
    assert_eq!(y.topup_total, dec!(2704100));
    assert_eq!(y.individ, dec!(10816400) + dec!(321500));
    assert_eq!(y.costs, dec!(20986622) - dec!(2704100));
    assert_eq!(y.result, dec!(675478));
    assert_eq!(y.closing, dec!(1908927) + dec!(675478));
    let fns = line(&d, &y.lines, "team_fns");
    assert_eq!(
        (fns.full, fns.cost, fns.topup),
        (dec!(1650000), dec!(1320000), dec!(330000))
    );
    // 2027 unchanged at 100 %: −2 028 622 from 2 584 405.
    assert_eq!(p.year(2027).unwrap().closing, dec!(555783));
}

#[test]
fn team_override_and_rounding_half_away_from_zero() {
    let d = sfv();
    let p = project(&d, &link(&d, "f2026=80&f2026.teamsamverkan_vm=75.5"));
    let y = p.year(2026).unwrap();
    // 1 550 500 × 75.5 % = 1 170 627.5 → 1 170 628.
    let vm = line(&d, &y.lines, "teamsamverkan_vm");
    assert_eq!(vm.cost, dec!(1170628));
    assert_eq!(vm.topup, dec!(379872));
    assert_eq!(vm.team_level, Some(dec!(75.5)));
    // T = 13 520 500 − 1 550 500 = 11 970 000; O = 321 500 + 1 170 628.
    // f* = (18 958 000 − 2 653 158 − 1 492 128 − 4 491 464) / 11 970 000 = 86.22…
    assert_eq!(balancing(y.balancing), "86.2");
    // Västerås: 6 100 000 × 1.001 = 6 106 100; at 0.5 % that is 30 530.5,
    // which rounds half away from zero to 30 531 (banker's rounding: 30 530).
    let p = project(&d, &link(&d, "growth=0.1&f2026=0.5"));
    let vast = line(&d, &p.year(2026).unwrap().lines, "team_vasteras");
    assert_eq!(vast.full, dec!(6106100));
    assert_eq!(vast.cost, dec!(30531));
}

#[test]
fn cost_growth_indexes_2026_from_budget_2025_and_2027_from_2026() {
    let d = sfv();
    let p = project(&d, &link(&d, "growth=3"));
    let styrelse = |y| line(&d, &p.year(y).unwrap().lines, "styrelse").full;
    // 619 227 × 1.03 = 637 803.81 → 637 804; × 1.03 = 656 938.12 → 656 938.
    assert_eq!(styrelse(2026), dec!(637804));
    assert_eq!(styrelse(2027), dec!(656938));
    assert_eq!(p.year(2025).unwrap().costs, dec!(18967073));
    let p = project(&d, &link(&d, "growth=3&basis=budget"));
    assert_eq!(
        line(&d, &p.year(2026).unwrap().lines, "styrelse").full,
        dec!(637804)
    );
    assert_eq!(p.year(2025).unwrap().costs, dec!(20986622));
}

#[test]
fn a_longer_period_carries_the_last_years_choices() {
    // Spec 9: "80 % från 2026" stays 80 % to 2030; 2028–2030 cost what 2027
    // costs (growth 0), so each year's result is 675 478 as in 2026 and 2027.
    let d = sfv();
    let p = project(&d, &link(&d, "f2026=80&f2027=80&till=2030"));
    assert_eq!(p.years.len(), 6);
    for year in 2026..=2030 {
        let y = p.year(year).unwrap();
        assert_eq!(y.result, dec!(675478), "{year}");
        assert_eq!(y.topup_total, dec!(2704100), "{year}");
    }
    // Closing 2025 1 908 927 + 5 × 675 478 = 5 286 317.
    assert_eq!(p.last().closing, dec!(5286317));
    // The guideline (3 791 600) is passed in 2028: 1 908 927 + 3 × 675 478 = 3 935 361.
    assert_eq!(p.year(2027).unwrap().warning, None);
    assert_eq!(p.year(2028).unwrap().closing, dec!(3935361));
    assert_eq!(
        p.year(2028).unwrap().warning,
        Some(EquityWarning::AboveGuideline)
    );
    // Inside the data set's own period an unset year is the default (100 %).
    let p = project(&d, &link(&d, "f2026=80&till=2029"));
    assert_eq!(p.year(2027).unwrap().topup_total, Decimal::ZERO);
    assert_eq!(p.year(2029).unwrap().topup_total, Decimal::ZERO);
}

#[test]
fn a_later_years_own_growth_and_an_explicit_none_after_the_plan_end() {
    let d = sfv();
    // growth 2 % in general, 4 % in 2028: Styrelse 619 227 → 631 612 (2026:
    // 631 611.54) → 644 244 (644 244.24) → 670 014 (×1.04 = 670 013.76).
    let p = project(&d, &link(&d, "growth=2&growth2028=4&till=2028"));
    let styrelse = |y| line(&d, &p.year(y).unwrap().lines, "styrelse").full;
    assert_eq!(styrelse(2026), dec!(631612));
    assert_eq!(styrelse(2027), dec!(644244));
    assert_eq!(styrelse(2028), dec!(670014));
    // s2027=70 carries into 2028 unless 2028 says `none`.
    let carried = project(&d, &link(&d, "s2027=70&till=2028"));
    assert_eq!(
        metric_percent(carried.year(2028).unwrap().share_individ.unwrap()),
        "70.0"
    );
    let stopped = project(&d, &link(&d, "s2027=70&s2028=none&till=2028"));
    assert_eq!(stopped.year(2028).unwrap().struktur, dec!(4491464));
}

#[test]
fn a_data_column_for_a_later_year_is_used_as_given() {
    // A decided budget 2026 with every line 10 % above budget 2025 (rounded
    // by hand here, not by the engine): its figures are taken as they stand,
    // and 2027 is indexed from them.
    let mut d = sfv();
    d.columns.push(budgetsimulatorn::core::Column {
        kind: budgetsimulatorn::core::ColumnKind::Budget,
        year: 2026,
        label: None,
        source: String::new(),
    });
    for l in &mut d.lines {
        let b25 = l.amounts[1];
        l.amounts.push((b25 * dec!(1.1)).round());
    }
    d.revenue.push(Some(dec!(19500000)));
    d.validate().unwrap();
    let p = project(&d, &link(&d, "growth=1"));
    let styrelse = |y| line(&d, &p.year(y).unwrap().lines, "styrelse").full;
    // 619 227 × 1.1 = 681 149.7 → 681 150 in the column; 2027: × 1.01 = 687 961.5 → 687 962.
    assert_eq!(styrelse(2026), dec!(681150));
    assert_eq!(styrelse(2027), dec!(687962));
    assert_eq!(p.year(2026).unwrap().revenue, dec!(19500000));
    // The data set's revenue for 2026 cannot be set by a link; 2027 is flat at it.
    let (_, ignored) = fragment::parse(&d, "rev2026=1");
    assert_eq!(
        ignored[0].message(),
        "”rev2026=1”: medlen för det året står i dataunderlaget."
    );
    assert_eq!(p.year(2027).unwrap().revenue, dec!(19500000));
    assert_eq!(Basis::Prognos, Scenario::default().basis(&d));
}
