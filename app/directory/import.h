/* import: reading a staff spreadsheet export (CSV) into the directory.
 *
 * Takes what Excel and CRMs write: UTF-8 with or without BOM,
 * Windows-1252, Mac Roman or UTF-16 (converted with iconv, and said so:
 * sniff.h); ',' ';' or tabs between fields; CRLF, LF or CR; quoted
 * fields; headings in any case with common aliases. A workbook or other
 * file renamed .csv is refused with what it is and how to export.
 * Cells are cleaned first (cells.h): invisible characters trimmed,
 * spreadsheet floats ("2009.0") undone; a control character, a number
 * rounded to scientific notation, or an invisible character inside an
 * ID or address rejects the row with that reason. Each bad row is
 * rejected with its file line, column and reason. The CSV replaces the
 * mentor list, atomically; the whole file is refused, and the directory
 * left as it was, when required columns are missing, there are no rows,
 * more than 20% of rows are rejected, or the file's shape is broken: a
 * quote never closed, or a quoted cell running into what looks like
 * other rows (csvcheck.h; the refusal names the line the quote opens). */
#ifndef CK_IMPORT_H
#define CK_IMPORT_H

#include "core/date.h"
#include "core/mentor.h"
#include "core/question.h"
#include "core/synonym.h"
#include "directory/store.h"

#include <stdbool.h>
#include <stddef.h>

enum {
    IMPORT_MAX_LISTED = 500, /* rejections kept in the report */
    IMPORT_MAX_COLUMNS = 256,
    IMPORT_MAX_FIELD = 65536,    /* bytes; longer fields are rejected */
    IMPORT_MAX_FILE = 256 << 20, /* bytes */
    IMPORT_REFUSE_PERCENT = 20,
};

typedef struct {
    unsigned long line; /* first line of the row in the file */
    char id[MENTOR_ID_MAX + 1];
    char column[48]; /* the column at fault, as labelled, or "" */
    char reason[240];
} ImportRejection;

enum {
    IMPORT_CHANGES_LISTED = 8,                    /* names listed on each side of ImportChanges */
    IMPORT_CHANGE_NAME = 2 * MENTOR_NAME_MAX + 2, /* "First Last" */
};

/* Who an import would add to the directory and take away from it (a
 * dry run with compare_path): counts, and the first few names of each
 * by last name. */
typedef struct {
    bool compared;        /* there was a directory to compare with */
    int added;            /* accepted rows whose ID the directory does not hold */
    int removed;          /* mentors in the directory whose ID no accepted row holds */
    int nadded, nremoved; /* names listed below */
    char added_name[IMPORT_CHANGES_LISTED][IMPORT_CHANGE_NAME];
    char removed_name[IMPORT_CHANGES_LISTED][IMPORT_CHANGE_NAME];
} ImportChanges;

typedef enum {
    IMPORT_DONE,    /* every row imported */
    IMPORT_PARTIAL, /* imported; some rows rejected */
    IMPORT_REFUSED, /* nothing changed */
} ImportOutcome;

typedef struct {
    ImportOutcome outcome;
    char refusal[512]; /* why, when refused */
    char encoding[64]; /* as detected */
    char ignored[512]; /* headings we do not use, comma-separated */
    int rows;          /* data rows read */
    int accepted;
    int rejected;
    ImportRejection *rejection; /* the first IMPORT_MAX_LISTED */
    int nlisted;
    bool validated_only;   /* true when no directory was changed by design */
    ImportChanges changes; /* with compare_path, once the rows are judged good enough */
} ImportReport;

typedef struct {
    const char *db_path;       /* directory to replace; NULL to validate only */
    const char *rejected_csv;  /* write rejected rows with reasons here, or NULL */
    const char *source_name;   /* recorded in the directory; default: the file name */
    int this_year;             /* upper bound for graduation years */
    const char *when;          /* ISO time recorded for the import */
    long long signed_at;       /* a signed bundle's timestamp, or 0 (see store.h) */
    const char *signed_by;     /* and its signer */
    const Question *questions; /* a question bank to put in with the mentors, or NULL */
    int nquestions;
    const Synonym *synonyms; /* a synonym table to put in with the mentors, or NULL */
    int nsynonyms;
    long long questions_signed_at; /* the bank's own signature timestamp, or 0 */
    const char *compare_path;      /* validating: the directory to compare the rows with, to say
                                      who comes and goes (report.changes); NULL for none */
} ImportOptions;

/* Imports (or, with db_path NULL, validates) the CSV file at path. Fills
 * rep, which the caller frees with import_report_free. Returns true
 * unless the import was refused. */
bool import_file(const char *path, const ImportOptions *opt, ImportReport *rep);

/* The same over bytes in memory; name is used in messages. */
bool import_buffer(const char *data, size_t len, const char *name, const ImportOptions *opt,
                   ImportReport *rep);

/* Frees what a report holds (not the report itself). */
void import_report_free(ImportReport *rep);

/* Reads a question bank CSV (id, category, minutes, tags, text) into
 * out[cap]. Returns the count, or -1 with "line N: reason" in err. */
int import_questions_file(const char *path, Question *out, int cap, char *err, size_t err_cap);

/* Reads a synonym table CSV (columns term, means and optionally field,
 * named on its first line, in any order) into out[cap]. Returns the
 * count, or -1 with "<name> line N, column C: reason" in err. */
int import_synonyms_file(const char *path, Synonym *out, int cap, char *err, size_t err_cap);

/* The same over bytes in memory; name is used in messages. */
int import_synonyms_buffer(const char *data, size_t len, const char *name, Synonym *out, int cap,
                           char *err, size_t err_cap);

/* Where first use finds its sample data. */
typedef struct {
    const char *mentors;   /* sample mentors CSV */
    const char *referrals; /* mentor_id,count: referrals already made this
                              month, so the sample shows capped mentors;
                              NULL for none */
    const char *questions; /* question bank CSV */
    const char *synonyms;  /* synonym table CSV; NULL or missing: none */
} ImportSeed;

/* First use: creates the directory at db_path (and its folder) from the
 * sample when it does not exist, and fills an empty question bank. */
bool import_seed(const char *db_path, const ImportSeed *seed, Date today, char *err,
                 size_t err_cap);

/* The same, leaving the directory open (with its notice from opening:
 * see store_notice). NULL with the reason. */
Store *import_seed_open(const char *db_path, const ImportSeed *seed, Date today, char *err,
                        size_t err_cap);

#endif
