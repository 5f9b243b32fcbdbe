#!/usr/bin/env bash
# The full stage0-posix chain from the real closure (build/tests/stage0.img,
# build/seedboot.img with its command line cut to stage0-posix) under OVMF
# x64: it PASSes, and its receipt is byte-identical to the BIOS run's
# (tests/e2e/chain.sh, which runs before this test) and to the stage's
# expect file.
. "$(dirname "$0")/../e2e/lib.sh"

img=$BUILD/tests/stage0.img
log=$BUILD/tests/uefi/chain.log
bios_log=$BUILD/tests/chain.log
if [ ! -f "$img" ]; then
	skip "uefi chain: stage0-posix under OVMF" "no $img (distfiles not fetched: run 'make fetch')"
	exit 0
fi
mkdir -p "$BUILD/tests/uefi"
qemu/run --disk "$img" --firmware uefi --timeout 1800 --log "$log" > "$BUILD/tests/uefi/chain.runner" 2>&1
rc=$?
echo "ran: the full stage0-posix chain, OVMF x64, IDE ($(tail -1 "$BUILD/tests/uefi/chain.runner"))"
[ "$rc" -eq 0 ] && ok "uefi chain: QEMU exit status says PASS" \
	|| not_ok "uefi chain: QEMU exit status says PASS" "runner exited $rc: $(tail -1 "$BUILD/tests/uefi/chain.runner")"
expect_line "uefi chain: booted by the EFI loader" "$log" '^seedboot: kernel [0-9]+ bytes, loader efi'
receipts() { tr -d '\r' < "$1" | sed -n '/^seedboot: stage stage0-posix start/,$p' | grep -a '^receipt '; }
got=$(receipts "$log")
want=$(sed 's|^\([0-9a-f]\{64\}\)  |receipt \1  /stage0-posix/|' stages/stage0-posix/expect)
[ -n "$got" ] && [ "$got" = "$want" ] && ok "uefi chain: receipt equals stages/stage0-posix/expect" \
	|| not_ok "uefi chain: receipt equals stages/stage0-posix/expect" "$(diff <(echo "$want") <(echo "$got") | head -3 | tr '\n' ' ')"
if [ -f "$bios_log" ] && [ -n "$(receipts "$bios_log")" ]; then
	[ "$got" = "$(receipts "$bios_log")" ] && ok "uefi chain: receipt byte-identical to the BIOS run's" \
		|| not_ok "uefi chain: receipt byte-identical to the BIOS run's" "$(diff <(receipts "$bios_log") <(echo "$got") | head -3 | tr '\n' ' ')"
else
	skip "uefi chain: receipt byte-identical to the BIOS run's" "no BIOS run in $bios_log (tests/e2e/chain.sh did not run first)"
fi
expect_line "uefi chain: final line is PASS" "$log" '^seedboot: PASS'
finish
