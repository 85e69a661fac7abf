/* About you: first name, program and interest (all optional), and
 * what the visitor is (student, alum...). */
#include "kiosk/screens/chrome.h"
#include "kiosk/screens/screens.h"
#include "kiosk/screens/screens_internal.h"

#include "core/text.h"

#include <string.h>

static const StrId field_labels[3] = {S_FIRST_NAME, S_PROGRAM, S_INTEREST};
static const StrId field_hints[3] = {S_FIRST_NAME_HINT, S_PROGRAM_HINT, S_INTEREST_HINT};

static char *field_buf(Visitor *v, int i, size_t *cap)
{
    char *bufs[3] = {v->first_name, v->program, v->interest};
    size_t caps[3] = {VISITOR_NAME_MAX + 1, VISITOR_TEXT_MAX + 1, VISITOR_TEXT_MAX + 1};
    *cap = caps[i];
    return bufs[i];
}

/* While typing: only the field being edited, right above the keyboard. */
static void editing(View *vw, Rect body)
{
    Ui *ui = vw->ui;
    Visitor *v = &vw->s->visitor;
    int p = pad(ui), kh = ui_keyboard_height(ui);
    Rect kb = {0, ui->h - kh, ui->w, kh};
    for (int i = 0; i < 3; i++) {
        size_t cap;
        char *buf = field_buf(v, i, &cap);
        uint32_t id = ui_id(str(field_labels[i]));
        if (ui->focus != id)
            continue;
        int fh = ui_touch(ui, ui->u * 10), fw = ui->landscape ? ui->w * 6 / 10 : ui->w - 2 * p;
        int x = (ui->w - fw) / 2, y = kb.y - fh - p;
        int lh = draw_line_height(ui->measure, ui->title);
        if (y - lh - ui->u < body.y)
            y = body.y + lh + ui->u;
        ui_text(ui, x, y - lh - ui->u, str(field_labels[i]), ui->title, WEIGHT_BOLD, ui->th.text,
                fw);
        /* near the end of the room: how much is left, so nothing typed
         * is cut off unseen (the field takes no more once full) */
        int left = (int)(cap - 1 - strlen(buf)); /* bytes: letters, in the Latin most type */
        const char *say = left > 0 ? fmt_int(S_CHARS_LEFT, left) : str(S_FIELD_FULL);
        int sw = ui_width(ui, say, ui->body, WEIGHT_BOLD);
        /* beside the label when it fits there (on a narrow screen with
         * Larger text it does not: the field's own note says when a word
         * was left out) */
        bool room = ui_width(ui, str(field_labels[i]), ui->title, WEIGHT_BOLD) + ui->u * 2 + sw <= fw;
        if (left <= 15 && room && !ui_field_cut(ui, id)) { /* else the field says what was left out */
            ui_text(ui, x + fw - sw, y - lh - ui->u + (lh - draw_line_height(ui->measure, ui->body)),
                    say, ui->body, WEIGHT_BOLD, left > 0 ? ui->th.muted : ui->th.warn_text, sw);
        }
        ui_field(ui, id, (Rect){x, y, fw, fh}, buf, cap, str(field_hints[i]), str(field_labels[i]));
    }
    ui_keyboard(ui, kb);
}

/* The title, the fields and the "You are" chips from y; returns the
 * height used. */
static int form(View *vw, int x, int y, int w)
{
    Ui *ui = vw->ui;
    Visitor *v = &vw->s->visitor;
    int p = pad(ui), y0 = y;
    y = chrome_title(vw, (Rect){x - p, y, w + 2 * p, 0}, str(S_ABOUT_TITLE), str(S_ABOUT_SUB));
    int fh = ui_touch(ui, ui->u * 9), gap = ui->u * 3;
    for (int i = 0; i < 3; i++) {
        size_t cap;
        char *buf = field_buf(v, i, &cap);
        y += chrome_caption(vw, x, y, str(field_labels[i]));
        ui_field(ui, ui_id(str(field_labels[i])), (Rect){x, y, w, fh}, buf, cap,
                 str(field_hints[i]), str(field_labels[i]));
        y += fh + gap;
    }
    y += chrome_caption(vw, x, y, str(S_YOU_ARE));
    const char *labels[STATUS_COUNT];
    for (int i = 0; i < STATUS_COUNT; i++)
        labels[i] = visitor_status_label((VisitorStatus)i);
    int h, hit = chrome_chips(vw, x, y, w, labels, STATUS_COUNT, (int)v->status, &h);
    if (hit >= 0)
        v->status = (VisitorStatus)hit;
    return y + h - y0;
}

/* Which fields were cut short as they were typed, for the message's
 * check: it never calls a message with half a word in it good to send. */
static void note_cuts(View *vw)
{
    static const unsigned bit[3] = {VISITOR_CUT_NAME, VISITOR_CUT_PROGRAM, VISITOR_CUT_INTEREST};
    Visitor *v = &vw->s->visitor;
    for (int i = 0; i < 3; i++) {
        if (ui_field_cut(vw->ui, ui_id(str(field_labels[i]))))
            v->cut |= bit[i];
        else
            v->cut &= ~bit[i];
    }
}

void screen_about(View *vw)
{
    Ui *ui = vw->ui;
    Visitor *v = &vw->s->visitor;
    if (vw->type_in != FIELD_NONE) { /* a hint elsewhere asked for this field */
        int i = (int)vw->type_in - 1;
        size_t cap;
        ui->focus = ui_id(str(field_labels[i]));
        ui->shift = field_buf(v, i, &cap)[0] == '\0';
        vw->type_in = FIELD_NONE;
    }
    if (ui_typing(ui)) { /* the top bar gives way to the keyboard on a short screen */
        int need = draw_line_height(ui->measure, ui->title) + ui->u * 2 + ui_touch(ui, ui->u * 10) +
                   pad(ui) * 2;
        editing(vw, chrome_top_above(vw, 0, ui->h - ui_keyboard_height(ui), need));
        note_cuts(vw);
        return;
    }
    Rect body = chrome_top(vw, 0);
    bool any = *v->first_name || *v->program || *v->interest;
    BarAction act = chrome_bottom(vw, &body, str(any ? S_NEXT_FIND : S_SKIP), BTN_PRIMARY, NULL);
    int p = pad(ui), w = ui->landscape ? ui->w * 7 / 10 : ui->w - 2 * p;
    /* scrolls when Larger text makes it taller than the room there is */
    chrome_scroll(vw, "about", body, (ui->w - w) / 2, w, form);
    note_cuts(vw);
    if (act == BAR_BACK)
        view_post(vw, INTENT_GO, SCREEN_WELCOME);
    else if (act == BAR_NEXT)
        view_post(vw, INTENT_GO, SCREEN_SEARCH);
}
