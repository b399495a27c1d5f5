//! The "Data" sheet: the whole data set, generically, as the formulas read
//! it (every figure column with its kind, year and heading for every line,
//! the revenue per column, the opening equity and the guideline), and the
//! "Källor" sheet listing the documents the figures come from.

use super::cells::{at, header_row, number, source_title, Formats};
use crate::core::dataset::{Category, Dataset};
use crate::export::format::{column_title, kind_word};
use rust_xlsxwriter::{Worksheet, XlsxError};

pub(super) const DATA: &str = "Data";

/// The first figure column (E): A–D hold id, name, category and team.
const FIRST_FIGURE_COL: u16 = 4;
/// The first line's row: rows 2–4 say each column's kind, year and source.
const FIRST_LINE_ROW: u32 = 4;

/// Where the formulas find the data set on "Data".
pub(super) struct DataCells {
    revenue_row: u32,
    opening_row: u32,
}

impl DataCells {
    /// A line's amount in a data column.
    pub fn amount(&self, line: usize, column: usize) -> String {
        at(DATA, FIRST_LINE_ROW + line as u32, figure_col(column))
    }

    /// The revenue of a data column (an empty cell, read as 0, when not given).
    pub fn revenue(&self, column: usize) -> String {
        at(DATA, self.revenue_row, figure_col(column))
    }

    /// Equity at the start of the data set's first year.
    pub fn opening(&self) -> String {
        at(DATA, self.opening_row, FIRST_FIGURE_COL)
    }
}

fn figure_col(column: usize) -> u16 {
    FIRST_FIGURE_COL + column as u16
}

fn category_word(category: Category) -> &'static str {
    match category {
        Category::Admin => "administration",
        Category::Individ => "individ",
        Category::Struktur => "struktur",
    }
}

/// Writes "Data"; returns where its cells are.
pub(super) fn data_sheet(
    sheet: &mut Worksheet,
    data: &Dataset,
    f: &Formats,
) -> Result<DataCells, XlsxError> {
    sheet.set_name(DATA)?;
    let source_col = figure_col(data.columns.len());
    let mut head: Vec<String> = ["Id", "Rad", "Kategori", "Team"].map(String::from).into();
    head.extend(data.columns.iter().map(column_title));
    head.push("Källa".to_owned());
    header_row(sheet, &head, f)?;
    column_rows(sheet, data, f)?;
    for (i, line) in data.lines.iter().enumerate() {
        let r = FIRST_LINE_ROW + i as u32;
        sheet.write(r, 0, line.id.as_str())?;
        sheet.write(r, 1, line.name.as_str())?;
        sheet.write(r, 2, category_word(line.category))?;
        sheet.write(r, 3, if line.team { "ja" } else { "" })?;
        for (c, amount) in line.amounts.iter().enumerate() {
            sheet.write_with_format(r, figure_col(c), number(*amount), &f.kronor)?;
        }
        sheet.write(r, source_col, line.source.as_str())?;
    }
    let cells = DataCells {
        revenue_row: FIRST_LINE_ROW + data.lines.len() as u32 + 1,
        opening_row: FIRST_LINE_ROW + data.lines.len() as u32 + 2,
    };
    totals_rows(sheet, data, &cells, source_col, f)?;
    sheet.set_column_width(0, 22)?;
    sheet.set_column_width(1, 52)?;
    sheet.set_column_range_width(2, 3, 13)?;
    sheet.set_column_range_width(FIRST_FIGURE_COL, source_col - 1, 15)?;
    sheet.set_column_width(source_col, 70)?;
    sheet.set_freeze_panes(FIRST_LINE_ROW, 2)?;
    Ok(cells)
}

/// Rows 2–4: each column's kind, year and source.
fn column_rows(sheet: &mut Worksheet, data: &Dataset, f: &Formats) -> Result<(), XlsxError> {
    sheet.write_with_format(1, 1, "Slag", &f.bold)?;
    sheet.write_with_format(2, 1, "År", &f.bold)?;
    sheet.write_with_format(3, 1, "Källa", &f.bold)?;
    for (c, column) in data.columns.iter().enumerate() {
        sheet.write(1, figure_col(c), kind_word(column.kind).to_lowercase())?;
        sheet.write(2, figure_col(c), column.year)?;
        sheet.write(3, figure_col(c), source_title(data, &column.source))?;
    }
    Ok(())
}

/// After the lines: revenue per column, opening equity and the guideline.
fn totals_rows(
    sheet: &mut Worksheet,
    data: &Dataset,
    cells: &DataCells,
    source_col: u16,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.write_with_format(cells.revenue_row, 1, "Medel från huvudmännen", &f.bold)?;
    for (c, revenue) in data.revenue.iter().enumerate() {
        if let Some(amount) = revenue {
            sheet.write_with_format(
                cells.revenue_row,
                figure_col(c),
                number(*amount),
                &f.kronor,
            )?;
        }
    }
    sheet.write(cells.revenue_row, source_col, data.revenue_source.as_str())?;
    let first_year = data.reference_year.unwrap_or(data.first_plan_year);
    let opening = &data.opening_equity;
    let mut row = cells.opening_row;
    let label = format!("Ingående eget kapital {first_year}");
    sheet.write_with_format(row, 1, label, &f.bold)?;
    sheet.write_with_format(row, FIRST_FIGURE_COL, number(opening.amount), &f.kronor)?;
    let text = format!("{} {}", source_title(data, &opening.source), opening.note);
    sheet.write(row, source_col, text.trim())?;
    if let Some(known) = &data.first_plan_opening_equity {
        row += 1;
        let label = format!("Ingående eget kapital {} (känt)", data.first_plan_year);
        sheet.write_with_format(row, 1, label, &f.bold)?;
        sheet.write_with_format(row, FIRST_FIGURE_COL, number(known.amount), &f.kronor)?;
        let text = format!("{} {}", source_title(data, &known.source), known.note);
        sheet.write(row, source_col, text.trim())?;
    }
    row += 1;
    let guideline = &data.equity_guideline;
    sheet.write_with_format(
        row,
        1,
        "Riktvärde för eget kapital, andel av årets medel",
        &f.bold,
    )?;
    let value = super::cells::fraction_number(guideline.value);
    sheet.write_with_format(row, FIRST_FIGURE_COL, value, &f.percent)?;
    sheet.write(row, source_col, source_title(data, &guideline.source))?;
    Ok(())
}

/// Writes "Källor": every document the data set names.
pub(super) fn sources_sheet(
    sheet: &mut Worksheet,
    data: &Dataset,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name("Källor")?;
    let head = ["Id", "Källa", "Utgivare", "Datum", "Vad som används"].map(String::from);
    header_row(sheet, &head, f)?;
    for (i, s) in data.sources.iter().enumerate() {
        let r = 1 + i as u32;
        sheet.write(r, 0, s.id.as_str())?;
        sheet.write(r, 1, s.title.as_str())?;
        sheet.write(r, 2, s.issuer.as_str())?;
        sheet.write(r, 3, s.date.as_str())?;
        sheet.write(r, 4, s.note.as_str())?;
    }
    sheet.set_column_width(0, 14)?;
    sheet.set_column_width(1, 60)?;
    sheet.set_column_width(2, 32)?;
    sheet.set_column_width(3, 12)?;
    sheet.set_column_width(4, 100)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}
