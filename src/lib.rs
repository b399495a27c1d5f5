//! Budgetsimulatorn: a budget simulator for Samordningsförbundet Västmanland
//! that runs entirely in the browser.
//!
//! [`model`] is the pure engine (natively tested); [`view`] is the Yew front end,
//! compiled only for `wasm32`.

pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod view;
