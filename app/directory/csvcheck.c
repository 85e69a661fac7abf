/* csvcheck: where quotes open and close, line by line. See csvcheck.h. */
#include "directory/csvcheck.h"

#include <stdio.h>

typedef struct {
    const char *data;
    size_t len, pos;
    unsigned long line; /* the physical line at pos, from 1 */
} Scan;

/* Consumes a line end (CRLF, LF or a lone CR) at pos; true if there was one. */
static bool eat_line_end(Scan *s)
{
    if (s->pos >= s->len)
        return false;
    if (s->data[s->pos] == '\r') {
        s->pos++;
        if (s->pos < s->len && s->data[s->pos] == '\n')
            s->pos++;
    } else if (s->data[s->pos] == '\n')
        s->pos++;
    else
        return false;
    s->line++;
    return true;
}

/* What one quoted cell looked like, from its opening quote on. */
typedef struct {
    unsigned long open_line, close_line;
    unsigned long breaks;   /* line ends inside the cell */
    size_t most_seps;       /* separators on the busiest line start after a break */
    unsigned long row_line; /* the line of that busiest start */
    bool closed;
} Cell;

/* Reads a quoted cell after its opening quote (pos is past it). */
static void read_quoted(Scan *s, char sep, Cell *c)
{
    size_t seps = 0; /* on the current line, after a break inside the cell */
    while (s->pos < s->len) {
        char ch = s->data[s->pos];
        if (ch == '"') {
            if (s->pos + 1 < s->len && s->data[s->pos + 1] == '"') {
                s->pos += 2;
                continue;
            }
            s->pos++;
            c->closed = true;
            break;
        }
        if (eat_line_end(s)) {
            c->breaks++;
            seps = 0;
            continue;
        }
        if (ch == sep && c->breaks > 0 && ++seps > c->most_seps) {
            c->most_seps = seps;
            c->row_line = s->line;
        }
        s->pos++;
    }
    c->close_line = s->line;
}

static bool judge_cell(const Cell *c, size_t header_fields, char sep, char *why, size_t cap)
{
    size_t row_seps = header_fields / 2 > 3 ? header_fields / 2 : 3;
    const char *sep_name = sep == '\t' ? "tab" : sep == ';' ? "';'" : "','";
    if (!c->closed) {
        snprintf(why, cap,
                 "line %lu: a quote (\") opens a cell here and is never closed, so everything "
                 "after it (to line %lu, the end of the file) would be read as one cell. "
                 "Nothing was changed: remove the stray quote or close it, and export again",
                 c->open_line, c->close_line);
        return false;
    }
    if (c->breaks > 0 && header_fields > 1 && c->most_seps >= row_seps) {
        snprintf(why, cap,
                 "line %lu: a quote (\") opens a cell here that runs on to line %lu, and line "
                 "%lu inside it has %zu %s separators, like a row of its own: a cell probably "
                 "starts with a stray quote, which would swallow rows. Nothing was changed: "
                 "fix that cell and export again",
                 c->open_line, c->close_line, c->row_line, c->most_seps, sep_name);
        return false;
    }
    if (c->breaks >= CSVCHECK_MAX_CELL_LINES) {
        snprintf(why, cap,
                 "line %lu: a quote (\") opens a cell here that runs on for %lu lines, to line "
                 "%lu; no cell of a mentor list is that long, so a quote is probably missing or "
                 "stray. Nothing was changed: fix that cell and export again",
                 c->open_line, c->breaks + 1, c->close_line);
        return false;
    }
    return true;
}

/* Rows after the header that suddenly hold only a few fields: a run of
 * them, or a good share of the file, is a file cut or pasted into, not
 * rows to reject one by one (which would shrink the directory). */
typedef struct {
    size_t header, fields; /* the header's fields; the current record's */
    bool empty;            /* the current record has nothing in it yet */
    unsigned long records, shorts, run, run_line, first_short;
} Counts;

static bool is_short(const Counts *k)
{
    return k->header >= 8 && k->fields <= k->header / 4;
}

/* A record (lines first..last) ended; false, with why, on the fifth short
 * record in a row. */
static bool count_record(Counts *k, unsigned long first, unsigned long last, char *why, size_t cap)
{
    bool blank = k->empty && k->fields == 1, header = k->records == 0;
    bool shrt = !blank && !header && is_short(k);
    size_t fields = k->fields;
    k->fields = 1;
    k->empty = true;
    (void)last;
    if (blank)
        return true;
    k->records++;
    if (header)
        return true;
    if (!shrt) {
        k->run = 0;
        return true;
    }
    if (k->shorts++ == 0)
        k->first_short = first;
    if (k->run++ == 0)
        k->run_line = first;
    if (k->run < CSVCHECK_SHORT_RUN)
        return true;
    snprintf(why, cap,
             "line %lu: from here on, rows hold %zu or fewer fields where the header has %zu "
             "(%lu such rows in a row): the file looks cut or pasted into, or its separator "
             "changed part way. Nothing was changed: export the whole list again",
             k->run_line, fields, k->header, k->run);
    return false;
}

/* Short records scattered through a good share of the file. */
static bool share_of_shorts(const Counts *k, char *why, size_t cap)
{
    unsigned long rows = k->records > 0 ? k->records - 1 : 0;
    if (k->shorts < 3 || k->shorts * 5 < rows)
        return true;
    snprintf(why, cap,
             "line %lu: %lu of the file's %lu rows hold only a few of the header's %zu fields, "
             "from this line on: the file looks damaged, not a mentor list with some bad rows. "
             "Nothing was changed: export the whole list again",
             k->first_short, k->shorts, rows, k->header);
    return false;
}

bool csvcheck_structure(const char *data, size_t len, char sep, size_t header_fields, char *why,
                        size_t cap)
{
    Scan s = {data, len, 0, 1};
    Counts k = {.header = header_fields, .fields = 1, .empty = true};
    bool field_start = true;
    unsigned long record_line = 1;
    while (s.pos < s.len) {
        unsigned long at = s.line;
        if (eat_line_end(&s)) {
            if (!count_record(&k, record_line, at, why, cap))
                return false;
            record_line = s.line;
            field_start = true;
            continue;
        }
        char ch = s.data[s.pos];
        if (ch == '"' && field_start) {
            Cell c = {.open_line = s.line};
            s.pos++;
            read_quoted(&s, sep, &c);
            if (!judge_cell(&c, header_fields, sep, why, cap))
                return false;
            k.empty = false;
            field_start = false;
            continue;
        }
        /* like the reader: a quote inside an unquoted cell is text */
        field_start = ch == sep;
        if (ch == sep)
            k.fields++;
        else if (ch != ' ' && ch != '\t')
            k.empty = false;
        s.pos++;
    }
    /* a last row short of fields with no line end: the file was cut */
    size_t last_fields = k.fields;
    bool last_empty = k.empty,
         ends_open = len > 0 && data[len - 1] != '\n' && data[len - 1] != '\r';
    if (!count_record(&k, record_line, s.line, why, cap))
        return false;
    if (ends_open && !last_empty && k.records > 1 && last_fields < header_fields) {
        snprintf(why, cap,
                 "line %lu: the file ends in the middle of a row (%zu of the header's %zu fields "
                 "and no line end): it looks cut short, and the mentors after it would be lost. "
                 "Nothing was changed: export the whole list again",
                 record_line, last_fields, header_fields);
        return false;
    }
    return share_of_shorts(&k, why, cap);
}
