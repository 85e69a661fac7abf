/* suggest: people for a visitor before they type, from what they said
 * about themselves, each with the reason in a few words, then a mix
 * across fields. See search.h. Built on store_search_info, so the
 * words a visitor gave are matched as a search matches them (every
 * script, stems, synonyms, typos). */
#include "directory/search.h"

#include "core/rank.h"
#include "core/text.h"
#include "core/visitor.h"
#include "core/words.h"
#include "directory/internal.h"
#include "directory/latin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { POOL = 160, PER_ANSWER = 60 };

typedef struct {
    StoreHit hit;
    int score;
    char reason[2][STORE_REASON_MAX]; /* the strongest two, strongest first */
    int rscore[2];
} Pick;

typedef struct {
    Pick *p;
    int n;
} Pool;

static Pick *pool_find(Pool *pool, const char *id)
{
    for (int i = 0; i < pool->n; i++)
        if (strcmp(pool->p[i].hit.mentor.id, id) == 0)
            return &pool->p[i];
    return NULL;
}

/* Adds score for a mentor, keeping the reasons of the strongest two. */
static void pool_add(Pool *pool, const StoreHit *h, int score, const char *reason)
{
    Pick *p = pool_find(pool, h->mentor.id);
    if (!p) {
        if (pool->n >= POOL)
            return;
        p = &pool->p[pool->n++];
        memset(p, 0, sizeof *p);
        p->hit = *h;
    }
    p->score += score;
    if (strcmp(p->reason[0], reason) == 0 || strcmp(p->reason[1], reason) == 0)
        return;
    if (score > p->rscore[0]) {
        memcpy(p->reason[1], p->reason[0], sizeof p->reason[0]);
        p->rscore[1] = p->rscore[0];
        text_copy(p->reason[0], sizeof p->reason[0], reason);
        p->rscore[0] = score;
    } else if (score > p->rscore[1]) {
        text_copy(p->reason[1], sizeof p->reason[1], reason);
        p->rscore[1] = score;
    }
}

/* The reasons in a few words: the strongest, and the next when both are
 * short ("Studied Law too · Changed careers"). */
static void pick_reason(const Pick *p, char *out)
{
    /* both only when short: a card has room for about 32 letters */
    if (p->reason[1][0] && strlen(p->reason[0]) + strlen(p->reason[1]) + 4 <= 32) {
        size_t a = strlen(p->reason[0]), b = strlen(p->reason[1]);
        memcpy(out, p->reason[0], a);
        memcpy(out + a, " \xc2\xb7 ", 4);
        memcpy(out + a + 4, p->reason[1], b + 1);
    } else
        text_copy(out, STORE_REASON_MAX, p->reason[0]);
}

/* True when a word of the folded text a starts like a word of b (their
 * stems, at least four letters, one a prefix of the other). */
static bool shares_word(const char *a, const char *b)
{
    char fa[300], fb[300];
    latin_fold(a, fa, sizeof fa);
    latin_fold(b, fb, sizeof fb);
    for (char *p = fa, *save = NULL, *w; (w = strtok_r(p, " ,;/&-()", &save)); p = NULL) {
        char sa[WORDS_MAX + 1], sb[WORDS_MAX + 1], copy[300];
        size_t na = words_stem(w, strlen(w), sa, sizeof sa);
        if (na < 4)
            continue;
        text_copy(copy, sizeof copy, fb);
        for (char *q = copy, *save2 = NULL, *v; (v = strtok_r(q, " ,;/&-()", &save2)); q = NULL) {
            size_t nb = words_stem(v, strlen(v), sb, sizeof sb);
            size_t k = na < nb ? na : nb;
            if (k >= 4 && strncmp(sa, sb, k) == 0)
                return true;
        }
    }
    return false;
}

/* The first of a mentor's topics that shares a word with text, or NULL
 * (into buf). */
