#!/usr/bin/env bash
# Trunk post_build hook (see Trunk.toml): puts wasm-bindgen's JS glue
# (maturity-quiz.js) in front of embed.js in the build, and drops the glue's
# own file. A host page then makes one request for both instead of two,
# which BENCHMARKS.md measures with --latency. Both are ES modules with no
# name in common, so one after the other they are still one valid module;
# embed.js calls the glue's `__wbg_init` and `Widget`, which this checks are
# there, and always passes the wasm's URL, so the glue's own default URL is
# taken out (below) for bundlers' sake.
# Trunk.toml runs it before scripts/precache.sh, so that the service worker
# lists the result.
set -euo pipefail

stage="${TRUNK_STAGING_DIR:?run this as a trunk post_build hook (it sets TRUNK_STAGING_DIR)}"
source_dir="${TRUNK_SOURCE_DIR:?run this as a trunk post_build hook (it sets TRUNK_SOURCE_DIR)}"
cd "$stage"

for file in maturity-quiz.js embed.js; do
	[ -f "$file" ] || {
		echo "bundle-loader: $stage/$file is missing" >&2
		exit 1
	}
done
for definition in '^async function __wbg_init\(' '^export class Widget '; do
	grep -Eq "$definition" maturity-quiz.js || {
		echo "bundle-loader: the glue no longer matches /$definition/; embed.js needs updating" >&2
		exit 1
	}
done

# The glue has its own default for the wasm's URL, a second
# `new URL('maturity-quiz_bg.wasm', import.meta.url)`. Vite and webpack would
# emit the wasm once for it and once for the loader's, and the glue's copy
# would never be fetched: embed.js always passes the URL. So that default
# becomes an error, and the glue is left with no import.meta at all. When a
# new wasm-bindgen writes the line differently, the build stops here.
default_url="module_or_path = new URL('maturity-quiz_bg.wasm', import.meta.url);"
DEFAULT_URL="$default_url" node -e '
	const fs = require("fs");
	const glue = fs.readFileSync("maturity-quiz.js", "utf8");
	const parts = glue.split(process.env.DEFAULT_URL);
	if (parts.length !== 2) {
		console.error(`bundle-loader: the glue holds "${process.env.DEFAULT_URL}" ${parts.length - 1} times, not once; embed.js and this script need updating`);
		process.exit(1);
	}
	const neutral = parts.join(`throw new Error("maturity-quiz: embed.js passes the wasm");`);
	if (neutral.includes("import.meta")) {
		console.error("bundle-loader: the glue uses import.meta somewhere else too; bundlers would see it");
		process.exit(1);
	}
	fs.writeFileSync("maturity-quiz.js", neutral);
'

# The prerendered intro and the loader's own words (issues 12 and 16): a
# native step renders the intro from the widget's components
# (src/bin/prerender.rs) and writes it, with the texts from content/ui.json,
# in place of the marker.
marker='/* prerendered */ {}'
grep -qF "$marker" embed.js || {
	echo "bundle-loader: embed.js lacks the marker '$marker' for the prerendered intro" >&2
	exit 1
}
prerendered="$(cd "$source_dir" && cargo run --quiet --features prerender --bin prerender)" || {
	echo "bundle-loader: the intro could not be prerendered (see above)" >&2
	exit 1
}

# Subresource Integrity (issue 20): the sha384 of the wasm and the stylesheet
# as built, which embed.js passes to its fetch and link, so that a file
# swapped on a server or CDN, or fetched from an address a hostile page
# slipped in, is refused. Nothing changes either file after this hook.
for file in maturity-quiz_bg.wasm style.css; do
	[ -f "$file" ] || {
		echo "bundle-loader: $stage/$file is missing" >&2
		exit 1
	}
done
integrity_marker='/* integrity */ {}'
grep -qF "$integrity_marker" embed.js || {
	echo "bundle-loader: embed.js lacks the marker '$integrity_marker' for the files' hashes" >&2
	exit 1
}
integrity="$(node -e '
	const { createHash } = require("crypto");
	const { readFileSync } = require("fs");
	const hashes = {};
	for (const file of ["maturity-quiz_bg.wasm", "style.css"]) {
		hashes[file] = "sha384-" + createHash("sha384").update(readFileSync(file)).digest("base64");
	}
	process.stdout.write(JSON.stringify(hashes));
')"

{
	cat maturity-quiz.js
	printf '\n'
	# Replaced as literal strings: the texts may hold any character.
	MARKER="$marker" TEXTS="$prerendered" INTEGRITY_MARKER="$integrity_marker" INTEGRITY="$integrity" node -e '
		const source = require("fs").readFileSync(0, "utf8");
		const env = process.env;
		process.stdout.write(
			source.split(env.MARKER).join(env.TEXTS).split(env.INTEGRITY_MARKER).join(env.INTEGRITY),
		);
	' <embed.js
} >embed.js.tmp
mv embed.js.tmp embed.js
rm maturity-quiz.js
echo "bundle-loader: embed.js now carries the glue ($(stat -c %s embed.js) bytes)"
