//! The read-only members and staffing tables as written HTML (see
//! [`crate::export::markup`] for why): the members' table, one member's
//! own view with its memo sentences, and a team's staffing table. Pure
//! functions of the computed figures, so the same tables go into the printed
//! document and are checked natively, hooks included.

use crate::core::dataset::Dataset;
use crate::core::horizon::Year;
use crate::core::members::{shared_like_contributions, MemberFigures, MembersTable};
use crate::core::scenario::TopupRule;
use crate::core::staffing::TeamStaffing;
use crate::export::format::{difference_kr, kronor_kr};
use crate::export::markup::{Fragment, Markup};
use crate::export::words::{memo_sentence, MemoLine};

/// The four figures per member and year, in column order, with their hook names.
pub const MEMBER_COLUMNS: [(&str, &str); 4] = [
    ("Medel", "contribution"),
    ("Tillskott", "topup"),
    ("Totalt", "total"),
    ("Förändring", "change"),
];

/// One row of the members' table; the totals row carries no test hooks.
fn member_row(m: &mut Markup, figures: &MemberFigures, total: bool) {
    // The change from the first plan year is always signed (`+189 366 kr`).
    let cell = |m: &mut Markup, what: &str, year: Year, value| {
        let signed = what == "change";
        let metric = format!("member-{}-{what}-{year}", figures.id);
        match (total, signed) {
            (true, false) => m.number(&kronor_kr(value)),
            (true, true) => m.number(&difference_kr(value)),
            (false, false) => m.money(&metric, value),
            (false, true) => m.deviation(&metric, value),
        };
    };
    m.open(
        "tr",
        &[("class", if total { "total total--strong" } else { "" })],
    );
    m.header("row", "", if total { "Summa" } else { &figures.name });
    if let Some((year, value)) = figures.reference {
        cell(m, "contribution", year, value);
    }
    for y in &figures.years {
        for (value, (_, what)) in [y.contribution, y.topup, y.total, y.change]
            .into_iter()
            .zip(MEMBER_COLUMNS)
        {
            cell(m, what, y.year, value);
        }
    }
    m.close("tr");
}

/// The members' table: per member its contribution in the reference year
/// and, per plan year, contribution, top-up, total and change from the first
/// plan year.
pub fn members_table(table: &MembersTable) -> Fragment {
    let mut m = Markup::new();
    members_table_into(&mut m, table);
    m.into_fragment()
}

/// [`members_table`] written into `m` (which may leave out the hooks).
pub fn members_table_into(m: &mut Markup, table: &MembersTable) {
    let first = table.totals.years.first().map_or(0, |y| y.year);
    m.open("table", &[("class", "budget members-table")]);
    m.element(
        "caption",
        &[],
        &format!(
            "Medel, tillskott till teamen, totalt och förändring mot {first} per medlem, kronor."
        ),
    );
    m.open("thead", &[]).open("tr", &[]);
    m.element("th", &[("scope", "col"), ("rowspan", "2")], "Medlem");
    if let Some((year, _)) = table.totals.reference {
        m.header("col", "num", &year.to_string());
    }
    for y in &table.totals.years {
        m.element(
            "th",
            &[
                ("scope", "colgroup"),
                ("colspan", "4"),
                ("class", "num members-table__year"),
            ],
            &y.year.to_string(),
        );
    }
    m.close("tr").open("tr", &[]);
    if table.totals.reference.is_some() {
        m.header("col", "num", "Medel");
    }
    for _ in &table.totals.years {
        for (label, _) in MEMBER_COLUMNS {
            m.header("col", "num", label);
        }
    }
    m.close("tr").close("thead").open("tbody", &[]);
    for figures in &table.members {
        member_row(m, figures, false);
    }
    member_row(m, &table.totals, true);
    m.close("tbody").close("table");
}

/// Why a team's top-up is shared by every member though the rule says the
/// municipalities it serves (the data set names none with a weight).
pub fn unserved_sentence(team: &str) -> String {
    format!("{team} betjänar ingen kommun med vikt i fördelningsnyckeln, så dess tillskott delas av alla medlemmar som medlen.")
}

/// The sentence under a member's view that says who finds the top-ups.
fn rule_sentence(rule: TopupRule) -> &'static str {
    match rule {
        TopupRule::Served => "Tillskotten delas av de kommuner som teamet betjänar, efter fördelningsnyckeln.",
        TopupRule::Key => "Tillskotten delas av alla medlemmar som medlen (de fasta andelarna först, resten efter fördelningsnyckeln).",
    }
}

