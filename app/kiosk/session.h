/* session: one visitor's walk through the kiosk, from Welcome to the prep
 * sheet. Everything here is about this visitor and lives in memory only;
 * session_wipe zeroes it. The store only ever learns anonymous counts. */
#ifndef CK_SESSION_H
#define CK_SESSION_H

#include "core/message.h"
#include "core/question.h"
#include "core/sheet.h"
#include "core/visitor.h"
#include "print/print.h"
#include "directory/store.h"
#include "visit/takeaway.h"

#include <stdbool.h>

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

enum { SESSION_HITS = 40 };

/* Where this visitor's print is. */
typedef enum {
    PRINTING_IDLE,
    PRINTING_PREPARING, /* Print tapped: the pages are drawn after this frame */
    PRINTING_BUSY,      /* a job is checking the printer or sending */
    PRINTING_DONE,
    PRINTING_FAILED,
} PrintingState;

typedef struct {
    ScreenId screen;
    Visitor visitor;
    /* finding */
    char query[64];
    int field;    /* index into the app's field list, -1 for all */
    int via;      /* a ContactVia, -1 for any */
    int language; /* index into the app's language list, -1 for any */
    bool remote_only;
    bool accepting_only;
    int picking;       /* an open picker: 0 none, 1 field, 2 channel, 3 language */
    char searched[96]; /* what the hits are for, to know when to search again */
    StoreHit hits[SESSION_HITS];
    int nhits;
    Mentor mentor;
    /* the message */
    MessageChannel channel;
    bool linkedin_short;
    Message request, email;
    /* questions */
    bool chosen[QUESTION_MAX];
    bool questions_edited; /* the visitor changed the suggested set */
    /* taking away */
    Sheet sheet;
    Takeaway takeaway;
    bool takeaway_ready;
    int qr_tab;
    PrintingState printing;
    PrintResult print; /* the job's progress or end; printer words only */
    /* overlays */
    bool confirm_restart;
} Session;

/* "welcome", "about", "search", ... and back. */
const char *session_screen_name(ScreenId s);
bool session_screen_parse(const char *s, ScreenId *out);

/* A fresh session on the Welcome screen. */
void session_init(Session *s);

/* Zeroes every byte of the session (visitor words, messages, codes) and
 * starts a fresh one. */
void session_wipe(Session *s);

#endif
