/* app: the input/draw cycle, timers and the after-frame job queue of the
 * touch program; see app.h. */
#include "kiosk/app.h"

#include "core/text.h"
#include "directory/import.h"
#include "kiosk/flow.h"
#include "kiosk/screens/screens.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool app_open(App *a, Platform *p, const Config *cfg, char *err, size_t cap)
{
    ImportSeed seed = {cfg->sample, cfg->sample_referrals, cfg->questions, cfg->synonyms};
    a->platform = p;
    a->ui.ppi = platform_ppi(p); /* for the touch target's size, when the panel says */
    a->cfg = *cfg;
    a->ui.brand_primary = cfg->primary;
    a->ui.brand_accent = cfg->accent;
    a->ui.brand_bg = cfg->background;
    clock_today(&a->clock, &a->today.y, &a->today.m, &a->today.d);
    a->store = import_seed_open(cfg->database, &seed, a->today, err, cap);
    if (!a->store)
        return false;
    store_set_stale_months(a->store, cfg->stale_months);
    flow_load(a);
    /* the visitor's data in locked pages of its own, left out of dumps */
    a->s = memory_secret_new(sizeof *a->s);
    if (!a->s) {
        snprintf(err, cap, "out of memory");
        return false;
    }
    session_init(a->s);
    view_reset(&a->view);
    a->step = SCREEN_WELCOME;
    a->last_input = platform_now(p);
    a->dirty = true;
    staff_open(a);
    return true;
}

void app_close(App *a)
{
    print_end(a->print_job); /* waits: a job has a time limit */
    staff_close(a);
    if (a->s) {
        session_wipe(a->s);
        memory_secret_free(a->s, sizeof *a->s);
    }
    store_close(a->store);
    memset(a, 0, sizeof *a);
}

uint64_t app_idle_after(const App *a)
{
    return (uint64_t)a->cfg.idle_seconds * 1000;
}

uint64_t app_idle_countdown(const App *a)
{
    return (uint64_t)a->cfg.idle_countdown * 1000;
}

/* ---- the after-frame job queue ---- */

static void enqueue(App *a, AppJob job, long after, bool waiting)
{
    if (app_queued(a, job))
        return;
    /* the queue holds one of each kind of job: more is a programming
     * mistake */
    assert(a->njobs < APP_JOBS);
    if (a->njobs == APP_JOBS) {
        fprintf(stderr, "career-kiosk: the job queue is full; a job was dropped\n");
        return;
    }
    a->job[a->njobs].run = job;
    a->job[a->njobs].after = after;
    a->job[a->njobs].waiting = waiting;
    a->njobs++;
}

void app_after_frame(App *a, AppJob job)
{
    enqueue(a, job, a->frames + 1, false);
    a->dirty = true; /* the frame that says what is going on */
}

void app_cancel(App *a, AppJob job)
{
    int k = 0;
    for (int i = 0; i < a->njobs; i++)
        if (a->job[i].run != job)
            a->job[k++] = a->job[i];
    a->njobs = k;
}

bool app_queued(const App *a, AppJob job)
{
    for (int i = 0; i < a->njobs; i++)
        if (!job || a->job[i].run == job)
            return true;
    return false;
}

/* Runs the queued jobs whose frame has been shown (all of them with
 * now); a job that says "not yet" stays queued, and one queued by a job
 * waits for the next frame. */
static void run_jobs(App *a, bool now)
{
    int n = a->njobs;
    AppQueued was[APP_JOBS];
    memcpy(was, a->job, sizeof was[0] * (size_t)n);
    a->njobs = 0;
    for (int i = 0; i < n; i++) {
        if (!now && a->frames < was[i].after)
            enqueue(a, was[i].run, was[i].after, was[i].waiting);
        else if (!was[i].run(a))
            enqueue(a, was[i].run, a->frames, true); /* tried again at the next tick */
        else
            a->dirty = true;
    }
}

void app_run_jobs(App *a)
{
    run_jobs(a, true);
}

/* ---- passes ---- */

/* Points the screens' view at the state to draw. */
static void view_update(App *a)
{
    View *v = &a->view;
    v->ui = &a->ui;
    v->s = a->s;
    v->step = a->step;
    v->office = &a->cfg.office;
    v->cat = &a->cat;
    staff_refresh(a);
    v->staff = &a->staff.show;
    v->printer = a->cfg.print.kind != PRINT_NONE;
    v->pickup = a->cfg.pickup;
    v->idle_warning = a->idle_warning;
    uint64_t idle = platform_now(a->platform) - a->last_input;
    uint64_t left = app_idle_after(a) + app_idle_countdown(a) - idle;
    v->idle_left_s = (int)((left + 999) / 1000);
}

/* Hands what the screens asked for to flow (or staff mode), in order. */
static void act(App *a)
{
    View *v = &a->view;
    Intent in[VIEW_INTENTS];
    int n = v->nintents;
    memcpy(in, v->intent, sizeof in[0] * (size_t)n);
    v->nintents = 0;
    for (int i = 0; i < n && !a->quit; i++)
        flow_handle(a, &in[i]);
    flow_after_pass(a);
}

