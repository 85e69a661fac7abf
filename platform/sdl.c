/* sdl: the window (or offscreen surface), input translation and the draw
 * functions, on SDL2. See platform.h for the contract. */
#include "internal.h"
#include "platform.h"

#include <math.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h> /* text is blended four pixels at a time */
#endif

struct Platform {
    PlatformMode mode;
    SDL_Window *win;
    Way *way;     /* a Wayland window shown from shared memory (wayland.c), or NULL */
    bool text_on; /* typed text is wanted (the SDL path asks SDL for it) */
    SDL_Renderer *r;
    SDL_Surface *surface; /* the software renderer's panel: headless, or the Wayland window's */
    Draw draw;
    int w, h;   /* the upright picture the app draws */
    int pw, ph; /* the panel (window or offscreen surface) */
    PlatformTurn turn;
    SDL_Texture *picture; /* the upright picture, when the panel is turned (GPU) */
    /* in software, a turned panel's upright picture is drawn in a surface
     * of its own (with its own renderer), turned onto the panel by
     * turn_onto: the same plain fills and text as an upright panel */
    SDL_Surface *upright;
    SDL_Renderer *ur;
    bool soft;         /* the renderer is SDL's software one: plain fills into its surface */
    uint64_t clock_ms; /* headless */
    bool finger_down, mouse_down;
    SDL_FingerID finger;
};

static volatile sig_atomic_t terminate_asked;

static void on_term(int sig)
{
    (void)sig;
    terminate_asked = 1;
    wake_from_signal();
}

static void catch_term(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_term;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
}

static bool quarter_turn(PlatformTurn t)
{
    return t == PLATFORM_TURN_LEFT || t == PLATFORM_TURN_RIGHT;
}

void platform_turn_point(PlatformTurn turn, int pw, int ph, int px, int py, int *x, int *y)
{
    switch (turn) {
    case PLATFORM_TURN_LEFT: /* the picture's top is at the panel's left */
        *x = ph - 1 - py;
        *y = px;
        break;
    case PLATFORM_TURN_RIGHT:
        *x = py;
        *y = pw - 1 - px;
        break;
    case PLATFORM_TURN_INVERTED:
        *x = pw - 1 - px;
        *y = ph - 1 - py;
        break;
    default:
        *x = px;
        *y = py;
    }
}

/* The surface the software renderer shows: the offscreen one, or the
 * window's. */
static SDL_Surface *panel_surface(Platform *p)
{
    return p->surface ? p->surface : p->win ? SDL_GetWindowSurface(p->win) : NULL;
}

/* A new upright surface w x h and its renderer, in the panel's pixel
 * format when that has 4 bytes a pixel. What was made on the old renderer
 * (corners, codes, the logo, any text texture) is let go; text masks
 * stay, they belong to no renderer. */
static void new_upright(Platform *p, int w, int h)
{
    SDL_Surface *panel = panel_surface(p);
    Uint32 format = panel && panel->format->BytesPerPixel == 4 ? panel->format->format
                                                               : SDL_PIXELFORMAT_ARGB8888;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, format);
    SDL_Renderer *r = s ? SDL_CreateSoftwareRenderer(s) : NULL;
    if (!r) { /* drawn unturned rather than not at all */
        fprintf(stderr, "career-kiosk: cannot turn the picture: %s\n", SDL_GetError());
        SDL_FreeSurface(s);
        return;
    }
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    draw_release_textures(&p->draw);
    if (p->draw.text)
        text_renderer(p->draw.text, r);
    if (p->ur)
        SDL_DestroyRenderer(p->ur);
    draw_forget(&p->draw, p->upright);
    SDL_FreeSurface(p->upright);
    p->ur = r;
    p->upright = s;
    p->draw.r = r;
}

/* The upright picture turned onto the panel (centred, black around it if
 * the sizes disagree), in tiles of 32 x 32 so that the column-wise side
 * of a quarter turn stays in the cache. */
static void turn_onto(Platform *p)
{
    SDL_Surface *up = p->upright, *panel = panel_surface(p), *out = panel;
    if (!panel)
        return;
    SDL_RenderFlush(p->ur);
    if (panel->format->format != up->format->format) /* converted after turning */
        out = SDL_CreateRGBSurfaceWithFormat(0, panel->w, panel->h, 32, up->format->format);
    if (!out)
        return;
    int tw = quarter_turn(p->turn) ? up->h : up->w, th = quarter_turn(p->turn) ? up->w : up->h;
    int ox = (out->w - tw) / 2, oy = (out->h - th) / 2;
    if (ox != 0 || oy != 0)
        SDL_FillRect(out, NULL, SDL_MapRGB(out->format, 0, 0, 0));
    enum { TILE = 32 };
    for (int ty = 0; ty < th; ty += TILE)
        for (int tx = 0; tx < tw; tx += TILE)
            for (int y = ty; y < th && y < ty + TILE; y++) {
                int py = oy + y;
                if (py < 0 || py >= out->h)
                    continue;
                Uint32 *row = (Uint32 *)((Uint8 *)out->pixels + (size_t)py * (size_t)out->pitch);
                int x0 = tx > -ox ? tx : -ox, x1 = tx + TILE < tw ? tx + TILE : tw;
                x1 = x1 < out->w - ox ? x1 : out->w - ox;
                if (x0 >= x1)
                    continue;
                /* the first pixel's source, then a step per pixel along x */
                int ux, uy;
                platform_turn_point(p->turn, tw, th, x0, y, &ux, &uy);
                const Uint8 *src =
                    (const Uint8 *)up->pixels + (size_t)uy * (size_t)up->pitch + (size_t)ux * 4;
                ptrdiff_t step = p->turn == PLATFORM_TURN_LEFT    ? up->pitch
                                 : p->turn == PLATFORM_TURN_RIGHT ? -up->pitch
                                                                  : -4;
                for (int x = x0; x < x1; x++, src += step)
                    memcpy(&row[ox + x], src, 4);
            }
    if (out != panel) {
        SDL_BlitSurface(out, NULL, panel, NULL);
        SDL_FreeSurface(out);
    }
}

/* A new Wayland panel surface over pixels (w x h) and its renderer; what
 * was made on the old renderer goes when that one drew (an unturned
 * panel). */
