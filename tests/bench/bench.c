/* bench: measured figures for the directory, printed as a table.
 *   bench CSV WORKDIR
 * 1. Import: the staff import of CSV (validation, index, checks, atomic
 *    swap) against the sqlite3 CLI doing a plain `.import` of the same
 *    file plus the same FTS5 build, each run three times in this process,
 *    medians compared as a ratio (target: at most 1.5x).
 * 2. Search as you type: 1,000 queries against the imported directory
 *    with the built-in synonym table in it, typo correction and the Latin
 *    fold on: prefix queries (the first 1 to 4 letters of words a visitor
 *    might type), and one in five a whole word with a typo, a synonym or
 *    a name in another script; p50 and p99 (target: p99 under 5 ms). The
 *    first search, which reads the index's words, is timed apart.
 * 3. Fairness: 10,000 simulated sessions over the fixture directory
 *    (tests/fixtures/directory.csv) across two months, each a visitor
 *    with varied answers who searches (or takes the suggestions), sees
 *    the first nine and chooses one of the first five: no mentor may be
 *    chosen past their monthly cap, and among the equally relevant (the
 *    best tier of a query) the most shown may be shown at most twice its
 *    fair share. */
#include "core/visitor.h"
#include "directory/counts.h"
#include "directory/import.h"
#include "directory/search.h"
#include "directory/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median3(double *v)
{
    qsort(v, 3, sizeof *v, cmp_double);
    return v[1];
}

static double time_cli(const char *csv, const char *dir)
{
    char script[1200], cmd[2600], db[1100];
    snprintf(db, sizeof db, "%s/cli.db", dir);
    snprintf(script, sizeof script, "%s/cli.sql", dir);
    FILE *f = fopen(script, "w");
    if (!f)
        return -1;
    fprintf(f,
            ".mode csv\n.import %s mentors\n"
            "CREATE VIRTUAL TABLE mentors_fts USING fts5(name, title, organization, field,"
            " major, topics, location, bio, content='', tokenize='unicode61 remove_diacritics 2',"
            " prefix='1 2 3');\n"
            "INSERT INTO mentors_fts(rowid, name, title, organization, field, major, topics,"
            " location, bio) SELECT rowid, first_name || ' ' || last_name, title, organization,"
            " field, major, topics, location, bio FROM mentors;\n",
            csv);
    fclose(f);
    unlink(db);
    snprintf(cmd, sizeof cmd, "sqlite3 %s < %s", db, script);
    double t0 = now_ms();
    if (system(cmd) != 0)
        return -1;
    return now_ms() - t0;
}

static double time_import(const char *csv, const char *db, int *accepted)
{
    ImportOptions opt = {.db_path = db, .source_name = "bench", .this_year = 2026, .when = ""};
    ImportReport rep;
    double t0 = now_ms();
    bool ok = import_file(csv, &opt, &rep);
    double t = now_ms() - t0;
    *accepted = rep.accepted;
    if (!ok)
        fprintf(stderr, "bench: import refused: %s\n", rep.refusal);
    import_report_free(&rep);
    return ok ? t : -1;
}

