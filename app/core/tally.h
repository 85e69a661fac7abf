/* tally: reads back the anonymous stats files a kiosk writes (to a stick
 * or its outbox), so a fleet's exports can be summed: the per-day counts
 * (day,sessions,sheets_shown,sheets_printed), the referrals per mentor
 * per month (month,mentor_id,mentor_name,organization,referrals) and the
 * searches that found nobody (month,wanted_field,
 * searches_finding_nobody,mentors_in_field). Which one a file is comes
 * from its header. These files come back over the network from many
 * kiosks: every field is checked, and a bad one is named by line and
 * column, never a crash. Pure: a buffer in, rows to a callback. */
#ifndef CK_TALLY_H
#define CK_TALLY_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { TALLY_DAYS, TALLY_REFERRALS, TALLY_NOBODY } TallyKind;

enum { TALLY_TEXT_MAX = 200, TALLY_ROWS_MAX = 200000 };

/* One row. key: the day (YYYY-MM-DD) or month (YYYY-MM); what: the
 * mentor id or the wanted field ("" for days); name and org: the
 * mentor's (referrals only); n[0..2]: the counts (days: sessions, shown,
 * printed; referrals: n[0]; nobody: searches, mentors in the field, and
 * n[2] is 1 when the field was recognised, 0 when the column was
 * empty). */
typedef struct {
    char key[11];
    char what[TALLY_TEXT_MAX];
    char name[TALLY_TEXT_MAX];
    char org[TALLY_TEXT_MAX];
    long n[3];
} TallyRow;

typedef void (*TallyFn)(void *ctx, const TallyRow *row);

/* Reads the file in data[0..len): its kind into *kind, each row to fn.
 * Returns the rows read, or -1 with "line N, column C: why" (or "the
 * header ...") in err; rows before the bad one were already given to fn,
 * so a caller that must be all-or-nothing reads twice. */
int tally_read(const char *data, size_t len, TallyKind *kind, TallyFn fn, void *ctx, char *err,
               size_t cap);

/* The kind a file's name says ("...-stats.csv", "...-referrals.csv",
 * "...-nobody-found.csv"); false for any other name. */
bool tally_kind_of_name(const char *name, TallyKind *kind);

/* Splits an outbox file's name "<kiosk id>-<YYYY-MM-DD>-<kind>.csv" into
 * the kiosk's id and the day; false when it is not named so. */
bool tally_split_name(const char *name, char *id, size_t id_cap, char day[11]);

#endif
