/* Tests for app/core/text and app/core/strbuf. */
#include "support.h"

#include "core/strbuf.h"
#include "core/text.h"
#include "core/typed.h"

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

/* What typing keeps: a name's letters in any script; never the controls
 * and format characters that reorder or hide text, nor emoji. */
static void test_typed_clean(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
        bool refused;
    } cases[] = {
        {"Sam\u202Eevil", "Samevil", false},               /* RIGHT-TO-LEFT OVERRIDE */
        {"Sam\x1b[31mRed\x1b[0m", "Sam[31mRed[0m", false}, /* ESC */
        {"\xEF\xBB\xBFNadia", "Nadia", false},             /* byte-order mark */
        {"a\u202Ab\u202Bc\u202Cd\u202De", "abcde", false}, /* embeddings and PDF */
        {"a\u2066b\u2067c\u2068d\u2069e", "abcde", false}, /* isolates */
        {"a\u200Eb\u200Fc\u061Cd", "abcd", false},         /* LRM, RLM, ALM */
        {"Jo\u00ADsé\u200B", "José", false},               /* soft hyphen, zero width space */
        {"tab\tnew\nline\r\x7f\xC2\x85", "tabnewline", false}, /* C0, DEL, C1 */
        {"x\u2028y\u2029z", "xyz", false},                 /* line and paragraph separators */
        {"p\uE000u\U000F0000", "pu", false},               /* private use */
        {"t\U000E0041g", "tg", false},                     /* tags */
        {"ok\xff\xfe\xc3", "ok", false},                   /* ill-formed bytes */
        {"Sam\U0001F44D", "Sam", true},                    /* thumbs up */
        {"\U0001F468\u200D\U0001F4BB Ana", " Ana", true},  /* a ZWJ sequence, whole */
        {"I \u2764\uFE0F it", "I  it", true},              /* heart and emoji selector */
        {"\U0001F1EB\U0001F1F7", "", true},                /* a flag */
        {"1\u20E3", "1", true},                            /* keycap */
        /* kept: letters of every script, their joiners where a script uses them */
        {"Zoë Ōtake-Ørsted", "Zoë Ōtake-Ørsted", false},
        {"ليلى حداد", "ليلى حداد", false},
        {"נועה", "נועה", false},
        {"می\u200Cخواهم", "می\u200Cخواهم", false},         /* Persian ZWNJ */
        {"क्\u200Dष", "क्\u200Dष", false},                  /* Devanagari ZWJ */
        {"Sa\u200Dm\u200C", "Sam", false},                 /* joiners among Latin letters */
        {"李小龍 (Bruce)", "李小龍 (Bruce)", false},
        {"O'Brien, Jr. #2 @ 50% & co.", "O'Brien, Jr. #2 @ 50% & co.", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char buf[64];
        bool refused = false;
        strcpy(buf, cases[i].in);
        size_t n = typed_clean(buf, 0, &refused);
        if (strcmp(buf, cases[i].out) != 0 || refused != cases[i].refused || n != strlen(buf))
            fail_msg("case %zu: \"%s\" (refused %d), wanted \"%s\" (refused %d)", i, buf, refused,
                     cases[i].out, cases[i].refused);
    }
    /* a joiner typed on its own keeps after the letter it follows */
    char zwnj[8] = "\u200C";
    typed_clean(zwnj, 0x0645, NULL);
    assert_string_equal(zwnj, "\u200C");
    typed_clean(zwnj, 'm', NULL);
    assert_string_equal(zwnj, "");
    assert_int_equal(typed_last("Samé"), 0xE9);
    assert_int_equal(typed_last(""), 0);
    /* every control and format character by the table, none of the letters */
    for (uint32_t cp = 0; cp < 0x20; cp++)
        assert_int_equal(typed_class(cp), TYPED_DROP);
    for (uint32_t cp = 0x7F; cp < 0xA0; cp++)
        assert_int_equal(typed_class(cp), TYPED_DROP);
    for (uint32_t cp = 0x20; cp < 0x7F; cp++)
        assert_int_equal(typed_class(cp), TYPED_KEEP);
    for (uint32_t cp = 0xA0; cp < 0x2000; cp++)
        if (cp != 0xAD && !(cp >= 0x600 && cp <= 0x605) && cp != 0x61C && cp != 0x6DD &&
            cp != 0x70F && cp != 0x890 && cp != 0x891 && cp != 0x8E2 && cp != 0x180E)
            assert_int_equal(typed_class(cp), TYPED_KEEP);
}

/* A quoted value, isolated; and as a phone is given it. */
static void test_typed_isolate(void **state)
{
    (void)state;
    char s[16] = "Sam";
    typed_isolate(s, sizeof s);
    assert_string_equal(s, TYPED_FSI "Sam" TYPED_PDI);
    char empty[8] = "";
    typed_isolate(empty, sizeof empty);
    assert_string_equal(empty, "");
    char full[12] = "Zoéééé"; /* 10 bytes: the value is cut, never a mark */
    typed_isolate(full, sizeof full);
    assert_string_equal(full, TYPED_FSI "Zoé" TYPED_PDI);
    /* a phone: a Latin value plain, a right-to-left one followed by LRM */
    char text[128] = "Hi " TYPED_FSI "Sam" TYPED_PDI ", I'm " TYPED_FSI "ليلى" TYPED_PDI " 2024.";
    assert_int_equal(typed_phone_chars(text), strlen("Hi Sam, I'm ") + 4 + 1 + 6);
    typed_for_phone(text);
    assert_string_equal(text, "Hi Sam, I'm ليلى" TYPED_LRM " 2024.");
    /* a line cut inside a quoted value leaves it open for the next */
    assert_int_equal(typed_open_isolates("My name is " TYPED_FSI "عبد الرحمن"), 1);
    assert_int_equal(typed_open_isolates("My name is " TYPED_FSI "Sam" TYPED_PDI ", and"), 0);
    assert_int_equal(typed_open_isolates("a stray " TYPED_PDI " is no isolate"), 0);
    char label[64];
    typed_unmarked("Search for " TYPED_FSI "nurse" TYPED_PDI " instead", label, sizeof label);
    assert_string_equal(label, "Search for nurse instead");
    /* folding for matching sees through the marks */
    char folded[64];
    text_fold("a " TYPED_FSI "Job" TYPED_PDI "!", folded, sizeof folded);
    assert_string_equal(folded, "a job!");
    assert_true(text_has_phrase(folded, "a job"));
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
        cmocka_unit_test(test_typed_clean),
        cmocka_unit_test(test_typed_isolate),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
