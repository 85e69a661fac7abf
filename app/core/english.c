/* english: see english.h. */
#include "english.h"

#include "text.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static bool is_upper_ascii(char c)
{
    return c >= 'A' && c <= 'Z';
}

static char lower_ascii(char c)
{
    return is_upper_ascii(c) ? (char)(c + 32) : c;
}

static bool is_vowel(char c)
{
    c = lower_ascii(c);
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static bool is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool starts(const char *s, const char *prefix)
{
    for (; *prefix; s++, prefix++)
        if (lower_ascii(*s) != *prefix)
            return false;
    return true;
}

/* Letters whose names begin with a vowel sound: "an F", "an M.D.". */
static bool letter_sounds_vowel(char c)
{
    return strchr("AEFHILMNORSX", c) != NULL;
}

const char *english_article(const char *phrase)
{
    const char *w = phrase;
    while (*w == ' ' || *w == '"' || *w == '(')
        w++;
    if (!*w)
        return "a";
    /* the first word: letters and dots ("U.S.", "HR", "NGO") */
    size_t n = 0, caps = 0, letters = 0;
    while (w[n] && (is_letter(w[n]) || w[n] == '.')) {
        caps += is_upper_ascii(w[n]);
        letters += is_letter(w[n]);
        n++;
    }
    if (n == 0) { /* a number: "an 8-week", "an 18-month", "an 11-year" */
        size_t d = strspn(w, "0123456789");
        return w[0] == '8' || (d == 2 && (starts(w, "11") || starts(w, "18"))) ? "an" : "a";
    }
    /* spelled letter by letter: all capitals (HR, RN, UX, U.S.), short or
     * without a vowel to say it by (HTML) */
    bool spelled = letters >= 2 && caps == letters;
    if (spelled && letters >= 4) {
        spelled = true;
        for (size_t i = 1; i + 1 < n; i++)
            if (is_vowel(w[i]) && is_letter(w[i + 1]) && !is_vowel(w[i + 1]))
                spelled = false; /* NASA, UNICEF: said as words */
    }
    if (spelled || (letters == 1 && is_upper_ascii(w[0]) && (n == 1 || w[1] == '.')))
        return letter_sounds_vowel(w[0]) ? "an" : "a";
    char c = lower_ascii(w[0]);
    static const char *const silent_h[] = {"hour", "honest", "honor", "honour", "heir", "herb"};
    for (size_t i = 0; i < sizeof silent_h / sizeof *silent_h; i++)
        if (starts(w, silent_h[i]))
            return "an";
    if (starts(w, "one") || starts(w, "once") || starts(w, "eu") || starts(w, "ewe") ||
        starts(w, "uni") || starts(w, "ubiq"))
        return "a";
    if (c == 'u') /* "a user", "a utility", "a urologist"; "an urban", "an undergraduate" */
        return n >= 3 && !is_vowel(w[1]) && is_vowel(w[2]) && lower_ascii(w[1]) != 'n' ? "a" : "an";
    return is_vowel(c) ? "an" : "a";
}

void english_possessive(const char *name, char *out, size_t cap)
{
    size_t n = strlen(name);
    snprintf(out, cap, "%s%s", name, n > 0 && lower_ascii(name[n - 1]) == 's' ? "'" : "'s");
}

const char *english_attributive(const char *school)
{
    return starts(school, "the ") && school[4] ? school + 4 : school;
}

/* The small letter of a capital text_upper_cp knows, else cp. */
static uint32_t lower_cp(uint32_t cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return cp + 32;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
        return cp + 0x20;
    if (cp == 0x178)
        return 0xFF;
    if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
        return cp & 1 ? cp : cp + 1;
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
        return cp & 1 ? cp + 1 : cp;
    return cp;
}

/* Whether s has small letters, capitals, both. */
static void cases(const char *s, bool *small, bool *capital)
{
    size_t n = strlen(s);
    *small = *capital = false;
    for (size_t i = 0; i < n;) {
        uint32_t cp = text_utf8_next(s, n, &i);
        *small |= text_upper_cp(cp) != cp;
        *capital |= lower_cp(cp) != cp;
    }
}

/* s trimmed into out, runs of spaces inside made one. */
static void trimmed(const char *s, char *out, size_t cap)
{
    text_copy(out, cap, s);
    char *t = text_trim(out);
    size_t o = 0;
    for (size_t i = 0; t[i]; i++)
        if (t[i] != ' ' || (o > 0 && out[o - 1] != ' '))
            out[o++] = t[i] == '\t' ? ' ' : t[i];
    out[o] = '\0';
}

/* "a" and "an" in s made right for the word after them ("an nurse" ->
 * "a nurse", "a architect" -> "an architect"), in place. */
static void fix_articles(char *s, size_t cap)
{
    char out[256];
    size_t o = 0, n = strlen(s);
    for (size_t i = 0; i < n && o + 4 < sizeof out;) {
        bool word_start = i == 0 || s[i - 1] == ' ';
        size_t len = strcspn(s + i, " ");
        bool article = word_start && s[i + len] == ' ' &&
                       ((len == 1 && (s[i] == 'a' || s[i] == 'A')) ||
                        (len == 2 && (s[i] == 'a' || s[i] == 'A') && s[i + 1] == 'n'));
        if (article) {
            const char *right = english_article(s + i + len + 1);
            bool capital = s[i] == 'A';
            out[o++] = capital ? 'A' : 'a';
            if (right[1] == 'n')
                out[o++] = 'n';
            i += len;
            continue;
        }
        out[o++] = s[i++];
    }
    out[o] = '\0';
    text_copy(s, cap, out);
}

/* Appends code point cp to out (at *o of cap). */
static void put(char *out, size_t cap, size_t *o, uint32_t cp)
{
    char b[4];
    size_t k = text_utf8_put(cp, b);
    if (*o + k < cap) {
        memcpy(out + *o, b, k);
        *o += k;
    }
    out[*o] = '\0';
}

/* in trimmed into s (of n bytes); false when nothing is left to tidy:
 * mixed case is kept as the person wrote it (copied to out). *capital
 * says whether it has capitals at all. */
static bool to_tidy(const char *in, char *s, size_t n, char *out, size_t cap, bool *capital)
{
    bool small;
    if (cap == 0)
        return false;
    trimmed(in, s, n);
    cases(s, &small, capital);
    if (small && *capital) {
        text_copy(out, cap, s);
        return false;
    }
    return true;
}

/* Particles of names written small: "van der Berg", "da Silva". */
static bool particle(const char *w, size_t n)
{
    static const char *const list[] = {"van", "der",   "den", "de", "da",  "das", "dos", "do",
                                       "del", "della", "di",  "du", "la",  "le",  "von", "zu",
                                       "bin", "ibn",   "al",  "el", "ter", "ten", "y"};
    for (size_t i = 0; i < sizeof list / sizeof *list; i++)
        if (strlen(list[i]) == n && strncmp(list[i], w, n) == 0)
            return true;
    return false;
}

/* One word of a name into out: kept when its capitals look meant (a
 * capital first: McKenzie, DeShawn, or a small particle: van), else a
 * capital for each part (nadia, NADIA, eMMa, o'brien, mary-jane). */
static void tidy_name_word(const char *w, size_t n, char *out, size_t cap, size_t *o)
{
    char word[128];
    bool small, capital;
    snprintf(word, sizeof word, "%.*s", (int)n, w);
    cases(word, &small, &capital);
    size_t i = 0;
    uint32_t first = text_utf8_next(word, strlen(word), &i);
    bool meant = small && capital && text_upper_cp(first) == first && lower_cp(first) != first;
    if (meant || particle(word, strlen(word))) {
        for (size_t k = 0; word[k]; k++)
            if (*o + 1 < cap)
                out[(*o)++] = word[k];
        out[*o] = '\0';
        return;
    }
    size_t len = strlen(word), part = 0; /* letters in this part of the word */
    bool start = true;
    for (i = 0; i < len;) {
        uint32_t cp = text_utf8_next(word, len, &i);
        put(out, cap, o, start ? text_upper_cp(cp) : lower_cp(cp));
        /* a new part after a hyphen, or the O' of O'Brien */
        bool apostrophe = cp == '\'' || cp == 0x2019;
        start = cp == '-' || (apostrophe && part == 1);
        part = start ? 0 : part + 1;
    }
}

void english_tidy_name(const char *in, char *out, size_t cap)
{
    char s[256];
    if (cap == 0)
        return;
    trimmed(in, s, sizeof s);
    size_t n = strlen(s), o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n;) {
        size_t len = strcspn(s + i, " ");
        tidy_name_word(s + i, len, out, cap, &o);
        i += len;
        if (s[i] == ' ') {
            put(out, cap, &o, ' ');
            i++;
        }
    }
}

