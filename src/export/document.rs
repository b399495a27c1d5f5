//! The printable decision document (*beslutsunderlag*) as HTML for A4
//! portrait: the proposal in words, the board's reasons, the settings, the
//! key figures and the equity chart, the comparison when one is open, the
//! budget in the official layout, the members' figures, the teams' staffing,
//! the assumptions, the sources and the full link. No controls, no page
//! hooks. Wide tables are split into blocks of years so that no table gets
//! smaller than 8 pt, whatever the plan period.

use crate::core::compare::{compare, ColumnFigures};
use crate::core::engine::{EquityWarning, Projection, YearOutcome};
use crate::core::horizon::Year;
use crate::core::members::members_table;
use crate::core::staffing::staffing_table;
use crate::core::Balancing;
use crate::core::{project, Dataset, Scenario};
use crate::export::cards::equity_note;
use crate::export::chart::comparison_chart;
use crate::export::format::{difference_kr, kronor, kronor_kr, percent};
use crate::export::markup::Markup;
use crate::export::paper::{members_tables, staffing_tables};
use crate::export::proposal::proposal;
use crate::export::svg::{equity_chart_html, line_chart_html};
use crate::export::table::{budget_table, BudgetTable, Figure, Meaning, RowKind};
use crate::export::words::{settings, split_description};

/// The most year columns a printed table holds (more would need type under 8 pt).
const YEARS_PER_TABLE: usize = 6;

/// A compared scenario as a document or the workbook gets it.
pub struct Compared<'a> {
    /// The label the comparison shows it under.
    pub label: &'a str,
    pub scenario: &'a Scenario,
    /// The board's reasons for it ("" when none are given).
    pub motivation: &'a str,
}

/// What the document is about.
pub struct DocumentRequest<'a> {
    pub data: &'a Dataset,
    pub scenario: &'a Scenario,
    /// The board's reasons.
    pub motivation: &'a str,
    pub comparison: Vec<Compared<'a>>,
    /// The saved scenario's name, when one is open.
    pub name: Option<&'a str>,
    /// The date printed, `YYYY-MM-DD`.
    pub printed: &'a str,
    /// The full link to the scenario (or the comparison), printed as text.
    pub link: &'a str,
}

/// A figure as Swedish text for a document: `1 918 000 kr`, `77,5 %`,
/// `nås inte`; a dash when undefined.
pub fn figure_text(figure: Figure) -> String {
    match figure {
        Figure::Kronor(v) | Figure::Topup { amount: v, .. } => kronor_kr(v),
        Figure::Percent(Some(v)) | Figure::Level(Balancing::Reachable(v)) => percent(v),
        Figure::Percent(None) | Figure::Blank => "–".to_owned(),
        Figure::Level(Balancing::NotReachable) => "nås inte".to_owned(),
    }
}

/// A figure of the printed budget table: kronor without the unit (the
/// caption says kronor), so that six years and the labels fit A4 at 8 pt.
fn budget_figure_text(figure: Figure) -> String {
    match figure {
        Figure::Kronor(v) | Figure::Topup { amount: v, .. } => kronor(v),
        other => figure_text(other),
    }
}

/// A table head: a first column heading and one per column.
fn head(m: &mut Markup, first: &str, columns: &[String]) {
    m.open("thead", &[]).open("tr", &[]);
    m.header("col", "", first);
    for c in columns {
        m.header("col", "num", c);
    }
    m.close("tr").close("thead");
}

/// Column positions in blocks of at most `size`, the reference column (if
/// `keep_first`) repeated in each so every block reads on its own.
fn blocks(count: usize, size: usize, keep_first: bool) -> Vec<Vec<usize>> {
    let start = usize::from(keep_first);
    let rest: Vec<usize> = (start..count).collect();
    rest.chunks(size.saturating_sub(start).max(1))
        .map(|chunk| {
            let mut block = if keep_first { vec![0] } else { Vec::new() };
            block.extend_from_slice(chunk);
            block
        })
        .collect()
}

