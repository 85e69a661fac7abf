/* strbuf: appending text into a caller-owned, fixed-size buffer.
 *
 * The buffer is always NUL-terminated. When an append does not fit, the
 * text is cut at a UTF-8 character boundary and `overflow` is set, so a
 * caller can compose freely and check once at the end. No allocation. */
#ifndef CK_STRBUF_H
#define CK_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char *buf;     /* caller-owned storage */
    size_t cap;    /* size of buf in bytes, at least 1 */
    size_t len;    /* bytes used, excluding the NUL */
    bool overflow; /* set once anything did not fit */
} StrBuf;

/* Starts an empty string in buf[cap]. */
void strbuf_init(StrBuf *sb, char *buf, size_t cap);

/* Appends s (NULL counts as empty). */
void strbuf_add(StrBuf *sb, const char *s);

/* Appends the first n bytes of s. */
void strbuf_addn(StrBuf *sb, const char *s, size_t n);

/* Appends one byte. */
void strbuf_addc(StrBuf *sb, char c);

/* Appends printf-style formatted text. */
void strbuf_addf(StrBuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Drops everything after the first n bytes (n <= len). */
void strbuf_truncate(StrBuf *sb, size_t n);

#endif
