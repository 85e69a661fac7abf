/* Tests for finding people as visitors type: the corpus of visitor
 * queries (tests/fixtures/queries.csv) over a realistic directory
 * (tests/fixtures/directory.csv, written by make_directory.py), and the
 * pieces behind it: folding every script to Latin letters, stems,
 * synonyms, typo correction and a ranking fair to every script. */
#define _GNU_SOURCE /* strcasestr */
#include "support.h"

#include "core/csv.h"
#include "core/rank.h"
#include "core/text.h"
#include "core/visitor.h"
#include "directory/counts.h"
#include "directory/import.h"
#include "directory/latin.h"
#include "directory/search.h"
#include "directory/store.h"

#include <stdio.h>

static char *dir;
static const char *db;
static char *sample_dir;
static const Date today = {2026, 11, 22};

/* The fixture directory with the built-in synonym table. */
static int setup(void **state)
{
    (void)state;
    char err[512];
    ImportReport rep;
    dir = support_tmpdir();
    db = strdup(support_path(dir, "fixture.db"));
    ImportOptions opt = {.db_path = db, .this_year = 2026, .when = ""};
    if (!import_file("tests/fixtures/directory.csv", &opt, &rep) || rep.rejected) {
        fprintf(stderr, "fixture import: %s (%d rejected)\n", rep.refusal, rep.rejected);
        return -1;
    }
    import_report_free(&rep);
    Synonym *table = calloc(SYNONYM_MAX, sizeof *table);
    int n = import_synonyms_file("assets/synonyms.csv", table, SYNONYM_MAX, err, sizeof err);
    Store *s = n > 0 ? store_open(db, err, sizeof err) : NULL;
    bool ok = s && store_synonyms_replace(s, table, n, err, sizeof err);
    if (!ok)
        fprintf(stderr, "synonyms: %s\n", err);
    store_close(s);
    free(table);
    return ok ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    if (sample_dir) {
        support_rmtree(sample_dir);
        free(sample_dir);
    }
    support_rmtree(dir);
    free(dir);
    free((char *)db);
    return 0;
}

static Store *open_store(void)
{
    char err[256];
    Store *s = store_open(db, err, sizeof err);
    if (!s)
        fail_msg("%s", err);
    return s;
}

/* True when m satisfies one of the corpus's "kind:value|kind:value". */
static bool relevant(const Mentor *m, const char *want)
{
    char list[400], name[2 * MENTOR_NAME_MAX + 2], *save = NULL;
    text_copy(list, sizeof list, want);
    mentor_full_name(m, name, sizeof name);
    for (char *p = strtok_r(list, "|", &save); p; p = strtok_r(NULL, "|", &save)) {
        char *v = strchr(p, ':');
        if (!v)
            fail_msg("bad relevance \"%s\" in queries.csv", p);
        *v++ = '\0';
        if ((strcmp(p, "title") == 0 && strcasestr(m->title, v)) ||
            (strcmp(p, "field") == 0 && strcmp(m->field, v) == 0) ||
            (strcmp(p, "name") == 0 && strstr(name, v)) ||
            (strcmp(p, "org") == 0 && strstr(m->organization, v)))
            return true;
    }
    return false;
}

/* Every query of the corpus finds a relevant mentor among the first five. */
static void test_corpus(void **state)
{
    (void)state;
    size_t len;
    char *data = support_read("tests/fixtures/queries.csv", &len);
    assert_non_null(data);
    char buf[1024];
    const char *field[4];
    CsvReader csv;
    CsvRow row = {buf, sizeof buf, field, 4, 400, 0, 0, 0, 0, 0, 0};
    int queries = 0, missed = 0, kinds[6] = {0};
    static const char *const kind[] = {"synonym", "plural", "typo", "name", "org", "two-word"};
    Store *s = open_store();
    csv_open(&csv, data, len);
    csv_next_row(&csv, &row); /* query,relevant,kind */
    while (csv_next_row(&csv, &row)) {
        StoreHit hit[5];
        assert_int_equal(row.nfields, 3);
        int n = store_search(s, field[0], NULL, today, hit, 5);
        bool ok = false;
        for (int i = 0; i < n && !ok; i++)
            ok = relevant(&hit[i].mentor, field[1]);
        if (!ok) {
            missed++;
            fprintf(stderr, "  missed \"%s\" (%s): %d found, first %s\n", field[0], field[1], n,
                    n > 0 ? hit[0].mentor.title : "-");
        }
        for (int k = 0; k < 6; k++)
            kinds[k] += strcmp(field[2], kind[k]) == 0;
        queries++;
    }
    store_close(s);
    free(data);
    assert_true(queries >= 80);
    for (int k = 0; k < 6; k++)
        if (kinds[k] < 5)
            fail_msg("the corpus has only %d %s queries", kinds[k], kind[k]);
    assert_int_equal(missed, 0);
}

/* Every Latin letter folds, not only those that decompose; other
 * scripts come out as an English speaker spells them. */
