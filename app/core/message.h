/* message: the request a visitor sends a mentor, on the one channel the
 * mentor agreed to (an email, a LinkedIn note, a phone script, a note for
 * their video booking link, or a request to the career office to
 * introduce them), the thank-you note for afterwards, and a kindly
 * etiquette check. Pure: composes into the caller's Message. */
#ifndef CK_MESSAGE_H
#define CK_MESSAGE_H

#include "mentor.h"
#include "office.h"
#include "visitor.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    CHANNEL_EMAIL,
    CHANNEL_LINKEDIN,
    CHANNEL_PHONE,
    CHANNEL_VIDEO,  /* a note to paste when booking through their video link */
    CHANNEL_OFFICE, /* an email asking the career office for an introduction */
    CHANNEL_THANKS, /* thank-you email after the meeting */
    CHANNEL_COUNT
} MessageChannel;

enum {
    MESSAGE_EMAIL_WORDS = 150,    /* body limit for a first email */
    MESSAGE_LINKEDIN_CHARS = 300, /* connection note limit */
    MESSAGE_LINKEDIN_SHORT = 200, /* limit on free accounts */
    MESSAGE_SUBJECT_MAX = 160,
    MESSAGE_BODY_MAX = 3000,
};

typedef struct {
    MessageChannel channel;
    char subject[MESSAGE_SUBJECT_MAX]; /* email and thank-you; else empty */
    char body[MESSAGE_BODY_MAX];
    size_t words; /* in body */
    size_t chars; /* code points in body */
    size_t limit; /* words for email, characters for LinkedIn, 0 = none */
    bool limit_in_chars;
} Message;

/* Channel names ("email", "linkedin", "phone", "video", "office",
 * "thanks") and labels. */
const char *message_channel_name(MessageChannel c);
const char *message_channel_label(MessageChannel c);
bool message_channel_parse(const char *s, MessageChannel *out);

/* The channel m agreed to be asked on (their contact_via): the only one
 * a visitor is offered. */
MessageChannel message_channel_for(const Mentor *m);

/* The meeting a channel suggests: a phone call for a phone-only mentor, a
 * video call for a video link; otherwise current (the visitor's pick). */
MeetFormat message_format_for(MessageChannel c, MeetFormat current);

/* True when the visitor's program is the mentor's major (or one names the
 * other, "Biology" and "Molecular Biology"): only then may a message say
 * they share one. */
bool message_same_major(const Visitor *v, const Mentor *m);

/* Composes the message for channel ch from the visitor's answers and the
 * mentor. linkedin_limit is 300 or 200 (ignored for other channels).
 * Picks the fullest wording that fits the channel's limit. Returns false
 * only if even the shortest wording does not fit (then the longest
 * attempt is left in *out). */
bool message_compose(MessageChannel ch, const Visitor *v, const Mentor *m, const Office *office,
                     size_t linkedin_limit, Message *out);

typedef enum {
    WARN_ASKS_JOB = 1 << 0,
    WARN_ASKS_INTERNSHIP = 1 << 1,
    WARN_ASKS_RESUME = 1 << 2,
    WARN_NO_TIME = 1 << 3,
    WARN_TOO_LONG = 1 << 4,
    WARN_UNSIGNED = 1 << 5, /* no name typed: the mentor would not know who asks */
    WARN_CUT = 1 << 6,      /* a field was cut at its limit, or ends mid-word */
    WARN_LAST = WARN_CUT,
} MessageWarning;

/* True when the visitor sends ch's text to someone; false for the
 * phone script, which they read aloud. */
bool message_is_sent(MessageChannel ch);

/* Checks a composed message and the visitor's own words in it: asking
 * for a job, an internship or a résumé review, no time asked, over the
 * limit, a field cut short (v->cut, or filled to its last byte with a
 * word running on: a fragment pasted in, never "good to send"). The mentor's own words (m may be
 * NULL), such as a title "Internship Coordinator", are not held against the visitor. Returns
 * MessageWarning bits (0 = fine). */
unsigned message_check(const Message *msg, const Visitor *v, const Mentor *m);

/* A kind sentence explaining one warning bit, for the visitor. */
const char *message_warning_text(MessageWarning w);

/* Short name of a warning bit for reports and JSON ("asks-job"). */
const char *message_warning_name(MessageWarning w);

#endif
