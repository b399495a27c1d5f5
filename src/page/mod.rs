//! The page's controls as data: what each part of the page offers (its
//! fields, sliders, choices and buttons, with their Swedish labels and hints
//! and what each does), made by pure functions of the state and rendered by
//! a few generic components (`ui::components::controls`). Writing a form as
//! data keeps the rules of what is shown testable natively, and keeps the
//! page's bundle small: each kind of control is rendered by one piece of
//! code, however many the plan period or the data set asks for.

pub mod inputs;
pub mod meeting;
pub mod risk;

use crate::core::horizon::Year;
use crate::core::rules::NumberRule;
use crate::core::Field;
use crate::state::update::Action;
use crate::state::workspace::Msg;
use rust_decimal::Decimal;

/// What a number field's valid value does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Commit {
    /// Set (or, with an empty optional field, clear) a scenario field.
    Set(Field),
    /// Set a year's contributions as a % change from the year before.
    RevenueChange(Year),
}

impl Commit {
    /// The action a value (or an emptied optional field) stands for.
    pub fn action(&self, value: Option<Decimal>) -> Option<Action> {
        match self {
            Commit::Set(field) => Some(Action::Set(field.clone(), value)),
            Commit::RevenueChange(year) => value.map(|v| Action::SetRevenueChange(*year, v)),
        }
    }
}

/// A number field: typed text becomes a number by its rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberField {
    pub id: String,
    /// The accessible name when no visible label names the field.
    pub aria_label: Option<String>,
    pub value: Option<Decimal>,
    pub rule: NumberRule,
    pub commit: Commit,
    /// An empty field means "not set" rather than an error.
    pub optional: bool,
    pub placeholder: Option<String>,
    /// The id of a hint that describes the field.
    pub hint_id: Option<String>,
}

/// A slider with its number field and one-click marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slider {
    pub id: String,
    pub label: String,
    pub field: Field,
    pub value: Decimal,
    pub step: Decimal,
    pub marks: Vec<Decimal>,
    pub hint: Option<String>,
}

/// One choice of a select or a radio group, and what choosing it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub hint: Option<String>,
    pub chosen: bool,
    pub msg: Msg,
}

/// One control of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Control {
    /// A fieldset with a legend and a hint.
    Group {
        legend: String,
        hint: Option<String>,
        children: Vec<Control>,
    },
    /// A part folded away (`<details>`), open when `open`.
    Fold {
        class: &'static str,
        summary: String,
        open: bool,
        children: Vec<Control>,
    },
    Slider(Slider),
    /// A labelled number field (the label above it, its hint below).
    Number {
        label: String,
        field: NumberField,
        hint: Option<String>,
        class: &'static str,
    },
    /// A labelled pair of number fields (e.g. kronor and % change).
    Pair {
        label_for: String,
        label: String,
        fields: [NumberField; 2],
        hint: Option<String>,
    },
    Checkbox {
        id: String,
        label: String,
        checked: bool,
        /// The id of what describes it.
        described_by: Option<String>,
        on: Msg,
        off: Msg,
    },
    Select {
        id: String,
        label: String,
        hint: Option<String>,
        choices: Vec<Choice>,
    },
    Radios {
        name: String,
        label: String,
        choices: Vec<Choice>,
    },
    /// A paragraph: a hint (`field-hint`) or a fixed value.
    Text {
        class: &'static str,
        id: Option<String>,
        text: String,
    },
    /// A figure set in bold after its words (`2025: 18 958 000 kr (i dataunderlaget)`).
    Fixed {
        lead: String,
        value: String,
        note: String,
    },
    /// A table of number fields: row labels, column headings, one field per cell.
    Grid {
        label: String,
        columns: Vec<String>,
        rows: Vec<(String, Vec<NumberField>)>,
    },
    Button {
        label: String,
        aria_label: Option<String>,
        class: &'static str,
        msg: Msg,
    },
}

/// On a phone a member's own figures come after every control: the words of
/// the link at the top of the controls that jumps to them, when the page
/// shows a member of the data set.
pub fn member_jump(data: &crate::core::Dataset, member: Option<&str>) -> Option<String> {
    let id = member?;
    let member = data.members.as_ref()?.list.iter().find(|m| m.id == id)?;
    Some(format!("Till siffrorna för {} ↓", member.name))
}
