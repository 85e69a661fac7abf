/* clock: see clock.h. */
#include "clock.h"

#include <time.h>

Clock clock_real(void)
{
    return (Clock){false, 0, 0, 0};
}

Clock clock_pinned(int y, int m, int d)
{
    return (Clock){true, y, m, d};
}

long long clock_unix(const Clock *c)
{
    if (!c->pinned)
        return (long long)time(NULL);
    struct tm noon = {.tm_year = c->y - 1900, .tm_mon = c->m - 1, .tm_mday = c->d, .tm_hour = 12};
    return (long long)timegm(&noon);
}

int clock_minute(const Clock *c)
{
    if (c->pinned)
        return 12 * 60;
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    return tm.tm_hour * 60 + tm.tm_min;
}

void clock_today(const Clock *c, int *y, int *m, int *d)
{
    if (c->pinned) {
        *y = c->y;
        *m = c->m;
        *d = c->d;
        return;
    }
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    *y = tm.tm_year + 1900;
    *m = tm.tm_mon + 1;
    *d = tm.tm_mday;
}

void clock_format(const Clock *c, bool local, const char *fmt, char *out, size_t cap)
{
    time_t t = (time_t)clock_unix(c);
    struct tm tm;
    if (local)
        localtime_r(&t, &tm);
    else
        gmtime_r(&t, &tm);
    if (cap && strftime(out, cap, fmt, &tm) == 0)
        out[0] = '\0';
}

double clock_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}
