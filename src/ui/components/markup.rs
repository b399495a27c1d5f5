//! Written HTML ([`Fragment`]) as virtual DOM, for the small written views
//! (a member's own view with its copy buttons, the follow-up): rendered
//! node by node, so Yew's diff touches only what changed. The large tables
//! and the charts are patched in place instead (`patched`).

use crate::export::markup::{Element, Fragment, Node};
use std::cell::RefCell;
use std::rc::Rc;
use yew::virtual_dom::{AttributeOrProperty, Attributes, VList, VNode, VTag, VText};
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
    if !e.attributes.is_empty() {
        let values = e
            .attributes
            .iter()
            .map(|(_, value)| {
                Some(AttributeOrProperty::Attribute(AttrValue::from(
                    value.clone(),
                )))
            })
            .collect();
        tag.set_attributes(Attributes::Dynamic {
            keys: names_of(&e.attributes),
            values,
        });
    }
    tag
}

thread_local! {
    /// Each list of attribute names the export writer has used, made
    /// `'static` once. The writer's names are its own constants and it
    /// leaves out only empty values, so the lists are few (a few dozen for
    /// the whole page) and this never grows with use. With one list for an
    /// element from render to render, Yew compares its attributes by
    /// position instead of by a hash map per element.
    static NAME_LISTS: RefCell<Vec<&'static [&'static str]>> = const { RefCell::new(Vec::new()) };
}

fn names_of(attributes: &[(&'static str, String)]) -> &'static [&'static str] {
    NAME_LISTS.with(|lists| {
        let mut lists = lists.borrow_mut();
        let same = |list: &&&'static [&'static str]| {
            list.len() == attributes.len() && list.iter().zip(attributes).all(|(a, (b, _))| a == b)
        };
        if let Some(list) = lists.iter().find(same) {
            return *list;
        }
        let list: &'static [&'static str] = Box::leak(
            attributes
                .iter()
                .map(|(name, _)| *name)
                .collect::<Box<[_]>>(),
        );
        lists.push(list);
        list
    })
}

/// A node of a row, from the row the component holds.
fn borrowed(n: &Node) -> VNode {
    match n {
        Node::Text(text) => VNode::VText(VText::new(AttrValue::from(text.clone()))),
        Node::Element(e) => element(e),
    }
}

fn element(e: &Element) -> VNode {
    let mut tag = tag(e);
    tag.add_children(e.children.iter().map(borrowed));
    VNode::VTag(Rc::new(tag))
}

#[derive(Properties, PartialEq)]
struct RowProps {
    row: Rc<Element>,
}

#[function_component(Row)]
fn row(props: &RowProps) -> Html {
    element(&props.row)
}
