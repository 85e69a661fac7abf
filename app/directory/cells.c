/* cells: invisible and control characters, spreadsheet floats. See
 * cells.h. */
#include "directory/cells.h"

#include <stdio.h>
#include <string.h>

/* Decodes the UTF-8 character at s (NUL-terminated, valid or not);
 * returns its code point and its length in *len (1 for a bad byte). */
static unsigned decode(const unsigned char *s, size_t *len)
{
    if (s[0] < 0x80) {
        *len = 1;
        return s[0];
    }
    if ((s[0] & 0xE0) == 0xC0 && (s[1] & 0xC0) == 0x80) {
        *len = 2;
        return ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu);
    }
    if ((s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        *len = 3;
        return ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    }
    *len = 1;
    return 0xFFFD; /* 4-byte characters and bad bytes: neither space nor control */
}

/* Names of the invisible characters staff meet most; others by number. */
static const struct {
    unsigned cp;
    const char *name;
} invisible_names[] = {
    {0x00A0, "no-break space"},
    {0x00AD, "soft hyphen"},
    {0x200B, "zero-width space"},
    {0x200C, "zero-width non-joiner"},
    {0x200D, "zero-width joiner"},
    {0x200E, "left-to-right mark"},
    {0x200F, "right-to-left mark"},
    {0x202F, "narrow no-break space"},
    {0x2060, "word joiner"},
    {0x3000, "ideographic space"},
    {0xFEFF, "zero-width no-break space (byte-order mark)"},
};

static bool invisible(unsigned cp)
{
    return cp == 0x00A0 || cp == 0x00AD || cp == 0x1680 || cp == 0x180E ||
           (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) || cp == 0x205F ||
           (cp >= 0x2060 && cp <= 0x2064) || cp == 0x3000 || cp == 0xFEFF;
}

static bool ascii_space(unsigned cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f';
}

/* Every loop here takes a plain ASCII byte without decoding it: nearly
 * every byte of an export is one, and an import reads each cell thrice. */
char *cells_trim(char *s)
{
    size_t n;
    while (*s) {
        unsigned cp = decode((const unsigned char *)s, &n);
        if (!ascii_space(cp) && !invisible(cp))
            break;
        s += n;
    }
    /* from the end: remember where the last visible character ends */
    char *end = s;
    for (char *p = s; *p; p += n) {
        unsigned char b = (unsigned char)*p;
        if (b < 0x80) {
            n = 1;
            if (!ascii_space(b))
                end = p + 1;
            continue;
        }
        unsigned cp = decode((const unsigned char *)p, &n);
        if (!invisible(cp))
            end = p + n;
    }
    *end = '\0';
    return s;
}

static void name_of(unsigned cp, char *name, size_t cap)
{
    for (size_t i = 0; i < sizeof invisible_names / sizeof invisible_names[0]; i++)
        if (invisible_names[i].cp == cp) {
            snprintf(name, cap, "%s (U+%04X)", invisible_names[i].name, cp);
            return;
        }
    snprintf(name, cap, cp == ' ' ? "space" : "invisible character (U+%04X)", cp);
}

const char *cells_invisible_inside(const char *s, char *name, size_t cap)
{
    size_t n;
    for (const char *p = s; *p; p += n) {
        unsigned char b = (unsigned char)*p;
        if (b < 0x80 && !ascii_space(b)) {
            n = 1;
            continue;
        }
        unsigned cp = decode((const unsigned char *)p, &n);
        if (invisible(cp) || ascii_space(cp)) {
            name_of(cp, name, cap);
            return name;
        }
    }
    return NULL;
}

static const char *const c0_names[32] = {
    "NUL",       "SOH", "STX",       "ETX",          "EOT",       "ENQ", "ACK", "BEL",
    "backspace", "tab", "line feed", "vertical tab", "form feed", "CR",  "SO",  "SI",
    "DLE",       "DC1", "DC2",       "DC3",          "DC4",       "NAK", "SYN", "ETB",
    "CAN",       "EM",  "SUB",       "ESC",          "FS",        "GS",  "RS",  "US"};

const char *cells_control(char *s, size_t *at, char *name, size_t cap)
{
    size_t n, chars = 0;
    for (char *p = s; *p; p += n) {
        unsigned char b = (unsigned char)*p;
        chars++;
        if (b >= 0x20 && b < 0x7F) {
            n = 1;
            continue;
        }
        unsigned cp = decode((const unsigned char *)p, &n);
        if (cp == '\v') {
            *p = '\n';
            continue;
        }
        bool control = (cp < 0x20 && cp != '\n' && cp != '\t' && cp != '\r') || cp == 0x7F ||
                       (cp >= 0x80 && cp <= 0x9F);
        if (!control)
            continue;
        *at = chars;
        if (cp < 0x20)
            snprintf(name, cap, "%s (U+%04X)", c0_names[cp], cp);
        else
            snprintf(name, cap, "%s (U+%04X)", cp == 0x7F ? "DEL" : "C1 control", cp);
        return name;
    }
    return NULL;
}

bool cells_unfloat(char *s)
{
    size_t digits = strspn(s, "0123456789");
    if (digits == 0 || s[digits] != '.' || s[digits + 1] == '\0')
        return false;
    if (strspn(s + digits + 1, "0") != strlen(s + digits + 1))
        return false;
    s[digits] = '\0';
    return true;
}

bool cells_scientific(const char *s)
{
    const char *p = s;
    if (!(*p >= '0' && *p <= '9'))
        return false;
    p += strspn(p, "0123456789");
    if (*p == '.' || *p == ',')
        p += 1 + strspn(p + 1, "0123456789");
    if (*p != 'E' && *p != 'e')
        return false;
    p++;
    if (*p == '+' || *p == '-')
        p++;
    size_t exp = strspn(p, "0123456789");
    return exp > 0 && p[exp] == '\0';
}
