//! The default data set (SFV's budget 2024, budget and prognosis 2025), embedded
//! in the binary and validated when the app starts.
//!
//! The figures live in `sfv_default.json` next to this file, each line with the
//! document it comes from, so a treasurer can check every default against the
//! source documents. Loading validates what the engine relies on
//! (unique ids, whole non-negative kronor, a fall-back line for unallocated
//! structural money) and reports each problem as a typed error carrying data.

use rust_decimal::Decimal;
use serde::Deserialize;
use thiserror::Error;

/// The JSON text of SFV's default data set: the source of the figures. The
/// app embeds them as values generated from it (see `build.rs`); this text is
/// for tests and tools, and is not in the browser bundle unless used there.
pub const SFV_DEFAULT_JSON: &str = include_str!("sfv_default.json");

/// The data set generated from `sfv_default.json` by `build.rs`.
mod embedded {
    use super::*;
    include!(concat!(env!("OUT_DIR"), "/sfv_default.rs"));
}

/// The structural line that receives the whole structural total when every
/// structural line's full cost is 0 (docs/model.md §3.5).
pub const UNALLOCATED_LINE_ID: &str = "ofordelat";

/// The budget categories of the official layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Administrativa kostnader.
    Admin,
    /// Individinsatser.
    Individ,
    /// Metodutveckling och strukturpåverkande insatser.
    Struktur,
}

/// One budget line with its three source columns, in kronor.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct BudgetLine {
    pub id: String,
    pub name: String,
    pub category: Category,
    /// A coordination team: its funding level can be lowered (docs/model.md §3.3).
    pub team: bool,
    pub budget_2024: Decimal,
    pub budget_2025: Decimal,
    pub prognos_2025: Decimal,
    /// Where the figures come from, in words a treasurer can follow.
    pub source: String,
}

/// A document the defaults are taken from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub issuer: String,
    pub date: String,
    pub note: String,
}

/// An amount with the id of the source it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SourcedAmount {
    pub amount: Decimal,
    pub source: String,
}

/// A percentage with the id of the source it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SourcedPercent {
    pub value: Decimal,
    pub source: String,
}

/// Equity transferred from one of the three predecessor förbund on 2024-01-01.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct EquityTransfer {
    pub from: String,
    pub amount: Decimal,
}

/// The opening equity 2024 as the sum of the predecessors' transfers.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct OpeningEquity2024 {
    pub source: String,
    pub transfers: Vec<EquityTransfer>,
}

/// A member of the förbund (*medlem*, *huvudman*).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Member {
    pub id: String,
    pub name: String,
    /// A fixed part of the contributions, % (the state 50, the region 25).
    pub fixed_percent: Option<Decimal>,
    /// For the municipalities, which share what the fixed parts leave: their
    /// weight in the key (population 2024-12-31 by default, an assumption).
    pub key_weight: Option<Decimal>,
}

/// The members in the order the page lists them, with the sources of the
/// split and of the municipal key.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Members {
    pub source: String,
    pub key_source: String,
    pub list: Vec<Member>,
}

/// What the sources say of a team beyond its budget line: the municipalities
/// it serves, the posts its money pays (FTE) and how many participants it
/// works with at once. Missing figures are `None` ("uppgift saknas").
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TeamInfo {
    /// The team's budget line id.
    pub line: String,
    /// Member ids of the municipalities it serves.
    pub serves: Vec<String>,
    pub fte: Option<Decimal>,
    pub participants_low: Option<Decimal>,
    pub participants_high: Option<Decimal>,
    pub source: String,
}

/// Everything the engine needs that is not a scenario choice.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Dataset {
    pub organisation: String,
    pub sources: Vec<Source>,
    pub revenue_2024: SourcedAmount,
    pub revenue_2025: SourcedAmount,
    pub opening_equity_2024: OpeningEquity2024,
    pub closing_equity_2024_budget: SourcedAmount,
    pub equity_guideline_percent: SourcedPercent,
    pub lines: Vec<BudgetLine>,
    pub members: Members,
    /// One entry per team line.
    pub teams: Vec<TeamInfo>,
}

