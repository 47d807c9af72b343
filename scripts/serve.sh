#!/usr/bin/env bash
# Builds the widget in release mode and serves it on http://127.0.0.1:8080/
# (address and port from Trunk.toml) until interrupted. Extra arguments go to
# `trunk serve`, e.g. `scripts/serve.sh --port 9000`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# trunk's arguments, kept aside: a sourced script sees the caller's
# arguments as its own, and setup.sh refuses `--port`.
args=("$@")
set --
# Sourced so that its PATH additions (trunk, wasm-bindgen, wasm-opt) apply here.
source scripts/setup.sh

port=8080
for i in "${!args[@]}"; do
	case "${args[$i]}" in
	--port=*) port="${args[$i]#--port=}" ;;
	--port) port="${args[$((i + 1))]:-$port}" ;;
	esac
done

echo "Open http://127.0.0.1:$port/ (once trunk's first build below has finished)"
exec trunk serve --release --offline "${args[@]}"
