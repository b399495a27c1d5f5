//! What meeting mode adds for the board: the proposals to start from, and
//! buttons that step through the compared scenarios without leaving it.

use crate::page::Control;
use crate::state::workspace::{Msg, Workspace};

/// "Föregående" and "Nästa" through the comparison, with where the page is;
/// with two scenarios one button that switches to the other (both steps
/// would name it); nothing when fewer than two scenarios are compared.
pub fn comparison_steps(ws: &Workspace) -> Vec<Control> {
    let columns = &ws.comparison.columns;
    if columns.len() < 2 {
        return Vec::new();
    }
    let shown = ws.shown_column();
    let (previous, next) = match shown {
        Some(k) => (
            (k + columns.len() - 1) % columns.len(),
            (k + 1) % columns.len(),
        ),
        None => (columns.len() - 1, 0),
    };
    let place = match shown {
        Some(k) => format!("Visar {} av {}: {}", k + 1, columns.len(), columns[k].label),
        None => format!(
            "Jämförelsen har {} scenarier; det som visas är inte ett av dem.",
            columns.len()
        ),
    };
    // With two scenarios, "previous" and "next" are the same one: one
    // button that switches, not two that both name it.
    if previous == next {
        let other = &columns[next].label;
        return vec![
            Control::Text {
                class: "meeting-steps__place",
                id: None,
                text: place,
            },
            Control::Button {
                // The visible words are the name (WCAG 2.5.3): they say it all.
                label: format!("Växla till {other}"),
                aria_label: None,
                class: "button button--secondary meeting-step",
                msg: Msg::OpenColumn(next),
            },
        ];
    }
    vec![
        Control::Button {
            label: format!("◀ {}", columns[previous].label),
            aria_label: Some(format!(
                "Föregående scenario i jämförelsen: {}",
                columns[previous].label
            )),
            class: "button button--secondary meeting-step",
            msg: Msg::OpenColumn(previous),
        },
        Control::Text {
            class: "meeting-steps__place",
            id: None,
            text: place,
        },
        Control::Button {
            label: format!("{} ▶", columns[next].label),
            aria_label: Some(format!(
                "Nästa scenario i jämförelsen: {}",
                columns[next].label
            )),
            class: "button button--secondary meeting-step",
            msg: Msg::OpenColumn(next),
        },
    ]
}
