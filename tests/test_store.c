/* Tests for app/directory (store, search, counts): search as you type over the sample directory,
 * filters, fairness, referrals, stats, metadata and schema versions. */
#define _GNU_SOURCE /* strcasestr */
#include "support.h"

#include "directory/counts.h"
#include "directory/import.h"
#include "directory/search.h"
#include "directory/store.h"

#include <sqlite3.h>
#include <stdio.h>

static char *dir;
static const char *db;
static const Date today = {2026, 11, 22};

static int setup(void **state)
{
    (void)state;
    char err[512];
    dir = support_tmpdir();
    db = strdup(support_path(dir, "mentors.db"));
    ImportSeed seed = {"assets/mentors.sample.csv", "assets/referrals.sample.csv",
                       "assets/questions.csv", "assets/synonyms.csv"};
    return import_seed(db, &seed, today, err, sizeof err) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    support_rmtree(dir);
    free(dir);
    free((char *)db);
    return 0;
}

static Store *open_store(void)
{
    char err[256];
    Store *s = store_open(db, err, sizeof err);
    assert_non_null(s);
    return s;
}

static const StoreFilter any = {NULL, 0, 0, -1, NULL, false, false};

static bool found(const StoreHit *h, int n, const char *last_name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(h[i].mentor.last_name, last_name) == 0)
            return true;
    return false;
}

static void test_sample_directory(void **state)
{
    (void)state;
    Store *s = open_store();
    static StoreHit h[200];
    int n = store_mentor_count(s);
    assert_true(n >= 150);
    n = store_search(s, "", &any, today, h, 200);
    int via[VIA_COUNT] = {0}, closed = 0, remote = 0;
    for (int i = 0; i < n; i++) {
        via[h[i].mentor.via]++;
        closed += !h[i].mentor.accepting;
        remote += h[i].mentor.remote;
        /* only the agreed channel's value, and none for office introductions */
        assert_int_equal(*h[i].mentor.contact == '\0', h[i].mentor.via == VIA_OFFICE);
    }
    for (int v = 0; v < VIA_COUNT; v++)
        assert_true(via[v] > 0);
    assert_true(closed > 0);
    assert_true(remote > 0);
    assert_true(n < store_mentor_count(s)); /* some are at their monthly cap */
    store_close(s);
}

static void count_field(void *ctx, const char *field, int count)
{
    (void)field;
    (void)count;
    (*(int *)ctx)++;
}

static void test_fields(void **state)
{
    (void)state;
    Store *s = open_store();
    int n = 0;
    assert_true(store_fields(s, count_field, &n) >= 12);
    assert_true(n >= 12);
    store_close(s);
}

static void test_prefix_and_accents(void **state)
{
    (void)state;
    Store *s = open_store();
    StoreHit h[20];
    int n = store_search(s, "jose", &any, today, h, 20);
    assert_true(found(h, n, "García"));
    n = store_search(s, "MULLER", &any, today, h, 20);
    assert_true(found(h, n, "Müller"));
    n = store_search(s, "wisn", &any, today, h, 20); /* Wiśniewski, as typed so far */
    assert_true(found(h, n, "Wiśniewski"));
    n = store_search(s, "Смир", &any, today, h, 20);
    assert_true(found(h, n, "Смирнова"));
    n = store_search(s, "zoe mull", &any, today, h, 20); /* every word must match */
    assert_int_equal(n, 1);
    n = store_search(s, "\"*) OR 1=1; --", &any, today, h, 20); /* no FTS syntax leaks */
    assert_true(n >= 0);
    n = store_search(s, "qqqzzz", &any, today, h, 20);
    assert_int_equal(n, 0);
    store_close(s);
}

static void test_searches_titles_orgs_and_topics(void **state)
{
    (void)state;
    Store *s = open_store();
    StoreHit h[50];
    int n = store_search(s, "nurse", &any, today, h, 50);
    assert_true(n > 0);
    for (int i = 0; i < n; i++) {
        const Mentor *m = &h[i].mentor;
        bool hit = strcasestr(m->title, "nurs") || strcasestr(m->field, "nurs") ||
                   strcasestr(m->topics, "nurs") || strcasestr(m->major, "nurs");
        assert_true(hit);
    }
    n = store_search(s, "copperline", &any, today, h, 50);
    assert_true(n > 0);
    assert_non_null(strstr(h[0].mentor.organization, "Copperline"));
    store_close(s);
}

