/* ui: widgets, input handling and layout metrics. */
#include "ui.h"

#include "core/strbuf.h"
#include "core/text.h"
#include "core/typed.h"
#include "strings.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint32_t ui_id(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h ? h : 1;
}

Color ui_rgb(uint32_t rgb)
{
    return (Color){(uint8_t)(rgb >> 16), (uint8_t)(rgb >> 8), (uint8_t)rgb, 255};
}

Color ui_alpha(Color c, uint8_t a)
{
    c.a = a;
    return c;
}

/* a mixed with b, k parts of b in 256 */
static Color mix(Color a, Color b, int k)
{
    return (Color){(uint8_t)((a.r * (256 - k) + b.r * k) / 256),
                   (uint8_t)((a.g * (256 - k) + b.g * k) / 256),
                   (uint8_t)((a.b * (256 - k) + b.b * k) / 256), 255};
}

/* The office's colours over the built-in theme: the background's
 * shades (panels sunk into it, chips, borders) follow the background. */
static void brand(Theme *t, const Ui *ui)
{
    if (!ui->brand_primary && !ui->brand_accent && !ui->brand_bg)
        return;
    t->primary = ui_rgb(ui->brand_primary);
    t->accent = ui_rgb(ui->brand_accent);
    if (ui->brand_bg == 0xF5F2EB)
        return;
    t->bg = ui_rgb(ui->brand_bg);
    t->sunken = mix(t->bg, t->text, 12);
    t->chip = mix(t->bg, t->text, 16);
    t->border = mix(t->bg, t->text, 36);
}

static Theme theme(const Ui *ui)
{
    Theme t;
    if (ui->high_contrast) {
        t = (Theme){ui_rgb(0x000000),
                    ui_rgb(0x000000),
                    ui_rgb(0x1A1A1A),
                    ui_rgb(0xFFFFFF),
                    ui_rgb(0xFFFFFF),
                    ui_rgb(0xFFE14D),
                    ui_rgb(0x000000),
                    ui_rgb(0xFFE14D),
                    ui_rgb(0xFFFFFF),
                    ui_rgb(0x000000),
                    ui_rgb(0xFFE14D),
                    ui_rgb(0x7CFF9B),
                    ui_alpha(ui_rgb(0x000000), 220),
                    ui_rgb(0x000000),
                    ui_rgb(0xFFFFFF),
                    ui_rgb(0x4DD2FF),
                    /* grey: an example, still far above AAA contrast on black */
                    ui_rgb(0xA8A8A8)};
    } else {
        t = (Theme){ui_rgb(0xF5F2EB),
                    ui_rgb(0xFFFFFF),
                    ui_rgb(0xEDE8DD),
                    ui_rgb(0x1C2433),
                    ui_rgb(0x556070),
                    ui_rgb(0x0F5C6E),
                    ui_rgb(0xFFFFFF),
                    ui_rgb(0xE9A23B),
                    ui_rgb(0xD8D2C4),
                    ui_rgb(0xFFF3D6),
                    ui_rgb(0x6A4A00),
                    ui_rgb(0x1E6B3A),
                    ui_alpha(ui_rgb(0x1C2433), 150),
                    ui_rgb(0xEAE5D9),
                    ui_rgb(0x1C2433),
                    ui_rgb(0x2A8FB0),
                    ui_rgb(0x5F6A7A)};
        brand(&t, ui);
    }
    return t;
}

void ui_begin(Ui *ui, Draw *d, Draw *measure, int w, int h, uint64_t now)
{
    int shortest = w < h ? w : h;
    ui->d = d;
    ui->measuring = 0;
    ui->measure = measure;
    ui->w = w;
    ui->h = h;
    ui->now = now;
    ui->landscape = w > h;
    ui->u = shortest / 108;
    if (ui->u < 6)
        ui->u = 6;
    float scale = ui->large_text ? 1.25f : 1.0f;
    ui->body = (int)lroundf((float)shortest * 0.028f * scale);
    ui->small = (int)lroundf((float)shortest * 0.022f * scale);
    ui->title = (int)lroundf((float)shortest * 0.042f * scale);
    ui->huge = (int)lroundf((float)shortest * 0.06f * scale);
    if (ui->small < 16)
        ui->small = 16;
    ui->th = theme(ui);
    /* a display that says it is denser than the assumption gets larger
     * targets; one that says less (X servers often report a made-up 96)
     * never smaller ones */
    float ppi = ui->ppi > UI_ASSUMED_PPI ? ui->ppi : UI_ASSUMED_PPI;
    ui->target = (int)ceilf(UI_TARGET_MM * ppi / 25.4f);
    ui->nitems = 0;
    ui->ntexts = 0;
    ui->npanes = 1;
    ui->pane[0] = (UiPane){"the screen", {0, 0, w, h}, -1, false, 0, 0, h};
    ui->depth = 0;
    ui->animating = false;
}

int ui_touch(const Ui *ui, int h)
{
    return h > ui->target ? h : ui->target;
}

/* The area things are laid out in now (0: the screen). */
static int pane_now(const Ui *ui)
{
    int d = ui->depth < UI_PANE_DEPTH ? ui->depth : UI_PANE_DEPTH;
    return d > 0 ? ui->stack[d - 1] : 0;
}

/* Opens an area; returns it, or NULL when it was not recorded
 * (measuring, or too many). */
