//! What leaves the app as files and documents: the CSV bytes (byte-order
//! mark, `;`, decimal comma, the page's hooks as ids), the members' CSV, the
//! file names, the settings in words, the proposal in words and the printed
//! decision document, with figures worked by hand from SFV's sources
//! (tests/core_sources.rs has the working of the budget figures).
#![cfg(not(target_arch = "wasm32"))]

use budgetsimulatorn::core::members::members_table;
use budgetsimulatorn::core::{project, Dataset, Scenario};
use budgetsimulatorn::export::assumptions::differing_growth;
use budgetsimulatorn::export::csv::{budget_csv, file_stem, members_csv, BOM};
use budgetsimulatorn::export::document::{decision_document, Compared, DocumentRequest};
use budgetsimulatorn::export::proposal::proposal;
use budgetsimulatorn::export::table::{budget_table, RowKind};
use budgetsimulatorn::export::words::{settings, summary};
use budgetsimulatorn::state::builtin::sfv;
use budgetsimulatorn::state::{fragment, link};

fn scenario(data: &Dataset, text: &str) -> Scenario {
    let (s, ignored) = fragment::parse(data, text);
    assert!(ignored.is_empty(), "{ignored:?}");
    s
}

fn csv_text(bytes: &[u8]) -> String {
    assert_eq!(&bytes[..3], BOM, "UTF-8 byte-order mark first");
    String::from_utf8(bytes[3..].to_vec()).unwrap()
}

fn budget_csv_of(data: &Dataset, s: &Scenario) -> String {
    csv_text(&budget_csv(&budget_table(data, s, &project(data, s))))
}

// ------------------------------------------------------------ CSV

#[test]
fn the_default_budget_csv_has_the_sources_figures() {
    let d = sfv();
    let s = Scenario::default();
    let table = budget_table(&d, &s, &project(&d, &s));
    let text = csv_text(&budget_csv(&table));
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines[0], "Rad;Id;Budget 2024;2025;2026;2027");
    // Contributions: 19 038 000 in budget 2024, 18 958 000 from 2025, flat.
    assert!(lines.contains(&"Medel från huvudmännen;revenue;19038000;18958000;18958000;18958000"));
    // The defaults: 2026 result −2 028 622 kr (18 958 000 − 20 986 622), the
    // level for a zero result 85,0 % (docs/model.md §3, the worked check).
    let field = |start: &str, n: usize| {
        lines
            .iter()
            .find(|l| l.starts_with(start))
            .unwrap()
            .split(';')
            .nth(n)
            .unwrap()
            .to_owned()
    };
    assert_eq!(field("Resultat;", 4), "-2028622");
    assert_eq!(field("Resultat;", 2), "-1945000");
    // 2025 on the prognosis: 18 958 000 − 18 967 073 = −9 073.
    assert_eq!(field("Resultat;", 3), "-9073");
    assert_eq!(field("Utgående eget kapital;", 2), "1918000");
    assert_eq!(field("Utgående eget kapital;", 5), "-2148317");
    assert_eq!(field("Finansieringsnivå som ger resultat 0;", 4), "85,0");
    // (19 038 000 − 2 850 000 − 400 000 − 4 208 000) / 13 525 000 = 85,6 %.
    assert_eq!(field("Finansieringsnivå som ger resultat 0;", 2), "85,6");
    // 2024's shares 14/86 and 77/23, with one decimal and a decimal comma:
    // 13 925 000 / 18 133 000 = 76,79… %.
    assert_eq!(field("Individinsatser, andel av direkta;", 2), "76,8");
    // Guideline 20 % of 18 958 000 = 3 791 600.
    assert_eq!(field("Riktvärde: eget kapital", 5), "3791600");
    // A team line and its top-up row; no group headings.
    assert!(lines.iter().any(
        |l| l.starts_with("Samordningsteam FNS;line-team_fns;1525000;1650000;1650000;1650000")
    ));
    assert!(lines.iter().any(|l| l.starts_with(
        "därutöver medlemmarnas tillskott för Samordningsteam FNS;topup-team_fns;0;0;0;0"
    )));
    assert!(!lines.iter().any(|l| l.starts_with("Individinsatser;")));
    // Every record has the six fields, the file ends with a line break.
    assert_eq!(lines.last(), Some(&""));
    assert!(lines[..lines.len() - 1]
        .iter()
        .all(|l| l.split(';').count() == 6));
    assert_eq!(
        table
            .rows
            .iter()
            .filter(|r| r.spec.kind != RowKind::Heading)
            .count()
            + 2,
        lines.len()
    );
}

