/* ui: an immediate-mode toolkit for the kiosk's screens. Screens call
 * widget functions every pass; a pass either draws (d set) or only
 * handles input (d NULL), so a quick tap between two frames still lands on
 * the widget it started on. Sizes come from the surface, so layouts adapt
 * to landscape and portrait rather than just scaling. */
#ifndef CK_UI_H
#define CK_UI_H

#include "draw.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    Color bg, surface, sunken, text, muted, primary, on_primary, accent, border, warn_bg, warn_text,
        ok_text, overlay, chip, chip_text, focus;
    /* an empty field's example ("For example: Sam"): never the colour of
     * typed text, in any theme, so an example never looks filled in */
    Color placeholder;
} Theme;

typedef enum {
    BTN_PRIMARY,
    BTN_SECONDARY,
    BTN_GHOST,
    BTN_CHIP,    /* a choice that is off */
    BTN_CHIP_ON, /* a choice that is on */
    BTN_KEY,     /* an on-screen keyboard key */
    BTN_DISABLED,
} ButtonStyle;

enum {
    UI_ITEMS = 400,
    UI_SCROLLS = 8,
    UI_CUTS = 4, /* text fields a screen has */
    UI_LABEL = 96,
    UI_TEXTS = 600,
    UI_PANES = 24,
    UI_PANE_DEPTH = 8,
    UI_TEXT_NOTE = 48
};

/* The smallest touch target, as a rule of the toolkit: 9 mm on the
 * panel. When the display does not say how dense it is (Ui.ppi 0), the
 * toolkit assumes UI_ASSUMED_PPI: a 10.1-inch 1280x800 panel (149.4 px
 * per inch), the smallest and densest we expect a kiosk to have, so
 * 9 mm is 53 px there, and no fewer at any other size. Larger panels
 * (a 15.6-inch 1280x800 is 97 ppi, a 21.5-inch 1080p 102 ppi) get
 * targets a little over 9 mm. A panel that reports a higher density
 * (Ui.ppi, from its EDID) gets targets of 9 mm at that density. */
#define UI_TARGET_MM 9.0f
#define UI_ASSUMED_PPI 149.4f

/* What a pass showed, for scripts that tap by label and for the layout
 * check. */
typedef struct {
    char label[UI_LABEL];
    char value[UI_LABEL]; /* a text field's content, for scripted checks */
    Rect r;               /* where it was laid out */
    Rect vis;             /* the part a visitor can see: r clipped by its scroll area and
                             the screen (w and h 0 when scrolled out of sight) */
    int pane;             /* the area it was laid out in (0: the screen) */
    bool tap;             /* a control (button, field, card, row), not a caption */
    bool status;          /* the result of an action, which the visitor must see whole */
} UiItem;

/* An area a pass laid things out in: the screen, a bar, the keyboard,
 * a scroll area. What is not laid out in an area must stay out of it. */
typedef struct {
    char name[24];
    Rect r;
    int parent;
    bool scroll;
    uint32_t id;     /* a scroll area's */
    int top, bottom; /* a scroll area's content, in screen y, as scrolled now */
} UiPane;

/* One line of text a drawing pass showed. */
typedef struct {
    char text[UI_TEXT_NOTE]; /* its start, for the layout check's words */
    Rect r, vis;
    int pane;
    bool cut; /* cut short without an ellipsis the caller chose */
} UiText;

typedef struct {
    uint32_t id;
    float offset, velocity;
    float grab; /* offset when the drag began */
    int max, content;
    Rect view;
} UiScroll;

