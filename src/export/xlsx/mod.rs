//! The Excel workbook with live formulas, for any plan period. The
//! scenario's inputs are yellow cells on "Antaganden", the data set is on
//! "Data", and "Budget" is the official layout (its rows and labels from
//! [`crate::export::table::rows`]) with the reference year and every plan
//! year, each computed cell an Excel formula over "Antaganden", "Data" and
//! "Beräkning" (full cost per line and year, each team's level), so a
//! treasurer who changes a level in Excel sees lines, totals, result and
//! equity follow. "Medlemmar" (when the data set has members) and "Källor"
//! follow; a comparison adds per compared scenario its own "Antaganden k",
//! "Budget k" and "Beräkning k" and a "Jämförelse" sheet of formulas.
//!
//! Every formula carries the engine's value as its stored result, because
//! LibreOffice does not recalculate an .xlsx on opening; and every rounding
//! formula is written so that ROUND sees an exact value (see [`exact`]), so
//! the sheet agrees with the engine to the krona, halves included. Where a
//! formula cannot follow the model, the cell holds the engine's value and
//! the sheet names it: the structural lines in a year with a steered individ
//! share (the largest-remainder split) and the members' splits.

mod budget;
mod cells;
mod compare;
mod data;
mod exact;
mod followup;
mod inputs;
mod members;
mod work;

use crate::core::compare::projections;
use crate::core::dataset::Dataset;
use crate::core::engine::{compute, Projection};
use crate::core::plan::{plan, Plan};
use crate::core::scenario::Scenario;
use crate::export::table::{budget_table, BudgetTable};
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};
use std::borrow::Cow;

/// One compared scenario (the same as the decision document's).
pub use crate::export::document::Compared as ComparedScenario;

/// What the workbook is about: a scenario, the board's reasons for it, and
/// the scenarios compared with it (empty when there is no comparison; the
/// first compared scenario is the base).
pub struct WorkbookRequest<'a> {
    pub data: &'a Dataset,
    pub scenario: &'a Scenario,
    /// The board's reasons ("" when none are given).
    pub motivation: &'a str,
    pub comparison: Vec<ComparedScenario<'a>>,
}

/// Writes the whole workbook and returns the file's bytes: "Antaganden",
/// "Budget", with a comparison "Jämförelse" and per compared scenario k
/// "Antaganden k", "Budget k", "Beräkning k", then "Medlemmar" (when the data
/// set has members), "Data", "Beräkning" and "Källor". The compared scenarios
/// are shown over their common period (`core::compare::common_end`).
///
/// ```
/// use budgetsimulatorn::export::xlsx::{workbook, ComparedScenario, WorkbookRequest};
/// use budgetsimulatorn::state::{builtin::sfv, fragment};
///
/// let data = sfv();
/// let (scenario, _) = fragment::parse(&data, "f2026=80&till=2030");
/// let (today, _) = fragment::parse(&data, "");
/// let bytes = workbook(&WorkbookRequest {
///     data: &data,
///     scenario: &scenario,
///     motivation: "Teamen behålls med medlemmarnas tillskott.",
///     comparison: vec![
///         ComparedScenario { label: "Nuläge", scenario: &today, motivation: "" },
///         ComparedScenario { label: "80 %", scenario: &scenario, motivation: "" },
///     ],
/// })?;
/// assert!(bytes.starts_with(b"PK")); // an .xlsx is a zip archive
/// # Ok::<(), rust_xlsxwriter::XlsxError>(())
/// ```
pub fn workbook(request: &WorkbookRequest<'_>) -> Result<Vec<u8>, XlsxError> {
    let data = request.data;
    let f = cells::Formats::new();
    let mut data_sheet = Worksheet::new();
    let data_cells = data::data_sheet(&mut data_sheet, data, &f)?;

    let main = View::new(data, request.scenario, Names::new(None));
    let main_sheets = scenario_sheets(&main, request.motivation, &data_cells, &f)?;

    let compared = compared_views(request);
    let mut compared_sheets = Vec::new();
    for (view, column) in compared.iter().zip(&request.comparison) {
        compared_sheets.push(scenario_sheets(view, column.motivation, &data_cells, &f)?);
    }

    let mut book = Workbook::new();
    let [assumptions, budget, work] = main_sheets;
    book.push_worksheet(assumptions);
    book.push_worksheet(budget);
    if !compared.is_empty() {
        let labels: Vec<&str> = request.comparison.iter().map(|c| c.label).collect();
        let mut sheet = Worksheet::new();
        compare::comparison_sheet(&mut sheet, &compared, &labels, &f)?;
        book.push_worksheet(sheet);
    }
    for sheet in compared_sheets.into_iter().flatten() {
        book.push_worksheet(sheet);
    }
    if data.members.is_some() {
        let mut sheet = Worksheet::new();
        members::members_sheet(&mut sheet, &main, &f)?;
        book.push_worksheet(sheet);
    }
    if let Some(follow) = crate::export::followup::follow_up(data) {
        let mut sheet = Worksheet::new();
        followup::follow_up_sheet(&mut sheet, &follow, &f)?;
        book.push_worksheet(sheet);
    }
    book.push_worksheet(data_sheet);
    book.push_worksheet(work);
    let mut sources = Worksheet::new();
    data::sources_sheet(&mut sources, data, &f)?;
    book.push_worksheet(sources);
    book.save_to_buffer()
}

