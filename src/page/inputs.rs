//! The scenario's controls, grouped the way a workshop asks its questions:
//! the plan period, then the board's two decisions (how fully the teams are
//! funded and how direct money is split), then what the members pay, how
//! costs grow, where the first plan year stands, and the equity ceiling.
//! Every per-year control follows the plan period; the first plan year is
//! decided, so its controls are kept but folded away.

use crate::core::horizon::Year;
use crate::core::money::percent_one_decimal;
use crate::core::scenario::{fixed_revenue, has_structural_lines};
use crate::core::{Basis, ColumnKind, Dataset, Field, Projection, Scenario};
use crate::export::format::{kronor_kr, percent, percent_input};
use crate::export::words::guideline_hint;
use crate::page::{Choice, Commit, Control, NumberField, Slider};
use crate::state::update::{revenue_change, Action, REVENUE_CHANGE_RULE};
use crate::state::workspace::Msg;
use rust_decimal::Decimal;

fn pct(value: Decimal) -> String {
    format!("{}\u{a0}%", percent_input(value))
}

fn marks(values: &[i64]) -> Vec<Decimal> {
    values.iter().map(|&v| Decimal::from(v)).collect()
}

fn half() -> Decimal {
    Decimal::new(5, 1)
}

fn hint(text: impl Into<String>) -> Control {
    Control::Text {
        class: "field-hint",
        id: None,
        text: text.into(),
    }
}

fn edit(action: Action) -> Msg {
    Msg::Edit(action)
}

/// A plain number field for `field`, labelled by its `<label for>`.
fn number(id: String, value: Option<Decimal>, field: Field) -> NumberField {
    NumberField {
        id,
        aria_label: None,
        value,
        rule: field.rule(),
        commit: Commit::Set(field),
        optional: false,
        placeholder: None,
        hint_id: None,
    }
}

/// A year's controls, folded away when the year is decided (the first plan year).
fn year_block(decided: bool, summary: String, controls: Vec<Control>) -> Vec<Control> {
    if decided {
        vec![Control::Fold {
            class: "decided-year",
            summary,
            open: false,
            children: controls,
        }]
    } else {
        controls
    }
}

/// Every control of the scenario panel; in meeting mode only the plan
/// period and the two decisions.
pub fn scenario_controls(
    data: &Dataset,
    s: &Scenario,
    projection: &Projection,
    meeting: bool,
) -> Vec<Control> {
    let years: Vec<Year> = projection.years.iter().map(|y| y.year).collect();
    let mut controls = vec![period(data, s), funding(data, s, &years, meeting)];
    if has_structural_lines(data) {
        controls.push(shares(data, s, projection, &years));
    }
    if !meeting {
        controls.push(revenue(data, s, &years));
        controls.push(growth(data, s, &years));
        controls.push(starting_point(data, s));
        controls.push(Control::Group {
            legend: "Eget kapital".to_owned(),
            hint: None,
            children: vec![Control::Slider(Slider {
                id: "guide".to_owned(),
                label: "Riktvärde för eget kapital (tak), andel av årets medel".to_owned(),
                field: Field::EquityGuideline,
                value: s.equity_guideline(data),
                step: Decimal::ONE,
                marks: Vec::new(),
                hint: Some(guideline_hint(data)),
            })],
        });
        controls.push(Control::Button {
            label: "Återställ standardvärden".to_owned(),
            aria_label: None,
            class: "button button--secondary reset",
            msg: edit(Action::Reset),
        });
    }
    controls
}

/// "Planperiod till": from the data set's plan end up to nine years past
/// the first plan year.
fn period(data: &Dataset, s: &Scenario) -> Control {
    let last = s.last_year(data);
    Control::Select {
        id: "till".to_owned(),
        label: format!("Planperiod {} till", data.first_plan_year),
        hint: Some(format!(
            "Dataunderlaget planerar till {end}. År efter {end} behåller {end} års val; ett år inom {first}–{end} har sitt eget.",
            end = data.plan_end,
            first = data.first_plan_year,
        )),
        choices: (data.plan_end..=data.latest_end())
            .map(|year| Choice {
                value: year.to_string(),
                label: year.to_string(),
                hint: None,
                chosen: year == last,
                msg: edit(Action::SetTill((year != data.plan_end).then_some(year))),
            })
            .collect(),
    }
}

fn funding(data: &Dataset, s: &Scenario, years: &[Year], meeting: bool) -> Control {
    let mut children = Vec::new();
    for &year in years {
        let level = s.funding(data, year);
        let slider = Control::Slider(Slider {
            id: format!("f{year}"),
            label: format!("Finansieringsnivå {year}"),
            field: Field::Funding(year),
            value: level,
            step: half(),
            marks: marks(&[75, 80, 85, 100]),
            hint: None,
        });
        let summary = format!("{year}: {} (beslutat år)", pct(level));
        children.extend(year_block(
            year == data.first_plan_year,
            summary,
            vec![slider],
        ));
    }
    if !meeting && data.teams().next().is_some() {
        children.push(team_levels(data, s, years));
    }
    let hint = if data.teams().next().is_some() {
        "Andel av teamens fulla kostnad som förbundet betalar. Resten är medlemmarnas tillskott."
    } else {
        // Said, or the slider seems to do nothing.
        "Dataunderlaget har inga rader markerade som samordningsteam, så nivån ändrar inga belopp. Teamen markeras i dataunderlaget (”Byt, ändra eller importera”)."
    };
    Control::Group {
        legend: "Finansieringsnivå för samordningsteamen".to_owned(),
        hint: Some(hint.to_owned()),
        children,
    }
}

