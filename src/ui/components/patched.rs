//! A large written table kept up to date by patching only what changed.
//!
//! The members' table, the charts and the team tables have hundreds of
//! nodes each, and a slider move changes a few dozen of their figures.
//! Built as virtual DOM, each move rebuilt and diffed the changed rows node
//! by node; here Yew owns only the frame, the export
//! layer's [`Fragment`] is written into it once as HTML, and each later
//! fragment is compared with the last one in Rust: a changed text or
//! attribute is set on the DOM node it belongs to, held from the first
//! writing, and nothing else is touched. Any change of shape (another
//! member picked, a year added) writes the whole fragment again, so the DOM
//! always equals the fragment. (The budget table stays virtual DOM with a
//! component per row: with hundreds of lines, writing every row's figures
//! as text on each move cost more than diffing the few rows that changed.)

use crate::export::markup::{Fragment, Node};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PatchedProps {
    pub fragment: Rc<Fragment>,
    /// The frame's class.
    pub class: AttrValue,
    /// The frame as a labelled, focusable region (a table that scrolls
    /// sideways can then be scrolled with the keyboard).
    #[prop_or_default]
    pub region: Option<AttrValue>,
}

/// A DOM node of the written fragment, with its children, held so that a
/// patch reaches it without walking the DOM.
struct Mirror {
    node: web_sys::Node,
    children: Vec<Mirror>,
}

/// What is in the frame now: the fragment and its DOM nodes (none when the
/// parsed DOM did not have the fragment's shape, so every change rewrites).
type Written = Option<(Rc<Fragment>, Option<Vec<Mirror>>)>;

#[function_component(Patched)]
pub fn patched(props: &PatchedProps) -> Html {
    let frame = use_node_ref();
    let written = use_mut_ref(|| -> Written { None });
    {
        // After every render: Yew renders this component only when its props
        // differ (compared once, there), and the patch compares node by node.
        let frame = frame.clone();
        let fragment = props.fragment.clone();
        use_effect(move || {
            if let Some(frame) = frame.cast::<web_sys::Element>() {
                write(&frame, &written, &fragment);
            }
        });
    }
    let (tabindex, role) = match props.region {
        Some(_) => (Some("0"), Some("region")),
        None => (None, None),
    };
    html! {
        <div ref={frame} class={props.class.clone()} {tabindex} {role} aria-label={props.region.clone()} />
    }
}

fn write(frame: &web_sys::Element, written: &RefCell<Written>, fragment: &Rc<Fragment>) {
    let mut written = written.borrow_mut();
    if let Some((old, Some(mirrors))) = written.as_ref() {
        if Rc::ptr_eq(old, fragment) {
            return;
        }
        if patch_list(mirrors, &old.0, &fragment.0) {
            if let Some((old, _)) = written.as_mut() {
                *old = fragment.clone();
            }
            return;
        }
    }
    frame.set_inner_html(&fragment.to_html());
    let mirrors = mirror_list(frame, &fragment.0);
    #[cfg(debug_assertions)]
    if mirrors.is_none() {
        // Still correct (every change rewrites), but the fast path is lost:
        // the writer made something the HTML parser reshapes.
        gloo::console::warn!("patched: the parsed DOM differs from the fragment's shape");
    }
    *written = Some((fragment.clone(), mirrors));
}

/// The DOM children of `parent` paired with `nodes`, if they match one to
/// one (the parser may merge adjacent texts or add an element).
fn mirror_list(parent: &web_sys::Node, nodes: &[Node]) -> Option<Vec<Mirror>> {
    let children = parent.child_nodes();
    if children.length() as usize != nodes.len() {
        return None;
    }
    nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            let dom = children.item(i as u32)?;
            match node {
                Node::Text(_) if dom.node_type() == web_sys::Node::TEXT_NODE => Some(Mirror {
                    node: dom,
                    children: Vec::new(),
                }),
                Node::Element(e)
                    if dom.node_type() == web_sys::Node::ELEMENT_NODE
                        && dom.node_name().eq_ignore_ascii_case(e.tag) =>
                {
                    Some(Mirror {
                        children: mirror_list(&dom, &e.children)?,
                        node: dom,
                    })
                }
                _ => None,
            }
        })
        .collect()
}

/// Sets on the DOM what differs between `old` and `new`; false when their
/// shapes differ (then the caller writes `new` whole).
fn patch_list(mirrors: &[Mirror], old: &[Node], new: &[Node]) -> bool {
    old.len() == new.len()
        && mirrors
            .iter()
            .zip(old.iter().zip(new))
            .all(|(mirror, (old, new))| old == new || patch(mirror, old, new))
}

fn patch(mirror: &Mirror, old: &Node, new: &Node) -> bool {
    match (old, new) {
        (Node::Text(_), Node::Text(text)) => {
            mirror.node.set_node_value(Some(text));
            true
        }
        (Node::Element(old), Node::Element(new))
            if old.tag == new.tag && old.attributes.len() == new.attributes.len() =>
        {
            let element: &web_sys::Element = mirror.node.unchecked_ref();
            for ((old_name, old_value), (name, value)) in old.attributes.iter().zip(&new.attributes)
            {
                if old_name != name {
                    return false;
                }
                if old_value != value {
                    let _ = element.set_attribute(name, value);
                }
            }
            patch_list(&mirror.children, &old.children, &new.children)
        }
        _ => false,
    }
}
