/* Tests for career-kiosk-admin, run as a staff member would run it. */
#include "support.h"

#include "core/strbuf.h"
#include "directory/store.h"

#include <dirent.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static char *dir;
static char db[1024];

static int setup(void **state)
{
    (void)state;
    dir = support_tmpdir();
    snprintf(db, sizeof db, "%s/var/mentors.db", dir);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    support_rmtree(dir);
    free(dir);
    return 0;
}

static void test_help_everywhere(void **state)
{
    (void)state;
    static const char *const cmds[] = {"init", "validate", "import",      "rollback", "search",
                                       "show", "fields",   "questions",   "message",  "sheet",
                                       "qr",   "stats",    "bundle-stamp"};
    char *out;
    assert_int_equal(support_admin(&out, "--help"), 0);
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++)
        assert_non_null(strstr(out, cmds[i]));
    free(out);
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        assert_int_equal(support_admin(&out, "%s --help", cmds[i]), 0);
        assert_non_null(strstr(out, "usage: career-kiosk-admin"));
        free(out);
    }
    assert_int_equal(support_admin(NULL, "frobnicate"), 2);
    assert_int_equal(support_admin(NULL, "--db %s search --colour blue", db), 2);
    assert_int_equal(support_admin(NULL, "--db %s message", db), 2);
}

static void test_first_use_creates_the_sample(void **state)
{
    (void)state;
    char *out;
    struct stat st;
    assert_int_equal(support_admin(&out, "--db %s init", db), 0);
    assert_non_null(strstr(out, "Created"));
    free(out);
    assert_int_equal(stat(db, &st), 0);
    assert_int_equal(support_admin(&out, "--json --db %s init", db), 0);
    assert_non_null(strstr(out, "\"created\":false"));
    assert_non_null(strstr(out, "\"mentors\":160"));
    free(out);
}

static void test_messy_export_report(void **state)
{
    (void)state;
    char *out;
    const char *rej = support_path(dir, "rejected.csv");
    assert_int_equal(support_admin(&out,
                                   "--db %s import tests/fixtures/messy_export.csv "
                                   "--report %s",
                                   db, rej),
                     1);
    assert_non_null(strstr(out, "Imported tests/fixtures/messy_export.csv: 40 rows, 36 "
                                "imported, 4 rejected."));
    assert_non_null(strstr(out, "Windows-1252"));
    assert_non_null(strstr(out, "line 7 (id A-1005): Email \"ana.souza@example\""));
    assert_non_null(strstr(out, "line 11 (id A-1001): ID \"A-1001\" was already used on line 2"));
    assert_non_null(strstr(out, "Columns not used: Notes (staff only)"));
    free(out);
    char *csv = support_read(rej, NULL);
    assert_non_null(csv);
    assert_non_null(strstr(csv, "carrier pigeon"));
    free(csv);
    assert_int_equal(support_admin(&out, "--db %s show A-1003", db), 0);
    assert_non_null(strstr(out, "Björn Åkesson"));
    assert_non_null(strstr(out, "Inspects bridges across three counties.\nLoves fieldwork."));
    free(out);
    /* the office channel shows no personal contact, and the phone number in
     * the export for a mentor who chose email is not kept */
    assert_int_equal(support_admin(&out, "--db %s show A-1008", db), 0);
    assert_non_null(strstr(out, "Reach by: Introduction by the career office\n"));
    assert_null(strstr(out, "example.org"));
    free(out);
    assert_int_equal(support_admin(&out, "--json --db %s show A-1001", db), 0);
    assert_null(strstr(out, "555-0121"));
    free(out);
}

static void test_refusal_and_rollback(void **state)
{
    (void)state;
    char *out;
    assert_int_equal(support_admin(&out, "--db %s import tests/fixtures/wrong_file.csv", db), 2);
    assert_non_null(strstr(out, "Refused: wrong_file.csv line 1: required columns are missing"));
    free(out);
    assert_int_equal(support_admin(&out, "--json --db %s stats", db), 0);
    assert_non_null(strstr(out, "\"mentors\":36"));
    free(out);
    assert_int_equal(support_admin(&out, "--db %s rollback", db), 0);
    assert_non_null(strstr(out, "160 mentors"));
    free(out);
    assert_int_equal(support_admin(&out, "--db %s rollback", db), 0);
    assert_non_null(strstr(out, "36 mentors"));
    free(out);
}

