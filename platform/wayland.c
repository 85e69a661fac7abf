/* wayland: a window on a Wayland compositor (cage, the kiosk's session)
 * shown from shared-memory buffers, so no GL driver is ever loaded. SDL
 * 2.26 has no shared-memory window surface on Wayland: its software
 * renderer presents through OpenGL there, which maps libLLVM and Mesa
 * (160 MiB) to copy a picture. Here the picture SDL's software renderer
 * drew into a plain surface is copied into one of two wl_shm buffers and
 * committed; pointer, touch and keyboard (through xkbcommon, for the
 * keymap the compositor sends) become our Input. The only includer of
 * wayland-client.h and xkbcommon.h. */
#define _GNU_SOURCE /* memfd_create */
#include "internal.h"
#include <xdg-shell.h> /* made by wayland-scanner in the build folder */

#include <errno.h>
#include <fcntl.h>
#include <linux/input-event-codes.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <wayland-client.h>
#include <xkbcommon/xkbcommon.h>

enum { BUFFERS = 2, QUEUE = 64 };

typedef struct {
    struct wl_buffer *buffer;
    uint32_t *pixels;
    bool busy; /* the compositor holds it until it releases it */
} Buffer;

struct Way {
    struct wl_display *display;
    struct wl_registry *registry;
    struct wl_compositor *compositor;
    struct wl_shm *shm;
    struct xdg_wm_base *wm;
    struct wl_seat *seat;
    struct wl_pointer *pointer;
    struct wl_touch *touch;
    struct wl_keyboard *keyboard;
    struct wl_surface *surface;
    struct xdg_surface *xdg_surface;
    struct xdg_toplevel *toplevel;
    struct xkb_context *xkb;
    struct xkb_keymap *keymap;
    struct xkb_state *kstate;
    bool configured, closed, hide_cursor;
    int want_w, want_h; /* asked for; the compositor may choose */
    int w, h;           /* the size configured (pending until acked) */
    int cw, ch;         /* the size of the buffers now */
    void *pool_data;
    size_t pool_size;
    Buffer buf[BUFFERS];
    Buffer *next; /* the one way_frame gave to draw into */
    int px, py;   /* the pointer */
    bool pointer_down, finger_down;
    int32_t finger;
    Input queue[QUEUE];
    int head, count;
};

static void push(Way *w, const Input *in)
{
    if (w->count == QUEUE) /* a flood: the oldest motion goes first */
        w->head = (w->head + 1) % QUEUE, w->count--;
    w->queue[(w->head + w->count) % QUEUE] = *in;
    w->count++;
}

static void push_at(Way *w, InputKind kind, int x, int y)
{
    push(w, &(Input){.kind = kind, .x = x, .y = y});
}

/* ---- buffers ---- */

static void buffer_release(void *data, struct wl_buffer *b)
{
    (void)b;
    ((Buffer *)data)->busy = false;
}

static const struct wl_buffer_listener buffer_listener = {buffer_release};

static void free_buffers(Way *w)
{
    for (int i = 0; i < BUFFERS; i++)
        if (w->buf[i].buffer)
            wl_buffer_destroy(w->buf[i].buffer);
    memset(w->buf, 0, sizeof w->buf);
    w->next = NULL;
    if (w->pool_data) {
        explicit_bzero(w->pool_data, w->pool_size); /* it showed a visitor's words */
        munmap(w->pool_data, w->pool_size);
    }
    w->pool_data = NULL;
    w->pool_size = 0;
    w->cw = w->ch = 0;
}

/* Two XRGB8888 buffers of width x height in one memfd pool. */
static bool make_buffers(Way *w, int width, int height, char *err, size_t cap)
{
    free_buffers(w);
    size_t stride = (size_t)width * 4, one = stride * (size_t)height;
    size_t size = one * BUFFERS;
    int fd = memfd_create("career-kiosk-frame", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0 || ftruncate(fd, (off_t)size) != 0) {
        snprintf(err, cap, "cannot make a %dx%d frame buffer: %s", width, height, strerror(errno));
        if (fd >= 0)
            close(fd);
        return false;
    }
    void *data = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (data == MAP_FAILED) {
        snprintf(err, cap, "cannot map the frame buffer: %s", strerror(errno));
        close(fd);
        return false;
    }
    madvise(data, size, MADV_DONTDUMP);
    struct wl_shm_pool *pool = wl_shm_create_pool(w->shm, fd, (int32_t)size);
    for (int i = 0; i < BUFFERS; i++) {
        w->buf[i].buffer =
            wl_shm_pool_create_buffer(pool, (int32_t)(one * (size_t)i), width, height,
                                      (int32_t)stride, WL_SHM_FORMAT_XRGB8888);
        w->buf[i].pixels = (uint32_t *)((char *)data + one * (size_t)i);
        wl_buffer_add_listener(w->buf[i].buffer, &buffer_listener, &w->buf[i]);
    }
    wl_shm_pool_destroy(pool);
    close(fd);
    w->pool_data = data;
    w->pool_size = size;
    w->cw = width;
    w->ch = height;
    return true;
}

