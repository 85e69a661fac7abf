/* staff: see staff.h. */
#define _GNU_SOURCE /* strcasestr */
#include "kiosk/staff.h"

#include "core/text.h"
#include "directory/counts.h"
#include "directory/stage.h"
#include "kiosk/app.h"
#include "kiosk/flow.h"
#include "print/paper.h"
#include "usb/sign.h"

#include <fcntl.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Adds printf-style text to the end of out, cut short at cap. */
static void append(char *out, size_t cap, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void append(char *out, size_t cap, const char *fmt, ...)
{
    size_t n = strlen(out);
    va_list ap;
    if (n + 1 >= cap)
        return;
    va_start(ap, fmt);
    vsnprintf(out + n, cap - n, fmt, ap);
    va_end(ap);
}

/* The word for n things: one or many ("1 row", "2 rows"). Staff read
 * English only (see screens/staff.c), so two forms are all it needs. */
static const char *nn(int n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* Beside the directory: present while the kiosk imports, holding the
 * bundle's timestamp, so a restart can say which directory it has. */
static void marker_path(const App *a, char *out, size_t cap)
{
    snprintf(out, cap, "%s.importing", a->cfg.database);
}

/* The local folder bundles are copied to, beside the directory. */
static void spool_dir(const App *a, char *out, size_t cap)
{
    const char *slash = strrchr(a->cfg.database, '/');
    if (slash)
        snprintf(out, cap, "%.*s/incoming", (int)(slash - a->cfg.database), a->cfg.database);
    else
        snprintf(out, cap, "incoming");
}

/* An import was under way when the kiosk stopped: says which directory
 * is in use now. */
static void read_marker(App *a)
{
    char path[CONFIG_PATH_MAX + 16], line[40] = "", when[24];
    StaffView *sv = &a->staff.show;
    marker_path(a, path, sizeof path);
    FILE *f = fopen(path, "re");
    if (!f)
        return;
    if (!fgets(line, sizeof line, f))
        line[0] = '\0';
    fclose(f);
    long long stamp = atoll(line);
    int n = store_mentor_count(a->store);
    bundle_when_text(stamp, when, sizeof when);
    if (stamp > 0 && bundle_imported_at(a->store) == stamp)
        snprintf(sv->notice, sizeof sv->notice,
                 "The kiosk stopped during an import, after the new directory was in place: "
                 "the bundle signed %s is in use (%d %s). Its report was not written; "
                 "export the stats again if you need them.",
                 when, n, nn(n, "mentor", "mentors"));
    else
        snprintf(sv->notice, sizeof sv->notice,
                 "The kiosk stopped during an import of the bundle signed %s, before it "
                 "finished: the directory from before it is in use (%d %s). Plug the stick "
                 "in again to import it.",
                 when, n, nn(n, "mentor", "mentors"));
    fprintf(stderr, "career-kiosk: %s\n", sv->notice);
    unlink(path);
}

/* Looks at what is mounted now. */
static void stick_scan(App *a);

/* Waits for staff work on the worker thread to end (see below). */
static void worker_settle(App *a);

/* How long each lock lasts: a run of STAFF_TRIES wrong PINs locks staff
 * mode, and each further run without a right PIN in between locks it
 * longer, up to the last (a guesser gets a few tries a day, staff who
 * mistype a few times wait minutes). */
static const int lock_minutes[] = {5, 15, 60, 240, 1440};
static const char *const lock_adjective[] = {"five-minute", "15-minute", "one-hour", "four-hour",
                                             "one-day"};
enum { LOCK_STEPS = sizeof lock_minutes / sizeof *lock_minutes };

/* Which lock `lockouts` is (1 for the first), as an index of the above. */
static int lock_step(int lockouts)
{
    return lockouts < 1 ? 0 : lockouts > LOCK_STEPS ? LOCK_STEPS - 1 : lockouts - 1;
}

/* The length of lock number `lockouts` (1 for the first), in ms. */
static uint64_t lock_ms(int lockouts)
{
    return (uint64_t)lock_minutes[lock_step(lockouts)] * 60000;
}

/* The wrong-PIN count, the number of locks since the last right PIN,
 * the lock and the wrong PINs since the last entry (how many, first and
 * last) are kept in the directory's metadata (keep.*, so imports carry
 * them), so a restart, a power cut being enough, clears none of them.
 * The lock is kept as the wall-clock second it ends; what is left of it
 * comes back on the platform clock, never more than the whole lock (a
 * clock set back cannot lengthen it). */
static void meta_set_ll(App *a, const char *key, long long v)
{
    char text[32];
    snprintf(text, sizeof text, "%lld", v);
    store_meta_set(a->store, key, text);
}

static long long meta_get_ll(App *a, const char *key)
{
    char v[32];
    return store_meta_get(a->store, key, v, sizeof v) ? atoll(v) : 0;
}

static void pin_state_save(App *a)
{
    const Staff *st = &a->staff;
    uint64_t now = platform_now(a->platform);
    long long until = st->locked_until > now
                          ? clock_unix(&a->clock) + (long long)((st->locked_until - now) / 1000)
                          : 0;
    if (!a->store)
        return;
    meta_set_ll(a, "keep.staff_pin_tries", st->tries);
    meta_set_ll(a, "keep.staff_locked_until", until);
    meta_set_ll(a, "keep.staff_pin_lockouts", st->lockouts);
    meta_set_ll(a, "keep.staff_pin_failed", st->failed);
    meta_set_ll(a, "keep.staff_pin_failed_first", st->failed_first);
    meta_set_ll(a, "keep.staff_pin_failed_last", st->failed_last);
}

static void pin_state_load(App *a)
{
    Staff *st = &a->staff;
    long long tries = meta_get_ll(a, "keep.staff_pin_tries");
    long long lockouts = meta_get_ll(a, "keep.staff_pin_lockouts");
    long long failed = meta_get_ll(a, "keep.staff_pin_failed");
    st->tries = tries > 0 && tries < STAFF_TRIES ? (int)tries : 0;
    st->lockouts = lockouts > 0 && lockouts < 1000 ? (int)lockouts : 0;
    st->failed = failed > 0 && failed < 1000000 ? (int)failed : 0;
    st->failed_first = meta_get_ll(a, "keep.staff_pin_failed_first");
    st->failed_last = meta_get_ll(a, "keep.staff_pin_failed_last");
    long long left = meta_get_ll(a, "keep.staff_locked_until") - clock_unix(&a->clock);
    if (left <= 0)
        return;
    if ((uint64_t)left * 1000 > lock_ms(st->lockouts))
        left = (long long)(lock_ms(st->lockouts) / 1000);
    st->locked_until = platform_now(a->platform) + (uint64_t)left * 1000;
    fprintf(stderr, "career-kiosk: staff mode is still locked after wrong PINs (%lld s left)\n",
            left);
}

/* "5 minutes", "1 hour", "4 hours", "1 day": a lock's length in words. */
static void lock_words(uint64_t ms, char *out, size_t cap)
{
    long long min = (long long)(ms / 60000);
    if (min % 1440 == 0)
        snprintf(out, cap, "%lld %s", min / 1440, min == 1440 ? "day" : "days");
    else if (min % 60 == 0)
        snprintf(out, cap, "%lld %s", min / 60, min == 60 ? "hour" : "hours");
    else
        snprintf(out, cap, "%lld %s", min, min == 1 ? "minute" : "minutes");
}

/* The right PIN after wrong ones: staff see how many were tried and
 * when, since the last entry; the log says so too. */
static void attempts_notice(App *a)
{
    Staff *st = &a->staff;
    StaffView *sv = &st->show;
    char first[24], last[24], since[80] = "";
    long long entry = meta_get_ll(a, "keep.staff_pin_last_entry");
    sv->attempts[0] = '\0';
    if (st->failed == 0)
        return;
    bundle_when_text(st->failed_first, first, sizeof first);
    bundle_when_text(st->failed_last, last, sizeof last);
    if (entry > 0) {
        char when[24];
        bundle_when_text(entry, when, sizeof when);
        snprintf(since, sizeof since, " since the last staff entry (%s)", when);
    }
    int n = snprintf(sv->attempts, sizeof sv->attempts, "%d wrong %s entered%s", st->failed,
                     st->failed == 1 ? "PIN was" : "PINs were", since);
    if (st->failed == 1)
        snprintf(sv->attempts + n, sizeof sv->attempts - (size_t)n, ", at %s.", first);
    else
        snprintf(sv->attempts + n, sizeof sv->attempts - (size_t)n,
                 ", the first at %s and the last at %s.", first, last);
    if (st->failed >= STAFF_TRIES)
        append(sv->attempts, sizeof sv->attempts, "%s",
               " If nobody on staff mistyped them, someone may be guessing the PIN: set a "
               "new one with career-kiosk-admin set-pin.");
    fprintf(stderr, "career-kiosk: staff entered after %d wrong %s (first %s, last %s)\n",
            st->failed, st->failed == 1 ? "PIN" : "PINs", first, last);
}

/* The inbox (below). */
static void inbox_open(App *a);
static void stale_look(App *a);

/* The search index checked through, once the first frame is up (it
 * reads the whole index): a damaged one is rebuilt, and staff told. */
static bool job_index_check(App *a)
{
    if (a->store && store_check_index(a->store)) {
        text_copy(a->staff.show.notice, sizeof a->staff.show.notice, store_notice(a->store));
        fprintf(stderr, "career-kiosk: %s\n", a->staff.show.notice);
        a->dirty = true;
    }
    return true;
}

void staff_open(App *a)
{
    Staff *st = &a->staff;
    st->mounts = mounts_watch();
    if (store_notice(a->store)[0]) {
        text_copy(st->show.notice, sizeof st->show.notice, store_notice(a->store));
        fprintf(stderr, "career-kiosk: %s\n", st->show.notice);
    }
    app_after_frame(a, job_index_check);
    read_marker(a);
    pin_state_load(a);
    stick_scan(a); /* a stick plugged in before the kiosk started counts */
    inbox_open(a); /* and a bundle that came while it was not running */
    stale_look(a);
}

void staff_close(App *a)
{
    Staff *st = &a->staff;
    worker_settle(a);
    print_end(st->print_job);
    bundle_free(&st->bundle);
    mounts_close(st->mounts);
    inbox_close(st->inbox);
    sign_wipe(st->pin, sizeof st->pin);
    memset(st, 0, sizeof *st);
}

bool staff_active(const App *a)
{
    return a->staff.show.step != STAFF_OFF;
}

static void go(App *a, StaffStep step)
{
    a->staff.show.step = step;
    a->ui.focus = 0;
    a->ui.focus_buf = NULL;
    for (int i = 0; i < UI_SCROLLS; i++)
        a->ui.scroll[i] = (UiScroll){0};
    a->dirty = true;
}

/* Shows how something ended. */
static void result(App *a, bool ok, const char *title, const char *message)
{
    StaffView *sv = &a->staff.show;
    sv->ok = ok;
    text_copy(sv->title, sizeof sv->title, title);
    text_copy(sv->message, sizeof sv->message, message);
    go(a, STAFF_RESULT);
}

static void begin(App *a, bool for_stick)
{
    Staff *st = &a->staff;
    sign_wipe(st->pin, sizeof st->pin);
    st->show.for_stick = for_stick;
    st->show.pin_wrong = false;
    st->show.stick_waiting = false;
    platform_text_input(a->platform, false);
    a->text_input = false;
    go(a, STAFF_PIN);
}

static bool job_check(App *a);
static bool job_import(App *a);
static void stick_arrived(App *a);
static bool import_done(App *a);
static bool rollback_done(App *a);
static bool job_rollback(App *a);
static bool job_export(App *a);
static bool job_test_print(App *a);

/* --- the inbox: another source of a bundle --- */

/* Looks for the inbox's newest bundle: the latest signed, whatever the
 * folders are named (see bundle_pick_start); one already handled
 * (imported or refused, remembered across restarts) is not taken again. */
static void inbox_scan(App *a)
{
    Staff *st = &a->staff;
    StaffView *sv = &st->show;
    char seen[BUNDLE_SEEN_MAX] = "", shown[STAFF_PATH_MAX + 40];
    BundlePicking picking;
    BundlePick pick;
    if (a->cfg.inbox == CONFIG_INBOX_OFF)
        return;
    if (a->store)
        store_meta_get(a->store, "keep.inbox_seen", seen, sizeof seen);
    bundle_pick_start(&picking, a->cfg.inbox_dir, &a->cfg.trust, bundle_imported_at(a->store),
                      seen);
    bool found = inbox_each(a->cfg.inbox_dir, bundle_pick_consider, &picking) &&
                 bundle_pick_end(&picking, &pick);
    if (!found) {
        if (!sv->from_inbox) {
            sv->inbox[0] = st->inbox_id[0] = '\0';
            sv->inbox_waiting = false;
        }
        return;
    }
    if (strcmp(pick.id, st->inbox_id) == 0)
        return;
    text_copy(sv->inbox, sizeof sv->inbox, pick.path);
    text_copy(st->inbox_id, sizeof st->inbox_id, pick.id);
    sv->inbox_waiting = a->cfg.inbox == CONFIG_INBOX_STAFF;
    fprintf(stderr, "career-kiosk: a bundle came into the inbox: %s%s\n",
            text_escape(pick.path, shown, sizeof shown),
            sv->inbox_waiting ? " (it waits for staff)" : "");
    a->dirty = true;
}

/* The inbox's bundle was dealt with (imported or refused): not again. */
static void inbox_handled(App *a)
{
    Staff *st = &a->staff;
    char seen[BUNDLE_SEEN_MAX] = "";
    if (a->store && st->work_inbox_id[0]) {
        store_meta_get(a->store, "keep.inbox_seen", seen, sizeof seen);
        bundle_seen_add(seen, sizeof seen, st->work_inbox_id);
        store_meta_set(a->store, "keep.inbox_seen", seen);
    }
    /* a newer bundle may have come meanwhile: that one still waits */
    if (strcmp(st->inbox_id, st->work_inbox_id) == 0) {
        st->show.inbox[0] = st->inbox_id[0] = '\0';
        st->show.inbox_waiting = false;
    }
    st->work_inbox_id[0] = '\0';
}

bool staff_inbox_pending(const App *a)
{
    return a->staff.show.inbox[0] != '\0' || a->staff.show.from_inbox;
}

/* The stats for the fleet, in the outbox: at start, then every
 * outbox_hours (and after each import, see write_back). */
static void outbox_tick(App *a)
{
    Staff *st = &a->staff;
    char written[900] = "", err[300] = "";
    uint64_t now = platform_now(a->platform), every = (uint64_t)a->cfg.outbox_hours * 3600000;
    if (a->cfg.inbox == CONFIG_INBOX_OFF || !a->store || st->worker_started ||
        (st->outbox_done && now - st->outbox_written < every))
        return;
    st->outbox_done = true;
    st->outbox_written = now;
    if (bundle_write_outbox_stats(a->cfg.outbox_dir, a->cfg.kiosk_id, clock_unix(&a->clock),
                                  a->store, written, sizeof written, err, sizeof err))
        fprintf(stderr, "career-kiosk: stats written to the outbox %s: %s\n", a->cfg.outbox_dir,
                written);
    else
        fprintf(stderr, "career-kiosk: the stats could not be written to the outbox: %s\n", err);
}

/* After stale_days without a new bundle, staff see a notice. */
static void stale_look(App *a)
{
    StaffView *sv = &a->staff.show;
    char when[40] = "", source[120] = "";
    Date last;
    sv->stale[0] = '\0';
    if (a->cfg.stale_days <= 0 || !a->store)
        return;
    store_meta_get(a->store, "import_time", when, sizeof when);
    store_meta_get(a->store, "import_source", source, sizeof source);
    when[10] = '\0';
    if (!date_parse(when, &last)) {
        snprintf(sv->stale, sizeof sv->stale,
                 "No bundle has arrived yet: the directory is still the one it started with. "
                 "Check the fetch (systemctl status career-kiosk-fetch.timer).");
        return;
    }
    int days = date_to_days(a->today) - date_to_days(last);
    if (days >= a->cfg.stale_days)
        snprintf(sv->stale, sizeof sv->stale,
                 "No new bundle for %d %s: the last arrived %s, from %.120s. Check the fetch "
                 "(systemctl status career-kiosk-fetch.timer) and the server it fetches from.",
                 days, nn(days, "day", "days"), when, source[0] ? source : "a file");
}

/* inbox = auto: a checked bundle is taken as soon as no visitor is
 * mid-session, so the current visitor finishes first. */
static void inbox_auto(App *a)
{
    Staff *st = &a->staff;
    if (a->cfg.inbox != CONFIG_INBOX_AUTO || !st->show.inbox[0] || staff_active(a) ||
        st->worker_started || a->step != SCREEN_WELCOME || a->idle_warning || a->print_job ||
        !a->store)
        return;
    if (st->show.inbox_waiting)
        return; /* held for staff (it would shrink the directory) */
    fprintf(stderr, "career-kiosk: no visitor is mid-session: taking the inbox's bundle\n");
    st->show.from_inbox = true;
    st->by_staff = false;
    a->last_input = platform_now(a->platform);
    go(a, STAFF_CHECKING);
    app_after_frame(a, job_check);
}

/* Starts (or starts again) watching the inbox. */
static void inbox_open(App *a)
{
    Staff *st = &a->staff;
    st->show.inbox_mode = (int)a->cfg.inbox;
    if (a->cfg.inbox == CONFIG_INBOX_OFF)
        return;
    inbox_close(st->inbox);
    st->inbox = inbox_watch(a->cfg.inbox_dir);
    if (!st->inbox && !st->inbox_warned)
        fprintf(stderr, "career-kiosk: cannot watch the inbox %s yet; looking every minute\n",
                a->cfg.inbox_dir);
    st->inbox_warned = !st->inbox;
    st->inbox_looked = platform_now(a->platform);
    inbox_scan(a);
}

/* Every tick: what inotify saw, a look every minute without it (or in
 * case it missed something), the outbox's schedule, the staleness. */
static void inbox_tick(App *a)
{
    Staff *st = &a->staff;
    bool gone = false;
    uint64_t now = platform_now(a->platform);
    if (a->cfg.inbox == CONFIG_INBOX_OFF)
        return;
    if (inbox_changed(st->inbox, &gone))
        inbox_scan(a);
    if (gone || now - st->inbox_looked >= 60000) {
        if (gone || !st->inbox)
            inbox_open(a);
        else
            inbox_scan(a);
        st->inbox_looked = now;
    }
    if (now - st->stale_looked >= 3600000) {
        st->stale_looked = now;
        stale_look(a);
    }
    outbox_tick(a);
    inbox_auto(a);
}

void staff_end(App *a)
{
    Staff *st = &a->staff;
    worker_settle(a);
    sign_wipe(st->pin, sizeof st->pin);
    bundle_free(&st->bundle);
    app_cancel(a, job_check);
    app_cancel(a, job_import);
    app_cancel(a, job_export);
    app_cancel(a, job_rollback);
    st->show.preview[0] = '\0';
    bool inbox = st->show.from_inbox;
    if (st->show.stick[0] && !inbox)
        st->stick_handled = true; /* not again until it is plugged in again */
    st->show.from_inbox = false;
    a->last_input = platform_now(a->platform);
    go(a, STAFF_OFF);
    /* a stick that came while the inbox's bundle was taken opens now */
    if (inbox && st->show.stick[0] && !st->stick_handled)
        stick_arrived(a);
}

void staff_visitor_done(App *a)
{
    if (a->staff.show.stick_waiting && a->staff.show.stick[0])
        begin(a, true);
}

/* A job under way, once its frame shows: staff mode stays open for it. */
static bool working(const App *a)
{
    return app_queued(a, job_check) || app_queued(a, job_import) || app_queued(a, job_export) ||
           app_queued(a, job_rollback);
}

static void stick_arrived(App *a)
{
    Staff *st = &a->staff;
    a->dirty = true;
    if (staff_active(a))
        return; /* the menu shows what the stick offers */
    if (a->step == SCREEN_WELCOME && !a->idle_warning)
        begin(a, true);
    else
        st->show.stick_waiting = true; /* a visitor is busy: a banner, and later */
}

static void stick_gone(App *a)
{
    Staff *st = &a->staff;
    StaffStep step = st->show.step;
    st->show.stick[0] = '\0';
    st->show.stick_waiting = false;
    st->stick_handled = false;
    a->dirty = true;
    if (st->show.from_inbox)
        return; /* staff work on the inbox's bundle, not the stick's */
    if (step == STAFF_PIN && st->show.for_stick)
        staff_end(a);
    else if (step == STAFF_CHECKING || step == STAFF_PREVIEW) {
        worker_settle(a); /* a copy off the pulled stick ends at once */
        bundle_free(&st->bundle);
        app_cancel(a, job_check);
        result(a, false, "The stick was removed",
               "Nothing was changed. Plug the stick in again to import it.");
    }
}

/* The device a mount point is on, or 0. */
static unsigned long long device_of(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (unsigned long long)st.st_dev : 0;
}

/* Whether the stick staff are working with is still the one mounted
 * there: another stick left in (or plugged in at the same place) is not
 * it, so its preview is never imported from the wrong stick. */
static bool stick_still_in(const Staff *st)
{
    return st->show.stick[0] && mounts_has(st->show.stick, BUNDLE_FOLDER) &&
           device_of(st->show.stick) == st->stick_dev;
}

static void stick_scan(App *a)
{
    Staff *st = &a->staff;
    char m[MOUNTS_PATH_MAX] = "";
    /* a preview belongs to its stick: when that stick goes, it is gone,
     * even while a second stick stays in */
    if (st->show.stick[0] && !stick_still_in(st))
        stick_gone(a);
    if (st->show.stick[0] || !mounts_find(a->cfg.usb_roots, BUNDLE_FOLDER, m, sizeof m))
        return;
    text_copy(st->show.stick, sizeof st->show.stick, m);
    st->stick_dev = device_of(m);
    st->stick_handled = false;
    char shown[MOUNTS_PATH_MAX + 40];
    fprintf(stderr, "career-kiosk: a staff stick is mounted at %s\n",
            text_escape(m, shown, sizeof shown));
    stick_arrived(a);
}

static int locked_seconds(const App *a)
{
    uint64_t now = platform_now(a->platform);
    return a->staff.locked_until > now ? (int)((a->staff.locked_until - now + 999) / 1000) : 0;
}

/* The printer's state, for the menu. */
static void printer_line(App *a, char *out, size_t cap)
{
    char where[300];
    if (a->cfg.print.kind == PRINT_NONE) {
        text_copy(out, cap, "No printer is set up (visitors use the QR codes).");
        return;
    }
    PrinterStatus ps;
    print_status(&a->cfg.print, &ps);
    print_setup_describe(&a->cfg.print, where, sizeof where);
    snprintf(out, cap, "%.120s: %s%.150s", where,
             printer_usable(ps.state) ? "ready. " : "NOT READY. ", ps.detail);
}

/* An import time as recorded (2026-11-22T10:00:00Z) as staff read it
 * (2026-11-22 10:00 UTC); anything else as it is. */
static void iso_words(const char *iso, char *out, size_t cap)
{
    if (strlen(iso) == 20 && iso[10] == 'T')
        snprintf(out, cap, "%.10s %.5s UTC", iso, iso + 11);
    else
        text_copy(out, cap, iso);
}

/* The list kept from before the last import, for the menu and the
 * rollback's confirmation: none when it cannot be read. */
static void backup_look(App *a)
{
    StaffView *sv = &a->staff.show;
    StoreBackup bak;
    char err[300];
    sv->backup_mentors = 0;
    sv->backup_when[0] = sv->backup_source[0] = '\0';
    sv->mentors_now = a->store ? store_mentor_count(a->store) : 0;
    if (!store_backup_info(a->cfg.database, &bak, err, sizeof err))
        return;
    sv->backup_mentors = bak.mentors;
    iso_words(bak.when, sv->backup_when, sizeof sv->backup_when);
    text_copy(sv->backup_source, sizeof sv->backup_source, bak.source);
}

/* The directory's health for the menu: "48 mentors in the directory.
 * Last import ...", with the printer's state. */
static void health_text(App *a, char *out, size_t cap)
{
    char when[40] = "", source[120] = "", by[80] = "", signed_at[24] = "", line[200] = "";
    char printer[300];
    int n = store_mentor_count(a->store);
    printer_line(a, printer, sizeof printer);
    store_meta_get(a->store, "import_time", when, sizeof when);
    store_meta_get(a->store, "import_source", source, sizeof source);
    store_meta_get(a->store, "keep.bundle_signed_by", by, sizeof by);
    char iso[40];
    text_copy(iso, sizeof iso, when);
    iso_words(iso, when, sizeof when);
    long long at = bundle_imported_at(a->store);
    if (at)
        bundle_when_text(at, signed_at, sizeof signed_at);
    if (at)
        snprintf(line, sizeof line, "\nLast signed bundle: signed %s by %s.", signed_at, by);
    char from[240] = "No import yet.";
    if (when[0])
        snprintf(from, sizeof from, "Last import: %s, from %.120s.", when,
                 source[0] ? source : "a file");
    else if (source[0])
        snprintf(from, sizeof from, "The directory is the %.120s.", source);
    snprintf(out, cap, "%d %s in the directory.\n%s%s\nPrinter: %s", n, nn(n, "mentor", "mentors"),
             from, line, printer);
}

static void open_menu(App *a)
{
    health_text(a, a->staff.show.health, sizeof a->staff.show.health);
    backup_look(a);
    go(a, STAFF_MENU);
}

static void pin_key(App *a, char key)
{
    Staff *st = &a->staff;
    size_t n = strlen(st->pin);
    if (locked_seconds(a) || !a->cfg.pin_hash[0])
        return;
    a->dirty = true;
    if (key >= '0' && key <= '9' && n < STAFF_PIN_MAX) {
        st->pin[n] = key;
        st->pin[n + 1] = '\0';
        st->show.pin_wrong = false;
    } else if (key == '\b' && n)
        st->pin[n - 1] = '\0';
    if (key != '\r' || n == 0)
        return;
    bool right = sign_pin_check(a->cfg.pin_hash, st->pin);
    sign_wipe(st->pin, sizeof st->pin);
    if (!right) {
        long long now = clock_unix(&a->clock);
        st->show.pin_wrong = true;
        if (st->failed++ == 0)
            st->failed_first = now;
        st->failed_last = now;
        if (++st->tries >= STAFF_TRIES) {
            char words[40];
            st->tries = 0;
            st->lockouts++;
            st->locked_until = platform_now(a->platform) + lock_ms(st->lockouts);
            lock_words(lock_ms(st->lockouts), words, sizeof words);
            fprintf(stderr,
                    "career-kiosk: %d wrong staff PINs; staff mode locked for %s (lock %d since "
                    "the last right PIN)\n",
                    STAFF_TRIES, words, st->lockouts);
        }
        pin_state_save(a);
        return;
    }
    attempts_notice(a);
    st->tries = st->lockouts = st->failed = 0;
    st->failed_first = st->failed_last = 0;
    st->show.pin_wrong = false;
    pin_state_save(a);
    if (a->store)
        meta_set_ll(a, "keep.staff_pin_last_entry", clock_unix(&a->clock));
    if (st->show.for_stick && st->show.stick[0]) {
        go(a, STAFF_CHECKING);
        app_after_frame(a, job_check);
    } else
        open_menu(a);
}

/* Writes what staff take home: the report and the stats, to the stick,
 * or for an inbox bundle to the outbox (for the fleet's central folder).
 * Adds what happened to the result's words. */
static void write_back(App *a, const ImportReport *rep, char *words, size_t cap)
{
    Staff *st = &a->staff;
    char names[400] = "", err[300] = "", written[900] = "";
    size_t n = strlen(words);
    bool inbox = st->bundle.inbox;
    bool ok = bundle_write_report(&st->bundle, rep, written, sizeof written, err, sizeof err) &&
              (inbox ? bundle_write_outbox_stats(a->cfg.outbox_dir, a->cfg.kiosk_id,
                                                 clock_unix(&a->clock), a->store, names,
                                                 sizeof names, err, sizeof err)
                     : bundle_write_stats(st->show.stick, st->bundle.stamp, a->store, names,
                                          sizeof names, err, sizeof err));
    if (names[0]) {
        size_t w = strlen(written);
        snprintf(written + w, sizeof written - w, ", %s", names);
    }
    if (ok && inbox) {
        st->outbox_written = platform_now(a->platform);
        st->outbox_done = true;
        snprintf(words + n, cap - n, "\n\nWritten to the outbox (%s): %s.", a->cfg.outbox_dir,
                 written);
    } else if (ok) {
        sync();
        if (a->cfg.inbox != CONFIG_INBOX_OFF) { /* the fleet's stats include the stick's import */
            char more[600] = "", why[300] = "";
            if (!bundle_write_outbox_stats(a->cfg.outbox_dir, a->cfg.kiosk_id,
                                           clock_unix(&a->clock), a->store, more, sizeof more, why,
                                           sizeof why))
                fprintf(stderr, "career-kiosk: the stats could not be written to the outbox: %s\n",
                        why);
        }
        snprintf(words + n, cap - n,
                 "\n\nWritten to the stick, in %s/reports: %s.\n\nIt is safe to remove the "
                 "stick.",
                 BUNDLE_FOLDER, written);
    } else
        snprintf(words + n, cap - n, "\n\nThe report could not be written to the %s: %s.",
                 inbox ? "outbox" : "stick", err);
    if (inbox)
        fprintf(stderr, "career-kiosk: %s\n", words + n + 2);
}

/* An inbox bundle refused before its rows were read (not signed, a
 * stranger's key, old): the report says why, in the outbox. */
static void write_refusal(App *a, char *words, size_t cap)
{
    ImportReport rep;
    memset(&rep, 0, sizeof rep);
    rep.outcome = IMPORT_REFUSED;
    text_copy(rep.refusal, sizeof rep.refusal, a->staff.bundle.reason);
    text_copy(rep.encoding, sizeof rep.encoding, "(not read)");
    write_back(a, &rep, words, cap);
}

/* One line per rejected row, the first few. */
static void rejected_rows(const ImportReport *r, char *out, size_t cap)
{
    size_t n = 0;
    out[0] = '\0';
    for (int i = 0; i < r->nlisted && i < 5 && n < cap; i++) {
        char row[400];
        bundle_rejection_text(&r->rejection[i], row, sizeof row);
        n += (size_t)snprintf(out + n, cap - n, "%s\n", row);
    }
    if (r->rejected > 5 && n < cap)
        snprintf(out + n, cap - n, "...and %d more. The report on the stick lists them all.\n",
                 r->rejected - 5);
}

/* True when a list of `accepted` would take away half the directory's
 * `now` mentors or more (of ten or more) that a signed bundle brought (the
 * built-in sample is no staff list to keep): a list cut exactly at a
 * row's end reads as a whole, shorter list, and only a person can tell. */
static bool shrinks(const App *a, int now, int accepted)
{
    return now >= 10 && accepted * 2 <= now && a->store && bundle_imported_at(a->store) > 0;
}

/* "3 mentors are added: A, B and C." or "...: A, B, C, and 12 more.":
 * a side of who comes and goes, the names listed and the rest counted. */
static void change_line(char *out, size_t cap, int count, const char *verb,
                        const char (*names)[IMPORT_CHANGE_NAME], int listed)
{
    append(out, cap, "\n%d %s %s", count, nn(count, "mentor is", "mentors are"), verb);
    for (int i = 0; i < listed; i++)
        append(out, cap, "%s%s",
               i == 0                               ? ": "
               : i == listed - 1 && count == listed ? " and "
                                                    : ", ",
               names[i]);
    if (count > listed)
        append(out, cap, ", and %d more", count - listed);
    append(out, cap, ".");
}

/* Who the import adds and takes away, for the preview (nothing when
 * there was no directory to compare with). */
static void changes_text(const ImportReport *r, char *out, size_t cap)
{
    const ImportChanges *c = &r->changes;
    out[0] = '\0';
    if (!c->compared)
        return;
    append(out, cap, "\n\nWho comes and goes:");
    if (c->added == 0 && c->removed == 0) {
        append(out, cap,
               "\nNobody is added or removed: the same mentors, with their details as "
               "in the export.");
        return;
    }
    if (c->added)
        change_line(out, cap, c->added, "added", c->added_name, c->nadded);
    else
        append(out, cap, "\nNobody is added.");
    if (c->removed)
        change_line(out, cap, c->removed, "removed", c->removed_name, c->nremoved);
    else
        append(out, cap, "\nNobody is removed.");
    int stay = r->accepted - c->added;
    if (stay > 0)
        append(out, cap, "\n%d %s, with %s details as in the export.", stay,
               nn(stay, "mentor stays", "mentors stay"), "their");
}

/* What the checked bundle holds, for the preview. */
static void preview_text(App *a)
{
    Staff *st = &a->staff;
    const Bundle *b = &st->bundle;
    const ImportReport *r = &b->preview;
    char rows[1500], signed_at[24] = "", changes[1200];
    bundle_when_text(b->signed_at, signed_at, sizeof signed_at);
    snprintf(st->show.import_label, sizeof st->show.import_label, "Import %d %s", r->accepted,
             nn(r->accepted, "mentor", "mentors"));
    rejected_rows(r, rows, sizeof rows);
    changes_text(r, changes, sizeof changes);
    /* a list cut at a row's end reads as a whole, shorter list: say so
     * when it would take away half the directory or more */
    char shrink[300] = "";
    if (shrinks(a, st->mentors_now, r->accepted))
        snprintf(shrink, sizeof shrink,
                 "\nThat is %d fewer than now. If the export should hold everyone, it may have "
                 "been cut short or filtered: check it before importing.",
                 st->mentors_now - r->accepted);
    snprintf(st->show.preview, sizeof st->show.preview,
             "Signed %s by %s.%s%s\n\nmentors.csv: %d %s. %d will be imported, %d "
             "rejected.\nThe directory has %d %s now; the import replaces %s.%s%s%s%s%s%s%s%s",
             signed_at, b->signer, b->inbox ? " It came through the inbox." : "",
             b->sealed ? " mentors.csv came encrypted (mentors.csv.age)." : "", r->rows,
             nn(r->rows, "row", "rows"), r->accepted, r->rejected, st->mentors_now,
             nn(st->mentors_now, "mentor", "mentors"), nn(st->mentors_now, "it", "them"), changes,
             shrink,
             b->has_questions ? "\n\nquestions.csv: the question bank will be replaced." : "",
             b->has_synonyms ? "\n\nsynonyms.csv: the synonym table will be replaced." : "",
             r->ignored[0] ? "\n\nColumns not used: " : "", r->ignored,
             r->rejected ? "\n\nRejected rows:\n" : "", rows);
    /* a stick's PIN leads here, not to the menu: the wrong PINs before it
     * are said here too */
    if (st->show.attempts[0])
        append(st->show.preview, sizeof st->show.preview, "\n\nStaff PIN: %s", st->show.attempts);
}

/* After why a bundle was refused: what staff do about it, by why. */
static void next_step(const Bundle *b, bool inbox, char *words, size_t cap)
{
    const char *again =
        inbox ? "then put the new bundle in the inbox's folder" : "then plug the stick in again";
    const char *what = "";
    switch (b->status) {
    case BUNDLE_MISSING:
        what = "put the signed export (mentors.csv and mentors.csv.minisig) in the career-kiosk "
               "folder,";
        break;
    case BUNDLE_NOT_SIGNED:
        what = "sign the export on the office laptop with the office's key, copy the .minisig "
               "file beside it,";
        break;
    case BUNDLE_BAD_SIGNATURE:
        what = "sign the export again on the office laptop and copy both files again, without "
               "opening or editing the CSV after signing it,";
        break;
    case BUNDLE_UNKNOWN_KEY:
        what = "sign the export with the office's trusted key (the one that signed the bundles "
               "this kiosk took before), or ask IT to add the new key to the kiosk's config under "
               "[bundles] trusted_key,";
        break;
    case BUNDLE_NO_KEYS:
        what = "ask IT to add the office's public key to the kiosk's config under [bundles] "
               "trusted_key,";
        break;
    case BUNDLE_OLD:
        what = "export the directory again and sign the new export (each bundle must be signed "
               "after the one imported before it),";
        break;
    case BUNDLE_BAD_TIME:
        what = "set the clock of the computer that signed it right, sign the export again,";
        break;
    case BUNDLE_PULLED:
        what = inbox ? "check that the inbox's folder is reachable,"
                     : "leave the stick in until the kiosk says it is done (if it happens again, "
                       "try another stick),";
        break;
    case BUNDLE_DISK:
        append(words, cap,
               "\n\nWhat to do next: the kiosk's own disk is full or failing, and "
               "the directory in use is safe. Ask IT to free space or check the disk, "
               "%s.",
               again);
        return;
    case BUNDLE_DATA:
        what = b->preview.rejected > 0
                   ? inbox
                         ? "fix the rows listed in the report in the outbox, export and sign again,"
                         : "fix the rows listed in the report on the stick (in "
                           "career-kiosk/reports), export and sign again,"
                   : "fix mentors.csv as said above, export and sign it again,";
        break;
    default:
        return;
    }
    append(words, cap, "\n\nWhat to do next: %s %s.", what, again);
}

/* --- the worker thread: a big bundle must not stall the screen (and
 * the watchdog) for its copy, check and import. While it runs, the
 * worker alone touches the Bundle (and the directory's file, for the
 * import); the main loop draws, counts the bytes and waits. --- */

static void copy_progress(void *ctx, long long done, long long total)
{
    Staff *st = ctx;
    atomic_store(&st->copied, done);
    atomic_store(&st->to_copy, total);
}

/* The worker's last step: its job (job_check, job_import, job_rollback)
 * takes the result at the loop's next tick, which this wakes, so staff
 * see the preview or the result without touching the screen. */
static void worker_finished(Staff *st)
{
    atomic_store(&st->worker_done, true);
    platform_wake();
}

static void *check_work(void *arg)
{
    App *a = arg;
    Staff *st = &a->staff;
    Bundle *b = &st->bundle;
    bool fetched = st->show.from_inbox
                       ? bundle_fetch_inbox(b, st->work_stick, st->work_spool, a->cfg.outbox_dir,
                                            copy_progress, st)
                       : bundle_fetch(b, st->work_stick, st->work_spool, copy_progress, st);
    st->work_ok = fetched && bundle_check(b, &a->cfg.trust, st->work_imported_at, st->work_year);
    worker_finished(st);
    return NULL;
}

static void *import_work(void *arg)
{
    App *a = arg;
    Staff *st = &a->staff;
    st->work_ok =
        bundle_import(&st->bundle, a->cfg.database, st->work_when, st->work_year, &st->work_rep);
    worker_finished(st);
    return NULL;
}

static void *rollback_work(void *arg)
{
    App *a = arg;
    Staff *st = &a->staff;
    st->work_err[0] = '\0';
    st->work_ok = store_rollback(a->cfg.database, st->work_err, sizeof st->work_err);
    worker_finished(st);
    return NULL;
}

/* Starts fn on the worker thread (or, when no thread can be made, runs
 * it here). */
static void worker_start(App *a, void *(*fn)(void *))
{
    Staff *st = &a->staff;
    atomic_store(&st->worker_done, false);
    atomic_store(&st->copied, 0);
    atomic_store(&st->to_copy, 0);
    st->ticks_while_working = 0;
    st->work_began = clock_ms();
    st->worker_started = pthread_create(&st->worker, NULL, fn, a) == 0;
    if (!st->worker_started)
        fn(a);
}

/* Waits for the worker, if one runs. */
static void worker_join(Staff *st)
{
    if (!st->worker_started)
        return;
    pthread_join(st->worker, NULL);
    st->worker_started = false;
    fprintf(stderr,
            "career-kiosk: staff work took %.1f s on its worker; the main loop ticked %ld "
            "times meanwhile\n",
            (clock_ms() - st->work_began) / 1000.0, st->ticks_while_working);
}

bool staff_working(const App *a)
{
    return a->staff.worker_started;
}

/* Ends whatever the worker does before staff mode goes away: waits for
 * it, and after an import opens the directory again. */
static void worker_settle(App *a)
{
    Staff *st = &a->staff;
    if (!st->worker_started && !atomic_load(&st->worker_done))
        return;
    worker_join(st);
    atomic_store(&st->worker_done, false);
    if (!a->store)
        st->rolling_back ? rollback_done(a) : import_done(a);
}

/* Copies and checks the stick's bundle on the worker: the preview, or
 * why not. Says "not yet" while the worker runs. */
static bool job_check(App *a)
{
    Staff *st = &a->staff;
    Bundle *b = &st->bundle;
    if (!st->worker_started && !atomic_load(&st->worker_done)) {
        const char *source = st->show.from_inbox ? st->show.inbox : st->show.stick;
        if (!source[0] || st->show.step != STAFF_CHECKING)
            return true;
        bundle_begin(b, clock_unix(&a->clock));
        b->questions_imported_at = bundle_questions_imported_at(a->store);
        text_copy(b->age_key, sizeof b->age_key, a->cfg.age_key);
        text_copy(b->compare, sizeof b->compare, a->cfg.database);
        if (st->show.from_inbox)
            bundle_outbox_lead(a->cfg.kiosk_id, b->stamp, b->lead, sizeof b->lead);
        text_copy(st->work_inbox_id, sizeof st->work_inbox_id,
                  st->show.from_inbox ? st->inbox_id : "");
        spool_dir(a, st->work_spool, sizeof st->work_spool);
        text_copy(st->work_stick, sizeof st->work_stick, source);
        st->work_imported_at = bundle_imported_at(a->store);
        st->work_year = a->today.y;
        worker_start(a, check_work);
        return false;
    }
    if (!atomic_load(&st->worker_done))
        return false;
    worker_join(st);
    atomic_store(&st->worker_done, false);
    if (st->show.step != STAFF_CHECKING) /* the stick went meanwhile */
        return true;
    bool automatic = st->show.from_inbox && a->cfg.inbox == CONFIG_INBOX_AUTO && !st->by_staff;
    if (st->work_ok && automatic && shrinks(a, store_mentor_count(a->store), b->preview.accepted)) {
        /* nobody would see the preview's warning: a list that takes away
         * half the directory or more waits for staff to look at it */
        int now = store_mentor_count(a->store);
        snprintf(st->show.inbox_note, sizeof st->show.inbox_note,
                 "A signed bundle in the inbox would leave %d of the %d mentors. It was not "
                 "imported by itself, in case the export was cut short or filtered: look at it "
                 "with Import from the inbox.",
                 b->preview.accepted, now);
        fprintf(stderr, "career-kiosk: the inbox's bundle would leave %d of %d mentors: it waits "
                        "for staff\n",
                b->preview.accepted, now);
        st->show.inbox_waiting = true;
        bundle_free(b);
        staff_end(a);
        return true;
    }
    if (st->work_ok && automatic) { /* nobody confirms: straight on to the import */
        st->mentors_now = store_mentor_count(a->store);
        preview_text(a);
        go(a, STAFF_IMPORTING);
        app_after_frame(a, job_import);
        return true;
    }
    if (st->work_ok) {
        st->mentors_now = store_mentor_count(a->store);
        preview_text(a);
        fprintf(stderr,
                "career-kiosk: the %s's bundle is checked (%d to import, %d rejected); the "
                "preview waits for staff\n",
                st->show.from_inbox ? "inbox" : "stick", b->preview.accepted, b->preview.rejected);
        go(a, STAFF_PREVIEW);
        return true;
    }
    char words[900];
    fprintf(stderr, "career-kiosk: %sbundle refused (%s): %s\n",
            st->show.from_inbox ? "the inbox's " : "", bundle_status_name(b->status), b->reason);
    text_copy(words, sizeof words, b->reason);
    if (b->status == BUNDLE_DATA && b->preview.rejection)
        write_back(a, &b->preview, words, sizeof words); /* the rows to fix, to take home */
    else if (st->show.from_inbox)
        write_refusal(a, words, sizeof words);
    if (st->show.from_inbox) {
        inbox_handled(a);
        snprintf(st->show.inbox_note, sizeof st->show.inbox_note,
                 "The last bundle from the inbox was not imported: %.600s", b->reason);
    }
    next_step(b, st->show.from_inbox, words, sizeof words);
    bundle_free(b);
    if (automatic) {
        staff_end(a); /* back to Welcome; the report is in the outbox */
        return true;
    }
    result(a, false, "Not imported", words);
    return true;
}

/* Imports the previewed bundle: the kiosk lets go of the directory for
 * the swap and opens the new one. */
static bool job_import(App *a)
{
    Staff *st = &a->staff;
    Bundle *b = &st->bundle;
    char marker[CONFIG_PATH_MAX + 16], when[32];
    if (st->worker_started || atomic_load(&st->worker_done)) {
        if (!atomic_load(&st->worker_done))
            return false; /* not yet: the screen keeps going */
        worker_join(st);
        atomic_store(&st->worker_done, false);
        return import_done(a);
    }
    if (!st->show.from_inbox && (!stick_still_in(st) || strcmp(b->mount, st->show.stick) != 0)) {
        /* the bundle's stick left between the last look and the tap */
        stick_scan(a);
        if (st->show.step != STAFF_RESULT)
            result(a, false, "The stick was removed",
                   "Nothing was changed. Plug the stick in again to import it.");
        return true;
    }
    clock_format(&a->clock, false, "%Y-%m-%dT%H:%M:%SZ", when, sizeof when);
    marker_path(a, marker, sizeof marker);
    FILE *f = fopen(marker, "we");
    if (f) {
        fprintf(f, "%lld\n", b->signed_at);
        fflush(f);
        fsync(fileno(f));
        fclose(f);
    }
    store_close(a->store);
    a->store = NULL; /* the worker's import needs the file to itself */
    text_copy(st->work_when, sizeof st->work_when, when);
    st->work_year = a->today.y;
    worker_start(a, import_work);
    return false;
}

/* After the worker's import: opens the directory again and says how it
 * went, on screen and on the stick. */
static bool import_done(App *a)
{
    Staff *st = &a->staff;
    Bundle *b = &st->bundle;
    char marker[CONFIG_PATH_MAX + 16], words[900], err[STORE_ERR];
    ImportReport rep = st->work_rep;
    bool ok = st->work_ok;
    memset(&st->work_rep, 0, sizeof st->work_rep);
    marker_path(a, marker, sizeof marker);
    a->store = store_open(a->cfg.database, err, sizeof err);
    if (a->store)
        store_set_stale_months(a->store, a->cfg.stale_months);
    if (!a->store) {
        fprintf(stderr, "career-kiosk: cannot open the directory after an import: %s\n", err);
        a->exit_code = 1;
        a->quit = true; /* the service manager starts it again */
        import_report_free(&rep);
        return true;
    }
    unlink(marker);
    flow_reload(a);
    if (ok) {
        char signed_at[24];
        bundle_when_text(b->signed_at, signed_at, sizeof signed_at);
        snprintf(words, sizeof words,
                 "%d %s in the directory now%s. The bundle was "
                 "signed %s by %s.",
                 rep.accepted, nn(rep.accepted, "mentor is", "mentors are"),
                 b->has_questions && b->has_synonyms ? ", with the new question bank and synonyms"
                 : b->has_questions                  ? ", with the new question bank"
                 : b->has_synonyms                   ? ", with the new synonym table"
                                                     : "",
                 signed_at, b->signer);
        if (rep.rejected)
            append(words, sizeof words, " %d %s rejected: the report lists %s with reasons.",
                   rep.rejected, nn(rep.rejected, "row was", "rows were"),
                   nn(rep.rejected, "it", "them"));
        fprintf(stderr, "career-kiosk: imported %d mentors from a bundle signed %s by %s\n",
                rep.accepted, signed_at, b->signer);
    } else {
        snprintf(words, sizeof words,
                 "%s. The directory in use was not changed.\n\nWhat to do next: try the "
                 "import again. If it is refused again for the same reason, ask IT to look at "
                 "the kiosk's disk and its journal (journalctl -u career-kiosk).",
                 rep.refusal);
        fprintf(stderr, "career-kiosk: bundle import failed: %s\n", rep.refusal);
    }
    write_back(a, &rep, words, sizeof words);
    import_report_free(&rep);
    bundle_free(b);
    if (st->show.from_inbox) {
        inbox_handled(a);
        stale_look(a);
        if (ok)
            st->show.inbox_note[0] = '\0';
        else
            snprintf(st->show.inbox_note, sizeof st->show.inbox_note,
                     "The last bundle from the inbox was not imported: %.600s", rep.refusal);
    }
    if (st->show.from_inbox && a->cfg.inbox == CONFIG_INBOX_AUTO && !st->by_staff) {
        staff_end(a); /* back to Welcome, with the new directory */
        return true;
    }
    result(a, ok, ok ? "Directory updated" : "Not imported", words);
    return true;
}

/* Opens the directory again after the worker had it to itself; false
 * (the kiosk ends, and its service starts it again) when it cannot. */
static bool reopen_store(App *a, const char *after)
{
    char err[STORE_ERR];
    a->store = store_open(a->cfg.database, err, sizeof err);
    if (a->store) {
        store_set_stale_months(a->store, a->cfg.stale_months);
        flow_reload(a);
        return true;
    }
    fprintf(stderr, "career-kiosk: cannot open the directory after %s: %s\n", after, err);
    a->exit_code = 1;
    a->quit = true;
    return false;
}

/* Puts the list from before the last import back, on the worker: the
 * kiosk lets go of the directory for the swap, as for an import. */
static bool job_rollback(App *a)
{
    Staff *st = &a->staff;
    if (st->worker_started || atomic_load(&st->worker_done)) {
        if (!atomic_load(&st->worker_done))
            return false;
        worker_join(st);
        atomic_store(&st->worker_done, false);
        return rollback_done(a);
    }
    store_close(a->store);
    a->store = NULL;
    st->rolling_back = true;
    worker_start(a, rollback_work);
    return false;
}

/* After the rollback: the directory again, and how it went. */
static bool rollback_done(App *a)
{
    Staff *st = &a->staff;
    StaffView *sv = &st->show;
    char words[900];
    st->rolling_back = false;
    if (!reopen_store(a, "putting back the previous list"))
        return true;
    int n = store_mentor_count(a->store);
    if (!st->work_ok) {
        fprintf(stderr, "career-kiosk: the previous list was not put back: %s\n", st->work_err);
        snprintf(words, sizeof words,
                 "The previous list could not be put back: %s. The directory in use was not "
                 "changed (%d %s).",
                 st->work_err, n, nn(n, "mentor", "mentors"));
        result(a, false, "Not put back", words);
        return true;
    }
    fprintf(stderr, "career-kiosk: staff put back the previous list (%d %s, imported %s)\n", n,
            nn(n, "mentor", "mentors"),
            sv->backup_when[0] ? sv->backup_when : "at an unknown time");
    snprintf(words, sizeof words,
             "%d %s in the directory now: the list from before the last "
             "import",
             n, nn(n, "mentor is", "mentors are"));
    if (sv->backup_when[0])
        append(words, sizeof words, ", imported %s", sv->backup_when);
    if (sv->backup_source[0])
        append(words, sizeof words, "; source: %s", sv->backup_source);
    append(words, sizeof words,
           ". Referral counts and stats were kept.\n\nThe list you replaced is kept in its "
           "place: Put back the previous list brings it back. A bundle already imported is "
           "not taken again; to import a newer export, sign it again.");
    result(a, true, "Previous list put back", words);
    return true;
}

/* Writes the stats to the stick. */
static bool job_export(App *a)
{
    Staff *st = &a->staff;
    char stamp[20], err[300] = "", words[900], written[400] = "";
    if (!st->show.stick[0]) {
        result(a, false, "Not exported", "The stick was removed before the stats were written.");
        return true;
    }
    bundle_stamp(clock_unix(&a->clock), stamp);
    if (bundle_write_stats(st->show.stick, stamp, a->store, written, sizeof written, err,
                           sizeof err)) {
        sync();
        snprintf(words, sizeof words,
                 "Written to the stick, in %s/reports: %s. They hold counts only: sessions and "
                 "sheets per day, and referrals per mentor per month.\n\nIt is safe to remove "
                 "the stick.",
                 BUNDLE_FOLDER, written);
        result(a, true, "Stats exported", words);
    } else {
        snprintf(words, sizeof words, "The stats could not be written: %s.", err);
        result(a, false, "Not exported", words);
    }
    return true;
}

/* Starts printing a sample sheet (drawn on the job's thread); waits
 * while a visitor's job is still going. */
static bool job_test_print(App *a)
{
    Staff *st = &a->staff;
    char err[256];
    if (a->print_job)
        return false;
    Visit *v = calloc(1, sizeof *v);
    bool ok = v && flow_sample_visit(a, v, err, sizeof err);
    if (!v)
        snprintf(err, sizeof err, "out of memory");
    if (ok)
        st->print_job = paper_print(&a->cfg.print, v, &st->print);
    if (v)
        visit_wipe(v);
    free(v);
    if (!st->print_job) {
        st->print.phase = PHASE_FAILED;
        if (!ok)
            text_copy(st->print.detail, sizeof st->print.detail, err);
    }
    return true;
}

static void test_print(App *a)
{
    Staff *st = &a->staff;
    if (a->cfg.print.kind == PRINT_NONE || st->print_job || app_queued(a, job_test_print))
        return;
    memset(&st->print, 0, sizeof st->print);
    st->printing = true;
    app_after_frame(a, job_test_print);
}

static const char *print_words(const Staff *st)
{
    if (!st->printing)
        return "";
    switch (st->print.phase) {
    case PHASE_DONE:
        return "The test sheet printed.";
    case PHASE_FAILED:
        return st->print.detail;
    case PHASE_SENDING:
        return "Printing the test sheet...";
    case PHASE_DRAWING:
        return "Drawing the test sheet...";
    default:
        return "Checking the printer...";
    }
}

static void leave(App *a)
{
    fprintf(stderr, "career-kiosk: staff left kiosk mode for maintenance\n");
    staff_end(a);
    a->exit_code = STAFF_EXIT_MAINTENANCE;
    a->quit = true;
}

void staff_handle(App *a, const Intent *in)
{
    Staff *st = &a->staff;
    switch (in->kind) {
    case INTENT_STAFF_BEGIN:
        begin(a, in->arg != 0);
        break;
    case INTENT_STAFF_KEY:
        pin_key(a, (char)in->arg);
        break;
    case INTENT_STAFF_END:
        staff_end(a);
        break;
    case INTENT_STAFF_MENU:
        open_menu(a);
        break;
    case INTENT_STAFF_CHECK:
        if (in->arg == 1 ? st->show.inbox_waiting && st->show.inbox[0]
                         : st->show.stick[0] != '\0') {
            st->show.from_inbox = in->arg == 1;
            st->by_staff = true;
            go(a, STAFF_CHECKING);
            app_after_frame(a, job_check);
        }
        break;
    case INTENT_STAFF_IMPORT:
        if (st->show.step == STAFF_PREVIEW) {
            go(a, STAFF_IMPORTING);
            app_after_frame(a, job_import);
        }
        break;
    case INTENT_STAFF_EXPORT:
        if (st->show.stick[0]) {
            go(a, STAFF_EXPORTING);
            app_after_frame(a, job_export);
        }
        break;
    case INTENT_STAFF_TEST_PRINT:
        test_print(a);
        break;
    case INTENT_STAFF_ASK_LEAVE:
        go(a, STAFF_LEAVE);
        break;
    case INTENT_STAFF_LEAVE:
        leave(a);
        break;
    case INTENT_STAFF_ASK_ROLLBACK:
        backup_look(a);
        if (st->show.backup_mentors > 0)
            go(a, STAFF_ROLLBACK);
        break;
    case INTENT_STAFF_ROLLBACK:
        if (st->show.step == STAFF_ROLLBACK && !st->worker_started) {
            go(a, STAFF_ROLLING);
            app_after_frame(a, job_rollback);
        }
        break;
    default:
        break;
    }
}

void staff_refresh(App *a)
{
    Staff *st = &a->staff;
    StaffView *sv = &st->show;
    sv->pin_len = (int)strlen(st->pin);
    sv->pin_set = a->cfg.pin_hash[0] != '\0';
    sv->tries_left = STAFF_TRIES - st->tries;
    text_copy(sv->next_lock, sizeof sv->next_lock, lock_adjective[lock_step(st->lockouts + 1)]);
    sv->locked_seconds = locked_seconds(a);
    sv->printer = a->cfg.print.kind != PRINT_NONE;
    sv->print_busy = st->print_job || app_queued(a, job_test_print) || flow_printing(a);
    sv->print_failed = st->print.phase == PHASE_FAILED;
    text_copy(sv->print_words, sizeof sv->print_words, print_words(st));
    long long done = atomic_load(&st->copied), total = atomic_load(&st->to_copy);
    sv->busy[0] = '\0';
    if (st->worker_started && sv->step == STAFF_CHECKING && total > 0)
        snprintf(sv->busy, sizeof sv->busy,
                 done < total ? "Copied %lld of %lld KB. Please leave the stick in."
                              : "Copied (%lld KB); checking the signatures and rows...",
                 done < total ? done >> 10 : total >> 10, total >> 10);
}

bool staff_print_wait(App *a, int ms)
{
    if (app_queued(a, job_test_print) && !a->print_job) {
        app_cancel(a, job_test_print);
        job_test_print(a);
    }
    if (a->staff.print_job) {
        print_wait(a->staff.print_job, ms);
        staff_tick(a);
    }
    return !a->staff.print_job && !app_queued(a, job_test_print);
}

void staff_tick(App *a)
{
    Staff *st = &a->staff;
    uint64_t now = platform_now(a->platform);
    if (st->worker_started) { /* the copy's progress moves on screen */
        st->ticks_while_working++;
        a->dirty = true;
    }
    if (mounts_changed(st->mounts, 0))
        stick_scan(a);
    inbox_tick(a);
    if (st->print_job && print_follow(&st->print_job, &st->print) != PRINT_FOLLOW_SAME)
        a->dirty = true;
    if (staff_active(a) && !working(a) && now - a->last_input >= STAFF_IDLE_MS)
        staff_end(a); /* never left open in a hallway */
}

int staff_wait_ms(const App *a)
{
    const Staff *st = &a->staff;
    int wait = -1;
    if (st->worker_started)
        return STAFF_PROGRESS_MS; /* the copy's progress moves on screen */
    /* a print job, and the worker's end, wake the loop themselves */
    if (locked_seconds(a))
        wait = 1000; /* the lock's countdown */
    if (st->mounts || st->show.inbox_mode)
        wait = STAFF_LOOK_MS; /* sticks come and go, bundles arrive, in any step */
    if (staff_active(a)) {
        uint64_t idle = platform_now(a->platform) - a->last_input;
        int left = idle >= STAFF_IDLE_MS ? 0 : (int)(STAFF_IDLE_MS - idle);
        wait = wait < 0 || left < wait ? left : wait;
    }
    return wait;
}

const char *staff_step_name(StaffStep s)
{
    static const char *const name[] = {"off",     "pin",       "menu",      "checking",
                                       "preview", "importing", "exporting", "result",
                                       "leave",   "rollback",  "rolling"};
    return (unsigned)s < sizeof name / sizeof *name ? name[s] : "?";
}

bool staff_says(const App *a, const char *text)
{
    const Staff *st = &a->staff;
    const StaffView *sv = &st->show;
    const char *said[] = {sv->title,  sv->message,       st->bundle.reason, sv->notice,
                          sv->health, st->bundle.signer, print_words(st),   sv->preview,
                          sv->stale,  sv->inbox,         sv->inbox_note,    sv->attempts};
    for (size_t i = 0; i < sizeof said / sizeof *said; i++)
        if (strcasestr(said[i], text))
            return true;
    return false;
}
