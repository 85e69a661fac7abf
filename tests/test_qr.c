/* Tests for app/qr and app/takeaway: codes are real, and zbarimg reads
 * back exactly the payloads. */
#include "support.h"

#include "core/sheet.h"
#include "fixture_visit.h"
#include "visit/qr.h"
#include "visit/takeaway.h"

#include <stdio.h>

/* Writes the code as a PGM image, `scale` pixels per module, with the
 * quiet zone, and asks zbarimg to decode it. Returns its output. */
static char *decode(const QrCode *q, int scale, const char *dir)
{
    const char *img = support_path(dir, "code.pgm");
    int side = (q->width + 2 * QR_QUIET) * scale;
    FILE *f = fopen(img, "wb");
    assert_non_null(f);
    fprintf(f, "P5\n%d %d\n255\n", side, side);
    for (int y = 0; y < side; y++)
        for (int x = 0; x < side; x++)
            fputc(qr_dark(q, x / scale - QR_QUIET, y / scale - QR_QUIET) ? 0 : 255, f);
    fclose(f);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "zbarimg --quiet --raw -Sbinary '%s' > '%s/out.txt'", img, dir);
    assert_int_equal(system(cmd), 0);
    char *out = support_read(support_path(dir, "out.txt"), NULL);
    assert_non_null(out);
    return out;
}

static void test_smallest_version_and_refusal(void **state)
{
    (void)state;
    QrCode q;
    char err[200];
    assert_true(qr_encode("hello", QR_LEVEL_M, QR_MAX_VERSION, &q, err, sizeof err));
    assert_int_equal(q.version, 1);
    assert_int_equal(q.width, 21);
    qr_free(&q);
    char *big = malloc(3000);
    memset(big, 'x', 2999);
    big[2999] = '\0';
    assert_false(qr_encode(big, QR_LEVEL_M, QR_MAX_VERSION, &q, err, sizeof err));
    assert_non_null(strstr(err, "2999 bytes"));
    assert_non_null(strstr(err, "version 30 holds at most 1370"));
    free(big);
    assert_int_equal(qr_capacity(25, QR_LEVEL_M), 997);
}

/* zbarimg in text mode decodes as the code says (ECI) or guesses; with
 * the UTF-8 designator in the code, accented names come out right. */
static void test_utf8_is_declared(void **state)
{
    (void)state;
    QrCode q;
    char err[200], cmd[600];
    char *dir = support_tmpdir();
    const char *name = "Prep sheet: José García, Zoë Müller, Ольга";
    assert_true(qr_encode(name, QR_LEVEL_M, QR_MAX_VERSION, &q, err, sizeof err));
    free(decode(&q, 4, dir)); /* writes code.pgm */
    snprintf(cmd, sizeof cmd, "zbarimg --quiet --raw '%s/code.pgm' > '%s/text.txt' 2>/dev/null",
             dir, dir);
    assert_int_equal(system(cmd), 0);
    char *got = support_read(support_path(dir, "text.txt"), NULL);
    assert_non_null(strstr(got, name));
    free(got);
    qr_free(&q);
    support_rmtree(dir);
    free(dir);
}

static void test_text_and_svg_drawings(void **state)
{
    (void)state;
    QrCode q;
    char err[200];
    assert_true(qr_encode("hello", QR_LEVEL_M, QR_MAX_VERSION, &q, err, sizeof err));
    char *txt = qr_text(&q, false);
    int lines = 0;
    for (char *p = txt; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, (21 + 8 + 1) / 2);
    char *svg = qr_svg(&q, 8);
    assert_non_null(strstr(svg, "width=\"232\""));
    assert_non_null(strstr(svg, "<path fill=\"#000000\" stroke=\"none\""));
    free(txt);
    free(svg);
    qr_free(&q);
}

static void test_takeaway_codes_decode(void **state)
{
    (void)state;
    static const Office office = {"Career Center", "Northfield University", "the front desk", ""};
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
        char *got = decode(&t->code[kind], 4, dir);
        assert_string_equal(got, t->payload[kind]);
        free(got);
    }
    assert_true(t->code[TAKE_SHEET].version <= QR_TARGET_VERSION);
    assert_non_null(strstr(t->payload[TAKE_SHEET], "José García"));
    char start[31]; /* long sheets clip questions, never their start */
    snprintf(start, sizeof start, "%s", bank[chosen[0]].text);
    assert_non_null(strstr(t->payload[TAKE_SHEET], start));
    assert_non_null(strstr(t->payload[TAKE_EMAIL], "mailto:jose.garcia@example.org?subject="));
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

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_smallest_version_and_refusal),
        cmocka_unit_test(test_utf8_is_declared),
        cmocka_unit_test(test_text_and_svg_drawings),
        cmocka_unit_test(test_takeaway_codes_decode),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
