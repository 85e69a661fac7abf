/* chrome: bars, progress, overlays and shared drawing for the screens. */
#include "kiosk/screens/chrome.h"

#include "core/date.h"
#include "core/strbuf.h"

#include "core/text.h"

#include <string.h>

static char fmt_buf[4][512];
static int fmt_turn;

const char *fmt_int(StrId id, int v)
{
    char *b = fmt_buf[fmt_turn++ % 4];
    snprintf(b, 512, str(id), v);
    return b;
}

const char *fmt_int2(StrId id, int v, int w)
{
    char *b = fmt_buf[fmt_turn++ % 4];
    snprintf(b, 512, str(id), v, w);
    return b;
}

const char *fmt_str(StrId id, const char *v)
{
    char *b = fmt_buf[fmt_turn++ % 4];
    snprintf(b, 512, str(id), v);
    return b;
}

void checked_text(const char *last_verified, char *out, size_t cap)
{
    Date d;
    char month[32] = "";
    out[0] = '\0';
    if (!date_parse(last_verified, &d))
        return;
    const char *p = str(S_MONTHS);
    for (int i = 1; i < d.m && p; i++) {
        p = strchr(p, ',');
        p = p ? p + 1 : NULL;
    }
    if (!p)
        return;
    snprintf(month, sizeof month, "%.*s %d", (int)strcspn(p, ","), p, d.y);
    snprintf(out, cap, str(S_DETAILS_CHECKED), month);
}

int pad(const Ui *ui)
{
    return ui->u * 3;
}

/* The two toggles' widths and height. */
static int toggles_size(Ui *ui, int *wbig, int *whc)
{
    *wbig = ui_width(ui, str(S_LARGER_TEXT), ui->body, WEIGHT_BOLD) + ui->u * 5;
    *whc = ui_width(ui, str(S_HIGH_CONTRAST), ui->body, WEIGHT_BOLD) + ui->u * 5;
    return ui_touch(ui, ui->u * 7);
}

int chrome_toggles(View *vw, int right, int y, int h)
{
    Ui *ui = vw->ui;
    const char *big = str(S_LARGER_TEXT), *hc = str(S_HIGH_CONTRAST);
    int wbig, whc, th = toggles_size(ui, &wbig, &whc);
    h = h > th ? h : th;
    Rect rhc = {right - whc, y, whc, h}, rbig = {rhc.x - ui->u - wbig, y, wbig, h};
    if (ui_button(ui, rbig, big, ui->large_text ? BTN_CHIP_ON : BTN_CHIP))
        ui->large_text = !ui->large_text;
    if (ui_button(ui, rhc, hc, ui->high_contrast ? BTN_CHIP_ON : BTN_CHIP))
        ui->high_contrast = !ui->high_contrast;
    return rbig.x;
}

int chrome_header(View *vw, int y, int name_px, int school_px)
{
    Ui *ui = vw->ui;
    int p = pad(ui), gap = ui->u * 2;
    int ln = draw_line_height(ui->measure, name_px), ls = draw_line_height(ui->measure, school_px);
    int wbig, whc, th = toggles_size(ui, &wbig, &whc), tw = wbig + ui->u + whc;
    /* the office's logo, as tall as its name and school together */
    int block = ln + ls;
    ui_measure_begin(ui);
    int lw = ui_image(ui, vw->office->logo, (Rect){p, y, ui->w / 5, block});
    ui_measure_end(ui);
    int nx = p + (lw ? lw + gap : 0);
    int need = ui_width(ui, vw->office->name, name_px, WEIGHT_BOLD);
    int sw = ui_width(ui, vw->office->school, school_px, WEIGHT_REGULAR);
    need = need > sw ? need : sw;
    /* the toggles beside the name when both fit, else on a row below */
    bool beside = nx + need + gap * 2 + tw <= ui->w - p;
    int row = block > th ? block : th;
    int by = beside ? y + (row - block) / 2 : y;
    ui_image(ui, vw->office->logo, (Rect){p, by, ui->w / 5, block});
    int nw = (beside ? ui->w - p - tw - gap * 2 : ui->w - p) - nx;
    ui_text(ui, nx, by, vw->office->name, name_px, WEIGHT_BOLD, ui->th.primary, nw);
    ui_text(ui, nx, by + ln, vw->office->school, school_px, WEIGHT_REGULAR, ui->th.muted, nw);
    int ty = beside ? y + (row - th) / 2 : y + block + ui->u;
    chrome_toggles(vw, ui->w - p, ty, th);
    return beside ? row : block + ui->u + th;
}

