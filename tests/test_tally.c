/* Tests for app/core/tally: the stats files a kiosk writes, read back for
 * stats-merge; every kind of bad field named by line and column. */
#include "support.h"

#include "core/tally.h"

typedef struct {
    TallyRow row[8];
    int n;
} Rows;

static void keep(void *ctx, const TallyRow *r)
{
    Rows *rows = ctx;
    if (rows->n < 8)
        rows->row[rows->n++] = *r;
}

static int read_text(const char *text, TallyKind *kind, Rows *rows, char *err)
{
    memset(rows, 0, sizeof *rows);
    return tally_read(text, strlen(text), kind, keep, rows, err, 300);
}

static void test_the_three_kinds(void **state)
{
    (void)state;
    Rows r;
    TallyKind k;
    char err[300];
    assert_int_equal(
        read_text("day,sessions,sheets_shown,sheets_printed\r\n2026-11-22,7,3,1\r\n", &k, &r, err),
        1);
    assert_int_equal(k, TALLY_DAYS);
    assert_string_equal(r.row[0].key, "2026-11-22");
    assert_int_equal(r.row[0].n[0], 7);
    assert_int_equal(r.row[0].n[2], 1);
    assert_int_equal(read_text("month,mentor_id,mentor_name,organization,referrals\r\n"
                               "2026-11,M1,\"Ana Flores\",\"Lakeside, Inc.\",3\r\n",
                               &k, &r, err),
                     1);
    assert_int_equal(k, TALLY_REFERRALS);
    assert_string_equal(r.row[0].what, "M1");
    assert_string_equal(r.row[0].org, "Lakeside, Inc.");
    assert_int_equal(r.row[0].n[0], 3);
    assert_int_equal(read_text("month,wanted_field,searches_finding_nobody,mentors_in_field\n"
                               "2026-11,Healthcare,2,14\n2026-11,not recognised,5,\n",
                               &k, &r, err),
                     2);
    assert_int_equal(k, TALLY_NOBODY);
    assert_int_equal(r.row[0].n[1], 14);
    assert_int_equal(r.row[0].n[2], 1);
    assert_int_equal(r.row[1].n[2], 0);
}

static void test_bad_fields_named(void **state)
{
    (void)state;
    Rows r;
    TallyKind k;
    char err[300];
    static const struct {
        const char *text, *why;
    } bad[] = {
        {"", "the file is empty"},
        {"name,visits\n", "the header on line 1 is not one a kiosk writes"},
        {"day,sessions,sheets_shown,sheets_printed\n2026-11-22,7,3\n",
         "line 2, column day: 3 fields where there should be 4"},
        {"day,sessions,sheets_shown,sheets_printed\n2026-13-01,7,3,1\n",
         "line 2, column day: not a day like 2026-11-22"},
        {"day,sessions,sheets_shown,sheets_printed\n\n\n2026-11-22,-7,3,1\n",
         "line 4, column sessions: not a count"},
        {"day,sessions,sheets_shown,sheets_printed\n2026-11-22,7,3,99999999999\n",
         "line 2, column sheets_printed: not a count"},
        {"month,mentor_id,mentor_name,organization,referrals\n2026-11,,Ana,Org,1\n",
         "line 2, column mentor_id: empty"},
        {"month,mentor_id,mentor_name,organization,referrals\n2026-11,M1,\"A\x01\",Org,1\n",
         "line 2, column mentor_name: not text"},
        {"month,mentor_id,mentor_name,organization,referrals\n2026-11,M1,\"Ana\n",
         "line 2, column month: the row is damaged"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        err[0] = '\0';
        assert_int_equal(read_text(bad[i].text, &k, &r, err), -1);
        if (!strstr(err, bad[i].why))
            fail_msg("case %zu: \"%s\" does not say \"%s\"", i, err, bad[i].why);
    }
}

static void test_names(void **state)
{
    (void)state;
    char id[64], day[11];
    TallyKind k;
    assert_true(tally_split_name("lib-2nd-floor-2026-11-22-stats.csv", id, sizeof id, day));
    assert_string_equal(id, "lib-2nd-floor");
    assert_string_equal(day, "2026-11-22");
    assert_true(tally_kind_of_name("x-2026-11-22-nobody-found.csv", &k));
    assert_int_equal(k, TALLY_NOBODY);
    assert_false(tally_split_name("2026-11-22-stats.csv", id, sizeof id, day));
    assert_false(tally_split_name("lib-1-2026-11-99-stats.csv", id, sizeof id, day));
    assert_false(tally_split_name("lib-1-2026-11-22-stale.csv", id, sizeof id, day));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_three_kinds),
        cmocka_unit_test(test_bad_fields_named),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
