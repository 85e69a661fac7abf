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

#include <stdio.h>
#include <string.h>

enum { PIN_MIN = 4, PIN_MAX = 12 };

/* True when s is PIN_MIN..PIN_MAX digits. */
static bool pin_ok(const char *s)
{
    size_t n = strlen(s);
    return n >= PIN_MIN && n <= PIN_MAX && strspn(s, "0123456789") == n;
}

int cmd_set_pin(Admin *a, int argc, char **argv)
{
    Args args;
    char pin[64] = "", hash[SIGN_PIN_HASH_MAX], err[300];
    int rc =
        admin_parse(a, &args, NULL, 0, argc, argv, "set-pin < PIN",
                    "Reads the staff PIN (4 to 12 digits) from standard input and stores its\n"
                    "Argon2id hash as [staff] pin_hash in the config, keeping the rest of the\n"
                    "file as it is. Staff type the PIN at the kiosk to open the staff screen;\n"
                    "five wrong tries lock it for five minutes.\n"
                    "Example: read -s PIN && echo \"$PIN\" | career-kiosk-admin set-pin",
                    0, 0);
    if (rc >= 0)
        return rc;
    if (!fgets(pin, sizeof pin, stdin))
        return admin_fail(a, "no PIN on standard input");
    pin[strcspn(pin, "\r\n")] = '\0';
    if (!pin_ok(pin)) {
        sign_wipe(pin, sizeof pin);
        return admin_fail(a, "the PIN should be %d to %d digits", PIN_MIN, PIN_MAX);
    }
    bool hashed = sign_pin_hash(pin, hash);
    sign_wipe(pin, sizeof pin);
    if (!hashed)
        return admin_fail(a, "could not hash the PIN (out of memory)");
    if (!config_set(a->config_file, "staff", "pin_hash", hash, err, sizeof err))
        return admin_fail(a, "%s", err);
    if (a->json) {
        Json j;
        json_init(&j, stdout);
        json_begin_object(&j);
        json_kv_string(&j, "config", a->config_file);
        json_kv_bool(&j, "pin_set", true);
        json_end_object(&j);
        json_finish(&j);
    } else
        printf("Staff PIN set in %s (stored as an Argon2id hash).\n", a->config_file);
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
