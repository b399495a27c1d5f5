//! The Excel workbook (issue 7): the scenario's inputs as cells on
//! "Antaganden", the data set on "Data", and a "Budget" sheet in the official
//! layout whose computed cells are Excel formulas referring to those, so a
//! treasurer who changes the 2026 funding level in Excel sees team lines,
//! totals, result and equity follow. Excel's ROUND rounds halves away from
//! zero, as the model does (docs/model.md §3).
//!
//! Where a formula cannot follow the model, the cell holds the page's value
//! and the sheet says so next to it: the structural lines in a year with a
//! controlled individ share (the largest-remainder distribution), and the
//! members' contributions and top-ups on "Medlemmar" (the same method over
//! the municipal key). Written with rust_xlsxwriter.

use crate::model::comparison::{Comparison, ComparisonFigures};
use crate::model::data::{Category, Dataset};
use crate::model::engine::project;
use crate::model::engine::Balancing;
use crate::model::members::members_table;
use crate::model::report::{budget_rows, Figure, RowKind};
use crate::model::scenario::{Basis, PlanYear, Scenario};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    utility::row_col_to_cell, Format, FormatAlign, Formula, Workbook, Worksheet, XlsxError,
};

const DATA: &str = "Data";

/// The sheets of one scenario: "Antaganden", "Budget", "Beräkning", or for
/// the k-th scenario of a comparison "Antaganden k" and so on.
struct Names {
    assumptions: String,
    budget: String,
    work: String,
}

impl Names {
    fn new(column: Option<usize>) -> Self {
        let name = |base: &str| match column {
            Some(k) => format!("{base} {k}"),
            None => base.to_owned(),
        };
        Names {
            assumptions: name("Antaganden"),
            budget: name("Budget"),
            work: name("Beräkning"),
        }
    }
}

fn number(v: Decimal) -> f64 {
    v.to_f64().unwrap_or_default()
}

/// A formula with the value the simulator computed for it stored as its
/// result, so the figures show before any recalculation (LibreOffice does not
/// recalculate an .xlsx on opening by default); the formula takes over as
/// soon as an input changes.
fn computed(text: impl AsRef<str>, result: impl ToString) -> Formula {
    Formula::new(text.as_ref()).set_result(result.to_string())
}

/// A percentage (exact, %) as the sheet's fraction.
fn fraction(percent: Decimal) -> String {
    (percent / Decimal::ONE_HUNDRED).normalize().to_string()
}

/// `'Sheet'!$C$5` for a zero-based row and column.
fn abs(sheet: &str, row: u32, col: u16) -> String {
    let cell = row_col_to_cell(row, col);
    let (letters, digits): (String, String) = cell.chars().partition(|c| c.is_ascii_alphabetic());
    format!("'{sheet}'!${letters}${digits}")
}

/// `'Sheet'!C5`.
fn at(sheet: &str, row: u32, col: u16) -> String {
    format!("'{sheet}'!{}", row_col_to_cell(row, col))
}

/// Where the inputs are on "Antaganden" (zero-based rows; plan years in
/// columns B–D).
struct Inputs {
    names: Names,
    funding: u32,
    /// Per team (in data order): the row of its own level.
    overrides: Vec<(String, u32)>,
    individ_share: u32,
    revenue: u32,
    growth: u32,
    basis: u32,
    opening: u32,
    guideline: u32,
}

struct Formats {
    header: Format,
    kronor: Format,
    kronor_bold: Format,
    percent: Format,
    input_percent: Format,
    input_kronor: Format,
    note: Format,
    bold: Format,
}

fn formats() -> Formats {
    let kronor = "#,##0 \"kr\";-#,##0 \"kr\"";
    Formats {
        header: Format::new().set_bold().set_background_color("DCE6F0"),
        kronor: Format::new().set_num_format(kronor),
        kronor_bold: Format::new().set_num_format(kronor).set_bold(),
        percent: Format::new().set_num_format("0.0 %"),
        input_percent: Format::new()
            .set_num_format("0.0 %")
            .set_background_color("FFF2CC"),
        input_kronor: Format::new()
            .set_num_format(kronor)
            .set_background_color("FFF2CC"),
        note: Format::new()
            .set_italic()
            .set_font_color("555555")
            .set_align(FormatAlign::Left),
        bold: Format::new().set_bold(),
    }
}

