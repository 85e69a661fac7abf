/* internal: what the files of app/directory/ share, and nothing outside
 * that folder may include: the Store itself and the small SQLite and file
 * helpers the store, search, counts and stage files use. The one includer
 * of sqlite3.h: the directory's .c files get SQLite's API from here. */
#ifndef CK_DIRECTORY_INTERNAL_H
#define CK_DIRECTORY_INTERNAL_H

#include "core/date.h"
#include "core/mentor.h"
#include "core/question.h"
#include "core/synonym.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

/* What search.c knows of the index's words and the synonym table, read
 * at the first search (search.c). */
typedef struct Lexicon Lexicon;
void lexicon_free(Lexicon *lex);

struct Store {
    sqlite3 *db;
    char notice[400];
    Lexicon *lex;     /* NULL until a search needs it */
    int stale_months; /* details older than this rank after fresher equals */
    bool read_only; /* the disk is full or read-only: served as it is */
};

/* True when a mentor's details (last_verified, ISO) are older than the
 * store's stale age on today, or have no date. */
bool db_is_stale(const struct Store *s, const char *last_verified, Date today);

/* --- SQLite helpers (store.c) --- */

/* The mentor columns of `mentors m`, in the order db_read_mentor reads;
 * DB_MENTOR_NCOLS of them. */
enum { DB_MENTOR_NCOLS = 19 };
extern const char db_mentor_cols[];

/* Writes "what: <SQLite's message>" (or "out of memory" without a db). */
void db_set_err(char *err, size_t cap, const char *what, sqlite3 *db);

/* Runs sql without results; returns SQLite's code. */
int db_exec(sqlite3 *db, const char *sql);

/* Runs a query that yields one integer; returns dflt when there is none. */
long db_query_int(sqlite3 *db, const char *sql, long dflt);

/* Brings db up to STORE_SCHEMA_VERSION, one transaction per step. */
bool db_migrate(sqlite3 *db, char *err, size_t cap);

/* Column i of the current row as text; "" for NULL. */
const char *db_col_text(sqlite3_stmt *st, int i);

/* Runs PRAGMA quick_check; true when SQLite answers "ok". The answer
 * (or the error) goes to out for messages. */
bool db_quick_check(sqlite3 *db, char *out, size_t cap);

/* Whether db holds a Career Kiosk directory (meta with a schema version
 * and the mentors table); otherwise why says what the file holds. */
bool db_is_ours(sqlite3 *db, char *why, size_t cap);

/* Whether the file at path is a sound directory of ours (and, with
 * need_mentors, holds at least one mentor); otherwise why says what is
 * wrong ("it is empty (0 bytes)", "it is damaged: ..."). */
bool store_file_usable(const char *path, bool need_mentors, char *why, size_t cap);
/* The same in one look: STORE_FILE_BAD (why says), STORE_FILE_EMPTY (sound
 * and ours, no mentors) or STORE_FILE_GOOD. */
enum { STORE_FILE_BAD, STORE_FILE_EMPTY, STORE_FILE_GOOD };
int store_file_state(const char *path, char *why, size_t cap);

/* Opens path with flags and a busy timeout; NULL with the reason in err. */
sqlite3 *db_open(const char *path, int flags, char *err, size_t cap);

/* Reads db_mentor_cols starting at column `at` of st into m. */
void db_read_mentor(sqlite3_stmt *st, int at, Mentor *m);

/* Writes the bank into db inside the caller's transaction. */
bool db_questions_write(sqlite3 *db, const Question *q, int n);

/* Writes the synonym table into db inside the caller's transaction. */
bool db_synonyms_write(sqlite3 *db, const Synonym *y, int n);

/* Fills mentors_fts from mentors, every text folded (ck_fold, ck_name:
 * SQL functions db_open gives every connection). */
extern const char db_fts_fill[];

/* --- metadata on a raw handle (counts.c) --- */

bool db_meta_get(sqlite3 *db, const char *key, char *out, size_t cap);
bool db_meta_set(sqlite3 *db, const char *key, const char *value);

/* --- file helpers (stage.c) --- */

bool store_file_exists(const char *path);

/* fsyncs a file or directory by path. */
bool store_sync_path(const char *path);

/* The folder part of path ("." or "/" when there is none). */
void store_dir_of(const char *path, char *out, size_t cap);

/* --- the import lock (lock.c) --- */

/* Takes the exclusive import lock on <live>.lock, waiting up to wait_ms
 * for another import to finish. Returns the lock's descriptor, or -1
 * with the reason ("another import is running ...") in err. */
int store_import_lock(const char *live, int wait_ms, char *err, size_t cap);

/* Releases a lock from store_import_lock; -1 is fine. */
void store_import_unlock(int fd);

/* Makes an empty staging file beside live with a name no other run
 * uses (<live>.new-XXXXXX) and writes its path to out. */
bool store_staging_name(const char *live, char *out, size_t cap);

/* Removes staging files left beside live by interrupted imports: at
 * once when the caller holds the import lock (held_fd), otherwise only
 * when no import holds it. Returns how many were removed. */
int store_remove_leftovers(const char *live, int held_fd);

#endif
