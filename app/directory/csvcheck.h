/* csvcheck: the shape of a whole CSV export, checked against its
 * physical lines before any row is taken.
 *
 * A CSV reader that honours quotes must read a cell that starts with a
 * stray `"` as running on until the next quote, however far away: one
 * such cell can swallow hundreds of rows into one "row", which is then
 * rejected alone and shrinks the directory by all of them. This check
 * looks at where quotes open and close line by line and refuses the file
 * whole, naming the line where the quote opens, when a quote is never
 * closed, when a quoted cell runs over a line end into what looks like
 * another row (a line start holding many separators), when one cell
 * spans more lines than any real cell does, or when the rows suddenly
 * hold a quarter of the header's fields or fewer (five such rows in a
 * row, or a fifth of the file): a file cut short or pasted into. Pure:
 * no I/O. */
#ifndef CK_CSVCHECK_H
#define CK_CSVCHECK_H

#include <stdbool.h>
#include <stddef.h>

enum {
    CSVCHECK_MAX_CELL_LINES = 40, /* a bio of 40 lines is not a bio */
    CSVCHECK_SHORT_RUN = 5,       /* rows in a row with a quarter of the fields or fewer */
};

/* Checks data[0..len) (UTF-8 or any ASCII-compatible text) whose header
 * has header_fields fields separated by sep. Returns true when its shape
 * is sound; otherwise false with "line N: what is wrong, and what to do"
 * in why. */
bool csvcheck_structure(const char *data, size_t len, char sep, size_t header_fields, char *why,
                        size_t cap);

#endif
