/* The take-away codes read from a step back: for every mentor in the
 * sample directory and at each screen size we support, the real kiosk,
 * headless, walks a visitor to Take away and takes a screenshot of each
 * code it shows (every part of every kind); each PNG is scaled to 40%
 * with ImageMagick, as a phone a step back sees it, and zbarimg must
 * read exactly the code's payload from it. What the codes carry is held
 * to the sheet: every question whole, the thank-you and referrer lines,
 * the message whole once its parts are put together; and independent
 * parsers read the payloads (python3-vobject the contact card,
 * python3-icalendar the reminders, urllib the email drafts).
 *
 * How many mentors, said in the output of every run: the plain build
 * walks every sample mentor at 1280x800 (the smallest slot: the smallest
 * modules and the most codes in parts) and every fourth (40 of 160) at
 * 1920x1080 and 1080x1920; the sanitizer build every sixteenth (10) at
 * each size. A whole run at every size takes about 15 minutes of one
 * core (each code is a 1080p PNG written, scaled and read):
 * CK_CODES_EVERY=1 walks every mentor at every size. */
#include "support.h"

#include "core/csv.h"
#include "core/mentor.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

enum { MENTORS_MAX = 400 };

/* Every how many mentors a size walks (see the head of this file). */
static int every_for(const char *size)
{
    const char *env = getenv("CK_CODES_EVERY");
    if (env && atoi(env) > 0)
        return atoi(env);
#if defined(__SANITIZE_ADDRESS__)
    (void)size;
    return 16;
#else
    return strcmp(size, "1280x800") == 0 ? 1 : 4;
#endif
}

typedef struct {
    char id[16], full[160], shown[160],
        n[160]; /* shown: as the kiosk writes it; n: the vCard's N */
} Who;

static Who who[MENTORS_MAX];
static int nwho, nsample;

/* The sample's mentors, every `every`-th of them. */
static void load_mentors(int every)
{
    size_t len;
    char *data = support_read("assets/mentors.sample.csv", &len);
    assert_non_null(data);
    CsvReader r;
    csv_open(&r, data, len);
    static char buf[8192];
    const char *field[32];
    CsvRow row = {
        .buf = buf, .buf_cap = sizeof buf, .field = field, .field_cap = 32, .field_max = 4000};
    int n = 0;
    nwho = 0;
    csv_next_row(&r, &row); /* the header: id, first_name, last_name, ... */
    assert_string_equal(field[0], "id");
    assert_string_equal(field[1], "first_name");
    assert_string_equal(field[2], "last_name");
    while (csv_next_row(&r, &row) && nwho < MENTORS_MAX)
        if (n++ % every == 0) {
            Who *w = &who[nwho++];
            snprintf(w->id, sizeof w->id, "%s", field[0]);
            snprintf(w->full, sizeof w->full, "%s %s", field[1], field[2]);
            Mentor m = {0};
            snprintf(m.first_name, sizeof m.first_name, "%s", field[1]);
            snprintf(m.last_name, sizeof m.last_name, "%s", field[2]);
            mentor_full_name(&m, w->shown, sizeof w->shown); /* 李娜, family name first */
            snprintf(w->n, sizeof w->n, "\nN:%s;%s;;;", field[2], field[1]);
        }
    assert_true(n >= 150);
    assert_int_equal(nwho, (n + every - 1) / every);
    nsample = n;
    free(data);
}

/* A visitor's walk to each mentor's Take away, its take-away and codes
 * dumped and every code photographed: the visitor searches for the
 * mentor's name and taps their card (the contact card in the dump says
 * it was them). The
 * directory's own fairness would hide mentors at their monthly cap and
 * offer no Choose for those not taking requests: the test's copy of the
 * sample has no caps and everyone takes requests, so every mentor's
 * codes are shown (what is in a code does not depend on either). */
