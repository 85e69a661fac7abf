/* script: the headless driver; see script.h. */
#include "kiosk/script.h"

#include "clock.h"
#include "core/text.h"
#include "kiosk/flow.h"
#include "memory.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

/* a script's lines are kept as long as it runs; past SCRIPT_LINES it is
 * refused whole, never cut short */
enum { SCRIPT_LINES = 20000, REPEAT_DEPTH = 4 };

typedef struct {
    App *a;
    const char *path, *shots;
    char **line;
    int nlines;
    bool layout; /* `layout on`: every command's screen is checked as `expect layout` does */
} Script;

static bool fail(Script *s, int ln, const char *msg, const char *arg)
{
    fprintf(stderr, "%s:%d: %s%s%s\n", s->path, ln + 1, msg, arg ? " " : "", arg ? arg : "");
    return false;
}

/* The argument after the command word, unquoted. */
static void arg_of(const char *rest, char *out, size_t cap)
{
    while (*rest == ' ')
        rest++;
    text_copy(out, cap, rest);
    text_trim(out);
    size_t n = strlen(out);
    if (n >= 2 && out[0] == '"' && out[n - 1] == '"') {
        memmove(out, out + 1, n - 2);
        out[n - 2] = '\0';
    }
}

static void settle(App *a)
{
    app_tick(a);
    app_render(a, false);
    for (int i = 0; i < 3 && staff_active(a) && app_queued(a, NULL); i++) { /* staff work */
        app_render(a, true);
        app_tick(a);
        app_render(a, false);
        /* on its worker thread: the script waits for it, as staff would,
         * while the loop keeps ticking and drawing */
        for (int ms = 0; ms < 600000 && staff_working(a); ms += 10) {
            struct timespec nap = {0, 10 * 1000000L};
            nanosleep(&nap, NULL);
            app_tick(a);
            app_render(a, false);
        }
    }
}

static void feed(App *a, InputKind k, int x, int y)
{
    Input in = {k, x, y, 0, ""};
    app_input(a, &in);
}

static bool has_label(App *a, const char *label)
{
    app_render(a, true);
    for (int i = 0; i < a->ui.nitems; i++)
        if (strcasecmp(a->ui.item[i].label, label) == 0)
            return true;
    return false;
}

/* Proportional set size in kB, from smaps_rollup. */
static long pss_kb(void)
{
    char line[256];
    long pss = 0;
    FILE *f = fopen("/proc/self/smaps_rollup", "r");
    if (!f)
        return 0;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "Pss: %ld", &pss) == 1)
            break;
    fclose(f);
    return pss;
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

/* Draws the current screen n times; prints the median and p99. */
static void measure(App *a, const char *name, int n)
{
    double *t = malloc(sizeof *t * (size_t)(n > 0 ? n : 1));
    if (!t || n <= 0) {
        free(t);
        return;
    }
    for (int i = 0; i < n; i++) {
        double t0 = clock_ms();
        app_render(a, true);
        t[i] = clock_ms() - t0;
    }
    qsort(t, (size_t)n, sizeof *t, cmp_double);
    printf("frame %s median_ms=%.2f p99_ms=%.2f\n", name, t[n / 2], t[n * 99 / 100]);
    fflush(stdout);
    free(t);
}

/* Each command gets the argument after its word, unquoted, and returns
 * false (after saying why) when it fails; command() settles the app after
 * one that succeeds. */
static bool cmd_tap(Script *s, int ln, const char *arg)
{
    int x, y, n;
    const Session *se = s->a->s;
    if (sscanf(arg, "result %d", &n) == 1) { /* tap result N: the Nth result card */
        char name[2 * MENTOR_NAME_MAX + 2];
        if (n < 1 || n > se->nhits)
            return fail(s, ln, "there is no such result:", arg);
        mentor_full_name(&se->hits[n - 1], name, sizeof name);
        if (!app_tap_label(s->a, name))
            return fail(s, ln, "the result is not on screen:", name);
    } else if (sscanf(arg, "%d %d", &x, &y) == 2) {
        feed(s->a, INPUT_DOWN, x, y);
        feed(s->a, INPUT_UP, x, y);
    } else if (!app_tap_label(s->a, arg))
        return fail(s, ln, "nothing on screen is labelled", arg);
    return true;
}

