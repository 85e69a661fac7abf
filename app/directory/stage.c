/* stage: staged imports (a new file built beside the live one, the
 * counters carried over, checked, synced and swapped in with the live
 * one kept as .bak), store_rollback, and the file helpers they need.
 * See stage.h for the contract. */
#include "directory/stage.h"

#include "directory/internal.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <malloc.h>
#include <time.h>
#include <unistd.h>

/* The live file and its two backups, as looked at once per import:
 * each read whole by SQLite's quick check, which on a large directory
 * costs as much as a fifth of the import, so it runs on a thread of its
 * own while the export is read (nothing else writes them: we hold the
 * import lock, and the kiosk's counters do not change whether a file
 * is sound). */
enum { LIVE, BAK, BAK2, KEPT };
static const char *const kept_suffix[KEPT] = {"", ".bak", ".bak2"};

struct StoreStage {
    sqlite3 *db;
    sqlite3_stmt *insert;
    char live[1024];
    char path[1040];
    int lock; /* the import lock, held from begin to commit or abort */
    pthread_t checker;
    bool checking;       /* the checker thread runs (join before reading state) */
    int state[KEPT];     /* STORE_FILE_* of live, .bak and .bak2 */
    bool exists[KEPT];
};

/* FTS5 keeps the words of new rows in memory and writes them out as a
 * segment each time they pass its hash size (1 MiB), merging segments as
 * they pile up: a whole directory indexed in one go is written in larger
 * segments with less merging at 8 MiB (100k mentors: the index built in
 * 1.0 s instead of 1.6). The memory goes when the import is done. */
static const char fts_build[] =
    "INSERT INTO mentors_fts(mentors_fts, rank) VALUES('hashsize', 8388608)";

static void *check_kept(void *arg)
{
    StoreStage *st = arg;
    for (int i = 0; i < KEPT; i++) {
        char path[1100], why[200];
        snprintf(path, sizeof path, "%s%s", st->live, kept_suffix[i]);
        st->exists[i] = store_file_exists(path);
        st->state[i] = st->exists[i] ? store_file_state(path, why, sizeof why) : STORE_FILE_BAD;
    }
    return NULL;
}

/* The state of the kept files: waits for the checker, or looks now. */
static void kept_checked(StoreStage *st)
{
    if (st->checking)
        pthread_join(st->checker, NULL);
    else
        check_kept(st);
    st->checking = false;
}

/* --- file helpers --- */

/* fsyncs a file or directory by path. */
bool store_sync_path(const char *path)
{
    int fd = open(path, O_RDONLY);
    bool ok;
    if (fd < 0)
        return false;
    ok = fsync(fd) == 0;
    close(fd);
    return ok;
}

void store_dir_of(const char *path, char *out, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(out, cap, ".");
    else if (slash == path)
        snprintf(out, cap, "/");
    else
        snprintf(out, cap, "%.*s", (int)(slash - path), path);
}

bool store_file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

