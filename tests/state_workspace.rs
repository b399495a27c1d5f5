//! The page's pure state: presets, undo/redo with coalescing, saved scenarios
//! (stored format 2, migration of format 1, import validation, versions, two
//! tabs), comparison maths, and links written before the plan period could
//! be extended. Figures are worked by hand in the comments from SFV's data
//! (tests/core_sources.rs has the working of the budget figures).
#![cfg(not(target_arch = "wasm32"))]

use budgetsimulatorn::core::compare::compare;
use budgetsimulatorn::core::{project, Dataset, Field, Scenario, Year};
use budgetsimulatorn::export::chart::comparison_chart;
use budgetsimulatorn::export::words::summary;
use budgetsimulatorn::page::meeting::comparison_steps;
use budgetsimulatorn::state::builtin::{sfv, PRESETS_JSON};
use budgetsimulatorn::state::comparison::{Column, Comparison};
use budgetsimulatorn::state::document::JsonText;
use budgetsimulatorn::state::fragment;
use budgetsimulatorn::state::history::{History, HISTORY_DEPTH};
use budgetsimulatorn::state::library::{
    check_document_size, read_document, unique_name, Content, Datasets, Library, LibraryError,
    SavedScenario, Stamp, FORMAT_VERSION, MAX_VERSIONS,
};
use budgetsimulatorn::state::link::{self, PageLink};
use budgetsimulatorn::state::presets::{matching, presets_for, Preset, PresetFile};
use budgetsimulatorn::state::update::Action;
use budgetsimulatorn::state::workspace::{Context, Msg, Notice, Workspace};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::rc::Rc;

const NOW: &str = "2026-11-23T10:15";

fn presets(data: &Dataset) -> Vec<Preset> {
    let file: PresetFile = serde_json::from_str(PRESETS_JSON).expect("presets.json parses");
    presets_for(data, &file)
}

fn preset<'a>(presets: &'a [Preset], id: &str) -> &'a Preset {
    presets.iter().find(|p| p.id == id).unwrap()
}

fn scenario(data: &Dataset, text: &str) -> Scenario {
    let (s, ignored) = fragment::parse(data, text);
    assert!(ignored.is_empty(), "{ignored:?}");
    s
}

fn stamp_at(ms: u64, now: &str) -> Stamp {
    Stamp {
        now: now.to_owned(),
        ms,
        uid: format!("uid-{ms}"),
    }
}

fn content(data: &Dataset, link: &str, motivation: &str) -> Content {
    Content {
        dataset: data.id.clone(),
        link: link.to_owned(),
        motivation: motivation.to_owned(),
    }
}

/// Reads a document as the page does, with SFV's data set the one known.
fn read(data: &Dataset, text: &str, datasets: Datasets) -> Result<Library, LibraryError> {
    let known = |id: &str| (id == data.id).then_some(data);
    read_document(&JsonText(text), &known, datasets)
}

fn import(data: &Dataset, text: &str) -> Result<Library, LibraryError> {
    read(data, text, Datasets::RequireKnown)
}

/// Applies messages one by one, as the page's reducer does, with a clock
/// that moves one millisecond per message.
struct Page {
    ws: Workspace,
    clock: u64,
}

impl Page {
    fn new() -> Self {
        Self::with(Library::default(), "")
    }

    fn with(library: Library, address: &str) -> Self {
        let data = sfv();
        let presets = presets(&data);
        let (link, ignored) = link::parse(&data, address);
        assert!(ignored.is_empty(), "{ignored:?}");
        Page {
            ws: Workspace::new(Rc::new(data), Rc::new(presets), link, library),
            clock: 1_000,
        }
    }

    fn data(&self) -> &Dataset {
        &self.ws.data
    }

    /// Sends a message; returns whether the state changed.
    fn send(&mut self, msg: Msg) -> bool {
        let projection = project(&self.ws.data, &self.ws.scenario);
        self.clock += 1;
        let ctx = Context {
            projection: &projection,
            stamp: stamp_at(self.clock, NOW),
        };
        match self.ws.apply(&ctx, msg) {
            Some(next) => {
                self.ws = next;
                true
            }
            None => false,
        }
    }

    fn set(&mut self, field: Field, value: Decimal) -> bool {
        self.send(Msg::Edit(Action::Set(field, Some(value))))
    }

    fn set_funding(&mut self, year: Year, value: Decimal) {
        self.set(Field::Funding(year), value);
    }

    fn funding(&self, year: Year) -> Decimal {
        self.ws.scenario.funding(&self.ws.data, year)
    }

    fn link(&self) -> String {
        fragment::serialize(&self.ws.scenario)
    }

    fn open(&self) -> String {
        self.ws
            .open_saved
            .clone()
            .expect("a saved scenario is open")
    }

    fn entry(&self, uid: &str) -> &SavedScenario {
        self.ws.library.get(uid).expect("saved")
    }

    fn names(&self) -> Vec<&str> {
        self.ws
            .library
            .scenarios
            .iter()
            .map(|s| s.name.as_str())
            .collect()
    }
}

// ---------------------------------------------------------------- presets

