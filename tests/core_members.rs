//! Members and staffing (docs/model.md §7–8): the sources' contributions split
//! by hand, one team's top-up under both rules, the FNS staffing at 80 %, the
//! memo sentences under both rules, the tables' hooks, a data set without
//! members, and named invariants over every input in range.
#![cfg(not(target_arch = "wasm32"))]

use budgetsimulatorn::core::members::{members_table, split_among, split_by_key, MembersTable};
use budgetsimulatorn::core::staffing::{staffing_table, team_year, TeamStaffing};
use budgetsimulatorn::core::{project, Dataset, Field, Scenario, TopupRule};
use budgetsimulatorn::export::tables;
use budgetsimulatorn::export::words::{memo_sentence, split_description, MemoLine};
use budgetsimulatorn::state::builtin::sfv;
use budgetsimulatorn::state::fragment;
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn link(data: &Dataset, text: &str) -> Scenario {
    let (s, ignored) = fragment::parse(data, text);
    assert!(ignored.is_empty(), "{ignored:?}");
    s
}

fn member_index(data: &Dataset, id: &str) -> usize {
    data.member_list().iter().position(|m| m.id == id).unwrap()
}

fn table(data: &Dataset, s: &Scenario) -> MembersTable {
    members_table(data, s, &project(data, s)).expect("SFV has members")
}

fn staffing(data: &Dataset, s: &Scenario) -> Vec<TeamStaffing> {
    staffing_table(data, s, &project(data, s))
}

fn team<'a>(staffing: &'a [TeamStaffing], id: &str) -> &'a TeamStaffing {
    staffing.iter().find(|t| t.id == id).unwrap()
}

/// The names of the municipalities a team serves, `member` first, as the
/// member's own view lists them.
fn sharing(data: &Dataset, team: &str, member: &str) -> Vec<String> {
    let served = &data.team_info(team).unwrap().serves;
    let name = |id: &str| {
        data.member_list()
            .iter()
            .find(|m| m.id == id)
            .unwrap()
            .name
            .clone()
    };
    let mut names = vec![name(member)];
    names.extend(
        data.member_list()
            .iter()
            .filter(|m| served.contains(&m.id) && m.id != member)
            .map(|m| m.name.clone()),
    );
    names
}

#[test]
fn the_members_and_their_split_follow_the_sources() {
    let d = sfv();
    let ids: Vec<&str> = d.member_list().iter().map(|m| m.id.as_str()).collect();
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
    let population: Decimal = d.member_list().iter().filter_map(|m| m.key_weight).sum();
    assert_eq!(population, dec!(281158));
    let fixed: Vec<Option<Decimal>> = d.member_list().iter().map(|m| m.fixed_percent).collect();
    assert_eq!(&fixed[..3], [Some(dec!(50)), Some(dec!(25)), None]);
}

#[test]
fn contributions_2025_worked_by_hand() {
    let d = sfv();
    // R = 18 958 000: staten 9 479 000, region 4 739 500, M = 4 739 500. Exact
    // municipal shares: Västerås 2 707 818,53, Köping 433 715,55, Sala
    // 385 066,04, Hallstahammar 280 720,78, Arboga 235 661,83, Fagersta
    // 220 355,61, Surahammar 165 957,85, Kungsör 146 555,36, Norberg 91 904,74,
    // Skinnskatteberg 71 743,69. Floors sum to 4 739 494; the 6 kronor go to
    // Surahammar (,85), Arboga (,83), Hallstahammar (,78), Norberg (,74),
    // Skinnskatteberg (,69) and Fagersta (,61).
    let parts = split_by_key(d.members.as_ref().unwrap(), dec!(18958000));
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
    // 2024 as well, through the members' table: staten 50 % of 19 038 000 =
    // 9 519 000; Fagersta 221 286.
    let t = table(&d, &Scenario::default());
    assert_eq!(t.members[0].reference, Some((2024, dec!(9519000))));
    assert_eq!(
        t.members[member_index(&d, "fagersta")].reference,
        Some((2024, dec!(221286)))
    );
    assert_eq!(t.totals.reference, Some((2024, dec!(19038000))));
    // Flat contributions: 2026 and 2027 split like 2025.
    assert_eq!(t.members[7].years[2].contribution, dec!(220356));
    assert_eq!(t.members[7].years[2].change, dec!(0));
}

