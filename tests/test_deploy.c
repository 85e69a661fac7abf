/* Tests for deployment, as an IT person would do it: `make install` into a
 * temporary DESTDIR; the installed files and units checked by
 * systemd-analyze, systemd-sysusers and systemd-tmpfiles against that
 * root; then the installed programs run from where they were installed
 * (their install tree bind-mounted over /usr/local, /etc/career-kiosk and
 * /var/lib/career-kiosk in a mount namespace of their own): a headless
 * walkthrough, and the real session under cage (wlroots' headless
 * backend) as an unprivileged user, telling a notify socket READY and
 * watchdog pings as it would tell systemd. Needs root (mount namespaces). */
#include "support.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char *dest;              /* the DESTDIR */
static bool made_etc, made_var; /* mount points this test created */
static char repo[1024];

/* Flags in the environment as dpkg-buildflags sets them: they must reach
 * the build, and must not trip our own -D flags twice. */
#define CALLERS_FLAGS "CPPFLAGS=-D_FORTIFY_SOURCE=2 CFLAGS='-O2 -g -fstack-protector-strong' "

static const char *const units[] = {"career-kiosk.service", "career-kiosk-retry.service",
                                    "career-kiosk-retry.timer", "career-kiosk-fetch.service",
                                    "career-kiosk-fetch.timer"};

/* dest + path, in a static rotating buffer. */
static const char *in_dest(const char *path)
{
    static char buf[4][1200];
    static int turn;
    char *b = buf[turn++ % 4];
    snprintf(b, sizeof buf[0], "%s%s", dest, path);
    return b;
}

static bool make_mount_point(const char *path)
{
    if (mkdir(path, 0755) == 0)
        return true;
    assert_int_equal(errno, EEXIST);
    return false;
}

static int install_once(void **state)
{
    (void)state;
    char *out;
    if (geteuid() != 0) {
        fprintf(stderr, "test_deploy needs root: it mounts the install tree in a namespace\n");
        return -1;
    }
    assert_non_null(getcwd(repo, sizeof repo));
    dest = support_tmpdir();
    int rc = support_sh(
        &out, CALLERS_FLAGS "make --no-print-directory -C %s install DESTDIR=%s 2>&1", repo, dest);
    if (rc != 0) {
        fprintf(stderr, "make install failed:\n%s\n", out);
        free(out);
        return -1;
    }
    free(out);
    made_etc = make_mount_point("/etc/career-kiosk");
    made_var = make_mount_point("/var/lib/career-kiosk");
    return 0;
}

static int remove_install(void **state)
{
    (void)state;
    if (made_etc)
        rmdir("/etc/career-kiosk");
    if (made_var)
        rmdir("/var/lib/career-kiosk");
    if (dest) {
        support_rmtree(dest);
        free(dest);
    }
    return 0;
}

static mode_t mode_of(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        fail_msg("not installed: %s", path);
    return st.st_mode & 07777;
}

