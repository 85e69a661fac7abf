/* script: the headless driver; see script.h. */
#include "kiosk/script.h"

#include "core/text.h"
#include "kiosk/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

enum { SCRIPT_LINES = 2000, REPEAT_DEPTH = 4 };

typedef struct {
    App *a;
    const char *path, *shots;
    char *line[SCRIPT_LINES];
    int nlines;
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
    kiosk_tick(a);
    kiosk_render(a, false);
    for (int i = 0; i < 3 && a->staff.work_after_frame; i++) { /* staff work, once shown */
        kiosk_render(a, true);
        kiosk_tick(a);
        kiosk_render(a, false);
    }
}

static void feed(App *a, InputKind k, int x, int y)
{
    Input in = {k, x, y, 0, ""};
    kiosk_input(a, &in);
}

static bool has_label(App *a, const char *label)
{
    kiosk_render(a, true);
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
        double t0 = kiosk_clock_ms();
        kiosk_render(a, true);
        t[i] = kiosk_clock_ms() - t0;
    }
    qsort(t, (size_t)n, sizeof *t, cmp_double);
    printf("frame %s median_ms=%.2f p99_ms=%.2f\n", name, t[n / 2], t[n * 99 / 100]);
    fflush(stdout);
    free(t);
}

static void report(App *a)
{
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
    printf("report frames=%ld textures=%d cache=%d rss_kb=%ld pss_kb=%ld\n", a->frames, st.textures,
           st.widths, rss, pss_kb());
    fflush(stdout);
}

