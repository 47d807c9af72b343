#!/usr/bin/env bash
# Makes a release of maturity-quiz that sites, bundlers and CDNs use as it is
# (issue 15), in target/package/:
#   maturity-quiz-<version>.tgz   the npm package, made by `npm pack`
#   maturity-quiz-<version>.zip   the same folder, for self-hosting
#   maturity-quiz-<version>.html  the single file (scripts/single-file.sh)
#   SHA256SUMS                    over the three
# The version is Cargo.toml's. The package is one staging folder,
# target/package-stage/maturity-quiz-<version>/, holding exactly the files
# npm/package.json lists; the tarball and the zip are both made from it.
#
# Usage:  bash scripts/package.sh [--no-build]
#   --no-build  package the existing dist/ instead of running the release
#               build first (scripts/test.sh has just built it)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build=1
for arg in "$@"; do
	case "$arg" in
	--no-build) build=0 ;;
	*)
		echo "package: unknown argument '$arg' (expected --no-build)" >&2
		exit 2
		;;
	esac
done

# Sourced for the PATH additions (trunk, wasm-bindgen, wasm-opt) and zip;
# without this script's own arguments, which a sourced file would see.
set --
source scripts/setup.sh
if [ "$build" -eq 1 ]; then
	echo "package: trunk build --release --offline"
	trunk build --release --offline
fi
# Builds only when dist/ is missing or stale, which --no-build rules out here.
bash scripts/single-file.sh

version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]] || {
	echo "package: Cargo.toml's version '$version' is not a semver version npm takes" >&2
	exit 1
}
name="maturity-quiz-$version"

# What the package holds: npm/package.json's "files", the one list of them
# (tests/e2e/hosts.rs reads it too), and package.json. Each comes from npm/
# (the package's own files), else dist/ (what the build makes), else the
# repository's root (the licences).
mapfile -t files < <(node -e 'for (const file of require("./npm/package.json").files) console.log(file)')
[ "${#files[@]}" -gt 0 ] || {
	echo "package: npm/package.json lists no \"files\"" >&2
	exit 1
}

out=target/package
stage="target/package-stage/$name"
rm -rf "$out" target/package-stage
mkdir -p "$out" "$stage"
for file in "${files[@]}"; do
	found=""
	for dir in npm dist .; do
		if [ -f "$dir/$file" ]; then
			found="$dir/$file"
			break
		fi
	done
	[ -n "$found" ] || {
		echo "package: $file (npm/package.json \"files\") is in neither npm/, dist/ nor the root: run the release build (without --no-build)" >&2
		exit 1
	}
	cp "$found" "$stage/"
done

# package.json: npm/package.json with the version put after the name.
VERSION="$version" node -e '
	const fs = require("fs");
	const { name, ...rest } = JSON.parse(fs.readFileSync("npm/package.json", "utf8"));
	const pkg = { name, version: process.env.VERSION, ...rest };
	fs.writeFileSync(`${process.argv[1]}/package.json`, JSON.stringify(pkg, null, 2) + "\n");
' "$stage"

# The same time on every file, so that the zip's bytes depend only on the
# files' contents (npm pack sets its own fixed time).
find "$stage" -type f -exec touch -d '2000-01-01T00:00:00Z' {} +

npm pack "./$stage" --pack-destination "$out" --ignore-scripts --loglevel=error >/dev/null
[ -f "$out/$name.tgz" ] || {
	echo "package: npm pack did not write $out/$name.tgz" >&2
	exit 1
}
# One folder named after the release, files sorted, no extra fields (-X) or
# directory entries (-D); UTC, since zip stores local times.
(
	cd target/package-stage
	find "$name" -type f | LC_ALL=C sort | TZ=UTC zip -q -X -D -9 "../package/$name.zip" -@
)
cp dist-single/maturity-quiz.html "$out/$name.html"
(
	cd "$out"
	sha256sum "$name.tgz" "$name.zip" "$name.html" >SHA256SUMS
)

echo "package: $out/"
(
	cd "$out"
	for file in "$name.tgz" "$name.zip" "$name.html" SHA256SUMS; do
		printf '  %-32s %9s bytes\n' "$file" "$(stat -c %s "$file")"
	done
)
# For the CDN snippet's integrity attribute (README, "From a CDN").
echo "package: embed.js's integrity: $(node -e 'process.stdout.write("sha384-" + require("crypto").createHash("sha384").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$stage/embed.js")"
echo "package: the package's files ($stage/)"
(
	cd "$stage"
	for file in $(LC_ALL=C ls); do
		printf '  %-32s %9s bytes, %8s gzip -9\n' "$file" "$(stat -c %s "$file")" "$(gzip -9c "$file" | wc -c)"
	done
)