static void progress(View *vw, Rect r, int step)
{
    Ui *ui = vw->ui;
    static const StrId steps[5] = {S_STEP_ABOUT, S_STEP_FIND, S_STEP_MESSAGE, S_STEP_QUESTIONS,
                                   S_STEP_TAKEAWAY};
    /* the screen each step opens: any the visitor has reached is a tap
     * away, with everything chosen there kept */
    static const ScreenId opens[5] = {SCREEN_ABOUT, SCREEN_SEARCH, SCREEN_MESSAGE, SCREEN_QUESTIONS,
                                      SCREEN_TAKEAWAY};
    int n = 5, each = r.w / n, dot = ui->u * 4;
    for (int i = 0; i < n; i++) {
        int cx = r.x + each * i + each / 2, cy = r.y;
        bool done = i < step, now = i == step;
        bool back = opens[i] <= vw->reached && opens[i] != vw->step;
        if (back) {
            Rect hit = {cx - each / 2, cy, each, ui_touch(ui, r.h)};
            ui_record_tap(ui, str(steps[i]), hit);
            if (ui_tapped(ui, hit))
                view_post(vw, INTENT_GO, opens[i]);
        }
        if (!ui->d)
            continue;
        Color c = done || now ? ui->th.primary : ui->th.sunken;
        if (i > 0) /* the line from the previous step */
            draw_rect(
                ui->d,
                (Rect){cx - each + dot / 2 + ui->u, cy + dot / 2 - 2, each - dot - 2 * ui->u, 4},
                i <= step ? ui->th.primary : ui->th.border);
        draw_round(ui->d, (Rect){cx - dot / 2, cy, dot, dot}, dot / 2, c);
        if (!done && !now)
            draw_round_outline(ui->d, (Rect){cx - dot / 2, cy, dot, dot}, dot / 2, 2,
                               ui->th.border);
        char num[12];
        snprintf(num, sizeof num, "%d", i + 1);
        int nw = ui_width(ui, num, ui->small, WEIGHT_BOLD);
        draw_text(ui->d, num, cx - nw / 2, cy + (dot - draw_line_height(ui->d, ui->small)) / 2,
                  ui->small, WEIGHT_BOLD, done || now ? ui->th.on_primary : ui->th.text);
        const char *label = str(steps[i]);
        int lw = ui_width(ui, label, ui->small, now ? WEIGHT_BOLD : WEIGHT_REGULAR);
        int ly = cy + dot + ui->u / 2;
        ui_text(ui, cx - lw / 2, ly, label, ui->small, now ? WEIGHT_BOLD : WEIGHT_REGULAR,
                now    ? ui->th.text
                : back ? ui->th.primary
                       : ui->th.muted,
                each);
        if (back) /* a link: underlined, in the office's colour */
            draw_rect(ui->d,
                      (Rect){cx - (lw < each ? lw : each) / 2,
                             ly + draw_line_height(ui->measure, ui->small), lw < each ? lw : each,
                             2},
                      ui->th.primary);
    }
}

Rect chrome_top(View *vw, int step)
{
    Ui *ui = vw->ui;
    int p = pad(ui), m = ui->u * 3 / 2;
    int prog = ui->u * 4 + ui->u / 2 + draw_line_height(ui->measure, ui->small);
    ui_measure_begin(ui);
    int h = chrome_header(vw, 0, ui->body, ui->small) + 2 * m;
    ui_measure_end(ui);
    ui_pane_begin(ui, "the top bar", (Rect){0, 0, ui->w, h});
    if (ui->d) {
        draw_rect(ui->d, (Rect){0, 0, ui->w, h}, ui->th.surface);
        draw_rect(ui->d, (Rect){0, h - 2, ui->w, 2}, ui->th.border);
    }
    chrome_header(vw, m, ui->body, ui->small);
    ui_pane_end(ui);
    /* the band under the top bar holds the progress steps, or, while a
     * staff stick waits, the banner for staff in their place: the same
     * room either way, so a stick never moves what the visitor sees */
    int band = ui->u * 2 + prog + ui->u * 3;
    if (vw->staff->stick_waiting) { /* staff plugged a stick in: they open it when ready */
        Rect banner = {0, h, ui->w, band - ui->u};
        if (ui->d) { /* edged, so it shows where warn_bg is the background's colour */
            draw_rect(ui->d, banner, ui->th.warn_bg);
            draw_rect(ui->d, (Rect){0, banner.y + banner.h - 2, ui->w, 2}, ui->th.warn_text);
        }
        int bw = ui_width(ui, str(S_STICK_BANNER), ui->small, WEIGHT_BOLD);
        ui_text(ui, (ui->w - bw) / 2, h + (banner.h - draw_line_height(ui->measure, ui->small)) / 2,
                str(S_STICK_BANNER), ui->small, WEIGHT_BOLD, ui->th.warn_text, ui->w - 2 * p);
        ui_record_tap(ui, str(S_STICK_BANNER), banner);
        if (ui_tapped(ui, banner))
            view_post(vw, INTENT_STAFF_BEGIN, 1);
    } else {
        int pw = ui->w < ui->u * 140 ? ui->w : ui->u * 140;
        progress(vw, (Rect){(ui->w - pw) / 2, h + ui->u * 2, pw, prog}, step);
    }
    int top = h + band;
    return (Rect){0, top, ui->w, ui->h - top};
}

