/* libFuzzer target for what a stick brings that the kiosk parses before
 * trusting it: a .minisig file (and a public key line, as staff paste it
 * into the config). Any bytes are refused with a reason or, never by
 * chance, accepted (nor its trusted comment alone); nothing is read out
 * of bounds. Input: the signature text, a NUL byte, then the signed data. */
#include "usb/sign.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A fixed key: the input cannot know its secret half. */
static const char key_line[] = "RWTqTWzxhGl8dTFCoH9vgueJQYoexr2sYVg084vC1XHWdasHjE7SVJyc";

/* The seed's trusted comment (tests/fixtures/minisig), signed with this
 * key's secret when the seed was made. */
static const char genuine_comment[] =
    "trusted comment: timestamp:1795345508\tfile:mentors.csv\thashed\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    SignKey key, any;
    SignInfo info;
    char err[200], *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    size_t siglen = strlen(text);
    const unsigned char *body = data + (siglen < size ? siglen + 1 : size);
    size_t bodylen = siglen < size ? size - siglen - 1 : 0;
    if (!sign_key_parse(key_line, &key, err, sizeof err))
        __builtin_trap();
    err[0] = '\0';
    SignResult r = sign_verify(body, bodylen, text, &key, 1, &info, err, sizeof err);
    if (r == SIGN_OK)
        __builtin_trap(); /* a forgery against a key whose secret nobody here has */
    if (err[0] == '\0')
        __builtin_trap(); /* a refusal always says why */
    /* the inbox's cheap look: the claimed time, then the comment alone */
    long long claimed = sign_claimed_time(text);
    if (claimed < -2 || (claimed >= 0 && (claimed < SIGN_TIME_MIN || claimed > SIGN_TIME_MAX)))
        __builtin_trap();
    /* the comment alone passes only as the seed's genuine comment (its
     * signature verifies only as the genuine bytes): any other comment
     * that passes is a forgery */
    err[0] = '\0';
    if (sign_verify_comment(text, &key, 1, &info, err, sizeof err) == SIGN_OK) {
        if (!strstr(text, genuine_comment))
            __builtin_trap();
    } else if (err[0] == '\0')
        __builtin_trap();
    err[0] = '\0';
    if (!sign_key_parse(text, &any, err, sizeof err) && err[0] == '\0')
        __builtin_trap();
    free(text);
    return 0;
}
