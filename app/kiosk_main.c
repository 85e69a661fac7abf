/* career-kiosk: the touch app. Fullscreen kiosk by default; --windowed
 * for a desktop window; --headless with a script for tests and demos. */
#include "kiosk.h"
#include "script.h"

#include "ui/strings.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    PlatformMode mode;
    int w, h;
    const char *config, *db, *script, *shots, *today;
} Options;

static void usage(FILE *f)
{
    fprintf(f, "usage: career-kiosk [--windowed] [--size WxH] [--config PATH] [--db PATH]\n"
               "       career-kiosk --headless --size WxH --script FILE [--screenshots DIR]\n"
               "                    [--today YYYY-MM-DD]\n"
               "       career-kiosk --version\n");
}

static bool parse(int argc, char **argv, Options *o)
{
    *o = (Options){PLATFORM_KIOSK, 1920, 1080, NULL, NULL, NULL, NULL, NULL};
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(s, "--windowed") == 0)
            o->mode = PLATFORM_WINDOWED;
        else if (strcmp(s, "--headless") == 0)
            o->mode = PLATFORM_HEADLESS;
        else if (strcmp(s, "--version") == 0) {
            printf("career-kiosk %s\n", CK_VERSION);
            exit(0);
        } else if (strcmp(s, "--help") == 0) {
            usage(stdout);
            exit(0);
        } else if (!v) {
            fprintf(stderr, "career-kiosk: %s needs a value\n", s);
            return false;
        } else if (strcmp(s, "--size") == 0) {
            if (sscanf(v, "%dx%d", &o->w, &o->h) != 2 || o->w < 320 || o->h < 320 || o->w > 8192 ||
                o->h > 8192) {
                fprintf(stderr, "career-kiosk: --size wants WIDTHxHEIGHT, like 1920x1080\n");
                return false;
            }
            i++;
        } else if (strcmp(s, "--config") == 0)
            o->config = argv[++i];
        else if (strcmp(s, "--db") == 0)
            o->db = argv[++i];
        else if (strcmp(s, "--script") == 0)
            o->script = argv[++i];
        else if (strcmp(s, "--screenshots") == 0)
            o->shots = argv[++i];
        else if (strcmp(s, "--today") == 0)
            o->today = argv[++i];
        else {
            fprintf(stderr, "career-kiosk: unknown option %s\n", s);
            usage(stderr);
            return false;
        }
    }
    if (o->mode == PLATFORM_HEADLESS && !o->script) {
        fprintf(stderr, "career-kiosk: --headless needs --script FILE\n");
        return false;
    }
    return true;
}

static bool load_config(const Options *o, Config *c)
{
    if (!config_open(o->config, c, "career-kiosk"))
        return false;
    if (o->db)
        snprintf(c->database, sizeof c->database, "%s", o->db);
    return true;
}

/* The interactive loop: sleep until input or a timer, draw on change. */
static void run(App *a)
{
    while (!a->quit) {
        Input in;
        kiosk_render(a, false);
        if (platform_next(a->platform, &in, kiosk_wait_ms(a))) {
            kiosk_input(a, &in);
            while (!a->quit && platform_next(a->platform, &in, 0))
                kiosk_input(a, &in);
        }
        kiosk_tick(a);
    }
}

int main(int argc, char **argv)
{
    Options o;
    Config cfg;
    App app = {0};
    char err[600];
    int rc = 0;
    app.started_ms = kiosk_clock_ms();
    /* weeks unattended: large blocks (printed pages) go back to the
     * system when freed, instead of glibc raising its threshold and
     * keeping them in the heap */
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    if (!parse(argc, argv, &o) || !load_config(&o, &cfg))
        return 2;
    if (o.today) {
        if (!date_parse(o.today, &app.today)) {
            fprintf(stderr, "career-kiosk: --today wants a date like 2026-11-22\n");
            return 2;
        }
        app.fixed_date = true;
    }
    strings_set_language("en");
    PlatformOptions po = {o.mode, o.w, o.h, cfg.office};
    Platform *p = platform_open(&po, err, sizeof err);
    if (!p) {
        if (strncmp(err, "no display", 10) == 0)
            fprintf(stderr, "career-kiosk: no display found. Try `xvfb-run make run`, or "
                            "`make demo` for screenshots of every screen.\n");
        else
            fprintf(stderr, "career-kiosk: %s\n", err);
        return 2;
    }
    if (!kiosk_open(&app, p, &cfg, err, sizeof err)) {
        fprintf(stderr, "career-kiosk: %s\n", err);
        rc = 2;
    } else if (o.mode == PLATFORM_HEADLESS)
        rc = script_run(&app, o.script, o.shots) ? app.exit_code : 1;
    else {
        run(&app);
        rc = app.exit_code;
    }
    kiosk_close(&app);
    platform_close(p);
    return rc;
}
