//! The pure core of Budgetsimulatorn: the plan period, the data set and its
//! checks, the scenario, the engine, members and staffing, comparison and
//! risk. No browser code, no UI text and no output format lives here;
//! everything is tested natively with plain `cargo test`. Money is
//! `rust_decimal::Decimal` throughout, rounded only where the model says.

pub mod compare;
pub mod dataset;
pub mod distribute;
pub mod engine;
pub mod exact;
pub mod horizon;
pub mod members;
pub mod money;
pub mod plan;
pub mod risk;
pub mod rules;
pub mod scenario;
pub mod small_map;
pub mod staffing;
pub mod validate;

pub use dataset::{BudgetLine, Category, Column, ColumnKind, Dataset};
pub use engine::{project, Balancing, EquityWarning, Projection, YearOutcome};
pub use horizon::{PerYear, PlanPeriod, Year};
pub use scenario::{Basis, Field, Scenario, TopupRule};
