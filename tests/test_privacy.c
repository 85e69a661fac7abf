/* Tests of the promise that nothing a visitor types outlives their
 * visit, tried as an auditor would. The real kiosk, headless, is walked
 * through a whole visit (name, program, interest and a search typed;
 * every message type and every code viewed; the sheet printed to a
 * receipt printer that is a file); the visit ends (Finish, the idle
 * wipe, or Start over); then a core of the still-running process is
 * taken with gdb, every mapping included (memory marked not-to-dump
 * too), and searched for each typed word. Another walks 1,000 visits
 * and searches the disk: the data folder, the kiosk's output (what the
 * journal would get), /tmp and the printer's output. */
#include "support.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What the visitors type: made-up words none of whose six-letter runs is
 * in the directory, the question bank, the program or the spelling
 * dictionary the kiosk loads, so every run found is a piece of theirs (a
 * buffer that kept the tail of a longer word counts). Being misspelt,
 * they are offered corrections, which the visitor keeps: what the
 * spelling check made of them is searched for too. */
static const char *const typed[] = {"Zyqwenda", "vexqulogy", "ptarqigan", "sogqbird",
                                    "xylqphagqus"};

/* Where every visit begins: the typed words, up to a search that finds
 * nobody. */
#define TYPING                                                                                     \
    "tap \"Touch to start\"\n"                                                                     \
    "tap \"Your first name\"\n"                                                                    \
    "type Zyqwenda\n"                                                                              \
    "tap Done\n"                                                                                   \
    "tap \"Your program or major\"\n"                                                              \
    "type vexqulogy\n"                                                                             \
    "tap Done\n"                                                                                   \
    "tap \"What are you exploring?\"\n"                                                            \
    "type ptarqigan and sogqbird tracking\n"                                                       \
    "tap Done\n"                                                                                   \
    "tap \"Next: find someone\"\n"                                                                 \
    "expect text \"Did you mean this?\"\n"                                                         \
    "tap \"Keep my words\"\n"                                                                      \
    "tap Search\n"                                                                                 \
    "type xylqphagqus\n"

/* The visit, as a visitor taps it, without its ending. */
static const char visit[] = TYPING "expect text \"No one matches that yet\"\n"
                                   "repeat 11\n"
                                   "key backspace\n"
                                   "end\n"
                                   "type jose\n"
                                   "tap Done\n"
                                   "tap \"José García\"\n"
                                   "tap \"Choose José\"\n"
                                   "tap \"30 minutes\"\n"
                                   "tap \"Next: pick questions\"\n"
                                   "tap \"Next: take it with you\"\n"
                                   "tap \"Your message\"\n"
                                   "tap \"Contact card\"\n"
                                   "tap \"Reminders\"\n"
                                   "tap \"Prep sheet\"\n"
                                   "tap Print\n"
                                   "await print 60\n"
                                   "expect text \"Print another\"\n";

/* The kiosk whose core is searched: the production build. A sanitizer
 * build reserves terabytes of shadow memory (a core of it would fill the
 * disk) and brings its own allocator, so the sanitizer run of this test
 * searches the plain build's kiosk too, which `make test` builds first. */
static const char *kiosk_for_core(void)
{
#if defined(__SANITIZE_ADDRESS__)
    return support_program("../release/career-kiosk");
#else
    return support_program("career-kiosk");
#endif
}

/* A config with a receipt printer that writes to a file in the test's
 * folder; returns the config's path. */
static const char *printer_config(void)
{
    static char conf[1200];
    char text[1400];
    snprintf(conf, sizeof conf, "%s/kiosk.conf", support_dir);
    snprintf(text, sizeof text, "[printing]\nprinter = escpos:%s/receipt.bin\n", support_dir);
    support_write(conf, text, (size_t)-1);
    support_write(support_path(support_dir, "receipt.bin"), "", 0);
    return conf;
}

