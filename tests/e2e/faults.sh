#!/usr/bin/env bash
# Faults end in one line naming what happened, then 'seedboot: FAIL ...' and
# QEMU's FAIL status, never a hang: a program that writes to its own code,
# one that overflows its stack, one that never ends (the stage time limit),
# a corrupt and a truncated closure, a disk image cut short. A program that
# takes all the memory it can gets ENOMEM from brk and fork, and the run goes
# on to PASS. A QEMU stopped from outside is named as that by the runner.
. "$(dirname "$0")/lib.sh"

boot() {	# boot NAME INITRD APPEND: sets rc, log
	log=$BUILD/tests/fault-$1.log
	qemu/run --kernel "$BUILD/kernel.elf" --initrd "$2" --append "$3" --timeout 120 \
		--log "$log" > /dev/null 2>&1
	rc=$?
}
says_fail() {	# says_fail NAME: QEMU's status is FAIL (1), not a timeout (2)
	[ "$rc" -eq 1 ] && ok "$1: QEMU exit status says FAIL" || not_ok "$1: QEMU exit status says FAIL" "runner exited $rc"
}
closure=$BUILD/tests/closure.cpio

boot wtext "$closure" stages=wtext
says_fail wtext
expect_line "wtext: the write to its own code is named" "$log" \
	'^seedboot: process [0-9]+ \(wtext\) killed: page fault \(write to a read-only page\) at eip 0x[0-9a-f]+, address 0x[0-9a-f]+$'
expect_line "wtext: final line is FAIL" "$log" '^seedboot: FAIL wtext: process [0-9]+ \(wtext\): page fault'

boot stackov "$closure" stages=stackov
says_fail stackov
expect_line "stackov: the overflow is named" "$log" \
	'^seedboot: process [0-9]+ \(stackov\) killed: stack overflow \(past the 8192 KiB stack limit\) at eip 0x[0-9a-f]+, address 0x7f[0-9a-f]+$'
expect_line "stackov: final line is FAIL" "$log" '^seedboot: FAIL stackov: process [0-9]+ \(stackov\): stack overflow'

boot oom "$closure" stages=oom,hello
[ "$rc" -eq 0 ] && ok "oom: the run goes on to PASS" || not_ok "oom: the run goes on to PASS" "runner exited $rc: $(tr -d '\r' < "$log" | grep -E '^(oom|seedboot: FAIL)' | tail -2 | tr '\n' ' ')"
expect_line "oom: brk refused with the old break" "$log" '^oom: brk refused after [1-9][0-9]* MiB, old break returned$'
expect_line "oom: fork refused with ENOMEM" "$log" '^oom: fork refused with ENOMEM after [0-9]+ successful forks$'
expect_line "oom: the next stage ran" "$log" '^hello from user space'

boot spin "$closure" "stages=spin stage_timeout=3"
says_fail spin
expect_line "spin: the time limit is reported, naming the process" "$log" \
	'^seedboot: FAIL spin: time limit of 3 s exceeded \(pid [0-9]+, spin, was running\)$'

# QEMU stopped by a signal from outside (a user's kill, a CI's time limit)
# is named as that, not as a guest reset. The mark picks this QEMU out.
mark=killed-by-test-$$
log=$BUILD/tests/fault-killed.log
rm -f "$log"
qemu/run --kernel "$BUILD/kernel.elf" --initrd "$closure" --append "stages=spin stage_timeout=60 $mark" \
	--timeout 120 --log "$log" > "$BUILD/tests/fault-killed.out" 2>&1 &
runner=$!
for i in $(seq 100); do
	grep -q '^seedboot: stage spin start' "$log" 2>/dev/null && break
	sleep 0.2
done
pkill -TERM -f "^[^ ]*qemu-system[^ ]* .*$mark"
wait $runner
rc=$?
[ $rc -eq 2 ] && ok "killed: QEMU's exit status says neither PASS nor FAIL" \
	|| not_ok "killed: QEMU's exit status says neither PASS nor FAIL" "runner exited $rc"
expect_line "killed: the runner names the signal and its sender" "$BUILD/tests/fault-killed.out" \
	'^qemu: exit ERROR \(qemu stopped from outside: signal 15 from pid [0-9]+'

# A corrupt header in the middle of the archive, and an archive cut short.
bad=$BUILD/tests/corrupt.cpio
cp "$closure" "$bad"
off=$(grep -abo '070701' "$bad" | sed -n 4p | cut -d: -f1)
printf 'XXXXXX' | dd of="$bad" bs=1 seek="$off" conv=notrunc status=none
boot corrupt "$bad" ""
says_fail corrupt
expect_line "corrupt: the bad header is located" "$log" \
	"^seedboot: FAIL closure: cpio archive is corrupt or truncated at byte $off of [0-9]+"

cut=$BUILD/tests/truncated.cpio
head -c $(($(stat -c %s "$closure") / 2)) "$closure" > "$cut"
boot truncated "$cut" ""
says_fail truncated
expect_line "truncated: the short archive is reported" "$log" \
	'^seedboot: FAIL closure: cpio archive is corrupt or truncated at byte [0-9]+ of [0-9]+'

# The disk image cut in the middle of the closure partition: the BIOS
# loader's read fails, and it says so and FAILs.
img=$BUILD/seedboot.img
if [ ! -f "$img" ]; then
	skip "short-disk: a disk image cut short FAILs in the loader" "no $img (distfiles not fetched: run 'make fetch')"
	finish
fi
# the closure partition's header: the sector-aligned SEEDCLO1 (the loaders hold the string too)
hdr=$(grep -abo SEEDCLO1 "$img" | cut -d: -f1 | awk '$1 % 512 == 0 { print; exit }')
short=$BUILD/tests/short-disk.img
head -c $((hdr + 4096 + $(stat -c %s "$BUILD/closure.cpio") / 2)) "$img" > "$short"
log=$BUILD/tests/fault-short-disk.log
qemu/run --disk "$short" --timeout 120 --log "$log" > /dev/null 2>&1
rc=$?
says_fail short-disk
expect_line "short-disk: the failed read is named" "$log" \
	'^seedboot: loader: disk read error at LBA [0-9]+ \([0-9]+ sectors, BIOS status 0x[0-9A-F]+\)$'
expect_line "short-disk: final line is FAIL" "$log" '^seedboot: FAIL loader: the kernel was not started$'
rm -f "$short"
finish
