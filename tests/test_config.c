/* Tests for app/config: defaults, good files, every problem by line. */
#include "support.h"

#include "config.h"

#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

/* Writes text as kiosk.conf in the test's folder and loads it over c. */
static bool load(const char *text, Config *c, ConfigProblem *p, int *n)
{
    const char *path = support_path(support_dir, "kiosk.conf");
    support_write(path, text, (size_t)-1);
    return config_load(path, c, p, CONFIG_PROBLEMS, n);
}

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
    Config c;
    ConfigProblem p[CONFIG_PROBLEMS];
    int n;
    config_defaults(&c, "a", "b");
    assert_true(load("; our office\n[office]\nname = Lakeside Careers\nschool = Lakeside College\n"
                     "\n[kiosk]\nidle_seconds = 120\n",
                     &c, p, &n));
    assert_string_equal(c.office.name, "Lakeside Careers");
    assert_string_equal(c.office.school, "Lakeside College");
    assert_int_equal(c.idle_seconds, 120);
}

/* [calendar] closed: dates and ranges over lines, weekends left out; a
 * date that is not one is named with its line. */
static void test_closed_days(void **state)
{
    (void)state;
    Config c;
    ConfigProblem p[CONFIG_PROBLEMS];
    int n;
    config_defaults(&c, "a", "b");
    assert_true(load("[calendar]\nclosed = 2026-11-26, 2026-11-27\n"
                     "closed = 2026-12-24..2027-01-01 2027-01-18\n",
                     &c, p, &n));
    /* Thu, Fri; Dec 24, 25, 28, 29, 30, 31, Jan 1 (the weekend left out); Jan 18 */
    assert_int_equal(c.office.nclosed, 10);
    assert_int_equal(c.office.closed[0].d, 26);
    assert_int_equal(c.office.closed[9].m, 1);
    assert_int_equal(c.office.closed[9].d, 18);
    config_defaults(&c, "a", "b");
    assert_false(load("[calendar]\n\nclosed = 2026-11-26, Thanksgiving\n", &c, p, &n));
    assert_int_equal(n, 1);
    assert_int_equal(p[0].line, 3);
    assert_non_null(strstr(p[0].text, "\"Thanksgiving\" is not a date"));
    assert_false(load("[calendar]\nclosed = 2027-01-02..2026-12-24\n", &c, p, &n));
    assert_non_null(strstr(p[0].text, "2027-01-02..2026-12-24"));
    assert_false(load("[calendar]\nholidays = 2026-11-26\n", &c, p, &n));
    assert_non_null(strstr(p[0].text, "unknown setting \"holidays\" in [calendar]"));
}

static void test_every_problem_with_its_line(void **state)
{
    (void)state;
    Config c;
    ConfigProblem p[CONFIG_PROBLEMS];
    int n;
    config_defaults(&c, "a", "b");
    assert_false(load("[office]\n"         /* 1 */
                      "name = Careers\n"   /* 2 */
                      "colour = teal\n"    /* 3: unknown key */
                      "[kiosk]\n"          /* 4 */
                      "idle_seconds = 5\n" /* 5: out of range */
                      "[printing]\n"       /* 6 */
                      "printer = lp0\n"    /* 7: not a printer setting */
                      "[screen]\n"         /* 8 */
                      "rotate = 90\n",     /* 9: unknown section */
                      &c, p, &n));
    assert_int_equal(n, 4);
    assert_int_equal(p[0].line, 3);
    assert_non_null(strstr(p[0].text, "unknown setting \"colour\""));
    assert_int_equal(p[1].line, 5);
    assert_non_null(strstr(p[1].text, "from 20 to 3600"));
    assert_int_equal(p[2].line, 9);
    assert_non_null(strstr(p[2].text, "unknown section [screen]"));
    assert_int_equal(p[3].line, 7);
    assert_non_null(strstr(p[3].text, "printer should be none, cups, cups:QUEUE or escpos"));
    assert_false(load("[office]\nthis line is broken\n", &c, p, &n));
    assert_int_equal(p[0].line, 2);
}

/* Logo, colours, orientation and language: read, and the sample office's
 * logo only while the office is the sample's. */
