/* flow: the visitor's steps; see flow.h. */
#include "kiosk/flow.h"

#include "core/meet.h"
#include "core/text.h"
#include "directory/counts.h"
#include "directory/search.h"
#include "print/paper.h"
#include "visit/spell.h"
#include "visit/visit.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void collect_field(void *ctx, const char *field, int count)
{
    Catalog *c = ctx;
    (void)count;
    if (c->nfields < VIEW_LIST_MAX)
        text_copy(c->field[c->nfields++], sizeof c->field[0], field);
}

static void collect_language(void *ctx, const char *language)
{
    Catalog *c = ctx;
    if (c->nlanguages < VIEW_LIST_MAX)
        text_copy(c->language[c->nlanguages++], sizeof c->language[0], language);
}

void flow_load(App *a)
{
    Catalog *c = &a->cat;
    c->nbank = store_questions_load(a->store, c->bank, QUESTION_MAX);
    c->nfields = c->nlanguages = 0;
    store_fields(a->store, collect_field, c);
    store_languages(a->store, collect_language, c);
}

/* Index of a field name in the catalog, or -1. */
static int catalog_field(const Catalog *c, const char *name)
{
    for (int i = 0; i < c->nfields; i++)
        if (strcmp(c->field[i], name) == 0)
            return i;
    return -1;
}

/* What the Find screen offers beside the hits: the words searched
 * instead of a typo, and when nobody was found, a correction to offer
 * (the visitor had asked for their words as typed) and fields near the
 * words. All of it is the visitor's, wiped with the session. */
static void search_offers(App *a, const StoreFilter *f, const StoreSearchInfo *info)
{
    Session *s = a->s;
    text_copy(s->corrected, sizeof s->corrected, info->corrected ? info->shown : "");
    s->did_you_mean[0] = '\0';
    s->nnear = 0;
    s->capped[0] = '\0';
    if (s->nhits > 0)
        return;
    text_copy(s->capped, sizeof s->capped, info->capped);
    if (s->exact) {
        StoreHit probe[1];
        StoreSearchInfo again = {0};
        if (store_search_info(a->store, s->query, f, a->today, probe, 1, &again) > 0 &&
            again.corrected)
            text_copy(s->did_you_mean, sizeof s->did_you_mean, again.shown);
        explicit_bzero(&again, sizeof again);
        explicit_bzero(probe, sizeof probe);
    }
    for (int i = 0; i < info->nnear && s->nnear < 3; i++) {
        int k = catalog_field(&a->cat, info->near[i]);
        if (k >= 0 && k != s->field)
            s->near_field[s->nnear++] = k;
    }
}

/* Counts a search that found nobody, once the visitor moves on from it:
 * by the career area its words were mapped to, never the words. */
static void count_nobody(App *a)
{
    Session *s = a->s;
    char name[96];
    if (!s || !s->nobody_pending || !a->store) /* no store while staff import one */
        return;
    snprintf(name, sizeof name, "%s%s", STATS_NOBODY, s->nobody_field);
    store_stat_add(a->store, a->today, name, 1);
    s->nobody_pending = false;
}

