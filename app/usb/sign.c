/* sign: see sign.h. */
#include "usb/sign.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool ready(void)
{
    return sodium_init() >= 0;
}

void sign_key_id(const unsigned char id[8], char out[17])
{
    /* minisign stores the id little-endian and prints it as a number,
     * without leading zeros */
    unsigned long long v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | id[i];
    snprintf(out, 17, "%llX", v);
}

/* The first line of text that is not a comment, trimmed, into out. */
static bool payload_line(const char *text, int skip, char *out, size_t cap)
{
    const char *p = text;
    while (*p) {
        size_t n = strcspn(p, "\r\n");
        bool comment =
            strncmp(p, "untrusted comment:", 18) == 0 || strncmp(p, "trusted comment:", 16) == 0;
        if (n > 0 && !comment && skip-- == 0) {
            while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
                n--;
            while (n > 0 && (*p == ' ' || *p == '\t')) {
                p++;
                n--;
            }
            if (n >= cap)
                return false;
            memcpy(out, p, n);
            out[n] = '\0';
            return true;
        }
        p += n;
        p += strspn(p, "\r\n");
    }
    return false;
}

/* Base64 text to exactly want bytes. */
static bool b64(const char *s, unsigned char *out, size_t want)
{
    size_t got = 0;
    return sodium_base642bin(out, want, s, strlen(s), NULL, &got, NULL,
                             sodium_base64_VARIANT_ORIGINAL) == 0 &&
           got == want;
}

bool sign_key_parse(const char *text, SignKey *out, char *err, size_t cap)
{
    char line[128];
    unsigned char raw[42];
    if (!ready()) {
        snprintf(err, cap, "libsodium could not start");
        return false;
    }
    if (!payload_line(text, 0, line, sizeof line) || !b64(line, raw, sizeof raw)) {
        snprintf(err, cap, "not a minisign public key (the line starting \"RW\" from minisign -G)");
        return false;
    }
    if (raw[0] != 'E' || raw[1] != 'd') {
        snprintf(err, cap, "not an Ed25519 minisign public key");
        return false;
    }
    memcpy(out->id, raw + 2, 8);
    memcpy(out->pk, raw + 10, 32);
    return true;
}

/* The trusted comment's text (after "trusted comment: "). */
static bool trusted_comment(const char *minisig, char *out, size_t cap)
{
    const char *p = strstr(minisig, "trusted comment: ");
    while (p && p != minisig && p[-1] != '\n')
        p = strstr(p + 1, "trusted comment: ");
    if (!p)
        return false;
    p += 17;
    size_t n = strcspn(p, "\r\n");
    if (n >= cap)
        return false;
    memcpy(out, p, n);
    out[n] = '\0';
    return true;
}

/* "timestamp:1700000000" anywhere in the comment: -1 when there is
 * none, -2 when it is no sane time (not digits, out of range, before
 * 2000 or after 9999: a typo, never a real signature). */
static long long comment_timestamp(const char *c)
{
    const char *t = strstr(c, "timestamp:");
    if (!t)
        return -1;
    char *end;
    errno = 0;
    long long v = strtoll(t + 10, &end, 10);
    if (end == t + 10)
        return -1;
    if (errno == ERANGE || (*end && *end != ' ' && *end != '\t') || v < SIGN_TIME_MIN ||
        v > SIGN_TIME_MAX)
        return -2;
    return v;
}

/* A signature file taken apart, its key found among the trusted ones. */
typedef struct {
    unsigned char sig[74], global[64];
    char comment[256];
    const SignKey *key;
} Parsed;

