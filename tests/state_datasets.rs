//! The person's data sets in the browser (`state::datasets`) and a data set
//! carried in a link (`state::carry`), natively: the stored document read
//! with serde_json and through a reader of parsed values without text
//! positions, as the page's `JSON.parse` is; every refusal with its
//! Swedish message; add, rename, duplicate, delete and undo, replace,
//! import and two tabs' merge; and that SFV's data set and one of 40 lines
//! and 5 columns, deflated, fit in a link.
#![cfg(not(target_arch = "wasm32"))]

use budgetsimulatorn::core::Dataset;
use budgetsimulatorn::state::builtin::sfv;
use budgetsimulatorn::state::carry::{self, CarryError, MAX_LINK_CHARS};
use budgetsimulatorn::state::datasets::{self, Datasets, DatasetsError, DocumentV1, Imported};
use budgetsimulatorn::state::document::{DocumentSource, Envelope, JsonText, ParseError};
use proptest::prelude::*;
use rust_decimal_macros::dec;
use serde::de::DeserializeOwned;
use std::io::Write;

#[path = "fixtures/arb_dataset.rs"]
mod arb;

/// A parsed document as the page reads it: `JSON.parse` makes every number
/// a float, and serde-wasm-bindgen hands a whole one on as an integer.
struct Parsed(serde_json::Value);

fn floats(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Number(n) => {
            let float = n.as_f64().unwrap();
            if float.fract() == 0.0 && float.abs() < 9.0e15 {
                Value::from(float as i64)
            } else {
                Value::from(float)
            }
        }
        Value::Array(a) => Value::Array(a.into_iter().map(floats).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, floats(v))).collect()),
        other => other,
    }
}

impl DocumentSource for Parsed {
    fn envelope(&self) -> Result<Envelope, ParseError> {
        if !self.0.is_object() {
            return Err(ParseError::NotAnObject);
        }
        serde_json::from_value(self.0.clone()).map_err(|_| ParseError::NotAnObject)
    }
    fn read<T: DeserializeOwned>(&self) -> Result<T, ParseError> {
        serde_json::from_value(self.0.clone()).map_err(|_| ParseError::Structure(None))
    }
}

fn text(doc: &DocumentV1) -> String {
    serde_json::to_string_pretty(doc).unwrap()
}

fn read(text: &str) -> Result<Datasets, DatasetsError> {
    datasets::read_document(&JsonText(text))
}

fn other() -> Dataset {
    let mut data = sfv();
    data.id = "nv-2023".into();
    data.name = "Norra Västmanland 2023".into();
    data
}

fn two() -> Datasets {
    let mut sets = Datasets::default();
    sets.add(sfv(), &[], 1).unwrap();
    sets.add(other(), &[], 2).unwrap();
    sets
}

#[test]
fn the_stored_document_reads_back_with_either_parser() {
    let sets = two();
    let stored = text(&sets.document());
    assert!(stored.contains("\"format\": \"budgetsimulatorn-dataunderlag\""));
    assert_eq!(read(&stored).unwrap(), sets);
    let value: serde_json::Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(
        datasets::read_document(&Parsed(floats(value))).unwrap(),
        sets
    );
}

