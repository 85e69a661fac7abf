/* Staff mode: PIN pad, staff menu, bundle preview, progress and result.
 * Staff, not visitors, read these screens, so their words are here in
 * English rather than in the visitors' string table; the words visitors
 * can see (the Staff button, the stick banner) are in strings.c. */
#include "kiosk/screens/chrome.h"
#include "kiosk/screens/screens_internal.h"

#include "core/text.h"

#include <string.h>

/* The frame: a dark strip naming staff mode, then a title and a line
 * under it. Returns the column below. */
static Rect frame(View *vw, const char *title, const char *sub)
{
    Ui *ui = vw->ui;
    int p = pad(ui), h = ui->u * 8;
    if (ui->d)
        draw_rect(ui->d, (Rect){0, 0, ui->w, h}, ui->th.text);
    int lh = draw_line_height(ui->measure, ui->body);
    char strip[200];
    snprintf(strip, sizeof strip, "Staff mode \xc2\xb7 %s", vw->office->name);
    ui_text(ui, p, (h - lh) / 2, strip, ui->body, WEIGHT_BOLD, ui->th.bg, ui->w - 2 * p);
    int w = ui->landscape ? ui->w * 7 / 10 : ui->w - 2 * p;
    if (w > ui->u * 150)
        w = ui->u * 150;
    Rect col = {(ui->w - w) / 2 - p, h + ui->u * 4, w + 2 * p, 0};
    ui_record(ui, title, (Rect){col.x + p, col.y, w, lh});
    int y = chrome_title(vw, col, title, sub);
    return (Rect){col.x + p, y, w, ui->h - y};
}

/* A row of up to three buttons at the bottom; returns which was tapped
 * (1-based), or 0. Shrinks body above them. */
static int buttons(View *vw, Rect *body, const char *const *label, const ButtonStyle *style, int n)
{
    Ui *ui = vw->ui;
    int bh = ui_touch(ui, ui->u * 9), gap = ui->u * 3, y = ui->h - bh - pad(ui) * 2, tapped = 0;
    int bw = (body->w - gap) / 2, x = n == 1 ? body->x + (body->w - bw) / 2 : body->x;
    if (n > 2)
        bw = (body->w - gap * (n - 1)) / n;
    body->h = y - ui->u * 3 - body->y;
    for (int i = 0; i < n; i++)
        if (ui_button(ui, (Rect){x + i * (bw + gap), y, bw, bh}, label[i], style[i]))
            tapped = i + 1;
    return tapped;
}

/* Wrapped paragraphs in a scroll area filling body. */
static void scrolled_text(View *vw, Rect body, const char *text, Color c)
{
    Ui *ui = vw->ui;
    ui_measure_begin(ui);
    int h =
        ui_wrap(ui, (Rect){body.x, 0, body.w - ui->u * 2, 0}, text, ui->body, WEIGHT_REGULAR, c);
    ui_measure_end(ui);
    int off = ui_scroll_begin(ui, ui_id("staff-text"), body, h);
    ui_wrap(ui, (Rect){body.x, body.y - off, body.w - ui->u * 2, 0}, text, ui->body, WEIGHT_REGULAR,
            c);
    ui_scroll_end(ui);
}

/* Digits and keys typed on a physical keyboard. */
static void pin_typed(View *vw)
{
    Ui *ui = vw->ui;
    for (const char *t = ui->typed; *t; t++)
        if (*t >= '0' && *t <= '9')
            view_post(vw, INTENT_STAFF_KEY, *t);
    if (ui->key == '\b' || ui->key == 13)
        view_post(vw, INTENT_STAFF_KEY, ui->key == 13 ? '\r' : '\b');
}

static int pin_room; /* the body's height, for pin_lay */

/* What the PIN pad says above the keys (no PIN set, locked, wrong), or
 * "" for nothing. */
static void pin_words(const StaffView *st, int locked, int tries_left, const char *next_lock,
                      char *line, size_t cap)
{
    line[0] = '\0';
    if (!st->pin_set)
        snprintf(line, cap,
                 "No staff PIN is set on this kiosk, so staff mode is closed. Set one on the "
                 "kiosk's computer with the command: career-kiosk-admin set-pin");
    else if (locked >= 3600)
        snprintf(line, cap, "Too many wrong PINs. Try again in %d:%02d:%02d.", locked / 3600,
                 locked / 60 % 60, locked % 60);
    else if (locked)
        snprintf(line, cap, "Too many wrong PINs. Try again in %d:%02d.", locked / 60, locked % 60);
    else if (st->pin_wrong)
        snprintf(line, cap, "That PIN is not right. %d more %s before a %s lock.", tries_left,
                 tries_left == 1 ? "try" : "tries", next_lock);
}

