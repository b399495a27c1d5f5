//! The checks a data set must pass before anything is computed from it
//! (spec section 10). Each problem names its place (the line, the column, the
//! member or the team) and what is wrong, as data; the Swedish sentence for
//! it is written by the workshop state (`state::explain`). Nothing is
//! half-applied: a data set with any problem is refused whole.

use crate::core::dataset::{Category, ColumnKind, Dataset};
use crate::core::horizon::{PlanPeriod, Year};
use rust_decimal::Decimal;

/// The largest amount, in kronor, a data set may hold (10¹²): far beyond any
/// förbund, and small enough that no product in the engine can overflow.
pub const KRONOR_LIMIT: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);
/// The most lines, columns and members a data set may have.
pub const MAX_LINES: usize = 500;
pub const MAX_COLUMNS: usize = 20;
pub const MAX_MEMBERS: usize = 100;
/// The longest id, in characters.
pub const MAX_ID_CHARS: usize = 40;

/// Where a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The data set as a whole, or one of its named fields.
    Field(&'static str),
    /// A figure column, by position (0-based).
    Column(usize),
    /// A budget line, by position (0-based) and id.
    Line(usize, String),
    /// One amount of a line: line position and id, column position.
    Amount(usize, String, usize),
    /// The revenue of a column.
    Revenue(usize),
    Member(usize, String),
    /// A team's staffing entry, by its line id.
    Team(String),
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Empty,
    /// Ids are letters a–z, digits, `_` and `-`, at most [`MAX_ID_CHARS`].
    BadId(String),
    DuplicateId(String),
    NotWholeKronor(Decimal),
    /// A value outside its range (`min`, `max` inclusive).
    OutOfRange {
        value: Decimal,
        min: Decimal,
        max: Decimal,
    },
    /// More decimals than the field takes.
    TooManyDecimals(Decimal),
    /// A line has a different number of amounts than there are columns.
    WrongAmountCount {
        found: usize,
        expected: usize,
    },
    TooMany {
        found: usize,
        limit: usize,
    },
    /// A column's year does not fit the reference and plan years.
    ColumnYear {
        kind: ColumnKind,
        year: Year,
    },
    DuplicateColumn {
        kind: ColumnKind,
        year: Year,
    },
    /// The first plan year has no budget column.
    NoFirstBudget(Year),
    /// The reference year has no column (budget or outcome).
    NoReferenceColumn(Year),
    /// The reference year is not before the first plan year.
    ReferenceNotBefore {
        reference: Year,
        first: Year,
    },
    /// The plan end is outside `P0 … P0 + 9`.
    PlanEnd {
        end: Year,
        first: Year,
    },
    /// The first plan year's budget has no revenue.
    NoFirstRevenue,
    TeamNotIndivid,
    /// A team's cost below zero (a team cannot cost less than nothing).
    NegativeTeamCost(Decimal),
    /// The named unallocated line is not a structural line.
    UnallocatedNotStructural(String),
    UnknownSource(String),
    /// A member needs either a fixed part or a key weight (not both).
    MemberShare,
    /// The fixed parts add up to more than 100 %.
    FixedPartsOver100(Decimal),
    /// The key weights do not add up to more than 0.
    NoKeyWeight,
    /// A team's entry names a line that is not a team.
    NotATeam,
    /// A team serves a member that is not a municipality of the data set.
    UnknownMember(String),
    /// A team is said to serve municipalities, but the data set has no members.
    ServesWithoutMembers,
    /// Participants given low above high.
    LowAboveHigh(u32, u32),
    DuplicateTeam,
}

/// One problem of a data set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub place: Place,
    pub problem: Problem,
}

fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text.chars().count() <= MAX_ID_CHARS
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// Collects problems with their places.
struct Checker(Vec<DataError>);

impl Checker {
    fn fail(&mut self, place: Place, problem: Problem) {
        self.0.push(DataError { place, problem });
    }

    fn kronor(&mut self, place: Place, value: Decimal) {
        if !value.fract().is_zero() {
            self.fail(place, Problem::NotWholeKronor(value));
        } else if value.abs() > KRONOR_LIMIT {
            self.fail(
                place,
                Problem::OutOfRange {
                    value,
                    min: -KRONOR_LIMIT,
                    max: KRONOR_LIMIT,
                },
            );
        }
    }

    fn range(&mut self, place: Place, value: Decimal, min: i64, max: i64, places: u32) {
        if value.normalize().scale() > places {
            self.fail(place, Problem::TooManyDecimals(value));
        } else if value < Decimal::from(min) || value > Decimal::from(max) {
            self.fail(
                place,
                Problem::OutOfRange {
                    value,
                    min: Decimal::from(min),
                    max: Decimal::from(max),
                },
            );
        }
    }

