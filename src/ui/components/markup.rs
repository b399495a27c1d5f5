//! Written HTML ([`Fragment`]) as virtual DOM. The tables and charts the
//! export layer writes once for the page and the document are rendered here
//! node by node, so Yew's diff touches only the figures a slider move
//! changed; inserting them as raw HTML replaced every table and chart on
//! every move, which was the largest cost of an input (`.ci/bench`).

use crate::export::markup::{Fragment, Node};
use yew::virtual_dom::{VList, VNode, VTag, VText};
use yew::{AttrValue, Html};

/// The fragment as Yew nodes.
pub fn render(fragment: &Fragment) -> Html {
    nodes(&fragment.0)
}

fn nodes(list: &[Node]) -> Html {
    VNode::VList(std::rc::Rc::new(VList::with_children(
        list.iter().map(node).collect(),
        None,
    )))
}

fn node(n: &Node) -> VNode {
    match n {
        Node::Text(text) => VNode::VText(VText::new(AttrValue::from(text.clone()))),
        Node::Element(e) => {
            let mut tag = VTag::new(e.tag);
            for (name, value) in &e.attributes {
                tag.add_attribute(name, AttrValue::from(value.clone()));
            }
            tag.add_children(e.children.iter().map(node));
            VNode::VTag(std::rc::Rc::new(tag))
        }
    }
}
