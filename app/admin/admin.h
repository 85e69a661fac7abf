/* admin: shared state of career-kiosk-admin, the staff and scripting CLI,
 * and its subcommands. Exit codes: 0 done, 1 done with rejected rows,
 * 2 refused or failed (including bad usage). */
#ifndef CK_ADMIN_H
#define CK_ADMIN_H

#include "clock.h"
#include "config.h"
#include "core/date.h"
#include "directory/store.h"

#include <stdbool.h>

enum { EXIT_DONE = 0, EXIT_REJECTED = 1, EXIT_FAILED = 2 };

typedef struct {
    Config cfg;
    const char *db_path;     /* --db, else the config's database */
    bool json;               /* --json: machine-readable output */
    Clock clock;             /* the one wall clock: pinned by --today */
    Date today;              /* the clock's day */
    Store *store;            /* opened on first use by admin_store */
    const char *config_file; /* the config in use (--config, $CAREER_KIOSK_CONFIG, default) */
} Admin;

/* The directory, created from the sample on first use. NULL after
 * printing why. */
Store *admin_store(Admin *a);

/* Closes the directory (before an import replaces it). */
void admin_store_close(Admin *a);

/* Prints an error (as {"error": ...} with --json) and returns EXIT_FAILED. */
int admin_fail(Admin *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

struct Args;
struct OptSpec;

/* Parses a subcommand's arguments against spec[0..n) and prints its help
 * when asked. Returns -1 to go on, else the exit code to return now
 * (after --help, or a usage error already reported). */
int admin_parse(Admin *a, struct Args *args, const struct OptSpec *spec, int n, int argc,
                char **argv, const char *usage, const char *about, int npos_min, int npos_max);

typedef int (*AdminCommand)(Admin *a, int argc, char **argv);

int cmd_init(Admin *a, int argc, char **argv);
int cmd_validate(Admin *a, int argc, char **argv);
int cmd_import(Admin *a, int argc, char **argv);
int cmd_rollback(Admin *a, int argc, char **argv);
int cmd_stats(Admin *a, int argc, char **argv);
int cmd_stats_merge(Admin *a, int argc, char **argv);
int cmd_fields(Admin *a, int argc, char **argv);
int cmd_search(Admin *a, int argc, char **argv);
int cmd_show(Admin *a, int argc, char **argv);
int cmd_questions(Admin *a, int argc, char **argv);
int cmd_message(Admin *a, int argc, char **argv);
int cmd_sheet(Admin *a, int argc, char **argv);
int cmd_qr(Admin *a, int argc, char **argv);
int cmd_print_test(Admin *a, int argc, char **argv);
int cmd_set_pin(Admin *a, int argc, char **argv);
int cmd_bundle_stamp(Admin *a, int argc, char **argv);

#endif
