//! Another förbund's members typed by hand in the data set editor (spec
//! sections 5 and 10): members added to a data set without any, renamed,
//! a municipality added and removed (and with it from the teams it served),
//! the fixed parts kept, and the refusals said in Swedish. The figures are
//! worked by hand in the comments.
#![cfg(not(target_arch = "wasm32"))]

use budgetsimulatorn::core::members::split_by_key;
use budgetsimulatorn::core::Dataset;
use budgetsimulatorn::state::builtin::sfv;
use budgetsimulatorn::state::edit::{edit, DataEdit};
use rust_decimal_macros::dec;

/// `change` applied, which must be taken and change something.
fn taken(data: &Dataset, change: DataEdit) -> Dataset {
    edit(data, &change)
        .unwrap_or_else(|why| panic!("{change:?} refused: {why}"))
        .unwrap_or_else(|| panic!("{change:?} changed nothing"))
}

fn rename(data: &Dataset, member: usize, text: &str) -> Dataset {
    let text = text.to_owned();
    taken(data, DataEdit::MemberName { member, text })
}

fn weigh(data: &Dataset, member: usize, text: &str) -> Dataset {
    let text = text.to_owned();
    taken(data, DataEdit::KeyWeight { member, text })
}

fn names(data: &Dataset) -> Vec<&str> {
    data.member_list().iter().map(|m| m.name.as_str()).collect()
}

/// SFV's lines and money, but no members: what an imported budget of
/// another förbund starts as.
fn without_members() -> Dataset {
    let data = taken(&sfv(), DataEdit::RemoveMembers);
    assert!(data.members.is_none());
    assert!(
        data.teams.iter().all(|t| t.serves.is_empty()),
        "no team serves anyone"
    );
    data
}

#[test]
fn a_foerbund_types_its_own_members_and_the_contributions_follow() {
    let data = taken(&without_members(), DataEdit::AddMembers);
    assert_eq!(names(&data), ["Staten", "Regionen", "Ny kommun"]);
    let data = rename(&data, 1, " Region Örebro län ");
    let data = rename(&data, 2, "Kumla kommun");
    let data = taken(&data, DataEdit::AddMunicipality);
    assert_eq!(
        names(&data),
        ["Staten", "Region Örebro län", "Kumla kommun", "Ny kommun"]
    );
    // A new municipality weighs 0 until its weight is typed: Kumla, the
    // only weight, takes the whole municipal part.
    let members = data.members.clone().unwrap();
    let r = dec!(19_038_000);
    assert_eq!(
        split_by_key(&members, r),
        [dec!(9_519_000), dec!(4_759_500), dec!(4_759_500), dec!(0)]
    );
    let data = rename(&data, 3, "Hallsbergs kommun");
    let data = weigh(&data, 2, "3");
    let data = weigh(&data, 3, "1");
    // R = 19 038 000: staten 50 % = 9 519 000, region 25 % = 4 759 500,
    // the municipalities the rest 4 759 500 by 3 : 1, Kumla 3 569 625 and
    // Hallsberg 1 189 875 (exact, no remainder to place).
    assert_eq!(
        split_by_key(data.members.as_ref().unwrap(), r),
        [
            dec!(9_519_000),
            dec!(4_759_500),
            dec!(3_569_625),
            dec!(1_189_875)
        ]
    );
    let ids: Vec<&str> = data.member_list().iter().map(|m| m.id.as_str()).collect();
    assert_eq!(
        ids,
        ["staten", "region", "ny_kommun", "ny_kommun_2"],
        "ids stay as made: links keep working after a rename"
    );
}

#[test]
fn a_removed_municipality_leaves_the_teams_it_served() {
    let data = sfv();
    let fagersta = data
        .member_list()
        .iter()
        .position(|m| m.id == "fagersta")
        .unwrap();
    let next = taken(&data, DataEdit::RemoveMember { member: fagersta });
    assert!(!next.member_list().iter().any(|m| m.id == "fagersta"));
    assert_eq!(
        next.team_info("team_fns").unwrap().serves,
        ["norberg", "skinnskatteberg"]
    );
    assert_eq!(next.member_list().len(), data.member_list().len() - 1);
}

