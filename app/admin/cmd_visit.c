/* Subcommands that do what a visitor does at the kiosk: search, show,
 * questions, message, sheet and qr. Nothing here is recorded: previews
 * from the CLI count no referrals and no stats. */
#include "admin.h"

#include "args.h"
#include "choices.h"
#include "core/meet.h"
#include "core/message.h"
#include "core/rank.h"
#include "core/sheet.h"
#include "core/text.h"
#include "core/typed.h"
#include "directory/counts.h"
#include "directory/search.h"
#include "json.h"
#include "visit/qr.h"
#include "visit/takeaway.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void mentor_json(Json *j, const Mentor *m)
{
    json_kv_string(j, "id", m->id);
    json_kv_string(j, "first_name", m->first_name);
    json_kv_string(j, "last_name", m->last_name);
    json_kv_string(j, "title", m->title);
    json_kv_string(j, "organization", m->organization);
    json_kv_string(j, "field", m->field);
    json_kv_int(j, "grad_year", m->grad_year);
    json_kv_string(j, "major", m->major);
    json_kv_string(j, "location", m->location);
    json_kv_bool(j, "remote", m->remote);
    json_kv_bool(j, "accepting", m->accepting);
    json_kv_string(j, "contact_via", mentor_via_name(m->via));
    json_kv_string(j, "contact", m->contact);
    json_kv_string(j, "topics", m->topics);
    json_kv_string(j, "languages", m->languages);
}

/* ---- search ---- */

static const OptSpec search_opts[] = {
    {"field", "FIELD", "only this career field (see `fields`)", NULL},
    {"from", "YEAR", "graduated in or after YEAR", NULL},
    {"to", "YEAR", "graduated in or before YEAR", NULL},
    {"via", "CHANNEL", "only mentors reached by %s", choice_via},
    {"language", "LANG", "only mentors who speak LANG", NULL},
    {"remote", NULL, "only mentors who meet remotely", NULL},
    {"accepting", NULL, "only mentors taking requests now", NULL},
    {"limit", "N", "show at most N results (default 20)", NULL},
    {"exact", NULL, "search the words as typed, without correcting typos", NULL},
    {"program", "TEXT", "with no QUERY: suggest people for a visitor of this program or major",
     NULL},
    {"exploring", "TEXT", "with no QUERY: ... who is exploring this", NULL},
    {"status", "S", "with no QUERY: ... of this status (%s)", choice_status},
};

static bool search_filter(Admin *a, const Args *args, StoreFilter *f, int *limit)
{
    char err[200];
    int via = args_choice(args, "via", -1);
    *f = (StoreFilter){
        args_get(args, "field"),    0, 0, -1, args_get(args, "language"), args_has(args, "remote"),
        args_has(args, "accepting")};
    if (!args_int(args, "from", 1900, 2200, 0, &f->year_from, err, sizeof err) ||
        !args_int(args, "to", 1900, 2200, 0, &f->year_to, err, sizeof err) ||
        !args_int(args, "limit", 1, 500, 20, limit, err, sizeof err)) {
        admin_fail(a, "%s", err);
        return false;
    }
    f->via = via;
    return true;
}