static UiPane *open_pane(Ui *ui, const char *name, Rect r)
{
    int at = pane_now(ui);
    UiPane *made = NULL;
    if (!ui->measuring && ui->npanes < UI_PANES) {
        made = &ui->pane[ui->npanes];
        *made = (UiPane){"", r, at, false, 0, r.y, r.y + r.h};
        text_copy(made->name, sizeof made->name, name);
        at = ui->npanes++;
    }
    if (ui->depth < UI_PANE_DEPTH)
        ui->stack[ui->depth] = at;
    ui->depth++;
    return made;
}

void ui_pane_begin(Ui *ui, const char *name, Rect r)
{
    open_pane(ui, name, r);
}

void ui_pane_end(Ui *ui)
{
    if (ui->depth > 0)
        ui->depth--;
}

void ui_cover(Ui *ui)
{
    ui->nitems = 0;
    ui->ntexts = 0;
    ui->npanes = 1;
    ui->depth = 0;
}

static Rect intersect(Rect a, Rect b)
{
    int x0 = a.x > b.x ? a.x : b.x, y0 = a.y > b.y ? a.y : b.y;
    int x1 = a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h;
    if (x1 <= x0 || y1 <= y0)
        return (Rect){a.x, a.y, 0, 0};
    return (Rect){x0, y0, x1 - x0, y1 - y0};
}

/* r as far as it can be seen: inside each scroll area around it and the
 * screen. */
static Rect visible(const Ui *ui, int pane, Rect r)
{
    for (int p = pane; p >= 0 && r.w > 0; p = ui->pane[p].parent)
        if (ui->pane[p].scroll || p == 0)
            r = intersect(r, ui->pane[p].r);
    return r;
}

/* Notes a line of text a drawing pass showed, for the layout check. */
static void note_text(Ui *ui, const char *s, int x, int y, int w, int px, bool cut)
{
    if (!ui->d || ui->measuring || ui->ntexts >= UI_TEXTS || !*s)
        return;
    UiText *t = &ui->text[ui->ntexts++];
    text_copy(t->text, sizeof t->text, s);
    t->r = (Rect){x, y, w, draw_line_height(ui->measure, px)};
    t->pane = pane_now(ui);
    t->vis = visible(ui, t->pane, t->r);
    t->cut = cut;
}

int ui_image(Ui *ui, const char *path, Rect box)
{
    bool drawing = ui->d && !ui->measuring;
    return draw_image(drawing ? ui->d : ui->measure, path, box, drawing);
}

void ui_pointer_down(Ui *ui, int x, int y)
{
    ui->down = ui->pressed = true;
    ui->dragged = false;
    ui->x = ui->down_x = x;
    ui->y = ui->down_y = y;
    ui->last_y = y;
    ui->drag_speed = 0;
    for (int i = 0; i < UI_SCROLLS; i++) { /* a touch stops momentum */
        ui->scroll[i].velocity = 0;
        ui->scroll[i].grab = ui->scroll[i].offset;
    }
}

void ui_pointer_move(Ui *ui, int x, int y, uint64_t now)
{
    int slop = ui->u * 2 > 12 ? ui->u * 2 : 12;
    if (!ui->down)
        return;
    ui->x = x;
    ui->y = y;
    if (abs(x - ui->down_x) > slop || abs(y - ui->down_y) > slop)
        ui->dragged = true; /* a tap that became a drag presses nothing */
    uint64_t dt = now > ui->last_move ? now - ui->last_move : 1;
    ui->drag_speed = 0.7f * ui->drag_speed + 0.3f * (float)(ui->last_y - y) / (float)dt;
    ui->last_y = y;
    ui->last_move = now;
}

void ui_pointer_up(Ui *ui, int x, int y)
{
    ui->x = x;
    ui->y = y;
    ui->released = true;
}

void ui_pointer_wheel(Ui *ui, int x, int y, int dir)
{
    for (int i = 0; i < UI_SCROLLS; i++)
        if (ui->scroll[i].id)
            ui->scroll[i].velocity = 0;
    ui->x = x;
    ui->y = y;
    ui->wheel = dir > 0 ? 1 : -1; /* read by the scroll area under the pointer */
}

void ui_after_pass(Ui *ui)
{
    if (ui->released) {
        ui->down = false;
        ui->released = false;
    }
    ui->pressed = false;
    explicit_bzero(ui->typed, sizeof ui->typed); /* typed text is a visitor's */
    ui->key = 0;
    ui->wheel = 0;
}

void ui_forget(Ui *ui)
{
    explicit_bzero(ui->item, sizeof ui->item);
    ui->nitems = 0;
    explicit_bzero(ui->text, sizeof ui->text); /* lines of what a visitor typed */
    ui->ntexts = 0;
    explicit_bzero(ui->typed, sizeof ui->typed);
    ui->refused = false;
    ui->focus = 0;
    ui->focus_buf = NULL;
    ui->focus_cap = 0;
    memset(ui->cut, 0, sizeof ui->cut);
    for (int i = 0; i < UI_SCROLLS; i++)
        ui->scroll[i] = (UiScroll){0};
}

