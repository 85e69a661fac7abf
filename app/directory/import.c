/* import: spreadsheet exports into the directory, with a report. */
#include "directory/import.h"

#include "core/csv.h"
#include "core/text.h"
#include "directory/cells.h"
#include "directory/compare.h"
#include "directory/counts.h"
#include "directory/csvcheck.h"
#include "directory/sniff.h"
#include "directory/stage.h"
#include "directory/store.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* --- reading and decoding --- */

/* Reads a whole file into a malloc'd buffer; NULL with a reason. */
static char *read_all(const char *path, size_t *len, char *err, size_t cap)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    struct stat st;
    if (!f) {
        snprintf(err, cap, "cannot open %s: %s", path, strerror(errno));
        return NULL;
    }
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, cap, "%s is not a regular file", path);
        goto done;
    }
    if (st.st_size > IMPORT_MAX_FILE) {
        snprintf(err, cap, "%s is %lld MB; an export this large is not a mentor list", path,
                 (long long)st.st_size >> 20);
        goto done;
    }
    buf = malloc((size_t)st.st_size + 1);
    if (!buf) {
        snprintf(err, cap, "out of memory reading %s", path);
        goto done;
    }
    *len = fread(buf, 1, (size_t)st.st_size, f);
    if (ferror(f)) {
        snprintf(err, cap, "cannot read %s: %s", path, strerror(errno));
        free(buf);
        buf = NULL;
        goto done;
    }
    buf[*len] = '\0';
done:
    fclose(f);
    return buf;
}

/* --- the set of ids seen, with the line each was first seen on --- */

typedef struct {
    char **id;
    unsigned long *line;
    size_t cap, n;
} IdSet;