int cmd_search(Admin *a, int argc, char **argv)
{
    Args args;
    StoreFilter f;
    int limit;
    char query[400] = "";
    int rc =
        admin_parse(a, &args, search_opts, 12, argc, argv, "search [QUERY] [filters]",
                    "Searches as the kiosk does while a visitor types (the same code): each word\n"
                    "is a prefix and matches by its stem (\"nurses\" finds nurses); names in any\n"
                    "script are found in Latin letters (\"olga\" finds Ольга); the synonym table\n"
                    "adds what the words stand for (\"surgeon\" finds physicians); a word that\n"
                    "matches nothing is taken for a typo of the nearest word. Results come by\n"
                    "relevance, then fewer recent referrals first; mentors at their monthly cap\n"
                    "are left out. With no QUERY and --program, --exploring or --status: the\n"
                    "people the kiosk's Find screen suggests before typing, with their reasons.",
                    0, ARGS_MAX_POS);
    if (rc >= 0)
        return rc;
    for (int i = 0; i < args.npos; i++)
        snprintf(query + strlen(query), sizeof query - strlen(query), "%s%s", i ? " " : "",
                 args.pos[i]);
    if (!search_filter(a, &args, &f, &limit))
        return EXIT_FAILED;
    Store *s = admin_store(a);
    if (!s)
        return EXIT_FAILED;
    StoreHit *hits = calloc((size_t)limit, sizeof *hits);
    if (!hits)
        return admin_fail(a, "out of memory");
    StoreSearchInfo info = {.exact = args_has(&args, "exact")};
    const char *program = args_get(&args, "program"), *exploring = args_get(&args, "exploring"),
               *status = args_get(&args, "status");
    VisitorStatus st = (VisitorStatus)args_choice(&args, "status", STATUS_STUDENT);
    bool suggest = !*query && (program || exploring || status);
    char(*why)[STORE_REASON_MAX] = calloc((size_t)limit, sizeof *why);
    StoreWho who = {program ? program : "", exploring ? exploring : "", (int)st};
    int n = !why      ? -1
            : suggest ? store_suggest(s, &who, &f, a->today, hits, why, limit)
                      : store_search_info(s, query, &f, a->today, hits, limit, &info);
    if (n < 0) {
        free(hits);
        free(why);
        return admin_fail(a, "search failed");
    }
    if (a->json) {
        Json j;
        json_init(&j, stdout);
        json_begin_object(&j);
        json_kv_string(&j, "query", query);
        if (info.corrected)
            json_kv_string(&j, "searched_for", info.shown);
        json_kv_string(&j, "field", info.field);
        if (info.capped[0])
            json_kv_string(&j, "at_monthly_cap", info.capped);
        json_kv_int(&j, "count", n);
        json_key(&j, "results");
        json_begin_array(&j);
        for (int i = 0; i < n; i++) {
            json_begin_object(&j);
            mentor_json(&j, &hits[i].mentor);
            static const char *const tiers[] = {[RANK_TIER_NAME] = "name",
                                                [RANK_TIER_ROLE] = "role",
                                                [RANK_TIER_ALIKE] = "synonym",
                                                [RANK_TIER_OTHER] = "other"};
            _Static_assert(sizeof tiers / sizeof *tiers == RANK_TIER_OTHER + 1,
                           "a label for every tier");
            if (suggest)
                json_kv_string(&j, "reason", why[i]);
            else
                json_kv_string(&j, "matched", tiers[hits[i].tier]);
            json_kv_int(&j, "recent_referrals", hits[i].recent);
            json_end_object(&j);
        }
        json_end_array(&j);
        json_end_object(&j);
        json_finish(&j);
    } else if (n == 0 && info.capped[0])
        printf("%s has had all the requests they take this month (their monthly cap); the "
               "kiosk shows them again next month.\n",
               info.capped);
    else if (n == 0)
        printf("No mentors match%s%s. Try fewer or shorter words, or remove a filter.\n",
               *query ? " " : "", query);
    else {
        if (info.corrected)
            printf("Showing results for %s (--exact searches for %s)\n", info.shown, query);
        for (int i = 0; i < n; i++) {
            const Mentor *m = &hits[i].mentor;
            char full[2 * MENTOR_NAME_MAX + 2];
            mentor_full_name(m, full, sizeof full);
            printf("%-10s %s — %s, %s (%s, class of %d)%s%s%s\n", m->id, full, m->title,
                   m->organization, m->field, m->grad_year,
                   m->accepting ? "" : " [not taking requests]", suggest && why[i][0] ? " — " : "",
                   suggest ? why[i] : "");
        }
    }
    free(hits);
    free(why);
    return EXIT_DONE;
}

/* ---- show ---- */

/* A directory made before control characters were refused may hold
 * some: a terminal would run them (ESC clears the screen, BEL rings), so
 * `show` prints each C0, DEL and C1 control as '?'. */
static void scrub(char *s)
{
    for (unsigned char *p = (unsigned char *)s; *p; p++) {
        if ((*p < 0x20 && *p != '\n') || *p == 0x7F)
            *p = '?';
        else if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
            p[0] = p[1] = '?'; /* U+0080-U+009F */
    }
}

static void scrub_mentor(Mentor *m)
{
    char *text[] = {m->id,           m->first_name, m->last_name, m->title,
                    m->organization, m->field,      m->major,     m->location,
                    m->contact,      m->topics,     m->bio,       m->languages};
    for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
        scrub(text[i]);
}

