/* platform: the kiosk's window, input, clock and screenshots, behind our
 * own types. Only files in platform/ include SDL, SDL_ttf, SDL_image,
 * fontconfig or zlib; app/ sees this header and draw.h.
 *
 * Input is translated once: fingers, mouse and keyboard all become an
 * Input in pixels of the drawing surface. Headless mode draws the same
 * way into an offscreen software surface, with a clock that moves only
 * when told to, so scripted runs are repeatable. */
#ifndef CK_PLATFORM_H
#define CK_PLATFORM_H

#include "draw.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Platform Platform;

typedef enum {
    PLATFORM_WINDOWED, /* a desktop window; closing it quits */
    PLATFORM_KIOSK,    /* fullscreen, no cursor, cannot be closed */
    PLATFORM_HEADLESS, /* offscreen software rendering, virtual clock */
} PlatformMode;

/* How the picture is turned on the panel, in xrandr's words: a screen
 * turned a quarter clockwise on its stand wants PLATFORM_TURN_LEFT. */
typedef enum {
    PLATFORM_TURN_NORMAL,
    PLATFORM_TURN_LEFT,     /* a quarter counter-clockwise */
    PLATFORM_TURN_RIGHT,    /* a quarter clockwise */
    PLATFORM_TURN_INVERTED, /* upside down */
} PlatformTurn;

/* How a window is drawn. Software: SDL's software renderer straight into
 * the window's surface (shared-memory buffers on Wayland and X11), so no
 * GL driver is loaded; the UI redraws only on change, and a frame takes a
 * few ms at 1080p. GPU: SDL's accelerated renderer, for a panel that
 * needs it. */
typedef enum { PLATFORM_RENDER_SOFTWARE, PLATFORM_RENDER_GPU } PlatformRender;

/* The renderer SDL really uses for p ("software", "opengl"...). */
const char *platform_renderer(const Platform *p);
/* The panel's pixels per inch as the display reports it (from its EDID,
 * through SDL), or 0 when it does not say (headless, our own Wayland
 * window). */
float platform_ppi(const Platform *p);
/* What its frames go into: "Wayland shared-memory buffers", "the
 * window's surface", "the window (GPU)" or "an offscreen surface". */
const char *platform_shown_through(const Platform *p);

typedef struct {
    PlatformMode mode;
    int width, height; /* headless and windowed; kiosk uses the display */
    const char *title;
    PlatformTurn turn;     /* the app draws upright; the panel shows it turned */
    PlatformRender render; /* how a window is drawn (headless is always software) */
} PlatformOptions;

typedef enum {
    INPUT_NONE,
    INPUT_DOWN,   /* a finger or the mouse button went down at x, y */
    INPUT_MOVE,   /* it moved (only while down) */
    INPUT_UP,     /* it lifted */
    INPUT_KEY,    /* a physical key: key */
    INPUT_TEXT,   /* typed text, UTF-8 */
    INPUT_RESIZE, /* the surface changed size */
    INPUT_WHEEL,  /* a mouse wheel turned at x, y: key is +1 up, -1 down */
    INPUT_QUIT,   /* the window was closed (windowed mode only) or SIGTERM */
    INPUT_TIMEOUT,
    INPUT_WAKE, /* platform_wake was called: work off the main thread moved on */
} InputKind;

enum {
    KEY_BACKSPACE = 8,
    KEY_TAB = 9,
    KEY_ENTER = 13,
    KEY_ESCAPE = 27,
    KEY_LEFT = 1000,
    KEY_RIGHT,
    KEY_UP,
    KEY_DOWN,
    KEY_PAGE_UP,
    KEY_PAGE_DOWN,
};

typedef struct {
    InputKind kind;
    int x, y;
    int key;
    char text[32];
} Input;

/* Starts, on a thread of its own, what platform_open will wait for (the
 * search for fonts), so that it overlaps the work before the window
 * opens (reading the configuration). Optional; once is enough. When
 * platform_open will not be called after all, platform_unprepare waits
 * for that thread, so nothing runs while the program exits. */
void platform_prepare(void);
void platform_unprepare(void);

/* Starts checking the image at path (the office's logo; NULL: none) on a
 * thread of its own, the image library loaded with it, while the window
 * opens; platform_image_check on the same path takes that answer. */
void platform_prepare_image(const char *path);

/* Opens the display (or the offscreen surface). NULL with a reason in err:
 * "no display" when there is none. Free with platform_close. */
Platform *platform_open(const PlatformOptions *o, char *err, size_t err_cap);
void platform_close(Platform *p);

/* Ends the process with status rc, once the program has finished its own
 * work (the visitor wiped, the directory closed, its threads joined):
 * output is flushed, and the window, fonts, caches and libraries of p go
 * with the process, as the display server closes a window whose
 * connection ends and the kernel takes back memory and files. Taking
 * them apart one by one was an eighth of a start-draw-exit. A build with
 * a leak checker closes p first, so the checker sees every allocation
 * freed. */
_Noreturn void platform_exit(Platform *p, int rc);

/* A point on the panel (px, py of a pw x ph panel) as a point of the
 * upright picture the app draws, for the given turn. */
void platform_turn_point(PlatformTurn turn, int pw, int ph, int px, int py, int *x, int *y);

/* Size of the drawing surface in pixels: the upright picture (a turned
 * panel's sides swapped). Screenshots are of the panel. */
void platform_size(const Platform *p, int *w, int *h);

/* Waits up to timeout_ms (-1: forever) for the next input. Returns false
 * and INPUT_TIMEOUT when none came. Never blocks in headless mode. */
bool platform_next(Platform *p, Input *in, int timeout_ms);

/* Wakes the main loop out of platform_next (which returns INPUT_WAKE),
 * from any thread: a worker calls it when its work ends or moves on, so
 * the loop carries on without waiting for a touch or a timer. Does
 * nothing before platform_open and in headless mode (a script's clock
 * moves only when it waits). */
void platform_wake(void);

/* Milliseconds on the platform's clock (virtual when headless). */
uint64_t platform_now(const Platform *p);

/* Moves the headless clock forward; no effect otherwise. */
void platform_advance(Platform *p, uint64_t ms);

/* Starts a frame: the Draw to draw it with. */
Draw *platform_frame_begin(Platform *p);

/* The Draw to measure text and images with, inside a frame or between
 * frames: it starts none (a frame's buffer and size stay as they are). */
Draw *platform_measure(Platform *p);

/* Shows the frame. */
void platform_frame_end(Platform *p);

/* Saves what was last drawn as a PNG. */
bool platform_screenshot(Platform *p, const char *path, char *err, size_t err_cap);

/* Turns the OS text input (physical keyboards, IMEs) on or off. */
void platform_text_input(Platform *p, bool on);

/* How many characters of s no font in the fallback chain can draw
 * (0: nothing shows as a box). */
int platform_missing_glyphs(Platform *p, const char *s);

/* Whether the image at path can be shown as the logo: its size in
 * pixels, or false with the reason (missing, too big, not an image). */
bool platform_image_check(const char *path, int *w, int *h, char *err, size_t err_cap);

/* The text cache remembers what it drew. A mark, then forgetting (the
 * strings zeroed, their textures freed) everything drawn since: what a
 * session drew goes with it, the Welcome screen's text stays. */
unsigned long platform_text_mark(const Platform *p);
void platform_text_forget(Platform *p, unsigned long mark);

/* Counters for leak checks: live text textures and cached entries. */
typedef struct {
    int textures;
    int widths;
} PlatformStats;
PlatformStats platform_stats(const Platform *p);

#endif
