//! HTML written as text for the read-only tables (members, a member's own
//! view, the teams' staffing). The page inserts the text as one raw node:
//! a table written element by element with `html!` compiles to construction
//! code per element, which the start-up budget cannot afford for tables this
//! size, while one small writer serves them all. Every text and attribute
//! value is escaped here, so callers never build markup by hand.

use crate::export::format::{
    decimal_comma, kronor_kr, metric_kronor, metric_one_decimal, metric_percent, percent,
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

/// An HTML fragment being written.
#[derive(Debug, Default)]
pub struct Markup {
    text: String,
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

    /// `<tag a="v" …>`, with the attribute values escaped; attributes with an
    /// empty value are left out.
    pub fn open(&mut self, tag: &str, attributes: &[(&str, &str)]) -> &mut Self {
        self.text.push('<');
        self.text.push_str(tag);
        for (name, value) in attributes.iter().filter(|(_, v)| !v.is_empty()) {
            self.text.push(' ');
            self.text.push_str(name);
            self.text.push_str("=\"");
            self.text.push_str(&escape(value));
            self.text.push('"');
        }
        self.text.push('>');
        self
    }

    pub fn close(&mut self, tag: &str) -> &mut Self {
        self.text.push_str("</");
        self.text.push_str(tag);
        self.text.push('>');
        self
    }

    /// Escaped text.
    pub fn text(&mut self, text: &str) -> &mut Self {
        self.text.push_str(&escape(text));
        self
    }

    /// `<tag …>text</tag>`.
    pub fn element(&mut self, tag: &str, attributes: &[(&str, &str)], text: &str) -> &mut Self {
        self.open(tag, attributes).text(text).close(tag)
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

    pub fn finish(self) -> String {
        self.text
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
