//! How the words of a budget file are read: a column heading becomes a kind
//! and a year (`Årsbudget 2023`, `Utfall 2023-08-31`, `Utfall jan–aug 2025`,
//! a plain `2024`), a category is recognised in its Swedish words, a row's
//! name says whether it is revenue, opening equity, a sum or a derived row,
//! and ids are made from names. Matching ignores case and extra spaces,
//! because files are typed by people and exported by many programs.

use crate::core::dataset::{Category, ColumnKind};
use crate::core::horizon::Year;
use crate::core::validate::MAX_ID_CHARS;
use crate::export::format::ascii_letter;

/// Lower case with runs of white space (NBSP included) as one space.
pub fn normal(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether `text` has `word` as a whole word (letters on neither side).
pub fn has_word(text: &str, word: &str) -> bool {
    let text = normal(text);
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
    })
}

/// Whether a heading or title says the figures are in thousands of kronor.
pub fn says_tkr(text: &str) -> bool {
    has_word(text, "tkr")
        || normal(text).contains("tusen kronor")
        || normal(text).contains("tusental kronor")
}

/// What a column heading says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heading {
    /// The line's name.
    Name,
    Id,
    Category,
    Team,
    /// A figure column: its kind when the heading says it (a plain year
    /// does not), its year, and the heading as label when it says more
    /// than kind and year.
    Figure {
        kind: Option<ColumnKind>,
        year: Year,
        label: Option<String>,
    },
    /// A derived column (prognosis − budget): not read.
    Derived,
    /// Anything else: not read.
    Unknown,
}

/// The years (1990–2100) written in a text, in order, each once.
fn years(text: &str) -> Vec<Year> {
    let mut found = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 4 {
                let year: Year = chars[start..i]
                    .iter()
                    .collect::<String>()
                    .parse()
                    .unwrap_or(0);
                if (1990..=2100).contains(&year) && !found.contains(&year) {
                    found.push(year);
                }
            }
        } else {
            i += 1;
        }
    }
    found
}

/// Whether a heading's outcome covers part of a year: a date that is not
/// the year's end, a month range, or words such as *hittills* or *t.o.m.*
fn part_of_year(text: &str) -> bool {
    let t = normal(text);
    let date_not_year_end = t
        .split(|c: char| !(c.is_ascii_digit() || c == '-'))
        .any(|w| w.len() == 10 && w.as_bytes()[4] == b'-' && !w.ends_with("-12-31"));
    let words = [
        "hittills",
        "t.o.m",
        "tom",
        "per",
        "ack",
        "ackumulerat",
        "delår",
        "jan",
    ];
    date_not_year_end || words.iter().any(|w| has_word(&t, w))
}

/// The canonical heading of a kind and year, as the simulator writes it.
pub fn canonical(kind: ColumnKind, year: Year) -> String {
    format!("{} {year}", crate::export::format::kind_word(kind))
}

/// The heading without a unit (`(tkr)`, `kr`) and trimmed.
fn without_unit(heading: &str) -> String {
    let mut words: Vec<&str> = heading.split_whitespace().collect();
    words.retain(|w| {
        let w = w
            .trim_matches(|c| c == '(' || c == ')' || c == ',')
            .to_lowercase();
        w != "tkr" && w != "kr"
    });
    words.join(" ")
}

