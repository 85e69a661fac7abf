/* The kiosk as a native Wayland client, as deployed under cage: its own
 * shared-memory window (platform/wayland.c), not SDL's, which would load
 * OpenGL to present. Run in a real wlroots compositor (sway, headless
 * backend) and driven through the compositor's own input path: wayvnc
 * turns an RFB client's pointer and key events into a virtual pointer and
 * keyboard, which the compositor delivers to the kiosk's wl_pointer and
 * wl_keyboard. The screen is read back with grim (wlr-screencopy) and its
 * take-away code decoded with zbarimg. As root, the compositor and the
 * kiosk run as nobody (sway, like cage, wants a user's runtime folder). */
#include "support.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char *dir, rt[1100], ipc[1200];
static pid_t sway, vnc, kiosk;
static int port, rfb = -1;

/* Starts argv in the background as nobody (when root), with the session's
 * runtime folder and Wayland socket, output to log. */
static pid_t spawn(char *const argv[], const char *log)
{
    pid_t pid = fork();
    if (pid == 0) {
        setenv("XDG_RUNTIME_DIR", rt, 1);
        setenv("HOME", rt, 1);
        setenv("WAYLAND_DISPLAY", "wayland-1", 1);
        setenv("WLR_BACKENDS", "headless", 1);
        setenv("WLR_LIBINPUT_NO_DEVICES", "1", 1);
        setenv("WLR_RENDERER", "pixman", 1);
        unsetenv("DISPLAY");
        unsetenv("SDL_VIDEODRIVER");
        freopen(log, "w", stdout);
        dup2(fileno(stdout), 2);
        if (getuid() == 0) {
            char *as[32] = {"setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"};
            int n = 4;
            for (int i = 0; argv[i] && n < 31; i++)
                as[n++] = argv[i];
            as[n] = NULL;
            execvp(as[0], as);
        } else
            execvp(argv[0], argv);
        _exit(127);
    }
    return pid;
}

static bool wait_for(const char *path, int tenths)
{
    for (int i = 0; i < tenths && access(path, F_OK) != 0; i++)
        usleep(100000);
    return access(path, F_OK) == 0;
}

static int setup(void **state)
{
    (void)state;
    const char *need[] = {"sway", "wayvnc", "grim", "zbarimg", "setpriv", "cage"};
    for (size_t i = 0; i < sizeof need / sizeof *need; i++)
        if (!support_have(need[i]))
            return -1; /* make deps installs them: a missing one is a failure */
    /* SDL and libwayland leave process-lifetime blocks LeakSanitizer
     * cannot attribute; memory errors are still checked */
    const char *asan = getenv("ASAN_OPTIONS");
    char opts[600];
    snprintf(opts, sizeof opts, "%s%sdetect_leaks=0", asan ? asan : "", asan ? ":" : "");
    setenv("ASAN_OPTIONS", opts, 1);
    dir = support_tmpdir();
    chmod(dir, 0755);
    snprintf(rt, sizeof rt, "%s/rt", dir);
    mkdir(rt, 0700);
    support_write(support_path(rt, "sway.conf"),
                  "output HEADLESS-1 mode 1280x800 position 0 0\n"
                  "default_border none\n"
                  "focus_follows_mouse no\n",
                  (size_t)-1);
    if (getuid() == 0 && support_sh(NULL, "chown -R nobody:nogroup %s", rt) != 0)
        return -1;
    char conf[1200], sock[1200];
    snprintf(conf, sizeof conf, "%s/sway.conf", rt);
    char *sw[] = {"sway", "-c", conf, NULL};
    sway = spawn(sw, support_path(dir, "sway.log"));
    snprintf(sock, sizeof sock, "%s/wayland-1", rt);
    if (!wait_for(sock, 100))
        return -1;
    char *out;
    support_sh(&out, "ls %s/sway-ipc.*.sock 2>/dev/null | head -1", rt);
    out[strcspn(out, "\n")] = '\0';
    snprintf(ipc, sizeof ipc, "%s", out);
    free(out);
    port = 20000 + getpid() % 20000;
    char p[16];
    snprintf(p, sizeof p, "%d", port);
    char *wv[] = {"wayvnc", "127.0.0.1", p, NULL};
    vnc = spawn(wv, support_path(dir, "wayvnc.log"));
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    if (rfb >= 0)
        close(rfb);
    pid_t all[] = {kiosk, vnc, sway};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        if (all[i] > 0)
            kill(all[i], SIGKILL), waitpid(all[i], NULL, 0);
    support_staff_stick_pull(dir);
    support_rmtree(dir);
    free(dir);
    return 0;
}

