//! The risk settings in the link (spec section 11 keys, `state::risk`):
//! defaults left out, Swedish notation read exactly, bad values refused
//! with a Swedish reason like every other bad link key, and the round trip
//! through the page link; the same rules for the panel's fields.
#![cfg(not(target_arch = "wasm32"))]

use budgetsimulatorn::core::risk::{RiskInputs, MAX_SEED};
use budgetsimulatorn::state::builtin::sfv;
use budgetsimulatorn::state::link::{self, PageLink};
use budgetsimulatorn::state::risk::{RiskError, RiskField, RiskSettings};
use budgetsimulatorn::state::workspace::{Context, Msg, Workspace};
use budgetsimulatorn::state::{fragment, library::Stamp};
use rust_decimal_macros::dec;

fn read(text: &str) -> (PageLink, Vec<String>) {
    let (page, ignored) = link::parse(&sfv(), text);
    (page, ignored.iter().map(|i| i.message()).collect())
}

#[test]
fn the_defaults_are_left_out_of_the_link() {
    let page = PageLink::default();
    assert_eq!(page.risk, RiskSettings::default());
    assert_eq!(link::serialize(&page), "");
    let (read_back, ignored) =
        read("risk.growth=1&risk.rev=1,0&risk.n=10000&risk.seed=1&risk.floor=0");
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(read_back.risk, RiskSettings::default());
    assert_eq!(link::serialize(&read_back), "");
}

#[test]
fn swedish_notation_is_read_exactly() {
    let (page, ignored) = read(
        "f2026=80&risk.growth=1,5&risk.rev=2.5&risk.n=20%C2%A0000&risk.seed=42&risk.floor=%E2%88%92500%20000",
    );
    assert!(ignored.is_empty(), "{ignored:?}");
    let i = page.risk.inputs;
    assert_eq!(
        (i.growth_spread(), i.revenue_spread(), i.draws(), i.seed()),
        (dec!(1.5), dec!(2.5), 20_000, 42)
    );
    assert_eq!(page.risk.floor, dec!(-500000));
    // Written back with a decimal point, in a fixed order, after the reasons.
    assert_eq!(
        link::serialize(&page),
        "f2026=80&risk.growth=1.5&risk.rev=2.5&risk.n=20000&risk.seed=42&risk.floor=-500000"
    );
}

#[test]
fn bad_values_are_named_and_the_rest_applies() {
    let (page, ignored) = read(
        "risk.growth=5,5&risk.rev=1,25&risk.n=500&risk.seed=-1&risk.floor=10,5&risk.x=1&f2026=80&risk.n=2000,5&risk.seed=abc&risk.rev=3",
    );
    assert_eq!(
        ignored,
        [
            "”risk.growth=5,5”: 5,5\u{a0}% ligger utanför det tillåtna intervallet 0\u{a0}% till 5\u{a0}%.",
            "”risk.rev=1,25”: Ange högst en decimal (”1,25”).",
            "”risk.n=500”: 500 ligger utanför det tillåtna intervallet 1\u{a0}000 till 100\u{a0}000.",
            "”risk.seed=-1”: −1 ligger utanför det tillåtna intervallet 0 till 9\u{a0}007\u{a0}199\u{a0}254\u{a0}740\u{a0}991.",
            "”risk.floor=10,5”: Ange hela kronor (”10,5” har decimaler).",
            "”risk.x=1”: okänd inställning.",
            "”risk.n=2000,5”: Ange ett heltal (”2000,5”).",
            "”risk.seed=abc”: ”abc” är inte ett tal.",
        ]
    );
    // What could be read applies; the refused keys keep their defaults.
    assert_eq!(page.risk.inputs.revenue_spread(), dec!(3));
    assert_eq!(page.risk.inputs.draws(), 10_000);
    assert_eq!(page.scenario.funding(&sfv(), 2026), dec!(80));
}

