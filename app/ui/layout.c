/* layout: the check of what a drawing pass laid out (ui_layout_check):
 * controls that overlap, are too small, lie outside the screen or their
 * scroll area, or reach into an area they do not belong to (a bar, the
 * keyboard); a status the visitor must see that is not on screen whole;
 * lines of text cut short, outside their area, running into
 * each other or half under a control. It reads only the pass's records,
 * so a test can hand it any rectangles. */
#include "ui.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    char *out;
    size_t cap, len;
    int n;
} Problems;

static void say(Problems *p, const char *fmt, const char *a, const char *b, Rect r)
{
    char line[400];
    p->n++;
    int k = snprintf(line, sizeof line, fmt, a, b);
    snprintf(line + (k > 0 && k < (int)sizeof line ? k : 0),
             sizeof line - (size_t)(k > 0 && k < (int)sizeof line ? k : 0), " (at %d,%d %dx%d)\n",
             r.x, r.y, r.w, r.h);
    size_t n = strlen(line);
    if (p->out && p->len + n < p->cap) {
        memcpy(p->out + p->len, line, n + 1);
        p->len += n;
    }
}

static bool overlap(Rect a, Rect b)
{
    return a.w > 0 && a.h > 0 && b.w > 0 && b.h > 0 && a.x < b.x + b.w && b.x < a.x + a.w &&
           a.y < b.y + b.h && b.y < a.y + a.h;
}

static bool inside(Rect a, Rect b)
{
    return a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
}

/* True when pane q is p or one of the areas p lies in. */
static bool around(const Ui *ui, int q, int p)
{
    for (; p >= 0; p = ui->pane[p].parent)
        if (p == q)
            return true;
    return false;
}

/* r laid out in pane p stays in it: inside its rectangle, or for a scroll
 * area, across its width and within its content. */
static bool within(const Ui *ui, int p, Rect r)
{
    const UiPane *a = &ui->pane[p];
    if (r.x < a->r.x || r.x + r.w > a->r.x + a->r.w)
        return false;
    if (a->scroll)
        return r.y >= a->top && r.y + r.h <= a->bottom;
    return r.y >= a->r.y && r.y + r.h <= a->r.y + a->r.h;
}

/* The first area r (seen as vis) reaches into that is not one it lies
 * in, or -1. */
static int intruded(const Ui *ui, int p, Rect vis)
{
    for (int q = 1; q < ui->npanes; q++)
        if (!around(ui, q, p) && overlap(vis, ui->pane[q].r))
            return q;
    return -1;
}

/* A status (the result of an action) is seen whole without scrolling:
 * not below the fold of a scroll area, not off the screen. */
static void check_status(const UiItem *a, Problems *pr)
{
    if (a->vis.w == 0 || a->vis.h == 0)
        say(pr, "status \"%s\" is out of sight%s", a->label, "", a->r);
    else if (a->vis.x != a->r.x || a->vis.y != a->r.y || a->vis.w != a->r.w || a->vis.h != a->r.h)
        say(pr, "status \"%s\" is cut off%s", a->label, "", a->vis);
}

static void check_items(const Ui *ui, Problems *pr)
{
    for (int i = 0; i < ui->nitems; i++) {
        const UiItem *a = &ui->item[i];
        if (a->status)
            check_status(a, pr);
        if (!a->tap)
            continue;
        if (a->r.w < ui->target || a->r.h < ui->target) {
            char size[64];
            snprintf(size, sizeof size, "%d px", ui->target);
            say(pr, "control \"%s\" is smaller than the %s touch target", a->label, size, a->r);
        }
        if (!within(ui, a->pane, a->r))
            say(pr, "control \"%s\" lies outside %s", a->label, ui->pane[a->pane].name, a->r);
        int q = intruded(ui, a->pane, a->vis);
        if (q > 0)
            say(pr, "control \"%s\" reaches into %s", a->label, ui->pane[q].name, a->vis);
        for (int j = i + 1; j < ui->nitems; j++) {
            const UiItem *b = &ui->item[j];
            if (b->tap && overlap(a->vis, b->vis))
                say(pr, "controls \"%s\" and \"%s\" overlap", a->label, b->label, a->vis);
        }
    }
}

static void check_texts(const Ui *ui, Problems *pr)
{
    for (int i = 0; i < ui->ntexts; i++) {
        const UiText *t = &ui->text[i];
        if (t->cut)
            say(pr, "text \"%s\" is cut short without a chosen ellipsis%s", t->text, "", t->r);
        if (!within(ui, t->pane, t->r))
            say(pr, "text \"%s\" lies outside %s", t->text, ui->pane[t->pane].name, t->r);
        int q = intruded(ui, t->pane, t->vis);
        if (q > 0)
            say(pr, "text \"%s\" reaches into %s", t->text, ui->pane[q].name, t->vis);
        for (int j = i + 1; j < ui->ntexts; j++)
            if (overlap(t->vis, ui->text[j].vis))
                say(pr, "text \"%s\" runs into \"%s\"", t->text, ui->text[j].text, t->vis);
        for (int k = 0; k < ui->nitems; k++) {
            const UiItem *c = &ui->item[k];
            if (c->tap && overlap(t->vis, c->vis) && !inside(t->vis, c->vis))
                say(pr, "text \"%s\" lies partly under \"%s\"", t->text, c->label, t->vis);
        }
    }
}

/* Areas that are not one inside the other do not overlap. */
static void check_panes(const Ui *ui, Problems *pr)
{
    for (int p = 1; p < ui->npanes; p++)
        for (int q = p + 1; q < ui->npanes; q++)
            if (!around(ui, p, q) && !around(ui, q, p) && overlap(ui->pane[p].r, ui->pane[q].r))
                say(pr, "%s and %s overlap", ui->pane[p].name, ui->pane[q].name, ui->pane[q].r);
}

int ui_layout_check(const Ui *ui, char *out, size_t cap)
{
    Problems pr = {out, cap, 0, 0};
    if (out && cap)
        out[0] = '\0';
    check_items(ui, &pr);
    check_texts(ui, &pr);
    check_panes(ui, &pr);
    return pr.n;
}
