/* session: one visitor's data, from Welcome to the prep sheet, and
 * everything derived from it: what they typed and chose, what they
 * searched for and found, the mentor, and the take-away built for them.
 * It lives in memory only; session_wipe zeroes it. The directory only
 * ever learns anonymous counts. View state (an open picker, the code
 * tab) lives beside it in the screens' View, not here. */
#ifndef CK_SESSION_H
#define CK_SESSION_H

#include "core/mentor.h"
#include "core/message.h"
#include "core/question.h"
#include "core/visitor.h"
#include "visit/visit.h"

#include <stdbool.h>

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
    Visitor visitor;
    /* finding */
    char query[64];
    int field;    /* index into the catalog's fields, -1 for all */
    int via;      /* a ContactVia, -1 for any */
    int language; /* index into the catalog's languages, -1 for any */
    bool remote_only;
    bool accepting_only;
    char searched[96]; /* what the hits are for, to know when to search again */
    Mentor hits[SESSION_HITS];
    char reason[SESSION_HITS][64]; /* why a hit was suggested (store_suggest), or "" */
    int nhits;
    bool exact;             /* the visitor asked for their words as typed, not corrected */
    char typed[64];         /* the words `exact` and `corrected` are about */
    char corrected[160];    /* what was searched instead of a typo, or "" */
    char did_you_mean[160]; /* with exact and nobody found: the correction on offer, or "" */
    int near_field[3];      /* with nobody found: catalog fields to offer */
    int nnear;
    /* with nobody found: a mentor the words name who has had all the
     * requests they take this month (StoreSearchInfo.capped), or "" */
    char capped[2 * MENTOR_NAME_MAX + 40];
    /* a search found nobody and is still to be counted: the career area
     * the synonym table gave its words, or "not recognised" (never the
     * words themselves) */
    bool nobody_pending;
    char nobody_field[64];
    Mentor mentor;
    /* a spelling offer on About you before the message uses the words:
     * the fields corrected, the words the offer changes, and the words
     * the visitor chose to keep (never offered again), space-separated */
    bool spell_offer;
    char spell_program[VISITOR_TEXT_MAX + 1];
    char spell_interest[VISITOR_TEXT_MAX + 1];
    char spell_words[2 * VISITOR_TEXT_MAX + 2];
    char spell_kept[4 * VISITOR_TEXT_MAX];
    /* the request and the questions */
    MessageChannel channel;
    bool linkedin_short;
    bool chosen[QUESTION_MAX];
    bool questions_edited; /* the visitor changed the suggested set */
    /* taking away: the request, the sheet and the codes */
    Visit visit;
    bool takeaway_ready;
    PrintingState printing;
    bool print_checking;     /* the job is still asking the printer's state */
    char print_trouble[256]; /* what went wrong, in a visitor's words, or "" */
} Session;

/* A fresh session. */
void session_init(Session *s);

/* Zeroes every byte of the session (visitor words, messages, codes) and
 * starts a fresh one. */
void session_wipe(Session *s);

#endif