/// The first row of a sheet: its column headings.
fn header_row(sheet: &mut Worksheet, titles: &[&str], f: &Formats) -> Result<(), XlsxError> {
    for (c, text) in titles.iter().enumerate() {
        sheet.write_with_format(0, c as u16, *text, &f.header)?;
    }
    Ok(())
}

/// A source's title and date, by its id in the data set.
fn source<'a>(data: &'a Dataset, id: &str) -> &'a str {
    data.sources
        .iter()
        .find(|s| s.id == id)
        .map_or("", |s| s.title.as_str())
}

/// An input row's label (column A) and the source of its default (column E).
fn labelled(sheet: &mut Worksheet, row: u32, label: &str, source: &str) -> Result<(), XlsxError> {
    sheet.write(row, 0, label)?;
    if !source.is_empty() {
        sheet.write(row, 4, source)?;
    }
    Ok(())
}

fn assumptions_sheet(
    sheet: &mut Worksheet,
    data: &Dataset,
    scenario: &Scenario,
    f: &Formats,
    names: Names,
) -> Result<Inputs, XlsxError> {
    sheet.set_name(&names.assumptions)?;
    let years = PlanYear::ALL;
    let head = ["Antagande", "", "", "", "Källa för standardvärdet"];
    header_row(sheet, &head, f)?;
    for (i, y) in years.iter().enumerate() {
        sheet.write_with_format(0, 1 + i as u16, y.number(), &f.header)?;
    }
    let mut row = 1;
    let funding = row;
    sheet.write(row, 0, "Finansieringsnivå för samordningsteamen")?;
    for (i, y) in years.iter().enumerate() {
        sheet.write_with_format(
            row,
            1 + i as u16,
            number(scenario.funding[y.index()]) / 100.0,
            &f.input_percent,
        )?;
    }
    sheet.write(
        row,
        4,
        "Styrelsens protokoll 2024-10-21, § 43: 100 % 2025, lägre från 2026",
    )?;
    row += 1;
    let mut overrides = Vec::new();
    for team in data.teams() {
        sheet.write(row, 0, format!("Egen nivå: {} (tom = som ovan)", team.name))?;
        for (i, y) in years.iter().enumerate() {
            if let Some(level) = scenario.funding_override[y.index()].get(&team.id) {
                sheet.write_with_format(
                    row,
                    1 + i as u16,
                    number(*level) / 100.0,
                    &f.input_percent,
                )?;
            } else {
                sheet.write_blank(row, 1 + i as u16, &f.input_percent)?;
            }
        }
        overrides.push((team.id.clone(), row));
        row += 1;
    }
    let individ_share = row;
    sheet.write(
        row,
        0,
        "Andel individinsatser av direkta kostnader (tom = som budgeterat)",
    )?;
    for (i, y) in years.iter().enumerate() {
        match scenario.individ_share[y.index()] {
            Some(s) => {
                sheet.write_with_format(row, 1 + i as u16, number(s) / 100.0, &f.input_percent)?
            }
            None => sheet.write_blank(row, 1 + i as u16, &f.input_percent)?,
        };
    }
    sheet.write(
        row,
        4,
        "Verksamhetsplan 2024, avsnitt 6: 77/23 i dag, 60/40 på sikt",
    )?;
    row += 1;
    let revenue = row;
    labelled(
        sheet,
        row,
        "Medel från huvudmännen",
        source(data, &data.revenue_2025.source),
    )?;
    for (i, y) in years.iter().enumerate() {
        let value = number(scenario.revenue(data, *y));
        sheet.write_with_format(row, 1 + i as u16, value, &f.input_kronor)?;
    }
    row += 1;
    let growth = row;
    labelled(sheet, row, "Kostnadsökning per år från budget 2025", "")?;
    let value = number(scenario.cost_growth) / 100.0;
    sheet.write_with_format(row, 1, value, &f.input_percent)?;
    row += 1;
    let basis = row;
    let basis_text = match scenario.basis {
        Basis::Prognos => "prognos",
        Basis::Budget => "budget",
    };
    labelled(
        sheet,
        row,
        "Underlag för 2025 (prognos eller budget)",
        source(data, "delar2025"),
    )?;
    let input = Format::new().set_background_color("FFF2CC");
    sheet.write_with_format(row, 1, basis_text, &input)?;
    row += 1;
    let opening = row;
    let opening_source = source(data, &data.closing_equity_2024_budget.source);
    labelled(sheet, row, "Ingående eget kapital 2025", opening_source)?;
    let value = number(scenario.opening_equity);
    sheet.write_with_format(row, 1, value, &f.input_kronor)?;
    row += 1;
    let guideline = row;
    let guideline_source = source(data, &data.equity_guideline_percent.source);
    labelled(
        sheet,
        row,
        "Riktvärde för eget kapital, andel av årets medel",
        guideline_source,
    )?;
    let value = number(scenario.equity_guideline) / 100.0;
    sheet.write_with_format(row, 1, value, &f.input_percent)?;
    row += 2;
    sheet.write_with_format(
        row,
        0,
        "Gula celler är antaganden: ändra dem, så räknas bladet Budget om. Procent skrivs som procent (75 %).",
        &f.note,
    )?;
    sheet.set_column_width(0, 62)?;
    sheet.set_column_range_width(1, 3, 13)?;
    sheet.set_column_width(4, 70)?;
    sheet.set_freeze_panes(1, 1)?;
    Ok(Inputs {
        names,
        funding,
        overrides,
        individ_share,
        revenue,
        growth,
        basis,
        opening,
        guideline,
    })
}

