/* rank: ordering search results by relevance first and fairness second.
 *
 * Relevance is a tier: where every word the visitor typed matched (the
 * name, then the role, organization, field or major, then the role by
 * what the words stand for (a synonym: "psychology" finds a therapist,
 * after those who studied psychology), then anywhere else).
 * Mentors in the same tier count as equals. Among equals, those taking
 * requests come first (a list must not open on someone who cannot
 * answer), then those whose
 * details were checked recently come first, then those with fewer
 * recent referrals, then a per-day rotation: the order
 * is stable while a visitor types and across the day, but changes from
 * day to day, so the same few people are not always on top. Pure. */
#ifndef CK_RANK_H
#define CK_RANK_H

#include <stdbool.h>
#include <stddef.h>

enum { RANK_TIER_NAME, RANK_TIER_ROLE, RANK_TIER_ALIKE, RANK_TIER_OTHER };

typedef struct {
    size_t index;  /* the caller's index of this result */
    int tier;      /* from rank_tier(); 0 for all when there is no query */
    int recent;    /* referrals in the last 30 days */
    unsigned turn; /* from rank_turn() */
    bool stale;    /* details not checked for a long while: after fresher equals */
    bool closed;   /* not taking requests now: after every equal who is */
} RankItem;

/* The tier of a mentor for what the visitor typed: RANK_TIER_NAME when
 * every word starts a word of the name, RANK_TIER_ROLE when every word
 * starts a word of the name, title, organization or field, else
 * RANK_TIER_OTHER. Accents and case are ignored. */
int rank_tier(const char *query, const char *name, const char *title, const char *organization,
              const char *field);

/* A stable pseudo-random number for a mentor id on a given day. */
unsigned rank_turn(const char *id, long day);

/* Sorts items in place, best first. */
void rank_order(RankItem *items, size_t n);

#endif
