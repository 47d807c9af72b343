#!/usr/bin/env bash
# Runs every test layer of maturity-quiz, stopping at the first failure:
#   1. native      `cargo test` — unit, content and scoring tests (not e2e)
#   2. components  wasm-bindgen-test (tests/web.rs) in headless Chromium
#   3. end-to-end  tests/e2e/ drives the release build in dist/ as a visitor and a host page
# It installs what is missing first (scripts/setup.sh --browser) and builds
# dist/ and the single file dist-single/, checks the size budget
# (scripts/size.sh) and makes the release (scripts/package.sh) before any test
# runs, and builds the host projects (scripts/hosts.sh) before layer 3. The output ends
# with cargo's own `test result:` lines, which CI reads, so nothing is printed
# after the last cargo run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Sourced so that its PATH additions (trunk, wasm-bindgen, wasm-opt) apply here.
source scripts/setup.sh --browser

header() {
	printf '\n==== %s ====\n' "$*"
}

header "build: trunk build --release --offline -> dist/"
trunk build --release --offline

header "build: scripts/single-file.sh -> dist-single/maturity-quiz.html"
bash scripts/single-file.sh

# Before any test: a widget over its size budget fails the run at once, with
# the per-file report (issue 7; the budget is in size-budget.txt).
header "size: scripts/size.sh --no-build (gzip total within size-budget.txt)"
bash scripts/size.sh --no-build

# The release a site owner downloads (issue 15); layer 3 tests it.
header "package: scripts/package.sh --no-build -> target/package/"
bash scripts/package.sh --no-build

# The e2e tests are all named e2e_*, so the native layer skips them here and
# layer 3 runs them once, in their own header.
header "1/3 native: cargo test -- --skip e2e_"
cargo test -- --skip e2e_

header "2/3 components: wasm-bindgen-test in headless Chromium (tests/web.rs)"
# webdriver.json in the crate root adds the Chromium flags.
CHROMEDRIVER=/usr/bin/chromedriver \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	cargo test --target wasm32-unknown-unknown --test web

# The host projects of tests/hosts/ (Vite, webpack, esbuild, TypeScript) with
# the release installed and built, for tests/e2e/hosts.rs.
header "hosts: scripts/hosts.sh -> target/hosts/"
bash scripts/hosts.sh

header "3/3 end-to-end: dist/ in Chromium, by keyboard and from host pages (tests/e2e/)"
# Screenshots (and failure screenshots) land here; drop those of older runs.
rm -rf test-output
cargo test --test e2e
