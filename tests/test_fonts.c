/* Tests for platform/fonts.c: the fallback chain it finds is the one
 * fontconfig's own FcFontMatch gives, asked family by family over every
 * font it knows (fonts.c matches among the fonts sharing a family with
 * a request, to be quicker; this checks it loses nothing by it). */
#include "support.h"

#include "internal.h"

#include <fontconfig/fontconfig.h>
#include <string.h>

/* FcFontMatch's file for family at weight, when it is that very family
 * (and, for bold, a bold face); "" otherwise. */
static void reference(const char *family, int weight, char *out, size_t cap)
{
    FcPattern *pat = FcPatternCreate(), *font;
    FcResult res;
    FcChar8 *file = NULL, *got = NULL;
    out[0] = '\0';
    FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
    FcPatternAddInteger(pat, FC_WEIGHT, weight);
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    font = FcFontMatch(NULL, pat, &res);
    int w = 0;
    if (font && FcPatternGetString(font, FC_FAMILY, 0, &got) == FcResultMatch &&
        strcmp((const char *)got, family) == 0 &&
        FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch &&
        (FcPatternGetInteger(font, FC_WEIGHT, 0, &w),
         weight < FC_WEIGHT_BOLD || w >= FC_WEIGHT_DEMIBOLD))
        snprintf(out, cap, "%s", (const char *)file);
    if (font)
        FcPatternDestroy(font);
    FcPatternDestroy(pat);
}

static void test_chain_is_fontconfigs_own_choice(void **state)
{
    (void)state;
    /* the families fonts.c asks for, in its order */
    static const char *const families[] = {
        "Noto Sans",           "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Devanagari",
        "Droid Sans Fallback", "NanumGothic",      "Noto Sans CJK SC", "DejaVu Sans",
    };
    FontFiles got;
    char err[256];
    assert_true(fonts_find(&got, err, sizeof err));
    int n = 0;
    for (size_t i = 0; i < sizeof families / sizeof *families && n < FONTS_MAX; i++) {
        char regular[512], bold[512];
        reference(families[i], FC_WEIGHT_REGULAR, regular, sizeof regular);
        if (!*regular)
            continue;
        reference(families[i], FC_WEIGHT_BOLD, bold, sizeof bold);
        assert_true(n < got.n);
        if (strcmp(got.path[n], regular) != 0 || strcmp(got.bold[n], bold) != 0)
            fail_msg("%s: fonts.c chose %s (bold %s), fontconfig %s (bold %s)", families[i],
                     got.path[n], got.bold[n], regular, bold);
        n++;
    }
    assert_int_equal(got.n, n);
    /* the machine's fonts (make deps) give a chain of several scripts */
    assert_true(n >= 5);
    fonts_done();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chain_is_fontconfigs_own_choice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
