/* takeaway: what a visitor carries off on a phone — four QR codes: the
 * prep sheet (compact text), the request on the mentor's own channel (an
 * email draft, mailto:, to the mentor or to the career office; or the
 * LinkedIn note, phone script or video booking note as text), the
 * mentor's contact card (vCard) and dated reminders (iCalendar).
 * Built from the same Sheet the screen and the printers draw. */
#ifndef CK_TAKEAWAY_H
#define CK_TAKEAWAY_H

#include "core/date.h"
#include "core/mentor.h"
#include "core/message.h"
#include "core/office.h"
#include "core/sheet.h"
#include "visit/qr.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum { TAKE_SHEET, TAKE_MESSAGE, TAKE_CONTACT, TAKE_REMINDERS, TAKE_COUNT } TakeKind;

enum { TAKE_PAYLOAD_MAX = 4096 };

typedef struct {
    char payload[TAKE_COUNT][TAKE_PAYLOAD_MAX];
    size_t len[TAKE_COUNT];
    QrCode code[TAKE_COUNT]; /* encoded when ok[k] */
    bool ok[TAKE_COUNT];
    char error[TAKE_COUNT][200]; /* why a payload has no code */
    int sheet_level;             /* compactness the sheet needed, 0 = fullest */
} Takeaway;

typedef struct {
    const Sheet *sheet;
    const Message *request; /* the request, on the mentor's channel */
    const Mentor *mentor;
    const Office *office;
    Date today;
    long long now; /* the wall clock (seconds since 1970): the reminders' DTSTAMP */
} TakeawayInput;

/* Builds every payload and its code. A payload that cannot be encoded
 * keeps ok[k] false and says why in error[k]; the others still work.
 * Free the codes with takeaway_free. */
void takeaway_build(Takeaway *t, const TakeawayInput *in);

/* The iCalendar form of a UTC time (seconds since 1970), like
 * "20261122T101500Z", into out (at least 17 bytes). */
void takeaway_stamp(long long now, char *out, size_t cap);

/* Copies src into dst with codes of its own; false (dst empty) when out
 * of memory. */
bool takeaway_copy(Takeaway *dst, const Takeaway *src);

/* Frees the codes and zeroes every payload (they hold visitor words). */
void takeaway_free(Takeaway *t);

/* "sheet", "message", "contact", "reminders" and parsing them. */
const char *takeaway_name(TakeKind k);
bool takeaway_parse(const char *s, TakeKind *out);

/* What a tab is called on screen ("Prep sheet", "Your message"). */
const char *takeaway_label(TakeKind k);

#endif