/* Types arg one character (one UTF-8 sequence) at a time. */
static bool cmd_type(Script *s, int ln, const char *arg)
{
    (void)ln;
    for (size_t i = 0; arg[i];) {
        size_t start = i;
        text_utf8_next(arg, strlen(arg), &i);
        Input in = {INPUT_TEXT, 0, 0, 0, ""};
        memcpy(in.text, arg + start, i - start);
        app_input(s->a, &in);
    }
    return true;
}

static bool cmd_key(Script *s, int ln, const char *arg)
{
    Input in = {INPUT_KEY, 0, 0, 0, ""};
    in.key = strcmp(arg, "backspace") == 0 ? KEY_BACKSPACE
             : strcmp(arg, "enter") == 0   ? KEY_ENTER
                                           : 0;
    if (!in.key)
        return fail(s, ln, "unknown key", arg);
    app_input(s->a, &in);
    return true;
}

/* Presses at X1 Y1, moves to X2 Y2 in ten 16 ms steps, lets go. */
static bool cmd_drag(Script *s, int ln, const char *arg)
{
    App *a = s->a;
    int x, y, x2, y2;
    if (sscanf(arg, "%d %d %d %d", &x, &y, &x2, &y2) != 4)
        return fail(s, ln, "drag wants X1 Y1 X2 Y2", NULL);
    feed(a, INPUT_DOWN, x, y);
    for (int k = 1; k <= 10; k++) {
        platform_advance(a->platform, 16);
        feed(a, INPUT_MOVE, x + (x2 - x) * k / 10, y + (y2 - y) * k / 10);
    }
    feed(a, INPUT_UP, x2, y2);
    return true;
}

static bool cmd_wait(Script *s, int ln, const char *arg)
{
    (void)ln;
    long ms = atol(arg);
    for (long t = 0; t < ms; t += 100) { /* let timers and momentum run */
        platform_advance(s->a->platform, (uint64_t)(ms - t < 100 ? ms - t : 100));
        settle(s->a);
    }
    return true;
}

/* await print [SECONDS]: real time, for a print job to end.
 * await stick|no-stick [SECONDS]: real time, for a staff stick to be
 * mounted (or unmounted) and noticed; stick-change: for the stick in use
 * to change (it was pulled while another stays in).
 * await inbox [SECONDS]: for a bundle to be noticed in the inbox;
 * inbox-done: for the kiosk to have dealt with it (imported, refused, or
 * set aside for staff to confirm). */
static bool cmd_await(Script *s, int ln, const char *arg)
{
    App *a = s->a;
    char what[32] = "";
    int secs = 60;
    sscanf(arg, "%31s %d", what, &secs);
    settle(a);
    if (strcmp(what, "print") == 0) {
        bool staff_done = staff_print_wait(a, secs * 1000);
        if (!flow_print_wait(a, secs * 1000) || !staff_done)
            return fail(s, ln, "the print job had not ended in time", NULL);
    } else if (strcmp(what, "stick") == 0 || strcmp(what, "no-stick") == 0) {
        bool want = what[0] == 's';
        for (int t = 0; (a->staff.show.stick[0] != '\0') != want; t += 50) {
            if (t >= secs * 1000)
                return fail(s, ln, "the stick was not noticed in time", NULL);
            struct timespec nap = {0, 50 * 1000000L};
            nanosleep(&nap, NULL);
            settle(a);
        }
    } else if (strcmp(what, "stick-change") == 0) { /* one stick pulled, another still in */
        char was[sizeof a->staff.show.stick];
        snprintf(was, sizeof was, "%s", a->staff.show.stick);
        for (int t = 0; strcmp(a->staff.show.stick, was) == 0; t += 50) {
            if (t >= secs * 1000)
                return fail(s, ln, "no other stick was noticed in time", NULL);
            struct timespec nap = {0, 50 * 1000000L};
            nanosleep(&nap, NULL);
            settle(a);
        }
    } else if (strcmp(what, "inbox") == 0 || strcmp(what, "inbox-done") == 0) {
        bool done = what[5] == '-';
        for (int t = 0;
             done ? (staff_inbox_pending(a) && !a->staff.show.inbox_waiting) || staff_working(a)
                  : !staff_inbox_pending(a);
             t += 50) {
            if (t >= secs * 1000)
                return fail(s, ln,
                            done ? "the inbox's bundle was not dealt with in time"
                                 : "no bundle was noticed in the inbox in time",
                            NULL);
            struct timespec nap = {0, 50 * 1000000L};
            nanosleep(&nap, NULL);
            settle(a);
        }
    } else
        return fail(s, ln,
                    "await knows print, stick, no-stick, stick-change, inbox and inbox-done, not",
                    what);
    settle(a);
    return true;
}

