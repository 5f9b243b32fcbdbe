#!/usr/bin/env bash
# The whole chain from build/seedboot.img under SeaBIOS: every stage of the
# plan (stage0-posix, mes, tcc) runs, each stage's receipt equals its
# expect file, tcc's second and third self-builds are the same bytes, the C
# test program the last tcc built passed, and the verdict is PASS. Under TCG
# this takes hours, far longer than the rest of make test together, so make
# test reports it skipped and make test-full runs it (SEEDBOOT_FULL=1).
. "$(dirname "$0")/../e2e/lib.sh"

name="full chain: every stage of build/seedboot.img"
img=$BUILD/seedboot.img
plan=$BUILD/closure/stages
if [ "${SEEDBOOT_FULL:-0}" != 1 ]; then
	skip "$name" "takes hours under TCG, past make test's budget: run 'make test-full'"
	exit 0
fi
if [ ! -f "$img" ] || [ ! -f "$plan" ]; then
	skip "$name" "no $img (distfiles not fetched: run 'make fetch')"
	exit 0
fi
mkdir -p "$BUILD/tests/full"
log=$BUILD/tests/full/chain.log
qemu/run --disk "$img" --memory "${FULL_MEMORY:-2G}" --timeout "${FULL_TIMEOUT:-21600}" --log "$log" \
	> "$BUILD/tests/full/chain.runner" 2>&1
rc=$?
echo "ran: $(tail -1 "$BUILD/tests/full/chain.runner")"
[ "$rc" -eq 0 ] && ok "full chain: QEMU exit status says PASS" \
	|| not_ok "full chain: QEMU exit status says PASS" "runner exited $rc: $(tr -d '\r' < "$log" | grep -a '^seedboot: FAIL' | head -1)"
while read -r stage dir _; do
	[ -n "$stage" ] || continue
	expect_line "full chain: stage $stage done" "$log" "^seedboot: stage $stage done [0-9]+\.[0-9]+"
	got=$(tr -d '\r' < "$log" | sed -n "/^seedboot: stage $stage start/,/^seedboot: stage $stage done/p" |
		sed -n "s|^receipt \([0-9a-f]\{64\}\)  $dir/|\1  |p")
	if [ -n "$got" ] && [ "$got" = "$(cat "stages/$stage/expect")" ]; then
		ok "full chain: $stage receipt equals stages/$stage/expect ($(echo "$got" | wc -l) files)"
	else
		not_ok "full chain: $stage receipt equals stages/$stage/expect" \
			"$(diff <(echo "$got") "stages/$stage/expect" | head -3 | tr '\n' ' ')"
	fi
done < "$plan"
boot1=$(tr -d '\r' < "$log" | sed -n 's|^receipt \([0-9a-f]\{64\}\)  /tcc/bin/tcc-boot1$|\1|p')
boot2=$(tr -d '\r' < "$log" | sed -n 's|^receipt \([0-9a-f]\{64\}\)  /tcc/bin/tcc-boot2$|\1|p')
[ -n "$boot1" ] && [ "$boot1" = "$boot2" ] && ok "full chain: fixpoint, tcc-boot1 = tcc-boot2 ($boot1)" \
	|| not_ok "full chain: fixpoint, tcc-boot1 = tcc-boot2" "receipts '$boot1' and '$boot2'"
expect_line "full chain: test.c built by tcc-boot2 passes in the image" "$log" '^test\.c: PASS'
expect_line "full chain: final line is PASS" "$log" '^seedboot: PASS'
finish
