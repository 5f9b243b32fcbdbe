#!/usr/bin/env bash
# The real thing, first stage: the BIOS disk image (the real closure, its
# command line cut to stage0-posix) boots under SeaBIOS and goes from hex0
# to M2-Planet, mescc-tools and mescc-tools-extra; stage0-posix's own
# x86.answers check passes inside, and the kernel's receipt matches expect.
. "$(dirname "$0")/lib.sh"

img=$BUILD/tests/stage0.img
log=$BUILD/tests/chain.log
if [ ! -f "$img" ]; then
	skip "chain: stage0-posix boots to M2-Planet" "no $img (distfiles not fetched: run 'make fetch')"
	exit 0
fi
mkdir -p "$BUILD/tests"
qemu/run --disk "$img" --memory 256M --timeout 1800 --log "$log" > "$BUILD/tests/chain.runner" 2>&1
rc=$?
[ "$rc" -eq 0 ] && ok "chain: QEMU exit status says PASS" || not_ok "chain: QEMU exit status says PASS" "runner exited $rc: $(tail -1 "$BUILD/tests/chain.runner")"
expect_line "chain: booted by our BIOS loader" "$log" '^seedboot: kernel [0-9]+ bytes, loader bios'
expect_line "chain: closure checked against its manifest" "$log" '^seedboot: closure [0-9]+ files, [0-9]+ bytes, every sha256 checked'
expect_line "chain: seeds made from hex0 and checked" "$log" '^seedboot: seeds built from hex0 and checked'
answers=$(tr -d '\r' < "$log" | grep -E '^x86/bin/[A-Za-z0-9_-]+: OK$' | sort -u | wc -l)
want=$(grep -c . stages/stage0-posix/expect)
[ "$answers" -eq "$want" ] && ok "chain: all $want lines of x86.answers OK inside the image" \
	|| not_ok "chain: all x86.answers lines OK inside the image" "$answers of $want OK"
got=$(tr -d '\r' < "$log" | sed -n '/^seedboot: stage stage0-posix start/,$p' |
	sed -n 's|^receipt \([0-9a-f]\{64\}\)  /stage0-posix/|\1  |p')
if [ "$got" = "$(cat stages/stage0-posix/expect)" ]; then ok "chain: receipt equals stages/stage0-posix/expect"
else not_ok "chain: receipt equals stages/stage0-posix/expect" "$(diff <(echo "$got") stages/stage0-posix/expect | head -3 | tr '\n' ' ')"; fi
expect_line "chain: stage done line" "$log" '^seedboot: stage stage0-posix done [0-9]+\.[0-9]+'
expect_line "chain: final line is PASS" "$log" '^seedboot: PASS'
finish
