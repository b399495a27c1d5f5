//! Editing a data set by hand (spec section 10), one field at a time.
//!
//! Each [`DataEdit`] is what one field of the editor says; [`edit`] turns it
//! into the next data set, or refuses it with the Swedish sentence shown
//! beside the field. Typed text becomes numbers here, exactly, with the
//! page's Swedish notation (`1 918 000`, `−2 028 622`, `20,5`). The result
//! must pass every check of section 10 (`Dataset::validate`): an edit that
//! would break one is refused whole and the data set stays as it was, so the
//! figures on the page always come from a valid data set.

mod people;
mod shape;

use crate::core::dataset::{BudgetLine, Category, ColumnKind, Dataset};
use crate::core::horizon::Year;
use crate::core::rules::NumberRule;
use crate::core::validate::KRONOR_LIMIT;
use crate::state::explain::sentence;
use crate::state::input::{parse_participants, parse_with};
use people::{
    add_members, add_municipality, key_weight, member_name, members_mut, order_served,
    remove_member, remove_members, team_mut,
};
use rust_decimal::Decimal;
use shape::{add_column, add_line, move_first_year, move_line, remove_column, remove_line};

/// One change a field of the editor makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataEdit {
    Name(String),
    Organisation(String),
    LineName {
        line: usize,
        text: String,
    },
    LineCategory {
        line: usize,
        category: Category,
    },
    LineTeam {
        line: usize,
        team: bool,
    },
    /// Moves a line one place up (`up`) or down.
    MoveLine {
        line: usize,
        up: bool,
    },
    AddLine {
        category: Category,
    },
    RemoveLine {
        line: usize,
    },
    Amount {
        line: usize,
        column: usize,
        text: String,
    },
    AddColumn {
        kind: ColumnKind,
        year: Year,
    },
    /// What a column holds (a budget that became an outcome, say); its
    /// amounts stay.
    SetColumnKind {
        column: usize,
        kind: ColumnKind,
    },
    RemoveColumn {
        column: usize,
    },
    Revenue {
        column: usize,
        text: String,
    },
    /// Equity at the start of the data set's first year.
    OpeningEquity(String),
    /// The guideline, % of the year's contributions.
    Guideline(String),
    ReferenceYear(Option<Year>),
    FirstPlanYear(Year),
    PlanEnd(Year),
    /// The state 50 %, the region 25 % and one municipality, for a data
    /// set without members.
    AddMembers,
    RemoveMembers,
    AddMunicipality,
    MemberName {
        member: usize,
        text: String,
    },
    /// Removes a municipality (the fixed parts go only with all members).
    RemoveMember {
        member: usize,
    },
    /// A municipality's weight in the key.
    KeyWeight {
        member: usize,
        text: String,
    },
    KeySource(String),
    Serves {
        team: String,
        member: String,
        serves: bool,
    },
    TeamFte {
        team: String,
        text: String,
    },
    TeamParticipants {
        team: String,
        text: String,
    },
}