static char *walk_script(void)
{
    size_t cap = (size_t)nwho * 700 + 1, len = 0;
    char *s = malloc(cap);
    for (int i = 0; i < nwho; i++)
        len += (size_t)snprintf(s + len, cap - len,
                                "tap \"Touch to start\"\n"
                                "tap \"Skip this step\"\n"
                                "tap Search\n"
                                "type %s\n"
                                "tap Done\n"
                                "tap \"%s\"\n"
                                "tap \"Choose *\"\n"
                                "tap \"Next: pick questions\"\n"
                                "tap \"Next: take it with you\"\n"
                                "expect screen takeaway\n"
                                "dump takeaway\n"
                                "dump codes\n"
                                "screenshot codes %s\n"
                                "wait 1500\n"
                                "tap \"Finish and clear\"\n"
                                "expect screen welcome\n",
                                who[i].full, who[i].shown, who[i].id);
    return s;
}

/* The text between `from` (after it) and `to` in s, malloc'd; *next
 * points past it. NULL when from is not there. */
static char *between(const char *s, const char *from, const char *to, const char **next)
{
    const char *a = strstr(s, from);
    if (!a)
        return NULL;
    a += strlen(from);
    const char *b = to ? strstr(a, to) : NULL;
    if (!b)
        b = a + strlen(a);
    *next = b;
    if (b > a && b[-1] == '\n') /* the dump's own line end */
        b--;
    return strndup(a, (size_t)(b - a));
}

/* Whitespace removed: parts are cut where a line or paragraph breaks. */
static char *squeeze(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    for (; *s; s++)
        if (*s != ' ' && *s != '\n' && *s != '\r')
            *o++ = *s;
    *o = '\0';
    return out;
}

/* %XX decoded. */
static char *unpct(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    for (; *s; s++) {
        unsigned v;
        if (*s == '%' && sscanf(s + 1, "%2x", &v) == 1) {
            *o++ = (char)v;
            s += 2;
        } else
            *o++ = *s;
    }
    *o = '\0';
    return out;
}

typedef struct {
    char kind[16];
    int part, parts, version, modules;
    char *payload;
} Code;

/* The message (or thank-you) code: one part a phone acts on, the whole
 * payload or its draft's address and subject (the whole then shows in
 * one code with all the screen's room); only where nothing to act on
 * exists, text parts that put together hold it all. */
static void check_note(const Who *w, const char *size, const char *kind, const char *whole,
                       const Code *c, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(c[i].kind, kind) == 0 && (strncmp(c[i].payload, "mailto:", 7) == 0 ||
                                             strncmp(c[i].payload, "tel:", 4) == 0 ||
                                             strncmp(c[i].payload, "https://", 8) == 0)) {
            if (c[i].parts != 1)
                fail_msg("%s %s: the %s code is in %d parts", size, w->id, kind, c[i].parts);
            size_t len = strlen(c[i].payload);
            if (strcmp(c[i].payload, whole) != 0 &&
                (strncmp(whole, c[i].payload, len) != 0 || strncmp(whole + len, "&body=", 6) != 0))
                fail_msg("%s %s: the %s code \"%.200s\" is neither its whole draft nor that "
                         "draft's address and subject",
                         size, w->id, kind, c[i].payload);
            return;
        }
    if (strcmp(kind, "message") == 0)
        fail_msg("%s %s: the message code is not one a phone acts on", size, w->id);
    int parts = 0;
    static char joined[16384];
    joined[0] = '\0';
    for (int i = 0; i < n; i++)
        if (strcmp(c[i].kind, kind) == 0) {
            const char *text = c[i].payload;
            if (c[i].parts > 1) {
                char lead[32];
                snprintf(lead, sizeof lead, "(%d of %d)\n", c[i].part, c[i].parts);
                if (strncmp(text, lead, strlen(lead)) != 0)
                    fail_msg("%s %s: %s part %d does not say which it is", size, w->id, kind,
                             c[i].part);
                text += strlen(lead);
            }
            strncat(joined, text, sizeof joined - strlen(joined) - 1);
            parts++;
        }
    if (parts == 0)
        fail_msg("%s %s: no %s code on screen", size, w->id, kind);
    if (parts == 1 && strcmp(joined, whole) == 0)
        return;
    /* as text: the body (and the subject) of the draft, or the text */
    char *want;
    if (strncmp(whole, "mailto:", 7) == 0) {
        const char *body = strstr(whole, "&body=");
        assert_non_null(body);
        want = unpct(body + 6);
    } else
        want = strdup(whole);
    char *a = squeeze(joined), *b = squeeze(want);
    if (!strstr(a, b))
        fail_msg("%s %s: the %s's %d parts do not carry it whole:\n%s\n---- want ----\n%s", size,
                 w->id, kind, parts, joined, want);
    free(a);
    free(b);
    free(want);
}

