//! The "Jämförelse" sheet: per year of the common period, each compared
//! scenario's result, closing equity, the teams' top-ups, the individ share
//! and the level for a zero result, as formulas over its own "Budget k"
//! sheet, with each kronor figure's difference from the base (the first).

use super::budget::Place;
use super::cells::{at, computed, fraction, here, kronor_result, sum, Formats, NOT_REACHABLE};
use super::{Column, View};
use crate::core::engine::{Balancing, YearOutcome};
use crate::export::table::{Meaning, ShareKind};
use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// A row of each year's block.
struct Figure {
    label: &'static str,
    kronor: bool,
}

const FIGURES: [Figure; 5] = [
    Figure {
        label: "Resultat",
        kronor: true,
    },
    Figure {
        label: "Utgående eget kapital",
        kronor: true,
    },
    Figure {
        label: "Medlemmarnas tillskott till teamen",
        kronor: true,
    },
    Figure {
        label: "Andel individinsatser",
        kronor: false,
    },
    Figure {
        label: "Finansieringsnivå som ger resultat 0",
        kronor: false,
    },
];

/// The `k`-th figure's formula on a Budget sheet's column, and the engine's value.
fn figure(
    view: &View<'_>,
    place: &Place,
    k: usize,
    col: u16,
    year: &YearOutcome,
) -> (String, String) {
    let cell = |m: Meaning| at(&view.names.budget, place.row(m), col);
    match k {
        0 => (cell(Meaning::Result), kronor_result(year.result)),
        1 => (cell(Meaning::Closing), kronor_result(year.closing)),
        2 => {
            let teams = view.data.lines.iter().enumerate().filter(|(_, l)| l.team);
            let topups: Vec<String> = teams.map(|(i, _)| cell(Meaning::Topup(i))).collect();
            (sum(&topups), kronor_result(year.topup_total))
        }
        3 => (
            cell(Meaning::Share(ShareKind::Individ)),
            year.share_individ.map(fraction).unwrap_or_default(),
        ),
        _ => (
            cell(Meaning::Balancing),
            match year.balancing {
                Balancing::Reachable(v) => fraction(v),
                Balancing::NotReachable => NOT_REACHABLE.to_owned(),
            },
        ),
    }
}

/// The kronor value of figure `k` (0–2) in a year, for the differences.
fn kronor(k: usize, year: &YearOutcome) -> Decimal {
    match k {
        0 => year.result,
        1 => year.closing,
        _ => year.topup_total,
    }
}

/// Writes "Jämförelse" for the compared scenarios (the base first), each
/// already over the common period.
pub(super) fn comparison_sheet(
    sheet: &mut Worksheet,
    views: &[View<'_>],
    labels: &[&str],
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name("Jämförelse")?;
    let places = head_row(sheet, labels, f)?;
    let budget_places: Vec<Place> = views.iter().map(Place::new).collect();
    let mut row = 1u32;
    for (i, y) in views[0].plan.years.iter().enumerate() {
        sheet.write_with_format(row, 0, y.year, &f.bold)?;
        row += 1;
        for k in 0..FIGURES.len() {
            figure_row(sheet, views, &budget_places, &places, (row, i, k), f)?;
            row += 1;
        }
    }
    let note = "Varje scenario räknas på sina egna blad (Antaganden k, Budget k, Beräkning k) över den gemensamma perioden; ett kortare scenario förlängs med sitt sista års val.";
    sheet.write_with_format(row + 1, 0, note, &f.note)?;
    let last = places.last().map_or(1, |c| c + 1);
    sheet.set_column_width(0, 40)?;
    sheet.set_column_range_width(1, last, 18)?;
    sheet.set_freeze_panes(1, 1)?;
    Ok(())
}

/// The headings: each scenario's column, and after every one but the
/// base its difference from the base. Returns the scenarios' columns.
fn head_row(sheet: &mut Worksheet, labels: &[&str], f: &Formats) -> Result<Vec<u16>, XlsxError> {
    sheet.write_with_format(0, 0, "Per år", &f.header)?;
    let mut places = Vec::new();
    let mut col = 1u16;
    for (k, label) in labels.iter().enumerate() {
        sheet.write_with_format(0, col, format!("{}. {label}", k + 1), &f.header)?;
        places.push(col);
        col += 1;
        if k > 0 {
            sheet.write_with_format(0, col, "Skillnad mot basen", &f.header)?;
            col += 1;
        }
    }
    Ok(places)
}

/// Figure `k` of plan year `i` on sheet row `row`: per scenario a formula
/// over its Budget sheet and, for a kronor figure, its difference from the base.
fn figure_row(
    sheet: &mut Worksheet,
    views: &[View<'_>],
    budget_places: &[Place],
    places: &[u16],
    (row, i, k): (u32, usize, usize),
    f: &Formats,
) -> Result<(), XlsxError> {
    let fig = &FIGURES[k];
    sheet.write(row, 0, fig.label)?;
    let format = if fig.kronor { &f.kronor } else { &f.percent };
    let base = &views[0].projection.years[i];
    for (s, view) in views.iter().enumerate() {
        let year = &view.projection.years[i];
        let budget_col = view.col(Column::Plan(i));
        let (text, result) = figure(view, &budget_places[s], k, budget_col, year);
        let cell = computed(format!("={text}"), result);
        sheet.write_formula_with_format(row, places[s], cell, format)?;
        if s > 0 && fig.kronor {
            let difference = format!("={}-{}", here(row, places[s]), here(row, places[0]));
            let value = kronor_result(kronor(k, year) - kronor(k, base));
            let cell = computed(difference, value);
            sheet.write_formula_with_format(row, places[s] + 1, cell, &f.kronor)?;
        }
    }
    Ok(())
}
