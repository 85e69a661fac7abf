/* screens: every screen of the visitor's walk and the overlays on top.
 * screens_run handles input for (and, on drawing passes, draws) the
 * current screen. */
#ifndef CK_SCREENS_H
#define CK_SCREENS_H

#include "kiosk.h"

void screens_run(App *a);

#endif
