/* spell: hunspell behind spell_correct. See spell.h.
 *
 * The library is opened on first use, as app/directory/latin.c opens
 * ICU: only a visitor who typed something needs it, and loading it (a
 * C++ library) and its dictionary would cost every start before its
 * first screen. One handle for the process, kept, used under a lock. */
#include "visit/spell.h"

#include "core/strbuf.h"
#include "core/text.h"
#include "core/words.h"

#include <dlfcn.h>
#include <hunspell.h>
#include <pthread.h>
#include <string.h>
#include <unistd.h>

#define HUNSPELL_FUNCTIONS(X)                                                                      \
    X(Hunspell_create)                                                                             \
    X(Hunspell_spell)                                                                              \
    X(Hunspell_suggest)                                                                            \
    X(Hunspell_free_list)

static struct {
#define HUN_FIELD(f) __typeof__(f) *f;
    HUNSPELL_FUNCTIONS(HUN_FIELD)
#undef HUN_FIELD
} hun;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static Hunhandle *handle;

/* Opens the library and the dictionary once. Under lock. */
static Hunhandle *get(void)
{
    static bool tried;
    if (tried)
        return handle;
    tried = true;
    void *h = dlopen("libhunspell-1.7.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return NULL;
#define HUN_LOAD(f)                                                                                \
    if (!(hun.f = (__typeof__(f) *)dlsym(h, #f)))                                                  \
        return NULL;
    HUNSPELL_FUNCTIONS(HUN_LOAD)
#undef HUN_LOAD
    /* hunspell makes an empty dictionary of missing files: no offers */
    if (access(SPELL_DICTIONARY ".aff", R_OK) != 0 || access(SPELL_DICTIONARY ".dic", R_OK) != 0)
        return NULL;
    handle = hun.Hunspell_create(SPELL_DICTIONARY ".aff", SPELL_DICTIONARY ".dic");
    return handle;
}

bool spell_ready(void)
{
    pthread_mutex_lock(&lock);
    bool ok = get() != NULL;
    pthread_mutex_unlock(&lock);
    return ok;
}

static bool is_upper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool is_lower(unsigned char c)
{
    return c >= 'a' && c <= 'z';
}

/* A byte of a word: an ASCII letter, an apostrophe inside it, or part of
 * a letter beyond ASCII ("é"). */
static bool word_byte(const char *s, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '\'')
        return i > 0 && word_byte(s, i - 1) && s[i + 1] &&
               (is_lower((unsigned char)s[i + 1]) || is_upper((unsigned char)s[i + 1]));
    return is_lower(c) || is_upper(c) || c >= 0x80 || (c >= '0' && c <= '9');
}

/* Whether word (n bytes) is one to check: letters only, and no capital
 * after the first ("McKenzie", "MBA" and "iOS" are someone's spelling). */
static bool checkable(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if ((c >= '0' && c <= '9') || (i > 0 && is_upper(c)))
            return false;
    }
    return true;
}

/* Slips a dictionary lets through, since each is also a word (a Scots
 * "ben", a roman "i"), but that in a visitor's sentence about themselves
 * is all but always the word beside it. */
static const char *const slips[][2] = {
    {"i", "I"},        {"im", "I'm"},       {"ive", "I've"},
    {"ben", "been"},   {"dont", "don't"},   {"cant", "can't"},
    {"wont", "won't"}, {"didnt", "didn't"}, {"doesnt", "doesn't"},
    {"isnt", "isn't"}, {"thats", "that's"}, {"whats", "what's"},
};

static const char *slip(const char *word)
{
    for (size_t i = 0; i < sizeof slips / sizeof *slips; i++)
        if (strcmp(slips[i][0], word) == 0)
            return slips[i][1];
    return NULL;
}

/* Whether a and b are the same but for case and apostrophes ("dont",
 * "don't"). */
static bool same_letters(const char *a, const char *b)
{
    for (;; a++, b++) {
        while (*a == '\'')
            a++;
        while (*b == '\'')
            b++;
        if (!*a || !*b)
            return !*a && !*b;
        if ((*a | 0x20) != (*b | 0x20))
            return false;
    }
}

/* The correction to offer for word, from hunspell's suggestions, or
 * NULL: one with only the case or an apostrophe wrong; else the first
 * single word in the same case within a slip of the finger of it (one
 * edit in a word of up to eight letters, two in a longer one, a
 * different first letter counting double: "yeers" is "years", not
 * "seers", and "quokka" is no slip for "quota"). Under lock. */
static const char *pick(char **list, int n, const char *word)
{
    for (int i = 0; i < n; i++)
        if (same_letters(list[i], word))
            return list[i];
    size_t len = strlen(word);
    int budget = len < 9 ? 1 : 2;
    bool lower = is_lower((unsigned char)word[0]);
    for (int i = 0; i < n; i++) {
        const char *s = list[i];
        if (strpbrk(s, " -"))
            continue; /* "some thing": not what a person meant by one word */
        if (!(lower ? is_lower((unsigned char)s[0]) : is_upper((unsigned char)s[0])))
            continue;
        if (words_distance(word, len, s, strlen(s), budget) <= budget)
            return s;
    }
    return NULL;
}

/* Whether the space-separated list holds word. */
static bool listed(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; p && *p;) {
        size_t k = strcspn(p, " ");
        if (k == n && strncmp(p, word, n) == 0)
            return true;
        p += k;
        p += strspn(p, " ");
    }
    return false;
}

/* Appends word (n bytes) to sb, corrected when hunspell knows better and
 * it is not one to keep; returns true when it was changed. Under lock. */
static bool add_word(StrBuf *sb, Hunhandle *h, const char *w, size_t n, const char *keep)
{
    char word[128];
    if (n >= sizeof word || !checkable(w, n)) {
        strbuf_addn(sb, w, n);
        return false;
    }
    memcpy(word, w, n);
    word[n] = '\0';
    bool changed = false;
    const char *known = slip(word);
    if (listed(keep, word)) {
        /* as the visitor wants it */
    } else if (known) {
        strbuf_add(sb, known);
        changed = true;
    } else if (!hun.Hunspell_spell(h, word) && !is_upper((unsigned char)word[0])) {
        /* (a capitalised word the dictionary lacks is most likely a name) */
        char **list = NULL;
        int k = hun.Hunspell_suggest(h, &list, word);
        const char *fix = k > 0 ? pick(list, k, word) : NULL;
        if (fix && strcmp(fix, word) != 0) {
            strbuf_add(sb, fix);
            changed = true;
        }
        if (list) {
            for (int i = 0; i < k; i++) /* they may hold the visitor's words */
                explicit_bzero(list[i], strlen(list[i]));
            hun.Hunspell_free_list(h, &list, k);
        }
    }
    if (!changed)
        strbuf_add(sb, word);
    explicit_bzero(word, sizeof word);
    return changed;
}

int spell_correct(const char *text, const char *keep, char *out, size_t cap, char *changed,
                  size_t changed_cap)
{
    StrBuf sb, list;
    int count = 0;
    char none[1];
    if (!changed) {
        changed = none;
        changed_cap = sizeof none;
    }
    strbuf_init(&list, changed, changed_cap);
    pthread_mutex_lock(&lock);
    Hunhandle *h = get();
    strbuf_init(&sb, out, cap);
    for (size_t i = 0; text[i];) {
        if (!h || !word_byte(text, i)) {
            strbuf_addc(&sb, text[i++]);
            continue;
        }
        size_t n = 0;
        while (text[i + n] && word_byte(text, i + n))
            n++;
        if (add_word(&sb, h, text + i, n, keep)) {
            strbuf_addf(&list, "%s%.*s", count ? " " : "", (int)n, text + i);
            count++;
        }
        i += n;
    }
    pthread_mutex_unlock(&lock);
    if (sb.overflow) { /* a correction longer than the room: offer nothing */
        text_copy(out, cap, text);
        explicit_bzero(changed, changed_cap);
        return 0;
    }
    return count;
}
