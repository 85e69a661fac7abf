/* Tests for the touch app, run as visitors use it: the real career-kiosk,
 * headless, driven by scripts, at the three screen sizes we support. The
 * QR codes are read back from its screenshots by zbarimg. */
#include "support.h"

#include "core/typed.h"

#include "platform.h"

#include <sqlite3.h>
#include <stdio.h>
#include <sys/stat.h>

/* Runs script text at size with a fresh directory; returns the exit code
 * and the output in *out (NULL: discard). Screenshots go to dir/shots. */
static int run(char **out, const char *size, const char *script)
{
    static int turn;
    char path[1100], db[1100], shots[1100];
    snprintf(path, sizeof path, "%s/script%d.txt", support_dir, ++turn);
    snprintf(db, sizeof db, "%s/run%d.db", support_dir, turn);
    snprintf(shots, sizeof shots, "%s/shots", support_dir);
    mkdir(shots, 0755);
    support_write(path, script, (size_t)-1);
    return support_kiosk(out,
                         "--headless --size %s --today 2026-11-22 --db %s --script %s "
                         "--screenshots %s",
                         size, db, path, shots);
}

/* What zbarimg reads in dir/shots/name.png, optionally at half size. */
static char *decode(const char *name, bool half)
{
    char *out;
    const char *img = support_path(support_dir, "shots");
    if (half) {
        assert_int_equal(
            support_sh(NULL, "convert %s/%s.png -resize 50%% %s/half.png", img, name, support_dir),
            0);
        support_sh(&out, "zbarimg --quiet --raw %s/half.png 2>/dev/null", support_dir);
    } else
        support_sh(&out, "zbarimg --quiet --raw %s/%s.png 2>/dev/null", img, name);
    return out;
}

/* Runs the kiosk headless with a config file holding conf; like run(). */
static int run_with(char **out, const char *size, const char *conf, const char *script)
{
    static int turn;
    char path[1100], cfg[1100], db[1100], shots[1100];
    snprintf(path, sizeof path, "%s/cscript%d.txt", support_dir, ++turn);
    snprintf(cfg, sizeof cfg, "%s/kiosk%d.conf", support_dir, turn);
    snprintf(db, sizeof db, "%s/crun%d.db", support_dir, turn);
    snprintf(shots, sizeof shots, "%s/shots", support_dir);
    mkdir(shots, 0755);
    support_write(path, script, (size_t)-1);
    support_write(cfg, conf, (size_t)-1);
    return support_kiosk(out,
                         "--headless --size %s --today 2026-11-22 --config %s --db %s "
                         "--script %s --screenshots %s",
                         size, cfg, db, path, shots);
}

/* How many pixels of shots/name.png are exactly the colour "#RRGGBB". */
static long pixels_of(const char *name, const char *colour)
{
    char *out;
    assert_int_equal(support_sh(&out,
                                "convert %s/shots/%s.png -fill black +opaque '%s' -fill white "
                                "-opaque '%s' -format '%%[fx:round(mean*w*h)]' info:",
                                support_dir, name, colour, colour),
                     0);
    long n = atol(out);
    free(out);
    return n;
}

/* The colour of one pixel of shots/name.png, as ImageMagick names it. */
static char *pixel_at(const char *name, int x, int y)
{
    char *out;
    assert_int_equal(support_sh(&out, "convert %s/shots/%s.png -format '%%[pixel:p{%d,%d}]' info:",
                                support_dir, name, x, y),
                     0);
    return out;
}

/* The office's logo and colours on the Welcome screen; an office named
 * without a logo shows none (not the sample's). */
static void test_branding_on_welcome(void **state)
{
    (void)state;
    char *out;
    const char *shot = "expect screen welcome\nscreenshot brand\n";
    int rc = run_with(&out, "1920x1080",
                      "[office]\nname = Lakeside Careers\nlogo = " CK_ASSETS_DIR
                      "/logo.sample.svg\n[theme]\nprimary = #8B1E3F\n",
                      shot);
    if (rc != 0)
        fail_msg("branded welcome: %s", out);
    free(out);
    assert_true(pixels_of("brand", "#8B1E3F") > 20000); /* Touch to start, in the office's red */
    assert_true(pixels_of("brand", "#0F5C6E") > 2000);  /* the logo's own teal */
    rc = run_with(&out, "1920x1080", "[office]\nname = Lakeside Careers\n", shot);
    assert_int_equal(rc, 0);
    free(out);
    assert_int_equal(pixels_of("brand", "#8B1E3F"), 0);
    assert_true(pixels_of("brand", "#0F5C6E") > 20000);     /* the built-in primary */
    assert_int_equal(pixels_of("brand", "#E9A23B") > 0, 1); /* the tip card's accent bar */
    char *star = pixel_at("brand", 60, 40);                 /* where a logo would be: background */
    assert_non_null(strstr(star, "(245,242,235)"));
    free(star);
}

/* --check-config: every problem with its line, and a kiosk that will not
 * start on such a file (status 78, which its service does not restart). */
