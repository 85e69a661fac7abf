#!/bin/sh
# Runs every test binary in each build folder given (the plain build and
# the sanitizer build), plus the CSV fuzzer briefly when it was built, and
# ends with one line: "N passed, N failed". Exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.." || exit 2

passed=0
failed=0
log=$(mktemp)
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

count() { grep -c "$1" "$log" || true; }

for build in "$@"; do
    for t in "$build"/tests/test_*; do
        [ -x "$t" ] || continue
        name="$(basename "$build")/$(basename "$t")"
        CK_BUILD_DIR="$build/tests" "$t" >"$log" 2>&1
        rc=$?
        ok=$(count '^\[       OK \]')
        run=$(count '^\[ RUN      \]')
        bad=$((run - ok))
        if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then bad=1; fi
        passed=$((passed + ok))
        failed=$((failed + bad))
        if [ "$bad" -gt 0 ]; then
            echo "FAIL $name"
            sed 's/^/    /' "$log" | tail -40
        else
            echo "ok   $name ($ok)"
        fi
    done
done

# A fuzz target, briefly: fuzz NAME SECONDS MAX_LEN CORPUS [SEEDS]
fuzz() {
    bin=build/fuzz/$1
    [ -x "$bin" ] || return 0
    mkdir -p "$4"
    if "$bin" -max_total_time="$2" -max_len="$3" "$4" ${5:-} >"$log" 2>&1; then
        echo "ok   $1 ($2 s, $(grep -o 'Done [0-9]* runs' "$log" | tail -1))"
        passed=$((passed + 1))
    else
        echo "FAIL $1"
        tail -40 "$log" | sed 's/^/    /'
        failed=$((failed + 1))
    fi
}
fuzz fuzz_import 15 65536 build/fuzz/corpus tests/fixtures
fuzz fuzz_escpos 5 16384 build/fuzz/corpus-escpos
fuzz fuzz_minisig 5 8192 build/fuzz/corpus-minisig tests/fixtures/minisig
fuzz fuzz_config 5 8192 build/fuzz/corpus-config tests/fixtures/config

rm -f "$log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