/* True when text still holds a make-install placeholder like @BINDIR@. */
static bool has_placeholder(const char *text)
{
    for (const char *at = strchr(text, '@'); at; at = strchr(at + 1, '@')) {
        size_t n = strspn(at + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        if (n > 0 && at[1 + n] == '@')
            return true;
    }
    return false;
}

/* Everything in its place, with its mode; placeholders filled in; a
 * second install keeps the config staff have edited. */
static void test_install_lays_out_files(void **state)
{
    (void)state;
    static const struct {
        const char *path;
        mode_t mode;
    } files[] = {
        {"/usr/local/bin/career-kiosk", 0755},
        {"/usr/local/bin/career-kiosk-admin", 0755},
        {"/usr/local/lib/career-kiosk/career-kiosk-session", 0755},
        {"/usr/local/lib/career-kiosk/career-kiosk-fetch", 0755},
        {"/usr/local/lib/systemd/system/career-kiosk-fetch.service", 0644},
        {"/usr/local/lib/systemd/system/career-kiosk-fetch.timer", 0644},
        {"/usr/local/share/doc/career-kiosk/FLEET.md", 0644},
        {"/etc/career-kiosk/fetch.conf", 0644},
        {"/usr/local/share/career-kiosk/questions.csv", 0644},
        {"/usr/local/share/career-kiosk/synonyms.csv", 0644},
        {"/usr/local/share/career-kiosk/mentors.sample.csv", 0644},
        {"/usr/local/share/career-kiosk/logo.sample.svg", 0644},
        {"/usr/local/share/man/man1/career-kiosk.1", 0644},
        {"/usr/local/share/man/man1/career-kiosk-admin.1", 0644},
        {"/usr/local/share/doc/career-kiosk/DEPLOY.md", 0644},
        {"/usr/local/lib/systemd/system/career-kiosk.service", 0644},
        {"/usr/local/lib/systemd/system/career-kiosk-retry.timer", 0644},
        {"/usr/local/lib/sysusers.d/career-kiosk.conf", 0644},
        {"/usr/local/lib/tmpfiles.d/career-kiosk.conf", 0644},
        {"/usr/local/lib/udev/rules.d/90-career-kiosk-usb.rules", 0644},
        {"/etc/career-kiosk/kiosk.conf", 0640},
        {"/var/lib/career-kiosk", 0750},
    };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        if (mode_of(in_dest(files[i].path)) != files[i].mode)
            fail_msg("%s has mode %o, not %o", files[i].path, mode_of(in_dest(files[i].path)),
                     files[i].mode);
    char *unit = support_read(in_dest("/usr/local/lib/systemd/system/career-kiosk.service"), NULL);
    char *session = support_read(in_dest("/usr/local/lib/career-kiosk/career-kiosk-session"), NULL);
    assert_non_null(strstr(unit, "ExecStart=/usr/local/lib/career-kiosk/career-kiosk-session\n"));
    assert_non_null(strstr(unit, "RestartPreventExitStatus=75 78\n"));
    assert_non_null(strstr(unit, "WatchdogSec=30s\n"));
    /* cage and the kiosk stay in the unit's own cgroup, or systemd would
     * neither hear their pings nor kill them: so no logind session (a
     * PAMName=), and Wayland's socket in the unit's runtime folder */
    assert_null(strstr(unit, "\nPAMName="));
    assert_non_null(strstr(unit, "\nEnvironment=XDG_RUNTIME_DIR=/run/career-kiosk\n"));
    assert_non_null(strstr(unit, "\nRuntimeDirectoryPreserve=restart\n"));
    assert_non_null(strstr(unit, "\nWants=seatd.service\n"));
    assert_non_null(strstr(session, "/usr/bin/cage -d -- "));
    assert_non_null(strstr(session, "/usr/local/bin/career-kiosk \"$@\""));
    assert_false(has_placeholder(unit));
    assert_false(has_placeholder(session));
    free(unit);
    free(session);
    /* the fetch runs as its own user and sees only the inbox and outbox
     * of the kiosk's folder */
    unit = support_read(in_dest("/usr/local/lib/systemd/system/career-kiosk-fetch.service"), NULL);
    char *fetch = support_read(in_dest("/usr/local/lib/career-kiosk/career-kiosk-fetch"), NULL);
    assert_non_null(strstr(unit, "\nUser=career-kiosk-fetch\n"));
    assert_non_null(strstr(unit, "\nExecStart=/usr/local/lib/career-kiosk/career-kiosk-fetch\n"));
    assert_non_null(strstr(unit, "\nTemporaryFileSystem=/var/lib/career-kiosk\n"));
    assert_non_null(strstr(unit, "\nBindPaths=/var/lib/career-kiosk/inbox\n"));
    assert_non_null(strstr(unit, "\nBindReadOnlyPaths=/var/lib/career-kiosk/outbox\n"));
    assert_non_null(strstr(fetch, "conf=${CAREER_KIOSK_FETCH_CONF:-/etc/career-kiosk/fetch.conf}"));
    assert_false(has_placeholder(unit));
    assert_false(has_placeholder(fetch));
    free(unit);
    free(fetch);
    /* the installed binary carries the installed paths, not the checkout's */
    char *out;
    assert_int_equal(support_sh(&out, "strings %s | grep -c '^%s/assets$' || true",
                                in_dest("/usr/local/bin/career-kiosk"), repo),
                     0);
    assert_int_equal(atoi(out), 0);
    free(out);
    assert_int_equal(support_sh(&out, "strings %s | grep -c '^/usr/local/share/career-kiosk$'",
                                in_dest("/usr/local/bin/career-kiosk")),
                     0);
    assert_int_equal(atoi(out), 1);
    free(out);
    /* /etc/udev is the administrator's: nothing of ours there */
    struct stat st;
    assert_int_equal(stat(in_dest("/etc/udev"), &st), -1);
    /* staff's edits survive a reinstall */
    const char *conf = in_dest("/etc/career-kiosk/kiosk.conf");
    support_write(conf, "[office]\nname = Lakeside Careers\n", (size_t)-1);
    int rc = support_sh(
        &out, CALLERS_FLAGS "make --no-print-directory -C %s install DESTDIR=%s 2>&1", repo, dest);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "kept "));
    free(out);
    char *kept = support_read(conf, NULL);
    assert_string_equal(kept, "[office]\nname = Lakeside Careers\n");
    free(kept);
    support_sh(NULL, "cp %s/platform/deploy/kiosk.conf %s", repo, conf);
}

