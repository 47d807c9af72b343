#!/usr/bin/env bash
# Trunk post_build hook (see Trunk.toml): writes the standalone page's service
# worker, sw.js, into the build from the template pwa/sw.js, filling in
#   @FILES@    every file of the build (and "./", the page's own address) with
#              its SHA-384 in Subresource Integrity form, which the worker
#              checks before it caches a file and before it serves one;
#   @VERSION@  the first 16 hex digits of a SHA-256 over those files' names and
#              contents, so that any change to any file makes a new cache.
# Runs after trunk has written the build to its staging directory and before
# that replaces dist/, so dist/ never holds a sw.js of another build.
set -euo pipefail

stage="${TRUNK_STAGING_DIR:?run this as a trunk post_build hook (it sets TRUNK_STAGING_DIR)}"
template="${TRUNK_SOURCE_DIR:?run this as a trunk post_build hook}/pwa/sw.js"

cd "$stage"
# The workers themselves are not cached: the browser fetches them. Sorted
# bytewise, so the version does not depend on the locale or the order in which
# the file system lists the files.
mapfile -t files < <(find . -type f ! -name sw.js ! -name sw-retire.js -printf '%P\n' | LC_ALL=C sort)
[ "${#files[@]}" -gt 0 ] || {
	echo "precache: $stage is empty" >&2
	exit 1
}

# "sha384-<base64>", as in an integrity attribute.
integrity() {
	printf 'sha384-%s' "$(openssl dgst -sha384 -binary "$1" | base64 -w0)"
}

[ -f index.html ] || {
	echo "precache: $stage has no index.html" >&2
	exit 1
}
list="[\"./\", \"$(integrity index.html)\"]"
for file in "${files[@]}"; do
	# Names go into a JS string unescaped, and URLs unencoded.
	[[ "$file" =~ ^[A-Za-z0-9._/-]+$ ]] || {
		echo "precache: unexpected file name '$file'" >&2
		exit 1
	}
	list+=", [\"$file\", \"$(integrity "$file")\"]"
done
version="$(sha256sum -- "${files[@]}" | sha256sum | cut -c1-16)"

sw="$(<"$template")"
sw="${sw//@VERSION@/"$version"}"
sw="${sw//@FILES@/"$list"}"
printf '%s\n' "$sw" >sw.js
echo "precache: sw.js caches ${#files[@]} files as release $version"
