/* rank: relevance bands, then fewest referrals, then a daily rotation. */
#include "rank.h"

#include "text.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Letters and digits in any script (bytes of multi-byte characters). */
static bool is_word(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

unsigned rank_turn(const char *id, long day)
{
    uint32_t h = 2166136261u; /* FNV-1a, then a final mix with the day */
    for (const unsigned char *p = (const unsigned char *)id; *p; p++)
        h = (h ^ *p) * 16777619u;
    h ^= (uint32_t)day * 2654435761u;
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    return h;
}

/* True when a word of the folded hay starts with the folded word w. */
static bool starts_a_word(const char *hay, const char *w, size_t n)
{
    for (const char *p = hay; *p; p++) {
        bool at_start = p == hay || !is_word((unsigned char)p[-1]);
        if (at_start && strncmp(p, w, n) == 0)
            return true;
    }
    return false;
}

int rank_tier(const char *query, const char *name, const char *title, const char *organization,
              const char *field)
{
    char q[256], who[256], role[1024];
    text_fold(query, q, sizeof q);
    text_fold(name, who, sizeof who);
    snprintf(role, sizeof role, "%s %s %s %s", name, title, organization, field);
    text_fold(role, role, sizeof role);
    bool in_name = true, in_role = true, any = false;
    for (const char *p = q; *p;) {
        while (*p && !is_word((unsigned char)*p))
            p++;
        size_t n = 0;
        while (p[n] && is_word((unsigned char)p[n]))
            n++;
        if (n == 0)
            break;
        any = true;
        in_name = in_name && starts_a_word(who, p, n);
        in_role = in_role && starts_a_word(role, p, n);
        p += n;
    }
    if (!any)
        return RANK_TIER_NAME;
    return in_name ? RANK_TIER_NAME : in_role ? RANK_TIER_ROLE : RANK_TIER_OTHER;
}

static int cmp(const void *a, const void *b)
{
    const RankItem *x = a, *y = b;
    if (x->tier != y->tier)
        return x->tier < y->tier ? -1 : 1;
    if (x->closed != y->closed)
        return x->closed ? 1 : -1;
    if (x->stale != y->stale)
        return x->stale ? 1 : -1;
    if (x->recent != y->recent)
        return x->recent < y->recent ? -1 : 1;
    if (x->turn != y->turn)
        return x->turn < y->turn ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

void rank_order(RankItem *items, size_t n)
{
    qsort(items, n, sizeof *items, cmp);
}