Rect chrome_top_above(View *vw, int step, int bottom, int need)
{
    Ui *ui = vw->ui;
    ui_measure_begin(ui);
    Rect body = chrome_top(vw, step);
    ui_measure_end(ui);
    if (bottom - body.y >= need)
        return chrome_top(vw, step);
    return (Rect){0, pad(ui), ui->w, bottom - pad(ui)};
}

BarAction chrome_bottom(View *vw, Rect *body, const char *next, ButtonStyle next_style,
                        const char *skip)
{
    return chrome_bottom2(vw, body, next, next_style, skip, BTN_GHOST);
}

BarAction chrome_bottom2(View *vw, Rect *body, const char *next, ButtonStyle next_style,
                         const char *skip, ButtonStyle skip_style)
{
    Ui *ui = vw->ui;
    int p = pad(ui), bh = ui_touch(ui, ui->u * 8), gap = ui->u * 2, m = ui->u * 2;
    /* Back and Start over on the left, the extra button and Next on the
     * right: one row when all fit, else the right pair on a row below */
    const char *label[4] = {str(S_BACK), str(S_START_OVER), skip, next};
    int w[4] = {ui_width(ui, label[0], ui->body, WEIGHT_BOLD) + ui->u * 8,
                ui_width(ui, label[1], ui->body, WEIGHT_BOLD) + ui->u * 6,
                skip ? ui_width(ui, skip, ui->body, WEIGHT_BOLD) + ui->u * 6 : 0,
                next ? ui_width(ui, next, ui->body, WEIGHT_BOLD) + ui->u * 10 : 0};
    if (next && w[3] < ui->u * 30)
        w[3] = ui->u * 30;
    int room = ui->w - 2 * p, left = w[0] + gap + w[1];
    int right = w[2] + w[3] + (skip && next ? gap : 0);
    bool one = left + (right ? gap * 2 + right : 0) <= room;
    for (int i = 0; i < 4; i++)
        w[i] = w[i] < room ? w[i] : room;
    int h = (one || !right ? bh : 2 * bh + gap) + 2 * m;
    Rect bar = {0, ui->h - h, ui->w, h};
    BarAction act = BAR_NONE;
    body->h = bar.y - body->y;
    ui_pane_begin(ui, "the bottom bar", bar);
    if (ui->d) {
        draw_rect(ui->d, bar, ui->th.surface);
        draw_rect(ui->d, (Rect){0, bar.y, ui->w, 2}, ui->th.border);
    }
    int y = bar.y + m, ry = one ? y : y + bh + gap;
    if (ui_button(ui, (Rect){p, y, w[0], bh}, label[0], BTN_SECONDARY))
        act = BAR_BACK;
    if (ui_button(ui, (Rect){p + w[0] + gap, y, w[1], bh}, label[1], BTN_GHOST))
        vw->confirm_restart = true;
    int x = ui->w - p;
    if (next) {
        x -= w[3];
        if (ui_button(ui, (Rect){x, ry, w[3], bh}, next, next_style))
            act = BAR_NEXT;
        x -= gap;
    }
    if (skip && ui_button(ui, (Rect){x - w[2], ry, w[2], bh}, skip, skip_style))
        act = BAR_SKIP;
    ui_pane_end(ui);
    return act;
}

int chrome_scroll(View *vw, const char *id, Rect view, int x, int w, ChromeLay lay)
{
    Ui *ui = vw->ui;
    ui_measure_begin(ui);
    int content = lay(vw, x, 0, w);
    ui_measure_end(ui);
    int off = ui_scroll_begin(ui, ui_id(id), view, content);
    lay(vw, x, view.y - off, w);
    ui_scroll_end(ui);
    return content;
}

