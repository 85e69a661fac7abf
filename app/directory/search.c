/* search: store_search (the FTS5 query from what a visitor typed, the
 * candidates tier by tier, ranking), store_fields and store_languages.
 * See search.h for the contract. */
#include "directory/search.h"

#include "core/rank.h"
#include "core/text.h"
#include "directory/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Turns what a visitor typed into an FTS5 query of quoted prefixes:
 * "José eng" -> "José"* "eng"*. Returns false when there is no word. */
static bool fts_query(const char *text, char *out, size_t cap)
{
    size_t o = 0;
    bool any = false;
    for (const char *p = text; *p;) {
        const unsigned char c = (unsigned char)*p;
        bool word = c >= 0x80 || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
        if (!word) {
            p++;
            continue;
        }
        size_t n = 0;
        while (p[n]) {
            unsigned char d = (unsigned char)p[n];
            if (!(d >= 0x80 || (d >= '0' && d <= '9') || ((d | 32) >= 'a' && (d | 32) <= 'z')))
                break;
            n++;
        }
        if (o + n + 5 >= cap)
            break;
        if (any)
            out[o++] = ' ';
        out[o++] = '"';
        memcpy(out + o, p, n);
        o += n;
        out[o++] = '"';
        out[o++] = '*';
        any = true;
        p += n;
    }
    out[o] = '\0';
    return any;
}

enum { SEARCH_CANDIDATES = 160 };

/* Binds the filter's parameters ?2..?8 and the month start ?11. */
static void bind_filter(sqlite3_stmt *st, const StoreFilter *f, Date today)
{
    char month[11];
    date_iso(date_month_start(today), month, sizeof month);
    sqlite3_bind_text(st, 11, month, -1, SQLITE_TRANSIENT);
    if (f->field && *f->field)
        sqlite3_bind_text(st, 2, f->field, -1, SQLITE_TRANSIENT);
    if (f->year_from)
        sqlite3_bind_int(st, 3, f->year_from);
    if (f->year_to)
        sqlite3_bind_int(st, 4, f->year_to);
    if (f->via >= 0 && f->via < VIA_COUNT)
        sqlite3_bind_text(st, 5, mentor_via_name((ContactVia)f->via), -1, SQLITE_STATIC);
    if (f->language && *f->language)
        sqlite3_bind_text(st, 6, f->language, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 7, f->remote_only);
    sqlite3_bind_int(st, 8, f->accepting_only);
}

static const char filter_sql[] =
    " (?2 IS NULL OR m.field = ?2) AND (?3 IS NULL OR m.grad_year >= ?3)"
    " AND (?4 IS NULL OR m.grad_year <= ?4) AND (?5 IS NULL OR m.contact_via = ?5)"
    " AND (?6 IS NULL OR instr(lower('; ' || m.languages || ';'), lower('; ' || ?6 || ';')))"
    " AND (?7 = 0 OR m.remote = 1) AND (?8 = 0 OR m.accepting = 1)"
    /* at the monthly cap: not a candidate at all, so capped mentors never
     * crowd out the ones a visitor can still be sent to */
    " AND (SELECT coalesce(sum(r.count), 0) FROM referrals r"
    "      WHERE r.mentor_id = m.id AND r.day >= ?11) < m.monthly_cap";

/* The candidates found so far, without repeats. */
typedef struct {
    sqlite3_int64 rowid[SEARCH_CANDIDATES];
    int n;
} Candidates;

static bool seen(const Candidates *c, sqlite3_int64 rowid)
{
    for (int i = 0; i < c->n; i++)
        if (c->rowid[i] == rowid)
            return true;
    return false;
}

/* Adds matches of `match` (NULL: every mentor) with rowid from `lo` up to
 * `hi` (exclusive; 0 = no end), in rowid order, until c is full. LIMIT
 * keeps this cheap however many mentors a short prefix matches. */
