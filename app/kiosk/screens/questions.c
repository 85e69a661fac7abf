/* Choosing questions: by category, with a time bar against the minutes
 * asked for. */
#include "kiosk/screens/chrome.h"
#include "kiosk/screens/screens_internal.h"

#include <string.h>

static int planned(const View *vw)
{
    int sum = 0;
    for (int i = 0; i < vw->cat->nbank; i++)
        if (vw->s->chosen[i])
            sum += vw->cat->bank[i].minutes;
    return sum;
}

/* The bar: planned minutes against the time for questions. */
static int time_bar(View *vw, int x, int y, int w)
{
    Ui *ui = vw->ui;
    int minutes = vw->s->visitor.minutes ? vw->s->visitor.minutes : 20;
    int budget = question_budget(minutes), used = planned(vw);
    int lh = draw_line_height(ui->measure, ui->body), bh = ui->u * 2;
    bool over = used > budget;
    ui_record(ui, fmt_int2(S_TIME_PLANNED, used, budget), (Rect){x, y, w, lh});
    ui_text(ui, x, y, fmt_int2(S_TIME_PLANNED, used, budget), ui->body, WEIGHT_BOLD,
            over ? ui->th.warn_text : ui->th.text, 0);
    if (ui->d) {
        Rect track = {x, y + lh + ui->u, w, bh};
        draw_round(ui->d, track, bh / 2, ui->th.sunken);
        int fill = used * w / (budget > 0 ? budget : 1);
        draw_round(ui->d, (Rect){x, track.y, fill < w ? fill : w, bh}, bh / 2,
                   over ? ui->th.accent : ui->th.primary);
    }
    int h = lh + ui->u + bh + ui->u;
    if (!over)
        h += ui_wrap(ui, (Rect){x, y + h, w, 0}, fmt_int(S_TIME_WHY, minutes), ui->small,
                     WEIGHT_REGULAR, ui->th.muted);
    if (over)
        h += ui_wrap(ui, (Rect){x, y + h, w, 0}, str(S_TIME_OVER), ui->small, WEIGHT_REGULAR,
                     ui->th.warn_text);
    return h;
}

/* The list; returns its height. */
static int list(View *vw, int x, int y, int w, Rect view)
{
    Ui *ui = vw->ui;
    int y0 = y, box = draw_line_height(ui->measure, ui->body) * 3 / 4;
    int mw = ui_width(ui, fmt_int(S_N_MIN, 10), ui->small, WEIGHT_REGULAR) + ui->u * 2;
    for (int c = 0; c < QCAT_COUNT; c++) {
        y += ui->u * 2;
        y += ui_wrap(ui, (Rect){x, y, w, 0}, question_category_label((QuestionCategory)c), ui->body,
                     WEIGHT_BOLD, ui->th.primary) +
             ui->u;
        for (int i = 0; i < vw->cat->nbank; i++) {
            const Question *q = &vw->cat->bank[i];
            if (q->category != (QuestionCategory)c)
                continue;
            bool on = vw->s->chosen[i];
            int tx = x + box + ui->u * 3, tw = w - (tx - x) - mw;
            ui_measure_begin(ui);
            int th = ui_wrap(ui, (Rect){tx, 0, tw, 0}, q->text, ui->body,
                             on ? WEIGHT_BOLD : WEIGHT_REGULAR, ui->th.text);
            ui_measure_end(ui);
            Rect row = {x, y, w, th + ui->u * 3};
            if (row.h < ui->u * 8)
                row.h = ui->u * 8;
            ui_record(ui, q->text, row);
            if (ui_tapped(ui, row) && ui_contains(view, ui->x, ui->y)) {
                vw->s->chosen[i] = !on;
                vw->s->questions_edited = true;
            }
            if (ui->d && row.y + row.h >= view.y && row.y <= view.y + view.h) {
                if (on)
                    draw_round(ui->d, row, ui->u * 2, ui->th.surface);
                int ty = row.y + (row.h - th) / 2;
                if (on) {
                    draw_round(ui->d, (Rect){x + ui->u * 2, ty + box / 6, box, box}, box / 5,
                               ui->th.primary);
                    int t = box / 6 + 1;
                    for (int k = 0; k < box / 3; k++)
                        draw_rect(ui->d,
                                  (Rect){x + ui->u * 2 + box / 5 + k,
                                         ty + box / 6 + box / 2 + k - t / 2, t, t},
                                  ui->th.on_primary);
                    for (int k = 0; k < box / 2; k++)
                        draw_rect(ui->d,
                                  (Rect){x + ui->u * 2 + box / 5 + box / 3 + k,
                                         ty + box / 6 + box / 2 + box / 3 - k - t, t, t},
                                  ui->th.on_primary);
                } else
                    draw_round_outline(ui->d, (Rect){x + ui->u * 2, ty + box / 6, box, box},
                                       box / 5, 3, ui->th.muted);
                ui_wrap(ui, (Rect){tx, ty, tw, 0}, q->text, ui->body,
                        on ? WEIGHT_BOLD : WEIGHT_REGULAR, ui->th.text);
                ui_text(ui, x + w - mw + ui->u, ty, fmt_int(S_N_MIN, q->minutes), ui->small,
                        WEIGHT_REGULAR, ui->th.muted, 0);
            }
            y += row.h + ui->u / 2;
        }
    }
    return y - y0;
}

void screen_questions(View *vw)
{
    Ui *ui = vw->ui;
    Rect body = chrome_top(vw, 3);
    BarAction act = chrome_bottom(vw, &body, str(S_NEXT_TAKEAWAY), BTN_PRIMARY, NULL);
    int p = pad(ui), w = ui->landscape ? ui->w * 75 / 100 : ui->w - 2 * p;
    int x = (ui->w - w) / 2;
    Rect col = {x - p, body.y, w + 2 * p, body.h};
    int y = chrome_title(vw, col, str(S_QUESTIONS_TITLE), str(S_QUESTIONS_SUB));
    const char *reset = str(S_SUGGESTED);
    int rw = ui_width(ui, reset, ui->body, WEIGHT_BOLD) + ui->u * 6;
    int barw = ui->landscape ? w - rw - ui->u * 4 : w;
    int bh = time_bar(vw, x, y, barw);
    int bx = ui->landscape ? x + w - rw : x, by = ui->landscape ? y : y + bh;
    int rh = ui_touch(ui, ui->u * 7);
    if (ui_button(ui, (Rect){bx, by, rw, rh}, reset, BTN_GHOST)) {
        view_post(vw, INTENT_SUGGEST, 0);
        vw->s->questions_edited = false;
    }
    y += ui->landscape ? (bh > rh ? bh : rh) : bh + rh + ui->u;
    Rect view = {x, y, w, body.y + body.h - y - ui->u};
    ui_measure_begin(ui);
    int content = list(vw, x, 0, w - ui->u * 2, view);
    ui_measure_end(ui);
    int off = ui_scroll_begin(ui, ui_id("questions"), view, content);
    list(vw, x, view.y - off, w - ui->u * 2, view);
    ui_scroll_end(ui);
    if (act == BAR_BACK)
        view_post(vw, INTENT_GO, SCREEN_MESSAGE);
    else if (act == BAR_NEXT)
        view_post(vw, INTENT_GO, SCREEN_TAKEAWAY);
}
