/* libFuzzer target for synonyms.csv, which comes on a staff stick: the
 * shared CSV reader, the heading lookup and each row's checks, as
 * bundle_check runs them. Then the rows go through the fold the
 * directory applies when it loads them. Run with `make fuzz`; `make
 * test` runs it briefly. */
#include "directory/import.h"
#include "directory/latin.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static Synonym table[64];
    char err[300] = "";
    int n = import_synonyms_buffer((const char *)data, size, "synonyms.csv", table, 64, err,
                                   sizeof err);
    /* a refusal always says why, naming the file */
    if (n < 0 && strncmp(err, "synonyms.csv", 12) != 0)
        __builtin_trap();
    for (int i = 0; i < n; i++) {
        char folded[600];
        if (!table[i].term[0] || !table[i].means[0])
            __builtin_trap();
        latin_fold(table[i].term, folded, sizeof folded);
        latin_fold(table[i].means, folded, sizeof folded);
    }
    return 0;
}
