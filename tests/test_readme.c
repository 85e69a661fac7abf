/* What the README and docs/ tell a newcomer to type works as shown: every
 * career-kiosk-admin and career-kiosk command in their shell blocks that
 * can run on this machine is run, and must exit 0; every admin command's
 * --help is read, and each value it lists (an option's "a, b or c", a
 * usage's "a|b|c") is tried, and must be accepted.
 *
 * The commands run in a scratch folder holding what they name (export.csv,
 * the fleet's outbox), with a scratch directory and config whose printer
 * is the private CUPS PDF queue docs/PRINTING.md sets up (run as root, as
 * test_print is). */
#include "support.h"

#include "core/mentor.h"
#include "core/message.h"
#include "core/visitor.h"
#include "print/print.h"
#include "visit/takeaway.h"

#include <ctype.h>
#include <glob.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static char repo[PATH_MAX];
static char *scratch;      /* the commands' working folder */
static char globals[2200]; /* --db and --config for every command */
static char cups[PATH_MAX];

/* ---- the scratch world the commands run in ---- */

static int setup(void **state)
{
    (void)state;
    char *out;
    scratch = support_tmpdir();
    chmod(scratch, 0755); /* CUPS's filters run as lp: they must reach the spool */
    snprintf(cups, sizeof cups, "%s/cups", scratch);
    int rc = support_sh(&out, "tests/scripts/cupsd.sh start %s PDF 2>&1", cups);
    if (rc != 0) {
        fprintf(stderr, "the PDF queue of docs/PRINTING.md did not start:\n%s\n", out);
        free(out);
        return -1;
    }
    free(out);
    snprintf(cups, sizeof cups, "%s/cups/cups.sock", scratch);
    setenv("CUPS_SERVER", cups, 1);
    snprintf(globals, sizeof globals, "--db %s/var/mentors.db --config %s/kiosk.conf", scratch,
             scratch);
    support_write(support_path(scratch, "kiosk.conf"),
                  "[printing]\nprinter = cups:PDF\npaper = letter\n", (size_t)-1);
    /* what the examples name: an export, the source tree's scripts and
     * assets, and a fleet's outbox where the docs put one */
    rc = support_sh(NULL,
                    "cd %s && mkdir -p var bin build/release srv/careers-kiosk/outbox && "
                    "cp %s/assets/mentors.sample.csv export.csv && cp export.csv mentors.csv && "
                    "ln -s %s/tests tests && ln -s %s/assets assets && "
                    "printf 'day,sessions,sheets_shown,sheets_printed\\r\\n2026-11-22,3,2,1\\r\\n' "
                    "> srv/careers-kiosk/outbox/lib-1-2026-11-22-stats.csv",
                    scratch, repo, repo, repo);
    /* the programs as the docs name them, on the scratch config and data */
    static const char *const programs[] = {"career-kiosk-admin", "career-kiosk"};
    for (size_t i = 0; i < 2 && rc == 0; i++) {
        char wrapper[PATH_MAX], script[3 * PATH_MAX];
        snprintf(wrapper, sizeof wrapper, "%s/bin/%s", scratch, programs[i]);
        snprintf(script, sizeof script, "#!/bin/sh\nexec %s %s \"$@\"\n",
                 support_program(programs[i]), globals);
        support_write(wrapper, script, (size_t)-1);
        rc = support_sh(NULL, "chmod 755 %s && ln -s %s %s/build/release/%s", wrapper, wrapper,
                        scratch, programs[i]);
    }
    return rc == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    support_sh(NULL, "tests/scripts/cupsd.sh stop %s/cups PDF", scratch);
    unsetenv("CUPS_SERVER");
    support_rmtree(scratch);
    free(scratch);
    return 0;
}

/* ---- commands from the docs ---- */

/* True when a word of the shell names one of our programs. */
static bool ours(const char *word, size_t len)
{
    static const char *const names[] = {"$A", "career-kiosk-admin", "career-kiosk",
                                        "build/release/career-kiosk-admin",
                                        "build/release/career-kiosk"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strlen(names[i]) == len && strncmp(word, names[i], len) == 0)
            return true;
    return false;
}

/* Whether a shown line runs one of our programs: the first word of the
 * line or of a part after | or &&. */