static void read_all(int fd, unsigned char *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        assert_true(r > 0);
        got += (size_t)r;
    }
}

/* An RFB 3.8 session with wayvnc (no authentication on the loopback). */
static void rfb_connect(void)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (int i = 0; i < 50; i++) {
        rfb = socket(AF_INET, SOCK_STREAM, 0);
        if (connect(rfb, (struct sockaddr *)&a, sizeof a) == 0)
            break;
        close(rfb);
        rfb = -1;
        usleep(100000);
    }
    assert_true(rfb >= 0);
    unsigned char buf[256];
    read_all(rfb, buf, 12);
    assert_memory_equal(buf, "RFB 003.008\n", 12);
    assert_int_equal(write(rfb, "RFB 003.008\n", 12), 12);
    read_all(rfb, buf, 1);
    int ntypes = buf[0];
    assert_true(ntypes > 0);
    read_all(rfb, buf, (size_t)ntypes);
    assert_non_null(memchr(buf, 1, (size_t)ntypes)); /* "None" */
    assert_int_equal(write(rfb, "\1", 1), 1);
    read_all(rfb, buf, 4);
    assert_memory_equal(buf, "\0\0\0\0", 4);  /* accepted */
    assert_int_equal(write(rfb, "\1", 1), 1); /* shared */
    read_all(rfb, buf, 24);
    assert_int_equal(buf[0] << 8 | buf[1], 1280);
    assert_int_equal(buf[2] << 8 | buf[3], 800);
    size_t name = (size_t)buf[20] << 24 | (size_t)buf[21] << 16 | buf[22] << 8 | buf[23];
    while (name > 0) {
        size_t k = name < sizeof buf ? name : sizeof buf;
        read_all(rfb, buf, k);
        name -= k;
    }
}

static void rfb_pointer(int mask, int x, int y)
{
    unsigned char m[6] = {5,
                          (unsigned char)mask,
                          (unsigned char)(x >> 8),
                          (unsigned char)x,
                          (unsigned char)(y >> 8),
                          (unsigned char)y};
    assert_int_equal(write(rfb, m, sizeof m), (ssize_t)sizeof m);
    usleep(150000);
}

static void rfb_key(uint32_t keysym, bool down)
{
    unsigned char m[8] = {4,
                          down,
                          0,
                          0,
                          (unsigned char)(keysym >> 24),
                          (unsigned char)(keysym >> 16),
                          (unsigned char)(keysym >> 8),
                          (unsigned char)keysym};
    assert_int_equal(write(rfb, m, sizeof m), (ssize_t)sizeof m);
    usleep(60000);
}

/* What the compositor shows, decoded: the screen through grim, then its
 * QR codes through zbarimg (malloc'd). */
static char *screen_codes(const char *name)
{
    char *out, shot[1300];
    snprintf(shot, sizeof shot, "%s/%s.png", rt, name);
    assert_int_equal(support_sh(NULL, "%s env XDG_RUNTIME_DIR=%s WAYLAND_DISPLAY=wayland-1 grim %s",
                                getuid() == 0 ? "setpriv --reuid=nobody --regid=nogroup "
                                                "--clear-groups"
                                              : "",
                                rt, shot),
                     0);
    support_sh(&out, "zbarimg --quiet --raw %s 2>/dev/null", shot);
    return out;
}

