/* Tests for app/core/text and app/core/strbuf. */
#include "support.h"

#include "core/strbuf.h"
#include "core/text.h"

#include <string.h>

static void test_utf8_validation(void **state)
{
    (void)state;
    assert_true(text_utf8_valid("Müller 王伟 ليلى", strlen("Müller 王伟 ليلى")));
    assert_false(text_utf8_valid("\xC3", 1));             /* truncated */
    assert_false(text_utf8_valid("\xC0\xAF", 2));         /* overlong */
    assert_false(text_utf8_valid("\xED\xA0\x80", 3));     /* surrogate */
    assert_false(text_utf8_valid("\xF4\x90\x80\x80", 4)); /* past U+10FFFF */
    assert_false(text_utf8_valid("caf\xE9", 4));          /* Latin-1 é */
}

static void test_counts(void **state)
{
    (void)state;
    assert_int_equal(text_chars("José"), 4);
    assert_int_equal(text_chars("王伟"), 2);
    assert_int_equal(text_words("  two\nwords "), 2);
    assert_int_equal(text_words(""), 0);
}

static void test_copy_cuts_at_character(void **state)
{
    (void)state;
    char out[6];
    assert_true(text_copy(out, sizeof out, "abcdé!")); /* é would straddle the end */
    assert_string_equal(out, "abcd");
    assert_false(text_copy(out, sizeof out, "abc"));
    assert_string_equal(out, "abc");
}

static void test_fold(void **state)
{
    (void)state;
    char out[64];
    text_fold("Müller José ŁUKASZ Ørsted", out, sizeof out);
    assert_string_equal(out, "muller jose lukasz orsted");
    text_fold("I’m ÇA", out, sizeof out);
    assert_string_equal(out, "i'm ca");
    text_fold("Ольга", out, sizeof out); /* other scripts kept */
    assert_string_equal(out, "Ольга");
    text_fold_key(" E-mail_Address ", out, sizeof out);
    assert_string_equal(out, "emailaddress");
    /* the full ASCII fold spells out the letters that do not decompose */
    assert_true(text_fold_ascii("Søren Łódź Yıldız Straße Æther Đorđe Œil Þór", out, sizeof out));
    assert_string_equal(out, "soren lodz yildiz strasse aether dorde oeil thor");
    assert_false(text_fold_ascii("Zoë Ольга", out, sizeof out)); /* not Latin: ICU's work */
    assert_true(text_fold_ascii("Straße", out, 6)); /* cut before a letter that does not fit */
    assert_string_equal(out, "stra");
}

/* Shift on the accent keyboard: each key's capital, not another letter
 * (ÿ once became ß); and capitals stay capitals. */
static void test_upper(void **state)
{
    (void)state;
    char out[200];
    text_upper("á à â ä ã å æ ç é è ê ë í ì î ï ñ ó ò ô ö õ ø œ ú ù û ü ý ÿ ß ł", out, sizeof out);
    assert_string_equal(out, "Á À Â Ä Ã Å Æ Ç É È Ê Ë Í Ì Î Ï Ñ Ó Ò Ô Ö Õ Ø Œ Ú Ù Û Ü Ý Ÿ ẞ Ł");
    text_upper("søren østergaard, ilkay yıldız, čapek, ŋ, ž, ÷ 1-2", out, sizeof out);
    assert_string_equal(out, "SØREN ØSTERGAARD, ILKAY YILDIZ, ČAPEK, Ŋ, Ž, ÷ 1-2");
    /* every small letter of Latin-1 and Extended-A has a capital of its
     * own that is its own capital, and no capital changes */
    for (uint32_t cp = 0xC0; cp <= 0x17F; cp++) {
        uint32_t up = text_upper_cp(cp);
        assert_int_equal(text_upper_cp(up), up);
        if (up != cp)
            for (uint32_t other = 0xC0; other <= 0x17F; other++)
                if (other != cp && text_upper_cp(other) == up && other != up)
                    fail_msg("U+%04X and U+%04X share the capital U+%04X", cp, other, up);
    }
    text_upper("ÿÿÿ", out, 5); /* cut at a whole character */
    assert_string_equal(out, "ŸŸ");
}

