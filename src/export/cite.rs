//! Source references in words: a data set's free-text references ("vp2024
//! avsnitt 7") name their documents by the short ids of its source list; a
//! reader on the page needs the documents' titles instead.

use crate::core::dataset::Dataset;

/// `text` with every whole-word source id replaced by that source's title;
/// anything else (section numbers, notes, unknown words) is kept as written.
pub fn spelled_out(data: &Dataset, text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut word = String::new();
    let title = |word: &str| data.source(word).filter(|_| !word.is_empty());
    let flush = |word: &mut String, out: &mut String| {
        match title(word) {
            Some(source) => out.push_str(&source.title),
            // `vp2024-2025`: an id joined to more by a hyphen is still named.
            None => {
                let parts: Vec<&str> = word.split('-').collect();
                for (i, part) in parts.iter().enumerate() {
                    if i > 0 {
                        out.push('-');
                    }
                    out.push_str(title(part).map_or(part, |s| s.title.as_str()));
                }
            }
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
