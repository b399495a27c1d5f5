//! Property tests: named invariants of the engine, the members' split and the
//! link, over GENERATED data sets and plan periods, not only SFV's.
//!
//! [`arb_dataset`] makes valid data sets of other shapes (1–25 lines of any
//! category, team flags on individ lines, a reference year or not, any first
//! plan year, interim-report columns or not, later budgets and outlooks, any
//! plan end, members with fixed parts and key weights or none, teams serving
//! municipalities), and [`arb_scenario`] makes the choices a workshop can
//! make on one of them, through `Scenario::set` as the page does. Each
//! invariant is named in its test's name. Where the generators found a bug
//! in `src/`, the invariant runs around it and the bug is pinned by an
//! ignored regression test at the end of the file, worked on SFV's data.
#![cfg(not(target_arch = "wasm32"))]

use budgetsimulatorn::core::dataset::{
    Member, Members, Source, SourcedAmount, SourcedPercent, TeamInfo,
};
use budgetsimulatorn::core::members::members_table;
use budgetsimulatorn::core::money::kr;
use budgetsimulatorn::core::plan::plan;
use budgetsimulatorn::core::{
    project, Balancing, Basis, BudgetLine, Category, Column, ColumnKind, Dataset, Field, Scenario,
    TopupRule, Year, YearOutcome,
};
use budgetsimulatorn::state::builtin::sfv;
use budgetsimulatorn::state::comparison::{Column as Compared, Comparison};
use budgetsimulatorn::state::fragment;
use budgetsimulatorn::state::link::{self, PageLink};
use budgetsimulatorn::state::update::{update, Action};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

// ------------------------------------------------------------ generators

/// A number with one decimal in `[min, max]`.
fn tenths(min: i64, max: i64) -> impl Strategy<Value = Decimal> + Clone {
    (min * 10..=max * 10).prop_map(|t| Decimal::new(t, 1))
}

/// A line's amount: mostly a few million, sometimes 0, now and then negative
/// (a correction line; never on a team line, see [`arb_dataset`]).
fn arb_amount() -> impl Strategy<Value = i64> + Clone {
    prop_oneof![
        6 => 0i64..=20_000_000,
        2 => Just(0i64),
        1 => -3_000_000i64..0,
    ]
}

/// A municipality's weight in the key: whole (a population), 0, or a
/// decimal with up to six places (a key given in per cent, say).
fn arb_weight() -> impl Strategy<Value = Decimal> + Clone {
    prop_oneof![
        6 => (0i64..=200_000).prop_map(Decimal::from),
        1 => Just(Decimal::ZERO),
        2 => (1i64..=1_000_000, 0u32..=6).prop_map(|(m, s)| Decimal::new(m, s)),
    ]
}

/// The years and columns of a data set.
#[derive(Debug, Clone)]
struct Frame {
    first: Year,
    reference: Option<(Year, ColumnKind)>,
    plan_end: Year,
    prognosis: bool,
    outcome_to_date: bool,
    later: Vec<(Year, ColumnKind)>,
}

fn arb_frame() -> impl Strategy<Value = Frame> {
    (
        2020u16..=2030,
        proptest::option::of((1u16..=3, any::<bool>())),
        0u16..=9,
        any::<bool>(),
        any::<bool>(),
        proptest::collection::vec(proptest::option::weighted(0.3, any::<bool>()), 9),
    )
        .prop_map(
            |(first, reference, len, prognosis, outcome_to_date, later)| Frame {
                first,
                reference: reference.map(|(back, outcome)| {
                    let kind = if outcome {
                        ColumnKind::Outcome
                    } else {
                        ColumnKind::Budget
                    };
                    (first - back, kind)
                }),
                plan_end: first + len,
                prognosis,
                outcome_to_date,
                later: later
                    .iter()
                    .enumerate()
                    .filter_map(|(i, kind)| {
                        kind.map(|budget| {
                            let kind = if budget {
                                ColumnKind::Budget
                            } else {
                                ColumnKind::Outlook
                            };
                            (first + 1 + i as Year, kind)
                        })
                    })
                    .collect(),
            },
        )
}

/// One generated line: category, team flag, amounts, id stem.
type RawLine = (u8, bool, Vec<i64>, String);
/// Fixed parts (%) and key weights of the members, if any.
type RawMembers = Option<(Vec<Decimal>, Vec<Decimal>)>;
/// Per team line: which municipalities it serves, its FTE and participants.
type RawTeam = Option<(Vec<bool>, Option<Decimal>, Option<(u32, u32)>)>;

fn column(kind: ColumnKind, year: Year) -> Column {
    Column {
        kind,
        year,
        label: None,
        source: "kalla".to_owned(),
    }
}

