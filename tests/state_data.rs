//! The person's own data sets in the page state: the editor's changes
//! (parsed exactly, checked whole, refused with a Swedish sentence), using,
//! copying, deleting and bringing back data sets, a data set a link
//! carries, and undo across data sets. SFV's figures are the sources'
//! (tests/core_sources.rs works them by hand).
#![cfg(not(target_arch = "wasm32"))]

use budgetsimulatorn::core::dataset::{Category, ColumnKind};
use budgetsimulatorn::core::Field;
use budgetsimulatorn::core::{project, Dataset};
use budgetsimulatorn::state::builtin::{sfv, PRESETS_JSON};
use budgetsimulatorn::state::edit::{edit, DataEdit};
use budgetsimulatorn::state::library::{Library, Stamp};
use budgetsimulatorn::state::link;
use budgetsimulatorn::state::presets::PresetFile;
use budgetsimulatorn::state::update::Action;
use budgetsimulatorn::state::workspace::{Context, Msg, Notice, Workspace};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::rc::Rc;

struct Page {
    ws: Workspace,
    clock: u64,
}

impl Page {
    fn new() -> Self {
        let data = Rc::new(sfv());
        let file: PresetFile = serde_json::from_str(PRESETS_JSON).unwrap();
        let presets = budgetsimulatorn::state::presets::presets_for(&data, &file);
        let (page, _) = link::parse(&data, "");
        let ws = Workspace::new(data.clone(), Rc::new(presets), page, Library::default())
            .with_catalog(data, Rc::new(file), Default::default());
        Page { ws, clock: 1_000 }
    }

    fn send(&mut self, msg: Msg) -> bool {
        let projection = project(&self.ws.data, &self.ws.scenario);
        self.clock += 1;
        let ctx = Context {
            projection: &projection,
            stamp: Stamp {
                now: "2026-12-01T10:00".to_owned(),
                ms: self.clock,
                uid: format!("uid-{}", self.clock),
            },
        };
        match self.ws.apply(&ctx, msg) {
            Some(next) => {
                self.ws = next;
                true
            }
            None => false,
        }
    }

    fn result(&self, year: u16) -> Decimal {
        let p = project(&self.ws.data, &self.ws.scenario);
        let result = p.all_years().find(|y| y.year == year).unwrap().result;
        result
    }

    fn edit(&mut self, change: DataEdit) -> bool {
        self.send(Msg::EditData(change))
    }
}

#[test]
fn amounts_are_typed_in_swedish_notation_and_refused_with_a_sentence() {
    let data = sfv();
    let set = |text: &str| {
        edit(
            &data,
            &DataEdit::Amount {
                line: 0,
                column: 1,
                text: text.to_owned(),
            },
        )
    };
    let next = set("1 918 000").unwrap().unwrap();
    assert_eq!(next.lines[0].amounts[1], dec!(1918000));
    assert_eq!(
        set("−25 000 kr").unwrap().unwrap().lines[0].amounts[1],
        dec!(-25000)
    );
    // The same amount again changes nothing.
    assert_eq!(set("619 227"), Ok(None));
    assert_eq!(
        set("12,5"),
        Err("Ange hela kronor (”12,5” har decimaler).".to_owned())
    );
    assert_eq!(set("tolv"), Err("”tolv” är inte ett tal.".to_owned()));
}

#[test]
fn an_edit_that_breaks_a_check_of_section_10_is_refused_whole() {
    let data = sfv();
    // The first plan year's budget column (2025, position 1) cannot go.
    let refused = edit(&data, &DataEdit::RemoveColumn { column: 1 }).unwrap_err();
    assert!(refused.contains("2025"), "{refused}");
    // Only an individ line can be a team.
    assert_eq!(
        edit(
            &data,
            &DataEdit::LineTeam {
                line: 0,
                team: true
            }
        ),
        Err("Bara en rad bland individinsatserna kan vara ett samordningsteam.".to_owned())
    );
    // A line needs a name.
    assert_eq!(
        edit(
            &data,
            &DataEdit::LineName {
                line: 0,
                text: "  ".to_owned()
            }
        ),
        Err("Raden behöver ett namn.".to_owned())
    );
}

