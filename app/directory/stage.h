/* stage: staged imports. Imports never touch the live file: a StoreStage
 * builds a new file beside it, checks and syncs it, keeps the live one as
 * `<path>.bak` (and the backup before it as `<path>.bak2`), and renames
 * the new one over the live path in one step. Only a sound directory
 * with mentors becomes a backup: a damaged or foreign live file is kept
 * aside as `<path>.damaged`, an empty one is simply replaced.
 * store_rollback puts the backup's mentors back the same way. */
#ifndef CK_STAGE_H
#define CK_STAGE_H

#include "core/mentor.h"
#include "core/question.h"
#include "core/synonym.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct StoreStage StoreStage;

enum {
    STORE_IMPORT_WAIT_MS = 20000, /* a second import waits this long, then is refused */
    STORE_READER_WAIT_MS = 3000,  /* how long a reader may keep the live file open */
};

/* What an import records in meta. */
typedef struct {
    const char *source;   /* file name the rows came from */
    const char *encoding; /* as detected */
    int rows_accepted;
    int rows_rejected;
    const char *when; /* ISO time of the import */
    /* a signed staff bundle: kept across imports (keep.bundle_*) so an
     * older bundle can be refused later; 0 and NULL otherwise */
    long long signed_at;       /* the signature's timestamp */
    const char *signed_by;     /* who signed, as shown to staff */
    const Question *questions; /* a new question bank, or NULL to keep it */
    int nquestions;
    const Synonym *synonyms; /* a new synonym table, or NULL to keep it */
    int nsynonyms;
    long long questions_signed_at; /* its signature's timestamp (keep.questions_signed_at) */
} StoreImportInfo;

/* Starts building a new directory beside live_path, under a name of
 * its own, holding the import lock (<live>.lock) until commit or abort.
 * While another import holds it, waits up to STORE_IMPORT_WAIT_MS, then
 * fails with "another import is running ..." in err. */
StoreStage *store_stage_begin(const char *live_path, char *err, size_t err_cap);

/* Adds one mentor. Returns false with a reason (duplicate id) in err. */
bool store_stage_add(StoreStage *st, const Mentor *m, char *err, size_t err_cap);

/* Indexes, checks and syncs the new directory, carries referral counts,
 * stats, questions and metadata over from the live one (or, when that
 * is damaged, from the newest sound backup), keeps the live one as
 * <live>.bak (the old .bak as .bak2) and puts the new one in its place. Frees st. On
 * failure the live directory is untouched and err says why. */
bool store_stage_commit(StoreStage *st, const StoreImportInfo *info, char *err, size_t err_cap);

/* Drops the staged directory. Frees st; NULL is fine. */
void store_stage_abort(StoreStage *st);

/* What store_rollback would put back: the backup's mentors and where
 * they came from. */
typedef struct {
    int mentors;
    char when[40];    /* when that list was imported (ISO, as recorded), or "" */
    char source[300]; /* what it was imported from, as recorded, or "" */
} StoreBackup;

/* Looks at <live>.bak without changing anything (a light look, not the
 * whole check store_rollback makes). False with why in err when there
 * is none, or it cannot be read or holds no mentors. */
bool store_backup_info(const char *live_path, StoreBackup *out, char *err, size_t err_cap);

/* Puts the mentors of <live>.bak back in place (counters are kept), and
 * keeps the current directory as the new backup. */
bool store_rollback(const char *live_path, char *err, size_t err_cap);

#endif
