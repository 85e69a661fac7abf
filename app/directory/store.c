/* store: opening and closing the directory (schema and migrations, the
 * quick check, putting the backup back in place of a damaged file, the
 * notice from opening), reading mentors and the question bank, and the
 * SQLite helpers the other directory files share (internal.h). See
 * store.h for the contract. */
#include "directory/store.h"

#include "core/text.h"
#include "directory/internal.h"
#include "directory/latin.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

/* The search index holds every text folded to the Latin letters a
 * visitor types (latin.h), the name also with the joined spelling of a
 * name word that folds to several ("王小明" -> "wang xiao ming
 * wangxiaoming"); what is searched is folded the same way (search.c).
 * Schema 2 and 3 indexed seven columns; schema 4 added the bio (what a
 * mentor wrote: "served in the Army", "taught English abroad") and the
 * word "remote" to the location of a mentor who meets remotely. */
#define FTS_CREATE_COLS(cols)                                                                      \
    "CREATE VIRTUAL TABLE mentors_fts USING fts5(" cols ", content='',"                            \
    " tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');"
#define FTS_COLS_V2 "name, title, organization, field, major, topics, location"
#define FTS_CREATE FTS_CREATE_COLS(FTS_COLS_V2 ", bio")
#define FTS_FILL_V2                                                                                \
    "INSERT INTO mentors_fts(rowid, " FTS_COLS_V2 ")"                                              \
    " SELECT rowid, ck_name(first_name || ' ' || last_name), ck_fold(title),"                      \
    " ck_fold(organization), ck_fold(field), ck_fold(major), ck_fold(topics),"                     \
    " ck_fold(location) FROM mentors"
/* the name with the mentor's own Latin spelling, when the export has it
 * (the only way to find ليلى as "Layla" or 高橋 as "Takahashi": Arabic and
 * Hebrew are written without most vowels, and kanji have no one reading),
 * and the whole name run together, as a visitor types a name of several
 * words or with a hyphen: "oconaill" for Ó Conaill, "jeanluc" */
#define FTS_FILL                                                                                   \
    "INSERT INTO mentors_fts(rowid, " FTS_COLS_V2 ", bio)"                                         \
    " SELECT rowid, ck_name(first_name || ' ' || last_name || ' ' || name_latin || ' ' ||"         \
    " replace(replace(last_name, ' ', ''), '-', '') || ' ' || replace(first_name, '-', '')),"     \
    " ck_fold(title),"                                                                             \
    " ck_fold(organization), ck_fold(field), ck_fold(major), ck_fold(topics),"                     \
    " ck_fold(location || CASE WHEN remote THEN ' remote' ELSE '' END), ck_fold(bio)"             \
    " FROM mentors"
const char db_fts_fill[] = FTS_FILL;

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
    /* 2: the synonym table, and the index rebuilt in Latin letters */
    "CREATE TABLE synonyms(term TEXT NOT NULL, means TEXT NOT NULL, field TEXT NOT NULL,"
    " position INTEGER NOT NULL);"
    "DROP TABLE mentors_fts;" FTS_CREATE_COLS(FTS_COLS_V2) FTS_FILL_V2 ";",
    /* 3: the backgrounds a mentor agreed to show (optional column) */
    "ALTER TABLE mentors ADD COLUMN affinities TEXT NOT NULL DEFAULT '';",
    /* 4: the name in Latin letters as the mentor spells it (optional),
     * and the index with the bio and "remote" */
    "ALTER TABLE mentors ADD COLUMN name_latin TEXT NOT NULL DEFAULT '';"
    "DROP TABLE mentors_fts;" FTS_CREATE FTS_FILL ";",
};

const char db_mentor_cols[] =
    "m.id, m.first_name, m.last_name, m.title, m.organization, m.field, m.grad_year,"
    " m.major, m.location, m.remote, m.contact_via, m.contact, m.topics, m.bio,"
    " m.languages, m.accepting, m.monthly_cap, m.last_verified, m.affinities, m.name_latin";

