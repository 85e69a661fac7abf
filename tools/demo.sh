#!/bin/sh
# make demo: the real app, headless, walks a visitor through every screen
# at the three screen sizes we support, and saves a PNG of each screen in
# docs/screens/<size>/; then the same walk with Larger text on, on the
# small landscape panel and in portrait, into docs/screens/<size>-larger/.
# A fresh directory each time, so every run is alike.
set -eu
build=$1
mkdir -p build/tmp
# walk SIZE OUT [FIRST]: the walkthrough at SIZE into OUT, FIRST (script
# lines) done on Welcome before it
walk() {
    out=$2
    work=$(mktemp -d build/tmp/demo.XXXXXX)
    mkdir -p "$out"
    rm -f "$out"/*.png
    { printf '%b' "${3:-}"; cat tests/scripts/walkthrough.txt; } >"$work/walk.txt"
    # the sample office, whatever config this checkout has
    "$build/career-kiosk" --headless --size "$1" --today 2026-11-22 \
        --config "$work/none.conf" --db "$work/mentors.db" \
        --script "$work/walk.txt" --screenshots "$out"
    rm -rf "$work"
    echo "$out: $(ls "$out" | wc -l) screens"
}
for size in 1920x1080 1080x1920 1280x800; do
    walk "$size" "docs/screens/$size"
done
for size in 1280x800 1080x1920; do
    walk "$size" "docs/screens/$size-larger" 'tap "Larger text"\n'
done

# The printed sheet for the same visit: a Letter page set and an 80 mm
# receipt, exactly as the printers would get them.
work=$(mktemp -d)
mkdir -p docs/print
rm -f docs/print/*.png
A="$build/career-kiosk-admin --config $work/none.conf --db $work/mentors.db --today 2026-11-22"
$A sheet M1001 --name Sam --program Biology --status grad-student --minutes 30 \
    --render docs/print/letter.png --paper letter
$A sheet M1001 --name Sam --program Biology --status grad-student --minutes 30 \
    --render docs/print/receipt-80mm.png --paper 80mm
rm -rf "$work"
