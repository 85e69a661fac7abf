/* Welcome: the attract screen, with a question you could ask. */
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

/* The tip card's height at width w: the tallest of the questions it
 * shows in turn, so the card does not jump when the question changes. */
static int tip_height(View *vw, int w)
{
    Ui *ui = vw->ui;
    int cp = ui->u * 4, tallest = 0;
    char q[400];
    ui_measure_begin(ui);
    for (int turn = 0; turn < 5; turn++) {
        snprintf(q, sizeof q, "\xe2\x80\x9c%s\xe2\x80\x9d", tip_question(vw, turn));
        int h = ui_wrap(ui, (Rect){0, 0, w - 2 * cp, 0}, q, ui->body, WEIGHT_REGULAR, ui->th.text);
        tallest = h > tallest ? h : tallest;
    }
    ui_measure_end(ui);
    return cp * 3 / 4 + draw_line_height(ui->measure, ui->small) + ui->u + tallest + cp * 3 / 4;
}

/* A question you could ask, changing every WELCOME_TIP_MS, faded in. */
static void tip(View *vw, Rect card)
{
    Ui *ui = vw->ui;
    int turn = welcome_turn(ui->now), phase = welcome_phase(ui->now);
    int step = welcome_fade_step(phase);
    uint8_t alpha =
        phase < WELCOME_FADE_MS ? (uint8_t)((step + 1) * 255 / (WELCOME_FADE_STEPS + 1)) : 255;
    ui_panel(ui, card, ui->th.surface);
    if (ui->d)
        draw_rect(ui->d, (Rect){card.x, card.y + ui->u * 2, ui->u, card.h - ui->u * 4},
                  ui->th.accent);
    int cp = ui->u * 4, y = card.y + cp * 3 / 4;
    ui_text(ui, card.x + cp, y, str(S_WELCOME_TIP), ui->small, WEIGHT_BOLD, ui->th.muted,
            card.w - 2 * cp);
    char q[400];
    snprintf(q, sizeof q, "\xe2\x80\x9c%s\xe2\x80\x9d", tip_question(vw, turn));
    ui_wrap(ui,
            (Rect){card.x + cp, y + draw_line_height(ui->measure, ui->small) + ui->u,
                   card.w - 2 * cp, 0},
            q, ui->body, WEIGHT_REGULAR, ui_alpha(ui->th.text, alpha));
}

/* The foot: the Staff button in the corner and the promise beside it,
 * or above it when they would not fit side by side. Returns its top. */
static int foot(View *vw, bool *staff_tapped)
{
    Ui *ui = vw->ui;
    int p = pad(ui);
    /* a notice for staff: a stick's, a stale directory's, the inbox's */
    bool notice = vw->staff->notice[0] || vw->staff->stale[0] || vw->staff->inbox_note[0];
    const char *staff = str(notice ? S_STAFF_NOTICE : S_STAFF);
    int sh = ui_touch(ui, ui->u * 6), sw = ui_width(ui, staff, ui->small, WEIGHT_BOLD) + ui->u * 4;
    Rect b = {p / 2, ui->h - sh - p / 2, sw, sh};
    *staff_tapped = ui_button(ui, b, staff, notice ? BTN_SECONDARY : BTN_GHOST);
    const char *promise = str(S_WELCOME_PROMISE);
    int pw = ui_width(ui, promise, ui->small, WEIGHT_REGULAR);
    int lh = draw_line_height(ui->measure, ui->small), side = b.x + b.w + ui->u * 2;
    if (pw <= ui->w - 2 * side) { /* centred on the screen, clear of the button */
        ui_text(ui, (ui->w - pw) / 2, b.y + (sh - lh) / 2, promise, ui->small, WEIGHT_REGULAR,
                ui->th.muted, 0);
        return b.y;
    }
    Rect box = {p, 0, ui->w - 2 * p, 0};
    ui_measure_begin(ui);
    int h = ui_wrap(ui, box, promise, ui->small, WEIGHT_REGULAR, ui->th.muted);
    ui_measure_end(ui);
    box.y = b.y - ui->u - h;
    ui_wrap(ui, box, promise, ui->small, WEIGHT_REGULAR, ui->th.muted);
    return box.y;
}

void screen_welcome(View *vw)
{
    Ui *ui = vw->ui;
    int p = pad(ui);
    if (ui->d) /* the background is already cleared to th.bg */
        draw_rect(ui->d, (Rect){0, 0, ui->w, ui->u}, ui->th.primary);
    int top = p + chrome_header(vw, p, ui->title * 3 / 4, ui->body) + ui->u * 3;
    bool staff = false;
    int bottom = foot(vw, &staff) - p;
    if (staff) {
        view_post(vw, INTENT_STAFF_BEGIN, 0);
        return;
    }
    /* the headline, the line under it and Start, centred between the
     * header and the tip card; the card gives way first, then the
     * headline's size, when they would not all fit */
    int w = ui->landscape ? ui->w * 62 / 100 : ui->w - 4 * p;
    int x = (ui->w - w) / 2, bh = ui_touch(ui, ui->u * 14), hpx = ui->huge;
    int ch = tip_height(vw, w), hh, sh, block;
    for (;;) {
        ui_measure_begin(ui); /* measure the block to centre it */
        hh =
            ui_wrap(ui, (Rect){x, 0, w, 0}, str(S_WELCOME_HEADLINE), hpx, WEIGHT_BOLD, ui->th.text);
        sh = ui_wrap(ui, (Rect){x, 0, w, 0}, str(S_WELCOME_SUB), ui->title * 3 / 4, WEIGHT_REGULAR,
                     ui->th.muted);
        ui_measure_end(ui);
        block = hh + ui->u * 3 + sh + ui->u * 6 + bh;
        if (block + (ch ? ch + p : 0) <= bottom - top || hpx <= ui->title)
            break;
        if (ch)
            ch = 0;
        else
            hpx = ui->title;
    }
    int room = bottom - top - (ch ? ch + p : 0);
    int y = top + (room > block ? (room - block) / 2 : 0);
    y += ui_wrap(ui, (Rect){x, y, w, 0}, str(S_WELCOME_HEADLINE), hpx, WEIGHT_BOLD, ui->th.text) +
         ui->u * 3;
    y += ui_wrap(ui, (Rect){x, y, w, 0}, str(S_WELCOME_SUB), ui->title * 3 / 4, WEIGHT_REGULAR,
                 ui->th.muted) +
         ui->u * 6;
    int bw = ui->landscape ? w * 55 / 100 : w;
    Rect start = {x, y, bw, bh};
    bool go = ui_button(ui, start, str(S_TOUCH_TO_START), BTN_PRIMARY);
    if (ch)
        tip(vw, (Rect){x, bottom - ch, w, ch});
    /* anywhere but the toggles starts too */
    bool anywhere = ui_tapped(ui, (Rect){0, top, ui->w, ui->h - top});
    if (go || anywhere)
        view_post(vw, INTENT_START, 0);
}
