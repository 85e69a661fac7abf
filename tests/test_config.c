/* Tests for app/config: defaults, good files, every problem by line. */
#include "support.h"

#include "config.h"

static void test_missing_file_means_defaults(void **state)
{
    (void)state;
    Config c;
    ConfigProblem p[CONFIG_PROBLEMS];
    int n;
    config_defaults(&c, "/opt/assets", "/var/db.db");
    assert_true(config_load("/nonexistent/kiosk.conf", &c, p, CONFIG_PROBLEMS, &n));
    assert_int_equal(n, 0);
    assert_string_equal(c.database, "/var/db.db");
    assert_string_equal(c.sample, "/opt/assets/mentors.sample.csv");
    assert_int_equal(c.idle_seconds, 90);
}

static void test_good_file(void **state)
{
    (void)state;
    char *dir = support_tmpdir();
    const char *path = support_path(dir, "kiosk.conf");
    Config c;
    ConfigProblem p[CONFIG_PROBLEMS];
    int n;
    support_write(path,
                  "; our office\n[office]\nname = Lakeside Careers\nschool = Lakeside College\n"
                  "\n[kiosk]\nidle_seconds = 120\n",
                  (size_t)-1);
    config_defaults(&c, "a", "b");
    assert_true(config_load(path, &c, p, CONFIG_PROBLEMS, &n));
    assert_string_equal(c.office, "Lakeside Careers");
    assert_string_equal(c.school, "Lakeside College");
    assert_int_equal(c.idle_seconds, 120);
    support_rmtree(dir);
    free(dir);
}

static void test_every_problem_with_its_line(void **state)
{
    (void)state;
    char *dir = support_tmpdir();
    const char *path = support_path(dir, "kiosk.conf");
    Config c;
    ConfigProblem p[CONFIG_PROBLEMS];
    int n;
    support_write(path,
                  "[office]\n"         /* 1 */
                  "name = Careers\n"   /* 2 */
                  "colour = teal\n"    /* 3: unknown key */
                  "[kiosk]\n"          /* 4 */
                  "idle_seconds = 5\n" /* 5: out of range */
                  "[printing]\n"       /* 6 */
                  "printer = lp0\n"    /* 7: not a printer setting */
                  "[screen]\n"         /* 8 */
                  "rotate = 90\n",     /* 9: unknown section */
                  (size_t)-1);
    config_defaults(&c, "a", "b");
    assert_false(config_load(path, &c, p, CONFIG_PROBLEMS, &n));
    assert_int_equal(n, 4);
    assert_int_equal(p[0].line, 3);
    assert_non_null(strstr(p[0].text, "unknown setting \"colour\""));
    assert_int_equal(p[1].line, 5);
    assert_non_null(strstr(p[1].text, "from 20 to 3600"));
    assert_int_equal(p[2].line, 9);
    assert_non_null(strstr(p[2].text, "unknown section [screen]"));
    assert_int_equal(p[3].line, 7);
    assert_non_null(strstr(p[3].text, "printer should be none, cups, cups:QUEUE or escpos"));
    support_write(path, "[office]\nthis line is broken\n", (size_t)-1);
    assert_false(config_load(path, &c, p, CONFIG_PROBLEMS, &n));
    assert_int_equal(p[0].line, 2);
    support_rmtree(dir);
    free(dir);
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_missing_file_means_defaults),
        cmocka_unit_test(test_good_file),
        cmocka_unit_test(test_every_problem_with_its_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