#[test]
fn fns_top_up_split_under_both_rules() {
    let d = sfv();
    let members = d.members.as_ref().unwrap();
    let s = link(&d, "f2026=80");
    let p = project(&d, &s);
    let fns = d.lines.iter().position(|l| l.id == "team_fns").unwrap();
    // 1 650 000 × 20 % = 330 000.
    assert_eq!(p.year(2026).unwrap().lines[fns].topup, dec!(330000));
    // served: Fagersta, Norberg, Skinnskatteberg by population 13 072 : 5 452
    // : 4 256 (sum 22 780): exact 189 366,11, 78 979,81, 61 654,08; floors sum
    // to 329 999, the krona goes to Norberg (,81).
    let served = split_among(
        members,
        &d.team_info("team_fns").unwrap().serves,
        dec!(330000),
    );
    assert_eq!(served[member_index(&d, "fagersta")], dec!(189366));
    assert_eq!(served[member_index(&d, "norberg")], dec!(78980));
    assert_eq!(served[member_index(&d, "skinnskatteberg")], dec!(61654));
    assert_eq!(served[member_index(&d, "vasteras")], dec!(0));
    assert_eq!(served.iter().sum::<Decimal>(), dec!(330000));
    // key: staten 165 000, region 82 500, the rest 82 500 by the municipal
    // key: Västerås 47 134,72 → 47 135, …, Fagersta 3 835,71 → 3 836.
    let keyed = split_by_key(members, dec!(330000));
    assert_eq!(keyed[0], dec!(165000));
    assert_eq!(keyed[1], dec!(82500));
    assert_eq!(keyed[member_index(&d, "vasteras")], dec!(47135));
    assert_eq!(keyed[member_index(&d, "fagersta")], dec!(3836));
    assert_eq!(keyed.iter().sum::<Decimal>(), dec!(330000));

    // In the members' table, Fagersta's 2026 top-up is its FNS share alone
    // (it is served by no other team), and its change from 2025 equals it.
    let t = table(&d, &s);
    let fagersta = &t.members[member_index(&d, "fagersta")];
    assert_eq!(fagersta.years[1].year, 2026);
    assert_eq!(fagersta.years[1].topup, dec!(189366));
    assert_eq!(fagersta.years[1].total, dec!(220356) + dec!(189366));
    assert_eq!(fagersta.years[1].change, dec!(189366));
    let share = &t.team_shares[member_index(&d, "fagersta")];
    let fns_share = share.iter().find(|s| s.team == "team_fns").unwrap();
    assert!(fns_share.serves);
    assert_eq!(fns_share.years[1], (dec!(189366), dec!(330000)));
    // Under `key` every member pays part of every team's top-up: staten
    // 50 % of the teams' 2 704 100 = 1 352 050.
    let keyed_table = table(&d, &link(&d, "f2026=80&topup=key"));
    assert_eq!(keyed_table.members[0].years[1].topup, dec!(1352050));
    assert_eq!(keyed_table.totals.years[1].topup, dec!(2704100));
}

#[test]
fn fagersta_and_sala_figures_to_2030() {
    // A period to 2030 carries 80 % into 2028–30: Fagersta's FNS share stays
    // 189 366 every year, Sala's whole team top-up 1 720 000 × 20 % = 344 000.
    let d = sfv();
    let t = table(&d, &link(&d, "f2026=80&f2027=80&till=2030"));
    let fagersta = &t.members[member_index(&d, "fagersta")];
    let sala = &t.members[member_index(&d, "sala")];
    assert_eq!(fagersta.years.len(), 6);
    for k in 1..6 {
        assert_eq!(fagersta.years[k].topup, dec!(189366));
        assert_eq!(fagersta.years[k].total, dec!(409722));
        assert_eq!(sala.years[k].topup, dec!(344000));
        // Sala's contribution 385 066 (the 2025 split) plus 344 000.
        assert_eq!(sala.years[k].total, dec!(729066));
    }
    assert_eq!(fagersta.years[5].year, 2030);
}

