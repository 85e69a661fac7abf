/* sniff: what a staff "CSV" really is, before it is read as one.
 *
 * Real exports come as UTF-8, Windows-1252, UTF-16 (Excel's "Unicode
 * Text", tab-separated, and UTF-16 CSV), Mac Roman (Excel's "CSV
 * (Macintosh)"), with ',' ';' (European Excel) or tabs between fields,
 * and sometimes are not CSV at all: a workbook renamed .csv. This module
 * names the file when it is no CSV, finds UTF-16 and Mac Roman, converts
 * them to UTF-8 (iconv), and finds the separator from the header line. */
#ifndef CK_SNIFF_H
#define CK_SNIFF_H

#include <stdbool.h>
#include <stddef.h>

/* When data is a known non-text file (an Excel or LibreOffice workbook,
 * an old .xls, a PDF, an SQLite file, a ZIP archive), returns what it is
 * and sets *advice to what staff should do; NULL for anything else. */
const char *sniff_not_csv(const char *data, size_t len, const char **advice);

typedef enum { SNIFF_NOT_UTF16, SNIFF_UTF16LE, SNIFF_UTF16BE } SniffUtf16;

/* Whether data is UTF-16, with a byte-order mark (*bom set to its 2
 * bytes) or without one (NUL bytes in every other place). */
SniffUtf16 sniff_utf16(const char *data, size_t len, size_t *bom);

/* Whether text that is not UTF-8 reads as Mac Roman rather than
 * Windows-1252: its high bytes stand for letters inside words in Mac
 * Roman ("Jos\x8E Garc\x92a"), and for symbols in Windows-1252. */
bool sniff_mac_roman(const char *data, size_t len);

/* Converts data from charset ("UTF-16LE", "MACINTOSH", ...) to UTF-8,
 * malloc'd and NUL-terminated, with its length in *out_len. A unit the
 * charset cannot decode becomes byte 0xFF, which is never valid UTF-8,
 * so its row is rejected with a line number instead of silently
 * altered. NULL when out of memory or the charset is unknown. */
char *sniff_to_utf8(const char *data, size_t len, const char *charset, size_t *out_len);

/* The field separator of the header line: ',' unless ';' or a tab
 * splits it into more fields. */
char sniff_separator(const char *text, size_t len);

#endif
