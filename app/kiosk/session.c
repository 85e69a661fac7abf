/* session: the visitor's data and wiping it. */
#include "kiosk/session.h"

#include <string.h>

void session_init(Session *s)
{
    memset(s, 0, sizeof *s);
    visitor_init(&s->visitor);
    s->field = -1;
    s->via = -1;
    s->language = -1;
    s->accepting_only = true;
    s->channel = CHANNEL_EMAIL;
}

void session_wipe(Session *s)
{
    visit_wipe(&s->visit);
    visitor_wipe(&s->visitor);
    /* volatile stores: the optimiser may not drop a wipe of memory that
     * is about to be reused */
    volatile unsigned char *p = (volatile unsigned char *)s;
    for (size_t i = 0; i < sizeof *s; i++)
        p[i] = 0;
    session_init(s);
}
