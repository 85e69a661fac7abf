/* paper: see paper.h. */
#include "print/paper.h"

#include "page.h"
#include "ui/sheetview.h"
#include "ui/strings.h"
#include "ui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a page shows of a visit. */
typedef struct {
    const Sheet *sheet;
    const Takeaway *take;
    const Office *office; /* its name and logo head the page, its contact closes it */
    Date today;
} PaperInput;

/* Sizes in dots for one kind of paper. */
typedef struct {
    PaperSpec spec;
    int margin, top;
    int u, small, body, title;
    int columns;         /* codes side by side */
    int max_scale;       /* dots per module at most (about 0.6-0.75 mm) */
    int min_scale;       /* and at least (about 0.4-0.5 mm) */
    bool header, footer; /* on every page */
    bool keep_codes;     /* the codes stay together on one page (they fit one) */
} Layout;

static Layout layout_for(Paper p)
{
    Layout l = {.spec = paper_spec(p)};
    if (l.spec.roll) {
        /* 203 dpi: 8 dots a mm; type a little larger than a till receipt's */
        l.margin = 8;
        l.top = 16;
        l.u = 6;
        l.small = 24;
        l.body = 28;
        l.title = 36;
        l.columns = 1;
        l.max_scale = 6;
        l.min_scale = 3;
    } else {
        /* 300 dpi: half-inch margins, 10 pt lines, 11 pt headings */
        l.margin = 150;
        l.top = 150;
        l.u = 12;
        l.small = 42;
        l.body = 46;
        l.title = 66;
        l.columns = 2;
        l.max_scale = 5; /* 0.42 mm modules: four codes fit on a page */
        l.min_scale = 4;
        l.header = l.footer = true;
    }
    return l;
}

/* Black on white: greys survive a laser printer, colours a receipt's
 * threshold would lose. */
static Theme paper_theme(void)
{
    Theme t;
    memset(&t, 0, sizeof t);
    t.bg = t.surface = t.on_primary = t.chip = ui_rgb(0xFFFFFF);
    t.text = t.primary = t.chip_text = t.warn_text = t.ok_text = ui_rgb(0x000000);
    t.muted = ui_rgb(0x333333);
    t.border = t.sunken = ui_rgb(0x999999);
    t.accent = t.focus = ui_rgb(0x000000);
    t.warn_bg = ui_rgb(0xFFFFFF);
    t.overlay = ui_alpha(ui_rgb(0x000000), 0);
    return t;
}

/* Starts a pass of ui on draw d over a w x h page with l's sizes. */
static void ui_paper(Ui *ui, Draw *d, int w, int h, const Layout *l)
{
    ui_begin(ui, d, d, w, h, 0);
    ui->u = l->u;
    ui->small = l->small;
    ui->body = l->body;
    ui->title = l->title;
    ui->huge = l->title;
    ui->th = paper_theme();
}

/* The codes a printout carries: all five on pages, the sheet and the
 * message on a receipt (paper rolls are short on room). */
static int codes_wanted(const PaperInput *in, const Layout *l, TakeKind *kinds)
{
    int n = 0;
    for (int k = 0; k < TAKE_COUNT && in->take; k++)
        if (in->take->ok[k] && (l->columns > 1 || k == TAKE_SHEET || k == TAKE_MESSAGE))
            kinds[n++] = (TakeKind)k;
    return n;
}

static const StrId about_code[TAKE_COUNT] = {S_QR_SHEET_ABOUT, S_QR_EMAIL_ABOUT, S_QR_CONTACT_ABOUT,
                                             S_QR_REMINDERS_ABOUT, S_QR_THANKS_ABOUT};

/* What a code on paper does on a phone: the message code by the
 * request's channel, the thank-you's by how the mentor is reached. */
static const char *code_about(const Takeaway *t, TakeKind k)
{
    static const StrId by_channel[CHANNEL_COUNT] = {
        [CHANNEL_EMAIL] = S_QR_EMAIL_ABOUT,       [CHANNEL_LINKEDIN] = S_QR_LINKEDIN_ABOUT,
        [CHANNEL_PHONE] = S_QR_PHONE_ABOUT,       [CHANNEL_VIDEO] = S_QR_VIDEO_ABOUT,
        [CHANNEL_OFFICE] = S_QR_OFFICE_ABOUT,     [CHANNEL_THANKS] = S_QR_THANKS_ABOUT};
    if (k == TAKE_MESSAGE && t->channel < CHANNEL_COUNT)
        return str(by_channel[t->channel]);
    if (k == TAKE_THANKS && t->via == VIA_LINKEDIN)
        return str(S_QR_THANKS_LINKEDIN_ABOUT);
    return str(about_code[k]);
}

