#!/bin/sh
# make run: the kiosk in a window on the built-in sample directory.
# Without a display it says so in one line (the app does) and stops.
set -eu
build=$1
exec "$build/career-kiosk" --windowed --size 1280x800
