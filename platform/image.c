/* image: SDL_image's only includer. The office's logo (PNG, JPEG or SVG)
 * read once per Draw and drawn scaled to fit; a checker for
 * `--check-config`; PNGs of screenshots and rendered pages, written by
 * IMG_SavePNG. See draw.h and platform.h. */
#include "internal.h"
#include "platform.h"

#include <SDL_image.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

enum { IMAGE_FILE_MAX = 8 << 20, IMAGE_SIDE_MAX = 4096 };

/* The image at path as a surface, or NULL with the reason. Refuses files
 * and pictures too large to be a logo before decoding them fully. */
static SDL_Surface *image_load(const char *path, char *err, size_t cap)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, cap, "%s: no such file", path);
        return NULL;
    }
    if (st.st_size > IMAGE_FILE_MAX) {
        snprintf(err, cap, "%s: %lld bytes; a logo may be at most 8 MB", path,
                 (long long)st.st_size);
        return NULL;
    }
    SDL_Surface *s = IMG_Load(path);
    if (!s) {
        snprintf(err, cap, "%s: not a PNG, JPEG or SVG image SDL_image can read (%s)", path,
                 IMG_GetError());
        return NULL;
    }
    if (s->w < 1 || s->h < 1 || s->w > IMAGE_SIDE_MAX || s->h > IMAGE_SIDE_MAX) {
        snprintf(err, cap, "%s: %dx%d pixels; a logo may be at most %dx%d", path, s->w, s->h,
                 IMAGE_SIDE_MAX, IMAGE_SIDE_MAX);
        SDL_FreeSurface(s);
        return NULL;
    }
    return s;
}

/* A copy of s made (w x h) by halving while it is more than twice too
 * big, then one bilinear step: a big logo shrunk in one step would alias.
 * Frees s. */
static SDL_Surface *shrink(SDL_Surface *s, int w, int h)
{
    SDL_Surface *cur = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(s);
    while (cur && (cur->w != w || cur->h != h)) {
        int nw = cur->w > 2 * w ? (cur->w + 1) / 2 : w, nh = cur->h > 2 * h ? (cur->h + 1) / 2 : h;
        SDL_Surface *next = SDL_CreateRGBSurfaceWithFormat(0, nw, nh, 32, SDL_PIXELFORMAT_ARGB8888);
        if (next && SDL_SoftStretchLinear(cur, NULL, next, NULL) != 0) {
            SDL_FreeSurface(next);
            next = NULL;
        }
        SDL_FreeSurface(cur);
        cur = next;
    }
    return cur;
}

/* The logo at path fitted inside w x h, as a surface of the size it is
 * drawn at: an SVG is rasterised at that size, a picture shrunk once.
 * Drawn 1:1 afterwards, a frame scales nothing. */
static SDL_Surface *image_fitted(const char *path, int w, int h, char *err, size_t cap)
{
    SDL_Surface *s = NULL;
    SDL_RWops *rw = SDL_RWFromFile(path, "rb");
    if (rw && IMG_isSVG(rw)) {
        struct stat st;
        if (stat(path, &st) == 0 && st.st_size > IMAGE_FILE_MAX) {
            snprintf(err, cap, "%s: %lld bytes; a logo may be at most 8 MB", path,
                     (long long)st.st_size);
            SDL_RWclose(rw);
            return NULL;
        }
        s = IMG_LoadSizedSVG_RW(rw, w, h);
        SDL_RWclose(rw);
        if (!s)
            snprintf(err, cap, "%s: an SVG SDL_image cannot draw (%s)", path, IMG_GetError());
        return s;
    }
    if (rw)
        SDL_RWclose(rw);
    s = image_load(path, err, cap);
    if (!s)
        return NULL;
    int fw = w, fh = (int)((long)s->h * w / s->w);
    if (fh > h) {
        fh = h;
        fw = (int)((long)s->w * h / s->h);
    }
    if (fw < 1 || fh < 1) {
        SDL_FreeSurface(s);
        return NULL;
    }
    if (fw >= s->w && fh >= s->h) /* no bigger than it is: never blown up blurry */
        return s;
    s = shrink(s, fw, fh);
    if (!s)
        snprintf(err, cap, "%s: cannot shrink it to %dx%d: %s", path, fw, fh, SDL_GetError());
    return s;
}

