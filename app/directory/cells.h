/* cells: what a spreadsheet really put in a cell, before a mentor is
 * made from it.
 *
 * Exports carry characters a person cannot see: a no-break space or a
 * zero-width space around (or inside) a name or an address, copied from
 * a web page; control characters (ESC, BEL, backspace) from a CRM; and
 * numbers the spreadsheet turned into floats ("2009.0") or scientific
 * notation ("3.12555E+09"). These helpers work in place on UTF-8 text
 * and name what they find, so a rejection can say what is really wrong.
 * Pure: no I/O, no allocation. */
#ifndef CK_CELLS_H
#define CK_CELLS_H

#include <stdbool.h>
#include <stddef.h>

/* Trims ASCII white space and Unicode spaces and invisible characters
 * (no-break space, zero-width space, ideographic space, byte-order mark,
 * word joiner, ...) from both ends of s, in place. Returns the new
 * start (inside s). */
char *cells_trim(char *s);

/* The first space or invisible character inside s (s already trimmed),
 * by name ("no-break space (U+00A0)"), or NULL when there is none. */
const char *cells_invisible_inside(const char *s, char *name, size_t cap);

/* The first control character in s (C0 but line break and tab, DEL,
 * C1), by name ("ESC (U+001B)") into name, with its character position
 * (from 1) in *at; NULL when there is none. A vertical tab, which some
 * spreadsheets write for a line break inside a cell, is first turned
 * into a line break. */
const char *cells_control(char *s, size_t *at, char *name, size_t cap);

/* Undoes a spreadsheet float: "2009.0" becomes "2009" (digits, a point,
 * zeros only). Returns true when s was changed. */
bool cells_unfloat(char *s);

/* Whether s is a number in scientific notation ("3.12555E+09"), as a
 * spreadsheet shows a long number it has rounded. */
bool cells_scientific(const char *s);

#endif
