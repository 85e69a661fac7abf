/* mounts: see mounts.h. */
#include "mounts.h"

#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct MountWatch {
    int fd;
};

MountWatch *mounts_watch(void)
{
    MountWatch *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->fd = open("/proc/self/mounts", O_RDONLY | O_CLOEXEC);
    if (w->fd < 0) {
        free(w);
        return NULL;
    }
    return w;
}

void mounts_close(MountWatch *w)
{
    if (!w)
        return;
    close(w->fd);
    free(w);
}

bool mounts_changed(MountWatch *w, int timeout_ms)
{
    if (!w)
        return false;
    struct pollfd p = {w->fd, POLLPRI, 0};
    /* the kernel resets the flag as it reports it */
    return poll(&p, 1, timeout_ms) > 0 && (p.revents & (POLLPRI | POLLERR));
}

void mounts_unescape(char *s)
{
    char *o = s;
    for (char *i = s; *i; i++) {
        if (i[0] == '\\' && i[1] >= '0' && i[1] <= '3' && i[2] >= '0' && i[2] <= '7' &&
            i[3] >= '0' && i[3] <= '7') {
            *o++ = (char)((i[1] - '0') * 64 + (i[2] - '0') * 8 + (i[3] - '0'));
            i += 3;
        } else
            *o++ = *i;
    }
    *o = '\0';
}

/* True when dir is root or inside it. */
static bool under(const char *dir, const char *root, size_t n)
{
    while (n > 1 && root[n - 1] == '/')
        n--;
    return strncmp(dir, root, n) == 0 && (dir[n] == '/' || dir[n] == '\0');
}

static bool under_any(const char *dir, const char *roots)
{
    const char *r = roots;
    while (*r) {
        r += strspn(r, " \t,");
        size_t n = strcspn(r, " \t,");
        if (n && under(dir, r, n))
            return true;
        r += n;
    }
    return false;
}

static bool holds(const char *dir, const char *folder)
{
    char path[MOUNTS_PATH_MAX + 64];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", dir, folder);
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool mounts_find(const char *roots, const char *folder, char *out, size_t cap)
{
    char line[4096];
    bool found = false;
    FILE *f = fopen("/proc/self/mounts", "re");
    if (!f)
        return false;
    while (!found && fgets(line, sizeof line, f)) {
        char *dev = strtok(line, " "), *dir = strtok(NULL, " ");
        if (!dev || !dir)
            continue;
        mounts_unescape(dir);
        if (strlen(dir) < MOUNTS_PATH_MAX && under_any(dir, roots) && holds(dir, folder)) {
            snprintf(out, cap, "%s", dir);
            found = true;
        }
    }
    fclose(f);
    return found;
}

bool mounts_has(const char *dir, const char *folder)
{
    char line[4096];
    bool found = false;
    FILE *f = fopen("/proc/self/mounts", "re");
    if (!f)
        return false;
    while (!found && fgets(line, sizeof line, f)) {
        char *dev = strtok(line, " "), *at = strtok(NULL, " ");
        if (!dev || !at)
            continue;
        mounts_unescape(at);
        found = strcmp(at, dir) == 0 && holds(at, folder);
    }
    fclose(f);
    return found;
}
