/* Shared inside platform/ only: the SDL-side Draw and the text system. */
#ifndef CK_PLATFORM_INTERNAL_H
#define CK_PLATFORM_INTERNAL_H

#include "draw.h"
#include "platform.h"

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

/* fonts.c: font files found through fontconfig, in fallback order. */
enum { FONTS_MAX = 8 };
typedef struct {
    char path[FONTS_MAX][512];
    char bold[FONTS_MAX][512]; /* bold face of the same family, or "" */
    int n;
} FontFiles;

/* Finds the fallback chain: Latin/Greek/Cyrillic first, then Arabic,
 * Hebrew, Devanagari and CJK. False when not even the first exists. */
bool fonts_find(FontFiles *out, char *err, size_t cap);

/* Releases what fonts_find had fontconfig load. */
void fonts_done(void);
/* Starts the first fonts_find on a thread, to overlap the window's
 * opening; fonts_settle waits for it and, when no Text took its answer,
 * releases fontconfig (platform_close, platform_unprepare). */
void fonts_prefetch(void);
void fonts_settle(void);

/* wake.c: the main loop's wake (see platform_wake). wake_open makes the
 * eventfd and, with sdl_queue, the SDL event type; wake_close stops
 * pushing events before SDL's queue goes. wake_take says whether a wake
 * came since the last take, and empties the eventfd; wake_fd is what the
 * Wayland window's poll() waits on beside the compositor (-1: none);
 * wake_is tells a wake's SDL event; wake_from_signal is the
 * async-signal-safe knock (SIGTERM). */
void wake_open(bool sdl_queue);
void wake_close(void);
bool wake_take(void);
int wake_fd(void);
bool wake_is(const SDL_Event *e);
void wake_from_signal(void);

/* image.c: waits for the check platform_prepare_image started. */
void image_settle(void);

/* xcompose.c: before SDL starts on X11, points XCOMPOSEFILE at the
 * two-key dead-key part of the locale's compose table (the whole table
 * is read a character at a time as SDL opens its input method). False
 * when the machine chose a compose file or the table is not found. */
bool xcompose_trim(void);

/* bidi.c: a line cut into runs of one direction, in the order they are
 * shown from left to right (the Unicode bidirectional algorithm). */
enum { BIDI_RUNS_MAX = 32 };
typedef struct {
    size_t start, len; /* bytes of the line */
    bool rtl;          /* shaped right to left */
} BidiRun;
int bidi_runs(const char *s, size_t len, BidiRun *out, int cap);

/* text.c: text rendered with SDL_ttf, cached as textures. */
typedef struct Text Text;
Text *text_open(SDL_Renderer *r, char *err, size_t cap);
void text_close(Text *t);
/* Textures are made on r from now; those made on the old one are freed. */
void text_renderer(Text *t, SDL_Renderer *r);
/* The texture of s; *temporary means the caller destroys it after use. */
SDL_Texture *text_texture(Text *t, const char *s, int px, Weight w, SDL_Color c, int *tw, int *th,
                          bool *temporary);
/* The coverage of a line of text: w x h bytes, and its runs: for each
 * row, how many, then each run's first pixel and length; the pixels
 * outside every run are clear. runs is NULL for a line too wide. */
typedef struct {
    int w, h;
    const Uint8 *cover;
    const uint16_t *runs;
} TextMask;
/* The coverage mask of s (returns its allocation, NULL when there is
 * none); *temporary means the caller frees it. */
const Uint8 *text_mask(Text *t, const char *s, int px, Weight w, TextMask *out, bool *temporary);
/* Zeroes and frees a temporary mask p (the shape of a visitor's words). */
void text_mask_free(const TextMask *m, const Uint8 *p);
/* How far above the first font's the top of s's line stands (a taller
 * font of another script in it): drawn that much higher, s keeps the
 * baseline of the lines around it. */
int text_lift(Text *t, const char *s, int px, Weight w);
int text_width(Text *t, const char *s, int px, Weight w);
int text_line_height(Text *t, int px);
void text_frame_done(Text *t); /* evicts what has not been used lately */
/* A mark in the cache's history, and dropping (strings zeroed, textures
 * freed) every entry drawn since a mark. */
