/* The contact: who they are, how to reach them, what they will talk
 * about. */
#include "kiosk/screens/chrome.h"
#include "kiosk/screens/screens_internal.h"

#include "core/english.h"
#include "core/text.h"

#include <string.h>

/* Chips that only show (topics); returns the height used. */
static int tags(View *vw, int x, int y, int w, const char *list)
{
    Ui *ui = vw->ui;
    int ch = ui->u * 6, gap = ui->u, cx = x, cy = y;
    char item[128];
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, ";");
        snprintf(item, sizeof item, "%.*s", (int)n, p);
        text_trim(item);
        p += n + (p[n] == ';');
        if (!*item)
            continue;
        int cw = ui_width(ui, item, ui->small, WEIGHT_REGULAR) + ui->u * 4;
        if (cw > w)
            cw = w;
        if (cx > x && cx + cw > x + w) {
            cx = x;
            cy += ch + gap;
        }
        if (ui->d) {
            draw_round(ui->d, (Rect){cx, cy, cw, ch}, ch / 2, ui->th.chip);
            ui_text(ui, cx + ui->u * 2, cy + (ch - draw_line_height(ui->d, ui->small)) / 2, item,
                    ui->small, WEIGHT_REGULAR, ui->th.chip_text, cw - ui->u * 4);
        }
        cx += cw + gap;
    }
    return cy + ch - y;
}

/* A caption and a value under it; returns the height used. */
static int fact(View *vw, int x, int y, int w, const char *caption, const char *value)
{
    Ui *ui = vw->ui;
    int h = chrome_caption(vw, x, y, caption);
    int vh = ui_wrap(ui, (Rect){x, y + h, w, 0}, value, ui->body, WEIGHT_REGULAR, ui->th.text);
    ui_record(ui, value, (Rect){x, y + h, w, vh}); /* for scripts and screen readers */
    return h + vh + ui->u * 2;
}

/* Lays out (and on drawing passes draws) the contact from y; returns
 * the y where it ends. */
static int detail_body(View *vw, int x, int y, int w)
{
    Ui *ui = vw->ui;
    const Mentor *m = &vw->s->mentor;
    char name[2 * MENTOR_NAME_MAX + MENTOR_TEXT_MAX + 8], buf[600];
    mentor_shown_name(m, name, sizeof name);
    y += ui_wrap(ui, (Rect){x, y, w, 0}, name, ui->huge, WEIGHT_BOLD, ui->th.text);
    snprintf(buf, sizeof buf, "%s, %s", m->title, m->organization);
    y += ui_wrap(ui, (Rect){x, y, w, 0}, buf, ui->title * 3 / 4, WEIGHT_REGULAR, ui->th.text);
    snprintf(buf, sizeof buf, "%s  \xc2\xb7  %s%s%s", m->field, fmt_int(S_CLASS_OF, m->grad_year),
             *m->major ? ", " : "", m->major);
    y += ui_wrap(ui, (Rect){x, y, w, 0}, buf, ui->body, WEIGHT_REGULAR, ui->th.muted);
    checked_text(m->last_verified, buf, sizeof buf);
    if (*buf)
        y += ui_wrap(ui, (Rect){x, y, w, 0}, buf, ui->small, WEIGHT_REGULAR, ui->th.muted);
    y += ui->u * 4;
    int lw = ui->landscape ? w * 38 / 100 : w, rx = ui->landscape ? x + lw + ui->u * 6 : x;
    int rw = ui->landscape ? w - lw - ui->u * 6 : w;
    /* left: how to reach them and practical facts */
    int ly = y;
    snprintf(buf, sizeof buf, "%s%s%s", mentor_via_label(m->via), *m->contact ? ": " : "",
             m->contact);
    ly += fact(vw, x, ly, lw, str(S_DETAIL_REACH), buf);
    ly += ui_wrap(ui, (Rect){x, ly - ui->u * 2, lw, 0}, str(S_DETAIL_REACH_NOTE), ui->small,
                  WEIGHT_REGULAR, ui->th.muted);
    ly += ui->u * 2;
    snprintf(buf, sizeof buf, "%s%s", m->location,
             m->remote && strcmp(m->location, "Remote") != 0 ? "  \xc2\xb7  meets remotely too"
                                                             : "");
    if (*m->location)
        ly += fact(vw, x, ly, lw, "Based in", buf);
    english_list(m->languages, buf, sizeof buf); /* "English and Japanese" */
    ly += fact(vw, x, ly, lw, str(S_DETAIL_LANGUAGES), buf);
    if (!m->accepting)
        ly += ui_wrap(ui, (Rect){x, ly, lw, 0}, str(S_NOT_TAKING), ui->body, WEIGHT_BOLD,
                      ui->th.warn_text);
    /* right: what they are happy to talk about */
    int ry = ui->landscape ? y : ly + ui->u * 2;
    if (*m->topics) {
        ry += chrome_caption(vw, rx, ry, str(S_DETAIL_TOPICS));
        ry += tags(vw, rx, ry, rw, m->topics) + ui->u * 4;
    }
    if (*m->bio)
        ry += ui_wrap(ui, (Rect){rx, ry, rw, 0}, m->bio, ui->body, WEIGHT_REGULAR, ui->th.text);
    return (ly > ry ? ly : ry) + ui->u * 4;
}

void screen_detail(View *vw)
{
    Ui *ui = vw->ui;
    const Mentor *m = &vw->s->mentor;
    Rect body = chrome_top(vw, 1);
    BarAction act = chrome_bottom(
        vw, &body, m->accepting ? fmt_str(S_CHOOSE, m->first_name) : str(S_NOT_TAKING),
        m->accepting ? BTN_PRIMARY : BTN_DISABLED, NULL);
    int p = pad(ui), x = p, w = ui->w - 2 * p;
    ui_measure_begin(ui); /* measure, then draw */
    int content = detail_body(vw, x, 0, w);
    ui_measure_end(ui);
    int off = ui_scroll_begin(ui, ui_id("detail"), body, content);
    detail_body(vw, x, body.y - off, w);
    ui_scroll_end(ui);
    if (act == BAR_BACK)
        view_post(vw, INTENT_GO, SCREEN_SEARCH);
    else if (act == BAR_NEXT)
        view_post(vw, INTENT_GO, SCREEN_MESSAGE);
}
