/* counts: per-day referrals, per-day anonymous stats and metadata
 * (db_meta_get/db_meta_set also serve the other directory files on a raw
 * handle). See counts.h for the contract. */
#include "directory/counts.h"

#include "core/text.h"
#include "directory/internal.h"

#include <stddef.h>
#include <stdio.h>

bool store_referral_add(Store *s, const char *mentor_id, Date day)
{
    char d[11];
    sqlite3_stmt *st;
    bool ok;
    date_iso(day, d, sizeof d);
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO referrals(mentor_id, day, count) VALUES(?1, ?2, 1)"
                           " ON CONFLICT(mentor_id, day) DO UPDATE SET count = count + 1",
                           -1, &st, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(st, 1, mentor_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, d, -1, SQLITE_STATIC);
    ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_finalize(st);
    return ok;
}

int store_referral_count(Store *s, const char *mentor_id, Date from, Date to)
{
    char a[11], b[11];
    sqlite3_stmt *st;
    int n = 0;
    date_iso(from, a, sizeof a);
    date_iso(to, b, sizeof b);
    if (sqlite3_prepare_v2(s->db,
                           "SELECT coalesce(sum(count), 0) FROM referrals WHERE mentor_id = ?1"
                           " AND day BETWEEN ?2 AND ?3",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, mentor_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, a, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, b, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

int store_referrals_each(Store *s, Date from, StoreReferralFn fn, void *ctx)
{
    char a[11];
    sqlite3_stmt *st;
    int n = 0;
    date_iso(from, a, sizeof a);
    if (sqlite3_prepare_v2(s->db,
                           "SELECT day, mentor_id, count FROM referrals WHERE day >= ?1"
                           " ORDER BY day, mentor_id",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
        fn(ctx, db_col_text(st, 0), db_col_text(st, 1), sqlite3_column_int(st, 2));
        n++;
    }
    sqlite3_finalize(st);
    return n;
}

bool store_stat_add(Store *s, Date day, const char *name, int n)
{
    char d[11];
    sqlite3_stmt *st;
    bool ok;
    date_iso(day, d, sizeof d);
    if (sqlite3_prepare_v2(s->db,
                           "INSERT INTO stats(day, name, value) VALUES(?1, ?2, ?3)"
                           " ON CONFLICT(day, name) DO UPDATE SET value = value + ?3",
                           -1, &st, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(st, 1, d, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, n);
    ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_finalize(st);
    return ok;
}

int store_stats_each(Store *s, Date from, StoreStatFn fn, void *ctx)
{
    char a[11];
    sqlite3_stmt *st;
    int n = 0;
    date_iso(from, a, sizeof a);
    if (sqlite3_prepare_v2(s->db,
                           "SELECT day, name, value FROM stats WHERE day >= ?1 ORDER BY day, name",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
        fn(ctx, db_col_text(st, 0), db_col_text(st, 1), (long)sqlite3_column_int64(st, 2));
        n++;
    }
    sqlite3_finalize(st);
    return n;
}

bool db_meta_get(sqlite3 *db, const char *key, char *out, size_t cap)
{
    sqlite3_stmt *st;
    bool found = false;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?1", -1, &st, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        text_copy(out, cap, db_col_text(st, 0));
        found = true;
    }
    sqlite3_finalize(st);
    return found;
}

bool db_meta_set(sqlite3 *db, const char *key, const char *value)
{
    sqlite3_stmt *st;
    bool ok;
    if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)", -1, &st,
                           NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
    ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_finalize(st);
    return ok;
}

bool store_meta_get(Store *s, const char *key, char *out, size_t cap)
{
    return db_meta_get(s->db, key, out, cap);
}

bool store_meta_set(Store *s, const char *key, const char *value)
{
    return db_meta_set(s->db, key, value);
}

int store_stale_each(Store *s, Date today, StoreStaleFn fn, void *ctx)
{
    char sql[512];
    sqlite3_stmt *st;
    int n = 0;
    snprintf(sql, sizeof sql, "SELECT %s FROM mentors m ORDER BY m.last_verified, m.id",
             db_mentor_cols);
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    while (sqlite3_step(st) == SQLITE_ROW) {
        Mentor m;
        db_read_mentor(st, 0, &m);
        if (!db_is_stale(s, m.last_verified, today))
            continue;
        fn(ctx, &m);
        n++;
    }
    sqlite3_finalize(st);
    return n;
}