#[test]
fn lines_and_columns_are_added_with_zero_amounts_and_removed_with_their_team_entries() {
    let data = sfv();
    let with_line = edit(
        &data,
        &DataEdit::AddLine {
            category: Category::Admin,
        },
    )
    .unwrap()
    .unwrap();
    // After the last admin line (SFV: Styrelse, Gemensam administration).
    assert_eq!(with_line.lines[2].name, "Ny rad");
    assert_eq!(with_line.lines[2].id, "ny_rad");
    assert_eq!(with_line.lines[2].amounts, vec![Decimal::ZERO; 4]);

    let with_column = edit(
        &data,
        &DataEdit::AddColumn {
            kind: ColumnKind::Budget,
            year: 2026,
        },
    )
    .unwrap()
    .unwrap();
    assert_eq!(with_column.columns.len(), 5);
    assert_eq!(with_column.columns[4].year, 2026);
    // A new budget starts as a copy of the latest earlier budget (2025's,
    // column 1), so no figure changes until one is typed; revenue is asked.
    assert!(with_column
        .lines
        .iter()
        .all(|l| l.amounts[4] == l.amounts[1]));
    assert_eq!(with_column.lines[0].amounts[4], data.lines[0].amounts[1]);
    assert_eq!(with_column.revenue[4], None);

    let team = data.lines.iter().position(|l| l.id == "team_sala").unwrap();
    let without = edit(&data, &DataEdit::RemoveLine { line: team })
        .unwrap()
        .unwrap();
    assert!(without.teams.iter().all(|t| t.line != "team_sala"));
    assert_eq!(without.lines.len(), data.lines.len() - 1);
}

#[test]
fn team_staffing_is_parsed_exactly() {
    let data = sfv();
    let fte = |text: &str| {
        edit(
            &data,
            &DataEdit::TeamFte {
                team: "team_sala".to_owned(),
                text: text.to_owned(),
            },
        )
    };
    let next = fte("3,5").unwrap().unwrap();
    assert_eq!(next.team_info("team_sala").unwrap().fte, Some(dec!(3.5)));
    assert_eq!(
        fte("2,55"),
        Err("Ange högst en decimal (”2,55”).".to_owned())
    );
    let participants = edit(
        &data,
        &DataEdit::TeamParticipants {
            team: "team_sala".to_owned(),
            text: "40–60".to_owned(),
        },
    )
    .unwrap()
    .unwrap();
    assert_eq!(
        participants.team_info("team_sala").unwrap().participants,
        Some((40, 60))
    );
}

#[test]
fn a_copy_is_edited_saved_at_once_and_undone_with_its_figures() {
    let mut page = Page::new();
    assert_eq!(page.result(2026), dec!(-2028622));
    // The built-in data set is never changed.
    assert!(page.edit(DataEdit::Name("Mitt".to_owned())));
    assert!(matches!(page.ws.notice, Some(Notice::Warning(_))));
    assert!(page.ws.uses_builtin());

    assert!(page.send(Msg::NewDataset { copy: true }));
    assert!(!page.ws.uses_builtin());
    assert_eq!(page.ws.data.name, format!("{} (kopia)", sfv().name));
    let id = page.ws.data.id.clone();
    assert_eq!(page.ws.datasets.get(&id), Some(&*page.ws.data));
    // SFV's sources are in the copy, so SFV's presets are offered with it.
    assert_eq!(page.ws.presets.len(), 5);
    assert_eq!(page.result(2026), dec!(-2028622));

    // 100 000 kr more from the members in 2025's budget (column 1): the
    // frozen revenue of the later years follows it, the costs do not.
    let revenue = page.ws.data.revenue[1].unwrap();
    let typed = (revenue + dec!(100000)).to_string();
    assert!(page.edit(DataEdit::Revenue {
        column: 1,
        text: typed
    }));
    let changed = page.result(2026);
    assert_eq!(
        page.ws.datasets.get(&id),
        Some(&*page.ws.data),
        "saved at once"
    );

    assert!(page.send(Msg::Undo));
    assert_eq!(page.ws.data.revenue[1], Some(revenue));
    assert_eq!(
        page.ws.datasets.get(&id).unwrap().revenue[1],
        Some(revenue),
        "the undo is saved too"
    );
    assert!(page.send(Msg::Redo));
    assert_eq!(page.result(2026), changed);
    assert_eq!(changed, dec!(-2028622) + dec!(100000));
}

