/* staff: the kiosk's staff mode, a state machine over the visitor's
 * session. A staff USB stick or the Staff button opens it; the PIN guards
 * it (five wrong tries lock it for five minutes, each further five for
 * longer, and staff see the wrong tries when they next get in). It
 * imports a signed bundle from the stick (copy, check, preview with who
 * comes and goes, confirm, import, report back to the stick), puts the
 * list from before the last import back (once staff confirm the count
 * it brings back), exports stats, shows the directory's health and
 * the printer's state, prints a test sheet, and can leave kiosk mode for
 * maintenance. Slow work (copying, checking, importing, writing to the
 * stick, drawing a test sheet) runs as after-frame jobs, once the screen
 * says what is going on; a bundle's copy, check and import, and a
 * rollback, run on a worker thread, with the bytes copied on screen.
 *
 * Staff mode lies over the visitor's session without touching it: a
 * stick that comes while a visitor is busy only shows a banner, and the
 * visitor's walk goes on where it was after staff close. What the staff
 * screens show is in `show` (a StaffView); they act through intents.
 *
 * The inbox is another source of a bundle, handled the same way (copy,
 * check, import, report), with its reports and the stats written to the
 * outbox instead of a stick. With [bundles] inbox = auto nobody confirms:
 * a bundle that arrives is taken once no visitor is mid-session (the
 * kiosk waits at Welcome for the current visitor to finish); with
 * inbox = staff it waits for the PIN and Import on the staff screen. */
#ifndef CK_STAFF_H
#define CK_STAFF_H

#include "inbox.h"
#include "kiosk/view.h"
#include "mounts.h"
#include "print/print.h"
#include "usb/bundle.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct App App;

enum {
    STAFF_PIN_MAX = 12,
    STAFF_IDLE_MS = 3 * 60 * 1000, /* staff mode closes itself when left open */
    STAFF_LOOK_MS = 1000,          /* how often mounts and the inbox are looked at */
    STAFF_PROGRESS_MS = 100,       /* how often a copy's progress is redrawn */
    STAFF_EXIT_MAINTENANCE = 75,   /* the exit status for "leave kiosk mode" */
};

typedef struct {
    StaffView show; /* what the staff screens draw */
    char pin[STAFF_PIN_MAX + 1];
    int tries;                    /* wrong PINs in a row */
    int lockouts;                 /* locks since the last right PIN: each lasts longer */
    int failed;                   /* wrong PINs since the last right one */
    long long failed_first, failed_last; /* when the first and last of them were (seconds) */
    uint64_t locked_until;        /* platform clock; 0 when not locked */
    bool stick_handled;           /* this stick was dealt with: do not open again */
    unsigned long long stick_dev; /* the device of show.stick: a preview belongs to it */
    Bundle bundle;
    int mentors_now;     /* the directory's size when the bundle was checked */
    PrintJob *print_job; /* a test print */
    PrintResult print;
    bool printing;
    MountWatch *mounts;
    /* the copy and check, or the import, on a worker thread, so the
     * screen (and the service watchdog) keep going with a big bundle */
    pthread_t worker;
    bool worker_started;          /* joined by worker_join */
    atomic_bool worker_done;      /* set by the worker as it ends */
    atomic_llong copied, to_copy; /* bytes of the bundle copied off the stick */
    bool work_ok;                 /* what the work came to */
    bool rolling_back;            /* the worker puts the previous list back (not an import) */
    char work_err[STAFF_PATH_MAX]; /* why the rollback was refused */
    ImportReport work_rep;        /* the import's report */
    char work_stick[STAFF_PATH_MAX], work_spool[STAFF_PATH_MAX + 16], work_when[32];
    long long work_imported_at;
    int work_year;
    long ticks_while_working; /* main-loop ticks while the worker ran */
    double work_began;        /* clock_ms when it started */
    /* the inbox the fetch unit fills (inbox.h): its newest bundle not yet
     * handled is show.inbox, and which one it is inbox_id */
    InboxWatch *inbox;
    char inbox_id[INBOX_ID_MAX];
    char work_inbox_id[INBOX_ID_MAX]; /* the one being checked or imported */
    uint64_t inbox_looked;            /* platform clock: the last look without inotify's word */
    bool inbox_warned;                /* it could not be watched, and the log said so */
    bool by_staff; /* the inbox's bundle is checked because staff asked: staff confirm it */
    uint64_t outbox_written;          /* platform clock: the last stats written to the outbox */
    bool outbox_done;                 /* they were written since the kiosk started */
    uint64_t stale_looked;            /* platform clock: the last look at the bundle's age */
} Staff;

/* Starts watching for sticks and reads what start-up left for staff
 * (interrupted imports, a restored directory). */
void staff_open(App *a);
void staff_close(App *a);

/* True while staff work (a bundle's copy, check or import) runs on its
 * worker thread; the script waits for it as staff would. */
bool staff_working(const App *a);

/* Looks for sticks, follows a test print and closes staff mode left
 * open (call every tick). */
void staff_tick(App *a);

/* How long the main loop may sleep with staff mode as it is: -1 for as
 * long as it likes. */
int staff_wait_ms(const App *a);

/* Staff mode is open (it takes the screen). */
bool staff_active(const App *a);

/* Acts on an INTENT_STAFF_* intent from the staff screens. */
void staff_handle(App *a, const Intent *in);

/* Brings what the staff screens show (PIN, lock, stick, printer) up to
 * date before a pass. */
void staff_refresh(App *a);

/* Closes staff mode back to the visitor's screen, forgetting the PIN
 * typed and any bundle not imported. */
void staff_end(App *a);

/* The visitor is done: a stick that waited opens the PIN now. */
void staff_visitor_done(App *a);

/* Waits up to ms of real time for a test print to end (scripts); true
 * when none is under way. */
bool staff_print_wait(App *a, int ms);

/* True while the inbox holds a bundle the kiosk has not handled yet
 * (scripts). */
bool staff_inbox_pending(const App *a);

/* "off", "pin", "menu"... for scripts and logs. */
const char *staff_step_name(StaffStep s);

/* True when what staff mode shows now (title, message, refusal, notice,
 * printer, preview) holds text, case-insensitively. For scripts. */
bool staff_says(const App *a, const char *text);

#endif
