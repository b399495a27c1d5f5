//! The workshop's state above the core: what a person types becomes numbers
//! here (`input`), links are read and written (`fragment`, `link`), and the
//! page's messages, undo history, presets, comparison and saved library live
//! here. Pure and natively tested; the browser's edge is in `ui`.

pub mod builtin;
pub mod carry;
pub mod comparison;
pub mod datasets;
pub mod document;
pub mod edit;
pub mod explain;
pub mod fragment;
pub mod history;
pub mod input;
pub mod library;
pub mod link;
pub mod merge;
pub mod opening;
pub mod presets;
pub mod risk;
pub mod saved;
pub mod update;
pub mod workspace;
