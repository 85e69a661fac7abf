/* Staff updates over USB, with real parts: a FAT image made by mkfs.vfat
 * and mounted through FUSE with fusefat, bundles signed by the real
 * minisign tool, the real kiosk running headless, a small tmpfs for a
 * full disk, and SIGKILL for a pulled stick and a killed import. Needs
 * root (mount) and /dev/fuse, as CI has. */
#include "support.h"

#include "config.h"
#include "core/escpos.h"
#include "directory/counts.h"
#include "directory/search.h"
#include "directory/stage.h"
#include "directory/store.h"
#include "inbox.h"
#include "mounts.h"
#include "usb/bundle.h"

#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *dir_of(const char *name)
{
    return support_path(support_dir, name);
}

static void sh_ok(const char *what, const char *fmt, const char *a, const char *b)
{
    char *out;
    int rc = support_sh(&out, fmt, a, b);
    if (rc != 0)
        fail_msg("%s failed (%d): %s", what, rc, out);
    free(out);
}

/* A fresh minisign key pair (no password): dir/name.pub and .key. */
static void keypair(const char *name)
{
    char *out;
    int rc = support_sh(&out, "cd %s && minisign -G -W -p %s.pub -s %s.key 2>&1", support_dir, name,
                        name);
    if (rc != 0)
        fail_msg("minisign -G: %s", out);
    free(out);
}

/* The base64 line of dir/name.pub. */
static void pubkey(const char *name, char *out, size_t cap)
{
    char file[64];
    snprintf(file, sizeof file, "%s.pub", name);
    char *pub = support_read(dir_of(file), NULL);
    assert_non_null(pub);
    char *line = strchr(pub, '\n');
    assert_non_null(line);
    snprintf(out, cap, "%.*s", (int)strcspn(line + 1, "\r\n"), line + 1);
    free(pub);
}

/* The kiosk's clock for bundle_check in the refusal tests (2027-01-15),
 * and the time bundles are signed for the headless kiosk, whose clock
 * is --today 2026-11-22 at noon: bundles are dated before it. */
#define KIOSK_CLOCK_2027 1800000200LL
#define BEFORE_KIOSK_TODAY 1795338000LL /* 2026-11-22 09:00 UTC */

/* Signs dir/bundle/file with key name; at > 0 puts that timestamp in the
 * trusted comment instead of minisign's own. */
static void sign_with(const char *key, const char *file, long long at)
{
    char *out, comment[80] = "";
    if (at > 0)
        snprintf(comment, sizeof comment, "-t 'timestamp:%lld file:%s'", at, file);
    int rc = support_sh(&out, "cd %s && minisign -S -s %s.key -m bundle/%s %s 2>&1 </dev/null",
                        support_dir, key, file, comment);
    if (rc != 0)
        fail_msg("minisign -S: %s", out);
    free(out);
}

/* The kiosk's config: the staff key trusted, PIN 482913, sticks under
 * dir/media, the directory in dir/var (or db). */
static void write_config(const char *db)
{
    char key[200], conf[2000];
    pubkey("staff", key, sizeof key);
    snprintf(conf, sizeof conf,
             "[office]\nname = Hillside Career Center\n[directory]\ndatabase = %s\n"
             "[bundles]\nroots = %s\ntrusted_key = %s Career office laptop\n",
             db ? db : dir_of("var/mentors.db"), dir_of("media"), key);
    mkdir(dir_of("var"), 0755);
    support_write(dir_of("kiosk.conf"), conf, (size_t)-1);
    char *out;
    int rc = support_admin(&out, "--config %s set-pin <<EOF\n482913\nEOF", dir_of("kiosk.conf"));
    assert_int_equal(rc, 0);
    free(out);
}

static void config_read(Config *c)
{
    ConfigProblem p[4];
    int n = 0;
    config_defaults(c, "assets", dir_of("var/mentors.db"));
    assert_true(config_load(dir_of("kiosk.conf"), c, p, 4, &n));
}

/* The sample directory's first n mentors as dir/bundle/mentors.csv, plus
 * a repeated row (rejected) when dup. */
static void bundle_csv(int n, bool dup)
{
    char *out;
    mkdir(dir_of("bundle"), 0755);
    int rc =
        support_sh(&out, "head -%d assets/mentors.sample.csv > %s/bundle/mentors.csv%s%s", n + 1,
                   support_dir, dup ? " && sed -n 2p assets/mentors.sample.csv >> " : "",
                   dup ? dir_of("bundle/mentors.csv") : "");
    assert_int_equal(rc, 0);
    free(out);
}

/* n generated mentors as dir/bundle/mentors.csv. */
static void bundle_big(int n)
{
    char *out;
    mkdir(dir_of("bundle"), 0755);
    int rc = support_sh(&out, "%s %d > %s/bundle/mentors.csv", support_program("gen-mentors"), n,
                        support_dir);
    assert_int_equal(rc, 0);
    free(out);
}

/* A FAT image, mounted with fusefat at dir/media/STICK, holding a
 * career-kiosk folder. */
static void stick_mount(int megabytes)
{
    char *out;
    int rc = support_sh(&out,
                        "cd %s && truncate -s %dM stick.img && mkfs.vfat -n STAFF stick.img "
                        ">/dev/null && mkdir -p media/STICK && fusefat -o rw+ %s/stick.img "
                        "media/STICK >/dev/null && mkdir media/STICK/career-kiosk 2>&1",
                        support_dir, megabytes, support_dir);
    if (rc != 0)
        fail_msg("making and mounting the stick (%d): %s", rc, out);
    free(out);
}

/* Copies dir/bundle/name onto the stick (fusefat cannot truncate a
 * file, so an old one is removed first). */
static void stick_put(const char *name)
{
    char *out;
    int rc = support_sh(&out,
                        "cd %s && rm -f media/STICK/career-kiosk/%s && cp bundle/%s "
                        "media/STICK/career-kiosk/ 2>&1",
                        support_dir, name, name);
    if (rc != 0)
        fail_msg("copying %s to the stick: %s", name, out);
    free(out);
}

static int teardown(void **state)
{
    char *out;
    support_sh(&out,
               "fusermount -uz %s/media/STICK 2>/dev/null; fusermount -uz %s/media/OTHER "
               "2>/dev/null; umount -l %s/small 2>/dev/null; umount -l %s/tiny 2>/dev/null; true",
               support_dir, support_dir, support_dir, support_dir);
    free(out);
    return support_dir_teardown(state);
}

/* A directory seeded with the sample, as the kiosk makes on first use. */
static Store *seeded(const char *db)
{
    char err[STORE_ERR];
    ImportSeed seed = {"assets/mentors.sample.csv", NULL, "assets/questions.csv",
                       "assets/synonyms.csv"};
    assert_true(import_seed(db, &seed, (Date){2026, 11, 22}, err, sizeof err));
    Store *s = store_open(db, err, sizeof err);
    if (!s)
        fail_msg("%s", err);
    return s;
}

static void keys_and_config(void)
{
    keypair("staff");
    keypair("stranger");
    write_config(NULL);
}

/* --- the bundle module against a real stick --- */

