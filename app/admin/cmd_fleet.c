/* stats-merge: a fleet's anonymous stats, summed. Each kiosk writes its
 * stats into its outbox as "<kiosk id>-<YYYY-MM-DD>-stats.csv" (and
 * -referrals.csv, -nobody-found.csv), and the fetch pushes them to one
 * central folder. Every file holds the kiosk's whole history, so for each
 * kiosk only its newest file of each kind counts; those are summed across
 * kiosks. A damaged file stops the merge, named with its line and column:
 * a sum that quietly left a kiosk out would mislead. */
#include "admin.h"

#include "args.h"
#include "core/csv.h"
#include "core/tally.h"
#include "core/text.h"
#include "json.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { FLEET_FILES = 4096, FLEET_MAX_FILE = 64 << 20 };

/* The newest file of one kind from one kiosk. */
typedef struct {
    char id[64];
    char day[11];
    TallyKind kind;
    char path[1100];
} Pick;

/* Summed rows of one kind, found by key and what. */
typedef struct {
    TallyRow *row;
    int n, cap;
    int nkiosks;
} Sums;

static void add_row(void *ctx, const TallyRow *r)
{
    Sums *s = ctx;
    for (int i = 0; i < s->n; i++) {
        TallyRow *t = &s->row[i];
        if (strcmp(t->key, r->key) == 0 && strcmp(t->what, r->what) == 0) {
            t->n[0] += r->n[0];
            /* how many mentors a field has is the directory's, not a sum */
            t->n[1] =
                r->what[0] && t->n[2] ? (r->n[1] > t->n[1] ? r->n[1] : t->n[1]) : t->n[1] + r->n[1];
            if (!r->what[0])
                t->n[2] += r->n[2];
            return;
        }
    }
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 256;
        TallyRow *grown = realloc(s->row, (size_t)cap * sizeof *grown);
        if (!grown)
            return;
        s->row = grown;
        s->cap = cap;
    }
    s->row[s->n++] = *r;
}

static int by_key(const void *a, const void *b)
{
    const TallyRow *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : strcmp(x->what, y->what);
}

/* Reads the whole file; NULL with err. */
static char *slurp(const char *path, size_t *len, char *err, size_t cap)
{
    struct stat st;
    FILE *f = fopen(path, "rbe");
    char *data = NULL;
    if (!f || fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > FLEET_MAX_FILE) {
        char shown[1200];
        snprintf(err, cap, "%s cannot be read%s", text_escape(path, shown, sizeof shown),
                 f && st.st_size > FLEET_MAX_FILE ? " (too big)" : "");
        if (f)
            fclose(f);
        return NULL;
    }
    data = malloc((size_t)st.st_size + 1);
    *len = data ? fread(data, 1, (size_t)st.st_size, f) : 0;
    if (data)
        data[*len] = '\0';
    fclose(f);
    return data;
}

/* Looks through dir for outbox files; keeps each kiosk's newest of each
 * kind in picks. */
static int scan(Admin *a, const char *dir, Pick *picks, int *n)
{
    DIR *d = opendir(dir);
    if (!d)
        return admin_fail(a, "%s cannot be read: %s", dir, strerror(errno));
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        Pick p;
        if (!tally_kind_of_name(e->d_name, &p.kind))
            continue;
        if (!tally_split_name(e->d_name, p.id, sizeof p.id, p.day)) {
            char shown[1100];
            fprintf(stderr,
                    "career-kiosk-admin: %s/%s: not named <kiosk id>-<YYYY-MM-DD>-..., so "
                    "left out\n",
                    dir, text_escape(e->d_name, shown, sizeof shown));
            continue;
        }
        snprintf(p.path, sizeof p.path, "%s/%s", dir, e->d_name);
        int i = 0;
        while (i < *n && !(picks[i].kind == p.kind && strcmp(picks[i].id, p.id) == 0))
            i++;
        if (i < *n && strcmp(picks[i].day, p.day) >= 0)
            continue;
        if (i == *n && *n == FLEET_FILES) {
            closedir(d);
            return admin_fail(a, "more than %d kiosks' files", FLEET_FILES);
        }
        if (i == *n)
            (*n)++;
        picks[i] = p;
    }
    closedir(d);
    return -1;
}

