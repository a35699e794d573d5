//! Build script: tauri-build reads the app config, which lives at the
//! repository root (it does not search parent folders by itself).
fn main() {
    if let Err(e) =
        tauri_build::try_build(tauri_build::Attributes::new().config_path("../tauri.conf.json"))
    {
        println!("cargo::error=tauri-build failed: {e:#}");
    }
}
