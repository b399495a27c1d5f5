//! The Swedish sentence for a data set's problem (`core::validate`): where
//! it is, by line name and column heading, and what is wrong, so the person
//! who entered or imported the figures can find and fix it.

use crate::core::dataset::Dataset;
use crate::core::validate::{DataError, Place, Problem, MAX_ID_CHARS};
use crate::export::format::{self, kind_word, kronor, percent_input};

/// A column's heading by its position (`kolumn 3` when there is none).
pub fn column_title(data: &Dataset, index: usize) -> String {
    data.columns
        .get(index)
        .map_or_else(|| format!("kolumn {}", index + 1), format::column_title)
}

fn field_word(field: &str) -> &str {
    match field {
        "id" => "Dataunderlagets id",
        "name" => "Dataunderlagets namn",
        "organisation" => "Organisationens namn",
        "sources" => "Källorna",
        "reference_year" => "Referensåret",
        "plan_end" => "Planperiodens slut",
        "opening_equity" => "Ingående eget kapital",
        "first_plan_opening_equity" => "Ingående eget kapital första planåret",
        "equity_guideline" => "Riktvärdet för eget kapital",
        "unallocated_line" => "Raden för ofördelade medel",
        "columns" => "Kolumnerna",
        "revenue" => "Medel från huvudmännen",
        "lines" => "Budgetraderna",
        "members" => "Medlemmarna",
        other => other,
    }
}

/// Where a problem is, e.g. `Raden ”Styrelse”, kolumnen ”Budget 2025”`.
pub fn place(data: &Dataset, place: &Place) -> String {
    let line_name = |i: usize, id: &str| {
        data.lines
            .get(i)
            .map(|l| {
                if l.name.trim().is_empty() {
                    id.to_owned()
                } else {
                    l.name.clone()
                }
            })
            .unwrap_or_else(|| id.to_owned())
    };
    match place {
        Place::Field(f) => field_word(f).to_owned(),
        Place::Column(i) => format!("Kolumnen ”{}”", column_title(data, *i)),
        Place::Line(i, id) => format!("Raden ”{}” (rad {})", line_name(*i, id), i + 1),
        Place::Amount(i, id, c) => format!(
            "Raden ”{}”, kolumnen ”{}”",
            line_name(*i, id),
            column_title(data, *c)
        ),
        Place::Revenue(c) => format!(
            "Medel från huvudmännen, kolumnen ”{}”",
            column_title(data, *c)
        ),
        Place::Member(i, id) => format!(
            "Medlemmen ”{}”",
            data.member_list()
                .get(*i)
                .map_or(id.clone(), |m| m.name.clone())
        ),
        Place::Team(line) => format!(
            "Teamet ”{}”",
            data.lines
                .iter()
                .find(|l| &l.id == line)
                .map_or(line.clone(), |l| l.name.clone())
        ),
    }
}

/// What is wrong, in words.
pub fn problem(problem: &Problem) -> String {
    match problem {
        Problem::Empty => "är tomt.".to_owned(),
        Problem::BadId(id) => format!(
            "har id ”{id}”; ett id får bara ha små bokstäver a–z, siffror, _ och -, högst {MAX_ID_CHARS} tecken."
        ),
        Problem::DuplicateId(id) => format!("har id ”{id}”, som redan används."),
        Problem::NotWholeKronor(v) => format!("är {v}: ange hela kronor."),
        Problem::OutOfRange { value, min, max } => format!(
            "är {}, utanför det tillåtna {} till {}.",
            percent_input(*value),
            kronor(*min),
            kronor(*max)
        ),
        Problem::TooManyDecimals(v) => format!("är {}: högst en decimal.", percent_input(*v)),
        Problem::WrongAmountCount { found, expected } => {
            format!("har {found} belopp men dataunderlaget har {expected} kolumner.")
        }
        Problem::TooMany { found, limit } => format!("är {found}; högst {limit} går att använda."),
        Problem::ColumnYear { kind, year } => format!(
            "({} {year}) passar inte referensåret och planåren: referensåret har budget eller utfall, första planåret budget, prognos och utfall hittills, senare år budget eller utblick, högst nio år efter första planåret.",
            kind_word(*kind)
        ),
        Problem::DuplicateColumn { kind, year } => {
            format!("({} {year}) finns redan för det året.", kind_word(*kind))
        }
        Problem::NoFirstBudget(year) => format!("saknar en budget för första planåret {year}."),
        Problem::NoReferenceColumn(year) => format!("är {year}, men det finns ingen kolumn för det året."),
        Problem::ReferenceNotBefore { reference, first } => {
            format!("({reference}) måste ligga före första planåret ({first}).")
        }
        Problem::PlanEnd { end, first } => format!(
            "({end}) måste ligga mellan första planåret {first} och {}.",
            first + crate::core::horizon::MAX_YEARS_AFTER_FIRST
        ),
        Problem::NoFirstRevenue => "saknas för första planårets budget.".to_owned(),
        Problem::TeamNotIndivid => "är markerad som team men är ingen individinsats.".to_owned(),
        Problem::NegativeTeamCost(v) => format!("är {} kr: ett teams kostnad kan inte vara negativ.", kronor(*v)),
        Problem::UnallocatedNotStructural(id) => format!("(”{id}”) är ingen strukturell insats."),
        Problem::UnknownSource(id) => format!("hänvisar till källan ”{id}”, som inte finns bland källorna."),
        Problem::MemberShare => "behöver antingen en fast andel eller en vikt i fördelningsnyckeln (inte båda).".to_owned(),
        Problem::FixedPartsOver100(total) => format!(
            "har fasta andelar som tillsammans är {} %, mer än 100 %.",
            percent_input(*total)
        ),
        Problem::NoKeyWeight => "har ingen vikt i fördelningsnyckeln som är större än 0.".to_owned(),
        Problem::NotATeam => "är ingen teamrad i budgeten.".to_owned(),
        Problem::UnknownMember(id) => format!("betjänar ”{id}”, som inte är en kommun bland medlemmarna."),
        Problem::ServesWithoutMembers => "betjänar kommuner, men dataunderlaget har inga medlemmar.".to_owned(),
        Problem::LowAboveHigh(low, high) => format!("har deltagare {low}–{high}: det lägre talet måste komma först."),
        Problem::DuplicateTeam => "har bemanning angiven två gånger.".to_owned(),
    }
}

/// The whole sentence: `Raden ”Styrelse”, kolumnen ”Budget 2025” är 5,5: ange hela kronor.`
pub fn sentence(data: &Dataset, error: &DataError) -> String {
    format!("{} {}", place(data, &error.place), problem(&error.problem))
}