void db_set_err(char *err, size_t cap, const char *what, sqlite3 *db)
{
    snprintf(err, cap, "%s: %s", what, db ? sqlite3_errmsg(db) : "out of memory");
}

int db_exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

/* Runs a query that yields one integer; returns dflt when there is none. */
long db_query_int(sqlite3 *db, const char *sql, long dflt)
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
    if (db_query_int(db, "SELECT count(*) FROM sqlite_master WHERE name='meta'", 0) == 0)
        return 0;
    return db_query_int(db, "SELECT CAST(value AS INTEGER) FROM meta WHERE key='schema_version'",
                        0);
}

/* Brings db up to STORE_SCHEMA_VERSION, one transaction per step. */
bool db_migrate(sqlite3 *db, char *err, size_t cap)
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
        if (db_exec(db, "BEGIN") != SQLITE_OK || db_exec(db, migrations[v]) != SQLITE_OK ||
            db_exec(db, sql) != SQLITE_OK || db_exec(db, "COMMIT") != SQLITE_OK) {
            db_set_err(err, cap, "could not update the directory's schema", db);
            db_exec(db, "ROLLBACK");
            return false;
        }
    }
    return true;
}

const char *db_col_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

/* Runs PRAGMA quick_check; true when SQLite answers "ok". The answer
 * (or the error) goes to out for messages. */
bool db_quick_check(sqlite3 *db, char *out, size_t cap)
{
    sqlite3_stmt *st;
    text_copy(out, cap, "");
    if (sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, NULL) != SQLITE_OK) {
        text_copy(out, cap, sqlite3_errmsg(db));
        return false;
    }
    if (sqlite3_step(st) == SQLITE_ROW)
        text_copy(out, cap, db_col_text(st, 0));
    else
        text_copy(out, cap, sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return strcmp(out, "ok") == 0;
}

/* ck_fold(text): the text folded for the index (latin.h). Plain ASCII
 * without an apostrophe goes to the index as it is: the fold would only
 * lower its letters and join its spaces, which the tokenizer does too
 * (an apostrophe inside a word is joined by the fold, split by the
 * tokenizer). Most of an export is so, the bios above all. */
static void sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char out[4096];
    const unsigned char *in = sqlite3_value_text(argv[0]);
    int len = sqlite3_value_bytes(argv[0]);
    (void)argc;
    bool plain = in != NULL && len < (int)sizeof out;
    for (int i = 0; plain && i < len; i++)
        plain = in[i] < 0x80 && in[i] != '\'';
    if (plain) {
        sqlite3_result_value(ctx, argv[0]);
        return;
    }
    size_t n = latin_fold(in ? (const char *)in : "", out, sizeof out);
    sqlite3_result_text(ctx, out, (int)n, SQLITE_TRANSIENT);
}

/* ck_name(name): the name folded word by word, each word that folds to
 * several followed by them joined, as people write a Chinese given name
 * in Latin letters ("xiaoming"), and each word of another script also
 * in ICU's default spelling when it differs ("Мария": mariya maria). */
static void sql_name(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char out[1024], word[400], folded[400];
    const unsigned char *in = sqlite3_value_text(argv[0]);
    const char *p = in ? (const char *)in : "";
    size_t o = 0;
    (void)argc;
    while (*p) {
        size_t n = strcspn(p, " \t");
        if (n > 0 && n < sizeof word) {
            memcpy(word, p, n);
            word[n] = '\0';
            size_t f = latin_fold(word, folded, sizeof folded);
            bool several = strchr(folded, ' ') != NULL;
            char other[400];
            size_t v = latin_fold_variant(word, other, sizeof other);
            if (o + 2 * f + 3 < sizeof out) {
                if (o)
                    out[o++] = ' ';
                memcpy(out + o, folded, f);
                o += f;
                if (several) {
                    out[o++] = ' ';
                    for (size_t i = 0; i < f; i++)
                        if (folded[i] != ' ')
                            out[o++] = folded[i];
                }
                if (v && o + v + 2 < sizeof out) {
                    out[o++] = ' ';
                    memcpy(out + o, other, v);
                    o += v;
                }
            }
        }
        p += n;
        p += strspn(p, " \t");
    }
    sqlite3_result_text(ctx, out, (int)o, SQLITE_TRANSIENT);
}