/* The sheet's parts: every question line of the sheet whole, the
 * thank-you and referrer lines in the last part. */
static void check_sheet(const Who *w, const char *size, const char *whole, const Code *c, int n)
{
    static char joined[16384];
    joined[0] = '\0';
    const char *last = NULL;
    int questions = 0;
    for (int i = 0; i < n; i++)
        if (strcmp(c[i].kind, "sheet") == 0) {
            strncat(joined, c[i].payload, sizeof joined - strlen(joined) - 1);
            last = c[i].payload;
        }
    assert_non_null(last);
    for (const char *l = whole; *l;) {
        const char *nl = strchr(l, '\n');
        size_t len = nl ? (size_t)(nl - l) : strlen(l);
        int num, used = 0;
        if (sscanf(l, "%d. %n", &num, &used) == 1 && used > 0 && len > 4 && l[len - 1] == ')' &&
            l[len - 2] == 'm') {
            char line[600];
            snprintf(line, sizeof line, "\n%.*s\n", (int)len, l);
            if (!strstr(joined, line))
                fail_msg("%s %s: question %d is not whole in the codes: %s", size, w->id, num,
                         line + 1);
            questions++;
        }
        l += len + (nl != NULL);
    }
    if (questions < 3)
        fail_msg("%s %s: the sheet lists only %d questions:\n%s", size, w->id, questions, whole);
    if (!strstr(last, ": send the thank-you note\n"))
        fail_msg("%s %s: the sheet codes lost the thank-you line:\n%s", size, w->id, last);
    if (!strstr(last, "The same week: thank whoever pointed you to "))
        fail_msg("%s %s: the sheet codes lost the referrer line:\n%s", size, w->id, last);
}

/* Parses the "== code KIND P/N version V modules W ==" blocks in
 * [s, end) into c; returns how many. */
static int parse_codes(const char *s, const char *end, Code *c, int cap)
{
    int n = 0;
    while ((s = strstr(s, "== code ")) && s < end && n < cap) {
        Code *k = &c[n];
        if (sscanf(s, "== code %15s %d/%d version %d modules %d ==", k->kind, &k->part, &k->parts,
                   &k->version, &k->modules) != 5)
            fail_msg("cannot read the code line: %.80s", s);
        const char *body = strchr(s, '\n') + 1, *stop = strstr(body, "\n== end ==\n");
        assert_non_null(stop);
        k->payload = strndup(body, (size_t)(stop - body));
        s = stop + 10;
        n++;
    }
    return n;
}

/* zbarimg over every picture of dir, in one shell: what it reads in
 * NAME.pgm goes to NAME.read (raw bytes, as the code holds them). */
static void read_all(const char *dir)
{
    assert_int_equal(support_sh(NULL,
                                "cd %s && for f in *.pgm; do zbarimg -Sdisable -Sqrcode.enable "
                                "--quiet --raw -Sbinary \"$f\" > \"${f%%.pgm}.read\" 2>/dev/null; "
                                "done; true",
                                dir),
                     0);
}

/* What zbarimg read in dir/NAME.pgm, malloc'd; "" when it read none. */
static char *read_back(const char *dir, const char *name)
{
    char path[1400];
    snprintf(path, sizeof path, "%s/%s.read", dir, name);
    char *got = support_read(path, NULL);
    return got ? got : strdup("");
}

