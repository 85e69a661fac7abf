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

/* Logo, colours, orientation and language: read, and the sample office's
 * logo only while the office is the sample's. */
static void test_branding_and_screen(void **state)
{
    (void)state;
    char *dir = support_tmpdir();
    const char *path = support_path(dir, "kiosk.conf");
    Config c;
    ConfigProblem p[CONFIG_PROBLEMS];
    int n;
    config_defaults(&c, "/opt/assets", "/var/db.db");
    assert_string_equal(c.logo, "/opt/assets/logo.sample.svg");
    assert_int_equal(c.turn, PLATFORM_TURN_NORMAL);
    assert_string_equal(c.language, "en");
    support_write(path,
                  "[office]\nname = Lakeside Careers\n[theme]\nprimary = #1F4E79\n"
                  "accent = C8102E\nbackground = #FFFFFF\n[kiosk]\norientation = left\n"
                  "language = en\n",
                  (size_t)-1);
    assert_true(config_load(path, &c, p, CONFIG_PROBLEMS, &n));
    assert_string_equal(c.logo, ""); /* an office of its own: no sample logo */
    assert_int_equal(c.primary, 0x1F4E79);
    assert_int_equal(c.accent, 0xC8102E);
    assert_int_equal(c.background, 0xFFFFFF);
    assert_int_equal(c.turn, PLATFORM_TURN_LEFT);
    assert_int_equal(c.language_line, 9);
    config_defaults(&c, "/opt/assets", "/var/db.db");
    support_write(path, "[office]\nname = Lakeside Careers\nlogo = /srv/lakeside.png\n",
                  (size_t)-1);
    assert_true(config_load(path, &c, p, CONFIG_PROBLEMS, &n));
    assert_string_equal(c.logo, "/srv/lakeside.png");
    assert_int_equal(c.logo_line, 3);
    support_rmtree(dir);
    free(dir);
}

/* Colours nobody could read are refused at the line that set them. */
static void test_unreadable_colours(void **state)
{
    (void)state;
    char *dir = support_tmpdir();
    const char *path = support_path(dir, "kiosk.conf");
    Config c;
    ConfigProblem p[CONFIG_PROBLEMS];
    int n;
    /* white on gold is 1.4:1 */
    support_write(path, "[theme]\n\nprimary = #FFD700\n", (size_t)-1);
    config_defaults(&c, "a", "b");
    assert_false(config_load(path, &c, p, CONFIG_PROBLEMS, &n));
    assert_true(n >= 1);
    assert_int_equal(p[0].line, 3);
    assert_non_null(strstr(p[0].text, "white words on buttons"));
    assert_non_null(strstr(p[0].text, "at least 4.5:1"));
    /* grey text on a dark background */
    support_write(path, "[theme]\nbackground = #303030\nprimary = teal\n", (size_t)-1);
    config_defaults(&c, "a", "b");
    assert_false(config_load(path, &c, p, CONFIG_PROBLEMS, &n));
    assert_int_equal(n, 3);
    assert_int_equal(p[0].line, 3);
    assert_non_null(strstr(p[0].text, "primary should be a colour like #0F5C6E"));
    assert_int_equal(p[1].line, 2); /* the default primary on #303030 */
    assert_non_null(strstr(p[1].text, "primary on the background"));
    assert_int_equal(p[2].line, 2);
    assert_non_null(strstr(p[2].text, "grey secondary text"));
    /* WCAG's own figures */
    assert_true(config_contrast(0xFFFFFF, 0x000000) > 20.9);
    assert_true(config_contrast(0x777777, 0xFFFFFF) > 4.47 &&
                config_contrast(0x777777, 0xFFFFFF) < 4.49);
    assert_true(config_contrast(CONFIG_PRIMARY, 0xFFFFFF) >= 4.5);
    support_write(path, "[kiosk]\norientation = portrait\n", (size_t)-1);
    assert_false(config_load(path, &c, p, CONFIG_PROBLEMS, &n));
    assert_int_equal(p[0].line, 2);
    assert_non_null(strstr(p[0].text, "normal, left, right or inverted"));
    support_rmtree(dir);
    free(dir);
}

/* The files a config names: the database's folder, the question bank,
 * and the sample only while there is no database yet. */
static void test_files_it_names(void **state)
{
    (void)state;
    char *dir = support_tmpdir();
    const char *path = support_path(dir, "kiosk.conf");
    Config c;
    ConfigProblem p[CONFIG_PROBLEMS];
    int n;
    char conf[1200];
    support_write(support_path(dir, "afile"), "x", 1);
    snprintf(conf, sizeof conf,
             "[directory]\ndatabase = %s/afile/data/mentors.db\n"
             "questions = /nonexistent/questions.csv\n",
             dir);
    support_write(path, conf, (size_t)-1);
    config_defaults(&c, CK_ASSETS_DIR, "b");
    assert_true(config_load(path, &c, p, CONFIG_PROBLEMS, &n));
    n = config_check_files(&c, p, CONFIG_PROBLEMS, 0);
    assert_int_equal(n, 2);
    assert_int_equal(p[0].line, 2);
    assert_non_null(strstr(p[0].text, "/afile is not a folder, so "));
    /* a folder that does not exist yet is made on first start */
    config_defaults(&c, CK_ASSETS_DIR, support_path(dir, "new/deeper/mentors.db"));
    assert_int_equal(config_check_files(&c, p, CONFIG_PROBLEMS, 0), 0);
    assert_int_equal(p[1].line, 3);
    assert_non_null(strstr(p[1].text, "question bank /nonexistent/questions.csv"));
    config_defaults(&c, CK_ASSETS_DIR, support_path(dir, "mentors.db"));
    assert_int_equal(config_check_files(&c, p, CONFIG_PROBLEMS, 0), 0);
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
        cmocka_unit_test(test_branding_and_screen),
        cmocka_unit_test(test_unreadable_colours),
        cmocka_unit_test(test_files_it_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