sqlite3 *db_open(const char *path, int flags, char *err, size_t cap)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
        snprintf(err, cap, "cannot open %s: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 3000);
    int det = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    sqlite3_create_function(db, "ck_fold", 1, det, NULL, sql_fold, NULL, NULL);
    sqlite3_create_function(db, "ck_name", 1, det, NULL, sql_name, NULL, NULL);
    return db;
}

/* Whether db holds a Career Kiosk directory: a meta table with a schema
 * version, and the mentors table. Otherwise why says what it holds. */
bool db_is_ours(sqlite3 *db, char *why, size_t cap)
{
    sqlite3_stmt *st;
    char tables[160] = "";
    if (schema_version(db) > 0 &&
        db_query_int(db, "SELECT count(*) FROM sqlite_master WHERE name='mentors'", 0) == 1)
        return true;
    if (sqlite3_prepare_v2(db,
                           "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
                           " LIMIT 6",
                           -1, &st, NULL) == SQLITE_OK) {
        while (sqlite3_step(st) == SQLITE_ROW && strlen(tables) + 40 < sizeof tables)
            snprintf(tables + strlen(tables), sizeof tables - strlen(tables), "%s%.30s",
                     *tables ? ", " : "", db_col_text(st, 0));
        sqlite3_finalize(st);
    }
    snprintf(why, cap, "it is an SQLite file but not a Career Kiosk directory (%s%s)",
             *tables ? "its tables: " : "it has no tables", tables);
    return false;
}

int store_file_state(const char *path, char *why, size_t cap)
{
    struct stat st;
    char check[128];
    if (stat(path, &st) != 0) {
        snprintf(why, cap, "it is missing");
        return STORE_FILE_BAD;
    }
    if (!S_ISREG(st.st_mode) || st.st_size == 0) {
        snprintf(why, cap, S_ISREG(st.st_mode) ? "it is empty (0 bytes)" : "it is not a file");
        return STORE_FILE_BAD;
    }
    sqlite3 *db = db_open(path, SQLITE_OPEN_READWRITE, why, cap);
    if (!db)
        return STORE_FILE_BAD;
    int state = STORE_FILE_BAD;
    if (!db_quick_check(db, check, sizeof check))
        snprintf(why, cap, "it is damaged: %s", check);
    else if (db_is_ours(db, why, cap)) {
        state = db_query_int(db, "SELECT count(*) FROM mentors", 0) > 0 ? STORE_FILE_GOOD
                                                                          : STORE_FILE_EMPTY;
        if (state == STORE_FILE_EMPTY)
            snprintf(why, cap, "it holds no mentors");
    }
    sqlite3_close(db);
    return state;
}

bool store_file_usable(const char *path, bool need_mentors, char *why, size_t cap)
{
    int state = store_file_state(path, why, cap);
    return state == STORE_FILE_GOOD || (!need_mentors && state == STORE_FILE_EMPTY);
}

/* Opens path read-write in WAL mode and checks it. *damaged is set when
 * the file is there but SQLite finds it broken. */
