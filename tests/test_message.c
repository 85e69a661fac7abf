/* Tests for app/core/message: limits, wording and the etiquette check. */
#include "support.h"

#include "core/message.h"
#include "core/text.h"
#include "fixture_visit.h"

static const Office office = {"Career Center", "Northfield University", "the front desk", ""};

static void test_golden_messages(void **state)
{
    (void)state;
    Mentor m = fixture_mentor();
    Visitor v = fixture_visitor();
    Message msg;
    char text[MESSAGE_BODY_MAX + MESSAGE_SUBJECT_MAX + 32];
    static const char *const files[CHANNEL_COUNT] = {
        "message_email.txt", "message_linkedin.txt", "message_phone.txt",
        "message_video.txt", "message_office.txt",   "message_thanks.txt"};
    /* each mentor as they asked to be reached on that channel */
    static const ContactVia via[CHANNEL_COUNT] = {VIA_EMAIL, VIA_LINKEDIN, VIA_PHONE,
                                                  VIA_VIDEO, VIA_OFFICE,   VIA_EMAIL};
    static const char *const contact[CHANNEL_COUNT] = {
        "jose.garcia@example.org", "https://www.linkedin.com/in/jose-garcia-example",
        "(617) 555-0100",          "https://meet.example.org/jose-garcia",
        "",                        "jose.garcia@example.org"};
    for (int c = 0; c < CHANNEL_COUNT; c++) {
        m.via = via[c];
        strcpy(m.contact, contact[c]);
        assert_int_equal(c == CHANNEL_THANKS ? CHANNEL_EMAIL : c, message_channel_for(&m));
        assert_true(message_compose((MessageChannel)c, &v, &m, &office, 300, &msg));
        snprintf(text, sizeof text, "Subject: %s\n\n%s\n", msg.subject, msg.body);
        support_golden(files[c], text);
    }
}

/* Every combination a visitor can choose, with long answers. */
static void test_limits_hold_for_every_choice(void **state)
{
    (void)state;
    Mentor m = fixture_mentor();
    Visitor v = fixture_visitor();
    Message msg;
    strcpy(v.program, "Environmental Engineering and Public Policy (joint degree)");
    strcpy(v.interest, "whether a research career in climate adaptation would suit me");
    strcpy(m.title, "Senior Director of Strategic Partnerships and Community Programs");
    for (int s = 0; s < STATUS_COUNT; s++)
        for (int f = 0; f < FOUND_COUNT; f++)
            for (int fm = 0; fm < FORMAT_COUNT; fm++) {
                v.status = (VisitorStatus)s;
                v.found_via = (FoundVia)f;
                v.format = (MeetFormat)fm;
                assert_true(message_compose(CHANNEL_EMAIL, &v, &m, &office, 0, &msg));
                assert_true(msg.words <= MESSAGE_EMAIL_WORDS);
                assert_true(*msg.subject);
                assert_non_null(strstr(msg.body, "20 minutes"));
                assert_int_equal(message_check(&msg, &v, &m), 0);
                assert_true(message_compose(CHANNEL_LINKEDIN, &v, &m, &office, 300, &msg));
                assert_true(text_chars(msg.body) <= 300);
                assert_true(message_compose(CHANNEL_LINKEDIN, &v, &m, &office, 200, &msg));
                assert_true(text_chars(msg.body) <= 200);
                assert_int_equal(message_check(&msg, &v, &m), 0);
                assert_true(message_compose(CHANNEL_PHONE, &v, &m, &office, 0, &msg));
                assert_non_null(strstr(msg.body, "José"));
                assert_int_equal(message_check(&msg, &v, &m), 0);
            }
}

