/* The screen functions, called by screens_run. Internal to app/ui. */
#ifndef CK_SCREENS_INTERNAL_H
#define CK_SCREENS_INTERNAL_H

#include "kiosk/app.h"

void screen_welcome(App *a);
void screen_about(App *a);
void screen_search(App *a);
void screen_detail(App *a);
/* The field picker, over the Find screen. */
void screen_field_picker(App *a);
void screen_message(App *a);
void screen_questions(App *a);
void screen_takeaway(App *a);
/* Staff mode, over everything (see staff.h). */
void screen_staff(App *a);

#endif
