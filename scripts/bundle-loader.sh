#!/usr/bin/env bash
# Trunk post_build hook (see Trunk.toml): makes dist/embed.js, the loader
# (loader/embed.js) bundled by esbuild with everything it imports and
# minified, so that a host page makes one request for the loader and
# wasm-bindgen's JS glue (BENCHMARKS.md measures it with --latency). What the
# loader imports is written here first, into target/loader/ (not in git):
#   maturity-quiz.js, .d.ts  the glue, and its types for tsc;
#   maturity-quiz-group.js, .d.ts  the same for the facilitator's build;
#   data.js                  the widget's rules and prerendered intro
#                            (src/prerender.rs), its stylesheet (style.css,
#                            minified) and the hashes of the two wasm files.
# tsc then checks the loader against all of it and npm/embed.d.ts.
# Trunk.toml runs this before scripts/precache.sh, so that the service worker
# lists the result.
set -euo pipefail

stage="${TRUNK_STAGING_DIR:?run this as a trunk post_build hook (it sets TRUNK_STAGING_DIR)}"
source_dir="${TRUNK_SOURCE_DIR:?run this as a trunk post_build hook (it sets TRUNK_SOURCE_DIR)}"
profile="${TRUNK_PROFILE:?run this as a trunk post_build hook (it sets TRUNK_PROFILE)}"
cd "$source_dir"

generated=target/loader
rm -rf "$generated"
mkdir -p "$generated"

# The glue, without a default URL of its own for the wasm. Its default, a
# second `new URL('maturity-quiz_bg.wasm', import.meta.url)`, would make
# Vite and webpack emit the wasm twice, and is never used: the loader always
# passes the URL. wasm-bindgen leaves it out when given
# --omit-default-module-path, but trunk 0.21.14 passes it a fixed set of
# arguments (--target, --out-dir, --out-name, and the flags of data-keep-debug,
# data-no-demangle, data-reference-types, data-weak-refs, data-typescript),
# none of which does. So this runs the same wasm-bindgen (the version
# Trunk.toml pins and scripts/setup.sh checks) on the same wasm cargo built,
# which takes 0.2 s, and keeps its glue: unlike cutting the line out of
# trunk's glue, nothing here depends on how wasm-bindgen words its output.
# The wasm shipped stays trunk's, wasm-opt's output of the same run.
target_dir="$(cargo metadata --format-version 1 --no-deps --offline |
	node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0, "utf8")).target_directory)')"
wasm="$target_dir/wasm32-unknown-unknown/$profile/maturity_quiz.wasm"
[ -f "$wasm" ] || {
	echo "bundle-loader: cargo's $wasm is missing" >&2
	exit 1
}
wasm-bindgen --target web --omit-default-module-path --out-dir "$generated" --out-name maturity-quiz "$wasm"
# The glue calls the wasm's imports by names derived from the wasm cargo
# built: every import of the wasm shipped must be one this glue provides, or
# the wasm found above is not the one trunk shipped.
WASM_SHIPPED="$stage/maturity-quiz_bg.wasm" WASM_BOUND="$generated/maturity-quiz_bg.wasm" node -e '
	const { readFileSync } = require("fs");
	const imports = (file) =>
		WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(file))).map(({ module, name }) => `${module}.${name}`);
	const bound = new Set(imports(process.env.WASM_BOUND));
	const missing = imports(process.env.WASM_SHIPPED).filter((name) => !bound.has(name));
	if (missing.length > 0) {
		console.error(`bundle-loader: the glue made from ${process.env.WASM_BOUND} lacks the shipped wasm'"'"'s imports ${missing.join(", ")}`);
		process.exit(1);
	}
'
rm "$generated"/maturity-quiz_bg.wasm*

# The facilitator's build (issue 24). Trunk builds the respondent's wasm, the
# quiz without the group view (index.html: data-cargo-no-default-features);
# this builds the crate with its default features, the group view among
# them, under a profile of its own, and makes it and its glue as trunk made
# the other: wasm-bindgen, then wasm-opt -Oz. The loader fetches it only
# when someone opens the group overview, or the page opens on it.
[ "$profile" = release ] || {
	echo "bundle-loader: the facilitator's build is made for release builds only (trunk build --release)" >&2
	exit 1
}
cargo build --quiet --lib --target wasm32-unknown-unknown --profile facilitator
wasm-bindgen --target web --omit-default-module-path --out-dir "$generated" --out-name maturity-quiz-group \
	"$target_dir/wasm32-unknown-unknown/facilitator/maturity_quiz.wasm"
wasm-opt -Oz --output "$stage/maturity-quiz-group_bg.wasm" "$generated/maturity-quiz-group_bg.wasm"
rm "$generated"/maturity-quiz-group_bg.wasm*

# The data (issues 12, 16, 22, 24): a native step renders the intro from the
# widget's components and writes it with the rules the loader applies and
# the texts from content/ui.json (src/bin/prerender.rs). With it:
# - the Subresource Integrity hashes (issue 20) of the two wasm files as
#   built, the sha384 the loader passes to its fetch, so that a file swapped
#   on a server or CDN, or fetched from an address a hostile page slipped
#   in, is refused. Nothing changes them after this hook;
# - the stylesheet, minified, as text the loader adopts as a constructed
#   stylesheet (issue 24): the prerendered intro then shows styled as soon
#   as the loader runs, without a round trip for a file of its own
#   (BENCHMARKS.md measures it with --latency 100).
# As constants, so that tsc knows their very values.
prerendered="$(cargo run --quiet --features prerender --bin prerender)" || {
	echo "bundle-loader: the intro could not be prerendered (see above)" >&2
	exit 1
}
style="$(node_modules/.bin/esbuild style.css --minify --log-level=warning)"
PRERENDERED="$prerendered" STYLE="$style" STAGE="$stage" OUT="$generated/data.js" node -e '
	const { createHash } = require("crypto");
	const { readFileSync, writeFileSync } = require("fs");
	const hashes = {};
	for (const file of ["maturity-quiz_bg.wasm", "maturity-quiz-group_bg.wasm"]) {
		const bytes = readFileSync(`${process.env.STAGE}/${file}`);
		hashes[file] = "sha384-" + createHash("sha384").update(bytes).digest("base64");
	}
	const data = JSON.stringify(JSON.parse(process.env.PRERENDERED));
	writeFileSync(
		process.env.OUT,
		"// Written by scripts/bundle-loader.sh at each build: what loader/embed.js applies.\n" +
			`export const LOADER_DATA = /** @type {const} */ (${data});\n` +
			`export const INTEGRITY = /** @type {const} */ (${JSON.stringify(hashes)});\n` +
			`export const STYLE = ${JSON.stringify(process.env.STYLE)};\n`,
	);
'

node_modules/.bin/tsc -p loader

# ES module out, as the loader's source is: Vite and webpack see its
# `new URL("./…", import.meta.url)` and emit those files. The syntax is left
# as written (esbuild's default target), so the browsers it ran in before
# minifying run it still; UTF-8, so that the texts stay as short as written.
node_modules/.bin/esbuild loader/embed.js --bundle --format=esm --minify --charset=utf8 \
	--legal-comments=none --log-level=warning --outfile="$stage/embed.js"
# Trunk's own glue, with its default URL; the loader carries the one above.
rm -f "$stage/maturity-quiz.js"
echo "bundle-loader: embed.js, glue and data bundled ($(stat -c %s "$stage/embed.js") bytes)"