static const char *const words[] = {
    "ana",
    "jose",
    "zoe",
    "mateo",
    "priya",
    "wei",
    "olga",
    "noa",
    "kwame",
    "ingrid",
    "liam",
    "fatima",
    "hiroshi",
    "grace",
    "samuel",
    "lucia",
    "emma",
    "arjun",
    "mei",
    "tariq",
    "soren",
    "chloe",
    "bjorn",
    "amara",
    "diego",
    "ayesha",
    "jonas",
    "elif",
    "rafael",
    "keiko",
    "garcia",
    "muller",
    "okafor",
    "nguyen",
    "smith",
    "kowalski",
    "haddad",
    "cohen",
    "tanaka",
    "rossi",
    "patel",
    "dubois",
    "mensah",
    "lund",
    "fernandez",
    "becker",
    "rahman",
    "silva",
    "moretti",
    "iyer",
    "chen",
    "walker",
    "novak",
    "castillo",
    "abebe",
    "khan",
    "akesson",
    "software",
    "data",
    "health",
    "nursing",
    "education",
    "finance",
    "law",
    "marketing",
    "journalism",
    "environmental",
    "policy",
    "nonprofit",
    "architecture",
    "engineering",
    "biotech",
    "arts",
    "consulting",
    "human",
    "analyst",
    "engineer",
    "manager",
    "director",
    "specialist",
    "coordinator",
    "consultant",
    "scientist",
    "designer",
    "teacher",
    "nurse",
    "attorney",
    "editor",
    "planner",
    "brightwater",
    "copperline",
    "harbor",
    "kestrel",
    "lumen",
    "meridian",
    "northstar",
    "orchard",
    "pinecrest",
    "ridgeway",
    "tidewater",
    "greenline",
    "fieldstone",
    "lakeport",
    "chicago",
    "toronto",
    "austin",
    "seattle",
    "berlin",
    "remote",
    "denver",
    "research",
    "startups",
    "portfolios",
    "leadership",
    "fieldwork",
    "graduate",
    "careers",
    "certifications",
    "first",
    "media",
    "policy",
    "design",
    "government",
    "social",
    "impact",
    "culture",
    "resources",
    "science",
    "public",
    "school",
    "jobs",
    "work",
    "change",
    "partners",
    "labs",
    "group",
    "systems",
    "foundation",
    "works",
    "jose gar",
    "ana costa",
    "data sci",
    "nurse chic",
    "law berl",
    "software eng",
    "finance ana",
    "arts lake",
    "design rem",
    "health man",
    "policy plan",
    "media edit",
    "research sci",
    "engineer ker",
    "teacher tor",
    "consult mer",
    "human res",
    "biotech lab",
    "marketing man",
    "journalism edit",
    "environmental sci",
    "nonprofit found",
    "architecture des",
    "public pol",
    "mei chen",
    "liam walker",
    "olga",
    "zoe m",
    "priya p",
    "kwame m",
    "grace l",
    "samuel s",
    "emma j",
    "arjun i",
    "tariq h",
    "soren l",
    "chloe d",
    "bjorn a",
    "amara n",
    "diego c",
    "ayesha k",
    "jonas b",
    "elif d",
    "rafael s",
    "keiko i",
    "noa c",
    "wei w",
    "fatima a",
    "hiroshi t",
    "lucia r",
    "ingrid h",
    "mateo f",
    "jose r",
    "ana s",
    "zoe b",
    "mateo g",
    "priya d",
    "wei c",
    "olga s",
    "noa k",
    "kwame o",
    "ingrid l",
    "liam o",
    "fatima r",
    "hiroshi m",
    "grace k",
    "samuel a",
    "lucia g",
    "emma r",
    "arjun p",
    "mei l",
    "tariq k",
    "soren n",
    "chloe m",
    "bjorn h",
    "amara b",
    "diego h",
    "ayesha p",
    "jonas k",
    "elif y",
    "rafael l",
    "keiko n",
    "ana m",
    "jose m",
    "zoe c",
    "mateo r",
    "priya s",
    "wei l",
    "olga p",
    "noa r",
    "kwame a",
    "ingrid n",
    "liam b",
    "fatima o",
    "hiroshi k",
    "grace b",
    "samuel o",
};

/* Whole words: typos that need a correction, synonyms, other scripts. */
static const char *const whole[] = {"develper",
                                    "enginer",
                                    "nurce",
                                    "jurnalism",
                                    "finnance",
                                    "consultnat",
                                    "analsyt",
                                    "scientsit",
                                    "desinger",
                                    "techer",
                                    "atorney",
                                    "markting",
                                    "goverment",
                                    "reserch",
                                    "surgeon",
                                    "startup",
                                    "ngo",
                                    "lawyer",
                                    "programmer",
                                    "coder",
                                    "accountant",
                                    "banker",
                                    "climate",
                                    "charity",
                                    "recruiter",
                                    "ux",
                                    "hr",
                                    "phd",
                                    "Ольга",
                                    "Мария",
                                    "Σοφία",
                                    "王伟",
                                    "soren",
                                    "akesson",
                                    "muller garcia",
                                    "nurse chicago",
                                    "data scientsit",
                                    "machine learnig",
                                    "public helth",
                                    "becoming a nurse"};

