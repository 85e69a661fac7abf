/* search: store_search (the FTS5 query from what a visitor typed, the
 * candidates tier by tier, ranking), store_fields and store_languages.
 * See search.h for the contract. */
#include "directory/search.h"

#include "core/rank.h"
#include "core/text.h"
#include "core/words.h"
#include "directory/internal.h"
#include "directory/latin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- the lexicon: the index's own words and the synonym table --- */

typedef struct {
    char *w;
    size_t n;
    long doc;      /* mentors with the word */
    unsigned cols; /* the index's columns it is in: bit 0 name, 1 title, ... */
} Term;

/* A synonym row, folded: key and stem key are its words and their stems
 * joined by single spaces; means its items folded, ';'-separated. */
typedef struct {
    char key[SYNONYM_TERM_MAX * 2];
    char stemkey[SYNONYM_TERM_MAX * 2];
    char means[SYNONYM_MEANS_MAX * 2];
    char field[SYNONYM_FIELD_MAX + 1];
} SynRow;

struct Lexicon {
    char (*field)[MENTOR_NAME_MAX + 1]; /* the directory's fields */
    int nfield;
    Term *term; /* the index's words, sorted */
    int nterm;
    bool long_terms; /* some word of the index is longer than WORDS_MAX (not in term) */
    Term *synword;   /* the words of synonym terms, sorted */
    int nsynword;
    SynRow *syn; /* sorted by stemkey */
    int nsyn;
};

static void terms_free(Term *t, int n)
{
    for (int i = 0; i < n; i++)
        free(t[i].w);
    free(t);
}

void lexicon_free(Lexicon *lex)
{
    if (!lex)
        return;
    terms_free(lex->term, lex->nterm);
    terms_free(lex->synword, lex->nsynword);
    free(lex->field);
    free(lex->syn);
    free(lex);
}

static int cmp_term(const void *a, const void *b)
{
    return strcmp(((const Term *)a)->w, ((const Term *)b)->w);
}

static int cmp_syn(const void *a, const void *b)
{
    return strcmp(((const SynRow *)a)->stemkey, ((const SynRow *)b)->stemkey);
}

static bool word_byte(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
}

/* Splits folded text into words: calls fn for each run of word bytes. */
typedef void (*WordFn)(void *ctx, const char *w, size_t n);
static void each_word(const char *folded, WordFn fn, void *ctx)
{
    for (const char *p = folded; *p;) {
        if (!word_byte((unsigned char)*p)) {
            p++;
            continue;
        }
        size_t n = 0;
        while (p[n] && word_byte((unsigned char)p[n]))
            n++;
        if (n <= WORDS_MAX)
            fn(ctx, p, n);
        p += n;
    }
}

/* Appends words to a buffer, space-separated, stemmed or not. */
typedef struct {
    char *out;
    size_t cap, len;
    bool stem;
    int words;
} Joiner;

static void join_word(void *ctx, const char *w, size_t n)
{
    Joiner *j = ctx;
    char st[WORDS_MAX + 1];
    if (j->stem)
        n = words_stem(w, n, st, sizeof st);
    else {
        memcpy(st, w, n);
        st[n] = '\0';
    }
    if (j->len + n + 2 > j->cap)
        return;
    if (j->len)
        j->out[j->len++] = ' ';
    memcpy(j->out + j->len, st, n);
    j->len += n;
    j->out[j->len] = '\0';
    j->words++;
}

/* Folds text and joins its words into out; returns how many words. */
static int fold_join(const char *text, bool stem, char *out, size_t cap)
{
    char folded[512];
    Joiner j = {out, cap, 0, stem, 0};
    out[0] = '\0';
    latin_fold(text, folded, sizeof folded);
    each_word(folded, join_word, &j);
    return j.words;
}

static bool push_term(Term **t, int *n, int *cap, const char *w, size_t len, long doc)
{
    if (*n == *cap) {
        int c = *cap ? *cap * 2 : 1024;
        Term *g = realloc(*t, (size_t)c * sizeof *g);
        if (!g)
            return false;
        *t = g;
        *cap = c;
    }
    char *copy = malloc(len + 1);
    if (!copy)
        return false;
    memcpy(copy, w, len);
    copy[len] = '\0';
    (*t)[(*n)++] = (Term){copy, len, doc, 0};
    return true;
}

/* The index's words (fts5vocab over mentors_fts, a row a word and
 * column, in word order), with the columns each is in. */
static bool load_terms(Store *s, Lexicon *lex)
{
    sqlite3_stmt *st;
    int cap = 0;
    static const char *const cols[] = {"name",  "title",  "organization", "field",
                                       "major", "topics", "location",     "bio"};
    if (db_exec(s->db, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.ck_vocab_col"
                       " USING fts5vocab(main, 'mentors_fts', 'col')") != SQLITE_OK ||
        sqlite3_prepare_v2(s->db, "SELECT term, col, doc FROM temp.ck_vocab_col", -1, &st, NULL) !=
            SQLITE_OK)
        return false;
    bool ok = true;
    while (ok && sqlite3_step(st) == SQLITE_ROW) {
        const char *w = db_col_text(st, 0), *col = db_col_text(st, 1);
        size_t n = strlen(w);
        long doc = sqlite3_column_int64(st, 2);
        if (n < 1 || n > WORDS_MAX) {
            lex->long_terms = lex->long_terms || n > WORDS_MAX;
            continue;
        }
        Term *last = lex->nterm ? &lex->term[lex->nterm - 1] : NULL;
        if (!last || strcmp(last->w, w) != 0) {
            ok = push_term(&lex->term, &lex->nterm, &cap, w, n, 0);
            last = ok ? &lex->term[lex->nterm - 1] : NULL;
        }
        for (unsigned c = 0; last && c < sizeof cols / sizeof *cols; c++)
            if (strcmp(col, cols[c]) == 0)
                last->cols |= 1u << c;
        if (last && doc > last->doc)
            last->doc = doc;
    }
    sqlite3_finalize(st);
    qsort(lex->term, (size_t)lex->nterm, sizeof *lex->term, cmp_term);
    return ok;
}

typedef struct {
    Lexicon *lex;
    int cap;
    bool ok;
} SynWords;

static void add_synword(void *ctx, const char *w, size_t n)
{
    SynWords *sw = ctx;
    if (sw->ok && n >= 2)
        sw->ok = push_term(&sw->lex->synword, &sw->lex->nsynword, &sw->cap, w, n, 1);
}

/* True when the ';'-list means holds the meaning m whole. */
static bool has_meaning(const char *means, const char *m)
{
    size_t n = strlen(m);
    for (const char *p = means; (p = strstr(p, m)); p++)
        if ((p == means || p[-1] == ';') && (p[n] == ';' || p[n] == '\0'))
            return true;
    return false;
}