int cmd_show(Admin *a, int argc, char **argv)
{
    Args args;
    Mentor m;
    int rc = admin_parse(a, &args, NULL, 0, argc, argv, "show ID",
                         "Shows one mentor as the kiosk shows them: only the contact channel they\n"
                         "agreed to is stored or shown.",
                         1, 1);
    if (rc >= 0)
        return rc;
    Store *s = admin_store(a);
    if (!s)
        return EXIT_FAILED;
    if (!store_mentor_get(s, args.pos[0], &m))
        return admin_fail(a, "no mentor has the id \"%s\"", args.pos[0]);
    int month = store_referral_count(s, m.id, date_month_start(a->today), a->today);
    if (a->json) {
        Json j;
        json_init(&j, stdout);
        json_begin_object(&j);
        mentor_json(&j, &m);
        json_kv_string(&j, "bio", m.bio);
        json_kv_int(&j, "monthly_cap", m.monthly_cap);
        json_kv_int(&j, "referrals_this_month", month);
        json_kv_string(&j, "last_verified", m.last_verified);
        json_kv_string(&j, "affinities", m.affinities);
        json_kv_string(&j, "name_latin", m.name_latin);
        json_end_object(&j);
        json_finish(&j);
        return EXIT_DONE;
    }
    scrub_mentor(&m);
    char full[2 * MENTOR_NAME_MAX + 2];
    mentor_full_name(&m, full, sizeof full);
    printf("%s (%s)\n%s, %s\nField: %s; class of %d%s%s\n", full, m.id, m.title, m.organization,
           m.field, m.grad_year, *m.major ? ", majored in " : "", m.major);
    printf("Location: %s%s\nLanguages: %s\nTopics: %s\n", *m.location ? m.location : "-",
           m.remote ? " (meets remotely)" : "", m.languages, *m.topics ? m.topics : "-");
    printf("Reach by: %s%s%s\n", mentor_via_label(m.via), *m.contact ? ": " : "", m.contact);
    printf("Taking requests: %s; %d of %d referrals this month\n", m.accepting ? "yes" : "no",
           month, m.monthly_cap);
    if (*m.bio)
        printf("\n%s\n", m.bio);
    return EXIT_DONE;
}

/* ---- the visitor's choices, shared by questions, message, sheet, qr ---- */

static bool visit_fail(Admin *a, const char *msg)
{
    admin_fail(a, "%s", msg);
    return false;
}

static bool parse_visitor(Admin *a, const Args *args, AdminVisit *v)
{
    const char *s;
    char err[200];
    visitor_init(&v->visitor);
    /* as the kiosk's fields take them: no longer (what does not fit is
     * cut, and the message check says so), and without the controls and
     * marks that could disguise a message (core/typed.h) */
    if (text_copy(v->visitor.first_name, VISITOR_NAME_MAX + 1, (s = args_get(args, "name")) ? s : ""))
        v->visitor.cut |= VISITOR_CUT_NAME;
    if (text_copy(v->visitor.program, VISITOR_TEXT_MAX + 1, (s = args_get(args, "program")) ? s : ""))
        v->visitor.cut |= VISITOR_CUT_PROGRAM;
    if (text_copy(v->visitor.interest, VISITOR_TEXT_MAX + 1,
                  (s = args_get(args, "interest")) ? s : ""))
        v->visitor.cut |= VISITOR_CUT_INTEREST;
    typed_clean(v->visitor.first_name, 0, NULL);
    typed_clean(v->visitor.program, 0, NULL);
    typed_clean(v->visitor.interest, 0, NULL);
    /* the words were checked against their tables by args_parse */
    v->visitor.status = (VisitorStatus)args_choice(args, "status", (int)v->visitor.status);
    v->visitor.found_via = (FoundVia)args_choice(args, "found-via", (int)v->visitor.found_via);
    v->visitor.format = (MeetFormat)args_choice(args, "format", (int)v->visitor.format);
    if (!args_int(args, "minutes", 0, 30, 20, &v->visitor.minutes, err, sizeof err))
        return visit_fail(a, err);
    if (v->visitor.minutes != 0 && v->visitor.minutes != 15 && v->visitor.minutes != 20 &&
        v->visitor.minutes != 30)
        return visit_fail(a, "--minutes should be 15, 20 or 30 (or 0 to leave it out)");
    /* CHANNEL_COUNT: the mentor's, once known */
    v->choices.channel = (MessageChannel)args_choice(args, "channel", CHANNEL_COUNT);
    v->choices.linkedin_limit =
        args_has(args, "short") ? MESSAGE_LINKEDIN_SHORT : MESSAGE_LINKEDIN_CHARS;
    return true;
}