static size_t hash_id(const char *s)
{
    size_t h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

static bool idset_grow(IdSet *set)
{
    IdSet bigger = {0};
    bigger.cap = set->cap ? set->cap * 2 : 1024;
    bigger.id = calloc(bigger.cap, sizeof *bigger.id);
    bigger.line = calloc(bigger.cap, sizeof *bigger.line);
    if (!bigger.id || !bigger.line) {
        free(bigger.id);
        free(bigger.line);
        return false;
    }
    for (size_t i = 0; i < set->cap; i++) {
        if (!set->id[i])
            continue;
        size_t j = hash_id(set->id[i]) & (bigger.cap - 1);
        while (bigger.id[j])
            j = (j + 1) & (bigger.cap - 1);
        bigger.id[j] = set->id[i];
        bigger.line[j] = set->line[i];
    }
    bigger.n = set->n;
    free(set->id);
    free(set->line);
    *set = bigger;
    return true;
}

/* Adds id; returns 0 when new, the earlier line when seen before, and
 * (unsigned long)-1 when out of memory. */
static unsigned long idset_add(IdSet *set, const char *id, unsigned long line)
{
    if ((set->n + 1) * 2 > set->cap && !idset_grow(set))
        return (unsigned long)-1;
    size_t j = hash_id(id) & (set->cap - 1);
    for (; set->id[j]; j = (j + 1) & (set->cap - 1))
        if (strcmp(set->id[j], id) == 0)
            return set->line[j];
    set->id[j] = strdup(id);
    if (!set->id[j])
        return (unsigned long)-1;
    set->line[j] = line;
    set->n++;
    return 0;
}

static void idset_free(IdSet *set)
{
    for (size_t i = 0; i < set->cap; i++)
        free(set->id[i]);
    free(set->id);
    free(set->line);
}

/* --- one import run --- */

typedef struct {
    const ImportOptions *opt;
    ImportReport *rep;
    const char *name;
    CsvReader csv;
    CsvRow row;
    int col_of[MF_COUNT]; /* column index per field, -1 if absent */
    size_t ncols;
    char **heading; /* header cells, for the rejected CSV */
    IdSet ids;
    StoreStage *stage;
    StoreCompare *compare; /* validating with compare_path */
    FILE *rejected;
} Run;

static void refuse(Run *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void refuse(Run *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->rep->refusal, sizeof r->rep->refusal, fmt, ap);
    va_end(ap);
    r->rep->outcome = IMPORT_REFUSED;
}

/* Writes one row of cells to the rejected-rows CSV, with extra cells. */
static void write_csv_row(FILE *f, const char *const *cell, size_t n, const char *extra1,
                          const char *extra2)
{
    static char q[2 * IMPORT_MAX_FIELD + 3];
    for (size_t i = 0; i < n; i++) {
        if (csv_quote(cell[i] ? cell[i] : "", q, sizeof q) == 0 && cell[i] && *cell[i])
            fputs("\"(too long to copy)\"", f);
        else
            fputs(q, f);
        fputc(',', f);
    }
    csv_quote(extra1, q, sizeof q);
    fputs(q, f);
    fputc(',', f);
    csv_quote(extra2, q, sizeof q);
    fputs(q, f);
    fputs("\r\n", f);
}

static void reject(Run *r, const char *id, const char *column, const char *reason)
{
    ImportReport *rep = r->rep;
    rep->rejected++;
    if (rep->nlisted < IMPORT_MAX_LISTED) {
        ImportRejection *x = &rep->rejection[rep->nlisted++];
        x->line = r->row.line;
        text_copy(x->id, sizeof x->id, id ? id : "");
        text_copy(x->column, sizeof x->column, column ? column : "");
        text_copy(x->reason, sizeof x->reason, reason);
    }
    if (r->rejected) {
        char line[24];
        snprintf(line, sizeof line, "%lu", r->row.line);
        write_csv_row(r->rejected, r->row.field,
                      r->row.nfields < r->ncols ? r->row.nfields : r->ncols, line, reason);
    }
}

/* Maps the header's headings to fields; false (refused) if unusable. */
static bool read_header(Run *r)
{
    char dup[200] = "", missing[300] = "";
    size_t ign = 0;
    for (int f = 0; f < MF_COUNT; f++)
        r->col_of[f] = -1;
    if (!csv_next_row(&r->csv, &r->row)) {
        refuse(r, "%s is empty: there is no header row and no mentors", r->name);
        return false;
    }
    if (r->row.flags & CSV_ROW_TOO_MANY_FIELDS) {
        refuse(r,
               "%s line %lu has %zu columns; a mentor export has at most %d. Is this the "
               "right file?",
               r->name, r->row.line, r->row.nfields_all, IMPORT_MAX_COLUMNS);
        return false;
    }
    r->ncols = r->row.nfields;
    r->heading = calloc(r->ncols, sizeof *r->heading);
    if (!r->heading) {
        refuse(r, "out of memory");
        return false;
    }
    for (size_t c = 0; c < r->ncols; c++) {
        r->heading[c] = strdup(r->row.field[c]);
        int f = mentor_field_lookup(r->row.field[c]);
        char name[41], other[41]; /* a heading is shown escaped: one line, as it is */
        text_escape(r->row.field[c], name, sizeof name);
        if (f < 0) {
            if (*r->row.field[c] && ign + 40 < sizeof r->rep->ignored)
                ign +=
                    (size_t)snprintf(r->rep->ignored + ign, sizeof r->rep->ignored - ign, "%s%.30s",
                                     ign ? ", " : "", text_escape(r->row.field[c], name, 31));
        } else if (r->col_of[f] >= 0 && !*dup)
            snprintf(dup, sizeof dup, "columns %d (\"%s\") and %zu (\"%s\") both mean %s",
                     r->col_of[f] + 1, text_escape(r->row.field[r->col_of[f]], other, sizeof other),
                     c + 1, name, mentor_field_label((MentorField)f));
        else
            r->col_of[f] = (int)c;
    }
    if (*dup) {
        refuse(r, "%s line 1: %s; keep one of them", r->name, dup);
        return false;
    }
    for (int f = 0; f < MF_COUNT; f++)
        if (mentor_field_required((MentorField)f) && r->col_of[f] < 0)
            snprintf(missing + strlen(missing), sizeof missing - strlen(missing), "%s%s",
                     *missing ? ", " : "", mentor_field_label((MentorField)f));
    if (*missing) {
        refuse(r, "%s line %lu: required columns are missing: %s", r->name, r->row.line, missing);
        return false;
    }
    if (r->rejected)
        write_csv_row(r->rejected, (const char *const *)r->heading, r->ncols, "line", "reason");
    return true;
}

/* Problems the reader found in the row's shape; false if rejected. */
static bool check_row_shape(Run *r)
{
    char why[240];
    CsvRow *row = &r->row;
    if (row->flags & CSV_ROW_OPEN_QUOTE) {
        snprintf(why, sizeof why,
                 "a quote opened in this row is never closed, so lines %lu to "
                 "%lu (the end of the file) were read as one row",
                 row->line, row->end_line);
        reject(r, NULL, NULL, why);
        return false;
    }
    if (row->flags & CSV_ROW_NUL_BYTE) {
        reject(r, NULL, NULL, "the row contains a NUL byte, which a text export never has");
        return false;
    }
    if (row->flags & CSV_ROW_FIELD_TOO_LONG) {
        /* the field itself, or the row as a whole, ran out of room */
        size_t kept = row->long_field < row->nfields ? strlen(row->field[row->long_field]) : 0;
        if (kept >= IMPORT_MAX_FIELD)
            snprintf(why, sizeof why, "column %zu is longer than %d bytes", row->long_field + 1,
                     IMPORT_MAX_FIELD);
        else
            snprintf(why, sizeof why,
                     "the row is longer than %zu bytes in all (from column %zu on), more than "
                     "any mentor's row",
                     row->buf_cap - 1, row->long_field + 1);
        reject(r, NULL, row->long_field < r->ncols ? r->heading[row->long_field] : NULL, why);
        return false;
    }
    /* short by about as many fields as one cell holds separators: a quote
     * opened in that cell closed only at a later quote, and the cells
     * between ran into it (the columns after it would be misread, and
     * the reason given for the wrong one) */
    for (size_t c = 0; row->nfields < r->ncols && c < row->nfields; c++) {
        size_t seps = 0;
        for (const char *p = row->field[c]; *p; p++)
            seps += *p == r->csv.sep;
        if (seps == 0 || row->nfields + seps + 1 < r->ncols)
            continue;
        snprintf(why, sizeof why,
                 "the row has %zu fields but the header has %zu: column %zu holds \"%.40s...\": "
                 "a quote (\") opened there was not closed where the cell ends",
                 row->nfields, r->ncols, c + 1, row->field[c]);
        reject(r, NULL, c < r->ncols ? r->heading[c] : NULL, why);
        return false;
    }
    for (size_t c = r->ncols; c < row->nfields; c++)
        if (*text_trim((char *)row->field[c]) || (row->flags & CSV_ROW_TOO_MANY_FIELDS)) {
            snprintf(why, sizeof why, "the row has %zu fields but the header has %zu",
                     row->nfields_all, r->ncols);
            reject(r, NULL, NULL, why);
            return false;
        }
    return true;
}

/* What the spreadsheet really put in the cells (cells.h): invisible
 * characters trimmed (a name of only no-break spaces is empty), floats
 * undone ("2009.0"), and a row rejected with the true reason for a
 * control character, a rounded number, or an invisible character inside
 * an ID or an address. False when the row was rejected. */
static bool clean_cells(Run *r, const char *values[MF_COUNT])
{
    char name[80], why[300];
    size_t at;
    for (int f = 0; f < MF_COUNT; f++) {
        if (!values[f])
            continue;
        const char *label = mentor_field_label((MentorField)f);
        const char *id = f == MF_ID ? NULL : values[MF_ID];
        char *v = cells_trim((char *)values[f]);
        values[f] = v;
        if (cells_control(v, &at, name, sizeof name)) {
            snprintf(why, sizeof why,
                     "%s holds a control character, %s, at character %zu; a spreadsheet cell "
                     "has none: remove it where the list is kept and export again",
                     label, name, at);
            reject(r, id, label, why);
            return false;
        }
        bool number = f == MF_GRAD_YEAR || f == MF_MONTHLY_CAP || f == MF_PHONE;
        if (number && cells_scientific(v)) {
            snprintf(why, sizeof why,
                     "%s \"%.30s\" was turned into a number by the spreadsheet, which rounds it "
                     "(scientific notation): format the column as Text and export again",
                     label, v);
            reject(r, id, label, why);
            return false;
        }
        if (number)
            cells_unfloat(v);
        bool exact = f == MF_ID || f == MF_EMAIL || f == MF_VIDEO || f == MF_LINKEDIN;
        if (exact && cells_invisible_inside(v, name, sizeof name)) {
            snprintf(why, sizeof why,
                     "%s \"%.60s\" has a %s inside it, which cannot be seen but breaks it: "
                     "retype it",
                     label, v, name);
            reject(r, f == MF_ID ? NULL : id, label, why);
            return false;
        }
    }
    return true;
}

static void import_row(Run *r)
{
    const char *values[MF_COUNT] = {0};
    char why[300];
    MentorError err;
    Mentor m;
    r->rep->rows++;
    if (!check_row_shape(r))
        return;
    for (int f = 0; f < MF_COUNT; f++)
        if (r->col_of[f] >= 0 && (size_t)r->col_of[f] < r->row.nfields)
            values[f] = text_trim((char *)r->row.field[r->col_of[f]]);
    if (!clean_cells(r, values))
        return;
    if (!mentor_from_fields(values, r->opt->this_year, &m, &err)) {
        reject(r, values[MF_ID], mentor_field_label(err.field), err.reason);
        return;
    }
    unsigned long first = idset_add(&r->ids, m.id, r->row.line);
    if (first == (unsigned long)-1) {
        refuse(r, "out of memory");
        return;
    }
    if (first) {
        snprintf(why, sizeof why, "ID \"%s\" was already used on line %lu", m.id, first);
        reject(r, m.id, "ID", why);
        return;
    }
    if (r->stage && !store_stage_add(r->stage, &m, why, sizeof why)) {
        reject(r, m.id, "ID", why);
        return;
    }
    store_compare_add(r->compare, &m);
    r->rep->accepted++;
}

/* Decides, after all rows, whether the file is good enough to use. */
static bool judge(Run *r)
{
    ImportReport *rep = r->rep;
    if (rep->outcome == IMPORT_REFUSED)
        return false;
    if (rep->rows == 0) {
        refuse(r, "%s has a header but no mentor rows", r->name);
        return false;
    }
    if ((long)rep->rejected * 100 > (long)rep->rows * IMPORT_REFUSE_PERCENT) {
        refuse(r,
               "%d of %d rows (%d%%) were rejected; more than %d%% usually means the wrong "
               "file or a changed export, so nothing was changed",
               rep->rejected, rep->rows, rep->rejected * 100 / rep->rows, IMPORT_REFUSE_PERCENT);
        return false;
    }
    rep->outcome = rep->rejected ? IMPORT_PARTIAL : IMPORT_DONE;
    return true;
}

static bool commit(Run *r)
{
    StoreImportInfo info = {r->opt->source_name ? r->opt->source_name : r->name,
                            r->rep->encoding,
                            r->rep->accepted,
                            r->rep->rejected,
                            r->opt->when ? r->opt->when : "",
                            r->opt->signed_at,
                            r->opt->signed_by,
                            r->opt->questions,
                            r->opt->nquestions,
                            r->opt->synonyms,
                            r->opt->nsynonyms,
                            r->opt->questions_signed_at};
    char err[STORE_ERR];
    bool ok = store_stage_commit(r->stage, &info, err, sizeof err);
    r->stage = NULL;
    if (!ok)
        refuse(r, "the directory was not changed: %s", err);
    return ok;
}

/* Prepares the row buffers and, when importing, the staging store. */
static bool run_begin(Run *r)
{
    char err[STORE_ERR];
    r->row.buf_cap = IMPORT_MAX_COLUMNS * 1024 + IMPORT_MAX_FIELD + 1;
    r->row.buf = malloc(r->row.buf_cap);
    r->row.field_cap = IMPORT_MAX_COLUMNS;
    r->row.field = malloc(IMPORT_MAX_COLUMNS * sizeof *r->row.field);
    r->row.field_max = IMPORT_MAX_FIELD;
    r->rep->rejection = calloc(IMPORT_MAX_LISTED, sizeof *r->rep->rejection);
    if (!r->row.buf || !r->row.field || !r->rep->rejection) {
        refuse(r, "out of memory");
        return false;
    }
    if (r->opt->rejected_csv) {
        r->rejected = fopen(r->opt->rejected_csv, "w");
        if (!r->rejected) {
            refuse(r, "cannot write %s: %s", r->opt->rejected_csv, strerror(errno));
            return false;
        }
    }
    if (!r->opt->db_path && r->opt->compare_path)
        r->compare = store_compare_begin(r->opt->compare_path);
    if (r->opt->db_path) {
        r->stage = store_stage_begin(r->opt->db_path, err, sizeof err);
        if (!r->stage) {
            refuse(r, "the directory was not changed: %s", err);
            return false;
        }
    }
    return true;
}

static void run_end(Run *r)
{
    store_stage_abort(r->stage);
    store_compare_end(r->compare, NULL);
    if (r->rejected && fclose(r->rejected) != 0 && r->rep->outcome != IMPORT_REFUSED)
        refuse(r, "could not finish writing %s", r->opt->rejected_csv);
    for (size_t c = 0; r->heading && c < r->ncols; c++)
        free(r->heading[c]);
    free(r->heading);
    free(r->row.buf);
    free(r->row.field);
    idset_free(&r->ids);
}

/* The file's shape against its physical lines (csvcheck.h): a stray
 * quote that would swallow rows refuses the file whole. */
static bool check_structure(Run *r, const char *text, size_t len)
{
    char why[sizeof r->rep->refusal - 64];
    if (csvcheck_structure(text, len, r->csv.sep, r->ncols, why, sizeof why))
        return true;
    refuse(r, "%s %s", r->name, why);
    return false;
}

/* European Excel writes ';' between fields, "Unicode Text" a tab: the
 * header line says which, and the report says so beside the encoding. */
static void note_separator(Run *r, const char *text, size_t len)
{
    r->csv.sep = sniff_separator(text, len);
    size_t n = strlen(r->rep->encoding);
    if (r->csv.sep != ',')
        snprintf(r->rep->encoding + n, sizeof r->rep->encoding - n, ", %s",
                 r->csv.sep == '\t' ? "tab-separated" : "';'-separated");
}

/* Detects the encoding, converting to UTF-8 when needed. Returns the
 * bytes to parse; *owned is set when they must be freed. */
/* UTF-16 (Excel's "Unicode Text", UTF-16 CSV) and Mac Roman (Excel's
 * "CSV (Macintosh)") to UTF-8; NULL when the text is neither. */
static const char *decode_other(Run *r, const char *data, size_t *len, TextEncoding enc,
                                char **owned)
{
    size_t bom;
    SniffUtf16 u16 = sniff_utf16(data, *len, &bom);
    const char *charset = u16 == SNIFF_UTF16LE   ? "UTF-16LE"
                          : u16 == SNIFF_UTF16BE ? "UTF-16BE"
                                                 : NULL;
    if (!charset && enc == TEXT_ENC_CP1252 && sniff_mac_roman(data, *len))
        charset = "MACINTOSH";
    if (!charset)
        return NULL;
    snprintf(r->rep->encoding, sizeof r->rep->encoding, "%s (converted to UTF-8)",
             u16 == SNIFF_UTF16LE   ? "UTF-16 little-endian"
             : u16 == SNIFF_UTF16BE ? "UTF-16 big-endian"
                                    : "Mac Roman");
    *owned = sniff_to_utf8(data + bom, *len - bom, charset, len);
    if (!*owned)
        refuse(r, "could not convert %s from %s", r->name, charset);
    return *owned;
}

static const char *decode(Run *r, const char *data, size_t *len, char **owned)
{
    *owned = NULL;
    TextEncoding enc = text_detect_encoding(data, *len); /* one pass over the file, not two */
    const char *other = decode_other(r, data, len, enc, owned);
    if (other || *owned || r->rep->outcome == IMPORT_REFUSED)
        return other;
    text_copy(r->rep->encoding, sizeof r->rep->encoding, text_encoding_name(enc));
    if (enc == TEXT_ENC_UTF8_BOM) {
        *len -= 3;
        return data + 3;
    }
    if (enc == TEXT_ENC_CP1252) {
        *owned = sniff_to_utf8(data, *len, "WINDOWS-1252",
                               len); /* undefined bytes: 0xFF, rejected by row */
        if (!*owned)
            refuse(r, "could not convert %s from Windows-1252", r->name);
        return *owned;
    }
    return data;
}

bool import_buffer(const char *data, size_t len, const char *name, const ImportOptions *opt,
                   ImportReport *rep)
{
    Run r = {0};
    char *owned = NULL;
    bool ok = false;
    memset(rep, 0, sizeof *rep);
    r.opt = opt;
    r.rep = rep;
    r.name = name;
    rep->validated_only = opt->db_path == NULL;
    if (len == 0) {
        refuse(&r, "%s is empty", name);
        return false;
    }
    const char *advice, *what = sniff_not_csv(data, len, &advice);
    if (what) {
        refuse(&r, "%s is %s, not a CSV export: %s", name, what, advice);
        return false;
    }
    const char *text = decode(&r, data, &len, &owned);
    if (!text || !run_begin(&r))
        goto done;
    csv_open(&r.csv, text, len);
    note_separator(&r, text, len);
    if (!read_header(&r) || !check_structure(&r, text, len))
        goto done;
    while (rep->outcome != IMPORT_REFUSED && csv_next_row(&r.csv, &r.row))
        import_row(&r);
    ok = judge(&r) && (!r.stage || commit(&r));
    if (ok && r.compare) {
        store_compare_end(r.compare, &rep->changes);
        r.compare = NULL;
    }
done:
    run_end(&r);
    free(owned);
    return ok;
}

bool import_file(const char *path, const ImportOptions *opt, ImportReport *rep)
{
    size_t len = 0;
    char err[400];
    const char *base = strrchr(path, '/');
    char *data = read_all(path, &len, err, sizeof err);
    if (!data) {
        memset(rep, 0, sizeof *rep);
        rep->outcome = IMPORT_REFUSED;
        text_copy(rep->refusal, sizeof rep->refusal, err);
        return false;
    }
    bool ok = import_buffer(data, len, base ? base + 1 : path, opt, rep);
    free(data);
    return ok;
}

void import_report_free(ImportReport *rep)
{
    free(rep->rejection);
    rep->rejection = NULL;
}

int import_questions_file(const char *path, Question *out, int cap, char *err, size_t err_cap)
{
    size_t len = 0;
    char *data = read_all(path, &len, err, err_cap), why[200];
    char buf[4096];
    const char *field[8];
    CsvReader csv;
    CsvRow row = {buf, sizeof buf, field, 8, 1024, 0, 0, 0, 0, 0, 0};
    int n = 0;
    if (!data)
        return -1;
    csv_open(&csv, data, len);
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        csv.pos = 3;
    csv_next_row(&csv, &row); /* header: id,category,minutes,tags,text */
    while (csv_next_row(&csv, &row)) {
        if (row.nfields != 5 || row.flags) {
            snprintf(err, err_cap,
                     "%s line %lu: expected 5 columns (id, category, minutes, "
                     "tags, text)",
                     path, row.line);
            n = -1;
            break;
        }
        if (n >= cap) {
            snprintf(err, err_cap, "%s: more than %d questions", path, cap);
            n = -1;
            break;
        }
        if (!question_from_fields(field[0], field[1], field[2], field[3], field[4], &out[n], why,
                                  sizeof why)) {
            snprintf(err, err_cap, "%s line %lu: %s", path, row.line, why);
            n = -1;
            break;
        }
        n++;
    }
    free(data);
    return n;
}

/* The columns of a synonym table, found by their headings. */
static bool synonym_columns(const CsvRow *row, int col[3], const char *name, char *err, size_t cap)
{
    static const char *const names[] = {"term", "means", "field"};
    col[0] = col[1] = col[2] = -1;
    for (size_t i = 0; i < row->nfields; i++) {
        int k = text_find_key(names, 3, row->field[i]);
        if (k >= 0 && col[k] < 0)
            col[k] = (int)i;
    }
    if (col[0] < 0 || col[1] < 0) {
        snprintf(err, cap,
                 "%s line %lu: the first line must name the columns term, means and "
                 "(optionally) field",
                 name, row->line);
        return false;
    }
    return true;
}

int import_synonyms_buffer(const char *data, size_t len, const char *name, Synonym *out, int cap,
                           char *err, size_t err_cap)
{
    char buf[2048], why[200];
    const char *field[8];
    CsvReader csv;
    CsvRow row = {buf, sizeof buf, field, 8, 512, 0, 0, 0, 0, 0, 0};
    int n = 0, col[3];
    csv_open(&csv, data, len);
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        csv.pos = 3;
    if (!csv_next_row(&csv, &row)) {
        snprintf(err, err_cap, "%s: it is empty", name);
        return -1;
    }
    if (row.flags || !synonym_columns(&row, col, name, err, err_cap)) {
        if (row.flags)
            snprintf(err, err_cap, "%s line %lu: the heading line cannot be read", name, row.line);
        return -1;
    }
    while (csv_next_row(&csv, &row)) {
        const char *f[3];
        if (row.flags & CSV_ROW_FIELD_TOO_LONG) {
            snprintf(err, err_cap, "%s line %lu, column %zu: longer than %zu bytes", name, row.line,
                     row.long_field + 1, row.field_max);
            return -1;
        }
        if (row.flags) {
            snprintf(err, err_cap, "%s line %lu: %s", name, row.line,
                     row.flags & CSV_ROW_NUL_BYTE     ? "a NUL byte in the line"
                     : row.flags & CSV_ROW_OPEN_QUOTE ? "a quote is never closed"
                                                      : "more than 8 columns");
            return -1;
        }
        for (int k = 0; k < 3; k++)
            f[k] = col[k] >= 0 && (size_t)col[k] < row.nfields ? field[col[k]] : "";
        if (n >= cap) {
            snprintf(err, err_cap, "%s: more than %d synonyms", name, cap);
            return -1;
        }
        if (!synonym_from_fields(f[0], f[1], f[2], &out[n], why, sizeof why)) {
            snprintf(err, err_cap, "%s line %lu, %s", name, row.line, why);
            return -1;
        }
        n++;
    }
    return n;
}

int import_synonyms_file(const char *path, Synonym *out, int cap, char *err, size_t err_cap)
{
    size_t len = 0;
    char *data = read_all(path, &len, err, err_cap);
    if (!data)
        return -1;
    int n = import_synonyms_buffer(data, len, path, out, cap, err, err_cap);
    free(data);
    return n;
}

static bool store_file_exists_plain(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Creates the folder that will hold path, and its parents. */
static bool make_parent(const char *path, char *err, size_t cap)
{
    char dir[1024];
    if (text_copy(dir, sizeof dir, path)) {
        snprintf(err, cap, "the path %s is too long", path);
        return false;
    }
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir)
        return true;
    *slash = '\0';
    for (char *p = dir + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(dir, 0755);
            *p = '/';
        }
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        snprintf(err, cap, "cannot create the folder %s: %s", dir, strerror(errno));
        return false;
    }
    return true;
}

