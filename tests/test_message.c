/* Tests for app/core/message: limits, wording and the etiquette check. */
#include "support.h"

#include "core/english.h"
#include "core/message.h"
#include "core/text.h"
#include "fixture_visit.h"

static const Office office = {.name = "Career Center",
                              .school = "Northfield University",
                              .contact = "the front desk",
                              .logo = ""};

static void test_golden_messages(void **state)
{
    (void)state;
    Mentor m = fixture_mentor();
    Visitor v = fixture_visitor();
    Message msg;
    char text[MESSAGE_BODY_MAX + MESSAGE_SUBJECT_MAX + 32];
    static const char *const files[CHANNEL_COUNT] = {"message_email.txt",  "message_linkedin.txt",
                                                     "message_phone.txt",  "message_video.txt",
                                                     "message_office.txt", "message_thanks.txt"};
    /* each mentor as they asked to be reached on that channel */
    static const ContactVia via[CHANNEL_COUNT] = {VIA_EMAIL, VIA_LINKEDIN, VIA_PHONE,
                                                  VIA_VIDEO, VIA_OFFICE,   VIA_EMAIL};
    static const char *const contact[CHANNEL_COUNT] = {
        "jose.garcia@example.org",
        "https://www.linkedin.com/in/jose-garcia-example",
        "(617) 555-0100",
        "https://meet.example.org/jose-garcia",
        "",
        "jose.garcia@example.org"};
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

/* What visitors really type, in every channel to mentors with real
 * titles: the sentences hold together. */
static void test_typed_answers_read_right(void **state)
{
    (void)state;
    static const char *const typed[][3] = {
        /* name, program, interest */
        {"nadia", "POLITICAL SCIENCE", "I want to be a lawyer"},
        {"SAM", "music therapy", "I'm interested in hospital music programs."},
        {"o'brien", "history of art", "how museums hire curators"},
        {"Priya", "MBA", "I would like to move into product management"},
        {"jamal", "nursing", "to get into travel nursing"},
        {"", "", ""},
        {"Wei", "Computer Science", "I want a career in game design"},
        {"lucía", "economics and public policy", "interested in development banks"},
        {"ALEX", "STEM EDUCATION", "I hope to teach high school physics!"},
        {"d'angelo", "pre-law", "I'm curious about public defenders"},
    };
    static const char *const roles[][2] = {
        {"HR Business Partner", "Lumen Health"}, {"RN, Pediatric ICU", "Saint Brigid Hospital"},
        {"UX Researcher", "Fernwood Labs"},      {"Urban Planner", "City of Lakeport"},
        {"Economist", "Federal Reserve Bank"},   {"Software Engineer", "Copperline Software"},
        {"Orthodontist", "Bright Smile Dental"}, {"One-Year Fellow", "Civic Tech Corps"},
    };
    static const ContactVia vias[] = {VIA_EMAIL, VIA_LINKEDIN, VIA_PHONE, VIA_VIDEO, VIA_OFFICE};
    static const char *const wrong[] = {"exploring I ",
                                        "exploring i ",
                                        "exploring to ",
                                        "a HR",
                                        "a RN",
                                        "an UX",
                                        "a Urban",
                                        "a Economist",
                                        "an Software",
                                        "a Orthodontist",
                                        "an One",
                                        "the The ",
                                        "'s's",
                                        "exploring interested",
                                        "..",
                                        " ,",
                                        "My name is nadia",
                                        "Hi nadia",
                                        "a An ",
                                        "  "};
    Office schools[2] = {
        office,
        {.name = "Career Services", .school = "The New School", .contact = "careers@example.edu"}};
    Message msg;
    for (size_t s = 0; s < 2; s++)
        for (size_t t = 0; t < sizeof typed / sizeof *typed; t++)
            for (size_t r = 0; r < sizeof roles / sizeof *roles; r++)
                for (size_t c = 0; c < sizeof vias / sizeof *vias; c++) {
                    Mentor m = fixture_mentor();
                    Visitor v = fixture_visitor();
                    strcpy(v.first_name, typed[t][0]);
                    strcpy(v.program, typed[t][1]);
                    strcpy(v.interest, typed[t][2]);
                    strcpy(m.title, roles[r][0]);
                    strcpy(m.organization, roles[r][1]);
                    m.via = vias[c];
                    MessageChannel ch = message_channel_for(&m);
                    assert_true(message_compose(ch, &v, &m, &schools[s], 300, &msg));
                    /* our own wording never trips the etiquette check */
                    unsigned warn = message_check(&msg, &v, &m) & ~(unsigned)WARN_UNSIGNED;
                    if (warn)
                        fail_msg("our %s to a %s warns %s:\n%s", message_channel_name(ch),
                                 roles[r][0], message_warning_name((MessageWarning)warn), msg.body);
                    for (size_t w = 0; w < sizeof wrong / sizeof *wrong; w++)
                        if (strstr(msg.body, wrong[w]) || strstr(msg.subject, wrong[w]))
                            fail_msg("\"%s\" in the %s to a %s from %s/%s/%s:\n%s", wrong[w],
                                     message_channel_name(ch), roles[r][0], typed[t][0],
                                     typed[t][1], typed[t][2], msg.body);
                    /* the school at most once in the body (once in each of the
                     * phone's two scripts, the call and the voicemail) */
                    const char *school = schools[s].school, *at = msg.body;
                    int times = 0;
                    while ((at = strstr(at, english_attributive(school))) != NULL)
                        times++, at++;
                    if (times > (ch == CHANNEL_PHONE ? 2 : 1))
                        fail_msg("%s named %d times in the %s:\n%s", school, times,
                                 message_channel_name(ch), msg.body);
                }
}

/* A 200-character note uses its room: it leaves out the least needed
 * parts first and keeps the visitor's name and interest while they fit. */
static void test_short_note_uses_its_room(void **state)
{
    (void)state;
    Mentor m = fixture_mentor();
    Visitor v = fixture_visitor();
    Message msg;
    strcpy(v.first_name, "Nadia");
    strcpy(v.program, "music therapy");
    strcpy(v.interest, "how engineers work with musicians");
    for (int s = 0; s < STATUS_COUNT; s++) {
        v.status = (VisitorStatus)s;
        assert_true(message_compose(CHANNEL_LINKEDIN, &v, &m, &office, 200, &msg));
        assert_true(msg.chars <= 200);
        assert_non_null(strstr(msg.body, "Nadia"));
        assert_non_null(strstr(msg.body, "engineers work with musicians"));
        /* and what is left out would not have fitted */
        assert_true(msg.chars > 140);
    }
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
        cmocka_unit_test(test_typed_answers_read_right),
        cmocka_unit_test(test_short_note_uses_its_room),
        cmocka_unit_test(test_etiquette_warnings),
        cmocka_unit_test(test_mentor_words_are_not_held_against_the_visitor),
        cmocka_unit_test(test_over_length_is_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