static void test_filters(void **state)
{
    (void)state;
    Store *s = open_store();
    static StoreHit h[200];
    StoreFilter f = any;
    f.field = "Finance";
    int n = store_search(s, "", &f, today, h, 200);
    assert_true(n > 0);
    for (int i = 0; i < n; i++)
        assert_string_equal(h[i].mentor.field, "Finance");
    f = any;
    f.year_from = 2000;
    f.year_to = 2010;
    n = store_search(s, "", &f, today, h, 200);
    assert_true(n > 0);
    for (int i = 0; i < n; i++)
        assert_true(h[i].mentor.grad_year >= 2000 && h[i].mentor.grad_year <= 2010);
    f = any;
    f.via = VIA_PHONE;
    f.remote_only = true;
    f.accepting_only = true;
    n = store_search(s, "", &f, today, h, 200);
    assert_true(n > 0);
    for (int i = 0; i < n; i++)
        assert_true(h[i].mentor.via == VIA_PHONE && h[i].mentor.remote && h[i].mentor.accepting);
    f = any;
    f.language = "spanish";
    n = store_search(s, "", &f, today, h, 200);
    assert_true(n > 0);
    for (int i = 0; i < n; i++)
        assert_non_null(strstr(h[i].mentor.languages, "Spanish"));
    store_close(s);
}

static int position(const StoreHit *h, int n, const char *id)
{
    for (int i = 0; i < n; i++)
        if (strcmp(h[i].mentor.id, id) == 0)
            return i;
    return -1;
}

static void test_fairness_and_caps(void **state)
{
    (void)state;
    Store *s = open_store();
    static StoreHit h[200];
    StoreFilter f = any;
    f.field = "Law";
    int n = store_search(s, "", &f, today, h, 200);
    assert_true(n >= 3);
    /* give the first mentor referrals: they drop behind their equals */
    char first[MENTOR_ID_MAX + 1];
    strcpy(first, h[0].mentor.id);
    assert_true(store_referral_add(s, first, today));
    n = store_search(s, "", &f, today, h, 200);
    int at = position(h, n, first);
    assert_int_equal(h[at].recent, 1);
    /* behind everyone with fewer referrals (who takes requests: those who
     * do not come after every equal who does) */
    for (int i = 0; i < n; i++)
        if (h[i].recent == 0 && (h[i].mentor.accepting || !h[at].mentor.accepting))
            assert_true(i < at);
    for (int i = 0; i + 1 < n; i++) /* taking requests first */
        assert_true(h[i].mentor.accepting || !h[i + 1].mentor.accepting);
    assert_true(at > 0);
    /* reaching the monthly cap leaves them out */
    Mentor m;
    assert_true(store_mentor_get(s, first, &m));
    for (int i = 1; i < m.monthly_cap; i++)
        store_referral_add(s, first, today);
    int n2 = store_search(s, "", &f, today, h, 200);
    assert_int_equal(n2, n - 1);
    assert_int_equal(position(h, n2, first), -1);
    /* next month they are back */
    n2 = store_search(s, "", &f, (Date){2026, 12, 2}, h, 200);
    assert_true(n2 >= n);
    assert_true(position(h, n2, first) >= 0);
    store_close(s);
}

/* Capped mentors must not take the places of those still available,
 * however many are capped: the results fill from the others. */
static void test_caps_never_empty_the_results(void **state)
{
    (void)state;
    Store *s = open_store();
    static StoreHit h[200];
    int total = store_search(s, "", &any, today, h, 200);
    assert_true(total > 100);
    /* cap everyone in the first results */
    for (int round = 0; round < 2; round++) {
        int n = store_search(s, "", &any, today, h, 40);
        assert_int_equal(n, 40);
        for (int i = 0; i < n; i++)
            for (int k = 0; k < h[i].mentor.monthly_cap; k++)
                store_referral_add(s, h[i].mentor.id, today);
    }
    int n = store_search(s, "", &any, today, h, 40);
    assert_int_equal(n, 40);
    for (int i = 0; i < n; i++)
        assert_true(h[i].this_month < h[i].mentor.monthly_cap);
    store_close(s);
}