/* Records the sample's referrals (mentor_id,count) as made today. */
static void seed_referrals(Store *s, const char *path, Date today)
{
    size_t len = 0;
    char err[200], buf[512];
    const char *field[4];
    char *data = read_all(path, &len, err, sizeof err);
    CsvReader csv;
    CsvRow row = {buf, sizeof buf, field, 4, 128, 0, 0, 0, 0, 0, 0};
    if (!data)
        return;
    csv_open(&csv, data, len);
    csv_next_row(&csv, &row); /* header */
    while (csv_next_row(&csv, &row))
        for (int n = row.nfields == 2 ? atoi(field[1]) : 0; n > 0; n--)
            store_referral_add(s, field[0], today);
    free(data);
}

static bool create_from_sample(const char *db_path, const ImportSeed *seed, Date today, char *err,
                               size_t cap)
{
    ImportOptions opt = {.db_path = db_path,
                         .source_name = "built-in sample directory",
                         .this_year = today.y,
                         .when = ""};
    ImportReport rep;
    if (!make_parent(db_path, err, cap))
        return false;
    bool ok = import_file(seed->mentors, &opt, &rep);
    if (!ok)
        snprintf(err, cap, "could not create the directory from %s: %s", seed->mentors,
                 rep.refusal);
    import_report_free(&rep);
    return ok;
}

