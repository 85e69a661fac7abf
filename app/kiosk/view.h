/* view: what the screens see and what they may ask for. Before each pass
 * the app points a View at the state to draw (the toolkit, the visitor's
 * session, the step, the office, the lists read from the directory, what
 * staff mode shows); the screens draw from it, keep their own view state
 * in it (an open picker, the code tab, a confirmation), and post intents
 * ("go to Questions", "print") instead of acting. Flow acts on the
 * intents after the pass, so nothing happens mid-draw and no screen ever
 * reaches the directory, the printer or a stick. */
#ifndef CK_VIEW_H
#define CK_VIEW_H

#include "core/mentor.h"
#include "core/office.h"
#include "core/question.h"
#include "kiosk/session.h"
#include "ui/ui.h"

#include <stdbool.h>

/* The visitor's steps, in order. */
typedef enum {
    SCREEN_WELCOME,
    SCREEN_ABOUT,
    SCREEN_SEARCH,
    SCREEN_DETAIL,
    SCREEN_MESSAGE,
    SCREEN_QUESTIONS,
    SCREEN_TAKEAWAY,
    SCREEN_COUNT
} ScreenId;

/* The fields on About you, for opening one from another step. */
typedef enum { FIELD_NONE, FIELD_NAME, FIELD_PROGRAM, FIELD_INTEREST } VisitorField;

/* "welcome", "about", "search", ... and back. */
const char *view_step_name(ScreenId s);
bool view_step_parse(const char *s, ScreenId *out);

enum { VIEW_LIST_MAX = 40, VIEW_INTENTS = 32 };

/* What the screens list from the directory: the question bank, the
 * career fields and the languages. Flow reads them; screens only read. */
typedef struct {
    Question bank[QUESTION_MAX];
    int nbank;
    char field[VIEW_LIST_MAX][MENTOR_NAME_MAX + 1];
    int nfields;
    char language[VIEW_LIST_MAX][MENTOR_NAME_MAX + 1];
    int nlanguages;
} Catalog;

/* Staff mode's steps (see staff.h). */
typedef enum {
    STAFF_OFF,
    STAFF_PIN,       /* asking for the PIN */
    STAFF_MENU,      /* the staff screen */
    STAFF_CHECKING,  /* copying and checking the stick, once this frame shows */
    STAFF_PREVIEW,   /* what the bundle holds: Confirm or Cancel */
    STAFF_IMPORTING, /* importing, once this frame shows */
    STAFF_EXPORTING, /* writing the stats to the stick, once this frame shows */
    STAFF_RESULT,    /* how it went and what was written to the stick */
    STAFF_LEAVE,     /* confirming "leave kiosk mode" */
    STAFF_ROLLBACK,  /* confirming "put back the previous list" */
    STAFF_ROLLING,   /* putting it back, once this frame shows */
} StaffStep;

enum {
    STAFF_PATH_MAX = 512,
    STAFF_TRIES = 5, /* wrong PINs in a row before a lock */
};

/* What staff mode shows, kept up to date by staff.c. */
typedef struct {
    StaffStep step;
    bool for_stick;             /* the PIN opens the stick's import rather than the menu */
    int pin_len;                /* digits typed (shown as dots) */
    bool pin_set;               /* a PIN hash is configured */
    bool pin_wrong;             /* the last PIN was wrong */
    int tries_left;             /* before the lock */
    char next_lock[24];         /* how long that lock lasts: "5 minutes" */
    int locked_seconds;         /* of a lock, or 0 */
    char stick[STAFF_PATH_MAX]; /* a mounted staff stick, or "" */
    bool stick_waiting;         /* it came while a visitor was busy: a banner shows */
    bool printer;               /* a printer is set up */
    bool print_busy;            /* a print (test or visitor's) is under way */
    bool print_failed;          /* the last test print failed */
    char print_words[300];      /* how the test print goes, or "" */
    bool ok;                    /* how the result reads: done, or not */
    char title[120];            /* the result's headline */
    char message[900];          /* the result's words */
    char notice[600];           /* from start-up: a restored or interrupted directory */
    char attempts[400];         /* wrong PINs since the last entry: how many, when; or "" */
    char health[1200];          /* the directory's and the printer's state */
    char import_label[64];      /* "Import 48 mentors" */
    int backup_mentors;         /* in the list kept from before the last import, or 0 for none */
    char backup_when[40];       /* when that list was imported, as staff read it, or "" */
    char backup_source[120];    /* what it was imported from, or "" */
    int mentors_now;            /* in the directory, for the rollback's confirmation */
    char preview[4096];         /* what the checked bundle holds, who comes and goes */
    char busy[160];             /* how far a copy has come, or "" */
    int inbox_mode;             /* [bundles] inbox: 0 off, 1 auto, 2 staff */
    char inbox[STAFF_PATH_MAX]; /* the inbox's newest bundle not yet handled, or "" */
    bool inbox_waiting;         /* inbox = staff: it waits for the PIN and Import */
    bool from_inbox;            /* the bundle being checked or imported came through the inbox */
    char stale[400];            /* no bundle for longer than stale_days: says so, or "" */
    char inbox_note[800];       /* the inbox's last bundle was refused: why, or "" */
} StaffView;

