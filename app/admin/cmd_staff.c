/* Staff settings: `set-pin` stores the staff PIN as an Argon2id hash in
 * the config, never the PIN itself. The PIN is read from standard input,
 * so it stays out of shell history and the process list. */
#include "admin.h"

#include "args.h"
#include "config.h"
#include "json.h"
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
