//! The editor's changes to a data set's shape: lines moved, added and
//! removed, columns added and removed, and the plan moved on a year.

use crate::core::dataset::{BudgetLine, Category, Column, ColumnKind, Dataset};
use crate::core::horizon::{PlanPeriod, Year};
use crate::import::words::{make_id, unique_id};
use rust_decimal::Decimal;

pub(super) fn move_line(data: &mut Dataset, line: usize, up: bool) -> Result<(), String> {
    let other = if up {
        line.checked_sub(1)
    } else {
        Some(line + 1)
    };
    match other {
        Some(other) if other < data.lines.len() && line < data.lines.len() => {
            data.lines.swap(line, other);
            Ok(())
        }
        // At the top or the bottom already: nothing to do.
        _ => Ok(()),
    }
}

/// A new line "Ny rad" of `category`, 0 kr in every column, placed after
/// the last line of its category.
pub(super) fn add_line(data: &mut Dataset, category: Category) {
    let taken = |id: &str| data.lines.iter().any(|l| l.id == id);
    let id = unique_id(&make_id("ny rad", '_'), '_', &taken);
    let names: Vec<&str> = data.lines.iter().map(|l| l.name.as_str()).collect();
    let name = crate::state::library::unique_name(names.into_iter(), "Ny rad");
    let at = data
        .lines
        .iter()
        .rposition(|l| l.category == category)
        .map_or(data.lines.len(), |i| i + 1);
    data.lines.insert(
        at,
        BudgetLine {
            id,
            name,
            category,
            team: false,
            amounts: vec![Decimal::ZERO; data.columns.len()],
            source: String::new(),
        },
    );
}

pub(super) fn remove_line(data: &mut Dataset, line: usize) -> Result<(), String> {
    if line >= data.lines.len() {
        return Err("Raden finns inte längre.".to_owned());
    }
    let removed = data.lines.remove(line);
    data.teams.retain(|t| t.line != removed.id);
    if data.unallocated_line.as_deref() == Some(removed.id.as_str()) {
        data.unallocated_line = None;
    }
    Ok(())
}

/// A new first plan year. Moving on by one year (planning 2026 from 2025)
/// makes the old first year the reference year, starting with the equity
/// it started with (the old reference year's closing), with its budget
/// column (whose kind can then be made an outcome); the columns of earlier
/// years and the old year's prognosis and outcome to date are dropped, as
/// no reference year can have them. The plan end stays within the new
/// period. Any other move leaves the columns for the check to judge.
pub(super) fn move_first_year(data: &mut Dataset, year: Year) {
    let old = data.first_plan_year;
    if year == old {
        return;
    }
    if year == old + 1 {
        let opening = data.first_opening_equity();
        data.opening_equity.note = format!(
            "Ingående eget kapital {old}: utgående {} enligt dataunderlaget före bytet av planår.",
            data.reference_year.unwrap_or(old)
        );
        data.reference_year = Some(old);
        data.opening_equity.amount = opening;
        let keep: Vec<bool> = data
            .columns
            .iter()
            .map(|c| c.year > old || (c.year == old && c.kind == ColumnKind::Budget))
            .collect();
        for column in (0..keep.len()).rev().filter(|&c| !keep[c]) {
            data.columns.remove(column);
            data.revenue.remove(column);
            for line in &mut data.lines {
                line.amounts.remove(column);
            }
        }
    } else if data.reference_year.is_some_and(|r| r >= year) {
        data.reference_year = None;
    }
    data.first_plan_opening_equity = None;
    data.first_plan_year = year;
    data.plan_end = data.plan_end.clamp(year, PlanPeriod::latest_end(year));
}

/// The column a new one starts as a copy of, so that adding it changes no
/// figure until the person types the ones that differ (a new prognosis is
/// used at once, and a column of zeros would show a year without costs):
/// for a prognosis or outcome, the same year's budget; otherwise, or
/// without one, the latest earlier year's budget, else any of its columns
/// but an outcome to date. An outcome to date starts at 0 kr: nothing of it
/// can be guessed.
fn copied_from(data: &Dataset, kind: ColumnKind, year: Year) -> Option<usize> {
    if kind == ColumnKind::OutcomeToDate {
        return None;
    }
    let same_year_budget = matches!(kind, ColumnKind::Prognosis | ColumnKind::Outcome)
        .then(|| data.column(ColumnKind::Budget, year))
        .flatten();
    same_year_budget.or_else(|| {
        data.columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.year < year && c.kind != ColumnKind::OutcomeToDate)
            .max_by_key(|(i, c)| (c.year, c.kind == ColumnKind::Budget, std::cmp::Reverse(*i)))
            .map(|(i, _)| i)
    })
}

/// Adds a column in year order: its amounts copied as [`copied_from`] says,
/// no revenue (typed by the person).
pub(super) fn add_column(data: &mut Dataset, kind: ColumnKind, year: Year) -> Result<(), String> {
    if data.column(kind, year).is_some() {
        return Err("Den kolumnen finns redan.".to_owned());
    }
    // Taken before the insertion, while the lines' amounts have the old places.
    let from = copied_from(data, kind, year);
    let at = data
        .columns
        .iter()
        .position(|c| (c.year, c.kind) > (year, kind))
        .unwrap_or(data.columns.len());
    data.columns.insert(
        at,
        Column {
            kind,
            year,
            label: None,
            source: String::new(),
        },
    );
    for line in &mut data.lines {
        let start = from.map_or(Decimal::ZERO, |f| line.amounts[f]);
        line.amounts.insert(at, start);
    }
    data.revenue.insert(at, None);
    Ok(())
}

pub(super) fn remove_column(data: &mut Dataset, column: usize) -> Result<(), String> {
    if column >= data.columns.len() {
        return Err("Kolumnen finns inte längre.".to_owned());
    }
    data.columns.remove(column);
    for line in &mut data.lines {
        line.amounts.remove(column);
    }
    data.revenue.remove(column);
    Ok(())
}
