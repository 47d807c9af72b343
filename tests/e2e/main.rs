//! End-to-end tests: the release build in `dist/` served over HTTP on
//! 127.0.0.1 and used in headless Chromium through chromedriver, as a
//! respondent would ([`keyboard`]) and as a host page would ([`embedding`]).
//!
//! Needs `dist/` (`trunk build --release --offline`, which scripts/test.sh
//! runs first) and chromedriver (installed by `scripts/setup.sh --browser`).
//! Every test name starts with `e2e_`: scripts/test.sh skips them in the
//! native layer and runs them once, as the end-to-end layer.
#![cfg(not(target_arch = "wasm32"))]

mod a11y;
mod custom;
mod embedding;
mod group;
mod hosts;
mod keyboard;
mod offline;
mod profile;
mod sharing;
mod storage;
mod support;

use std::path::{Path, PathBuf};

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The release build's directory; panics with the fix if it was not built.
fn dist() -> PathBuf {
    let dist = crate_dir().join("dist");
    assert!(
        dist.join("index.html").is_file(),
        "{} is missing: run `trunk build --release --offline` first, or scripts/test.sh",
        dist.join("index.html").display()
    );
    dist
}
