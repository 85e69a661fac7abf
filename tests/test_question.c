/* Tests for app/core/question: the bank in assets and the suggestions. */
#include "support.h"

#include "core/text.h"
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

/* Veterans and graduate students get questions written for them; every
 * visitor is offered the give-back question; no two questions of the
 * bank ask the same thing in other words (a crude check: no two share
 * most of their words). */
static void test_sets_for_each_visitor(void **state)
{
    (void)state;
    size_t a[64];
    static const struct {
        VisitorStatus status;
        unsigned tag;
    } want[] = {{STATUS_VETERAN, QTAG_VETERAN}, {STATUS_GRAD_STUDENT, QTAG_GRAD}};
    for (size_t w = 0; w < sizeof want / sizeof *want; w++)
        for (int minutes = 20; minutes <= 30; minutes += 10) { /* the default and the longest */
            size_t k =
                question_suggest(bank, (size_t)nbank, want[w].status, 2012, 2026, minutes, a, 64);
            size_t own = 0;
            for (size_t i = 0; i < k; i++)
                own += (bank[a[i]].tags & want[w].tag) != 0;
            assert_true(own >= (minutes == 30 ? 4u : 2u));
        }
    for (int s = 0; s < STATUS_COUNT; s++) {
        size_t k = question_suggest(bank, (size_t)nbank, (VisitorStatus)s, 2012, 2026, 20, a, 64);
        bool giveback = false;
        for (size_t i = 0; i < k; i++)
            giveback |= (bank[a[i]].tags & QTAG_GIVEBACK) != 0;
        assert_true(giveback);
    }
    for (int i = 0; i < nbank; i++)
        for (int j = i + 1; j < nbank; j++) {
            char x[400], y[400];
            text_fold(bank[i].text, x, sizeof x);
            text_fold(bank[j].text, y, sizeof y);
            int shared = 0, words = 0;
            for (char *t = strtok(x, " ?,.:"); t; t = strtok(NULL, " ?,.:"))
                if (strlen(t) > 3) {
                    words++;
                    shared += text_has_phrase(y, t);
                }
            if (words >= 4 && shared * 10 >= words * 7)
                fail_msg("%s and %s ask nearly the same: \"%s\" / \"%s\"", bank[i].id, bank[j].id,
                         bank[i].text, bank[j].text);
        }
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
        cmocka_unit_test(test_sets_for_each_visitor),
        cmocka_unit_test(test_bad_rows_are_explained),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
