/* Tests for bundle signatures and the staff PIN, against signatures made
 * by Debian's real minisign tool. */
#include "support.h"

#include "config.h"
#include "usb/sign.h"

#include <stdio.h>

/* A new minisign key pair (no password) named name in dir. */
static void keypair(const char *name, SignKey *key)
{
    char *out, err[200];
    int rc = support_sh(&out, "cd %s && minisign -G -W -p %s.pub -s %s.key 2>&1", support_dir, name,
                        name);
    if (rc != 0)
        fail_msg("minisign -G: %s", out);
    free(out);
    char path[1200];
    snprintf(path, sizeof path, "%s/%s.pub", support_dir, name);
    char *pub = support_read(path, NULL);
    assert_non_null(pub);
    if (!sign_key_parse(pub, key, err, sizeof err))
        fail_msg("%s", err);
    free(pub);
}

/* Signs dir/file with key name (extra: more minisign options). */
static void sign_file(const char *name, const char *file, const char *extra)
{
    char *out;
    int rc = support_sh(&out, "cd %s && minisign -S -s %s.key -m %s %s 2>&1 </dev/null",
                        support_dir, name, file, extra);
    if (rc != 0)
        fail_msg("minisign -S: %s", out);
    free(out);
}

static SignResult verify(const char *file, const SignKey *keys, int n, SignInfo *info, char *err)
{
    char path[1200], sig[1300];
    size_t len;
    snprintf(path, sizeof path, "%s/%s", support_dir, file);
    snprintf(sig, sizeof sig, "%s.minisig", path);
    char *data = support_read(path, &len), *minisig = support_read(sig, NULL);
    assert_non_null(data);
    assert_non_null(minisig);
    SignResult r = sign_verify((unsigned char *)data, len, minisig, keys, n, info, err, 200);
    free(data);
    free(minisig);
    return r;
}

static void test_minisign_signatures(void **state)
{
    (void)state;
    SignKey staff, stranger, keys[2];
    SignInfo info;
    char err[200];
    keypair("staff", &staff);
    keypair("stranger", &stranger);
    support_write(support_path(support_dir, "mentors.csv"), "id,first name\nM1,Ada\n", (size_t)-1);
    sign_file("staff", "mentors.csv", "");
    keys[0] = stranger;
    keys[1] = staff;
    assert_int_equal(verify("mentors.csv", keys, 2, &info, err), SIGN_OK);
    assert_true(info.timestamp > 1700000000LL);
    assert_non_null(strstr(info.comment, "file:mentors.csv"));
    /* the key id minisign printed in the .pub file's comment */
    char *pub = support_read(support_path(support_dir, "staff.pub"), NULL);
    assert_non_null(strstr(pub, info.key_id));
    free(pub);

    /* legacy (not prehashed) signatures are accepted too */
    sign_file("staff", "mentors.csv", "-l");
    assert_int_equal(verify("mentors.csv", keys, 2, &info, err), SIGN_OK);

    /* an unknown key */
    assert_int_equal(verify("mentors.csv", &stranger, 1, &info, err), SIGN_UNKNOWN_KEY);
    assert_non_null(strstr(err, "does not trust"));

    /* one changed byte */
    sign_file("staff", "mentors.csv", "");
    support_write(support_path(support_dir, "mentors.csv"), "id,first name\nM1,Adb\n", (size_t)-1);
    assert_int_equal(verify("mentors.csv", keys, 2, &info, err), SIGN_BAD);
    assert_non_null(strstr(err, "changed after signing"));

    /* a trusted comment edited to look newer */
    support_write(support_path(support_dir, "mentors.csv"), "id,first name\nM1,Ada\n", (size_t)-1);
    sign_file("staff", "mentors.csv", "");
    assert_int_equal(
        support_sh(NULL, "sed -i 's/timestamp:1/timestamp:2/' %s/mentors.csv.minisig", support_dir),
        0);
    assert_int_equal(verify("mentors.csv", keys, 2, &info, err), SIGN_BAD_COMMENT);
    assert_non_null(strstr(err, "trusted comment was changed"));

    /* a timestamp that is no time: not taken as the largest 64-bit value */
    sign_file("staff", "mentors.csv", "-t 'timestamp:99999999999999999999 file:mentors.csv'");
    assert_int_equal(verify("mentors.csv", keys, 2, &info, err), SIGN_BAD_TIME);
    assert_non_null(strstr(err, "\"99999999999999999999\" is not a sane time"));
    assert_true(info.timestamp == 0);
    sign_file("staff", "mentors.csv", "-t 'timestamp:17000x0000 file:mentors.csv'");
    assert_int_equal(verify("mentors.csv", keys, 2, &info, err), SIGN_BAD_TIME);
    sign_file("staff", "mentors.csv", "-t 'timestamp:12 file:mentors.csv'");
    assert_int_equal(verify("mentors.csv", keys, 2, &info, err), SIGN_BAD_TIME);

    /* a comment with no timestamp */
    sign_file("staff", "mentors.csv", "-t 'made by hand'");
    assert_int_equal(verify("mentors.csv", keys, 2, &info, err), SIGN_NO_TIMESTAMP);

    /* not a signature at all */
    support_write(support_path(support_dir, "mentors.csv.minisig"), "hello\n", (size_t)-1);
    assert_int_equal(verify("mentors.csv", keys, 2, &info, err), SIGN_MALFORMED);
}