/* Searches again when the words or filters changed since the last time. */
static void refresh_search(App *a)
{
    Session *s = a->s;
    const Catalog *c = &a->cat;
    char key[sizeof s->searched];
    if (!a->store) /* a staff import has the directory to itself */
        return;
    if (strcmp(s->typed, s->query) != 0) { /* new words: corrected again */
        s->exact = false;
        text_copy(s->typed, sizeof s->typed, s->query);
    }
    snprintf(key, sizeof key, "%s|%d|%d|%d|%d|%d|%d", s->query, s->field, s->via, s->language,
             s->remote_only, s->accepting_only, s->exact);
    if (strcmp(key, s->searched) == 0 && s->nhits >= 0)
        return;
    StoreFilter f = {s->field >= 0 && s->field < c->nfields ? c->field[s->field] : NULL,
                     0,
                     0,
                     s->via,
                     s->language >= 0 && s->language < c->nlanguages ? c->language[s->language]
                                                                     : NULL,
                     s->remote_only,
                     s->accepting_only};
    StoreHit *hits = calloc(SESSION_HITS, sizeof *hits);
    StoreSearchInfo info = {.exact = s->exact};
    bool typed = false;
    for (const char *p = s->query; *p && !typed; p++)
        typed = *p != ' ';
    /* nothing typed yet: people for this visitor, from what they said */
    StoreWho who = {s->visitor.program, s->visitor.interest, (int)s->visitor.status};
    memset(s->reason, 0, sizeof s->reason);
    int n = !hits   ? -1
            : typed ? store_search_info(a->store, s->query, &f, a->today, hits, SESSION_HITS, &info)
                    : store_suggest(a->store, &who, &f, a->today, hits, s->reason, SESSION_HITS);
    s->nhits = n < 0 ? 0 : n;
    for (int i = 0; i < s->nhits; i++)
        s->hits[i] = hits[i].mentor;
    search_offers(a, &f, &info);
    if (typed && s->nhits == 0) { /* counted when the visitor moves on */
        s->nobody_pending = true;
        text_copy(s->nobody_field, sizeof s->nobody_field,
                  info.field[0] ? info.field : STATS_NOT_RECOGNISED);
    } else
        count_nobody(a);
    explicit_bzero(&info, sizeof info);
    if (hits) {
        /* the hits are what this visitor searched for */
        volatile unsigned char *p = (volatile unsigned char *)hits;
        for (size_t i = 0; i < SESSION_HITS * sizeof *hits; i++)
            p[i] = 0;
    }
    free(hits);
    text_copy(s->searched, sizeof s->searched, key);
    ui_scroll_reset(&a->ui, ui_id("results"));
    a->dirty = true;
}

void flow_reload(App *a)
{
    flow_load(a);
    Session *s = a->s;
    if (s) {
        s->searched[0] = '\0'; /* search again */
        s->field = s->field < a->cat.nfields ? s->field : -1;
        s->language = s->language < a->cat.nlanguages ? s->language : -1;
        if (a->step == SCREEN_SEARCH)
            refresh_search(a);
    }
    a->dirty = true;
}

void flow_after_pass(App *a)
{
    if (a->step == SCREEN_SEARCH && !staff_active(a))
        refresh_search(a);
}

/* What the builder gets from this visitor's session. */
static VisitInput visit_input(const App *a, const Session *s, size_t *chosen)
{
    size_t n = 0;
    for (int i = 0; i < a->cat.nbank; i++)
        if (s->chosen[i])
            chosen[n++] = (size_t)i;
    VisitChoices c = {
        s->channel, s->linkedin_short ? MESSAGE_LINKEDIN_SHORT : MESSAGE_LINKEDIN_CHARS, chosen, n};
    return (VisitInput){&s->visitor,  &s->mentor,       c,        a->cat.bank,
                        a->cat.nbank, &a->cfg.office,   a->today, clock_unix(&a->clock),
                        (Date){0},    a->view.code_side, clock_minute(&a->clock)};
}

static void suggest(App *a)
{
    Session *s = a->s;
    size_t idx[QUESTION_MAX], chosen[QUESTION_MAX];
    VisitInput in = visit_input(a, s, chosen);
    size_t n = visit_suggest(&in, idx, 64);
    memset(s->chosen, 0, sizeof s->chosen);
    for (size_t i = 0; i < n; i++)
        s->chosen[idx[i]] = true;
    a->dirty = true;
}

static void compose(App *a)
{
    size_t chosen[QUESTION_MAX];
    VisitInput in = visit_input(a, a->s, chosen);
    visit_compose(&a->s->visit, &in);
    a->dirty = true;
}

/* Builds the visitor's take-away; the first time, counts a sheet shown
 * and a referral (no visitor data, only the mentor's id and the day). */
static void build_takeaway(App *a)
{
    Session *s = a->s;
    size_t chosen[QUESTION_MAX];
    VisitInput in = visit_input(a, s, chosen);
    visit_build(&s->visit, &in);
    if (!s->takeaway_ready) {
        store_referral_add(a->store, s->mentor.id, a->today);
        store_stat_add(a->store, a->today, "sheets_shown", 1);
    }
    s->takeaway_ready = true;
    a->dirty = true;
}