/// The id of the editor's field an edit comes from: its history step
/// folds one field's typing into one undo step, and a refusal is shown
/// beside that field.
pub fn field_id(change: &DataEdit) -> String {
    match change {
        DataEdit::Name(_) => "data-name".to_owned(),
        DataEdit::Organisation(_) => "data-organisation".to_owned(),
        DataEdit::LineName { line, .. } => format!("data-line-{line}-name"),
        DataEdit::LineCategory { line, .. } => format!("data-line-{line}-category"),
        DataEdit::LineTeam { line, .. } => format!("data-line-{line}-team"),
        DataEdit::MoveLine { line, .. } => format!("data-line-{line}-move"),
        DataEdit::AddLine { .. } => "data-add-line".to_owned(),
        DataEdit::RemoveLine { line } => format!("data-line-{line}-remove"),
        DataEdit::Amount { line, column, .. } => format!("data-line-{line}-amount-{column}"),
        DataEdit::AddColumn { .. } => "data-add-column".to_owned(),
        DataEdit::SetColumnKind { column, .. } => format!("data-column-{column}-kind"),
        DataEdit::RemoveColumn { column } => format!("data-column-{column}-remove"),
        DataEdit::Revenue { column, .. } => format!("data-revenue-{column}"),
        DataEdit::OpeningEquity(_) => "data-opening".to_owned(),
        DataEdit::Guideline(_) => "data-guideline".to_owned(),
        DataEdit::ReferenceYear(_) => "data-reference-year".to_owned(),
        DataEdit::FirstPlanYear(_) => "data-first-year".to_owned(),
        DataEdit::PlanEnd(_) => "data-plan-end".to_owned(),
        DataEdit::AddMembers => "data-add-members".to_owned(),
        DataEdit::RemoveMembers => "data-remove-members".to_owned(),
        DataEdit::AddMunicipality => "data-add-municipality".to_owned(),
        DataEdit::MemberName { member, .. } => format!("data-member-{member}-name"),
        DataEdit::RemoveMember { member } => format!("data-member-{member}-remove"),
        DataEdit::KeyWeight { member, .. } => format!("data-member-{member}-weight"),
        DataEdit::KeySource(_) => "data-key-source".to_owned(),
        DataEdit::Serves { team, member, .. } => format!("data-team-{team}-serves-{member}"),
        DataEdit::TeamFte { team, .. } => format!("data-team-{team}-fte"),
        DataEdit::TeamParticipants { team, .. } => format!("data-team-{team}-participants"),
    }
}

/// Whether the field `id` is one a person types in (its refusal is shown
/// beside it); else it is a list, a box or a button.
pub fn typed_field(id: &str) -> bool {
    [
        "-name",
        "-organisation",
        "-opening",
        "-guideline",
        "-weight",
        "-fte",
        "-participants",
    ]
    .iter()
    .any(|end| id.ends_with(end))
        || id.contains("-amount-")
        || id.starts_with("data-revenue-")
}

/// Equity is any whole krona within the data set's limit.
const EQUITY_RULE: NumberRule = NumberRule {
    kind: crate::core::rules::NumberKind::Kronor,
    min: Decimal::from_parts(3_567_587_328, 232, 0, true, 0),
    max: KRONOR_LIMIT,
};
/// The guideline, 0–100 % with one decimal.
const GUIDELINE_RULE: NumberRule = NumberRule::percent(0, 100);

/// A whole krona amount typed by the person (the editor's and the import
/// preview's), or the Swedish reason it is refused.
pub fn parse_kronor(text: &str) -> Result<Decimal, String> {
    parse_with(&EQUITY_RULE, text).map_err(|e| e.to_string())
}

/// The next data set after `change`, `Ok(None)` when it changes nothing,
/// or why it is refused (a Swedish sentence for the field).
pub fn edit(data: &Dataset, change: &DataEdit) -> Result<Option<Dataset>, String> {
    let mut next = data.clone();
    apply(&mut next, change)?;
    if next == *data {
        return Ok(None);
    }
    next.validate().map_err(|e| sentence(&next, &e))?;
    Ok(Some(next))
}

fn line_mut(data: &mut Dataset, line: usize) -> Result<&mut BudgetLine, String> {
    data.lines
        .get_mut(line)
        .ok_or_else(|| "Raden finns inte längre.".to_owned())
}

