//! The data set made from a preview and the person's answers
//! ([`Preview::apply`]). It is returned only when it passes every check of
//! `Dataset::problems`; otherwise all its problems come back, with the data
//! set they were found in so that `state::explain` can name the lines and
//! columns, and the file's row of each line. Nothing is half-applied.

use super::choices::{Choices, ColumnChoice};
use super::preview::{FileProblem, Preview, Question, Unit};
use super::words;
use crate::core::dataset::{
    BudgetLine, Category, Column, ColumnKind, Dataset, SourcedAmount, SourcedPercent,
};
use crate::core::horizon::Year;
use crate::core::validate::{DataError, Place};
use rust_decimal::Decimal;

/// Why no data set was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyError {
    /// The file has problems that must be fixed in the file.
    File(Vec<FileProblem>),
    /// Questions not answered yet (a line's category, the opening equity).
    Unanswered(Vec<Question>),
    /// The answers do not fit the preview (another file's choices).
    Mismatch,
    /// The data set made does not pass the checks.
    Invalid {
        dataset: Box<Dataset>,
        problems: Vec<DataError>,
        /// Per data-set line, the file's row.
        rows: Vec<usize>,
    },
}

impl ApplyError {
    /// The Swedish messages, one per problem.
    pub fn messages(&self) -> Vec<String> {
        match self {
            ApplyError::File(problems) => problems.iter().map(FileProblem::message).collect(),
            ApplyError::Unanswered(questions) => questions.iter().map(Question::message).collect(),
            ApplyError::Mismatch => {
                vec!["Valen hör inte till den här filen. Läs in filen igen.".to_owned()]
            }
            ApplyError::Invalid {
                dataset,
                problems,
                rows,
            } => problems
                .iter()
                .map(|p| {
                    let sentence = crate::state::explain::sentence(dataset, p);
                    match &p.place {
                        Place::Line(i, _) | Place::Amount(i, _, _) => match rows.get(*i) {
                            Some(row) => format!("{sentence} (Rad {row} i filen.)"),
                            None => sentence,
                        },
                        _ => sentence,
                    }
                })
                .collect(),
        }
    }
}

