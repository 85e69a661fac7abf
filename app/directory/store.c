/* store: SQLite behind a small API. This file is the only user of
 * sqlite3.h; see store.h for the contract. */
#include "directory/store.h"

#include "core/rank.h"
#include "core/text.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct Store {
    sqlite3 *db;
    char notice[400];
};

struct StoreStage {
    sqlite3 *db;
    sqlite3_stmt *insert;
    char live[1024];
    char path[1040];
};

/* Schema steps; migrations[i] takes a directory from version i to i+1. */
static const char *const migrations[STORE_SCHEMA_VERSION] = {
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE mentors("
    " id TEXT PRIMARY KEY, first_name TEXT NOT NULL, last_name TEXT NOT NULL,"
    " title TEXT NOT NULL, organization TEXT NOT NULL, field TEXT NOT NULL,"
    " grad_year INTEGER NOT NULL, major TEXT NOT NULL, location TEXT NOT NULL,"
    " remote INTEGER NOT NULL, contact_via TEXT NOT NULL, contact TEXT NOT NULL,"
    " topics TEXT NOT NULL, bio TEXT NOT NULL, languages TEXT NOT NULL,"
    " accepting INTEGER NOT NULL, monthly_cap INTEGER NOT NULL,"
    " last_verified TEXT NOT NULL);"
    "CREATE INDEX mentors_field ON mentors(field);"
    "CREATE VIRTUAL TABLE mentors_fts USING fts5(name, title, organization, field, major,"
    " topics, location, content='', tokenize='unicode61 remove_diacritics 2',"
    " prefix='1 2 3');"
    "CREATE TABLE referrals(mentor_id TEXT NOT NULL, day TEXT NOT NULL,"
    " count INTEGER NOT NULL, PRIMARY KEY(mentor_id, day)) WITHOUT ROWID;"
    "CREATE TABLE questions(id TEXT PRIMARY KEY, category TEXT NOT NULL,"
    " text TEXT NOT NULL, minutes INTEGER NOT NULL, tags TEXT NOT NULL,"
    " position INTEGER NOT NULL);"
    "CREATE TABLE stats(day TEXT NOT NULL, name TEXT NOT NULL, value INTEGER NOT NULL,"
    " PRIMARY KEY(day, name)) WITHOUT ROWID;",
};

static const char mentor_cols[] =
    "m.id, m.first_name, m.last_name, m.title, m.organization, m.field, m.grad_year,"
    " m.major, m.location, m.remote, m.contact_via, m.contact, m.topics, m.bio,"
    " m.languages, m.accepting, m.monthly_cap, m.last_verified";

static void set_err(char *err, size_t cap, const char *what, sqlite3 *db)
{
    snprintf(err, cap, "%s: %s", what, db ? sqlite3_errmsg(db) : "out of memory");
}

static int exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

/* Runs a query that yields one integer; returns dflt when there is none. */
static long query_int(sqlite3 *db, const char *sql, long dflt)
{
    sqlite3_stmt *st;
    long v = dflt;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return dflt;
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static long schema_version(sqlite3 *db)
{
    if (query_int(db, "SELECT count(*) FROM sqlite_master WHERE name='meta'", 0) == 0)
        return 0;
    return query_int(db, "SELECT CAST(value AS INTEGER) FROM meta WHERE key='schema_version'", 0);
}

/* Brings db up to STORE_SCHEMA_VERSION, one transaction per step. */
static bool migrate(sqlite3 *db, char *err, size_t cap)
{
    long v = schema_version(db);
    if (v > STORE_SCHEMA_VERSION) {
        snprintf(err, cap,
                 "this directory was made by a newer Career Kiosk (schema %ld; "
                 "this program knows up to %d)",
                 v, STORE_SCHEMA_VERSION);
        return false;
    }
    for (; v < STORE_SCHEMA_VERSION; v++) {
        char sql[96];
        snprintf(sql, sizeof sql,
                 "INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', '%ld')", v + 1);
        if (exec(db, "BEGIN") != SQLITE_OK || exec(db, migrations[v]) != SQLITE_OK ||
            exec(db, sql) != SQLITE_OK || exec(db, "COMMIT") != SQLITE_OK) {
            set_err(err, cap, "could not update the directory's schema", db);
            exec(db, "ROLLBACK");
            return false;
        }
    }
    return true;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

/* Runs PRAGMA quick_check; true when SQLite answers "ok". The answer
 * (or the error) goes to out for messages. */
static bool quick_check(sqlite3 *db, char *out, size_t cap)
{
    sqlite3_stmt *st;
    text_copy(out, cap, "");
    if (sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, NULL) != SQLITE_OK) {
        text_copy(out, cap, sqlite3_errmsg(db));
        return false;
    }
    if (sqlite3_step(st) == SQLITE_ROW)
        text_copy(out, cap, col_text(st, 0));
    else
        text_copy(out, cap, sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return strcmp(out, "ok") == 0;
}

static bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static sqlite3 *open_db(const char *path, int flags, char *err, size_t cap)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
        snprintf(err, cap, "cannot open %s: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 3000);
    return db;
}

static bool sync_path(const char *path);
static void dir_of(const char *path, char *out, size_t cap);
static bool meta_get(sqlite3 *db, const char *key, char *out, size_t cap);

/* Opens path read-write in WAL mode and checks it. *damaged is set when
 * the file is there but SQLite finds it broken. */
static sqlite3 *open_checked(const char *path, bool *damaged, char *err, size_t cap)
{
    char check[128];
    sqlite3 *db = open_db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err, cap);
    *damaged = false;
    if (!db)
        return NULL;
    int rc = exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL");
    if (rc != SQLITE_OK) {
        *damaged = rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT;
        snprintf(err, cap, "the directory file %s is damaged: %s", path, sqlite3_errmsg(db));
        if (!*damaged)
            set_err(err, cap, "cannot use the directory file", db);
    } else if (!quick_check(db, check, sizeof check)) {
        *damaged = true;
        snprintf(err, cap, "the directory file %s is damaged: %s", path, check);
    } else
        return db;
    sqlite3_close(db);
    return NULL;
}

/* Copies from to to, synced. */
static bool copy_file(const char *from, const char *to)
{
    char buf[65536];
    ssize_t n = 0;
    int in = open(from, O_RDONLY | O_CLOEXEC), out = -1;
    bool ok = in >= 0 && (out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)) >= 0;
    while (ok && (n = read(in, buf, sizeof buf)) > 0)
        ok = write(out, buf, (size_t)n) == n;
    ok = ok && n == 0 && fsync(out) == 0;
    if (out >= 0 && close(out) != 0)
        ok = false;
    if (in >= 0)
        close(in);
    return ok;
}

/* The live file is damaged: keeps it as <path>.damaged and puts a copy
 * of <path>.bak (the directory from before the last import) in its
 * place, when that one is sound. */
static bool restore_backup(Store *s, const char *path, char *err, size_t cap)
{
    char bak[1100], tmp[1100], kept[1100], side[1120], dir[1024], check[128], when[40] = "?";
    snprintf(bak, sizeof bak, "%s.bak", path);
    snprintf(tmp, sizeof tmp, "%s.restore", path);
    snprintf(kept, sizeof kept, "%s.damaged", path);
    sqlite3 *db = file_exists(bak) ? open_db(bak, SQLITE_OPEN_READONLY, check, sizeof check) : NULL;
    bool sound = db && quick_check(db, check, sizeof check);
    if (db)
        meta_get(db, "import_time", when, sizeof when);
    sqlite3_close(db);
    if (!sound) {
        size_t n = strlen(err);
        snprintf(err + n, cap - n, ", and there is no sound backup (%s) to put back; import the "
                                   "directory again with career-kiosk-admin import", bak);
        return false;
    }
    if (!copy_file(bak, tmp) || rename(path, kept) != 0 || rename(tmp, path) != 0) {
        snprintf(err, cap, "the directory file %s is damaged and putting %s back failed: %s",
                 path, bak, strerror(errno));
        unlink(tmp);
        return false;
    }
    for (int i = 0; i < 2; i++) { /* the damaged file's journal goes with it */
        char live_side[1100];
        snprintf(live_side, sizeof live_side, "%s%s", path, i ? "-shm" : "-wal");
        snprintf(side, sizeof side, "%s%s", kept, i ? "-shm" : "-wal");
        rename(live_side, side);
    }
    dir_of(path, dir, sizeof dir);
    sync_path(dir);
    const char *base = strrchr(kept, '/');
    snprintf(s->notice, sizeof s->notice,
             "The directory file was damaged. The copy from the import of %s was put back; "
             "import the latest export again. The damaged file is kept as %.120s.",
             when, base ? base + 1 : kept);
    return true;
}

Store *store_open(const char *path, char *err, size_t cap)
{
    char staging[1100];
    bool damaged;
    Store *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    snprintf(staging, sizeof staging, "%s.new", path);
    if (file_exists(staging) && unlink(staging) == 0)
        snprintf(s->notice, sizeof s->notice,
                 "An import was interrupted before it finished; the directory is the one "
                 "from before it.");
    s->db = open_checked(path, &damaged, err, cap);
    if (!s->db && damaged && restore_backup(s, path, err, cap))
        s->db = open_checked(path, &damaged, err, cap);
    if (!s->db || !migrate(s->db, err, cap))
        goto fail;
    return s;
fail:
    store_close(s);
    return NULL;
}

void store_close(Store *s)
{
    if (!s)
        return;
    sqlite3_close(s->db);
    free(s);
}

const char *store_notice(const Store *s)
{
    return s->notice;
}

int store_mentor_count(Store *s)
{
    return (int)query_int(s->db, "SELECT count(*) FROM mentors", 0);
}

/* Reads mentor_cols starting at column `at` of st into m. */
static void read_mentor(sqlite3_stmt *st, int at, Mentor *m)
{
    memset(m, 0, sizeof *m);
    text_copy(m->id, sizeof m->id, col_text(st, at + 0));
    text_copy(m->first_name, sizeof m->first_name, col_text(st, at + 1));
    text_copy(m->last_name, sizeof m->last_name, col_text(st, at + 2));
    text_copy(m->title, sizeof m->title, col_text(st, at + 3));
    text_copy(m->organization, sizeof m->organization, col_text(st, at + 4));
    text_copy(m->field, sizeof m->field, col_text(st, at + 5));
    m->grad_year = sqlite3_column_int(st, at + 6);
    text_copy(m->major, sizeof m->major, col_text(st, at + 7));
    text_copy(m->location, sizeof m->location, col_text(st, at + 8));
    m->remote = sqlite3_column_int(st, at + 9) != 0;
    if (!mentor_via_parse(col_text(st, at + 10), &m->via))
        m->via = VIA_OFFICE; /* unknown channel: never show a contact */
    text_copy(m->contact, sizeof m->contact, m->via == VIA_OFFICE ? "" : col_text(st, at + 11));
    text_copy(m->topics, sizeof m->topics, col_text(st, at + 12));
    text_copy(m->bio, sizeof m->bio, col_text(st, at + 13));
    text_copy(m->languages, sizeof m->languages, col_text(st, at + 14));
    m->accepting = sqlite3_column_int(st, at + 15) != 0;
    m->monthly_cap = sqlite3_column_int(st, at + 16);
    text_copy(m->last_verified, sizeof m->last_verified, col_text(st, at + 17));
}

bool store_mentor_get(Store *s, const char *id, Mentor *out)
{
    char sql[512];
    sqlite3_stmt *st;
    bool found = false;
    snprintf(sql, sizeof sql, "SELECT %s FROM mentors m WHERE m.id = ?1", mentor_cols);
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        read_mentor(st, 0, out);
        found = true;
    }
    sqlite3_finalize(st);
    return found;
}

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
    sqlite3_int64 top = query_int(s->db, "SELECT max(rowid) FROM mentors", 0);
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
        read_mentor(st, 0, &h->mentor);
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
             mentor_cols, recent, month);
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
        fn(ctx, col_text(st, 0), sqlite3_column_int(st, 1));
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
        text_copy(list, sizeof list, col_text(st, 0));
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
        fn(ctx, col_text(st, 0), col_text(st, 1), sqlite3_column_int(st, 2));
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
        fn(ctx, col_text(st, 0), col_text(st, 1), (long)sqlite3_column_int64(st, 2));
        n++;
    }
    sqlite3_finalize(st);
    return n;
}