#[test]
fn the_memo_sentence_under_served_with_one_municipality_is_unchanged() {
    let d = sfv();
    let s = link(&d, "f2026=80");
    let staffing = staffing(&d, &s);
    let sala = team(&staffing, "team_sala");
    // Sala: 1 720 000 × 20 % = 344 000; 2,5 FTE × 0,8 = 2,0 kept, 0,5 at risk;
    // 25–30 participants → 20–24 kept, 5–6 fewer.
    let sharing = sharing(&d, "team_sala", "sala");
    assert_eq!(sharing, ["Sala kommun"]);
    assert_eq!(
        memo_sentence(&MemoLine {
            year: 2026,
            level: dec!(80),
            member: "Sala kommun",
            team: "Samordningsteam Sala",
            share: dec!(344000),
            team_topup: dec!(344000),
            staffing: &sala.years[1],
            fte: sala.fte,
            participants: sala.participants,
            rule: TopupRule::Served,
            sharing: &sharing,
        }),
        "2026, med finansieringsnivå 80\u{a0}%, behöver Sala kommun tillföra 344\u{a0}000\u{a0}kr för att behålla Samordningsteam Sala som i dag; annars minskar teamet med 0,5 årsarbetare och cirka 5–6 deltagare."
    );
    // Surahammar: 15 participants × 0,8 = 12 kept, "cirka 3"; 1,7 FTE × 0,8 =
    // 1,36 → 1,4 kept, 0,3 at risk; 1 250 000 × 20 % = 250 000.
    let sura = team(&staffing, "team_surahammar");
    assert_eq!(
        memo_sentence(&MemoLine {
            year: 2026,
            level: dec!(80),
            member: "Surahammars kommun",
            team: "Samordningsteam Surahammar",
            share: dec!(250000),
            team_topup: dec!(250000),
            staffing: &sura.years[1],
            fte: sura.fte,
            participants: sura.participants,
            rule: TopupRule::Served,
            sharing: &["Surahammars kommun".to_owned()],
        }),
        "2026, med finansieringsnivå 80\u{a0}%, behöver Surahammars kommun tillföra 250\u{a0}000\u{a0}kr för att behålla Samordningsteam Surahammar som i dag; annars minskar teamet med 0,3 årsarbetare och cirka 3 deltagare."
    );
}

