/* staff: the kiosk's staff mode. A staff USB stick or the Staff button
 * opens it; the PIN guards it (five wrong tries lock it for five
 * minutes). It imports a signed bundle from the stick (copy, check,
 * preview, confirm, import, report back to the stick), exports stats,
 * shows the directory's health and the printer's state, prints a test
 * sheet, and can leave kiosk mode for maintenance.
 *
 * Staff mode lies over the visitor's session without touching it: a
 * stick that comes while a visitor is busy only shows a banner, and the
 * visitor's walk goes on where it was after staff close. */
#ifndef CK_STAFF_H
#define CK_STAFF_H

#include "usb/bundle.h"
#include "mounts.h"
#include "print/print.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct App App;

enum {
    STAFF_PIN_MAX = 12,
    STAFF_TRIES = 5,
    STAFF_LOCK_MS = 5 * 60 * 1000,
    STAFF_IDLE_MS = 3 * 60 * 1000, /* staff mode closes itself when left open */
    STAFF_EXIT_MAINTENANCE = 75,   /* the exit status for "leave kiosk mode" */
};

typedef enum {
    STAFF_OFF,
    STAFF_PIN,       /* asking for the PIN */
    STAFF_MENU,      /* the staff screen */
    STAFF_CHECKING,  /* copying and checking the stick, once this frame shows */
    STAFF_PREVIEW,   /* what the bundle holds: Confirm or Cancel */
    STAFF_IMPORTING, /* importing, once this frame shows */
    STAFF_RESULT,    /* how it went and what was written to the stick */
    STAFF_LEAVE,     /* confirming "leave kiosk mode" */
} StaffStep;

typedef struct {
    StaffStep step;
    bool for_stick; /* the PIN opens the stick's import rather than the menu */
    char pin[STAFF_PIN_MAX + 1];
    int tries;             /* wrong PINs in a row */
    uint64_t locked_until; /* platform clock; 0 when not locked */
    bool pin_wrong;        /* the last PIN was wrong: say so */
    char stick[MOUNTS_PATH_MAX]; /* a mounted stick with a career-kiosk folder, or "" */
    bool stick_waiting;          /* it came while a visitor was busy: a banner shows */
    bool stick_handled;          /* this stick was dealt with: do not open again */
    long work_after_frame;       /* the step's work runs once this frame is shown */
    Bundle bundle;
    bool ok;            /* how the result reads: done, or not */
    char title[120];    /* the result's headline */
    char message[900];  /* the result's words */
    char written[400];  /* files written to the stick */
    char notice[600];   /* from start-up, for staff: a restored or interrupted directory */
    char printer[300];  /* the printer's state when the menu opened */
    char health[1200];  /* the directory's health and the printer's, as the menu opened */
    int mentors_now;    /* the directory's size when the bundle was checked */
    PrintJob *print_job; /* a test print */
    PrintResult print;
    bool printing;
    MountWatch *mounts;
} Staff;

/* Starts watching for sticks and reads what start-up left for staff
 * (interrupted imports, a restored directory). */
void staff_open(App *a);
void staff_close(App *a);

/* Looks for sticks (call every tick) and runs pending work. */
void staff_tick(App *a);

/* How long the main loop may sleep with staff mode as it is: -1 for as
 * long as it likes. */
int staff_wait_ms(const App *a);

/* Staff mode is open (it takes the screen). */
bool staff_active(const App *a);

/* Opens the PIN pad, for the menu or for the waiting stick. */
void staff_begin(App *a, bool for_stick);

/* Closes staff mode back to the visitor's screen, forgetting the PIN
 * typed and any bundle not imported. */
void staff_end(App *a);

/* The visitor is done: a stick that waited opens the PIN now. */
void staff_visitor_done(App *a);

/* PIN pad input: a digit, backspace ('\b') or enter ('\r'). */
void staff_pin_key(App *a, char key);

/* Seconds left of a lock, or 0. */
int staff_locked_seconds(const App *a);

/* The menu's actions. */
void staff_check_stick(App *a); /* copy and check, then the preview */
void staff_confirm(App *a);     /* import the previewed bundle */
void staff_export_stats(App *a);
void staff_test_print(App *a);
void staff_open_menu(App *a);  /* the staff screen, with the printer's state read now */
void staff_ask_leave(App *a);  /* confirm leaving kiosk mode */
void staff_leave(App *a);      /* quit for maintenance (after STAFF_LEAVE) */

/* "off", "pin", "menu"... for scripts and logs. */
const char *staff_step_name(StaffStep s);

/* True when what staff mode shows now (title, message, refusal, notice,
 * printer, preview) holds text, case-insensitively. For scripts. */
bool staff_says(const App *a, const char *text);

/* How the test print is going, in staff's words ("" before any). */
const char *staff_print_words(const App *a);


#endif