int chrome_title(View *vw, Rect body, const char *title, const char *sub)
{
    Ui *ui = vw->ui;
    int p = pad(ui), y = body.y;
    y += ui_wrap(ui, (Rect){body.x + p, y, body.w - 2 * p, 0}, title, ui->title, WEIGHT_BOLD,
                 ui->th.text);
    if (sub)
        y += ui_wrap(ui, (Rect){body.x + p, y, body.w - 2 * p, 0}, sub, ui->body, WEIGHT_REGULAR,
                     ui->th.muted);
    return y + ui->u * 2;
}

int chrome_caption(View *vw, int x, int y, const char *text)
{
    Ui *ui = vw->ui;
    ui_text(ui, x, y, text, ui->small, WEIGHT_BOLD, ui->th.muted, 0);
    return draw_line_height(ui->measure, ui->small) + ui->u;
}

int chrome_chips_multi(View *vw, int x, int y, int w, const char *const *labels, int n,
                       const bool *on, int *h)
{
    Ui *ui = vw->ui;
    int gap = ui->u * 3 / 2, hit = -1;
    enum { MAX = 64 };
    int cw[MAX] = {0}, chh[MAX] = {0};
    Rect r[MAX];
    n = n < MAX ? n : MAX;
    for (int i = 0; i < n; i++)
        ui_button_size(ui, labels[i], BTN_CHIP, w, &cw[i], &chh[i]);
    *h = ui_flow(cw, chh, n, x, y, w, gap, false, r);
    for (int i = 0; i < n; i++)
        if (ui_button(ui, r[i], labels[i], on[i] ? BTN_CHIP_ON : BTN_CHIP))
            hit = i;
    return hit;
}

int chrome_chips(View *vw, int x, int y, int w, const char *const *labels, int n, int on, int *h)
{
    bool flags[64] = {false};
    if (on >= 0 && on < 64)
        flags[on] = true;
    return chrome_chips_multi(vw, x, y, w, labels, n < 64 ? n : 64, flags, h);
}

/* A centred modal card with a title, a line and two buttons; returns 1
 * for the first button, 2 for the second, 0 otherwise. */
static int modal(View *vw, const char *title, const char *sub, const char *big, const char *b1,
                 ButtonStyle s1, const char *b2, ButtonStyle s2)
{
    Ui *ui = vw->ui;
    int w = ui->w * 6 / 10 > ui->u * 80 ? ui->w * 6 / 10 : ui->u * 80;
    if (w > ui->w - 2 * pad(ui))
        w = ui->w - 2 * pad(ui);
    int p = ui->u * 5, bh = ui_touch(ui, ui->u * 9), gap = ui->u * 3;
    /* two buttons side by side, each as tall as its label needs (two
     * lines when one would be cut), or one above the other when even so
     * a label does not fit */
    int bw = (w - 2 * p - gap) / 2, w1, h1, w2, h2;
    ui_button_size(ui, b1, s1, bw, &w1, &h1);
    ui_button_size(ui, b2, s2, bw, &w2, &h2);
    int lh = draw_line_height(ui->measure, ui->body);
    bool stack = h1 > 2 * lh + ui->u * 2 || h2 > 2 * lh + ui->u * 2 ||
                 ui_width(ui, b1, ui->body, WEIGHT_BOLD) > 2 * (bw - ui->u * 2) ||
                 ui_width(ui, b2, ui->body, WEIGHT_BOLD) > 2 * (bw - ui->u * 2);
    bh = h1 > bh ? h1 : bh;
    bh = h2 > bh ? h2 : bh;
    if (stack)
        bw = w - 2 * p;
    int buttons_h = stack ? 2 * bh + gap : bh;
    /* measure first, then draw */
    ui_measure_begin(ui);
    int th = ui_wrap(ui, (Rect){0, 0, w - 2 * p, 0}, title, ui->title, WEIGHT_BOLD, ui->th.text);
    int sh = ui_wrap(ui, (Rect){0, 0, w - 2 * p, 0}, sub, ui->body, WEIGHT_REGULAR, ui->th.text);
    /* the big line as big as fits the card */
    int big_px = ui->huge * 2;
    if (big && draw_text_width(ui->measure, big, big_px, WEIGHT_BOLD) > w - 2 * p)
        big_px = ui->huge;
    int bigh = big ? draw_line_height(ui->measure, big_px) : 0;
    ui_measure_end(ui);
    int h = p + th + ui->u * 2 + sh + bigh + ui->u * 4 + buttons_h + p;
    Rect card = {(ui->w - w) / 2, (ui->h - h) / 2, w, h};
    if (ui->d) {
        draw_rect(ui->d, (Rect){0, 0, ui->w, ui->h}, ui->th.overlay);
        draw_round(ui->d, card, ui->u * 3, ui->th.surface);
        if (ui->high_contrast)
            draw_round_outline(ui->d, card, ui->u * 3, 4, ui->th.border);
    }
    int y = card.y + p;
    ui_record(ui, title, (Rect){card.x + p, y, w - 2 * p, th});
    y += ui_wrap(ui, (Rect){card.x + p, y, w - 2 * p, 0}, title, ui->title, WEIGHT_BOLD,
                 ui->th.text) +
         ui->u * 2;
    y += ui_wrap(ui, (Rect){card.x + p, y, w - 2 * p, 0}, sub, ui->body, WEIGHT_REGULAR,
                 ui->th.text);
    if (big) {
        int gw = ui_width(ui, big, big_px, WEIGHT_BOLD);
        ui_text(ui, card.x + (w - gw) / 2, y, big, big_px, WEIGHT_BOLD, ui->th.primary, 0);
        y += bigh;
    }
    y += ui->u * 4;
    int r = 0;
    if (ui_button(ui, (Rect){card.x + p, y, bw, bh}, b1, s1))
        r = 1;
    Rect second =
        stack ? (Rect){card.x + p, y + bh + gap, bw, bh} : (Rect){card.x + w - p - bw, y, bw, bh};
    if (ui_button(ui, second, b2, s2))
        r = 2;
    return r;
}

