/* Welcome and About you. */
#include "kiosk/screens/chrome.h"
#include "kiosk/screens/screens.h"
#include "kiosk/screens/screens_internal.h"

#include "core/text.h"

#include <string.h>

/* Questions shown in turn on the Welcome screen, to show what this is. */
static const char *tip_question(View *vw, int turn)
{
    static const QuestionCategory order[] = {QCAT_WORK, QCAT_PATH, QCAT_ADVICE, QCAT_FIELD,
                                             QCAT_CLOSING};
    QuestionCategory c = order[turn % 5];
    for (int i = 0; i < vw->cat->nbank; i++)
        if (vw->cat->bank[i].category == c)
            return vw->cat->bank[i].text;
    return "";
}

void screen_welcome(View *vw)
{
    Ui *ui = vw->ui;
    int p = pad(ui), th = ui->u * 7;
    if (ui->d) /* the background is already cleared to th.bg */
        draw_rect(ui->d, (Rect){0, 0, ui->w, ui->u}, ui->th.primary);
    chrome_toggles(vw, ui->w - p, p, th);
    int lh = draw_line_height(ui->measure, ui->body);
    /* the office's logo, as tall as its name and school together */
    int lw = ui_image(ui, vw->office->logo, (Rect){p, p, ui->w / 5, lh * 2 + ui->u});
    int nx = p + (lw ? lw + ui->u * 3 : 0);
    ui_text(ui, nx, p, vw->office->name, ui->title * 3 / 4, WEIGHT_BOLD, ui->th.primary,
            ui->w / 2 - (nx - p));
    ui_text(ui, nx, p + lh + ui->u, vw->office->school, ui->body, WEIGHT_REGULAR, ui->th.muted,
            ui->w / 2 - (nx - p));

    int w = ui->landscape ? ui->w * 62 / 100 : ui->w - 4 * p;
    int x = (ui->w - w) / 2;
    ui_measure_begin(ui); /* measure the block to centre it */
    int hh = ui_wrap(ui, (Rect){x, 0, w, 0}, str(S_WELCOME_HEADLINE), ui->huge, WEIGHT_BOLD,
                     ui->th.text);
    int sh = ui_wrap(ui, (Rect){x, 0, w, 0}, str(S_WELCOME_SUB), ui->title * 3 / 4, WEIGHT_REGULAR,
                     ui->th.muted);
    ui_measure_end(ui);
    int bh = ui->u * 14, block = hh + ui->u * 3 + sh + ui->u * 6 + bh;
    int y = (ui->h - block) / 2 - ui->u * 6;
    y += ui_wrap(ui, (Rect){x, y, w, 0}, str(S_WELCOME_HEADLINE), ui->huge, WEIGHT_BOLD,
                 ui->th.text) +
         ui->u * 3;
    y += ui_wrap(ui, (Rect){x, y, w, 0}, str(S_WELCOME_SUB), ui->title * 3 / 4, WEIGHT_REGULAR,
                 ui->th.muted) +
         ui->u * 6;
    int bw = ui->landscape ? w * 55 / 100 : w;
    Rect start = {x, y, bw, bh};
    bool go = ui_button(ui, start, str(S_TOUCH_TO_START), BTN_PRIMARY);

    /* a question you could ask, changing every few seconds */
    /* a new question every WELCOME_TIP_MS, faded in; the clock is offset
     * so a kiosk that has just started shows a settled card */
    uint64_t t = ui->now + WELCOME_TIP_MS / 2;
    int turn = (int)(t / WELCOME_TIP_MS), phase = (int)(t % WELCOME_TIP_MS);
    uint8_t alpha = phase < WELCOME_FADE_MS ? (uint8_t)(phase * 255 / WELCOME_FADE_MS) : 255;
    if (alpha < 255)
        ui->animating = true;
    int cw = w, ch = ui->u * 18, cy = ui->h - ch - p * 2;
    if (cy < start.y + bh + p)
        cy = start.y + bh + p;
    Rect card = {x, cy, cw, ch};
    ui_panel(ui, card, ui->th.surface);
    if (ui->d)
        draw_rect(ui->d, (Rect){card.x, card.y + ui->u * 2, ui->u, card.h - ui->u * 4},
                  ui->th.accent);
    int cp = ui->u * 4;
    ui_text(ui, card.x + cp, card.y + cp * 3 / 4, str(S_WELCOME_TIP), ui->small, WEIGHT_BOLD,
            ui->th.muted, 0);
    char q[400];
    snprintf(q, sizeof q, "\xe2\x80\x9c%s\xe2\x80\x9d", tip_question(vw, turn));
    ui_wrap(ui, (Rect){card.x + cp, card.y + cp * 3 / 4 + lh, card.w - 2 * cp, 0}, q, ui->body,
            WEIGHT_REGULAR, ui_alpha(ui->th.text, alpha));
    int pw = ui_width(ui, str(S_WELCOME_PROMISE), ui->small, WEIGHT_REGULAR);
    ui_text(ui, (ui->w - pw) / 2, ui->h - p - ui->u, str(S_WELCOME_PROMISE), ui->small,
            WEIGHT_REGULAR, ui->th.muted, 0);
    /* staff mode: small, in the corner, behind the PIN */
    const char *staff = str(vw->staff->notice[0] ? S_STAFF_NOTICE : S_STAFF);
    int sh2 = ui->u * 6, sw2 = ui_width(ui, staff, ui->small, WEIGHT_BOLD) + ui->u * 4;
    if (ui_button(ui, (Rect){p / 2, ui->h - sh2 - p / 2, sw2, sh2}, staff,
                  vw->staff->notice[0] ? BTN_SECONDARY : BTN_GHOST)) {
        view_post(vw, INTENT_STAFF_BEGIN, 0);
        return;
    }
    /* anywhere but the toggles starts too */
    bool anywhere = ui_tapped(ui, (Rect){0, p + th + ui->u, ui->w, ui->h});
    if (go || anywhere)
        view_post(vw, INTENT_START, 0);
}

