/* Tests for app/core/mentor: export columns and row validation. */
#include "support.h"

#include "core/mentor.h"

#include <stdio.h>
#include <string.h>

static void fill(const char *v[MF_COUNT])
{
    memset(v, 0, sizeof(const char *) * MF_COUNT);
    v[MF_ID] = "M1";
    v[MF_FIRST_NAME] = "Ana";
    v[MF_LAST_NAME] = "Costa";
    v[MF_TITLE] = "Analyst";
    v[MF_ORGANIZATION] = "Example Org";
    v[MF_FIELD] = "Finance";
    v[MF_GRAD_YEAR] = "2015";
    v[MF_CONTACT_VIA] = "email";
    v[MF_EMAIL] = "ana.costa@example.org";
    v[MF_PHONE] = "(312) 555-0100";
}

static void test_heading_aliases(void **state)
{
    (void)state;
    assert_int_equal(mentor_field_lookup("First Name"), MF_FIRST_NAME);
    assert_int_equal(mentor_field_lookup("  E-mail "), MF_EMAIL);
    assert_int_equal(mentor_field_lookup("Grad Year"), MF_GRAD_YEAR);
    assert_int_equal(mentor_field_lookup("COMPANY"), MF_ORGANIZATION);
    assert_int_equal(mentor_field_lookup("Preferred contact"), MF_CONTACT_VIA);
    assert_int_equal(mentor_field_lookup("Favourite colour"), -1);
}

static void test_good_row_keeps_only_agreed_channel(void **state)
{
    (void)state;
    const char *v[MF_COUNT];
    Mentor m;
    MentorError e;
    fill(v);
    v[MF_TOPICS] = "a, b ;c|d";
    assert_true(mentor_from_fields(v, 2026, &m, &e));
    assert_int_equal(m.via, VIA_EMAIL);
    assert_string_equal(m.contact, "ana.costa@example.org");
    assert_null(strstr((const char *)&m, "555-0100")); /* the phone is not kept */
    assert_string_equal(m.topics, "a; b; c; d");
    assert_string_equal(m.languages, "English");
    assert_true(m.accepting);
    assert_int_equal(m.monthly_cap, MENTOR_DEFAULT_CAP);
}

static void expect_reject(const char *v[MF_COUNT], MentorField field, const char *why)
{
    Mentor m;
    MentorError e;
    assert_false(mentor_from_fields(v, 2026, &m, &e));
    assert_int_equal(e.field, field);
    if (!strstr(e.reason, why))
        fail_msg("reason \"%s\" does not mention \"%s\"", e.reason, why);
}

static void test_rejections_name_field_and_reason(void **state)
{
    (void)state;
    const char *v[MF_COUNT];
    fill(v);
    v[MF_LAST_NAME] = "";
    expect_reject(v, MF_LAST_NAME, "required");
    fill(v);
    v[MF_EMAIL] = "ana.costa@example";
    expect_reject(v, MF_EMAIL, "not a valid address");
    fill(v);
    v[MF_GRAD_YEAR] = "1890";
    expect_reject(v, MF_GRAD_YEAR, "between 1940");
    fill(v);
    v[MF_GRAD_YEAR] = "2031";
    expect_reject(v, MF_GRAD_YEAR, "between 1940");
    /* a spreadsheet's forms of a year are no year, not "too long" */
    static const char *const forms[] = {"'09", "'2009", "2,009", "09", "2009 ", "class of 2009"};
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
        char want[80];
        fill(v);
        v[MF_GRAD_YEAR] = forms[i];
        snprintf(want, sizeof want, "Grad year \"%s\" is not a year: write it as four digits",
                 forms[i]);
        expect_reject(v, MF_GRAD_YEAR, want);
    }
    fill(v);
    v[MF_CONTACT_VIA] = "carrier pigeon";
    expect_reject(v, MF_CONTACT_VIA, "not one of");
    fill(v);
    v[MF_CONTACT_VIA] = "LinkedIn";
    expect_reject(v, MF_LINKEDIN, "agreed to be reached by linkedin");
    fill(v);
    char big[2000];
    memset(big, 'b', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    v[MF_BIO] = big;
    expect_reject(v, MF_BIO, "too long");
    fill(v);
    v[MF_TITLE] = "Analyst \xC3";
    expect_reject(v, MF_TITLE, "UTF-8");
    fill(v);
    v[MF_ACCEPTING] = "perhaps";
    expect_reject(v, MF_ACCEPTING, "yes or no");
    /* letters lost by a save in the wrong encoding: "?" or U+FFFD */
    fill(v);
    v[MF_FIRST_NAME] = "Jos?";
    expect_reject(v, MF_FIRST_NAME, "CSV UTF-8");
    fill(v);
    v[MF_LAST_NAME] = "Garc\xEF\xBF\xBD" "a";
    expect_reject(v, MF_LAST_NAME, "where a letter should be");
    fill(v);
    v[MF_BIO] = "Curious about finance? Ask me."; /* a bio may ask */
    const char *ok[MF_COUNT];
    memcpy(ok, v, sizeof ok);
    Mentor m;
    MentorError e;
    assert_true(mentor_from_fields(ok, 2026, &m, &e));
}

