/* screens: every screen of the visitor's walk and the overlays on top.
 * screens_run handles input for (and, on drawing passes, draws) the
 * current screen. */
#ifndef CK_SCREENS_H
#define CK_SCREENS_H

#include "kiosk/view.h"

void screens_run(View *vw);

/* The Welcome screen's rotating question: how long each shows, and how
 * long it takes to fade in. */
/* A new question every WELCOME_TIP_MS, faded in over WELCOME_FADE_MS in
 * WELCOME_FADE_STEPS steps: an idle kiosk draws a few frames a question,
 * not sixty a second (each frame is the whole screen). */
enum { WELCOME_TIP_MS = 6000, WELCOME_FADE_MS = 500, WELCOME_FADE_STEPS = 4 };

#endif