/* The synonym table, folded; a term given twice has its meanings merged. */
static bool load_synonyms(Store *s, Lexicon *lex)
{
    sqlite3_stmt *st;
    int n = (int)db_query_int(s->db, "SELECT count(*) FROM synonyms", 0);
    SynWords sw = {lex, 0, true};
    if (n <= 0)
        return true;
    lex->syn = calloc((size_t)n, sizeof *lex->syn);
    if (!lex->syn ||
        sqlite3_prepare_v2(s->db, "SELECT term, means, field FROM synonyms ORDER BY position", -1,
                           &st, NULL) != SQLITE_OK)
        return false;
    while (lex->nsyn < n && sqlite3_step(st) == SQLITE_ROW) {
        SynRow *r = &lex->syn[lex->nsyn];
        char item[SYNONYM_MEANS_MAX + 1], folded[SYNONYM_MEANS_MAX * 2], *save = NULL;
        if (fold_join(db_col_text(st, 0), false, r->key, sizeof r->key) == 0)
            continue;
        fold_join(db_col_text(st, 0), true, r->stemkey, sizeof r->stemkey);
        char key_folded[SYNONYM_TERM_MAX * 2];
        latin_fold(db_col_text(st, 0), key_folded, sizeof key_folded);
        each_word(key_folded, add_synword, &sw);
        text_copy(r->field, sizeof r->field, db_col_text(st, 2));
        size_t o = 0;
        text_copy(item, sizeof item, db_col_text(st, 1));
        for (char *tok = strtok_r(item, ";", &save); tok; tok = strtok_r(NULL, ";", &save)) {
            size_t k;
            if (fold_join(tok, false, folded, sizeof folded) == 0)
                continue;
            k = strlen(folded);
            if (o + k + 2 >= sizeof r->means)
                break;
            if (o)
                r->means[o++] = ';';
            memcpy(r->means + o, folded, k + 1);
            o += k;
        }
        lex->nsyn++;
    }
    sqlite3_finalize(st);
    qsort(lex->syn, (size_t)lex->nsyn, sizeof *lex->syn, cmp_syn);
    int k = 0; /* merge repeats of a stem key into the first, each meaning once */
    for (int i = 0; i < lex->nsyn; i++) {
        if (k > 0 && strcmp(lex->syn[k - 1].stemkey, lex->syn[i].stemkey) == 0) {
            SynRow *to = &lex->syn[k - 1];
            char more[sizeof to->means], *save = NULL;
            text_copy(more, sizeof more, lex->syn[i].means);
            for (char *tok = strtok_r(more, ";", &save); tok; tok = strtok_r(NULL, ";", &save)) {
                size_t o = strlen(to->means), m = strlen(tok);
                if (has_meaning(to->means, tok) || o + m + 2 >= sizeof to->means)
                    continue;
                to->means[o] = ';';
                memcpy(to->means + o + 1, tok, m + 1);
            }
            continue;
        }
        lex->syn[k++] = lex->syn[i];
    }
    lex->nsyn = k;
    qsort(lex->synword, (size_t)lex->nsynword, sizeof *lex->synword, cmp_term);
    return sw.ok;
}

/* The directory's fields, for the fields near a search. */
static bool load_fields(Store *s, Lexicon *lex)
{
    sqlite3_stmt *st;
    int n = (int)db_query_int(s->db, "SELECT count(DISTINCT field) FROM mentors", 0);
    lex->field = calloc((size_t)(n > 0 ? n : 1), sizeof *lex->field);
    if (!lex->field ||
        sqlite3_prepare_v2(s->db, "SELECT DISTINCT field FROM mentors ORDER BY field", -1, &st,
                           NULL) != SQLITE_OK)
        return false;
    while (lex->nfield < n && sqlite3_step(st) == SQLITE_ROW)
        text_copy(lex->field[lex->nfield++], sizeof lex->field[0], db_col_text(st, 0));
    sqlite3_finalize(st);
    return true;
}

static Lexicon *lexicon(Store *s)
{
    if (s->lex)
        return s->lex;
    Lexicon *lex = calloc(1, sizeof *lex);
    if (!lex)
        return NULL;
    if (!load_terms(s, lex) || !load_synonyms(s, lex) || !load_fields(s, lex)) {
        lexicon_free(lex);
        return NULL;
    }
    s->lex = lex;
    return lex;
}

