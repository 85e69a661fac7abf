/* Take away: the sheet, the QR codes (a code in parts when this screen
 * has too little room for it whole), and Print.
 *
 * In order: what a tab's code holds and does on a phone (about, as_text);
 * the tabs and part chips; the print status and button; the whole email
 * shown large (whole_button, screen_takeaway_whole); the captions and the
 * middle column; the code itself; the sheet; the screen's two layouts
 * (side by side, or one above the other). */
#include "kiosk/screens/chrome.h"
#include "kiosk/screens/screens_internal.h"
#include "ui/sheetview.h"

#include <stdio.h>
#include <string.h>

static const StrId about_code[TAKE_COUNT] = {S_QR_SHEET_ABOUT, S_QR_EMAIL_ABOUT, S_QR_CONTACT_ABOUT,
                                             S_QR_REMINDERS_ABOUT, S_QR_THANKS_ABOUT};

/* The screen part shown for tab k, or NULL before the codes are fitted. */
static const TakePart *shown(const View *vw, int k, int *parts)
{
    const Takeaway *t = &vw->s->visit.takeaway;
    int first = takeaway_first_part(t, (TakeKind)k, parts);
    if (first < 0)
        return NULL;
    int i = vw->qr_part < *parts ? vw->qr_part : 0;
    return &t->part[first + i];
}

/* What the code of tab k holds: the message code says what a phone does
 * with it on this mentor's channel; a draft without its body says where
 * the words are. */
static const char *about(const View *vw, int k)
{
    int parts;
    const TakePart *p = shown(vw, k, &parts);
    if (p && p->brief)
        return str(S_QR_EMAIL_BRIEF_ABOUT);
    if (k == TAKE_THANKS && vw->s->mentor.via == VIA_LINKEDIN)
        return str(S_QR_THANKS_LINKEDIN_ABOUT);
    if (k != TAKE_MESSAGE)
        return str(about_code[k]);
    switch (vw->s->channel) {
    case CHANNEL_OFFICE:
        return str(S_QR_OFFICE_ABOUT);
    case CHANNEL_LINKEDIN:
        return str(S_QR_LINKEDIN_ABOUT);
    case CHANNEL_PHONE:
        return str(S_QR_PHONE_ABOUT);
    case CHANNEL_VIDEO:
        return str(S_QR_VIDEO_ABOUT);
    default:
        return str(S_QR_EMAIL_ABOUT);
    }
}

/* The tab buttons in a column (landscape) or a row (portrait) inside r;
 * returns the height they took. */
static int tabs(View *vw, Rect r, bool column)
{
    Ui *ui = vw->ui;
    int bh = ui_touch(ui, ui->u * 8), gap = ui->u * 2, h;
    if (column) {
        gap = ui->u; /* five tabs: room left for the hint and what the code holds */
        for (int k = 0; k < TAKE_COUNT; k++) {
            Rect b = {r.x, r.y + k * (bh + gap), r.w, bh};
            if (ui_button(ui, b, takeaway_label((TakeKind)k),
                          k == vw->qr_tab ? BTN_CHIP_ON : BTN_CHIP)) {
                vw->qr_tab = k;
                vw->qr_part = 0;
                vw->sheet_looked = true;
            }
        }
        return TAKE_COUNT * (bh + gap);
    }
    const char *labels[TAKE_COUNT];
    for (int k = 0; k < TAKE_COUNT; k++)
        labels[k] = takeaway_label((TakeKind)k);
    int hit = chrome_chips(vw, r.x, r.y, r.w, labels, TAKE_COUNT, vw->qr_tab, &h);
    if (hit >= 0) {
        vw->qr_tab = hit;
        vw->qr_part = 0;
        vw->sheet_looked = true;
    }
    return h + gap;
}

/* "In 3 parts: scan each one" and a chip a part ("1", "2", "3") when
 * the shown code has parts; returns the height they took (0 for a code
 * in one piece). */