/// Valid data sets of other shapes than SFV's.
fn arb_dataset() -> impl Strategy<Value = Dataset> {
    arb_frame()
        .prop_flat_map(|frame| {
            let mut columns = Vec::new();
            if let Some((year, kind)) = frame.reference {
                columns.push(column(kind, year));
            }
            columns.push(column(ColumnKind::Budget, frame.first));
            if frame.prognosis {
                columns.push(column(ColumnKind::Prognosis, frame.first));
            }
            if frame.outcome_to_date {
                columns.push(column(ColumnKind::OutcomeToDate, frame.first));
            }
            for &(year, kind) in &frame.later {
                columns.push(column(kind, year));
            }
            let count = columns.len();
            (
                Just(frame),
                Just(columns).prop_shuffle(),
                proptest::collection::vec(
                    (
                        0u8..3,
                        any::<bool>(),
                        proptest::collection::vec(arb_amount(), count),
                        "[a-z][a-z0-9_-]{0,6}",
                    ),
                    1..=25,
                ),
                // Revenue per column as % of the column's costs (0 … 150).
                proptest::collection::vec(proptest::option::weighted(0.7, 0i64..=150), count),
                50i64..=150,
                proptest::option::weighted(
                    0.7,
                    (
                        proptest::collection::vec(tenths(0, 60), 0..=3),
                        proptest::collection::vec(arb_weight(), 1..=12),
                    ),
                ),
                proptest::collection::vec(
                    proptest::option::weighted(
                        0.8,
                        (
                            proptest::collection::vec(proptest::bool::weighted(0.3), 12),
                            proptest::option::of(tenths(0, 20)),
                            proptest::option::of((0u32..200, 0u32..50)),
                        ),
                    ),
                    25,
                ),
                (
                    -50_000_000i64..=50_000_000,
                    proptest::option::weighted(0.2, -50_000_000i64..=50_000_000),
                    tenths(0, 100),
                    proptest::option::weighted(0.3, 0usize..25),
                ),
            )
        })
        .prop_map(
            |(frame, columns, lines, revenue, first_revenue, members, teams, rest)| {
                build(
                    frame,
                    columns,
                    lines,
                    revenue,
                    first_revenue,
                    members,
                    teams,
                    rest,
                )
            },
        )
}

#[allow(clippy::too_many_arguments)]
fn build(
    frame: Frame,
    columns: Vec<Column>,
    raw_lines: Vec<RawLine>,
    revenue: Vec<Option<i64>>,
    first_revenue: i64,
    raw_members: RawMembers,
    raw_teams: Vec<RawTeam>,
    (equity, first_equity, guideline, unallocated): (i64, Option<i64>, Decimal, Option<usize>),
) -> Dataset {
    let lines: Vec<BudgetLine> = raw_lines
        .into_iter()
        .enumerate()
        .map(|(i, (category, team, amounts, stem))| {
            let category = Category::ALL[usize::from(category)];
            let team = team && category == Category::Individ;
            BudgetLine {
                id: format!("{stem}-{i}"),
                name: format!("Rad {}", i + 1),
                category,
                team,
                // A team's full cost is never negative.
                amounts: amounts
                    .into_iter()
                    .map(|a| Decimal::from(if team { a.abs() } else { a }))
                    .collect(),
                source: String::new(),
            }
        })
        .collect();
    let first_budget = columns
        .iter()
        .position(|c| c.kind == ColumnKind::Budget && c.year == frame.first)
        .expect("the first budget");
    let revenue: Vec<Option<Decimal>> = revenue
        .into_iter()
        .enumerate()
        .map(|(c, factor)| {
            let factor = if c == first_budget {
                Some(first_revenue)
            } else {
                factor
            };
            factor.map(|f| {
                let costs: Decimal = lines.iter().map(|l| l.amounts[c]).sum();
                kr(costs.max(Decimal::ONE_HUNDRED) * Decimal::from(f) / Decimal::ONE_HUNDRED)
            })
        })
        .collect();
    let members = raw_members.map(|(fixed, weights)| {
        let mut list = Vec::new();
        let mut total = Decimal::ZERO;
        for (i, part) in fixed.into_iter().enumerate() {
            if total + part <= Decimal::ONE_HUNDRED {
                total += part;
                list.push(Member {
                    id: format!("fast{i}"),
                    name: format!("Fast medlem {i}"),
                    fixed_percent: Some(part),
                    key_weight: None,
                });
            }
        }
        let any_weight = weights.iter().any(|w| *w > Decimal::ZERO);
        for (i, weight) in weights.into_iter().enumerate() {
            let weight = if i == 0 && !any_weight {
                Decimal::ONE
            } else {
                weight
            };
            list.push(Member {
                id: format!("kommun{i}"),
                name: format!("Kommun {i}"),
                fixed_percent: None,
                key_weight: Some(weight),
            });
        }
        Members {
            source: "kalla".to_owned(),
            key_source: String::new(),
            list,
        }
    });
    let municipalities: Vec<String> = members
        .iter()
        .flat_map(|m| m.list.iter())
        .filter(|m| m.key_weight.is_some())
        .map(|m| m.id.clone())
        .collect();
    let teams: Vec<TeamInfo> = lines
        .iter()
        .filter(|l| l.team)
        .zip(raw_teams)
        .filter_map(|(line, raw)| {
            let (mask, fte, participants) = raw?;
            Some(TeamInfo {
                line: line.id.clone(),
                serves: municipalities
                    .iter()
                    .zip(mask)
                    .filter(|(_, on)| *on)
                    .map(|(id, _)| id.clone())
                    .collect(),
                fte,
                participants: participants.map(|(low, extra)| (low, low + extra)),
                source: String::new(),
            })
        })
        .collect();
    let structural: Vec<&BudgetLine> = lines
        .iter()
        .filter(|l| l.category == Category::Struktur)
        .collect();
    let unallocated_line = unallocated
        .filter(|_| !structural.is_empty())
        .map(|k| structural[k % structural.len()].id.clone());
    let data = Dataset {
        id: "genererat".to_owned(),
        name: "Genererat dataunderlag".to_owned(),
        organisation: "Samordningsförbundet Prov".to_owned(),
        sources: vec![Source {
            id: "kalla".to_owned(),
            title: "Källa".to_owned(),
            issuer: "Förbundet".to_owned(),
            date: "2025".to_owned(),
            note: String::new(),
        }],
        reference_year: frame.reference.map(|(year, _)| year),
        first_plan_year: frame.first,
        plan_end: frame.plan_end,
        columns,
        lines,
        revenue,
        revenue_source: String::new(),
        opening_equity: SourcedAmount {
            amount: Decimal::from(equity),
            source: "kalla".to_owned(),
            note: String::new(),
        },
        first_plan_opening_equity: first_equity.map(|amount| SourcedAmount {
            amount: Decimal::from(amount),
            source: String::new(),
            note: String::new(),
        }),
        equity_guideline: SourcedPercent {
            value: guideline,
            source: "kalla".to_owned(),
        },
        unallocated_line,
        members,
        teams,
    };
    if let Err(problem) = data.validate() {
        panic!("the generator made an invalid data set: {problem:?}\n{data:#?}");
    }
    data
}

