//! The house's walls, checked in the source: the pure core imports nothing
//! of the browser or of yew, so it builds and is tested natively; the view
//! holds components only, and reaches the page through `src/web/`.

use std::fs;
use std::path::Path;

/// The modules of the pure core.
const CORE: [&str; 10] = [
    "src/model.rs",
    "src/model/read.rs",
    "src/scoring.rs",
    "src/quiz.rs",
    "src/code.rs",
    "src/report.rs",
    "src/saved.rs",
    "src/group.rs",
    "src/i18n.rs",
    "src/explain.rs",
];

/// Crates that exist for the browser or the view.
const BROWSER_CRATES: [&str; 6] = [
    "yew",
    "web_sys",
    "js_sys",
    "gloo",
    "wasm_bindgen",
    "wasm_bindgen_futures",
];

fn source(path: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|err| panic!("{path}: {err}"))
}

/// The lines of `text` that name `name` as a path's first segment.
fn naming<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
    text.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .filter(|line| {
            line.match_indices(name).any(|(at, _)| {
                let before = line[..at].chars().next_back();
                let after = &line[at + name.len()..];
                !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
                    && (after.starts_with("::") || after.starts_with(';'))
            })
        })
        .collect()
}

#[test]
fn the_core_imports_nothing_of_the_browser() {
    for path in CORE {
        let text = source(path);
        for name in BROWSER_CRATES {
            let lines = naming(&text, name);
            assert!(lines.is_empty(), "{path} uses {name}: {lines:?}");
        }
    }
}

#[test]
fn the_check_sees_an_import() {
    // The check above would pass on anything if `naming` found nothing.
    assert_eq!(naming("use yew::prelude::*;", "yew").len(), 1);
    assert_eq!(naming("    let w = web_sys::window();", "web_sys").len(), 1);
    assert!(naming("// yew::x in a comment", "yew").is_empty());
    assert!(naming("fn my_yew::x()", "yew").is_empty());
}

#[test]
fn the_view_reaches_the_page_only_through_web() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/view");
    let mut files = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap();
        let name = path.display();
        files += 1;
        for reach in ["embed", "window", "local_storage", "clipboard", "location"] {
            let lines: Vec<&str> = text
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .filter(|line| {
                    line.contains(&format!("{reach}::")) || line.contains(&format!("{reach}()"))
                })
                .collect();
            assert!(lines.is_empty(), "{name} reaches {reach}: {lines:?}");
        }
    }
    assert!(files > 10, "read {files} files in {}", dir.display());
}
