/* support: test helpers; see support.h. */
#define _XOPEN_SOURCE 700
#include "support.h"

#include <errno.h>
#include <ftw.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char admin_path[1024], kiosk_path[1024];

void support_init(const char *argv0)
{
    char copy[1024];
    snprintf(copy, sizeof copy, "%s", argv0);
    snprintf(admin_path, sizeof admin_path, "%s/../career-kiosk-admin", dirname(copy));
    snprintf(copy, sizeof copy, "%s", argv0);
    snprintf(kiosk_path, sizeof kiosk_path, "%s/../career-kiosk", dirname(copy));
}

char *support_tmpdir(void)
{
    char tmpl[] = "/tmp/ck-test-XXXXXX";
    char *d = mkdtemp(tmpl);
    assert_non_null(d);
    return strdup(d);
}

char *support_dir;

int support_dir_setup(void **state)
{
    (void)state;
    support_dir = support_tmpdir();
    return 0;
}

int support_dir_teardown(void **state)
{
    (void)state;
    support_rmtree(support_dir);
    free(support_dir);
    support_dir = NULL;
    return 0;
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

void support_rmtree(const char *path)
{
    nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

const char *support_path(const char *dir, const char *name)
{
    static char buf[4][1024];
    static int turn;
    char *b = buf[turn++ % 4];
    snprintf(b, 1024, "%s/%s", dir, name);
    return b;
}

void support_write(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    if (len == (size_t)-1)
        len = strlen(data);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

char *support_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    fclose(f);
    buf[got] = '\0';
    if (len)
        *len = got;
    return buf;
}

/* Runs cmd through the shell, collecting its output. */
static int run_cmd(char **out, const char *cmd)
{
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    for (size_t n; (n = fread(buf + len, 1, cap - len - 1, p)) > 0;) {
        len += n;
        if (cap - len < 1024)
            buf = realloc(buf, cap *= 2);
    }
    buf[len] = '\0';
    int status = pclose(p);
    if (out)
        *out = buf;
    else
        free(buf);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/* Runs program with printf-style arguments through the shell. */
static int run_program(char **out, const char *program, const char *redirect, const char *fmt,
                       va_list ap)
{
    char args[4096], cmd[6000];
    vsnprintf(args, sizeof args, fmt, ap);
    snprintf(cmd, sizeof cmd, "%s %s %s", program, args, redirect);
    return run_cmd(out, cmd);
}

const char *support_program(const char *name)
{
    static char path[PATH_MAX + 64];
    char copy[1024], abs[PATH_MAX];
    snprintf(copy, sizeof copy, "%s", admin_path);
    const char *dir = realpath(dirname(copy), abs) ? abs : dirname(copy);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

int support_admin(char **out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = run_program(out, admin_path, "2>/dev/null", fmt, ap);
    va_end(ap);
    return rc;
}

int support_kiosk(char **out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = run_program(out, kiosk_path, "2>&1", fmt, ap);
    va_end(ap);
    return rc;
}

int support_sh(char **out, const char *fmt, ...)
{
    char cmd[6000];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    return run_cmd(out, cmd);
}

void support_golden(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "tests/golden/%s", name);
    if (getenv("UPDATE_GOLDEN")) {
        support_write(path, text, (size_t)-1);
        return;
    }
    char *want = support_read(path, NULL);
    if (!want)
        fail_msg("missing golden file %s (run with UPDATE_GOLDEN=1 to create it)", path);
    if (strcmp(want, text) != 0) {
        fprintf(stderr, "---- expected (%s)\n%s\n---- got\n%s\n----\n", path, want, text);
        free(want);
        fail_msg("output differs from %s", path);
    }
    free(want);
}

bool support_have(const char *cmd)
{
    char line[300];
    snprintf(line, sizeof line, "command -v %s >/dev/null 2>&1", cmd);
    return system(line) == 0;
}

/* Writes the code as a PGM image, `scale` pixels per module, with the
 * quiet zone, and asks zbarimg to decode it. Returns its output. */
char *support_zbar_qr(const QrCode *q, int scale, const char *dir)
{
    const char *img = support_path(dir, "code.pgm");
    int side = (q->width + 2 * QR_QUIET) * scale;
    FILE *f = fopen(img, "wb");
    assert_non_null(f);
    fprintf(f, "P5\n%d %d\n255\n", side, side);
    for (int y = 0; y < side; y++)
        for (int x = 0; x < side; x++)
            fputc(qr_dark(q, x / scale - QR_QUIET, y / scale - QR_QUIET) ? 0 : 255, f);
    fclose(f);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "zbarimg --quiet --raw -Sbinary '%s' > '%s/out.txt'", img, dir);
    assert_int_equal(system(cmd), 0);
    char *out = support_read(support_path(dir, "out.txt"), NULL);
    assert_non_null(out);
    return out;
}

const char *const support_walk[SUPPORT_WALK_STEPS] = {"Touch to start",
                                                      "Skip this step",
                                                      "Search",
                                                      "type jose",
                                                      "Done",
                                                      "José García",
                                                      "Choose José",
                                                      "Next: pick questions",
                                                      "Next: take it with you"};

int support_plan(const char *dir, const char *db, const char *size, const char *const *steps, int n,
                 SupportSpot *out)
{
    char script[4096] = "", path[1100], *dump;
    for (int i = 0; i < n; i++) {
        strcat(script, "dump\n");
        if (strncmp(steps[i], "type ", 5) == 0)
            strcat(script, steps[i]);
        else {
            strcat(script, "tap \"");
            strcat(script, steps[i]);
            strcat(script, "\"");
        }
        strcat(script, "\n");
    }
    snprintf(path, sizeof path, "%s/plan.txt", dir);
    support_write(path, script, (size_t)-1);
    assert_int_equal(
        support_kiosk(&dump, "--headless --size %s --today 2026-11-22 --db %s.plan --script %s",
                      size, db, path),
        0);
    int step = 0, found = 0;
    /* each dump ends with a "screen" line; find each tap in its own */
    for (char *p = dump; *p; p++)
        if (*p == '\n')
            *p = '\0';
    for (char *line = dump; *line && step < n; line += strlen(line) + 1) {
        int x, y, w, h;
        char label[200];
        if (strncmp(line, "screen ", 7) == 0) {
            step++;
            continue;
        }
        if (sscanf(line, "item %d %d %d %d %199[^\n]", &x, &y, &w, &h, label) == 5 &&
            strcmp(label, steps[step]) == 0 && out[step].label[0] == '\0') {
            snprintf(out[step].label, sizeof out[step].label, "%s", label);
            out[step].x = x + w / 2;
            out[step].y = y + h / 2;
            found++;
        }
    }
    free(dump);
    return found;
}

bool support_spot(const char *dump, int which, const char *label, SupportSpot *out)
{
    size_t n = strlen(label);
    bool prefix = n > 0 && label[n - 1] == '*';
    int screen = 0;
    for (const char *line = dump; line && *line; line = strchr(line, '\n'), line += line ? 1 : 0) {
        int x, y, w, h, k = 0;
        if (strncmp(line, "screen ", 7) == 0) {
            if (screen++ == which)
                return false;
            continue;
        }
        if (screen != which || sscanf(line, "item %d %d %d %d %n", &x, &y, &w, &h, &k) != 4 || !k)
            continue;
        const char *l = line + k;
        size_t len = strcspn(l, "\n");
        if (prefix ? len >= n - 1 && strncmp(l, label, n - 1) == 0
                   : len == n && strncmp(l, label, n) == 0) {
            snprintf(out->label, sizeof out->label, "%.*s", (int)len, l);
            out->x = x + w / 2;
            out->y = y + h / 2;
            return true;
        }
    }
    return false;
}

void support_staff_bundle(const char *dir, const char *db, const char *pin, int n,
                          const char *more)
{
    char *out, key[200] = "", conf[3000], here[1024];
    int rc = support_sh(&out,
                        "cd %s && minisign -G -W -p staff.pub -s staff.key >/dev/null 2>&1 && "
                        "sed -n 2p staff.pub",
                        dir);
    if (rc != 0)
        fail_msg("minisign -G: %s", out);
    snprintf(key, sizeof key, "%.*s", (int)strcspn(out, "\r\n"), out);
    free(out);
    snprintf(conf, sizeof conf,
             "[office]\nname = Hillside Career Center\n[directory]\ndatabase = %s\n"
             "[bundles]\nroots = %s/media\ntrusted_key = %s Career office laptop\n%s",
             db, dir, key, more ? more : "");
    support_write(support_path(dir, "kiosk.conf"), conf, (size_t)-1);
    rc = support_admin(&out, "--config %s/kiosk.conf set-pin <<EOF\n%s\nEOF", dir, pin);
    if (rc != 0)
        fail_msg("set-pin: %s", out);
    free(out);
    /* signed for a moment before the kiosk's pinned noon */
    assert_non_null(getcwd(here, sizeof here)); /* the tests run at the top of the tree */
    rc = support_sh(&out,
                    "cd %s && mkdir -p bundle && head -%d %s/assets/mentors.sample.csv > "
                    "bundle/mentors.csv && minisign -S -s staff.key -m bundle/mentors.csv "
                    "-t 'timestamp:1795338000 file:mentors.csv' </dev/null 2>&1",
                    dir, n + 1, here);
    if (rc != 0)
        fail_msg("signing the bundle (%d): %s", rc, out);
    free(out);
}

void support_staff_stick(const char *dir, const char *db, const char *pin, int n)
{
    char *out;
    support_staff_bundle(dir, db, pin, n, NULL);
    int rc = support_sh(&out,
                        "cd %s && truncate -s 16M stick.img && mkfs.vfat -n STAFF stick.img "
                        ">/dev/null && mkdir -p media/STICK && fusefat -o rw+,allow_other "
                        "%s/stick.img media/STICK >/dev/null && mkdir media/STICK/career-kiosk && "
                        "cp bundle/mentors.csv bundle/mentors.csv.minisig media/STICK/career-kiosk/ "
                        "2>&1",
                        dir, dir);
    if (rc != 0)
        fail_msg("making and mounting the stick (%d): %s", rc, out);
    free(out);
}

void support_staff_stick_pull(const char *dir)
{
    support_sh(NULL, "fusermount -uz %s/media/STICK 2>/dev/null; true", dir);
}

void support_staff_plan(const char *dir, const char *conf, const char *db, const char *pin,
                        SupportSpot *key, SupportSpot *import)
{
    char plan[1100], script[200], *dump;
    size_t n = strlen(pin);
    snprintf(plan, sizeof plan, "%s/staff-plan.txt", dir);
    snprintf(script, sizeof script, "dump\ntype %s\nkey enter\nwait 200\ndump\n", pin);
    support_write(plan, script, (size_t)-1);
    int rc = support_kiosk(&dump,
                           "--headless --size 1280x800 --today 2026-11-22 --config %s --db %s.plan "
                           "--script %s",
                           conf, db, plan);
    if (rc != 0)
        fail_msg("the headless plan failed (%d):\n%s", rc, dump);
    for (size_t i = 0; i < n; i++) {
        char label[2] = {pin[i], '\0'};
        if (!support_spot(dump, 0, label, &key[i]))
            fail_msg("no PIN key %s on the first screen:\n%.3000s", label, dump);
    }
    if (!support_spot(dump, 0, "OK", &key[n]) || !support_spot(dump, 1, "Import *", import))
        fail_msg("no OK or Import button in the plan:\n%.3000s", dump);
    free(dump);
}

bool support_log_says(const char *path, const char *text, int seconds)
{
    for (int i = 0; i < seconds * 10; i++) {
        char *got = support_read(path, NULL);
        bool said = got && strstr(got, text);
        free(got);
        if (said)
            return true;
        usleep(100000);
    }
    return false;
}
