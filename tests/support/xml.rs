//! Reading an exported workbook back: its parts (zip), its sheets by
//! name, the cells of a sheet with their styles and formulas, which styles
//! are percentages, and the ROUND arguments and cell references of a
//! formula, for the tests of the formula text. Plain string scanning of the
//! XML rust_xlsxwriter writes (one element per cell, attributes in quotes).

/// A workbook's parts, read back with the zip crate.
pub struct Xlsx {
    archive: std::cell::RefCell<zip::ZipArchive<std::io::Cursor<Vec<u8>>>>,
    pub names: Vec<String>,
}

impl Xlsx {
    pub fn new(bytes: &[u8]) -> Self {
        let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
        let mut xlsx = Xlsx {
            archive: std::cell::RefCell::new(archive),
            names: Vec::new(),
        };
        let book = xlsx.part("xl/workbook.xml");
        xlsx.names = tags(&book, "sheet")
            .iter()
            .filter_map(|t| attribute(t, "name"))
            .collect();
        xlsx
    }

    pub fn part(&self, name: &str) -> String {
        use std::io::Read;
        let mut text = String::new();
        self.archive
            .borrow_mut()
            .by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    }

    /// A sheet's XML by name (sheets are numbered in order).
    pub fn sheet(&self, name: &str) -> String {
        let i = self.names.iter().position(|n| n == name).unwrap();
        self.part(&format!("xl/worksheets/sheet{}.xml", i + 1))
    }
}

/// The opening tags of the elements named `element` (`sheet`, `xf`, `numFmt`, `c`).
pub fn tags<'x>(xml: &'x str, element: &str) -> Vec<&'x str> {
    let open = format!("<{element} ");
    xml.match_indices(&open)
        .map(|(p, _)| {
            let tag = &xml[p..];
            &tag[..tag.find('>').unwrap_or(tag.len())]
        })
        .collect()
}

/// An attribute's value in an opening tag.
pub fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let from = tag.find(&key)? + key.len();
    let value = &tag[from..];
    Some(unescape(&value[..value.find('"')?]))
}

pub fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The style ids (positions in `cellXfs`) whose number format is a percentage.
pub fn percent_styles(styles: &str) -> Vec<usize> {
    let codes: Vec<(String, String)> = tags(styles, "numFmt")
        .iter()
        .filter_map(|t| Some((attribute(t, "numFmtId")?, attribute(t, "formatCode")?)))
        .collect();
    let xfs = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
    tags(xfs, "xf")
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            let id = attribute(t, "numFmtId").unwrap_or_default();
            // 9 and 10 are Excel's built-in percentage formats.
            id == "9" || id == "10" || codes.iter().any(|(f, code)| *f == id && code.contains('%'))
        })
        .map(|(i, _)| i)
        .collect()
}

/// Every cell of a sheet with its style id and formula, if any.
pub fn cells_of(sheet: &str) -> Vec<(String, usize, Option<String>)> {
    sheet
        .match_indices("<c ")
        .map(|(p, _)| {
            let element = &sheet[p..];
            let tag = &element[..element.find('>').unwrap()];
            // A self-closing cell (a blank) has no body of its own.
            let body = if tag.ends_with('/') {
                tag
            } else {
                &element[..element.find("</c>").unwrap()]
            };
            let style = attribute(tag, "s")
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            let formula = body
                .find("<f>")
                .map(|f| unescape(&body[f + 3..body.find("</f>").unwrap()]));
            (attribute(tag, "r").unwrap(), style, formula)
        })
        .collect()
}

/// The first argument of each `ROUND(` in a formula.
pub fn round_arguments(formula: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (start, _) in formula.match_indices("ROUND(") {
        let body = &formula[start + 6..];
        let (mut depth, mut end) = (0, body.len());
        for (i, c) in body.char_indices() {
            match c {
                '(' => depth += 1,
                ')' if depth == 0 => break,
                ')' => depth -= 1,
                ',' if depth == 0 => {
                    end = i;
                    break;
                }
                _ => {}
            }
        }
        out.push(body[..end].to_owned());
    }
    out
}

/// The cell references in a formula text, as (sheet, cell without `$`).
pub fn references(text: &str, own_sheet: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(quoted) = rest.strip_prefix('\'') {
            let end = quoted.find("'!").unwrap();
            let sheet = quoted[..end].to_owned();
            let after = &quoted[end + 2..];
            let len = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '$'))
                .unwrap_or(after.len());
            out.push((sheet, after[..len].replace('$', "")));
            rest = &after[len..];
        } else if let Some(string) = rest.strip_prefix('"') {
            rest = &string[string.find('"').unwrap() + 1..];
        } else if rest.starts_with(|c: char| c.is_ascii_uppercase() || c == '$') {
            let len = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '$' || c == '.'))
                .unwrap_or(rest.len());
            let word = rest[..len].replace('$', "");
            let is_cell = word
                .trim_start_matches(|c: char| c.is_ascii_uppercase())
                .chars()
                .all(|c| c.is_ascii_digit())
                && word.chars().any(|c| c.is_ascii_digit())
                && !rest[len..].starts_with('(');
            if is_cell {
                out.push((own_sheet.to_owned(), word));
            }
            rest = &rest[len..];
        } else {
            rest = &rest[rest.chars().next().unwrap().len_utf8()..];
        }
    }
    out
}

/// `ROUND(<one reference>*1000,0)`: a percentage as whole tenths, exact.
pub fn is_tenths_idiom(argument: &str, own_sheet: &str) -> bool {
    argument.strip_suffix("*1000").is_some_and(|r| {
        references(r, own_sheet).len() == 1 && !r.contains(['+', '-', '*', '/', '('])
    })
}
