//! The page's link: the current scenario's keys (see [`fragment`]) plus the
//! keys that belong to the page rather than to one scenario.
//!
//! - `why=<text>`: the board's reasons for the scenario, percent-encoded.
//! - `meeting=1`: meeting mode is on.
//! - `member=<id>`: the member whose own view is shown.
//! - `cmp1` … `cmp4`: the compared scenarios, each the link of a scenario with
//!   its `&`, `=` and `%` percent-encoded (`cmp2=f2026%3D80%26f2027%3D80`); an
//!   empty value is the default scenario.
//! - `cmp1.name` … `cmp4.name`: each column's label, and `cmp1.why` …
//!   `cmp4.why` its reasons, percent-encoded.
//! - `data=<deflated base64url>`: the data set, when it is not the built-in
//!   one ([`DATA_KEY`]).
//! - `risk.growth`, `risk.rev`, `risk.n`, `risk.seed`, `risk.floor`: the
//!   settings of "Hur säkert är det?" (see [`crate::state::risk`]).
//!
//! Parsing never fails as a whole, like a scenario link: what cannot be read is
//! skipped and named, the rest applies.

use crate::core::small_map::SmallMap;
use crate::core::{Dataset, Scenario};
use crate::state::comparison::{Column, Comparison, MAX_COLUMNS};
use crate::state::fragment::{self, percent_encode, IgnoreReason, IgnoredEntry};
use crate::state::library::MAX_MOTIVATION_CHARS;
use crate::state::risk::RiskSettings;

/// Everything a link carries.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PageLink {
    pub scenario: Scenario,
    /// The board's reasons for the scenario.
    pub motivation: String,
    pub comparison: Comparison,
    pub meeting: bool,
    /// The member picked in "Visa för medlem".
    pub member: Option<String>,
    /// The risk panel's settings.
    pub risk: RiskSettings,
}

/// The key of the data set a link carries (deflated, base64url; see
/// [`crate::state::carry`]): a link to a scenario of a data set that is
/// not built in opens with the same figures on another computer.
pub const DATA_KEY: &str = "data";

/// A link `fragment` with the carried data set's `value` added.
pub fn with_data(fragment: &str, value: &str) -> String {
    let join = if fragment.is_empty() { "" } else { "&" };
    format!("{fragment}{join}{DATA_KEY}={value}")
}

/// The carried data set's value in a link, if it has one.
pub fn carried_data(text: &str) -> Option<&str> {
    let body = text.strip_prefix('#').unwrap_or(text);
    body.split('&')
        .filter_map(|e| e.split_once('='))
        .find(|(k, _)| k.trim() == DATA_KEY)
        .map(|(_, v)| v.trim())
}

/// What a `cmpN…` key is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ColumnPart {
    Scenario,
    Name,
    Reasons,
}

/// The column number of a `cmpN`, `cmpN.name` or `cmpN.why` key.
fn comparison_key(key: &str) -> Option<(usize, ColumnPart)> {
    let rest = key.strip_prefix("cmp")?;
    let (digits, part) = if let Some(d) = rest.strip_suffix(".name") {
        (d, ColumnPart::Name)
    } else if let Some(d) = rest.strip_suffix(".why") {
        (d, ColumnPart::Reasons)
    } else {
        (rest, ColumnPart::Scenario)
    };
    if digits.len() != 1 {
        return None;
    }
    Some((digits.parse().ok()?, part))
}

/// The reasons as read from a link: at most [`MAX_MOTIVATION_CHARS`].
fn reasons(raw: &str) -> String {
    fragment::percent_decode(raw)
        .chars()
        .take(MAX_MOTIVATION_CHARS)
        .collect()
}