/* The chosen questions: --questions ids, else (choices.chosen NULL) the
 * suggested set. */
static bool choose_questions(Admin *a, const Args *args, AdminVisit *v)
{
    const char *ids = args_get(args, "questions");
    if (!ids)
        return true;
    size_t n = 0;
    for (const char *p = ids; *p && n < QUESTION_MAX;) {
        size_t len = strcspn(p, ", ");
        int k = 0;
        while (k < v->nbank &&
               !(strlen(v->bank[k].id) == len && strncmp(v->bank[k].id, p, len) == 0))
            k++;
        if (len > 0 && k == v->nbank) {
            admin_fail(a, "no question has the id \"%.*s\" (see `questions`)", (int)len, p);
            return false;
        }
        if (len > 0)
            v->ids[n++] = (size_t)k;
        p += len;
        p += strspn(p, ", ");
    }
    v->choices.chosen = v->ids;
    v->choices.nchosen = n;
    return true;
}

/* Loads the mentor and builds everything a visitor would take away. */
AdminVisit *admin_visit(Admin *a, const Args *args, const char *id)
{
    AdminVisit *v = calloc(1, sizeof *v);
    Store *s = admin_store(a);
    if (!v) {
        admin_fail(a, "out of memory");
        return NULL;
    }
    if (!s || !parse_visitor(a, args, v))
        goto fail;
    if (!store_mentor_get(s, id, &v->mentor)) {
        admin_fail(a, "no mentor has the id \"%s\"", id);
        goto fail;
    }
    /* the request goes on the channel the mentor agreed to, as on the
     * kiosk; the thank-you note is for afterwards */
    MessageChannel theirs = message_channel_for(&v->mentor);
    if (v->choices.channel == CHANNEL_COUNT)
        v->choices.channel = theirs;
    else if (v->choices.channel != theirs && v->choices.channel != CHANNEL_THANKS) {
        admin_fail(a, "%s asked to be reached by %s: their request is --channel %s (or thanks)", id,
                   mentor_via_label(v->mentor.via), message_channel_name(theirs));
        goto fail;
    }
    if (!args_get(args, "format"))
        v->visitor.format =
            meet_format_in(meet_formats(&v->mentor, a->cfg.office.location), v->visitor.format);
    v->nbank = store_questions_load(s, v->bank, QUESTION_MAX);
    if (!choose_questions(a, args, v))
        goto fail;
    Date met = {0};
    const char *when = args_get(args, "met");
    if (when && !date_parse(when, &met)) {
        admin_fail(a, "--met should be a date like 2026-12-08");
        goto fail;
    }
    VisitInput in = {
        &v->visitor,           &v->mentor, v->choices, v->bank, v->nbank, &a->cfg.office, a->today,
        clock_unix(&a->clock), met,        0,          clock_minute(&a->clock)};
    visit_build(&v->v, &in);
    return v;
fail:
    admin_visit_free(v);
    return NULL;
}

void admin_visit_free(AdminVisit *v)
{
    if (!v)
        return;
    visit_wipe(&v->v);
    visitor_wipe(&v->visitor);
    free(v);
}

/* ---- questions ---- */

static const OptSpec questions_opts[] = {
    {"suggest", "ID", "mark the set suggested for a meeting with this mentor", NULL},
    {"status", "STATUS", "the visitor's status for the suggestion (default student)",
     choice_status},
    {"minutes", "N", "meeting length for the suggestion: 15, 20 (default) or 30", NULL},
};