/* ---- the window ---- */

static void wm_ping(void *data, struct xdg_wm_base *wm, uint32_t serial)
{
    (void)data;
    xdg_wm_base_pong(wm, serial);
}

static const struct xdg_wm_base_listener wm_listener = {wm_ping};

static void surface_configure(void *data, struct xdg_surface *s, uint32_t serial)
{
    Way *w = data;
    xdg_surface_ack_configure(s, serial);
    bool resized = w->configured && (w->w != w->cw || w->h != w->ch);
    w->configured = true;
    if (resized)
        push_at(w, INPUT_RESIZE, 0, 0);
}

static const struct xdg_surface_listener surface_listener = {surface_configure};

static void toplevel_configure(void *data, struct xdg_toplevel *t, int32_t width, int32_t height,
                               struct wl_array *states)
{
    (void)t;
    (void)states;
    Way *w = data;
    /* 0 leaves the size to us: the one asked for */
    w->w = width > 0 ? width : w->want_w;
    w->h = height > 0 ? height : w->want_h;
}

static void toplevel_close(void *data, struct xdg_toplevel *t)
{
    (void)t;
    Way *w = data;
    w->closed = true;
    push_at(w, INPUT_QUIT, 0, 0);
}

/* xdg_wm_base version 1: configure_bounds and wm_capabilities are never sent. */
static const struct xdg_toplevel_listener toplevel_listener = {
    .configure = toplevel_configure,
    .close = toplevel_close,
};

/* ---- pointer: the left button is a finger ---- */

static void pointer_enter(void *data, struct wl_pointer *p, uint32_t serial, struct wl_surface *s,
                          wl_fixed_t x, wl_fixed_t y)
{
    (void)s;
    Way *w = data;
    w->px = wl_fixed_to_int(x);
    w->py = wl_fixed_to_int(y);
    if (w->hide_cursor) /* a kiosk shows no arrow */
        wl_pointer_set_cursor(p, serial, NULL, 0, 0);
}

static void pointer_leave(void *data, struct wl_pointer *p, uint32_t serial, struct wl_surface *s)
{
    (void)p;
    (void)serial;
    (void)s;
    Way *w = data;
    if (w->pointer_down) { /* what is held is let go where it was */
        w->pointer_down = false;
        push_at(w, INPUT_UP, w->px, w->py);
    }
}

static void pointer_motion(void *data, struct wl_pointer *p, uint32_t time, wl_fixed_t x,
                           wl_fixed_t y)
{
    (void)p;
    (void)time;
    Way *w = data;
    w->px = wl_fixed_to_int(x);
    w->py = wl_fixed_to_int(y);
    if (w->pointer_down)
        push_at(w, INPUT_MOVE, w->px, w->py);
}

static void pointer_button(void *data, struct wl_pointer *p, uint32_t serial, uint32_t time,
                           uint32_t button, uint32_t state)
{
    (void)p;
    (void)serial;
    (void)time;
    Way *w = data;
    if (button != BTN_LEFT || w->finger_down)
        return;
    bool down = state == WL_POINTER_BUTTON_STATE_PRESSED;
    if (down == w->pointer_down)
        return;
    w->pointer_down = down;
    push_at(w, down ? INPUT_DOWN : INPUT_UP, w->px, w->py);
}

static void pointer_axis(void *data, struct wl_pointer *p, uint32_t time, uint32_t axis,
                         wl_fixed_t value)
{
    (void)p;
    (void)time;
    Way *w = data;
    if (axis != WL_POINTER_AXIS_VERTICAL_SCROLL || value == 0)
        return;
    /* Wayland's positive is down; ours is +1 up, as SDL's wheel */
    push(w, &(Input){.kind = INPUT_WHEEL, .x = w->px, .y = w->py, .key = value > 0 ? -1 : 1});
}

