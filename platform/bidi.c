/* bidi: the order a line's text is shown in, by the Unicode bidirectional
 * algorithm (GNU FriBidi; the only includer of fribidi.h). A line mixing
 * left-to-right and right-to-left text ("Dear ليلى,") is cut into runs of
 * one direction, given in the order they stand on screen from left to
 * right; HarfBuzz (through SDL_ttf) then shapes each run in its own
 * direction. See internal.h. */
#include "internal.h"

#include <fribidi.h>
#include <stdlib.h>
#include <string.h>

enum { BIDI_CHARS = 1024 };

int bidi_runs(const char *s, size_t len, BidiRun *out, int cap)
{
    FriBidiChar u[BIDI_CHARS];
    FriBidiCharType types[BIDI_CHARS];
    FriBidiBracketType brackets[BIDI_CHARS];
    FriBidiLevel levels[BIDI_CHARS];
    size_t offset[BIDI_CHARS + 1]; /* byte where character i starts */
    int n = 0;
    /* decode by hand, to keep each character's byte offset */
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len && n < BIDI_CHARS;) {
        uint32_t c = p[i];
        size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + k > len)
            k = len - i;
        if (k > 1) {
            c &= 0x7Fu >> k;
            for (size_t j = 1; j < k; j++)
                c = c << 6 | (p[i + j] & 0x3F);
        }
        offset[n] = i;
        u[n++] = c;
        i += k;
    }
    offset[n] = len; /* past BIDI_CHARS, the rest joins the last character */
    if (n == 0 || cap <= 0)
        return 0;
    fribidi_get_bidi_types(u, n, types);
    fribidi_get_bracket_types(u, n, types, brackets);
    /* a line runs the way most of its letters do: an English sentence
     * that begins with an Arabic name is left to right ("ليلى has built a
     * career", "ليلى حداد (Layla Haddad)"), a line in Hebrew right to left;
     * when even, its first strong letter decides */
    /* letters inside an isolate (a visitor's name, FSI ... PDI) are the
     * quote's, not the line's: a long Arabic name does not turn an
     * English sentence around */
    int ltr = 0, rtl = 0, depth = 0;
    for (int i = 0; i < n; i++) {
        if (types[i] == FRIBIDI_TYPE_FSI || types[i] == FRIBIDI_TYPE_LRI ||
            types[i] == FRIBIDI_TYPE_RLI)
            depth++;
        else if (types[i] == FRIBIDI_TYPE_PDI && depth > 0)
            depth--;
        else if (depth == 0) {
            ltr += types[i] == FRIBIDI_TYPE_LTR;
            rtl += types[i] == FRIBIDI_TYPE_RTL || types[i] == FRIBIDI_TYPE_AL;
        }
    }
    FriBidiParType dir = ltr > rtl ? FRIBIDI_PAR_LTR : rtl > ltr ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_ON;
    if (!fribidi_get_par_embedding_levels_ex(types, brackets, n, &dir, levels)) {
        out[0] = (BidiRun){0, len, false};
        return 1;
    }
    /* logical runs of one level */
    BidiRun logical[BIDI_RUNS_MAX];
    FriBidiLevel lv[BIDI_RUNS_MAX];
    int runs = 0;
    for (int i = 0; i < n; i++) {
        if (runs == 0 || levels[i] != lv[runs - 1]) {
            if (runs == BIDI_RUNS_MAX || runs == cap) /* the rest joins the last run */
                break;
            logical[runs] = (BidiRun){offset[i], 0, (levels[i] & 1) != 0};
            lv[runs++] = levels[i];
        }
        logical[runs - 1].len = offset[i + 1] - logical[runs - 1].start;
    }
    logical[runs - 1].len = len - logical[runs - 1].start;
    /* visual order: from the highest level down to the lowest odd one,
     * reverse every stretch of runs at that level or above (UAX #9, L2) */
    int order[BIDI_RUNS_MAX];
    int top = 0, low = 1000; /* no odd level yet */
    for (int i = 0; i < runs; i++) {
        order[i] = i;
        top = lv[i] > top ? lv[i] : top;
        if (lv[i] & 1)
            low = lv[i] < low ? lv[i] : low;
    }
    for (int level = top; level >= low; level--)
        for (int i = 0; i < runs;) {
            if (lv[order[i]] < level) {
                i++;
                continue;
            }
            int j = i;
            while (j < runs && lv[order[j]] >= level)
                j++;
            for (int a = i, b = j - 1; a < b; a++, b--) {
                int t = order[a];
                order[a] = order[b];
                order[b] = t;
            }
            i = j;
        }
    /* neighbours on screen that run the same way and follow each other
     * in the text are one run (an isolated name at the level above its
     * sentence): shaped whole, kerned across */
    int n_out = 0;
    for (int i = 0; i < runs; i++) {
        BidiRun r = logical[order[i]];
        BidiRun *last = n_out > 0 ? &out[n_out - 1] : NULL;
        if (last && last->rtl == r.rtl && !r.rtl && last->start + last->len == r.start)
            last->len += r.len;
        else if (last && last->rtl == r.rtl && r.rtl && r.start + r.len == last->start) {
            last->start = r.start;
            last->len += r.len;
        } else
            out[n_out++] = r;
    }
    return n_out;
}