/* Leaving About you with misspelt words: offers the corrections first
 * (the About screen shows them) and returns true; the visitor's answer
 * (INTENT_SPELL) goes on to `to`. Words the visitor kept are not offered
 * again. All of it is the visitor's, wiped with the session. */
static bool offer_spelling(App *a, ScreenId to)
{
    Session *s = a->s;
    Visitor *v = &s->visitor;
    char words[sizeof s->spell_words];
    int n = spell_correct(v->program, s->spell_kept, s->spell_program, sizeof s->spell_program,
                          s->spell_words, sizeof s->spell_words);
    n += spell_correct(v->interest, s->spell_kept, s->spell_interest, sizeof s->spell_interest,
                       words, sizeof words);
    if (*words)
        snprintf(s->spell_words + strlen(s->spell_words),
                 sizeof s->spell_words - strlen(s->spell_words), " %s", words);
    explicit_bzero(words, sizeof words);
    if (n == 0)
        return false;
    s->spell_offer = true;
    a->view.spell_then = to;
    a->dirty = true;
    return true;
}

/* The visitor's answer to the spelling offer, then on where they were
 * going. */
static void answer_spelling(App *a, bool use)
{
    Session *s = a->s;
    Visitor *v = &s->visitor;
    if (!s->spell_offer)
        return;
    if (use) {
        text_copy(v->program, sizeof v->program, s->spell_program);
        text_copy(v->interest, sizeof v->interest, s->spell_interest);
    } else { /* as they typed them, from now on */
        size_t k = strlen(s->spell_kept);
        snprintf(s->spell_kept + k, sizeof s->spell_kept - k, " %s", s->spell_words);
    }
    s->spell_offer = false;
    explicit_bzero(s->spell_program, sizeof s->spell_program);
    explicit_bzero(s->spell_interest, sizeof s->spell_interest);
    explicit_bzero(s->spell_words, sizeof s->spell_words);
    flow_go(a, a->view.spell_then);
}

void flow_go(App *a, ScreenId to)
{
    if (a->step == SCREEN_ABOUT && to > SCREEN_ABOUT && offer_spelling(a, to))
        return;
    if (a->step == SCREEN_SEARCH && to != SCREEN_SEARCH)
        count_nobody(a);
    a->step = to;
    if (to > a->view.reached)
        a->view.reached = to; /* the progress steps lead back to any step up to it */
    a->view.type_in = FIELD_NONE;
    a->step_since = platform_now(a->platform);
    a->view.confirm_restart = false;
    a->view.confirm_finish = false;
    a->ui.focus = 0;
    a->ui.focus_buf = NULL;
    for (int i = 0; i < UI_SCROLLS; i++)
        a->ui.scroll[i] = (UiScroll){0};
    platform_text_input(a->platform, false);
    a->text_input = false;
    if (to == SCREEN_SEARCH)
        refresh_search(a);
    if (to == SCREEN_MESSAGE)
        compose(a);
    if (to == SCREEN_QUESTIONS && !a->s->questions_edited)
        suggest(a); /* follows the minutes asked for */
    if (to == SCREEN_TAKEAWAY)
        build_takeaway(a);
    a->dirty = true;
}

static bool print_begin(App *a);

/* What the visitor's screens grew, once Welcome is on screen (outside
 * the wipe's time): SQLite's cache of the pages their searches read, and
 * the heap freed by the wipe (their text, and their fonts, closed after
 * the first frame), back to the system. With
 * the memory locked (memory_harden) only the heap's free top can go; the
 * caches' budgets are what keep the rest from growing. */
static bool give_back(App *a)
{
    store_release_memory(a->store);
    malloc_trim(0);
    return true;
}

/* Every copy of the visitor's words, wherever it went: the session (what
 * they typed, searched, chose and took away), the toolkit's record of
 * the last pass and its typed text, the text cache's entries drawn since
 * they began, and what deeper calls left on the stack. Freed heap is
 * zeroed as it is freed (platform/zerofree.c). */
