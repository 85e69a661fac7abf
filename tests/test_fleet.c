/* A fleet fed from one place, with real parts: a signed bundle (the real
 * minisign, encrypted with Debian's age) served over HTTPS on the loopback
 * (Python's http.server behind TLS, with Basic authentication and PUT for
 * the outbox) and by an rsync daemon; the fetch unit's own script
 * (platform/deploy/career-kiosk-fetch.in) filling the inbox with curl and
 * rsync and pushing the outbox back; the real kiosk running headless with
 * inbox = auto (waiting for a visitor to finish) and inbox = staff; bad
 * bundles changing nothing; the outboxes of two kiosks merged with
 * career-kiosk-admin stats-merge. Scratch files live under the build
 * folder, never in /tmp (the privacy test searches /tmp). */
#include "support.h"

#include "directory/store.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Signed before the headless kiosk's day (--today 2026-11-22, noon). */
#define SIGNED_AT 1795338000LL /* 2026-11-22 09:00 UTC */

static char repo[1024];

/* The end of a long log, where the kiosk says what went wrong. */
static const char *tail(const char *log)
{
    size_t n = strlen(log);
    return n > 700 ? log + n - 700 : log;
}

static const char *at(const char *name)
{
    return support_path(support_dir, name);
}

static void sh_ok(const char *what, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sh_ok(const char *what, const char *fmt, ...)
{
    char cmd[6000], *out;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    int rc = support_sh(&out, "cd %s && { %s ; } 2>&1", support_dir, cmd);
    if (rc != 0)
        fail_msg("%s failed (%d): %s", what, rc, out);
    free(out);
}

/* A fresh folder under the build folder for each test. */
static int setup(void **state)
{
    (void)state;
    char tmpl[1200];
    const char *build = getenv("CK_BUILD_DIR") ? getenv("CK_BUILD_DIR") : "build/tmp";
    support_sh(NULL, "mkdir -p %s", build);
    bool rel = build[0] != '/';
    snprintf(tmpl, sizeof tmpl, "%s%s%s/fleet-XXXXXX", rel ? repo : "", rel ? "/" : "", build);
    char *d = mkdtemp(tmpl);
    assert_non_null(d);
    support_dir = strdup(d);
    return 0;
}

static int teardown(void **state)
{
    char *out;
    /* the servers this test started, by the pids they left */
    support_sh(&out,
               "cd %s && for p in server.pid rsyncd.pid; do [ -s $p ] && kill $(cat $p) "
               "2>/dev/null; done; true",
               support_dir);
    free(out);
    return support_dir_teardown(state);
}

/* minisign key pairs staff and stranger; the kiosk's age key. */
static void keys(void)
{
    sh_ok("minisign -G", "minisign -G -W -p staff.pub -s staff.key >/dev/null && "
                         "minisign -G -W -p stranger.pub -s stranger.key >/dev/null && "
                         "age-keygen -o age.key 2>/dev/null && chmod 600 age.key");
}

static void pubkey(char *out, size_t cap)
{
    char *pub = support_read(at("staff.pub"), NULL);
    assert_non_null(pub);
    char *line = strchr(pub, '\n');
    assert_non_null(line);
    snprintf(out, cap, "%.*s", (int)strcspn(line + 1, "\r\n"), line + 1);
    free(pub);
}

/* dir/bundle/mentors.csv: the sample's first n mentors, signed by key at
 * the time given. */
static void bundle(int n, const char *key, long long when)
{
    sh_ok("making the bundle",
          "mkdir -p bundle && rm -f bundle/* && head -%d %s/assets/mentors.sample.csv > "
          "bundle/mentors.csv && minisign -S -s %s.key -m bundle/mentors.csv -t "
          "'timestamp:%lld file:mentors.csv' </dev/null >/dev/null",
          n + 1, repo, key, when);
}

/* The kiosk's settings: the staff key trusted, PIN 482913, its data in
 * dir/<kiosk>/, the inbox and outbox there too. */
static void kiosk_conf(const char *kiosk, const char *mode, bool age)
{
    char key[200], conf[3000], *out;
    pubkey(key, sizeof key);
    sh_ok("kiosk folders", "mkdir -p %s/var %s/inbox %s/outbox %s/state", kiosk, kiosk, kiosk,
          kiosk);
    snprintf(
        conf, sizeof conf,
        "[office]\nname = Hillside Career Center\n[directory]\ndatabase = %s/%s/var/mentors.db\n"
        "[bundles]\nroots = %s/media\ntrusted_key = %s Career office laptop\n"
        "inbox = %s\ninbox_dir = %s/%s/inbox\noutbox_dir = %s/%s/outbox\nkiosk_id = %s\n"
        "stale_days = 30\n%s%s%s",
        support_dir, kiosk, support_dir, key, mode, support_dir, kiosk, support_dir, kiosk, kiosk,
        age ? "age_identity = " : "", age ? at("age.key") : "", age ? "\n" : "");
    char path[1200];
    snprintf(path, sizeof path, "%s/%s/kiosk.conf", support_dir, kiosk);
    support_write(path, conf, (size_t)-1);
    assert_int_equal(support_admin(&out, "--config %s set-pin <<EOF\n482913\nEOF", path), 0);
    free(out);
}

/* The fetch's settings for kiosk, from source to push. */
static void fetch_conf(const char *kiosk, const char *source, const char *push)
{
    char conf[2000], path[1200];
    snprintf(conf, sizeof conf,
             "SOURCE=%s\nPUSH=%s\nCACERT=%s\nINBOX=%s/%s/inbox\nOUTBOX=%s/%s/outbox\n"
             "CONNECT_TIMEOUT=5\nMAX_TIME=30\n",
             source, push, at("cert.pem"), support_dir, kiosk, support_dir, kiosk);
    snprintf(path, sizeof path, "%s/%s/fetch.conf", support_dir, kiosk);
    support_write(path, conf, (size_t)-1);
}

/* Runs the fetch unit's command for kiosk (netrc: with the password);
 * its output in *out. */
static int fetch(const char *kiosk, bool netrc, char **out)
{
    return support_sh(out,
                      "cd %s && CAREER_KIOSK_FETCH_CONF=%s/fetch.conf "
                      "CAREER_KIOSK_FETCH_STATE=%s/state FETCH_NETRC=%s sh "
                      "%s/platform/deploy/career-kiosk-fetch.in 2>&1",
                      support_dir, kiosk, kiosk, netrc ? at("netrc") : "", repo);
}

/* Runs the kiosk of that name headless on script, its clock on day;
 * its log in *out. */
static int kiosk_run_on(const char *kiosk, const char *day, const char *script, char **out)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/%s/script.txt", support_dir, kiosk);
    support_write(path, script, (size_t)-1);
    return support_sh(out,
                      "cd %s/%s && %s --config kiosk.conf --headless --size 1280x800 --script "
                      "script.txt --today %s 2>&1",
                      support_dir, kiosk, support_program("career-kiosk"), day);
}