StoreStage *store_stage_begin(const char *live, char *err, size_t cap)
{
    StoreStage *st = calloc(1, sizeof *st);
    if (!st) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    st->lock = -1;
    if (snprintf(st->live, sizeof st->live, "%s", live) >= (int)sizeof st->live) {
        snprintf(err, cap, "the directory path is too long");
        goto fail;
    }
    st->lock = store_import_lock(live, STORE_IMPORT_WAIT_MS, err, cap);
    if (st->lock < 0)
        goto fail;
    store_remove_leftovers(live, st->lock); /* ours to clear: we hold the lock */
    if (!store_staging_name(live, st->path, sizeof st->path)) {
        snprintf(err, cap, "cannot create the new directory beside %s: %s", live, strerror(errno));
        st->path[0] = '\0';
        goto fail;
    }
    /* one thread uses this connection (the checker opens its own): no
     * mutex taken on each of a hundred thousand rows' calls */
    st->db = db_open(st->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                     err, cap);
    if (!st->db)
        goto fail;
    /* without a thread the files are looked at when committing */
    st->checking = pthread_create(&st->checker, NULL, check_kept, st) == 0;
    /* a new file nobody reads yet: no journal until it is finished */
    if (db_exec(st->db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                        "PRAGMA cache_size=-32768") != SQLITE_OK ||
        !db_migrate(st->db, err, cap) || db_exec(st->db, fts_build) != SQLITE_OK ||
        db_exec(st->db, "BEGIN") != SQLITE_OK) {
        if (!*err)
            db_set_err(err, cap, "could not start the new directory", st->db);
        goto fail;
    }
    if (sqlite3_prepare_v2(st->db,
                           "INSERT INTO mentors VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                           " ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
                           -1, &st->insert, NULL) != SQLITE_OK) {
        db_set_err(err, cap, "could not prepare the import", st->db);
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
    sqlite3_bind_text(q, 19, m->affinities, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 20, m->name_latin, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_DONE)
        return true;
    if (sqlite3_extended_errcode(st->db) == SQLITE_CONSTRAINT_PRIMARYKEY)
        snprintf(err, cap, "ID \"%s\" appears more than once", m->id);
    else
        db_set_err(err, cap, "could not add the mentor", st->db);
    return false;
}

/* Copies counters, questions and lasting metadata from live (the live
 * file, or the backup standing in for a damaged one; NULL for none),
 * and with from, the mentors of that file too (a rollback). */
static bool carry_over(sqlite3 *db, const char *live, const char *from, char *err, size_t cap)
{
    sqlite3_stmt *st;
    bool ok = true, mentors_too = from != NULL;
    if (!live)
        goto mentors;
    if (sqlite3_prepare_v2(db, "ATTACH ?1 AS old", -1, &st, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_bind_text(st, 1, live, -1, SQLITE_STATIC);
    ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_finalize(st);
    if (!ok)
        goto fail;
    ok = db_exec(db, "INSERT INTO referrals SELECT * FROM old.referrals;"
                     "INSERT INTO stats SELECT * FROM old.stats;"
                     "INSERT INTO questions SELECT * FROM old.questions;"
                     "INSERT OR IGNORE INTO meta SELECT * FROM old.meta"
                     " WHERE key LIKE 'keep.%'") == SQLITE_OK;
    /* a live file from before the synonym table has none to carry */
    if (ok &&
        db_query_int(db, "SELECT count(*) FROM old.sqlite_master WHERE name = 'synonyms'", 0) > 0)
        ok = db_exec(db, "INSERT INTO synonyms SELECT * FROM old.synonyms") == SQLITE_OK;
    db_exec(db, "DETACH old");
mentors:
    if (ok && mentors_too) {
        if (sqlite3_prepare_v2(db, "ATTACH ?1 AS bak", -1, &st, NULL) != SQLITE_OK)
            goto fail;
        sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
        ok = sqlite3_step(st) == SQLITE_DONE;
        sqlite3_finalize(st);
        /* a backup from before the optional columns (affinities, then
         * name_latin) has none of them to bring: they are the last */
        static const char *const fill[] = {
            "INSERT INTO mentors SELECT * FROM bak.mentors",
            "INSERT INTO mentors SELECT *, '' FROM bak.mentors",
            "INSERT INTO mentors SELECT *, '', '' FROM bak.mentors",
        };
        long missing = ok ? db_query_int(db, "SELECT count(*) FROM pragma_table_info('mentors')", 0) -
                                db_query_int(db,
                                             "SELECT count(*) FROM pragma_table_info('mentors', 'bak')",
                                             0)
                          : 0;
        ok = ok && missing >= 0 && missing < (long)(sizeof fill / sizeof *fill) &&
             db_exec(db, fill[missing]) == SQLITE_OK;
        db_exec(db, "DETACH bak");
    }
    if (ok)
        return true;
fail:
    db_set_err(err, cap, "could not read the current directory", db);
    return false;
}

/* Fills the FTS index, records meta and checks the result. */
static bool finish(sqlite3 *db, const StoreImportInfo *info, char *err, size_t cap)
{
    char n[32];
    if (db_exec(db, db_fts_fill) != SQLITE_OK) {
        db_set_err(err, cap, "could not build the search index", db);
        return false;
    }
    db_meta_set(db, "import_source", info->source ? info->source : "");
    db_meta_set(db, "import_encoding", info->encoding ? info->encoding : "");
    db_meta_set(db, "import_time", info->when ? info->when : "");
    snprintf(n, sizeof n, "%d", info->rows_accepted);
    db_meta_set(db, "import_accepted", n);
    snprintf(n, sizeof n, "%d", info->rows_rejected);
    db_meta_set(db, "import_rejected", n);
    if (info->signed_at > 0) {
        snprintf(n, sizeof n, "%lld", info->signed_at);
        db_meta_set(db, "keep.bundle_signed_at", n);
        db_meta_set(db, "keep.bundle_signed_by", info->signed_by ? info->signed_by : "");
    }
    if (info->questions_signed_at > 0) {
        snprintf(n, sizeof n, "%lld", info->questions_signed_at);
        db_meta_set(db, "keep.questions_signed_at", n);
    }
    if (info->questions && !db_questions_write(db, info->questions, info->nquestions)) {
        db_set_err(err, cap, "could not write the new question bank", db);
        return false;
    }
    if (info->synonyms && !db_synonyms_write(db, info->synonyms, info->nsynonyms)) {
        db_set_err(err, cap, "could not write the new synonym table", db);
        return false;
    }
    if (db_exec(db, "COMMIT") != SQLITE_OK) {
        db_set_err(err, cap, "could not write the new directory", db);
        return false;
    }
    /* the file is sound, and holds every mentor accepted (a rollback
     * copies them all, so it reports no count to compare) */
    char check[128];
    bool sound = db_quick_check(db, check, sizeof check);
    long rows = db_query_int(db, "SELECT count(*) FROM mentors", -1);
    long indexed = db_query_int(db, "SELECT count(*) FROM mentors_fts", -2);
    if (!sound || rows != indexed || (info->rows_accepted > 0 && rows != info->rows_accepted)) {
        snprintf(err, cap, "the new directory failed its check (%s; %ld rows, %ld indexed)", check,
                 rows, indexed);
        return false;
    }
    return db_exec(db, "PRAGMA journal_mode=WAL") == SQLITE_OK;
}

/* Flushes the live file's WAL into it and makes sure nobody else has it
 * open: renaming over a file that another process is writing through
 * a WAL would mix the two. */
static bool quiesce_live(const char *live, bool rollback, char *err, size_t cap)
{
    char wal[1100];
    sqlite3 *db;
    if (!store_file_exists(live))
        return true;
    snprintf(wal, sizeof wal, "%s-wal", live);
    /* a reader (a `list`, a `stats`) has it open for a moment: wait it out */
    for (int tries = 0; tries < STORE_READER_WAIT_MS / 50; tries++) {
        db = db_open(live, SQLITE_OPEN_READWRITE, err, cap);
        if (!db)
            return false;
        db_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
        sqlite3_close(db);
        if (!store_file_exists(wal))
            return true;
        nanosleep(&(struct timespec){0, 50 * 1000 * 1000}, NULL);
    }
    if (rollback)
        snprintf(err, cap,
                 "the directory is open in another program (is the kiosk running?); put the "
                 "previous list back on the kiosk's staff screen (Staff, then Put back the "
                 "previous list), or stop the kiosk first (systemctl stop career-kiosk)");
    else
        snprintf(err, cap,
                 "the directory is open in another program (is the kiosk running?); "
                 "import through the kiosk's staff screen or stop it first");
    return false;
}

/* Moves a damaged or foreign live file aside as <live>.damaged, so the
 * new directory does not destroy what someone may still want to see. */
static void keep_aside(const char *live)
{
    char kept[1100];
    snprintf(kept, sizeof kept, "%s.damaged", live);
    rename(live, kept);
}

/* Keeps the live file as .bak (a hard link) and the backup before it
 * as .bak2, then renames the new file over the live one. Only a sound
 * directory with mentors becomes a backup: a damaged, foreign or empty
 * live file must never push the last good list out. */
static bool swap_in(const StoreStage *st, const char *fresh, char *err, size_t cap)
{
    char bak[1100], bak2[1100], tmp[1100], dir[1024];
    const char *live = st->live;
    snprintf(bak, sizeof bak, "%s.bak", live);
    snprintf(bak2, sizeof bak2, "%s.bak2", live);
    snprintf(tmp, sizeof tmp, "%s.bak.tmp", live);
    store_dir_of(live, dir, sizeof dir);
    if (st->state[LIVE] == STORE_FILE_GOOD) {
        if (st->state[BAK] == STORE_FILE_GOOD && rename(bak, bak2) != 0) {
            snprintf(err, cap, "could not keep the older backup of the directory: %s",
                     strerror(errno));
            return false;
        }
        unlink(tmp);
        if (link(live, tmp) != 0 || rename(tmp, bak) != 0) {
            snprintf(err, cap, "could not keep a backup of the directory: %s", strerror(errno));
            unlink(tmp);
            return false;
        }
    } else if (st->exists[LIVE] && st->state[LIVE] == STORE_FILE_BAD)
        keep_aside(live);
    if (rename(fresh, live) != 0) {
        snprintf(err, cap, "could not put the new directory in place: %s", strerror(errno));
        return false;
    }
    store_sync_path(dir);
    return true;
}

/* Where to carry counters and questions from: the live file when it is
 * sound, else the newest sound backup; NULL when there is none. */
static const char *carry_source(const StoreStage *st, char *out, size_t cap)
{
    for (int i = 0; i < KEPT; i++) {
        snprintf(out, cap, "%s%s", st->live, kept_suffix[i]);
        if (st->state[i] != STORE_FILE_BAD)
            return out;
    }
    return NULL;
}

static bool stage_commit(StoreStage *st, const StoreImportInfo *info, const char *mentors_from,
                         char *err, size_t cap)
{
    bool ok = false;
    sqlite3_finalize(st->insert);
    st->insert = NULL;
    char source[1100];
    kept_checked(st);
    const char *carry = carry_source(st, source, sizeof source);
    if ((carry || mentors_from) && !carry_over(st->db, carry, mentors_from, err, cap))
        goto done;
    if (!finish(st->db, info, err, cap))
        goto done;
    if (sqlite3_close(st->db) != SQLITE_OK) {
        db_set_err(err, cap, "could not close the new directory", st->db);
        goto done;
    }
    st->db = NULL;
    if (!store_sync_path(st->path)) {
        snprintf(err, cap, "could not write the new directory to disk: %s", strerror(errno));
        goto done;
    }
    ok = quiesce_live(st->live, mentors_from != NULL, err, cap) &&
         swap_in(st, st->path, err, cap);
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
    if (st->checking)
        pthread_join(st->checker, NULL);
    sqlite3_finalize(st->insert);
    sqlite3_close(st->db);
    if (st->path[0])
        unlink(st->path); /* our own name: after a commit it is already gone */
    store_import_unlock(st->lock);
    free(st);
    malloc_trim(0); /* the index's words held while building, back to the system */
}

bool store_backup_info(const char *live, StoreBackup *out, char *err, size_t cap)
{
    char bak[1100];
    memset(out, 0, sizeof *out);
    snprintf(bak, sizeof bak, "%s.bak", live);
    if (!store_file_exists(bak)) {
        snprintf(err, cap, "no earlier list is kept yet (one is kept at each import)");
        return false;
    }
    sqlite3 *db = db_open(bak, SQLITE_OPEN_READONLY, err, cap);
    if (!db)
        return false;
    out->mentors = (int)db_query_int(db, "SELECT count(*) FROM mentors", -1);
    db_meta_get(db, "import_time", out->when, sizeof out->when);
    db_meta_get(db, "import_source", out->source, sizeof out->source);
    sqlite3_close(db);
    if (out->mentors <= 0) {
        snprintf(err, cap, "the earlier list kept in %s cannot be read or holds no mentors", bak);
        return false;
    }
    return true;
}

bool store_rollback(const char *live, char *err, size_t cap)
{
    char bak[1100], source[300] = "", what[400];
    StoreImportInfo info = {0};
    sqlite3 *db;
    snprintf(bak, sizeof bak, "%s.bak", live);
    if (!store_file_exists(bak)) {
        snprintf(err, cap, "there is no earlier directory to go back to (%s is missing)", bak);
        return false;
    }
    char why[200];
    if (!store_file_usable(bak, true, why, sizeof why)) {
        snprintf(err, cap, "the earlier directory %s cannot be put back: %s", bak, why);
        return false;
    }
    db = db_open(bak, SQLITE_OPEN_READONLY, err, cap);
    if (!db)
        return false;
    db_meta_get(db, "import_source", source, sizeof source);
    char acc[32] = "0", enc[64] = "", when[40] = "";
    db_meta_get(db, "import_accepted", acc, sizeof acc);
    db_meta_get(db, "import_encoding", enc, sizeof enc);
    db_meta_get(db, "import_time", when, sizeof when);
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
