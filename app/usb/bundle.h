/* bundle: a staff update on a USB stick. The stick holds a folder
 * `career-kiosk/` with mentors.csv (and optionally questions.csv and
 * synonyms.csv), each
 * with a minisign signature beside it (mentors.csv.minisig).
 *
 * Nothing is read from the stick twice: bundle_fetch copies the files to
 * a local spool folder first, and everything after that (signatures, the
 * timestamp, the rows) works on the local copy. A bundle signed no later
 * than the one already imported is refused, so an old stick cannot roll
 * the directory back. Reports go back to the stick under
 * `career-kiosk/reports/`. No visitor data is in any of it. */
#ifndef CK_BUNDLE_H
#define CK_BUNDLE_H

#include "core/date.h"
#include "directory/import.h"
#include "directory/store.h"
#include "usb/sign.h"

#include <stdbool.h>

#define BUNDLE_FOLDER "career-kiosk"

enum { BUNDLE_PATH_MAX = 600, BUNDLE_SIG_MAX = 4096, BUNDLE_QUESTIONS_MAX = 1 << 20 };

typedef enum {
    BUNDLE_OK,
    BUNDLE_MISSING,       /* no career-kiosk/mentors.csv on the stick */
    BUNDLE_NOT_SIGNED,    /* a file has no .minisig beside it */
    BUNDLE_BAD_SIGNATURE, /* changed after signing, or not a signature */
    BUNDLE_UNKNOWN_KEY,   /* signed by a key this kiosk does not trust */
    BUNDLE_NO_KEYS,       /* this kiosk trusts no key yet */
    BUNDLE_OLD,           /* signed no later than the bundle already imported */
    BUNDLE_PULLED,        /* the stick went away or failed while copying */
    BUNDLE_DISK,          /* the kiosk's own disk is full or failing */
    BUNDLE_DATA,          /* the rows would be refused by the import */
    BUNDLE_BAD_TIME,      /* dated more than a day ahead of the kiosk, or no sane time */
} BundleStatus;

typedef struct {
    char mount[BUNDLE_PATH_MAX]; /* the stick, or the inbox's bundle folder */
    char spool[BUNDLE_PATH_MAX]; /* the local copy */
    bool inbox;                  /* it came through the inbox, not on a stick */
    char reports[BUNDLE_PATH_MAX]; /* where reports go for an inbox bundle: the outbox */
    char lead[120];                /* reports' names start so ("" for the stamp) */
    char age_key[BUNDLE_PATH_MAX]; /* set by the caller: the key for mentors.csv.age, or "" */
    char compare[BUNDLE_PATH_MAX]; /* set by the caller: the directory the preview compares the
                                      rows with (who comes and goes), or "" */
    bool sealed;                   /* mentors.csv came encrypted (mentors.csv.age) */
    bool has_questions;
    bool has_synonyms;
    BundleStatus status;
    char reason[700];      /* for staff when status is not BUNDLE_OK */
    char signer[80];       /* the trusted key's name, or "key <id>" */
    long long signed_at;   /* the signature's timestamp */
    long long imported_at; /* the timestamp of the bundle already imported, or 0 */
    long long questions_signed_at;   /* questions.csv's own signature timestamp */
    long long questions_imported_at; /* set by the caller before bundle_check
                                        (bundle_questions_imported_at), or 0 */
    ImportReport preview;  /* the rows as the import would take them */
    Question *bank;        /* questions.csv, when it came */
    int nbank;
    Synonym *synonyms; /* synonyms.csv, when it came */
    int nsynonyms;
    long long begun; /* when staff began with it (seconds): dates the report */
    char stamp[20];  /* YYYY-MM-DD-HHMMSS of begun: names the files written back */
} Bundle;

/* Called while copying, with bytes done of the total. */
typedef void (*BundleProgress)(void *ctx, long long done, long long total);

/* Empties spool and copies the bundle's files from mount into it,
 * synced. False with b->status and b->reason (the stick was pulled, a
 * file is missing or too big, the kiosk's disk is full). An encrypted
 * mentors.csv.age is opened into the spool with b->age_key (see seal.h);
 * the signature is over mentors.csv itself. */
bool bundle_fetch(Bundle *b, const char *mount, const char *spool, BundleProgress fn, void *ctx);

/* The same for a bundle folder that landed in the inbox: its files sit
 * in folder itself. Reports for it go to outbox. With b->age_key set,
 * an unencrypted mentors.csv is refused there: a shared folder must
 * never hold the directory in the clear. */
bool bundle_fetch_inbox(Bundle *b, const char *folder, const char *spool, const char *outbox,
                        BundleProgress fn, void *ctx);

/* Choosing the inbox's bundle to look at next: bundle_pick_start, then
 * bundle_pick_consider for each complete folder in dir (it fits
 * inbox_each), then bundle_pick_end. The one chosen is, among the folders
 * not in seen, the one whose mentors.csv.minisig carries the latest signed
 * time later than imported_at (its trusted comment checked against trust;
 * a name, an empty folder or a forged date never wins). When none is, the
 * folder with the greatest name (unless seen), so the check can tell
 * staff why it was not taken. */
