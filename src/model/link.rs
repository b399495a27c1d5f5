//! The page's link: the current scenario's keys (see [`fragment`]) plus the
//! keys that belong to the page rather than to one scenario.
//!
//! - `meeting=1`: meeting mode is on.
//! - `member=<id>`: the member whose own view is shown.
//! - `cmp1` … `cmp4`: the compared scenarios, each the link of a scenario with
//!   its `&`, `=` and `%` percent-encoded (`cmp2=f2026%3D80%26f2027%3D80`); an
//!   empty value is the default scenario.
//! - `cmp1.name` … `cmp4.name`: each column's label, percent-encoded.
//!
//! Parsing never fails as a whole, like a scenario link: what cannot be read is
//! skipped and named, the rest applies.

use crate::model::comparison::{Column, Comparison, MAX_COLUMNS};
use crate::model::data::Dataset;
use crate::model::fragment::{self, IgnoreReason, IgnoredEntry};
use crate::model::scenario::Scenario;
use std::collections::BTreeMap;

/// Everything a link carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLink {
    pub scenario: Scenario,
    pub comparison: Comparison,
    pub meeting: bool,
    /// The member picked in "Visa för medlem".
    pub member: Option<String>,
}

/// Percent-encodes what would break a link entry or read wrongly in a mail:
/// everything but ASCII letters, digits and `-._~,`.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b',' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The column number of a `cmpN` or `cmpN.name` key, and whether it is a name.
fn comparison_key(key: &str) -> Option<(usize, bool)> {
    let rest = key.strip_prefix("cmp")?;
    let (digits, is_name) = match rest.strip_suffix(".name") {
        Some(digits) => (digits, true),
        None => (rest, false),
    };
    if digits.len() != 1 {
        return None;
    }
    let n: usize = digits.parse().ok()?;
    Some((n, is_name))
}

/// Reads a link. Entries for the scenario go to [`fragment::parse`]; page keys
/// are read here. Ignored entries of a compared scenario name their column.
pub fn parse(data: &Dataset, text: &str) -> (PageLink, Vec<IgnoredEntry>) {
    let body = text.strip_prefix('#').unwrap_or(text);
    let mut scenario_entries: Vec<&str> = Vec::new();
    let mut ignored: Vec<IgnoredEntry> = Vec::new();
    let mut meeting = false;
    let mut member = None;
    let mut links: BTreeMap<usize, String> = BTreeMap::new();
    let mut names: BTreeMap<usize, String> = BTreeMap::new();
    for raw in body.split('&').filter(|e| !e.trim().is_empty()) {
        let (raw_key, raw_value) = raw.split_once('=').unwrap_or((raw, ""));
        let key = fragment::percent_decode(raw_key);
        let key = key.trim();
        if key == "meeting" {
            match raw_value.trim() {
                "1" => meeting = true,
                "0" => meeting = false,
                _ => ignored.push(IgnoredEntry::new(
                    fragment::percent_decode(raw),
                    IgnoreReason::BadFlag,
                )),
            }
        } else if key == "member" {
            let id = fragment::percent_decode(raw_value);
            if data.members.list.iter().any(|m| m.id == id.trim()) {
                member = Some(id.trim().to_owned());
            } else {
                ignored.push(IgnoredEntry::new(
                    fragment::percent_decode(raw),
                    IgnoreReason::UnknownMember,
                ));
            }
        } else if let Some((n, is_name)) = comparison_key(key) {
            if !(1..=MAX_COLUMNS).contains(&n) {
                ignored.push(IgnoredEntry::new(
                    fragment::percent_decode(raw),
                    IgnoreReason::TooManyColumns,
                ));
                continue;
            }
            let value = fragment::percent_decode(raw_value);
            if is_name {
                names.insert(n, value.trim().to_owned());
            } else {
                links.insert(n, value);
            }
        } else {
            scenario_entries.push(raw);
        }
    }
    let (scenario, mut scenario_ignored) = fragment::parse(data, &scenario_entries.join("&"));
    scenario_ignored.append(&mut ignored);
    let mut comparison = Comparison::default();
    for (position, (n, link)) in links.into_iter().enumerate() {
        let (column_scenario, column_ignored) = fragment::parse(data, &link);
        scenario_ignored.extend(column_ignored.into_iter().map(|i| i.in_column(n)));
        let label = names
            .remove(&n)
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| format!("Scenario {}", position + 1));
        comparison.add(Column {
            label,
            scenario: column_scenario,
        });
    }
    for (n, name) in names {
        scenario_ignored.push(IgnoredEntry::new(
            format!("cmp{n}.name={name}"),
            IgnoreReason::NameWithoutScenario,
        ));
    }
    (
        PageLink {
            scenario,
            comparison,
            meeting,
            member,
        },
        scenario_ignored,
    )
}

/// Writes the link for the page (without `#`): the scenario's keys, then
/// meeting mode and the comparison when they are on.
pub fn serialize(data: &Dataset, link: &PageLink) -> String {
    let mut entries: Vec<String> = Vec::new();
    let scenario = fragment::serialize(data, &link.scenario);
    if !scenario.is_empty() {
        entries.push(scenario);
    }
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
            percent_encode(&fragment::serialize(data, &column.scenario))
        ));
        entries.push(format!("cmp{n}.name={}", percent_encode(&column.label)));
    }
    entries.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::PlanYear;
    use rust_decimal_macros::dec;

    fn data() -> Dataset {
        Dataset::sfv_default().unwrap()
    }

    #[test]
    fn a_comparison_round_trips_through_the_link() {
        let d = data();
        let (presidium, _) = fragment::parse(&d, "f2026=80&f2027=80");
        let (goal, _) = fragment::parse(&d, "f2026=70&f2027=70&s2026=60&s2027=60");
        let mut comparison = Comparison::default();
        comparison.add(Column {
            label: "Presidiets förslag: 80 % från 2026".into(),
            scenario: presidium.clone(),
        });
        comparison.add(Column {
            label: "Målet 60/40 & mer".into(),
            scenario: goal,
        });
        let link = PageLink {
            scenario: presidium,
            comparison,
            meeting: true,
            member: Some("fagersta".into()),
        };
        let text = serialize(&d, &link);
        assert_eq!(
            text,
            "f2026=80&f2027=80&meeting=1&member=fagersta\
             &cmp1=f2026%3D80%26f2027%3D80\
             &cmp1.name=Presidiets%20f%C3%B6rslag%3A%2080%20%25%20fr%C3%A5n%202026\
             &cmp2=f2026%3D70%26f2027%3D70%26s2026%3D60%26s2027%3D60\
             &cmp2.name=M%C3%A5let%2060%2F40%20%26%20mer"
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
        assert_eq!(read.scenario.funding[PlanYear::Y2026.index()], dec!(90));
        assert_eq!(read.comparison.columns.len(), 2);
        assert_eq!(read.comparison.columns[0].label, "Scenario 1");
        let second = &read.comparison.columns[1].scenario;
        assert_eq!(second.funding[PlanYear::Y2026.index()], dec!(100));
        assert_eq!(
            second.individ_share[PlanYear::Y2027.index()],
            Some(dec!(70))
        );
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
