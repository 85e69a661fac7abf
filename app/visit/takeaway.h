/* takeaway: what a visitor carries off on a phone — five QR codes: the
 * prep sheet (compact text), the request on the mentor's own channel (an
 * email draft, mailto:, to the mentor or to the career office; or the
 * LinkedIn note, phone script or video booking note as text), the
 * mentor's contact card (vCard), dated reminders (iCalendar) and the
 * thank-you note for after the meeting (a draft, or text).
 * Built from the same Sheet the screen and the printers draw.
 *
 * Each kind has one whole code (payload[k], code[k]: what paper prints
 * and the admin CLI shows). A screen has less room: takeaway_fit makes
 * its codes (part[]) no larger than its slot holds at QR_MODULE_MIN_PX a
 * module, so each still reads from a step back; a payload too big for
 * that is made plainer (a calendar without alarms, a draft as text) and
 * then split where it reads whole: the sheet between questions, a
 * message between paragraphs, the calendar between events ("part 1 of
 * 2"). */
#ifndef CK_TAKEAWAY_H
#define CK_TAKEAWAY_H

#include "core/date.h"
#include "core/mentor.h"
#include "core/message.h"
#include "core/office.h"
#include "core/payload.h"
#include "core/sheet.h"
#include "visit/qr.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    TAKE_SHEET,
    TAKE_MESSAGE,
    TAKE_CONTACT,
    TAKE_REMINDERS,
    TAKE_THANKS,
    TAKE_COUNT
} TakeKind;

enum { TAKE_PAYLOAD_MAX = 4096, TAKE_PARTS_MAX = 16, TAKE_EVENTS = 3 };

/* One code on a screen: part `part` (from 0) of the `parts` its kind
 * needed there. */
typedef struct {
    TakeKind kind;
    int part, parts;
    char payload[TAKE_PAYLOAD_MAX / 2];
    size_t len;
    QrCode code;
} TakePart;

typedef struct {
    char payload[TAKE_COUNT][TAKE_PAYLOAD_MAX];
    size_t len[TAKE_COUNT];
    QrCode code[TAKE_COUNT]; /* encoded when ok[k] */
    bool ok[TAKE_COUNT];
    char error[TAKE_COUNT][200]; /* why a payload has no code */
    int sheet_level;             /* compactness the sheet needed, 0 = fullest */
    /* the plainer forms a screen's codes are cut from */
    char text[TAKE_COUNT][TAKE_PAYLOAD_MAX]; /* the message and thank-you as text */
    PayloadEvent event[TAKE_EVENTS];
    char event_text[TAKE_EVENTS][2][400];
    size_t nevents;
    char seed[80], stamp[20];
    /* the codes for one screen, by takeaway_fit */
    TakePart part[TAKE_PARTS_MAX];
    int nparts;
    int fit_side;    /* the slot they were fitted to, px; 0 none yet */
    int fit_version; /* the largest version that slot holds */
    bool fit_ok;     /* every kind has its parts */
} Takeaway;

typedef struct {
    const Sheet *sheet;
    const Message *request; /* the request, on the mentor's channel */
    const Mentor *mentor;
    const Office *office;
    Date today;
    long long now;         /* the wall clock (seconds since 1970): the reminders' DTSTAMP */
    const Message *thanks; /* the thank-you note */
    Date met;              /* the meeting's day when known ({0}: not yet) */
    int minute;            /* the time now, minutes after local midnight: the first alarm is after it */
} TakeawayInput;

/* Builds every payload and its code. A payload that cannot be encoded
 * keeps ok[k] false and says why in error[k]; the others still work.
 * Free the codes with takeaway_free. */
void takeaway_build(Takeaway *t, const TakeawayInput *in);

/* Makes the codes for a screen whose code slot is side x side px (see
 * the header comment): frees any made before. Returns false, with no
 * parts for a kind that cannot be made so small (never for sane input).
 * The sheet must be the one t was built from. */
bool takeaway_fit(Takeaway *t, const Sheet *sheet, int side);

/* The first screen part of kind k, or -1; *parts says how many it has. */
int takeaway_first_part(const Takeaway *t, TakeKind k, int *parts);

/* The iCalendar form of a UTC time (seconds since 1970), like
 * "20261122T101500Z", into out (at least 17 bytes). */
void takeaway_stamp(long long now, char *out, size_t cap);

/* Copies src into dst with codes of its own; false (dst empty) when out
 * of memory. */
bool takeaway_copy(Takeaway *dst, const Takeaway *src);

/* Frees the codes and zeroes every payload (they hold visitor words). */
void takeaway_free(Takeaway *t);

/* "sheet", "message", "contact", "reminders", "thanks" and parsing them. */
const char *takeaway_name(TakeKind k);
bool takeaway_parse(const char *s, TakeKind *out);

/* What a tab is called on screen ("Prep sheet", "Your message"). */
const char *takeaway_label(TakeKind k);

#endif