/* Seat version 5 sends these too; a wheel turn is read from axis. */
static void pointer_frame(void *data, struct wl_pointer *p)
{
    (void)data;
    (void)p;
}

static void pointer_axis_source(void *data, struct wl_pointer *p, uint32_t source)
{
    (void)data;
    (void)p;
    (void)source;
}

static void pointer_axis_stop(void *data, struct wl_pointer *p, uint32_t time, uint32_t axis)
{
    (void)data;
    (void)p;
    (void)time;
    (void)axis;
}

static void pointer_axis_discrete(void *data, struct wl_pointer *p, uint32_t axis, int32_t steps)
{
    (void)data;
    (void)p;
    (void)axis;
    (void)steps;
}

static const struct wl_pointer_listener pointer_listener = {
    .enter = pointer_enter,
    .leave = pointer_leave,
    .motion = pointer_motion,
    .button = pointer_button,
    .axis = pointer_axis,
    .frame = pointer_frame,
    .axis_source = pointer_axis_source,
    .axis_stop = pointer_axis_stop,
    .axis_discrete = pointer_axis_discrete,
};

/* ---- touch: one finger at a time ---- */

static void touch_down(void *data, struct wl_touch *t, uint32_t serial, uint32_t time,
                       struct wl_surface *s, int32_t id, wl_fixed_t x, wl_fixed_t y)
{
    (void)t;
    (void)serial;
    (void)time;
    (void)s;
    Way *w = data;
    if (w->finger_down || w->pointer_down)
        return;
    w->finger_down = true;
    w->finger = id;
    w->px = wl_fixed_to_int(x);
    w->py = wl_fixed_to_int(y);
    push_at(w, INPUT_DOWN, w->px, w->py);
}

static void touch_up(void *data, struct wl_touch *t, uint32_t serial, uint32_t time, int32_t id)
{
    (void)t;
    (void)serial;
    (void)time;
    Way *w = data;
    if (!w->finger_down || id != w->finger)
        return;
    w->finger_down = false;
    push_at(w, INPUT_UP, w->px, w->py);
}

static void touch_motion(void *data, struct wl_touch *t, uint32_t time, int32_t id, wl_fixed_t x,
                         wl_fixed_t y)
{
    (void)t;
    (void)time;
    Way *w = data;
    if (!w->finger_down || id != w->finger)
        return;
    w->px = wl_fixed_to_int(x);
    w->py = wl_fixed_to_int(y);
    push_at(w, INPUT_MOVE, w->px, w->py);
}

static void touch_frame(void *data, struct wl_touch *t)
{
    (void)data;
    (void)t;
}

static void touch_cancel(void *data, struct wl_touch *t)
{
    (void)t;
    Way *w = data;
    if (w->finger_down) { /* the compositor took the touch: let go */
        w->finger_down = false;
        push_at(w, INPUT_UP, w->px, w->py);
    }
}

/* Seat version 5: shape and orientation (version 6) are never sent. */
static const struct wl_touch_listener touch_listener = {
    .down = touch_down,
    .up = touch_up,
    .motion = touch_motion,
    .frame = touch_frame,
    .cancel = touch_cancel,
};

/* ---- keyboard ---- */

static void keyboard_keymap(void *data, struct wl_keyboard *k, uint32_t format, int32_t fd,
                            uint32_t size)
{
    (void)k;
    Way *w = data;
    if (format != WL_KEYBOARD_KEYMAP_FORMAT_XKB_V1 || size == 0) {
        close(fd);
        return;
    }
    char *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED)
        return;
    struct xkb_keymap *keymap = xkb_keymap_new_from_buffer(
        w->xkb, map, strnlen(map, size), XKB_KEYMAP_FORMAT_TEXT_V1, XKB_KEYMAP_COMPILE_NO_FLAGS);
    munmap(map, size);
    if (!keymap)
        return;
    struct xkb_state *state = xkb_state_new(keymap);
    if (!state) {
        xkb_keymap_unref(keymap);
        return;
    }
    xkb_state_unref(w->kstate);
    xkb_keymap_unref(w->keymap);
    w->keymap = keymap;
    w->kstate = state;
}

static void keyboard_enter(void *data, struct wl_keyboard *k, uint32_t serial, struct wl_surface *s,
                           struct wl_array *keys)
{
    (void)data;
    (void)k;
    (void)serial;
    (void)s;
    (void)keys;
}