    fn id(&mut self, place: Place, id: &str, seen: &mut Vec<String>) {
        if id.is_empty() {
            self.fail(place, Problem::Empty);
        } else if !is_id(id) {
            self.fail(place, Problem::BadId(id.to_owned()));
        } else if seen.iter().any(|s| s == id) {
            self.fail(place, Problem::DuplicateId(id.to_owned()));
        } else {
            seen.push(id.to_owned());
        }
    }

    fn source(&mut self, data: &Dataset, place: Place, id: &str) {
        if !id.is_empty() && data.source(id).is_none() {
            self.fail(place, Problem::UnknownSource(id.to_owned()));
        }
    }

    fn count(&mut self, place: Place, found: usize, limit: usize) {
        if found > limit {
            self.fail(place, Problem::TooMany { found, limit });
        }
    }
}

impl Dataset {
    /// Every problem of the data set, in the order a reader meets them.
    pub fn problems(&self) -> Vec<DataError> {
        let mut c = Checker(Vec::new());
        check_frame(self, &mut c);
        check_columns(self, &mut c);
        check_lines(self, &mut c);
        check_members(self, &mut c);
        check_teams(self, &mut c);
        c.0
    }

    /// The first problem, if any: a data set is used only when this is `Ok`.
    pub fn validate(&self) -> Result<(), DataError> {
        match self.problems().into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(()),
        }
    }
}

fn check_frame(d: &Dataset, c: &mut Checker) {
    let mut seen = Vec::new();
    c.id(Place::Field("id"), &d.id, &mut seen);
    for (field, text) in [("name", &d.name), ("organisation", &d.organisation)] {
        if text.trim().is_empty() {
            c.fail(Place::Field(field), Problem::Empty);
        }
    }
    let mut sources = Vec::new();
    for s in &d.sources {
        c.id(Place::Field("sources"), &s.id, &mut sources);
    }
    let first = d.first_plan_year;
    if let Some(reference) = d.reference_year {
        if reference >= first {
            c.fail(
                Place::Field("reference_year"),
                Problem::ReferenceNotBefore { reference, first },
            );
        } else if d.year_column(reference).is_none() {
            c.fail(
                Place::Field("reference_year"),
                Problem::NoReferenceColumn(reference),
            );
        }
    }
    if PlanPeriod::new(first, d.plan_end).is_none() {
        c.fail(
            Place::Field("plan_end"),
            Problem::PlanEnd {
                end: d.plan_end,
                first,
            },
        );
    }
    c.kronor(Place::Field("opening_equity"), d.opening_equity.amount);
    c.source(d, Place::Field("opening_equity"), &d.opening_equity.source);
    if let Some(known) = &d.first_plan_opening_equity {
        c.kronor(Place::Field("first_plan_opening_equity"), known.amount);
    }
    c.range(
        Place::Field("equity_guideline"),
        d.equity_guideline.value,
        0,
        100,
        1,
    );
    c.source(
        d,
        Place::Field("equity_guideline"),
        &d.equity_guideline.source,
    );
    if let Some(id) = &d.unallocated_line {
        let structural = d
            .lines
            .iter()
            .any(|l| &l.id == id && l.category == Category::Struktur);
        if !structural {
            c.fail(
                Place::Field("unallocated_line"),
                Problem::UnallocatedNotStructural(id.clone()),
            );
        }
    }
}

fn check_columns(d: &Dataset, c: &mut Checker) {
    c.count(Place::Field("columns"), d.columns.len(), MAX_COLUMNS);
    let first = d.first_plan_year;
    for (i, column) in d.columns.iter().enumerate() {
        let (kind, year) = (column.kind, column.year);
        let fits = if Some(year) == d.reference_year {
            matches!(kind, ColumnKind::Budget | ColumnKind::Outcome)
        } else if year == first {
            matches!(
                kind,
                ColumnKind::Budget | ColumnKind::Prognosis | ColumnKind::OutcomeToDate
            )
        } else {
            year > first
                && year <= PlanPeriod::latest_end(first)
                && matches!(kind, ColumnKind::Budget | ColumnKind::Outlook)
        };
        if !fits {
            c.fail(Place::Column(i), Problem::ColumnYear { kind, year });
        }
        // One column per kind and year; and one standing for each year.
        let earlier = &d.columns[..i];
        let same_year_plan = |k: ColumnKind| {
            matches!(
                k,
                ColumnKind::Budget | ColumnKind::Outlook | ColumnKind::Outcome
            )
        };
        let clash = earlier.iter().any(|e| {
            e.year == year && (e.kind == kind || (same_year_plan(e.kind) && same_year_plan(kind)))
        });
        if clash {
            c.fail(Place::Column(i), Problem::DuplicateColumn { kind, year });
        }
        c.source(d, Place::Column(i), &column.source);
    }
    match d.column(ColumnKind::Budget, first) {
        None => c.fail(Place::Field("columns"), Problem::NoFirstBudget(first)),
        Some(budget) if d.revenue.get(budget).copied().flatten().is_none() => {
            c.fail(Place::Revenue(budget), Problem::NoFirstRevenue)
        }
        Some(_) => {}
    }
    if d.revenue.len() != d.columns.len() {
        c.fail(
            Place::Field("revenue"),
            Problem::WrongAmountCount {
                found: d.revenue.len(),
                expected: d.columns.len(),
            },
        );
    }
    for (i, amount) in d.revenue.iter().enumerate() {
        if let Some(amount) = amount {
            c.kronor(Place::Revenue(i), *amount);
            if *amount < Decimal::ZERO {
                c.fail(
                    Place::Revenue(i),
                    Problem::OutOfRange {
                        value: *amount,
                        min: Decimal::ZERO,
                        max: KRONOR_LIMIT,
                    },
                );
            }
        }
    }
}

