//! Tauri's build step: reads `tauri.conf.json` beside the root Cargo.toml and the window
//! capabilities under `src-tauri/capabilities/`.

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/*.json");
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