#[test]
fn switching_data_sets_keeps_the_choices_the_new_one_has_room_for() {
    let mut page = Page::new();
    page.send(Msg::NewDataset { copy: true });
    let copy = page.ws.data.id.clone();
    page.send(Msg::Edit(Action::Set(Field::Funding(2026), Some(dec!(80)))));
    // Back to the built-in data set: 80 % from 2026 stays.
    assert!(page.send(Msg::UseDataset(None)));
    assert!(page.ws.uses_builtin());
    assert_eq!(page.ws.scenario.funding(&page.ws.data, 2026), dec!(80));
    assert_eq!(page.result(2026), dec!(675478));
    // An empty data set has no teams: the level stays, nothing to fund.
    assert!(page.send(Msg::NewDataset { copy: false }));
    assert_eq!(page.ws.data.lines.len(), 3);
    assert_eq!(
        page.ws.presets.len(),
        1,
        "only Nuläge without SFV's sources"
    );
    assert_eq!(page.result(2026), Decimal::ZERO);
    assert!(page.send(Msg::UseDataset(Some(copy.clone()))));
    assert_eq!(page.ws.data.id, copy);
    // Undo walks back through the data sets.
    assert!(page.send(Msg::Undo));
    assert_eq!(page.ws.data.name, "Nytt dataunderlag");
}

#[test]
fn a_deleted_data_set_in_use_gives_way_to_the_built_in_one_and_comes_back() {
    let mut page = Page::new();
    page.send(Msg::NewDataset { copy: true });
    let id = page.ws.data.id.clone();
    assert!(page.send(Msg::DeleteDataset(id.clone())));
    assert!(page.ws.uses_builtin());
    assert!(page.ws.datasets.get(&id).is_none());
    assert!(matches!(
        page.ws.notice,
        Some(Notice::DeletedDataset { .. })
    ));
    assert!(page.send(Msg::UndoDeleteDataset));
    assert!(page.ws.datasets.get(&id).is_some());
}

#[test]
fn a_carried_data_set_is_shown_unsaved_and_saved_only_when_asked_never_over_another() {
    let mut page = Page::new();
    page.send(Msg::NewDataset { copy: true });
    let mine: Dataset = (*page.ws.data).clone();
    page.send(Msg::UseDataset(None));
    // A colleague's edited version of a data set with the same id.
    let mut theirs = mine.clone();
    theirs.lines[0].amounts[1] += dec!(1000);
    assert!(page.send(Msg::LinkData(Some(Rc::new(theirs.clone())))));
    assert_eq!(
        page.ws.notice,
        Some(Notice::Carried {
            name: theirs.name.clone(),
            saved: Some((mine.id.clone(), mine.name.clone())),
        }),
        "the notice names the version saved here"
    );
    assert!(!page.ws.data_is_saved());
    // "Använd den sparade versionen" (an older link of one's own): mine, as saved.
    assert!(page.send(Msg::UseDataset(Some(mine.id.clone()))));
    assert_eq!(*page.ws.data, mine);
    page.send(Msg::UseDataset(None));
    assert!(page.send(Msg::LinkData(Some(Rc::new(theirs.clone())))));
    assert!(page.send(Msg::SaveCarried));
    assert!(page.ws.data_is_saved());
    assert_ne!(page.ws.data.id, mine.id, "saved under a new id");
    assert_eq!(
        page.ws.datasets.get(&mine.id),
        Some(&mine),
        "mine is unchanged"
    );
    // The same data set carried again is recognised: nothing to save.
    page.send(Msg::UseDataset(None));
    page.send(Msg::LinkData(Some(Rc::new(mine.clone()))));
    assert!(page.ws.data_is_saved());
    // A link without a data set is the built-in one's.
    assert!(page.send(Msg::LinkData(None)));
    assert!(page.ws.uses_builtin());
}