/// Per-team levels that override the year's uniform level (optional).
fn team_levels(data: &Dataset, s: &Scenario, years: &[Year]) -> Control {
    let count = s.team_funding.values().filter(|v| v.is_some()).count();
    let rows = data
        .teams()
        .map(|team| {
            let fields = years
                .iter()
                .map(|&year| {
                    let field = Field::TeamFunding(year, team.id.clone());
                    NumberField {
                        id: format!("f{year}-{}", team.id),
                        aria_label: Some(format!("{} {year}, egen nivå i procent", team.name)),
                        value: s.team_override(data, year, &team.id),
                        rule: field.rule(),
                        commit: Commit::Set(field),
                        optional: true,
                        placeholder: Some(percent_input(s.funding(data, year))),
                        hint_id: None,
                    }
                })
                .collect();
            (team.name.clone(), fields)
        })
        .collect();
    Control::Fold {
        class: "overrides",
        summary: if count > 0 {
            format!("Egen nivå för enskilda team ({count} satta)")
        } else {
            "Egen nivå för enskilda team".to_owned()
        },
        open: count > 0,
        children: vec![
            hint("Lämna tomt för att följa årets nivå."),
            Control::Grid {
                label: "Egen nivå per team och år".to_owned(),
                columns: years.iter().map(Year::to_string).collect(),
                rows,
            },
        ],
    }
}

fn shares(data: &Dataset, s: &Scenario, projection: &Projection, years: &[Year]) -> Control {
    let mut children = Vec::new();
    for &year in years {
        let share = s.individ_share(data, year);
        let mut controls = vec![Control::Checkbox {
            id: format!("s{year}-styr"),
            label: format!("Bestäm andelen själv {year}"),
            checked: share.is_some(),
            described_by: share.is_none().then(|| format!("s{year}-nu")),
            on: edit(Action::EnableIndividShare(year)),
            off: edit(Action::Set(Field::IndividShare(year), None)),
        }];
        match share {
            Some(value) => controls.push(Control::Slider(Slider {
                id: format!("s{year}"),
                label: format!("Andel individinsatser {year}"),
                field: Field::IndividShare(year),
                value,
                // One decimal, as the share is set when the box is ticked
                // (a coarser step would show the thumb off its value).
                step: Decimal::new(1, 1),
                marks: marks(&[60, 70, 77]),
                hint: None,
            })),
            None => {
                let current = projection.year(year).and_then(|y| y.share_individ);
                controls.push(Control::Text {
                    class: "field-hint share-year__now",
                    id: Some(format!("s{year}-nu")),
                    text: match current {
                        Some(c) => {
                            // The share follows from the amounts: the lines as
                            // budgeted, the teams at the year's level.
                            format!(
                                "Nu {0} till individinsatser: raderna som budgeterat, teamen på årets nivå. Med rutan ikryssad blir andelen {0} (en decimal), så beloppen kan ändras något.",
                                percent(c)
                            )
                        }
                        None => "Som budgeterat.".to_owned(),
                    },
                })
            }
        }
        let text = share.map_or_else(|| "som budgeterat".to_owned(), pct);
        children.extend(year_block(
            year == data.first_plan_year,
            format!("{year}: {text} (beslutat år)"),
            controls,
        ));
    }
    Control::Group {
        legend: "Fördelning individ / struktur".to_owned(),
        hint: Some("Andel av de direkta insatskostnaderna som går till individinsatser. Strukturella insatser skalas om i proportion till sina kostnader. Budgetens andel per år står i tabellen.".to_owned()),
        children,
    }
}

/// Contributions per year: fixed where the data set gives them, else in
/// kronor or as % change from the year before.
fn revenue(data: &Dataset, s: &Scenario, years: &[Year]) -> Control {
    let basis = s.basis(data);
    let children = years
        .iter()
        .map(|&year| match fixed_revenue(data, basis, year) {
            Some(fixed) => Control::Fixed {
                lead: format!("{year}: "),
                value: kronor_kr(fixed),
                note: " (i dataunderlaget)".to_owned(),
            },
            None => Control::Pair {
                label_for: format!("rev{year}"),
                label: format!("Medel {year}"),
                fields: [
                    number(
                        format!("rev{year}"),
                        Some(s.revenue(data, year)),
                        Field::Revenue(year),
                    ),
                    NumberField {
                        id: format!("rev{year}-andring"),
                        aria_label: Some(format!(
                            "Förändring av medlen {year} mot {}, i procent",
                            year - 1
                        )),
                        value: revenue_change(data, s, year).map(percent_one_decimal),
                        rule: REVENUE_CHANGE_RULE,
                        commit: Commit::RevenueChange(year),
                        optional: false,
                        placeholder: None,
                        hint_id: None,
                    },
                ],
                hint: Some(format!(
                    "Kronor, eller förändring i procent mot {}.",
                    year - 1
                )),
            },
        })
        .collect();
    Control::Group {
        legend: "Medel från huvudmännen".to_owned(),
        hint: None,
        children,
    }
}