static sqlite3 *open_checked(const char *path, bool *damaged, char *err, size_t cap)
{
    char check[128];
    sqlite3 *db = db_open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err, cap);
    *damaged = false;
    if (!db)
        return NULL;
    int rc = db_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL");
    if (rc != SQLITE_OK) {
        *damaged = rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT;
        snprintf(err, cap, "the directory file %s is damaged: %s", path, sqlite3_errmsg(db));
        if (!*damaged)
            db_set_err(err, cap, "cannot use the directory file", db);
    } else if (!db_quick_check(db, check, sizeof check)) {
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

/* Which backup was put back, as staff read it: "The copy from the import
 * of <when>", or, for one whose import left no time (the first
 * directory, made from the sample), when the copy was saved. */
static void backup_words(const char *bak, const char *generation, char *out, size_t cap)
{
    char when[40] = "", check[200];
    struct stat st;
    struct tm tm;
    sqlite3 *db = db_open(bak, SQLITE_OPEN_READONLY, check, sizeof check);
    if (db)
        db_meta_get(db, "import_time", when, sizeof when);
    sqlite3_close(db);
    if (when[0]) {
        snprintf(out, cap, "The copy from the import of %s", when);
        return;
    }
    if (stat(bak, &st) == 0 && localtime_r(&st.st_mtime, &tm) &&
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm) > 0)
        snprintf(out, cap, "The copy saved %s (%s)", when, generation);
    else
        snprintf(out, cap, "The copy kept %s", generation);
}

/* The words for a backup generation. */
static const char *generation_words(const char *bak, const char *path)
{
    return strcmp(bak + strlen(path), ".bak") == 0 ? "from before the last import"
                                                   : "from before the last two imports";
}

/* The live file is damaged (why): keeps it as <path>.damaged and puts
 * a copy of the newest sound backup (<path>.bak, else <path>.bak2: the
 * directories from before the last two imports) in its place. */
static bool restore_backup(Store *s, const char *path, const char *why, char *err, size_t cap)
{
    char bak[1100] = "", tmp[1100], kept[1100], side[1120], dir[1024], check[200], from[160];
    static const char *const generation[] = {".bak", ".bak2"};
    bool sound = false;
    for (int g = 0; g < 2 && !sound; g++) {
        snprintf(bak, sizeof bak, "%s%s", path, generation[g]);
        sound = store_file_usable(bak, true, check, sizeof check);
    }
    snprintf(tmp, sizeof tmp, "%s.restore", path);
    snprintf(kept, sizeof kept, "%s.damaged", path);
    if (!sound) {
        size_t n = strlen(err);
        snprintf(err + n, cap - n,
                 ", and there is no sound backup (%s.bak or %s.bak2) to put back; import the "
                 "directory again with career-kiosk-admin import",
                 path, path);
        return false;
    }
    backup_words(bak, generation_words(bak, path), from, sizeof from);
    if (!copy_file(bak, tmp) || rename(path, kept) != 0 || rename(tmp, path) != 0) {
        snprintf(err, cap, "the directory file %s is damaged and putting %s back failed: %s", path,
                 bak, strerror(errno));
        unlink(tmp);
        return false;
    }
    for (int i = 0; i < 2; i++) { /* the damaged file's journal goes with it */
        char live_side[1100];
        snprintf(live_side, sizeof live_side, "%s%s", path, i ? "-shm" : "-wal");
        snprintf(side, sizeof side, "%s%s", kept, i ? "-shm" : "-wal");
        rename(live_side, side);
    }
    store_dir_of(path, dir, sizeof dir);
    store_sync_path(dir);
    const char *base = strrchr(kept, '/');
    snprintf(s->notice, sizeof s->notice,
             "The directory file was damaged (%.80s). %.140s was put back; import the latest "
             "export again. The damaged file is kept as %.60s.",
             why, from, base ? base + 1 : kept);
    return true;
}

/* --- what the directory needs: its tables, and the search index --- */

/* The tables a directory of the current schema needs. The search index
 * is checked apart (index_damaged): it is rebuilt from the mentors. */
static const char *const needed_tables[] = {"meta",      "mentors", "referrals",
                                            "questions", "stats",   "synonyms"};

/* The search index's parts: FTS5's table and its own tables, and the
 * index on the field. */
static const char *const index_parts[] = {"mentors_fts",        "mentors_fts_data",
                                          "mentors_fts_idx",    "mentors_fts_docsize",
                                          "mentors_fts_config", "mentors_field"};

