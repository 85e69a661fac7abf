/* config: the kiosk's settings from one INI file, read with inih (the only
 * includer of ini.h). A missing file means defaults; a broken one is
 * reported problem by problem with line numbers, and must not be used. */
#ifndef CK_CONFIG_H
#define CK_CONFIG_H

#include "core/office.h"
#include "platform.h"
#include "print/print.h"
#include "usb/sign.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum {
    CONFIG_PATH_MAX = 512,
    CONFIG_TEXT_MAX = 120,
    CONFIG_PROBLEMS = 32,
    CONFIG_KEYS = SIGN_TRUSTED_MAX
};

/* Who confirms a bundle that lands in the inbox: nobody (the inbox is
 * not looked at), the kiosk itself once no visitor is mid-session, or
 * staff with the PIN. */
typedef enum { CONFIG_INBOX_OFF, CONFIG_INBOX_AUTO, CONFIG_INBOX_STAFF } ConfigInbox;

typedef struct {
    Office office;                          /* [office] name, school, contact, logo */
    uint32_t primary, accent, background;   /* [theme] colours, 0xRRGGBB */
    char database[CONFIG_PATH_MAX];         /* [directory] database */
    char sample[CONFIG_PATH_MAX];           /* [directory] sample: first-run mentors */
    char sample_referrals[CONFIG_PATH_MAX]; /* [directory] sample_referrals */
    char questions[CONFIG_PATH_MAX];        /* [directory] questions: question bank */
    char synonyms[CONFIG_PATH_MAX];         /* [directory] synonyms: what visitors say */
    int stale_months;                 /* [directory] stale_months: details this old rank later */
    int idle_seconds;                 /* [kiosk] idle_seconds */
    int idle_countdown;               /* [kiosk] idle_countdown */
    PlatformTurn turn;                /* [kiosk] orientation */
    PlatformRender render;            /* [kiosk] render: software or gpu */
    char language[16];                /* [kiosk] language: the visitors' screens */
    char printer[PRINT_TARGET_MAX];   /* [printing] printer: none, cups[:QUEUE], escpos:DEV */
    char paper[16];                   /* [printing] paper: letter, a4, 80mm, 58mm */
    int print_timeout;                /* [printing] timeout_seconds */
    char pickup[CONFIG_TEXT_MAX];     /* [printing] pickup: where the printer is */
    PrintSetup print;                 /* the three above, checked */
    char pin_hash[SIGN_PIN_HASH_MAX]; /* [staff] pin_hash: Argon2id, from set-pin */
    SignTrust trust;                  /* [bundles] trusted_key (one line each), named */
    char usb_roots[CONFIG_PATH_MAX];  /* [bundles] roots: where sticks are mounted */
    ConfigInbox inbox;                /* [bundles] inbox: off, auto or staff */
    char inbox_dir[CONFIG_PATH_MAX];  /* [bundles] inbox_dir: filled by the fetch unit */
    char outbox_dir[CONFIG_PATH_MAX]; /* [bundles] outbox_dir: reports and stats for the fleet */
    int outbox_hours;                 /* [bundles] outbox_hours: stats written this often */
    char kiosk_id[64];                /* [bundles] kiosk_id: names the outbox's files */
    int stale_days;                   /* [bundles] stale_days: notice after this long; 0 never */
    char age_key[CONFIG_PATH_MAX];    /* [bundles] age_identity: opens mentors.csv.age */
    int logo_line, language_line;     /* where they were set, for later checks; 0: unset */
    int database_line, questions_line, sample_line;
    int inbox_line, age_line; /* where [bundles] inbox and age_identity were set */
} Config;

typedef struct {
    int line; /* 0 when the problem is not on one line */
    char text[700];
} ConfigProblem;

/* Fills c with defaults: the built-in sample directory under assets_dir,
 * the database at db_path. */
void config_defaults(Config *c, const char *assets_dir, const char *db_path);

/* Reads path over the values already in c. A file that does not exist
 * leaves c as it is and succeeds. Otherwise every problem found (syntax,
 * unknown section or key, bad value) is written to problems[0..cap) and
 * counted in *nproblems; returns true only when there were none. */
