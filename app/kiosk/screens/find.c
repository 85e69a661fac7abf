/* Find a contact: search as you type, filters, result cards. */
#include "kiosk/screens/chrome.h"
#include "kiosk/screens/screens_internal.h"

#include "core/text.h"
#include "core/typed.h"

#include <string.h>

/* The lines of one result card from r's top, wrapped into r's width
 * (the role and the small lines take a second line when they need it,
 * and only then an ellipsis); returns the card's height. Draws on a
 * drawing pass. */
static int card_lines(View *vw, Rect r, const Mentor *m, const char *reason)
{
    Ui *ui = vw->ui;
    char name[2 * MENTOR_NAME_MAX + MENTOR_TEXT_MAX + 8], role[2 * MENTOR_TEXT_MAX + 8], line[400];
    mentor_shown_name(m, name, sizeof name);
    int p = ui->u * 3, x = r.x + p, y = r.y + ui->u * 2, w = r.w - 2 * p;
    ui_text(ui, x, y, name, ui->body, WEIGHT_BOLD, ui->th.text, w);
    y += draw_line_height(ui->measure, ui->body);
    snprintf(role, sizeof role, "%s, %s", m->title, m->organization);
    y += ui_wrap_lines(ui, (Rect){x, y, w, 0}, role, ui->body, WEIGHT_REGULAR, ui->th.text, 3);
    /* suggested: why, in place of the field and class */
    if (reason && *reason)
        y += ui_wrap_lines(ui, (Rect){x, y, w, 0}, reason, ui->small, WEIGHT_BOLD, ui->th.primary,
                           2);
    else {
        snprintf(line, sizeof line, "%s  \xc2\xb7  %s%s%s", m->field,
                 fmt_int(S_CLASS_OF, m->grad_year), *m->major ? ", " : "", m->major);
        y +=
            ui_wrap_lines(ui, (Rect){x, y, w, 0}, line, ui->small, WEIGHT_REGULAR, ui->th.muted, 2);
    }
    if (!m->accepting)
        y += ui_wrap_lines(ui, (Rect){x, y, w, 0}, str(S_NOT_TAKING), ui->small, WEIGHT_BOLD,
                           ui->th.warn_text, 2);
    else {
        snprintf(line, sizeof line, "%s%s  \xc2\xb7  %s", m->location,
                 m->remote && strcmp(m->location, "Remote") != 0 ? " (remote too)" : "",
                 fmt_str(S_PREFERS, mentor_via_label(m->via)));
        y +=
            ui_wrap_lines(ui, (Rect){x, y, w, 0}, line, ui->small, WEIGHT_REGULAR, ui->th.muted, 2);
    }
    checked_text(m->last_verified, line, sizeof line);
    if (*line)
        y +=
            ui_wrap_lines(ui, (Rect){x, y, w, 0}, line, ui->small, WEIGHT_REGULAR, ui->th.muted, 1);
    return y + ui->u * 2 - r.y;
}

/* The height result i's card needs at width w. */
static int card_h(View *vw, int i, int w)
{
    Ui *ui = vw->ui;
    ui_measure_begin(ui);
    int h = card_lines(vw, (Rect){0, 0, w, 0}, &vw->s->hits[i], vw->s->reason[i]);
    ui_measure_end(ui);
    return h;
}

/* One result; true when tapped. */
static bool card(View *vw, Rect r, const Mentor *m, const char *reason)
{
    Ui *ui = vw->ui;
    char name[2 * MENTOR_NAME_MAX + 2];
    mentor_full_name(m, name, sizeof name);
    bool tapped = ui_tapped(ui, r);
    ui_record_tap(ui, name, r);
    if (!ui->d)
        return tapped;
    draw_round(ui->d, r, ui->u * 2, ui->th.surface);
    draw_round_outline(ui->d, r, ui->u * 2, ui->high_contrast ? 3 : 2, ui->th.border);
    card_lines(vw, r, m, reason);
    return tapped;
}

