#!/bin/sh
# make run: the kiosk on the built-in sample directory. Until the touch
# app lands (issue 3) this prepares the directory and shows what the
# engine gives a visitor, through the admin CLI.
set -eu
build=$1
admin="$build/career-kiosk-admin"
if [ -x "$build/career-kiosk" ]; then
    exec "$build/career-kiosk" --windowed "$@"
fi
"$admin" init
echo
echo "The touch app (career-kiosk) is not built yet; it is the next piece of work."
echo "Meanwhile the directory, search, messages, prep sheets and QR codes work"
echo "through the admin CLI, for example:"
echo
echo "  $admin search jose"
echo "  $admin message M1001 --name Sam --program Biology"
echo "  $admin sheet M1001 --minutes 30"
echo "  $admin qr sheet M1001"
