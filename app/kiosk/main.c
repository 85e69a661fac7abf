/* career-kiosk: the touch app. Fullscreen kiosk by default; --windowed
 * for a desktop window; --headless with a script for tests and demos. */
#include "clock.h"
#include "core/licence.h"
#include "directory/counts.h"
#include "kiosk/app.h"
#include "kiosk/script.h"
#include "memory.h"
#include "service.h"

#include "ui/strings.h"

#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
    PlatformMode mode;
    int w, h;
    const char *config, *db, *script, *shots, *today;
    bool check_config;
} Options;

/* Exit statuses the service unit knows (sysexits.h): a broken config is
 * not restarted, since restarting cannot mend it. */
enum { EXIT_CONFIG = 78 };

static void usage(FILE *f)
{
    fprintf(f, "usage: career-kiosk [--windowed] [--size WxH] [--config PATH] [--db PATH]\n"
               "                    [--script FILE] (in a real window, for measurements)\n"
               "       career-kiosk --headless --size WxH --script FILE [--screenshots DIR]\n"
               "                    [--today YYYY-MM-DD]\n"
               "       career-kiosk --check-config [--config PATH]\n"
               "       career-kiosk --version\n");
}

static bool parse(int argc, char **argv, Options *o)
{
    *o = (Options){PLATFORM_KIOSK, 1920, 1080, NULL, NULL, NULL, NULL, NULL, false};
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(s, "--windowed") == 0)
            o->mode = PLATFORM_WINDOWED;
        else if (strcmp(s, "--headless") == 0)
            o->mode = PLATFORM_HEADLESS;
        else if (strcmp(s, "--check-config") == 0)
            o->check_config = true;
        else if (strcmp(s, "--version") == 0) {
            printf("career-kiosk %s\n%s", CK_VERSION, CK_LICENCE);
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
    if (o->mode == PLATFORM_HEADLESS && !o->script && !o->check_config) {
        fprintf(stderr, "career-kiosk: --headless needs --script FILE\n");
        return false;
    }
    return true;
}

/* A logo the kiosk can draw. */
static int logo_check(const Config *c, ConfigProblem *p, int cap, int n)
{
    char why[300];
    int w, h;
    if (*c->office.logo && !platform_image_check(c->office.logo, &w, &h, why, sizeof why)) {
        if (n < cap) {
            p[n].line = c->logo_line;
            snprintf(p[n].text, sizeof p[n].text, "logo: %s", why);
        }
        n++;
    }
    return n;
}

/* The problems of the config file at path, on stderr. */
static void refuse(const char *path, const ConfigProblem *p, int n)
{
    config_report(stderr, path, p, n);
    fprintf(stderr, "career-kiosk: %s has %d problem%s; not starting until %s fixed\n", path, n,
            n == 1 ? "" : "s", n == 1 ? "it is" : "they are");
}

/* What only the kiosk can judge: a logo it can draw (unless that is
 * checked while the window opens: logo_later), a language it has. */
static int kiosk_checks(const Config *c, bool logo_later, ConfigProblem *p, int cap, int n)
{
    if (!logo_later)
        n = logo_check(c, p, cap, n);
    if (!strings_set_language(c->language)) {
        if (n < cap) {
            p[n].line = c->language_line;
            snprintf(p[n].text, sizeof p[n].text,
                     "language: the kiosk has no screens in \"%s\"; it has: %s", c->language,
                     strings_languages());
        }
        n++;
    }
    return config_check_files(c, p, cap, n);
}

/* The config file with --db applied, checked through. Problems go to
 * stderr; false then. With logo_later the logo is checked on a thread
 * while the window opens, and logo_checked gives the answer. */
static bool load_config(const Options *o, Config *c, bool logo_later)
{
    ConfigProblem p[CONFIG_PROBLEMS];
    int n;
    const char *path = config_path(o->config);
    config_defaults(c, CK_ASSETS_DIR, CK_DB_PATH);
    config_load(path, c, p, CONFIG_PROBLEMS, &n);
    if (o->db)
        snprintf(c->database, sizeof c->database, "%s", o->db);
    if (logo_later)
        platform_prepare_image(c->office.logo);
    n = kiosk_checks(c, logo_later, p, CONFIG_PROBLEMS, n);
    if (n == 0)
        return true;
    if (logo_later) /* not starting: every problem told at once */
        n = logo_check(c, p, CONFIG_PROBLEMS, n);
    refuse(path, p, n);
    return false;
}