static bool meta_get(sqlite3 *db, const char *key, char *out, size_t cap)
{
    sqlite3_stmt *st;
    bool found = false;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?1", -1, &st, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        text_copy(out, cap, col_text(st, 0));
        found = true;
    }
    sqlite3_finalize(st);
    return found;
}

static bool meta_set(sqlite3 *db, const char *key, const char *value)
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
    return meta_get(s->db, key, out, cap);
}

bool store_meta_set(Store *s, const char *key, const char *value)
{
    return meta_set(s->db, key, value);
}

int store_questions_load(Store *s, Question *out, int cap)
{
    sqlite3_stmt *st;
    int n = 0;
    char why[160];
    if (sqlite3_prepare_v2(s->db,
                           "SELECT id, category, CAST(minutes AS TEXT), tags, text FROM questions"
                           " ORDER BY position",
                           -1, &st, NULL) != SQLITE_OK)
        return 0;
    while (n < cap && sqlite3_step(st) == SQLITE_ROW)
        if (question_from_fields(col_text(st, 0), col_text(st, 1), col_text(st, 2), col_text(st, 3),
                                 col_text(st, 4), &out[n], why, sizeof why))
            n++;
    sqlite3_finalize(st);
    return n;
}

/* Writes the bank into db inside the caller's transaction. */
static bool questions_write(sqlite3 *db, const Question *q, int n)
{
    sqlite3_stmt *st;
    char tags[96];
    bool ok = exec(db, "DELETE FROM questions") == SQLITE_OK;
    if (!ok || sqlite3_prepare_v2(db,
                                  "INSERT INTO questions(id, category, text, minutes, tags,"
                                  " position) VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
                                  -1, &st, NULL) != SQLITE_OK)
        return false;
    for (int i = 0; ok && i < n; i++) {
        question_tags_format(q[i].tags, tags, sizeof tags);
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, q[i].id, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, question_category_name(q[i].category), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, q[i].text, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 4, q[i].minutes);
        sqlite3_bind_text(st, 5, tags, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 6, i);
        ok = sqlite3_step(st) == SQLITE_DONE;
    }
    sqlite3_finalize(st);
    return ok;
}

