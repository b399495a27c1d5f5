//! The whole page: the root component owns the one reducer (`state`) and
//! wires the effects (`hooks`); every section below gets props and
//! callbacks. What the sections are, in order: the header (what the board is
//! deciding), the proposals and the tool row, the notices, the saved
//! scenarios, then the controls beside the results (year cards, a member's
//! own view, the comparison, the chart, the budget table, the members, the
//! staffing, the sources).

use crate::core::Dataset;
use crate::export::format::kronor_kr;
use crate::export::words::{split_description, summary};
use crate::page::meeting::comparison_steps;
use crate::page::member_jump;
use crate::state::fragment::IgnoreReason;
use crate::state::fragment::IgnoredEntry;
use crate::state::link;
use crate::state::opening::opening_data;
use crate::state::presets::{presets_for, PresetFile};
use crate::state::update::Action;
use crate::state::workspace::{Msg, Notice, Workspace};
use crate::ui::components::chart::EquityChartView;
use crate::ui::components::compare::ComparisonView;
use crate::ui::components::controls::controls;
use crate::ui::components::data_panel::DataPanel;
use crate::ui::components::followup::FollowUpSection;
use crate::ui::components::headline::{Headline, ResultLine};
use crate::ui::components::inputs::Inputs;
use crate::ui::components::members::{MemberView, MembersSection};
use crate::ui::components::motivation::Motivation;
use crate::ui::components::presets::presets_bar;
use crate::ui::components::provenance::Provenance;
use crate::ui::components::risk::RiskPanel;
use crate::ui::components::saved::SavedScenarios;
use crate::ui::components::share::{CopyLink, LinkTarget};
use crate::ui::components::staffing::StaffingSection;
use crate::ui::components::table::BudgetTableView;
use crate::ui::components::toolbar::{toolbar, Export, ToolbarState};
use crate::ui::hooks::address::{use_address_edits, use_address_mirror};
use crate::ui::hooks::exports::{use_exports, ExportSource};
use crate::ui::hooks::keys::{use_keys, use_meeting_view_from_top};
use crate::ui::hooks::storage::{use_dataset_storage, use_library_storage};
use crate::ui::platform::{self, storage, url};
use crate::ui::state::AppState;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The data set the page starts with: SFV's, or the deployer's own.
    pub builtin: Rc<Dataset>,
    pub preset_file: Rc<PresetFile>,
    /// Why the deployer's `dataunderlag.json` could not be used.
    pub start_notice: Option<AttrValue>,
    /// The data set the opening link carries, or why it cannot be read.
    pub carried: Option<Rc<Result<Dataset, String>>>,
}

/// A notice with a close button that moves focus to the results.
fn dismissable(
    class: &'static str,
    role: &'static str,
    test_id: &'static str,
    body: Html,
    close: Callback<MouseEvent>,
) -> Html {
    html! {
        <div class={classes!("notice", class)} {role} data-testid={test_id}>
            { body }
            <button type="button" class="button button--small" onclick={close}>{"Stäng meddelandet"}</button>
        </div>
    }
}