#[test]
fn presets_follow_spec_section_7_with_their_figures() {
    let d = sfv();
    let presets = presets(&d);
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
    assert_eq!(preset(&presets, "nulage").scenario, Scenario::default());
    assert_eq!(
        preset(&presets, "presidiet80").fragment,
        "f2026=80&f2027=80"
    );

    let result_2026 = |id: &str| {
        project(&d, &preset(&presets, id).scenario)
            .year(2026)
            .unwrap()
            .result
    };
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
fn a_preset_whose_source_the_data_set_lacks_is_not_offered() {
    // A data set without SFV's sources gets only Nuläge, in its own words.
    let mut d = sfv();
    d.sources
        .retain(|s| s.id == "vp2024" || s.id == "vasteras2021");
    for c in &mut d.columns {
        c.source = "vp2024".into();
    }
    let members = d.members.as_mut().unwrap();
    members.key_source = String::new();
    members.source = String::new();
    d.validate().unwrap();
    let offered = presets(&d);
    let ids: Vec<&str> = offered.iter().map(|p| p.id.as_str()).collect();
    // Målet 60/40 cites the activity plan 2024, which is still listed.
    assert_eq!(ids, ["nulage", "mal6040"]);
    assert_eq!(
        offered[0].source,
        "Budget 2025 i dataunderlaget ”Budget 2024 och delårsrapport 2025”: teamen fullt finansierade, strukturella insatser som budgeterat."
    );
    assert_eq!(offered[0].scenario, Scenario::default());
    // A preset whose link does not apply cleanly is not offered either: with
    // a plan period of 2025 alone, 2026 is not a plan year.
    let mut short = sfv();
    short.plan_end = 2025;
    short.validate().unwrap();
    let ids: Vec<String> = presets(&short).into_iter().map(|p| p.id).collect();
    assert_eq!(ids, ["nulage"]);
}

#[test]
fn applying_a_preset_is_one_undoable_step() {
    let mut page = Page::new();
    page.set_funding(2025, dec!(90));
    page.send(Msg::EndGesture);
    assert!(page.send(Msg::ApplyPreset("mal6040".into())));
    assert_eq!(page.funding(2026), dec!(70));
    assert_eq!(page.funding(2025), dec!(100));
    assert_eq!(page.ws.active_preset().unwrap().id, "mal6040");
    assert!(page.send(Msg::Undo));
    assert_eq!(page.funding(2025), dec!(90));
    assert_eq!(page.funding(2026), dec!(100));
    assert!(page.ws.active_preset().is_none());
    // Applying the preset that is already shown changes nothing.
    page.send(Msg::Redo);
    assert!(!page.send(Msg::ApplyPreset("mal6040".into())));
    assert!(!page.send(Msg::ApplyPreset("no-such-preset".into())));
}

#[test]
fn a_preset_applied_at_till_2030_keeps_the_period() {
    let mut page = Page::new();
    assert!(page.send(Msg::Edit(Action::SetTill(Some(2030)))));
    page.send(Msg::ApplyPreset("presidiet80".into()));
    assert_eq!(page.ws.scenario.till, Some(2030));
    assert_eq!(page.link(), "till=2030&f2026=80&f2027=80");
    // 80 % carries to 2030: 675 478 a year 2026–30 (tests/core_sources.rs).
    let p = project(page.data(), &page.ws.scenario);
    assert_eq!(p.years.len(), 6);
    for year in 2026..=2030 {
        assert_eq!(page.funding(year), dec!(80), "{year}");
        assert_eq!(p.year(year).unwrap().result, dec!(675478), "{year}");
    }
    // It is still the presidium's proposal, and a comparison calls it so.
    assert_eq!(page.ws.active_preset().unwrap().id, "presidiet80");
    assert!(matching(&page.ws.presets, &page.ws.scenario).is_some());
    page.send(Msg::AddToComparison);
    assert_eq!(
        page.ws.comparison.columns[0].label,
        "Presidiets förslag: 80 % från 2026"
    );
    // Undo goes back to the defaults over the same period.
    page.send(Msg::Undo);
    assert_eq!(page.link(), "till=2030");
}

#[test]
fn shortening_the_period_says_what_it_drops_and_undo_brings_it_back() {
    let mut page = Page::with(Library::default(), "till=2030&f2026=80&f2027=80&f2029=70");
    assert_eq!(page.funding(2029), dec!(70));
    // To 2029: nothing set after it, nothing said.
    assert!(page.send(Msg::Edit(Action::SetTill(Some(2029)))));
    assert_eq!(page.ws.notice, None);
    assert!(page.send(Msg::Edit(Action::SetTill(Some(2030)))));
    // To 2027: the 70 % of 2029 is dropped, and the page says so.
    assert!(page.send(Msg::Edit(Action::SetTill(None))));
    assert_eq!(page.link(), "f2026=80&f2027=80");
    assert_eq!(
        page.ws.notice,
        Some(Notice::Info(
            "Planperioden slutar nu 2027. Det som var valt för 2029 ligger efter den och är borttaget; ”Ångra” tar tillbaka det.".into()
        ))
    );
    page.send(Msg::Undo);
    assert_eq!(page.link(), "till=2030&f2026=80&f2027=80&f2029=70");
}

// ---------------------------------------------------------------- history

#[test]
fn a_slider_drag_is_one_step_and_a_sealed_gesture_ends_it() {
    let mut page = Page::new();
    // One drag: 99, 98, … 80 on the 2026 slider.
    for level in (80..100).rev() {
        page.set_funding(2026, Decimal::from(level));
    }
    page.send(Msg::EndGesture);
    // A second drag of the same slider is a new step.
    page.set_funding(2026, dec!(75));
    page.set_funding(2026, dec!(76));
    // Another field right after is its own step, even without a seal.
    page.set_funding(2027, dec!(85));

    assert!(page.send(Msg::Undo));
    assert_eq!(page.funding(2027), dec!(100));
    assert_eq!(page.funding(2026), dec!(76));
    assert!(page.send(Msg::Undo));
    assert_eq!(page.funding(2026), dec!(80));
    assert!(page.send(Msg::Undo));
    assert_eq!(page.funding(2026), dec!(100));
    assert!(!page.send(Msg::Undo), "nothing left to undo");

    assert!(page.send(Msg::Redo));
    assert_eq!(page.funding(2026), dec!(80));
    assert!(page.send(Msg::Redo));
    assert!(page.send(Msg::Redo));
    assert_eq!(page.funding(2027), dec!(85));
    assert!(!page.send(Msg::Redo), "nothing left to redo");

    // A new change after an undo drops the redo branch.
    page.send(Msg::Undo);
    page.set_funding(2025, dec!(95));
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
    // On the page too: 150 separate steps, 100 undos.
    let mut page = Page::new();
    for k in 0..150 {
        page.send(Msg::Edit(Action::Set(
            Field::OpeningEquity,
            Some(Decimal::from(k)),
        )));
        page.send(Msg::EndGesture);
    }
    let mut undos = 0;
    while page.send(Msg::Undo) {
        undos += 1;
    }
    assert_eq!(undos, HISTORY_DEPTH);
    assert_eq!(page.ws.scenario.opening_equity, Some(dec!(49)));
}

#[test]
fn a_no_op_changes_nothing_and_adds_no_step() {
    let mut page = Page::new();
    assert!(!page.send(Msg::Edit(Action::Set(
        Field::Funding(2026),
        Some(dec!(100))
    ))));
    assert!(!page.ws.can_undo());
    assert!(!page.send(Msg::Undo));
    assert!(!page.send(Msg::Redo));
    // Nothing is open to seal.
    assert!(!page.send(Msg::EndGesture));
    // A value out of range, a year outside the period, a team unknown.
    assert!(!page.set(Field::Funding(2026), dec!(101)));
    assert!(!page.set(Field::Funding(2028), dec!(80)));
    assert!(!page.set(Field::TeamFunding(2026, "okänt".into()), dec!(80)));
    assert!(!page.send(Msg::Edit(Action::SetTill(None))));
    assert!(!page.send(Msg::ClearComparison));
    assert!(!page.send(Msg::CloseSaved));
    assert!(!page.send(Msg::PickMember(Some("okänd".into()))));
    assert!(!page.ws.can_undo());
}

// ---------------------------------------------------------------- saved scenarios

#[test]
fn the_stored_format_2_round_trips_with_uids_data_sets_versions_and_tombstones() {
    let d = sfv();
    let mut library = Library::default();
    let eighty = scenario(&d, "f2026=80&f2027=80&s2027=70&f2026.team_fns=90");
    let first = library.save(
        "Presidiet & co",
        &stamp_at(1, "2026-11-23T10:15"),
        content(&d, &fragment::serialize(&eighty), "Balans 2027."),
    );
    let second = library.save(
        "Nuläge",
        &stamp_at(2, "2026-11-24T08:00"),
        content(&d, "", ""),
    );
    assert!(library.update(
        &first,
        &stamp_at(3, "2026-11-24T09:00"),
        "f2026=75",
        "",
        true
    ));
    assert!(library.remove(&second, &stamp_at(4, NOW)).is_some());
    let text = serde_json::to_string_pretty(&library.document()).unwrap();
    for part in [
        "\"format\": \"budgetsimulatorn-scenarier\"",
        "\"version\": 2",
        "\"uid\": \"uid-1\"",
        "\"dataset\": \"sfv-2025\"",
        "\"changed\": 3",
        "\"link\": \"f2026=75\"",
        // What it held before is its newest earlier version.
        "\"link\": \"f2026=80&f2027=80&f2026.team_fns=90&s2027=70\"",
        "\"motivation\": \"Balans 2027.\"",
        "\"deleted\": [",
        "\"uid\": \"uid-2\"",
        "\"at\": 4",
    ] {
        assert!(text.contains(part), "{part} in {text}");
    }
    let again = read(&d, &text, Datasets::RequireKnown).unwrap();
    assert_eq!(again, library);
    let entry = again.get(&first).unwrap();
    assert_eq!(entry.saved_text(), "2026-11-24 09:00");
    assert_eq!(entry.versions.len(), 1);
    assert_eq!(entry.versions[0].saved, "2026-11-23T10:15");
    assert_eq!(scenario(&d, &entry.versions[0].link), eighty);
    assert_eq!(FORMAT_VERSION, 2);
}

/// A version-1 document as the old page stored and exported it.
fn v1(version: &str) -> String {
    format!(
        r#"{{"format":"budgetsimulatorn-scenarier","version":{version},"scenarios":[{{"name":"A","saved":"2026-01-02T03:04","link":"f2026=80"}}]}}"#
    )
}

#[test]
fn a_version_1_document_is_migrated_with_the_same_scenarios() {
    let d = sfv();
    let read_v1 = import(&d, &v1("1")).unwrap();
    assert_eq!(read_v1.scenarios.len(), 1);
    let a = &read_v1.scenarios[0];
    assert_eq!(
        (
            a.uid.as_str(),
            a.name.as_str(),
            a.saved.as_str(),
            a.dataset.as_str(),
            a.link.as_str()
        ),
        ("v1-1", "A", "2026-01-02T03:04", "sfv-2025", "f2026=80")
    );
    assert_eq!((a.changed, a.versions.len()), (0, 0));
    assert_eq!(scenario(&d, &a.link).funding(&d, 2026), dec!(80));
    // Every tab that migrates the same document gives the same uids.
    assert_eq!(import(&d, &v1("1")).unwrap(), read_v1);
    // The old import example: two scenarios, names trimmed, links as written.
    let file = r#"{"format":"budgetsimulatorn-scenarier","version":1,"scenarios":[
            {"name":" Variant A ","saved":"2026-01-02T03:04","link":"f2026=75"},
            {"name":"Variant B","saved":"2026-01-02T03:04","link":"s2027=60"}]}"#;
    let both = import(&d, file).unwrap();
    let summary: Vec<(&str, &str, &str)> = both
        .scenarios
        .iter()
        .map(|s| (s.uid.as_str(), s.name.as_str(), s.link.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            ("v1-1", "Variant A", "f2026=75"),
            ("v1-2", "Variant B", "s2027=60")
        ]
    );
    // Written again, it is a version-2 document that reads the same.
    let text = serde_json::to_string(&both.document()).unwrap();
    assert!(text.contains("\"version\":2"));
    assert_eq!(import(&d, &text).unwrap(), both);
}