static void test_check_config(void **state)
{
    (void)state;
    char *out;
    const char *good = support_path(support_dir, "good.conf");
    support_write(good,
                  "[office]\nname = Lakeside Careers\nlogo = " CK_ASSETS_DIR
                  "/logo.sample.svg\n[kiosk]\norientation = left\n",
                  (size_t)-1);
    int rc = support_kiosk(&out, "--check-config --config %s --db %s/m.db", good, support_dir);
    if (rc != 0)
        fail_msg("good config: %s", out);
    assert_non_null(strstr(out, "good.conf: no problems"));
    assert_non_null(strstr(out, "Lakeside Careers"));
    assert_non_null(strstr(out, "turned left"));
    assert_non_null(strstr(out, "drawn by SDL's software renderer (render = software)"));
    free(out);
    const char *bad = support_path(support_dir, "bad.conf");
    support_write(support_path(support_dir, "notes.txt"), "not a picture\n", (size_t)-1);
    support_write(bad,
                  "[office]\n"                                /* 1 */
                  "logo = %s/notes.txt\n"                     /* 2: not an image */
                  "[kiosk]\n"                                 /* 3 */
                  "orientation = sideways\n"                  /* 4 */
                  "language = fr\n"                           /* 5 */
                  "[theme]\n"                                 /* 6 */
                  "primary = #FFEE00\n"                       /* 7: unreadable */
                  "[directory]\n"                             /* 8 */
                  "questions = /nonexistent/questions.csv\n", /* 9 */
                  (size_t)-1);
    char *text = support_read(bad, NULL);
    char *fixed = malloc(strlen(text) + 1100);
    snprintf(fixed, strlen(text) + 1100, text, support_dir);
    support_write(bad, fixed, (size_t)-1);
    free(text);
    free(fixed);
    rc = support_kiosk(&out, "--check-config --config %s --db %s/m.db", bad, support_dir);
    assert_int_equal(rc, 1);
    static const char *const want[] = {
        "bad.conf:4: orientation should be normal, left, right or inverted",
        "bad.conf:7: [theme] primary: the white words on buttons is too faint",
        "bad.conf:2: logo: ",
        "not a PNG, JPEG or SVG image",
        "bad.conf:5: language: the kiosk has no screens in \"fr\"; it has: en",
        "bad.conf:9: questions: the question bank /nonexistent/questions.csv cannot be read",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        if (!strstr(out, want[i]))
            fail_msg("missing \"%s\" in:\n%s", want[i], out);
    free(out);
    rc = support_kiosk(&out, "--headless --size 1280x800 --config %s --db %s/m.db --script %s", bad,
                       support_dir, bad);
    assert_int_equal(rc, 78);
    assert_non_null(strstr(out, "has 6 problems; not starting until they are fixed"));
    free(out);
}

/* orientation = left: the panel shows the upright picture a quarter
 * counter-clockwise, pixel for pixel, and a touch on the panel lands on
 * the point of the picture that is shown there. */
static void test_turned_screen(void **state)
{
    (void)state;
    char *out;
    int rc = run_with(&out, "1080x1920", "", "expect screen welcome\nscreenshot upright\n");
    assert_int_equal(rc, 0);
    free(out);
    rc = run_with(&out, "1920x1080", "[kiosk]\norientation = left\n",
                  "expect screen welcome\nscreenshot turned\ntap \"Touch to start\"\n"
                  "expect screen about\n");
    if (rc != 0)
        fail_msg("turned kiosk: %s", out);
    free(out);
    assert_int_equal(
        support_sh(&out, "identify -format '%%wx%%h' %s/shots/turned.png", support_dir), 0);
    assert_string_equal(out, "1920x1080");
    free(out);
    /* turned back a quarter clockwise, it is the upright picture */
    support_sh(&out,
               "convert %s/shots/turned.png -rotate 90 %s/back.png && "
               "compare -metric AE %s/back.png %s/shots/upright.png null: 2>&1",
               support_dir, support_dir, support_dir, support_dir);
    assert_int_equal(atol(out), 0);
    free(out);
    /* input: each panel point maps to the picture's pixel shown there */
    static const int at[][2] = {{100, 60}, {1800, 1000}, {960, 540}, {300, 900}, {1500, 200}};
    for (size_t i = 0; i < sizeof at / sizeof *at; i++) {
        int x, y;
        platform_turn_point(PLATFORM_TURN_LEFT, 1920, 1080, at[i][0], at[i][1], &x, &y);
        char *panel = pixel_at("turned", at[i][0], at[i][1]), *pic = pixel_at("upright", x, y);
        assert_string_equal(panel, pic);
        free(panel);
        free(pic);
    }
    int x, y;
    platform_turn_point(PLATFORM_TURN_RIGHT, 1920, 1080, 0, 0, &x, &y);
    assert_true(x == 0 && y == 1919);
    platform_turn_point(PLATFORM_TURN_INVERTED, 1920, 1080, 0, 0, &x, &y);
    assert_true(x == 1919 && y == 1079);
}

/* Every screenshot of the walk is, pixel for pixel, the one in
 * docs/screens/SIZE/ (what `make demo` wrote and the README shows): a
 * change that moves a pixel on a visitor's screen is seen here, and is
 * only right together with new screenshots from `make demo`. */
static void same_as_docs(const char *size)
{
    char *list;
    assert_int_equal(support_sh(&list, "ls %s/shots", support_dir), 0);
    int n = 0;
    for (char *name = strtok(list, "\n"); name; name = strtok(NULL, "\n"), n++) {
        char *diff;
        support_sh(&diff, "compare -metric AE %s/shots/%s docs/screens/%s/%s null: 2>&1",
                   support_dir, name, size, name);
        if (atol(diff) != 0 || (diff[0] < '0' || diff[0] > '9'))
            fail_msg("%s %s differs from docs/screens/%s (%s pixels); run `make demo` if the "
                     "change is meant",
                     size, name, size, diff);
        free(diff);
    }
    free(list);
    /* one for each screenshot the walkthrough takes, and docs has each */
    char *want;
    assert_int_equal(support_sh(&want, "grep -c '^screenshot' tests/scripts/walkthrough.txt"), 0);
    assert_int_equal(n, atoi(want));
    free(want);
    assert_int_equal(support_sh(&want, "ls docs/screens/%s | wc -l", size), 0);
    assert_int_equal(n, atoi(want));
    free(want);
}

static void walk(const char *size)
{
    char *out, *script = support_read("tests/scripts/walkthrough.txt", NULL);
    assert_non_null(script);
    int rc = run(&out, size, script);
    if (rc != 0)
        fail_msg("walkthrough at %s failed: %s", size, out);
    free(out);
    free(script);
    /* the codes each screenshot shows (the message code is one a phone
     * acts on: on a screen whose slot is too small for the whole draft,
     * its address and subject; test_codes reads the whole one shown large) */
    static const struct {
        const char *shot, *want, *or_else;
    } codes[] = {
        {"11-takeaway", "Prep sheet: a conversation with José García", NULL},
        /* every question whole */
        {"11-takeaway",
         "1. How did you come to be in your current role? I'd like to hear the path in your own "
         "words. (3m)",
         NULL},
        {"12-takeaway-message", "mailto:jose.garcia@example.org?subject=Graduate%20student", NULL},
        {"12-takeaway-message", "&body=Dear%20Jos%C3%A9,%0D%0A%0D%0AMy%20name%20is%20Sam",
         "%20to%20learn%20about%20your%20work%3F\n"},
        {"13-takeaway-contact", "FN:José García", NULL},
        {"14-takeaway-reminders", "SUMMARY:Send your request to José García", NULL},
        {"15-takeaway-thanks", "Thank", NULL},
    };
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
        for (int half = 0; half < 2; half++) {
            char *got = decode(codes[i].shot, half);
            if (!strstr(got, codes[i].want) && !(codes[i].or_else && strstr(got, codes[i].or_else)))
                fail_msg("%s %s%s: \"%s\" not in what zbarimg read:\n%.300s", size, codes[i].shot,
                         half ? " at half size" : "", codes[i].want, got);
            free(got);
        }
    same_as_docs(size);
}

static void test_walk_1920x1080(void **state)
{
    (void)state;
    walk("1920x1080");
}

static void test_walk_1080x1920(void **state)
{
    (void)state;
    walk("1080x1920");
}

static void test_walk_1280x800(void **state)
{
    (void)state;
    walk("1280x800");
}

/* The walks every layout is checked on: the walkthrough and five
 * visitors' (a first-year who types nothing, a career changer into
 * nursing, a veteran, an alum searching a company, a graduate student
 * with a name in another script). */
static const char *const walks[] = {
    "walkthrough",     "visitor-first-year", "visitor-career-changer",
    "visitor-veteran", "visitor-alum",       "visitor-grad-nonlatin",
};

/* Every screen of every walk, at size, with each of the four settings
 * (none, Larger text, High contrast, both), goes through `expect
 * layout` (`layout on` checks the screen after every command): a kiosk
 * for each setting walks all six visitors, each turning the setting on
 * at Welcome (a finished visit turns it off for the next), on a fresh
 * directory (the sample mentors' monthly caps hold for six visits, not
 * for 24). Screenshots are left out: they are not what is checked. */
static void layout_everywhere(const char *size, unsigned which)
{
    static const char *const settings[] = {"", "tap \"Larger text\"\n", "tap \"High contrast\"\n",
                                           "tap \"Larger text\"\ntap \"High contrast\"\n"};
    size_t cap = 1 << 18;
    char *script = malloc(cap), path[200];
    for (size_t k = 0; k < 4; k++) {
        if (!(which & 1u << k))
            continue;
        size_t len = (size_t)snprintf(script, cap, "layout on\n");
        for (size_t i = 0; i < sizeof walks / sizeof *walks; i++) {
            snprintf(path, sizeof path, "tests/scripts/%s.txt", walks[i]);
            char *walk = support_read(path, NULL);
            assert_non_null(walk);
            len +=
                (size_t)snprintf(script + len, cap - len, "expect screen welcome\n%s", settings[k]);
            for (char *l = strtok(walk, "\n"); l; l = strtok(NULL, "\n"))
                if (strncmp(l, "screenshot ", 11) != 0)
                    len += (size_t)snprintf(script + len, cap - len, "%s\n", l);
            free(walk);
        }
        assert_true(len < cap - 1);
        char *out;
        int rc = run(&out, size, script);
        if (rc != 0)
            fail_msg("the layout does not hold at %s with \"%s\":\n%s", size, settings[k], out);
        free(out);
    }
    free(script);
}

static void test_layout_1920x1080(void **state)
{
    (void)state;
    layout_everywhere("1920x1080", 0xF);
}

static void test_layout_1080x1920(void **state)
{
    (void)state;
    layout_everywhere("1080x1920", 0xF);
}

static void test_layout_1280x800(void **state)
{
    (void)state;
    layout_everywhere("1280x800", 0xF);
}

/* A panel smaller than we support (640x480: a keyboard of touch-sized
 * keys takes most of it) still holds, plainly and with both settings. */
static void test_layout_640x480(void **state)
{
    (void)state;
    layout_everywhere("640x480", 0x9);
}

/* The check can fail: the About step with Larger text at 1280x800 as it
 * was before it scrolled, drawn by a kiosk whose screen is made too short
 * for it, fails (its chips run into the bottom bar); and a problem stops
 * the script at the line that brought it up, naming it. */
static void test_a_broken_layout_fails(void **state)
{
    (void)state;
    char *out;
    /* 1280x320: the top bar, a keyboard taller than the screen leaves
     * room for (five rows of 53 px keys) and nothing else */
    int rc = run(&out, "1280x320",
                 "tap \"Touch to start\"\ntap \"Larger text\"\nlayout on\n"
                 "tap \"Your first name\"\n");
    assert_int_equal(rc, 1);
    if (!strstr(out, ":4: the layout of about at 1280x320, larger text has") ||
        !strstr(out, "reaches into the keyboard"))
        fail_msg("%s", out);
    free(out);
}

static void test_script_failures_are_reported(void **state)
{
    (void)state;
    char *out;
    assert_int_equal(run(&out, "1280x800", "expect screen welcome\nexpect screen questions\n"), 1);
    assert_non_null(strstr(out, "script2.txt:2: expected screen questions, but it is welcome") ||
                            strstr(out, ":2: expected screen questions, but it is welcome")
                        ? "ok"
                        : NULL);
    free(out);
    assert_int_equal(run(&out, "1280x800", "tap \"No such button\"\n"), 1);
    assert_non_null(strstr(out, ":1: nothing on screen is labelled No such button"));
    free(out);
}

static const char *start = "tap \"Touch to start\"\n"
                           "tap \"Your first name\"\ntype Zephyrine\ntap Done\n"
                           "tap \"What are you exploring?\"\ntype quokka ecology\ntap Done\n";

static void test_idle_warns_then_wipes(void **state)
{
    (void)state;
    char script[2000], *out;
    snprintf(script, sizeof script,
             "%s"
             "expect field \"Your first name\" = Zephyrine\n"
             "wait 85000\nexpect no-text \"Still there?\"\n"
             "wait 6000\nexpect text \"Still there?\"\nscreenshot idle\n"
             "wait 16000\nexpect screen welcome\n"
             "tap \"Touch to start\"\nexpect field \"Your first name\" = \"\"\n"
             "expect field \"What are you exploring?\" = \"\"\n",
             start);
    int rc = run(&out, "1920x1080", script);
    if (rc)
        fail_msg("%s", out);
    free(out);
}

static void test_more_time_keeps_the_session(void **state)
{
    (void)state;
    char script[2000], *out;
    snprintf(script, sizeof script,
             "%s"
             "wait 92000\nexpect text \"Still there?\"\ntap \"I need more time\"\n"
             "expect no-text \"Still there?\"\nexpect screen about\n"
             "expect field \"Your first name\" = Zephyrine\n",
             start);
    int rc = run(&out, "1280x800", script);
    if (rc)
        fail_msg("%s", out);
    free(out);
}

static void test_start_over_asks_once(void **state)
{
    (void)state;
    char script[2000], *out;
    snprintf(script, sizeof script,
             "%s"
             "tap \"Start over\"\nexpect text \"Start over?\"\ntap \"Keep going\"\n"
             "expect screen about\nexpect field \"Your first name\" = Zephyrine\n"
             "tap \"Start over\"\ntap \"Start over\"\nexpect screen welcome\n"
             "tap \"Touch to start\"\nexpect field \"Your first name\" = \"\"\n",
             start);
    int rc = run(&out, "1080x1920", script);
    if (rc)
        fail_msg("%s", out);
    free(out);
}

static void test_back_on_every_step(void **state)
{
    (void)state;
    char *out;
    const char *script = "tap \"Touch to start\"\ntap \"Skip this step\"\nexpect screen search\n"
                         "tap Search\ntype müller\ntap Done\ntap \"Zoë Müller\"\n"
                         "expect screen detail\ntap \"Choose Zoë\"\nexpect screen message\n"
                         "tap \"Next: pick questions\"\ntap \"Next: take it with you\"\n"
                         "expect screen takeaway\n"
                         "tap Back\nexpect screen questions\ntap Back\nexpect screen message\n"
                         "tap Back\nexpect screen detail\ntap Back\nexpect screen search\n"
                         "tap Back\nexpect screen about\ntap Back\nexpect screen welcome\n";
    int rc = run(&out, "1920x1080", script);
    if (rc)
        fail_msg("%s", out);
    free(out);
}

static void test_on_screen_keyboard(void **state)
{
    (void)state;
    char *out;
    const char *script = "tap \"Touch to start\"\ntap \"Your first name\"\n"
                         "tap S\ntap a\ntap m\ntap àéü\ntap é\ntap abc\n"
                         "expect field \"Your first name\" = Samé\n"
                         "tap Delete\ntap Space\ntap Shift\ntap j\n"
                         "expect field \"Your first name\" = \"Sam J\"\n"
                         "key backspace\nkey backspace\n"
                         "expect field \"Your first name\" = Sam\n"
                         "tap Done\nexpect text \"Next: find someone\"\n";
    int rc = run(&out, "1280x800", script);
    if (rc)
        fail_msg("%s", out);
    free(out);
}

/* What a visitor types cannot disguise the message: a RIGHT-TO-LEFT
 * OVERRIDE, an escape code or a byte-order mark typed into a field
 * reaches neither the field, the message, the sheet nor a code; an emoji
 * is left out with a hint, never drawn as an empty box. */
static void test_typed_controls_never_reach_the_takeaway(void **state)
{
    (void)state;
    char *out;
    const char *script =
        "layout on\n"
        "tap \"Touch to start\"\ntap \"Your first name\"\n"
        "type Sam\u202Eevil\x1b[0m\n"
        "expect field \"Your first name\" = Samevil[0m\n"
        "expect no-text \"That character can't be shown here\"\n"
        "type \U0001F44D\n"
        "expect field \"Your first name\" = Samevil[0m\n"
        "expect text \"That character can't be shown here\"\n"
        "screenshot typed-refused\n"
        "key backspace\nkey backspace\nkey backspace\n"
        "expect no-text \"That character can't be shown here\"\n"
        "expect field \"Your first name\" = Samevil\n"
        "tap Done\ntap \"Your program or major\"\ntype \xEF\xBB\xBF" "Bio\u202Blogy\u2066\n"
        "expect field \"Your program or major\" = Biology\n"
        "tap Done\ntap \"Next: find someone\"\ntap Search\ntype jose\u202E\ntap Done\n"
        "tap \"José García\"\ntap \"Choose José\"\n"
        "tap \"Next: pick questions\"\ntap \"Next: take it with you\"\ndump takeaway\n";
    int rc = run(&out, "1280x800", script);
    if (rc)
        fail_msg("%s", out);
    static const char *const never[] = {"\u202E", "\u202B", "\u2066",   "\xEF\xBB\xBF", "\x1b",
                                        "%E2%80%AE", "%E2%80%AB", "%E2%81%A6", "%EF%BB%BF",  "%1B"};
    for (size_t i = 0; i < sizeof never / sizeof *never; i++)
        if (strstr(out, never[i]))
            fail_msg("the take-away holds what was typed as control %zu: %.400s", i,
                     strstr(out, never[i]));
    /* the sheet, for paper, quotes the name isolated; the codes carry it
     * plain (a Latin name needs no mark on a phone) */
    assert_non_null(strstr(out, "My name is " TYPED_FSI "Samevil" TYPED_PDI ", and I am"));
    const char *codes = strstr(out, "== payload");
    assert_non_null(codes);
    assert_null(strstr(codes, TYPED_FSI));
    assert_null(strstr(codes, TYPED_PDI));
    assert_null(strstr(codes, "%E2%81%A8"));
    assert_null(strstr(codes, "%E2%81%A9"));
    assert_non_null(strstr(codes, "My%20name%20is%20Samevil,%20and%20I%20am"));
    free(out);
}

static void test_empty_search_explains(void **state)
{
    (void)state;
    char *out;
    const char *script = "tap \"Touch to start\"\ntap \"Skip this step\"\n"
                         "tap Search\ntype xylophonist\ntap Done\n"
                         "expect text \"No one matches that yet\"\nscreenshot empty\n";
    int rc = run(&out, "1920x1080", script);
    if (rc)
        fail_msg("%s", out);
    free(out);
}

/* A mentor at their monthly cap, searched for by name: the visitor is
 * told they have had their requests this month and offered their field,
 * and that tap leads on to others in it. */
static void test_a_mentor_at_the_cap_is_explained(void **state)
{
    (void)state;
    char db[1100], path[1100], *out;
    snprintf(db, sizeof db, "%s/capped.db", support_dir);
    snprintf(path, sizeof path, "%s/capped.txt", support_dir);
    assert_int_equal(support_admin(NULL, "--db %s init", db), 0);
    assert_int_equal(support_sh(NULL,
                                "sqlite3 %s \"INSERT INTO referrals SELECT id, '2026-11-03',"
                                " monthly_cap FROM mentors WHERE first_name = 'José'"
                                " AND last_name = 'García'\"",
                                db),
                     0);
    support_write(path,
                  "tap \"Touch to start\"\ntap \"Skip this step\"\n"
                  "tap Search\ntype jose garcia\ntap Done\n"
                  "expect text \"José García has had all the requests they take this month\"\n"
                  "expect no-text \"José Reyes\"\nexpect layout\n"
                  "tap \"Everyone in Software Engineering\"\n"
                  "expect no-text \"José García has had all the requests they take this month\"\n",
                  (size_t)-1);
    int rc = support_kiosk(
        &out, "--headless --size 1280x800 --today 2026-11-22 --db %s --script %s", db, path);
    if (rc)
        fail_msg("%s", out);
    free(out);
    /* the admin's search is the kiosk's, and says the same */
    assert_int_equal(
        support_admin(&out, "--db %s --today 2026-11-22 search --json jose garcia", db), 0);
    assert_non_null(strstr(out, "\"at_monthly_cap\":\"José García\""));
    assert_non_null(strstr(out, "\"count\":0"));
    free(out);
}

/* Searches that found nobody are counted when the visitor moves on, by
 * the career area their words were about (or "not recognised"), and the
 * words are never kept. */
static void test_nobody_found_is_counted_by_field(void **state)
{
    (void)state;
    char *out;
    const char *script = "tap \"Touch to start\"\ntap \"Skip this step\"\n"
                         "tap \"All fields \xe2\x96\xbe\"\ntap Law\n"
                         "tap Search\ntype midwife\ntap Done\n"
                         "expect text \"No one matches that yet\"\n"
                         "tap \"Everyone in Nursing\"\n"
                         "expect no-text \"No one matches that yet\"\n"
                         "tap Search\ntype xylophonist\ntap Done\n"
                         "expect text \"No one matches that yet\"\n"
                         "tap \"Clear the search\"\n"
                         "tap Search\ntype qwzxv\ntap Done\n"
                         "tap \"Start over\"\ntap \"Start over\"\nexpect screen welcome\n";
    int rc = run(&out, "1920x1080", script);
    if (rc)
        fail_msg("%s", out);
    free(out);
    assert_int_equal(support_admin(&out, "--db %s/run*.db --today 2026-11-22 stats", support_dir),
                     0);
    assert_non_null(strstr(out, "nobody_found:Nursing"));
    assert_non_null(strstr(out, "nobody_found:not recognised"));
    assert_null(strstr(out, "midwife"));
    assert_null(strstr(out, "xylophonist"));
    free(out);
    /* nor anywhere in the directory file ("midwife" is in its synonym
     * table, so only the words of no meaning are looked for) */
    assert_int_not_equal(
        support_sh(NULL, "grep -a -q -e xylophonist -e qwzxv %s/run*.db*", support_dir), 0);
}

static void test_every_script_has_a_font(void **state)
{
    (void)state;
    char *out;
    /* names from the sample directory in seven scripts, and a search that
     * finds one of them */
    const char *script = "expect glyphs \"Ольга Смирнова Ελένη ليلى حداد נועה כהן\"\n"
                         "expect glyphs \"王伟 佐藤美咲 김민준 प्रिया शर्मा Łukasz Søren\"\n"
                         "tap \"Touch to start\"\ntap \"Skip this step\"\n"
                         "tap Search\ntype Ольга\ntap Done\nexpect text \"Ольга Смирнова\"\n"
                         "tap \"Ольга Смирнова\"\nscreenshot cyrillic\n";
    int rc = run(&out, "1280x800", script);
    if (rc)
        fail_msg("%s", out);
    free(out);
}

/* The colour of one pixel of a screenshot, as ImageMagick writes it. */
static char *pixel(const char *shot, int x, int y)
{
    char *out;
    support_sh(&out, "convert %s/shots/%s.png -format '%%[pixel:p{%d,%d}]' info:", support_dir,
               shot, x, y);
    return out;
}

static void test_large_text_and_high_contrast(void **state)
{
    (void)state;
    char *out;
    const char *script = "tap \"Touch to start\"\nscreenshot plain\n"
                         "tap \"High contrast\"\nscreenshot contrast\n"
                         "tap \"Larger text\"\nscreenshot large\n"
                         "tap \"Skip this step\"\nexpect text \"Larger text\"\n"
                         "expect text \"High contrast\"\n"
                         "tap \"Start over\"\ntap \"Start over\"\n"
                         "tap \"Touch to start\"\nscreenshot reset\n"
                         /* turned on at Welcome by someone who walked away */
                         "tap \"Start over\"\ntap \"Start over\"\ntap \"High contrast\"\n"
                         "screenshot welcome-contrast\nwait 100000\n"
                         "tap \"Touch to start\"\nscreenshot next-visitor\n";
    int rc = run(&out, "1920x1080", script);
    if (rc)
        fail_msg("%s", out);
    free(out);
    char *plain = pixel("plain", 960, 1000), *contrast = pixel("contrast", 960, 1000);
    char *reset = pixel("reset", 960, 1000);
    assert_string_equal(contrast, "srgb(0,0,0)");
    assert_string_not_equal(plain, contrast);
    assert_string_equal(plain, reset); /* the next visitor starts plain */
    char *welcome = pixel("welcome-contrast", 960, 1000), *next = pixel("next-visitor", 960, 1000);
    assert_string_equal(welcome, "srgb(0,0,0)");
    assert_string_equal(plain, next); /* and so after someone left it on at Welcome */
    free(welcome);
    free(next);
    free(plain);
    free(contrast);
    free(reset);
    /* larger text: the title takes more room */
    support_sh(&out, "compare -metric AE %s/shots/contrast.png %s/shots/large.png null: 2>&1",
               support_dir, support_dir);
    assert_true(atol(out) > 10000);
    free(out);
}

/* The ink of the text in a field: of the colours inside r (a little in
 * from its outline) in shots/name.png, the one farthest from the most
 * common (the field's fill), as 0xRRGGBB. */
static unsigned ink(const char *name, int x, int y, int w, int h)
{
    char *out;
    int in = 12;
    assert_int_equal(support_sh(&out,
                                "convert %s/shots/%s.png -crop %dx%d+%d+%d +repage -depth 8 "
                                "-format %%c histogram:info:- | sort -rn",
                                support_dir, name, w - 2 * in, h - 2 * in, x + in, y + in),
                     0);
    unsigned fill = 0, best = 0;
    int far = -1;
    bool first = true;
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        const char *hash = strchr(line, '#');
        unsigned c;
        if (!hash || sscanf(hash + 1, "%6x", &c) != 1)
            continue;
        if (first) {
            fill = c;
            first = false;
        }
        int d = abs((int)(c >> 16) - (int)(fill >> 16)) +
                abs((int)((c >> 8) & 255) - (int)((fill >> 8) & 255)) +
                abs((int)(c & 255) - (int)(fill & 255));
        if (d > far)
            far = d, best = c;
    }
    free(out);
    return best;
}