static int kiosk_run(const char *kiosk, const char *script, char **out)
{
    return kiosk_run_on(kiosk, "2026-11-22", script, out);
}

static int mentors_of(const char *kiosk)
{
    char db[1200], err[STORE_ERR];
    snprintf(db, sizeof db, "%s/%s/var/mentors.db", support_dir, kiosk);
    Store *s = store_open(db, err, sizeof err);
    if (!s)
        fail_msg("%s", err);
    int n = store_mentor_count(s);
    store_close(s);
    return n;
}

/* What the shell command prints (run in dir), malloc'd. */
static char *sh_out(const char *fmt, const char *a, const char *b)
{
    char cmd[3000], *out;
    snprintf(cmd, sizeof cmd, fmt, a, b);
    support_sh(&out, "cd %s && %s", support_dir, cmd);
    return out;
}

/* A self-signed certificate for 127.0.0.1 and the HTTPS server over
 * dir/www, with the password s3cret; returns its port. */
static int https_server(void)
{
    sh_ok("certificate",
          "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "
          "cert.key -out cert.pem -days 2 -subj /CN=127.0.0.1 -addext "
          "subjectAltName=IP:127.0.0.1 2>/dev/null && mkdir -p www/bundle www/outbox && "
          "printf 'machine 127.0.0.1 login kiosk password s3cret\\n' > netrc && chmod 600 netrc");
    sh_ok("server",
          "python3 %s/tests/fixtures/https_dav.py www cert.pem cert.key kiosk:s3cret "
          "port >server.log 2>&1 & echo $! > server.pid",
          repo);
    for (int i = 0; i < 200; i++) {
        char *port = support_read(at("port"), NULL);
        if (port) {
            int p = atoi(port);
            free(port);
            return p;
        }
        struct timespec nap = {0, 50 * 1000000L};
        nanosleep(&nap, NULL);
    }
    fail_msg("the HTTPS server did not start");
    return 0;
}