/// What can be wrong with a data set.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DataError {
    #[error("the data set is not valid JSON for the model: {0}")]
    Json(String),
    #[error("line id `{0}` occurs more than once")]
    DuplicateId(String),
    #[error("line `{id}`: {column} is {value}, but amounts must be whole kronor ≥ 0")]
    BadAmount {
        id: String,
        column: &'static str,
        value: Decimal,
    },
    #[error("line `{0}` is marked as a team but is not an individ line")]
    TeamOutsideIndivid(String),
    #[error("there is no structural line `{UNALLOCATED_LINE_ID}` to hold unallocated money")]
    MissingUnallocatedLine,
    #[error("`{field}` names source `{source_id}`, which the data set does not list")]
    UnknownSource { field: String, source_id: String },
    #[error("{field} is {value}, but must be whole kronor ≥ 0")]
    BadTotal { field: &'static str, value: Decimal },
    #[error("member `{0}`: {1}")]
    BadMember(String, &'static str),
    #[error("team `{0}`: {1}")]
    BadTeam(String, &'static str),
}

fn is_whole_non_negative(value: Decimal) -> bool {
    !value.is_sign_negative() && value.fract().is_zero()
}

impl Dataset {
    /// Parses and validates a data set.
    pub fn from_json(text: &str) -> Result<Self, DataError> {
        let dataset: Dataset =
            serde_json::from_str(text).map_err(|e| DataError::Json(e.to_string()))?;
        dataset.validate()?;
        Ok(dataset)
    }

    /// SFV's default data set, embedded as Rust values at compile time (see
    /// `build.rs`) and validated like any other.
    pub fn sfv_default() -> Result<Self, DataError> {
        let dataset = embedded::sfv_embedded();
        // The embedded data is checked natively, by every test that loads
        // it; the browser skips the check (its code and messages would
        // cost the start-up budget for a data set that cannot change).
        #[cfg(not(target_arch = "wasm32"))]
        dataset.validate()?;
        Ok(dataset)
    }

    fn validate(&self) -> Result<(), DataError> {
        let mut seen = std::collections::HashSet::new();
        for line in &self.lines {
            if !seen.insert(line.id.as_str()) {
                return Err(DataError::DuplicateId(line.id.clone()));
            }
            for (column, value) in [
                ("budget_2024", line.budget_2024),
                ("budget_2025", line.budget_2025),
                ("prognos_2025", line.prognos_2025),
            ] {
                if !is_whole_non_negative(value) {
                    return Err(DataError::BadAmount {
                        id: line.id.clone(),
                        column,
                        value,
                    });
                }
            }
            if line.team && line.category != Category::Individ {
                return Err(DataError::TeamOutsideIndivid(line.id.clone()));
            }
        }
        if !self
            .lines
            .iter()
            .any(|l| l.id == UNALLOCATED_LINE_ID && l.category == Category::Struktur)
        {
            return Err(DataError::MissingUnallocatedLine);
        }
        for (field, value) in [
            ("revenue_2024", self.revenue_2024.amount),
            ("revenue_2025", self.revenue_2025.amount),
            (
                "closing_equity_2024_budget",
                self.closing_equity_2024_budget.amount,
            ),
        ] {
            if !is_whole_non_negative(value) {
                return Err(DataError::BadTotal { field, value });
            }
        }
        self.validate_members()?;
        let cited = [
            ("revenue_2024", &self.revenue_2024.source),
            ("revenue_2025", &self.revenue_2025.source),
            ("opening_equity_2024", &self.opening_equity_2024.source),
            (
                "closing_equity_2024_budget",
                &self.closing_equity_2024_budget.source,
            ),
            (
                "equity_guideline_percent",
                &self.equity_guideline_percent.source,
            ),
            ("members", &self.members.source),
            ("members.key_source", &self.members.key_source),
        ];
        for (field, source_id) in cited {
            if !self.sources.iter().any(|s| &s.id == source_id) {
                return Err(DataError::UnknownSource {
                    field: field.to_owned(),
                    source_id: source_id.clone(),
                });
            }
        }
        Ok(())
    }

    /// Members: unique ids; each either has a fixed part (0–100 %) or a
    /// positive key weight; the fixed parts leave something for the key
    /// members. Teams: one entry per team line, serving key members, with
    /// FTE ≥ 0 (one decimal) and whole participant numbers low ≤ high.
    fn validate_members(&self) -> Result<(), DataError> {
        let members = &self.members.list;
        let mut fixed_total = Decimal::ZERO;
        for (i, m) in members.iter().enumerate() {
            if members[..i].iter().any(|o| o.id == m.id) {
                return Err(DataError::BadMember(
                    m.id.clone(),
                    "the id occurs more than once",
                ));
            }
            match (m.fixed_percent, m.key_weight) {
                (Some(p), None) if p >= Decimal::ZERO && p <= Decimal::ONE_HUNDRED => {
                    fixed_total += p
                }
                (None, Some(w)) if w > Decimal::ZERO => {}
                _ => {
                    return Err(DataError::BadMember(
                        m.id.clone(),
                        "needs either a fixed part of 0–100 % or a key weight above 0",
                    ))
                }
            }
        }
        if fixed_total > Decimal::ONE_HUNDRED || !members.iter().any(|m| m.key_weight.is_some()) {
            return Err(DataError::BadMember(
                "*".into(),
                "the fixed parts must leave a share for at least one member with a key weight",
            ));
        }
        for line in self.teams() {
            if self.teams.iter().filter(|t| t.line == line.id).count() != 1 {
                return Err(DataError::BadTeam(
                    line.id.clone(),
                    "needs exactly one entry under `teams`",
                ));
            }
        }
        for team in &self.teams {
            if !self.is_team(&team.line) {
                return Err(DataError::BadTeam(team.line.clone(), "is not a team line"));
            }
            let serves_key_members = !team.serves.is_empty()
                && team.serves.iter().all(|id| {
                    members
                        .iter()
                        .any(|m| &m.id == id && m.key_weight.is_some())
                });
            if !serves_key_members {
                return Err(DataError::BadTeam(
                    team.line.clone(),
                    "must serve one or more members with a key weight",
                ));
            }
            if let Some(fte) = team.fte {
                if fte.is_sign_negative() || fte.normalize().scale() > 1 {
                    return Err(DataError::BadTeam(
                        team.line.clone(),
                        "FTE must be ≥ 0 with one decimal",
                    ));
                }
            }
            match (team.participants_low, team.participants_high) {
                (None, None) => {}
                (Some(low), Some(high))
                    if is_whole_non_negative(low) && is_whole_non_negative(high) && low <= high => {
                }
                _ => {
                    return Err(DataError::BadTeam(
                        team.line.clone(),
                        "participants must be whole numbers, low ≤ high, or both missing",
                    ))
                }
            }
        }
        Ok(())
    }

    /// What the sources say of a team line beyond its budget.
    pub fn team_info(&self, line: &str) -> Option<&TeamInfo> {
        self.teams.iter().find(|t| t.line == line)
    }

    /// Equity on 2024-01-01: the three predecessors' transfers.
    pub fn opening_equity_2024_total(&self) -> Decimal {
        self.opening_equity_2024
            .transfers
            .iter()
            .map(|t| t.amount)
            .sum()
    }

    /// The team lines, in data order.
    pub fn teams(&self) -> impl Iterator<Item = &BudgetLine> {
        self.lines.iter().filter(|l| l.team)
    }

    /// Whether `id` names a team line.
    pub fn is_team(&self, id: &str) -> bool {
        self.teams().any(|l| l.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn embedded_data_equals_the_json() {
        assert_eq!(
            embedded::sfv_embedded(),
            Dataset::from_json(SFV_DEFAULT_JSON).unwrap()
        );
    }

    #[test]
    fn embedded_default_data_parses_and_validates() {
        let data = Dataset::sfv_default().expect("embedded data must be valid");
        assert_eq!(data.lines.len(), 17);
        assert_eq!(data.teams().count(), 6);
        assert_eq!(data.revenue_2024.amount, dec!(19038000));
        assert_eq!(data.revenue_2025.amount, dec!(18958000));
        // VP 2024 section 7: 2 817 000 + 650 000 + 396 000.
        assert_eq!(data.opening_equity_2024_total(), dec!(3863000));
        assert_eq!(data.closing_equity_2024_budget.amount, dec!(1918000));
        assert!(data.lines.iter().all(|l| !l.source.is_empty()));
    }

    fn with_first_line(edit: impl Fn(&mut serde_json::Value)) -> Result<Dataset, DataError> {
        let mut json: serde_json::Value = serde_json::from_str(SFV_DEFAULT_JSON).unwrap();
        edit(&mut json["lines"][0]);
        Dataset::from_json(&json.to_string())
    }

    #[test]
    fn broken_data_is_reported_with_what_is_wrong() {
        assert_eq!(
            with_first_line(|l| l["budget_2025"] = serde_json::json!(-5)),
            Err(DataError::BadAmount {
                id: "styrelse".into(),
                column: "budget_2025",
                value: dec!(-5)
            })
        );
        assert_eq!(
            with_first_line(|l| l["id"] = serde_json::json!("administration")),
            Err(DataError::DuplicateId("administration".into()))
        );
        assert_eq!(
            with_first_line(|l| l["team"] = serde_json::json!(true)),
            Err(DataError::TeamOutsideIndivid("styrelse".into()))
        );
        assert!(matches!(Dataset::from_json("{}"), Err(DataError::Json(_))));
    }
}
