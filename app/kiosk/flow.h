/* flow: the visitor's steps. The only place that moves between screens
 * and calls the directory (search, referrals, stats), visit/ (the one
 * builder of the take-away) and print/ for the visitor. It acts on the
 * intents the screens post, after their pass, and on step changes;
 * it never calls a screen. */
#ifndef CK_FLOW_H
#define CK_FLOW_H

#include "kiosk/app.h"

#include <stdbool.h>

/* Reads what the screens list from the directory (question bank,
 * fields, languages). */
void flow_load(App *a);

/* Reads the lists again after an import and searches again. */
void flow_reload(App *a);

/* Acts on one intent of a visitor's screen (staff intents go to
 * staff_handle). */
void flow_handle(App *a, const Intent *in);

/* After each pass: searches again when the visitor's words or filters
 * changed. */
void flow_after_pass(App *a);

/* Moves to step to, with what entering it needs: a search, the request,
 * the suggested questions, the take-away (counted once a visitor). */
void flow_go(App *a, ScreenId to);

/* Wipes the visitor (session, display settings, view state) and goes
 * back to Welcome. */
void flow_finish(App *a);

/* Follows the visitor's print job (each tick). */
void flow_tick(App *a);

/* True while the visitor's print needs following (a job or one queued). */
bool flow_printing(const App *a);

/* Waits up to ms of real time for the visitor's print (and one queued
 * behind an earlier visitor's) to end; true when none is under way. */
bool flow_print_wait(App *a, int ms);

/* A sample take-away for staff's test print: the first mentor the
 * directory lists, an anonymous visitor, every choice at its default.
 * False with the reason. Free with visit_wipe. */
bool flow_sample_visit(App *a, Visit *v, char *err, size_t cap);

#endif
