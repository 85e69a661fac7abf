/* The request message: choices on one side, a live preview on the other. */
#include "kiosk/screens/chrome.h"
#include "kiosk/screens/screens_internal.h"

#include <string.h>

/* One labelled row of chips; sets *value to a tapped chip and returns
 * the y after the row. */
static int choice(View *vw, int x, int y, int w, StrId caption, const char *const *labels, int n,
                  int *value)
{
    int h;
    y += chrome_caption(vw, x, y, str(caption));
    int hit = chrome_chips(vw, x, y, w, labels, n, *value, &h);
    if (hit >= 0)
        *value = hit;
    return y + h + vw->ui->u * 3;
}

/* The controls; returns the y after them. */
static int controls(View *vw, int x, int y, int w)
{
    Session *s = vw->s;
    Visitor *v = &s->visitor;
    /* only the way this mentor asked to be reached is offered */
    const char *channels[1] = {message_channel_label(s->channel)};
    const char *mins[3] = {fmt_int(S_MINUTES_N, 15), fmt_int(S_MINUTES_N, 20),
                           fmt_int(S_MINUTES_N, 30)};
    const char *formats[FORMAT_COUNT];
    const char *found[FOUND_COUNT] = {str(S_FOUND_DIRECTORY), str(S_FOUND_SCHOOL),
                                      str(S_FOUND_MAJOR)};
    /* "Same major" only when it is true */
    int nfound = message_same_major(v, &s->mentor) ? FOUND_COUNT : FOUND_MAJOR;
    for (int i = 0; i < FORMAT_COUNT; i++)
        formats[i] = visitor_format_label((MeetFormat)i);
    int ch = 0, minute = v->minutes == 15 ? 0 : v->minutes == 30 ? 2 : 1;
    int fmt = (int)v->format, via = (int)v->found_via;
    Visitor before = *v;
    MessageChannel was = s->channel;
    y = choice(vw, x, y, w, S_CHANNEL, channels, 1, &ch);
    if (s->channel == CHANNEL_LINKEDIN) { /* how long a note their account allows: one of two */
        const char *account[2] = {str(S_PREMIUM_ACCOUNT), str(S_FREE_ACCOUNT)};
        int which = s->linkedin_short ? 1 : 0;
        y = choice(vw, x, y, w, S_LINKEDIN_ACCOUNT, account, 2, &which);
        if ((which == 1) != s->linkedin_short) {
            s->linkedin_short = which == 1;
            view_post(vw, INTENT_COMPOSE, 0);
        }
    }
    y = choice(vw, x, y, w, S_HOW_LONG, mins, 3, &minute);
    v->minutes = minute == 0 ? 15 : minute == 2 ? 30 : 20;
    y = choice(vw, x, y, w, S_HOW_MEET, formats, FORMAT_COUNT, &fmt);
    v->format = (MeetFormat)fmt;
    if (via >= nfound)
        via = FOUND_DIRECTORY;
    y = choice(vw, x, y, w, S_FOUND_VIA, found, nfound, &via);
    v->found_via = (FoundVia)via;
    /* compose again only once every choice is in place */
    if (s->channel != was || v->minutes != before.minutes || v->format != before.format ||
        v->found_via != before.found_via)
        view_post(vw, INTENT_COMPOSE, 0);
    return y;
}

/* Kind hints under the preview; returns their height. */
static int hints(View *vw, int x, int y, int w)
{
    Ui *ui = vw->ui;
    Session *s = vw->s;
    unsigned warn = message_check(&s->visit.request, &s->visitor, &s->mentor);
    int y0 = y, p = ui->u * 2;
    if (!warn) {
        ui_record(ui, str(S_LOOKS_GOOD), (Rect){x, y, w, ui->u * 4});
        return ui_wrap(ui, (Rect){x, y, w, 0}, str(S_LOOKS_GOOD), ui->small, WEIGHT_BOLD,
                       ui->th.ok_text);
    }
    for (unsigned bit = 1; bit <= WARN_LAST; bit <<= 1) {
        if (!(warn & bit))
            continue;
        const char *t = message_warning_text((MessageWarning)bit);
        ui_record(ui, message_warning_name((MessageWarning)bit), (Rect){x, y, w, ui->u * 4});
        ui_measure_begin(ui);
        int h =
            ui_wrap(ui, (Rect){0, 0, w - 2 * p, 0}, t, ui->small, WEIGHT_REGULAR, ui->th.warn_text);
        ui_measure_end(ui);
        ui_panel(ui, (Rect){x, y, w, h + 2 * p}, ui->th.warn_bg);
        ui_wrap(ui, (Rect){x + p, y + p, w - 2 * p, 0}, t, ui->small, WEIGHT_REGULAR,
                ui->th.warn_text);
        y += h + 2 * p + ui->u;
    }
    return y - y0;
}