/* The room kept above the pad for what it may say, so the keys stay
 * where they are when a message comes or goes: the tallest of what
 * this pad can say at this width. */
static int pin_words_room(Ui *ui, const StaffView *st, int w)
{
    static const char *const longest_lock = "four-hour";
    char line[300];
    int room = 0;
    StaffView wrong = *st;
    wrong.pin_wrong = true;
    const struct {
        int locked, tries;
        const char *lock;
    } say[] = {{0, STAFF_TRIES - 1, longest_lock},
               {0, 1, longest_lock},
               {0, st->tries_left, st->next_lock},
               {86399, 0, ""},
               {599, 0, ""},
               {st->locked_seconds, 0, ""}};
    ui_measure_begin(ui);
    for (size_t i = 0; i < sizeof say / sizeof *say; i++) {
        pin_words(&wrong, say[i].locked, say[i].tries, say[i].lock, line, sizeof line);
        int h = line[0]
                    ? ui_wrap(ui, (Rect){0, 0, w, 0}, line, ui->body, WEIGHT_BOLD, ui->th.warn_text)
                    : 0;
        room = h > room ? h : room;
    }
    ui_measure_end(ui);
    return room;
}

/* What is wrong (no PIN set, locked, wrong) in room kept for it, the
 * PIN as dots and the pad from y, the keys as tall as pin_room allows
 * but never under the touch target; returns the height used. */
static int pin_lay(View *vw, int x, int y, int w)
{
    Ui *ui = vw->ui;
    const StaffView *st = vw->staff;
    int locked = st->locked_seconds, y0 = y;
    char line[300];
    pin_words(st, locked, st->tries_left, st->next_lock, line, sizeof line);
    int room = st->pin_set ? pin_words_room(ui, st, w) : 0;
    if (line[0]) {
        ui_record(ui, line, (Rect){x, y, w, ui->u * 4});
        int h = ui_wrap(ui, (Rect){x, y, w, 0}, line, ui->body, WEIGHT_BOLD, ui->th.warn_text);
        room = h > room ? h : room;
    }
    if (room)
        y += room + ui->u * 2;
    /* the PIN as dots */
    char dots[3 * 16 + 1] = "";
    for (int i = 0; i < st->pin_len && i < 16; i++)
        strcat(dots, "\xe2\x97\x8f");
    int kw = ui->u * 60 < w ? ui->u * 60 : w, kx = x + (w - kw) / 2;
    Rect field = {kx, y, kw, ui->u * 9};
    ui_panel(ui, field, ui->th.sunken);
    int dw = ui_width(ui, dots, ui->title, WEIGHT_BOLD);
    ui_text(ui, kx + (kw - dw) / 2,
            field.y + (field.h - draw_line_height(ui->measure, ui->title)) / 2, dots, ui->title,
            WEIGHT_BOLD, ui->th.text, kw);
    /* the pad: 1-9, Delete, 0, OK */
    static const char *const keys[12] = {"1", "2", "3", "4",      "5", "6",
                                         "7", "8", "9", "Delete", "0", "OK"};
    int gap = ui->u * 2, top = field.y + field.h + ui->u * 3;
    int kh = (y0 + pin_room - top - 3 * gap) / 4;
    kh = kh > ui->u * 12 ? ui->u * 12 : ui_touch(ui, kh);
    int bw = (kw - 2 * gap) / 3;
    bool usable = st->pin_set && !locked;
    for (int i = 0; i < 12; i++) {
        Rect r = {kx + (i % 3) * (bw + gap), top + (i / 3) * (kh + gap), bw, kh};
        ButtonStyle s = !usable ? BTN_DISABLED : i == 11 ? BTN_PRIMARY : BTN_KEY;
        if (ui_button(ui, r, keys[i], s) && usable)
            view_post(vw, INTENT_STAFF_KEY, i == 9 ? '\b' : i == 11 ? '\r' : keys[i][0]);
    }
    return top + 4 * kh + 3 * gap - y0;
}

