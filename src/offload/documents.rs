//! The documents the `worker` module makes for the page: the decision
//! document's HTML and the CSV files, from a data set and the page link.
//! Pure, so the bytes are tested natively; the page hands them to the
//! browser (print, download).

use crate::core::members::members_table;
use crate::core::{project, Dataset};
use crate::export::csv::{budget_csv, file_stem, members_csv};
use crate::export::document::{decision_document_with_risk, DocumentRequest};
use crate::export::table::budget_table;
use crate::offload::protocol::{DocumentJob, FileJob, FileOut, Response};
use crate::state::link::{self, PageLink};

/// The page link as the job has it, read against its data set.
fn page(data: &Dataset, text: &str) -> PageLink {
    link::parse(data, text).0
}

/// The decision document for a job.
pub fn document(job: &DocumentJob) -> Response {
    let page = page(&job.data, &job.page);
    let risk = crate::offload::risk::run_report(&job.data, &page);
    Response::Html(decision_document_with_risk(
        &DocumentRequest {
            data: &job.data,
            scenario: &page.scenario,
            motivation: &page.motivation,
            comparison: crate::offload::compared(&page.comparison),
            name: job.name.as_deref(),
            printed: &job.printed,
            link: &job.url,
        },
        Some(&risk),
    ))
}

const CSV: &str = "text/csv;charset=utf-8";

/// The budget table as a CSV file.
pub fn budget_file(job: &FileJob) -> Response {
    let page = page(&job.data, &job.page);
    let projection = project(&job.data, &page.scenario);
    let table = budget_table(&job.data, &page.scenario, &projection);
    Response::File(FileOut {
        name: format!("budgetsimulatorn-{}.csv", file_stem(&job.title, &job.date)),
        mime: CSV.to_owned(),
        bytes: budget_csv(&table),
    })
}

/// The follow-up of an interim report as a CSV file.
pub fn follow_up_file(job: &FileJob) -> Response {
    match crate::export::followup::follow_up(&job.data) {
        Some(f) => Response::File(FileOut {
            name: format!(
                "budgetsimulatorn-uppfoljning-{}-{}.csv",
                f.year,
                file_stem(&job.data.name, &job.date)
            ),
            mime: CSV.to_owned(),
            bytes: crate::export::csv::follow_up_csv(&f),
        }),
        None => Response::Failed(
            "Dataunderlaget har ingen uppföljning (utfall och prognos för första planåret)."
                .to_owned(),
        ),
    }
}

/// The members' table as a CSV file.
pub fn members_file(job: &FileJob) -> Response {
    let page = page(&job.data, &job.page);
    let projection = project(&job.data, &page.scenario);
    match members_table(&job.data, &page.scenario, &projection) {
        Some(table) => Response::File(FileOut {
            name: format!(
                "budgetsimulatorn-medlemmar-{}.csv",
                file_stem(&job.title, &job.date)
            ),
            mime: CSV.to_owned(),
            bytes: members_csv(&table),
        }),
        None => Response::Failed("Dataunderlaget har inga medlemmar.".to_owned()),
    }
}