static void test_signed_bundle_from_fat_stick(void **state)
{
    (void)state;
    Config cfg;
    Bundle b = {0};
    ImportReport rep;
    char err[300], written[400];
    keys_and_config();
    config_read(&cfg);
    bundle_csv(40, true);
    support_write(dir_of("bundle/questions.csv"),
                  "id,category,minutes,tags,text\nq1,work,3,,What does a normal week look like "
                  "for you?\nq2,closing,2,,Who else would you suggest I talk to?\n",
                  (size_t)-1);
    /* staff's own synonym table, in place of the built-in one */
    support_write(dir_of("bundle/synonyms.csv"),
                  "term,means,field\nappmaker,mobile developer,Software Engineering\n", (size_t)-1);
    sign_with("staff", "mentors.csv", 0);
    sign_with("staff", "questions.csv", 0);
    sign_with("staff", "synonyms.csv", 0);
    stick_mount(16);
    stick_put("mentors.csv");
    stick_put("mentors.csv.minisig");
    stick_put("questions.csv");
    stick_put("questions.csv.minisig");
    stick_put("synonyms.csv");
    stick_put("synonyms.csv.minisig");

    char mount[MOUNTS_PATH_MAX];
    assert_true(mounts_find(dir_of("media"), BUNDLE_FOLDER, mount, sizeof mount));
    assert_string_equal(mount, dir_of("media/STICK"));

    Store *s = seeded(dir_of("var/mentors.db"));
    int before = store_mentor_count(s);
    assert_int_equal(bundle_imported_at(s), 0);
    store_close(s);

    bundle_begin(&b, (long long)time(NULL));
    assert_true(bundle_fetch(&b, mount, dir_of("var/incoming"), NULL, NULL));
    assert_true(b.has_questions);
    assert_true(b.has_synonyms);
    if (!bundle_check(&b, &cfg.trust, 0, 2026))
        fail_msg("%s", b.reason);
    assert_non_null(strstr(b.signer, "Career office laptop"));
    assert_true(b.signed_at > time(NULL) - 600);
    assert_int_equal(b.preview.accepted, 40);
    assert_int_equal(b.preview.rejected, 1); /* the repeated row */
    assert_int_equal(b.nbank, 2);

    assert_true(bundle_import(&b, dir_of("var/mentors.db"), "2026-11-22T10:00:00Z", 2026, &rep));
    s = store_open(dir_of("var/mentors.db"), err, sizeof err);
    assert_non_null(s);
    assert_int_not_equal(before, 40);
    assert_int_equal(store_mentor_count(s), 40);
    assert_int_equal(bundle_imported_at(s), b.signed_at);
    Question q[8];
    assert_int_equal(store_questions_load(s, q, 8), 2);
    /* the stick's synonyms are the directory's now, and the built-in ones gone */
    StoreHit hit[5];
    StoreSearchInfo info = {0};
    assert_int_equal(store_synonym_count(s), 1);
    assert_true(store_search_info(s, "appmaker", NULL, (Date){2026, 11, 22}, hit, 5, &info) > 0);
    assert_non_null(strstr(hit[0].mentor.title, "Mobile Developer"));
    assert_string_equal(info.field, "Software Engineering");
    store_search_info(s, "surgeon", NULL, (Date){2026, 11, 22}, hit, 5, &info);
    assert_string_equal(info.field, "");

    /* the report, the rejected rows and the stats go back to the stick */
    store_stat_add(s, (Date){2026, 11, 21}, "sessions", 7);
    store_stat_add(s, (Date){2026, 11, 21}, "sheets_printed", 2);
    store_stat_add(s, (Date){2026, 11, 20}, STATS_NOBODY "Software Engineering", 2);
    store_stat_add(s, (Date){2026, 11, 21}, STATS_NOBODY "Software Engineering", 1);
    store_stat_add(s, (Date){2026, 11, 21}, STATS_NOBODY STATS_NOT_RECOGNISED, 4);
    store_referral_add(s, "M1004", (Date){2026, 11, 21});
    assert_true(bundle_write_report(&b, &rep, written, sizeof written, err, sizeof err));
    assert_non_null(strstr(written, "-import.txt"));
    assert_non_null(strstr(written, "-rejected.csv"));
    char names[400];
    assert_true(bundle_write_stats(mount, b.stamp, s, names, sizeof names, err, sizeof err));
    int swe = 0; /* the mentors in the field searches wanted */
    for (int i = 0; i < 40; i++) {
        Mentor m;
        char id[16];
        snprintf(id, sizeof id, "M%d", 1001 + i);
        swe += store_mentor_get(s, id, &m) && strcmp(m.field, "Software Engineering") == 0;
    }
    assert_true(swe > 0);
    store_close(s);
    import_report_free(&rep);

    char *out;
    assert_int_equal(support_sh(&out,
                                "cd %s/career-kiosk/reports && cat *-import.txt "
                                "*-rejected.csv *-stats.csv *-referrals.csv *-nobody-found.csv "
                                "*-nobody-found.txt *-stale.csv",
                                mount),
                     0);
    assert_non_null(strstr(out, "Result: imported 40 mentors."));
    assert_non_null(strstr(out, "Rows rejected: 1"));
    assert_non_null(strstr(out, "was already used on line"));
    assert_non_null(strstr(out, "2026-11-21,7,0,2"));
    assert_non_null(strstr(out, "2026-11,M1004,"));
    /* what searches finding nobody wanted, with the mentors there are */
    char want[200];
    snprintf(want, sizeof want, "2026-11,Software Engineering,3,%d", swe);
    assert_non_null(strstr(out, want));
    snprintf(want, sizeof want, "3 searches wanted Software Engineering; %d mentor", swe);
    assert_non_null(strstr(out, want));
    assert_non_null(strstr(out, "2026-11,not recognised,4,"));
    assert_non_null(strstr(out, "mentor_id,mentor_name,organization,last_verified"));
    free(out);
    bundle_free(&b);
    /* the local copy is gone once done */
    assert_int_not_equal(access(dir_of("var/incoming/mentors.csv"), F_OK), 0);
}

/* Fetches and checks the stick's bundle against the directory at db;
 * returns the status. */
static BundleStatus try_bundle(const Config *cfg, Store *s, Bundle *b)
{
    memset(b, 0, sizeof *b);
    b->begun = KIOSK_CLOCK_2027; /* the kiosk's clock: after the bundles signed below */
    b->questions_imported_at = bundle_questions_imported_at(s);
    if (!bundle_fetch(b, dir_of("media/STICK"), dir_of("var/incoming"), NULL, NULL))
        return b->status;
    bundle_check(b, &cfg->trust, bundle_imported_at(s), 2026);
    return b->status;
}

static void test_refusals_change_nothing(void **state)
{
    (void)state;
    Config cfg, nokeys;
    Bundle b;
    keys_and_config();
    config_read(&cfg);
    nokeys = cfg;
    nokeys.trust.n = 0;
    Store *s = seeded(dir_of("var/mentors.db"));
    store_meta_set(s, "keep.bundle_signed_at", "1800000000"); /* a bundle from 2027 is in */
    int before = store_mentor_count(s);
    bundle_csv(30, false);
    stick_mount(16);

    /* no mentors.csv */
    assert_int_equal(try_bundle(&cfg, s, &b), BUNDLE_MISSING);
    bundle_free(&b);
    /* not signed */
    stick_put("mentors.csv");
    assert_int_equal(try_bundle(&cfg, s, &b), BUNDLE_NOT_SIGNED);
    assert_non_null(strstr(b.reason, "mentors.csv.minisig"));
    bundle_free(&b);
    /* signed by a stranger */
    sign_with("stranger", "mentors.csv", 1900000000);
    stick_put("mentors.csv.minisig");
    assert_int_equal(try_bundle(&cfg, s, &b), BUNDLE_UNKNOWN_KEY);
    assert_non_null(strstr(b.reason, "does not trust"));
    bundle_free(&b);
    /* a kiosk with no trusted key */
    sign_with("staff", "mentors.csv", 1900000000);
    stick_put("mentors.csv.minisig");
    assert_int_equal(try_bundle(&nokeys, s, &b), BUNDLE_NO_KEYS);
    bundle_free(&b);
    /* changed after signing */
    sh_ok("append", "echo 'M9999,Eve,Intruder' >> %s%s", dir_of("media/STICK/career-kiosk/"),
          "mentors.csv");
    assert_int_equal(try_bundle(&cfg, s, &b), BUNDLE_BAD_SIGNATURE);
    assert_non_null(strstr(b.reason, "changed after it was signed"));
    bundle_free(&b);
    /* signed before the bundle already imported: no rollback */
    stick_put("mentors.csv");
    sign_with("staff", "mentors.csv", 1700000000);
    stick_put("mentors.csv.minisig");
    assert_int_equal(try_bundle(&cfg, s, &b), BUNDLE_OLD);
    assert_non_null(strstr(b.reason, "before the one already imported"));
    bundle_free(&b);
    /* the same bundle again */
    sign_with("staff", "mentors.csv", 1800000000);
    stick_put("mentors.csv.minisig");
    assert_int_equal(try_bundle(&cfg, s, &b), BUNDLE_OLD);
    assert_non_null(strstr(b.reason, "already imported"));
    bundle_free(&b);
    /* and a newer one passes */
    sign_with("staff", "mentors.csv", 1800000100);
    stick_put("mentors.csv.minisig");
    assert_int_equal(try_bundle(&cfg, s, &b), BUNDLE_OK);
    bundle_free(&b);
    /* dated two days ahead of the kiosk's clock (a laptop's wrong clock):
     * refused, naming the date, so it cannot lock out what comes after */
    sign_with("staff", "mentors.csv", KIOSK_CLOCK_2027 + 2 * 86400);
    stick_put("mentors.csv.minisig");
    assert_int_equal(try_bundle(&cfg, s, &b), BUNDLE_BAD_TIME);
    assert_non_null(strstr(b.reason, "more than a day ahead of this kiosk's clock"));
    assert_non_null(strstr(b.reason, "2027-01-17"));
    bundle_free(&b);
    /* a timestamp that is no time at all */
    sh_ok("sign",
          "cd %s && minisign -S -s staff.key -m bundle/mentors.csv -t "
          "'timestamp:99999999999999999999 file:mentors.csv' >/dev/null </dev/null%s",
          support_dir, "");
    stick_put("mentors.csv.minisig");
    assert_int_equal(try_bundle(&cfg, s, &b), BUNDLE_BAD_TIME);
    assert_non_null(strstr(b.reason, "\"99999999999999999999\" is not a sane time"));
    bundle_free(&b);
    /* an old question bank riding along with a new mentor list */
    sign_with("staff", "mentors.csv", 1800000100);
    stick_put("mentors.csv.minisig");
    support_write(dir_of("bundle/questions.csv"),
                  "id,category,minutes,tags,text\nq1,work,3,,What drew you to this work?\n",
                  (size_t)-1);
    sign_with("staff", "questions.csv", 1700000000);
    stick_put("questions.csv");
    stick_put("questions.csv.minisig");
    assert_int_equal(try_bundle(&cfg, s, &b), BUNDLE_OLD);
    assert_non_null(strstr(b.reason, "questions.csv was signed"));
    bundle_free(&b);
    sign_with("staff", "questions.csv", 1800000150); /* signed anew: taken */
    stick_put("questions.csv.minisig");
    assert_int_equal(try_bundle(&cfg, s, &b), BUNDLE_OK);
    bundle_free(&b);
    /* a synonym table that is not signed, then one that is but is wrong */
    support_write(dir_of("bundle/synonyms.csv"), "term,means,field\nsurgeon,physician,\nnurse,,\n",
                  (size_t)-1);
    stick_put("synonyms.csv");
    assert_int_equal(try_bundle(&cfg, s, &b), BUNDLE_NOT_SIGNED);
    assert_non_null(strstr(b.reason, "synonyms.csv.minisig"));
    bundle_free(&b);
    sign_with("staff", "synonyms.csv", 1800000100);
    stick_put("synonyms.csv.minisig");
    assert_int_equal(try_bundle(&cfg, s, &b), BUNDLE_DATA);
    assert_non_null(strstr(b.reason, "synonyms.csv line 3, column means: empty"));
    bundle_free(&b);

    assert_int_equal(store_mentor_count(s), before);
    assert_int_equal(bundle_imported_at(s), 1800000000LL);
    store_close(s);
}

