//! End-to-end tests: the release build in `dist/` served over HTTP on
//! 127.0.0.1 and used in a browser through WebDriver, as a respondent would
//! ([`keyboard`]) and as a host page would ([`embedding`], [`lifecycle`]).
//! The engine is `MQ_BROWSER`'s (`chromium`, `firefox` or `webkit`; Chromium
//! when unset): scripts/test.sh runs the suite once in each.
//!
//! Needs `dist/` (`trunk build --release --offline`, which scripts/test.sh
//! runs first) and the engines' drivers (installed by
//! `scripts/setup.sh --browsers`), so it is compiled only with the `e2e`
//! feature: `cargo test --features e2e --test e2e`. A bare `cargo test` runs
//! the native tests and leaves these out.
//! Every test name starts with `e2e_`, so that a name filter can pick them
//! out; what keeps them out of the native layer is the `e2e` feature
//! (`required-features` in Cargo.toml), not the name.
//!
//! The harness is in [`support`]: the page object every module drives the
//! widget through ([`support::visit::Visit`], with its waits), the named
//! answer sets of tests/fixtures/cases.json ([`support::cases`]), the static
//! server and the WebDriver client.
#![cfg(not(target_arch = "wasm32"))]

mod a11y;
mod benchmark;
mod custom;
mod downloads;
mod earlier;
mod embedding;
mod group;
mod hostile;
mod hosts;
mod keyboard;
mod languages;
mod lifecycle;
mod offline;
mod prerender;
mod privacy;
mod profile;
mod sharing;
mod standing;
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
