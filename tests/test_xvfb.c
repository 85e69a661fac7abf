/* The real window under Xvfb, clicked through with xdotool: the event path
 * a visitor's touches and a staff keyboard take (X events -> SDL -> our
 * input), not the headless shortcut. Where to click comes from the app's
 * own layout (a headless dump at the same size). */
#include "support.h"

#include "directory/store.h"
#include "platform.h"

#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* The dead-key check opens a window in this process: SDL 2.26's X11
 * backend opens libdbus and never calls dbus_shutdown() (see setup), so
 * LeakSanitizer is told that library's blocks are not ours. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libdbus-1.so\n";
}

static char *dir;
static int display;
static pid_t xvfb, xvfb_tall, kiosk;

/* Starts a process with argv in the background. */
static pid_t spawn(char *const argv[], const char *disp)
{
    pid_t pid = fork();
    if (pid == 0) {
        if (disp)
            setenv("DISPLAY", disp, 1);
        if (freopen("/dev/null", "w", stdout))
            execvp(argv[0], argv);
        _exit(127);
    }
    return pid;
}

static int setup(void **state)
{
    (void)state;
    char disp[16], sock[64];
    if (!support_have("Xvfb") || !support_have("xdotool"))
        return -1; /* make deps installs both: a missing one is a failure */
    dir = support_tmpdir();
    /* Under ASan the windowed kiosk keeps its memory-error checks but not
     * the leak check: SDL 2.26's X11 backend opens libdbus and never calls
     * dbus_shutdown(), leaving blocks LeakSanitizer cannot attribute. The
     * kiosk's own leaks are checked by the headless tests and the soak. */
    const char *asan = getenv("ASAN_OPTIONS");
    char opts[600];
    snprintf(opts, sizeof opts, "%s%sdetect_leaks=0", asan ? asan : "", asan ? ":" : "");
    setenv("ASAN_OPTIONS", opts, 1);
    display = 90 + getpid() % 400;
    snprintf(disp, sizeof disp, ":%d", display);
    snprintf(sock, sizeof sock, "/tmp/.X11-unix/X%d", display);
    char *argv[] = {"Xvfb", disp, "-screen", "0", "1280x800x24", "-nolisten", "tcp", NULL};
    xvfb = spawn(argv, NULL);
    for (int i = 0; i < 100 && access(sock, F_OK) != 0; i++)
        usleep(50000);
    return access(sock, F_OK) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    if (kiosk > 0)
        kill(kiosk, SIGKILL), waitpid(kiosk, NULL, 0);
    support_staff_stick_pull(dir);
    if (xvfb > 0)
        kill(xvfb, SIGTERM), waitpid(xvfb, NULL, 0);
    if (xvfb_tall > 0)
        kill(xvfb_tall, SIGTERM), waitpid(xvfb_tall, NULL, 0);
    support_rmtree(dir);
    free(dir);
    return 0;
}

/* Runs xdotool on our display, then lets the app draw. */
static void xdo(const char *args)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "DISPLAY=:%d xdotool %s", display, args);
    assert_int_equal(system(cmd), 0);
    usleep(400000);
}

static void start_kiosk(const char *db, bool windowed)
{
    char disp[16];
    snprintf(disp, sizeof disp, ":%d", display);
    char bin[1100];
    char *out;
    support_sh(&out, "dirname $(readlink -f /proc/%d/exe)", getpid());
    out[strcspn(out, "\n")] = '\0';
    snprintf(bin, sizeof bin, "%s/../career-kiosk", out);
    free(out);
    char *argv[] = {bin,          "--size", "1280x800", "--today",
                    "2026-11-22", "--db",   (char *)db, windowed ? "--windowed" : NULL,
                    NULL};
    kiosk = spawn(argv, disp);
    char cmd[200];
    snprintf(cmd, sizeof cmd,
             "DISPLAY=:%d timeout 20 xdotool search --sync --name 'Career Center' >/dev/null",
             display);
    assert_int_equal(system(cmd), 0);
    usleep(800000);
}

