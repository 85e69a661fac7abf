/* rank: relevance bands, then fewest referrals, then a daily rotation. */
#include "rank.h"

#include <stdint.h>
#include <stdlib.h>

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

static int cmp(const void *a, const void *b)
{
    const RankItem *x = a, *y = b;
    if (x->band != y->band)
        return x->band < y->band ? -1 : 1;
    if (x->recent != y->recent)
        return x->recent < y->recent ? -1 : 1;
    if (x->turn != y->turn)
        return x->turn < y->turn ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

void rank_order(RankItem *items, size_t n)
{
    double best = 0;
    for (size_t i = 0; i < n; i++)
        if (items[i].relevance > best)
            best = items[i].relevance;
    for (size_t i = 0; i < n; i++)
        items[i].band = best > 0 ? (int)((best - items[i].relevance) / (best * 0.25)) : 0;
    qsort(items, n, sizeof *items, cmp);
}
