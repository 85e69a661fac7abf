/* Tests for visit/spell: a visitor's misspelt words get a correction to
 * offer, and what is not a misspelling (names, acronyms, numbers) is
 * left as typed. Needs Debian's hunspell-en-us (Build-Depends). */
#include "support.h"

#include "core/visitor.h"
#include "visit/spell.h"

static void test_dictionary_opens(void **state)
{
    (void)state;
    if (!spell_ready())
        fail_msg("hunspell or %s.dic could not be opened (install libhunspell-1.7-0 and "
                 "hunspell-en-us)",
                 SPELL_DICTIONARY);
}

/* The example, cut at its field's limit as the kiosk cuts it. */
static void test_the_accountant(void **state)
{
    (void)state;
    char out[VISITOR_TEXT_MAX + 1];
    const char *typed =
        "i have ben an acountant for 12 yeers and want to move into somthing with more";
    int n = spell_correct(typed, NULL, out, sizeof out, NULL, 0);
    assert_string_equal(out, "I have been an accountant for 12 years and want to move into "
                             "something with more");
    assert_int_equal(n, 5);
}

static void test_left_as_typed(void **state)
{
    (void)state;
    char out[200];
    static const char *const keep[] = {
        "data science at NASA",       /* an acronym */
        "working with McKenzie",      /* a capital inside: someone's spelling */
        "moving to Kestrel Robotics", /* names the dictionary lacks */
        "K12 teaching and 3D design", /* numbers */
        "public health, policy; and law!",
        "quokka ecology", /* hunspell's "quota" is no slip of the finger */
        "",
    };
    for (size_t i = 0; i < sizeof keep / sizeof *keep; i++) {
        int n = spell_correct(keep[i], NULL, out, sizeof out, NULL, 0);
        if (n != 0 || strcmp(out, keep[i]) != 0)
            fail_msg("\"%s\" came back as \"%s\" (%d changes)", keep[i], out, n);
    }
}

static void test_punctuation_and_case_kept(void **state)
{
    (void)state;
    char out[200];
    assert_int_equal(
        spell_correct("I'm interested in enviromental law.", NULL, out, sizeof out, NULL, 0), 1);
    assert_string_equal(out, "I'm interested in environmental law.");
}

/* The words changed are listed; the ones the visitor kept stay. */
static void test_kept_words_stay(void **state)
{
    (void)state;
    char out[200], changed[200];
    assert_int_equal(
        spell_correct("my nieche is teh law", NULL, out, sizeof out, changed, sizeof changed), 2);
    assert_string_equal(changed, "nieche teh");
    assert_int_equal(
        spell_correct("my nieche is teh law", " nieche", out, sizeof out, changed, sizeof changed),
        1);
    assert_string_equal(out, "my nieche is the law");
    assert_string_equal(changed, "teh");
}

/* A correction that would not fit the field is not offered: accepting it
 * must never cut the visitor's words. */
static void test_no_offer_that_does_not_fit(void **state)
{
    (void)state;
    char out[12];
    assert_int_equal(spell_correct("somthing xx", NULL, out, sizeof out, NULL, 0), 0);
    assert_string_equal(out, "somthing xx");
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dictionary_opens), cmocka_unit_test(test_the_accountant),
        cmocka_unit_test(test_left_as_typed),    cmocka_unit_test(test_punctuation_and_case_kept),
        cmocka_unit_test(test_kept_words_stay),  cmocka_unit_test(test_no_offer_that_does_not_fit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
