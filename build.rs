//! Turns the data files (`src/model/sfv_default.json`, `src/model/presets.json`)
//! into Rust values at compile time, so the browser bundle carries the figures
//! as code instead of a JSON parser for them (with its float path and
//! Decimal's serde code: about a tenth of the bundle).
//!
//! The JSON files stay the single source of the figures and their sources.
//! This script only maps each JSON object to the struct of `src/model/data.rs`
//! (or `presets.rs`) it deserializes into; the native test
//! `embedded_data_equals_the_json` checks that the generated values equal what
//! `Dataset::from_json` reads, so the two can never drift apart.

use serde_json::Value;
use std::fmt::Write as _;
use std::{env, fs, path::Path};

/// The struct each object of the data set becomes, by its key (objects in an
/// array by the array's key).
fn struct_for(key: &str) -> &'static str {
    match key {
        "" => "Dataset",
        "sources" => "Source",
        "revenue_2024" | "revenue_2025" | "closing_equity_2024_budget" => "SourcedAmount",
        "opening_equity_2024" => "OpeningEquity2024",
        "transfers" => "EquityTransfer",
        "equity_guideline_percent" => "SourcedPercent",
        "lines" => "BudgetLine",
        "members" => "Members",
        "list" => "Member",
        "teams" => "TeamInfo",
        other => panic!("sfv_default.json: no struct is known for `{other}`"),
    }
}

/// Fields that hold money, percentages or counts (`Decimal`).
const DECIMAL_FIELDS: &[&str] = &[
    "amount",
    "value",
    "budget_2024",
    "budget_2025",
    "prognos_2025",
    "fixed_percent",
    "key_weight",
    "fte",
    "participants_low",
    "participants_high",
];

/// Fields that may be missing (`Option`, `null` in the JSON).
const OPTIONAL_FIELDS: &[&str] = &[
    "fixed_percent",
    "key_weight",
    "fte",
    "participants_low",
    "participants_high",
];

fn decimal(text: &str) -> String {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let mantissa: i128 = format!("{int}{frac}")
        .parse()
        .unwrap_or_else(|_| panic!("`{text}` is not a decimal number"));
    format!("Decimal::from_i128_with_scale({mantissa}, {})", frac.len())
}

/// Keys of the data set that the app itself does not read: `publishing` is
/// for the static pages written after the build (tools/post-build.mjs).
const NOT_FOR_THE_APP: &[&str] = &["publishing"];

fn emit(key: &str, value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            write!(out, "{} {{", struct_for(key)).unwrap();
            for (field, v) in map {
                if key.is_empty() && NOT_FOR_THE_APP.contains(&field.as_str()) {
                    continue;
                }
                write!(out, "{field}: ").unwrap();
                let optional = OPTIONAL_FIELDS.contains(&field.as_str());
                if optional && v.is_null() {
                    out.push_str("None, ");
                    continue;
                }
                if optional {
                    out.push_str("Some(");
                }
                if DECIMAL_FIELDS.contains(&field.as_str()) {
                    let text = match v {
                        Value::Number(n) => n.to_string(),
                        Value::String(s) => s.clone(),
                        other => panic!("`{field}` must be a number, not {other}"),
                    };
                    out.push_str(&decimal(&text));
                } else if field == "category" {
                    let name = v.as_str().expect("category is text");
                    let variant = match name {
                        "admin" => "Admin",
                        "individ" => "Individ",
                        "struktur" => "Struktur",
                        other => panic!("unknown category `{other}`"),
                    };
                    write!(out, "Category::{variant}").unwrap();
                } else {
                    emit(field, v, out);
                }
                if optional {
                    out.push(')');
                }
                out.push_str(", ");
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push_str("vec![");
            for item in items {
                emit(key, item, out);
                out.push_str(", ");
            }
            out.push(']');
        }
        Value::String(s) => write!(out, "String::from({s:?})").unwrap(),
        Value::Bool(b) => write!(out, "{b}").unwrap(),
        other => panic!("`{key}`: unexpected value {other}"),
    }
}

fn main() {
    let out_dir = env::var("OUT_DIR").unwrap();
    println!("cargo:rerun-if-changed=src/model/sfv_default.json");
    println!("cargo:rerun-if-changed=src/model/presets.json");

    let data: Value =
        serde_json::from_str(&fs::read_to_string("src/model/sfv_default.json").unwrap()).unwrap();
    let mut code = String::from("/// SFV's default data set (generated from `sfv_default.json`).\npub fn sfv_embedded() -> Dataset {\n");
    emit("", &data, &mut code);
    code.push_str("\n}\n");
    fs::write(Path::new(&out_dir).join("sfv_default.rs"), code).unwrap();

    let presets: Value =
        serde_json::from_str(&fs::read_to_string("src/model/presets.json").unwrap()).unwrap();
    let mut code =
        String::from("/// SFV's presets (generated from `presets.json`).\npub const SFV_PRESETS: &[PresetSpec] = &[\n");
    for p in presets["presets"].as_array().expect("a `presets` array") {
        let text = |field: &str| {
            p[field]
                .as_str()
                .unwrap_or_else(|| panic!("preset field `{field}` must be text"))
                .to_owned()
        };
        writeln!(
            code,
            "    PresetSpec {{ id: {:?}, name: {:?}, fragment: {:?}, source_id: {:?}, source: {:?} }},",
            text("id"),
            text("name"),
            text("fragment"),
            text("source_id"),
            text("source")
        )
        .unwrap();
    }
    code.push_str("];\n");
    fs::write(Path::new(&out_dir).join("presets.rs"), code).unwrap();
}
