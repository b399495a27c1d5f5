//! Component tests in headless Chromium (wasm-bindgen-test): the real app is
//! mounted, real DOM events are fired, and the figures in the DOM are checked.
#![cfg(target_arch = "wasm32")]

use budgetsimulatorn::core::Field;
use budgetsimulatorn::state::library::Library;
use budgetsimulatorn::state::link;
use budgetsimulatorn::state::update::Action;
use budgetsimulatorn::state::workspace::{Msg, Workspace};
use budgetsimulatorn::ui::app::App;
use budgetsimulatorn::ui::state::AppState;
use gloo::utils::{document, window};
use rust_decimal::Decimal;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, InputEvent, InputEventInit};
use yew::{AppHandle, Reducible};

wasm_bindgen_test_configure!(run_in_browser);

struct Mounted {
    root: Element,
    handle: Option<AppHandle<App>>,
}

impl Mounted {
    fn metric(&self, name: &str) -> String {
        self.root
            .query_selector(&format!("[data-metric=\"{name}\"]"))
            .unwrap()
            .unwrap_or_else(|| panic!("no element for {name}"))
            .get_attribute("data-value")
            .unwrap()
    }

    fn text_of(&self, name: &str) -> String {
        self.root
            .query_selector(&format!("[data-metric=\"{name}\"]"))
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
            .trim()
            .to_owned()
    }

    fn by_test_id(&self, id: &str) -> Option<Element> {
        self.root
            .query_selector(&format!("[data-testid=\"{id}\"]"))
            .unwrap()
    }

    fn input(&self, id: &str) -> HtmlInputElement {
        self.root
            .query_selector(&format!("#{id}"))
            .unwrap()
            .unwrap_or_else(|| panic!("no #{id}"))
            .dyn_into()
            .unwrap()
    }

    async fn type_into(&self, id: &str, text: &str) {
        let input = self.input(id);
        input.set_value(text);
        let init = InputEventInit::new();
        init.set_bubbles(true);
        let event = InputEvent::new_with_event_init_dict("input", &init).unwrap();
        input.dispatch_event(&event).unwrap();
        yew::scheduler::flush().await;
    }

