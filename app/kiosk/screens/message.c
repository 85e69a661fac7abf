/* The request message: choices on one side, a live preview on the other. */
#include "kiosk/screens/chrome.h"
#include "kiosk/screens/screens_internal.h"

#include "core/meet.h"

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
    /* only the ways this mentor can be met: a call for a phone-only
     * mentor, no coffee with one in another city */
    const char *formats[FORMAT_COUNT];
    MeetFormat format_of[FORMAT_COUNT];
    unsigned allowed = meet_formats(&s->mentor, vw->office->location);
    int nformats = 0, fmt = 0;
    const char *found[FOUND_COUNT] = {str(S_FOUND_DIRECTORY), str(S_FOUND_SCHOOL),
                                      str(S_FOUND_MAJOR)};
    /* "Same major" only when it is true */
    int nfound = message_same_major(v, &s->mentor) ? FOUND_COUNT : FOUND_MAJOR;
    v->format = meet_format_in(allowed, v->format);
    for (int i = 0; i < FORMAT_COUNT; i++)
        if (allowed & (1u << i)) {
            if ((MeetFormat)i == v->format)
                fmt = nformats;
            format_of[nformats] = (MeetFormat)i;
            formats[nformats++] = visitor_format_label((MeetFormat)i);
        }
    int ch = 0, minute = v->minutes == 15 ? 0 : v->minutes == 30 ? 2 : 1;
    int via = (int)v->found_via;
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
    y = choice(vw, x, y, w, S_HOW_MEET, formats, nformats, &fmt);
    v->format = format_of[fmt];
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

/* "7 hours", "half an hour", "5 and a half hours" from minutes. */
static const char *hours_text(int minutes)
{
    int h = minutes / 60;
    bool half = minutes % 60 != 0;
    if (h == 0)
        return str(S_HALF_HOUR);
    if (half)
        return fmt_int(S_HOURS_HALF, h);
    return h == 1 ? str(S_HOUR_1) : fmt_int(S_HOURS_N, h);
}

/* A mentor in another time zone: how far apart, so the visitor offers
 * times in the mentor's day. Writes the sentence into out; false for
 * none. */
static bool zone_note(View *vw, char *out, size_t cap)
{
    const Mentor *m = &vw->s->mentor;
    int ahead;
    if (!meet_minutes_ahead(m, vw->office->location, &ahead))
        return false;
    snprintf(out, cap, str(ahead > 0 ? S_ZONE_AHEAD : S_ZONE_BEHIND), m->first_name, m->location,
             hours_text(ahead > 0 ? ahead : -ahead));
    return true;
}

/* One hint in a panel, with an action button under it when action is
 * not NULL; returns its height and sets *tapped when the button was. */
static int hint(View *vw, int x, int y, int w, const char *t, Color bg, Color fg,
                const char *action, bool *tapped)
{
    Ui *ui = vw->ui;
    int p = ui->u * 2, bh = action ? ui_touch(ui, ui->u * 7) : 0;
    ui_measure_begin(ui);
    int h = ui_wrap(ui, (Rect){0, 0, w - 2 * p, 0}, t, ui->small, WEIGHT_REGULAR, fg);
    ui_measure_end(ui);
    int all = h + 2 * p + (action ? bh + p : 0);
    ui_panel(ui, (Rect){x, y, w, all}, bg);
    ui_wrap(ui, (Rect){x + p, y + p, w - 2 * p, 0}, t, ui->small, WEIGHT_REGULAR, fg);
    if (action) {
        int aw = ui_width(ui, action, ui->body, WEIGHT_BOLD) + ui->u * 6;
        aw = aw < w - 2 * p ? aw : w - 2 * p;
        if (ui_button(ui, (Rect){x + p, y + p + h + p, aw, bh}, action, BTN_SECONDARY))
            *tapped = true;
    }
    return all;
}

/* The field a cut-short warning is about: the one cut as it was typed,
 * else the one filled to its end (the interest, most likely). */