static void pin_screen(View *vw)
{
    Ui *ui = vw->ui;
    const StaffView *st = vw->staff;
    const char *sub = st->for_stick ? "A staff USB stick was plugged in. Enter the staff PIN to "
                                      "update the directory from it."
                                    : "Enter the staff PIN.";
    Rect body = frame(vw, "Staff PIN", sub);
    const char *cancel[] = {"Cancel"};
    int act = buttons(vw, &body, cancel, (ButtonStyle[]){BTN_SECONDARY}, 1);
    pin_room = body.h; /* scrolls on a screen too short for the pad */
    chrome_scroll(vw, "staff-pin", body, body.x, body.w, pin_lay);
    pin_typed(vw);
    if (act == 1)
        view_post(vw, INTENT_STAFF_END, 0);
    if (st->locked_seconds)
        ui->animating = false; /* the countdown is driven by staff_wait_ms */
}

/* "N mentors, imported WHEN from SOURCE": the list kept from before
 * the last import, as staff read it. */
static void backup_words(const StaffView *st, char *out, size_t cap)
{
    int n = snprintf(out, cap, "%d %s", st->backup_mentors,
                     st->backup_mentors == 1 ? "mentor" : "mentors");
    if (st->backup_when[0] && n > 0 && (size_t)n < cap)
        n += snprintf(out + n, cap - (size_t)n, ", imported %s", st->backup_when);
    if (st->backup_source[0] && n > 0 && (size_t)n < cap)
        snprintf(out + n, cap - (size_t)n, "; source: %s", st->backup_source);
}

/* The list kept from before the last import, and the button that puts
 * it back; returns the y after it. */
static int previous_list(View *vw, Rect body, int y)
{
    Ui *ui = vw->ui;
    const StaffView *st = vw->staff;
    int bh = ui_touch(ui, ui->u * 9), bw = (body.w - ui->u * 2) / 2;
    char list[300], words[400];
    y += chrome_caption(vw, body.x, y, "Previous list");
    if (st->backup_mentors <= 0) {
        y += ui_wrap(ui, (Rect){body.x, y, body.w, 0},
                     "No earlier list is kept yet: the kiosk keeps the list it replaces at "
                     "each import, so it can be put back.",
                     ui->body, WEIGHT_REGULAR, ui->th.muted);
        return y + ui->u * 4;
    }
    backup_words(st, list, sizeof list);
    snprintf(words, sizeof words, "The list from before the last import is kept: %s.", list);
    y += ui_wrap(ui, (Rect){body.x, y, body.w, 0}, words, ui->body, WEIGHT_REGULAR, ui->th.text) +
         ui->u * 2;
    if (ui_button(ui, (Rect){body.x, y, bw, bh}, "Put back the previous list", BTN_SECONDARY))
        view_post(vw, INTENT_STAFF_ASK_ROLLBACK, 0);
    return y + bh + ui->u * 4;
}

/* The staff screen's content from y; returns the y after it. Buttons
 * act only on a drawing or input pass, not while measuring. */
