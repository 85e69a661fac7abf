/* chrome: what frames every step (top bar, progress, bottom bar), the
 * overlays, and helpers shared by the screens. Internal to app/ui. */
#ifndef CK_CHROME_H
#define CK_CHROME_H

#include "kiosk/view.h"
#include "ui/strings.h"
#include "ui/ui.h"

#include <stdio.h>

/* What the bottom bar's buttons did. */
typedef enum { BAR_NONE, BAR_BACK, BAR_NEXT, BAR_SKIP } BarAction;

/* Padding between things, in px. */
int pad(const Ui *ui);

/* Top bar and progress strip; returns the body rectangle below them. */
Rect chrome_top(View *vw, int step);

/* The top bar as chrome_top when the body it leaves above bottom (the
 * keyboard's top) is at least need px tall; else no bar, and the body
 * from near the top of the screen. */
Rect chrome_top_above(View *vw, int step, int bottom, int need);

/* Bottom bar with Back, Start over and a primary button (NULL: none).
 * Shrinks *body so nothing hides behind it. */
BarAction chrome_bottom(View *vw, Rect *body, const char *next, ButtonStyle next_style,
                        const char *skip);

/* The same with the style of the extra button chosen. */
BarAction chrome_bottom2(View *vw, Rect *body, const char *next, ButtonStyle next_style,
                         const char *skip, ButtonStyle skip_style);

/* Accessibility toggles at r's right edge; returns their left x. */
int chrome_toggles(View *vw, int right, int y, int h);

/* The office's logo, name and school from y with the toggles at the
 * right, or on a row below when they would not fit beside the name;
 * returns the height used. */
int chrome_header(View *vw, int y, int name_px, int school_px);

/* Lays content out from (x, y) in width w; returns the height used. */
typedef int (*ChromeLay)(View *vw, int x, int y, int w);

/* Content that scrolls in view when it is taller: measured by lay, then
 * drawn by it, scrolled. Returns the content's height. */
int chrome_scroll(View *vw, const char *id, Rect view, int x, int w, ChromeLay lay);

/* A screen title with an optional line under it; returns the y after. */
int chrome_title(View *vw, Rect body, const char *title, const char *sub);

/* A row of chips for a choice; returns the index tapped, or -1. Wraps
 * to more rows when needed; *h receives the height used. */
int chrome_chips(View *vw, int x, int y, int w, const char *const *labels, int n, int on, int *h);

/* The same where any number of chips may be on (on[i]). */
int chrome_chips_multi(View *vw, int x, int y, int w, const char *const *labels, int n,
                       const bool *on, int *h);

/* A small caption above a group of controls; returns its height. */
int chrome_caption(View *vw, int x, int y, const char *text);

/* Overlays: start-over confirmation and the idle warning. */
void chrome_overlays(View *vw);

/* Formats with one int into a static buffer (one of four in turn). */
const char *fmt_int(StrId id, int v);
const char *fmt_int2(StrId id, int v, int w);
const char *fmt_str(StrId id, const char *v);

/* "Details checked March 2026" from a mentor's last_verified (ISO date),
 * into out; "" when there is no date. */
void checked_text(const char *last_verified, char *out, size_t cap);

#endif
