#!/bin/sh
# make run: the kiosk in a window on the built-in sample directory, sized
# to fit the display it opens on (a window a little smaller than the
# screen, so a desktop's bars and the title bar fit too). SIZE=WxH picks
# another size (make run SIZE=1080x1920 for a portrait kiosk). Without a
# display it says so in one line (the app does) and stops. Options after
# the build folder go to the kiosk (the tests pass --db).
set -eu
build=$1
shift
size=${SIZE:-}
if [ -z "$size" ] && [ -n "${DISPLAY:-}" ] && command -v xdpyinfo >/dev/null 2>&1; then
    # X11, or Xwayland on a Wayland desktop: the screen's size in pixels
    size=$(xdpyinfo 2>/dev/null | awk '/dimensions:/ {
        split($2, d, "x"); w = int(d[1] * 0.9 / 2) * 2; h = int(d[2] * 0.85 / 2) * 2
        if (w < 320) w = 320; if (h < 320) h = 320
        print w "x" h; exit }')
fi
# no way to ask (a Wayland session without Xwayland): a laptop's size
exec "$build/career-kiosk" --windowed --size "${size:-1280x720}" "$@"
