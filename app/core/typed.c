/* typed: cleaning what a visitor types, and isolating it in a sentence.
 * See typed.h. */
#include "typed.h"

#include "text.h"

#include <string.h>

typedef struct {
    uint32_t lo, hi;
} Range;

/* Characters a name or an answer never needs, by Unicode general
 * category (Unicode 15): controls (Cc), format characters (Cf, but ZWNJ
 * and ZWJ, judged in typed_clean), line and paragraph separators (Zl,
 * Zp), private use (Co), noncharacters, and the replacement character
 * ill-formed bytes decode to. Sorted. */
static const Range dropped[] = {
    {0x0000, 0x001F},   {0x007F, 0x009F},   {0x00AD, 0x00AD},   {0x0600, 0x0605},
    {0x061C, 0x061C},   {0x06DD, 0x06DD},   {0x070F, 0x070F},   {0x0890, 0x0891},
    {0x08E2, 0x08E2},   {0x180E, 0x180E},   {0x200B, 0x200B},   {0x200E, 0x200F},
    {0x2028, 0x202E},   {0x2060, 0x2064},   {0x2066, 0x206F},   {0xE000, 0xF8FF},
    {0xFDD0, 0xFDEF},   {0xFE0E, 0xFE0F}, /* text and emoji presentation selectors */
    {0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},   {0xFFFD, 0xFFFF},   {0x110BD, 0x110BD},
    {0x110CD, 0x110CD}, {0x13430, 0x1343F}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A},
    {0xE0001, 0xE0001}, {0xE0020, 0xE007F}, {0xF0000, 0x10FFFF},
};

/* Emoji and the pictographs they come from (Extended_Pictographic, the
 * keycap and skin tones included): the kiosk's fonts draw some in black
 * and white and most not at all, never in colour. Sorted. */
static const Range emoji[] = {
    {0x20E3, 0x20E3}, {0x231A, 0x231B}, {0x23E9, 0x23FA},   {0x2600, 0x27BF},
    {0x2934, 0x2935}, {0x2B00, 0x2BFF}, {0x3030, 0x3030},   {0x303D, 0x303D},
    {0x3297, 0x3297}, {0x3299, 0x3299}, {0x1F000, 0x1FAFF},
};

/* Marks that isolate or set a direction: ALM, LRM, RLM, LRI, RLI, FSI,
 * PDI. */
static const Range marks[] = {{0x061C, 0x061C}, {0x200E, 0x200F}, {0x2066, 0x2069}};

/* Letters and marks of right-to-left scripts (Hebrew, Arabic, Syriac,
 * Thaana, NKo...), with their presentation forms. */
static const Range rtl[] = {
    {0x0590, 0x08FF}, {0xFB1D, 0xFDFF}, {0xFE70, 0xFEFF}, {0x10800, 0x10FFF}, {0x1E800, 0x1EFFF},
};

/* Scripts whose spelling uses ZWNJ or ZWJ between letters: Arabic to
 * Mongolian, the Indic extensions, Arabic presentation forms. */
static const Range joining[] = {{0x0600, 0x1CFF}, {0xA800, 0xABFF}, {0xFB50, 0xFEFC}};

static bool in(const Range *r, size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < r[mid].lo)
            hi = mid;
        else if (cp > r[mid].hi)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

#define IN(table, cp) in(table, sizeof table / sizeof *table, cp)

TypedClass typed_class(uint32_t cp)
{
    if (IN(dropped, cp) || (cp & 0xFFFE) == 0xFFFE) /* U+xFFFE, U+xFFFF in every plane */
        return TYPED_DROP;
    return IN(emoji, cp) ? TYPED_REFUSE : TYPED_KEEP;
}

bool typed_is_mark(uint32_t cp)
{
    return IN(marks, cp);
}

size_t typed_clean(char *s, uint32_t before, bool *refused)
{
    size_t len = strlen(s), o = 0;
    uint32_t prev = before; /* the last character kept */
    for (size_t i = 0; i < len;) {
        size_t at = i;
        uint32_t cp = text_utf8_next(s, len, &i);
        TypedClass k = typed_class(cp);
        if (k == TYPED_REFUSE && refused)
            *refused = true;
        if (k != TYPED_KEEP)
            continue;
        if ((cp == 0x200C || cp == 0x200D) && !IN(joining, prev))
            continue;
        memmove(s + o, s + at, i - at);
        o += i - at;
        prev = cp;
    }
    s[o] = '\0';
    return o;
}

uint32_t typed_last(const char *s)
{
    size_t n = strlen(s), i;
    if (n == 0)
        return 0;
    i = n - 1;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return text_utf8_next(s, n, &i);
}

void typed_isolate(char *s, size_t cap)
{
    size_t n = strlen(s);
    if (n == 0 || cap <= TYPED_ISOLATE_BYTES)
        return;
    if (n + TYPED_ISOLATE_BYTES >= cap) { /* cut the value, never a mark */
        n = cap - 1 - TYPED_ISOLATE_BYTES;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    memmove(s + 3, s, n);
    memcpy(s, TYPED_FSI, 3);
    memcpy(s + 3 + n, TYPED_PDI, 3);
    s[n + TYPED_ISOLATE_BYTES] = '\0';
}

size_t typed_for_phone(char *s)
{
    size_t len = strlen(s), o = 0;
    bool right_to_left = false; /* since the last FSI */
    for (size_t i = 0; i < len;) {
        size_t at = i;
        uint32_t cp = text_utf8_next(s, len, &i);
        if (cp == 0x2068) {
            right_to_left = false;
            continue;
        }
        if (cp == 0x2069) {
            if (right_to_left) {
                memcpy(s + o, TYPED_LRM, 3); /* PDI's three bytes: room enough */
                o += 3;
            }
            right_to_left = false;
            continue;
        }
        right_to_left = right_to_left || IN(rtl, cp);
        memmove(s + o, s + at, i - at);
        o += i - at;
    }
    s[o] = '\0';
    return o;
}

size_t typed_phone_chars(const char *s)
{
    size_t len = strlen(s), n = 0;
    bool right_to_left = false;
    for (size_t i = 0; i < len;) {
        uint32_t cp = text_utf8_next(s, len, &i);
        if (cp == 0x2068)
            right_to_left = false;
        else if (cp == 0x2069) {
            n += right_to_left;
            right_to_left = false;
        } else {
            right_to_left = right_to_left || IN(rtl, cp);
            n++;
        }
    }
    return n;
}

int typed_open_isolates(const char *s)
{
    size_t len = strlen(s);
    int open = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp = text_utf8_next(s, len, &i);
        if (cp >= 0x2066 && cp <= 0x2068)
            open++;
        else if (cp == 0x2069 && open > 0)
            open--;
    }
    return open;
}

void typed_unmarked(const char *src, char *dst, size_t cap)
{
    size_t len = strlen(src), o = 0;
    if (cap == 0)
        return;
    for (size_t i = 0; i < len;) {
        size_t at = i;
        uint32_t cp = text_utf8_next(src, len, &i);
        if (typed_is_mark(cp))
            continue;
        if (o + (i - at) >= cap)
            break;
        memcpy(dst + o, src + at, i - at);
        o += i - at;
    }
    dst[o] = '\0';
}