static int menu_content(View *vw, Rect body, int y)
{
    Ui *ui = vw->ui;
    const StaffView *st = vw->staff;
    int p = pad(ui), bh = ui_touch(ui, ui->u * 9), gap = ui->u * 2, bw = (body.w - gap) / 2;
    const char *notices[] = {st->attempts, st->notice, st->stale, st->inbox_note};
    for (size_t i = 0; i < sizeof notices / sizeof *notices; i++) {
        if (!notices[i][0])
            continue;
        ui_measure_begin(ui);
        int nh = ui_wrap(ui, (Rect){0, 0, body.w - 2 * p, 0}, notices[i], ui->body, WEIGHT_REGULAR,
                         ui->th.warn_text);
        ui_measure_end(ui);
        ui_panel(ui, (Rect){body.x, y, body.w, nh + 2 * p}, ui->th.warn_bg);
        ui_wrap(ui, (Rect){body.x + p, y + p, body.w - 2 * p, 0}, notices[i], ui->body,
                WEIGHT_REGULAR, ui->th.warn_text);
        y += nh + 2 * p + gap;
    }
    y += chrome_caption(vw, body.x, y, "Directory and printer");
    y += ui_wrap(ui, (Rect){body.x, y, body.w, 0}, st->health, ui->body, WEIGHT_REGULAR,
                 ui->th.text) +
         ui->u * 4;
    if (st->inbox_mode) {
        char words[STAFF_PATH_MAX + 200];
        y += chrome_caption(vw, body.x, y, "Inbox");
        if (st->inbox[0])
            snprintf(words, sizeof words, "A bundle is waiting in the inbox (%s).%s", st->inbox,
                     st->inbox_mode == 1 ? " The kiosk imports it by itself between visitors."
                                         : "");
        else
            snprintf(words, sizeof words, "No new bundle in the inbox.%s",
                     st->inbox_mode == 1 ? " The kiosk imports signed bundles by itself "
                                           "between visitors."
                                         : "");
        y += ui_wrap(ui, (Rect){body.x, y, body.w, 0}, words, ui->body, WEIGHT_REGULAR,
                     st->inbox[0] ? ui->th.text : ui->th.muted) +
             ui->u * 2;
        if (st->inbox_mode == 2 || st->inbox_waiting) { /* staff, or held for staff */
            bool waiting = st->inbox_waiting;
            if (ui_button(ui, (Rect){body.x, y, bw, bh}, "Import from the inbox",
                          waiting ? BTN_PRIMARY : BTN_DISABLED) &&
                waiting)
                view_post(vw, INTENT_STAFF_CHECK, 1);
            y += bh;
        }
        y += ui->u * 4;
    }
    y += chrome_caption(vw, body.x, y, "USB stick");
    char where[STAFF_PATH_MAX + 40];
    snprintf(where, sizeof where, "A stick is plugged in (%s).", st->stick);
    y += ui_wrap(ui, (Rect){body.x, y, body.w, 0},
                 st->stick[0] ? where
                              : "Plug in a staff USB stick with a career-kiosk folder to import "
                                "a signed export or to take the stats home.",
                 ui->body, WEIGHT_REGULAR, st->stick[0] ? ui->th.text : ui->th.muted) +
         ui->u * 2;
    bool stick = st->stick[0];
    if (ui_button(ui, (Rect){body.x, y, bw, bh}, "Import from the stick",
                  stick ? BTN_PRIMARY : BTN_DISABLED) &&
        stick)
        view_post(vw, INTENT_STAFF_CHECK, 0);
    if (ui_button(ui, (Rect){body.x + bw + gap, y, bw, bh}, "Export stats to the stick",
                  stick ? BTN_SECONDARY : BTN_DISABLED) &&
        stick)
        view_post(vw, INTENT_STAFF_EXPORT, 0);
    y += bh + ui->u * 4;
    y = previous_list(vw, body, y);
    if (!st->printer)
        return y;
    bool busy = st->print_busy;
    if (ui_button(ui, (Rect){body.x, y, bw, bh}, "Test print",
                  busy ? BTN_DISABLED : BTN_SECONDARY) &&
        !busy)
        view_post(vw, INTENT_STAFF_TEST_PRINT, 0);
    int th = ui_wrap(ui, (Rect){body.x + bw + gap, y, bw, 0}, st->print_words, ui->body,
                     WEIGHT_REGULAR, st->print_failed ? ui->th.warn_text : ui->th.text);
    return y + (th > bh ? th : bh) + ui->u * 2;
}

static void menu_screen(View *vw)
{
    Ui *ui = vw->ui;
    Rect body = frame(vw, "Staff", NULL);
    const char *bottom[] = {"Leave kiosk mode", "Close staff mode"};
    int act = buttons(vw, &body, bottom, (ButtonStyle[]){BTN_GHOST, BTN_PRIMARY}, 2);
    ui_measure_begin(ui);
    int h = menu_content(vw, body, 0);
    ui_measure_end(ui);
    int off = ui_scroll_begin(ui, ui_id("staff-menu"), body, h);
    menu_content(vw, body, body.y - off);
    ui_scroll_end(ui);
    if (act == 1)
        view_post(vw, INTENT_STAFF_ASK_LEAVE, 0);
    else if (act == 2)
        view_post(vw, INTENT_STAFF_END, 0);
}

static void preview_screen(View *vw)
{
    Ui *ui = vw->ui;
    const StaffView *st = vw->staff;
    Rect body = frame(vw, "Check before importing", "Nothing changes until you tap Import.");
    const char *label[] = {"Cancel", st->import_label};
    int act = buttons(vw, &body, label, (ButtonStyle[]){BTN_SECONDARY, BTN_PRIMARY}, 2);
    scrolled_text(vw, body, st->preview, ui->th.text);
    if (act == 1)
        view_post(vw, INTENT_STAFF_END, 0);
    else if (act == 2)
        view_post(vw, INTENT_STAFF_IMPORT, 0);
}

static void busy_screen(View *vw, const char *title)
{
    const char *words = vw->staff->busy[0] ? vw->staff->busy
                        : vw->staff->from_inbox || vw->staff->step == STAFF_ROLLING
                            ? "This takes a few seconds."
                            : "Please leave the stick in until this is done.";
    Rect body = frame(vw, title, words);
    (void)body;
}