static void print_text(Sums *s)
{
    printf("Fleet stats: %d kiosk%s.\n\nPer day (sessions, sheets shown, sheets printed):\n",
           s[0].nkiosks, s[0].nkiosks == 1 ? "" : "s");
    for (int i = 0; i < s[0].n; i++)
        printf("  %s  %6ld %6ld %6ld\n", s[0].row[i].key, s[0].row[i].n[0], s[0].row[i].n[1],
               s[0].row[i].n[2]);
    printf("\nReferrals per mentor per month (%d kiosk%s):\n", s[1].nkiosks,
           s[1].nkiosks == 1 ? "" : "s");
    for (int i = 0; i < s[1].n; i++)
        printf("  %s  %-10s %-30s %6ld\n", s[1].row[i].key, s[1].row[i].what, s[1].row[i].name,
               s[1].row[i].n[0]);
    printf("\nSearches that found nobody, by the field wanted (%d kiosk%s):\n", s[2].nkiosks,
           s[2].nkiosks == 1 ? "" : "s");
    for (int i = 0; i < s[2].n; i++)
        printf("  %s  %-30s %6ld\n", s[2].row[i].key, s[2].row[i].what, s[2].row[i].n[0]);
}

/* Writes one cell through csv_quote (formula-safe). */
static void cell(FILE *f, const char *s, const char *end)
{
    char q[4 * TALLY_TEXT_MAX];
    csv_quote(s, q, sizeof q);
    fputs(q, f);
    fputs(end, f);
}

/* Makes folder dir and any missing parents, as mkdir -p does: --out
 * names where the report should go, new or not. */
static bool make_folders(const char *dir, char *err, size_t cap)
{
    char path[1024];
    struct stat st;
    if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path) {
        snprintf(err, cap, "the folder name %.80s... is too long", dir);
        return false;
    }
    for (char *p = path + 1;; p++) {
        bool last = *p == '\0';
        if (*p != '/' && !last)
            continue;
        *p = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST) {
            snprintf(err, cap, "cannot make the folder %s: %s", path, strerror(errno));
            return false;
        }
        if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
            snprintf(err, cap, "cannot make the folder %s: %s is a file, not a folder", dir, path);
            return false;
        }
        if (last)
            return true;
        *p = '/';
    }
}

static bool write_csv(const char *dir, Sums *s, char *err, size_t cap)
{
    if (!make_folders(dir, err, cap))
        return false;
    static const char *const names[] = {"fleet-stats.csv", "fleet-referrals.csv",
                                        "fleet-nobody-found.csv"};
    static const char *const head[] = {
        "day,sessions,sheets_shown,sheets_printed\r\n",
        "month,mentor_id,mentor_name,organization,referrals\r\n",
        "month,wanted_field,searches_finding_nobody,mentors_in_field\r\n"};
    for (int k = 0; k < 3; k++) {
        char path[1100];
        snprintf(path, sizeof path, "%s/%s", dir, names[k]);
        FILE *f = fopen(path, "we");
        if (!f) {
            snprintf(err, cap, "cannot write %s: %s", path, strerror(errno));
            return false;
        }
        fputs(head[k], f);
        for (int i = 0; i < s[k].n; i++) {
            const TallyRow *r = &s[k].row[i];
            if (k == 0)
                fprintf(f, "%s,%ld,%ld,%ld\r\n", r->key, r->n[0], r->n[1], r->n[2]);
            else if (k == 1) {
                fprintf(f, "%s,", r->key);
                cell(f, r->what, ",");
                cell(f, r->name, ",");
                cell(f, r->org, ",");
                fprintf(f, "%ld\r\n", r->n[0]);
            } else {
                fprintf(f, "%s,", r->key);
                cell(f, r->what, ",");
                if (r->n[2])
                    fprintf(f, "%ld,%ld\r\n", r->n[0], r->n[1]);
                else
                    fprintf(f, "%ld,\r\n", r->n[0]);
            }
        }
        if (fclose(f) != 0) {
            snprintf(err, cap, "cannot write %s: %s", path, strerror(errno));
            return false;
        }
    }
    return true;
}