/// Reads a column heading.
pub fn heading(text: &str) -> Heading {
    let t = normal(text);
    match t.as_str() {
        "rad" => return Heading::Name,
        "id" => return Heading::Id,
        "kategori" => return Heading::Category,
        "team" => return Heading::Team,
        _ => {}
    }
    if t.starts_with("avvikelse") || t.starts_with("differens") || t.starts_with("diff ") {
        return Heading::Derived;
    }
    let clean = without_unit(text.trim());
    let years = years(&clean);
    let [year] = years[..] else {
        return Heading::Unknown;
    };
    let c = normal(&clean);
    let rest = c.replace(&year.to_string(), "");
    let rest =
        rest.trim_matches(|ch: char| ch.is_whitespace() || ch == '(' || ch == ')' || ch == '-');
    let starts = |w: &str| c.starts_with(w) || rest.starts_with(w);
    let kind = if starts("årsbudget")
        || starts("budget")
        || starts("beslutad budget")
        || starts("reviderad budget")
    {
        Some(ColumnKind::Budget)
    } else if starts("utfall") {
        Some(if part_of_year(&c) {
            ColumnKind::OutcomeToDate
        } else {
            ColumnKind::Outcome
        })
    } else if starts("prognos") {
        Some(ColumnKind::Prognosis)
    } else if starts("utblick") || starts("plan") || starts("preliminär") {
        Some(ColumnKind::Outlook)
    } else if starts("beslutad") {
        Some(ColumnKind::Budget)
    } else if rest.is_empty() || rest == "scenario" {
        None
    } else {
        return Heading::Unknown;
    };
    let label = match kind {
        Some(kind) if c == normal(&canonical(kind, year)) => None,
        // The simulator's own headings: `2025 (prognos)` says no more than kind and year.
        _ if c.starts_with(&year.to_string()) => None,
        None => None,
        Some(_) => Some(clean),
    };
    Heading::Figure { kind, year, label }
}

/// A category in the words a file may use.
pub fn category(text: &str) -> Option<Category> {
    let t = normal(text);
    let t = t.trim_end_matches(':').trim();
    match t {
        "admin"
        | "administration"
        | "administrativa kostnader"
        | "styrelse"
        | "styrelsen"
        | "styrelse och administration"
        | "administrativa" => Some(Category::Admin),
        "individ" | "individinsats" | "individinsatser" | "individinriktade insatser" => {
            Some(Category::Individ)
        }
        "struktur"
        | "strukturella insatser"
        | "strukturinsatser"
        | "strukturpåverkande insatser"
        | "metodutveckling och strukturpåverkande insatser" => Some(Category::Struktur),
        _ => None,
    }
}

/// What a sum row's name says it sums: a category (`Summa individinsatser`),
/// everything (`Summa`, `SUMMA`, `Totalt`), or a group it does not name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SumOf {
    Category(Category),
    Total,
    Group,
}

/// Whether a row's name makes it a sum row, and of what.
pub fn sum_row(name: &str) -> Option<SumOf> {
    let t = normal(name);
    let rest = if let Some(rest) = t.strip_prefix("summa") {
        rest
    } else if t == "totalt" || t == "total" || t.starts_with("totalt ") {
        return Some(SumOf::Total);
    } else {
        return None;
    };
    if !rest.is_empty() && !rest.starts_with(' ') {
        return None;
    }
    let rest = rest.trim();
    Some(match rest {
        "" | "totalt" | "kostnader" | "kostnader totalt" => SumOf::Total,
        _ if rest.contains("struktur") => SumOf::Category(Category::Struktur),
        _ => category(rest).map_or(SumOf::Group, SumOf::Category),
    })
}

/// Whether a row holds the members' contributions.
pub fn is_revenue(name: &str) -> bool {
    let t = normal(name);
    t.starts_with("medel från huvudmännen") || t.starts_with("medel från medlemmarna")
}

/// Whether a row holds the opening equity.
pub fn is_opening(name: &str) -> bool {
    normal(name).starts_with("ingående eget kapital")
}

/// Whether a row is computed from the others (a result, closing equity, a
/// share, a top-up's "varav"), so it is not read.
pub fn is_derived(name: &str) -> bool {
    let t = normal(name);
    let starts = [
        "varav",
        "därutöver",
        "resultat",
        "årets resultat",
        "utgående eget kapital",
        "riktvärde",
        "finansieringsnivå",
        "kvarstående medel",
        "avvikelse",
    ];
    starts.iter().any(|s| t.starts_with(s)) || t.contains(", andel av")
}

