#!/usr/bin/env bash
# Size report and budget for the embedded quiz.
#
# Prints, for each file a visitor's browser downloads for the embedded quiz,
# its raw, gzip -9 and brotli -q 11 size in bytes, and the totals, for the
# two downloads there are since issue 24: a respondent's (embed.js, with the
# JS glues and the stylesheet bundled in, and maturity-quiz_bg.wasm, the quiz)
# and a facilitator's (embed.js and maturity-quiz-group_bg.wasm, the quiz with
# the group view). Then it compares each gzip total with its budget in
# size-budget.txt and exits 1 when one is over it: scripts/test.sh runs this
# right after its builds, so no change grows the widget silently (issue 7).
#
# Usage:  bash scripts/size.sh [--no-build] [--dist DIR] [--files FILE...]
#   --no-build  measure the existing build instead of running
#               `trunk build --release --offline` first
#   --dist DIR  measure DIR instead of dist/ (implies --no-build)
#   --files FILE...  only report these files, with no build and no budget
#               (scripts/floor.sh measures yew's floor with it)
#
# gzip is the CLI's; brotli is node's built-in zlib (scripts/brotli-size.mjs),
# so no brotli package is needed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build=1
dist=dist
only=()
while [ $# -gt 0 ]; do
	case "$1" in
	--no-build) build=0 ;;
	--files)
		shift
		only=("$@")
		[ ${#only[@]} -gt 0 ] || {
			echo "size: --files needs at least one file" >&2
			exit 2
		}
		build=0
		break
		;;
	--dist)
		[ $# -ge 2 ] || {
			echo "size: --dist needs a directory" >&2
			exit 2
		}
		dist="$2"
		build=0
		shift
		;;
	*)
		echo "size: unknown argument '$1' (expected --no-build, --dist DIR or --files FILE...)" >&2
		exit 2
		;;
	esac
	shift
done

budget_file=size-budget.txt

if [ "$build" -eq 1 ]; then
	# Sourced for the PATH additions (trunk, wasm-bindgen, wasm-opt).
	source scripts/setup.sh
	echo "size: trunk build --release --offline"
	trunk build --release --offline
fi

# The budgets are the first two lines of the file that are not a comment or
# blank: the respondent's, then the facilitator's.
mapfile -t budgets < <(grep -v -E '^[[:space:]]*(#|$)' "$budget_file" | head -n 2 | sed 's/[[:space:]]//g')
if [ ${#budgets[@]} -ne 2 ] || ! [[ "${budgets[0]}" =~ ^[0-9]+$ && "${budgets[1]}" =~ ^[0-9]+$ ]]; then
	echo "size: $budget_file holds no two budgets in bytes (found '${budgets[*]}')" >&2
	exit 1
fi

row() { printf '%-30s %10s %10s %13s\n' "$@"; }

# Prints the table of `title`'s files and sets gzip_total.
table() {
	local title="$1" path raw gz br raw_total=0 brotli_total=0
	shift
	local paths=()
	for path in "$@"; do
		[ -f "$path" ] || {
			echo "size: $path is missing: build first (trunk build --release --offline)" >&2
			exit 1
		}
		paths+=("$path")
	done
	declare -A brotli
	while read -r br path; do
		brotli["$path"]=$br
	done < <(node scripts/brotli-size.mjs "${paths[@]}")
	echo
	echo "size: $title, in bytes"
	row file raw "gzip -9" "brotli -q 11"
	gzip_total=0
	for path in "${paths[@]}"; do
		raw=$(stat -c %s "$path")
		gz=$(gzip -9c <"$path" | wc -c)
		br=${brotli["$path"]}
		row "$(basename "$path")" "$raw" "$gz" "$br"
		raw_total=$((raw_total + raw))
		gzip_total=$((gzip_total + gz))
		brotli_total=$((brotli_total + br))
	done
	row total "$raw_total" "$gzip_total" "$brotli_total"
}

if [ ${#only[@]} -gt 0 ]; then
	table "the files given" "${only[@]}"
	exit 0
fi

failed=0
for download in respondent facilitator; do
	if [ "$download" = respondent ]; then
		budget=${budgets[0]}
		table "what a respondent downloads ($dist/)" "$dist/embed.js" "$dist/maturity-quiz_bg.wasm"
	else
		budget=${budgets[1]}
		table "what a facilitator downloads, for the group view ($dist/)" "$dist/embed.js" "$dist/maturity-quiz-group_bg.wasm"
	fi
	if [ "$gzip_total" -gt "$budget" ]; then
		echo "size: FAIL: the $download's gzip total $gzip_total bytes is over the budget of $budget bytes ($budget_file) by $((gzip_total - budget))" >&2
		failed=1
	else
		echo "size: the $download's gzip total $gzip_total bytes is within the budget of $budget bytes ($budget_file), $((budget - gzip_total)) to spare"
	fi
done
if [ "$failed" -eq 1 ]; then
	echo "size: find what grew (see BENCHMARKS.md, \"Where the wasm's bytes go\"), or raise the budget in $budget_file on purpose" >&2
	exit 1
fi