static void test_order_stable_within_a_day_rotating_across_days(void **state)
{
    (void)state;
    Store *s = open_store();
    static StoreHit a[200], b[200];
    StoreFilter f = any;
    f.field = "Education";
    int n = store_search(s, "", &f, today, a, 200);
    int m = store_search(s, "", &f, today, b, 200);
    assert_int_equal(n, m);
    for (int i = 0; i < n; i++)
        assert_string_equal(a[i].mentor.id, b[i].mentor.id);
    bool differs = false;
    for (int d = 1; d <= 3 && !differs; d++) {
        m = store_search(s, "", &f, date_add_days(today, d), b, 200);
        for (int i = 0; i < n && i < m; i++)
            differs |= strcmp(a[i].mentor.id, b[i].mentor.id) != 0;
    }
    assert_true(differs);
    store_close(s);
}

static void test_relevance_first(void **state)
{
    (void)state;
    Store *s = open_store();
    StoreHit h[50];
    int n = store_search(s, "okafor", &any, today, h, 50);
    assert_true(n >= 1);
    /* a name match outranks mentors who only work at Marsh & Okafor LLP */
    assert_string_equal(h[0].mentor.last_name, "Okafor");
    store_close(s);
}

static void collect_stat(void *ctx, const char *day, const char *name, long value)
{
    (void)day;
    if (strcmp(name, "sheets_printed") == 0)
        *(long *)ctx += value;
}

static void test_stats_and_meta(void **state)
{
    (void)state;
    Store *s = open_store();
    long total = 0;
    assert_true(store_stat_add(s, today, "sheets_printed", 2));
    assert_true(store_stat_add(s, today, "sheets_printed", 3));
    store_stats_each(s, date_add_days(today, -1), collect_stat, &total);
    assert_int_equal(total, 5);
    char v[64];
    assert_true(store_meta_get(s, "schema_version", v, sizeof v));
    assert_string_equal(v, "4"); /* STORE_SCHEMA_VERSION: synonyms, affinities, name_latin */
    assert_true(store_meta_set(s, "keep.note", "x"));
    Question q[QUESTION_MAX];
    assert_true(store_questions_load(s, q, QUESTION_MAX) >= 40);
    store_close(s);
}

/* A directory made by the first release (schema 1: the index in the
 * export's own letters, no synonym table, no affinities, no name in
 * Latin letters) is brought up
 * to date when opened: its index rebuilt in Latin letters. */
