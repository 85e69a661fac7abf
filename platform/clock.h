/* clock: the one wall clock of both programs. Everything that dates or
 * names something (today, the reminders' creation time, an import's
 * time, the files written to a stick) reads it here. Pinned to a day
 * (--today), it stands still at noon UTC of that day, so scripted runs,
 * the demo and the tests repeat exactly. Plain libc: no SDL. */
#ifndef CK_CLOCK_H
#define CK_CLOCK_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    bool pinned;
    int y, m, d; /* the pinned day */
} Clock;

/* The real clock. */
Clock clock_real(void);

/* A clock standing at noon UTC of y-m-d. */
Clock clock_pinned(int y, int m, int d);

/* Seconds since 1970, UTC. */
long long clock_unix(const Clock *c);

/* Today's date, local time (the pinned day when pinned). */
void clock_today(const Clock *c, int *y, int *m, int *d);

/* The time of day now, local, in minutes after midnight (noon when
 * pinned: a pinned day is seen at midday). */
int clock_minute(const Clock *c);

/* strftime of now into out: UTC, or local time when local is set. */
void clock_format(const Clock *c, bool local, const char *fmt, char *out, size_t cap);

/* A monotonic clock in milliseconds, for measurements only. */
double clock_ms(void);

#endif
