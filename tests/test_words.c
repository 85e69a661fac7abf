/* Tests for core/words (stems, the typo budget and distance) and
 * core/synonym (one row of the synonym table). */
#include "support.h"

#include "core/synonym.h"
#include "core/words.h"

static size_t stem(const char *w, char *out)
{
    return words_stem(w, strlen(w), out, WORDS_MAX + 1);
}

static void test_stems(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"nurses", "nurs"},       {"nurse", "nurs"},
        {"nursing", "nurs"},      {"teaching", "teach"},
        {"teachers", "teach"},    {"attorneys", "attorney"},
        {"companies", "compan"},  {"architects", "architect"},
        {"economist", "econom"},  {"business", "business"},
        {"engineer", "engineer"}, {"employee", "employee"},
        {"arts", "arts"},         {"data", "data"},
        {"k12s", "k12s"},         {"communications", "communic"}};
    char out[WORDS_MAX + 1];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = stem(cases[i][0], out);
        if (strcmp(out, cases[i][1]) != 0)
            fail_msg("stem of %s is %s, not %s", cases[i][0], out, cases[i][1]);
        assert_int_equal(n, strlen(cases[i][1]));
        /* a stem is always the start of its word: it finds the word */
        assert_int_equal(strncmp(cases[i][0], out, n), 0);
    }
    /* never cut to fewer than four letters */
    stem("ideas", out);
    assert_true(strlen(out) >= 4);
    /* and never past the buffer */
    char small[4];
    assert_int_equal(words_stem("teaching", 8, small, sizeof small), 3);
    assert_string_equal(small, "tea");
}

static int dist(const char *a, const char *b, int max)
{
    return words_distance(a, strlen(a), b, strlen(b), max);
}

static void test_distance(void **state)
{
    (void)state;
    assert_int_equal(words_typo_budget(4), 0);
    assert_int_equal(words_typo_budget(5), 1);
    assert_int_equal(words_typo_budget(8), 1);
    assert_int_equal(words_typo_budget(9), 2);
    assert_int_equal(dist("developer", "developer", 2), 0);
    assert_int_equal(dist("develper", "developer", 2), 1);    /* a letter left out */
    assert_int_equal(dist("journalsim", "journalism", 2), 1); /* two letters swapped */
    assert_int_equal(dist("enginer", "engineer", 1), 1);
    assert_int_equal(dist("nurce", "nurse", 1), 1);   /* one wrong */
    assert_int_equal(dist("murse", "nurse", 2), 2);   /* the first letter costs two */
    assert_int_equal(dist("murse", "nurse", 1), 2);   /* past max: max + 1 */
    assert_int_equal(dist("xyz", "developer", 2), 3); /* far apart, cut off early */
    assert_int_equal(dist("epidmiologsit", "epidemiologist", 2), 2);
    /* words longer than any kept are never close */
    char longw[WORDS_MAX + 10];
    memset(longw, 'a', sizeof longw - 1);
    longw[sizeof longw - 1] = '\0';
    assert_int_equal(dist(longw, longw, 2), 3);
}

static void test_synonym_rows(void **state)
{
    (void)state;
    Synonym y;
    char why[200];
    assert_true(
        synonym_from_fields(" surgeon ", "physician; surgery", "Healthcare", &y, why, sizeof why));
    assert_string_equal(y.term, "surgeon");
    assert_string_equal(y.means, "physician; surgery");
    assert_true(synonym_from_fields("machine learning", "ml", "", &y, why, sizeof why));
    assert_false(synonym_from_fields("", "x", "", &y, why, sizeof why));
    assert_non_null(strstr(why, "column term: empty"));
    assert_false(synonym_from_fields("nurse", "  ", "", &y, why, sizeof why));
    assert_non_null(strstr(why, "column means: empty"));
    assert_false(synonym_from_fields("nurse", "rn;;np", "", &y, why, sizeof why));
    assert_non_null(strstr(why, "empty item"));
    assert_false(synonym_from_fields("one two three four", "x", "", &y, why, sizeof why));
    assert_non_null(strstr(why, "more than 3 words"));
    assert_false(synonym_from_fields("caf\xe9", "x", "", &y, why, sizeof why));
    assert_non_null(strstr(why, "not UTF-8"));
    char big[SYNONYM_MEANS_MAX + 10];
    memset(big, 'm', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_false(synonym_from_fields("nurse", big, "", &y, why, sizeof why));
    assert_non_null(strstr(why, "column means: longer than"));
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stems),
        cmocka_unit_test(test_distance),
        cmocka_unit_test(test_synonym_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