#[test]
fn a_refused_text_is_said_for_its_field_and_changes_nothing() {
    let mut page = Page::new();
    // A refused text is said for its field; the data set stays as it was.
    page.send(Msg::NewDataset { copy: true });
    let before = page.ws.data.clone();
    assert!(page.edit(DataEdit::Amount {
        line: 0,
        column: 1,
        text: "12,5".to_owned()
    }));
    assert_eq!(
        page.ws.data_error,
        Some((
            "data-line-0-amount-1".to_owned(),
            "Ange hela kronor (”12,5” har decimaler).".to_owned()
        ))
    );
    assert_eq!(page.ws.data, before);
    // The same field typed right clears it.
    assert!(page.edit(DataEdit::Amount {
        line: 0,
        column: 1,
        text: "620 000".to_owned()
    }));
    assert_eq!(page.ws.data_error, None);
    assert_eq!(page.ws.data.lines[0].amounts[1], dec!(620000));
}

#[test]
fn the_secretary_adds_the_2026_budget_and_the_2025_outcome_and_plans_2026_to_2029() {
    let mut page = Page::new();
    page.send(Msg::NewDataset { copy: true });
    // Budget 2026: a later budget fits while 2025 is still the first year.
    assert!(page.edit(DataEdit::AddColumn {
        kind: ColumnKind::Budget,
        year: 2026
    }));
    let budget_2026 = page.ws.data.column(ColumnKind::Budget, 2026).unwrap();
    assert_eq!(budget_2026, 4, "after the three 2025 columns");
    assert!(page.edit(DataEdit::Revenue {
        column: budget_2026,
        text: "18 958 000".to_owned()
    }));
    // 2026 as the first year: 2025 is the reference year, opening with the
    // closing of 2024 as the data set had it, 3 863 000 + 19 038 000 −
    // 20 983 000 = 1 918 000 kr; 2024's column and 2025's prognosis and
    // outcome to date go.
    assert!(
        page.edit(DataEdit::FirstPlanYear(2026)),
        "{:?}",
        page.ws.data_error
    );
    let d = page.ws.data.clone();
    assert_eq!(
        (d.reference_year, d.first_plan_year, d.plan_end),
        (Some(2025), 2026, 2027)
    );
    assert_eq!(d.opening_equity.amount, dec!(1918000));
    assert_eq!(d.columns.len(), 2);
    // The notice says what that does to 2026's opening equity: 2025 counted
    // from its budget (1 918 000 − 2 028 622 = −110 622 kr), no longer from
    // the prognosis (1 918 000 − 9 073 = 1 908 927 kr).
    assert_eq!(
        page.ws.notice,
        Some(Notice::Info("2025 räknas nu som referensår från budgetkolumnen, inte prognosen: eget kapital vid ingången av 2026 blir −110\u{a0}622\u{a0}kr (förut 1\u{a0}908\u{a0}927\u{a0}kr). Gör kolumnen till ”Utfall 2025” under Kolumner och skriv bokslutets belopp när det finns. Ångra tar tillbaka bytet.".to_owned()))
    );
    // 2025's budget becomes its outcome; the outcome's figures are typed in.
    assert!(page.edit(DataEdit::SetColumnKind {
        column: 0,
        kind: ColumnKind::Outcome
    }));
    assert!(page.edit(DataEdit::Amount {
        line: 0,
        column: 0,
        text: "634 396".to_owned()
    }));
    assert!(page.edit(DataEdit::PlanEnd(2029)));
    assert_eq!(page.ws.data.own_period().last(), 2029);
    // The plan runs 2026–2029 from the new budget. Budget 2026 started as a
    // copy of 2025's budget lines (20 986 622 kr in all), so until its own
    // figures are typed its result is 18 958 000 − 20 986 622 = −2 028 622 kr.
    let budget_2026 = page.ws.data.column(ColumnKind::Budget, 2026).unwrap();
    let costs: Decimal = page
        .ws
        .data
        .lines
        .iter()
        .map(|l| l.amounts[budget_2026])
        .sum();
    assert_eq!(costs, dec!(20986622));
    assert_eq!(page.result(2026), dec!(-2028622));
    // The 2025 outcome: SFV's budget 2025 (result −2 028 622 kr) with
    // Styrelse at 634 396 instead of 619 227, 15 169 kr more in costs.
    assert_eq!(page.result(2025), dec!(-2028622) - dec!(15169));
}

