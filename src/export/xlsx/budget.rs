//! The "Budget" sheet: the official layout, its rows and labels from
//! [`crate::export::table::rows`], with the reference year (if any) and
//! every plan year. Each figure is a formula over "Antaganden", "Data",
//! "Beräkning" and the sheet's own rows, carrying the engine's figure as its
//! stored result; the one exception is a structural line in a year with a
//! steered individ share, which holds the engine's largest-remainder split
//! and is named under the table (the structural total stays a formula).

use super::cells::{
    computed, figure_result, header_row, here, number, ranges, sum, Formats, NOT_REACHABLE,
};
use super::data::DataCells;
use super::exact;
use super::inputs::Inputs;
use super::work::WorkCells;
use super::{Column, View};
use crate::core::dataset::Category;
use crate::export::table::{Figure, Meaning, Row, RowKind, ShareKind};
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

/// The sheet row (zero-based) of each row of the layout; row 0 is the header.
pub(super) struct Place {
    rows: Vec<(Meaning, u32)>,
}

impl Place {
    pub fn new(view: &View<'_>) -> Self {
        Place {
            rows: view
                .table
                .rows
                .iter()
                .enumerate()
                .map(|(i, r)| (r.spec.meaning, 1 + i as u32))
                .collect(),
        }
    }

    /// The row of a figure; every meaning the formulas use is in the layout.
    pub fn row(&self, meaning: Meaning) -> u32 {
        self.rows
            .iter()
            .find(|(m, _)| *m == meaning)
            .map(|(_, r)| *r)
            .expect("the layout has the row")
    }
}

/// The other sheets' cells the formulas read.
pub(super) struct Sources<'a> {
    pub inputs: &'a Inputs,
    pub data: &'a DataCells,
    pub work: &'a WorkCells,
}

/// What a figure cell holds.
enum Content {
    Formula(String),
    /// The engine's value (a steered year's structural line).
    Value,
}

/// Writes "Budget" (or "Budget k").
pub(super) fn budget_sheet(
    sheet: &mut Worksheet,
    view: &View<'_>,
    place: &Place,
    sources: &Sources<'_>,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(&view.names.budget)?;
    let mut head = vec!["Rad".to_owned()];
    head.extend(view.table.columns.iter().map(|c| {
        if c.reference {
            c.title.clone()
        } else {
            format!("{} ({})", c.title, c.note)
        }
    }));
    header_row(sheet, &head, f)?;
    let cells = Cells {
        view,
        place,
        src: sources,
    };
    let mut values = Vec::new();
    for (r, row) in view.table.rows.iter().enumerate() {
        values.extend(write_row(sheet, &cells, 1 + r as u32, row, f)?);
    }
    notes(sheet, view.table.rows.len() as u32 + 2, &values, f)?;
    let last = view.columns().len() as u16;
    sheet.set_column_width(0, 62)?;
    sheet.set_column_range_width(1, last, 15)?;
    sheet.set_freeze_panes(1, 1)?;
    Ok(())
}

/// One row of the layout: its label and a cell per column, each a formula
/// carrying the engine's figure or, where a formula cannot follow the
/// model, the figure itself; returns the cells that hold values.
fn write_row(
    sheet: &mut Worksheet,
    cells: &Cells<'_>,
    sheet_row: u32,
    row: &Row,
    f: &Formats,
) -> Result<Vec<(u32, u16)>, XlsxError> {
    let view = cells.view;
    let label_format = match row.spec.kind {
        RowKind::Heading | RowKind::Subtotal | RowKind::Total | RowKind::StrongTotal => &f.bold,
        _ => &Format::new(),
    };
    sheet.write_with_format(sheet_row, 0, row.spec.full_label(), label_format)?;
    let format = figure_format(row.spec.kind, f);
    let mut values = Vec::new();
    for column in view.columns() {
        let col = view.col(column);
        let figure = row.figures[view.table_index(column)];
        match (
            cells.content(row.spec.meaning, column),
            figure_result(figure),
        ) {
            (Some(Content::Formula(text)), Some(result)) => {
                sheet.write_formula_with_format(sheet_row, col, computed(text, result), format)?;
            }
            (Some(Content::Value), _) => {
                if let Figure::Kronor(v) = figure {
                    sheet.write_with_format(sheet_row, col, number(v), format)?;
                }
                values.push((sheet_row, col));
            }
            _ => {}
        }
    }
    Ok(values)
}

