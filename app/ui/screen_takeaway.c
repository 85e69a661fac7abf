/* Take away: the sheet, the four QR codes, and Print. */
#include "chrome.h"
#include "screens_internal.h"

#include <string.h>

static const StrId about_code[TAKE_COUNT] = {S_QR_SHEET_ABOUT, S_QR_EMAIL_ABOUT,
                                             S_QR_CONTACT_ABOUT, S_QR_REMINDERS_ABOUT};

/* The tabs: a column beside the code in landscape, a row above it in
 * portrait. Returns the rectangle left for the code. */
static Rect tabs(App *a, Rect r)
{
    Ui *ui = &a->ui;
    Session *s = a->s;
    int bh = ui->u * 9, gap = ui->u * 2;
    if (ui->landscape) {
        int tw = r.w * 34 / 100;
        for (int k = 0; k < TAKE_COUNT; k++) {
            Rect b = {r.x, r.y + k * (bh + gap), tw, bh};
            if (ui_button(ui, b, takeaway_label((TakeKind)k),
                          k == s->qr_tab ? BTN_CHIP_ON : BTN_CHIP)) {
                s->qr_tab = k;
                a->dirty = true;
            }
        }
        return (Rect){r.x + tw + gap * 2, r.y, r.w - tw - gap * 2, r.h};
    }
    const char *labels[TAKE_COUNT];
    for (int k = 0; k < TAKE_COUNT; k++)
        labels[k] = takeaway_label((TakeKind)k);
    int h, hit = chrome_chips(a, r.x, r.y, r.w, labels, TAKE_COUNT, s->qr_tab, &h);
    if (hit >= 0) {
        s->qr_tab = hit;
        a->dirty = true;
    }
    return (Rect){r.x, r.y + h + gap, r.w, r.h - h - gap};
}

/* The code at a whole number of pixels per module, at least 4, with its
 * quiet zone, and what it holds under it. */
static void codes(App *a, Rect r)
{
    Ui *ui = &a->ui;
    Session *s = a->s;
    Takeaway *t = &s->takeaway;
    Rect c = tabs(a, r);
    int ls = draw_line_height(ui->measure, ui->small), lb = draw_line_height(ui->measure, ui->body);
    int below = lb + ls * 3 + ui->u * 3;
    int room = c.h - below, side = room < c.w ? room : c.w, y = c.y;
    TakeKind k = (TakeKind)s->qr_tab;
    if (t->ok[k]) {
        int modules = t->code[k].width + 8, scale = side / modules;
        if (scale < 4)
            scale = 4; /* phones need at least 4 px a module: never smaller */
        int px = modules * scale;
        int x = c.x + (c.w - px) / 2;
        if (ui->d)
            draw_qr(ui->d, t->code[k].module, t->code[k].width, x, y, scale);
        ui_record(ui, "QR code", (Rect){x, y, px, px});
        y += px + ui->u * 2;
    } else
        y += ui_wrap(ui, (Rect){c.x, y + ui->u * 4, c.w, 0}, str(S_QR_TOO_BIG), ui->body,
                     WEIGHT_REGULAR, ui->th.warn_text) + ui->u * 8;
    int cw = ui_width(ui, str(S_SCAN_HINT), ui->body, WEIGHT_BOLD);
    ui_text(ui, c.x + (c.w - (cw < c.w ? cw : c.w)) / 2, y, str(S_SCAN_HINT), ui->body,
            WEIGHT_BOLD, ui->th.text, c.w);
    y += lb;
    int aw = ui_width(ui, str(about_code[k]), ui->small, WEIGHT_REGULAR);
    ui_text(ui, c.x + (c.w - (aw < c.w ? aw : c.w)) / 2, y, str(about_code[k]), ui->small,
            WEIGHT_REGULAR, ui->th.muted, c.w);
    y += ls + ui->u;
    /* printing arrives with the printer work; say so plainly */
    ui_wrap(ui, (Rect){c.x, y, c.w, 0}, str(S_PRINT_NOT_SET_UP), ui->small, WEIGHT_REGULAR,
            ui->th.muted);
}

static void sheet(App *a, Rect r)
{
    Ui *ui = &a->ui;
    int p = ui->u * 3;
    ui_panel(ui, r, ui->th.surface);
    if (ui->d)
        draw_round_outline(ui->d, r, ui->u * 2, 2, ui->th.border);
    Rect view = {r.x + p, r.y + p, r.w - 2 * p, r.h - 2 * p};
    ui_measure_begin(ui);
    int content = chrome_sheet(a, (Rect){view.x, 0, view.w - ui->u * 2, 0}, &a->s->sheet);
    ui_measure_end(ui);
    int off = ui_scroll_begin(ui, ui_id("sheet"), view, content);
    chrome_sheet(a, (Rect){view.x, view.y - off, view.w - ui->u * 2, 0}, &a->s->sheet);
    ui_scroll_end(ui);
}

void screen_takeaway(App *a)
{
    Ui *ui = &a->ui;
    Rect body = chrome_top(a, 4);
    BarAction act =
        chrome_bottom2(a, &body, str(S_FINISH), BTN_PRIMARY, str(S_PRINT), BTN_DISABLED);
    int p = pad(ui), gap = ui->u * 4;
    if (!a->s->takeaway_ready)
        return; /* built right after this pass; drawn on the next */
    if (ui->landscape) {
        int cw = (ui->w - 2 * p - gap) * 52 / 100;
        Rect code = {ui->w - p - cw, body.y, cw, body.h - ui->u};
        sheet(a, (Rect){p, body.y, ui->w - 2 * p - gap - cw, body.h - ui->u * 2});
        codes(a, code);
    } else {
        int ch = body.h * 58 / 100;
        codes(a, (Rect){p, body.y, ui->w - 2 * p, ch});
        sheet(a, (Rect){p, body.y + ch + ui->u * 2, ui->w - 2 * p, body.h - ch - ui->u * 4});
    }
    if (act == BAR_BACK)
        kiosk_go(a, SCREEN_QUESTIONS);
    else if (act == BAR_NEXT)
        kiosk_finish(a);
}
