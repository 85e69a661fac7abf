/* career-kiosk-admin: staff and scripting CLI for the mentor directory.
 * Global options come before or after the subcommand; each subcommand
 * has its own --help. */
#include "core/licence.h"
#include "admin.h"

#include "args.h"
#include "directory/import.h"
#include "visit/takeaway.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const struct {
    const char *name;
    AdminCommand fn;
    const char *about;
} commands[] = {
    {"init", cmd_init, "create the directory from the built-in sample if there is none"},
    {"validate", cmd_validate, "check a staff CSV export without changing anything"},
    {"import", cmd_import, "replace the mentor list with a CSV export (atomic, with backup)"},
    {"rollback", cmd_rollback, "put back the mentor list from before the last import"},
    {"search", cmd_search, "search mentors as a visitor would, with filters"},
    {"show", cmd_show, "show one mentor"},
    {"fields", cmd_fields, "list career fields and how many mentors each has"},
    {"questions", cmd_questions, "list the question bank, or a suggested set"},
    {"message", cmd_message, "compose the request message for a mentor"},
    {"sheet", cmd_sheet, "compose the prep sheet for a mentor"},
    {"qr", cmd_qr, "print a take-away QR code in the terminal or write it as SVG"},
    {"set-pin", cmd_set_pin, "set the staff PIN (read from standard input) in the config"},
    {"bundle-stamp", cmd_bundle_stamp,
     "show, or with --forget --yes clear, the date of the last USB bundle imported"},
    {"print-test", cmd_print_test, "print a sample prep sheet on the configured printer"},
    {"stats", cmd_stats, "anonymous usage counts and referrals per mentor"},
    {"stats-merge", cmd_stats_merge, "sum a fleet's stats from the kiosks' outbox files"},
};
enum { NCOMMANDS = sizeof commands / sizeof commands[0] };

static void usage(FILE *f)
{
    fprintf(f, "usage: career-kiosk-admin [--db PATH] [--config PATH] [--json] "
               "[--today YYYY-MM-DD] COMMAND [ARGS]\n\ncommands:\n");
    for (int i = 0; i < NCOMMANDS; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].about);
    fprintf(f, "\nRun `career-kiosk-admin COMMAND --help` for a command's options.\n"
               "Exit codes: 0 done, 1 done but some rows were rejected, 2 refused or failed.\n");
}

int admin_fail(Admin *a, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (a->json) {
        fputs("{\"error\":\"", stdout);
        for (const char *p = msg; *p; p++) {
            if (*p == '"' || *p == '\\')
                fputc('\\', stdout);
            if (*p == '\n')
                fputs("\\n", stdout);
            else
                fputc(*p, stdout);
        }
        fputs("\"}\n", stdout);
    }
    fprintf(stderr, "career-kiosk-admin: %s\n", msg);
    return EXIT_FAILED;
}

int admin_parse(Admin *a, Args *args, const OptSpec *spec, int n, int argc, char **argv,
                const char *usage, const char *about, int npos_min, int npos_max)
{
    char err[200];
    if (!args_parse(args, spec, n, argc, argv, err, sizeof err))
        return admin_fail(a, "%s", err);
    if (args->help) {
        args_usage(usage, about, spec, n);
        return EXIT_DONE;
    }
    if (args->npos < npos_min || args->npos > npos_max)
        return admin_fail(a, "usage: career-kiosk-admin %s", usage);
    return -1;
}

Store *admin_store(Admin *a)
{
    char err[600];
    if (a->store)
        return a->store;
    ImportSeed seed = {a->cfg.sample, a->cfg.sample_referrals, a->cfg.questions, a->cfg.synonyms};
    a->store = import_seed_open(a->db_path, &seed, a->today, err, sizeof err);
    if (!a->store)
        admin_fail(a, "%s", err);
    else
        store_set_stale_months(a->store, a->cfg.stale_months);
    if (a->store && *store_notice(a->store))
        fprintf(stderr, "career-kiosk-admin: %s\n", store_notice(a->store));
    return a->store;
}

void admin_store_close(Admin *a)
{
    store_close(a->store);
    a->store = NULL;
}

static void set_clock(Admin *a, Clock c)
{
    a->clock = c;
    clock_today(&c, &a->today.y, &a->today.m, &a->today.d);
}

/* Takes the global options out of argv wherever they stand. */
static bool globals(Admin *a, int *argc, char **argv, const char **config, const char **db)
{
    int out = 1;
    for (int i = 1; i < *argc; i++) {
        const char *s = argv[i];
        bool has_next = i + 1 < *argc;
        if (strcmp(s, "--json") == 0)
            a->json = true;
        else if ((strcmp(s, "--db") == 0 || strcmp(s, "--config") == 0 ||
                  strcmp(s, "--today") == 0) &&
                 !has_next) {
            fprintf(stderr, "career-kiosk-admin: %s needs a value\n", s);
            return false;
        } else if (strcmp(s, "--db") == 0)
            *db = argv[++i];
        else if (strcmp(s, "--config") == 0)
            *config = argv[++i];
        else if (strcmp(s, "--today") == 0) {
            Date d;
            if (!date_parse(argv[++i], &d)) {
                fprintf(stderr, "career-kiosk-admin: --today wants a date like 2026-11-22\n");
                return false;
            }
            set_clock(a, clock_pinned(d.y, d.m, d.d));
        } else
            argv[out++] = argv[i];
    }
    *argc = out;
    return true;
}

int main(int argc, char **argv)
{
    Admin a = {0};
    const char *config = NULL, *db = NULL;
    int rc = EXIT_FAILED;
    set_clock(&a, clock_real());
    if (!globals(&a, &argc, argv, &config, &db))
        return EXIT_FAILED;
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_FAILED : EXIT_DONE;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("career-kiosk-admin %s\n%s", CK_VERSION, CK_LICENCE);
        return EXIT_DONE;
    }
    a.config_file = config_path(config);
    bool setting = strcmp(argv[1], "set-pin") == 0; /* may mend a config, so reads it itself */
    if (setting)
        config_defaults(&a.cfg, CK_ASSETS_DIR, CK_DB_PATH);
    else if (!config_open(config, &a.cfg, "career-kiosk-admin", NULL))
        return EXIT_FAILED;
    a.db_path = db ? db : a.cfg.database;
    for (int i = 0; i < NCOMMANDS; i++)
        if (strcmp(argv[1], commands[i].name) == 0) {
            rc = commands[i].fn(&a, argc - 2, argv + 2);
            admin_store_close(&a);
            return rc;
        }
    fprintf(stderr, "career-kiosk-admin: unknown command \"%s\"\n\n", argv[1]);
    usage(stderr);
    return EXIT_FAILED;
}
