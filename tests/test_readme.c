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

#include <ctype.h>
#include <glob.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static char repo[PATH_MAX];
static char *scratch; /* the commands' working folder */
static char globals[2200]; /* --db and --config for every command */
static char cups[PATH_MAX];

/* ---- the scratch world the commands run in ---- */

static int setup(void **state)
{
    (void)state;
    char *out;
    scratch = support_tmpdir();
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
                    "cd %s && mkdir -p var srv/careers-kiosk/outbox && "
                    "cp %s/assets/mentors.sample.csv export.csv && cp export.csv mentors.csv && "
                    "ln -s %s/tests tests && ln -s %s/assets assets && ln -s %s/build build && "
                    "printf 'day,sessions,sheets_shown,sheets_printed\\r\\n2026-11-22,3,2,1\\r\\n' "
                    "> srv/careers-kiosk/outbox/lib-1-2026-11-22-stats.csv",
                    scratch, repo, repo, repo, repo);
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

/* The program a shown line runs (admin or kiosk), where its name ends in
 * *rest; NULL for a line that runs neither. */
static const char *program_of(const char *line, const char **rest)
{
    static const char *const admin[] = {"$A ", "career-kiosk-admin ",
                                        "build/release/career-kiosk-admin "};
    static const char *const kiosk[] = {"career-kiosk ", "build/release/career-kiosk "};
    for (size_t i = 0; i < sizeof admin / sizeof *admin; i++)
        if (strncmp(line, admin[i], strlen(admin[i])) == 0) {
            *rest = line + strlen(admin[i]);
            return support_program("career-kiosk-admin");
        }
    for (size_t i = 0; i < sizeof kiosk / sizeof *kiosk; i++)
        if (strncmp(line, kiosk[i], strlen(kiosk[i])) == 0) {
            *rest = line + strlen(kiosk[i]);
            return support_program("career-kiosk");
        }
    return NULL;
}

/* True for a kiosk line that needs a screen (fullscreen or --windowed) or
 * is a synopsis ("[--size WxH]"): these cannot run here. */
static bool needs_a_screen(const char *program, const char *args)
{
    if (!strstr(program, "/career-kiosk") || strstr(program, "-admin"))
        return false;
    return !strstr(args, "--check-config") && !strstr(args, "--headless") &&
           !strstr(args, "--version") && !strstr(args, "--help");
}

/* Runs one shown command; fails the test unless it exits 0. */
static void run_shown(const char *file, int lineno, const char *line, int *ran)
{
    char cmd[12000], args[4096], input[64] = "";
    const char *rest, *pipe = strstr(line, "| career-kiosk-admin ");
    if (pipe) { /* read -s PIN && echo "$PIN" | career-kiosk-admin set-pin */
        snprintf(input, sizeof input, "printf '480615\\n' | ");
        line = pipe + 2;
    }
    const char *program = program_of(line, &rest);
    if (!program || strchr(rest, '[') || needs_a_screen(program, rest))
        return;
    snprintf(args, sizeof args, "%s", rest);
    args[strcspn(args, "#")] = '\0'; /* the comment */
    /* a server's absolute folders live in the scratch world */
    char *srv = strstr(args, " /srv/");
    while (srv) {
        memmove(srv + 2, srv + 1, strlen(srv + 1) + 1);
        srv[1] = '.';
        srv = strstr(srv + 2, " /srv/");
    }
    snprintf(cmd, sizeof cmd, "cd %s && %s%s %s %s 2>&1", scratch, input, program, globals, args);
    char *out;
    int rc = support_sh(&out, "%s", cmd);
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
    {"search", "search"},
    {"questions", "questions --suggest %M"},
    {"message", "message %M"},
    {"sheet", "sheet %M --render page.png"},
    {"qr", "qr %V %M --payload"},
    {"print-test", "print-test --check"},
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
    return support_sh(out, "cd %s && %s %s %s 2>&1", scratch,
                      support_program("career-kiosk-admin"), globals, args);
}

/* base with %M and %V filled in, then extra. */
static void fill(char *cmd, size_t cap, const char *base, const char *mentor, const char *value,
                 const char *extra)
{
    size_t len = 0;
    for (const char *p = base; *p && len + 1 < cap; p++) {
        const char *put = p[0] == '%' && p[1] == 'M' ? mentor
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
    snprintf(cmd, sizeof cmd, "search --via %s --limit 1", value);
    if (admin(&out, cmd) != 0 || out[0] != 'M' || sscanf(out, "%63s", mentor) != 1)
        snprintf(mentor, sizeof mentor, "M1004");
    free(out);
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
    for (const char *or = strstr(help, " or "); or; or = strstr(or + 1, " or ")) {
        char words[16][40];
        int n = 0;
        size_t len = 0;
        while (word_char(or[4 + len]))
            len++;
        snprintf(words[n++], sizeof words[0], "%.*s", (int)len, or + 4);
        const char *end = or; /* walk back over ", word" items */
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

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    assert_non_null(getcwd(repo, sizeof repo));
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_listed_value_is_accepted),
        cmocka_unit_test(test_every_shown_command_runs),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