/* The block of codes, from y: a heading, then rows of labelled codes.
 * Draws when ui->d is set; returns the height; notes breaks between rows. */
static int codes_block(Ui *ui, const PaperInput *in, const Layout *l, int x, int y, int w,
                       SheetBreaks *br)
{
    TakeKind kinds[TAKE_COUNT];
    int n = codes_wanted(in, l, kinds), y0 = y, gap = ui->u * 4;
    if (n == 0)
        return 0;
    int cols = l->columns, colw = (w - gap * (cols - 1)) / cols;
    y += ui->u * 4;
    y += ui_wrap(ui, (Rect){x, y, w, 0}, str(S_PAPER_CODES_TITLE), ui->body, WEIGHT_BOLD,
                 ui->th.text) +
         ui->u * 2;
    for (int i = 0; i < n; i += cols) {
        int row_h = 0;
        for (int c = 0; c < cols && i + c < n; c++) {
            const QrCode *q = &in->take->code[kinds[i + c]];
            int modules = q->width + 8, scale = colw / modules;
            if (scale > l->max_scale)
                scale = l->max_scale;
            if (scale < l->min_scale)
                scale = l->min_scale;
            int cx = x + c * (colw + gap), cy = y;
            cy += ui_wrap(ui, (Rect){cx, cy, colw, 0}, takeaway_label(kinds[i + c]), ui->body,
                          WEIGHT_BOLD, ui->th.text);
            cy += ui_wrap(ui, (Rect){cx, cy, colw, 0}, code_about(in->take, kinds[i + c]), ui->small,
                          WEIGHT_REGULAR, ui->th.muted);
            int side = modules * scale;
            /* centred on a roll, at the column's left on a page (the
             * quiet zone is part of the side) */
            int qx = cols == 1 ? cx + (colw - side) / 2 : cx - 4 * scale;
            if (qx < 0)
                qx = 0;
            if (ui->d && !ui->measuring)
                draw_qr(ui->d, q->module, q->width, qx, cy, scale);
            cy += side;
            if (cy - y > row_h)
                row_h = cy - y;
        }
        y += row_h + ui->u * 2;
        if (br && br->n < SHEET_BREAKS && !l->keep_codes)
            br->y[br->n++] = y;
    }
    return y - y0;
}

/* Everything in the flowing column, from y; returns the height. Breaks
 * go to br (sheet, then the code rows). */
static int column(Ui *ui, const PaperInput *in, const Layout *l, int x, int y, int w,
                  SheetBreaks *br)
{
    SheetBreaks codes = {0};
    int h = sheetview_draw(ui, (Rect){x, y, w, 0}, in->sheet, br);
    if (br && br->n < SHEET_BREAKS)
        br->y[br->n++] = y + h; /* the codes may start a page */
    h += codes_block(ui, in, l, x, y + h, w, br ? &codes : NULL);
    for (int i = 0; br && i < codes.n && br->n < SHEET_BREAKS; i++)
        br->y[br->n++] = codes.y[i];
    return h;
}

/* The page header: the office's name and "Prep sheet" over a rule;
 * returns its height. */
static int header(Ui *ui, const PaperInput *in, const Layout *l, int w)
{
    int y = l->top, x = l->margin, cw = w - 2 * l->margin;
    const char *office = *in->office->name ? in->office->name : str(S_PAPER_HEADER);
    int right = ui_width(ui, str(S_PAPER_HEADER), ui->small, WEIGHT_REGULAR);
    int logo_h = draw_line_height(ui->measure, ui->body) * 2;
    int lw = ui_image(ui, in->office->logo, (Rect){x, y, cw / 4, logo_h});
    int nx = x + (lw ? lw + ui->u * 3 : 0);
    int lh = ui_wrap(ui, (Rect){nx, y + (lw ? logo_h / 4 : 0), x + cw - right - ui->u * 4 - nx, 0},
                     office, ui->body, WEIGHT_BOLD, ui->th.text);
    if (lw && lh < logo_h)
        lh = logo_h;
    if (*in->office->name)
        ui_text(ui, x + cw - right, y + (lw ? logo_h / 4 : 0), str(S_PAPER_HEADER), ui->small,
                WEIGHT_REGULAR, ui->th.muted, 0);
    y += lh + ui->u;
    if (ui->d)
        draw_rect(ui->d, (Rect){x, y, cw, l->spec.roll ? 2 : 4}, ui->th.text);
    return y + ui->u * 3 - l->top;
}

