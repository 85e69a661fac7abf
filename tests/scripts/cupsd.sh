#!/bin/sh
# A private CUPS server for the printing tests, with a PDF queue:
#   cupsd.sh start DIR QUEUE   config, spool and socket under DIR; the queue's
#                              PDFs land in DIR/pdf. Prints the socket path.
#   cupsd.sh stop DIR QUEUE
# It uses Debian's cupsd and the cups-pdf backend, which runs as root (as
# it does in any real install), so the tests that use it run as root.
set -eu
cmd=$1 dir=$2 queue=$3

case "$cmd" in
start)
    mkdir -p "$dir/root" "$dir/spool" "$dir/cache" "$dir/state" "$dir/log" "$dir/pdf"
    # filters run as the lp user: they must reach the spool
    chmod 755 "$dir" "$dir/root" "$dir/log"
    chmod 777 "$dir/pdf"
    cat >"$dir/root/cupsd.conf" <<CONF
Listen $dir/cups.sock
LogLevel info
WebInterface No
Browsing No
DefaultAuthType None
PreserveJobFiles No
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  JobPrivateAccess all
  JobPrivateValues none
  SubscriptionPrivateAccess all
  SubscriptionPrivateValues none
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
    cat >"$dir/root/cups-files.conf" <<CONF
ServerRoot $dir/root
RequestRoot $dir/spool
CacheDir $dir/cache
StateDir $dir/state
TempDir $dir/spool
ErrorLog $dir/log/error_log
AccessLog $dir/log/access_log
PageLog $dir/log/page_log
CONF
    # cups-pdf reads a per-queue file beside its own config
    printf 'Out %s/pdf\nAnonDirName %s/pdf\nLabel 0\n' "$dir" "$dir" \
        >"/etc/cups/cups-pdf-$queue.conf"
    # Only directives this cupsd accepts (JobPrivateValues, once taken at
    # the top level, belongs in a Policy since 2.4.2-3+deb12u11): check the
    # config first and say what it refused.
    if ! cupsd -t -c "$dir/root/cupsd.conf" -s "$dir/root/cups-files.conf" \
        >"$dir/log/cupsd-t.out" 2>&1; then
        echo "cupsd (cups-daemon $(dpkg-query -W -f='${Version}' cups-daemon 2>/dev/null)) refuses the test config:" >&2
        cat "$dir/log/cupsd-t.out" >&2
        exit 1
    fi
    cupsd -f -c "$dir/root/cupsd.conf" -s "$dir/root/cups-files.conf" \
        >"$dir/log/cupsd.out" 2>&1 &
    echo $! >"$dir/cupsd.pid"
    i=0
    while [ ! -S "$dir/cups.sock" ]; do
        i=$((i + 1))
        if [ $i -gt 100 ]; then
            echo "cupsd did not start:" >&2
            cat "$dir/log/cupsd.out" "$dir/log/error_log" >&2 2>/dev/null || true
            exit 1
        fi
        sleep 0.1
    done
    lpadmin -h "$dir/cups.sock" -p "$queue" -E -v "cups-pdf:/$queue" \
        -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd 2>/dev/null
    echo "$dir/cups.sock"
    ;;
stop)
    if [ -f "$dir/cupsd.pid" ]; then
        kill "$(cat "$dir/cupsd.pid")" 2>/dev/null || true
        rm -f "$dir/cupsd.pid"
    fi
    rm -f "/etc/cups/cups-pdf-$queue.conf"
    ;;
*)
    echo "usage: cupsd.sh start|stop DIR QUEUE" >&2
    exit 2
    ;;
esac
