/* Subcommands that look after the directory itself: init, validate,
 * import, rollback, fields and stats. */
#include "admin.h"

#include "args.h"
#include "directory/counts.h"
#include "directory/import.h"
#include "directory/search.h"
#include "directory/stage.h"
#include "json.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int cmd_init(Admin *a, int argc, char **argv)
{
    Args args;
    struct stat st;
    int rc =
        admin_parse(a, &args, NULL, 0, argc, argv, "init",
                    "Creates the mentor directory from the built-in sample (and the question\n"
                    "bank from assets) if it does not exist yet. An existing directory is left\n"
                    "as it is.",
                    0, 0);
    if (rc >= 0)
        return rc;
    bool existed = stat(a->db_path, &st) == 0;
    Store *s = admin_store(a);
    if (!s)
        return EXIT_FAILED;
    if (a->json) {
        Json j;
        json_init(&j, stdout);
        json_begin_object(&j);
        json_kv_string(&j, "database", a->db_path);
        json_kv_bool(&j, "created", !existed);
        json_kv_int(&j, "mentors", store_mentor_count(s));
        json_end_object(&j);
        json_finish(&j);
    } else
        printf("%s %s with %d mentors\n", existed ? "Directory already exists:" : "Created",
               a->db_path, store_mentor_count(s));
    return EXIT_DONE;
}

static const char *outcome_name(ImportOutcome o)
{
    return o == IMPORT_DONE ? "done" : o == IMPORT_PARTIAL ? "partial" : "refused";
}

static void report_json(const ImportReport *r, const char *file)
{
    Json j;
    json_init(&j, stdout);
    json_begin_object(&j);
    json_kv_string(&j, "file", file);
    json_kv_string(&j, "outcome", outcome_name(r->outcome));
    json_kv_bool(&j, "validate_only", r->validated_only);
    json_kv_string(&j, "encoding", r->encoding);
    json_kv_int(&j, "rows", r->rows);
    json_kv_int(&j, "accepted", r->accepted);
    json_kv_int(&j, "rejected", r->rejected);
    json_kv_string(&j, "refusal", r->refusal);
    json_kv_string(&j, "ignored_columns", r->ignored);
    json_key(&j, "rejections");
    json_begin_array(&j);
    for (int i = 0; i < r->nlisted; i++) {
        json_begin_object(&j);
        json_kv_int(&j, "line", (long)r->rejection[i].line);
        json_kv_string(&j, "id", r->rejection[i].id);
        json_kv_string(&j, "column", r->rejection[i].column);
        json_kv_string(&j, "reason", r->rejection[i].reason);
        json_end_object(&j);
    }
    json_end_array(&j);
    json_end_object(&j);
    json_finish(&j);
}

static void report_text(const ImportReport *r, const char *file, const char *rejected_csv)
{
    if (r->outcome == IMPORT_REFUSED) {
        printf("Refused: %s\n", r->refusal);
        if (r->rows)
            printf("(%d rows read, %d would be accepted, %d rejected)\n", r->rows, r->accepted,
                   r->rejected);
    } else
        printf("%s %s: %d rows, %d %s, %d rejected.\n", r->validated_only ? "Checked" : "Imported",
               file, r->rows, r->accepted, r->validated_only ? "good" : "imported", r->rejected);
    if (*r->encoding)
        printf("Encoding: %s\n", r->encoding);
    if (*r->ignored)
        printf("Columns not used: %s\n", r->ignored);
    for (int i = 0; i < r->nlisted && i < 50; i++) {
        const ImportRejection *x = &r->rejection[i];
        printf("  %s line %lu%s%s%s: %s\n", file, x->line, *x->id ? " (id " : "", x->id,
               *x->id ? ")" : "", x->reason);
    }
    if (r->rejected > 50)
        printf("  ... and %d more%s\n", r->rejected - 50,
               rejected_csv ? " (all are in the rejected-rows file)" : "");
    if (rejected_csv && r->rejected)
        printf("Rejected rows, with reasons: %s\n", rejected_csv);
}

static const OptSpec import_opts[] = {
    {"report", "FILE", "also write the rejected rows, with line and reason, to this CSV", NULL},
};

