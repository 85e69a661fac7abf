/* config: INI settings through inih. */
#include "config.h"

#include "core/text.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <ini.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void config_defaults(Config *c, const char *assets_dir, const char *db_path)
{
    memset(c, 0, sizeof *c);
    snprintf(c->office.name, sizeof c->office.name, "Career Center");
    snprintf(c->office.school, sizeof c->office.school, "Northfield University");
    snprintf(c->office.contact, sizeof c->office.contact,
             "the front desk, or careers@northfield.example.org");
    /* the sample office comes with its sample logo (see config_load) */
    snprintf(c->office.logo, sizeof c->office.logo, "%s/logo.sample.svg", assets_dir);
    snprintf(c->office.location, sizeof c->office.location, "Northfield, MN");
    c->primary = CONFIG_PRIMARY;
    c->accent = CONFIG_ACCENT;
    c->background = CONFIG_BACKGROUND;
    c->turn = PLATFORM_TURN_NORMAL;
    c->render = PLATFORM_RENDER_SOFTWARE;
    snprintf(c->language, sizeof c->language, "en");
    snprintf(c->database, sizeof c->database, "%s", db_path);
    snprintf(c->sample, sizeof c->sample, "%s/mentors.sample.csv", assets_dir);
    snprintf(c->sample_referrals, sizeof c->sample_referrals, "%s/referrals.sample.csv",
             assets_dir);
    snprintf(c->questions, sizeof c->questions, "%s/questions.csv", assets_dir);
    snprintf(c->synonyms, sizeof c->synonyms, "%s/synonyms.csv", assets_dir);
    c->idle_seconds = 90;
    c->stale_months = 18;
    c->idle_countdown = 15;
    c->print_timeout = PRINT_DEFAULT_TIMEOUT;
    snprintf(c->usb_roots, sizeof c->usb_roots, "/media /run/media /mnt");
    /* the fleet's folders sit beside the directory */
    const char *slash = strrchr(db_path, '/');
    int dir_len = slash ? (int)(slash - db_path) : 1;
    const char *dir = slash ? db_path : ".";
    snprintf(c->inbox_dir, sizeof c->inbox_dir, "%.*s/inbox", dir_len, dir);
    snprintf(c->outbox_dir, sizeof c->outbox_dir, "%.*s/outbox", dir_len, dir);
    c->inbox = CONFIG_INBOX_OFF;
    c->outbox_hours = 24;
    c->stale_days = 0;
    if (gethostname(c->kiosk_id, sizeof c->kiosk_id) != 0 || !config_id_ok(c->kiosk_id))
        snprintf(c->kiosk_id, sizeof c->kiosk_id, "kiosk");
    print_setup_parse("none", "", c->print_timeout, &c->print, (char[8]){0}, 8);
}

typedef struct {
    Config *c;
    ConfigProblem *problems;
    int cap, n;
    int line;      /* counted by read_line: Debian's inih does not pass it */
    bool mid_line; /* the last piece read did not end the line */
    int pieces;    /* reads inih made: its own line numbers count these */
    int piece_line[2048];
    FILE *f;
    int printer_line, paper_line; /* where [printing] printer and paper were set */
    int name_line;                /* where [office] name was set */
    int location_line;            /* where [office] location was set */
    int colour_line[3];           /* where [theme] primary, accent, background were set */
} Load;

/* inih's line reader: fgets that counts lines. A line longer than
 * inih's buffer comes in pieces; they all belong to the same line. A NUL
 * byte (a binary file) reads as '?', so the line is refused as text. */
