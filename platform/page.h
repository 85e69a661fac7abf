/* page: drawing printouts. A Canvas is a white offscreen page drawn with
 * the same Draw API as the screen, so the prep sheet has one layout for
 * the screen, the page printer and the receipt printer. It keeps every
 * line of text it shows, so a PDF of the page can carry a text layer.
 * Works with or without an open Platform (the admin tool has none). */
#ifndef CK_PAGE_H
#define CK_PAGE_H

#include "draw.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct Canvas Canvas;

/* A line of text drawn on a page: baseline from (x, y), w px wide, drawn
 * at px. */
typedef struct {
    int x, y, w, px;
    char *s;
} PageRun;

/* A finished page: 8-bit grey pixels (0 black, 255 white), row by row,
 * and the text on it. Owned by whoever holds it; free with page_free. */
typedef struct {
    int w, h;
    unsigned char *gray;
    PageRun *runs;
    int nruns;
} PageImage;

/* A white w x h page. NULL with the reason in err. */
Canvas *canvas_open(int w, int h, char *err, size_t cap);

/* What to draw the page with. */
Draw *canvas_draw(Canvas *c);

/* Takes the page: its grey pixels and text move to *out, and the canvas
 * is freed. False (and the canvas still freed) when out of memory. */
bool canvas_finish(Canvas *c, PageImage *out, char *err, size_t cap);

/* Frees a canvas that will not be finished. */
void canvas_close(Canvas *c);

/* Zeroes and frees a page's pixels and text (they may hold a visitor's
 * words). */
void page_free(PageImage *p);

/* The pages as one PDF at dpi: each page one greyscale image, with an
 * invisible text layer placed over the words (so a PDF reader can find
 * and read them out). Returns a malloc'd buffer of *len bytes, NULL with
 * the reason in err. */
unsigned char *pdf_write(const PageImage *pages, int n, int dpi, size_t *len, char *err,
                         size_t cap);

/* Writes a page as a PNG file. */
bool page_png(const PageImage *p, const char *path, char *err, size_t cap);

#endif
