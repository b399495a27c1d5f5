//! The scenario's controls as data (`page::inputs`): what the opening
//! equity's hint says when the scenario gives its own figure.
#![cfg(not(target_arch = "wasm32"))]

use budgetsimulatorn::core::project;
use budgetsimulatorn::page::inputs::scenario_controls;
use budgetsimulatorn::page::Control;
use budgetsimulatorn::state::builtin::sfv;
use budgetsimulatorn::state::fragment;

/// The hint of the number field `id`, wherever it sits among the groups.
fn hint_of(controls: &[Control], id: &str) -> Option<String> {
    controls.iter().find_map(|c| match c {
        Control::Number { field, hint, .. } if field.id == id => hint.clone(),
        Control::Group { children, .. } | Control::Fold { children, .. } => hint_of(children, id),
        _ => None,
    })
}

#[test]
fn the_opening_equity_hint_says_whose_figure_it_is() {
    let data = sfv();
    let hint = |link: &str| {
        let (scenario, ignored) = fragment::parse(&data, link);
        assert!(ignored.is_empty(), "{ignored:?}");
        let controls = scenario_controls(&data, &scenario, &project(&data, &scenario), false);
        hint_of(&controls, "eq").expect("the opening equity has a hint")
    };
    // SFV: 2025 opens with 2024's closing, 3 863 000 + 19 038 000 −
    // 20 983 000 = 1 918 000 kr, from the 2024 budget.
    assert!(hint("").starts_with("Beräknat enligt"), "{}", hint(""));
    assert_eq!(
        hint("eq=1234567"),
        "Scenariots eget värde; dataunderlaget säger 1\u{a0}918\u{a0}000\u{a0}kr."
    );
    // The data set's own figure typed again is no longer the scenario's own.
    assert!(hint("eq=1918000").starts_with("Beräknat enligt"));
}

/// The hint of the group headed `legend`.
fn group_hint(controls: &[Control], legend: &str) -> Option<String> {
    controls.iter().find_map(|c| match c {
        Control::Group {
            legend: l, hint, ..
        } if l == legend => hint.clone(),
        Control::Group { children, .. } | Control::Fold { children, .. } => {
            group_hint(children, legend)
        }
        _ => None,
    })
}

#[test]
fn the_funding_level_says_when_the_data_set_has_no_teams() {
    let legend = "Finansieringsnivå för samordningsteamen";
    let hint = |data: &budgetsimulatorn::core::Dataset| {
        let (scenario, _) = fragment::parse(data, "f2026=80");
        let controls = scenario_controls(data, &scenario, &project(data, &scenario), false);
        group_hint(&controls, legend).expect("the funding group has a hint")
    };
    let mut data = sfv();
    assert!(hint(&data).starts_with("Andel av teamens fulla kostnad"));
    // Without team lines 80 % changes no figure: said, not silent.
    for line in &mut data.lines {
        line.team = false;
    }
    let (scenario, _) = fragment::parse(&data, "f2026=80");
    assert_eq!(
        project(&data, &scenario).year(2026).unwrap().result,
        project(&data, &fragment::parse(&data, "").0)
            .year(2026)
            .unwrap()
            .result
    );
    assert!(
        hint(&data).starts_with("Dataunderlaget har inga rader markerade som samordningsteam"),
        "{}",
        hint(&data)
    );
}

/// The hint of the select `id`, wherever it sits among the groups.
fn select_hint(controls: &[Control], id: &str) -> Option<String> {
    controls.iter().find_map(|c| match c {
        Control::Select { id: i, hint, .. } if i == id => hint.clone(),
        Control::Group { children, .. } | Control::Fold { children, .. } => {
            select_hint(children, id)
        }
        _ => None,
    })
}

#[test]
fn the_plan_period_hint_names_which_years_carry_the_year_before() {
    let data = sfv();
    let (scenario, _) = fragment::parse(&data, "till=2030");
    let controls = scenario_controls(&data, &scenario, &project(&data, &scenario), false);
    // SFV plans 2025–2027: 2028 on carry 2027's choices; 2026 and 2027
    // each have their own (setting 2026 does not set 2027).
    assert_eq!(
        select_hint(&controls, "till").as_deref(),
        Some("Dataunderlaget planerar till 2027. År efter 2027 behåller 2027 års val; ett år inom 2025–2027 har sitt eget.")
    );
}
