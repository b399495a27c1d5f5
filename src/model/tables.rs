//! The read-only members and staffing tables as HTML text (see
//! [`crate::model::markup`] for why text): the section "Medlemmarna", one
//! member's own view with its memo sentences, and a team's staffing table.
//! Pure functions of the computed figures, so the same tables can go into a
//! printed document and are checked natively, hooks included.

use crate::model::data::Dataset;
use crate::model::format::kronor_kr;
use crate::model::markup::Markup;
use crate::model::members::{memo_sentence, MemberFigures, MembersTable, MemoLine};
use crate::model::scenario::TopupRule;
use crate::model::staffing::TeamStaffing;

/// One row of the members' table; the totals row carries no test hooks.
fn member_row(m: &mut Markup, figures: &MemberFigures, total: bool) {
    let cell = |m: &mut Markup, what: &str, year: u16, value| {
        if total {
            m.number(&kronor_kr(value));
        } else {
            m.money(&format!("member-{}-{what}-{year}", figures.id), value);
        }
    };
    let class = if total { "total total--strong" } else { "" };
    m.open("tr", &[("class", class)]);
    m.header("row", "", &figures.name);
    cell(m, "contribution", 2024, figures.contribution_2024);
    for y in &figures.years {
        cell(m, "contribution", y.year, y.contribution);
        cell(m, "topup", y.year, y.topup);
        cell(m, "total", y.year, y.total);
        cell(m, "change", y.year, y.change);
    }
    m.close("tr");
}

/// The table of the section "Medlemmarna": per member the 2024 contribution
/// and, per plan year, contribution, top-up, total and change from 2025.
pub fn members_table(table: &MembersTable) -> String {
    let mut m = Markup::new();
    members_table_into(&mut m, table);
    m.finish()
}

/// [`members_table`] written into `m` (which may leave out the hooks).
pub fn members_table_into(m: &mut Markup, table: &MembersTable) {
    m.open("table", &[("class", "budget members-table")]);
    m.element(
        "caption",
        &[],
        "Medel, tillskott till teamen, totalt och förändring mot 2025 per medlem, kronor.",
    );
    m.open("thead", &[]).open("tr", &[]);
    m.element("th", &[("scope", "col"), ("rowspan", "2")], "Medlem");
    m.header("col", "num", "2024");
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
    m.header("col", "num", "Medel");
    for _ in &table.totals.years {
        for label in ["Medel", "Tillskott", "Totalt", "Förändring"] {
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

/// The sentence under "Visa för medlem" that says who finds the top-ups.
fn rule_sentence(rule: TopupRule) -> &'static str {
    match rule {
        TopupRule::Served => {
            "Tillskotten delas av de kommuner som teamet betjänar, efter folkmängd."
        }
        TopupRule::Key => {
            "Tillskotten delas av alla medlemmar som medlen: staten 50 %, regionen 25 %, kommunerna 25 % efter folkmängd."
        }
    }
}

/// One member's own view: its figures per year, the rule, and per team it
/// is served by (or pays towards) one memo sentence per year. `None` when
/// `member` is not in the table.
pub fn member_view(
    data: &Dataset,
    table: &MembersTable,
    staffing: &[TeamStaffing],
    member: &str,
    rule: TopupRule,
) -> Option<String> {
    let index = table.members.iter().position(|m| m.id == member)?;
    let figures = &table.members[index];
    let mut m = Markup::new();
    m.element("h3", &[], &figures.name);
    m.open("table", &[("class", "budget member-view__table")]);
    m.element(
        "caption",
        &[("class", "visually-hidden")],
        &format!("{} per år", figures.name),
    );
    m.open("thead", &[]).open("tr", &[]);
    m.header("col", "", "År");
    for label in [
        "Medel till förbundet",
        "Tillskott till teamen",
        "Totalt",
        "Förändring mot 2025",
    ] {
        m.header("col", "num", label);
    }
    m.close("tr").close("thead").open("tbody", &[]);
    for y in &figures.years {
        m.open("tr", &[]);
        m.header("row", "", &y.year.to_string());
        for value in [y.contribution, y.topup, y.total, y.change] {
            m.number(&kronor_kr(value));
        }
        m.close("tr");
    }
    m.close("tbody").close("table");
    m.element("p", &[("class", "field-hint")], rule_sentence(rule));

    let mut any_team = false;
    for share in &table.team_shares[index] {
        let serves = data
            .team_info(&share.team)
            .is_some_and(|t| t.serves.contains(&figures.id));
        let pays = share.years.iter().any(|(part, _)| !part.is_zero());
        let Some(team) = staffing.iter().find(|t| t.id == share.team) else {
            continue;
        };
        if !(serves || pays) {
            continue;
        }
        any_team = true;
        m.open("div", &[("class", "memo")]);
        m.element("h4", &[], &team.name);
        m.open("ul", &[("class", "memo__lines")]);
        for ((year, &(part, topup)), team_year) in
            figures.years.iter().zip(&share.years).zip(&team.years)
        {
            let sentence = memo_sentence(&MemoLine {
                year: year.year,
                member: &figures.name,
                team: &team.name,
                share: part,
                team_topup: topup,
                staffing: team_year,
                fte: team.fte,
                participants: team.participants,
            });
            m.element("li", &[], &sentence);
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
    Some(m.finish())
}

/// A team's staffing table: per year FTE kept and at risk, participants kept
/// and the cost per funded FTE, if nobody fills the gap.
pub fn team_table(team: &TeamStaffing, years: &[u16]) -> String {
    let mut m = Markup::new();
    team_table_into(&mut m, team, years);
    m.finish()
}

/// [`team_table`] written into `m` (which may leave out the hooks).
pub fn team_table_into(m: &mut Markup, team: &TeamStaffing, years: &[u16]) {
    let metric = |what: &str, year: u16| format!("team-{}-{what}-{year}", team.id);
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
    let rows: [(&str, &str); 4] = [
        ("Årsarbetare kvar", "fte-kept"),
        ("Årsarbetare i riskzonen", "fte-risk"),
        ("Deltagare kvar", "participants-kept"),
        ("Kostnad per årsarbetare", "cost-per-fte"),
    ];
    for (label, what) in rows {
        m.open("tr", &[]);
        m.header("row", "", label);
        for (&year, figures) in years.iter().zip(&team.years) {
            let hook = metric(what, year);
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