static SignResult parse(const char *minisig, const SignKey *keys, int nkeys, Parsed *p,
                        SignInfo *info, char *err, size_t cap)
{
    char line[160];
    memset(info, 0, sizeof *info);
    if (!ready()) {
        snprintf(err, cap, "libsodium could not start");
        return SIGN_MALFORMED;
    }
    if (!payload_line(minisig, 0, line, sizeof line) || !b64(line, p->sig, sizeof p->sig) ||
        p->sig[0] != 'E' || (p->sig[1] != 'd' && p->sig[1] != 'D') ||
        !trusted_comment(minisig, p->comment, sizeof p->comment) ||
        !payload_line(minisig, 1, line, sizeof line) || !b64(line, p->global, sizeof p->global)) {
        snprintf(err, cap, "not a minisign signature file");
        return SIGN_MALFORMED;
    }
    sign_key_id(p->sig + 2, info->key_id);
    snprintf(info->comment, sizeof info->comment, "%s", p->comment);
    p->key = NULL;
    for (int i = 0; i < nkeys && !p->key; i++)
        if (memcmp(keys[i].id, p->sig + 2, 8) == 0)
            p->key = &keys[i];
    if (!p->key) {
        snprintf(err, cap, "signed with key %s, which this kiosk does not trust", info->key_id);
        return SIGN_UNKNOWN_KEY;
    }
    return SIGN_OK;
}

/* The trusted comment's own signature (over the signature bytes, then
 * the comment), and its timestamp. */
static SignResult check_comment(const Parsed *p, SignInfo *info, char *err, size_t cap)
{
    size_t clen = strlen(p->comment);
    unsigned char *both = malloc(64 + clen);
    if (!both) {
        snprintf(err, cap, "out of memory");
        return SIGN_MALFORMED;
    }
    memcpy(both, p->sig + 10, 64);
    memcpy(both + 64, p->comment, clen);
    int bad = crypto_sign_verify_detached(p->global, both, 64 + clen, p->key->pk);
    free(both);
    if (bad) {
        snprintf(err, cap, "the signature's trusted comment was changed after signing");
        return SIGN_BAD_COMMENT;
    }
    info->timestamp = comment_timestamp(p->comment);
    if (info->timestamp == -2) {
        const char *t = strstr(p->comment, "timestamp:") + 10;
        snprintf(err, cap, "the trusted comment's timestamp \"%.*s\" is not a sane time",
                 (int)strcspn(t, " \t") > 24 ? 24 : (int)strcspn(t, " \t"), t);
        info->timestamp = 0;
        return SIGN_BAD_TIME;
    }
    if (info->timestamp < 0) {
        snprintf(err, cap,
                 "the trusted comment has no timestamp (sign with minisign's default "
                 "comment)");
        return SIGN_NO_TIMESTAMP;
    }
    return SIGN_OK;
}

SignResult sign_verify(const unsigned char *data, size_t len, const char *minisig,
                       const SignKey *keys, int nkeys, SignInfo *info, char *err, size_t cap)
{
    Parsed p;
    unsigned char hash[crypto_generichash_BYTES_MAX];
    SignResult r = parse(minisig, keys, nkeys, &p, info, err, cap);
    if (r != SIGN_OK)
        return r;
    const unsigned char *msg = data;
    size_t mlen = len;
    if (p.sig[1] == 'D') { /* prehashed: the signature covers BLAKE2b-512 of the file */
        crypto_generichash(hash, sizeof hash, data, len, NULL, 0);
        msg = hash;
        mlen = sizeof hash;
    }
    if (crypto_sign_verify_detached(p.sig + 10, msg, mlen, p.key->pk) != 0) {
        snprintf(err, cap, "the signature does not match the file: it was changed after signing");
        return SIGN_BAD;
    }
    return check_comment(&p, info, err, cap);
}

long long sign_claimed_time(const char *minisig)
{
    char comment[256];
    return trusted_comment(minisig, comment, sizeof comment) ? comment_timestamp(comment) : -1;
}

SignResult sign_verify_comment(const char *minisig, const SignKey *keys, int nkeys, SignInfo *info,
                               char *err, size_t cap)
{
    Parsed p;
    SignResult r = parse(minisig, keys, nkeys, &p, info, err, cap);
    return r == SIGN_OK ? check_comment(&p, info, err, cap) : r;
}

bool sign_pin_hash(const char *pin, char out[SIGN_PIN_HASH_MAX])
{
    return ready() && crypto_pwhash_str_alg(
                          out, pin, strlen(pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) == 0;
}

bool sign_pin_check(const char *hash, const char *pin)
{
    return ready() && strncmp(hash, "$argon2id$", 10) == 0 &&
           crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0;
}

void sign_wipe(void *p, size_t n)
{
    sodium_memzero(p, n);
}
