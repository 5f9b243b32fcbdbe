#!/usr/bin/env bash
# The tcc stage's fixpoint, checked on the host in seconds: the host's gcc
# builds tcc from the same patched tree and config.h, then steps 2-5 of
# stages/tcc/build.kaem run as they are, with that tcc in tcc-mes's place.
# A correct tcc must build the same tcc-boot1, tcc-boot2, libraries and
# test.out as the image does from tcc-mes, so their hashes must be the ones
# stages/tcc/expect holds; tcc-boot1 and tcc-boot2 must be the same bytes.
# Then steps 3-5 run again under seedboot (TCG, seconds), from the host's
# tcc-boot0, one plan line per command, and must give the same bytes.
. "$(dirname "$0")/lib.sh"

dist=${DISTFILES:-distfiles}
name="tcc fixpoint on the host"
for f in $(awk '$1 == "file" { print $2 }' stages/mes/sources stages/tcc/sources); do
	if [ ! -f "$dist/$f" ]; then
		skip "$name" "$dist/$f not fetched (make fetch)"
		exit 0
	fi
done
if ! out=$(make -s DISTFILES="$dist" "$BUILD/src/mes/.unpacked" "$BUILD/src/tcc/.unpacked" 2>&1); then
	not_ok "$name: unpack the mes and tcc trees" "$(tail -1 <<< "$out")"
	finish
fi
w=$BUILD/tests/tcc-fixpoint
rm -rf "$w" && mkdir -p "$w/bin" && w=$(realpath "$w")
M=$(realpath "$BUILD/src/mes/mes-0.24.2")
T=$(realpath "$BUILD/src/tcc/tcc-62c30a4a")
# Mes's C library wants the headers the mes stage writes into its tree.
mkdir -p "$w/include/mes" "$w/include/arch"
cp stages/mes/config.h "$w/include/mes/config.h"
cp "$M/include/linux/x86/kernel-stat.h" "$M/include/linux/x86/syscall.h" "$w/include/arch/"
if ! gcc -m32 -O1 -w -D HAVE_CONFIG_H=1 -I stages/tcc -I "$T" -o "$w/bin/tcc-mes" "$T/tcc.c" -lm -ldl \
		> "$w/gcc.log" 2>&1; then
	not_ok "$name: gcc -m32 builds tcc" "$(head -1 "$w/gcc.log")"
	finish
fi
# Steps 2-5 of build.kaem, in bash: kaem's catm is cat, and the stage's
# files are where the closure puts them.
sed -n '/^catm artifact\/libc-1.c/,$p' stages/tcc/build.kaem |
	sed -e "s|\${M}/include |$w/include -I \${M}/include |g" \
	    -e "s|\${M}|$M|g" -e "s|\${T}|$T|g" \
	    -e "s|/seedboot/stage/tcc|$(realpath stages/tcc)|g" \
	    -e 's|^catm \([^ ]*\)|cat_to \1|' > "$w/steps.sh"
(
	cd "$w" && mkdir -p artifact
	cat_to() { local out=$1; shift; cat "$@" > "$out"; }
	export PATH=$PWD/bin:$PATH
	set -e
	. ./steps.sh
) > "$w/steps.log" 2>&1
rc=$?
[ $rc -eq 0 ] && ok "$name: steps 2-5 of build.kaem run with a gcc-built tcc" \
	|| not_ok "$name: steps 2-5 of build.kaem run with a gcc-built tcc" "exit $rc: $(grep -v warning "$w/steps.log" | tail -1)"
grep -q '^test\.c: PASS$' "$w/steps.log" && ok "$name: test.c built by tcc-boot2 passes" \
	|| not_ok "$name: test.c built by tcc-boot2 passes" "$(grep -v warning "$w/steps.log" | tail -1)"
b1=$(sha256sum < "$w/bin/tcc-boot1" 2>/dev/null | cut -d' ' -f1)
b2=$(sha256sum < "$w/bin/tcc-boot2" 2>/dev/null | cut -d' ' -f1)
[ -n "$b1" ] && [ "$b1" = "$b2" ] && ok "$name: tcc-boot1 = tcc-boot2" \
	|| not_ok "$name: tcc-boot1 = tcc-boot2" "$b1 vs $b2"
