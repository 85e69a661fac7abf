/* Tests for app/directory/import (with the stage and store underneath): what staff exports
 * really look like, every rejection with its line, refusals that leave the
 * directory alone, atomic replacement, backup and rollback. */
#include "support.h"

#include "core/strbuf.h"
#include "directory/counts.h"
#include "directory/import.h"
#include "directory/stage.h"
#include "directory/store.h"

#include <iconv.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#define HEADER                                                                                     \
    "ID,First Name,Last Name,Job Title,Company,Industry,Grad Year,Major,City,Remote,E-mail,"       \
    "Phone,LinkedIn,Preferred Contact,Topics,Bio,Languages,Accepting,Monthly Cap\n"

typedef struct {
    char *dir;
    const char *db;
    char csv[1024];
} Fx;

static int setup(void **state)
{
    Fx *fx = calloc(1, sizeof *fx);
    fx->dir = support_tmpdir();
    fx->db = strdup(support_path(fx->dir, "mentors.db"));
    snprintf(fx->csv, sizeof fx->csv, "%s/export.csv", fx->dir);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    Fx *fx = *state;
    support_rmtree(fx->dir);
    free(fx->dir);
    free((char *)fx->db);
    free(fx);
    return 0;
}

/* A good row with id T<i>. */
static void good_row(StrBuf *sb, int i)
{
    strbuf_addf(sb,
                "T%03d,Ana,Costa %d,Analyst,Example Org,Finance,2015,Economics,Chicago,yes,"
                "ana%d@example.org,(312) 555-0100,,email,budgets; audits,\"Says \"\"hi\"\", "
                "often\nand well\",English,yes,6\n",
                i, i, i);
}

static ImportReport run(Fx *fx, const char *data, size_t len, bool apply, const char *report)
{
    ImportReport rep;
    ImportOptions opt = {.db_path = apply ? fx->db : NULL,
                         .rejected_csv = report,
                         .this_year = 2026,
                         .when = "2026-11-22T10:00:00Z"};
    support_write(fx->csv, data, len);
    import_file(fx->csv, &opt, &rep);
    return rep;
}

static int count(Fx *fx)
{
    char err[256];
    Store *s = store_open(fx->db, err, sizeof err);
    assert_non_null(s);
    int n = store_mentor_count(s);
    store_close(s);
    return n;
}

/* Imports n good rows so there is a live directory. */
static void seed(Fx *fx, int n)
{
    char buf[65536];
    StrBuf sb;
    strbuf_init(&sb, buf, sizeof buf);
    strbuf_add(&sb, HEADER);
    for (int i = 0; i < n; i++)
        good_row(&sb, i);
    ImportReport rep = run(fx, buf, sb.len, true, NULL);
    assert_int_equal(rep.outcome, IMPORT_DONE);
    import_report_free(&rep);
    assert_int_equal(count(fx), n);
}

static const ImportRejection *rejection_at(const ImportReport *r, unsigned long line)
{
    for (int i = 0; i < r->nlisted; i++)
        if (r->rejection[i].line == line)
            return &r->rejection[i];
    fail_msg("no rejection on line %lu", line);
    return NULL;
}

/* A quote opened in a cell and not closed there runs the cells after it
 * together up to the next quote: the row is short, and the reason names
 * the cell where it began, not a later column read out of place. */
static void test_stray_quote_named_where_it_opens(void **state)
{
    Fx *fx = *state;
    char buf[65536];
    StrBuf sb;
    strbuf_init(&sb, buf, sizeof buf);
    strbuf_add(&sb, HEADER);
    for (int i = 0; i < 12; i++) {
        if (i == 5) /* line 12: the company opens a quote it never closes */
            strbuf_add(&sb, "T005,Ana,Costa,Analyst,\"Example Org,Finance,2015,Economics,"
                            "Chicago,yes,ana5@example.org,(312) 555-0100,,email,budgets,"
                            "\"Says hi\",English,yes,6\n");
        else
            good_row(&sb, i);
    }
    ImportReport rep = run(fx, buf, sb.len, false, NULL);
    assert_int_equal(rep.rejected, 1);
    const ImportRejection *r = rejection_at(&rep, 12); /* each good row takes two lines */
    assert_string_equal(r->column, "Company");
    assert_non_null(strstr(r->reason, "column 5 holds \"Example Org,Finance"));
    assert_non_null(strstr(r->reason, "quote"));
    import_report_free(&rep);
}

static void test_good_file_with_quotes_and_aliases(void **state)
{
    Fx *fx = *state;
    Mentor m;
    char err[256];
    seed(fx, 12);
    Store *s = store_open(fx->db, err, sizeof err);
    assert_true(store_mentor_get(s, "T003", &m));
    assert_string_equal(m.bio, "Says \"hi\", often\nand well");
    assert_string_equal(m.contact, "ana3@example.org");
    assert_string_equal(m.topics, "budgets; audits");
    assert_int_equal(m.monthly_cap, 6);
    store_close(s);
}

static void test_excel_bom_and_crlf(void **state)
{
    Fx *fx = *state;
    const char *data = "\xEF\xBB\xBF"
                       "ID,First Name,Last Name,Title,Company,Field,Class of,"
                       "Email,Contact via\r\n"
                       "X1,Zoë,Müller,Editor,Quill Press,Media,2001,zoe@example.org,email\r\n"
                       "X2,Ravi,Menon,Planner,City Hall,Government,1999,ravi@example.org,Email\r\n";
    ImportReport rep = run(fx, data, strlen(data), true, NULL);
    assert_int_equal(rep.outcome, IMPORT_DONE);
    assert_int_equal(rep.accepted, 2);
    assert_non_null(strstr(rep.encoding, "byte-order mark"));
    import_report_free(&rep);
    Mentor m;
    char err[256];
    Store *s = store_open(fx->db, err, sizeof err);
    assert_true(store_mentor_get(s, "X1", &m)); /* the BOM did not stick to the id */
    assert_string_equal(m.last_name, "Müller");
    store_close(s);
}

static void test_windows_1252_is_converted(void **state)
{
    Fx *fx = *state;
    const char *data = "ID,First Name,Last Name,Title,Company,Field,Grad Year,Email,Contact via\n"
                       "W1,Jos\xE9,Garc\xED"
                       "a,Analyst,Caf\xE9 Co,Finance,2010,jose@example.org,email\n"
                       "W2,Ren\xE9"
                       "e,Dubois,Editor,Les \x93Mots\x94,Media,2012,renee@example.org,"
                       "email\n";
    ImportReport rep = run(fx, data, strlen(data), true, NULL);
    assert_int_equal(rep.outcome, IMPORT_DONE);
    assert_non_null(strstr(rep.encoding, "Windows-1252"));
    import_report_free(&rep);
    Mentor m;
    char err[256];
    Store *s = store_open(fx->db, err, sizeof err);
    assert_true(store_mentor_get(s, "W1", &m));
    assert_string_equal(m.first_name, "José");
    assert_true(store_mentor_get(s, "W2", &m));
    assert_string_equal(m.organization, "Les \u201cMots\u201d");
    store_close(s);
}

