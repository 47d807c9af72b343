#!/usr/bin/env bash
# Trunk post_build hook (see Trunk.toml): writes the standalone page's service
# worker, sw.js, into the build from the template pwa/sw.js, filling in
#   @FILES@    every file of the build (and "./", the page's own address), which
#              the worker caches on install;
#   @VERSION@  the first 16 hex digits of a SHA-256 over those files' names and
#              contents, so that any change to any file makes a new cache.
# Runs after trunk has written the build to its staging directory and before
# that replaces dist/, so dist/ never holds a sw.js of another build.
set -euo pipefail

stage="${TRUNK_STAGING_DIR:?run this as a trunk post_build hook (it sets TRUNK_STAGING_DIR)}"
template="${TRUNK_SOURCE_DIR:?run this as a trunk post_build hook}/pwa/sw.js"

cd "$stage"
# Sorted bytewise, so the version does not depend on the locale or the order
# in which the file system lists the files.
mapfile -t files < <(find . -type f ! -name sw.js -printf '%P\n' | LC_ALL=C sort)
[ "${#files[@]}" -gt 0 ] || {
	echo "precache: $stage is empty" >&2
	exit 1
}

list='"./"'
for file in "${files[@]}"; do
	# Names go into a JS string unescaped, and URLs unencoded.
	[[ "$file" =~ ^[A-Za-z0-9._/-]+$ ]] || {
		echo "precache: unexpected file name '$file'" >&2
		exit 1
	}
	list+=", \"$file\""
done
version="$(sha256sum -- "${files[@]}" | sha256sum | cut -c1-16)"

sw="$(<"$template")"
sw="${sw//@VERSION@/"$version"}"
sw="${sw//@FILES@/"$list"}"
printf '%s\n' "$sw" >sw.js
echo "precache: sw.js caches ${#files[@]} files as release $version"