static void search_bench(const char *db)
{
    enum { N = 1000 };
    static double t[N], raw[N];
    static char asked[N][64];
    static StoreHit hits[40];
    char err[256], q[64];
    Store *s = store_open(db, err, sizeof err);
    StoreFilter any = {NULL, 0, 0, -1, NULL, false, false};
    Date today = {2026, 11, 22};
    size_t nw = sizeof words / sizeof *words;
    long results = 0;
    if (!s) {
        fprintf(stderr, "bench: %s\n", err);
        return;
    }
    static Synonym table[SYNONYM_MAX];
    int ns = import_synonyms_file("assets/synonyms.csv", table, SYNONYM_MAX, err, sizeof err);
    if (ns < 0 || !store_synonyms_replace(s, table, ns, err, sizeof err)) {
        fprintf(stderr, "bench: %s\n", err);
        return;
    }
    double t0 = now_ms();
    store_search(s, "develper", &any, today, hits, 40);
    double first = now_ms() - t0;
    /* as a visitor types: each word grows one letter at a time; one query
     * in five is a whole word that needs a correction, a synonym or the
     * fold of another script */
    for (int i = 0; i < N; i++) {
        const char *w = words[(size_t)(i / 4) % nw];
        size_t len = strlen(w), cut = (size_t)(i % 4) + 1 + (strchr(w, ' ') ? 4 : 0);
        snprintf(q, sizeof q, "%.*s", (int)(cut < len ? cut : len), w);
        if (i % 5 == 4)
            snprintf(q, sizeof q, "%s", whole[(size_t)(i / 5) % (sizeof whole / sizeof *whole)]);
        t0 = now_ms();
        results += store_search(s, q, &any, today, hits, 40);
        t[i] = raw[i] = now_ms() - t0;
        snprintf(asked[i], sizeof asked[i], "%s", q);
    }
    qsort(t, N, sizeof *t, cmp_double);
    printf("| search as you type, 100k mentors | p50 %.2f ms | p99 %.2f ms | target p99 < 5 ms "
           "| %s |\n",
           t[N / 2], t[N * 99 / 100], t[N * 99 / 100] < 5 ? "met" : "NOT MET");
    printf("| (1,000 queries with %d synonyms, typos and other scripts; %ld results in all, "
           "max %.2f ms; the first search, reading the index's words, %.0f ms) | | | | |\n",
           ns, results, t[N - 1], first);
    /* the slowest, to know where the time goes */
    fprintf(stderr, "bench: slowest searches:");
    for (int k = 0; k < 8; k++) {
        int worst = 0;
        for (int i = 1; i < N; i++)
            if (raw[i] > raw[worst])
                worst = i;
        fprintf(stderr, " \"%s\" %.1f ms;", asked[worst], raw[worst]);
        raw[worst] = -1;
    }
    fprintf(stderr, "\n");
    store_close(s);
}

/* What the simulated visitors search for ("" takes the suggestions). */
static const char *const asks[] = {
    "nurse",      "software", "teacher",   "policy",     "data",          "lawyer",      "designer",
    "",           "",         "",          "startup",    "marketing",     "engineer",    "research",
    "finance",    "surgeon",  "nonprofit", "journalist", "architect",     "hr",          "climate",
    "consultant", "sales",    "museum",    "accountant", "social worker", "electrician", "phd"};
static const char *const programs[] = {
    "Biology", "Economics", "Computer Science", "History", "Nursing", "Political Science", ""};
static const char *const interests[] = {"public health",  "working at a startup", "teaching",
                                        "climate policy", "law school",           ""};

enum { ASKS = sizeof asks / sizeof *asks, FAIR_MENTORS = 400 };

typedef struct {
    char id[MENTOR_ID_MAX + 1];
    int cap;
} Known;

static int known_index(Known *k, int *n, const Mentor *m)
{
    for (int i = 0; i < *n; i++)
        if (strcmp(k[i].id, m->id) == 0)
            return i;
    if (*n >= FAIR_MENTORS)
        return -1;
    snprintf(k[*n].id, sizeof k[*n].id, "%s", m->id);
    k[*n].cap = m->monthly_cap;
    return (*n)++;
}