/* Where the field named label was laid out, from a dump in out. */
static void field_at(const char *out, const char *label, int *x, int *y, int *w, int *h)
{
    char want[200];
    snprintf(want, sizeof want, " %s\n", label);
    for (const char *p = strstr(out, "item "); p; p = strstr(p + 1, "\nitem ")) {
        const char *at = p[0] == '\n' ? p + 1 : p, *nl = strchr(at, '\n');
        int n = 0;
        if (sscanf(at, "item %d %d %d %d %n", x, y, w, h, &n) == 4 && nl &&
            strncmp(at + n - 1, want, strlen(want)) == 0)
            return;
    }
    fail_msg("no field \"%s\" in the dump:\n%s", label, out);
}

/* An empty field's example ("For example: Sam") is never drawn in the
 * colour typed text has, in either theme: else in High contrast, where
 * both were pure white, an example reads as filled in. */
static void test_a_placeholder_looks_like_one(void **state)
{
    (void)state;
    static const char *const themes[] = {"", "tap \"High contrast\"\n"};
    for (int t = 0; t < 2; t++) {
        char script[600], *out;
        snprintf(script, sizeof script,
                 "tap \"Touch to start\"\n%sdump\nscreenshot example\n"
                 "tap \"Your first name\"\ntype Sam\ntap Done\nscreenshot typed\n",
                 themes[t]);
        int rc = run(&out, "1280x800", script);
        if (rc)
            fail_msg("%s", out);
        int x, y, w, h;
        field_at(out, "Your first name", &x, &y, &w, &h);
        free(out);
        unsigned example = ink("example", x, y, w, h), typed = ink("typed", x, y, w, h);
        int d = abs((int)(example >> 16) - (int)(typed >> 16)) +
                abs((int)((example >> 8) & 255) - (int)((typed >> 8) & 255)) +
                abs((int)(example & 255) - (int)(typed & 255));
        if (d < 90)
            fail_msg("%s: the example is drawn in #%06X and typed text in #%06X: they look the "
                     "same",
                     t ? "high contrast" : "the plain theme", example, typed);
    }
}