static void test_schema_1_is_migrated(void **state)
{
    (void)state;
    char path[600], err[256];
    sqlite3 *old;
    snprintf(path, sizeof path, "%s/v1.db", dir);
    assert_int_equal(sqlite3_open(path, &old), SQLITE_OK);
    assert_int_equal(
        sqlite3_exec(
            old,
            "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
            "CREATE TABLE mentors(id TEXT PRIMARY KEY, first_name TEXT NOT NULL,"
            " last_name TEXT NOT NULL, title TEXT NOT NULL, organization TEXT NOT NULL,"
            " field TEXT NOT NULL, grad_year INTEGER NOT NULL, major TEXT NOT NULL,"
            " location TEXT NOT NULL, remote INTEGER NOT NULL, contact_via TEXT NOT NULL,"
            " contact TEXT NOT NULL, topics TEXT NOT NULL, bio TEXT NOT NULL,"
            " languages TEXT NOT NULL, accepting INTEGER NOT NULL,"
            " monthly_cap INTEGER NOT NULL, last_verified TEXT NOT NULL);"
            "CREATE INDEX mentors_field ON mentors(field);"
            "CREATE VIRTUAL TABLE mentors_fts USING fts5(name, title, organization, field, major,"
            " topics, location, content='', tokenize='unicode61 remove_diacritics 2',"
            " prefix='1 2 3');"
            "CREATE TABLE referrals(mentor_id TEXT NOT NULL, day TEXT NOT NULL,"
            " count INTEGER NOT NULL, PRIMARY KEY(mentor_id, day)) WITHOUT ROWID;"
            "CREATE TABLE questions(id TEXT PRIMARY KEY, category TEXT NOT NULL,"
            " text TEXT NOT NULL, minutes INTEGER NOT NULL, tags TEXT NOT NULL,"
            " position INTEGER NOT NULL);"
            "CREATE TABLE stats(day TEXT NOT NULL, name TEXT NOT NULL, value INTEGER NOT NULL,"
            " PRIMARY KEY(day, name)) WITHOUT ROWID;"
            "INSERT INTO meta VALUES('schema_version', '1');"
            "INSERT INTO mentors VALUES('X1', 'Ольга', 'Смирнова', 'Policy Analyst',"
            " 'City Hall', 'Public Policy & Government', 2001, 'History', 'Lakeport', 0,"
            " 'email', 'olga@example.org', 'budgets', '', 'English; Russian', 1, 5,"
            " '2026-01-10');"
            "INSERT INTO mentors_fts(rowid, name, title, organization, field, major, topics,"
            " location) SELECT rowid, first_name || ' ' || last_name, title, organization,"
            " field, major, topics, location FROM mentors;"
            "INSERT INTO referrals VALUES('X1', '2026-11-20', 2);",
            NULL, NULL, NULL),
        SQLITE_OK);
    sqlite3_close(old);
    StoreHit h[2];
    Store *s = store_open(path, err, sizeof err);
    if (!s)
        fail_msg("%s", err);
    char v[16];
    assert_true(store_meta_get(s, "schema_version", v, sizeof v));
    assert_string_equal(v, "4");
    assert_int_equal(store_search(s, "olga", &any, today, h, 2), 1); /* the index in Latin */
    assert_string_equal(h[0].mentor.first_name, "Ольга");            /* the card as it was */
    assert_string_equal(h[0].mentor.affinities, "");
    assert_string_equal(h[0].mentor.name_latin, "");
    assert_int_equal(h[0].recent, 2); /* the counters kept */
    assert_int_equal(store_synonym_count(s), 0);
    store_close(s);
}

static void test_newer_schema_refused(void **state)
{
    (void)state;
    char err[256];
    const char *other = support_path(dir, "future.db");
    Store *s = store_open(other, err, sizeof err);
    assert_non_null(s);
    assert_true(store_meta_set(s, "schema_version", "99"));
    store_close(s);
    s = store_open(other, err, sizeof err);
    assert_null(s);
    assert_non_null(strstr(err, "newer Career Kiosk (schema 99"));
}

static void test_garbage_file_refused(void **state)
{
    (void)state;
    char err[256];
    const char *junk = support_path(dir, "junk.db");
    support_write(junk,
                  "this is not a database, just text that is long enough to look like one"
                  " to a careless reader of files............",
                  (size_t)-1);
    Store *s = store_open(junk, err, sizeof err);
    assert_null(s);
    assert_non_null(strstr(err, "not a database"));
}