static bool command(Script *s, int ln)
{
    App *a = s->a;
    char word[32] = "", arg[256];
    const char *l = s->line[ln];
    int n = 0, x, y, x2, y2;
    sscanf(l, "%31s%n", word, &n);
    arg_of(l + n, arg, sizeof arg);
    if (strcmp(word, "tap") == 0) {
        if (sscanf(arg, "%d %d", &x, &y) == 2) {
            feed(a, INPUT_DOWN, x, y);
            feed(a, INPUT_UP, x, y);
        } else if (!kiosk_tap_label(a, arg))
            return fail(s, ln, "nothing on screen is labelled", arg);
    } else if (strcmp(word, "type") == 0) {
        for (size_t i = 0; arg[i];) {
            size_t start = i;
            text_utf8_next(arg, strlen(arg), &i);
            Input in = {INPUT_TEXT, 0, 0, 0, ""};
            memcpy(in.text, arg + start, i - start);
            kiosk_input(a, &in);
        }
    } else if (strcmp(word, "key") == 0) {
        Input in = {INPUT_KEY, 0, 0, 0, ""};
        in.key = strcmp(arg, "backspace") == 0 ? KEY_BACKSPACE
                 : strcmp(arg, "enter") == 0   ? KEY_ENTER
                                               : 0;
        if (!in.key)
            return fail(s, ln, "unknown key", arg);
        kiosk_input(a, &in);
    } else if (strcmp(word, "drag") == 0) {
        if (sscanf(arg, "%d %d %d %d", &x, &y, &x2, &y2) != 4)
            return fail(s, ln, "drag wants X1 Y1 X2 Y2", NULL);
        feed(a, INPUT_DOWN, x, y);
        for (int k = 1; k <= 10; k++) {
            platform_advance(a->platform, 16);
            feed(a, INPUT_MOVE, x + (x2 - x) * k / 10, y + (y2 - y) * k / 10);
        }
        feed(a, INPUT_UP, x2, y2);
    } else if (strcmp(word, "wait") == 0) {
        long ms = atol(arg);
        for (long t = 0; t < ms; t += 100) { /* let timers and momentum run */
            platform_advance(a->platform, (uint64_t)(ms - t < 100 ? ms - t : 100));
            settle(a);
        }
    } else if (strcmp(word, "await") == 0) {
        /* await print [SECONDS]: real time, for a print job to end */
        /* await stick|no-stick [SECONDS]: real time, for a staff stick
         * to be mounted (or unmounted) and noticed */
        char what[32] = "";
        int secs = 60;
        sscanf(arg, "%31s %d", what, &secs);
        settle(a);
        if (strcmp(what, "print") == 0) {
            if (!kiosk_print_wait(a, secs * 1000))
                return fail(s, ln, "the print job had not ended in time", NULL);
        } else if (strcmp(what, "stick") == 0 || strcmp(what, "no-stick") == 0) {
            bool want = what[0] == 's';
            for (int t = 0; (a->staff.stick[0] != '\0') != want; t += 50) {
                if (t >= secs * 1000)
                    return fail(s, ln, "the stick was not noticed in time", NULL);
                struct timespec nap = {0, 50 * 1000000L};
                nanosleep(&nap, NULL);
                settle(a);
            }
        } else
            return fail(s, ln, "await knows print, stick and no-stick, not", what);
        settle(a);
    } else if (strcmp(word, "screenshot") == 0) {
        char path[1200], err[300];
        kiosk_render(a, true);
        snprintf(path, sizeof path, "%s/%s.png", s->shots ? s->shots : ".", arg);
        if (!platform_screenshot(a->platform, path, err, sizeof err))
            return fail(s, ln, err, NULL);
    } else if (strcmp(word, "expect") == 0) {
        char what[32] = "";
        int m = 0;
        sscanf(arg, "%31s%n", what, &m);
        char want[200];
        arg_of(arg + m, want, sizeof want);
        if (strcmp(what, "field") == 0) /* NAME = VALUE: quotes belong to each side */
            text_copy(want, sizeof want, arg + m + strspn(arg + m, " "));
        if (strcmp(what, "screen") == 0) {
            ScreenId id;
            if (!session_screen_parse(want, &id))
                return fail(s, ln, "no such screen", want);
            if (a->s->screen != id) {
                char msg[320];
                snprintf(msg, sizeof msg, "expected screen %s, but it is %s", want,
                         session_screen_name(a->s->screen));
                return fail(s, ln, msg, NULL);
            }
        } else if (strcmp(what, "staff") == 0) {
            if (strcmp(staff_step_name(a->staff.step), want) != 0) {
                char msg[320];
                snprintf(msg, sizeof msg, "expected staff step %s, but it is %s", want,
                         staff_step_name(a->staff.step));
                return fail(s, ln, msg, NULL);
            }
        } else if (strcmp(what, "staff-says") == 0) {
            if (!staff_says(a, want))
                return fail(s, ln, "staff mode does not say", want);
        } else if (strcmp(what, "text") == 0) {
            if (!has_label(a, want))
                return fail(s, ln, "expected on screen:", want);
        } else if (strcmp(what, "field") == 0) {
            /* expect field NAME = VALUE */
            char *eq = strstr(want, " = ");
            if (!eq)
                return fail(s, ln, "expect field wants NAME = VALUE", NULL);
            *eq = '\0';
            char value[128], name[128];
            arg_of(eq + 3, value, sizeof value);
            arg_of(want, name, sizeof name);
            text_copy(want, sizeof want, name);
            kiosk_render(a, true);
            int i = 0;
            while (i < a->ui.nitems && strcasecmp(a->ui.item[i].label, want) != 0)
                i++;
            if (i == a->ui.nitems)
                return fail(s, ln, "no field on screen named", want);
            if (strcmp(a->ui.item[i].value, value) != 0) {
                char msg[300];
                snprintf(msg, sizeof msg, "field %s holds \"%s\", not", want, a->ui.item[i].value);
                return fail(s, ln, msg, value);
            }
        } else if (strcmp(what, "glyphs") == 0) {
            /* expect glyphs TEXT: every character has a font */
            int missing = platform_missing_glyphs(a->platform, want);
            if (missing)
                return fail(s, ln, "no font draws some characters of", want);
        } else if (strcmp(what, "no-text") == 0) {
            if (has_label(a, want))
                return fail(s, ln, "did not expect on screen:", want);
        } else
            return fail(s, ln, "expect screen|staff|staff-says|text|no-text|field|glyphs, not",
                        what);
    } else if (strcmp(word, "report") == 0)
        report(a);
    else if (strcmp(word, "startup") == 0)
        printf("startup_ms=%.1f\n", a->first_frame_ms - a->started_ms);
    else if (strcmp(word, "measure") == 0) {
        char name[64] = "screen";
        int times = 50;
        sscanf(arg, "%63s %d", name, &times);
        measure(a, name, times);
    } else if (strcmp(word, "dump") == 0) {
        kiosk_render(a, true);
        for (int i = 0; i < a->ui.nitems; i++) {
            const UiItem *it = &a->ui.item[i];
            printf("item %d %d %d %d %s\n", it->r.x, it->r.y, it->r.w, it->r.h, it->label);
        }
        printf("screen %s\n", session_screen_name(a->s->screen));
        fflush(stdout);
    } else
        return fail(s, ln, "unknown command", word);
    settle(a);
    return true;
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
    Script s = {a, path, shots, {0}, 0};
    FILE *f = fopen(path, "r");
    char buf[512];
    bool ok;
    if (!f) {
        fprintf(stderr, "career-kiosk: cannot read the script %s\n", path);
        return false;
    }
    while (s.nlines < SCRIPT_LINES && fgets(buf, sizeof buf, f)) {
        buf[strcspn(buf, "\r\n")] = '\0';
        s.line[s.nlines++] = strdup(buf);
    }
    fclose(f);
    kiosk_render(a, true);
    ok = run_lines(&s, 0, s.nlines);
    for (int i = 0; i < s.nlines; i++)
        free(s.line[i]);
    return ok;
}
