/* office: the career office a kiosk belongs to, as visitors and mentors
 * meet it: its name, its school, how to reach its staff, and its logo.
 * One struct, filled once from the config, handed by pointer to
 * everything that writes or draws in the office's name (messages, the
 * sheet, the take-away codes, the printed page, the screens). */
#ifndef CK_OFFICE_H
#define CK_OFFICE_H

#include "date.h"

enum { OFFICE_TEXT_MAX = 120, OFFICE_PATH_MAX = 512, OFFICE_CLOSED_MAX = 120 };

typedef struct {
    char name[OFFICE_TEXT_MAX];     /* "Career Center" */
    char school[OFFICE_TEXT_MAX];   /* "Northfield University" */
    char contact[OFFICE_TEXT_MAX];  /* how to reach staff: "careers@example.org, (555) 010-0100" */
    char logo[OFFICE_PATH_MAX];     /* PNG, JPEG or SVG path, or "" for none */
    char location[OFFICE_TEXT_MAX]; /* "Northfield, MN": who can meet in person, time zones */
    Date closed[OFFICE_CLOSED_MAX]; /* days it is closed on weekdays: [calendar] closed */
    int nclosed;
} Office;

/* The office's open days, for follow-up dates. */
static inline DateCalendar office_calendar(const Office *o)
{
    return (DateCalendar){o->closed, o->nclosed};
}

#endif
