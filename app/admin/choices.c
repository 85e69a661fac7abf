/* choices: the values of the admin options that take one of a few words,
 * each read from the name table its parser uses (core, print, visit), so
 * an option's --help, its check and the kiosk never disagree. */
#include "choices.h"

#include "core/mentor.h"
#include "core/message.h"
#include "core/visitor.h"
#include "print/print.h"
#include "visit/takeaway.h"

#include <stddef.h>

const char *choice_status(int i)
{
    return i >= 0 && i < STATUS_COUNT ? visitor_status_name((VisitorStatus)i) : NULL;
}

const char *choice_format(int i)
{
    return i >= 0 && i < FORMAT_COUNT ? visitor_format_name((MeetFormat)i) : NULL;
}

const char *choice_found(int i)
{
    return i >= 0 && i < FOUND_COUNT ? visitor_found_name((FoundVia)i) : NULL;
}

const char *choice_channel(int i)
{
    return i >= 0 && i < CHANNEL_COUNT ? message_channel_name((MessageChannel)i) : NULL;
}

const char *choice_via(int i)
{
    return i >= 0 && i < VIA_COUNT ? mentor_via_name((ContactVia)i) : NULL;
}

const char *choice_paper(int i)
{
    return i >= 0 && i < PAPER_COUNT ? paper_name((Paper)i) : NULL;
}

const char *choice_code(int i)
{
    return i >= 0 && i < TAKE_COUNT ? takeaway_name((TakeKind)i) : NULL;
}
