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
    bool notice = vw->staff->notice[0] || vw->staff->stale[0] || vw->staff->inbox_note[0];
    const char *staff = str(notice ? S_STAFF_NOTICE : S_STAFF);
    int sh2 = ui->u * 6, sw2 = ui_width(ui, staff, ui->small, WEIGHT_BOLD) + ui->u * 4;
    if (ui_button(ui, (Rect){p / 2, ui->h - sh2 - p / 2, sw2, sh2}, staff,
                  notice ? BTN_SECONDARY : BTN_GHOST)) {
        view_post(vw, INTENT_STAFF_BEGIN, 0);
        return;
    }
    /* anywhere but the toggles starts too */
    bool anywhere = ui_tapped(ui, (Rect){0, p + th + ui->u, ui->w, ui->h});
    if (go || anywhere)
        view_post(vw, INTENT_START, 0);
}