/* The one bundle folder in kiosk's inbox, or "" (out: 300 bytes). */
static void inbox_folder(const char *kiosk, char *out)
{
    char *ls = sh_out("ls %s/inbox", kiosk, "");
    snprintf(out, 300, "%.*s", (int)strcspn(ls, "\n"), ls);
    free(ls);
}

/* --- the whole way, over HTTPS --- */

static void test_https_fetch_then_auto_import_after_the_visitor(void **state)
{
    (void)state;
    char *out, url[200], push[200], folder[300], again[300];
    keys();
    int port = https_server();
    /* the office signs the export and encrypts it to the kiosk's key: the
     * server never holds the directory in the clear */
    bundle(30, "staff", SIGNED_AT);
    sh_ok("encrypting", "age -r $(age-keygen -y age.key) -o www/bundle/mentors.csv.age "
                        "bundle/mentors.csv && cp bundle/mentors.csv.minisig www/bundle/");
    kiosk_conf("lib-1", "auto", true);
    snprintf(url, sizeof url, "https://127.0.0.1:%d/bundle/", port);
    snprintf(push, sizeof push, "https://127.0.0.1:%d/outbox/", port);
    fetch_conf("lib-1", url, push);

    /* the fetch fills the inbox with one whole bundle folder */
    int rc = fetch("lib-1", true, &out);
    if (rc != 0)
        fail_msg("fetch: %s", out);
    free(out);
    inbox_folder("lib-1", folder);
    assert_true(folder[0] != '\0' && folder[0] != '.');
    out = sh_out("ls -A lib-1/inbox/%s | tr '\\n' ' '", folder, "");
    assert_string_equal(out, "mentors.csv.age mentors.csv.minisig ");
    free(out);
    /* unchanged on the server: not fetched again (304), no new folder */
    rc = fetch("lib-1", true, &out);
    if (rc != 0)
        fail_msg("fetch again: %s", out);
    free(out);
    inbox_folder("lib-1", again);
    assert_string_equal(again, folder);
    out = sh_out("grep -c 'GET /bundle/mentors.csv.age HTTP/1.1\" 304' server.log", "", "");
    assert_int_equal(atoi(out), 1);
    free(out);

    /* a visitor is mid-session when the kiosk sees the bundle: it waits
     * for them to finish (here, the idle wipe), then imports by itself */
    rc = kiosk_run("lib-1",
                   "tap \"Touch to start\"\n"
                   "tap \"Your first name\"\n"
                   "type Quillon\n"
                   "key enter\n"
                   "await inbox 10\n"
                   "wait 3000\n"
                   "expect screen about\n"
                   "expect staff off\n"
                   "expect field \"Your first name\" = Quillon\n"
                   "expect staff-says \"/inbox/\"\n"
                   "wait 110000\n"
                   "await inbox-done 60\n"
                   "expect screen welcome\n"
                   "expect staff off\n",
                   &out);
    if (rc != 0)
        fail_msg("kiosk: %s", tail(out));
    assert_non_null(strstr(out, "no visitor is mid-session: taking the inbox's bundle"));
    assert_non_null(strstr(out, "imported 30 mentors"));
    free(out);
    assert_int_equal(mentors_of("lib-1"), 30);
    /* the same report a stick gets, in the outbox, named for the fleet */
    out = sh_out("cat lib-1/outbox/lib-1-2026-11-22-*-import.txt && head -1 "
                 "lib-1/outbox/lib-1-2026-11-22-stats.csv",
                 "", "");
    assert_non_null(strstr(out, "Result: imported 30 mentors."));
    assert_non_null(strstr(out, "From: the inbox"));
    assert_non_null(strstr(out, "(encrypted, mentors.csv.age)"));
    assert_non_null(strstr(out, "Career office laptop"));
    assert_non_null(strstr(out, "day,sessions,sheets_shown,sheets_printed"));
    free(out);
    /* the plain export is nowhere on the kiosk's disk after the import,
     * and the visitor's words nowhere at all */
    out = sh_out("ls lib-1/var/incoming 2>/dev/null; grep -rl Quillon www lib-1/var lib-1/inbox "
                 "lib-1/outbox lib-1/state; true",
                 "", "");
    assert_string_equal(out, "");
    free(out);

    /* the outbox goes back with curl -T, with the password from netrc */
    rc = fetch("lib-1", true, &out);
    if (rc != 0)
        fail_msg("push: %s", out);
    free(out);
    out = sh_out("ls www/outbox | tr '\\n' ' '", "", "");
    assert_non_null(strstr(out, "lib-1-2026-11-22-stats.csv"));
    assert_non_null(strstr(out, "lib-1-2026-11-22-referrals.csv"));
    assert_non_null(strstr(out, "-import.txt"));
    free(out);
    assert_int_equal(support_sh(NULL,
                                "cmp -s %s/lib-1/outbox/lib-1-2026-11-22-stats.csv "
                                "%s/www/outbox/lib-1-2026-11-22-stats.csv",
                                support_dir, support_dir),
                     0);
    /* without the password the server refuses, and the fetch says so */
    rc = fetch("lib-1", false, &out);
    assert_int_not_equal(rc, 0);
    free(out);
    out = sh_out("grep -c '\" 401 ' server.log", "", "");
    assert_true(atoi(out) >= 1);
    free(out);
}