/* The logo load_config left to check while the window opened. */
static bool logo_checked(const Options *o, const Config *c)
{
    ConfigProblem p[1];
    int n = logo_check(c, p, 1, 0);
    if (n)
        refuse(config_path(o->config), p, n);
    return n == 0;
}

/* When the last bundle arrived and from where, and whether that is
 * longer ago than stale_days. */
static void last_bundle(const Config *c)
{
    char err[STORE_ERR], when[40] = "", source[120] = "";
    Store *s = access(c->database, F_OK) == 0 ? store_open(c->database, err, sizeof err) : NULL;
    if (s) {
        store_meta_get(s, "import_time", when, sizeof when);
        store_meta_get(s, "import_source", source, sizeof source);
        store_close(s);
    }
    if (!when[0]) {
        printf("  last bundle: none arrived yet%s\n", s ? "" : " (no directory yet)");
        return;
    }
    Clock clock = clock_real();
    Date today, last;
    clock_today(&clock, &today.y, &today.m, &today.d);
    char day[11];
    snprintf(day, sizeof day, "%.10s", when);
    int days = date_parse(day, &last) ? date_to_days(today) - date_to_days(last) : -1;
    printf("  last bundle: %s, from %s (%d day%s ago)%s\n", when, source[0] ? source : "a file",
           days, days == 1 ? "" : "s",
           c->stale_days > 0 && days >= c->stale_days ? ": STALE, staff see a notice" : "");
}

/* --check-config: every problem, or what the kiosk will use. */
static int check_config(const Options *o)
{
    Config c;
    char printer[200];
    const char *path = config_path(o->config);
    static const char *const turns[] = {"normal", "left", "right", "inverted"};
    if (!load_config(o, &c, false))
        return 1;
    print_setup_describe(&c.print, printer, sizeof printer);
    printf("%s: no problems%s\n", path, access(path, F_OK) == 0 ? "" : " (no file: all defaults)");
    printf("  office:      %s, %s\n", c.office.name, c.office.school);
    printf("  logo:        %s\n", *c.office.logo ? c.office.logo : "none");
    printf("  colours:     primary #%06X, accent #%06X, background #%06X\n", (unsigned)c.primary,
           (unsigned)c.accent, (unsigned)c.background);
    printf("  screen:      turned %s; drawn by %s; language %s; idle after %d s\n", turns[c.turn],
           c.render == PLATFORM_RENDER_GPU ? "the GPU (render = gpu)"
                                           : "SDL's software renderer (render = software)",
           c.language, c.idle_seconds);
    printf("  directory:   %s\n", c.database);
    printf("  printer:     %s\n", printer);
    printf("  staff PIN:   %s\n", *c.pin_hash ? "set" : "not set (staff mode is off)");
    printf("  signing keys: %d trusted; sticks looked for under %s\n", c.trust.n, c.usb_roots);
    static const char *const inbox[] = {"off", "auto (imported between visitors)",
                                        "staff (waits for the PIN)"};
    printf("  inbox:       %s", inbox[c.inbox]);
    if (c.inbox != CONFIG_INBOX_OFF)
        printf("; %s, reports and stats to %s as %s-*, every %d h", c.inbox_dir, c.outbox_dir,
               c.kiosk_id, c.outbox_hours);
    printf("\n  encrypted:   %s\n",
           *c.age_key ? c.age_key : "no age key (mentors.csv.age refused)");
    last_bundle(&c);
    ConfigProblem warn[CONFIG_PROBLEMS];
    int nwarn = config_check_fleet(&c, warn, CONFIG_PROBLEMS, 0);
    nwarn = config_check_secret(&c, path, warn, CONFIG_PROBLEMS, nwarn);
    if (nwarn) {
        printf("warnings (the kiosk starts, but fix %s):\n", nwarn == 1 ? "this" : "these");
        fflush(stdout);
        config_report(stdout, path, warn, nwarn);
    }
    return 0;
}

/* The interactive loop: sleep until input or a timer, draw on change.
 * systemd hears READY once the first screen shows, then a watchdog ping
 * each pass, so a hung loop gets restarted. */