static VisitorField cut_field(const Visitor *v)
{
    if (v->cut & VISITOR_CUT_INTEREST)
        return FIELD_INTEREST;
    if (v->cut & VISITOR_CUT_PROGRAM)
        return FIELD_PROGRAM;
    if (v->cut & VISITOR_CUT_NAME)
        return FIELD_NAME;
    return strlen(v->program) + 1 >= sizeof v->program         ? FIELD_PROGRAM
           : strlen(v->first_name) + 1 >= sizeof v->first_name ? FIELD_NAME
                                                               : FIELD_INTEREST;
}

/* Kind hints under the preview; returns their height. Nothing is "good
 * to send" that is not sent (a call script), or that has a cut-off
 * fragment in it (message_check). */
static int hints(View *vw, int x, int y, int w)
{
    Ui *ui = vw->ui;
    Session *s = vw->s;
    unsigned warn = message_check(&s->visit.request, &s->visitor, &s->mentor);
    int y0 = y;
    if (!warn) {
        StrId ok = message_is_sent(s->visit.request.channel) ? S_LOOKS_GOOD : S_READY_TO_CALL;
        ui_record(ui, str(ok), (Rect){x, y, w, ui->u * 4});
        y += ui_wrap(ui, (Rect){x, y, w, 0}, str(ok), ui->small, WEIGHT_BOLD, ui->th.ok_text) +
             ui->u * 2;
    }
    for (unsigned bit = 1; bit <= WARN_LAST; bit <<= 1) {
        if (!(warn & bit))
            continue;
        const char *t = message_warning_text((MessageWarning)bit);
        ui_record(ui, message_warning_name((MessageWarning)bit), (Rect){x, y, w, ui->u * 4});
        /* the fix is a tap away: the field on About you */
        VisitorField fix = bit == WARN_UNSIGNED ? FIELD_NAME
                           : bit == WARN_CUT    ? cut_field(&s->visitor)
                                                : FIELD_NONE;
        bool tapped = false;
        y += hint(vw, x, y, w, t, ui->th.warn_bg, ui->th.warn_text,
                  fix == FIELD_NONE      ? NULL
                  : bit == WARN_UNSIGNED ? str(S_ADD_NAME)
                                         : str(S_SHORTEN),
                  &tapped) +
             ui->u;
        if (tapped)
            view_post(vw, INTENT_EDIT_FIELD, fix);
    }
    char zone[400]; /* after what needs doing: when to call, not what to change */
    if (zone_note(vw, zone, sizeof zone)) {
        ui_record(ui, "time-zone", (Rect){x, y, w, ui->u * 4});
        ui_record(ui, zone, (Rect){x, y, w, ui->u * 4});
        y += hint(vw, x, y, w, zone, ui->th.surface, ui->th.text, NULL, NULL) + ui->u;
    }
    return y - y0 - ui->u;
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

/* The preview above the hints in the column (x, y, w) down to bottom:
 * the hints take what they need up to half of it, and scroll beyond, so
 * the preview always shows the message. */
static void preview_and_hints(View *vw, int x, int y, int w, int bottom)
{
    Ui *ui = vw->ui;
    int room = (bottom - y) / 2, hw = w;
    ui_measure_begin(ui);
    int hh = hints(vw, x, 0, hw);
    if (hh > room) /* they scroll: narrower, beside the scroll bar */
        hh = hints(vw, x, 0, hw = w - ui->u * 3);
    ui_measure_end(ui);
    int shown = hh < room ? hh : room;
    preview(vw, (Rect){x, y, w, bottom - y - shown - ui->u * 2});
    Rect r = {x, bottom - shown, w, shown};
    int off = ui_scroll_begin(ui, ui_id("hints"), r, hh);
    hints(vw, x, r.y - off, hw);
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
        preview_and_hints(vw, rx, y, rw, body.y + body.h - ui->u * 2);
    } else {
        y = controls(vw, p, y, ui->w - 2 * p);
        preview_and_hints(vw, p, y, ui->w - 2 * p, body.y + body.h - ui->u * 2);
    }
    if (act == BAR_BACK)
        view_post(vw, INTENT_GO, SCREEN_DETAIL);
    else if (act == BAR_NEXT)
        view_post(vw, INTENT_GO, SCREEN_QUESTIONS);
}