/* Leaving About you with misspelt words: the fields as corrected, each
 * under its label, to use or to keep as typed. */
static void spelling_offer(View *vw)
{
    const Session *s = vw->s;
    char text[4 * VISITOR_TEXT_MAX + 400]; /* the visitor's words: zeroed below */
    StrBuf sb;
    strbuf_init(&sb, text, sizeof text);
    strbuf_add(&sb, str(S_SPELL_SUB));
    if (strcmp(s->spell_program, s->visitor.program) != 0)
        strbuf_addf(&sb, "\n\n%s\n%s", str(S_PROGRAM), s->spell_program);
    if (strcmp(s->spell_interest, s->visitor.interest) != 0)
        strbuf_addf(&sb, "\n\n%s\n%s", str(S_INTEREST), s->spell_interest);
    int r = modal(vw, str(S_SPELL_TITLE), text, NULL, str(S_SPELL_KEEP), BTN_SECONDARY,
                  str(S_SPELL_USE), BTN_PRIMARY);
    /* what is offered, for scripts and screen readers (wiped with the
     * toolkit's record at the end of the visit) */
    Rect all = {0, 0, vw->ui->w, vw->ui->h};
    if (strcmp(s->spell_program, s->visitor.program) != 0)
        ui_record(vw->ui, s->spell_program, all);
    if (strcmp(s->spell_interest, s->visitor.interest) != 0)
        ui_record(vw->ui, s->spell_interest, all);
    if (r)
        view_post(vw, INTENT_SPELL, r == 2);
    explicit_bzero(text, sizeof text);
}

void chrome_overlays(View *vw)
{
    if (vw->idle_warning) {
        /* the number with its unit: "4 seconds", "1 second" */
        const char *secs =
            vw->idle_left_s == 1 ? str(S_SECOND_1) : fmt_int(S_SECONDS_N, vw->idle_left_s);
        int r = modal(vw, str(S_STILL_THERE), str(S_STILL_THERE_SUB), secs, str(S_START_OVER),
                      BTN_SECONDARY, str(S_MORE_TIME), BTN_PRIMARY);
        if (r == 1)
            view_post(vw, INTENT_FINISH, 0);
        else if (r == 2)
            view_post(vw, INTENT_MORE_TIME, 0);
        return;
    }
    if (vw->confirm_finish) { /* Finish before the sheet was looked at */
        int r = modal(vw, str(S_FINISH_TITLE), str(S_FINISH_SUB), NULL, str(S_BACK_TO_SHEET),
                      BTN_SECONDARY, str(S_FINISH_ANYWAY), BTN_PRIMARY);
        if (r == 1)
            vw->confirm_finish = false;
        else if (r == 2)
            view_post(vw, INTENT_FINISH, 0);
        return;
    }
    if (vw->confirm_restart) {
        int r = modal(vw, str(S_RESTART_TITLE), str(S_RESTART_SUB), NULL, str(S_KEEP_GOING),
                      BTN_SECONDARY, str(S_START_OVER), BTN_PRIMARY);
        if (r == 1)
            vw->confirm_restart = false;
        else if (r == 2)
            view_post(vw, INTENT_FINISH, 0);
        return;
    }
    if (vw->s->spell_offer && vw->step == SCREEN_ABOUT)
        spelling_offer(vw);
}
