/* The soak: thousands of visitor sessions in one kiosk process. Under
 * AddressSanitizer (the sanitizer build of `make test`) it is 2,000
 * sessions with leak checks at exit; the plain build runs 200. Textures,
 * cached text and memory must not grow from session to session. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* A restless visitor: a seeded random walk of taps on what each screen
 * shows, taps anywhere, typing (other scripts, emoji, controls), Delete,
 * Enter, drags and waits. No sanitizer report, no hang (a time limit);
 * then one more visitor walks away, and after that idle wipe the text
 * cache and textures are where a fresh kiosk has them, and the kiosk
 * still answers a tap. */
static void test_random_walk(void **state)
{
    (void)state;
    char *out, script[1100], db[1100];
    char *tmp = support_tmpdir();
    snprintf(db, sizeof db, "%s/mentors.db", tmp);
    snprintf(script, sizeof script, "%s/random.txt", tmp);
    /* a first visitor opens what the kiosk keeps once opened (the
     * spelling dictionary, ICU for a word beyond ASCII): the baseline is
     * after them, as it is for every visitor after the first */
    support_write(script,
                  "tap \"Touch to start\"\ntap \"Your program or major\"\ntype biolgy\ntap Done\n"
                  "tap \"Next: find someone\"\ntap \"Keep my words\"\ntap Search\ntype Zoë\n"
                  "tap Done\nwait 200000\nexpect screen welcome\n"
                  "tap \"Touch to start\"\nwait 200000\nexpect screen welcome\n"
                  "report\nrandom 2026 400\nwait 200000\nexpect screen welcome\n"
                  "tap \"Touch to start\"\nwait 200000\nexpect screen welcome\nreport\n"
                  "tap \"Touch to start\"\nexpect screen about\n",
                  (size_t)-1);
    setenv("ASAN_OPTIONS", "detect_leaks=1:quarantine_size_mb=1", 1);
    int rc = support_sh(&out,
                        "timeout 300 %s --headless --size 1280x800 --today 2026-11-22 --db %s "
                        "--script %s 2>&1",
                        support_program("career-kiosk"), db, script);
    if (rc != 0 || strstr(out, "Sanitizer") || strstr(out, "runtime error")) {
        size_t len = strlen(out);
        fprintf(stderr, "the random walk failed (exit %d%s); the end of its output:\n%s\n", rc,
                rc == 124 ? ": it hung" : "", out + (len > 3000 ? len - 3000 : 0));
        free(out);
        fail();
    }
    Report r[2];
    long heap[2] = {0, 0}; /* kB in use (0 under ASan, whose allocator does not say) */
    int n = 0;
    for (char *p = strstr(out, "report "); p && n < 2; p = strstr(p + 1, "report ")) {
        const char *h = strstr(p, "heap_kb=");
        if (sscanf(p, "report frames=%ld textures=%ld cache=%ld rss_kb=%ld", &r[n].frames,
                   &r[n].textures, &r[n].cache, &r[n].rss_kb) == 4 &&
            h && sscanf(h, "heap_kb=%ld", &heap[n]) == 1)
            n++;
    }
    free(out);
    assert_int_equal(n, 2);
    fprintf(stderr,
            "random walk: %ld frames; after the wipe textures %ld -> %ld, cache %ld -> %ld, "
            "heap %ld -> %ld kB\n",
            r[1].frames, r[0].textures, r[1].textures, r[0].cache, r[1].cache, heap[0], heap[1]);
    assert_true(r[1].textures <= r[0].textures + 16);
    assert_true(r[1].cache <= r[0].cache + 64);
    /* what the visitors' screens opened (fonts at their sizes, fallbacks
     * for their scripts, search pages) went with them */
    assert_true(heap[1] <= heap[0] + 2048);
    support_rmtree(tmp);
    free(tmp);
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_soak),
                                       cmocka_unit_test(test_random_walk)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
