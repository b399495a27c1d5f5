//! Both sides of the on-demand panels (saved scenarios, comparison).
//!
//! The page ([`show`]) fetches the module `panels` (built by Trunk from
//! `src/bin/panels.rs`) the first time a panel is shown and hands each panel
//! a snapshot of what it shows: the saved scenarios as their stored document,
//! the comparison as the page link. The module ([`show_saved`],
//! [`show_comparison`]) renders the panel as its own small Yew app in the
//! page's placeholder element and sends the person's actions back as
//! [`wire`] messages, which the page's reducer receives as ordinary `Msg`s.
//! Neither panel's code is in what the page loads at start.

use crate::model::comparison::{figures, Comparison, ComparisonFigures};
use crate::model::library::{Library, SavedId};
use crate::model::link;
use crate::model::report;
use crate::model::wire;
use crate::model::workspace::Msg;
use crate::model::Dataset;
use crate::view::compare::{ComparisonProps, ComparisonView};
use crate::view::platform;
use crate::view::saved::{SavedProps, SavedScenarios};
use crate::view::share::{CopyLink, LinkTarget};
use js_sys::{Function, Object, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;
use yew::AppHandle;

// --- The page's side -------------------------------------------------------

// Kept short: this snippet is part of what the page loads at start.
#[wasm_bindgen(inline_js = "
const u = (f) => new URL(f, document.baseURI).href;
const mods = {};
let tries = 0;
// A failed import is remembered by the browser, so a retry asks with a new query.
function load(n) {
  mods[n] = mods[n] || import(u(n + '.js') + (tries ? '?retry=' + tries : '')).then((m) => m.default({ module_or_path: u(n + '_bg.wasm') }).then(() => m)).catch((e) => { mods[n] = undefined; tries++; throw e; });
  return mods[n];
}
const panels = () => load('panels');
function css() {
  if (document.getElementById('document-css')) return;
  return new Promise((ok, no) => {
    const l = Object.assign(document.createElement('link'), { id: 'document-css', rel: 'stylesheet', href: u('document.css'), onload: ok });
    l.onerror = () => { l.remove(); no(Error('document.css')); };
    document.head.append(l);
  });
}
function say(text) { document.getElementById('export-status').textContent = text; }
function excel(r) {
  say('Excel-filen görs i ordning …');
  return load('excel').then((m) => { m.download_workbook(r.link, r.name, new Date().toISOString().slice(0, 10)); say('Excel-filen är klar.'); }, (e) => { say(''); throw e; });
}
export function show_panel(k, root, s, send) { return panels().then((m) => m['show_' + k](root, s, send)); }
export function export_from_panels(r) { return r.what == 'excel' ? excel(r) : Promise.all([panels(), r.what == 'print' && css()]).then(([m]) => m.export_document(r)); }
")]
extern "C" {
    fn show_panel(kind: &str, root: &str, snapshot: JsValue, send: &Function) -> js_sys::Promise;
    fn export_from_panels(request: JsValue) -> js_sys::Promise;
}

/// What to take out of the page: printed or as a file.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// "Skriv ut beslutsunderlag": the decision document, then the browser's
    /// print dialogue.
    Print,
    /// The budget table as CSV.
    BudgetCsv,
    /// The members' table as CSV.
    MembersCsv,
    /// The workbook with live formulas (the excel module).
    Excel,
}

impl Export {
    fn name(self) -> &'static str {
        match self {
            Export::Print => "print",
            Export::BudgetCsv => "budget-csv",
            Export::MembersCsv => "members-csv",
            Export::Excel => "excel",
        }
    }
}

/// Asks the on-demand module for a document of the page as the link has it
/// (`name`: the open saved scenario's). How it went is told to `outcome`.
pub fn export(what: Export, link: String, name: Option<String>, outcome: Callback<Option<String>>) {
    let request = Object::new();
    set(&request, "what", what.name().into());
    set(&request, "link", link.into());
    set(&request, "name", name.map_or(JsValue::NULL, JsValue::from));
    settle(export_from_panels(request.into()), outcome);
}

/// Said when the module cannot be fetched (offline before the first visit).
const NOT_FETCHED: &str = "Den här delen av sidan kunde inte hämtas. Kontrollera nätverket och försök igen; det som står på sidan finns kvar.";

/// What one panel is to show.
pub enum Snapshot {
    /// The saved scenarios: hidden, or shown with the library.
    Saved {
        visible: bool,
        document: String,
        ids: Vec<SavedId>,
        open: Option<SavedId>,
        writable: bool,
        naming_request: u32,
    },
    /// The comparison: hidden, or shown for the page link.
    Comparison { visible: bool, link: String },
}

fn set(object: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(object, &key.into(), &value);
}