static void result_screen(View *vw)
{
    Ui *ui = vw->ui;
    const StaffView *st = vw->staff;
    Rect body = frame(vw, st->title, NULL);
    const char *label[] = {"Staff menu", "Done"};
    int act = buttons(vw, &body, label, (ButtonStyle[]){BTN_SECONDARY, BTN_PRIMARY}, 2);
    Color tone = st->ok ? ui->th.ok_text : ui->th.warn_text;
    if (ui->d)
        draw_rect(ui->d, (Rect){body.x - ui->u * 2, body.y, ui->u, body.h}, tone);
    scrolled_text(vw, body, st->message, ui->th.text);
    if (act == 1)
        view_post(vw, INTENT_STAFF_MENU, 0);
    else if (act == 2)
        view_post(vw, INTENT_STAFF_END, 0);
}

/* A command for staff to type, on a panel of its own: as it is typed,
 * with no quotes or marks around it. Returns the height used. */
static int command_panel(View *vw, Rect body, const char *command)
{
    Ui *ui = vw->ui;
    int p = pad(ui), lh = draw_line_height(ui->measure, ui->body);
    Rect r = {body.x, body.y, body.w, lh + 2 * p};
    ui_panel(ui, r, ui->th.sunken);
    ui_text(ui, r.x + p, r.y + p, command, ui->body, WEIGHT_BOLD, ui->th.text, r.w - 2 * p);
    ui_record(ui, command, r);
    return r.h;
}

static void leave_screen(View *vw)
{
    Rect body = frame(vw, "Leave kiosk mode?",
                      "The kiosk closes so you can work on this computer. Visitors cannot use "
                      "it until it starts again: restart the computer, or run this command:");
    const char *label[] = {"Cancel", "Leave kiosk mode"};
    int act = buttons(vw, &body, label, (ButtonStyle[]){BTN_SECONDARY, BTN_PRIMARY}, 2);
    command_panel(vw, body, "systemctl start career-kiosk");
    if (act == 1)
        view_post(vw, INTENT_STAFF_MENU, 0);
    else if (act == 2)
        view_post(vw, INTENT_STAFF_LEAVE, 0);
}

static void rollback_screen(View *vw)
{
    Ui *ui = vw->ui;
    const StaffView *st = vw->staff;
    char list[300], sub[900], label[64];
    backup_words(st, list, sizeof list);
    snprintf(sub, sizeof sub,
             "The directory goes back to the list from before the last import: %s. It has "
             "%d %s now.",
             list, st->mentors_now, st->mentors_now == 1 ? "mentor" : "mentors");
    Rect body = frame(vw, "Put back the previous list?", sub);
    snprintf(label, sizeof label, "Put back %d %s", st->backup_mentors,
             st->backup_mentors == 1 ? "mentor" : "mentors");
    const char *labels[] = {"Cancel", label};
    int act = buttons(vw, &body, labels, (ButtonStyle[]){BTN_SECONDARY, BTN_PRIMARY}, 2);
    scrolled_text(vw, body,
                  "The list in use now is kept in its place, so it can be put back the same "
                  "way. Referral counts and stats are kept. Visitors can go on using the kiosk "
                  "once it is done.",
                  ui->th.text);
    if (act == 1)
        view_post(vw, INTENT_STAFF_MENU, 0);
    else if (act == 2)
        view_post(vw, INTENT_STAFF_ROLLBACK, 0);
}

void screen_staff(View *vw)
{
    switch (vw->staff->step) {
    case STAFF_PIN:
        pin_screen(vw);
        break;
    case STAFF_MENU:
        menu_screen(vw);
        break;
    case STAFF_CHECKING:
        busy_screen(vw, vw->staff->from_inbox ? "Checking the bundle from the inbox..."
                                              : "Copying and checking the stick...");
        break;
    case STAFF_PREVIEW:
        preview_screen(vw);
        break;
    case STAFF_IMPORTING:
        busy_screen(vw, vw->staff->from_inbox ? "Updating the directory..." : "Importing...");
        break;
    case STAFF_EXPORTING:
        busy_screen(vw, "Writing the stats to the stick...");
        break;
    case STAFF_RESULT:
        result_screen(vw);
        break;
    case STAFF_LEAVE:
        leave_screen(vw);
        break;
    case STAFF_ROLLBACK:
        rollback_screen(vw);
        break;
    case STAFF_ROLLING:
        busy_screen(vw, "Putting back the previous list...");
        break;
    default:
        break;
    }
}