/// One choice a workshop makes. Years are offsets from the first plan year
/// (taken modulo the period), teams indices into the team lines.
#[derive(Debug, Clone)]
enum Choice {
    Funding(u16, Decimal),
    TeamLevel(u16, usize, Option<Decimal>),
    Share(u16, Option<Decimal>),
    GrowthIn(u16, Decimal),
    /// Revenue as % of the first budget's costs.
    Revenue(u16, i64),
    Growth(Decimal),
    OpeningEquity(i64),
    Guideline(Decimal),
    Fte(usize, Decimal),
    Participants(usize, (u32, u32)),
}

fn arb_choice() -> impl Strategy<Value = Choice> {
    let year = 0u16..10;
    let team = 0usize..25;
    prop_oneof![
        4 => (year.clone(), tenths(0, 100)).prop_map(|(y, v)| Choice::Funding(y, v)),
        3 => (year.clone(), team.clone(), proptest::option::weighted(0.7, tenths(0, 100)))
            .prop_map(|(y, t, v)| Choice::TeamLevel(y, t, v)),
        3 => (year.clone(), proptest::option::weighted(0.8, tenths(1, 100)))
            .prop_map(|(y, v)| Choice::Share(y, v)),
        1 => (year.clone(), tenths(-5, 10)).prop_map(|(y, v)| Choice::GrowthIn(y, v)),
        2 => (year, 0i64..=200).prop_map(|(y, f)| Choice::Revenue(y, f)),
        1 => tenths(-5, 10).prop_map(Choice::Growth),
        1 => (-50_000_000i64..=50_000_000).prop_map(Choice::OpeningEquity),
        1 => tenths(0, 100).prop_map(Choice::Guideline),
        1 => (team.clone(), tenths(0, 30)).prop_map(|(t, v)| Choice::Fte(t, v)),
        1 => (team, (0u32..300, 0u32..30)).prop_map(|(t, (low, extra))| {
            Choice::Participants(t, (low, low + extra))
        }),
    ]
}

/// The choices a workshop can make on `data`, applied as the page applies
/// them (`Scenario::set`, in the order they were made): the basis, the plan
/// period (`till`, up to nine years past the first plan year), levels per
/// year (after the plan end too), team levels with explicit `None`, shares,
/// growth and per-year growth, revenue, opening equity, guideline, top-up
/// rule, FTE and participants.
fn arb_scenario(data: &Dataset) -> impl Strategy<Value = Scenario> {
    let data = data.clone();
    let ends = data.latest_end() - data.plan_end;
    let bases = if data.prognosis_column().is_some() {
        vec![None, Some(Basis::Budget), Some(Basis::Prognos)]
    } else {
        vec![None, Some(Basis::Budget)]
    };
    (
        proptest::sample::select(bases),
        proptest::option::of(0..=ends),
        any::<bool>(),
        proptest::collection::vec(arb_choice(), 0..14),
    )
        .prop_map(move |(basis, till, keyed, choices)| {
            apply_choices(&data, basis, till, keyed, &choices)
        })
}