/* The progress callback pulls the stick: kills the fusefat process. */
static void pull_stick(void *ctx, long long done, long long total)
{
    int *pulled = ctx;
    (void)done;
    (void)total;
    if (*pulled)
        return;
    char *out;
    support_sh(&out, "pkill -KILL -f 'fusefat -o rw. %s/stick.img' && sleep 0.2", support_dir);
    free(out);
    *pulled = 1;
}

static void test_stick_pulled_mid_copy(void **state)
{
    (void)state;
    Config cfg;
    Bundle b = {0};
    int pulled = 0;
    keys_and_config();
    config_read(&cfg);
    Store *s = seeded(dir_of("var/mentors.db"));
    int before = store_mentor_count(s);
    bundle_big(6000); /* about 2 MB: many reads */
    sign_with("staff", "mentors.csv", 0);
    stick_mount(16);
    stick_put("mentors.csv.minisig");
    stick_put("mentors.csv");
    assert_false(
        bundle_fetch(&b, dir_of("media/STICK"), dir_of("var/incoming"), pull_stick, &pulled));
    assert_true(pulled);
    assert_int_equal(b.status, BUNDLE_PULLED);
    assert_non_null(strstr(b.reason, "removed"));
    assert_non_null(strstr(b.reason, "Nothing was changed"));
    bundle_free(&b);
    assert_int_equal(store_mentor_count(s), before);
    assert_int_equal(bundle_imported_at(s), 0);
    store_close(s);
}

static void test_disk_full_during_import(void **state)
{
    (void)state;
    Config cfg;
    Bundle b = {0};
    ImportReport rep;
    char err[STORE_ERR], db[1100];
    keys_and_config();
    config_read(&cfg);
    mkdir(dir_of("small"), 0755);
    sh_ok("mount tmpfs", "mount -t tmpfs -o size=%s tmpfs %s", "9M", dir_of("small"));
    snprintf(db, sizeof db, "%s", dir_of("small/mentors.db"));
    Store *s = seeded(db);
    int before = store_mentor_count(s);
    store_close(s);
    bundle_big(12000); /* about 4 MB of CSV: the copy fits, the new directory does not */
    sign_with("staff", "mentors.csv", 0);
    stick_mount(16);
    stick_put("mentors.csv.minisig");
    stick_put("mentors.csv");
    assert_true(bundle_fetch(&b, dir_of("media/STICK"), dir_of("small/incoming"), NULL, NULL));
    if (!bundle_check(&b, &cfg.trust, 0, 2026))
        fail_msg("%s", b.reason);
    assert_false(bundle_import(&b, db, "2026-11-22T10:00:00Z", 2026, &rep));
    assert_int_equal(rep.outcome, IMPORT_REFUSED);
    assert_non_null(strstr(rep.refusal, "disk is full"));
    assert_non_null(strstr(rep.refusal, "old one is still in use"));
    /* the report says why, on the stick */
    char written[400];
    assert_true(bundle_write_report(&b, &rep, written, sizeof written, err, sizeof err));
    import_report_free(&rep);
    bundle_free(&b);
    char *out;
    support_sh(&out, "cat %s/career-kiosk/reports/*-import.txt", dir_of("media/STICK"));
    assert_non_null(strstr(out, "NOT IMPORTED"));
    assert_non_null(strstr(out, "disk is full"));
    free(out);
    s = store_open(db, err, sizeof err);
    assert_non_null(s);
    assert_int_equal(store_mentor_count(s), before);
    store_close(s);
    assert_int_not_equal(access(dir_of("small/mentors.db.new"), F_OK), 0);
}

/* Imports path in a child and kills it after ms. */
static void import_killed(const char *db, const char *csv, int ms)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        ImportReport rep;
        ImportOptions opt = {.db_path = db, .this_year = 2026, .when = "", .signed_at = 1900000000};
        import_file(csv, &opt, &rep);
        _exit(0);
    }
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
}

static void test_killed_import_leaves_old_or_new(void **state)
{
    (void)state;
    char err[STORE_ERR], db[1100];
    snprintf(db, sizeof db, "%s", dir_of("mentors.db"));
    Store *s = seeded(db);
    int old = store_mentor_count(s);
    store_close(s);
    bundle_big(8000);
    int seen_old = 0, seen_new = 0;
    for (int ms = 20; ms <= 2560; ms *= 2) {
        import_killed(db, dir_of("bundle/mentors.csv"), ms);
        bool interrupted = access(support_path(support_dir, "mentors.db.new"), F_OK) == 0;
        s = store_open(db, err, sizeof err);
        if (!s)
            fail_msg("after a kill at %d ms: %s", ms, err);
        int n = store_mentor_count(s);
        long long at = bundle_imported_at(s);
        if (n == old) { /* the old one, whole */
            assert_int_equal(at, 0);
            seen_old++;
            if (interrupted)
                assert_non_null(strstr(store_notice(s), "the one from before it"));
        } else { /* the new one, whole */
            assert_int_equal(n, 8000);
            assert_int_equal(at, 1900000000LL);
            seen_new++;
        }
        StoreHit hit[2];
        assert_true(store_search(s, "", &(StoreFilter){.via = -1}, (Date){2026, 11, 22}, hit, 2) >=
                    0);
        store_close(s);
        if (n != old) { /* back to the old one for the next round */
            assert_true(store_rollback(db, err, sizeof err));
            s = store_open(db, err, sizeof err);
            assert_int_equal(store_mentor_count(s), old);
            store_close(s);
        }
    }
    assert_true(seen_old > 0);
    print_message("killed imports: %d left the old directory, %d the new one\n", seen_old,
                  seen_new);
}

static void test_damaged_directory_restored(void **state)
{
    (void)state;
    char err[STORE_ERR], db[1100];
    snprintf(db, sizeof db, "%s", dir_of("mentors.db"));
    Store *s = seeded(db);
    store_close(s);
    bundle_csv(25, false);
    ImportReport rep;
    ImportOptions opt = {.db_path = db, .this_year = 2026, .when = "2026-11-20T09:00:00Z"};
    assert_true(import_file(dir_of("bundle/mentors.csv"), &opt, &rep));
    import_report_free(&rep);
    bundle_csv(30, false);
    opt.when = "2026-11-21T09:00:00Z";
    assert_true(import_file(dir_of("bundle/mentors.csv"), &opt, &rep));
    import_report_free(&rep);
    /* scribble over the live file's pages */
    sh_ok("damage", "dd if=/dev/urandom of=%s bs=1024 seek=1 count=%s conv=notrunc 2>/dev/null", db,
          "40");
    s = store_open(db, err, sizeof err);
    if (!s)
        fail_msg("%s", err);
    assert_int_equal(store_mentor_count(s), 25); /* the one from before the last import */
    assert_non_null(strstr(store_notice(s), "damaged"));
    assert_non_null(strstr(store_notice(s), "2026-11-20"));
    store_close(s);
    assert_int_equal(access(dir_of("mentors.db.damaged"), F_OK), 0);
    /* and nothing to restore from (neither backup generation): a clear refusal */
    sh_ok("damage",
          "f=%s; rm \"$f.bak\" \"$f.bak2\" && "
          "dd if=/dev/urandom of=%s bs=1024 count=40 conv=notrunc 2>/dev/null",
          db, db);
    assert_null(store_open(db, err, sizeof err));
    assert_non_null(strstr(err, "no sound backup"));
}

static void test_mount_table_watch(void **state)
{
    (void)state;
    char s[] = "/media/kiosk/MY\\040STICK", m[MOUNTS_PATH_MAX];
    mounts_unescape(s);
    assert_string_equal(s, "/media/kiosk/MY STICK");
    MountWatch *w = mounts_watch();
    assert_non_null(w);
    assert_false(mounts_changed(w, 0));
    assert_false(mounts_find(dir_of("media"), BUNDLE_FOLDER, m, sizeof m));
    stick_mount(8);
    assert_true(mounts_changed(w, 1000)); /* POLLPRI on mount */
    assert_false(mounts_changed(w, 0));
    assert_true(mounts_find(dir_of("media"), BUNDLE_FOLDER, m, sizeof m));
    assert_false(mounts_find("/nonexistent /elsewhere", BUNDLE_FOLDER, m, sizeof m));
    sh_ok("unmount", "fusermount -u %s%s", dir_of("media/STICK"), "");
    assert_true(mounts_changed(w, 1000)); /* and on unmount */
    assert_false(mounts_find(dir_of("media"), BUNDLE_FOLDER, m, sizeof m));
    mounts_close(w);
}

/* --- the kiosk itself, headless --- */

/* Runs the kiosk on script (written to dir/script.txt) in the
 * background; `then` runs in the shell meanwhile. Returns its exit
 * status; output in *out. */
static int kiosk_with(char **out, const char *script, const char *then)
{
    support_write(dir_of("script.txt"), script, (size_t)-1);
    char kiosk[1200];
    snprintf(kiosk, sizeof kiosk, "%s", support_program("career-kiosk"));
    return support_sh(out,
                      "cd %s && %s --config kiosk.conf --headless --size 1280x800 --script "
                      "script.txt --screenshots . --today 2026-11-22 >kiosk.log 2>&1 & pid=$!; "
                      "cd %s && %s; wait $pid; rc=$?; cat %s/kiosk.log; exit $rc",
                      support_dir, kiosk, support_dir, then, support_dir);
}

