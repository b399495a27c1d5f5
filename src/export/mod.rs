//! What leaves the pure core as text, tables and files: Swedish number
//! formatting and test-hook values, the budget table model (the one
//! definition of the table's rows and labels, used by the page, the decision
//! document, the CSV files and the workbook), chart geometry, the HTML
//! writer, the decision document, CSV and the workbook.

pub mod assumptions;
pub mod cards;
pub mod chart;
pub mod cite;
pub mod counted;
pub mod csv;
pub mod document;
pub mod followup;
pub mod format;
pub mod markup;
pub mod paper;
pub mod proposal;
pub mod risk;
pub mod svg;
pub mod table;
pub mod tables;
pub mod words;
pub mod xlsx;