/* How many times word, or any run of six of its letters, is in the file
 * at path, in any case. */
static long copies(const char *path, const char *word)
{
    char *out, runs[1200] = "";
    size_t len = strlen(word);
    for (size_t i = 0; i + 6 <= len; i++)
        snprintf(runs + strlen(runs), sizeof runs - strlen(runs), " -e '%.6s'", word + i);
    support_sh(&out, "grep -a -o -i -F%s '%s' | wc -l", len >= 6 ? runs : " -e ''", path);
    long n = atol(out);
    free(out);
    return n;
}

/* Runs the visit with ending, holds the process, takes its core with
 * every mapping and counts each typed word in it. */
static void core_after(const char *how, const char *ending)
{
    char script[1200], log[1200], core[1200], *out;
    snprintf(script, sizeof script, "%s/visit.txt", support_dir);
    snprintf(log, sizeof log, "%s/kiosk.log", support_dir);
    snprintf(core, sizeof core, "%s/core", support_dir);
    char *text = malloc(sizeof visit + strlen(ending) + 64);
    sprintf(text, "%s%sexpect screen welcome\nhold 60\n", visit, ending);
    support_write(script, text, (size_t)-1);
    free(text);
    const char *conf = printer_config();
    assert_int_equal(support_sh(NULL,
                                "%s --headless --size 1280x800 --today 2026-11-22 --config %s "
                                "--db %s/mentors.db --script %s > %s 2>&1 &",
                                kiosk_for_core(), conf, support_dir, script, log),
                     0);
    long pid = 0;
    for (int i = 0; i < 600 && !pid; i++) { /* up to a minute for the visit */
        usleep(100 * 1000);
        char *got = support_read(log, NULL);
        char *at = got ? strstr(got, "hold pid=") : NULL;
        if (at)
            pid = atol(at + 9);
        else if (got && strstr(got, ": ")) { /* a failed expectation: FILE:LINE: why */
            support_sh(NULL, "pkill -f '%s'", script);
            fail_msg("the visit failed:\n%s", got);
        }
        free(got);
    }
    assert_true(pid > 0);
    int rc = support_sh(&out,
                        "gdb -p %ld -batch -ex 'set dump-excluded-mappings on' -ex 'gcore %s' "
                        "2>&1",
                        pid, core);
    kill((pid_t)pid, SIGKILL);
    if (rc != 0)
        fail_msg("gcore failed: %s", out);
    free(out);
    struct stat st;
    assert_int_equal(stat(core, &st), 0);
    assert_true(st.st_size > 1 << 20);
    /* the receipt was printed: the visit really went that far */
    assert_int_equal(stat(support_path(support_dir, "receipt.bin"), &st), 0);
    assert_true(st.st_size > 1000);
    for (size_t i = 0; i < sizeof typed / sizeof *typed; i++) {
        long n = copies(core, typed[i]);
        if (n)
            fail_msg("after %s, the core of the kiosk holds %ld copies of \"%s\"", how, n,
                     typed[i]);
    }
    unlink(core);
}

static void test_nothing_in_memory_after_finish(void **state)
{
    (void)state;
    /* Finish at once: asked once, then cleared */
    core_after("Finish and clear", "wait 1100\ntap \"Finish and clear\"\n");
}

static void test_nothing_in_memory_after_the_idle_wipe(void **state)
{
    (void)state;
    /* "Still there?" after 90 s, then 15 s of countdown, on the headless clock */
    core_after("the idle wipe", "wait 110000\n");
}

static void test_nothing_in_memory_after_the_idle_wipe_on_find(void **state)
{
    (void)state;
    /* the visitor walks away with their search still in the field */
    core_after("the idle wipe on Find", "tap \"Start over\"\ntap \"Start over\"\n"
                                        "tap \"Touch to start\"\ntap \"Skip this step\"\n"
                                        "tap Search\ntype xylqphagqus\nwait 110000\n");
}

