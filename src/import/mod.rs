//! *Importera budget* (spec section 10): a budget file becomes a data set.
//!
//! A file is read in three steps, each pure and natively tested:
//! 1. [`table`]: the bytes become rows of cells, from CSV (`;`, tab or `,`,
//!    UTF-8 with or without a byte-order mark, or Windows-1252) or from an
//!    .xlsx workbook's first sheet ([`sheet`], with `calamine`). A file that
//!    is not a table, is over 10 MB, has no `Rad` column or no figure
//!    column is refused here with a Swedish reason ([`ReadError`]).
//! 2. [`budget`]: the rows become a [`Preview`]: the recognised figure
//!    columns (kind and year from headings such as `Årsbudget 2023`,
//!    `Utfall 2023-08-31`, `Prognos 2023`, `Utblick 2022`, `Utfall jan–aug
//!    2025`; a plain `2024` is a column whose kind is asked), the lines
//!    with their amounts exactly as written, the revenue
//!    (`Medel från huvudmännen` or `Medel från medlemmarna`) and opening
//!    equity rows, the sum rows checked against the lines, the rows and
//!    columns skipped and why (an interim report's `Avvikelse` column is
//!    derived and not read), the problems that stop the import (a figure
//!    that is not a number), a guess of the unit (tkr when a heading or a
//!    title says so) and of the signs (costs written negative), and what is
//!    asked ([`Preview::questions`]).
//! 3. [`choices`] and [`apply`]: the person's answers ([`Choices`],
//!    pre-filled by [`Preview::suggested`]: unit, signs, what each column
//!    is, categories, team flags, the years, names, the opening equity if
//!    the file has none, members copied from another data set) make the
//!    data set, returned only when it passes every check of section 10
//!    ([`Preview::apply`]); nothing is half-applied.
//!
//! The simulator's own exports read back ([`own`]): the budget CSV as the
//! reference and first plan year's line amounts, the workbook's "Data"
//! sheet as the whole data set.

pub mod apply;
pub mod budget;
pub mod choices;
pub mod own;
pub mod preview;
pub mod sheet;
pub mod sums;
pub mod table;
pub mod words;

pub use apply::ApplyError;
pub use choices::{Choices, ColumnChoice, LineChoice};
pub use preview::{Origin, Preview, Question, Unit};
pub use table::ReadError;

/// Reads a budget file (CSV or .xlsx, told apart by its first bytes) into a
/// preview, or says why it cannot be read.
pub fn read(bytes: &[u8]) -> Result<Preview, ReadError> {
    table::check_size(bytes.len())?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    if sheet::is_zip(bytes) {
        let mut book = sheet::Workbook::open(bytes)?;
        if own::is_own_workbook(&mut book) {
            return own::workbook_preview(&mut book);
        }
        return budget::preview(&book.first_sheet()?);
    }
    budget::preview(&table::from_csv(bytes)?)
}
