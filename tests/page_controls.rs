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
