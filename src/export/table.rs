//! The budget table in the official layout (SFV's budget 2024, section 7):
//! lines under their three headings with subtotals, the teams' top-ups, the
//! totals, the result, the equity chain, the guideline, the four shares and
//! the level for a zero result. This is the one definition of the table's
//! rows and labels: the page, the decision document, the CSV file and the
//! workbook all take their rows from here ([`rows`]), and the follow-up of
//! an interim report ([`follow_up`]) uses the same rows for its lines.

use crate::core::dataset::{Category, ColumnKind, Dataset};
use crate::core::engine::{Balancing, Projection, YearOutcome};
use crate::core::horizon::Year;
use crate::core::scenario::{Basis, Scenario};
use crate::export::format::percent_input;
use rust_decimal::Decimal;

/// One figure of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Kronor(Decimal),
    /// A share, % (exact); `None` when undefined.
    Percent(Option<Decimal>),
    /// The level for a zero result.
    Level(Balancing),
    /// A team's top-up, with the level the förbund pays.
    Topup {
        amount: Decimal,
        level: Decimal,
    },
    /// No figure in this column (a heading, or a row the column does not have).
    Blank,
}

/// What kind of row, for layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A group heading, without figures.
    Heading,
    Line,
    /// A team's "därutöver medlemmarnas tillskott": what the members add on
    /// top of the förbund's funding shown on the team's line (not part of it).
    Topup,
    Subtotal,
    Total,
    /// A total set in bold (costs, result).
    StrongTotal,
    Equity,
    ClosingEquity,
    Share,
}

/// The four shares of the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareKind {
    /// Admin of costs.
    Admin,
    /// Direct of costs.
    Direct,
    /// Individ of direct.
    Individ,
    /// Structural of direct.
    Struktur,
}

/// What a row computes (the workbook writes its formula from this).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    Heading(Category),
    /// A budget line, by index in the data set.
    Line(usize),
    /// A team line's top-up, by line index.
    Topup(usize),
    Subtotal(Category),
    Direct,
    Costs,
    Revenue,
    Result,
    Opening,
    Closing,
    Guideline,
    Share(ShareKind),
    Balancing,
}

/// A row's definition: its page hook stem (`result`, `line-<id>`), its label,
/// the extra words a screen reader hears, and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowSpec {
    pub key: String,
    pub label: String,
    /// Words for screen readers only (which team a top-up row is for).
    pub hidden: String,
    pub kind: RowKind,
    pub meaning: Meaning,
}

impl RowSpec {
    /// The label with its hidden words, for a document or a file.
    pub fn full_label(&self) -> String {
        format!("{}{}", self.label, self.hidden)
    }
}

/// A group of lines: its heading, its subtotal's label and key.
pub fn group_titles(category: Category) -> (&'static str, &'static str, &'static str) {
    match category {
        Category::Admin => (
            "Administrativa kostnader",
            "Summa administrativa kostnader",
            "admin",
        ),
        Category::Individ => ("Individinsatser", "Summa individinsatser", "individ"),
        Category::Struktur => (
            "Metodutveckling och strukturpåverkande insatser",
            "Summa metodutveckling och strukturpåverkande insatser",
            "struktur",
        ),
    }
}

/// The label of the guideline row, with the percentage in use.
pub fn guideline_label(percent: Decimal) -> String {
    format!(
        "Riktvärde: eget kapital bör understiga ({}\u{a0}% av medlen)",
        percent_input(percent)
    )
}

/// Every row of the layout, in order, for a data set.
pub fn rows(data: &Dataset, guideline_percent: Decimal) -> Vec<RowSpec> {
    let mut rows = Vec::new();
    let mut push = |key: String, label: String, hidden: String, kind, meaning| {
        rows.push(RowSpec {
            key,
            label,
            hidden,
            kind,
            meaning,
        })
    };
    for category in Category::ALL {
        let (heading, total, key) = group_titles(category);
        push(
            String::new(),
            heading.to_owned(),
            String::new(),
            RowKind::Heading,
            Meaning::Heading(category),
        );
        for (i, line) in data
            .lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.category == category)
        {
            push(
                format!("line-{}", line.id),
                line.name.clone(),
                String::new(),
                RowKind::Line,
                Meaning::Line(i),
            );
            if line.team {
                push(
                    format!("topup-{}", line.id),
                    "därutöver medlemmarnas tillskott".to_owned(),
                    format!(" för {}", line.name),
                    RowKind::Topup,
                    Meaning::Topup(i),
                );
            }
        }
        push(
            key.to_owned(),
            total.to_owned(),
            String::new(),
            RowKind::Subtotal,
            Meaning::Subtotal(category),
        );
    }
    let fixed: [(&str, &str, RowKind, Meaning); 6] = [
        (
            "direct",
            "Summa direkta insatskostnader",
            RowKind::Total,
            Meaning::Direct,
        ),
        (
            "costs",
            "Summa kostnader",
            RowKind::StrongTotal,
            Meaning::Costs,
        ),
        (
            "revenue",
            "Medel från huvudmännen",
            RowKind::Total,
            Meaning::Revenue,
        ),
        ("result", "Resultat", RowKind::StrongTotal, Meaning::Result),
        (
            "opening",
            "Ingående eget kapital",
            RowKind::Equity,
            Meaning::Opening,
        ),
        (
            "closing",
            "Utgående eget kapital",
            RowKind::ClosingEquity,
            Meaning::Closing,
        ),
    ];
    for (key, label, kind, meaning) in fixed {
        push(
            key.to_owned(),
            label.to_owned(),
            String::new(),
            kind,
            meaning,
        );
    }
    push(
        "guideline".to_owned(),
        guideline_label(guideline_percent),
        String::new(),
        RowKind::Equity,
        Meaning::Guideline,
    );
    let shares: [(&str, &str, ShareKind); 4] = [
        (
            "share-admin",
            "Administrativa kostnader, andel av kostnader",
            ShareKind::Admin,
        ),
        (
            "share-direct",
            "Direkta insatskostnader, andel av kostnader",
            ShareKind::Direct,
        ),
        (
            "share-individ",
            "Individinsatser, andel av direkta",
            ShareKind::Individ,
        ),
        (
            "share-struktur",
            "Metodutveckling och strukturella insatser, andel av direkta",
            ShareKind::Struktur,
        ),
    ];
    for (key, label, share) in shares {
        push(
            key.to_owned(),
            label.to_owned(),
            String::new(),
            RowKind::Share,
            Meaning::Share(share),
        );
    }
    push(
        "balancing-funding".to_owned(),
        "Finansieringsnivå som ger resultat 0".to_owned(),
        String::new(),
        RowKind::Share,
        Meaning::Balancing,
    );
    rows
}