#[test]
fn the_budget_csv_at_80_percent_and_over_a_longer_period() {
    let d = sfv();
    // 80 % from 2026: FNS 1 320 000 with a top-up of 330 000; the result
    // 675 478 (18 958 000 − 20 986 622 + 2 704 100).
    let text = budget_csv_of(&d, &scenario(&d, "f2026=80&f2027=80&till=2030"));
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines[0], "Rad;Id;Budget 2024;2025;2026;2027;2028;2029;2030");
    assert!(lines.contains(
        &"Samordningsteam FNS;line-team_fns;1525000;1650000;1320000;1320000;1320000;1320000;1320000"
    ));
    assert!(lines.contains(
        &"därutöver medlemmarnas tillskott för Samordningsteam FNS;topup-team_fns;0;0;330000;330000;330000;330000;330000"
    ));
    assert!(lines.contains(&"Resultat;result;-1945000;-9073;675478;675478;675478;675478;675478"));
    // Closing 2025 1 908 927 + n × 675 478.
    assert!(lines.contains(
        &"Utgående eget kapital;closing;1918000;1908927;2584405;3259883;3935361;4610839;5286317"
    ));
    assert!(lines[..lines.len() - 1]
        .iter()
        .all(|l| l.split(';').count() == 9));
    // A decimal comma in a share and no field is quoted.
    assert!(!text.contains('"'));
}

#[test]
fn the_members_csv_at_80_percent() {
    let d = sfv();
    let s = scenario(&d, "f2026=80");
    let table = members_table(&d, &s, &project(&d, &s)).unwrap();
    let text = csv_text(&members_csv(&table));
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "Medlem;Id;Medel 2024;Medel 2025;Tillskott 2025;Totalt 2025;Förändring 2025;Medel 2026;Tillskott 2026;Totalt 2026;Förändring 2026;Medel 2027;Tillskott 2027;Totalt 2027;Förändring 2027"
    );
    // Fagersta: see tests/core_members.rs (221 286 in 2024, 220 356 a year
    // after, 189 366 of FNS's 330 000 in 2026).
    assert!(lines.contains(
        &"Fagersta kommun;fagersta;221286;220356;0;220356;0;220356;189366;409722;189366;220356;0;220356;0"
    ));
    // The totals: contributions 18 958 000, top-ups 2 704 100 in 2026.
    assert!(lines.contains(
        &"Summa;total;19038000;18958000;0;18958000;0;18958000;2704100;21662100;2704100;18958000;0;18958000;0"
    ));
    assert_eq!(lines.len(), 1 + 12 + 1 + 1);
}

#[test]
fn file_stems_end_with_the_date() {
    assert_eq!(
        file_stem("Presidiets förslag 80 %", "2026-11-23"),
        "presidiets-forslag-80-2026-11-23"
    );
    assert_eq!(file_stem(" / ", "2026-11-23"), "2026-11-23");
    assert_eq!(file_stem("", "2026-11-23"), "2026-11-23");
    // A summary as the name when nothing is saved.
    let d = sfv();
    let name = summary(&d, &scenario(&d, "f2026=80&f2027=80&till=2030"));
    assert_eq!(name, "80\u{a0}% 2026–30, till 2030");
    assert_eq!(
        file_stem(&name, "2026-11-23"),
        "80-2026-30-till-2030-2026-11-23"
    );
    // At most 60 characters of name, cut between words, å ä ö as a a o.
    let long = "Ett mycket långt namn på ett scenario som styrelsen diskuterade länge";
    let stem = file_stem(long, "2026-11-23");
    assert_eq!(
        stem,
        "ett-mycket-langt-namn-pa-ett-scenario-som-styrelsen-2026-11-23"
    );
    // A cut that would end on "till" leaves it out (a reviewer read
    // "…-till-2026-12-02" as "until 2 December").
    let summary_like =
        "80 % 2026, 75 % 2027, 3,4 % egna teamnivåer, individ 70 % 2027, 3,4 till 2034";
    assert_eq!(
        file_stem(summary_like, "2026-12-02"),
        "80-2026-75-2027-3-4-egna-teamnivaer-individ-70-2027-3-4-2026-12-02"
    );
}