static bool runs_ours(const char *line)
{
    for (const char *p = line; p;) {
        p += strspn(p, " |&");
        if (ours(p, strcspn(p, " ")))
            return true;
        const char *bar = strchr(p, '|'), *and = strstr(p, "&&");
        p = bar && (!and || bar < and) ? bar : and;
    }
    return false;
}

/* True for a kiosk line that needs a screen (fullscreen or --windowed) or
 * is a synopsis ("[--size WxH]"): these cannot run here. */
static bool cannot_run_here(const char *line)
{
    if (strchr(line, '['))
        return true;
    if (strstr(line, "career-kiosk-admin") || strncmp(line, "$A ", 3) == 0)
        return false;
    return !strstr(line, "--check-config") && !strstr(line, "--headless") &&
           !strstr(line, "--version") && !strstr(line, "--help");
}

/* Runs one shown line as shown, with bash in the scratch folder, where
 * career-kiosk-admin, career-kiosk, build/release/... and $A are the
 * built programs with the scratch config and directory; a PIN read from
 * the terminal is 480615. Fails the test unless it exits 0. */
static void run_shown(const char *file, int lineno, const char *line, int *ran)
{
    char shown[4096], *srv;
    if (!runs_ours(line) || cannot_run_here(line))
        return;
    snprintf(shown, sizeof shown, "%s", line);
    /* a server's absolute folders live in the scratch world */
    while ((srv = strstr(shown, " /srv/")) && strlen(shown) + 2 < sizeof shown) {
        memmove(srv + 2, srv + 1, strlen(srv + 1) + 1);
        srv[1] = '.';
    }
    support_write(support_path(scratch, "shown.sh"), shown, (size_t)-1);
    char *out;
    int rc = support_sh(
        &out,
        "cd %s && printf '480615\\n' | PATH=%s/bin:$PATH A=build/release/career-kiosk-admin "
        "bash shown.sh 2>&1",
        scratch, scratch);
    if (rc != 0)
        fail_msg("%s:%d: `%s` exited %d:\n%s", file, lineno, line, rc, out);
    free(out);
    (*ran)++;
}

/* Runs the shown commands of one Markdown file's shell blocks. */
static void run_file(const char *path, int *ran)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[4096];
    bool shell = false, inside = false;
    for (int n = 1; fgets(line, sizeof line, f); n++) {
        line[strcspn(line, "\n")] = '\0';
        const char *s = line + strspn(line, " ");
        if (strncmp(s, "```", 3) == 0) {
            inside = !inside;
            shell = inside && (!s[3] || strcmp(s + 3, "sh") == 0 || strcmp(s + 3, "console") == 0);
            continue;
        }
        if (shell) {
            if (strncmp(s, "$ ", 2) == 0)
                s += 2;
            run_shown(path, n, s, ran);
        }
    }
    fclose(f);
}

static void test_every_shown_command_runs(void **state)
{
    (void)state;
    glob_t g;
    int ran = 0, readme = 0;
    run_file("README.md", &readme);
    assert_int_equal(glob("docs/*.md", 0, NULL, &g), 0);
    for (size_t i = 0; i < g.gl_pathc; i++)
        run_file(g.gl_pathv[i], &ran);
    globfree(&g);
    /* the README shows the kiosk headless and the admin CLI at least */
    assert_true(readme >= 2);
    assert_true(ran + readme >= 20);
}

/* ---- the values each --help lists ---- */

/* How to run each command that lists values, with %V where a listed
 * positional goes and %M for the mentor. */
static const struct {
    const char *command, *base;
} bases[] = {
    {"search", "search"},         {"questions", "questions --suggest %M"},
    {"message", "message %M"},    {"sheet", "sheet %M --render page.png"},
    {"qr", "qr %V %M --payload"}, {"print-test", "print-test --check"},
};

static const char *base_of(const char *command)
{
    for (size_t i = 0; i < sizeof bases / sizeof *bases; i++)
        if (strcmp(bases[i].command, command) == 0)
            return bases[i].base;
    return NULL;
}

static int admin(char **out, const char *args)
{
    return support_sh(out, "cd %s && %s %s %s 2>&1", scratch, support_program("career-kiosk-admin"),
                      globals, args);
}

