/* visitor: names of the visitor's choices, and wiping them. */
#include "visitor.h"

#include "text.h"

#include <string.h>

static const char *const status_names[STATUS_COUNT] = {"student", "grad-student", "alum", "veteran",
                                                       "career-changer"};
static const char *const status_labels[STATUS_COUNT] = {"Current student", "Graduate student",
                                                        "Alum", "Veteran", "Career changer"};
static const char *const format_names[FORMAT_COUNT] = {"phone", "video", "in-person", "coffee"};
static const char *const format_labels[FORMAT_COUNT] = {"Phone call", "Video call", "In person",
                                                        "Over coffee"};
static const char *const found_names[FOUND_COUNT] = {"directory", "school", "major"};

const char *visitor_status_name(VisitorStatus s)
{
    return s < STATUS_COUNT ? status_names[s] : "?";
}

const char *visitor_status_label(VisitorStatus s)
{
    return s < STATUS_COUNT ? status_labels[s] : "?";
}

bool visitor_status_parse(const char *s, VisitorStatus *out)
{
    int i = text_find_key(status_names, STATUS_COUNT, s);
    if (i < 0)
        i = text_find_key(status_labels, STATUS_COUNT, s);
    if (i < 0)
        return false;
    *out = (VisitorStatus)i;
    return true;
}

const char *visitor_format_name(MeetFormat f)
{
    return f < FORMAT_COUNT ? format_names[f] : "?";
}

const char *visitor_format_label(MeetFormat f)
{
    return f < FORMAT_COUNT ? format_labels[f] : "?";
}

bool visitor_format_parse(const char *s, MeetFormat *out)
{
    int i = text_find_key(format_names, FORMAT_COUNT, s);
    if (i < 0)
        return false;
    *out = (MeetFormat)i;
    return true;
}

const char *visitor_found_name(FoundVia f)
{
    return f < FOUND_COUNT ? found_names[f] : "?";
}

bool visitor_found_parse(const char *s, FoundVia *out)
{
    int i = text_find_key(found_names, FOUND_COUNT, s);
    if (i < 0)
        return false;
    *out = (FoundVia)i;
    return true;
}

void visitor_init(Visitor *v)
{
    memset(v, 0, sizeof *v);
    v->status = STATUS_STUDENT;
    v->found_via = FOUND_DIRECTORY;
    v->format = FORMAT_VIDEO;
    v->minutes = 20;
}

void visitor_wipe(Visitor *v)
{
    /* volatile stores: a plain memset of memory about to be reused may be
     * removed as dead by the optimiser */
    volatile unsigned char *p = (volatile unsigned char *)v;
    for (size_t i = 0; i < sizeof *v; i++)
        p[i] = 0;
}