fn apply_choices(
    data: &Dataset,
    basis: Option<Basis>,
    till: Option<Year>,
    keyed: bool,
    choices: &[Choice],
) -> Scenario {
    let mut s = Scenario::default();
    if let Some(basis) = basis {
        s.set_basis(data, basis);
    }
    s.set_till(data, till.map(|offset| data.plan_end + offset));
    if keyed {
        s.topup_rule = TopupRule::Key;
    }
    let first = data.first_plan_year;
    let years = s.last_year(data) - first + 1;
    let year = |offset: u16| first + offset % years;
    let teams: Vec<String> = data.teams().map(|t| t.id.clone()).collect();
    let team = |k: usize| (!teams.is_empty()).then(|| teams[k % teams.len()].clone());
    let base: Decimal = data
        .column(ColumnKind::Budget, first)
        .map(|c| data.lines.iter().map(|l| l.amounts[c]).sum())
        .unwrap_or_default();
    for choice in choices {
        let (field, value) = match choice.clone() {
            Choice::Funding(y, v) => (Field::Funding(year(y)), Some(v)),
            Choice::TeamLevel(y, t, v) => match team(t) {
                Some(id) => (Field::TeamFunding(year(y), id), v),
                None => continue,
            },
            Choice::Share(y, v) => (Field::IndividShare(year(y)), v),
            Choice::GrowthIn(y, v) => (Field::GrowthIn(year(y)), Some(v)),
            Choice::Revenue(y, f) => {
                let amount = kr(base.max(Decimal::ZERO) * Decimal::from(f) / Decimal::ONE_HUNDRED);
                (Field::Revenue(year(y)), Some(amount))
            }
            Choice::Growth(v) => (Field::Growth, Some(v)),
            Choice::OpeningEquity(v) => (Field::OpeningEquity, Some(Decimal::from(v))),
            Choice::Guideline(v) => (Field::EquityGuideline, Some(v)),
            Choice::Fte(t, v) => match team(t) {
                Some(id) => (Field::TeamFte(id), Some(v)),
                None => continue,
            },
            Choice::Participants(t, range) => {
                if let Some(id) = team(t) {
                    s.team_participants.insert(id, range);
                }
                continue;
            }
        };
        // Revenue the data set gives is refused, as on the page.
        let _ = s.set(data, &field, value);
    }
    s
}

/// A generated data set with a scenario on it.
fn arb_case() -> impl Strategy<Value = (Dataset, Scenario)> {
    arb_dataset().prop_flat_map(|data| {
        let scenario = arb_scenario(&data);
        (Just(data), scenario)
    })
}

// ------------------------------------------------------------ helpers

fn category_sum(data: &Dataset, year: &YearOutcome, category: Category) -> Decimal {
    data.lines
        .iter()
        .zip(&year.lines)
        .filter(|(l, _)| l.category == category)
        .map(|(_, o)| o.cost)
        .sum()
}

fn has_structural_line(data: &Dataset) -> bool {
    data.lines.iter().any(|l| l.category == Category::Struktur)
}

/// The same data set with every team serving at least one municipality
/// with a positive weight (the first such one, when it served none): see
/// `a_team_serving_no_municipality_…` for why the engine needs it today.
fn every_team_serves_someone(data: &Dataset) -> Dataset {
    let mut serving = data.clone();
    let Some(first) = data
        .member_list()
        .iter()
        .find(|m| m.key_weight.is_some_and(|w| w > Decimal::ZERO))
        .map(|m| m.id.clone())
    else {
        return serving;
    };
    let weighted = |id: &String| {
        data.member_list()
            .iter()
            .any(|m| &m.id == id && m.key_weight.is_some_and(|w| w > Decimal::ZERO))
    };
    for team in data.teams() {
        match serving.teams.iter_mut().find(|t| t.line == team.id) {
            Some(info) if info.serves.iter().any(weighted) => {}
            Some(info) => info.serves.push(first.clone()),
            None => serving.teams.push(TeamInfo {
                line: team.id.clone(),
                serves: vec![first.clone()],
                fte: None,
                participants: None,
                source: String::new(),
            }),
        }
    }
    assert_eq!(serving.validate(), Ok(()));
    serving
}

/// The same data set with its key in whole numbers: every weight times
/// `10^k`, `k` the most decimals any has, which is the same key (see
/// `a_key_weight_with_decimals_…` for why the engine needs it today).
fn whole_key(data: &Dataset) -> Dataset {
    let mut whole = data.clone();
    let places = data
        .member_list()
        .iter()
        .filter_map(|m| m.key_weight)
        .map(|w| w.normalize().scale())
        .max()
        .unwrap_or(0);
    let factor = Decimal::from(10i64.pow(places));
    if let Some(members) = &mut whole.members {
        for m in &mut members.list {
            m.key_weight = m.key_weight.map(|w| (w * factor).normalize());
        }
    }
    assert_eq!(whole.validate(), Ok(()));
    whole
}

/// The fixed parts, each rounded to the krona, do not add up to more than
/// `amount` (see `fixed_parts_that_round_up_…`: when they do, the members
/// pay more than the amount).
fn fixed_parts_fit(data: &Dataset, amount: Decimal) -> bool {
    let fixed: Decimal = data
        .member_list()
        .iter()
        .filter_map(|m| m.fixed_percent)
        .map(|p| kr(amount * p / Decimal::ONE_HUNDRED))
        .sum();
    fixed <= amount
}

