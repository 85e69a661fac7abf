/* text: lines of UTF-8 text drawn with SDL_ttf through a font fallback
 * chain, cached as textures per colour: tinting a white texture at draw
 * time sends SDL's software renderer down its slow generic blit, three
 * times the cost of a plain alpha blend. A line is split into runs, each in the first font
 * of the chain that has its characters; Arabic and Hebrew runs are shaped
 * right to left. Nothing renders as a box while some font has the glyph. */
#include "internal.h"

#include <SDL_ttf.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

enum { OPEN_FONTS = 48, CACHE_SLOTS = 4096, CACHE_KEEP = 1200, MAX_RUNS = 64 };

/* The pixels the cache may hold (coverage masks and textures) before the
 * entries not drawn in the last frames go: its share of the kiosk's
 * memory budget, a few full screens of text at 1080p. */
#define CACHE_BYTES ((size_t)8 << 20)

/* The key colour of coverage masks: one mask serves every colour, since
 * the ink is applied as it is blended (see text_mask). Not RGBA 0, which
 * marks width-only entries. */
#define MASK_KEY 1u

/* FreeType wants faces opened and closed one at a time per library, and
 * SDL_ttf has one library: the screen's text and a print job's pages
 * (drawn on the job's thread) take turns here. Drawing needs no lock. */
static pthread_mutex_t faces = PTHREAD_MUTEX_INITIALIZER;

/* Font files are mapped once and read from memory: FreeType reading a
 * file through SDL_RWops seeks and reads in small pieces, six thousand
 * system calls before the first screen. The pages are the page cache's,
 * shared with every other program using the font. Unmapped when the last
 * Text closes (under `faces`). */
enum { MAPPED_MAX = 2 * FONTS_MAX };
static struct {
    char path[512];
    void *p;
    size_t n;
} mapped[MAPPED_MAX];
static int nmapped, texts_open;
/* A font was read since its pages were last let go (text_frame_done):
 * a string drawn or measured that was not cached. */
static bool fonts_read;

/* Lets the fonts' pages go from this process (they stay in the page
 * cache, and the next glyph read maps them back): a CJK fallback font is
 * 4 to 20 MB, and its tables are read whole for a name or two, then the
 * text cache holds what was drawn. After a frame that read a font:
 * a few system calls, and the next uncached string maps back a few
 * pages of the font it needs. */
static void let_go_of_fonts(void)
{
    if (!fonts_read)
        return;
    pthread_mutex_lock(&faces);
    for (int i = 0; i < nmapped; i++)
        madvise(mapped[i].p, mapped[i].n, MADV_DONTNEED);
    fonts_read = false;
    pthread_mutex_unlock(&faces);
}

static TTF_Font *open_mapped(const char *file, int px)
{
    int i = 0;
    while (i < nmapped && strcmp(mapped[i].path, file) != 0)
        i++;
    if (i == nmapped && nmapped < MAPPED_MAX) {
        int fd = open(file, O_RDONLY | O_CLOEXEC);
        struct stat st;
        void *p = MAP_FAILED;
        if (fd >= 0 && fstat(fd, &st) == 0 && st.st_size > 0)
            p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
        if (fd >= 0)
            close(fd);
        if (p != MAP_FAILED) {
            /* a font holds nothing of a visitor's: not locked in memory
             * (memory_harden locks the rest), so its pages can go */
            munlock(p, (size_t)st.st_size);
            snprintf(mapped[i].path, sizeof mapped[i].path, "%s", file);
            mapped[i].p = p;
            mapped[i].n = (size_t)st.st_size;
            nmapped++;
        }
    }
    if (i < nmapped) {
        SDL_RWops *rw = SDL_RWFromConstMem(mapped[i].p, (int)mapped[i].n);
        return rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
    }
    return TTF_OpenFont(file, px); /* not mappable: read as a file */
}

static void unmap_fonts(void)
{
    for (int i = 0; i < nmapped; i++)
        munmap(mapped[i].p, mapped[i].n);
    memset(mapped, 0, sizeof mapped);
    nmapped = 0;
}

