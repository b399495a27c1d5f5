//! The comparison the board has put together: up to four labelled
//! scenarios, the first the base (spec section 8). The figures are computed
//! by `core::compare`; this is what the page holds and what each action does
//! to it.

use crate::core::Scenario;

/// The most scenarios a comparison holds.
pub const MAX_COLUMNS: usize = 4;

/// One compared scenario with the label it is shown under.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Column {
    pub label: String,
    pub scenario: Scenario,
    /// The board's reasons for the scenario, carried with it.
    pub motivation: String,
}

/// The scenarios being compared, the base first.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
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

    /// The compared scenarios, in column order.
    pub fn scenarios(&self) -> Vec<&Scenario> {
        self.columns.iter().map(|c| &c.scenario).collect()
    }
}
