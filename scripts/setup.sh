#!/usr/bin/env bash
# Installs everything maturity-quiz needs to build and test, from package
# registries only (crates.io, npm, Debian). Idempotent: each tool is checked by
# version and installed only when missing or different, so a second run is a
# fast no-op.
#
# Usage:  bash scripts/setup.sh [--browsers]
#         source scripts/setup.sh [--browsers]   # also puts the tools on PATH
#
# --browsers (or --browser, its older name) also installs the three browser
# engines and their WebDriver servers for the component and end-to-end tests:
# Debian's chromium + chromium-driver, firefox-esr, webkit2gtk-driver (with
# WebKitGTK's MiniBrowser) and xvfb (MiniBrowser needs a display), and
# geckodriver from crates.io. Nothing downloads a browser at run time.
#
# The other scripts `source` this file so that the PATH additions (cargo's bin
# dir and node_modules/.bin, where npm puts binaryen's wasm-opt) reach them.
# The installs themselves run in a subshell with `set -euo pipefail`, so
# sourcing never changes the caller's shell options.

_mq_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# PATH first, so that the checks below see freshly installed tools too.
case ":$PATH:" in
*":${CARGO_HOME:-$HOME/.cargo}/bin:"*) ;;
*) PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH" ;;
esac
case ":$PATH:" in
*":$_mq_root/node_modules/.bin:"*) ;;
*) PATH="$_mq_root/node_modules/.bin:$PATH" ;;
esac
export PATH

