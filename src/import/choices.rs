//! What the person answers in the preview ([`Choices`]) and the preview's
//! own suggestion of every answer ([`Preview::suggested`]), which the page
//! shows pre-filled for the person to change.

use super::preview::{Origin, Preview, Unit};
use super::words;
use crate::core::dataset::{Category, ColumnKind, Dataset, Members, Source, TeamInfo};
use crate::core::horizon::{PlanPeriod, Year};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The source id an imported file gets when the preview knows no sources.
pub const FILE_SOURCE: &str = "fil";
/// The guideline when the file gives none: the national recommendation
/// (equity below 20 % of the year's contributions).
pub const DEFAULT_GUIDELINE: Decimal = Decimal::from_parts(20, 0, 0, false, 0);

/// What a figure column is used as (`kind` and `year` as in the data set).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnChoice {
    pub kind: ColumnKind,
    pub year: Year,
    pub label: Option<String>,
}

/// The answer for one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineChoice {
    /// `None`: not answered yet.
    pub category: Option<Category>,
    pub team: bool,
}

/// Everything the preview asks, answered.
/// (Serde: the page edits the answers and sends them back to the importer.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choices {
    /// `None`: not answered. A file that says *tkr* has it preselected and
    /// the simulator's own files are in kr; any other file is asked, since
    /// a guess of kr for a file in tkr makes every figure 1 000 times small.
    pub unit: Option<Unit>,
    /// Costs are written negative: every line amount changes sign.
    pub flip_signs: bool,
    /// Per preview column; `None`: not used.
    pub columns: Vec<Option<ColumnChoice>>,
    /// Per preview line.
    pub lines: Vec<LineChoice>,
    pub reference_year: Option<Year>,
    pub first_plan_year: Year,
    pub plan_end: Year,
    /// The data set's id; empty: made from its name.
    pub id: String,
    pub name: String,
    pub organisation: String,
    /// The file as a source (title, issuer, date), when the preview knows
    /// none of its own; its id is used for every column.
    pub source: Option<Source>,
    /// Equity at the start of the data set's first year, kronor, when the
    /// file has none (or to correct it).
    pub opening_equity: Option<Decimal>,
    /// Medel från huvudmännen in the first plan year's budget, kronor, when
    /// the file has no revenue row (a data set must have it).
    #[serde(default)]
    pub revenue: Option<Decimal>,
    /// The equity guideline, %.
    pub guideline: Decimal,
    /// Copied from another data set, if wanted.
    pub members: Option<Members>,
    pub teams: Vec<TeamInfo>,
    /// Further sources the copied members name.
    pub sources: Vec<Source>,
    pub unallocated_line: Option<String>,
}

/// Whether a line looks like a coordination team (`Samordningsteam Sala`,
/// `Teamsamverkan …`): the suggestion when the file does not say.
fn looks_like_team(name: &str) -> bool {
    let t = words::normal(name);
    t.starts_with("samordningsteam") || t.starts_with("team")
}

