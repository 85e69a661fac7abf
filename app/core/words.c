/* words: stems and the typo distance. See words.h. */
#include "words.h"

#include <string.h>

/* Endings taken off, longest first; "s" last so "ies" and "es" win. */
static const char *const endings[] = {"ations", "ation", "ments", "ment", "ings", "ists",
                                      "ies",    "ing",   "ers",   "ist",  "ism",  "ed",
                                      "er",     "es",    "ly",    "e",    "s",    "y"};

static bool has_digit(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (w[i] >= '0' && w[i] <= '9')
            return true;
    return false;
}

size_t words_stem(const char *w, size_t n, char *out, size_t cap)
{
    size_t keep = n;
    if (cap == 0)
        return 0;
    if (n > 4 && !has_digit(w, n))
        for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++) {
            size_t k = strlen(endings[i]);
            /* "ss" is no plural ("business"), and a doubled "ee" keeps
             * its e ("employee") */
            bool not_plural = k == 1 && endings[i][0] == 's' && w[n - 2] == 's';
            bool ee = k <= 2 && n > k + 1 && w[n - k - 1] == 'e' && endings[i][0] == 'e';
            if (n >= k + 4 && memcmp(w + n - k, endings[i], k) == 0 && !not_plural && !ee) {
                keep = n - k;
                break;
            }
        }
    if (keep >= cap)
        keep = cap - 1;
    memcpy(out, w, keep);
    out[keep] = '\0';
    return keep;
}

int words_typo_budget(size_t n)
{
    return n < 5 ? 0 : n < 9 ? 1 : 2;
}

int words_distance(const char *a, size_t na, const char *b, size_t nb, int max)
{
    /* optimal string alignment over three rows, with a band cut-off */
    int rows[3][WORDS_MAX + 1];
    int *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    if (na > WORDS_MAX || nb > WORDS_MAX)
        return max + 1;
    int first = (na && nb && a[0] != b[0]) ? 1 : 0;
    if ((na > nb ? na - nb : nb - na) + (size_t)first > (size_t)max)
        return max + 1;
    for (size_t j = 0; j <= nb; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= na; i++) {
        int best = cur[0] = (int)i;
        for (size_t j = 1; j <= nb; j++) {
            int cost = a[i - 1] != b[j - 1];
            int v = prev[j - 1] + cost;
            if (prev[j] + 1 < v)
                v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                prev2[j - 2] + 1 < v)
                v = prev2[j - 2] + 1;
            cur[j] = v;
            if (v < best)
                best = v;
        }
        if (best + first > max)
            return max + 1;
        int *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    int d = prev[nb] + first;
    return d > max ? max + 1 : d;
}
