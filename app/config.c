/* config: INI settings through inih. */
#include "config.h"

#include "core/text.h"

#include <ini.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

void config_defaults(Config *c, const char *assets_dir, const char *db_path)
{
    memset(c, 0, sizeof *c);
    snprintf(c->office, sizeof c->office, "Career Center");
    snprintf(c->school, sizeof c->school, "Northfield University");
    snprintf(c->office_contact, sizeof c->office_contact,
             "the front desk, or careers@northfield.example.org");
    snprintf(c->database, sizeof c->database, "%s", db_path);
    snprintf(c->sample, sizeof c->sample, "%s/mentors.sample.csv", assets_dir);
    snprintf(c->sample_referrals, sizeof c->sample_referrals, "%s/referrals.sample.csv",
             assets_dir);
    snprintf(c->questions, sizeof c->questions, "%s/questions.csv", assets_dir);
    c->idle_seconds = 90;
    c->idle_countdown = 15;
    c->print_timeout = PRINT_DEFAULT_TIMEOUT;
    snprintf(c->usb_roots, sizeof c->usb_roots, "/media /run/media /mnt");
    print_setup_parse("none", "", c->print_timeout, &c->print, (char[8]){0}, 8);
}

typedef struct {
    Config *c;
    ConfigProblem *problems;
    int cap, n;
    int line; /* counted by read_line: Debian's inih does not pass it */
    FILE *f;
    int printer_line, paper_line; /* where [printing] printer and paper were set */
} Load;

/* inih's line reader: fgets that counts lines. */
static char *read_line(char *str, int num, void *stream)
{
    Load *l = stream;
    char *s = fgets(str, num, l->f);
    if (s)
        l->line++;
    return s;
}

static void problem(Load *l, int line, const char *fmt, const char *a, const char *b)
{
    if (l->n < l->cap) {
        l->problems[l->n].line = line;
        snprintf(l->problems[l->n].text, sizeof l->problems[l->n].text, fmt, a, b);
    }
    l->n++;
}

static bool set_text(char *dst, size_t cap, const char *v)
{
    return !text_copy(dst, cap, v) && text_utf8_valid(v, strlen(v));
}

static bool set_int(int *dst, const char *v, int lo, int hi)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (end == v || *end || n < lo || n > hi)
        return false;
    *dst = (int)n;
    return true;
}

typedef enum { K_TEXT, K_INT } Kind;
typedef struct {
    const char *section, *name;
    Kind kind;
    size_t off;
    size_t cap;
    int lo, hi;
    const char *expect;
} Key;

#define TEXT(sec, key, member, what)                                                               \
    {                                                                                              \
        sec, key, K_TEXT, offsetof(Config, member), sizeof(((Config *)0)->member), 0, 0, what      \
    }
#define INT(sec, key, member, lo, hi, what)                                                        \
    {                                                                                              \
        sec, key, K_INT, offsetof(Config, member), 0, lo, hi, what                                 \
    }

static const Key keys[] = {
    TEXT("office", "name", office, "a name of up to 119 bytes"),
    TEXT("office", "school", school, "a name of up to 119 bytes"),
    TEXT("office", "contact", office_contact, "text of up to 119 bytes"),
    TEXT("directory", "database", database, "a file path"),
    TEXT("directory", "sample", sample, "a file path"),
    TEXT("directory", "sample_referrals", sample_referrals, "a file path"),
    TEXT("directory", "questions", questions, "a file path"),
    INT("kiosk", "idle_seconds", idle_seconds, 20, 3600, "a number of seconds from 20 to 3600"),
    INT("kiosk", "idle_countdown", idle_countdown, 5, 120, "a number of seconds from 5 to 120"),
    TEXT("printing", "printer", printer, "none, cups, cups:QUEUE or escpos:/dev/PATH"),
    TEXT("printing", "paper", paper, "letter, a4, 80mm or 58mm"),
    INT("printing", "timeout_seconds", print_timeout, 5, 600, "a number of seconds from 5 to 600"),
    TEXT("printing", "pickup", pickup, "text of up to 119 bytes"),
    TEXT("staff", "pin_hash", pin_hash, "a hash written by `career-kiosk-admin set-pin`"),
    TEXT("bundles", "roots", usb_roots, "folders where USB sticks are mounted"),
};

/* [bundles] trusted_key: a minisign public key, one per line, optionally
 * followed by a name for staff ("RWQ... Career office laptop"). */
static bool add_key(Load *l, const char *value, int line)
{
    char why[150], key[128];
    size_t n = strcspn(value, " \t");
    const char *label = value + n + strspn(value + n, " \t");
    if (l->c->nkeys >= CONFIG_KEYS) {
        problem(l, line, "at most %s trusted keys%s", "8", "");
        return false;
    }
    snprintf(key, sizeof key, "%.*s", (int)(n < sizeof key ? n : sizeof key - 1), value);
    if (!sign_key_parse(key, &l->c->keys[l->c->nkeys], why, sizeof why)) {
        problem(l, line, "trusted_key: %s%s", why, "");
        return false;
    }
    if (!set_text(l->c->key_label[l->c->nkeys], sizeof l->c->key_label[0], label)) {
        problem(l, line, "trusted_key: the name after the key is longer than %s bytes%s", "47", "");
        return false;
    }
    l->c->nkeys++;
    return true;
}