static void test_fold_every_letter(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"Søren Østergaard", "soren ostergaard"},
        {"Łukasz Bołek", "lukasz bolek"},
        {"İlkay Yıldız", "ilkay yildiz"},
        {"Straße", "strasse"},
        {"Æsa Cæsar", "aesa caesar"},
        {"Đorđe", "dorde"},
        {"Œuvre cœur", "oeuvre coeur"},
        {"Þóra", "thora"},
        {"Ελένη Παπαδοπούλου", "eleni papadopoulou"},
        {"Άγγελος Ηλίας", "angelos ilias"},
        {"Ольга Смирнова", "olga smirnova"},
        {"Юрий", "yuriy"},
        {"王小明", "wang xiao ming"},
        {"प्रिया शर्मा", "priya sharma"},
        {"Nguyễn Thị Minh", "nguyen thi minh"},
        {"MIXED Ольга Zoë", "mixed olga zoe"},
    };
    char out[128];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        latin_fold(cases[i][0], out, sizeof out);
        if (strcmp(out, cases[i][1]) != 0)
            fail_msg("\"%s\" folded to \"%s\", not \"%s\"", cases[i][0], out, cases[i][1]);
    }
    /* a word folds the same whatever its neighbours */
    char alone[64], among[64];
    latin_fold("Wiśniewski", alone, sizeof alone);
    latin_fold("Ольга Wiśniewski", among, sizeof among);
    assert_string_equal(among + strlen("olga "), alone);
    /* cut at a character boundary, never mid-way through one */
    latin_fold("Ольга Смирнова", out, 8);
    assert_true(text_utf8_valid(out, strlen(out)));
    assert_true(strlen(out) < 8);
}

/* Names written in any script are found by their Latin spelling, and by
 * the original, and the card keeps the original. */
