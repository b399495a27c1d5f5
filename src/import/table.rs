//! A budget file as rows of cells, before anything is made of them: from CSV
//! bytes (here) or from an .xlsx workbook's sheet ([`super::sheet`]).
//!
//! CSV is read with the `csv` crate. The separator is found, not assumed:
//! `;` (Swedish Excel), tab or `,`, whichever gives a header row with a
//! `Rad` cell. The text is UTF-8 with or without a byte-order mark; UTF-16
//! with a byte-order mark (Excel's "Unicode-text") is read too; and a file
//! that is not UTF-8 is read as Windows-1252, because that is what Swedish
//! Excel writes when a CSV file is saved without choosing UTF-8 (the preview
//! says so). A file with bytes that no text has (NUL, or bytes that
//! Windows-1252 does not define) is refused as not a table, so a PDF or an
//! old .xls picked by mistake gets a reason instead of a table of noise.
//! Everything is bounded (10 MB, 10 000 rows) so no file can freeze the page.

use rust_decimal::Decimal;
use thiserror::Error;

/// The largest file read, in bytes.
pub const MAX_FILE_BYTES: usize = 10_000_000;
/// The most rows a table may have (a budget file has one per line).
pub const MAX_ROWS: usize = 10_000;
/// Cells to the right of this many columns are not read.
pub const MAX_COLUMNS: usize = 200;

/// One cell: nothing, text as written, or a number a spreadsheet stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(Decimal),
}

impl Cell {
    /// The cell as a person sees it.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => n.normalize().to_string(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            Cell::Number(_) => false,
        }
    }
}

/// How a CSV file's text was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Windows1252,
}

/// Where the table came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadAs {
    Csv { delimiter: char, encoding: Encoding },
    Xlsx { sheet: String },
}

/// A file as rows of cells (row 0 is the file's first row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<Vec<Cell>>,
    pub read_as: ReadAs,
}

impl Table {
    /// The cell at a row and column, `Empty` beyond the row's end.
    pub fn cell(&self, row: usize, column: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|r| r.get(column))
            .unwrap_or(&Cell::Empty)
    }
}

/// Why a file cannot be read at all. The `Display` text is the Swedish
/// message the preview shows instead of a table.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReadError {
    #[error("Filen är för stor ({kilobytes} kB). En budgetfil är högst 10 000 kB.")]
    TooLarge { kilobytes: usize },
    #[error("Filen är tom.")]
    Empty,
    #[error("Filen är inte en tabell (den innehåller binära data). Spara budgeten som CSV eller som Excel-arbetsbok (.xlsx).")]
    NotATable,
    #[error("Filen är i Excels gamla format (.xls), som inte kan läsas. Spara den som Excel-arbetsbok (.xlsx) eller som CSV.")]
    OldExcel,
    #[error("Filens text är varken UTF-8 eller Windows-1252. Spara den som ”CSV UTF-8”.")]
    Encoding,
    #[error("Excel-filen är skyddad med lösenord. Spara en kopia utan lösenord.")]
    Password,
    #[error("Excel-filen kunde inte läsas: den är skadad eller ingen .xlsx-fil.")]
    BadXlsx,
    #[error("Excel-filen har inget kalkylblad.")]
    NoSheet,
    #[error("Filen har fler än {limit} rader; en budgetfil har en rad per budgetrad.")]
    TooManyRows { limit: usize },
    #[error("Filen saknar kolumnen ”Rad” (radens namn). Första raden ska vara rubriker, t.ex. ”Rad;Kategori;Budget 2025”. Ett dataunderlag (.json) läser du in med ”Importera dataunderlag”.")]
    NoNameColumn,
    #[error("Filen har inga kolumner med belopp. Rubrikerna ska säga slag och år, t.ex. ”Budget 2025”, ”Prognos 2025” eller ”Utfall jan–aug 2025”.")]
    NoFigureColumns,
    #[error("Filen har inga budgetrader under rubrikraden.")]
    NoLines,
    #[error("Filen har {found} budgetrader; högst {limit} kan läsas.")]
    TooManyLines { found: usize, limit: usize },
}

/// Refuses a file over [`MAX_FILE_BYTES`] before anything is read from it.
pub fn check_size(bytes: usize) -> Result<(), ReadError> {
    if bytes > MAX_FILE_BYTES {
        Err(ReadError::TooLarge {
            kilobytes: bytes.div_ceil(1000),
        })
    } else {
        Ok(())
    }
}