(
	set -euo pipefail
	cd "$_mq_root"

	browser=0
	for arg in "$@"; do
		case "$arg" in
		--browsers | --browser) browser=1 ;;
		*)
			echo "setup: unknown argument '$arg' (expected --browsers)" >&2
			exit 2
			;;
		esac
	done

	say() { echo "setup: $*"; }

	# Root installs system packages directly; anyone else needs sudo.
	as_root() {
		if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
	}

	apt_updated=0
	apt_install() {
		if [ "$apt_updated" -eq 0 ]; then
			say "apt-get update"
			as_root apt-get update -qq
			apt_updated=1
		fi
		say "apt-get install $*"
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
	}

	# `cargo install --locked` uses the crate's own lock file, which can name a
	# dependency version the registry no longer serves (yanked, or not yet
	# mirrored). Only in that case retry with a fresh resolution: a real
	# compile error is not retried, since that would cost another full build.
	cargo_install() {
		local log
		log="$(mktemp)"
		if cargo install --locked "$@" 2>&1 | tee "$log"; then
			rm -f "$log"
			return 0
		fi
		if grep -q "failed to select a version" "$log"; then
			rm -f "$log"
			say "its lock file names a version the registry lacks; retrying without --locked"
			cargo install "$@"
		else
			rm -f "$log"
			return 1
		fi
	}

	# --- Rust target -----------------------------------------------------------
	command -v cargo >/dev/null || {
		echo "setup: cargo not found: install Rust with rustup first" >&2
		exit 1
	}
	if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
		say "wasm32-unknown-unknown target: present"
	else
		say "adding the wasm32-unknown-unknown target"
		rustup target add wasm32-unknown-unknown
	fi
	# The lint gate of scripts/test.sh (cargo fmt, cargo clippy).
	for component in rustfmt clippy; do
		if rustup component list --installed | grep -q "^$component"; then
			say "$component: present"
		else
			say "adding the $component component"
			rustup component add "$component"
		fi
	done

	# --- trunk -----------------------------------------------------------------
	trunk_version="0.21.14"
	have="$(trunk --version 2>/dev/null || true)"
	if [ "$have" = "trunk $trunk_version" ]; then
		say "trunk $trunk_version: present"
	else
		say "installing trunk $trunk_version (found: ${have:-none}); this compiles for ~15-25 min"
		cargo_install trunk --version "$trunk_version"
		have="$(trunk --version 2>/dev/null || true)"
		if [ "$have" != "trunk $trunk_version" ]; then
			echo "setup: after installing, \`trunk --version\` says '${have:-nothing}' ($(command -v trunk || echo 'not on PATH'))" >&2
			exit 1
		fi
	fi

	# --- wasm-bindgen-cli ------------------------------------------------------
	# Must equal the wasm-bindgen crate in Cargo.lock exactly: the CLI refuses to
	# process a module built by another version of the crate.
	wbg_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)"
	[ -n "$wbg_version" ] || {
		echo "setup: no wasm-bindgen package in Cargo.lock" >&2
		exit 1
	}
	# Trunk.toml pins the same version for `trunk --offline`; catch drift here,
	# where the message can say what to change.
	trunk_wbg="$(sed -n 's/^wasm_bindgen *= *"\(.*\)"/\1/p' Trunk.toml)"
	if [ "$trunk_wbg" != "$wbg_version" ]; then
		echo "setup: Trunk.toml pins wasm_bindgen = \"$trunk_wbg\" but Cargo.lock has wasm-bindgen $wbg_version: make them equal" >&2
		exit 1
	fi
	have="$(wasm-bindgen --version 2>/dev/null || true)"
	if [ "$have" = "wasm-bindgen $wbg_version" ] && command -v wasm-bindgen-test-runner >/dev/null; then
		say "wasm-bindgen-cli $wbg_version: present"
	else
		say "installing wasm-bindgen-cli $wbg_version (found: ${have:-none}); this compiles for ~5-10 min"
		cargo_install wasm-bindgen-cli --version "$wbg_version"
		have="$(wasm-bindgen --version 2>/dev/null || true)"
		if [ "$have" != "wasm-bindgen $wbg_version" ] || ! command -v wasm-bindgen-test-runner >/dev/null; then
			echo "setup: after installing, \`wasm-bindgen --version\` says '${have:-nothing}' ($(command -v wasm-bindgen || echo 'not on PATH'))" >&2
			exit 1
		fi
	fi

	# --- npm tools: binaryen (wasm-opt), esbuild and typescript (the loader),
	# axe-core (audit), SurveyJS (benchmark)
	if ! command -v npm >/dev/null; then
		apt_install nodejs npm
	fi
	# `npm ls` exits non-zero when any pinned package is missing or differs.
	if npm ls --depth=0 >/dev/null 2>&1 && [ -x node_modules/.bin/wasm-opt ]; then
		say "npm packages of package-lock.json: present"
	else
		say "npm ci (binaryen, esbuild, typescript, axe-core, SurveyJS for the benchmark: as pinned in package-lock.json)"
		npm ci --no-audit --no-fund --loglevel=error
	fi
	# Check wasm-opt the way trunk 0.21 does (src/tools.rs): third word of
	# `wasm-opt --version`, prefixed with "version_", must equal Trunk.toml's pin,
	# or `trunk build --offline` refuses to run.
	want_opt="$(sed -n 's/^wasm_opt *= *"\(.*\)"/\1/p' Trunk.toml)"
	have_opt="version_$(wasm-opt --version | cut -d' ' -f3)"
	if [ "$have_opt" != "$want_opt" ]; then
		echo "setup: wasm-opt on PATH ($(command -v wasm-opt)) reports $have_opt, Trunk.toml wants $want_opt" >&2
		exit 1
	fi
	say "wasm-opt $have_opt: $(command -v wasm-opt)"

	# --- zip: scripts/package.sh packs the release's self-hosting folder ------
	if command -v zip >/dev/null; then
		say "zip: present"
	else
		apt_install zip
	fi

	# --- browsers ----------------------------------------------------------------
	if [ "$browser" -eq 1 ]; then
		# Each Debian package, by a file it installs.
		missing=()
		for pair in chromium:/usr/bin/chromium chromium-driver:/usr/bin/chromedriver \
			firefox-esr:/usr/bin/firefox-esr webkit2gtk-driver:/usr/bin/WebKitWebDriver \
			xvfb:/usr/bin/Xvfb; do
			if [ -x "${pair#*:}" ]; then
				say "${pair%%:*}: present"
			else
				missing+=("${pair%%:*}")
			fi
		done
		if [ "${#missing[@]}" -gt 0 ]; then
			apt_install "${missing[@]}"
		fi
		minibrowser=/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser
		if [ ! -x "$minibrowser" ]; then
			echo "setup: $minibrowser is missing (it comes with libwebkit2gtk-4.1-0, a dependency of webkit2gtk-driver)" >&2
			exit 1
		fi
		# geckodriver is Mozilla's, published on crates.io; it drives the
		# Firefox installed above and never downloads one.
		gecko_version="0.37.1"
		have="$(geckodriver --version 2>/dev/null | head -n 1 || true)"
		case "$have" in
		"geckodriver $gecko_version"*) say "geckodriver $gecko_version: present" ;;
		*)
			say "installing geckodriver $gecko_version (found: ${have:-none}); this compiles for ~3-5 min"
			cargo_install geckodriver --version "$gecko_version"
			;;
		esac
	fi
	say "done"
)
_mq_status=$?
unset _mq_root
# `return` works only when sourced; when run as a script it fails and `exit`
# runs instead.
return "$_mq_status" 2>/dev/null || exit "$_mq_status"