static int part_chips(View *vw, int x, int y, int w)
{
    static const char *const digits[TAKE_PARTS_MAX] = {
        "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16"};
    Ui *ui = vw->ui;
    int parts, h;
    if (!shown(vw, vw->qr_tab, &parts) || parts < 2)
        return 0;
    int y0 = y;
    y += ui_wrap(ui, (Rect){x, y, w, 0}, fmt_int(S_QR_PARTS, parts), ui->small, WEIGHT_BOLD,
                 ui->th.text) +
         ui->u;
    int hit = chrome_chips(vw, x, y, w, digits, parts, vw->qr_part < parts ? vw->qr_part : 0, &h);
    if (hit >= 0) {
        vw->qr_part = hit;
        vw->sheet_looked = true;
    }
    return y + h + ui->u * 2 - y0;
}

/* How the print is going, in a panel, wrapped in w; returns the height
 * (0 when nothing was asked). */
static int printing_panel(View *vw, int x, int y, int w)
{
    Ui *ui = vw->ui;
    const Session *s = vw->s;
    char where[200];
    const char *head, *sub = NULL;
    Color c = ui->th.text;
    switch (s->printing) {
    case PRINTING_PREPARING:
        head = str(S_PRINTING_PREPARE);
        break;
    case PRINTING_BUSY:
        head = str(s->print_checking ? S_PRINTING_CHECK : S_PRINTING_SEND);
        break;
    case PRINTING_DONE:
        if (*vw->pickup) {
            snprintf(where, sizeof where, str(S_PRINTED_WHERE), vw->pickup);
            head = where;
        } else
            head = str(S_PRINTED);
        c = ui->th.ok_text;
        break;
    case PRINTING_FAILED:
        head = *s->print_trouble ? s->print_trouble : str(S_PRINT_FAILED);
        sub = str(S_PRINT_SCAN_INSTEAD);
        c = ui->th.warn_text;
        break;
    default:
        return 0;
    }
    int p = ui->u * 2, iw = w - 2 * p;
    ui_measure_begin(ui);
    int h = ui_wrap(ui, (Rect){0, 0, iw, 0}, head, ui->small, WEIGHT_BOLD, c);
    if (sub)
        h += ui->u + ui_wrap(ui, (Rect){0, 0, iw, 0}, sub, ui->small, WEIGHT_REGULAR, ui->th.text);
    ui_measure_end(ui);
    Rect box = {x, y, w, h + 2 * p};
    ui_panel(ui, box, s->printing == PRINTING_FAILED ? ui->th.warn_bg : ui->th.sunken);
    int ty = y + p;
    ty += ui_wrap(ui, (Rect){x + p, ty, iw, 0}, head, ui->small, WEIGHT_BOLD, c);
    if (sub)
        ui_wrap(ui, (Rect){x + p, ty + ui->u, iw, 0}, sub, ui->small, WEIGHT_REGULAR, ui->th.text);
    ui_status(ui, head, box);
    return box.h + ui->u * 2;
}

/* The Print button's label and look, or NULL when no printer is set up. */
static const char *print_button(const View *vw, ButtonStyle *style)
{
    *style = BTN_SECONDARY;
    if (!vw->printer)
        return NULL;
    switch (vw->s->printing) {
    case PRINTING_PREPARING:
    case PRINTING_BUSY:
        *style = BTN_DISABLED;
        return str(S_PRINTING_BUTTON);
    case PRINTING_DONE:
        return str(S_PRINT_AGAIN);
    case PRINTING_FAILED:
        return str(S_PRINT_TRY_AGAIN);
    default:
        return str(S_PRINT);
    }
}

/* How a phone shows the code of tab k when it is plain text (it offers
 * to copy it), or NULL for a code it acts on. */
static const char *as_text(const View *vw, int k)
{
    int parts;
    const TakePart *p = shown(vw, k, &parts);
    if (!p || takeaway_actionable(p->payload))
        return NULL;
    return str(parts > 1 ? S_QR_COPY_PARTS : S_QR_COPY_TEXT);
}

/* The side of the overlay's one large code: the screen's short side
 * less its margins (in portrait, less the title and button too). */
static int whole_side(const View *vw)
{
    const Ui *ui = vw->ui;
    int p = pad(ui);
    if (ui->landscape)
        return ui->h - 2 * p;
    int side = ui->w - 2 * p, room = ui->h - 2 * p - ui->u * 40;
    return side < room ? side : room;
}