/// Shows (or hides) a panel, fetching the module the first time. `outcome`
/// is told, in Swedish, when the module cannot be fetched (offline before
/// the first visit, say), and `None` once it works again; the page keeps
/// working without the panel.
pub fn show(snapshot: Snapshot, send: &Function, outcome: Callback<Option<String>>) {
    let object = Object::new();
    let (kind, root) = match snapshot {
        Snapshot::Saved {
            visible,
            document,
            ids,
            open,
            writable,
            naming_request,
        } => {
            set(&object, "visible", visible.into());
            set(&object, "document", document.into());
            let list = js_sys::Array::new();
            for id in ids {
                list.push(&id.into());
            }
            set(&object, "ids", list.into());
            set(&object, "open", open.map_or(JsValue::NULL, JsValue::from));
            set(&object, "writable", writable.into());
            set(&object, "naming", naming_request.into());
            ("saved", "saved-root")
        }
        Snapshot::Comparison { visible, link } => {
            set(&object, "visible", visible.into());
            set(&object, "link", link.into());
            ("comparison", "comparison-root")
        }
    };
    settle(show_panel(kind, root, object.into(), send), outcome);
}

/// Tells `outcome` how a call into an on-demand module ended: `None` when it
/// worked (which clears an earlier failure's notice), else the notice.
fn settle(promise: js_sys::Promise, outcome: Callback<Option<String>>) {
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => outcome.emit(None),
            Err(error) => {
                gloo::console::error!("an on-demand module failed:", error);
                outcome.emit(Some(NOT_FETCHED.to_owned()));
            }
        }
    });
}

/// The function the panels call with each action: it becomes a `Msg` for the
/// page's reducer. Created once per page.
pub fn receiver(data: Rc<Dataset>, dispatch: Callback<Msg>) -> Function {
    let receive = move |kind: String, number: u32, text: String| {
        let read = |text: &str| platform::read_document(&data, text);
        if let Some(msg) = wire::decode(&kind, number, text, &read) {
            dispatch.emit(msg);
        }
    };
    Closure::<dyn Fn(String, u32, String)>::new(receive)
        .into_js_value()
        .unchecked_into()
}

// --- The module's side -----------------------------------------------------