/* screenshot codes PREFIX: on Take away, a screenshot of each code this
 * screen shows, every part of every kind, as PREFIX-KIND-PART.png (the
 * part from 1), chosen as the tabs and part buttons would. */
static bool screenshot_codes(Script *s, int ln, const char *prefix)
{
    App *a = s->a;
    char path[1200], err[300];
    app_render(a, true); /* the codes are fitted to this screen */
    app_render(a, true);
    const Takeaway *t = &a->s->visit.takeaway;
    if (a->step != SCREEN_TAKEAWAY || t->nparts == 0)
        return fail(s, ln, "screenshot codes: no codes on Take away", NULL);
    for (int i = 0; i < t->nparts; i++) {
        a->view.qr_tab = (int)t->part[i].kind;
        a->view.qr_part = t->part[i].part;
        a->view.sheet_looked = true;
        app_render(a, true);
        snprintf(path, sizeof path, "%s/%s-%s-%d.png", s->shots ? s->shots : ".", prefix,
                 takeaway_name(t->part[i].kind), t->part[i].part + 1);
        if (!platform_screenshot(a->platform, path, err, sizeof err))
            return fail(s, ln, err, NULL);
    }
    a->view.qr_tab = a->view.qr_part = 0;
    a->dirty = true;
    return true;
}

static bool cmd_screenshot(Script *s, int ln, const char *arg)
{
    char path[1200], err[300];
    if (strncmp(arg, "codes ", 6) == 0)
        return screenshot_codes(s, ln, arg + 6);
    app_render(s->a, true);
    snprintf(path, sizeof path, "%s/%s.png", s->shots ? s->shots : ".", arg);
    if (!platform_screenshot(s->a->platform, path, err, sizeof err))
        return fail(s, ln, err, NULL);
    return true;
}

/* Each expectation gets what follows its kind, unquoted (raw for field),
 * and returns false (after saying why) when it does not hold. */
static bool expect_screen(Script *s, int ln, const char *want)
{
    App *a = s->a;
    ScreenId id;
    if (!view_step_parse(want, &id))
        return fail(s, ln, "no such screen", want);
    if (a->step != id) {
        char msg[320];
        snprintf(msg, sizeof msg, "expected screen %s, but it is %s", want,
                 view_step_name(a->step));
        return fail(s, ln, msg, NULL);
    }
    return true;
}

static bool expect_staff(Script *s, int ln, const char *want)
{
    App *a = s->a;
    if (strcmp(staff_step_name(a->staff.show.step), want) != 0) {
        char msg[320];
        snprintf(msg, sizeof msg, "expected staff step %s, but it is %s", want,
                 staff_step_name(a->staff.show.step));
        return fail(s, ln, msg, NULL);
    }
    return true;
}

static bool expect_staff_says(Script *s, int ln, const char *want)
{
    if (!staff_says(s->a, want))
        return fail(s, ln, "staff mode does not say", want);
    return true;
}

static bool expect_text(Script *s, int ln, const char *want)
{
    if (!has_label(s->a, want))
        return fail(s, ln, "expected on screen:", want);
    return true;
}

static bool expect_no_text(Script *s, int ln, const char *want)
{
    if (has_label(s->a, want))
        return fail(s, ln, "did not expect on screen:", want);
    return true;
}