#[test]
fn moving_the_first_year_on_says_when_the_scenario_s_own_opening_equity_moves_with_it() {
    let mut page = Page::new();
    page.send(Msg::NewDataset { copy: true });
    // The scenario's own opening equity for 2025: 3 000 000 kr, so 2025
    // closes at 3 000 000 − 9 073 (the prognosis' result) = 2 990 927 kr.
    page.send(Msg::Edit(Action::Set(
        Field::OpeningEquity,
        Some(dec!(3000000)),
    )));
    // A 2026 budget column, so that 2026 can be the first year.
    assert!(page.edit(DataEdit::AddColumn {
        kind: ColumnKind::Budget,
        year: 2026
    }));
    let budget_2026 = page.ws.data.column(ColumnKind::Budget, 2026).unwrap();
    assert!(page.edit(DataEdit::Revenue {
        column: budget_2026,
        text: "18 958 000".to_owned()
    }));
    assert!(page.edit(DataEdit::FirstPlanYear(2026)));
    assert_eq!(page.ws.data_error, None);
    // The typed 3 000 000 kr now opens 2026: not the budget column's doing,
    // and the notice says so with both figures.
    let p = project(&page.ws.data, &page.ws.scenario);
    assert_eq!(p.years[0].opening, dec!(3000000));
    assert_eq!(
        page.ws.notice,
        Some(Notice::Info("Scenariots eget värde för ingående eget kapital gällde 2025 och gäller nu 2026: eget kapital vid ingången av 2026 blir 3\u{a0}000\u{a0}000\u{a0}kr (förut 2\u{a0}990\u{a0}927\u{a0}kr). Ändra värdet under ”Ingående eget kapital 2026”, eller ångra bytet.".to_owned()))
    );
}

#[test]
fn a_new_prognosis_starts_as_the_budget_and_changes_no_figure() {
    let mut page = Page::new();
    page.send(Msg::NewDataset { copy: true });
    // Without SFV's prognosis and outcome to date, 2025 is on its budget.
    let prognosis = page.ws.data.prognosis_column().unwrap();
    assert!(page.edit(DataEdit::RemoveColumn { column: prognosis }));
    let to_date = page.ws.data.outcome_to_date_column().unwrap();
    assert!(page.edit(DataEdit::RemoveColumn { column: to_date }));
    let on_budget: Vec<Decimal> = (2025..=2027).map(|y| page.result(y)).collect();
    // 2025's budget: 19 038 000 − 21 066 622 = −2 028 622 kr (tests/core_sources.rs).
    assert_eq!(on_budget[0], dec!(-2028622));
    // A prognosis added for 2025 is used at once: a copy of the budget, so
    // every figure stays, and its deviation from the budget is 0 kr.
    assert!(page.edit(DataEdit::AddColumn {
        kind: ColumnKind::Prognosis,
        year: 2025
    }));
    let d = &page.ws.data;
    let (budget, prognosis) = (
        d.column(ColumnKind::Budget, 2025).unwrap(),
        d.prognosis_column().unwrap(),
    );
    assert!(d
        .lines
        .iter()
        .all(|l| l.amounts[prognosis] == l.amounts[budget]));
    let with_prognosis: Vec<Decimal> = (2025..=2027).map(|y| page.result(y)).collect();
    assert_eq!(with_prognosis, on_budget);
    // An outcome to date cannot be guessed: it starts at 0 kr.
    assert!(page.edit(DataEdit::AddColumn {
        kind: ColumnKind::OutcomeToDate,
        year: 2025
    }));
    let d = &page.ws.data;
    let to_date = d.outcome_to_date_column().unwrap();
    assert!(d.lines.iter().all(|l| l.amounts[to_date].is_zero()));
    assert_eq!(
        (2025..=2027).map(|y| page.result(y)).collect::<Vec<_>>(),
        on_budget
    );
}