/* Under cage, as deployed, a window the compositor gives another size
 * than the kiosk asked for (1920x1080 asked, cage's 1280x720 output
 * given) is resized while frames are being drawn: each frame is drawn
 * whole into one buffer, and the buffer given up with the old size takes
 * no fill along (a fill noted on it once crashed the frame the resize
 * came in). */
static void test_resized_window_draws_every_frame(void **state)
{
    (void)state;
    char db[1200], script[1200];
    snprintf(db, sizeof db, "%s/resize.db", rt);
    snprintf(script, sizeof script, "%s/resize.txt", rt);
    support_write(support_path(rt, "made.txt"), "startup\n", (size_t)-1);
    support_write(script,
                  "startup\nmeasure welcome 40\ntap \"Touch to start\"\nmeasure about 40\n"
                  "tap \"Skip this step\"\nmeasure search 40\n",
                  (size_t)-1);
    /* the directory made first, so the window opens as fast as a kiosk's
     * does on its second start: the resize comes while frames are drawn */
    char *made = NULL;
    assert_int_equal(support_kiosk(&made,
                                   "--headless --size 800x600 --db %s --config %s --script %s", db,
                                   support_path(rt, "none.conf"), support_path(rt, "made.txt")),
                     0);
    free(made);
    if (getuid() == 0)
        support_sh(NULL, "chown -R nobody:nogroup %s", rt);
    char *kv[] = {"cage",       "--",         (char *)support_program("career-kiosk"),
                  "--windowed", "--size",     "1920x1080",
                  "--today",    "2026-11-22", "--db",
                  db,           "--config",   (char *)support_path(rt, "none.conf"),
                  "--script",   script,       NULL};
    const char *log = support_path(dir, "resize.log");
    pid_t pid = spawn(kv, log);
    int status = -1;
    for (int i = 0; i < 600 && waitpid(pid, &status, WNOHANG) == 0; i++)
        usleep(100000);
    char *out = support_read(log, NULL);
    if (!WIFEXITED(status))
        fail_msg("cage and the kiosk did not end:\n%s", out ? out : "");
    for (const char *want = "frame welcome\0frame about\0frame search\0"; *want;
         want += strlen(want) + 1)
        if (!out || !strstr(out, want))
            fail_msg("no \"%s\" in:\n%s", want, out ? out : "");
    free(out);
}