static void keyboard_leave(void *data, struct wl_keyboard *k, uint32_t serial, struct wl_surface *s)
{
    (void)data;
    (void)k;
    (void)serial;
    (void)s;
}

/* Our key for a keysym, or 0 for one that types text (or nothing). */
static int map_keysym(xkb_keysym_t sym)
{
    switch (sym) {
    case XKB_KEY_BackSpace:
        return KEY_BACKSPACE;
    case XKB_KEY_Tab:
    case XKB_KEY_ISO_Left_Tab:
        return KEY_TAB;
    case XKB_KEY_Return:
    case XKB_KEY_KP_Enter:
        return KEY_ENTER;
    case XKB_KEY_Escape:
        return KEY_ESCAPE;
    case XKB_KEY_Left:
    case XKB_KEY_KP_Left:
        return KEY_LEFT;
    case XKB_KEY_Right:
    case XKB_KEY_KP_Right:
        return KEY_RIGHT;
    case XKB_KEY_Up:
    case XKB_KEY_KP_Up:
        return KEY_UP;
    case XKB_KEY_Down:
    case XKB_KEY_KP_Down:
        return KEY_DOWN;
    case XKB_KEY_Page_Up:
    case XKB_KEY_KP_Page_Up:
        return KEY_PAGE_UP;
    case XKB_KEY_Page_Down:
    case XKB_KEY_KP_Page_Down:
        return KEY_PAGE_DOWN;
    default:
        return 0;
    }
}

static void keyboard_key(void *data, struct wl_keyboard *k, uint32_t serial, uint32_t time,
                         uint32_t key, uint32_t state)
{
    (void)k;
    (void)serial;
    (void)time;
    Way *w = data;
    if (state != WL_KEYBOARD_KEY_STATE_PRESSED || !w->kstate)
        return;
    xkb_keycode_t code = key + 8; /* evdev to xkb */
    int ours = map_keysym(xkb_state_key_get_one_sym(w->kstate, code));
    if (ours) {
        push(w, &(Input){.kind = INPUT_KEY, .key = ours});
        return;
    }
    Input in = {.kind = INPUT_TEXT};
    int n = xkb_state_key_get_utf8(w->kstate, code, in.text, sizeof in.text);
    /* printable text only: control characters (Ctrl+letter) type nothing */
    if (n > 0 && (unsigned char)in.text[0] >= 0x20 && in.text[0] != 0x7f)
        push(w, &in);
    explicit_bzero(&in, sizeof in); /* a visitor's keystroke */
}

static void keyboard_modifiers(void *data, struct wl_keyboard *k, uint32_t serial,
                               uint32_t depressed, uint32_t latched, uint32_t locked,
                               uint32_t group)
{
    (void)k;
    (void)serial;
    Way *w = data;
    if (w->kstate)
        xkb_state_update_mask(w->kstate, depressed, latched, locked, 0, 0, group);
}

static void keyboard_repeat(void *data, struct wl_keyboard *k, int32_t rate, int32_t delay)
{
    (void)data;
    (void)k;
    (void)rate;
    (void)delay;
}

static const struct wl_keyboard_listener keyboard_listener = {
    keyboard_keymap, keyboard_enter,     keyboard_leave,
    keyboard_key,    keyboard_modifiers, keyboard_repeat,
};

/* ---- the seat and the registry ---- */

static void seat_capabilities(void *data, struct wl_seat *seat, uint32_t caps)
{
    Way *w = data;
    if ((caps & WL_SEAT_CAPABILITY_POINTER) && !w->pointer) {
        w->pointer = wl_seat_get_pointer(seat);
        wl_pointer_add_listener(w->pointer, &pointer_listener, w);
    } else if (!(caps & WL_SEAT_CAPABILITY_POINTER) && w->pointer) {
        wl_pointer_destroy(w->pointer);
        w->pointer = NULL;
    }
    if ((caps & WL_SEAT_CAPABILITY_TOUCH) && !w->touch) {
        w->touch = wl_seat_get_touch(seat);
        wl_touch_add_listener(w->touch, &touch_listener, w);
    } else if (!(caps & WL_SEAT_CAPABILITY_TOUCH) && w->touch) {
        wl_touch_destroy(w->touch);
        w->touch = NULL;
    }
    if ((caps & WL_SEAT_CAPABILITY_KEYBOARD) && !w->keyboard) {
        w->keyboard = wl_seat_get_keyboard(seat);
        wl_keyboard_add_listener(w->keyboard, &keyboard_listener, w);
    } else if (!(caps & WL_SEAT_CAPABILITY_KEYBOARD) && w->keyboard) {
        wl_keyboard_destroy(w->keyboard);
        w->keyboard = NULL;
    }
}