/* Each mentor is offered only the way they asked to be reached: José
 * (email) an email and nothing else; Lan (phone) a phone script for a
 * phone call (its code dials); Kai (through the office) a request to the office; Kwame
 * (LinkedIn) a note, whose code carries his profile. */
/* Walks to mentor `name` (found by `query`), expecting `expect` (lines of
 * script) on the Message screen, then takes it away; the kiosk's output. */
static char *walk_to(const char *query, const char *name, const char *expect)
{
    char script[2000], *out, first[64];
    snprintf(first, sizeof first, "%s", name);
    first[strcspn(first, " ")] = '\0';
    snprintf(script, sizeof script,
             "tap \"Touch to start\"\ntap \"Skip this step\"\ntap Search\ntype %s\ntap Done\n"
             "tap \"%s\"\ntap \"Choose %s\"\n%s"
             "tap \"Next: pick questions\"\ntap \"Next: take it with you\"\ndump takeaway\n",
             query, name, first, expect);
    int rc = run(&out, "1920x1080", script);
    if (rc)
        fail_msg("%s: %s", name, out);
    return out;
}

static void test_only_the_mentors_channel_is_offered(void **state)
{
    (void)state;
    char *out = walk_to("jose", "José García",
                        "expect text \"Preview: email\"\nexpect text Subject\n"
                        "expect no-text \"Phone script\"\nexpect no-text \"LinkedIn note\"\n");
    assert_non_null(strstr(out, "mailto:jose.garcia@example.org?subject="));
    free(out);
    out = walk_to("lan nguy", "Lan Nguyễn",
                  "expect text \"Preview: phone\"\nexpect no-text Email\n"
                  "expect no-text Subject\n");
    assert_non_null(strstr(out, "Meeting: Phone call")
                        ? out
                        : strstr(out, "phone call")); /* the meeting follows the channel */
    assert_non_null(strstr(out, "== payload message ==\ntel:6175550106\n")); /* dials */
    free(out);
    out = walk_to("kai naka", "Kai Nakamura",
                  "expect text \"Preview: office\"\nexpect text \"Ask the career office\"\n");
    assert_non_null(strstr(out, "Could you introduce me?"));
    free(out);
    out = walk_to("kwame", "Kwame Mensah", "expect text \"Preview: linkedin\"\n");
    char *code = strstr(out, "== payload message ==");
    assert_non_null(code);
    /* the code opens his profile; the note to send is on the sheet */
    assert_non_null(strstr(code, "== payload message ==\nhttps://www.linkedin.com/in/example-ck-1024\n"));
    assert_true(strstr(out, "Hi Kwame") < code);
    free(out);
}