/// Reads a link. Entries for the scenario go to [`fragment::parse`]; page keys
/// are read here. Ignored entries of a compared scenario name their column.
pub fn parse(data: &Dataset, text: &str) -> (PageLink, Vec<IgnoredEntry>) {
    let body = text.strip_prefix('#').unwrap_or(text);
    let mut scenario_entries: Vec<&str> = Vec::new();
    let mut ignored: Vec<IgnoredEntry> = Vec::new();
    let mut page = PageLink::default();
    let mut columns: SmallMap<usize, (Option<String>, String, String)> = SmallMap::new();
    for raw in body.split('&').filter(|e| !e.trim().is_empty()) {
        let (raw_key, raw_value) = raw.split_once('=').unwrap_or((raw, ""));
        let key = fragment::percent_decode(raw_key);
        let key = key.trim();
        let mut ignore =
            |reason| ignored.push(IgnoredEntry::new(fragment::percent_decode(raw), reason));
        if key == "meeting" {
            match raw_value.trim() {
                "1" => page.meeting = true,
                "0" => page.meeting = false,
                _ => ignore(IgnoreReason::BadFlag),
            }
        } else if key == "why" {
            page.motivation = reasons(raw_value);
        } else if key == DATA_KEY {
            // The carried data set: read at the edge before the link (see
            // [`carried_data`]), since the rest is read against it.
        } else if let Some(name) = key.strip_prefix("risk.") {
            let value = fragment::percent_decode(raw_value);
            if let Err(reason) = page.risk.read_entry(name, &value) {
                ignore(reason);
            }
        } else if key == "member" {
            let id = fragment::percent_decode(raw_value);
            if data.member_list().iter().any(|m| m.id == id.trim()) {
                page.member = Some(id.trim().to_owned());
            } else {
                ignore(IgnoreReason::UnknownMember);
            }
        } else if let Some((n, part)) = comparison_key(key) {
            if !(1..=MAX_COLUMNS).contains(&n) {
                ignore(IgnoreReason::TooManyColumns);
                continue;
            }
            if !columns.contains_key(&n) {
                columns.insert(n, Default::default());
            }
            let column = columns.get_mut(&n).expect("inserted above");
            match part {
                ColumnPart::Scenario => column.0 = Some(fragment::percent_decode(raw_value)),
                ColumnPart::Name => {
                    column.1 = fragment::percent_decode(raw_value).trim().to_owned()
                }
                ColumnPart::Reasons => column.2 = reasons(raw_value),
            }
        } else {
            scenario_entries.push(raw);
        }
    }
    let (scenario, mut scenario_ignored) = fragment::parse(data, &scenario_entries.join("&"));
    page.scenario = scenario;
    scenario_ignored.append(&mut ignored);
    for (&n, (link, name, motivation)) in &columns {
        let (link, name, motivation) = (link.clone(), name.clone(), motivation.clone());
        let Some(link) = link else {
            if !name.is_empty() {
                scenario_ignored.push(IgnoredEntry::new(
                    format!("cmp{n}.name={name}"),
                    IgnoreReason::NameWithoutScenario,
                ));
            }
            continue;
        };
        let (column_scenario, column_ignored) = fragment::parse(data, &link);
        scenario_ignored.extend(column_ignored.into_iter().map(|i| i.in_column(n)));
        let position = page.comparison.columns.len() + 1;
        let label = if name.is_empty() {
            format!("Scenario {position}")
        } else {
            name
        };
        page.comparison.add(Column {
            label,
            scenario: column_scenario,
            motivation,
        });
    }
    (page, scenario_ignored)
}

/// The link to a scenario alone, with its reasons (the board's
/// "Motivering" travels with it): what "Kopiera länk till scenariot" gives.
pub fn scenario_link(scenario: &Scenario, motivation: &str) -> String {
    serialize(&PageLink {
        scenario: scenario.clone(),
        motivation: motivation.to_owned(),
        ..PageLink::default()
    })
}