static const char *topic_like(const Mentor *m, const char *text, char *buf, size_t cap)
{
    char topics[MENTOR_TOPICS_MAX + 1];
    text_copy(topics, sizeof topics, m->topics);
    for (char *p = topics, *save = NULL, *t; (t = strtok_r(p, ";", &save)); p = NULL) {
        text_trim(t);
        if (*t && shares_word(t, text)) {
            text_copy(buf, cap, t);
            return buf;
        }
    }
    return NULL;
}

/* True when every word of what the visitor said (three letters or more)
 * starts like a word of the mentor's text: "Political Science" is not
 * "Environmental Science". */
static bool shares_all(const char *said, const char *theirs)
{
    char fs[300];
    int words = 0;
    latin_fold(said, fs, sizeof fs);
    for (char *p = fs, *save = NULL, *w; (w = strtok_r(p, " ,;/&-()", &save)); p = NULL) {
        if (strlen(w) < 3)
            continue;
        words++;
        if (!shares_word(w, theirs))
            return false;
    }
    return words > 0;
}

/* People for the program or major: the same major first, then who
 * works in it. */
/* Writes "<what> <x><tail>" into why, cutting x at a character. */
static void say(char *why, const char *what, const char *x, const char *tail)
{
    char part[STORE_REASON_MAX];
    size_t room = STORE_REASON_MAX - strlen(what) - strlen(tail) - 1;
    text_copy(part, room < sizeof part ? room : sizeof part, x);
    snprintf(why, STORE_REASON_MAX, "%s%s%s", what, part, tail);
}

static void from_program(Store *s, const char *program, const StoreFilter *f, Date today,
                         Pool *pool, StoreHit *tmp)
{
    StoreSearchInfo info = {.not_names = true};
    int n = store_search_info(s, program, f, today, tmp, PER_ANSWER, &info);
    for (int i = 0; i < n; i++) {
        char why[STORE_REASON_MAX];
        const Mentor *m = &tmp[i].mentor;
        if (*m->major && shares_all(program, m->major)) {
            /* the strongest tie a visitor has to someone they never met:
             * above working in the field even with a path alike */
            say(why, "Studied ", m->major, " too");
            pool_add(pool, &tmp[i], 45, why);
        } else {
            say(why, "Works in ", m->field, "");
            pool_add(pool, &tmp[i], tmp[i].tier == RANK_TIER_OTHER ? 10 : 20, why);
        }
    }
}

/* People for what the visitor is exploring. */
static void from_interest(Store *s, const char *interest, const StoreFilter *f, Date today,
                          Pool *pool, StoreHit *tmp)
{
    StoreSearchInfo info = {.not_names = true};
    int n = store_search_info(s, interest, f, today, tmp, PER_ANSWER, &info);
    for (int i = 0; i < n; i++) {
        char why[STORE_REASON_MAX], topic[MENTOR_TEXT_MAX + 1];
        const Mentor *m = &tmp[i].mentor;
        if (tmp[i].tier != RANK_TIER_OTHER)
            say(why, "Works in ", m->field, "");
        else if (topic_like(m, interest, topic, sizeof topic))
            say(why, "Talks about ", topic, "");
        else
            say(why, "Knows ", m->field, "");
        pool_add(pool, &tmp[i], tmp[i].tier == RANK_TIER_OTHER ? 15 : 25, why);
    }
}

/* What a bio or topics say about the mentor's own path, as mentors
 * write it. Not what they say of the people they like to hear from: "Likes
 * to hear from career changers" is no career change, "people curious
 * about a PhD" no PhD, so a bare "career changer" or "phd" is no cue. */
static const char *const changed[] = {
    "changed careers",     "changing careers",   "switched careers",   "career change",
    "second career",       "came to this work after", "moved over from", "started out as",
    "an unrelated",        "they were a",        "she was a",          "he was a",
    "ran a small business", "ran a business",    "served in the",      "after a career in",
    "left a career",       "worked as a",         "career changes" /* a topic */};