/* base with %M and %V filled in, then extra. */
static void fill(char *cmd, size_t cap, const char *base, const char *mentor, const char *value,
                 const char *extra)
{
    size_t len = 0;
    for (const char *p = base; *p && len + 1 < cap; p++) {
        const char *put = p[0] == '%' && p[1] == 'M'   ? mentor
                          : p[0] == '%' && p[1] == 'V' ? value
                                                       : NULL;
        if (put) {
            len += (size_t)snprintf(cmd + len, cap - len, "%s", put);
            p++;
        } else
            cmd[len++] = *p;
    }
    snprintf(cmd + len, cap - len, " %s", extra);
}

/* A mentor reached by value when it names a channel, else M1004; each
 * value looked up once. */
static void mentor_for(const char *value, char *mentor, size_t cap)
{
    static struct {
        char value[40], mentor[64];
    } seen[64];
    static int nseen;
    char cmd[200], *out;
    for (int i = 0; i < nseen; i++)
        if (strcmp(seen[i].value, value) == 0) {
            snprintf(mentor, cap, "%s", seen[i].mentor);
            return;
        }
    snprintf(mentor, cap, "M1004");
    snprintf(cmd, sizeof cmd, "search --via %s --limit 1", value);
    if (admin(&out, cmd) == 0 && out[0] == 'M')
        snprintf(mentor, cap, "%.*s", (int)strcspn(out, " "), out);
    free(out);
    if (nseen < 64) {
        snprintf(seen[nseen].value, sizeof seen[nseen].value, "%s", value);
        snprintf(seen[nseen].mentor, sizeof seen[nseen].mentor, "%s", mentor);
        nseen++;
    }
}

/* A value is accepted when the command exits 0 in one of the contexts it
 * is meant for: with the sample mentor, with a mentor reached by that
 * value (a channel), or with a receipt printer (a roll paper). An
 * option's value goes with the first code of qr's usage. */
static void try_value(const char *command, const char *option, const char *value)
{
    char extra[200], cmd[600], mentor[64] = "M1004", *out = NULL;
    const char *base = base_of(command);
    if (!base)
        fail_msg("%s --help lists values (%s %s) but the test has no way to run it", command,
                 option ? option : "", value);
    snprintf(extra, sizeof extra, "%s %s", option ? option : "", option ? value : "");
    mentor_for(value, mentor, sizeof mentor);
    const char *const more[] = {"", "--printer escpos:/dev/null"};
    for (size_t i = 0; i < sizeof more / sizeof *more; i++) {
        char with[300];
        snprintf(with, sizeof with, "%s %s", extra, more[i]);
        fill(cmd, sizeof cmd, base, mentor, option ? "sheet" : value, with);
        int rc = admin(&out, cmd);
        if (rc == 0) {
            free(out);
            return;
        }
        if (i + 1 == sizeof more / sizeof *more)
            fail_msg("`%s --help` lists %s for %s, but `%s` exits %d:\n%s", command, value,
                     option ? option : "the usage", cmd, rc, out);
        free(out);
    }
}

static bool word_char(char c)
{
    return isalnum((unsigned char)c) || c == '-' || c == '_';
}

/* Tries each list "a, b or c" (three or more words, "(default)" allowed
 * after any) in one option's help. */
static int try_lists(const char *command, const char *option, const char *help)
{
    int tried = 0;
    for (const char * or = strstr(help, " or "); or ; or = strstr(or +1, " or ")) {
        char words[16][40];
        int n = 0;
        size_t len = 0;
        while (word_char(or [4 + len]))
            len++;
        snprintf(words[n++], sizeof words[0], "%.*s", (int)len, or +4);
        const char *end = or ; /* walk back over ", word" items */
        for (;;) {
            static const char dflt[] = " (default)";
            if ((size_t)(end - help) >= sizeof dflt - 1 &&
                strncmp(end - (sizeof dflt - 1), dflt, sizeof dflt - 1) == 0)
                end -= sizeof dflt - 1;
            const char *start = end;
            while (start > help && word_char(start[-1]))
                start--;
            if (start == end || n == 16)
                break;
            snprintf(words[n++], sizeof words[0], "%.*s", (int)(end - start), start);
            if (start - help < 2 || strncmp(start - 2, ", ", 2) != 0)
                break;
            end = start - 2;
        }
        if (n < 3 || !len)
            continue;
        for (int i = 0; i < n; i++, tried++)
            try_value(command, option, words[i]);
    }
    return tried;
}

