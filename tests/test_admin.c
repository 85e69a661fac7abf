/* Tests for career-kiosk-admin, run as a staff member would run it. */
#include "support.h"

#include <stdio.h>
#include <sys/stat.h>

static char *dir;
static char db[1024];

static int setup(void **state)
{
    (void)state;
    dir = support_tmpdir();
    snprintf(db, sizeof db, "%s/var/mentors.db", dir);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    support_rmtree(dir);
    free(dir);
    return 0;
}

static void test_help_everywhere(void **state)
{
    (void)state;
    static const char *const cmds[] = {"init",    "validate", "import", "rollback",
                                       "search",  "show",     "fields", "questions",
                                       "message", "sheet",    "qr",     "stats"};
    char *out;
    assert_int_equal(support_admin(&out, "--help"), 0);
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++)
        assert_non_null(strstr(out, cmds[i]));
    free(out);
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        assert_int_equal(support_admin(&out, "%s --help", cmds[i]), 0);
        assert_non_null(strstr(out, "usage: career-kiosk-admin"));
        free(out);
    }
    assert_int_equal(support_admin(NULL, "frobnicate"), 2);
    assert_int_equal(support_admin(NULL, "--db %s search --colour blue", db), 2);
    assert_int_equal(support_admin(NULL, "--db %s message", db), 2);
}

static void test_first_use_creates_the_sample(void **state)
{
    (void)state;
    char *out;
    struct stat st;
    assert_int_equal(support_admin(&out, "--db %s init", db), 0);
    assert_non_null(strstr(out, "Created"));
    free(out);
    assert_int_equal(stat(db, &st), 0);
    assert_int_equal(support_admin(&out, "--json --db %s init", db), 0);
    assert_non_null(strstr(out, "\"created\":false"));
    assert_non_null(strstr(out, "\"mentors\":160"));
    free(out);
}

static void test_messy_export_report(void **state)
{
    (void)state;
    char *out;
    const char *rej = support_path(dir, "rejected.csv");
    assert_int_equal(support_admin(&out,
                                   "--db %s import tests/fixtures/messy_export.csv "
                                   "--report %s",
                                   db, rej),
                     1);
    assert_non_null(strstr(out, "Imported tests/fixtures/messy_export.csv: 40 rows, 36 "
                                "imported, 4 rejected."));
    assert_non_null(strstr(out, "Windows-1252"));
    assert_non_null(strstr(out, "line 7 (id A-1005): Email \"ana.souza@example\""));
    assert_non_null(strstr(out, "line 11 (id A-1001): ID \"A-1001\" was already used on line 2"));
    assert_non_null(strstr(out, "Columns not used: Notes (staff only)"));
    free(out);
    char *csv = support_read(rej, NULL);
    assert_non_null(csv);
    assert_non_null(strstr(csv, "carrier pigeon"));
    free(csv);
    assert_int_equal(support_admin(&out, "--db %s show A-1003", db), 0);
    assert_non_null(strstr(out, "Björn Åkesson"));
    assert_non_null(strstr(out, "Inspects bridges across three counties.\nLoves fieldwork."));
    free(out);
    /* the office channel shows no personal contact, and the phone number in
     * the export for a mentor who chose email is not kept */
    assert_int_equal(support_admin(&out, "--db %s show A-1008", db), 0);
    assert_non_null(strstr(out, "Reach by: Introduction by the career office\n"));
    assert_null(strstr(out, "example.org"));
    free(out);
    assert_int_equal(support_admin(&out, "--json --db %s show A-1001", db), 0);
    assert_null(strstr(out, "555-0121"));
    free(out);
}

static void test_refusal_and_rollback(void **state)
{
    (void)state;
    char *out;
    assert_int_equal(support_admin(&out, "--db %s import tests/fixtures/wrong_file.csv", db), 2);
    assert_non_null(strstr(out, "Refused: wrong_file.csv line 1: required columns are missing"));
    free(out);
    assert_int_equal(support_admin(&out, "--json --db %s stats", db), 0);
    assert_non_null(strstr(out, "\"mentors\":36"));
    free(out);
    assert_int_equal(support_admin(&out, "--db %s rollback", db), 0);
    assert_non_null(strstr(out, "160 mentors"));
    free(out);
    assert_int_equal(support_admin(&out, "--db %s rollback", db), 0);
    assert_non_null(strstr(out, "36 mentors"));
    free(out);
}

