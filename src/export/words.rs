//! The scenario in words: its settings as a reader without the app needs
//! them, the one-line summary of a saved scenario, how the contributions are
//! split, and the sentence a member's finance officer can copy into a budget
//! memo. Every sentence says only what the figures support.

use crate::core::dataset::Dataset;
use crate::core::horizon::Year;
use crate::core::scenario::{Basis, Scenario, TopupRule};
use crate::core::staffing::TeamYearStaffing;
use crate::export::format::{decimal_comma, kronor_kr, percent_input};
use crate::export::markup::range_text;
use rust_decimal::Decimal;

fn pct(v: Decimal) -> String {
    format!("{}\u{a0}%", percent_input(v))
}

/// Years as a Swedish range: `2026`, `2026–27`, `2025–34`; separate runs
/// with a comma.
pub fn years_text(years: &[Year]) -> String {
    let mut groups: Vec<(Year, Year)> = Vec::new();
    for &y in years {
        match groups.last_mut() {
            Some((_, end)) if *end + 1 == y => *end = y,
            _ => groups.push((y, y)),
        }
    }
    groups
        .iter()
        .map(|&(start, end)| {
            if start == end {
                start.to_string()
            } else {
                format!("{start}–{:02}", end % 100)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Per-year values in runs of equal ones: `2025: 100 %; 2026–30: 80 %`.
pub fn per_year(values: impl Iterator<Item = (Year, String)>) -> String {
    let mut runs: Vec<(Vec<Year>, String)> = Vec::new();
    for (year, text) in values {
        match runs.last_mut() {
            Some((years, last)) if *last == text => years.push(year),
            _ => runs.push((vec![year], text)),
        }
    }
    runs.iter()
        .map(|(years, text)| format!("{}: {text}", years_text(years)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Per-year values in runs, for a sentence: `100 % 2025 och 80 % 2026–30`;
/// with `each_year`, a run of several years says "per år"
/// (`675 478 kr per år 2026–30`).
pub fn in_words(values: impl Iterator<Item = (Year, String)>, each_year: bool) -> String {
    let mut runs: Vec<(Vec<Year>, String)> = Vec::new();
    for (year, text) in values {
        match runs.last_mut() {
            Some((years, last)) if *last == text => years.push(year),
            _ => runs.push((vec![year], text)),
        }
    }
    let parts: Vec<String> = runs
        .iter()
        .map(|(years, text)| {
            let per = if each_year && years.len() > 1 {
                " per år"
            } else {
                ""
            };
            format!("{text}{per} {}", years_text(years))
        })
        .collect();
    and_list(&parts)
}

/// The scenario's settings in words, so a reader without the app knows what
/// was assumed: (label, text) pairs.
pub fn settings(data: &Dataset, scenario: &Scenario) -> Vec<(String, String)> {
    let years: Vec<Year> = (data.first_plan_year..=scenario.last_year(data)).collect();
    let each = |f: &dyn Fn(Year) -> String| per_year(years.iter().map(|&y| (y, f(y))));
    let mut out = vec![(
        "Finansieringsnivå för samordningsteamen".to_owned(),
        each(&|y| pct(scenario.funding(data, y))),
    )];
    let overrides: Vec<String> = data
        .teams()
        .filter_map(|team| {
            let own: Vec<(Year, String)> = years
                .iter()
                .map(|&y| {
                    (
                        y,
                        scenario
                            .team_override(data, y, &team.id)
                            .map_or_else(|| "årets nivå".to_owned(), pct),
                    )
                })
                .collect();
            own.iter()
                .any(|(_, t)| t != "årets nivå")
                .then(|| format!("{} ({})", team.name, per_year(own.into_iter())))
        })
        .collect();
    out.push((
        "Egen nivå för enskilda team".to_owned(),
        if overrides.is_empty() {
            "ingen".to_owned()
        } else {
            overrides.join("; ")
        },
    ));
    out.push((
        "Andel individinsatser av de direkta kostnaderna".to_owned(),
        each(&|y| match scenario.individ_share(data, y) {
            Some(v) => format!("styrd till {}", pct(v)),
            None => "som budgeterat".to_owned(),
        }),
    ));
    out.push((
        "Medel från huvudmännen".to_owned(),
        each(&|y| kronor_kr(scenario.revenue(data, y))),
    ));
    out.push((
        "Kostnadsökning".to_owned(),
        crate::export::assumptions::growth_words(data, scenario),
    ));
    if data.prognosis_column().is_some() {
        out.push((
            format!("Underlag för {}", data.first_plan_year),
            match scenario.basis(data) {
                Basis::Prognos => "prognosen i delårsrapporten".to_owned(),
                Basis::Budget => format!("budget {}", data.first_plan_year),
            },
        ));
    }
    out.push((
        format!("Ingående eget kapital {}", data.first_plan_year),
        kronor_kr(scenario.opening_equity(data)),
    ));
    out.push((
        "Riktvärde för eget kapital".to_owned(),
        format!(
            "bör understiga {} av årets medel",
            pct(scenario.equity_guideline(data))
        ),
    ));
    if data.members.is_some() {
        out.push((
            "Vem står för teamens tillskott".to_owned(),
            match scenario.topup_rule {
                TopupRule::Served => {
                    "de kommuner teamet betjänar, efter fördelningsnyckeln".to_owned()
                }
                TopupRule::Key => "alla medlemmar, som medlen".to_owned(),
            },
        ));
    }
    let staffing: Vec<String> = data
        .teams()
        .filter(|t| {
            scenario.team_fte.contains_key(&t.id) || scenario.team_participants.contains_key(&t.id)
        })
        .map(|t| {
            let fte = scenario
                .fte(data, &t.id)
                .map_or("uppgift saknas".to_owned(), |v| {
                    format!("{} årsarbetare", decimal_comma(v))
                });
            let people = scenario
                .participants(data, &t.id)
                .map_or("uppgift saknas".to_owned(), |(l, h)| {
                    format!("{} deltagare", range_text(l.into(), h.into()))
                });
            format!("{} {fte}, {people}", t.name)
        })
        .collect();
    if !staffing.is_empty() {
        out.push(("Ändrad bemanning".to_owned(), staffing.join("; ")));
    }
    out
}

/// What the equity ceiling is and where its default comes from, in one
/// sentence for the page: it is a ceiling, and money above it is money meant
/// for the work that lies unused.
pub fn guideline_hint(data: &Dataset) -> String {
    // Attributed as the source does, not as a rule the page cannot cite.
    let source = data
        .source(&data.equity_guideline.source)
        .map(|s| {
            format!(
                " Standardvärdet kommer från {} ({}), där det anges som en rekommendation.",
                s.title, s.issuer
            )
        })
        .unwrap_or_default();
    format!(
        "Ett tak, inte ett lagkrav: eget kapital bör understiga {} av årets medel. Över riktvärdet ligger pengar som är avsedda för insatser kvar oanvända.{source}",
        pct(data.equity_guideline.value)
    )
}

/// Groups plan years by a value, in year order: `[(value, years)]`.
fn by_value<V: PartialEq + Copy>(values: impl Iterator<Item = (Year, V)>) -> Vec<(V, Vec<Year>)> {
    let mut groups: Vec<(V, Vec<Year>)> = Vec::new();
    for (year, value) in values {
        match groups.iter_mut().find(|(v, _)| *v == value) {
            Some((_, years)) => years.push(year),
            None => groups.push((value, vec![year])),
        }
    }
    groups
}

/// A one-line summary of how a scenario differs from the defaults, e.g.
/// `80 % 2026–27, individ 70 % 2027`.
pub fn summary(data: &Dataset, scenario: &Scenario) -> String {
    let years: Vec<Year> = (data.first_plan_year..=scenario.last_year(data)).collect();
    let mut parts: Vec<String> = Vec::new();
    let lowered = by_value(
        years
            .iter()
            .map(|&y| (y, scenario.funding(data, y)))
            .filter(|(_, level)| *level != Decimal::ONE_HUNDRED),
    );
    for (level, years) in lowered {
        parts.push(format!("{} {}", pct(level), years_text(&years)));
    }
    let own = scenario
        .team_funding
        .values()
        .filter(|v| v.is_some())
        .count();
    if own > 0 {
        parts.push(format!("{own} egna teamnivåer"));
    }
    let shares = by_value(
        years
            .iter()
            .filter_map(|&y| scenario.individ_share(data, y).map(|s| (y, s))),
    );
    for (share, years) in shares {
        parts.push(format!("individ {} {}", pct(share), years_text(&years)));
    }
    if scenario.till.is_some() {
        parts.push(format!("till {}", scenario.last_year(data)));
    }
    if scenario.basis.is_some() {
        parts.push(format!(
            "{} enligt {}",
            data.first_plan_year,
            scenario.basis(data).key()
        ));
    }
    if !scenario.growth.is_zero() || !scenario.growth_in.is_empty() {
        parts.push(format!("kostnadsökning {}", pct(scenario.growth)));
    }
    if !scenario.revenue.is_empty() {
        let changed: Vec<Year> = scenario.revenue.keys().copied().collect();
        parts.push(format!("ändrade medel {}", years_text(&changed)));
    }
    if let Some(eq) = scenario.opening_equity {
        parts.push(format!("ingående eget kapital {}", kronor_kr(eq)));
    }
    if let Some(guide) = scenario.equity_guideline {
        parts.push(format!("riktvärde {}", pct(guide)));
    }
    if parts.is_empty() {
        "Full finansiering, fördelning som budgeterat".to_owned()
    } else {
        parts.join(", ")
    }
}

/// How the contributions are split, in words, from the data set: the fixed
/// parts by name, then the members sharing the rest by the key, and the key's
/// source with its note (e.g. that the key is an assumption).
pub fn split_description(data: &Dataset) -> String {
    let Some(members) = &data.members else {
        return "Dataunderlaget har inga medlemmar.".to_owned();
    };
    let fixed: Vec<String> = members
        .list
        .iter()
        .filter_map(|m| m.fixed_percent.map(|p| format!("{} {}", m.name, pct(p))))
        .collect();
    let keyed = members
        .list
        .iter()
        .filter(|m| m.key_weight.is_some())
        .count();
    let rest = Decimal::ONE_HUNDRED
        - members
            .list
            .iter()
            .filter_map(|m| m.fixed_percent)
            .sum::<Decimal>();
    let key = data
        .source(&members.key_source)
        .map(|s| {
            format!(
                " Nyckeln: {} ({}, {}). {}",
                s.title, s.issuer, s.date, s.note
            )
        })
        .unwrap_or_default();
    let who = if keyed == 1 {
        "den enda medlemmen med nyckel".to_owned()
    } else {
        format!("de {keyed} kommunerna")
    };
    if fixed.is_empty() {
        format!("Medlen delas av {who} efter en fördelningsnyckel.{key}")
    } else {
        let mut parts = fixed;
        parts.push(format!("{who} {} efter en fördelningsnyckel", pct(rest)));
        format!("Medlen delas så här: {}.{key}", and_list(&parts))
    }
}

/// What one memo sentence is about: a member, a team, a year.
pub struct MemoLine<'a> {
    pub year: Year,
    /// The team's funding level that year (%), said in the sentence so a
    /// copied sentence carries what it assumes.
    pub level: Decimal,
    pub member: &'a str,
    pub team: &'a str,
    /// The member's share of the team's top-up.
    pub share: Decimal,
    pub team_topup: Decimal,
    pub staffing: &'a TeamYearStaffing,
    pub fte: Option<Decimal>,
    pub participants: Option<(u32, u32)>,
    pub rule: TopupRule,
    /// The members that share the top-up under `served` (the member first).
    pub sharing: &'a [String],
}

/// "x och y", "x, y och z".
pub fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} och {last}", init.join(", ")),
    }
}

/// What happens to the team if the money does not come: the FTE and
/// participants it loses, as far as the data set says.
fn the_loss(line: &MemoLine<'_>, upto: &str) -> String {
    match (
        line.staffing.fte_at_risk,
        line.participants.zip(line.staffing.participants_kept),
    ) {
        (Some(at_risk), Some(((low, high), (kept_low, kept_high)))) => {
            let (lost_low, lost_high) = (
                Decimal::from(low) - kept_low,
                Decimal::from(high) - kept_high,
            );
            format!(
                "minskar teamet med {upto}{} årsarbetare och cirka {} deltagare",
                decimal_comma(at_risk),
                range_text(lost_low, lost_high)
            )
        }
        (Some(at_risk), None) => format!(
            "minskar teamet med {upto}{} årsarbetare (antal deltagare saknas i underlagen)",
            decimal_comma(at_risk)
        ),
        _ if line.fte.is_none() => {
            "minskar teamet i proportion till pengarna (bemanningen saknas i underlagen)".to_owned()
        }
        _ => "minskar teamet i proportion till pengarna".to_owned(),
    }
}

/// The sentence a finance officer can copy into a budget memo for one team
/// and year, e.g. "2026, med finansieringsnivå 80 %, behöver Sala kommun
/// tillföra 344 000 kr för att behålla Samordningsteam Sala som i dag;
/// annars minskar teamet med
/// 0,5 årsarbetare och cirka 5–6 deltagare."
pub fn memo_sentence(line: &MemoLine<'_>) -> String {
    let MemoLine {
        year,
        level,
        member,
        team,
        share,
        team_topup,
        rule,
        sharing,
        ..
    } = *line;
    if team_topup.is_zero() {
        return format!("{year} behöver {member} inte tillföra något för {team}: förbundet finansierar teamet fullt ut.");
    }
    let year = format!(
        "{year}, med finansieringsnivå {}\u{a0}%,",
        percent_input(level)
    );
    match rule {
        TopupRule::Served if sharing.len() <= 1 => format!(
            "{year} behöver {member} tillföra {} för att behålla {team} som i dag; annars {}.",
            kronor_kr(share),
            the_loss(line, "")
        ),
        TopupRule::Served => format!(
            "{year} behöver {} tillsammans tillföra {} för att behålla {team} som i dag, varav {member} står för {}; tillför ingen av dem något, {}.",
            and_list(sharing),
            kronor_kr(team_topup),
            kronor_kr(share),
            the_loss(line, "")
        ),
        TopupRule::Key => format!(
            "{year} står {member} för {} av medlemmarnas tillskott på {} till {team} (alla medlemmar delar tillskotten som medlen); tillför medlemmarna inte hela beloppet, {}.",
            kronor_kr(share),
            kronor_kr(team_topup),
            the_loss(line, "upp till ")
        ),
    }
}