/* --- nothing unsigned changes anything --- */

/* Puts dir/bundle into lib-1's inbox as name (renamed in whole). */
static void drop(const char *name)
{
    sh_ok("dropping a bundle",
          "rm -rf lib-1/inbox/.new && cp -r bundle lib-1/inbox/.new && mv -T "
          "lib-1/inbox/.new lib-1/inbox/%s",
          name);
}

/* The kiosk deals with what the inbox holds; says how in *out. */
static void kiosk_takes(char **out)
{
    int rc = kiosk_run("lib-1", "await inbox-done 60\nexpect staff off\n", out);
    if (rc != 0)
        fail_msg("kiosk: %s", tail(*out));
    assert_non_null(strstr(*out, "a bundle came into the inbox"));
}

static char *last_report(void)
{
    return sh_out("cat $(ls -t lib-1/outbox/*-import.txt | head -1)", "", "");
}

static void refused(const char *name, const char *why)
{
    char *out;
    /* staff see why too, on the staff screen */
    int rc = kiosk_run("lib-1",
                       "await inbox-done 60\nexpect staff off\nexpect text \"Staff: a notice\"\n"
                       "expect staff-says \"The last bundle from the inbox was not imported\"\n",
                       &out);
    if (rc != 0)
        fail_msg("kiosk, bundle %s: %s", name, tail(out));
    assert_non_null(strstr(out, "a bundle came into the inbox"));
    free(out);
    assert_int_equal(mentors_of("lib-1"), 20);
    out = last_report();
    if (!strstr(out, "Result: NOT IMPORTED. The directory was not changed.") || !strstr(out, why))
        fail_msg("bundle %s: the report does not say \"%s\":\n%s", name, why, out);
    free(out);
}

