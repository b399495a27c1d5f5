//! Reads a budget file's table into a [`Preview`]: finds the header row (the
//! first with a `Rad` cell; rows above it are titles), recognises the
//! columns, and reads each row below as a line, the revenue, the opening
//! equity, a sum, a heading, a derived row or an empty row.
//!
//! Categories come from the `Kategori` column, else from the heading row
//! above a line (`Individinsatser`), else from the sum row that closes its
//! group (`Summa individinsatser`); the rest are asked. A sum row is checked
//! against the lines since the previous heading or sum row; a sum with none
//! of its own, or a total (`Summa`, `SUMMA`, `Totalt`), is also tried
//! against the groups before it together, all lines, and all lines with the
//! revenue (an interim report's net `SUMMA`, costs negative). Only when no
//! reading adds up is a difference reported, never applied.

use super::preview::{
    CategoryFrom, FileColumn, FileLine, FileProblem, FileRow, IgnoredWhy, Known, Note, Origin,
    Preview, SkipReason, Skipped, SumRow, Unit,
};
use super::sums;
use super::table::{Cell, Encoding, ReadAs, ReadError, Table};
use super::words::{self, Heading, SumOf};
use crate::core::dataset::SourcedPercent;
use crate::core::validate::MAX_LINES;
use rust_decimal::Decimal;
use std::ops::Range;

/// The columns the header row names.
#[derive(Default)]
struct Layout {
    name: usize,
    id: Option<usize>,
    category: Option<usize>,
    team: Option<usize>,
}

/// The state while the rows are read.
struct Reader<'a> {
    table: &'a Table,
    columns: Vec<FileColumn>,
    layout: Layout,
    preview: Preview,
    /// Ids given in the file (kept as they are; made ids avoid them).
    given_ids: Vec<String>,
    heading_category: Option<crate::core::dataset::Category>,
    group_start: usize,
    groups: Vec<Range<usize>>,
    /// The index of the last line and the row it was on.
    last_line_row: Option<usize>,
    /// The members' top-up rows under team lines: the line's index and the
    /// row's figures (added back to the line if the file is the simulator's).
    topups: Vec<(usize, Vec<Option<Decimal>>)>,
}

