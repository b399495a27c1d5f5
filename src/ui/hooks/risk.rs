//! The risk run manager: while the panel is open, the run of the current
//! scenario and settings goes on in the documents worker, a chunk of draws
//! at a time, and its report comes back as HTML.
//!
//! Scheduling: a change of the scenario or the settings waits
//! [`DEBOUNCE_MS`] (a slider drag or typing starts one run, when it rests),
//! then the page asks for [`CHUNK`] draws, and for the next chunk only when
//! that one is answered, so the worker's queue never holds more than one
//! stale chunk and a print job waits at most one chunk. Cancelling: every
//! change bumps a generation counter; a run that finds the counter moved on
//! stops, and what it was answered is dropped. The main thread only posts
//! messages and keeps the bytes: a run never blocks input.

use crate::core::Dataset;
use crate::offload::protocol::{Request, Response};
use crate::offload::risk::{PackedDraws, RiskDrawsJob, RiskReportJob};
use crate::ui::platform::worker;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Draws per request.
pub const CHUNK: u32 = 1_000;
/// How long the settings must rest before a run starts, ms.
pub const DEBOUNCE_MS: u32 = 150;

/// Where a run stands.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum RunStatus {
    /// The panel has not asked for a run.
    #[default]
    Idle,
    Running {
        done: u32,
        total: u32,
    },
    Done,
    /// In Swedish.
    Failed(String),
}

/// What the panel shows of the run.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RiskRun {
    pub status: RunStatus,
    /// The latest finished report (of earlier settings while running).
    pub report: Option<AttrValue>,
    /// The last finished run's time from its start to its report, ms.
    pub ms: Option<u32>,
}

/// What a run needs, and the cancellation it checks.
struct Job {
    data: Rc<Dataset>,
    page: String,
    draws: u32,
    generation: u32,
    current: Rc<RefCell<u32>>,
    last: LastRun,
    run: UseStateHandle<RiskRun>,
}

impl Job {
    fn stale(&self) -> bool {
        *self.current.borrow() != self.generation
    }

    fn shown(&self) -> Option<AttrValue> {
        finished_before(&self.last)
    }

    fn fail(&self, why: String) {
        gloo::console::error!(format!("risk run failed: {why}"));
        self.run.set(RiskRun {
            status: RunStatus::Failed(why),
            report: self.shown(),
            ms: None,
        });
    }

    async fn go(self) {
        let started = js_sys::Date::now();
        let mut chunks: Vec<PackedDraws> = Vec::new();
        let mut start = 0;
        while start < self.draws {
            let end = (start + CHUNK).min(self.draws);
            let asked = Request::RiskDraws(RiskDrawsJob {
                data: (*self.data).clone(),
                page: self.page.clone(),
                start,
                end,
            });
            let answer = worker::call(&asked).await;
            if self.stale() {
                return;
            }
            match answer {
                Ok(Response::Draws(chunk)) => chunks.push(chunk),
                Ok(Response::Failed(why)) | Err(why) => return self.fail(why),
                Ok(_) => return self.fail("oväntat svar".to_owned()),
            }
            start = end;
            self.run.set(RiskRun {
                status: RunStatus::Running {
                    done: end,
                    total: self.draws,
                },
                report: self.shown(),
                ms: None,
            });
        }
        let asked = Request::RiskReport(RiskReportJob {
            data: (*self.data).clone(),
            page: self.page.clone(),
            chunks,
        });
        let answer = worker::call(&asked).await;
        if self.stale() {
            return;
        }
        match answer {
            Ok(Response::Html(html)) => {
                let html = AttrValue::from(html);
                let ms = (js_sys::Date::now() - started) as u32;
                *self.last.borrow_mut() = Some((self.page.clone(), html.clone(), ms));
                self.run.set(RiskRun {
                    status: RunStatus::Done,
                    report: Some(html),
                    ms: Some(ms),
                });
            }
            Ok(Response::Failed(why)) | Err(why) => self.fail(why),
            Ok(_) => self.fail("oväntat svar".to_owned()),
        }
    }
}

/// The last finished run: its page link, its report and how long it took (ms).
type LastRun = Rc<RefCell<Option<(String, AttrValue, u32)>>>;

/// The report of the last finished run, if any.
fn finished_before(last: &LastRun) -> Option<AttrValue> {
    last.borrow().as_ref().map(|(_, html, _)| html.clone())
}

/// Runs the simulation of `page` (a page link with the scenario and the
/// `risk.*` keys) while `open`; a new `page` cancels the run under way.
#[hook]
pub fn use_risk_run(open: bool, data: Rc<Dataset>, page: AttrValue, draws: u32) -> RiskRun {
    let run = use_state_eq(RiskRun::default);
    let current = use_mut_ref(|| 0u32);
    let last = use_mut_ref(|| None::<(String, AttrValue, u32)>);
    {
        let run = run.clone();
        use_effect_with(
            (open, data, page, draws),
            move |(open, data, page, draws)| {
                *current.borrow_mut() += 1;
                let finished = last
                    .borrow()
                    .as_ref()
                    .filter(|(link, _, _)| link == page.as_str())
                    .map(|(_, html, ms)| (html.clone(), *ms));
                let timer = match (open, finished) {
                    // Folded: a run under way is dropped, and no longer said
                    // to be running.
                    (false, _) => {
                        if matches!(run.status, RunStatus::Running { .. }) {
                            run.set(RiskRun {
                                status: RunStatus::Idle,
                                report: finished_before(&last),
                                ms: None,
                            });
                        }
                        None
                    }
                    // Opened again on what was already worked out.
                    (true, Some((html, ms))) => {
                        run.set(RiskRun {
                            status: RunStatus::Done,
                            report: Some(html),
                            ms: Some(ms),
                        });
                        None
                    }
                    (true, None) => {
                        let job = Job {
                            data: data.clone(),
                            page: page.to_string(),
                            draws: *draws,
                            generation: *current.borrow(),
                            current: current.clone(),
                            last: last.clone(),
                            run: run.clone(),
                        };
                        run.set(RiskRun {
                            status: RunStatus::Running {
                                done: 0,
                                total: *draws,
                            },
                            report: job.shown(),
                            ms: None,
                        });
                        Some(Timeout::new(DEBOUNCE_MS, move || {
                            wasm_bindgen_futures::spawn_local(job.go())
                        }))
                    }
                };
                move || drop(timer)
            },
        );
    }
    (*run).clone()
}
