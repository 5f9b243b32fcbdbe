#!/usr/bin/env bash
# The EFI loader's error path: an ESP without the kernel file gives one
# readable line on the console (what, which file, the EFI status by name),
# not a hang and not a crash.
. "$(dirname "$0")/../e2e/lib.sh"

img=$BUILD/tests/uefi/nokernel.img
log=$BUILD/tests/uefi/nokernel.log
# The loader shows the error for 60 s and then returns to the firmware;
# 30 s is plenty for OVMF to get there and print it.
qemu/run --disk "$img" --firmware uefi --timeout 30 --log "$log" > "$BUILD/tests/uefi/nokernel.runner" 2>&1
rc=$?
[ "$rc" -eq 2 ] && ok "nokernel: no verdict from a kernel that never started" \
	|| not_ok "nokernel: no verdict from a kernel that never started" "runner exited $rc"
expect_line "nokernel: the error names the file and the EFI status" "$log" \
	'^seedboot: efi: FAIL cannot open the kernel \\EFI\\seedboot\\kernel\.elf: Not Found'
expect_line "nokernel: the user is told what happens next" "$log" \
	'^seedboot: efi: press a key to return to the firmware'
n=$(tr -d '\r' < "$log" | grep -ac '^seedboot: kernel ')
[ "$n" -eq 0 ] && ok "nokernel: the kernel did not start" || not_ok "nokernel: the kernel did not start" "$n kernel lines"
finish
