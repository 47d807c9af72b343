#!/usr/bin/env bash
# Prepares the host projects of tests/hosts/ for the end-to-end tests
# (tests/e2e/hosts.rs), as site owners would use the release (issue 15):
# each project is copied to target/hosts/<name>/, gets its npm packages as
# pinned by its lock file (`npm ci`), then the release tarball
# (`npm install --no-save`, so the lock file stays as committed), and is built
# with its own `npm run build` where it has one.
#
# `npm ci` runs again only when the project's lock file differs from the one
# it last installed; npm's own cache makes a fresh install fast too. Only the
# npm registry is contacted.
#
# Usage:  bash scripts/hosts.sh [NAME...]   (default: every project)
# Needs target/package/ from `bash scripts/package.sh`. Writes each project's
# install and build time in seconds to target/hosts/timings.txt, which
# tests/e2e/hosts.rs completes with the time the quiz took in each.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)"
tarball="$PWD/target/package/maturity-quiz-$version.tgz"
# The folder scripts/package.sh packed into the tarball.
stage="target/package-stage/maturity-quiz-$version"
[ -f "$tarball" ] || {
	echo "hosts: $tarball is missing: run bash scripts/package.sh first" >&2
	exit 1
}

if [ $# -gt 0 ]; then
	names=("$@")
else
	mapfile -t names < <(find tests/hosts -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | LC_ALL=C sort)
fi

npm_quiet=(--no-audit --no-fund --loglevel=error)
timings=target/hosts/timings.txt
mkdir -p target/hosts
: >"$timings"

# Seconds since the epoch, with milliseconds.
now() { date +%s.%3N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

for name in "${names[@]}"; do
	source_dir="tests/hosts/$name"
	work="target/hosts/$name"
	[ -f "$source_dir/package-lock.json" ] || {
		echo "hosts: $source_dir has no package-lock.json" >&2
		exit 1
	}
	mkdir -p "$work"
	# A fresh copy of the project's files; node_modules stays when the lock
	# file is the one it was installed from.
	find "$work" -mindepth 1 -maxdepth 1 ! -name node_modules ! -name .installed-lock -exec rm -rf {} +
	tar -C "$source_dir" --exclude=node_modules --exclude=dist -cf - . | tar -C "$work" -xf -

	started="$(now)"
	if [ -d "$work/node_modules" ] && cmp -s "$work/package-lock.json" "$work/.installed-lock"; then
		how="npm ci skipped (lock file unchanged)"
	else
		(cd "$work" && npm ci "${npm_quiet[@]}")
		cp "$work/package-lock.json" "$work/.installed-lock"
		how="npm ci"
	fi
	(cd "$work" && npm install --no-save "${npm_quiet[@]}" "$tarball")
	# npm keeps an installed package it takes for the same; make sure it is
	# this release's.
	for file in "$stage"/*; do
		cmp -s "$file" "$work/node_modules/maturity-quiz/${file##*/}" || {
			echo "hosts: $name: node_modules/maturity-quiz/${file##*/} is not the tarball's" >&2
			exit 1
		}
	done
	install_s="$(since "$started")"

	build_s=0
	if node -e 'process.exit(require(process.argv[1]).scripts?.build ? 0 : 1)' "$PWD/$work/package.json"; then
		started="$(now)"
		(cd "$work" && npm run --silent build)
		build_s="$(since "$started")"
	fi
	echo "hosts: $name: install ${install_s} s ($how, then the tarball), build ${build_s} s"
	printf '%s\tinstall\t%s\tbuild\t%s\t%s\n' "$name" "$install_s" "$build_s" "$how" >>"$timings"
done
