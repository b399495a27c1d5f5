//! The "Antaganden" sheet: every input of the scenario as a yellow cell per
//! plan year (funding level, each team's own level, the individ share,
//! revenue, cost growth of the indexed years) or once (basis, opening
//! equity, guideline), each with where its default comes from, and the
//! board's reasons. The values are the plan's (`core::plan`), so a year
//! after the data set's plan end shows what it carries from the year before.
//! Revenue the data set fixes is shown grey, as a formula over "Data".

use super::cells::{at, fixed, fraction_number, header_row, number, source_title, Formats};
use super::data::DataCells;
use super::View;
use crate::core::dataset::Dataset;
use crate::core::horizon::Year;
use crate::core::plan::YearPlan;
use crate::core::scenario::{fixed_revenue, Basis};
use crate::export::format::column_title;
use crate::export::words::years_text;
use rust_decimal::Decimal;
use rust_xlsxwriter::{DataValidation, Worksheet, XlsxError};

/// Where a scenario's inputs are on its "Antaganden" (zero-based rows; plan
/// year i in column 1 + i, the single inputs in column B).
pub(super) struct Inputs {
    pub sheet: String,
    pub funding: u32,
    /// Per team line (by line index), the row of its own level.
    own: Vec<(usize, u32)>,
    pub individ_share: u32,
    pub revenue: u32,
    pub growth: u32,
    /// Only when the data set has a prognosis column.
    pub basis: Option<u32>,
    pub opening: u32,
    pub guideline: u32,
}

impl Inputs {
    /// A per-year input's cell in plan year `i`.
    pub fn year(&self, row: u32, i: usize) -> String {
        at(&self.sheet, row, 1 + i as u16)
    }

    /// A single input's cell (absolute: every year's formula refers to it).
    pub fn single(&self, row: u32) -> String {
        fixed(&self.sheet, row, 1)
    }

    /// A team line's own level in plan year `i`.
    pub fn own(&self, line: usize, i: usize) -> String {
        let row = self
            .own
            .iter()
            .find(|(l, _)| *l == line)
            .map(|(_, r)| *r)
            .expect("every team line has an own-level row");
        self.year(row, i)
    }
}

/// What the rows are written with.
struct Writer<'s, 'v> {
    sheet: &'s mut Worksheet,
    view: &'v View<'v>,
    f: &'v Formats,
    /// The column of the default's source, after the years.
    source_col: u16,
}

impl Writer<'_, '_> {
    fn label(&mut self, row: u32, label: &str, source: &str) -> Result<(), XlsxError> {
        self.sheet.write(row, 0, label)?;
        if !source.is_empty() {
            self.sheet.write(row, self.source_col, source)?;
        }
        Ok(())
    }

    /// One yellow percentage per plan year, blank where `value` gives none.
    fn percent_years(
        &mut self,
        row: u32,
        value: impl Fn(&YearPlan) -> Option<Decimal>,
    ) -> Result<(), XlsxError> {
        for (i, y) in self.view.plan.years.iter().enumerate() {
            let col = 1 + i as u16;
            match value(y) {
                Some(v) => self.sheet.write_with_format(
                    row,
                    col,
                    fraction_number(v),
                    &self.f.input_percent,
                )?,
                None => self.sheet.write_blank(row, col, &self.f.input_percent)?,
            };
        }
        Ok(())
    }
}

/// Writes "Antaganden" (or "Antaganden k"); returns where the inputs are.
pub(super) fn assumptions_sheet(
    sheet: &mut Worksheet,
    view: &View<'_>,
    motivation: &str,
    data_cells: &DataCells,
    f: &Formats,
) -> Result<Inputs, XlsxError> {
    sheet.set_name(&view.names.assumptions)?;
    let years = view.plan.years.len() as u16;
    head_row(sheet, view, f)?;
    let mut w = Writer {
        sheet,
        view,
        f,
        source_col: 1 + years,
    };
    let (own, individ_share) = level_rows(&mut w, FUNDING)?;
    let revenue = individ_share + 1;
    let growth = revenue + 1;
    let basis = view.data.prognosis_column().map(|_| growth + 1);
    revenue_row(&mut w, revenue, basis, data_cells)?;
    growth_row(&mut w, growth)?;
    if let Some(row) = basis {
        basis_input(&mut w, row)?;
    }
    let opening = basis.unwrap_or(growth) + 1;
    let guideline = opening + 1;
    single_inputs(&mut w, opening, guideline)?;
    let end = notes(&mut w, guideline + 2)?;
    if !motivation.trim().is_empty() {
        motivation_row(&mut w, end + 2, motivation.trim())?;
    }
    sheet_layout(w.sheet, years)?;
    Ok(Inputs {
        sheet: view.names.assumptions.clone(),
        funding: FUNDING,
        own,
        individ_share,
        revenue,
        growth,
        basis,
        opening,
        guideline,
    })
}

/// The funding level's row: the second, so `C2` is the second plan year's
/// level (as the browser tests and a treasurer's habits expect).
const FUNDING: u32 = 1;