/// Rows on "Data" after the lines: the 2024 contributions and opening equity.
struct DataRows {
    revenue_2024: u32,
    opening_2024: u32,
}

fn data_sheet(sheet: &mut Worksheet, data: &Dataset, f: &Formats) -> Result<DataRows, XlsxError> {
    sheet.set_name(DATA)?;
    let head = [
        "Id",
        "Rad",
        "Kategori",
        "Team",
        "Budget 2024",
        "Budget 2025",
        "Prognos 2025",
        "Källa",
    ];
    header_row(sheet, &head, f)?;
    for (i, line) in data.lines.iter().enumerate() {
        let r = 1 + i as u32;
        sheet.write(r, 0, line.id.as_str())?;
        sheet.write(r, 1, line.name.as_str())?;
        let category = match line.category {
            Category::Admin => "administration",
            Category::Individ => "individ",
            Category::Struktur => "struktur",
        };
        sheet.write(r, 2, category)?;
        sheet.write(r, 3, if line.team { "ja" } else { "" })?;
        sheet.write_with_format(r, 4, number(line.budget_2024), &f.kronor)?;
        sheet.write_with_format(r, 5, number(line.budget_2025), &f.kronor)?;
        sheet.write_with_format(r, 6, number(line.prognos_2025), &f.kronor)?;
        sheet.write(r, 7, line.source.as_str())?;
    }
    let revenue_2024 = data.lines.len() as u32 + 2;
    sheet.write(revenue_2024, 1, "Medel från huvudmännen 2024")?;
    sheet.write_with_format(revenue_2024, 4, number(data.revenue_2024.amount), &f.kronor)?;
    let opening_2024 = revenue_2024 + 1;
    sheet.write(opening_2024, 1, "Ingående eget kapital 2024")?;
    sheet.write_with_format(
        opening_2024,
        4,
        number(data.opening_equity_2024_total()),
        &f.kronor,
    )?;
    sheet.set_column_width(0, 22)?;
    sheet.set_column_width(1, 52)?;
    sheet.set_column_range_width(2, 3, 12)?;
    sheet.set_column_range_width(4, 6, 14)?;
    sheet.set_column_width(7, 60)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(DataRows {
        revenue_2024,
        opening_2024,
    })
}

