//! What a budget file says, as the preview shows it before anything is
//! imported: the figure columns it recognised, its lines with their amounts
//! as written (the file's unit and signs), the revenue and opening-equity
//! rows, its sum rows and how they compare with the lines, the rows and
//! columns it skipped and why, the problems that stop the import, and the
//! notes and questions for the person. Every message is Swedish and names
//! the file's row and the column's heading.

use super::table::Encoding;
use super::words::SumOf;
use crate::core::dataset::{Category, ColumnKind, Source, SourcedAmount, SourcedPercent};
use crate::core::horizon::Year;
use crate::export::format::grouped_number;
use rust_decimal::Decimal;

/// The unit of a file's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Unit {
    Kr,
    /// Thousands of kronor: every figure is multiplied by 1 000, exactly.
    Tkr,
}

impl Unit {
    pub fn factor(self) -> Decimal {
        match self {
            Unit::Kr => Decimal::ONE,
            Unit::Tkr => Decimal::ONE_THOUSAND,
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Unit::Kr => "kr",
            Unit::Tkr => "tkr",
        }
    }
}

/// A figure as the file wrote it, with its unit (`13 925 000 kr`,
/// `1 617,5 tkr`) or, while none is chosen, without (`13 925 000`).
pub fn amount_text(value: Decimal, unit: Option<Unit>) -> String {
    let body = grouped_number(value);
    match unit {
        Some(unit) => format!("{body}\u{a0}{}", unit.word()),
        None => body,
    }
}

/// What kind of file it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A budget file made by a person or another program.
    BudgetFile,
    /// The simulator's own budget CSV (`Rad;Id;Budget 2024;2025;…`).
    OwnCsv,
    /// The simulator's own workbook, read from its "Data" sheet.
    OwnWorkbook,
}

/// A recognised figure column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileColumn {
    /// Its position among the table's columns.
    pub cell: usize,
    pub heading: String,
    /// What its heading says it holds (`None`: a plain year, asked).
    pub kind: Option<ColumnKind>,
    pub year: Year,
    /// The heading as the column's label, when it says more than kind and year.
    pub label: Option<String>,
}

/// Where a line's category was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CategoryFrom {
    /// The `Kategori` column.
    Column,
    /// The heading row above the line.
    Heading,
    /// The sum row that closes the line's group (`Summa individinsatser`).
    SumRow,
}

/// A budget line as the file has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileLine {
    /// The file's row, counted from 1.
    pub row: usize,
    pub id: String,
    pub name: String,
    pub category: Option<Category>,
    pub category_from: Option<CategoryFrom>,
    /// What the `Kategori` cell said when it was not recognised.
    pub category_text: Option<String>,
    /// `None`: the file does not say.
    pub team: Option<bool>,
    /// One per figure column, in the file's unit and sign; an empty cell
    /// or a dash is 0.
    pub amounts: Vec<Decimal>,
    /// The line's source, when the file names one (the own workbook).
    pub source: String,
}

/// A row that is not a line: revenue or opening equity, per figure column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRow {
    pub row: usize,
    pub figures: Vec<Option<Decimal>>,
}

/// A sum row and whether the lines add up to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SumRow {
    pub row: usize,
    pub label: String,
    pub of: SumOf,
    pub figures: Vec<Option<Decimal>>,
    pub adds_up: bool,
}

/// Why a row is not read as a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    Empty,
    /// A sum row (checked, see [`SumRow`]).
    Sum,
    /// A heading without figures.
    Heading,
    /// Computed from the other rows (result, closing equity, shares, top-ups).
    Derived,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub row: usize,
    pub text: String,
    pub why: SkipReason,
}

/// Why a column is not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IgnoredWhy {
    /// Computed from the others (`Avvikelse prognos från budget`).
    Derived,
    /// The heading says no kind and year.
    Unknown,
    /// A later year of the simulator's own CSV: the scenario's computation.
    Scenario,
}

/// A problem that stops the import until the file is fixed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    NotANumber {
        row: usize,
        column: String,
        text: String,
    },
    BadTeam {
        row: usize,
        text: String,
    },
    /// Figures but no name in `Rad`.
    NoName {
        row: usize,
    },
    /// A second revenue or opening-equity row.
    Twice {
        row: usize,
        first: usize,
        name: String,
    },
}