unsigned long text_mark(const Text *t);
void text_forget(Text *t, unsigned long mark);
void text_counts(const Text *t, int *textures, int *widths);
int text_missing(Text *t, const char *s);

/* image.c: writes 8-bit rows of RGB (channels 3) or grey (1) as a PNG,
 * with SDL_image. False with the reason in err. */
bool png_write(const char *path, const unsigned char *px, int w, int h, int pitch, int channels,
               char *err, size_t cap);

enum { CORNERS = 96, QRS = 4 };

/* A QR code drawn once into a texture: redrawing thousands of module
 * runs every frame costs more than the rest of the screen. */
typedef struct {
    uint32_t hash;
    int width, scale;
    SDL_Texture *tex;
    unsigned long used;
} QrTexture;

/* A quarter disc or ring in one colour; colour is baked in for the same
 * reason text is (see text.c). */
typedef struct {
    int radius, thickness;
    Color c;
    SDL_Texture *tex[4]; /* top-left, top-right, bottom-left, bottom-right */
    unsigned long used;
} Corner;

/* The logo at path, made for a box_w x box_h box; w x h as drawn. */
enum { LOGOS = 2 };
typedef struct {
    char path[512];
    int box_w, box_h, w, h;
    SDL_Texture *tex; /* NULL: the file could not be read */
    unsigned long used;
} Logo;

/* A renderer with its text system and caches of corner and QR textures
 * (all belong to r). runs, when set, collects every line of text drawn. */
struct Draw {
    SDL_Renderer *r;
    Text *text;
    Corner corner[CORNERS];
    QrTexture qr[QRS];
    unsigned long tick;
    struct Canvas *canvas; /* set on pages: draw_text records runs there */
    SDL_Surface *target;   /* the software renderer's own surface, for plain fills; or NULL */
    Rect clip;             /* the clip rectangle, when clipped */
    bool clipped;
    Logo logo[LOGOS]; /* image.c: the logo at the sizes it is drawn */
    /* Opaque fills that cover a whole tile of the target are only noted
     * (the tile's pixel, in pending), and written when something else
     * is drawn there or the frame ends (draw_settle): a pixel painted
     * over by a later fill is written once. See plain_fill. */
    struct {
        SDL_Surface *of; /* the target the tiles are of, w x h then */
        int w, h, cols, rows, npending;
        Uint32 *px;
        uint8_t *pending;
    } tiles;
};

/* Writes every fill that is only noted (see Draw.tiles): before the
 * target's pixels are read or shown. */
void draw_settle(Draw *d);
/* Drops the fills noted on s, a target about to be freed (the window's
 * buffer after a resize: that frame is not shown). */
void draw_forget(Draw *d, const SDL_Surface *s);
/* Writes the noted fills under r (clipped as drawing is): before
 * something other than a plain fill or blend draws there. */
void draw_touch(Draw *d, Rect r);

/* wayland.c: a window shown from shared-memory buffers (no GL). */
typedef struct Way Way;
/* Connects to $WAYLAND_DISPLAY and opens a window (fullscreen, or of the
 * size asked); NULL with the reason. */
Way *way_open(int width, int height, bool fullscreen, const char *title, char *err, size_t cap);
void way_close(Way *w);
/* The next input (positions in window pixels), waiting up to timeout_ms:
 * 1 with one, 0 with none, -1 when the compositor is gone. */
int way_next(Way *w, Input *in, int timeout_ms);
/* The buffer to draw the next frame into (XRGB8888, of the window's
 * size now), waiting briefly for the compositor to give one back; NULL
 * when there is none. The app draws every pixel of a frame. */
uint32_t *way_frame(Way *w, int *width, int *height, int *pitch);
/* Shows the buffer way_frame gave. */
void way_present(Way *w);

/* Frees the text system and the cached textures (not the renderer). */
void draw_release(Draw *d);
/* Frees the corner, code and logo textures only (made on d->r). */
void draw_release_textures(Draw *d);

/* canvas.c: records a run of text drawn on a page. */
void canvas_record(struct Canvas *c, const char *s, int x, int y, int w, int px);

/* The ascent of the first font at px, for baselines. */
int text_ascent(Text *t, int px);

#endif
