/* Tests for the layout check (app/ui/layout.c) on rectangles made up
 * here: a layout that holds passes, and each kind of broken layout is
 * found and named. The kiosk's own screens are put through the same
 * check by test_kiosk (every walk, every size and setting). */
#include "support.h"

#include "ui/ui.h"

#include <stdio.h>

static Ui ui;

/* A 1280x800 screen with nothing on it, targets of 53 px. */
static void blank(void)
{
    memset(&ui, 0, sizeof ui);
    ui.w = 1280;
    ui.h = 800;
    ui.target = 53;
    ui.npanes = 1;
    ui.pane[0] = (UiPane){"the screen", {0, 0, 1280, 800}, -1, false, 0, 0, 800};
}

static int pane(const char *name, Rect r, int parent, bool scroll, int top, int bottom)
{
    UiPane *p = &ui.pane[ui.npanes];
    *p = (UiPane){"", r, parent, scroll, 0, top, bottom};
    snprintf(p->name, sizeof p->name, "%s", name);
    return ui.npanes++;
}

static void control(const char *label, Rect r, int in)
{
    UiItem *it = &ui.item[ui.nitems++];
    snprintf(it->label, sizeof it->label, "%s", label);
    it->r = r;
    it->pane = in;
    it->tap = true;
    /* what can be seen: clipped by a scroll area */
    Rect v = r;
    if (ui.pane[in].scroll) {
        Rect a = ui.pane[in].r;
        int y0 = v.y > a.y ? v.y : a.y, y1 = v.y + v.h < a.y + a.h ? v.y + v.h : a.y + a.h;
        v = y1 > y0 ? (Rect){v.x, y0, v.w, y1 - y0} : (Rect){v.x, v.y, 0, 0};
    }
    /* and by the screen */
    int x1 = v.x + v.w < ui.w ? v.x + v.w : ui.w, y1 = v.y + v.h < ui.h ? v.y + v.h : ui.h;
    v = x1 > v.x && y1 > v.y ? (Rect){v.x, v.y, x1 - v.x, y1 - v.y} : (Rect){v.x, v.y, 0, 0};
    it->vis = v;
}

/* A status the visitor must see, laid out in area `in` at r. */
static void status(const char *label, Rect r, int in)
{
    control(label, r, in);
    UiItem *it = &ui.item[ui.nitems - 1];
    it->tap = false;
    it->status = true;
}

static void text(const char *s, Rect r, int in, bool cut)
{
    UiText *t = &ui.text[ui.ntexts++];
    snprintf(t->text, sizeof t->text, "%s", s);
    t->r = t->vis = r;
    t->pane = in;
    t->cut = cut;
}

/* The check's count, with its words in out. */
static int check(char *out, size_t cap)
{
    return ui_layout_check(&ui, out, cap);
}

/* A screen like the About step: a top bar, a scroll area with fields and
 * chips, a bottom bar: it holds. */
static void holding(void)
{
    blank();
    int top = pane("the top bar", (Rect){0, 0, 1280, 90}, 0, false, 0, 90);
    control("Larger text", (Rect){900, 18, 160, 54}, top);
    text("Career Center", (Rect){100, 10, 200, 30}, top, false);
    int body = pane("a scroll area", (Rect){0, 150, 1280, 560}, 0, true, 150 - 300, 150 + 700);
    control("Your first name", (Rect){190, 20, 900, 63}, body); /* scrolled out of sight */
    control("Veteran", (Rect){190, 640, 140, 53}, body);
    text("A little about you", (Rect){190, -100, 400, 50}, body, false);
    text("Veteran", (Rect){210, 650, 100, 30}, body, false); /* its label, inside it */
    int bar = pane("the bottom bar", (Rect){0, 716, 1280, 84}, 0, false, 716, 800);
    control("Back", (Rect){20, 730, 120, 56}, bar);
    control("Start over", (Rect){160, 730, 180, 56}, bar);
    text("Back", (Rect){40, 740, 80, 30}, bar, false);
}

static void test_a_layout_that_holds_passes(void **state)
{
    (void)state;
    char why[2000];
    holding();
    int n = check(why, sizeof why);
    if (n != 0)
        fail_msg("%d problems:\n%s", n, why);
}

