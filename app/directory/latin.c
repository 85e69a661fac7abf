/* latin: ICU's transliterator behind latin_fold. See latin.h.
 *
 * One transliterator for the process, opened on first use and kept:
 * opening it parses its rules (milliseconds), folding a name takes
 * microseconds. A mutex keeps it to one caller at a time, as ICU asks.
 *
 * ICU itself is opened then too, not as the program starts: only a word
 * beyond ASCII comes here, and loading ICU (three libraries, with the
 * C++ runtime's relocations) cost every start a few milliseconds before
 * its first screen. Its functions carry ICU's version in their names
 * (u_strToUTF8_72), as its headers spell them. */
#include "directory/latin.h"

#include "core/text.h"

#include <dlfcn.h>
#include <pthread.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

#define ICU_NAME_(x) #x
#define ICU_NAME(x) ICU_NAME_(x) /* the name after ICU's renaming */
#define ICU_FUNCTIONS(X)                                                                           \
    X(u_strFromUTF8Lenient)                                                                        \
    X(u_strToUTF8)                                                                                 \
    X(u_uastrncpy)                                                                                 \
    X(utrans_openU)                                                                                \
    X(utrans_transUChars)

static struct {
#define ICU_FIELD(f) __typeof__(f) *f;
    ICU_FUNCTIONS(ICU_FIELD)
#undef ICU_FIELD
} icu;