// ------------------------------------------------------------ words

#[test]
fn the_settings_in_words() {
    let d = sfv();
    let s = scenario(
        &d,
        "f2026=80&f2027=80&s2027=70&f2026.team_fns=90&fte.team_fns=5",
    );
    let settings = settings(&d, &s);
    let text = |label: &str| {
        settings
            .iter()
            .find(|(l, _)| l == label)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| panic!("{label}: {settings:?}"))
    };
    assert_eq!(
        text("Finansieringsnivå för samordningsteamen"),
        "2025: 100\u{a0}%; 2026–27: 80\u{a0}%"
    );
    assert_eq!(
        text("Egen nivå för enskilda team"),
        "Samordningsteam FNS (2025: årets nivå; 2026: 90\u{a0}%; 2027: årets nivå)"
    );
    assert_eq!(
        text("Andel individinsatser av de direkta kostnaderna"),
        "2025–26: som budgeterat; 2027: styrd till 70\u{a0}%"
    );
    assert_eq!(
        text("Medel från huvudmännen"),
        "2025–27: 18\u{a0}958\u{a0}000\u{a0}kr"
    );
    assert_eq!(
        text("Kostnadsökning"),
        "2026–27: 0\u{a0}% per år (uppräkning från budget 2025 och året före)"
    );
    assert_eq!(text("Underlag för 2025"), "prognosen i delårsrapporten");
    assert_eq!(
        text("Ingående eget kapital 2025"),
        "1\u{a0}918\u{a0}000\u{a0}kr"
    );
    assert_eq!(
        text("Riktvärde för eget kapital"),
        "bör understiga 20\u{a0}% av årets medel"
    );
    assert_eq!(
        text("Vem står för teamens tillskott"),
        "de kommuner teamet betjänar, efter fördelningsnyckeln"
    );
    assert_eq!(
        text("Ändrad bemanning"),
        "Samordningsteam FNS 5,0 årsarbetare, 50–55 deltagare"
    );
    // Over a longer period the carried years are said in the same runs.
    let long = scenario(
        &d,
        "f2026=80&till=2030&growth=2&growth2029=3&rev2028=19500000&topup=key&basis=budget",
    );
    let settings = self::settings(&d, &long);
    let text = |label: &str| {
        settings
            .iter()
            .find(|(l, _)| l == label)
            .map(|(_, t)| t.clone())
            .unwrap()
    };
    // Inside the data set's own period 2027 is the default again (100 %);
    // 2028–30 carry 2027's.
    assert_eq!(
        text("Finansieringsnivå för samordningsteamen"),
        "2025: 100\u{a0}%; 2026: 80\u{a0}%; 2027–30: 100\u{a0}%"
    );
    assert_eq!(
        text("Medel från huvudmännen"),
        "2025–27: 18\u{a0}958\u{a0}000\u{a0}kr; 2028–30: 19\u{a0}500\u{a0}000\u{a0}kr"
    );
    assert_eq!(
        text("Kostnadsökning"),
        "2026–28: 2\u{a0}% per år; 2029: 3\u{a0}% per år; 2030: 2\u{a0}% per år (uppräkning från budget 2025 och året före)"
    );
    assert_eq!(text("Underlag för 2025"), "budget 2025");
    assert_eq!(
        text("Vem står för teamens tillskott"),
        "alla medlemmar, som medlen"
    );
    assert_eq!(text("Egen nivå för enskilda team"), "ingen");
}

