//! The CSV files, for Swedish Excel opened with a double-click: UTF-8 with a
//! byte-order mark, `;` between fields, decimal comma, kronor as plain
//! integers, one header row. Written with the `csv` crate from the same
//! table model as the page ([`crate::export::table`]), so every row carries
//! the page's hook name in its `Id` column.

use crate::core::members::MembersTable;
use crate::core::money::{kr, percent_one_decimal};
use crate::core::Balancing;
use crate::export::format::ascii_letter;
use crate::export::table::{BudgetTable, Figure, RowKind};
use crate::export::tables::MEMBER_COLUMNS;
use rust_decimal::Decimal;

/// The byte-order mark that makes Excel read the file as UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A figure as a CSV field: whole kronor as a plain integer, shares with one
/// decimal and a decimal comma, empty when undefined.
pub fn figure_field(figure: Figure) -> String {
    let one_decimal = |v: Decimal| percent_one_decimal(v).to_string().replace('.', ",");
    match figure {
        Figure::Kronor(v) | Figure::Topup { amount: v, .. } => kr(v).to_string(),
        Figure::Percent(Some(v)) | Figure::Level(Balancing::Reachable(v)) => one_decimal(v),
        Figure::Percent(None) | Figure::Level(Balancing::NotReachable) | Figure::Blank => {
            String::new()
        }
    }
}

fn write_csv(header: &[String], records: &[Vec<String>]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    // Writing to memory cannot fail.
    writer.write_record(header).expect("writing to memory");
    for record in records {
        writer.write_record(record).expect("writing to memory");
    }
    writer.into_inner().expect("writing to memory")
}

/// The budget table as CSV: `Rad;Id;Budget 2024;2025;…`, one record per row
/// with figures (group headings left out).
pub fn budget_csv(table: &BudgetTable) -> Vec<u8> {
    let mut header = vec!["Rad".to_owned(), "Id".to_owned()];
    header.extend(table.columns.iter().map(|c| c.title.clone()));
    let records: Vec<Vec<String>> = table
        .rows
        .iter()
        .filter(|r| r.spec.kind != RowKind::Heading)
        .map(|r| {
            let mut record = vec![r.spec.full_label(), r.spec.key.clone()];
            record.extend(r.figures.iter().map(|f| figure_field(*f)));
            record
        })
        .collect();
    write_csv(&header, &records)
}

/// The follow-up of an interim report as CSV (`Rad;Id;Budget …;Utfall
/// …;Prognos …;Avvikelse …`), the same rows as the page.
pub fn follow_up_csv(f: &crate::export::followup::FollowUp) -> Vec<u8> {
    let (header, records) = crate::export::followup::follow_up_records(f);
    write_csv(&header, &records)
}

/// The members' table as CSV: per member its reference-year contribution
/// and, per plan year, contribution, top-up, total and change from the first
/// plan year.
pub fn members_csv(table: &MembersTable) -> Vec<u8> {
    let mut header = vec!["Medlem".to_owned(), "Id".to_owned()];
    if let Some((year, _)) = table.totals.reference {
        header.push(format!("Medel {year}"));
    }
    for y in &table.totals.years {
        for (what, _) in MEMBER_COLUMNS {
            header.push(format!("{what} {}", y.year));
        }
    }
    let records: Vec<Vec<String>> = table
        .members
        .iter()
        .chain(std::iter::once(&table.totals))
        .map(|m| {
            let name = if m.id == "total" {
                "Summa".to_owned()
            } else {
                m.name.clone()
            };
            let mut record = vec![name, m.id.clone()];
            if let Some((_, value)) = m.reference {
                record.push(value.to_string());
            }
            for y in &m.years {
                for v in [y.contribution, y.topup, y.total, y.change] {
                    record.push(v.to_string());
                }
            }
            record
        })
        .collect();
    write_csv(&header, &records)
}

/// The part of a file name after `budgetsimulatorn-`: what the scenario is
/// called (its saved name, else its one-line summary) in lower case, å, ä
/// and ö as a, a and o (a name that survives every mail program and file
/// system), anything but letters and digits as `-`, at most 60 characters
/// cut between words (never after a word such as "till" that asks for
/// more), and the date, so two variants of one day never get the same name.
pub fn file_stem(name: &str, date: &str) -> String {
    let plain: String = name
        .to_lowercase()
        .chars()
        .map(|c| ascii_letter(c).unwrap_or('-'))
        .collect();
    let mut words: Vec<&str> = plain.split('-').filter(|w| !w.is_empty()).collect();
    // ASCII by now, so bytes are characters.
    while words.join("-").len() > 60 {
        words.pop();
    }
    while words
        .last()
        .is_some_and(|w| ["till", "och", "fran", "mot", "i", "med"].contains(w))
    {
        words.pop();
    }
    if words.is_empty() {
        date.to_owned()
    } else {
        format!("{}-{date}", words.join("-"))
    }
}