bool ui_contains(Rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

void ui_measure_begin(Ui *ui)
{
    if (ui->measuring++ == 0) {
        ui->saved_d = ui->d;
        ui->d = NULL;
    }
}

void ui_measure_end(Ui *ui)
{
    if (--ui->measuring == 0)
        ui->d = ui->saved_d;
}

static UiItem *record(Ui *ui, const char *label, Rect r, bool tap)
{
    if (ui->measuring || ui->nitems >= UI_ITEMS || !label || !*label)
        return NULL;
    UiItem *it = &ui->item[ui->nitems++];
    typed_unmarked(label, it->label, sizeof it->label); /* a label as it is read */
    it->value[0] = '\0';
    it->r = r;
    it->pane = pane_now(ui);
    it->vis = visible(ui, it->pane, r);
    it->tap = tap;
    it->status = false;
    return it;
}

void ui_record(Ui *ui, const char *label, Rect r)
{
    record(ui, label, r, false);
}

void ui_record_tap(Ui *ui, const char *label, Rect r)
{
    record(ui, label, r, true);
}

void ui_status(Ui *ui, const char *label, Rect r)
{
    UiItem *it = record(ui, label, r, false);
    if (it)
        it->status = true;
}

bool ui_tapped(Ui *ui, Rect r)
{
    /* in a scroll area, only the part in sight can be tapped */
    if (ui->current && !ui_contains(ui->current->view, ui->x, ui->y))
        return false;
    return !ui->measuring && ui->released && !ui->dragged && ui_contains(r, ui->x, ui->y) &&
           ui_contains(r, ui->down_x, ui->down_y);
}

int ui_width(Ui *ui, const char *s, int px, Weight w)
{
    return draw_text_width(ui->measure, s, px, w);
}

/* Fits s into max_w, cutting at a character and adding "...". */
static void ellipsize(Ui *ui, const char *s, int px, Weight w, int max_w, char *out, size_t cap)
{
    text_copy(out, cap, s);
    if (max_w <= 0 || ui_width(ui, out, px, w) <= max_w)
        return;
    size_t n = strlen(out);
    while (n > 0) {
        do
            n--;
        while (n > 0 && ((unsigned char)out[n] & 0xC0) == 0x80);
        out[n] = '\0';
        char tmp[512];
        StrBuf sb;
        strbuf_init(&sb, tmp, sizeof tmp);
        strbuf_add(&sb, out);
        strbuf_add(&sb, "...");
        if (ui_width(ui, tmp, px, w) <= max_w) {
            text_copy(out, cap, tmp);
            return;
        }
    }
}

/* One line, cut with "..." to max_w; cut says the caller did not choose
 * that (a label that should have fitted). */
static int one_line(Ui *ui, int x, int y, const char *s, int px, Weight w, Color c, int max_w,
                    bool unchosen)
{
    char buf[512];
    ellipsize(ui, s, px, w, max_w, buf, sizeof buf);
    if (!ui->d)
        return ui_width(ui, buf, px, w);
    int tw = draw_text(ui->d, buf, x, y, px, w, c);
    note_text(ui, buf, x, y, tw, px, unchosen && strcmp(buf, s) != 0);
    return tw;
}

int ui_text(Ui *ui, int x, int y, const char *s, int px, Weight w, Color c, int max_w)
{
    return one_line(ui, x, y, s, px, w, c, max_w, false);
}

/* A line of wrapped text, drawn and noted. */
static void wrap_line(Ui *ui, const char *s, int x, int y, int px, Weight w, Color c)
{
    if (!ui->d)
        return;
    int tw = draw_text(ui->d, s, x, y, px, w, c);
    note_text(ui, s, x, y, tw, px, false);
}

/* A word wider than the box (a long web address) is cut where it must
 * be, at a character boundary: lines of line are drawn from *y while it
 * does not fit, leaving the rest in line. */
static void break_long(Ui *ui, Rect box, char *line, int px, Weight w, Color c, int *y, int lh)
{
    while (ui_width(ui, line, px, w) > box.w) {
        size_t n = strlen(line), cut = 0;
        char head[600];
        for (size_t k = 1; k < n; k++) {
            if (((unsigned char)line[k] & 0xC0) == 0x80)
                continue; /* inside a character */
            memcpy(head, line, k);
            head[k] = '\0';
            if (ui_width(ui, head, px, w) > box.w)
                break;
            cut = k;
        }
        if (cut == 0) /* not even one character fits: let it overflow */
            return;
        memcpy(head, line, cut);
        head[cut] = '\0';
        wrap_line(ui, head, box.x, *y, px, w, c);
        *y += lh;
        memmove(line, line + cut, n - cut + 1);
    }
}

/* Draws (or measures) one paragraph; returns its height.
 *
 * Whether the next word fits on the line is judged from widths already
 * known: the line's, a space's and the word's (each word measured once,
 * and kept), instead of shaping the line again with each word: a
 * paragraph of n words cost n lines of shaping, most of the first
 * frame's time. The sum differs from the line's real width by a few
 * pixels a word (each width rounded up, a glyph reaching past its
 * advance, kerning), so near the edge (half the text's size, and a
 * quarter of it and two pixels for each word guessed at) and after eight
 * guessed words the line is measured whole, as before, and that width
 * carried on. */
static int wrap_para(Ui *ui, Rect box, const char *s, size_t len, int px, Weight w, Color c)
{
    enum { GUESSES = 8 };
    int lh = draw_line_height(ui->measure, px), y = box.y;
    int space = ui_width(ui, " ", px, w), line_w = 0, words = 0, guessed = 0;
    char line[600], trial[600], word[600];
    size_t i = 0;
    line[0] = '\0';
    while (i < len) {
        size_t start = i;
        while (i < len && s[i] != ' ')
            i++;
        StrBuf t, wb;
        strbuf_init(&wb, word, sizeof word);
        strbuf_addn(&wb, s + start, i - start);
        int word_w = ui_width(ui, word, px, w);
        strbuf_init(&t, trial, sizeof trial);
        strbuf_add(&t, line);
        if (*line)
            strbuf_addc(&t, ' ');
        strbuf_add(&t, word);
        bool fits = true;
        if (*line) {
            int guess = line_w + space + word_w;
            int near = px / 2 + (2 + px / 4) * (guessed + 1);
            if (guess > box.w + near)
                fits = false;
            else if (guess >= box.w - near || guessed + 1 >= GUESSES) {
                guess = ui_width(ui, trial, px, w);
                fits = guess <= box.w;
                guessed = -1; /* measured: counted up to 0 below */
            }
            line_w = guess;
            guessed++;
        }
        if (!fits) {
            wrap_line(ui, line, box.x, y, px, w, c);
            y += lh;
            /* cut inside a visitor's quoted words: still isolated here */
            StrBuf next;
            bool open = typed_open_isolates(line) > 0;
            strbuf_init(&next, line, sizeof line);
            strbuf_add(&next, open ? TYPED_FSI : "");
            strbuf_add(&next, word);
        } else
            text_copy(line, sizeof line, trial);
        if (!fits || words == 0) { /* one word on the line: it may be wider than the box */
            break_long(ui, box, line, px, w, c, &y, lh);
            line_w = ui_width(ui, line, px, w);
            words = 1;
            guessed = 0;
        } else
            words++;
        while (i < len && s[i] == ' ')
            i++;
    }
    if (*line)
        wrap_line(ui, line, box.x, y, px, w, c);
    return y - box.y + lh;
}

int ui_wrap(Ui *ui, Rect box, const char *s, int px, Weight w, Color c)
{
    int y = box.y;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        if (n == 0)
            y += draw_line_height(ui->measure, px) / 2; /* a blank line: half a line */
        else
            y += wrap_para(ui, (Rect){box.x, y, box.w, box.h}, s, n, px, w, c);
        s += n + (nl != NULL);
    }
    return y - box.y;
}