static void seat_name(void *data, struct wl_seat *seat, const char *name)
{
    (void)data;
    (void)seat;
    (void)name;
}

static const struct wl_seat_listener seat_listener = {seat_capabilities, seat_name};

static uint32_t at_most(uint32_t have, uint32_t want)
{
    return have < want ? have : want;
}

static void registry_global(void *data, struct wl_registry *r, uint32_t name, const char *interface,
                            uint32_t version)
{
    Way *w = data;
    if (strcmp(interface, wl_compositor_interface.name) == 0 && !w->compositor)
        w->compositor = wl_registry_bind(r, name, &wl_compositor_interface, at_most(version, 4));
    else if (strcmp(interface, wl_shm_interface.name) == 0 && !w->shm)
        w->shm = wl_registry_bind(r, name, &wl_shm_interface, 1);
    else if (strcmp(interface, xdg_wm_base_interface.name) == 0 && !w->wm) {
        w->wm = wl_registry_bind(r, name, &xdg_wm_base_interface, 1);
        xdg_wm_base_add_listener(w->wm, &wm_listener, w);
    } else if (strcmp(interface, wl_seat_interface.name) == 0 && !w->seat) {
        w->seat = wl_registry_bind(r, name, &wl_seat_interface, at_most(version, 5));
        wl_seat_add_listener(w->seat, &seat_listener, w);
    }
}

static void registry_remove(void *data, struct wl_registry *r, uint32_t name)
{
    (void)data;
    (void)r;
    (void)name;
}

static const struct wl_registry_listener registry_listener = {registry_global, registry_remove};

Way *way_open(int width, int height, bool fullscreen, const char *title, char *err, size_t cap)
{
    Way *w = calloc(1, sizeof *w);
    if (!w) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    w->want_w = width;
    w->want_h = height;
    w->hide_cursor = fullscreen;
    w->display = wl_display_connect(NULL);
    if (!w->display) {
        snprintf(err, cap, "cannot reach the Wayland compositor (WAYLAND_DISPLAY=%s)",
                 getenv("WAYLAND_DISPLAY") ? getenv("WAYLAND_DISPLAY") : "");
        free(w);
        return NULL;
    }
    w->xkb = xkb_context_new(XKB_CONTEXT_NO_FLAGS);
    w->registry = wl_display_get_registry(w->display);
    wl_registry_add_listener(w->registry, &registry_listener, w);
    wl_display_roundtrip(w->display);
    if (!w->compositor || !w->shm || !w->wm) {
        snprintf(err, cap, "the Wayland compositor lacks %s",
                 !w->compositor ? "wl_compositor"
                 : !w->shm      ? "wl_shm"
                                : "xdg_wm_base");
        way_close(w);
        return NULL;
    }
    w->surface = wl_compositor_create_surface(w->compositor);
    w->xdg_surface = xdg_wm_base_get_xdg_surface(w->wm, w->surface);
    xdg_surface_add_listener(w->xdg_surface, &surface_listener, w);
    w->toplevel = xdg_surface_get_toplevel(w->xdg_surface);
    xdg_toplevel_add_listener(w->toplevel, &toplevel_listener, w);
    xdg_toplevel_set_title(w->toplevel, title);
    xdg_toplevel_set_app_id(w->toplevel, "career-kiosk");
    if (fullscreen)
        xdg_toplevel_set_fullscreen(w->toplevel, NULL);
    wl_surface_commit(w->surface);
    while (!w->configured && !w->closed)
        if (wl_display_dispatch(w->display) < 0) {
            snprintf(err, cap, "the Wayland compositor went away: %s", strerror(errno));
            way_close(w);
            return NULL;
        }
    if (w->w <= 0 || w->h <= 0 || !make_buffers(w, w->w, w->h, err, cap)) {
        if (w->w <= 0 || w->h <= 0)
            snprintf(err, cap, "the Wayland compositor gave the window no size");
        way_close(w);
        return NULL;
    }
    w->count = 0; /* what came before the first frame is not input */
    return w;
}

