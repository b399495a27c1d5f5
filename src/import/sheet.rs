//! An .xlsx workbook's sheets as tables of cells, read with `calamine`.
//!
//! Cells are read one by one (calamine's cell reader) rather than as a whole
//! range, so a sheet with a million styled rows is refused at
//! [`MAX_ROWS`] instead of being built in memory. A
//! number cell stays a number, converted to an exact decimal through its
//! shortest decimal text (`0.775`, never `0.77500000000000002`), so whole
//! kronor and the simulator's own percentages come back exactly.

use super::table::{check_size, Cell, ReadAs, ReadError, Table, MAX_COLUMNS, MAX_ROWS};
use calamine::{DataRef, Reader, Xlsx, XlsxError};
use rust_decimal::Decimal;
use std::io::Cursor;

/// Whether the bytes are a zip archive (an .xlsx is one).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// An opened workbook.
pub struct Workbook<'a> {
    book: Xlsx<Cursor<&'a [u8]>>,
}

fn refusal(error: XlsxError) -> ReadError {
    match error {
        XlsxError::Password => ReadError::Password,
        _ => ReadError::BadXlsx,
    }
}

/// A float as the exact decimal it was written as.
pub fn float(value: f64) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    // Rust prints the shortest text that reads back as the same float, and
    // never with an exponent.
    Decimal::from_str_exact(&format!("{value}")).ok()
}

fn cell(value: &DataRef<'_>) -> Cell {
    let text = |t: &str| {
        let t = t.trim();
        if t.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(t.to_owned())
        }
    };
    match value {
        DataRef::Empty => Cell::Empty,
        DataRef::Int(i) => Cell::Number(Decimal::from(*i)),
        DataRef::Float(f) => float(*f).map_or_else(|| Cell::Text(f.to_string()), Cell::Number),
        DataRef::String(s) => text(s),
        DataRef::SharedString(s) => text(s),
        DataRef::Bool(b) => Cell::Text(if *b { "ja" } else { "nej" }.to_owned()),
        DataRef::DateTime(d) => Cell::Text(d.to_string()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => text(s),
        DataRef::Error(e) => Cell::Text(format!("{e}")),
    }
}

impl<'a> Workbook<'a> {
    /// Opens a workbook (within [`MAX_FILE_BYTES`](super::table::MAX_FILE_BYTES)).
    pub fn open(bytes: &'a [u8]) -> Result<Self, ReadError> {
        check_size(bytes.len())?;
        let book = Xlsx::new(Cursor::new(bytes)).map_err(refusal)?;
        Ok(Workbook { book })
    }

    /// The sheets' names, in the workbook's order.
    pub fn names(&self) -> Vec<String> {
        self.book.sheet_names()
    }

    /// A sheet as a table; at most `max_rows` rows are read (more is refused
    /// when `max_rows` is [`MAX_ROWS`], else the rest is left unread).
    pub fn sheet(&mut self, name: &str, max_rows: usize) -> Result<Table, ReadError> {
        let mut reader = self.book.worksheet_cells_reader(name).map_err(refusal)?;
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        while let Some(found) = reader.next_cell().map_err(refusal)? {
            let (row, column) = found.get_position();
            let (row, column) = (row as usize, column as usize);
            if row >= max_rows {
                if max_rows == MAX_ROWS {
                    return Err(ReadError::TooManyRows { limit: MAX_ROWS });
                }
                break;
            }
            if column >= MAX_COLUMNS {
                continue;
            }
            let value = cell(found.get_value());
            if value == Cell::Empty {
                continue;
            }
            if rows.len() <= row {
                rows.resize(row + 1, Vec::new());
            }
            let cells = &mut rows[row];
            if cells.len() <= column {
                cells.resize(column + 1, Cell::Empty);
            }
            cells[column] = value;
        }
        Ok(Table {
            rows,
            read_as: ReadAs::Xlsx {
                sheet: name.to_owned(),
            },
        })
    }

    /// The first sheet, as the budget file's table.
    pub fn first_sheet(&mut self) -> Result<Table, ReadError> {
        let name = self.names().into_iter().next().ok_or(ReadError::NoSheet)?;
        self.sheet(&name, MAX_ROWS)
    }
}
