/* synonym: checking one row of the synonym table. See synonym.h. */
#include "synonym.h"

#include "text.h"

#include <stdio.h>
#include <string.h>

/* Copies src trimmed into dst[cap]; false when it does not fit or is
 * not UTF-8, with the reason in why. */
static bool take(const char *column, const char *src, char *dst, size_t cap, char *why,
                 size_t why_cap)
{
    size_t n;
    if (!text_utf8_valid(src, strlen(src))) {
        snprintf(why, why_cap, "column %s: not UTF-8 text", column);
        return false;
    }
    while (*src == ' ' || *src == '\t')
        src++;
    n = strlen(src);
    while (n > 0 && (src[n - 1] == ' ' || src[n - 1] == '\t' || src[n - 1] == '\r'))
        n--;
    if (n >= cap) {
        snprintf(why, why_cap, "column %s: longer than %zu bytes", column, cap - 1);
        return false;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
    return true;
}

bool synonym_from_fields(const char *term, const char *means, const char *field, Synonym *out,
                         char *why, size_t why_cap)
{
    memset(out, 0, sizeof *out);
    if (!take("term", term, out->term, sizeof out->term, why, why_cap) ||
        !take("means", means, out->means, sizeof out->means, why, why_cap) ||
        !take("field", field, out->field, sizeof out->field, why, why_cap))
        return false;
    if (!*out->term) {
        snprintf(why, why_cap, "column term: empty");
        return false;
    }
    if (text_words(out->term) > SYNONYM_WORDS) {
        snprintf(why, why_cap, "column term: more than %d words (\"%s\")", SYNONYM_WORDS,
                 out->term);
        return false;
    }
    if (!*out->means) {
        snprintf(why, why_cap, "column means: empty (what does \"%s\" stand for?)", out->term);
        return false;
    }
    for (const char *p = out->means;;) {
        const char *semi = strchr(p, ';');
        size_t n = semi ? (size_t)(semi - p) : strlen(p);
        bool blank = true;
        for (size_t i = 0; i < n; i++)
            blank = blank && (p[i] == ' ' || p[i] == '\t');
        if (blank) {
            snprintf(why, why_cap, "column means: an empty item between semicolons");
            return false;
        }
        if (!semi)
            break;
        p = semi + 1;
    }
    return true;
}