/// The budget table in the official layout, in blocks of years.
fn budget_tables(m: &mut Markup, table: &BudgetTable) {
    let keep_first = table.columns.first().is_some_and(|c| c.reference);
    for block in blocks(table.columns.len(), YEARS_PER_TABLE, keep_first) {
        m.open("table", &[("class", "budget doc__budget")]);
        m.element("caption", &[], "Budget, kronor. Teamraderna visar förbundets kostnad; raden under visar vad medlemmarna behöver tillföra för full bemanning.");
        // The note under each year says what its figures are (prognos,
        // budget, scenario), as on the page: on paper too a prognosis column
        // must not read as a budget.
        m.open("thead", &[]).open("tr", &[]);
        m.header("col", "", "Rad");
        for &c in block.iter() {
            let column = &table.columns[c];
            m.heading_with_note("num", &column.title, &column.note);
        }
        m.close("tr").close("thead");
        m.open("tbody", &[]);
        // The guideline and the level for a zero result are among the key
        // figures on the first page already.
        let printed = table
            .rows
            .iter()
            .filter(|r| !matches!(r.spec.meaning, Meaning::Guideline | Meaning::Balancing));
        for row in printed {
            let class = match row.spec.kind {
                RowKind::Heading => "group-heading",
                RowKind::Line => "line",
                RowKind::Topup => "topup",
                RowKind::Subtotal => "subtotal",
                RowKind::Total | RowKind::StrongTotal => "total",
                RowKind::Equity | RowKind::ClosingEquity => "equity",
                RowKind::Share => "share",
            };
            m.open("tr", &[("class", class)]);
            if row.spec.kind == RowKind::Heading {
                let span = (block.len() + 1).to_string();
                m.element(
                    "th",
                    &[("scope", "rowgroup"), ("colspan", &span)],
                    &row.spec.label,
                );
            } else {
                // On paper a top-up row follows its team's line, so its
                // label need not repeat the team (the page's hidden part).
                m.header("row", "", &row.spec.label);
                for &c in &block {
                    m.number(&budget_figure_text(row.figures[c]));
                }
            }
            m.close("tr");
        }
        m.close("tbody").close("table");
    }
}

/// The per-year key figures: result, closing equity, the ceiling, the
/// members' top-up, the warning and the level for a zero result.
fn key_figures(m: &mut Markup, projection: &Projection) {
    type Text = fn(&YearOutcome) -> String;
    let rows: [(&str, Text); 6] = [
        ("Resultat", |y| kronor_kr(y.result)),
        ("Utgående eget kapital", |y| kronor_kr(y.closing)),
        ("Riktvärde (bör understiga)", |y| kronor_kr(y.guideline)),
        ("Medlemmarnas tillskott till teamen", |y| {
            kronor_kr(y.topup_total)
        }),
        ("Varning", |y| {
            match y.warning {
                Some(EquityWarning::Negative) => "Negativt eget kapital",
                Some(EquityWarning::AboveGuideline) => "Över riktvärdet",
                None => "ingen",
            }
            .to_owned()
        }),
        ("Finansieringsnivå som ger resultat 0", |y| {
            figure_text(Figure::Level(y.balancing))
        }),
    ];
    for block in blocks(projection.years.len(), YEARS_PER_TABLE, false) {
        m.open("table", &[("class", "budget doc__keys")]);
        m.element("caption", &[], "Nyckeltal per år");
        let years: Vec<String> = block
            .iter()
            .map(|&i| projection.years[i].year.to_string())
            .collect();
        head(m, "", &years);
        m.open("tbody", &[]);
        for (label, text) in rows {
            m.open("tr", &[]);
            m.header("row", "", label);
            for &i in &block {
                m.number(&text(&projection.years[i]));
            }
            m.close("tr");
        }
        m.close("tbody").close("table");
    }
}