/// A year's figure for a row.
pub fn figure(meaning: Meaning, y: &YearOutcome) -> Figure {
    match meaning {
        Meaning::Heading(_) => Figure::Blank,
        Meaning::Line(i) => Figure::Kronor(y.lines[i].cost),
        Meaning::Topup(i) => Figure::Topup {
            amount: y.lines[i].topup,
            level: y.lines[i].team_level.unwrap_or(Decimal::ONE_HUNDRED),
        },
        Meaning::Subtotal(Category::Admin) => Figure::Kronor(y.admin),
        Meaning::Subtotal(Category::Individ) => Figure::Kronor(y.individ),
        Meaning::Subtotal(Category::Struktur) => Figure::Kronor(y.struktur),
        Meaning::Direct => Figure::Kronor(y.direct),
        Meaning::Costs => Figure::Kronor(y.costs),
        Meaning::Revenue => Figure::Kronor(y.revenue),
        Meaning::Result => Figure::Kronor(y.result),
        Meaning::Opening => Figure::Kronor(y.opening),
        Meaning::Closing => Figure::Kronor(y.closing),
        Meaning::Guideline => Figure::Kronor(y.guideline),
        Meaning::Share(ShareKind::Admin) => Figure::Percent(y.share_admin),
        Meaning::Share(ShareKind::Direct) => Figure::Percent(y.share_direct),
        Meaning::Share(ShareKind::Individ) => Figure::Percent(y.share_individ),
        Meaning::Share(ShareKind::Struktur) => Figure::Percent(y.share_struktur),
        Meaning::Balancing => Figure::Level(y.balancing),
    }
}

/// A column's heading: its year, its title and a note under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnHead {
    pub year: Year,
    pub title: String,
    pub note: String,
    /// The reference year (read-only, shown for comparison).
    pub reference: bool,
}

/// A row with one figure per column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub spec: RowSpec,
    pub figures: Vec<Figure>,
}

/// The budget table of a scenario: the reference year (if any) and the plan years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetTable {
    pub columns: Vec<ColumnHead>,
    pub rows: Vec<Row>,
}

/// The words under a column's year.
fn column_head(data: &Dataset, scenario: &Scenario, year: Year, reference: bool) -> ColumnHead {
    let kind = data.year_column(year).map(|c| data.columns[c].kind);
    let (title, note) = if reference {
        let word = if kind == Some(ColumnKind::Outcome) {
            "Utfall"
        } else {
            "Budget"
        };
        (
            format!("{word} {year}"),
            if kind == Some(ColumnKind::Outcome) {
                "utfall"
            } else {
                "beslutad"
            },
        )
    } else if year == data.first_plan_year {
        let basis = match scenario.basis(data) {
            Basis::Prognos => "prognos",
            Basis::Budget => "budget",
        };
        (year.to_string(), basis)
    } else {
        let note = match kind {
            Some(ColumnKind::Budget) => "budget",
            Some(ColumnKind::Outlook) => "utblick",
            _ => "scenario",
        };
        (year.to_string(), note)
    };
    ColumnHead {
        year,
        title,
        note: note.to_owned(),
        reference,
    }
}

/// The budget table of a scenario and its projection.
pub fn budget_table(data: &Dataset, scenario: &Scenario, projection: &Projection) -> BudgetTable {
    let years: Vec<(&YearOutcome, bool)> = projection
        .reference
        .iter()
        .map(|y| (y, true))
        .chain(projection.years.iter().map(|y| (y, false)))
        .collect();
    BudgetTable {
        columns: years
            .iter()
            .map(|(y, reference)| column_head(data, scenario, y.year, *reference))
            .collect(),
        rows: rows(data, scenario.equity_guideline(data))
            .into_iter()
            .map(|spec| Row {
                figures: years.iter().map(|(y, _)| figure(spec.meaning, y)).collect(),
                spec,
            })
            .collect(),
    }
}
