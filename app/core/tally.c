/* tally: see tally.h. */
#include "core/tally.h"

#include "core/csv.h"
#include "core/date.h"
#include "core/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const headers[3][5] = {
    {"day", "sessions", "sheets_shown", "sheets_printed", NULL},
    {"month", "mentor_id", "mentor_name", "organization", "referrals"},
    {"month", "wanted_field", "searches_finding_nobody", "mentors_in_field", NULL},
};
static const int ncols[3] = {4, 5, 4};

static const char *const suffix[3] = {"-stats.csv", "-referrals.csv", "-nobody-found.csv"};

bool tally_kind_of_name(const char *name, TallyKind *kind)
{
    size_t n = strlen(name);
    for (int k = 0; k < 3; k++) {
        size_t m = strlen(suffix[k]);
        if (n > m && strcmp(name + n - m, suffix[k]) == 0) {
            *kind = (TallyKind)k;
            return true;
        }
    }
    return false;
}

bool tally_split_name(const char *name, char *id, size_t id_cap, char day[11])
{
    TallyKind k;
    Date d;
    if (!tally_kind_of_name(name, &k))
        return false;
    size_t stem = strlen(name) - strlen(suffix[k]);
    /* "<id>-YYYY-MM-DD": at least one character of id, a dash, ten of date */
    if (stem < 12 || name[stem - 11] != '-' || stem - 11 >= id_cap)
        return false;
    memcpy(day, name + stem - 10, 10);
    day[10] = '\0';
    if (!date_parse(day, &d))
        return false;
    memcpy(id, name, stem - 11);
    id[stem - 11] = '\0';
    return true;
}

/* A count: digits only, at most 9 of them. */
static bool count(const char *s, long *out, bool empty_ok)
{
    size_t n = strlen(s);
    if (n == 0 && empty_ok) {
        *out = -1;
        return true;
    }
    if (n == 0 || n > 9 || strspn(s, "0123456789") != n)
        return false;
    *out = strtol(s, NULL, 10);
    return true;
}

/* YYYY-MM-DD (day) or YYYY-MM (month). */
static bool key_ok(const char *s, bool day)
{
    Date d;
    char probe[11];
    if (day)
        return strlen(s) == 10 && date_parse(s, &d);
    if (strlen(s) != 7)
        return false;
    snprintf(probe, sizeof probe, "%s-01", s);
    return date_parse(probe, &d);
}

static int bad(char *err, size_t cap, unsigned long line, const char *column, const char *why)
{
    snprintf(err, cap, "line %lu, column %s: %s", line, column, why);
    return -1;
}

/* Text as it was written: valid UTF-8, no control characters. */
static bool text_ok(const char *s)
{
    for (const char *p = s; *p; p++)
        if ((unsigned char)*p < 0x20)
            return false;
    return text_utf8_valid(s, strlen(s));
}

/* One data row into r; 0, or -1 with err. */
static int row_of(TallyKind k, const CsvRow *row, TallyRow *r, char *err, size_t cap)
{
    const char *const *h = headers[k];
    memset(r, 0, sizeof *r);
    if (row->flags & (CSV_ROW_NUL_BYTE | CSV_ROW_OPEN_QUOTE))
        return bad(err, cap, row->line, h[0], "the row is damaged (a NUL byte or an open quote)");
    if ((int)row->nfields_all != ncols[k]) {
        char why[80];
        snprintf(why, sizeof why, "%d fields where there should be %d", (int)row->nfields_all,
                 ncols[k]);
        return bad(err, cap, row->line, h[0], why);
    }
    if (row->flags & CSV_ROW_FIELD_TOO_LONG)
        return bad(err, cap, row->line, h[row->long_field], "the field is too long");
    if (!key_ok(row->field[0], k == TALLY_DAYS))
        return bad(err, cap, row->line, h[0],
                   k == TALLY_DAYS ? "not a day like 2026-11-22" : "not a month like 2026-11");
    text_copy(r->key, sizeof r->key, row->field[0]);
    if (k == TALLY_DAYS) {
        for (int i = 0; i < 3; i++)
            if (!count(row->field[1 + i], &r->n[i], false))
                return bad(err, cap, row->line, h[1 + i], "not a count");
        return 0;
    }
    for (int i = 1; i < ncols[k] - 1; i++)
        if (!text_ok(row->field[i]))
            return bad(err, cap, row->line, h[i], "not text (a control character or bad UTF-8)");
    if (!row->field[1][0])
        return bad(err, cap, row->line, h[1], "empty");
    text_copy(r->what, sizeof r->what, row->field[1]);
    if (k == TALLY_REFERRALS) {
        text_copy(r->name, sizeof r->name, row->field[2]);
        text_copy(r->org, sizeof r->org, row->field[3]);
        if (!count(row->field[4], &r->n[0], false))
            return bad(err, cap, row->line, h[4], "not a count");
        return 0;
    }
    if (!count(row->field[2], &r->n[0], false))
        return bad(err, cap, row->line, h[2], "not a count");
    if (!count(row->field[3], &r->n[1], true))
        return bad(err, cap, row->line, h[3], "not a count");
    r->n[2] = r->n[1] >= 0;
    if (r->n[1] < 0)
        r->n[1] = 0;
    return 0;
}

int tally_read(const char *data, size_t len, TallyKind *kind, TallyFn fn, void *ctx, char *err,
               size_t cap)
{
    char buf[4 * TALLY_TEXT_MAX + 64];
    const char *field[8];
    CsvReader rd;
    CsvRow row = {buf, sizeof buf, field, 8, TALLY_TEXT_MAX - 1, 0, 0, 0, 0, 0, 0};
    int n = 0, k = -1;
    csv_open(&rd, data, len);
    if (!csv_next_row(&rd, &row)) {
        snprintf(err, cap, "the file is empty");
        return -1;
    }
    for (int i = 0; i < 3 && k < 0; i++) {
        bool same = (int)row.nfields_all == ncols[i] && (int)row.nfields == ncols[i];
        for (int c = 0; same && c < ncols[i]; c++)
            same = strcmp(row.field[c], headers[i][c]) == 0;
        if (same)
            k = i;
    }
    if (k < 0) {
        snprintf(err, cap,
                 "the header on line %lu is not one a kiosk writes (day,sessions,... or "
                 "month,mentor_id,... or month,wanted_field,...)",
                 row.line);
        return -1;
    }
    *kind = (TallyKind)k;
    while (csv_next_row(&rd, &row)) {
        TallyRow r;
        if (row_of(*kind, &row, &r, err, cap) < 0)
            return -1;
        if (++n > TALLY_ROWS_MAX) {
            snprintf(err, cap, "more than %d rows", TALLY_ROWS_MAX);
            return -1;
        }
        if (fn)
            fn(ctx, &r);
    }
    return n;
}