/* The caller's CFLAGS and CPPFLAGS reached the installed programs (the
 * hardening dpkg-buildflags asks for: stack protector and fortified libc
 * calls, neither of which Debian's gcc does unasked), and installing
 * installs no packages (a package build has no network). */
static void test_install_takes_callers_flags(void **state)
{
    (void)state;
    char *out;
    for (int i = 0; i < 2; i++) {
        const char *bin = i ? "career-kiosk-admin" : "career-kiosk";
        assert_int_equal(support_sh(&out, "nm -D %s/usr/local/bin/%s", dest, bin), 0);
        if (!strstr(out, " __stack_chk_fail") || !strstr(out, "_chk"))
            fail_msg("%s was built without the caller's hardening flags:\n%s", bin, out);
        free(out);
    }
    assert_int_equal(
        support_sh(&out, "make --no-print-directory -C %s -n install DESTDIR=%s", repo, dest), 0);
    assert_null(strstr(out, "deps.sh"));
    assert_null(strstr(out, "apt-get"));
    free(out);
}

/* systemd-analyze verify on the installed units, against the install
 * root (with the host's own units and the commands the units name copied
 * in): not one warning. Their man pages must exist and read cleanly. */
static void test_units_verify(void **state)
{
    (void)state;
    char *out;
    assert_int_equal(support_sh(NULL,
                                "mkdir -p %s/usr/lib/systemd %s/usr/bin && "
                                "cp -a /lib/systemd/system %s/usr/lib/systemd/ && "
                                "cp /usr/bin/systemctl /usr/bin/cage %s/usr/bin/",
                                dest, dest, dest, dest),
                     0);
    char list[600] = "";
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        strcat(list, " /usr/local/lib/systemd/system/");
        strcat(list, units[i]);
    }
    int rc =
        support_sh(&out, "MANPATH=%s/usr/local/share/man systemd-analyze verify --root=%s%s 2>&1",
                   dest, dest, list);
    if (rc != 0 || *out)
        fail_msg("systemd-analyze verify (rc %d):\n%s", rc, out);
    free(out);
    /* it does complain about a broken unit */
    const char *unit = in_dest("/usr/local/lib/systemd/system/career-kiosk.service");
    char *good = support_read(unit, NULL);
    support_sh(NULL, "sed -i 's/^WatchdogSec=/WatchdogSecs=/' %s", unit);
    support_sh(&out,
               "MANPATH=%s/usr/local/share/man systemd-analyze verify --root=%s "
               "/usr/local/lib/systemd/system/career-kiosk.service 2>&1",
               dest, dest);
    assert_non_null(strstr(out, "Unknown key 'WatchdogSecs'"));
    free(out);
    support_write(unit, good, (size_t)-1);
    free(good);
    for (int i = 0; i < 2; i++) {
        rc = support_sh(&out, "groff -man -Tutf8 -ww -z %s/usr/local/share/man/man1/%s 2>&1", dest,
                        i ? "career-kiosk-admin.1" : "career-kiosk.1");
        if (rc != 0 || *out)
            fail_msg("man page warnings:\n%s", out);
        free(out);
    }
}

/* The sysusers and tmpfiles entries make the kiosk's user and its data
 * folder, owned by it, in the install root. */
