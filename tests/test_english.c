/* Tests for app/core/english: articles by sound, possessives, and what
 * visitors type tidied into sentences. The cases are answers as visitors
 * type them on the kiosk (all small, all capitals, sentences) and titles
 * from real directories. */
#include "support.h"

#include "core/english.h"

#include <string.h>

typedef struct {
    const char *in, *want;
} Case;

static void test_articles_by_sound(void **state)
{
    (void)state;
    static const Case cases[] = {
        {"HR Partner", "an"},
        {"RN", "an"},
        {"UX Designer", "a"},
        {"U.S. Army veteran", "a"},
        {"MBA candidate", "an"},
        {"NGO program lead", "an"},
        {"FBI analyst", "an"},
        {"SQL developer", "an"},
        {"HTML author", "an"},
        {"NASA engineer", "a"},
        {"UNICEF officer", "a"},
        {"Engineering Manager", "an"},
        {"Mobile Developer", "a"},
        {"urban planner", "an"},
        {"Urologist", "a"},
        {"user researcher", "a"},
        {"undergraduate advisor", "an"},
        {"University Registrar", "a"},
        {"hour-long call", "an"},
        {"honest answer", "an"},
        {"historian", "a"},
        {"one-year fellowship", "a"},
        {"European policy advisor", "a"},
        {"Orthodontist", "an"},
        {"Interior Designer", "an"},
        {"8-week course", "an"},
        {"18-month rotation", "an"},
        {"12-week program", "a"},
        {"X-ray technician", "an"},
        {"IT Director", "an"},
        {"Actuary", "an"},
        {"Staff Attorney", "a"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        if (strcmp(english_article(cases[i].in), cases[i].want) != 0)
            fail_msg("\"%s\": \"%s\", not \"%s\"", cases[i].in, cases[i].want,
                     english_article(cases[i].in));
}

static void test_possessive_and_attributive(void **state)
{
    (void)state;
    char out[80];
    english_possessive("Career Services", out, sizeof out);
    assert_string_equal(out, "Career Services'");
    english_possessive("Career Center", out, sizeof out);
    assert_string_equal(out, "Career Center's");
    assert_string_equal(english_attributive("The New School"), "New School");
    assert_string_equal(english_attributive("Northfield University"), "Northfield University");
    assert_string_equal(english_attributive("Theodore College"), "Theodore College");
}

static void test_names_as_people_write_them(void **state)
{
    (void)state;
    static const Case cases[] = {
        {"nadia", "Nadia"},
        {"  sam ", "Sam"},
        {"NADIA", "Nadia"},
        {"o'brien", "O'Brien"},
        {"d’angelo", "D’Angelo"},
        {"mary-jane", "Mary-Jane"},
        {"McKenzie", "McKenzie"},
        {"DeShawn", "DeShawn"},
        {"jean luc", "Jean Luc"},
        {"søren", "Søren"},
        {"ÉLODIE", "Élodie"},
        {"łukasz", "Łukasz"},
        {"ليلى", "ليلى"},
        {"王伟", "王伟"},
        {"van der Berg", "van der Berg"},
        {"  eMMa  o'brien ", "Emma O'Brien"},
        {"maria da silva", "Maria da Silva"},
    };
    char out[64];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        english_tidy_name(cases[i].in, out, sizeof out);
        if (strcmp(out, cases[i].want) != 0)
            fail_msg("\"%s\": \"%s\", not \"%s\"", cases[i].in, cases[i].want, out);
    }
}

static void test_programs_as_titles(void **state)
{
    (void)state;
    static const Case cases[] = {
        {"POLITICAL SCIENCE", "Political Science"},
        {"political science", "Political Science"},
        {"history of art", "History of Art"},
        {"MBA", "MBA"},
        {"STEM EDUCATION", "STEM Education"},
        {"nursing (BSN)", "nursing (BSN)"}, /* mixed: as typed */
        {"NURSING (BSN)", "Nursing (BSN)"},
        {"pre-law", "Pre-Law"},
        {"Computer Science", "Computer Science"},
        {"economics and public policy", "Economics and Public Policy"},
        {"MPH", "MPH"},
        {"music therapy", "Music Therapy"},
        {"the arts", "The Arts"},
    };
    char out[96];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        english_tidy_title(cases[i].in, out, sizeof out);
        if (strcmp(out, cases[i].want) != 0)
            fail_msg("\"%s\": \"%s\", not \"%s\"", cases[i].in, cases[i].want, out);
    }
}

/* After "I am exploring ": never "I am exploring I want to be a lawyer". */
static void test_interests_as_phrases(void **state)
{
    (void)state;
    static const Case cases[] = {
        {"I want to be a lawyer", "becoming a lawyer"},
        {"i want to be a lawyer.", "becoming a lawyer"},
        {"I'd like to become a nurse", "becoming a nurse"},
        {"I want to work in film", "working in film"},
        {"to get into consulting", "getting into consulting"},
        {"I hope to move into product design!", "moving into product design"},
        {"I'm interested in public health", "public health"},
        {"interested in climate policy", "climate policy"},
        {"I'm curious about data journalism", "data journalism"},
        {"I am thinking about grad school", "grad school"},
        {"I want a career in sports medicine", "a career in sports medicine"},
        {"how to start a nonprofit", "starting a nonprofit"},
        {"I'm trying to plan my next step", "planning my next step"},
        {"I want to study abroad", "studying abroad"},
        {"I want to run a lab someday", "running a lab someday"},
        {"careers in public health", "careers in public health"},
        {"UX research", "UX research"},
        {"Python for biology", "Python for biology"},
        {"  how engineers work with musicians  ", "how engineers work with musicians"},
        {"I want to die laughing", "dying laughing"},
        {"I want to teach", "teaching"},
        {"I want to code", "coding"},
        {"I want to see how hospitals run", "seeing how hospitals run"},
        {"I want to be an nurse", "becoming a nurse"},
        {"i'd like to become a architect", "becoming an architect"},
        {"a HR career", "an HR career"},
    };
    char out[128];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        english_interest(cases[i].in, out, sizeof out);
        if (strcmp(out, cases[i].want) != 0)
            fail_msg("\"%s\": \"%s\", not \"%s\"", cases[i].in, cases[i].want, out);
    }
}

/* A directory's ';' list reads as a person writes one: "Speaks: English
 * and Japanese", never the raw "English; Japanese". */
static void test_lists_as_people_write_them(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"English", "English"},
        {"English; Japanese", "English and Japanese"},
        {"English;Spanish; Japanese", "English, Spanish, and Japanese"},
        {" English ;  ; Korean ;", "English and Korean"},
        {"a; b; c; d", "a, b, c, and d"},
        {"", ""},
        {" ; ", ""},
    };
    char out[128];
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        english_list(cases[i].in, out, sizeof out);
        if (strcmp(out, cases[i].want) != 0)
            fail_msg("\"%s\": \"%s\", not \"%s\"", cases[i].in, out, cases[i].want);
    }
    char small[12]; /* cut, never overrun */
    english_list("English; Japanese", small, sizeof small);
    assert_true(strlen(small) < sizeof small);
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_articles_by_sound),
        cmocka_unit_test(test_possessive_and_attributive),
        cmocka_unit_test(test_names_as_people_write_them),
        cmocka_unit_test(test_programs_as_titles),
        cmocka_unit_test(test_interests_as_phrases),
        cmocka_unit_test(test_lists_as_people_write_them),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
