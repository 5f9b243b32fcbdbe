#!/usr/bin/env bash
# tests/fuzz/check.sh [SECONDS TARGET...]
#
# Runs each libFuzzer target (built in $BUILD/fuzz/) for SECONDS, one at a
# time, starting from its seed corpus tests/fuzz/corpus/TARGET, and prints
#   ok fuzz TARGET: N runs in S s (cov C, ft F, corpus K inputs)
# or
#   not ok fuzz TARGET: WHAT; reproducer PATH (log LOG)
# Without arguments (make test): every target for $FUZZ_TEST_SECONDS (5),
# seed 1, new inputs in a fresh $BUILD/fuzz/test-corpus/. With FUZZ_MODE=long
# (make fuzz): random seed, and the new inputs kept in $BUILD/fuzz/corpus/
# for the next run. Crash reproducers go to $BUILD/fuzz/crashes/.
set -u
BUILD=${BUILD:-build}
here=$(cd "$(dirname "$0")" && pwd)
seconds=${1:-${FUZZ_TEST_SECONDS:-5}}
[ $# -gt 0 ] && shift
targets=${*:-cpio elf path hex0}
out=$(mkdir -p "$BUILD/fuzz" && cd "$BUILD/fuzz" && pwd)
failures=0

for t in $targets; do
	bin=$out/$t
	log=$out/$t.log
	if [ "${FUZZ_MODE:-test}" = long ]; then
		work=$out/corpus/$t
		seed=()
	else
		work=$out/test-corpus/$t
		rm -rf "$work"
		seed=(-seed=1)
	fi
	mkdir -p "$work" "$out/crashes"
	if [ ! -x "$bin" ]; then
		echo "not ok fuzz $t: $bin is not built (make $bin)"
		failures=$((failures + 1))
		continue
	fi
	# new inputs go to the first directory: $work, never the seed corpus
	(cd "$out" && timeout --kill-after=10 $((seconds + 120)) "$bin" "${seed[@]}" \
		-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$out/crashes/$t-" "$work" "$here/corpus/$t") > "$log" 2>&1
	rc=$?
	done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)
	if [ $rc -eq 0 ] && [ -n "$done_line" ]; then
		runs=$(echo "$done_line" | awk '{print $2}')
		secs=$(echo "$done_line" | awk '{print $5}')
		cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$log" | tail -1 |
			awk '{print "cov " $2 ", ft " $4 ", corpus " $6 " inputs"}')
		echo "ok fuzz $t: $runs runs in $secs s ($cov)"
		continue
	fi
	why=$(grep -E '^fuzz: ' "$log" | head -1 | cut -c1-300)
	summary=$(grep -E '^SUMMARY: ' "$log" | tail -1)
	unit=$(grep -oE 'Test unit written to [^ ]+' "$log" | tail -1 | sed 's/Test unit written to //')
	[ $rc -eq 124 ] || [ $rc -eq 137 ] && summary="no verdict after $((seconds + 120)) s, killed"
	[ -z "$summary" ] && summary="exit status $rc: $(tail -1 "$log")"
	echo "not ok fuzz $t: ${why:+$why; }$summary; reproducer ${unit:-none} (log $log)"
	failures=$((failures + 1))
done
exit $((failures != 0))
