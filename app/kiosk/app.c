/* kiosk: navigation, timers and the input/draw cycle of the touch app. */
#include "kiosk/app.h"

#include "core/text.h"
#include "directory/import.h"
#include "print/paper.h"
#include "kiosk/screens/screens.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static void collect_field(void *ctx, const char *field, int count)
{
    App *a = ctx;
    (void)count;
    if (a->nfields < KIOSK_FIELDS)
        text_copy(a->field[a->nfields++], sizeof a->field[0], field);
}

static void collect_language(void *ctx, const char *language)
{
    App *a = ctx;
    if (a->nlanguages < KIOSK_FIELDS)
        text_copy(a->language[a->nlanguages++], sizeof a->language[0], language);
}

static Date local_today(void)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    return (Date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

/* What the screens keep from the directory. */
static void load_directory(App *a)
{
    a->nbank = store_questions_load(a->store, a->bank, QUESTION_MAX);
    a->nfields = a->nlanguages = 0;
    store_fields(a->store, collect_field, a);
    store_languages(a->store, collect_language, a);
}

void kiosk_reload(App *a)
{
    load_directory(a);
    if (a->s) {
        a->s->searched[0] = '\0'; /* the next look at Find searches again */
        a->s->field = a->s->field < a->nfields ? a->s->field : -1;
        a->s->language = a->s->language < a->nlanguages ? a->s->language : -1;
    }
    a->dirty = true;
}

bool kiosk_open(App *a, Platform *p, const Config *cfg, char *err, size_t cap)
{
    ImportSeed seed = {cfg->sample, cfg->sample_referrals, cfg->questions};
    a->platform = p;
    a->cfg = *cfg;
    a->ui.brand_primary = cfg->primary;
    a->ui.brand_accent = cfg->accent;
    a->ui.brand_bg = cfg->background;
    if (!a->fixed_date)
        a->today = local_today();
    a->store = import_seed_open(cfg->database, &seed, a->today, err, cap);
    if (!a->store)
        return false;
    load_directory(a);
    a->s = calloc(1, sizeof *a->s);
    if (!a->s) {
        snprintf(err, cap, "out of memory");
        return false;
    }
    session_init(a->s);
    a->last_input = platform_now(p);
    a->dirty = true;
    staff_open(a);
    return true;
}

void kiosk_close(App *a)
{
    print_end(a->print_job); /* waits: a job has a time limit */
    staff_close(a);
    if (a->s) {
        session_wipe(a->s);
        free(a->s);
    }
    store_close(a->store);
    memset(a, 0, sizeof *a);
}

uint64_t kiosk_idle_after(const App *a)
{
    return (uint64_t)a->cfg.idle_seconds * 1000;
}

uint64_t kiosk_idle_countdown(const App *a)
{
    return (uint64_t)a->cfg.idle_countdown * 1000;
}

void kiosk_go(App *a, ScreenId to)
{
    a->s->screen = to;
    a->s->confirm_restart = false;
    a->ui.focus = 0;
    a->ui.focus_buf = NULL;
    for (int i = 0; i < UI_SCROLLS; i++)
        a->ui.scroll[i] = (UiScroll){0};
    platform_text_input(a->platform, false);
    a->text_input = false;
    if (to == SCREEN_SEARCH)
        kiosk_refresh_search(a);
    if (to == SCREEN_MESSAGE)
        kiosk_compose(a);
    if (to == SCREEN_QUESTIONS && !a->s->questions_edited)
        kiosk_suggest_questions(a); /* follows the minutes asked for */
    a->dirty = true;
}

void kiosk_start(App *a)
{
    store_stat_add(a->store, a->today, "sessions", 1);
    kiosk_go(a, SCREEN_ABOUT);
}

/* Clears the visitor's session and the visitor's display settings. */
void kiosk_finish(App *a)
{
    session_wipe(a->s);
    a->session_no++;
    a->print_after_frame = 0; /* a print asked for but not begun goes with its visitor */
    a->ui.large_text = a->ui.high_contrast = false;
    a->ui.shift = a->ui.accents = false;
    a->idle_warning = false;
    kiosk_go(a, SCREEN_WELCOME);
    staff_visitor_done(a);
}

void kiosk_refresh_search(App *a)
{
    Session *s = a->s;
    char key[sizeof s->searched];
    snprintf(key, sizeof key, "%s|%d|%d|%d|%d|%d", s->query, s->field, s->via, s->language,
             s->remote_only, s->accepting_only);
    if (strcmp(key, s->searched) == 0 && s->nhits >= 0)
        return;
    StoreFilter f = {s->field >= 0 && s->field < a->nfields ? a->field[s->field] : NULL,
                     0,
                     0,
                     s->via,
                     s->language >= 0 && s->language < a->nlanguages ? a->language[s->language]
                                                                     : NULL,
                     s->remote_only,
                     s->accepting_only};
    s->nhits = store_search(a->store, s->query, &f, a->today, s->hits, SESSION_HITS);
    if (s->nhits < 0)
        s->nhits = 0;
    text_copy(s->searched, sizeof s->searched, key);
    ui_scroll_reset(&a->ui, ui_id("results"));
    a->dirty = true;
}

static void suggest(App *a, Session *s)
{
    size_t idx[64];
    size_t n = question_suggest(a->bank, (size_t)a->nbank, s->visitor.status, s->mentor.grad_year,
                                a->today.y, s->visitor.minutes ? s->visitor.minutes : 20, idx, 64);
    memset(s->chosen, 0, sizeof s->chosen);
    for (size_t i = 0; i < n; i++)
        s->chosen[idx[i]] = true;
}

void kiosk_suggest_questions(App *a)
{
    suggest(a, a->s);
    a->dirty = true;
}

void kiosk_choose_mentor(App *a, const Mentor *m)
{
    a->s->mentor = *m;
    a->s->visitor.found_via = FOUND_DIRECTORY;
    kiosk_suggest_questions(a);
    kiosk_go(a, SCREEN_DETAIL);
}

static void compose(App *a, Session *s)
{
    MessageContext ctx = {a->cfg.school, a->cfg.office};
    message_compose(s->channel, &s->visitor, &s->mentor, &ctx,
                    s->linkedin_short ? MESSAGE_LINKEDIN_SHORT : MESSAGE_LINKEDIN_CHARS,
                    &s->request);
    message_compose(CHANNEL_EMAIL, &s->visitor, &s->mentor, &ctx, 0, &s->email);
}

void kiosk_compose(App *a)
{
    compose(a, a->s);
    a->dirty = true;
}

/* Builds s's sheet and codes from its choices. */
static void build_sheet(App *a, Session *s)
{
    size_t idx[QUESTION_MAX], n = 0;
    char stamp[20];
    takeaway_stamp(a->fixed_date ? &a->today : NULL, stamp, sizeof stamp);
    for (int i = 0; i < a->nbank; i++)
        if (s->chosen[i])
            idx[n++] = (size_t)i;
    compose(a, s);
    SheetInput in = {&s->visitor, &s->mentor, &s->request,   a->bank,       idx,
                     n,           a->today,   a->cfg.school, a->cfg.office, a->cfg.office_contact};
    sheet_build(&s->sheet, &in);
    takeaway_free(&s->takeaway);
    TakeawayInput ti = {&s->sheet,     &s->email,     &s->mentor,
                        a->cfg.office, a->cfg.school, a->cfg.office_contact,
                        a->today,      stamp};
    takeaway_build(&s->takeaway, &ti);
}

void kiosk_prepare_sheet(App *a, Session *s)
{
    suggest(a, s);
    build_sheet(a, s);
}

/* Builds the visitor's sheet and codes; counts a sheet and a referral. */
static void build_takeaway(App *a)
{
    Session *s = a->s;
    build_sheet(a, s);
    a->dirty = true;
    if (!s->takeaway_ready) {
        store_referral_add(a->store, s->mentor.id, a->today);
        store_stat_add(a->store, a->today, "sheets_shown", 1);
    }
    s->takeaway_ready = true;
}

/* One pass of the current screen: draws when d is set. */
static void pass(App *a, Draw *d)
{
    int w, h;
    platform_size(a->platform, &w, &h);
    ui_begin(&a->ui, d, platform_frame_begin(a->platform), w, h, platform_now(a->platform));
    ScreenId before = a->s->screen;
    screens_run(a);
    if (a->s->screen == SCREEN_TAKEAWAY && (before != SCREEN_TAKEAWAY || !a->s->takeaway_ready))
        build_takeaway(a);
    if (a->s->screen != before)
        a->dirty = true;
    ui_after_pass(&a->ui);
}

void kiosk_input(App *a, const Input *in)
{
    Ui *ui = &a->ui;
    uint64_t now = platform_now(a->platform);
    switch (in->kind) {
    case INPUT_DOWN:
        ui_pointer_down(ui, in->x, in->y);
        break;
    case INPUT_MOVE:
        ui_pointer_move(ui, in->x, in->y, now);
        break;
    case INPUT_UP:
        ui_pointer_up(ui, in->x, in->y);
        break;
    case INPUT_WHEEL:
        ui_pointer_wheel(ui, in->x, in->y, in->key);
        break;
    case INPUT_TEXT:
        text_copy(ui->typed, sizeof ui->typed, in->text);
        break;
    case INPUT_KEY:
        ui->key = in->key == KEY_BACKSPACE ? '\b' : in->key == KEY_ENTER ? 13 : 0;
        break;
    case INPUT_QUIT:
        a->quit = true;
        return;
    case INPUT_RESIZE:
        a->dirty = true;
        return;
    default:
        return;
    }
    a->last_input = now;
    bool warned = a->idle_warning;
    pass(a, NULL); /* the overlay, if up, takes the whole tap */
    if (warned && a->idle_warning && in->kind == INPUT_UP)
        a->idle_warning = false;          /* a tap anywhere means "I need more time" */
    if (ui_typing(ui) != a->text_input) { /* physical keyboards type into the field */
        a->text_input = ui_typing(ui);
        platform_text_input(a->platform, a->text_input);
    }
    a->dirty = true;
}

void kiosk_print(App *a)
{
    Session *s = a->s;
    if (a->cfg.print.kind == PRINT_NONE || !s->takeaway_ready ||
        s->printing == PRINTING_PREPARING || s->printing == PRINTING_BUSY)
        return;
    /* a job left by the visitor before goes on; this one starts after it */
    s->printing = PRINTING_PREPARING;
    memset(&s->print, 0, sizeof s->print);
    a->print_after_frame = a->frames + 1;
    a->dirty = true;
}

/* Draws the pages and hands them to a worker thread. */
static void print_begin(App *a)
{
    Session *s = a->s;
    Printout out;
    char err[256];
    PaperInput in = {&s->sheet, &s->takeaway, a->cfg.office, a->cfg.office_contact,
                     a->today,  a->cfg.logo};
    a->print_after_frame = 0;
    if (!paper_render(&in, a->cfg.print.paper, &out, err, sizeof err)) {
        s->printing = PRINTING_FAILED;
        s->print.phase = PHASE_FAILED;
        snprintf(s->print.detail, sizeof s->print.detail, "%s", err);
        fprintf(stderr, "career-kiosk: cannot render the sheet for printing: %s\n", err);
        return;
    }
    a->print_job = print_start(&a->cfg.print, &out, &s->print);
    a->print_session = a->session_no;
    s->printing = a->print_job ? PRINTING_BUSY : PRINTING_FAILED;
}

/* Follows the job; at its end counts a printed sheet and logs trouble
 * (the printer's words only: nothing of the visitor's). */
static void print_follow(App *a)
{
    PrintResult r;
    bool ended = print_poll(a->print_job, &r);
    bool ours = a->print_session == a->session_no;
    if (ours && memcmp(&r, &a->s->print, sizeof r) != 0) {
        a->s->print = r;
        a->dirty = true;
    }
    if (!ended)
        return;
    print_end(a->print_job);
    a->print_job = NULL;
    malloc_trim(0); /* the pages and the worker's arena, back to the system */
    if (r.phase == PHASE_DONE)
        store_stat_add(a->store, a->today, "sheets_printed", 1);
    else
        fprintf(stderr, "career-kiosk: printing failed: %s\n", r.detail);
    if (ours) {
        a->s->printing = r.phase == PHASE_DONE ? PRINTING_DONE : PRINTING_FAILED;
        a->dirty = true;
    }
}

bool kiosk_print_wait(App *a, int ms)
{
    if (a->staff.print_job) { /* a staff test print */
        print_wait(a->staff.print_job, ms);
        staff_tick(a);
    }
    for (int round = 0; round < 2; round++) { /* an earlier visitor's job, then this one */
        if (a->print_after_frame && !a->print_job)
            print_begin(a);
        if (a->print_job) {
            print_wait(a->print_job, ms);
            print_follow(a);
        }
    }
    return a->print_job == NULL && !a->print_after_frame && !a->staff.print_job;
}

void kiosk_tick(App *a)
{
    uint64_t now = platform_now(a->platform), idle = now - a->last_input;
    if (a->print_after_frame && a->frames >= a->print_after_frame && !a->print_job)
        print_begin(a);
    if (a->print_job)
        print_follow(a);
    staff_tick(a);
    if (staff_active(a))
        return; /* the visitor's timers wait while staff work */
    if (a->s->screen == SCREEN_WELCOME) {
        a->idle_warning = false;
        uint64_t t = now + WELCOME_TIP_MS / 2; /* as screen_welcome counts */
        if (t % WELCOME_TIP_MS < WELCOME_FADE_MS + 100 || a->ui.animating)
            a->dirty = true; /* the next question is fading in */
        return;
    }
    if (idle >= kiosk_idle_after(a) + kiosk_idle_countdown(a)) {
        kiosk_finish(a);
        a->last_input = now;
        return;
    }
    if (idle >= kiosk_idle_after(a)) {
        a->idle_warning = true;
        a->dirty = true; /* the countdown moves every second */
    }
    if (a->ui.animating)
        a->dirty = true;
}

/* The visitor's side of kiosk_wait_ms. */
static int visitor_wait_ms(const App *a)
{
    uint64_t now = platform_now(a->platform), idle = now - a->last_input;
    if (a->print_after_frame && !a->print_job)
        return a->dirty ? 16 : 0;
    if (a->ui.animating)
        return 16;
    if (a->print_job)
        return 100; /* follow the job */
    if (staff_active(a))
        return -1;
    if (a->s->screen == SCREEN_WELCOME)
        return (int)(WELCOME_TIP_MS - (now + WELCOME_TIP_MS / 2) % WELCOME_TIP_MS);
    if (a->idle_warning)
        return (int)(1000 - idle % 1000);
    uint64_t due = kiosk_idle_after(a);
    return idle >= due ? 0 : (int)(due - idle);
}

int kiosk_wait_ms(const App *a)
{
    int v = visitor_wait_ms(a), s = staff_wait_ms(a);
    return v < 0 ? s : s < 0 ? v : v < s ? v : s;
}

double kiosk_clock_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

void kiosk_render(App *a, bool force)
{
    if (!a->dirty && !force)
        return;
    Draw *d = platform_frame_begin(a->platform);
    draw_clear(d, a->ui.high_contrast ? ui_rgb(0) : ui_rgb(a->cfg.background));
    pass(a, d);
    platform_frame_end(a->platform);
    if (a->frames++ == 0)
        a->first_frame_ms = kiosk_clock_ms();
    a->dirty = a->ui.animating;
}

bool kiosk_tap_label(App *a, const char *label)
{
    kiosk_render(a, true); /* the widgets as the visitor sees them now */
    for (int i = 0; i < a->ui.nitems; i++)
        if (strcasecmp(a->ui.item[i].label, label) == 0) {
            Rect r = a->ui.item[i].r;
            Input in = {INPUT_DOWN, r.x + r.w / 2, r.y + r.h / 2, 0, ""};
            kiosk_input(a, &in);
            in.kind = INPUT_UP;
            kiosk_input(a, &in);
            return true;
        }
    return false;
}
