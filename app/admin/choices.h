/* choices: a visitor's answers and choices taken from admin options, for
 * the subcommands that preview or print what the kiosk would make. */
#ifndef CK_CHOICES_H
#define CK_CHOICES_H

#include "admin.h"
#include "args.h"
#include "core/message.h"
#include "core/sheet.h"
#include "visit/visit.h"

/* The values of the options that take one of a few words (see OptChoice):
 * the i-th name from the table each parser uses, NULL past the last. */
const char *choice_status(int i);  /* VisitorStatus */
const char *choice_format(int i);  /* MeetFormat */
const char *choice_found(int i);   /* FoundVia */
const char *choice_channel(int i); /* MessageChannel */
const char *choice_via(int i);     /* ContactVia */
const char *choice_paper(int i);   /* Paper */
const char *choice_code(int i);    /* TakeKind */

#define VISIT_OPTS                                                                                 \
    {"name", "NAME", "visitor's first name (optional)", NULL},                                     \
        {"status", "STATUS", "the visitor's status (default student)", choice_status},             \
        {"program", "TEXT", "visitor's program or major", NULL},                                   \
        {"interest", "TEXT", "what the visitor is exploring", NULL},                               \
        {"found-via", "HOW", "how the visitor found the mentor (default directory)",               \
         choice_found},                                                                            \
        {"minutes", "N", "time to ask for: 15, 20 (default) or 30; 0 to leave it out", NULL},      \
        {"format", "FORMAT",                                                                       \
         "the meeting asked for (default video; phone for a phone-only "                           \
         "mentor)",                                                                                \
         choice_format},                                                                           \
        {"channel", "CHANNEL",                                                                     \
         "the request on the mentor's own channel (the default), or thanks for the note after "    \
         "the meeting; one of %s",                                                                 \
         choice_channel},                                                                          \
        {"short", NULL, "LinkedIn note for free accounts (200 characters, not 300)", NULL},        \
        {"met", "DATE", "the day of the meeting: dates the thank-you note (the next open day)",    \
         NULL},                                                                                    \
    {                                                                                              \
        "questions", "IDS", "comma-separated question ids instead of the suggested set", NULL      \
    }
enum { NVISIT_OPTS = 11 };

/* The visitor options of a command, the mentor and the bank, and the
 * take-away built from them by visit_build: the kiosk's own builder. */
typedef struct {
    Mentor mentor;
    Visitor visitor;
    Question bank[QUESTION_MAX];
    int nbank;
    VisitChoices choices;
    size_t ids[QUESTION_MAX]; /* --questions, as bank indices */
    Visit v;
} AdminVisit;

/* Loads mentor id and builds everything a visitor would take away from
 * the visitor options in args. NULL after reporting why. */
AdminVisit *admin_visit(Admin *a, const Args *args, const char *id);

/* Wipes the visitor and everything built from it, and frees. */
void admin_visit_free(AdminVisit *v);

/* Renders v's printed sheet on paper (NULL: the configured paper) as
 * PNG files from path; an exit code. */
int admin_visit_render(Admin *a, const AdminVisit *v, const char *path, const char *paper);

#endif