/// The answer to the last action (saved, imported, comparison full, …).
fn workspace_notice(notice: Option<&Notice>, dispatch: &Callback<Msg>) -> Html {
    // Both buttons remove themselves: focus moves on to a stable place.
    let send = |msg: Msg, focus: &'static str| {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            d.emit(msg.clone());
            platform::focus_element(focus);
        })
    };
    // The live region is always in the DOM, so screen readers hear each new text.
    html! {
        <div class="workspace-notice" role="status" data-testid="workspace-notice">
            { match notice {
                None => html! {},
                Some(notice) => {
                    let (class, text) = match notice {
                        Notice::Info(text) => ("notice--info", text.clone()),
                        Notice::Warning(text) => ("notice--warning", text.clone()),
                        Notice::Deleted { name } => ("notice--info", format!("”{name}” är borttaget.")),
                        Notice::DeletedDataset { name } => ("notice--info", format!("Dataunderlaget ”{name}” är borttaget. Scenarier som hör till det finns kvar.")),
                        Notice::Carried { name, saved: None } => ("notice--info", format!("Länken har ett eget dataunderlag, ”{name}”, som visas men inte är sparat i den här webbläsaren.")),
                        Notice::Carried { name, saved: Some((_, saved)) } => ("notice--info", format!("Länken har en annan version av dataunderlaget ”{saved}” än den som är sparad här (kanske en äldre länk). Länkens version, ”{name}”, visas men är inte sparad.")),
                    };
                    html! {
                        <div class={classes!("notice", class)}>
                            <p>{ text }</p>
                            if matches!(notice, Notice::Deleted { .. }) {
                                <button type="button" class="button button--small" onclick={send(Msg::UndoDelete, "saved-title")}>{"Ångra borttagningen"}</button>
                            }
                            if matches!(notice, Notice::DeletedDataset { .. }) {
                                <button type="button" class="button button--small" onclick={send(Msg::UndoDeleteDataset, "data-title")}>{"Ångra borttagningen"}</button>
                            }
                            if let Notice::Carried { saved, .. } = notice {
                                if let Some((id, _)) = saved {
                                    <button type="button" class="button button--small" onclick={send(Msg::UseDataset(Some(id.clone())), "resultat")}>{"Använd den sparade versionen"}</button>
                                }
                                <button type="button" class="button button--small" onclick={send(Msg::SaveCarried, "data-title")}>{ if saved.is_some() { "Spara länkens version som ett nytt" } else { "Spara dataunderlaget" } }</button>
                            }
                            <button type="button" class="button button--small button--secondary" onclick={send(Msg::DismissNotice, "resultat")}>{"Stäng"}</button>
                        </div>
                    }
                }
            } }
        </div>
    }
}

