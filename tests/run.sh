#!/bin/sh
# run.sh — run every test binary of $BUILD/tests and the CLI tests, then print the grand total
# "N passed, N failed" (the line CI reads). Exit 1 if anything failed.
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
export VG_ROOT=$(pwd) SHARED
pass=0; fail=0; skip=0
tally() { # last line of a runner: "N passed, N failed, N skipped"
    set -- $(tail -n 1 "$1" | sed 's/[^0-9 ]//g')
    pass=$((pass + ${1:-0})); fail=$((fail + ${2:-0})); skip=$((skip + ${3:-0}))
    [ -n "${1:-}" ] || fail=$((fail + 1))
}
out=$(mktemp); trap 'rm -f "$out"' EXIT
echo "== layers (includes and calls go downward only)"
BUILD="$BUILD" sh tests/layers.sh >"$out" 2>&1
grep -v '^ok ' "$out"
tally "$out"
for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    echo "== $(basename "$t")"
    "$t" "$SHARED" >"$out" 2>&1; rc=$?
    grep -v '^ok ' "$out"
    if [ $rc -gt 1 ]; then echo "FAIL $(basename "$t") crashed (exit $rc)"; fail=$((fail + 1)); fi
    tally "$out"
done
echo "== fuzz corpus replay"
for t in "$BUILD"/tests/fuzz_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t"); name=${name#fuzz_}
    if "$t" "fuzz/corpus/$name" >"$out" 2>&1; then pass=$((pass + 1)); echo "ok   replay $name: $(tail -n 1 "$out")"
    else fail=$((fail + 1)); echo "FAIL replay $name"; tail -n 20 "$out"; fi
done
# the shell suites: each prints "ok"/"FAIL" lines and its own counts
for suite in "cli" "store" "hostile-store (foreign and read-only stores, --timeout, usage errors, control characters, CSV formulas)" "web (pages, WARC, feeds)" \
             "hostile-input (link loops, FIFOs, NUL, duplicate ids, lost feed items and WARC records, gzip bombs)" \
             "eval (agreement with score.py, PLOVER)"; do
    echo "== $suite"
    BUILD="$BUILD" sh "tests/${suite%% *}.sh" >"$out" 2>&1
    grep -v '^ok ' "$out"
    tally "$out"
done
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
