/* escpos: the ESC/POS byte stream for a receipt: initialize (ESC @),
 * the picture as raster bit images (GS v 0) in bands, feed (ESC d) and a
 * partial cut (GS V). And the reverse, reading such a stream back into
 * a picture, for checking what a printer would print. Pure. */
#ifndef CK_ESCPOS_H
#define CK_ESCPOS_H

#include <stdbool.h>
#include <stddef.h>

/* A 1-bit picture: rows of (w + 7) / 8 bytes, most significant bit
 * leftmost, 1 = black. */
typedef struct {
    int w, h;
    unsigned char *bits;
} Bitmap;

enum { ESCPOS_BAND_ROWS = 256, ESCPOS_FEED_LINES = 4 };

/* Bits from 8-bit grey (0 black): darker than threshold is black. NULL
 * when out of memory. */
unsigned char *escpos_threshold(const unsigned char *gray, int w, int h, int threshold);

/* The whole job for bitmap b; a malloc'd buffer of *len bytes, NULL when
 * out of memory or b is too wide (over 65535 bytes a row). */
unsigned char *escpos_encode(const Bitmap *b, size_t *len);

/* What a stream holds, as a printer would act on it. */
typedef struct {
    Bitmap picture; /* all raster bands stacked (w of the widest) */
    int inits;      /* ESC @ seen */
    int bands;      /* GS v 0 commands */
    int feed_lines; /* ESC d total */
    int cuts;       /* GS V */
} EscposJob;

/* Reads a stream back. Knows ESC @, ESC d, ESC J, LF, GS v 0 and GS V;
 * anything else is an error naming its byte offset. Free with
 * escpos_job_free. */
bool escpos_decode(const unsigned char *b, size_t len, EscposJob *out, char *err, size_t cap);
void escpos_job_free(EscposJob *j);

#endif
