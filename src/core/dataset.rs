//! The data set: everything the engine needs that is not a scenario choice
//! (spec section 10), for any samordningsförbund.
//!
//! A data set has budget lines with one amount per figure column. Each column
//! is of a kind and a year: the reference year's budget or outcome (shown for
//! comparison), the first plan year's budget with an optional prognosis and
//! outcome to date (an interim report), and optional decided budgets or
//! outlooks for later years. Revenue is given per column. Members (the state,
//! the region and the municipalities with their key) and the teams' staffing
//! are optional. SFV's data set (`src/data/sfv.json`) is one such data set.
//!
//! A `Dataset` value is only trusted after [`Dataset::validate`]
//! (`core::validate`); every way in (the built-in file, a stored or imported
//! data set, the editor) validates before use.

use crate::core::horizon::{PlanPeriod, Year};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The budget categories of the official layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Administrativa kostnader.
    Admin,
    /// Individinsatser.
    Individ,
    /// Metodutveckling och strukturpåverkande insatser.
    Struktur,
}

impl Category {
    pub const ALL: [Category; 3] = [Category::Admin, Category::Individ, Category::Struktur];

    /// The word used in files and links.
    pub fn key(self) -> &'static str {
        match self {
            Category::Admin => "admin",
            Category::Individ => "individ",
            Category::Struktur => "struktur",
        }
    }
}

/// What a figure column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    /// A decided budget.
    Budget,
    /// The outcome of a closed year (a reference year only).
    Outcome,
    /// The first plan year's full-year prognosis (an interim report).
    Prognosis,
    /// The first plan year's outcome so far (an interim report).
    OutcomeToDate,
    /// An outlook for a later year (not a decision).
    Outlook,
}

/// One figure column of the data set.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Column {
    pub kind: ColumnKind,
    pub year: Year,
    /// The column's heading as its source writes it, when that says more
    /// than kind and year (`Utfall jan–aug 2025`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Where the column's figures come from (a source id).
    #[serde(default)]
    pub source: String,
}

/// A document the figures are taken from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub issuer: String,
    #[serde(default)]
    pub date: String,
    /// What is taken from it, in words a treasurer can follow.
    #[serde(default)]
    pub note: String,
}

/// One budget line with one amount per column (whole kronor), in column order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BudgetLine {
    pub id: String,
    pub name: String,
    pub category: Category,
    /// A coordination team: its funding level can be lowered.
    #[serde(default)]
    pub team: bool,
    #[serde(with = "crate::core::exact::list")]
    pub amounts: Vec<Decimal>,
    #[serde(default)]
    pub source: String,
}

/// An amount with the source it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SourcedAmount {
    #[serde(with = "crate::core::exact")]
    pub amount: Decimal,
    #[serde(default)]
    pub source: String,
    /// How it is made up, in words (e.g. the predecessors' transfers).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A percentage with the source it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SourcedPercent {
    #[serde(with = "crate::core::exact")]
    pub value: Decimal,
    #[serde(default)]
    pub source: String,
}

/// A member of the förbund (*medlem*, *huvudman*).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Member {
    pub id: String,
    pub name: String,
    /// A fixed part of the contributions, % (the state 50, the region 25).
    #[serde(with = "crate::core::exact::option", default)]
    pub fixed_percent: Option<Decimal>,
    /// For the municipalities, which share what the fixed parts leave: their
    /// weight in the key.
    #[serde(with = "crate::core::exact::option", default)]
    pub key_weight: Option<Decimal>,
}

/// The members in the order they are listed, with the sources of the split
/// and of the municipal key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Members {
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub key_source: String,
    pub list: Vec<Member>,
}

/// What is known of a team beyond its budget line: the municipalities it
/// serves, the posts its money pays (FTE) and how many participants it works
/// with at once. Missing figures are `None` ("uppgift saknas").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TeamInfo {
    /// The team's budget line id.
    pub line: String,
    /// Member ids of the municipalities it serves.
    #[serde(default)]
    pub serves: Vec<String>,
    #[serde(with = "crate::core::exact::option", default)]
    pub fte: Option<Decimal>,
    /// (low, high) at the same time.
    #[serde(default)]
    pub participants: Option<(u32, u32)>,
    #[serde(default)]
    pub source: String,
}

