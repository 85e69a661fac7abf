/* meet: where a mentor is, seen from the kiosk's office, and which ways of
 * meeting can be offered: a phone-only mentor is called, a mentor in
 * another city (or with no fixed place) is met by phone or video, not in
 * person or over coffee; and how many hours apart their clock is. A
 * location ("Berlin, Germany", "Austin, TX", "Remote") is read once into
 * a Place; everything after compares its fields, never the text. Pure. */
#ifndef CK_MEET_H
#define CK_MEET_H

#include "mentor.h"
#include "visitor.h"

#include <stdbool.h>

/* A place's time zone, by its standard time (summer time moves most of
 * them together, so the hours apart hold to within one). */
typedef enum {
    ZONE_UNKNOWN,
    ZONE_HAWAII,
    ZONE_ALASKA,
    ZONE_PACIFIC,
    ZONE_MOUNTAIN,
    ZONE_CENTRAL, /* and Mexico City */
    ZONE_EASTERN,
    ZONE_ATLANTIC,
    ZONE_NEWFOUNDLAND,
    ZONE_UK, /* and Ireland, Portugal */
    ZONE_CENTRAL_EUROPE,
    ZONE_EASTERN_EUROPE,
    ZONE_INDIA,
    ZONE_CHINA, /* and Singapore, Hong Kong, Taiwan, the Philippines */
    ZONE_JAPAN, /* and Korea */
    ZONE_COUNT
} Zone;

/* How far away a mentor is. */
typedef enum {
    REACH_UNKNOWN, /* no location to go by (the office's or the mentor's) */
    REACH_LOCAL,   /* the office's own city */
    REACH_AWAY,    /* another city */
    REACH_NOWHERE, /* "Remote": no fixed place */
} Reach;

enum { PLACE_TEXT_MAX = 80 };

typedef struct {
    bool remote;                 /* "Remote", "Anywhere" */
    char city[PLACE_TEXT_MAX];   /* folded: "berlin" */
    char region[PLACE_TEXT_MAX]; /* folded: "germany", "mn" */
    Zone zone;
} Place;

/* Reads a location as a directory or kiosk.conf writes it: "City,
 * Region" (a US state or Canadian province code, or a country), or
 * "Remote". Anything else is a place of unknown zone. */
void meet_place(const char *location, Place *out);

/* Where the mentor is from the office at office_location ("" when the
 * kiosk.conf gives none). */
Reach meet_reach(const Mentor *m, const char *office_location);

/* The ways of meeting that can be offered for m, as bits (1u << a
 * MeetFormat): a phone-only mentor is called, a video link books a video
 * call, and one away or with no fixed place is met by phone or video. */
unsigned meet_formats(const Mentor *m, const char *office_location);

/* format when it is one of formats, else the first that is (phone,
 * then video). */
MeetFormat meet_format_in(unsigned formats, MeetFormat format);

/* Minutes the mentor's clock is ahead of the office's (negative:
 * behind); false when either zone is unknown or they are the same. */
bool meet_minutes_ahead(const Mentor *m, const char *office_location, int *minutes);

#endif