static void forget_visitor(App *a)
{
    double t0 = clock_ms();
    count_nobody(a);
    session_wipe(a->s);
    store_search_forget(a->store);
    ui_forget(&a->ui);
    platform_text_forget(a->platform, a->text_mark);
    a->text_mark = platform_text_mark(a->platform);
    memory_scrub_stack();
    a->wipe_ms = clock_ms() - t0;
    app_after_frame(a, give_back);
}

void flow_finish(App *a)
{
    forget_visitor(a);
    view_reset(&a->view);
    a->session_no++;
    app_cancel(a, print_begin); /* a print asked for but not begun goes with its visitor */
    a->ui.large_text = a->ui.high_contrast = false;
    a->ui.shift = a->ui.accents = false;
    a->idle_warning = false;
    flow_go(a, SCREEN_WELCOME);
    staff_visitor_done(a);
}

static void choose(App *a, int hit)
{
    Session *s = a->s;
    if (hit < 0 || hit >= s->nhits)
        return;
    s->mentor = s->hits[hit];
    s->visitor.found_via = FOUND_DIRECTORY;
    /* the request goes the way this mentor asked to be reached, and the
     * meeting follows it and where they are (a phone-only mentor gets
     * a call, one in another city no coffee) */
    s->channel = message_channel_for(&s->mentor);
    s->visitor.format =
        meet_format_in(meet_formats(&s->mentor, a->cfg.office.location), s->visitor.format);
    suggest(a);
    flow_go(a, SCREEN_DETAIL);
}

/* ---- printing the visitor's sheet ---- */

/* Hands the take-away to a print job, which draws the pages on its own
 * thread (the screen goes on answering) and prints them; waits (stays
 * queued) while an earlier visitor's job is still going. */
static bool print_begin(App *a)
{
    Session *s = a->s;
    if (a->print_job)
        return false;
    PrintResult *r = &a->print_progress;
    double t0 = clock_ms();
    a->print_job = paper_print(&a->cfg.print, &s->visit, r);
    a->print_ui_ms = clock_ms() - t0; /* all Print costs the screen (make bench) */
    a->print_session = a->session_no;
    s->printing = a->print_job ? PRINTING_PREPARING : PRINTING_FAILED;
    s->print_checking = false;
    if (!a->print_job)
        text_copy(s->print_trouble, sizeof s->print_trouble, paper_trouble(r));
    a->dirty = true;
    return true;
}

static void print(App *a)
{
    Session *s = a->s;
    if (a->cfg.print.kind == PRINT_NONE || !s->takeaway_ready ||
        s->printing == PRINTING_PREPARING || s->printing == PRINTING_BUSY)
        return;
    /* a job left by the visitor before goes on; this one starts after it */
    s->printing = PRINTING_PREPARING;
    s->print_trouble[0] = '\0';
    app_after_frame(a, print_begin);
    a->dirty = true;
}

/* At the job's end: counts a printed sheet and logs trouble (the
 * printer's words only: nothing of the visitor's). */
void flow_tick(App *a)
{
    PrintResult *r = &a->print_progress;
    if (!a->print_job)
        return;
    bool ours = a->print_session == a->session_no;
    PrintFollow f = print_follow(&a->print_job, r);
    if (ours && f != PRINT_FOLLOW_SAME) {
        a->s->print_checking = r->phase == PHASE_CHECKING;
        if (r->phase == PHASE_CHECKING || r->phase == PHASE_SENDING)
            a->s->printing = PRINTING_BUSY; /* the pages are drawn */
        text_copy(a->s->print_trouble, sizeof a->s->print_trouble, paper_trouble(r));
        a->dirty = true;
    }
    if (f != PRINT_FOLLOW_ENDED)
        return;
    if (r->phase == PHASE_DONE)
        store_stat_add(a->store, a->today, "sheets_printed", 1);
    else
        fprintf(stderr, "career-kiosk: printing failed: %s\n", r->detail);
    if (ours)
        a->s->printing = r->phase == PHASE_DONE ? PRINTING_DONE : PRINTING_FAILED;
    *r = (PrintResult){0};
}

bool flow_printing(const App *a)
{
    return a->print_job || app_queued(a, print_begin);
}

