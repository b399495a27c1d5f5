//! Source references in words: a data set's free-text references ("vp2024
//! avsnitt 7") name their documents by the short ids of its source list; a
//! reader on the page needs the documents' titles instead.

use crate::core::dataset::Dataset;

/// `text` with every whole-word source id replaced by that source's title;
/// anything else (section numbers, notes, unknown words) is kept as written.
pub fn spelled_out(data: &Dataset, text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        match data.source(word) {
            Some(source) if !word.is_empty() => out.push_str(&source.title),
            _ => out.push_str(word),
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' || c == '-' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}
