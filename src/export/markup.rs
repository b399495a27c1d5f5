//! HTML for the read-only tables and charts (the budget, members, a
//! member's own view, the teams' staffing, the follow-up, the equity charts)
//! and for the decision document, written through one small writer: a table written
//! element by element with `html!` compiles to construction code per element,
//! which the start-up budget cannot afford for tables this size. The writer
//! builds a tree of [`Node`]s: the document serialises it to text
//! ([`Fragment::to_html`]); the page writes the large ones once and then
//! patches only the figures a slider move changed
//! (`ui::components::patched`), and renders the small ones as virtual DOM
//! (`ui::components::markup`). Every text and attribute value is kept as
//! data and escaped when written, so callers never build markup by hand.

use crate::export::format::{
    decimal_comma, difference_kr, kronor_kr, metric_kronor, metric_one_decimal, metric_percent,
    percent,
};
use rust_decimal::Decimal;

/// Escapes text for use in element content and in double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A node of written HTML: an element or a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Element(Element),
    Text(String),
}

/// An element: its tag, attributes (none with an empty value) and children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    pub tag: &'static str,
    pub attributes: Vec<(&'static str, String)>,
    pub children: Vec<Node>,
}

/// A written piece of HTML: a list of nodes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fragment(pub Vec<Node>);

impl Fragment {
    /// The fragment as HTML text, every value escaped.
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        write_nodes(&mut out, &self.0);
        out
    }
}

fn write_nodes(out: &mut String, nodes: &[Node]) {
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(&escape(text)),
            Node::Element(e) => {
                out.push('<');
                out.push_str(e.tag);
                for (name, value) in &e.attributes {
                    out.push(' ');
                    out.push_str(name);
                    out.push_str("=\"");
                    out.push_str(&escape(value));
                    out.push('"');
                }
                out.push('>');
                write_nodes(out, &e.children);
                out.push_str("</");
                out.push_str(e.tag);
                out.push('>');
            }
        }
    }
}

/// An HTML fragment being written.
#[derive(Debug, Default)]
pub struct Markup {
    /// The finished nodes at the top level.
    done: Vec<Node>,
    /// The elements opened and not yet closed, innermost last.
    open: Vec<Element>,
    /// Leave out the test hooks: for a printed copy of a table that is on
    /// the page too, whose hooks must stay unique.
    without_hooks: bool,
}

impl Markup {
    pub fn new() -> Self {
        Self::default()
    }

    /// A writer whose figures carry no `data-metric` hooks.
    pub fn without_hooks() -> Self {
        Markup {
            without_hooks: true,
            ..Self::default()
        }
    }

    fn push(&mut self, node: Node) {
        match self.open.last_mut() {
            Some(parent) => parent.children.push(node),
            None => self.done.push(node),
        }
    }