/* "Show the whole email in one code" under a draft without its body;
 * returns its height with a gap (0 when the shown code is whole). */
static int whole_button(View *vw, int x, int y, int w)
{
    Ui *ui = vw->ui;
    int parts, bw, bh;
    const TakePart *p = shown(vw, vw->qr_tab, &parts);
    if (!p || !p->brief)
        return 0;
    ui_button_size(ui, str(S_QR_SHOW_WHOLE), BTN_SECONDARY, w, &bw, &bh);
    bw = bw < w ? bw : w;
    if (ui_button(ui, (Rect){x, y, bw, bh}, str(S_QR_SHOW_WHOLE), BTN_SECONDARY)) {
        vw->code_whole = true;
        vw->sheet_looked = true;
        view_post(vw, INTENT_FIT_WHOLE, whole_side(vw));
    }
    return bh + ui->u * 2;
}

void screen_takeaway_whole(View *vw)
{
    Ui *ui = vw->ui;
    const Takeaway *t = &vw->s->visit.takeaway;
    int p = pad(ui), side = whole_side(vw), x, y, tw;
    if (ui->d)
        draw_rect(ui->d, (Rect){0, 0, ui->w, ui->h}, ui->th.bg);
    if (t->whole_side != side || (int)t->whole.kind != vw->qr_tab)
        view_post(vw, INTENT_FIT_WHOLE, side); /* fitted after this pass, drawn on the next */
    /* the code at the left (landscape) or the top (portrait), its words beside or under it */
    int cx = p, cy = p;
    if (ui->landscape) {
        x = p * 2 + side, y = p, tw = ui->w - x - p;
    } else {
        cx = (ui->w - side) / 2;
        x = p, y = p + side + p, tw = ui->w - 2 * p;
    }
    const QrCode *q = &t->whole.code;
    if (t->whole_side == side && q->module) {
        int scale = side / (q->width + 2 * QR_QUIET), px = (q->width + 2 * QR_QUIET) * scale;
        if (ui->d)
            draw_qr(ui->d, q->module, q->width, cx + (side - px) / 2, cy + (side - px) / 2, scale);
        ui_record(ui, "QR code", (Rect){cx + (side - px) / 2, cy + (side - px) / 2, px, px});
    } else if (t->whole_side == side)
        ui_wrap(ui, (Rect){cx, cy, side, 0}, str(S_QR_TOO_BIG), ui->body, WEIGHT_REGULAR,
                ui->th.warn_text);
    y += ui_wrap(ui, (Rect){x, y, tw, 0}, str(S_QR_WHOLE_TITLE), ui->title, WEIGHT_BOLD,
                 ui->th.text) +
         ui->u * 2;
    y += ui_wrap(ui, (Rect){x, y, tw, 0}, str(S_SCAN_HINT), ui->body, WEIGHT_BOLD, ui->th.text);
    y += ui_wrap(ui, (Rect){x, y, tw, 0}, str(S_QR_EMAIL_ABOUT), ui->small, WEIGHT_REGULAR,
                 ui->th.muted) +
         ui->u * 4;
    int bw, bh;
    ui_button_size(ui, str(S_QR_WHOLE_CLOSE), BTN_PRIMARY, tw, &bw, &bh);
    bw = bw < tw ? bw : tw;
    if (ui_button(ui, (Rect){x, y, bw, bh}, str(S_QR_WHOLE_CLOSE), BTN_PRIMARY))
        vw->code_whole = false;
}

/* The hint, what the code holds and how a phone shows plain text,
 * wrapped in w from y; returns the height. (The print status is not
 * among them: it is pinned where it is seen, never in a column that
 * scrolls.) */