/// The headings: the plan years (as numbers: Excel flags numbers stored as
/// text) and the source column.
fn head_row(sheet: &mut Worksheet, view: &View<'_>, f: &Formats) -> Result<(), XlsxError> {
    let mut head = vec!["Antagande".to_owned()];
    head.extend(view.plan.years.iter().map(|_| String::new()));
    head.push("Källa för standardvärdet".to_owned());
    header_row(sheet, &head, f)?;
    for (i, y) in view.plan.years.iter().enumerate() {
        sheet.write_with_format(0, 1 + i as u16, y.year, &f.header)?;
    }
    Ok(())
}

/// The year's level, each team's own level and the individ share, per
/// year; returns the teams' rows and the share's row.
fn level_rows(w: &mut Writer<'_, '_>, funding: u32) -> Result<(Vec<(usize, u32)>, u32), XlsxError> {
    let (data, view) = (w.view.data, w.view);
    let after = after_plan_end(data, view);
    let source = format!("Standard: full finansiering, 100 %{after}");
    w.label(funding, "Finansieringsnivå för samordningsteamen", &source)?;
    // The year's own level (the plan holds it only per team).
    w.percent_years(funding, |y| Some(view.scenario.funding(data, y.year)))?;
    let mut row = funding + 1;
    let mut own = Vec::new();
    for (line, team) in data.lines.iter().enumerate().filter(|(_, l)| l.team) {
        let label = format!("Egen nivå: {} (tom = årets nivå)", team.name);
        w.label(row, &label, "Standard: ingen egen nivå")?;
        w.percent_years(row, |y| {
            let level = y.teams.iter().find(|t| t.line == line && t.own);
            level.map(|t| t.level)
        })?;
        own.push((line, row));
        row += 1;
    }
    let label = "Andel individinsatser av direkta kostnader (tom = som budgeterat)";
    w.label(row, label, "Standard: som budgeterat")?;
    w.percent_years(row, |y| y.individ_share)?;
    Ok((own, row))
}

fn sheet_layout(sheet: &mut Worksheet, years: u16) -> Result<(), XlsxError> {
    sheet.set_column_width(0, 62)?;
    sheet.set_column_range_width(1, years, 12)?;
    sheet.set_column_width(1 + years, 70)?;
    sheet.set_freeze_panes(1, 1)?;
    Ok(())
}

/// "; år efter 2027 som året före" when the period runs past the data set's.
fn after_plan_end(data: &Dataset, view: &View<'_>) -> String {
    if view.plan.period.last() > data.plan_end {
        format!("; år efter {} som året före", data.plan_end)
    } else {
        String::new()
    }
}

/// Revenue per year: an input, or grey where the data set fixes it.
fn revenue_row(
    w: &mut Writer<'_, '_>,
    row: u32,
    basis_row: Option<u32>,
    data_cells: &DataCells,
) -> Result<(), XlsxError> {
    let (data, view) = (w.view.data, w.view);
    let basis = view.scenario.basis(data);
    let mut fixed_years: Vec<Year> = Vec::new();
    let mut sources: Vec<String> = Vec::new();
    for (i, y) in view.plan.years.iter().enumerate() {
        let col = 1 + i as u16;
        match fixed_formula(
            data,
            basis,
            y.year,
            basis_row.map(|r| fixed(&view.names.assumptions, r, 1)),
            data_cells,
        ) {
            Some((formula, column)) => {
                let cell = super::cells::computed(formula, super::cells::kronor_result(y.revenue));
                w.sheet
                    .write_formula_with_format(row, col, cell, &w.f.fixed_kronor)?;
                fixed_years.push(y.year);
                let title = source_title(data, &data.columns[column].source);
                if !sources.contains(&title) {
                    sources.push(title);
                }
            }
            None => {
                w.sheet
                    .write_with_format(row, col, number(y.revenue), &w.f.input_kronor)?;
            }
        }
    }
    let mut source = if fixed_years.is_empty() {
        String::new()
    } else {
        format!(
            "{}: ur dataunderlaget ({}), grått, ändras inte här; ",
            years_text(&fixed_years),
            sources.join("; ")
        )
    };
    source.push_str("övriga år standard: oförändrat från året före");
    w.label(row, "Medel från huvudmännen", &source)
}

/// The formula of a revenue the data set fixes for `year` (over "Data"),
/// with the column it reads, following `core::scenario::fixed_revenue`: the
/// first plan year's prognosis column when the basis is the prognosis and it
/// gives revenue (chosen by the basis cell when the budget gives one too),
/// else the year's own column.
fn fixed_formula(
    data: &Dataset,
    basis: Basis,
    year: Year,
    basis_cell: Option<String>,
    cells: &DataCells,
) -> Option<(String, usize)> {
    fixed_revenue(data, basis, year)?;
    let own = data
        .year_column(year)
        .filter(|&c| data.revenue[c].is_some());
    let prognosis = data
        .prognosis_column()
        .filter(|&c| year == data.first_plan_year && data.revenue[c].is_some());
    match (prognosis, own, basis_cell) {
        (Some(p), Some(o), Some(b)) => {
            let (prognosis_cell, own_cell) = (cells.revenue(p), cells.revenue(o));
            let column = if basis == Basis::Prognos { p } else { o };
            Some((
                format!("=IF({b}=\"budget\",{own_cell},{prognosis_cell})"),
                column,
            ))
        }
        (Some(p), _, _) if basis == Basis::Prognos => Some((format!("={}", cells.revenue(p)), p)),
        (_, Some(o), _) => Some((format!("={}", cells.revenue(o)), o)),
        _ => None,
    }
}

