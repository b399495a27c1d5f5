//! The sheet "Uppföljning": the interim report's follow-up of the first plan
//! year (`export::followup`) with the data set's budget, outcome to date and
//! prognosis as values and the deviation as a formula (prognosis − budget),
//! so a treasurer who corrects a prognosis sees the deviation follow.

use super::cells::{computed, header_row, here, kronor_result, number, Formats};
use crate::export::followup::FollowUp;
use crate::export::table::RowKind;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// Writes the sheet.
pub(super) fn follow_up_sheet(
    sheet: &mut Worksheet,
    f: &FollowUp,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name("Uppföljning")?;
    let mut titles = vec!["Rad".to_owned(), "Id".to_owned()];
    titles.extend(f.titles.iter().cloned());
    header_row(sheet, &titles, formats)?;
    sheet.set_column_width(0, 48)?;
    sheet.set_column_width(1, 22)?;
    for c in 2..6 {
        sheet.set_column_width(c, 18)?;
    }
    let mut row = 1;
    for r in &f.rows {
        let strong = matches!(r.kind, RowKind::StrongTotal | RowKind::Heading);
        let format = if strong {
            &formats.kronor_bold
        } else {
            &formats.kronor
        };
        if r.kind == RowKind::Heading {
            sheet.write_with_format(row, 0, r.label.as_str(), &formats.bold)?;
            row += 1;
            continue;
        }
        sheet.write(row, 0, r.label.as_str())?;
        sheet.write(row, 1, r.key.as_str())?;
        for (c, value) in r.figures[..3].iter().enumerate() {
            sheet.write_with_format(row, 2 + c as u16, number(*value), format)?;
        }
        let deviation = format!("={}-{}", here(row, 4), here(row, 2));
        sheet.write_formula_with_format(
            row,
            5,
            computed(deviation, kronor_result(r.figures[3])),
            format,
        )?;
        row += 1;
    }
    sheet.write_with_format(
        row + 1,
        0,
        "Dataunderlagets egna siffror för första planåret, som i delårsrapporten. Avvikelse = prognos − budget.",
        &formats.note,
    )?;
    Ok(())
}