static void test_channel_checks(void **state)
{
    (void)state;
    assert_true(mentor_email_valid("a.b+c@sub.example.org"));
    assert_false(mentor_email_valid("a@b@example.org"));
    assert_false(mentor_email_valid("a b@example.org"));
    assert_true(mentor_phone_valid("+1 (312) 555-0100 x12"));
    assert_false(mentor_phone_valid("555"));
    assert_false(mentor_phone_valid("call me"));
    assert_true(mentor_url_valid("https://www.linkedin.com/in/example"));
    assert_false(mentor_url_valid("javascript:alert(1)"));
    ContactVia v;
    assert_true(mentor_via_parse("Career Office", &v));
    assert_int_equal(v, VIA_OFFICE);
}

static void test_office_channel_needs_no_contact(void **state)
{
    (void)state;
    const char *v[MF_COUNT];
    Mentor m;
    MentorError e;
    fill(v);
    v[MF_CONTACT_VIA] = "career office";
    assert_true(mentor_from_fields(v, 2026, &m, &e));
    assert_int_equal(m.via, VIA_OFFICE);
    assert_string_equal(m.contact, "");
}

/* A name written in Chinese, Japanese or Korean reads family name first,
 * without a space; every other name given name first. */
static void test_full_names_in_their_order(void **state)
{
    (void)state;
    static const char *const names[][3] = {
        {"伟", "王", "王伟"},          {"美咲", "佐藤", "佐藤美咲"},
        {"민준", "김", "김민준"},      {"José", "García", "José García"},
        {"ليلى", "حداد", "ليلى حداد"}, {"Wei", "Wang", "Wei Wang"},
        {"伟", "Wang", "伟 Wang"},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        Mentor m = {0};
        char out[2 * MENTOR_NAME_MAX + 2];
        strcpy(m.first_name, names[i][0]);
        strcpy(m.last_name, names[i][1]);
        mentor_full_name(&m, out, sizeof out);
        assert_string_equal(out, names[i][2]);
    }
    /* shown with the mentor's own Latin spelling, only for another script */
    Mentor m = {0};
    char out[400];
    strcpy(m.first_name, "ليلى");
    strcpy(m.last_name, "حداد");
    strcpy(m.name_latin, "Layla Haddad");
    mentor_shown_name(&m, out, sizeof out);
    assert_string_equal(out, "ليلى حداد (Layla Haddad)");
    strcpy(m.first_name, "José");
    strcpy(m.last_name, "García");
    strcpy(m.name_latin, "Jose Garcia");
    mentor_shown_name(&m, out, sizeof out);
    assert_string_equal(out, "José García");
    strcpy(m.first_name, "Ольга");
    strcpy(m.last_name, "Смирнова");
    m.name_latin[0] = '\0';
    mentor_shown_name(&m, out, sizeof out);
    assert_string_equal(out, "Ольга Смирнова");
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_heading_aliases),
        cmocka_unit_test(test_good_row_keeps_only_agreed_channel),
        cmocka_unit_test(test_rejections_name_field_and_reason),
        cmocka_unit_test(test_channel_checks),
        cmocka_unit_test(test_office_channel_needs_no_contact),
        cmocka_unit_test(test_full_names_in_their_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