/* expect field NAME = VALUE: quotes belong to each side. */
static bool expect_field(Script *s, int ln, const char *raw)
{
    App *a = s->a;
    char want[200];
    text_copy(want, sizeof want, raw);
    char *eq = strstr(want, " = ");
    if (!eq)
        return fail(s, ln, "expect field wants NAME = VALUE", NULL);
    *eq = '\0';
    char value[128], name[128];
    arg_of(eq + 3, value, sizeof value);
    arg_of(want, name, sizeof name);
    app_render(a, true);
    int i = 0;
    while (i < a->ui.nitems && strcasecmp(a->ui.item[i].label, name) != 0)
        i++;
    if (i == a->ui.nitems)
        return fail(s, ln, "no field on screen named", name);
    if (strcmp(a->ui.item[i].value, value) != 0) {
        char msg[300];
        snprintf(msg, sizeof msg, "field %s holds \"%s\", not", name, a->ui.item[i].value);
        return fail(s, ln, msg, value);
    }
    return true;
}

/* expect glyphs TEXT: every character has a font. */
static bool expect_glyphs(Script *s, int ln, const char *want)
{
    if (platform_missing_glyphs(s->a->platform, want))
        return fail(s, ln, "no font draws some characters of", want);
    return true;
}

/* expect layout: the screen as drawn now holds (ui_layout_check): no
 * control covered, too small or out of reach, no text cut or run
 * together. Each problem is printed on a line of its own. */
static bool expect_layout(Script *s, int ln, const char *want)
{
    App *a = s->a;
    char why[4000];
    (void)want;
    if (a->dirty) /* else the last pass drew what is on screen */
        app_render(a, true);
    int n = ui_layout_check(&a->ui, why, sizeof why);
    if (n == 0)
        return true;
    char msg[200];
    snprintf(msg, sizeof msg,
             "the layout of %s at %dx%d%s%s has %d problem%s:", view_step_name(a->step), a->ui.w,
             a->ui.h, a->ui.large_text ? ", larger text" : "",
             a->ui.high_contrast ? ", high contrast" : "", n, n == 1 ? "" : "s");
    fail(s, ln, msg, NULL);
    fprintf(stderr, "%s", why);
    return false;
}

static const struct {
    const char *kind;
    bool raw; /* gets the rest of the line as it is, not unquoted */
    bool (*check)(Script *s, int ln, const char *want);
} expectations[] = {
    {"screen", false, expect_screen},         {"staff", false, expect_staff},
    {"staff-says", false, expect_staff_says}, {"text", false, expect_text},
    {"no-text", false, expect_no_text},       {"field", true, expect_field},
    {"glyphs", false, expect_glyphs},         {"layout", false, expect_layout},
};

static bool cmd_expect(Script *s, int ln, const char *arg)
{
    char what[32] = "", want[200];
    int m = 0;
    sscanf(arg, "%31s%n", what, &m);
    for (size_t k = 0; k < sizeof expectations / sizeof *expectations; k++) {
        if (strcmp(what, expectations[k].kind) != 0)
            continue;
        if (expectations[k].raw)
            text_copy(want, sizeof want, arg + m + strspn(arg + m, " "));
        else
            arg_of(arg + m, want, sizeof want);
        return expectations[k].check(s, ln, want);
    }
    char kinds[128] = "", msg[160];
    for (size_t k = 0; k < sizeof expectations / sizeof *expectations; k++) {
        size_t n = strlen(kinds);
        snprintf(kinds + n, sizeof kinds - n, "%s%s", k ? "|" : "", expectations[k].kind);
    }
    snprintf(msg, sizeof msg, "expect %s, not", kinds);
    return fail(s, ln, msg, what);
}

/* Prints frames drawn, textures and text widths cached, RSS and PSS. */
static bool cmd_report(Script *s, int ln, const char *arg)
{
    (void)ln, (void)arg;
    App *a = s->a;
    PlatformStats st = platform_stats(a->platform);
    long rss = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        long pages;
        long size;
        if (fscanf(f, "%ld %ld", &size, &pages) == 2)
            rss = pages * 4;
        fclose(f);
    }
    struct mallinfo2 heap = mallinfo2();
    printf("report frames=%ld textures=%d cache=%d rss_kb=%ld pss_kb=%ld heap_kb=%zu "
           "heap_free_kb=%zu wipe_ms=%.3f print_ui_ms=%.3f\n",
           a->frames, st.textures, st.widths, rss, pss_kb(), (heap.uordblks + heap.hblkhd) / 1024,
           heap.fordblks / 1024, a->wipe_ms, a->print_ui_ms);
    fflush(stdout);
    return true;
}

static bool cmd_startup(Script *s, int ln, const char *arg)
{
    (void)ln, (void)arg;
    printf("startup_ms=%.1f\n", s->a->first_frame_ms - s->a->started_ms);
    return true;
}