static const char *const served[] = {"veteran", "military", "armed forces", "served"};
static const char *const graduate[] = {"graduate school", "grad school",     "earned a phd",
                                       "a phd in",        "doctorate",       "master's degree",
                                       "master's in",     "masters degree",  "postdoc",
                                       "graduate degree", "went back to school"};

static bool says(const char *folded, const char *const *cues, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (text_has_phrase(folded, cues[i]))
            return true;
    return false;
}

/* People whose path is like the visitor's: who changed careers for a
 * career changer, who went to graduate school for a graduate student,
 * veterans for a veteran (from the affinities the mentor agreed to show).
 * Read from a place in the list that moves every day. */
static void from_status(Store *s, int status, const StoreFilter *f, Date today, Pool *pool,
                        StoreHit *tmp)
{
    const char *const *cues = status == STATUS_CHANGER        ? changed
                              : status == STATUS_GRAD_STUDENT ? graduate
                              : status == STATUS_VETERAN      ? served
                                                              : NULL;
    size_t ncues = status == STATUS_CHANGER   ? sizeof changed / sizeof *changed
                   : status == STATUS_VETERAN ? sizeof served / sizeof *served
                                              : sizeof graduate / sizeof *graduate;
    const char *why = status == STATUS_CHANGER   ? "Changed careers"
                      : status == STATUS_VETERAN ? "A veteran too"
                                                 : "Went to grad school";
    if (!cues)
        return;
    /* everyone that passes the filter, in the day's order, read in turn */
    int n = store_search_info(s, "", f, today, tmp, POOL, NULL), found = 0;
    for (int i = 0; i < n && found < PER_ANSWER; i++) {
        char text[MENTOR_BIO_MAX + MENTOR_TOPICS_MAX + 4];
        /* a veteran only where the export says the mentor agreed to show
         * it (the affinities column), never guessed from a bio */
        if (status == STATUS_VETERAN)
            text_copy(text, sizeof text, tmp[i].mentor.affinities);
        else
            snprintf(text, sizeof text, "%s; %s", tmp[i].mentor.bio, tmp[i].mentor.topics);
        text_fold(text, text, sizeof text);
        if (says(text, cues, ncues)) {
            pool_add(pool, &tmp[i], 20, why);
            found++;
        }
    }
}

/* After the chosen: the rest of the day's order, taking one mentor of
 * each field in turn so the first screen is a mix. */
static int mix(const StoreHit *all, int n, Pool *pool, StoreHit *hits,
               char (*reasons)[STORE_REASON_MAX], int k, int cap)
{
    bool *used = calloc((size_t)(n ? n : 1), sizeof *used);
    if (!used)
        return k;
    for (int round = 0; k < cap; round++) {
        bool took = false;
        const char *fields[64];
        int nf = 0;
        for (int i = 0; i < n && k < cap; i++) {
            if (used[i] || pool_find(pool, all[i].mentor.id))
                continue;
            bool seen = false;
            for (int j = 0; j < nf && !seen; j++)
                seen = strcmp(fields[j], all[i].mentor.field) == 0;
            if (seen && round < 8)
                continue; /* one of each field a round, then anyone */
            if (nf < 64)
                fields[nf++] = all[i].mentor.field;
            used[i] = true;
            hits[k] = all[i];
            hits[k].rank = 0;
            reasons[k][0] = '\0';
            k++;
            took = true;
        }
        if (!took && round >= 8)
            break;
    }
    free(used);
    return k;
}

/* The kind of a pick's strongest reason: its first word ("Studied",
 * "Works", "Changed"...). */
static size_t reason_kind(const Pick *p, char *out, size_t cap)
{
    size_t n = strcspn(p->reason[0], " ");
    if (n >= cap)
        n = cap - 1;
    memcpy(out, p->reason[0], n);
    out[n] = '\0';
    return n;
}

/* The first screen shows every kind of reason the visitor's answers
 * gave, not nine of the strongest kind: a student of Economics exploring
 * finance sees people in finance beside Economics alumni. Each kind
 * takes at most a fair part of the first SCREEN; the picks it had to
 * give up follow, in their order. */
