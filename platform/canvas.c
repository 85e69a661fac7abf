/* canvas: offscreen white pages for printouts, drawn with SDL's software
 * renderer. See page.h. */
#include "internal.h"
#include "page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct Canvas {
    SDL_Surface *surface;
    Draw draw;
    PageRun *runs;
    int nruns, cap;
    bool failed; /* a run could not be kept */
};

Canvas *canvas_open(int w, int h, char *err, size_t cap)
{
    Canvas *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    c->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    c->draw.r = c->surface ? SDL_CreateSoftwareRenderer(c->surface) : NULL;
    if (!c->draw.r) {
        snprintf(err, cap, "cannot make a %dx%d page: %s", w, h, SDL_GetError());
        canvas_close(c);
        return NULL;
    }
    SDL_SetRenderDrawBlendMode(c->draw.r, SDL_BLENDMODE_BLEND);
    c->draw.text = text_open(c->draw.r, err, cap);
    if (!c->draw.text) {
        canvas_close(c);
        return NULL;
    }
    c->draw.canvas = c;
    c->draw.target = c->surface;
    draw_clear(&c->draw, (Color){255, 255, 255, 255});
    return c;
}

Draw *canvas_draw(Canvas *c)
{
    return &c->draw;
}

void canvas_record(Canvas *c, const char *s, int x, int y, int w, int px)
{
    if (c->nruns == c->cap) {
        int n = c->cap ? c->cap * 2 : 64;
        PageRun *grown = realloc(c->runs, (size_t)n * sizeof *grown);
        if (!grown) {
            c->failed = true;
            return;
        }
        c->runs = grown;
        c->cap = n;
    }
    char *copy = strdup(s);
    if (!copy) {
        c->failed = true;
        return;
    }
    c->runs[c->nruns++] = (PageRun){x, y, w, px, copy};
}

static void runs_free(PageRun *runs, int n)
{
    for (int i = 0; i < n; i++) {
        if (runs[i].s) {
            memset(runs[i].s, 0, strlen(runs[i].s));
            free(runs[i].s);
        }
    }
    free(runs);
}

void canvas_close(Canvas *c)
{
    if (!c)
        return;
    draw_release(&c->draw);
    if (c->draw.r)
        SDL_DestroyRenderer(c->draw.r);
    if (c->surface) {
        memset(c->surface->pixels, 0, (size_t)c->surface->pitch * (size_t)c->surface->h);
        SDL_FreeSurface(c->surface);
    }
    runs_free(c->runs, c->nruns);
    free(c);
}

bool canvas_finish(Canvas *c, PageImage *out, char *err, size_t cap)
{
    int w = c->surface->w, h = c->surface->h;
    memset(out, 0, sizeof *out);
    draw_settle(&c->draw);
    SDL_RenderPresent(c->draw.r);
    unsigned char *gray = malloc((size_t)w * (size_t)h);
    if (!gray || c->failed) {
        free(gray);
        snprintf(err, cap, "out of memory drawing a %dx%d page", w, h);
        canvas_close(c);
        return false;
    }
    for (int y = 0; y < h; y++) {
        const Uint32 *row =
            (const Uint32 *)((const Uint8 *)c->surface->pixels + y * c->surface->pitch);
        for (int x = 0; x < w; x++) {
            Uint32 p = row[x];
            /* ITU-R BT.601 luma */
            gray[(size_t)y * w + x] = (unsigned char)((((p >> 16) & 255) * 299 +
                                                       ((p >> 8) & 255) * 587 + (p & 255) * 114) /
                                                      1000);
        }
    }
    *out = (PageImage){w, h, gray, c->runs, c->nruns};
    c->runs = NULL;
    c->nruns = 0;
    canvas_close(c);
    return true;
}

void page_free(PageImage *p)
{
    if (p->gray) {
        memset(p->gray, 255, (size_t)p->w * (size_t)p->h);
        free(p->gray);
    }
    runs_free(p->runs, p->nruns);
    memset(p, 0, sizeof *p);
}