/* One size: the walk, the 40% pictures, what they read, the parsers. */
static void codes_at(const char *size)
{
    char *out, db[1100], conf[1100], script[1100], shots[1100], small[1100], dec[1100];
    snprintf(db, sizeof db, "%s/codes.db", support_dir);
    snprintf(conf, sizeof conf, "%s/none.conf", support_dir);
    snprintf(script, sizeof script, "%s/walk.txt", support_dir);
    snprintf(shots, sizeof shots, "%s/shots", support_dir);
    snprintf(small, sizeof small, "%s/small", support_dir);
    snprintf(dec, sizeof dec, "%s/dec", support_dir);
    mkdir(shots, 0755);
    mkdir(small, 0755);
    mkdir(dec, 0755);
    load_mentors(every_for(size));
    /* the sample directory, with no referral history, caps or pauses in the way */
    assert_int_equal(support_admin(NULL, "--config %s --db %s init", conf, db), 0);
    assert_int_equal(support_sh(NULL,
                                "sqlite3 %s 'DELETE FROM referrals; UPDATE mentors SET "
                                "monthly_cap = 100000, accepting = 1'",
                                db),
                     0);
    char *walk = walk_script();
    support_write(script, walk, (size_t)-1);
    free(walk);
    int rc = support_kiosk(&out,
                           "--headless --size %s --today 2026-11-22 --config %s --db %s "
                           "--script %s --screenshots %s",
                           size, conf, db, script, shots);
    if (rc != 0) {
        const char *why = strstr(out, "walk.txt:");
        fail_msg("the walk at %s failed (%d): %.400s", size, rc, why ? why : out);
    }
    /* every picture at 40%, as grey PGM, in one run of ImageMagick */
    assert_int_equal(
        support_sh(NULL,
                   "mogrify -path %s -format pgm -colorspace Gray -filter Triangle -resize 40%% "
                   "%s/*.png",
                   small, shots),
        0);
    support_sh(NULL, "rm -f %s/*.png", shots); /* room: a size's pictures are large */
    read_all(small);
    const char *at = out;
    static Code c[64];
    int total = 0, smallest = 1000;
    for (int i = 0; i < nwho; i++) {
        const Who *w = &who[i];
        const char *next;
        char *sheet = between(at, "== payload sheet ==\n", "\n== payload message ==", &next);
        if (!sheet)
            fail_msg("%s: no take-away dumped for %s (%s), mentor %d of %d; the walk said: %.600s",
                     size, w->id, w->full, i + 1, nwho, at);
        char *message = between(next, "== payload message ==\n", "\n== payload contact ==", &next);
        char *contact = between(next, "== payload contact ==\n", "\n== payload reminders", &next);
        assert_non_null(contact);
        if (!strstr(contact, w->n))
            fail_msg("%s: the walk for %s (%s) reached someone else:\n%s", size, w->id, w->full,
                     contact);
        free(contact);
        char *thanks = between(next, "== payload thanks ==\n", "\n== code ", &next);
        assert_non_null(message);
        assert_non_null(thanks);
        const char *end = strstr(next, "== payload sheet ==");
        if (!end)
            end = next + strlen(next);
        int n = parse_codes(next, end, c, 64);
        at = end;
        int kinds = 0;
        for (int k = 0; k < n; k++) {
            char name[160];
            snprintf(name, sizeof name, "%.15s-%.15s-%d", w->id, c[k].kind, c[k].part);
            char *got = read_back(small, name);
            if (strcmp(got, c[k].payload) != 0)
                fail_msg("%s %s: the %s code (part %d of %d, version %d) does not read at 40%%; "
                         "zbarimg read: \"%.200s\"",
                         size, w->id, c[k].kind, c[k].part, c[k].parts, c[k].version, got);
            free(got);
            /* for the parsers */
            const char *ext = strcmp(c[k].kind, "contact") == 0          ? "vcf"
                              : strcmp(c[k].kind, "reminders") == 0      ? "ics"
                              : strncmp(c[k].payload, "mailto:", 7) == 0 ? "mailto"
                                                                         : "txt";
            char file[1400];
            snprintf(file, sizeof file, "%s/%s.%s", dec, name, ext);
            support_write(file, c[k].payload, (size_t)-1);
            kinds += c[k].part == 1;
            if (c[k].modules < smallest)
                smallest = c[k].modules;
        }
        if (kinds != 5)
            fail_msg("%s %s: %d kinds of code on screen, not 5", size, w->id, kinds);
        check_sheet(w, size, sheet, c, n);
        check_note(w, size, "message", message, c, n);
        check_note(w, size, "thanks", thanks, c, n);
        total += n;
        for (int k = 0; k < n; k++)
            free(c[k].payload);
        free(sheet);
        free(message);
        free(thanks);
    }
    free(out);
    /* independent parsers over every payload of this size at once */
    char *parsed;
    rc = support_sh(
        &parsed,
        "cd %s && /usr/bin/python3 -c '\n"
        "import glob, sys, urllib.parse as u, vobject, icalendar\n"
        "bad = 0; n = 0\n"
        "for f in sorted(glob.glob(\"*.vcf\")):\n"
        "    v = vobject.readOne(open(f, encoding=\"utf-8\").read()); n += 1\n"
        "    if not v.fn.value: print(f, \"no name\"); bad += 1\n"
        "for f in sorted(glob.glob(\"*.ics\")):\n"
        "    c = icalendar.Calendar.from_ical(open(f, \"rb\").read()); n += 1\n"
        "    ev = list(c.walk(\"VEVENT\"))\n"
        "    if not ev or any(not e.get(\"SUMMARY\") or not e.decoded(\"DTSTART\") for e in ev):\n"
        "        print(f, \"an event without a day or summary\"); bad += 1\n"
        "for f in sorted(glob.glob(\"*.mailto\")):\n"
        "    p = u.urlsplit(open(f, encoding=\"utf-8\").read()); q = u.parse_qs(p.query); n += 1\n"
        "    if p.scheme != \"mailto\" or not q.get(\"subject\") or (q.get(\"body\") and "
        "\"\\r\\n\" not in q[\"body\"][0]):\n"
        "        print(f, \"not a draft with a subject (and a body of lines)\"); bad += 1\n"
        "print(\"parsed\", n, \"bad\", bad)\n"
        "sys.exit(1 if bad else 0)' 2>&1",
        dec);
    if (rc != 0)
        fail_msg("%s: the parsers refused some payloads:\n%s", size, parsed);
    int parsed_n = 0;
    sscanf(strstr(parsed, "parsed ") ? strstr(parsed, "parsed ") : "", "parsed %d", &parsed_n);
    assert_true(parsed_n >= nwho * 2); /* a card and a calendar for each, at least */
    free(parsed);
    printf("%s: %d of the sample's %d mentors (every %d), %d codes read back at 40%%, %d "
           "parsed; the smallest code %d modules\n",
           size, nwho, nsample, every_for(size), total, parsed_n, smallest);
}