/* Before an import: makes sure a directory exists to replace (the
 * sample on first use), and opening it puts a backup back over a
 * damaged file. A damaged file with no backup is no reason to refuse:
 * the import is how it gets replaced. */
static bool prepare_directory(Admin *a)
{
    struct stat st;
    if (stat(a->db_path, &st) != 0) {
        if (!admin_store(a))
            return false;
        admin_store_close(a);
        return true;
    }
    char err[600];
    ImportSeed seed = {a->cfg.sample, a->cfg.sample_referrals, a->cfg.questions,
                       a->cfg.synonyms};
    Store *s = import_seed_open(a->db_path, &seed, a->today, err, sizeof err);
    if (!s)
        fprintf(stderr, "career-kiosk-admin: %s; the import replaces it\n", err);
    else if (*store_notice(s))
        fprintf(stderr, "career-kiosk-admin: %s\n", store_notice(s));
    store_close(s);
    return true;
}

static int run_import(Admin *a, int argc, char **argv, bool apply)
{
    Args args;
    ImportReport rep;
    int rc = admin_parse(
        a, &args, import_opts, 1, argc, argv,
        apply ? "import FILE [--report rejected.csv]" : "validate FILE [--report rejected.csv]",
        apply ? "Replaces the mentor list with the rows of a staff CSV export. Bad rows\n"
                "are listed with their line and reason and left out. The whole file is\n"
                "refused, and nothing changes, when required columns are missing, it has\n"
                "no rows, or more than 20% of rows are bad. The previous directory is\n"
                "kept for `rollback`. Referral counts and stats are kept."
              : "Checks a staff CSV export exactly as import would, without changing\n"
                "the directory.",
        1, 1);
    if (rc >= 0)
        return rc;
    if (apply && !prepare_directory(a))
        return EXIT_FAILED;
    char when[32];
    clock_format(&a->clock, false, "%Y-%m-%dT%H:%M:%SZ", when, sizeof when);
    ImportOptions opt = {.db_path = apply ? a->db_path : NULL,
                         .rejected_csv = args_get(&args, "report"),
                         .this_year = a->today.y,
                         .when = when};
    import_file(args.pos[0], &opt, &rep);
    if (a->json)
        report_json(&rep, args.pos[0]);
    else
        report_text(&rep, args.pos[0], opt.rejected_csv);
    rc = rep.outcome == IMPORT_REFUSED ? EXIT_FAILED : rep.rejected ? EXIT_REJECTED : EXIT_DONE;
    import_report_free(&rep);
    return rc;
}

int cmd_validate(Admin *a, int argc, char **argv)
{
    return run_import(a, argc, argv, false);
}

int cmd_import(Admin *a, int argc, char **argv)
{
    return run_import(a, argc, argv, true);
}

int cmd_rollback(Admin *a, int argc, char **argv)
{
    Args args;
    char err[STORE_ERR], source[300] = "";
    int rc = admin_parse(a, &args, NULL, 0, argc, argv, "rollback",
                         "Puts back the mentor list from before the last import (kept as\n"
                         "<database>.bak). The current list becomes the backup, so a second\n"
                         "rollback undoes the first. Referral counts and stats are kept.",
                         0, 0);
    if (rc >= 0)
        return rc;
    if (!store_rollback(a->db_path, err, sizeof err))
        return admin_fail(a, "rollback refused: %s", err);
    Store *s = admin_store(a);
    if (!s)
        return EXIT_FAILED;
    store_meta_get(s, "import_source", source, sizeof source);
    if (a->json) {
        Json j;
        json_init(&j, stdout);
        json_begin_object(&j);
        json_kv_bool(&j, "ok", true);
        json_kv_int(&j, "mentors", store_mentor_count(s));
        json_kv_string(&j, "source", source);
        json_end_object(&j);
        json_finish(&j);
    } else
        printf("Rolled back: %d mentors from %s are live again.\n", store_mentor_count(s), source);
    return EXIT_DONE;
}

typedef struct {
    Admin *a;
    Json j;
} Out;

