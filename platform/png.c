/* png: a minimal PNG writer on zlib (the only includer of zlib.h), for
 * screenshots. 8-bit RGB, no interlacing, filter 0 on every row. */
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

bool png_write(const char *path, const unsigned char *rgb, int w, int h, int pitch, char *err,
               size_t cap)
{
    size_t raw_len = (size_t)h * ((size_t)w * 3 + 1);
    uLongf z_len = compressBound((uLong)raw_len);
    unsigned char *raw = malloc(raw_len), *z = malloc(z_len), ihdr[13];
    FILE *f = NULL;
    bool ok = false;
    if (!raw || !z) {
        snprintf(err, cap, "out of memory");
        goto done;
    }
    for (int y = 0; y < h; y++) {
        unsigned char *row = raw + (size_t)y * ((size_t)w * 3 + 1);
        row[0] = 0;
        memcpy(row + 1, rgb + (size_t)y * (size_t)pitch, (size_t)w * 3);
    }
    if (compress2(z, &z_len, raw, (uLong)raw_len, 6) != Z_OK) {
        snprintf(err, cap, "could not compress the image");
        goto done;
    }
    put32(ihdr, (unsigned long)w);
    put32(ihdr + 4, (unsigned long)h);
    memcpy(ihdr + 8, "\x08\x02\x00\x00\x00", 5); /* 8-bit, RGB */
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