static void test_key_parse(void **state)
{
    (void)state;
    SignKey k;
    char err[200];
    assert_true(sign_key_parse("RWQDsfSVXZ4tL2sazcaYT16rMkYXH2d1HcEK9Z2Rn4SpAe2LmGD17+YH", &k, err,
                               sizeof err));
    char id[17];
    sign_key_id(k.id, id);
    assert_string_equal(id, "2F2D9E5D95F4B103");
    /* minisign prints ids without leading zeros */
    unsigned char low[8] = {0x03, 0xB1, 0xF4, 0x95, 0x5D, 0x9E, 0x2D, 0x00};
    sign_key_id(low, id);
    assert_string_equal(id, "2D9E5D95F4B103");
    assert_false(sign_key_parse("RWQ-not-base64", &k, err, sizeof err));
    assert_non_null(strstr(err, "not a minisign public key"));
    assert_false(sign_key_parse("", &k, err, sizeof err));
}

static void test_pin(void **state)
{
    (void)state;
    char hash[SIGN_PIN_HASH_MAX];
    assert_true(sign_pin_hash("482913", hash));
    assert_non_null(strstr(hash, "$argon2id$"));
    assert_null(strstr(hash, "482913"));
    assert_true(sign_pin_check(hash, "482913"));
    assert_false(sign_pin_check(hash, "482914"));
    assert_false(sign_pin_check(hash, ""));
    assert_false(sign_pin_check("$argon2i$v=19$m=4096,t=3,p=1$bad", "482913"));
    assert_false(sign_pin_check("", "482913"));
}

static void test_set_pin_and_trusted_keys_in_config(void **state)
{
    (void)state;
    SignKey staff;
    char *out, *pub, line[200];
    keypair("staff", &staff);
    pub = support_read(support_path(support_dir, "staff.pub"), NULL);
    snprintf(line, sizeof line, "%s", strchr(pub, '\n') + 1);
    line[strcspn(line, "\n")] = '\0';
    free(pub);
    const char *conf = support_path(support_dir, "kiosk.conf");
    char text[600];
    snprintf(text, sizeof text,
             "; the front desk kiosk\n[office]\nname = Career Center\n[bundles]\n"
             "trusted_key = %s\ntrusted_key = %s   Dana's laptop, front office\n",
             line, line);
    support_write(conf, text, (size_t)-1);

    /* the PIN goes in through stdin and is stored only as a hash */
    int rc = support_sh(&out, "echo 482913 | %s/../career-kiosk-admin --config %s set-pin 2>&1",
                        getenv("CK_BUILD_DIR"), conf);
    if (rc != 0)
        fail_msg("set-pin: %s", out);
    free(out);
    char *after = support_read(conf, NULL);
    assert_null(strstr(after, "482913"));
    assert_non_null(strstr(after, "; the front desk kiosk\n[office]\nname = Career Center\n"));
    free(after);
    Config c;
    ConfigProblem p[CONFIG_PROBLEMS];
    int n;
    config_defaults(&c, "a", "b");
    assert_true(config_load(conf, &c, p, CONFIG_PROBLEMS, &n));
    assert_true(sign_pin_check(c.pin_hash, "482913"));
    assert_false(sign_pin_check(c.pin_hash, "000000"));
    assert_int_equal(c.trust.n, 2);
    assert_memory_equal(c.trust.key[0].pk, staff.pk, 32);
    assert_string_equal(c.trust.label[0], ""); /* a key may go without a name */
    assert_memory_equal(c.trust.key[1].pk, staff.pk, 32);
    assert_string_equal(c.trust.label[1], "Dana's laptop, front office");

    /* a second set-pin replaces the first, a bad PIN changes nothing */
    rc = support_sh(NULL, "echo 730518 | %s/../career-kiosk-admin --config %s set-pin",
                    getenv("CK_BUILD_DIR"), conf);
    assert_int_equal(rc, 0);
    rc = support_sh(&out, "echo 12ab | %s/../career-kiosk-admin --config %s set-pin 2>&1",
                    getenv("CK_BUILD_DIR"), conf);
    assert_int_equal(rc, 2);
    assert_non_null(strstr(out, "digits only, 6 to 12 of them"));
    free(out);
    config_defaults(&c, "a", "b");
    assert_true(config_load(conf, &c, p, CONFIG_PROBLEMS, &n));
    assert_true(sign_pin_check(c.pin_hash, "730518"));
    char *twice = support_read(conf, NULL);
    assert_non_null(strstr(twice, "pin_hash"));
    assert_null(strstr(strstr(twice, "pin_hash") + 1, "pin_hash")); /* one line, not two */
    free(twice);

    /* broken keys and hashes are reported with their lines */
    support_write(conf, "[bundles]\ntrusted_key = RWQnotakey\n[staff]\npin_hash = 1234\n",
                  (size_t)-1);
    config_defaults(&c, "a", "b");
    assert_false(config_load(conf, &c, p, CONFIG_PROBLEMS, &n));
    assert_int_equal(n, 2);
    assert_int_equal(p[0].line, 2);
    assert_non_null(strstr(p[0].text, "not a minisign public key"));
    assert_int_equal(p[1].line, 4);
    assert_non_null(strstr(p[1].text, "set-pin"));
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_minisign_signatures, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test(test_key_parse),
        cmocka_unit_test(test_pin),
        cmocka_unit_test_setup_teardown(test_set_pin_and_trusted_keys_in_config, support_dir_setup,
                                        support_dir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