static void test_branding_and_screen(void **state)
{
    (void)state;
    Config c;
    ConfigProblem p[CONFIG_PROBLEMS];
    int n;
    config_defaults(&c, "/opt/assets", "/var/db.db");
    assert_string_equal(c.office.logo, "/opt/assets/logo.sample.svg");
    assert_int_equal(c.turn, PLATFORM_TURN_NORMAL);
    assert_int_equal(c.render, PLATFORM_RENDER_SOFTWARE);
    assert_string_equal(c.language, "en");
    assert_true(load("[kiosk]\nrender = gpu\n", &c, p, &n));
    assert_int_equal(c.render, PLATFORM_RENDER_GPU);
    assert_false(load("[kiosk]\nrender = opengl\n", &c, p, &n));
    assert_int_equal(n, 1);
    assert_int_equal(p[0].line, 2);
    assert_non_null(strstr(p[0].text, "software (the default) or gpu"));
    config_defaults(&c, "/opt/assets", "/var/db.db");
    assert_true(load("[office]\nname = Lakeside Careers\n[theme]\nprimary = #1F4E79\n"
                     "accent = C8102E\nbackground = #FFFFFF\n[kiosk]\norientation = left\n"
                     "language = en\n",
                     &c, p, &n));
    assert_string_equal(c.office.logo, ""); /* an office of its own: no sample logo */
    assert_int_equal(c.primary, 0x1F4E79);
    assert_int_equal(c.accent, 0xC8102E);
    assert_int_equal(c.background, 0xFFFFFF);
    assert_int_equal(c.turn, PLATFORM_TURN_LEFT);
    assert_int_equal(c.language_line, 9);
    config_defaults(&c, "/opt/assets", "/var/db.db");
    assert_true(load("[office]\nname = Lakeside Careers\nlogo = /srv/lakeside.png\n", &c, p, &n));
    assert_string_equal(c.office.logo, "/srv/lakeside.png");
    assert_int_equal(c.logo_line, 3);
}

/* Colours nobody could read are refused at the line that set them. */
static void test_unreadable_colours(void **state)
{
    (void)state;
    Config c;
    ConfigProblem p[CONFIG_PROBLEMS];
    int n;
    /* white on gold is 1.4:1 */
    config_defaults(&c, "a", "b");
    assert_false(load("[theme]\n\nprimary = #FFD700\n", &c, p, &n));
    assert_true(n >= 1);
    assert_int_equal(p[0].line, 3);
    assert_non_null(strstr(p[0].text, "white words on buttons"));
    assert_non_null(strstr(p[0].text, "at least 4.5:1"));
    /* grey text on a dark background */
    config_defaults(&c, "a", "b");
    assert_false(load("[theme]\nbackground = #303030\nprimary = teal\n", &c, p, &n));
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
    assert_false(load("[kiosk]\norientation = portrait\n", &c, p, &n));
    assert_int_equal(p[0].line, 2);
    assert_non_null(strstr(p[0].text, "normal, left, right or inverted"));
}

/* The files a config names: the database's folder, the question bank,
 * and the sample only while there is no database yet. */
static void test_files_it_names(void **state)
{
    (void)state;
    Config c;
    ConfigProblem p[CONFIG_PROBLEMS];
    int n;
    char conf[1200];
    support_write(support_path(support_dir, "afile"), "x", 1);
    snprintf(conf, sizeof conf,
             "[directory]\ndatabase = %s/afile/data/mentors.db\n"
             "questions = /nonexistent/questions.csv\n",
             support_dir);
    config_defaults(&c, CK_ASSETS_DIR, "b");
    assert_true(load(conf, &c, p, &n));
    n = config_check_files(&c, p, CONFIG_PROBLEMS, 0);
    assert_int_equal(n, 2);
    assert_int_equal(p[0].line, 2);
    assert_non_null(strstr(p[0].text, "/afile is not a folder, so "));
    /* a folder that does not exist yet is made on first start */
    config_defaults(&c, CK_ASSETS_DIR, support_path(support_dir, "new/deeper/mentors.db"));
    assert_int_equal(config_check_files(&c, p, CONFIG_PROBLEMS, 0), 0);
    assert_int_equal(p[1].line, 3);
    assert_non_null(strstr(p[1].text, "question bank /nonexistent/questions.csv"));
    config_defaults(&c, CK_ASSETS_DIR, support_path(support_dir, "mentors.db"));
    assert_int_equal(config_check_files(&c, p, CONFIG_PROBLEMS, 0), 0);
}

