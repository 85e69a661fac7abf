/* mounts: noticing USB sticks. The kernel flags /proc/self/mounts with
 * POLLPRI whenever something is mounted or unmounted (inotify does not
 * see mounts), so the kiosk polls that file without waiting and then
 * looks at mount points under the configured roots for a folder staff
 * put there. Plain POSIX: no SDL here. */
#ifndef CK_MOUNTS_H
#define CK_MOUNTS_H

#include <stdbool.h>
#include <stddef.h>

enum { MOUNTS_PATH_MAX = 512 };

typedef struct MountWatch MountWatch;

/* Starts watching the mount table; NULL when /proc is not there. */
MountWatch *mounts_watch(void);
void mounts_close(MountWatch *w);

/* True when something was mounted or unmounted since the last call;
 * waits up to timeout_ms (0: not at all). */
bool mounts_changed(MountWatch *w, int timeout_ms);

/* The first mount point under one of roots (space-separated folders)
 * that holds the folder `folder`, written to out. A mount point equal to
 * a root counts. False when there is none. */
bool mounts_find(const char *roots, const char *folder, char *out, size_t cap);

/* True while something is mounted exactly at dir and holds folder. */
bool mounts_has(const char *dir, const char *folder);

/* Decodes the octal escapes /proc/mounts uses (\040 for a space) in
 * place. */
void mounts_unescape(char *s);

#endif