fn apply(data: &mut Dataset, change: &DataEdit) -> Result<(), String> {
    match change {
        DataEdit::Name(text) => data.name = required(text, "Dataunderlaget")?,
        DataEdit::Organisation(text) => data.organisation = text.trim().to_owned(),
        DataEdit::LineName { line, text } => {
            line_mut(data, *line)?.name = required(text, "Raden")?;
        }
        DataEdit::LineCategory { line, category } => {
            let l = line_mut(data, *line)?;
            l.category = *category;
            // Only an individ line can be a team.
            if *category != Category::Individ && l.team {
                l.team = false;
                let id = l.id.clone();
                data.teams.retain(|t| t.line != id);
            }
        }
        DataEdit::LineTeam { line, team } => {
            let l = line_mut(data, *line)?;
            if *team && l.category != Category::Individ {
                return Err(
                    "Bara en rad bland individinsatserna kan vara ett samordningsteam.".to_owned(),
                );
            }
            l.team = *team;
            let id = l.id.clone();
            if !team {
                data.teams.retain(|t| t.line != id);
            }
        }
        DataEdit::MoveLine { line, up } => move_line(data, *line, *up)?,
        DataEdit::AddLine { category } => add_line(data, *category),
        DataEdit::RemoveLine { line } => remove_line(data, *line)?,
        DataEdit::Amount { line, column, text } => {
            let value = parse_kronor(text)?;
            let l = line_mut(data, *line)?;
            *l.amounts
                .get_mut(*column)
                .ok_or_else(|| "Kolumnen finns inte längre.".to_owned())? = value;
        }
        DataEdit::AddColumn { kind, year } => add_column(data, *kind, *year)?,
        DataEdit::SetColumnKind { column, kind } => {
            data.columns
                .get_mut(*column)
                .ok_or_else(|| "Kolumnen finns inte längre.".to_owned())?
                .kind = *kind;
        }
        DataEdit::RemoveColumn { column } => remove_column(data, *column)?,
        DataEdit::Revenue { column, text } => {
            let value = if text.trim().is_empty() {
                None
            } else {
                Some(parse_kronor(text)?)
            };
            *data
                .revenue
                .get_mut(*column)
                .ok_or_else(|| "Kolumnen finns inte längre.".to_owned())? = value;
        }
        DataEdit::OpeningEquity(text) => data.opening_equity.amount = parse_kronor(text)?,
        DataEdit::Guideline(text) => {
            data.equity_guideline.value =
                parse_with(&GUIDELINE_RULE, text).map_err(|e| e.to_string())?;
        }
        DataEdit::ReferenceYear(year) => data.reference_year = *year,
        DataEdit::FirstPlanYear(year) => move_first_year(data, *year),
        DataEdit::PlanEnd(year) => data.plan_end = *year,
        DataEdit::AddMembers => add_members(data)?,
        DataEdit::RemoveMembers => remove_members(data)?,
        DataEdit::AddMunicipality => add_municipality(data)?,
        DataEdit::MemberName { member, text } => {
            member_name(data, *member, required(text, "Medlemmen")?)?;
        }
        DataEdit::RemoveMember { member } => remove_member(data, *member)?,
        DataEdit::KeyWeight { member, text } => key_weight(data, *member, text)?,
        DataEdit::KeySource(text) => {
            members_mut(data)?.key_source = text.trim().to_owned();
        }
        DataEdit::Serves {
            team,
            member,
            serves,
        } => {
            let info = team_mut(data, team)?;
            info.serves.retain(|m| m != member);
            if *serves {
                info.serves.push(member.clone());
            }
            order_served(data, team);
        }
        DataEdit::TeamFte { team, text } => {
            let value = if text.trim().is_empty() {
                None
            } else {
                Some(parse_with(&FTE_RULE, text).map_err(|e| e.to_string())?)
            };
            team_mut(data, team)?.fte = value;
        }
        DataEdit::TeamParticipants { team, text } => {
            let value = if text.trim().is_empty() {
                None
            } else {
                Some(parse_participants(text).map_err(|e| e.to_string())?)
            };
            team_mut(data, team)?.participants = value;
        }
    }
    Ok(())
}

/// FTE: 0–1 000 with one decimal (as the data set's check says).
const FTE_RULE: NumberRule = NumberRule {
    kind: crate::core::rules::NumberKind::Fte,
    min: Decimal::ZERO,
    max: Decimal::from_parts(1000, 0, 0, false, 0),
};

fn required(text: &str, what: &str) -> Result<String, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(format!("{what} behöver ett namn."));
    }
    Ok(trimmed.to_owned())
}
