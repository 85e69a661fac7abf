#!/bin/sh
# make bench: measured figures against baselines taken in the same run.
set -eu
build=$1
work=build/bench
mkdir -p "$work"
if [ ! -s "$work/mentors100k.csv" ]; then
    "$build/gen-mentors" 100000 42 > "$work/mentors100k.csv"
fi
echo "Career Kiosk benchmarks ($(nproc) cores, $(date -u +%Y-%m-%d))"
echo
"$build/bench" "$work/mentors100k.csv" "$work"