static void test_every_rejection_has_line_and_reason(void **state)
{
    Fx *fx = *state;
    static char buf[65536];
    StrBuf sb;
    strbuf_init(&sb, buf, sizeof buf);
    strbuf_add(&sb, HEADER);
    for (int i = 0; i < 24; i++) /* each good row takes two lines (the bio) */
        good_row(&sb, i);
    /* line 50 */ strbuf_add(&sb,
                             "B1,Ana,,Analyst,Org,Finance,2015,,,,a@example.org,,,email,,,,,\n");
    /* line 51 */ strbuf_add(&sb,
                             "B2,Ana,Lee,Analyst,Org,Finance,2015,,,,not-an-email,,,email,,,,,\n");
    /* line 52 */ strbuf_add(&sb,
                             "B3,Ana,Lee,Analyst,Org,Finance,1890,,,,a@example.org,,,email,,,,,\n");
    /* line 53 */ strbuf_add(&sb,
                             "B4,Ana,Lee,Analyst,Org,Finance,2015,,,,a@example.org,,,fax,,,,,\n");
    /* line 54 */ strbuf_add(&sb,
                             "B5,Ana,Lee,Analyst,Org,Finance,2015,,,,a@example.org,,,phone,,,,,\n");
    /* line 55 */ strbuf_add(
        &sb, "T007,Ana,Lee,Analyst,Org,Finance,2015,,,,a@example.org,,,email,,,,,\n");
    ImportReport rep = run(fx, buf, sb.len, true, support_path(fx->dir, "rejected.csv"));
    assert_int_equal(rep.outcome, IMPORT_PARTIAL);
    assert_int_equal(rep.rows, 30);
    assert_int_equal(rep.accepted, 24);
    assert_int_equal(rep.rejected, 6);
    assert_string_equal(rejection_at(&rep, 50)->column, "Last name");
    assert_non_null(strstr(rejection_at(&rep, 50)->reason, "required"));
    assert_non_null(strstr(rejection_at(&rep, 51)->reason, "not a valid address"));
    assert_non_null(strstr(rejection_at(&rep, 52)->reason, "Grad year"));
    assert_non_null(strstr(rejection_at(&rep, 53)->reason, "\"fax\""));
    assert_non_null(strstr(rejection_at(&rep, 54)->reason, "agreed to be reached by phone"));
    assert_non_null(strstr(rejection_at(&rep, 55)->reason, "already used on line 16"));
    import_report_free(&rep);
    assert_int_equal(count(fx), 24);
    char *csv = support_read(support_path(fx->dir, "rejected.csv"), NULL);
    assert_non_null(csv);
    assert_non_null(strstr(csv, "ID,First Name,Last Name"));
    assert_non_null(strstr(csv, ",line,reason\r\n"));
    assert_non_null(strstr(csv, "B2,Ana,Lee,Analyst,Org,Finance,2015,,,,not-an-email"));
    assert_non_null(strstr(csv, ",51,"));
    free(csv);
}

static void test_refusals_leave_the_directory_alone(void **state)
{
    Fx *fx = *state;
    static char buf[65536];
    StrBuf sb;
    ImportReport rep;
    seed(fx, 5);
    rep = run(fx, "", 0, true, NULL);
    assert_int_equal(rep.outcome, IMPORT_REFUSED);
    assert_non_null(strstr(rep.refusal, "empty"));
    import_report_free(&rep);
    rep = run(fx, HEADER, strlen(HEADER), true, NULL);
    assert_non_null(strstr(rep.refusal, "no mentor rows"));
    import_report_free(&rep);
    const char *no_via = "ID,First Name,Last Name,Title,Company,Field,Grad Year,Email\n"
                         "Z1,A,B,C,D,E,2000,a@example.org\n";
    rep = run(fx, no_via, strlen(no_via), true, NULL);
    assert_int_equal(rep.outcome, IMPORT_REFUSED);
    assert_non_null(strstr(rep.refusal, "required columns are missing: Contact via"));
    import_report_free(&rep);
    strbuf_init(&sb, buf, sizeof buf);
    strbuf_add(&sb, HEADER);
    for (int i = 0; i < 8; i++)
        good_row(&sb, 100 + i);
    for (int i = 0; i < 3; i++) /* 3 of 11 bad: 27% */
        strbuf_add(&sb, "Q,Ana,Lee,Analyst,Org,Finance,2015,,,,bad,,,email,,,,,\n");
    rep = run(fx, buf, sb.len, true, NULL);
    assert_int_equal(rep.outcome, IMPORT_REFUSED);
    assert_non_null(strstr(rep.refusal, "3 of 11 rows (27%)"));
    import_report_free(&rep);
    assert_int_equal(count(fx), 5); /* still the five from before */
    const char *dup = "ID,Email,E-mail,First Name,Last Name,Title,Company,Field,Grad Year,Via\n";
    rep = run(fx, dup, strlen(dup), true, NULL);
    assert_non_null(strstr(rep.refusal, "both mean Email"));
    import_report_free(&rep);
    /* a heading is a name from the stick: one line in the report, as it is */
    const char *odd = "ID,\"Email\",\"E-mail\",\"Note\nResult: imported 999\x1b[2J\",First Name,"
                      "Last Name,Title,Company,Field,Grad Year,Via\n";
    rep = run(fx, odd, strlen(odd), true, NULL);
    assert_non_null(strstr(rep.refusal, "both mean Email"));
    import_report_free(&rep);
    strbuf_init(&sb, buf, sizeof buf);
    strbuf_add(&sb, "ID,First Name,Last Name,Title,Company,Field,Grad Year,Email,Contact via,"
                    "\"Note\nR: 999\x1b[2J\"\n");
    for (int i = 0; i < 6; i++)
        strbuf_addf(&sb, "N%d,Ana,Lee,Analyst,Org,Finance,2015,a%d@example.org,email,x\n", i, i);
    rep = run(fx, buf, sb.len, false, NULL);
    if (!strstr(rep.ignored, "Note\\nR: 999\\x1B[2J") || strchr(rep.ignored, '\n') ||
        strchr(rep.ignored, 0x1b))
        fail_msg("columns not used: %s (%s)", rep.ignored, rep.refusal);
    import_report_free(&rep);
}