/* The filter row: three pickers and two toggles; returns its height. */
static int filters(View *vw, int x, int y, int w)
{
    Session *s = vw->s;
    char field[128], via[128], lang[128];
    snprintf(field, sizeof field, "%s \xe2\x96\xbe", /* ▾ */
             s->field >= 0 ? vw->cat->field[s->field] : str(S_ALL_FIELDS));
    snprintf(via, sizeof via, "%s \xe2\x96\xbe",
             s->via >= 0 ? mentor_via_label((ContactVia)s->via) : str(S_ANY_CHANNEL));
    snprintf(lang, sizeof lang, "%s \xe2\x96\xbe",
             s->language >= 0 ? vw->cat->language[s->language] : str(S_ANY_LANGUAGE));
    const char *labels[5] = {field, via, lang, str(S_REMOTE_OK), str(S_TAKING_REQUESTS)};
    bool on[5] = {s->field >= 0, s->via >= 0, s->language >= 0, s->remote_only, s->accepting_only};
    int h, hit = chrome_chips_multi(vw, x, y, w, labels, 5, on, &h);
    if (hit >= 0 && hit < 3)
        vw->picking = hit + 1;
    else if (hit == 3)
        s->remote_only = !s->remote_only;
    else if (hit == 4)
        s->accepting_only = !s->accepting_only;
    return h;
}

/* The open picker: all fields, ways to reach, or languages, and "any". */
void screen_field_picker(View *vw)
{
    Ui *ui = vw->ui;
    Session *s = vw->s;
    const char *labels[VIEW_LIST_MAX + 1];
    int n = 0, *value;
    if (vw->picking == 1) {
        labels[n++] = str(S_ALL_FIELDS);
        for (int i = 0; i < vw->cat->nfields; i++)
            labels[n++] = vw->cat->field[i];
        value = &s->field;
    } else if (vw->picking == 2) {
        labels[n++] = str(S_ANY_CHANNEL);
        for (int i = 0; i < VIA_COUNT; i++)
            labels[n++] = mentor_via_label((ContactVia)i);
        value = &s->via;
    } else {
        labels[n++] = str(S_ANY_LANGUAGE);
        for (int i = 0; i < vw->cat->nlanguages; i++)
            labels[n++] = vw->cat->language[i];
        value = &s->language;
    }
    int p = pad(ui), w = ui->landscape ? ui->w * 7 / 10 : ui->w - 2 * p;
    int h;
    ui_measure_begin(ui);
    chrome_chips(vw, 0, 0, w - 3 * p, labels, n, *value + 1, &h);
    ui_measure_end(ui);
    ui_cover(ui); /* only the picker's chips can be tapped now */
    /* as tall as its chips, or the screen: then they scroll */
    int ch = h + 2 * p < ui->h - 2 * p ? h + 2 * p : ui->h - 2 * p;
    Rect card = {(ui->w - w) / 2, (ui->h - ch) / 2, w, ch};
    if (ui->d) {
        draw_rect(ui->d, (Rect){0, 0, ui->w, ui->h}, ui->th.overlay);
        draw_round(ui->d, card, ui->u * 3, ui->th.surface);
    }
    Rect view = {card.x + p, card.y + p, w - 2 * p, ch - 2 * p};
    int off = ui_scroll_begin(ui, ui_id("picker"), view, h);
    int hit = chrome_chips(vw, view.x, view.y - off, w - 3 * p, labels, n, *value + 1, &h);
    ui_scroll_end(ui);
    if (hit >= 0 && !ui_contains(view, ui->x, ui->y))
        hit = -1; /* a chip scrolled out of sight */
    if (hit >= 0 ||
        (ui_tapped(ui, (Rect){0, 0, ui->w, ui->h}) && !ui_contains(card, ui->x, ui->y))) {
        if (hit >= 0)
            *value = hit - 1;
        vw->picking = 0;
    }
}

/* The taps that lead on from a search that found nobody. */
enum { OFFER_MEAN, OFFER_FIELD, OFFER_CLEAR, OFFER_FILTER, OFFER_PICK };

typedef struct {
    int kind, arg;
    char label[200];
} Offer;

static int offer(Offer *o, int n, int kind, int arg, const char *fmt, const char *v)
{
    if (n >= 12)
        return n;
    o[n].kind = kind;
    o[n].arg = arg;
    snprintf(o[n].label, sizeof o[n].label, fmt, v);
    return n + 1;
}

/* What is on offer: the correction, the nearest fields, clearing the
 * words, turning off each filter that is on, and picking a field. */