/* Words that stay small inside a title. */
static bool small_word(const char *w, size_t n)
{
    static const char *const list[] = {"a",   "an",  "and",  "as",   "at",   "but", "by",
                                       "for", "in",  "of",   "on",   "or",   "the", "to",
                                       "vs",  "via", "with", "from", "into", "nor"};
    for (size_t i = 0; i < sizeof list / sizeof *list; i++)
        if (strlen(list[i]) == n) {
            size_t k = 0;
            while (k < n && lower_ascii(w[k]) == list[i][k])
                k++;
            if (k == n)
                return true;
        }
    return false;
}

/* An all-capital word kept so: known abbreviations of programs and
 * fields, and any word without a vowel (MPH, BSN, MSW). */
static bool acronym(const char *w, size_t n)
{
    while (n > 0 && !is_letter(*w)) /* "(BSN)" is BSN */
        w++, n--;
    while (n > 0 && !is_letter(w[n - 1]))
        n--;
    static const char *const list[] = {"MBA",  "MFA", "MPA",   "MPP",   "MA",  "MS",   "BA", "BS",
                                       "JD",   "MD",  "RN",    "NP",    "PA",  "STEM", "CS", "EE",
                                       "ECE",  "IT",  "AI",    "ML",    "UX",  "UI",   "HR", "PR",
                                       "ROTC", "ESL", "TESOL", "LGBTQ", "US",  "UK",   "EU", "UN",
                                       "NGO",  "GIS", "SQL",   "CPA",   "ASL", "EMT",  "OT", "PT"};
    for (size_t i = 0; i < sizeof list / sizeof *list; i++)
        if (strlen(list[i]) == n && strncmp(list[i], w, n) == 0)
            return true;
    for (size_t i = 0; i < n; i++)
        if (is_vowel(w[i]) || lower_ascii(w[i]) == 'y' || !is_letter(w[i]))
            return false;
    return n >= 2;
}