static void test_bad_bundles_change_nothing(void **state)
{
    (void)state;
    char *out;
    keys();
    kiosk_conf("lib-1", "auto", false);
    bundle(20, "staff", SIGNED_AT - 7200);
    drop("20261122T070000Z");
    kiosk_takes(&out);
    free(out);
    assert_int_equal(mentors_of("lib-1"), 20);

    /* unsigned */
    bundle(25, "staff", SIGNED_AT);
    sh_ok("unsigning", "rm bundle/mentors.csv.minisig");
    drop("20261122T080000Z");
    refused("unsigned", "mentors.csv is not signed");
    /* tampered with after signing */
    bundle(25, "staff", SIGNED_AT);
    sh_ok("tampering", "sed -n 30p %s/assets/mentors.sample.csv >> bundle/mentors.csv", repo);
    drop("20261122T080100Z");
    refused("tampered", "the file was changed after it was signed");
    /* a stranger's key */
    bundle(25, "stranger", SIGNED_AT);
    drop("20261122T080200Z");
    refused("stranger's", "a key this kiosk does not trust");
    /* older than the one imported: no rolling back */
    bundle(25, "staff", SIGNED_AT - 9000);
    drop("20261122T080300Z");
    refused("old", "before the one already imported");

    /* half-written: a folder still being filled, a temporary name, a loose
     * file: ignored, although what they hold is good and newer */
    sh_ok("reports so far", "ls lib-1/outbox > reports.before");
    bundle(25, "staff", SIGNED_AT);
    sh_ok("half-written", "cp -r bundle lib-1/inbox/.incoming-20261122T090000Z && cp -r bundle "
                          "lib-1/inbox/20261122T090100Z.part && cp bundle/mentors.csv "
                          "lib-1/inbox/ && ln -s $PWD/bundle lib-1/inbox/20261122T090200Z");
    int rc = kiosk_run("lib-1", "wait 3000\nexpect staff off\n", &out);
    if (rc != 0)
        fail_msg("kiosk: %s", tail(out));
    assert_null(strstr(out, "a bundle came into the inbox"));
    free(out);
    assert_int_equal(mentors_of("lib-1"), 20);
    assert_int_equal(
        support_sh(NULL, "cd %s && ls lib-1/outbox | cmp -s - reports.before", support_dir), 0);
    /* renamed into place whole, the same files are taken */
    sh_ok("completing",
          "mv -T lib-1/inbox/.incoming-20261122T090000Z lib-1/inbox/20261122T090300Z");
    kiosk_takes(&out);
    free(out);
    assert_int_equal(mentors_of("lib-1"), 25);
    /* a bundle dealt with is not taken again after a restart */
    rc = kiosk_run("lib-1", "wait 3000\nexpect staff off\n", &out);
    assert_int_equal(rc, 0);
    assert_null(strstr(out, "a bundle came into the inbox"));
    free(out);
    /* signed and newer, but it would take away half the directory or more
     * (an export cut at a row's end): nobody sees a preview, so it waits
     * for staff, who are told; the directory keeps its 25 */
    bundle(10, "staff", SIGNED_AT + 600);
    drop("20261122T120500Z");
    rc = kiosk_run("lib-1",
                   "await inbox-done 60\nexpect staff off\nexpect text \"Staff: a notice\"\n"
                   "expect staff-says \"would leave 10 of the 25 mentors\"\n",
                   &out);
    if (rc != 0)
        fail_msg("kiosk, a shrinking bundle: %s", tail(out));
    assert_non_null(strstr(out, "it waits for staff"));
    free(out);
    assert_int_equal(mentors_of("lib-1"), 25);
    sh_ok("setting it aside", "rm -rf lib-1/inbox/20261122T120500Z");
    /* --check-config says when the last bundle arrived, and from where */
    assert_int_equal(support_sh(&out, "cd %s/lib-1 && %s --config kiosk.conf --check-config",
                                support_dir, support_program("career-kiosk")),
                     0);
    assert_non_null(
        strstr(out, "last bundle: 2026-11-22T12:00:00Z, from mentors.csv (inbox bundle)"));
    assert_non_null(strstr(out, "inbox:       auto"));
    free(out);
    /* stale_days (30) later with no new bundle, staff see a notice */
    rc = kiosk_run_on("lib-1", "2026-12-30",
                      "expect text \"Staff: a notice\"\n"
                      "expect staff-says \"No new bundle for 38 days\"\n",
                      &out);
    if (rc != 0)
        fail_msg("kiosk: %s", tail(out));
    free(out);
    rc = kiosk_run_on("lib-1", "2026-12-01", "expect no-text \"Staff: a notice\"\n", &out);
    if (rc != 0)
        fail_msg("kiosk: %s", tail(out));
    free(out);
}

/* --- the newest bundle is the latest signed, whatever the names --- */