static TTF_Font *open_font(const char *file, int px)
{
    pthread_mutex_lock(&faces);
    TTF_Font *f = open_mapped(file, px);
    pthread_mutex_unlock(&faces);
    return f;
}

static void close_font(TTF_Font *f)
{
    pthread_mutex_lock(&faces);
    TTF_CloseFont(f);
    pthread_mutex_unlock(&faces);
}

typedef struct {
    int face; /* index in the chain */
    int px;
    Weight w;
    TTF_Font *font;
    unsigned long used;
} OpenFont;

typedef struct {
    char *s; /* NULL: empty slot */
    int px;
    Weight w;
    uint32_t color; /* RGBA; 0 for width-only entries */
    uint32_t hash;
    SDL_Texture *tex; /* NULL until drawn (width-only entries) */
    Uint8 *mask;      /* coverage, width x height, then its runs (see text_mask) */
    size_t mask_bytes;
    int width, height;
    int lift; /* width-only entries: how far the line's top rises above the first font's, +1; 0
                 unknown */
    unsigned long used;
} Entry;

struct Text {
    SDL_Renderer *r;
    FontFiles files;
    TTF_Font *probe[FONTS_MAX]; /* for glyph coverage only; opened on first use */
    bool probed[FONTS_MAX];     /* an open was tried */
    OpenFont open[OPEN_FONTS];
    Entry slot[CACHE_SLOTS];
    int count, textures;
    size_t bytes;     /* of the masks and textures held */
    bool close_fonts; /* a visitor has gone: their fonts go after this frame */
    unsigned long frame, tick;
};

typedef struct {
    int face;
    size_t start, len;
    bool rtl; /* shaped right to left */
} Run;

Text *text_open(SDL_Renderer *r, char *err, size_t cap)
{
    Text *t = calloc(1, sizeof *t);
    if (!t) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    t->r = r;
    pthread_mutex_lock(&faces);
    int init = TTF_Init();
    if (init == 0)
        texts_open++; /* text_close counts it down, even after a failure */
    pthread_mutex_unlock(&faces);
    if (init != 0) {
        snprintf(err, cap, "SDL_ttf: %s", TTF_GetError());
        free(t);
        return NULL;
    }
    pthread_mutex_lock(&faces); /* fontconfig too: a closing job's text ends it */
    bool found = fonts_find(&t->files, err, cap);
    pthread_mutex_unlock(&faces);
    if (!found) {
        text_close(t);
        return NULL;
    }
    /* the first font now; the fallbacks when a character needs them (most
     * screens never do, and opening a CJK font is slow to start with) */
    t->probe[0] = open_font(t->files.path[0], 16);
    if (!t->probe[0]) {
        snprintf(err, cap, "cannot open %s: %s", t->files.path[0], TTF_GetError());
        text_close(t);
        return NULL;
    }
    return t;
}

static void entry_free(Text *t, Entry *e)
{
    if (e->tex) {
        SDL_DestroyTexture(e->tex);
        t->textures--;
        t->bytes -= (size_t)e->width * (size_t)e->height * 4;
    }
    if (e->mask) { /* the shape of a visitor's words is theirs too */
        explicit_bzero(e->mask, e->mask_bytes);
        free(e->mask);
        t->textures--;
        t->bytes -= e->mask_bytes;
    }
    if (e->s)
        explicit_bzero(e->s, strlen(e->s)); /* the text may be a visitor's */
    free(e->s);
    memset(e, 0, sizeof *e);
}

void text_close(Text *t)
{
    if (!t)
        return;
    for (int i = 0; i < CACHE_SLOTS; i++)
        if (t->slot[i].s)
            entry_free(t, &t->slot[i]);
    for (int i = 0; i < OPEN_FONTS; i++)
        if (t->open[i].font)
            close_font(t->open[i].font);
    for (int i = 0; i < FONTS_MAX; i++)
        if (t->probe[i])
            close_font(t->probe[i]);
    pthread_mutex_lock(&faces);
    TTF_Quit();
    fonts_done();
    if (--texts_open == 0)
        unmap_fonts(); /* no font is open any more */
    pthread_mutex_unlock(&faces);
    free(t);
}