static int offers(const View *vw, Offer *o)
{
    const Session *s = vw->s;
    const Catalog *c = vw->cat;
    int n = 0;
    if (s->did_you_mean[0])
        n = offer(o, n, OFFER_MEAN, 0, str(S_DID_YOU_MEAN), s->did_you_mean);
    for (int i = 0; i < s->nnear; i++)
        if (s->near_field[i] >= 0 && s->near_field[i] < c->nfields)
            n = offer(o, n, OFFER_FIELD, s->near_field[i], str(S_SEE_FIELD),
                      c->field[s->near_field[i]]);
    if (s->query[0])
        n = offer(o, n, OFFER_CLEAR, 0, "%s", str(S_CLEAR_SEARCH));
    if (s->field >= 0 && s->field < c->nfields)
        n = offer(o, n, OFFER_FILTER, 0, str(S_DROP_FILTER), c->field[s->field]);
    if (s->via >= 0)
        n = offer(o, n, OFFER_FILTER, 1, str(S_DROP_FILTER), mentor_via_label((ContactVia)s->via));
    if (s->language >= 0 && s->language < c->nlanguages)
        n = offer(o, n, OFFER_FILTER, 2, str(S_DROP_FILTER), c->language[s->language]);
    if (s->remote_only)
        n = offer(o, n, OFFER_FILTER, 3, str(S_DROP_FILTER), str(S_REMOTE_OK));
    if (s->accepting_only)
        n = offer(o, n, OFFER_FILTER, 4, str(S_DROP_FILTER), str(S_TAKING_REQUESTS));
    if (s->field < 0)
        n = offer(o, n, OFFER_PICK, 0, "%s", str(S_PICK_FIELD));
    return n;
}

/* Acts on a tapped offer: the screen edits only the visitor's own
 * choices; flow searches again after the pass. */
static void take_offer(View *vw, const Offer *o)
{
    Session *s = vw->s;
    switch (o->kind) {
    case OFFER_MEAN:
        s->exact = false;
        break;
    case OFFER_FIELD:
        s->field = o->arg;
        explicit_bzero(s->query, sizeof s->query);
        break;
    case OFFER_CLEAR:
        explicit_bzero(s->query, sizeof s->query);
        break;
    case OFFER_FILTER:
        if (o->arg == 0)
            s->field = -1;
        else if (o->arg == 1)
            s->via = -1;
        else if (o->arg == 2)
            s->language = -1;
        else if (o->arg == 3)
            s->remote_only = false;
        else
            s->accepting_only = false;
        break;
    default:
        vw->picking = 1;
    }
}

/* Nobody found: says so, and offers taps that lead on, from y; returns
 * the height used. */
static int empty_lay(View *vw, int x, int y, int w)
{
    Ui *ui = vw->ui;
    Offer o[12];
    int n = offers(vw, o), h, y0 = y;
    const char *labels[12];
    char title[300];
    /* the words name someone who has had their requests this month: say
     * so, not that nobody is called that */
    bool capped = vw->s->capped[0] != '\0';
    if (capped)
        snprintf(title, sizeof title, str(S_AT_CAP), vw->s->capped);
    else
        snprintf(title, sizeof title, "%s", str(S_NO_RESULTS));
    y += ui->u * 3;
    ui_record(ui, title, (Rect){x, y, w, ui->u * 8});
    y += ui_wrap(ui, (Rect){x, y, w, 0}, title, ui->title, WEIGHT_BOLD, ui->th.text);
    y += ui_wrap(ui, (Rect){x, y + ui->u, w, 0}, str(capped ? S_AT_CAP_TIPS : S_NO_RESULTS_TIPS),
                 ui->body, WEIGHT_REGULAR, ui->th.muted) +
         ui->u * 3;
    for (int i = 0; i < n; i++)
        labels[i] = o[i].label;
    int hit = chrome_chips(vw, x, y, w, labels, n, -1, &h);
    if (hit >= 0)
        take_offer(vw, &o[hit]);
    explicit_bzero(o, sizeof o); /* a correction of what the visitor typed */
    explicit_bzero(title, sizeof title);
    return y + h + ui->u * 2 - y0;
}

static int head_lay(View *vw, int x, int y, int w);