static void test_phrase_at_word_boundaries(void **state)
{
    (void)state;
    assert_true(text_has_phrase("can i get a job at acme", "a job"));
    assert_false(text_has_phrase("a jobless summer", "a job"));
    assert_false(text_has_phrase("internal tools", "intern"));
    assert_true(text_has_phrase("an intern.", "intern"));
}

static void test_detect_encoding(void **state)
{
    (void)state;
    assert_int_equal(text_detect_encoding("plain", 5), TEXT_ENC_UTF8);
    assert_int_equal(text_detect_encoding("\xEF\xBB\xBFid", 5), TEXT_ENC_UTF8_BOM);
    const char *cp = "Jos\xE9,M\xFCller,caf\xE9";
    assert_int_equal(text_detect_encoding(cp, strlen(cp)), TEXT_ENC_CP1252);
    const char *bad = "José,Müller,Zoë,\xFF";
    assert_int_equal(text_detect_encoding(bad, strlen(bad)), TEXT_ENC_UTF8_BAD);
}

static void test_strbuf_overflow_is_safe(void **state)
{
    (void)state;
    char buf[8];
    StrBuf sb;
    strbuf_init(&sb, buf, sizeof buf);
    strbuf_add(&sb, "abc");
    strbuf_addf(&sb, "%d", 42);
    assert_false(sb.overflow);
    assert_string_equal(buf, "abc42");
    strbuf_add(&sb, "éé");
    assert_true(sb.overflow);
    assert_string_equal(buf, "abc42é"); /* cut before the second é */
}

/* A name from outside is one line that reads as what it is: controls,
 * backslashes, bytes that are not UTF-8 and text-turning characters are
 * escaped; the rest is kept; a cut never splits an escape. */
static void test_escape_names(void **state)
{
    (void)state;
    char out[200];
    assert_string_equal(text_escape("20261122T080000Z", out, sizeof out), "20261122T080000Z");
    assert_string_equal(text_escape("a\nimported 999\r\t\x1b[2J\x7f", out, sizeof out),
                        "a\\nimported 999\\r\\t\\x1B[2J\\x7F");
    assert_string_equal(text_escape("C:\\x", out, sizeof out), "C:\\\\x");
    assert_string_equal(text_escape("bad\xff\xc3", out, sizeof out), "bad\\xFF\\xC3");
    assert_string_equal(text_escape("Zo\xc3\xab \xe6\x9d\xb1", out, sizeof out),
                        "Zo\xc3\xab \xe6\x9d\xb1"); /* Zoë, a CJK character: kept */
    assert_string_equal(text_escape("Sam\xe2\x80\xae"
                                    "abc\xe2\x80\xa8\xc2\x85",
                                    out, sizeof out),
                        "Sam\\u{202E}abc\\u{2028}\\u{0085}");
    assert_null(strchr(text_escape("x\ny\n", out, sizeof out), '\n'));
    /* cut short: whole escapes only, then "..." */
    assert_string_equal(text_escape("abcdefgh", out, 8), "abcd...");
    assert_string_equal(text_escape("ab\n\n\n", out, 8), "ab\\n...");
    assert_string_equal(text_escape("\x01\x02", out, 8), "\\x01...");
    assert_string_equal(text_escape("abc", out, 4), "abc");
    assert_string_equal(text_escape("abcd", out, 4), "...");
    assert_string_equal(text_escape("\xc3\xab\xc3\xab\xc3\xab\xc3\xab", out, 8),
                        "\xc3\xab\xc3\xab...");
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_validation),
        cmocka_unit_test(test_counts),
        cmocka_unit_test(test_copy_cuts_at_character),
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_phrase_at_word_boundaries),
        cmocka_unit_test(test_detect_encoding),
        cmocka_unit_test(test_strbuf_overflow_is_safe),
        cmocka_unit_test(test_upper),
        cmocka_unit_test(test_escape_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
