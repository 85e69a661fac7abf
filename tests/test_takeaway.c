/* Tests for app/visit/takeaway: the five take-away codes are real codes
 * that zbarimg reads back to exactly their payloads, each payload holds
 * what the visitor needs, and a screen's codes fitted to a small slot
 * keep every question whole, split where they read whole, and still
 * carry everything. */
#include "support.h"

#include "core/sheet.h"
#include "core/typed.h"
#include "fixture_visit.h"
#include "visit/qr.h"
#include "visit/takeaway.h"

#include <stdio.h>

static void test_takeaway_codes_decode(void **state)
{
    (void)state;
    static const Office office = {.name = "Career Center",
                                  .school = "Northfield University",
                                  .contact = "the front desk",
                                  .logo = ""};
    static Question bank[QUESTION_MAX];
    int nbank = fixture_bank(bank, QUESTION_MAX);
    Mentor m = fixture_mentor();
    Visitor v = fixture_visitor();
    Message msg, thanks;
    size_t chosen[64];
    Sheet *sheet = calloc(1, sizeof *sheet);
    Takeaway *t = calloc(1, sizeof *t);
    char *dir = support_tmpdir();
    message_compose(CHANNEL_EMAIL, &v, &m, &office, 0, &msg);
    message_compose(CHANNEL_THANKS, &v, &m, &office, 0, &thanks);
    size_t k = question_suggest(bank, (size_t)nbank, v.status, m.grad_year, 2026, 30, chosen, 64);
    SheetInput in = {&v, &m, &msg, bank, chosen, k, {2026, 11, 22}, &office, &thanks, {0}, 10 * 60 + 15};
    sheet_build(sheet, &in);
    TakeawayInput ti = {
        sheet, &msg, &m, &office, {2026, 11, 22}, 1795342500 /* 2026-11-22 10:15Z */, &thanks, {0},
        10 * 60 + 15};
    takeaway_build(t, &ti);
    for (int kind = 0; kind < TAKE_COUNT; kind++) {
        assert_true(t->ok[kind]);
        assert_true(t->code[kind].version <= QR_MAX_VERSION);
        char *got = support_zbar_qr(&t->code[kind], 4, dir);
        assert_string_equal(got, t->payload[kind]);
        free(got);
    }
    assert_non_null(strstr(t->payload[TAKE_SHEET], "José García"));
    for (size_t i = 0; i < k; i++) /* every question whole, however long the sheet */
        if (!strstr(t->payload[TAKE_SHEET], bank[chosen[i]].text))
            fail_msg("question %zu is not whole in the sheet code: %s", i + 1,
                     bank[chosen[i]].text);
    assert_non_null(strstr(t->payload[TAKE_SHEET], "send the thank-you note"));
    assert_non_null(strstr(t->payload[TAKE_SHEET], "thank whoever pointed you to José"));
    assert_non_null(
        strstr(t->payload[TAKE_THANKS], "mailto:jose.garcia@example.org?subject=Thank"));
    assert_non_null(strstr(t->payload[TAKE_MESSAGE], "mailto:jose.garcia@example.org?subject="));
    assert_non_null(strstr(t->payload[TAKE_CONTACT], "FN:José García"));
    assert_non_null(strstr(t->payload[TAKE_REMINDERS], "DTSTART;VALUE=DATE:20261201"));
    takeaway_free(t);
    for (size_t i = 0; i < sizeof t->payload; i++) /* wiped */
        assert_int_equal(((char *)t->payload)[i], 0);
    support_rmtree(dir);
    free(dir);
    free(sheet);
    free(t);
}

/* What the parts of kind k carry, put back together (each text part
 * without its "(1 of 2)" lead). */
static void joined(const Takeaway *t, TakeKind k, char *out, size_t cap)
{
    out[0] = '\0';
    for (int i = 0; i < t->nparts; i++) {
        const TakePart *p = &t->part[i];
        if (p->kind != k)
            continue;
        const char *text = p->payload;
        if (p->parts > 1 && text[0] == '(')
            text = strchr(text, '\n') + 1;
        if (*out)
            strncat(out, "\n", cap - strlen(out) - 1);
        strncat(out, text, cap - strlen(out) - 1);
    }
}

