#!/usr/bin/env bash
# The framebuffer console on the screen of a real (emulated) graphics card:
# boot, wait for the verdict on COM1, take QEMU's screendump and check that
# the verdict line is drawn, pixel for pixel (fbfind draws it with the
# kernel's own fbcon.c and font, and looks for it in the screenshot).
#
#   vbe, vbe-fail: QEMU's Multiboot path with tests/fbcon/vbeboot, which
#         sets a 1024x768x32 mode on the standard VGA (framebuffer above
#         2 GiB) and enters the kernel; a passing stage (green bar) and a
#         faulting one (red bar); runs wherever QEMU does.
#   ovmf: a UEFI image under OVMF, the firmware's own GOP framebuffer;
#         skipped without OVMF or without the UEFI image.
#
# The guest runs without isa-debug-exit, so that it halts after the verdict
# instead of ending QEMU, and the screen can still be read.
#
# environment: BUILD, FBCON_IMG (the UEFI image, default
#   $BUILD/tests/fbcon.img: one with a short closure), OVMF_CODE, OVMF_VARS,
#   FBCON_TIMEOUT (seconds a boot may take, default 300)
. "$(dirname "$0")/../e2e/lib.sh"

img=${FBCON_IMG:-$BUILD/tests/fbcon.img}
code=${OVMF_CODE:-/usr/share/OVMF/OVMF_CODE_4M.fd}
vars=${OVMF_VARS:-/usr/share/OVMF/OVMF_VARS_4M.fd}
timeout=${FBCON_TIMEOUT:-300}
fbfind=$BUILD/host/fbfind
QEMU=${QEMU:-$(command -v qemu-system-x86_64)} || { not_ok "fbcon" "no qemu-system-x86_64"; finish; }
[ -x "$fbfind" ] || { not_ok "fbcon" "$fbfind not built (make $fbfind)"; finish; }

dir=$(mktemp -d /tmp/fbcon.XXXXXX)
qemu_pid=
stop_qemu() {
	[ -n "$qemu_pid" ] && kill "$qemu_pid" 2>/dev/null && wait "$qemu_pid" 2>/dev/null
	qemu_pid=
	exec 3>&-
}
trap 'stop_qemu; rm -rf "$dir"' EXIT
mkdir -p "$BUILD/tests"

# look NAME PASS|FAIL QEMU-ARGS...: boot, then check the console and the screen
look() {
	local name=$1 want="seedboot: $2" log=$BUILD/tests/fbcon-$1.log shot=$BUILD/tests/fbcon-$1.ppm
	local verdict= why size new i
	shift 2
	rm -f "$log" "$shot" "$dir"/mon.*
	mkfifo "$dir/mon.in" "$dir/mon.out"
	"$QEMU" -machine pc -accel tcg -m 256M -display none -no-reboot -monitor none \
		-serial file:"$log" -chardev pipe,id=mon,path="$dir/mon" -mon chardev=mon,mode=readline \
		"$@" </dev/null >"$dir/qemu.err" 2>&1 &
	qemu_pid=$!
	cat "$dir/mon.out" >/dev/null &	# keep the monitor's output flowing
	exec 3>"$dir/mon.in"

	for ((i = 0; i < timeout * 5; i++)); do	# 0.2 s each
		verdict=$(tr -d '\r' 2>/dev/null <"$log" | grep -m1 -aE '^seedboot: (PASS|FAIL)')
		[ -n "$verdict" ] && break
		grep -qa '^!!!! .*Exception' "$log" 2>/dev/null && break	# OVMF caught a fault
		kill -0 "$qemu_pid" 2>/dev/null || break
		sleep 0.2
	done
	if [ -z "$verdict" ]; then
		if grep -qa '^!!!! .*Exception' "$log"; then why="OVMF reports an exception"
		elif kill -0 "$qemu_pid" 2>/dev/null; then why="no verdict on COM1 within $timeout s"
		else why="QEMU ended without a verdict: $(head -c 200 "$dir/qemu.err")"; fi
		not_ok "$name: the screen shows the verdict line" "$why (last: $(tail -1 "$log" 2>/dev/null | tr -d '\r'))"
		stop_qemu
		return
	fi
	echo "screendump $shot" >&3
	size=
	for ((i = 0; i < 50; i++)); do	# complete when its size stops changing
		sleep 0.2
		new=$(stat -c %s "$shot" 2>/dev/null)
		[ -n "$new" ] && [ "$new" = "$size" ] && break
		size=$new
	done
	stop_qemu

	expect_line "$name: the kernel took the framebuffer" "$log" \
		'^seedboot: framebuffer [0-9]+x[0-9]+ at 0x[0-9a-f]+, pitch [0-9]+: the console.s screen$'
	[ "${verdict#"$want"}" != "$verdict" ] && ok "$name: the verdict is ${want#seedboot: }" ||
		not_ok "$name: the verdict is ${want#seedboot: }" "COM1 says: $verdict"
	if [ ! -f "$shot" ]; then
		not_ok "$name: the screen shows the verdict line" "QEMU wrote no screendump"
		return
	fi
	local out other="seedboot: FAIL boot: kernel panic"
	if out=$("$fbfind" "$shot" "$verdict"); then ok "$name: the screen shows the verdict line ($out)"
	else not_ok "$name: the screen shows the verdict line" "$out"; fi
	[ "$verdict" = "$other" ] && other="seedboot: PASS"
	if out=$("$fbfind" "$shot" "$other"); then not_ok "$name: a line not printed is not found" "$out"
	else ok "$name: a line not printed is not found"; fi
}

vbe=(-kernel "$BUILD/tests/vbeboot" -initrd "$BUILD/kernel.elf,$BUILD/tests/closure.cpio")
look vbe PASS "${vbe[@]}" -append "stages=hello"
look vbe-fail FAIL "${vbe[@]}" -append "stages=null"	# a program that faults: the red bar

if [ ! -f "$code" ] || [ ! -f "$vars" ]; then
	skip "ovmf: the screen shows the verdict line" "no OVMF firmware ($code, $vars; Debian package ovmf)"
elif [ ! -f "$img" ] || [ "$(dd if="$img" bs=1 skip=512 count=8 2>/dev/null)" != "EFI PART" ]; then
	skip "ovmf: the screen shows the verdict line" "no UEFI image $img (a GPT disk with the EFI loader)"
else
	cp "$vars" "$dir/vars.fd"
	look ovmf PASS -drive if=pflash,format=raw,unit=0,readonly=on,file="$code" \
		-drive if=pflash,format=raw,unit=1,file="$dir/vars.fd" \
		-drive file="$img",format=raw,if=ide,snapshot=on
fi
finish