/* The preview card with its counter; fills r. */
static void preview(View *vw, Rect r)
{
    Ui *ui = vw->ui;
    Session *s = vw->s;
    const Message *m = &s->visit.request;
    int p = ui->u * 3, lh = draw_line_height(ui->measure, ui->small);
    ui_panel(ui, r, ui->th.surface);
    if (ui->d)
        draw_round_outline(ui->d, r, ui->u * 2, 2, ui->th.border);
    ui_text(ui, r.x + p, r.y + p, str(S_PREVIEW), ui->small, WEIGHT_BOLD, ui->th.muted, 0);
    char what[64];
    snprintf(what, sizeof what, "Preview: %s", message_channel_name(m->channel));
    ui_record(ui, what, r);
    if (*m->subject)
        ui_record(ui, "Subject", r);
    if (m->limit) {
        const char *count = m->limit_in_chars
                                ? fmt_int2(S_COUNT_CHARS, (int)m->chars, (int)m->limit)
                                : fmt_int2(S_COUNT_WORDS, (int)m->words, (int)m->limit);
        bool over = (m->limit_in_chars ? m->chars : m->words) > m->limit;
        int cw = ui_width(ui, count, ui->small, WEIGHT_BOLD);
        /* beside "Preview" when both fit, else on the line under it */
        bool beside =
            ui_width(ui, str(S_PREVIEW), ui->small, WEIGHT_BOLD) + ui->u * 2 + cw <= r.w - 2 * p;
        int cy = beside ? r.y + p : r.y + p + lh;
        ui_text(ui, beside ? r.x + r.w - p - cw : r.x + p, cy, count, ui->small, WEIGHT_BOLD,
                over ? ui->th.warn_text : ui->th.ok_text, r.w - 2 * p);
        if (!beside)
            lh *= 2;
    }
    Rect view = {r.x + p, r.y + p + lh + ui->u, r.w - 2 * p, r.h - 2 * p - lh - ui->u};
    char subject[MESSAGE_SUBJECT_MAX + 16];
    snprintf(subject, sizeof subject, "%s %s", str(S_SUBJECT), m->subject);
    Rect text = {view.x, 0, view.w - ui->u * 2, 0}; /* beside the scroll bar */
    ui_measure_begin(ui);
    int content =
        (*m->subject ? ui_wrap(ui, text, subject, ui->body, WEIGHT_BOLD, ui->th.text) + ui->u * 2
                     : 0) +
        ui_wrap(ui, text, m->body, ui->body, WEIGHT_REGULAR, ui->th.text);
    ui_measure_end(ui);
    int off = ui_scroll_begin(ui, ui_id("preview"), view, content);
    int y = view.y - off;
    if (*m->subject)
        y += ui_wrap(ui, (Rect){view.x, y, view.w - ui->u * 2, 0}, subject, ui->body, WEIGHT_BOLD,
                     ui->th.text) +
             ui->u * 2;
    ui_wrap(ui, (Rect){view.x, y, view.w - ui->u * 2, 0}, m->body, ui->body, WEIGHT_REGULAR,
            ui->th.text);
    ui_scroll_end(ui);
}

void screen_message(View *vw)
{
    Ui *ui = vw->ui;
    Session *s = vw->s;
    Rect body = chrome_top(vw, 2);
    BarAction act = chrome_bottom(vw, &body, str(S_NEXT_QUESTIONS), BTN_PRIMARY, NULL);
    int p = pad(ui);
    int y = chrome_title(vw, body, fmt_str(S_MESSAGE_TITLE, s->mentor.first_name), NULL);
    if (ui->landscape) {
        /* the choices take a wider column when that spares them
         * scrolling (Larger text), the preview what is left */
        Rect view = {p, y, 0, body.y + body.h - y - ui->u};
        int lw = 0, content = 0;
        static const int share[] = {46, 54, 60};
        for (size_t i = 0; i < sizeof share / sizeof *share; i++) {
            lw = (ui->w - 2 * p) * share[i] / 100;
            ui_measure_begin(ui);
            content = controls(vw, p, 0, lw - ui->u * 2);
            ui_measure_end(ui);
            if (content <= view.h)
                break;
        }
        view.w = lw;
        int rx = p + lw + ui->u * 4, rw = ui->w - p - rx;
        int off = ui_scroll_begin(ui, ui_id("choices"), view, content);
        controls(vw, p, y - off, lw - ui->u * 2);
        ui_scroll_end(ui);
        ui_measure_begin(ui);
        int hh = hints(vw, rx, 0, rw);
        ui_measure_end(ui);
        int bottom = body.y + body.h - ui->u * 2;
        preview(vw, (Rect){rx, y, rw, bottom - y - hh - ui->u * 2});
        hints(vw, rx, bottom - hh, rw);
    } else {
        y = controls(vw, p, y, ui->w - 2 * p);
        ui_measure_begin(ui);
        int hh = hints(vw, p, 0, ui->w - 2 * p);
        ui_measure_end(ui);
        int bottom = body.y + body.h - ui->u * 2;
        preview(vw, (Rect){p, y, ui->w - 2 * p, bottom - y - hh - ui->u * 2});
        hints(vw, p, bottom - hh, ui->w - 2 * p);
    }
    if (act == BAR_BACK)
        view_post(vw, INTENT_GO, SCREEN_DETAIL);
    else if (act == BAR_NEXT)
        view_post(vw, INTENT_GO, SCREEN_QUESTIONS);
}