void english_tidy_title(const char *in, char *out, size_t cap)
{
    char s[256];
    bool capital;
    if (!to_tidy(in, s, sizeof s, out, cap, &capital))
        return;
    size_t n = strlen(s), o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n;) {
        /* one word: up to a space */
        size_t end = i;
        while (end < n && s[end] != ' ')
            end++;
        size_t len = end - i;
        bool keep_caps = capital && acronym(s + i, len);
        bool lower_all = i > 0 && small_word(s + i, len);
        bool first = true;
        while (i < end) {
            uint32_t cp = text_utf8_next(s, end, &i);
            if (keep_caps)
                put(out, cap, &o, cp);
            else
                put(out, cap, &o, first && !lower_all ? text_upper_cp(cp) : lower_cp(cp));
            first = cp == '-' || cp == '(' || cp == '"'; /* "Pre-Law", "(Joint Degree)" */
        }
        while (i < n && s[i] == ' ') {
            put(out, cap, &o, ' ');
            i++;
        }
    }
}

/* The -ing form of a verb: "become" -> "becoming", "get" -> "getting",
 * "work" -> "working", "die" -> "dying". */
static void gerund(const char *verb, size_t n, char *out, size_t cap)
{
    char v[64];
    if (n >= sizeof v - 4)
        n = sizeof v - 5;
    memcpy(v, verb, n);
    v[n] = '\0';
    static const char *const doubled[] = {"plan", "stop",  "shop",   "swim",  "skip",   "chat",
                                          "drop", "begin", "prefer", "admit", "commit", "refer"};
    bool dbl = n == 3 && !is_vowel(v[0]) && is_vowel(v[1]) && !is_vowel(v[2]) &&
               !strchr("wxy", lower_ascii(v[2]));
    for (size_t i = 0; i < sizeof doubled / sizeof *doubled; i++)
        dbl |= strcmp(v, doubled[i]) == 0;
    if (strcmp(v, "be") == 0)
        snprintf(out, cap, "becoming"); /* "exploring becoming a lawyer" */
    else if (n >= 2 && strcmp(v + n - 2, "ie") == 0)
        snprintf(out, cap, "%.*sying", (int)(n - 2), v);
    else if (n >= 3 && v[n - 1] == 'e' && !strchr("eoy", v[n - 2]))
        snprintf(out, cap, "%.*sing", (int)(n - 1), v);
    else if (dbl)
        snprintf(out, cap, "%s%cing", v, v[n - 1]);
    else
        snprintf(out, cap, "%sing", v);
}