int ui_wrap_lines(Ui *ui, Rect box, const char *s, int px, Weight w, Color c, int lines)
{
    int lh = draw_line_height(ui->measure, px), n = 0;
    char cur[600];
    while (*s && n < lines) {
        while (*s == ' ')
            s++;
        int y = box.y + n * lh;
        size_t len = strlen(s), fit = 0;
        if (n < lines - 1 && ui_width(ui, s, px, w) > box.w)
            for (size_t i = 0; i < len && i < sizeof cur;) { /* as many words as fit */
                size_t j = i;
                while (j < len && s[j] != ' ')
                    j++;
                if (j >= sizeof cur)
                    break;
                memcpy(cur, s, j);
                cur[j] = '\0';
                if (ui_width(ui, cur, px, w) > box.w)
                    break;
                fit = j;
                i = j + strspn(s + j, " ");
            }
        if (fit == 0) { /* the rest on this line, with "..." if it must */
            one_line(ui, box.x, y, s, px, w, c, box.w, false);
            return (n + 1) * lh;
        }
        memcpy(cur, s, fit);
        cur[fit] = '\0';
        one_line(ui, box.x, y, cur, px, w, c, box.w, false);
        s += fit;
        n++;
    }
    return n * lh;
}

int ui_flow(const int *w, const int *h, int n, int x, int y, int area_w, int gap, bool right,
            Rect *out)
{
    int cy = y, i = 0;
    while (i < n) {
        int j = i, used = 0, rh = 0;
        while (j < n && (j == i || used + gap + w[j] <= area_w)) { /* one row */
            used += (j > i ? gap : 0) + w[j];
            rh = h[j] > rh ? h[j] : rh;
            j++;
        }
        int cx = right ? x + area_w - used : x;
        for (int k = i; k < j; k++) {
            out[k] = (Rect){cx, cy + (rh - h[k]) / 2, w[k] < area_w ? w[k] : area_w, h[k]};
            cx += w[k] + gap;
        }
        cy += rh + (j < n ? gap : 0);
        i = j;
    }
    return cy - y;
}

/* Text size and weight of a button's label. */
static int label_px(const Ui *ui, ButtonStyle style)
{
    return style == BTN_KEY ? ui->title * 8 / 10 : ui->body;
}

static Weight label_weight(ButtonStyle style)
{
    return style == BTN_KEY ? WEIGHT_REGULAR : WEIGHT_BOLD;
}

/* Where a label too long for one line of max px breaks: the length of
 * its first line (0: no space to break at that helps). */
static size_t label_break(Ui *ui, const char *label, int px, Weight w, int max)
{
    char head[UI_LABEL * 2];
    size_t best = 0, n = strlen(label);
    for (size_t i = 1; i < n && i < sizeof head; i++) {
        if (label[i] != ' ')
            continue;
        memcpy(head, label, i);
        head[i] = '\0';
        if (ui_width(ui, head, px, w) > max)
            break;
        best = i;
    }
    return best;
}