thread_local! {
    static SAVED: RefCell<Option<AppHandle<SavedScenarios>>> = const { RefCell::new(None) };
    static COMPARISON: RefCell<Option<AppHandle<ComparisonView>>> = const { RefCell::new(None) };
    static DATA: Rc<Dataset> = Rc::new(Dataset::sfv_default().expect("the built-in data set is valid"));
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A callback that sends a panel's `Msg` to the page.
fn sender(data: Rc<Dataset>, send: Function) -> Callback<Msg> {
    Callback::from(move |msg: Msg| {
        if let Some(w) = wire::encode(&data, &msg) {
            let sent = send.call3(
                &JsValue::NULL,
                &w.kind.into(),
                &w.number.into(),
                &w.text.into(),
            );
            if let Err(error) = sent {
                gloo::console::error!("the page did not take the panel's message:", error);
            }
        }
    })
}

/// Renders nothing: the app used to claim Yew's first subtree id (below).
#[function_component(Nothing)]
fn nothing() -> Html {
    Html::default()
}

/// Yew delegates events from the root of each app, and each app tells its
/// elements apart from others' by a subtree id stored on the elements. The
/// page's app and this module's apps are two Yew runtimes that both count
/// ids from 1, so the page's app (id 1) would take the panels' events for
/// its own. Mounting one throwaway app first moves this module's ids to 2
/// and up, so each runtime handles only its own elements.
fn skip_the_pages_subtree_id() {
    thread_local!(static SKIPPED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if !SKIPPED.with(|s| s.replace(true)) {
        if let Ok(element) = gloo::utils::document().create_element("div") {
            yew::Renderer::<Nothing>::with_root(element)
                .render()
                .destroy();
        }
    }
}

/// Mounts, updates or removes one panel's app in the element `root`.
fn render<C>(
    slot: &'static std::thread::LocalKey<RefCell<Option<AppHandle<C>>>>,
    root: &str,
    props: Option<C::Properties>,
) where
    C: BaseComponent,
{
    slot.with(|cell| {
        let mut handle = cell.borrow_mut();
        match (props, handle.as_mut()) {
            (Some(props), Some(app)) => app.update(props),
            (Some(props), None) => {
                skip_the_pages_subtree_id();
                if let Some(element) = gloo::utils::document().get_element_by_id(root) {
                    *handle =
                        Some(yew::Renderer::<C>::with_root_and_props(element, props).render());
                }
            }
            (None, _) => {
                if let Some(app) = handle.take() {
                    app.destroy();
                }
            }
        }
    });
}

/// The module's entry for the saved-scenarios panel.
pub fn show_saved(root: &str, snapshot: JsValue, send: Function) {
    let data = DATA.with(Rc::clone);
    let props = get(&snapshot, "visible").is_truthy().then(|| {
        let document = get(&snapshot, "document").as_string().unwrap_or_default();
        let ids: Vec<SavedId> = js_sys::Array::from(&get(&snapshot, "ids"))
            .iter()
            .filter_map(|v| v.as_f64().map(|n| n as SavedId))
            .collect();
        // The page wrote this document a moment ago, so it reads.
        let read = platform::read_document(&data, &document).unwrap_or_default();
        SavedProps {
            library: Rc::new(Library::with_ids(read, &ids)),
            open: get(&snapshot, "open").as_f64().map(|n| n as SavedId),
            writable: get(&snapshot, "writable").is_truthy(),
            naming_request: get(&snapshot, "naming").as_f64().unwrap_or(0.0) as u32,
            dispatch: sender(data.clone(), send),
            data,
        }
    });
    render(&SAVED, root, props);
}

/// The comparison's figures, recomputed only when the columns or the member
/// changed: a slider move changes the page link (its current scenario) but
/// not the scenarios being compared.
fn cached_figures(
    data: &Dataset,
    comparison: &Comparison,
    member: Option<String>,
) -> Rc<ComparisonFigures> {
    /// The last columns and member, with their figures.
    type Cached = Option<(Comparison, Option<String>, Rc<ComparisonFigures>)>;
    thread_local! {
        static LAST: RefCell<Cached> = const { RefCell::new(None) };
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        match &*last {
            Some((c, m, figures)) if c == comparison && *m == member => figures.clone(),
            _ => {
                let computed = Rc::new(figures(data, comparison, member.as_deref()));
                *last = Some((comparison.clone(), member, computed.clone()));
                computed
            }
        }
    })
}

/// The module's entry for documents: prints the decision document or
/// downloads a CSV file for the page link in `request`.
pub fn export_document(request: JsValue) -> Result<(), JsValue> {
    let data = DATA.with(Rc::clone);
    let text = get(&request, "link").as_string().unwrap_or_default();
    let name = get(&request, "name").as_string();
    let (page, _) = link::parse(&data, &text);
    let today = platform::now();
    let date = &today[..10];
    let stem = report::file_stem(name.as_deref(), date);
    match get(&request, "what").as_string().as_deref() {
        Some("print") => {
            let location = gloo::utils::window().location();
            let base = location.href()?;
            let base = base.split('#').next().unwrap_or_default();
            let url = if text.is_empty() {
                base.to_owned()
            } else {
                format!("{base}#{text}")
            };
            let html = report::decision_document(
                &data,
                &report::DocumentRequest {
                    page: &page,
                    name: name.as_deref(),
                    printed: date,
                    link: &url,
                },
            );
            let document = gloo::utils::document();
            let root = match document.get_element_by_id("print-root") {
                Some(root) => root,
                None => {
                    let root = document.create_element("div")?;
                    root.set_id("print-root");
                    document.body().ok_or("no body")?.append_child(&root)?;
                    root
                }
            };
            root.set_inner_html(&html);
            // Once printed (or cancelled), the page prints as itself again.
            let printed = root.clone();
            gloo::events::EventListener::once(&gloo::utils::window(), "afterprint", move |_| {
                printed.set_inner_html("");
            })
            .forget();
            gloo::utils::window().print()?;
        }
        Some(what) => {
            let table = if what == "members-csv" {
                report::CsvTable::Members
            } else {
                report::CsvTable::Budget
            };
            let (file, bytes) = report::csv_file(&data, &page.scenario, table, &stem);
            // The CSV writer writes UTF-8 (the BOM included).
            let text = String::from_utf8(bytes).map_err(|_| "CSV is not UTF-8")?;
            platform::download(&file, "text/csv;charset=utf-8", &text)?;
        }
        None => {}
    }
    Ok(())
}

/// The module's entry for the comparison.
pub fn show_comparison(root: &str, snapshot: JsValue, send: Function) {
    let data = DATA.with(Rc::clone);
    let props = get(&snapshot, "visible").is_truthy().then(|| {
        let text = get(&snapshot, "link").as_string().unwrap_or_default();
        let (page, _) = link::parse(&data, &text);
        let member_name = page.member.as_ref().and_then(|id| {
            data.members
                .list
                .iter()
                .find(|m| &m.id == id)
                .map(|m| AttrValue::from(m.name.clone()))
        });
        let compared = cached_figures(&data, &page.comparison, page.member.clone());
        let target = LinkTarget::Page(Rc::new(page));
        ComparisonProps {
            compared,
            dispatch: sender(data.clone(), send),
            copy_link: html! {
                <CopyLink data={data.clone()} target={target}
                    label="Kopiera länk till jämförelsen" what="jämförelsen" test_id="compare-share-status" />
            },
            member_name,
        }
    });
    render(&COMPARISON, root, props);
}
