#!/bin/sh
# Runs every test binary in each build folder given (the plain build and
# the sanitizer build), then the include layering check (tools/layering)
# and a self-test proving it can fail, then the fuzzers briefly when they
# were built, and ends with one line: "N passed, N failed". Exits non-zero
# on any failure.
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
        # skipped: test_package inside the package build it would make
        skipped=$(sed -n 's/^\[  SKIPPED \] \([0-9]*\) test(s).*/\1/p' "$log")
        skipped=${skipped:-0}
        bad=$((run - ok - skipped))
        if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then bad=1; fi
        passed=$((passed + ok))
        failed=$((failed + bad))
        if [ "$bad" -gt 0 ]; then
            echo "FAIL $name"
            sed 's/^/    /' "$log" | tail -40
        elif [ "$skipped" -gt 0 ]; then
            echo "ok   $name ($ok, $skipped skipped)"
        else
            echo "ok   $name ($ok)"
        fi
    done
done

# Which folder may include which (tools/layering has the table).
if tools/layering >"$log" 2>&1; then
    echo "ok   layering ($(sed -n 's/^layering: \([0-9]*\) files checked.*/\1/p' "$log") files)"
    passed=$((passed + 1))
else
    echo "FAIL layering"
    sed 's/^/    /' "$log"
    failed=$((failed + 1))
fi

# The layering check can fail: a fake tree with one breach of each kind must
# exit 1 naming each, and the same tree without them must exit 0.
layering_selftest() {
    fake=$(mktemp -d) || return 1
    for f in app/core/text.h app/ui/ui.h app/kiosk/app.h app/kiosk/session.h \
             app/directory/store.h platform/draw.h; do
        mkdir -p "$fake/${f%/*}" && : >"$fake/$f"
    done
    mkdir -p "$fake/app/kiosk/screens"
    printf '#include "core/text.h"\n#include "draw.h"\n/* #include "kiosk/app.h" */\n' >"$fake/app/ui/ok.c"
    printf '#include "kiosk/session.h"\n#include "ui/ui.h"\n' >"$fake/app/kiosk/screens/ok.c"
    printf '#include "directory/store.h"\n#include <sqlite3.h>\n' >"$fake/app/directory/store.c"
    printf '#include "draw.h"\n#include <SDL.h>\n' >"$fake/platform/sdl.c"
    tools/layering "$fake" >"$log" 2>&1
    rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "    clean fake tree: exit $rc, expected 0"
        rm -rf "$fake"
        return 1
    fi
    printf '#include "kiosk/app.h"\n' >"$fake/app/ui/bad.c"
    printf '#include <SDL.h>\n' >"$fake/app/core/x.c"
    printf '#include "directory/store.h"\n' >"$fake/app/kiosk/screens/s.c"
    printf '#include "nowhere.h"\n' >"$fake/app/core/y.c"
    tools/layering "$fake" >"$log" 2>&1
    rc=$?
    rm -rf "$fake"
    ok=0
    [ "$rc" -eq 1 ] || { echo "    fake tree with 4 breaches: exit $rc, expected 1"; ok=1; }
    for want in 'app/ui/bad.c:1: includes "kiosk/app.h" (kiosk)' \
                'app/core/x.c:1: includes <SDL.h>: <SDL.h> belongs to platform only' \
                'app/kiosk/screens/s.c:1: includes "directory/store.h" (directory)' \
                'app/core/y.c:1: includes "nowhere.h": no such header in the tree'; do
        grep -qF "$want" "$log" || { echo "    not reported: $want"; ok=1; }
    done
    n=$(grep -c '^app/.*:[0-9]*: ' "$log")
    [ "$n" -eq 4 ] || { echo "    $n violations reported, expected 4"; ok=1; }
    return $ok
}
if layering_selftest >"$log.why"; then
    echo "ok   layering-selftest"
    passed=$((passed + 1))
else
    echo "FAIL layering-selftest"
    cat "$log.why"
    sed 's/^/    | /' "$log"
    failed=$((failed + 1))
fi
rm -f "$log.why"

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
fuzz fuzz_synonyms 5 65536 build/fuzz/corpus-synonyms tests/fixtures/synonyms
fuzz fuzz_stats 5 16384 build/fuzz/corpus-stats tests/fixtures/stats

# The top of the tree is fixed (README.md, "Files at the top level"): a
# test that writes where it runs, or to a path it never filled in, leaves
# a file there.
stray=$(ls -A | grep -v -x -e Makefile -e README.md -e COPYING -e app -e assets -e platform \
    -e tests -e tools -e docs -e debian -e po -e build -e var -e .ci -e .git -e .gitignore \
    -e .clang-format -e config.mk | tr '\n' ' ')
if [ -z "$stray" ]; then
    echo "ok   top of the tree (nothing stray)"
    passed=$((passed + 1))
else
    echo "FAIL top of the tree: the suite left $stray"
    failed=$((failed + 1))
fi

rm -f "$log"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