static void test_hostile_inputs(void **state)
{
    Fx *fx = *state;
    size_t cap = 3 << 20;
    char *buf = malloc(cap);
    StrBuf sb;
    ImportReport rep;
    /* SQL-looking values are data, 1 MB field, NUL byte, quote left open */
    strbuf_init(&sb, buf, cap);
    strbuf_add(&sb, HEADER);
    for (int i = 0; i < 16; i++)
        good_row(&sb, i);
    strbuf_add(&sb, "S1,Robert'); DROP TABLE mentors;--,Tables,Analyst,\"Org\"\"; DELETE\","
                    "Finance,2015,,,,bobby@example.org,,,email,,,,,\n"); /* line 34 */
    strbuf_add(&sb, "S2,Big,Field,Analyst,Org,Finance,2015,,,,big@example.org,,,email,,\"");
    for (int i = 0; i < (1 << 20); i++)
        strbuf_addc(&sb, 'x');
    strbuf_add(&sb, "\",,,\n"); /* line 35 */
    size_t nul_at = sb.len;
    strbuf_add(&sb, "S3,Nul,Byte,Analyst,Org,Finance,2015,,,,n@example.org,,,email,,X,,,\n");
    buf[nul_at + 64] = '\0'; /* inside the bio, line 36 */
    assert_false(sb.overflow);
    rep = run(fx, buf, sb.len, true, NULL);
    assert_int_equal(rep.outcome, IMPORT_PARTIAL);
    assert_int_equal(rep.accepted, 17);
    assert_non_null(strstr(rejection_at(&rep, 35)->reason, "longer than 65536 bytes"));
    assert_string_equal(rejection_at(&rep, 35)->column, "Bio");
    assert_non_null(strstr(rejection_at(&rep, 36)->reason, "NUL"));
    import_report_free(&rep);
    Mentor m;
    char err[256];
    Store *s = store_open(fx->db, err, sizeof err);
    assert_true(store_mentor_get(s, "S1", &m));
    assert_string_equal(m.first_name, "Robert'); DROP TABLE mentors;--");
    assert_string_equal(m.organization, "Org\"; DELETE");
    assert_int_equal(store_mentor_count(s), 17);
    store_close(s);
    /* 5,000 columns: refused as the wrong file */
    strbuf_init(&sb, buf, cap);
    for (int i = 0; i < 5000; i++)
        strbuf_addf(&sb, "col%d,", i);
    strbuf_add(&sb, "\n1,2,3\n");
    rep = run(fx, buf, sb.len, true, NULL);
    assert_int_equal(rep.outcome, IMPORT_REFUSED);
    assert_non_null(strstr(rep.refusal, "5001 columns"));
    import_report_free(&rep);
    assert_int_equal(count(fx), 17);
    free(buf);
}

static void test_invalid_bytes_rejected_by_row(void **state)
{
    Fx *fx = *state;
    static char buf[65536];
    StrBuf sb;
    strbuf_init(&sb, buf, sizeof buf);
    strbuf_add(&sb, HEADER);
    for (int i = 0; i < 10; i++)
        good_row(&sb, i);
    /* Windows-1252 leaves 0x81 undefined: the row cannot be text */
    strbuf_add(&sb, "C1,Jos\xE9,Ca\x81"
                    ",Analyst,Org,Finance,2015,,,,c@example.org,,,email,,,,,\n");
    ImportReport rep = run(fx, buf, sb.len, true, NULL);
    assert_int_equal(rep.outcome, IMPORT_PARTIAL);
    assert_non_null(strstr(rep.encoding, "Windows-1252"));
    assert_non_null(strstr(rejection_at(&rep, 22)->reason, "UTF-8"));
    import_report_free(&rep);
    /* a UTF-8 file with one stray byte */
    strbuf_init(&sb, buf, sizeof buf);
    strbuf_add(&sb, HEADER);
    for (int i = 0; i < 10; i++)
        good_row(&sb, i);
    strbuf_add(&sb, "C2,Zoë,Bad\xFF,Analyst,Org,Finance,2015,,,,z@example.org,,,email,,,,,\n");
    rep = run(fx, buf, sb.len, true, NULL);
    assert_non_null(strstr(rep.encoding, "invalid bytes"));
    assert_string_equal(rejection_at(&rep, 22)->column, "Last name");
    import_report_free(&rep);
}

static void test_backup_rollback_and_counters_survive(void **state)
{
    Fx *fx = *state;
    char err[256], bak[1100];
    struct stat st;
    seed(fx, 5);
    Store *s = store_open(fx->db, err, sizeof err);
    assert_true(store_referral_add(s, "T001", (Date){2026, 11, 20}));
    assert_true(store_stat_add(s, (Date){2026, 11, 20}, "sessions", 7));
    store_close(s);
    seed(fx, 9); /* a new list replaces the old */
    snprintf(bak, sizeof bak, "%s.bak", fx->db);
    assert_int_equal(stat(bak, &st), 0);
    s = store_open(fx->db, err, sizeof err);
    assert_int_equal(store_referral_count(s, "T001", (Date){2026, 11, 1}, (Date){2026, 11, 30}), 1);
    store_close(s);
    assert_true(store_rollback(fx->db, err, sizeof err));
    assert_int_equal(count(fx), 5);
    s = store_open(fx->db, err, sizeof err);
    assert_int_equal(store_referral_count(s, "T001", (Date){2026, 11, 1}, (Date){2026, 11, 30}), 1);
    char source[300];
    assert_true(store_meta_get(s, "import_source", source, sizeof source));
    assert_non_null(strstr(source, "(restored)"));
    store_close(s);
    assert_true(store_rollback(fx->db, err, sizeof err)); /* undoes the rollback */
    assert_int_equal(count(fx), 9);
}

static void test_validate_changes_nothing(void **state)
{
    Fx *fx = *state;
    static char buf[65536];
    StrBuf sb;
    seed(fx, 3);
    strbuf_init(&sb, buf, sizeof buf);
    strbuf_add(&sb, HEADER);
    for (int i = 0; i < 7; i++)
        good_row(&sb, 50 + i);
    ImportReport rep = run(fx, buf, sb.len, false, NULL);
    assert_int_equal(rep.outcome, IMPORT_DONE);
    assert_true(rep.validated_only);
    assert_int_equal(rep.accepted, 7);
    import_report_free(&rep);
    assert_int_equal(count(fx), 3);
}

/* A dry run compared with the directory says who the rows would add
 * and take away, by name, the first few of each and the rest counted;
 * a rejected row's mentor counts as taken away, as the import would
 * leave them out; the directory is only read. */
static void test_validate_says_who_comes_and_goes(void **state)
{
    Fx *fx = *state;
    static char buf[65536];
    StrBuf sb;
    seed(fx, 12); /* T000..T011, "Ana Costa 0".. */
    strbuf_init(&sb, buf, sizeof buf);
    strbuf_add(&sb, HEADER);
    for (int i = 2; i < 12; i++)
        good_row(&sb, i);
    good_row(&sb, 51);
    good_row(&sb, 50);
    /* T001 again, with no email for its channel: rejected, so it goes */
    strbuf_add(&sb, "T001,Ana,Costa 1,Analyst,Org,Finance,2015,,,,,,,email,,,,,\n");
    ImportOptions opt = {.this_year = 2026, .when = "", .compare_path = fx->db};
    ImportReport rep;
    support_write(fx->csv, buf, sb.len);
    assert_true(import_file(fx->csv, &opt, &rep));
    assert_int_equal(rep.rejected, 1);
    assert_true(rep.changes.compared);
    assert_int_equal(rep.changes.added, 2);
    assert_int_equal(rep.changes.nadded, 2);
    assert_string_equal(rep.changes.added_name[0], "Ana Costa 50"); /* by name, not by row */
    assert_string_equal(rep.changes.added_name[1], "Ana Costa 51");
    assert_int_equal(rep.changes.removed, 2);
    assert_string_equal(rep.changes.removed_name[0], "Ana Costa 0");
    assert_string_equal(rep.changes.removed_name[1], "Ana Costa 1");
    import_report_free(&rep);
    /* most of the directory gone: the first few named, all counted */
    strbuf_init(&sb, buf, sizeof buf);
    strbuf_add(&sb, HEADER);
    good_row(&sb, 11);
    support_write(fx->csv, buf, sb.len);
    assert_true(import_file(fx->csv, &opt, &rep));
    assert_int_equal(rep.changes.added, 0);
    assert_int_equal(rep.changes.removed, 11);
    assert_int_equal(rep.changes.nremoved, IMPORT_CHANGES_LISTED);
    import_report_free(&rep);
    /* no directory to compare with: nothing said, nothing made */
    char none[1100];
    snprintf(none, sizeof none, "%s/none.db", fx->dir);
    opt.compare_path = none;
    assert_true(import_file(fx->csv, &opt, &rep));
    assert_false(rep.changes.compared);
    import_report_free(&rep);
    struct stat st;
    assert_int_not_equal(stat(none, &st), 0);
    assert_int_equal(count(fx), 12);
}