static void new_panel(Platform *p, Uint32 *pixels, int w, int h, int pitch)
{
    SDL_Surface *s =
        SDL_CreateRGBSurfaceWithFormatFrom(pixels, w, h, 32, pitch, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = s ? SDL_CreateSoftwareRenderer(s) : NULL;
    if (!r) { /* the old size stays, cut or bordered, rather than nothing */
        fprintf(stderr, "career-kiosk: cannot follow the window to %dx%d: %s\n", w, h,
                SDL_GetError());
        SDL_FreeSurface(s);
        return;
    }
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    if (p->draw.r == p->r) {
        draw_release_textures(&p->draw);
        if (p->draw.text)
            text_renderer(p->draw.text, r);
        p->draw.r = r;
    }
    SDL_DestroyRenderer(p->r);
    draw_forget(&p->draw, p->surface);
    SDL_FreeSurface(p->surface);
    p->r = r;
    p->surface = s;
}

/* The Wayland panel surface over the buffer to draw the next frame into:
 * the same surface and renderer, its pixels moved, unless the window's
 * size changed. */
static void way_buffer(Platform *p)
{
    int w, h, pitch;
    Uint32 *px = way_frame(p->way, &w, &h, &pitch);
    if (!px)
        return;
    if (p->surface && p->surface->w == w && p->surface->h == h && p->surface->pitch == pitch)
        p->surface->pixels = px;
    else
        new_panel(p, px, w, h, pitch);
}

/* Reads the panel's size; a turned panel draws into an upright surface
 * (software) or texture (GPU), made again when the size changes. */
static void update_size(Platform *p)
{
    if (p->way) {
        way_buffer(p);
        p->pw = p->surface->w;
        p->ph = p->surface->h;
    } else if (p->mode == PLATFORM_HEADLESS) {
        p->pw = p->surface->w;
        p->ph = p->surface->h;
    } else {
        SDL_SetRenderTarget(p->r, NULL);
        SDL_GetRendererOutputSize(p->r, &p->pw, &p->ph);
    }
    int w = quarter_turn(p->turn) ? p->ph : p->pw, h = quarter_turn(p->turn) ? p->pw : p->ph;
    if (p->turn != PLATFORM_TURN_NORMAL && p->soft) {
        if (!p->upright || p->upright->w != w || p->upright->h != h)
            new_upright(p, w, h);
    } else if (p->turn != PLATFORM_TURN_NORMAL && (!p->picture || w != p->w || h != p->h)) {
        if (p->picture)
            SDL_DestroyTexture(p->picture);
        p->picture =
            SDL_CreateTexture(p->r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
        if (!p->picture) /* drawn unturned rather than not at all */
            fprintf(stderr, "career-kiosk: cannot turn the picture: %s\n", SDL_GetError());
    }
    if (p->picture || p->upright) {
        p->w = w;
        p->h = h;
    } else {
        p->w = p->pw;
        p->h = p->ph;
    }
}

/* A Wayland window shown from shared-memory buffers, drawn by SDL's
 * software renderer into a surface of the window's size. */
static bool open_wayland(Platform *p, const PlatformOptions *o, char *err, size_t cap)
{
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (SDL_Init(SDL_INIT_EVENTS) != 0) {
        snprintf(err, cap, "SDL: %s", SDL_GetError());
        return false;
    }
    p->way = way_open(o->width, o->height, o->mode == PLATFORM_KIOSK,
                      o->title ? o->title : "Career Kiosk", err, cap);
    if (!p->way)
        return false;
    way_buffer(p);
    if (!p->r) {
        snprintf(err, cap, "cannot draw in the Wayland window: %s", SDL_GetError());
        return false;
    }
    return true;
}

static bool open_window(Platform *p, const PlatformOptions *o, char *err, size_t cap)
{
    /* Software on Wayland: our own shared-memory window (SDL's would
     * present through GL). SDL_VIDEODRIVER=x11 asks for Xwayland. */
    const char *driver_env = getenv("SDL_VIDEODRIVER");
    if (o->render == PLATFORM_RENDER_SOFTWARE && getenv("WAYLAND_DISPLAY") &&
        (!driver_env || strncmp(driver_env, "wayland", 7) == 0)) {
        char why[300];
        if (open_wayland(p, o, why, sizeof why))
            return true;
        fprintf(stderr, "career-kiosk: %s; trying SDL's own window\n", why);
        way_close(p->way);
        p->way = NULL;
        if (p->r)
            SDL_DestroyRenderer(p->r);
        SDL_FreeSurface(p->surface);
        p->r = NULL;
        p->surface = NULL;
        SDL_Quit();
    }
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0"); /* a finger is not also a mouse */
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    /* choose the display from the environment unless told which */
    if (!getenv("SDL_VIDEODRIVER")) {
        if (getenv("WAYLAND_DISPLAY"))
            SDL_SetHint(SDL_HINT_VIDEODRIVER, "wayland,x11");
        else if (getenv("DISPLAY")) {
            SDL_SetHint(SDL_HINT_VIDEODRIVER, "x11");
            xcompose_trim();
        } else {
            snprintf(err, cap, "no display (neither WAYLAND_DISPLAY nor DISPLAY is set)");
            return false;
        }
    } else if (strcmp(getenv("SDL_VIDEODRIVER"), "x11") == 0)
        xcompose_trim();
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        snprintf(err, cap, "no display: %s", SDL_GetError());
        return false;
    }
    /* SDL falls back to drivers that draw nowhere; for a window that is
     * no display at all */
    const char *driver = SDL_GetCurrentVideoDriver();
    if (!driver || strcmp(driver, "offscreen") == 0 || strcmp(driver, "dummy") == 0) {
        snprintf(err, cap, "no display (SDL video driver: %s)", driver ? driver : "none");
        return false;
    }
    /* the kiosk's window is made the size of the screen it is on and put
     * at its corner: fullscreen is a window manager's request, and with
     * none (X11 alone) the window stays where and as big as it was made */
    SDL_Rect at = {SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, o->width, o->height};
    if (o->mode == PLATFORM_KIOSK) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
        SDL_Rect screen;
        if (SDL_GetDisplayBounds(0, &screen) == 0 && screen.w > 0 && screen.h > 0)
            at = screen;
    } else
        flags |= SDL_WINDOW_RESIZABLE;
    p->win = SDL_CreateWindow(o->title ? o->title : "Career Kiosk", at.x, at.y, at.w, at.h, flags);
    if (!p->win) {
        snprintf(err, cap, "no display: %s", SDL_GetError());
        return false;
    }
    if (o->render == PLATFORM_RENDER_GPU)
        p->r = SDL_CreateRenderer(p->win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!p->r) { /* software: straight into the window's surface, no GL loaded */
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        p->r = SDL_CreateRenderer(p->win, -1, SDL_RENDERER_SOFTWARE);
    }
    if (!p->r) { /* a video driver with no surface of its own presents it with GL */
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "1");
        p->r = SDL_CreateRenderer(p->win, -1, SDL_RENDERER_SOFTWARE);
    }
    if (!p->r) /* SDL 2.26 under Wayland has no shared-memory window surface */
        p->r = SDL_CreateRenderer(p->win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!p->r) {
        snprintf(err, cap, "cannot draw in the window: %s", SDL_GetError());
        return false;
    }
    SDL_DisableScreenSaver();
    if (o->mode == PLATFORM_KIOSK)
        SDL_ShowCursor(SDL_DISABLE);
    return true;
}

static bool open_offscreen(Platform *p, const PlatformOptions *o, char *err, size_t cap)
{
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (SDL_Init(0) != 0) {
        snprintf(err, cap, "SDL: %s", SDL_GetError());
        return false;
    }
    p->surface =
        SDL_CreateRGBSurfaceWithFormat(0, o->width, o->height, 32, SDL_PIXELFORMAT_ARGB8888);
    p->r = p->surface ? SDL_CreateSoftwareRenderer(p->surface) : NULL;
    if (!p->r) {
        snprintf(err, cap, "cannot make a %dx%d offscreen surface: %s", o->width, o->height,
                 SDL_GetError());
        return false;
    }
    return true;
}

