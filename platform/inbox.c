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

bool inbox_each(const char *dir, InboxEach fn, void *ctx)
{
    char id[INBOX_ID_MAX];
    struct stat st;
    DIR *d = opendir(dir);
    if (!d)
        return false;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (!inbox_name_complete(e->d_name))
            continue;
        /* a folder of its own, never a link to one elsewhere */
        if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode))
            continue;
        snprintf(id, sizeof id, "%.250s:%llu:%lld", e->d_name, (unsigned long long)st.st_ino,
                 (long long)st.st_ctime);
        fn(ctx, e->d_name, id);
    }
    closedir(d);
    return true;
}