static int captions(View *vw, int x, int y, int w)
{
    Ui *ui = vw->ui;
    int y0 = y;
    const char *text = as_text(vw, vw->qr_tab);
    y += part_chips(vw, x, y, w);
    y += whole_button(vw, x, y, w); /* first: in sight under the tabs at every size */
    y += ui_wrap(ui, (Rect){x, y, w, 0}, str(S_SCAN_HINT), ui->body, WEIGHT_BOLD, ui->th.text);
    y += ui_wrap(ui, (Rect){x, y, w, 0}, about(vw, vw->qr_tab), ui->small, WEIGHT_REGULAR,
                 ui->th.muted);
    if (text)
        y += ui->u + ui_wrap(ui, (Rect){x, y + ui->u, w, 0}, text, ui->small, WEIGHT_BOLD,
                             ui->th.text);
    y += ui->u * 2;
    return y - y0;
}

/* The height the print status takes in width w with its gap, 0 when
 * nothing was asked. */
static int status_height(View *vw, int w)
{
    ui_measure_begin(vw->ui);
    int h = printing_panel(vw, 0, 0, w);
    ui_measure_end(vw->ui);
    return h;
}

/* The middle column in landscape: the tabs, then the captions; returns
 * the height (it scrolls when taller than the room). */
static int middle(View *vw, int x, int y, int w)
{
    int th = tabs(vw, (Rect){x, y, w, 0}, true);
    return th + vw->ui->u * 2 + captions(vw, x, y + th + vw->ui->u * 2, w);
}

/* The largest whole number of pixels per module at which the shown
 * code fits a slot of side px; the codes were fitted to that slot, so it
 * is never under QR_MODULE_MIN_PX. */
static int code_scale(const TakePart *p, int side)
{
    int scale = p ? side / (p->code.width + 2 * QR_QUIET) : 1;
    return scale < 1 ? 1 : scale;
}

/* Draws the shown part of code k with its quiet zone at x, y; returns
 * its side in px. */
static int code(View *vw, int k, int x, int y, int scale)
{
    Ui *ui = vw->ui;
    int parts;
    const TakePart *p = shown(vw, k, &parts);
    if (!p) {
        const Takeaway *t = &vw->s->visit.takeaway;
        if (t->fit_side == 0 || t->fit_side != vw->code_side)
            return 0; /* fitted after this pass, drawn on the next */
        return ui_wrap(ui, (Rect){x, y, ui->u * 40, 0}, str(S_QR_TOO_BIG), ui->body, WEIGHT_REGULAR,
                       ui->th.warn_text);
    }
    int px = (p->code.width + 2 * QR_QUIET) * scale;
    if (ui->d)
        draw_qr(ui->d, p->code.module, p->code.width, x, y, scale);
    ui_record(ui, "QR code", (Rect){x, y, px, px});
    return px;
}

/* The side of the shown code at scale, 0 when there is none yet. */
static int code_side(const View *vw, int k, int scale)
{
    int parts;
    const TakePart *p = shown(vw, k, &parts);
    return p ? (p->code.width + 2 * QR_QUIET) * scale : 0;
}

/* The slot is what this screen gives a code; when the codes were fitted
 * to another, flow fits them again (after this pass). */
static void want_slot(View *vw, int slot)
{
    if (vw->s->visit.takeaway.fit_side != slot)
        view_post(vw, INTENT_FIT_CODES, slot);
}

static void sheet(View *vw, Rect r)
{
    Ui *ui = vw->ui;
    int p = ui->u * 3;
    ui_panel(ui, r, ui->th.surface);
    if (ui->d)
        draw_round_outline(ui->d, r, ui->u * 2, 2, ui->th.border);
    Rect view = {r.x + p, r.y + p, r.w - 2 * p, r.h - 2 * p};
    ui_measure_begin(ui);
    int content =
        sheetview_draw(ui, (Rect){view.x, 0, view.w - ui->u * 2, 0}, &vw->s->visit.sheet, NULL);
    ui_measure_end(ui);
    int off = ui_scroll_begin(ui, ui_id("sheet"), view, content);
    sheetview_draw(ui, (Rect){view.x, view.y - off, view.w - ui->u * 2, 0}, &vw->s->visit.sheet,
                   NULL);
    ui_scroll_end(ui);
}

/* One above the other from y: the tabs, the code (in a slot of about
 * half of room, the same for every code, so nothing below moves between
 * tabs) and its captions; returns the height used. */