void ui_button_size(Ui *ui, const char *label, ButtonStyle style, int max_w, int *w, int *h)
{
    int px = label_px(ui, style), padx = ui->u * 4;
    Weight wt = label_weight(style);
    int lh = draw_line_height(ui->measure, px);
    *w = ui_width(ui, label, px, wt) + padx;
    *h = ui_touch(ui, ui->u * 7);
    if (max_w > 0 && *w > max_w) {
        size_t b = label_break(ui, label, px, wt, max_w - padx);
        *w = max_w;
        if (b > 0) {
            int two = 2 * lh + ui->u * 2;
            *h = two > *h ? two : *h;
        }
    }
    if (*w < *h)
        *w = *h;
}

void ui_panel(Ui *ui, Rect r, Color c)
{
    if (ui->d)
        draw_round(ui->d, r, ui->u * 2, c);
}

/* Colours of a button style: fill, text, border. */
static void style_colors(const Ui *ui, ButtonStyle s, Color *fill, Color *text, Color *border)
{
    const Theme *t = &ui->th;
    *border = ui_alpha(t->border, 0);
    switch (s) {
    case BTN_PRIMARY:
        *fill = t->primary;
        *text = t->on_primary;
        break;
    case BTN_SECONDARY:
        *fill = t->surface;
        *text = t->primary;
        *border = t->primary;
        break;
    case BTN_GHOST:
        *fill = ui_alpha(t->surface, 0);
        *text = t->primary;
        *border = t->border;
        break;
    case BTN_CHIP_ON:
        *fill = t->primary;
        *text = t->on_primary;
        break;
    case BTN_KEY:
        *fill = t->surface;
        *text = t->text;
        *border = t->border;
        break;
    case BTN_DISABLED:
        *fill = t->sunken;
        *text = t->muted;
        break;
    default:
        *fill = t->chip;
        *text = t->chip_text;
        *border = ui->high_contrast ? t->border : ui_alpha(t->border, 0);
        break;
    }
}

bool ui_button2(Ui *ui, Rect r, const char *label, const char *sub, ButtonStyle style)
{
    Color fill, text, border;
    bool held = ui->down && !ui->dragged && ui_contains(r, ui->x, ui->y) &&
                ui_contains(r, ui->down_x, ui->down_y);
    ui_record_tap(ui, label, r);
    if (ui->d) {
        style_colors(ui, style, &fill, &text, &border);
        int radius = style == BTN_CHIP || style == BTN_CHIP_ON ? r.h / 2 : ui->u * 2;
        if (held && style != BTN_DISABLED)
            fill = style == BTN_PRIMARY || style == BTN_CHIP_ON ? ui->th.focus : ui->th.sunken;
        draw_round(ui->d, r, radius, fill);
        if (border.a)
            draw_round_outline(ui->d, r, radius, ui->high_contrast ? 3 : 2, border);
        int px = label_px(ui, style);
        Weight w = label_weight(style);
        int lh = draw_line_height(ui->d, px), sh = sub ? draw_line_height(ui->d, ui->small) : 0;
        int tw = ui_width(ui, label, px, w);
        int max = r.w - ui->u * 2;
        size_t b = tw > max && r.h >= 2 * lh + sh ? label_break(ui, label, px, w, max) : 0;
        if (b > 0) { /* two lines, when one would be cut and two fit */
            char first[UI_LABEL * 2];
            snprintf(first, sizeof first, "%.*s", (int)b, label);
            const char *rest = label + b + 1;
            int w1 = ui_width(ui, first, px, w), w2 = ui_width(ui, rest, px, w);
            int y = r.y + (r.h - 2 * lh - sh) / 2;
            one_line(ui, r.x + (r.w - w1) / 2, y, first, px, w, text, max, true);
            one_line(ui, r.x + (r.w - (w2 < max ? w2 : max)) / 2, y + lh, rest, px, w, text, max,
                     true);
            lh *= 2;
        } else
            one_line(ui, r.x + (r.w - (tw < max ? tw : max)) / 2, r.y + (r.h - lh - sh) / 2, label,
                     px, w, text, max, true);
        int y = r.y + (r.h - lh - sh) / 2;
        if (sub) {
            int sw = ui_width(ui, sub, ui->small, WEIGHT_REGULAR);
            ui_text(ui, r.x + (r.w - (sw < max ? sw : max)) / 2, y + lh, sub, ui->small,
                    WEIGHT_REGULAR, ui_alpha(text, 220), max);
        }
    }
    return style != BTN_DISABLED && ui_tapped(ui, r);
}

bool ui_button(Ui *ui, Rect r, const char *label, ButtonStyle style)
{
    return ui_button2(ui, r, label, NULL, style);
}

bool ui_typing(const Ui *ui)
{
    return ui->focus != 0;
}

/* Leaves out of s, in place, each character no font can draw; returns
 * whether there was one. */
static bool drop_undrawable(Ui *ui, char *s)
{
    bool any = false;
    size_t len = strlen(s), o = 0;
    for (size_t i = 0; i < len;) {
        size_t at = i;
        char one[8] = "";
        text_utf8_next(s, len, &i);
        memcpy(one, s + at, i - at);
        if (ui->measure && draw_missing_glyphs(ui->measure, one) > 0) {
            any = true;
            continue;
        }
        memmove(s + o, s + at, i - at);
        o += i - at;
    }
    s[o] = '\0';
    return any;
}

