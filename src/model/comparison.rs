//! Comparing scenarios side by side (docs/model.md §5): up to four columns, the
//! first the base; per year the result, closing equity, the teams' top-up
//! total, the individ share and the balancing level, and for the other
//! columns the difference from the base in kronor.

use crate::model::chart::{comparison_chart, LineChart};
use crate::model::data::Dataset;
use crate::model::engine::{project, Balancing};
use crate::model::members::members_table;
use crate::model::scenario::Scenario;
use rust_decimal::Decimal;

/// The most scenarios a comparison holds.
pub const MAX_COLUMNS: usize = 4;

/// One compared scenario with the label it is shown under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub label: String,
    pub scenario: Scenario,
}

/// The scenarios being compared, the base first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Comparison {
    pub columns: Vec<Column>,
}

impl Comparison {
    pub fn is_full(&self) -> bool {
        self.columns.len() >= MAX_COLUMNS
    }

    /// Adds a column at the end; `false` when the comparison is full.
    pub fn add(&mut self, column: Column) -> bool {
        if self.is_full() {
            return false;
        }
        self.columns.push(column);
        true
    }

    /// Removes the column at `index` (0-based).
    pub fn remove(&mut self, index: usize) -> bool {
        if index < self.columns.len() {
            self.columns.remove(index);
            true
        } else {
            false
        }
    }

    /// Moves the column at `index` to the front, making it the base.
    pub fn make_base(&mut self, index: usize) -> bool {
        if index == 0 || index >= self.columns.len() {
            return false;
        }
        let column = self.columns.remove(index);
        self.columns.insert(0, column);
        true
    }

    /// Swaps the column at `index` with the one to its left.
    pub fn move_left(&mut self, index: usize) -> bool {
        if index == 0 || index >= self.columns.len() {
            return false;
        }
        self.columns.swap(index - 1, index);
        true
    }
}

/// Differences from the base, kronor (this column − base).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Difference {
    pub result: Decimal,
    pub closing: Decimal,
    pub topup: Decimal,
}

/// One column's figures in one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearFigures {
    pub year: u16,
    pub result: Decimal,
    pub closing: Decimal,
    pub topup: Decimal,
    pub share_individ: Option<Decimal>,
    pub balancing: Balancing,
    /// `None` for the base column.
    pub diff: Option<Difference>,
}

/// One column's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnFigures {
    pub label: String,
    /// The plan years, in order.
    pub years: Vec<YearFigures>,
    /// Closing equity of every year, the 2024 reference included, for the chart.
    pub closing_series: Vec<(u16, Decimal)>,
    /// The picked member's total (contribution + top-ups) per plan year.
    pub member_total: Option<Vec<Decimal>>,
}

/// Everything the comparison view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonFigures {
    pub columns: Vec<ColumnFigures>,
    pub chart: LineChart,
}

/// Computes every column and its differences from the base, and for a picked
/// member its total per year in each column.
pub fn figures(data: &Dataset, comparison: &Comparison, member: Option<&str>) -> ComparisonFigures {
    let member_index = member.and_then(|id| data.members.list.iter().position(|m| m.id == id));
    let projections: Vec<_> = comparison
        .columns
        .iter()
        .map(|c| project(data, &c.scenario))
        .collect();
    let base = projections.first();
    let columns: Vec<ColumnFigures> = comparison
        .columns
        .iter()
        .zip(&projections)
        .enumerate()
        .map(|(k, (column, projection))| ColumnFigures {
            label: column.label.clone(),
            years: projection
                .years
                .iter()
                .enumerate()
                .map(|(i, y)| YearFigures {
                    year: y.year,
                    result: y.result,
                    closing: y.closing,
                    topup: y.topup_total,
                    share_individ: y.share_individ,
                    balancing: y.balancing,
                    diff: base.filter(|_| k > 0).map(|b| {
                        let b = &b.years[i];
                        Difference {
                            result: y.result - b.result,
                            closing: y.closing - b.closing,
                            topup: y.topup_total - b.topup_total,
                        }
                    }),
                })
                .collect(),
            closing_series: projection
                .all_years()
                .map(|y| (y.year, y.closing))
                .collect(),
            member_total: member_index.map(|m| {
                members_table(data, &column.scenario, projection).members[m]
                    .years
                    .iter()
                    .map(|y| y.total)
                    .collect()
            }),
        })
        .collect();
    let series: Vec<(String, Vec<(u16, Decimal)>)> = columns
        .iter()
        .map(|c| (c.label.clone(), c.closing_series.clone()))
        .collect();
    ComparisonFigures {
        chart: comparison_chart(&series),
        columns,
    }
}