#[test]
fn versions_are_migrated_or_refused_never_guessed() {
    let d = sfv();
    assert_eq!(import(&d, &v1("1")).unwrap().scenarios.len(), 1);
    assert_eq!(
        import(&d, &v1("3")),
        Err(LibraryError::FutureVersion { found: 3 })
    );
    assert_eq!(
        import(&d, &v1("0")),
        Err(LibraryError::UnknownVersion { found: 0 })
    );
    for not_a_version in ["\"1\"", "\"2\"", "1.5", "-1", "null", "true", "[1]"] {
        assert_eq!(
            import(&d, &v1(not_a_version)),
            Err(LibraryError::NoVersion),
            "{not_a_version}"
        );
    }
    assert_eq!(
        LibraryError::FutureVersion { found: 3 }.to_string(),
        "Innehållet är skapat av en nyare version av Budgetsimulatorn (format 3); den här versionen läser format 2."
    );
    assert_eq!(
        LibraryError::UnknownVersion { found: 0 }.to_string(),
        "Innehållet har en okänd formatversion (0)."
    );
    // A version-1 document is read as version 1, even with version-2 fields.
    let mixed = r#"{"format":"budgetsimulatorn-scenarier","version":1,"scenarios":[{"uid":"x","name":"A","saved":"2026-01-02T03:04","dataset":"annat","link":"f2026=80"}]}"#;
    let read = import(&d, mixed).unwrap();
    assert_eq!(read.scenarios[0].uid, "v1-1");
    assert_eq!(read.scenarios[0].dataset, "sfv-2025");
}