impl FileProblem {
    pub fn message(&self) -> String {
        match self {
            FileProblem::NotANumber { row, column, text } => {
                format!("Rad {row}, kolumnen ”{column}”: ”{text}” är inte ett tal.")
            }
            FileProblem::BadTeam { row, text } => {
                format!("Rad {row}, kolumnen ”Team”: ”{text}” ska vara ”ja” eller ”nej”.")
            }
            FileProblem::NoName { row } => {
                format!("Rad {row} har belopp men inget namn i kolumnen ”Rad”.")
            }
            FileProblem::Twice { row, first, name } => {
                format!("Rad {row}: ”{name}” finns redan på rad {first}.")
            }
        }
    }
}

/// Something the preview tells but that does not stop the import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// The text was not UTF-8.
    Encoding(Encoding),
    IgnoredColumn {
        heading: String,
        why: IgnoredWhy,
    },
    /// A sum row that the lines do not add up to (reported, not applied).
    SumDifference {
        row: usize,
        label: String,
        column: String,
        stated: Decimal,
        computed: Decimal,
    },
    /// An id that was not an id, and the one made from it.
    IdCleaned {
        row: usize,
        given: String,
        made: String,
    },
    /// The file is the simulator's own CSV: what it holds of a data set.
    OwnCsv,
}

impl Note {
    /// The note in Swedish, with figures in `unit`, or as the file
    /// writes them while the unit is not chosen yet.
    pub fn message(&self, unit: Option<Unit>) -> String {
        match self {
            Note::Encoding(Encoding::Windows1252) => "Filen är inte sparad som UTF-8; den lästes som Windows-1252 (Excels vanliga CSV). Kontrollera å, ä och ö.".to_owned(),
            Note::Encoding(_) => "Filen är sparad som UTF-16 (Excels Unicode-text) och lästes som sådan.".to_owned(),
            Note::IgnoredColumn { heading, why: IgnoredWhy::Derived } => format!(
                "Kolumnen ”{heading}” räknas fram (prognos − budget) och läses inte."
            ),
            Note::IgnoredColumn { heading, why: IgnoredWhy::Unknown } => format!(
                "Kolumnen ”{heading}” säger inte slag och år och läses inte."
            ),
            Note::IgnoredColumn { heading, why: IgnoredWhy::Scenario } => format!(
                "Kolumnen ”{heading}” är scenariots beräkning, inte ett underlag, och läses inte."
            ),
            Note::SumDifference { row, label, column, stated, computed } => format!(
                "Summa-raden ”{label}” säger {} men raderna summerar till {} (kolumnen ”{column}”, rad {row}). Raderna används som de står.",
                amount_text(*stated, unit),
                amount_text(*computed, unit)
            ),
            Note::IdCleaned { row, given, made } => format!(
                "Rad {row}: id ”{given}” är inget giltigt id och blir ”{made}”."
            ),
            Note::OwnCsv => "Filen är Budgetsimulatorns egen CSV-export. Den innehåller scenariots tabell: referensårets och första planårets belopp per rad är dataunderlagets (vid 100 % finansiering), senare år är beräkningar och läses inte.".to_owned(),
        }
    }
}

/// What the file knows beyond a budget file's columns (the simulator's own
/// workbook, or a guideline row): used by the suggestions and by `apply`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Known {
    pub sources: Vec<Source>,
    /// Per figure column, its source id (when `sources` is given).
    pub column_sources: Vec<String>,
    pub revenue_source: String,
    /// In kronor.
    pub opening: Option<SourcedAmount>,
    pub first_plan_opening: Option<SourcedAmount>,
    pub guideline: Option<SourcedPercent>,
    pub reference_year: Option<Year>,
    pub first_plan_year: Option<Year>,
    pub plan_end: Option<Year>,
}

