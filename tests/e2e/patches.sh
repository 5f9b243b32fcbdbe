#!/usr/bin/env bash
# Our patches against third-party sources apply cleanly to the pinned
# source: every stages/NAME/patches/*.patch, in name order, with no fuzz
# and no offset, to the source tarball the stage's sources file pins.
. "$(dirname "$0")/lib.sh"

dist=${DISTFILES:-distfiles}
t=$BUILD/tests/patches
for dir in stages/*/patches; do
	[ -d "$dir" ] || continue
	stage=$(basename "$(dirname "$dir")")
	name="patches: stages/$stage/patches apply cleanly to the pinned source"
	tarball=$(awk '$1 == "file" && $2 ~ /\.tar\./ { print $2; exit }' "stages/$stage/sources")
	if [ ! -f "$dist/$tarball" ]; then
		skip "$name" "$dist/$tarball not fetched (make fetch)"
		continue
	fi
	rm -rf "$t" && mkdir -p "$t/src"
	tar -xf "$dist/$tarball" -C "$t/src" || { not_ok "$name" "cannot unpack $tarball"; continue; }
	bad= n=0
	for p in "$dir"/*.patch; do
		out=$(patch -d "$t/src" -p1 -F0 -N --no-backup-if-mismatch < "$p" 2>&1)
		if [ $? -ne 0 ] || grep -qE 'offset|fuzz|FAILED|Reversed' <<< "$out"; then
			bad="$(basename "$p"): $(grep -m1 -E 'offset|fuzz|FAILED|Reversed|can.t' <<< "$out")"
			break
		fi
		n=$((n + 1))
	done
	[ -z "$bad" ] && ok "$name ($n patches)" || not_ok "$name" "$bad"
	rm -rf "$t"
done
finish