static void test_kiosk_imports_a_stick(void **state)
{
    (void)state;
    char *out;
    keys_and_config();
    bundle_csv(40, true);
    sign_with("staff", "mentors.csv", BEFORE_KIOSK_TODAY);
    stick_mount(16);
    stick_put("mentors.csv");
    stick_put("mentors.csv.minisig");
    sh_ok("unmount", "fusermount -u %s%s", dir_of("media/STICK"), "");
    /* a visitor is mid-walk when the stick comes: a banner, nothing lost */
    int rc = kiosk_with(&out,
                        "tap \"Touch to start\"\n"
                        "screenshot started\n"
                        "tap \"Your first name\"\n"
                        "type Quillon\n"
                        "key enter\n"
                        "await stick 30\n"
                        "expect staff off\n"
                        "expect screen about\n"
                        "expect text \"A staff USB stick is plugged in. Staff: tap here.\"\n"
                        "tap \"A staff USB stick is plugged in. Staff: tap here.\"\n"
                        "expect staff pin\n"
                        "type 1111\n"
                        "key enter\n"
                        "expect text \"That PIN is not right. 4 more tries before a five-minute "
                        "lock.\"\n"
                        "type 482913\n"
                        "key enter\n"
                        "expect staff preview\n"
                        "expect text \"Import 40 mentors\"\n"
                        /* who comes and goes, by name */
                        "expect staff-says \"Nobody is added.\"\n"
                        /* the stick's PIN leads to the preview: the wrong one is said there */
                        "expect staff-says \"Staff PIN: 1 wrong PIN was entered, at \"\n"
                        "expect staff-says \"120 mentors are removed: \"\n"
                        "expect staff-says \", and 112 more.\"\n"
                        "expect staff-says \"40 mentors stay\"\n"
                        "tap \"Import 40 mentors\"\n"
                        "expect staff result\n"
                        "expect staff-says \"40 mentors are in the directory now\"\n"
                        "expect staff-says \" 1 row was rejected: the report lists it\"\n"
                        "expect staff-says \"Career office laptop\"\n"
                        "expect staff-says \"safe to remove\"\n"
                        "tap Done\n"
                        "expect staff off\n"
                        "expect screen about\n"
                        "expect field \"Your first name\" = Quillon\n"
                        "expect no-text \"A staff USB stick is plugged in. Staff: tap here.\"\n",
                        /* plug it in once the visit has begun (however long a
                         * loaded machine takes to start), files and all, as a
                         * real stick comes: the watcher sees the mount */
                        "for i in $(seq 600); do [ -e started.png ] && break; sleep 0.1; "
                        "done; fusefat -o rw+ stick.img media/STICK >/dev/null || echo "
                        "MOUNT-FAILED");
    if (rc != 0)
        fail_msg("kiosk: %s", out);
    assert_null(strstr(out, "MOUNT-FAILED"));
    free(out);
    /* the new directory is in use, and staff take the report home */
    char err[STORE_ERR];
    Store *s = store_open(dir_of("var/mentors.db"), err, sizeof err);
    assert_non_null(s);
    assert_int_equal(store_mentor_count(s), 40);
    assert_true(bundle_imported_at(s) > 0);
    store_close(s);
    assert_int_equal(support_sh(&out,
                                "cd %s/media/STICK/career-kiosk/reports && cat "
                                "*-import.txt *-rejected.csv && head -1 *-stats.csv",
                                support_dir),
                     0);
    assert_non_null(strstr(out, "Result: imported 40 mentors."));
    assert_non_null(strstr(out, "was already used on line"));
    assert_non_null(strstr(out, "day,sessions,sheets_shown,sheets_printed"));
    /* the visitor's words went nowhere near the stick or the disk */
    assert_null(strstr(out, "Quillon"));
    free(out);
    assert_int_not_equal(
        support_sh(&out, "grep -rl Quillon %s/var %s/media/STICK", support_dir, support_dir), 0);
    free(out);
}

/* A stick (already plugged in at start) holding the bundle folder's files. */
static void stick_with(const char *key, long long at)
{
    bundle_csv(20, false);
    sign_with(key, "mentors.csv", at);
    stick_mount(16);
    stick_put("mentors.csv");
    stick_put("mentors.csv.minisig");
}

static void test_kiosk_refuses_a_strangers_stick(void **state)
{
    (void)state;
    char *out, err[STORE_ERR];
    keys_and_config();
    stick_with("stranger", 0);
    int rc = kiosk_with(&out,
                        "await stick 10\n"
                        "expect staff pin\n" /* on Welcome, the PIN pad opens by itself */
                        "type 482913\n"
                        "key enter\n"
                        "expect staff result\n"
                        "expect text \"Not imported\"\n"
                        "expect staff-says \"does not trust\"\n"
                        "expect staff-says \"Nothing was changed\"\n"
                        "expect staff-says \"What to do next: sign the export with the office's "
                        "trusted key\"\n"
                        "screenshot refused\n"
                        "tap Done\n"
                        "expect staff off\n"
                        "expect screen welcome\n",
                        "true");
    if (rc != 0)
        fail_msg("kiosk: %s", out);
    free(out);
    Store *s = store_open(dir_of("var/mentors.db"), err, sizeof err);
    assert_int_equal(store_mentor_count(s), 160); /* the sample, as it was */
    assert_int_equal(bundle_imported_at(s), 0);
    store_close(s);
    /* and nothing was written to a stranger's stick */
    assert_int_not_equal(access(dir_of("media/STICK/career-kiosk/reports"), F_OK), 0);
}

static void test_kiosk_pin_locks_after_five_tries(void **state)
{
    (void)state;
    char *out;
    keys_and_config();
    int rc = kiosk_with(&out,
                        "tap Staff\n"
                        "expect staff pin\n"
                        "repeat 4\n"
                        "type 9999\n"
                        "key enter\n"
                        "end\n"
                        "expect text \"That PIN is not right. 1 more try before a five-minute "
                        "lock.\"\n"
                        "type 9999\n"
                        "key enter\n"
                        "expect text \"Too many wrong PINs. Try again in 5:00.\"\n"
                        /* even the right PIN does nothing while locked */
                        "type 482913\n"
                        "key enter\n"
                        "expect staff pin\n"
                        "wait 60000\n"
                        "expect text \"Too many wrong PINs. Try again in 4:00.\"\n"
                        "tap Cancel\n"
                        "expect staff off\n"
                        "tap Staff\n"
                        "expect text \"Too many wrong PINs. Try again in 4:00.\"\n"
                        "wait 240000\n"
                        "expect staff off\n" /* staff mode closes itself when left open */
                        "tap Staff\n"
                        "type 482913\n"
                        "key enter\n"
                        "expect staff menu\n"
                        "expect staff-says \"No printer is set up\"\n"
                        "expect text \"Import from the stick\"\n"
                        "tap \"Leave kiosk mode\"\n"
                        "expect staff leave\n"
                        /* the command as it is typed, with nothing around it */
                        "expect text \"systemctl start career-kiosk\"\n"
                        "tap \"Leave kiosk mode\"\n"
                        "expect staff off\n",
                        "true");
    /* leaving kiosk mode ends the program with its own status */
    if (rc != 75)
        fail_msg("kiosk (%d): %s", rc, out);
    assert_non_null(strstr(out, "staff left kiosk mode"));
    assert_non_null(strstr(out, "wrong staff PINs; staff mode locked for 5 minutes"));
    free(out);
}

static void test_kiosk_tells_staff_after_a_restart(void **state)
{
    (void)state;
    char *out, err[STORE_ERR], line[64];
    keys_and_config();
    Store *s = seeded(dir_of("var/mentors.db"));
    store_meta_set(s, "keep.bundle_signed_at", "1800000000");
    store_close(s);
    /* killed after the new directory was in place */
    support_write(dir_of("var/mentors.db.importing"), "1800000000\n", (size_t)-1);
    int rc = kiosk_with(&out,
                        "expect text \"Staff: a notice\"\n"
                        "tap \"Staff: a notice\"\n"
                        "type 482913\n"
                        "key enter\n"
                        "expect staff menu\n"
                        "expect staff-says \"after the new directory was in place\"\n"
                        "screenshot notice\n",
                        "true");
    if (rc != 0)
        fail_msg("kiosk: %s", out);
    free(out);
    assert_int_not_equal(access(dir_of("var/mentors.db.importing"), F_OK), 0);
    /* killed before: the old directory, and it says so */
    snprintf(line, sizeof line, "%d\n", 1900000000);
    support_write(dir_of("var/mentors.db.importing"), line, (size_t)-1);
    rc = kiosk_with(&out,
                    "tap \"Staff: a notice\"\n"
                    "type 482913\n"
                    "key enter\n"
                    "expect staff-says \"the directory from before it is in use (160 "
                    "mentors)\"\n",
                    "true");
    if (rc != 0)
        fail_msg("kiosk: %s", out);
    free(out);
    /* a damaged directory: the backup is put back and staff are told */
    bundle_csv(25, false);
    ImportReport rep;
    ImportOptions opt = {.db_path = dir_of("var/mentors.db"), .this_year = 2026, .when = ""};
    assert_true(import_file(dir_of("bundle/mentors.csv"), &opt, &rep));
    import_report_free(&rep);
    sh_ok("damage", "dd if=/dev/urandom of=%s bs=1024 seek=1 count=%s conv=notrunc 2>/dev/null",
          dir_of("var/mentors.db"), "40");
    rc = kiosk_with(&out,
                    "expect text \"Staff: a notice\"\n"
                    "tap \"Staff: a notice\"\n"
                    "type 482913\n"
                    "key enter\n"
                    "expect staff-says \"The directory file was damaged\"\n"
                    "tap \"Close staff mode\"\n"
                    "tap \"Touch to start\"\n"
                    "expect screen about\n",
                    "true");
    if (rc != 0)
        fail_msg("kiosk: %s", out);
    assert_non_null(strstr(out, "damaged"));
    free(out);
    s = store_open(dir_of("var/mentors.db"), err, sizeof err);
    assert_int_equal(store_mentor_count(s), 160); /* the directory from before the import */
    store_close(s);
}

