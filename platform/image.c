/* image: SDL_image's only includer. The office's logo (PNG, JPEG or SVG)
 * read once per Draw and drawn scaled to fit; a checker for
 * `--check-config`; PNGs of screenshots and rendered pages, written by
 * IMG_SavePNG. See draw.h and platform.h.
 *
 * SDL_image is opened when an image is first read or written, not as
 * the program starts: it brings the TIFF, WebP and JPEG libraries and
 * through them the C++ runtime, whose loading was a twentieth of the
 * kiosk's start. The kiosk has it opened, and its logo checked, on a
 * thread of its own while the window opens (platform_prepare_image). */
#include "internal.h"
#include "platform.h"

#include <SDL_image.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#define IMG_FUNCTIONS(X)                                                                           \
    X(IMG_Load)                                                                                    \
    X(IMG_isSVG)                                                                                   \
    X(IMG_LoadSizedSVG_RW)                                                                         \
    X(IMG_SavePNG)

static struct {
#define IMG_FIELD(f) __typeof__(f) *f;
    IMG_FUNCTIONS(IMG_FIELD)
#undef IMG_FIELD
} img;
static pthread_once_t img_once = PTHREAD_ONCE_INIT;
static bool img_ok;
static char img_why[300];

static void img_open(void)
{
    /* SDL2_image's name for every 2.x release */
    void *h = dlopen("libSDL2_image-2.0.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        snprintf(img_why, sizeof img_why, "the image library SDL_image could not be loaded (%s)",
                 dlerror());
        return;
    }
#define IMG_OPEN(f)                                                                                \
    if (!(img.f = (__typeof__(f) *)dlsym(h, #f))) {                                                \
        snprintf(img_why, sizeof img_why, "the image library SDL_image has no %s", #f);            \
        return;                                                                                    \
    }
    IMG_FUNCTIONS(IMG_OPEN)
#undef IMG_OPEN
    img_ok = true;
}

/* True when SDL_image is loaded; else why not, in err. */
static bool img_ready(char *err, size_t cap)
{
    pthread_once(&img_once, img_open);
    if (!img_ok)
        snprintf(err, cap, "%s", img_why);
    return img_ok;
}

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
    if (!img_ready(err, cap))
        return NULL;
    SDL_Surface *s = img.IMG_Load(path);
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
    if (!img_ready(err, cap))
        return NULL;
    SDL_RWops *rw = SDL_RWFromFile(path, "rb");
    if (rw && img.IMG_isSVG(rw)) {
        struct stat st;
        if (stat(path, &st) == 0 && st.st_size > IMAGE_FILE_MAX) {
            snprintf(err, cap, "%s: %lld bytes; a logo may be at most 8 MB", path,
                     (long long)st.st_size);
            SDL_RWclose(rw);
            return NULL;
        }
        s = img.IMG_LoadSizedSVG_RW(rw, w, h);
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

static bool image_check(const char *path, int *w, int *h, char *err, size_t cap)
{
    /* an SVG is drawn small to see that it draws: its size is whatever it
     * is drawn at, and rasterising it whole is most of a start-up's time
     * spent on the logo */
    if (!img_ready(err, cap))
        return false;
    SDL_RWops *rw = SDL_RWFromFile(path, "rb");
    bool svg = rw && img.IMG_isSVG(rw);
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

/* The check platform_prepare_image started, and its answer. An SDL
 * thread: SDL keeps a thread's error message in memory of its own, which
 * it frees when one of its threads ends. */
static struct {
    SDL_Thread *thread;
    bool ok;
    char path[1024], err[300];
    int w, h;
} ahead;

static int check_ahead(void *arg)
{
    (void)arg;
    ahead.ok = image_check(ahead.path, &ahead.w, &ahead.h, ahead.err, sizeof ahead.err);
    return 0;
}

void platform_prepare_image(const char *path)
{
    image_settle();
    if (!path || !*path || strlen(path) >= sizeof ahead.path)
        return; /* nothing to check (a path that long is checked when asked) */
    snprintf(ahead.path, sizeof ahead.path, "%s", path);
    /* SDL works out the CPU's features the first time a surface is made,
     * unguarded: a second thread asking meanwhile sees only some of them
     * and blends with a slower routine that rounds differently */
    (void)SDL_SIMDGetAlignment();
    ahead.thread = SDL_CreateThread(check_ahead, "logo check", NULL);
}

void image_settle(void)
{
    if (ahead.thread)
        SDL_WaitThread(ahead.thread, NULL);
    ahead.thread = NULL;
}

bool platform_image_check(const char *path, int *w, int *h, char *err, size_t cap)
{
    if (ahead.thread && strcmp(path, ahead.path) == 0) {
        image_settle();
        ahead.path[0] = '\0'; /* taken */
        *w = ahead.w;
        *h = ahead.h;
        snprintf(err, cap, "%s", ahead.err);
        return ahead.ok;
    }
    image_settle();
    return image_check(path, w, h, err, cap);
}

/* The texture for path fitted in w x h on d, made on first use; NULL when
 * the file cannot be read (tried once per path and size, so a bad file
 * costs nothing per frame). Two sizes are kept: the Welcome screen's and
 * the header's. */
static Logo *image_texture(Draw *d, const char *path, int w, int h)
{
    image_settle(); /* the logo's check, if it is still running, reads first */
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
    char why[300];
    if (!img_ready(why, sizeof why)) {
        snprintf(err, cap, "cannot write %s: %s", path, why);
        goto done;
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
    ok = img.IMG_SavePNG(s, path) == 0;
    if (!ok)
        snprintf(err, cap, "cannot write %s: %s", path, IMG_GetError());
done:
    SDL_FreeSurface(s);
    return ok;
}
