/* csv: a small state machine over an in-memory buffer. */
#include "csv.h"

#include <string.h>

void csv_open(CsvReader *r, const char *data, size_t len)
{
    r->data = data;
    r->len = len;
    r->pos = 0;
    r->line = 1;
    r->sep = ',';
}

/* Consumes a line end at r->pos if there is one; returns true if so. */
static bool eat_newline(CsvReader *r)
{
    if (r->pos >= r->len)
        return false;
    if (r->data[r->pos] == '\r') {
        r->pos++;
        if (r->pos < r->len && r->data[r->pos] == '\n')
            r->pos++;
        r->line++;
        return true;
    }
    if (r->data[r->pos] == '\n') {
        r->pos++;
        r->line++;
        return true;
    }
    return false;
}

typedef struct {
    CsvRow *row;
    size_t used;      /* bytes of row->buf in use */
    size_t field_len; /* bytes in the current field */
} Out;

static void field_begin(Out *o)
{
    CsvRow *row = o->row;
    o->field_len = 0;
    if (row->nfields_all < row->field_cap && o->used < row->buf_cap) {
        row->field[row->nfields_all] = row->buf + o->used;
        row->nfields = row->nfields_all + 1;
    } else if (row->nfields_all >= row->field_cap)
        row->flags |= CSV_ROW_TOO_MANY_FIELDS;
    row->nfields_all++;
}

static void field_put(Out *o, char c)
{
    CsvRow *row = o->row;
    if (c == '\0')
        row->flags |= CSV_ROW_NUL_BYTE;
    if (row->nfields_all > row->field_cap)
        return;
    /* keep room for this field's NUL */
    if (o->field_len >= row->field_max || o->used + 1 >= row->buf_cap) {
        if (!(row->flags & CSV_ROW_FIELD_TOO_LONG))
            row->long_field = row->nfields_all - 1;
        row->flags |= CSV_ROW_FIELD_TOO_LONG;
        return;
    }
    row->buf[o->used++] = c;
    o->field_len++;
}

static void field_end(Out *o)
{
    CsvRow *row = o->row;
    if (row->nfields_all > row->field_cap)
        return;
    if (o->used < row->buf_cap)
        row->buf[o->used++] = '\0';
    else {
        row->buf[row->buf_cap - 1] = '\0';
        row->flags |= CSV_ROW_FIELD_TOO_LONG;
    }
}

/* Reads a quoted field body after its opening quote. */
static void read_quoted(CsvReader *r, Out *o)
{
    for (;;) {
        if (r->pos >= r->len) {
            o->row->flags |= CSV_ROW_OPEN_QUOTE;
            return;
        }
        char c = r->data[r->pos];
        if (c == '"') {
            if (r->pos + 1 < r->len && r->data[r->pos + 1] == '"') {
                field_put(o, '"');
                r->pos += 2;
                continue;
            }
            r->pos++;
            return;
        }
        if (c == '\r' || c == '\n') {
            eat_newline(r); /* counts the line; kept in the field as \n */
            field_put(o, '\n');
            continue;
        }
        field_put(o, c);
        r->pos++;
    }
}

/* Reads one field, quoted or not, up to (not including) a separator or
 * line end. */
static void read_field(CsvReader *r, Out *o)
{
    field_begin(o);
    if (r->pos < r->len && r->data[r->pos] == '"') {
        r->pos++;
        read_quoted(r, o);
    }
    /* unquoted text, or text after a closing quote (kept, like Excel) */
    while (r->pos < r->len) {
        char c = r->data[r->pos];
        if (c == r->sep || c == '\r' || c == '\n')
            break;
        field_put(o, c);
        r->pos++;
    }
    field_end(o);
}

bool csv_next_row(CsvReader *r, CsvRow *row)
{
    Out o = {row, 0, 0};
    while (eat_newline(r))
        ; /* skip blank lines */
    if (r->pos >= r->len)
        return false;
    row->nfields = row->nfields_all = 0;
    row->flags = 0;
    row->long_field = 0;
    row->line = r->line;
    for (;;) {
        read_field(r, &o);
        if (r->pos < r->len && r->data[r->pos] == r->sep) {
            r->pos++;
            if (r->pos >= r->len) { /* trailing separator at end of file */
                field_begin(&o);
                field_end(&o);
                break;
            }
            continue;
        }
        row->end_line = r->line;
        eat_newline(r);
        return true;
    }
    row->end_line = r->line;
    return true;
}

/* A cell a spreadsheet would run as a formula (OWASP "CSV injection"):
 * one that starts with = + - @, a tab or a carriage return. */
static bool formula_like(const char *field)
{
    return *field && strchr("=+-@\t\r", *field);
}

size_t csv_quote(const char *field, char *out, size_t cap)
{
    size_t n = 0;
    bool formula = formula_like(field);
    bool quote = formula || strpbrk(field, ",\"\r\n") != NULL;
    if (quote) {
        if (n + 1 >= cap)
            return 0;
        out[n++] = '"';
    }
    if (formula) { /* a leading ' makes it text to Excel, LibreOffice and Sheets */
        if (n + 1 >= cap)
            return 0;
        out[n++] = '\'';
    }
    for (const char *p = field; *p; p++) {
        size_t need = (*p == '"' && quote) ? 2 : 1;
        if (n + need >= cap)
            return 0;
        if (need == 2)
            out[n++] = '"';
        out[n++] = *p;
    }
    if (quote) {
        if (n + 1 >= cap)
            return 0;
        out[n++] = '"';
    }
    out[n] = '\0';
    return n;
}