void platform_prepare(void)
{
    fonts_prefetch();
}

void platform_unprepare(void)
{
    fonts_settle();
    image_settle();
}

Platform *platform_open(const PlatformOptions *o, char *err, size_t cap)
{
    Platform *p = calloc(1, sizeof *p);
    if (!p) {
        snprintf(err, cap, "out of memory");
        fonts_settle();
        image_settle();
        return NULL;
    }
    p->mode = o->mode;
    p->turn = o->turn;
    p->text_on = true; /* as SDL starts it */
    fonts_prefetch();
    catch_term();
    if (!(o->mode == PLATFORM_HEADLESS ? open_offscreen(p, o, err, cap)
                                       : open_window(p, o, err, cap)))
        goto fail;
    SDL_SetRenderDrawBlendMode(p->r, SDL_BLENDMODE_BLEND);
    SDL_RendererInfo info;
    p->soft = SDL_GetRendererInfo(p->r, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE);
    p->draw.r = p->r;
    p->draw.text = text_open(p->r, err, cap);
    if (!p->draw.text)
        goto fail;
    update_size(p);
    if (o->mode != PLATFORM_HEADLESS)
        wake_open(!p->way); /* the Wayland window waits in its own poll() */
    return p;
fail:
    platform_close(p);
    return NULL;
}

_Noreturn void platform_exit(Platform *p, int rc)
{
#if defined(__SANITIZE_ADDRESS__)
    platform_close(p);
    exit(rc);
#else
    (void)p;
    fflush(NULL);
    _exit(rc);
#endif
}

void platform_close(Platform *p)
{
    if (!p)
        return;
    wake_close();
    draw_release(&p->draw);
    if (p->picture)
        SDL_DestroyTexture(p->picture);
    if (p->ur)
        SDL_DestroyRenderer(p->ur);
    if (p->upright)
        SDL_FreeSurface(p->upright);
    if (p->r)
        SDL_DestroyRenderer(p->r);
    if (p->surface)
        SDL_FreeSurface(p->surface);
    if (p->win)
        SDL_DestroyWindow(p->win);
    way_close(p->way);
    fonts_settle();
    image_settle();
    SDL_Quit();
    free(p);
}

void platform_size(const Platform *p, int *w, int *h)
{
    *w = p->w;
    *h = p->h;
}

static int map_key(SDL_Keycode k)
{
    switch (k) {
    case SDLK_BACKSPACE:
        return KEY_BACKSPACE;
    case SDLK_TAB:
        return KEY_TAB;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        return KEY_ENTER;
    case SDLK_ESCAPE:
        return KEY_ESCAPE;
    case SDLK_LEFT:
        return KEY_LEFT;
    case SDLK_RIGHT:
        return KEY_RIGHT;
    case SDLK_UP:
        return KEY_UP;
    case SDLK_DOWN:
        return KEY_DOWN;
    case SDLK_PAGEUP:
        return KEY_PAGE_UP;
    case SDLK_PAGEDOWN:
        return KEY_PAGE_DOWN;
    default:
        return 0;
    }
}

/* A panel pixel as a pixel of the upright picture. */
static void to_picture(const Platform *p, int px, int py, int *x, int *y)
{
    platform_turn_point(p->picture || p->upright ? p->turn : PLATFORM_TURN_NORMAL, p->pw, p->ph, px,
                        py, x, y);
}

/* Window coordinates to picture pixels (they differ on HiDPI and on a
 * turned panel). */
static void to_pixels(Platform *p, int wx, int wy, int *x, int *y)
{
    int ww, wh;
    SDL_GetWindowSize(p->win, &ww, &wh);
    to_picture(p, ww > 0 ? wx * p->pw / ww : wx, wh > 0 ? wy * p->ph / wh : wy, x, y);
}

/* Turns one SDL event into an Input; false when it means nothing to us. */
static bool translate(Platform *p, const SDL_Event *e, Input *in)
{
    memset(in, 0, sizeof *in);
    switch (e->type) {
    case SDL_QUIT:
        /* the kiosk cannot be closed; only staff or SIGTERM end it */
        in->kind = INPUT_QUIT;
        return p->mode != PLATFORM_KIOSK;
    case SDL_WINDOWEVENT:
        if (e->window.event != SDL_WINDOWEVENT_SIZE_CHANGED &&
            e->window.event != SDL_WINDOWEVENT_EXPOSED)
            return false;
        update_size(p);
        in->kind = INPUT_RESIZE;
        return true;
    case SDL_FINGERDOWN:
        if (p->finger_down || p->mouse_down)
            return false; /* one finger at a time */
        p->finger_down = true;
        p->finger = e->tfinger.fingerId;
        in->kind = INPUT_DOWN;
        break;
    case SDL_FINGERMOTION:
    case SDL_FINGERUP:
        if (!p->finger_down || e->tfinger.fingerId != p->finger)
            return false;
        in->kind = e->type == SDL_FINGERUP ? INPUT_UP : INPUT_MOVE;
        p->finger_down = e->type != SDL_FINGERUP;
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT ||
            p->finger_down)
            return false;
        p->mouse_down = e->type == SDL_MOUSEBUTTONDOWN;
        in->kind = p->mouse_down ? INPUT_DOWN : INPUT_UP;
        to_pixels(p, e->button.x, e->button.y, &in->x, &in->y);
        return true;
    case SDL_MOUSEMOTION:
        if (!p->mouse_down || e->motion.which == SDL_TOUCH_MOUSEID)
            return false;
        in->kind = INPUT_MOVE;
        to_pixels(p, e->motion.x, e->motion.y, &in->x, &in->y);
        return true;
    case SDL_MOUSEWHEEL: {
        int mx, my;
        SDL_GetMouseState(&mx, &my);
        in->kind = INPUT_WHEEL;
        to_pixels(p, mx, my, &in->x, &in->y);
        in->key = e->wheel.y > 0 ? 1 : -1;
        return e->wheel.y != 0;
    }
    case SDL_KEYDOWN:
        in->kind = INPUT_KEY;
        in->key = map_key(e->key.keysym.sym);
        return in->key != 0;
    case SDL_TEXTINPUT:
        in->kind = INPUT_TEXT;
        snprintf(in->text, sizeof in->text, "%s", e->text.text);
        return true;
    default:
        return false;
    }
    /* finger positions are 0..1 of the window */
    to_picture(p, (int)lroundf(e->tfinger.x * (float)p->pw),
               (int)lroundf(e->tfinger.y * (float)p->ph), &in->x, &in->y);
    return true;
}

/* platform_next for the Wayland window: positions turned into the
 * upright picture, typed text only while it is wanted. */