    /// `<tag a="v" …>`; attributes with an empty value are left out.
    pub fn open(&mut self, tag: &'static str, attributes: &[(&'static str, &str)]) -> &mut Self {
        self.open.push(Element {
            tag,
            attributes: attributes
                .iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(name, value)| (*name, (*value).to_owned()))
                .collect(),
            children: Vec::new(),
        });
        self
    }

    /// Closes the innermost open element, which must be `tag`.
    pub fn close(&mut self, tag: &str) -> &mut Self {
        let element = self.open.pop().expect("close without open");
        debug_assert_eq!(element.tag, tag, "closed in the wrong order");
        self.push(Node::Element(element));
        self
    }

    /// Text (escaped when written).
    pub fn text(&mut self, text: &str) -> &mut Self {
        if !text.is_empty() {
            self.push(Node::Text(text.to_owned()));
        }
        self
    }

    /// `<tag …>text</tag>`.
    pub fn element(
        &mut self,
        tag: &'static str,
        attributes: &[(&'static str, &str)],
        text: &str,
    ) -> &mut Self {
        self.open(tag, attributes).text(text).close(tag)
    }

    /// Opens a table's scrolling frame: on a narrow screen the table scrolls
    /// inside it (reachable by keyboard, named for screen readers) and the
    /// page never scrolls sideways; a narrow frame sets the table denser
    /// first (`table-wrap--fit`, the page's stylesheet). Closed with
    /// `close("div")`.
    pub fn scroll_frame(&mut self, label: &str) -> &mut Self {
        self.open(
            "div",
            &[
                ("class", "table-wrap table-wrap--fit"),
                ("tabindex", "0"),
                ("role", "region"),
                ("aria-label", label),
            ],
        )
    }

    /// A column heading with a note under it (`2025` / `prognos`), as the
    /// page's budget table heads its years.
    pub fn heading_with_note(&mut self, class: &str, title: &str, note: &str) -> &mut Self {
        self.open("th", &[("scope", "col"), ("class", class)])
            .text(title)
            .element("span", &[("class", "col-note")], note)
            .close("th")
    }

    /// A column or row header cell (`scope` = `col`, `row` or `colgroup`).
    pub fn header(&mut self, scope: &str, class: &str, text: &str) -> &mut Self {
        self.element("th", &[("scope", scope), ("class", class)], text)
    }

    /// A number cell without a test hook.
    pub fn number(&mut self, text: &str) -> &mut Self {
        self.element("td", &[("class", "num")], text)
    }

    /// A number cell with its test hook.
    fn hooked(&mut self, class: &str, metric: &str, value: &str, text: &str) -> &mut Self {
        if self.without_hooks {
            return self.element("td", &[("class", class)], text);
        }
        self.element(
            "td",
            &[
                ("class", class),
                ("data-metric", metric),
                ("data-value", value),
            ],
            text,
        )
    }

    /// An amount in kronor, negative amounts marked by class as well as sign.
    pub fn money(&mut self, metric: &str, value: Decimal) -> &mut Self {
        let class = if value.is_sign_negative() {
            "num num--negative"
        } else {
            "num"
        };
        self.hooked(class, metric, &metric_kronor(value), &kronor_kr(value))
    }

    /// A deviation, whose sign is neither good nor bad news: always signed
    /// (`+15 169 kr`, `−2 019 549 kr`), without the colour that `money`
    /// gives a negative amount.
    pub fn deviation(&mut self, metric: &str, value: Decimal) -> &mut Self {
        self.hooked("num", metric, &metric_kronor(value), &difference_kr(value))
    }

    /// A figure that is missing: a dash read out as "saknas".
    pub fn missing(&mut self, metric: &str) -> &mut Self {
        if self.without_hooks {
            self.open("td", &[("class", "num")]);
        } else {
            self.open(
                "td",
                &[
                    ("class", "num"),
                    ("data-metric", metric),
                    ("data-value", "none"),
                ],
            );
        }
        self.element("span", &[("aria-hidden", "true")], "–");
        self.element("span", &[("class", "visually-hidden")], "saknas");
        self.close("td")
    }

    /// Kronor, or a dash.
    pub fn optional_money(&mut self, metric: &str, value: Option<Decimal>) -> &mut Self {
        match value {
            Some(v) => self.money(metric, v),
            None => self.missing(metric),
        }
    }

    /// Full-time equivalents with one decimal (`2,8`), or a dash.
    pub fn fte(&mut self, metric: &str, value: Option<Decimal>) -> &mut Self {
        match value {
            Some(v) => self.hooked("num", metric, &metric_one_decimal(v), &decimal_comma(v)),
            None => self.missing(metric),
        }
    }

    /// A percentage with one decimal, or a dash.
    pub fn percent(&mut self, metric: &str, value: Option<Decimal>) -> &mut Self {
        match value {
            Some(v) => self.hooked("num", metric, &metric_percent(v), &percent(v)),
            None => self.missing(metric),
        }
    }

    /// A range of people (`40–44`, or `12` when both ends agree; the hook's
    /// value is always `low-high`), or a dash.
    pub fn range(&mut self, metric: &str, value: Option<(Decimal, Decimal)>) -> &mut Self {
        match value {
            Some((low, high)) => self.hooked(
                "num",
                metric,
                &format!("{low}-{high}"),
                &range_text(low, high),
            ),
            None => self.missing(metric),
        }
    }

    /// The written nodes; elements left open are closed.
    pub fn into_fragment(mut self) -> Fragment {
        while let Some(tag) = self.open.last().map(|e| e.tag) {
            self.close(tag);
        }
        Fragment(self.done)
    }

    /// The written HTML as text.
    pub fn finish(self) -> String {
        self.into_fragment().to_html()
    }
}

/// `40–44`, or `12` when both ends agree.
pub fn range_text(low: Decimal, high: Decimal) -> String {
    if low == high {
        low.to_string()
    } else {
        format!("{low}–{high}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut m = Markup::new();
        m.element("p", &[("title", "a\"b<c>")], "Kr & öre <b>");
        assert_eq!(
            m.finish(),
            "<p title=\"a&quot;b&lt;c&gt;\">Kr &amp; öre &lt;b&gt;</p>"
        );
    }

    #[test]
    fn cells_carry_plain_hooks_and_swedish_text() {
        let mut m = Markup::new();
        m.money("x", dec!(-2028622))
            .fte("f", Some(dec!(2.8)))
            .range("p", Some((dec!(40), dec!(44))))
            .range("q", Some((dec!(12), dec!(12))))
            .missing("n");
        let mut plain = Markup::without_hooks();
        plain.money("x", dec!(5)).missing("n");
        assert_eq!(
            plain.finish(),
            "<td class=\"num\">5\u{a0}kr</td><td class=\"num\"><span aria-hidden=\"true\">–</span><span class=\"visually-hidden\">saknas</span></td>"
        );
        assert_eq!(
            m.finish(),
            "<td class=\"num num--negative\" data-metric=\"x\" data-value=\"-2028622\">−2\u{a0}028\u{a0}622\u{a0}kr</td>\
             <td class=\"num\" data-metric=\"f\" data-value=\"2.8\">2,8</td>\
             <td class=\"num\" data-metric=\"p\" data-value=\"40-44\">40–44</td>\
             <td class=\"num\" data-metric=\"q\" data-value=\"12-12\">12</td>\
             <td class=\"num\" data-metric=\"n\" data-value=\"none\"><span aria-hidden=\"true\">–</span><span class=\"visually-hidden\">saknas</span></td>"
        );
    }
}
