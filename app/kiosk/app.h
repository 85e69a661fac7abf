/* kiosk: the touch app's one explicit context, owned by main(): the
 * platform, the directory, the settings, the toolkit and the visitor's
 * session, and what moves a visitor from screen to screen. */
#ifndef CK_KIOSK_H
#define CK_KIOSK_H

#include "config.h"
#include "core/date.h"
#include "core/question.h"
#include "platform.h"
#include "kiosk/session.h"
#include "kiosk/staff.h"
#include "directory/store.h"
#include "ui/ui.h"

#include <stdbool.h>
#include <stdint.h>

enum { KIOSK_FIELDS = 40 };

typedef struct App {
    Platform *platform;
    Store *store;
    Config cfg;
    Ui ui;
    Session *s;
    Question bank[QUESTION_MAX];
    int nbank;
    char field[KIOSK_FIELDS][MENTOR_NAME_MAX + 1];
    int nfields;
    char language[KIOSK_FIELDS][MENTOR_NAME_MAX + 1];
    int nlanguages;
    Date today; /* fixed by --today, else the local date */
    bool fixed_date;
    uint64_t last_input; /* platform clock */
    bool idle_warning;
    bool dirty;      /* something changed: draw a frame */
    bool text_input; /* the OS text input is on */
    bool quit;
    long frames;
    double started_ms;     /* process clock when main began */
    double first_frame_ms; /* when the first frame was shown, or 0 */
    /* printing: one job at a time, on a worker thread */
    PrintJob *print_job;
    long print_after_frame;      /* draw the pages once this frame is shown */
    unsigned long session_no;    /* counts visitors, so a result finds its own */
    unsigned long print_session; /* whose job is running */
    Staff staff;   /* staff mode, over the visitor's session */
    int exit_code; /* for main when quit is set */
} App;

/* Opens the directory (created from the sample on first use) and the
 * question bank. False with a reason in err. */
bool kiosk_open(App *a, Platform *p, const Config *cfg, char *err, size_t cap);
void kiosk_close(App *a);

/* Feeds one input to the app: a pass of the current screen handles it. */
void kiosk_input(App *a, const Input *in);

/* Runs timers (idle warning, wipe, animations) at the platform clock. */
void kiosk_tick(App *a);

/* Draws a frame when something changed (or always, with force). */
void kiosk_render(App *a, bool force);

/* A monotonic clock in milliseconds, for measurements. */
double kiosk_clock_ms(void);

/* How long the main loop may sleep before kiosk_tick has work: -1 for
 * as long as it likes. */
int kiosk_wait_ms(const App *a);

/* The label-tap used by scripts: taps the first widget whose label
 * matches (case-insensitively). False when none is on screen. */
bool kiosk_tap_label(App *a, const char *label);

/* Navigation and the visitor's choices, used by the screens. */
void kiosk_go(App *a, ScreenId to);
void kiosk_start(App *a);
void kiosk_finish(App *a);
void kiosk_choose_mentor(App *a, const Mentor *m);
void kiosk_compose(App *a);
void kiosk_suggest_questions(App *a);
void kiosk_refresh_search(App *a);

/* Re-reads what the screens keep from the directory (question bank,
 * fields, languages) after an import, and searches again. */
void kiosk_reload(App *a);

/* Suggests questions for s's mentor, composes the messages and builds
 * the sheet and its codes for s, counting nothing. */
void kiosk_prepare_sheet(App *a, Session *s);

/* Prints the sheet on the configured printer: the pages are drawn right
 * after the next frame shows "Getting your sheet ready", then a worker
 * thread checks the printer and sends them; kiosk_tick follows it. */
void kiosk_print(App *a);

/* Waits up to ms of real time for a print under way (a visitor's or a
 * staff test print) to end (scripts);
 * true when none is under way any more. */
bool kiosk_print_wait(App *a, int ms);

/* Idle policy, in milliseconds. */
uint64_t kiosk_idle_after(const App *a);
uint64_t kiosk_idle_countdown(const App *a);

#endif