    async fn destroy(mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

fn set_fragment(fragment: &str) {
    let url = if fragment.is_empty() {
        window().location().pathname().unwrap()
    } else {
        format!("{}#{fragment}", window().location().pathname().unwrap())
    };
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
        .unwrap();
}

/// The address fragment once the debounced write has had time to happen.
async fn address_after_rest() -> String {
    gloo_timers::future::TimeoutFuture::new(budgetsimulatorn::ui::URL_WRITE_DELAY_MS + 100).await;
    window().location().hash().unwrap()
}

async fn mount(fragment: &str) -> Mounted {
    set_fragment(fragment);
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let props = budgetsimulatorn::ui::builtin_props().expect("the built-in data set is valid");
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    Mounted {
        root,
        handle: Some(handle),
    }
}

#[wasm_bindgen_test]
async fn default_page_shows_the_spec_figures() {
    let app = mount("").await;
    assert_eq!(app.metric("closing-2024"), "1918000");
    assert_eq!(app.metric("result-2024"), "-1945000");
    assert_eq!(app.metric("costs-2025"), "18967073");
    assert_eq!(app.metric("result-2025"), "-9073");
    assert_eq!(app.metric("closing-2026"), "-119695");
    assert_eq!(app.metric("closing-2027"), "-2148317");
    assert_eq!(
        app.text_of("closing-2027"),
        "\u{2212}2\u{a0}148\u{a0}317\u{a0}kr"
    );
    assert_eq!(app.metric("balancing-funding-2026"), "85.0");
    assert_eq!(app.metric("share-individ-2024"), "76.8");
    assert_eq!(app.metric("line-team_fns-2024"), "1525000");
    assert_eq!(app.metric("topup-team_fns-2026"), "0");
    let live = app.by_test_id("live-region").expect("live region");
    assert_eq!(live.get_attribute("aria-live").as_deref(), Some("polite"));
    assert!(live.text_content().unwrap().contains("2\u{a0}148\u{a0}317"));
    app.destroy().await;
}

#[wasm_bindgen_test]
async fn slider_input_recomputes_and_updates_the_link() {
    let app = mount("").await;
    app.type_into("f2026", "80").await;
    // Teams at 80 %: 2 704 100 less in costs → result 675 478 (see model tests).
    assert_eq!(app.metric("result-2026"), "675478");
    assert_eq!(app.metric("closing-2026"), "2584405");
    assert_eq!(app.metric("closing-2027"), "555783");
    assert_eq!(app.metric("topup-team_fns-2026"), "330000");
    assert_eq!(app.input("f2026-tal").value(), "80");
    // The address follows once the scenario has rested.
    assert_eq!(address_after_rest().await, "#f2026=80");
    app.destroy().await;
}

#[wasm_bindgen_test]
async fn invalid_text_is_kept_with_a_message_and_the_scenario_stands() {
    let app = mount("").await;
    app.type_into("f2026-tal", "8o").await;
    let field = app.input("f2026-tal");
    assert_eq!(field.value(), "8o");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    let error = app.root.query_selector("#f2026-tal-fel").unwrap().unwrap();
    assert_eq!(error.text_content().unwrap(), "”8o” är inte ett tal.");
    assert_eq!(app.metric("result-2026"), "-2028622");
    // Corrected with a decimal comma, it applies at once.
    app.type_into("f2026-tal", "82,5").await;
    assert_eq!(app.input("f2026").value(), "82.5");
    assert_eq!(app.input("f2026-tal").get_attribute("aria-invalid"), None);
    app.type_into("f2026-tal", "101").await;
    assert_eq!(
        error.text_content().unwrap(),
        "101\u{a0}% ligger utanför det tillåtna intervallet 0\u{a0}% till 100\u{a0}%."
    );
    assert_eq!(app.input("f2026").value(), "82.5");
    app.destroy().await;
}

#[wasm_bindgen_test]
async fn a_link_is_restored_and_broken_entries_are_named() {
    let app = mount("f2026=70&s2026=70&f2027=abc&nonsense=1").await;
    assert_eq!(app.input("f2026").value(), "70");
    assert_eq!(app.input("s2026").value(), "70");
    assert_eq!(app.metric("share-individ-2026"), "70.0");
    assert_eq!(app.metric("balancing-funding-2026"), "82.0");
    let notice = app.by_test_id("url-notice").expect("notice shown");
    let text = notice.text_content().unwrap();
    assert!(
        text.contains("”f2027=abc”: ”abc” är inte ett tal."),
        "{text}"
    );
    assert!(text.contains("”nonsense=1”: okänd inställning."), "{text}");
    // The malformed f2027 was skipped: 2027 keeps the default level.
    assert_eq!(app.input("f2027").value(), "100");
    app.destroy().await;
}

#[wasm_bindgen_test]
async fn the_use_button_applies_the_balancing_level() {
    let app = mount("").await;
    let button: HtmlElement = app
        .root
        .query_selector("button[aria-label=\"Använd 85,0\u{a0}% som finansieringsnivå 2026\"]")
        .unwrap()
        .expect("apply button for 2026")
        .dyn_into()
        .unwrap();
    button.click();
    yew::scheduler::flush().await;
    assert_eq!(app.input("f2026").value(), "85");
    // At 85,0 % the result is −547 kr (rounding of the level, see model tests).
    assert_eq!(app.metric("result-2026"), "-547");
    app.destroy().await;
}

#[wasm_bindgen_test]
fn a_no_op_action_returns_the_same_state() {
    let (data, file) = budgetsimulatorn::ui::builtin().unwrap();
    let (page, _) = link::parse(&data, "");
    let presets = budgetsimulatorn::state::presets::presets_for(&data, &file);
    let ws = Workspace::new(Rc::new(data), Rc::new(presets), page, Library::default());
    let state = Rc::new(AppState::new(ws));
    let same = state.clone().reduce(Msg::Edit(Action::Set(
        Field::Funding(2026),
        Some(Decimal::ONE_HUNDRED),
    )));
    assert!(Rc::ptr_eq(&state, &same));
    // Undo with nothing to undo, a preset already shown: the same state.
    assert!(Rc::ptr_eq(&state, &state.clone().reduce(Msg::Undo)));
    assert!(Rc::ptr_eq(
        &state,
        &state.clone().reduce(Msg::ApplyPreset("nulage".into()))
    ));
    let changed = state.clone().reduce(Msg::Edit(Action::Set(
        Field::Funding(2026),
        Some(Decimal::from(90)),
    )));
    assert!(!Rc::ptr_eq(&state, &changed));
    assert!(!Rc::ptr_eq(
        &state.derived.projection,
        &changed.derived.projection
    ));
    // Meeting mode leaves the scenario's figures as they were.
    let meeting = state.clone().reduce(Msg::SetMeeting(true));
    assert!(!Rc::ptr_eq(&state, &meeting));
    assert!(Rc::ptr_eq(
        &state.derived.projection,
        &meeting.derived.projection
    ));
    assert!(Rc::ptr_eq(&state.derived.table, &meeting.derived.table));
    assert!(Rc::ptr_eq(
        &state.derived.staffing,
        &meeting.derived.staffing
    ));
}

#[wasm_bindgen_test]
async fn kronor_and_percent_change_fields_take_swedish_notation() {
    let app = mount("").await;
    app.type_into("eq", "1 500 000").await;
    assert_eq!(app.metric("opening-2025"), "1500000");
    app.type_into("eq", "1,5").await;
    let error = app.root.query_selector("#eq-fel").unwrap().unwrap();
    assert_eq!(
        error.text_content().unwrap(),
        "Ange hela kronor (”1,5” har decimaler)."
    );
    assert_eq!(app.metric("opening-2025"), "1500000");
    // +2,5 % on 18 958 000 = 19 431 950; the krona field follows.
    app.type_into("rev2026-andring", "2,5").await;
    assert_eq!(app.metric("revenue-2026"), "19431950");
    assert_eq!(app.input("rev2026").value(), "19\u{a0}431\u{a0}950");
    // 2027 keeps its kronor, so its change against 2026 is now −2,4 %.
    assert_eq!(app.input("rev2027-andring").value(), "\u{2212}2,4");
    app.destroy().await;
}

#[wasm_bindgen_test]
async fn reset_restores_the_defaults_and_warnings_follow_equity() {
    let app = mount("f2026=80&growth=2").await;
    let card_2026 = || {
        app.root
            .query_selector("[aria-labelledby=\"card-2026\"]")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    // 2026 at 80 % keeps equity positive and under the guideline: no warning.
    assert!(!card_2026().contains("negativt eget kapital"));
    let reset: HtmlElement = app
        .root
        .query_selector("button.reset")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    reset.click();
    yew::scheduler::flush().await;
    assert_eq!(app.input("f2026").value(), "100");
    assert_eq!(app.input("growth").value(), "0");
    assert_eq!(app.metric("closing-2026"), "-119695");
    assert!(card_2026().contains("Varning: negativt eget kapital"));
    assert_eq!(address_after_rest().await, "");
    app.destroy().await;
}

#[wasm_bindgen_test]
async fn a_link_edited_in_the_address_bar_applies_at_once() {
    let app = mount("").await;
    // Setting location.hash fires `hashchange`, as editing the address does.
    window().location().set_hash("f2026=80&zzz=1").unwrap();
    gloo_timers::future::TimeoutFuture::new(50).await;
    yew::scheduler::flush().await;
    assert_eq!(app.metric("result-2026"), "675478");
    let notice = app.by_test_id("url-notice").expect("notice for zzz");
    assert!(notice.text_content().unwrap().contains("”zzz=1”"));
    // The address is then rewritten in its normal form, without the unknown key.
    assert_eq!(address_after_rest().await, "#f2026=80");
    app.destroy().await;
}
