//! The page's components: props and `Callback`s in, HTML out, no arithmetic
//! (figures come from the core and the exports).

pub mod cells;
pub mod chart;
pub mod compare;
pub mod controls;
pub mod fields;
pub mod headline;
pub mod inputs;
pub mod members;
pub mod motivation;
pub mod presets;
pub mod provenance;
pub mod saved;
pub mod share;
pub mod staffing;
pub mod table;
pub mod toolbar;
