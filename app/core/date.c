/* date: proleptic Gregorian dates, after Howard Hinnant's days_from_civil. */
#include "date.h"

#include <stdio.h>
#include <string.h>

long date_to_days(Date d)
{
    long y = d.y - (d.m <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (d.m + 9) % 12;
    long doy = (153 * mp + 2) / 5 + d.d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date date_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    Date r;
    r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
    r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
    r.y = (int)(yoe + era * 400 + (r.m <= 2));
    return r;
}

int date_weekday(Date d)
{
    long z = date_to_days(d); /* 1970-01-01 was a Thursday (3) */
    long w = (z + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

Date date_add_days(Date d, long n)
{
    return date_from_days(date_to_days(d) + n);
}

bool date_open(const DateCalendar *cal, Date d)
{
    if (date_weekday(d) >= 5)
        return false;
    for (int i = 0; cal && i < cal->nclosed; i++)
        if (cal->closed[i].y == d.y && cal->closed[i].m == d.m && cal->closed[i].d == d.d)
            return false;
    return true;
}

Date date_next_open(const DateCalendar *cal, Date d)
{
    /* a year of closures at most: never a loop without end */
    for (int i = 0; i < 400 && !date_open(cal, d); i++)
        d = date_add_days(d, 1);
    return d;
}

Date date_add_open_days(const DateCalendar *cal, Date d, int n)
{
    for (int guard = 0; n > 0 && guard < 800; guard++) {
        d = date_add_days(d, 1);
        if (date_open(cal, d))
            n--;
    }
    return d;
}

Date date_add_business_days(Date d, int n)
{
    while (n > 0) {
        d = date_add_days(d, 1);
        if (date_weekday(d) < 5)
            n--;
    }
    return d;
}

static int month_days(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

bool date_valid(Date d)
{
    return d.y >= 1 && d.y <= 9999 && d.m >= 1 && d.m <= 12 && d.d >= 1 &&
           d.d <= month_days(d.y, d.m);
}

bool date_parse(const char *s, Date *out)
{
    Date d;
    int used = 0;
    if (sscanf(s, "%4d-%2d-%2d%n", &d.y, &d.m, &d.d, &used) == 3 && s[used] == '\0')
        goto check;
    if (sscanf(s, "%2d/%2d/%4d%n", &d.m, &d.d, &d.y, &used) == 3 && s[used] == '\0')
        goto check;
    if (sscanf(s, "%2d.%2d.%4d%n", &d.d, &d.m, &d.y, &used) == 3 && s[used] == '\0')
        goto check;
    return false;
check:
    if (d.y < 1000 || !date_valid(d))
        return false;
    *out = d;
    return true;
}

void date_iso(Date d, char *out, size_t cap)
{
    snprintf(out, cap, "%04d-%02d-%02d", d.y, d.m, d.d);
}

void date_human(Date d, char *out, size_t cap)
{
    static const char *wd[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *mo[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    snprintf(out, cap, "%s %d %s %d", wd[date_weekday(d)], d.d, mo[d.m - 1], d.y);
}

Date date_month_start(Date d)
{
    d.d = 1;
    return d;
}
