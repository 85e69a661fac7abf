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

bool platform_image_check(const char *path, int *w, int *h, char *err, size_t cap)
{
    SDL_Surface *s = image_load(path, err, cap);
    if (!s)
        return false;
    *w = s->w;
    *h = s->h;
    SDL_FreeSurface(s);
    return true;
}

/* The texture for path on d, loaded on first use; NULL when it cannot be
 * read (tried once per path, so a bad file costs nothing per frame). */
static SDL_Texture *image_texture(Draw *d, const char *path)
{
    char err[300];
    if (strcmp(d->image_path, path) == 0)
        return d->image;
    if (d->image)
        SDL_DestroyTexture(d->image);
    d->image = NULL;
    snprintf(d->image_path, sizeof d->image_path, "%s", path);
    SDL_Surface *s = image_load(path, err, sizeof err);
    if (!s) {
        fprintf(stderr, "career-kiosk: logo not shown: %s\n", err);
        return NULL;
    }
    d->image_w = s->w;
    d->image_h = s->h;
    d->image = SDL_CreateTextureFromSurface(d->r, s);
    SDL_FreeSurface(s);
    if (d->image) {
        SDL_SetTextureBlendMode(d->image, SDL_BLENDMODE_BLEND);
        SDL_SetTextureScaleMode(d->image, SDL_ScaleModeBest);
    }
    return d->image;
}

int draw_image(Draw *d, const char *path, Rect box, bool draw)
{
    if (!path || !*path || box.w <= 0 || box.h <= 0)
        return 0;
    SDL_Texture *t = image_texture(d, path);
    if (!t)
        return 0;
    /* fit inside box, keeping the shape */
    int w = box.w, h = (int)((long)d->image_h * box.w / d->image_w);
    if (h > box.h) {
        h = box.h;
        w = (int)((long)d->image_w * box.h / d->image_h);
    }
    if (draw)
        SDL_RenderCopy(d->r, t, NULL, &(SDL_Rect){box.x, box.y + (box.h - h) / 2, w, h});
    return w;
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
