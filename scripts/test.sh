#!/usr/bin/env bash
# Runs every test layer of maturity-quiz, stopping at the first failure,
# after the format and lint gate (cargo fmt, cargo clippy):
#   1. native      `cargo test --workspace` — the core's unit, content and
#                  scoring tests (core/), and the widget crate's native tests
#                  (the e2e tests need the `e2e` feature, which layer 3 turns on)
#   2. components  wasm-bindgen-test (tests/web.rs) in headless Chromium and Firefox
#   3. end-to-end  tests/e2e/ drives the release build in dist/ as a visitor and
#                  a host page, once in each engine: Chromium, Firefox, WebKit
# MQ_BROWSERS picks engines for a quicker local run, e.g. MQ_BROWSERS=firefox
# or MQ_BROWSERS=chromium,webkit (default: all three). Layer 2 runs in the
# chosen engines that it supports (Chromium, Firefox).
# It installs what is missing first (scripts/setup.sh --browsers) and builds
# dist/ and the single file dist-single/, checks the size budget
# (scripts/size.sh) and makes the release (scripts/package.sh) before any test
# runs, and builds the host projects (scripts/hosts.sh) before layer 3. The output ends
# with cargo's own `test result:` lines, which CI reads, so nothing is printed
# after the last cargo run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Sourced so that its PATH additions (trunk, wasm-bindgen, wasm-opt) apply here.
source scripts/setup.sh --browsers

engines=()
IFS=', ' read -r -a chosen <<<"${MQ_BROWSERS:-chromium,firefox,webkit}"
for engine in "${chosen[@]}"; do
	case "$engine" in
	chromium | firefox | webkit) engines+=("$engine") ;;
	"") ;;
	*)
		echo "test: MQ_BROWSERS names '$engine'; expected chromium, firefox and/or webkit" >&2
		exit 2
		;;
	esac
done
[ "${#engines[@]}" -gt 0 ] || {
	echo "test: MQ_BROWSERS names no engine" >&2
	exit 2
}

# The version of each engine and its driver, for the headers below.
version_of() {
	case "$1" in
	chromium) echo "$(chromium --version 2>/dev/null), $(chromedriver --version | cut -d' ' -f1-2)" ;;
	firefox) echo "$(firefox-esr --version 2>/dev/null), $(geckodriver --version | head -n 1)" ;;
	webkit) echo "WebKitGTK $(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0) (MiniBrowser), WebKitWebDriver" ;;
	esac
}

header() {
	printf '\n==== %s ====\n' "$*"
}

# The code's form before anything is built: rustfmt's layout, and no clippy
# warning, natively (every target and feature, e2e and prerender included)
# and for the browser (the widget and its component tests, and the
# respondent's build without the group view).
header "lint: cargo fmt --check; cargo clippy -D warnings (native and wasm32)"
cargo fmt --all --check
cargo clippy --workspace --all-targets --features e2e,prerender -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p maturity-quiz --lib --test web -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p maturity-quiz --lib --no-default-features -- -D warnings

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

# The e2e tests are compiled only with the `e2e` feature (Cargo.toml), so the
# native layer leaves them out and layer 3 runs them, once per engine.
header "1/3 native: cargo test --workspace (core/ and the widget)"
cargo test --workspace

# wasm-bindgen-test-runner picks the browser by the driver variable it finds;
# webdriver.json in the crate root adds each browser's flags.
for engine in "${engines[@]}"; do
	case "$engine" in
	chromium) driver=(CHROMEDRIVER=/usr/bin/chromedriver) ;;
	firefox) driver=(GECKODRIVER="$(command -v geckodriver)") ;;
	*) continue ;;
	esac
	header "2/3 components: wasm-bindgen-test in headless $engine (tests/web.rs): $(version_of "$engine")"
	env "${driver[@]}" \
		CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
		cargo test --target wasm32-unknown-unknown --test web
done

# The host projects of tests/hosts/ (Vite, webpack, esbuild, TypeScript) with
# the release installed and built, for tests/e2e/hosts.rs.
header "hosts: scripts/hosts.sh -> target/hosts/"
bash scripts/hosts.sh

# Screenshots (and failure screenshots) land here; drop those of older runs.
rm -rf test-output
for engine in "${engines[@]}"; do
	header "3/3 end-to-end in $engine: dist/ by keyboard and from host pages (tests/e2e/): $(version_of "$engine")"
	MQ_BROWSER="$engine" cargo test --features e2e --test e2e
done