/// A link to a part of the page that moves there without changing the
/// address: the fragment holds the scenario, and `#resultat` in it would be
/// read as a new (empty) scenario link.
fn jump(id: &'static str) -> Callback<MouseEvent> {
    Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        platform::jump_to(id);
    })
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // The link the page was opened with and the stored scenarios: read once, at the edge.
    let own = use_memo((), |_| storage::load_datasets());
    // The data set in use at start: the one the link carries (the saved
    // copy when this browser has it); for a plain address the own data set
    // this browser used last; else the built-in one.
    let last_used = use_memo((), {
        let own = own.clone();
        move |_| {
            url::current_fragment()
                .is_empty()
                .then(storage::remembered_dataset)
                .flatten()
                .and_then(|id| own.value.get(&id).cloned())
                .map(Rc::new)
        }
    });
    let start_data = {
        let (builtin, own, carried) = (props.builtin.clone(), own.clone(), props.carried.clone());
        let last_used = last_used.clone();
        use_memo((), move |_| {
            opening_data(
                &builtin,
                &own.value,
                carried.as_deref(),
                (*last_used).as_deref(),
            )
        })
    };
    let opened = {
        let data = start_data.clone();
        let carried = props.carried.clone();
        use_memo((), move |_| {
            let (page, mut ignored) = link::parse(&data, &url::current_fragment());
            if let Some(Err(problem)) = carried.as_deref() {
                ignored.push(IgnoredEntry::new(
                    link::DATA_KEY.to_owned() + "=…",
                    IgnoreReason::BadData(problem.clone()),
                ));
            }
            (page, ignored)
        })
    };
    let loaded = {
        let (builtin, own) = (props.builtin.clone(), own.clone());
        use_memo((), move |_| storage::load_library(&builtin, &own.value))
    };
    let ignored = {
        let opened = opened.clone();
        use_state_eq(move || opened.1.clone())
    };
    let storage_notice = {
        let (loaded, own, start) = (loaded.clone(), own.clone(), props.start_notice.clone());
        use_state_eq(move || {
            let notices: Vec<String> = [
                loaded.notice.clone(),
                own.notice.clone(),
                start.map(|s| s.to_string()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!notices.is_empty()).then(|| notices.join(" "))
        })
    };
    let url_error = use_state_eq(|| None::<String>);
    let saved_open = {
        let loaded = loaded.clone();
        use_state_eq(move || !loaded.value.scenarios.is_empty())
    };
    let naming_request = use_state_eq(|| 0u32);
    let data_open = use_state_eq(|| false);
    // Once opened, the data panel stays mounted (hidden while closed), so a
    // budget preview half answered survives closing the panel.
    let data_mounted = use_state_eq(|| false);
    let state = {
        let (builtin, file) = (props.builtin.clone(), props.preset_file.clone());
        let (data, own) = (start_data.clone(), own.clone());
        let (opened, loaded, last_used) = (opened.clone(), loaded.clone(), last_used.clone());
        use_reducer(move || {
            let presets = Rc::new(presets_for(&data, &file));
            let mut ws = Workspace::new(
                (*data).clone(),
                presets,
                opened.0.clone(),
                loaded.value.clone(),
            )
            .with_catalog(builtin, file, own.value.clone());
            if let Some(uid) = storage::remembered_open() {
                ws.reattach(&uid);
            }
            if let Some(last) = last_used.as_ref() {
                ws.notice = Some(Notice::Info(format!(
                    "Sidan visar ”{}”, det dataunderlag du använde senast i den här webbläsaren. Byt under ”Byt, ändra eller importera”.",
                    last.name
                )));
            }
            AppState::new(ws)
        })
    };
    // Callbacks for the app's lifetime: children whose other props are
    // unchanged then compare equal and skip re-rendering.
    let send = {
        let dispatcher = state.dispatcher();
        use_callback((), move |msg: Msg, _| dispatcher.dispatch(msg))
    };
    let dispatch = {
        let dispatcher = state.dispatcher();
        use_callback((), move |action: Action, _| {
            dispatcher.dispatch(Msg::Edit(action))
        })
    };
    let ws = &state.ws;
    let page_link = {
        let deps = (
            ws.scenario.clone(),
            ws.motivation.clone(),
            ws.comparison.clone(),
            ws.meeting,
            ws.member.clone(),
            ws.risk,
        );
        let state = state.clone();
        use_memo(deps, move |_| state.ws.page_link())
    };
    let carried_data = (!ws.uses_builtin()).then(|| ws.data.clone());
    use_address_mirror(page_link.clone(), carried_data.clone(), url_error.clone());
    use_address_edits(props.builtin.clone(), send.clone(), ignored.clone());
    use_dataset_storage(
        ws.datasets.clone(),
        ws.data_to_remember(),
        own.writable,
        send.clone(),
        storage_notice.clone(),
    );
    use_library_storage(
        (props.builtin.clone(), ws.datasets.clone()),
        ws.library.clone(),
        ws.open_saved.clone(),
        loaded.writable,
        send.clone(),
        storage_notice.clone(),
    );
    use_keys(send.clone());
    use_meeting_view_from_top(ws.meeting);
    // The tab's title names whose budget it is.
    use_effect_with(ws.data.organisation.clone(), |organisation| {
        gloo::utils::document().set_title(&format!("Budgetsimulatorn – {organisation}"));
    });
    let open_name = ws.open_entry().map(|e| e.name.clone());
    let shown_summary = summary(&ws.data, &ws.scenario);
    // The share menu says which scenario its files are of.
    let export_for = match &open_name {
        Some(name) => format!("Gäller det öppna scenariot ”{name}”."),
        None => format!("Gäller scenariot som visas: {shown_summary}."),
    };
    let (on_export, export_status) = use_exports(ExportSource {
        data: ws.data.clone(),
        page: page_link.clone(),
        title: open_name.clone().unwrap_or(shown_summary),
        // The document names the scenario: the open saved one, else the
        // proposal (preset) it is.
        name: open_name
            .clone()
            .or_else(|| ws.active_preset().map(|p| p.name.clone())),
        carried: !ws.uses_builtin(),
    });

    let close = |handle: UseStateHandle<Option<String>>| {
        Callback::from(move |_| {
            handle.set(None);
            platform::focus_element("resultat");
        })
    };
    let dismiss_ignored = {
        let ignored = ignored.clone();
        Callback::from(move |_| {
            ignored.set(Vec::new());
            platform::focus_element("resultat");
        })
    };
    let meeting = ws.meeting;
    let data = &ws.data;
    let derived = &state.derived;
    let last = derived.projection.last();
    let title_years = format!("{}–{}", data.first_plan_year, last.year);
    let levels: Rc<Vec<(u16, rust_decimal::Decimal)>> = Rc::new(
        derived
            .projection
            .years
            .iter()
            .skip(1)
            .map(|y| (y.year, ws.scenario.funding(data, y.year)))
            .collect(),
    );
    html! {
        <div class={classes!("app", meeting.then_some("app--meeting"))}>
            <a class="skip-link" href="#resultat" onclick={jump("resultat")}>{"Hoppa till resultaten"}</a>
            <header class="site-header">
                <div class="site-header__inner">
                    <p class="site-header__org">{ data.organisation.clone() }</p>
                    <h1>{ format!("Budgetsimulatorn {title_years}") }</h1>
                    <p class="site-header__data">
                        <span>{"Dataunderlag: "}<strong>{ data.name.clone() }</strong></span>
                        <button type="button" class="button button--small site-header__data-button" aria-expanded={data_open.to_string()}
                            aria-controls="data-panel" onclick={{ let (data_open, data_mounted) = (data_open.clone(), data_mounted.clone()); Callback::from(move |_| { data_mounted.set(true); data_open.set(!*data_open) }) }}>
                            { if *data_open { "Stäng dataunderlaget" } else { "Byt, ändra eller importera" } }
                        </button>
                    </p>
                    if !meeting {
                        <p class="site-header__lead">{ ws.introduction() }</p>
                    }
                    // Only on paper: the browser's own print (Ctrl+P) prints the page as it is.
                    <p class="print-note">{"Det här är en utskrift av sidan. Beslutsunderlaget, med scenariots inställningar, länken och förslaget till beslut, skriver du ut med ”Dela, skriv ut, ladda ner” → ”Skriv ut beslutsunderlag”."}</p>
                </div>
            </header>
            <div class="workbar">
                { presets_bar(&ws.presets, ws.active_preset().map(|p| p.id.as_str()), &send) }
                { toolbar(ToolbarState {
                    can_undo: ws.can_undo(),
                    can_redo: ws.can_redo(),
                    meeting,
                    compared: ws.comparison.columns.len(),
                    saved_count: ws.library.scenarios.len(),
                    saved_open: *saved_open,
                    has_open: ws.open_saved.is_some(),
                    has_members: derived.members.is_some(),
                    has_follow_up: data.outcome_to_date_column().is_some() && data.prognosis_column().is_some(),
                    export_for: export_for.into(),
                    on_save: {
                        let saved_open = saved_open.clone();
                        let naming_request = naming_request.clone();
                        Callback::from(move |_| {
                            saved_open.set(true);
                            naming_request.set(*naming_request + 1);
                        })
                    },
                    on_toggle_saved: {
                        let saved_open = saved_open.clone();
                        Callback::from(move |_| saved_open.set(!*saved_open))
                    },
                    on_export: on_export.clone(),
                    status: export_status,
                }, &send) }
            </div>
            if !ignored.is_empty() {
                { dismissable("notice--warning", "status", "url-notice", html! {
                    <>
                        <p><strong>{"Delar av länken kunde inte användas och ignorerades:"}</strong></p>
                        <ul>{ for ignored.iter().map(|i: &IgnoredEntry| html! { <li>{ i.message() }</li> }) }</ul>
                        <p>{"Övriga värden i länken används."}</p>
                    </>
                }, dismiss_ignored) }
            }
            if let Some(message) = (*storage_notice).clone() {
                { dismissable("notice--error", "alert", "storage-notice", html! { <p>{ message }</p> }, close(storage_notice.clone())) }
            }
            if let Some(error) = (*url_error).clone() {
                <div class="notice notice--error" role="alert">
                    { format!("Adressfältet kunde inte uppdateras, så länken visar inte scenariot just nu ({error}). Siffrorna på sidan stämmer.") }
                </div>
            }
            { workspace_notice(ws.notice.as_ref(), &send) }
            if *data_mounted {
                <div class="saved-panel" hidden={!*data_open}>
                    <DataPanel data={data.clone()} builtin={ws.builtin.clone()} datasets={ws.datasets.clone()}
                        saved={ws.data_is_saved()} error={ws.data_error.clone()} send={send.clone()} />
                </div>
            }
            if *saved_open && !meeting {
                <SavedScenarios data={data.clone()} builtin={ws.builtin.clone()} datasets={ws.datasets.clone()} library={ws.library.clone()} open={ws.open_saved.clone()}
                    writable={loaded.writable} dispatch={send.clone()} naming_request={*naming_request} />
            }
            if meeting && ws.comparison.columns.len() > 1 {
                <nav class="meeting-steps" aria-label="Scenarierna i jämförelsen">
                    { controls(&comparison_steps(ws), &send) }
                </nav>
            }
            <main class="layout">
                <aside class="layout__inputs" aria-labelledby="inputs-title">
                    <h2 id="inputs-title">{ if meeting { "Styrelsens beslut" } else { "Scenario" } }</h2>
                    if let Some(text) = (!meeting).then(|| member_jump(data, ws.member.as_deref())).flatten() {
                        <a class="member-jump" href="#member-view" onclick={jump("member-view")}>{ text }</a>
                    }
                    if let Some(name) = open_name.clone() {
                        <p class="saving-to" data-testid="saving-to">
                            <span class="saving-to__tick" aria-hidden="true">{"✓"}</span>
                            { format!("Ändringar sparas i ”{name}”") }
                        </p>
                    }
                    <Inputs data={data.clone()} scenario={ws.scenario.clone()} projection={derived.projection.clone()}
                        send={send.clone()} decisions_only={meeting} />
                    if !meeting {
                        <Motivation text={ws.motivation.clone()} send={send.clone()} />
                        <CopyLink target={LinkTarget::Scenario(ws.scenario.clone(), ws.motivation.clone())} carried={carried_data.clone()}
                            label="Kopiera länk till scenariot" what="scenariot" test_id="share-status" />
                    }
                    <ResultLine cards={derived.cards.clone()} />
                </aside>
                <div class="layout__results" id="resultat" tabindex="-1">
                    <h2 class="visually-hidden">{"Resultat"}</h2>
                    <Headline cards={derived.cards.clone()} base={derived.base_label.clone()} shows_base={derived.shows_base} dispatch={dispatch.clone()} compact={meeting} />
                    if !meeting {
                        <MemberView data={data.clone()} table={derived.members.clone()} staffing={derived.staffing.clone()}
                            member={ws.member.clone().map(AttrValue::from)} rule={ws.scenario.topup_rule}
                            levels={levels} send={send.clone()} />
                    }
                    if let (Some(compared), false) = (state.compared.clone(), meeting) {
                        <ComparisonView compared={compared} dispatch={send.clone()} copy_link={html! {
                            <CopyLink target={LinkTarget::Page(page_link.clone())} carried={carried_data.clone()}
                                label="Kopiera länk till jämförelsen" what="jämförelsen" test_id="compare-share-status" />
                        }} />
                    }
                    <EquityChartView projection={derived.projection.clone()} />
                    <RiskPanel data={data.clone()} scenario={ws.scenario.clone()} risk={ws.risk} send={send.clone()} />
                    if !meeting {
                        <BudgetTableView table={derived.table.clone()} />
                        <FollowUpSection data={data.clone()} />
                        <MembersSection table={derived.members.clone()} split={AttrValue::from(split_description(data))}
                            on_csv={on_export.reform(|_: MouseEvent| Export::MembersCsv)} rule={ws.scenario.topup_rule} dispatch={dispatch.clone()} />
                        <StaffingSection data={data.clone()} staffing={derived.staffing.clone()} scenario={ws.scenario.clone()}
                            years={Rc::new(derived.projection.years.iter().map(|y| y.year).collect::<Vec<_>>())} send={send.clone()} />
                        <Provenance data={data.clone()} />
                    }
                </div>
            </main>
            <footer class="site-footer">
                <a href="tillganglighet.html">{"Tillgänglighetsredogörelse"}</a>
                if !meeting {
                    // The snippet is written by web/embed.js when this opens.
                    <details id="embed-details" class="embed">
                        <summary>{"Bädda in på er webbplats"}</summary>
                        <p>{"Klistra in koden på en sida på er webbplats. Den visar scenariot som är på skärmen nu, och ramen växer med innehållet."}</p>
                        <pre class="embed__code"><code id="embed-snippet"></code></pre>
                    </details>
                }
            </footer>
            <div class="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-region">
                { format!("Utgående eget kapital {}: {}", last.year, kronor_kr(last.closing)) }
            </div>
        </div>
    }
}