static void field_row(void *ctx, const char *field, int count)
{
    Out *o = ctx;
    if (o->a->json) {
        json_begin_object(&o->j);
        json_kv_string(&o->j, "field", field);
        json_kv_int(&o->j, "mentors", count);
        json_end_object(&o->j);
    } else
        printf("%5d  %s\n", count, field);
}

int cmd_fields(Admin *a, int argc, char **argv)
{
    Args args;
    Out o = {a, {0}};
    int rc =
        admin_parse(a, &args, NULL, 0, argc, argv, "fields",
                    "Lists the career fields in the directory with their mentor counts.", 0, 0);
    if (rc >= 0)
        return rc;
    Store *s = admin_store(a);
    if (!s)
        return EXIT_FAILED;
    json_init(&o.j, stdout);
    if (a->json) {
        json_begin_object(&o.j);
        json_key(&o.j, "fields");
        json_begin_array(&o.j);
    }
    store_fields(s, field_row, &o);
    if (a->json) {
        json_end_array(&o.j);
        json_end_object(&o.j);
        json_finish(&o.j);
    }
    return EXIT_DONE;
}

static void stat_row(void *ctx, const char *day, const char *name, long value)
{
    Out *o = ctx;
    if (o->a->json) {
        json_begin_object(&o->j);
        json_kv_string(&o->j, "day", day);
        json_kv_string(&o->j, "name", name);
        json_kv_int(&o->j, "value", value);
        json_end_object(&o->j);
    } else
        printf("  %s  %-16s %ld\n", day, name, value);
}

static void referral_row(void *ctx, const char *day, const char *id, int count)
{
    Out *o = ctx;
    if (o->a->json) {
        json_begin_object(&o->j);
        json_kv_string(&o->j, "day", day);
        json_kv_string(&o->j, "mentor_id", id);
        json_kv_int(&o->j, "count", count);
        json_end_object(&o->j);
    } else
        printf("  %s  %-16s %d\n", day, id, count);
}

static const OptSpec stats_opts[] = {
    {"days", "N", "how many days back to report (default 30)", NULL},
};

int cmd_stats(Admin *a, int argc, char **argv)
{
    Args args;
    Out o = {a, {0}};
    char err[200], last[64] = "never", source[300] = "";
    int days;
    int rc = admin_parse(a, &args, stats_opts, 1, argc, argv, "stats [--days N]",
                         "Anonymous usage counts per day (sessions, sheets shown, printed) and\n"
                         "referrals per mentor per day. Nothing here identifies a visitor.",
                         0, 0);
    if (rc >= 0)
        return rc;
    if (!args_int(&args, "days", 1, 3660, 30, &days, err, sizeof err))
        return admin_fail(a, "%s", err);
    Store *s = admin_store(a);
    if (!s)
        return EXIT_FAILED;
    Date from = date_add_days(a->today, -(days - 1));
    store_meta_get(s, "import_time", last, sizeof last);
    store_meta_get(s, "import_source", source, sizeof source);
    json_init(&o.j, stdout);
    if (a->json) {
        json_begin_object(&o.j);
        json_kv_int(&o.j, "mentors", store_mentor_count(s));
        json_kv_string(&o.j, "last_import", last);
        json_kv_string(&o.j, "last_import_source", source);
        json_key(&o.j, "stats");
        json_begin_array(&o.j);
    } else
        printf("Directory: %d mentors; last import %s (%s)\n\nUsage, last %d days:\n",
               store_mentor_count(s), *last ? last : "never", source, days);
    int n = store_stats_each(s, from, stat_row, &o);
    if (a->json) {
        json_end_array(&o.j);
        json_key(&o.j, "referrals");
        json_begin_array(&o.j);
    } else {
        if (n == 0)
            printf("  (none yet)\n");
        printf("\nReferrals (a mentor chosen for a prep sheet):\n");
    }
    n = store_referrals_each(s, from, referral_row, &o);
    if (a->json) {
        json_end_array(&o.j);
        json_end_object(&o.j);
        json_finish(&o.j);
    } else if (n == 0)
        printf("  (none yet)\n");
    return EXIT_DONE;
}