/* measure [NAME [N]]: NAME defaults to screen, N to 50. */
static bool cmd_measure(Script *s, int ln, const char *arg)
{
    (void)ln;
    char name[64] = "screen";
    int times = 50;
    sscanf(arg, "%63s %d", name, &times);
    measure(s->a, name, times);
    return true;
}

/* dump takeaway: the visitor's sheet as text (78 columns, as the admin
 * CLI's `sheet` prints it), then each code's payload, for tests that
 * hold the kiosk and the CLI to one builder. Headless scripts only. */
static bool dump_takeaway(Script *s, int ln)
{
    const Session *se = s->a->s;
    if (!se->takeaway_ready)
        return fail(s, ln, "dump takeaway: the take-away has not been built yet", NULL);
    size_t cap = 64 * 1024;
    char *text = malloc(cap);
    if (!text)
        return fail(s, ln, "out of memory", NULL);
    sheet_render_text(&se->visit.sheet, 78, text, cap);
    printf("%s", text);
    for (int k = 0; k < TAKE_COUNT; k++)
        printf("\n== payload %s ==\n%s\n", takeaway_name((TakeKind)k),
               se->visit.takeaway.payload[k]);
    explicit_bzero(text, cap);
    free(text);
    fflush(stdout);
    return true;
}

/* dump codes: the codes this screen shows on Take away, each as
 * "== code KIND PART/PARTS version V modules W ==" and its payload, for
 * tests that read them back from screenshots. */
static bool dump_codes(Script *s, int ln)
{
    const Session *se = s->a->s;
    app_render(s->a, true); /* fitted to this screen */
    if (!se->takeaway_ready || se->visit.takeaway.nparts == 0)
        return fail(s, ln, "dump codes: no codes on Take away yet", NULL);
    const Takeaway *t = &se->visit.takeaway;
    for (int i = 0; i < t->nparts; i++)
        printf("== code %s %d/%d version %d modules %d ==\n%s\n== end ==\n",
               takeaway_name(t->part[i].kind), t->part[i].part + 1, t->part[i].parts,
               t->part[i].code.version, t->part[i].code.width, t->part[i].payload);
    fflush(stdout);
    return true;
}

/* dump: every item on screen (x y w h label), then the screen's name;
 * dump takeaway and dump codes: see dump_takeaway, dump_codes. */
static bool cmd_dump(Script *s, int ln, const char *arg)
{
    App *a = s->a;
    if (strcmp(arg, "takeaway") == 0)
        return dump_takeaway(s, ln);
    if (strcmp(arg, "codes") == 0)
        return dump_codes(s, ln);
    if (*arg)
        return fail(s, ln, "dump knows nothing, takeaway or codes, not", arg);
    app_render(a, true);
    for (int i = 0; i < a->ui.nitems; i++) {
        const UiItem *it = &a->ui.item[i]; /* as much as can be seen */
        printf("item %d %d %d %d %s\n", it->vis.x, it->vis.y, it->vis.w, it->vis.h, it->label);
    }
    printf("screen %s\n", view_step_name(a->step));
    fflush(stdout);
    return true;
}

/* hold SECONDS: the script's last command. Its own lines (the test's
 * input, which a real kiosk never has) are wiped; then it prints
 * "hold pid=N" and sleeps in real time, so a test can look at the
 * running process: a core taken after a visitor left holds only what
 * the kiosk kept. */
static bool cmd_hold(Script *s, int ln, const char *arg)
{
    int secs = atoi(arg);
    if (secs <= 0 || secs > 3600)
        return fail(s, ln, "hold wants SECONDS from 1 to 3600, not", arg);
    for (int i = 0; i < s->nlines; i++)
        explicit_bzero(s->line[i], strlen(s->line[i]));
    memory_scrub_stack(); /* and what earlier commands left on the stack */
    printf("hold pid=%ld\n", (long)getpid());
    fflush(stdout);
    struct timespec t = {secs, 0};
    while (nanosleep(&t, &t) != 0)
        ;
    return true;
}

