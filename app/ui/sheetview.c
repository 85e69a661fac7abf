/* sheetview: the prep sheet's one layout, drawn on the Take-away screen
 * and on printed pages and receipts. */
#include "sheetview.h"

#include <stdio.h>

/* A small square box, ticked when on. */
static void checkbox(Ui *ui, int x, int y, int size, bool on)
{
    if (!ui->d)
        return;
    if (on) {
        draw_round(ui->d, (Rect){x, y, size, size}, size / 5, ui->th.primary);
        int t = size / 7 + 1;
        /* a tick drawn as two strokes of small squares */
        for (int i = 0; i < size / 3; i++)
            draw_rect(ui->d, (Rect){x + size / 5 + i, y + size / 2 + i - t / 2, t, t},
                      ui->th.on_primary);
        for (int i = 0; i < size / 2; i++)
            draw_rect(ui->d,
                      (Rect){x + size / 5 + size / 3 + i, y + size / 2 + size / 3 - i - t, t, t},
                      ui->th.on_primary);
    } else
        draw_round_outline(ui->d, (Rect){x, y, size, size}, size / 5, 3, ui->th.muted);
}

/* One line of the sheet; returns its height. */
static int sheet_line(Ui *ui, Rect r, const SheetLine *l, int n)
{
    int lh = draw_line_height(ui->measure, ui->small), indent = ui->u * 4;
    int lead_w = ui_width(ui, "00.", ui->small, WEIGHT_BOLD) + ui->u; /* room for "12." */
    if (indent < lead_w)
        indent = lead_w;
    char lead[96];
    Rect box = {r.x + indent, r.y, r.w - indent, 0};
    switch (l->kind) {
    case LINE_KEYVAL: {
        snprintf(lead, sizeof lead, "%s:", l->aux);
        int kw = ui_text(ui, r.x, r.y, lead, ui->small, WEIGHT_BOLD, ui->th.text, 0) + ui->u;
        return ui_wrap(ui, (Rect){r.x + kw, r.y, r.w - kw, 0}, l->text, ui->small, WEIGHT_REGULAR,
                       ui->th.text);
    }
    case LINE_CHECK:
        checkbox(ui, r.x, r.y + lh / 6, lh * 2 / 3, false);
        return ui_wrap(ui, box, l->text, ui->small, WEIGHT_REGULAR, ui->th.text);
    case LINE_BULLET:
        ui_text(ui, r.x + ui->u, r.y, "\xe2\x80\xa2", ui->small, WEIGHT_BOLD, ui->th.primary, 0);
        return ui_wrap(ui, box, l->text, ui->small, WEIGHT_REGULAR, ui->th.text);
    case LINE_QUESTION: {
        snprintf(lead, sizeof lead, "%d.", n);
        ui_text(ui, r.x, r.y, lead, ui->small, WEIGHT_BOLD, ui->th.primary, 0);
        char q[400];
        snprintf(q, sizeof q, "%s (%d min)", l->text, l->minutes);
        return ui_wrap(ui, box, q, ui->small, WEIGHT_REGULAR, ui->th.text);
    }
    case LINE_DATED: {
        int kw = ui_text(ui, r.x, r.y, l->aux, ui->small, WEIGHT_BOLD, ui->th.text, 0);
        int h = lh;
        if (kw > r.w / 3) /* a long "when" goes on its own line */
            return h + ui_wrap(ui, (Rect){r.x + indent, r.y + h, r.w - indent, 0}, l->text,
                               ui->small, WEIGHT_REGULAR, ui->th.text);
        return ui_wrap(ui, (Rect){r.x + kw + ui->u * 2, r.y, r.w - kw - ui->u * 2, 0}, l->text,
                       ui->small, WEIGHT_REGULAR, ui->th.text);
    }
    default:
        return ui_wrap(ui, r, l->text, ui->small, WEIGHT_REGULAR, ui->th.text) + lh / 3;
    }
}

/* Notes a place a page may break at. */
static void can_break(SheetBreaks *br, int y)
{
    if (br && br->n < SHEET_BREAKS)
        br->y[br->n++] = y;
}

int sheetview_draw(Ui *ui, Rect r, const Sheet *s, SheetBreaks *br)
{
    int y = r.y;
    if (br)
        br->n = 0;
    y += ui_wrap(ui, (Rect){r.x, y, r.w, 0}, s->title, ui->body, WEIGHT_BOLD, ui->th.text);
    y += ui_wrap(ui, (Rect){r.x, y, r.w, 0}, s->subtitle, ui->small, WEIGHT_REGULAR, ui->th.muted);
    for (size_t i = 0; i < s->nsections; i++) {
        const SheetSection *sec = &s->section[i];
        can_break(br, y);
        y += ui->u * 2;
        y += ui_wrap(ui, (Rect){r.x, y, r.w, 0}, sec->title, ui->body, WEIGHT_BOLD, ui->th.primary);
        y += ui->u / 2;
        for (size_t k = 0; k < sec->count; k++) {
            y += sheet_line(ui, (Rect){r.x, y, r.w, 0}, &s->line[sec->first + k], (int)k + 1) +
                 ui->u / 2;
            if (k > 0 || sec->count == 1) /* a title keeps its first line */
                can_break(br, y);
        }
    }
    return y - r.y;
}