static void test_fitted_to_a_small_screen(void **state)
{
    (void)state;
    static Question bank[QUESTION_MAX];
    int nbank = fixture_bank(bank, QUESTION_MAX);
    Office office = fixture_office();
    Mentor m = fixture_mentor();
    Visitor v = fixture_visitor();
    Message msg, thanks;
    size_t chosen[64];
    Sheet *sheet = calloc(1, sizeof *sheet);
    Takeaway *t = calloc(1, sizeof *t);
    char *dir = support_tmpdir();
    v.minutes = 30;
    m.via = VIA_PHONE;
    strcpy(m.contact, "(617) 555-0100");
    message_compose(CHANNEL_PHONE, &v, &m, &office, 0, &msg);
    message_compose(CHANNEL_THANKS, &v, &m, &office, 0, &thanks);
    size_t k = question_suggest(bank, (size_t)nbank, v.status, m.grad_year, 2026, 30, chosen, 64);
    assert_true(k >= 8);
    SheetInput in = {&v,      &m,      &msg,         bank, chosen, k, {2026, 11, 22},
                     &office, &thanks, {2026, 12, 4}, 10 * 60 + 15};
    sheet_build(sheet, &in);
    TakeawayInput ti = {sheet,          &msg,       &m,      &office,
                        {2026, 11, 22}, 1795342500, &thanks, {2026, 12, 4}, 10 * 60 + 15};
    takeaway_build(t, &ti);
    /* the side a 1280x800 screen gives its code: version 16 at 6 px */
    int side = 534, most = qr_version_for_side(side, QR_MODULE_MIN_PX);
    assert_int_equal(most, 16);
    assert_true(takeaway_fit(t, sheet, side));
    int sheets = 0, messages = 0;
    for (int i = 0; i < t->nparts; i++) {
        const TakePart *p = &t->part[i];
        assert_true(p->code.version <= most);
        assert_true((p->code.width + 2 * QR_QUIET) * QR_MODULE_MIN_PX <= side);
        char *got = support_zbar_qr(&p->code, QR_MODULE_MIN_PX, dir);
        assert_string_equal(got, p->payload);
        free(got);
        sheets += p->kind == TAKE_SHEET;
        messages += p->kind == TAKE_MESSAGE;
    }
    /* the long sheet is split, not cut, into few codes; the call is one
     * code a phone dials (the script is on the sheet) */
    assert_true(sheets >= 2 && sheets <= 4);
    assert_int_equal(messages, 1);
    assert_string_equal(t->part[takeaway_first_part(t, TAKE_MESSAGE, NULL)].payload,
                        "tel:6175550100");
    assert_string_equal(t->payload[TAKE_MESSAGE], "tel:6175550100");
    static char all[16384];
    joined(t, TAKE_SHEET, all, sizeof all);
    for (size_t i = 0; i < k; i++)
        if (!strstr(all, bank[chosen[i]].text))
            fail_msg("question %zu is not whole in the sheet's parts", i + 1);
    int first = takeaway_first_part(t, TAKE_SHEET, &sheets);
    const char *last = t->part[first + sheets - 1].payload;
    assert_non_null(strstr(last, "Mon 7 Dec 2026: send the thank-you note")); /* met on a Friday */
    assert_non_null(strstr(last, "thank whoever pointed you to José"));
    assert_non_null(strstr(t->part[first].payload, "(part 1 of"));
    /* nothing to act on for a thank-you to a mentor reached by phone: its
     * text, put back together, is the whole note as a phone is given it
     * (core/typed.h) */
    joined(t, TAKE_THANKS, all, sizeof all);
    assert_false(takeaway_actionable(t->payload[TAKE_THANKS]));
    char flat[8192], *o = flat, phone[MESSAGE_BODY_MAX];
    strcpy(phone, thanks.body);
    typed_for_phone(phone);
    for (const char *c = phone; *c; c++) /* the cuts drop blank lines only */
        if (!(*c == '\n' && c[1] == '\n'))
            *o++ = *c;
    *o = '\0';
    char *a = all, *w = all;
    for (; *a; a++)
        if (!(*a == '\n' && a[1] == '\n'))
            *w++ = *a;
    *w = '\0';
    assert_string_equal(all, flat);
    /* a dated thank-you reminder, as the sheet says */
    assert_non_null(strstr(t->payload[TAKE_REMINDERS], "DTSTART;VALUE=DATE:20261207"));
    /* every event keeps its alarm on this screen too: a reminder that
     * never rings is only a date */
    int reminders, alarms = 0, events = 0;
    first = takeaway_first_part(t, TAKE_REMINDERS, &reminders);
    assert_true(first >= 0);
    for (int i = first; i < first + reminders; i++)
        for (const char *q = t->part[i].payload; (q = strstr(q, "BEGIN:V")); q++) {
            alarms += strncmp(q, "BEGIN:VALARM", 12) == 0;
            events += strncmp(q, "BEGIN:VEVENT", 12) == 0;
        }
    assert_true(events >= 2);
    assert_int_equal(alarms, events);
    /* a larger screen: fewer codes, the message whole */
    assert_true(takeaway_fit(t, sheet, 750));
    assert_int_equal(takeaway_first_part(t, TAKE_MESSAGE, &messages) >= 0, 1);
    assert_int_equal(messages, 1);
    takeaway_free(t);
    support_rmtree(dir);
    free(dir);
    free(sheet);
    free(t);
}

/* The message code is always one code a phone acts on: an email draft
 * too long for a small screen's slot keeps its address and subject
 * (never text in parts to copy and join), and its whole draft fits a
 * screen's whole room; a call is tel:, LinkedIn and video their links. */
