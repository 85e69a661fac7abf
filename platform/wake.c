/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wake: how work that ends off the main thread (a worker's copy or
 * import, a print job's next phase, SIGTERM) gets the main loop out of
 * its wait for input, so it finishes what it started without a touch.
 *
 * Two doors, one per kind of wait: an SDL user event for SDL's own event
 * queue (X11, Xwayland, SDL's Wayland window), and an eventfd for the
 * kiosk's own Wayland window, whose wait is a poll() on the compositor's
 * socket and this fd. A flag says a wake came, whichever door it took. */
#include "internal.h"

#include <errno.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

static int fd = -1;              /* the eventfd, or -1 */
static _Atomic Uint32 sdl_type;  /* the SDL event type of a wake; 0: no SDL queue */
static atomic_bool pending;      /* a wake came and was not taken yet */

void wake_open(bool sdl_queue)
{
    if (fd < 0)
        fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (sdl_queue && !atomic_load(&sdl_type)) {
        Uint32 t = SDL_RegisterEvents(1);
        if (t != (Uint32)-1)
            atomic_store(&sdl_type, t);
    }
}

void wake_close(void)
{
    atomic_store(&sdl_type, 0); /* no event is pushed into a queue going away */
    atomic_store(&pending, false);
}

int wake_fd(void)
{
    return fd;
}

bool wake_is(const SDL_Event *e)
{
    Uint32 t = atomic_load(&sdl_type);
    return t != 0 && e->type == t;
}

bool wake_take(void)
{
    if (fd >= 0) {
        uint64_t n;
        while (read(fd, &n, sizeof n) == (ssize_t)sizeof n)
            ;
    }
    return atomic_exchange(&pending, false);
}

void wake_from_signal(void)
{
    atomic_store(&pending, true); /* lock-free on every target we build for */
    if (fd >= 0) {
        int saved = errno;
        uint64_t one = 1;
        (void)!write(fd, &one, sizeof one);
        errno = saved;
    }
}

void platform_wake(void)
{
    /* every wake knocks, even with one not taken yet: the loop may be
     * taking that one now, and a skipped knock would then be lost */
    atomic_store(&pending, true);
    if (fd >= 0) {
        uint64_t one = 1;
        (void)!write(fd, &one, sizeof one);
    }
    Uint32 t = atomic_load(&sdl_type);
    if (t) {
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = t;
        SDL_PushEvent(&e);
    }
}
