/* Tests for the Debian package, as an IT person meets it: `make deb`
 * (with the nocheck profile: this suite is the check) builds
 * career-kiosk_VERSION_ARCH.deb; lintian finds nothing; the package is
 * installed with apt into a fresh Debian 12 root (debootstrapped from
 * this machine's own archive by tools/debian-root, the bare root cached
 * in build/pkgtest/base, the downloaded packages in build/pkgtest/archives),
 * where the installed kiosk checks its default config and walks a visitor
 * through headless as its own user, systemd-analyze verifies the units,
 * nothing is enabled until the one documented command, an upgrade keeps
 * the config, the data and the enabled state, and a purge leaves nothing
 * of the package behind. Needs root and the network; skipped inside the
 * package build itself (debian/rules runs the suite there). */
#include "support.h"

#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#define WORK "build/pkgtest"
#define ROOT WORK "/root"

static bool skipping; /* inside dpkg-buildpackage: this test builds the package */
static char repo[1024], deb[1400];

/* Runs a shell script in ROOT (chroot) in a mount namespace of its own,
 * with /proc, /dev and the package cache mounted; output in *out. */
static int in_root(char **out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int in_root(char **out, const char *fmt, ...)
{
    char script[4000];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(script, sizeof script, fmt, ap);
    va_end(ap);
    support_write(ROOT "/tmp/ck-test.sh", script, (size_t)-1);
    return support_sh(
        out, "unshare --mount --propagation private sh -c '"
             "mount -t proc proc " ROOT "/proc && mount --rbind /dev " ROOT "/dev && "
             "mount --bind " WORK "/archives " ROOT "/var/cache/apt/archives && "
             "chroot " ROOT " /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin "
             "DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 /bin/sh -e /tmp/ck-test.sh' 2>&1");
}

static bool in_root_exists(const char *path)
{
    char full[1200];
    struct stat st;
    snprintf(full, sizeof full, ROOT "%s", path);
    return lstat(full, &st) == 0;
}

static int package_once(void **state)
{
    (void)state;
    char *out;
    skipping = getenv("CK_PACKAGE_BUILD") != NULL;
    if (skipping)
        return 0;
    if (geteuid() != 0) {
        fprintf(stderr, "test_package needs root: it debootstraps and chroots\n");
        return -1;
    }
    assert_non_null(getcwd(repo, sizeof repo));
    assert_int_equal(support_sh(&out, "dpkg --print-architecture"), 0);
    out[strcspn(out, "\n")] = '\0';
    char arch[32];
    snprintf(arch, sizeof arch, "%s", out);
    free(out);
    /* Debian's own way first, in a clean copy of the tree: plain
     * dpkg-buildpackage (what debuild, sbuild and gbp run), the packages
     * beside the tree; then again in the same tree through make deb,
     * which moves them into build/deb/. */
    if (support_sh(&out,
                   "set -e; rm -rf " WORK "/src; mkdir -p " WORK "/src/career-kiosk; "
                   "tar --exclude=./build --exclude=./var --exclude=./.git --exclude=./config.mk "
                   "-cf - . | tar -xf - -C " WORK "/src/career-kiosk; cd " WORK "/src/career-kiosk; "
                   "DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage -b -us -uc -Pnocheck 2>&1; "
                   "test -s ../career-kiosk_" CK_VERSION "_%s.deb; "
                   "test -s ../career-kiosk_" CK_VERSION "_%s.changes; "
                   "make --no-print-directory deb NOCHECK=1 2>&1",
                   arch, arch) != 0) {
        fprintf(stderr, "dpkg-buildpackage, then make deb in the same tree, failed:\n%s\n", out);
        free(out);
        return -1;
    }
    free(out);
    snprintf(deb, sizeof deb, WORK "/src/career-kiosk/build/deb/career-kiosk_" CK_VERSION "_%s.deb",
             arch);
    if (support_sh(&out,
                   "mkdir -p " WORK "/archives && tools/debian-root " WORK "/base 2>&1 && "
                   "rm -rf " ROOT " && cp -a " WORK "/base " ROOT " && "
                   "cp /etc/resolv.conf " ROOT "/etc/ && cp %s " ROOT "/tmp/ 2>&1",
                   deb) != 0) {
        fprintf(stderr, "no Debian 12 root:\n%s\n", out);
        free(out);
        return -1;
    }
    free(out);
    return 0;
}

static int package_done(void **state)
{
    (void)state;
    return 0; /* the root stays in build/pkgtest/root to look at */
}

#define SKIP_IN_PACKAGE_BUILD()                                                                    \
    do {                                                                                           \
        if (skipping)                                                                              \
            skip();                                                                                \
    } while (0)

/* What the .deb holds and asks for: systemd's and udev's own folders,
 * the config as a conffile, run-time packages only; lintian says nothing
 * (what it would say is overridden in debian/, each with its reason). */
static void test_deb_contents_and_lintian(void **state)
{
    (void)state;
    SKIP_IN_PACKAGE_BUILD();
    char *out;
    assert_int_equal(support_sh(&out, "dpkg-deb -c %s", deb), 0);
    static const char *const want[] = {"./lib/systemd/system/career-kiosk.service",
                                       "./lib/systemd/system/career-kiosk-retry.timer",
                                       "./lib/systemd/system/career-kiosk-fetch.service",
                                       "./lib/systemd/system/career-kiosk-fetch.timer",
                                       "./usr/lib/career-kiosk/career-kiosk-fetch",
                                       "./etc/career-kiosk/fetch.conf",
                                       "./usr/share/doc/career-kiosk/FLEET.md\n",
                                       "./lib/udev/rules.d/90-career-kiosk-usb.rules",
                                       "./usr/lib/sysusers.d/career-kiosk.conf",
                                       "./usr/lib/tmpfiles.d/career-kiosk.conf",
                                       "./usr/bin/career-kiosk",
                                       "./usr/share/man/man1/career-kiosk.1.gz",
                                       "./etc/career-kiosk/kiosk.conf",
                                       "./usr/share/doc/career-kiosk/DEPLOY.md\n"};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        if (!strstr(out, want[i]))
            fail_msg("the package lacks %s:\n%s", want[i], out);
    assert_null(strstr(out, "./etc/udev"));
    assert_null(strstr(out, "./var/lib/career-kiosk")); /* tmpfiles makes it, owned by the user */
    assert_null(strstr(out, "/usr/local"));
    free(out);
    assert_int_equal(support_sh(&out, "dpkg-deb -f %s Depends", deb), 0);
    assert_non_null(strstr(out, "cage"));
    assert_non_null(strstr(out, "seatd"));
    assert_non_null(strstr(out, "xwayland"));        /* cage exits without it */
    assert_non_null(strstr(out, "libgl1-mesa-dri")); /* the window is drawn through EGL */
    assert_non_null(strstr(out, "fonts-noto-core"));
    assert_non_null(strstr(out, "fonts-nanum"));
    assert_non_null(strstr(out, "libcups2"));
    assert_non_null(strstr(out, "libicu72"));            /* opened, not linked */
    assert_non_null(strstr(out, "libsdl2-image-2.0-0")); /* the same */
    static const char *const never[] = {"gcc",  "cmocka",   "xvfb",        "clang",
                                        "-dev", "minisign", "imagemagick", "gdb"};
    for (size_t i = 0; i < sizeof never / sizeof *never; i++)
        if (strstr(out, never[i]))
            fail_msg("Depends names %s, which the kiosk does not run with: %s", never[i], out);
    free(out);
    assert_int_equal(support_sh(&out, "dpkg-deb -f %s Suggests", deb), 0);
    assert_non_null(strstr(out, "minisign"));
    assert_non_null(strstr(out, "rsync"));
    free(out);
    /* a fleet's kiosk fetches with curl and opens encrypted bundles with age */
    assert_int_equal(support_sh(&out, "dpkg-deb -f %s Recommends", deb), 0);
    assert_non_null(strstr(out, "curl"));
    assert_non_null(strstr(out, "age"));
    free(out);
    support_sh(&out, "dpkg-deb --ctrl-tarfile %s | tar -xO ./conffiles", deb);
    assert_string_equal(out, "/etc/career-kiosk/fetch.conf\n/etc/career-kiosk/kiosk.conf\n");
    free(out);
    int rc = support_sh(&out, "lintian --pedantic %s 2>&1 | grep -v 'running with root'", deb);
    if (rc == 0) /* grep found lines: lintian said something */
        fail_msg("lintian:\n%s", out);
    free(out);
}

/* apt installs it into a fresh Debian 12 with what it depends on: the
 * kiosk's user and data folder are made, the config is readable by the
 * kiosk's group only, nothing is enabled or started, and no compiler or
 * test tool came along. */
static void test_apt_installs_it(void **state)
{
    (void)state;
    SKIP_IN_PACKAGE_BUILD();
    char *out;
    const char *name = strrchr(deb, '/') + 1;
    int rc = in_root(&out, "apt-get update -q >/dev/null && apt-get install -y -q /tmp/%s", name);
    if (rc != 0)
        fail_msg("apt-get install ./%s in a fresh Debian 12 (rc %d):\n%s", name, rc, out);
    assert_non_null(strstr(out, "systemctl enable --now career-kiosk.service"));
    free(out);
    assert_int_equal(in_root(&out, "getent passwd career-kiosk; id -nG career-kiosk"), 0);
    assert_non_null(strstr(out, ":/var/lib/career-kiosk:/usr/sbin/nologin"));
    assert_non_null(strstr(out, "video"));
    free(out);
    assert_int_equal(in_root(&out, "stat -c '%%U %%G %%a' /var/lib/career-kiosk "
                                   "/etc/career-kiosk/kiosk.conf /media/career-kiosk"),
                     0);
    assert_string_equal(out, "career-kiosk career-kiosk 750\nroot career-kiosk 640\n"
                             "root root 755\n");
    free(out);
    /* nothing of ours enabled: a desktop keeps its console */
    assert_int_equal(support_sh(&out, "find " ROOT "/etc/systemd " ROOT "/etc/udev -name "
                                      "'*career-kiosk*'"),
                     0);
    assert_string_equal(out, "");
    free(out);
    /* only what runs the kiosk: no compiler, no test tools */
    in_root(&out, "dpkg-query -W -f '${Package} ${Status}\\n' gcc gcc-12 cpp clang-14 "
                  "libcmocka0 xvfb imagemagick gdb libsdl2-dev 2>/dev/null | grep ' installed$' "
                  "|| true");
    assert_string_equal(out, "");
    free(out);
}

/* The installed kiosk: its default config checks clean, and a visitor
 * walks through headless, as the kiosk's own user, on the sample
 * directory first start puts in /var/lib/career-kiosk; every screen is
 * the README's, pixel for pixel (the fonts it depends on are there). */
static void test_installed_kiosk_walks(void **state)
{
    (void)state;
    SKIP_IN_PACKAGE_BUILD();
    char *out;
    assert_int_equal(in_root(&out, "career-kiosk --check-config"), 0);
    assert_non_null(strstr(out, "/etc/career-kiosk/kiosk.conf: no problems"));
    assert_non_null(strstr(out, "logo:        /usr/share/career-kiosk/logo.sample.svg"));
    free(out);
    assert_int_equal(support_sh(NULL, "cp tests/scripts/walkthrough.txt " ROOT "/tmp/ && "
                                      "rm -rf " ROOT "/tmp/shots"),
                     0);
    int rc = in_root(&out, "mkdir /tmp/shots && chown career-kiosk /tmp/shots && "
                           "setpriv --reuid=career-kiosk --regid=career-kiosk --init-groups "
                           "career-kiosk --headless --size 1920x1080 --today 2026-11-22 "
                           "--script /tmp/walkthrough.txt --screenshots /tmp/shots");
    if (rc != 0)
        fail_msg("installed walkthrough (rc %d): %s", rc, out);
    assert_null(strstr(out, "Sam")); /* nothing the visitor typed in the log */
    free(out);
    assert_true(in_root_exists("/var/lib/career-kiosk/mentors.db"));
    /* a screenshot for each the walkthrough takes */
    char *want;
    assert_int_equal(support_sh(&want, "grep -c '^screenshot' tests/scripts/walkthrough.txt"), 0);
    assert_int_equal(support_sh(&out, "ls " ROOT "/tmp/shots | wc -l"), 0);
    assert_true(atoi(want) >= 10);
    assert_int_equal(atoi(out), atoi(want));
    free(want);
    free(out);
    assert_int_equal(support_sh(&out, "for f in " ROOT "/tmp/shots/*.png; do "
                                      "n=$(compare -metric AE $f docs/screens/1920x1080/${f##*/} "
                                      "null: 2>&1); [ \"$n\" = 0 ] || echo \"${f##*/}: $n\"; done"),
                     0);
    if (*out)
        fail_msg("the installed kiosk's screens differ from docs/screens:\n%s", out);
    free(out);
    assert_int_equal(in_root(&out, "career-kiosk-admin stats"), 0);
    free(out);
}

/* The service's session as installed, as the kiosk's user: cage (on
 * wlroots' headless backend, drawing in software) and the kiosk inside
 * it, showing its first screen. With only the package's dependencies:
 * this is where a run-time package missing from Depends shows (cage
 * exits at once without Xwayland). */
/* Debian's own test convention: each test debian/tests/control names
 * runs, as autopkgtest runs it, from the source tree against the
 * installed package (here in the Debian root, as the chroot runner
 * would), with AUTOPKGTEST_TMP its scratch folder, and passes. */
static void test_autopkgtests_pass(void **state)
{
    (void)state;
    SKIP_IN_PACKAGE_BUILD();
    char *names, *out;
    assert_int_equal(support_sh(&names, "sed -n 's/^Tests: *//p' debian/tests/control | tr ' ,' "
                                        "'\\n\\n' | grep ."),
                     0);
    assert_non_null(strstr(names, "installed-walkthrough"));
    assert_non_null(strstr(names, "admin-import"));
    assert_int_equal(support_sh(&out, "rm -rf " ROOT "/tmp/src && mkdir -p " ROOT "/tmp/src && "
                                      "tar -cf - debian tests/scripts | tar -xf - -C " ROOT
                                      "/tmp/src 2>&1"),
                     0);
    free(out);
    for (char *name = strtok(names, "\n"); name; name = strtok(NULL, "\n")) {
        int rc = in_root(&out,
                         "cd /tmp/src && rm -rf /tmp/adt && mkdir /tmp/adt && "
                         "AUTOPKGTEST_TMP=/tmp/adt debian/tests/%s",
                         name);
        if (rc != 0)
            fail_msg("debian/tests/%s failed (%d):\n%s", name, rc, out);
        free(out);
    }
    free(names);
}

static void test_session_starts_under_cage(void **state)
{
    (void)state;
    SKIP_IN_PACKAGE_BUILD();
    char *out;
    in_root(&out, "rm -rf /tmp/run && mkdir -m 700 /tmp/run && chown career-kiosk /tmp/run && "
                  "setpriv --reuid=career-kiosk --regid=career-kiosk --init-groups "
                  "env XDG_RUNTIME_DIR=/tmp/run RUNTIME_DIRECTORY=/tmp/run "
                  "WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman "
                  "SDL_VIDEODRIVER=wayland timeout -s TERM 15 "
                  "/usr/lib/career-kiosk/career-kiosk-session > /tmp/session.log 2>&1 || true; "
                  "cat /tmp/session.log");
    if (!strstr(out, "career-kiosk " CK_VERSION ": showing the kiosk for Career Center"))
        fail_msg("the installed session did not show the kiosk under cage:\n%s", out);
    free(out);
}

/* systemd-analyze verify in the root, on the units as installed: not
 * one warning; it does complain about a broken one. */
static void test_units_verify(void **state)
{
    (void)state;
    SKIP_IN_PACKAGE_BUILD();
    char *out;
    const char *units = "/lib/systemd/system/career-kiosk.service "
                        "/lib/systemd/system/career-kiosk-retry.service "
                        "/lib/systemd/system/career-kiosk-retry.timer "
                        "/lib/systemd/system/career-kiosk-fetch.service "
                        "/lib/systemd/system/career-kiosk-fetch.timer";
    int rc = in_root(&out, "systemd-analyze verify --man=no %s 2>&1", units);
    if (rc != 0 || *out)
        fail_msg("systemd-analyze verify (rc %d):\n%s", rc, out);
    free(out);
    in_root(&out, "sed 's/^WatchdogSec=/WatchdogSecs=/' /lib/systemd/system/career-kiosk.service "
                  "> /tmp/career-kiosk.service && systemd-analyze verify --man=no "
                  "/tmp/career-kiosk.service 2>&1 || true");
    assert_non_null(strstr(out, "Unknown key 'WatchdogSecs'"));
    free(out);
    /* the man pages the units name are installed */
    assert_true(in_root_exists("/usr/share/man/man1/career-kiosk.1.gz"));
}

/* Enabling is the one command DEPLOY.md gives: the kiosk at boot (the
 * default target is graphical on Debian 12) and its retry timer. */
static void test_enable_is_one_command(void **state)
{
    (void)state;
    SKIP_IN_PACKAGE_BUILD();
    char *out;
    assert_int_equal(in_root(&out, "systemctl enable career-kiosk.service 2>&1"), 0);
    free(out);
    assert_true(in_root_exists("/etc/systemd/system/graphical.target.wants/career-kiosk.service"));
    assert_true(in_root_exists("/etc/systemd/system/timers.target.wants/career-kiosk-retry.timer"));
    assert_int_equal(in_root(&out, "systemctl get-default"), 0);
    assert_string_equal(out, "graphical.target\n");
    free(out);
}

/* The next version over this one: staff's config, the PIN, the mentor
 * directory, the user and the enabled units are all kept; the new
 * default config lands beside theirs as kiosk.conf.dpkg-dist. */
static void test_upgrade_keeps_config_and_data(void **state)
{
    (void)state;
    SKIP_IN_PACKAGE_BUILD();
    char *out, *before, *after;
    assert_int_equal(in_root(&out, "sed -i 's/^;name = Career Center$/name = Lakeside Careers/' "
                                   "/etc/career-kiosk/kiosk.conf && "
                                   "echo 482913 | career-kiosk-admin set-pin && "
                                   "career-kiosk-admin stats >/dev/null"),
                     0);
    free(out);
    assert_int_equal(in_root(&before, "id -u career-kiosk; md5sum /var/lib/career-kiosk/mentors.db "
                                      "/etc/career-kiosk/kiosk.conf; "
                                      "stat -c '%%U %%G %%a' /etc/career-kiosk/kiosk.conf"),
                     0);
    assert_non_null(strstr(before, "root career-kiosk 640"));
    /* the next version: the same package numbered higher, its default
     * config with one line more */
    int rc =
        support_sh(&out,
                   "set -e; d=" WORK "/next; rm -rf $d; dpkg-deb -R %s $d; "
                   "sed -i 's/^Version: .*/&.1/' $d/DEBIAN/control; "
                   "echo '; (a setting of the next version)' >> $d/etc/career-kiosk/kiosk.conf; "
                   "(cd $d && find . -path ./DEBIAN -prune -o -type f -printf '%%P\\n' | "
                   "sort | xargs md5sum) > $d/DEBIAN/md5sums; "
                   "dpkg-deb --root-owner-group -b $d " ROOT "/tmp/next.deb 2>&1",
                   deb);
    if (rc != 0)
        fail_msg("could not make the next version: %s", out);
    free(out);
    rc = in_root(&out, "apt-get install -y -q -o Dpkg::Options::=--force-confdef "
                       "-o Dpkg::Options::=--force-confold /tmp/next.deb");
    if (rc != 0)
        fail_msg("upgrade (rc %d):\n%s", rc, out);
    free(out);
    assert_int_equal(in_root(&out, "dpkg-query -W -f '${Version}' career-kiosk"), 0);
    assert_non_null(strstr(out, ".1"));
    free(out);
    assert_int_equal(in_root(&after, "id -u career-kiosk; md5sum /var/lib/career-kiosk/mentors.db "
                                     "/etc/career-kiosk/kiosk.conf; "
                                     "stat -c '%%U %%G %%a' /etc/career-kiosk/kiosk.conf"),
                     0);
    assert_string_equal(after, before);
    free(before);
    free(after);
    assert_true(in_root_exists("/etc/career-kiosk/kiosk.conf.dpkg-dist"));
    assert_true(in_root_exists("/etc/systemd/system/graphical.target.wants/career-kiosk.service"));
    assert_int_equal(in_root(&out, "career-kiosk --check-config"), 0);
    assert_non_null(strstr(out, "Lakeside Careers"));
    free(out);
}

/* apt purge: no file, folder, user, group, stat override or unit link of
 * the package is left (what it depended on stays, as apt does). */
static void test_purge_leaves_nothing(void **state)
{
    (void)state;
    SKIP_IN_PACKAGE_BUILD();
    char *out;
    assert_int_equal(in_root(&out, "dpkg -L career-kiosk > /tmp/ck-files"), 0);
    free(out);
    int rc = in_root(&out, "apt-get purge -y -q career-kiosk");
    if (rc != 0)
        fail_msg("apt-get purge (rc %d):\n%s", rc, out);
    free(out);
    /* every file the package had (folders it shares, like /usr/bin, stay) */
    assert_int_equal(in_root(&out, "while read -r f; do [ -d \"$f\" ] || [ ! -e \"$f\" ] || "
                                   "echo \"$f\"; done < /tmp/ck-files"),
                     0);
    assert_string_equal(out, "");
    free(out);
    assert_int_equal(support_sh(&out, "find " ROOT " -xdev -name '*career-kiosk*' "
                                      "-not -path '" ROOT "/tmp/*' "
                                      "-not -path '" ROOT "/var/cache/apt/*' "
                                      "-not -path '" ROOT "/var/log/*'"),
                     0);
    assert_string_equal(out, "");
    free(out);
    assert_int_equal(in_root(&out, "getent passwd career-kiosk || getent group career-kiosk || "
                                   "getent passwd career-kiosk-fetch || "
                                   "grep -h career-kiosk /etc/group /etc/gshadow "
                                   "/var/lib/dpkg/statoverride || true"),
                     0);
    assert_string_equal(out, "");
    free(out);
}

/* `make deps` installs debian/control's Build-Depends, the one list:
 * with nothing installed (a dpkg-query that finds nothing) and not root,
 * it names every package of that list, test tools too, and the command. */
static void test_deps_come_from_control(void **state)
{
    (void)state;
    char *dir = support_tmpdir(), *out;
    support_write(support_path(dir, "dpkg-query"), "#!/bin/sh\nexit 1\n", (size_t)-1);
    chmod(support_path(dir, "dpkg-query"), 0755);
    chmod(dir, 0755);
    int rc = support_sh(&out,
                        "setpriv --reuid=nobody --regid=nogroup --clear-groups "
                        "env PATH=%s:/usr/bin:/bin tools/deps.sh 2>&1",
                        dir);
    assert_int_equal(rc, 1);
    static const char *const want[] = {
        " build-essential", " debhelper", " libsdl2-image-dev",   " libcups2-dev",
        " libcmocka-dev",   " xvfb",      "apt-get build-dep -y "};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        if (!strstr(out, want[i]))
            fail_msg("make deps does not name%s:\n%s", want[i], out);
    assert_null(strstr(out, "nocheck"));
    assert_null(strstr(out, "debhelper-compat"));
    free(out);
    support_rmtree(dir);
    free(dir);
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_deps_come_from_control),
        cmocka_unit_test(test_deb_contents_and_lintian),
        cmocka_unit_test(test_apt_installs_it),
        cmocka_unit_test(test_installed_kiosk_walks),
        cmocka_unit_test(test_autopkgtests_pass),
        cmocka_unit_test(test_session_starts_under_cage),
        cmocka_unit_test(test_units_verify),
        cmocka_unit_test(test_enable_is_one_command),
        cmocka_unit_test(test_upgrade_keeps_config_and_data),
        cmocka_unit_test(test_purge_leaves_nothing),
    };
    return cmocka_run_group_tests(tests, package_once, package_done);
}
