//! What the page hands to code it fetches on demand, run in Web Workers so
//! the page never waits: the typed messages ([`protocol`]) and the pure
//! handlers that answer them ([`documents`]; the workbook is made by
//! `export::xlsx` in the `excel` module). Natively tested like the rest.

pub mod documents;
pub mod excel;
pub mod protocol;

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
        Request::Workbook(_) => {
            Response::Failed("Excel-filen görs av en annan del av sidan.".to_owned())
        }
    }
}
