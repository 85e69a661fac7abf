/* Tests for app/core/date. */
#include "support.h"

#include "core/date.h"

static void test_round_trip_and_weekday(void **state)
{
    (void)state;
    Date d = {2026, 11, 22};
    assert_int_equal(date_to_days((Date){1970, 1, 1}), 0);
    Date back = date_from_days(date_to_days(d));
    assert_int_equal(back.y, 2026);
    assert_int_equal(back.m, 11);
    assert_int_equal(back.d, 22);
    assert_int_equal(date_weekday(d), 6); /* a Sunday */
    assert_int_equal(date_weekday((Date){2024, 2, 29}), 3);
}

static void test_business_days(void **state)
{
    (void)state;
    Date fri = {2026, 11, 27};
    Date r = date_add_business_days(fri, 1);
    assert_int_equal(r.d, 30); /* Monday */
    r = date_add_business_days((Date){2026, 11, 22}, 7);
    assert_int_equal(r.m, 12);
    assert_int_equal(r.d, 1);
    r = date_add_days((Date){2026, 12, 31}, 1);
    assert_int_equal(r.y, 2027);
}

/* An office's open days: weekdays, less its closed days. */
static void test_open_days(void **state)
{
    (void)state;
    static const Date closed[] = {{2026, 11, 26}, {2026, 11, 27}}; /* Thanksgiving, the Friday */
    DateCalendar cal = {closed, 2};
    assert_false(date_open(&cal, (Date){2026, 11, 26}));
    assert_false(date_open(&cal, (Date){2026, 11, 28})); /* Saturday */
    assert_true(date_open(&cal, (Date){2026, 11, 25}));
    Date r = date_next_open(&cal, (Date){2026, 11, 26});
    assert_int_equal(r.m * 100 + r.d, 1130); /* the Monday after */
    r = date_next_open(&cal, (Date){2026, 11, 25});
    assert_int_equal(r.d, 25);
    r = date_next_open(NULL, (Date){2026, 11, 21}); /* a Saturday, no calendar */
    assert_int_equal(r.d, 23);
    r = date_add_open_days(&cal, (Date){2026, 11, 23}, 7); /* two days closed on the way */
    assert_int_equal(r.m * 100 + r.d, 1204);
    r = date_add_open_days(NULL, (Date){2026, 11, 23}, 7);
    assert_int_equal(r.m * 100 + r.d, 1202);
}

static void test_parse(void **state)
{
    (void)state;
    Date d;
    assert_true(date_parse("2026-03-31", &d));
    assert_int_equal(d.m, 3);
    assert_true(date_parse("3/31/2026", &d));
    assert_int_equal(d.d, 31);
    assert_true(date_parse("31.03.2026", &d));
    assert_int_equal(d.m, 3);
    assert_false(date_parse("2026-02-30", &d));
    assert_false(date_parse("2026-13-01", &d));
    assert_false(date_parse("2026-01-01x", &d));
    assert_false(date_parse("next week", &d));
    char s[32];
    date_human((Date){2026, 12, 1}, s, sizeof s);
    assert_string_equal(s, "Tue 1 Dec 2026");
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip_and_weekday),
        cmocka_unit_test(test_business_days),
        cmocka_unit_test(test_open_days),
        cmocka_unit_test(test_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