/* The footer lines; returns their height. Draws with its top at y. */
static int footer(Ui *ui, const PaperInput *in, const Layout *l, int w, int y, int page, int pages)
{
    char when[64], made[200], pg[40], ask[OFFICE_TEXT_MAX * 2 + 64];
    int x = l->margin, cw = w - 2 * l->margin, y0 = y;
    date_human(in->today, when, sizeof when);
    snprintf(made, sizeof made, str(S_PAPER_MADE), when);
    snprintf(pg, sizeof pg, str(S_PAPER_PAGE), page, pages);
    if (ui->d)
        draw_rect(ui->d, (Rect){x, y, cw, 2}, ui->th.border);
    y += ui->u * 2;
    if (*in->office->contact) {
        snprintf(ask, sizeof ask, str(S_PAPER_CONTACT), in->office->name, in->office->contact);
        y += ui_wrap(ui, (Rect){x, y, cw, 0}, ask, ui->small, WEIGHT_REGULAR, ui->th.text);
    }
    int pw = pages > 1 ? ui_width(ui, pg, ui->small, WEIGHT_REGULAR) : 0;
    int mh = ui_wrap(ui, (Rect){x, y, cw - pw - ui->u * 4, 0}, made, ui->small, WEIGHT_REGULAR,
                     ui->th.muted);
    if (pages > 1)
        ui_text(ui, x + cw - pw, y, pg, ui->small, WEIGHT_REGULAR, ui->th.muted, 0);
    return y + mh - y0;
}

/* Page starts in the column: greedy, at the last break that fits. */
static int paginate(const SheetBreaks *br, int total, int room, int *start, int max)
{
    int n = 0, at = 0;
    while (n < max) {
        start[n++] = at;
        if (total - at <= room)
            break;
        int cut = at + room; /* no break fits: cut at the bottom */
        for (int i = 0; i < br->n; i++)
            if (br->y[i] > at && br->y[i] <= at + room)
                cut = br->y[i];
        at = cut;
    }
    return n;
}

/* Draws one page (h dots tall) showing the column from `from` to `to`,
 * with the header above and the footer (foot dots) at the bottom margin,
 * or right under the column on a roll. */
static bool render_page(Ui *ui, const PaperInput *in, const Layout *l, int h, int from, int to,
                        int foot, int page, int pages, PageImage *out, char *err, size_t cap)
{
    int w = l->spec.w, cw = w - 2 * l->margin;
    Canvas *c = canvas_open(w, h, err, cap);
    if (!c)
        return false;
    Draw *d = canvas_draw(c);
    ui_paper(ui, d, w, h, l);
    int top = l->top + header(ui, in, l, w);
    Rect body = {0, top, w, to - from};
    draw_clip(d, &body);
    column(ui, in, l, l->margin, top - from, cw, NULL);
    draw_clip(d, NULL);
    footer(ui, in, l, w, l->spec.roll ? top + (to - from) + l->u * 4 : h - l->top - foot, page,
           pages);
    return canvas_finish(c, out, err, cap);
}

/* Where pages start in the column for layout l: measured with ui on
 * the measuring canvas m; returns the page count, total in *total. The
 * codes are kept together (a page never starts in their midst, leaving
 * some alone on the last page away from their heading) when they fit a
 * page. */
static int plan(Ui *ui, Draw *m, const PaperInput *in, Layout *l, int room, SheetBreaks *br,
                int *start, int *total)
{
    int w = l->spec.w;
    ui_paper(ui, m, w, l->spec.h ? l->spec.h : w, l);
    ui_measure_begin(ui);
    l->keep_codes = false;
    l->keep_codes = codes_block(ui, in, l, l->margin, 0, w - 2 * l->margin, NULL) <= room;
    memset(br, 0, sizeof *br);
    *total = column(ui, in, l, l->margin, 0, w - 2 * l->margin, br);
    ui_measure_end(ui);
    return paginate(br, *total, room, start, PRINTOUT_PAGES);
}