#[test]
fn the_memo_sentence_under_served_with_several_municipalities_names_them() {
    let d = sfv();
    let s = link(&d, "f2026=80");
    let staffing = staffing(&d, &s);
    let fns = team(&staffing, "team_fns");
    // FNS: 330 000 shared by Fagersta 189 366, Norberg 78 980 and
    // Skinnskatteberg 61 654; 3,5 FTE × 0,8 = 2,8 kept, 0,7 at risk;
    // 50–55 × 0,8 = 40–44 kept, 10–11 fewer.
    let for_fagersta = sharing(&d, "team_fns", "fagersta");
    assert_eq!(
        for_fagersta,
        [
            "Fagersta kommun",
            "Norbergs kommun",
            "Skinnskattebergs kommun"
        ]
    );
    let sentence = memo_sentence(&MemoLine {
        year: 2026,
        level: dec!(80),
        member: "Fagersta kommun",
        team: "Samordningsteam FNS",
        share: dec!(189366),
        team_topup: dec!(330000),
        staffing: &fns.years[1],
        fte: fns.fte,
        participants: fns.participants,
        rule: TopupRule::Served,
        sharing: &for_fagersta,
    });
    assert_eq!(
        sentence,
        "2026, med finansieringsnivå 80\u{a0}%, behöver Fagersta kommun, Norbergs kommun och Skinnskattebergs kommun tillsammans tillföra 330\u{a0}000\u{a0}kr för att behålla Samordningsteam FNS som i dag, varav Fagersta kommun står för 189\u{a0}366\u{a0}kr; tillför ingen av dem något, minskar teamet med 0,7 årsarbetare och cirka 10–11 deltagare."
    );
    // Norberg's own view names Norberg first and its own part, 78 980.
    let for_norberg = sharing(&d, "team_fns", "norberg");
    assert_eq!(
        memo_sentence(&MemoLine {
            year: 2026,
            level: dec!(80),
            member: "Norbergs kommun",
            team: "Samordningsteam FNS",
            share: dec!(78980),
            team_topup: dec!(330000),
            staffing: &fns.years[1],
            fte: fns.fte,
            participants: fns.participants,
            rule: TopupRule::Served,
            sharing: &for_norberg,
        }),
        "2026, med finansieringsnivå 80\u{a0}%, behöver Norbergs kommun, Fagersta kommun och Skinnskattebergs kommun tillsammans tillföra 330\u{a0}000\u{a0}kr för att behålla Samordningsteam FNS som i dag, varav Norbergs kommun står för 78\u{a0}980\u{a0}kr; tillför ingen av dem något, minskar teamet med 0,7 årsarbetare och cirka 10–11 deltagare."
    );
    // Teamsamverkan VM has no staffing in the sources; at 80 % its top-up is
    // 1 550 500 × 20 % = 310 100, Köping's part 310 100 × 25 729 / 48 403 =
    // 164 836,12 → 164 836 (the krona left goes to Arboga, ,66).
    let vm = team(&staffing, "teamsamverkan_vm");
    assert_eq!(vm.fte, None);
    let t = table(&d, &s);
    let koping = &t.team_shares[member_index(&d, "koping")];
    let vm_share = koping
        .iter()
        .find(|s| s.team == "teamsamverkan_vm")
        .unwrap();
    assert_eq!(vm_share.years[1], (dec!(164836), dec!(310100)));
    assert_eq!(
        memo_sentence(&MemoLine {
            year: 2026,
            level: dec!(80),
            member: "Köpings kommun",
            team: "Teamsamverkan Västra Mälardalen",
            share: dec!(164836),
            team_topup: dec!(310100),
            staffing: &vm.years[1],
            fte: vm.fte,
            participants: vm.participants,
            rule: TopupRule::Served,
            sharing: &sharing(&d, "teamsamverkan_vm", "koping"),
        }),
        "2026, med finansieringsnivå 80\u{a0}%, behöver Köpings kommun, Arboga kommun och Kungsörs kommun tillsammans tillföra 310\u{a0}100\u{a0}kr för att behålla Teamsamverkan Västra Mälardalen som i dag, varav Köpings kommun står för 164\u{a0}836\u{a0}kr; tillför ingen av dem något, minskar teamet i proportion till pengarna (bemanningen saknas i underlagen)."
    );
    // Nothing to find: the same sentence as before, whatever the rule.
    for rule in [TopupRule::Served, TopupRule::Key] {
        assert_eq!(
            memo_sentence(&MemoLine {
                year: 2025,
                level: dec!(100),
                member: "Köpings kommun",
                team: "Teamsamverkan Västra Mälardalen",
                share: dec!(0),
                team_topup: dec!(0),
                staffing: &vm.years[0],
                fte: vm.fte,
                participants: vm.participants,
                rule,
                sharing: &sharing(&d, "teamsamverkan_vm", "koping"),
            }),
            "2025 behöver Köpings kommun inte tillföra något för Teamsamverkan Västra Mälardalen: förbundet finansierar teamet fullt ut."
        );
    }
}

