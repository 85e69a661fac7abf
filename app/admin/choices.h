/* choices: a visitor's answers and choices taken from admin options, for
 * the subcommands that preview or print what the kiosk would make. */
#ifndef CK_CHOICES_H
#define CK_CHOICES_H

#include "admin.h"
#include "args.h"
#include "core/message.h"
#include "core/sheet.h"
#include "visit/visit.h"

#define VISIT_OPTS                                                                                 \
    {"name", "NAME", "visitor's first name (optional)"},                                           \
        {"status", "STATUS", "student, grad-student, alum, veteran or career-changer"},            \
        {"program", "TEXT", "visitor's program or major"},                                         \
        {"interest", "TEXT", "what the visitor is exploring"},                                     \
        {"found-via", "HOW", "directory (default), school or major"},                              \
        {"minutes", "N", "time to ask for: 15, 20 (default) or 30; 0 to leave it out"},            \
        {"format", "FORMAT", "phone, video (default), in-person or coffee"},                       \
        {"channel", "CHANNEL", "email (default), linkedin, phone or thanks"},                      \
        {"short", NULL, "LinkedIn note for free accounts (200 characters, not 300)"},              \
        {"met", "DATE", "the day of the meeting: dates the thank-you note (the next open day)"},   \
    {                                                                                              \
        "questions", "IDS", "comma-separated question ids instead of the suggested set"            \
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
