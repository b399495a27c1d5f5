//! The pure budget engine of Budgetsimulatorn: data, scenario, computation,
//! links and updates, with no dependency on the browser.
//!
//! Everything here builds and is tested natively with plain `cargo test`; the
//! view (`crate::view`, wasm only) renders what this module computes and sends
//! back [`update::Action`]s. Money is `rust_decimal::Decimal` throughout.

pub mod chart;
pub mod data;
pub mod distribute;
pub mod engine;
pub mod format;
pub mod fragment;
pub mod input;
pub mod money;
pub mod scenario;
pub mod update;

pub use data::{Category, Dataset};
pub use engine::{project, Balancing, EquityWarning, Projection, YearOutcome};
pub use scenario::{Basis, Field, PlanYear, Scenario};
pub use update::{update, Action};