/* Reads one command's --help: the usage line's "a|b|c" positionals and
 * each option's lists (continuation lines joined). */
static int try_help(const char *command)
{
    char *out, args[100], help[2000] = "", option[60] = "";
    snprintf(args, sizeof args, "%s --help", command);
    assert_int_equal(admin(&out, args), 0);
    int tried = 0;
    char *save = NULL;
    for (char *line = strtok_r(out, "\n", &save);; line = strtok_r(NULL, "\n", &save)) {
        bool more = line && strncmp(line, "                             ", 29) == 0;
        if (more) {
            snprintf(help + strlen(help), sizeof help - strlen(help), " %s", line + 29);
            continue;
        }
        if (*option)
            tried += try_lists(command, option, help);
        *option = '\0';
        if (!line)
            break;
        if (strncmp(line, "usage: career-kiosk-admin ", 26) == 0) {
            char copy[400];
            snprintf(copy, sizeof copy, "%s", line + 26);
            char *w2, *w = strtok_r(copy, " ", &w2);
            for (w = strtok_r(NULL, " ", &w2); w; w = strtok_r(NULL, " ", &w2)) {
                if (*w == '[' || !strchr(w, '|'))
                    continue;
                char *v2;
                for (char *v = strtok_r(w, "|", &v2); v; v = strtok_r(NULL, "|", &v2), tried++)
                    try_value(command, NULL, v);
            }
        } else if (strncmp(line, "  --", 4) == 0) {
            sscanf(line + 2, "%59s", option);
            snprintf(help, sizeof help, "%s", line + 29 < line + strlen(line) ? line + 29 : "");
        }
    }
    free(out);
    return tried;
}

static void test_every_listed_value_is_accepted(void **state)
{
    (void)state;
    char *out;
    int tried = 0;
    assert_int_equal(admin(&out, "--help"), 0);
    char *save = NULL;
    bool commands = false;
    for (char *line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char command[40];
        if (strcmp(line, "commands:") == 0)
            commands = true;
        else if (commands && strncmp(line, "  ", 2) == 0 && sscanf(line, "%39s", command) == 1)
            tried += try_help(command);
        else
            commands = false;
    }
    free(out);
    /* status, found-via, format, channel, paper, via, the qr codes... */
    assert_true(tried >= 40);
}

/* The other way round: every name the kiosk's own tables accept for an
 * option is in that option's --help (a --channel that left out video
 * and office would leave staff guessing). */
static const char *status_of(int i)
{
    return i < STATUS_COUNT ? visitor_status_name((VisitorStatus)i) : NULL;
}
static const char *format_of(int i)
{
    return i < FORMAT_COUNT ? visitor_format_name((MeetFormat)i) : NULL;
}
static const char *found_of(int i)
{
    return i < FOUND_COUNT ? visitor_found_name((FoundVia)i) : NULL;
}
static const char *channel_of(int i)
{
    return i < CHANNEL_COUNT ? message_channel_name((MessageChannel)i) : NULL;
}
static const char *via_of(int i)
{
    return i < VIA_COUNT ? mentor_via_name((ContactVia)i) : NULL;
}
static const char *paper_of(int i)
{
    return i < PAPER_COUNT ? paper_name((Paper)i) : NULL;
}
static const char *code_of(int i)
{
    return i < TAKE_COUNT ? takeaway_name((TakeKind)i) : NULL;
}

/* The text --help gives an option (its lines joined), or the usage line
 * for option "usage". */
static void help_of(const char *command, const char *option, char *out, size_t cap)
{
    char *text, args[100];
    snprintf(args, sizeof args, "%s --help", command);
    assert_int_equal(admin(&text, args), 0);
    *out = '\0';
    bool in = false;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char name[60] = "";
        if (strcmp(option, "usage") == 0 && strncmp(line, "usage:", 6) == 0)
            snprintf(out, cap, "%s", line);
        if (strncmp(line, "  --", 4) == 0) {
            sscanf(line + 2, "%59s", name);
            in = strcmp(name, option) == 0;
        } else if (strncmp(line, "                             ", 29) != 0)
            in = false;
        if (in)
            snprintf(out + strlen(out), cap - strlen(out), " %s", line);
    }
    free(text);
}