fn check_lines(d: &Dataset, c: &mut Checker) {
    c.count(Place::Field("lines"), d.lines.len(), MAX_LINES);
    let mut seen = Vec::new();
    for (i, line) in d.lines.iter().enumerate() {
        let place = || Place::Line(i, line.id.clone());
        c.id(place(), &line.id, &mut seen);
        if line.name.trim().is_empty() {
            c.fail(place(), Problem::Empty);
        }
        if line.team && line.category != Category::Individ {
            c.fail(place(), Problem::TeamNotIndivid);
        }
        if line.amounts.len() != d.columns.len() {
            c.fail(
                place(),
                Problem::WrongAmountCount {
                    found: line.amounts.len(),
                    expected: d.columns.len(),
                },
            );
        }
        for (k, amount) in line.amounts.iter().enumerate() {
            c.kronor(Place::Amount(i, line.id.clone(), k), *amount);
            if line.team && *amount < Decimal::ZERO {
                c.fail(
                    Place::Amount(i, line.id.clone(), k),
                    Problem::NegativeTeamCost(*amount),
                );
            }
        }
    }
}

fn check_members(d: &Dataset, c: &mut Checker) {
    let Some(members) = &d.members else {
        return;
    };
    c.count(Place::Field("members"), members.list.len(), MAX_MEMBERS);
    c.source(d, Place::Field("members"), &members.source);
    c.source(d, Place::Field("members"), &members.key_source);
    let mut seen = Vec::new();
    let mut fixed_total = Decimal::ZERO;
    let mut weight_total = Decimal::ZERO;
    for (i, m) in members.list.iter().enumerate() {
        let place = || Place::Member(i, m.id.clone());
        c.id(place(), &m.id, &mut seen);
        if m.name.trim().is_empty() {
            c.fail(place(), Problem::Empty);
        }
        match (m.fixed_percent, m.key_weight) {
            (Some(p), None) => {
                c.range(place(), p, 0, 100, 1);
                fixed_total += p;
            }
            (None, Some(w)) => {
                if w.is_sign_negative() && !w.is_zero() {
                    c.fail(
                        place(),
                        Problem::OutOfRange {
                            value: w,
                            min: Decimal::ZERO,
                            max: KRONOR_LIMIT,
                        },
                    );
                } else if w > KRONOR_LIMIT || w.normalize().scale() > 6 {
                    c.fail(place(), Problem::TooManyDecimals(w));
                } else {
                    weight_total += w;
                }
            }
            _ => c.fail(place(), Problem::MemberShare),
        }
    }
    if fixed_total > Decimal::ONE_HUNDRED {
        c.fail(
            Place::Field("members"),
            Problem::FixedPartsOver100(fixed_total),
        );
    }
    if weight_total <= Decimal::ZERO {
        c.fail(Place::Field("members"), Problem::NoKeyWeight);
    }
}

fn check_teams(d: &Dataset, c: &mut Checker) {
    for (i, team) in d.teams.iter().enumerate() {
        let place = || Place::Team(team.line.clone());
        if !d.is_team(&team.line) {
            c.fail(place(), Problem::NotATeam);
        }
        if d.teams[..i].iter().any(|t| t.line == team.line) {
            c.fail(place(), Problem::DuplicateTeam);
        }
        if !team.serves.is_empty() && d.members.is_none() {
            c.fail(place(), Problem::ServesWithoutMembers);
        }
        for served in &team.serves {
            let municipality = d
                .member_list()
                .iter()
                .any(|m| &m.id == served && m.key_weight.is_some());
            if d.members.is_some() && !municipality {
                c.fail(place(), Problem::UnknownMember(served.clone()));
            }
        }
        if let Some(fte) = team.fte {
            c.range(place(), fte, 0, 1000, 1);
        }
        if let Some((low, high)) = team.participants {
            if low > high {
                c.fail(place(), Problem::LowAboveHigh(low, high));
            }
        }
    }
}
