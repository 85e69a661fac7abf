/* The screen functions, called by screens_run. Internal to app/ui. */
#ifndef CK_SCREENS_INTERNAL_H
#define CK_SCREENS_INTERNAL_H

#include "kiosk/view.h"

void screen_welcome(View *vw);
void screen_about(View *vw);
void screen_search(View *vw);
void screen_detail(View *vw);
/* The field picker, over the Find screen. */
void screen_field_picker(View *vw);
void screen_message(View *vw);
void screen_questions(View *vw);
void screen_takeaway(View *vw);
void screen_takeaway_whole(View *vw); /* the overlay of one code, whole and large */
/* Staff mode, over everything (see staff.h). */
void screen_staff(View *vw);

#endif
