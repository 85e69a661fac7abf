/* fonts: the font fallback chain, found through fontconfig (the only
 * includer of fontconfig.h). */
#include "internal.h"

#include <fontconfig/fontconfig.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* Families in fallback order: the first covers Latin, Greek and Cyrillic;
 * the rest add Arabic, Hebrew, Devanagari, Chinese and Japanese (Droid
 * Sans Fallback) and Korean (NanumGothic: Debian's Droid has no Hangul).
 * Names in our sample directory use all of them. */
static const char *const families[] = {
    "Noto Sans",           "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Devanagari",
    "Droid Sans Fallback", "NanumGothic",      "Noto Sans CJK SC", "DejaVu Sans",
};

/* The file of family at weight, when fontconfig has that very family. */
static bool match(const char *family, int weight, char *out, size_t cap)
{
    FcPattern *pat = FcPatternCreate(), *font;
    FcResult res;
    FcChar8 *file = NULL, *got = NULL;
    bool ok = false;
    FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
    FcPatternAddInteger(pat, FC_WEIGHT, weight);
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    font = FcFontMatch(NULL, pat, &res);
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
    FcPatternDestroy(font);
    FcPatternDestroy(pat);
    return ok;
}

static bool find(FontFiles *out, char *err, size_t cap)
{
    memset(out, 0, sizeof *out);
    if (!FcInit()) {
        snprintf(err, cap, "fontconfig could not start");
        return false;
    }
    for (size_t i = 0; i < sizeof families / sizeof *families && out->n < FONTS_MAX; i++) {
        if (!match(families[i], FC_WEIGHT_REGULAR, out->path[out->n], sizeof out->path[0]))
            continue;
        if (!match(families[i], FC_WEIGHT_BOLD, out->bold[out->n], sizeof out->bold[0]))
            out->bold[out->n][0] = '\0';
        out->n++;
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
    settle();
}