static void test_visitor_commands(void **state)
{
    (void)state;
    char *out, db2[1100];
    snprintf(db2, sizeof db2, "%s/sample.db", dir);
    assert_int_equal(support_admin(&out, "--json --db %s search jose", db2), 0);
    assert_non_null(strstr(out, "\"last_name\":\"García\""));
    assert_non_null(strstr(out, "\"matched\":\"name\""));
    free(out);
    /* each tier has its label: psychology majors, then a therapist found
     * through the synonym table */
    assert_int_equal(support_admin(&out, "--json --db %s search psychology --limit 40", db2), 0);
    assert_non_null(strstr(out, "\"matched\":\"role\""));
    assert_non_null(strstr(out, "\"matched\":\"synonym\""));
    assert_null(strstr(out, "\"matched\":\"\""));
    free(out);
    assert_int_equal(support_admin(&out, "--db %s search --field Nursing --remote --limit 3", db2),
                     0);
    assert_non_null(strstr(out, "Nursing"));
    free(out);
    assert_int_equal(support_admin(&out, "--db %s search xyzzyq", db2), 0);
    assert_non_null(strstr(out, "No mentors match xyzzyq. Try fewer"));
    free(out);
    assert_int_equal(support_admin(NULL, "--db %s show NOPE", db2), 2);
    /* M1024 takes LinkedIn notes: the request is one, without asking */
    assert_int_equal(support_admin(&out, "--json --db %s message M1024 --short --name Sam", db2),
                     0);
    assert_non_null(strstr(out, "\"channel\":\"linkedin\""));
    assert_non_null(strstr(out, "\"limit\":200"));
    assert_non_null(strstr(out, "\"warnings\":[]"));
    free(out);
    /* M1001 takes email only: a LinkedIn note to them is refused, saying why */
    assert_int_equal(support_sh(&out, "%s --db %s message M1001 --channel linkedin 2>&1",
                                support_program("career-kiosk-admin"), db2),
                     2);
    assert_non_null(strstr(out, "M1001 asked to be reached by"));
    assert_non_null(strstr(out, "--channel email"));
    free(out);
    /* M1007 takes calls: a phone script for a phone call, with a callback */
    assert_int_equal(support_admin(&out, "--db %s message M1007 --name Sam", db2), 0);
    assert_non_null(strstr(out, "Opening:"));
    assert_non_null(strstr(out, "call me back at [your number]"));
    assert_non_null(strstr(out, "a phone call"));
    free(out);
    /* M1039 is reached through the office: the request asks it to introduce */
    assert_int_equal(support_admin(&out, "--db %s message M1039 --name Sam", db2), 0);
    assert_non_null(strstr(out, "Subject: Introduction request: Kai Nakamura"));
    assert_non_null(strstr(out, "Could you introduce me?"));
    assert_null(strstr(out, "Dear Kai"));
    free(out);
    /* unsigned: the note asks to be signed */
    assert_int_equal(support_admin(&out, "--json --db %s message M1001", db2), 0);
    assert_non_null(strstr(out, "\"code\":\"unsigned\""));
    free(out);
    assert_int_equal(support_admin(&out,
                                   "--json --db %s message M1001 --interest \"a job at your "
                                   "company\"",
                                   db2),
                     0);
    assert_non_null(strstr(out, "\"code\":\"asks-job\""));
    free(out);
    assert_int_equal(
        support_admin(&out, "--today 2026-11-22 --db %s sheet M1001 --minutes 30", db2), 0);
    assert_non_null(strstr(out, "Follow-up plan"));
    assert_non_null(strstr(out, "Tue 1 Dec 2026"));
    assert_non_null(strstr(out, "of your 30 minutes"));
    free(out);
    assert_int_equal(support_admin(&out, "--db %s questions --suggest M1001 --minutes 15", db2), 0);
    assert_non_null(strstr(out, "* suggested:"));
    free(out);
    assert_int_equal(support_admin(NULL, "--db %s message M1001 --minutes 25", db2), 2);
}

