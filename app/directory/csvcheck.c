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

bool csvcheck_structure(const char *data, size_t len, char sep, size_t header_fields, char *why,
                        size_t cap)
{
    Scan s = {data, len, 0, 1};
    bool field_start = true;
    while (s.pos < s.len) {
        if (eat_line_end(&s)) {
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
            field_start = false;
            continue;
        }
        /* like the reader: a quote inside an unquoted cell is text */
        field_start = ch == sep;
        s.pos++;
    }
    return true;
}
