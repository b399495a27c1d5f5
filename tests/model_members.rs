//! Members and staffing (docs/model.md §7–8): the sources' contributions split
//! by hand, one team's top-up under both rules, the FNS staffing at 80 %, the
//! memo sentence, and named invariants over every input in range.
#![cfg(not(target_arch = "wasm32"))]

use budgetsimulatorn::model::fragment;
use budgetsimulatorn::model::members::{
    members_table, memo_sentence, split_among, split_by_key, MemoLine,
};
use budgetsimulatorn::model::staffing::{staffing_table, team_year};
use budgetsimulatorn::model::{project, Dataset, Scenario};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn data() -> Dataset {
    Dataset::sfv_default().unwrap()
}

fn member_index(data: &Dataset, id: &str) -> usize {
    data.members.list.iter().position(|m| m.id == id).unwrap()
}

#[test]
fn the_members_and_their_split_follow_the_sources() {
    let d = data();
    let ids: Vec<&str> = d.members.list.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "staten",
            "region",
            "vasteras",
            "koping",
            "sala",
            "hallstahammar",
            "arboga",
            "fagersta",
            "surahammar",
            "kungsor",
            "norberg",
            "skinnskatteberg"
        ]
    );
    let population: Decimal = d.members.list.iter().filter_map(|m| m.key_weight).sum();
    assert_eq!(population, dec!(281158));
}

#[test]
fn contributions_2025_worked_by_hand() {
    let d = data();
    // R = 18 958 000: staten 9 479 000, region 4 739 500, M = 4 739 500. Exact
    // municipal shares: Västerås 2 707 818,53, Köping 433 715,55, Sala
    // 385 066,04, Hallstahammar 280 720,78, Arboga 235 661,83, Fagersta
    // 220 355,61, Surahammar 165 957,85, Kungsör 146 555,36, Norberg 91 904,74,
    // Skinnskatteberg 71 743,69. Floors sum to 4 739 494; the 6 kronor go to
    // Surahammar (,85), Arboga (,83), Hallstahammar (,78), Norberg (,74),
    // Skinnskatteberg (,69) and Fagersta (,61).
    let parts = split_by_key(&d, dec!(18958000));
    assert_eq!(
        parts,
        [
            dec!(9479000),
            dec!(4739500),
            dec!(2707818),
            dec!(433715),
            dec!(385066),
            dec!(280721),
            dec!(235662),
            dec!(220356),
            dec!(165958),
            dec!(146555),
            dec!(91905),
            dec!(71744)
        ]
    );
    assert_eq!(parts.iter().sum::<Decimal>(), dec!(18958000));
    // 2024 as well, through the members' table: staten 9 519 000.
    let s = Scenario::defaults(&d);
    let table = members_table(&d, &s, &project(&d, &s));
    assert_eq!(table.members[0].contribution_2024, dec!(9519000));
    assert_eq!(table.totals.contribution_2024, dec!(19038000));
}