static void test_kiosk_stick_pulled_at_preview(void **state)
{
    (void)state;
    char *out;
    keys_and_config();
    stick_with("staff", BEFORE_KIOSK_TODAY);
    int rc = kiosk_with(&out,
                        "await stick 10\n"
                        "type 482913\n"
                        "key enter\n"
                        "expect staff preview\n"
                        "screenshot at-preview\n"
                        "await no-stick 20\n"
                        "expect staff result\n"
                        "expect text \"The stick was removed\"\n"
                        "expect staff-says \"Nothing was changed\"\n",
                        /* pulled while staff look at the preview (however long
                         * a loaded machine takes to get there) */
                        "for i in $(seq 600); do [ -e at-preview.png ] && break; sleep 0.1; "
                        "done; fusermount -u media/STICK");
    if (rc != 0)
        fail_msg("kiosk: %s", out);
    free(out);
    char err[STORE_ERR];
    Store *s = store_open(dir_of("var/mentors.db"), err, sizeof err);
    assert_int_equal(store_mentor_count(s), 160);
    store_close(s);
}

static void test_kiosk_staff_test_print(void **state)
{
    (void)state;
    char *out, line[1300];
    keys_and_config();
    /* a receipt printer: ESC/POS bytes into a file the test reads back */
    support_write(dir_of("printer.bin"), "", 0);
    snprintf(line, sizeof line, "[printing]\nprinter = escpos:%s\npaper = 80mm\n",
             dir_of("printer.bin"));
    char *conf = support_read(dir_of("kiosk.conf"), NULL);
    char *both = malloc(strlen(conf) + strlen(line) + 1);
    strcpy(both, conf);
    strcat(both, line);
    support_write(dir_of("kiosk.conf"), both, (size_t)-1);
    free(conf);
    free(both);
    int rc = kiosk_with(&out,
                        "tap Staff\n"
                        "type 482913\n"
                        "key enter\n"
                        "expect staff menu\n"
                        "expect staff-says \"(80mm): ready\"\n"
                        "tap \"Test print\"\n"
                        "await print 30\n"
                        "expect staff-says \"The test sheet printed.\"\n"
                        "expect staff menu\n",
                        "true");
    if (rc != 0)
        fail_msg("kiosk: %s", out);
    free(out);
    size_t len;
    char *bytes = support_read(dir_of("printer.bin"), &len);
    assert_non_null(bytes);
    EscposJob job;
    char err[200];
    if (!escpos_decode((unsigned char *)bytes, len, &job, err, sizeof err))
        fail_msg("%s", err);
    assert_int_equal(job.picture.w, 576); /* a whole 80 mm receipt */
    assert_true(job.picture.h > 800);
    assert_int_equal(job.cuts, 1);
    escpos_job_free(&job);
    free(bytes);
}

static void test_kiosk_exports_stats_only(void **state)
{
    (void)state;
    char *out;
    keys_and_config();
    stick_with("stranger", 0); /* any stick: exporting reads nothing from it */
    int rc = kiosk_with(&out,
                        "await stick 10\n"
                        "type 482913\n"
                        "key enter\n"
                        "expect staff result\n" /* the stranger's bundle, refused */
                        "tap \"Staff menu\"\n"
                        "expect staff menu\n"
                        "tap \"Export stats to the stick\"\n"
                        "expect staff result\n"
                        "expect staff-says \"Stats exported\"\n"
                        "expect staff-says \"safe to remove\"\n"
                        "tap Done\n"
                        "tap \"Touch to start\"\n",
                        "true");
    if (rc != 0)
        fail_msg("kiosk: %s", out);
    free(out);
    assert_int_equal(support_sh(&out,
                                "cd %s/media/STICK/career-kiosk/reports && cat *-stats.csv "
                                "*-referrals.csv && ls",
                                support_dir),
                     0);
    assert_non_null(strstr(out, "day,sessions,sheets_shown,sheets_printed"));
    assert_non_null(strstr(out, "month,mentor_id,mentor_name,organization,referrals"));
    assert_null(strstr(out, "-import.txt")); /* no import, no import report */
    free(out);
}

/* Four wrong PINs, a restart (a power cut is enough), one more: the lock
 * holds, and survives another restart; the right PIN does nothing. */
static void test_kiosk_pin_lock_survives_a_restart(void **state)
{
    (void)state;
    char *out;
    keys_and_config();
    int rc = kiosk_with(&out,
                        "tap Staff\n"
                        "repeat 4\n"
                        "type 9999\n"
                        "key enter\n"
                        "end\n"
                        "expect text \"That PIN is not right. 1 more try before a five-minute "
                        "lock.\"\n",
                        "true");
    if (rc != 0)
        fail_msg("kiosk (%d): %s", rc, out);
    free(out);
    rc = kiosk_with(&out,
                    "tap Staff\n"
                    "type 9999\n"
                    "key enter\n"
                    "expect text \"Too many wrong PINs. Try again in 5:00.\"\n",
                    "true");
    if (rc != 0)
        fail_msg("kiosk after a restart (%d): %s", rc, out);
    free(out);
    rc = kiosk_with(&out,
                    "tap Staff\n"
                    "expect text \"Too many wrong PINs. Try again in 5:00.\"\n"
                    "type 482913\n"
                    "key enter\n"
                    "expect staff pin\n",
                    "true");
    if (rc != 0)
        fail_msg("kiosk after a second restart (%d): %s", rc, out);
    assert_non_null(strstr(out, "still locked after wrong PINs"));
    free(out);
}

/* The item lines of the n-th `dump` in out (0 for the first) whose
 * label is one of labels, in order, into buf: what a test compares
 * between two dumps. */
static void dump_items(const char *out, int n, const char *const *labels, char *buf, size_t cap)
{
    const char *p = out;
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < n && p; i++) {
        p = strstr(p, "\nscreen ");
        p = p ? p + 1 : NULL;
    }
    assert_non_null(p);
    const char *end = strstr(p, "\nscreen ");
    assert_non_null(end);
    for (const char *line = p; line && line < end; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
        size_t len = strcspn(line, "\n");
        if (strncmp(line, "item ", 5) != 0)
            continue;
        const char *label = line;
        for (int f = 0; f < 5 && label; f++) /* "item x y w h " */
            label = strchr(label, ' '), label = label ? label + 1 : NULL;
        if (!label)
            continue;
        size_t llen = len - (size_t)(label - line);
        for (const char *const *l = labels; *l; l++)
            if (strlen(*l) == llen && strncmp(label, *l, llen) == 0) {
                used += (size_t)snprintf(buf + used, cap - used, "%.*s\n", (int)len, line);
                break;
            }
    }
}

/* The PIN pad's keys stay where they are when it says a PIN was wrong,
 * and when it locks. */
static void test_kiosk_pin_keys_never_move(void **state)
{
    (void)state;
    char *out, before[2000], wrong[2000], locked[2000];
    static const char *const keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "Delete", "0", "OK", "Cancel", NULL};
    keys_and_config();
    int rc = kiosk_with(&out,
                        "tap Staff\n"
                        "dump\n"
                        "type 1111\n"
                        "key enter\n"
                        "expect text \"That PIN is not right. 4 more tries before a five-minute "
                        "lock.\"\n"
                        "dump\n"
                        "repeat 4\n"
                        "type 9999\n"
                        "key enter\n"
                        "end\n"
                        "expect text \"Too many wrong PINs. Try again in 5:00.\"\n"
                        "dump\n",
                        "true");
    if (rc != 0)
        fail_msg("kiosk (%d): %s", rc, out);
    dump_items(out, 0, keys, before, sizeof before);
    dump_items(out, 1, keys, wrong, sizeof wrong);
    dump_items(out, 2, keys, locked, sizeof locked);
    assert_non_null(strstr(before, " OK\n"));
    assert_string_equal(before, wrong);
    assert_string_equal(before, locked);
    free(out);
}

/* Every run of five wrong PINs without a right one locks staff mode
 * longer, across restarts; the right PIN at last tells staff how many
 * wrong ones were tried and when, and starts the ladder again. */
static void test_kiosk_pin_lock_escalates(void **state)
{
    (void)state;
    char *out;
    keys_and_config();
    int rc = kiosk_with(&out,
                        "tap Staff\n"
                        "repeat 5\n"
                        "type 9999\n"
                        "key enter\n"
                        "end\n"
                        "expect text \"Too many wrong PINs. Try again in 5:00.\"\n"
                        "wait 300000\n"
                        "tap Staff\n"
                        "type 9999\n"
                        "key enter\n"
                        "expect text \"That PIN is not right. 4 more tries before a 15-minute "
                        "lock.\"\n",
                        "true");
    if (rc != 0)
        fail_msg("kiosk (%d): %s", rc, out);
    assert_non_null(strstr(out, "staff mode locked for 5 minutes"));
    free(out);
    /* a restart keeps the count: four more lock it for longer */
    rc = kiosk_with(&out,
                    "tap Staff\n"
                    "repeat 4\n"
                    "type 9999\n"
                    "key enter\n"
                    "end\n"
                    "expect text \"Too many wrong PINs. Try again in 15:00.\"\n",
                    "true");
    if (rc != 0)
        fail_msg("kiosk after a restart (%d): %s", rc, out);
    assert_non_null(strstr(out, "staff mode locked for 15 minutes"));
    free(out);
    /* and another keeps the longer lock; once it is over, the right PIN
     * gets in, with a notice of the ten wrong ones */
    rc = kiosk_with(&out,
                    "tap Staff\n"
                    "expect text \"Too many wrong PINs. Try again in 15:00.\"\n"
                    "wait 900000\n"
                    "tap Staff\n"
                    "type 482913\n"
                    "key enter\n"
                    "expect staff menu\n"
                    "expect staff-says \"10 wrong PINs were entered, the first at 2026-11-22\"\n"
                    "expect staff-says \"someone may be guessing the PIN\"\n"
                    "screenshot attempts\n",
                    "true");
    if (rc != 0)
        fail_msg("kiosk after a second restart (%d): %s", rc, out);
    assert_non_null(strstr(out, "staff entered after 10 wrong PINs"));
    free(out);
    /* the ladder starts again, and the next entry has nothing to tell */
    rc = kiosk_with(&out,
                    "tap Staff\n"
                    "type 9999\n"
                    "key enter\n"
                    "expect text \"That PIN is not right. 4 more tries before a five-minute "
                    "lock.\"\n"
                    "type 482913\n"
                    "key enter\n"
                    "expect staff menu\n"
                    "expect staff-says \"1 wrong PIN was entered since the last staff entry "
                    "(2026-11-22\"\n"
                    "tap \"Close staff mode\"\n"
                    "tap Staff\n"
                    "type 482913\n"
                    "key enter\n"
                    "expect staff menu\n"
                    "expect no-text \"wrong PIN\"\n",
                    "true");
    if (rc != 0)
        fail_msg("kiosk after a third restart (%d): %s", rc, out);
    free(out);
}

