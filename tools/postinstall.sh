#!/bin/sh
# After `make install` as root on the machine itself (no DESTDIR): the
# kiosk's user, its data folder, the config readable by it, and systemd
# and udev told about the new files. Each step says what it did.
set -eu
confdir=$1 sysusers=$2 tmpfiles=$3
systemd-sysusers "$sysusers/career-kiosk.conf"
systemd-tmpfiles --create "$tmpfiles/career-kiosk.conf"
chgrp career-kiosk "$confdir/kiosk.conf" && chmod 640 "$confdir/kiosk.conf"
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    udevadm control --reload || true
    echo "Installed. Next: edit $confdir/kiosk.conf, check it with"
    echo "  career-kiosk --check-config"
    echo "then: systemctl enable --now career-kiosk.service"
else
    echo "Installed (systemd is not running here, so no units were reloaded)."
fi
