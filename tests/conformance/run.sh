#!/usr/bin/env bash
# The conformance suite: the driver runs every program on the host's Linux
# (in a fresh temporary /conf, as i686, at most 1024 open files, umask 0,
# env PATH=/usr/bin:/bin: what the seedboot stage gives) and inside seedboot
# (one boot, stage "conformance"); each program's transcript must match
# byte for byte. Prints one check per program, the table of which programs
# exercise each system call of kernel/syscalls.h, and last
#   conformance: P programs, C/I syscalls covered, D differences
. "$(dirname "$0")/../e2e/lib.sh"
CONF=$BUILD/conformance
progs=$(sed -n 's/^conformance \/conf \.\/driver //p' "$CONF/closure/stages" 2>/dev/null)
if [ -z "$progs" ] || [ ! -f "$CONF/closure.cpio" ]; then
	skip conformance "$CONF/closure.cpio is not built (make $CONF/closure.cpio)"
	exit 0
fi
if ! command -v setarch > /dev/null; then
	skip conformance "setarch (util-linux) is missing: cannot run the programs as i686 on the host"
	exit 0
fi

# seedboot runs everything as root (permission bits stored, not enforced),
# so on the host the programs run as root too, in a user namespace if need be
as_root=()
if [ "$(id -u)" -ne 0 ]; then
	if unshare -r true 2> /dev/null; then
		as_root=(unshare -r)
	else
		skip conformance "not root, and unshare -r (a user namespace) does not work here"
		exit 0
	fi
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/conf"
for p in driver $progs; do cp "$CONF/$p" "$tmp/conf/"; done
if ! (mkdir "$tmp/probe" && cd "$tmp/probe" && ../conf/driver) > /dev/null 2>&1; then
	skip conformance "this host cannot run i386 programs (no IA32 emulation in its kernel?)"
	exit 0
fi
(cd "$tmp/conf" && ulimit -n 1024 && umask 0 &&
	exec timeout 300 "${as_root[@]}" setarch i686 env -i PATH=/usr/bin:/bin ./driver $progs) \
	< /dev/null > "$tmp/host.out" 2>&1
rc=$?
[ "$rc" -eq 0 ] || not_ok "conformance: the driver on Linux" "exited $rc: $(tail -1 "$tmp/host.out")"

log=$CONF/seedboot.log
qemu/run --kernel "$BUILD/kernel.elf" --initrd "$CONF/closure.cpio" \
	--append "stages=conformance stage_timeout=600" --timeout 900 --log "$log" > /dev/null 2>&1
rc=$?
[ "$rc" -eq 0 ] || not_ok "conformance: the seedboot run" "QEMU exited $rc: $(tr -d '\r' < "$log" | grep '^seedboot: \(FAIL\|process\)' | head -2 | tr '\n' ' ')"
# the driver's output, without the kernel's own lines (unimplemented calls, exec diagnostics)
tr -d '\r' < "$log" | sed -n '/^=== /,/^=== end$/p' | grep -v '^seedboot: ' > "$tmp/guest.out"
cp "$tmp/host.out" "$CONF/linux.out"
cp "$tmp/guest.out" "$CONF/seedboot.out"

block() {	# block NAME FILE: one program's transcript with its exit line
	awk -v n="$1" '$0 == "=== " n { on = 1; next } on && index($0, "=== " n " ") == 1 { print; exit } on' "$2"
}

nprogs=0 diffs=0
for p in $progs; do
	nprogs=$((nprogs + 1))
	block "$p" "$tmp/host.out" > "$tmp/$p.linux"
	block "$p" "$tmp/guest.out" > "$tmp/$p.seedboot"
	if [ ! -s "$tmp/$p.linux" ]; then
		not_ok "$p: transcript matches Linux" "no transcript from Linux"
		diffs=$((diffs + 1))
	elif [ ! -s "$tmp/$p.seedboot" ]; then
		not_ok "$p: transcript matches Linux" "no transcript from seedboot: $(tr -d '\r' < "$log" | grep '^seedboot: \(FAIL\|process\)' | head -1) (see $log)"
		diffs=$((diffs + 1))
	elif cmp -s "$tmp/$p.linux" "$tmp/$p.seedboot"; then
		ok "$p: transcript matches Linux ($(wc -l < "$tmp/$p.linux") lines)"
	else
		diffs=$((diffs + 1))
		line=$(cmp "$tmp/$p.linux" "$tmp/$p.seedboot" 2>&1 | sed -n 's/.*line \([0-9]*\).*/\1/p')
		[ -n "$line" ] || line=$(($(wc -l < "$tmp/$p.seedboot") + 1))
		not_ok "$p: transcript matches Linux" "line $line: Linux '$(sed -n "${line}p" "$tmp/$p.linux")', seedboot '$(sed -n "${line}p" "$tmp/$p.seedboot")'"
		diff -u --label "$p on Linux" --label "$p on seedboot" "$tmp/$p.linux" "$tmp/$p.seedboot" | head -40
	fi
done

# which programs exercised each system call: the names that start their
# transcript lines as seedboot ran them
echo "conformance: system call -> programs"
implemented=0 covered=0
while read -r nr name; do
	implemented=$((implemented + 1))
	users=
	for p in $progs; do
		grep -q "^$name(" "$tmp/$p.seedboot" && users="$users $p"
	done
	if [ -n "$users" ]; then
		covered=$((covered + 1))
		printf 'conformance:   %3d %-14s%s\n' "$nr" "$name" "$users"
	else
		printf 'conformance:   %3d %-14s (none)\n' "$nr" "$name"
		not_ok "coverage: $name" "no program exercises system call $nr ($name)"
	fi
done < <(tr -d '\\\n' < kernel/syscalls.h | grep -o 'X([0-9]*, [a-z_0-9]*)' | sed 's/X(\([0-9]*\), \([a-z_0-9]*\))/\1 \2/')
echo "conformance: $nprogs programs, $covered/$implemented syscalls covered, $diffs differences"
finish