/// The comparison's columns and their differences from the base, per year.
fn comparison_table(m: &mut Markup, labels: &[String], compared: &[ColumnFigures]) {
    let Some(base) = compared.first() else {
        return;
    };
    m.open("table", &[("class", "budget doc__comparison")]);
    m.element(
        "caption",
        &[],
        "Jämförelse: kolumn 1 är basen; inom parentes står skillnaden mot basen.",
    );
    head(m, "Per år", labels);
    m.open("tbody", &[]);
    type Value = fn(&crate::core::compare::YearFigures) -> rust_decimal::Decimal;
    type Diff = fn(&crate::core::compare::Difference) -> rust_decimal::Decimal;
    // (label, value, difference, whether the equity's warning is said)
    let rows: [(&str, Value, Diff, bool); 3] = [
        ("Resultat", |y| y.result, |d| d.result, false),
        ("Utgående eget kapital", |y| y.closing, |d| d.closing, true),
        (
            "Medlemmarnas tillskott till teamen",
            |y| y.topup,
            |d| d.topup,
            false,
        ),
    ];
    for (yi, year) in base.years.iter().enumerate() {
        m.open("tr", &[("class", "group-heading")]);
        let span = (labels.len() + 1).to_string();
        m.element(
            "th",
            &[("scope", "rowgroup"), ("colspan", &span)],
            &year.year.to_string(),
        );
        m.close("tr");
        for (label, value, diff, noted) in rows {
            m.open("tr", &[]);
            m.header("row", "", label);
            for c in compared {
                let y = &c.years[yi];
                let mut text = kronor_kr(value(y));
                if let Some(note) = equity_note(y.warning).filter(|_| noted) {
                    text = format!("{text} {note}");
                }
                if let Some(d) = &y.diff {
                    text = format!("{text} ({})", difference_kr(diff(d)));
                }
                m.number(&text);
            }
            m.close("tr");
        }
        m.open("tr", &[]);
        m.header("row", "", "Finansieringsnivå som ger resultat 0");
        for c in compared {
            m.number(&figure_text(Figure::Level(c.years[yi].balancing)));
        }
        m.close("tr");
    }
    m.close("tbody").close("table");
}

fn header(m: &mut Markup, request: &DocumentRequest<'_>, years: (Year, Year)) {
    let data = request.data;
    m.open("header", &[("class", "doc__header")]);
    m.element("p", &[("class", "doc__org")], &data.organisation);
    m.element(
        "h1",
        &[],
        &format!("Beslutsunderlag: budget {}–{}", years.0, years.1),
    );
    let name = request.name.map_or_else(
        || "Namnlöst scenario".to_owned(),
        |n| format!("Scenario: ”{n}”"),
    );
    m.element(
        "p",
        &[("class", "doc__meta")],
        &format!(
            "{name} · Utskrivet {} · Dataunderlag: {}",
            request.printed, data.name
        ),
    );
    m.close("header");
}

/// The decision document as HTML.
pub fn decision_document(request: &DocumentRequest<'_>) -> String {
    decision_document_with_risk(request, None)
}

