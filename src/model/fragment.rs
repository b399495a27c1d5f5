//! The link is the scenario: `#key=value&key=value` in the URL fragment.
//!
//! Keys (omitted = default): `basis` (`budget`|`prognos`), `eq`, `rev2026`,
//! `rev2027` (kr), `growth`, `f2025`…`f2027`, `f<year>.<team id>`,
//! `s2025`…`s2027`, `guide` (%). Decimal point and comma are both accepted, so a
//! secretary can write a link by hand. Parsing never fails as a whole: each entry
//! that is unknown, malformed or out of range is skipped and reported, and the
//! rest applies.

use crate::model::data::Dataset;
use crate::model::input::{parse_participants, InputError, RangeError};
use crate::model::scenario::{Basis, Field, PlanYear, Scenario, TopupRule};
use rust_decimal::Decimal;

/// An entry of a fragment that was not applied, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnoredEntry {
    /// The entry as written (decoded), e.g. `f2026=abc`.
    pub entry: String,
    pub reason: IgnoreReason,
    /// The compared scenario (1…4) the entry belongs to; `None` for the
    /// current scenario and the page's own keys.
    pub column: Option<usize>,
}

/// Why a fragment entry was not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IgnoreReason {
    UnknownKey,
    UnknownTeam,
    BadValue(InputError),
    BadBasis,
    BadTopupRule,
    BadRange(RangeError),
    /// A page flag (`meeting`) that is neither 1 nor 0.
    BadFlag,
    /// A compared scenario beyond the fourth.
    TooManyColumns,
    /// A column label without a scenario to label.
    NameWithoutScenario,
    UnknownMember,
}

impl IgnoredEntry {
    pub fn new(entry: String, reason: IgnoreReason) -> Self {
        IgnoredEntry {
            entry,
            reason,
            column: None,
        }
    }

    /// The same entry, as found in compared scenario `column`.
    pub fn in_column(self, column: usize) -> Self {
        IgnoredEntry {
            column: Some(column),
            ..self
        }
    }

    /// A Swedish explanation, e.g. `”f2026=abc”: ”abc” är inte ett tal.`
    pub fn message(&self) -> String {
        let why = match &self.reason {
            IgnoreReason::UnknownKey => "okänd inställning.".to_owned(),
            IgnoreReason::UnknownTeam => "okänt team.".to_owned(),
            IgnoreReason::BadBasis => "ska vara ”budget” eller ”prognos”.".to_owned(),
            IgnoreReason::BadTopupRule => "ska vara ”served” eller ”key”.".to_owned(),
            IgnoreReason::BadRange(e) => e.to_string(),
            IgnoreReason::BadValue(e) => e.to_string(),
            IgnoreReason::BadFlag => "ska vara 1 eller 0.".to_owned(),
            IgnoreReason::TooManyColumns => {
                "jämförelsen rymmer högst 4 scenarier (cmp1–cmp4).".to_owned()
            }
            IgnoreReason::NameWithoutScenario => "namn utan scenario.".to_owned(),
            IgnoreReason::UnknownMember => "okänd medlem.".to_owned(),
        };
        match self.column {
            Some(n) => format!("Jämförelsens scenario {n}, ”{}”: {why}", self.entry),
            None => format!("”{}”: {why}", self.entry),
        }
    }
}