static bool collect(Store *s, const char *match, const StoreFilter *f, Date today, sqlite3_int64 lo,
                    sqlite3_int64 hi, Candidates *c)
{
    char sql[1400];
    sqlite3_stmt *st;
    if (match)
        snprintf(sql, sizeof sql,
                 "SELECT m.rowid FROM mentors_fts JOIN mentors m"
                 " ON m.rowid = mentors_fts.rowid WHERE mentors_fts MATCH ?1"
                 " AND mentors_fts.rowid >= ?9 AND (?10 = 0 OR mentors_fts.rowid < ?10) AND %s"
                 " LIMIT %d",
                 filter_sql, SEARCH_CANDIDATES);
    else
        snprintf(sql, sizeof sql,
                 "SELECT m.rowid FROM mentors m WHERE ?1 IS NULL AND m.rowid >= ?9"
                 " AND (?10 = 0 OR m.rowid < ?10) AND %s ORDER BY m.rowid LIMIT %d",
                 filter_sql, SEARCH_CANDIDATES);
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return false;
    if (match)
        sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
    bind_filter(st, f, today);
    sqlite3_bind_int64(st, 9, lo);
    sqlite3_bind_int64(st, 10, hi);
    while (c->n < SEARCH_CANDIDATES && sqlite3_step(st) == SQLITE_ROW) {
        sqlite3_int64 id = sqlite3_column_int64(st, 0);
        if (seen(c, id))
            continue;
        c->rowid[c->n++] = id;
    }
    sqlite3_finalize(st);
    return true;
}

/* Gathers candidates tier by tier: words in the name, then in the role,
 * then anywhere (see rank.h). Each tier is read from a place in the list
 * that moves every day, wrapping around, so which equals make the cut
 * rotates too. With no search text, everyone is one tier. */
static int candidates(Store *s, const char *match, const StoreFilter *f, Date today, Candidates *c)
{
    static const char *const scope[] = {"{name} : (%s)", "{name title organization field} : (%s)",
                                        "%s"};
    char q[700];
    sqlite3_int64 top = db_query_int(s->db, "SELECT max(rowid) FROM mentors", 0);
    sqlite3_int64 start =
        top > 0 ? 1 + (sqlite3_int64)(rank_turn("", date_to_days(today)) % (unsigned long)top) : 1;
    c->n = 0;
    for (int t = 0; t < (match ? 3 : 1) && c->n < SEARCH_CANDIDATES; t++) {
        if (match)
            snprintf(q, sizeof q, scope[t], match);
        if (!collect(s, match ? q : NULL, f, today, start, 0, c) ||
            (c->n < SEARCH_CANDIDATES && !collect(s, match ? q : NULL, f, today, 1, start, c)))
            return -1;
    }
    return c->n;
}

/* Fills a hit for rowid: the mentor and their referral counts. */
static bool load_hit(sqlite3_stmt *st, sqlite3_int64 rowid, StoreHit *h)
{
    bool ok = false;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, rowid);
    if (sqlite3_step(st) == SQLITE_ROW) {
        db_read_mentor(st, 0, &h->mentor);
        h->recent = sqlite3_column_int(st, 18);
        h->this_month = sqlite3_column_int(st, 19);
        ok = true;
    }
    return ok;
}

