//! What leaves the page as a document: the budget table as rows (the one
//! source for the CSV files and the printed decision document), the
//! scenario's settings in words, the CSV files, and the printable decision
//! document (*beslutsunderlag*) as HTML. Pure, so the
//! exact bytes are tested natively; the page only hands them to the browser.
//!
//! The CSV files are for Swedish Excel opened with a double-click: UTF-8
//! with a byte-order mark, `;` between fields, decimal comma, kronor as plain
//! integers, one header row. They are written with the `csv` crate.

use crate::model::chart::{equity_chart, px};
use crate::model::comparison::{figures, ComparisonFigures, Difference, YearFigures};
use crate::model::data::{Category, Dataset};
use crate::model::engine::{project, Balancing, EquityWarning, Projection, YearOutcome};
use crate::model::format::{compact_kronor, difference_kr, kronor_kr, percent, percent_input};
use crate::model::link::PageLink;
use crate::model::markup::Markup;
use crate::model::members::{members_table, split_description, MembersTable};
use crate::model::money::percent_one_decimal;
use crate::model::scenario::{Basis, PlanYear, Scenario, TopupRule};
use crate::model::staffing::staffing_table;
use crate::model::tables::{members_table_into, team_table_into};
use rust_decimal::Decimal;

/// Picks an amount of a year.
type Amount = fn(&YearOutcome) -> Decimal;
/// Picks a share of a year (`None`: undefined).
type Share = fn(&YearOutcome) -> Option<Decimal>;

/// A year's figure as text.
type YearText<'a> = &'a dyn Fn(&YearOutcome) -> String;
/// Picks a compared column's amount, and the same amount's difference.
type ComparedAmount = (
    &'static str,
    fn(&YearFigures) -> Decimal,
    fn(&Difference) -> Decimal,
);

/// One figure of the budget table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Kronor(Decimal),
    /// A share, % (exact); `None` when undefined.
    Percent(Option<Decimal>),
    /// The level for a zero result.
    Level(Balancing),
}

/// What kind of row, for layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A group heading, without figures.
    Heading,
    Line,
    /// A team's "varav medlemmarnas tillskott".
    Topup,
    Subtotal,
    Total,
    Equity,
    Share,
}

/// One row of the budget table: its page hook stem (`result`, `line-<id>`),
/// its label, and one figure per year (2024 reference first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub key: String,
    pub label: String,
    pub kind: RowKind,
    pub figures: Vec<Figure>,
}

