//! What the page hands to code it fetches on demand, run in Web Workers so
//! the page never waits: the typed messages ([`protocol`]) and the pure
//! handlers that answer them ([`documents`]; the workbook is made by
//! `export::xlsx` in the `excel` module). Natively tested like the rest.

pub mod documents;
pub mod excel;
pub mod import;
pub mod protocol;
pub mod risk;

use crate::export::document::Compared;
use crate::state::comparison::Comparison;
use protocol::{Request, Response};

/// A page's comparison as the documents and the workbook take it.
pub fn compared(comparison: &Comparison) -> Vec<Compared<'_>> {
    comparison
        .columns
        .iter()
        .map(|c| Compared {
            label: &c.label,
            scenario: &c.scenario,
            motivation: &c.motivation,
        })
        .collect()
}

/// Answers a request of the `worker` module (everything but the workbook).
pub fn handle(request: &Request) -> Response {
    match request {
        Request::Document(job) => documents::document(job),
        Request::BudgetCsv(job) => documents::budget_file(job),
        Request::MembersCsv(job) => documents::members_file(job),
        Request::FollowUpCsv(job) => documents::follow_up_file(job),
        Request::RiskDraws(job) => risk::draws(job),
        Request::RiskReport(job) => risk::report_html(job),
        Request::Workbook(_) | Request::ImportRead(_) | Request::ImportApply(_) => {
            Response::Failed("Det görs av en annan del av sidan.".to_owned())
        }
    }
}

/// Answers a request of the `importer` module.
pub fn handle_import(request: &Request) -> Response {
    match request {
        Request::ImportRead(job) => Response::Import(import::read(job)),
        Request::ImportApply(job) => Response::Import(import::apply(job)),
        _ => Response::Failed("Det görs av en annan del av sidan.".to_owned()),
    }
}