#[test]
fn the_memo_sentence_under_key_does_not_tie_the_staff_to_one_members_share() {
    let d = sfv();
    let s = link(&d, "f2026=80&topup=key");
    let staffing = staffing(&d, &s);
    let fns = team(&staffing, "team_fns");
    // Under `key` Fagersta pays 3 836 of FNS's 330 000 (see above) and the
    // state 165 000; the team loses up to 0,7 FTE only if the members
    // together do not find the 330 000, so the sentence says "upp till" and
    // does not say "annars" after one member's share.
    let t = table(&d, &s);
    let fagersta = &t.team_shares[member_index(&d, "fagersta")];
    assert_eq!(
        fagersta
            .iter()
            .find(|s| s.team == "team_fns")
            .unwrap()
            .years[1],
        (dec!(3836), dec!(330000))
    );
    let line = |member: &'static str, share: Decimal| {
        memo_sentence(&MemoLine {
            year: 2026,
            level: dec!(80),
            member,
            team: "Samordningsteam FNS",
            share,
            team_topup: dec!(330000),
            staffing: &fns.years[1],
            fte: fns.fte,
            participants: fns.participants,
            rule: TopupRule::Key,
            sharing: &[member.to_owned()],
        })
    };
    let fagersta = line("Fagersta kommun", dec!(3836));
    assert_eq!(
        fagersta,
        "2026, med finansieringsnivå 80\u{a0}%, står Fagersta kommun för 3\u{a0}836\u{a0}kr av medlemmarnas tillskott på 330\u{a0}000\u{a0}kr till Samordningsteam FNS (alla medlemmar delar tillskotten som medlen); tillför medlemmarna inte hela beloppet, minskar teamet med upp till 0,7 årsarbetare och cirka 10–11 deltagare."
    );
    let state = line(
        "Staten (Försäkringskassan och Arbetsförmedlingen)",
        dec!(165000),
    );
    assert_eq!(
        state,
        "2026, med finansieringsnivå 80\u{a0}%, står Staten (Försäkringskassan och Arbetsförmedlingen) för 165\u{a0}000\u{a0}kr av medlemmarnas tillskott på 330\u{a0}000\u{a0}kr till Samordningsteam FNS (alla medlemmar delar tillskotten som medlen); tillför medlemmarna inte hela beloppet, minskar teamet med upp till 0,7 årsarbetare och cirka 10–11 deltagare."
    );
    for sentence in [&fagersta, &state] {
        assert!(!sentence.contains("annars"), "{sentence}");
        assert!(!sentence.contains("behöver"), "{sentence}");
    }
}

