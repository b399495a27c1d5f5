//! The page's pure state: presets, undo/redo with coalescing, saved scenarios
//! (stored format, migration, import validation) and comparison maths.
//! Figures are worked by hand in the comments from the spec's default data.

use budgetsimulatorn::model::comparison::{figures, Column, Comparison};
use budgetsimulatorn::model::history::{History, HISTORY_DEPTH};
use budgetsimulatorn::model::library::{
    read_document, summary, unique_name, Library, LibraryError, FORMAT_VERSION,
};
use budgetsimulatorn::model::link;
use budgetsimulatorn::model::presets::{sfv_presets, Preset};
use budgetsimulatorn::model::workspace::{Context, Msg, Notice, Workspace};
use budgetsimulatorn::model::{fragment, project, Action, Dataset, Field, PlanYear, Scenario};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

const NOW: &str = "2026-11-23T10:15";

fn data() -> Dataset {
    Dataset::sfv_default().unwrap()
}

fn preset<'a>(presets: &'a [Preset], id: &str) -> &'a Preset {
    presets.iter().find(|p| p.id == id).unwrap()
}

/// Applies messages one by one, as the page's reducer does.
struct Page {
    data: Dataset,
    presets: Vec<Preset>,
    ws: Workspace,
}

impl Page {
    fn new() -> Self {
        let data = data();
        let presets = sfv_presets(&data).unwrap();
        let (link, _) = link::parse(&data, "");
        Page {
            ws: Workspace::new(link, Library::default()),
            data,
            presets,
        }
    }

    /// Sends a message; returns whether the state changed.
    fn send(&mut self, msg: Msg) -> bool {
        let projection = project(&self.data, &self.ws.scenario);
        let ctx = Context {
            data: &self.data,
            presets: &self.presets,
            projection: &projection,
            now: NOW,
        };
        match self.ws.apply(&ctx, msg) {
            Some(next) => {
                self.ws = next;
                true
            }
            None => false,
        }
    }

    fn set_funding(&mut self, year: PlanYear, value: Decimal) {
        self.send(Msg::Edit(Action::Set(Field::Funding(year), Some(value))));
    }

    fn funding(&self, year: PlanYear) -> Decimal {
        self.ws.scenario.funding[year.index()]
    }
}

// ---------------------------------------------------------------- presets

#[test]
fn presets_follow_spec_section_7_with_their_figures() {
    let d = data();
    let presets = sfv_presets(&d).unwrap();
    let ids: Vec<&str> = presets.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "nulage",
            "presidiet80",
            "balans85",
            "motforslag7723",
            "mal6040"
        ]
    );
    assert!(presets.iter().all(|p| !p.source.is_empty()));
    assert_eq!(preset(&presets, "nulage").scenario, Scenario::defaults(&d));

    let result_2026 = |id: &str| project(&d, &preset(&presets, id).scenario).years[1].result;
    // Teams' full cost 2026 = budget 2025: 6 100 000 + 1 720 000 + 1 650 000
    // + 1 250 000 + 1 250 000 + 1 550 500 = 13 520 500.
    // nulage: 18 958 000 − 20 986 622 = −2 028 622.
    assert_eq!(result_2026("nulage"), dec!(-2028622));
    // presidiet80: costs fall by 20 % of 13 520 500 = 2 704 100 → 675 478.
    assert_eq!(result_2026("presidiet80"), dec!(675478));
    // balans85: costs fall by 15 % = 2 028 075 → −547 (spec 4: 85,0 %).
    assert_eq!(result_2026("balans85"), dec!(-547));
    // motforslag7723: I = 13 520 500 + 321 500 = 13 842 000;
    // S = kr(13 842 000 × 23 / 77) = kr(4 134 623,38) = 4 134 623;
    // K = 2 653 158 + 13 842 000 + 4 134 623 = 20 629 781 → −1 671 781.
    assert_eq!(result_2026("motforslag7723"), dec!(-1671781));
    // mal6040: teams at 70 % = 9 464 350, I = 9 785 850, S = I × 40/60 =
    // 6 523 900; K = 2 653 158 + 9 785 850 + 6 523 900 = 18 962 908 → −4 908.
    assert_eq!(result_2026("mal6040"), dec!(-4908));
}

