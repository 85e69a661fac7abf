/* libFuzzer target for the ESC/POS reader: any byte stream is decoded or
 * refused with a reason, never read out of bounds; and a picture it
 * decodes survives being encoded and decoded again unchanged. */
#include "core/escpos.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    EscposJob job, again;
    char err[200];
    if (!escpos_decode(data, size, &job, err, sizeof err)) {
        if (err[0] == '\0')
            __builtin_trap(); /* a refusal always says why */
        return 0;
    }
    if (job.picture.h > 0) {
        size_t len;
        unsigned char *bytes = escpos_encode(&job.picture, &len);
        if (!bytes || !escpos_decode(bytes, len, &again, err, sizeof err))
            __builtin_trap();
        size_t n = (size_t)(job.picture.w + 7) / 8 * (size_t)job.picture.h;
        if (again.picture.w != job.picture.w || again.picture.h != job.picture.h ||
            memcmp(again.picture.bits, job.picture.bits, n) != 0 || again.cuts != 1)
            __builtin_trap();
        escpos_job_free(&again);
        free(bytes);
    }
    escpos_job_free(&job);
    return 0;
}