#[test]
fn with_the_budget_as_2025_basis_moving_on_changes_no_equity_and_says_nothing_of_it() {
    let mut page = Page::new();
    page.send(Msg::NewDataset { copy: true });
    page.send(Msg::Edit(Action::SetBasis(
        budgetsimulatorn::core::Basis::Budget,
    )));
    // 2025 from its budget: 1 918 000 − 2 028 622 = −110 622 kr, before the
    // move and after it (as the reference year).
    page.ws.notice = None;
    assert!(page.edit(DataEdit::FirstPlanYear(2026)));
    assert_eq!(page.ws.notice, None);
    assert_eq!(page.result(2025), dec!(-2028622));
}

#[test]
fn the_page_opens_what_the_link_carries_else_the_data_set_used_last_else_the_built_in_one() {
    use budgetsimulatorn::state::opening::opening_data;
    let mut page = Page::new();
    page.send(Msg::NewDataset { copy: true });
    let mine: Dataset = (*page.ws.data).clone();
    let (builtin, own) = (page.ws.builtin.clone(), (*page.ws.datasets).clone());
    let mut theirs = mine.clone();
    theirs.lines[0].amounts[1] += dec!(1000);
    let open = |carried: Option<&Result<Dataset, String>>, last: Option<&Dataset>| {
        opening_data(&builtin, &own, carried, last)
    };
    // A plain address: the one used last, else the built-in one.
    assert_eq!(*open(None, Some(&mine)), mine);
    assert!(Rc::ptr_eq(&open(None, None), &builtin));
    // A link means what it says, over the one used last.
    assert_eq!(*open(Some(&Ok(theirs.clone())), Some(&mine)), theirs);
    assert!(Rc::ptr_eq(
        &open(Some(&Ok((*builtin).clone())), Some(&mine)),
        &builtin
    ));
    // A link whose data set cannot be read opens the built-in one (its
    // notice says why), not the one used last.
    assert!(Rc::ptr_eq(
        &open(Some(&Err("trasig".to_owned())), Some(&mine)),
        &builtin
    ));
}

#[test]
fn only_a_data_set_this_browser_holds_is_remembered_as_the_one_used_last() {
    let mut page = Page::new();
    assert_eq!(page.ws.data_to_remember(), Some(None), "the built-in one");
    page.send(Msg::NewDataset { copy: true });
    let mine: Dataset = (*page.ws.data).clone();
    assert_eq!(page.ws.data_to_remember(), Some(Some(mine.id.clone())));
    // A colleague's version under the same id, carried in a link, is not
    // saved here: what is remembered stays.
    let mut theirs = mine.clone();
    theirs.lines[0].amounts[1] += dec!(1000);
    page.send(Msg::UseDataset(None));
    assert!(page.send(Msg::LinkData(Some(Rc::new(theirs)))));
    assert_eq!(page.ws.data_to_remember(), None);
}