// ------------------------------------------------------------ invariants

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn every_generated_data_set_is_valid(data in arb_dataset()) {
        prop_assert_eq!(data.validate(), Ok(()));
        prop_assert!((1..=25).contains(&data.lines.len()));
    }

    #[test]
    fn lines_sum_exactly_to_subtotals_and_totals((data, s) in arb_case()) {
        let p = project(&data, &s);
        prop_assert_eq!(p.years.len(), usize::from(s.last_year(&data) - data.first_plan_year) + 1);
        prop_assert_eq!(p.reference.is_some(), data.reference_year.is_some());
        for y in p.all_years() {
            prop_assert_eq!(category_sum(&data, y, Category::Admin), y.admin);
            prop_assert_eq!(category_sum(&data, y, Category::Individ), y.individ);
            prop_assert_eq!(category_sum(&data, y, Category::Struktur), y.struktur);
            prop_assert_eq!(y.individ + y.struktur, y.direct);
            prop_assert_eq!(y.admin + y.direct, y.costs);
            prop_assert_eq!(y.revenue - y.costs, y.result);
            prop_assert_eq!(y.lines.len(), data.lines.len());
            for line in &y.lines {
                prop_assert!(line.cost.fract().is_zero() && line.full.fract().is_zero());
            }
        }
    }

    /// With a steered share `s`, `S = kr(I × (100 − s) / s)` exactly, no
    /// structural line is negative, and the share shown is `s`: with
    /// `|S − exact| ≤ ½`, `I/D` differs from `s` by at most `s² / (200·I)`
    /// percentage points, below 0,005 once `I ≥ 10 000 kr`.
    #[test]
    fn structural_lines_sum_exactly_to_s_and_hit_the_share((data, s) in arb_case()) {
        // Without a structural line the share cannot be steered (a bug, see
        // `a_steered_share_without_structural_lines`).
        prop_assume!(has_structural_line(&data));
        let p = project(&data, &s);
        for y in &p.years {
            let Some(share) = s.individ_share(&data, y.year) else { continue };
            let expected = kr(y.individ * (Decimal::ONE_HUNDRED - share) / share);
            prop_assert_eq!(y.struktur, expected, "{}", y.year);
            if expected >= Decimal::ZERO {
                for (line, o) in data.lines.iter().zip(&y.lines) {
                    if line.category == Category::Struktur {
                        prop_assert!(o.cost >= Decimal::ZERO, "{} {:?}", line.id, o);
                    }
                }
            }
            if y.individ >= dec!(10000) {
                let shown = y.share_individ.expect("D > 0");
                prop_assert!((shown - share).abs() <= dec!(0.005), "{} {} {}", y.year, shown, share);
            }
        }
    }

    #[test]
    fn equity_chain_holds_year_after_year((data, s) in arb_case()) {
        let p = project(&data, &s);
        prop_assert_eq!(p.years[0].opening, s.opening_equity(&data));
        if let Some(reference) = &p.reference {
            prop_assert_eq!(reference.opening, data.opening_equity.amount);
            // Without an opening set by the scenario or the data set, the
            // first plan year opens with the reference year's closing.
            if s.opening_equity.is_none() && data.first_plan_opening_equity.is_none() {
                prop_assert_eq!(p.years[0].opening, reference.closing);
            }
        }
        for y in p.all_years() {
            prop_assert_eq!(y.opening + y.result, y.closing);
            prop_assert_eq!(y.guideline, kr(y.revenue * s.equity_guideline(&data) / Decimal::ONE_HUNDRED));
        }
        for pair in p.years.windows(2) {
            prop_assert_eq!(pair[0].closing, pair[1].opening);
            prop_assert_eq!(pair[0].year + 1, pair[1].year);
        }
    }

    #[test]
    fn team_topups_are_full_minus_forbund_cost_and_never_negative((data, s) in arb_case()) {
        let p = project(&data, &s);
        for y in &p.years {
            for (line, o) in data.lines.iter().zip(&y.lines) {
                if line.team {
                    prop_assert_eq!(o.full - o.cost, o.topup);
                    prop_assert!(o.topup >= Decimal::ZERO, "{} {:?}", line.id, o);
                    prop_assert!(o.cost <= o.full);
                    prop_assert_eq!(o.team_level, Some(s.team_level(&data, y.year, &line.id)));
                } else {
                    prop_assert!(o.topup.is_zero());
                }
            }
            prop_assert_eq!(y.topup_total, y.lines.iter().map(|l| l.topup).sum::<Decimal>());
        }
    }

    #[test]
    fn members_contributions_sum_to_the_years_contributions((data, s) in arb_case()) {
        // Around the two bugs below: the key in whole numbers (the same key),
        // and years whose fixed parts round up past the amount skipped. The
        // general case is `…_in_general`, ignored.
        let data = whole_key(&data);
        let p = project(&data, &s);
        let table = members_table(&data, &s, &p);
        prop_assert_eq!(table.is_some(), data.members.is_some());
        let Some(table) = table else { return Ok(()) };
        for (k, y) in p.years.iter().enumerate() {
            if !fixed_parts_fit(&data, y.revenue) { continue }
            let sum: Decimal = table.members.iter().map(|m| m.years[k].contribution).sum();
            prop_assert_eq!(sum, y.revenue, "{}", y.year);
            prop_assert_eq!(table.totals.years[k].contribution, y.revenue);
        }
        if let (Some(r), Some((_, total))) = (&p.reference, table.totals.reference) {
            if fixed_parts_fit(&data, r.revenue) {
                prop_assert_eq!(total, r.revenue);
            }
        }
    }

    #[test]
    fn members_top_ups_sum_to_the_teams_top_ups((data, s) in arb_case()) {
        // Around the bugs below: the key in whole numbers, every team serving
        // a municipality (under `served` a team serving none loses its
        // top-up), and under `key` years whose fixed parts round up past a
        // team's top-up skipped.
        let data = every_team_serves_someone(&whole_key(&data));
        let p = project(&data, &s);
        let Some(table) = members_table(&data, &s, &p) else { return Ok(()) };
        for (k, y) in p.years.iter().enumerate() {
            let keyed_fit = data
                .lines
                .iter()
                .zip(&y.lines)
                .filter(|(l, _)| l.team)
                .all(|(_, o)| fixed_parts_fit(&data, o.topup));
            if s.topup_rule == TopupRule::Key && !keyed_fit { continue }
            let sum: Decimal = table.members.iter().map(|m| m.years[k].topup).sum();
            prop_assert_eq!(sum, y.topup_total, "{}", y.year);
            prop_assert_eq!(table.totals.years[k].total, table.totals.years[k].contribution + y.topup_total);
            for m in &table.members {
                prop_assert_eq!(m.years[k].total, m.years[k].contribution + m.years[k].topup);
                prop_assert_eq!(m.years[k].change, m.years[k].total - m.years[0].total);
            }
        }
    }

    #[test]
    fn members_contributions_and_top_ups_sum_in_general((data, s) in arb_case()) {
        // The general form of the two invariants above, over every shape the
        // generator makes. It fails today; run it with `--ignored` to prove a fix.
        let p = project(&data, &s);
        let Some(table) = members_table(&data, &s, &p) else { return Ok(()) };
        for (k, y) in p.years.iter().enumerate() {
            let c: Decimal = table.members.iter().map(|m| m.years[k].contribution).sum();
            let t: Decimal = table.members.iter().map(|m| m.years[k].topup).sum();
            prop_assert_eq!(c, y.revenue, "{}", y.year);
            prop_assert_eq!(t, y.topup_total, "{}", y.year);
        }
    }

    /// Applying the balancing level (`Action::ApplyBalancing`) brings the
    /// year's result near zero. The level `f*` makes the result exactly 0
    /// ignoring rounding; the applied level `f̂ = round1(f*)` is at most 0,05
    /// points off, which moves the förbund cost of the `n` teams on the
    /// uniform level (full cost `T`) by at most `T · 0,05 / 100`, and each of
    /// their costs is rounded to the krona (at most ½ kr each). Without a
    /// steered share that is the whole error: `|result| ≤ T/2000 + n/2`.
    /// With a share `s`, `D = I · 100 / s` (plus ½ kr for rounding `S`), so
    /// the error in `I` is multiplied by `100 / s`:
    /// `|result| ≤ (100/s)(T/2000 + n/2) + ½`.
    #[test]
    fn applying_the_balancing_level_brings_the_years_result_near_zero((data, s) in arb_case()) {
        // See `a_steered_share_without_structural_lines`.
        prop_assume!(has_structural_line(&data));
        let p = project(&data, &s);
        let resolved = plan(&data, &s);
        for y in &p.years {
            let Balancing::Reachable(_) = y.balancing else { continue };
            let applied = update(&data, &s, &p, Action::ApplyBalancing(y.year)).unwrap_or_else(|| s.clone());
            let shown = y.balancing.shown_level().expect("reachable");
            prop_assert_eq!(applied.funding(&data, y.year), shown);
            let after = project(&data, &applied);
            let result = after.year(y.year).unwrap().result;
            let year_plan = resolved.year(y.year).unwrap();
            let uniform: Vec<usize> = year_plan.teams.iter().filter(|t| !t.own).map(|t| t.line).collect();
            let t: Decimal = uniform.iter().map(|&i| y.lines[i].full).sum();
            let n = Decimal::from(uniform.len() as u64);
            let mut bound = t / dec!(2000) + n / dec!(2);
            if let Some(share) = s.individ_share(&data, y.year) {
                bound = bound * Decimal::ONE_HUNDRED / share + dec!(0.5);
            }
            prop_assert!(result.abs() <= bound, "{}: result {} bound {}", y.year, result, bound);
            // The other years before it are untouched.
            for earlier in p.years.iter().filter(|e| e.year < y.year) {
                prop_assert_eq!(&after.year(earlier.year).unwrap().lines, &earlier.lines);
            }
        }
    }

    /// The link restores the scenario on generated data sets: nothing is
    /// ignored, the figures are the same, and the link read back is a fixed
    /// point (writing it again gives the same text).
    #[test]
    fn the_link_restores_the_scenario((data, s) in arb_case()) {
        let text = fragment::serialize(&s);
        let (restored, ignored) = fragment::parse(&data, &text);
        prop_assert!(ignored.is_empty(), "{} {:?}", text, ignored);
        prop_assert!(project(&data, &restored) == project(&data, &s), "{}", text);
        prop_assert_eq!(restored.last_year(&data), s.last_year(&data));
        prop_assert_eq!(restored.topup_rule, s.topup_rule);
        prop_assert_eq!(&restored.team_participants, &s.team_participants);
        prop_assert_eq!(&restored.team_fte, &s.team_fte);
        let again = fragment::serialize(&restored);
        let (twice, _) = fragment::parse(&data, &again);
        prop_assert_eq!(fragment::serialize(&twice), again);
    }

    /// The page's link with its reasons and a comparison of the scenario
    /// round-trips on generated data sets as well.
    #[test]
    fn the_page_link_restores_reasons_and_comparison(
        (data, s) in arb_case(),
        why in "\\PC{0,40}",
        label in "[A-Za-zåäöÅÄÖ0-9%&=#/ ]{1,20}",
    ) {
        let (canonical, _) = fragment::parse(&data, &fragment::serialize(&s));
        let mut comparison = Comparison::default();
        comparison.add(Compared { label: label.trim().to_owned(), scenario: Scenario::default(), motivation: String::new() });
        comparison.add(Compared { label: "B".into(), scenario: canonical.clone(), motivation: why.clone() });
        comparison.columns.retain(|c| !c.label.is_empty());
        let page = PageLink { scenario: canonical, motivation: why, comparison, meeting: true, member: data.member_list().first().map(|m| m.id.clone()), risk: Default::default() };
        let text = link::serialize(&page);
        let (read, ignored) = link::parse(&data, &text);
        prop_assert!(ignored.is_empty(), "{} {:?}", text, ignored);
        prop_assert_eq!(read, page);
    }

    #[test]
    fn no_link_text_panics((data, s) in arb_case(), text in ".{0,80}") {
        let (parsed, _) = fragment::parse(&data, &text);
        let _ = project(&data, &parsed);
        let (page, _) = link::parse(&data, &text);
        let _ = project(&data, &page.scenario);
        // Nor does a link made of real keys with random values.
        let keys = fragment::serialize(&s);
        let mangled: String = keys.chars().zip(text.chars().cycle()).map(|(k, t)| if k == '=' || k == '&' { k } else { t }).collect();
        let (parsed, _) = fragment::parse(&data, &mangled);
        let _ = project(&data, &parsed);
    }
}