/* Runs sql on the directory file at path behind the store's back. */
static void behind_its_back(const char *path, const char *sql)
{
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    if (sqlite3_exec(raw, sql, NULL, NULL, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(raw));
    sqlite3_close(raw);
}

static int nurses(Store *s)
{
    static StoreHit h[200];
    return store_search(s, "nurse", &any, today, h, 200);
}

/* A search index dropped or damaged is noticed on opening and rebuilt
 * from the mentors table, and staff are told; a table the directory
 * needs gone is damage, not an empty table. */
static void test_damaged_index_rebuilt(void **state)
{
    (void)state;
    static const char *const damage[] = {
        "DROP TABLE mentors_fts",
        "DELETE FROM mentors_fts_data WHERE id > 10",
        "DROP TABLE mentors_fts_idx",
        "DROP TABLE mentors_fts_config",
        "DELETE FROM mentors_fts_docsize WHERE id % 2 = 0",
        "DROP INDEX mentors_field",
    };
    char err[600], path[1100];
    snprintf(path, sizeof path, "%s/index.db", dir);
    ImportSeed seed = {"assets/mentors.sample.csv", NULL, "assets/questions.csv",
                       "assets/synonyms.csv"};
    assert_true(import_seed(path, &seed, today, err, sizeof err));
    Store *s = store_open(path, err, sizeof err);
    assert_non_null(s);
    int want = nurses(s);
    int mentors = store_mentor_count(s);
    assert_true(want >= 3);
    assert_false(store_check_index(s));
    assert_string_equal(store_notice(s), "");
    store_close(s);
    for (size_t i = 0; i < sizeof damage / sizeof *damage; i++) {
        behind_its_back(path, damage[i]);
        s = store_open(path, err, sizeof err);
        assert_non_null(s);
        /* a part gone or entries missing on opening; a damaged inside by
         * the check through (the kiosk runs it after its first frame) */
        bool on_opening = store_notice(s)[0] != '\0';
        assert_true(store_check_index(s) != on_opening);
        if (nurses(s) != want || !strstr(store_notice(s), "search index was damaged") ||
            !strstr(store_notice(s), "rebuilt from the"))
            fail_msg("after %s: %d nurses found (not %d); notice: %s", damage[i], nurses(s), want,
                     store_notice(s));
        char many[40];
        snprintf(many, sizeof many, "the %d mentors", mentors);
        assert_non_null(strstr(store_notice(s), many));
        store_close(s);
        /* whole again: no notice the next time */
        s = store_open(path, err, sizeof err);
        assert_non_null(s);
        assert_false(store_check_index(s));
        assert_string_equal(store_notice(s), "");
        store_close(s);
    }
    /* a table it needs, gone: damage (no backup here, so a refusal) */
    behind_its_back(path, "DROP TABLE questions");
    assert_null(store_open(path, err, sizeof err));
    if (!strstr(err, "damaged: its questions table is missing"))
        fail_msg("%s", err);
}

/* The notice for a damaged directory names the copy put back: the
 * import's date, or for the first directory (made from the sample, no
 * import date) when the copy was saved; never an empty date. */
static void test_restored_notice_names_the_copy(void **state)
{
    (void)state;
    char err[600], path[1100], csv[1100];
    snprintf(path, sizeof path, "%s/restore.db", dir);
    snprintf(csv, sizeof csv, "%s/ten.csv", dir);
    ImportSeed seed = {"assets/mentors.sample.csv", NULL, "assets/questions.csv",
                       "assets/synonyms.csv"};
    assert_true(import_seed(path, &seed, today, err, sizeof err));
    assert_int_equal(support_sh(NULL, "head -11 assets/mentors.sample.csv > %s", csv), 0);
    ImportReport rep;
    ImportOptions opt = {.db_path = path, .this_year = 2026, .when = "2026-11-20T09:00:00Z"};
    assert_true(import_file(csv, &opt, &rep));
    import_report_free(&rep);
    assert_int_equal(support_sh(NULL,
                                "dd if=/dev/urandom of=%s bs=1024 seek=1 count=40 conv=notrunc "
                                "2>/dev/null",
                                path),
                     0);
    Store *s = store_open(path, err, sizeof err);
    if (!s)
        fail_msg("%s", err);
    const char *notice = store_notice(s);
    if (strstr(notice, "import of  ") || strstr(notice, "import of ") ||
        !strstr(notice, "The copy saved 20") ||
        !strstr(notice, "(from before the last import) was put back"))
        fail_msg("%s", notice);
    assert_true(store_mentor_count(s) > 100); /* the sample again */
    store_close(s);
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sample_directory),
        cmocka_unit_test(test_fields),
        cmocka_unit_test(test_prefix_and_accents),
        cmocka_unit_test(test_searches_titles_orgs_and_topics),
        cmocka_unit_test(test_filters),
        cmocka_unit_test(test_fairness_and_caps),
        cmocka_unit_test(test_order_stable_within_a_day_rotating_across_days),
        cmocka_unit_test(test_relevance_first),
        cmocka_unit_test(test_stats_and_meta),
        cmocka_unit_test(test_schema_1_is_migrated),
        cmocka_unit_test(test_newer_schema_refused),
        cmocka_unit_test(test_garbage_file_refused),
        cmocka_unit_test(test_damaged_index_rebuilt),
        cmocka_unit_test(test_restored_notice_names_the_copy),
        cmocka_unit_test(test_caps_never_empty_the_results), /* last: it caps many */
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