static bool has_object(sqlite3 *db, const char *name)
{
    sqlite3_stmt *st;
    bool found = false;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE name = ?1", -1, &st, NULL) !=
        SQLITE_OK)
        return false;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return found;
}

/* True (with why) when db, of the current schema, lacks a table it
 * needs: older schemas are made whole by their migrations. */
static bool tables_missing(sqlite3 *db, char *why, size_t cap)
{
    if (schema_version(db) != STORE_SCHEMA_VERSION)
        return false;
    for (size_t i = 0; i < sizeof needed_tables / sizeof *needed_tables; i++)
        if (!has_object(db, needed_tables[i])) {
            snprintf(why, cap, "its %s table is missing", needed_tables[i]);
            return true;
        }
    return false;
}

/* True (with why) when the search index is not whole: a part missing,
 * not one entry per mentor, or (thorough: it reads the whole index)
 * FTS5's own integrity check failing. */
static bool index_damaged(sqlite3 *db, bool thorough, char *why, size_t cap)
{
    for (size_t i = 0; i < sizeof index_parts / sizeof *index_parts; i++)
        if (!has_object(db, index_parts[i])) {
            snprintf(why, cap, "a part of it, %s, is missing", index_parts[i]);
            return true;
        }
    if (thorough &&
        db_exec(db, "INSERT INTO mentors_fts(mentors_fts) VALUES('integrity-check')") !=
            SQLITE_OK) {
        snprintf(why, cap, "FTS5's own check found it broken");
        return true;
    }
    long rows = db_query_int(db, "SELECT count(*) FROM mentors", -1);
    long indexed = db_query_int(db, "SELECT count(*) FROM mentors_fts", -2);
    if (rows != indexed) {
        snprintf(why, cap, "it held %ld entr%s for %ld mentor%s", indexed < 0 ? 0 : indexed,
                 indexed == 1 ? "y" : "ies", rows, rows == 1 ? "" : "s");
        return true;
    }
    return false;
}

/* Builds the search index again from the mentors table, in one
 * transaction. FTS5's table cannot be dropped while one of its own
 * tables is missing, so its schema entry (which holds no pages) goes
 * first, then whatever is left of its tables. */
static bool rebuild_index(sqlite3 *db, char *err, size_t cap)
{
    static const char drop[] =
        "PRAGMA writable_schema=ON;"
        "DELETE FROM sqlite_master WHERE type='table' AND name='mentors_fts' AND rootpage=0;"
        "PRAGMA writable_schema=RESET;";
    static const char rebuild[] = "DROP TABLE IF EXISTS mentors_fts_data;"
                                  "DROP TABLE IF EXISTS mentors_fts_idx;"
                                  "DROP TABLE IF EXISTS mentors_fts_content;"
                                  "DROP TABLE IF EXISTS mentors_fts_docsize;"
                                  "DROP TABLE IF EXISTS mentors_fts_config;" FTS_CREATE FTS_FILL
                                  ";CREATE INDEX IF NOT EXISTS mentors_field ON mentors(field);";
    if (db_exec(db, "BEGIN IMMEDIATE") != SQLITE_OK) {
        db_set_err(err, cap, "could not rebuild the search index", db);
        return false;
    }
    if (db_exec(db, "DROP TABLE IF EXISTS mentors_fts") != SQLITE_OK &&
        db_exec(db, drop) != SQLITE_OK) {
        db_set_err(err, cap, "could not remove the damaged search index", db);
        db_exec(db, "ROLLBACK");
        return false;
    }
    if (db_exec(db, rebuild) != SQLITE_OK || db_exec(db, "COMMIT") != SQLITE_OK) {
        db_set_err(err, cap, "could not rebuild the search index", db);
        db_exec(db, "ROLLBACK");
        return false;
    }
    return true;
}