/* The slot of the field id among the fields cut short, or -1. */
static int cut_slot(const Ui *ui, uint32_t id)
{
    for (int i = 0; i < UI_CUTS; i++)
        if (id && ui->cut[i] == id)
            return i;
    return -1;
}

static void set_cut(Ui *ui, uint32_t id, bool cut)
{
    int i = cut_slot(ui, id);
    if (cut && i < 0)
        for (i = 0; i < UI_CUTS && ui->cut[i]; i++)
            ;
    if (i >= 0 && i < UI_CUTS)
        ui->cut[i] = cut ? id : 0;
}

bool ui_field_cut(const Ui *ui, uint32_t id)
{
    return cut_slot(ui, id) >= 0;
}

/* Adds s to the focused field a character at a time while it fits. At
 * the limit a word it could not finish goes whole (half a word would
 * read as a word in the message), the field is marked cut and says so,
 * and it takes nothing more until something is deleted. */
static void insert(Ui *ui, char *buf, size_t cap, const char *s)
{
    size_t n = strlen(buf);
    if (ui_field_cut(ui, ui->focus))
        return; /* full until something is deleted: no word glued to the one kept */
    while (*s) {
        size_t len = 1;
        while (((unsigned char)s[len] & 0xC0) == 0x80)
            len++;
        if (n + len < cap) {
            memcpy(buf + n, s, len);
            buf[n += len] = '\0';
            s += len;
            continue;
        }
        if (*s != ' ')
            while (n > 0 && buf[n - 1] != ' ')
                n--;
        while (n > 0 && buf[n - 1] == ' ')
            n--;
        explicit_bzero(buf + n, cap - n);
        set_cut(ui, ui->focus, true);
        return;
    }
}

/* Applies typed text and physical keys to the focused buffer. What is
 * typed is cleaned first (core/typed.h): the controls and format
 * characters a name or answer never needs go quietly, emoji and
 * characters no font draws go with a hint (ui->refused). */
static void edit(Ui *ui, char *buf, size_t cap)
{
    if (ui->typed[0]) {
        char add[sizeof ui->typed];
        bool refused = false;
        text_copy(add, sizeof add, ui->typed);
        typed_clean(add, typed_last(buf), &refused);
        refused = drop_undrawable(ui, add) || refused;
        insert(ui, buf, cap, add);
        ui->refused = refused;
        explicit_bzero(add, sizeof add);
        ui->typed[0] = '\0';
    }
    if (ui->key == '\b') {
        ui->refused = false;
        size_t n = strlen(buf);
        while (n > 0 && ((unsigned char)buf[n - 1] & 0xC0) == 0x80)
            n--;
        if (n > 0)
            n--;
        buf[n] = '\0';
        ui->key = 0;
        set_cut(ui, ui->focus, false); /* room again: what is left is what they kept */
    }
}

bool ui_field(Ui *ui, uint32_t id, Rect r, char *buf, size_t cap, const char *placeholder,
              const char *name)
{
    bool focused = ui->focus == id;
    ui_record_tap(ui, name, r);
    if (!ui->measuring && ui->nitems > 0 && strcmp(ui->item[ui->nitems - 1].label, name) == 0)
        text_copy(ui->item[ui->nitems - 1].value, UI_LABEL, buf);
    if (ui_tapped(ui, r)) {
        if (ui->focus != id)
            ui->refused = false;
        ui->focus = id;
        focused = true;
        ui->shift = buf[0] == '\0';
    }
    if (focused && !ui->measuring) {
        ui->focus_buf = buf;
        ui->focus_cap = cap;
        edit(ui, buf, cap);
    }
    int pad = ui->u * 2, max = r.w - 2 * pad;
    Rect badge = {0};
    const char *say = str(S_FIELD_CUT);
    if (ui_field_cut(ui, id)) { /* where they type: the last word did not fit */
        int sw = ui_width(ui, say, ui->small, WEIGHT_BOLD);
        int sh = draw_line_height(ui->measure, ui->small);
        sw = sw < max / 2 ? sw : max / 2;
        badge = (Rect){r.x + r.w - pad - sw - ui->u * 2, r.y + (r.h - sh) / 2 - ui->u,
                       sw + ui->u * 2, sh + ui->u * 2};
        ui_record(ui, say, badge);
        max -= badge.w + ui->u;
    }
    /* why the last character typed did not appear, at the field's end */
    const char *why = str(S_CANNOT_SHOW);
    Rect hint = {0};
    if (focused && ui->refused && !badge.w) {
        int lh = draw_line_height(ui->measure, ui->small);
        /* beside what was typed; never less than half the field */
        int hw = ui_width(ui, why, ui->small, WEIGHT_REGULAR), room = max / 2;
        int typed = ui_width(ui, buf, ui->body, WEIGHT_REGULAR) + ui->u * 4;
        if (max - typed > room)
            room = max - typed;
        hint = (Rect){0, r.y + (r.h - lh) / 2, hw < room ? hw : room, lh};
        hint.x = r.x + r.w - pad - hint.w;
        ui_record(ui, why, hint);
        max -= hint.w + ui->u * 2;
    }
    if (ui->d) {
        const Theme *t = &ui->th;
        draw_round(ui->d, r, ui->u * 2, t->surface);
        draw_round_outline(ui->d, r, ui->u * 2, focused ? 4 : 2, focused ? t->focus : t->border);
        int lh = draw_line_height(ui->d, ui->body);
        int ty = r.y + (r.h - lh) / 2;
        int tw = 0;
        if (hint.w > 0)
            ui_text(ui, hint.x, hint.y, why, ui->small, WEIGHT_REGULAR, t->muted, hint.w);
        if (badge.w) {
            draw_round(ui->d, badge, ui->u, t->warn_bg);
            ui_text(ui, badge.x + ui->u, badge.y + ui->u, say, ui->small, WEIGHT_BOLD, t->warn_text,
                    badge.w - ui->u * 2);
        }
        if (*buf) {
            /* keep the end of long text (where the caret is) in view */
            const char *show = buf;
            while (*show && ui_width(ui, show, ui->body, WEIGHT_REGULAR) > max - ui->u)
                show++;
            while (((unsigned char)*show & 0xC0) == 0x80)
                show++;
            tw = draw_text(ui->d, show, r.x + pad, ty, ui->body, WEIGHT_REGULAR, t->text);
        } else
            ui_text(ui, r.x + pad, ty, placeholder, ui->body, WEIGHT_REGULAR, t->placeholder, max);
        if (focused)
            draw_rect(ui->d, (Rect){r.x + pad + tw + 2, ty + lh / 8, 3, lh * 3 / 4}, t->focus);
    }
    return focused;
}