impl Preview {
    /// The preview's own answers, for the person to change: the unit and
    /// signs it guessed, each column as its heading says (a plain year as a
    /// budget), categories as recognised, team flags as the file says or as
    /// the names suggest, and the years: the first plan year is the year of
    /// a prognosis or outcome-to-date column, else the year after the last
    /// outcome, else the latest column headed as a budget (a budget file
    /// shows last year's budget beside the new one), else the earliest
    /// year; an earlier budget or outcome is the reference year; the plan ends with the last column's year, at
    /// least two years after the first plan year.
    pub fn suggested(&self) -> Choices {
        let k = &self.known;
        let kinds: Vec<(ColumnKind, Year)> = self
            .columns
            .iter()
            .map(|c| (c.kind.unwrap_or(ColumnKind::Budget), c.year))
            .collect();
        let interim = kinds
            .iter()
            .find(|(k, _)| matches!(k, ColumnKind::Prognosis | ColumnKind::OutcomeToDate));
        let last_outcome = kinds
            .iter()
            .filter(|(k, _)| *k == ColumnKind::Outcome)
            .map(|(_, y)| *y)
            .max();
        let earliest = kinds.iter().map(|(_, y)| *y).min().unwrap_or(2025);
        let budgets = self
            .columns
            .iter()
            .filter(|c| c.kind == Some(ColumnKind::Budget));
        let latest_budget = budgets.map(|c| c.year).max();
        let first = k
            .first_plan_year
            .unwrap_or_else(|| match (interim, last_outcome) {
                (Some((_, y)), _) => *y,
                (None, Some(y)) => y + 1,
                (None, None) => latest_budget.unwrap_or(earliest),
            });
        let reference = match self.origin {
            Origin::OwnCsv | Origin::OwnWorkbook => k.reference_year,
            Origin::BudgetFile => kinds
                .iter()
                .filter(|(kind, y)| {
                    *y < first && matches!(kind, ColumnKind::Budget | ColumnKind::Outcome)
                })
                .map(|(_, y)| *y)
                .max(),
        };
        let latest = kinds.iter().map(|(_, y)| *y).max().unwrap_or(first);
        let plan_end = k
            .plan_end
            .unwrap_or_else(|| latest.max(first + 2))
            .min(PlanPeriod::latest_end(first));
        let columns = self
            .columns
            .iter()
            .zip(&kinds)
            .map(|(c, &(kind, year))| {
                let scenario = self.origin == Origin::OwnCsv && c.kind.is_none() && year != first;
                let kind = match kind {
                    ColumnKind::Prognosis | ColumnKind::OutcomeToDate if year > first => {
                        ColumnKind::Outlook
                    }
                    ColumnKind::Outcome if year >= first => ColumnKind::Budget,
                    other => other,
                };
                let fits = Some(year) == reference || year >= first;
                (!scenario && fits).then(|| ColumnChoice {
                    kind,
                    year,
                    label: c.label.clone(),
                })
            })
            .collect();
        let lines = self
            .lines
            .iter()
            .map(|l| LineChoice {
                category: l.category,
                team: l.team.unwrap_or_else(|| {
                    l.category == Some(Category::Individ) && looks_like_team(&l.name)
                }),
            })
            .collect();
        Choices {
            unit: match (self.origin, &self.unit_because) {
                (_, Some(_)) => Some(Unit::Tkr),
                (Origin::BudgetFile, None) => None,
                (Origin::OwnCsv | Origin::OwnWorkbook, None) => Some(Unit::Kr),
            },
            flip_signs: self.negative_costs,
            columns,
            lines,
            reference_year: reference,
            first_plan_year: first,
            plan_end,
            id: String::new(),
            name: String::new(),
            organisation: String::new(),
            source: None,
            opening_equity: None,
            revenue: None,
            guideline: k.guideline.as_ref().map_or(DEFAULT_GUIDELINE, |g| g.value),
            members: None,
            teams: Vec::new(),
            sources: Vec::new(),
            unallocated_line: None,
        }
    }
}

impl Choices {
    /// Some line is answered as individ but none is a team: the funding
    /// level would then change nothing, which the preview says.
    pub fn lacks_teams(&self) -> bool {
        let individ = self
            .lines
            .iter()
            .any(|l| l.category == Some(Category::Individ));
        individ && !self.lines.iter().any(|l| l.team)
    }

    /// Copies another data set's members (with the sources they name) and
    /// what it knows of the teams this file also has, by line id.
    pub fn copy_members(&mut self, preview: &Preview, from: &Dataset) {
        let Some(members) = &from.members else {
            return;
        };
        self.members = Some(members.clone());
        let named = [&members.source, &members.key_source];
        self.sources = from
            .sources
            .iter()
            .filter(|s| named.contains(&&s.id))
            .cloned()
            .collect();
        let team = |id: &str| {
            let lines = preview.lines.iter().zip(&self.lines);
            lines.into_iter().any(|(l, c)| l.id == id && c.team)
        };
        self.teams = from
            .teams
            .iter()
            .filter(|t| team(&t.line))
            .cloned()
            .collect();
    }
}
