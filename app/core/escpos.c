/* escpos: see escpos.h. */
#include "escpos.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

unsigned char *escpos_threshold(const unsigned char *gray, int w, int h, int threshold)
{
    size_t stride = (size_t)(w + 7) / 8;
    unsigned char *bits = calloc(stride * (size_t)h + 1, 1);
    if (!bits)
        return NULL;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            if (gray[(size_t)y * (size_t)w + (size_t)x] < threshold)
                bits[(size_t)y * stride + (size_t)x / 8] |= (unsigned char)(0x80 >> (x % 8));
    return bits;
}

unsigned char *escpos_encode(const Bitmap *b, size_t *len)
{
    size_t stride = (size_t)(b->w + 7) / 8;
    size_t bands = ((size_t)b->h + ESCPOS_BAND_ROWS - 1) / ESCPOS_BAND_ROWS;
    if (stride > 65535)
        return NULL;
    size_t cap = 2 + bands * 8 + stride * (size_t)b->h + 3 + 4;
    unsigned char *out = malloc(cap), *p = out;
    if (!out)
        return NULL;
    *p++ = 0x1B; /* ESC @: initialize */
    *p++ = '@';
    for (int y = 0; y < b->h; y += ESCPOS_BAND_ROWS) {
        int rows = b->h - y < ESCPOS_BAND_ROWS ? b->h - y : ESCPOS_BAND_ROWS;
        /* GS v 0 m xL xH yL yH: normal density, x in bytes, y in dots */
        unsigned char head[8] = {0x1D,
                                 'v',
                                 '0',
                                 0,
                                 (unsigned char)(stride & 255),
                                 (unsigned char)(stride >> 8),
                                 (unsigned char)(rows & 255),
                                 (unsigned char)(rows >> 8)};
        memcpy(p, head, 8);
        p += 8;
        memcpy(p, b->bits + (size_t)y * stride, stride * (size_t)rows);
        p += stride * (size_t)rows;
    }
    *p++ = 0x1B; /* ESC d n: feed n lines, so the cut clears the print */
    *p++ = 'd';
    *p++ = ESCPOS_FEED_LINES;
    *p++ = 0x1D; /* GS V 1: partial cut (leaves a tab, so the paper does not drop) */
    *p++ = 'V';
    *p++ = 1;
    *len = (size_t)(p - out);
    return out;
}

static bool fail(char *err, size_t cap, size_t at, const char *what)
{
    snprintf(err, cap, "byte %zu: %s", at, what);
    return false;
}

/* Appends a band of rows to the job's picture. */
static bool add_band(EscposJob *j, const unsigned char *d, int stride, int rows)
{
    int w = stride * 8, old = (j->picture.w + 7) / 8;
    int wide = stride > old ? stride : old;
    unsigned char *grown = calloc((size_t)wide * (size_t)(j->picture.h + rows) + 1, 1);
    if (!grown)
        return false;
    for (int y = 0; y < j->picture.h; y++)
        memcpy(grown + (size_t)y * (size_t)wide, j->picture.bits + (size_t)y * (size_t)old,
               (size_t)old);
    for (int y = 0; y < rows; y++)
        memcpy(grown + (size_t)(j->picture.h + y) * (size_t)wide, d + (size_t)y * (size_t)stride,
               (size_t)stride);
    free(j->picture.bits);
    j->picture.bits = grown;
    j->picture.h += rows;
    if (w > j->picture.w)
        j->picture.w = w;
    return true;
}

bool escpos_decode(const unsigned char *b, size_t len, EscposJob *out, char *err, size_t cap)
{
    memset(out, 0, sizeof *out);
    size_t i = 0;
    while (i < len) {
        size_t at = i;
        if (b[i] == '\n') {
            out->feed_lines++;
            i++;
        } else if (b[i] == 0x1B && i + 1 < len && b[i + 1] == '@') {
            out->inits++;
            i += 2;
        } else if (b[i] == 0x1B && i + 2 < len && (b[i + 1] == 'd' || b[i + 1] == 'J')) {
            out->feed_lines += b[i + 1] == 'd' ? b[i + 2] : 0;
            i += 3;
        } else if (b[i] == 0x1D && i + 1 < len && b[i + 1] == 'V') {
            /* GS V m, or GS V m n for m 65 and 66 */
            if (i + 2 >= len) {
                escpos_job_free(out);
                return fail(err, cap, at, "GS V is cut short");
            }
            i += b[i + 2] >= 65 ? 4 : 3;
            out->cuts++;
        } else if (b[i] == 0x1D && i + 7 < len && b[i + 1] == 'v' && b[i + 2] == '0') {
            int stride = b[i + 4] | b[i + 5] << 8, rows = b[i + 6] | b[i + 7] << 8;
            size_t n = (size_t)stride * (size_t)rows;
            if (b[i + 3] > 3 && !(b[i + 3] >= 48 && b[i + 3] <= 51)) {
                escpos_job_free(out);
                return fail(err, cap, at, "GS v 0 has an unknown mode");
            }
            if (stride == 0 || rows == 0 || n > len - i - 8) {
                escpos_job_free(out);
                return fail(err, cap, at, "GS v 0 promises more data than the stream holds");
            }
            if (!add_band(out, b + i + 8, stride, rows)) {
                escpos_job_free(out);
                return fail(err, cap, at, "out of memory");
            }
            out->bands++;
            i += 8 + n;
        } else {
            escpos_job_free(out);
            char what[64];
            snprintf(what, sizeof what, "unknown command 0x%02X", b[i]);
            return fail(err, cap, at, what);
        }
    }
    return true;
}

void escpos_job_free(EscposJob *j)
{
    free(j->picture.bits);
    memset(j, 0, sizeof *j);
}