static void test_says_who_why_and_not_a_job(void **state)
{
    (void)state;
    Mentor m = fixture_mentor();
    Visitor v = fixture_visitor();
    Message msg;
    message_compose(CHANNEL_EMAIL, &v, &m, &office, 0, &msg);
    assert_non_null(strstr(msg.body, "Sam"));
    assert_non_null(strstr(msg.body, "Biology"));
    assert_non_null(strstr(msg.body, "alumni directory"));
    assert_non_null(strstr(msg.body, "not asking for employment"));
    assert_non_null(strstr(msg.body, "an Engineering Manager"));
    /* "same major" is said only when it is true: a Biology student does
     * not share Physics */
    v.found_via = FOUND_MAJOR;
    message_compose(CHANNEL_EMAIL, &v, &m, &office, 0, &msg);
    assert_false(message_same_major(&v, &m));
    assert_null(strstr(msg.body, "background in"));
    assert_non_null(strstr(msg.body, "Northfield University"));
    strcpy(v.program, "physics");
    assert_true(message_same_major(&v, &m));
    message_compose(CHANNEL_EMAIL, &v, &m, &office, 0, &msg);
    assert_non_null(strstr(msg.body, "background in Physics"));
    strcpy(v.program, "Applied Physics");
    assert_true(message_same_major(&v, &m));
    strcpy(v.program, "Physical Therapy");
    assert_false(message_same_major(&v, &m));
    strcpy(v.program, "Biology");
    v.first_name[0] = '\0';
    message_compose(CHANNEL_EMAIL, &v, &m, &office, 0, &msg);
    assert_null(strstr(msg.body, "My name is"));
    assert_null(strstr(msg.body, "["));
}

static void test_etiquette_warnings(void **state)
{
    (void)state;
    Mentor m = fixture_mentor();
    Visitor v = fixture_visitor();
    Message msg;
    strcpy(v.interest, "getting a job at your company");
    message_compose(CHANNEL_EMAIL, &v, &m, &office, 0, &msg);
    assert_true(message_check(&msg, &v, &m) & WARN_ASKS_JOB);
    strcpy(v.interest, "a summer internship");
    message_compose(CHANNEL_EMAIL, &v, &m, &office, 0, &msg);
    assert_int_equal(message_check(&msg, &v, &m), WARN_ASKS_INTERNSHIP);
    strcpy(v.interest, "software, and whether you could review my résumé");
    message_compose(CHANNEL_EMAIL, &v, &m, &office, 0, &msg);
    assert_int_equal(message_check(&msg, &v, &m), WARN_ASKS_RESUME);
    strcpy(v.interest, "software careers");
    v.minutes = 0;
    message_compose(CHANNEL_EMAIL, &v, &m, &office, 0, &msg);
    assert_int_equal(message_check(&msg, &v, &m), WARN_NO_TIME);
    assert_non_null(strstr(msg.body, "a little time"));
    for (unsigned w = 1; w <= WARN_TOO_LONG; w <<= 1)
        assert_true(strlen(message_warning_text((MessageWarning)w)) > 20);
}

static void test_mentor_words_are_not_held_against_the_visitor(void **state)
{
    (void)state;
    Mentor m = fixture_mentor();
    Visitor v = fixture_visitor();
    Message msg;
    strcpy(m.title, "Internship Coordinator");
    strcpy(m.organization, "Hiring Solutions Group");
    message_compose(CHANNEL_EMAIL, &v, &m, &office, 0, &msg);
    assert_non_null(strstr(msg.body, "Internship Coordinator"));
    assert_int_equal(message_check(&msg, &v, &m), 0);
}

static void test_over_length_is_reported(void **state)
{
    (void)state;
    Mentor m = fixture_mentor();
    Visitor v = fixture_visitor();
    Message msg;
    message_compose(CHANNEL_LINKEDIN, &v, &m, &office, 200, &msg);
    msg.limit = 20; /* as if the visitor had written more than a short note allows */
    assert_true(message_check(&msg, &v, &m) & WARN_TOO_LONG);
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden_messages),
        cmocka_unit_test(test_limits_hold_for_every_choice),
        cmocka_unit_test(test_says_who_why_and_not_a_job),
        cmocka_unit_test(test_etiquette_warnings),
        cmocka_unit_test(test_mentor_words_are_not_held_against_the_visitor),
        cmocka_unit_test(test_over_length_is_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