/* Finish sits where Next was: the second tap of a double tap is ignored,
 * and a sheet not looked at is not wiped without asking once. */
static void test_finish_is_not_a_double_tap(void **state)
{
    (void)state;
    char *out;
    const char *to = "tap \"Touch to start\"\ntap \"Skip this step\"\ntap Search\ntype jose\n"
                     "tap Done\ntap \"José García\"\ntap \"Choose José\"\n"
                     "tap \"Next: pick questions\"\n";
    char script[2000];
    snprintf(script, sizeof script,
             "%s"
             /* two quick taps at the bottom right */
             "tap \"Next: take it with you\"\ntap \"Finish and clear\"\n"
             "expect screen takeaway\nexpect no-text \"Leave without your sheet?\"\n"
             /* a moment later, not having looked: asked once */
             "wait 1100\ntap \"Finish and clear\"\nexpect text \"Leave without your sheet?\"\n"
             "tap \"Back to my sheet\"\nexpect screen takeaway\n"
             "expect no-text \"Leave without your sheet?\"\n"
             "tap \"Finish and clear\"\ntap \"Clear it now\"\nexpect screen welcome\n"
             /* having looked at a code: finished at once */
             "%s"
             "tap \"Next: take it with you\"\nwait 1100\ntap \"Contact card\"\n"
             "tap \"Finish and clear\"\nexpect screen welcome\n"
             /* having stayed a while: finished at once */
             "%s"
             "tap \"Next: take it with you\"\nwait 9000\ntap \"Finish and clear\"\n"
             "expect screen welcome\n",
             to, to, to);
    int rc = run(&out, "1280x800", script);
    if (rc)
        fail_msg("%s", out);
    free(out);
}