static void print_json(Sums *s)
{
    static const char *const kinds[] = {"days", "referrals", "nobody_found"};
    Json j;
    json_init(&j, stdout);
    json_begin_object(&j);
    json_kv_int(&j, "kiosks", s[0].nkiosks);
    for (int k = 0; k < 3; k++) {
        json_key(&j, kinds[k]);
        json_begin_array(&j);
        for (int i = 0; i < s[k].n; i++) {
            const TallyRow *r = &s[k].row[i];
            json_begin_object(&j);
            json_kv_string(&j, k ? "month" : "day", r->key);
            if (k == 0) {
                json_kv_int(&j, "sessions", r->n[0]);
                json_kv_int(&j, "sheets_shown", r->n[1]);
                json_kv_int(&j, "sheets_printed", r->n[2]);
            } else if (k == 1) {
                json_kv_string(&j, "mentor_id", r->what);
                json_kv_string(&j, "mentor_name", r->name);
                json_kv_int(&j, "referrals", r->n[0]);
            } else {
                json_kv_string(&j, "wanted_field", r->what);
                json_kv_int(&j, "searches", r->n[0]);
            }
            json_end_object(&j);
        }
        json_end_array(&j);
    }
    json_end_object(&j);
    json_finish(&j);
}

static const OptSpec merge_opts[] = {
    {"out", "DIR",
     "also write fleet-stats.csv, fleet-referrals.csv and fleet-nobody-found.csv in DIR (made "
     "when missing)",
     NULL},
};

int cmd_stats_merge(Admin *a, int argc, char **argv)
{
    Args args;
    char err[1400];
    int n = 0, rc = admin_parse(
                   a, &args, merge_opts, 1, argc, argv, "stats-merge DIR... [--out DIR]",
                   "Sums a fleet's anonymous stats: the files each kiosk writes to its outbox\n"
                   "(<kiosk id>-<YYYY-MM-DD>-stats.csv, -referrals.csv, -nobody-found.csv),\n"
                   "gathered in one or more folders. Each file holds its kiosk's whole history,\n"
                   "so only each kiosk's newest file of each kind is counted. A damaged file\n"
                   "stops the merge, named with its line and column.",
                   1, ARGS_MAX_POS);
    if (rc >= 0)
        return rc;
    Pick *picks = calloc(FLEET_FILES, sizeof *picks);
    Sums sums[3] = {{0}};
    if (!picks)
        return admin_fail(a, "out of memory");
    rc = -1;
    for (int i = 0; i < args.npos && rc < 0; i++)
        rc = scan(a, args.pos[i], picks, &n);
    for (int i = 0; i < n && rc < 0; i++) {
        size_t len = 0;
        TallyKind kind;
        char *data = slurp(picks[i].path, &len, err, sizeof err);
        /* all or nothing: checked whole before any row counts */
        int rows = data ? tally_read(data, len, &kind, NULL, NULL, err, sizeof err) : -1;
        if (rows >= 0 && kind != picks[i].kind) {
            snprintf(err, sizeof err, "its header is not the one its name says");
            rows = -1;
        }
        if (rows >= 0) {
            tally_read(data, len, &kind, add_row, &sums[kind], err, sizeof err);
            sums[kind].nkiosks++;
        }
        free(data);
        char shown[1200];
        if (rows < 0)
            rc = admin_fail(a, "%s: %s", text_escape(picks[i].path, shown, sizeof shown), err);
    }
    if (rc < 0 && n == 0)
        rc = admin_fail(a, "no kiosk's stats in %s (files named <kiosk id>-<YYYY-MM-DD>-stats.csv)",
                        args.pos[0]);
    if (rc < 0) {
        for (int k = 0; k < 3; k++)
            if (sums[k].n)
                qsort(sums[k].row, (size_t)sums[k].n, sizeof *sums[k].row, by_key);
        const char *out = args_get(&args, "out");
        if (out && !write_csv(out, sums, err, sizeof err))
            rc = admin_fail(a, "%s", err);
        else {
            if (a->json)
                print_json(sums);
            else
                print_text(sums);
            rc = EXIT_DONE;
        }
    }
    for (int k = 0; k < 3; k++)
        free(sums[k].row);
    free(picks);
    return rc;
}