/// The budget table in the official layout, 2024 (reference) and the plan
/// years: lines by category with subtotals, totals, result, equity,
/// guideline, shares and the level for a zero result.
pub fn budget_rows(data: &Dataset, scenario: &Scenario, projection: &Projection) -> Vec<Row> {
    let years: Vec<&YearOutcome> = projection.all_years().collect();
    let mut rows = Vec::new();
    let mut push = |key: String, label: String, kind, figure: &dyn Fn(&YearOutcome) -> Figure| {
        rows.push(Row {
            key,
            label,
            kind,
            figures: years.iter().map(|y| figure(y)).collect(),
        });
    };
    let groups: [(Category, &str, &str, &str, Amount); 3] = [
        (
            Category::Admin,
            "Administrativa kostnader",
            "Summa administrativa kostnader",
            "admin",
            |y| y.admin,
        ),
        (
            Category::Individ,
            "Individinsatser",
            "Summa individinsatser",
            "individ",
            |y| y.individ,
        ),
        (
            Category::Struktur,
            "Metodutveckling och strukturpåverkande insatser",
            "Summa metodutveckling och strukturpåverkande insatser",
            "struktur",
            |y| y.struktur,
        ),
    ];
    for (category, heading, total, key, pick) in groups {
        push(String::new(), heading.to_owned(), RowKind::Heading, &|_| {
            Figure::Percent(None)
        });
        for (i, line) in data.lines.iter().enumerate() {
            if line.category != category {
                continue;
            }
            push(
                format!("line-{}", line.id),
                line.name.clone(),
                RowKind::Line,
                &|y| Figure::Kronor(y.lines[i].cost),
            );
            if line.team {
                push(
                    format!("topup-{}", line.id),
                    format!("varav medlemmarnas tillskott för {}", line.name),
                    RowKind::Topup,
                    &|y| Figure::Kronor(y.lines[i].topup),
                );
            }
        }
        push(key.to_owned(), total.to_owned(), RowKind::Subtotal, &|y| {
            Figure::Kronor(pick(y))
        });
    }
    let money: [(&str, &str, RowKind, Amount); 6] = [
        (
            "direct",
            "Summa direkta insatskostnader",
            RowKind::Total,
            |y| y.direct,
        ),
        ("costs", "Summa kostnader", RowKind::Total, |y| y.costs),
        ("revenue", "Medel från huvudmännen", RowKind::Total, |y| {
            y.revenue
        }),
        ("result", "Resultat", RowKind::Total, |y| y.result),
        ("opening", "Ingående eget kapital", RowKind::Equity, |y| {
            y.opening
        }),
        ("closing", "Utgående eget kapital", RowKind::Equity, |y| {
            y.closing
        }),
    ];
    for (key, label, kind, pick) in money {
        push(key.to_owned(), label.to_owned(), kind, &|y| {
            Figure::Kronor(pick(y))
        });
    }
    push(
        "guideline".to_owned(),
        format!(
            "Riktvärde eget kapital ({}\u{a0}% av medlen)",
            percent_input(scenario.equity_guideline)
        ),
        RowKind::Equity,
        &|y| Figure::Kronor(y.guideline),
    );
    let shares: [(&str, &str, Share); 4] = [
        (
            "share-admin",
            "Administrativa kostnader, andel av kostnader",
            |y| y.share_admin,
        ),
        (
            "share-direct",
            "Direkta insatskostnader, andel av kostnader",
            |y| y.share_direct,
        ),
        ("share-individ", "Individinsatser, andel av direkta", |y| {
            y.share_individ
        }),
        (
            "share-struktur",
            "Metodutveckling och strukturella insatser, andel av direkta",
            |y| y.share_struktur,
        ),
    ];
    for (key, label, pick) in shares {
        push(key.to_owned(), label.to_owned(), RowKind::Share, &|y| {
            Figure::Percent(pick(y))
        });
    }
    push(
        "balancing-funding".to_owned(),
        "Finansieringsnivå som ger resultat 0".to_owned(),
        RowKind::Share,
        &|y| Figure::Level(y.balancing),
    );
    rows
}

/// A figure as Swedish text for a document: `1 918 000 kr`, `77,5 %`,
/// `nås inte`; a dash when undefined.
pub fn figure_text(figure: Figure) -> String {
    match figure {
        Figure::Kronor(v) => kronor_kr(v),
        Figure::Percent(Some(v)) => percent(v),
        Figure::Percent(None) => "–".to_owned(),
        Figure::Level(Balancing::Reachable(v)) => percent(v),
        Figure::Level(Balancing::NotReachable) => "nås inte".to_owned(),
    }
}

/// A figure as a CSV field: whole kronor as a plain integer, shares with one
/// decimal and a decimal comma, empty when undefined.
fn figure_field(figure: Figure) -> String {
    let one_decimal = |v: Decimal| {
        let mut rounded = percent_one_decimal(v);
        rounded.rescale(1);
        rounded.to_string().replace('.', ",")
    };
    match figure {
        Figure::Kronor(v) => crate::model::money::kr(v).to_string(),
        Figure::Percent(Some(v)) | Figure::Level(Balancing::Reachable(v)) => one_decimal(v),
        Figure::Percent(None) | Figure::Level(Balancing::NotReachable) => String::new(),
    }
}

/// The byte-order mark that makes Excel read the file as UTF-8.
const BOM: &[u8] = b"\xEF\xBB\xBF";

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

/// The budget table as CSV: `Rad;Id;2024;2025;2026;2027`, one record per
/// row with figures (group headings left out). `Id` is the row's name on
/// the page, so a figure can be traced to its place.
pub fn budget_csv(rows: &[Row], years: &[u16]) -> Vec<u8> {
    let mut header = vec!["Rad".to_owned(), "Id".to_owned()];
    header.extend(years.iter().map(u16::to_string));
    let records: Vec<Vec<String>> = rows
        .iter()
        .filter(|r| r.kind != RowKind::Heading)
        .map(|r| {
            let mut record = vec![r.label.clone(), r.key.clone()];
            record.extend(r.figures.iter().map(|f| figure_field(*f)));
            record
        })
        .collect();
    write_csv(&header, &records)
}

