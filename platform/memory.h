/* memory: keeping what a visitor typed in RAM only, and only while it is
 * needed. The kiosk's process cannot be dumped; its memory is locked
 * against swapping where the limits allow (all of it, else the session's
 * own pages); the session lives in pages of its own, excluded from core
 * dumps; and, in a normal build, every block freed anywhere in the
 * process (our code, SDL, SQLite, fonts) is zeroed first (zerofree.c), so
 * freed heap holds no copy of a visitor's words. After a session ends,
 * memory_scrub_stack clears what deeper calls left on the stack. Plain
 * libc and Linux calls: no SDL. */
#ifndef CK_MEMORY_H
#define CK_MEMORY_H

#include <stdbool.h>
#include <stddef.h>

/* Makes the process non-dumpable with no core file, and locks its
 * memory (current and future pages, as they are touched) when
 * RLIMIT_MEMLOCK allows. Returns false when it could not lock it all,
 * with why (the limit found) for a one-time start-up line. */
bool memory_harden(char *why, size_t cap);

/* n zeroed bytes in pages of their own, locked and left out of core
 * dumps; NULL when out of memory. Free with memory_secret_free. */
void *memory_secret_new(size_t n);
void memory_secret_free(void *p, size_t n);

/* Zeroes the stack below the caller (what deeper calls left there). */
void memory_scrub_stack(void);

/* True when freed blocks are zeroed in this build (not under
 * AddressSanitizer, which brings its own allocator). */
bool memory_zeroes_frees(void);

#endif
