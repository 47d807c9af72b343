#!/usr/bin/env bash
# Side-by-side benchmark of issue 7: the embedded quiz against SurveyJS on the
# same twelve questions, cold loads in headless Chromium on 127.0.0.1, without
# and with 4x CPU throttling: first screen, widget running, layout shift,
# first question, result, memory and transfer. Prints a Markdown table (BENCHMARKS.md holds the
# latest one and explains the method). Not part of scripts/test.sh: it takes
# a few minutes and its figures depend on the machine.
#
# Usage:  bash scripts/bench.sh [--no-build] [--loads N] [--latency MS]
#   --no-build  use the existing dist/ instead of building the release first
#   --loads N   cold loads per page and CPU rate (default 15)
#   --latency MS  add MS milliseconds to every request's round trip (default 0)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build=1
args=()
while [ $# -gt 0 ]; do
	case "$1" in
	--no-build) build=0 ;;
	--loads | --latency)
		[ $# -ge 2 ] || {
			echo "bench: $1 needs a number" >&2
			exit 2
		}
		args+=("$1" "$2")
		shift
		;;
	*)
		echo "bench: unknown argument '$1' (expected --no-build, --loads N or --latency MS)" >&2
		exit 2
		;;
	esac
	shift
done

# Installs what is missing (trunk, wasm-opt, the npm packages with SurveyJS,
# Chromium and chromedriver) and puts the tools on PATH.
source scripts/setup.sh --browser

if [ "$build" -eq 1 ]; then
	echo "bench: trunk build --release --offline"
	trunk build --release --offline
fi

# An example of the crate (examples/bench.rs): built by `cargo test`, run only here.
cargo run --release --quiet --example bench -- "${args[@]}"
