//! *Importera budget* (`import`), natively: budget files of other shapes
//! than SFV's (`tests/fixtures/import/`: Norra Västmanland's interim report
//! with negative costs, headings, a net `SUMMA` and an `Avvikelse` column;
//! Västerås' budget with outlook in tkr, `,` and decimal point; a wrong
//! sum; a Windows-1252 file), the files that are refused and why, tkr
//! conversion, the sums check, the follow-up columns, and a 200-line
//! workbook's timing.
//! The checks of section 10, tkr and the sums on small files are in
//! `fixtures/import_checks.rs`, the round trips of the simulator's own
//! exports in `fixtures/import_roundtrip.rs` (modules of this test).
#![cfg(not(target_arch = "wasm32"))]

use budgetsimulatorn::core::{Category, ColumnKind, Dataset};
use budgetsimulatorn::import::preview::{FileProblem, Note, SkipReason};
use budgetsimulatorn::import::{
    self, ApplyError, Choices, Origin, Preview, Question, ReadError, Unit,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

#[path = "fixtures/arb_dataset.rs"]
mod arb;
#[path = "fixtures/import_checks.rs"]
mod import_checks;
#[path = "fixtures/import_roundtrip.rs"]
mod import_roundtrip;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn preview(name: &str) -> Preview {
    import::read(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The suggested answers with the names a person types.
pub fn answered(preview: &Preview, name: &str) -> Choices {
    let mut choices = preview.suggested();
    // A file that does not say tkr is asked; these are in kr unless they say so.
    choices.unit.get_or_insert(Unit::Kr);
    choices.name = name.to_owned();
    choices.organisation = format!("Samordningsförbundet {name}");
    choices
}

#[test]
fn norra_vastmanlands_interim_report_with_negative_costs() {
    let p = preview("norra_vastmanland_delar_2023.csv");
    assert_eq!(p.origin, Origin::BudgetFile);
    let heads: Vec<_> = p
        .columns
        .iter()
        .map(|c| (c.kind, c.year, c.label.as_deref()))
        .collect();
    assert_eq!(
        heads,
        [
            (Some(ColumnKind::Budget), 2023, Some("Årsbudget 2023")),
            (
                Some(ColumnKind::OutcomeToDate),
                2023,
                Some("Utfall 2023-08-31")
            ),
            (Some(ColumnKind::Prognosis), 2023, None),
        ]
    );
    let text = p.messages(Some(Unit::Kr)).join("\n");
    assert!(text.contains("Kolumnen ”Avvikelse prognos från budget” räknas fram (prognos − budget) och läses inte."), "{text}");
    assert!(
        text.contains("Rad 8: id ”1001+1003” är inget giltigt id och blir ”1001_1003”."),
        "{text}"
    );
    assert!(p.negative_costs && p.unit == Unit::Kr);
    assert!(p.questions().contains(&Question::Signs { suggested: true }));
    assert!(p.questions().contains(&Question::OpeningEquity));
    // The net SUMMA (revenue plus negative costs) adds up in every column.
    assert_eq!(p.sums.len(), 1);
    assert!(p.sums[0].adds_up, "{:?}", p.sums);
    assert_eq!(p.lines.len(), 18);
    let headings = p
        .skipped
        .iter()
        .filter(|s| s.why == SkipReason::Heading)
        .count();
    assert_eq!(headings, 5);
    // Categories from the headings above the lines.
    let count = |c| p.lines.iter().filter(|l| l.category == Some(c)).count();
    assert_eq!(
        (
            count(Category::Admin),
            count(Category::Individ),
            count(Category::Struktur)
        ),
        (3, 5, 10)
    );

    let mut choices = answered(&p, "Norra Västmanland 2023");
    assert_eq!(
        (
            choices.first_plan_year,
            choices.reference_year,
            choices.plan_end
        ),
        (2023, None, 2025)
    );
    assert!(choices.flip_signs);
    let missing = p.apply(&choices).unwrap_err();
    assert_eq!(
        missing,
        ApplyError::Unanswered(vec![Question::OpeningEquity])
    );
    choices.opening_equity = Some(dec!(1200000));
    let data = p.apply(&choices).unwrap();
    data.validate().unwrap();
    // Follow-up columns: budget, outcome to date and prognosis of the first plan year.
    assert_eq!(data.column(ColumnKind::Budget, 2023), Some(0));
    assert_eq!(data.outcome_to_date_column(), Some(1));
    assert_eq!(data.prognosis_column(), Some(2));
    let line = |id: &str| data.lines.iter().find(|l| l.id == id).unwrap();
    assert_eq!(
        line("1000").amounts,
        [dec!(427000), dec!(206695), dec!(412568)]
    );
    // A cost reduction written positive becomes a negative cost.
    assert_eq!(line("1093").amounts, [dec!(15000), dec!(-480), dec!(3000)]);
    assert_eq!(
        data.revenue,
        [
            Some(dec!(7030000)),
            Some(dec!(4393753)),
            Some(dec!(7030000))
        ]
    );
    let teams: Vec<&str> = data.teams().map(|l| l.name.as_str()).collect();
    assert_eq!(
        teams,
        [
            "Samordningsteam Surahammar",
            "Samordningsteam Hallstahammar",
            "Samordningsteamet FNS",
            "Samordningsteam Sala"
        ]
    );
    assert_eq!(data.id, "norra-vastmanland-2023");
}

#[test]
fn vasteras_budget_with_outlook_in_tkr_asks_the_categories_it_cannot_see() {
    let p = preview("vasteras_2021_tkr.csv");
    assert_eq!(p.unit, Unit::Tkr);
    assert!(p.unit_because.as_deref().unwrap().contains("(tkr)"));
    let kinds: Vec<_> = p.columns.iter().map(|c| (c.kind, c.year)).collect();
    assert_eq!(
        kinds,
        [
            (Some(ColumnKind::Budget), 2021),
            (Some(ColumnKind::Outlook), 2022),
            (Some(ColumnKind::Outlook), 2023)
        ]
    );
    assert!(p.sums.iter().all(|s| s.adds_up), "{:?}", p.notes);
    assert!(p
        .skipped
        .iter()
        .any(|s| s.text == "Resultat" && s.why == SkipReason::Derived));
    let asked: Vec<String> = p
        .questions()
        .iter()
        .filter(|q| matches!(q, Question::Category { .. }))
        .map(Question::message)
        .collect();
    assert_eq!(asked.len(), 8, "the lines under ”Insatser”");
    assert_eq!(
        asked[0],
        "Vilken kategori har ”Samordningsteam Västerås” (rad 6)? Välj administration, individinsatser eller strukturella insatser."
    );
    let mut choices = answered(&p, "Västerås 2021");
    assert_eq!((choices.first_plan_year, choices.plan_end), (2021, 2023));
    let ApplyError::Unanswered(open) = p.apply(&choices).unwrap_err() else {
        panic!()
    };
    assert_eq!(open.len(), 8);
    for (line, l) in choices.lines.iter_mut().zip(&p.lines) {
        if line.category.is_none() {
            let individ = l.name.starts_with("Samordningsteam") || l.name.starts_with("JobbFokus");
            line.category = Some(if individ {
                Category::Individ
            } else {
                Category::Struktur
            });
            line.team = l.name.starts_with("Samordningsteam");
        }
    }
    let data = p.apply(&choices).unwrap();
    // tkr × 1 000, exactly, decimal point included.
    let line = |id: &str| data.lines.iter().find(|l| l.id == id).unwrap();
    assert_eq!(
        line("samordningsteam_vasteras").amounts,
        [dec!(7306000), dec!(7923000), dec!(8000000)]
    );
    assert_eq!(
        line("konferens").amounts,
        [dec!(35000), dec!(49500), dec!(50000)]
    );
    assert_eq!(
        line("jobbfokus_2_0_spira").amounts[2],
        Decimal::ZERO,
        "a dash is 0"
    );
    // Names that repeat get unique ids.
    assert!(
        data.lines.iter().any(|l| l.id == "representation_2")
            && data.lines.iter().any(|l| l.id == "ovrigt_2")
    );
    assert_eq!(data.opening_equity.amount, dec!(8241000));
    assert_eq!(
        data.revenue,
        [
            Some(dec!(13310000)),
            Some(dec!(11979000)),
            Some(dec!(11316000))
        ]
    );
    let costs: Decimal = data.lines.iter().map(|l| l.amounts[0]).sum();
    assert_eq!(costs, dec!(18506000));
}

#[test]
fn a_sum_that_the_lines_do_not_add_up_to_is_reported_not_applied() {
    let p = preview("fel_summa.csv");
    let wrong: Vec<&Note> = p
        .notes
        .iter()
        .filter(|n| matches!(n, Note::SumDifference { .. }))
        .collect();
    assert_eq!(wrong.len(), 1, "{:?}", p.notes);
    assert_eq!(
        wrong[0].message(Some(Unit::Kr)),
        "Summa-raden ”Summa individinsatser” säger 13\u{a0}925\u{a0}000\u{a0}kr men raderna summerar till 13\u{a0}924\u{a0}000\u{a0}kr (kolumnen ”Budget 2024”, rad 12). Raderna används som de står."
    );
    // Before the unit is chosen, the figures are said as the file writes them.
    assert_eq!(
        wrong[0].message(None),
        "Summa-raden ”Summa individinsatser” säger 13\u{a0}925\u{a0}000 men raderna summerar till 13\u{a0}924\u{a0}000 (kolumnen ”Budget 2024”, rad 12). Raderna används som de står."
    );
    let choices = answered(&p, "SFV med fel summa");
    let data = p.apply(&choices).unwrap();
    let individ: Decimal = data
        .lines
        .iter()
        .filter(|l| l.category == Category::Individ)
        .map(|l| l.amounts[0])
        .sum();
    assert_eq!(individ, dec!(13924000));
    assert_eq!(data.reference_year, Some(2024));
    assert_eq!(data.first_plan_year, 2025);
    assert_eq!(data.opening_equity.amount, dec!(3863000));
}

#[test]
fn files_that_cannot_be_read_are_refused_with_a_reason() {
    let refused = |bytes: &[u8]| import::read(bytes).unwrap_err();
    assert_eq!(refused(&fixture("tom.csv")), ReadError::Empty);
    assert_eq!(refused(&fixture("utan_rad.csv")), ReadError::NoNameColumn);
    assert_eq!(
        ReadError::NoNameColumn.to_string(),
        "Filen saknar kolumnen ”Rad” (radens namn). Första raden ska vara rubriker, t.ex. ”Rad;Kategori;Budget 2025”. Ett dataunderlag (.json) läser du in med ”Importera dataunderlag”."
    );
    assert_eq!(
        refused(&fixture("inte_en_tabell.pdf")),
        ReadError::NotATable
    );
    assert_eq!(
        refused(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"),
        ReadError::OldExcel
    );
    assert_eq!(refused(b"PK\x03\x04 not really a zip"), ReadError::BadXlsx);
    assert_eq!(
        refused(b"Rad;Budget 2025\nStyrelse \x81;600\n"),
        ReadError::Encoding
    );
    assert_eq!(
        refused(b"Rad;Kommentar\nStyrelse;bra\n"),
        ReadError::NoFigureColumns
    );
    assert_eq!(refused(b"Rad;Budget 2025\n\n;\n"), ReadError::NoLines);
    let mut big = b"Rad;Budget 2025\n".to_vec();
    big.resize(10 * 1024 * 1024, b' ');
    assert_eq!(refused(&big), ReadError::TooLarge { kilobytes: 10486 });
    assert_eq!(
        ReadError::TooLarge { kilobytes: 10486 }.to_string(),
        "Filen är för stor (10486 kB). En budgetfil är högst 10 000 kB."
    );
    let many: String = std::iter::once("Rad;Budget 2025\n".to_owned())
        .chain((0..600).map(|i| format!("Rad {i};1\n")))
        .collect();
    assert_eq!(
        refused(many.as_bytes()),
        ReadError::TooManyLines {
            found: 501,
            limit: 500
        }
    );
    let rows: String = std::iter::once("Rad;Budget 2025\n")
        .chain(std::iter::repeat_n(";\n", 10_001))
        .collect();
    assert_eq!(
        refused(rows.as_bytes()),
        ReadError::TooManyRows { limit: 10_000 }
    );
}

#[test]
fn a_figure_that_is_not_a_number_stops_the_import_with_its_row_and_column() {
    let p = preview("inte_ett_tal.csv");
    let problem = FileProblem::NotANumber {
        row: 4,
        column: "Budget 2025".into(),
        text: "12 3OO".into(),
    };
    assert_eq!(p.problems, std::slice::from_ref(&problem));
    assert_eq!(
        problem.message(),
        "Rad 4, kolumnen ”Budget 2025”: ”12 3OO” är inte ett tal."
    );
    let choices = answered(&p, "Trasig");
    assert_eq!(p.apply(&choices), Err(ApplyError::File(vec![problem])));
}

#[test]
fn a_windows_1252_file_is_read_and_said_so() {
    let p = preview("windows_1252.csv");
    assert_eq!(
        p.notes[0],
        Note::Encoding(import::table::Encoding::Windows1252)
    );
    assert_eq!(p.lines[0].name, "Förbundsövergripande styrelse");
    assert_eq!(p.lines[1].name, "Samordningsteam Köping–Arboga");
    let cats: Vec<_> = p.lines.iter().map(|l| l.category).collect();
    assert_eq!(
        cats,
        [
            Some(Category::Admin),
            Some(Category::Individ),
            Some(Category::Struktur)
        ]
    );
    let data = p.apply(&answered(&p, "Köping")).unwrap();
    assert!(data.lines[1].team, "suggested from its name");
    assert_eq!(data.opening_equity.amount, dec!(350000));
}

#[test]
fn a_200_line_workbook_imports_quickly() {
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let head = [
        "Rad",
        "Kategori",
        "Team",
        "Budget 2024",
        "Budget 2025",
        "Utfall jan–aug 2025",
        "Prognos 2025",
        "Utblick 2026",
    ];
    for (c, h) in head.iter().enumerate() {
        sheet.write(0, c as u16, *h).unwrap();
    }
    for i in 0..200u32 {
        let r = i + 1;
        let (category, team) = match i % 4 {
            0 => ("admin", "nej"),
            1 | 2 => ("individ", if i % 8 == 1 { "ja" } else { "nej" }),
            _ => ("struktur", "nej"),
        };
        sheet.write(r, 0, format!("Insats {r}")).unwrap();
        sheet.write(r, 1, category).unwrap();
        sheet.write(r, 2, team).unwrap();
        for c in 0..5u16 {
            sheet
                .write(r, 3 + c, f64::from(100_000 + i * 1_000 + u32::from(c) * 7))
                .unwrap();
        }
    }
    sheet.write(201, 0, "Medel från medlemmarna").unwrap();
    for c in 0..5u16 {
        sheet.write(201, 3 + c, 30_000_000.0).unwrap();
    }
    sheet.write(202, 0, "Ingående eget kapital").unwrap();
    sheet.write(202, 3, 2_500_000.0).unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let start = std::time::Instant::now();
    let p = import::read(&bytes).unwrap();
    let data: Dataset = p.apply(&answered(&p, "Stor")).unwrap();
    let elapsed = start.elapsed();
    eprintln!(
        "200 rader × 5 kolumner (.xlsx, {} byte): läst och tillämpad på {elapsed:?}",
        bytes.len()
    );
    assert_eq!((data.lines.len(), data.columns.len()), (200, 5));
    assert_eq!(data.lines[199].amounts[4], dec!(299028));
    assert_eq!(
        (data.reference_year, data.first_plan_year, data.plan_end),
        (Some(2024), 2025, 2027)
    );
    assert_eq!(data.teams().count(), 25);
}

#[test]
fn a_file_without_revenue_asks_for_the_first_plan_years_and_uses_the_answer() {
    // The reviewer's file: one budget column, three lines and a Summa row,
    // no "Medel från huvudmännen". Without an answer the data set cannot be
    // made (a plan needs the first year's revenue); the preview asks for it
    // before "Använd", and 3 100 000 kr typed there becomes the 2027
    // budget's revenue: 3 100 000 − (400 000 + 1 500 000 + 900 000) = 300 000
    // kr left.
    let text = "Rad;Kategori;Team;Budget 2027\nKansli;admin;nej;400 000\nTeam Väst;individ;ja;1 500 000\nMetodstöd;struktur;nej;900 000\nSumma;;;2 800 000\nIngående eget kapital;;;250 000\n";
    let p = import::read(text.as_bytes()).unwrap();
    assert!(p.revenue.is_none());
    let mut choices = answered(&p, "Utan medel");
    let refused = p.apply(&choices).unwrap_err().messages();
    assert!(
        refused.iter().any(|m| m.contains("Medel från huvudmännen")),
        "{refused:?}"
    );
    choices.revenue = Some(dec!(3100000));
    let data = p.apply(&choices).unwrap();
    assert_eq!(data.first_plan_year, 2027);
    assert_eq!(data.revenue, [Some(dec!(3100000))]);
    let costs: Decimal = data.lines.iter().map(|l| l.amounts[0]).sum();
    assert_eq!(dec!(3100000) - costs, dec!(300000));
}

#[test]
fn a_file_that_does_not_say_tkr_is_asked_for_its_unit() {
    // Norra Västmanland's interim report is in kr but does not say so: no
    // unit is guessed, and "Använd" asks for it first.
    let p = preview("norra_vastmanland_delar_2023.csv");
    let mut choices = p.suggested();
    assert_eq!(choices.unit, None);
    choices.name = "Norra".into();
    choices.organisation = "Samordningsförbundet Norra".into();
    choices.opening_equity = Some(Decimal::ONE_THOUSAND);
    let ApplyError::Unanswered(open) = p.apply(&choices).unwrap_err() else {
        panic!("the unit is a question");
    };
    assert_eq!(
        open[0].message(),
        "Är beloppen i kr eller tkr? Välj under ”Enhet och tecken”."
    );
    choices.unit = Some(Unit::Kr);
    assert!(p.apply(&choices).is_ok());
    // A file whose title says tkr has it preselected (Västerås' budget).
    let tkr = preview("vasteras_2021_utblick_2024_tkr.xlsx");
    assert_eq!(tkr.suggested().unit, Some(Unit::Tkr));
}

#[test]
fn the_preview_says_when_no_line_is_a_team() {
    // Norra Västmanland's file says its categories and no team flags.
    let p = preview("norra_vastmanland_delar_2023.csv");
    let mut choices = p.suggested();
    assert!(choices
        .lines
        .iter()
        .any(|l| l.category == Some(Category::Individ)));
    for line in &mut choices.lines {
        line.team = false;
    }
    assert!(choices.lacks_teams());
    let individ = choices
        .lines
        .iter()
        .position(|l| l.category == Some(Category::Individ))
        .unwrap();
    choices.lines[individ].team = true;
    assert!(!choices.lacks_teams());
    // No individ line at all: nothing to say.
    for line in &mut choices.lines {
        line.category = Some(Category::Struktur);
        line.team = false;
    }
    assert!(!choices.lacks_teams());
}
