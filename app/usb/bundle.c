/* bundle: see bundle.h. */
#include "usb/bundle.h"

#include "core/csv.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "directory/counts.h"
#include "directory/search.h"
#include "usb/seal.h"
#include "usb/sign.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The files a bundle may hold, in the order they are copied. */
static const char *const files[] = {"mentors.csv.minisig", "questions.csv.minisig", "questions.csv",
                                    "mentors.csv",         "synonyms.csv.minisig",  "synonyms.csv",
                                    "mentors.csv.age"};
enum { NFILES = 7 };

/* Where the bundle came from, for staff: "on the stick", "in the inbox". */
static const char *where(const Bundle *b)
{
    return b->inbox ? "in the inbox" : "on the stick";
}

const char *bundle_status_name(BundleStatus s)
{
    static const char *const name[] = {"ok",          "missing", "not-signed", "bad-signature",
                                       "unknown-key", "no-keys", "old",        "pulled",
                                       "disk",        "data",    "bad-time"};
    return (unsigned)s < sizeof name / sizeof *name ? name[s] : "?";
}

static bool refuse(Bundle *b, BundleStatus st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static bool refuse(Bundle *b, BundleStatus st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    b->status = st;
    vsnprintf(b->reason, sizeof b->reason, fmt, ap);
    va_end(ap);
    return false;
}

void bundle_stamp(long long now, char out[20])
{
    time_t t = (time_t)now;
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(out, 20, "%Y-%m-%d-%H%M%S", &tm);
}

void bundle_when_text(long long t, char *out, size_t cap)
{
    time_t tt = (time_t)t;
    struct tm tm;
    /* a time no calendar holds says so, rather than leaving tm unset */
    if (t < 0 || t > SIGN_TIME_MAX || !localtime_r(&tt, &tm) ||
        strftime(out, cap, "%Y-%m-%d %H:%M", &tm) == 0)
        snprintf(out, cap, "at an impossible time (%lld)", t);
}

static void spool_path(const Bundle *b, const char *name, char *out, size_t cap)
{
    snprintf(out, cap, "%s/%s", b->spool, name);
}

/* Empties (or makes) the spool folder. */
static bool spool_clear(Bundle *b)
{
    char path[BUNDLE_PATH_MAX + 40];
    if (mkdir(b->spool, 0700) != 0 && errno != EEXIST)
        return refuse(b, BUNDLE_DISK, "The kiosk cannot make its copy folder %s: %s.", b->spool,
                      strerror(errno));
    for (int i = 0; i < NFILES; i++) {
        spool_path(b, files[i], path, sizeof path);
        unlink(path);
    }
    spool_path(b, "rejected.csv", path, sizeof path);
    unlink(path);
    return true;
}

typedef struct {
    BundleProgress fn;
    void *ctx;
    long long done, total;
} Copying;

#define pulled_words                                                                               \
    "The stick was removed (or stopped answering) while %s was being copied (%s). Nothing was "    \
    "changed; plug it in again."

/* What a file that is not a regular one is, for staff. */
static const char *file_kind(mode_t m)
{
    return S_ISLNK(m)    ? "a symbolic link"
           : S_ISFIFO(m) ? "a pipe (FIFO)"
           : S_ISDIR(m)  ? "a folder"
           : S_ISSOCK(m) ? "a socket"
           : S_ISREG(m)  ? "a file"
                         : "a device";
}

/* Why the kiosk could not write its own copy, for staff: a full disk
 * says so, whichever call found it. */
static bool disk_refuse(Bundle *b, int e, const char *doing, const char *name)
{
    if (e == ENOSPC || e == EDQUOT)
        return refuse(b, BUNDLE_DISK,
                      "The kiosk's disk is full: its copy of %s did not fit. Nothing was "
                      "changed; free some space on the kiosk (or ask IT) and try again.",
                      name);
    return refuse(b, BUNDLE_DISK,
                  "The kiosk could not %s its copy of %s (%s). Nothing was changed.", doing, name,
                  strerror(e));
}

/* Writes all n bytes, however many calls it takes; false with errno. */
static bool write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            if (w == 0)
                errno = ENOSPC; /* nothing written and no error: no room */
            return false;
        }
        p += w;
        n -= (size_t)w;
    }
    return true;
}

/* Copies one file (name, in the folder open as dir) into the spool, synced. */
static bool copy_one(Bundle *b, int dir, const char *to, const char *name, Copying *c)
{
    char buf[65536];
    struct stat st;
    ssize_t n = 0;
    long long left;
    /* never a FIFO that blocks the loop, a device, or a link elsewhere */
    int in = openat(dir, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK), out;
    if (in < 0 && (errno == ELOOP || errno == ENXIO))
        return refuse(b, BUNDLE_DATA, "%s %s is not a regular file. Nothing was changed.", name,
                      where(b));
    if (in < 0 || fstat(in, &st) != 0) {
        int e = errno;
        if (in >= 0)
            close(in);
        if (b->inbox)
            return refuse(b, BUNDLE_PULLED,
                          "%s went from the inbox while it was being copied (%s): a newer "
                          "bundle may have replaced it. Nothing was changed.",
                          name, strerror(e));
        return refuse(b, BUNDLE_PULLED, pulled_words, name, strerror(e));
    }
    if (!S_ISREG(st.st_mode)) {
        close(in);
        return refuse(b, BUNDLE_DATA, "%s %s is %s, not a regular file. Nothing was changed.", name,
                      where(b), file_kind(st.st_mode));
    }
    out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (out < 0) {
        int e = errno;
        close(in);
        return disk_refuse(b, e, "write", name);
    }
    for (left = st.st_size; left > 0; left -= n) {
        n = read(in, buf, sizeof buf);
        if (n <= 0)
            break;
        if (!write_all(out, buf, (size_t)n)) {
            int e = errno;
            close(in);
            close(out);
            return disk_refuse(b, e, "write", name);
        }
        c->done += n;
        if (c->fn)
            c->fn(c->ctx, c->done, c->total);
    }
    int e = n < 0 ? errno : EIO;
    close(in);
    int sync_err = fsync(out) == 0 ? 0 : errno;
    if (close(out) != 0 && !sync_err)
        sync_err = errno;
    if (left > 0 && b->inbox)
        return refuse(b, BUNDLE_PULLED,
                      "%s in the inbox changed while it was being copied (%s): the fetch "
                      "must rename a complete bundle into the inbox. Nothing was changed.",
                      name, strerror(e));
    if (left > 0)
        return refuse(b, BUNDLE_PULLED, pulled_words, name, strerror(e));
    if (sync_err)
        return disk_refuse(b, sync_err, "save", name);
    return true;
}