#[test]
fn applying_a_preset_is_one_undoable_step() {
    let mut page = Page::new();
    page.set_funding(PlanYear::Y2025, dec!(90));
    page.send(Msg::EndGesture);
    assert!(page.send(Msg::ApplyPreset("mal6040".into())));
    assert_eq!(page.funding(PlanYear::Y2026), dec!(70));
    assert_eq!(page.funding(PlanYear::Y2025), dec!(100));
    assert!(page.send(Msg::Undo));
    assert_eq!(page.funding(PlanYear::Y2025), dec!(90));
    assert_eq!(page.funding(PlanYear::Y2026), dec!(100));
    // Applying the preset that is already shown changes nothing.
    page.send(Msg::Redo);
    assert!(!page.send(Msg::ApplyPreset("mal6040".into())));
    assert!(!page.send(Msg::ApplyPreset("no-such-preset".into())));
}

// ---------------------------------------------------------------- history

#[test]
fn a_slider_drag_is_one_step_and_a_sealed_gesture_ends_it() {
    let mut page = Page::new();
    // One drag: 99, 98, … 80 on the 2026 slider.
    for level in (80..100).rev() {
        page.set_funding(PlanYear::Y2026, Decimal::from(level));
    }
    page.send(Msg::EndGesture);
    // A second drag of the same slider is a new step.
    page.set_funding(PlanYear::Y2026, dec!(75));
    page.set_funding(PlanYear::Y2026, dec!(76));
    // Another field right after is its own step, even without a seal.
    page.set_funding(PlanYear::Y2027, dec!(85));

    assert!(page.send(Msg::Undo));
    assert_eq!(page.funding(PlanYear::Y2027), dec!(100));
    assert_eq!(page.funding(PlanYear::Y2026), dec!(76));
    assert!(page.send(Msg::Undo));
    assert_eq!(page.funding(PlanYear::Y2026), dec!(80));
    assert!(page.send(Msg::Undo));
    assert_eq!(page.funding(PlanYear::Y2026), dec!(100));
    assert!(!page.send(Msg::Undo), "nothing left to undo");

    assert!(page.send(Msg::Redo));
    assert_eq!(page.funding(PlanYear::Y2026), dec!(80));
    assert!(page.send(Msg::Redo));
    assert!(page.send(Msg::Redo));
    assert_eq!(page.funding(PlanYear::Y2027), dec!(85));
    assert!(!page.send(Msg::Redo), "nothing left to redo");

    // A new change after an undo drops the redo branch.
    page.send(Msg::Undo);
    page.set_funding(PlanYear::Y2025, dec!(95));
    assert!(!page.ws.can_redo());
}

#[test]
fn history_is_capped_at_its_depth() {
    let mut history: History<u32, ()> = History::default();
    for state in 0..(HISTORY_DEPTH as u32 + 50) {
        history.record(state, None);
    }
    let mut present = 9999;
    let mut steps = 0;
    while let Some(previous) = history.undo(present) {
        present = previous;
        steps += 1;
    }
    assert_eq!(steps, HISTORY_DEPTH);
    // The oldest 50 states were dropped: the furthest back is state 50.
    assert_eq!(present, 50);
}

#[test]
fn a_no_op_changes_nothing_and_adds_no_step() {
    let mut page = Page::new();
    assert!(!page.send(Msg::Edit(Action::Set(
        Field::Funding(PlanYear::Y2026),
        Some(dec!(100))
    ))));
    assert!(!page.ws.can_undo());
    assert!(!page.send(Msg::Undo));
    assert!(!page.send(Msg::EndGesture) || !page.ws.can_undo());
}

// ---------------------------------------------------------------- saved scenarios