// ------------------------------------------------------------ the same on SFV

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// SFV's own data set with generated scenarios, including periods to 2034.
    #[test]
    fn sfv_scenarios_keep_every_invariant(s in arb_scenario(&sfv())) {
        let data = sfv();
        let p = project(&data, &s);
        let table = members_table(&data, &s, &p).expect("SFV has members");
        for (k, y) in p.years.iter().enumerate() {
            prop_assert_eq!(y.opening + y.result, y.closing);
            let c: Decimal = table.members.iter().map(|m| m.years[k].contribution).sum();
            let t: Decimal = table.members.iter().map(|m| m.years[k].topup).sum();
            prop_assert_eq!(c, y.revenue);
            prop_assert_eq!(t, y.topup_total);
        }
        let (restored, ignored) = fragment::parse(&data, &fragment::serialize(&s));
        prop_assert!(ignored.is_empty());
        prop_assert_eq!(project(&data, &restored), p);
    }
}

// ------------------------------------------------------------ regressions
//
// Each found by the generators above, written here as the smallest case on
// SFV's own data set with the figure worked by hand. They fail today (bugs
// in `src/`), so they are ignored with the reason; run them with
// `cargo test --test core_invariants -- --ignored`.

fn link_on(data: &Dataset, text: &str) -> Scenario {
    let (s, ignored) = fragment::parse(data, text);
    assert!(ignored.is_empty(), "{ignored:?}");
    s
}