/* The first term of t[0..n) at or after w (by strcmp). */
static int lower_bound(const Term *t, int n, const char *w)
{
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (strcmp(t[mid].w, w) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool has_prefix(const Term *t, int n, const char *p, size_t len)
{
    int i = lower_bound(t, n, p);
    return i < n && strncmp(t[i].w, p, len) == 0;
}

static const SynRow *synonym_of(const Lexicon *lex, const char *stemkey)
{
    int lo = 0, hi = lex->nsyn;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2, c = strcmp(lex->syn[mid].stemkey, stemkey);
        if (c == 0)
            return &lex->syn[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* --- what the visitor typed, as words --- */

enum { QUERY_WORDS = 8, EXPR_MAX = 6000 };

typedef struct {
    char w[WORDS_MAX + 1]; /* folded, corrected when it was a typo */
    size_t n;
    char stem[WORDS_MAX + 1];
    size_t sn;
    bool corrected;
    bool left_out; /* set aside to find someone with the other words */
} QWord;

typedef struct {
    QWord word[QUERY_WORDS];
    int n;
} Query;

static void set_word(QWord *q, const char *w, size_t n)
{
    memcpy(q->w, w, n);
    q->w[n] = '\0';
    q->n = n;
    q->sn = words_stem(q->w, n, q->stem, sizeof q->stem);
}

static void add_qword(void *ctx, const char *w, size_t n)
{
    Query *q = ctx;
    if (q->n < QUERY_WORDS)
        set_word(&q->word[q->n++], w, n);
}

/* Index columns as bits of Term.cols (load_terms' order). */
enum {
    COL_NAME = 1,
    COL_ROLE = 0xF, /* name, title, organization, field */
    COL_ROLE_MAJOR = 0x1F,
    COL_TITLE_FIELD = 0xA,
    COL_LOCATION = 0x40,
    COL_BIO = 0x80,
    COL_ANY = 0xFF
};

/* True when the word can match something: a word of the index or of a
 * synonym term starts with its stem. */
static bool known(const Lexicon *lex, const QWord *q)
{
    return has_prefix(lex->term, lex->nterm, q->stem, q->sn) ||
           has_prefix(lex->synword, lex->nsynword, q->stem, q->sn);
}

typedef struct {
    const Term *best;
    int cost;
    bool whole; /* the whole word matched, not its start */
} Pick;

/* Weighs t as what q meant: the whole word, and for the word being typed
 * (the last) its start as long as what was typed. */
static void weigh(Pick *p, const QWord *q, const Term *t, int budget, bool last)
{
    if (t->n + (size_t)budget < q->n || (!last && t->n > q->n + (size_t)budget))
        return;
    if (t->cols == COL_BIO)
        return; /* a word only some bio has is searched, never what a typo meant */
    int d = words_distance(q->w, q->n, t->w, t->n, budget);
    bool whole = d <= budget;
    if (!whole && last && t->n > q->n)
        d = words_distance(q->w, q->n, t->w, q->n, budget);
    if (d > budget || (d == 0 && whole))
        return; /* too far, or the word itself */
    if (!p->best || d < p->cost || (d == p->cost && whole && !p->whole) ||
        (d == p->cost && whole == p->whole && t->doc > p->best->doc))
        *p = (Pick){t, d, whole};
}

static void weigh_all(Pick *p, const QWord *q, const Term *t, int n, int budget, bool last)
{
    int from = 0, to = n;
    if (budget < 2) { /* a first-letter typo costs 2: only words with the same first letter */
        char first[2] = {q->w[0], '\0'}, next[2] = {(char)(q->w[0] + 1), '\0'};
        from = lower_bound(t, n, first);
        to = lower_bound(t, n, next);
    }
    for (int i = from; i < to; i++)
        weigh(p, q, &t[i], budget, last);
}

/* Replaces a word that no word starts with as typed (or, with force, any
 * word not in the index as it is) by the nearest word of the index or of a synonym
 * term, when one is within the word's typo budget. */
static bool correct(const Lexicon *lex, QWord *q, bool last, bool force)
{
    int budget = words_typo_budget(q->n);
    Pick p = {NULL, 0, false};
    bool as_typed = has_prefix(lex->term, lex->nterm, q->w, q->n) ||
                    has_prefix(lex->synword, lex->nsynword, q->w, q->n);
    if (budget == 0 || (!force && as_typed))
        return false;
    if (force) {
        int i = lower_bound(lex->term, lex->nterm, q->w);
        if (i < lex->nterm && strcmp(lex->term[i].w, q->w) == 0)
            return false;
    }
    weigh_all(&p, q, lex->term, lex->nterm, budget, last && !force);
    weigh_all(&p, q, lex->synword, lex->nsynword, budget, last && !force);
    /* "nurses" is no typo of "nurse", nor "lawyer" of "lawyers": the stem
     * finds those */
    size_t common = p.best ? (p.best->n < q->n ? p.best->n : q->n) : 0;
    if (!p.best || (memcmp(p.best->w, q->w, common) == 0 && known(lex, q)))
        return false;
    set_word(q, p.best->w, p.best->n);
    q->corrected = true;
    return true;
}

/* --- the FTS5 expression --- */

typedef struct {
    char *out;
    size_t len, cap;
    bool full;
    const Lexicon *lex; /* the index's words, to write a prefix as them (or NULL) */
} Expr;

static void put(Expr *e, const char *s)
{
    size_t n = strlen(s);
    if (e->full || e->len + n + 1 > e->cap) {
        e->full = true;
        return;
    }
    memcpy(e->out + e->len, s, n + 1);
    e->len += n;
}

/* The most index words a prefix is written as (see put_prefix), and the
 * longest prefix the index keeps lists of its own for (prefix='1 2 3' in
 * store.c: those are read as one list, quicker than words written out). */
enum { PREFIX_AS_WORDS = 16, PREFIX_INDEXED = 3 };

/* "lead" then "p"* as FTS5 reads it: the phrase lead + a word starting
 * with p (lead may be ""). FTS5 answers a prefix by merging the lists of
 * every word that starts so into one, whole, before the first row, so
 * "remo"* reads all of "remote" however few rows are wanted; the same
 * words written out, ("lead remote" OR "lead remodel"), are read only as
 * far as the LIMIT. So when the index has a few words with the prefix
 * (the lexicon is its vocabulary) they are written instead: the same
 * matches, read lazily. A prefix of up to three letters has its own
 * list in the index. */
static void put_prefix(Expr *e, const char *lead, const char *p)
{
    size_t n = strlen(p), need = 2;
    int i = 0, k = 0;
    const Lexicon *lex = e->lex;
    if (lex && !lex->long_terms && n > PREFIX_INDEXED) {
        i = lower_bound(lex->term, lex->nterm, p);
        for (; i + k < lex->nterm && k <= PREFIX_AS_WORDS && strncmp(lex->term[i + k].w, p, n) == 0;
             k++)
            need += strlen(lead) + lex->term[i + k].n + 8;
    }
    /* room kept for what follows (the other words, their synonyms) */
    if (k == 0 || k > PREFIX_AS_WORDS || e->len + need + EXPR_MAX / 4 > e->cap) {
        put(e, "\"");
        put(e, lead);
        put(e, *lead ? " " : "");
        put(e, p);
        put(e, "\"*");
        return;
    }
    put(e, "(");
    for (int j = 0; j < k; j++) {
        put(e, j ? " OR \"" : "\"");
        put(e, lead);
        put(e, *lead ? " " : "");
        put(e, lex->term[i + j].w);
        put(e, "\"");
    }
    put(e, ")");
}

/* A synonym's word as a prefix ("physician"* finds physicians), or its
 * phrase with the last word a prefix; not stemmed: "developer" must not
 * find "development". */
static void put_phrase(Expr *e, const char *words)
{
    char buf[SYNONYM_MEANS_MAX * 2 + 8];
    size_t n = strlen(words);
    /* a short word stands for itself ("ai" must not find "aidan") */
    bool whole = !strchr(words, ' ') && n <= 3;
    if (n + 4 > sizeof buf)
        return;
    if (whole) {
        snprintf(buf, sizeof buf, "\"%s\"", words);
        put(e, buf);
        return;
    }
    snprintf(buf, sizeof buf, "%s", words);
    char *last = strrchr(buf, ' ');
    if (last)
        *last++ = '\0';
    put_prefix(e, last ? buf : "", last ? last : buf);
}

/* How a group is written: its words as whole words (and their simple
 * plurals and singulars) or the phrase they make, its words as
 * prefixes of their stems, or that OR what the synonym table says. */
/* A word whole (with its plural or singular), as typed and then as a
 * prefix ("jos" for José, "banker" for bankers, never for "Bank"), by
 * its stem as a prefix ("develop" for development), or with what the
 * synonym table says it stands for. */
typedef enum { AS_WHOLE, AS_PREFIX, AS_SYNONYMS, AS_BEGIN, FORMS } Form;

/* The whole forms of one word: itself and its plural or singular, by
 * how English inflects ("nurses" -> nurse, nurses; "studies" -> study;
 * "attorney" -> attorneys; "boxes" -> box), never a word its stem only
 * starts ("banker" is no "bank", "police" no "policy"). Up to 4 forms
 * into f; returns how many. */
enum { WHOLE_FORMS = 4 };
static int whole_forms(const QWord *w, char f[WHOLE_FORMS][WORDS_MAX + 8])
{
    const char *x = w->w;
    size_t n = w->n;
    int k = 0;
#define FORM(len, tail) snprintf(f[k++], sizeof f[0], "%.*s%s", (int)(len), x, tail)
    FORM(n, "");
    if (n > 4 && strcmp(x + n - 3, "ies") == 0) {
        FORM(n - 3, "y");
    } else if (n > 4 && strcmp(x + n - 2, "es") == 0) {
        FORM(n - 2, "");
        FORM(n - 1, "");
    } else if (n > 3 && x[n - 1] == 's' && x[n - 2] != 's') {
        FORM(n - 1, "");
    } else if (n > 3 && x[n - 1] == 'y' && !strchr("aeiou", x[n - 2])) {
        FORM(n - 1, "ies");
    } else {
        FORM(n, "s");
        if (n > 3 && (x[n - 1] == 'h' || x[n - 1] == 'x' || x[n - 1] == 's'))
            FORM(n, "es");
    }
#undef FORM
    return k;
}

static void put_whole(Expr *e, const QWord *w)
{
    char forms[WHOLE_FORMS][WORDS_MAX + 8];
    int n = whole_forms(w, forms);
    put(e, "(");
    for (int i = 0; i < n; i++) {
        put(e, i ? " OR \"" : "\"");
        put(e, forms[i]);
        put(e, "\"");
    }
    put(e, ")");
    explicit_bzero(forms, sizeof forms); /* a visitor's words */
}

/* One group of words in the given form. */
static void put_group(Expr *e, const Query *q, int at, int nwords, const SynRow *syn, Form form)
{
    put(e, "(");
    if (form == AS_WHOLE && nwords > 1) { /* the phrase, as typed */
        char phrase[QUERY_WORDS * (WORDS_MAX + 1) + 4];
        size_t o = 0;
        phrase[o++] = '"';
        for (int i = at; i < at + nwords; i++) {
            if (i > at)
                phrase[o++] = ' ';
            memcpy(phrase + o, q->word[i].w, q->word[i].n);
            o += q->word[i].n;
        }
        phrase[o++] = '"';
        phrase[o] = '\0';
        put(e, phrase);
        put(e, ")");
        explicit_bzero(phrase, sizeof phrase);
        return;
    }
    if (nwords > 1)
        put(e, "(");
    for (int i = at; i < at + nwords; i++) {
        char w[WORDS_MAX + 4];
        if (i > at)
            put(e, " AND ");
        /* beside its synonyms a word stands whole: "developer" OR software,
         * not "develop"* (development) */
        if (form == AS_WHOLE || (form == AS_SYNONYMS && syn)) {
            put_whole(e, &q->word[i]);
            continue;
        }
        snprintf(w, sizeof w, "%s", form == AS_BEGIN ? q->word[i].w : q->word[i].stem);
        put_prefix(e, "", w);
        explicit_bzero(w, sizeof w);
    }
    if (nwords > 1)
        put(e, ")");
    if (syn && form == AS_SYNONYMS) {
        char means[sizeof syn->means], *save = NULL;
        text_copy(means, sizeof means, syn->means);
        for (char *tok = strtok_r(means, ";", &save); tok; tok = strtok_r(NULL, ";", &save)) {
            put(e, " OR ");
            put_phrase(e, tok);
        }
    }
    put(e, ")");
}

/* The synonym row for words[at..at+k), by their stems. */
static const SynRow *synonym_at(const Lexicon *lex, const Query *q, int at, int k)
{
    char key[SYNONYM_TERM_MAX * 2];
    size_t o = 0;
    for (int i = at; i < at + k; i++) {
        if (o + q->word[i].sn + 2 > sizeof key)
            return NULL;
        if (i > at)
            key[o++] = ' ';
        memcpy(key + o, q->word[i].stem, q->word[i].sn);
        o += q->word[i].sn;
    }
    key[o] = '\0';
    const SynRow *row = synonym_of(lex, key);
    explicit_bzero(key, sizeof key);
    return row;
}

/* Words that say little about whom a visitor wants ("becoming a
 * nurse"): left out of a search that has other words. */
static const char *const filler[] = {
    "a",      "about",    "am",         "an",       "and",    "any",    "are",     "as",
    "at",     "be",       "become",     "becoming", "been",   "being",  "by",      "can",
    "career", "careers",  "do",         "doing",    "field",  "fields", "find",    "for",
    "from",   "get",      "go",         "going",    "help",   "how",    "i",       "im",
    "in",     "industry", "interested", "into",     "is",     "job",    "jobs",    "kind",
    "like",   "looking",  "love",       "maybe",    "me",     "mentor", "mentors", "my",
    "of",     "on",       "or",         "people",   "person", "some",   "someone", "something",
    "talk",   "that",     "the",        "to",       "want",   "wants",  "what",    "who",
    "will",   "with",     "work",       "working",  "would",  "you"};

static bool is_filler(const QWord *w)
{
    for (size_t i = 0; i < sizeof filler / sizeof filler[0]; i++)
        if (strcmp(w->w, filler[i]) == 0)
            return true;
    return false;
}

/* A run of the query's words searched together: the words, OR what the
 * synonym table says they stand for. */
typedef struct {
    int at, n;
    const SynRow *syn;
    bool drop; /* left out: filler, or (loose) a word that matches nothing */
} Group;

typedef struct {
    Group g[QUERY_WORDS];
    int n;
    bool thin; /* loose, and what is kept says too little to search for alone */
} Plan;

/* Groups the words, longest synonym term first; marks filler to drop
 * when other words remain, and with loose also words that can match
 * nothing, as long as one group is kept. */
static void plan_groups(const Lexicon *lex, const Query *q, bool loose, Plan *p)
{
    int kept = 0;
    p->n = 0;
    for (int i = 0; i < q->n;) {
        const SynRow *syn = NULL;
        int k = q->n - i < SYNONYM_WORDS ? q->n - i : SYNONYM_WORDS;
        for (; k >= 1 && lex; k--)
            if ((syn = synonym_at(lex, q, i, k)))
                break;
        if (k < 1)
            k = 1;
        Group *g = &p->g[p->n++];
        *g = (Group){i, k, syn, false};
        if (k == 1 && !syn)
            g->drop = is_filler(&q->word[i]) || (loose && lex && !known(lex, &q->word[i]));
        for (int w = i; w < i + k && loose; w++)
            g->drop = g->drop || q->word[w].left_out;
        kept += !g->drop;
        i += k;
    }
    if (kept == 0)
        for (int i = 0; i < p->n; i++)
            p->g[i].drop = false;
    /* a word left out that was no filler, and nothing kept but words of
     * three letters or fewer: "new york" in a directory without York is
     * nobody, not everyone with "news" in their title */
    bool lost = false, strong = false;
    for (int i = 0; i < p->n; i++) {
        const Group *g = &p->g[i];
        if (g->drop)
            lost = lost || !is_filler(&q->word[g->at]);
        else
            strong = strong || g->syn || g->n > 1 || strlen(q->word[g->at].w) > 3;
    }
    p->thin = loose && lost && !strong;
}

/* The expression of a plan in a form: its groups, all of them required.
 * field gets the career area of the first synonym. */
static void build_expr(const Lexicon *lex, const Query *q, const Plan *p, Form form, char *out,
                       size_t cap, char *field, size_t field_cap)
{
    Expr e = {out, 0, cap, false, lex};
    bool any = false;
    out[0] = '\0';
    if (field_cap)
        field[0] = '\0';
    for (int i = 0; i < p->n; i++) {
        const Group *g = &p->g[i];
        if (g->drop)
            continue;
        if (any)
            put(&e, " AND "); /* FTS5 wants it between parentheses */
        any = true;
        put_group(&e, q, g->at, g->n, g->syn, form);
        if (g->syn && field_cap && !field[0])
            text_copy(field, field_cap, g->syn->field);
    }
    if (e.full) { /* too long: the words alone, without their synonyms */
        e = (Expr){out, 0, cap, false, lex};
        for (int i = 0; i < p->n; i++) {
            if (p->g[i].drop)
                continue;
            if (e.len)
                put(&e, " AND ");
            put_group(&e, q, p->g[i].at, p->g[i].n, NULL, form == AS_SYNONYMS ? AS_PREFIX : form);
        }
    }
}

enum { SEARCH_CANDIDATES = 160 };

/* Binds the filter's parameters ?2..?8 and the month start ?11. */
static void bind_filter(sqlite3_stmt *st, const StoreFilter *f, Date today)
{
    char month[11];
    date_iso(date_month_start(today), month, sizeof month);
    sqlite3_bind_text(st, 11, month, -1, SQLITE_TRANSIENT);
    if (f->field && *f->field)
        sqlite3_bind_text(st, 2, f->field, -1, SQLITE_TRANSIENT);
    if (f->year_from)
        sqlite3_bind_int(st, 3, f->year_from);
    if (f->year_to)
        sqlite3_bind_int(st, 4, f->year_to);
    if (f->via >= 0 && f->via < VIA_COUNT)
        sqlite3_bind_text(st, 5, mentor_via_name((ContactVia)f->via), -1, SQLITE_STATIC);
    if (f->language && *f->language)
        sqlite3_bind_text(st, 6, f->language, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 7, f->remote_only);
    sqlite3_bind_int(st, 8, f->accepting_only);
}

#define FILTER_CHOICES                                                                             \
    " (?2 IS NULL OR m.field = ?2) AND (?3 IS NULL OR m.grad_year >= ?3)"                          \
    " AND (?4 IS NULL OR m.grad_year <= ?4) AND (?5 IS NULL OR m.contact_via = ?5)"                \
    " AND (?6 IS NULL OR instr(lower('; ' || m.languages || ';'), lower('; ' || ?6 || ';')))"      \
    " AND (?7 = 0 OR m.remote = 1) AND (?8 = 0 OR m.accepting = 1)"
#define REFERRALS_THIS_MONTH                                                                       \
    " (SELECT coalesce(sum(r.count), 0) FROM referrals r"                                          \
    "  WHERE r.mentor_id = m.id AND r.day >= ?11)"
/* at the monthly cap: not a candidate at all, so capped mentors never
 * crowd out the ones a visitor can still be sent to */
static const char filter_sql[] = FILTER_CHOICES " AND" REFERRALS_THIS_MONTH " < m.monthly_cap";

/* The candidates found so far, without repeats, with the tier each was
 * found in. */
typedef struct {
    sqlite3_int64 rowid[SEARCH_CANDIDATES];
    int tier[SEARCH_CANDIDATES];
    int n;
    bool not_names; /* the words are not looked for in names */
} Candidates;

static bool seen(const Candidates *c, sqlite3_int64 rowid)
{
    for (int i = 0; i < c->n; i++)
        if (c->rowid[i] == rowid)
            return true;
    return false;
}

/* The query of the mentors matching ?1 with rowid in [?9, ?10) (?10 = 0:
 * no end) who pass the filter, at most limit of them. */
static void match_sql(char *sql, size_t cap, int limit)
{
    snprintf(sql, cap,
             "SELECT m.rowid FROM mentors_fts JOIN mentors m"
             " ON m.rowid = mentors_fts.rowid WHERE mentors_fts MATCH ?1"
             " AND mentors_fts.rowid >= ?9 AND (?10 = 0 OR mentors_fts.rowid < ?10) AND %s"
             " LIMIT %d",
             filter_sql, limit);
}

/* True when some mentor matches (or on an error: let the steps say):
 * who passes the filter f, or with f NULL whoever it is (no filter, no
 * cap: cheap, the index alone). */
static bool matches_any(Store *s, const char *match, const StoreFilter *f, Date today)
{
    char sql[1400];
    sqlite3_stmt *st;
    if (f)
        match_sql(sql, sizeof sql, 1);
    else
        snprintf(sql, sizeof sql,
                 "SELECT rowid FROM mentors_fts WHERE mentors_fts MATCH ?1 LIMIT 1");
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return true;
    sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
    if (f) {
        bind_filter(st, f, today);
        sqlite3_bind_int64(st, 9, 0);
        sqlite3_bind_int64(st, 10, 0);
    }
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc != SQLITE_DONE;
}

/* Adds matches of `match` (NULL: every mentor) with rowid from `lo` up to
 * `hi` (exclusive; 0 = no end), in rowid order, until c is full. LIMIT
 * keeps this cheap however many mentors a short prefix matches. */
static bool collect(Store *s, const char *match, const StoreFilter *f, Date today, sqlite3_int64 lo,
                    sqlite3_int64 hi, int tier, Candidates *c)
{
    char sql[1400];
    sqlite3_stmt *st;
    if (match)
        match_sql(sql, sizeof sql, SEARCH_CANDIDATES);
    else
        snprintf(sql, sizeof sql,
                 "SELECT m.rowid FROM mentors m WHERE ?1 IS NULL AND m.rowid >= ?9"
                 " AND (?10 = 0 OR m.rowid < ?10) AND %s ORDER BY m.rowid LIMIT %d",
                 filter_sql, SEARCH_CANDIDATES);
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return false;
    if (match)
        sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
    bind_filter(st, f, today);
    sqlite3_bind_int64(st, 9, lo);
    sqlite3_bind_int64(st, 10, hi);
    while (c->n < SEARCH_CANDIDATES && sqlite3_step(st) == SQLITE_ROW) {
        sqlite3_int64 id = sqlite3_column_int64(st, 0);
        if (seen(c, id))
            continue;
        c->tier[c->n] = tier;
        c->rowid[c->n++] = id;
    }
    sqlite3_finalize(st);
    return true;
}

/* Gathers candidates tier by tier: words in the name, then in the role,
 * then anywhere (see rank.h): own is the words typed, match the words
 * with their synonyms. The index holds every script in Latin
 * letters, so the tier is where the index found the words, whatever
 * script the name is written in. Each tier is read from a place in the
 * list that moves every day, wrapping around, so which equals make the
 * cut rotates too. With no search text, everyone is one tier. */
/* The forms of the search, best first: the name by the words typed
 * (never by their synonyms: a Ms Law is no lawyer), the role, then what
 * they studied, then where they are, by the words whole; then the name
 * and the role by the words' stems as prefixes ("developer" finds
 * "development" too, but after developers); then, a tier below the
 * visitor's own words, the title or field by their synonyms (not the
 * organisation: "software" is in many a company's name); then anywhere,
 * the bio too. Whole words come before words that only start so: "priya"
 * is Priya before Priyanka, "biologist" a biologist before a biology
 * major, "ma" the people in Massachusetts before every Maya (the visitor
 * typing "maya" sees her at the next letter). */
static const struct {
    const char *scope;
    Form form;
    int tier;
    unsigned cols; /* the scope as index columns (bits as in Term.cols) */
} steps[] = {
    {"{name} : (%s)", AS_WHOLE, RANK_TIER_NAME, COL_NAME},
    {"{name title organization field} : (%s)", AS_WHOLE, RANK_TIER_ROLE, COL_ROLE},
    {"{name title organization field major} : (%s)", AS_WHOLE, RANK_TIER_ROLE, COL_ROLE_MAJOR},
    {"{location} : (%s)", AS_WHOLE, RANK_TIER_OTHER, COL_LOCATION},
    {"{name} : (%s)", AS_BEGIN, RANK_TIER_NAME, COL_NAME},
    {"{name title organization field} : (%s)", AS_BEGIN, RANK_TIER_ROLE, COL_ROLE},
    {"{title field} : (%s)", AS_SYNONYMS, RANK_TIER_ALIKE, COL_TITLE_FIELD},
    {"{name title organization field} : (%s)", AS_PREFIX, RANK_TIER_ALIKE, COL_ROLE},
    {"%s", AS_PREFIX, RANK_TIER_OTHER, COL_ANY},
    {"%s", AS_SYNONYMS, RANK_TIER_OTHER, COL_ANY}};
enum { STEPS = sizeof steps / sizeof steps[0] };

/* The columns any word starting with p[0..n) is in (all of them when
 * too many words start so: a letter or two as the visitor starts). */
static unsigned prefix_cols(const Lexicon *lex, const char *p, size_t n)
{
    unsigned cols = 0;
    int i = lower_bound(lex->term, lex->nterm, p);
    for (int k = 0; i < lex->nterm && strncmp(lex->term[i].w, p, n) == 0; i++, k++) {
        if (k > 2000)
            return COL_ANY;
        cols |= lex->term[i].cols;
    }
    return cols;
}

static unsigned word_cols(const Lexicon *lex, const char *w)
{
    int i = lower_bound(lex->term, lex->nterm, w);
    return i < lex->nterm && strcmp(lex->term[i].w, w) == 0 ? lex->term[i].cols : 0;
}

/* The columns the whole forms of a word are in (see put_whole). */
static unsigned whole_cols(const Lexicon *lex, const QWord *w)
{
    char forms[WHOLE_FORMS][WORDS_MAX + 8];
    unsigned cols = 0;
    for (int i = 0, n = whole_forms(w, forms); i < n; i++)
        cols |= word_cols(lex, forms[i]);
    explicit_bzero(forms, sizeof forms);
    return cols;
}

/* True when a synonym's phrase may be in scope: each word in it (the
 * last as a prefix, as put_phrase writes it). */
static bool phrase_in(const Lexicon *lex, const char *words, unsigned scope)
{
    char copy[SYNONYM_MEANS_MAX * 2];
    bool whole = !strchr(words, ' ') && strlen(words) <= 3;
    text_copy(copy, sizeof copy, words);
    for (char *w = copy; *w;) {
        char *end = strchr(w, ' ');
        bool last = end == NULL;
        if (end)
            *end = '\0';
        unsigned c = whole || !last ? word_cols(lex, w) : prefix_cols(lex, w, strlen(w));
        if (!(c & scope))
            return false;
        if (last)
            break;
        w = end + 1;
    }
    return true;
}

/* True when a group may match within scope in the given form: every
 * word of it is in a column of the scope (or, with synonyms, one of
 * them is). Never false for a group that could match. */
static bool group_in(const Lexicon *lex, const Query *q, const Group *g, Form form, unsigned scope)
{
    bool own = true;
    for (int i = g->at; i < g->at + g->n && own; i++) {
        const QWord *w = &q->word[i];
        unsigned c = form == AS_WHOLE || (form == AS_SYNONYMS && g->syn) ? whole_cols(lex, w)
                     : form == AS_BEGIN ? prefix_cols(lex, w->w, w->n)
                                        : prefix_cols(lex, w->stem, w->sn);
        own = (c & scope) != 0;
    }
    if (own || form != AS_SYNONYMS || !g->syn)
        return own;
    char means[sizeof g->syn->means], *save = NULL;
    text_copy(means, sizeof means, g->syn->means);
    for (char *tok = strtok_r(means, ";", &save); tok; tok = strtok_r(NULL, ";", &save))
        if (phrase_in(lex, tok, scope))
            return true;
    return false;
}

/* The columns of scope the plan's words can match in, in a form: the
 * union over its words (scope itself when a group has synonyms, which
 * may be anywhere). A step whose reach lies inside the columns an earlier
 * step searched, with the same expression, finds nobody new. */
static unsigned step_reach(const Lexicon *lex, const Query *q, const Plan *p, Form form,
                           unsigned scope)
{
    unsigned r = 0;
    for (int g = 0; g < p->n; g++) {
        const Group *gr = &p->g[g];
        if (gr->drop)
            continue;
        if (form == AS_SYNONYMS && gr->syn)
            return scope;
        for (int i = gr->at; i < gr->at + gr->n; i++) {
            const QWord *w = &q->word[i];
            r |= scope & (form == AS_WHOLE   ? whole_cols(lex, w)
                          : form == AS_BEGIN ? prefix_cols(lex, w->w, w->n)
                                             : prefix_cols(lex, w->stem, w->sn));
        }
    }
    return r;
}

/* Which steps can find anyone: a step whose words are not all in its
 * columns is not run (each would read every mentor with the words). */
static void steps_to_run(const Lexicon *lex, const Query *q, const Plan *p, bool *run)
{
    for (int t = 0; t < STEPS; t++) {
        run[t] = true;
        for (int i = 0; lex && i < p->n && run[t]; i++)
            if (!p->g[i].drop)
                run[t] = group_in(lex, q, &p->g[i], steps[t].form, steps[t].cols);
    }
}

/* The index columns step t searches (without the name when the words
 * are not looked for in names). */
static unsigned step_cols(int t, bool not_names)
{
    return steps[t].cols & ~(not_names ? (unsigned)COL_NAME : 0u);
}

/* Step t's query: its scope around the expression of its form (without
 * the name when the words are not looked for in names). */
static void step_query(int t, char *const *expr, bool not_names, char *out, size_t cap)
{
    char scope[80];
    text_copy(scope, sizeof scope, steps[t].scope);
    if (not_names) /* every column but the name */
        snprintf(scope, sizeof scope, "%s",
                 steps[t].cols == COL_ANY          ? "{title organization field major topics "
                                                     "location bio} : (%s)"
                 : steps[t].cols == COL_ROLE       ? "{title organization field} : (%s)"
                 : steps[t].cols == COL_ROLE_MAJOR ? "{title organization field major} : (%s)"
                                                   : steps[t].scope);
    snprintf(out, cap, scope, expr[steps[t].form]);
}

static int bits(unsigned v)
{
    int n = 0;
    for (; v; v &= v - 1)
        n++;
    return n;
}

/* Gathers candidates step by step (see steps[] and rank.h). The index
 * holds every script in Latin letters, so the tier is where the index
 * found the words, whatever script the name is written in. Each step is
 * read from a place in the list that moves every day, wrapping around,
 * so which equals make the cut rotates too. expr[form] are the plan's
 * expressions; with expr NULL, everyone is one tier.
 * several: the plan keeps two words or more (see the probe below). */
static int candidates(Store *s, char *const *expr, const bool *run, const unsigned *reach,
                      bool several, const StoreFilter *f, Date today, Candidates *c)
{
    bool ran[STEPS] = {false}, empty[STEPS] = {false};
    char q[EXPR_MAX + 64];
    sqlite3_int64 top = db_query_int(s->db, "SELECT max(rowid) FROM mentors", 0);
    sqlite3_int64 start =
        top > 0 ? 1 + (sqlite3_int64)(rank_turn("", date_to_days(today)) % (unsigned long)top) : 1;
    bool ok = true;
    c->n = 0;
    if (!expr)
        c->not_names = false;
    /* nobody has the words anywhere and they have no synonyms: no step
     * can find anyone, so none is run (cheap: no filter, one row). With
     * synonyms the steps are run: asking first would cost as much as a
     * step (an OR of prefixes reads every list it names before a row) */
    if (expr && strcmp(expr[AS_SYNONYMS], expr[AS_PREFIX]) == 0 &&
        !matches_any(s, expr[AS_PREFIX], NULL, today))
        return 0;
    for (int t = 0; ok && t < (expr ? STEPS : 1) && c->n < SEARCH_CANDIDATES; t++) {
        if (expr && steps[t].form == AS_SYNONYMS && strcmp(expr[AS_SYNONYMS], expr[AS_PREFIX]) == 0)
            continue;       /* no synonyms: the same as the prefix step */
        bool again = false; /* the same scope and words as a step before (a stem as typed) */
        for (int u = 0; expr && u < t && !again; u++)
            again = strcmp(steps[u].scope, steps[t].scope) == 0 &&
                    strcmp(expr[steps[u].form], expr[steps[t].form]) == 0 && (!run || run[u]);
        if (again)
            continue;
        if (expr && run && !run[t])
            continue; /* its words are not in its columns */
        /* "mei chen": a name everywhere and no other column's word, so the
         * role steps after the name step would read both lists again for
         * nobody new (a step that ran found all its matches: else the
         * candidates are full and the loop is over) */
        bool inside = false;
        for (int u = 0; expr && reach && u < t && !inside; u++)
            inside = ran[u] && strcmp(expr[steps[u].form], expr[steps[t].form]) == 0 &&
                     (reach[t] & ~step_cols(u, c->not_names)) == 0;
        if (inside || empty[t])
            continue;
        /* "public health": a phrase nobody's role or major has is read
         * whole by each of those steps to find nobody. A later step with
         * the same words over more columns finds everyone this one would:
         * asked first for one match (quick when there is one), its answer
         * "nobody" stands for every step between */
        int wide = -1;
        for (int u = t + 1; expr && several && u < STEPS; u++)
            if ((!run || run[u]) && strcmp(expr[steps[u].form], expr[steps[t].form]) == 0 &&
                (step_cols(t, c->not_names) & ~step_cols(u, c->not_names)) == 0 &&
                (wide < 0 ||
                 bits(step_cols(u, c->not_names)) > bits(step_cols(wide, c->not_names))))
                wide = u;
        if (wide >= 0) {
            step_query(wide, expr, c->not_names, q, sizeof q);
            if (!matches_any(s, q, f, today)) {
                for (int u = t; u < STEPS; u++)
                    empty[u] = empty[u] ||
                               (strcmp(expr[steps[u].form], expr[steps[t].form]) == 0 &&
                                (step_cols(u, c->not_names) & ~step_cols(wide, c->not_names)) == 0);
                continue;
            }
        }
        if (expr)
            step_query(t, expr, c->not_names, q, sizeof q);
        ok = collect(s, expr ? q : NULL, f, today, start, 0, t, c) &&
             (c->n >= SEARCH_CANDIDATES || collect(s, expr ? q : NULL, f, today, 1, start, t, c));
        ran[t] = true;
    }
    explicit_bzero(q, sizeof q);
    return ok ? c->n : -1;
}

/* What ranking needs of a candidate (not the whole mentor: a bio is a
 * kilobyte, and of 160 candidates at most a screenful is shown). */
typedef struct {
    sqlite3_int64 rowid;
    int rank, recent, this_month;
    bool stale;
} Ranked;

/* Ranks the candidates and writes the first cap as hits: each candidate
 * read light (id, checked date, cap and referral counts), ordered, and
 * only those shown read whole. */
static int rank_hits(Store *s, const Candidates *c, Date today, bool has_text, StoreHit *hits,
                     int cap)
{
    char sql[900], recent[11], month[11];
    RankItem *items = malloc(SEARCH_CANDIDATES * sizeof *items);
    Ranked *found = malloc((size_t)(c->n ? c->n : 1) * sizeof *found);
    sqlite3_stmt *light = NULL, *whole = NULL;
    int k = 0, n = -1;
    date_iso(date_add_days(today, -29), recent, sizeof recent);
    date_iso(date_month_start(today), month, sizeof month);
    snprintf(sql, sizeof sql,
             "SELECT m.id, m.last_verified, m.monthly_cap, m.accepting,"
             " (SELECT coalesce(sum(count), 0) FROM referrals WHERE mentor_id = m.id"
             " AND day >= '%s'), (SELECT coalesce(sum(count), 0) FROM referrals"
             " WHERE mentor_id = m.id AND day >= '%s') FROM mentors m WHERE m.rowid = ?1",
             recent, month);
    if (!items || !found || sqlite3_prepare_v2(s->db, sql, -1, &light, NULL) != SQLITE_OK)
        goto done;
    snprintf(sql, sizeof sql, "SELECT %s FROM mentors m WHERE m.rowid = ?1", db_mentor_cols);
    if (sqlite3_prepare_v2(s->db, sql, -1, &whole, NULL) != SQLITE_OK)
        goto done;
    for (int i = 0; i < c->n; i++) {
        Ranked *r = &found[k];
        sqlite3_reset(light);
        sqlite3_bind_int64(light, 1, c->rowid[i]);
        if (sqlite3_step(light) != SQLITE_ROW)
            continue;
        r->rowid = c->rowid[i];
        r->recent = sqlite3_column_int(light, 4);
        r->this_month = sqlite3_column_int(light, 5);
        if (r->this_month >= sqlite3_column_int(light, 2))
            continue; /* at their monthly cap: left out until next month */
        /* where it matched by steps[]: name, role or anywhere, and within
         * those the words whole before prefixes before synonyms */
        r->rank = has_text ? c->tier[i] : 0;
        r->stale = db_is_stale(s, db_col_text(light, 1), today);
        items[k] = (RankItem){(size_t)k, r->rank,
                              r->recent, rank_turn(db_col_text(light, 0), date_to_days(today)),
                              r->stale,  sqlite3_column_int(light, 3) == 0};
        k++;
    }
    rank_order(items, (size_t)k);
    n = 0;
    for (int i = 0; i < k && n < cap; i++) {
        const Ranked *r = &found[items[i].index];
        StoreHit *h = &hits[n];
        sqlite3_reset(whole);
        sqlite3_bind_int64(whole, 1, r->rowid);
        if (sqlite3_step(whole) != SQLITE_ROW)
            continue;
        db_read_mentor(whole, 0, &h->mentor);
        h->rank = r->rank;
        h->tier = has_text ? steps[r->rank].tier : RANK_TIER_NAME;
        h->stale = r->stale;
        h->recent = r->recent;
        h->this_month = r->this_month;
        n++;
    }
done:
    sqlite3_finalize(light);
    sqlite3_finalize(whole);
    free(items);
    free(found);
    return n;
}

/* Joins the words the plan kept into out ("machine learning"); true
 * when it left out a word that was no filler. */
static bool query_text(const Query *q, const Plan *p, char *out, size_t cap)
{
    size_t o = 0;
    bool dropped = false;
    out[0] = '\0';
    for (int g = 0; g < p->n; g++) {
        const Group *gr = &p->g[g];
        if (gr->drop) {
            dropped = dropped || !is_filler(&q->word[gr->at]);
            continue;
        }
        for (int i = gr->at; i < gr->at + gr->n && o + q->word[i].n + 2 < cap; i++) {
            if (o)
                out[o++] = ' ';
            memcpy(out + o, q->word[i].w, q->word[i].n);
            o += q->word[i].n;
            out[o] = '\0';
        }
    }
    return dropped;
}

/* Corrects the words of q; true when any changed. With force, every
 * long-enough word not in the index as typed is tried (the search found
 * nobody); otherwise only words that match nothing. */
static bool correct_all(const Lexicon *lex, Query *q, bool force)
{
    bool any = false;
    for (int i = 0; i < q->n; i++)
        any = correct(lex, &q->word[i], i == q->n - 1, force) || any;
    return any;
}

/* Searches q as planned (loose: leaving out words that match nothing);
 * the plan goes to p. */
static int search_once(Store *s, const Lexicon *lex, const Query *q, bool loose,
                       const StoreFilter *f, Date today, Candidates *c, StoreHit *hits, int cap,
                       StoreSearchInfo *info, Plan *p)
{
    char *buf = malloc(FORMS * EXPR_MAX), *expr[FORMS];
    int n = -1;
    if (!buf)
        return -1;
    for (int k = 0; k < FORMS; k++)
        expr[k] = buf + k * EXPR_MAX;
    plan_groups(lex, q, loose, p);
    build_expr(lex, q, p, AS_SYNONYMS, expr[AS_SYNONYMS], EXPR_MAX, info->field,
               sizeof info->field);
    build_expr(lex, q, p, AS_PREFIX, expr[AS_PREFIX], EXPR_MAX, NULL, 0);
    build_expr(lex, q, p, AS_WHOLE, expr[AS_WHOLE], EXPR_MAX, NULL, 0);
    build_expr(lex, q, p, AS_BEGIN, expr[AS_BEGIN], EXPR_MAX, NULL, 0);
    bool run[STEPS];
    steps_to_run(lex, q, p, run);
    for (int t = 0; p->thin && t < STEPS; t++)
        run[t] = false;
    for (int t = 0; t < STEPS; t++)
        run[t] = run[t] && !(info->not_names && steps[t].cols == COL_NAME);
    c->not_names = info->not_names;
    unsigned reach[STEPS];
    for (int t = 0; lex && t < STEPS; t++)
        reach[t] = step_reach(lex, q, p, steps[t].form, step_cols(t, info->not_names));
    int kept = 0;
    for (int g = 0; g < p->n; g++)
        kept += p->g[g].drop ? 0 : p->g[g].n;
    if (candidates(s, expr, run, lex ? reach : NULL, kept > 1, f, today, c) >= 0)
        n = rank_hits(s, c, today, true, hits, cap);
    explicit_bzero(buf, FORMS * EXPR_MAX);
    free(buf);
    return n;
}

/* True when the loose plan of q leaves out a word the strict one keeps
 * (or says too little to search for). */
static bool loosens(const Lexicon *lex, const Query *q)
{
    Plan strict, loose;
    plan_groups(lex, q, false, &strict);
    plan_groups(lex, q, true, &loose);
    if (loose.thin || loose.n != strict.n)
        return true;
    for (int g = 0; g < loose.n; g++)
        if (loose.g[g].drop != strict.g[g].drop)
            return true;
    return false;
}

/* Nobody has all the words the visitor meant ("finance bro", "nurse or
 * lawyer"): sets aside each kept word in turn and keeps the try whose
 * best match is best (then the one finding more), so what is shown says
 * as much as the words can. Only for a query of two words or more. */
static int set_one_aside(Store *s, const Lexicon *lex, Query *q, const StoreFilter *f, Date today,
                         Candidates *c, StoreHit *hits, int cap, StoreSearchInfo *info, Plan *p)
{
    int at[QUERY_WORDS], len[QUERY_WORDS], nk = 0, best = -1, best_rank = 0, best_n = 0;
    for (int g = 0; g < p->n; g++)
        if (!p->g[g].drop) {
            at[nk] = p->g[g].at;
            len[nk++] = p->g[g].n;
        }
    if (nk < 2)
        return 0;
    /* the best try so far, kept as it was found (not searched again) */
    StoreHit *kept = malloc((size_t)(cap > 0 ? cap : 1) * sizeof *kept);
    Plan *kept_plan = malloc(sizeof *kept_plan);
    char kept_field[sizeof info->field];
    if (!kept || !kept_plan) {
        free(kept);
        free(kept_plan);
        return -1;
    }
    for (int i = 0; i < nk; i++) {
        for (int w = at[i]; w < at[i] + len[i]; w++)
            q->word[w].left_out = true;
        int n = search_once(s, lex, q, true, f, today, c, hits, cap, info, p);
        for (int w = at[i]; w < at[i] + len[i]; w++)
            q->word[w].left_out = false;
        if (n > 0 &&
            (best < 0 || hits[0].rank < best_rank || (hits[0].rank == best_rank && n > best_n))) {
            best = i;
            best_rank = hits[0].rank;
            best_n = n;
            memcpy(kept, hits, (size_t)n * sizeof *kept);
            *kept_plan = *p;
            memcpy(kept_field, info->field, sizeof kept_field);
        }
    }
    if (best < 0) {
        free(kept);
        free(kept_plan);
        search_once(s, lex, q, true, f, today, c, hits, 0, info, p); /* the plan as it was */
        return 0;
    }
    for (int w = at[best]; w < at[best] + len[best]; w++)
        q->word[w].left_out = true;
    memcpy(hits, kept, (size_t)best_n * sizeof *hits);
    *p = *kept_plan;
    memcpy(info->field, kept_field, sizeof kept_field);
    explicit_bzero(kept_field, sizeof kept_field);
    free(kept);
    free(kept_plan);
    return best_n;
}

/* Adds a field to info->near once. */
static void add_near(StoreSearchInfo *info, const char *field)
{
    if (!*field || info->nnear >= STORE_NEAR_MAX)
        return;
    for (int i = 0; i < info->nnear; i++)
        if (strcmp(info->near[i], field) == 0)
            return;
    text_copy(info->near[info->nnear++], sizeof info->near[0], field);
}

typedef struct {
    const QWord *w;
    bool near;
} NearWord;

static void near_word(void *ctx, const char *fw, size_t n)
{
    NearWord *nw = ctx;
    size_t k = nw->w->sn < n ? nw->w->sn : n;
    if (k >= 4 && strncmp(fw, nw->w->stem, k) == 0)
        nw->near = true;
}

/* The fields to offer a visitor who found nobody: the one the synonym
 * table gave the words, then the directory's fields with a word sharing
 * the start of one the visitor typed ("nursing" -> Nursing). */
static void near_fields(const Lexicon *lex, const Query *q, StoreSearchInfo *info)
{
    add_near(info, info->field);
    for (int f = 0; lex && f < lex->nfield && info->nnear < STORE_NEAR_MAX; f++) {
        char folded[256];
        latin_fold(lex->field[f], folded, sizeof folded);
        for (int i = 0; i < q->n; i++) {
            NearWord nw = {&q->word[i], false};
            each_word(folded, near_word, &nw);
            if (nw.near) {
                add_near(info, lex->field[f]);
                break;
            }
        }
    }
}

/* Nobody found, and the words are the start of the name of a mentor the
 * filter lets through but who has had all the requests they take this
 * month: their name goes to info->capped, so the visitor is told why
 * and not that nobody is called so. */
static bool capped_by_name(Store *s, const Lexicon *lex, const Query *q, const StoreFilter *f,
                           Date today, StoreSearchInfo *info)
{
    char sql[1400], *expr = malloc(EXPR_MAX), *match = malloc(EXPR_MAX + 16);
    Plan *p = malloc(sizeof *p);
    sqlite3_stmt *st = NULL;
    info->capped[0] = '\0';
    if (!expr || !match || !p || q->n == 0)
        goto done;
    plan_groups(lex, q, false, p);
    build_expr(lex, q, p, AS_BEGIN, expr, EXPR_MAX, NULL, 0);
    snprintf(match, EXPR_MAX + 16, "{name} : (%s)", expr);
    snprintf(sql, sizeof sql,
             "SELECT %s FROM mentors_fts JOIN mentors m ON m.rowid = mentors_fts.rowid"
             " WHERE mentors_fts MATCH ?1 AND " FILTER_CHOICES " AND" REFERRALS_THIS_MONTH
             " >= m.monthly_cap LIMIT 1",
             db_mentor_cols);
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        goto done;
    sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
    bind_filter(st, f, today);
    if (sqlite3_step(st) == SQLITE_ROW) {
        Mentor m;
        db_read_mentor(st, 0, &m);
        mentor_shown_name(&m, info->capped, sizeof info->capped);
        add_near(info, m.field); /* others in their field, on offer */
    }
done:
    sqlite3_finalize(st);
    if (expr)
        explicit_bzero(expr, EXPR_MAX);
    if (match)
        explicit_bzero(match, EXPR_MAX + 16);
    free(expr);
    free(match);
    free(p);
    return info->capped[0] != '\0';
}

int store_search_info(Store *s, const char *text, const StoreFilter *f, Date today, StoreHit *hits,
                      int cap, StoreSearchInfo *info)
{
    static const StoreFilter none = {NULL, 0, 0, -1, NULL, false, false};
    StoreSearchInfo scratch = {0};
    Candidates *c = malloc(sizeof *c);
    Query *q = calloc(1, sizeof *q);
    Plan *plan = calloc(1, sizeof *plan);
    char folded[512];
    int n = -1;
    bool exact = info && info->exact, txn = false;
    if (!info)
        info = &scratch;
    info->corrected = false;
    info->shown[0] = info->field[0] = info->capped[0] = '\0';
    info->nnear = 0;
    if (!f)
        f = &none;
    if (!c || !q || !plan)
        goto done;
    /* one read of the directory for the whole search (a step, a ranking
     * and a re-try each would take and drop the file's lock, and look
     * again whether another program changed it) */
    txn = sqlite3_get_autocommit(s->db) && db_exec(s->db, "BEGIN") == SQLITE_OK;
    latin_fold(text ? text : "", folded, sizeof folded);
    each_word(folded, add_qword, q);
    if (q->n == 0) {
        n = candidates(s, NULL, NULL, NULL, false, f, today, c) < 0
                ? -1
                : rank_hits(s, c, today, false, hits, cap);
        goto done;
    }
    Lexicon *lex = lexicon(s); /* NULL: no typos or synonyms, but still a search */
    bool fixed = lex && !exact && correct_all(lex, q, false);
    n = search_once(s, lex, q, false, f, today, c, hits, cap, info, plan);
    if (n == 0 && lex && !exact && correct_all(lex, q, true)) {
        fixed = true;
        n = search_once(s, lex, q, false, f, today, c, hits, cap, info, plan);
    }
    /* the words are the name of someone left out this month: said so, and
     * no other José shown for José García */
    bool capped = n == 0 && capped_by_name(s, lex, q, f, today, info);
    /* nobody has every word: those that match nothing left out (unless
     * every word matches something: the same search again) */
    if (n == 0 && !capped && lex && !exact && loosens(lex, q))
        n = search_once(s, lex, q, true, f, today, c, hits, cap, info, plan);
    if (n == 0 && !capped && lex && !exact) /* still nobody: one word more set aside */
        n = set_one_aside(s, lex, q, f, today, c, hits, cap, info, plan);
    if (query_text(q, plan, info->shown, sizeof info->shown) || fixed)
        info->corrected = n > 0;
    if (!info->corrected)
        explicit_bzero(info->shown, sizeof info->shown);
    if (n == 0)
        near_fields(lex, q, info);
done:
    if (txn)
        db_exec(s->db, "COMMIT");
    explicit_bzero(folded, sizeof folded);
    if (q)
        explicit_bzero(q, sizeof *q);
    explicit_bzero(&scratch, sizeof scratch);
    free(plan);
    free(q);
    free(c);
    return n;
}

int store_search(Store *s, const char *text, const StoreFilter *f, Date today, StoreHit *hits,
                 int cap)
{
    return store_search_info(s, text, f, today, hits, cap, NULL);
}

int store_fields(Store *s, StoreFieldFn fn, void *ctx)
{
    sqlite3_stmt *st;
    int n = 0;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT field, count(*) FROM mentors GROUP BY field ORDER BY field", -1,
                           &st, NULL) != SQLITE_OK)
        return -1;
    while (sqlite3_step(st) == SQLITE_ROW) {
        fn(ctx, db_col_text(st, 0), sqlite3_column_int(st, 1));
        n++;
    }
    sqlite3_finalize(st);
    return n;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int store_languages(Store *s, StoreLanguageFn fn, void *ctx)
{
    enum { MAX = 64 };
    char *seen[MAX];
    int n = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT DISTINCT languages FROM mentors", -1, &st, NULL) !=
        SQLITE_OK)
        return -1;
    while (sqlite3_step(st) == SQLITE_ROW) {
        char list[MENTOR_TEXT_MAX + 1];
        text_copy(list, sizeof list, db_col_text(st, 0));
        for (char *tok = strtok(list, ";"); tok; tok = strtok(NULL, ";")) {
            text_trim(tok);
            bool dup = !*tok;
            for (int i = 0; i < n && !dup; i++)
                dup = strcmp(seen[i], tok) == 0;
            if (!dup && n < MAX && (seen[n] = strdup(tok)))
                n++;
        }
    }
    sqlite3_finalize(st);
    qsort(seen, (size_t)n, sizeof *seen, cmp_str);
    for (int i = 0; i < n; i++) {
        fn(ctx, seen[i]);
        free(seen[i]);
    }
    return n;
}

void store_search_forget(Store *s)
{
    /* longer than any word a visitor can type (the query holds 63 bytes),
     * so it covers all of the buffer a visitor's word can have used */
    char match[160];
    size_t n = 0;
    match[n++] = '"';
    while (n < 129)
        match[n++] = 'q';
    match[n++] = '"';
    match[n] = '\0';
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT rowid FROM mentors_fts WHERE mentors_fts MATCH ?1", -1,
                           &st, NULL) != SQLITE_OK)
        return;
    sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW)
        ;
    sqlite3_finalize(st);
}

void store_release_memory(Store *s)
{
    sqlite3_db_release_memory(s->db);
}