/* ---- the message code, as a phone sees it on screen ---- */

/* A mentor on each channel and the start of what their message code
 * must hold: one code a phone acts on. */
static const struct {
    const char *name, *query, *want;
} channel_mentor[] = {
    {"José García", "José García", "mailto:jose.garcia@example.org?subject="},
    {"Kai Nakamura", "Kai Nakamura", "mailto:careers@northfield.example.org?subject="},
    {"Lan Nguyễn", "Lan Nguyen", "tel:6175550106"},
    {"Kwame Mensah", "Kwame Mensah", "https://www.linkedin.com/in/example-ck-1024"},
    {"Ana Conceição", "Ana Conceicao", "https://meet.example.org/ana-conceicao"},
};
enum { CHANNEL_MENTORS = sizeof channel_mentor / sizeof *channel_mentor };

/* What zbarimg reads in shots/name.png scaled to 40% (a phone a step
 * back), malloc'd; "" when none. */
static char *read_shot(const char *name)
{
    char *out;
    support_sh(&out,
               "convert %s/shots/%s.png -colorspace Gray -filter Triangle -resize 40%% pgm:- | "
               "zbarimg -Sdisable -Sqrcode.enable --quiet --raw -Sbinary - 2>/dev/null",
               support_dir, name);
    return out;
}

/* The walk to mentor i's Take away with the message tab open; larger:
 * with Larger text on. */
static int walk_to_message(char *s, size_t cap, int i, bool larger)
{
    char first[64];
    snprintf(first, sizeof first, "%s", channel_mentor[i].name);
    first[strcspn(first, " ")] = '\0';
    return snprintf(s, cap,
                    "tap \"Touch to start\"\n%s"
                    "tap \"Skip this step\"\ntap Search\ntype %s\ntap Done\ntap \"%s\"\n"
                    "tap \"Choose %s\"\ntap \"Next: pick questions\"\n"
                    "tap \"Next: take it with you\"\ntap \"Your message\"\nexpect layout\n",
                    larger ? "tap \"Larger text\"\n" : "", channel_mentor[i].query,
                    channel_mentor[i].name, first);
}

