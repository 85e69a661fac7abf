/* screens: dispatch to the current screen, then the overlays. While an
 * overlay is up the screen below is drawn but takes no input. */
#include "kiosk/screens/screens.h"

#include "kiosk/screens/chrome.h"
#include "kiosk/screens/screens_internal.h"

void screens_run(View *vw)
{
    static void (*const run[SCREEN_COUNT])(View *) = {
        screen_welcome, screen_about,     screen_search,   screen_detail,
        screen_message, screen_questions, screen_takeaway,
    };
    Ui *ui = vw->ui;
    if (vw->staff->step != STAFF_OFF) {
        screen_staff(vw);
        return;
    }
    bool picker = vw->picking && vw->step == SCREEN_SEARCH;
    bool whole = vw->code_whole && vw->step == SCREEN_TAKEAWAY;
    bool spelling = vw->s->spell_offer && vw->step == SCREEN_ABOUT;
    bool overlay = vw->idle_warning || vw->confirm_restart || vw->confirm_finish || picker ||
                   whole || spelling;
    if (overlay) {
        bool down = ui->down, released = ui->released, pressed = ui->pressed;
        ui->down = ui->released = ui->pressed = false;
        run[vw->step](vw);
        ui->down = down;
        ui->released = released;
        ui->pressed = pressed;
        ui_cover(ui); /* only the overlay's buttons can be tapped */
        bool asking = vw->idle_warning || vw->confirm_restart || vw->confirm_finish;
        if (picker && !asking)
            screen_field_picker(vw);
        else if (whole && !asking)
            screen_takeaway_whole(vw);
        else
            chrome_overlays(vw);
        return;
    }
    run[vw->step](vw);
}
