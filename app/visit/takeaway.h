/* takeaway: what a visitor carries off on a phone — five QR codes: the
 * prep sheet (compact text), the request as one code a phone acts on (an
 * email draft, mailto:, to the mentor or to the career office; the
 * mentor's LinkedIn profile or video booking link; tel: for a call: the
 * note or script itself is on the sheet), the mentor's contact card
 * (vCard), dated reminders (iCalendar) and the thank-you note for after
 * the meeting (a draft, their profile, or text when nothing to act on
 * exists).
 * Built from the same Sheet the screen and the printers draw.
 *
 * Each kind has one whole code (payload[k], code[k]: what paper prints
 * and the admin CLI shows). A screen has less room: takeaway_fit makes
 * its codes (part[]) no larger than its slot holds at QR_MODULE_MIN_PX a
 * module, so each still reads from a step back; a payload too big for
 * that is made plainer (a calendar without alarms, a draft with its
 * address and subject only: still one code a phone acts on, its words
 * on the sheet) and then split where it reads whole: the sheet between
 * questions, a text between paragraphs, the calendar between events
 * ("part 1 of 2"). */
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
    bool brief; /* a draft without its body: the whole did not fit this screen */
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
    MessageChannel channel;      /* the request's, which its code acts on */
    ContactVia via;              /* how the mentor is reached (the thank-you's code) */
    /* the plainer forms a screen's codes are cut from */
    char text[TAKE_COUNT][TAKE_PAYLOAD_MAX]; /* the message and thank-you as text */
    char brief[TAKE_COUNT][1024];            /* their draft without its body, or "" */
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
    /* one kind's whole code, large, for a screen that gives it all its
     * room when its slot had too little (takeaway_fit_whole) */
    TakePart whole;
    int whole_side; /* the side it was fitted to, px; 0 none */
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

/* True when a phone acts on payload (opens, dials, saves it): a draft,
 * a number, a web address, a contact card or a calendar; false for plain
 * text, which a phone only shows (the screen says to copy it). */
bool takeaway_actionable(const char *payload);

/* Makes kind k's whole code no larger than a square of side px holds at
 * QR_MODULE_MIN_PX a module, into t->whole (for a screen that shows one
 * code with all its room: the whole email draft the code slot was too
 * small for). Returns false, with whole.kind k and no code, when even
 * that is too small. */
bool takeaway_fit_whole(Takeaway *t, TakeKind k, int side);

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