/// Whether a row is the simulator's members' top-up under a team line
/// (`därutöver medlemmarnas tillskott för …`; files exported before
/// 2026-12 say `varav`): in the simulator's own CSV, the members' part of
/// the team's full cost.
pub fn is_members_topup(name: &str) -> bool {
    let t = normal(name);
    [
        "därutöver medlemmarnas tillskott",
        "varav medlemmarnas tillskott",
    ]
    .iter()
    .any(|s| t.starts_with(s))
}

/// The guideline percentage in a guideline row's name, as the simulator
/// writes it: `Riktvärde: eget kapital bör understiga (20 % av medlen)`.
pub fn guideline_percent(name: &str) -> Option<rust_decimal::Decimal> {
    let t = normal(name);
    if !t.starts_with("riktvärde") {
        return None;
    }
    let open = t.rfind('(')?;
    let inner = &t[open + 1..];
    let number = inner.split('%').next()?;
    crate::state::input::parse_decimal(number).ok()
}

/// An id made from a name (or from a given id that is not one): lower case
/// a–z, digits and `sep`, å/ä → a, ö → o, other letters without their
/// accents, any run of other characters as one `sep`, at most
/// [`MAX_ID_CHARS`] characters; `rad` when nothing is left.
pub fn make_id(text: &str, sep: char) -> String {
    let mut out = String::new();
    for c in text.to_lowercase().chars() {
        match ascii_letter(c) {
            Some(m) => out.push(m),
            None if !out.ends_with(sep) => out.push(sep),
            None => {}
        }
    }
    let trimmed: String = out
        .trim_matches(|c| c == '_' || c == '-')
        .chars()
        .take(MAX_ID_CHARS)
        .collect();
    let trimmed = trimmed.trim_end_matches(['_', '-']).to_owned();
    if trimmed.is_empty() {
        "rad".to_owned()
    } else {
        trimmed
    }
}

/// `wanted`, or it with the first free suffix (`_2`, `_3`, …), shortened so
/// the whole stays within [`MAX_ID_CHARS`].
pub fn unique_id(wanted: &str, sep: char, taken: &dyn Fn(&str) -> bool) -> String {
    if !taken(wanted) {
        return wanted.to_owned();
    }
    (2..)
        .map(|n| {
            let suffix = format!("{sep}{n}");
            let stem: String = wanted.chars().take(MAX_ID_CHARS - suffix.len()).collect();
            format!("{stem}{suffix}")
        })
        .find(|candidate| !taken(candidate))
        .expect("some suffix is free")
}

/// A figure as written: `None` for an empty cell or a dash, `Err` with the
/// text when it is not a number.
pub fn figure(cell: &super::table::Cell) -> Result<Option<rust_decimal::Decimal>, String> {
    match cell {
        super::table::Cell::Empty => Ok(None),
        super::table::Cell::Number(n) => Ok(Some(*n)),
        super::table::Cell::Text(t) => {
            let t = t.trim();
            if matches!(t, "-" | "–" | "—" | "\u{2212}") {
                return Ok(None);
            }
            let without = t.strip_suffix("tkr").unwrap_or(t);
            crate::state::input::parse_decimal(without)
                .map(Some)
                .map_err(|_| t.to_owned())
        }
    }
}

/// A `Team` cell: `ja`/`nej` (and x, 1/0, sant/falskt); `None` for
/// anything else, `Some(None)` for an empty cell.
pub fn team_flag(text: &str) -> Option<Option<bool>> {
    match normal(text).as_str() {
        "" => Some(None),
        "ja" | "j" | "x" | "1" | "sant" | "true" => Some(Some(true)),
        "nej" | "n" | "0" | "falskt" | "false" => Some(Some(false)),
        _ => None,
    }
}

/// Whether an id is one as the data set's checks want it.
pub fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text.chars().count() <= MAX_ID_CHARS
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}
