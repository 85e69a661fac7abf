/* inbox: see inbox.h. */
#include "inbox.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

struct InboxWatch {
    int fd;
};

InboxWatch *inbox_watch(const char *dir)
{
    InboxWatch *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->fd < 0 ||
        inotify_add_watch(w->fd, dir,
                          IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_CLOSE_WRITE |
                              IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR) < 0) {
        if (w->fd >= 0)
            close(w->fd);
        free(w);
        return NULL;
    }
    return w;
}

void inbox_close(InboxWatch *w)
{
    if (!w)
        return;
    close(w->fd);
    free(w);
}

bool inbox_changed(InboxWatch *w, bool *gone)
{
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    bool any = false;
    *gone = false;
    if (!w)
        return false;
    for (;;) {
        ssize_t n = read(w->fd, buf, sizeof buf);
        if (n <= 0)
            break;
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *e = (const struct inotify_event *)(void *)p;
            if (e->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED))
                *gone = true;
            any = true;
            p += sizeof *e + e->len;
        }
    }
    return any;
}

bool inbox_name_complete(const char *name)
{
    size_t n = strlen(name);
    return n > 0 && name[0] != '.' && !(n >= 5 && strcmp(name + n - 5, ".part") == 0) &&
           !(n >= 4 && strcmp(name + n - 4, ".tmp") == 0);
}

bool inbox_newest(const char *dir, char *out, size_t cap, char id[INBOX_ID_MAX])
{
    char best[256] = "", path[INBOX_PATH_MAX + 260];
    struct stat st, best_st = {0};
    DIR *d = opendir(dir);
    if (!d)
        return false;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (!inbox_name_complete(e->d_name) || strlen(e->d_name) >= sizeof best)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        /* a folder of its own, never a link to one elsewhere */
        if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode))
            continue;
        if (!best[0] || strcmp(e->d_name, best) > 0) {
            snprintf(best, sizeof best, "%s", e->d_name);
            best_st = st;
        }
    }
    closedir(d);
    if (!best[0])
        return false;
    snprintf(out, cap, "%s/%s", dir, best);
    snprintf(id, INBOX_ID_MAX, "%.250s:%llu:%lld", best, (unsigned long long)best_st.st_ino,
             (long long)best_st.st_ctime);
    return true;
}
