/* app: the touch program's one explicit context, owned by main(): the
 * platform, the directory, the settings, the toolkit, the visitor's
 * session and the screens' view of it, staff mode, and the loop's
 * machinery (input, ticks, waiting, drawing, one after-frame job queue).
 *
 * Control flows one way: app runs a pass of the screens (they draw from
 * the View and post intents), then hands the intents to flow, which
 * moves between steps and calls the directory, visit/, print/ and usb/.
 * Nothing with a side effect runs inside an input or draw pass. */
#ifndef CK_APP_H
#define CK_APP_H

#include "clock.h"
#include "config.h"
#include "core/date.h"
#include "directory/store.h"
#include "kiosk/session.h"
#include "kiosk/staff.h"
#include "kiosk/view.h"
#include "memory.h"
#include "platform.h"
#include "print/print.h"
#include "ui/ui.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct App App;

/* Work that must wait until a frame saying so is on screen ("Getting
 * your sheet ready", "Copying and checking the stick"). A job runs at
 * the first tick after that frame, without waiting for input. It returns
 * false to stay queued, waiting for something off the main thread (its
 * worker, a print job before it): it is tried again at each tick, and
 * whatever it waits for wakes the loop (platform_wake) when it moves. */
typedef bool (*AppJob)(App *a);

enum { APP_JOBS = 8 };

/* A job in the queue. */
typedef struct {
    AppJob run;
    long after;   /* runs once this many frames were shown */
    bool waiting; /* it said "not yet": the loop sleeps until woken or timed */
} AppQueued;

struct App {
    Platform *platform;
    Store *store;
    Config cfg;
    Clock clock; /* the one wall clock; pinned by --today */
    Date today;  /* the clock's day */
    Ui ui;
    Session *s;  /* the visitor's data */
    View view;   /* what the screens see, and their own state */
    Catalog cat; /* the lists the screens show from the directory */
    ScreenId step;
    int tip_step; /* the step of the Welcome fade last drawn (app_tick) */
    uint64_t step_since;     /* platform clock: when this step was entered */
    unsigned long text_mark; /* the text cache when this visitor began */
    double wipe_ms;          /* how long the last wipe took (make bench) */
    double print_ui_ms;      /* how long the last Print held the screen (make bench) */
    uint64_t last_input;     /* platform clock */
    bool idle_warning;
    bool dirty;      /* something changed: draw a frame */
    bool text_input; /* the OS text input is on */
    bool quit;
    long frames;
    double started_ms;     /* process clock when main began */
    double first_frame_ms; /* when the first frame was shown, or 0 */
    AppQueued job[APP_JOBS];
    int njobs;
    /* the visitor's printing: one job at a time, on a worker thread */
    PrintJob *print_job;
    PrintResult print_progress;  /* the job's latest word: printer words only */
    unsigned long session_no;    /* counts visitors, so a result finds its own */
    unsigned long print_session; /* whose job is running */
    Staff staff;                 /* staff mode, over the visitor's session */
    int exit_code;               /* for main when quit is set */
};

/* Opens the directory (created from the sample on first use) and reads
 * what the screens list. False with a reason in err. */
bool app_open(App *a, Platform *p, const Config *cfg, char *err, size_t cap);
void app_close(App *a);

/* Feeds one input to the app: a pass of the current screen, then flow
 * acts on what it asked for. */
void app_input(App *a, const Input *in);

/* Runs timers (idle warning, wipe, animations), due after-frame jobs,
 * print jobs and staff mode's watch for sticks, at the platform clock. */
void app_tick(App *a);

/* Draws a frame when something changed (or always, with force). */
void app_render(App *a, bool force);

/* How long the main loop may sleep before app_tick has work: -1 for as
 * long as it likes. */
int app_wait_ms(const App *a);

/* Queues job to run once the next frame has been shown. */
void app_after_frame(App *a, AppJob job);

/* Drops a queued job that has not run yet. */
void app_cancel(App *a, AppJob job);

/* True while job is queued (any job, when job is NULL). */
bool app_queued(const App *a, AppJob job);

/* Runs every queued job now, whatever frame is shown (scripts waiting
 * for a print). */
void app_run_jobs(App *a);

/* The label-tap used by scripts: taps the first widget whose label
 * matches (case-insensitively; a label ending in '*' matches any that
 * starts with the rest), at the middle of the part that can be seen,
 * its scroll area scrolled first (as a visitor would drag it) when it
 * is out of sight. False when none is on screen. */
bool app_tap_label(App *a, const char *label);

/* Idle policy, in milliseconds. */
uint64_t app_idle_after(const App *a);
uint64_t app_idle_countdown(const App *a);

#endif
