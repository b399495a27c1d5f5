//! The "Beräkning" sheet: per line the full cost in every column of the
//! Budget sheet (the reference year and each plan year; from "Data", or
//! indexed from the year before with the year's growth), per team its level
//! in each plan year (its own, else the year's), and under the lines the
//! three sums the level for a zero result needs. The full costs sit in the
//! same sheet columns as on "Budget", so `C7` here is `C`'s year there.

use super::budget::Place;
use super::cells::{at, computed, fraction, header_row, here, kronor_result, sum, Formats};
use super::data::DataCells;
use super::exact;
use super::inputs::Inputs;
use super::{Column, View};
use crate::core::dataset::{Category, ColumnKind};
use crate::core::engine::YearOutcome;
use crate::core::plan::CostSource;
use crate::export::table::Meaning;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// The helper rows under the lines, in order, with their labels.
const HELPERS: [&str; 3] = [
    "Team som följer årets nivå: full kostnad (T)",
    "Team som följer årets nivå: förbundets kostnad",
    "Strukturella rader: full kostnad",
];

/// Where the formulas find a scenario's "Beräkning".
pub(super) struct WorkCells {
    sheet: String,
    /// The column of the first plan year's team levels.
    level_col: u16,
    /// The row of the first helper sum.
    helper_row: u32,
}

impl WorkCells {
    /// A line's full cost in a sheet column (the Budget sheet's column).
    pub fn full(&self, line: usize, col: u16) -> String {
        at(&self.sheet, 1 + line as u32, col)
    }

    /// A team line's level in plan year `i`.
    pub fn level(&self, line: usize, i: usize) -> String {
        at(&self.sheet, 1 + line as u32, self.level_col + i as u16)
    }

    /// The full cost of the teams that follow the year's level (`T`).
    pub fn following_full(&self, col: u16) -> String {
        at(&self.sheet, self.helper_row, col)
    }

    /// What the förbund pays for the teams that follow the year's level.
    pub fn following_cost(&self, col: u16) -> String {
        at(&self.sheet, self.helper_row + 1, col)
    }

    /// The structural lines' full costs together.
    pub fn structural_full(&self, col: u16) -> String {
        at(&self.sheet, self.helper_row + 2, col)
    }
}

/// Writes "Beräkning" (or "Beräkning k"); returns where its cells are.
pub(super) fn work_sheet(
    sheet: &mut Worksheet,
    view: &View<'_>,
    inputs: &Inputs,
    data_cells: &DataCells,
    place: &Place,
    f: &Formats,
) -> Result<WorkCells, XlsxError> {
    sheet.set_name(&view.names.work)?;
    let columns = view.columns();
    let level_col = 2 + columns.len() as u16;
    let lines = view.data.lines.len() as u32;
    let cells = WorkCells {
        sheet: view.names.work.clone(),
        level_col,
        helper_row: lines + 2,
    };
    let mut head = vec!["Rad".to_owned()];
    head.extend(
        view.table
            .columns
            .iter()
            .map(|c| format!("Full kostnad {}", c.title)),
    );
    head.push(String::new());
    head.extend(view.plan.years.iter().map(|y| format!("Nivå {}", y.year)));
    header_row(sheet, &head, f)?;
    for (line, l) in view.data.lines.iter().enumerate() {
        sheet.write(1 + line as u32, 0, l.name.as_str())?;
        for &column in &columns {
            full_cell(sheet, view, inputs, data_cells, line, column, f)?;
        }
        if l.team {
            level_cells(sheet, view, inputs, line, level_col, f)?;
        }
    }
    for (k, label) in HELPERS.iter().enumerate() {
        sheet.write_with_format(cells.helper_row + k as u32, 0, *label, &f.bold)?;
    }
    for &column in &columns {
        helper_cells(sheet, view, inputs, place, &cells, column, f)?;
    }
    let note = "Full kostnad: vad raden kostar med full bemanning. Uppräknade år räknas i heltal (procent i tiondelar), så att avrundningen till hela kronor blir exakt som i simulatorn.";
    sheet.write_with_format(cells.helper_row + 4, 0, note, &f.note)?;
    sheet.set_column_width(0, 52)?;
    sheet.set_column_range_width(1, level_col + view.plan.years.len() as u16, 16)?;
    sheet.set_column_width(level_col - 1, 3)?;
    sheet.set_freeze_panes(1, 1)?;
    Ok(cells)
}

/// The year's figures for a column.
fn outcome<'v>(view: &'v View<'_>, column: Column) -> &'v YearOutcome {
    match column {
        Column::Reference(_) => view
            .projection
            .reference
            .as_ref()
            .expect("a reference year"),
        Column::Plan(i) => &view.projection.years[i],
    }
}

/// One line's full cost in one column.
fn full_cell(
    sheet: &mut Worksheet,
    view: &View<'_>,
    inputs: &Inputs,
    data_cells: &DataCells,
    line: usize,
    column: Column,
    f: &Formats,
) -> Result<(), XlsxError> {
    let formula = full_formula(view, inputs, data_cells, line, column);
    let value = kronor_result(outcome(view, column).lines[line].full);
    let (row, col) = (1 + line as u32, view.col(column));
    sheet.write_formula_with_format(row, col, computed(formula, value), &f.kronor)?;
    Ok(())
}

