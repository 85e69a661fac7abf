/* Tests for app/core/question: the bank in assets and the suggestions. */
#include "support.h"

#include "fixture_visit.h"

static Question bank[QUESTION_MAX];
static int nbank;

static int setup(void **state)
{
    (void)state;
    nbank = fixture_bank(bank, QUESTION_MAX);
    return nbank > 0 ? 0 : -1;
}

static void test_bank_covers_every_category(void **state)
{
    (void)state;
    int per[QCAT_COUNT] = {0};
    assert_true(nbank >= 40);
    for (int i = 0; i < nbank; i++) {
        per[bank[i].category]++;
        assert_true(bank[i].minutes >= 1 && bank[i].minutes <= 10);
        assert_true(bank[i].tags != 0);
    }
    for (int c = 0; c < QCAT_COUNT; c++)
        assert_true(per[c] >= 3);
    /* the first closing question is the one that leads to the next person */
    for (int i = 0; i < nbank; i++)
        if (bank[i].category == QCAT_CLOSING) {
            assert_non_null(strstr(bank[i].text, "anyone else"));
            break;
        }
}

static void test_bank_never_asks_for_a_job_or_salary(void **state)
{
    (void)state;
    for (int i = 0; i < nbank; i++) {
        assert_null(strstr(bank[i].text, "salary"));
        assert_null(strstr(bank[i].text, "how much do you make"));
        assert_null(strstr(bank[i].text, "hire"));
        assert_null(strstr(bank[i].text, "job for me"));
    }
}

static void test_suggestion_fits_the_time(void **state)
{
    (void)state;
    size_t idx[64];
    for (int minutes = 15; minutes <= 30; minutes += 5)
        for (int s = 0; s < STATUS_COUNT; s++) {
            size_t k = question_suggest(bank, (size_t)nbank, (VisitorStatus)s, 2012, 2026, minutes,
                                        idx, 64);
            int used = question_minutes(bank, idx, k);
            assert_true(k >= 4);
            assert_true(used <= question_budget(minutes));
            assert_true(used >= question_budget(minutes) - 2); /* the time is well used */
            bool who_else = false;
            for (size_t i = 0; i < k; i++)
                who_else |= strstr(bank[idx[i]].text, "anyone else") != NULL;
            assert_true(who_else);
            for (size_t i = 1; i < k; i++) /* in category order */
                assert_true(bank[idx[i - 1]].category <= bank[idx[i]].category);
        }
}

static bool has_tag(const size_t *idx, size_t k, unsigned tag)
{
    for (size_t i = 0; i < k; i++)
        if (bank[idx[i]].tags & tag && !(bank[idx[i]].tags & QTAG_CORE))
            return true;
    return false;
}

static void test_suggestion_depends_on_visitor_and_mentor(void **state)
{
    (void)state;
    size_t a[64], b[64];
    size_t ka = question_suggest(bank, (size_t)nbank, STATUS_STUDENT, 2012, 2026, 30, a, 64);
    size_t kb = question_suggest(bank, (size_t)nbank, STATUS_CHANGER, 2012, 2026, 30, b, 64);
    assert_true(has_tag(a, ka, QTAG_STUDENT));
    assert_true(has_tag(b, kb, QTAG_CHANGER));
    assert_false(ka == kb && memcmp(a, b, ka * sizeof *a) == 0);
    ka = question_suggest(bank, (size_t)nbank, STATUS_ALUM, 2023, 2026, 30, a, 64);
    kb = question_suggest(bank, (size_t)nbank, STATUS_ALUM, 1985, 2026, 30, b, 64);
    assert_true(has_tag(a, ka, QTAG_EARLY));
    assert_false(has_tag(a, ka, QTAG_SENIOR));
    assert_true(has_tag(b, kb, QTAG_SENIOR));
}

static void test_bad_rows_are_explained(void **state)
{
    (void)state;
    Question q;
    char why[200];
    assert_false(question_from_fields("x1", "gossip", "2", "core", "Hi?", &q, why, sizeof why));
    assert_non_null(strstr(why, "category"));
    assert_false(question_from_fields("x1", "work", "0", "core", "Hi?", &q, why, sizeof why));
    assert_non_null(strstr(why, "minutes"));
    assert_false(question_from_fields("x1", "work", "2", "vip", "Hi?", &q, why, sizeof why));
    assert_non_null(strstr(why, "tags"));
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bank_covers_every_category),
        cmocka_unit_test(test_bank_never_asks_for_a_job_or_salary),
        cmocka_unit_test(test_suggestion_fits_the_time),
        cmocka_unit_test(test_suggestion_depends_on_visitor_and_mentor),
        cmocka_unit_test(test_bad_rows_are_explained),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
