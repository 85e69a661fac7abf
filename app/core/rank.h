/* rank: ordering search results by relevance first and fairness second.
 *
 * Results whose relevance is within a quarter of each other count as
 * equals. Among equals, mentors with fewer recent referrals come first,
 * then a per-day rotation: the order is stable while a visitor types and
 * across the day, but changes from day to day, so the same few people
 * are not always on top. Pure. */
#ifndef CK_RANK_H
#define CK_RANK_H

#include <stddef.h>

typedef struct {
    size_t index;     /* the caller's index of this result */
    double relevance; /* higher is better; 0 for all when no query */
    int recent;       /* referrals in the last 30 days */
    unsigned turn;    /* from rank_turn() */
    int band;         /* set by rank_order: 0 = as relevant as the best */
} RankItem;

/* A stable pseudo-random number for a mentor id on a given day. */
unsigned rank_turn(const char *id, long day);

/* Sorts items in place, best first. */
void rank_order(RankItem *items, size_t n);

#endif
