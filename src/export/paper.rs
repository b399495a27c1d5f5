//! The members' and the teams' tables of the printed decision document
//! (`export::document`): the same figures as the page's tables, laid out
//! for A4 at 8 pt. The page puts four figures per member and year side by
//! side and scrolls; paper cannot, so here each measure is a table with the
//! plan years as columns, and kronor go without the unit (the captions say
//! kronor). No test hooks: a printed copy.

use crate::core::horizon::Year;
use crate::core::members::MembersTable;
use crate::core::staffing::TeamStaffing;
use crate::export::format::{decimal_comma, kronor};
use crate::export::markup::{range_text, Markup};
use crate::export::tables::STAFFING_ROWS;

/// The most plan years a printed members' table holds (two eight-digit
/// amounts a year beside the names).
const MEMBER_YEARS: usize = 3;

/// The most plan years a printed staffing table holds (short figures).
const STAFFING_YEARS: usize = 10;

/// Year positions in blocks of at most `size`, as even as they divide
/// (ten years in blocks of three: 3, 3, 2, 2), so no table holds one year.
fn even_blocks(count: usize, size: usize) -> Vec<Vec<usize>> {
    let blocks = count.div_ceil(size.max(1)).max(1);
    let (base, longer) = (count / blocks, count % blocks);
    let mut start = 0;
    (0..blocks)
        .map(|b| {
            let len = base + usize::from(b < longer);
            let block = (start..start + len).collect();
            start += len;
            block
        })
        .collect()
}

/// The members' figures: per plan year each member's contribution to the
/// förbund and its part of the teams' top-ups, side by side, in even blocks
/// of years (no hooks: a printed copy). The reference year's contribution
/// opens the first block. The page's four figures per year are too wide for
/// A4 at the 8 pt the document's tables keep; the totals and the change
/// from the first year are on the page and in the files, as the paragraph
/// above the tables says.
pub fn members_tables(m: &mut Markup, table: &MembersTable, split: &str) {
    let years = table.totals.years.len();
    m.element(
        "p",
        &[],
        &format!("{split} Per medlem och år: medlen till förbundet och medlemmens del av teamens tillskott, kronor. Totalt och förändring per medlem finns i simulatorn och i filerna."),
    );
    for (n, block) in even_blocks(years, MEMBER_YEARS).iter().enumerate() {
        let reference = table.totals.reference.filter(|_| n == 0);
        m.open("table", &[("class", "budget members-table")]);
        m.open("thead", &[]).open("tr", &[]);
        m.element("th", &[("scope", "col"), ("rowspan", "2")], "Medlem");
        if let Some((year, _)) = reference {
            m.header("col", "num", &year.to_string());
        }
        for &i in block {
            let year = table.totals.years[i].year.to_string();
            m.element(
                "th",
                &[("scope", "colgroup"), ("colspan", "2"), ("class", "num")],
                &year,
            );
        }
        m.close("tr").open("tr", &[]);
        if reference.is_some() {
            m.header("col", "num", "Medel");
        }
        for _ in block {
            m.header("col", "num", "Medel")
                .header("col", "num", "Tillskott");
        }
        m.close("tr").close("thead").open("tbody", &[]);
        for figures in table.members.iter().chain(std::iter::once(&table.totals)) {
            let total = figures.id == "total";
            m.open("tr", &[("class", if total { "total" } else { "" })]);
            m.header("row", "", if total { "Summa" } else { &figures.name });
            if let (Some(_), Some((_, value))) = (reference, figures.reference) {
                m.number(&kronor(value));
            }
            for &i in block {
                let y = &figures.years[i];
                m.number(&kronor(y.contribution)).number(&kronor(y.topup));
            }
            m.close("tr");
        }
        m.close("tbody").close("table");
    }
}

/// Each team's staffing: one table per team with every plan year (in even
/// blocks), two teams side by side when the period is short. A team whose
/// staffing the data set does not give gets a sentence, not a table of
/// dashes.
pub fn staffing_tables(m: &mut Markup, teams: &[TeamStaffing], years: &[Year]) {
    let pairs = years.len() <= 4;
    let class = if pairs {
        "doc__teams doc__teams--pairs"
    } else {
        "doc__teams"
    };
    m.open("div", &[("class", class)]);
    for team in teams {
        m.open("section", &[("class", "doc__team")]);
        m.element("h3", &[], &team.name);
        if team.fte.is_none() {
            m.element(
                "p",
                &[],
                "Bemanning och deltagare saknas i underlagen, så följderna kan inte visas.",
            );
        } else {
            for block in even_blocks(years.len(), STAFFING_YEARS) {
                team_block(m, team, years, &block);
            }
        }
        m.close("section");
    }
    m.close("div");
}

/// One block of years of a team's staffing table.
fn team_block(m: &mut Markup, team: &TeamStaffing, years: &[Year], block: &[usize]) {
    m.open("table", &[("class", "budget team-card__table")]);
    m.open("thead", &[]).open("tr", &[]);
    m.header("col", "", "Om ingen skjuter till");
    for &i in block {
        m.header("col", "num", &years[i].to_string());
    }
    m.close("tr").close("thead").open("tbody", &[]);
    for (label, what) in STAFFING_ROWS {
        m.open("tr", &[]);
        let label = if what == "cost-per-fte" {
            format!("{label}, kr")
        } else {
            label.to_owned()
        };
        m.header("row", "", &label);
        for &i in block {
            let y = &team.years[i];
            let text = match what {
                "fte-kept" => y.fte_kept.map(decimal_comma),
                "fte-risk" => y.fte_at_risk.map(decimal_comma),
                "participants-kept" => y.participants_kept.map(|(l, h)| range_text(l, h)),
                _ => y.cost_per_fte.map(kronor),
            };
            m.number(text.as_deref().unwrap_or("–"));
        }
        m.close("tr");
    }
    m.close("tbody").close("table");
}

#[cfg(test)]
mod tests {
    use super::even_blocks;

    #[test]
    fn years_split_into_even_blocks() {
        let sizes = |n, size| -> Vec<usize> { even_blocks(n, size).iter().map(Vec::len).collect() };
        assert_eq!(sizes(10, 3), [3, 3, 2, 2]);
        assert_eq!(sizes(3, 3), [3]);
        assert_eq!(sizes(4, 3), [2, 2]);
        assert_eq!(sizes(10, 10), [10]);
        assert_eq!(even_blocks(5, 3), [vec![0, 1, 2], vec![3, 4]]);
    }
}
