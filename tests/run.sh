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

if [ -x build/fuzz/fuzz_import ]; then
    mkdir -p build/fuzz/corpus
    if build/fuzz/fuzz_import -max_total_time=15 -max_len=65536 build/fuzz/corpus \
        tests/fixtures >"$log" 2>&1; then
        echo "ok   fuzz_import (15 s, $(grep -o 'Done [0-9]* runs' "$log" | tail -1))"
        passed=$((passed + 1))
    else
        echo "FAIL fuzz_import"
        tail -40 "$log" | sed 's/^/    /'
        failed=$((failed + 1))
    fi
fi

if [ -x build/fuzz/fuzz_escpos ]; then
    mkdir -p build/fuzz/corpus-escpos
    if build/fuzz/fuzz_escpos -max_total_time=5 -max_len=16384 build/fuzz/corpus-escpos \
        >"$log" 2>&1; then
        echo "ok   fuzz_escpos (5 s, $(grep -o 'Done [0-9]* runs' "$log" | tail -1))"
        passed=$((passed + 1))
    else
        echo "FAIL fuzz_escpos"
        tail -40 "$log" | sed 's/^/    /'
        failed=$((failed + 1))
    fi
fi

rm -f "$log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