int cmd_questions(Admin *a, int argc, char **argv)
{
    Args args;
    Question *bank = calloc(QUESTION_MAX, sizeof *bank);
    bool suggested[QUESTION_MAX] = {false};
    size_t chosen[64], nchosen = 0;
    char tags[96];
    int rc = admin_parse(a, &args, questions_opts, 3, argc, argv,
                         "questions [--suggest ID [--status S] [--minutes N]]",
                         "Lists the question bank by category, with minutes and tags. With\n"
                         "--suggest, marks (*) the set the kiosk would pre-select.",
                         0, 0);
    Store *s = rc < 0 ? admin_store(a) : NULL;
    if (rc >= 0 || !s || !bank) {
        free(bank);
        return rc >= 0 ? rc : EXIT_FAILED;
    }
    int n = store_questions_load(s, bank, QUESTION_MAX);
    if (args_has(&args, "suggest")) {
        AdminVisit *v = admin_visit(a, &args, args_get(&args, "suggest"));
        if (!v) {
            free(bank);
            return EXIT_FAILED;
        }
        nchosen = v->v.nchosen;
        memcpy(chosen, v->v.chosen, nchosen * sizeof *chosen);
        admin_visit_free(v);
        for (size_t i = 0; i < nchosen; i++)
            suggested[chosen[i]] = true;
    }
    Json j;
    json_init(&j, stdout);
    if (a->json) {
        json_begin_object(&j);
        json_kv_int(&j, "count", n);
        json_kv_int(&j, "suggested_minutes", question_minutes(bank, chosen, nchosen));
        json_key(&j, "questions");
        json_begin_array(&j);
    }
    for (int c = 0; c < QCAT_COUNT; c++) {
        if (!a->json)
            printf("\n%s\n", question_category_label((QuestionCategory)c));
        for (int i = 0; i < n; i++) {
            if (bank[i].category != (QuestionCategory)c)
                continue;
            question_tags_format(bank[i].tags, tags, sizeof tags);
            if (a->json) {
                json_begin_object(&j);
                json_kv_string(&j, "id", bank[i].id);
                json_kv_string(&j, "category", question_category_name(bank[i].category));
                json_kv_int(&j, "minutes", bank[i].minutes);
                json_kv_string(&j, "tags", tags);
                json_kv_string(&j, "text", bank[i].text);
                json_kv_bool(&j, "suggested", suggested[i]);
                json_end_object(&j);
            } else
                printf(" %c %-8s %2d min  %s  [%s]\n", suggested[i] ? '*' : ' ', bank[i].id,
                       bank[i].minutes, bank[i].text, tags);
        }
    }
    if (a->json) {
        json_end_array(&j);
        json_end_object(&j);
        json_finish(&j);
    } else if (nchosen)
        printf("\n* suggested: %zu questions, %d minutes\n", nchosen,
               question_minutes(bank, chosen, nchosen));
    free(bank);
    return EXIT_DONE;
}

/* ---- message ---- */

static const OptSpec message_opts[] = {VISIT_OPTS};

static void message_json(Json *j, const Message *m, unsigned warn)
{
    json_kv_string(j, "channel", message_channel_name(m->channel));
    json_kv_string(j, "subject", m->subject);
    json_kv_string(j, "body", m->body);
    json_kv_int(j, "words", (long)m->words);
    json_kv_int(j, "characters", (long)m->chars);
    json_kv_int(j, "limit", (long)m->limit);
    json_kv_string(j, "limit_unit",
                   m->limit == 0       ? ""
                   : m->limit_in_chars ? "characters"
                                       : "words");
    json_key(j, "warnings");
    json_begin_array(j);
    for (unsigned bit = 1; bit <= WARN_LAST; bit <<= 1)
        if (warn & bit) {
            json_begin_object(j);
            json_kv_string(j, "code", message_warning_name((MessageWarning)bit));
            json_kv_string(j, "text", message_warning_text((MessageWarning)bit));
            json_end_object(j);
        }
    json_end_array(j);
}

