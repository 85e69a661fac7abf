/* inbox: noticing bundles that land in the kiosk's inbox folder, which a
 * separate fetch unit fills (curl, rsync, Ansible). inotify tells when
 * something was renamed into (or out of) the folder; the kiosk then looks
 * for the newest complete bundle. A bundle is a folder: the filler builds
 * it under a name starting with '.' (or ending in .part or .tmp) and
 * renames it into place whole, so the kiosk never sees half of one.
 * Anything else in the inbox (plain files, dot-names, temporary names)
 * is ignored. Plain Linux: no SDL here. */
#ifndef CK_INBOX_H
#define CK_INBOX_H

#include <stdbool.h>
#include <stddef.h>

enum { INBOX_PATH_MAX = 512, INBOX_ID_MAX = 320 };

typedef struct InboxWatch InboxWatch;

/* Starts watching dir. NULL when it cannot be watched (not there yet, no
 * inotify): call again later. */
InboxWatch *inbox_watch(const char *dir);
void inbox_close(InboxWatch *w);

/* True when something was renamed, made or removed in the inbox since
 * the last call, or the inbox itself went (then close it and watch again).
 * Never waits. *gone is set when the watched folder was removed or moved. */
bool inbox_changed(InboxWatch *w, bool *gone);

/* True when name is one the kiosk takes as a complete bundle: not
 * starting with '.', not ending in .part or .tmp. */
bool inbox_name_complete(const char *name);

/* Calls fn for each complete bundle folder in dir (a folder of its own,
 * never a link to one elsewhere), with its name and what identifies this
 * very folder in id (name, inode and change time: a bundle put there
 * again under the same name is a new one). Which one is newest is for
 * the caller to judge (by what is signed inside, never by the name).
 * False when dir cannot be read. */
typedef void (*InboxEach)(void *ctx, const char *name, const char *id);
bool inbox_each(const char *dir, InboxEach fn, void *ctx);

#endif