#[test]
fn storage_format_round_trips_with_names_dates_and_links() {
    let d = data();
    let mut library = Library::default();
    let (eighty, _) = fragment::parse(&d, "f2026=80&f2027=80&s2027=70&f2026.team_fns=90");
    library.save("Presidiet & co", "2026-11-23T10:15", eighty.clone());
    library.save("Nuläge", "2026-11-24T08:00", Scenario::defaults(&d));
    let text = library.to_document(&d);
    assert!(text.contains("\"version\": 1"), "{text}");
    assert!(text.contains("\"link\": \"f2026=80&f2027=80&f2026.team_fns=90&s2027=70\""));
    let read = read_document(&d, &text).unwrap();
    let again = Library::from_read(read);
    assert_eq!(again, library);
    assert_eq!(again.scenarios[0].scenario, eighty);
    assert_eq!(again.scenarios[0].saved_text(), "2026-11-23 10:15");
}

#[test]
fn versions_are_migrated_or_refused_never_guessed() {
    let d = data();
    let doc = |version: &str| {
        format!(
            r#"{{"format":"budgetsimulatorn-scenarier","version":{version},"scenarios":[{{"name":"A","saved":"2026-01-02T03:04","link":"f2026=80"}}]}}"#
        )
    };
    assert_eq!(read_document(&d, &doc("1")).unwrap().len(), 1);
    assert_eq!(
        read_document(&d, &doc("2")),
        Err(LibraryError::FutureVersion { found: 2 })
    );
    assert_eq!(
        read_document(&d, &doc("0")),
        Err(LibraryError::UnknownVersion { found: 0 })
    );
    assert_eq!(
        read_document(&d, &doc("\"1\"")),
        Err(LibraryError::NoVersion)
    );
    assert_eq!(FORMAT_VERSION, 1);
    assert_eq!(
        LibraryError::FutureVersion { found: 2 }.to_string(),
        "Innehållet är skapat av en nyare version av Budgetsimulatorn (format 2); den här versionen läser format 1."
    );
}