/// Writes the link for the page (without `#`): the scenario's keys, its
/// reasons, then meeting mode, the member and the comparison when they are on.
pub fn serialize(link: &PageLink) -> String {
    let mut entries: Vec<String> = Vec::new();
    let scenario = fragment::serialize(&link.scenario);
    if !scenario.is_empty() {
        entries.push(scenario);
    }
    if !link.motivation.is_empty() {
        entries.push(format!("why={}", percent_encode(&link.motivation)));
    }
    entries.extend(link.risk.link_entries());
    if link.meeting {
        entries.push("meeting=1".to_owned());
    }
    if let Some(member) = &link.member {
        entries.push(format!("member={}", percent_encode(member)));
    }
    for (i, column) in link.comparison.columns.iter().enumerate() {
        let n = i + 1;
        entries.push(format!(
            "cmp{n}={}",
            percent_encode(&fragment::serialize(&column.scenario))
        ));
        entries.push(format!("cmp{n}.name={}", percent_encode(&column.label)));
        if !column.motivation.is_empty() {
            entries.push(format!("cmp{n}.why={}", percent_encode(&column.motivation)));
        }
    }
    entries.join("&")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::state::builtin::sfv as data;
    use rust_decimal_macros::dec;

    #[test]
    fn a_comparison_round_trips_through_the_link() {
        let d = data();
        let (presidium, _) = fragment::parse(&d, "f2026=80&f2027=80");
        let (goal, _) = fragment::parse(&d, "f2026=70&f2027=70&s2026=60&s2027=60");
        let mut comparison = Comparison::default();
        comparison.add(Column {
            label: "Presidiets förslag: 80 % från 2026".into(),
            scenario: presidium.clone(),
            motivation: String::new(),
        });
        comparison.add(Column {
            label: "Målet 60/40 & mer".into(),
            scenario: goal,
            motivation: "Balans på sikt".into(),
        });
        let link = PageLink {
            scenario: presidium,
            motivation: String::new(),
            comparison,
            meeting: true,
            member: Some("fagersta".into()),
            risk: RiskSettings::default(),
        };
        let text = serialize(&link);
        assert_eq!(
            text,
            "f2026=80&f2027=80&meeting=1&member=fagersta\
             &cmp1=f2026%3D80%26f2027%3D80\
             &cmp1.name=Presidiets%20f%C3%B6rslag%3A%2080%20%25%20fr%C3%A5n%202026\
             &cmp2=f2026%3D70%26f2027%3D70%26s2026%3D60%26s2027%3D60\
             &cmp2.name=M%C3%A5let%2060%2F40%20%26%20mer\
             &cmp2.why=Balans%20p%C3%A5%20sikt"
        );
        let (read, ignored) = parse(&d, &text);
        assert!(ignored.is_empty(), "{ignored:?}");
        assert_eq!(read, link);
    }

    #[test]
    fn a_broken_comparison_link_applies_what_it_can_and_names_the_rest() {
        let d = data();
        let (read, ignored) = parse(
            &d,
            "f2026=90&cmp1=f2026%3D80&cmp2=f2026%3Dabc%26s2027%3D70&cmp7=x&meeting=ja&cmp3.name=Ensam",
        );
        assert_eq!(read.scenario.funding(&d, 2026), dec!(90));
        assert_eq!(read.comparison.columns.len(), 2);
        assert_eq!(read.comparison.columns[0].label, "Scenario 1");
        let second = &read.comparison.columns[1].scenario;
        assert_eq!(second.funding(&d, 2026), dec!(100));
        assert_eq!(second.individ_share(&d, 2027), Some(dec!(70)));
        let messages: Vec<String> = ignored.iter().map(|i| i.message()).collect();
        assert_eq!(
            messages,
            [
                "”cmp7=x”: jämförelsen rymmer högst 4 scenarier (cmp1–cmp4).",
                "”meeting=ja”: ska vara 1 eller 0.",
                "Jämförelsens scenario 2, ”f2026=abc”: ”abc” är inte ett tal.",
                "”cmp3.name=Ensam”: namn utan scenario.",
            ]
        );
        assert!(!read.meeting);
    }
}
