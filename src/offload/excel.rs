//! The workbook the `excel` module makes: the page link's scenario, reasons
//! and comparison as an .xlsx with live formulas (`export::xlsx`).

use crate::export::csv::file_stem;
use crate::export::xlsx::{workbook, WorkbookRequest};
use crate::offload::protocol::{FileJob, FileOut, Request, Response};
use crate::state::link;

/// The .xlsx media type.
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The workbook for a job.
pub fn workbook_file(job: &FileJob) -> Response {
    let (page, _) = link::parse(&job.data, &job.page);
    let request = WorkbookRequest {
        data: &job.data,
        scenario: &page.scenario,
        motivation: &page.motivation,
        comparison: crate::offload::compared(&page.comparison),
    };
    match workbook(&request) {
        Ok(bytes) => Response::File(FileOut {
            name: format!("budgetsimulatorn-{}.xlsx", file_stem(&job.title, &job.date)),
            mime: XLSX.to_owned(),
            bytes,
        }),
        Err(error) => Response::Failed(format!("Excel-filen kunde inte skapas ({error}).")),
    }
}

/// Answers a request of the `excel` module.
pub fn handle(request: &Request) -> Response {
    match request {
        Request::Workbook(job) => workbook_file(job),
        _ => Response::Failed("Den delen görs av en annan del av sidan.".to_owned()),
    }
}