static void test_the_message_code_is_one_a_phone_acts_on(void **state)
{
    (void)state;
    static const Office office = {.name = "Career Center",
                                  .school = "Northfield University",
                                  .contact = "the front desk, or careers@example.org",
                                  .logo = ""};
    static Question bank[QUESTION_MAX];
    int nbank = fixture_bank(bank, QUESTION_MAX);
    static const struct {
        ContactVia via;
        MessageChannel ch;
        const char *contact, *want;
    } cases[] = {
        {VIA_EMAIL, CHANNEL_EMAIL, "jose.garcia@example.org", "mailto:jose.garcia@example.org?"},
        {VIA_OFFICE, CHANNEL_OFFICE, "", "mailto:careers@example.org?"},
        {VIA_PHONE, CHANNEL_PHONE, "+1 (617) 555-0100 x12", "tel:+16175550100;ext=12"},
        {VIA_LINKEDIN, CHANNEL_LINKEDIN, "linkedin.com/in/jose-example",
         "https://linkedin.com/in/jose-example"},
        {VIA_VIDEO, CHANNEL_VIDEO, "https://meet.example.org/jose", "https://meet.example.org/jose"},
    };
    Sheet *sheet = calloc(1, sizeof *sheet);
    Takeaway *t = calloc(1, sizeof *t);
    char *dir = support_tmpdir();
    int briefs = 0;
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        Mentor m = fixture_mentor();
        Visitor v = fixture_visitor();
        Message msg, thanks;
        size_t chosen[64];
        m.via = cases[c].via;
        snprintf(m.contact, sizeof m.contact, "%s", cases[c].contact);
        message_compose(cases[c].ch, &v, &m, &office, 0, &msg);
        message_compose(CHANNEL_THANKS, &v, &m, &office, 0, &thanks);
        size_t k =
            question_suggest(bank, (size_t)nbank, v.status, m.grad_year, 2026, 20, chosen, 64);
        SheetInput in = {&v,      &m,      &msg, bank, chosen, k, {2026, 11, 22},
                         &office, &thanks, {0},  10 * 60};
        sheet_build(sheet, &in);
        TakeawayInput ti = {sheet,      &msg,    &m,  &office, {2026, 11, 22},
                            1795342500, &thanks, {0}, 10 * 60};
        takeaway_build(t, &ti);
        /* a 1280x800 screen's slot (version 16 at 6 px) and a 1920x1080 one's */
        for (int side = 534; side <= 834; side += 300) {
            assert_true(takeaway_fit(t, sheet, side));
            int parts, i = takeaway_first_part(t, TAKE_MESSAGE, &parts);
            if (i < 0)
                fail_msg("case %zu at %d px: no message code", c, side);
            const TakePart *p = &t->part[i];
            if (parts != 1 || !takeaway_actionable(p->payload) ||
                strncmp(p->payload, cases[c].want, strlen(cases[c].want)) != 0)
                fail_msg("case %zu at %d px: %d parts, the first \"%.80s\"", c, side, parts,
                         p->payload);
            if (strncmp(p->payload, "mailto:", 7) != 0) {
                assert_string_equal(p->payload, cases[c].want);
                continue;
            }
            assert_non_null(strstr(p->payload, "?subject="));
            if (p->brief) { /* the whole draft, in one code with the screen's room */
                briefs++;
                assert_null(strstr(p->payload, "&body="));
                assert_true(takeaway_fit_whole(t, TAKE_MESSAGE, 760));
                char *got = support_zbar_qr(&t->whole.code, QR_MODULE_MIN_PX, dir);
                assert_string_equal(got, t->payload[TAKE_MESSAGE]);
                assert_non_null(strstr(got, "&body="));
                free(got);
            } else
                assert_string_equal(p->payload, t->payload[TAKE_MESSAGE]);
        }
        /* the words the codes do not carry are on the sheet */
        static char text[32768];
        sheet_render_text(sheet, 78, text, sizeof text);
        char first[40];
        snprintf(first, sizeof first, "%.30s", msg.body);
        first[strcspn(first, "\n")] = '\0';
        if (!strstr(text, first))
            fail_msg("case %zu: the message \"%s\" is not on the sheet", c, first);
        takeaway_free(t);
    }
    assert_true(briefs >= 2); /* the email and the office's at 1280x800 at least */
    support_rmtree(dir);
    free(dir);
    free(sheet);
    free(t);
}

static void test_names_and_labels(void **state)
{
    (void)state;
    for (int k = 0; k < TAKE_COUNT; k++) {
        TakeKind back;
        assert_true(takeaway_parse(takeaway_name((TakeKind)k), &back));
        assert_int_equal(back, k);
        assert_string_not_equal(takeaway_label((TakeKind)k), "?");
    }
    TakeKind none;
    assert_false(takeaway_parse("poster", &none));
    char stamp[20];
    takeaway_stamp(1795342500, stamp, sizeof stamp);
    assert_string_equal(stamp, "20261122T101500Z");
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_takeaway_codes_decode),
        cmocka_unit_test(test_fitted_to_a_small_screen),
        cmocka_unit_test(test_the_message_code_is_one_a_phone_acts_on),
        cmocka_unit_test(test_names_and_labels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
