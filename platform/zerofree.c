/* zerofree: every block freed in the process is zeroed first, so freed
 * heap holds no copy of what a visitor typed, whoever copied it (our
 * code, SDL, SDL_ttf, SQLite, libqrencode). free and realloc are
 * interposed for the whole process and hand over to glibc's own
 * allocator. Not under AddressSanitizer, which brings its own. */
#include "memory.h"

#if defined(__SANITIZE_ADDRESS__)
bool memory_zeroes_frees(void)
{
    return false;
}
#else
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <string.h>

extern void *__libc_malloc(size_t n);
extern void __libc_free(void *p);

bool memory_zeroes_frees(void)
{
    return true;
}

void free(void *p)
{
    if (!p)
        return;
    explicit_bzero(p, malloc_usable_size(p));
    __libc_free(p);
}

/* Moves rather than lets glibc move, so the old block is zeroed too. */
void *realloc(void *p, size_t n)
{
    if (!p)
        return __libc_malloc(n);
    if (n == 0) {
        free(p);
        return NULL;
    }
    size_t have = malloc_usable_size(p);
    if (n <= have)
        return p;
    void *q = __libc_malloc(n);
    if (!q)
        return NULL;
    memcpy(q, p, have);
    free(p);
    return q;
}

void *reallocarray(void *p, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) {
        errno = ENOMEM;
        return NULL;
    }
    return realloc(p, count * size);
}
#endif