static void test_filters_narrow_the_results(void **state)
{
    (void)state;
    char *out;
    const char *script = "tap \"Touch to start\"\ntap \"Skip this step\"\n"
                         "tap Search\ntype jose gar\ntap Done\nexpect text \"José García\"\n"
                         "tap \"Any language ▾\"\ntap Japanese\n"
                         "expect text \"No one matches that yet\"\n"
                         "tap \"Japanese ▾\"\ntap \"Any language\"\n"
                         "expect text \"José García\"\n"
                         "tap \"Any way to reach ▾\"\ntap \"Phone call\"\n"
                         "expect no-text \"José García\"\n"
                         "tap \"Phone call ▾\"\ntap Email\nexpect text \"José García\"\n"
                         "tap \"All fields ▾\"\ntap Law\nexpect no-text \"José García\"\n"
                         "tap \"Law ▾\"\ntap \"Software Engineering\"\n"
                         "expect text \"José García\"\nscreenshot filters\n";
    int rc = run(&out, "1920x1080", script);
    if (rc)
        fail_msg("%s", out);
    free(out);
}

/* The y of a widget in the last dump in out, or -1. */
static int y_of(const char *out, const char *label, int nth_dump)
{
    int dump = 0, y = -1, x, w, h, yy;
    char l[200];
    for (const char *p = out; *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : p + strlen(p)) {
        if (strncmp(p, "screen ", 7) == 0)
            dump++;
        else if (dump == nth_dump &&
                 sscanf(p, "item %d %d %d %d %199[^\n]", &x, &yy, &w, &h, l) == 5 &&
                 strcmp(l, label) == 0)
            y = yy;
    }
    return y;
}

