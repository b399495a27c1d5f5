//! The tool versions pinned in three places must agree, or Trunk would try to
//! download a matching wasm-bindgen (and fail offline).
#![cfg(not(target_arch = "wasm32"))]

fn read(path: &str) -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_owned() + path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The version of a package in Cargo.lock.
fn locked_version(lock: &str, name: &str) -> String {
    let marker = format!("name = \"{name}\"\nversion = \"");
    let start = lock.find(&marker).expect("package in Cargo.lock") + marker.len();
    lock[start..].split('"').next().unwrap().to_owned()
}

#[test]
fn trunk_and_cargo_agree_on_wasm_bindgen() {
    let locked = locked_version(&read("Cargo.lock"), "wasm-bindgen");
    assert!(
        read("Trunk.toml").contains(&format!("wasm_bindgen = \"{locked}\"")),
        "Trunk.toml must pin wasm_bindgen = \"{locked}\" (Cargo.lock)"
    );
    assert!(
        read("Cargo.toml").contains(&format!("wasm-bindgen = \"={locked}\"")),
        "Cargo.toml must pin wasm-bindgen = \"={locked}\""
    );
}

#[test]
fn wasm_opt_comes_from_the_pinned_npm_binaryen() {
    let package = read("tests/e2e/package.json");
    assert!(package.contains("\"binaryen\": \"132.0.0\""));
    assert!(read("Trunk.toml").contains("wasm_opt = \"version_132\""));
}