int cmd_message(Admin *a, int argc, char **argv)
{
    Args args;
    int rc = admin_parse(a, &args, message_opts, NVISIT_OPTS, argc, argv, "message ID [options]",
                         "Composes the request to mentor ID on a channel: an email (at most 150\n"
                         "words), a LinkedIn note (300 characters, or 200 with --short), a phone\n"
                         "script, or the thank-you note for afterwards. Warns kindly about asking\n"
                         "for a job, an internship or a resume review, or not saying how long.",
                         1, 1);
    if (rc >= 0)
        return rc;
    AdminVisit *v = admin_visit(a, &args, args.pos[0]);
    if (!v)
        return EXIT_FAILED;
    const Message *m = &v->v.request;
    unsigned warn = message_check(m, &v->visitor, &v->mentor);
    if (a->json) {
        Json j;
        json_init(&j, stdout);
        json_begin_object(&j);
        message_json(&j, m, warn);
        json_end_object(&j);
        json_finish(&j);
    } else {
        if (*m->subject)
            printf("Subject: %s\n\n", m->subject);
        printf("%s\n\n", m->body);
        if (m->limit)
            printf("(%zu of %zu %s)\n", m->limit_in_chars ? m->chars : m->words, m->limit,
                   m->limit_in_chars ? "characters" : "words");
        for (unsigned bit = 1; bit <= WARN_LAST; bit <<= 1)
            if (warn & bit)
                printf("Note: %s\n", message_warning_text((MessageWarning)bit));
    }
    admin_visit_free(v);
    return EXIT_DONE;
}

/* ---- sheet ---- */

static const OptSpec sheet_opts[] = {
    VISIT_OPTS,
    {"width", "N", "wrap text at N columns (default 78)", NULL},
    {"compact", NULL, "print the compact form carried by the prep-sheet QR code", NULL},
    {"render", "FILE.png", "write the printed sheet as PNG (page 2 as FILE-2.png, ...)", NULL},
    {"paper", "PAPER", "the paper for --render: %s (default: the configured paper)", choice_paper},
};

static const char *line_kind(SheetLineKind k)
{
    static const char *const names[] = {"text", "keyval", "check", "bullet", "question", "dated"};
    return names[k];
}

static void sheet_json(Json *j, const Sheet *s)
{
    json_kv_string(j, "title", s->title);
    json_kv_string(j, "subtitle", s->subtitle);
    json_kv_int(j, "minutes_asked", s->minutes_asked);
    json_kv_int(j, "minutes_planned", s->minutes_planned);
    json_key(j, "sections");
    json_begin_array(j);
    for (size_t i = 0; i < s->nsections; i++) {
        const SheetSection *sec = &s->section[i];
        json_begin_object(j);
        json_kv_string(j, "title", sec->title);
        json_key(j, "lines");
        json_begin_array(j);
        for (size_t k = 0; k < sec->count; k++) {
            const SheetLine *l = &s->line[sec->first + k];
            json_begin_object(j);
            json_kv_string(j, "kind", line_kind(l->kind));
            if (*l->aux)
                json_kv_string(j,
                               l->kind == LINE_DATED      ? "when"
                               : l->kind == LINE_QUESTION ? "category"
                                                          : "key",
                               l->aux);
            json_kv_string(j, "text", l->text);
            if (l->kind == LINE_QUESTION)
                json_kv_int(j, "minutes", l->minutes);
            json_end_object(j);
        }
        json_end_array(j);
        json_end_object(j);
    }
    json_end_array(j);
}

int cmd_sheet(Admin *a, int argc, char **argv)
{
    Args args;
    char err[200];
    int width;
    int rc = admin_parse(a, &args, sheet_opts, NVISIT_OPTS + 4, argc, argv, "sheet ID [options]",
                         "Composes the prep sheet for a conversation with mentor ID: the contact,\n"
                         "the message, homework, the questions with their minutes, reminders for\n"
                         "the meeting and a dated follow-up plan.",
                         1, 1);
    if (rc >= 0)
        return rc;
    if (!args_int(&args, "width", 40, 200, 78, &width, err, sizeof err))
        return admin_fail(a, "%s", err);
    AdminVisit *v = admin_visit(a, &args, args.pos[0]);
    if (!v)
        return EXIT_FAILED;
    if (args_has(&args, "render")) {
        rc = admin_visit_render(a, v, args_get(&args, "render"), args_get(&args, "paper"));
        admin_visit_free(v);
        return rc;
    }
    size_t cap = 64 * 1024;
    char *text = malloc(cap);
    if (!text) {
        admin_visit_free(v);
        return admin_fail(a, "out of memory");
    }
    if (args_has(&args, "compact"))
        text_copy(text, cap, v->v.takeaway.payload[TAKE_SHEET]);
    else
        sheet_render_text(&v->v.sheet, width, text, cap);
    if (a->json) {
        Json j;
        json_init(&j, stdout);
        json_begin_object(&j);
        sheet_json(&j, &v->v.sheet);
        json_kv_string(&j, "text", text);
        json_end_object(&j);
        json_finish(&j);
    } else
        fputs(text, stdout);
    free(text);
    admin_visit_free(v);
    return EXIT_DONE;
}

