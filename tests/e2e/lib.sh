# Shared by the end-to-end scripts: the check convention of tests/run.
BUILD=${BUILD:-build}
failures=0
ok() { echo "ok $1"; }
not_ok() { echo "not ok $1: $2"; failures=$((failures + 1)); }
skip() { echo "skip $1: $2"; }
# expect NAME LOG PATTERN: the console log has a line matching PATTERN
expect_line() {
	if tr -d '\r' < "$2" | grep -qE -- "$3"; then ok "$1"; else not_ok "$1" "no line matching '$3' in $2 (last: $(tail -1 "$2" | tr -d '\r'))"; fi
}
finish() { exit $((failures != 0)); }