bool store_questions_replace(Store *s, const Question *q, int n, char *err, size_t cap)
{
    if (exec(s->db, "BEGIN") != SQLITE_OK || !questions_write(s->db, q, n) ||
        exec(s->db, "COMMIT") != SQLITE_OK) {
        set_err(err, cap, "could not save the question bank", s->db);
        exec(s->db, "ROLLBACK");
        return false;
    }
    return true;
}

/* --- staged imports --- */

/* fsyncs a file or directory by path. */
static bool sync_path(const char *path)
{
    int fd = open(path, O_RDONLY);
    bool ok;
    if (fd < 0)
        return false;
    ok = fsync(fd) == 0;
    close(fd);
    return ok;
}

static void dir_of(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(out, cap, ".");
    else if (slash == path)
        snprintf(out, cap, "/");
    else
        snprintf(out, cap, "%.*s", (int)(slash - path), path);
}

StoreStage *store_stage_begin(const char *live, char *err, size_t cap)
{
    StoreStage *st = calloc(1, sizeof *st);
    if (!st) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    if (snprintf(st->live, sizeof st->live, "%s", live) >= (int)sizeof st->live) {
        snprintf(err, cap, "the directory path is too long");
        goto fail;
    }
    snprintf(st->path, sizeof st->path, "%s.new", live);
    unlink(st->path); /* a leftover from an interrupted import */
    st->db = open_db(st->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err, cap);
    if (!st->db)
        goto fail;
    /* a new file nobody reads yet: no journal until it is finished */
    if (exec(st->db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                     "PRAGMA cache_size=-32768") != SQLITE_OK ||
        !migrate(st->db, err, cap) || exec(st->db, "BEGIN") != SQLITE_OK) {
        if (!*err)
            set_err(err, cap, "could not start the new directory", st->db);
        goto fail;
    }
    if (sqlite3_prepare_v2(st->db,
                           "INSERT INTO mentors VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                           " ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
                           -1, &st->insert, NULL) != SQLITE_OK) {
        set_err(err, cap, "could not prepare the import", st->db);
        goto fail;
    }
    return st;
fail:
    store_stage_abort(st);
    return NULL;
}