static void test_an_empty_folder_hides_nothing(void **state)
{
    (void)state;
    char *out;
    keys();
    kiosk_conf("lib-1", "auto", false);
    bundle(20, "staff", SIGNED_AT);
    drop("20261122T080000Z");
    /* named later: an empty folder, and an older signed bundle */
    sh_ok("empty", "mkdir lib-1/inbox/zz-empty");
    bundle(25, "staff", SIGNED_AT - 3600);
    drop("20261122T230000Z");
    kiosk_takes(&out);
    free(out);
    assert_int_equal(mentors_of("lib-1"), 20);
    out = last_report();
    assert_non_null(strstr(out, "Result: imported 20 mentors."));
    free(out);
    /* the empty folder is refused once, saying why; the older bundle is
     * never taken over the newer */
    int rc = kiosk_run("lib-1", "await inbox-done 60\nexpect staff off\n", &out);
    if (rc != 0)
        fail_msg("kiosk: %s", tail(out));
    free(out);
    out = last_report();
    assert_non_null(strstr(out, "There is no mentors.csv (or mentors.csv.age) in the inbox's"));
    assert_non_null(strstr(out, "zz-empty"));
    free(out);
    rc = kiosk_run("lib-1", "wait 3000\nexpect staff off\n", &out);
    assert_int_equal(rc, 0);
    assert_null(strstr(out, "a bundle came into the inbox"));
    free(out);
    assert_int_equal(mentors_of("lib-1"), 20);
}

/* A folder's name is escaped wherever it is logged or reported: a
 * newline in it cannot forge a journal line, a control cannot reach the
 * terminal. */
static void test_a_folder_name_forges_no_line(void **state)
{
    (void)state;
    char *out;
    keys();
    kiosk_conf("lib-1", "auto", false);
    sh_ok("forging", "mkdir \"lib-1/inbox/$(printf 'zz\\nimported 999 mentors (forged "
                     "line)\\033[2J\\342\\200\\256')\"");
    int rc = kiosk_run("lib-1", "await inbox-done 60\nexpect staff off\n", &out);
    if (rc != 0)
        fail_msg("kiosk: %s", tail(out));
    const char *shown = "zz\\nimported 999 mentors (forged line)\\x1B[2J\\u{202E}";
    if (!strstr(out, shown) || strstr(out, "\nimported 999") || strchr(out, 0x1b) ||
        strstr(out, "\xe2\x80\xae"))
        fail_msg("the journal: %s", tail(out));
    /* each line naming it is one line */
    for (const char *p = out; (p = strstr(p, "zz\\nimported")) != NULL; p++) {
        const char *line = p;
        while (line > out && line[-1] != '\n')
            line--;
        assert_true(strncmp(line, "career-kiosk: ", 14) == 0);
    }
    free(out);
    out = last_report();
    if (!strstr(out, shown) || strstr(out, "\nimported 999") || strchr(out, 0x1b))
        fail_msg("the report: %s", out);
    free(out);
}

/* --- an encrypted inbox: the clear text is refused, a wrong key too --- */

static void test_encrypted_inbox_refusals(void **state)
{
    (void)state;
    char *out;
    keys();
    kiosk_conf("lib-1", "auto", true);
    int before = 160; /* the sample the kiosk starts with */
    /* in the clear, although signed: a shared folder must never hold it */
    bundle(20, "staff", SIGNED_AT);
    drop("20261122T080000Z");
    kiosk_takes(&out);
    free(out);
    assert_int_equal(mentors_of("lib-1"), before);
    out = last_report();
    assert_non_null(strstr(out, "Result: NOT IMPORTED"));
    assert_non_null(strstr(out, "came into the inbox unencrypted"));
    free(out);
    /* encrypted to some other kiosk's key */
    sh_ok("another key", "age-keygen -o other.key 2>/dev/null && age -r $(age-keygen -y "
                         "other.key) -o bundle/mentors.csv.age bundle/mentors.csv && rm "
                         "bundle/mentors.csv");
    drop("20261122T080100Z");
    kiosk_takes(&out);
    free(out);
    assert_int_equal(mentors_of("lib-1"), before);
    out = last_report();
    assert_non_null(strstr(out, "mentors.csv.age could not be opened"));
    free(out);
    /* to this kiosk's key, but signed by a stranger: opened, then refused */
    bundle(20, "stranger", SIGNED_AT);
    sh_ok("encrypting", "age -r $(age-keygen -y age.key) -o bundle/mentors.csv.age "
                        "bundle/mentors.csv && rm bundle/mentors.csv");
    drop("20261122T080200Z");
    kiosk_takes(&out);
    free(out);
    assert_int_equal(mentors_of("lib-1"), before);
    out = last_report();
    assert_non_null(strstr(out, "a key this kiosk does not trust"));
    free(out);
    /* and no clear copy is left behind in the kiosk's spool */
    out = sh_out("ls lib-1/var/incoming 2>/dev/null; true", "", "");
    assert_string_equal(out, "");
    free(out);
}

