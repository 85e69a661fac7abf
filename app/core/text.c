/* text: UTF-8 walking, validation, folding and encoding detection. */
#include "text.h"

#include <string.h>

/* Length of the well-formed sequence at s[i], or 0 when ill-formed. */
static size_t seq_len(const unsigned char *s, size_t len, size_t i)
{
    unsigned char c = s[i];
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0)
            lo = 0xA0;
        if (c == 0xED)
            hi = 0x9F; /* no UTF-16 surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0)
            lo = 0x90;
        if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (i + n > len)
        return 0;
    if (s[i + 1] < lo || s[i + 1] > hi)
        return 0;
    for (size_t k = 2; k < n; k++)
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
    return n;
}

bool text_utf8_valid(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        size_t n = seq_len(u, len, i);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

uint32_t text_utf8_next(const char *s, size_t len, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = seq_len(u, len, *i);
    uint32_t cp;
    if (n == 0) {
        (*i)++;
        return 0xFFFD;
    }
    if (n == 1)
        cp = u[*i];
    else if (n == 2)
        cp = (uint32_t)(u[*i] & 0x1F) << 6 | (u[*i + 1] & 0x3F);
    else if (n == 3)
        cp =
            (uint32_t)(u[*i] & 0x0F) << 12 | (uint32_t)(u[*i + 1] & 0x3F) << 6 | (u[*i + 2] & 0x3F);
    else
        cp = (uint32_t)(u[*i] & 0x07) << 18 | (uint32_t)(u[*i + 1] & 0x3F) << 12 |
             (uint32_t)(u[*i + 2] & 0x3F) << 6 | (u[*i + 3] & 0x3F);
    *i += n;
    return cp;
}

size_t text_utf8_put(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t text_chars(const char *s)
{
    size_t n = 0, len = strlen(s);
    for (size_t i = 0; i < len; n++)
        text_utf8_next(s, len, &i);
    return n;
}

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

size_t text_words(const char *s)
{
    size_t n = 0;
    bool in_word = false;
    for (; *s; s++) {
        bool sp = is_space((unsigned char)*s);
        if (!sp && !in_word)
            n++;
        in_word = !sp;
    }
    return n;
}

bool text_copy(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    bool cut = false;
    if (cap == 0)
        return n > 0;
    if (n >= cap) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
        cut = true;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
    return cut;
}

char *text_trim(char *s)
{
    size_t n = strlen(s), start = 0;
    while (n > 0 && is_space((unsigned char)s[n - 1]))
        n--;
    while (start < n && is_space((unsigned char)s[start]))
        start++;
    memmove(s, s + start, n - start);
    s[n - start] = '\0';
    return s;
}

/* ASCII base letters for U+00C0..U+00FF; '\0' keeps the character. */
static const char latin1_base[64] = "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
                                    "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";
/* ASCII base letters for U+0100..U+017F (Latin Extended-A). */
static const char latin_ext_a_base[129] = "aaaaaaccccccccdd"
                                          "ddeeeeeeeeeegggg"
                                          "gggghhhhiiiiiiii"
                                          "iiiijjkkklllllll"
                                          "lllnnnnnnnnnoooo"
                                          "oooorrrrrrssssss"
                                          "ssttttttuuuuuuuu"
                                          "uuuuwwyyyzzzzzzs";

/* The folded form of one code point as a single ASCII byte, or 0. */
static char fold_ascii(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'A' && cp <= 'Z') ? (char)(cp + 32) : (char)cp;
    if (cp >= 0xC0 && cp <= 0xFF)
        return latin1_base[cp - 0xC0];
    if (cp >= 0x100 && cp <= 0x17F)
        return latin_ext_a_base[cp - 0x100];
    if (cp == 0x2018 || cp == 0x2019)
        return '\'';
    if (cp == 0x201C || cp == 0x201D)
        return '"';
    if (cp == 0x2013 || cp == 0x2014)
        return '-';
    if (cp == 0xA0)
        return ' ';
    return 0;
}