void text_renderer(Text *t, SDL_Renderer *r)
{
    for (int i = 0; i < CACHE_SLOTS; i++) {
        Entry *e = &t->slot[i];
        if (e->tex) {
            SDL_DestroyTexture(e->tex);
            e->tex = NULL;
            t->textures--;
            t->bytes -= (size_t)e->width * (size_t)e->height * 4;
        }
    }
    t->r = r;
}

/* The chain's font `face` at px and weight, opened on demand. */
static TTF_Font *font_at(Text *t, int face, int px, Weight w)
{
    int victim = 0;
    for (int i = 0; i < OPEN_FONTS; i++) {
        OpenFont *o = &t->open[i];
        if (o->font && o->face == face && o->px == px && o->w == w) {
            o->used = ++t->tick;
            return o->font;
        }
        if (!o->font || o->used < t->open[victim].used)
            victim = i;
    }
    OpenFont *o = &t->open[victim];
    if (o->font)
        close_font(o->font);
    const char *file =
        w == WEIGHT_BOLD && t->files.bold[face][0] ? t->files.bold[face] : t->files.path[face];
    o->font = open_font(file, px);
    if (o->font && w == WEIGHT_BOLD && !t->files.bold[face][0])
        TTF_SetFontStyle(o->font, TTF_STYLE_BOLD);
    if (o->font)
        TTF_SetFontHinting(o->font, TTF_HINTING_LIGHT);
    o->face = face;
    o->px = px;
    o->w = w;
    o->used = ++t->tick;
    return o->font;
}

static uint32_t next_cp(const char *s, size_t len, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t c = u[*i];
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (*i + (size_t)n > len) {
        (*i)++;
        return 0xFFFD;
    }
    if (n == 1)
        (*i)++;
    else {
        c &= (uint32_t)(0x7F >> n);
        for (int k = 1; k < n; k++)
            c = c << 6 | (u[*i + (size_t)k] & 0x3F);
        *i += (size_t)n;
    }
    return c;
}

static bool provides(Text *t, int face, uint32_t cp)
{
    if (!t->probe[face] && !t->probed[face] && face < t->files.n) {
        t->probed[face] = true;
        t->probe[face] = open_font(t->files.path[face], 16);
    }
    fonts_read = true;
    return t->probe[face] && TTF_GlyphIsProvided32(t->probe[face], cp);
}

/* Splits s into runs of one font each; returns how many. */
static int split(Text *t, const char *s, size_t len, Run *runs)
{
    int n = 0, cur = -1;
    for (size_t i = 0; i < len;) {
        size_t at = i;
        uint32_t cp = next_cp(s, len, &i);
        int face = cur;
        if (cur < 0 || !provides(t, cur, cp)) {
            face = 0;
            for (int f = 0; f < t->files.n; f++)
                if (provides(t, f, cp)) {
                    face = f;
                    break;
                }
            if (cur >= 0 && face == 0 && !provides(t, 0, cp))
                face = cur; /* nobody has it: keep the run whole */
        }
        if (face != cur || n == 0) {
            if (n == MAX_RUNS) {
                runs[n - 1].len = len - runs[n - 1].start;
                return n;
            }
            runs[n++] = (Run){face, at, 0, false};
            cur = face;
        }
        runs[n - 1].len = i - runs[n - 1].start;
    }
    return n;
}

/* The line's runs as they stand on screen from left to right: runs of one
 * direction (bidi.c), each cut into runs of one font, whose order a
 * right-to-left run reverses. Returns how many. */