/* What a screen can ask for. */
typedef enum {
    INTENT_GO,           /* arg: the ScreenId to go to */
    INTENT_START,        /* a visitor begins at Welcome */
    INTENT_FINISH,       /* wipe the visitor and go back to Welcome */
    INTENT_FINISH_ASK,   /* Finish on Take away: asks first if the sheet was not looked at */
    INTENT_MORE_TIME,    /* the idle warning: "I need more time" */
    INTENT_CHOOSE,       /* arg: the index of the chosen hit */
    INTENT_COMPOSE,      /* a choice behind the request changed */
    INTENT_EDIT_FIELD,   /* arg: a VisitorField: About you, with that field open to type in */
    INTENT_SPELL,        /* arg: 1 to use the offered corrections, 0 to keep the visitor's words */
    INTENT_SUGGEST,      /* choose the suggested questions again */
    INTENT_PRINT,        /* print the sheet */
    INTENT_FIT_CODES,    /* arg: the Take away code slot's side in px; fit the codes to it */
    INTENT_FIT_WHOLE,    /* arg: a side in px; fit the shown tab's whole code to it */
    INTENT_STAFF_BEGIN,  /* arg: 1 to open the waiting stick, 0 for the menu */
    INTENT_STAFF_KEY,    /* arg: a PIN pad key: '0'-'9', '\b' or '\r' */
    INTENT_STAFF_END,    /* close staff mode */
    INTENT_STAFF_MENU,   /* the staff menu, its health read now */
    INTENT_STAFF_CHECK,  /* copy and check the stick (arg 0) or the inbox's bundle (arg 1) */
    INTENT_STAFF_IMPORT, /* import the previewed bundle */
    INTENT_STAFF_EXPORT, /* stats to the stick */
    INTENT_STAFF_TEST_PRINT,
    INTENT_STAFF_ASK_LEAVE,
    INTENT_STAFF_LEAVE,
    INTENT_STAFF_ASK_ROLLBACK, /* "put back the previous list?" */
    INTENT_STAFF_ROLLBACK,     /* put it back */
} IntentKind;

typedef struct {
    IntentKind kind;
    int arg;
} Intent;

typedef struct {
    /* what the screens draw from: set by the app before each pass */
    Ui *ui;
    Session *s; /* the visitor's data: screens edit its fields and choices */
    ScreenId step;
    const Office *office;
    const Catalog *cat;
    const StaffView *staff;
    bool printer;       /* a printer is set up */
    const char *pickup; /* where printed sheets wait, or "" */
    bool idle_warning;  /* "Still there?" is up */
    int idle_left_s;    /* its countdown */
    /* the screens' own state */
    int picking;          /* an open picker: 0 none, 1 field, 2 channel, 3 language */
    int qr_tab;           /* the code shown on Take away */
    int qr_part;          /* which part of it, when it has several */
    bool confirm_restart; /* "Start over?" is up */
    bool confirm_finish;  /* "Leave without your sheet?" is up */
    bool sheet_looked;    /* on Take away: another code shown, or Print tapped */
    bool code_whole;      /* on Take away: the shown tab's whole code, large, over the screen */
    int code_side;        /* Take away's code slot, px: what flow fits the codes to */
    ScreenId reached;     /* the furthest step this visitor has been to (set by flow) */
    VisitorField type_in; /* About you opens this field for typing, once (set by flow) */
    ScreenId spell_then;  /* where the visitor was going when spelling was offered */
    /* what the screens asked for in this pass, in order */
    Intent intent[VIEW_INTENTS];
    int nintents;
} View;

/* Asks for kind (with arg) once this pass is over. */
void view_post(View *v, IntentKind kind, int arg);

/* Back to a fresh visitor's view state. */
void view_reset(View *v);

#endif
