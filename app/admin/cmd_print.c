/* Subcommands about paper: `sheet --render` (in cmd_visit.c, through
 * admin_visit_render) and `print-test`, which prints a sample sheet on the
 * configured printer so staff can see it works. */
#include "admin.h"

#include "args.h"
#include "choices.h"
#include "directory/search.h"
#include "json.h"
#include "print/paper.h"
#include "print/print.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Renders v on paper into out; false after reporting why. */
static bool render(Admin *a, const AdminVisit *v, Paper paper, Printout *out)
{
    char err[256];
    bool ok = paper_render(&v->v, paper, out, err, sizeof err);
    if (!ok)
        admin_fail(a, "cannot render the sheet: %s", err);
    return ok;
}

int admin_visit_render(Admin *a, const AdminVisit *v, const char *path, const char *paper_arg)
{
    Paper paper = a->cfg.print.paper;
    Printout out;
    char err[256];
    int chosen = paper_arg ? args_choice_find(choice_paper, paper_arg) : -1;
    if (chosen >= 0) /* args_parse took only a paper's name */
        paper = (Paper)chosen;
    if (!render(a, v, paper, &out))
        return EXIT_FAILED;
    bool ok = paper_save_png(&out, path, err, sizeof err);
    PaperSpec spec = paper_spec(paper);
    int n = out.n, w = out.page[0].w, h = out.page[0].h;
    printout_free(&out);
    if (!ok)
        return admin_fail(a, "%s", err);
    if (a->json) {
        Json j;
        json_init(&j, stdout);
        json_begin_object(&j);
        json_kv_string(&j, "file", path);
        json_kv_string(&j, "paper", paper_name(paper));
        json_kv_int(&j, "pages", n);
        json_kv_int(&j, "width", w);
        json_kv_int(&j, "height", h);
        json_kv_int(&j, "dpi", spec.dpi);
        json_end_object(&j);
        json_finish(&j);
    } else
        printf("Wrote %s: %d %s of %s, %dx%d dots at %d dpi\n", path, n,
               spec.roll ? "receipt"
               : n == 1  ? "page"
                         : "pages",
               paper_name(paper), w, h, spec.dpi);
    return EXIT_DONE;
}

static const OptSpec print_opts[] = {
    {"mentor", "ID", "the mentor on the sample sheet (default: the first in the directory)", NULL},
    {"printer", "SPEC", "use this printer instead of the configured one (cups:QUEUE, escpos:DEV)",
     NULL},
    {"paper", "PAPER", "%s (default: the configured paper)", choice_paper},
    {"check", NULL, "only report the printer's state; print nothing", NULL},
};

static const char *const state_names[] = {
    "ready",  "unknown",  "stopped",    "not-accepting", "offline",     "no-paper",
    "jammed", "no-toner", "cover-open", "not-found",     "unreachable",
};

static const char *const outcome_names[] = {"done", "canceled", "aborted", "timeout", "failed"};

/* The setup to use: the config's, or --printer/--paper over it. */
static bool chosen_setup(Admin *a, const Args *args, PrintSetup *s)
{
    char err[200];
    const char *printer = args_get(args, "printer"), *paper = args_get(args, "paper");
    if (!printer && !paper) {
        *s = a->cfg.print;
        return true;
    }
    if (!print_setup_parse(printer ? printer : a->cfg.printer,
                           paper     ? paper
                           : printer ? ""
                                     : a->cfg.paper,
                           a->cfg.print_timeout, s, err, sizeof err)) {
        admin_fail(a, "%s", err);
        return false;
    }
    return true;
}

/* The sample mentor: --mentor, or the first the directory lists. */
static bool sample_mentor(Admin *a, const Args *args, char *id, size_t cap)
{
    const char *given = args_get(args, "mentor");
    if (given) {
        snprintf(id, cap, "%s", given);
        return true;
    }
    Store *s = admin_store(a);
    StoreHit *hit = s ? calloc(1, sizeof *hit) : NULL;
    int n = hit ? store_search(s, "", &(StoreFilter){.via = -1}, a->today, hit, 1) : -1;
    if (n == 1)
        snprintf(id, cap, "%s", hit->mentor.id);
    free(hit);
    if (n != 1 && s)
        admin_fail(a, "the directory has no mentors to put on a sample sheet");
    return n == 1;
}

static void report(Admin *a, const PrintSetup *s, const PrintResult *r, bool check_only)
{
    char where[400];
    print_setup_describe(s, where, sizeof where);
    if (a->json) {
        Json j;
        json_init(&j, stdout);
        json_begin_object(&j);
        json_kv_string(&j, "printer", where);
        json_kv_string(&j, "state", state_names[r->state]);
        if (!check_only) {
            json_kv_bool(&j, "sent", r->sent);
            json_kv_string(&j, "outcome", r->sent ? outcome_names[r->outcome] : "not-sent");
            json_kv_bool(&j, "printed", r->phase == PHASE_DONE);
        }
        json_kv_string(&j, "state_detail", r->state_detail);
        json_kv_string(&j, "detail", r->detail);
        json_kv_string(&j, "visitor_sees", paper_trouble(r));
        json_end_object(&j);
        json_finish(&j);
        return;
    }
    printf("Printer: %s\nState:   %s (%s)\n", where, state_names[r->state], r->state_detail);
    if (check_only)
        return;
    if (r->phase == PHASE_DONE)
        printf("Printed the sample sheet (%s).\n", r->detail);
    else
        printf("Not printed: %s\nA visitor would see: \"%s\"\n",
               r->sent ? outcome_names[r->outcome] : "the printer is not ready", paper_trouble(r));
}

int cmd_print_test(Admin *a, int argc, char **argv)
{
    Args args;
    PrintSetup setup;
    char id[64];
    int rc = admin_parse(a, &args, print_opts, 4, argc, argv, "print-test [options]",
                         "Prints a sample prep sheet on the configured printer (see [printing]\n"
                         "in the config) and reports how the job ended. The sheet is made for a\n"
                         "fictional visitor, with the first mentor in the directory.",
                         0, 0);
    if (rc >= 0)
        return rc;
    if (!chosen_setup(a, &args, &setup))
        return EXIT_FAILED;
    if (setup.kind == PRINT_NONE)
        return admin_fail(a, "no printer is set up: set printer = cups:QUEUE or "
                             "escpos:/dev/usb/lp0 under [printing] in the config, or pass "
                             "--printer");
    PrintResult r = {0};
    if (args_has(&args, "check")) {
        PrinterStatus st;
        print_status(&setup, &st);
        r.state = st.state;
        snprintf(r.state_detail, sizeof r.state_detail, "%s", st.detail);
        snprintf(r.detail, sizeof r.detail, "%s", st.detail);
        report(a, &setup, &r, true);
        return printer_usable(st.state) ? EXIT_DONE : EXIT_FAILED;
    }
    if (!sample_mentor(a, &args, id, sizeof id))
        return EXIT_FAILED;
    /* an anonymous visitor, with every choice at its default */
    Args visitor = {0};
    AdminVisit *v = admin_visit(a, &visitor, id);
    if (!v)
        return EXIT_FAILED;
    Printout out;
    bool ok = render(a, v, setup.paper, &out);
    admin_visit_free(v);
    if (!ok)
        return EXIT_FAILED;
    print_run(&setup, &out, &r);
    report(a, &setup, &r, false);
    return r.phase == PHASE_DONE ? EXIT_DONE : EXIT_FAILED;
}