#[test]
fn fns_top_up_split_under_both_rules() {
    let d = data();
    let (s, _) = fragment::parse(&d, "f2026=80");
    let p = project(&d, &s);
    let fns = d.lines.iter().position(|l| l.id == "team_fns").unwrap();
    // 1 650 000 × 20 % = 330 000.
    assert_eq!(p.years[1].lines[fns].topup, dec!(330000));
    // served: Fagersta, Norberg, Skinnskatteberg by population 13 072 : 5 452
    // : 4 256 (sum 22 780): exact 189 366,11, 78 979,81, 61 654,08; floors sum
    // to 329 999, the krona goes to Norberg (,81).
    let served = split_among(&d, &d.team_info("team_fns").unwrap().serves, dec!(330000));
    assert_eq!(served[member_index(&d, "fagersta")], dec!(189366));
    assert_eq!(served[member_index(&d, "norberg")], dec!(78980));
    assert_eq!(served[member_index(&d, "skinnskatteberg")], dec!(61654));
    assert_eq!(served[member_index(&d, "vasteras")], dec!(0));
    // key: staten 165 000, region 82 500, the rest 82 500 by the municipal
    // key: Västerås 47 134,72 → 47 135, …, Fagersta 3 835,71 → 3 836.
    let keyed = split_by_key(&d, dec!(330000));
    assert_eq!(keyed[0], dec!(165000));
    assert_eq!(keyed[1], dec!(82500));
    assert_eq!(keyed[member_index(&d, "vasteras")], dec!(47135));
    assert_eq!(keyed[member_index(&d, "fagersta")], dec!(3836));
    assert_eq!(keyed.iter().sum::<Decimal>(), dec!(330000));

    // In the members' table, Fagersta's 2026 top-up is its FNS share alone
    // (it is served by no other team), and its change from 2025 equals it.
    let table = members_table(&d, &s, &p);
    let fagersta = &table.members[member_index(&d, "fagersta")];
    assert_eq!(fagersta.years[1].topup, dec!(189366));
    assert_eq!(fagersta.years[1].total, dec!(220356) + dec!(189366));
    assert_eq!(fagersta.years[1].change, dec!(189366));
    let (keyed_scenario, _) = fragment::parse(&d, "f2026=80&topup=key");
    let keyed_table = members_table(&d, &keyed_scenario, &project(&d, &keyed_scenario));
    // Under `key` every member pays part of every team's top-up: staten
    // 50 % of the teams' 2 704 100 = 1 352 050.
    assert_eq!(keyed_table.members[0].years[1].topup, dec!(1352050));
}

#[test]
fn the_memo_sentence_for_sala_and_for_fagersta() {
    let d = data();
    let (s, _) = fragment::parse(&d, "f2026=80");
    let p = project(&d, &s);
    let staffing = staffing_table(&d, &s, &p);
    let sala = staffing.iter().find(|t| t.id == "team_sala").unwrap();
    // Sala: 1 720 000 × 20 % = 344 000; 2,5 FTE × 0,8 = 2,0 kept, 0,5 at risk;
    // 25–30 participants → 20–24 kept, 5–6 fewer.
    assert_eq!(
        memo_sentence(&MemoLine {
            year: 2026,
            member: "Sala kommun",
            team: "Samordningsteam Sala",
            share: dec!(344000),
            team_topup: dec!(344000),
            staffing: &sala.years[1],
            fte: sala.fte,
            participants: sala.participants,
        }),
        "2026 behöver Sala kommun tillföra 344\u{a0}000\u{a0}kr för att behålla Samordningsteam Sala som i dag; annars minskar teamet med 0,5 årsarbetare och cirka 5–6 deltagare."
    );
    let fns = staffing.iter().find(|t| t.id == "team_fns").unwrap();
    assert_eq!(
        memo_sentence(&MemoLine {
            year: 2026,
            member: "Fagersta kommun",
            team: "Samordningsteam FNS",
            share: dec!(189366),
            team_topup: dec!(330000),
            staffing: &fns.years[1],
            fte: fns.fte,
            participants: fns.participants,
        }),
        "2026 behöver Fagersta kommun tillföra 189\u{a0}366\u{a0}kr (sin del av 330\u{a0}000\u{a0}kr) för att behålla Samordningsteam FNS som i dag; annars minskar teamet med 0,7 årsarbetare och cirka 10–11 deltagare."
    );
    let vm = staffing
        .iter()
        .find(|t| t.id == "teamsamverkan_vm")
        .unwrap();
    assert_eq!(vm.fte, None);
    assert_eq!(
        memo_sentence(&MemoLine {
            year: 2025,
            member: "Köpings kommun",
            team: "Teamsamverkan Västra Mälardalen",
            share: dec!(0),
            team_topup: dec!(0),
            staffing: &vm.years[0],
            fte: vm.fte,
            participants: vm.participants,
        }),
        "2025 behöver Köpings kommun inte tillföra något för Teamsamverkan Västra Mälardalen: förbundet finansierar teamet fullt ut."
    );
}

