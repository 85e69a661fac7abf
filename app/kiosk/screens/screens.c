/* screens: dispatch to the current screen, then the overlays. While an
 * overlay is up the screen below is drawn but takes no input. */
#include "kiosk/screens/screens.h"

#include "kiosk/screens/chrome.h"
#include "kiosk/screens/screens_internal.h"

void screens_run(App *a)
{
    static void (*const run[SCREEN_COUNT])(App *) = {
        screen_welcome, screen_about,     screen_search,   screen_detail,
        screen_message, screen_questions, screen_takeaway,
    };
    Ui *ui = &a->ui;
    if (staff_active(a)) {
        screen_staff(a);
        return;
    }
    bool picker = a->s->picking && a->s->screen == SCREEN_SEARCH;
    bool overlay = a->idle_warning || a->s->confirm_restart || picker;
    if (overlay) {
        bool down = ui->down, released = ui->released, pressed = ui->pressed;
        ui->down = ui->released = ui->pressed = false;
        run[a->s->screen](a);
        ui->down = down;
        ui->released = released;
        ui->pressed = pressed;
        ui->nitems = 0; /* only the overlay's buttons can be tapped */
        if (picker && !a->idle_warning && !a->s->confirm_restart)
            screen_field_picker(a);
        else
            chrome_overlays(a);
        return;
    }
    run[a->s->screen](a);
}