enum {
    BUNDLE_ID_MAX = 320, /* a folder's id: name, inode, change time */
    BUNDLE_SEEN_IDS = 16,
    BUNDLE_SEEN_MAX = BUNDLE_SEEN_IDS * (BUNDLE_ID_MAX + 1)
};
typedef struct {
    const char *dir, *seen;
    const SignTrust *trust;
    long long imported_at;
    long long best_at; /* the best verified bundle's signed time, 0: none yet */
    char best[256];    /* its name */
    char best_id[BUNDLE_ID_MAX];
    char top[256]; /* the greatest name of all, for a refusal staff can read */
    char top_id[BUNDLE_ID_MAX];
} BundlePicking;
typedef struct {
    char path[BUNDLE_PATH_MAX];
    char id[BUNDLE_ID_MAX];
    long long signed_at; /* 0 when it was chosen only to be refused */
} BundlePick;
void bundle_pick_start(BundlePicking *p, const char *dir, const SignTrust *trust,
                       long long imported_at, const char *seen);
void bundle_pick_consider(void *picking, const char *name, const char *id);
/* False when there is nothing to look at. */
bool bundle_pick_end(const BundlePicking *p, BundlePick *out);

/* The bundles already dealt with (imported or refused): ids separated by
 * '/' (which no folder name holds), the latest first. bundle_seen_add puts
 * id first, keeping the BUNDLE_SEEN_IDS - 1 before it. */
bool bundle_seen_has(const char *seen, const char *id);
void bundle_seen_add(char *seen, size_t cap, const char *id);

/* Checks the local copy: signatures against the trusted keys, each
 * file's timestamp against the kiosk's clock (b->begun: no more than
 * BUNDLE_FUTURE_SLACK ahead) and against its last import (imported_at
 * from the store, see bundle_imported_at; questions.csv against
 * b->questions_imported_at), and the rows (a dry run, compared with the
 * directory at b->compare when set: b->preview.changes). False with the
 * reason; b->preview is filled when the signatures were good. */
bool bundle_check(Bundle *b, const SignTrust *trust, long long imported_at, int this_year);

/* The timestamp of the last bundle imported into s, or 0. */
long long bundle_imported_at(Store *s);

/* The timestamp of the last questions.csv imported into s, or 0. */
long long bundle_questions_imported_at(Store *s);

/* How far ahead of the kiosk's clock a signature may be dated: more is
 * a wrong clock or a typo, which would lock out every later bundle. */
enum { BUNDLE_FUTURE_SLACK = 24 * 60 * 60 };

/* Forgets the stored timestamps of the last bundle (and question bank)
 * imported into s, so a correctly dated bundle is taken again after a
 * wrongly dated one got in. Says what was stored in `was`. */
bool bundle_forget_stamps(Store *s, char *was, size_t cap);

/* Imports the checked bundle into the directory at db_path (which no one
 * may have open), with the signature's timestamp and the question bank,
 * in one step. The report says how it went. */
bool bundle_import(Bundle *b, const char *db_path, const char *when_iso, int this_year,
                   ImportReport *rep);

/* Writes the import report (and the rejected rows as CSV) to the stick,
 * or for an inbox bundle to the outbox (names starting with b->lead);
 * names the files written in `written` (comma-separated). */
bool bundle_write_report(const Bundle *b, const ImportReport *rep, char *written, size_t cap,
                         char *err, size_t err_cap);

/* Writes the anonymous stats to the stick: per-day sessions and sheets,
 * and referrals per mentor per month. Names the files in `written`. */
bool bundle_write_stats(const char *mount, const char *stamp, Store *s, char *written, size_t cap,
                        char *err, size_t err_cap);

/* The start of an outbox file's name: "<kiosk id>-<stamp>", so a central
 * folder holds a whole fleet's files side by side. */
void bundle_outbox_lead(const char *kiosk_id, const char *stamp, char *out, size_t cap);

/* Writes the same stats as bundle_write_stats into the outbox, named
 * "<kiosk id>-<YYYY-MM-DD>-stats.csv" and so on (a later write on the
 * same day replaces the day's files). */
bool bundle_write_outbox_stats(const char *outbox, const char *kiosk_id, long long now, Store *s,
                               char *written, size_t cap, char *err, size_t err_cap);

/* One rejected row as staff read it: "Line 12, ID M1, column Email: why". */
void bundle_rejection_text(const ImportRejection *r, char *out, size_t cap);

/* A timestamp as staff read it: "2026-11-20 14:03", local time. */
void bundle_when_text(long long t, char *out, size_t cap);

/* Names for the files written back: YYYY-MM-DD-HHMMSS of now (seconds
 * since 1970), local time. */
void bundle_stamp(long long now, char out[20]);

/* Starts b afresh at time now: its stamp names what is written back. */
void bundle_begin(Bundle *b, long long now);

/* Removes the local copy and frees what b holds. */
void bundle_free(Bundle *b);

/* A short word for a status (for logs and tests). */
const char *bundle_status_name(BundleStatus s);

#endif