static void test_user_and_data_folder(void **state)
{
    (void)state;
    char *out;
    assert_int_equal(support_sh(&out,
                                "systemd-sysusers --root=%s 2>&1 && "
                                "systemd-tmpfiles --root=%s --create career-kiosk.conf 2>&1",
                                dest, dest),
                     0);
    free(out);
    char *passwd = support_read(in_dest("/etc/passwd"), NULL);
    assert_non_null(passwd);
    char *line = strstr(passwd, "career-kiosk:x:");
    assert_non_null(line);
    assert_non_null(strstr(line, ":/var/lib/career-kiosk:/usr/sbin/nologin"));
    int uid = atoi(line + strlen("career-kiosk:x:"));
    free(passwd);
    struct stat st;
    assert_int_equal(stat(in_dest("/var/lib/career-kiosk"), &st), 0);
    assert_int_equal((int)st.st_uid, uid);
    assert_int_equal(st.st_mode & 0777, 0750);
    char *group = support_read(in_dest("/etc/group"), NULL);
    assert_non_null(strstr(group, "input:"));
    free(group);
    /* the fetch's user fills the inbox the kiosk (its group) reads; the
     * kiosk writes the outbox the fetch (its group) reads */
    passwd = support_read(in_dest("/etc/passwd"), NULL);
    line = strstr(passwd, "career-kiosk-fetch:x:");
    assert_non_null(line);
    int fetch_uid = atoi(line + strlen("career-kiosk-fetch:x:"));
    free(passwd);
    assert_int_equal(stat(in_dest("/var/lib/career-kiosk/inbox"), &st), 0);
    assert_int_equal((int)st.st_uid, fetch_uid);
    assert_int_equal(st.st_mode & 07777, 02750);
    assert_int_equal(stat(in_dest("/var/lib/career-kiosk/outbox"), &st), 0);
    assert_int_equal((int)st.st_uid, uid);
    assert_int_equal(st.st_mode & 07777, 02750);
    assert_int_equal(stat(in_dest("/etc/career-kiosk/fetch.netrc"), &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal((int)st.st_uid, 0);
}

/* A shell command run with the install tree mounted where it belongs. */
static int in_namespace(char **out, const char *cmd)
{
    return support_sh(out,
                      "unshare --mount --propagation private sh -c '"
                      "mount --bind %s/usr/local /usr/local && "
                      "mount --bind %s/etc/career-kiosk /etc/career-kiosk && "
                      "mount --bind %s/var/lib/career-kiosk /var/lib/career-kiosk && %s' 2>&1",
                      dest, dest, dest, cmd);
}

/* The installed programs, from where they were installed: the default
 * config checks clean, and a visitor walks through on the sample
 * directory that first start puts in /var/lib/career-kiosk. Nothing the
 * visitor typed reaches the log. */
static void test_installed_kiosk_walks(void **state)
{
    (void)state;
    char *out, cmd[2400];
    assert_int_equal(in_namespace(&out, "career-kiosk --version"), 0);
    assert_non_null(strstr(out, "career-kiosk 0.1.0\n"));
    assert_non_null(strstr(out, "License GPL-3.0-or-later"));
    free(out);
    assert_int_equal(in_namespace(&out, "career-kiosk --check-config"), 0);
    assert_non_null(strstr(out, "/etc/career-kiosk/kiosk.conf: no problems"));
    assert_non_null(strstr(out, "logo:        /usr/local/share/career-kiosk/logo.sample.svg"));
    assert_non_null(strstr(out, "directory:   /var/lib/career-kiosk/mentors.db"));
    free(out);
    snprintf(cmd, sizeof cmd,
             "mkdir -p %s/shots && career-kiosk --headless --size 1920x1080 --today 2026-11-22 "
             "--script %s/tests/scripts/walkthrough.txt --screenshots %s/shots",
             dest, repo, dest);
    int rc = in_namespace(&out, cmd);
    if (rc != 0)
        fail_msg("installed walkthrough: %s", out);
    assert_null(strstr(out, "Sam"));
    assert_null(strstr(out, "Biology"));
    free(out);
    assert_true(mode_of(in_dest("/var/lib/career-kiosk/mentors.db")) != 0);
    support_sh(&out, "zbarimg --quiet --raw %s/shots/11-takeaway.png 2>/dev/null", dest);
    assert_non_null(strstr(out, "Prep sheet: a conversation with José García"));
    free(out);
    assert_int_equal(in_namespace(&out, "career-kiosk-admin stats"), 0);
    free(out);
}

/* A notify socket like systemd's: bound at path, writable by anyone. */
static int notify_socket(const char *path)
{
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    assert_true(strlen(path) < sizeof a.sun_path);
    memcpy(a.sun_path, path, strlen(path) + 1);
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    assert_true(fd >= 0);
    unlink(path);
    assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    chmod(path, 0777);
    return fd;
}

/* The next message on fd within ms, into buf; false on timeout. */
static bool next_message(int fd, char *buf, size_t cap, int ms)
{
    struct timeval tv = {ms / 1000, (ms % 1000) * 1000};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ssize_t n = recv(fd, buf, cap - 1, 0);
    if (n < 0)
        return false;
    buf[n] = '\0';
    return true;
}

/* Starts the installed session script under cage as nobody, in the
 * background; returns its pid. With crashing_gpu, /usr/bin/cage is a
 * stand-in that dies of SIGSEGV unless told to draw without the GPU (as
 * cage does on some GPU drivers), then runs the real cage. */
static pid_t start_session(const char *run, const char *sock, bool crashing_gpu)
{
    char cmd[3000], fake[1300] = "";
    if (crashing_gpu) {
        snprintf(fake, sizeof fake, "mount --bind %s/fake-cage /usr/bin/cage && ", run);
        char script[1500];
        snprintf(script, sizeof script,
                 "#!/bin/sh\n[ -n \"${WLR_RENDERER:-}\" ] || kill -SEGV $$\nexec %s/cage \"$@\"\n",
                 run);
        support_write(support_path(run, "fake-cage"), script, (size_t)-1);
        chmod(support_path(run, "fake-cage"), 0755);
    }
    snprintf(cmd, sizeof cmd,
             "setpriv --reuid=nobody --regid=nogroup --clear-groups env -i PATH=/usr/bin:/bin "
             "XDG_RUNTIME_DIR=%s RUNTIME_DIRECTORY=%s WLR_BACKENDS=headless "
             "WLR_LIBINPUT_NO_DEVICES=1 %s SDL_VIDEODRIVER=wayland "
             "NOTIFY_SOCKET=%s WATCHDOG_USEC=1500000 "
             "/usr/local/lib/career-kiosk/career-kiosk-session > %s/session.log 2>&1",
             run, run, crashing_gpu ? "" : "WLR_RENDERER=pixman", sock, run);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        char full[6000];
        snprintf(full, sizeof full,
                 "mount --bind %s/usr/local /usr/local && "
                 "mount --bind %s/etc/career-kiosk /etc/career-kiosk && "
                 "mount --bind %s/var/lib/career-kiosk /var/lib/career-kiosk && %sexec %s",
                 dest, dest, dest, fake, cmd);
        execlp("unshare", "unshare", "--mount", "--propagation", "private", "sh", "-c", full,
               (char *)NULL);
        _exit(127);
    }
    return pid;
}

/* Waits for READY (with the office in its status) and then three
 * watchdog pings on fd; fails with the session's log otherwise. */
static void expect_ready_and_pings(int fd, const char *run)
{
    char msg[512];
    bool ready = false;
    int pings = 0;
    while (pings < 3 && next_message(fd, msg, sizeof msg, 30000)) {
        if (strstr(msg, "READY=1")) {
            assert_non_null(strstr(msg, "STATUS=showing the kiosk for Career Center"));
            ready = true;
        } else if (strcmp(msg, "WATCHDOG=1") == 0) {
            assert_true(ready); /* pings only once it shows */
            pings++;
        }
    }
    if (pings < 3) {
        char *log = support_read(support_path(run, "session.log"), NULL);
        fail_msg("no READY and pings from the kiosk under cage:\n%s", log ? log : "");
    }
}

/* The exit status of pid within ms, or -1. */
static int wait_status(pid_t pid, int ms)
{
    int st;
    for (int waited = 0; waited < ms; waited += 50) {
        if (waitpid(pid, &st, WNOHANG) == pid)
            return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
        usleep(50 * 1000);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &st, 0);
    return -1;
}

/* The service's session for real: cage, the kiosk on Wayland, READY and
 * then watchdog pings; a crash reaches systemd as a failure (so it
 * restarts), a GPU that crashes cage a failure and then a start that
 * draws without it, a broken config as 78 (so it does not restart). */
static void test_session_under_cage(void **state)
{
    (void)state;
    char run[1200], sock[1300], msg[512], *out;
    snprintf(run, sizeof run, "%s/run", dest);
    snprintf(sock, sizeof sock, "%s/notify", run);
    assert_int_equal(support_sh(NULL,
                                "mkdir -p %s && cp /usr/bin/cage %s/ && chown nobody %s %s && "
                                "chmod 700 %s && "
                                "chown -R nobody %s && chgrp nogroup %s",
                                run, run, run, dest, run, in_dest("/var/lib/career-kiosk"),
                                in_dest("/etc/career-kiosk/kiosk.conf")),
                     0);
    chmod(dest, 0755);
    int fd = notify_socket(sock);
    pid_t pid = start_session(run, sock, false);
    expect_ready_and_pings(fd, run);
    out = support_read(support_path(run, "session.log"), NULL);
    assert_non_null(
        strstr(out, "career-kiosk " CK_VERSION ": showing the kiosk for Career Center"));
    /* its own shared-memory window: no GL driver in the kiosk under cage */
    if (!strstr(out, "drawn by SDL's software renderer into Wayland shared-memory buffers"))
        fail_msg("the kiosk under cage did not draw into shared memory:\n%s", out);
    free(out);
    support_sh(&out, "grep -c -E 'libGL|libEGL|swrast|llvmpipe|libLLVM|_dri' "
                     "/proc/$(pgrep -x -U nobody career-kiosk | head -1)/maps || true");
    if (atol(out) != 0)
        fail_msg("a GL driver is loaded in the kiosk under cage (%s mappings)", out);
    free(out);
    /* a crash: SIGKILL to the kiosk; the session ends with 128 + 9 */
    assert_int_equal(support_sh(NULL, "pkill -KILL -x -U nobody career-kiosk"), 0);
    assert_int_equal(wait_status(pid, 20000), 137);
    /* a GPU that crashes cage: a failure, then the next start draws
     * without the GPU and shows */
    pid = start_session(run, sock, true);
    assert_int_equal(wait_status(pid, 20000), 1);
    out = support_read(support_path(run, "session.log"), NULL);
    assert_non_null(strstr(out, "cage ended (status 139) without the kiosk's status"));
    free(out);
    pid = start_session(run, sock, true);
    expect_ready_and_pings(fd, run);
    out = support_read(support_path(run, "session.log"), NULL);
    assert_non_null(strstr(out, "cage crashed on this GPU before; drawing without it"));
    free(out);
    assert_int_equal(support_sh(NULL, "pkill -TERM -x -U nobody career-kiosk"), 0);
    assert_true(wait_status(pid, 20000) >= 0);
    while (next_message(fd, msg, sizeof msg, 200)) /* its last pings, STOPPING=1 */
        ;
    /* a broken config: 78 at once, never READY */
    const char *conf = in_dest("/etc/career-kiosk/kiosk.conf");
    char *good = support_read(conf, NULL);
    support_write(conf, "[kiosk]\norientation = sideways\n", (size_t)-1);
    pid = start_session(run, sock, false);
    assert_int_equal(wait_status(pid, 20000), 78);
    assert_false(next_message(fd, msg, sizeof msg, 200));
    out = support_read(support_path(run, "session.log"), NULL);
    assert_non_null(strstr(out, "kiosk.conf:2: orientation should be"));
    free(out);
    support_write(conf, good, (size_t)-1);
    free(good);
    close(fd);
    /* root setting the PIN keeps the file readable by the kiosk's group */
    struct stat before, after;
    assert_int_equal(stat(conf, &before), 0);
    assert_int_equal(in_namespace(&out, "echo 482913 | career-kiosk-admin set-pin"), 0);
    free(out);
    assert_int_equal(stat(conf, &after), 0);
    assert_int_equal(after.st_gid, before.st_gid);
    assert_int_equal(after.st_mode & 0777, 0640);
    char *text = support_read(conf, NULL);
    assert_non_null(strstr(text, "pin_hash = $argon2id$"));
    free(text);
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_install_lays_out_files),
        cmocka_unit_test(test_install_takes_callers_flags),
        cmocka_unit_test(test_units_verify),
        cmocka_unit_test(test_user_and_data_folder),
        cmocka_unit_test(test_installed_kiosk_walks),
        cmocka_unit_test(test_session_under_cage),
    };
    return cmocka_run_group_tests(tests, install_once, remove_install);
}
