/* sign: trust for staff bundles and the staff PIN, on libsodium (the
 * only includer of sodium.h). Bundles are signed with Debian's stock
 * minisign tool; we check its Ed25519 signatures (legacy "Ed" over the
 * file, or "ED" over its BLAKE2b-512 hash) and the signature over the
 * trusted comment, which carries minisign's timestamp. The PIN is kept
 * as an Argon2id hash string. */
#ifndef CK_SIGN_H
#define CK_SIGN_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    unsigned char id[8];  /* minisign key id */
    unsigned char pk[32]; /* Ed25519 public key */
} SignKey;

/* The keys a kiosk trusts, each with the name staff gave it ("" for none). */
enum { SIGN_TRUSTED_MAX = 8, SIGN_LABEL_MAX = 48 };
typedef struct {
    SignKey key[SIGN_TRUSTED_MAX];
    char label[SIGN_TRUSTED_MAX][SIGN_LABEL_MAX];
    int n;
} SignTrust;

/* A public key: the base64 line minisign prints ("RWQ..."), or a whole
 * .pub file (its comment line is skipped). False with the reason. */
bool sign_key_parse(const char *text, SignKey *out, char *err, size_t cap);

/* The key id as minisign prints it (up to 16 hex digits, no leading
 * zeros). */
void sign_key_id(const unsigned char id[8], char out[17]);

typedef enum {
    SIGN_OK,
    SIGN_MALFORMED,    /* not a minisign signature file */
    SIGN_UNKNOWN_KEY,  /* signed, but not by a key this kiosk trusts */
    SIGN_BAD,          /* the file was changed after signing */
    SIGN_NO_TIMESTAMP, /* the trusted comment has no timestamp */
    SIGN_BAD_COMMENT,  /* the trusted comment was changed after signing */
    SIGN_BAD_TIME,     /* the timestamp is no sane time (err names it) */
} SignResult;

/* The times a signature may carry: 2000-01-01 to 9999-12-31 UTC. */
#define SIGN_TIME_MIN 946684800LL
#define SIGN_TIME_MAX 253402300799LL

typedef struct {
    char key_id[17];
    long long timestamp; /* seconds since 1970, from the trusted comment */
    char comment[256];   /* the trusted comment */
} SignInfo;

/* Checks minisig (the .minisig file's text) over data with the trusted
 * keys. On SIGN_OK, info says who signed and when. err says why not. */
SignResult sign_verify(const unsigned char *data, size_t len, const char *minisig,
                       const SignKey *keys, int nkeys, SignInfo *info, char *err, size_t cap);

/* Checks only the trusted comment of minisig (its own signature, by a
 * trusted key) and its timestamp, not the file it signs: cheap, for
 * choosing among bundles before one is read whole. SIGN_OK says who
 * signed and when, as sign_verify does. */
SignResult sign_verify_comment(const char *minisig, const SignKey *keys, int nkeys, SignInfo *info,
                               char *err, size_t cap);

/* The time the trusted comment of minisig claims, checked by nobody yet
 * (-1: none, -2: no sane time): to skip a signature not worth checking. */
long long sign_claimed_time(const char *minisig);

enum { SIGN_PIN_HASH_MAX = 128 };

/* The Argon2id hash string of pin, for the config. False when out of
 * memory. */
bool sign_pin_hash(const char *pin, char out[SIGN_PIN_HASH_MAX]);

/* True when pin matches hash (in constant time). */
bool sign_pin_check(const char *hash, const char *pin);

/* Zeroes n bytes in a way the compiler keeps. */
void sign_wipe(void *p, size_t n);

#endif
