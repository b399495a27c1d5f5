//! The editor's changes to the members' key and the teams' staffing
//! entries.

use crate::core::dataset::{Dataset, Members, TeamInfo};
use crate::state::input::parse_decimal;
use rust_decimal::Decimal;

pub(super) fn members_mut(data: &mut Dataset) -> Result<&mut Members, String> {
    data.members
        .as_mut()
        .ok_or_else(|| "Dataunderlaget har inga medlemmar.".to_owned())
}

pub(super) fn key_weight(data: &mut Dataset, member: usize, text: &str) -> Result<(), String> {
    let value = parse_decimal(text).map_err(|e| e.to_string())?;
    if value < Decimal::ZERO {
        return Err("En vikt i fördelningsnyckeln kan inte vara negativ.".to_owned());
    }
    let m = members_mut(data)?
        .list
        .get_mut(member)
        .ok_or_else(|| "Medlemmen finns inte längre.".to_owned())?;
    if m.fixed_percent.is_some() {
        return Err(format!(
            "{} betalar en fast andel och har ingen vikt i nyckeln.",
            m.name
        ));
    }
    m.key_weight = Some(value);
    Ok(())
}

/// The team's staffing entry, made when it has none yet.
pub(super) fn team_mut<'a>(data: &'a mut Dataset, team: &str) -> Result<&'a mut TeamInfo, String> {
    if !data.is_team(team) {
        return Err("Raden är inget samordningsteam.".to_owned());
    }
    let at = match data.teams.iter().position(|t| t.line == team) {
        Some(at) => at,
        None => {
            data.teams.push(TeamInfo {
                line: team.to_owned(),
                serves: Vec::new(),
                fte: None,
                participants: None,
                source: String::new(),
            });
            data.teams.len() - 1
        }
    };
    Ok(&mut data.teams[at])
}

/// Keeps a team's served municipalities in the members' order, so the same
/// choices always make the same data set.
pub(super) fn order_served(data: &mut Dataset, team: &str) {
    let order: Vec<String> = data.member_list().iter().map(|m| m.id.clone()).collect();
    if let Some(info) = data.teams.iter_mut().find(|t| t.line == team) {
        info.serves
            .sort_by_key(|m| order.iter().position(|o| o == m).unwrap_or(usize::MAX));
    }
}