/* True once ICU's functions are found (tried once). Under lock. */
static bool icu_ready(void)
{
    static bool tried, ok;
    if (tried)
        return ok;
    tried = true;
    /* the i18n library brings the common one it needs */
    void *h = dlopen("libicui18n.so." ICU_NAME(U_ICU_VERSION_MAJOR_NUM), RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return false;
#define ICU_LOAD(f)                                                                                \
    if (!(icu.f = (__typeof__(f) *)dlsym(h, ICU_NAME(f))))                                         \
        return false;
    ICU_FUNCTIONS(ICU_LOAD)
#undef ICU_LOAD
    ok = true;
    return true;
}

/* The main fold: Greek and Cyrillic as an English speaker spells them
 * (ELOT/UNGEGN "Ελένη" -> "Eleni", BGN "Ольга" -> "Ol'ga"), every other
 * script by ICU's default for it; the soft and hard signs' primes
 * dropped so a name stays one word, and the Indic ś and ṣ spelled "sh"
 * as in "Sharma" (only words of other scripts come here); then Latin to
 * ASCII (ø -> o, ß -> ss, æ -> ae), lower case, and any mark left over
 * removed. The variant is ICU's default for every script ("Мария" ->
 * "maria" where BGN gives "mariya", "Ελένη" -> "elene"): names are
 * indexed both ways, as people spell them both ways. */
static const char *const rules[2] = {
    ":: Greek-Latin/UNGEGN; :: Russian-Latin/BGN; :: Any-Latin;"
    " [\\u02B9\\u02BA] > ; \\u015B > sh; \\u1E63 > sh; :: Latin-ASCII; :: Lower; :: NFD;"
    " :: [:Nonspacing Mark:] Remove; :: NFC;",
    ":: Any-Latin; [\\u02B9\\u02BA] > ; :: Latin-ASCII; :: Lower; :: NFD;"
    " :: [:Nonspacing Mark:] Remove; :: NFC;",
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static UTransliterator *trans[2];
static bool tried[2];

/* Opens transliterator k once; NULL when ICU cannot. Under lock. */
static UTransliterator *get(int k)
{
    if (!tried[k] && icu_ready()) {
        UChar r[400];
        UErrorCode e = U_ZERO_ERROR;
        UParseError pe;
        tried[k] = true;
        icu.u_uastrncpy(r, rules[k], (int32_t)(sizeof r / sizeof r[0]));
        trans[k] = icu.utrans_openU(u"ck-latin", -1, UTRANS_FORWARD, r, -1, &pe, &e);
        if (U_FAILURE(e))
            trans[k] = NULL;
    }
    return trans[k];
}

bool latin_available(void)
{
    pthread_mutex_lock(&lock);
    bool ok = get(0) != NULL && get(1) != NULL;
    pthread_mutex_unlock(&lock);
    return ok;
}

/* A text longer than FOLD_IN bytes keeps its first part: names, titles
 * and what a visitor types are far shorter. FOLD_UNITS (UTF-16) is room
 * for a word's fold: a CJK character (3 bytes) becomes about 5 letters. */
enum { FOLD_IN = 1024, FOLD_UNITS = 4096 };

/* Folds the word w[0..n) through ICU into out[cap]; false when ICU
 * cannot (then the caller folds it without). */
static bool icu_word(int k, const char *w, size_t n, char *out, size_t cap)
{
    UChar buf[FOLD_UNITS];
    char tmp[FOLD_UNITS * 3];
    int32_t len = 0, limit, got = 0;
    UErrorCode e = U_ZERO_ERROR;
    pthread_mutex_lock(&lock);
    UTransliterator *t = get(k); /* and ICU with it, the first time */
    if (t)
        icu.u_strFromUTF8Lenient(buf, FOLD_UNITS / 4, &len, w, (int32_t)n, &e);
    if (t && U_SUCCESS(e)) {
        limit = len;
        icu.utrans_transUChars(t, buf, &len, FOLD_UNITS, 0, &limit, &e);
    }
    bool ok = t && U_SUCCESS(e);
    if (ok) {
        icu.u_strToUTF8(tmp, (int32_t)sizeof tmp - 1, &got, buf, len, &e);
        ok = U_SUCCESS(e) && got >= 0;
    }
    pthread_mutex_unlock(&lock);
    if (ok) {
        tmp[got] = '\0';
        text_copy(out, cap, tmp);
    }
    /* what a visitor typed passes through here: leave none of it behind */
    explicit_bzero(buf, sizeof buf);
    explicit_bzero(tmp, sizeof tmp);
    return ok;
}

/* Folds one word (no white space) into out[cap]; returns its length. */
static size_t fold_word(const char *w, size_t n, char *out, size_t cap)
{
    char word[FOLD_IN];
    bool plain = true;
    if (n >= sizeof word)
        n = sizeof word - 1;
    memcpy(word, w, n);
    word[n] = '\0';
    for (size_t i = 0; i < n && plain; i++)
        plain = (unsigned char)word[i] < 0x80;
    if (plain) {
        size_t o = 0;
        for (; o < n && o + 1 < cap; o++)
            out[o] = (word[o] >= 'A' && word[o] <= 'Z') ? (char)(word[o] + 32) : word[o];
        out[o] = '\0';
    } else if (!text_fold_ascii(word, out, cap) && !icu_word(0, word, n, out, cap))
        text_fold(word, out, cap);
    explicit_bzero(word, n + 1); /* what was copied in (a visitor's word, when searching) */
    return strlen(out);
}

static bool alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* An apostrophe inside a word goes (the straight one: Latin-ASCII made
 * every curly one straight): O'Brien is one word "obrien" in the index
 * and in what is typed, "o'brien" and "obrien" alike, and "I'm" is the
 * filler "im", not "i" and a stray "m". Returns the new length. */
static size_t join_apostrophes(char *s)
{
    size_t o = 0;
    for (size_t i = 0; s[i]; i++)
        if (!(s[i] == '\'' && o > 0 && alnum(s[o - 1]) && alnum(s[i + 1])))
            s[o++] = s[i];
    s[o] = '\0';
    return o;
}

/* Word by word, so a word is folded the same way whatever its
 * neighbours: Latin words without ICU, other scripts through it. */
size_t latin_fold(const char *s, char *out, size_t cap)
{
    size_t o = 0, used = 0;
    char word[FOLD_IN];
    if (cap == 0)
        return 0;
    out[0] = '\0';
    for (const char *p = s; *p;) {
        size_t sp = strspn(p, " \t\r\n"), n;
        p += sp;
        n = strcspn(p, " \t\r\n");
        if (n == 0)
            break;
        size_t k = fold_word(p, n, word, sizeof word);
        used = k + 1 > used ? k + 1 : used;
        p += n;
        if (o && o + 1 < cap)
            out[o++] = ' ';
        if (o + k >= cap) { /* cut at a character boundary */
            text_copy(out + o, cap - o, word);
            o = strlen(out);
            break;
        }
        memcpy(out + o, word, k + 1);
        o += k;
    }
    out[o] = '\0';
    explicit_bzero(word, used); /* as far as any word's fold reached */
    return join_apostrophes(out);
}

size_t latin_fold_variant(const char *word, char *out, size_t cap)
{
    char main_fold[FOLD_IN];
    size_t n = strlen(word);
    if (cap == 0)
        return 0;
    out[0] = '\0';
    if (n >= FOLD_IN || text_fold_ascii(word, main_fold, sizeof main_fold))
        return 0; /* Latin letters have one spelling */
    fold_word(word, n, main_fold, sizeof main_fold);
    if (!icu_word(1, word, n, out, cap) || strcmp(out, main_fold) == 0)
        out[0] = '\0';
    return strlen(out);
}