/// One member's own view: its figures per year, the rule, and per team it is
/// served by (or pays towards) one memo sentence per year, each with a
/// "Kopiera" button the page answers. `None` when `member` is not in the table.
pub fn member_view(
    data: &Dataset,
    table: &MembersTable,
    staffing: &[TeamStaffing],
    member: &str,
    rule: TopupRule,
) -> Option<Fragment> {
    let (index, figures) = table.member(member)?;
    let first = figures.years.first().map_or(0, |y| y.year);
    let mut m = Markup::new();
    m.element("h3", &[], &figures.name);
    m.scroll_frame(&format!("{} per år", figures.name));
    m.open("table", &[("class", "budget member-view__table")]);
    m.element(
        "caption",
        &[("class", "visually-hidden")],
        &format!("{} per år", figures.name),
    );
    m.open("thead", &[]).open("tr", &[]);
    m.header("col", "", "År");
    let change = format!("Förändring mot {first}");
    for label in [
        "Medel till förbundet",
        "Tillskott till teamen",
        "Totalt",
        change.as_str(),
    ] {
        m.header("col", "num", label);
    }
    m.close("tr").close("thead").open("tbody", &[]);
    for y in &figures.years {
        m.open("tr", &[]);
        m.header("row", "", &y.year.to_string());
        for value in [y.contribution, y.topup, y.total] {
            m.number(&kronor_kr(value));
        }
        m.number(&difference_kr(y.change));
        m.close("tr");
    }
    m.close("tbody").close("table").close("div");
    m.element("p", &[("class", "field-hint")], rule_sentence(rule));

    let mut any_team = false;
    for share in &table.team_shares[index] {
        let pays = share.years.iter().any(|(part, _)| !part.is_zero());
        let Some(team) = staffing.iter().find(|t| t.id == share.team) else {
            continue;
        };
        if !(share.serves || pays) {
            continue;
        }
        any_team = true;
        let served: Vec<String> = data
            .team_info(&share.team)
            .map(|t| t.serves.clone())
            .unwrap_or_default();
        // A team that serves no municipality with a weight has its top-up
        // shared by all members like the contributions: its sentences say so.
        let falls_back = rule == TopupRule::Served
            && data
                .members
                .as_ref()
                .is_some_and(|members| shared_like_contributions(members, &served));
        let team_rule = if falls_back { TopupRule::Key } else { rule };
        // The member first, then the others the team serves.
        let mut sharing: Vec<String> = vec![figures.name.clone()];
        sharing.extend(
            data.member_list()
                .iter()
                .filter(|m| served.contains(&m.id) && m.id != figures.id)
                .map(|m| m.name.clone()),
        );
        m.open("div", &[("class", "memo")]);
        m.element("h4", &[], &team.name);
        if falls_back {
            m.element(
                "p",
                &[("class", "field-hint")],
                &unserved_sentence(&team.name),
            );
        }
        m.open("ul", &[("class", "memo__lines")]);
        for (((year, &(part, topup)), team_year), &level) in figures
            .years
            .iter()
            .zip(&share.years)
            .zip(&team.years)
            .zip(&team.levels)
        {
            let sentence = memo_sentence(&MemoLine {
                year: year.year,
                level,
                member: &figures.name,
                team: &team.name,
                share: part,
                team_topup: topup,
                staffing: team_year,
                fte: team.fte,
                participants: team.participants,
                rule: team_rule,
                sharing: &sharing,
            });
            m.open("li", &[]);
            m.element("span", &[("class", "memo__text")], &sentence);
            m.element(
                "button",
                &[
                    ("type", "button"),
                    ("class", "button button--small button--secondary memo__copy"),
                    ("data-copy", &sentence),
                    (
                        "aria-label",
                        &format!("Kopiera meningen för {} {}", team.name, year.year),
                    ),
                ],
                "Kopiera",
            );
            m.close("li");
        }
        m.close("ul").close("div");
    }
    if !any_team {
        m.element(
            "p",
            &[],
            &format!(
                "{} betjänas inte av något enskilt samordningsteam och står inte för något tillskott med den här regeln.",
                figures.name
            ),
        );
    }
    Some(m.into_fragment())
}

/// The rows of a team's staffing table: label and hook name.
pub const STAFFING_ROWS: [(&str, &str); 4] = [
    ("Årsarbetare kvar", "fte-kept"),
    ("Årsarbetare i riskzonen", "fte-risk"),
    ("Deltagare kvar", "participants-kept"),
    ("Kostnad per årsarbetare", "cost-per-fte"),
];

/// A team's staffing table: per year FTE kept and at risk, participants kept
/// and the cost per funded FTE, if nobody fills the gap.
pub fn team_table(team: &TeamStaffing, years: &[Year]) -> Fragment {
    let mut m = Markup::new();
    team_table_into(&mut m, team, years);
    m.into_fragment()
}

/// The name of the frame a team's table scrolls in (on a phone a long
/// period is wider than the card).
pub fn team_table_label(team: &TeamStaffing) -> String {
    format!("Bemanning {}, tabell", team.name)
}

/// [`team_table`] written into `m` (which may leave out the hooks).
pub fn team_table_into(m: &mut Markup, team: &TeamStaffing, years: &[Year]) {
    m.open("table", &[("class", "budget team-card__table")]);
    m.element(
        "caption",
        &[("class", "visually-hidden")],
        &format!("{}: om ingen skjuter till pengar", team.name),
    );
    m.open("thead", &[]).open("tr", &[]);
    m.header("col", "", "Om ingen skjuter till");
    for year in years {
        m.header("col", "num", &year.to_string());
    }
    m.close("tr").close("thead").open("tbody", &[]);
    for (label, what) in STAFFING_ROWS {
        m.open("tr", &[]);
        m.header("row", "", label);
        for (&year, figures) in years.iter().zip(&team.years) {
            let hook = format!("team-{}-{what}-{year}", team.id);
            match what {
                "fte-kept" => m.fte(&hook, figures.fte_kept),
                "fte-risk" => m.fte(&hook, figures.fte_at_risk),
                "participants-kept" => m.range(&hook, figures.participants_kept),
                _ => m.optional_money(&hook, figures.cost_per_fte),
            };
        }
        m.close("tr");
    }
    m.close("tbody").close("table");
}
