/* search: finding mentors in the directory as a visitor types, and the
 * fields and languages to filter by. */
#ifndef CK_SEARCH_H
#define CK_SEARCH_H

#include "core/date.h"
#include "core/mentor.h"
#include "directory/store.h"

#include <stdbool.h>

typedef struct {
    const char *field;    /* exact field, or NULL for any */
    int year_from;        /* 0 = no lower bound */
    int year_to;          /* 0 = no upper bound */
    int via;              /* a ContactVia, or -1 for any */
    const char *language; /* one language, or NULL */
    bool remote_only;
    bool accepting_only;
} StoreFilter;

typedef struct {
    Mentor mentor;
    int tier;       /* where the words matched: RANK_TIER_NAME/ROLE/ALIKE/OTHER */
    int rank;       /* finer: hits of the same rank are equals (then fairness orders them) */
    bool stale;     /* details older than the stale age: after fresher equals */
    int recent;     /* referrals in the last 30 days */
    int this_month; /* referrals this calendar month */
} StoreHit;

/* Searches as a visitor types: every word of text is a prefix ("jo eng"),
 * accents ignored, over name, title, organization, field, major, topics
 * and location. Empty text lists everyone that passes the filter.
 * Mentors at their monthly referral cap are left out. Ordered by where
 * the words matched (name, then role, then elsewhere: see rank.h), then
 * fewer recent referrals, then a daily rotation.
 * Writes up to cap hits; returns the count, or -1 on a database error. */
int store_search(Store *s, const char *text, const StoreFilter *f, Date today, StoreHit *hits,
                 int cap);

enum { STORE_NEAR_MAX = 3 };

/* What a search did with the words, beside its hits. */
typedef struct {
    bool exact;      /* in: search the words as typed, no typo correction */
    bool not_names;  /* in: the words are about work, not a name: names are not searched */
    bool corrected;  /* out: some words were taken for typos and replaced */
    char shown[160]; /* out: the words searched, when corrected ("machine learning") */
    char field[64];  /* out: the career area the synonym table gave the words, or "" */
    /* out, when nobody was found: the directory's fields nearest the
     * words (the synonym table's, then those sharing a word's start) */
    char near[STORE_NEAR_MAX][64];
    int nnear;
    /* out, when nobody was found: the shown name of a mentor the words
     * begin the name of, left out as they have had all the requests they
     * take this month; or "" */
    char capped[2 * MENTOR_NAME_MAX + 40];
} StoreSearchInfo;

/* store_search, and more: what is typed is folded to Latin letters in
 * any script (latin.h); each word matches by its stem ("nurses" finds
 * "nurse"), and also as what the synonym table says it stands for
 * ("surgeon" finds physicians); a word (or, when nobody is found, any
 * word) that matches nothing in the index is replaced by the nearest
 * word of the index or the synonym table within its typo budget
 * (core/words.h), unless info->exact. info may be NULL. What info holds
 * came from a visitor's typing: the caller wipes it with the search. */
int store_search_info(Store *s, const char *text, const StoreFilter *f, Date today, StoreHit *hits,
                      int cap, StoreSearchInfo *info);

enum { STORE_REASON_MAX = 64 };

/* What a visitor said about themselves, for suggestions. */
typedef struct {
    const char *program;  /* program or major, or "" */
    const char *interest; /* what they are exploring, or "" */
    int status;           /* a VisitorStatus */
} StoreWho;

/* People for a visitor who has typed nothing yet: those who fit what they
 * said (the same major, work in what they study or explore, a path like
 * theirs: changed careers, went to graduate school), most fitting first
 * and among equals as a search ranks them (fewer recent referrals, the
 * day's turn; capped mentors left out), each with its reason in a few
 * words in reasons[i] ("Studied Biology too", "Works in Healthcare",
 * "Changed careers", "A veteran too" where the export's affinities say so); then the rest of the
 * day's order a field at a time, so the first screen is a mix (reasons[i] ""). who may be NULL.
 * Writes up to cap; returns the count, or -1 on a database error. */
int store_suggest(Store *s, const StoreWho *who, const StoreFilter *f, Date today, StoreHit *hits,
                  char (*reasons)[STORE_REASON_MAX], int cap);

/* Leaves nothing of the last search in the directory's memory: SQLite's
 * full-text tokenizer keeps the last word it folded in a buffer of its
 * own for as long as the connection lives, so a long word of no meaning
 * is folded over it. Call when a visitor leaves. */
void store_search_forget(Store *s);

/* Lets go of the pages the last visitor's searches read into SQLite's
 * cache (the next visitor reads their own, from the system's page
 * cache). */
void store_release_memory(Store *s);

/* Calls fn for each field with its mentor count, alphabetically. */
typedef void (*StoreFieldFn)(void *ctx, const char *field, int count);
int store_fields(Store *s, StoreFieldFn fn, void *ctx);

/* Calls fn once for each language any mentor speaks, alphabetically. */
typedef void (*StoreLanguageFn)(void *ctx, const char *language);
int store_languages(Store *s, StoreLanguageFn fn, void *ctx);

#endif