/* One pass of the current screen: draws when d is set. */
static void pass(App *a, Draw *d)
{
    int w, h;
    platform_size(a->platform, &w, &h);
    view_update(a);
    ui_begin(&a->ui, d, platform_measure(a->platform), w, h, platform_now(a->platform));
    screens_run(&a->view);
    ui_after_pass(&a->ui);
    act(a);
}

void app_input(App *a, const Input *in)
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
    case INPUT_WAKE: /* work off the main thread moved on: app_tick follows */
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

void app_tick(App *a)
{
    uint64_t now = platform_now(a->platform), idle = now - a->last_input;
    run_jobs(a, false);
    flow_tick(a);
    staff_tick(a);
    if (staff_active(a))
        return; /* the visitor's timers wait while staff work */
    if (a->step == SCREEN_WELCOME) {
        a->idle_warning = false;
        /* Larger text or High contrast turned on by someone who then
         * walked away is not the next visitor's setting */
        if ((a->ui.large_text || a->ui.high_contrast) && idle >= app_idle_after(a)) {
            a->ui.large_text = a->ui.high_contrast = false;
            a->dirty = true;
        }
        /* the next question is fading in: a frame a step of the fade (as
         * the Welcome screen counts), and one after it */
        int step = welcome_fade_step(welcome_phase(now));
        if (step <= WELCOME_FADE_STEPS && step != a->tip_step)
            a->dirty = true;
        a->tip_step = step;
        if (a->ui.animating)
            a->dirty = true;
        return;
    }
    if (idle >= app_idle_after(a) + app_idle_countdown(a)) {
        flow_finish(a);
        a->last_input = now;
        return;
    }
    if (idle >= app_idle_after(a)) {
        a->idle_warning = true;
        a->dirty = true; /* the countdown moves every second */
    }
    if (a->ui.animating)
        a->dirty = true;
}

/* The visitor's side of app_wait_ms. */
static int visitor_wait_ms(const App *a)
{
    uint64_t now = platform_now(a->platform), idle = now - a->last_input;
    if (a->ui.animating)
        return 16;
    if (staff_active(a))
        return -1;
    if (a->step == SCREEN_WELCOME) { /* the next step of the fade, or the next question */
        int phase = welcome_phase(now);
        int step_ms = WELCOME_FADE_MS / WELCOME_FADE_STEPS;
        if (phase <= WELCOME_FADE_MS)
            return step_ms - phase % step_ms + 1;
        return WELCOME_TIP_MS - phase;
    }
    if (a->idle_warning)
        return (int)(1000 - idle % 1000);
    uint64_t due = app_idle_after(a);
    return idle >= due ? 0 : (int)(due - idle);
}

int app_wait_ms(const App *a)
{
    if (a->dirty && !a->ui.animating)
        return 0; /* a frame asked for the next one */
    for (int i = 0; i < a->njobs; i++) {
        if (a->frames < a->job[i].after)
            return a->dirty ? 16 : 0; /* show the frame, then run the job */
        if (!a->job[i].waiting)
            return 0; /* its frame is shown: it runs now, not at the next touch */
    }
    int v = visitor_wait_ms(a), s = staff_wait_ms(a);
    return v < 0 ? s : s < 0 ? v : v < s ? v : s;
}

void app_render(App *a, bool force)
{
    if (!a->dirty && !force)
        return;
    Draw *d = platform_frame_begin(a->platform);
    draw_clear(d, a->ui.high_contrast ? ui_rgb(0) : ui_rgb(a->cfg.background));
    a->dirty = false; /* what the pass asks for (a code fitted to this screen) is drawn next */
    pass(a, d);
    platform_frame_end(a->platform);
    if (a->frames++ == 0)
        a->first_frame_ms = clock_ms();
    a->dirty = a->dirty || a->ui.animating;
}

bool app_tap_label(App *a, const char *label)
{
    app_render(a, true); /* the widgets as the visitor sees them now */
    size_t n = strlen(label);
    bool prefix = n > 0 && label[n - 1] == '*'; /* "Choose *": any label that starts so */
    for (int i = 0; i < a->ui.nitems; i++)
        if (prefix ? strncasecmp(a->ui.item[i].label, label, n - 1) == 0
                   : strcasecmp(a->ui.item[i].label, label) == 0) {
            uint32_t id;
            int dy = ui_scroll_needed(&a->ui, i, &id);
            if (dy != 0) { /* out of sight: scrolled to first, as a visitor would */
                ui_scroll_by(&a->ui, id, dy);
                app_render(a, true);
                if (i >= a->ui.nitems)
                    return false;
            }
            Rect r = a->ui.item[i].vis; /* where a finger can reach it */
            if (r.w <= 0 || r.h <= 0)
                continue;
            Input in = {INPUT_DOWN, r.x + r.w / 2, r.y + r.h / 2, 0, ""};
            app_input(a, &in);
            in.kind = INPUT_UP;
            app_input(a, &in);
            return true;
        }
    return false;
}