/* The filters and the count, then the same: on a short screen. */
static int head_empty_lay(View *vw, int x, int y, int w)
{
    int h = head_lay(vw, x, y, w);
    return h + empty_lay(vw, x, y + h, w);
}

/* The same in r, scrolling when the keyboard leaves too little room;
 * with the filters and the count on top when head is set. */
static void empty(View *vw, Rect r, bool head)
{
    int w = head ? r.w - vw->ui->u * 2 : r.w * 9 / 10;
    chrome_scroll(vw, "nobody", r, r.x + (head ? 0 : (r.w - w) / 2), w,
                  head ? head_empty_lay : empty_lay);
}

/* "Showing results for developer", and the way back to what was typed. */
static int corrected(View *vw, int x, int y, int w)
{
    Ui *ui = vw->ui;
    Session *s = vw->s;
    char line[256], back[256], typed[sizeof s->query + TYPED_ISOLATE_BYTES];
    int h;
    snprintf(line, sizeof line, str(S_SHOWING_FOR), s->corrected);
    text_copy(typed, sizeof typed, s->query); /* the visitor's words in a sentence */
    typed_isolate(typed, sizeof typed);
    snprintf(back, sizeof back, str(S_SEARCH_INSTEAD), typed);
    explicit_bzero(typed, sizeof typed);
    int tw = ui_width(ui, line, ui->body, WEIGHT_BOLD);
    int cw = ui_width(ui, back, ui->body, WEIGHT_BOLD) + ui->u * 4;
    int ch = ui->u * 7;
    bool side = tw + ui->u * 3 + cw <= w;
    int ty = y + (side ? (ch - draw_line_height(ui->measure, ui->body)) / 2 : 0);
    ui_record(ui, line, (Rect){x, ty, tw < w ? tw : w, draw_line_height(ui->measure, ui->body)});
    ui_text(ui, x, ty, line, ui->body, WEIGHT_BOLD, ui->th.text, w);
    int cy = side ? y : y + draw_line_height(ui->measure, ui->body) + ui->u;
    const char *labels[1] = {back};
    if (chrome_chips(vw, side ? x + tw + ui->u * 3 : x, cy, side ? w - tw - ui->u * 3 : w, labels,
                     1, -1, &h) == 0)
        s->exact = true;
    explicit_bzero(line, sizeof line);
    explicit_bzero(back, sizeof back);
    return cy + h - y + ui->u;
}

/* The results in r, scrolling; with the filters and the count on top
 * when head is set. */
static void results(View *vw, Rect r, bool head)
{
    Ui *ui = vw->ui;
    Session *s = vw->s;
    /* as many columns (up to three) as cards of a readable width fit:
     * Larger text makes fewer, wider cards */
    int gap = ui->u * 2, cols = (r.w + gap) / (ui->body * 19 + gap);
    cols = cols < 1 ? 1 : cols > 3 ? 3 : cols;
    int cw = (r.w - ui->u * 2 - gap * (cols - 1)) / cols;
    int lh = draw_line_height(ui->measure, ui->small);
    /* each row of cards as tall as its tallest */
    int row_y[SESSION_HITS + 1], row_h[SESSION_HITS + 1] = {0};
    int rows = (s->nhits + cols - 1) / cols;
    for (int i = 0; i < s->nhits; i++) {
        int h = card_h(vw, i, cw);
        row_h[i / cols] = h > row_h[i / cols] ? h : row_h[i / cols];
    }
    row_y[0] = 0;
    for (int k = 0; k < rows; k++)
        row_y[k + 1] = row_y[k] + row_h[k] + gap;
    int hh = 0;
    if (head) {
        ui_measure_begin(ui);
        hh = head_lay(vw, r.x, 0, r.w - ui->u * 2);
        ui_measure_end(ui);
    }
    int content = hh + row_y[rows] + (s->nhits == SESSION_HITS ? lh * 2 : 0);
    int off = ui_scroll_begin(ui, ui_id("results"), r, content) - hh;
    if (head)
        head_lay(vw, r.x, r.y - off - hh, r.w - ui->u * 2);
    for (int i = 0; i < s->nhits; i++) {
        int k = i / cols;
        Rect c = {r.x + (i % cols) * (cw + gap), r.y + row_y[k] - off, cw, row_h[k]};
        if (c.y + c.h < r.y || c.y > r.y + r.h) { /* out of sight: only named */
            char name[2 * MENTOR_NAME_MAX + 2];
            mentor_full_name(&s->hits[i], name, sizeof name);
            ui_record_tap(ui, name, c);
            continue;
        }
        if (card(vw, c, &s->hits[i], s->reason[i]) && ui_contains(r, ui->x, ui->y))
            view_post(vw, INTENT_CHOOSE, i);
    }
    if (s->nhits == SESSION_HITS)
        ui_text(ui, r.x, r.y + row_y[rows] - off, fmt_int(S_RESULTS_MORE, SESSION_HITS), ui->small,
                WEIGHT_REGULAR, ui->th.muted, r.w);
    ui_scroll_end(ui);
}