/* --config naming a folder is an error, not "no problems" with the
 * sample office; and a comment of any length is fine. */
static void test_folder_and_long_comments(void **state)
{
    (void)state;
    Config c;
    ConfigProblem p[CONFIG_PROBLEMS];
    int n;
    config_defaults(&c, "a", "b");
    assert_false(config_load(support_dir, &c, p, CONFIG_PROBLEMS, &n));
    assert_int_equal(n, 1);
    assert_non_null(strstr(p[0].text, "is a folder, not a settings file"));
    char text[6000], words[1600];
    for (int len = 190; len <= 1500; len += 131) {
        for (int i = 0; i < len; i++)
            words[i] = (char)('a' + i % 26);
        words[len] = '\0';
        snprintf(text, sizeof text,
                 "; %s\n[office]\n# %s\nname = Lakeside Careers\n  ;%s\n[kiosk]\n"
                 "idle_seconds = x\n",
                 words, words, words);
        config_defaults(&c, "a", "b");
        assert_false(load(text, &c, p, &n));
        if (n != 1 || p[0].line != 7)
            fail_msg("a %d-byte comment: %d problems, the first on line %d: %s", len, n, p[0].line,
                     p[0].text);
        assert_string_equal(c.office.name, "Lakeside Careers");
    }
}

/* [bundles] for a fleet: the inbox's mode, its folders, the kiosk's id
 * (named in files a central folder holds side by side), staleness and
 * the age key; bad values named with their lines, missing folders found
 * by config_check_files. */
static void test_fleet_settings(void **state)
{
    (void)state;
    Config c;
    ConfigProblem p[CONFIG_PROBLEMS];
    int n;
    config_defaults(&c, "a", "/var/lib/ck/mentors.db");
    assert_int_equal(c.inbox, CONFIG_INBOX_OFF);
    assert_string_equal(c.inbox_dir, "/var/lib/ck/inbox");
    assert_string_equal(c.outbox_dir, "/var/lib/ck/outbox");
    assert_int_equal(c.outbox_hours, 24);
    assert_true(config_id_ok(c.kiosk_id));
    assert_true(load("[bundles]\ninbox = auto\nkiosk_id = lib-2nd.floor_1\nstale_days = 14\n"
                     "outbox_hours = 6\nage_identity = /etc/career-kiosk/age.key\n",
                     &c, p, &n));
    assert_int_equal(c.inbox, CONFIG_INBOX_AUTO);
    assert_string_equal(c.kiosk_id, "lib-2nd.floor_1");
    assert_int_equal(c.stale_days, 14);
    assert_int_equal(c.outbox_hours, 6);
    assert_string_equal(c.age_key, "/etc/career-kiosk/age.key");
    config_defaults(&c, "a", "b");
    assert_false(load("[bundles]\ninbox = yes\nkiosk_id = ../etc\nstale_days = -1\n"
                      "kiosk_id = two words\n",
                      &c, p, &n));
    assert_int_equal(n, 4);
    assert_int_equal(p[0].line, 2);
    assert_non_null(strstr(p[0].text, "inbox should be off (the default), auto"));
    assert_int_equal(p[1].line, 3);
    assert_non_null(strstr(p[1].text, "kiosk_id should be up to 63 letters"));
    assert_int_equal(p[2].line, 4);
    assert_int_equal(p[3].line, 5);
    /* with the inbox on, its folders must be there */
    config_defaults(&c, "assets", support_path(support_dir, "mentors.db"));
    assert_true(load("[bundles]\ninbox = staff\ninbox_dir = /nonexistent/inbox\n", &c, p, &n));
    /* warnings, not problems: the kiosk still starts */
    assert_int_equal(config_check_files(&c, p, CONFIG_PROBLEMS, 0), 0);
    n = config_check_fleet(&c, p, CONFIG_PROBLEMS, 0);
    bool named = false;
    for (int i = 0; i < n; i++)
        named |= p[i].line == 2 && strstr(p[i].text, "/nonexistent/inbox") != NULL;
    assert_true(named);
}

static unsigned mode_of(const char *path)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    return (unsigned)(st.st_mode & 0777);
}

/* The PIN's hash is a secret: config_set keeps it from other users,
 * follows a link (the link stays), refuses a link to nothing; a setting
 * that is no secret leaves the mode alone; --check-config's warning. */