static void test_nothing_in_memory_after_start_over(void **state)
{
    (void)state;
    core_after("Start over",
               "tap \"Start over\"\nexpect text \"Start over?\"\ntap \"Start over\"\n");
}

/* 1,000 visits, a few of them printed; then no byte of what they typed
 * is in the data folder, the kiosk's output, /tmp or the printer's
 * output. */
static void test_nothing_on_disk_after_a_thousand_visits(void **state)
{
    (void)state;
    char script[1200], db[1200], *out;
    const char *conf = printer_config();
    /* the script itself holds the words: it lives outside /tmp */
    snprintf(script, sizeof script, "%s/privacy-soak.txt", support_program("."));
    snprintf(db, sizeof db, "%s/data", support_dir);
    mkdir(db, 0700);
    const char *short_visit = TYPING "tap Done\n"
                                     "tap Back\n"
                                     "tap \"Next: find someone\"\n"
                                     "tap \"Start over\"\n"
                                     "tap \"Start over\"\n";
    /* what the kiosk could have written to /tmp is newer than this */
    char stamp[1200];
    snprintf(stamp, sizeof stamp, "%s/soak-began", support_dir);
    support_write(stamp, "", 0);
    sleep(1);
    char *text = malloc(sizeof visit + 2 * strlen(short_visit) + 200);
    sprintf(text,
            "repeat 3\n%stap Reminders\nwait 1100\ntap \"Finish and clear\"\nend\nrepeat "
            "997\n%send\nreport\n",
            visit, short_visit);
    support_write(script, text, (size_t)-1);
    free(text);
    int rc = support_kiosk(&out,
                           "--headless --size 640x480 --today 2026-11-22 --config %s "
                           "--db %s/mentors.db --script %s",
                           conf, db, script);
    unlink(script);
    if (rc != 0)
        fail_msg("the soak failed: %s", out);
    assert_non_null(strstr(out, "report frames="));
    support_write(support_path(support_dir, "output.txt"), out, (size_t)-1);
    free(out);
    struct stat st;
    assert_int_equal(stat(support_path(support_dir, "receipt.bin"), &st), 0);
    assert_true(st.st_size > 3000); /* three sheets printed */
    for (size_t i = 0; i < sizeof typed / sizeof *typed; i++) {
        const char *w = typed[i];
        assert_int_equal(support_sh(&out, "grep -r -a -i -l -F '%s' %s | wc -l", w, db), 0);
        if (atol(out))
            fail_msg("\"%s\" is in the data folder", w);
        free(out);
        assert_int_equal(copies(support_path(support_dir, "output.txt"), w), 0);
        assert_int_equal(copies(support_path(support_dir, "receipt.bin"), w), 0);
        support_sh(
            &out,
            "find /tmp -xdev -type f -newer '%s' -print0 2>/dev/null | xargs -0 -r grep -a -i "
            "-l -F '%s' | wc -l",
            stamp, w);
        if (atol(out))
            fail_msg("\"%s\" is in a file under /tmp", w);
        free(out);
    }
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    /* under AddressSanitizer (its own allocator) freed blocks are zeroed
     * as zerofree.c zeroes them in the plain build */
    const char *asan = getenv("ASAN_OPTIONS");
    char opts[600];
    snprintf(opts, sizeof opts, "%s%smax_free_fill_size=2147483647:free_fill_byte=0",
             asan ? asan : "", asan && *asan ? ":" : "");
    setenv("ASAN_OPTIONS", opts, 1);
    if (!support_have("gdb"))
        fail_msg("gdb is missing: run make deps");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_nothing_in_memory_after_finish, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_nothing_in_memory_after_the_idle_wipe,
                                        support_dir_setup, support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_nothing_in_memory_after_the_idle_wipe_on_find,
                                        support_dir_setup, support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_nothing_in_memory_after_start_over, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_nothing_on_disk_after_a_thousand_visits,
                                        support_dir_setup, support_dir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
