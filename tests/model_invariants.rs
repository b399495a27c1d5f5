//! Property tests: named invariants of the engine over every input in range.
#![cfg(not(target_arch = "wasm32"))]

use budgetsimulatorn::model::fragment;
use budgetsimulatorn::model::{project, Basis, Category, Dataset, PlanYear, Scenario, YearOutcome};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A percentage with one decimal in `[min, max]`.
fn percent(min: i64, max: i64) -> impl Strategy<Value = Decimal> {
    (min * 10..=max * 10).prop_map(|tenths| Decimal::new(tenths, 1))
}

fn kronor(min: i64, max: i64) -> impl Strategy<Value = Decimal> {
    (min..=max).prop_map(Decimal::from)
}

fn scenario() -> impl Strategy<Value = Scenario> {
    let data = Dataset::sfv_default().unwrap();
    let teams: Vec<String> = data.teams().map(|t| t.id.clone()).collect();
    let overrides = proptest::collection::vec(
        (0..3usize, proptest::sample::select(teams), percent(0, 100)),
        0..4,
    );
    (
        any::<bool>(),
        kronor(-1_000_000_000_000, 1_000_000_000_000),
        (kronor(0, 1_000_000_000_000), kronor(0, 40_000_000)),
        percent(-5, 10),
        [percent(0, 100), percent(0, 100), percent(0, 100)],
        overrides,
        [
            proptest::option::of(percent(1, 100)),
            proptest::option::of(percent(1, 100)),
            proptest::option::of(percent(1, 100)),
        ],
        percent(0, 100),
    )
        .prop_map(
            move |(budget, eq, (r26, r27), growth, funding, overrides, shares, guide)| {
                let mut s = Scenario::defaults(&data);
                s.basis = if budget {
                    Basis::Budget
                } else {
                    Basis::Prognos
                };
                s.opening_equity = eq;
                s.revenue_2026 = r26;
                s.revenue_2027 = r27;
                s.cost_growth = growth;
                s.funding = funding;
                for (year, team, level) in overrides {
                    s.funding_override[year].insert(team, level);
                }
                s.individ_share = shares;
                s.equity_guideline = guide;
                s
            },
        )
}

fn category_sum(data: &Dataset, year: &YearOutcome, category: Category) -> Decimal {
    data.lines
        .iter()
        .zip(&year.lines)
        .filter(|(l, _)| l.category == category)
        .map(|(_, o)| o.cost)
        .sum()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn lines_sum_exactly_to_subtotals_and_totals(s in scenario()) {
        let data = Dataset::sfv_default().unwrap();
        let p = project(&data, &s);
        for y in p.all_years() {
            prop_assert_eq!(category_sum(&data, y, Category::Admin), y.admin);
            prop_assert_eq!(category_sum(&data, y, Category::Individ), y.individ);
            prop_assert_eq!(category_sum(&data, y, Category::Struktur), y.struktur);
            prop_assert_eq!(y.individ + y.struktur, y.direct);
            prop_assert_eq!(y.admin + y.direct, y.costs);
            prop_assert_eq!(y.revenue - y.costs, y.result);
            for line in &y.lines {
                prop_assert!(line.cost.fract().is_zero() && line.full.fract().is_zero());
            }
        }
    }

    #[test]
    fn structural_lines_sum_exactly_to_s_and_hit_the_share(s in scenario()) {
        let data = Dataset::sfv_default().unwrap();
        let p = project(&data, &s);
        for year in PlanYear::ALL {
            let y = p.year(year);
            if let Some(share) = s.individ_share[year.index()] {
                let expected = (y.individ * (Decimal::ONE_HUNDRED - share) / share)
                    .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
                prop_assert_eq!(y.struktur, expected);
                prop_assert!(y.lines.iter().all(|l| !l.cost.is_sign_negative() || l.cost.is_zero()));
            }
        }
    }

    #[test]
    fn equity_chain_holds_year_after_year(s in scenario()) {
        let data = Dataset::sfv_default().unwrap();
        let p = project(&data, &s);
        prop_assert_eq!(p.years[0].opening, s.opening_equity);
        for y in p.all_years() {
            prop_assert_eq!(y.opening + y.result, y.closing);
        }
        for pair in p.years.windows(2) {
            prop_assert_eq!(pair[0].closing, pair[1].opening);
        }
    }

    #[test]
    fn team_topups_are_full_minus_forbund_cost_and_never_negative(s in scenario()) {
        let data = Dataset::sfv_default().unwrap();
        let p = project(&data, &s);
        for y in &p.years {
            for (line, o) in data.lines.iter().zip(&y.lines) {
                if line.team {
                    prop_assert_eq!(o.full - o.cost, o.topup);
                    prop_assert!(!o.topup.is_sign_negative() || o.topup.is_zero());
                    prop_assert!(o.cost <= o.full);
                } else {
                    prop_assert!(o.topup.is_zero());
                }
            }
        }
    }

    #[test]
    fn the_link_restores_the_scenario(s in scenario()) {
        let data = Dataset::sfv_default().unwrap();
        let text = fragment::serialize(&data, &s);
        let (restored, ignored) = fragment::parse(&data, &text);
        prop_assert!(ignored.is_empty(), "{:?}", ignored);
        prop_assert_eq!(project(&data, &restored), project(&data, &s));
    }

    #[test]
    fn no_fragment_text_panics(text in ".{0,80}") {
        let data = Dataset::sfv_default().unwrap();
        let (s, _) = fragment::parse(&data, &text);
        let _ = project(&data, &s);
    }
}