/// "Beräkning": per line and plan year the full cost, and per team the level.
/// Columns B–D full cost 2025–2027, F–H the team's level.
fn work_sheet(
    sheet: &mut Worksheet,
    data: &Dataset,
    scenario: &Scenario,
    inputs: &Inputs,
    f: &Formats,
) -> Result<(), XlsxError> {
    let projection = project(data, scenario);
    sheet.set_name(&inputs.names.work)?;
    let head = [
        "Rad",
        "Full kostnad 2025",
        "Full kostnad 2026",
        "Full kostnad 2027",
        "",
        "Nivå 2025",
        "Nivå 2026",
        "Nivå 2027",
    ];
    header_row(sheet, &head, f)?;
    let growth = abs(&inputs.names.assumptions, inputs.growth, 1);
    let basis = abs(&inputs.names.assumptions, inputs.basis, 1);
    for (i, line) in data.lines.iter().enumerate() {
        let r = 1 + i as u32;
        sheet.write(r, 0, line.name.as_str())?;
        let budget_2025 = at(DATA, r, 5);
        let prognos_2025 = at(DATA, r, 6);
        let full = [
            format!("=IF({basis}=\"budget\",{budget_2025},{prognos_2025})"),
            format!("=ROUND({budget_2025}*(1+{growth}),0)"),
            format!("=ROUND({}*(1+{growth}),0)", row_col_to_cell(r, 2)),
        ];
        for (c, formula) in full.iter().enumerate() {
            let value = projection.years[c].lines[i].full;
            sheet.write_formula_with_format(
                r,
                1 + c as u16,
                computed(formula, value),
                &f.kronor,
            )?;
        }
        if let Some((_, override_row)) = inputs.overrides.iter().find(|(id, _)| *id == line.id) {
            for c in 0..3u16 {
                let own = at(&inputs.names.assumptions, *override_row, 1 + c);
                let common = at(&inputs.names.assumptions, inputs.funding, 1 + c);
                let level = scenario.team_level(PlanYear::ALL[c as usize], &line.id);
                sheet.write_formula_with_format(
                    r,
                    5 + c,
                    computed(format!("=IF({own}=\"\",{common},{own})"), fraction(level)),
                    &f.percent,
                )?;
            }
        }
    }
    sheet.set_column_width(0, 52)?;
    sheet.set_column_range_width(1, 7, 16)?;
    sheet.set_freeze_panes(1, 1)?;
    Ok(())
}