/* Whether a dump's item line is one of the progress steps (a step
 * already reached is a tap target): the stick banner stands in their
 * place while it shows, so they are not part of what must not move. */
static bool progress_step(const char *item)
{
    static const char *const steps[] = {" You", " Find", " Message", " Questions", " Take away"};
    size_t n = strlen(item);
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        size_t k = strlen(steps[i]);
        if (n > k && strcmp(item + n - k, steps[i]) == 0)
            return true;
    }
    return false;
}

/* The item lines of the n-th `dump` in out, less the stick banner and
 * the progress steps it stands in for. */
static void dump_all_but_banner(const char *out, int n, char *buf, size_t cap)
{
    const char *p = out;
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < n && p; i++) {
        p = strstr(p, "\nscreen ");
        p = p ? p + 1 : NULL;
    }
    assert_non_null(p);
    p = strstr(p, "item ");
    const char *end = p ? strstr(p, "\nscreen ") : NULL;
    assert_non_null(end);
    for (const char *line = p; line && line < end;) {
        size_t len = strcspn(line, "\n");
        char one[400];
        snprintf(one, sizeof one, "%.*s", (int)len, line);
        if (strncmp(one, "item ", 5) == 0 && !strstr(one, "staff USB stick") &&
            !progress_step(one))
            used += (size_t)snprintf(buf + used, cap - used, "%.*s\n", (int)len, line);
        line = line[len] ? line + len + 1 : NULL;
    }
}

/* A stick plugged in while a visitor is on Take away: staff get their
 * banner, and nothing the visitor sees moves or shrinks (the sheet's
 * code keeps its size and its parts). */
static void test_kiosk_stick_never_moves_a_visitor(void **state)
{
    (void)state;
    char *out, before[4000], after[4000];
    keys_and_config();
    stick_with("staff", BEFORE_KIOSK_TODAY);
    sh_ok("unmount", "fusermount -u %s%s", dir_of("media/STICK"), "");
    int rc = kiosk_with(&out,
                        "tap \"Touch to start\"\n"
                        "tap \"Skip this step\"\n"
                        "tap Search\n"
                        "type jose\n"
                        "tap Done\n"
                        "tap \"José García\"\n"
                        "tap \"Choose José\"\n"
                        "tap \"Next: pick questions\"\n"
                        "tap \"Next: take it with you\"\n"
                        "expect screen takeaway\n"
                        "dump\n"
                        "dump codes\n"
                        "screenshot no-stick\n"
                        "await stick 30\n"
                        "expect text \"A staff USB stick is plugged in. Staff: tap here.\"\n"
                        "dump\n"
                        "dump codes\n"
                        "screenshot stick\n",
                        /* the stick comes once the visitor is on Take away */
                        "for i in $(seq 300); do [ -e no-stick.png ] && break; sleep 0.1; done; "
                        "fusefat -o rw+ stick.img media/STICK >/dev/null || echo MOUNT-FAILED");
    if (rc != 0)
        fail_msg("kiosk: %s", out);
    assert_null(strstr(out, "MOUNT-FAILED"));
    dump_all_but_banner(out, 0, before, sizeof before);
    dump_all_but_banner(out, 1, after, sizeof after);
    assert_non_null(strstr(before, " QR code\n"));
    assert_string_equal(before, after);
    /* the codes: the same parts, versions and sizes, in both dumps */
    char heads[2][1000] = {"", ""};
    int dumps = 0;
    for (const char *line = out; line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
        if (strncmp(line, "screen ", 7) == 0)
            dumps++;
        else if (strncmp(line, "== code ", 8) == 0 && dumps >= 1 && dumps <= 2) {
            size_t n = strlen(heads[dumps - 1]);
            snprintf(heads[dumps - 1] + n, sizeof heads[0] - n, "%.*s\n",
                     (int)strcspn(line, "\n"), line);
        }
    }
    assert_non_null(strstr(heads[0], "== code sheet"));
    assert_string_equal(heads[0], heads[1]);
    free(out);
}

/* Staff put the previous list back at the kiosk: the staff screen
 * names the count it brings back, asks, and the directory is the list
 * from before the last import again. The admin CLI, meanwhile, refuses
 * to roll back under the running kiosk, and says where to do it. */
static void test_kiosk_puts_back_the_previous_list(void **state)
{
    (void)state;
    char *out, err[STORE_ERR];
    keys_and_config();
    bundle_csv(25, false); /* the list before: imported by hand */
    assert_int_equal(support_admin(&out, "--config %s import %s", dir_of("kiosk.conf"),
                                   dir_of("bundle/mentors.csv")),
                     0);
    free(out);
    bundle_csv(40, false); /* the stick's */
    sign_with("staff", "mentors.csv", BEFORE_KIOSK_TODAY);
    stick_mount(16);
    stick_put("mentors.csv");
    stick_put("mentors.csv.minisig");
    sh_ok("unmount", "fusermount -u %s%s", dir_of("media/STICK"), "");
    char then[1600];
    snprintf(then, sizeof then,
             "for i in $(seq 300); do [ -e up.png ] && break; sleep 0.1; done; "
             "%s --config kiosk.conf rollback >cli.txt 2>&1; echo \"exit $?\" >>cli.txt; "
             "fusefat -o rw+ stick.img media/STICK >/dev/null || echo MOUNT-FAILED",
             support_program("career-kiosk-admin"));
    int rc = kiosk_with(&out,
                        "screenshot up\n"
                        "await stick 60\n"
                        "type 482913\n"
                        "key enter\n"
                        "expect staff preview\n"
                        "tap \"Import 40 mentors\"\n"
                        "expect staff result\n"
                        "tap \"Staff menu\"\n"
                        "expect staff menu\n"
                        "tap \"Put back the previous list\"\n"
                        "expect staff rollback\n"
                        "expect text \"Put back 25 mentors\"\n"
                        "screenshot rollback\n"
                        "tap Cancel\n" /* nothing yet */
                        "expect staff menu\n"
                        "tap \"Put back the previous list\"\n"
                        "tap \"Put back 25 mentors\"\n"
                        "expect staff result\n"
                        "expect text \"Previous list put back\"\n"
                        "expect staff-says \"25 mentors are in the directory now\"\n"
                        "tap Done\n"
                        "expect staff off\n"
                        "tap \"Touch to start\"\n"
                        "expect screen about\n",
                        then);
    if (rc != 0)
        fail_msg("kiosk: %s", out);
    assert_null(strstr(out, "MOUNT-FAILED"));
    assert_non_null(strstr(out, "staff put back the previous list (25 mentors"));
    free(out);
    Store *s = store_open(dir_of("var/mentors.db"), err, sizeof err);
    assert_non_null(s);
    assert_int_equal(store_mentor_count(s), 25);
    store_close(s);
    char *cli = support_read(dir_of("cli.txt"), NULL);
    assert_non_null(cli);
    if (!strstr(cli, "put the previous list back on the kiosk's staff screen") ||
        strstr(cli, "exit 0"))
        fail_msg("the CLI's rollback under the running kiosk: %s", cli);
    free(cli);
}

/* A full disk at start-up, then a read-only file system: the kiosk
 * serves the directory it has, read-only, and tells staff; it neither
 * exits with "disk I/O error" nor refuses its config (exit 78). */
static void test_kiosk_rides_out_a_full_or_read_only_disk(void **state)
{
    (void)state;
    char *out, db[1100];
    keypair("staff");
    keypair("stranger");
    mkdir(dir_of("small"), 0755);
    sh_ok("mount tmpfs", "mount -t tmpfs -o size=%s tmpfs %s", "4M", dir_of("small"));
    snprintf(db, sizeof db, "%s", dir_of("small/mentors.db"));
    write_config(db);
    store_close(seeded(db));
    sh_ok("fill", "dd if=/dev/zero of=%s bs=4k 2>/dev/null; df %s >/dev/null", dir_of("small/fill"),
          dir_of("small"));
    static const char script[] =
        "expect text \"Staff: a notice\"\n"
        "tap \"Staff: a notice\"\n"
        "type 482913\n"
        "key enter\n"
        "expect staff menu\n"
        "expect staff-says \"The directory is shown read-only because %s\"\n"
        "tap \"Close staff mode\"\n"
        "tap \"Touch to start\"\n"
        "expect screen about\n"
        "tap \"Skip this step\"\n"
        "expect screen search\n"
        "tap Search\n"
        "type jose\n"
        "tap Done\n"
        "expect text \"José García\"\n";
    char text[1200];
    snprintf(text, sizeof text, script, "the disk is full");
    int rc = kiosk_with(&out, text, "true");
    if (rc != 0)
        fail_msg("kiosk on a full disk (%d): %s", rc, out);
    free(out);
    sh_ok("read-only", "rm %s && mount -o remount,ro %s", dir_of("small/fill"), dir_of("small"));
    snprintf(text, sizeof text, script, "its file system is read-only");
    rc = kiosk_with(&out, text, "true");
    if (rc != 0)
        fail_msg("kiosk on a read-only disk (%d): %s", rc, out);
    free(out);
}