bool flow_print_wait(App *a, int ms)
{
    for (int round = 0; round < 2; round++) { /* an earlier visitor's job, then this one */
        if (app_queued(a, print_begin) && !a->print_job) {
            app_cancel(a, print_begin);
            print_begin(a);
        }
        if (a->print_job) {
            print_wait(a->print_job, ms);
            flow_tick(a);
        }
    }
    return !flow_printing(a);
}

bool flow_sample_visit(App *a, Visit *v, char *err, size_t cap)
{
    StoreHit *hit = calloc(1, sizeof *hit);
    Visitor anon;
    bool ok = hit && store_search(a->store, "", &(StoreFilter){.via = -1}, a->today, hit, 1) == 1;
    if (ok) {
        visitor_init(&anon);
        VisitInput in = {&anon,
                         &hit->mentor,
                         {CHANNEL_EMAIL, MESSAGE_LINKEDIN_CHARS, NULL, 0},
                         a->cat.bank,
                         a->cat.nbank,
                         &a->cfg.office,
                         a->today,
                         clock_unix(&a->clock),
                         (Date){0},
                         0,
                         clock_minute(&a->clock)};
        visit_build(v, &in);
    } else
        snprintf(err, cap, "the directory has no mentor to put on a test sheet");
    free(hit);
    return ok;
}

/* Finish on Take away sits where Next was on Questions: a tap there
 * within FINISH_GUARD_MS of arriving is the second half of a double tap,
 * and is ignored. A sheet the visitor has not looked at (no other code
 * shown, nothing printed, only a moment on the screen) is not wiped
 * without asking once. */
enum { FINISH_GUARD_MS = 1000, FINISH_LOOKED_MS = 8000 };

static void finish_ask(App *a)
{
    uint64_t on = platform_now(a->platform) - a->step_since;
    if (a->step == SCREEN_TAKEAWAY && on < FINISH_GUARD_MS)
        return;
    bool looked = on >= FINISH_LOOKED_MS || a->view.sheet_looked;
    if (a->step == SCREEN_TAKEAWAY && !looked) {
        a->view.confirm_finish = true;
        a->dirty = true;
        return;
    }
    flow_finish(a);
}

void flow_handle(App *a, const Intent *in)
{
    switch (in->kind) {
    case INTENT_GO:
        flow_go(a, (ScreenId)in->arg);
        break;
    case INTENT_START:
        a->text_mark = platform_text_mark(a->platform);
        store_stat_add(a->store, a->today, "sessions", 1);
        flow_go(a, SCREEN_ABOUT);
        break;
    case INTENT_FINISH:
        flow_finish(a);
        break;
    case INTENT_FINISH_ASK:
        finish_ask(a);
        break;
    case INTENT_MORE_TIME:
        a->idle_warning = false;
        break;
    case INTENT_CHOOSE:
        choose(a, in->arg);
        break;
    case INTENT_COMPOSE:
        compose(a);
        break;
    case INTENT_SPELL:
        answer_spelling(a, in->arg == 1);
        break;
    case INTENT_EDIT_FIELD: /* a hint's fix: straight to the field, keyboard up */
        flow_go(a, SCREEN_ABOUT);
        a->view.type_in = (VisitorField)in->arg;
        break;
    case INTENT_SUGGEST:
        suggest(a);
        a->s->questions_edited = false;
        break;
    case INTENT_PRINT:
        a->view.sheet_looked = true;
        print(a);
        break;
    case INTENT_FIT_WHOLE: /* one code with all the screen's room */
        if (a->s->takeaway_ready && a->view.qr_tab >= 0 && a->view.qr_tab < TAKE_COUNT)
            visit_fit_whole(&a->s->visit, (TakeKind)a->view.qr_tab, in->arg);
        a->dirty = true;
        break;
    case INTENT_FIT_CODES: /* the screen knows its room: codes that read from a step back */
        a->view.code_side = in->arg;
        if (a->s->takeaway_ready)
            visit_fit_codes(&a->s->visit, in->arg);
        a->dirty = true;
        break;
    default:
        staff_handle(a, in);
        break;
    }
    a->dirty = true;
}
