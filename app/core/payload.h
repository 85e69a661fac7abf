/* payload: the text formats carried by the take-away QR codes: an
 * RFC 6068 mailto: draft, a vCard 3.0 contact card and an iCalendar
 * (RFC 5545) reminder set. Each escapes and folds as its format requires.
 * Pure: writes into the caller's buffer. Every function returns the
 * length written, or 0 when the result does not fit in cap. */
#ifndef CK_PAYLOAD_H
#define CK_PAYLOAD_H

#include "date.h"
#include "mentor.h"

#include <stdbool.h>
#include <stddef.h>

/* mailto:TO?subject=...&body=... with UTF-8 percent-encoding and CRLF
 * line breaks. to may be empty (the visitor fills it in); an empty body
 * is left out (a draft with its address and subject only). */
size_t payload_mailto(const char *to, const char *subject, const char *body, char *out, size_t cap);

/* A tel: URI (RFC 3966) a phone dials from a number as people write it:
 * "(617) 555-0106" -> "tel:6175550106", "+44 20 7946 0958" ->
 * "tel:+442079460958", "555-0100 x12" -> "tel:5550100;ext=12". 0 when
 * it holds fewer than three digits. */
size_t payload_tel(const char *number, char *out, size_t cap);

/* A web address a phone opens: link as it is when it starts with
 * http:// or https://, else with https:// before it ("linkedin.com/in/x").
 * 0 when it is empty or holds a space. */
size_t payload_url(const char *link, char *out, size_t cap);

/* A vCard 3.0 for the mentor with only the channel they agreed to;
 * note (may be empty) goes in NOTE. */
size_t payload_vcard(const Mentor *m, const char *note, char *out, size_t cap);

typedef struct {
    Date date; /* all-day event on this date */
    const char *summary;
    const char *description; /* may be empty */
    int alarm;               /* when its reminder rings, minutes after midnight that day */
} PayloadEvent;

/* A VCALENDAR of all-day VEVENTs, each with an alarm at its time. uid_seed
 * makes the UIDs unique (no visitor data); stamp is the UTC time of
 * creation as "20261122T101500Z". */
size_t payload_ical(const PayloadEvent *ev, size_t n, const char *uid_seed, const char *stamp,
                    char *out, size_t cap);

/* The same for events first .. first+n-1 of a set (their UIDs as in the
 * whole set), with or without the alarms: a leaner calendar, or one
 * event of it, for a code with less room. */
size_t payload_ical_part(const PayloadEvent *ev, size_t first, size_t n, bool alarms,
                         const char *uid_seed, const char *stamp, char *out, size_t cap);

#endif
