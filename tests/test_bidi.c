/* Tests for platform/bidi: the runs of a line, in the order they are
 * shown, by the Unicode bidirectional algorithm (FriBidi underneath). */
#include "support.h"

#include "internal.h"

#include <string.h>

/* The runs of s as "[text>" (left to right) or "<text]" (right to left),
 * in their order on screen. */
static const char *shown(const char *s)
{
    static char out[512];
    BidiRun r[BIDI_RUNS_MAX];
    int n = bidi_runs(s, strlen(s), r, BIDI_RUNS_MAX);
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        size_t k = strlen(out);
        snprintf(out + k, sizeof out - k, r[i].rtl ? "<%.*s]" : "[%.*s>", (int)r[i].len,
                 s + r[i].start);
    }
    return out;
}

static void test_mixed_lines(void **state)
{
    (void)state;
    /* the comma after an Arabic name stays on its right, in the English
     * sentence: "Dear ليلى," never shows as "Dear ,ليلى" */
    assert_string_equal(shown("Dear ليلى,"), "[Dear ><ليلى][,>");
    assert_string_equal(shown("Hi ليلى, I'm Nadia"), "[Hi ><ليلى][, I'm Nadia>");
    assert_string_equal(shown("ليلى حداد"), "<ليلى حداد]");
    assert_string_equal(shown("Prep sheet: a conversation with נועה כהן"),
                        "[Prep sheet: a conversation with ><נועה כהן]");
    /* a right-to-left line with a number and a Latin name inside: the
     * last words on the left, each left-to-right piece read as it is */
    assert_string_equal(shown("שלום 123 עולם"), "< עולם][123><שלום ]");
    assert_string_equal(shown("مرحبا Nadia!"), "<!][Nadia><مرحبا ]");
    assert_string_equal(shown("Only Latin, 42."), "[Only Latin, 42.>");
    /* an English sentence that begins with an Arabic name reads left to
     * right, the name first: the way most of its letters run */
    assert_string_equal(shown("ليلى has built a career"), "<ليلى][ has built a career>");
    assert_string_equal(shown("ليلى حداد (Layla Haddad)"), "<ليلى حداد][ (Layla Haddad)>");
    assert_string_equal(shown(""), "");
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mixed_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
