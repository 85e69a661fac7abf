/* seal: opening an encrypted bundle file. A bundle may carry
 * mentors.csv.age instead of mentors.csv, encrypted to the kiosk's age
 * key, so a shared folder or a server never holds the directory in the
 * clear. The kiosk has no cryptography of its own for this: it runs
 * Debian's `age` tool as a child process (no shell), with the identity
 * file only the kiosk's user can read, and a deadline. */
#ifndef CK_SEAL_H
#define CK_SEAL_H

#include <stdbool.h>
#include <stddef.h>

/* The age program run (tests may point CK_AGE at another path). */
#define SEAL_AGE_DEFAULT "age"

/* Decrypts the file at in into out (created 0600, replaced) with the
 * identity file key; at most max bytes of plain text. False with the
 * reason in err (a wrong key, a damaged file, no age installed, too
 * big); out is then removed. */
bool seal_open(const char *in, const char *out, const char *key, long long max, char *err,
               size_t cap);

#endif