static void test_qr_outputs(void **state)
{
    (void)state;
    char *out;
    char db2[1100];
    snprintf(db2, sizeof db2, "%s/sample.db", dir);
    const char *svg = support_path(dir, "sheet.svg");
    assert_int_equal(support_admin(&out, "--db %s qr sheet M1002 --svg %s", db2, svg), 0);
    assert_non_null(strstr(out, "QR version"));
    free(out);
    char *img = support_read(svg, NULL);
    assert_non_null(img);
    assert_non_null(strstr(img, "<svg"));
    free(img);
    assert_int_equal(support_admin(&out, "--db %s qr contact M1002", db2), 0);
    assert_non_null(strstr(out, "\xe2\x96\x88")); /* block characters */
    assert_non_null(strstr(out, "Contact card"));
    free(out);
    assert_int_equal(support_admin(&out, "--db %s qr message M1002 --payload", db2), 0);
    assert_non_null(strstr(out, "mailto:"));
    free(out);
    assert_int_equal(support_admin(NULL, "--db %s qr poster M1002", db2), 2);
}

/* An export of n good mentors with ids <prefix>000... */
static void write_export(const char *path, const char *prefix, int n)
{
    size_t cap = (size_t)n * 400 + 1024;
    char *buf = malloc(cap);
    StrBuf sb;
    strbuf_init(&sb, buf, cap);
    strbuf_add(&sb, "ID,First Name,Last Name,Job Title,Company,Industry,Grad Year,Major,City,"
                    "Remote,E-mail,Preferred Contact,Bio,Accepting,Monthly Cap\n");
    for (int i = 0; i < n; i++)
        strbuf_addf(&sb,
                    "%s%04d,Noor,Okafor %d,Planner,Lakeside Transit,Government,2012,Geography,"
                    "Duluth,no,noor%d@example.org,email,\"Plans bus routes, and\nlikes maps\","
                    "yes,4\n",
                    prefix, i, i, i);
    assert_false(sb.overflow);
    support_write(path, buf, sb.len);
    free(buf);
}

static int mentors_in(const char *db_path)
{
    char err[400];
    Store *s = store_open(db_path, err, sizeof err);
    if (!s)
        fail_msg("cannot open %s: %s", db_path, err);
    int n = store_mentor_count(s);
    store_close(s);
    return n;
}

/* Staging files beside the directory (mentors.db.new, mentors.db.new-*). */
static int staging_files(const char *folder)
{
    int n = 0;
    DIR *d = opendir(folder);
    assert_non_null(d);
    for (struct dirent *e; (e = readdir(d));)
        n += strncmp(e->d_name, "mentors.db.new", 14) == 0;
    closedir(d);
    return n;
}

/* Two staff members import at once, twenty times over: each import
 * either does its whole job or is refused as "another import is
 * running", the directory always holds one of the two lists whole, and
 * an import that says "Imported" is the one in place when it was last. */
static void test_two_imports_at_once(void **state)
{
    (void)state;
    const char *d = support_dir, *admin = support_program("career-kiosk-admin");
    char live[1100], a[1100], b[1100];
    snprintf(live, sizeof live, "%s/mentors.db", d);
    snprintf(a, sizeof a, "%s/a.csv", d);
    snprintf(b, sizeof b, "%s/b.csv", d);
    write_export(a, "A", 40);
    write_export(b, "B", 60);
    assert_int_equal(support_admin(NULL, "--db %s import %s", live, a), 0);
    for (int round = 0; round < 20; round++) {
        char *out = NULL;
        support_sh(&out,
                   "cd %s || exit 9; (%s --db %s import %s >oa 2>&1; echo \"rc=$?\" >>oa) & "
                   "(%s --db %s import %s >ob 2>&1; echo \"rc=$?\" >>ob) & wait; "
                   "cat oa; echo ----; cat ob",
                   d, admin, live, a, admin, live, b);
        char *mid = strstr(out, "----");
        assert_non_null(mid);
        *mid = '\0';
        const char *said[2] = {out, mid + 4};
        bool imported[2];
        for (int i = 0; i < 2; i++) {
            imported[i] = strstr(said[i], "Imported") && strstr(said[i], "rc=0");
            if (!imported[i] && !strstr(said[i], "another import is running"))
                fail_msg("round %d: import %c neither imported nor waited its turn:\n%s", round,
                         'a' + i, said[i]);
        }
        assert_true(imported[0] || imported[1]);
        int n = mentors_in(live);
        if (!(imported[0] && n == 40) && !(imported[1] && n == 60))
            fail_msg("round %d: the directory has %d mentors (a %s, b %s)", round, n,
                     imported[0] ? "imported" : "refused", imported[1] ? "imported" : "refused");
        assert_int_equal(staging_files(d), 0);
        free(out);
    }
}

