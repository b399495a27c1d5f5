//! Headings and summaries whose words follow a count: one scenario, six
//! teams. Swedish takes the singular for one ("1 scenario", "teamet").

/// The staffing fold's summary: "Visa de 6 teamen: …", "Visa teamet: …".
pub fn teams_fold_summary(teams: usize) -> String {
    let what = "bemanning, deltagare och följder per år";
    match teams {
        1 => format!("Visa teamet: {what}"),
        n => format!("Visa de {n} teamen: {what}"),
    }
}

/// The comparison's heading: "Jämförelse av 3 scenarier", "… av 1 scenario".
pub fn comparison_heading(count: usize) -> String {
    match count {
        1 => "Jämförelse av 1 scenario".to_owned(),
        n => format!("Jämförelse av {n} scenarier"),
    }
}
