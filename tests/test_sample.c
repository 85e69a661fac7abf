/* The sample directory reads like real, distinct people: no two share a
 * name, an email, a phone number or a video link, every bio speaks of the
 * mentor by their own first name, and every contact channel is present. */
#include "support.h"

#include "core/csv.h"

#include <string.h>

enum { COLS = 32, ROWS = 400 };

static int column(const CsvRow *h, const char *name)
{
    for (size_t i = 0; i < h->nfields; i++)
        if (strcmp(h->field[i], name) == 0)
            return (int)i;
    fail_msg("the sample has no column %s", name);
    return -1;
}

static void test_distinct_people(void **state)
{
    (void)state;
    size_t len;
    char *data = support_read("assets/mentors.sample.csv", &len);
    assert_non_null(data);
    CsvReader r;
    csv_open(&r, data, len);
    static char buf[ROWS][4096];
    static const char *fields[ROWS][COLS];
    static CsvRow row[ROWS];
    int n = 0;
    for (; n < ROWS; n++) {
        row[n] = (CsvRow){.buf = buf[n],
                          .buf_cap = sizeof buf[n],
                          .field = fields[n],
                          .field_cap = COLS,
                          .field_max = 4000};
        if (!csv_next_row(&r, &row[n]))
            break;
        assert_int_equal(row[n].flags, 0);
    }
    assert_true(n > 150);
    const CsvRow *h = &row[0];
    int first = column(h, "first_name"), last = column(h, "last_name");
    int email = column(h, "email"), phone = column(h, "phone"), video = column(h, "video");
    int linkedin = column(h, "linkedin"), bio = column(h, "bio"), via = column(h, "contact_via");
    const int unique[] = {email, phone, video, linkedin};
    int channels[5] = {0};
    static const char *const vias[5] = {"email", "phone", "video", "linkedin", "office"};
    for (int i = 1; i < n; i++) {
        const char *const *f = row[i].field;
        if (!strstr(f[bio], f[first]))
            fail_msg("row %d: %s %s's bio does not name them: %.60s", i + 1, f[first], f[last],
                     f[bio]);
        for (int v = 0; v < 5; v++)
            channels[v] += strcmp(f[via], vias[v]) == 0;
        for (int j = 1; j < i; j++) {
            const char *const *g = row[j].field;
            if (strcmp(f[first], g[first]) == 0 && strcmp(f[last], g[last]) == 0)
                fail_msg("rows %d and %d are both %s %s", j + 1, i + 1, f[first], f[last]);
            for (size_t u = 0; u < sizeof unique / sizeof *unique; u++)
                if (*f[unique[u]] && strcmp(f[unique[u]], g[unique[u]]) == 0)
                    fail_msg("rows %d and %d share %s", j + 1, i + 1, f[unique[u]]);
        }
    }
    for (int v = 0; v < 5; v++)
        if (channels[v] < 5)
            fail_msg("only %d sample mentors are reached by %s", channels[v], vias[v]);
    free(data);
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_distinct_people),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
