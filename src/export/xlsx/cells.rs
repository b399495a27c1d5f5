//! What every sheet of the workbook shares: the cell formats (yellow for
//! inputs), cell references across sheets, numbers and percentages as the
//! sheet holds them, and formulas that carry the engine's value as their
//! stored result.

use crate::core::dataset::Dataset;
use crate::core::engine::Balancing;
use crate::export::table::Figure;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::utility::{row_col_to_cell, row_col_to_cell_absolute};
use rust_xlsxwriter::{Format, FormatAlign, Formula, Worksheet, XlsxError};

/// The text a level formula shows when no level in 0–100 % balances the year.
pub(super) const NOT_REACHABLE: &str = "nås inte";

/// The formats of the workbook.
pub(super) struct Formats {
    pub header: Format,
    pub kronor: Format,
    pub kronor_bold: Format,
    pub percent: Format,
    pub input_percent: Format,
    pub input_kronor: Format,
    pub input_text: Format,
    /// A value the data set fixes, shown among the inputs but not one.
    pub fixed_kronor: Format,
    pub note: Format,
    pub bold: Format,
    pub wrap: Format,
}

impl Formats {
    pub fn new() -> Self {
        let kronor = "#,##0 \"kr\";-#,##0 \"kr\"";
        let yellow = "FFF2CC";
        Formats {
            header: Format::new().set_bold().set_background_color("DCE6F0"),
            kronor: Format::new().set_num_format(kronor),
            kronor_bold: Format::new().set_num_format(kronor).set_bold(),
            percent: Format::new().set_num_format("0.0 %"),
            input_percent: Format::new()
                .set_num_format("0.0 %")
                .set_background_color(yellow),
            input_kronor: Format::new()
                .set_num_format(kronor)
                .set_background_color(yellow),
            input_text: Format::new().set_background_color(yellow),
            fixed_kronor: Format::new()
                .set_num_format(kronor)
                .set_background_color("EDEDED"),
            note: Format::new()
                .set_italic()
                .set_font_color("555555")
                .set_align(FormatAlign::Left),
            bold: Format::new().set_bold(),
            wrap: Format::new()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(yellow),
        }
    }
}

/// An exact amount or share as the sheet's number.
pub(super) fn number(v: Decimal) -> f64 {
    v.to_f64().unwrap_or_default()
}

/// A percentage (exact, %) as the sheet's fraction, as text (a stored result).
pub(super) fn fraction(percent: Decimal) -> String {
    (percent / Decimal::ONE_HUNDRED).normalize().to_string()
}

/// A percentage (exact, %) as the sheet's fraction, as a number (an input).
pub(super) fn fraction_number(percent: Decimal) -> f64 {
    number(percent / Decimal::ONE_HUNDRED)
}

/// A formula with the engine's value stored as its result, so the figures
/// show before any recalculation; the formula takes over as soon as an
/// input changes.
pub(super) fn computed(text: impl AsRef<str>, result: impl ToString) -> Formula {
    Formula::new(text.as_ref()).set_result(result.to_string())
}

/// A kronor result as stored text (`326323`, never `326323.0`).
pub(super) fn kronor_result(v: Decimal) -> String {
    v.normalize().to_string()
}

/// The stored result of a budget figure; `None` for a blank.
pub(super) fn figure_result(figure: Figure) -> Option<String> {
    Some(match figure {
        Figure::Kronor(v) | Figure::Topup { amount: v, .. } => kronor_result(v),
        Figure::Percent(Some(v)) | Figure::Level(Balancing::Reachable(v)) => fraction(v),
        Figure::Percent(None) => String::new(),
        Figure::Level(Balancing::NotReachable) => NOT_REACHABLE.to_owned(),
        Figure::Blank => return None,
    })
}

/// `C5` on the same sheet.
pub(super) fn here(row: u32, col: u16) -> String {
    row_col_to_cell(row, col)
}

/// `'Sheet'!C5` (sheet names are always quoted: "Budget 2" has a space).
pub(super) fn at(sheet: &str, row: u32, col: u16) -> String {
    format!("'{sheet}'!{}", row_col_to_cell(row, col))
}

/// `'Sheet'!$C$5`, for a single input every column refers to.
pub(super) fn fixed(sheet: &str, row: u32, col: u16) -> String {
    format!("'{sheet}'!{}", row_col_to_cell_absolute(row, col))
}

/// A sum of cells as formula text: `a+b+c`, or `0` for none.
pub(super) fn sum(cells: &[String]) -> String {
    if cells.is_empty() {
        "0".to_owned()
    } else {
        cells.join("+")
    }
}

/// The first row of a sheet: its column headings.
pub(super) fn header_row(
    sheet: &mut Worksheet,
    titles: &[String],
    f: &Formats,
) -> Result<(), XlsxError> {
    for (c, text) in titles.iter().enumerate() {
        sheet.write_with_format(0, c as u16, text.as_str(), &f.header)?;
    }
    Ok(())
}

/// A source's title by its id, or the id itself when the data set does not
/// list it (a free-text source).
pub(super) fn source_title(data: &Dataset, id: &str) -> String {
    data.source(id)
        .map_or_else(|| id.to_owned(), |s| s.title.clone())
}

/// Cells (row, column) named as ranges per column: `E13:E19, F13:F19`.
pub(super) fn ranges(cells: &[(u32, u16)]) -> String {
    let mut sorted = cells.to_vec();
    sorted.sort_by_key(|&(row, col)| (col, row));
    let mut runs: Vec<(u16, u32, u32)> = Vec::new();
    for &(row, col) in &sorted {
        match runs.last_mut() {
            Some((c, _, last)) if *c == col && *last + 1 == row => *last = row,
            _ => runs.push((col, row, row)),
        }
    }
    runs.iter()
        .map(|&(col, first, last)| {
            if first == last {
                here(first, col)
            } else {
                format!("{}:{}", here(first, col), here(last, col))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}
