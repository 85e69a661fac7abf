/* pdf: zlib's only includer. Pages as a PDF for page printers. Each page is one greyscale
 * image (what the kiosk drew, exactly), with a text layer over it in
 * Type 3 fonts whose glyphs draw nothing and are named by Unicode
 * (uniXXXX), so the words can be searched and read out. That text
 * survives CUPS's PDF -> PostScript -> PDF round trip, where the usual
 * invisible-text mode (3 Tr) and ToUnicode maps are dropped. See page.h. */
#include "internal.h"
#include "page.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

enum { GLYPHS_PER_FONT = 250, MAX_OBJECTS = 4096 };

typedef struct {
    unsigned char *p;
    size_t len, cap;
    bool failed;
    size_t offset[MAX_OBJECTS]; /* byte offset of object n (1-based) */
    int nobj;
} Out;

static void put(Out *o, const void *data, size_t n)
{
    if (o->failed)
        return;
    if (o->len + n > o->cap) {
        size_t cap = o->cap ? o->cap : 65536;
        while (cap < o->len + n)
            cap *= 2;
        unsigned char *grown = realloc(o->p, cap);
        if (!grown) {
            o->failed = true;
            return;
        }
        o->p = grown;
        o->cap = cap;
    }
    memcpy(o->p + o->len, data, n);
    o->len += n;
}

static void putf(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(Out *o, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof buf) {
        o->failed = true;
        return;
    }
    put(o, buf, (size_t)n);
}

/* Starts object n (numbers are planned ahead, so they are given). */
/* in deflated (zlib format) into a new buffer; NULL when out of memory. */
static unsigned char *deflate_alloc(const unsigned char *in, size_t n, size_t *out_len)
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

static void obj_begin(Out *o, int n)
{
    if (n <= 0 || n >= MAX_OBJECTS) {
        o->failed = true;
        return;
    }
    o->offset[n] = o->len;
    if (n > o->nobj)
        o->nobj = n;
    putf(o, "%d 0 obj\n", n);
}

static void stream(Out *o, int n, const char *dict, const void *data, size_t len)
{
    obj_begin(o, n);
    putf(o, "<< %s /Length %zu >>\nstream\n", dict, len);
    put(o, data, len);
    putf(o, "\nendstream\nendobj\n");
}

/* The next code point of UTF-8 s at *i (U+FFFD for a bad byte). */
static uint32_t next_cp(const char *s, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s + *i;
    int n = u[0] < 0x80             ? 1
            : (u[0] & 0xE0) == 0xC0 ? 2
            : (u[0] & 0xF0) == 0xE0 ? 3
            : (u[0] & 0xF8) == 0xF0 ? 4
                                    : 0;
    uint32_t cp = n == 1 ? u[0] : n == 2 ? u[0] & 0x1F : n == 3 ? u[0] & 0x0F : u[0] & 0x07;
    if (n == 0) {
        (*i)++;
        return 0xFFFD;
    }
    for (int k = 1; k < n; k++) {
        if ((u[k] & 0xC0) != 0x80) {
            *i += (size_t)k;
            return 0xFFFD;
        }
        cp = cp << 6 | (u[k] & 0x3F);
    }
    *i += (size_t)n;
    return cp;
}

/* The distinct code points of every run, sorted; NULL when out of memory. */
typedef struct {
    uint32_t *cp;
    int n, cap;
} Glyphs;