void way_close(Way *w)
{
    if (!w)
        return;
    free_buffers(w);
    if (w->pointer)
        wl_pointer_destroy(w->pointer);
    if (w->touch)
        wl_touch_destroy(w->touch);
    if (w->keyboard)
        wl_keyboard_destroy(w->keyboard);
    if (w->toplevel)
        xdg_toplevel_destroy(w->toplevel);
    if (w->xdg_surface)
        xdg_surface_destroy(w->xdg_surface);
    if (w->surface)
        wl_surface_destroy(w->surface);
    if (w->seat)
        wl_seat_destroy(w->seat);
    if (w->wm)
        xdg_wm_base_destroy(w->wm);
    if (w->shm)
        wl_shm_destroy(w->shm);
    if (w->compositor)
        wl_compositor_destroy(w->compositor);
    if (w->registry)
        wl_registry_destroy(w->registry);
    xkb_state_unref(w->kstate);
    xkb_keymap_unref(w->keymap);
    xkb_context_unref(w->xkb);
    if (w->display) {
        wl_display_flush(w->display);
        wl_display_disconnect(w->display);
    }
    explicit_bzero(w->queue, sizeof w->queue);
    free(w);
}

/* Reads and dispatches what the compositor sent, waiting up to
 * timeout_ms for it (or, with wakeable, for the main loop's wake). False
 * when the connection is gone. */
static bool pump(Way *w, int timeout_ms, bool wakeable)
{
    while (wl_display_prepare_read(w->display) != 0)
        if (wl_display_dispatch_pending(w->display) < 0)
            return false;
    if (wl_display_flush(w->display) < 0 && errno != EAGAIN) {
        wl_display_cancel_read(w->display);
        return false;
    }
    /* the compositor, and the main loop's wake (a worker done, SIGTERM):
     * platform_next looks at the wake when this returns */
    struct pollfd fd[2] = {{wl_display_get_fd(w->display), POLLIN, 0}, {wake_fd(), POLLIN, 0}};
    int n = poll(fd, wakeable && fd[1].fd >= 0 ? 2 : 1, timeout_ms);
    if (n > 0 && (fd[0].revents & POLLIN)) {
        if (wl_display_read_events(w->display) < 0)
            return false;
    } else
        wl_display_cancel_read(w->display);
    return wl_display_dispatch_pending(w->display) >= 0;
}

int way_next(Way *w, Input *in, int timeout_ms)
{
    if (!w->count && !pump(w, timeout_ms, true))
        return -1; /* no compositor: nothing to show on */
    if (!w->count)
        return 0;
    *in = w->queue[w->head];
    explicit_bzero(&w->queue[w->head], sizeof w->queue[w->head]);
    w->head = (w->head + 1) % QUEUE;
    w->count--;
    return 1;
}

uint32_t *way_frame(Way *w, int *width, int *height, int *pitch)
{
    char err[200];
    if (w->w != w->cw || w->h != w->ch) {
        /* resized: buffers of the new size. The compositor keeps the one it
         * shows until another replaces it, so the old ones are not waited
         * for: it has its own mapping of their pool. */
        if (!make_buffers(w, w->w, w->h, err, sizeof err)) {
            fprintf(stderr, "career-kiosk: %s\n", err);
            w->w = w->cw; /* keep the old size, if any */
            w->h = w->ch;
            if (!w->pool_data)
                return NULL;
        }
    }
    Buffer *b = NULL;
    /* both shown (frames faster than the compositor): wait a little for
     * one back, then draw into the older rather than stop */
    for (int tries = 0; !b && tries < 25; tries++) {
        for (int i = 0; i < BUFFERS && !b; i++)
            if (!w->buf[i].busy)
                b = &w->buf[i];
        if (!b && !pump(w, 2, false))
            break;
    }
    if (!b)
        b = w->next == &w->buf[0] ? &w->buf[1] : &w->buf[0];
    w->next = b;
    *width = w->cw;
    *height = w->ch;
    *pitch = w->cw * 4;
    return b->pixels;
}

void way_present(Way *w)
{
    Buffer *b = w->next;
    if (!b)
        return;
    wl_surface_attach(w->surface, b->buffer, 0, 0);
    wl_surface_damage(w->surface, 0, 0, w->cw, w->ch);
    wl_surface_commit(w->surface);
    b->busy = true;
    wl_display_flush(w->display);
}
