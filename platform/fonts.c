/* fonts: the font fallback chain, found through fontconfig (the only
 * includer of fontconfig.h). */
#include "internal.h"

#include <fontconfig/fontconfig.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Families in fallback order: the first covers Latin, Greek and Cyrillic;
 * the rest add Arabic, Hebrew, Devanagari, Chinese and Japanese (Droid
 * Sans Fallback) and Korean (NanumGothic: Debian's Droid has no Hangul).
 * Names in our sample directory use all of them. */
static const char *const families[] = {
    "Noto Sans",           "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Devanagari",
    "Droid Sans Fallback", "NanumGothic",      "Noto Sans CJK SC", "DejaVu Sans",
};

/* The fonts a match can choose among. fontconfig scores every font it
 * knows (some four hundred on a desktop) for each of the sixteen
 * requests below, half of the search's time. A font none of whose
 * families a request names never wins it against one that does, so each
 * request is matched among the fonts that share a family with any of
 * the requests (after fontconfig's own substitutions: aliases, generic
 * families), in fontconfig's order: the same answer, found among a few
 * dozen. Names are compared as fontconfig does, ignoring case and
 * blanks; a family with letters beyond ASCII is always kept, as their
 * case is fontconfig's to fold. */
enum { NAMES = 512 };
typedef struct {
    uint32_t hash[NAMES]; /* 0: empty */
} Names;

static uint32_t name_hash(const FcChar8 *s, bool *ascii)
{
    uint32_t h = 2166136261u;
    *ascii = true;
    for (; *s; s++) {
        unsigned c = *s;
        if (c >= 0x80)
            *ascii = false;
        if (c == ' ')
            continue;
        if (c >= 'A' && c <= 'Z')
            c += 'a' - 'A';
        h = (h ^ c) * 16777619u;
    }
    return h ? h : 1;
}

static bool names_has(Names *n, uint32_t h, bool add)
{
    for (uint32_t i = h % NAMES, k = 0; k < NAMES; i = (i + 1) % NAMES, k++) {
        if (n->hash[i] == h)
            return true;
        if (n->hash[i] == 0) {
            if (add)
                n->hash[i] = h;
            return false;
        }
    }
    return false; /* full: never here with sixteen requests' families */
}

static FcFontSet *candidates(FcPattern *const *req, int nreq)
{
    Names *names = calloc(1, sizeof *names);
    FcFontSet *out = FcFontSetCreate();
    if (!names || !out) {
        free(names);
        if (out)
            FcFontSetDestroy(out);
        return NULL;
    }
    bool ascii;
    FcChar8 *fam;
    for (int r = 0; r < nreq; r++)
        for (int k = 0; FcPatternGetString(req[r], FC_FAMILY, k, &fam) == FcResultMatch; k++)
            names_has(names, name_hash(fam, &ascii), true);
    static const FcSetName sets[] = {FcSetSystem, FcSetApplication}; /* FcFontMatch's order */
    for (size_t s = 0; s < sizeof sets / sizeof *sets; s++) {
        FcFontSet *all = FcConfigGetFonts(NULL, sets[s]);
        for (int f = 0; all && f < all->nfont; f++) {
            bool keep = false;
            for (int k = 0;
                 !keep && FcPatternGetString(all->fonts[f], FC_FAMILY, k, &fam) == FcResultMatch;
                 k++) {
                uint32_t h = name_hash(fam, &ascii);
                keep = !ascii || names_has(names, h, false);
            }
            if (keep) {
                FcPatternReference(all->fonts[f]);
                if (!FcFontSetAdd(out, all->fonts[f]))
                    FcPatternDestroy(all->fonts[f]);
            }
        }
    }
    free(names);
    return out;
}

/* The request for family at weight, as fontconfig completes it. */
static FcPattern *request(const char *family, int weight)
{
    FcPattern *pat = FcPatternCreate();
    if (!pat)
        return NULL;
    FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
    FcPatternAddInteger(pat, FC_WEIGHT, weight);
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    return pat;
}

/* The file of family at weight, when fontconfig has that very family. */
static bool match(FcFontSet *among, FcPattern *pat, const char *family, int weight, char *out,
                  size_t cap)
{
    FcResult res;
    FcChar8 *file = NULL, *got = NULL;
    bool ok = false;
    FcPattern *font = FcFontSetMatch(NULL, &among, 1, pat, &res);
    if (font && FcPatternGetString(font, FC_FAMILY, 0, &got) == FcResultMatch &&
        strcmp((const char *)got, family) == 0 &&
        FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch) {
        int w = 0;
        FcPatternGetInteger(font, FC_WEIGHT, 0, &w);
        /* a bold request answered with a regular face is no bold face */
        ok = weight < FC_WEIGHT_BOLD || w >= FC_WEIGHT_DEMIBOLD;
        if (ok)
            snprintf(out, cap, "%s", (const char *)file);
    }
    if (font)
        FcPatternDestroy(font);
    return ok;
}

enum { FAMILIES = sizeof families / sizeof *families };

static bool find(FontFiles *out, char *err, size_t cap)
{
    memset(out, 0, sizeof *out);
    if (!FcInit()) {
        snprintf(err, cap, "fontconfig could not start");
        return false;
    }
    FcPattern *req[FAMILIES * 2] = {0};
    bool made = true;
    for (int i = 0; i < FAMILIES; i++) {
        req[2 * i] = request(families[i], FC_WEIGHT_REGULAR);
        req[2 * i + 1] = request(families[i], FC_WEIGHT_BOLD);
        made = made && req[2 * i] && req[2 * i + 1];
    }
    FcFontSet *among = made ? candidates(req, FAMILIES * 2) : NULL;
    for (int i = 0; among && i < FAMILIES && out->n < FONTS_MAX; i++) {
        if (!match(among, req[2 * i], families[i], FC_WEIGHT_REGULAR, out->path[out->n],
                   sizeof out->path[0]))
            continue;
        if (!match(among, req[2 * i + 1], families[i], FC_WEIGHT_BOLD, out->bold[out->n],
                   sizeof out->bold[0]))
            out->bold[out->n][0] = '\0';
        out->n++;
    }
    if (among)
        FcFontSetDestroy(among);
    for (int i = 0; i < FAMILIES * 2; i++)
        if (req[i])
            FcPatternDestroy(req[i]);
    if (!among) {
        snprintf(err, cap, "out of memory looking for fonts");
        return false;
    }
    if (out->n == 0) {
        snprintf(err, cap, "no usable font found (install fonts-noto-core)");
        return false;
    }
    return true;
}

/* The first search can run on a thread of its own while the window opens
 * (fontconfig reads some sixty files of its configuration; X11 and SDL
 * take as long to start): fonts_prefetch starts it, the next fonts_find
 * waits for it and takes its answer. Only one Text exists before then, so
 * nothing else uses fontconfig meanwhile. */
static pthread_t prefetch;
static bool prefetching, prefetch_ok;
static FontFiles prefetched;
static char prefetch_err[256];

static void *prefetch_main(void *arg)
{
    (void)arg;
    prefetch_ok = find(&prefetched, prefetch_err, sizeof prefetch_err);
    return NULL;
}

void fonts_prefetch(void)
{
    if (!prefetching)
        prefetching = pthread_create(&prefetch, NULL, prefetch_main, NULL) == 0;
}

/* Waits for a prefetch still running; true when there was one. */
static bool settle(void)
{
    if (!prefetching)
        return false;
    pthread_join(prefetch, NULL);
    prefetching = false;
    return true;
}

bool fonts_find(FontFiles *out, char *err, size_t cap)
{
    if (!settle())
        return find(out, err, cap);
    *out = prefetched;
    if (!prefetch_ok)
        snprintf(err, cap, "%s", prefetch_err);
    return prefetch_ok;
}

void fonts_done(void)
{
    settle();
    FcFini();
}

void fonts_settle(void)
{
    /* a search no Text took: what it had fontconfig load goes, as a
     * Text's closing lets it go */
    if (settle())
        FcFini();
}
