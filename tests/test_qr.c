/* Tests for app/visit/qr: codes are real, and zbarimg reads back exactly
 * what they carry. */
#include "support.h"

#include "core/sheet.h"
#include "fixture_visit.h"
#include "visit/qr.h"

#include <stdio.h>

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
    free(support_zbar_qr(&q, 4, dir)); /* writes code.pgm */
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

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_smallest_version_and_refusal),
        cmocka_unit_test(test_utf8_is_declared),
        cmocka_unit_test(test_text_and_svg_drawings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
