/* compare: see compare.h. The rows' IDs and names go into a temporary
 * table of this connection's own; two queries then find the IDs on one
 * side only. */
#include "directory/compare.h"

#include "core/text.h"
#include "directory/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct StoreCompare {
    sqlite3 *db;
    sqlite3_stmt *insert;
    bool failed; /* a row could not be noted: no comparison */
};

StoreCompare *store_compare_begin(const char *live)
{
    char err[300], why[200];
    if (!store_file_exists(live))
        return NULL;
    StoreCompare *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->db = db_open(live, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, err, sizeof err);
    if (!c->db || !db_is_ours(c->db, why, sizeof why) ||
        db_exec(c->db, "CREATE TEMP TABLE incoming(id TEXT PRIMARY KEY, first TEXT, last TEXT);"
                       "BEGIN") != SQLITE_OK ||
        sqlite3_prepare_v2(c->db, "INSERT OR IGNORE INTO temp.incoming VALUES(?1, ?2, ?3)", -1,
                           &c->insert, NULL) != SQLITE_OK) {
        store_compare_end(c, NULL);
        return NULL;
    }
    return c;
}

void store_compare_add(StoreCompare *c, const Mentor *m)
{
    if (!c || c->failed)
        return;
    sqlite3_reset(c->insert);
    sqlite3_bind_text(c->insert, 1, m->id, -1, SQLITE_STATIC);
    sqlite3_bind_text(c->insert, 2, m->first_name, -1, SQLITE_STATIC);
    sqlite3_bind_text(c->insert, 3, m->last_name, -1, SQLITE_STATIC);
    c->failed = sqlite3_step(c->insert) != SQLITE_DONE;
}

/* The count and the first names, by last name, of a side. */
static bool one_side(sqlite3 *db, const char *count_sql, const char *names_sql, int *count,
                     char names[][IMPORT_CHANGE_NAME], int *nlisted)
{
    sqlite3_stmt *st;
    *count = (int)db_query_int(db, count_sql, -1);
    *nlisted = 0;
    if (*count < 0 || sqlite3_prepare_v2(db, names_sql, -1, &st, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_int(st, 1, IMPORT_CHANGES_LISTED);
    while (*nlisted < IMPORT_CHANGES_LISTED && sqlite3_step(st) == SQLITE_ROW) {
        const char *first = db_col_text(st, 0), *last = db_col_text(st, 1);
        snprintf(names[*nlisted], IMPORT_CHANGE_NAME, "%s%s%s", first,
                 first[0] && last[0] ? " " : "", last);
        (*nlisted)++;
    }
    sqlite3_finalize(st);
    return true;
}

void store_compare_end(StoreCompare *c, ImportChanges *out)
{
    if (!c)
        return;
    sqlite3_finalize(c->insert);
    if (out && !c->failed) {
        ImportChanges ch = {0};
        ch.compared =
            one_side(c->db,
                     "SELECT count(*) FROM temp.incoming WHERE id NOT IN (SELECT id FROM "
                     "main.mentors)",
                     "SELECT first, last FROM temp.incoming WHERE id NOT IN (SELECT id FROM "
                     "main.mentors) ORDER BY last COLLATE NOCASE, first COLLATE NOCASE LIMIT ?1",
                     &ch.added, ch.added_name, &ch.nadded) &&
            one_side(c->db,
                     "SELECT count(*) FROM main.mentors WHERE id NOT IN (SELECT id FROM "
                     "temp.incoming)",
                     "SELECT first_name, last_name FROM main.mentors WHERE id NOT IN (SELECT id "
                     "FROM temp.incoming) ORDER BY last_name COLLATE NOCASE, first_name COLLATE "
                     "NOCASE LIMIT ?1",
                     &ch.removed, ch.removed_name, &ch.nremoved);
        if (ch.compared)
            *out = ch;
    }
    db_exec(c->db, "ROLLBACK");
    sqlite3_close(c->db);
    free(c);
}