int store_search(Store *s, const char *text, const StoreFilter *f, Date today, StoreHit *hits,
                 int cap)
{
    char match[600], sql[900], recent[11], month[11];
    static const StoreFilter none = {NULL, 0, 0, -1, NULL, false, false};
    RankItem items[SEARCH_CANDIDATES];
    Candidates *c = malloc(sizeof *c);
    StoreHit *found = NULL;
    sqlite3_stmt *st = NULL;
    int n, k = 0;
    bool has_text = text && fts_query(text, match, sizeof match);
    if (!c)
        return -1;
    n = candidates(s, has_text ? match : NULL, f ? f : &none, today, c);
    if (n <= 0) {
        free(c);
        return n;
    }
    date_iso(date_add_days(today, -29), recent, sizeof recent);
    date_iso(date_month_start(today), month, sizeof month);
    snprintf(sql, sizeof sql,
             "SELECT %s, (SELECT coalesce(sum(count), 0) FROM referrals WHERE mentor_id = m.id"
             " AND day >= '%s'), (SELECT coalesce(sum(count), 0) FROM referrals"
             " WHERE mentor_id = m.id AND day >= '%s') FROM mentors m WHERE m.rowid = ?1",
             db_mentor_cols, recent, month);
    found = malloc((size_t)n * sizeof *found);
    if (!found || sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        goto fail;
    for (int i = 0; i < n; i++) {
        StoreHit *h = &found[k];
        if (!load_hit(st, c->rowid[i], h) || h->this_month >= h->mentor.monthly_cap)
            continue; /* at their monthly cap: left out until next month */
        char name[2 * MENTOR_NAME_MAX + 2];
        mentor_full_name(&h->mentor, name, sizeof name);
        h->tier = has_text ? rank_tier(text, name, h->mentor.title, h->mentor.organization,
                                       h->mentor.field)
                           : RANK_TIER_NAME;
        items[k] =
            (RankItem){(size_t)k, h->tier, h->recent, rank_turn(h->mentor.id, date_to_days(today))};
        k++;
    }
    rank_order(items, (size_t)k);
    n = k < cap ? k : cap;
    for (int i = 0; i < n; i++)
        hits[i] = found[items[i].index];
    sqlite3_finalize(st);
    free(found);
    free(c);
    return n;
fail:
    sqlite3_finalize(st);
    free(found);
    free(c);
    return -1;
}

int store_fields(Store *s, StoreFieldFn fn, void *ctx)
{
    sqlite3_stmt *st;
    int n = 0;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT field, count(*) FROM mentors GROUP BY field ORDER BY field", -1,
                           &st, NULL) != SQLITE_OK)
        return -1;
    while (sqlite3_step(st) == SQLITE_ROW) {
        fn(ctx, db_col_text(st, 0), sqlite3_column_int(st, 1));
        n++;
    }
    sqlite3_finalize(st);
    return n;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int store_languages(Store *s, StoreLanguageFn fn, void *ctx)
{
    enum { MAX = 64 };
    char *seen[MAX];
    int n = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT DISTINCT languages FROM mentors", -1, &st, NULL) !=
        SQLITE_OK)
        return -1;
    while (sqlite3_step(st) == SQLITE_ROW) {
        char list[MENTOR_TEXT_MAX + 1];
        text_copy(list, sizeof list, db_col_text(st, 0));
        for (char *tok = strtok(list, ";"); tok; tok = strtok(NULL, ";")) {
            text_trim(tok);
            bool dup = !*tok;
            for (int i = 0; i < n && !dup; i++)
                dup = strcmp(seen[i], tok) == 0;
            if (!dup && n < MAX && (seen[n] = strdup(tok)))
                n++;
        }
    }
    sqlite3_finalize(st);
    qsort(seen, (size_t)n, sizeof *seen, cmp_str);
    for (int i = 0; i < n; i++) {
        fn(ctx, seen[i]);
        free(seen[i]);
    }
    return n;
}

void store_search_forget(Store *s)
{
    /* longer than any word a visitor can type (the query holds 63 bytes),
     * so it covers all of the buffer a visitor's word can have used */
    char match[160];
    size_t n = 0;
    match[n++] = '"';
    while (n < 129)
        match[n++] = 'q';
    match[n++] = '"';
    match[n] = '\0';
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT rowid FROM mentors_fts WHERE mentors_fts MATCH ?1", -1,
                           &st, NULL) != SQLITE_OK)
        return;
    sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW)
        ;
    sqlite3_finalize(st);
}