#[test]
fn every_kind_of_bad_file_is_refused_with_a_swedish_reason() {
    let d = sfv();
    // The size is checked before anything is read.
    assert_eq!(
        check_document_size(10_000_000).unwrap_err().to_string(),
        "Filen är för stor (10000 kB). En scenariofil är högst 2 000 kB."
    );
    assert_eq!(
        check_document_size(2_000_001).unwrap_err().to_string(),
        "Filen är för stor (2001 kB). En scenariofil är högst 2 000 kB."
    );
    assert_eq!(check_document_size(2_000_000), Ok(()));

    let v1_with = |scenarios: &str| {
        format!(
            r#"{{"format":"budgetsimulatorn-scenarier","version":1,"scenarios":[{scenarios}]}}"#
        )
    };
    let v2_with = |scenarios: &str| {
        format!(
            r#"{{"format":"budgetsimulatorn-scenarier","version":2,"scenarios":[{scenarios}]}}"#
        )
    };
    let entry = |name: &str, extra: &str| {
        format!(
            r#"{{"uid":"a","name":"{name}","saved":"2026-01-02T03:04","dataset":"sfv-2025","link":""{extra}}}"#
        )
    };
    let many: Vec<String> = (0..501).map(|i| entry(&format!("S{i}"), "")).collect();
    let version =
        |link: &str, saved: &str| format!(r#","versions":[{{"saved":"{saved}","link":"{link}"}}]"#);
    let eleven: Vec<String> = (0..11)
        .map(|_| r#"{"saved":"2026-01-02T03:04","link":""}"#.to_owned())
        .collect();
    let cases: Vec<(String, String)> = vec![
        ("det här är ingen json".into(), "Innehållet är inte giltig JSON (rad 1, kolumn 1).".into()),
        ("[1, 2, 3]".into(), "Innehållet är inte en scenariofil från Budgetsimulatorn (fältet ”format” saknas eller är fel).".into()),
        (r#"{"format":"annat","version":2,"scenarios":[]}"#.into(), "Innehållet är inte en scenariofil från Budgetsimulatorn (fältet ”format” saknas eller är fel).".into()),
        (r#"{"format":"budgetsimulatorn-scenarier","scenarios":[]}"#.into(), "Innehållet saknar ett giltigt versionsnummer.".into()),
        (r#"{"format":"budgetsimulatorn-scenarier","version":1,"scenarios":{}}"#.into(), "Innehållet har fel struktur (rad 1, kolumn 63): ett fält saknas eller har fel typ.".into()),
        (r#"{"format":"budgetsimulatorn-scenarier","version":2,"scenarios":{}}"#.into(), "Innehållet har fel struktur (rad 1, kolumn 63): ett fält saknas eller har fel typ.".into()),
        // A version-2 entry without its data set.
        (v2_with(r#"{"uid":"a","name":"A","saved":"2026-01-02T03:04","link":""}"#), "Innehållet har fel struktur (rad 1, kolumn 123): ett fält saknas eller har fel typ.".into()),
        (v1_with(r#"{"name":"  ","saved":"2026-01-02T03:04","link":""}"#), "Scenario 1 saknar namn.".into()),
        (v1_with(r#"{"name":"A","saved":"igår","link":""}"#), "Scenario 1 (”A”) har ett ogiltigt datum.".into()),
        (
            v1_with(r#"{"name":"A","saved":"2026-01-02T03:04","link":""},{"name":"B","saved":"2026-01-02T03:04","link":"f2026=150&zzz=1"}"#),
            "Scenario 2 (”B”) har värden som inte kan användas: ”f2026=150”: 150\u{a0}% ligger utanför det tillåtna intervallet 0\u{a0}% till 100\u{a0}%. ”zzz=1”: okänd inställning.".into(),
        ),
        (v2_with(&entry(&"x".repeat(81), "")), "Scenario 1 har ett namn som är längre än 80 tecken.".into()),
        (
            v2_with(&entry("A", &format!(r#","motivation":"{}""#, "m".repeat(2001)))),
            "Scenario 1 (”A”) har en motivering som är längre än 2000 tecken.".into(),
        ),
        (
            v2_with(&entry("A", &format!(r#","versions":[{}]"#, eleven.join(",")))),
            "Scenario 1 (”A”) har fler än 10 tidigare versioner.".into(),
        ),
        (v2_with(&entry("A", &version("", "i morse"))), "Scenario 1 (”A”) har ett ogiltigt datum.".into()),
        (
            v2_with(&entry("A", &version("s2026=0", "2026-01-02T03:04"))),
            "Scenario 1 (”A”) har värden som inte kan användas: ”s2026=0”: 0\u{a0}% ligger utanför det tillåtna intervallet 1\u{a0}% till 100\u{a0}%.".into(),
        ),
        (
            v2_with(&entry("A", "").replace(r#""link":"""#, r#""link":"till=2040""#)),
            "Scenario 1 (”A”) har värden som inte kan användas: ”till=2040”: planperioden kan sluta tidigast 2027 och senast 2034.".into(),
        ),
        (
            v2_with(&entry("A", "").replace("sfv-2025", "annat-2030")),
            "Scenario 1 (”A”) hör till dataunderlaget ”annat-2030”, som inte finns i den här webbläsaren. Importera dataunderlaget först.".into(),
        ),
        (v2_with(&many.join(",")), "Innehållet har 501 scenarier; högst 500 kan läsas.".into()),
    ];
    for (text, message) in cases {
        let error = import(&d, &text).unwrap_err();
        assert_eq!(
            error.to_string(),
            message,
            "{}",
            &text[..text.len().min(120)]
        );
    }
    // The stored library keeps a scenario of a data set not known here.
    let other = v2_with(&entry("A", "").replace("sfv-2025", "annat-2030"));
    assert_eq!(
        read(&d, &other, Datasets::KeepUnknown).unwrap().scenarios[0].dataset,
        "annat-2030"
    );
}

#[test]
fn an_empty_uid_is_not_called_a_bad_date() {
    let d = sfv();
    let text = r#"{"format":"budgetsimulatorn-scenarier","version":2,"scenarios":[{"uid":"","name":"A","saved":"2026-01-02T03:04","dataset":"sfv-2025","link":""}]}"#;
    let message = import(&d, text).unwrap_err().to_string();
    assert!(!message.contains("datum"), "{message}");
}

#[test]
fn import_adds_with_suffixes_and_never_overwrites() {
    let d = sfv();
    let mut page = Page::new();
    page.set_funding(2026, dec!(80));
    page.send(Msg::Save("Variant A".into()));
    let file = r#"{"format":"budgetsimulatorn-scenarier","version":1,"scenarios":[
            {"name":"Variant A","saved":"2026-01-02T03:04","link":"f2026=75"},
            {"name":"Variant B","saved":"2026-01-02T03:04","link":"s2027=60"}]}"#;
    page.send(Msg::Import(import(&d, file).unwrap()));
    assert_eq!(page.names(), ["Variant A", "Variant A (2)", "Variant B"]);
    let links: Vec<&str> = page
        .ws
        .library
        .scenarios
        .iter()
        .map(|s| s.link.as_str())
        .collect();
    assert_eq!(links, ["f2026=80", "f2026=75", "s2027=60"]);
    assert_eq!(
        page.ws.notice,
        Some(Notice::Info(
            "2 scenarier importerades: ”Variant A (2)”, ”Variant B”.".into()
        ))
    );
    // Imported entries get fresh uids, so a second import adds again.
    let uids: Vec<&str> = page
        .ws
        .library
        .scenarios
        .iter()
        .map(|s| s.uid.as_str())
        .collect();
    assert!(!uids[1..].contains(&"v1-1"));
    page.send(Msg::Import(import(&d, file).unwrap()));
    assert_eq!(page.names().len(), 5);
    assert_eq!(page.names()[3], "Variant A (3)");
    // A version-2 file keeps its versions and reasons.
    let v2 = r#"{"format":"budgetsimulatorn-scenarier","version":2,"scenarios":[{"uid":"x","name":"Med historik","saved":"2026-01-02T03:04","dataset":"sfv-2025","link":"f2026=70","motivation":"Skäl","versions":[{"saved":"2026-01-01T09:00","link":"f2026=90"}]}]}"#;
    page.send(Msg::Import(import(&d, v2).unwrap()));
    let last = page.ws.library.scenarios.last().unwrap();
    assert_eq!(
        (last.name.as_str(), last.motivation.as_str()),
        ("Med historik", "Skäl")
    );
    assert_eq!(last.versions[0].link, "f2026=90");
    assert_eq!(
        page.ws.notice,
        Some(Notice::Info(
            "1 scenario importerades: ”Med historik”.".into()
        ))
    );
    page.send(Msg::Import(Library::default()));
    assert_eq!(
        page.ws.notice,
        Some(Notice::Info(
            "Filen innehöll inga scenarier; inget ändrades.".into()
        ))
    );
    assert_eq!(unique_name(["a", "a (2)"].into_iter(), "a"), "a (3)");
}

#[test]
fn an_open_saved_scenario_autosaves_and_delete_can_be_undone() {
    let mut page = Page::new();
    page.set_funding(2026, dec!(80));
    page.send(Msg::Save("  Presidiets   variant ".into()));
    let id = page.open();
    assert_eq!(page.entry(&id).name, "Presidiets variant");
    assert_eq!(
        page.ws.notice,
        Some(Notice::Info(
            "Sparat som ”Presidiets variant”. Ändringar sparas automatiskt medan scenariot är öppet."
                .into()
        ))
    );
    page.set_funding(2027, dec!(80));
    assert_eq!(page.entry(&id).link, "f2026=80&f2027=80");
    assert_eq!(
        summary(page.data(), &scenario(page.data(), &page.entry(&id).link)),
        "80\u{a0}% 2026–27"
    );
    // Undo is a change too, and is autosaved.
    page.send(Msg::Undo);
    assert_eq!(page.entry(&id).link, "f2026=80");
    // The reasons are saved with it.
    page.send(Msg::SetMotivation("Teamen behålls.".into()));
    assert_eq!(page.entry(&id).motivation, "Teamen behålls.");

    page.send(Msg::Duplicate(id.clone()));
    assert_eq!(
        page.ws.library.scenarios[1].name,
        "Presidiets variant (kopia)"
    );
    assert_eq!(page.ws.library.scenarios[1].motivation, "Teamen behålls.");
    page.send(Msg::Rename(id.clone(), "Förslag 1".into()));
    assert_eq!(
        page.ws.notice,
        Some(Notice::Info("Namnet är nu ”Förslag 1”.".into()))
    );
    // A name another scenario has gets a suffix, and the notice says so.
    let copy = page.ws.library.scenarios[1].uid.clone();
    page.send(Msg::Rename(copy, "Förslag 1".into()));
    assert_eq!(
        page.ws.notice,
        Some(Notice::Info("Namnet är nu ”Förslag 1 (2)”.".into()))
    );
    page.send(Msg::Delete(id.clone()));
    assert_eq!(page.ws.open_saved, None);
    assert_eq!(page.ws.library.scenarios.len(), 1);
    assert_eq!(page.ws.library.deleted.len(), 1);
    assert_eq!(
        page.ws.notice,
        Some(Notice::Deleted {
            name: "Förslag 1".into()
        })
    );
    assert!(page.send(Msg::UndoDelete));
    assert_eq!(page.ws.library.scenarios[0].name, "Förslag 1");
    assert_eq!(page.ws.library.scenarios.len(), 2);
    assert!(page.ws.library.deleted.is_empty());
    assert_eq!(
        page.ws.notice,
        Some(Notice::Info("”Förslag 1” är tillbaka.".into()))
    );
    assert!(!page.send(Msg::UndoDelete), "only once");
    // A preset detaches from the saved scenario, which keeps its content.
    page.send(Msg::OpenSaved(id.clone()));
    assert_eq!(
        page.ws.notice,
        Some(Notice::Info("”Förslag 1” är öppnat.".into()))
    );
    assert_eq!(&*page.ws.motivation, "Teamen behålls.");
    page.send(Msg::ApplyPreset("mal6040".into()));
    assert_eq!(page.ws.open_saved, None);
    assert_eq!(page.entry(&id).link, "f2026=80");
    assert_eq!(
        page.ws.notice,
        Some(Notice::Info(
            "”Målet 60/40 i balans” visas som ett nytt, osparat scenario. ”Förslag 1” är sparat som det var. Motiveringen hörde till det förra scenariot och är tömd; ”Ångra” tar tillbaka den.".into()
        ))
    );
    // The reasons stay with the saved scenario, not with the preset.
    assert_eq!(&*page.ws.motivation, "");
    assert_eq!(page.entry(&id).motivation, "Teamen behålls.");
    // Reset detaches too.
    page.send(Msg::OpenSaved(id.clone()));
    page.send(Msg::Edit(Action::Reset));
    assert_eq!(page.ws.open_saved, None);
    assert_eq!(page.entry(&id).link, "f2026=80");
    // A name of only spaces is refused with a warning.
    page.send(Msg::Save("   ".into()));
    assert_eq!(
        page.ws.notice,
        Some(Notice::Warning(
            "Skriv ett namn på scenariot för att spara det.".into()
        ))
    );
}

#[test]
fn summaries_read_like_a_person_would_write_them() {
    let d = sfv();
    let s = |text: &str| summary(&d, &scenario(&d, text));
    assert_eq!(s(""), "Full finansiering, fördelning som budgeterat");
    assert_eq!(
        s("f2026=80&f2027=80&s2027=70"),
        "80\u{a0}% 2026–27, individ 70\u{a0}% 2027"
    );
    assert_eq!(
        s("f2025=90&f2027=75,5&growth=2&f2026.team_fns=90"),
        "90\u{a0}% 2025, 75,5\u{a0}% 2027, 1 egna teamnivåer, kostnadsökning 2\u{a0}%"
    );
    assert_eq!(
        s("basis=budget&eq=1500000&rev2026=19100000&guide=15&till=2029"),
        "till 2029, 2025 enligt budget, ändrade medel 2026, ingående eget kapital 1\u{a0}500\u{a0}000\u{a0}kr, riktvärde 15\u{a0}%"
    );
}

// ---------------------------------------------------------------- versions

#[test]
fn each_saved_scenario_keeps_its_last_ten_versions() {
    let mut page = Page::new();
    page.set_funding(2026, dec!(99));
    page.send(Msg::EndGesture);
    page.send(Msg::Save("Förslag".into()));
    let uid = page.open();
    assert!(page.entry(&uid).versions.is_empty());
    // One slider drag, 98 … 80: one new version (the saved 99 is kept).
    for level in (80..=98).rev() {
        page.set_funding(2026, Decimal::from(level));
    }
    page.send(Msg::EndGesture);
    let entry = page.entry(&uid);
    assert_eq!(entry.link, "f2026=80");
    let links: Vec<&str> = entry.versions.iter().map(|v| v.link.as_str()).collect();
    assert_eq!(links, ["f2026=99"]);
    // Twelve more steps: one version each, and only the ten latest are kept.
    for k in 0..12 {
        page.set_funding(2027, Decimal::from(60 + k));
        page.send(Msg::EndGesture);
    }
    let entry = page.entry(&uid);
    assert_eq!(entry.link, "f2026=80&f2027=71");
    assert_eq!(entry.versions.len(), MAX_VERSIONS);
    assert_eq!(entry.versions[0].link, "f2026=80&f2027=70");
    assert_eq!(entry.versions[9].link, "f2026=80&f2027=61");
    // Typing the reasons is a step of its own (one stretch of typing is one
    // step), so it keeps what was saved before it as a version too.
    page.send(Msg::SetMotivation("Skä".into()));
    page.send(Msg::SetMotivation("Skäl".into()));
    let entry = page.entry(&uid);
    assert_eq!(entry.motivation, "Skäl");
    assert_eq!(entry.versions[0].link, "f2026=80&f2027=71");
    assert_eq!(entry.versions[0].motivation, "");
    assert_eq!(entry.versions[1].link, "f2026=80&f2027=70");
    assert_eq!(entry.versions.len(), MAX_VERSIONS);
    // Undo takes back the typing first, then the 2027 step; each is saved
    // as it is undone, keeping what it replaces as a version.
    page.send(Msg::EndGesture);
    page.send(Msg::Undo);
    let entry = page.entry(&uid);
    assert_eq!(
        (entry.link.as_str(), entry.motivation.as_str()),
        ("f2026=80&f2027=71", "")
    );
    assert_eq!(entry.versions[0].motivation, "Skäl");
    page.send(Msg::Undo);
    let entry = page.entry(&uid);
    assert_eq!(entry.link, "f2026=80&f2027=70");
    assert_eq!(entry.versions[0].link, "f2026=80&f2027=71");
}

#[test]
fn restoring_a_version_brings_it_back_and_undo_restores_what_was_shown() {
    let mut page = Page::new();
    page.set_funding(2026, dec!(80));
    page.send(Msg::EndGesture);
    page.send(Msg::Save("Förslag".into()));
    let uid = page.open();
    page.set_funding(2026, dec!(70));
    page.send(Msg::EndGesture);
    assert_eq!(page.entry(&uid).link, "f2026=70");
    assert_eq!(page.entry(&uid).versions[0].link, "f2026=80");

    assert!(page.send(Msg::RestoreVersion(uid.clone(), 0)));
    assert_eq!(page.funding(2026), dec!(80));
    assert_eq!(page.ws.open_saved.as_deref(), Some(uid.as_str()));
    let entry = page.entry(&uid);
    assert_eq!(entry.link, "f2026=80");
    // What was shown is kept as the newest earlier version.
    let links: Vec<&str> = entry.versions.iter().map(|v| v.link.as_str()).collect();
    assert_eq!(links, ["f2026=70"]);
    assert_eq!(
        page.ws.notice,
        Some(Notice::Info(
            "Versionen från 2026-11-23 10:15 visas och är sparad; den du nyss hade finns kvar bland tidigare versioner.".into()
        ))
    );
    // Undo brings back what was shown before, and saves it.
    assert!(page.send(Msg::Undo));
    assert_eq!(page.funding(2026), dec!(70));
    assert_eq!(page.entry(&uid).link, "f2026=70");
    assert!(page.send(Msg::Redo));
    assert_eq!(page.funding(2026), dec!(80));
    assert_eq!(page.entry(&uid).link, "f2026=80");
    // No such version, no such scenario: nothing changes.
    assert!(!page.send(Msg::RestoreVersion(uid.clone(), 10)));
    assert!(!page.send(Msg::RestoreVersion("okänd".into(), 0)));
}

#[test]
fn undoing_a_restored_version_brings_back_the_reasons_that_were_shown() {
    let mut page = Page::new();
    page.set_funding(2026, dec!(80));
    page.send(Msg::EndGesture);
    page.send(Msg::SetMotivation("Första skälet".into()));
    page.send(Msg::Save("Förslag".into()));
    let uid = page.open();
    page.set_funding(2026, dec!(70));
    page.send(Msg::EndGesture);
    page.send(Msg::SetMotivation("Andra skälet".into()));
    page.send(Msg::EndGesture);
    // Shown and saved: 70 % with the second reasons. Its earlier versions,
    // newest first: 70 % with the first reasons (before the typing), then
    // 80 % with the first reasons (as saved).
    let versions = &page.entry(&uid).versions;
    assert_eq!(
        (versions[0].link.as_str(), versions[0].motivation.as_str()),
        ("f2026=70", "Första skälet")
    );
    assert_eq!(
        (versions[1].link.as_str(), versions[1].motivation.as_str()),
        ("f2026=80", "Första skälet")
    );
    page.send(Msg::RestoreVersion(uid.clone(), 1));
    assert_eq!(page.funding(2026), dec!(80));
    assert_eq!(&*page.ws.motivation, "Första skälet");
    // Undo brings back what was shown, reasons included, and saves that.
    page.send(Msg::Undo);
    assert_eq!(page.funding(2026), dec!(70));
    assert_eq!(&*page.ws.motivation, "Andra skälet");
    assert_eq!(page.entry(&uid).motivation, "Andra skälet");
    assert_eq!(page.entry(&uid).link, "f2026=70");
}

#[test]
fn undoing_the_opening_of_a_saved_scenario_does_not_change_it() {
    let mut page = Page::new();
    page.set_funding(2026, dec!(80));
    page.send(Msg::Save("A".into()));
    let a = page.open();
    page.send(Msg::CloseSaved);
    // Something else, unsaved, is shown; then A is opened and the opening
    // undone (Ctrl+Z), to get back to what was shown.
    page.set_funding(2026, dec!(60));
    page.send(Msg::EndGesture);
    page.send(Msg::OpenSaved(a.clone()));
    assert_eq!(page.funding(2026), dec!(80));
    page.send(Msg::Undo);
    assert_eq!(page.funding(2026), dec!(60));
    // Today A now holds f2026=60 (its 80 % kept only as a version) and
    // stays open.
    assert_eq!(page.entry(&a).link, "f2026=80");
}

#[test]
fn save_as_new_leaves_the_original_as_it_was_when_opened() {
    let mut page = Page::new();
    page.set_funding(2026, dec!(80));
    page.send(Msg::EndGesture);
    page.send(Msg::Save("A".into()));
    let a = page.open();
    let a_saved = page.entry(&a).clone();
    assert_eq!(a_saved.link, "f2026=80");
    // Changed while open: autosaved into A, as the page says.
    page.set_funding(2027, dec!(85));
    page.send(Msg::EndGesture);
    page.send(Msg::SetMotivation("85 % 2027".into()));
    assert_eq!(page.entry(&a).link, "f2026=80&f2027=85");

    // "Spara som nytt": the changes go to B, A is back as it was opened,
    // and what it held meanwhile is its newest earlier version.
    page.send(Msg::Save("B".into()));
    let b = page.open();
    assert_ne!(a, b);
    assert_eq!(
        page.ws.notice,
        Some(Notice::Info(
            "Sparat som ”B”, med ändringarna. ”A” är som när du öppnade det (ändringarna finns också under dess ”Tidigare versioner”); ändringar sparas nu i ”B”.".into()
        ))
    );
    assert_eq!(page.entry(&b).link, "f2026=80&f2027=85");
    assert_eq!(page.entry(&b).motivation, "85 % 2027");
    assert!(page.entry(&b).versions.is_empty());
    let a_now = page.entry(&a).clone();
    assert_eq!(
        (a_now.link.as_str(), a_now.motivation.as_str()),
        ("f2026=80", "")
    );
    assert_eq!(
        (
            a_now.versions[0].link.as_str(),
            a_now.versions[0].motivation.as_str()
        ),
        ("f2026=80&f2027=85", "85 % 2027"),
        "nothing is lost"
    );
    // Changes go to B only.
    page.set_funding(2027, dec!(60));
    page.send(Msg::EndGesture);
    page.send(Msg::SetMotivation("Bara B".into()));
    assert_eq!(page.entry(&b).link, "f2026=80&f2027=60");
    assert_eq!(page.entry(&b).motivation, "Bara B");
    assert_eq!(page.entry(&a), &a_now);
    // Saved as new again: B too goes back to what it was saved with, the
    // 60 % to the new one; a name in use gets a suffix.
    page.send(Msg::Save("A".into()));
    assert_eq!(page.names(), ["A", "B", "A (2)"]);
    assert_eq!(page.entry(&b).link, "f2026=80&f2027=85");
    let a2 = page.open();
    assert_eq!(page.entry(&a2).link, "f2026=80&f2027=60");
    assert_eq!(
        page.ws.notice,
        Some(Notice::Info(
            "Sparat som ”A (2)”, med ändringarna. ”B” är som när du öppnade det (ändringarna finns också under dess ”Tidigare versioner”); ändringar sparas nu i ”A (2)”.".into()
        ))
    );
    // Saved as new with nothing changed since opening: the original
    // stays as it is, and the notice says only that.
    page.send(Msg::Save("C".into()));
    assert_eq!(page.entry(&a2).link, "f2026=80&f2027=60");
    assert_eq!(
        page.ws.notice,
        Some(Notice::Info(
            "Sparat som ”C”. ”A (2)” finns kvar som det var; ändringar sparas nu i ”C”.".into()
        ))
    );
    // Closing leaves everything saved as it is.
    let before = page.ws.library.clone();
    assert!(page.send(Msg::CloseSaved));
    page.set_funding(2025, dec!(90));
    assert_eq!(page.ws.library, before);
}

// ---------------------------------------------------------------- two tabs

#[test]
fn two_tabs_merge_without_losing_each_others_work() {
    let d = sfv();
    // The stored library both tabs read when they opened.
    let mut start = Library::default();
    let x = start.save("X", &stamp_at(10, NOW), content(&d, "f2026=80", ""));
    let y = start.save("Y", &stamp_at(11, NOW), content(&d, "f2026=85", ""));
    let z = start.save("Z", &stamp_at(12, NOW), content(&d, "s2026=60", ""));
    let stored = serde_json::to_string(&start.document()).unwrap();
    let mut tab1 = read(&d, &stored, Datasets::KeepUnknown).unwrap();
    let mut tab2 = read(&d, &stored, Datasets::KeepUnknown).unwrap();
    assert_eq!(tab1, tab2);

    // Tab 1 saves a new scenario and changes X (an autosave).
    let new1 = tab1.save(
        "Ny i flik 1",
        &stamp_at(20, NOW),
        content(&d, "f2026=70", ""),
    );
    assert!(tab1.update(&x, &stamp_at(21, NOW), "f2026=75", "", true));
    // Tab 2 deletes Y, changes Z and saves one of its own.
    assert!(tab2.remove(&y, &stamp_at(22, NOW)).is_some());
    assert!(tab2.update(&z, &stamp_at(23, NOW), "s2026=65", "Mål", true));
    let new2 = tab2.save(
        "Ny i flik 2",
        &stamp_at(24, NOW),
        content(&d, "f2026=60", ""),
    );

    let mut one = tab1.clone();
    assert!(one.merge(&tab2));
    let mut two = tab2.clone();
    assert!(two.merge(&tab1));
    for merged in [&one, &two] {
        // Neither tab's new scenario is lost, each change is there, and the
        // deletion sticks.
        assert_eq!(merged.get(&new1).unwrap().link, "f2026=70");
        assert_eq!(merged.get(&new2).unwrap().link, "f2026=60");
        let changed_x = merged.get(&x).unwrap();
        assert_eq!(changed_x.link, "f2026=75");
        assert_eq!(changed_x.versions[0].link, "f2026=80");
        let changed_z = merged.get(&z).unwrap();
        assert_eq!(
            (changed_z.link.as_str(), changed_z.motivation.as_str()),
            ("s2026=65", "Mål")
        );
        assert!(merged.get(&y).is_none());
        assert_eq!(merged.deleted.len(), 1);
        assert_eq!(merged.deleted[0].uid, y);
        assert_eq!(merged.scenarios.len(), 4);
    }
    // Both ways give the same entries.
    let by_uid = |l: &Library| {
        let mut s = l.scenarios.clone();
        s.sort_by(|a, b| a.uid.cmp(&b.uid));
        s
    };
    assert_eq!(by_uid(&one), by_uid(&two));
    // Merging again changes nothing, and tab 1's stale copy of Y does not
    // bring it back.
    assert!(!one.merge(&two));
    assert!(!one.merge(&tab1));
    assert!(!one.merge(&tab2));
    assert!(one.get(&y).is_none());
    // What is stored after merging reads back whole, tombstones included.
    let text = serde_json::to_string(&one.document()).unwrap();
    assert_eq!(read(&d, &text, Datasets::KeepUnknown).unwrap(), one);

    // A change made after the deletion (Y restored with "Ångra" in tab 1
    // later) wins over the tombstone.
    let mut late = tab1.clone();
    assert!(late.update(&y, &stamp_at(30, NOW), "f2026=90", "", true));
    assert!(one.merge(&late));
    assert_eq!(one.get(&y).unwrap().link, "f2026=90");
    // Of two changes to the same entry, the later wins whichever tab it is in.
    let mut early = tab2.clone();
    early.update(&x, &stamp_at(15, NOW), "f2026=50", "", true);
    let mut merged = tab1.clone();
    merged.merge(&early);
    assert_eq!(merged.get(&x).unwrap().link, "f2026=75");
    let mut merged = early.clone();
    merged.merge(&tab1);
    assert_eq!(merged.get(&x).unwrap().link, "f2026=75");
}

#[test]
fn a_scenario_deleted_in_another_tab_is_left_but_kept_on_the_page() {
    let mut page = Page::new();
    page.set_funding(2026, dec!(80));
    page.send(Msg::Save("Förslag".into()));
    let uid = page.open();
    let mut other_tab = (*page.ws.library).clone();
    other_tab.remove(&uid, &stamp_at(u64::MAX / 2, NOW));
    assert!(page.send(Msg::MergeStored(other_tab.clone())));
    assert_eq!(page.ws.open_saved, None);
    assert!(page.ws.library.get(&uid).is_none());
    assert_eq!(page.funding(2026), dec!(80));
    let Some(Notice::Warning(warning)) = &page.ws.notice else {
        panic!("{:?}", page.ws.notice)
    };
    assert!(
        warning.ends_with(
            " togs bort i en annan flik. Det du ser finns kvar här; spara det för att behålla det."
        ),
        "{warning}"
    );
    // The same again changes nothing.
    assert!(!page.send(Msg::MergeStored(other_tab)));
    // A new scenario saved in another tab simply appears.
    let mut another = (*page.ws.library).clone();
    let d = sfv();
    another.save(
        "Från flik 2",
        &stamp_at(5, NOW),
        content(&d, "s2026=70", ""),
    );
    assert!(page.send(Msg::MergeStored(another)));
    assert_eq!(page.names(), ["Från flik 2"]);
}

#[test]
fn the_warning_names_the_scenario_deleted_in_another_tab() {
    let mut page = Page::new();
    page.set_funding(2026, dec!(80));
    page.send(Msg::Save("Förslag".into()));
    let uid = page.open();
    let mut other_tab = (*page.ws.library).clone();
    other_tab.remove(&uid, &stamp_at(u64::MAX / 2, NOW));
    page.send(Msg::MergeStored(other_tab));
    assert_eq!(
        page.ws.notice,
        Some(Notice::Warning(
            "”Förslag” togs bort i en annan flik. Det du ser finns kvar här; spara det för att behålla det.".into()
        ))
    );
}

#[test]
fn a_reloaded_page_reattaches_the_saved_scenario_it_had_open() {
    let mut page = Page::new();
    page.set_funding(2026, dec!(80));
    page.send(Msg::SetMotivation("Skäl".into()));
    page.send(Msg::Save("Förslag".into()));
    let uid = page.open();
    // What the tab leaves behind: its address and the stored library.
    let address = link::serialize(&page.ws.page_link());
    assert_eq!(address, "f2026=80&why=Sk%C3%A4l");
    let stored = serde_json::to_string(&page.ws.library.document()).unwrap();
    let reload = |address: &str| {
        let d = sfv();
        let library = read(&d, &stored, Datasets::KeepUnknown).unwrap();
        Page::with(library, address)
    };
    let mut again = reload(&address);
    assert_eq!(again.ws.open_saved, None);
    again.ws.reattach(&uid);
    assert_eq!(again.ws.open_saved.as_deref(), Some(uid.as_str()));
    // Changes are autosaved again.
    again.set_funding(2027, dec!(80));
    assert_eq!(again.entry(&uid).link, "f2026=80&f2027=80");
    // An address edited by hand, other reasons, or an unknown uid: not
    // reattached (the saved scenario stays as it was).
    for edited in ["f2026=70&why=Sk%C3%A4l", "f2026=80&why=Annat", "f2026=80"] {
        let mut other = reload(edited);
        other.ws.reattach(&uid);
        assert_eq!(other.ws.open_saved, None, "{edited}");
    }
    let mut unknown = reload(&address);
    unknown.ws.reattach("okänd");
    assert_eq!(unknown.ws.open_saved, None);
}

#[test]
fn a_reloaded_page_reattaches_whatever_order_the_years_were_set_in() {
    let mut page = Page::new();
    page.send(Msg::Edit(Action::SetTill(Some(2030))));
    page.set_funding(2030, dec!(80));
    page.send(Msg::EndGesture);
    page.set_funding(2029, dec!(80));
    page.send(Msg::EndGesture);
    page.send(Msg::Save("Sent".into()));
    let uid = page.open();
    let address = link::serialize(&page.ws.page_link());
    let stored = serde_json::to_string(&page.ws.library.document()).unwrap();
    let d = sfv();
    let mut again = Page::with(read(&d, &stored, Datasets::KeepUnknown).unwrap(), &address);
    again.ws.reattach(&uid);
    assert_eq!(again.ws.open_saved.as_deref(), Some(uid.as_str()));
}

// ---------------------------------------------------------------- comparison

#[test]
fn comparison_differences_are_worked_from_the_base() {
    let d = sfv();
    let presets = presets(&d);
    let mut comparison = Comparison::default();
    for id in ["nulage", "presidiet80", "mal6040"] {
        assert!(comparison.add(Column {
            label: preset(&presets, id).name.clone(),
            scenario: preset(&presets, id).scenario.clone(),
            motivation: String::new(),
        }));
    }
    let f = compare(&d, &comparison.scenarios(), Some("fagersta"));
    assert_eq!(f.len(), 3);
    let base = &f[0];
    assert!(base.years.iter().all(|y| y.diff.is_none()));
    let eighty = &f[1];
    // 2025 is the same in both: no difference.
    let d2025 = eighty.years[0].diff.unwrap();
    assert_eq!(
        (d2025.result, d2025.closing, d2025.topup),
        (dec!(0), dec!(0), dec!(0))
    );
    // 2026: the members find 20 % of 13 520 500 = 2 704 100, the förbund saves it.
    let y2026 = &eighty.years[1];
    assert_eq!(y2026.year, 2026);
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
    let goal = &f[2].years[1];
    assert_eq!(goal.diff.unwrap().result, dec!(2023714));
    assert_eq!(goal.diff.unwrap().topup, dec!(4056150));
    assert_eq!(goal.share_individ.map(|s| s.round_dp(1)), Some(dec!(60.0)));
    // Fagersta's total 2026: its contribution 220 356 (2025's split, flat
    // contributions) plus its FNS share of 330 000 at 80 % (189 366).
    assert_eq!(f[1].years[1].member_total, Some(dec!(409722)));
    assert_eq!(f[0].years[1].member_total, Some(dec!(220356)));
    // The chart has a line per scenario over 2024–2027.
    let series: Vec<(String, Vec<(Year, Decimal)>)> = comparison
        .columns
        .iter()
        .zip(&f)
        .map(|(c, figures)| (c.label.clone(), figures.closing_series.clone()))
        .collect();
    let chart = comparison_chart(&series);
    assert_eq!(chart.lines.len(), 3);
    assert!(chart.lines.iter().all(|l| l.markers.len() == 4));

    // Making the third the base turns the differences around.
    assert!(comparison.make_base(2));
    assert_eq!(comparison.columns[0].label, "Målet 60/40 i balans");
    let f = compare(&d, &comparison.scenarios(), Some("fagersta"));
    assert_eq!(f[1].years[1].diff.unwrap().result, dec!(-2023714));

    // Scenarios of different periods are compared over the longest: the
    // shorter carries its last year's choices (80 % stays 80 %).
    let long = scenario(&d, "f2026=80&f2027=80&till=2030");
    let short = scenario(&d, "f2026=80&f2027=80");
    let f = compare(&d, &[&short, &long], None);
    assert_eq!(f[0].years.len(), 6);
    assert_eq!(f[0].years[5].result, dec!(675478));
    assert!(f[1].years.iter().all(|y| y.diff.unwrap().closing.is_zero()));
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
    // A scenario already there is not added twice.
    page.send(Msg::ApplyPreset("balans85".into()));
    page.send(Msg::AddToComparison);
    assert_eq!(
        page.ws.notice,
        Some(Notice::Info(
            "Scenariot finns redan i jämförelsen (kolumn 3).".into()
        ))
    );
    // A scenario of its own gets a numbered label.
    page.send(Msg::RemoveColumn(3));
    page.set_funding(2026, dec!(72));
    page.send(Msg::AddToComparison);
    assert_eq!(page.ws.comparison.columns[3].label, "Scenario 4");
    // Opening a column makes it the current scenario.
    page.send(Msg::OpenColumn(1));
    assert_eq!(page.funding(2026), dec!(80));
    assert_eq!(
        page.ws.notice,
        Some(Notice::Info(
            "”Presidiets förslag: 80 % från 2026” visas nu som aktuellt scenario.".into()
        ))
    );
    assert!(page.send(Msg::MoveLeft(1)));
    assert_eq!(
        page.ws.comparison.columns[0].label,
        "Presidiets förslag: 80 % från 2026"
    );
    assert!(!page.send(Msg::MoveLeft(0)));
    assert!(page.send(Msg::ClearComparison));
    assert!(page.ws.comparison.columns.is_empty());
}

/// The labels of meeting mode's step buttons and its place text.
fn meeting_steps(page: &Page) -> Vec<String> {
    use budgetsimulatorn::page::Control;
    comparison_steps(&page.ws)
        .into_iter()
        .map(|c| match c {
            Control::Button { label, msg, .. } => format!("{label} → {msg:?}"),
            Control::Text { text, .. } => text,
            other => panic!("unexpected step control {other:?}"),
        })
        .collect()
}

#[test]
fn meeting_mode_steps_through_the_comparison_and_switches_between_two() {
    let mut page = Page::new();
    assert!(meeting_steps(&page).is_empty(), "no comparison, no steps");
    for id in ["nulage", "presidiet80"] {
        page.send(Msg::ApplyPreset(id.into()));
        page.send(Msg::AddToComparison);
    }
    // Two: one button to the other, not "◀ B" and "B ▶" both naming it.
    assert_eq!(
        meeting_steps(&page),
        [
            "Visar 2 av 2: Presidiets förslag: 80 % från 2026",
            "Växla till Nuläge: full finansiering, fördelning som budgeterat → OpenColumn(0)",
        ]
    );
    page.send(Msg::OpenColumn(0));
    assert_eq!(
        meeting_steps(&page),
        [
            "Visar 1 av 2: Nuläge: full finansiering, fördelning som budgeterat",
            "Växla till Presidiets förslag: 80 % från 2026 → OpenColumn(1)",
        ]
    );
    // Three: previous and next, wrapping round.
    page.send(Msg::ApplyPreset("mal6040".into()));
    page.send(Msg::AddToComparison);
    page.send(Msg::OpenColumn(0));
    let steps = meeting_steps(&page);
    assert_eq!(steps.len(), 3);
    assert!(
        steps[0].starts_with("◀ ") && steps[0].ends_with("→ OpenColumn(2)"),
        "{steps:?}"
    );
    assert_eq!(
        steps[1],
        "Visar 1 av 3: Nuläge: full finansiering, fördelning som budgeterat"
    );
    assert_eq!(
        steps[2],
        "Presidiets förslag: 80 % från 2026 ▶ → OpenColumn(1)"
    );
    // A scenario that is none of them: both ways still offered.
    page.set_funding(2026, dec!(72));
    let steps = meeting_steps(&page);
    assert_eq!(
        steps[1],
        "Jämförelsen har 3 scenarier; det som visas är inte ett av dem."
    );
    assert!(steps[0].ends_with("→ OpenColumn(2)") && steps[2].ends_with("→ OpenColumn(0)"));
}

// ---------------------------------------------------------------- old links

/// (year, result, closing, costs, top-ups) of 2025–2027.
type Figures = [(Year, i64, i64, i64, i64); 3];

fn figures_of(data: &Dataset, s: &Scenario) -> Vec<(Year, i64, i64, i64, i64)> {
    use rust_decimal::prelude::ToPrimitive;
    let whole = |d: Decimal| d.to_i64().unwrap();
    project(data, s)
        .years
        .iter()
        .map(|y| {
            (
                y.year,
                whole(y.result),
                whole(y.closing),
                whole(y.costs),
                whole(y.topup_total),
            )
        })
        .collect()
}

/// The figures the old model (2024–2027) gave for links written before the
/// plan period could be extended; tests/compat_old_links.rs proves them
/// against the old model itself while it exists, this keeps them after.
#[test]
fn links_made_before_the_plan_period_was_extensible_keep_their_figures() {
    let cases: [(&str, Figures); 3] = [
        // 2025 on the prognosis: 18 958 000 − 18 967 073 = −9 073, closing
        // 1 918 000 − 9 073 = 1 908 927. 2026–27 at 80 %: the teams'
        // 13 520 500 less 2 704 100 → costs 18 282 522, result 675 478.
        (
            "f2026=80&f2027=80",
            [
                (2025, -9073, 1908927, 18967073, 0),
                (2026, 675478, 2584405, 18282522, 2704100),
                (2027, 675478, 3259883, 18282522, 2704100),
            ],
        ),
        // 77/23: S = kr(13 842 000 × 23 / 77) = 4 134 623, costs 2 653 158 +
        // 13 842 000 + 4 134 623 = 20 629 781, result −1 671 781 a year:
        // 1 908 927 → 237 146 → −1 434 635.
        (
            "s2026=77&s2027=77",
            [
                (2025, -9073, 1908927, 18967073, 0),
                (2026, -1671781, 237146, 20629781, 0),
                (2027, -1671781, -1434635, 20629781, 0),
            ],
        ),
        // Budget 2025: costs 20 986 622, result −2 028 622 from 1 500 000.
        // 2026, every line × 1,025 rounded: teams 13 858 513 in full (Västerås
        // 6 252 500, Sala 1 763 000, FNS 1 691 250, Hallstahammar and
        // Surahammar 1 281 250, VM 1 589 262,5 → 1 589 263), at 80 % and FNS
        // at 90 %: 5 002 000 + 1 410 400 + 1 522 125 + 1 025 000 + 1 025 000
        // + 1 271 410 = 11 255 935, top-ups 2 602 578; psykiatri 329 537,5 →
        // 329 538, I = 11 585 473; S = kr(I × 30/70) = kr(4 965 202,71) =
        // 4 965 203; A = 634 708 + 2 084 779 = 2 719 487; costs 19 270 163,
        // result 19 100 000 − 19 270 163 = −170 163.
        // 2027 × 1,025 again, all teams at 75,5 %: full 14 204 976, cost
        // 4 838 654 + 1 364 342 + 1 308 816 + 991 527 + 991 527 + 1 229 891 =
        // 10 724 757, top-ups 3 480 219; I = 10 724 757 + 337 776 =
        // 11 062 533; S as budgeted, grown: 4 718 845; A = 650 576 +
        // 2 136 898 = 2 787 474; costs 18 568 852; contributions flat at
        // 18 958 000: result 389 148.
        (
            "basis=budget&eq=1500000&rev2026=19100000&growth=2,5&f2026=80&f2027=75.5&f2026.team_fns=90&s2026=70&guide=15",
            [
                (2025, -2028622, -528622, 20986622, 0),
                (2026, -170163, -698785, 19270163, 2602578),
                (2027, 389148, -309637, 18568852, 3480219),
            ],
        ),
    ];
    for (text, expected) in cases {
        let page = Page::with(Library::default(), text);
        assert_eq!(page.ws.scenario.last_year(page.data()), 2027, "{text}");
        assert_eq!(
            figures_of(page.data(), &page.ws.scenario),
            expected,
            "{text}"
        );
    }
    // The third link's guideline: 15 % of 19 100 000 = 2 865 000 in 2026.
    let page = Page::with(
        Library::default(),
        "basis=budget&eq=1500000&rev2026=19100000&growth=2,5&f2026=80&f2027=75.5&f2026.team_fns=90&s2026=70&guide=15",
    );
    let p = project(page.data(), &page.ws.scenario);
    assert_eq!(p.year(2026).unwrap().guideline, dec!(2865000));
    assert_eq!(p.year(2026).unwrap().struktur, dec!(4965203));

    // The old comparison link: Nuläge against the presidium's proposal.
    let page = Page::with(
        Library::default(),
        "cmp1=&cmp1.name=Nul%C3%A4ge&cmp2=f2026%3D80%26f2027%3D80&cmp2.name=Presidiets%20f%C3%B6rslag",
    );
    let labels: Vec<&str> = page
        .ws
        .comparison
        .columns
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(labels, ["Nuläge", "Presidiets förslag"]);
    let d = page.data();
    let columns = page.ws.comparison.scenarios();
    assert_eq!(
        figures_of(d, columns[0]),
        [
            (2025, -9073, 1908927, 18967073, 0),
            (2026, -2028622, -119695, 20986622, 0),
            (2027, -2028622, -2148317, 20986622, 0),
        ]
    );
    assert_eq!(
        figures_of(d, columns[1]),
        [
            (2025, -9073, 1908927, 18967073, 0),
            (2026, 675478, 2584405, 18282522, 2704100),
            (2027, 675478, 3259883, 18282522, 2704100),
        ]
    );
    let f = compare(d, &columns, None);
    let closing_diffs: Vec<Decimal> = f[1].years.iter().map(|y| y.diff.unwrap().closing).collect();
    assert_eq!(closing_diffs, [dec!(0), dec!(2704100), dec!(5408200)]);
    // Opened as a page link, nothing is ignored and the page is as it was.
    let (read, ignored) = link::parse(d, "f2026=80&f2027=80&meeting=1&member=fagersta");
    assert!(ignored.is_empty());
    assert_eq!(
        read,
        PageLink {
            scenario: scenario(d, "f2026=80&f2027=80"),
            motivation: String::new(),
            comparison: Comparison::default(),
            meeting: true,
            member: Some("fagersta".into()),
            risk: Default::default(),
        }
    );
}

#[test]
fn a_preset_does_not_take_the_reasons_of_the_scenario_before_it() {
    let mut page = Page::new();
    page.send(Msg::ApplyPreset("presidiet80".into()));
    page.send(Msg::SetMotivation("Teamen behålls på 80 %.".into()));
    page.send(Msg::EndGesture);
    assert!(page.send(Msg::ApplyPreset("nulage".into())));
    assert_eq!(&*page.ws.motivation, "");
    assert!(!page.link().contains("why="), "{}", page.link());
    assert_eq!(
        page.ws.notice,
        Some(Notice::Info(
            "”Nuläge: full finansiering, fördelning som budgeterat” visas som ett nytt, osparat scenario. Motiveringen hörde till det förra scenariot och är tömd; ”Ångra” tar tillbaka den."
                .into()
        ))
    );
    // One undo brings back the proposal and its reasons together.
    assert!(page.send(Msg::Undo));
    assert_eq!(&*page.ws.motivation, "Teamen behålls på 80 %.");
    assert_eq!(page.ws.active_preset().unwrap().id, "presidiet80");
}