static bool way_input(Platform *p, Input *in, int timeout_ms, int wait)
{
    Uint64 until = SDL_GetTicks64() + (Uint64)(timeout_ms < 0 ? 0x7FFFFFFF : timeout_ms);
    for (;;) {
        if (terminate_asked) {
            in->kind = INPUT_QUIT;
            return true;
        }
        if (wake_take()) {
            in->kind = INPUT_WAKE;
            return true;
        }
        Input raw;
        int got = way_next(p->way, &raw, wait);
        if (got < 0) { /* the compositor is gone: so is the screen */
            fprintf(stderr, "career-kiosk: the Wayland compositor went away\n");
            in->kind = INPUT_QUIT;
            return true;
        }
        if (got > 0) {
            *in = raw;
            explicit_bzero(&raw, sizeof raw); /* typed text is a visitor's */
            switch (in->kind) {
            case INPUT_DOWN:
            case INPUT_MOVE:
            case INPUT_UP:
            case INPUT_WHEEL:
                to_picture(p, in->x, in->y, &in->x, &in->y);
                return true;
            case INPUT_RESIZE:
                update_size(p);
                return true;
            case INPUT_QUIT: /* the window was closed: only a desktop window quits */
                if (p->mode != PLATFORM_KIOSK)
                    return true;
                break;
            case INPUT_TEXT:
                if (p->text_on)
                    return true;
                explicit_bzero(in, sizeof *in);
                break;
            default:
                return true;
            }
            continue;
        }
        if (timeout_ms >= 0 && SDL_GetTicks64() >= until)
            break;
    }
    memset(in, 0, sizeof *in);
    in->kind = INPUT_TIMEOUT;
    return false;
}

bool platform_next(Platform *p, Input *in, int timeout_ms)
{
    SDL_Event e;
    memset(in, 0, sizeof *in);
    if (p->mode == PLATFORM_HEADLESS) {
        in->kind = INPUT_TIMEOUT;
        return false;
    }
    /* wake at least once a second to notice SIGTERM */
    int wait = timeout_ms < 0 || timeout_ms > 1000 ? 1000 : timeout_ms;
    if (p->way)
        return way_input(p, in, timeout_ms, wait);
    Uint32 until = SDL_GetTicks() + (Uint32)(timeout_ms < 0 ? 0x7FFFFFFF : timeout_ms);
    for (;;) {
        if (terminate_asked) {
            in->kind = INPUT_QUIT;
            return true;
        }
        if (SDL_WaitEventTimeout(&e, wait)) {
            if (wake_is(&e)) {
                wake_take();
                in->kind = INPUT_WAKE;
                return true;
            }
            if (translate(p, &e, in))
                return true;
            continue;
        }
        if (timeout_ms >= 0 && SDL_TICKS_PASSED(SDL_GetTicks(), until))
            break;
    }
    in->kind = INPUT_TIMEOUT;
    return false;
}

uint64_t platform_now(const Platform *p)
{
    return p->mode == PLATFORM_HEADLESS ? p->clock_ms : SDL_GetTicks64();
}

void platform_advance(Platform *p, uint64_t ms)
{
    p->clock_ms += ms;
}

/* A surface new to this process has its pages mapped in one call, before
 * the frame touches them one fault at a time (8 MB at 1080p: 2,048
 * faults, a tenth of the start). Once per buffer (Wayland takes turns
 * with two or three); a kernel without MADV_POPULATE_WRITE refuses, and
 * the faults come as before. */
static void populate(SDL_Surface *s)
{
#ifdef MADV_POPULATE_WRITE
    enum { KEPT = 4 };
    static const void *done[KEPT];
    static int next;
    if (!s)
        return;
    for (int i = 0; i < KEPT; i++)
        if (done[i] == s->pixels)
            return;
    done[next++ % KEPT] = s->pixels;
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE), a = (uintptr_t)s->pixels;
    uintptr_t b = a + (size_t)s->pitch * (size_t)s->h;
    a = (a + page - 1) & ~(page - 1); /* the whole pages inside it */
    b &= ~(page - 1);
    if (b > a)
        (void)madvise((void *)a, b - a, MADV_POPULATE_WRITE);
#else
    (void)s;
#endif
}

Draw *platform_frame_begin(Platform *p)
{
    if (p->way) /* a free buffer to draw into, of the window's size now */
        update_size(p);
    if (p->picture)
        SDL_SetRenderTarget(p->r, p->picture);
    /* plain fills go straight into the surface the software renderer
     * draws to: the offscreen one, or the window's */
    p->draw.target = !p->soft || p->picture ? NULL : p->upright ? p->upright : panel_surface(p);
    populate(p->draw.target);
    return &p->draw;
}

Draw *platform_measure(Platform *p)
{
    return &p->draw;
}

/* SDL turns clockwise, in degrees. */
static double turn_degrees(PlatformTurn t)
{
    return t == PLATFORM_TURN_LEFT ? 270 : t == PLATFORM_TURN_RIGHT ? 90 : 180;
}

void platform_frame_end(Platform *p)
{
    draw_settle(&p->draw);
    if (p->upright)
        turn_onto(p);
    else if (p->picture) { /* the upright picture, turned onto the panel */
        SDL_SetRenderTarget(p->r, NULL);
        SDL_SetRenderDrawColor(p->r, 0, 0, 0, 255);
        SDL_RenderClear(p->r);
        SDL_Rect at = {(p->pw - p->w) / 2, (p->ph - p->h) / 2, p->w, p->h};
        SDL_RenderCopyEx(p->r, p->picture, NULL, &at, turn_degrees(p->turn), NULL, SDL_FLIP_NONE);
    }
    SDL_RenderPresent(p->r);
    if (p->way)
        way_present(p->way);
    text_frame_done(p->draw.text);
}

bool platform_screenshot(Platform *p, const char *path, char *err, size_t cap)
{
    int pitch = p->pw * 3;
    unsigned char *rgb = malloc((size_t)pitch * (size_t)p->ph);
    bool ok;
    if (!rgb) {
        snprintf(err, cap, "out of memory");
        return false;
    }
    if (p->picture) /* the panel, as it shows */
        SDL_SetRenderTarget(p->r, NULL);
    if (SDL_RenderReadPixels(p->r, NULL, SDL_PIXELFORMAT_RGB24, rgb, pitch) != 0) {
        snprintf(err, cap, "cannot read the screen: %s", SDL_GetError());
        free(rgb);
        return false;
    }
    ok = png_write(path, rgb, p->pw, p->ph, pitch, 3, err, cap);
    free(rgb);
    return ok;
}

void platform_text_input(Platform *p, bool on)
{
    p->text_on = on;
    if (p->mode == PLATFORM_HEADLESS || p->way)
        return;
    if (on)
        SDL_StartTextInput();
    else
        SDL_StopTextInput();
}

int platform_missing_glyphs(Platform *p, const char *s)
{
    return text_missing(p->draw.text, s);
}

unsigned long platform_text_mark(const Platform *p)
{
    return text_mark(p->draw.text);
}

void platform_text_forget(Platform *p, unsigned long mark)
{
    text_forget(p->draw.text, mark);
}

const char *platform_renderer(const Platform *p)
{
    SDL_RendererInfo info;
    return p->r && SDL_GetRendererInfo(p->r, &info) == 0 ? info.name : "none";
}

float platform_ppi(const Platform *p)
{
    float ddpi = 0;
    if (p->mode == PLATFORM_HEADLESS || !p->win)
        return 0;
    int display = SDL_GetWindowDisplayIndex(p->win);
    if (display < 0 || SDL_GetDisplayDPI(display, &ddpi, NULL, NULL) != 0)
        return 0;
    return ddpi;
}