/// Decodes `%XX` escapes (a mailed link may carry `%2C` for a comma or
/// `%E2%88%92` for a minus sign); an invalid escape is kept as written.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
        }
        if bytes[i] == b'+' {
            out.push(b' ');
        } else {
            out.push(bytes[i]);
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn year_key(key: &str, prefix: &str) -> Option<PlanYear> {
    let digits = key.strip_prefix(prefix)?;
    if digits.len() != 4 {
        return None;
    }
    PlanYear::from_number(digits.parse().ok()?)
}

/// Which field a key names (`None`: unknown key; `Some(Err)`: unknown team).
fn field_for_key(data: &Dataset, key: &str) -> Option<Result<Field, IgnoreReason>> {
    let simple = match key {
        "eq" => Some(Field::OpeningEquity),
        "rev2026" => Some(Field::Revenue(PlanYear::Y2026)),
        "rev2027" => Some(Field::Revenue(PlanYear::Y2027)),
        "growth" => Some(Field::CostGrowth),
        "guide" => Some(Field::EquityGuideline),
        _ => None,
    };
    if let Some(field) = simple {
        return Some(Ok(field));
    }
    if let Some(team) = key.strip_prefix("fte.") {
        return Some(if data.is_team(team) {
            Ok(Field::TeamFte(team.to_owned()))
        } else {
            Err(IgnoreReason::UnknownTeam)
        });
    }
    if let Some((year_part, team)) = key.split_once('.') {
        let year = year_key(year_part, "f")?;
        return Some(if data.is_team(team) {
            Ok(Field::TeamFunding(year, team.to_owned()))
        } else {
            Err(IgnoreReason::UnknownTeam)
        });
    }
    if let Some(year) = year_key(key, "f") {
        return Some(Ok(Field::Funding(year)));
    }
    year_key(key, "s").map(|year| Ok(Field::IndividShare(year)))
}

/// Builds a scenario from a fragment (with or without the leading `#`), starting
/// from the defaults, and lists what it ignored.
pub fn parse(data: &Dataset, fragment: &str) -> (Scenario, Vec<IgnoredEntry>) {
    let mut scenario = Scenario::defaults(data);
    let mut ignored = Vec::new();
    let body = fragment.strip_prefix('#').unwrap_or(fragment);
    for raw in body.split('&').filter(|e| !e.trim().is_empty()) {
        let entry = percent_decode(raw);
        let (key, value) = entry.split_once('=').unwrap_or((entry.as_str(), ""));
        let (key, value) = (key.trim(), value.trim());
        let mut ignore = |reason| ignored.push(IgnoredEntry::new(entry.clone(), reason));
        if key == "topup" {
            match value {
                "served" => scenario.topup_rule = TopupRule::Served,
                "key" => scenario.topup_rule = TopupRule::Key,
                _ => ignore(IgnoreReason::BadTopupRule),
            }
            continue;
        }
        if let Some(team) = key.strip_prefix("part.") {
            if !data.is_team(team) {
                ignore(IgnoreReason::UnknownTeam);
            } else {
                match parse_participants(value) {
                    Ok(range) => {
                        scenario.team_participants.insert(team.to_owned(), range);
                    }
                    Err(e) => ignore(IgnoreReason::BadRange(e)),
                }
            }
            continue;
        }
        if key == "basis" {
            match value.to_lowercase().as_str() {
                "budget" => scenario.basis = Basis::Budget,
                "prognos" => scenario.basis = Basis::Prognos,
                _ => ignore(IgnoreReason::BadBasis),
            }
            continue;
        }
        match field_for_key(data, key) {
            None => ignore(IgnoreReason::UnknownKey),
            Some(Err(reason)) => ignore(reason),
            Some(Ok(field)) => match field.rule().parse(value) {
                Ok(v) => {
                    scenario.set(&field, Some(v));
                }
                Err(e) => ignore(IgnoreReason::BadValue(e)),
            },
        }
    }
    (scenario, ignored)
}

fn plain(value: Decimal) -> String {
    value.normalize().to_string()
}

/// Writes the fragment for a scenario: only what differs from the defaults, in
/// a fixed order, with a decimal point (without the leading `#`).
pub fn serialize(data: &Dataset, scenario: &Scenario) -> String {
    let defaults = Scenario::defaults(data);
    let mut entries: Vec<String> = Vec::new();
    if scenario.basis != defaults.basis {
        entries.push(format!("basis={}", scenario.basis.key()));
    }
    let mut push_if_changed = |key: String, value: Decimal, default: Decimal| {
        if value != default {
            entries.push(format!("{key}={}", plain(value)));
        }
    };
    push_if_changed(
        "eq".into(),
        scenario.opening_equity,
        defaults.opening_equity,
    );
    push_if_changed(
        "rev2026".into(),
        scenario.revenue_2026,
        defaults.revenue_2026,
    );
    push_if_changed(
        "rev2027".into(),
        scenario.revenue_2027,
        defaults.revenue_2027,
    );
    push_if_changed("growth".into(), scenario.cost_growth, defaults.cost_growth);
    for year in PlanYear::ALL {
        let i = year.index();
        push_if_changed(
            format!("f{}", year.number()),
            scenario.funding[i],
            defaults.funding[i],
        );
    }
    for year in PlanYear::ALL {
        for (team, level) in &scenario.funding_override[year.index()] {
            entries.push(format!("f{}.{team}={}", year.number(), plain(*level)));
        }
    }
    for year in PlanYear::ALL {
        if let Some(share) = scenario.individ_share[year.index()] {
            entries.push(format!("s{}={}", year.number(), plain(share)));
        }
    }
    if scenario.equity_guideline != defaults.equity_guideline {
        entries.push(format!("guide={}", plain(scenario.equity_guideline)));
    }
    if scenario.topup_rule != defaults.topup_rule {
        entries.push(format!("topup={}", scenario.topup_rule.key()));
    }
    for (team, fte) in &scenario.team_fte {
        entries.push(format!("fte.{team}={}", plain(*fte)));
    }
    for (team, (low, high)) in &scenario.team_participants {
        entries.push(format!("part.{team}={low}-{high}"));
    }
    entries.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn data() -> Dataset {
        Dataset::sfv_default().unwrap()
    }

    #[test]
    fn hand_written_link_is_restored() {
        let (s, ignored) = parse(
            &data(),
            "#basis=budget&eq=1500000&rev2026=19100000&growth=2,5&f2026=80&f2027=75.5\
             &f2026.team_fns=90&s2026=70&guide=15",
        );
        assert!(ignored.is_empty(), "{ignored:?}");
        assert_eq!(s.basis, Basis::Budget);
        assert_eq!(s.opening_equity, dec!(1500000));
        assert_eq!(s.revenue_2026, dec!(19100000));
        assert_eq!(s.revenue_2027, dec!(18958000));
        assert_eq!(s.cost_growth, dec!(2.5));
        assert_eq!(s.funding, [dec!(100), dec!(80), dec!(75.5)]);
        assert_eq!(s.team_level(PlanYear::Y2026, "team_fns"), dec!(90));
        assert_eq!(s.individ_share, [None, Some(dec!(70)), None]);
        assert_eq!(s.equity_guideline, dec!(15));
    }

    #[test]
    fn broken_entries_are_ignored_and_named_the_rest_applies() {
        let (s, ignored) = parse(
            &data(),
            "f2026=abc&f2027=80&zzz=1&f2026.team_nope=50&s2025=0&basis=maybe&growth=11&eq=%E2%88%92100",
        );
        assert_eq!(s.funding[2], dec!(80));
        assert_eq!(s.funding[1], dec!(100));
        assert_eq!(s.opening_equity, dec!(-100));
        let named: Vec<&str> = ignored.iter().map(|i| i.entry.as_str()).collect();
        assert_eq!(
            named,
            [
                "f2026=abc",
                "zzz=1",
                "f2026.team_nope=50",
                "s2025=0",
                "basis=maybe",
                "growth=11"
            ]
        );
        assert_eq!(ignored[0].message(), "”f2026=abc”: ”abc” är inte ett tal.");
        assert_eq!(ignored[1].message(), "”zzz=1”: okänd inställning.");
    }

    #[test]
    fn defaults_serialize_to_nothing_and_round_trip() {
        let d = data();
        assert_eq!(serialize(&d, &Scenario::defaults(&d)), "");
        let text =
            "basis=budget&eq=-5&rev2027=0&growth=-2.5&f2026=82&f2027.team_sala=0&s2026=60&guide=0";
        let (s, ignored) = parse(&d, text);
        assert!(ignored.is_empty());
        assert_eq!(serialize(&d, &s), text);
    }

    #[test]
    fn staffing_keys_round_trip_and_bad_ones_are_named() {
        let d = data();
        let text = "topup=key&fte.team_fns=4&fte.teamsamverkan_vm=2.5&part.teamsamverkan_vm=20-24";
        let (s, ignored) = parse(&d, text);
        assert!(ignored.is_empty(), "{ignored:?}");
        assert_eq!(s.topup_rule, TopupRule::Key);
        assert_eq!(s.fte(&d, "team_fns"), Some(dec!(4)));
        assert_eq!(s.fte(&d, "team_sala"), Some(dec!(2.5)));
        assert_eq!(
            s.participants(&d, "teamsamverkan_vm"),
            Some((dec!(20), dec!(24)))
        );
        assert_eq!(serialize(&d, &s), text);
        let (_, ignored) = parse(
            &d,
            "topup=alla&fte.team_fns=3.55&fte.team_x=1&part.team_sala=30-25&part.team_fns=abc",
        );
        let messages: Vec<String> = ignored.iter().map(|i| i.message()).collect();
        assert_eq!(
            messages,
            [
                "”topup=alla”: ska vara ”served” eller ”key”.",
                "”fte.team_fns=3.55”: Ange högst en decimal (”3.55”).",
                "”fte.team_x=1”: okänt team.",
                "”part.team_sala=30-25”: Det lägre talet måste komma först (”30-25”).",
                "”part.team_fns=abc”: Skriv antalet deltagare som två hela tal, t.ex. ”50–55”, eller ett tal, t.ex. ”15”.",
            ]
        );
    }

    #[test]
    fn odd_fragments_do_not_panic() {
        let d = data();
        for text in [
            "", "#", "&&", "=", "%", "%E2", "f2026", "f2026.=1", "s=1", "f20260=1", "é=å%ZZ",
        ] {
            let _ = parse(&d, text);
        }
    }
}