bool paper_render(const Visit *v, Paper paper, Printout *out, char *err, size_t cap)
{
    PaperInput pin = {&v->sheet, &v->takeaway, v->office, v->today};
    const PaperInput *in = &pin;
    Layout l = layout_for(paper);
    Ui *ui = calloc(1, sizeof *ui);
    SheetBreaks *br = calloc(1, sizeof *br);
    memset(out, 0, sizeof *out);
    out->paper = paper;
    bool ok = false;
    /* measure on a small canvas: the same fonts, no big page yet */
    Canvas *m = ui && br ? canvas_open(8, 8, err, cap) : NULL;
    if (!m) {
        if (!ui || !br)
            snprintf(err, cap, "out of memory");
        goto done;
    }
    int w = l.spec.w, total, start[PRINTOUT_PAGES + 1];
    ui_paper(ui, canvas_draw(m), w, l.spec.h ? l.spec.h : w, &l);
    ui_measure_begin(ui);
    int head = header(ui, in, &l, w);
    int foot = footer(ui, in, &l, w, 0, 9, 9);
    ui_measure_end(ui);
    /* a roll is one page as long as the column */
    int room = l.spec.roll ? 1 << 30 : l.spec.h - 2 * l.top - head - foot - l.u * 4;
    int pages = plan(ui, canvas_draw(m), in, &l, room, br, start, &total);
    /* when that saves a sheet of paper: codes a step smaller (still over
     * 0.3 mm a module), then three to a row (two rows of codes, not
     * three), then both */
    for (int t = 1; t < 4 && pages > 1 && !l.spec.roll; t++) {
        Layout other = layout_for(paper);
        if (t & 1)
            other.max_scale = other.min_scale;
        if (t & 2)
            other.columns = 3;
        int start2[PRINTOUT_PAGES + 1], total2;
        int pages2 = plan(ui, canvas_draw(m), in, &other, room, br, start2, &total2);
        if (pages2 < pages) {
            l = other;
            pages = pages2;
            total = total2;
            memcpy(start, start2, sizeof start2);
        }
    }
    canvas_close(m);
    start[pages] = total;
    int h = l.spec.roll ? l.top + head + total + l.u * 4 + foot + l.top : l.spec.h;
    for (int p = 0; p < pages; p++) {
        if (!render_page(ui, in, &l, h, start[p], start[p + 1], foot, p + 1, pages, &out->page[p],
                         err, cap)) {
            printout_free(out);
            goto done;
        }
        out->n++;
    }
    ok = true;
done:
    free(br);
    if (ui) /* what it recorded is the visitor's sheet */
        explicit_bzero(ui, sizeof *ui);
    free(ui);
    return ok;
}

bool paper_save_png(const Printout *out, const char *path, char *err, size_t cap)
{
    for (int p = 0; p < out->n; p++) {
        char name[1024];
        const char *dot = strrchr(path, '.');
        size_t stem = dot && !strchr(dot, '/') ? (size_t)(dot - path) : strlen(path);
        if (p == 0)
            snprintf(name, sizeof name, "%s", path);
        else
            snprintf(name, sizeof name, "%.*s-%d%s", (int)stem, path, p + 1,
                     dot && !strchr(dot, '/') ? dot : ".png");
        if (!page_png(&out->page[p], name, err, cap))
            return false;
    }
    return true;
}

const char *paper_trouble(const PrintResult *r)
{
    if (r->sent) {
        switch (r->outcome) {
        case JOB_DONE:
            return "";
        case JOB_TIMEOUT:
            return str(S_PRINTER_TIMEOUT);
        case JOB_CANCELED:
            return str(S_PRINTER_CANCELED);
        default:
            return str(S_PRINT_FAILED);
        }
    }
    switch (r->state) {
    case PRINTER_READY:
    case PRINTER_UNKNOWN:
        return r->phase == PHASE_FAILED ? str(S_PRINT_FAILED) : "";
    case PRINTER_STOPPED:
    case PRINTER_NOT_ACCEPTING:
        return str(S_PRINTER_STOPPED);
    case PRINTER_OFFLINE:
        return str(S_PRINTER_OFFLINE);
    case PRINTER_NO_PAPER:
        return str(S_PRINTER_NO_PAPER);
    case PRINTER_JAMMED:
        return str(S_PRINTER_JAMMED);
    case PRINTER_NO_TONER:
        return str(S_PRINTER_NO_TONER);
    case PRINTER_COVER_OPEN:
        return str(S_PRINTER_COVER_OPEN);
    default:
        return str(S_PRINTER_MISSING);
    }
}
