/* png: zlib's only includer. A minimal PNG writer for screenshots and
 * rendered pages (8-bit RGB or grey, no interlacing, filter 0 on every
 * row), and plain deflate for the PDF writer. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static void put32(unsigned char *p, unsigned long v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

static bool chunk(FILE *f, const char *type, const unsigned char *data, size_t n)
{
    unsigned char head[8], crc[4];
    put32(head, (unsigned long)n);
    memcpy(head + 4, type, 4);
    unsigned long c = crc32(0, head + 4, 4);
    if (n > 0) /* crc32 with no data returns its initial value, not c */
        c = crc32(c, data, (uInt)n);
    put32(crc, c);
    return fwrite(head, 1, 8, f) == 8 && (n == 0 || fwrite(data, 1, n, f) == n) &&
           fwrite(crc, 1, 4, f) == 4;
}

unsigned char *deflate_alloc(const unsigned char *in, size_t n, size_t *out_len)
{
    uLongf z_len = compressBound((uLong)n);
    unsigned char *z = malloc(z_len);
    if (!z)
        return NULL;
    if (compress2(z, &z_len, in, (uLong)n, 6) != Z_OK) {
        free(z);
        return NULL;
    }
    *out_len = z_len;
    return z;
}

bool png_write(const char *path, const unsigned char *px, int w, int h, int pitch, int channels,
               char *err, size_t cap)
{
    size_t row_len = (size_t)w * (size_t)channels;
    size_t raw_len = (size_t)h * (row_len + 1);
    uLongf z_len = compressBound((uLong)raw_len);
    unsigned char *raw = malloc(raw_len), *z = malloc(z_len), ihdr[13];
    FILE *f = NULL;
    bool ok = false;
    if (!raw || !z) {
        snprintf(err, cap, "out of memory");
        goto done;
    }
    for (int y = 0; y < h; y++) {
        unsigned char *row = raw + (size_t)y * (row_len + 1);
        row[0] = 0;
        memcpy(row + 1, px + (size_t)y * (size_t)pitch, row_len);
    }
    if (compress2(z, &z_len, raw, (uLong)raw_len, 6) != Z_OK) {
        snprintf(err, cap, "could not compress the image");
        goto done;
    }
    put32(ihdr, (unsigned long)w);
    put32(ihdr + 4, (unsigned long)h);
    /* 8-bit, RGB (colour type 2) or grey (0) */
    memcpy(ihdr + 8, channels == 3 ? "\x08\x02\x00\x00\x00" : "\x08\x00\x00\x00\x00", 5);
    f = fopen(path, "wb");
    ok = f && fwrite("\x89PNG\r\n\x1a\n", 1, 8, f) == 8 && chunk(f, "IHDR", ihdr, 13) &&
         chunk(f, "IDAT", z, z_len) && chunk(f, "IEND", NULL, 0);
    if (f && fclose(f) != 0)
        ok = false;
    if (!ok)
        snprintf(err, cap, "cannot write %s", path);
done:
    free(raw);
    free(z);
    return ok;
}