static const StrId field_labels[3] = {S_FIRST_NAME, S_PROGRAM, S_INTEREST};
static const StrId field_hints[3] = {S_FIRST_NAME_HINT, S_PROGRAM_HINT, S_INTEREST_HINT};

static char *field_buf(Visitor *v, int i, size_t *cap)
{
    char *bufs[3] = {v->first_name, v->program, v->interest};
    size_t caps[3] = {sizeof v->first_name, sizeof v->program, sizeof v->interest};
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
        int fh = ui->u * 10, fw = ui->landscape ? ui->w * 6 / 10 : ui->w - 2 * p;
        int x = (ui->w - fw) / 2, y = kb.y - fh - p;
        int lh = draw_line_height(ui->measure, ui->title);
        if (y - lh - ui->u < body.y)
            y = body.y + lh + ui->u;
        ui_text(ui, x, y - lh - ui->u, str(field_labels[i]), ui->title, WEIGHT_BOLD, ui->th.text,
                fw);
        ui_field(ui, id, (Rect){x, y, fw, fh}, buf, cap, str(field_hints[i]), str(field_labels[i]));
    }
    ui_keyboard(ui, kb);
}

void screen_about(View *vw)
{
    Ui *ui = vw->ui;
    Visitor *v = &vw->s->visitor;
    Rect body = chrome_top(vw, 0);
    if (ui_typing(ui)) {
        editing(vw, body);
        return;
    }
    bool any = *v->first_name || *v->program || *v->interest;
    BarAction act = chrome_bottom(vw, &body, str(any ? S_NEXT_FIND : S_SKIP), BTN_PRIMARY, NULL);
    int p = pad(ui), w = ui->landscape ? ui->w * 7 / 10 : ui->w - 2 * p;
    int x = (ui->w - w) / 2;
    Rect col = {x - p, body.y, w + 2 * p, body.h};
    int y = chrome_title(vw, col, str(S_ABOUT_TITLE), str(S_ABOUT_SUB));
    int fh = ui->u * 9, gap = ui->u * 3;
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
    if (act == BAR_BACK)
        view_post(vw, INTENT_GO, SCREEN_WELCOME);
    else if (act == BAR_NEXT)
        view_post(vw, INTENT_GO, SCREEN_SEARCH);
}