/* random SEED COUNT: COUNT commands a restless visitor might give, drawn
 * from SEED (the same seed, the same walk): taps on what the screen shows
 * (most of them), taps anywhere, typing (words in several scripts,
 * emoji and controls among them), Delete and Enter, drags, and waits up
 * to past the idle wipe. Staff mode is left alone: its keypad is not a
 * visitor's. For soak tests and the memory bench. */
static uint64_t next_random(uint64_t *state)
{
    uint64_t x = *state; /* xorshift64* */
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 2685821657736338717ull;
}

static const char *const random_words[] = {
    "Sam",       "nurse",       "develper", "José",          "data science", "ليلى",
    "נועה",      "李小龍",      "Zoë",      "law",           "I want a job", "marketing",
    "x",         "\u202Eevil",  "\x1b[0m",  "\U0001F44D",    "\uFEFFbom",    "aaaaaaaaaaaaaaaaaaaa",
    "क्षत्रिय", "engineering", "teacher",  "Biology 2024",  "résumé",       " ",
};

/* True when x, y is on the Staff button of the screen last drawn. */
static bool on_staff(const App *a, int x, int y)
{
    for (int i = 0; i < a->ui.nitems; i++) {
        Rect r = a->ui.item[i].vis;
        if (strcasecmp(a->ui.item[i].label, "Staff") == 0 && x >= r.x && x < r.x + r.w &&
            y >= r.y && y < r.y + r.h)
            return true;
    }
    return false;
}

static void random_tap(App *a, uint64_t *rng)
{
    int pick[UI_ITEMS], n = 0;
    app_render(a, true); /* the widgets as the visitor sees them now */
    for (int i = 0; i < a->ui.nitems; i++) {
        const UiItem *it = &a->ui.item[i];
        if (it->tap && it->vis.w > 0 && it->vis.h > 0 && strcasecmp(it->label, "Staff") != 0)
            pick[n++] = i;
    }
    if (n == 0)
        return;
    Rect r = a->ui.item[pick[next_random(rng) % (uint64_t)n]].vis;
    if (on_staff(a, r.x + r.w / 2, r.y + r.h / 2))
        return;
    feed(a, INPUT_DOWN, r.x + r.w / 2, r.y + r.h / 2);
    feed(a, INPUT_UP, r.x + r.w / 2, r.y + r.h / 2);
}

/* One random command on a w x h screen: of a hundred, 55 taps on a
 * control, 5 taps anywhere, 15 words typed, 7 Delete or Enter, 6 drags
 * and 12 waits (one in twenty of them past the idle timeout). */
static void random_step(Script *s, int ln, uint64_t *rng, int w, int h)
{
    App *a = s->a;
    uint64_t roll = next_random(rng) % 100;
    char text[64];
    if (roll < 55)
        random_tap(a, rng);
    else if (roll < 60) {
        int x = (int)(next_random(rng) % (uint64_t)w), y = (int)(next_random(rng) % (uint64_t)h);
        app_render(a, true);
        if (!on_staff(a, x, y)) {
            feed(a, INPUT_DOWN, x, y);
            feed(a, INPUT_UP, x, y);
        }
    } else if (roll < 75) {
        size_t n = sizeof random_words / sizeof *random_words;
        snprintf(text, sizeof text, "%s", random_words[next_random(rng) % n]);
        cmd_type(s, ln, text);
    } else if (roll < 82)
        cmd_key(s, ln, next_random(rng) % 4 ? "backspace" : "enter");
    else if (roll < 88) {
        int x = (int)(next_random(rng) % (uint64_t)w);
        int y = h / 8 + (int)(next_random(rng) % (uint64_t)(h - h / 8));
        int dy = (int)(next_random(rng) % (uint64_t)h) - h / 2;
        snprintf(text, sizeof text, "%d %d %d %d", x, y, x, y + dy);
        cmd_drag(s, ln, text);
    } else {
        long ms = next_random(rng) % 20 ? (long)(next_random(rng) % 3000)
                                        : 90000 + (long)(next_random(rng) % 30000);
        snprintf(text, sizeof text, "%ld", ms);
        cmd_wait(s, ln, text);
    }
}