/// Any scenario of the members' inputs on SFV: levels, team overrides, the
/// top-up rule, edited FTE (0 included) and participants, contributions,
/// growth and the plan period.
fn scenario() -> impl Strategy<Value = Scenario> {
    let d = sfv();
    let teams: Vec<String> = d.teams().map(|t| t.id.clone()).collect();
    let tenths = |max: i64| (0..=max * 10).prop_map(|t| Decimal::new(t, 1));
    (
        proptest::option::of(2027u16..=2034),
        proptest::collection::vec((2025u16..=2034, tenths(100)), 0..5),
        proptest::collection::vec(
            (
                2025u16..=2034,
                proptest::sample::select(teams.clone()),
                proptest::option::of(tenths(100)),
            ),
            0..4,
        ),
        any::<bool>(),
        proptest::collection::vec((proptest::sample::select(teams.clone()), tenths(50)), 0..4),
        proptest::collection::vec(
            (proptest::sample::select(teams), 0u32..200, 0u32..200),
            0..3,
        ),
        proptest::collection::vec((2026u16..=2034, 0i64..=100_000_000), 0..3),
        (-50i64..=100).prop_map(|t| Decimal::new(t, 1)),
    )
        .prop_map(
            move |(till, funding, overrides, keyed, fte, parts, revenue, growth)| {
                let mut s = Scenario::default();
                s.set_till(&d, till);
                let mut set = |field: Field, value| {
                    let _ = s.set(&d, &field, value);
                };
                for (year, level) in funding {
                    set(Field::Funding(year), Some(level));
                }
                for (year, team, level) in overrides {
                    set(Field::TeamFunding(year, team), level);
                }
                for (team, f) in fte {
                    set(Field::TeamFte(team), Some(f));
                }
                for (year, amount) in revenue {
                    set(Field::Revenue(year), Some(Decimal::from(amount)));
                }
                set(Field::Growth, Some(growth));
                s.topup_rule = if keyed {
                    TopupRule::Key
                } else {
                    TopupRule::Served
                };
                for (team, a, b) in parts {
                    s.team_participants.insert(team, (a.min(b), a.max(b)));
                }
                s
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn members_contributions_sum_to_the_years_contributions(s in scenario()) {
        let d = sfv();
        let p = project(&d, &s);
        let t = table(&d, &s);
        for (y, outcome) in p.years.iter().enumerate() {
            let sum: Decimal = t.members.iter().map(|m| m.years[y].contribution).sum();
            prop_assert_eq!(sum, outcome.revenue);
        }
    }

    #[test]
    fn members_top_ups_sum_to_the_teams_top_ups(s in scenario()) {
        let d = sfv();
        let p = project(&d, &s);
        let t = table(&d, &s);
        for (y, outcome) in p.years.iter().enumerate() {
            let sum: Decimal = t.members.iter().map(|m| m.years[y].topup).sum();
            prop_assert_eq!(sum, outcome.topup_total);
            prop_assert_eq!(t.totals.years[y].total, outcome.revenue + outcome.topup_total);
        }
    }

    #[test]
    fn fte_kept_plus_at_risk_is_the_teams_fte(s in scenario()) {
        let d = sfv();
        for team in staffing(&d, &s) {
            prop_assert_eq!(team.years.len(), usize::from(s.last_year(&d) - 2025) + 1);
            for y in &team.years {
                if let (Some(fte), Some(kept), Some(risk)) = (team.fte, y.fte_kept, y.fte_at_risk) {
                    prop_assert_eq!(kept + risk, fte);
                    prop_assert!(kept >= Decimal::ZERO && kept <= fte);
                }
                if let (Some((low, high)), Some((kept_low, kept_high))) = (team.participants, y.participants_kept) {
                    prop_assert!(kept_low <= kept_high);
                    prop_assert!(kept_low <= Decimal::from(low) && kept_high <= Decimal::from(high));
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
        let s = team_year(Some(fte), Some((low, low + extra)), full, cost);
        if let Some((kept_low, kept_high)) = s.participants_kept {
            prop_assert!(kept_low <= kept_high);
        }
    }
}

/// The members' and staffing tables as the page shows them: hooks with plain
/// values and Swedish text, from the same figures as the tests above.
#[test]
fn the_tables_carry_the_hooks_the_page_promises() {
    let d = sfv();
    let s = link(&d, "f2026=80");
    let members = table(&d, &s);
    let html = tables::members_table(&members).to_html();
    // Fagersta 2026: contribution 220 356 (the 2025 key split, unchanged
    // contributions), FNS top-up share 189 366, total 409 722, change 189 366.
    for (hook, value) in [
        ("member-fagersta-contribution-2024", "221286"),
        ("member-fagersta-contribution-2026", "220356"),
        ("member-fagersta-topup-2026", "189366"),
        ("member-fagersta-total-2026", "409722"),
        ("member-fagersta-change-2026", "189366"),
        ("member-staten-contribution-2024", "9519000"),
        ("member-sala-topup-2026", "344000"),
    ] {
        assert!(
            html.contains(&format!("data-metric=\"{hook}\" data-value=\"{value}\"")),
            "{hook} = {value}"
        );
    }
    // The totals row has no hooks: twelve members × (1 + 3 × 4) figures.
    assert_eq!(html.matches("data-metric=").count(), 12 * 13);
    assert!(html.contains("förändring mot 2025 per medlem"));

    let staffing = staffing(&d, &s);
    let fns = team(&staffing, "team_fns");
    let html = tables::team_table(fns, &[2025, 2026, 2027]).to_html();
    // FNS 3,5 FTE at c = 0,8 in 2026: 2,8 kept, 0,7 at risk, 50–55 → 40–44;
    // 1 650 000 / 3,5 = 471 428,57 → 471 429 kr per FTE.
    for (hook, value) in [
        ("team-team_fns-fte-kept-2026", "2.8"),
        ("team-team_fns-fte-risk-2026", "0.7"),
        ("team-team_fns-participants-kept-2026", "40-44"),
        ("team-team_fns-fte-kept-2025", "3.5"),
        ("team-team_fns-cost-per-fte-2026", "471429"),
    ] {
        assert!(
            html.contains(&format!("data-metric=\"{hook}\" data-value=\"{value}\"")),
            "{hook} = {value}"
        );
    }
    let vm = team(&staffing, "teamsamverkan_vm");
    assert!(tables::team_table(vm, &[2025, 2026, 2027])
        .to_html()
        .contains("data-metric=\"team-teamsamverkan_vm-fte-kept-2026\" data-value=\"none\""));

    let view = tables::member_view(&d, &members, &staffing, "fagersta", TopupRule::Served)
        .unwrap()
        .to_html();
    assert!(view.contains("2026, med finansieringsnivå 80\u{a0}%, behöver Fagersta kommun, Norbergs kommun och Skinnskattebergs kommun tillsammans tillföra 330\u{a0}000\u{a0}kr för att behålla Samordningsteam FNS som i dag, varav Fagersta kommun står för 189\u{a0}366\u{a0}kr; tillför ingen av dem något, minskar teamet med 0,7 årsarbetare och cirka 10–11 deltagare."));
    assert!(view.contains("Tillskotten delas av de kommuner som teamet betjänar"));
    let sala = tables::member_view(&d, &members, &staffing, "sala", TopupRule::Served)
        .unwrap()
        .to_html();
    assert!(sala.contains("2026, med finansieringsnivå 80\u{a0}%, behöver Sala kommun tillföra 344\u{a0}000\u{a0}kr för att behålla Samordningsteam Sala som i dag; annars minskar teamet med 0,5 årsarbetare och cirka 5–6 deltagare."));
    // The state is served by no team and pays nothing under `served`.
    let state = tables::member_view(&d, &members, &staffing, "staten", TopupRule::Served)
        .unwrap()
        .to_html();
    assert!(state.contains("betjänas inte av något enskilt samordningsteam"));
    assert!(tables::member_view(&d, &members, &staffing, "okänd", TopupRule::Served).is_none());

    // Under `key`, Fagersta pays towards every team with a top-up.
    let keyed = link(&d, "f2026=80&topup=key");
    let keyed_members = table(&d, &keyed);
    let keyed_staffing = self::staffing(&d, &keyed);
    let view = tables::member_view(
        &d,
        &keyed_members,
        &keyed_staffing,
        "fagersta",
        TopupRule::Key,
    )
    .unwrap()
    .to_html();
    assert_eq!(view.matches("class=\"memo\"").count(), 6);
    assert!(view.contains("2026, med finansieringsnivå 80\u{a0}%, står Fagersta kommun för 3\u{a0}836\u{a0}kr av medlemmarnas tillskott på 330\u{a0}000\u{a0}kr till Samordningsteam FNS"));
    assert!(!view.contains("annars"));
}

#[test]
fn the_split_is_described_from_the_data() {
    let text = split_description(&sfv());
    assert!(text.starts_with(
        "Medlen delas så här: Staten (Försäkringskassan och Arbetsförmedlingen) 50\u{a0}%, Region Västmanland 25\u{a0}% och de 10 kommunerna 25\u{a0}% efter en fördelningsnyckel. Nyckeln: Folkmängd i riket, län och kommuner 31 december 2024 (SCB, 2025)."
    ), "{text}");
    assert!(text.ends_with("förbundets egen fördelningsnyckel finns inte i underlagen."));
}

/// SFV's data set without members: the members' table is `None`, the
/// staffing is the same as with them, and the words say there are none.
fn without_members() -> Dataset {
    let mut d = sfv();
    d.members = None;
    for t in &mut d.teams {
        t.serves.clear();
    }
    d.validate().unwrap();
    d
}

#[test]
fn a_data_set_without_members_has_no_members_table_and_the_staffing_still_works() {
    let d = without_members();
    let s = link(&d, "f2026=80");
    let p = project(&d, &s);
    assert_eq!(members_table(&d, &s, &p), None);
    assert_eq!(split_description(&d), "Dataunderlaget har inga medlemmar.");
    // The engine's figures do not depend on the members.
    assert_eq!(p, project(&sfv(), &s));
    assert_eq!(p.year(2026).unwrap().topup_total, dec!(2704100));
    let staffing = staffing(&d, &s);
    assert_eq!(staffing, self::staffing(&sfv(), &s));
    let fns = team(&staffing, "team_fns");
    assert_eq!(fns.years[1].fte_kept, Some(dec!(2.8)));
    assert_eq!(fns.years[1].fte_at_risk, Some(dec!(0.7)));
    assert_eq!(fns.years[1].participants_kept, Some((dec!(40), dec!(44))));
    // A member in a link is not known here, and says so.
    let (page, ignored) = budgetsimulatorn::state::link::parse(&d, "f2026=80&member=fagersta");
    assert_eq!(page.member, None);
    assert_eq!(
        ignored.iter().map(|i| i.message()).collect::<Vec<_>>(),
        ["”member=fagersta”: okänd medlem."]
    );
    // A comparison asked for a member's totals has none to give.
    let compared = budgetsimulatorn::core::compare::compare(&d, &[&s], Some("fagersta"));
    assert!(compared[0].years.iter().all(|y| y.member_total.is_none()));
    // The settings do not ask who finds the top-ups.
    let settings = budgetsimulatorn::export::words::settings(&d, &s);
    assert!(settings
        .iter()
        .all(|(label, _)| label != "Vem står för teamens tillskott"));
}

/// The year card's staff at risk sums the teams with staffing figures and
/// says when one is left out. At 80 % in 2026 (costs as budget 2025, so
/// c = 0,8 for every team): kept = round1(FTE × 0,8), so Västerås 7,1 → 5,7
/// (1,4 at risk), Sala 2,5 → 2,0 (0,5), FNS 3,5 → 2,8 (0,7), Hallstahammar
/// 1,8 → 1,4 (0,4), Surahammar 1,7 → 1,4 (0,3): 3,3 in all. Teamsamverkan
/// Västra Mälardalen has no figures in the sources, so 5 of 6 teams count.
#[test]
fn the_year_cards_staff_at_risk_names_the_teams_it_leaves_out() {
    use budgetsimulatorn::export::cards::year_cards;
    let d = sfv();
    let s = link(&d, "f2026=80");
    let p = project(&d, &s);
    let cards = year_cards(&d, &s, &p, &staffing(&d, &s), &p);
    let y2026 = cards.iter().find(|c| c.year == 2026).unwrap();
    assert_eq!(y2026.fte_at_risk, Some(dec!(3.3)));
    assert_eq!(
        y2026.fte_at_risk_text().as_deref(),
        Some("3,3 (1 av 6 team saknar uppgift)")
    );
    assert_eq!(
        y2026.fte_coverage().as_deref(),
        Some("1 av 6 team saknar uppgift")
    );
    assert_eq!(
        y2026.fte_at_risk_line(),
        "3,3 årsarb. i riskzonen (1 av 6 team saknar uppgift)"
    );
    // The same team without figures every year: said once, in meeting mode's column heading.
    assert_eq!(
        budgetsimulatorn::export::cards::fte_column_heading(&cards),
        (
            "Årsarb. i riskzonen (1 av 6 team saknar uppgift)".to_owned(),
            false
        )
    );
    // No team with figures: no sum, and nothing to qualify.
    let none = budgetsimulatorn::export::cards::YearCard {
        fte_at_risk: None,
        fte_teams_counted: 0,
        ..y2026.clone()
    };
    assert_eq!((none.fte_at_risk_text(), none.fte_coverage()), (None, None));
    // With every team's figures filled in, the sum covers them all.
    let filled = link(
        &d,
        "f2026=80&fte.teamsamverkan_vm=2&part.teamsamverkan_vm=10-12",
    );
    let p = project(&d, &filled);
    let cards = year_cards(&d, &filled, &p, &staffing(&d, &filled), &p);
    let y2026 = cards.iter().find(|c| c.year == 2026).unwrap();
    assert_eq!(y2026.fte_coverage(), None);
    // 2,0 FTE at 80 %: 1,6 kept, 0,4 at risk; 3,3 + 0,4 = 3,7.
    assert_eq!(y2026.fte_at_risk_text().as_deref(), Some("3,7"));
}

/// On a phone the link at the top of the controls names the member the
/// page shows, and there is none for a member the data set does not have.
#[test]
fn the_phone_jump_link_names_the_member_shown() {
    use budgetsimulatorn::page::member_jump;
    let d = sfv();
    assert_eq!(
        member_jump(&d, Some("fagersta")).as_deref(),
        Some("Till siffrorna för Fagersta kommun ↓")
    );
    assert_eq!(member_jump(&d, Some("okänd")), None);
    assert_eq!(member_jump(&d, None), None);
}
