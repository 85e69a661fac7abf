/* Tests for app/core/visitor: names of choices, and wiping answers. */
#include "support.h"

#include "core/visitor.h"

static void test_wipe_zeroes_everything(void **state)
{
    (void)state;
    Visitor v;
    visitor_init(&v);
    strcpy(v.first_name, "Sam");
    strcpy(v.program, "Biology");
    strcpy(v.interest, "marine research");
    v.minutes = 30;
    visitor_wipe(&v);
    const unsigned char *p = (const unsigned char *)&v;
    for (size_t i = 0; i < sizeof v; i++)
        assert_int_equal(p[i], 0);
}

static void test_names_parse_back(void **state)
{
    (void)state;
    for (int s = 0; s < STATUS_COUNT; s++) {
        VisitorStatus out;
        assert_true(visitor_status_parse(visitor_status_name((VisitorStatus)s), &out));
        assert_int_equal(out, s);
        assert_true(visitor_status_parse(visitor_status_label((VisitorStatus)s), &out));
        assert_int_equal(out, s);
    }
    MeetFormat f;
    assert_true(visitor_format_parse("In person", &f));
    assert_int_equal(f, FORMAT_IN_PERSON);
    FoundVia via;
    assert_false(visitor_found_parse("a friend", &via));
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wipe_zeroes_everything),
        cmocka_unit_test(test_names_parse_back),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
