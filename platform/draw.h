/* draw: the small drawing API the app draws every screen with: filled and
 * rounded rectangles, text (UTF-8, any script), QR grids and clipping.
 * Coordinates are pixels of the drawing surface. Text textures are cached
 * by content, so redrawing an unchanged screen renders no text. */
#ifndef CK_DRAW_H
#define CK_DRAW_H

#include <stdbool.h>
#include <stdint.h>

typedef struct Draw Draw;

typedef struct {
    uint8_t r, g, b, a;
} Color;

typedef struct {
    int x, y, w, h;
} Rect;

typedef enum { WEIGHT_REGULAR, WEIGHT_BOLD } Weight;

void draw_clear(Draw *d, Color c);
void draw_rect(Draw *d, Rect r, Color c);

/* A filled rectangle with anti-aliased corners of radius px. */
void draw_round(Draw *d, Rect r, int radius, Color c);

/* A rounded outline `thickness` px wide. */
void draw_round_outline(Draw *d, Rect r, int radius, int thickness, Color c);

/* One line of text with its top-left at x, y; returns its width. */
int draw_text(Draw *d, const char *s, int x, int y, int px, Weight w, Color c);

/* Width of one line of text, without drawing it. */
int draw_text_width(Draw *d, const char *s, int px, Weight w);

/* How many characters of s no font of the kiosk can draw (each would
 * show as an empty box). */
int draw_missing_glyphs(Draw *d, const char *s);

/* Height of a line of text at px (ascent + descent + gap). */
int draw_line_height(Draw *d, int px);

/* A QR code: modules[y*width+x] != 0 is dark. Draws the 4-module quiet
 * zone too, scale whole pixels per module, top-left at x, y. */
void draw_qr(Draw *d, const unsigned char *modules, int width, int x, int y, int scale);

/* An image file (the office's logo: PNG, JPEG or SVG) scaled to fit
 * inside box, keeping its shape: left-aligned, centred vertically. Read
 * on first use and kept. Returns the width it takes (also when draw is
 * false, for measuring); 0 when there is no image or it cannot be read
 * (said once on stderr). */
int draw_image(Draw *d, const char *path, Rect box, bool draw);

/* Restricts drawing to r; NULL removes the restriction. */
void draw_clip(Draw *d, const Rect *r);

#endif