static void test_drag_scrolls_and_never_taps(void **state)
{
    (void)state;
    char *out;
    const char *q = "Which parts of your work do you enjoy most?"; /* below the fold at first */
    char script[2000];
    snprintf(script, sizeof script,
             "tap \"Touch to start\"\ntap \"Skip this step\"\n"
             "tap Search\ntype jose gar\ntap Done\ntap \"José García\"\ntap \"Choose José\"\n"
             "tap \"Next: pick questions\"\nexpect text \"15 of 15 minutes planned\"\ndump\n"
             "drag 900 800 900 450\nwait 1500\n"
             "expect text \"15 of 15 minutes planned\"\ndump\n"
             "tap \"%s\"\nexpect text \"17 of 15 minutes planned\"\n",
             q);
    int rc = run(&out, "1920x1080", script);
    if (rc) {
        const char *err = strstr(out, "script");
        fail_msg("%.300s", err ? err : out);
    }
    int before = y_of(out, q, 0), after = y_of(out, q, 1);
    if (!(before > 0 && after < before - 300)) /* dragged 350 px, plus momentum */
        fail_msg("the list did not scroll: %d -> %d", before, after);
    free(out);
}

/* dump gives what can be seen: the questions list runs on below the
 * bottom bar, but no item's rectangle does (each is clipped by the
 * list's scroll area), and one further down is there with no size. */