/// Each compared scenario over the common period, with its sheet names.
fn compared_views<'a>(request: &WorkbookRequest<'a>) -> Vec<View<'a>> {
    let scenarios: Vec<&Scenario> = request.comparison.iter().map(|c| c.scenario).collect();
    projections(request.data, &scenarios)
        .into_iter()
        .enumerate()
        .map(|(k, (extended, _))| View::owned(request.data, extended, Names::new(Some(k + 1))))
        .collect()
}

/// One scenario's "Antaganden", "Budget" and "Beräkning", in that order.
fn scenario_sheets(
    view: &View<'_>,
    motivation: &str,
    data_cells: &data::DataCells,
    f: &cells::Formats,
) -> Result<[Worksheet; 3], XlsxError> {
    let place = budget::Place::new(view);
    let mut assumptions = Worksheet::new();
    let inputs = inputs::assumptions_sheet(&mut assumptions, view, motivation, data_cells, f)?;
    let mut work = Worksheet::new();
    let work_cells = work::work_sheet(&mut work, view, &inputs, data_cells, &place, f)?;
    let mut budget = Worksheet::new();
    let sources = budget::Sources {
        inputs: &inputs,
        data: data_cells,
        work: &work_cells,
    };
    budget::budget_sheet(&mut budget, view, &place, &sources, f)?;
    Ok([assumptions, budget, work])
}

/// The sheets of one scenario: "Antaganden", "Budget", "Beräkning", or for
/// the k-th compared scenario "Antaganden k" and so on.
struct Names {
    assumptions: String,
    budget: String,
    work: String,
}

impl Names {
    fn new(compared: Option<usize>) -> Self {
        let name = |base: &str| match compared {
            Some(k) => format!("{base} {k}"),
            None => base.to_owned(),
        };
        Names {
            assumptions: name("Antaganden"),
            budget: name("Budget"),
            work: name("Beräkning"),
        }
    }
}

/// A scenario as its sheets need it: resolved per year (the plan), computed
/// (the projection and the budget table, whose figures are the formulas'
/// stored results), and where its sheets are.
struct View<'a> {
    data: &'a Dataset,
    scenario: Cow<'a, Scenario>,
    plan: Plan,
    projection: Projection,
    table: BudgetTable,
    names: Names,
}

/// A column of the Budget sheet (and of Beräkning's full costs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    /// The reference year, with its data column.
    Reference(usize),
    /// A plan year, by its position in the period.
    Plan(usize),
}

impl<'a> View<'a> {
    fn new(data: &'a Dataset, scenario: &'a Scenario, names: Names) -> Self {
        Self::build(data, Cow::Borrowed(scenario), names)
    }

    fn owned(data: &'a Dataset, scenario: Scenario, names: Names) -> Self {
        Self::build(data, Cow::Owned(scenario), names)
    }

    fn build(data: &'a Dataset, scenario: Cow<'a, Scenario>, names: Names) -> Self {
        let plan = plan(data, &scenario);
        // The projection of this very plan, so the stored results and the
        // inputs written from the plan cannot disagree.
        let projection = compute(data, &plan);
        let table = budget_table(data, &scenario, &projection);
        View {
            data,
            scenario,
            plan,
            projection,
            table,
            names,
        }
    }

    /// The Budget sheet's figure columns in order: the reference year (if
    /// any), then the plan years; the same order as the budget table's.
    fn columns(&self) -> Vec<Column> {
        let reference = self.plan.reference.map(|(_, c)| Column::Reference(c));
        reference
            .into_iter()
            .chain((0..self.plan.years.len()).map(Column::Plan))
            .collect()
    }

    /// The sheet column (zero-based, after the labels in A) of a figure column.
    fn col(&self, column: Column) -> u16 {
        let offset = u16::from(self.plan.reference.is_some());
        match column {
            Column::Reference(_) => 1,
            Column::Plan(i) => 1 + offset + i as u16,
        }
    }

    /// The position of a figure column in the budget table's columns.
    fn table_index(&self, column: Column) -> usize {
        usize::from(self.col(column) - 1)
    }
}