/* A damaged search index (searches would find nobody) is rebuilt from
 * the mentors, and staff are told. A directory that cannot be written
 * keeps it as it is, and staff are told that instead. True when it was
 * damaged. */
static bool mend_index(Store *s, bool thorough)
{
    char why[200], err[300];
    if (!index_damaged(s->db, thorough, why, sizeof why))
        return false;
    size_t n = strlen(s->notice);
    long rows = db_query_int(s->db, "SELECT count(*) FROM mentors", 0);
    if (!s->read_only && rebuild_index(s->db, err, sizeof err))
        snprintf(s->notice + n, sizeof s->notice - n,
                 "%sThe directory's search index was damaged (%.120s); it was rebuilt from the "
                 "%ld mentor%s in the directory, so searches find them again.",
                 n ? " " : "", why, rows, rows == 1 ? "" : "s");
    else
        snprintf(s->notice + n, sizeof s->notice - n,
                 "%sThe directory's search index is damaged (%.120s) and could not be rebuilt "
                 "(%.100s): searches may miss mentors. Import the latest export again.",
                 n ? " " : "", why, s->read_only ? "the directory is read-only" : err);
    return true;
}

bool store_check_index(Store *s)
{
    return mend_index(s, true);
}

/* A file that was there before we opened it must be a directory of
 * ours: an empty file or someone else's SQLite file is damage, not an
 * empty directory. Returns the open handle, or NULL with *damaged and
 * the reason in why and err. */
