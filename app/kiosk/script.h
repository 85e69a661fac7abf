/* script: drives the real app headless from a text file, one command a
 * line, for tests, `make demo` and the soak:
 *   tap LABEL | tap X Y | tap result N (the Nth result card)
 *   type TEXT                  key backspace|enter
 *   drag X1 Y1 X2 Y2           wait MS            screenshot NAME
 *   expect screen NAME         expect text LABEL  expect no-text LABEL
 *   expect field NAME = VALUE  expect glyphs TEXT
 *   expect layout              (no control covered, too small or out of reach;
 *                               no text cut short, run together or under a control)
 *   layout on|off              (from here on, every command's screen is checked so)
 *   repeat N ... end           report             dump [takeaway]    # comment
 *   (dump prints each item's visible rectangle: x y w h label, w and h 0
 *   when it is scrolled out of sight)
 *   startup                    measure NAME N (render N frames, print median/p99)
 *   await print [SECONDS]      (real time, for a print job to end)
 *   await stick|no-stick [SECONDS] (real time, for a staff stick to come or go)
 *   hold SECONDS               (prints "hold pid=N", then sleeps in real time)
 *   expect staff STEP          (off, pin, menu, checking, preview, importing, result, leave)
 *   expect staff-says TEXT     (the staff screen's words hold TEXT)
 * The script ends early when the app quits (staff left kiosk mode).
 * LABEL may be quoted. Screenshots go to DIR/NAME.png. */
#ifndef CK_SCRIPT_H
#define CK_SCRIPT_H

#include "kiosk/app.h"

#include <stdbool.h>

/* Runs the script at path; false (after saying where and why on stderr)
 * when a command fails or an expectation does not hold. */
bool script_run(App *a, const char *path, const char *shots);

#endif