/* Copies the bundle's files from the folder open as dir into the spool. */
static bool fetch_files(Bundle *b, int dir, const char *folder, const char *age_key,
                        BundleProgress fn, void *ctx)
{
    char to[BUNDLE_PATH_MAX + 40], shown[BUNDLE_PATH_MAX + 40];
    bool present[NFILES];
    Copying c = {fn, ctx, 0, 0};
    struct stat st;
    const char *at = where(b);
    for (int i = 0; i < NFILES; i++) {
        present[i] = fstatat(dir, files[i], &st, AT_SYMLINK_NOFOLLOW) == 0;
        if (present[i] && !S_ISREG(st.st_mode))
            return refuse(b, BUNDLE_DATA,
                          "%s %s is %s, not a regular file: the kiosk takes only the signed "
                          "files themselves. Nothing was changed.",
                          files[i], at, file_kind(st.st_mode));
        if (!present[i] && errno != ENOENT)
            return refuse(b, BUNDLE_PULLED,
                          b->inbox ? "The inbox could not be read (%s). Nothing was changed."
                                   : "The stick stopped answering (%s). Nothing was changed; "
                                     "plug it in again.",
                          strerror(errno));
        long long cap = i == 3 || i == 6   ? IMPORT_MAX_FILE + 65536
                        : i == 2 || i == 5 ? BUNDLE_QUESTIONS_MAX
                                           : BUNDLE_SIG_MAX;
        if (present[i] && st.st_size > cap)
            return refuse(b, BUNDLE_DATA, "%s %s is too big (%lld bytes; at most %lld).", files[i],
                          at, (long long)st.st_size, cap);
        if (present[i])
            c.total += st.st_size;
    }
    if (present[3] && present[6])
        return refuse(b, BUNDLE_DATA,
                      "Both mentors.csv and mentors.csv.age are %s: leave only one. Nothing was "
                      "changed.",
                      at);
    if (!present[3] && !present[6])
        return refuse(b, BUNDLE_MISSING,
                      b->inbox ? "There is no mentors.csv (or mentors.csv.age) in the inbox's "
                                 "bundle %s."
                               : "There is no %s/mentors.csv on the stick. Put the signed export "
                                 "there.",
                      b->inbox ? text_escape(folder, shown, sizeof shown) : BUNDLE_FOLDER);
    if (present[6] && !age_key[0])
        return refuse(b, BUNDLE_DATA,
                      "mentors.csv.age is encrypted, and this kiosk has no key to open it: set "
                      "[bundles] age_identity in its config. Nothing was changed.");
    if (present[3] && b->inbox && age_key[0])
        return refuse(b, BUNDLE_DATA,
                      "mentors.csv came into the inbox unencrypted, and this kiosk takes only "
                      "mentors.csv.age there (it has an age_identity): encrypt the export with "
                      "the command age -r KEY, so a shared folder never holds it in the clear. Nothing "
                      "was changed.");
    if (!present[0])
        return refuse(b, BUNDLE_NOT_SIGNED,
                      "mentors.csv is not signed: there is no mentors.csv.minisig beside it. "
                      "Sign it with the command minisign -S -s KEY -m mentors.csv");
    if (present[2] && !present[1])
        return refuse(b, BUNDLE_NOT_SIGNED,
                      "questions.csv is not signed: there is no questions.csv.minisig beside it.");
    if (present[5] && !present[4])
        return refuse(b, BUNDLE_NOT_SIGNED,
                      "synonyms.csv is not signed: there is no synonyms.csv.minisig beside it.");
    for (int i = 0; i < NFILES; i++) {
        if (!present[i])
            continue;
        spool_path(b, files[i], to, sizeof to);
        if (!copy_one(b, dir, to, files[i], &c))
            return false;
    }
    b->has_questions = present[2];
    b->has_synonyms = present[5];
    if (present[6]) {
        char sealed[BUNDLE_PATH_MAX + 40], why[400];
        spool_path(b, "mentors.csv.age", sealed, sizeof sealed);
        spool_path(b, "mentors.csv", to, sizeof to);
        if (!seal_open(sealed, to, age_key, IMPORT_MAX_FILE, why, sizeof why))
            return refuse(b, BUNDLE_DATA,
                          "mentors.csv.age could not be opened: %s. Nothing was "
                          "changed.",
                          why);
        b->sealed = true;
    }
    return true;
}

/* Opens the bundle's folder once, never through a link: every file is
 * then read relative to it, so swapping the folder (or a file) for a
 * link while it is copied cannot send a read elsewhere. -1 when refused. */
static int open_folder(Bundle *b, const char *folder)
{
    struct stat st;
    int dir = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dir >= 0)
        return dir;
    int e = errno;
    char shown[BUNDLE_PATH_MAX + 40];
    text_escape(folder, shown, sizeof shown);
    if ((e == ELOOP || e == ENOTDIR) && lstat(folder, &st) == 0) {
        refuse(b, BUNDLE_DATA,
               "%s %s is %s, not a folder: the kiosk reads a bundle only from a folder of its "
               "own. Nothing was changed.",
               b->inbox ? "The bundle" : BUNDLE_FOLDER, b->inbox ? shown : "on the stick",
               file_kind(st.st_mode));
        return -1;
    }
    if (e == ENOENT && !b->inbox)
        refuse(b, BUNDLE_MISSING,
               "There is no %s/mentors.csv on the stick. Put the signed export there.",
               BUNDLE_FOLDER);
    else if (b->inbox)
        refuse(b, BUNDLE_PULLED,
               "The inbox's bundle %s could not be opened (%s): a newer bundle may have "
               "replaced it. Nothing was changed.",
               shown, strerror(e));
    else
        refuse(b, BUNDLE_PULLED,
               "The stick stopped answering (%s). Nothing was changed; plug it in again.",
               strerror(e));
    return -1;
}