typedef struct {
    /* set by ui_begin */
    Draw *d;       /* NULL on an input-only pass */
    Draw *measure; /* always usable for measuring text */
    int w, h;
    int u;                        /* layout unit: 1/108 of the short side, larger with large text */
    int body, small, title, huge; /* text sizes in px */
    bool landscape;
    Theme th;
    uint64_t now;
    /* settings the visitor can change */
    bool large_text, high_contrast;
    /* the office's colours, 0xRRGGBB (0 for all three: the built-in ones);
     * high contrast ignores them */
    uint32_t brand_primary, brand_accent, brand_bg;
    /* pointer */
    bool down, pressed, released, dragged;
    int x, y, down_x, down_y;
    uint64_t last_move;
    float drag_speed; /* px per ms, for momentum */
    int last_y;
    /* keyboard and text entry */
    uint32_t focus;
    char *focus_buf;
    size_t focus_cap;
    char typed[32];
    bool refused;          /* the focused field left out something typed it cannot show */
    uint32_t cut[UI_CUTS]; /* fields cut short at their limit (ui_field_cut) */
    int key;               /* a physical key this pass, or 0 */
    int wheel;             /* a mouse wheel turn this pass: +1 up, -1 down, 0 none */
    bool shift, accents;
    /* results of the pass */
    bool animating;
    UiItem item[UI_ITEMS];
    int nitems;
    UiText text[UI_TEXTS]; /* lines drawn, on drawing passes */
    int ntexts;
    UiPane pane[UI_PANES];
    int npanes;
    int stack[UI_PANE_DEPTH], depth; /* the open areas */
    float ppi;  /* the panel's pixels per inch as it reports it, 0: not known */
    int target; /* the smallest touch target in px (UI_TARGET_MM), set by ui_begin */
    UiScroll scroll[UI_SCROLLS];
    UiScroll *current; /* between ui_scroll_begin and ui_scroll_end */
    int measuring;     /* > 0: widgets neither draw, take input nor record */
    Draw *saved_d;
} Ui;

/* A stable id for a string (FNV-1a). */
uint32_t ui_id(const char *s);

/* Starts a pass over a w x h surface at time now. d is NULL for input
 * only; measure is always the platform's Draw, for text sizes. */
void ui_begin(Ui *ui, Draw *d, Draw *measure, int w, int h, uint64_t now);

/* Input for the next pass (pointer in pixels). */
void ui_pointer_down(Ui *ui, int x, int y);
void ui_pointer_move(Ui *ui, int x, int y, uint64_t now);
void ui_pointer_up(Ui *ui, int x, int y);
void ui_pointer_wheel(Ui *ui, int x, int y, int dir);
/* Clears one-pass events (pressed, released, typed text, key). */
void ui_after_pass(Ui *ui);

/* Forgets everything a pass recorded (the items with their labels and
 * field values, typed text, the focus, scroll positions): zeroed when a
 * visitor leaves. */
void ui_forget(Ui *ui);

/* Records a labelled widget for scripts and accessibility checks:
 * ui_record for what only shows (a caption, a preview), ui_record_tap
 * for something a finger can press (buttons and fields record
 * themselves). */
void ui_record(Ui *ui, const char *label, Rect r);
void ui_record_tap(Ui *ui, const char *label, Rect r);

/* Records a status the visitor must see where they are looking ("Printed.
 * Pick it up: ..."): the layout check fails when any of it is scrolled
 * out of sight or off the screen. */
void ui_status(Ui *ui, const char *label, Rect r);

/* A touch target's side: h, or the toolkit's minimum when h is less. */
int ui_touch(const Ui *ui, int h);

/* An area (a bar, the keyboard) that what is laid out between these
 * calls belongs to; nothing else may reach into it. Calls nest. */
void ui_pane_begin(Ui *ui, const char *name, Rect r);
void ui_pane_end(Ui *ui);

/* What the pass recorded so far lies under an overlay now: only what
 * comes after can be tapped or seen whole. */
void ui_cover(Ui *ui);

/* Checks what the last drawing pass laid out: two controls overlap; a
 * control is smaller than the touch target, outside the screen or its
 * scroll area, or reaches into an area it does not belong to; a status
 * (ui_status) is not on screen whole; a line of
 * text is cut short without a chosen ellipsis, lies outside its area,
 * runs into another line or lies partly under a control. Writes one
 * line per problem into out (as many as fit) and returns how many
 * there are (0: the layout holds). */
int ui_layout_check(const Ui *ui, char *out, size_t cap);

/* True when the finger went down and up on r without dragging. */
bool ui_tapped(Ui *ui, Rect r);