/// Writes one scenario's "Budget" sheet; returns the row of each figure by
/// its key (`result`, `line-<id>`), for the comparison sheet.
fn budget_sheet(
    budget: &mut Worksheet,
    data: &Dataset,
    scenario: &Scenario,
    inputs: &Inputs,
    data_rows: &DataRows,
    f: &Formats,
) -> Result<std::collections::HashMap<String, u32>, XlsxError> {
    let projection = project(data, scenario);
    budget.set_name(&inputs.names.budget)?;
    let rows = budget_rows(data, scenario, &projection);
    let head = ["Rad", "Budget 2024", "2025", "2026", "2027"];
    header_row(budget, &head, f)?;
    // Row of each key on the sheet, for the totals' formulas.
    let mut place = std::collections::HashMap::new();
    for (i, row) in rows.iter().enumerate() {
        place.insert(row.key.clone(), 1 + i as u32);
    }
    let cell = |key: &str, col: u16| row_col_to_cell(place[key], col);
    let mut notes = Vec::new();
    let group_lines = |category: Category| -> Vec<(usize, &crate::model::data::BudgetLine)> {
        data.lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.category == category)
            .collect()
    };
    for (i, row) in rows.iter().enumerate() {
        let r = 1 + i as u32;
        let label_format = match row.kind {
            RowKind::Heading | RowKind::Subtotal | RowKind::Total => &f.bold,
            _ => &Format::new(),
        };
        budget.write_with_format(r, 0, row.label.as_str(), label_format)?;
        if row.kind == RowKind::Heading {
            continue;
        }
        for col in 1..=4u16 {
            let plan = col >= 2; // C–E are 2025–2027
            let year_index = (col as usize).saturating_sub(2);
            let work_full = |line_row: u32| at(&inputs.names.work, line_row, col - 1);
            let money = if matches!(row.kind, RowKind::Subtotal | RowKind::Total) {
                &f.kronor_bold
            } else {
                &f.kronor
            };
            let formula: Option<String> = if let Some(id) = row.key.strip_prefix("line-") {
                let (li, line) = data
                    .lines
                    .iter()
                    .enumerate()
                    .find(|(_, l)| l.id == id)
                    .expect("a line of the data set");
                let data_row = 1 + li as u32;
                if !plan {
                    Some(format!("={}", at(DATA, data_row, 4)))
                } else if line.team {
                    Some(format!(
                        "=ROUND({}*{},0)",
                        work_full(data_row),
                        at(&inputs.names.work, data_row, 5 + year_index as u16)
                    ))
                } else if line.category == Category::Struktur
                    && scenario.individ_share[year_index].is_some()
                {
                    notes.push(row_col_to_cell(r, col));
                    None
                } else {
                    Some(format!("={}", work_full(data_row)))
                }
            } else if let Some(id) = row.key.strip_prefix("topup-") {
                let li = data
                    .lines
                    .iter()
                    .position(|l| l.id == id)
                    .expect("a team line");
                let full = if plan {
                    work_full(1 + li as u32)
                } else {
                    at(DATA, 1 + li as u32, 4)
                };
                Some(format!("={full}-{}", cell(&format!("line-{id}"), col)))
            } else {
                let sum_of = |category: Category| {
                    group_lines(category)
                        .iter()
                        .map(|(_, l)| cell(&format!("line-{}", l.id), col))
                        .collect::<Vec<_>>()
                        .join("+")
                };
                let c = |key: &str| cell(key, col);
                let revenue_cell = if plan {
                    at(&inputs.names.assumptions, inputs.revenue, col - 1)
                } else {
                    at(DATA, data_rows.revenue_2024, 4)
                };
                match row.key.as_str() {
                    "admin" => Some(format!("={}", sum_of(Category::Admin))),
                    "individ" => Some(format!("={}", sum_of(Category::Individ))),
                    "struktur" => Some(format!("={}", sum_of(Category::Struktur))),
                    "direct" => Some(format!("={}+{}", c("individ"), c("struktur"))),
                    "costs" => Some(format!("={}+{}", c("admin"), c("direct"))),
                    "revenue" => Some(format!("={revenue_cell}")),
                    "result" => Some(format!("={}-{}", c("revenue"), c("costs"))),
                    "opening" => Some(match col {
                        1 => format!("={}", at(DATA, data_rows.opening_2024, 4)),
                        2 => format!("={}", abs(&inputs.names.assumptions, inputs.opening, 1)),
                        _ => format!("={}", cell("closing", col - 1)),
                    }),
                    "closing" => Some(format!("={}+{}", c("opening"), c("result"))),
                    "guideline" => Some(format!(
                        "=ROUND({}*{},0)",
                        c("revenue"),
                        abs(&inputs.names.assumptions, inputs.guideline, 1)
                    )),
                    "share-admin" => Some(share(&c("admin"), &c("costs"))),
                    "share-direct" => Some(share(&c("direct"), &c("costs"))),
                    "share-individ" => Some(share(&c("individ"), &c("direct"))),
                    "share-struktur" => Some(share(&c("struktur"), &c("direct"))),
                    "balancing-funding" => {
                        Some(balancing_formula(data, inputs, col, &c, &revenue_cell))
                    }
                    _ => None,
                }
            };
            let value_of_row = row.figures[(col - 1) as usize];
            let format = match row.kind {
                RowKind::Share => &f.percent,
                _ => money,
            };
            match formula {
                Some(text) => {
                    let result = match value_of_row {
                        Figure::Kronor(v) => v.to_string(),
                        Figure::Percent(Some(v)) | Figure::Level(Balancing::Reachable(v)) => {
                            fraction(v)
                        }
                        Figure::Percent(None) => String::new(),
                        Figure::Level(Balancing::NotReachable) => "nås inte".to_owned(),
                    };
                    budget.write_formula_with_format(r, col, computed(text, result), format)?;
                }
                None => {
                    if let Figure::Kronor(v) = value_of_row {
                        budget.write_with_format(r, col, number(v), format)?;
                    }
                }
            }
        }
    }
    let note_row = rows.len() as u32 + 2;
    budget.write_with_format(
        note_row,
        0,
        "Alla belopp i hela kronor; ROUND avrundar halva bort från noll, som simulatorn.",
        &f.note,
    )?;
    if !notes.is_empty() {
        budget.write_with_format(
            note_row + 1,
            0,
            format!(
                "Värden, inte formler: {} (strukturella rader ett år med styrd andel individinsatser, fördelade med största-rest-metoden i simulatorn). Ändra andelen i simulatorn.",
                notes.join(", ")
            ),
            &f.note,
        )?;
    }
    budget.set_column_width(0, 62)?;
    budget.set_column_range_width(1, 4, 15)?;
    budget.set_freeze_panes(1, 1)?;
    Ok(place)
}