impl Preview {
    /// The data set made from the file and the answers, checked whole.
    pub fn apply(&self, choices: &Choices) -> Result<Dataset, ApplyError> {
        if !self.problems.is_empty() {
            return Err(ApplyError::File(self.problems.clone()));
        }
        if choices.columns.len() != self.columns.len() || choices.lines.len() != self.lines.len() {
            return Err(ApplyError::Mismatch);
        }
        let mut unanswered: Vec<Question> = self
            .lines
            .iter()
            .zip(&choices.lines)
            .enumerate()
            .filter(|(_, (_, c))| c.category.is_none())
            .map(|(line, (l, _))| Question::Category {
                line,
                row: l.row,
                name: l.name.clone(),
                written: l.category_text.clone(),
            })
            .collect();
        let used: Vec<(usize, &ColumnChoice)> = choices
            .columns
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.as_ref().map(|c| (i, c)))
            .collect();
        if choices.unit.is_none() {
            unanswered.insert(
                0,
                Question::Unit {
                    suggested: self.unit,
                    because: None,
                },
            );
        }
        let factor = choices.unit.map_or(Decimal::ONE, Unit::factor);
        let scale = |v: Decimal| (v * factor).normalize();
        let sign = if choices.flip_signs {
            Decimal::NEGATIVE_ONE
        } else {
            Decimal::ONE
        };
        let k = &self.known;
        let (mut sources, column_source): (Vec<_>, _) = if k.sources.is_empty() {
            let source = choices.source.clone().filter(|s| !s.id.trim().is_empty());
            let id = source.as_ref().map_or(String::new(), |s| s.id.clone());
            (source.into_iter().collect(), vec![id; self.columns.len()])
        } else {
            (k.sources.clone(), k.column_sources.clone())
        };
        for extra in &choices.sources {
            if !sources.iter().any(|s| s.id == extra.id) {
                sources.push(extra.clone());
            }
        }
        let file_source = if k.sources.is_empty() {
            column_source.first().cloned().unwrap_or_default()
        } else {
            String::new()
        };
        let columns: Vec<Column> = used
            .iter()
            .map(|&(i, c)| Column {
                kind: c.kind,
                year: c.year,
                label: c.label.clone(),
                source: column_source.get(i).cloned().unwrap_or_default(),
            })
            .collect();
        let lines: Vec<BudgetLine> = self
            .lines
            .iter()
            .zip(&choices.lines)
            .map(|(l, c)| BudgetLine {
                id: l.id.clone(),
                name: l.name.clone(),
                category: c.category.unwrap_or(Category::Admin),
                team: c.team,
                // `+ 0` turns a flipped zero (−0) into 0.
                amounts: used
                    .iter()
                    .map(|&(i, _)| scale(l.amounts[i]) * sign + Decimal::ZERO)
                    .collect(),
                source: l.source.clone(),
            })
            .collect();
        let mut revenue: Vec<Option<Decimal>> = used
            .iter()
            .map(|&(i, _)| self.revenue.as_ref().and_then(|r| r.figures[i]).map(scale))
            .collect();
        // The person's answer for the first plan year's budget, where the
        // file gives no revenue there.
        let first_budget = used
            .iter()
            .position(|(_, c)| c.year == choices.first_plan_year && c.kind == ColumnKind::Budget);
        if let (Some(j), Some(amount)) = (first_budget, choices.revenue) {
            revenue[j] = revenue[j].or(Some(amount));
        }
        // The opening equity: answered, known (own workbook), or the file's
        // figure in the column of the data set's first year.
        let first_year = choices.reference_year.unwrap_or(choices.first_plan_year);
        // The year's budget or outcome column, else its first column with a figure.
        let from_file = |year: Year| {
            let row = self.opening.as_ref()?;
            let of_year = used.iter().filter(|(_, c)| c.year == year);
            let standing = |c: &&(usize, &ColumnChoice)| {
                matches!(c.1.kind, ColumnKind::Budget | ColumnKind::Outcome)
            };
            let figure = |&(i, _): &(usize, &ColumnChoice)| row.figures[i].map(scale);
            match of_year.clone().find(standing) {
                Some(c) if figure(c).is_some() => figure(c),
                _ => of_year.filter_map(figure).next(),
            }
        };
        let sourced = |amount| SourcedAmount {
            amount,
            source: file_source.clone(),
            note: String::new(),
        };
        let opening = match (choices.opening_equity, &k.opening) {
            (Some(amount), _) => Some(SourcedAmount {
                amount,
                source: String::new(),
                note: String::new(),
            }),
            (None, Some(known)) => Some(known.clone()),
            (None, None) => from_file(first_year).map(sourced),
        };
        let Some(opening_equity) = opening else {
            unanswered.push(Question::OpeningEquity);
            return Err(ApplyError::Unanswered(unanswered));
        };
        if !unanswered.is_empty() {
            return Err(ApplyError::Unanswered(unanswered));
        }
        let id = if choices.id.trim().is_empty() {
            words::make_id(&choices.name, '-')
        } else {
            choices.id.trim().to_owned()
        };
        let mut data = Dataset {
            id,
            name: choices.name.trim().to_owned(),
            organisation: choices.organisation.trim().to_owned(),
            sources,
            reference_year: choices.reference_year,
            first_plan_year: choices.first_plan_year,
            plan_end: choices.plan_end,
            columns,
            lines,
            revenue,
            revenue_source: if k.sources.is_empty() && self.revenue.is_some() {
                file_source.clone()
            } else {
                k.revenue_source.clone()
            },
            opening_equity,
            first_plan_opening_equity: k.first_plan_opening.clone(),
            equity_guideline: match &k.guideline {
                Some(g) if g.value == choices.guideline && !k.sources.is_empty() => g.clone(),
                _ => SourcedPercent {
                    value: choices.guideline,
                    source: String::new(),
                },
            },
            unallocated_line: choices.unallocated_line.clone(),
            members: choices.members.clone(),
            teams: choices.teams.clone(),
        };
        // A first-plan-year opening in the file that differs from the
        // reference year's closing is kept as known.
        if data.first_plan_opening_equity.is_none() && choices.reference_year.is_some() {
            if let Some(amount) = from_file(choices.first_plan_year) {
                if amount != data.first_opening_equity() {
                    data.first_plan_opening_equity = Some(sourced(amount));
                }
            }
        }
        let problems = data.problems();
        if problems.is_empty() {
            Ok(data)
        } else {
            let rows = self.lines.iter().map(|l| l.row).collect();
            Err(ApplyError::Invalid {
                dataset: Box::new(data),
                problems,
                rows,
            })
        }
    }
}