/* --- inbox = staff: nobody but staff confirms --- */

static void test_staff_confirms_an_inbox_bundle(void **state)
{
    (void)state;
    char *out;
    keys();
    kiosk_conf("lib-1", "staff", false);
    bundle(20, "staff", SIGNED_AT);
    drop("20261122T080000Z");
    int rc = kiosk_run("lib-1",
                       "await inbox 10\n"
                       "wait 3000\n"
                       "expect staff off\n"
                       "expect screen welcome\n"
                       "tap \"Staff*\"\n"
                       "type 482913\n"
                       "key enter\n"
                       "expect staff menu\n"
                       "expect text \"Import from the inbox\"\n"
                       "tap \"Import from the inbox\"\n"
                       "expect staff preview\n"
                       "tap \"Import 20 mentors\"\n"
                       "expect staff result\n"
                       "expect staff-says \"20 mentors are in the directory now\"\n"
                       "expect staff-says \"Written to the outbox\"\n"
                       "tap Done\n"
                       "expect staff off\n",
                       &out);
    if (rc != 0)
        fail_msg("kiosk: %s", tail(out));
    free(out);
    assert_int_equal(mentors_of("lib-1"), 20);
    out = last_report();
    assert_non_null(strstr(out, "Result: imported 20 mentors."));
    free(out);
    /* a list that would take away half of what a bundle brought: the
     * preview says so, and staff may still go on (over the built-in
     * sample above it said nothing) */
    bundle(8, "staff", SIGNED_AT + 600);
    drop("20261122T081000Z");
    rc = kiosk_run("lib-1",
                   "await inbox 10\n"
                   "tap \"Staff*\"\n"
                   "type 482913\n"
                   "key enter\n"
                   "tap \"Import from the inbox\"\n"
                   "expect staff preview\n"
                   "expect staff-says \"That is 12 fewer than now\"\n"
                   "tap \"Import 8 mentors\"\n"
                   "expect staff result\n"
                   "tap Done\n",
                   &out);
    if (rc != 0)
        fail_msg("kiosk: %s", tail(out));
    free(out);
    assert_int_equal(mentors_of("lib-1"), 8);
}

/* --- a fleet: one export on one share, two kiosks, stats back --- */

/* The sessions on 2026-11-22 in a stats file. */
static long sessions_in(const char *file)
{
    char *out = sh_out("grep '^2026-11-22,' %s | cut -d, -f2", file, "");
    long n = atol(out);
    free(out);
    return n;
}

