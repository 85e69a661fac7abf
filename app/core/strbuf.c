/* strbuf: bounded string building into caller-owned memory. */
#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void strbuf_init(StrBuf *sb, char *buf, size_t cap)
{
    sb->buf = buf;
    sb->cap = cap;
    sb->len = 0;
    sb->overflow = false;
    if (cap > 0)
        buf[0] = '\0';
}

/* Largest n' <= n that does not end inside a UTF-8 sequence of s. */
static size_t utf8_cut(const char *s, size_t n)
{
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}

void strbuf_addn(StrBuf *sb, const char *s, size_t n)
{
    if (sb->cap == 0) {
        sb->overflow = true;
        return;
    }
    size_t room = sb->cap - 1 - sb->len;
    if (n > room) {
        n = utf8_cut(s, room);
        sb->overflow = true;
    }
    memcpy(sb->buf + sb->len, s, n);
    sb->len += n;
    sb->buf[sb->len] = '\0';
}

void strbuf_add(StrBuf *sb, const char *s)
{
    if (s)
        strbuf_addn(sb, s, strlen(s));
}

void strbuf_addc(StrBuf *sb, char c)
{
    strbuf_addn(sb, &c, 1);
}

void strbuf_addf(StrBuf *sb, const char *fmt, ...)
{
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n >= sizeof tmp) {
        sb->overflow = true;
        n = (int)sizeof tmp - 1;
    }
    strbuf_addn(sb, tmp, (size_t)n);
}

void strbuf_truncate(StrBuf *sb, size_t n)
{
    if (n < sb->len) {
        sb->len = n;
        sb->buf[n] = '\0';
    }
}
