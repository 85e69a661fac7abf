/* xcompose: the part of X11's compose table a kiosk keyboard uses.
 *
 * SDL opens an X input method as it starts, and libX11's input method
 * reads the locale's whole Compose table (5,700 lines for UTF-8, a
 * character at a time): a quarter of the kiosk's start in a window. A
 * visitor at a kiosk types on its own keyboard, or on a physical one
 * whose dead keys make accented letters (´ then e is é); sequences of
 * three keys and the Compose key are for desktops. So before SDL starts
 * on X11, the two-key dead-key lines of the locale's own table are put
 * in a memory file and XCOMPOSEFILE names it. A compose file the machine
 * chose (XCOMPOSEFILE, ~/.XCompose) is left alone, and when the table
 * cannot be found libX11 reads it as before. */
#define _GNU_SOURCE /* memfd_create */
#include "internal.h"

#include <ctype.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef XCOMPOSE_LOCALEDIR
#define XCOMPOSE_LOCALEDIR "/usr/share/X11/locale"
#endif

/* The compose file compose.dir gives for the locale name (its lines are
 * "en_US.UTF-8/Compose:  de_DE.UTF-8"), as a path under dir. */
static bool table_for(const char *dir, const char *locale, char *out, size_t cap)
{
    char path[600], line[512];
    snprintf(path, sizeof path, "%s/compose.dir", dir);
    FILE *f = fopen(path, "r");
    bool found = false;
    if (!f)
        return false;
    while (!found && fgets(line, sizeof line, f)) {
        char file[256], name[128];
        if (line[0] == '#' || sscanf(line, "%255s %127s", file, name) != 2)
            continue;
        size_t n = strlen(file);
        if (n && file[n - 1] == ':')
            file[n - 1] = '\0';
        if (strcmp(name, locale) == 0) {
            snprintf(out, cap, "%s/%s", dir, file);
            found = true;
        }
    }
    fclose(f);
    return found;
}

/* A line "<dead_acute> <e> : "é" eacute": a dead key and one more. */
static bool two_key_dead(const char *line)
{
    const char *p = line;
    if (strncmp(p, "<dead_", 6) != 0 || !(p = strchr(p, '>')))
        return false;
    for (p++; *p == ' ' || *p == '\t'; p++)
        ;
    if (*p != '<' || !(p = strchr(p, '>')))
        return false;
    for (p++; *p == ' ' || *p == '\t'; p++)
        ;
    return *p == ':';
}

static int trimmed_fd = -1; /* kept open: libX11 may open the IM again */

bool xcompose_trim(void)
{
    if (getenv("XCOMPOSEFILE") || trimmed_fd >= 0)
        return false;
    const char *home = getenv("HOME");
    char path[700];
    if (home) {
        snprintf(path, sizeof path, "%s/.XCompose", home);
        if (access(path, F_OK) == 0)
            return false;
    }
    /* the locale libX11 will see: SDL sets LC_ALL from the environment
     * around XOpenIM */
    const char *was = setlocale(LC_CTYPE, NULL);
    char saved[128], locale[128];
    snprintf(saved, sizeof saved, "%s", was ? was : "C");
    const char *now = setlocale(LC_CTYPE, "");
    snprintf(locale, sizeof locale, "%s", now ? now : "C");
    setlocale(LC_CTYPE, saved);
    const char *dir = getenv("XLOCALEDIR") ? getenv("XLOCALEDIR") : XCOMPOSE_LOCALEDIR;
    if (!table_for(dir, locale, path, sizeof path))
        return false;
    FILE *in = fopen(path, "r");
    if (!in)
        return false;
    int fd = memfd_create("career-kiosk-compose", MFD_CLOEXEC);
    FILE *out = fd >= 0 ? fdopen(dup(fd), "w") : NULL;
    char line[1024];
    long kept = 0;
    while (out && fgets(line, sizeof line, in))
        if (two_key_dead(line) && fputs(line, out) >= 0)
            kept++;
    fclose(in);
    bool ok = out && fclose(out) == 0 && kept > 0;
    if (!ok) {
        if (fd >= 0)
            close(fd);
        return false;
    }
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    trimmed_fd = fd;
    return setenv("XCOMPOSEFILE", path, 1) == 0;
}
