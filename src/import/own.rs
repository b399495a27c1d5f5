//! The simulator's own exports read back.
//!
//! The budget CSV (`export::csv::budget_csv`) is the scenario's table, not
//! the data set: it reads as a budget file (its `Summa …` rows give the
//! categories and are checked, its `varav medlemmarnas tillskott` rows mark
//! the teams, `Medel från huvudmännen` and `Ingående eget kapital` are the
//! revenue and the opening equity), and what comes back of the data set is
//! the reference year's and the first plan year's line amounts, revenue and
//! the opening equity. A team's line shows the förbund's part at the
//! scenario's funding level and its top-up row what the members add, so the
//! two together are the team's full cost: that is what the data set had
//! (a first plan year at 80 % reads back at 100 %). The later years are the
//! scenario's computation and are not suggested for use.
//!
//! The workbook's "Data" sheet (`export::xlsx`) holds the whole data set
//! generically: each column's kind, year, heading and source, every line's
//! id, name, category, team flag, amounts and source, the revenue, the
//! opening equity and the guideline. With the "Källor" sheet's sources and
//! the "Budget" sheet's year headings it reads back as the same data set.

use super::preview::{
    CategoryFrom, FileColumn, FileLine, FileRow, IgnoredWhy, Known, Note, Origin, Preview, Unit,
};
use super::sheet::Workbook;
use super::table::{Cell, ReadError, Table, MAX_ROWS};
use super::words;
use crate::core::dataset::{ColumnKind, Source, SourcedAmount, SourcedPercent};
use crate::core::horizon::Year;
use crate::core::validate::MAX_LINES;
use rust_decimal::Decimal;

/// Marks a preview of the simulator's own budget CSV as such: its line ids
/// lose their `line-` stem, lines without a top-up row are no teams, and the
/// years are suggested as the table had them (the first heading with a kind
/// is the reference year, the first plain year the first plan year, later
/// years are the scenario's and not used).
pub fn recognise_csv(preview: &mut Preview, topups: &[(usize, Vec<Option<Decimal>>)]) {
    let own = preview.lines.iter().all(|l| l.id.starts_with("line-"));
    if !own {
        return;
    }
    preview.origin = Origin::OwnCsv;
    // The simulator writes costs as positive numbers.
    preview.negative_costs = false;
    for line in &mut preview.lines {
        line.id = line.id["line-".len()..].to_owned();
        line.team.get_or_insert(false);
    }
    for (index, figures) in topups {
        let line = &mut preview.lines[*index];
        for (amount, topup) in line.amounts.iter_mut().zip(figures) {
            *amount += topup.unwrap_or_default();
        }
    }
    let reference = preview.columns.first().filter(|c| c.kind.is_some());
    preview.known.reference_year = reference.map(|c| c.year);
    let plain: Vec<&FileColumn> = preview
        .columns
        .iter()
        .filter(|c| c.kind.is_none())
        .collect();
    preview.known.first_plan_year = plain.first().map(|c| c.year);
    preview.known.plan_end = plain.last().map(|c| c.year);
    let later: Vec<String> = plain.iter().skip(1).map(|c| c.heading.clone()).collect();
    preview.notes.push(Note::OwnCsv);
    for heading in later {
        preview.notes.push(Note::IgnoredColumn {
            heading,
            why: IgnoredWhy::Scenario,
        });
    }
}

/// The "Data" sheet's layout: id, name, category, team, then the figures.
const FIRST_FIGURE: usize = 4;
/// The first line's row (rows 1–3 give each column's kind, year, source).
const FIRST_LINE: usize = 4;

/// Whether the workbook is the simulator's own (its "Data" sheet).
pub fn is_own_workbook(book: &mut Workbook<'_>) -> bool {
    if !book.names().iter().any(|n| n == "Data") {
        return false;
    }
    let Ok(head) = book.sheet("Data", 2) else {
        return false;
    };
    let texts: Vec<String> = (0..4).map(|c| head.cell(0, c).text()).collect();
    texts == ["Id", "Rad", "Kategori", "Team"] && head.cell(1, 1).text() == "Slag"
}

fn kind(word: &str) -> Option<ColumnKind> {
    Some(match word {
        "budget" => ColumnKind::Budget,
        "utfall" => ColumnKind::Outcome,
        "prognos" => ColumnKind::Prognosis,
        "utfall hittills" => ColumnKind::OutcomeToDate,
        "utblick" => ColumnKind::Outlook,
        _ => return None,
    })
}

fn number(cell: &Cell) -> Option<Decimal> {
    match cell {
        Cell::Number(n) => Some(n.normalize()),
        _ => None,
    }
}

fn year(cell: &Cell) -> Option<Year> {
    number(cell).and_then(|n| n.to_string().parse().ok())
}

/// The sources of "Källor": id, title, issuer, date, what is used.
fn sources(table: &Table) -> Vec<Source> {
    (1..table.rows.len())
        .filter(|&r| !table.cell(r, 0).is_empty())
        .map(|r| Source {
            id: table.cell(r, 0).text(),
            title: table.cell(r, 1).text(),
            issuer: table.cell(r, 2).text(),
            date: table.cell(r, 3).text(),
            note: table.cell(r, 4).text(),
        })
        .collect()
}