static void test_click_through_the_real_window(void **state)
{
    (void)state;
    const char *const *clicks = support_walk;
    enum { N = SUPPORT_WALK_STEPS };
    SupportSpot spot[N];
    char db[1100], shot[1100], *out;
    memset(spot, 0, sizeof spot);
    snprintf(db, sizeof db, "%s/mentors.db", dir);
    assert_int_equal(support_plan(dir, db, "1280x800", clicks, N, spot),
                     N - 1); /* all but the typing */
    start_kiosk(db, true);
    for (int i = 0; i < N; i++) {
        char args[300];
        if (strncmp(clicks[i], "type ", 5) == 0) /* a physical keyboard, as staff have */
            snprintf(args, sizeof args, "type --delay 60 '%s'", clicks[i] + 5);
        else
            snprintf(args, sizeof args, "mousemove %d %d click 1", spot[i].x, spot[i].y);
        xdo(args);
    }
    snprintf(shot, sizeof shot, "%s/window.png", dir);
    char cmd[1300];
    snprintf(cmd, sizeof cmd, "DISPLAY=:%d import -window root %s", display, shot);
    /* the take-away's codes are built on the last tap: on a busy machine
     * the screen can take a few tenths of a second more to show them */
    bool found = false;
    out = NULL;
    for (int tries = 0; tries < 20 && !found; tries++) {
        free(out);
        if (tries)
            usleep(250000);
        assert_int_equal(system(cmd), 0);
        support_sh(&out, "zbarimg --quiet --raw %s 2>/dev/null", shot);
        found = strstr(out, "Prep sheet: a conversation with José García") != NULL;
    }
    if (!found) {
        char said[201];
        snprintf(said, sizeof said, "%s", out);
        free(out);
        fail_msg("the take-away code was not on the real screen; zbarimg read: %s", said);
    }
    free(out);
    kill(kiosk, SIGTERM);
    int status;
    waitpid(kiosk, &status, 0);
    kiosk = 0;
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* The window is drawn by SDL's software renderer into its surface, as
 * deployed by default: no GL driver (Mesa, LLVM) is loaded for it. With
 * render = gpu, SDL's accelerated renderer is asked for instead. */
static void test_window_draws_without_gl(void **state)
{
    (void)state;
    char db[1100], script[1100], log[1100], disp[16], conf[1100], *out;
    snprintf(db, sizeof db, "%s/gl.db", dir);
    snprintf(script, sizeof script, "%s/hold.txt", dir);
    snprintf(log, sizeof log, "%s/gl.log", dir);
    snprintf(disp, sizeof disp, ":%d", display);
    support_write(script, "startup\nhold 30\n", (size_t)-1);
    assert_int_equal(support_sh(NULL,
                                "DISPLAY=%s %s --windowed --size 1280x800 --db %s --script %s "
                                "> %s 2>&1 &",
                                disp, support_program("career-kiosk"), db, script, log),
                     0);
    long pid = 0;
    for (int i = 0; i < 200 && !pid; i++) {
        usleep(50000);
        char *got = support_read(log, NULL);
        char *at = got ? strstr(got, "hold pid=") : NULL;
        pid = at ? atol(at + 9) : 0;
        free(got);
    }
    assert_true(pid > 0);
    char *got = support_read(log, NULL);
    assert_non_null(strstr(got, "drawing with SDL's software renderer"));
    free(got);
    assert_int_equal(support_sh(&out,
                                "grep -c -E 'libGL|libEGL|swrast|llvmpipe|libLLVM|_dri' "
                                "/proc/%ld/maps || true",
                                pid),
                     0);
    kill((pid_t)pid, SIGKILL);
    if (atol(out) != 0)
        fail_msg("a GL driver is loaded for the software-drawn window (%s mappings)", out);
    free(out);
    /* render = gpu: the accelerated renderer (Mesa's, on Xvfb) */
    snprintf(conf, sizeof conf, "%s/gpu.conf", dir);
    support_write(conf, "[kiosk]\nrender = gpu\n", (size_t)-1);
    support_write(script, "startup\n", (size_t)-1);
    assert_int_equal(support_sh(&out,
                                "DISPLAY=%s %s --windowed --size 1280x800 --config %s --db %s "
                                "--script %s 2>&1",
                                disp, support_program("career-kiosk"), conf, db, script),
                     0);
    if (strstr(out, "software renderer"))
        fail_msg("render = gpu still drew with the software renderer:\n%s", out);
    assert_non_null(strstr(out, "drawing with SDL's"));
    free(out);
}

/* A physical keyboard's dead keys still make accented letters in the
 * window: the kiosk gives X11 only the two-key dead-key part of the
 * locale's compose table (platform/xcompose.c), and ´ then e must still
 * arrive as é, through X, SDL's input method and our input. */
static void test_dead_keys_make_accents(void **state)
{
    (void)state;
    char disp[16], err[300], typed[64] = "";
    snprintf(disp, sizeof disp, ":%d", display);
    setenv("DISPLAY", disp, 1);
    unsetenv("XCOMPOSEFILE");
    unsetenv("WAYLAND_DISPLAY");
    PlatformOptions o = {PLATFORM_WINDOWED,       400, 300, "Compose check", PLATFORM_TURN_NORMAL,
                         PLATFORM_RENDER_SOFTWARE};
    Platform *p = platform_open(&o, err, sizeof err);
    if (!p)
        fail_msg("no window on Xvfb: %s", err);
    const char *file = getenv("XCOMPOSEFILE");
    if (!file || strncmp(file, "/proc/self/fd/", 14) != 0)
        fail_msg("XCOMPOSEFILE is not the trimmed table: %s", file ? file : "(unset)");
    platform_frame_begin(p);
    platform_frame_end(p);
    pid_t keys = fork();
    if (keys == 0) { /* the pointer over the window gives it the keyboard (no window manager) */
        char cmd[400];
        snprintf(cmd, sizeof cmd,
                 "DISPLAY=%s timeout 20 xdotool search --sync --name 'Compose check' "
                 "mousemove --window %%1 200 150 sleep 0.3 key dead_acute e key dead_diaeresis "
                 "u type x",
                 disp);
        _exit(system(cmd) == 0 ? 0 : 1);
    }
    Input in;
    for (int i = 0; i < 400 && !strchr(typed, 'x'); i++)
        if (platform_next(p, &in, 50) && in.kind == INPUT_TEXT)
            strncat(typed, in.text, sizeof typed - strlen(typed) - 1);
    int status;
    waitpid(keys, &status, 0);
    platform_close(p);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    assert_string_equal(typed, "éüx");
}

/* Whether a process started through the shell still runs (not ended,
 * and not ended waiting for whoever adopted it to reap it). */
static bool running(pid_t pid)
{
    char path[64], *stat;
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    stat = support_read(path, NULL);
    const char *state = stat ? strrchr(stat, ')') : NULL;
    bool yes = state && state[1] == ' ' && state[2] != 'Z';
    free(stat);
    return yes;
}

/* Staff work finishes on its own in the real window: a stick is plugged
 * in, staff enter the PIN, and then nobody touches anything; the copy
 * and check end in the preview, and after the one tap on Import the
 * import ends with the new directory in use. Before the loop was woken
 * by its worker, each step waited for the next touch. */
static void test_staff_work_finishes_without_a_touch(void **state)
{
    (void)state;
    char db[1100], log[1100], conf[1100], disp[16], *got;
    static const char pin[] = "274958";
    SupportSpot key[sizeof pin], import;
    snprintf(db, sizeof db, "%s/staff.db", dir);
    snprintf(log, sizeof log, "%s/staff.log", dir);
    snprintf(conf, sizeof conf, "%s/kiosk.conf", dir);
    snprintf(disp, sizeof disp, ":%d", display);
    support_staff_stick(dir, db, pin, 40);
    /* where the keys and Import are: the same screens, headless */
    support_staff_plan(dir, conf, db, pin, key, &import);
    char *pid;
    assert_int_equal(support_sh(&pid,
                                "DISPLAY=%s %s --windowed --size 1280x800 --today 2026-11-22 "
                                "--config %s --db %s > %s 2>&1 & echo $!",
                                disp, support_program("career-kiosk"), conf, db, log),
                     0);
    kiosk = (pid_t)atol(pid); /* teardown's, if this fails */
    free(pid);
    assert_true(support_log_says(log, "showing the kiosk", 20));
    assert_true(support_log_says(log, "a staff stick is mounted", 10));
    for (size_t i = 0; i < sizeof pin; i++) {
        char args[100];
        snprintf(args, sizeof args, "mousemove %d %d click 1", key[i].x, key[i].y);
        xdo(args);
    }
    /* nothing touched from here until the preview */
    if (!support_log_says(log, "staff work took", 15)) {
        got = support_read(log, NULL);
        fail_msg("the stick was not copied and checked 15 s after the PIN, with nobody touching "
                 "the screen:\n%s",
                 got);
    }
    if (!support_log_says(log, "bundle is checked (40 to import", 5)) {
        got = support_read(log, NULL);
        fail_msg("no preview after the check, with nobody touching the screen:\n%s", got);
    }
    char args[100];
    snprintf(args, sizeof args, "mousemove %d %d click 1", import.x, import.y);
    xdo(args);
    /* and nothing touched until the import has ended */
    if (!support_log_says(log, "imported 40 mentors", 15)) {
        got = support_read(log, NULL);
        fail_msg("the import had not ended 15 s after Import, with nobody touching the screen:\n%s",
                 got);
    }
    kill(kiosk, SIGTERM);
    for (int i = 0; i < 100 && running(kiosk); i++)
        usleep(100000);
    kiosk = 0;
    support_staff_stick_pull(dir);
    char err[STORE_ERR];
    Store *s = store_open(db, err, sizeof err);
    if (!s)
        fail_msg("%s", err);
    assert_int_equal(store_mentor_count(s), 40);
    store_close(s);
}

/* inbox = auto in the real window: a signed bundle arriving while the
 * kiosk shows Welcome is checked and imported with nobody touching the
 * screen (before, the check ended and the import waited for a touch,
 * which started a visit and put it off again). */
static void test_inbox_imports_without_a_touch(void **state)
{
    (void)state;
    char base[1000], db[1100], more[3000], log[1100], disp[16], *pid, *got;
    snprintf(base, sizeof base, "%s/fleet", dir);
    snprintf(db, sizeof db, "%s/var/mentors.db", base);
    snprintf(log, sizeof log, "%s/kiosk.log", base);
    snprintf(disp, sizeof disp, ":%d", display);
    assert_int_equal(support_sh(NULL, "mkdir -p %s/var %s/inbox %s/outbox", base, base, base), 0);
    snprintf(more, sizeof more,
             "inbox = auto\ninbox_dir = %s/inbox\noutbox_dir = %s/outbox\nkiosk_id = lobby-1\n",
             base, base);
    support_staff_bundle(base, db, "274958", 30, more);
    assert_int_equal(support_sh(&pid,
                                "DISPLAY=%s %s --windowed --size 1280x800 --today 2026-11-22 "
                                "--config %s/kiosk.conf > %s 2>&1 & echo $!",
                                disp, support_program("career-kiosk"), base, log),
                     0);
    kiosk = (pid_t)atol(pid);
    free(pid);
    assert_true(support_log_says(log, "showing the kiosk", 20));
    /* the fetch's way: a whole folder renamed into the inbox */
    assert_int_equal(support_sh(NULL,
                                "cd %s && cp -r bundle inbox/.new && mv -T inbox/.new "
                                "inbox/20261122T090000Z",
                                base),
                     0);
    if (!support_log_says(log, "imported 30 mentors", 20)) {
        got = support_read(log, NULL);
        fail_msg("the inbox's bundle was not imported 20 s after it came, with nobody touching "
                 "the screen:\n%s",
                 got);
    }
    kill(kiosk, SIGTERM);
    for (int i = 0; i < 100 && running(kiosk); i++)
        usleep(100000);
    kiosk = 0;
    char err[STORE_ERR];
    Store *s = store_open(db, err, sizeof err);
    if (!s)
        fail_msg("%s", err);
    assert_int_equal(store_mentor_count(s), 30);
    store_close(s);
}

static void test_kiosk_mode_cannot_be_escaped(void **state)
{
    (void)state;
    char db[1100];
    snprintf(db, sizeof db, "%s/kiosk.db", dir);
    start_kiosk(db, false);
    xdo("key Escape key alt+F4 key ctrl+q");
    xdo("mousemove 640 400 click 1"); /* a visitor touches the screen */
    int status;
    assert_int_equal(waitpid(kiosk, &status, WNOHANG), 0); /* still running */
    kill(kiosk, SIGTERM); /* how an administrator or systemd stops it */
    for (int i = 0; i < 60 && waitpid(kiosk, &status, WNOHANG) == 0; i++)
        usleep(100000);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    kiosk = 0;
}

/* The fullscreen kiosk's window covers the screen it is on exactly, with
 * no window manager to place it (X11 alone): one 1280x800 and one
 * portrait 1080x1920 screen, neither the size the kiosk would choose. */
static void check_fills(int disp, const char *size)
{
    char db[1100], bin[1100], name[16], *out;
    snprintf(db, sizeof db, "%s/fill-%s.db", dir, size);
    snprintf(name, sizeof name, ":%d", disp);
    support_sh(&out, "dirname $(readlink -f /proc/%d/exe)", getpid());
    out[strcspn(out, "\n")] = '\0';
    snprintf(bin, sizeof bin, "%s/../career-kiosk", out);
    free(out);
    char *argv[] = {bin, "--today", "2026-11-22", "--db", db, NULL};
    kiosk = spawn(argv, name);
    support_sh(&out,
               "DISPLAY=%s timeout 20 xdotool search --sync --name 'Career Center' | head -1 | "
               "xargs -I@ env DISPLAY=%s xdotool getwindowgeometry --shell @",
               name, name);
    int x = -1, y = -1, w = 0, h = 0, sw = 0, sh = 0;
    const char *p = strstr(out, "X=");
    if (p)
        sscanf(p, "X=%d\nY=%d\nWIDTH=%d\nHEIGHT=%d", &x, &y, &w, &h);
    sscanf(size, "%dx%d", &sw, &sh);
    if (x != 0 || y != 0 || w != sw || h != sh)
        fail_msg("on a %s screen the window is %dx%d at (%d,%d); xdotool said: %.200s", size, w, h,
                 x, y, out);
    free(out);
    kill(kiosk, SIGTERM);
    waitpid(kiosk, NULL, 0);
    kiosk = 0;
}

static void test_window_fills_the_screen_without_a_window_manager(void **state)
{
    (void)state;
    check_fills(display, "1280x800");
    char name[16], sock[64];
    int tall = display + 500; /* setup's numbers stay under 490 */
    snprintf(name, sizeof name, ":%d", tall);
    snprintf(sock, sizeof sock, "/tmp/.X11-unix/X%d", tall);
    char *argv[] = {"Xvfb", name, "-screen", "0", "1080x1920x24", "-nolisten", "tcp", NULL};
    xvfb_tall = spawn(argv, NULL);
    for (int i = 0; i < 100 && access(sock, F_OK) != 0; i++)
        usleep(50000);
    assert_int_equal(access(sock, F_OK), 0);
    check_fills(tall, "1080x1920");
    kill(xvfb_tall, SIGTERM);
    waitpid(xvfb_tall, NULL, 0);
    xvfb_tall = 0;
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_click_through_the_real_window),
        cmocka_unit_test(test_window_draws_without_gl),
        cmocka_unit_test(test_kiosk_mode_cannot_be_escaped),
        cmocka_unit_test(test_dead_keys_make_accents),
        cmocka_unit_test(test_staff_work_finishes_without_a_touch),
        cmocka_unit_test(test_inbox_imports_without_a_touch),
        cmocka_unit_test(test_window_fills_the_screen_without_a_window_manager),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