static char *read_line(char *str, int num, void *stream)
{
    Load *l = stream;
    int n = 0, ch = EOF;
    while (n < num - 1 && (ch = getc(l->f)) != EOF) {
        str[n++] = ch ? (char)ch : '?';
        if (ch == '\n')
            break;
    }
    if (n == 0)
        return NULL;
    str[n] = '\0';
    if (!l->mid_line)
        l->line++;
    if (!l->mid_line && str[n - 1] != '\n' && strchr(";#", str[strspn(str, " \t")]) &&
        str[strspn(str, " \t")]) {
        /* a comment longer than inih's buffer: the rest of it is comment
         * too, not a line of its own */
        while (ch != '\n' && (ch = getc(l->f)) != EOF)
            ;
        str[n - 1] = '\n';
    }
    l->mid_line = str[n - 1] != '\n';
    if (++l->pieces < (int)(sizeof l->piece_line / sizeof *l->piece_line))
        l->piece_line[l->pieces] = l->line;
    return str;
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

/* "#RRGGBB" (the # may be left out) into *dst. */
static bool set_colour(uint32_t *dst, const char *v)
{
    char *end;
    if (*v == '#')
        v++;
    if (strlen(v) != 6 || strspn(v, "0123456789abcdefABCDEF") != 6)
        return false;
    *dst = (uint32_t)strtoul(v, &end, 16);
    return true;
}

/* xrandr's words for how the picture is turned. */
static bool set_turn(PlatformTurn *dst, const char *v)
{
    static const char *const names[] = {"normal", "left", "right", "inverted"};
    for (int i = 0; i < 4; i++)
        if (strcmp(v, names[i]) == 0) {
            *dst = (PlatformTurn)i;
            return true;
        }
    return false;
}

/* How a window is drawn. */
static bool set_render(PlatformRender *dst, const char *v)
{
    if (strcmp(v, "software") == 0)
        *dst = PLATFORM_RENDER_SOFTWARE;
    else if (strcmp(v, "gpu") == 0)
        *dst = PLATFORM_RENDER_GPU;
    else
        return false;
    return true;
}

/* Who confirms an inbox bundle. */
static bool set_inbox(ConfigInbox *dst, const char *v)
{
    static const char *const names[] = {"off", "auto", "staff"};
    for (int i = 0; i < 3; i++)
        if (strcmp(v, names[i]) == 0) {
            *dst = (ConfigInbox)i;
            return true;
        }
    return false;
}

bool config_id_ok(const char *id)
{
    size_t n = strlen(id);
    return n > 0 && n < 64 && id[0] != '.' && id[0] != '-' &&
           strspn(id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == n;
}

typedef enum { K_TEXT, K_INT, K_COLOUR, K_TURN, K_RENDER, K_INBOX, K_ID } Kind;
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
#define OTHER(sec, key, kind, member, what)                                                        \
    {                                                                                              \
        sec, key, kind, offsetof(Config, member), 0, 0, 0, what                                    \
    }

static const Key keys[] = {
    TEXT("office", "name", office.name, "a name of up to 119 bytes"),
    TEXT("office", "school", office.school, "a name of up to 119 bytes"),
    TEXT("office", "contact", office.contact, "text of up to 119 bytes"),
    TEXT("office", "location", office.location,
         "a city and its state, province or country, like \"Austin, TX\" or \"Berlin, Germany\""),
    TEXT("office", "logo", office.logo,
         "the path of a PNG, JPEG or SVG image, or nothing for none"),
    OTHER("theme", "primary", K_COLOUR, primary, "a colour like #0F5C6E"),
    OTHER("theme", "accent", K_COLOUR, accent, "a colour like #E9A23B"),
    OTHER("theme", "background", K_COLOUR, background, "a colour like #F5F2EB"),
    TEXT("directory", "database", database, "a file path"),
    TEXT("directory", "sample", sample, "a file path"),
    TEXT("directory", "sample_referrals", sample_referrals, "a file path"),
    TEXT("directory", "questions", questions, "a file path"),
    TEXT("directory", "synonyms", synonyms, "a file path"),
    INT("directory", "stale_months", stale_months, 1, 240, "a number of months from 1 to 240"),
    INT("kiosk", "idle_seconds", idle_seconds, 20, 3600, "a number of seconds from 20 to 3600"),
    INT("kiosk", "idle_countdown", idle_countdown, 5, 120, "a number of seconds from 5 to 120"),
    OTHER("kiosk", "orientation", K_TURN, turn,
          "normal, left, right or inverted (as xrandr --rotate)"),
    OTHER("kiosk", "render", K_RENDER, render, "software (the default) or gpu"),
    TEXT("kiosk", "language", language, "a language code such as en"),
    TEXT("printing", "printer", printer, "none, cups, cups:QUEUE or escpos:/dev/PATH"),
    TEXT("printing", "paper", paper, "letter, a4, 80mm or 58mm"),
    INT("printing", "timeout_seconds", print_timeout, 5, 600, "a number of seconds from 5 to 600"),
    TEXT("printing", "pickup", pickup, "text of up to 119 bytes"),
    TEXT("staff", "pin_hash", pin_hash, "a hash written by `career-kiosk-admin set-pin`"),
    TEXT("bundles", "roots", usb_roots, "folders where USB sticks are mounted"),
    OTHER("bundles", "inbox", K_INBOX, inbox,
          "off (the default), auto (imports by itself between visitors) or staff (waits for "
          "the PIN)"),
    TEXT("bundles", "inbox_dir", inbox_dir, "a folder path"),
    TEXT("bundles", "outbox_dir", outbox_dir, "a folder path"),
    INT("bundles", "outbox_hours", outbox_hours, 1, 720, "a number of hours from 1 to 720"),
    {"bundles", "kiosk_id", K_ID, offsetof(Config, kiosk_id), sizeof(((Config *)0)->kiosk_id), 0, 0,
     "up to 63 letters, digits, dots, dashes or underscores, like lib-2nd-floor"},
    INT("bundles", "stale_days", stale_days, 0, 3650, "a number of days from 0 (never) to 3650"),
    TEXT("bundles", "age_identity", age_key,
         "the path of an age key file (age-keygen), or nothing for none"),
};

/* [bundles] trusted_key: a minisign public key, one per line, optionally
 * followed by a name for staff ("RWQ... Career office laptop"). */
static bool add_key(Load *l, const char *value, int line)
{
    char why[150], key[128];
    size_t n = strcspn(value, " \t");
    const char *label = value + n + strspn(value + n, " \t");
    SignTrust *t = &l->c->trust;
    if (t->n >= CONFIG_KEYS) {
        problem(l, line, "at most %s trusted keys%s", "8", "");
        return false;
    }
    snprintf(key, sizeof key, "%.*s", (int)(n < sizeof key ? n : sizeof key - 1), value);
    if (!sign_key_parse(key, &t->key[t->n], why, sizeof why)) {
        problem(l, line, "trusted_key: %s%s", why, "");
        return false;
    }
    if (!set_text(t->label[t->n], sizeof t->label[0], label)) {
        problem(l, line, "trusted_key: the name after the key is longer than %s bytes%s", "47", "");
        return false;
    }
    t->n++;
    return true;
}

/* [calendar] closed: weekdays the office is closed, for follow-up dates:
 * dates (YYYY-MM-DD) and ranges (2026-12-24..2027-01-01), separated by
 * commas or spaces, on as many lines as staff like. */
static void add_closed(Load *l, const char *value, int line)
{
    Office *o = &l->c->office;
    const char *p = value;
    while (*p) {
        p += strspn(p, ", \t");
        size_t n = strcspn(p, ", \t");
        if (n == 0)
            break;
        char item[48], *dots;
        Date a, b;
        snprintf(item, sizeof item, "%.*s", (int)(n < sizeof item ? n : sizeof item - 1), p);
        p += n;
        dots = strstr(item, "..");
        if (dots)
            *dots = '\0';
        bool ok = date_parse(item, &a) && (!dots ? (b = a, true) : date_parse(dots + 2, &b)) &&
                  date_to_days(b) >= date_to_days(a) && date_to_days(b) - date_to_days(a) < 366;
        if (!ok) {
            if (dots)
                *dots = '.';
            problem(l, line,
                    "closed: \"%s\" is not a date or a range of dates (write 2026-11-26, or "
                    "2026-12-24..2027-01-01 for a break)%s",
                    item, "");
            return;
        }
        for (Date d = a; date_to_days(d) <= date_to_days(b); d = date_add_days(d, 1)) {
            if (date_weekday(d) >= 5)
                continue; /* weekends are closed anyway */
            if (o->nclosed >= OFFICE_CLOSED_MAX) {
                problem(l, line, "closed: at most %s closed weekdays%s", "120", "");
                return;
            }
            o->closed[o->nclosed++] = d;
        }
    }
}

/* Remembers where the keys checked after reading were set. */
static void note_line(Load *l, const Key *k, int line)
{
    static const char *const colours[] = {"primary", "accent", "background"};
    Config *c = l->c;
    int *at = strcmp(k->name, "logo") == 0           ? &c->logo_line
              : strcmp(k->name, "location") == 0     ? &l->location_line
              : strcmp(k->name, "language") == 0     ? &c->language_line
              : strcmp(k->name, "database") == 0     ? &c->database_line
              : strcmp(k->name, "questions") == 0    ? &c->questions_line
              : strcmp(k->name, "sample") == 0       ? &c->sample_line
              : strcmp(k->name, "inbox") == 0        ? &c->inbox_line
              : strcmp(k->name, "age_identity") == 0 ? &c->age_line
              : strcmp(k->section, "office") == 0 && strcmp(k->name, "name") == 0 ? &l->name_line
                                                                                  : NULL;
    for (int i = 0; i < 3 && !at; i++)
        if (strcmp(k->section, "theme") == 0 && strcmp(k->name, colours[i]) == 0)
            at = &l->colour_line[i];
    if (at)
        *at = line;
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
    if (strcmp(section, "calendar") == 0) {
        if (strcmp(name, "closed") == 0)
            add_closed(l, value, lineno);
        else
            problem(l, lineno, "unknown setting \"%s\" in [%s]", name, section);
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
        bool ok = k->kind == K_TEXT     ? set_text(base, k->cap, value)
                  : k->kind == K_INT    ? set_int((int *)(void *)base, value, k->lo, k->hi)
                  : k->kind == K_COLOUR ? set_colour((uint32_t *)(void *)base, value)
                  : k->kind == K_RENDER ? set_render((PlatformRender *)(void *)base, value)
                  : k->kind == K_INBOX  ? set_inbox((ConfigInbox *)(void *)base, value)
                  : k->kind == K_ID     ? config_id_ok(value) && set_text(base, k->cap, value)
                                        : set_turn((PlatformTurn *)(void *)base, value);
        if (ok && strcmp(name, "pin_hash") == 0 && *value && strncmp(value, "$argon2id$", 10) != 0)
            ok = false;
        if (!ok)
            problem(l, lineno, "%s should be %s", name, k->expect);
        else
            note_line(l, k, lineno);
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

static double channel(uint32_t rgb, int shift)
{
    double v = (double)((rgb >> shift) & 0xFF) / 255.0;
    return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static double luminance(uint32_t rgb)
{
    return 0.2126 * channel(rgb, 16) + 0.7152 * channel(rgb, 8) + 0.0722 * channel(rgb, 0);
}

double config_contrast(uint32_t a, uint32_t b)
{
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* One contrast rule: fg on bg must reach min; the problem names the key
 * set at line (or, when that key was not set, the other one). */
static void need_contrast(Load *l, uint32_t fg, uint32_t bg, double min, int line, const char *what)
{
    char ratio[32], need[96];
    double r = config_contrast(fg, bg);
    if (r >= min)
        return;
    snprintf(ratio, sizeof ratio, "%.1f:1", r);
    snprintf(need, sizeof need, "%s; visitors need at least %.1f:1", ratio, min);
    problem(l, line, "%s is too faint to read: %s", what, need);
}

/* The theme's colours must keep every word readable (WCAG AA): white
 * words on primary buttons, the office's name in primary, and body and
 * secondary text on the background. */
static void check_colours(Load *l)
{
    const Config *c = l->c;
    int p = l->colour_line[0], b = l->colour_line[2];
    if (!p && !b)
        return;
    need_contrast(l, 0xFFFFFF, c->primary, 4.5, p ? p : b,
                  "[theme] primary: the white words on buttons");
    need_contrast(l, c->primary, c->background, 3.0, p ? p : b,
                  "[theme] primary on the background (the office's name and outlines)");
    need_contrast(l, CONFIG_MUTED, c->background, 4.5, b ? b : p,
                  "[theme] background: the grey secondary text on it");
}

bool config_load(const char *path, Config *c, ConfigProblem *problems, int cap, int *nproblems)
{
    struct stat st;
    Load l = {.c = c, .problems = problems, .cap = cap};
    *nproblems = 0;
    if (stat(path, &st) != 0)
        return true;
    if (!S_ISREG(st.st_mode)) { /* a folder reads as an empty file: no settings, no problem */
        problem(&l, 0, "%s is %s, not a settings file", path,
                S_ISDIR(st.st_mode) ? "a folder" : "not a regular file");
        *nproblems = l.n;
        return false;
    }
    l.f = fopen(path, "r");
    if (!l.f) {
        problem(&l, 0, "cannot read %s%s", path, "");
        *nproblems = l.n;
        return false;
    }
    int rc = ini_parse_stream(read_line, &l, handler, &l);
    fclose(l.f);
    if (rc > 0) {
        /* a syntax error: inih reports the first such line, counting a
         * long line's pieces as lines */
        if (rc < (int)(sizeof l.piece_line / sizeof *l.piece_line) && rc <= l.pieces)
            rc = l.piece_line[rc];
        bool seen = false;
        for (int i = 0; i < l.n && i < cap; i++)
            seen |= problems[i].line == rc;
        if (!seen)
            problem(&l, rc, "this line is not \"name = value\" or a [section]%s%s", "", "");
    }
    /* an office of its own does not wear the sample office's logo */
    if (l.name_line && !c->logo_line)
        c->office.logo[0] = '\0';
    /* nor does it stand in the sample office's city */
    if (l.name_line && !l.location_line)
        c->office.location[0] = '\0';
    check_colours(&l);
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

/* The file a config path names: itself, or the file its link points to
 * (so the link stays a link). False with the reason. */
static bool config_target(const char *path, char *out, size_t cap, struct stat *st, bool *existed,
                          char *err, size_t err_cap)
{
    struct stat lst;
    char real[PATH_MAX];
    *existed = stat(path, st) == 0;
    if (!*existed && lstat(path, &lst) == 0) {
        snprintf(err, err_cap,
                 "%s is a symbolic link to a file that is not there: make that file, or "
                 "remove the link",
                 path);
        return false;
    }
    if (*existed && !S_ISREG(st->st_mode)) {
        snprintf(err, err_cap, "%s is not a settings file (%s)", path,
                 S_ISDIR(st->st_mode) ? "a folder" : "not a regular file");
        return false;
    }
    if (!*existed && !text_copy(out, cap, path))
        return true;
    if (!*existed) {
        snprintf(err, err_cap, "the path %s is too long", path);
        return false;
    }
    if (!realpath(path, real) || text_copy(out, cap, real)) {
        snprintf(err, err_cap, "cannot follow %s: %s", path, strerror(errno));
        return false;
    }
    return true;
}

/* The new file's owner, group and mode: the old file's (root edits a
 * file the kiosk's user reads); a secret is never readable by others,
 * and a file of root's group that root makes secret goes to the kiosk's
 * group, so the kiosk still reads it. */
static void config_owner(int fd, bool existed, const struct stat *st, bool secret)
{
    struct group *kiosk = secret && geteuid() == 0 ? getgrnam(CK_KIOSK_GROUP) : NULL;
    mode_t mode = existed ? st->st_mode & 0777 : 0644;
    if (secret)
        mode = existed ? mode & 0770 : 0640;
    uid_t uid = existed ? st->st_uid : geteuid();
    gid_t gid = existed ? st->st_gid : getegid();
    if (kiosk && (!existed || st->st_gid == 0))
        gid = kiosk->gr_gid;
    if (fchown(fd, uid, gid) != 0) {
        /* only root may give a file away; anyone else keeps it as theirs */
    }
    if (fchmod(fd, mode) != 0) {
        /* the mode asked for at open stands */
    }
}

/* Copies in to out with `key = value` set in [section]. */
static void config_rewrite(FILE *in, FILE *out, const char *section, const char *key,
                           const char *value)
{
    char line[1024], cur[64] = "";
    bool done = false, seen = false;
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
}

bool config_set(const char *path, const char *section, const char *key, const char *value,
                bool secret, char *err, size_t cap)
{
    char target[CONFIG_PATH_MAX], tmp[CONFIG_PATH_MAX + 8];
    struct stat st;
    bool existed;
    if (!config_target(path, target, sizeof target, &st, &existed, err, cap))
        return false;
    FILE *in = existed ? fopen(target, "r") : NULL;
    if (existed && !in) {
        snprintf(err, cap, "cannot read %s: %s", target, strerror(errno));
        return false;
    }
    snprintf(tmp, sizeof tmp, "%s.new", target);
    unlink(tmp); /* a leftover from a crash, never a link to follow */
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0)
        config_owner(fd, existed, &st, secret);
    FILE *out = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!out) {
        snprintf(err, cap, "cannot write %s: %s", tmp, strerror(errno));
        if (fd >= 0)
            close(fd);
        if (in)
            fclose(in);
        return false;
    }
    config_rewrite(in, out, section, key, value);
    bool ok = fflush(out) == 0 && fsync(fileno(out)) == 0;
    ok = fclose(out) == 0 && ok;
    if (in)
        fclose(in);
    if (!ok || rename(tmp, target) != 0) {
        snprintf(err, cap, "cannot replace %s: %s", target, strerror(errno));
        unlink(tmp);
        return false;
    }
    return true;
}

int config_check_secret(const Config *c, const char *path, ConfigProblem *p, int cap, int n)
{
    struct stat st;
    if (!c->pin_hash[0] || stat(path, &st) != 0 || !(st.st_mode & 0007))
        return n;
    if (n < cap) {
        p[n].line = 0;
        snprintf(p[n].text, sizeof p[n].text,
                 "the staff PIN's hash is readable by every user of this computer (mode %04o), "
                 "and a short PIN's hash is quickly guessed: run `chmod o-rwx %.400s` (`set-pin` "
                 "does it too)",
                 (unsigned)(st.st_mode & 0777), path);
    }
    return n + 1;
}

/* A file the kiosk needs: problem unless it can be read. */
static int need_file(const char *path, int line, const char *what, ConfigProblem *p, int cap, int n)
{
    if (access(path, R_OK) == 0)
        return n;
    if (n < cap) {
        p[n].line = line;
        snprintf(p[n].text, sizeof p[n].text, "%s %s cannot be read: %s", what, path,
                 strerror(errno));
    }
    return n + 1;
}

/* A folder the kiosk needs with the access in mode. */
static int need_dir(const char *path, int mode, int line, const char *what, ConfigProblem *p,
                    int cap, int n)
{
    struct stat st;
    const char *why = stat(path, &st) != 0      ? strerror(errno)
                      : !S_ISDIR(st.st_mode)    ? "it is not a folder"
                      : access(path, mode) != 0 ? (mode & W_OK ? "this user cannot write in it"
                                                               : "this user cannot read it")
                                                : NULL;
    if (!why)
        return n;
    if (n < cap) {
        p[n].line = line;
        snprintf(p[n].text, sizeof p[n].text, "%s %s cannot be used: %s", what, path, why);
    }
    return n + 1;
}

int config_check_files(const Config *c, ConfigProblem *p, int cap, int n)
{
    /* the database's folder is made on first start: the nearest folder
     * that exists must be one the kiosk can write in */
    char dir[CONFIG_PATH_MAX];
    struct stat st;
    snprintf(dir, sizeof dir, "%s", c->database);
    bool found = false;
    while (!found) { /* up one folder at a time, as far as "/" or "." */
        char *slash = strrchr(dir, '/');
        if (!slash)
            snprintf(dir, sizeof dir, ".");
        else
            *(slash == dir ? slash + 1 : slash) = '\0';
        found = stat(dir, &st) == 0;
        if (!slash || strcmp(dir, "/") == 0)
            break;
    }
    const char *why = !found                   ? "cannot be looked at"
                      : !S_ISDIR(st.st_mode)   ? "is not a folder"
                      : access(dir, W_OK) != 0 ? "is not writable by this user"
                                               : NULL;
    /* a directory that is there is served read-only (staff are told),
     * rather than the kiosk refusing to start over a read-only disk */
    if (why && access(c->database, R_OK) == 0)
        why = NULL;
    if (why) {
        if (n < cap) {
            p[n].line = c->database_line;
            snprintf(p[n].text, sizeof p[n].text,
                     "database: %.250s %s, so %.250s cannot be kept there (make install creates "
                     "/var/lib/career-kiosk for the kiosk's user)",
                     dir, why, c->database);
        }
        n++;
    }
    n = need_file(c->questions, c->questions_line, "questions: the question bank", p, cap, n);
    /* the sample is only read to fill a directory that does not exist yet */
    if (access(c->database, F_OK) != 0)
        n = need_file(c->sample, c->sample_line, "sample: the first directory", p, cap, n);
    return n;
}

int config_check_fleet(const Config *c, ConfigProblem *p, int cap, int n)
{
    /* the fleet's folders: the inbox read, the outbox written */
    if (c->inbox != CONFIG_INBOX_OFF) {
        n = need_dir(c->inbox_dir, R_OK | X_OK, c->inbox_line,
                     "inbox_dir: the inbox (the tmpfiles entry makes it for the fetch user)", p,
                     cap, n);
        n = need_dir(c->outbox_dir, W_OK | X_OK, c->inbox_line,
                     "outbox_dir: the outbox (the tmpfiles entry makes it for the kiosk)", p, cap,
                     n);
    }
    if (c->age_key[0])
        n = need_file(c->age_key, c->age_line, "age_identity: the key for mentors.csv.age", p,
                      cap, n);
    return n;
}

void config_report(FILE *f, const char *path, const ConfigProblem *p, int n)
{
    for (int i = 0; i < n && i < CONFIG_PROBLEMS; i++) {
        if (p[i].line > 0)
            fprintf(f, "%s:%d: %s\n", path, p[i].line, p[i].text);
        else
            fprintf(f, "%s: %s\n", path, p[i].text);
    }
}

bool config_open(const char *path, Config *c, const char *prog, ConfigCheck check)
{
    ConfigProblem p[CONFIG_PROBLEMS];
    int n;
    path = config_path(path);
    config_defaults(c, CK_ASSETS_DIR, CK_DB_PATH);
    config_load(path, c, p, CONFIG_PROBLEMS, &n);
    if (check)
        n = check(c, p, CONFIG_PROBLEMS, n);
    if (n == 0)
        return true;
    config_report(stderr, path, p, n);
    fprintf(stderr, "%s: %s has %d problem%s; not starting until %s fixed\n", prog, path, n,
            n == 1 ? "" : "s", n == 1 ? "it is" : "they are");
    return false;
}
