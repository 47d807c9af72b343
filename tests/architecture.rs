//! The house's walls that Cargo cannot keep by itself.
//!
//! The pure core is its own crate (`core/`): the compiler refuses any use of
//! yew or the browser there, as long as none of them is among its
//! dependencies, which the first test holds. Within this crate, the view
//! renders state and reaches the page only through `src/web/`, and so does
//! `embed.rs`, the face the loader talks to; the view never reaches up to
//! `embed`.

use std::fs;
use std::path::{Path, PathBuf};

/// Crates that exist for the browser or the view, as Cargo.toml names them.
const BROWSER_CRATES: [&str; 8] = [
    "yew",
    "web-sys",
    "js-sys",
    "gloo",
    "gloo-file",
    "wasm-bindgen",
    "wasm-bindgen-futures",
    "wasm-bindgen-test",
];

/// What touches the page itself: the window, the document and what hangs
/// off them, the host element's attributes, the console.
const PAGE: [&str; 9] = [
    "gloo::utils",
    "window()",
    "document()",
    "local_storage",
    "clipboard",
    "location",
    "navigator",
    "web_sys::console",
    "get_attribute",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every dependency named in a Cargo manifest, in any dependency table.
fn dependencies(manifest: &str) -> Vec<String> {
    let mut in_table = false;
    let mut names = Vec::new();
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_table = line.trim_end_matches(']').ends_with("dependencies");
        } else if in_table && !line.starts_with('#') {
            if let Some((name, _)) = line.split_once('=') {
                names.push(name.trim().to_string());
            }
        }
    }
    names
}

/// The lines of `text`, comments left out, that contain one of `reaches`.
fn reaching<'a>(text: &'a str, reaches: &[&str]) -> Vec<&'a str> {
    text.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .filter(|line| reaches.iter().any(|reach| line.contains(reach)))
        .collect()
}

fn view_files() -> Vec<PathBuf> {
    let dir = root().join("src/view");
    let files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert!(
        files.len() > 10,
        "read {} files in {}",
        files.len(),
        dir.display()
    );
    files
}

#[test]
fn the_core_depends_on_nothing_of_the_browser() {
    let manifest = fs::read_to_string(root().join("core/Cargo.toml")).unwrap();
    let names = dependencies(&manifest);
    assert!(names.contains(&"serde".to_string()), "read {names:?}");
    for name in names {
        assert!(
            !BROWSER_CRATES.contains(&name.as_str()),
            "core/Cargo.toml depends on {name}: the core must build without the browser"
        );
    }
}

#[test]
fn the_view_and_the_face_reach_the_page_only_through_web() {
    let mut files = view_files();
    files.push(root().join("src/embed.rs"));
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        let lines = reaching(&text, &PAGE);
        assert!(
            lines.is_empty(),
            "{} reaches the page: {lines:?}",
            path.display()
        );
    }
}

#[test]
fn the_view_never_reaches_up_to_the_face() {
    for path in view_files() {
        let text = fs::read_to_string(&path).unwrap();
        let lines = reaching(&text, &["crate::embed", "embed::"]);
        assert!(lines.is_empty(), "{} uses embed: {lines:?}", path.display());
    }
}

#[test]
fn the_checks_see_what_they_look_for() {
    // The checks above would pass on anything if these found nothing.
    let manifest = "[dependencies]\nyew = \"0.23\"\n# gloo = 1\n[dev-dependencies]\nweb-sys = \"0.3\"\n[features]\nx = []\n";
    assert_eq!(dependencies(manifest), ["yew", "web-sys"]);
    assert_eq!(
        reaching(
            "let w = gloo::utils::window();\n// window() in a comment",
            &PAGE
        )
        .len(),
        1
    );
    assert_eq!(reaching("    host.get_attribute(\"lang\")", &PAGE).len(), 1);
}
