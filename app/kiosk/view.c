/* view: step names and the intents the screens post; see view.h. */
#include "kiosk/view.h"

#include "core/text.h"

#include <stdio.h>
#include <string.h>

static const char *const names[SCREEN_COUNT] = {"welcome", "about",     "search",  "detail",
                                                "message", "questions", "takeaway"};

const char *view_step_name(ScreenId s)
{
    return s < SCREEN_COUNT ? names[s] : "?";
}

bool view_step_parse(const char *s, ScreenId *out)
{
    int i = text_find_key(names, SCREEN_COUNT, s);
    if (i < 0)
        return false;
    *out = (ScreenId)i;
    return true;
}

void view_post(View *v, IntentKind kind, int arg)
{
    /* a pass posts a handful at most; more is a programming mistake */
    if (v->nintents < VIEW_INTENTS)
        v->intent[v->nintents++] = (Intent){kind, arg};
    else
        fprintf(stderr, "career-kiosk: too many intents in one pass; one was dropped\n");
}

void view_reset(View *v)
{
    v->picking = 0;
    v->qr_tab = 0;
    v->qr_part = 0;
    v->confirm_restart = false;
    v->confirm_finish = false;
    v->sheet_looked = false;
    v->code_whole = false;
    v->reached = SCREEN_WELCOME;
    v->type_in = FIELD_NONE;
}
