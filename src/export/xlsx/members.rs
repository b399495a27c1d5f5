//! The "Medlemmar" sheet: per member its contribution in the reference year
//! and, per plan year, its contribution, its share of the teams' top-ups,
//! the total and the change from the first plan year. Contributions and
//! top-ups are the engine's values (split by the largest-remainder method,
//! which a formula cannot follow); totals, changes and the sums are formulas.

use super::cells::{computed, header_row, here, kronor_result, number, source_title, Formats};
use super::View;
use crate::core::members::{members_table, MemberFigures};
use crate::export::tables::MEMBER_COLUMNS;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// Writes "Medlemmar"; nothing when the data set has no members.
pub(super) fn members_sheet(
    sheet: &mut Worksheet,
    view: &View<'_>,
    f: &Formats,
) -> Result<(), XlsxError> {
    let Some(table) = members_table(view.data, &view.scenario, &view.projection) else {
        return Ok(());
    };
    sheet.set_name("Medlemmar")?;
    let reference = usize::from(table.totals.reference.is_some()) as u16;
    let mut head = vec!["Medlem".to_owned()];
    if let Some((year, _)) = table.totals.reference {
        head.push(format!("Medel {year}"));
    }
    for y in &table.totals.years {
        head.extend(
            MEMBER_COLUMNS
                .iter()
                .map(|(word, _)| format!("{word} {}", y.year)),
        );
    }
    header_row(sheet, &head, f)?;
    let first_year_col = 1 + reference;
    for (i, m) in table.members.iter().enumerate() {
        member_row(sheet, 1 + i as u32, m, first_year_col, f)?;
    }
    let totals_row = 1 + table.members.len() as u32;
    sum_row(sheet, totals_row, &table.totals, head.len() as u16, f)?;
    let key = view
        .data
        .members
        .as_ref()
        .map(|m| source_title(view.data, &m.key_source))
        .unwrap_or_default();
    let note = format!("Medel och tillskott är värden från simulatorn, fördelade med största-rest-metoden efter fördelningsnyckeln ({key}); totalt, förändring och summor är formler.");
    sheet.write_with_format(totals_row + 2, 0, note, &f.note)?;
    sheet.set_column_width(0, 44)?;
    sheet.set_column_range_width(1, head.len() as u16, 14)?;
    sheet.set_freeze_panes(1, 1)?;
    Ok(())
}

/// A member's row: values for contributions and top-ups, formulas for the
/// totals and the changes from the first plan year.
fn member_row(
    sheet: &mut Worksheet,
    row: u32,
    m: &MemberFigures,
    first_year_col: u16,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.write(row, 0, m.name.as_str())?;
    if let Some((_, value)) = m.reference {
        sheet.write_with_format(row, 1, number(value), &f.kronor)?;
    }
    for (i, y) in m.years.iter().enumerate() {
        let c0 = first_year_col + 4 * i as u16;
        sheet.write_with_format(row, c0, number(y.contribution), &f.kronor)?;
        sheet.write_with_format(row, c0 + 1, number(y.topup), &f.kronor)?;
        total_and_change(sheet, row, c0, first_year_col, y.total, y.change, f)?;
    }
    Ok(())
}

/// `Totalt = Medel + Tillskott`, `Förändring = Totalt − Totalt` of the first plan year.
fn total_and_change(
    sheet: &mut Worksheet,
    row: u32,
    c0: u16,
    first_year_col: u16,
    total: rust_decimal::Decimal,
    change: rust_decimal::Decimal,
    f: &Formats,
) -> Result<(), XlsxError> {
    let formula = format!("={}+{}", here(row, c0), here(row, c0 + 1));
    sheet.write_formula_with_format(
        row,
        c0 + 2,
        computed(formula, kronor_result(total)),
        &f.kronor,
    )?;
    let formula = format!("={}-{}", here(row, c0 + 2), here(row, first_year_col + 2));
    sheet.write_formula_with_format(
        row,
        c0 + 3,
        computed(formula, kronor_result(change)),
        &f.kronor,
    )?;
    Ok(())
}

/// The sums row: every column the sum of the members above.
fn sum_row(
    sheet: &mut Worksheet,
    row: u32,
    totals: &MemberFigures,
    width: u16,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.write_with_format(row, 0, "Summa", &f.bold)?;
    let mut values = Vec::new();
    if let Some((_, v)) = totals.reference {
        values.push(v);
    }
    for y in &totals.years {
        values.extend([y.contribution, y.topup, y.total, y.change]);
    }
    for (col, value) in (1..width).zip(values) {
        let formula = format!("=SUM({}:{})", here(1, col), here(row - 1, col));
        let cell = computed(formula, kronor_result(value));
        sheet.write_formula_with_format(row, col, cell, &f.kronor_bold)?;
    }
    Ok(())
}