static void test_dump_shows_only_what_can_be_seen(void **state)
{
    (void)state;
    char *out;
    const char *script = "tap \"Touch to start\"\ntap \"Skip this step\"\n"
                         "tap Search\ntype jose gar\ntap Done\ntap \"José García\"\n"
                         "tap \"Choose José\"\ntap \"Next: pick questions\"\ndump\n";
    int rc = run(&out, "1280x800", script);
    if (rc)
        fail_msg("%s", out);
    int x, y, w, h, back = -1, hidden = 0, items = 0;
    char l[200];
    for (char *p = strtok(out, "\n"); p; p = strtok(NULL, "\n"))
        if (sscanf(p, "item %d %d %d %d %199[^\n]", &x, &y, &w, &h, l) == 5 &&
            strcmp(l, "Back") == 0)
            back = y;
    assert_true(back > 600);
    free(out);
    run(&out, "1280x800", script);
    for (char *p = strtok(out, "\n"); p; p = strtok(NULL, "\n")) {
        if (sscanf(p, "item %d %d %d %d %199[^\n]", &x, &y, &w, &h, l) != 5 ||
            strcmp(l, "Back") == 0 || strcmp(l, "Start over") == 0 ||
            strcmp(l, "Next: take it with you") == 0)
            continue; /* the bottom bar's own buttons */
        items++;
        if (w == 0 && h == 0)
            hidden++; /* scrolled out of sight */
        else if (y + h > back - 20)
            fail_msg("\"%s\" reaches %d, under the bottom bar at %d", l, y + h, back);
    }
    assert_true(items > 5);
    assert_true(hidden > 0);
    free(out);
}

static void test_kind_hint_for_asking_a_job(void **state)
{
    (void)state;
    char *out;
    const char *script = "tap \"Touch to start\"\ntap \"What are you exploring?\"\n"
                         "type a summer internship at your company\ntap Done\n"
                         "tap \"Next: find someone\"\ntap Search\ntype jose\ntap Done\n"
                         "tap \"José García\"\ntap \"Choose José\"\n"
                         "expect text asks-internship\nexpect no-text \"Short, specific and "
                         "polite. Good to send.\"\nscreenshot hint\n";
    int rc = run(&out, "1920x1080", script);
    if (rc)
        fail_msg("%s", out);
    free(out);
}

/* Nothing a visitor types reaches a file: the directory, its journal, or
 * anything else the app writes. */
static void test_visitor_words_never_reach_disk(void **state)
{
    (void)state;
    char script[3000], *out;
    snprintf(script, sizeof script,
             "%s"
             "tap \"Next: find someone\"\ntap Search\ntype jose\ntap Done\n"
             "tap \"José García\"\ntap \"Choose José\"\ntap \"Next: pick questions\"\n"
             "tap \"Next: take it with you\"\nexpect screen takeaway\n"
             "wait 1100\ntap \"Finish and clear\"\ntap \"Clear it now\"\n"
             "expect screen welcome\n",
             start);
    assert_int_equal(run(&out, "1280x800", script), 0);
    free(out);
    int rc = support_sh(&out, "grep -rlaE 'Zephyrine|quokka' %s --exclude='*.txt'", support_dir);
    if (rc == 0)
        fail_msg("visitor words found on disk in: %s", out);
    free(out);
    /* what was counted is anonymous */
    assert_int_equal(support_sh(&out,
                                "sqlite3 %s/run*.db 'SELECT name, value FROM stats "
                                "ORDER BY name' | tr '\\n' ' '",
                                support_dir),
                     0);
    assert_non_null(strstr(out, "sessions|1"));
    assert_non_null(strstr(out, "sheets_shown|1"));
    free(out);
}

/* A search index damaged inside (its parts all there) is found by the
 * check the kiosk runs after its first frame and rebuilt from the
 * mentors: the visitor's search finds the nurse, and staff see why. */
static void test_damaged_index_rebuilt(void **state)
{
    (void)state;
    char db[1100], script[1100], *out;
    sqlite3 *raw;
    snprintf(db, sizeof db, "%s/index.db", support_dir);
    snprintf(script, sizeof script, "%s/index.txt", support_dir);
    support_write(script, "expect screen welcome\n", (size_t)-1);
    const char *args = "--headless --size 1280x800 --today 2026-11-22 --db %s --script %s";
    assert_int_equal(support_kiosk(&out, args, db, script), 0);
    free(out);
    assert_int_equal(sqlite3_open(db, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, "DELETE FROM mentors_fts_data WHERE id > 10", NULL, NULL,
                                  NULL),
                     SQLITE_OK);
    sqlite3_close(raw);
    support_write(script,
                  "wait 500\n"
                  "expect text \"Staff: a notice\"\n"
                  "expect staff-says \"search index was damaged\"\n"
                  "expect staff-says \"rebuilt from the\"\n"
                  "tap \"Touch to start\"\n"
                  "tap \"Skip this step\"\n"
                  "tap Search\n"
                  "type nurse educator\n"
                  "tap Done\n"
                  "expect text \"Dmitri Volkov\"\n",
                  (size_t)-1);
    int rc = support_kiosk(&out, args, db, script);
    if (rc != 0 || !strstr(out, "FTS5's own check found it broken"))
        fail_msg("%s", out);
    free(out);
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    if (getenv("CK_TEST_FILTER")) /* one test (a cmocka pattern), while working on it */
        cmocka_set_test_filter(getenv("CK_TEST_FILTER"));
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_walk_1920x1080, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_walk_1080x1920, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_walk_1280x800, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_layout_1920x1080, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_layout_1080x1920, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_layout_1280x800, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_layout_640x480, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_a_broken_layout_fails, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_script_failures_are_reported, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_idle_warns_then_wipes, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_more_time_keeps_the_session, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_start_over_asks_once, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_back_on_every_step, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_on_screen_keyboard, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_typed_controls_never_reach_the_takeaway,
                                        support_dir_setup, support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_empty_search_explains, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_nobody_found_is_counted_by_field, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_a_mentor_at_the_cap_is_explained, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_every_script_has_a_font, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_a_placeholder_looks_like_one, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_large_text_and_high_contrast, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_finish_is_not_a_double_tap, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_only_the_mentors_channel_is_offered, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_filters_narrow_the_results, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_drag_scrolls_and_never_taps, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_dump_shows_only_what_can_be_seen, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_kind_hint_for_asking_a_job, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_visitor_words_never_reach_disk, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_branding_on_welcome, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_check_config, support_dir_setup, support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_damaged_index_rebuilt, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_turned_screen, support_dir_setup,
                                        support_dir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