static void fairness_bench(const char *workdir)
{
    enum { SESSIONS = 10000, SHOWN = 9, PER_DAY = 170, CAP = 160 };
    static Known known[FAIR_MENTORS];
    static double expected[FAIR_MENTORS];
    static int shows[FAIR_MENTORS];
    static int chosen[3][FAIR_MENTORS]; /* by month of the run */
    static StoreHit hits[CAP];
    static char why[CAP][STORE_REASON_MAX];
    char db[1100], err[300];
    int nknown = 0, over = 0;
    ImportReport rep;
    snprintf(db, sizeof db, "%s/fair.db", workdir);
    unlink(db);
    ImportOptions opt = {.db_path = db, .source_name = "fixture", .this_year = 2026, .when = ""};
    if (!import_file("tests/fixtures/directory.csv", &opt, &rep)) {
        fprintf(stderr, "bench: %s\n", rep.refusal);
        return;
    }
    import_report_free(&rep);
    Store *s = store_open(db, err, sizeof err);
    static Synonym table[SYNONYM_MAX];
    int ns =
        s ? import_synonyms_file("assets/synonyms.csv", table, SYNONYM_MAX, err, sizeof err) : -1;
    if (ns < 0 || !store_synonyms_replace(s, table, ns, err, sizeof err)) {
        fprintf(stderr, "bench: %s\n", err);
        store_close(s);
        return;
    }
    StoreFilter any = {NULL, 0, 0, -1, NULL, false, false};
    Date first = {2026, 10, 3};
    srand(16);
    double t0 = now_ms();
    for (int i = 0; i < SESSIONS; i++) {
        Date day = date_add_days(first, i / PER_DAY);
        int a = rand() % ASKS, n;
        if (*asks[a])
            n = store_search(s, asks[a], &any, day, hits, CAP);
        else {
            StoreWho who = {programs[rand() % 7], interests[rand() % 5], rand() % STATUS_COUNT};
            n = store_suggest(s, &who, &any, day, hits, why, CAP);
        }
        if (n <= 0)
            continue;
        /* the equals of this session: those as relevant (and as fresh) as
         * the first, still under their cap; each has a fair share of the
         * nine places on the first screen, and is shown or not */
        int ne = 0;
        while (ne < n && hits[ne].rank == hits[0].rank && hits[ne].stale == hits[0].stale)
            ne++;
        double share = ne > SHOWN ? (double)SHOWN / ne : 1.0;
        for (int k = 0; k < ne; k++) {
            int m = known_index(known, &nknown, &hits[k].mentor);
            if (m < 0)
                continue;
            expected[m] += share;
            shows[m] += k < SHOWN;
        }
        if (rand() % 10 < 6) { /* six in ten choose someone of the first five */
            int k = rand() % (n < 5 ? n : 5);
            int m = known_index(known, &nknown, &hits[k].mentor);
            store_referral_add(s, hits[k].mentor.id, day);
            if (m >= 0) {
                int month = (day.y - first.y) * 12 + day.m - first.m;
                if (month < 3 && ++chosen[month][m] > known[m].cap)
                    over++;
            }
        }
    }
    double took = now_ms() - t0, worst = 0;
    const char *who = "";
    for (int m = 0; m < nknown; m++)
        if (expected[m] >= 20 && shows[m] / expected[m] > worst) {
            worst = shows[m] / expected[m];
            who = known[m].id;
        }
    printf("| fairness, %d simulated sessions over 2 months (%.0f s) | chosen past their monthly"
           " cap: %d | most-shown equal: %.2fx its fair share (%s) | target 0 and <= 2x | %s |\n",
           SESSIONS, took / 1000, over, worst, who, over == 0 && worst <= 2.0 ? "met" : "NOT MET");
    store_close(s);
}

int main(int argc, char **argv)
{
    char db[1100];
    double cli[3], ours[3];
    int accepted = 0;
    if (argc != 3) {
        fprintf(stderr, "usage: bench CSV WORKDIR\n");
        return 2;
    }
    snprintf(db, sizeof db, "%s/mentors.db", argv[2]);
    for (int i = 0; i < 3; i++) {
        cli[i] = time_cli(argv[1], argv[2]);
        ours[i] = time_import(argv[1], db, &accepted);
        if (cli[i] < 0 || ours[i] < 0)
            return 1;
    }
    double c = median3(cli), o = median3(ours);
    printf("| what | measured | baseline (same run) | ratio / target | |\n");
    printf("|---|---|---|---|---|\n");
    printf("| import %d rows, validated + FTS5 + checks + atomic swap | %.0f ms | sqlite3 CLI "
           ".import + FTS5: %.0f ms | %.2fx (target <= 1.5x) | %s |\n",
           accepted, o, c, o / c, o / c <= 1.5 ? "met" : "NOT MET");
    search_bench(db);
    fairness_bench(argv[2]);
    return 0;
}
