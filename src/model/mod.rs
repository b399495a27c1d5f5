//! The pure model of Budgetsimulatorn: the budget engine (data, scenario,
//! computation, links, updates) and the page's state above it (presets, undo
//! history, saved scenarios, comparison), with no dependency on the browser.
//!
//! Everything here builds and is tested natively with plain `cargo test`; the
//! view (`crate::view`, wasm only) renders what this module computes and sends
//! back [`workspace::Msg`]s. Money is `rust_decimal::Decimal` throughout.

pub mod chart;
pub mod comparison;
pub mod data;
pub mod distribute;
pub mod engine;
pub mod format;
pub mod fragment;
pub mod history;
pub mod input;
pub mod library;
pub mod link;
pub mod markup;
pub mod members;
pub mod money;
pub mod presets;
pub mod report;
pub mod scenario;
pub mod staffing;
pub mod tables;
pub mod update;
pub mod wire;
pub mod workbook;
pub mod workspace;

pub use data::{Category, Dataset};
pub use engine::{project, Balancing, EquityWarning, Projection, YearOutcome};
pub use scenario::{Basis, Field, PlanYear, Scenario};
pub use update::{update, Action};