/* Two sticks in: staff look at stick A's preview and pull A while B
 * stays in. The preview goes with A; B's own turn comes after. */
static void test_kiosk_preview_belongs_to_its_stick(void **state)
{
    (void)state;
    char *out;
    keys_and_config();
    stick_with("staff", BEFORE_KIOSK_TODAY); /* A: 20 mentors, at media/STICK */
    bundle_csv(30, false);
    sign_with("staff", "mentors.csv", BEFORE_KIOSK_TODAY + 60);
    sh_ok("stick B",
          "cd %s && truncate -s 16M other.img && mkfs.vfat -n OTHER other.img >/dev/null && "
          "mkdir -p media/OTHER && fusefat -o rw+ %s/other.img media/OTHER >/dev/null && "
          "mkdir media/OTHER/career-kiosk && cp bundle/mentors.csv bundle/mentors.csv.minisig "
          "media/OTHER/career-kiosk/",
          support_dir, support_dir);
    int rc = kiosk_with(&out,
                        "await stick 10\n"
                        "type 482913\n"
                        "key enter\n"
                        "expect staff preview\n"
                        "expect text \"Import 20 mentors\"\n"
                        "screenshot at-preview\n"
                        "await stick-change 20\n" /* A is pulled: B is still in */
                        "expect staff result\n"
                        "expect text \"The stick was removed\"\n"
                        "expect staff-says \"Nothing was changed\"\n"
                        "expect no-text \"Import 20 mentors\"\n",
                        /* pulled once the preview shows and the script waits for it */
                        "for i in $(seq 600); do [ -e at-preview.png ] && break; sleep 0.1; "
                        "done; sleep 1; fusermount -u media/STICK");
    if (rc != 0)
        fail_msg("kiosk: %s", out);
    free(out);
    char err[STORE_ERR];
    Store *s = store_open(dir_of("var/mentors.db"), err, sizeof err);
    assert_int_equal(store_mentor_count(s), 160); /* neither A's nor B's list came in */
    store_close(s);
}

/* A big bundle: the copy, the check and the import run off the main
 * loop, which keeps ticking and drawing the copy's progress meanwhile
 * (in a real window it feeds the service watchdog the same way). */
static void test_kiosk_big_bundle_keeps_the_loop_going(void **state)
{
    (void)state;
    char *out;
    keys_and_config();
    bundle_big(30000); /* about 10 MB */
    sign_with("staff", "mentors.csv", BEFORE_KIOSK_TODAY);
    stick_mount(48);
    stick_put("mentors.csv");
    stick_put("mentors.csv.minisig");
    int rc = kiosk_with(&out,
                        "await stick 10\n"
                        "type 482913\n"
                        "key enter\n"
                        "expect staff preview\n"
                        "expect text \"Import 30000 mentors\"\n"
                        "tap \"Import 30000 mentors\"\n"
                        "expect staff result\n"
                        "expect staff-says \"30000 mentors are in the directory now\"\n",
                        "true");
    if (rc != 0)
        fail_msg("kiosk: %s", out);
    /* two pieces of work (copy and check; import), each with the loop going */
    int works = 0;
    for (const char *p = out; (p = strstr(p, "the main loop ticked ")); p++) {
        long ticks = atol(p + strlen("the main loop ticked "));
        if (ticks < 3)
            fail_msg("the main loop ticked only %ld times while staff work ran: %s", ticks, out);
        print_message("staff work %d: the main loop ticked %ld times\n", works + 1, ticks);
        works++;
    }
    if (works != 2)
        fail_msg("expected the check and the import on the worker, saw %d: %s", works, out);
    free(out);
}

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "the bundle code hung on a file of the stick\n";
    if (write(2, msg, sizeof msg - 1) < 0) {
    }
    _exit(3);
}

/* A stranger's stick that is not FAT (a configured root allows it):
 * a FIFO named mentors.csv, a symbolic link for it, and a reports
 * folder that is a link elsewhere. Each is refused with what it is; the
 * kiosk never blocks on the FIFO and never writes through the link. */
static void test_odd_files_on_a_stick(void **state)
{
    (void)state;
    Config cfg;
    Bundle b;
    char err[300], written[400];
    keys_and_config();
    config_read(&cfg);
    Store *s = seeded(dir_of("var/mentors.db"));
    bundle_csv(10, false);
    sign_with("staff", "mentors.csv", 1800000100);
    sh_ok("stick", "mkdir -p %s/career-kiosk %s", dir_of("media/STICK"), dir_of("elsewhere"));
    sh_ok("sig", "cp %s %s/career-kiosk/", dir_of("bundle/mentors.csv.minisig"),
          dir_of("media/STICK"));
    signal(SIGALRM, on_alarm);
    alarm(20);
    /* a FIFO: would block open() for ever */
    sh_ok("fifo", "mkfifo %s/career-kiosk/mentors.csv%s", dir_of("media/STICK"), "");
    assert_int_equal(try_bundle(&cfg, s, &b), BUNDLE_DATA);
    assert_non_null(strstr(b.reason, "a pipe (FIFO), not a regular file"));
    bundle_free(&b);
    /* a link to a file elsewhere */
    sh_ok("link", "rm %s/career-kiosk/mentors.csv && ln -s /etc/passwd %s/career-kiosk/mentors.csv",
          dir_of("media/STICK"), dir_of("media/STICK"));
    assert_int_equal(try_bundle(&cfg, s, &b), BUNDLE_DATA);
    assert_non_null(strstr(b.reason, "a symbolic link, not a regular file"));
    bundle_free(&b);
    alarm(0);
    /* reports/ a link out of the stick: nothing is written through it */
    sh_ok("reports", "ln -s %s %s/career-kiosk/reports", dir_of("elsewhere"),
          dir_of("media/STICK"));
    assert_false(bundle_write_stats(dir_of("media/STICK"), "2027-01-15-100000", s, written,
                                    sizeof written, err, sizeof err));
    assert_non_null(strstr(err, "career-kiosk/reports on the stick is a symbolic link"));
    char *out;
    assert_int_equal(support_sh(&out, "ls -A %s | wc -l", dir_of("elsewhere")), 0);
    assert_int_equal(atoi(out), 0);
    free(out);
    /* a real folder, with a planted link where a report goes: replaced, not followed */
    sh_ok("reports", "rm %s/career-kiosk/reports && mkdir %s/career-kiosk/reports",
          dir_of("media/STICK"), dir_of("media/STICK"));
    sh_ok("plant", "ln -s %s/planted %s/career-kiosk/reports/2027-01-15-100000-stats.csv.part",
          dir_of("elsewhere"), dir_of("media/STICK"));
    assert_true(bundle_write_stats(dir_of("media/STICK"), "2027-01-15-100000", s, written,
                                   sizeof written, err, sizeof err));
    assert_int_not_equal(access(dir_of("elsewhere/planted"), F_OK), 0);
    store_close(s);
}

/* --- the inbox: what is chosen, what is read --- */

/* dir/bundle (n mentors, signed at `at`) copied as dir/inbox/name. */
static void inbox_put(const char *name, int n, long long at)
{
    char cmd[1200];
    bundle_csv(n, false);
    sign_with("staff", "mentors.csv", at);
    snprintf(cmd, sizeof cmd, "mkdir -p %s && rm -rf %s/%s && cp -r %s %s/%s", dir_of("inbox"),
             dir_of("inbox"), name, dir_of("bundle"), dir_of("inbox"), name);
    sh_ok("inbox", "%s%s", cmd, "");
}

/* The inbox's choice with imported_at and seen, "" for none. */
static void pick(const Config *cfg, long long imported_at, const char *seen, BundlePick *out)
{
    BundlePicking p;
    bundle_pick_start(&p, dir_of("inbox"), &cfg->trust, imported_at, seen);
    assert_true(inbox_each(dir_of("inbox"), bundle_pick_consider, &p));
    if (!bundle_pick_end(&p, out))
        out->path[0] = '\0';
}