fn figure_format(kind: RowKind, f: &Formats) -> &Format {
    match kind {
        RowKind::Share => &f.percent,
        RowKind::Subtotal | RowKind::Total | RowKind::StrongTotal => &f.kronor_bold,
        _ => &f.kronor,
    }
}

/// The notes under the table: how it rounds, and which cells are values.
fn notes(
    sheet: &mut Worksheet,
    row: u32,
    values: &[(u32, u16)],
    f: &Formats,
) -> Result<(), XlsxError> {
    let rounding = "Alla belopp i hela kronor. Varje avrundning (ROUND) räknar på heltal, med procent i tiondelar, så att den ser ett exakt värde och avrundar halva bort från noll, som simulatorn.";
    sheet.write_with_format(row, 0, rounding, &f.note)?;
    if !values.is_empty() {
        let text = format!(
            "Värden, inte formler: {} (strukturella rader ett år med styrd andel individinsatser, fördelade med största-rest-metoden i simulatorn). Summan av de strukturella insatserna är en formel och följer ändrade antaganden; fördelningen på raderna görs i simulatorn.",
            ranges(values)
        );
        sheet.write_with_format(row + 1, 0, text, &f.note)?;
    }
    Ok(())
}

/// The formulas of one scenario's Budget sheet.
struct Cells<'a> {
    view: &'a View<'a>,
    place: &'a Place,
    src: &'a Sources<'a>,
}

