//! The link is the scenario: `#key=value&key=value` in the URL fragment.
//!
//! Keys (omitted = default): `basis` (`budget`|`prognos`), `till` (the last
//! plan year), `eq`, `rev<year>` (kr), `growth`, `growth<year>`, `f<year>`,
//! `f<year>.<team id>`, `s<year>` (%; `none`: as budgeted), `guide` (%),
//! `topup` (`served`|`key`), `fte.<team>`, `part.<team>`. Decimal point and
//! comma are both accepted, so a secretary can write a link by hand. Parsing
//! never fails as a whole: each entry that is unknown, malformed, out of
//! range or for a year outside the plan period is skipped and named, and the
//! rest applies. Links written before the plan period could be extended read
//! exactly as they did (`docs/model.md`, the plan period).

use crate::core::horizon::Year;
use crate::core::scenario::{Basis, Field, Scenario, SetError, TopupRule};
use crate::core::Dataset;
use crate::state::input::{check_with, parse_decimal, parse_participants, InputError, RangeError};
use rust_decimal::Decimal;

/// An entry of a link that was not applied, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IgnoredEntry {
    /// The entry as written (decoded), e.g. `f2026=abc`.
    pub entry: String,
    pub reason: IgnoreReason,
    /// The compared scenario (1…4) the entry belongs to; `None` for the
    /// current scenario and the page's own keys.
    pub column: Option<usize>,
}

/// Why a link entry was not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IgnoreReason {
    UnknownKey,
    UnknownTeam,
    BadValue(InputError),
    BadBasis,
    /// `basis=prognos` for a data set without a prognosis column.
    NoPrognosis,
    BadTopupRule,
    BadRange(RangeError),
    /// `till` outside the data set's plan end … first plan year + 9.
    BadTill {
        first: Year,
        last: Year,
    },
    /// A year-bound key for a year outside the plan period.
    YearOutside {
        first: Year,
        last: Year,
    },
    /// Revenue for a year whose revenue the data set gives.
    FixedByData,
    /// A page flag (`meeting`) that is neither 1 nor 0.
    BadFlag,
    /// A compared scenario beyond the fourth.
    TooManyColumns,
    /// A column label without a scenario to label.
    NameWithoutScenario,
    UnknownMember,
    /// Something the page's own keys carry that cannot be read (a data set).
    BadData(String),
    /// An individ share for a data set without structural lines.
    NoStructural,
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
            IgnoreReason::NoPrognosis => {
                "dataunderlaget har ingen prognos för första planåret.".to_owned()
            }
            IgnoreReason::BadTopupRule => "ska vara ”served” eller ”key”.".to_owned(),
            IgnoreReason::BadRange(e) => e.to_string(),
            IgnoreReason::BadValue(e) => e.to_string(),
            IgnoreReason::BadTill { first, last } => {
                format!("planperioden kan sluta tidigast {first} och senast {last}.")
            }
            IgnoreReason::YearOutside { first, last } => {
                format!("året ligger utanför planperioden {first}–{last}.")
            }
            IgnoreReason::FixedByData => "medlen för det året står i dataunderlaget.".to_owned(),
            IgnoreReason::BadFlag => "ska vara 1 eller 0.".to_owned(),
            IgnoreReason::TooManyColumns => {
                "jämförelsen rymmer högst 4 scenarier (cmp1–cmp4).".to_owned()
            }
            IgnoreReason::NameWithoutScenario => "namn utan scenario.".to_owned(),
            IgnoreReason::UnknownMember => "okänd medlem.".to_owned(),
            IgnoreReason::BadData(why) => why.clone(),
            IgnoreReason::NoStructural => {
                "dataunderlaget har inga strukturella insatser att skala om.".to_owned()
            }
        };
        match self.column {
            Some(n) => format!("Jämförelsens scenario {n}, ”{}”: {why}", self.entry),
            None => format!("”{}”: {why}", self.entry),
        }
    }
}

/// Decodes `%XX` escapes (a mailed link may carry `%2C` for a comma or
/// `%E2%88%92` for a minus sign) and `+` as a space; an invalid escape is
/// kept as written.
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
        out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
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