/* ALM, LRM, RLM and the isolates (LRI, RLI, FSI, PDI): invisible marks
 * around a quoted value (see typed.h), no part of any word. */
static bool is_direction_mark(uint32_t cp)
{
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x2066 && cp <= 0x2069);
}

void text_fold(const char *s, char *out, size_t cap)
{
    size_t len = strlen(s), o = 0;
    if (cap == 0)
        return;
    for (size_t i = 0; i < len;) {
        size_t start = i;
        uint32_t cp = text_utf8_next(s, len, &i);
        if (is_direction_mark(cp))
            continue;
        char a = fold_ascii(cp);
        size_t need = a ? 1 : i - start;
        if (o + need >= cap)
            break;
        if (a)
            out[o++] = a;
        else {
            memcpy(out + o, s + start, need);
            o += need;
        }
    }
    out[o] = '\0';
}

/* The letters of U+00C0..U+017F that are more than one ASCII letter. */
static const char *fold_spelled(uint32_t cp)
{
    switch (cp) {
    case 0xC6:
    case 0xE6:
        return "ae";
    case 0xDE:
    case 0xFE:
        return "th";
    case 0xDF:
        return "ss";
    case 0x132:
    case 0x133:
        return "ij";
    case 0x152:
    case 0x153:
        return "oe";
    default:
        return NULL;
    }
}

bool text_fold_ascii(const char *s, char *out, size_t cap)
{
    size_t len = strlen(s), o = 0;
    bool ok = true;
    if (cap == 0)
        return false;
    for (size_t i = 0; i < len && ok;) {
        uint32_t cp = text_utf8_next(s, len, &i);
        const char *many = fold_spelled(cp);
        char one = many ? 0 : fold_ascii(cp);
        if (!many && !one) {
            ok = false;
            break;
        }
        size_t need = many ? strlen(many) : 1;
        if (o + need >= cap)
            break;
        memcpy(out + o, many ? many : &one, need);
        o += need;
    }
    out[o] = '\0';
    return ok;
}

void text_fold_key(const char *s, char *out, size_t cap)
{
    char folded[256];
    size_t o = 0;
    if (cap == 0)
        return;
    text_fold(s, folded, sizeof folded);
    for (const char *p = folded; *p && o + 1 < cap; p++) {
        char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out[o++] = c;
    }
    out[o] = '\0';
}

int text_find_key(const char *const *names, int n, const char *s)
{
    char key[64], want[64];
    text_fold_key(s, key, sizeof key);
    for (int i = 0; i < n; i++) {
        text_fold_key(names[i], want, sizeof want);
        if (strcmp(key, want) == 0)
            return i;
    }
    return -1;
}

static bool is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

bool text_has_phrase(const char *folded, const char *phrase)
{
    size_t n = strlen(phrase);
    if (n == 0)
        return false;
    for (const char *p = strstr(folded, phrase); p; p = strstr(p + 1, phrase)) {
        bool left_ok = p == folded || !is_word_byte((unsigned char)p[-1]);
        bool right_ok = !is_word_byte((unsigned char)p[n]);
        if (left_ok && right_ok)
            return true;
    }
    return false;
}

TextEncoding text_detect_encoding(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t multi = 0, stray = 0;
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        return TEXT_ENC_UTF8_BOM;
    for (size_t i = 0; i < len;) {
        size_t n = seq_len(u, len, i);
        if (n == 0) {
            stray++;
            i++;
        } else {
            multi += n > 1;
            i += n;
        }
    }
    if (stray == 0)
        return TEXT_ENC_UTF8;
    /* Windows-1252 text almost never forms a well-formed multi-byte
     * sequence by chance, so a few of them outweigh many stray bytes */
    return multi > 0 && multi * 4 >= stray ? TEXT_ENC_UTF8_BAD : TEXT_ENC_CP1252;
}