/* Reading the directory (a search, the stats) while an import runs:
 * the readers are answered and the import still goes through. */
static void test_reading_during_an_import(void **state)
{
    (void)state;
    const char *d = support_dir, *admin = support_program("career-kiosk-admin");
    char live[1100], big[1100], *out = NULL;
    snprintf(live, sizeof live, "%s/mentors.db", d);
    snprintf(big, sizeof big, "%s/big.csv", d);
    write_export(big, "R", 6000);
    assert_int_equal(support_admin(NULL, "--db %s import %s", live, big), 0);
    for (int round = 0; round < 3; round++) {
        support_sh(
            &out,
            "cd %s || exit 9; (%s --db %s import %s >oi 2>&1; echo \"rc=$?\" >>oi) & pid=$!; "
            "reads=0; bad=0; while kill -0 $pid 2>/dev/null; do "
            "%s --db %s search okafor >/dev/null 2>&1 || bad=$((bad+1)); "
            "%s --db %s stats >/dev/null 2>&1 || bad=$((bad+1)); reads=$((reads+1)); "
            "done; wait; echo \"reads=$reads bad=$bad\"; cat oi",
            d, admin, live, big, admin, live, admin, live);
        assert_non_null(strstr(out, " bad=0"));
        if (!strstr(out, "Imported") || !strstr(out, "rc=0"))
            fail_msg("round %d: the import did not go through while being read:\n%s", round, out);
        free(out);
        assert_int_equal(mentors_in(live), 6000);
        assert_int_equal(staging_files(d), 0);
    }
}

/* A damaged directory with no backup: the import is how staff replace
 * it, so it goes through, and the damaged file is kept aside. */
static void test_import_replaces_a_damaged_directory(void **state)
{
    (void)state;
    const char *d = support_dir;
    char live[1100], a[1100], *out = NULL;
    struct stat st;
    snprintf(live, sizeof live, "%s/mentors.db", d);
    snprintf(a, sizeof a, "%s/a.csv", d);
    write_export(a, "D", 12);
    support_write(live, "", 0);
    assert_int_equal(support_admin(&out, "--db %s import %s", live, a), 0);
    assert_non_null(strstr(out, "Imported"));
    free(out);
    assert_int_equal(mentors_in(live), 12);
    assert_int_equal(stat(support_path(d, "mentors.db.damaged"), &st), 0);
}

/* A control character already in a directory (made before they were
 * refused) is never printed raw by `show`: ESC would drive the terminal. */
static void test_show_prints_no_control_characters(void **state)
{
    (void)state;
    const char *d = support_dir;
    char live[1100], a[1100], *out = NULL;
    snprintf(live, sizeof live, "%s/mentors.db", d);
    snprintf(a, sizeof a, "%s/a.csv", d);
    write_export(a, "C", 3);
    assert_int_equal(support_admin(NULL, "--db %s import %s", live, a), 0);
    assert_int_equal(support_sh(NULL,
                                "sqlite3 %s \"UPDATE mentors SET bio = 'Hi' || char(27) || '[2J'"
                                " || char(7) || char(8) || char(155) || 'there',"
                                " title = 'Planner' || char(27) || ']0;owned' || char(7)"
                                " WHERE id = 'C0001'\"",
                                live),
                     0);
    assert_int_equal(support_admin(&out, "--db %s show C0001", live), 0);
    assert_non_null(strstr(out, "Hi?[2J????there"));
    for (const unsigned char *p = (const unsigned char *)out; *p; p++)
        if ((*p < 0x20 && *p != '\n') || *p == 0x7F || (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F))
            fail_msg("show printed control byte 0x%02X: %s", *p, out);
    free(out);
}

