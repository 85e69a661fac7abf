/* The soak: thousands of visitor sessions in one kiosk process. Under
 * AddressSanitizer (the sanitizer build of `make test`) it is 2,000
 * sessions with leak checks at exit; the plain build runs 200. Textures,
 * cached text and memory must not grow from session to session. */
#include "support.h"

#include <stdio.h>

#ifdef __SANITIZE_ADDRESS__
enum { SESSIONS = 2000 };
#else
enum { SESSIONS = 200 };
#endif
enum { EVERY = 100 };

typedef struct {
    long frames, textures, cache, rss_kb;
} Report;

static char *dir;

/* Where the primary button is at 640x480, asked of the app itself (the
 * first result card is tapped by `tap result 1`: at 640x480 the filters
 * scroll with the results, so where it shows depends on the scroll). */
static void positions(const char *db, int *next_x, int *next_y)
{
    char *out, script[1100];
    snprintf(script, sizeof script, "%s/dump.txt", dir);
    support_write(script, "tap \"Touch to start\"\ntap \"Skip this step\"\ndump\n", (size_t)-1);
    assert_int_equal(support_kiosk(&out,
                                   "--headless --size 640x480 --today 2026-11-22 --db %s "
                                   "--script %s",
                                   db, script),
                     0);
    int x, y, w, h, back_y = -1;
    char label[200];
    for (char *line = out; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
        if (sscanf(line, "item %d %d %d %d %199[^\n]", &x, &y, &w, &h, label) == 5 &&
            strcmp(label, "Back") == 0)
            back_y = y + h / 2;
    free(out);
    assert_true(back_y > 0);
    *next_x = 640 - 24; /* the primary button ends at the right padding */
    *next_y = back_y;
}

static void test_soak(void **state)
{
    (void)state;
    char db[1100], csv[1100], script[1100], *out;
    int nx = 0, ny = 0;
    dir = support_tmpdir();
    snprintf(db, sizeof db, "%s/mentors.db", dir);
    snprintf(csv, sizeof csv, "%s/mentors.csv", dir);
    /* enough mentors that monthly caps never empty the results */
    assert_int_equal(support_sh(NULL, "%s/../gen-mentors 3000 7 > %s", getenv("CK_BUILD_DIR"), csv),
                     0);
    assert_int_equal(support_admin(NULL, "--db %s import %s", db, csv), 0);
    positions(db, &nx, &ny);
    char session[1200];
    snprintf(session, sizeof session,
             "tap \"Touch to start\"\ntap \"Your first name\"\ntype Sam\ntap Done\n"
             "tap \"Next: find someone\"\ntap result 1\nexpect screen detail\n"
             "tap %d %d\nexpect screen message\ntap %d %d\nexpect screen questions\n"
             "tap %d %d\nexpect screen takeaway\ntap \"Your message\"\nwait 1100\n"
             "tap %d %d\nexpect screen welcome\n",
             nx, ny, nx, ny, nx, ny, nx, ny);
    char *text = malloc(8192);
    snprintf(text, 8192, "repeat %d\nrepeat %d\n%send\nreport\nend\n", SESSIONS / EVERY, EVERY,
             session);
    snprintf(script, sizeof script, "%s/soak.txt", dir);
    support_write(script, text, (size_t)-1);
    free(text);
    /* ASan keeps freed memory in a quarantine (256 MB by default), which
     * would look like growth; a tiny one makes memory figures mean what
     * they say. Leaks are LeakSanitizer's job, at exit. */
    setenv("ASAN_OPTIONS", "detect_leaks=1:quarantine_size_mb=1", 1);
    int rc = support_kiosk(&out, "--headless --size 640x480 --today 2026-11-22 --db %s --script %s",
                           db, script);
    if (rc != 0) {
        size_t len = strlen(out);
        fprintf(stderr, "the soak failed (exit %d); the end of its output:\n%s\n", rc,
                out + (len > 2000 ? len - 2000 : 0));
        free(out);
        fail();
    }
    Report r[SESSIONS / EVERY];
    int n = 0;
    for (char *p = strstr(out, "report "); p && n < SESSIONS / EVERY; p = strstr(p + 1, "report "))
        if (sscanf(p, "report frames=%ld textures=%ld cache=%ld rss_kb=%ld", &r[n].frames,
                   &r[n].textures, &r[n].cache, &r[n].rss_kb) == 4)
            n++;
    free(out);
    assert_int_equal(n, SESSIONS / EVERY);
    Report first = r[1], last = r[n - 1]; /* after warm-up */
    fprintf(stderr,
            "soak: %d sessions, %ld frames; textures %ld -> %ld, cache %ld -> %ld, "
            "rss %ld -> %ld kB\n",
            SESSIONS, last.frames, first.textures, last.textures, first.cache, last.cache,
            first.rss_kb, last.rss_kb);
    assert_true(last.textures <= first.textures + 16);
    assert_true(last.cache <= first.cache + 64);
    assert_true(last.rss_kb <= first.rss_kb + 8 * 1024);
    support_rmtree(dir);
    free(dir);
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_soak)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