/// "Jämförelse": per plan year the compared scenarios' result, closing
/// equity, the teams' top-ups, the individ share and the level for a zero
/// result, as formulas over each scenario's own Budget sheet, with each
/// kronor figure's difference from the base (column 1).
fn comparison_sheet(
    sheet: &mut Worksheet,
    data: &Dataset,
    columns: &[(String, String, std::collections::HashMap<String, u32>)],
    compared: &ComparisonFigures,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name("Jämförelse")?;
    sheet.write_with_format(0, 0, "Per år", &f.header)?;
    let mut col = 1u16;
    let mut places = Vec::new();
    for (k, (label, _, _)) in columns.iter().enumerate() {
        sheet.write_with_format(0, col, format!("{}. {label}", k + 1), &f.header)?;
        places.push(col);
        col += 1;
        if k > 0 {
            sheet.write_with_format(0, col, "Skillnad mot basen", &f.header)?;
            col += 1;
        }
    }
    let topup_keys: Vec<String> = data.teams().map(|t| format!("topup-{}", t.id)).collect();
    let mut r = 1u32;
    for (yi, year) in PlanYear::ALL.iter().enumerate() {
        sheet.write_with_format(r, 0, year.number(), &f.bold)?;
        r += 1;
        let budget_col = 2 + yi as u16;
        let value = |k: usize, row: usize| -> String {
            let y = &compared.columns[k].years[yi];
            match row {
                0 => y.result.to_string(),
                1 => y.closing.to_string(),
                2 => y.topup.to_string(),
                3 => y.share_individ.map(fraction).unwrap_or_default(),
                _ => match y.balancing {
                    Balancing::Reachable(v) => fraction(v),
                    Balancing::NotReachable => "nås inte".to_owned(),
                },
            }
        };
        let rows: [(&str, Option<&str>, bool); 5] = [
            ("Resultat", Some("result"), true),
            ("Utgående eget kapital", Some("closing"), true),
            ("Medlemmarnas tillskott till teamen", None, true),
            ("Andel individinsatser", Some("share-individ"), false),
            (
                "Finansieringsnivå som ger resultat 0",
                Some("balancing-funding"),
                false,
            ),
        ];
        for (row_index, (label, key, kronor)) in rows.into_iter().enumerate() {
            sheet.write(r, 0, label)?;
            for (k, (_, budget, place)) in columns.iter().enumerate() {
                let cell = |key: &str| at(budget, place[key], budget_col);
                let formula = match key {
                    Some(key) => format!("={}", cell(key)),
                    None => format!(
                        "={}",
                        topup_keys
                            .iter()
                            .map(|t| cell(t))
                            .collect::<Vec<_>>()
                            .join("+")
                    ),
                };
                let format = if kronor { &f.kronor } else { &f.percent };
                let result = value(k, row_index);
                sheet.write_formula_with_format(
                    r,
                    places[k],
                    computed(formula, &result),
                    format,
                )?;
                if k > 0 && kronor {
                    let difference = format!(
                        "={}-{}",
                        row_col_to_cell(r, places[k]),
                        row_col_to_cell(r, places[0])
                    );
                    let base: Decimal = value(0, row_index).parse().unwrap_or_default();
                    let own: Decimal = result.parse().unwrap_or_default();
                    sheet.write_formula_with_format(
                        r,
                        places[k] + 1,
                        computed(difference, own - base),
                        &f.kronor,
                    )?;
                }
            }
            r += 1;
        }
    }
    sheet.set_column_width(0, 40)?;
    sheet.set_column_range_width(1, col, 18)?;
    sheet.set_freeze_panes(1, 1)?;
    Ok(())
}

