#!/usr/bin/env bash
# Prints the JavaScript module FILE made safe to stand inside an inline
# <script> element (scripts/single-file.sh inlines embed.js with it).
#
# Usage:  bash scripts/inline-script.sh FILE
#
# The HTML parser ends a script element at the first "</script", and after a
# "<!--" a later "<script" makes it skip the real end: both would break the
# page out of the script. In a module either can only stand inside a string,
# a template, a regular expression or a comment (anywhere else it is a syntax
# error), and in each of those "\x3C" means the same as "<" ("\!" would not
# do: a /u regular expression refuses it). So every "<" that starts one of
# them becomes "\x3C" (only String.raw and a regular expression's `source`
# could tell). Where that guess is wrong, as in `a </script/.test(b)`, the
# result is not valid JavaScript, and node's syntax check stops the build
# rather than ship a page that breaks.
set -euo pipefail

file="${1:?usage: bash scripts/inline-script.sh FILE}"
checked="$(mktemp --suffix=.mjs)"
trap 'rm -f "$checked"' EXIT

sed 's#<\(!--\|/script\)#\\x3C\1#gI' "$file" >"$checked"
if grep -qiE '<!--|</script' "$checked"; then
	echo "inline-script: $file still holds <!-- or </script after escaping" >&2
	exit 1
fi
node --check "$checked" || {
	echo "inline-script: $file escaped for inlining is no valid module (see above)" >&2
	exit 1
}
cat "$checked"