static void run(App *a)
{
    int ping = service_ping_every_ms();
    char status[200];
    snprintf(status, sizeof status, "showing the kiosk for %s", a->cfg.office.name);
    app_render(a, true);
    service_ready(status);
    /* one line for the journal: which build, and what it runs on */
    fprintf(stderr, "career-kiosk %s: %s; directory %s; drawn by SDL's %s renderer into %s\n",
            CK_VERSION, status, a->cfg.database, platform_renderer(a->platform),
            platform_shown_through(a->platform));
    while (!a->quit) {
        Input in;
        service_alive((uint64_t)clock_ms());
        app_render(a, false);
        /* after the frame: a frame can ask for the next one (the codes
         * fitted to the room it found), which must not wait for a touch */
        int wait = app_wait_ms(a);
        if (ping > 0 && (wait < 0 || wait > ping))
            wait = ping;
        if (platform_next(a->platform, &in, wait)) {
            app_input(a, &in);
            while (!a->quit && platform_next(a->platform, &in, 0))
                app_input(a, &in);
        }
        app_tick(a);
    }
}

/* Makes the --screenshots folder and its missing parents (as mkdir -p),
 * so a first run's screenshots have somewhere to go; false after saying
 * why not. */
static bool shots_folder(const char *dir)
{
    char path[1024];
    struct stat st;
    snprintf(path, sizeof path, "%s", dir);
    for (char *p = path + 1;; p++) {
        bool last = *p == '\0';
        if (*p != '/' && !last)
            continue;
        *p = '\0';
        if ((mkdir(path, 0777) != 0 && errno != EEXIST) || stat(path, &st) != 0 ||
            !S_ISDIR(st.st_mode)) {
            fprintf(stderr, "career-kiosk: cannot make the folder %s for --screenshots: %s\n", path,
                    errno == EEXIST ? "a file of that name is in the way" : strerror(errno));
            return false;
        }
        if (last)
            return true;
        *p = '/';
    }
}

int main(int argc, char **argv)
{
    Options o;
    Config cfg;
    App app = {0};
    char err[600];
    int rc = 0;
    app.started_ms = clock_ms();
    app.clock = clock_real();
    /* weeks unattended: large blocks (printed pages) go back to the
     * system when freed, instead of glibc raising its threshold and
     * keeping them in the heap */
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    if (!parse(argc, argv, &o) || (o.shots && !shots_folder(o.shots)))
        return 2;
    if (o.check_config)
        return check_config(&o);
    platform_prepare(); /* the fonts are looked for while the configuration is read */
    if (!load_config(&o, &cfg, true)) {
        platform_unprepare();
        return EXIT_CONFIG;
    }
    /* what visitors type stays in RAM: no core file, not swapped */
    char why[120];
    if (!memory_harden(why, sizeof why))
        fprintf(stderr,
                "career-kiosk: memory is not locked against swapping (%s); the visitor's "
                "session is, the rest may be swapped. The service sets LimitMEMLOCK=infinity.\n",
                why);
    if (o.today) {
        Date d;
        if (!date_parse(o.today, &d)) {
            fprintf(stderr, "career-kiosk: --today wants a date like 2026-11-22\n");
            platform_unprepare();
            return 2;
        }
        app.clock = clock_pinned(d.y, d.m, d.d);
    }
    strings_set_language(cfg.language);
    PlatformOptions po = {o.mode, o.w, o.h, cfg.office.name, cfg.turn, cfg.render};
    Platform *p = platform_open(&po, err, sizeof err);
    if (!p) {
        if (strncmp(err, "no display", 10) == 0)
            fprintf(stderr, "career-kiosk: no display found. Try `xvfb-run make run`, or "
                            "`make demo` for screenshots of every screen.\n");
        else
            fprintf(stderr, "career-kiosk: %s\n", err);
        return 2;
    }
    if (!logo_checked(&o, &cfg)) {
        platform_close(p);
        return EXIT_CONFIG;
    }
    if (!app_open(&app, p, &cfg, err, sizeof err)) {
        fprintf(stderr, "career-kiosk: %s\n", err);
        rc = 2;
    } else if (o.script) { /* headless, or in a real window (make bench) */
        service_ready(o.mode == PLATFORM_HEADLESS ? "headless" : "scripted");
        if (o.mode != PLATFORM_HEADLESS)
            fprintf(stderr, "career-kiosk: drawing with SDL's %s renderer into %s\n",
                    platform_renderer(p), platform_shown_through(p));
        rc = script_run(&app, o.script, o.shots) ? app.exit_code : 1;
    } else {
        run(&app);
        rc = app.exit_code;
    }
    service_stopping();
    app_close(&app);
    platform_exit(p, rc);
}