n=0 bad=
while read -r hash path; do
	case $path in bin/tcc-mes|bin/tcc-boot0|lib0/*) continue ;; esac
	n=$((n + 1))
	got=$(sha256sum < "$w/$path" 2>/dev/null | cut -d' ' -f1)
	[ "$got" = "$hash" ] || bad="${bad:-$path: ${got:-missing}, expect says $hash}"
done < stages/tcc/expect
[ $n -gt 0 ] || bad="stages/tcc/expect lists none of them"
[ -z "$bad" ] && ok "$name: $n outputs have the hashes stages/tcc/expect holds" \
	|| not_ok "$name: outputs have the hashes stages/tcc/expect holds" "$bad"

# Steps 3-5 under seedboot: tcc-boot0 goes in as a seed (hex0 made from
# the host's binary); each command of build.kaem is a stage of its own, the
# last stage's expect lists what the host made.
name="tcc steps 3-5 under seedboot"
if [ ! -f "$w/bin/tcc-boot0" ] || [ ! -f "$w/test.out" ]; then
	not_ok "$name" "the host run made no tcc-boot0 or test.out"
	finish
fi
c=$w/closure
mkdir -p "$c/mes" "$c/stage"
cp -r "$M" "$c/mes/" && cp -r "$w/include/." "$c/mes/mes-0.24.2/include/"
tests/programs/to-hex0 "$w/bin/tcc-boot0" > "$c/tcc-boot0.hex0"
echo "$(sha256sum < "$w/bin/tcc-boot0" | cut -c1-64) /tcc/bin/tcc-boot0 /tcc/bin/tcc-boot0.hex0" > "$c/seeds"
: > "$c/empty"
args=() i=0
sed -n '/^# 3\./,$p' stages/tcc/build.kaem | grep -v '^#' | grep -v '^mkdir ' | grep . |
	sed -e 's|\${M}|/mes/mes-0.24.2|g' -e 's|\${T}|/tcc/tcc-62c30a4a|g' \
	    -e 's|^\(tcc-boot[0-9]\)|/tcc/bin/\1|' -e 's|^\./bin/test|/tcc/bin/test|' > "$c/commands"
while read -r cmd; do
	i=$((i + 1))
	echo "step$i /tcc $cmd"
done < "$c/commands" > "$c/stages"
for s in $(seq 1 $((i - 1))); do args+=(--file "seedboot/stage/step$s/expect" "$c/empty"); done
(cd "$w" && sha256sum lib1/* lib2/* bin/tcc-boot1 bin/tcc-boot2 test.out | grep -v '\.o$') > "$c/expect"
args+=(--file "seedboot/stage/step$i/expect" "$c/expect")
for d in artifact lib1 lib2; do args+=(--file "tcc/$d/.keep" "$c/empty"); done
"$BUILD/host/mkclosure" -o "$c.cpio" --file seedboot/stages "$c/stages" --file seedboot/seeds "$c/seeds" \
	--file tcc/bin/tcc-boot0.hex0 "$c/tcc-boot0.hex0" --file tcc/artifact/libc.c "$w/artifact/libc.c" \
	--file seedboot/stage/tcc/config.h stages/tcc/config.h --file seedboot/stage/tcc/test.c stages/tcc/test.c \
	--tree tcc/tcc-62c30a4a "$T" --tree mes/mes-0.24.2 "$c/mes/mes-0.24.2" --spec stages/mes/closure \
	"${args[@]}" > "$w/mkclosure.log" 2>&1 || { not_ok "$name: the closure" "$(tail -1 "$w/mkclosure.log")"; finish; }
log=$w/seedboot.log
qemu/run --kernel "$BUILD/kernel.elf" --initrd "$c.cpio" --memory 512M --timeout 600 --log "$log" \
	> "$w/runner" 2>&1
rc=$?
echo "ran: $(tail -1 "$w/runner")"
[ $rc -eq 0 ] && ok "$name: $i commands, PASS" \
	|| not_ok "$name: $i commands, PASS" "QEMU exited $rc: $(tr -d '\r' < "$log" | grep -a '^seedboot: FAIL' | head -1)"
expect_line "$name: the outputs have the host's bytes" "$log" \
	"^seedboot: stage step$i: $(wc -l < "$c/expect") outputs match"
expect_line "$name: test.c passes" "$log" '^test\.c: PASS'
finish
