/* counts: what the directory counts and records beside the mentors:
 * per-day referrals, per-day anonymous stats, and metadata. */
#ifndef CK_COUNTS_H
#define CK_COUNTS_H

#include "core/date.h"
#include "directory/store.h"

#include <stdbool.h>
#include <stddef.h>

/* Records that mentor_id was chosen for a prep sheet on day. */
bool store_referral_add(Store *s, const char *mentor_id, Date day);

/* Referrals of mentor_id from `from` to `to`, inclusive. */
int store_referral_count(Store *s, const char *mentor_id, Date from, Date to);

/* Calls fn for each (day, mentor id, count) from `from` on, by day. */
typedef void (*StoreReferralFn)(void *ctx, const char *day, const char *mentor_id, int count);
int store_referrals_each(Store *s, Date from, StoreReferralFn fn, void *ctx);

/* The counter of searches that found nobody is STATS_NOBODY followed by
 * the career area the synonym table gave the words, or by
 * STATS_NOT_RECOGNISED: never the words themselves. */
#define STATS_NOBODY "nobody_found:"
#define STATS_NOT_RECOGNISED "not recognised"

/* Adds n to the anonymous counter `name` for day. */
bool store_stat_add(Store *s, Date day, const char *name, int n);

/* Calls fn for each (day, name, value) from `from` on, by day. */
typedef void (*StoreStatFn)(void *ctx, const char *day, const char *name, long value);
int store_stats_each(Store *s, Date from, StoreStatFn fn, void *ctx);

/* Calls fn for each mentor whose details were last checked longer ago
 * than the stale age (see store_set_stale_months) on today, oldest
 * first. Returns how many, or -1. */
typedef void (*StoreStaleFn)(void *ctx, const Mentor *m);
int store_stale_each(Store *s, Date today, StoreStaleFn fn, void *ctx);

/* Metadata: import time, source, counts. Returns false when unset. */
bool store_meta_get(Store *s, const char *key, char *out, size_t cap);
bool store_meta_set(Store *s, const char *key, const char *value);

#endif
