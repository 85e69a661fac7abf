/* screens: every screen of the visitor's walk and the overlays on top.
 * screens_run handles input for (and, on drawing passes, draws) the
 * current screen. */
#ifndef CK_SCREENS_H
#define CK_SCREENS_H

#include "kiosk/view.h"

#include <stdint.h>

void screens_run(View *vw);

/* The Welcome screen's rotating question: a new one every
 * WELCOME_TIP_MS, faded in over WELCOME_FADE_MS in WELCOME_FADE_STEPS
 * steps, so an idle kiosk draws a few frames a question, not sixty a
 * second (each frame is the whole screen). */
enum { WELCOME_TIP_MS = 6000, WELCOME_FADE_MS = 500, WELCOME_FADE_STEPS = 4 };

/* The question shown at time now (ms), and how far into it (ms). The
 * clock is offset so a kiosk that has just started shows a settled card. */
static inline int welcome_turn(uint64_t now)
{
    return (int)((now + WELCOME_TIP_MS / 2) / WELCOME_TIP_MS);
}
static inline int welcome_phase(uint64_t now)
{
    return (int)((now + WELCOME_TIP_MS / 2) % WELCOME_TIP_MS);
}
/* The step of the fade at phase: 0 up to WELCOME_FADE_STEPS - 1 while
 * fading, then WELCOME_FADE_STEPS and more (shown whole). */
static inline int welcome_fade_step(int phase)
{
    return phase * WELCOME_FADE_STEPS / WELCOME_FADE_MS;
}

#endif