/* A bundle signed on a laptop whose clock said 2100 got in before the
 * kiosk refused such dates: staff have a way back, with confirmation. */
static void test_bundle_stamp_can_be_forgotten(void **state)
{
    (void)state;
    const char *d = support_dir;
    char live[1100], a[1100], *out = NULL;
    snprintf(live, sizeof live, "%s/mentors.db", d);
    snprintf(a, sizeof a, "%s/a.csv", d);
    write_export(a, "S", 3);
    assert_int_equal(support_admin(NULL, "--db %s import %s", live, a), 0);
    assert_int_equal(support_sh(NULL,
                                "sqlite3 %s \"INSERT OR REPLACE INTO meta VALUES"
                                "('keep.bundle_signed_at', '4102488000')\"",
                                live),
                     0);
    assert_int_equal(support_admin(&out, "--db %s bundle-stamp", live), 0);
    assert_non_null(strstr(out, "Last bundle imported: 2100-01-01"));
    free(out);
    assert_int_equal(support_admin(&out, "--db %s bundle-stamp --forget", live), 2);
    free(out);
    assert_int_equal(support_admin(&out, "--db %s bundle-stamp", live), 0);
    assert_non_null(strstr(out, "2100-01-01")); /* not without --yes */
    free(out);
    assert_int_equal(support_admin(&out, "--db %s bundle-stamp --forget --yes", live), 0);
    assert_non_null(strstr(out, "Forgotten"));
    free(out);
    assert_int_equal(support_admin(&out, "--json --db %s bundle-stamp", live), 0);
    assert_non_null(strstr(out, "\"bundle_signed_at\":0"));
    free(out);
}

/* set-pin, as staff run it (its words on stderr too), on the config at
 * conf; the exit status. */
static int set_pin(char **out, const char *pin, const char *conf)
{
    return support_sh(out, "echo '%s' | %s --config %s set-pin 2>&1", pin,
                      support_program("career-kiosk-admin"), conf);
}

static unsigned mode_of(const char *path)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    return (unsigned)(st.st_mode & 0777);
}

/* A PIN nobody guesses from the keypad: long enough, no pattern; the
 * file holding its hash readable only by its owner and the kiosk's
 * group; a linked config stays a link. */