/// A source's id by the title the sheet shows (the id itself when no
/// source has that title: the workbook writes an unknown id as it is).
fn source_id(sources: &[Source], title: &str) -> String {
    sources
        .iter()
        .find(|s| s.title == title)
        .map_or_else(|| title.to_owned(), |s| s.id.clone())
}

/// A sourced amount's "title note" text split back into source and note.
fn sourced(sources: &[Source], amount: Decimal, text: &str) -> SourcedAmount {
    let found = sources
        .iter()
        .filter(|s| !s.title.is_empty())
        .filter(|s| text == s.title || text.starts_with(&format!("{} ", s.title)))
        .max_by_key(|s| s.title.len());
    let (source, note) = match found {
        Some(s) => (s.id.clone(), text[s.title.len()..].trim().to_owned()),
        None => (String::new(), text.to_owned()),
    };
    SourcedAmount {
        amount,
        source,
        note,
    }
}

/// The years the "Budget" sheet's headings give: the reference year
/// (`Budget 2024`), the first plan year and the last (`2025 (prognos)`).
fn budget_years(table: &Table, known: &mut Known) {
    let headings: Vec<String> = table
        .rows
        .first()
        .map_or(Vec::new(), |r| r.iter().skip(1).map(Cell::text).collect());
    let mut plan = Vec::new();
    for h in &headings {
        let year: Option<Year> = h.get(..4).and_then(|y| y.parse().ok());
        match (year, words::heading(h)) {
            (Some(y), _) => plan.push(y),
            (None, words::Heading::Figure { year, .. }) => known.reference_year = Some(year),
            _ => {}
        }
    }
    known.first_plan_year = plan.first().copied();
    known.plan_end = plan.last().copied();
}

/// Reads the simulator's own workbook into a preview.
pub fn workbook_preview(book: &mut Workbook<'_>) -> Result<Preview, ReadError> {
    let data = book.sheet("Data", MAX_ROWS)?;
    let mut known = Known::default();
    if book.names().iter().any(|n| n == "Källor") {
        known.sources = sources(&book.sheet("Källor", MAX_ROWS)?);
    }
    if book.names().iter().any(|n| n == "Budget") {
        budget_years(&book.sheet("Budget", 1)?, &mut known);
    }
    let source_col = (FIRST_FIGURE..data.rows[0].len())
        .find(|&c| data.cell(0, c).text() == "Källa")
        .unwrap_or(data.rows[0].len());
    let mut columns = Vec::new();
    for c in FIRST_FIGURE..source_col {
        let (Some(kind), Some(year)) = (kind(&data.cell(1, c).text()), year(data.cell(2, c)))
        else {
            return Err(ReadError::NoFigureColumns);
        };
        let heading = data.cell(0, c).text();
        let label = (heading != words::canonical(kind, year)).then(|| heading.clone());
        columns.push(FileColumn {
            cell: c,
            heading,
            kind: Some(kind),
            year,
            label,
        });
        known
            .column_sources
            .push(source_id(&known.sources, &data.cell(3, c).text()));
    }
    let mut lines = Vec::new();
    let mut r = FIRST_LINE;
    while r < data.rows.len() && !(data.cell(r, 0).is_empty() && data.cell(r, 1).is_empty()) {
        if lines.len() == MAX_LINES {
            return Err(ReadError::TooManyLines {
                found: MAX_LINES + 1,
                limit: MAX_LINES,
            });
        }
        lines.push(FileLine {
            row: r + 1,
            id: data.cell(r, 0).text(),
            name: data.cell(r, 1).text(),
            category: words::category(&data.cell(r, 2).text()),
            category_from: Some(CategoryFrom::Column),
            category_text: None,
            team: Some(data.cell(r, 3).text() == "ja"),
            amounts: columns
                .iter()
                .map(|c| number(data.cell(r, c.cell)).unwrap_or_default())
                .collect(),
            source: data.cell(r, source_col).text(),
        });
        r += 1;
    }
    if lines.is_empty() {
        return Err(ReadError::NoLines);
    }
    let mut revenue = None;
    for r in r..data.rows.len() {
        let label = data.cell(r, 1).text();
        let text = data.cell(r, source_col).text();
        let first = number(data.cell(r, FIRST_FIGURE));
        if label == "Medel från huvudmännen" {
            let figures = columns
                .iter()
                .map(|c| number(data.cell(r, c.cell)))
                .collect();
            revenue = Some(FileRow {
                row: r + 1,
                figures,
            });
            known.revenue_source = text;
        } else if label.starts_with("Ingående eget kapital") && label.ends_with("(känt)") {
            known.first_plan_opening = first.map(|a| sourced(&known.sources, a, &text));
        } else if label.starts_with("Ingående eget kapital") {
            known.opening = first.map(|a| sourced(&known.sources, a, &text));
        } else if label.starts_with("Riktvärde") {
            known.guideline = first.map(|fraction| SourcedPercent {
                value: (fraction * Decimal::ONE_HUNDRED).normalize(),
                source: source_id(&known.sources, &text),
            });
        }
    }
    Ok(Preview {
        origin: Origin::OwnWorkbook,
        columns,
        lines,
        revenue,
        opening: None,
        sums: Vec::new(),
        skipped: Vec::new(),
        problems: Vec::new(),
        notes: Vec::new(),
        unit: Unit::Kr,
        unit_because: None,
        negative_costs: false,
        known,
    })
}