const char *text_encoding_name(TextEncoding e)
{
    switch (e) {
    case TEXT_ENC_UTF8:
        return "UTF-8";
    case TEXT_ENC_UTF8_BOM:
        return "UTF-8 with byte-order mark";
    case TEXT_ENC_UTF8_BAD:
        return "UTF-8 with some invalid bytes";
    case TEXT_ENC_CP1252:
        return "Windows-1252 (converted to UTF-8)";
    }
    return "unknown";
}

uint32_t text_upper_cp(uint32_t cp)
{
    if (cp >= 'a' && cp <= 'z')
        return cp - 32;
    if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) /* à..þ, not ÷ */
        return cp - 0x20;
    if (cp == 0xFF) /* ÿ */
        return 0x178;
    if (cp == 0xDF) /* ß: the capital sharp s */
        return 0x1E9E;
    if (cp == 0x131) /* dotless ı: I */
        return 'I';
    /* Latin Extended-A pairs capital, small: odd small letters in
     * Ā..ķ and Ŋ..ŷ, even ones in Ĺ..ň and Ź..ž */
    if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
        return cp & 1 ? cp - 1 : cp;
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
        return cp & 1 ? cp : cp - 1;
    return cp;
}

void text_upper(const char *s, char *out, size_t cap)
{
    size_t n = strlen(s), o = 0;
    char b[4];
    if (cap == 0)
        return;
    for (size_t i = 0; i < n;) {
        size_t k = text_utf8_put(text_upper_cp(text_utf8_next(s, n, &i)), b);
        if (o + k >= cap)
            break;
        memcpy(out + o, b, k);
        o += k;
    }
    out[o] = '\0';
}

/* Characters that change how the text around them is ordered or shown,
 * or break a line: a name must not carry them into a log or a report. */
static bool hides_text(uint32_t cp)
{
    return (cp >= 0x80 && cp <= 0x9F) || cp == 0xAD || cp == 0x061C || cp == 0x180E ||
           (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB);
}

/* The escaped form of the character at s[i] (n bytes; 0: not UTF-8)
 * into piece; its length. */
static size_t escape_one(const char *s, size_t len, size_t i, size_t n, char piece[16])
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *u = (const unsigned char *)s;
    size_t k = 0, j = i;
    uint32_t cp = n ? text_utf8_next(s, len, &j) : 0;
    if (n == 1 && (cp == '\n' || cp == '\t' || cp == '\r' || cp == '\\')) {
        piece[k++] = '\\';
        piece[k++] = cp == '\n' ? 'n' : cp == '\t' ? 't' : cp == '\r' ? 'r' : '\\';
    } else if (n == 0 || cp < 0x20 || cp == 0x7F) {
        piece[k++] = '\\';
        piece[k++] = 'x';
        piece[k++] = hex[u[i] >> 4];
        piece[k++] = hex[u[i] & 15];
    } else if (hides_text(cp)) {
        memcpy(piece, "\\u{", 3);
        k = 3;
        for (int sh = cp > 0xFFFF ? 16 : 12; sh >= 0; sh -= 4)
            piece[k++] = hex[cp >> sh & 15];
        piece[k++] = '}';
    } else {
        memcpy(piece, s + i, n);
        k = n;
    }
    return k;
}

const char *text_escape(const char *s, char *out, size_t cap)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = strlen(s), o = 0, ends[4] = {0}; /* where the last pieces ended */
    if (cap == 0)
        return out;
    for (size_t i = 0, count = 0; i < len; count++) {
        char piece[16];
        size_t n = seq_len(u, len, i), k = escape_one(s, len, i, n, piece);
        if (o + k >= cap) { /* no room: whole pieces only, then "..." */
            for (size_t back = 0; o + 3 >= cap && back < 3 && back < count; back++)
                o = ends[(count - 1 - back - 1 + 4) % 4] * (back + 1 < count);
            if (o + 3 < cap) {
                memcpy(out + o, "...", 3);
                o += 3;
            }
            break;
        }
        memcpy(out + o, piece, k);
        o += k;
        ends[count % 4] = o;
        i += n ? n : 1;
    }
    out[o] = '\0';
    return out;
}