/// Everything the preview shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub origin: Origin,
    pub columns: Vec<FileColumn>,
    pub lines: Vec<FileLine>,
    pub revenue: Option<FileRow>,
    pub opening: Option<FileRow>,
    pub sums: Vec<SumRow>,
    pub skipped: Vec<Skipped>,
    pub problems: Vec<FileProblem>,
    pub notes: Vec<Note>,
    /// `Tkr` when a heading or a title row says *tkr*.
    pub unit: Unit,
    /// The heading or title that said *tkr*.
    pub unit_because: Option<String>,
    /// Most line figures are negative (costs written as in an interim report).
    pub negative_costs: bool,
    pub known: Known,
}

/// What the preview asks the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    Unit {
        suggested: Unit,
        because: Option<String>,
    },
    /// Whether costs are written as negative numbers.
    Signs { suggested: bool },
    Category {
        line: usize,
        row: usize,
        name: String,
        written: Option<String>,
    },
    /// A column headed by a year alone.
    ColumnKind { column: usize, heading: String },
    /// The reference year, the first plan year and the plan end.
    Years,
    /// The organisation's and the data set's names.
    Names,
    /// The file has no opening equity for the data set's first year.
    OpeningEquity,
}

impl Question {
    pub fn message(&self) -> String {
        match self {
            Question::Unit { because: Some(text), .. } => {
                format!("Är beloppen i kr eller tkr? Filen säger ”{text}”, så tkr är förvalt.")
            }
            Question::Unit { .. } => "Är beloppen i kr eller tkr? Välj under ”Enhet och tecken”.".to_owned(),
            Question::Signs { suggested: true } => "Kostnaderna står som negativa tal (som i en delårsrapport): de vänds till positiva kostnader. Stämmer det?".to_owned(),
            Question::Signs { suggested: false } => "Några belopp är negativa. Står kostnaderna som negativa tal?".to_owned(),
            Question::Category { row, name, written: Some(text), .. } => format!(
                "Vilken kategori har ”{name}” (rad {row})? Filen säger ”{text}”: välj administration, individinsatser eller strukturella insatser."
            ),
            Question::Category { row, name, .. } => format!(
                "Vilken kategori har ”{name}” (rad {row})? Välj administration, individinsatser eller strukturella insatser."
            ),
            Question::ColumnKind { heading, .. } => format!(
                "Vad är kolumnen ”{heading}”: budget, utfall, prognos, utfall hittills eller utblick?"
            ),
            Question::Years => "Vilket år är första planåret, vilket är referensåret (om något) och när slutar planperioden?".to_owned(),
            Question::Names => "Vad heter organisationen och vad ska dataunderlaget heta?".to_owned(),
            Question::OpeningEquity => "Filen har inget ingående eget kapital: ange det för dataunderlagets första år.".to_owned(),
        }
    }
}

impl Preview {
    /// What the preview asks, in the order it asks.
    pub fn questions(&self) -> Vec<Question> {
        let mut asked = vec![Question::Unit {
            suggested: self.unit,
            because: self.unit_because.clone(),
        }];
        if self.lines.iter().any(|l| {
            l.amounts
                .iter()
                .any(|a| a.is_sign_negative() && !a.is_zero())
        }) {
            asked.push(Question::Signs {
                suggested: self.negative_costs,
            });
        }
        for (line, l) in self.lines.iter().enumerate() {
            if l.category.is_none() {
                asked.push(Question::Category {
                    line,
                    row: l.row,
                    name: l.name.clone(),
                    written: l.category_text.clone(),
                });
            }
        }
        for (column, c) in self.columns.iter().enumerate() {
            if c.kind.is_none() && self.origin != Origin::OwnCsv {
                asked.push(Question::ColumnKind {
                    column,
                    heading: c.heading.clone(),
                });
            }
        }
        asked.push(Question::Years);
        asked.push(Question::Names);
        if self.opening.is_none() && self.known.opening.is_none() {
            asked.push(Question::OpeningEquity);
        }
        asked
    }

    /// Every note and problem in Swedish, problems first.
    pub fn messages(&self, unit: Option<Unit>) -> Vec<String> {
        let problems = self.problems.iter().map(FileProblem::message);
        problems
            .chain(self.notes.iter().map(|n| n.message(unit)))
            .collect()
    }
}