/// Cost growth: a yellow cell in each year whose costs are indexed.
fn growth_row(w: &mut Writer<'_, '_>, row: u32) -> Result<(), XlsxError> {
    let first = w.view.data.first_plan_year;
    for (i, y) in w.view.plan.years.iter().enumerate() {
        if y.is_indexed() {
            w.sheet.write_with_format(
                row,
                1 + i as u16,
                fraction_number(y.growth),
                &w.f.input_percent,
            )?;
        }
    }
    let source = format!(
        "Standard: 0 %. Bara år utan kostnader i dataunderlaget: {} räknas upp från budget {first}, senare år från året före",
        first + 1
    );
    w.label(row, "Kostnadsökning per år (löner och priser)", &source)
}

/// The first plan year's basis, `prognos` or `budget`, with a list to pick from.
fn basis_input(w: &mut Writer<'_, '_>, row: u32) -> Result<(), XlsxError> {
    let data = w.view.data;
    let text = w.view.scenario.basis(data).key();
    w.sheet.write_with_format(row, 1, text, &w.f.input_text)?;
    let choices = DataValidation::new().allow_list_strings(&["prognos", "budget"])?;
    w.sheet.add_data_validation(row, 1, row, 1, &choices)?;
    let source = data
        .prognosis_column()
        .map(|c| {
            format!(
                "Standard: prognos ({})",
                source_title(data, &data.columns[c].source)
            )
        })
        .unwrap_or_default();
    let label = format!(
        "Underlag för {} (prognos eller budget)",
        data.first_plan_year
    );
    w.label(row, &label, &source)
}

/// Opening equity and the guideline, once for the whole period.
fn single_inputs(w: &mut Writer<'_, '_>, opening: u32, guideline: u32) -> Result<(), XlsxError> {
    let (data, plan) = (w.view.data, &w.view.plan);
    let label = format!("Ingående eget kapital {}", data.first_plan_year);
    w.sheet
        .write_with_format(opening, 1, number(plan.opening_equity), &w.f.input_kronor)?;
    w.label(opening, &label, &opening_source(data))?;
    let value = fraction_number(plan.guideline_percent);
    w.sheet
        .write_with_format(guideline, 1, value, &w.f.input_percent)?;
    let source = source_title(data, &data.equity_guideline.source);
    w.label(
        guideline,
        "Riktvärde för eget kapital, andel av årets medel",
        &source,
    )
}

/// Where the default opening equity comes from.
fn opening_source(data: &Dataset) -> String {
    if let Some(known) = &data.first_plan_opening_equity {
        return source_title(data, &known.source);
    }
    match (data.reference_year, data.reference_year.and_then(|y| data.year_column(y))) {
        (Some(year), Some(c)) => format!(
            "Beräknat: ingående eget kapital {year} ({}) + medel − kostnader enligt {} (bladet Data)",
            source_title(data, &data.opening_equity.source),
            column_title(&data.columns[c]).to_lowercase()
        ),
        _ => source_title(data, &data.opening_equity.source),
    }
}

/// The notes under the inputs; returns the last row written.
fn notes(w: &mut Writer<'_, '_>, first: u32) -> Result<u32, XlsxError> {
    let data = w.view.data;
    let mut lines = vec![
        "Gula celler är antaganden: ändra dem, så räknas bladen Beräkning och Budget om. Procent skrivs som procent (75 %); en tom egen nivå följer årets nivå, en tom andel betyder som budgeterat.".to_owned(),
        "Grå celler kommer ur dataunderlaget (bladet Data).".to_owned(),
    ];
    if w.view.plan.period.last() > data.plan_end {
        lines.push(format!(
            "Dataunderlagets planperiod slutar {}; åren efter har samma val som året före om scenariot inte säger annat, och här står varje års värde utskrivet.",
            data.plan_end
        ));
    }
    for (k, text) in lines.iter().enumerate() {
        w.sheet
            .write_with_format(first + k as u32, 0, text.as_str(), &w.f.note)?;
    }
    Ok(first + lines.len() as u32 - 1)
}

/// The board's reasons, in one wrapped cell across the years.
fn motivation_row(w: &mut Writer<'_, '_>, row: u32, text: &str) -> Result<(), XlsxError> {
    w.sheet.write_with_format(row, 0, "Motivering", &w.f.bold)?;
    let last = w.source_col;
    w.sheet.merge_range(row, 1, row, last, text, &w.f.wrap)?;
    // Merged cells do not grow with their text: about 12 characters a year
    // column and 70 in the source column fit on a line.
    let width = 12 * usize::from(last - 1) + 70;
    let lines: usize = text.lines().map(|l| l.chars().count() / width + 1).sum();
    w.sheet.set_row_height(row, 15.0 * lines as f64)?;
    Ok(())
}
