/* session: the visitor's state and wiping it. */
#include "kiosk/session.h"

#include "core/text.h"

#include <string.h>

static const char *const names[SCREEN_COUNT] = {"welcome", "about",     "search",  "detail",
                                                "message", "questions", "takeaway"};

const char *session_screen_name(ScreenId s)
{
    return s < SCREEN_COUNT ? names[s] : "?";
}

bool session_screen_parse(const char *s, ScreenId *out)
{
    int i = text_find_key(names, SCREEN_COUNT, s);
    if (i < 0)
        return false;
    *out = (ScreenId)i;
    return true;
}

void session_init(Session *s)
{
    memset(s, 0, sizeof *s);
    visitor_init(&s->visitor);
    s->screen = SCREEN_WELCOME;
    s->field = -1;
    s->via = -1;
    s->language = -1;
    s->accepting_only = true;
    s->channel = CHANNEL_EMAIL;
}

void session_wipe(Session *s)
{
    takeaway_free(&s->takeaway);
    visitor_wipe(&s->visitor);
    /* volatile stores: the optimiser may not drop a wipe of memory that
     * is about to be reused */
    volatile unsigned char *p = (volatile unsigned char *)s;
    for (size_t i = 0; i < sizeof *s; i++)
        p[i] = 0;
    session_init(s);
}
