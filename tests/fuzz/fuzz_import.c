/* libFuzzer target for the CSV import path: encoding detection and
 * conversion, the CSV reader, heading mapping and row validation, exactly
 * as `career-kiosk-admin validate` runs them (no directory is written).
 * Run with `make fuzz`; `make test` runs it briefly. */
#include "directory/import.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ImportOptions opt = {.source_name = "fuzz", .this_year = 2026, .when = ""};
    ImportReport rep;
    import_buffer((const char *)data, size, "fuzz.csv", &opt, &rep);
    /* a report always says what happened */
    if (rep.outcome == IMPORT_REFUSED && rep.refusal[0] == '\0')
        __builtin_trap();
    if (rep.accepted + rep.rejected != rep.rows && rep.outcome != IMPORT_REFUSED)
        __builtin_trap();
    import_report_free(&rep);
    return 0;
}
