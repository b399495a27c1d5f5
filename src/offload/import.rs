//! *Importera budget* in the on-demand `importer` module (calamine lives
//! only there): a file's bytes become a preview for the page to show, and
//! the person's answers with the same bytes become a data set, checked
//! whole. Stateless: the page sends the file again with the answers, so a
//! restarted worker never loses an import half-way.

use crate::core::dataset::{Category, ColumnKind, Dataset};
use crate::core::horizon::Year;
use crate::import::{self, Choices, Preview, Unit};
use crate::offload::protocol::bytes;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A budget file to read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportJob {
    pub file_name: String,
    #[serde(with = "bytes")]
    pub bytes: Vec<u8>,
}

/// A budget file with the person's answers, to make the data set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplyJob {
    pub file: ImportJob,
    pub choices: Choices,
    /// Copy the members, the key and the teams' staffing from this data set.
    pub members_from: Option<Dataset>,
}

/// A figure column as the file heads it and what it was read as.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnShown {
    pub heading: String,
    /// `None`: a plain year, asked.
    pub kind: Option<ColumnKind>,
    pub year: Year,
}

/// A line as the file has it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineShown {
    pub row: usize,
    pub name: String,
    /// What the file's `Kategori` said when it was not recognised.
    pub written: Option<String>,
    /// Whether the category was read from the file (else it is asked).
    pub known: Option<Category>,
    /// As the file writes them (its unit and sign): `1 617,5`.
    pub amounts: Vec<String>,
}

/// What the page shows of a read file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreviewShown {
    pub file_name: String,
    /// What kind of file it is, in a sentence.
    pub origin: String,
    /// What stops the import (fix the file and read it again).
    pub problems: Vec<String>,
    /// What was read, skipped and checked, with the figures as the file
    /// writes them (no unit chosen yet), in kr and in tkr.
    pub notes_as_written: Vec<String>,
    pub notes_kr: Vec<String>,
    pub notes_tkr: Vec<String>,
    /// What the file does not say.
    pub questions: Vec<String>,
    pub columns: Vec<ColumnShown>,
    pub lines: Vec<LineShown>,
    /// The sum rows: label and whether the lines add up to it.
    pub sums: Vec<(String, bool)>,
    /// The file has no opening equity: the person must give it.
    pub asks_opening: bool,
    /// The file has no revenue row: the person gives the first plan year's.
    pub asks_revenue: bool,
    /// The preview's own answers, for the person to change.
    pub choices: Choices,
}

/// What the importer answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ImportAnswer {
    Preview(Box<PreviewShown>),
    /// The file cannot be read, and why.
    Refused(String),
    Dataset(Box<Dataset>),
    /// The answers do not make a valid data set: one sentence per problem.
    NotApplied(Vec<String>),
}

/// A figure as the file writes it, without a unit (the unit is asked).
fn as_written(value: Decimal) -> String {
    import::preview::amount_text(value, None)
}

fn origin(preview: &Preview) -> String {
    match preview.origin {
        import::Origin::BudgetFile => "En budgetfil.".to_owned(),
        import::Origin::OwnCsv => "Budgetsimulatorns egen CSV-fil.".to_owned(),
        import::Origin::OwnWorkbook => "Budgetsimulatorns egen Excel-fil.".to_owned(),
    }
}

fn shown(job: &ImportJob, preview: &Preview) -> PreviewShown {
    let messages = |unit| preview.notes.iter().map(|n| n.message(unit)).collect();
    PreviewShown {
        file_name: job.file_name.clone(),
        origin: origin(preview),
        problems: preview.problems.iter().map(|p| p.message()).collect(),
        notes_as_written: messages(None),
        notes_kr: messages(Some(Unit::Kr)),
        notes_tkr: messages(Some(Unit::Tkr)),
        questions: preview
            .questions()
            .iter()
            .map(|q| q.message())
            .chain(preview.revenue.is_none().then(|| {
                "Filen har ingen rad ”Medel från huvudmännen”: ange medlen för första planåret under ”År och namn”.".to_owned()
            }))
            .collect(),
        columns: preview
            .columns
            .iter()
            .map(|c| ColumnShown {
                heading: c.heading.clone(),
                kind: c.kind,
                year: c.year,
            })
            .collect(),
        lines: preview
            .lines
            .iter()
            .map(|l| LineShown {
                row: l.row,
                name: l.name.clone(),
                written: l.category_text.clone(),
                known: l.category,
                amounts: l.amounts.iter().map(|a| as_written(*a)).collect(),
            })
            .collect(),
        sums: preview
            .sums
            .iter()
            .map(|s| (s.label.clone(), s.adds_up))
            .collect(),
        asks_revenue: preview.revenue.is_none(),
        asks_opening: preview
            .questions()
            .iter()
            .any(|q| matches!(q, import::Question::OpeningEquity)),
        choices: named(preview.suggested(), &job.file_name),
    }
}

/// The suggested answers, with the file's name (without its extension) as
/// the data set's name when the file says none.
fn named(mut choices: Choices, file_name: &str) -> Choices {
    if choices.name.trim().is_empty() {
        let stem = file_name.rsplit_once('.').map_or(file_name, |(s, _)| s);
        choices.name = stem.replace(['_', '-'], " ").trim().to_owned();
    }
    choices
}

/// Reads a budget file into what the preview shows.
pub fn read(job: &ImportJob) -> ImportAnswer {
    match import::read(&job.bytes) {
        Ok(preview) => ImportAnswer::Preview(Box::new(shown(job, &preview))),
        Err(why) => ImportAnswer::Refused(why.to_string()),
    }
}

/// Makes the data set from the file and the answers.
pub fn apply(job: &ApplyJob) -> ImportAnswer {
    let preview = match import::read(&job.file.bytes) {
        Ok(preview) => preview,
        Err(why) => return ImportAnswer::Refused(why.to_string()),
    };
    let mut choices = job.choices.clone();
    if let Some(from) = &job.members_from {
        choices.copy_members(&preview, from);
    }
    match preview.apply(&choices) {
        Ok(data) => ImportAnswer::Dataset(Box::new(data)),
        Err(error) => ImportAnswer::NotApplied(error.messages()),
    }
}