impl Reader<'_> {
    /// A row's figures (`None` for an empty cell or a dash).
    fn figures(&mut self, r: usize) -> Vec<Option<Decimal>> {
        let mut out = Vec::new();
        for c in 0..self.columns.len() {
            let cell = self.table.cell(r, self.columns[c].cell);
            match words::figure(cell) {
                Ok(v) => out.push(v),
                Err(text) => {
                    self.preview.problems.push(FileProblem::NotANumber {
                        row: r + 1,
                        column: self.columns[c].heading.clone(),
                        text,
                    });
                    out.push(None);
                }
            }
        }
        out
    }

    fn close_group(&mut self) {
        let end = self.preview.lines.len();
        if end > self.group_start {
            self.groups.push(self.group_start..end);
        }
        self.group_start = end;
    }

    fn sum_row(&mut self, r: usize, label: &str, of: SumOf) {
        let figures = self.figures(r);
        let end = self.preview.lines.len();
        let check = sums::Check {
            lines: &self.preview.lines,
            group: self.group_start..end,
            groups: &self.groups,
            revenue: self.preview.revenue.as_ref(),
        };
        let differences = check.differences(of, &figures);
        for &(c, stated, computed) in &differences {
            self.preview.notes.push(Note::SumDifference {
                row: r + 1,
                label: label.to_owned(),
                column: self.columns[c].heading.clone(),
                stated,
                computed,
            });
        }
        let ok = differences.is_empty();
        // A sum row that names a category gives it to its group's lines.
        if let SumOf::Category(category) = of {
            for line in &mut self.preview.lines[self.group_start..end] {
                if line.category.is_none() {
                    line.category = Some(category);
                    line.category_from = Some(CategoryFrom::SumRow);
                }
            }
        }
        self.preview.sums.push(SumRow {
            row: r + 1,
            label: label.to_owned(),
            of,
            figures,
            adds_up: ok,
        });
        self.preview.skipped.push(Skipped {
            row: r + 1,
            text: label.to_owned(),
            why: SkipReason::Sum,
        });
        self.close_group();
    }

    fn special_row(&mut self, r: usize, name: &str, revenue: bool) {
        let figures = self.figures(r);
        let slot = if revenue {
            &mut self.preview.revenue
        } else {
            &mut self.preview.opening
        };
        match slot {
            Some(first) => self.preview.problems.push(FileProblem::Twice {
                row: r + 1,
                first: first.row,
                name: name.to_owned(),
            }),
            None => {
                *slot = Some(FileRow {
                    row: r + 1,
                    figures,
                })
            }
        }
    }

    fn line(&mut self, r: usize, name: &str) {
        let figures = self.figures(r);
        let amounts = figures.into_iter().map(Option::unwrap_or_default).collect();
        let given = self
            .layout
            .id
            .map(|c| self.table.cell(r, c).text())
            .unwrap_or_default();
        let given = given.trim();
        let id = if given.is_empty() {
            let taken = |id: &str| {
                self.given_ids.iter().any(|g| g == id)
                    || self.preview.lines.iter().any(|l| l.id == id)
            };
            words::unique_id(&words::make_id(name, '_'), '_', &taken)
        } else if words::is_id(given) {
            given.to_owned()
        } else {
            let made = words::make_id(given, '_');
            self.preview.notes.push(Note::IdCleaned {
                row: r + 1,
                given: given.to_owned(),
                made: made.clone(),
            });
            made
        };
        let written = self
            .layout
            .category
            .map(|c| self.table.cell(r, c).text())
            .unwrap_or_default();
        let (mut category, mut category_from, mut category_text) = (None, None, None);
        if !written.trim().is_empty() {
            category = words::category(&written);
            if category.is_some() {
                category_from = Some(CategoryFrom::Column);
            } else {
                category_text = Some(written.trim().to_owned());
            }
        } else if let Some(heading) = self.heading_category {
            category = Some(heading);
            category_from = Some(CategoryFrom::Heading);
        }
        let team_text = self
            .layout
            .team
            .map(|c| self.table.cell(r, c).text())
            .unwrap_or_default();
        let team = words::team_flag(&team_text).unwrap_or_else(|| {
            self.preview.problems.push(FileProblem::BadTeam {
                row: r + 1,
                text: team_text.trim().to_owned(),
            });
            None
        });
        self.preview.lines.push(FileLine {
            row: r + 1,
            id,
            name: name.to_owned(),
            category,
            category_from,
            category_text,
            team,
            amounts,
            source: String::new(),
        });
        self.last_line_row = Some(r);
    }

    fn row(&mut self, r: usize) {
        let table = self.table;
        let cells = &table.rows[r];
        let no_figures = self
            .columns
            .iter()
            .all(|c| table.cell(r, c.cell).is_empty());
        let mut name = table.cell(r, self.layout.name).text();
        // A heading may stand in another column (an interim report puts
        // `INTÄKTER` under `ID`): a row without figures is named by its text.
        if name.trim().is_empty() && no_figures {
            let text = cells.iter().find(|c| !c.is_empty());
            name = text.map(Cell::text).unwrap_or_default();
        }
        let name = name.trim();
        let skip = |me: &mut Self, why| {
            me.preview.skipped.push(Skipped {
                row: r + 1,
                text: name.to_owned(),
                why,
            })
        };
        if cells.iter().all(Cell::is_empty) || (name.is_empty() && no_figures) {
            return skip(self, SkipReason::Empty);
        }
        if name.is_empty() {
            return self
                .preview
                .problems
                .push(FileProblem::NoName { row: r + 1 });
        }
        if words::is_revenue(name) || words::is_opening(name) {
            return self.special_row(r, name, words::is_revenue(name));
        }
        if let Some(of) = words::sum_row(name) {
            return self.sum_row(r, name, of);
        }
        if words::is_derived(name) {
            if let Some(value) = words::guideline_percent(name) {
                self.preview.known.guideline = Some(SourcedPercent {
                    value,
                    source: String::new(),
                });
            }
            // The simulator's members' top-up follows its team line.
            let follows = self.last_line_row.is_some_and(|l| l + 1 == r);
            if words::is_members_topup(name) && follows && !self.preview.lines.is_empty() {
                let figures = self.figures(r);
                self.topups.push((self.preview.lines.len() - 1, figures));
                if self.layout.team.is_none() {
                    if let Some(line) = self.preview.lines.last_mut() {
                        line.team = Some(true);
                    }
                }
            }
            return skip(self, SkipReason::Derived);
        }
        if no_figures {
            self.close_group();
            self.heading_category = words::category(name);
            return skip(self, SkipReason::Heading);
        }
        self.line(r, name);
    }
}

