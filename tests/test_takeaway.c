/* Tests for app/visit/takeaway: the four take-away codes are real codes
 * that zbarimg reads back to exactly their payloads, and each payload
 * holds what the visitor needs. */
#include "support.h"

#include "core/sheet.h"
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
    Message msg;
    size_t chosen[64];
    Sheet *sheet = calloc(1, sizeof *sheet);
    Takeaway *t = calloc(1, sizeof *t);
    char *dir = support_tmpdir();
    message_compose(CHANNEL_EMAIL, &v, &m, &office, 0, &msg);
    size_t k = question_suggest(bank, (size_t)nbank, v.status, m.grad_year, 2026, 30, chosen, 64);
    SheetInput in = {&v, &m, &msg, bank, chosen, k, {2026, 11, 22}, &office};
    sheet_build(sheet, &in);
    TakeawayInput ti = {sheet,   &msg,           &m,
                        &office, {2026, 11, 22}, 1795342500 /* 2026-11-22 10:15Z */};
    takeaway_build(t, &ti);
    for (int kind = 0; kind < TAKE_COUNT; kind++) {
        assert_true(t->ok[kind]);
        assert_true(t->code[kind].version <= QR_MAX_VERSION);
        char *got = support_zbar_qr(&t->code[kind], 4, dir);
        assert_string_equal(got, t->payload[kind]);
        free(got);
    }
    assert_true(t->code[TAKE_SHEET].version <= QR_TARGET_VERSION);
    assert_non_null(strstr(t->payload[TAKE_SHEET], "José García"));
    char start[31]; /* long sheets clip questions, never their start */
    snprintf(start, sizeof start, "%s", bank[chosen[0]].text);
    assert_non_null(strstr(t->payload[TAKE_SHEET], start));
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
        cmocka_unit_test(test_names_and_labels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
