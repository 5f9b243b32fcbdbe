#!/usr/bin/env bash
# One image file, every firmware: the hybrid image with the small test
# closure (stages hello,abi: the full chain under TCG takes minutes a run;
# tests/uefi/chain.sh runs it once under OVMF) boots under SeaBIOS, OVMF x64
# (BOOTX64.EFI) and OVMF ia32 (BOOTIA32.EFI), attached as IDE and as USB
# storage on xHCI; every run PASSes, and all of them print the same receipt.
. "$(dirname "$0")/../e2e/lib.sh"

img=$BUILD/tests/uefi/short.img
dir=$BUILD/tests/uefi
first= first_name=
for fw in bios uefi uefi32; do
	for media in ide usb; do
		name="$fw/$media"
		log=$dir/boot-$fw-$media.log
		if [ "$fw" = uefi32 ] && [ ! -f /usr/share/OVMF/OVMF32_CODE_4M.secboot.fd ]; then
			skip "$name: boots and PASSes" "no OVMF ia32 firmware (Debian: ovmf-ia32)"
			continue
		fi
		qemu/run --disk "$img" --firmware "$fw" --media "$media" --timeout 300 \
			--log "$log" > "$dir/boot-$fw-$media.runner" 2>&1
		rc=$?
		echo "ran: $name, stages hello,abi of the test closure ($(tail -1 "$dir/boot-$fw-$media.runner"))"
		[ "$rc" -eq 0 ] && ok "$name: QEMU exit status says PASS" \
			|| not_ok "$name: QEMU exit status says PASS" "runner exited $rc: $(tail -1 "$dir/boot-$fw-$media.runner")"
		want=bios
		[ "$fw" = bios ] || want=efi
		expect_line "$name: the kernel was started by the $want loader" "$log" \
			"^seedboot: kernel [0-9]+ bytes, loader $want, closure [0-9]+ bytes, cmdline \"stages=hello,abi\""
		if [ "$fw" = uefi32 ]; then
			expect_line "$name: BOOTIA32.EFI ran" "$log" '^seedboot: efi: seedboot EFI loader \(ia32\)'
		elif [ "$fw" = uefi ]; then
			expect_line "$name: BOOTX64.EFI ran" "$log" '^seedboot: efi: seedboot EFI loader \(x64\)'
		fi
		receipt=$(tr -d '\r' < "$log" | grep -a '^receipt ')
		if [ -z "$receipt" ]; then
			not_ok "$name: receipt" "no receipt lines in $log"
		elif [ -z "$first" ]; then
			first=$receipt first_name=$name
		elif [ "$receipt" = "$first" ]; then
			ok "$name: receipt byte-identical to $first_name's"
		else
			not_ok "$name: receipt byte-identical to $first_name's" \
				"$(diff <(echo "$first") <(echo "$receipt") | head -3 | tr '\n' ' ')"
		fi
	done
done
finish
