/* Tests for app/core/escpos: the receipt byte stream, both ways. */
#include "support.h"

#include "core/escpos.h"

#include <stdlib.h>
#include <string.h>

/* A w x h picture with a diagonal and a border, so any bit out of place
 * shows. */
static Bitmap pattern(int w, int h)
{
    int row = (w + 7) / 8;
    Bitmap b = {w, h, calloc((size_t)(row * h), 1)};
    assert_non_null(b.bits);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            if (x == 0 || y == 0 || x == w - 1 || y == h - 1 || x == y % w)
                b.bits[y * row + x / 8] |= (unsigned char)(0x80 >> (x % 8));
    return b;
}

static void test_encode_then_decode_gives_the_picture(void **state)
{
    (void)state;
    /* one short band, exactly one band, and several with a short last one */
    const int heights[] = {17, ESCPOS_BAND_ROWS, ESCPOS_BAND_ROWS * 2 + 31};
    for (size_t i = 0; i < sizeof heights / sizeof *heights; i++) {
        Bitmap b = pattern(203, heights[i]);
        size_t len = 0;
        unsigned char *bytes = escpos_encode(&b, &len);
        assert_non_null(bytes);
        EscposJob job;
        char err[200];
        if (!escpos_decode(bytes, len, &job, err, sizeof err))
            fail_msg("height %d: %s", heights[i], err);
        assert_int_equal(job.inits, 1);
        assert_int_equal(job.cuts, 1);
        assert_int_equal(job.feed_lines, ESCPOS_FEED_LINES);
        assert_int_equal(job.bands, (heights[i] + ESCPOS_BAND_ROWS - 1) / ESCPOS_BAND_ROWS);
        /* GS v 0 counts the width in bytes: the picture comes back whole bytes wide */
        assert_int_equal(job.picture.w, (b.w + 7) / 8 * 8);
        assert_int_equal(job.picture.h, b.h);
        assert_memory_equal(job.picture.bits, b.bits, (size_t)((b.w + 7) / 8 * b.h));
        escpos_job_free(&job);
        free(bytes);
        free(b.bits);
    }
}

static void test_threshold_splits_grey(void **state)
{
    (void)state;
    const unsigned char grey[10] = {0, 40, 127, 128, 200, 255, 10, 250, 90, 160};
    unsigned char *bits = escpos_threshold(grey, 10, 1, 128);
    assert_non_null(bits);
    /* darker than 128 is black: 0, 40, 127, 10, 90 */
    assert_int_equal(bits[0], 0xE2); /* 1110 0010 */
    assert_int_equal(bits[1], 0x80); /* 10.. .... */
    free(bits);
}

static void test_too_wide_is_refused(void **state)
{
    (void)state;
    Bitmap b = {65536 * 8, 1, NULL};
    size_t len = 1;
    assert_null(escpos_encode(&b, &len));
}

static void test_decoder_refuses_garbage(void **state)
{
    (void)state;
    EscposJob job;
    char err[200];
    const unsigned char bad[] = {0x1B, '@', 0x1D, 'v', '0', 0, 10, 0, 50, 0, 1, 2, 3};
    assert_false(escpos_decode(bad, sizeof bad, &job, err, sizeof err));
    assert_string_equal(err, "byte 2: GS v 0 promises more data than the stream holds");
    const unsigned char odd[] = {0x1B, '@', 0x07};
    assert_false(escpos_decode(odd, sizeof odd, &job, err, sizeof err));
    assert_string_equal(err, "byte 2: unknown command 0x07");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_encode_then_decode_gives_the_picture),
        cmocka_unit_test(test_threshold_splits_grey),
        cmocka_unit_test(test_too_wide_is_refused),
        cmocka_unit_test(test_decoder_refuses_garbage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