static int run_script(char **out, const char *size, const char *script)
{
    char path[1100], db[1100], shots[1100];
    snprintf(path, sizeof path, "%s/message.txt", support_dir);
    snprintf(db, sizeof db, "%s/message.db", support_dir);
    snprintf(shots, sizeof shots, "%s/shots", support_dir);
    mkdir(shots, 0755);
    unlink(db); /* no referrals counted from the last run */
    support_write(path, script, (size_t)-1);
    return support_kiosk(out,
                         "--headless --size %s --today 2026-11-22 --db %s --script %s "
                         "--screenshots %s",
                         size, db, path, shots);
}

/* At every size, with Larger text and without, the message code a phone
 * reads off the screen is one code it acts on: mailto: for email (to the
 * mentor, or the office that introduces them), tel: for a call, the
 * profile for LinkedIn, the booking link for video. Where the screen's
 * slot is too small for the whole email draft, its address and subject;
 * and the whole draft, body and all, reads from the screen that gives
 * it all the room. */
static void test_message_codes_act_at_every_size(void **state)
{
    (void)state;
    static const char *const sizes[] = {"1920x1080", "1080x1920", "1280x800"};
    int wholes = 0, read = 0;
    for (size_t z = 0; z < sizeof sizes / sizeof *sizes; z++)
        for (int larger = 0; larger < 2; larger++)
            for (int i = 0; i < CHANNEL_MENTORS; i++) {
                char script[2000], *out;
                int n = walk_to_message(script, sizeof script, i, larger);
                snprintf(script + n, sizeof script - (size_t)n,
                         "screenshot message\ndump takeaway\n");
                int rc = run_script(&out, sizes[z], script);
                if (rc != 0)
                    fail_msg("%s, %s: %s", sizes[z], channel_mentor[i].name, out);
                const char *next;
                char *whole = between(out, "== payload message ==\n", "\n== payload contact", &next);
                assert_non_null(whole);
                free(out);
                char *got = read_shot("message");
                read++;
                const char *want = channel_mentor[i].want;
                if (strncmp(got, want, strlen(want)) != 0 || strchr(got, '\n'))
                    fail_msg("%s%s, %s: the message code reads \"%.300s\", not one code "
                             "starting \"%s\"",
                             sizes[z], larger ? " with Larger text" : "", channel_mentor[i].name,
                             got, want);
                if (strcmp(got, whole) != 0) { /* the draft's address and subject only */
                    size_t len = strlen(got);
                    if (strncmp(whole, got, len) != 0 || strncmp(whole + len, "&body=", 6) != 0)
                        fail_msg("%s, %s: \"%.300s\" is not the draft's address and subject",
                                 sizes[z], channel_mentor[i].name, got);
                    n = walk_to_message(script, sizeof script, i, larger);
                    snprintf(script + n, sizeof script - (size_t)n,
                             "tap \"Show the whole email in one code\"\nexpect layout\n"
                             "screenshot whole\n");
                    rc = run_script(&out, sizes[z], script);
                    if (rc != 0)
                        fail_msg("%s, %s: %s", sizes[z], channel_mentor[i].name, out);
                    free(out);
                    char *all = read_shot("whole");
                    if (strcmp(all, whole) != 0)
                        fail_msg("%s%s, %s: the whole email's code reads \"%.300s\"", sizes[z],
                                 larger ? " with Larger text" : "", channel_mentor[i].name, all);
                    free(all);
                    wholes++;
                }
                free(got);
                free(whole);
            }
    printf("%d message codes read from the screen, %d whole drafts shown large\n", read, wholes);
    assert_true(wholes > 0); /* 1280x800 has too little room for a whole draft in its slot */
}

static void test_codes_1920x1080(void **state)
{
    (void)state;
    codes_at("1920x1080");
}

static void test_codes_1080x1920(void **state)
{
    (void)state;
    codes_at("1080x1920");
}

static void test_codes_1280x800(void **state)
{
    (void)state;
    codes_at("1280x800");
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_message_codes_act_at_every_size, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_codes_1920x1080, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_codes_1080x1920, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_codes_1280x800, support_dir_setup,
                                        support_dir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
