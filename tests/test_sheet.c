/* Tests for app/core/sheet: structure, dates, renderings. */
#include "support.h"

#include "core/sheet.h"
#include "core/text.h"
#include "fixture_visit.h"

static Question bank[QUESTION_MAX];
static int nbank;

typedef struct {
    Mentor m;
    Visitor v;
    Message msg;
    size_t chosen[64];
    Sheet sheet;
} Fx;

static const Office office = {.name = "Career Center",
                              .school = "Northfield University",
                              .contact = "the front desk",
                              .logo = ""};

static Fx *build(void)
{
    Fx *fx = calloc(1, sizeof *fx);
    fx->m = fixture_mentor();
    fx->v = fixture_visitor();
    message_compose(CHANNEL_EMAIL, &fx->v, &fx->m, &office, 0, &fx->msg);
    size_t k = question_suggest(bank, (size_t)nbank, fx->v.status, fx->m.grad_year, 2026, 20,
                                fx->chosen, 64);
    SheetInput in = {&fx->v, &fx->m,         &fx->msg, bank, fx->chosen,
                     k,      {2026, 11, 22}, &office,  NULL, {0}, 10 * 60};
    sheet_build(&fx->sheet, &in);
    return fx;
}

static int setup(void **state)
{
    (void)state;
    nbank = fixture_bank(bank, QUESTION_MAX);
    return nbank > 0 ? 0 : -1;
}

static void test_sections_in_order(void **state)
{
    (void)state;
    Fx *fx = build();
    static const SheetSectionId want[] = {SEC_CONTACT,   SEC_MESSAGE, SEC_HOMEWORK,
                                          SEC_QUESTIONS, SEC_DURING,  SEC_FOLLOWUP};
    assert_false(fx->sheet.overflow);
    assert_int_equal(fx->sheet.nsections, 6);
    for (int i = 0; i < 6; i++) {
        assert_int_equal(fx->sheet.section[i].id, want[i]);
        assert_true(fx->sheet.section[i].count > 0);
    }
    free(fx);
}

static void test_follow_up_dates(void **state)
{
    (void)state;
    Fx *fx = build();
    const SheetSection *f = sheet_find(&fx->sheet, SEC_FOLLOWUP);
    assert_non_null(f);
    assert_string_equal(fx->sheet.line[f->first].aux, "Sun 22 Nov 2026");
    /* seven business days after a Sunday is the Tuesday of the week after */
    assert_string_equal(fx->sheet.line[f->first + 1].aux, "Tue 1 Dec 2026");
    free(fx);
    /* a phone call asked for on a Saturday is planned for Monday, and the
     * office's closed days are skipped: Monday 23 is closed, so Tuesday;
     * Thanksgiving and its Friday are not among the seven days after */
    Office closed = office;
    closed.closed[0] = (Date){2026, 11, 23};
    closed.closed[1] = (Date){2026, 11, 26};
    closed.closed[2] = (Date){2026, 11, 27};
    closed.nclosed = 3;
    Date sat = {2026, 11, 21}, send = sheet_send_day(&closed, CHANNEL_PHONE, sat, 600, NULL);
    assert_int_equal(send.m * 100 + send.d, 1124);
    Date nudge = sheet_nudge_day(&closed, CHANNEL_PHONE, sat, 600);
    assert_int_equal(nudge.m * 100 + nudge.d, 1207);
    send = sheet_send_day(&closed, CHANNEL_EMAIL, sat, 600, NULL); /* an email can go today */
    assert_int_equal(send.d, 21);
}

/* The reminder to send is never set for a time already past: asked at
 * 14:20 it rings at 15:00 the same day; before the day starts, at 9:00;
 * too late in the day, 9:00 the next day (an open one for a call). */