/// A full cost as the plan says the year gets it: a data column, or
/// indexed from the first plan year's budget or the year before (the
/// column to the left) with the year's growth, exactly (`exact::indexed`).
fn full_formula(
    view: &View<'_>,
    inputs: &Inputs,
    data_cells: &DataCells,
    line: usize,
    column: Column,
) -> String {
    let data = view.data;
    let i = match column {
        Column::Reference(c) => return format!("={}", data_cells.amount(line, c)),
        Column::Plan(i) => i,
    };
    match view.plan.years[i].costs {
        CostSource::Column(c) => {
            // The first plan year follows the basis cell when there is a
            // choice, so switching it in the sheet switches the column.
            let budget = data.column(ColumnKind::Budget, data.first_plan_year);
            match (i, inputs.basis, budget, data.prognosis_column()) {
                (0, Some(basis), Some(budget), Some(prognosis)) => format!(
                    "=IF({}=\"budget\",{},{})",
                    inputs.single(basis),
                    data_cells.amount(line, budget),
                    data_cells.amount(line, prognosis)
                ),
                _ => format!("={}", data_cells.amount(line, c)),
            }
        }
        CostSource::Indexed { from_budget_column } => {
            let base = match from_budget_column {
                Some(c) => data_cells.amount(line, c),
                None => here(1 + line as u32, view.col(column) - 1),
            };
            format!("={}", exact::indexed(&base, &inputs.year(inputs.growth, i)))
        }
    }
}

/// A team's level per plan year: its own where set, else the year's.
fn level_cells(
    sheet: &mut Worksheet,
    view: &View<'_>,
    inputs: &Inputs,
    line: usize,
    level_col: u16,
    f: &Formats,
) -> Result<(), XlsxError> {
    for (i, y) in view.plan.years.iter().enumerate() {
        let own = inputs.own(line, i);
        let common = inputs.year(inputs.funding, i);
        let formula = format!("=IF({own}=\"\",{common},{own})");
        let level = y
            .teams
            .iter()
            .find(|t| t.line == line)
            .map_or(Decimal::ONE_HUNDRED, |t| t.level);
        let cell = computed(formula, fraction(level));
        sheet.write_formula_with_format(1 + line as u32, level_col + i as u16, cell, &f.percent)?;
    }
    Ok(())
}

/// The three sums under the lines for one column, as formulas carrying
/// the engine's sums.
fn helper_cells(
    sheet: &mut Worksheet,
    view: &View<'_>,
    inputs: &Inputs,
    place: &Place,
    cells: &WorkCells,
    column: Column,
    f: &Formats,
) -> Result<(), XlsxError> {
    let col = view.col(column);
    let [full, cost] = following(view, inputs, place, column);
    for (k, (formula, value)) in [full, cost, structural(view, column)]
        .into_iter()
        .enumerate()
    {
        let cell = computed(format!("={formula}"), kronor_result(value));
        sheet.write_formula_with_format(cells.helper_row + k as u32, col, cell, &f.kronor)?;
    }
    Ok(())
}

/// The teams that follow the year's level (blank own level): their full
/// cost and what the förbund pays for them, each as a sum and its value. In
/// the reference year every team counts as following (the engine's choice).
fn following(
    view: &View<'_>,
    inputs: &Inputs,
    place: &Place,
    column: Column,
) -> [(String, Decimal); 2] {
    let col = view.col(column);
    let year = outcome(view, column);
    let (mut full, mut cost) = (Vec::new(), Vec::new());
    let (mut full_value, mut cost_value) = (Decimal::ZERO, Decimal::ZERO);
    for (line, _) in view.data.lines.iter().enumerate().filter(|(_, l)| l.team) {
        let line_full = here(1 + line as u32, col);
        let line_cost = at(&view.names.budget, place.row(Meaning::Line(line)), col);
        let follows = match column {
            Column::Reference(_) => {
                full.push(line_full);
                cost.push(line_cost);
                true
            }
            Column::Plan(i) => {
                let own = inputs.own(line, i);
                full.push(format!("IF({own}=\"\",{line_full},0)"));
                cost.push(format!("IF({own}=\"\",{line_cost},0)"));
                let teams = &view.plan.years[i].teams;
                teams.iter().any(|t| t.line == line && !t.own)
            }
        };
        if follows {
            full_value += year.lines[line].full;
            cost_value += year.lines[line].cost;
        }
    }
    [(sum(&full), full_value), (sum(&cost), cost_value)]
}

/// The structural lines' full costs together, as a sum and its value.
fn structural(view: &View<'_>, column: Column) -> (String, Decimal) {
    let col = view.col(column);
    let year = outcome(view, column);
    let lines = view.data.lines.iter().enumerate();
    let structural: Vec<usize> = lines
        .filter(|(_, l)| l.category == Category::Struktur)
        .map(|(i, _)| i)
        .collect();
    let cells: Vec<String> = structural
        .iter()
        .map(|&l| here(1 + l as u32, col))
        .collect();
    (
        sum(&cells),
        structural.iter().map(|&l| year.lines[l].full).sum(),
    )
}
