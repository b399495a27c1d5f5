//! The page's components: props and `Callback`s in, HTML out, no arithmetic
//! (figures come from the core and the exports).

pub mod cells;
pub mod chart;
pub mod compare;
pub mod controls;
pub mod data_editor;
pub mod data_panel;
pub mod data_people;
pub mod edit_field;
pub mod fields;
pub mod followup;
pub mod headline;
pub mod import_preview;
pub mod inputs;
pub mod markup;
pub mod members;
pub mod motivation;
pub mod patched;
pub mod presets;
pub mod provenance;
pub mod risk;
pub mod saved;
pub mod share;
pub mod staffing;
pub mod table;
pub mod toolbar;