/* Each way of breaking it is one problem, named. */
static void expect_one(const char *want)
{
    char why[2000];
    int n = check(why, sizeof why);
    if (n < 1 || !strstr(why, want))
        fail_msg("wanted \"%s\", got %d problems:\n%s", want, n, why);
}

static void test_chips_over_the_bottom_bar_fail(void **state)
{
    (void)state;
    holding(); /* About with Larger text before the fix: chips laid out on the screen */
    control("Current student", (Rect){192, 735, 252, 53}, 0);
    expect_one("controls \"Start over\" and \"Current student\" overlap");
    expect_one("control \"Current student\" reaches into the bottom bar");
    holding();
    control("Career changer", (Rect){192, 798, 243, 53}, 0);
    expect_one("control \"Career changer\" lies outside the screen");
}

static void test_small_and_unreachable_controls_fail(void **state)
{
    (void)state;
    holding();
    control("Staff", (Rect){10, 600, 71, 42}, 0);
    expect_one("control \"Staff\" is smaller than the 53 px touch target");
    holding();
    control("Alum", (Rect){190, 900, 100, 53}, 2); /* below the scroll area's content */
    expect_one("control \"Alum\" lies outside a scroll area");
    holding();
    control("Wide", (Rect){1200, 300, 200, 53}, 2); /* past its right edge */
    expect_one("control \"Wide\" lies outside a scroll area");
}

static void test_cut_and_colliding_text_fails(void **state)
{
    (void)state;
    holding();
    text("Dele...", (Rect){764, 400, 131, 40}, 0, true);
    expect_one("text \"Dele...\" is cut short without a chosen ellipsis");
    holding();
    text("Northfield University", (Rect){100, 30, 300, 40}, 1, false);
    expect_one("text \"Career Center\" runs into \"Northfield University\"");
    holding();
    text("typical week?", (Rect){100, 760, 249, 40}, 0, false);
    expect_one("text \"typical week?\" reaches into the bottom bar");
    expect_one("lies partly under \"Back\"");
    holding();
    text("Nothing you type here is saved.", (Rect){400, 780, 443, 41}, 0, false);
    expect_one("lies outside the screen");
    holding();
    pane("the keyboard", (Rect){0, 500, 1280, 300}, 0, false, 500, 800);
    expect_one("the bottom bar and the keyboard overlap");
}

/* The result of an action (Print's "Printed. Pick it up: ...") is seen
 * whole where the visitor is: not below the fold of a scroll area (Take
 * away at 1280x800 before the fix), not half off it or off the screen. */
static void test_a_status_off_screen_fails(void **state)
{
    (void)state;
    holding();
    status("Printed. Pick it up: the printer by the front desk.", (Rect){190, 500, 400, 90}, 2);
    char why[2000];
    int n = check(why, sizeof why);
    if (n != 0)
        fail_msg("a status in sight: %d problems:\n%s", n, why);
    holding(); /* the scroll area shows 150..710: the status lies below it */
    status("Printed. Pick it up: the printer by the front desk.", (Rect){190, 760, 400, 90}, 2);
    expect_one("status \"Printed. Pick it up: the printer by the front desk.\" is out of sight");
    holding(); /* half in sight */
    status("The printer is paused right now.", (Rect){190, 660, 400, 90}, 2);
    expect_one("status \"The printer is paused right now.\" is cut off");
    holding(); /* off the screen */
    status("The printer is paused right now.", (Rect){1200, 300, 400, 90}, 0);
    expect_one("status \"The printer is paused right now.\" is cut off");
}

/* The words fit the caller's buffer; the count is all of them. */
static void test_every_problem_is_counted(void **state)
{
    (void)state;
    char small[60];
    holding();
    for (int i = 0; i < 5; i++)
        control("Tiny", (Rect){300 + i * 60, 300, 40, 40}, 2);
    assert_int_equal(check(small, sizeof small), 5);
    assert_true(strlen(small) < sizeof small);
    assert_int_equal(check(NULL, 0), 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_layout_that_holds_passes),
        cmocka_unit_test(test_chips_over_the_bottom_bar_fail),
        cmocka_unit_test(test_small_and_unreachable_controls_fail),
        cmocka_unit_test(test_cut_and_colliding_text_fails),
        cmocka_unit_test(test_a_status_off_screen_fails),
        cmocka_unit_test(test_every_problem_is_counted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
