/* print: see print.h. */
#include "print/print.h"

#include "core/escpos.h"
#include "memory.h"
#include "platform.h"
#include "print/paper.h"

#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void printout_free(Printout *p)
{
    for (int i = 0; i < p->n; i++)
        page_free(&p->page[i]);
    p->n = 0;
}

void print_status(const PrintSetup *s, PrinterStatus *st)
{
    int ms = s->timeout_s * 1000 < 10000 ? s->timeout_s * 1000 : 10000;
    memset(st, 0, sizeof *st);
    if (s->kind == PRINT_CUPS)
        cups_status(s->target, ms, st);
    else if (s->kind == PRINT_ESCPOS)
        escpos_status(s->target, ms < 1500 ? ms : 1500, st);
    else {
        st->state = PRINTER_NOT_FOUND;
        snprintf(st->detail, sizeof st->detail, "no printer is set up");
    }
}

/* The printout as the printer's bytes; NULL with the reason. */
static unsigned char *encode(const PrintSetup *s, const Printout *out, size_t *len, char *err,
                             size_t cap)
{
    PaperSpec spec = paper_spec(out->paper);
    if (s->kind == PRINT_CUPS)
        return pdf_write(out->page, out->n, spec.dpi, len, err, cap);
    const PageImage *pg = &out->page[0];
    Bitmap b = {pg->w, pg->h, escpos_threshold(pg->gray, pg->w, pg->h, 150)};
    unsigned char *bytes = b.bits ? escpos_encode(&b, len) : NULL;
    if (b.bits) {
        memset(b.bits, 0, (size_t)(b.w + 7) / 8 * (size_t)b.h);
        free(b.bits);
    }
    if (!bytes)
        snprintf(err, cap, "out of memory encoding the receipt");
    return bytes;
}

static void set_phase(PrintJob *j, PrintResult *r, PrintPhase p);

/* print_run with an optional job to report progress to. */
static void run(const PrintSetup *s, Printout *out, PrintResult *r, PrintJob *j)
{
    PrinterStatus st;
    memset(r, 0, sizeof *r);
    set_phase(j, r, PHASE_CHECKING);
    print_status(s, &st);
    r->state = st.state;
    snprintf(r->state_detail, sizeof r->state_detail, "%s", st.detail);
    snprintf(r->detail, sizeof r->detail, "%s", st.detail);
    if (s->kind == PRINT_NONE || !printer_usable(st.state) || out->n == 0) {
        if (out->n == 0 && printer_usable(st.state))
            snprintf(r->detail, sizeof r->detail, "nothing to print");
        printout_free(out);
        set_phase(j, r, PHASE_FAILED);
        return;
    }
    size_t len = 0;
    unsigned char *bytes = encode(s, out, &len, r->detail, sizeof r->detail);
    printout_free(out);
    if (!bytes) {
        r->outcome = JOB_FAILED;
        set_phase(j, r, PHASE_FAILED);
        return;
    }
    set_phase(j, r, PHASE_SENDING);
    char detail[256];
    int ms = s->timeout_s * 1000;
    r->outcome = s->kind == PRINT_CUPS
                     ? cups_print(s->target, bytes, len, paper_spec(out->paper).media, ms, detail,
                                  sizeof detail)
                     : escpos_print(s->target, bytes, len, ms, detail, sizeof detail);
    memset(bytes, 0, len); /* the sheet may hold the visitor's words */
    free(bytes);
    r->sent = true;
    if (*detail)
        snprintf(r->detail, sizeof r->detail, "%s", detail);
    set_phase(j, r, r->outcome == JOB_DONE ? PHASE_DONE : PHASE_FAILED);
}

void print_run(const PrintSetup *s, Printout *out, PrintResult *r)
{
    run(s, out, r, NULL);
}

struct PrintJob {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t ended;
    PrintSetup setup;
    Printout out;
    Visit *visit;       /* to draw first, when paper_print started the job */
    PrintResult shared; /* under lock */
    bool finished;      /* under lock */
};

static void set_phase(PrintJob *j, PrintResult *r, PrintPhase p)
{
    r->phase = p;
    if (!j)
        return;
    pthread_mutex_lock(&j->lock);
    j->shared = *r;
    if (p == PHASE_DONE || p == PHASE_FAILED) {
        j->finished = true;
        pthread_cond_broadcast(&j->ended);
    }
    pthread_mutex_unlock(&j->lock);
    platform_wake(); /* the screen follows the job as it moves, not at the next touch */
}

