/* visit: one visitor's take-away, built in one place for the kiosk, the
 * staff test print and the admin CLI alike. From who the visitor is, the
 * mentor they chose, their choices, the office and the day, visit_build
 * makes the request on the mentor's channel, the chosen
 * (or suggested) questions, the prep sheet and the QR payloads with their
 * codes. So what `career-kiosk-admin sheet` shows is what the kiosk puts
 * on its sheet, in its codes and on paper.
 *
 * Everything in a Visit comes from what a visitor typed: visit_wipe
 * zeroes it. */
#ifndef CK_VISIT_H
#define CK_VISIT_H

#include "core/date.h"
#include "core/mentor.h"
#include "core/message.h"
#include "core/office.h"
#include "core/question.h"
#include "core/sheet.h"
#include "core/visitor.h"
#include "visit/takeaway.h"

#include <stdbool.h>
#include <stddef.h>

/* What the visitor chose along the way. */
typedef struct {
    MessageChannel channel; /* the request's: message_channel_for(mentor), or thanks */
    size_t linkedin_limit;  /* MESSAGE_LINKEDIN_CHARS or _SHORT */
    const size_t *chosen;   /* question indices into the bank; NULL: the suggested set */
    size_t nchosen;
} VisitChoices;

typedef struct {
    const Visitor *visitor;
    const Mentor *mentor;
    VisitChoices choices;
    const Question *bank;
    int nbank;
    const Office *office;
    Date today;    /* dates the sheet and the reminders */
    long long now; /* the wall clock, seconds since 1970: the reminders' creation time */
    Date met;      /* the meeting's day when known (the admin CLI's --met), else {0} */
    int code_side; /* the screen's code slot, px (takeaway_fit); 0: no screen */
    int minute;    /* the time now, minutes after local midnight: the send reminder is after it */
} VisitInput;

typedef struct {
    Message request; /* on the mentor's channel: what the message code carries */
    Message thanks;  /* the thank-you note for after the meeting */
    size_t chosen[QUESTION_MAX];
    size_t nchosen;
    Sheet sheet;
    Takeaway takeaway;
    const Office *office; /* as built: the printed page's header and footer */
    Date today;
} Visit;

/* The questions suggested for this visitor and mentor, within the
 * minutes the visitor asks for (20 when they left it out): bank indices
 * into out[cap]; returns how many. */
size_t visit_suggest(const VisitInput *in, size_t *out, size_t cap);

/* Composes the request only (the Request screen's live preview). */
void visit_compose(Visit *v, const VisitInput *in);

/* Builds the whole take-away into v: messages, questions, sheet, codes
 * (and the screen's, when in->code_side is set). Frees codes v held from
 * before. Free with visit_wipe. */
void visit_build(Visit *v, const VisitInput *in);

/* Fits the take-away's screen codes to a code slot of side px (see
 * takeaway_fit); nothing to do when they already are. */
bool visit_fit_codes(Visit *v, int side);

/* Fits kind k's whole code to a square of side px (see
 * takeaway_fit_whole); nothing to do when it already is. */
bool visit_fit_whole(Visit *v, TakeKind k, int side);

/* A copy of src with codes of its own, for a print job's thread; NULL
 * when out of memory. Free with visit_wipe, then free(). */
Visit *visit_copy(const Visit *src);

/* Frees the codes and zeroes every byte of v. */
void visit_wipe(Visit *v);

#endif