#[test]
fn the_fixed_parts_the_last_weight_and_an_empty_name_are_refused() {
    let data = sfv();
    assert_eq!(
        edit(&data, &DataEdit::RemoveMember { member: 0 }),
        Err("Staten (Försäkringskassan och Arbetsförmedlingen) betalar en fast andel och tas bara bort med alla medlemmar.".to_owned())
    );
    assert_eq!(
        edit(
            &data,
            &DataEdit::MemberName {
                member: 3,
                text: "  ".to_owned()
            }
        ),
        Err("Medlemmen behöver ett namn.".to_owned())
    );
    // One municipality left: removing it would leave no key weight.
    let one = taken(&without_members(), DataEdit::AddMembers);
    let why = edit(&one, &DataEdit::RemoveMember { member: 2 }).unwrap_err();
    assert!(why.contains("ingen vikt i fördelningsnyckeln"), "{why}");
    assert_eq!(
        edit(&one, &DataEdit::AddMembers),
        Err("Dataunderlaget har redan medlemmar.".to_owned())
    );
}

#[test]
fn a_team_that_serves_no_municipality_is_paid_by_all_members_and_its_sentences_say_so() {
    use budgetsimulatorn::core::members::members_table;
    use budgetsimulatorn::core::staffing::staffing_table;
    use budgetsimulatorn::core::{project, TopupRule};
    use budgetsimulatorn::export::tables;
    use budgetsimulatorn::state::fragment;
    let sala = sfv()
        .member_list()
        .iter()
        .position(|m| m.id == "sala")
        .unwrap();
    let data = taken(
        &sfv(),
        DataEdit::Serves {
            team: "team_sala".to_owned(),
            member: "sala".to_owned(),
            serves: false,
        },
    );
    let (scenario, _) = fragment::parse(&data, "f2026=80");
    let projection = project(&data, &scenario);
    let members = members_table(&data, &scenario, &projection).unwrap();
    let staffing = staffing_table(&data, &scenario, &projection);
    // Team Sala's top-up 2026: 1 720 000 × 20 % = 344 000, shared like the
    // contributions: staten 172 000, region 86 000, the municipalities
    // 86 000 by population, Sala 86 000 × 22 843 / 281 158 = 6 986,8 →
    // 6 987 (largest remainder over the ten).
    let view = tables::member_view(&data, &members, &staffing, "sala", TopupRule::Served)
        .unwrap()
        .to_html();
    assert!(view.contains("Samordningsteam Sala betjänar ingen kommun med vikt i fördelningsnyckeln, så dess tillskott delas av alla medlemmar som medlen."), "{view}");
    assert!(view.contains("2026, med finansieringsnivå 80\u{a0}%, står Sala kommun för 6\u{a0}987\u{a0}kr av medlemmarnas tillskott på 344\u{a0}000\u{a0}kr till Samordningsteam Sala"), "{view}");
    assert!(
        !view.contains("behöver Sala kommun tillföra 6"),
        "not as if Sala alone kept the team"
    );
    let staten = &members.members[0];
    let y2026 = staten.years.iter().find(|y| y.year == 2026).unwrap();
    assert_eq!(y2026.topup, dec!(172_000));
    assert_eq!(members.members[sala].years[1].topup, dec!(6_987));
}

#[test]
fn a_member_named_as_another_is_refused_case_and_spaces_aside() {
    let data = sfv();
    let taken_name = names(&data)[4].to_owned();
    let typed = format!("  {}", taken_name.to_uppercase());
    let why = edit(
        &data,
        &DataEdit::MemberName {
            member: 5,
            text: typed.clone(),
        },
    )
    .unwrap_err();
    assert_eq!(
        why,
        format!(
            "En annan medlem heter redan ”{}”: ge varje medlem ett eget namn.",
            typed.trim()
        )
    );
    // A name of its own is taken.
    let renamed = rename(&data, 5, &format!("{taken_name} norra"));
    assert_eq!(names(&renamed)[5], format!("{taken_name} norra"));
}