int ui_keyboard_height(const Ui *ui)
{
    int h = ui->landscape ? ui->h * 42 / 100 : ui->h * 30 / 100;
    int key_min = ui_touch(ui, ui->u * 7) * 5 + ui->u * 6; /* five rows of touch-sized keys */
    return h > key_min ? h : key_min;
}

/* Letters and accents, row by row; a space in a row string separates keys. */
static const char *const letters[4] = {"1 2 3 4 5 6 7 8 9 0", "q w e r t y u i o p",
                                       "a s d f g h j k l '", "z x c v b n m - . @"};
static const char *const accents[4] = {"á à â ä ã å æ ç", "é è ê ë í ì î ï", "ñ ó ò ô ö õ ø œ",
                                       "ú ù û ü ý ÿ ß ł"};

/* What a key types: its letter, in capitals while Shift is on. */
static void key_text(const char *k, bool shift, char *out, size_t cap)
{
    if (shift)
        text_upper(k, out, cap);
    else
        text_copy(out, cap, k);
}

static void type_text(Ui *ui, const char *s)
{
    if (!ui->focus_buf)
        return;
    insert(ui, ui->focus_buf, ui->focus_cap, s);
    ui->shift = false;
}

/* One row of keys spread across r; returns nothing, types what is hit. */
static void key_row(Ui *ui, Rect r, const char *row, int gap)
{
    char keys[16][8];
    int n = 0;
    for (const char *p = row; *p && n < 16;) {
        size_t len = strcspn(p, " ");
        snprintf(keys[n++], sizeof keys[0], "%.*s", (int)len, p);
        p += len;
        p += strspn(p, " ");
    }
    int kw = (r.w - gap * (n - 1)) / n;
    for (int i = 0; i < n; i++) {
        char label[8];
        key_text(keys[i], ui->shift, label, sizeof label);
        Rect k = {r.x + i * (kw + gap), r.y, kw, r.h};
        if (ui_button(ui, k, label, BTN_KEY))
            type_text(ui, label);
    }
}

bool ui_keyboard(Ui *ui, Rect r)
{
    int gap = ui->u, rows = 5;
    int kh = (r.h - gap * (rows + 1)) / rows;
    /* not too wide on wide screens, but ten keys of the touch target */
    int maxw = ui->landscape ? ui->h * 16 / 10 : r.w, least = ui_touch(ui, 0) * 10 + gap * 9;
    maxw = maxw > least ? maxw : least;
    int w = r.w - 2 * gap < maxw ? r.w - 2 * gap : maxw;
    int x = r.x + (r.w - w) / 2;
    bool done = false;
    ui_pane_begin(ui, "the keyboard", r);
    if (ui->d)
        draw_rect(ui->d, r, ui->th.sunken);
    const char *const *set = ui->accents ? accents : letters;
    for (int row = 0; row < 4; row++)
        key_row(ui, (Rect){x, r.y + gap + row * (kh + gap), w, kh}, set[row], gap);
    /* the last row: each key as wide as its label needs (and its share
     * of ten), the space bar takes what is left */
    int y = r.y + gap + 4 * (kh + gap), unit = (w - 4 * gap) / 10, px = label_px(ui, BTN_KEY);
    const char *words[4] = {str(S_KEY_SHIFT), str(ui->accents ? S_KEY_LETTERS : S_KEY_ACCENTS),
                            str(S_KEY_DELETE), str(S_KEY_DONE)};
    static const int share[4] = {4, 3, 3, 5}; /* halves of a tenth */
    int kw[4], used = 0;
    for (int i = 0; i < 4; i++) {
        int need =
            ui_width(ui, words[i], i == 3 ? ui->body : px, i == 3 ? WEIGHT_BOLD : WEIGHT_REGULAR) +
            ui->u * 3;
        kw[i] = need > unit * share[i] / 2 ? need : unit * share[i] / 2;
        used += kw[i];
    }
    Rect shift = {x, y, kw[0], kh}, acc = {x + kw[0] + gap, y, kw[1], kh};
    Rect space = {acc.x + acc.w + gap, y, w - used - 4 * gap, kh};
    Rect del = {space.x + space.w + gap, y, kw[2], kh};
    Rect ok = {del.x + del.w + gap, y, kw[3], kh};
    if (ui_button(ui, shift, str(S_KEY_SHIFT), ui->shift ? BTN_CHIP_ON : BTN_KEY))
        ui->shift = !ui->shift;
    if (ui_button(ui, acc, str(ui->accents ? S_KEY_LETTERS : S_KEY_ACCENTS),
                  ui->accents ? BTN_CHIP_ON : BTN_KEY))
        ui->accents = !ui->accents;
    if (ui_button(ui, space, str(S_KEY_SPACE), BTN_KEY))
        type_text(ui, " ");
    if (ui_button(ui, del, str(S_KEY_DELETE), BTN_KEY) && ui->focus_buf) {
        ui->key = '\b';
        edit(ui, ui->focus_buf, ui->focus_cap);
    }
    if (ui_button(ui, ok, str(S_KEY_DONE), BTN_PRIMARY) || ui->key == 13) {
        ui->focus = 0;
        ui->focus_buf = NULL;
        ui->accents = false;
        done = true;
    }
    ui_pane_end(ui);
    return done;
}