static void test_every_accepted_value_is_listed(void **state)
{
    (void)state;
    static const struct {
        const char *command, *option;
        const char *(*name)(int);
    } options[] = {
        {"message", "--status", status_of},   {"message", "--format", format_of},
        {"message", "--found-via", found_of}, {"message", "--channel", channel_of},
        {"sheet", "--channel", channel_of},   {"qr", "--channel", channel_of},
        {"sheet", "--paper", paper_of},       {"print-test", "--paper", paper_of},
        {"search", "--via", via_of},          {"search", "--status", status_of},
        {"questions", "--status", status_of}, {"qr", "usage", code_of},
    };
    for (size_t k = 0; k < sizeof options / sizeof *options; k++) {
        char help[2000];
        help_of(options[k].command, options[k].option, help, sizeof help);
        assert_true(*help);
        for (int i = 0; options[k].name(i); i++) {
            const char *v = options[k].name(i), *at = help;
            size_t n = strlen(v);
            /* the name as a word of its own */
            while ((at = strstr(at, v)) &&
                   ((at > help && (isalnum((unsigned char)at[-1]) || at[-1] == '-')) ||
                    isalnum((unsigned char)at[n]) || at[n] == '-'))
                at += n;
            if (!at)
                fail_msg("%s %s accepts \"%s\" but its --help does not say so:\n%s",
                         options[k].command, options[k].option, v, help);
        }
    }
}

/* `make run` (tools/run.sh) opens a window that fits the display it is
 * on, landscape or portrait, with no window manager to move it. */
static void test_make_run_fits_the_display(void **state)
{
    (void)state;
    static const int screens[][2] = {{1280, 800}, {1080, 1920}};
    char build[PATH_MAX];
    snprintf(build, sizeof build, "%s", support_program("career-kiosk"));
    *strrchr(build, '/') = '\0';
    assert_true(support_have("Xvfb") && support_have("xdotool") && support_have("xdpyinfo"));
    for (int k = 0; k < 2; k++) {
        int sw = screens[k][0], sh = screens[k][1], d = 500 + (int)(getpid() % 400) + k * 1000;
        int w = 0, h = 0, x = -1, y = -1;
        char *out;
        support_sh(&out,
                   "Xvfb :%d -screen 0 %dx%dx24 -nolisten tcp >/dev/null 2>&1 & X=$!; "
                   "for i in $(seq 100); do [ -S /tmp/.X11-unix/X%d ] && break; sleep 0.05; done; "
                   "DISPLAY=:%d ASAN_OPTIONS=detect_leaks=0 tools/run.sh %s --db %s/run.db "
                   "--config %s/kiosk.conf "
                   ">/dev/null 2>&1 & K=$!; "
                   "DISPLAY=:%d timeout 30 xdotool search --sync --name 'Career Center' "
                   "getwindowgeometry --shell 2>&1 | tail -n 6; kill $K; wait $K; kill $X; wait $X",
                   d, sw, sh, d, d, build, scratch, scratch, d);
        const char *p;
        if ((p = strstr(out, "WIDTH=")))
            w = atoi(p + 6);
        if ((p = strstr(out, "HEIGHT=")))
            h = atoi(p + 7);
        if ((p = strstr(out, "\nX=")))
            x = atoi(p + 3);
        if ((p = strstr(out, "\nY=")))
            y = atoi(p + 3);
        if (w < sw / 2 || h < sh / 2 || x < 0 || y < 0 || x + w > sw || y + h > sh)
            fail_msg("on a %dx%d display make run's window is %dx%d at (%d,%d):\n%s", sw, sh, w, h,
                     x, y, out);
        free(out);
    }
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    assert_non_null(getcwd(repo, sizeof repo));
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_listed_value_is_accepted),
        cmocka_unit_test(test_every_accepted_value_is_listed),
        cmocka_unit_test(test_every_shown_command_runs),
        cmocka_unit_test(test_make_run_fits_the_display),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
