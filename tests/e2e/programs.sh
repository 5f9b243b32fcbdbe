#!/usr/bin/env bash
# Small programs through the Multiboot path (qemu -kernel): a program made
# from hex0 by the kernel runs and exits 0; one that dereferences NULL is
# named in one line and the run FAILs, with QEMU's status saying so; one
# checks pieces of the system call ABI (tests/programs/abi.c).
. "$(dirname "$0")/lib.sh"

boot() {	# boot STAGE: sets rc, log
	log=$BUILD/tests/$1.log
	qemu/run --kernel "$BUILD/kernel.elf" --initrd "$BUILD/tests/closure.cpio" \
		--append "stages=$1" --timeout 120 --log "$log" > /dev/null 2>&1
	rc=$?
}

boot hello
[ "$rc" -eq 0 ] && ok "hello: QEMU exit status says PASS" || not_ok "hello: QEMU exit status says PASS" "runner exited $rc"
expect_line "hello: the kernel made the program from hex0" "$log" '^receipt [0-9a-f]{64}  /test/hello'
expect_line "hello: its output reaches the console" "$log" '^hello from user space'
expect_line "hello: stage done line" "$log" '^seedboot: stage hello done [0-9]+\.[0-9]+'
expect_line "hello: final line is PASS" "$log" '^seedboot: PASS'

boot null
[ "$rc" -eq 1 ] && ok "null: QEMU exit status says FAIL" || not_ok "null: QEMU exit status says FAIL" "runner exited $rc"
expect_line "null: the faulting process is named with eip and address" "$log" \
	'^seedboot: process [0-9]+ \(null\) killed: page fault \(nothing mapped there\) at eip 0x[0-9a-f]+, address 0x0$'
expect_line "null: final line is FAIL naming the stage and program" "$log" '^seedboot: FAIL null: process [0-9]+ \(null\): page fault'
boot abi
[ "$rc" -eq 0 ] && ok "abi: every check passes (QEMU exit status says PASS)" || not_ok "abi: every check passes" "runner exited $rc: $(tr -d '\r' < "$log" | grep '^abi: not ok' | head -3 | tr '\n' ' ')"
n=$(tr -d '\r' < "$log" | grep -cE '^seedboot: syscall 192 \(mmap2\) not implemented, called by pid [0-9]+ \(abi\): returning -ENOSYS$')
[ "$n" -eq 1 ] && ok "abi: an unimplemented system call is logged once, by name" \
	|| not_ok "abi: an unimplemented system call is logged once, by name" "$n such lines for two calls"
finish