/// The year of a key like `f2026` (prefix `f`), four digits exactly.
fn year_key(key: &str, prefix: &str) -> Option<Year> {
    let digits = key.strip_prefix(prefix)?;
    (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// What a key names: a numeric field, or `None` for an unknown key.
fn field_for_key(data: &Dataset, key: &str) -> Option<Result<Field, IgnoreReason>> {
    let simple = match key {
        "eq" => Some(Field::OpeningEquity),
        "growth" => Some(Field::Growth),
        "guide" => Some(Field::EquityGuideline),
        _ => None,
    };
    if let Some(field) = simple {
        return Some(Ok(field));
    }
    let team = |id: &str, field: Field| {
        if data.is_team(id) {
            Ok(field)
        } else {
            Err(IgnoreReason::UnknownTeam)
        }
    };
    if let Some(id) = key.strip_prefix("fte.") {
        return Some(team(id, Field::TeamFte(id.to_owned())));
    }
    if let Some((year_part, id)) = key.split_once('.') {
        let year = year_key(year_part, "f")?;
        return Some(team(id, Field::TeamFunding(year, id.to_owned())));
    }
    type YearField = fn(Year) -> Field;
    let year_bound: [(&str, YearField); 4] = [
        ("rev", Field::Revenue),
        ("growth", Field::GrowthIn),
        ("f", Field::Funding),
        ("s", Field::IndividShare),
    ];
    year_bound
        .iter()
        .find_map(|(prefix, make)| year_key(key, prefix).map(|y| Ok(make(y))))
}

/// A value as written for a field: a number, or `none` where the field can
/// be set to "not set" (a team's own level, an individ share).
fn field_value(field: &Field, value: &str) -> Result<Option<Decimal>, IgnoreReason> {
    let optional = matches!(field, Field::TeamFunding(..) | Field::IndividShare(_));
    if optional && value.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    let rule = field.rule();
    parse_decimal(value)
        .and_then(|v| check_with(&rule, v, value))
        .map(Some)
        .map_err(IgnoreReason::BadValue)
}

/// Builds a scenario from a link (with or without the leading `#`), starting
/// from the defaults, and lists what it ignored.
pub fn parse(data: &Dataset, fragment: &str) -> (Scenario, Vec<IgnoredEntry>) {
    let mut scenario = Scenario::default();
    let mut ignored = Vec::new();
    let body = fragment.strip_prefix('#').unwrap_or(fragment);
    let entries: Vec<(String, String, String)> = body
        .split('&')
        .filter(|e| !e.trim().is_empty())
        .map(|raw| {
            let entry = percent_decode(raw);
            let (key, value) = entry.split_once('=').unwrap_or((entry.as_str(), ""));
            (
                key.trim().to_owned(),
                value.trim().to_owned(),
                entry.clone(),
            )
        })
        .collect();
    // The period and the basis first: they decide which years and which
    // revenue keys the other entries may set.
    for (key, value, entry) in &entries {
        let mut ignore = |reason| ignored.push(IgnoredEntry::new(entry.clone(), reason));
        match key.as_str() {
            "till" => {
                let (first, last) = (data.plan_end, data.latest_end());
                match value.parse::<Year>() {
                    Ok(year) if (first..=last).contains(&year) => {
                        scenario.set_till(data, Some(year));
                    }
                    _ => ignore(IgnoreReason::BadTill { first, last }),
                }
            }
            "basis" => match value.to_lowercase().as_str() {
                "budget" => drop(scenario.set_basis(data, Basis::Budget)),
                "prognos" if data.prognosis_column().is_none() => ignore(IgnoreReason::NoPrognosis),
                "prognos" => drop(scenario.set_basis(data, Basis::Prognos)),
                _ => ignore(IgnoreReason::BadBasis),
            },
            _ => {}
        }
    }
    let period = (data.first_plan_year, scenario.last_year(data));
    for (key, value, entry) in entries {
        let mut ignore = |reason| ignored.push(IgnoredEntry::new(entry.clone(), reason));
        match key.as_str() {
            "till" | "basis" => continue,
            "topup" => match value.as_str() {
                "served" => scenario.topup_rule = TopupRule::Served,
                "key" => scenario.topup_rule = TopupRule::Key,
                _ => ignore(IgnoreReason::BadTopupRule),
            },
            _ => {
                if let Some(team) = key.strip_prefix("part.") {
                    if !data.is_team(team) {
                        ignore(IgnoreReason::UnknownTeam);
                    } else {
                        match parse_participants(&value) {
                            Ok(range) => {
                                scenario.team_participants.insert(team.to_owned(), range);
                            }
                            Err(e) => ignore(IgnoreReason::BadRange(e)),
                        }
                    }
                    continue;
                }
                let field = match field_for_key(data, &key) {
                    None => {
                        ignore(IgnoreReason::UnknownKey);
                        continue;
                    }
                    Some(Err(reason)) => {
                        ignore(reason);
                        continue;
                    }
                    Some(Ok(field)) => field,
                };
                match field_value(&field, &value) {
                    Err(reason) => ignore(reason),
                    Ok(v) => match scenario.set(data, &field, v) {
                        Ok(_) => {}
                        Err(SetError::Year) => ignore(IgnoreReason::YearOutside {
                            first: period.0,
                            last: period.1,
                        }),
                        Err(SetError::FixedByData) => ignore(IgnoreReason::FixedByData),
                        Err(SetError::UnknownTeam) => ignore(IgnoreReason::UnknownTeam),
                        Err(SetError::NoStructural) => ignore(IgnoreReason::NoStructural),
                        Err(SetError::Rule | SetError::NotOptional) => {
                            ignore(IgnoreReason::UnknownKey)
                        }
                    },
                }
            }
        }
    }
    (scenario, ignored)
}

fn plain(value: Decimal) -> String {
    value.normalize().to_string()
}

fn optional(value: Option<Decimal>) -> String {
    value.map_or_else(|| "none".to_owned(), plain)
}

/// Writes the link for a scenario: only what it sets, in a fixed order, with
/// a decimal point (without the leading `#`).
pub fn serialize(scenario: &Scenario) -> String {
    let mut entries: Vec<String> = Vec::new();
    if let Some(basis) = scenario.basis {
        entries.push(format!("basis={}", basis.key()));
    }
    if let Some(till) = scenario.till {
        entries.push(format!("till={till}"));
    }
    if let Some(eq) = scenario.opening_equity {
        entries.push(format!("eq={}", plain(eq)));
    }
    for (year, amount) in &scenario.revenue {
        entries.push(format!("rev{year}={}", plain(*amount)));
    }
    if !scenario.growth.is_zero() {
        entries.push(format!("growth={}", plain(scenario.growth)));
    }
    for (year, growth) in &scenario.growth_in {
        entries.push(format!("growth{year}={}", plain(*growth)));
    }
    for (year, level) in &scenario.funding {
        entries.push(format!("f{year}={}", plain(*level)));
    }
    for ((year, team), level) in &scenario.team_funding {
        entries.push(format!("f{year}.{team}={}", optional(*level)));
    }
    for (year, share) in &scenario.individ_share {
        entries.push(format!("s{year}={}", optional(*share)));
    }
    if let Some(guide) = scenario.equity_guideline {
        entries.push(format!("guide={}", plain(guide)));
    }
    if scenario.topup_rule != TopupRule::default() {
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