/// A data set (spec section 10).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Dataset {
    /// Unique among the data sets a browser knows (`sfv-2025` for the built-in one).
    pub id: String,
    /// The data set's own name, shown where it is picked.
    pub name: String,
    pub organisation: String,
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The year shown for comparison before the plan, if any.
    #[serde(default)]
    pub reference_year: Option<Year>,
    /// `P0`.
    pub first_plan_year: Year,
    /// The end of the data set's own plan period.
    pub plan_end: Year,
    pub columns: Vec<Column>,
    pub lines: Vec<BudgetLine>,
    /// Contributions from the members per column (`None`: not given).
    #[serde(with = "crate::core::exact::option_list")]
    pub revenue: Vec<Option<Decimal>>,
    #[serde(default)]
    pub revenue_source: String,
    /// Equity at the start of the data set's first year: the reference year
    /// if there is one, else the first plan year.
    pub opening_equity: SourcedAmount,
    /// Equity at the start of the first plan year when it is known rather
    /// than computed as the reference year's closing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_plan_opening_equity: Option<SourcedAmount>,
    /// The ceiling for equity, % of the year's contributions.
    pub equity_guideline: SourcedPercent,
    /// The structural line that takes the whole structural total when every
    /// structural line's full cost is 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unallocated_line: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<Members>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<TeamInfo>,
}

impl Dataset {
    /// The column of a kind and year.
    pub fn column(&self, kind: ColumnKind, year: Year) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| c.kind == kind && c.year == year)
    }

    /// The column whose figures stand for `year` in the plan or as the
    /// reference: a budget (or outlook, or outcome for the reference year).
    /// The first plan year's prognosis is chosen by the scenario, not here.
    pub fn year_column(&self, year: Year) -> Option<usize> {
        [ColumnKind::Outcome, ColumnKind::Budget, ColumnKind::Outlook]
            .into_iter()
            .find_map(|kind| self.column(kind, year))
    }

    /// The first plan year's prognosis column, if the data set has one.
    pub fn prognosis_column(&self) -> Option<usize> {
        self.column(ColumnKind::Prognosis, self.first_plan_year)
    }

    /// The first plan year's outcome-to-date column, if any.
    pub fn outcome_to_date_column(&self) -> Option<usize> {
        self.column(ColumnKind::OutcomeToDate, self.first_plan_year)
    }

    /// The data set's own plan period.
    pub fn own_period(&self) -> PlanPeriod {
        PlanPeriod::new(self.first_plan_year, self.plan_end).unwrap_or_else(|| {
            PlanPeriod::new(self.first_plan_year, self.first_plan_year).expect("one year")
        })
    }

    /// The latest plan end a scenario may choose: `P0 + 9`.
    pub fn latest_end(&self) -> Year {
        PlanPeriod::latest_end(self.first_plan_year)
    }

    /// The revenue of the column for `year` (the year's budget, outlook or
    /// outcome), if the data set gives it.
    pub fn revenue_in(&self, year: Year) -> Option<Decimal> {
        self.year_column(year).and_then(|c| self.revenue[c])
    }

    /// Equity at the start of the first plan year as the data set has it:
    /// given, or the reference year's closing (its opening plus its revenue
    /// minus its costs as decided).
    pub fn first_opening_equity(&self) -> Decimal {
        if let Some(known) = &self.first_plan_opening_equity {
            return known.amount;
        }
        match self.reference_year.and_then(|y| self.year_column(y)) {
            Some(c) => {
                let costs: Decimal = self.lines.iter().map(|l| l.amounts[c]).sum();
                self.opening_equity.amount + self.revenue[c].unwrap_or_default() - costs
            }
            None => self.opening_equity.amount,
        }
    }

    /// The team lines, in data order.
    pub fn teams(&self) -> impl Iterator<Item = &BudgetLine> {
        self.lines.iter().filter(|l| l.team)
    }

    /// Whether `id` names a team line.
    pub fn is_team(&self, id: &str) -> bool {
        self.teams().any(|l| l.id == id)
    }

    /// What is known of a team line beyond its budget.
    pub fn team_info(&self, line: &str) -> Option<&TeamInfo> {
        self.teams.iter().find(|t| t.line == line)
    }

    /// The members, if the data set has any.
    pub fn member_list(&self) -> &[Member] {
        self.members.as_ref().map_or(&[], |m| m.list.as_slice())
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The line that takes unallocated structural money: the named one, else
    /// the last structural line.
    pub fn unallocated_index(&self) -> Option<usize> {
        let named = self.unallocated_line.as_deref().and_then(|id| {
            self.lines
                .iter()
                .position(|l| l.id == id && l.category == Category::Struktur)
        });
        named.or_else(|| {
            self.lines
                .iter()
                .rposition(|l| l.category == Category::Struktur)
        })
    }
}