/* ---- qr ---- */

static const OptSpec qr_opts[] = {
    VISIT_OPTS,
    {"svg", "FILE", "write the code as an SVG image instead of printing it", NULL},
    {"scale", "N", "SVG pixels per module (default 8)", NULL},
    {"invert", NULL, "draw for a light terminal background", NULL},
    {"payload", NULL, "print the text the code carries instead of the code", NULL},
};

int cmd_qr(Admin *a, int argc, char **argv)
{
    Args args;
    char err[200], usage[200] = "qr ", codes[120];
    /* the codes, from the table takeaway_parse reads */
    for (int i = 0; choice_code(i); i++)
        snprintf(usage + strlen(usage), sizeof usage - strlen(usage), "%s%s", i ? "|" : "",
                 choice_code(i));
    snprintf(usage + strlen(usage), sizeof usage - strlen(usage), " ID [options]");
    int scale, rc = admin_parse(
                   a, &args, qr_opts, NVISIT_OPTS + 4, argc, argv, usage,
                   "Prints one take-away QR code in the terminal (Unicode blocks), or writes\n"
                   "it as SVG: the compact prep sheet, the request on the mentor's own channel\n"
                   "(an email, a LinkedIn note, a phone number...), the mentor's contact card,\n"
                   "the dated reminders, or the thank-you note for after the meeting.",
                   2, 2);
    if (rc >= 0)
        return rc;
    int found = args_choice_find(choice_code, args.pos[0]);
    if (found < 0) {
        args_choices_text(choice_code, codes, sizeof codes);
        return admin_fail(a,
                          "the code should be %s, not \"%.40s\" (the request on any channel "
                          "is the message code)",
                          codes, args.pos[0]);
    }
    TakeKind kind = (TakeKind)found;
    if (!args_int(&args, "scale", 1, 64, 8, &scale, err, sizeof err))
        return admin_fail(a, "%s", err);
    AdminVisit *v = admin_visit(a, &args, args.pos[1]);
    if (!v)
        return EXIT_FAILED;
    const Takeaway *t = &v->v.takeaway;
    rc = EXIT_DONE;
    if (!t->ok[kind])
        rc = admin_fail(a, "the %s code cannot be made: %s", takeaway_label(kind), t->error[kind]);
    else if (a->json) {
        Json j;
        json_init(&j, stdout);
        json_begin_object(&j);
        json_kv_string(&j, "kind", takeaway_name(kind));
        json_kv_int(&j, "version", t->code[kind].version);
        json_kv_int(&j, "modules", t->code[kind].width);
        json_kv_int(&j, "bytes", (long)t->len[kind]);
        json_kv_string(&j, "payload", t->payload[kind]);
        json_end_object(&j);
        json_finish(&j);
    } else if (args_has(&args, "payload"))
        printf("%s\n", t->payload[kind]);
    else if (args_has(&args, "svg")) {
        char *svg = qr_svg(&t->code[kind], scale);
        FILE *f = svg ? fopen(args_get(&args, "svg"), "w") : NULL;
        if (!f || fputs(svg, f) < 0 || fclose(f) != 0)
            rc = admin_fail(a, "cannot write %s", args_get(&args, "svg"));
        else
            printf("Wrote %s (QR version %d, %zu bytes)\n", args_get(&args, "svg"),
                   t->code[kind].version, t->len[kind]);
        free(svg);
    } else {
        char *txt = qr_text(&t->code[kind], args_has(&args, "invert"));
        if (txt)
            fputs(txt, stdout);
        printf("%s — QR version %d, %zu bytes\n", takeaway_label(kind), t->code[kind].version,
               t->len[kind]);
        free(txt);
    }
    admin_visit_free(v);
    return rc;
}