fn member_parts(data: &Dataset, s: &Scenario, year: Year) -> Vec<Decimal> {
    let p = project(data, s);
    let table = members_table(data, s, &p).expect("members");
    let k = p.period.index(year).unwrap();
    table
        .members
        .iter()
        .map(|m| m.years[k].contribution)
        .collect()
}

#[test]
fn a_key_weight_with_decimals_splits_like_the_same_key_in_whole_numbers() {
    // The key in thousands of inhabitants (160,634 for Västerås, …) is the
    // same key as SFV's populations: the split of 18 958 000 must be the
    // same, staten 9 479 000, region 4 739 500 and the municipalities'
    // 4 739 500 as in tests/core_members.rs (Fagersta 220 356).
    let whole = sfv();
    let mut scaled = sfv();
    for m in &mut scaled.members.as_mut().unwrap().list {
        m.key_weight = m.key_weight.map(|w| w / dec!(1000));
    }
    assert_eq!(scaled.validate(), Ok(()));
    let s = Scenario::default();
    let expected = member_parts(&whole, &s, 2025);
    assert_eq!(expected[7], dec!(220356));
    assert_eq!(member_parts(&scaled, &s, 2025), expected);
}

#[test]
fn fixed_parts_that_round_up_still_sum_to_the_contributions() {
    // Staten 50 %, the region 50 % (the municipalities share the 0 % left):
    // 18 958 001 kr in 2026 is 9 479 000,5 each. kr() gives both 9 479 001,
    // 18 958 002 in all; the rest (−1) is taken back from the key members
    // by their weights (core::members: the largest remainder of −1 falls on
    // Västerås, the largest weight), so the parts sum to 18 958 001.
    let mut d = sfv();
    d.members.as_mut().unwrap().list[1].fixed_percent = Some(dec!(50));
    assert_eq!(d.validate(), Ok(()));
    let s = link_on(&d, "rev2026=18958001");
    let parts = member_parts(&d, &s, 2026);
    assert_eq!(parts.iter().sum::<Decimal>(), dec!(18958001), "{parts:?}");
    assert_eq!(
        &parts[..3],
        &[dec!(9479001), dec!(9479001), dec!(-1)],
        "{parts:?}"
    );
}

