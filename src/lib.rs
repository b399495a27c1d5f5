//! Budgetsimulatorn: a budget simulator for samordningsförbund that runs
//! entirely in the browser.
//!
//! [`model`] is the pure engine (natively tested); [`view`] is the Yew front end,
//! compiled only for `wasm32`.

pub mod core;
pub mod export;
pub mod model;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod view;
