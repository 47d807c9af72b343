#!/usr/bin/env bash
# Builds dist-single/maturity-quiz.html: the whole quiz in one HTML file that
# works when opened from disk (file://), with no server and no connection.
#
# Usage:  bash scripts/single-file.sh [--benchmark FILE] [--out PATH]
#
# --benchmark FILE carries a benchmark the group view made (a poll's totals,
# docs/benchmark-format.md) inside the widget, as its inline
# <script type="application/json" data-benchmark>, so that a result made
# from the file says where it stands in that poll. --out writes elsewhere
# than dist-single/maturity-quiz.html.
#
# It runs the release build first when dist/ is missing or older than its
# sources. The widget's two wasm files (the quiz, and the quiz with the group
# view) go into the page as data: URLs, which embed.js (inlined too, with the
# JS glues and the stylesheet bundled in it) uses instead of the files beside
# it; a wasm is about a third larger as base64 than as a file.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

benchmark=""
out=dist-single/maturity-quiz.html
while [ $# -gt 0 ]; do
	case "$1" in
	--benchmark)
		benchmark="${2:?single-file: --benchmark needs a file}"
		[ -f "$benchmark" ] || {
			echo "single-file: $benchmark is not a file" >&2
			exit 2
		}
		shift 2
		;;
	--out)
		out="${2:?single-file: --out needs a path}"
		shift 2
		;;
	*)
		echo "single-file: unknown argument '$1'; expected --benchmark FILE or --out PATH" >&2
		exit 2
		;;
	esac
done

if [ ! -f dist/index.html ]; then
	reason="dist/ is missing"
else
	newer="$(find src content Cargo.toml Cargo.lock Trunk.toml index.html loader style.css pwa \
		-newer dist/index.html -print -quit)"
	reason="${newer:+$newer is newer than dist/}"
fi
if [ -n "$reason" ]; then
	echo "single-file: $reason; building it"
	# Sourced so that its PATH additions (trunk, wasm-bindgen, wasm-opt) apply here.
	source scripts/setup.sh
	trunk build --release --offline
fi

data_url() {
	printf 'data:%s;base64,%s' "$1" "$(base64 -w0 "dist/$2")"
}

# The page's inline script and style, each with the newlines around it; the
# policy below names them by their SHA-256.
settings="
globalThis.MATURITY_QUIZ_INLINE = {
  \"maturity-quiz_bg.wasm\": \"$(data_url application/wasm maturity-quiz_bg.wasm)\",
  \"maturity-quiz-group_bg.wasm\": \"$(data_url application/wasm maturity-quiz-group_bg.wasm)\",
};
"
# embed.js with "</script" and "<!--" escaped (see scripts/inline-script.sh).
loader="
$(bash scripts/inline-script.sh dist/embed.js)
"
style=" body { margin: 0 auto; max-width: 48em; padding: 1em; } "

sha256() {
	printf "'sha256-%s'" "$(printf '%s' "$1" | openssl dgst -sha256 -binary | base64 -w0)"
}

# The standalone page's policy (index.html), made for a page that holds
# everything and has no origin of its own: its script and style only by their
# hashes; the wasm and the icon only as the data: URLs above ('self' never
# matches data:); the widget's stylesheet is a constructed one, which
# style-src does not govern; nothing else, so that the file
# still runs from disk with no connection, and makes no request even if
# something were injected into it.
policy="default-src 'none'; script-src $(sha256 "$settings") $(sha256 "$loader") 'wasm-unsafe-eval'; \
style-src $(sha256 "$style"); connect-src data:; img-src data:; base-uri 'none'; object-src 'none'; form-action 'none'"

# The benchmark as the widget's inline JSON. In JSON a "<" can only stand in
# a string, where "\u003c" means the same, so none is left to end the
# element early. A JSON script is data, never run: the policy need not name it.
carried=""
if [ -n "$benchmark" ]; then
	carried="<script type=\"application/json\" data-benchmark>$(sed 's/</\\u003c/g' "$benchmark")</script>"
fi

mkdir -p "$(dirname "$out")"
{
	cat <<HTML
<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="$policy">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Social Maturity Model – vragenlijst</title>
<link rel="icon" href="$(data_url image/svg+xml icon.svg)">
<style>$style</style>
<script>$settings</script>
<script type="module">$loader</script>
</head>
<body>
<maturity-quiz>$carried
<noscript>Deze vragenlijst heeft JavaScript nodig. / This questionnaire needs JavaScript.</noscript>
</maturity-quiz>
</body>
</html>
HTML
} >"$out.tmp"
mv "$out.tmp" "$out"

size="$(stat -c %s "$out")"
echo "single-file: $out, $((size / 1024)) KiB ($size bytes)"
