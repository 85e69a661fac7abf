/* Shared inside platform/ only: the SDL-side Draw and the text system. */
#ifndef CK_PLATFORM_INTERNAL_H
#define CK_PLATFORM_INTERNAL_H

#include "draw.h"

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

/* text.c: text rendered with SDL_ttf, cached as textures. */
typedef struct Text Text;
Text *text_open(SDL_Renderer *r, char *err, size_t cap);
void text_close(Text *t);
/* The texture of s; *temporary means the caller destroys it after use. */
SDL_Texture *text_texture(Text *t, const char *s, int px, Weight w, SDL_Color c, int *tw, int *th,
                          bool *temporary);
int text_width(Text *t, const char *s, int px, Weight w);
int text_line_height(Text *t, int px);
void text_frame_done(Text *t); /* evicts what has not been used lately */
void text_counts(const Text *t, int *textures, int *widths);
int text_missing(Text *t, const char *s);

/* png.c: writes 8-bit RGB rows as a PNG file. */
bool png_write(const char *path, const unsigned char *rgb, int w, int h, int pitch, char *err,
               size_t cap);

struct Draw {
    SDL_Renderer *r;
    Text *text;
};

#endif