/* Copies the bundle's files from folder into the spool (see
 * bundle_fetch and bundle_fetch_inbox). */
static bool fetch_folder(Bundle *b, const char *folder, const char *spool, const char *age_key,
                         BundleProgress fn, void *ctx)
{
    text_copy(b->spool, sizeof b->spool, spool);
    b->status = BUNDLE_OK;
    b->has_questions = b->has_synonyms = b->sealed = false;
    if (!spool_clear(b))
        return false;
    int dir = open_folder(b, folder);
    if (dir < 0)
        return false;
    bool ok = fetch_files(b, dir, folder, age_key, fn, ctx);
    close(dir);
    return ok;
}

bool bundle_fetch(Bundle *b, const char *mount, const char *spool, BundleProgress fn, void *ctx)
{
    char folder[BUNDLE_PATH_MAX + 40];
    text_copy(b->mount, sizeof b->mount, mount);
    b->inbox = false;
    snprintf(folder, sizeof folder, "%s/%s", mount, BUNDLE_FOLDER);
    return fetch_folder(b, folder, spool, b->age_key, fn, ctx);
}

bool bundle_fetch_inbox(Bundle *b, const char *folder, const char *spool, const char *outbox,
                        BundleProgress fn, void *ctx)
{
    text_copy(b->mount, sizeof b->mount, folder);
    text_copy(b->reports, sizeof b->reports, outbox);
    b->inbox = true;
    return fetch_folder(b, folder, spool, b->age_key, fn, ctx);
}

/* --- choosing the inbox's bundle --- */

bool bundle_seen_has(const char *seen, const char *id)
{
    size_t n = strlen(id);
    for (const char *p = seen; *p;) {
        size_t m = strcspn(p, "/");
        if (m == n && strncmp(p, id, n) == 0)
            return true;
        p += m + (p[m] == '/');
    }
    return false;
}

void bundle_seen_add(char *seen, size_t cap, const char *id)
{
    char was[BUNDLE_SEEN_MAX];
    text_copy(was, sizeof was, seen);
    snprintf(seen, cap, "%s", id);
    int kept = 1;
    for (const char *p = was; *p && kept < BUNDLE_SEEN_IDS;) {
        size_t m = strcspn(p, "/"), n = strlen(seen);
        bool same = m == strlen(id) && strncmp(p, id, m) == 0;
        if (!same && n + 1 + m < cap) {
            snprintf(seen + n, cap - n, "/%.*s", (int)m, p);
            kept++;
        }
        p += m + (p[m] == '/');
    }
}

/* What the folder's mentors.csv.minisig says, when the folder holds a
 * mentors.csv (or .age) and the signature's comment is a trusted key's:
 * its signed time, else 0; 0 too when it claims no time later than
 * floor (not worth checking). Read relative to the folder, never
 * through a link. */