#[test]
fn the_proposal_for_the_presidiums_proposal_to_2027() {
    let d = sfv();
    let s = scenario(&d, "f2026=80&f2027=80");
    // Results: 2025 −9 073 (prognosis), 2026 and 2027 +675 478 each; closing
    // 2027 1 908 927 + 2 × 675 478 = 3 259 883, under the guideline 3 791 600
    // and above zero every year; the members find 20 % of 13 520 500 =
    // 2 704 100 a year.
    assert_eq!(
        proposal(&d, &s, &project(&d, &s)),
        "Styrelsen föreslås besluta att förbundet finansierar samordningsteamen till 80\u{a0}% 2026–27 (andel av teamens fulla kostnad; 2025 är beslutat med 100\u{a0}%), och att de direkta insatskostnaderna fördelas mellan individ- och strukturinsatser som budgeterat. Med antagandena nedan blir resultatet −9\u{a0}073\u{a0}kr 2025 och 675\u{a0}478\u{a0}kr per år 2026–27. Det egna kapitalet är 3\u{a0}259\u{a0}883\u{a0}kr vid utgången av 2027 och ligger mellan noll och riktvärdet alla år. För att behålla teamen som i dag behöver medlemmarna tillsammans tillföra 2\u{a0}704\u{a0}100\u{a0}kr per år 2026–27."
    );
}

#[test]
fn the_proposal_for_the_presidiums_proposal_to_2030() {
    let d = sfv();
    let s = scenario(&d, "f2026=80&f2027=80&till=2030");
    // 80 % carries to 2030: 675 478 a year 2026–30; closing 2030 1 908 927 +
    // 5 × 675 478 = 5 286 317; the guideline 3 791 600 is passed from 2028
    // (3 935 361).
    assert_eq!(
        proposal(&d, &s, &project(&d, &s)),
        "Styrelsen föreslås besluta att förbundet finansierar samordningsteamen till 80\u{a0}% 2026–30 (andel av teamens fulla kostnad; 2025 är beslutat med 100\u{a0}%), och att de direkta insatskostnaderna fördelas mellan individ- och strukturinsatser som budgeterat. Med antagandena nedan blir resultatet −9\u{a0}073\u{a0}kr 2025 och 675\u{a0}478\u{a0}kr per år 2026–30. Det egna kapitalet är 5\u{a0}286\u{a0}317\u{a0}kr vid utgången av 2030; det är över riktvärdet 2028–30. För att behålla teamen som i dag behöver medlemmarna tillsammans tillföra 2\u{a0}704\u{a0}100\u{a0}kr per år 2026–30."
    );
}

#[test]
fn the_proposal_names_steered_shares_own_levels_and_a_negative_equity() {
    let d = sfv();
    // The defaults: closing 2026 −119 695 and 2027 −2 148 317.
    let s = Scenario::default();
    let text = proposal(&d, &s, &project(&d, &s));
    assert!(text.contains("; det är negativt 2026–27."), "{text}");
    assert!(text.ends_with(
        "Teamen är fullt finansierade av förbundet; medlemmarna behöver inte tillföra något."
    ));
    let s = scenario(&d, "f2026=70&f2027=70&s2026=60&s2027=60&f2026.team_fns=90");
    let text = proposal(&d, &s, &project(&d, &s));
    assert!(
        text.contains(", med en egen nivå för Samordningsteam FNS (90\u{a0}% 2026)"),
        "{text}"
    );
    assert!(
        text.contains(
            "individinsatsernas andel av de direkta insatskostnaderna styrs till 60\u{a0}% 2026–27"
        ),
        "{text}"
    );
}

// ------------------------------------------------------------ the document