/// Windows-1252's characters for 0x80–0x9F (`None`: not defined).
const CP1252_HIGH: [Option<char>; 32] = [
    Some('\u{20AC}'),
    None,
    Some('\u{201A}'),
    Some('\u{0192}'),
    Some('\u{201E}'),
    Some('\u{2026}'),
    Some('\u{2020}'),
    Some('\u{2021}'),
    Some('\u{02C6}'),
    Some('\u{2030}'),
    Some('\u{0160}'),
    Some('\u{2039}'),
    Some('\u{0152}'),
    None,
    Some('\u{017D}'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201C}'),
    Some('\u{201D}'),
    Some('\u{2022}'),
    Some('\u{2013}'),
    Some('\u{2014}'),
    Some('\u{02DC}'),
    Some('\u{2122}'),
    Some('\u{0161}'),
    Some('\u{203A}'),
    Some('\u{0153}'),
    None,
    Some('\u{017E}'),
    Some('\u{0178}'),
];

fn windows_1252(bytes: &[u8]) -> Option<String> {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
            // 0xA0–0xFF are Latin-1, the same code points in Unicode.
            _ => Some(char::from(b)),
        })
        .collect()
}

fn utf16(bytes: &[u8], little_endian: bool) -> Option<String> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|p| {
            if little_endian {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        })
        .collect();
    String::from_utf16(&units).ok()
}

/// The file's text and how it was written.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), ReadError> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ReadError::OldExcel);
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let text = std::str::from_utf8(rest).map_err(|_| ReadError::Encoding)?;
        (text.to_owned(), Encoding::Utf8)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (
            utf16(rest, true).ok_or(ReadError::Encoding)?,
            Encoding::Utf16,
        )
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (
            utf16(rest, false).ok_or(ReadError::Encoding)?,
            Encoding::Utf16,
        )
    } else if bytes.contains(&0) {
        return Err(ReadError::NotATable);
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_owned(), Encoding::Utf8)
    } else {
        let text = windows_1252(bytes).ok_or(ReadError::Encoding)?;
        (text, Encoding::Windows1252)
    };
    let control = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t');
    if text.contains(control) || text.starts_with("%PDF") {
        return Err(ReadError::NotATable);
    }
    Ok((text, encoding))
}

/// The first `limit` records as cells, and whether there were more.
fn records(text: &str, delimiter: u8, limit: usize) -> (Vec<Vec<Cell>>, bool) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        // The text is already a string, so a record error can only be an
        // unreadable quote: stop there rather than guess.
        let Ok(record) = record else { break };
        if rows.len() == limit {
            return (rows, true);
        }
        rows.push(
            record
                .iter()
                .take(MAX_COLUMNS)
                .map(|field| {
                    let field = field.trim();
                    if field.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(field.to_owned())
                    }
                })
                .collect(),
        );
    }
    (rows, false)
}

/// The first row (of the first 30) with a `Rad` cell, and its cell count.
fn header_width(rows: &[Vec<Cell>]) -> Option<usize> {
    rows.iter()
        .take(30)
        .find(|r| {
            r.iter()
                .any(|c| super::words::heading(&c.text()) == super::words::Heading::Name)
        })
        .map(Vec::len)
}

/// Reads a CSV file: decodes it, finds its separator, splits it into cells.
pub fn from_csv(bytes: &[u8]) -> Result<Table, ReadError> {
    check_size(bytes.len())?;
    let (text, encoding) = decode(bytes)?;
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    // Try each separator on the first rows: the one whose header row has a
    // `Rad` cell and the most cells wins; with none, the one that splits the
    // first row most (the file is then refused for its missing `Rad`).
    let mut best: Option<(u8, (bool, usize))> = None;
    for delimiter in [b';', b'\t', b','] {
        let (head, _) = records(&text, delimiter, 30);
        let score = match header_width(&head) {
            Some(width) => (true, width),
            None => (false, head.first().map_or(0, Vec::len)),
        };
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((delimiter, score));
        }
    }
    let delimiter = best.map_or(b';', |(d, _)| d);
    let (rows, more) = records(&text, delimiter, MAX_ROWS);
    if more {
        return Err(ReadError::TooManyRows { limit: MAX_ROWS });
    }
    Ok(Table {
        rows,
        read_as: ReadAs::Csv {
            delimiter: char::from(delimiter),
            encoding,
        },
    })
}