static void test_interrupted_import_is_cleaned_up(void **state)
{
    Fx *fx = *state;
    char err[256], stale[1100];
    struct stat st;
    seed(fx, 4);
    snprintf(stale, sizeof stale, "%s.new", fx->db);
    support_write(stale, "half a database", (size_t)-1);
    Store *s = store_open(fx->db, err, sizeof err);
    assert_non_null(s);
    assert_non_null(strstr(store_notice(s), "interrupted"));
    assert_int_equal(store_mentor_count(s), 4);
    store_close(s);
    assert_int_not_equal(stat(stale, &st), 0);
}

/* The synonym table: columns found by their headings, and every bad row
 * named by file, line and column. */
static void test_synonym_tables(void **state)
{
    (void)state;
    Synonym y[8];
    char err[300];
    static const char good[] = "\xEF\xBB\xBF"
                               "Field,Term,Means\r\n"
                               "Healthcare,surgeon,\"physician; surgery\"\r\n"
                               ",machine learning,ml\r\n";
    assert_int_equal(
        import_synonyms_buffer(good, strlen(good), "synonyms.csv", y, 8, err, sizeof err), 2);
    assert_string_equal(y[0].term, "surgeon");
    assert_string_equal(y[0].means, "physician; surgery");
    assert_string_equal(y[0].field, "Healthcare");
    assert_string_equal(y[1].field, "");
    static const struct {
        const char *csv, *error;
    } bad[] = {
        {"", "synonyms.csv: it is empty"},
        {"word,meaning\nx,y\n", "synonyms.csv line 1: the first line must name the columns"},
        {"term,means\nnurse,rn\nsurgeon,\n", "synonyms.csv line 3, column means: empty"},
        {"term,means\n\n\n,physician\n", "synonyms.csv line 4, column term: empty"},
        {"term,means\nnurse,\"rn\n", "synonyms.csv line 2: a quote is never closed"},
        {"term,means\nnurse,rn;;np\n", "synonyms.csv line 2, column means: an empty item"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int n = import_synonyms_buffer(bad[i].csv, strlen(bad[i].csv), "synonyms.csv", y, 8, err,
                                       sizeof err);
        assert_int_equal(n, -1);
        if (!strstr(err, bad[i].error))
            fail_msg("\"%s\" gave \"%s\"", bad[i].csv, err);
    }
    /* more rows than room: refused, not cut */
    static const char many[] = "term,means\na,b\nc,d\ne,f\n";
    assert_int_equal(import_synonyms_buffer(many, strlen(many), "s.csv", y, 2, err, sizeof err),
                     -1);
    assert_non_null(strstr(err, "more than 2 synonyms"));
    /* the built-in table is sound and big enough */
    static Synonym table[SYNONYM_MAX];
    assert_true(import_synonyms_file("assets/synonyms.csv", table, SYNONYM_MAX, err, sizeof err) >=
                300);
}

/* A program opening the directory while an import is staging (the
 * kiosk restarting, a `stats`) leaves the import's file alone: it is no
 * leftover while the import lock is held. */
static void test_opening_during_an_import_leaves_it_alone(void **state)
{
    Fx *fx = *state;
    char err[256];
    seed(fx, 4);
    StoreStage *st = store_stage_begin(fx->db, err, sizeof err);
    assert_non_null(st);
    Mentor m;
    MentorError why;
    const char *values[MF_COUNT] = {0};
    values[MF_ID] = "L1";
    values[MF_FIRST_NAME] = "Lena";
    values[MF_LAST_NAME] = "Moss";
    values[MF_TITLE] = "Archivist";
    values[MF_ORGANIZATION] = "County Records";
    values[MF_FIELD] = "Government";
    values[MF_GRAD_YEAR] = "2011";
    values[MF_EMAIL] = "lena@example.org";
    values[MF_CONTACT_VIA] = "email";
    if (!mentor_from_fields(values, 2026, &m, &why))
        fail_msg("the test's mentor is refused: %s", why.reason);
    assert_true(store_stage_add(st, &m, err, sizeof err));
    Store *s = store_open(fx->db, err, sizeof err); /* a reader, mid-import */
    assert_non_null(s);
    assert_string_equal(store_notice(s), "");
    store_close(s);
    StoreImportInfo info = {.source = "test", .rows_accepted = 1, .when = ""};
    if (!store_stage_commit(st, &info, err, sizeof err))
        fail_msg("the import failed after a reader opened the directory: %s", err);
    assert_int_equal(count(fx), 1);
}

/* An export of n good rows with one cell at row `bad` (0-based) given
 * as `cell` in the Company column, and every seventh bio quoted when
 * quotes is set; returns the line that row is on. */
static unsigned long export_with_cell(StrBuf *sb, int n, int bad, const char *cell, bool quotes)
{
    unsigned long line = 0;
    strbuf_add(sb, "ID,First Name,Last Name,Job Title,Company,Industry,Grad Year,E-mail,"
                   "Preferred Contact,Bio\n");
    for (int i = 0; i < n; i++) {
        if (i == bad)
            line = (unsigned long)i + 2;
        strbuf_addf(sb, "Q%04d,Iris,Vale %d,Nurse,%s,Healthcare,2010,iris%d@example.org,email,%s\n",
                    i, i, i == bad ? cell : "Harbor Clinic", i,
                    quotes && i % 7 == 3 ? "\"Night shifts, then days\"" : "Ward lead");
    }
    return line;
}

/* One cell that opens a quote and never closes it, in a 1,000-row
 * export: the file is refused whole with the line where the quote
 * opens, and the directory keeps every mentor. Over USB the preview
 * (validate only) is refused the same way, so no "Import 9" is offered. */
static void test_unclosed_quote_refuses_the_file(void **state)
{
    Fx *fx = *state;
    size_t cap = 1 << 20;
    char *buf = malloc(cap), want[64];
    StrBuf sb;
    seed(fx, 12);
    strbuf_init(&sb, buf, cap);
    unsigned long line = export_with_cell(&sb, 1000, 9, "\"Harbor Clinic", false);
    assert_false(sb.overflow);
    for (int apply = 0; apply < 2; apply++) {
        ImportReport rep = run(fx, buf, sb.len, apply, NULL);
        assert_int_equal(rep.outcome, IMPORT_REFUSED);
        snprintf(want, sizeof want, "line %lu: a quote", line);
        if (!strstr(rep.refusal, want) || !strstr(rep.refusal, "never closed"))
            fail_msg("refusal does not name line %lu: %s", line, rep.refusal);
        import_report_free(&rep);
    }
    assert_int_equal(count(fx), 12);
    /* a stray quote that a later quote closes: rows are swallowed in
     * between, and the file is refused all the same */
    strbuf_init(&sb, buf, cap);
    line = export_with_cell(&sb, 1000, 501, "\"Harbor Clinic", true);
    ImportReport rep = run(fx, buf, sb.len, true, NULL);
    assert_int_equal(rep.outcome, IMPORT_REFUSED);
    snprintf(want, sizeof want, "line %lu: a quote", line);
    if (!strstr(rep.refusal, want) || !strstr(rep.refusal, "like a row of its own"))
        fail_msg("refusal does not name line %lu: %s", line, rep.refusal);
    import_report_free(&rep);
    assert_int_equal(count(fx), 12);
    /* a cell that runs on for 60 lines */
    strbuf_init(&sb, buf, cap);
    strbuf_add(&sb, "ID,First Name,Last Name,Job Title,Company,Industry,Grad Year,E-mail,"
                    "Preferred Contact,Bio\n");
    strbuf_add(&sb, "Q1,Iris,Vale,Nurse,Harbor Clinic,Healthcare,2010,iris@example.org,email,\"");
    for (int i = 0; i < 60; i++)
        strbuf_addf(&sb, "note %d\n", i);
    strbuf_add(&sb, "end\"\n");
    rep = run(fx, buf, sb.len, true, NULL);
    assert_int_equal(rep.outcome, IMPORT_REFUSED);
    assert_non_null(strstr(rep.refusal, "line 2: a quote"));
    assert_non_null(strstr(rep.refusal, "61 lines"));
    import_report_free(&rep);
    /* real multi-line cells with commas are fine */
    strbuf_init(&sb, buf, cap);
    export_with_cell(&sb, 50, 3, "\"Harbor Clinic, North\nWing B\"", true);
    rep = run(fx, buf, sb.len, true, NULL);
    if (rep.outcome != IMPORT_DONE)
        fail_msg("a sound file was refused: %s", rep.refusal);
    import_report_free(&rep);
    assert_int_equal(count(fx), 50);
    free(buf);
}

/* Mentors in the directory file at path (a backup, say). */
static int count_at(const char *path)
{
    char err[256];
    Store *s = store_open(path, err, sizeof err);
    if (!s)
        fail_msg("cannot open %s: %s", path, err);
    int n = store_mentor_count(s);
    store_close(s);
    return n;
}

static const char *beside(Fx *fx, const char *suffix)
{
    static char path[4][1100];
    static int turn;
    char *p = path[turn++ % 4];
    snprintf(p, sizeof path[0], "%s%s", fx->db, suffix);
    return p;
}

/* An SQLite file of someone else's at path. */
static void foreign_sqlite(const char *path)
{
    unlink(path);
    assert_int_equal(support_sh(NULL,
                                "sqlite3 '%s' 'CREATE TABLE notes(body TEXT);"
                                " INSERT INTO notes VALUES(\"groceries\")'",
                                path),
                     0);
}

/* A 0-byte or foreign SQLite file in the directory's place is damage:
 * kept aside, the backup put back and staff told; never served as an
 * empty directory ("No one matches that yet"). */
/* Rows that suddenly hold a few fields (a list cut short, or notes pasted
 * below it): the file is refused whole, naming the line it starts on;
 * a few short rows here and there are rejected one by one as before. */
static void test_sudden_drop_in_fields_refuses_the_file(void **state)
{
    Fx *fx = *state;
    size_t cap = 1 << 20;
    char *buf = malloc(cap);
    StrBuf sb;
    seed(fx, 12);
    strbuf_init(&sb, buf, cap);
    export_with_cell(&sb, 600, -1, "", false);
    for (int i = 0; i < 400; i++) /* from line 602: notes, two fields */
        strbuf_addf(&sb, "Call back %d,before Friday\n", i);
    assert_false(sb.overflow);
    for (int apply = 0; apply < 2; apply++) {
        ImportReport rep = run(fx, buf, sb.len, apply, NULL);
        assert_int_equal(rep.outcome, IMPORT_REFUSED);
        if (!strstr(rep.refusal, "line 602: from here on, rows hold 2 or fewer fields"))
            fail_msg("refusal does not name line 602: %s", rep.refusal);
        import_report_free(&rep);
    }
    assert_int_equal(count(fx), 12);
    /* short rows scattered through a good share of the file */
    strbuf_init(&sb, buf, cap);
    strbuf_add(&sb, "ID,First Name,Last Name,Job Title,Company,Industry,Grad Year,E-mail,"
                    "Preferred Contact,Bio\n");
    for (int i = 0; i < 100; i++)
        strbuf_addf(&sb,
                    i % 3 == 1 ? "Q%04d,Iris\n"
                               : "Q%04d,Iris,Vale,Nurse,Harbor Clinic,Healthcare,2010,"
                                 "iris@example.org,email,Ward lead\n",
                    i);
    ImportReport rep = run(fx, buf, sb.len, true, NULL);
    assert_int_equal(rep.outcome, IMPORT_REFUSED);
    assert_non_null(strstr(rep.refusal, "line 3: 33 of the file's 100 rows"));
    import_report_free(&rep);
    assert_int_equal(count(fx), 12);
    /* cut short in the middle of a row: refused, naming that line */
    strbuf_init(&sb, buf, cap);
    export_with_cell(&sb, 50, -1, "", false);
    strbuf_add(&sb, "Q0050,Iris,Vale 50,Nurse,Harbor");
    rep = run(fx, buf, sb.len, true, NULL);
    assert_int_equal(rep.outcome, IMPORT_REFUSED);
    if (!strstr(rep.refusal, "line 52: the file ends in the middle of a row (5 of"))
        fail_msg("refusal does not name line 52: %s", rep.refusal);
    import_report_free(&rep);
    assert_int_equal(count(fx), 12);
    /* a last row whole but without its line end is fine */
    strbuf_init(&sb, buf, cap);
    export_with_cell(&sb, 20, -1, "", false);
    sb.len--; /* the final newline */
    buf[sb.len] = '\0';
    rep = run(fx, buf, sb.len, true, NULL);
    assert_int_equal(rep.outcome, IMPORT_DONE);
    import_report_free(&rep);
    /* three short rows in a thousand: those rows are rejected, no more */
    strbuf_init(&sb, buf, cap);
    export_with_cell(&sb, 1000, 400, "Harbor Clinic", false);
    strbuf_add(&sb, "Q9001,Ana\nQ9002,Bo\nQ9003,Cy\n");
    rep = run(fx, buf, sb.len, true, NULL);
    assert_int_equal(rep.outcome, IMPORT_PARTIAL);
    assert_int_equal(rep.rejected, 3);
    import_report_free(&rep);
    free(buf);
}

static void test_empty_or_foreign_file_is_damage(void **state)
{
    Fx *fx = *state;
    char err[512];
    struct stat st;
    seed(fx, 5);
    seed(fx, 7); /* the 5 are the backup */
    support_write(fx->db, "", 0);
    Store *s = store_open(fx->db, err, sizeof err);
    assert_non_null(s);
    if (!strstr(store_notice(s), "damaged (it is empty (0 bytes))"))
        fail_msg("no notice for an empty file: \"%s\"", store_notice(s));
    assert_int_equal(store_mentor_count(s), 5);
    store_close(s);
    assert_int_equal(stat(beside(fx, ".damaged"), &st), 0);
    assert_int_equal(st.st_size, 0);
    foreign_sqlite(fx->db);
    s = store_open(fx->db, err, sizeof err);
    assert_non_null(s);
    if (!strstr(store_notice(s), "not a Career Kiosk directory (its tables: notes)"))
        fail_msg("no notice for a foreign file: \"%s\"", store_notice(s));
    assert_int_equal(store_mentor_count(s), 5);
    store_close(s);
    /* nothing sound to put back: refused, with what to do */
    unlink(beside(fx, ".bak"));
    unlink(beside(fx, ".bak2"));
    support_write(fx->db, "", 0);
    assert_null(store_open(fx->db, err, sizeof err));
    assert_non_null(strstr(err, "empty (0 bytes)"));
    assert_non_null(strstr(err, "career-kiosk-admin import"));
}

/* An import over a damaged or empty directory must not rotate it into
 * the backup: the last good list stays there. */
static void test_import_never_backs_up_a_bad_directory(void **state)
{
    Fx *fx = *state;
    static char buf[65536];
    StrBuf sb;
    char err[256];
    struct stat st;
    seed(fx, 5);
    seed(fx, 7);                  /* the 5 are the backup */
    support_write(fx->db, "", 0); /* emptied, and nobody has opened it since */
    strbuf_init(&sb, buf, sizeof buf);
    strbuf_add(&sb, HEADER);
    for (int i = 0; i < 9; i++)
        good_row(&sb, i);
    ImportReport rep = run(fx, buf, sb.len, true, NULL);
    if (rep.outcome != IMPORT_DONE)
        fail_msg("the import over an empty file failed: %s", rep.refusal);
    import_report_free(&rep);
    assert_int_equal(count_at(beside(fx, ".bak")), 5);
    assert_int_equal(stat(beside(fx, ".damaged"), &st), 0);
    /* a directory of ours with no mentors in it */
    const char *empty = beside(fx, ".empty");
    Store *s = store_open(empty, err, sizeof err);
    assert_non_null(s);
    store_close(s);
    assert_int_equal(rename(empty, fx->db), 0);
    strbuf_init(&sb, buf, sizeof buf);
    strbuf_add(&sb, HEADER);
    for (int i = 0; i < 11; i++)
        good_row(&sb, i);
    rep = run(fx, buf, sb.len, true, NULL);
    assert_int_equal(rep.outcome, IMPORT_DONE);
    import_report_free(&rep);
    assert_int_equal(count(fx), 11);
    assert_int_equal(count_at(beside(fx, ".bak")), 5);
}

/* Two generations of backup: one bad import (and then damage to the
 * newest backup too) cannot take the last good list. */
static void test_two_backup_generations(void **state)
{
    Fx *fx = *state;
    char err[256];
    seed(fx, 3);
    seed(fx, 5);
    seed(fx, 7);
    assert_int_equal(count_at(beside(fx, ".bak")), 5);
    assert_int_equal(count_at(beside(fx, ".bak2")), 3);
    support_write(beside(fx, ".bak"), "not a database at all, only words", (size_t)-1);
    foreign_sqlite(fx->db);
    Store *s = store_open(fx->db, err, sizeof err);
    assert_non_null(s);
    assert_non_null(strstr(store_notice(s), "damaged"));
    assert_int_equal(store_mentor_count(s), 3);
    store_close(s);
}

/* text (UTF-8) as UTF-16 in the given byte order, with or without a
 * byte-order mark, into out; returns the length. */
static size_t to_utf16(const char *text, bool big, bool bom, char *out, size_t cap)
{
    iconv_t cd = iconv_open(big ? "UTF-16BE" : "UTF-16LE", "UTF-8");
    assert_true(cd != (iconv_t)-1);
    size_t n = 0;
    if (bom) {
        out[n++] = big ? '\xFE' : '\xFF';
        out[n++] = big ? '\xFF' : '\xFE';
    }
    char *ip = (char *)text, *op = out + n;
    size_t il = strlen(text), ol = cap - n;
    assert_true(iconv(cd, &ip, &il, &op, &ol) != (size_t)-1);
    iconv_close(cd);
    return (size_t)(op - out);
}

static void expect_mentor(Fx *fx, const char *id, const char *first, const char *last,
                          const char *org)
{
    Mentor m;
    char err[256];
    Store *s = store_open(fx->db, err, sizeof err);
    assert_non_null(s);
    if (!store_mentor_get(s, id, &m))
        fail_msg("mentor %s is missing", id);
    assert_string_equal(m.first_name, first);
    assert_string_equal(m.last_name, last);
    assert_string_equal(m.organization, org);
    store_close(s);
}

/* Excel's "Unicode Text" (UTF-16 little-endian with a mark, tabs between
 * fields) and a UTF-16 CSV without a mark, in either byte order, are
 * decoded, not read as Windows-1252. */
static void test_utf16_exports_are_decoded(void **state)
{
    Fx *fx = *state;
    static char out[8192];
    const char *tabbed = "ID\tFirst Name\tLast Name\tTitle\tCompany\tField\tGrad Year\tEmail\t"
                         "Contact via\r\n"
                         "U1\tJosé\tGarcía\tAnalyst\t\"Café, Bar & Co\"\tFinance\t2010\t"
                         "jose@example.org\temail\r\n"
                         "U2\tZoë\tŁukasz 李\tEditor\tQuill Press\tMedia\t2012\tzoe@example.org\t"
                         "email\r\n";
    size_t n = to_utf16(tabbed, false, true, out, sizeof out);
    ImportReport rep = run(fx, out, n, true, NULL);
    if (rep.outcome != IMPORT_DONE)
        fail_msg("Unicode Text refused: %s", rep.refusal);
    assert_non_null(strstr(rep.encoding, "UTF-16 little-endian"));
    assert_non_null(strstr(rep.encoding, "tab-separated"));
    import_report_free(&rep);
    expect_mentor(fx, "U1", "José", "García", "Café, Bar & Co");
    expect_mentor(fx, "U2", "Zoë", "Łukasz 李", "Quill Press");
    const char *commas = "ID,First Name,Last Name,Title,Company,Field,Grad Year,Email,Contact via\n"
                         "V1,Renée,Dubois,Editor,Les Mots,Media,2012,renee@example.org,email\n";
    for (int big = 0; big < 2; big++) {
        n = to_utf16(commas, big, false, out, sizeof out);
        rep = run(fx, out, n, true, NULL);
        if (rep.outcome != IMPORT_DONE)
            fail_msg("UTF-16 CSV refused: %s", rep.refusal);
        assert_non_null(strstr(rep.encoding, big ? "big-endian" : "little-endian"));
        import_report_free(&rep);
        expect_mentor(fx, "V1", "Renée", "Dubois", "Les Mots");
    }
}

/* European Excel puts ';' between fields (and ',' inside them). */
static void test_semicolon_separated_export(void **state)
{
    Fx *fx = *state;
    const char *data = "ID;First Name;Last Name;Title;Company;Field;Grad Year;Email;Contact via\r\n"
                       "S1;Ines;Berg;Analyst;Berg, Hall & Partner;Finance;2010;ines@example.org;"
                       "email\r\n"
                       "S2;Tom;Roe;Editor;\"Quill; Press\";Media;2012;tom@example.org;email\r\n";
    ImportReport rep = run(fx, data, strlen(data), true, NULL);
    if (rep.outcome != IMPORT_DONE)
        fail_msg("a ';' export was refused: %s", rep.refusal);
    assert_int_equal(rep.accepted, 2);
    assert_non_null(strstr(rep.encoding, "';'-separated"));
    import_report_free(&rep);
    expect_mentor(fx, "S1", "Ines", "Berg", "Berg, Hall & Partner");
    expect_mentor(fx, "S2", "Tom", "Roe", "Quill; Press");
}

/* A workbook renamed .csv, and other files that are no export, are
 * refused with what they are and how to export; nothing changes. */
static void test_workbook_renamed_csv_is_named(void **state)
{
    Fx *fx = *state;
    char *out = NULL;
    seed(fx, 4);
    const char *xlsx = support_path(fx->dir, "book.xlsx");
    assert_int_equal(support_sh(&out,
                                "python3 -c 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],"
                                "\"w\"); z.writestr(\"[Content_Types].xml\",\"<Types/>\");"
                                " z.writestr(\"xl/workbook.xml\",\"<workbook/>\");"
                                " z.writestr(\"xl/worksheets/sheet1.xml\",\"<worksheet/>\");"
                                " z.close()' %s",
                                xlsx),
                     0);
    free(out);
    size_t len;
    char *data = support_read(xlsx, &len);
    assert_non_null(data);
    ImportReport rep = run(fx, data, len, true, NULL);
    assert_int_equal(rep.outcome, IMPORT_REFUSED);
    if (!strstr(rep.refusal, "an Excel workbook (.xlsx), not a CSV export") ||
        !strstr(rep.refusal, "CSV UTF-8"))
        fail_msg("refusal does not say what the file is: %s", rep.refusal);
    import_report_free(&rep);
    free(data);
    static const char sqlite_head[] = "SQLite format 3\0\x10\0\x01\x01";
    rep = run(fx, sqlite_head, sizeof sqlite_head, true, NULL);
    assert_int_equal(rep.outcome, IMPORT_REFUSED);
    assert_non_null(strstr(rep.refusal, "an SQLite database"));
    import_report_free(&rep);
    assert_int_equal(count(fx), 4);
}

/* Excel's "CSV (Macintosh)" writes Mac Roman: read as Windows-1252 it
 * would be "JosŽ Garc’a". It is found and converted; a Windows-1252
 * file with apostrophes and accents stays Windows-1252. */
static void test_mac_roman_is_not_mojibake(void **state)
{
    Fx *fx = *state;
    const char *mac = "ID,First Name,Last Name,Title,Company,Field,Grad Year,Email,Contact via\r"
                      "M1,Jos\x8E,Garc\x92"
                      "a,Analyst,Caf\x8E M\x9Fller,Finance,2010,jose@example.org,email\r"
                      "M2,Fran\x8D"
                      "oise,No\x91l,Editor,\xD2Les Mots\xD3,Media,2012,fn@example.org,email\r";
    ImportReport rep = run(fx, mac, strlen(mac), true, NULL);
    if (rep.outcome != IMPORT_DONE)
        fail_msg("Mac Roman refused: %s", rep.refusal);
    assert_non_null(strstr(rep.encoding, "Mac Roman"));
    import_report_free(&rep);
    expect_mentor(fx, "M1", "José", "García", "Café Müller");
    expect_mentor(fx, "M2", "Françoise", "Noël", "\u201cLes Mots\u201d");
    const char *win =
        "ID,First Name,Last Name,Title,Company,Field,Grad Year,Email,Contact via\n"
        "W1,Jos\xE9,O\x92Neill,Analyst,Caf\xE9 Co,Finance,2010,jose@example.org,email\n"
        "W2,Ren\xE9"
        "e,Dubois,Editor,We\x92re \x93Here\x94,Media,2012,renee@example.org,email\n";
    rep = run(fx, win, strlen(win), true, NULL);
    assert_int_equal(rep.outcome, IMPORT_DONE);
    assert_non_null(strstr(rep.encoding, "Windows-1252"));
    import_report_free(&rep);
    expect_mentor(fx, "W1", "José", "O\u2019Neill", "Café Co");
    /* Mac Roman with its own apostrophes and one accent */
    const char *mac2 = "ID,First Name,Last Name,Title,Company,Field,Grad Year,Email,Bio,"
                       "Contact via\r"
                       "M3,Ana,Pe\x96"
                       "a,Nurse,St Mary\xD5s,Healthcare,2010,ana@example.org,"
                       "I\xD5m glad to help; don\xD5t be shy,email\r";
    rep = run(fx, mac2, strlen(mac2), true, NULL);
    assert_int_equal(rep.outcome, IMPORT_DONE);
    assert_non_null(strstr(rep.encoding, "Mac Roman"));
    import_report_free(&rep);
    expect_mentor(fx, "M3", "Ana", "Peña", "St Mary\u2019s");
}

/* What exports really hold: invisible characters (a required field of
 * only no-break and zero-width spaces is empty; an address with one
 * inside is invalid), control characters, and Excel's floats; every
 * rejection says what is really wrong. */
static void test_invisible_and_control_characters(void **state)
{
    Fx *fx = *state;
    static char buf[65536];
    StrBuf sb;
    strbuf_init(&sb, buf, sizeof buf);
    strbuf_add(&sb, "ID,First Name,Last Name,Job Title,Company,Industry,Grad Year,E-mail,Phone,"
                    "Preferred Contact,Bio,Monthly Cap\n");
    const int good = 30;         /* lines 2-31 */
    const unsigned long n1 = 32; /* N1's line; N2 is on the next, and so on */
    for (int i = 0; i < good; i++)
        strbuf_addf(&sb,
                    "G%02d,Lin,Hart,Clerk,Town Hall,Government,2009.0,g%d@example.org,,email,"
                    ",6.0\n",
                    i, i);
    strbuf_add(&sb, "N1,\u00A0\u200B\u3000,Hart,Clerk,Town Hall,Government,2009,n1@example.org,,"
                    "email,,\n");
    strbuf_add(&sb, "N2,Lin,Hart,Clerk,Town Hall,Government,2009,n2\u00A0@example.org,,email,,\n");
    strbuf_add(&sb, "N3,Lin,Hart,Clerk,Town Hall,Government,2009,n3@exam\u200Bple.org,,email,,\n");
    strbuf_add(&sb, "N4,Lin,Hart,Clerk,Town Hall,Government,2009,n4@example.org,,email,"
                    "\"\x1b[31mred\x1b[0m\",\n");
    strbuf_add(&sb,
               "N5,Lin,Ha\x07rt\x08,Clerk,Town Hall,Government,2009,n5@example.org,,email,,\n");
    strbuf_add(&sb, "N6,Lin,Hart,Clerk,Town Hall,Government,2009,,3125550106.0,phone,,\n");
    strbuf_add(&sb, "N7,Lin,Hart,Clerk,Town Hall,Government,2009,,3.12555E+09,phone,,\n");
    strbuf_add(&sb, "\u200BN8\u00A0,Lin,Hart,Clerk,Town Hall,Government,2009,n8@example.org,,"
                    "email,,\n"); /* trimmed, fine */
    assert_false(sb.overflow);
    ImportReport rep = run(fx, buf, sb.len, true, NULL);
    if (rep.outcome != IMPORT_PARTIAL)
        fail_msg("expected a partial import: %s", rep.refusal);
    assert_int_equal(rep.accepted, good + 2); /* N6 and N8; N1-N5 and N7 are rejected */
    const ImportRejection *x = rejection_at(&rep, n1);
    assert_string_equal(x->column, "First name");
    assert_non_null(strstr(x->reason, "required but empty"));
    x = rejection_at(&rep, n1 + 1);
    assert_string_equal(x->column, "Email");
    assert_non_null(strstr(x->reason, "no-break space (U+00A0) inside"));
    x = rejection_at(&rep, n1 + 2);
    assert_non_null(strstr(x->reason, "zero-width space (U+200B) inside"));
    x = rejection_at(&rep, n1 + 3);
    assert_string_equal(x->column, "Bio");
    assert_non_null(strstr(x->reason, "ESC (U+001B), at character 1"));
    assert_null(strchr(x->reason, '\x1b'));
    x = rejection_at(&rep, n1 + 4);
    assert_non_null(strstr(x->reason, "BEL (U+0007), at character 3"));
    x = rejection_at(&rep, n1 + 6);
    assert_string_equal(x->column, "Phone");
    assert_non_null(strstr(x->reason, "scientific notation"));
    assert_null(strstr(x->reason, "not a phone number"));
    import_report_free(&rep);
    Mentor m;
    char err[256];
    Store *s = store_open(fx->db, err, sizeof err);
    assert_true(store_mentor_get(s, "G03", &m));
    assert_int_equal(m.grad_year, 2009);
    assert_int_equal(m.monthly_cap, 6);
    assert_true(store_mentor_get(s, "N6", &m));
    assert_string_equal(m.contact, "3125550106");
    assert_true(store_mentor_get(s, "N8", &m));
    store_close(s);
}

/* A row too big in all is not reported as one field "longer than
 * 65536 bytes" when no field is; and 2009.0 is no longer "too long". */
static void test_rejection_reasons_are_true(void **state)
{
    Fx *fx = *state;
    size_t cap = 1 << 20;
    char *buf = malloc(cap);
    StrBuf sb;
    strbuf_init(&sb, buf, cap);
    strbuf_add(&sb, "ID,First Name,Last Name,Job Title,Company,Industry,Grad Year,E-mail,"
                    "Preferred Contact,Bio,Topics,Major,Location,Languages,Notes\n");
    for (int i = 0; i < 10; i++)
        strbuf_addf(&sb,
                    "R%d,Lin,Hart,Clerk,Town Hall,Government,2009,r%d@example.org,email,,,,,,\n", i,
                    i);
    strbuf_add(&sb, "BIG,Lin,Hart,Clerk,Town Hall,Government,2009,big@example.org,email");
    for (int f = 0; f < 6; f++) { /* six fields of 60,000 bytes: none over 65,536 */
        strbuf_addc(&sb, ',');
        for (int i = 0; i < 60000; i++)
            strbuf_addc(&sb, 'y');
    }
    strbuf_add(&sb, "\n"); /* line 12 */
    assert_false(sb.overflow);
    ImportReport rep = run(fx, buf, sb.len, true, NULL);
    assert_int_equal(rep.outcome, IMPORT_PARTIAL);
    const ImportRejection *x = rejection_at(&rep, 12);
    if (strstr(x->reason, "longer than 65536"))
        fail_msg("untrue reason: %s", x->reason);
    assert_non_null(strstr(x->reason, "the row is longer than"));
    import_report_free(&rep);
    free(buf);
}

/* The rejected-rows CSV staff open in Excel never carries a live
 * formula from the export. */
static void test_rejected_rows_csv_has_no_formulas(void **state)
{
    Fx *fx = *state;
    static char buf[65536];
    StrBuf sb;
    char report[1100];
    snprintf(report, sizeof report, "%s/rejected.csv", fx->dir);
    strbuf_init(&sb, buf, sizeof buf);
    strbuf_add(&sb, HEADER);
    for (int i = 0; i < 12; i++)
        good_row(&sb, i);
    strbuf_add(&sb, "=HYPERLINK(\"http://evil.example\"),@SUM(1),+cmd,Analyst,-Org,Finance,1800,,"
                    ",,=cmd|' /C calc'!A0,,,email,,,,,\n");
    ImportReport rep = run(fx, buf, sb.len, true, report);
    assert_int_equal(rep.outcome, IMPORT_PARTIAL);
    import_report_free(&rep);
    char *csv = support_read(report, NULL);
    assert_non_null(csv);
    /* no cell starts with = + - @ (after an optional opening quote) */
    for (char *p = csv; *p; p++) {
        bool cell_start = p == csv || p[-1] == ',' || p[-1] == '\n';
        if (!cell_start)
            continue;
        const char *c = *p == '"' ? p + 1 : p;
        if (strchr("=+-@", *c) && *c)
            fail_msg("a live formula cell in the rejected-rows CSV: %.40s", p);
    }
    assert_non_null(strstr(csv, "\"'=HYPERLINK("));
    assert_non_null(strstr(csv, "\"'=cmd|"));
    free(csv);
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_good_file_with_quotes_and_aliases, setup, teardown),
        cmocka_unit_test_setup_teardown(test_excel_bom_and_crlf, setup, teardown),
        cmocka_unit_test_setup_teardown(test_windows_1252_is_converted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_every_rejection_has_line_and_reason, setup, teardown),
        cmocka_unit_test_setup_teardown(test_refusals_leave_the_directory_alone, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hostile_inputs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invalid_bytes_rejected_by_row, setup, teardown),
        cmocka_unit_test_setup_teardown(test_backup_rollback_and_counters_survive, setup, teardown),
        cmocka_unit_test_setup_teardown(test_validate_says_who_comes_and_goes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_validate_changes_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_interrupted_import_is_cleaned_up, setup, teardown),
        cmocka_unit_test(test_synonym_tables),
        cmocka_unit_test_setup_teardown(test_unclosed_quote_refuses_the_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sudden_drop_in_fields_refuses_the_file, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_empty_or_foreign_file_is_damage, setup, teardown),
        cmocka_unit_test_setup_teardown(test_import_never_backs_up_a_bad_directory, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_two_backup_generations, setup, teardown),
        cmocka_unit_test_setup_teardown(test_utf16_exports_are_decoded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_semicolon_separated_export, setup, teardown),
        cmocka_unit_test_setup_teardown(test_workbook_renamed_csv_is_named, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mac_roman_is_not_mojibake, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stray_quote_named_where_it_opens, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invisible_and_control_characters, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rejection_reasons_are_true, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rejected_rows_csv_has_no_formulas, setup, teardown),
        cmocka_unit_test_setup_teardown(test_opening_during_an_import_leaves_it_alone, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
