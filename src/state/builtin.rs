//! The data that ships with the app: SFV's data set and presets, as the JSON
//! text of `src/data/`. The page parses them with the browser's own JSON
//! parser and validates them at start (a broken file is said in Swedish);
//! the native tests parse and validate them too, so a broken file fails the
//! test command before it ships.

/// SFV's data set (spec section 1): the default.
pub const SFV_JSON: &str = include_str!("../data/sfv.json");

/// SFV's presets (spec section 7).
pub const PRESETS_JSON: &str = include_str!("../data/presets.json");

/// SFV's data set, parsed and validated (native: for tests and tools).
#[cfg(not(target_arch = "wasm32"))]
pub fn sfv() -> crate::core::Dataset {
    let data: crate::core::Dataset = serde_json::from_str(SFV_JSON).expect("sfv.json parses");
    if let Err(problem) = data.validate() {
        panic!("sfv.json is not a valid data set: {problem:?}");
    }
    data
}