static void test_walk_through_the_wayland_window(void **state)
{
    (void)state;
    const char *const *steps = support_walk;
    enum { N = SUPPORT_WALK_STEPS };
    SupportSpot spot[N];
    char db[1200], *out;
    memset(spot, 0, sizeof spot);
    snprintf(db, sizeof db, "%s/mentors.db", rt);
    assert_int_equal(support_plan(dir, db, "1280x800", steps, N, spot), N - 1);
    if (getuid() == 0)
        support_sh(NULL, "chown -R nobody:nogroup %s", rt);
    char *kv[] = {(char *)support_program("career-kiosk"),
                  "--windowed",
                  "--size",
                  "1280x800",
                  "--today",
                  "2026-11-22",
                  "--db",
                  db,
                  "--config",
                  (char *)support_path(rt, "none.conf"),
                  NULL};
    const char *log = support_path(dir, "kiosk.log");
    kiosk = spawn(kv, log);
    char *got = NULL;
    for (int i = 0; i < 100; i++) {
        free(got);
        got = support_read(log, NULL);
        if (got && strstr(got, "showing the kiosk"))
            break;
        usleep(100000);
    }
    if (!got || !strstr(got, "drawn by SDL's software renderer into Wayland shared-memory buffers"))
        fail_msg("the kiosk did not open its shared-memory Wayland window:\n%s", got ? got : "");
    free(got);
    /* no GL driver behind the window */
    support_sh(&out, "grep -c -E 'libGL|libEGL|swrast|llvmpipe|libLLVM|_dri' /proc/%d/maps || true",
               (int)kiosk);
    if (atol(out) != 0)
        fail_msg("a GL driver is loaded for the Wayland window (%s mappings)", out);
    free(out);
    rfb_connect();
    for (int i = 0; i < N; i++) {
        if (strncmp(steps[i], "type ", 5) == 0) /* a physical keyboard, as staff have */
            for (const char *c = steps[i] + 5; *c; c++) {
                rfb_key((unsigned char)*c, true);
                rfb_key((unsigned char)*c, false);
            }
        else {
            rfb_pointer(0, spot[i].x, spot[i].y);
            rfb_pointer(1, spot[i].x, spot[i].y);
            rfb_pointer(0, spot[i].x, spot[i].y);
        }
        usleep(250000);
    }
    usleep(500000);
    out = screen_codes("takeaway");
    if (!strstr(out, "Prep sheet: a conversation with José García"))
        fail_msg("the take-away code was not on the Wayland screen; zbarimg read: %.200s", out);
    free(out);
    kill(kiosk, SIGTERM);
    int status;
    waitpid(kiosk, &status, 0);
    kiosk = 0;
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void tap(const SupportSpot *s)
{
    rfb_pointer(0, s->x, s->y);
    rfb_pointer(1, s->x, s->y);
    rfb_pointer(0, s->x, s->y);
}

/* Staff work finishes on its own in the kiosk's own Wayland window, as
 * under cage: a stick is plugged in, staff enter the PIN, and then
 * nobody touches anything until the preview, and after the one tap on
 * Import until the import has ended (the worker wakes the loop through
 * the eventfd its poll() waits on beside the compositor's socket). */
static void test_staff_work_finishes_without_a_touch(void **state)
{
    (void)state;
    char db[1200], conf[1200], *got;
    static const char pin[] = "274958";
    SupportSpot key[sizeof pin], import;
    snprintf(db, sizeof db, "%s/staff.db", rt);
    snprintf(conf, sizeof conf, "%s/staff.conf", rt);
    support_staff_stick(dir, db, pin, 40);
    /* the kiosk runs as nobody: its config and directory in its folder */
    assert_int_equal(support_sh(NULL, "cp %s/kiosk.conf %s", dir, conf), 0);
    support_staff_plan(dir, conf, db, pin, key, &import);
    if (getuid() == 0)
        support_sh(NULL, "chown -R nobody:nogroup %s", rt);
    char *kv[] = {(char *)support_program("career-kiosk"),
                  "--windowed",
                  "--size",
                  "1280x800",
                  "--today",
                  "2026-11-22",
                  "--db",
                  db,
                  "--config",
                  conf,
                  NULL};
    const char *log = support_path(dir, "staff.log");
    kiosk = spawn(kv, log);
    if (!support_log_says(log, "a staff stick is mounted", 20) ||
        !support_log_says(log, "Wayland shared-memory buffers", 5)) {
        got = support_read(log, NULL);
        fail_msg("the kiosk did not see the stick in its Wayland window:\n%s", got ? got : "");
    }
    if (rfb < 0)
        rfb_connect();
    for (size_t i = 0; i < sizeof pin; i++)
        tap(&key[i]);
    if (!support_log_says(log, "staff work took", 15)) { /* nothing touched from here */
        got = support_read(log, NULL);
        fail_msg("the stick was not copied and checked 15 s after the PIN, with nobody touching "
                 "the screen:\n%s",
                 got);
    }
    if (!support_log_says(log, "bundle is checked (40 to import", 5)) {
        got = support_read(log, NULL);
        fail_msg("no preview after the check, with nobody touching the screen:\n%s", got);
    }
    tap(&import);
    if (!support_log_says(log, "imported 40 mentors", 15)) { /* nothing touched until it ends */
        got = support_read(log, NULL);
        fail_msg("the import had not ended 15 s after Import, with nobody touching the "
                 "screen:\n%s",
                 got);
    }
    kill(kiosk, SIGTERM);
    int status;
    waitpid(kiosk, &status, 0);
    kiosk = 0;
    support_staff_stick_pull(dir);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_resized_window_draws_every_frame),
        cmocka_unit_test(test_walk_through_the_wayland_window),
        cmocka_unit_test(test_staff_work_finishes_without_a_touch),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