/// The members' table as CSV: per member its 2024 contribution and, per plan
/// year, contribution, top-up, total and change from the first plan year.
pub fn members_csv(table: &MembersTable) -> Vec<u8> {
    let mut header = vec![
        "Medlem".to_owned(),
        "Id".to_owned(),
        "Medel 2024".to_owned(),
    ];
    for y in &table.totals.years {
        for what in ["Medel", "Tillskott", "Totalt", "Förändring"] {
            header.push(format!("{what} {}", y.year));
        }
    }
    let records: Vec<Vec<String>> = table
        .members
        .iter()
        .chain(std::iter::once(&table.totals))
        .map(|m| {
            let mut record = vec![
                m.name.clone(),
                m.id.clone(),
                m.contribution_2024.to_string(),
            ];
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

/// The part of a file name after `budgetsimulatorn-`: the saved scenario's
/// name in lower case with anything but letters and digits as `-`, else the
/// date (`2026-11-23`).
pub fn file_stem(name: Option<&str>, date: &str) -> String {
    let slug = name
        .map(|n| {
            n.to_lowercase()
                .chars()
                .map(|c| if c.is_alphanumeric() { c } else { '-' })
                .collect::<String>()
                .split('-')
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join("-")
        })
        .unwrap_or_default();
    if slug.is_empty() {
        date.to_owned()
    } else {
        slug
    }
}

/// Which table a CSV file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvTable {
    Budget,
    Members,
}

/// A scenario's CSV file: its name (`budgetsimulatorn-<stem>.csv`, the
/// members' with `-medlemmar`) and its bytes.
pub fn csv_file(
    data: &Dataset,
    scenario: &Scenario,
    table: CsvTable,
    stem: &str,
) -> (String, Vec<u8>) {
    let projection = project(data, scenario);
    match table {
        CsvTable::Members => (
            format!("budgetsimulatorn-medlemmar-{stem}.csv"),
            members_csv(&members_table(data, scenario, &projection)),
        ),
        CsvTable::Budget => {
            let years: Vec<u16> = projection.all_years().map(|y| y.year).collect();
            let rows = budget_rows(data, scenario, &projection);
            (
                format!("budgetsimulatorn-{stem}.csv"),
                budget_csv(&rows, &years),
            )
        }
    }
}

/// Plan years as `2025 100 %, 2026 80 %, 2027 80 %`.
fn per_year(values: impl Iterator<Item = (u16, String)>) -> String {
    values
        .map(|(year, text)| format!("{year} {text}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The scenario's settings in words, so a reader without the app knows what
/// was assumed: (label, text) pairs.
pub fn settings(data: &Dataset, scenario: &Scenario) -> Vec<(String, String)> {
    let years = PlanYear::ALL;
    let pct = |v: Decimal| format!("{}\u{a0}%", percent_input(v));
    let mut out = vec![(
        "Finansieringsnivå för samordningsteamen".to_owned(),
        per_year(
            years
                .iter()
                .map(|y| (y.number(), pct(scenario.funding[y.index()]))),
        ),
    )];
    let overrides: Vec<String> = years
        .iter()
        .flat_map(|y| {
            scenario.funding_override[y.index()]
                .iter()
                .map(move |(team, level)| (y.number(), team.clone(), *level))
        })
        .map(|(year, team, level)| {
            let name = data
                .lines
                .iter()
                .find(|l| l.id == team)
                .map_or(team.clone(), |l| l.name.clone());
            format!("{name} {year} {}", pct(level))
        })
        .collect();
    out.push((
        "Egen nivå för enskilda team".to_owned(),
        if overrides.is_empty() {
            "ingen".to_owned()
        } else {
            overrides.join("; ")
        },
    ));
    out.push((
        "Andel individinsatser av de direkta kostnaderna".to_owned(),
        per_year(years.iter().map(|y| {
            let text = match scenario.individ_share[y.index()] {
                Some(v) => format!("styrd till {}", pct(v)),
                None => "som budgeterat".to_owned(),
            };
            (y.number(), text)
        })),
    ));
    out.push((
        "Medel från huvudmännen".to_owned(),
        per_year(
            years
                .iter()
                .map(|y| (y.number(), kronor_kr(scenario.revenue(data, *y)))),
        ),
    ));
    out.push((
        "Kostnadsökning".to_owned(),
        format!("{} per år från budget 2025", pct(scenario.cost_growth)),
    ));
    out.push((
        "Underlag för 2025".to_owned(),
        match scenario.basis {
            Basis::Prognos => "prognosen i delårsrapporten".to_owned(),
            Basis::Budget => "budget 2025".to_owned(),
        },
    ));
    out.push((
        "Ingående eget kapital 2025".to_owned(),
        kronor_kr(scenario.opening_equity),
    ));
    out.push((
        "Riktvärde för eget kapital".to_owned(),
        format!("{} av årets medel", pct(scenario.equity_guideline)),
    ));
    out.push((
        "Vem står för teamens tillskott".to_owned(),
        match scenario.topup_rule {
            TopupRule::Served => "de kommuner teamet betjänar, efter folkmängd".to_owned(),
            TopupRule::Key => "alla medlemmar, som medlen".to_owned(),
        },
    ));
    let staffing: Vec<String> = data
        .teams()
        .filter(|t| {
            scenario.team_fte.contains_key(&t.id) || scenario.team_participants.contains_key(&t.id)
        })
        .map(|t| {
            let fte = scenario
                .fte(data, &t.id)
                .map_or("uppgift saknas".to_owned(), |v| {
                    format!("{} årsarbetare", crate::model::format::decimal_comma(v))
                });
            let people = scenario
                .participants(data, &t.id)
                .map_or("uppgift saknas".to_owned(), |(l, h)| {
                    format!("{} deltagare", crate::model::markup::range_text(l, h))
                });
            format!("{} {fte}, {people}", t.name)
        })
        .collect();
    if !staffing.is_empty() {
        out.push(("Ändrad bemanning".to_owned(), staffing.join("; ")));
    }
    out
}

/// The equity chart as SVG text (the page draws the same geometry with Yew).
fn equity_chart_svg(m: &mut Markup, projection: &Projection) {
    let chart = equity_chart(projection);
    let frame = &chart.frame;
    m.open("figure", &[("class", "chart")]);
    m.element(
        "figcaption",
        &[("class", "chart__title")],
        "Utgående eget kapital per år, med riktvärdet markerat",
    );
    m.open(
        "svg",
        &[
            ("class", "chart__svg"),
            ("viewBox", &format!("0 0 {} {}", frame.width, frame.height)),
            ("aria-hidden", "true"),
            ("xmlns", "http://www.w3.org/2000/svg"),
        ],
    );
    for t in &frame.ticks {
        m.open("g", &[("class", "chart__tick")]);
        m.open(
            "line",
            &[
                ("x1", &px(frame.plot_left)),
                ("x2", &px(frame.plot_right)),
                ("y1", &px(t.y)),
                ("y2", &px(t.y)),
            ],
        )
        .close("line");
        m.element(
            "text",
            &[
                ("x", &px(frame.tick_label_x)),
                ("y", &px(t.label_y)),
                ("text-anchor", "end"),
            ],
            &compact_kronor(t.value),
        );
        m.close("g");
    }
    for b in &chart.bars {
        let class = if b.negative {
            "chart__bar chart__bar--negative"
        } else {
            "chart__bar"
        };
        m.open("g", &[("class", class)]);
        m.open(
            "rect",
            &[
                ("x", &px(b.x)),
                ("y", &px(b.y)),
                ("width", &px(b.width)),
                ("height", &px(b.height)),
            ],
        )
        .close("rect");
        m.element(
            "text",
            &[
                ("class", "chart__value"),
                ("x", &px(b.centre_x)),
                ("y", &px(b.value_label_y)),
                ("text-anchor", "middle"),
            ],
            &compact_kronor(b.closing),
        );
        m.open(
            "line",
            &[
                ("class", "chart__guideline"),
                ("x1", &px(b.guideline_x1)),
                ("x2", &px(b.guideline_x2)),
                ("y1", &px(b.guideline_y)),
                ("y2", &px(b.guideline_y)),
            ],
        )
        .close("line");
        m.element(
            "text",
            &[
                ("class", "chart__year"),
                ("x", &px(b.centre_x)),
                ("y", &px(frame.label_y)),
                ("text-anchor", "middle"),
            ],
            &b.year.to_string(),
        );
        m.close("g");
    }
    m.open(
        "line",
        &[
            ("class", "chart__zero"),
            ("x1", &px(frame.plot_left)),
            ("x2", &px(frame.plot_right)),
            ("y1", &px(frame.zero_y)),
            ("y2", &px(frame.zero_y)),
        ],
    )
    .close("line");
    m.close("svg").close("figure");
}

/// A table head: a first column heading and one per year.
fn head(m: &mut Markup, first: &str, columns: &[String]) {
    m.open("thead", &[]).open("tr", &[]);
    m.header("col", "", first);
    for c in columns {
        m.header("col", "num", c);
    }
    m.close("tr").close("thead");
}

/// The budget table in the official layout.
fn budget_table(m: &mut Markup, rows: &[Row], years: &[u16]) {
    m.open("table", &[("class", "budget doc__budget")]);
    m.element("caption", &[], "Budget, kronor. Teamraderna visar förbundets kostnad; raden under visar vad medlemmarna behöver tillföra för full bemanning.");
    let mut columns = vec![format!("Budget {}", years[0])];
    columns.extend(years[1..].iter().map(u16::to_string));
    head(m, "Rad", &columns);
    m.open("tbody", &[]);
    for row in rows {
        let class = match row.kind {
            RowKind::Heading => "group-heading",
            RowKind::Line => "line",
            RowKind::Topup => "topup",
            RowKind::Subtotal => "subtotal",
            RowKind::Total => "total",
            RowKind::Equity => "equity",
            RowKind::Share => "share",
        };
        m.open("tr", &[("class", class)]);
        if row.kind == RowKind::Heading {
            m.element(
                "th",
                &[
                    ("scope", "rowgroup"),
                    ("colspan", &(years.len() + 1).to_string()),
                ],
                &row.label,
            );
        } else {
            m.header("row", "", &row.label);
            for f in &row.figures {
                m.number(&figure_text(*f));
            }
        }
        m.close("tr");
    }
    m.close("tbody").close("table");
}

/// The per-year key figures: result, closing equity, guideline, the warning
/// and the level for a zero result.
fn key_figures(m: &mut Markup, projection: &Projection) {
    let years: Vec<&YearOutcome> = projection.years.iter().collect();
    m.open("table", &[("class", "budget doc__keys")]);
    m.element("caption", &[], "Nyckeltal per år");
    head(
        m,
        "",
        &years.iter().map(|y| y.year.to_string()).collect::<Vec<_>>(),
    );
    m.open("tbody", &[]);
    let rows: [(&str, YearText); 5] = [
        ("Resultat", &|y| kronor_kr(y.result)),
        ("Utgående eget kapital", &|y| kronor_kr(y.closing)),
        ("Riktvärde eget kapital", &|y| kronor_kr(y.guideline)),
        ("Varning", &|y| {
            match y.warning {
                Some(EquityWarning::Negative) => "Negativt eget kapital",
                Some(EquityWarning::AboveGuideline) => "Över riktvärdet",
                None => "ingen",
            }
            .to_owned()
        }),
        ("Finansieringsnivå som ger resultat 0", &|y| {
            figure_text(Figure::Level(y.balancing))
        }),
    ];
    for (label, text) in rows {
        m.open("tr", &[]);
        m.header("row", "", label);
        for y in &years {
            m.number(&text(y));
        }
        m.close("tr");
    }
    m.close("tbody").close("table");
}

/// The comparison's columns and their differences from the base.
fn comparison_table(m: &mut Markup, compared: &ComparisonFigures) {
    let Some(base) = compared.columns.first() else {
        return;
    };
    m.open("table", &[("class", "budget doc__comparison")]);
    m.element(
        "caption",
        &[],
        "Jämförelse: kolumn 1 är basen; under beloppen står skillnaden mot basen.",
    );
    let labels: Vec<String> = compared
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{}. {}", i + 1, c.label))
        .collect();
    head(m, "Per år", &labels);
    m.open("tbody", &[]);
    for (yi, year) in base.years.iter().enumerate() {
        m.open("tr", &[("class", "group-heading")]);
        m.element(
            "th",
            &[
                ("scope", "rowgroup"),
                ("colspan", &(labels.len() + 1).to_string()),
            ],
            &year.year.to_string(),
        );
        m.close("tr");
        let rows: [ComparedAmount; 3] = [
            ("Resultat", |y| y.result, |d| d.result),
            ("Utgående eget kapital", |y| y.closing, |d| d.closing),
            (
                "Medlemmarnas tillskott till teamen",
                |y| y.topup,
                |d| d.topup,
            ),
        ];
        for (label, value, diff) in rows {
            m.open("tr", &[]);
            m.header("row", "", label);
            for c in &compared.columns {
                let y = &c.years[yi];
                let text = match &y.diff {
                    Some(d) => format!("{} ({})", kronor_kr(value(y)), difference_kr(diff(d))),
                    None => kronor_kr(value(y)),
                };
                m.number(&text);
            }
            m.close("tr");
        }
        m.open("tr", &[]);
        m.header("row", "", "Finansieringsnivå som ger resultat 0");
        for c in &compared.columns {
            m.number(&figure_text(Figure::Level(c.years[yi].balancing)));
        }
        m.close("tr");
    }
    m.close("tbody").close("table");
}

/// What the document is about, besides the data set.
pub struct DocumentRequest<'a> {
    pub page: &'a PageLink,
    /// The saved scenario's name, when one is open.
    pub name: Option<&'a str>,
    /// The date printed, `YYYY-MM-DD`.
    pub printed: &'a str,
    /// The full link to the scenario (or the comparison), printed as text.
    pub link: &'a str,
}

/// The printable decision document (*beslutsunderlag*) for the scenario on
/// the page, and its comparison when one is open, as HTML for A4 portrait.
pub fn decision_document(data: &Dataset, request: &DocumentRequest<'_>) -> String {
    let scenario = &request.page.scenario;
    let projection = project(data, scenario);
    let all_years: Vec<u16> = projection.all_years().map(|y| y.year).collect();
    let plan_years: Vec<u16> = projection.years.iter().map(|y| y.year).collect();
    let span = format!(
        "{}–{}",
        plan_years.first().copied().unwrap_or_default(),
        plan_years.last().copied().unwrap_or_default()
    );
    let mut m = Markup::without_hooks();
    m.open("article", &[("class", "doc"), ("lang", "sv")]);
    m.open("header", &[("class", "doc__header")]);
    m.element("p", &[("class", "doc__org")], &data.organisation);
    m.element("h1", &[], &format!("Beslutsunderlag: budget {span}"));
    let mut about = format!("Utskrivet {}", request.printed);
    if let Some(name) = request.name {
        about.push_str(&format!(" · Scenario: ”{name}”"));
    }
    m.element("p", &[("class", "doc__meta")], &about);
    m.close("header");

    m.element("h2", &[], "Antaganden i scenariot");
    m.open("dl", &[("class", "doc__settings")]);
    for (label, text) in settings(data, scenario) {
        m.element("dt", &[], &label);
        m.element("dd", &[], &text);
    }
    m.close("dl");

    m.element("h2", &[], "Resultat och eget kapital");
    key_figures(&mut m, &projection);
    equity_chart_svg(&mut m, &projection);

    if !request.page.comparison.columns.is_empty() {
        m.element("h2", &[], "Jämförelse av scenarier");
        let compared = figures(data, &request.page.comparison, None);
        comparison_table(&mut m, &compared);
    }

    m.element("h2", &[], "Budget");
    budget_table(
        &mut m,
        &budget_rows(data, scenario, &projection),
        &all_years,
    );

    m.element("h2", &[], "Medlemmarnas medel och tillskott");
    let members = members_table(data, scenario, &projection);
    members_table_into(&mut m, &members);

    m.element("h2", &[], "Teamens bemanning om ingen skjuter till");
    for team in staffing_table(data, scenario, &projection) {
        m.element("h3", &[], &team.name);
        team_table_into(&mut m, &team, &plan_years);
    }

    m.element("h2", &[], "Antaganden och källor");
    for paragraph in [
        split_description(data),
        "Teamen: förbundet betalar teamets fulla kostnad gånger finansieringsnivån; resten är medlemmarnas tillskott för att behålla teamet som i dag. Om ingen skjuter till antas teamet krympa i proportion till pengarna: årsarbetare avrundas till en decimal, deltagare till hela personer.".to_owned(),
        "Kostnader 2026 och 2027 räknas från budget 2025 med kostnadsökningen per år, per rad och avrundat till hela kronor. En styrd andel individinsatser skalar de strukturella raderna i proportion till deras kostnader; kronor som blir över vid avrundningen går till raderna med störst rest.".to_owned(),
        "Resultat är medel från huvudmännen minus summa kostnader; utgående eget kapital är ingående plus resultat och blir nästa års ingående. Alla belopp räknas exakt i hela kronor, avrundning sker halva bort från noll.".to_owned(),
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
    m.element("h2", &[], "Länk till scenariot");
    m.element("p", &[("class", "doc__link")], request.link);
    m.close("article");
    m.finish()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::engine::project;
    use crate::model::fragment;
    use crate::model::members::members_table;

    fn csv_text(bytes: &[u8]) -> String {
        assert_eq!(&bytes[..3], BOM, "UTF-8 byte-order mark first");
        String::from_utf8(bytes[3..].to_vec()).unwrap()
    }

    #[test]
    fn the_default_budget_csv_has_the_sources_figures() {
        let data = Dataset::sfv_default().unwrap();
        let scenario = Scenario::defaults(&data);
        let projection = project(&data, &scenario);
        let rows = budget_rows(&data, &scenario, &projection);
        let text = csv_text(&budget_csv(&rows, &[2024, 2025, 2026, 2027]));
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0], "Rad;Id;2024;2025;2026;2027");
        // The defaults: 2026 result −2 028 622 kr, contributions 18 958 000,
        // the level for a zero result 85,0 % (docs/model.md §3).
        assert!(
            lines.contains(&"Medel från huvudmännen;revenue;19038000;18958000;18958000;18958000")
        );
        let result = lines.iter().find(|l| l.starts_with("Resultat;")).unwrap();
        assert_eq!(result.split(';').nth(4), Some("-2028622"));
        let level = lines
            .iter()
            .find(|l| l.starts_with("Finansieringsnivå som ger resultat 0;"))
            .unwrap();
        assert_eq!(level.split(';').nth(4), Some("85,0"));
        // A team line and its top-up row; no group headings.
        assert!(lines
            .iter()
            .any(|l| l.starts_with("Samordningsteam FNS;line-team_fns;")));
        assert!(lines.iter().any(|l| l
            .starts_with("varav medlemmarnas tillskott för Samordningsteam FNS;topup-team_fns;")));
        assert!(!lines.iter().any(|l| l.starts_with("Individinsatser;")));
        // Every record has the six fields, the file ends with a line break.
        assert_eq!(lines.last(), Some(&""));
        assert!(lines[..lines.len() - 1]
            .iter()
            .all(|l| l.split(';').count() == 6));
        assert_eq!(
            rows.iter().filter(|r| r.kind != RowKind::Heading).count() + 2,
            lines.len()
        );
    }

    #[test]
    fn the_members_csv_at_80_percent() {
        let data = Dataset::sfv_default().unwrap();
        let (scenario, _) = fragment::parse(&data, "f2026=80");
        let projection = project(&data, &scenario);
        let text = csv_text(&members_csv(&members_table(&data, &scenario, &projection)));
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "Medlem;Id;Medel 2024;Medel 2025;Tillskott 2025;Totalt 2025;Förändring 2025;Medel 2026;Tillskott 2026;Totalt 2026;Förändring 2026;Medel 2027;Tillskott 2027;Totalt 2027;Förändring 2027"
        );
        // Fagersta: see tests/model_members.rs.
        assert!(lines.contains(
            &"Fagersta kommun;fagersta;221286;220356;0;220356;0;220356;189366;409722;189366;220356;0;220356;0"
        ));
        assert_eq!(lines.len(), 1 + 12 + 1 + 1);
        let (name, bytes) = csv_file(&data, &scenario, CsvTable::Members, "2026-11-23");
        assert_eq!(name, "budgetsimulatorn-medlemmar-2026-11-23.csv");
        assert_eq!(csv_text(&bytes), text);
    }

    #[test]
    fn the_settings_in_words() {
        let data = Dataset::sfv_default().unwrap();
        let (scenario, _) = fragment::parse(
            &data,
            "f2026=80&f2027=80&s2027=70&f2026.team_fns=90&fte.team_fns=5",
        );
        let settings = settings(&data, &scenario);
        let text = |label: &str| {
            settings
                .iter()
                .find(|(l, _)| l == label)
                .map(|(_, t)| t.clone())
                .unwrap()
        };
        assert_eq!(
            text("Finansieringsnivå för samordningsteamen"),
            "2025 100\u{a0}%, 2026 80\u{a0}%, 2027 80\u{a0}%"
        );
        assert_eq!(
            text("Egen nivå för enskilda team"),
            "Samordningsteam FNS 2026 90\u{a0}%"
        );
        assert_eq!(
            text("Andel individinsatser av de direkta kostnaderna"),
            "2025 som budgeterat, 2026 som budgeterat, 2027 styrd till 70\u{a0}%"
        );
        assert_eq!(
            text("Ändrad bemanning"),
            "Samordningsteam FNS 5,0 årsarbetare, 50–55 deltagare"
        );
    }

    #[test]
    fn the_decision_document_says_what_was_assumed_and_what_follows() {
        let data = Dataset::sfv_default().unwrap();
        let (page, _) = crate::model::link::parse(&data, "f2026=80&f2027=80&member=fagersta");
        let html = decision_document(
            &data,
            &DocumentRequest {
                page: &page,
                name: Some("Presidiets <variant>"),
                printed: "2026-11-23",
                link: "http://127.0.0.1:8080/#f2026=80&f2027=80",
            },
        );
        assert!(html.contains("<h1>Beslutsunderlag: budget 2025–2027</h1>"));
        assert!(html.contains("Utskrivet 2026-11-23 · Scenario: ”Presidiets &lt;variant&gt;”"));
        assert!(html.contains(
        "<dt>Finansieringsnivå för samordningsteamen</dt><dd>2025 100\u{a0}%, 2026 80\u{a0}%, 2027 80\u{a0}%</dd>"
    ));
        // 2026 at 80 %: result 675 478 kr (docs/model.md §4, the presidium's proposal).
        assert!(html.contains("675\u{a0}478\u{a0}kr"));
        // Members and staffing: Fagersta's 2026 top-up 189 366, FNS 2,8 FTE kept.
        assert!(html.contains("189\u{a0}366\u{a0}kr"));
        assert!(html.contains("<td class=\"num\">2,8</td>"));
        assert!(html
            .contains("<p class=\"doc__link\">http://127.0.0.1:8080/#f2026=80&amp;f2027=80</p>"));
        // No controls and no duplicated page hooks.
        for absent in ["<button", "<input", "<select", "data-metric"] {
            assert!(!html.contains(absent), "{absent}");
        }
        assert!(!html.contains("Jämförelse av scenarier"));
        let (with_comparison, _) = crate::model::link::parse(
            &data,
            "cmp1=&cmp1.name=Nul%C3%A4ge&cmp2=f2026%3D80%26f2027%3D80",
        );
        let html = decision_document(
            &data,
            &DocumentRequest {
                page: &with_comparison,
                name: None,
                printed: "2026-11-23",
                link: "x",
            },
        );
        assert!(html.contains("Jämförelse av scenarier"));
        // The presidium's proposal against today: +2 704 100 kr in 2026.
        assert!(html.contains("(+2\u{a0}704\u{a0}100\u{a0}kr)"));
    }

    #[test]
    fn file_names_follow_the_saved_name_or_the_date() {
        assert_eq!(
            file_stem(Some("Presidiets förslag 80 %"), "2026-11-23"),
            "presidiets-förslag-80"
        );
        assert_eq!(file_stem(None, "2026-11-23"), "2026-11-23");
        assert_eq!(file_stem(Some(" / "), "2026-11-23"), "2026-11-23");
    }
}
