//! The risk run in the documents worker (spec section 11): the page asks
//! for the draws a chunk at a time ([`RiskDrawsJob`], answered by
//! [`PackedDraws`]) and, once it holds the whole run, for the report's HTML
//! ([`RiskReportJob`]). The draws, their summary, the drivers, the bridge
//! and the charts all run here, so none of that code is in the page's start
//! bundle, and the page's thread only posts messages while a run goes on.
//!
//! A chunk's closings travel as little-endian `i64` bytes (one `Uint8Array`
//! in the browser, copied at once) rather than a list of numbers; the page
//! never reads them, it only hands them back with the report job. The
//! scenario and the settings travel as the page link, read here by the same
//! parser as the address bar, so a report is exactly the link's.

use crate::core::plan::plan;
use crate::core::risk::{draw_closings, simulate, summarize, DrawChunk};
use crate::core::{Dataset, Year};
use crate::export::risk::{html::panel_html, report, RiskReport};
use crate::offload::protocol::Response;
use crate::state::link::{self, PageLink};
use serde::{Deserialize, Serialize};

/// Draws `start..end` of the run the link describes (the end is cut to
/// the link's number of draws).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskDrawsJob {
    pub data: Dataset,
    /// The page link (the scenario and the `risk.*` keys), without `#`.
    pub page: String,
    pub start: u32,
    pub end: u32,
}

/// The report of a finished run: the link and every chunk of its draws.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskReportJob {
    pub data: Dataset,
    pub page: String,
    pub chunks: Vec<PackedDraws>,
}

/// A `DrawChunk` with its closings as bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackedDraws {
    pub start: u32,
    pub years: u32,
    #[serde(with = "crate::offload::protocol::bytes")]
    pub closings: Vec<u8>,
}

impl PackedDraws {
    pub fn pack(chunk: &DrawChunk) -> Self {
        PackedDraws {
            start: chunk.start,
            years: chunk.years,
            closings: chunk
                .closings
                .iter()
                .flat_map(|c| c.to_le_bytes())
                .collect(),
        }
    }

    /// The chunk again; `None` if the bytes are not whole `i64`s.
    pub fn unpack(&self) -> Option<DrawChunk> {
        let words = self.closings.chunks_exact(8);
        if !words.remainder().is_empty() {
            return None;
        }
        Some(DrawChunk {
            start: self.start,
            years: self.years,
            closings: words
                .map(|w| i64::from_le_bytes(w.try_into().expect("eight bytes")))
                .collect(),
        })
    }
}

fn page(data: &Dataset, text: &str) -> PageLink {
    link::parse(data, text).0
}

/// Answers a chunk of draws.
pub fn draws(job: &RiskDrawsJob) -> Response {
    let page = page(&job.data, &job.page);
    let inputs = page.risk.inputs;
    let end = job.end.min(inputs.draws());
    let start = job.start.min(end);
    let resolved = plan(&job.data, &page.scenario);
    Response::Draws(PackedDraws::pack(&draw_closings(
        &job.data,
        &resolved,
        &inputs,
        start..end,
    )))
}

/// The report of a run from its chunks: the panel's HTML.
pub fn report_html(job: &RiskReportJob) -> Response {
    let page = page(&job.data, &job.page);
    let inputs = page.risk.inputs;
    let years: Vec<Year> = plan(&job.data, &page.scenario)
        .years
        .iter()
        .map(|y| y.year)
        .collect();
    let chunks: Option<Vec<DrawChunk>> = job.chunks.iter().map(PackedDraws::unpack).collect();
    let figures = chunks.and_then(|c| summarize(&years, &c, inputs.draws()).ok());
    match figures {
        Some(figures) => Response::Html(panel_html(&report(
            &job.data,
            &page.scenario,
            inputs,
            page.risk.floor,
            figures,
        ))),
        None => Response::Failed(
            "Dragningarna hörde inte ihop med inställningarna; beräkningen görs om.".to_owned(),
        ),
    }
}

/// The whole run of a page link in one go, as the decision document takes
/// it (the document is made in this worker, so it waits for nothing else).
pub fn run_report(data: &Dataset, page: &PageLink) -> RiskReport {
    let inputs = page.risk.inputs;
    let figures = simulate(data, &plan(data, &page.scenario), &inputs);
    report(data, &page.scenario, inputs, page.risk.floor, figures)
}