bool platform_image_check(const char *path, int *w, int *h, char *err, size_t cap)
{
    /* an SVG is drawn small to see that it draws: its size is whatever it
     * is drawn at, and rasterising it whole is most of a start-up's time
     * spent on the logo */
    SDL_RWops *rw = SDL_RWFromFile(path, "rb");
    bool svg = rw && IMG_isSVG(rw);
    if (rw)
        SDL_RWclose(rw);
    SDL_Surface *s = svg ? image_fitted(path, 64, 64, err, cap) : image_load(path, err, cap);
    if (!s)
        return false;
    *w = s->w;
    *h = s->h;
    SDL_FreeSurface(s);
    return true;
}

/* The texture for path fitted in w x h on d, made on first use; NULL when
 * the file cannot be read (tried once per path and size, so a bad file
 * costs nothing per frame). Two sizes are kept: the Welcome screen's and
 * the header's. */
static Logo *image_texture(Draw *d, const char *path, int w, int h)
{
    Logo *victim = &d->logo[0];
    for (int i = 0; i < LOGOS; i++) {
        Logo *l = &d->logo[i];
        if (l->box_w == w && l->box_h == h && strcmp(l->path, path) == 0) {
            l->used = ++d->tick;
            return l->tex ? l : NULL;
        }
        if (l->used < victim->used)
            victim = l;
    }
    char err[300];
    if (victim->tex)
        SDL_DestroyTexture(victim->tex);
    *victim = (Logo){.box_w = w, .box_h = h, .used = ++d->tick};
    snprintf(victim->path, sizeof victim->path, "%s", path);
    SDL_Surface *s = image_fitted(path, w, h, err, sizeof err);
    if (!s) {
        fprintf(stderr, "career-kiosk: logo not shown: %s\n", err);
        return NULL;
    }
    victim->w = s->w;
    victim->h = s->h;
    victim->tex = SDL_CreateTextureFromSurface(d->r, s);
    SDL_FreeSurface(s);
    if (victim->tex)
        SDL_SetTextureBlendMode(victim->tex, SDL_BLENDMODE_BLEND);
    return victim->tex ? victim : NULL;
}

int draw_image(Draw *d, const char *path, Rect box, bool draw)
{
    if (!path || !*path || box.w <= 0 || box.h <= 0)
        return 0;
    Logo *l = image_texture(d, path, box.w, box.h);
    if (!l)
        return 0;
    if (draw) {
        Rect at = {box.x, box.y + (box.h - l->h) / 2, l->w, l->h};
        draw_touch(d, at);
        SDL_RenderCopy(d->r, l->tex, NULL, &(SDL_Rect){at.x, at.y, at.w, at.h});
    }
    return l->w;
}

bool png_write(const char *path, const unsigned char *px, int w, int h, int pitch, int channels,
               char *err, size_t cap)
{
    /* the caller's rows as they are, no copy: RGB, or grey as 8-bit
     * palette indices into a ramp of greys */
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormatFrom((void *)px, w, h, channels * 8, pitch,
                                                        channels == 3 ? SDL_PIXELFORMAT_RGB24
                                                                      : SDL_PIXELFORMAT_INDEX8);
    bool ok = false;
    if (!s) {
        snprintf(err, cap, "cannot make an image to write %s: %s", path, SDL_GetError());
        return false;
    }
    if (channels == 1) {
        SDL_Color grey[256];
        for (int i = 0; i < 256; i++)
            grey[i] = (SDL_Color){(Uint8)i, (Uint8)i, (Uint8)i, 255};
        if (SDL_SetPaletteColors(s->format->palette, grey, 0, 256) != 0) {
            snprintf(err, cap, "cannot make an image to write %s: %s", path, SDL_GetError());
            goto done;
        }
    }
    ok = IMG_SavePNG(s, path) == 0;
    if (!ok)
        snprintf(err, cap, "cannot write %s: %s", path, IMG_GetError());
done:
    SDL_FreeSurface(s);
    return ok;
}