#[test]
fn the_limits_themselves_are_accepted() {
    let (page, ignored) = read(&format!(
        "risk.growth=0&risk.rev=20&risk.n=100000&risk.seed={MAX_SEED}"
    ));
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(
        page.risk.inputs,
        RiskInputs::new(dec!(0), dec!(20), 100_000, MAX_SEED).unwrap()
    );
    let (_, ignored) = read(&format!(
        "risk.seed={}&risk.n=100001&risk.growth=-0,1",
        MAX_SEED + 1
    ));
    assert_eq!(ignored.len(), 3, "{ignored:?}");
}

#[test]
fn every_setting_round_trips_with_the_rest_of_the_page() {
    let d = sfv();
    let (scenario, _) = fragment::parse(&d, "f2026=80&f2027=80&till=2030&growth=2.5");
    let mut risk = RiskSettings::default();
    for (field, text) in [
        (RiskField::GrowthSpread, "1,5"),
        (RiskField::RevenueSpread, "0"),
        (RiskField::Draws, "1 000"),
        (RiskField::Seed, "7"),
        (RiskField::Floor, "250 000 kr"),
    ] {
        risk = risk.with(field, text).unwrap();
    }
    let page = PageLink {
        scenario,
        motivation: "Teamen behålls & kommunerna skjuter till.".into(),
        meeting: true,
        risk,
        ..PageLink::default()
    };
    let text = link::serialize(&page);
    assert_eq!(
        text,
        "till=2030&growth=2.5&f2026=80&f2027=80\
         &why=Teamen%20beh%C3%A5lls%20%26%20kommunerna%20skjuter%20till.\
         &risk.growth=1.5&risk.rev=0&risk.n=1000&risk.seed=7&risk.floor=250000&meeting=1"
    );
    let (back, ignored) = link::parse(&d, &text);
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(back, page);
}

#[test]
fn the_panel_shows_and_refuses_values_as_the_link_does() {
    let s = RiskSettings::default();
    let shown: Vec<String> = RiskField::ALL.iter().map(|&f| s.text(f)).collect();
    assert_eq!(shown, ["1", "1", "10\u{a0}000", "1", "0"]);
    let set = s.with(RiskField::GrowthSpread, " 2,5 ").unwrap();
    assert_eq!(set.text(RiskField::GrowthSpread), "2,5");
    assert_eq!(
        s.with(RiskField::Draws, "").unwrap_err().to_string(),
        "Fältet är tomt: skriv ett tal."
    );
    assert!(matches!(
        s.with(RiskField::Seed, "1,5"),
        Err(RiskError::NotWhole { .. })
    ));
    assert_eq!(
        s.with(RiskField::Floor, "-1 500 000")
            .unwrap()
            .text(RiskField::Floor),
        "\u{2212}1\u{a0}500\u{a0}000"
    );
}

#[test]
fn the_workspace_keeps_the_settings_in_its_link_without_an_undo_step() {
    let d = std::rc::Rc::new(sfv());
    let (page, _) = link::parse(&d, "f2026=80&risk.growth=2");
    let ws = Workspace::new(d.clone(), Default::default(), page, Default::default());
    assert_eq!(ws.risk.inputs.growth_spread(), dec!(2));
    let projection = budgetsimulatorn::core::project(&d, &ws.scenario);
    let ctx = Context {
        projection: &projection,
        stamp: Stamp {
            now: "2026-12-01T10:00".into(),
            ms: 1,
            uid: "u".into(),
        },
    };
    let wider = ws.risk.with(RiskField::Draws, "20000").unwrap();
    let next = ws.apply(&ctx, Msg::SetRisk(wider)).unwrap();
    assert_eq!(
        link::serialize(&next.page_link()),
        "f2026=80&risk.growth=2&risk.n=20000"
    );
    assert!(
        !next.can_undo(),
        "a setting of the analysis is not a step of the scenario"
    );
    assert_eq!(
        next.apply(&ctx, Msg::SetRisk(wider)),
        None,
        "nothing changes"
    );
    // A link opened in the address bar brings its own settings.
    let (opened, _) = link::parse(&d, "f2026=80");
    let back = next.apply(&ctx, Msg::OpenLink(Box::new(opened))).unwrap();
    assert_eq!(back.risk, RiskSettings::default());
}
