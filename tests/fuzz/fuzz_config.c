/* libFuzzer target for the kiosk's settings file (kiosk.conf, edited by
 * hand by whoever sets the kiosk up): any bytes are read through inih and
 * config_load without reading out of bounds, and are either accepted or
 * refused with problems that each name a line inside the file. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64];
    if (!*path)
        snprintf(path, sizeof path, "/tmp/fuzz-config-%d.conf", (int)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    Config c;
    ConfigProblem p[CONFIG_PROBLEMS];
    int n, lines = 1;
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n';
    config_defaults(&c, "/assets", "/var/lib/career-kiosk/mentors.db");
    bool ok = config_load(path, &c, p, CONFIG_PROBLEMS, &n);
    if (ok != (n == 0))
        abort();
    for (int i = 0; i < n && i < CONFIG_PROBLEMS; i++)
        if (p[i].line < 0 || p[i].line > lines || !memchr(p[i].text, '\0', sizeof p[i].text))
            abort();
    if (ok && (c.trust.n > CONFIG_KEYS || c.idle_seconds < 20 || c.turn > PLATFORM_TURN_INVERTED))
        abort();
    return 0;
}