/// Reads a budget file's table into a preview.
pub fn preview(table: &Table) -> Result<Preview, ReadError> {
    let is_name = |c: &Cell| words::heading(&c.text()) == Heading::Name;
    let header = table
        .rows
        .iter()
        .take(30)
        .position(|r| r.iter().any(is_name))
        .ok_or(ReadError::NoNameColumn)?;
    let mut layout = Layout::default();
    let mut columns = Vec::new();
    let mut notes = Vec::new();
    let mut unit_because = None;
    for row in &table.rows[..header] {
        for cell in row {
            if unit_because.is_none() && words::says_tkr(&cell.text()) {
                unit_because = Some(cell.text());
            }
        }
    }
    let mut named = false;
    for (c, cell) in table.rows[header].iter().enumerate() {
        let text = cell.text();
        if unit_because.is_none() && words::says_tkr(&text) {
            unit_because = Some(text.clone());
        }
        match words::heading(&text) {
            Heading::Name if !named => {
                layout.name = c;
                named = true;
            }
            Heading::Id if layout.id.is_none() => layout.id = Some(c),
            Heading::Category if layout.category.is_none() => layout.category = Some(c),
            Heading::Team if layout.team.is_none() => layout.team = Some(c),
            Heading::Figure { kind, year, label } => columns.push(FileColumn {
                cell: c,
                heading: text.trim().to_owned(),
                kind,
                year,
                label,
            }),
            Heading::Derived => notes.push(Note::IgnoredColumn {
                heading: text,
                why: IgnoredWhy::Derived,
            }),
            _ if text.trim().is_empty() => {}
            _ => notes.push(Note::IgnoredColumn {
                heading: text,
                why: IgnoredWhy::Unknown,
            }),
        }
    }
    if columns.is_empty() {
        return Err(ReadError::NoFigureColumns);
    }
    if let ReadAs::Csv {
        encoding: encoding @ (Encoding::Windows1252 | Encoding::Utf16),
        ..
    } = table.read_as
    {
        notes.insert(0, Note::Encoding(encoding));
    }
    let given_ids = layout
        .id
        .map(|c| {
            (header + 1..table.rows.len())
                .map(|r| table.cell(r, c).text())
                .collect()
        })
        .unwrap_or_default();
    let mut reader = Reader {
        table,
        columns,
        layout,
        preview: Preview {
            origin: Origin::BudgetFile,
            columns: Vec::new(),
            lines: Vec::new(),
            revenue: None,
            opening: None,
            sums: Vec::new(),
            skipped: Vec::new(),
            problems: Vec::new(),
            notes,
            unit: if unit_because.is_some() {
                Unit::Tkr
            } else {
                Unit::Kr
            },
            unit_because,
            negative_costs: false,
            known: Known::default(),
        },
        given_ids,
        heading_category: None,
        group_start: 0,
        groups: Vec::new(),
        last_line_row: None,
        topups: Vec::new(),
    };
    for r in header + 1..table.rows.len() {
        reader.row(r);
        if reader.preview.lines.len() > MAX_LINES {
            let found = reader.preview.lines.len();
            return Err(ReadError::TooManyLines {
                found,
                limit: MAX_LINES,
            });
        }
    }
    let topups = reader.topups;
    let mut preview = reader.preview;
    preview.columns = reader.columns;
    if preview.lines.is_empty() {
        return Err(ReadError::NoLines);
    }
    preview.negative_costs = sums::negative_costs(&preview);
    super::own::recognise_csv(&mut preview, &topups);
    Ok(preview)
}