/// The tables of a document with a class, each as its header cells' texts
/// (the first, the row headings' column, left out).
fn tables_of(html: &str, class: &str) -> Vec<Vec<String>> {
    let open = format!("<table class=\"{class}\">");
    html.split(&open)
        .skip(1)
        .map(|rest| {
            let head = &rest[..rest.find("</thead>").unwrap()];
            head.split("<th scope=\"col")
                .skip(2)
                .map(|cell| {
                    let start = cell.find('>').unwrap() + 1;
                    let end = cell.find("</th>").unwrap();
                    cell[start..end].to_owned()
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_decision_document_says_what_was_assumed_and_what_follows() {
    let d = sfv();
    let s = scenario(&d, "f2026=80&f2027=80");
    let html = decision_document(&DocumentRequest {
        data: &d,
        scenario: &s,
        motivation: "Teamen behålls.\n\nKommunerna skjuter till.",
        comparison: Vec::new(),
        name: Some("Presidiets <variant>"),
        printed: "2026-11-23",
        link: "http://127.0.0.1:8080/#f2026=80&f2027=80",
    });
    assert!(html.contains("<h1>Beslutsunderlag: budget 2025–2027</h1>"));
    assert!(html.contains(
        "Scenario: ”Presidiets &lt;variant&gt;” · Utskrivet 2026-11-23 · Dataunderlag: Budget 2024 och delårsrapport 2025"
    ));
    assert!(html.contains("<p class=\"doc__org\">Samordningsförbundet Västmanland</p>"));
    assert!(html.contains(
        "<dt>Finansieringsnivå för samordningsteamen</dt><dd>2025: 100\u{a0}%; 2026–27: 80\u{a0}%</dd>"
    ));
    assert!(html.contains("<p class=\"doc__motivation\">Teamen behålls.</p><p class=\"doc__motivation\">Kommunerna skjuter till.</p>"));
    assert!(html.contains("<p class=\"doc__proposal\">Styrelsen föreslås besluta att förbundet finansierar samordningsteamen till 80\u{a0}% 2026–27 (andel av teamens fulla kostnad; 2025 är beslutat med 100\u{a0}%)"));
    // 2026 at 80 %: result 675 478 kr (docs/model.md, the presidium's proposal).
    assert!(html.contains("<td class=\"num\">675\u{a0}478\u{a0}kr</td>"));
    // Members and staffing: Fagersta's 2026 top-up 189 366 (the members'
    // table on paper is in kronor without the unit), FNS 2,8 FTE kept.
    assert!(html.contains("<td class=\"num\">220\u{a0}356</td><td class=\"num\">189\u{a0}366</td>"));
    assert!(html.contains("<td class=\"num\">2,8</td>"));
    assert!(html.contains("<h3>Samordningsteam FNS</h3>"));
    assert!(
        html.contains("<dt>Länk till scenariot</dt><dd class=\"doc__link\">http://127.0.0.1:8080/#f2026=80&amp;f2027=80</dd>")
    );
    // The sources are listed.
    assert!(html.contains("Folkmängd i riket, län och kommuner 31 december 2024 (SCB, 2025)"));
    // No controls and no duplicated page hooks.
    for absent in [
        "<button",
        "<input",
        "<select",
        "<textarea",
        "data-metric",
        "data-copy",
        "onclick",
    ] {
        assert!(!html.contains(absent), "{absent}");
    }
    assert!(!html.contains("Jämförelse av scenarier"));

    // With a comparison, as a comparison link gives it.
    let (page, ignored) = link::parse(
        &d,
        "cmp1=&cmp1.name=Nul%C3%A4ge&cmp2=f2026%3D80%26f2027%3D80&cmp2.name=Presidiets%20f%C3%B6rslag&cmp2.why=Balans",
    );
    assert!(ignored.is_empty(), "{ignored:?}");
    let compared: Vec<Compared> = budgetsimulatorn::offload::compared(&page.comparison);
    let html = decision_document(&DocumentRequest {
        data: &d,
        scenario: &page.scenario,
        motivation: "",
        comparison: compared,
        name: None,
        printed: "2026-11-23",
        link: "x",
    });
    assert!(html.contains("Namnlöst scenario · Utskrivet 2026-11-23"));
    assert!(html.contains("Jämförelse av scenarier"));
    assert!(html.contains("<th scope=\"col\" class=\"num\">1. Nuläge</th><th scope=\"col\" class=\"num\">2. Presidiets förslag</th>"));
    // The presidium's proposal against today: +2 704 100 kr in 2026, the
    // closing +5 408 200 kr by 2027.
    assert!(html.contains("(+2\u{a0}704\u{a0}100\u{a0}kr)"));
    assert!(html.contains("(+5\u{a0}408\u{a0}200\u{a0}kr)"));
    // The closing equity says in text what the year cards say: today's
    // 2027 is negative (1 908 927 − 2 028 622 − 2 028 622 = −2 148 317 kr),
    // the proposal's 3 259 883 kr is within the ceiling of 3 791 600 kr.
    assert!(html.contains("−2\u{a0}148\u{a0}317\u{a0}kr (negativt)"));
    assert!(html.contains("3\u{a0}259\u{a0}883\u{a0}kr (+5\u{a0}408\u{a0}200\u{a0}kr)"));
    assert!(html.contains("Motivering till 2. Presidiets förslag: Balans"));
    assert!(!html.contains("<h2>Motivering</h2>"));
    // Both columns assume the same growth: no note on it.
    assert!(!html.contains("olika kostnadsökning"));
    for absent in ["<button", "<input", "data-metric"] {
        assert!(!html.contains(absent), "{absent}");
    }
}

#[test]
fn a_decision_document_to_2034_shows_every_year_in_tables_of_at_most_six() {
    let d = sfv();
    let s = scenario(&d, "f2026=80&f2027=80&till=2034");
    let html = decision_document(&DocumentRequest {
        data: &d,
        scenario: &s,
        motivation: "",
        comparison: Vec::new(),
        name: None,
        printed: "2026-11-23",
        link: "x",
    });
    assert!(html.contains("<h1>Beslutsunderlag: budget 2025–2034</h1>"));
    let plan_years: Vec<String> = (2025..=2034).map(|y: u16| y.to_string()).collect();

    // The budget: budget 2024 and ten plan years, in blocks of at most six
    // columns, budget 2024 repeated in each so every block reads alone.
    let budget = tables_of(&html, "budget doc__budget");
    assert_eq!(budget.len(), 2);
    // Each heading says what its figures are, as the note under the year
    // does on the page: 2025 is SFV's prognosis, later years the scenario.
    let note = |title: &str, note: &str| format!("{title}<span class=\"col-note\">{note}</span>");
    assert!(budget
        .iter()
        .all(|t| t.len() <= 6 && t[0] == note("Budget 2024", "beslutad")));
    let shown: Vec<String> = budget.iter().flat_map(|t| t[1..].to_vec()).collect();
    let headed: Vec<String> = plan_years
        .iter()
        .map(|y| note(y, if y == "2025" { "prognos" } else { "scenario" }))
        .collect();
    assert_eq!(shown, headed);
    // Closing 2034: 1 908 927 + 9 × 675 478 = 7 988 229.
    assert!(html.contains("7\u{a0}988\u{a0}229\u{a0}kr"));

    // The key figures: 6 + 4 years.
    let keys = tables_of(&html, "budget doc__keys");
    assert_eq!(keys.iter().map(Vec::len).collect::<Vec<_>>(), [6, 4]);
    assert_eq!(keys.concat(), plan_years);

    // The members: contribution and top-up per year, in even blocks of at
    // most three years (3, 3, 2, 2), the reference year's contribution
    // opening the first; Fagersta's 2034 top-up 189 366 in the last.
    let members: Vec<&str> = html
        .split("<table class=\"budget members-table\">")
        .skip(1)
        .collect();
    let year_groups: Vec<Vec<String>> = members
        .iter()
        .map(|t| {
            t.split("scope=\"colgroup\" colspan=\"2\" class=\"num\">")
                .skip(1)
                .map(|c| c[..c.find("</th>").unwrap()].to_owned())
                .collect()
        })
        .collect();
    assert_eq!(
        year_groups.iter().map(Vec::len).collect::<Vec<_>>(),
        [3, 3, 2, 2]
    );
    assert_eq!(year_groups.concat(), plan_years);
    assert!(members[0].contains("<th scope=\"col\" class=\"num\">2024</th>"));
    assert!(!members[1].contains(">2024<"));
    assert!(members[3]
        .contains("<td class=\"num\">220\u{a0}356</td><td class=\"num\">189\u{a0}366</td></tr>"));
    assert!(html.contains("Totalt och förändring per medlem finns i simulatorn och i filerna."));

    // Each team's staffing: all ten years in one table; Teamsamverkan
    // Västra Mälardalen, without staffing in the sources, gets a sentence.
    let teams = tables_of(&html, "budget team-card__table");
    assert_eq!(teams.len(), 5);
    assert!(teams.iter().all(|t| *t == plan_years), "{teams:?}");
    assert!(html.contains(
        "<h3>Teamsamverkan Västra Mälardalen</h3><p>Bemanning och deltagare saknas i underlagen"
    ));

    for absent in ["<button", "<input", "<select", "data-metric"] {
        assert!(!html.contains(absent), "{absent}");
    }
}

/// The page's "Källa per budgetrad" names documents, not ids: SFV's board
/// line cites "vp2024 avsnitt 7 (Styrelse); delar2025 avsnitt 6 (Styrelse)"
/// (src/data/sfv.json), and its source list titles vp2024 and delar2025.
#[test]
fn line_sources_are_spelled_out_with_document_titles() {
    use budgetsimulatorn::export::cite::spelled_out;
    let data = sfv();
    assert_eq!(
        spelled_out(&data, &data.lines[0].source),
        "Verksamhetsplan och budget 2024 avsnitt 7 (Styrelse); \
         Delårsrapport januari–augusti 2025 avsnitt 6 (Styrelse)"
    );
    // Only whole words are ids: a longer word or a number is kept as written.
    assert_eq!(
        spelled_out(&data, "vp20245, 6.1.5 och vp2024."),
        "vp20245, 6.1.5 och Verksamhetsplan och budget 2024."
    );
    assert_eq!(spelled_out(&data, ""), "");
    // An id joined to a year by a hyphen is still named.
    assert_eq!(
        spelled_out(&data, "vp2024-2025"),
        "Verksamhetsplan och budget 2024-2025"
    );
}

/// Whether the HTML parser gives back exactly this tree (the page's patcher
/// holds DOM nodes paired one to one with it): no two texts side by side
/// (they would merge), no void element (its end tag would make a second
/// one), and a table's rows inside an explicit `thead`/`tbody` (the parser
/// would add one).
fn parses_back(
    nodes: &[budgetsimulatorn::export::markup::Node],
    parent: &str,
) -> Result<(), String> {
    use budgetsimulatorn::export::markup::Node;
    const VOID: [&str; 13] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr",
    ];
    for pair in nodes.windows(2) {
        if matches!(pair, [Node::Text(_), Node::Text(_)]) {
            return Err(format!("two texts side by side in <{parent}>"));
        }
    }
    for node in nodes {
        if let Node::Element(e) = node {
            if VOID.contains(&e.tag) {
                return Err(format!("void <{}>", e.tag));
            }
            if parent == "table" && !["caption", "thead", "tbody"].contains(&e.tag) {
                return Err(format!("<{}> directly in <table>", e.tag));
            }
            parses_back(&e.children, e.tag)?;
        }
    }
    Ok(())
}

/// The written views the page patches in place (the members' table, the
/// team tables, the equity chart) parse back to the same tree, so the
/// patcher's node-for-node pairing holds for SFV at 80 % from 2026.
#[test]
fn the_patched_views_parse_back_to_the_same_tree() {
    use budgetsimulatorn::core::staffing::staffing_table;
    use budgetsimulatorn::export::markup::Markup;
    use budgetsimulatorn::export::{svg, tables};
    let d = sfv();
    let s = scenario(&d, "f2026=80&f2027=80");
    let p = project(&d, &s);
    let members = members_table(&d, &s, &p).unwrap();
    assert_eq!(parses_back(&tables::members_table(&members).0, ""), Ok(()));
    for team in staffing_table(&d, &s, &p) {
        assert_eq!(
            parses_back(&tables::team_table(&team, &[2025, 2026, 2027]).0, ""),
            Ok(())
        );
    }
    let mut m = Markup::new();
    svg::equity_chart_html(&mut m, &p, "Utgående eget kapital", "chart-title");
    assert_eq!(parses_back(&m.into_fragment().0, ""), Ok(()));
}

#[test]
fn a_count_of_one_takes_the_singular() {
    use budgetsimulatorn::export::counted::{comparison_heading, teams_fold_summary};
    assert_eq!(comparison_heading(1), "Jämförelse av 1 scenario");
    assert_eq!(comparison_heading(3), "Jämförelse av 3 scenarier");
    assert_eq!(
        teams_fold_summary(1),
        "Visa teamet: bemanning, deltagare och följder per år"
    );
    assert_eq!(
        teams_fold_summary(6),
        "Visa de 6 teamen: bemanning, deltagare och följder per år"
    );
}

#[test]
fn a_comparison_of_different_cost_growth_says_so() {
    let d = sfv();
    let proposal = scenario(&d, "f2026=80&f2027=80&growth=2.5");
    let counter = scenario(&d, "s2026=77&s2027=77");
    let same = scenario(&d, "s2026=77&s2027=77&growth=2.5");
    // The same growth in every column: nothing to say.
    assert_eq!(
        differing_growth(&d, &[("Presidiet", &proposal), ("Mot", &same)]),
        None
    );
    assert_eq!(
        differing_growth(&d, &[("Presidiet", &proposal), ("Mot", &counter)])
            .unwrap()
            .replace('\u{a0}', " "),
        "Kolumnerna räknar med olika kostnadsökning, så skillnaderna kommer också av antagandet, inte bara av besluten. \
         1. Presidiet: 2026–27: 2,5 % per år; 2. Mot: 2026–27: 0 % per år."
    );
    // The decision document says it over its comparison table.
    let html = decision_document(&DocumentRequest {
        data: &d,
        scenario: &proposal,
        motivation: "",
        comparison: vec![
            Compared {
                label: "Presidiet",
                scenario: &proposal,
                motivation: "",
            },
            Compared {
                label: "Mot",
                scenario: &counter,
                motivation: "",
            },
        ],
        name: None,
        printed: "2026-12-03",
        link: "x",
    });
    assert!(html.contains("<p class=\"note\">Kolumnerna räknar med olika kostnadsökning"));
}

#[test]
fn a_level_out_of_reach_says_which_way() {
    use budgetsimulatorn::core::Balancing;
    use budgetsimulatorn::export::format::balancing_text_for;
    let d = sfv();
    // 25 Mkr in 2026 against costs of about 20,9 Mkr: a surplus even when
    // the förbund pays the teams in full, so no level gives 0.
    let rich = scenario(&d, "rev2026=25000000");
    let year = project(&d, &rich).year(2026).unwrap().clone();
    assert_eq!(year.balancing, Balancing::NotReachable);
    assert!(year.result > rust_decimal::Decimal::ZERO);
    assert_eq!(
        balancing_text_for(year.balancing, year.result).1,
        "nås inte: överskott även vid 100\u{a0}%"
    );
    // Nothing in 2026: a deficit even at 0 %.
    let poor = scenario(&d, "rev2026=0");
    let year = project(&d, &poor).year(2026).unwrap().clone();
    assert_eq!(year.balancing, Balancing::NotReachable);
    assert_eq!(
        balancing_text_for(year.balancing, year.result),
        (
            "none".to_owned(),
            "nås inte: underskott även vid 0\u{a0}%".to_owned()
        )
    );
    // Within reach: the level, as before (section 4: 85,0 % in 2026).
    let year = project(&d, &scenario(&d, "")).year(2026).unwrap().clone();
    assert_eq!(
        balancing_text_for(year.balancing, year.result).1,
        "85,0\u{a0}%"
    );
}