static UiScroll *scroll_of(Ui *ui, uint32_t id)
{
    UiScroll *free_slot = NULL;
    for (int i = 0; i < UI_SCROLLS; i++) {
        if (ui->scroll[i].id == id)
            return &ui->scroll[i];
        if (!ui->scroll[i].id && !free_slot)
            free_slot = &ui->scroll[i];
    }
    if (!free_slot)
        free_slot = &ui->scroll[id % UI_SCROLLS];
    memset(free_slot, 0, sizeof *free_slot);
    free_slot->id = id;
    return free_slot;
}

void ui_scroll_by(Ui *ui, uint32_t id, int dy)
{
    UiScroll *s = scroll_of(ui, id);
    s->offset += (float)dy;
    if (s->offset > (float)s->max)
        s->offset = (float)s->max;
    if (s->offset < 0)
        s->offset = 0;
    s->velocity = 0;
    s->grab = s->offset;
}

int ui_scroll_needed(const Ui *ui, int item, uint32_t *id)
{
    const UiItem *it = &ui->item[item];
    const UiPane *p = &ui->pane[it->pane];
    *id = p->id;
    if (!p->scroll)
        return 0;
    Rect r = it->r, v = p->r;
    if (r.y < v.y)
        return r.y - v.y;
    if (r.y + r.h > v.y + v.h) {
        int down = r.y + r.h - (v.y + v.h), most = r.y - v.y;
        return down < most ? down : most;
    }
    return 0;
}

void ui_scroll_reset(Ui *ui, uint32_t id)
{
    UiScroll *s = scroll_of(ui, id);
    s->offset = s->velocity = s->grab = 0;
}

int ui_scroll_begin(Ui *ui, uint32_t id, Rect view, int content_h)
{
    UiScroll *s = scroll_of(ui, id);
    s->max = content_h > view.h ? content_h - view.h : 0;
    bool mine = ui_contains(view, ui->down_x, ui->down_y);
    if (ui->down && ui->dragged && mine) {
        s->offset = s->grab - (float)(ui->y - ui->down_y);
        if (ui->released)
            s->velocity = ui->drag_speed;
    } else if (s->velocity != 0 && !ui->down) {
        s->offset += s->velocity * 16.0f;
        s->velocity *= 0.92f;
        if (fabsf(s->velocity) < 0.02f)
            s->velocity = 0;
        ui->animating = ui->animating || s->velocity != 0;
    }
    if (ui->wheel && ui_contains(view, ui->x, ui->y))
        s->offset -= (float)ui->wheel * (float)ui->u * 12;
    if (s->offset < 0)
        s->offset = 0, s->velocity = 0;
    if (s->offset > (float)s->max)
        s->offset = (float)s->max, s->velocity = 0;
    if (!ui->down)
        s->grab = s->offset;
    s->view = view;
    s->content = content_h;
    ui->current = s;
    UiPane *p = open_pane(ui, "a scroll area", view);
    if (p) {
        p->scroll = true;
        p->id = id;
        p->top = view.y - (int)s->offset;
        p->bottom = p->top + (content_h > view.h ? content_h : view.h);
    }
    if (ui->d)
        draw_clip(ui->d, &view);
    return (int)s->offset;
}

void ui_scroll_end(Ui *ui)
{
    UiScroll *s = ui->current;
    ui_pane_end(ui);
    ui->current = NULL;
    if (!ui->d || !s)
        return;
    draw_clip(ui->d, NULL);
    if (s->max > 0) { /* a slim bar says there is more */
        Rect v = s->view;
        int bar = v.h * v.h / s->content;
        int y = v.y + (int)((float)(v.h - bar) * s->offset / (float)s->max);
        draw_round(ui->d, (Rect){v.x + v.w - ui->u, y, ui->u * 2 / 3 + 2, bar}, 3,
                   ui_alpha(ui->th.muted, 140));
    }
}