#[test]
fn a_bad_document_is_refused_with_a_swedish_reason() {
    let refused = |t: &str| read(t).unwrap_err().to_string();
    assert_eq!(
        refused("{"),
        "Innehållet är inte ett dataunderlag från Budgetsimulatorn: filen går inte att läsa som JSON (rad 1, kolumn 1). En budget i CSV eller Excel läser du in med ”Importera budget (CSV eller Excel)”."
    );
    assert_eq!(refused("[]"), "Innehållet är inte dataunderlag från Budgetsimulatorn (fältet ”format” saknas eller är fel).");
    assert_eq!(
        refused(r#"{"format":"budgetsimulatorn-scenarier","version":2}"#),
        DatasetsError::WrongFormat.to_string()
    );
    assert_eq!(
        refused(r#"{"format":"budgetsimulatorn-dataunderlag"}"#),
        "Innehållet saknar ett giltigt versionsnummer."
    );
    assert_eq!(
        refused(r#"{"format":"budgetsimulatorn-dataunderlag","version":2,"datasets":[]}"#),
        "Innehållet är skapat av en nyare version av Budgetsimulatorn (format 2); den här versionen läser format 1."
    );
    assert_eq!(
        refused(r#"{"format":"budgetsimulatorn-dataunderlag","version":0}"#),
        "Innehållet har en okänd formatversion (0)."
    );
    let unknown_category =
        text(&two().document()).replacen("\"category\": \"admin\"", "\"category\": \"övrigt\"", 1);
    assert!(
        refused(&unknown_category).starts_with("Innehållet har fel struktur (rad "),
        "{}",
        refused(&unknown_category)
    );
    assert_eq!(
        datasets::check_document_size(4_000_001),
        Err(DatasetsError::TooLarge { kilobytes: 4001 })
    );
    let empty = r#"{"format":"budgetsimulatorn-dataunderlag","version":1,"datasets":[]}"#;
    assert_eq!(read(empty).unwrap(), Datasets::default());
    assert_eq!(
        datasets::read_file(&JsonText(empty)),
        Err(DatasetsError::NoDatasets)
    );
}

#[test]
fn a_data_set_that_fails_its_checks_is_named_with_its_line_column_and_problem() {
    let mut doc = two().document();
    doc.datasets[1].dataset.lines[0].amounts[1] = dec!(5.5);
    doc.datasets[1].dataset.lines[3].team = true;
    doc.datasets[1].dataset.lines[0].team = true;
    assert_eq!(
        read(&text(&doc)).unwrap_err().to_string(),
        "Dataunderlag 2 (”Norra Västmanland 2023”): Raden ”Styrelse” (rad 1) är markerad som team men är ingen individinsats. (Och 1 problem till.)"
    );
    doc.datasets[1].dataset.lines[0].team = false;
    assert_eq!(
        read(&text(&doc)).unwrap_err().to_string(),
        "Dataunderlag 2 (”Norra Västmanland 2023”): Raden ”Styrelse”, kolumnen ”Budget 2025” är 5.5: ange hela kronor."
    );
    let mut doc = two().document();
    doc.datasets[1].dataset.id = "sfv-2025".into();
    assert_eq!(
        read(&text(&doc)).unwrap_err().to_string(),
        "Dataunderlag 2 (”Norra Västmanland 2023”) har id ”sfv-2025”, som ett tidigare dataunderlag redan har."
    );
    doc.datasets[1].dataset.name = "  ".into();
    assert_eq!(
        read(&text(&doc)).unwrap_err(),
        DatasetsError::EmptyName { position: 2 }
    );
    let mut doc = two().document();
    doc.datasets[0].dataset.members.as_mut().unwrap().list[2].key_weight = Some(dec!(-3));
    let message = read(&text(&doc)).unwrap_err().to_string();
    assert!(
        message.starts_with(
            "Dataunderlag 1 (”Budget 2024 och delårsrapport 2025”): Medlemmen ”Västerås stad” är "
        ),
        "{message}"
    );
}

#[test]
fn add_rename_duplicate_delete_and_undo() {
    let mut sets = Datasets::default();
    let id = sets.add(sfv(), &["sfv-2025"], 10).unwrap();
    assert_eq!(id, "sfv-2025-2", "the built-in id is taken");
    let again = sets.add(sfv(), &["sfv-2025"], 11).unwrap();
    assert_eq!(again, "sfv-2025-3");
    assert_eq!(
        sets.get(&again).unwrap().name,
        "Budget 2024 och delårsrapport 2025 (2)"
    );
    assert!(sets.rename(&again, "  Egen   budget ", 12));
    assert_eq!(sets.get(&again).unwrap().name, "Egen budget");
    assert!(!sets.rename(&again, "Egen budget", 13), "unchanged");
    assert!(sets.rename(&again, "Budget 2024 och delårsrapport 2025", 13));
    assert_eq!(
        sets.get(&again).unwrap().name,
        "Budget 2024 och delårsrapport 2025 (2)"
    );
    let copy = sets.duplicate(&id, &["sfv-2025"], 14).unwrap();
    assert_eq!(copy, "sfv-2025-2-kopia");
    assert_eq!(
        sets.entries[1].dataset.name,
        "Budget 2024 och delårsrapport 2025 (kopia)"
    );
    let (index, removed) = sets.remove(&copy, 15).unwrap();
    assert_eq!((index, sets.entries.len(), sets.deleted.len()), (1, 2, 1));
    assert_eq!(sets.restore(index, removed, &[], 16), copy);
    assert_eq!(
        (sets.entries[1].dataset.id.as_str(), sets.deleted.len()),
        (copy.as_str(), 0)
    );
    let mut bad = sfv();
    bad.name.clear();
    assert_eq!(
        sets.add(bad, &[], 17),
        Err(DatasetsError::EmptyName { position: 4 })
    );
}

#[test]
fn replace_checks_the_edit_whole() {
    let mut sets = two();
    let mut edited = other();
    edited.lines[0].amounts[0] = dec!(700000);
    sets.replace(edited.clone(), 5).unwrap();
    assert_eq!(sets.get("nv-2023"), Some(&edited));
    assert_eq!(sets.entries[1].changed, 5);
    edited.lines[1].id = edited.lines[0].id.clone();
    let error = sets.replace(edited.clone(), 6).unwrap_err().to_string();
    assert_eq!(error, "Dataunderlag 2 (”Norra Västmanland 2023”): Raden ”Gemensam administration” (rad 2) har id ”styrelse”, som redan används.");
    edited.id = "borta".into();
    assert_eq!(
        sets.replace(edited, 7),
        Err(DatasetsError::NotFound { id: "borta".into() })
    );
}

#[test]
fn an_imported_file_adds_what_is_new_and_nothing_twice() {
    let mut sets = two();
    let mut changed = other();
    changed.lines[0].amounts[0] = dec!(1);
    let file = Datasets {
        entries: vec![],
        deleted: vec![],
    };
    assert!(sets.import(file, &[], 1).is_empty());
    let exported = text(&{
        let mut doc = sets.export(&["sfv-2025"]);
        doc.datasets.push(datasets::Entry {
            changed: 0,
            dataset: changed,
        });
        doc
    });
    let read = datasets::read_file(&JsonText(&exported)).unwrap();
    let imported = sets.import(read, &[], 9);
    assert_eq!(
        imported,
        [
            Imported {
                from: "sfv-2025".into(),
                id: "sfv-2025".into(),
                name: "Budget 2024 och delårsrapport 2025".into(),
                already: true
            },
            Imported {
                from: "nv-2023".into(),
                id: "nv-2023-2".into(),
                name: "Norra Västmanland 2023 (2)".into(),
                already: false
            },
        ]
    );
    assert_eq!(sets.entries.len(), 3);
}

#[test]
fn two_tabs_merge_without_losing_either_ones_work() {
    let base = two();
    let (mut a, mut b) = (base.clone(), base.clone());
    a.rename("sfv-2025", "Ändrad i flik A", 20);
    b.rename("sfv-2025", "Ändrad i flik B", 30);
    b.remove("nv-2023", 25);
    let mut third = other();
    third.id = "tredje".into();
    third.name = "Tredje".into();
    a.add(third, &[], 21).unwrap();
    assert!(a.merge(&b));
    assert_eq!(
        a.get("sfv-2025").unwrap().name,
        "Ändrad i flik B",
        "the newer wins"
    );
    assert!(
        a.get("nv-2023").is_none(),
        "the deletion wins over the older version"
    );
    assert!(a.get("tredje").is_some(), "only one side has it");
    assert!(!a.merge(&b), "merging again changes nothing");
    // A data set restored after its deletion outlives the tombstone.
    let mut c = base.clone();
    let (i, entry) = c.remove("nv-2023", 40).unwrap();
    c.restore(i, entry, &[], 50);
    let mut d = base;
    d.remove("nv-2023", 45);
    d.merge(&c);
    assert!(d.get("nv-2023").is_some());
}

/// The deflated size of a text (raw deflate, as `CompressionStream('deflate-raw')`).
fn deflated(bytes: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("d.json", options).unwrap();
    zip.write_all(bytes).unwrap();
    let mut archive = zip::ZipArchive::new(zip.finish().unwrap()).unwrap();
    let mut raw = archive.by_index_raw(0).unwrap();
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut raw, &mut out).unwrap();
    out
}

fn forty_by_five() -> Dataset {
    let data = sfv();
    let mut d = data.clone();
    d.id = "fyrtio".into();
    d.columns.push(budgetsimulatorn::core::Column {
        kind: budgetsimulatorn::core::ColumnKind::Outlook,
        year: 2026,
        label: None,
        source: "delar2025".into(),
    });
    d.revenue.push(Some(dec!(19000000)));
    d.teams.clear();
    d.unallocated_line = None;
    d.lines = (0..40)
        .map(|i| {
            let mut l = data.lines[i % data.lines.len()].clone();
            l.id = format!("insats_{i}");
            l.name = format!("{} {}", l.name, i + 1);
            l.team = false;
            l.amounts
                .push(l.amounts[0] + rust_decimal::Decimal::from(i * 1013));
            l
        })
        .collect();
    d.validate().unwrap();
    d
}

#[test]
fn a_carried_data_set_fits_a_link_and_reads_back() {
    for data in [sfv(), forty_by_five()] {
        let json = carry::encode(&data);
        let packed = deflated(&json);
        let value = carry::link_value(&packed).unwrap();
        eprintln!(
            "{}: JSON {} byte, deflate {} byte, i länken {} tecken",
            data.id,
            json.len(),
            packed.len(),
            value.len()
        );
        assert!(value.len() <= MAX_LINK_CHARS && value.len() < 8_000);
        assert_eq!(carry::deflated(&value).unwrap(), packed);
        let back = carry::read(&JsonText(std::str::from_utf8(&json).unwrap())).unwrap();
        assert_eq!(back, data);
    }
    let too_big = vec![7u8; 5_000];
    let error = carry::link_value(&too_big).unwrap_err();
    assert_eq!(error, CarryError::TooLarge { chars: 6668 });
    assert!(error
        .to_string()
        .ends_with("Skicka filen med dataunderlaget i stället."));
    assert_eq!(
        carry::deflated(&"A".repeat(6_001)),
        Err(CarryError::TooLarge { chars: 6001 })
    );
    assert_eq!(
        carry::check_inflated(1_000_001),
        Err(CarryError::TooLargeInflated)
    );
    let two = text(&two().document());
    assert_eq!(
        carry::read(&JsonText(&two)),
        Err(CarryError::NotOne { count: 2 })
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn the_document_of_any_data_set_reads_back(data in arb::arb_dataset()) {
        let mut sets = Datasets::default();
        sets.add(data.clone(), &[], 1).unwrap();
        let stored = text(&sets.document());
        prop_assert_eq!(read(&stored).unwrap(), sets.clone());
        let value: serde_json::Value = serde_json::from_str(&stored).unwrap();
        prop_assert_eq!(datasets::read_document(&Parsed(floats(value))).unwrap(), sets);
    }

    #[test]
    fn base64url_is_the_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let text = carry::base64url_encode(&bytes);
        prop_assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        prop_assert_eq!(carry::base64url_decode(&text).unwrap(), bytes);
    }
}