/* Draws the job's visit into its pages; false (the job ended) when it
 * cannot. */
static bool draw(PrintJob *j, PrintResult *r)
{
    char err[256];
    memset(r, 0, sizeof *r);
    set_phase(j, r, PHASE_DRAWING);
    bool ok = paper_render(j->visit, j->setup.paper, &j->out, err, sizeof err);
    visit_wipe(j->visit);
    free(j->visit);
    j->visit = NULL;
    if (ok)
        return true;
    snprintf(r->detail, sizeof r->detail, "cannot draw the sheet: %.200s", err);
    r->outcome = JOB_FAILED;
    set_phase(j, r, PHASE_FAILED);
    return false;
}

static void *worker(void *arg)
{
    PrintJob *j = arg;
    PrintResult r;
    if (!j->visit || draw(j, &r))
        run(&j->setup, &j->out, &r, j);
    memory_scrub_stack(); /* the thread's stack is kept for the next thread */
    return NULL;
}

/* A job on its worker thread, for pages already drawn (out) or a visit
 * to draw first (v, copied). */
static PrintJob *start(const PrintSetup *s, Printout *out, const Visit *v, PrintResult *r)
{
    PrintJob *j = calloc(1, sizeof *j);
    memset(r, 0, sizeof *r);
    r->phase = v ? PHASE_DRAWING : PHASE_CHECKING;
    if (j && v && !(j->visit = visit_copy(v))) {
        free(j);
        j = NULL;
    }
    if (j) {
        j->setup = *s;
        if (out) {
            j->out = *out;
            memset(out, 0, sizeof *out);
        }
        j->shared = *r;
        pthread_mutex_init(&j->lock, NULL);
        /* waits are timed on the monotonic clock: a wall clock set while a
         * job runs neither stretches nor cuts them */
        pthread_condattr_t attr;
        pthread_condattr_init(&attr);
        pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
        pthread_cond_init(&j->ended, &attr);
        pthread_condattr_destroy(&attr);
        if (pthread_create(&j->thread, NULL, worker, j) == 0)
            return j;
        if (out)
            *out = j->out;
        if (j->visit) {
            visit_wipe(j->visit);
            free(j->visit);
        }
        pthread_mutex_destroy(&j->lock);
        pthread_cond_destroy(&j->ended);
        free(j);
    }
    if (out)
        printout_free(out);
    r->phase = PHASE_FAILED;
    r->outcome = JOB_FAILED;
    snprintf(r->detail, sizeof r->detail, "could not start printing (out of resources)");
    return NULL;
}

PrintJob *print_start(const PrintSetup *s, Printout *out, PrintResult *r)
{
    return start(s, out, NULL, r);
}

PrintJob *paper_print(const PrintSetup *s, const Visit *v, PrintResult *r)
{
    return start(s, NULL, v, r);
}

bool print_poll(PrintJob *j, PrintResult *r)
{
    pthread_mutex_lock(&j->lock);
    *r = j->shared;
    bool done = j->finished;
    pthread_mutex_unlock(&j->lock);
    return done;
}

bool print_wait(PrintJob *j, int ms)
{
    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_sec += ms / 1000;
    until.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&j->lock);
    while (!j->finished && pthread_cond_timedwait(&j->ended, &j->lock, &until) == 0)
        ;
    bool done = j->finished;
    pthread_mutex_unlock(&j->lock);
    return done;
}

void print_end(PrintJob *j)
{
    if (!j)
        return;
    pthread_join(j->thread, NULL);
    printout_free(&j->out);
    pthread_mutex_destroy(&j->lock);
    pthread_cond_destroy(&j->ended);
    free(j);
}

PrintFollow print_follow(PrintJob **j, PrintResult *r)
{
    PrintResult now;
    bool ended = print_poll(*j, &now);
    bool changed = memcmp(&now, r, sizeof now) != 0;
    *r = now;
    if (!ended)
        return changed ? PRINT_FOLLOW_CHANGED : PRINT_FOLLOW_SAME;
    print_end(*j);
    *j = NULL;
    malloc_trim(0); /* the pages and the worker's arena, back to the system */
    return PRINT_FOLLOW_ENDED;
}
