//! Written HTML ([`Fragment`]) as virtual DOM. The tables and charts the
//! export layer writes once for the page and the document are rendered here
//! node by node, so Yew's diff touches only the figures a slider move
//! changed; inserting them as raw HTML replaced every table and chart on
//! every move, which was the largest cost of an input (`.ci/bench`).

use crate::export::markup::{Element, Fragment, Node};
use std::rc::Rc;
use yew::virtual_dom::{VList, VNode, VTag, VText};
use yew::{function_component, html, AttrValue, Html, Properties};

/// The fragment as Yew nodes. Each table row is a component of its own
/// (taking the row, not a copy): a row whose cells are as they were skips
/// re-rendering, so a slider move diffs only the rows it changed.
pub fn render(fragment: Fragment) -> Html {
    nodes(fragment.0)
}

fn nodes(list: Vec<Node>) -> Html {
    VNode::VList(Rc::new(VList::with_children(
        list.into_iter().map(node).collect(),
        None,
    )))
}

fn node(n: Node) -> VNode {
    match n {
        Node::Text(text) => VNode::VText(VText::new(AttrValue::from(text))),
        Node::Element(e) if e.tag == "tr" => html! { <Row row={Rc::new(e)} /> },
        Node::Element(e) => {
            let mut tag = tag(&e);
            tag.add_children(e.children.into_iter().map(node));
            VNode::VTag(Rc::new(tag))
        }
    }
}

/// An element's tag with its attributes, without its children.
fn tag(e: &Element) -> VTag {
    let mut tag = VTag::new(e.tag);
    for (name, value) in &e.attributes {
        tag.add_attribute(name, AttrValue::from(value.clone()));
    }
    tag
}

/// A node of a row, from the row the component holds.
fn borrowed(n: &Node) -> VNode {
    match n {
        Node::Text(text) => VNode::VText(VText::new(AttrValue::from(text.clone()))),
        Node::Element(e) => {
            let mut tag = tag(e);
            tag.add_children(e.children.iter().map(borrowed));
            VNode::VTag(Rc::new(tag))
        }
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    row: Rc<Element>,
}

#[function_component(Row)]
fn row(props: &RowProps) -> Html {
    let mut tag = tag(&props.row);
    tag.add_children(props.row.children.iter().map(borrowed));
    VNode::VTag(Rc::new(tag))
}
