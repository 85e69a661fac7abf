/* lock: the import lock and the staging files it guards.
 *
 * Every import (and rollback) holds an exclusive flock on `<db>.lock`
 * from the moment it starts staging until its new file is in place, and
 * stages under a name of its own (`<db>.new-XXXXXX`). A staging file is
 * a leftover only when no import holds the lock: then, and only then,
 * anyone opening the directory may remove it. Readers never take the
 * lock for long and never wait on it, so they cannot disturb an import,
 * and an import can no longer delete another's half-built file. */
#include "directory/internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

static int open_lock_file(const char *live)
{
    char path[1100];
    if (snprintf(path, sizeof path, "%s.lock", live) >= (int)sizeof path)
        return -1;
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0664);
    /* made by another user (root ran an import on the kiosk's folder): a
     * flock needs no write access, so reading is enough */
    if (fd < 0 && (errno == EACCES || errno == EROFS))
        fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    return fd;
}

int store_import_lock(const char *live, int wait_ms, char *err, size_t cap)
{
    int fd = open_lock_file(live);
    if (fd < 0) {
        snprintf(err, cap, "cannot take the import lock %s.lock: %s", live, strerror(errno));
        return -1;
    }
    for (int waited = 0;; waited += 50) {
        if (flock(fd, LOCK_EX | LOCK_NB) == 0)
            return fd;
        if (errno != EWOULDBLOCK && errno != EINTR) {
            snprintf(err, cap, "cannot take the import lock %s.lock: %s", live, strerror(errno));
            break;
        }
        if (waited >= wait_ms) {
            snprintf(err, cap,
                     "another import is running on this directory; try again when it has "
                     "finished");
            break;
        }
        nanosleep(&(struct timespec){0, 50 * 1000 * 1000}, NULL);
    }
    close(fd);
    return -1;
}

void store_import_unlock(int fd)
{
    if (fd >= 0)
        close(fd); /* closing the only descriptor releases the flock */
}

bool store_staging_name(const char *live, char *out, size_t cap)
{
    if (snprintf(out, cap, "%s.new-XXXXXX", live) >= (int)cap)
        return false;
    int fd = mkstemp(out);
    if (fd < 0)
        return false;
    close(fd); /* SQLite takes an empty file as an empty database */
    return true;
}

/* True for "<base>.new" and "<base>.new-<anything>". */
static bool is_staging(const char *name, const char *base)
{
    size_t n = strlen(base);
    if (strncmp(name, base, n) != 0 || strncmp(name + n, ".new", 4) != 0)
        return false;
    return name[n + 4] == '\0' || name[n + 4] == '-';
}

/* Removes every staging file beside live; returns how many. */
static int remove_staging(const char *live)
{
    char dir[1024], path[2048];
    const char *slash = strrchr(live, '/');
    const char *base = slash ? slash + 1 : live;
    int removed = 0;
    store_dir_of(live, dir, sizeof dir);
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (!is_staging(e->d_name, base))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (unlink(path) == 0)
            removed++;
    }
    closedir(d);
    return removed;
}

static bool has_staging(const char *live)
{
    char dir[1024];
    const char *slash = strrchr(live, '/');
    const char *base = slash ? slash + 1 : live;
    bool found = false;
    store_dir_of(live, dir, sizeof dir);
    DIR *d = opendir(dir);
    if (!d)
        return false;
    for (struct dirent *e; !found && (e = readdir(d));)
        found = is_staging(e->d_name, base);
    closedir(d);
    return found;
}

int store_remove_leftovers(const char *live, int held_fd)
{
    if (held_fd >= 0) /* the caller is the import: nothing else can be staging */
        return remove_staging(live);
    if (!has_staging(live))
        return 0;
    int fd = open_lock_file(live);
    if (fd < 0)
        return 0; /* cannot tell (a read-only folder): leave them */
    int removed = 0;
    if (flock(fd, LOCK_EX | LOCK_NB) == 0)
        removed = remove_staging(live); /* no import is running */
    close(fd);
    return removed;
}