bool store_stage_add(StoreStage *st, const Mentor *m, char *err, size_t cap)
{
    sqlite3_stmt *q = st->insert;
    const char *text[] = {m->id, m->first_name, m->last_name, m->title, m->organization, m->field};
    sqlite3_reset(q);
    for (int i = 0; i < 6; i++)
        sqlite3_bind_text(q, i + 1, text[i], -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 7, m->grad_year);
    sqlite3_bind_text(q, 8, m->major, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 9, m->location, -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 10, m->remote);
    sqlite3_bind_text(q, 11, mentor_via_name(m->via), -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 12, m->contact, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 13, m->topics, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 14, m->bio, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 15, m->languages, -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 16, m->accepting);
    sqlite3_bind_int(q, 17, m->monthly_cap);
    sqlite3_bind_text(q, 18, m->last_verified, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_DONE)
        return true;
    if (sqlite3_extended_errcode(st->db) == SQLITE_CONSTRAINT_PRIMARYKEY)
        snprintf(err, cap, "ID \"%s\" appears more than once", m->id);
    else
        set_err(err, cap, "could not add the mentor", st->db);
    return false;
}

/* Copies counters, questions and lasting metadata from the live file. */
static bool carry_over(sqlite3 *db, const char *live, bool mentors_too, const char *from, char *err,
                       size_t cap)
{
    sqlite3_stmt *st;
    bool ok;
    if (sqlite3_prepare_v2(db, "ATTACH ?1 AS old", -1, &st, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_bind_text(st, 1, live, -1, SQLITE_STATIC);
    ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_finalize(st);
    if (!ok)
        goto fail;
    ok = exec(db, "INSERT INTO referrals SELECT * FROM old.referrals;"
                  "INSERT INTO stats SELECT * FROM old.stats;"
                  "INSERT INTO questions SELECT * FROM old.questions;"
                  "INSERT OR IGNORE INTO meta SELECT * FROM old.meta"
                  " WHERE key LIKE 'keep.%'") == SQLITE_OK;
    exec(db, "DETACH old");
    if (ok && mentors_too) {
        if (sqlite3_prepare_v2(db, "ATTACH ?1 AS bak", -1, &st, NULL) != SQLITE_OK)
            goto fail;
        sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
        ok = sqlite3_step(st) == SQLITE_DONE;
        sqlite3_finalize(st);
        ok = ok && exec(db, "INSERT INTO mentors SELECT * FROM bak.mentors") == SQLITE_OK;
        exec(db, "DETACH bak");
    }
    if (ok)
        return true;
fail:
    set_err(err, cap, "could not read the current directory", db);
    return false;
}

/* Fills the FTS index, records meta and checks the result. */
static bool finish(sqlite3 *db, const StoreImportInfo *info, char *err, size_t cap)
{
    char n[32];
    if (exec(db, "INSERT INTO mentors_fts(rowid, name, title, organization, field, major,"
                 " topics, location) SELECT rowid, first_name || ' ' || last_name, title,"
                 " organization, field, major, topics, location FROM mentors") != SQLITE_OK) {
        set_err(err, cap, "could not build the search index", db);
        return false;
    }
    meta_set(db, "import_source", info->source ? info->source : "");
    meta_set(db, "import_encoding", info->encoding ? info->encoding : "");
    meta_set(db, "import_time", info->when ? info->when : "");
    snprintf(n, sizeof n, "%d", info->rows_accepted);
    meta_set(db, "import_accepted", n);
    snprintf(n, sizeof n, "%d", info->rows_rejected);
    meta_set(db, "import_rejected", n);
    if (info->signed_at > 0) {
        snprintf(n, sizeof n, "%lld", info->signed_at);
        meta_set(db, "keep.bundle_signed_at", n);
        meta_set(db, "keep.bundle_signed_by", info->signed_by ? info->signed_by : "");
    }
    if (info->questions && !questions_write(db, info->questions, info->nquestions)) {
        set_err(err, cap, "could not write the new question bank", db);
        return false;
    }
    if (exec(db, "COMMIT") != SQLITE_OK) {
        set_err(err, cap, "could not write the new directory", db);
        return false;
    }
    /* the file is sound, and holds every mentor accepted (a rollback
     * copies them all, so it reports no count to compare) */
    char check[128];
    bool sound = quick_check(db, check, sizeof check);
    long rows = query_int(db, "SELECT count(*) FROM mentors", -1);
    long indexed = query_int(db, "SELECT count(*) FROM mentors_fts", -2);
    if (!sound || rows != indexed || (info->rows_accepted > 0 && rows != info->rows_accepted)) {
        snprintf(err, cap, "the new directory failed its check (%s; %ld rows, %ld indexed)", check,
                 rows, indexed);
        return false;
    }
    return exec(db, "PRAGMA journal_mode=WAL") == SQLITE_OK;
}

/* Flushes the live file's WAL into it and makes sure nobody else has it
 * open: renaming over a file that another process is writing through
 * a WAL would mix the two. */
static bool quiesce_live(const char *live, char *err, size_t cap)
{
    char wal[1100];
    sqlite3 *db;
    if (!file_exists(live))
        return true;
    db = open_db(live, SQLITE_OPEN_READWRITE, err, cap);
    if (!db)
        return false;
    exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    sqlite3_close(db);
    snprintf(wal, sizeof wal, "%s-wal", live);
    if (file_exists(wal)) {
        snprintf(err, cap,
                 "the directory is open in another program (is the kiosk running?); "
                 "import through the kiosk's staff screen or stop it first");
        return false;
    }
    return true;
}

/* Keeps the live file as .bak (a hard link, or a copy where links are
 * not possible), then renames the new file over the live one. */
static bool swap_in(const char *live, const char *fresh, char *err, size_t cap)
{
    char bak[1100], tmp[1100], dir[1024];
    snprintf(bak, sizeof bak, "%s.bak", live);
    snprintf(tmp, sizeof tmp, "%s.bak.tmp", live);
    dir_of(live, dir, sizeof dir);
    if (file_exists(live)) {
        unlink(tmp);
        if (link(live, tmp) != 0 || rename(tmp, bak) != 0) {
            snprintf(err, cap, "could not keep a backup of the directory: %s", strerror(errno));
            unlink(tmp);
            return false;
        }
    }
    if (rename(fresh, live) != 0) {
        snprintf(err, cap, "could not put the new directory in place: %s", strerror(errno));
        return false;
    }
    sync_path(dir);
    return true;
}

static bool stage_commit(StoreStage *st, const StoreImportInfo *info, const char *mentors_from,
                         char *err, size_t cap)
{
    bool ok = false;
    sqlite3_finalize(st->insert);
    st->insert = NULL;
    if (file_exists(st->live) &&
        !carry_over(st->db, st->live, mentors_from != NULL, mentors_from, err, cap))
        goto done;
    if (!finish(st->db, info, err, cap))
        goto done;
    if (sqlite3_close(st->db) != SQLITE_OK) {
        set_err(err, cap, "could not close the new directory", st->db);
        goto done;
    }
    st->db = NULL;
    if (!sync_path(st->path)) {
        snprintf(err, cap, "could not write the new directory to disk: %s", strerror(errno));
        goto done;
    }
    ok = quiesce_live(st->live, err, cap) && swap_in(st->live, st->path, err, cap);
done:
    store_stage_abort(st);
    return ok;
}

bool store_stage_commit(StoreStage *st, const StoreImportInfo *info, char *err, size_t cap)
{
    return stage_commit(st, info, NULL, err, cap);
}

void store_stage_abort(StoreStage *st)
{
    if (!st)
        return;
    sqlite3_finalize(st->insert);
    sqlite3_close(st->db);
    if (st->path[0])
        unlink(st->path);
    free(st);
}

bool store_rollback(const char *live, char *err, size_t cap)
{
    char bak[1100], source[300] = "", what[400];
    StoreImportInfo info = {0};
    sqlite3 *db;
    snprintf(bak, sizeof bak, "%s.bak", live);
    if (!file_exists(bak)) {
        snprintf(err, cap, "there is no earlier directory to go back to (%s is missing)", bak);
        return false;
    }
    db = open_db(bak, SQLITE_OPEN_READONLY, err, cap);
    if (!db)
        return false;
    meta_get(db, "import_source", source, sizeof source);
    char acc[32] = "0", enc[64] = "", when[40] = "";
    meta_get(db, "import_accepted", acc, sizeof acc);
    meta_get(db, "import_encoding", enc, sizeof enc);
    meta_get(db, "import_time", when, sizeof when);
    sqlite3_close(db);
    snprintf(what, sizeof what, "%s (restored)", source);
    info.source = what;
    info.encoding = enc;
    info.when = when;
    info.rows_accepted = atoi(acc);
    StoreStage *st = store_stage_begin(live, err, cap);
    if (!st)
        return false;
    return stage_commit(st, &info, bak, err, cap);
}