static void test_send_reminder_is_after_now(void **state)
{
    (void)state;
    static const struct {
        MessageChannel ch;
        Date today;
        int minute;
        int want_day, want_alarm; /* MMDD, minutes */
    } cases[] = {
        {CHANNEL_EMAIL, {2026, 11, 20}, 7 * 60, 1120, 9 * 60},        /* early: 9:00 */
        {CHANNEL_EMAIL, {2026, 11, 20}, 9 * 60 + 10, 1120, 10 * 60},  /* not the 9:00 just past */
        {CHANNEL_EMAIL, {2026, 11, 20}, 14 * 60 + 20, 1120, 15 * 60}, /* the next whole hour */
        {CHANNEL_EMAIL, {2026, 11, 20}, 14 * 60 + 40, 1120, 16 * 60}, /* half an hour at least */
        {CHANNEL_EMAIL, {2026, 11, 20}, 16 * 60 + 30, 1120, 17 * 60},
        {CHANNEL_EMAIL, {2026, 11, 20}, 16 * 60 + 31, 1121, 9 * 60}, /* too late: tomorrow */
        {CHANNEL_EMAIL, {2026, 11, 20}, 23 * 60 + 59, 1121, 9 * 60},
        {CHANNEL_PHONE, {2026, 11, 20}, 18 * 60, 1123, 9 * 60}, /* a Friday evening's call: Monday */
        {CHANNEL_PHONE, {2026, 11, 21}, 10 * 60, 1123, 9 * 60}, /* a Saturday's: Monday at 9 */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int alarm = -1;
        Date d = sheet_send_day(&office, cases[i].ch, cases[i].today, cases[i].minute, &alarm);
        if (d.m * 100 + d.d != cases[i].want_day || alarm != cases[i].want_alarm)
            fail_msg("case %zu: %02d%02d at %d, wanted %04d at %d", i, d.m, d.d, alarm,
                     cases[i].want_day, cases[i].want_alarm);
    }
}

static void test_golden_text(void **state)
{
    (void)state;
    Fx *fx = build();
    static char text[32768];
    sheet_render_text(&fx->sheet, 78, text, sizeof text);
    support_golden("sheet.txt", text);
    for (char *line = text; *line;) {
        char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        char tmp[512];
        snprintf(tmp, sizeof tmp, "%.*s", (int)n, line);
        assert_true(text_chars(tmp) <= 78);
        line += n + (nl != NULL);
    }
    free(fx);
}

static void test_compact_levels_shrink(void **state)
{
    (void)state;
    Fx *fx = build();
    static char out[SHEET_COMPACT_LEVELS][4096];
    size_t prev = (size_t)-1;
    for (int l = 0; l < SHEET_COMPACT_LEVELS; l++) {
        size_t n = sheet_render_compact(&fx->sheet, l, out[l], sizeof out[l]);
        assert_true(n <= prev);
        prev = n;
        assert_non_null(strstr(out[l], "José García"));
        assert_non_null(strstr(out[l], "jose.garcia@example.org"));
        assert_non_null(strstr(out[l], "Tue 1 Dec 2026"));
        assert_null(strstr(out[l], "Dear José")); /* the message travels separately */
    }
    assert_non_null(strstr(out[0], "Homework"));
    support_golden("sheet_compact.txt", out[0]);
    free(fx);
}

static void test_office_channel_points_to_the_office(void **state)
{
    (void)state;
    Fx *fx = build();
    fx->m.via = VIA_OFFICE;
    fx->m.contact[0] = '\0';
    SheetInput in = {&fx->v, &fx->m,         &fx->msg, bank, fx->chosen,
                     3,      {2026, 11, 22}, &office,  NULL, {0}, 10 * 60};
    sheet_build(&fx->sheet, &in);
    static char text[32768];
    sheet_render_text(&fx->sheet, 78, text, sizeof text);
    assert_non_null(strstr(text, "an introduction from the Career Center: the front desk"));
    free(fx);
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sections_in_order),
        cmocka_unit_test(test_follow_up_dates),
        cmocka_unit_test(test_send_reminder_is_after_now),
        cmocka_unit_test(test_golden_text),
        cmocka_unit_test(test_compact_levels_shrink),
        cmocka_unit_test(test_office_channel_points_to_the_office),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