static int stack(View *vw, int x, int y, int w, int room)
{
    Ui *ui = vw->ui;
    int k = vw->qr_tab, y0 = y, parts;
    int th = tabs(vw, (Rect){x, y, w, 0}, false);
    int slot = room * 55 / 100 - th;
    slot = w < slot ? w : slot;
    want_slot(vw, slot);
    int scale = code_scale(shown(vw, k, &parts), slot);
    int side = code_side(vw, k, scale);
    y += th;
    int drawn = code(vw, k, x + (w - side) / 2, y + (slot - side) / 2, scale);
    y += (drawn > slot ? drawn : slot) + ui->u * 2;
    y += captions(vw, x, y, w) + ui->u * 2;
    return y - y0;
}

static int stack_room; /* the body's height, for stack_lay */

static int stack_lay(View *vw, int x, int y, int w)
{
    return stack(vw, x, y, w, stack_room);
}

void screen_takeaway(View *vw)
{
    Ui *ui = vw->ui;
    Session *s = vw->s;
    Rect body = chrome_top(vw, 4);
    ButtonStyle print_style;
    const char *print_label = print_button(vw, &print_style);
    BarAction act = chrome_bottom2(vw, &body, str(S_FINISH), BTN_PRIMARY, print_label, print_style);
    int p = pad(ui), gap = ui->u * 3, k = vw->qr_tab;
    body.h -= ui->u * 2;
    if (!s->takeaway_ready)
        return; /* built right after this pass; drawn on the next */
    /* sheet | tabs and hints | the code, in a slot as large as the
     * height allows (the codes are fitted to it, so every tab's code
     * takes the same room and the tabs stay put). One above the other
     * instead when the sheet would not keep a readable width beside them. */
    int cw = ui->w * 45 / 100 < body.h ? ui->w * 45 / 100 : body.h, parts;
    int tw = ui_width(ui, str(S_SCAN_HINT), ui->body, WEIGHT_BOLD) / 2 + ui->u * 6;
    tw = tw > ui->u * 30 ? tw : ui->u * 30;
    int cx = ui->w - p - cw, tx = cx - gap - tw;
    if (ui->landscape && tx - gap - p >= ui->body * 14) {
        want_slot(vw, cw);
        int scale = code_scale(shown(vw, k, &parts), cw);
        int side = code_side(vw, k, scale);
        if (side == 0)
            side = ui->u * 40;
        sheet(vw, (Rect){p, body.y, tx - gap - p, body.h});
        /* the print status at the foot of the middle column, under the
         * tabs and beside the code, whatever the column scrolls to */
        int sh = status_height(vw, tw);
        chrome_scroll(vw, "takeaway-middle", (Rect){tx, body.y, tw + ui->u * 2, body.h - sh}, tx,
                      tw, middle);
        printing_panel(vw, tx, body.y + body.h - sh + ui->u * 2, tw);
        int cy = body.y + (body.h - side) / 2 > body.y ? body.y + (body.h - side) / 2 : body.y;
        code(vw, k, cx + (cw - side) / 2, cy, scale);
    } else {
        int w = ui->w - 2 * p, sh = status_height(vw, w);
        ui_measure_begin(ui);
        int need = stack(vw, p, body.y, w, body.h) + ui->u * 2 * 8;
        ui_measure_end(ui);
        if (need + sh <= body.h) { /* the print status, then the sheet in the room that is left */
            int y = body.y + stack(vw, p, body.y, w, body.h);
            y += printing_panel(vw, p, y, w);
            sheet(vw, (Rect){p, y, w, body.y + body.h - y});
        } else { /* too short for the sheet too: the codes scroll (it has a code of its own),
                    the print status pinned under them */
            stack_room = body.h;
            chrome_scroll(vw, "takeaway-stack", (Rect){body.x, body.y, body.w, body.h - sh}, p, w,
                          stack_lay);
            printing_panel(vw, p, body.y + body.h - sh + ui->u * 2, w);
        }
    }
    if (act == BAR_BACK)
        view_post(vw, INTENT_GO, SCREEN_QUESTIONS);
    else if (act == BAR_NEXT)
        view_post(vw, INTENT_FINISH_ASK, 0);
    else if (act == BAR_SKIP)
        view_post(vw, INTENT_PRINT, 0);
}