/// Writes the whole workbook for a scenario: Antaganden, Budget, Medlemmar,
/// Data, Beräkning and Källor; with a comparison also "Jämförelse" and, per
/// compared scenario k, its own "Antaganden k", "Budget k" and "Beräkning k".
/// Returns the file's bytes.
pub fn workbook(
    data: &Dataset,
    scenario: &Scenario,
    comparison: &Comparison,
) -> Result<Vec<u8>, XlsxError> {
    let f = formats();
    let projection = project(data, scenario);
    let mut book = Workbook::new();
    let mut assumptions = Worksheet::new();
    let inputs = assumptions_sheet(&mut assumptions, data, scenario, &f, Names::new(None))?;
    let mut data_ws = Worksheet::new();
    let data_rows = data_sheet(&mut data_ws, data, &f)?;
    let mut work = Worksheet::new();
    work_sheet(&mut work, data, scenario, &inputs, &f)?;

    let mut budget = Worksheet::new();
    budget_sheet(&mut budget, data, scenario, &inputs, &data_rows, &f)?;

    // A comparison: each scenario with its own inputs, and the comparison.
    let mut compared_sheets = Vec::new();
    let mut compared = Vec::new();
    for (k, column) in comparison.columns.iter().enumerate() {
        let names = Names::new(Some(k + 1));
        let mut a = Worksheet::new();
        let column_inputs = assumptions_sheet(&mut a, data, &column.scenario, &f, names)?;
        let mut w = Worksheet::new();
        work_sheet(&mut w, data, &column.scenario, &column_inputs, &f)?;
        let mut b = Worksheet::new();
        let place = budget_sheet(
            &mut b,
            data,
            &column.scenario,
            &column_inputs,
            &data_rows,
            &f,
        )?;
        compared.push((
            column.label.clone(),
            column_inputs.names.budget.clone(),
            place,
        ));
        compared_sheets.extend([a, b, w]);
    }

    // --- Medlemmar --------------------------------------------------------
    let mut members_ws = Worksheet::new();
    members_ws.set_name("Medlemmar")?;
    let members = members_table(data, scenario, &projection);
    members_ws.write_with_format(0, 0, "Medlem", &f.header)?;
    members_ws.write_with_format(0, 1, "Medel 2024", &f.header)?;
    let mut col = 2u16;
    for y in &members.totals.years {
        for what in ["Medel", "Tillskott", "Totalt", "Förändring"] {
            members_ws.write_with_format(0, col, format!("{what} {}", y.year), &f.header)?;
            col += 1;
        }
    }
    for (i, m) in members
        .members
        .iter()
        .chain(std::iter::once(&members.totals))
        .enumerate()
    {
        let r = 1 + i as u32;
        members_ws.write(r, 0, m.name.as_str())?;
        members_ws.write_with_format(r, 1, number(m.contribution_2024), &f.kronor)?;
        for (yi, y) in m.years.iter().enumerate() {
            let c0 = 2 + 4 * yi as u16;
            members_ws.write_with_format(r, c0, number(y.contribution), &f.kronor)?;
            members_ws.write_with_format(r, c0 + 1, number(y.topup), &f.kronor)?;
            let total = format!("={}+{}", row_col_to_cell(r, c0), row_col_to_cell(r, c0 + 1));
            members_ws.write_formula_with_format(r, c0 + 2, computed(total, y.total), &f.kronor)?;
            let change = format!("={}-{}", row_col_to_cell(r, c0 + 2), row_col_to_cell(r, 4));
            members_ws.write_formula_with_format(
                r,
                c0 + 3,
                computed(change, y.change),
                &f.kronor,
            )?;
        }
    }
    members_ws.write_with_format(
        members.members.len() as u32 + 3,
        0,
        "Medel och tillskott är värden från simulatorn (fördelade med största-rest-metoden efter kommunernas folkmängd 2024-12-31, ett antagande); totalt och förändring är formler.",
        &f.note,
    )?;
    members_ws.set_column_width(0, 44)?;
    members_ws.set_column_range_width(1, col, 14)?;
    members_ws.set_freeze_panes(1, 1)?;

    // --- Källor -------------------------------------------------------------
    let mut sources = Worksheet::new();
    sources.set_name("Källor")?;
    header_row(
        &mut sources,
        &["Källa", "Utgivare", "Datum", "Vad som används"],
        &f,
    )?;
    for (i, s) in data.sources.iter().enumerate() {
        let r = 1 + i as u32;
        sources.write(r, 0, s.title.as_str())?;
        sources.write(r, 1, s.issuer.as_str())?;
        sources.write(r, 2, s.date.as_str())?;
        sources.write(r, 3, s.note.as_str())?;
    }
    sources.set_column_width(0, 60)?;
    sources.set_column_width(1, 32)?;
    sources.set_column_width(3, 100)?;
    sources.set_freeze_panes(1, 0)?;

    book.push_worksheet(assumptions);
    book.push_worksheet(budget);
    if !compared.is_empty() {
        let mut sheet = Worksheet::new();
        let figures = crate::model::comparison::figures(data, comparison, None);
        comparison_sheet(&mut sheet, data, &compared, &figures, &f)?;
        book.push_worksheet(sheet);
    }
    for sheet in compared_sheets {
        book.push_worksheet(sheet);
    }
    book.push_worksheet(members_ws);
    book.push_worksheet(data_ws);
    book.push_worksheet(work);
    book.push_worksheet(sources);
    book.save_to_buffer()
}