const char *platform_shown_through(const Platform *p)
{
    return p->way                         ? "Wayland shared-memory buffers"
           : p->mode == PLATFORM_HEADLESS ? "an offscreen surface"
           : p->soft                      ? "the window's surface"
                                          : "the window (GPU)";
}

PlatformStats platform_stats(const Platform *p)
{
    PlatformStats s;
    text_counts(p->draw.text, &s.textures, &s.widths);
    return s;
}

/* ---- draw ---- */

void draw_release(Draw *d)
{
    text_close(d->text);
    d->text = NULL;
    free(d->tiles.px);
    free(d->tiles.pending);
    memset(&d->tiles, 0, sizeof d->tiles);
    draw_release_textures(d);
}

void draw_release_textures(Draw *d)
{
    for (int i = 0; i < CORNERS; i++)
        for (int k = 0; k < 4; k++)
            if (d->corner[i].tex[k])
                SDL_DestroyTexture(d->corner[i].tex[k]);
    for (int i = 0; i < QRS; i++)
        if (d->qr[i].tex)
            SDL_DestroyTexture(d->qr[i].tex);
    memset(d->corner, 0, sizeof d->corner);
    memset(d->qr, 0, sizeof d->qr);
    for (int i = 0; i < LOGOS; i++)
        if (d->logo[i].tex)
            SDL_DestroyTexture(d->logo[i].tex);
    memset(d->logo, 0, sizeof d->logo);
}

/* Opaque colours fill plainly; blending every pixel of an opaque rectangle
 * is the software renderer's slow path. */
static void set_color(SDL_Renderer *r, Color c)
{
    SDL_SetRenderDrawBlendMode(r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
}

/* The software surface to draw r into with plain stores, and r clipped
 * to the clip rectangle and the surface as [x0, x1) x [y0, y1); NULL when
 * this surface cannot be drawn to so (the GPU, a surface to lock). */
static SDL_Surface *plain_target(Draw *d, Rect r, int *x0, int *y0, int *x1, int *y1)
{
    SDL_Surface *s = d->target;
    if (!s || s->format->BytesPerPixel != 4 || SDL_MUSTLOCK(s))
        return NULL;
    *x0 = r.x, *y0 = r.y, *x1 = r.x + r.w, *y1 = r.y + r.h;
    if (d->clipped) {
        *x0 = *x0 > d->clip.x ? *x0 : d->clip.x;
        *y0 = *y0 > d->clip.y ? *y0 : d->clip.y;
        *x1 = *x1 < d->clip.x + d->clip.w ? *x1 : d->clip.x + d->clip.w;
        *y1 = *y1 < d->clip.y + d->clip.h ? *y1 : d->clip.y + d->clip.h;
    }
    *x0 = *x0 > 0 ? *x0 : 0;
    *y0 = *y0 > 0 ? *y0 : 0;
    *x1 = *x1 < s->w ? *x1 : s->w;
    *y1 = *y1 < s->h ? *y1 : s->h;
    return s;
}

/* [x0, x1) x [y0, y1) of s set to px: the first row pixel by pixel, the
 * rest copied from it (memcpy moves a row in wide stores, where a loop of
 * 4-byte stores took 4 of a frame's 6 ms at 1080p). Plain stores, where
 * SDL_FillRect's non-temporal ones leave the frame out of the cache just
 * before text and corners are blended over it. */
static void fill_px(SDL_Surface *s, int x0, int y0, int x1, int y1, Uint32 px)
{
    if (x1 <= x0 || y1 <= y0)
        return;
    Uint32 *first = (Uint32 *)((Uint8 *)s->pixels + (size_t)y0 * (size_t)s->pitch) + x0;
    for (int x = 0; x < x1 - x0; x++)
        first[x] = px;
    size_t bytes = (size_t)(x1 - x0) * sizeof *first;
    for (int y = y0 + 1; y < y1; y++)
        memcpy((Uint8 *)first + (size_t)(y - y0) * (size_t)s->pitch, first, bytes);
}

/* Tiles of TILE_SIDE pixels square, for fills noted but not yet written. */
enum { TILE_SHIFT = 5, TILE_SIDE = 1 << TILE_SHIFT };

/* The tiles of target s, made when it is new or of another size; false
 * when there is no memory for them (fills are then written at once). */
static bool tiles_for(Draw *d, SDL_Surface *s)
{
    if (d->tiles.of == s && d->tiles.px && d->tiles.w == s->w && d->tiles.h == s->h)
        return true;
    /* frames and pages settle when they end, so nothing is noted here
     * but for another target drawn in this frame: written first */
    if (d->tiles.npending)
        draw_settle(d);
    int cols = (s->w + TILE_SIDE - 1) >> TILE_SHIFT, rows = (s->h + TILE_SIDE - 1) >> TILE_SHIFT;
    size_t n = (size_t)cols * (size_t)rows;
    if (!d->tiles.px || (size_t)d->tiles.cols * (size_t)d->tiles.rows != n) {
        free(d->tiles.px);
        free(d->tiles.pending);
        d->tiles.px = malloc(n * sizeof *d->tiles.px);
        d->tiles.pending = calloc(n, 1);
        if (!d->tiles.px || !d->tiles.pending) {
            free(d->tiles.px);
            free(d->tiles.pending);
            memset(&d->tiles, 0, sizeof d->tiles);
            return false;
        }
    }
    memset(d->tiles.pending, 0, n);
    d->tiles.of = s;
    d->tiles.w = s->w;
    d->tiles.h = s->h;
    d->tiles.cols = cols;
    d->tiles.rows = rows;
    d->tiles.npending = 0;
    return true;
}

/* Writes the noted tiles that meet [x0, x1) x [y0, y1). */
static void settle(Draw *d, int x0, int y0, int x1, int y1)
{
    SDL_Surface *s = d->tiles.of;
    if (!d->tiles.npending || x1 <= x0 || y1 <= y0)
        return;
    int tx1 = (x1 - 1) >> TILE_SHIFT, ty1 = (y1 - 1) >> TILE_SHIFT;
    tx1 = tx1 < d->tiles.cols ? tx1 : d->tiles.cols - 1;
    ty1 = ty1 < d->tiles.rows ? ty1 : d->tiles.rows - 1;
    int tx0 = x0 > 0 ? x0 >> TILE_SHIFT : 0;
    for (int ty = y0 > 0 ? y0 >> TILE_SHIFT : 0; ty <= ty1; ty++) {
        uint8_t *pending = d->tiles.pending + (size_t)ty * (size_t)d->tiles.cols;
        const Uint32 *px = d->tiles.px + (size_t)ty * (size_t)d->tiles.cols;
        int ay = ty << TILE_SHIFT, by = ay + TILE_SIDE < s->h ? ay + TILE_SIDE : s->h;
        for (int tx = tx0; tx <= tx1; tx++) {
            if (!pending[tx])
                continue;
            int end = tx; /* the noted tiles of one colour beside it: one fill */
            while (end + 1 <= tx1 && pending[end + 1] && px[end + 1] == px[tx])
                end++;
            int ax = tx << TILE_SHIFT, bx = (end + 1) << TILE_SHIFT;
            fill_px(s, ax, ay, bx < s->w ? bx : s->w, by, px[tx]);
            memset(pending + tx, 0, (size_t)(end - tx + 1));
            d->tiles.npending -= end - tx + 1;
            tx = end;
        }
    }
}

void draw_settle(Draw *d)
{
    if (d->tiles.npending) /* else the surface may be gone (a new size) */
        settle(d, 0, 0, d->tiles.of->w, d->tiles.of->h);
}

void draw_forget(Draw *d, const SDL_Surface *s)
{
    if (!s || d->tiles.of != s)
        return;
    if (d->tiles.pending)
        memset(d->tiles.pending, 0, (size_t)d->tiles.cols * (size_t)d->tiles.rows);
    d->tiles.npending = 0;
    d->tiles.of = NULL;
}

void draw_touch(Draw *d, Rect r)
{
    int x0, y0, x1, y1;
    if (d->tiles.npending && plain_target(d, r, &x0, &y0, &x1, &y1) == d->tiles.of)
        settle(d, x0, y0, x1, y1);
}

/* An opaque fill straight into the software renderer's surface: the
 * tiles it covers whole are noted (written once, whatever is filled over
 * them later in the frame; a frame's fills cover the screen nearly twice
 * over), the rest is written now. The same pixels as SDL's fill. False
 * when this surface cannot be filled so (the GPU, a colour with alpha). */
static bool plain_fill(Draw *d, Rect r, Color c)
{
    int x0, y0, x1, y1;
    SDL_Surface *s = c.a == 255 ? plain_target(d, r, &x0, &y0, &x1, &y1) : NULL;
    if (!s)
        return false;
    SDL_RenderFlush(d->r); /* what was drawn before lies under this */
    if (x1 <= x0 || y1 <= y0)
        return true;
    Uint32 px = SDL_MapRGBA(s->format, c.r, c.g, c.b, 255);
    /* the tiles covered whole: [tx0, tx1) x [ty0, ty1); a tile at the
     * surface's edge is whole when the fill reaches the edge */
    int tx0 = (x0 + TILE_SIDE - 1) >> TILE_SHIFT, ty0 = (y0 + TILE_SIDE - 1) >> TILE_SHIFT;
    int tx1 = x1 == s->w ? (x1 + TILE_SIDE - 1) >> TILE_SHIFT : x1 >> TILE_SHIFT;
    int ty1 = y1 == s->h ? (y1 + TILE_SIDE - 1) >> TILE_SHIFT : y1 >> TILE_SHIFT;
    if (tx1 <= tx0 || ty1 <= ty0 || !tiles_for(d, s)) {
        settle(d, x0, y0, x1, y1);
        fill_px(s, x0, y0, x1, y1, px);
        return true;
    }
    int ix0 = tx0 << TILE_SHIFT, iy0 = ty0 << TILE_SHIFT;
    int ix1 = tx1 << TILE_SHIFT < x1 ? tx1 << TILE_SHIFT : x1;
    int iy1 = ty1 << TILE_SHIFT < y1 ? ty1 << TILE_SHIFT : y1;
    /* the strips around the whole tiles, over the parts of tiles they
     * meet (written first, if noted) */
    Rect strip[4] = {{x0, y0, x1 - x0, iy0 - y0},
                     {x0, iy1, x1 - x0, y1 - iy1},
                     {x0, iy0, ix0 - x0, iy1 - iy0},
                     {ix1, iy0, x1 - ix1, iy1 - iy0}};
    for (int k = 0; k < 4; k++)
        if (strip[k].w > 0 && strip[k].h > 0) {
            int sx1 = strip[k].x + strip[k].w, sy1 = strip[k].y + strip[k].h;
            settle(d, strip[k].x, strip[k].y, sx1, sy1);
            fill_px(s, strip[k].x, strip[k].y, sx1, sy1, px);
        }
    for (int ty = ty0; ty < ty1; ty++)
        for (int tx = tx0; tx < tx1; tx++) {
            size_t i = (size_t)ty * (size_t)d->tiles.cols + (size_t)tx;
            d->tiles.npending += !d->tiles.pending[i];
            d->tiles.pending[i] = 1;
            d->tiles.px[i] = px;
        }
    return true;
}

void draw_clear(Draw *d, Color c)
{
    bool clipped = d->clipped;
    d->clipped = false;
    bool done =
        plain_fill(d, (Rect){0, 0, d->target ? d->target->w : 0, d->target ? d->target->h : 0}, c);
    d->clipped = clipped;
    if (done)
        return;
    draw_settle(d); /* or a noted fill would come out over the clear */
    set_color(d->r, c);
    SDL_RenderClear(d->r);
}

void draw_rect(Draw *d, Rect r, Color c)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    if (plain_fill(d, r, c))
        return;
    draw_touch(d, r);
    set_color(d->r, c);
    SDL_RenderFillRect(d->r, &(SDL_Rect){r.x, r.y, r.w, r.h});
}

