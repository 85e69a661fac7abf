/* Tests for app/kiosk/session and view: a fresh session's defaults, a
 * wipe that leaves no byte of the visitor behind, and the intents the
 * screens post, in order. */
#include "support.h"

#include "fixture_visit.h"
#include "kiosk/session.h"
#include "kiosk/view.h"

#include <stdlib.h>
#include <string.h>

static void test_fresh_session_defaults(void **state)
{
    (void)state;
    Session *s = calloc(1, sizeof *s);
    assert_non_null(s);
    memset(s, 0x5A, sizeof *s); /* whatever was there before */
    session_init(s);
    assert_int_equal(s->field, -1);
    assert_int_equal(s->via, -1);
    assert_int_equal(s->language, -1);
    assert_true(s->accepting_only);
    assert_false(s->remote_only);
    assert_int_equal(s->channel, CHANNEL_EMAIL);
    assert_int_equal(s->nhits, 0);
    assert_string_equal(s->query, "");
    assert_string_equal(s->visitor.first_name, "");
    assert_false(s->takeaway_ready);
    assert_int_equal(s->printing, PRINTING_IDLE);
    free(s);
}

/* True when the bytes of needle are anywhere in the n bytes at hay. */
static bool holds(const void *hay, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    const unsigned char *p = hay;
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(p + i, needle, k) == 0)
            return true;
    return false;
}

static void test_wipe_leaves_nothing_of_the_visitor(void **state)
{
    (void)state;
    static Question bank[QUESTION_MAX];
    int nbank = fixture_bank(bank, QUESTION_MAX);
    static const Office office = {
        .name = "Career Center", .school = "Northfield University", .contact = "", .logo = ""};
    Session *s = calloc(1, sizeof *s);
    assert_non_null(s);
    session_init(s);
    strcpy(s->visitor.first_name, "Zephyrine");
    strcpy(s->visitor.program, "Glassblowing");
    strcpy(s->visitor.interest, "quokka conservation");
    strcpy(s->query, "quokka");
    strcpy(s->searched, "quokka|-1|-1|-1|0|1");
    s->mentor = fixture_mentor();
    s->hits[0] = s->mentor;
    s->nhits = 1;
    VisitInput in = {&s->visitor,
                     &s->mentor,
                     {CHANNEL_EMAIL, MESSAGE_LINKEDIN_CHARS, NULL, 0},
                     bank,
                     nbank,
                     &office,
                     {2026, 11, 22},
                     1795342500,
                     {0},
                     0,
                     10 * 60 + 15};
    visit_build(&s->visit, &in);
    s->takeaway_ready = true;
    /* the words are in the session, in the messages, the sheet and the codes */
    assert_true(holds(s, sizeof *s, "Zephyrine"));
    assert_non_null(strstr(s->visit.request.body, "Zephyrine"));
    assert_non_null(strstr(s->visit.takeaway.payload[TAKE_MESSAGE], "Zephyrine"));
    session_wipe(s);
    const char *words[] = {"Zephyrine", "Glassblowing", "quokka", "José", "García"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (holds(s, sizeof *s, words[i]))
            fail_msg("\"%s\" is still in the session after the wipe", words[i]);
    assert_false(s->takeaway_ready);
    assert_null(s->visit.takeaway.code[TAKE_SHEET].module);
    assert_int_equal(s->field, -1); /* and it is a fresh session again */
    free(s);
}

static void test_intents_keep_their_order(void **state)
{
    (void)state;
    View v;
    memset(&v, 0, sizeof v);
    view_post(&v, INTENT_STAFF_KEY, '1');
    view_post(&v, INTENT_STAFF_KEY, '2');
    view_post(&v, INTENT_STAFF_KEY, '\r');
    view_post(&v, INTENT_GO, SCREEN_QUESTIONS);
    assert_int_equal(v.nintents, 4);
    assert_int_equal(v.intent[0].arg, '1');
    assert_int_equal(v.intent[2].arg, '\r');
    assert_int_equal(v.intent[3].kind, INTENT_GO);
    assert_int_equal(v.intent[3].arg, SCREEN_QUESTIONS);
    /* more than a pass may post: the rest are dropped, never written past the end */
    for (int i = 0; i < 2 * VIEW_INTENTS; i++)
        view_post(&v, INTENT_COMPOSE, i);
    assert_int_equal(v.nintents, VIEW_INTENTS);
    /* a fresh visitor's view state */
    v.picking = 2;
    v.qr_tab = 3;
    v.confirm_restart = true;
    view_reset(&v);
    assert_int_equal(v.picking, 0);
    assert_int_equal(v.qr_tab, 0);
    assert_false(v.confirm_restart);
}

static void test_step_names_round_trip(void **state)
{
    (void)state;
    for (int i = 0; i < SCREEN_COUNT; i++) {
        ScreenId back;
        assert_true(view_step_parse(view_step_name((ScreenId)i), &back));
        assert_int_equal(back, i);
    }
    ScreenId none;
    assert_false(view_step_parse("lobby", &none));
    assert_string_equal(view_step_name(SCREEN_COUNT), "?");
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fresh_session_defaults),
        cmocka_unit_test(test_wipe_leaves_nothing_of_the_visitor),
        cmocka_unit_test(test_intents_keep_their_order),
        cmocka_unit_test(test_step_names_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