static int glyph_index(const Glyphs *g, uint32_t cp)
{
    int lo = 0, hi = g->n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (g->cp[mid] == cp)
            return mid;
        if (g->cp[mid] < cp)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

static bool glyph_add(Glyphs *g, uint32_t cp)
{
    if (cp < 0x20 || glyph_index(g, cp) >= 0)
        return true;
    if (g->n == g->cap) {
        int cap = g->cap ? g->cap * 2 : 256;
        uint32_t *grown = realloc(g->cp, (size_t)cap * sizeof *grown);
        if (!grown)
            return false;
        g->cp = grown;
        g->cap = cap;
    }
    int at = g->n;
    while (at > 0 && g->cp[at - 1] > cp) {
        g->cp[at] = g->cp[at - 1];
        at--;
    }
    g->cp[at] = cp;
    g->n++;
    return true;
}

static bool glyphs_collect(Glyphs *g, const PageImage *pages, int n)
{
    for (int p = 0; p < n; p++)
        for (int r = 0; r < pages[p].nruns; r++)
            for (size_t i = 0; pages[p].runs[r].s[i];)
                if (!glyph_add(g, next_cp(pages[p].runs[r].s, &i)))
                    return false;
    return true;
}

/* One Type 3 font for glyphs [first, first+count) of g: codes 1..count. */
static void font_write(Out *o, int n, int proc, const Glyphs *g, int first, int count)
{
    obj_begin(o, n);
    putf(o,
         "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700]"
         " /FontMatrix [0.001 0 0 0.001 0 0] /Resources << >>"
         " /FirstChar 1 /LastChar %d /Widths [",
         count);
    for (int k = 0; k < count; k++)
        putf(o, k ? " 500" : "500");
    putf(o, "] /CharProcs <<");
    for (int k = 0; k < count; k++) {
        uint32_t cp = g->cp[first + k];
        if (cp == ' ')
            putf(o, " /space %d 0 R", proc);
        else
            putf(o, cp <= 0xFFFF ? " /uni%04X %d 0 R" : " /u%06X %d 0 R", (unsigned)cp, proc);
    }
    putf(o, " >> /Encoding << /Type /Encoding /Differences [1");
    for (int k = 0; k < count; k++) {
        uint32_t cp = g->cp[first + k];
        if (cp == ' ')
            putf(o, " /space");
        else
            putf(o, cp <= 0xFFFF ? " /uni%04X" : " /u%06X", (unsigned)cp);
    }
    putf(o, "] >> >>\nendobj\n");
}

/* The text layer of one page into o (a content stream under way). */
static void text_layer(Out *o, const PageImage *pg, const Glyphs *g, double k, double page_h)
{
    for (int r = 0; r < pg->nruns; r++) {
        const PageRun *run = &pg->runs[r];
        int chars = 0, font = -1;
        bool open = false;
        for (size_t i = 0; run->s[i];)
            chars += next_cp(run->s, &i) >= 0x20;
        if (chars == 0)
            continue;
        double size = run->px * k, scale = run->w * k / (chars * 0.5 * size) * 100.0;
        putf(o, "BT %.2f Tz 1 0 0 1 %.2f %.2f Tm ", scale, run->x * k, page_h - run->y * k);
        for (size_t i = 0; run->s[i];) {
            int at = glyph_index(g, next_cp(run->s, &i));
            if (at < 0)
                continue;
            if (at / GLYPHS_PER_FONT != font) {
                if (open)
                    putf(o, "> Tj ");
                font = at / GLYPHS_PER_FONT;
                putf(o, "/F%d %.2f Tf <", font, size);
                open = true;
            }
            putf(o, "%02X", at % GLYPHS_PER_FONT + 1);
        }
        putf(o, "%sET\n", open ? "> Tj " : "");
    }
}

unsigned char *pdf_write(const PageImage *pages, int n, int dpi, size_t *len, char *err, size_t cap)
{
    Out *o = calloc(1, sizeof *o);
    Glyphs g = {0};
    unsigned char *result = NULL;
    if (!o || !glyphs_collect(&g, pages, n)) {
        snprintf(err, cap, "out of memory writing the PDF");
        goto done;
    }
    double k = 72.0 / dpi;
    int nfonts = (g.n + GLYPHS_PER_FONT - 1) / GLYPHS_PER_FONT;
    /* objects: 1 catalog, 2 pages, 3 the empty glyph, 4.. fonts, then
     * three per page: the page, its content and its image */
    int first_page = 4 + nfonts;
    putf(o, "%%PDF-1.4\n%%\xE2\xE3\xCF\xD3\n");
    obj_begin(o, 1);
    putf(o, "<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
    obj_begin(o, 2);
    putf(o, "<< /Type /Pages /Count %d /Kids [", n);
    for (int p = 0; p < n; p++)
        putf(o, " %d 0 R", first_page + 3 * p);
    putf(o, " ] >>\nendobj\n");
    stream(o, 3, "", "500 0 0 0 500 700 d1", 20);
    for (int f = 0; f < nfonts; f++) {
        int count = g.n - f * GLYPHS_PER_FONT;
        font_write(o, 4 + f, 3, &g, f * GLYPHS_PER_FONT,
                   count > GLYPHS_PER_FONT ? GLYPHS_PER_FONT : count);
    }
    for (int p = 0; p < n && !o->failed; p++) {
        const PageImage *pg = &pages[p];
        int page = first_page + 3 * p;
        double w = pg->w * k, h = pg->h * k;
        obj_begin(o, page);
        putf(o,
             "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f]"
             " /Resources << /XObject << /Im0 %d 0 R >> /Font <<",
             w, h, page + 2);
        for (int f = 0; f < nfonts; f++)
            putf(o, " /F%d %d 0 R", f, 4 + f);
        putf(o, " >> >> /Contents %d 0 R >>\nendobj\n", page + 1);
        Out *content = calloc(1, sizeof *content);
        if (!content) {
            o->failed = true;
            break;
        }
        putf(content, "q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q\n", w, h);
        text_layer(content, pg, &g, k, h);
        if (content->failed)
            o->failed = true;
        else
            stream(o, page + 1, "", content->p, content->len);
        free(content->p);
        free(content);
        size_t zlen = 0;
        unsigned char *z = deflate_alloc(pg->gray, (size_t)pg->w * (size_t)pg->h, &zlen);
        if (!z) {
            o->failed = true;
            break;
        }
        char dict[160];
        snprintf(dict, sizeof dict,
                 "/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
                 " /BitsPerComponent 8 /Filter /FlateDecode",
                 pg->w, pg->h);
        stream(o, page + 2, dict, z, zlen);
        free(z);
    }
    size_t xref = o->len;
    putf(o, "xref\n0 %d\n0000000000 65535 f \n", o->nobj + 1);
    for (int i = 1; i <= o->nobj; i++)
        putf(o, "%010zu 00000 n \n", o->offset[i]);
    putf(o, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", o->nobj + 1, xref);
    if (o->failed) {
        snprintf(err, cap, "out of memory writing the PDF");
        free(o->p);
        goto done;
    }
    result = o->p;
    *len = o->len;
done:
    free(g.cp);
    free(o);
    return result;
}

bool page_png(const PageImage *p, const char *path, char *err, size_t cap)
{
    return png_write(path, p->gray, p->w, p->h, p->w, 1, err, cap);
}