/* Alpha of a quarter annulus between radii inner and outer at pixel
 * (x, y) of an r x r square, sampled 4x4 for smooth edges. */
static Uint8 coverage(int x, int y, int r, float inner)
{
    int in = 0;
    for (int sy = 0; sy < 4; sy++)
        for (int sx = 0; sx < 4; sx++) {
            float dx = (float)r - (x + (sx + 0.5f) / 4), dy = (float)r - (y + (sy + 0.5f) / 4);
            float d2 = dx * dx + dy * dy;
            in += d2 <= (float)r * r && d2 >= inner * inner;
        }
    return (Uint8)(in * 255 / 16);
}

/* The four corners of a disc (thickness 0) or ring of radius r in colour
 * c, each its own texture: flipping one texture at draw time takes the
 * software renderer's slow transform path. */
static void corner_textures(SDL_Renderer *rend, int r, int thickness, Color c, SDL_Texture *out[4])
{
    float inner = thickness > 0 ? (float)(r - thickness) : 0;
    for (int k = 0; k < 4; k++) {
        SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, r, r, 32, SDL_PIXELFORMAT_ARGB8888);
        out[k] = NULL;
        if (!s)
            continue;
        for (int y = 0; y < r; y++)
            for (int x = 0; x < r; x++) {
                int sx = k & 1 ? r - 1 - x : x, sy = k & 2 ? r - 1 - y : y;
                ((Uint32 *)s->pixels)[y * (s->pitch / 4) + x] =
                    (Uint32)(coverage(sx, sy, r, inner) * c.a / 255) << 24 | (Uint32)c.r << 16 |
                    (Uint32)c.g << 8 | c.b;
            }
        out[k] = SDL_CreateTextureFromSurface(rend, s);
        SDL_FreeSurface(s);
        if (out[k])
            SDL_SetTextureBlendMode(out[k], SDL_BLENDMODE_BLEND);
    }
}

/* The corner textures for (radius, thickness, colour), made on demand;
 * the least recently used set makes room. */
