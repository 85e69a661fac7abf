#!/bin/sh
# Installs the Debian packages building and testing Career Kiosk need,
# when some are missing. The list is debian/control's Build-Depends (one
# list for developers and package builds alike: add a package there, not
# here). As root it runs `apt-get build-dep ./`; otherwise it prints that
# command and fails, so `make test` on a fresh machine either gets what it
# needs or says how.
set -eu
cd "$(dirname "$0")/.."

# Build-Depends, one name a line: versions, architectures and build
# profiles dropped; "a | b" kept as one line; debhelper-compat and the
# dh-sequence-* add-ons are debhelper's. And build-essential, which build-dep always installs and
# Build-Depends must not name.
wanted() {
    echo build-essential
    awk '/^Build-Depends:/ { on = 1; sub(/^Build-Depends:/, "") }
         on && /^[A-Za-z-]+:/ && !/^Build-Depends:/ { on = 0 }
         on && !/^#/ { print }' debian/control |
        tr ',' '\n' |
        sed -e 's/([^)]*)//g' -e 's/\[[^]]*\]//g' -e 's/<[^>]*>//g' \
            -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e 's/[[:space:]]\{1,\}/ /g' \
            -e 's/^debhelper-compat$/debhelper/' -e 's/^dh-sequence-.*/debhelper/' |
        grep -v '^$'
}

installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=""
for alts in $(wanted | tr ' ' '_'); do
    ok=0
    for p in $(echo "$alts" | tr '_|' '  '); do
        if installed "$p"; then ok=1; break; fi
    done
    [ "$ok" = 1 ] || missing="$missing $(echo "$alts" | tr '_' ' ')"
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
    echo "career-kiosk: missing Debian packages:$missing" >&2
    echo "Install them (debian/control's Build-Depends) with:" >&2
    echo "  sudo apt-get update && sudo apt-get build-dep -y $(pwd)" >&2
    exit 1
fi

echo "career-kiosk: installing$missing"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have empty package lists; update once if it fails.
if ! apt-get build-dep -y -q ./; then
    apt-get update -q
    apt-get build-dep -y -q ./
fi