#[test]
fn every_kind_of_bad_file_is_refused_with_a_swedish_reason() {
    let d = data();
    let with = |scenarios: &str| {
        format!(
            r#"{{"format":"budgetsimulatorn-scenarier","version":1,"scenarios":[{scenarios}]}}"#
        )
    };
    let ten_megabytes = "x".repeat(10_000_000);
    let cases: Vec<(String, &str)> = vec![
        (ten_megabytes, "Filen är för stor (10000 kB). En scenariofil är högst 1 000 kB."),
        ("det här är ingen json".into(), "Innehållet är inte giltig JSON (rad 1, kolumn 1)."),
        ("[1, 2, 3]".into(), "Innehållet är inte en scenariofil från Budgetsimulatorn (fältet ”format” saknas eller är fel)."),
        (r#"{"format":"annat","version":1,"scenarios":[]}"#.into(), "Innehållet är inte en scenariofil från Budgetsimulatorn (fältet ”format” saknas eller är fel)."),
        (r#"{"format":"budgetsimulatorn-scenarier","scenarios":[]}"#.into(), "Innehållet saknar ett giltigt versionsnummer."),
        (r#"{"format":"budgetsimulatorn-scenarier","version":1,"scenarios":{}}"#.into(), "Innehållet har fel struktur (rad 1, kolumn 63): ett fält saknas eller har fel typ."),
        (with(r#"{"name":"  ","saved":"2026-01-02T03:04","link":""}"#), "Scenario 1 saknar namn."),
        (with(r#"{"name":"A","saved":"igår","link":""}"#), "Scenario 1 (”A”) har ett ogiltigt datum."),
        (
            with(r#"{"name":"A","saved":"2026-01-02T03:04","link":""},{"name":"B","saved":"2026-01-02T03:04","link":"f2026=150&zzz=1"}"#),
            "Scenario 2 (”B”) har värden som inte kan användas: ”f2026=150”: 150\u{a0}% ligger utanför det tillåtna intervallet 0\u{a0}% till 100\u{a0}%. ”zzz=1”: okänd inställning.",
        ),
    ];
    for (text, message) in cases {
        let error = read_document(&d, &text).unwrap_err();
        assert_eq!(error.to_string(), message);
    }
}

#[test]
fn import_adds_with_suffixes_and_never_overwrites() {
    let d = data();
    let mut page = Page::new();
    page.set_funding(PlanYear::Y2026, dec!(80));
    page.send(Msg::Save("Variant A".into()));
    let file = r#"{"format":"budgetsimulatorn-scenarier","version":1,"scenarios":[
            {"name":"Variant A","saved":"2026-01-02T03:04","link":"f2026=75"},
            {"name":"Variant B","saved":"2026-01-02T03:04","link":"s2027=60"}]}"#;
    let read = read_document(&d, file).unwrap();
    page.send(Msg::Import(read));
    let names: Vec<&str> = page
        .ws
        .library
        .scenarios
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["Variant A", "Variant A (2)", "Variant B"]);
    assert_eq!(page.ws.library.scenarios[0].scenario.funding[1], dec!(80));
    assert_eq!(page.ws.library.scenarios[1].scenario.funding[1], dec!(75));
    assert_eq!(
        page.ws.notice,
        Some(Notice::Info(
            "2 scenarier importerades: ”Variant A (2)”, ”Variant B”.".into()
        ))
    );
    assert_eq!(unique_name(["a", "a (2)"].into_iter(), "a"), "a (3)");
}

#[test]
fn an_open_saved_scenario_autosaves_and_delete_can_be_undone() {
    let mut page = Page::new();
    page.set_funding(PlanYear::Y2026, dec!(80));
    page.send(Msg::Save("  Presidiets   variant ".into()));
    let id = page.ws.open_saved.expect("saved and open");
    assert_eq!(page.ws.library.get(id).unwrap().name, "Presidiets variant");
    page.set_funding(PlanYear::Y2027, dec!(80));
    assert_eq!(
        page.ws.library.get(id).unwrap().scenario.funding[2],
        dec!(80)
    );
    assert_eq!(
        summary(&page.data, &page.ws.library.get(id).unwrap().scenario),
        "80\u{a0}% 2026–27"
    );
    // Undo is a change too, and is autosaved.
    page.send(Msg::Undo);
    assert_eq!(
        page.ws.library.get(id).unwrap().scenario.funding[2],
        dec!(100)
    );

    page.send(Msg::Duplicate(id));
    assert_eq!(
        page.ws.library.scenarios[1].name,
        "Presidiets variant (kopia)"
    );
    page.send(Msg::Rename(id, "Förslag 1".into()));
    assert_eq!(
        page.ws.notice,
        Some(Notice::Info("Namnet är nu ”Förslag 1”.".into()))
    );
    // A name another scenario has gets a suffix, and the notice says so.
    let copy = page.ws.library.scenarios[1].id;
    page.send(Msg::Rename(copy, "Förslag 1".into()));
    assert_eq!(
        page.ws.notice,
        Some(Notice::Info("Namnet är nu ”Förslag 1 (2)”.".into()))
    );
    page.send(Msg::Delete(id));
    assert_eq!(page.ws.open_saved, None);
    assert_eq!(page.ws.library.scenarios.len(), 1);
    assert_eq!(
        page.ws.notice,
        Some(Notice::Deleted {
            name: "Förslag 1".into()
        })
    );
    page.send(Msg::UndoDelete);
    assert_eq!(page.ws.library.scenarios[0].name, "Förslag 1");
    assert_eq!(page.ws.library.scenarios.len(), 2);
    // A preset detaches from the saved scenario, which keeps its content.
    page.send(Msg::OpenSaved(id));
    page.send(Msg::ApplyPreset("mal6040".into()));
    assert_eq!(page.ws.open_saved, None);
    assert_eq!(
        page.ws.library.get(id).unwrap().scenario.funding[1],
        dec!(80)
    );
}

#[test]
fn summaries_read_like_a_person_would_write_them() {
    let d = data();
    let s = |text: &str| summary(&d, &fragment::parse(&d, text).0);
    assert_eq!(s(""), "Full finansiering, fördelning som budgeterat");
    assert_eq!(
        s("f2026=80&f2027=80&s2027=70"),
        "80\u{a0}% 2026–27, individ 70\u{a0}% 2027"
    );
    assert_eq!(
        s("f2025=90&f2027=75,5&growth=2&f2026.team_fns=90"),
        "90\u{a0}% 2025, 75,5\u{a0}% 2027, 1 egna teamnivåer, kostnadsökning 2\u{a0}%"
    );
}

// ---------------------------------------------------------------- comparison

#[test]
fn comparison_differences_are_worked_from_the_base() {
    let d = data();
    let presets = sfv_presets(&d).unwrap();
    let mut comparison = Comparison::default();
    for id in ["nulage", "presidiet80", "mal6040"] {
        assert!(comparison.add(Column {
            label: preset(&presets, id).name.clone(),
            scenario: preset(&presets, id).scenario.clone(),
        }));
    }
    let f = figures(&d, &comparison, Some("fagersta"));
    assert_eq!(f.columns.len(), 3);
    let base = &f.columns[0];
    assert!(base.years.iter().all(|y| y.diff.is_none()));
    let eighty = &f.columns[1];
    // 2025 is the same in both: no difference.
    let d2025 = eighty.years[0].diff.unwrap();
    assert_eq!(
        (d2025.result, d2025.closing, d2025.topup),
        (dec!(0), dec!(0), dec!(0))
    );
    // 2026: the members find 20 % of 13 520 500 = 2 704 100, the förbund saves it.
    let y2026 = &eighty.years[1];
    assert_eq!(y2026.topup, dec!(2704100));
    assert_eq!(y2026.result, dec!(675478));
    let d2026 = y2026.diff.unwrap();
    assert_eq!(d2026.result, dec!(2704100));
    assert_eq!(d2026.closing, dec!(2704100));
    assert_eq!(d2026.topup, dec!(2704100));
    // 2027: the closing difference adds up both years: 5 408 200.
    let d2027 = eighty.years[2].diff.unwrap();
    assert_eq!(d2027.closing, dec!(5408200));
    // mal6040 2026: result −4 908 against −2 028 622 → +2 023 714; top-up 30 %
    // of 13 520 500 = 4 056 150.
    let goal = &f.columns[2].years[1];
    assert_eq!(goal.diff.unwrap().result, dec!(2023714));
    assert_eq!(goal.diff.unwrap().topup, dec!(4056150));
    assert_eq!(goal.share_individ.map(|s| s.round_dp(1)), Some(dec!(60.0)));
    // Fagersta's total 2026: its contribution 220 356 (2025's split, flat
    // contributions) plus its FNS share of 330 000 at 80 % (189 366).
    assert_eq!(f.columns[1].member_total.as_ref().unwrap()[1], dec!(409722));
    assert_eq!(f.columns[0].member_total.as_ref().unwrap()[1], dec!(220356));
    // The chart has a line per scenario over 2024–2027.
    assert_eq!(f.chart.lines.len(), 3);
    assert!(f.chart.lines.iter().all(|l| l.markers.len() == 4));

    // Making the third the base turns the differences around.
    comparison.make_base(2);
    let f = figures(&d, &comparison, Some("fagersta"));
    assert_eq!(f.columns[0].label, "Målet 60/40 i balans");
    assert_eq!(f.columns[1].years[1].diff.unwrap().result, dec!(-2023714));
}

#[test]
fn a_comparison_holds_at_most_four_and_refuses_a_fifth() {
    let mut page = Page::new();
    for id in ["nulage", "presidiet80", "balans85", "motforslag7723"] {
        page.send(Msg::ApplyPreset(id.into()));
        page.send(Msg::AddToComparison);
    }
    let labels: Vec<&str> = page
        .ws
        .comparison
        .columns
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(labels[1], "Presidiets förslag: 80 % från 2026");
    page.send(Msg::ApplyPreset("mal6040".into()));
    page.send(Msg::AddToComparison);
    assert_eq!(page.ws.comparison.columns.len(), 4);
    assert_eq!(
        page.ws.notice,
        Some(Notice::Warning(
            "Jämförelsen rymmer högst 4 scenarier. Ta bort ett för att lägga till ett nytt.".into()
        ))
    );
    // A scenario of its own gets a numbered label.
    page.send(Msg::RemoveColumn(3));
    page.set_funding(PlanYear::Y2026, dec!(72));
    page.send(Msg::AddToComparison);
    assert_eq!(page.ws.comparison.columns[3].label, "Scenario 4");
    // Opening a column makes it the current scenario.
    page.send(Msg::OpenColumn(1));
    assert_eq!(page.funding(PlanYear::Y2026), dec!(80));
}
