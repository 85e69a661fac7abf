/* support: helpers shared by the tests: temporary folders, files, running
 * the admin CLI, and golden-file comparison. */
#ifndef CK_TEST_SUPPORT_H
#define CK_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka needs the headers above first */
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "visit/qr.h"

/* Remembers where the test binary is, to find the admin CLI beside it. */
void support_init(const char *argv0);

/* A new empty folder under /tmp; removed by support_rmtree. */
char *support_tmpdir(void);
void support_rmtree(const char *path);

/* A fresh temporary folder for each test: pass these to cmocka as setup
 * and teardown; support_dir names the folder while the test runs. */
extern char *support_dir;
int support_dir_setup(void **state);
int support_dir_teardown(void **state);

/* dir + "/" + name in a static rotating buffer. */
const char *support_path(const char *dir, const char *name);

/* Writes len bytes (or strlen when len is (size_t)-1) to path. */
void support_write(const char *path, const char *data, size_t len);

/* Reads a whole file (malloc'd, NUL-terminated); NULL if missing. */
char *support_read(const char *path, size_t *len);

/* Runs career-kiosk-admin with a shell-quoted argument string; returns
 * its exit code and its stdout (malloc'd) in *out. */
int support_admin(char **out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Runs career-kiosk (beside the test binary) with arguments; stdout and
 * stderr together in *out. Returns the exit code. */
int support_kiosk(char **out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The path of a program built beside the tests ("career-kiosk",
 * "gen-mentors"), in a static buffer. */
const char *support_program(const char *name);

/* Runs a shell command; its output in *out (may be NULL). */
int support_sh(char **out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Compares text with tests/golden/name; with UPDATE_GOLDEN=1 in the
 * environment, writes it instead. Fails the test on a difference. */
void support_golden(const char *name, const char *text);

/* Draws code q as a PGM image in dir, scale pixels a module with its
 * quiet zone, and returns what zbarimg reads from it (malloc'd). */
char *support_zbar_qr(const QrCode *q, int scale, const char *dir);

/* Where to touch for one step of a walkthrough in a real window. */
typedef struct {
    char label[200];
    int x, y;
} SupportSpot;

/* A visitor's walk from Welcome to Take away, as support_plan steps: the
 * real-window tests (X11 and Wayland) tap through it. */
enum { SUPPORT_WALK_STEPS = 9 };
extern const char *const support_walk[SUPPORT_WALK_STEPS];

/* Runs the steps headless at size (WxH) on a copy of db (db + ".plan"),
 * dumping the screen before each: each step is a label to tap or "type
 * TEXT". Fills the centre of each tapped item in out (zeroed by the
 * caller) and returns how many were found; scratch files go in dir. */
int support_plan(const char *dir, const char *db, const char *size, const char *const *steps, int n,
                 SupportSpot *out);

/* The centre of the item labelled label (a label ending in '*' matches
 * any that starts with the rest) in the which-th screen dump (from 0) of
 * a script's `dump` output. False when that dump has no such item. */
bool support_spot(const char *dump, int which, const char *label, SupportSpot *out);

/* A staff bundle as the office's laptop makes it, for the tests of the
 * real window: in dir, a minisign key pair (staff.pub, staff.key),
 * dir/kiosk.conf trusting it, with PIN pin, the directory at db, sticks
 * looked for under dir/media and the lines `more` (or none) added to its
 * [bundles] section; and dir/bundle/mentors.csv with the sample's first
 * n mentors, signed by that key at 2026-11-22 09:00 UTC (before a kiosk
 * run with --today 2026-11-22). */
void support_staff_bundle(const char *dir, const char *db, const char *pin, int n,
                          const char *more);

/* support_staff_bundle, and the bundle on a staff stick: a FAT image made
 * by mkfs.vfat, mounted through FUSE at dir/media/STICK for every user
 * (the kiosk may run as another). Needs root and /dev/fuse, as CI has. */
void support_staff_stick(const char *dir, const char *db, const char *pin, int n);

/* Where staff touch in a real window to take a stick's bundle: the PIN's
 * keys and OK (key[0..strlen(pin)]) on the PIN pad the plugged stick
 * opens, and Import on the preview; found by walking the same screens
 * headless at 1280x800 with the config conf on a copy of db (db.plan),
 * scratch files in dir. Fails the test when one is missing. */
void support_staff_plan(const char *dir, const char *conf, const char *db, const char *pin,
                        SupportSpot *key, SupportSpot *import);

/* Waits up to seconds for text to appear in the file at path (a log),
 * touching nothing; true when it did. */
bool support_log_says(const char *path, const char *text, int seconds);

/* Unmounts the stick support_staff_stick mounted in dir (if it is). */
void support_staff_stick_pull(const char *dir);

/* True when a command is on PATH. */
bool support_have(const char *cmd);

#endif