static void test_rsync_fleet_and_stats_merge(void **state)
{
    (void)state;
    char *out, conf[1000], src[200], dst[200];
    keys();
    int port = 18873 + (int)(getpid() % 900);
    snprintf(conf, sizeof conf,
             "use chroot = no\nuid = root\ngid = root\npid file = %s/rsyncd.pid\n"
             "[careers]\npath = %s/share\nread only = no\n",
             support_dir, support_dir);
    support_write(at("rsyncd.conf"), conf, (size_t)-1);
    sh_ok("rsync daemon",
          "mkdir -p share/bundle share/outbox && rsync --daemon --config=rsyncd.conf "
          "--address=127.0.0.1 --port=%d && sleep 0.3",
          port);
    bundle(20, "staff", SIGNED_AT);
    sh_ok("publishing", "cp bundle/mentors.csv bundle/mentors.csv.minisig share/bundle/");
    snprintf(src, sizeof src, "rsync://127.0.0.1:%d/careers/bundle/", port);
    snprintf(dst, sizeof dst, "rsync://127.0.0.1:%d/careers/outbox/", port);
    const char *kiosks[] = {"lib-1", "gym-2"};
    for (int k = 0; k < 2; k++) {
        kiosk_conf(kiosks[k], "auto", false);
        fetch_conf(kiosks[k], src, dst);
        /* visitors first: k + 1 of them */
        int rc = kiosk_run(kiosks[k],
                           k ? "tap \"Touch to start\"\nwait 110000\ntap \"Touch to start\"\n"
                               "wait 110000\n"
                             : "tap \"Touch to start\"\nwait 110000\n",
                           &out);
        if (rc != 0)
            fail_msg("kiosk %s: %s", kiosks[k], tail(out));
        free(out);
        /* then the timer's fetch, the import, and the push */
        rc = fetch(kiosks[k], false, &out);
        if (rc != 0)
            fail_msg("fetch %s: %s", kiosks[k], out);
        free(out);
        rc = kiosk_run(kiosks[k], "await inbox-done 60\n", &out);
        if (rc != 0)
            fail_msg("kiosk %s: %s", kiosks[k], tail(out));
        free(out);
        assert_int_equal(mentors_of(kiosks[k]), 20);
        rc = fetch(kiosks[k], false, &out);
        if (rc != 0)
            fail_msg("push %s: %s", kiosks[k], out);
        free(out);
    }
    /* the central folder holds both kiosks' files side by side */
    long a = sessions_in("share/outbox/lib-1-2026-11-22-stats.csv");
    long b = sessions_in("share/outbox/gym-2-2026-11-22-stats.csv");
    assert_true(a >= 1 && b >= a + 1);
    assert_int_equal(
        support_admin(&out, "stats-merge %s/share/outbox --out %s", support_dir, support_dir), 0);
    assert_non_null(strstr(out, "Fleet stats: 2 kiosks."));
    free(out);
    assert_int_equal(sessions_in("fleet-stats.csv"), a + b);
    /* referrals: the sum of both kiosks' for one mentor and month */
    out = sh_out("for f in share/outbox/lib-1-2026-11-22-referrals.csv "
                 "share/outbox/gym-2-2026-11-22-referrals.csv fleet-referrals.csv; do sed -n "
                 "2p $f | awk -F, '{print $NF}' | tr -d '\\r'; done | tr '\\n' ' '",
                 "", "");
    long r1 = 0, r2 = 0, rm = 0;
    assert_int_equal(sscanf(out, "%ld %ld %ld", &r1, &r2, &rm), 3);
    assert_int_equal(rm, r1 + r2);
    free(out);
    /* a damaged file stops the merge, named with its line and column */
    sh_ok("damaging", "mkdir bad && cp share/outbox/*.csv bad/ && printf "
                      "'day,sessions,sheets_shown,sheets_printed\\r\\n2026-11-22,lots,1,1\\r\\n' > "
                      "bad/lib-1-2026-11-23-stats.csv");
    assert_int_equal(support_sh(&out, "%s stats-merge %s/bad 2>&1 >/dev/null",
                                support_program("career-kiosk-admin"), support_dir),
                     2);
    assert_non_null(
        strstr(out, "bad/lib-1-2026-11-23-stats.csv: line 2, column sessions: not a count"));
    free(out);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_https_fetch_then_auto_import_after_the_visitor, setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_bad_bundles_change_nothing, setup, teardown),
    cmocka_unit_test_setup_teardown(test_an_empty_folder_hides_nothing, setup, teardown),
    cmocka_unit_test_setup_teardown(test_a_folder_name_forges_no_line, setup, teardown),
    cmocka_unit_test_setup_teardown(test_encrypted_inbox_refusals, setup, teardown),
    cmocka_unit_test_setup_teardown(test_staff_confirms_an_inbox_bundle, setup, teardown),
    cmocka_unit_test_setup_teardown(test_rsync_fleet_and_stats_merge, setup, teardown),
};

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    assert_non_null(getcwd(repo, sizeof repo));
    return cmocka_run_group_tests(tests, NULL, NULL);
}
