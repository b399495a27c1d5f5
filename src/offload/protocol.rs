//! The typed messages between the page and the code it fetches on demand
//! (the `worker` and `excel` modules, run in Web Workers). They cross the
//! boundary as JavaScript values made by serde-wasm-bindgen; a scenario or a
//! comparison travels as the page's link, its one documented serialisation,
//! read on the other side by the same parser as the address bar.

use crate::core::Dataset;
use crate::offload::import::{ApplyJob, ImportAnswer, ImportJob};
use crate::offload::risk::{PackedDraws, RiskDrawsJob, RiskReportJob};
use serde::{Deserialize, Serialize};

/// What the page asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// The decision document's HTML for the page link.
    Document(DocumentJob),
    /// The budget table as CSV.
    BudgetCsv(FileJob),
    /// The members' table as CSV.
    MembersCsv(FileJob),
    /// The follow-up of an interim report as CSV.
    FollowUpCsv(FileJob),
    /// The workbook with live formulas (the `excel` module).
    Workbook(FileJob),
    /// A chunk of the risk run's draws (`offload::risk`).
    RiskDraws(RiskDrawsJob),
    /// The risk panel's HTML for a finished run.
    RiskReport(RiskReportJob),
    /// A budget file to preview (the `importer` module).
    ImportRead(ImportJob),
    /// A budget file with the person's answers, to make the data set.
    ImportApply(Box<ApplyJob>),
}

/// A document of the page as its link has it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentJob {
    pub data: Dataset,
    /// The page link (scenario, reasons, comparison), without `#`.
    pub page: String,
    /// The saved scenario's name, when one is open.
    pub name: Option<String>,
    /// `YYYY-MM-DD`.
    pub printed: String,
    /// The full address of the page, printed as text.
    pub url: String,
}

/// A file of the page as its link has it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileJob {
    pub data: Dataset,
    pub page: String,
    /// What the scenario is called in the file name: its saved name or its summary.
    pub title: String,
    /// `YYYY-MM-DD`.
    pub date: String,
}

/// What comes back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Response {
    Html(String),
    File(FileOut),
    /// A chunk of draws.
    Draws(PackedDraws),
    /// What the importer made of a budget file.
    Import(ImportAnswer),
    /// The job could not be done; the reason in Swedish.
    Failed(String),
}

/// A file to download.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileOut {
    pub name: String,
    pub mime: String,
    #[serde(with = "bytes")]
    pub bytes: Vec<u8>,
}

/// Bytes as one binary value (a `Uint8Array` in the browser), not a list of numbers.
pub mod bytes {
    use serde::de::{SeqAccess, Visitor};
    use serde::{Deserializer, Serializer};
    use std::fmt;

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(bytes)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        struct BytesVisitor;
        impl<'de> Visitor<'de> for BytesVisitor {
            type Value = Vec<u8>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E>(self, v: &[u8]) -> Result<Vec<u8>, E> {
                Ok(v.to_vec())
            }
            fn visit_byte_buf<E>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
                Ok(v)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u8>, A::Error> {
                let mut out = Vec::new();
                while let Some(b) = seq.next_element::<u8>()? {
                    out.push(b);
                }
                Ok(out)
            }
        }
        d.deserialize_byte_buf(BytesVisitor)
    }
}
