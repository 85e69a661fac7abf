/* store: the mentor directory on disk, opened and closed. One SQLite file
 * in WAL mode holds mentors (with an FTS5 index), per-day referral
 * counts, the question bank, per-day anonymous stats and metadata. No
 * visitor data is ever stored. Only app/directory/ sees SQLite (through
 * its internal.h).
 *
 * This header opens the directory and reads mentors and the question
 * bank; searching is in search.h, referrals, stats and metadata in
 * counts.h, and staged imports in stage.h. */
#ifndef CK_STORE_H
#define CK_STORE_H

#include "core/mentor.h"
#include "core/question.h"
#include "core/synonym.h"

#include <stdbool.h>
#include <stddef.h>

enum { STORE_SCHEMA_VERSION = 4, STORE_ERR = 256, STORE_STALE_MONTHS = 18 };

typedef struct Store Store;

/* Opens the directory at path, creating an empty one (schema only) if the
 * file does not exist and migrating an older schema. Staging files left
 * by an interrupted import are removed when no import holds the import
 * lock (see stage.h and store_notice); a running import is never touched. Returns NULL
 * and a reason in err on failure. Free with store_close. */
Store *store_open(const char *path, char *err, size_t err_cap);

/* True when the directory could only be opened read-only (a full disk,
 * a read-only file system): it is served as it is, writes fail, and
 * store_notice tells staff why. */
bool store_read_only(const Store *s);

/* Closes the directory; NULL is fine. */
void store_close(Store *s);

/* The search index checked through (FTS5's integrity check reads all of
 * it, so store_open checks only that its parts are there and hold one
 * entry per mentor): a damaged index is rebuilt from the mentors table
 * and the notice says so. True when it was damaged (the notice grew). */
bool store_check_index(Store *s);

/* A one-line notice from opening (an interrupted import cleaned up), or
 * "" when there is none. Owned by the store. */
const char *store_notice(const Store *s);

/* Number of mentors. */
int store_mentor_count(Store *s);

/* Reads one mentor by id; false when there is none. */
bool store_mentor_get(Store *s, const char *id, Mentor *out);

/* Loads the question bank in bank order; returns the count (<= cap). */
int store_questions_load(Store *s, Question *out, int cap);

/* Replaces the question bank. */
bool store_questions_replace(Store *s, const Question *q, int n, char *err, size_t err_cap);

/* Replaces the synonym table (see core/synonym.h); searches use the new
 * one at once. */
bool store_synonyms_replace(Store *s, const Synonym *y, int n, char *err, size_t err_cap);

/* Sets how old (in months) a mentor's details may be before they rank
 * after fresher equals and are listed for staff (STORE_STALE_MONTHS
 * unless set; 0 or less puts that back). */
void store_set_stale_months(Store *s, int months);

/* Rows in the synonym table. */
int store_synonym_count(Store *s);

#endif