static int layout(Text *t, const char *s, size_t len, Run *runs)
{
    BidiRun b[BIDI_RUNS_MAX];
    Run part[MAX_RUNS];
    int nb = bidi_runs(s, len, b, BIDI_RUNS_MAX), n = 0;
    for (int i = 0; i < nb; i++) {
        int k = split(t, s + b[i].start, b[i].len, part);
        for (int j = 0; j < k && n < MAX_RUNS; j++) {
            const Run *r = &part[b[i].rtl ? k - 1 - j : j];
            runs[n++] = (Run){r->face, b[i].start + r->start, r->len, b[i].rtl};
        }
    }
    return n;
}

/* Sets the direction of font for a run, and its script by the run's first
 * letter. */
static void shape_for(TTF_Font *f, const char *s, size_t len, bool rtl)
{
    size_t i = 0;
    uint32_t cp = 0;
    while (i < len && (cp = next_cp(s, len, &i)) < 0x80)
        ;
    bool arabic = (cp >= 0x600 && cp <= 0x6FF) || (cp >= 0x750 && cp <= 0x77F) ||
                  (cp >= 0xFB50 && cp <= 0xFEFF);
    bool hebrew = cp >= 0x590 && cp <= 0x5FF;
    TTF_SetFontDirection(f, rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
    TTF_SetFontScriptName(f, arabic                       ? "Arab"
                             : hebrew                     ? "Hebr"
                             : cp >= 0x900 && cp <= 0x97F ? "Deva"
                                                          : "Latn");
}

/* Renders one line in colour c into a new surface. */
static SDL_Surface *render(Text *t, const char *s, int px, Weight w, SDL_Color c)
{
    Run runs[MAX_RUNS];
    SDL_Surface *part[MAX_RUNS] = {0}, *out = NULL;
    TTF_Font *font[MAX_RUNS];
    size_t len = strlen(s);
    int n = layout(t, s, len, runs), width = 0, asc = 0, desc = 0;
    SDL_Color ink = {c.r, c.g, c.b, 255};
    char buf[1024];
    for (int i = 0; i < n; i++) {
        font[i] = font_at(t, runs[i].face, px, w);
        if (!font[i])
            goto done;
        size_t k = runs[i].len < sizeof buf - 1 ? runs[i].len : sizeof buf - 1;
        memcpy(buf, s + runs[i].start, k);
        buf[k] = '\0';
        shape_for(font[i], buf, k, runs[i].rtl);
        fonts_read = true;
        part[i] = TTF_RenderUTF8_Blended(font[i], buf, ink);
        if (part[i])
            width += part[i]->w;
        if (TTF_FontAscent(font[i]) > asc)
            asc = TTF_FontAscent(font[i]);
        if (-TTF_FontDescent(font[i]) > desc)
            desc = -TTF_FontDescent(font[i]);
    }
    out = SDL_CreateRGBSurfaceWithFormat(0, width > 0 ? width : 1, asc + desc, 32,
                                         SDL_PIXELFORMAT_ARGB8888);
    for (int i = 0, x = 0; out && i < n; i++) {
        if (!part[i])
            continue;
        SDL_Rect at = {x, asc - TTF_FontAscent(font[i]), part[i]->w, part[i]->h};
        SDL_SetSurfaceBlendMode(part[i], SDL_BLENDMODE_NONE);
        SDL_BlitSurface(part[i], NULL, out, &at);
        x += part[i]->w;
    }
done:
    for (int i = 0; i < n; i++)
        SDL_FreeSurface(part[i]);
    return out;
}

static uint32_t hash(const char *s, int px, Weight w, uint32_t color)
{
    uint32_t h = (2166136261u ^ (uint32_t)(px * 31 + (int)w)) * 16777619u ^ color;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* The cache entry for (s, px, w, color), made if missing; NULL when
 * full. color 0 is for widths only. */
static Entry *lookup(Text *t, const char *s, int px, Weight w, uint32_t color)
{
    uint32_t h = hash(s, px, w, color);
    for (uint32_t i = 0; i < CACHE_SLOTS; i++) {
        Entry *e = &t->slot[(h + i) & (CACHE_SLOTS - 1)];
        if (!e->s) {
            if (t->count >= CACHE_SLOTS * 3 / 4)
                return NULL;
            e->s = strdup(s);
            if (!e->s)
                return NULL;
            e->px = px;
            e->w = w;
            e->color = color;
            e->hash = h;
            e->width = -1;
            t->count++;
            e->used = t->frame;
            return e;
        }
        if (e->hash == h && e->px == px && e->w == w && e->color == color && strcmp(e->s, s) == 0) {
            e->used = t->frame;
            return e;
        }
    }
    return NULL;
}

int text_width(Text *t, const char *s, int px, Weight w)
{
    if (!*s)
        return 0;
    Entry *e = lookup(t, s, px, w, 0);
    if (e && e->width >= 0)
        return e->width;
    Run runs[MAX_RUNS];
    char buf[1024];
    size_t len = strlen(s);
    int n = layout(t, s, len, runs), width = 0;
    for (int i = 0; i < n; i++) {
        TTF_Font *f = font_at(t, runs[i].face, px, w);
        int rw = 0;
        size_t k = runs[i].len < sizeof buf - 1 ? runs[i].len : sizeof buf - 1;
        memcpy(buf, s + runs[i].start, k);
        buf[k] = '\0';
        if (f) {
            shape_for(f, buf, k, runs[i].rtl);
            fonts_read = true;
            TTF_SizeUTF8(f, buf, &rw, NULL);
        }
        width += rw;
    }
    if (e)
        e->width = width;
    return width;
}

int text_lift(Text *t, const char *s, int px, Weight w)
{
    if (!*s)
        return 0;
    Entry *e = lookup(t, s, px, w, 0);
    if (e && e->lift > 0)
        return e->lift - 1;
    Run runs[MAX_RUNS];
    int n = layout(t, s, strlen(s), runs), asc = 0;
    for (int i = 0; i < n; i++) {
        TTF_Font *f = font_at(t, runs[i].face, px, w);
        if (f && TTF_FontAscent(f) > asc)
            asc = TTF_FontAscent(f);
    }
    TTF_Font *first = font_at(t, 0, px, w);
    int lift = first && asc > TTF_FontAscent(first) ? asc - TTF_FontAscent(first) : 0;
    if (e)
        e->lift = lift + 1;
    return lift;
}

SDL_Texture *text_texture(Text *t, const char *s, int px, Weight w, SDL_Color c, int *tw, int *th,
                          bool *temporary)
{
    Entry *e;
    SDL_Texture *tex;
    uint32_t color = (uint32_t)c.r << 24 | (uint32_t)c.g << 16 | (uint32_t)c.b << 8 | 0xFF;
    *temporary = false;
    if (!*s)
        return NULL;
    e = lookup(t, s, px, w, color);
    if (e && e->tex)
        tex = e->tex;
    else {
        SDL_Surface *surf = render(t, s, px, w, c);
        if (!surf)
            return NULL;
        tex = SDL_CreateTextureFromSurface(t->r, surf);
        if (tex)
            SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
        if (e && tex) {
            e->tex = tex;
            e->width = surf->w;
            e->height = surf->h;
            t->textures++;
            t->bytes += (size_t)surf->w * (size_t)surf->h * 4;
        }
        *tw = surf->w;
        *th = surf->h;
        SDL_FreeSurface(surf);
        if (!e && tex) { /* the cache is full: draw once, the caller frees it */
            *temporary = true;
            if (c.a != 255)
                SDL_SetTextureAlphaMod(tex, c.a);
            return tex;
        }
        if (!tex)
            return NULL;
    }
    *tw = e->width;
    *th = e->height;
    SDL_SetTextureAlphaMod(tex, c.a); /* 255 almost always: the fast path */
    return tex;
}

/* The runs of a row of coverage: where it is not 0, gaps of fewer than
 * RUN_GAP clear pixels joined (blending clear coverage changes nothing,
 * and one run costs less than two). Writes them to out when set; returns
 * how many. */
enum { RUN_GAP = 8 };
static int row_runs(const Uint8 *row, int w, uint16_t *out)
{
    int n = 0, x = 0;
    while (x < w) {
        while (x < w && !row[x])
            x++;
        if (x == w)
            break;
        int start = x, end = x; /* end: past the last covered pixel */
        while (x < w) {
            if (row[x]) {
                end = ++x;
                continue;
            }
            int gap = x;
            while (x < w && !row[x] && x - gap < RUN_GAP)
                x++;
            if (x == w || !row[x])
                break;
        }
        if (out) {
            out[2 * n] = (uint16_t)start;
            out[2 * n + 1] = (uint16_t)(end - start);
        }
        n++;
        x = end;
        while (x < w && !row[x]) /* the gap that ended the run */
            x++;
    }
    return n;
}

/* Where a mask's runs start: after its coverage, padded to 2 bytes; none
 * for a line too wide for 16-bit starts. */
static const uint16_t *runs_of(const Uint8 *mask, int w, int h)
{
    return w <= UINT16_MAX ? (const uint16_t *)(mask + ((size_t)w * (size_t)h + 1) / 2 * 2) : NULL;
}

/* The coverage of s (one byte a pixel, 0 to 255, rows packed) and its
 * runs, for drawing straight into a software surface in any colour.
 * Blending a byte mask reads a quarter of what an ARGB texture's blit
 * reads, and only its runs are read: a line's box is mostly empty.
 * *temporary means the caller frees it after use (the cache is full). */
const Uint8 *text_mask(Text *t, const char *s, int px, Weight w, TextMask *out, bool *temporary)
{
    *temporary = false;
    if (!*s)
        return NULL;
    Entry *e = lookup(t, s, px, w, MASK_KEY);
    if (e && e->mask) {
        out->w = e->width;
        out->h = e->height;
        out->cover = e->mask;
        out->runs = runs_of(e->mask, e->width, e->height);
        return e->mask;
    }
    SDL_Surface *surf = render(t, s, px, w, (SDL_Color){255, 255, 255, 255});
    if (!surf)
        return NULL;
    size_t area = (size_t)surf->w * (size_t)surf->h;
    Uint8 *cover = malloc(area ? area : 1);
    Uint8 *mask = NULL;
    size_t bytes = 0;
    if (cover) {
        const SDL_PixelFormat *f = surf->format;
        for (int y = 0; y < surf->h; y++) {
            const Uint32 *row = (const Uint32 *)((const Uint8 *)surf->pixels + y * surf->pitch);
            for (int x = 0; x < surf->w; x++)
                cover[(size_t)y * (size_t)surf->w + (size_t)x] =
                    (Uint8)((row[x] & f->Amask) >> f->Ashift);
        }
        /* the runs follow the coverage: per row, how many, then each
         * one's start and length (rows too wide for 16 bits have none) */
        size_t nruns = 0;
        bool with_runs = surf->w <= UINT16_MAX;
        for (int y = 0; with_runs && y < surf->h; y++)
            nruns += 1 + 2 * (size_t)row_runs(cover + (size_t)y * (size_t)surf->w, surf->w, NULL);
        bytes = (area + 1) / 2 * 2 + nruns * sizeof(uint16_t);
        mask = malloc(bytes ? bytes : 1);
        if (mask) {
            memcpy(mask, cover, area);
            uint16_t *r = (uint16_t *)runs_of(mask, surf->w, surf->h);
            for (int y = 0; with_runs && y < surf->h; y++) {
                int n = row_runs(cover + (size_t)y * (size_t)surf->w, surf->w, r + 1);
                r[0] = (uint16_t)n;
                r += 1 + 2 * n;
            }
        }
        explicit_bzero(cover, area);
        free(cover);
    }
    out->w = surf->w;
    out->h = surf->h;
    SDL_FreeSurface(surf);
    if (!mask)
        return NULL;
    out->cover = mask;
    out->runs = runs_of(mask, out->w, out->h);
    if (!e) {
        *temporary = true;
        return mask;
    }
    e->mask = mask;
    e->mask_bytes = bytes;
    e->width = out->w;
    e->height = out->h;
    t->textures++;
    t->bytes += bytes;
    return mask;
}

/* The bytes of a mask: its coverage, padded to 2, and its runs. */
static size_t mask_size(const TextMask *m)
{
    const uint16_t *r = m->runs;
    if (!r)
        return ((size_t)m->w * (size_t)m->h + 1) / 2 * 2;
    for (int y = 0; y < m->h; y++)
        r += 1 + 2 * r[0];
    return (size_t)((const Uint8 *)r - m->cover);
}

void text_mask_free(const TextMask *m, const Uint8 *p)
{
    explicit_bzero((void *)p, mask_size(m));
    free((void *)p);
}

int text_line_height(Text *t, int px)
{
    TTF_Font *f = font_at(t, 0, px, WEIGHT_REGULAR);
    return f ? TTF_FontLineSkip(f) : px * 4 / 3;
}

int text_ascent(Text *t, int px)
{
    TTF_Font *f = font_at(t, 0, px, WEIGHT_REGULAR);
    return f ? TTF_FontAscent(f) : px;
}

/* Rebuilds the table with only the entries last used in frames
 * [keep_from, drop_from); the others are freed. */
static void rebuild(Text *t, unsigned long keep_from, unsigned long drop_from)
{
    static Entry keep[CACHE_SLOTS];
    int n = 0;
    for (int i = 0; i < CACHE_SLOTS; i++) {
        Entry *e = &t->slot[i];
        if (!e->s)
            continue;
        if (e->used >= keep_from && e->used < drop_from)
            keep[n++] = *e;
        else
            entry_free(t, e);
        memset(e, 0, sizeof *e);
    }
    t->count = 0;
    for (int k = 0; k < n; k++) {
        uint32_t i = keep[k].hash;
        while (t->slot[i & (CACHE_SLOTS - 1)].s)
            i++;
        t->slot[i & (CACHE_SLOTS - 1)] = keep[k];
        t->count++;
    }
    explicit_bzero(keep, sizeof keep[0] * (size_t)n);
}

static void close_fonts(Text *t);

/* Drops entries unused for a while. */
void text_frame_done(Text *t)
{
    if (t->close_fonts)
        close_fonts(t);
    let_go_of_fonts();
    t->frame++;
    if (t->count >= CACHE_KEEP || t->bytes >= CACHE_BYTES)
        rebuild(t, t->frame >= 2 ? t->frame - 2 : 0, ULONG_MAX);
}

unsigned long text_mark(const Text *t)
{
    return t->frame;
}

void text_forget(Text *t, unsigned long mark)
{
    /* kept: the screen as it was when the visitor began (its last frames
     * before mark), which the next one sees first; not the settings and
     * screens tried before that, nor anything since */
    rebuild(t, mark >= 2 ? mark - 2 : 0, mark);
    t->close_fonts = true; /* after the next frame (text_frame_done) */
}

/* Closes the fonts opened for what the last visitor brought (their
 * sizes, their scripts' fallbacks) and the glyphs SDL_ttf keeps for
 * each: the next visitor opens what their screens need. */
static void close_fonts(Text *t)
{
    t->close_fonts = false;
    for (int i = 0; i < OPEN_FONTS; i++)
        if (t->open[i].font) {
            close_font(t->open[i].font);
            t->open[i] = (OpenFont){0};
        }
    for (int f = 1; f < FONTS_MAX; f++) {
        if (t->probe[f])
            close_font(t->probe[f]);
        t->probe[f] = NULL;
        t->probed[f] = false;
    }
}

void text_counts(const Text *t, int *textures, int *widths)
{
    *textures = t->textures;
    *widths = t->count;
}

int text_missing(Text *t, const char *s)
{
    size_t len = strlen(s);
    int missing = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp = next_cp(s, len, &i);
        bool any = cp < 0x20 || cp == ' ';
        for (int f = 0; f < t->files.n && !any; f++)
            any = provides(t, f, cp);
        missing += !any;
    }
    return missing;
}