static void test_set_pin_refuses_guessable_pins(void **state)
{
    (void)state;
    char conf[1100], *out;
    struct stat st;
    snprintf(conf, sizeof conf, "%s/kiosk.conf", support_dir);
    assert_int_equal(set_pin(&out, "12345", conf), 2);
    if (!strstr(out, "the PIN should be 6 to 12 digits (this one has 5)"))
        fail_msg("%s", out);
    free(out);
    static const char *const easy[] = {"111111", "234567", "765432", "890123",     "135791",
                                       "343434", "456456", "100100", "4545454545", "987654321098"};
    for (size_t i = 0; i < sizeof easy / sizeof *easy; i++) {
        assert_int_equal(set_pin(&out, easy[i], conf), 2);
        if (!strstr(out, "that PIN is too easy to guess: ") || strstr(out, easy[i]))
            fail_msg("%s: %s", easy[i], out);
        free(out);
    }
    assert_int_not_equal(access(conf, F_OK), 0); /* nothing was written */
    /* a new config: 0640 */
    assert_int_equal(set_pin(&out, "482913", conf), 0);
    assert_non_null(strstr(out, "mode 0640"));
    free(out);
    assert_int_equal(mode_of(conf), 0640);
    /* an existing one everybody could read is tightened, its lines kept */
    support_write(conf, "[office]\nname = Hillside\n", (size_t)-1);
    chmod(conf, 0644);
    assert_int_equal(set_pin(&out, "730518", conf), 0);
    free(out);
    assert_int_equal(mode_of(conf), 0640);
    char *text = support_read(conf, NULL);
    assert_non_null(strstr(text, "name = Hillside"));
    assert_non_null(strstr(text, "pin_hash = $argon2id$"));
    free(text);
    /* a link: followed, the link kept, the file it names changed */
    char real[1100], link[1100];
    snprintf(real, sizeof real, "%s/etc/kiosk.conf", support_dir);
    snprintf(link, sizeof link, "%s/linked.conf", support_dir);
    support_sh(NULL, "mkdir -p %s/etc", support_dir);
    support_write(real, "[staff]\npin_hash = $argon2id$old\n", (size_t)-1);
    chmod(real, 0644);
    assert_int_equal(symlink(real, link), 0);
    assert_int_equal(set_pin(&out, "730518", link), 0);
    free(out);
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_int_equal(mode_of(real), 0640);
    text = support_read(real, NULL);
    assert_null(strstr(text, "$argon2id$old"));
    assert_non_null(strstr(text, "pin_hash = $argon2id$v="));
    free(text);
    /* a link to nothing: refused, with what to do */
    snprintf(link, sizeof link, "%s/nowhere.conf", support_dir);
    assert_int_equal(symlink("/nonexistent/kiosk.conf", link), 0);
    assert_int_equal(set_pin(&out, "730518", link), 2);
    assert_non_null(strstr(out, "is a symbolic link to a file that is not there"));
    free(out);
    /* --check-config warns when others can read the hash */
    chmod(real, 0644);
    support_sh(&out, "%s --check-config --config %s --db %s/m.db 2>&1",
               support_program("career-kiosk"), real, support_dir);
    if (!strstr(out, "the staff PIN's hash is readable by every user of this computer (mode "
                     "0644)"))
        fail_msg("%s", out);
    free(out);
    chmod(real, 0640);
    support_sh(&out, "%s --check-config --config %s --db %s/m.db 2>&1",
               support_program("career-kiosk"), real, support_dir);
    assert_null(strstr(out, "readable by every user"));
    free(out);
}

/* stats-merge --out makes the folder it names, as staff expect of a new
 * report folder, and says what is in the way when a file is. */
static void test_stats_merge_makes_its_out_folder(void **state)
{
    (void)state;
    char *out, kiosk[1100], report[1100], blocked[1100];
    snprintf(kiosk, sizeof kiosk, "%s/outbox", support_dir);
    snprintf(report, sizeof report, "%s/reports/december", support_dir);
    snprintf(blocked, sizeof blocked, "%s/outbox/lib-1-2026-11-22-stats.csv/report", support_dir);
    assert_int_equal(mkdir(kiosk, 0755), 0);
    support_write(support_path(kiosk, "lib-1-2026-11-22-stats.csv"),
                  "day,sessions,sheets_shown,sheets_printed\r\n2026-11-22,3,2,1\r\n", (size_t)-1);
    assert_int_equal(support_admin(&out, "stats-merge %s --out %s", kiosk, report), 0);
    free(out);
    out = support_read(support_path(report, "fleet-stats.csv"), NULL);
    assert_non_null(out);
    assert_non_null(strstr(out, "2026-11-22,3,2,1"));
    free(out);
    assert_int_equal(support_sh(&out, "%s stats-merge %s --out %s 2>&1",
                                support_program("career-kiosk-admin"), kiosk, blocked),
                     2);
    assert_non_null(strstr(out, "is a file, not a folder"));
    free(out);
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_help_everywhere),
        cmocka_unit_test(test_first_use_creates_the_sample),
        cmocka_unit_test(test_messy_export_report),
        cmocka_unit_test(test_refusal_and_rollback),
        cmocka_unit_test(test_visitor_commands),
        cmocka_unit_test(test_qr_outputs),
        cmocka_unit_test_setup_teardown(test_two_imports_at_once, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_reading_during_an_import, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_import_replaces_a_damaged_directory, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_show_prints_no_control_characters, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_set_pin_refuses_guessable_pins, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_bundle_stamp_can_be_forgotten, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_stats_merge_makes_its_out_folder, support_dir_setup,
                                        support_dir_teardown),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