enum { SCREEN = 9 };
static void spread_reasons(const Pool *pool, RankItem *items)
{
    char kinds[8][STORE_REASON_MAX];
    int nk = 0, used[8] = {0};
    for (int i = 0; i < pool->n && nk < 8; i++) {
        char k[STORE_REASON_MAX];
        reason_kind(&pool->p[items[i].index], k, sizeof k);
        bool seen = false;
        for (int j = 0; j < nk && !seen; j++)
            seen = strcmp(kinds[j], k) == 0;
        if (!seen)
            text_copy(kinds[nk++], sizeof kinds[0], k);
    }
    if (nk < 2)
        return;
    int share = (SCREEN + nk - 1) / nk, placed = 0;
    RankItem *order = malloc((size_t)pool->n * sizeof *order);
    bool *taken = calloc((size_t)pool->n, sizeof *taken);
    if (!order || !taken)
        goto done;
    for (int i = 0; i < pool->n && placed < SCREEN; i++) {
        char k[STORE_REASON_MAX];
        reason_kind(&pool->p[items[i].index], k, sizeof k);
        int j = 0;
        while (j < nk && strcmp(kinds[j], k) != 0)
            j++;
        if (j < nk && used[j] >= share)
            continue;
        if (j < nk)
            used[j]++;
        order[placed++] = items[i];
        taken[i] = true;
    }
    for (int i = 0; i < pool->n; i++)
        if (!taken[i])
            order[placed++] = items[i];
    memcpy(items, order, (size_t)pool->n * sizeof *items);
done:
    free(order);
    free(taken);
}

int store_suggest(Store *s, const StoreWho *who, const StoreFilter *f, Date today, StoreHit *hits,
                  char (*reasons)[STORE_REASON_MAX], int cap)
{
    Pool pool = {calloc(POOL, sizeof(Pick)), 0};
    StoreHit *tmp = calloc(POOL, sizeof *tmp);
    RankItem *items = calloc(POOL, sizeof *items);
    int k = -1;
    /* a suggestion is someone to ask: never a mentor not taking requests */
    static const StoreFilter none = {NULL, 0, 0, -1, NULL, false, false};
    StoreFilter open = f ? *f : none;
    open.accepting_only = true;
    f = &open;
    if (!pool.p || !tmp || !items)
        goto done;
    if (who && who->program && *who->program)
        from_program(s, who->program, f, today, &pool, tmp);
    if (who && who->interest && *who->interest)
        from_interest(s, who->interest, f, today, &pool, tmp);
    if (who)
        from_status(s, who->status, f, today, &pool, tmp);
    /* the chosen by how much they fit, and among equals as a search
     * ranks them: fewer recent referrals, then the day's turn */
    for (int i = 0; i < pool.n; i++)
        items[i] = (RankItem){(size_t)i, -pool.p[i].score, pool.p[i].hit.recent,
                              rank_turn(pool.p[i].hit.mentor.id, date_to_days(today)),
                              db_is_stale(s, pool.p[i].hit.mentor.last_verified, today),
                              !pool.p[i].hit.mentor.accepting};
    rank_order(items, (size_t)pool.n);
    spread_reasons(&pool, items);
    k = 0;
    for (int i = 0; i < pool.n && k < cap; i++, k++) {
        hits[k] = pool.p[items[i].index].hit;
        hits[k].rank = -pool.p[items[i].index].score;
        pick_reason(&pool.p[items[i].index], reasons[k]);
    }
    int n = store_search_info(s, "", f, today, tmp, POOL, NULL);
    if (n < 0) {
        k = -1;
        goto done;
    }
    k = mix(tmp, n, &pool, hits, reasons, k, cap);
done:
    /* what was picked says something of the visitor */
    if (pool.p)
        explicit_bzero(pool.p, POOL * sizeof(Pick));
    free(pool.p);
    free(tmp);
    free(items);
    return k;
}
