/* Tests for platform/bidi: the runs of a line, in the order they are
 * shown, by the Unicode bidirectional algorithm (FriBidi underneath). */
#include "support.h"

#include "core/message.h"
#include "core/typed.h"
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
        char run[256]; /* the marks that isolate a quote are invisible: not shown */
        snprintf(run, sizeof run, "%.*s", (int)r[i].len, s + r[i].start);
        typed_unmarked(run, run, sizeof run);
        snprintf(out + k, sizeof out - k, r[i].rtl ? "<%s]" : "[%s>", run);
    }
    return out;
}

#define Q(s) TYPED_FSI s TYPED_PDI /* a visitor's words, quoted */

/* A visitor's right-to-left words inside an English sentence stay one
 * piece in their place: what follows them is not pulled around, however
 * long the name. Without the isolates it would be. */
static void test_quoted_words_keep_their_place(void **state)
{
    (void)state;
    /* a number after an Arabic name takes the name's side unless isolated */
    assert_string_equal(shown("I'm ليلى 20 minutes away"), "[I'm >[20><ليلى ][ minutes away>");
    assert_string_equal(shown("I'm " Q("ليلى") " 20 minutes away"),
                        "[I'm ><ليلى][ 20 minutes away>");
    /* a long name no longer turns the line right to left */
    assert_string_equal(shown("My name is عبد الرحمن بن خالد, and"),
                        "[and>< عبد الرحمن بن خالد, ][My name is>");
    assert_string_equal(shown("My name is " Q("عبد الرحمن بن خالد") ", and"),
                        "[My name is ><عبد الرحمن بن خالد][, and>");
    /* even a quote that ends in the middle of a mark-free override */
    assert_string_equal(shown("Hi " Q("Sam") ", I'm here"), "[Hi Sam, I'm here>");
}

/* The message as composed: every line that quotes the visitor's Arabic
 * name begins, on screen, with its English words. */
static void test_message_lines_read_in_order(void **state)
{
    (void)state;
    Visitor v;
    visitor_init(&v);
    strcpy(v.first_name, "عبد الرحمن بن خالد");
    strcpy(v.program, "هندسة 2024");
    Mentor m;
    memset(&m, 0, sizeof m);
    strcpy(m.first_name, "José");
    strcpy(m.last_name, "García");
    strcpy(m.title, "Software Engineer");
    strcpy(m.organization, "Acme");
    strcpy(m.field, "Technology");
    m.via = VIA_EMAIL;
    strcpy(m.contact, "jose@example.org");
    Office o = {.name = "Career Center", .school = "Northfield University", .contact = "", .logo = ""};
    Message msg;
    assert_true(message_compose(CHANNEL_EMAIL, &v, &m, &o, 0, &msg));
    char *line = strstr(msg.body, "My name is ");
    assert_non_null(line);
    size_t n = strcspn(line, "\n");
    char one[512];
    snprintf(one, sizeof one, "%.*s", (int)(n < 200 ? n : 200), line);
    const char *got = shown(one);
    if (strncmp(got, "[My name is ><عبد الرحمن بن خالد][, and I am ", 52) != 0)
        fail_msg("the line reads: %s", got);
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
        cmocka_unit_test(test_quoted_words_keep_their_place),
        cmocka_unit_test(test_message_lines_read_in_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
