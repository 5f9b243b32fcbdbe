#!/usr/bin/env bash
# Same inputs, same bytes: the kernel, the closure and the disk image built
# a second time, in another build directory, are byte-identical.
. "$(dirname "$0")/lib.sh"

if [ ! -f "$BUILD/seedboot.img" ]; then
	skip "reproducible: a second build is byte-identical" "no $BUILD/seedboot.img (distfiles not fetched: run 'make fetch')"
	exit 0
fi
again=$BUILD/tests/again
rm -rf "$again"
if ! make -s BUILD="$again" DISTFILES="${DISTFILES:-distfiles}" "$again/seedboot.img" > "$BUILD/tests/again.log" 2>&1; then
	not_ok "reproducible: second build" "make failed, see $BUILD/tests/again.log"
	finish
fi
for f in kernel.elf closure.cpio seedboot.img; do
	if cmp -s "$BUILD/$f" "$again/$f"; then ok "reproducible: $f is byte-identical"
	else not_ok "reproducible: $f is byte-identical" "$(cmp "$BUILD/$f" "$again/$f" 2>&1 | head -1)"; fi
done
rm -rf "$again"
finish
