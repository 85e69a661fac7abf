/* memory: see memory.h. */
#include "memory.h"

#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#ifndef MCL_ONFAULT
#define MCL_ONFAULT 4
#endif

bool memory_harden(char *why, size_t cap)
{
    struct rlimit none = {0, 0}, lim;
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    setrlimit(RLIMIT_CORE, &none);
#if defined(__SANITIZE_ADDRESS__)
    (void)lim, (void)why, (void)cap;
    return true; /* AddressSanitizer's shadow memory is not for locking */
#endif
    /* on fault: pages are locked as they are used, so nothing is
     * touched just to lock it */
    if (mlockall(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT) == 0)
        return true;
    getrlimit(RLIMIT_MEMLOCK, &lim);
    if (lim.rlim_cur == RLIM_INFINITY)
        snprintf(why, cap, "mlockall failed");
    else
        snprintf(why, cap, "RLIMIT_MEMLOCK is %llu KiB", (unsigned long long)lim.rlim_cur / 1024);
    return false;
}

void *memory_secret_new(size_t n)
{
    void *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    madvise(p, n, MADV_DONTDUMP);
    mlock(p, n); /* best effort: memory_harden has said so if locking is short */
    return p;
}

void memory_secret_free(void *p, size_t n)
{
    if (!p)
        return;
    explicit_bzero(p, n);
    munlock(p, n);
    munmap(p, n);
}

enum { SCRUB_BYTES = 512 * 1024 };

__attribute__((noinline)) void memory_scrub_stack(void)
{
    unsigned char below[SCRUB_BYTES];
    explicit_bzero(below, sizeof below);
    __asm__ volatile("" : : "r"(below) : "memory");
}