static void test_visitor_commands(void **state)
{
    (void)state;
    char *out, db2[1100];
    snprintf(db2, sizeof db2, "%s/sample.db", dir);
    assert_int_equal(support_admin(&out, "--json --db %s search jose", db2), 0);
    assert_non_null(strstr(out, "\"last_name\":\"García\""));
    free(out);
    assert_int_equal(support_admin(&out, "--db %s search --field Nursing --remote --limit 3", db2),
                     0);
    assert_non_null(strstr(out, "Nursing"));
    free(out);
    assert_int_equal(support_admin(&out, "--db %s search xyzzyq", db2), 0);
    assert_non_null(strstr(out, "No mentors match xyzzyq. Try fewer"));
    free(out);
    assert_int_equal(support_admin(NULL, "--db %s show NOPE", db2), 2);
    /* M1024 takes LinkedIn notes: the request is one, without asking */
    assert_int_equal(support_admin(&out, "--json --db %s message M1024 --short --name Sam", db2),
                     0);
    assert_non_null(strstr(out, "\"channel\":\"linkedin\""));
    assert_non_null(strstr(out, "\"limit\":200"));
    assert_non_null(strstr(out, "\"warnings\":[]"));
    free(out);
    /* M1001 takes email only: a LinkedIn note to them is refused, saying why */
    assert_int_equal(support_sh(&out, "%s --db %s message M1001 --channel linkedin 2>&1",
                                support_program("career-kiosk-admin"), db2),
                     2);
    assert_non_null(strstr(out, "M1001 asked to be reached by"));
    assert_non_null(strstr(out, "--channel email"));
    free(out);
    /* M1007 takes calls: a phone script for a phone call, with a callback */
    assert_int_equal(support_admin(&out, "--db %s message M1007 --name Sam", db2), 0);
    assert_non_null(strstr(out, "Opening:"));
    assert_non_null(strstr(out, "call me back at [your number]"));
    assert_non_null(strstr(out, "a phone call"));
    free(out);
    /* M1039 is reached through the office: the request asks it to introduce */
    assert_int_equal(support_admin(&out, "--db %s message M1039 --name Sam", db2), 0);
    assert_non_null(strstr(out, "Subject: Introduction request: Kai Nakamura"));
    assert_non_null(strstr(out, "Could you introduce me?"));
    assert_null(strstr(out, "Dear Kai"));
    free(out);
    /* unsigned: the note asks to be signed */
    assert_int_equal(support_admin(&out, "--json --db %s message M1001", db2), 0);
    assert_non_null(strstr(out, "\"code\":\"unsigned\""));
    free(out);
    assert_int_equal(support_admin(&out,
                                   "--json --db %s message M1001 --interest \"a job at your "
                                   "company\"",
                                   db2),
                     0);
    assert_non_null(strstr(out, "\"code\":\"asks-job\""));
    free(out);
    assert_int_equal(
        support_admin(&out, "--today 2026-11-22 --db %s sheet M1001 --minutes 30", db2), 0);
    assert_non_null(strstr(out, "Follow-up plan"));
    assert_non_null(strstr(out, "Tue 1 Dec 2026"));
    assert_non_null(strstr(out, "of your 30 minutes"));
    free(out);
    assert_int_equal(support_admin(&out, "--db %s questions --suggest M1001 --minutes 15", db2), 0);
    assert_non_null(strstr(out, "* suggested:"));
    free(out);
    assert_int_equal(support_admin(NULL, "--db %s message M1001 --minutes 25", db2), 2);
}

static void test_qr_outputs(void **state)
{
    (void)state;
    char *out;
    char db2[1100];
    snprintf(db2, sizeof db2, "%s/sample.db", dir);
    const char *svg = support_path(dir, "sheet.svg");
    assert_int_equal(support_admin(&out, "--db %s qr sheet M1002 --svg %s", db2, svg), 0);
    assert_non_null(strstr(out, "QR version"));
    free(out);
    char *img = support_read(svg, NULL);
    assert_non_null(img);
    assert_non_null(strstr(img, "<svg"));
    free(img);
    assert_int_equal(support_admin(&out, "--db %s qr contact M1002", db2), 0);
    assert_non_null(strstr(out, "\xe2\x96\x88")); /* block characters */
    assert_non_null(strstr(out, "Contact card"));
    free(out);
    assert_int_equal(support_admin(&out, "--db %s qr message M1002 --payload", db2), 0);
    assert_non_null(strstr(out, "mailto:"));
    free(out);
    assert_int_equal(support_admin(NULL, "--db %s qr poster M1002", db2), 2);
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_help_everywhere),
        cmocka_unit_test(test_first_use_creates_the_sample),
        cmocka_unit_test(test_messy_export_report),
        cmocka_unit_test(test_refusal_and_rollback),
        cmocka_unit_test(test_visitor_commands),
        cmocka_unit_test(test_qr_outputs),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
