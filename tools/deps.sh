#!/bin/sh
# Installs the Debian packages Career Kiosk needs, only those missing.
# As root it runs apt-get; otherwise it prints the exact command and fails,
# so `make test` on a fresh machine either gets what it needs or says how.
set -eu

PACKAGES="build-essential pkg-config
libsqlite3-dev sqlite3
libicu-dev
libqrencode-dev
libinih-dev
libcmocka-dev
clang libclang-rt-14-dev
libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libfontconfig-dev zlib1g-dev libsystemd-dev
fonts-noto-core fonts-droid-fallback fonts-nanum
zbar-tools imagemagick xvfb xauth xdotool groff-base man-db gdb
cage seatd xwayland systemd
libcups2-dev cups-daemon cups-client printer-driver-cups-pdf ghostscript poppler-utils
libsodium-dev minisign dosfstools exfatprogs fusefat procps"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing="$missing $p"
    fi
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
    echo "career-kiosk: missing Debian packages:$missing" >&2
    echo "Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
    exit 1
fi

echo "career-kiosk: installing$missing"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have empty package lists; update once if install fails.
if ! apt-get install -y -q $missing; then
    apt-get update -q
    apt-get install -y -q $missing
fi
