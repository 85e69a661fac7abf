/* store: the mentor directory on disk. The only module that includes
 * sqlite3.h. One SQLite file in WAL mode holds mentors (with an FTS5
 * index), per-day referral counts, the question bank, per-day anonymous
 * stats and metadata. No visitor data is ever stored.
 *
 * Imports never touch the live file: a StoreStage builds a new file beside
 * it, checks and syncs it, keeps the live one as `<path>.bak`, and renames
 * the new one over the live path in one step. */
#ifndef CK_STORE_H
#define CK_STORE_H

#include "core/date.h"
#include "core/mentor.h"
#include "core/question.h"

#include <stdbool.h>
#include <stddef.h>

enum { STORE_SCHEMA_VERSION = 1, STORE_ERR = 256 };

typedef struct Store Store;

/* Opens the directory at path, creating an empty one (schema only) if the
 * file does not exist and migrating an older schema. A staging file left
 * by an interrupted import is removed (see store_notice). Returns NULL
 * and a reason in err on failure. Free with store_close. */
Store *store_open(const char *path, char *err, size_t err_cap);

/* Closes the directory; NULL is fine. */
void store_close(Store *s);

/* A one-line notice from opening (an interrupted import cleaned up), or
 * "" when there is none. Owned by the store. */
const char *store_notice(const Store *s);

/* Number of mentors. */
int store_mentor_count(Store *s);

/* Reads one mentor by id; false when there is none. */
bool store_mentor_get(Store *s, const char *id, Mentor *out);

typedef struct {
    const char *field;    /* exact field, or NULL for any */
    int year_from;        /* 0 = no lower bound */
    int year_to;          /* 0 = no upper bound */
    int via;              /* a ContactVia, or -1 for any */
    const char *language; /* one language, or NULL */
    bool remote_only;
    bool accepting_only;
} StoreFilter;

typedef struct {
    Mentor mentor;
    int tier;       /* where the words matched: RANK_TIER_NAME/ROLE/OTHER */
    int recent;     /* referrals in the last 30 days */
    int this_month; /* referrals this calendar month */
} StoreHit;

/* Searches as a visitor types: every word of text is a prefix ("jo eng"),
 * accents ignored, over name, title, organization, field, major, topics
 * and location. Empty text lists everyone that passes the filter.
 * Mentors at their monthly referral cap are left out. Ordered by where
 * the words matched (name, then role, then elsewhere: see rank.h), then
 * fewer recent referrals, then a daily rotation.
 * Writes up to cap hits; returns the count, or -1 on a database error. */
int store_search(Store *s, const char *text, const StoreFilter *f, Date today, StoreHit *hits,
                 int cap);

/* Calls fn for each field with its mentor count, alphabetically. */
typedef void (*StoreFieldFn)(void *ctx, const char *field, int count);
int store_fields(Store *s, StoreFieldFn fn, void *ctx);

/* Calls fn once for each language any mentor speaks, alphabetically. */
typedef void (*StoreLanguageFn)(void *ctx, const char *language);
int store_languages(Store *s, StoreLanguageFn fn, void *ctx);

/* Records that mentor_id was chosen for a prep sheet on day. */
bool store_referral_add(Store *s, const char *mentor_id, Date day);

/* Referrals of mentor_id from `from` to `to`, inclusive. */
int store_referral_count(Store *s, const char *mentor_id, Date from, Date to);

/* Calls fn for each (day, mentor id, count) from `from` on, by day. */
typedef void (*StoreReferralFn)(void *ctx, const char *day, const char *mentor_id, int count);
int store_referrals_each(Store *s, Date from, StoreReferralFn fn, void *ctx);

/* Adds n to the anonymous counter `name` for day. */
bool store_stat_add(Store *s, Date day, const char *name, int n);

/* Calls fn for each (day, name, value) from `from` on, by day. */
typedef void (*StoreStatFn)(void *ctx, const char *day, const char *name, long value);
int store_stats_each(Store *s, Date from, StoreStatFn fn, void *ctx);

/* Metadata: import time, source, counts. Returns false when unset. */
bool store_meta_get(Store *s, const char *key, char *out, size_t cap);
bool store_meta_set(Store *s, const char *key, const char *value);

/* Loads the question bank in bank order; returns the count (<= cap). */
int store_questions_load(Store *s, Question *out, int cap);

/* Replaces the question bank. */
bool store_questions_replace(Store *s, const Question *q, int n, char *err, size_t err_cap);

/* --- staged imports --- */

typedef struct StoreStage StoreStage;

/* What an import records in meta. */
typedef struct {
    const char *source;   /* file name the rows came from */
    const char *encoding; /* as detected */
    int rows_accepted;
    int rows_rejected;
    const char *when; /* ISO time of the import */
    /* a signed staff bundle: kept across imports (keep.bundle_*) so an
     * older bundle can be refused later; 0 and NULL otherwise */
    long long signed_at;   /* the signature's timestamp */
    const char *signed_by; /* who signed, as shown to staff */
    const Question *questions; /* a new question bank, or NULL to keep it */
    int nquestions;
} StoreImportInfo;

/* Starts building a new directory beside live_path. */
StoreStage *store_stage_begin(const char *live_path, char *err, size_t err_cap);

/* Adds one mentor. Returns false with a reason (duplicate id) in err. */
bool store_stage_add(StoreStage *st, const Mentor *m, char *err, size_t err_cap);

/* Indexes, checks and syncs the new directory, carries referral counts,
 * stats, questions and metadata over from the live one, keeps the live
 * one as <live>.bak and puts the new one in its place. Frees st. On
 * failure the live directory is untouched and err says why. */
bool store_stage_commit(StoreStage *st, const StoreImportInfo *info, char *err, size_t err_cap);

/* Drops the staged directory. Frees st; NULL is fine. */
void store_stage_abort(StoreStage *st);

/* Puts the mentors of <live>.bak back in place (counters are kept), and
 * keeps the current directory as the new backup. */
bool store_rollback(const char *live_path, char *err, size_t err_cap);

#endif
