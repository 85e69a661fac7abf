/* csv: an RFC 4180 reader over a buffer already in memory.
 *
 * Written here rather than taken from libcsv because the importer needs,
 * for every record, the physical line it starts on, hard limits on field
 * size and column count enforced while reading, and a precise complaint
 * for NUL bytes and quotes left open; libcsv's strict mode reports only
 * "parse error" without a position. Like jsmn, it writes into storage the
 * caller provides and never allocates.
 *
 * Accepts CRLF, LF or lone CR line ends; quoted fields with commas, doubled
 * quotes and line breaks; blank lines are skipped. Lenient like Excel: a
 * quote inside an unquoted field is kept as text. */
#ifndef CK_CSV_H
#define CK_CSV_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    const char *data;
    size_t len;
    size_t pos;
    unsigned long line; /* line the next record starts on, from 1 */
    char sep;           /* field separator, ',' by default */
} CsvReader;

enum {
    CSV_ROW_TOO_MANY_FIELDS = 1 << 0, /* more fields than the caller has room for */
    CSV_ROW_FIELD_TOO_LONG = 1 << 1,  /* a field was cut to fit the buffer */
    CSV_ROW_NUL_BYTE = 1 << 2,        /* a NUL byte inside the record */
    CSV_ROW_OPEN_QUOTE = 1 << 3,      /* a quote was still open at end of file */
};

typedef struct {
    /* caller-provided storage */
    char *buf; /* field text, each NUL-terminated */
    size_t buf_cap;
    const char **field; /* field[i] points into buf */
    size_t field_cap;
    size_t field_max; /* longest field accepted, in bytes */
    /* results of csv_next_row */
    size_t nfields;         /* fields stored (<= field_cap) */
    size_t nfields_all;     /* fields in the record, counting those not stored */
    unsigned long line;     /* first line of the record */
    unsigned long end_line; /* last line of the record */
    unsigned flags;         /* CSV_ROW_* */
    size_t long_field;      /* index of the first field cut, if FIELD_TOO_LONG */
} CsvRow;

/* Starts reading data[0..len). The data must outlive the reader. */
void csv_open(CsvReader *r, const char *data, size_t len);

/* Reads the next non-blank record into row. Returns true when a record
 * was read, false at end of input. Never fails: problems are reported in
 * row->flags and the reader resynchronises at the next record. */
bool csv_next_row(CsvReader *r, CsvRow *row);

/* Writes one field to out, quoted when it holds a separator, quote or
 * line break. Every CSV the kiosk and the admin CLI write goes through
 * here, so a cell a spreadsheet would run as a formula (starting with
 * = + - @, a tab or CR) is neutralised here for all of them: written
 * quoted, behind a leading '. Returns bytes written (0 when it does not
 * fit). */
size_t csv_quote(const char *field, char *out, size_t cap);

#endif