/// Cost growth: one rate for every indexed year, and a year's own rate
/// where it differs, shown so a treasurer sees which years differ.
fn growth(data: &Dataset, s: &Scenario, years: &[Year]) -> Control {
    let indexed: Vec<Year> = years
        .iter()
        .copied()
        .filter(|&y| y > data.first_plan_year && data.year_column(y).is_none())
        .collect();
    let Some(&first) = indexed.first() else {
        return Control::Group {
            legend: "Kostnadsutveckling".to_owned(),
            hint: None,
            children: vec![hint(
                "Alla år i planperioden har kostnader i dataunderlaget.",
            )],
        };
    };
    let own = s.growth_in.len();
    let fields = indexed
        .iter()
        .map(|&year| {
            let label = if s.growth_in.contains_key(&year) {
                format!("{year} (egen)")
            } else {
                year.to_string()
            };
            Control::Number {
                label,
                field: number(
                    format!("growth{year}"),
                    Some(s.growth(year)),
                    Field::GrowthIn(year),
                ),
                hint: None,
                class: if s.growth_in.contains_key(&year) {
                    "growth-year growth-year--own"
                } else {
                    "growth-year"
                },
            }
        })
        .collect();
    Control::Group {
        legend: "Kostnadsutveckling".to_owned(),
        hint: None,
        children: vec![
            Control::Slider(Slider {
                id: "growth".to_owned(),
                label: "Löne- och prisökning per år".to_owned(),
                field: Field::Growth,
                value: s.growth,
                step: half(),
                marks: marks(&[0, 2, 3]),
                hint: Some(format!(
                    "{first} räknas upp från budget {}, senare år från året före.",
                    data.first_plan_year
                )),
            }),
            Control::Fold {
                class: "growth-years",
                summary: if own > 0 {
                    format!("Egen ökning för enskilda år ({own} år avviker)")
                } else {
                    "Egen ökning för enskilda år".to_owned()
                },
                open: own > 0,
                children: fields,
            },
        ],
    }
}

/// `budget 2024` or `utfallet 2024`: what the reference column is.
fn reference_word(data: &Dataset, year: Year) -> String {
    let outcome = data
        .year_column(year)
        .is_some_and(|c| data.columns[c].kind == ColumnKind::Outcome);
    if outcome {
        format!("utfallet {year}")
    } else {
        format!("budget {year}")
    }
}

/// Where the first plan year starts: its column (prognosis or budget) and
/// the opening equity.
fn starting_point(data: &Dataset, s: &Scenario) -> Control {
    let first = data.first_plan_year;
    let mut children = Vec::new();
    if data.prognosis_column().is_some() {
        let basis = s.basis(data);
        children.push(Control::Radios {
            name: "basis".to_owned(),
            label: format!("Underlag för {first}"),
            choices: [
                (Basis::Prognos, "prognos", "Prognos"),
                (Basis::Budget, "budget", "Budget"),
            ]
            .into_iter()
            .map(|(b, value, word)| Choice {
                value: value.to_owned(),
                label: format!("{word} {first}"),
                hint: None,
                chosen: basis == b,
                msg: edit(Action::SetBasis(b)),
            })
            .collect(),
        });
        children.push(hint(format!(
            "Prognosen är delårsrapportens helårsprognos. Åren efter {first} utgår alltid från budget {first}, dvs. full bemanning."
        )));
    }
    let provenance = match (
        data.first_plan_opening_equity.is_some(),
        data.reference_year,
    ) {
        _ if s
            .opening_equity
            .is_some_and(|own| own != data.first_opening_equity()) =>
        {
            format!(
                "Scenariots eget värde; dataunderlaget säger {}.",
                kronor_kr(data.first_opening_equity())
            )
        }
        (false, Some(reference)) => format!(
            "Beräknat enligt {} (utgående eget kapital {reference}-12-31).",
            reference_word(data, reference)
        ),
        _ => "Enligt dataunderlaget.".to_owned(),
    };
    let mut equity = number(
        "eq".to_owned(),
        Some(s.opening_equity(data)),
        Field::OpeningEquity,
    );
    equity.hint_id = Some("eq-hint".to_owned());
    children.push(Control::Number {
        label: format!("Ingående eget kapital {first}"),
        field: equity,
        hint: Some(provenance),
        class: "",
    });
    Control::Group {
        legend: format!("Utgångsläge {first}"),
        hint: None,
        children,
    }
}