/// The decision document as HTML, with the risk section ("Hur säkert är
/// det?", `export::risk`) after the key figures when a report is given.
pub fn decision_document_with_risk(
    request: &DocumentRequest<'_>,
    risk: Option<&crate::export::risk::RiskReport>,
) -> String {
    let (data, scenario) = (request.data, request.scenario);
    let projection = project(data, scenario);
    let plan_years: Vec<Year> = projection.years.iter().map(|y| y.year).collect();
    let span = (plan_years[0], *plan_years.last().expect("a year"));
    let mut m = Markup::without_hooks();
    m.open("article", &[("class", "doc"), ("lang", "sv")]);
    header(&mut m, request, span);

    m.element("h2", &[], "Förslag till beslut");
    m.element(
        "p",
        &[("class", "doc__proposal")],
        &proposal(data, scenario, &projection),
    );
    if !request.motivation.trim().is_empty() {
        m.element("h2", &[], "Motivering");
        for paragraph in request
            .motivation
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
        {
            m.element("p", &[("class", "doc__motivation")], paragraph.trim());
        }
    }

    m.element("h2", &[], "Antaganden i scenariot");
    m.open("dl", &[("class", "doc__settings")]);
    for (label, text) in settings(data, scenario) {
        m.element("dt", &[], &label);
        m.element("dd", &[], &text);
    }
    m.element("dt", &[], "Länk till scenariot");
    m.element("dd", &[("class", "doc__link")], request.link);
    m.close("dl");

    m.element("h2", &[], "Resultat och eget kapital");
    key_figures(&mut m, &projection);
    equity_chart_html(
        &mut m,
        &projection,
        "Utgående eget kapital per år, med riktvärdet (taket) markerat",
        "",
    );
    if let Some(report) = risk {
        crate::export::risk::html::document_section(&mut m, report);
    }

    if !request.comparison.is_empty() {
        m.element("h2", &[], "Jämförelse av scenarier");
        let scenarios: Vec<&Scenario> = request.comparison.iter().map(|c| c.scenario).collect();
        let compared = compare(data, &scenarios, None);
        let labels: Vec<String> = request
            .comparison
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{}. {}", i + 1, c.label))
            .collect();
        let columns: Vec<(&str, &Scenario)> = request
            .comparison
            .iter()
            .map(|c| (c.label, c.scenario))
            .collect();
        if let Some(note) = crate::export::assumptions::differing_growth(data, &columns) {
            m.element("p", &[("class", "note")], &note);
        }
        comparison_table(&mut m, &labels, &compared);
        let series: Vec<(String, Vec<(Year, rust_decimal::Decimal)>)> = labels
            .iter()
            .zip(&compared)
            .map(|(l, c)| (l.clone(), c.closing_series.clone()))
            .collect();
        line_chart_html(
            &mut m,
            &comparison_chart(&series),
            "Utgående eget kapital per scenario",
            "",
        );
        for (i, c) in request
            .comparison
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.motivation.trim().is_empty())
        {
            m.element(
                "p",
                &[("class", "doc__motivation")],
                &format!(
                    "Motivering till {}. {}: {}",
                    i + 1,
                    c.label,
                    c.motivation.trim()
                ),
            );
        }
    }

    m.element("h2", &[], "Budget");
    budget_tables(&mut m, &budget_table(data, scenario, &projection));
    if let Some(f) = crate::export::followup::follow_up(data) {
        m.element("h2", &[], &format!("Uppföljning {}", f.year));
        crate::export::followup::follow_up_html(&mut m, &f);
    }

    if let Some(members) = members_table(data, scenario, &projection) {
        m.element("h2", &[], "Medlemmarnas medel och tillskott");
        members_tables(&mut m, &members, &split_description(data));
    }
    let teams = staffing_table(data, scenario, &projection);
    if !teams.is_empty() {
        m.element("h2", &[], "Teamens bemanning om ingen skjuter till");
        staffing_tables(&mut m, &teams, &plan_years);
    }

    m.element("h2", &[], "Antaganden och källor");
    for paragraph in [
        "Teamen: förbundet betalar teamets fulla kostnad gånger finansieringsnivån; resten är medlemmarnas tillskott för att behålla teamet som i dag. Om ingen skjuter till antas teamet krympa i proportion till pengarna: årsarbetare avrundas till en decimal, deltagare till hela personer.".to_owned(),
        format!("Kostnader för år utan siffror i dataunderlaget räknas upp från budget {} och sedan från året före, med årets kostnadsökning, per rad och avrundat till hela kronor. År efter dataunderlagets egen planperiod behåller föregående års val. En styrd andel individinsatser skalar de strukturella raderna i proportion till deras kostnader; kronor som blir över vid avrundningen går till raderna med störst rest.", data.first_plan_year),
        "Resultat är medel från huvudmännen minus summa kostnader; utgående eget kapital är ingående plus resultat och blir nästa års ingående. Riktvärdet är ett tak: eget kapital bör understiga det. Alla belopp räknas exakt i hela kronor, avrundning sker halva bort från noll.".to_owned(),
    ] {
        m.element("p", &[], &paragraph);
    }
    m.open("ul", &[("class", "doc__sources")]);
    for s in &data.sources {
        m.element(
            "li",
            &[],
            &format!("{} ({}, {}). {}", s.title, s.issuer, s.date, s.note),
        );
    }
    m.close("ul");
    m.close("article");
    m.finish()
}