bool ui_contains(Rect r, int x, int y);

/* A button with a centred label; true when tapped. */
bool ui_button(Ui *ui, Rect r, const char *label, ButtonStyle style);

/* The same with a second, smaller line under the label. */
bool ui_button2(Ui *ui, Rect r, const char *label, const char *sub, ButtonStyle style);

/* A filled, rounded panel. */
void ui_panel(Ui *ui, Rect r, Color c);

/* One line of text; returns its width. Clipped with "..." to max_w
 * (0 = no limit). */
int ui_text(Ui *ui, int x, int y, const char *s, int px, Weight w, Color c, int max_w);

/* Text wrapped into box.w, drawn from box.y; returns the height used
 * (also when not drawing). Paragraph breaks (\n) are kept. */
int ui_wrap(Ui *ui, Rect box, const char *s, int px, Weight w, Color c);

/* The same in at most lines lines, the last cut with "..." when the
 * text needs more (a chosen ellipsis). */
int ui_wrap_lines(Ui *ui, Rect box, const char *s, int px, Weight w, Color c, int lines);

/* The size a button's label needs: its width on one line, or wrapped in
 * max_w on two when one would be wider; *w and *h include the padding
 * and are at least the touch target. */
void ui_button_size(Ui *ui, const char *label, ButtonStyle style, int max_w, int *w, int *h);

/* Places n boxes of widths w[i] (height h each) in rows across width
 * area_w from (x, y), wrapping to a new row when the next would not
 * fit; right-aligned rows when right is set. Writes each box to out[i]
 * and returns the height used. */
int ui_flow(const int *w, const int *h, int n, int x, int y, int area_w, int gap, bool right,
            Rect *out);

/* An image file (the office's logo) fitted inside box, left-aligned;
 * returns the width it takes (0: no image). */
int ui_image(Ui *ui, const char *path, Rect box);

/* Width of one line of text. */
int ui_width(Ui *ui, const char *s, int px, Weight w);

/* A text field named `name` (for scripts and screen readers); a tap
 * focuses it (and opens the keyboard). Typing edits buf. Returns true
 * when this field has the focus. */
bool ui_field(Ui *ui, uint32_t id, Rect r, char *buf, size_t cap, const char *placeholder,
              const char *name);

/* True when the field id was cut short at its limit as it was typed (a
 * word that did not fit was left out); the field says so inside its box
 * until something is deleted from it. */
bool ui_field_cut(const Ui *ui, uint32_t id);

/* True when a text field has the focus. */
bool ui_typing(const Ui *ui);

/* Height the on-screen keyboard takes at the bottom. */
int ui_keyboard_height(const Ui *ui);

/* The on-screen keyboard for the focused field, in r. Returns true when
 * Done was pressed (the focus is then released). */
bool ui_keyboard(Ui *ui, Rect r);

/* A vertical scroll area: returns the offset to subtract from content y,
 * and clips drawing to view until ui_scroll_end. content_h is the height
 * of everything inside. Drag to scroll, with momentum. */
int ui_scroll_begin(Ui *ui, uint32_t id, Rect view, int content_h);
void ui_scroll_end(Ui *ui);

/* Resets a scroll area to its top. */
void ui_scroll_reset(Ui *ui, uint32_t id);

/* Scrolls the area by dy px (down the content when positive), within
 * its bounds, from the next pass on. */
void ui_scroll_by(Ui *ui, uint32_t id, int dy);

/* How far an item (by index, from the last pass) must be scrolled to be
 * seen whole, or as much of it as its area shows: 0 when it is, or when
 * it is not in a scroll area. *id receives the area's id. */
int ui_scroll_needed(const Ui *ui, int item, uint32_t *id);

/* Between these, widgets only measure: nothing is drawn, tapped or
 * recorded. For laying out before drawing. Calls may nest. */
void ui_measure_begin(Ui *ui);
void ui_measure_end(Ui *ui);

/* Color helpers. */
Color ui_rgb(uint32_t rgb);
Color ui_alpha(Color c, uint8_t a);

#endif