static void test_secret_settings_kept_from_others(void **state)
{
    (void)state;
    char conf[1100], real[1100], err[700];
    struct stat st;
    Config c;
    ConfigProblem p[CONFIG_PROBLEMS];
    snprintf(conf, sizeof conf, "%s/kiosk.conf", support_dir);
    assert_true(config_set(conf, "staff", "pin_hash", "$argon2id$x", true, err, sizeof err));
    assert_int_equal(mode_of(conf), 0640);
    chmod(conf, 0644);
    assert_true(config_set(conf, "office", "name", "Hillside", false, err, sizeof err));
    assert_int_equal(mode_of(conf), 0644);
    assert_true(config_set(conf, "staff", "pin_hash", "$argon2id$y", true, err, sizeof err));
    assert_int_equal(mode_of(conf), 0640);
    chmod(conf, 0600);
    assert_true(config_set(conf, "staff", "pin_hash", "$argon2id$z", true, err, sizeof err));
    assert_int_equal(mode_of(conf), 0600);
    /* root puts a file of root's group in the kiosk's group, when there is one */
    struct group *kiosk = getgrnam(CK_KIOSK_GROUP);
    assert_int_equal(stat(conf, &st), 0);
    if (geteuid() == 0)
        assert_int_equal(st.st_gid, kiosk ? kiosk->gr_gid : 0);
    /* the group is the one the deployment makes */
    char *sysusers = support_read("platform/deploy/career-kiosk.sysusers", NULL);
    assert_non_null(sysusers);
    assert_non_null(strstr(sysusers, "\nu " CK_KIOSK_GROUP " "));
    free(sysusers);
    /* a link */
    snprintf(real, sizeof real, "%s/real.conf", support_dir);
    support_write(real, "[office]\nname = Hillside\n", (size_t)-1);
    chmod(real, 0644);
    unlink(conf);
    assert_int_equal(symlink("real.conf", conf), 0);
    assert_true(config_set(conf, "staff", "pin_hash", "$argon2id$w", true, err, sizeof err));
    assert_int_equal(lstat(conf, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_int_equal(mode_of(real), 0640);
    char *text = support_read(real, NULL);
    assert_non_null(strstr(text, "name = Hillside\n[staff]\npin_hash = $argon2id$w\n") ||
                    strstr(text, "name = Hillside\n\n[staff]\npin_hash = $argon2id$w\n"));
    free(text);
    assert_int_not_equal(access(support_path(support_dir, "real.conf.new"), F_OK), 0);
    assert_int_not_equal(access(support_path(support_dir, "kiosk.conf.new"), F_OK), 0);
    /* a link to nothing */
    unlink(real);
    assert_false(config_set(conf, "staff", "pin_hash", "$argon2id$v", true, err, sizeof err));
    assert_non_null(strstr(err, "is a symbolic link to a file that is not there"));
    assert_int_equal(lstat(conf, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    /* the warning: only with a PIN, only when others may read it */
    unlink(conf);
    support_write(conf, "[staff]\npin_hash = $argon2id$v=19$x\n", (size_t)-1);
    chmod(conf, 0644);
    int n = 0;
    config_defaults(&c, "assets", "var/m.db");
    assert_true(config_load(conf, &c, p, CONFIG_PROBLEMS, &n));
    assert_int_equal(config_check_secret(&c, conf, p, CONFIG_PROBLEMS, 0), 1);
    assert_non_null(strstr(p[0].text, "readable by every user of this computer (mode 0644)"));
    assert_non_null(strstr(p[0].text, "chmod o-rwx"));
    chmod(conf, 0640);
    assert_int_equal(config_check_secret(&c, conf, p, CONFIG_PROBLEMS, 0), 0);
    chmod(conf, 0644);
    c.pin_hash[0] = '\0';
    assert_int_equal(config_check_secret(&c, conf, p, CONFIG_PROBLEMS, 0), 0);
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_missing_file_means_defaults),
        cmocka_unit_test_setup_teardown(test_folder_and_long_comments, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_good_file, support_dir_setup, support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_closed_days, support_dir_setup, support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_fleet_settings, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_every_problem_with_its_line, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_branding_and_screen, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_unreadable_colours, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_secret_settings_kept_from_others, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_files_it_names, support_dir_setup,
                                        support_dir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