static int handler(void *user, const char *section, const char *name, const char *value)
{
    Load *l = user;
    int lineno = l->line;
    bool known_section = false;
    if (strcmp(section, "bundles") == 0 && strcmp(name, "trusted_key") == 0) {
        add_key(l, value, lineno);
        return 1;
    }
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        const Key *k = &keys[i];
        if (strcmp(section, k->section) != 0)
            continue;
        known_section = true;
        if (strcmp(name, k->name) != 0)
            continue;
        char *base = (char *)l->c + k->off;
        bool ok = k->kind == K_TEXT ? set_text(base, k->cap, value)
                                    : set_int((int *)(void *)base, value, k->lo, k->hi);
        if (ok && strcmp(name, "pin_hash") == 0 && *value && strncmp(value, "$argon2id$", 10) != 0)
            ok = false;
        if (!ok)
            problem(l, lineno, "%s should be %s", name, k->expect);
        if (strcmp(section, "printing") == 0 && strcmp(name, "printer") == 0)
            l->printer_line = lineno;
        if (strcmp(section, "printing") == 0 && strcmp(name, "paper") == 0)
            l->paper_line = lineno;
        return 1;
    }
    if (known_section)
        problem(l, lineno, "unknown setting \"%s\" in [%s]", name, section);
    else
        problem(l, lineno, "unknown section [%s] (setting \"%s\")", section, name);
    return 1;
}

bool config_load(const char *path, Config *c, ConfigProblem *problems, int cap, int *nproblems)
{
    struct stat st;
    Load l = {c, problems, cap, 0, 0, NULL, 0, 0};
    *nproblems = 0;
    if (stat(path, &st) != 0)
        return true;
    l.f = fopen(path, "r");
    if (!l.f) {
        problem(&l, 0, "cannot read %s%s", path, "");
        *nproblems = l.n;
        return false;
    }
    int rc = ini_parse_stream(read_line, &l, handler, &l);
    fclose(l.f);
    if (rc > 0) {
        /* a syntax error: inih reports the first such line */
        bool seen = false;
        for (int i = 0; i < l.n && i < cap; i++)
            seen |= problems[i].line == rc;
        if (!seen)
            problem(&l, rc, "this line is not \"name = value\" or a [section]%s%s", "", "");
    }
    /* the printer and its paper are checked together */
    char why[200];
    if (!print_setup_parse(c->printer, c->paper, c->print_timeout, &c->print, why, sizeof why))
        problem(&l, strstr(why, "paper") && l.paper_line ? l.paper_line : l.printer_line, "%s%s",
                why, "");
    *nproblems = l.n;
    return l.n == 0;
}

const char *config_path(const char *path)
{
    if (!path)
        path = getenv("CAREER_KIOSK_CONFIG");
    return path ? path : CK_CONFIG_PATH;
}

/* The name of a "[section]" line, or NULL. */
static bool section_of(const char *line, char *out, size_t cap)
{
    line += strspn(line, " \t");
    if (*line != '[')
        return false;
    size_t n = strcspn(line + 1, "]");
    if (line[1 + n] != ']' || n >= cap)
        return false;
    memcpy(out, line + 1, n);
    out[n] = '\0';
    return true;
}

/* True when line sets key ("key = ..."). */
static bool sets_key(const char *line, const char *key)
{
    line += strspn(line, " \t");
    size_t n = strlen(key);
    return strncmp(line, key, n) == 0 && (line[n] == ' ' || line[n] == '\t' || line[n] == '=');
}

bool config_set(const char *path, const char *section, const char *key, const char *value,
                char *err, size_t cap)
{
    char tmp[CONFIG_PATH_MAX + 8], line[1024], cur[64] = "";
    struct stat st;
    mode_t mode = stat(path, &st) == 0 ? st.st_mode & 0777 : 0644;
    FILE *in = fopen(path, "r");
    snprintf(tmp, sizeof tmp, "%s.new", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, mode);
    FILE *out = fd >= 0 ? fdopen(fd, "w") : NULL;
    bool done = false, seen = false, ok;
    if (!out) {
        snprintf(err, cap, "cannot write %s: %s", tmp, strerror(errno));
        if (in)
            fclose(in);
        return false;
    }
    while (in && fgets(line, sizeof line, in)) {
        char name[64];
        if (section_of(line, name, sizeof name)) {
            if (strcmp(cur, section) == 0 && !done) { /* the section ends: add it here */
                fprintf(out, "%s = %s\n", key, value);
                done = true;
            }
            snprintf(cur, sizeof cur, "%s", name);
            seen |= strcmp(name, section) == 0;
        } else if (strcmp(cur, section) == 0 && sets_key(line, key)) {
            if (!done)
                fprintf(out, "%s = %s\n", key, value);
            done = true;
            continue;
        }
        fputs(line, out);
        if (line[strlen(line) - 1] != '\n')
            fputc('\n', out);
    }
    if (!done && seen && strcmp(cur, section) == 0)
        fprintf(out, "%s = %s\n", key, value);
    else if (!done)
        fprintf(out, "%s[%s]\n%s = %s\n", in ? "\n" : "", section, key, value);
    ok = fflush(out) == 0 && fsync(fileno(out)) == 0;
    ok = fclose(out) == 0 && ok;
    if (in)
        fclose(in);
    if (!ok || rename(tmp, path) != 0) {
        snprintf(err, cap, "cannot replace %s: %s", path, strerror(errno));
        unlink(tmp);
        return false;
    }
    return true;
}

bool config_open(const char *path, Config *c, const char *prog)
{
    ConfigProblem p[CONFIG_PROBLEMS];
    int n;
    path = config_path(path);
    config_defaults(c, CK_ASSETS_DIR, CK_DB_PATH);
    if (config_load(path, c, p, CONFIG_PROBLEMS, &n))
        return true;
    for (int i = 0; i < n && i < CONFIG_PROBLEMS; i++)
        fprintf(stderr, "%s:%d: %s\n", path, p[i].line, p[i].text);
    fprintf(stderr, "%s: %s has %d problem%s; not starting until %s fixed\n", prog, path, n,
            n == 1 ? "" : "s", n == 1 ? "it is" : "they are");
    return false;
}
