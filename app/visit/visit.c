/* visit: the one builder of a visitor's take-away; see visit.h. */
#include "visit/visit.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

size_t visit_suggest(const VisitInput *in, size_t *out, size_t cap)
{
    int minutes = in->visitor->minutes ? in->visitor->minutes : 20;
    return question_suggest(in->bank, (size_t)in->nbank, in->visitor->status, in->mentor->grad_year,
                            in->today.y, minutes, out, cap);
}

void visit_compose(Visit *v, const VisitInput *in)
{
    message_compose(in->choices.channel, in->visitor, in->mentor, in->office,
                    in->choices.linkedin_limit, &v->request);
}

/* The chosen questions, or the suggested set when none were chosen. */
static void choose(Visit *v, const VisitInput *in)
{
    const VisitChoices *c = &in->choices;
    if (!c->chosen) {
        v->nchosen = visit_suggest(in, v->chosen, QUESTION_MAX);
        return;
    }
    v->nchosen = 0;
    for (size_t i = 0; i < c->nchosen && v->nchosen < QUESTION_MAX; i++)
        if (c->chosen[i] < (size_t)in->nbank)
            v->chosen[v->nchosen++] = c->chosen[i];
}

void visit_build(Visit *v, const VisitInput *in)
{
    takeaway_free(&v->takeaway);
    v->office = in->office;
    v->today = in->today;
    visit_compose(v, in);
    message_compose(CHANNEL_THANKS, in->visitor, in->mentor, in->office, 0, &v->thanks);
    choose(v, in);
    SheetInput si = {in->visitor, in->mentor, &v->request, in->bank,   v->chosen,
                     v->nchosen,  in->today,  in->office,  &v->thanks, in->met, in->minute};
    sheet_build(&v->sheet, &si);
    TakeawayInput ti = {&v->sheet, &v->request, in->mentor, in->office, in->today,
                        in->now,   &v->thanks,  in->met,    in->minute};
    takeaway_build(&v->takeaway, &ti);
    if (in->code_side > 0)
        takeaway_fit(&v->takeaway, &v->sheet, in->code_side);
}

bool visit_fit_codes(Visit *v, int side)
{
    if (v->takeaway.fit_side == side)
        return v->takeaway.fit_ok;
    return takeaway_fit(&v->takeaway, &v->sheet, side);
}

bool visit_fit_whole(Visit *v, TakeKind k, int side)
{
    Takeaway *t = &v->takeaway;
    if (t->whole_side == side && t->whole.kind == k)
        return t->whole.code.module != NULL;
    return takeaway_fit_whole(t, k, side);
}

void visit_wipe(Visit *v)
{
    takeaway_free(&v->takeaway);
    /* volatile stores: the optimiser may not drop a wipe of memory that
     * is about to be reused */
    volatile unsigned char *p = (volatile unsigned char *)v;
    for (size_t i = 0; i < sizeof *v; i++)
        p[i] = 0;
}

Visit *visit_copy(const Visit *src)
{
    Visit *v = malloc(sizeof *v);
    if (!v)
        return NULL;
    memcpy(v, src, offsetof(Visit, sheet));
    sheet_copy(&v->sheet, &src->sheet);
    v->office = src->office;
    v->today = src->today;
    if (!takeaway_copy(&v->takeaway, &src->takeaway)) {
        visit_wipe(v);
        free(v);
        return NULL;
    }
    return v;
}