static SDL_Texture **corner_for(Draw *d, int rad, int thickness, Color c)
{
    Draw *p = d;
    Corner *victim = &p->corner[0];
    for (int i = 0; i < CORNERS; i++) {
        Corner *k = &p->corner[i];
        if (k->tex[0] && k->radius == rad && k->thickness == thickness && k->c.r == c.r &&
            k->c.g == c.g && k->c.b == c.b && k->c.a == c.a) {
            k->used = ++p->tick;
            return k->tex;
        }
        if (!k->tex[0] || k->used < victim->used)
            victim = k;
    }
    for (int k = 0; k < 4; k++)
        if (victim->tex[k])
            SDL_DestroyTexture(victim->tex[k]);
    victim->radius = rad;
    victim->thickness = thickness;
    victim->c = c;
    victim->used = ++p->tick;
    corner_textures(d->r, rad, thickness, c, victim->tex);
    return victim->tex;
}

/* Draws the four corners of r. */
static void corners(Draw *d, SDL_Texture **t, Rect r, int rad)
{
    SDL_Rect at[4] = {{r.x, r.y, rad, rad},
                      {r.x + r.w - rad, r.y, rad, rad},
                      {r.x, r.y + r.h - rad, rad, rad},
                      {r.x + r.w - rad, r.y + r.h - rad, rad, rad}};
    for (int i = 0; i < 4; i++)
        if (t[i]) {
            draw_touch(d, (Rect){at[i].x, at[i].y, at[i].w, at[i].h});
            SDL_RenderCopy(d->r, t[i], NULL, &at[i]);
        }
}

static int clamp_radius(Rect r, int rad)
{
    if (rad > r.w / 2)
        rad = r.w / 2;
    if (rad > r.h / 2)
        rad = r.h / 2;
    return rad < 0 ? 0 : rad > 63 ? 63 : rad;
}

void draw_round(Draw *d, Rect r, int radius, Color c)
{
    int rad = clamp_radius(r, radius);
    if (r.w <= 0 || r.h <= 0)
        return;
    if (rad < 2) {
        draw_rect(d, r, c);
        return;
    }
    SDL_Texture **t = corner_for(d, rad, 0, c);
    draw_rect(d, (Rect){r.x + rad, r.y, r.w - 2 * rad, r.h}, c);
    draw_rect(d, (Rect){r.x, r.y + rad, rad, r.h - 2 * rad}, c);
    draw_rect(d, (Rect){r.x + r.w - rad, r.y + rad, rad, r.h - 2 * rad}, c);
    if (t)
        corners(d, t, r, rad);
}

void draw_round_outline(Draw *d, Rect r, int radius, int thickness, Color c)
{
    int rad = clamp_radius(r, radius);
    if (rad < thickness + 1)
        rad = thickness + 1 <= 63 ? thickness + 1 : 63;
    SDL_Texture **t = corner_for(d, rad, thickness, c);
    draw_rect(d, (Rect){r.x + rad, r.y, r.w - 2 * rad, thickness}, c);
    draw_rect(d, (Rect){r.x + rad, r.y + r.h - thickness, r.w - 2 * rad, thickness}, c);
    draw_rect(d, (Rect){r.x, r.y + rad, thickness, r.h - 2 * rad}, c);
    draw_rect(d, (Rect){r.x + r.w - thickness, r.y + rad, thickness, r.h - 2 * rad}, c);
    if (t)
        corners(d, t, r, rad);
}

/* One pixel of coverage a (0-255) of ink (ir, ig, ib) over p:
 * (ink * a + p * (255 - a)) / 255 per channel, rounded exactly (so a of
 * 255 gives the ink and 0 leaves p), the bits outside the three channels
 * kept. Inlined with the shifts as constants for the usual format. */
static inline Uint32 blend_px(Uint32 p, unsigned a, unsigned ir, unsigned ig, unsigned ib,
                              Uint32 keep, unsigned rs, unsigned gs, unsigned bs)
{
    unsigned na = 255 - a;
    unsigned r = ir * a + ((p >> rs) & 255) * na + 128, g = ig * a + ((p >> gs) & 255) * na + 128,
             b = ib * a + ((p >> bs) & 255) * na + 128;
    r = (r + (r >> 8)) >> 8;
    g = (g + (g >> 8)) >> 8;
    b = (b + (b >> 8)) >> 8;
    return (p & keep) | (Uint32)r << rs | (Uint32)g << gs | (Uint32)b << bs;
}

/* n pixels of coverage src blended onto dst, coverage scaled by ca. */
static inline void blend_row(Uint32 *dst, const Uint8 *src, int n, unsigned ca, unsigned ir,
                             unsigned ig, unsigned ib, Uint32 keep, unsigned rs, unsigned gs,
                             unsigned bs)
{
    if (ca == 255) {
        int i = 0;
#ifdef __SSE2__
        /* The usual format, four pixels at a time, the same sums as
         * blend_px in 16-bit lanes: a pixel's red and blue side by side
         * in its 32 bits, its green apart, the coverage in both halves
         * (every product fits 16 bits: SSE2 has a 16-bit multiply, not a
         * 32-bit one, and GCC built its own vectors of the coverage bytes
         * through the stack). */
        if (rs == 16 && gs == 8 && bs == 0) {
            const __m128i zero = _mm_setzero_si128(), low = _mm_set1_epi32(0x00FF00FF),
                          byte = _mm_set1_epi32(0xFF), half = _mm_set1_epi16(128),
                          full = _mm_set1_epi16(255), other = _mm_set1_epi32((int)keep),
                          ink_rb = _mm_set1_epi32((int)(ir << 16 | ib)),
                          ink_g = _mm_set1_epi32((int)ig);
            for (; i + 4 <= n; i += 4) {
                int four;
                memcpy(&four, src + i, sizeof four);
                __m128i c = _mm_unpacklo_epi8(_mm_cvtsi32_si128(four), zero);
                __m128i a = _mm_unpacklo_epi16(c, c), na = _mm_sub_epi16(full, a);
                __m128i p = _mm_loadu_si128((const __m128i *)(dst + i));
                __m128i rb = _mm_add_epi16(_mm_mullo_epi16(ink_rb, a),
                                           _mm_mullo_epi16(_mm_and_si128(p, low), na));
                __m128i g =
                    _mm_add_epi16(_mm_mullo_epi16(ink_g, a),
                                  _mm_mullo_epi16(_mm_and_si128(_mm_srli_epi32(p, 8), low), na));
                rb = _mm_add_epi16(rb, half);
                g = _mm_add_epi16(g, half);
                rb = _mm_srli_epi16(_mm_add_epi16(rb, _mm_srli_epi16(rb, 8)), 8);
                g = _mm_srli_epi16(_mm_add_epi16(g, _mm_srli_epi16(g, 8)), 8);
                p = _mm_or_si128(_mm_and_si128(p, other),
                                 _mm_or_si128(rb, _mm_slli_epi32(_mm_and_si128(g, byte), 8)));
                _mm_storeu_si128((__m128i *)(dst + i), p);
            }
        }
#endif
        for (; i < n; i++)
            dst[i] = blend_px(dst[i], src[i], ir, ig, ib, keep, rs, gs, bs);
    } else
        for (int i = 0; i < n; i++)
            dst[i] = blend_px(dst[i], (src[i] * ca + 127) / 255, ir, ig, ib, keep, rs, gs, bs);
}