/// Any scenario of the members' inputs: levels, team overrides, the top-up
/// rule, edited FTE (0 included) and participants, contributions, growth.
fn scenario() -> impl Strategy<Value = Scenario> {
    let d = data();
    let teams: Vec<String> = d.teams().map(|t| t.id.clone()).collect();
    let tenths = |max: i64| (0..=max * 10).prop_map(|t| Decimal::new(t, 1));
    (
        [tenths(100), tenths(100), tenths(100)],
        proptest::collection::vec(
            (
                0..3usize,
                proptest::sample::select(teams.clone()),
                tenths(100),
            ),
            0..4,
        ),
        any::<bool>(),
        proptest::collection::vec((proptest::sample::select(teams.clone()), tenths(50)), 0..4),
        proptest::collection::vec(
            (proptest::sample::select(teams), 0u32..200, 0u32..200),
            0..3,
        ),
        (0i64..=100_000_000, 0i64..=100_000_000),
        (-50i64..=100).prop_map(|t| Decimal::new(t, 1)),
    )
        .prop_map(
            move |(funding, overrides, keyed, fte, parts, (r26, r27), growth)| {
                let mut s = Scenario::defaults(&d);
                s.funding = funding;
                for (year, team, level) in overrides {
                    s.funding_override[year].insert(team, level);
                }
                s.topup_rule = if keyed {
                    budgetsimulatorn::model::scenario::TopupRule::Key
                } else {
                    budgetsimulatorn::model::scenario::TopupRule::Served
                };
                for (team, f) in fte {
                    s.team_fte.insert(team, f);
                }
                for (team, a, b) in parts {
                    s.team_participants.insert(team, (a.min(b), a.max(b)));
                }
                s.revenue_2026 = Decimal::from(r26);
                s.revenue_2027 = Decimal::from(r27);
                s.cost_growth = growth;
                s
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn members_contributions_sum_to_the_years_contributions(s in scenario()) {
        let d = data();
        let p = project(&d, &s);
        let table = members_table(&d, &s, &p);
        for (y, outcome) in p.years.iter().enumerate() {
            let sum: Decimal = table.members.iter().map(|m| m.years[y].contribution).sum();
            prop_assert_eq!(sum, outcome.revenue);
        }
    }

    #[test]
    fn members_top_ups_sum_to_the_teams_top_ups(s in scenario()) {
        let d = data();
        let p = project(&d, &s);
        let table = members_table(&d, &s, &p);
        for (y, outcome) in p.years.iter().enumerate() {
            let sum: Decimal = table.members.iter().map(|m| m.years[y].topup).sum();
            prop_assert_eq!(sum, outcome.topup_total);
            prop_assert_eq!(table.totals.years[y].total, outcome.revenue + outcome.topup_total);
        }
    }

    #[test]
    fn fte_kept_plus_at_risk_is_the_teams_fte(s in scenario()) {
        let d = data();
        let p = project(&d, &s);
        for team in staffing_table(&d, &s, &p) {
            for y in &team.years {
                if let (Some(fte), Some(kept), Some(risk)) = (team.fte, y.fte_kept, y.fte_at_risk) {
                    prop_assert_eq!(kept + risk, fte);
                    prop_assert!(kept >= Decimal::ZERO && kept <= fte);
                }
            }
        }
    }

    #[test]
    fn staffing_never_panics_for_inputs_in_range(
        fte in (0i64..=10_000).prop_map(|t| Decimal::new(t, 1)),
        low in 0u32..100_000,
        extra in 0u32..1_000,
        full in 0i64..=1_000_000_000_000,
        level in (0i64..=1000).prop_map(|t| Decimal::new(t, 1)),
    ) {
        let full = Decimal::from(full);
        let cost = (full * level / Decimal::ONE_HUNDRED).round();
        let s = team_year(Some(fte), Some((Decimal::from(low), Decimal::from(low + extra))), full, cost);
        if let Some((kept_low, kept_high)) = s.participants_kept {
            prop_assert!(kept_low <= kept_high);
        }
    }
}

/// The members' and staffing tables as the page shows them: hooks with plain
/// values and Swedish text, from the same figures as the tests above.
#[test]
fn the_tables_carry_the_hooks_the_page_promises() {
    use budgetsimulatorn::model::scenario::TopupRule;
    use budgetsimulatorn::model::tables;
    let d = data();
    let (s, _) = fragment::parse(&d, "f2026=80");
    let p = project(&d, &s);
    let members = members_table(&d, &s, &p);
    let html = tables::members_table(&members);
    // Fagersta 2026: contribution 220 356 (the 2025 key split, unchanged
    // contributions), FNS top-up share 189 366, total 409 722, change 189 366.
    for (hook, value) in [
        ("member-fagersta-contribution-2024", "221286"),
        ("member-fagersta-topup-2026", "189366"),
        ("member-fagersta-total-2026", "409722"),
        ("member-fagersta-change-2026", "189366"),
        ("member-staten-contribution-2024", "9519000"),
    ] {
        assert!(
            html.contains(&format!("data-metric=\"{hook}\" data-value=\"{value}\"")),
            "{hook} = {value}"
        );
    }
    // The totals row has no hooks: twelve members × 13 figures.
    assert_eq!(html.matches("data-metric=").count(), 12 * 13);

    let staffing = staffing_table(&d, &s, &p);
    let fns = staffing.iter().find(|t| t.id == "team_fns").unwrap();
    let html = tables::team_table(fns, &[2025, 2026, 2027]);
    // FNS 3,5 FTE at c = 0,8 in 2026: 2,8 kept, 0,7 at risk, 50–55 → 40–44.
    for (hook, value) in [
        ("team-team_fns-fte-kept-2026", "2.8"),
        ("team-team_fns-fte-risk-2026", "0.7"),
        ("team-team_fns-participants-kept-2026", "40-44"),
        ("team-team_fns-fte-kept-2025", "3.5"),
    ] {
        assert!(
            html.contains(&format!("data-metric=\"{hook}\" data-value=\"{value}\"")),
            "{hook} = {value}"
        );
    }
    let vm = staffing
        .iter()
        .find(|t| t.id == "teamsamverkan_vm")
        .unwrap();
    assert!(tables::team_table(vm, &[2025, 2026, 2027])
        .contains("data-metric=\"team-teamsamverkan_vm-fte-kept-2026\" data-value=\"none\""));

    let view = tables::member_view(&d, &members, &staffing, "fagersta", TopupRule::Served).unwrap();
    assert!(view.contains("2026 behöver Fagersta kommun tillföra 189\u{a0}366\u{a0}kr (sin del av 330\u{a0}000\u{a0}kr) för att behålla Samordningsteam FNS som i dag; annars minskar teamet med 0,7 årsarbetare och cirka 10–11 deltagare."));
    assert!(tables::member_view(&d, &members, &staffing, "okänd", TopupRule::Served).is_none());
}

#[test]
fn the_split_is_described_from_the_data() {
    use budgetsimulatorn::model::members::split_description;
    let text = split_description(&data());
    assert!(text.starts_with(
        "Medlen delas Staten (Försäkringskassan och Arbetsförmedlingen) 50\u{a0}%, Region Västmanland 25\u{a0}%, och 25\u{a0}% av de 10 kommunerna efter en fördelningsnyckel. Nyckeln: Folkmängd i riket, län och kommuner 31 december 2024 (SCB, 2025)."
    ), "{text}");
    assert!(text.ends_with("förbundets egen fördelningsnyckel finns inte i underlagen."));
}
