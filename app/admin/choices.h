/* visit: what a visitor would compose at the kiosk, built from admin
 * options, shared by the subcommands that preview or print it. */
#ifndef CK_VISIT_H
#define CK_VISIT_H

#include "admin.h"
#include "args.h"
#include "core/message.h"
#include "core/sheet.h"

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
    {                                                                                              \
        "questions", "IDS", "comma-separated question ids instead of the suggested set"            \
    }
enum { NVISIT_OPTS = 10 };


typedef struct {
    Mentor mentor;
    Visitor visitor;
    MessageChannel channel;
    size_t linkedin_limit;
    Question bank[QUESTION_MAX];
    int nbank;
    size_t chosen[64];
    size_t nchosen;
    Message request; /* on the chosen channel */
    Message email;   /* always composed, for the email-draft code */
    Sheet sheet;
} Visit;

/* Loads mentor id and builds everything a visitor would take away from
 * the visitor options in args. NULL after reporting why. */
Visit *visit_build(Admin *a, const Args *args, const char *id);

/* Wipes the visitor and frees. */
void visit_free(Visit *v);

/* Renders v's printed sheet on paper (NULL: the configured paper) as
 * PNG files from path; an exit code. */
int visit_render(Admin *a, const Visit *v, const char *path, const char *paper);

#endif
