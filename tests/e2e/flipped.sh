#!/usr/bin/env bash
# One byte of one source flipped inside the image's closure (after the host's
# check): the kernel's own check must stop the boot and name the file.
. "$(dirname "$0")/lib.sh"

img=$BUILD/tests/flipped.img
log=$BUILD/tests/flipped.log
if [ ! -f "$img" ]; then
	skip "flipped: a corrupt source is named" "no $img (distfiles not fetched: run 'make fetch')"
	exit 0
fi
qemu/run --disk "$img" --timeout 300 --log "$log" > /dev/null 2>&1
rc=$?
[ "$rc" -eq 1 ] && ok "flipped: QEMU exit status says FAIL" || not_ok "flipped: QEMU exit status says FAIL" "runner exited $rc"
expect_line "flipped: FAIL line names the file and both hashes" "$log" \
	'^seedboot: FAIL closure: stage0-posix/x86/hex1_x86.hex0: sha256 [0-9a-f]{64}, but the manifest says [0-9a-f]{64}'
n=$(grep -c '^seedboot: stage' "$log")
[ "$n" -eq 0 ] && ok "flipped: no stage ran" || not_ok "flipped: no stage ran" "$n stage lines"
finish