bool config_load(const char *path, Config *c, ConfigProblem *problems, int cap, int *nproblems);

/* True when id may name a kiosk's files in a fleet's shared folder:
 * letters, digits, '.', '-' and '_', not starting with '.' or '-'. */
bool config_id_ok(const char *id);

/* The colours the kiosk uses unless [theme] says otherwise. */
enum {
    CONFIG_PRIMARY = 0x0F5C6E,
    CONFIG_ACCENT = 0xE9A23B,
    CONFIG_BACKGROUND = 0xF5F2EB,
    CONFIG_TEXT = 0x1C2433,  /* body text, fixed */
    CONFIG_MUTED = 0x556070, /* secondary text, fixed */
};

/* WCAG 2 contrast ratio of two 0xRRGGBB colours, from 1 to 21. */
double config_contrast(uint32_t a, uint32_t b);

/* The checks a config file cannot make on its own: that the files it
 * names are there (database folder, question bank, first-run sample).
 * Adds problems after the n already in problems; returns the new count. */
int config_check_files(const Config *c, ConfigProblem *problems, int cap, int n);

/* Where a build finds its files unless told otherwise: a source checkout
 * is compiled with its own paths (see the Makefile), an install with
 * system ones. */
#ifndef CK_ASSETS_DIR
#define CK_ASSETS_DIR "/usr/local/share/career-kiosk"
#endif
#ifndef CK_DB_PATH
#define CK_DB_PATH "/var/lib/career-kiosk/mentors.db"
#endif
#ifndef CK_CONFIG_PATH
#define CK_CONFIG_PATH "/etc/career-kiosk/kiosk.conf"
#endif
#ifndef CK_VERSION
#define CK_VERSION "dev"
#endif

/* The config file in use: path, else $CAREER_KIOSK_CONFIG, else
 * CK_CONFIG_PATH. */
const char *config_path(const char *path);

/* Sets `key = value` in [section] of the file at path, keeping every
 * other line (and comment) as it was: replaces the key where it is, or
 * adds it (and the section) when missing. Written beside and renamed
 * over, so a crash leaves the old file or the new one. A path that is a
 * symbolic link stays one: the file it points to is replaced. The file
 * keeps its owner, group and mode; a secret (the PIN's hash) makes it
 * unreadable by others (0640 when new), and root puts a file of root's
 * group in CK_KIOSK_GROUP so the kiosk still reads it. False with the
 * reason. */
bool config_set(const char *path, const char *section, const char *key, const char *value,
                bool secret, char *err, size_t cap);

/* The group the kiosk runs in (platform/deploy/career-kiosk.sysusers). */
#ifndef CK_KIOSK_GROUP
#define CK_KIOSK_GROUP "career-kiosk"
#endif

/* A warning when c has a staff PIN and the file at path (its config)
 * is readable by every user: adds a problem like config_check_files. */
int config_check_secret(const Config *c, const char *path, ConfigProblem *problems, int cap, int n);

/* The fleet's folders and key, when the inbox is on: the inbox readable,
 * the outbox writable, the age key readable. Adds problems like
 * config_check_files. These are warnings, not reasons to refuse to start:
 * the kiosk keeps looking for an inbox that is not there yet, and says
 * why an encrypted bundle could not be opened. */
int config_check_fleet(const Config *c, ConfigProblem *problems, int cap, int n);

/* A program's own checks of what it alone can judge (a logo it can
 * draw, a language it has): adds problems like config_check_files. */
typedef int (*ConfigCheck)(const Config *c, ConfigProblem *problems, int cap, int n);

/* Prints problems as "file:line: what" (line 0: "file: what") to f. */
void config_report(FILE *f, const char *path, const ConfigProblem *p, int n);

/* Defaults, then the file at path (NULL: $CAREER_KIOSK_CONFIG, else
 * CK_CONFIG_PATH), then check (may be NULL). Problems go to stderr as
 * "file:line: what", then a line from prog; returns false then: nothing
 * may start half-configured. */
bool config_open(const char *path, Config *c, const char *prog, ConfigCheck check);

#endif
