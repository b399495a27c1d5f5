//! The editor's changes to the members (who they are, the municipal key)
//! and the teams' staffing entries.

use crate::core::dataset::{Dataset, Member, Members, TeamInfo};
use crate::import::words::{make_id, unique_id};
use crate::state::input::parse_decimal;
use crate::state::library::unique_name;
use rust_decimal::Decimal;

pub(super) fn members_mut(data: &mut Dataset) -> Result<&mut Members, String> {
    data.members
        .as_mut()
        .ok_or_else(|| "Dataunderlaget har inga medlemmar.".to_owned())
}

fn member_mut(data: &mut Dataset, member: usize) -> Result<&mut Member, String> {
    members_mut(data)?
        .list
        .get_mut(member)
        .ok_or_else(|| "Medlemmen finns inte längre.".to_owned())
}

pub(super) fn key_weight(data: &mut Dataset, member: usize, text: &str) -> Result<(), String> {
    let value = parse_decimal(text).map_err(|e| e.to_string())?;
    if value < Decimal::ZERO {
        return Err("En vikt i fördelningsnyckeln kan inte vara negativ.".to_owned());
    }
    let m = member_mut(data, member)?;
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

/// Gives a data set without members the shape the model knows (spec
/// section 5): the state's fixed 50 %, the region's fixed 25 % and one
/// municipality with the rest, named for the person to rename.
pub(super) fn add_members(data: &mut Dataset) -> Result<(), String> {
    if data.members.is_some() {
        return Err("Dataunderlaget har redan medlemmar.".to_owned());
    }
    let fixed = |id: &str, name: &str, percent: u32| Member {
        id: id.to_owned(),
        name: name.to_owned(),
        fixed_percent: Some(Decimal::from(percent)),
        key_weight: None,
    };
    data.members = Some(Members {
        source: String::new(),
        key_source: String::new(),
        list: vec![
            fixed("staten", "Staten", 50),
            fixed("region", "Regionen", 25),
            municipality(&[], Decimal::ONE),
        ],
    });
    Ok(())
}

/// A municipality named "Ny kommun" (or "Ny kommun (2)", …) with `weight`
/// in the key, its id free among `list`.
fn municipality(list: &[Member], weight: Decimal) -> Member {
    let taken = |id: &str| list.iter().any(|m| m.id == id);
    Member {
        id: unique_id(&make_id("ny kommun", '_'), '_', &taken),
        name: unique_name(list.iter().map(|m| m.name.as_str()), "Ny kommun"),
        fixed_percent: None,
        key_weight: Some(weight),
    }
}

/// Adds a municipality at the end with weight 0, so that no figure changes
/// until its weight is typed.
pub(super) fn add_municipality(data: &mut Dataset) -> Result<(), String> {
    let members = members_mut(data)?;
    let added = municipality(&members.list, Decimal::ZERO);
    members.list.push(added);
    Ok(())
}

/// Renames a member. A name another member has (case aside) is refused:
/// the member tables, the member select and the sentences name members by
/// their names. (Only here, not in the data set checks, so that a data set
/// stored or linked before this check still opens.)
pub(super) fn member_name(data: &mut Dataset, member: usize, name: String) -> Result<(), String> {
    let wanted = name.to_lowercase();
    let taken = data
        .member_list()
        .iter()
        .enumerate()
        .any(|(i, m)| i != member && m.name.trim().to_lowercase() == wanted);
    if taken {
        return Err(format!(
            "En annan medlem heter redan ”{name}”: ge varje medlem ett eget namn."
        ));
    }
    member_mut(data, member)?.name = name;
    Ok(())
}

/// Removes a municipality, and it from the teams that served it. The
/// state and the region pay fixed parts that the model needs; they go
/// only with all the members.
pub(super) fn remove_member(data: &mut Dataset, member: usize) -> Result<(), String> {
    let m = member_mut(data, member)?;
    if m.fixed_percent.is_some() {
        return Err(format!(
            "{} betalar en fast andel och tas bara bort med alla medlemmar.",
            m.name
        ));
    }
    let removed = members_mut(data)?.list.remove(member);
    for team in &mut data.teams {
        team.serves.retain(|id| *id != removed.id);
    }
    Ok(())
}

/// Takes the members away; the teams then serve no one in particular.
pub(super) fn remove_members(data: &mut Dataset) -> Result<(), String> {
    if data.members.take().is_none() {
        return Err("Dataunderlaget har inga medlemmar.".to_owned());
    }
    for team in &mut data.teams {
        team.serves.clear();
    }
    Ok(())
}