static void test_names_in_any_script(void **state)
{
    (void)state;
    Store *s = open_store();
    static const struct {
        const char *typed, *name;
    } cases[] = {{"volkov", "Волков"},     {"Волков", "Волков"},  {"nikolaou", "Νικολάου"},
                 {"Νικολαου", "Νικολάου"}, {"xiaoming", "晓明"},  {"minjun", "민준"},
                 {"kumar", "कुमार"},        {"beridze", "ბერიძე"}, {"thora", "Þóra"},
                 {"gross", "Groß"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        StoreHit hit[3];
        char name[2 * MENTOR_NAME_MAX + 2];
        int n = store_search(s, cases[i].typed, NULL, today, hit, 3);
        if (n < 1)
            fail_msg("\"%s\" found nobody", cases[i].typed);
        mentor_full_name(&hit[0].mentor, name, sizeof name);
        if (!strstr(name, cases[i].name))
            fail_msg("\"%s\" found %s first", cases[i].typed, name);
        assert_int_equal(hit[0].tier, RANK_TIER_NAME);
    }
    store_close(s);
}

/* The sample directory (assets/mentors.sample.csv) in a store of its
 * own, imported once for the tests that read it. */
static Store *open_sample(void)
{
    char err[256];
    if (!sample_dir) {
        sample_dir = support_tmpdir();
        ImportOptions opt = {
            .db_path = support_path(sample_dir, "sample.db"), .this_year = 2026, .when = ""};
        ImportReport rep;
        assert_true(import_file("assets/mentors.sample.csv", &opt, &rep));
        assert_int_equal(rep.rejected, 0);
        import_report_free(&rep);
    }
    Store *s = store_open(support_path(sample_dir, "sample.db"), err, sizeof err);
    if (!s)
        fail_msg("%s", err);
    return s;
}

/* The first of hits[0..n) whose full name holds want, or -1. */
static int first_named(const StoreHit *hits, int n, const char *want)
{
    char name[2 * MENTOR_NAME_MAX + 2];
    for (int i = 0; i < n; i++) {
        mentor_full_name(&hits[i].mentor, name, sizeof name);
        if (strstr(name, want))
            return i;
    }
    return -1;
}

/* On the sample: a name typed whole comes before names it only starts
 * ("priya": Priya before Priyanka; "li": Li Na first), a name is found
 * run together or without its apostrophe ("oconaill", "obrien"), a job
 * title typed whole comes before a major it resembles ("biologist"),
 * what a mentor wrote in their bio is found ("army"), "remote" finds
 * those who meet remotely, and a word that spoils the rest is set aside
 * ("finance bro" shows finance, and says so). */
static void test_whole_words_and_what_people_type(void **state)
{
    (void)state;
    Store *s = open_sample();
    StoreHit hit[20];
    int n = store_search(s, "priya", NULL, today, hit, 20);
    assert_int_equal(first_named(hit, n, "प्रिया"), 0);
    n = store_search(s, "li", NULL, today, hit, 20);
    assert_int_equal(first_named(hit, n, "李娜"), 0);
    n = store_search(s, "ben", NULL, today, hit, 20);
    assert_true(first_named(hit, n, "Bennett") > first_named(hit, n, "Ben Carter"));
    n = store_search(s, "oconaill", NULL, today, hit, 20);
    assert_int_equal(first_named(hit, n, "Ó Conaill"), 0);
    n = store_search(s, "obrien", NULL, today, hit, 20);
    assert_int_equal(first_named(hit, n, "O'Brien"), 0);
    n = store_search(s,
                     "o\xE2\x80\x99"
                     "brien",
                     NULL, today, hit, 20); /* a curly apostrophe */
    assert_int_equal(first_named(hit, n, "O'Brien"), 0);
    n = store_search(s, "biologist", NULL, today, hit, 20);
    for (int i = 0; i < 3; i++)
        assert_non_null(strstr(hit[i].mentor.title, "Biologist"));
    n = store_search(s, "army", NULL, today, hit, 20);
    assert_true(n >= 3);
    for (int i = 0; i < n; i++)
        assert_non_null(strstr(hit[i].mentor.bio, "Army"));
    n = store_search(s, "software engineer remote", NULL, today, hit, 20);
    assert_true(n >= 3);
    for (int i = 0; i < n; i++)
        assert_true(hit[i].mentor.remote);
    StoreSearchInfo info = {0};
    n = store_search_info(s, "finance bro", NULL, today, hit, 20, &info);
    assert_true(n >= 3);
    assert_true(info.corrected);
    assert_string_equal(info.shown, "finance");
    for (int i = 0; i < 3; i++)
        assert_string_equal(hit[i].mentor.field, "Finance");
    store_close(s);
}

/* On the sample: a veteran's suggestions open with the veterans the
 * export names, and "Changed careers" is said only of a mentor whose bio
 * tells of another career before, never of one who switched majors or
 * only likes to hear from career changers. */
static void test_suggestions_say_what_is_true(void **state)
{
    (void)state;
    Store *s = open_sample();
    static StoreHit hit[40];
    static char why[40][STORE_REASON_MAX];
    StoreWho vet = {"", "", STATUS_VETERAN};
    int n = store_suggest(s, &vet, NULL, today, hit, why, 40);
    assert_true(n >= 9);
    for (int i = 0; i < 5; i++) {
        assert_string_equal(why[i], "A veteran too");
        assert_non_null(strstr(hit[i].mentor.affinities, "veteran"));
    }
    StoreWho changer = {"", "", STATUS_CHANGER};
    n = store_suggest(s, &changer, NULL, today, hit, why, 40);
    int said = 0;
    for (int i = 0; i < n; i++) {
        if (strcmp(why[i], "Changed careers") != 0)
            continue;
        said++;
        char bio[MENTOR_BIO_MAX + 1];
        text_copy(bio, sizeof bio, hit[i].mentor.bio);
        /* a job before this one, in the sample's words */
        bool other = strstr(bio, "they were a") || strstr(bio, "ran a small business") ||
                     strstr(bio, "unrelated") || strstr(bio, "served in the") ||
                     strstr(bio, "worked for") || strstr(bio, "teaching") ||
                     strstr(bio, "retail") || strstr(hit[i].mentor.topics, "career changes");
        if (!other)
            fail_msg("%s is said to have changed careers: %s", hit[i].mentor.id, bio);
    }
    assert_true(said >= 5);
    store_close(s);
}

/* Scripts that ICU cannot spell as people do (Arabic and Hebrew leave
 * out most vowels, kanji have several readings, Korean family names
 * have spellings of their own) are found through the export's optional
 * name_latin column: the sample directory carries it, under a header a
 * spreadsheet might use. */
static void test_names_as_mentors_spell_them(void **state)
{
    (void)state;
    char *d = support_tmpdir(), err[256];
    ImportOptions opt = {.this_year = 2026, .when = ""};
    ImportReport rep;
    Store *s = open_sample();
    static const struct {
        const char *typed, *name;
    } cases[] = {{"layla", "ليلى"},   {"haddad", "حداد"},      {"cohen", "כהן"},   {"levi", "לוי"},
                 {"youssef", "يوسف"}, {"takahashi", "高橋"},   {"kenta", "健太"},  {"kim", "김"},
                 {"mehta", "मेहता"},   {"misaki sato", "佐藤"}, {"seoyeon", "서연"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        StoreHit hit[8];
        char name[2 * MENTOR_NAME_MAX + 2];
        bool found = false;
        int n = store_search(s, cases[i].typed, NULL, today, hit, 8);
        for (int k = 0; k < n && !found; k++) {
            mentor_full_name(&hit[k].mentor, name, sizeof name);
            found = strstr(name, cases[i].name) && hit[k].tier == RANK_TIER_NAME;
        }
        if (!found)
            fail_msg("\"%s\" did not find %s by name", cases[i].typed, cases[i].name);
    }
    store_close(s);
    /* the column is optional and known by other headers */
    FILE *f = fopen(support_path(d, "x.csv"), "w");
    assert_non_null(f);
    fputs("id,first_name,last_name,title,organization,field,grad_year,email,contact_via,"
          "Romanized name\n"
          "X1,ليلى,حداد,Designer,Studio Nine,Design,2001,l@example.org,email,Laila Haddad\n"
          "X2,Ana,Ruiz,Designer,Studio Nine,Design,2001,a@example.org,email,\n",
          f);
    fclose(f);
    opt.db_path = support_path(d, "x.db");
    assert_true(import_file(support_path(d, "x.csv"), &opt, &rep));
    assert_int_equal(rep.accepted, 2);
    import_report_free(&rep);
    s = store_open(support_path(d, "x.db"), err, sizeof err);
    StoreHit hit[2];
    assert_int_equal(store_search(s, "laila", NULL, today, hit, 2), 1);
    assert_string_equal(hit[0].mentor.first_name, "ليلى"); /* the card keeps the original */
    assert_string_equal(hit[0].mentor.name_latin, "Laila Haddad");
    store_close(s);
    support_rmtree(d);
    free(d);
}

/* Imports rows under header (NULL: the columns most tests use) into a
 * new directory in d, and opens it. */
static Store *open_rows(const char *d, const char *name, const char *header, const char *rows)
{
    char err[256], csv[1100];
    ImportOptions opt = {.this_year = 2026, .when = ""};
    ImportReport rep;
    snprintf(csv, sizeof csv, "%s/%s.csv", d, name);
    FILE *f = fopen(csv, "w");
    assert_non_null(f);
    fputs(header ? header
                 : "id,first_name,last_name,title,organization,field,grad_year,email,contact_via,"
                   "topics,bio\n",
          f);
    fputs(rows, f);
    fclose(f);
    char path[1100];
    snprintf(path, sizeof path, "%s/%s.db", d, name);
    opt.db_path = path;
    if (!import_file(csv, &opt, &rep) || rep.rejected)
        fail_msg("%s: %s (%d rejected)", name, rep.refusal, rep.rejected);
    import_report_free(&rep);
    Store *st = store_open(path, err, sizeof err);
    assert_non_null(st);
    return st;
}

/* Which of the ids (in order) a search found, as "R1 R3". */
static void found_ids(Store *st, const char *typed, char *out, size_t cap)
{
    StoreHit hit[40];
    int n = store_search(st, typed, NULL, today, hit, 40);
    const char *ids[40];
    for (int i = 0; i < n; i++)
        ids[i] = hit[i].mentor.id;
    out[0] = '\0';
    /* sorted, so the order of equals (which rotates by day) is not asked */
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (strcmp(ids[j], ids[i]) < 0) {
                const char *t = ids[i];
                ids[i] = ids[j];
                ids[j] = t;
            }
    for (int i = 0; i < n; i++)
        snprintf(out + strlen(out), cap - strlen(out), "%s%s", i ? " " : "", ids[i]);
}

/* A prefix is written as the index's own words that start so when there
 * are a few (FTS5 reads them lazily, a prefix whole): the same people
 * are found whichever way it is written: a few words, too many words
 * (the prefix kept), a prefix of three letters (the index's own list),
 * and a directory with a word too long for the word list (the prefix
 * kept, or the long word would be lost). Plain ASCII goes to the index
 * unfolded: capitals, runs of spaces and apostrophes still match. */
static void test_prefixes_as_the_index_words(void **state)
{
    (void)state;
    char *d = support_tmpdir(), got[400], rows[8192] = "";
    strcat(rows,
           "R1,Ana,Ruiz,Remote Sensing Analyst,Geo Lab,Science,2010,a@example.org,email,maps,\n"
           "R2,Ben,Okoro,Carpenter,REMODEL   Works,Trades,2011,b@example.org,email,homes,\n"
           "R3,Cleo,Ng,Writer,Press,Media,2012,c@example.org,email,remoteness,\n"
           "R4,Dev,Rao,Chef,Kelly's Kitchen,Food,2013,d@example.org,email,cooking,\n");
    for (int i = 0; i < 20; i++) /* twenty words that start "planto" */
        snprintf(rows + strlen(rows), sizeof rows - strlen(rows),
                 "P%02d,Pat,Lee%c,Gardener,Green Co,Nature,2014,p%d@example.org,email,"
                 "planto%c%c,\n",
                 i, 'a' + i, i, 'a' + i / 5, 'a' + i);
    Store *st = open_rows(d, "few", NULL, rows);
    found_ids(st, "remo", got, sizeof got);
    assert_string_equal(got, "R1 R2 R3");
    found_ids(st, "remod", got, sizeof got);
    assert_string_equal(got, "R2");
    found_ids(st, "planto", got, sizeof got);
    assert_int_equal(strlen(got), 20 * 4 - 1); /* all twenty */
    found_ids(st, "rem", got, sizeof got);
    assert_string_equal(got, "R1 R2 R3");
    found_ids(st, "kellys", got, sizeof got);
    assert_string_equal(got, "R4");
    found_ids(st, "remodel works", got, sizeof got);
    assert_string_equal(got, "R2");
    store_close(st);
    /* a word longer than the word list keeps: prefixes stay prefixes */
    strcat(rows, "L1,Lou,Ames,Poet,Verse,Arts,2015,l@example.org,email,"
                 "remoooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooooo,\n");
    st = open_rows(d, "long", NULL, rows);
    found_ids(st, "remo", got, sizeof got);
    assert_string_equal(got, "L1 R1 R2 R3");
    store_close(st);
    support_rmtree(d);
    free(d);
}

/* A step is left out when its words can only be where an earlier step
 * with the same words already looked (a name's words found by name are
 * not looked for again in roles); one word elsewhere, and it runs. */
static void test_steps_skip_only_what_they_cannot_find(void **state)
{
    (void)state;
    char *d = support_tmpdir(), got[200];
    Store *st = open_rows(d, "steps", NULL,
                          "N1,Mei,Chen,Designer,Blue Co,Design,2010,a@example.org,email,,\n"
                          "N2,Ana,Ruiz,Designer,Mei Chen Studio,Design,2011,b@example.org,email,,\n"
                          "N3,Tom,Hale,Chef,Green Co,Food,2012,c@example.org,email,,"
                          "Cooked with Mei and Chen\n"
                          "N4,Mei,Lund,Chef,Chen Foods,Food,2013,d@example.org,email,,\n");
    StoreHit hit[8];
    int n = store_search(st, "mei chen", NULL, today, hit, 8);
    assert_true(n >= 1);
    assert_string_equal(hit[0].mentor.id, "N1"); /* by name, first */
    found_ids(st, "mei chen", got, sizeof got);
    assert_string_equal(got, "N1 N2 N3 N4"); /* the organization and the bio too */
    store_close(st);
    st = open_rows(d, "names", NULL,
                   "N1,Mei,Chen,Designer,Blue Co,Design,2010,a@example.org,email,,\n"
                   "N2,Mei,Chenko,Designer,Blue Co,Design,2011,b@example.org,email,,\n");
    found_ids(st, "mei chen", got, sizeof got);
    assert_string_equal(got, "N1 N2"); /* whole, then as the name begins */
    store_close(st);
    support_rmtree(d);
    free(d);
}

/* Several words are first asked of the widest step with the same words
 * (both in a role or a major): nobody there, and the narrower steps are
 * not read; somebody, and each step finds its own, in order. */
static void test_words_asked_of_the_widest_step_first(void **state)
{
    (void)state;
    char *d = support_tmpdir();
    StoreHit hit[8];
    /* each word whole in somebody's role, both in nobody's: the words as
     * they begin, then anywhere */
    Store *st =
        open_rows(d, "nobody", NULL,
                  "H3,Cleo,Ng,Writer,Press,Media,2012,c@example.org,email,,Wrote on public health\n"
                  "H4,Dev,Rao,Chef,Public Library,Food,2013,d@example.org,email,,\n"
                  "H6,Flo,Kim,Health Officer,City,Government,2015,f@example.org,email,,\n"
                  "H5,Eli,Fox,Publicist,Healthcare Now,Media,2014,e@example.org,email,,\n");
    StoreSearchInfo info = {0};
    assert_int_equal(store_search_info(st, "public health", NULL, today, hit, 8, &info), 2);
    assert_false(info.corrected); /* found with both words, none set aside */
    assert_string_equal(hit[0].mentor.id, "H5");
    assert_string_equal(hit[1].mentor.id, "H3");
    store_close(st);
    /* both whole in a role, and in what one studied: the role first */
    st = open_rows(
        d, "major",
        "id,first_name,last_name,title,organization,field,grad_year,email,contact_via,major\n",
        "M1,Ana,Ruiz,Health Officer,Public Library,Government,2010,a@example.org,email,\n"
        "M2,Ben,Okoro,Analyst,City,Government,2011,b@example.org,email,Public Health\n"
        "M3,Cy,Ode,Analyst,City,Government,2012,c@example.org,email,\n");
    assert_int_equal(store_search(st, "public health", NULL, today, hit, 8), 2);
    assert_string_equal(hit[0].mentor.id, "M1");
    assert_string_equal(hit[1].mentor.id, "M2");
    store_close(st);
    support_rmtree(d);
    free(d);
}

/* A mentor at their monthly cap is left out; searched for by name, the
 * visitor is told they have had their requests this month, offered their
 * field, and not shown another José for José García. */
static void test_a_name_at_the_cap_is_told(void **state)
{
    (void)state;
    char *d = support_tmpdir();
    Store *st = open_rows(
        d, "cap", NULL,
        "C1,José,García,Engineer,Blue Co,Software Engineering,2010,a@example.org,email,,\n"
        "C2,José,Reyes,Reporter,Press,Journalism & Media,2011,b@example.org,email,,\n");
    StoreHit hit[8];
    StoreSearchInfo info = {0};
    for (int i = 0; i < MENTOR_DEFAULT_CAP; i++)
        assert_true(store_referral_add(st, "C1", today));
    assert_int_equal(store_search_info(st, "jose garcia", NULL, today, hit, 8, &info), 0);
    assert_string_equal(info.capped, "José García");
    assert_true(info.nnear >= 1);
    assert_string_equal(info.near[0], "Software Engineering");
    assert_false(info.corrected); /* no word set aside for José Reyes */
    /* not at the cap next month, and nobody at the cap: no such note */
    Date next = {2026, 12, 2};
    assert_int_equal(store_search_info(st, "jose garcia", NULL, next, hit, 8, &info), 1);
    assert_string_equal(info.capped, "");
    assert_int_equal(store_search_info(st, "zzqxv", NULL, today, hit, 8, &info), 0);
    assert_string_equal(info.capped, "");
    store_close(st);
    support_rmtree(d);
    free(d);
}

/* On the sample directory: the visitor's own word in what a mentor
 * studied ranks above a synonym of it in a title ("psychology": the
 * psychology majors before two physical therapists, found through
 * "therapist"); a word that matches nothing is left out only when what
 * is kept still says something ("nurse zzqx" shows nurses, "new york"
 * is nobody, not everyone whose title starts with "new"). */
static void test_own_words_first(void **state)
{
    (void)state;
    Store *s = open_sample();
    StoreHit hit[40];
    int n = store_search(s, "psychology", NULL, today, hit, 40), last_major = -1, first_other = n;
    for (int i = 0; i < n; i++) {
        if (strstr(hit[i].mentor.major, "Psychology"))
            last_major = i;
        else if (first_other == n)
            first_other = i;
    }
    assert_true(last_major >= 2);
    assert_true(last_major < first_other);
    assert_int_equal(hit[0].tier, RANK_TIER_ROLE);
    if (first_other < n)
        assert_int_equal(hit[first_other].tier, RANK_TIER_ALIKE);
    StoreSearchInfo info = {0};
    assert_int_equal(store_search_info(s, "new york", NULL, today, hit, 40, &info), 0);
    assert_false(info.corrected);
    memset(&info, 0, sizeof info);
    n = store_search_info(s, "nurse zzqx", NULL, today, hit, 40, &info);
    assert_true(n >= 3);
    assert_true(info.corrected);
    assert_string_equal(info.shown, "nurse");
    for (int i = 0; i < n; i++)
        assert_non_null(strcasestr(hit[i].mentor.title, "nurs"));
    store_close(s);
}

/* Plurals and word endings match without being called typos. */
static void test_stems(void **state)
{
    (void)state;
    Store *s = open_store();
    static const char *const cases[][2] = {{"nurses", "Nurse"},       {"attorneys", "Attorney"},
                                           {"teaching", "Teacher"},   {"architects", "Architect"},
                                           {"designers", "Designer"}, {"nursing", "Nurse"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        StoreHit hit[5];
        StoreSearchInfo info = {0};
        int n = store_search_info(s, cases[i][0], NULL, today, hit, 5, &info);
        if (n < 1 || !strstr(hit[0].mentor.title, cases[i][1]))
            fail_msg("\"%s\": %d found, first %s", cases[i][0], n,
                     n > 0 ? hit[0].mentor.title : "-");
        if (info.corrected)
            fail_msg("\"%s\" was taken for a typo of \"%s\"", cases[i][0], info.shown);
    }
    store_close(s);
}

/* A word that matches nothing is replaced by the nearest word of the
 * index; the search says so, and can be asked for the words as typed. */
static void test_typos(void **state)
{
    (void)state;
    Store *s = open_store();
    StoreHit hit[5];
    StoreSearchInfo info = {0};
    int n = store_search_info(s, "machine learnig", NULL, today, hit, 5, &info);
    assert_true(n > 0);
    assert_true(info.corrected);
    assert_string_equal(info.shown, "machine learning");
    assert_non_null(strstr(hit[0].mentor.title, "Machine Learning"));
    /* the way back: exactly what was typed finds nobody */
    StoreSearchInfo exact = {.exact = true};
    assert_int_equal(store_search_info(s, "machine learnig", NULL, today, hit, 5, &exact), 0);
    assert_false(exact.corrected);
    /* one slip in five letters is enough, in the middle or at the end */
    info = (StoreSearchInfo){0};
    assert_true(store_search_info(s, "nurce", NULL, today, hit, 5, &info) > 0);
    assert_string_equal(info.shown, "nurse");
    /* but a first letter wrong costs two: not in a five-letter word */
    info = (StoreSearchInfo){0};
    assert_int_equal(store_search_info(s, "murse", NULL, today, hit, 5, &info), 0);
    /* two slips need nine letters */
    info = (StoreSearchInfo){0};
    assert_true(store_search_info(s, "epidmiologsit", NULL, today, hit, 5, &info) > 0);
    assert_string_equal(info.shown, "epidemiologist");
    info = (StoreSearchInfo){0};
    assert_int_equal(store_search_info(s, "nrsue", NULL, today, hit, 5, &info), 0);
    /* short words are never corrected */
    info = (StoreSearchInfo){0};
    store_search_info(s, "qxz", NULL, today, hit, 5, &info);
    assert_false(info.corrected);
    /* a word still being typed matches as a prefix, typo or not */
    info = (StoreSearchInfo){0};
    assert_true(store_search_info(s, "epidemiol", NULL, today, hit, 5, &info) > 0);
    assert_false(info.corrected);
    info = (StoreSearchInfo){0};
    assert_true(store_search_info(s, "epidemoil", NULL, today, hit, 5, &info) > 0);
    assert_true(strncmp(info.shown, "epidemiol", 9) == 0);
    store_close(s);
}

/* Synonyms find what the words stand for and say which career area;
 * filler words are left out; a name never matches through a synonym. */
static void test_synonyms(void **state)
{
    (void)state;
    Store *s = open_store();
    StoreHit hit[5];
    StoreSearchInfo info = {0};
    assert_true(store_search_info(s, "surgeons", NULL, today, hit, 5, &info) > 0);
    assert_string_equal(info.field, "Healthcare");
    assert_true(strstr(hit[0].mentor.title, "Surgeon") || strstr(hit[0].mentor.title, "Physician"));
    info = (StoreSearchInfo){0};
    assert_true(store_search_info(s, "I want to become a nurse", NULL, today, hit, 5, &info) > 0);
    assert_non_null(strstr(hit[0].mentor.title, "Nurse"));
    assert_false(info.corrected); /* filler is no correction */
    /* "law" stands for attorneys, but Ms Law is found by her name only */
    for (int i = 0; i < store_search(s, "lawyer", NULL, today, hit, 5); i++)
        assert_int_not_equal(hit[i].tier, RANK_TIER_NAME);
    store_close(s);
}

/* Before typing: people chosen from what the visitor said, each with its
 * reason; with nothing said, a mix across fields. */
static void test_suggestions(void **state)
{
    (void)state;
    Store *s = open_store();
    static StoreHit hit[40];
    static char why[40][STORE_REASON_MAX];
    StoreWho bio = {"Biology", "", STATUS_STUDENT};
    int n = store_suggest(s, &bio, NULL, today, hit, why, 40);
    assert_int_equal(n, 40);
    assert_non_null(strstr(why[0], "Studied Biology too"));
    assert_string_equal(hit[0].mentor.major, "Biology");
    /* what they explore, through synonyms as a search does */
    StoreWho ngo = {"", "working at an NGO", STATUS_STUDENT};
    n = store_suggest(s, &ngo, NULL, today, hit, why, 40);
    assert_string_equal(hit[0].mentor.field, "Nonprofit & Social Impact");
    assert_non_null(strstr(why[0], "Nonprofit"));
    /* a career changer sees people whose bios say they changed careers */
    StoreWho changer = {"", "", STATUS_CHANGER};
    n = store_suggest(s, &changer, NULL, today, hit, why, 40);
    assert_true(n > 5);
    for (int i = 0; i < 5; i++) {
        assert_string_equal(why[i], "Changed careers");
        if (!strstr(hit[i].mentor.bio, "changing careers") &&
            !strstr(hit[i].mentor.topics, "career changes"))
            fail_msg("%s suggested as a career changer: %s / %s", hit[i].mentor.id,
                     hit[i].mentor.bio, hit[i].mentor.topics);
    }
    /* a veteran sees veterans, only where the export says they agreed */
    StoreWho vet = {"", "", STATUS_VETERAN};
    n = store_suggest(s, &vet, NULL, today, hit, why, 40);
    assert_true(n > 5);
    for (int i = 0; i < 5; i++) {
        assert_string_equal(why[i], "A veteran too");
        assert_non_null(strstr(hit[i].mentor.affinities, "veteran"));
    }
    for (int i = 0; i < n; i++)
        if (strstr(why[i], "veteran"))
            assert_non_null(strstr(hit[i].mentor.affinities, "veteran"));
    /* nothing said: no reasons, and the first nine come from nine fields */
    StoreWho nobody = {"", "", STATUS_STUDENT};
    n = store_suggest(s, &nobody, NULL, today, hit, why, 40);
    assert_int_equal(n, 40);
    for (int i = 0; i < 9; i++) {
        assert_string_equal(why[i], "");
        for (int j = 0; j < i; j++)
            assert_string_not_equal(hit[i].mentor.field, hit[j].mentor.field);
    }
    /* and which nine changes from day to day */
    static StoreHit other[9];
    int same = 0;
    store_suggest(s, &nobody, NULL, date_add_days(today, 1), other, why, 9);
    for (int i = 0; i < 9; i++)
        same += strcmp(hit[i].mentor.id, other[i].mentor.id) == 0;
    assert_true(same < 9);
    /* a graduate student of Biology: Biology alumni first, even before
     * people in a biology field with a graduate degree; and nobody who
     * is not taking requests, in any list */
    StoreWho grad = {"Biology", "", STATUS_GRAD_STUDENT};
    n = store_suggest(s, &grad, NULL, today, hit, why, 40);
    for (int i = 0; i < 3; i++)
        assert_string_equal(hit[i].mentor.major, "Biology");
    /* the first screen holds every kind of reason the answers gave, not
     * nine of the strongest: Biology alumni and people in the field */
    StoreWho both = {"Biology", "working in a hospital", STATUS_STUDENT};
    n = store_suggest(s, &both, NULL, today, hit, why, 40);
    int studied = 0, works = 0;
    for (int i = 0; i < 9 && i < n; i++) {
        studied += strncmp(why[i], "Studied", 7) == 0;
        works += strncmp(why[i], "Works", 5) == 0;
    }
    assert_true(studied >= 2);
    assert_true(works >= 2);
    StoreWho *each[] = {&bio, &ngo, &changer, &vet, &grad, &nobody};
    for (size_t w = 0; w < sizeof each / sizeof *each; w++) {
        n = store_suggest(s, each[w], NULL, today, hit, why, 40);
        for (int i = 0; i < n; i++)
            if (!hit[i].mentor.accepting)
                fail_msg("%s suggested but not taking requests", hit[i].mentor.id);
    }
    /* a filter still holds */
    StoreFilter law = {"Law", 0, 0, -1, NULL, false, false};
    n = store_suggest(s, &bio, &law, today, hit, why, 40);
    for (int i = 0; i < n; i++)
        assert_string_equal(hit[i].mentor.field, "Law");
    store_close(s);
}

/* Nobody found: the fields nearest the words are on offer, the synonym
 * table's first. */
static void test_near_fields(void **state)
{
    (void)state;
    Store *s = open_store();
    StoreHit hit[5];
    StoreSearchInfo info = {0};
    StoreFilter law = {"Law", 0, 0, -1, NULL, false, false};
    assert_int_equal(store_search_info(s, "midwife", &law, today, hit, 5, &info), 0);
    assert_true(info.nnear >= 1);
    assert_string_equal(info.near[0], "Nursing");
    /* without a synonym: fields sharing the start of a word */
    info = (StoreSearchInfo){0};
    assert_int_equal(store_search_info(s, "environmentalism", &law, today, hit, 5, &info), 0);
    bool env = false;
    for (int i = 0; i < info.nnear; i++)
        env = env || strcmp(info.near[i], "Environmental Science") == 0;
    assert_true(env);
    /* found: nothing to offer */
    info = (StoreSearchInfo){0};
    assert_true(store_search_info(s, "midwife", NULL, today, hit, 5, &info) > 0);
    assert_int_equal(info.nnear, 0);
    store_close(s);
}

/* A mentor whose name matches ranks above one who only mentions the word
 * elsewhere, whatever the script and whatever the day. */
static void test_name_tier_in_any_script(void **state)
{
    (void)state;
    char path[600], mdb[600];
    ImportReport rep;
    snprintf(path, sizeof path, "%s/tier.csv", dir);
    snprintf(mdb, sizeof mdb, "%s/tier.db", dir);
    /* the topic mentions come first in the file and so in rowid order */
    support_write(path,
                  "id,first_name,last_name,title,organization,field,grad_year,email,"
                  "contact_via,topics\n"
                  "T1,Ann,Lee,Teacher,Maria Montessori School,Education,2010,a@example.org,"
                  "email,maria montessori\n"
                  "T2,Bob,Ray,Teacher,Oak School,Education,2011,b@example.org,email,"
                  "the maria method\n"
                  "T3,Мария,Петрова,Engineer,Kestrel,Engineering,2012,c@example.org,email,"
                  "bridges\n"
                  "T4,Μαρία,Οικονόμου,Nurse,Harbor,Nursing,2013,d@example.org,email,care\n",
                  (size_t)-1);
    ImportOptions opt = {.db_path = mdb, .this_year = 2026, .when = ""};
    assert_true(import_file(path, &opt, &rep));
    import_report_free(&rep);
    char err[200];
    Store *s = store_open(mdb, err, sizeof err);
    assert_non_null(s);
    for (int d = 0; d < 40; d++) {
        StoreHit hit[4];
        int n = store_search(s, "maria", NULL, date_add_days(today, d), hit, 4);
        assert_int_equal(n, 4);
        for (int i = 0; i < 2; i++) {
            assert_int_equal(hit[i].tier, RANK_TIER_NAME);
            assert_true(strcmp(hit[i].mentor.id, "T3") == 0 || strcmp(hit[i].mentor.id, "T4") == 0);
        }
        assert_int_not_equal(hit[2].tier, RANK_TIER_NAME);
        assert_int_not_equal(hit[3].tier, RANK_TIER_NAME);
    }
    store_close(s);
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold_every_letter),
        cmocka_unit_test(test_corpus),
        cmocka_unit_test(test_names_in_any_script),
        cmocka_unit_test(test_names_as_mentors_spell_them),
        cmocka_unit_test(test_prefixes_as_the_index_words),
        cmocka_unit_test(test_steps_skip_only_what_they_cannot_find),
        cmocka_unit_test(test_words_asked_of_the_widest_step_first),
        cmocka_unit_test(test_a_name_at_the_cap_is_told),
        cmocka_unit_test(test_own_words_first),
        cmocka_unit_test(test_whole_words_and_what_people_type),
        cmocka_unit_test(test_suggestions_say_what_is_true),
        cmocka_unit_test(test_stems),
        cmocka_unit_test(test_typos),
        cmocka_unit_test(test_synonyms),
        cmocka_unit_test(test_name_tier_in_any_script),
        cmocka_unit_test(test_near_fields),
        cmocka_unit_test(test_suggestions),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
