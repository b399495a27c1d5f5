//! Budgetsimulatorn: a budget simulator for samordningsförbund that runs
//! entirely in the browser.
//!
//! The layers, each using only the ones before it:
//! - [`core`]: the pure model (plan period, data set and its checks,
//!   scenario, engine, members, staffing, comparison), no UI text;
//! - [`export`]: Swedish formatting, the budget table model, charts, words,
//!   the decision document, CSV and the workbook;
//! - [`state`]: the workshop's state (text to numbers, links, presets, undo,
//!   the saved library, the page's messages);
//! - [`offload`]: the typed requests answered by code fetched on demand;
//! - `ui`: the Yew front end and the browser's edge, compiled only for `wasm32`.
//!
//! Everything but `ui` is tested natively with plain `cargo test`.

pub mod core;
pub mod export;
pub mod import;
pub mod offload;
pub mod page;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod ui;