static long long signed_time(const char *dir, const char *name, const SignTrust *trust,
                             long long floor)
{
    char sig[BUNDLE_SIG_MAX + 1], why[200];
    struct stat st;
    long long at = 0;
    int fd = openat(AT_FDCWD, dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int folder = fd >= 0 ? openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1;
    if (fd >= 0)
        close(fd);
    if (folder < 0)
        return 0;
    bool has_list =
        (fstatat(folder, "mentors.csv", &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode)) ||
        (fstatat(folder, "mentors.csv.age", &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode));
    int in = has_list ? openat(folder, "mentors.csv.minisig",
                               O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
                      : -1;
    close(folder);
    if (in < 0)
        return 0;
    ssize_t n = fstat(in, &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= BUNDLE_SIG_MAX
                    ? read(in, sig, BUNDLE_SIG_MAX)
                    : -1;
    close(in);
    if (n <= 0)
        return 0;
    sig[n] = '\0';
    SignInfo info;
    if (sign_claimed_time(sig) >= floor &&
        sign_verify_comment(sig, trust->key, trust->n, &info, why, sizeof why) == SIGN_OK)
        at = info.timestamp;
    return at;
}

void bundle_pick_start(BundlePicking *p, const char *dir, const SignTrust *trust,
                       long long imported_at, const char *seen)
{
    memset(p, 0, sizeof *p);
    p->dir = dir;
    p->trust = trust;
    p->imported_at = imported_at;
    p->seen = seen;
}

void bundle_pick_consider(void *ctx, const char *name, const char *id)
{
    BundlePicking *p = ctx;
    if (!p->top[0] || strcmp(name, p->top) > 0) {
        text_copy(p->top, sizeof p->top, name);
        text_copy(p->top_id, sizeof p->top_id, id);
    }
    if (bundle_seen_has(p->seen, id))
        return;
    long long floor = p->imported_at + 1 > p->best_at ? p->imported_at + 1 : p->best_at;
    long long at = signed_time(p->dir, name, p->trust, floor);
    if (at <= p->imported_at || at < p->best_at || (at == p->best_at && strcmp(name, p->best) <= 0))
        return;
    p->best_at = at;
    text_copy(p->best, sizeof p->best, name);
    text_copy(p->best_id, sizeof p->best_id, id);
}

bool bundle_pick_end(const BundlePicking *p, BundlePick *out)
{
    const char *name = p->best_at ? p->best : p->top, *id = p->best_at ? p->best_id : p->top_id;
    memset(out, 0, sizeof *out);
    /* nothing newer and signed: the greatest name still gets its refusal
     * (once), so staff learn why it was not taken */
    if (!name[0] || (!p->best_at && bundle_seen_has(p->seen, id)))
        return false;
    snprintf(out->path, sizeof out->path, "%s/%s", p->dir, name);
    text_copy(out->id, sizeof out->id, id);
    out->signed_at = p->best_at;
    return true;
}

/* Reads a local file of at most max bytes, NUL-terminated. */
static char *slurp(const char *path, long long max, size_t *len)
{
    struct stat st;
    char *data = NULL;
    FILE *f = fopen(path, "rbe");
    if (!f)
        return NULL;
    if (fstat(fileno(f), &st) == 0 && st.st_size <= max &&
        (data = malloc((size_t)st.st_size + 1)) != NULL) {
        *len = fread(data, 1, (size_t)st.st_size, f);
        data[*len] = '\0';
    }
    fclose(f);
    return data;
}

/* Verifies name against name.minisig in the spool; sets the signer and
 * the time on the first (mentors) file. */
static bool verify(Bundle *b, const SignTrust *trust, const char *name, bool first)
{
    char path[BUNDLE_PATH_MAX + 40], why[200];
    size_t len = 0, siglen = 0;
    SignInfo info;
    spool_path(b, name, path, sizeof path);
    char *data = slurp(path, IMPORT_MAX_FILE, &len);
    snprintf(path + strlen(path), sizeof path - strlen(path), ".minisig");
    char *sig = slurp(path, BUNDLE_SIG_MAX, &siglen);
    SignResult r = data && sig ? sign_verify((const unsigned char *)data, len, sig, trust->key,
                                             trust->n, &info, why, sizeof why)
                               : SIGN_MALFORMED;
    free(data);
    free(sig);
    if (!data || !sig)
        return refuse(b, BUNDLE_DISK, "The kiosk could not read its copy of %s.", name);
    switch (r) {
    case SIGN_OK:
        break;
    case SIGN_UNKNOWN_KEY:
        return refuse(b, BUNDLE_UNKNOWN_KEY,
                      "%s was signed with a key this kiosk does not trust (%s). Nothing was "
                      "changed.",
                      name, why);
    case SIGN_BAD:
        return refuse(b, BUNDLE_BAD_SIGNATURE,
                      "The signature does not match %s: the file was changed after it was "
                      "signed. Nothing was changed.",
                      name);
    case SIGN_BAD_COMMENT:
        return refuse(b, BUNDLE_BAD_SIGNATURE,
                      "The trusted comment of %s.minisig (the date and name it was signed "
                      "with) was changed after signing. Sign the file again. Nothing was "
                      "changed.",
                      name);
    case SIGN_BAD_TIME:
        return refuse(b, BUNDLE_BAD_TIME,
                      "The signature of %s is dated wrongly: %s. Check the clock of the "
                      "computer that signed it and sign again. Nothing was changed.",
                      name, why);
    case SIGN_NO_TIMESTAMP:
        return refuse(b, BUNDLE_BAD_SIGNATURE,
                      "The signature of %s has no timestamp in its trusted comment. Sign it "
                      "again without -t. Nothing was changed.",
                      name);
    default:
        return refuse(b, BUNDLE_BAD_SIGNATURE,
                      "%s.minisig is not a minisign signature (%s). Nothing was changed.", name,
                      why);
    }
    if (!first) {
        b->questions_signed_at = info.timestamp;
        return true;
    }
    b->signed_at = info.timestamp;
    snprintf(b->signer, sizeof b->signer, "key %s", info.key_id);
    for (int i = 0; i < trust->n; i++) {
        char id[17];
        sign_key_id(trust->key[i].id, id);
        if (strcmp(id, info.key_id) == 0 && trust->label[i][0])
            snprintf(b->signer, sizeof b->signer, "%.47s (key %s)", trust->label[i], id);
    }
    return true;
}

long long bundle_imported_at(Store *s)
{
    char v[32];
    return s && store_meta_get(s, "keep.bundle_signed_at", v, sizeof v) ? atoll(v) : 0;
}

long long bundle_questions_imported_at(Store *s)
{
    char v[32];
    return s && store_meta_get(s, "keep.questions_signed_at", v, sizeof v) ? atoll(v) : 0;
}

bool bundle_forget_stamps(Store *s, char *was, size_t cap)
{
    char a[48], q[48];
    long long at = bundle_imported_at(s), qat = bundle_questions_imported_at(s);
    bundle_when_text(at, a, sizeof a);
    bundle_when_text(qat, q, sizeof q);
    snprintf(was, cap, "last bundle signed %s; last question bank signed %s", at ? a : "(none)",
             qat ? q : "(none)");
    return store_meta_set(s, "keep.bundle_signed_at", "0") &&
           store_meta_set(s, "keep.questions_signed_at", "0");
}

/* Each signed file is dated no more than a day ahead of the kiosk's
 * clock and after the last import of that file. */
static bool check_times(Bundle *b, long long imported_at)
{
    char when[48], clock[48], before[48];
    long long now = b->begun > 0 ? b->begun : (long long)time(NULL);
    const struct {
        const char *name;
        long long at;
    } file[] = {{"mentors.csv", b->signed_at},
                {"questions.csv", b->has_questions ? b->questions_signed_at : 0}};
    for (int i = 0; i < 2; i++) {
        if (!file[i].at || file[i].at <= now + BUNDLE_FUTURE_SLACK)
            continue;
        bundle_when_text(file[i].at, when, sizeof when);
        bundle_when_text(now, clock, sizeof clock);
        return refuse(b, BUNDLE_BAD_TIME,
                      "%s says it was signed %s, more than a day ahead of this kiosk's clock "
                      "(%s). Taking it would lock out every correctly dated bundle after it. "
                      "Check the clock of the computer that signed it (and the kiosk's), and "
                      "sign again. Nothing was changed.",
                      file[i].name, when, clock);
    }
    long long q_before = b->questions_imported_at > 0 ? b->questions_imported_at : imported_at;
    if (b->has_questions && b->questions_signed_at <= q_before) {
        bundle_when_text(b->questions_signed_at, when, sizeof when);
        bundle_when_text(q_before, before, sizeof before);
        return refuse(b, BUNDLE_OLD,
                      "questions.csv was signed %s, no later than the last import (signed %s): "
                      "an old question bank cannot ride along with a new mentor list. Sign "
                      "questions.csv again, or leave it off the stick. Nothing was changed.",
                      when, before);
    }
    return true;
}

bool bundle_check(Bundle *b, const SignTrust *trust, long long imported_at, int this_year)
{
    char path[BUNDLE_PATH_MAX + 40], before[24], now[24], err[300];
    b->imported_at = imported_at;
    if (trust->n == 0)
        return refuse(b, BUNDLE_NO_KEYS,
                      "This kiosk trusts no signing key yet, so it takes no updates. Add the "
                      "office's public key to its config under [bundles] trusted_key.");
    if (!verify(b, trust, "mentors.csv", true) ||
        (b->has_questions && !verify(b, trust, "questions.csv", false)) ||
        (b->has_synonyms && !verify(b, trust, "synonyms.csv", false)))
        return false;
    if (!check_times(b, imported_at))
        return false;
    bundle_when_text(b->signed_at, now, sizeof now);
    bundle_when_text(imported_at, before, sizeof before);
    if (b->signed_at == imported_at)
        return refuse(b, BUNDLE_OLD,
                      "This bundle (signed %s) is the one already imported. Nothing was changed.",
                      now);
    if (b->signed_at < imported_at)
        return refuse(b, BUNDLE_OLD,
                      "This bundle was signed %s, before the one already imported (signed %s). "
                      "An older bundle cannot replace a newer one. Nothing was changed.",
                      now, before);
    if (b->has_questions) {
        free(b->bank);
        free(b->synonyms);
        b->bank = calloc(QUESTION_MAX, sizeof *b->bank);
        spool_path(b, "questions.csv", path, sizeof path);
        b->nbank =
            b->bank ? import_questions_file(path, b->bank, QUESTION_MAX, err, sizeof err) : -1;
        if (b->nbank <= 0)
            return refuse(b, BUNDLE_DATA, "questions.csv: %s. Nothing was changed.",
                          b->nbank == 0 ? "it has no questions" : err);
    }
    if (b->has_synonyms) {
        free(b->synonyms);
        b->synonyms = calloc(SYNONYM_MAX, sizeof *b->synonyms);
        spool_path(b, "synonyms.csv", path, sizeof path);
        size_t len = 0;
        char *data = slurp(path, BUNDLE_QUESTIONS_MAX, &len);
        snprintf(err, sizeof err, "synonyms.csv could not be read from the kiosk's copy");
        b->nsynonyms = b->synonyms && data
                           ? import_synonyms_buffer(data, len, "synonyms.csv", b->synonyms,
                                                    SYNONYM_MAX, err, sizeof err)
                           : -1;
        free(data);
        if (b->nsynonyms <= 0)
            return refuse(b, BUNDLE_DATA, "%s. Nothing was changed.",
                          b->nsynonyms == 0 ? "synonyms.csv: it has no synonyms" : err);
    }
    ImportOptions opt = {.source_name = "mentors.csv",
                         .this_year = this_year,
                         .when = "",
                         .compare_path = b->compare[0] ? b->compare : NULL};
    spool_path(b, "mentors.csv", path, sizeof path);
    import_report_free(&b->preview);
    if (!import_file(path, &opt, &b->preview))
        return refuse(b, BUNDLE_DATA, "mentors.csv was refused: %s.", b->preview.refusal);
    return true;
}

bool bundle_import(Bundle *b, const char *db_path, const char *when_iso, int this_year,
                   ImportReport *rep)
{
    char path[BUNDLE_PATH_MAX + 40], rejected[BUNDLE_PATH_MAX + 40];
    spool_path(b, "mentors.csv", path, sizeof path);
    spool_path(b, "rejected.csv", rejected, sizeof rejected);
    ImportOptions opt = {.db_path = db_path,
                         .rejected_csv = rejected,
                         .source_name =
                             b->inbox ? "mentors.csv (inbox bundle)" : "mentors.csv (USB bundle)",
                         .this_year = this_year,
                         .when = when_iso,
                         .signed_at = b->signed_at,
                         .signed_by = b->signer,
                         .questions = b->has_questions ? b->bank : NULL,
                         .nquestions = b->has_questions ? b->nbank : 0,
                         .synonyms = b->has_synonyms ? b->synonyms : NULL,
                         .nsynonyms = b->has_synonyms ? b->nsynonyms : 0,
                         .questions_signed_at = b->has_questions ? b->questions_signed_at : 0};
    bool ok = import_file(path, &opt, rep);
    if (!ok && (strstr(rep->refusal, "disk is full") || strstr(rep->refusal, "No space"))) {
        char why[sizeof rep->refusal];
        text_copy(why, sizeof why, rep->refusal);
        snprintf(rep->refusal, sizeof rep->refusal,
                 "The kiosk's disk is full, so the new directory could not be written; the old "
                 "one is still in use (%.400s)",
                 why);
    }
    return ok;
}

/* Writes data to dir/name through a temporary file, synced. */
static bool write_file(const char *dir, const char *name, const char *data, size_t len, char *err,
                       size_t cap)
{
    char path[BUNDLE_PATH_MAX + 80], tmp[BUNDLE_PATH_MAX + 90];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    snprintf(tmp, sizeof tmp, "%s.part", path);
    unlink(tmp); /* a leftover, or a link someone left: removed, never followed */
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
    bool ok = fd >= 0 && write(fd, data, len) == (ssize_t)len;
    ok = ok && fsync(fd) == 0;
    if (fd >= 0 && close(fd) != 0)
        ok = false;
    ok = ok && rename(tmp, path) == 0;
    if (!ok) {
        snprintf(err, cap, "could not write %s in %s: %s", name, dir, strerror(errno));
        unlink(tmp);
    }
    return ok;
}

/* career-kiosk/reports on the stick, made when missing. */
static bool reports_dir(const char *mount, char *out, size_t cap, char *err, size_t err_cap)
{
    struct stat st;
    char folder[BUNDLE_PATH_MAX + 40];
    snprintf(folder, sizeof folder, "%s/%s", mount, BUNDLE_FOLDER);
    snprintf(out, cap, "%s/%s/reports", mount, BUNDLE_FOLDER);
    if (mkdir(out, 0755) != 0 && errno != EEXIST) {
        snprintf(err, err_cap, "could not make %s/reports on the stick: %s", BUNDLE_FOLDER,
                 strerror(errno));
        return false;
    }
    /* reports go onto the stick itself: a link would carry them anywhere */
    for (int i = 0; i < 2; i++) {
        const char *p = i ? out : folder;
        if (lstat(p, &st) != 0 || !S_ISDIR(st.st_mode)) {
            snprintf(err, err_cap,
                     "%s%s on the stick is %s, not a folder, so nothing was written there",
                     BUNDLE_FOLDER, i ? "/reports" : "",
                     lstat(p, &st) != 0 ? "gone" : file_kind(st.st_mode));
            return false;
        }
    }
    return true;
}

/* The outbox: a folder of the kiosk's own (never a link elsewhere). */
static bool outbox_dir(const char *outbox, char *out, size_t cap, char *err, size_t err_cap)
{
    struct stat st;
    text_copy(out, cap, outbox);
    if (lstat(outbox, &st) != 0 || !S_ISDIR(st.st_mode)) {
        snprintf(err, err_cap, "the outbox %s is %s, so nothing was written there", outbox,
                 lstat(outbox, &st) != 0 ? "not there" : file_kind(st.st_mode));
        return false;
    }
    return true;
}

static void add_name(char *written, size_t cap, const char *name)
{
    size_t n = strlen(written);
    snprintf(written + n, cap - n, "%s%s", n ? ", " : "", name);
}

void bundle_rejection_text(const ImportRejection *r, char *out, size_t cap)
{
    snprintf(out, cap, "Line %lu%s%s%s%s: %s", r->line, r->id[0] ? ", ID " : "", r->id,
             r->column[0] ? ", column " : "", r->column, r->reason);
}

/* The report's text. */
static void report_text(const Bundle *b, const ImportReport *rep, char *out, size_t cap,
                        const char *rejected_name)
{
    char signed_at[24], now[24];
    StrBuf sb;
    strbuf_init(&sb, out, cap);
    bundle_when_text(b->signed_at, signed_at, sizeof signed_at);
    bundle_when_text(b->begun, now, sizeof now);
    strbuf_addf(&sb, "Career Kiosk import report\r\n\r\nWritten: %s\r\n", now);
    if (b->signed_at)
        strbuf_addf(&sb, "Bundle: mentors.csv%s%s, signed %s by %s\r\n",
                    b->sealed ? " (encrypted, mentors.csv.age)" : "",
                    b->has_questions ? " and questions.csv" : "", signed_at, b->signer);
    else
        strbuf_add(&sb, "Bundle: not taken, before its signature was accepted\r\n");
    strbuf_addf(&sb, "From: %s\r\n", b->inbox ? "the inbox" : "a USB stick");
    if (rep->outcome == IMPORT_REFUSED)
        strbuf_addf(&sb, "Result: NOT IMPORTED. The directory was not changed.\r\nWhy: %s\r\n",
                    rep->refusal);
    else
        strbuf_addf(&sb, "Result: imported %d %s.\r\n", rep->accepted,
                    rep->accepted == 1 ? "mentor" : "mentors");
    if (rep->outcome != IMPORT_REFUSED && rep->rejected)
        strbuf_addf(&sb, "Rows rejected: %d (listed below and in %s).\r\n", rep->rejected,
                    rejected_name);
    if (rep->outcome != IMPORT_REFUSED && b->has_questions)
        strbuf_addf(&sb, "Question bank: replaced with %d %s.\r\n", b->nbank,
                    b->nbank == 1 ? "question" : "questions");
    if (rep->outcome != IMPORT_REFUSED && b->has_synonyms)
        strbuf_addf(&sb, "Synonym table: replaced with %d %s.\r\n", b->nsynonyms,
                    b->nsynonyms == 1 ? "synonym" : "synonyms");
    strbuf_addf(&sb, "Rows read: %d\r\nEncoding: %s\r\n", rep->rows, rep->encoding);
    if (rep->ignored[0])
        strbuf_addf(&sb, "Columns not used: %s\r\n", rep->ignored);
    if (rep->nlisted)
        strbuf_add(&sb, "\r\nRejected rows:\r\n");
    for (int i = 0; i < rep->nlisted; i++) {
        char row[400];
        bundle_rejection_text(&rep->rejection[i], row, sizeof row);
        strbuf_addf(&sb, "  %s\r\n", row);
    }
    if (rep->rejected > rep->nlisted)
        strbuf_addf(&sb, "  ... and %d more in %s\r\n", rep->rejected - rep->nlisted,
                    rejected_name);
    if (sb.overflow)
        strbuf_add(&sb, "\r\n(The list was cut short; see the CSV.)\r\n");
}

bool bundle_write_report(const Bundle *b, const ImportReport *rep, char *written, size_t cap,
                         char *err, size_t err_cap)
{
    char dir[BUNDLE_PATH_MAX + 40], name[160], rejected_name[160], path[BUNDLE_PATH_MAX + 40];
    enum { REPORT_MAX = 256 * 1024 };
    const char *lead = b->lead[0] ? b->lead : b->stamp;
    written[0] = '\0';
    if (b->reports[0] ? !outbox_dir(b->reports, dir, sizeof dir, err, err_cap)
                      : !reports_dir(b->mount, dir, sizeof dir, err, err_cap))
        return false;
    snprintf(rejected_name, sizeof rejected_name, "%s-rejected.csv", lead);
    spool_path(b, "rejected.csv", path, sizeof path);
    size_t len = 0;
    char *rejected = rep->rejected ? slurp(path, IMPORT_MAX_FILE, &len) : NULL;
    if (rejected) {
        bool ok = write_file(dir, rejected_name, rejected, len, err, err_cap);
        free(rejected);
        if (!ok)
            return false;
        add_name(written, cap, rejected_name);
    }
    char *text = malloc(REPORT_MAX);
    if (!text) {
        snprintf(err, err_cap, "out of memory");
        return false;
    }
    report_text(b, rep, text, REPORT_MAX, rejected_name);
    snprintf(name, sizeof name, "%s-import.txt", lead);
    bool ok = write_file(dir, name, text, strlen(text), err, err_cap);
    free(text);
    if (ok)
        add_name(written, cap, name);
    return ok;
}

/* --- stats --- */

enum { STATS_DAYS = 4000, STATS_ROWS = 20000 };

typedef struct {
    char day[11];
    long sessions, shown, printed;
} DayRow;

typedef struct {
    char month[8];
    char id[MENTOR_ID_MAX + 1];
    long count;
} ReferralRow;

/* Searches that found nobody, by month and the career area wanted. */
typedef struct {
    char month[8];
    char field[64];
    long count;
} NobodyRow;

enum { NOBODY_ROWS = 2000 };

typedef struct {
    DayRow *day;
    int nday;
    ReferralRow *ref;
    int nref;
    NobodyRow *nobody;
    int nnobody;
} Tally;

static void tally_nobody(Tally *t, const char *day, const char *field, long value)
{
    for (int i = 0; i < t->nnobody; i++)
        if (strncmp(t->nobody[i].month, day, 7) == 0 && strcmp(t->nobody[i].field, field) == 0) {
            t->nobody[i].count += value;
            return;
        }
    if (t->nnobody == NOBODY_ROWS)
        return;
    NobodyRow *r = &t->nobody[t->nnobody++];
    snprintf(r->month, sizeof r->month, "%.7s", day);
    text_copy(r->field, sizeof r->field, field);
    r->count = value;
}

static void tally_stat(void *ctx, const char *day, const char *name, long value)
{
    Tally *t = ctx;
    if (t->nday == 0 || strcmp(t->day[t->nday - 1].day, day) != 0) {
        if (t->nday == STATS_DAYS)
            return;
        t->day[t->nday] = (DayRow){{0}, 0, 0, 0};
        text_copy(t->day[t->nday++].day, sizeof t->day[0].day, day);
    }
    DayRow *r = &t->day[t->nday - 1];
    if (strncmp(name, STATS_NOBODY, strlen(STATS_NOBODY)) == 0)
        tally_nobody(t, day, name + strlen(STATS_NOBODY), value);
    else if (strcmp(name, "sessions") == 0)
        r->sessions += value;
    else if (strcmp(name, "sheets_shown") == 0)
        r->shown += value;
    else if (strcmp(name, "sheets_printed") == 0)
        r->printed += value;
}

static void tally_referral(void *ctx, const char *day, const char *id, int count)
{
    Tally *t = ctx;
    char month[8];
    snprintf(month, sizeof month, "%.7s", day);
    for (int i = t->nref - 1; i >= 0 && strcmp(t->ref[i].month, month) == 0; i--)
        if (strcmp(t->ref[i].id, id) == 0) {
            t->ref[i].count += count;
            return;
        }
    if (t->nref == STATS_ROWS)
        return;
    ReferralRow *r = &t->ref[t->nref++];
    text_copy(r->month, sizeof r->month, month);
    text_copy(r->id, sizeof r->id, id);
    r->count = count;
}

static void csv_field(StrBuf *sb, const char *s, const char *end)
{
    char q[600];
    csv_quote(s, q, sizeof q);
    strbuf_add(sb, q);
    strbuf_add(sb, end);
}

typedef struct {
    const char *field;
    int count;
} FieldCount;

static void count_field(void *ctx, const char *field, int count)
{
    FieldCount *fc = ctx;
    if (strcmp(field, fc->field) == 0)
        fc->count = count;
}

/* <stamp>-nobody-found.csv: by month, the career areas that searches
 * finding nobody wanted, and how many mentors the directory has in each;
 * and the same as sentences in <stamp>-nobody-found.txt. */
static bool write_nobody(const char *dir, const char *lead, Store *s, const Tally *t, char *out,
                         size_t out_cap, char *written, size_t cap, char *err, size_t err_cap)
{
    char name[160];
    StrBuf sb, words;
    size_t half = out_cap / 2;
    strbuf_init(&sb, out, half);
    strbuf_init(&words, out + half, out_cap - half);
    strbuf_add(&sb, "month,wanted_field,searches_finding_nobody,mentors_in_field\r\n");
    strbuf_add(&words, "Searches that found nobody, by what they were about (never what was "
                       "typed):\r\n\r\n");
    for (int i = 0; i < t->nnobody; i++) {
        const NobodyRow *r = &t->nobody[i];
        bool known = strcmp(r->field, STATS_NOT_RECOGNISED) != 0;
        FieldCount fc = {r->field, 0};
        if (known)
            store_fields(s, count_field, &fc);
        strbuf_addf(&sb, "%s,", r->month);
        csv_field(&sb, r->field, ",");
        if (known)
            strbuf_addf(&sb, "%ld,%d\r\n", r->count, fc.count);
        else
            strbuf_addf(&sb, "%ld,\r\n", r->count);
        if (known)
            strbuf_addf(&words, "%s: %ld search%s wanted %s; %d mentor%s in it.\r\n", r->month,
                        r->count, r->count == 1 ? "" : "es", r->field, fc.count,
                        fc.count == 1 ? " is" : "s are");
        else
            strbuf_addf(&words, "%s: %ld search%s the synonym table did not recognise.\r\n",
                        r->month, r->count, r->count == 1 ? "" : "es");
    }
    if (sb.overflow || words.overflow) {
        snprintf(err, err_cap, "the searches that found nobody are too many to write");
        return false;
    }
    snprintf(name, sizeof name, "%s-nobody-found.csv", lead);
    if (!write_file(dir, name, out, sb.len, err, err_cap))
        return false;
    add_name(written, cap, name);
    snprintf(name, sizeof name, "%s-nobody-found.txt", lead);
    if (!write_file(dir, name, out + half, words.len, err, err_cap))
        return false;
    add_name(written, cap, name);
    return true;
}

typedef struct {
    StrBuf *sb;
} StaleOut;

static void stale_row(void *ctx, const Mentor *m)
{
    StaleOut *so = ctx;
    char who[2 * MENTOR_NAME_MAX + 2];
    snprintf(who, sizeof who, "%s %s", m->first_name, m->last_name);
    csv_field(so->sb, m->id, ",");
    csv_field(so->sb, who, ",");
    csv_field(so->sb, m->organization, ",");
    csv_field(so->sb, m->last_verified, "\r\n");
}

/* <stamp>-stale.csv: mentors whose details were last checked longer ago
 * than the stale age, oldest first, for staff to check again. The day is
 * the stamp's. */
static bool write_stale(const char *dir, const char *lead, const char *stamp, Store *s, char *out,
                        size_t out_cap, char *written, size_t cap, char *err, size_t err_cap)
{
    char name[160];
    Date today;
    StrBuf sb;
    char day[11];
    snprintf(day, sizeof day, "%.10s", stamp);
    if (!date_parse(day, &today)) {
        snprintf(err, err_cap, "no date in the report's name %s", stamp);
        return false;
    }
    strbuf_init(&sb, out, out_cap);
    strbuf_add(&sb, "mentor_id,mentor_name,organization,last_verified\r\n");
    StaleOut so = {&sb};
    if (store_stale_each(s, today, stale_row, &so) < 0 || sb.overflow) {
        snprintf(err, err_cap, "the list of mentors to check again could not be written");
        return false;
    }
    snprintf(name, sizeof name, "%s-stale.csv", lead);
    if (!write_file(dir, name, out, sb.len, err, err_cap))
        return false;
    add_name(written, cap, name);
    return true;
}

/* The stats into dir, each file's name starting with lead; stamp
 * (YYYY-MM-DD...) dates the list of mentors to check again. */
static bool stats_into(const char *dir, const char *lead, const char *stamp, Store *s,
                       char *written, size_t cap, char *err, size_t err_cap)
{
    char name[160];
    enum { OUT_MAX = 8 << 20 };
    Tally t = {calloc(STATS_DAYS, sizeof(DayRow)),      0,
               calloc(STATS_ROWS, sizeof(ReferralRow)), 0,
               calloc(NOBODY_ROWS, sizeof(NobodyRow)),  0};
    char *out = malloc(OUT_MAX);
    bool ok = false;
    StrBuf sb;
    written[0] = '\0';
    if (!t.day || !t.ref || !t.nobody || !out) {
        snprintf(err, err_cap, "out of memory");
        goto done;
    }
    store_stats_each(s, (Date){2000, 1, 1}, tally_stat, &t);
    store_referrals_each(s, (Date){2000, 1, 1}, tally_referral, &t);
    strbuf_init(&sb, out, OUT_MAX);
    strbuf_add(&sb, "day,sessions,sheets_shown,sheets_printed\r\n");
    for (int i = 0; i < t.nday; i++)
        strbuf_addf(&sb, "%s,%ld,%ld,%ld\r\n", t.day[i].day, t.day[i].sessions, t.day[i].shown,
                    t.day[i].printed);
    snprintf(name, sizeof name, "%s-stats.csv", lead);
    if (!write_file(dir, name, out, sb.len, err, err_cap))
        goto done;
    add_name(written, cap, name);
    strbuf_init(&sb, out, OUT_MAX);
    strbuf_add(&sb, "month,mentor_id,mentor_name,organization,referrals\r\n");
    for (int i = 0; i < t.nref; i++) {
        Mentor m;
        char who[2 * MENTOR_NAME_MAX + 2] = "(no longer listed)";
        bool listed = store_mentor_get(s, t.ref[i].id, &m);
        if (listed)
            snprintf(who, sizeof who, "%s %s", m.first_name, m.last_name);
        strbuf_addf(&sb, "%s,", t.ref[i].month);
        csv_field(&sb, t.ref[i].id, ",");
        csv_field(&sb, who, ",");
        csv_field(&sb, listed ? m.organization : "", ",");
        strbuf_addf(&sb, "%ld\r\n", t.ref[i].count);
    }
    snprintf(name, sizeof name, "%s-referrals.csv", lead);
    ok = !sb.overflow && write_file(dir, name, out, sb.len, err, err_cap);
    if (sb.overflow)
        snprintf(err, err_cap, "the referral counts are too many to write");
    if (ok)
        add_name(written, cap, name);
    ok = ok && write_nobody(dir, lead, s, &t, out, OUT_MAX, written, cap, err, err_cap) &&
         write_stale(dir, lead, stamp, s, out, OUT_MAX, written, cap, err, err_cap);
done:
    free(t.day);
    free(t.ref);
    free(t.nobody);
    free(out);
    return ok;
}

bool bundle_write_stats(const char *mount, const char *stamp, Store *s, char *written, size_t cap,
                        char *err, size_t err_cap)
{
    char dir[BUNDLE_PATH_MAX + 40];
    written[0] = '\0';
    return reports_dir(mount, dir, sizeof dir, err, err_cap) &&
           stats_into(dir, stamp, stamp, s, written, cap, err, err_cap);
}

void bundle_outbox_lead(const char *kiosk_id, const char *stamp, char *out, size_t cap)
{
    snprintf(out, cap, "%s-%s", kiosk_id, stamp);
}

bool bundle_write_outbox_stats(const char *outbox, const char *kiosk_id, long long now, Store *s,
                               char *written, size_t cap, char *err, size_t err_cap)
{
    char dir[BUNDLE_PATH_MAX + 40], stamp[20], lead[120];
    written[0] = '\0';
    bundle_stamp(now, stamp);
    stamp[10] = '\0'; /* one set a day: the day's latest replaces the one before */
    bundle_outbox_lead(kiosk_id, stamp, lead, sizeof lead);
    return outbox_dir(outbox, dir, sizeof dir, err, err_cap) &&
           stats_into(dir, lead, stamp, s, written, cap, err, err_cap);
}

void bundle_free(Bundle *b)
{
    char path[BUNDLE_PATH_MAX + 40];
    if (b->spool[0]) {
        for (int i = 0; i < NFILES; i++) {
            spool_path(b, files[i], path, sizeof path);
            unlink(path);
        }
        spool_path(b, "rejected.csv", path, sizeof path);
        unlink(path);
    }
    import_report_free(&b->preview);
    free(b->bank);
    free(b->synonyms);
    memset(b, 0, sizeof *b);
}

void bundle_begin(Bundle *b, long long now)
{
    bundle_free(b);
    b->begun = now;
    bundle_stamp(now, b->stamp);
}