impl Cells<'_> {
    /// A row's cell in the same column.
    fn c(&self, meaning: Meaning, col: u16) -> String {
        here(self.place.row(meaning), col)
    }

    /// The lines of a category, as this column's cells.
    fn lines_of(&self, category: Category, col: u16) -> Vec<String> {
        let lines = self.view.data.lines.iter().enumerate();
        lines
            .filter(|(_, l)| l.category == category)
            .map(|(i, _)| self.c(Meaning::Line(i), col))
            .collect()
    }

    /// A plan year's input cell on "Antaganden" (`None` in the reference year).
    fn input(&self, row: u32, column: Column) -> Option<String> {
        match column {
            Column::Reference(_) => None,
            Column::Plan(i) => Some(self.src.inputs.year(row, i)),
        }
    }

    fn content(&self, meaning: Meaning, column: Column) -> Option<Content> {
        let col = self.view.col(column);
        let c = |m: Meaning| self.c(m, col);
        let inputs = self.src.inputs;
        let formula = match meaning {
            Meaning::Heading(_) => return None,
            Meaning::Line(line) => return Some(self.line(line, column)),
            Meaning::Topup(line) => format!(
                "{}-{}",
                self.src.work.full(line, col),
                c(Meaning::Line(line))
            ),
            Meaning::Subtotal(Category::Struktur) => self.structural(column),
            Meaning::Subtotal(category) => sum(&self.lines_of(category, col)),
            Meaning::Direct => format!(
                "{}+{}",
                c(Meaning::Subtotal(Category::Individ)),
                c(Meaning::Subtotal(Category::Struktur))
            ),
            Meaning::Costs => format!(
                "{}+{}",
                c(Meaning::Subtotal(Category::Admin)),
                c(Meaning::Direct)
            ),
            Meaning::Revenue => match column {
                Column::Reference(data_col) => self.src.data.revenue(data_col),
                Column::Plan(i) => inputs.year(inputs.revenue, i),
            },
            Meaning::Result => format!("{}-{}", c(Meaning::Revenue), c(Meaning::Costs)),
            Meaning::Opening => match column {
                Column::Reference(_) => self.src.data.opening(),
                Column::Plan(0) => inputs.single(inputs.opening),
                // The year before's closing equity, one column to the left.
                Column::Plan(_) => here(self.place.row(Meaning::Closing), col - 1),
            },
            Meaning::Closing => format!("{}+{}", c(Meaning::Opening), c(Meaning::Result)),
            Meaning::Guideline => {
                exact::percent_of(&c(Meaning::Revenue), &inputs.single(inputs.guideline))
            }
            Meaning::Share(kind) => self.share(kind, col),
            Meaning::Balancing => self.balancing(column),
        };
        Some(Content::Formula(format!("={formula}")))
    }

    /// A budget line: the data in the reference year; in a plan year its
    /// full cost, a team's at its level, and a steered year's structural
    /// line the engine's split.
    fn line(&self, line: usize, column: Column) -> Content {
        let col = self.view.col(column);
        let full = self.src.work.full(line, col);
        let spec = &self.view.data.lines[line];
        match column {
            Column::Reference(data_col) => {
                Content::Formula(format!("={}", self.src.data.amount(line, data_col)))
            }
            Column::Plan(i) if spec.team => {
                let level = self.src.work.level(line, i);
                Content::Formula(format!("={}", exact::percent_of(&full, &level)))
            }
            Column::Plan(i)
                if spec.category == Category::Struktur
                    && self.view.plan.years[i].individ_share.is_some() =>
            {
                Content::Value
            }
            Column::Plan(_) => Content::Formula(format!("={full}")),
        }
    }

    /// The structural total: the lines' sum, or with a steered share `s`
    /// `kr(I × (100 − s)/s)`. Without a share the sum is of the lines above
    /// where they are formulas, and of their full costs on "Beräkning" in a
    /// year whose lines are the engine's split (so clearing the share there
    /// still gives the full costs).
    fn structural(&self, column: Column) -> String {
        let col = self.view.col(column);
        let lines = sum(&self.lines_of(Category::Struktur, col));
        let Column::Plan(i) = column else {
            return lines;
        };
        let share = self.src.inputs.year(self.src.inputs.individ_share, i);
        let unsteered = if self.view.plan.years[i].individ_share.is_some() {
            self.src.work.structural_full(col)
        } else {
            lines
        };
        let individ = self.c(Meaning::Subtotal(Category::Individ), col);
        format!(
            "IF({share}=\"\",{unsteered},{})",
            exact::structural_total(&individ, &share)
        )
    }

    /// `part / whole`, empty when `whole` is 0 (an undefined share).
    fn share(&self, kind: ShareKind, col: u16) -> String {
        let c = |m: Meaning| self.c(m, col);
        let (part, whole) = match kind {
            ShareKind::Admin => (c(Meaning::Subtotal(Category::Admin)), c(Meaning::Costs)),
            ShareKind::Direct => (c(Meaning::Direct), c(Meaning::Costs)),
            ShareKind::Individ => (c(Meaning::Subtotal(Category::Individ)), c(Meaning::Direct)),
            ShareKind::Struktur => (c(Meaning::Subtotal(Category::Struktur)), c(Meaning::Direct)),
        };
        format!("IF({whole}=0,\"\",{part}/{whole})")
    }

    /// The level for a zero result (`docs/model.md` §3.10), unrounded: with
    /// `T` the full cost of the teams that follow the year's level and `O`
    /// the rest of the individ costs, `(R − A − O − structural full) / T`,
    /// or with a steered share `s`, `(s·(R − A) − O) / T`; "nås inte"
    /// outside 0–100 % or without such teams.
    fn balancing(&self, column: Column) -> String {
        let col = self.view.col(column);
        let c = |m: Meaning| self.c(m, col);
        let work = self.src.work;
        let t = work.following_full(col);
        let (r, a) = (c(Meaning::Revenue), c(Meaning::Subtotal(Category::Admin)));
        let o = format!(
            "({}-{})",
            c(Meaning::Subtotal(Category::Individ)),
            work.following_cost(col)
        );
        let as_budgeted = format!("({r}-{a}-{o}-{})/{t}", work.structural_full(col));
        let x = match self.input(self.src.inputs.individ_share, column) {
            None => as_budgeted,
            Some(s) => format!("IF({s}=\"\",{as_budgeted},({s}*({r}-{a})-{o})/{t})"),
        };
        format!("IF({t}<=0,\"{NOT_REACHABLE}\",IF(OR({x}<0,{x}>1),\"{NOT_REACHABLE}\",{x}))")
    }
}
