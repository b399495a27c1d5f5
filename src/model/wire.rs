//! What the on-demand panels (saved scenarios, comparison) send back to the
//! page, as three plain values that cross from one wasm module to the other:
//! a kind, a number (a saved scenario's id or a column's index) and a text.
//! The panels run in their own module so that their code is fetched only
//! when they are first shown (docs/bundle-budget.md); the state stays in the
//! page's reducer, which receives these as [`Msg`]s.

use crate::model::data::Dataset;
use crate::model::library::{Library, LibraryError, ReadScenario};
use crate::model::workspace::Msg;

/// One message on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wire {
    pub kind: &'static str,
    pub number: u32,
    pub text: String,
}

/// The kinds, in one table so that encoding and decoding cannot drift.
const KINDS: [&str; 13] = [
    "save",
    "open",
    "close",
    "rename",
    "duplicate",
    "delete",
    "undo-delete",
    "import",
    "remove-column",
    "make-base",
    "move-left",
    "open-column",
    "clear-comparison",
];

fn wire(kind_index: usize, number: usize, text: String) -> Wire {
    Wire {
        kind: KINDS[kind_index],
        number: number as u32,
        text,
    }
}

/// The wire form of a panel's message; `None` for messages panels never send.
/// Imported scenarios travel as a stored document, which the page reads
/// again with the same strict rules.
pub fn encode(data: &Dataset, msg: &Msg) -> Option<Wire> {
    Some(match msg {
        Msg::Save(name) => wire(0, 0, name.clone()),
        Msg::OpenSaved(id) => wire(1, *id as usize, String::new()),
        Msg::CloseSaved => wire(2, 0, String::new()),
        Msg::Rename(id, name) => wire(3, *id as usize, name.clone()),
        Msg::Duplicate(id) => wire(4, *id as usize, String::new()),
        Msg::Delete(id) => wire(5, *id as usize, String::new()),
        Msg::UndoDelete => wire(6, 0, String::new()),
        Msg::Import(read) => wire(7, 0, Library::from_read(read.clone()).to_document(data)),
        Msg::RemoveColumn(i) => wire(8, *i, String::new()),
        Msg::MakeBase(i) => wire(9, *i, String::new()),
        Msg::MoveLeft(i) => wire(10, *i, String::new()),
        Msg::OpenColumn(i) => wire(11, *i, String::new()),
        Msg::ClearComparison => wire(12, 0, String::new()),
        _ => return None,
    })
}

/// The message a panel sent; `None` for an unknown kind or an import that no
/// longer reads (`read` reads a stored document).
pub fn decode(
    kind: &str,
    number: u32,
    text: String,
    read: &dyn Fn(&str) -> Result<Vec<ReadScenario>, LibraryError>,
) -> Option<Msg> {
    let index = number as usize;
    Some(match KINDS.iter().position(|k| *k == kind)? {
        0 => Msg::Save(text),
        1 => Msg::OpenSaved(number),
        2 => Msg::CloseSaved,
        3 => Msg::Rename(number, text),
        4 => Msg::Duplicate(number),
        5 => Msg::Delete(number),
        6 => Msg::UndoDelete,
        7 => Msg::Import(read(&text).ok()?),
        8 => Msg::RemoveColumn(index),
        9 => Msg::MakeBase(index),
        10 => Msg::MoveLeft(index),
        11 => Msg::OpenColumn(index),
        _ => Msg::ClearComparison,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::fragment;
    use crate::model::library::read_document;

    #[test]
    fn every_panel_message_survives_the_wire() {
        let data = Dataset::sfv_default().unwrap();
        let (scenario, _) = fragment::parse(&data, "f2026=80&individ2027=70");
        let read = vec![ReadScenario {
            name: "Förslag A".to_owned(),
            saved: "2026-11-23T10:00".to_owned(),
            scenario,
        }];
        let messages = [
            Msg::Save("Förslag B".to_owned()),
            Msg::OpenSaved(3),
            Msg::CloseSaved,
            Msg::Rename(2, "Nytt namn".to_owned()),
            Msg::Duplicate(7),
            Msg::Delete(1),
            Msg::UndoDelete,
            Msg::Import(read),
            Msg::RemoveColumn(2),
            Msg::MakeBase(1),
            Msg::MoveLeft(3),
            Msg::OpenColumn(0),
            Msg::ClearComparison,
        ];
        let reader = |text: &str| read_document(&data, text);
        for msg in messages {
            let w = encode(&data, &msg).expect("a panel message");
            assert_eq!(decode(w.kind, w.number, w.text, &reader), Some(msg));
        }
        assert_eq!(encode(&data, &Msg::Undo), None);
        assert_eq!(decode("okänd", 0, String::new(), &reader), None);
        assert_eq!(decode("import", 0, "{".to_owned(), &reader), None);
    }
}
