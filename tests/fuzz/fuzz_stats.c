/* libFuzzer target for the stats files career-kiosk-admin stats-merge
 * reads back from a fleet's kiosks (they come over the network into a
 * shared folder): tally_read on any bytes, and the file-name split. Run
 * with `make fuzz`; `make test` runs it briefly. */
#include "core/tally.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_row(void *ctx, const TallyRow *r)
{
    long *rows = ctx;
    (*rows)++;
    /* every row read has a key of a day or a month and counts >= 0 */
    if (strlen(r->key) != 10 && strlen(r->key) != 7)
        __builtin_trap();
    for (int i = 0; i < 3; i++)
        if (r->n[i] < 0)
            __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[300] = "", name[128], id[64], day[11];
    TallyKind kind;
    long rows = 0;
    int n = tally_read((const char *)data, size, &kind, check_row, &rows, err, sizeof err);
    if (n < 0 && !err[0])
        __builtin_trap(); /* a refusal always says why */
    if (n >= 0 && n != rows)
        __builtin_trap();
    size_t m = size < sizeof name - 1 ? size : sizeof name - 1;
    memcpy(name, data, m);
    name[m] = '\0';
    if (tally_split_name(name, id, sizeof id, day) && (!id[0] || strlen(day) != 10))
        __builtin_trap();
    return 0;
}