/// `part / whole` as a formula, empty when `whole` is 0 (undefined share).
fn share(part: &str, whole: &str) -> String {
    format!("=IF({whole}=0,\"\",{part}/{whole})")
}

/// The level for a zero result (docs/model.md §3.10) as a formula: with `T`
/// the full cost of the teams that follow the common level and `O` the rest
/// of the individ costs, `(R − A − O − structural full costs) / T`, or with
/// a controlled share `s`, `(s × (R − A) − O) / T`; "nås inte" outside 0–100 %.
fn balancing_formula(
    data: &Dataset,
    inputs: &Inputs,
    col: u16,
    c: &dyn Fn(&str) -> String,
    revenue: &str,
) -> String {
    let plan = col >= 2;
    let full = |li: usize| {
        let r = 1 + li as u32;
        if plan {
            at(&inputs.names.work, r, col - 1)
        } else {
            at(DATA, r, 4)
        }
    };
    let mut following = Vec::new();
    let mut following_cost = Vec::new();
    for (li, line) in data.lines.iter().enumerate() {
        if !line.team {
            continue;
        }
        let cost = c(&format!("line-{}", line.id));
        if plan {
            let own = inputs
                .overrides
                .iter()
                .find(|(id, _)| *id == line.id)
                .map(|(_, r)| at(&inputs.names.assumptions, *r, col - 1));
            let own = own.expect("every team has an override row");
            following.push(format!("IF({own}=\"\",{},0)", full(li)));
            following_cost.push(format!("IF({own}=\"\",{cost},0)"));
        } else {
            following.push(full(li));
            following_cost.push(cost);
        }
    }
    let t = format!("({})", following.join("+"));
    let o = format!("({}-({}))", c("individ"), following_cost.join("+"));
    let structural_full = data
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.category == Category::Struktur)
        .map(|(li, _)| full(li))
        .collect::<Vec<_>>()
        .join("+");
    let admin = c("admin");
    let x = if plan {
        let share = at(&inputs.names.assumptions, inputs.individ_share, col - 1);
        format!("IF({share}=\"\",({revenue}-{admin}-{o}-({structural_full})),({share}*({revenue}-{admin})-{o}))/{t}")
    } else {
        format!("({revenue}-{admin}-{o}-({structural_full}))/{t}")
    };
    format!("=IF({t}=0,\"nås inte\",IF(OR({x}<0,{x}>1),\"nås inte\",{x}))")
}
