/* Staff settings: `set-pin` stores the staff PIN as an Argon2id hash in
 * the config, never the PIN itself. The PIN is read from standard input,
 * so it stays out of shell history and the process list. `bundle-stamp`
 * shows (and, confirmed, forgets) the date of the last USB bundle, the
 * way back when a wrongly dated bundle got in. */
#include "admin.h"

#include "args.h"
#include "config.h"
#include "directory/counts.h"
#include "json.h"
#include "usb/bundle.h"
#include "usb/sign.h"

#include <grp.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

enum { PIN_MIN = 6, PIN_MAX = 12 };

/* Why a PIN of digits is too easy to guess, or NULL: one digit over and
 * over, a run that steps the same way each time (123456, 654321, 135791,
 * 890123), or a short pattern repeated (121212, 123123, 100100). These
 * are what people pick first, so what a guesser tries first. */
static const char *pin_guessable(const char *s)
{
    size_t n = strlen(s);
    int step = (s[1] - s[0] + 10) % 10;
    bool run = true;
    for (size_t i = 2; i < n && run; i++)
        run = (s[i] - s[i - 1] + 10) % 10 == step;
    if (run && step == 0)
        return "it is one digit repeated";
    if (run)
        return "its digits run in steps (like 123456 or 654321)";
    for (size_t period = 1; period <= n / 2; period++) {
        bool repeats = n % period == 0;
        for (size_t i = period; i < n && repeats; i++)
            repeats = s[i] == s[i - period];
        if (repeats)
            return "it repeats a short pattern (like 121212 or 123123)";
    }
    return NULL;
}

/* Why the PIN will not do, or NULL. */
static const char *pin_problem(const char *s, char *why, size_t cap)
{
    size_t n = strlen(s);
    const char *guess;
    if (n == 0 || strspn(s, "0123456789") != n)
        snprintf(why, cap, "the PIN should be digits only, %d to %d of them", PIN_MIN, PIN_MAX);
    else if (n < PIN_MIN || n > PIN_MAX)
        snprintf(why, cap,
                 "the PIN should be %d to %d digits (this one has %zu): a shorter one is "
                 "guessed too soon",
                 PIN_MIN, PIN_MAX, n);
    else if ((guess = pin_guessable(s)) != NULL)
        snprintf(why, cap,
                 "that PIN is too easy to guess: %s. Choose %d to %d digits with no pattern", guess,
                 PIN_MIN, PIN_MAX);
    else
        return NULL;
    return why;
}

int cmd_set_pin(Admin *a, int argc, char **argv)
{
    Args args;
    char pin[64] = "", hash[SIGN_PIN_HASH_MAX], err[700], why[200];
    int rc =
        admin_parse(a, &args, NULL, 0, argc, argv, "set-pin < PIN",
                    "Reads the staff PIN (6 to 12 digits, not one digit repeated, a run like\n"
                    "123456 or a repeated pattern like 121212) from standard input and stores\n"
                    "its Argon2id hash as [staff] pin_hash in the config, keeping the rest of\n"
                    "the file as it is. The config is then readable only by its owner and\n"
                    "group (0640; as root, group " CK_KIOSK_GROUP "); a config that is a link\n"
                    "stays one, and the file it points to is changed. Staff type the PIN at\n"
                    "the kiosk to open the staff screen; wrong tries lock it for a while.\n"
                    "Example: read -s PIN && echo \"$PIN\" | career-kiosk-admin set-pin",
                    0, 0);
    if (rc >= 0)
        return rc;
    if (!fgets(pin, sizeof pin, stdin))
        return admin_fail(a, "no PIN on standard input");
    pin[strcspn(pin, "\r\n")] = '\0';
    if (pin_problem(pin, why, sizeof why)) {
        sign_wipe(pin, sizeof pin);
        return admin_fail(a, "%s; nothing was changed", why);
    }
    bool hashed = sign_pin_hash(pin, hash);
    sign_wipe(pin, sizeof pin);
    if (!hashed)
        return admin_fail(a, "could not hash the PIN (out of memory)");
    if (!config_set(a->config_file, "staff", "pin_hash", hash, true, err, sizeof err))
        return admin_fail(a, "%s", err);
    struct stat st = {0};
    struct group *g = stat(a->config_file, &st) == 0 ? getgrgid(st.st_gid) : NULL;
    char group[64];
    if (g)
        snprintf(group, sizeof group, "%s", g->gr_name);
    else
        snprintf(group, sizeof group, "%u", (unsigned)st.st_gid);
    if (a->json) {
        Json j;
        json_init(&j, stdout);
        json_begin_object(&j);
        json_kv_string(&j, "config", a->config_file);
        json_kv_bool(&j, "pin_set", true);
        json_end_object(&j);
        json_finish(&j);
    } else
        printf("Staff PIN set in %s (stored as an Argon2id hash; the file is mode %04o, group "
               "%s, so only its owner and that group can read it).\n",
               a->config_file, (unsigned)(st.st_mode & 0777), group);
    return EXIT_DONE;
}

static const OptSpec stamp_opts[] = {
    {"forget", NULL, "clear the stored dates, so a correctly dated bundle is taken again", NULL},
    {"yes", NULL, "confirm --forget", NULL},
};

int cmd_bundle_stamp(Admin *a, int argc, char **argv)
{
    Args args;
    char was[200];
    int rc =
        admin_parse(a, &args, stamp_opts, 2, argc, argv, "bundle-stamp [--forget --yes]",
                    "Shows the signing date of the last USB bundle (and question bank) imported.\n"
                    "The kiosk refuses any bundle signed no later than that, so one signed on a\n"
                    "laptop with a wrong clock would lock out every later bundle. With --forget\n"
                    "--yes the stored dates are cleared: the next bundle is taken whatever its\n"
                    "date (an older one too), so do it only to undo a wrongly dated bundle.",
                    0, 0);
    if (rc >= 0)
        return rc;
    Store *s = admin_store(a);
    if (!s)
        return EXIT_FAILED;
    bool forget = args_has(&args, "forget");
    if (forget && !args_has(&args, "yes"))
        return admin_fail(a, "--forget lets the next bundle in whatever its date, an older one "
                             "too; run again with --forget --yes to confirm");
    long long at = bundle_imported_at(s), qat = bundle_questions_imported_at(s);
    if (forget && !bundle_forget_stamps(s, was, sizeof was))
        return admin_fail(a, "could not clear the stored dates");
    char when[48], qwhen[48];
    bundle_when_text(at, when, sizeof when);
    bundle_when_text(qat, qwhen, sizeof qwhen);
    if (a->json) {
        Json j;
        json_init(&j, stdout);
        json_begin_object(&j);
        json_kv_int(&j, "bundle_signed_at", (long)at);
        json_kv_int(&j, "questions_signed_at", (long)qat);
        json_kv_bool(&j, "forgotten", forget);
        json_end_object(&j);
        json_finish(&j);
        return EXIT_DONE;
    }
    printf("Last bundle imported: %s\nLast question bank imported: %s\n",
           at ? when : "none (any correctly signed bundle is taken)", qat ? qwhen : "none");
    if (forget)
        printf("Forgotten: the next correctly signed bundle is taken whatever its date.\n");
    return EXIT_DONE;
}