/* The count of results (and the correction), from y; returns the
 * height used. */
static int count_lay(View *vw, int x, int y, int w)
{
    Ui *ui = vw->ui;
    Session *s = vw->s;
    int y0 = y;
    if (s->nhits > 0 && s->corrected[0])
        y += corrected(vw, x, y, w);
    if (s->nhits > 0)
        ui_text(ui, x, y, s->nhits == 1 ? str(S_RESULTS_ONE) : fmt_int(S_RESULTS_COUNT, s->nhits),
                ui->small, WEIGHT_BOLD, ui->th.muted, w);
    return y + draw_line_height(ui->measure, ui->small) + ui->u - y0;
}

/* The filters and the count across w from y, for a short screen where
 * they scroll with the results; returns the height used. */
static int head_lay(View *vw, int x, int y, int w)
{
    int h = filters(vw, x, y, w) + vw->ui->u * 2;
    return h + count_lay(vw, x, y + h, w);
}

void screen_search(View *vw)
{
    Ui *ui = vw->ui;
    Session *s = vw->s;
    int p = pad(ui), kh = ui_keyboard_height(ui);
    BarAction act = BAR_NONE;
    /* while typing, the top bar gives way on a short screen: the field
     * and a line of results above the keyboard come first */
    int need = ui_touch(ui, ui->u * 9) + ui->u * 8 + draw_line_height(ui->measure, ui->body) * 3;
    Rect body = ui_typing(ui) ? chrome_top_above(vw, 1, ui->h - kh, need) : chrome_top(vw, 1);
    if (ui_typing(ui))
        body.h = ui->h - kh - body.y;
    else
        act = chrome_bottom(vw, &body, NULL, BTN_PRIMARY, NULL);
    int x = p, w = ui->w - 2 * p, y = body.y, fh = ui_touch(ui, ui->u * 9);
    int fw = ui->landscape ? w * 45 / 100 : w;
    ui_field(ui, ui_id("search"), (Rect){x, y, fw, fh}, s->query, sizeof s->query,
             str(S_SEARCH_HINT), "Search");
    int fy = ui->landscape ? y + (fh - ui_touch(ui, ui->u * 7)) / 2 : y + fh + ui->u * 2;
    int fx = ui->landscape ? x + fw + ui->u * 3 : x, fw2 = ui->landscape ? w - fw - ui->u * 3 : w;
    ui_measure_begin(ui);
    int filt = filters(vw, fx, fy, fw2), counted = count_lay(vw, x, 0, w);
    ui_measure_end(ui);
    /* when the filters would leave the results less room than a line of
     * cards, they give way: left out while typing, else scrolled with
     * the results */
    int below = (ui->landscape ? y + (fh > filt ? fh : filt) : fy + filt) + ui->u * 2;
    int card = ui->u * 4 + draw_line_height(ui->measure, ui->body) * 3;
    bool fit = body.y + body.h - below - counted >= card, head = !fit && !ui_typing(ui);
    if (fit) {
        filters(vw, fx, fy, fw2);
        y = below;
    } else
        y += fh + ui->u * 2;
    if (!head)
        y += count_lay(vw, x, y, w);
    Rect list = {x, y, w, body.y + body.h - y - ui->u};
    if (s->nhits == 0)
        empty(vw, list, head);
    else
        results(vw, list, head);
    if (ui_typing(ui))
        ui_keyboard(ui, (Rect){0, ui->h - kh, ui->w, kh});
    if (act == BAR_BACK)
        view_post(vw, INTENT_GO, SCREEN_ABOUT);
}