Store *import_seed_open(const char *db_path, const ImportSeed *seed, Date today, char *err,
                        size_t cap)
{
    struct stat st;
    Question *bank = NULL;
    Store *s = NULL;
    bool ok = false, created = stat(db_path, &st) != 0;
    if (created && !create_from_sample(db_path, seed, today, err, cap))
        return NULL;
    s = store_open(db_path, err, cap);
    if (!s)
        return NULL;
    if (created && seed->referrals)
        seed_referrals(s, seed->referrals, today);
    Question probe;
    if (!store_read_only(s) && store_questions_load(s, &probe, 1) == 0) {
        bank = calloc(QUESTION_MAX, sizeof *bank);
        int n = bank ? import_questions_file(seed->questions, bank, QUESTION_MAX, err, cap) : -1;
        if (n < 0 || !store_questions_replace(s, bank, n, err, cap))
            goto done;
    }
    if (seed->synonyms && store_synonym_count(s) == 0 && store_file_exists_plain(seed->synonyms)) {
        Synonym *table = calloc(SYNONYM_MAX, sizeof *table);
        int n = table ? import_synonyms_file(seed->synonyms, table, SYNONYM_MAX, err, cap) : -1;
        bool put = n >= 0 && store_synonyms_replace(s, table, n, err, cap);
        free(table);
        if (!put)
            goto done;
    }
    ok = true;
done:
    free(bank);
    if (!ok) {
        store_close(s);
        return NULL;
    }
    return s;
}

bool import_seed(const char *db_path, const ImportSeed *seed, Date today, char *err, size_t cap)
{
    Store *s = import_seed_open(db_path, seed, today, err, cap);
    store_close(s);
    return s != NULL;
}