static sqlite3 *open_existing(const char *path, bool existed, bool *damaged, char *why,
                              size_t why_cap, char *err, size_t cap)
{
    struct stat st;
    *damaged = false;
    if (existed && stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0) {
        *damaged = true;
        snprintf(why, why_cap, "it is empty (0 bytes)");
        snprintf(err, cap, "the directory file %s is damaged: %s", path, why);
        return NULL;
    }
    sqlite3 *db = open_checked(path, damaged, err, cap);
    if (!db) {
        const char *colon = strstr(err, "damaged: ");
        snprintf(why, why_cap, "%s", colon ? colon + 9 : err);
        return NULL;
    }
    if (existed && (!db_is_ours(db, why, why_cap) || tables_missing(db, why, why_cap))) {
        *damaged = true;
        snprintf(err, cap, "the directory file %s is damaged: %s", path, why);
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

/* path as an SQLite URI that opens it as an immutable file. */
static void immutable_uri(const char *path, char *out, size_t cap)
{
    size_t n = (size_t)snprintf(out, cap, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p && n + 4 < cap; p++)
        if (strchr("?#%", *p) || *p <= ' ' || *p >= 0x7F)
            n += (size_t)snprintf(out + n, cap - n, "%%%02X", *p);
        else
            out[n++] = (char)*p;
    snprintf(out + n, cap - n, "?immutable=1");
}

/* Whether db answers a read of the mentors and holds our schema. */
static bool readable(sqlite3 *db)
{
    char why[200];
    return db && db_query_int(db, "SELECT count(*) FROM mentors", -1) >= 0 &&
           db_is_ours(db, why, sizeof why);
}

/* The disk is full or read-only, so the directory cannot be opened for
 * writing (SQLite cannot even make its shared-memory index): it is
 * opened read-only, as an immutable file when need be, so the kiosk
 * serves the directory it has. NULL when even that fails. */
static sqlite3 *open_read_only(const char *path)
{
    char uri[2200], err[300];
    sqlite3 *db = db_open(path, SQLITE_OPEN_READONLY, err, sizeof err);
    if (readable(db))
        return db;
    sqlite3_close(db);
    immutable_uri(path, uri, sizeof uri);
    db = db_open(uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, err, sizeof err);
    if (readable(db))
        return db;
    sqlite3_close(db);
    return NULL;
}

/* Why the folder of path cannot be written: "the disk is full", ... */
static void unwritable_why(const char *path, const char *err, char *out, size_t cap)
{
    char dir[1024];
    struct statvfs vfs;
    store_dir_of(path, dir, sizeof dir);
    if (statvfs(dir, &vfs) == 0 && (vfs.f_flag & ST_RDONLY))
        snprintf(out, cap, "its file system is read-only");
    else if (statvfs(dir, &vfs) == 0 && vfs.f_bavail == 0)
        snprintf(out, cap, "the disk is full");
    else
        snprintf(out, cap, "it cannot be written (%.150s)", err);
}

static void read_only_notice(Store *s, const char *path, const char *err)
{
    char why[200];
    size_t n = strlen(s->notice);
    unwritable_why(path, err, why, sizeof why);
    snprintf(s->notice + n, sizeof s->notice - n,
             "%sThe directory is shown read-only because %s: visitors can search it, but "
             "referrals and stats are not counted and it cannot be updated. Free space on the "
             "kiosk's disk (or repair its file system), then restart the kiosk.",
             n ? " " : "", why);
    fprintf(stderr, "career-kiosk: the directory %s is open read-only: %s\n", path, why);
}

bool store_read_only(const Store *s)
{
    return s->read_only;
}

Store *store_open(const char *path, char *err, size_t cap)
{
    bool damaged;
    Store *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    s->stale_months = STORE_STALE_MONTHS;
    if (store_remove_leftovers(path, -1) > 0) /* only when no import is running */
        snprintf(s->notice, sizeof s->notice,
                 "An import was interrupted before it finished; the directory is the one "
                 "from before it.");
    char why[200];
    bool existed = store_file_exists(path);
    s->db = open_existing(path, existed, &damaged, why, sizeof why, err, cap);
    if (!s->db && damaged && restore_backup(s, path, why, err, cap))
        s->db = open_existing(path, true, &damaged, why, sizeof why, err, cap);
    if (!s->db && !damaged && existed && (s->db = open_read_only(path)) != NULL) {
        s->read_only = true;
        read_only_notice(s, path, err);
    } else if (s->db && sqlite3_db_readonly(s->db, "main") == 1) {
        s->read_only = true; /* SQLite fell back to reading only (a read-only disk) */
        read_only_notice(s, path, "the file cannot be written");
    }
    if (!s->db || !db_migrate(s->db, err, cap))
        goto fail;
    mend_index(s, false);
    return s;
fail:
    store_close(s);
    return NULL;
}

void store_close(Store *s)
{
    if (!s)
        return;
    lexicon_free(s->lex);
    sqlite3_close(s->db);
    free(s);
}

const char *store_notice(const Store *s)
{
    return s->notice;
}

int store_mentor_count(Store *s)
{
    return (int)db_query_int(s->db, "SELECT count(*) FROM mentors", 0);
}

/* Reads db_mentor_cols starting at column `at` of st into m. */
void db_read_mentor(sqlite3_stmt *st, int at, Mentor *m)
{
    memset(m, 0, sizeof *m);
    text_copy(m->id, sizeof m->id, db_col_text(st, at + 0));
    text_copy(m->first_name, sizeof m->first_name, db_col_text(st, at + 1));
    text_copy(m->last_name, sizeof m->last_name, db_col_text(st, at + 2));
    text_copy(m->title, sizeof m->title, db_col_text(st, at + 3));
    text_copy(m->organization, sizeof m->organization, db_col_text(st, at + 4));
    text_copy(m->field, sizeof m->field, db_col_text(st, at + 5));
    m->grad_year = sqlite3_column_int(st, at + 6);
    text_copy(m->major, sizeof m->major, db_col_text(st, at + 7));
    text_copy(m->location, sizeof m->location, db_col_text(st, at + 8));
    m->remote = sqlite3_column_int(st, at + 9) != 0;
    if (!mentor_via_parse(db_col_text(st, at + 10), &m->via))
        m->via = VIA_OFFICE; /* unknown channel: never show a contact */
    text_copy(m->contact, sizeof m->contact, m->via == VIA_OFFICE ? "" : db_col_text(st, at + 11));
    text_copy(m->topics, sizeof m->topics, db_col_text(st, at + 12));
    text_copy(m->bio, sizeof m->bio, db_col_text(st, at + 13));
    text_copy(m->languages, sizeof m->languages, db_col_text(st, at + 14));
    m->accepting = sqlite3_column_int(st, at + 15) != 0;
    m->monthly_cap = sqlite3_column_int(st, at + 16);
    text_copy(m->last_verified, sizeof m->last_verified, db_col_text(st, at + 17));
    text_copy(m->affinities, sizeof m->affinities, db_col_text(st, at + 18));
    text_copy(m->name_latin, sizeof m->name_latin, db_col_text(st, at + 19));
}

bool store_mentor_get(Store *s, const char *id, Mentor *out)
{
    char sql[512];
    sqlite3_stmt *st;
    bool found = false;
    snprintf(sql, sizeof sql, "SELECT %s FROM mentors m WHERE m.id = ?1", db_mentor_cols);
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        db_read_mentor(st, 0, out);
        found = true;
    }
    sqlite3_finalize(st);
    return found;
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
        if (question_from_fields(db_col_text(st, 0), db_col_text(st, 1), db_col_text(st, 2),
                                 db_col_text(st, 3), db_col_text(st, 4), &out[n], why, sizeof why))
            n++;
    sqlite3_finalize(st);
    return n;
}

/* Writes the bank into db inside the caller's transaction. */
bool db_questions_write(sqlite3 *db, const Question *q, int n)
{
    sqlite3_stmt *st;
    char tags[96];
    bool ok = db_exec(db, "DELETE FROM questions") == SQLITE_OK;
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
    if (db_exec(s->db, "BEGIN") != SQLITE_OK || !db_questions_write(s->db, q, n) ||
        db_exec(s->db, "COMMIT") != SQLITE_OK) {
        db_set_err(err, cap, "could not save the question bank", s->db);
        db_exec(s->db, "ROLLBACK");
        return false;
    }
    return true;
}

/* Writes the synonym table into db inside the caller's transaction. */
bool db_synonyms_write(sqlite3 *db, const Synonym *y, int n)
{
    sqlite3_stmt *st;
    bool ok = db_exec(db, "DELETE FROM synonyms") == SQLITE_OK;
    if (!ok || sqlite3_prepare_v2(db,
                                  "INSERT INTO synonyms(term, means, field, position)"
                                  " VALUES(?1, ?2, ?3, ?4)",
                                  -1, &st, NULL) != SQLITE_OK)
        return false;
    for (int i = 0; ok && i < n; i++) {
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, y[i].term, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, y[i].means, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, y[i].field, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 4, i);
        ok = sqlite3_step(st) == SQLITE_DONE;
    }
    sqlite3_finalize(st);
    return ok;
}

bool store_synonyms_replace(Store *s, const Synonym *y, int n, char *err, size_t cap)
{
    if (db_exec(s->db, "BEGIN") != SQLITE_OK || !db_synonyms_write(s->db, y, n) ||
        db_exec(s->db, "COMMIT") != SQLITE_OK) {
        db_set_err(err, cap, "could not save the synonym table", s->db);
        db_exec(s->db, "ROLLBACK");
        return false;
    }
    lexicon_free(s->lex); /* read again at the next search */
    s->lex = NULL;
    return true;
}

int store_synonym_count(Store *s)
{
    return (int)db_query_int(s->db, "SELECT count(*) FROM synonyms", 0);
}

void store_set_stale_months(Store *s, int months)
{
    s->stale_months = months > 0 ? months : STORE_STALE_MONTHS;
}

bool db_is_stale(const struct Store *s, const char *last_verified, Date today)
{
    Date d;
    if (!date_parse(last_verified, &d))
        return true; /* never checked */
    long months = (today.y - d.y) * 12L + (today.m - d.m) - (today.d < d.d ? 1 : 0);
    return months >= s->stale_months;
}