#[test]
fn a_team_serving_no_municipality_still_has_its_top_up_paid_under_served() {
    // Teamsamverkan Västra Mälardalen with its municipalities not given
    // (a data set typed by hand). At 80 % in 2026 the teams' top-ups are
    // 20 % of 13 520 500 = 2 704 100, of which VM's 20 % of 1 550 500 =
    // 310 100. Today the members' top-ups sum to 2 394 000: VM's is nobody's.
    let mut d = sfv();
    for t in &mut d.teams {
        if t.line == "teamsamverkan_vm" {
            t.serves.clear();
        }
    }
    assert_eq!(d.validate(), Ok(()));
    let s = link_on(&d, "f2026=80");
    let p = project(&d, &s);
    let table = members_table(&d, &s, &p).unwrap();
    let y = p.year(2026).unwrap();
    assert_eq!(y.topup_total, dec!(2704100));
    let sum: Decimal = table.members.iter().map(|m| m.years[1].topup).sum();
    assert_eq!(sum, dec!(2704100));
}

#[test]
fn a_steered_share_without_structural_lines() {
    // SFV without its structural lines (valid: nothing requires one). There
    // is nothing to scale, so a steered share is refused (the link names
    // it) and the year stays as budgeted: I = 13 520 500 + 321 500 =
    // 13 842 000, S = 0, share 100 %. The balancing level is then the plain
    // one: (18 958 000 − 2 653 158 − 321 500 − 0) / 13 520 500 = 118,2… %,
    // out of reach (before the fix it assumed S = 5 932 286, gave 82,0 % and
    // a result of +4 896 532 kr when applied).
    let mut d = sfv();
    d.lines.retain(|l| l.category != Category::Struktur);
    d.unallocated_line = None;
    assert_eq!(d.validate(), Ok(()));
    let (s, ignored) = fragment::parse(&d, "s2026=70");
    assert_eq!(
        ignored.iter().map(|i| i.message()).collect::<Vec<_>>(),
        ["”s2026=70”: dataunderlaget har inga strukturella insatser att skala om."]
    );
    let p = project(&d, &s);
    let y = p.year(2026).unwrap();
    assert_eq!(y.individ, dec!(13842000));
    assert_eq!(y.struktur, Decimal::ZERO);
    assert_eq!(y.balancing, Balancing::NotReachable);
    assert_eq!(update(&d, &s, &p, Action::EnableIndividShare(2026)), None);
}

#[test]
fn the_same_choices_made_in_another_order_give_the_same_scenario() {
    // To 2030, 80 % from 2029: setting 2030 first and then 2029 must give the
    // scenario that setting 2029 alone gives (2030 carries 2029's 80 %).
    // The figures are the same, but the scenarios (and their links,
    // `till=2030&f2029=80&f2030=80` against `till=2030&f2029=80`) differ, so
    // a saved scenario is not found again after a reload
    // (`Workspace::reattach` compares links; see tests/state_workspace.rs).
    let d = sfv();
    let mut late_first = link_on(&d, "till=2030");
    late_first
        .set(&d, &Field::Funding(2030), Some(dec!(80)))
        .unwrap();
    late_first
        .set(&d, &Field::Funding(2029), Some(dec!(80)))
        .unwrap();
    let mut alone = link_on(&d, "till=2030");
    alone
        .set(&d, &Field::Funding(2029), Some(dec!(80)))
        .unwrap();
    assert_eq!(project(&d, &late_first), project(&d, &alone));
    assert_eq!(fragment::serialize(&alone), "till=2030&f2029=80");
    assert_eq!(
        fragment::serialize(&late_first),
        fragment::serialize(&alone)
    );
    assert_eq!(late_first, alone);
}
