#!/usr/bin/env bash
# Our patches against third-party sources apply cleanly to the pinned
# sources: each stage with patches is unpacked by its own rule
# (stages/NAME/rules.mk, into a scratch BUILD), which applies every
# stages/NAME/patches/TREE/*.patch in name order and fails on fuzz or an
# offset; every file a patch names must be in its TREE.
. "$(dirname "$0")/lib.sh"

dist=${DISTFILES:-distfiles}
t=$BUILD/tests/patches
for dir in stages/*/patches; do
	[ -d "$dir" ] || continue
	stage=$(basename "$(dirname "$dir")")
	name="patches: stages/$stage/patches apply cleanly to the pinned sources"
	missing=$(awk '$1 == "file" { print $2 }' "stages/$stage/sources" |
		while read -r f; do [ -f "$dist/$f" ] || echo "$f"; done | head -1)
	if [ -n "$missing" ]; then
		skip "$name" "$dist/$missing not fetched (make fetch)"
		continue
	fi
	rm -rf "$t"
	if ! out=$(make -s BUILD="$t" DISTFILES="$dist" "$t/src/$stage/.unpacked" 2>&1); then
		not_ok "$name" "$(grep -m1 -E 'apply|patch|Error' <<< "$out")"
		continue
	fi
	n=0 bad=
	for tree in "$dir"/*/; do
		tree=$(basename "$tree")
		for p in "$dir/$tree"/*.patch; do
			n=$((n + 1))
			for f in $(sed -n 's|^+++ b/||p' "$p"); do
				[ -f "$t/src/$stage/$tree/$f" ] || bad="$(basename "$p") names $tree/$f, which is not in the tree"
			done
		done
	done
	[ -z "$bad" ] && ok "$name ($n patches)" || not_ok "$name" "$bad"
	rm -rf "$t"
done
finish