static const char *base(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* The newest bundle is the latest signed one among those a trusted key
 * signed: not the greatest name, not an empty folder, not a folder whose
 * signature claims a later date it was not signed with. */
static void test_inbox_newest_is_the_latest_signed(void **state)
{
    (void)state;
    Config cfg;
    BundlePick got;
    keys_and_config();
    config_read(&cfg);
    inbox_put("20261122T000000Z", 12, BEFORE_KIOSK_TODAY);        /* the latest signed */
    inbox_put("20261122T230000Z", 10, BEFORE_KIOSK_TODAY - 7200); /* a later name, older */
    sh_ok("empty", "mkdir -p %s/zz-empty%s", dir_of("inbox"), "");
    /* a later date written into a real signature's trusted comment */
    inbox_put("zz-forged", 11, BEFORE_KIOSK_TODAY - 3600);
    sh_ok("forging", "sed -i 's/timestamp:[0-9]*/timestamp:1795400000/' %s/zz-forged/%s",
          dir_of("inbox"), "mentors.csv.minisig");
    /* a stranger's signature, dated later still */
    bundle_csv(9, false);
    sign_with("stranger", "mentors.csv", BEFORE_KIOSK_TODAY + 600);
    sh_ok("stranger", "cp -r %s %s/zz-stranger", dir_of("bundle"), dir_of("inbox"));
    /* a link to a signed folder elsewhere is no folder of the inbox's */
    sh_ok("link", "ln -s %s %s/zzz-link", dir_of("bundle"), dir_of("inbox"));
    pick(&cfg, 0, "", &got);
    assert_string_equal(base(got.path), "20261122T000000Z");
    assert_true(got.signed_at == BEFORE_KIOSK_TODAY);
    /* dealt with: the next signed one, while it is newer than the import */
    char seen[BUNDLE_SEEN_MAX] = "";
    bundle_seen_add(seen, sizeof seen, got.id);
    pick(&cfg, BEFORE_KIOSK_TODAY - 10000, seen, &got);
    assert_string_equal(base(got.path), "20261122T230000Z");
    /* nothing signed later than the import: the greatest name, once, so
     * its refusal tells staff why */
    pick(&cfg, BEFORE_KIOSK_TODAY, seen, &got);
    assert_string_equal(base(got.path), "zz-stranger");
    assert_true(got.signed_at == 0);
    bundle_seen_add(seen, sizeof seen, got.id);
    assert_true(bundle_seen_has(seen, got.id));
    pick(&cfg, BEFORE_KIOSK_TODAY, seen, &got);
    assert_string_equal(got.path, "");
    /* the list of dealt-with bundles keeps the latest ones, no repeats */
    char list[BUNDLE_SEEN_MAX] = "";
    for (int i = 0; i < 40; i++) {
        char id[40];
        snprintf(id, sizeof id, "b%d:%d:1", i % 20, i);
        bundle_seen_add(list, sizeof list, id);
    }
    assert_true(bundle_seen_has(list, "b19:39:1"));
    assert_true(bundle_seen_has(list, "b4:24:1"));
    assert_false(bundle_seen_has(list, "b3:23:1"));
    assert_false(bundle_seen_has(list, "b19:39"));
}

static int swaps;

/* After the first file is copied, the bundle's folder is swapped for a
 * link to another signed bundle. */
static void swap_folder(void *ctx, long long done, long long total)
{
    (void)done;
    (void)total;
    char cmd[3000];
    const char *folder = ctx;
    if (swaps++ == 0) {
        snprintf(cmd, sizeof cmd, "mv %s %s.away && ln -s %s %s", folder, folder, dir_of("other"),
                 folder);
        sh_ok("swap", "%s%s", cmd, "");
    }
}

/* A bundle's folder is opened once, never through a link: a folder that
 * is a link, or files that are, are refused with what they are, and a
 * folder swapped for a link mid-copy does not redirect the reads. */
static void test_inbox_links_never_followed(void **state)
{
    (void)state;
    Config cfg;
    Bundle b = {0};
    char copy[1200];
    keys_and_config();
    config_read(&cfg);
    inbox_put("real", 12, BEFORE_KIOSK_TODAY);
    inbox_put("other-bundle", 5, BEFORE_KIOSK_TODAY + 60);
    sh_ok("other", "mv %s/other-bundle %s", dir_of("inbox"), dir_of("other"));
    /* the folder itself a link */
    sh_ok("link", "ln -s %s %s/linked", dir_of("other"), dir_of("inbox"));
    assert_false(bundle_fetch_inbox(&b, dir_of("inbox/linked"), dir_of("var/incoming"),
                                    dir_of("outbox"), NULL, NULL));
    assert_int_equal(b.status, BUNDLE_DATA);
    assert_non_null(strstr(b.reason, "is a symbolic link, not a folder"));
    assert_non_null(strstr(b.reason, "inbox/linked"));
    bundle_free(&b);
    /* a file in it a link */
    sh_ok("file link", "cp -r %s %s/files-linked", dir_of("inbox/real"), dir_of("inbox"));
    sh_ok("file link", "cd %s && rm mentors.csv && ln -s %s/mentors.csv mentors.csv",
          dir_of("inbox/files-linked"), dir_of("other"));
    assert_false(bundle_fetch_inbox(&b, dir_of("inbox/files-linked"), dir_of("var/incoming"),
                                    dir_of("outbox"), NULL, NULL));
    assert_int_equal(b.status, BUNDLE_DATA);
    assert_non_null(strstr(b.reason, "mentors.csv in the inbox is a symbolic link"));
    bundle_free(&b);
    /* the stick's career-kiosk folder a link */
    char cmd[3000];
    snprintf(cmd, sizeof cmd, "mkdir -p %s && cd %s && ln -s %s career-kiosk",
             dir_of("media/LINKED"), dir_of("media/LINKED"), dir_of("other"));
    sh_ok("stick", "%s%s", cmd, "");
    assert_false(bundle_fetch(&b, dir_of("media/LINKED"), dir_of("var/incoming"), NULL, NULL));
    assert_int_equal(b.status, BUNDLE_DATA);
    assert_non_null(strstr(b.reason, "career-kiosk on the stick is a symbolic link, not a folder"));
    bundle_free(&b);
    /* swapped for a link while it is copied: every file still comes from
     * the folder that was opened */
    char real[1200], spool[1200], outbox[1200];
    snprintf(real, sizeof real, "%s", dir_of("inbox/real"));
    snprintf(spool, sizeof spool, "%s", dir_of("var/incoming"));
    snprintf(outbox, sizeof outbox, "%s", dir_of("outbox"));
    swaps = 0;
    assert_true(bundle_fetch_inbox(&b, real, spool, outbox, swap_folder, real));
    assert_true(swaps > 0);
    snprintf(copy, sizeof copy, "%s", dir_of("var/incoming/mentors.csv"));
    assert_int_equal(support_sh(NULL, "cmp -s %s %s/mentors.csv", copy, dir_of("inbox/real.away")),
                     0);
    assert_true(bundle_check(&b, &cfg.trust, 0, 2026));
    assert_int_equal(b.preview.accepted, 12);
    bundle_free(&b);
}

/* A full disk while a bundle is copied says so, whichever write finds it. */
static void test_disk_full_during_copy(void **state)
{
    (void)state;
    Bundle b = {0};
    keys_and_config();
    bundle_big(6000); /* about 2 MB */
    sign_with("staff", "mentors.csv", BEFORE_KIOSK_TODAY);
    mkdir(dir_of("tiny"), 0755);
    sh_ok("mount tmpfs", "mount -t tmpfs -o size=%s tmpfs %s", "256k", dir_of("tiny"));
    bool ok = bundle_fetch_inbox(&b, dir_of("bundle"), dir_of("tiny/incoming"), dir_of("outbox"),
                                 NULL, NULL);
    support_sh(NULL, "umount %s", dir_of("tiny"));
    assert_false(ok);
    assert_int_equal(b.status, BUNDLE_DISK);
    if (!strstr(b.reason, "The kiosk's disk is full: its copy of mentors.csv did not fit."))
        fail_msg("%s", b.reason);
    bundle_free(&b);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_mount_table_watch, support_dir_setup, teardown),
    cmocka_unit_test_setup_teardown(test_signed_bundle_from_fat_stick, support_dir_setup, teardown),
    cmocka_unit_test_setup_teardown(test_refusals_change_nothing, support_dir_setup, teardown),
    cmocka_unit_test_setup_teardown(test_odd_files_on_a_stick, support_dir_setup, teardown),
    cmocka_unit_test_setup_teardown(test_stick_pulled_mid_copy, support_dir_setup, teardown),
    cmocka_unit_test_setup_teardown(test_inbox_newest_is_the_latest_signed, support_dir_setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_inbox_links_never_followed, support_dir_setup, teardown),
    cmocka_unit_test_setup_teardown(test_disk_full_during_copy, support_dir_setup, teardown),
    cmocka_unit_test_setup_teardown(test_disk_full_during_import, support_dir_setup, teardown),
    cmocka_unit_test_setup_teardown(test_killed_import_leaves_old_or_new, support_dir_setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_damaged_directory_restored, support_dir_setup, teardown),
    cmocka_unit_test_setup_teardown(test_kiosk_imports_a_stick, support_dir_setup, teardown),
    cmocka_unit_test_setup_teardown(test_kiosk_refuses_a_strangers_stick, support_dir_setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_kiosk_pin_locks_after_five_tries, support_dir_setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_kiosk_pin_lock_survives_a_restart, support_dir_setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_kiosk_pin_keys_never_move, support_dir_setup, teardown),
    cmocka_unit_test_setup_teardown(test_kiosk_puts_back_the_previous_list, support_dir_setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_kiosk_stick_never_moves_a_visitor, support_dir_setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_kiosk_pin_lock_escalates, support_dir_setup, teardown),
    cmocka_unit_test_setup_teardown(test_kiosk_preview_belongs_to_its_stick, support_dir_setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_kiosk_big_bundle_keeps_the_loop_going, support_dir_setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_kiosk_rides_out_a_full_or_read_only_disk,
                                    support_dir_setup, teardown),
    cmocka_unit_test_setup_teardown(test_kiosk_tells_staff_after_a_restart, support_dir_setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_kiosk_stick_pulled_at_preview, support_dir_setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_kiosk_staff_test_print, support_dir_setup, teardown),
    cmocka_unit_test_setup_teardown(test_kiosk_exports_stats_only, support_dir_setup, teardown),
};

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    if (getenv("CK_TEST_FILTER")) /* one test while working on it: CK_TEST_FILTER='*pin*' */
        cmocka_set_test_filter(getenv("CK_TEST_FILTER"));
    return cmocka_run_group_tests(tests, NULL, NULL);
}
