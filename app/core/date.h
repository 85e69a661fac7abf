/* date: civil calendar dates without time zones, for follow-up plans,
 * referral windows and import metadata. Pure arithmetic, no clock. */
#ifndef CK_DATE_H
#define CK_DATE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    int y, m, d; /* 2026, 1..12, 1..31 */
} Date;

/* Days since 1970-01-01 (negative before). */
long date_to_days(Date d);

/* The date that is `days` days after 1970-01-01. */
Date date_from_days(long days);

/* Day of the week, 0 = Monday .. 6 = Sunday. */
int date_weekday(Date d);

/* d moved by n days (n may be negative). */
Date date_add_days(Date d, long n);

/* d moved forward by n working days (Monday to Friday), n >= 0. */
Date date_add_business_days(Date d, int n);

/* Days an office is open: Monday to Friday, except the nclosed dates of
 * closed (holidays, a winter break). */
typedef struct {
    const Date *closed;
    int nclosed;
} DateCalendar;

/* True when cal's office is open on d. */
bool date_open(const DateCalendar *cal, Date d);

/* d when the office is open then, else its next open day (a Saturday's
 * call waits for Monday, Thanksgiving's for Friday). */
Date date_next_open(const DateCalendar *cal, Date d);

/* d moved forward by n open days, n >= 0. */
Date date_add_open_days(const DateCalendar *cal, Date d, int n);

/* True when y-m-d names a real day. */
bool date_valid(Date d);

/* Parses "2026-11-22", "11/22/2026" (US, as Excel writes) or
 * "22.11.2026". Returns false, leaving *out alone, for anything else. */
bool date_parse(const char *s, Date *out);

/* Writes "2026-11-22" into out (at least 11 bytes). */
void date_iso(Date d, char *out, size_t cap);

/* Writes a reader's form, "Mon 30 Nov 2026", into out. */
void date_human(Date d, char *out, size_t cap);

/* The first day of d's month. */
Date date_month_start(Date d);

#endif