/* ---- organizations ---- */

/* The n bytes at w, lower-cased, equal word. */
static bool word_is(const char *w, size_t n, const char *word)
{
    if (strlen(word) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (lower_ascii(w[i]) != word[i])
            return false;
    return true;
}

static bool word_in(const char *w, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (word_is(w, n, *list))
            return true;
    return false;
}

const char *english_org_article(const char *name)
{
    /* words for a public body that open its name */
    static const char *const body_first[] = {"state",  "national", "federal",
                                             "united", "royal",    NULL};
    /* last words that name a body of people or an office, not a place
     * (Hospital, School, University) or a firm (Bank, Group, Partners) */
    static const char *const body_last[] = {
        "foundation", "institute",   "institution",  "conservancy", "council",
        "symphony",   "orchestra",   "philharmonic", "museum",      "library",
        "society",    "association", "federation",   "league",      "commission",
        "committee",  "agency",      "bureau",       "department",  "administration",
        "service",    "corps",       "cross",        "guard",       "army",
        "navy",       "reserve",     "district",     "authority",   "board",
        "trust",      "alliance",    "coalition",    "initiative",  "ledger",
        "times",      "post",        "tribune",      "herald",      "journal",
        "gazette",    "chronicle",   "observer",     "defender",    "ballet",
        "opera",      "zoo",         "senate",       "legislature", NULL};
    const char *p = name;
    while (*p == ' ')
        p++;
    if (starts(p, "the "))
        return "";
    size_t first = 0, last_at = 0, last = 0;
    bool caps = true, of = false;
    while (is_letter(p[first]) || p[first] == '-' || p[first] == '\'')
        first++;
    for (const char *q = p; *q;) {
        size_t n = 0;
        while (q[n] && q[n] != ' ')
            n++;
        if (n) {
            last_at = (size_t)(q - p);
            last = n;
            if (q != p && (word_is(q, n, "of") || word_is(q, n, "for")))
                of = true;
        }
        q += n;
        while (*q == ' ')
            q++;
    }
    for (const char *q = p; *q; q++)
        if (*q >= 'a' && *q <= 'z')
            caps = false;
    if (caps || first == 0)
        return "";
    /* "X of Y" / "X for Y": the University of, the Department of, the
     * Center for; "X Y of Z" too (the State Board of Education) */
    if (of)
        return "the ";
    if (word_in(p, first, body_first) && p[first] == ' ')
        return "the ";
    /* a trailing "(...)" or "Inc." is not the head noun; drop a final dot */
    const char *l = p + last_at;
    size_t ln = last;
    while (ln > 0 && (l[ln - 1] == '.' || l[ln - 1] == ','))
        ln--;
    return word_in(l, ln, body_last) ? "the " : "";
}

/* ---- what a visitor explores ---- */

/* True when the lower-case word w[0..n) names a person by their work
 * ("lawyer", "nurse", "analyst", "physician"): a common agent ending, or
 * one of the trades whose names have none, but not the nouns that end
 * so and name things ("water", "computer", "restaurant"). */
static bool agent_noun(const char *w, size_t n)
{
    static const char *const trades[] = {
        "nurse",     "chef",      "judge",     "pilot", "actuary",  "attorney", "paralegal",
        "midwife",   "coach",     "clerk",     "cook",  "diplomat", "nanny",    "notary",
        "poet",      "surgeon",   "architect", "vet",   "medic",    "mechanic", "paramedic",
        "detective", "executive", "astronaut", "agent", "barista",  "plumber",  "dancer",
        "actress",   "model",     "ranger",    "guide", "aide",     "officer",  "nun",
        "monk",      NULL};
    static const char *const things[] = {
        "water",     "computer", "power",      "paper",     "matter",   "order",    "career",
        "summer",    "winter",   "cancer",     "weather",   "theater",  "center",   "sector",
        "motor",     "color",    "labor",      "honor",     "humor",    "error",    "mirror",
        "floor",     "door",     "interior",   "exterior",  "major",    "minor",    "senior",
        "junior",    "other",    "number",     "chapter",   "letter",   "silver",   "copper",
        "river",     "plant",    "restaurant", "important", "relevant", "elephant", "behavior",
        "behaviour", "never",    "either",     "whether",   "together", "corner",   "tower",
        "shelter",   "charter",  "flavor",     "favor",     "vendor",   "factor",   "ledger",
        "dinner",    "cluster",  "register",   "master",    "sponsor",  "monitor",  "calendar",
        "grammar",   "after",    "ever",       "over",      "under",    "super",    NULL};
    static const char *const endings[] = {"er", "or", "ist", "ian", "ant", "yst", "ent", NULL};
    if (n < 3 || word_in(w, n, things))
        return false;
    if (word_in(w, n, trades))
        return true;
    if (n < 5)
        return false;
    /* -ment, -ent names a thing mostly: only the people ("student" is not a job) */
    if (n > 3 && word_is(w + n - 3, 3, "ent"))
        return word_in(
            w, n, (const char *const[]){"president", "agent", "resident", "superintendent", NULL});
    for (const char *const *e = endings; *e; e++) {
        size_t k = strlen(*e);
        if (n > k && word_is(w + n - k, k, *e))
            return true;
    }
    return false;
}

/* When s is a bare job title ("lawyer", "a data scientist", "nurses"),
 * writes "a career as a lawyer" into out and returns true. */
static bool bare_title(const char *s, char *out, size_t cap)
{
    static const char *const not_a_title[] = {
        "in",     "of",      "at",    "for",     "with", "and",      "or",   "to",
        "how",    "what",    "why",   "whether", "the",  "my",       "your", "about",
        "into",   "from",    "on",    "is",      "be",   "being",    "work", "working",
        "career", "careers", "job",   "jobs",    "as",   "becoming", "like", "than",
        "more",   "who",     "where", "when",    NULL};
    char w[6][64];
    size_t nw = 0;
    const char *p = s;
    if (starts(p, "a "))
        p += 2;
    else if (starts(p, "an "))
        p += 3;
    while (*p) {
        size_t n = 0;
        while (p[n] && p[n] != ' ')
            n++;
        if (n == 0 || n >= sizeof w[0] || nw == 6)
            return false;
        for (size_t i = 0; i < n; i++)
            if (!is_letter(p[i]) && p[i] != '-' && p[i] != '\'')
                return false;
        if (word_in(p, n, not_a_title))
            return false;
        memcpy(w[nw], p, n);
        w[nw][n] = '\0';
        nw++;
        p += n;
        while (*p == ' ')
            p++;
    }
    if (nw == 0 || nw > 4)
        return false;
    /* "Lawyer" or "Data scientist", capitalised as a field's first word
     * is, read "lawyer"; "UX designer" and "Software Engineer" stay */
    bool rest_small = true;
    for (size_t i = 1; i < nw; i++)
        rest_small = rest_small && !(w[i][0] >= 'A' && w[i][0] <= 'Z');
    if (rest_small && w[0][0] >= 'A' && w[0][0] <= 'Z' && w[0][1] >= 'a' && w[0][1] <= 'z')
        w[0][0] = (char)(w[0][0] + 32);
    char *last = w[nw - 1];
    size_t n = strlen(last);
    char single[64];
    text_copy(single, sizeof single, last);
    if (!agent_noun(last, n)) { /* a plural: "lawyers", "attorneys", "actuaries" */
        if (n > 4 && word_is(last + n - 3, 3, "ies")) {
            snprintf(single, sizeof single, "%.*sy", (int)(n - 3), last);
        } else if (n > 3 && lower_ascii(last[n - 1]) == 's')
            single[n - 1] = '\0';
        if (strcmp(single, last) == 0 || !agent_noun(single, strlen(single)))
            return false;
    }
    char phrase[256] = "";
    size_t o = 0; /* the words before the last, then its singular; cut, never overrun */
    for (size_t i = 0; i + 1 < nw && o + 1 < sizeof phrase; i++)
        o += (size_t)snprintf(phrase + o, sizeof phrase - o, "%s ", w[i]);
    if (o + 1 < sizeof phrase)
        snprintf(phrase + o, sizeof phrase - o, "%s", single);
    snprintf(out, cap, "a career as %s %s", english_article(phrase), phrase);
    return true;
}

void english_interest(const char *in, char *out, size_t cap)
{
    char s[256];
    if (cap == 0)
        return;
    trimmed(in, s, sizeof s);
    size_t n = strlen(s);
    while (n > 0 && strchr(".!", s[n - 1])) /* a sentence's end */
        s[--n] = '\0';
    while (n > 0 && s[n - 1] == ' ')
        s[--n] = '\0';
    /* "I want to X" and the like: the verb phrase, as "X-ing ..." */
    static const char *const to_verb[] = {"i would really like to ",
                                          "i would like to ",
                                          "i'd like to ",
                                          "id like to ",
                                          "i really want to ",
                                          "i want to ",
                                          "i wanna ",
                                          "i hope to ",
                                          "i'm hoping to ",
                                          "im hoping to ",
                                          "i am hoping to ",
                                          "i plan to ",
                                          "i'm planning to ",
                                          "i am planning to ",
                                          "i'm trying to ",
                                          "i am trying to ",
                                          "i'm looking to ",
                                          "i am looking to ",
                                          "hoping to ",
                                          "want to ",
                                          "trying to ",
                                          "looking to ",
                                          "planning to ",
                                          "how to ",
                                          "to "};
    /* "I'm interested in X": the rest, as typed */
    static const char *const to_rest[] = {"i'm interested in ",
                                          "i am interested in ",
                                          "im interested in ",
                                          "interested in ",
                                          "i'm curious about ",
                                          "i am curious about ",
                                          "curious about ",
                                          "i'm thinking about ",
                                          "i am thinking about ",
                                          "thinking about ",
                                          "i'm exploring ",
                                          "i am exploring ",
                                          "exploring ",
                                          "i like ",
                                          "i love ",
                                          "i want ",
                                          "maybe "};
    const char *p = s;
    for (size_t i = 0; i < sizeof to_verb / sizeof *to_verb; i++)
        if (starts(p, to_verb[i])) {
            p += strlen(to_verb[i]);
            size_t v = 0;
            while (is_letter(p[v]))
                v++;
            if (v == 0)
                break;
            char g[72], title[256];
            gerund(p, v, g, sizeof g);
            /* "be nurse": becoming a nurse */
            if (strcmp(g, "becoming") == 0 && p[v] == ' ' &&
                bare_title(p + v + 1, title, sizeof title))
                snprintf(out, cap, "becoming %s", title + strlen("a career as "));
            else
                snprintf(out, cap, "%s%s", g, p + v);
            fix_articles(out, cap);
            return;
        }
    for (size_t i = 0; i < sizeof to_rest / sizeof *to_rest; i++)
        if (starts(p, to_rest[i])) {
            p += strlen(to_rest[i]);
            break;
        }
    if (!bare_title(p, out, cap))
        text_copy(out, cap, p);
    fix_articles(out, cap);
}

/* The next item of a ';' list from *p, trimmed, into item; false at the
 * end. */
static bool list_item(const char **p, char *item, size_t cap)
{
    while (**p) {
        size_t n = strcspn(*p, ";");
        const char *a = *p, *b = *p + n;
        *p = *b ? b + 1 : b;
        while (a < b && (*a == ' ' || *a == '\t'))
            a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
            b--;
        if (b > a) {
            snprintf(item, cap, "%.*s", (int)(b - a), a);
            return true;
        }
    }
    return false;
}

void english_list(const char *in, char *out, size_t cap)
{
    char item[256];
    size_t n = 0, len = 0;
    const char *p = in;
    while (list_item(&p, item, sizeof item))
        n++;
    if (cap)
        out[0] = '\0';
    p = in;
    for (size_t i = 0; i < n && list_item(&p, item, sizeof item); i++) {
        const char *sep = i == 0 ? "" : n == 2 ? " and " : i + 1 == n ? ", and " : ", ";
        int k = snprintf(out + len, len < cap ? cap - len : 0, "%s%s", sep, item);
        if (k < 0 || len + (size_t)k >= cap)
            return; /* cut: the caller's buffer holds what fitted */
        len += (size_t)k;
    }
}