/* Blends coverage m at (x, y) in colour c straight into the software
 * renderer's surface, coverage scaled by c's alpha (see blend_px). Only
 * the mask's runs are read, clipped, over the fills noted under them
 * (written first); a surface with 8-bit channels at 16, 8 and 0 (what
 * X11, Wayland and SDL's own surfaces are here) gets blend_row with its
 * shifts fixed. False when the surface cannot be drawn to so (another
 * channel size: SDL blends it; see plain_target). */
static bool plain_blend(Draw *d, const TextMask *m, int x, int y, Color c)
{
    int x0, y0, x1, y1;
    SDL_Surface *s = plain_target(d, (Rect){x, y, m->w, m->h}, &x0, &y0, &x1, &y1);
    if (!s)
        return false;
    if (x1 <= x0 || y1 <= y0 || c.a == 0)
        return true;
    const SDL_PixelFormat *f = s->format;
    const Uint32 keep = ~(f->Rmask | f->Gmask | f->Bmask);
    const unsigned rs = f->Rshift, gs = f->Gshift, bs = f->Bshift, ca = c.a;
    if (f->Rmask >> rs != 255 || f->Gmask >> gs != 255 || f->Bmask >> bs != 255)
        return false; /* not 8 bits a channel: SDL blends it */
    const bool usual = f->Rmask == 0xFF0000 && f->Gmask == 0xFF00 && f->Bmask == 0xFF;
    SDL_RenderFlush(d->r); /* what was drawn before lies under this */
    if (s == d->tiles.of)
        settle(d, x0, y0, x1, y1);
    const uint16_t *run = m->runs, whole[2] = {0, (uint16_t)m->w};
    for (int py = y; py < y1; py++) {
        const uint16_t *r = whole; /* no runs: the row is one */
        int nr = 1;
        if (run) { /* this row's runs; the next row's follow */
            nr = run[0];
            r = run + 1;
            run += 1 + 2 * nr;
        }
        if (py < y0)
            continue;
        const Uint8 *src = m->cover + (size_t)(py - y) * (size_t)m->w - x;
        Uint32 *dst = (Uint32 *)((Uint8 *)s->pixels + (size_t)py * (size_t)s->pitch);
        for (int k = 0; k < nr; k++) {
            int a = x + r[2 * k], b = a + r[2 * k + 1];
            a = a > x0 ? a : x0;
            b = b < x1 ? b : x1;
            if (b <= a)
                continue;
            if (usual)
                blend_row(dst + a, src + a, b - a, ca, c.r, c.g, c.b, keep, 16, 8, 0);
            else
                blend_row(dst + a, src + a, b - a, ca, c.r, c.g, c.b, keep, rs, gs, bs);
        }
    }
    return true;
}

int draw_text(Draw *d, const char *s, int x, int y, int px, Weight w, Color c)
{
    int tw = 0, th = 0;
    bool temporary;
    /* a line with a taller script in it is drawn higher by as much, so its
     * baseline stays where the line's neighbours have theirs */
    int top = y - text_lift(d->text, s, px, w);
    TextMask mask;
    const Uint8 *m = d->target ? text_mask(d->text, s, px, w, &mask, &temporary) : NULL;
    if (m) {
        tw = mask.w;
        th = mask.h;
        bool drawn = plain_blend(d, &mask, x, top, c);
        if (temporary)
            text_mask_free(&mask, m);
        if (!drawn)
            m = NULL;
    }
    if (!m) {
        SDL_Texture *t =
            text_texture(d->text, s, px, w, (SDL_Color){c.r, c.g, c.b, c.a}, &tw, &th, &temporary);
        if (!t)
            return 0;
        draw_touch(d, (Rect){x, top, tw, th});
        SDL_RenderCopy(d->r, t, NULL, &(SDL_Rect){x, top, tw, th});
        if (temporary)
            SDL_DestroyTexture(t);
    }
    /* a page keeps what it shows, for the printout's text layer */
    if (d->canvas && c.a > 0 &&
        (!d->clipped || (y + th / 2 >= d->clip.y && y + th / 2 < d->clip.y + d->clip.h)))
        canvas_record(d->canvas, s, x, y + text_ascent(d->text, px), tw, px);
    return tw;
}

int draw_text_width(Draw *d, const char *s, int px, Weight w)
{
    return text_width(d->text, s, px, w);
}

int draw_missing_glyphs(Draw *d, const char *s)
{
    return text_missing(d->text, s);
}

int draw_line_height(Draw *d, int px)
{
    return text_line_height(d->text, px);
}

static uint32_t modules_hash(const unsigned char *m, int width)
{
    uint32_t h = 2166136261u ^ (uint32_t)width;
    for (int i = 0; i < width * width; i++)
        h = (h ^ (m[i] != 0)) * 16777619u;
    return h;
}

/* Paints the code with its quiet zone into a new opaque texture. */
static SDL_Texture *qr_texture(SDL_Renderer *r, const unsigned char *m, int width, int scale)
{
    int side = (width + 8) * scale;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, side, side, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Texture *t;
    if (!s)
        return NULL;
    for (int y = 0; y < side; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
        int my = y / scale - 4;
        for (int x = 0; x < side; x++) {
            int mx = x / scale - 4;
            bool dark = mx >= 0 && my >= 0 && mx < width && my < width && m[my * width + mx];
            row[x] = dark ? 0xFF000000u : 0xFFFFFFFFu;
        }
    }
    t = SDL_CreateTextureFromSurface(r, s);
    SDL_FreeSurface(s);
    if (t) /* opaque: copied, not blended pixel by pixel */
        SDL_SetTextureBlendMode(t, SDL_BLENDMODE_NONE);
    return t;
}

void draw_qr(Draw *d, const unsigned char *m, int width, int x, int y, int scale)
{
    Draw *p = d;
    uint32_t h = modules_hash(m, width);
    QrTexture *hit = NULL, *victim = &p->qr[0];
    for (int i = 0; i < QRS && !hit; i++) {
        QrTexture *q = &p->qr[i];
        if (q->tex && q->hash == h && q->width == width && q->scale == scale)
            hit = q;
        else if (!q->tex || q->used < victim->used)
            victim = q;
    }
    if (!hit) {
        if (victim->tex)
            SDL_DestroyTexture(victim->tex);
        *victim = (QrTexture){h, width, scale, qr_texture(d->r, m, width, scale), 0};
        hit = victim;
    }
    hit->used = ++p->tick;
    int side = (width + 8) * scale;
    if (hit->tex) {
        draw_touch(d, (Rect){x, y, side, side});
        SDL_RenderCopy(d->r, hit->tex, NULL, &(SDL_Rect){x, y, side, side});
    }
}

void draw_clip(Draw *d, const Rect *r)
{
    d->clipped = r != NULL;
    if (r)
        d->clip = *r;
    if (r)
        SDL_RenderSetClipRect(d->r, &(SDL_Rect){r->x, r->y, r->w, r->h});
    else
        SDL_RenderSetClipRect(d->r, NULL);
}