static bool cmd_random(Script *s, int ln, const char *arg)
{
    unsigned long long seed;
    long count;
    int w, h;
    if (sscanf(arg, "%llu %ld", &seed, &count) != 2 || count < 0)
        return fail(s, ln, "random wants SEED COUNT, not", arg);
    uint64_t rng = seed * 0x9E3779B97F4A7C15ull + 1;
    if (rng == 0) /* xorshift would stay at 0 */
        rng = 1;
    platform_size(s->a->platform, &w, &h);
    for (long k = 0; k < count && !s->a->quit; k++) {
        random_step(s, ln, &rng, w, h);
        settle(s->a);
    }
    return true;
}

/* layout on|off: check every screen the script brings up. */
static bool cmd_layout(Script *s, int ln, const char *arg)
{
    if (strcmp(arg, "on") != 0 && strcmp(arg, "off") != 0)
        return fail(s, ln, "layout wants on or off, not", arg);
    s->layout = strcmp(arg, "on") == 0;
    return true;
}

static const struct {
    const char *word;
    bool (*run)(Script *s, int ln, const char *arg);
} commands[] = {
    {"layout", cmd_layout},   {"tap", cmd_tap},
    {"type", cmd_type},       {"key", cmd_key},
    {"drag", cmd_drag},       {"wait", cmd_wait},
    {"await", cmd_await},     {"screenshot", cmd_screenshot},
    {"expect", cmd_expect},   {"report", cmd_report},
    {"startup", cmd_startup}, {"measure", cmd_measure},
    {"dump", cmd_dump},       {"hold", cmd_hold},
    {"random", cmd_random},
};

/* Runs line ln (a command, not a comment or repeat), then settles. */
static bool command(Script *s, int ln)
{
    char word[32] = "", arg[256];
    const char *l = s->line[ln];
    int n = 0;
    sscanf(l, "%31s%n", word, &n);
    arg_of(l + n, arg, sizeof arg);
    for (size_t k = 0; k < sizeof commands / sizeof *commands; k++) {
        if (strcmp(word, commands[k].word) != 0)
            continue;
        if (!commands[k].run(s, ln, arg))
            return false;
        settle(s->a);
        return !s->layout || s->a->quit || expect_layout(s, ln, "");
    }
    return fail(s, ln, "unknown command", word);
}

/* Runs lines [from, to); repeat blocks recurse. Returns false on failure. */
static bool run_lines(Script *s, int from, int to)
{
    for (int ln = from; ln < to && !s->a->quit; ln++) {
        const char *l = s->line[ln];
        while (*l == ' ' || *l == '\t')
            l++;
        if (!*l || *l == '#')
            continue;
        if (strncmp(l, "repeat ", 7) == 0) {
            int times = atoi(l + 7), depth = 1, end = ln + 1;
            for (; end < to && depth; end++) {
                const char *e = s->line[end];
                while (*e == ' ' || *e == '\t')
                    e++;
                depth += strncmp(e, "repeat ", 7) == 0;
                depth -= strncmp(e, "end", 3) == 0 && (e[3] == '\0' || e[3] == ' ');
            }
            if (depth)
                return fail(s, ln, "repeat without end", NULL);
            for (int k = 0; k < times; k++)
                if (!run_lines(s, ln + 1, end - 1))
                    return false;
            ln = end - 1;
            continue;
        }
        if (!command(s, ln))
            return false;
    }
    return true;
}

bool script_run(App *a, const char *path, const char *shots)
{
    Script s = {a, path, shots, NULL, 0, false};
    FILE *f = fopen(path, "r");
    char buf[512];
    bool ok = true;
    if (!f) {
        fprintf(stderr, "career-kiosk: cannot read the script %s\n", path);
        return false;
    }
    s.line = calloc(SCRIPT_LINES, sizeof *s.line);
    while (s.line && fgets(buf, sizeof buf, f)) {
        if (s.nlines == SCRIPT_LINES) {
            ok = fail(&s, s.nlines,
                      "the script is longer than the lines a script may have:", "20000");
            break;
        }
        buf[strcspn(buf, "\r\n")] = '\0';
        s.line[s.nlines++] = strdup(buf);
    }
    fclose(f);
    if (!s.line) {
        fprintf(stderr, "career-kiosk: out of memory for the script %s\n", path);
        return false;
    }
    app_render(a, true);
    ok = ok && run_lines(&s, 0, s.nlines);
    for (int i = 0; i < s.nlines; i++)
        free(s.line[i]);
    free(s.line);
    return ok;
}
