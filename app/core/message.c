/* message: request and thank-you wording, fitted to each channel's limit.
 *
 * Every template says who the visitor is, why this mentor, a small fixed
 * amount of time at the mentor's convenience, and that the visitor is
 * gathering information. Each is tried from its fullest wording (level 0)
 * to its most compact until it fits the channel's limit. */
#include "message.h"

#include "english.h"
#include "strbuf.h"
#include "text.h"
#include "typed.h"

#include <stdio.h>
#include <string.h>

static const char *const channel_names[CHANNEL_COUNT] = {"email", "linkedin", "phone",
                                                         "video", "office",   "thanks"};
static const char *const channel_labels[CHANNEL_COUNT] = {
    "Email",         "LinkedIn note", "Phone script", "Video booking note", "Ask the career office",
    "Thank-you note"};

const char *message_channel_name(MessageChannel c)
{
    return c < CHANNEL_COUNT ? channel_names[c] : "?";
}

const char *message_channel_label(MessageChannel c)
{
    return c < CHANNEL_COUNT ? channel_labels[c] : "?";
}

bool message_channel_parse(const char *s, MessageChannel *out)
{
    int c = text_find_key(channel_names, CHANNEL_COUNT, s);
    if (c < 0 && text_find_key(channel_labels + CHANNEL_THANKS, 1, s) == 0)
        c = CHANNEL_THANKS; /* "Thank-you note" */
    if (c < 0)
        return false;
    *out = (MessageChannel)c;
    return true;
}

MessageChannel message_channel_for(const Mentor *m)
{
    switch (m->via) {
    case VIA_LINKEDIN:
        return CHANNEL_LINKEDIN;
    case VIA_PHONE:
        return CHANNEL_PHONE;
    case VIA_VIDEO:
        return CHANNEL_VIDEO;
    case VIA_OFFICE:
        return CHANNEL_OFFICE;
    default:
        return CHANNEL_EMAIL;
    }
}

MeetFormat message_format_for(MessageChannel c, MeetFormat current)
{
    return c == CHANNEL_PHONE ? FORMAT_PHONE : c == CHANNEL_VIDEO ? FORMAT_VIDEO : current;
}

bool message_same_major(const Visitor *v, const Mentor *m)
{
    char a[VISITOR_TEXT_MAX * 2 + 2], b[MENTOR_TEXT_MAX * 2 + 2];
    text_fold(v->program, a, sizeof a);
    text_fold(m->major, b, sizeof b);
    char *pa = text_trim(a), *pb = text_trim(b);
    if (!*pa || !*pb)
        return false;
    return strcmp(pa, pb) == 0 || text_has_phrase(pa, pb) || text_has_phrase(pb, pa);
}

/* Everything a template needs, resolved once. */
typedef struct {
    const Visitor *v;
    const Mentor *m;
    const Office *o; /* the school and its career office */
    MessageChannel ch;
    int level;
    size_t limit;
} Ctx;

/* "a video call", "a phone call", "a meeting in person", "a coffee" */
static const char *format_phrase(MeetFormat f)
{
    static const char *const p[FORMAT_COUNT] = {"a phone call", "a video call",
                                                "a meeting in person", "a coffee"};
    return f < FORMAT_COUNT ? p[f] : "a conversation";
}

/* "20 minutes", or a gentle ask when no time was chosen. */
static void add_time(StrBuf *sb, const Ctx *c, bool brief)
{
    if (c->v->minutes > 0)
        strbuf_addf(sb, brief ? "%d min" : "%d minutes", c->v->minutes);
    else
        strbuf_add(sb, "a little time");
}

/* What the visitor is exploring: their words, else the mentor's field
 * in lower case ("careers in data science"). */
static void add_interest(StrBuf *sb, const Ctx *c)
{
    if (*c->v->interest) {
        strbuf_add(sb, c->v->interest);
        return;
    }
    strbuf_add(sb, "careers in ");
    for (const char *p = c->m->field; *p; p++)
        strbuf_addc(sb, (*p >= 'A' && *p <= 'Z') ? (char)(*p + 32) : *p);
}

/* "a Mobile Developer", "an Engineering Manager", "an HR Generalist",
 * "an RN", "a UX Researcher". */
static void add_role(StrBuf *sb, const char *title)
{
    strbuf_addf(sb, "%s %s", english_article(title), title);
}

/* "the Career Center's", "Career Services'" (the office's own name). */
static void add_office_possessive(StrBuf *sb, const Ctx *c)
{
    char own[OFFICE_TEXT_MAX + 4];
    english_possessive(c->o->name, own, sizeof own);
    /* "the Career Center's"; not "the The ...", and a plural name stands
     * alone ("Career Services'") */
    size_t n = strlen(c->o->name);
    bool bare = strncmp(own, "The ", 4) == 0 || (n > 0 && c->o->name[n - 1] == 's');
    strbuf_addf(sb, "%s%s", bare ? "" : "the ", own);
}

/* "a student at X studying Y" and the like. */
static void add_desc(StrBuf *sb, const Ctx *c)
{
    const char *prog = c->v->program, *s = c->o->school;
    switch (c->v->status) {
    case STATUS_STUDENT:
        strbuf_addf(sb, "a student at %s", s);
        if (*prog)
            strbuf_addf(sb, " studying %s", prog);
        break;
    case STATUS_GRAD_STUDENT:
        strbuf_addf(sb, "a graduate student at %s", s);
        if (*prog)
            strbuf_addf(sb, " in %s", prog);
        break;
    case STATUS_ALUM:
        strbuf_addf(sb, "a fellow %s graduate", english_attributive(s));
        if (*prog)
            strbuf_addf(sb, " (%s)", prog);
        break;
    case STATUS_VETERAN:
        strbuf_addf(sb, "a veteran in the %s community", english_attributive(s));
        if (*prog)
            strbuf_addf(sb, ", studying %s", prog);
        break;
    default:
        strbuf_addf(sb, "part of the %s community, considering a change of career",
                    english_attributive(s));
        if (*prog)
            strbuf_addf(sb, " (my background is in %s)", prog);
        break;
    }
}

/* "a student at X" without the program. */
static void add_desc_short(StrBuf *sb, const Ctx *c)
{
    static const char *const f[STATUS_COUNT] = {"%s %s student", "%s %s graduate student",
                                                "%sfellow %s alum", "%sveteran in the %s community",
                                                "%scareer changer from the %s community"};
    const char *school = english_attributive(c->o->school);
    int k = c->v->status < STATUS_COUNT ? c->v->status : 0;
    /* "an Ohio State student", "a Northfield University student" */
    const char *article = k <= STATUS_GRAD_STUDENT ? english_article(school) : "a ";
    strbuf_addf(sb, f[k], article, school);
}

/* Why this mentor in particular. */
static void add_why(StrBuf *sb, const Ctx *c)
{
    const Mentor *m = c->m;
    FoundVia via = c->v->found_via;
    if (via == FOUND_MAJOR && !message_same_major(c->v, m))
        via = FOUND_SCHOOL;       /* said only when it is true */
    if (via == FOUND_DIRECTORY) { /* the school is named once, in who the visitor is */
        strbuf_add(sb, "I found you in ");
        add_office_possessive(sb, c);
        strbuf_add(sb, c->level == 0 ? " alumni directory, where you offered to talk with "
                                       "students and fellow alumni."
                                     : " alumni directory.");
    } else if (via == FOUND_SCHOOL)
        strbuf_addf(sb,
                    /* the school is named in who the visitor is: not again,
                     * and true of a student as of an alum */
                    c->level == 0 ? "You graduated from there in %d, and I hoped that "
                                    "shared connection might make a short conversation "
                                    "welcome."
                                  : "You graduated from there in %d.",
                    m->grad_year);
    else
        strbuf_addf(sb,
                    c->level == 0 ? "We share a background in %s, and I am curious how "
                                    "it led you to where you are now."
                                  : "We share a background in %s.",
                    m->major);
}

static void email_subject(Message *msg, const Ctx *c)
{
    static const char *const who[STATUS_COUNT] = {"Student", "Graduate student", "Fellow alum",
                                                  "Veteran", "Career changer"};
    StrBuf sb;
    strbuf_init(&sb, msg->subject, sizeof msg->subject);
    strbuf_addf(&sb, "%s from %s: ", who[c->v->status < STATUS_COUNT ? c->v->status : 0],
                c->o->school);
    if (c->v->minutes > 0)
        strbuf_addf(&sb, "%d minutes to learn about your work?", c->v->minutes);
    else
        strbuf_add(&sb, "a short conversation about your work?");
}

/* A letter ends with a name: the visitor's, or with none typed a blank
 * line under "Best regards," where they sign it on their phone. Who they
 * are (student, alum) is said in the body, where it reads as a sentence. */
static void add_signature(StrBuf *sb, const Ctx *c)
{
    strbuf_add(sb, "\n\nBest regards,\n");
    strbuf_add(sb, *c->v->first_name ? c->v->first_name : "\n");
}

/* "My name is Sam, and I am a student at ..." (the short form from
 * level 2 on). */
static void add_intro(StrBuf *sb, const Ctx *c)
{
    if (*c->v->first_name)
        strbuf_addf(sb, "My name is %s, and I am ", c->v->first_name);
    else
        strbuf_add(sb, "I am ");
    if (c->level < 2)
        add_desc(sb, c);
    else
        add_desc_short(sb, c);
}

static void email_body(StrBuf *sb, const Ctx *c)
{
    const Mentor *m = c->m;
    strbuf_addf(sb, "Dear %s,\n\n", m->first_name);
    add_intro(sb, c);
    strbuf_add(sb, ". ");
    add_why(sb, c);
    strbuf_add(sb, "\n\nI am exploring ");
    add_interest(sb, c);
    if (c->level < 2) {
        strbuf_add(sb, ", and I would value hearing how you see your work as ");
        add_role(sb, m->title);
        strbuf_addf(sb, " at %s%s", english_org_article(m->organization), m->organization);
    }
    strbuf_add(sb, ". Would you have ");
    add_time(sb, c, false);
    strbuf_addf(sb, " in the next few weeks for %s, at a time that suits you?",
                format_phrase(c->v->format));
    if (c->level < 2)
        strbuf_add(sb, " I am gathering information to decide on my direction, not asking "
                       "for employment.");
    else
        strbuf_add(sb, " I am only hoping to learn from your experience.");
    strbuf_add(sb, "\n\nThank you for considering it.");
    add_signature(sb, c);
}

/* The LinkedIn note's optional parts, least needed first: level n leaves
 * out the first n, so a 200-character note keeps the visitor's name, what
 * they explore and the mentor's organization as long as they fit. */
enum {
    LI_FORMAT,    /* "for a video call" */
    LI_DIRECTORY, /* "I found you in the Career Center's alumni directory" */
    LI_HOPING,    /* "I'm only hoping to learn." */
    LI_BRIEF,     /* "20 minutes" rather than "20 min" */
    LI_ORG,       /* "about your path at Copperline Software" */
    LI_INTEREST,  /* "exploring careers in public policy" */
    LI_NAME,      /* "I'm Nadia" */
    LI_PARTS
};

static bool li_has(const Ctx *c, int part)
{
    return c->level <= part;
}

static void linkedin_body(StrBuf *sb, const Ctx *c)
{
    const Mentor *m = c->m;
    strbuf_addf(sb, "Hi %s, ", m->first_name);
    if (*c->v->first_name && li_has(c, LI_NAME))
        strbuf_addf(sb, "I'm %s, ", c->v->first_name);
    else
        strbuf_add(sb, "I'm ");
    add_desc_short(sb, c);
    if (li_has(c, LI_DIRECTORY)) {
        strbuf_add(sb, ". I found you in ");
        add_office_possessive(sb, c);
        strbuf_add(sb, " alumni directory");
        if (li_has(c, LI_INTEREST)) {
            strbuf_add(sb, " and I'm exploring ");
            add_interest(sb, c);
        }
    } else if (li_has(c, LI_INTEREST)) {
        strbuf_add(sb, ", exploring ");
        add_interest(sb, c);
    }
    strbuf_add(sb, ". Would you have ");
    add_time(sb, c, !li_has(c, LI_BRIEF));
    if (li_has(c, LI_FORMAT))
        strbuf_addf(sb, " for %s", format_phrase(c->v->format));
    else
        strbuf_add(sb, " to talk");
    if (li_has(c, LI_ORG))
        strbuf_addf(sb, " about your %s at %s%s?", li_has(c, LI_DIRECTORY) ? "path" : "work",
                    english_org_article(m->organization), m->organization);
    else
        strbuf_add(sb, " about your work?");
    strbuf_add(sb, li_has(c, LI_HOPING) ? " I'm only hoping to learn. Thank you!" : " Thank you!");
}

static void phone_body(StrBuf *sb, const Ctx *c)
{
    const Mentor *m = c->m;
    const char *name = *c->v->first_name ? c->v->first_name : "[your name]";
    char full[2 * MENTOR_NAME_MAX + 2];
    mentor_full_name(m, full, sizeof full);
    strbuf_add(sb, "Before you call: have your questions, a pen and your calendar ready.\n\n");
    strbuf_addf(sb, "Opening:\n\"Hello, is this %s? My name is %s, and I am ", full, name);
    add_desc(sb, c);
    strbuf_add(sb, ". ");
    add_why(sb, c);
    strbuf_add(sb, " Is this a good moment for a quick word?\"\n\n");
    strbuf_add(sb, "If yes:\n\"I am exploring ");
    add_interest(sb, c);
    strbuf_add(sb, ", and I would love to hear about your work as ");
    add_role(sb, m->title);
    strbuf_addf(sb, " at %s%s. Would you have ", english_org_article(m->organization),
                m->organization);
    add_time(sb, c, false);
    strbuf_addf(sb,
                " for %s, now or at a time that suits you better? I am only hoping to "
                "learn from your experience.\"\n\n",
                format_phrase(c->v->format));
    /* a phone-only mentor asked for calls: no other way is offered */
    strbuf_add(sb, "If it is not a good time:\n\"No problem at all. When would be a better "
                   "time for me to call back?\"\n\n");
    strbuf_addf(sb, "If you reach voicemail:\n\"Hello %s, this is %s, ", m->first_name, name);
    add_desc_short(sb, c);
    strbuf_add(sb, ". I would value ");
    add_time(sb, c, false);
    strbuf_addf(sb,
                " of your advice about your work in %s. You can call me back at [your "
                "number], and I will try you again later this week. Thank you!\"\n\n",
                m->field);
    strbuf_add(sb, "Afterwards: write down the day and time you agreed, and send a short "
                   "confirmation.");
}

/* The mentor takes video calls booked through a link (their contact):
 * what it is for, then a note to paste where the booking page asks what
 * the call is about. */
static void video_body(StrBuf *sb, const Ctx *c)
{
    const Mentor *m = c->m;
    strbuf_addf(sb,
                "%s takes short video calls booked through this link:\n%s\n\nOpen it on "
                "your phone and choose a time that suits you both. Where it asks what the "
                "call is about, paste this note:\n\n",
                m->first_name, m->contact);
    strbuf_addf(sb, "Hi %s, ", m->first_name);
    if (*c->v->first_name)
        strbuf_addf(sb, "I'm %s, ", c->v->first_name);
    else
        strbuf_add(sb, "I'm ");
    add_desc(sb, c);
    strbuf_add(sb, ". I'm exploring ");
    add_interest(sb, c);
    strbuf_add(sb, ", and I booked ");
    add_time(sb, c, false);
    strbuf_add(sb, " to hear how you see your work as ");
    add_role(sb, m->title);
    strbuf_addf(sb, " at %s%s. I'm only hoping to learn from your experience. Thank you!",
                english_org_article(m->organization), m->organization);
}

/* The mentor is reached through the career office: the request goes to
 * the office, asking it to introduce the visitor. */
static void office_body(Message *msg, StrBuf *sb, const Ctx *c)
{
    const Mentor *m = c->m;
    StrBuf subject; /* cut short, not overflowed, by a long name */
    strbuf_init(&subject, msg->subject, sizeof msg->subject);
    /* with the mentor's own Latin spelling, for a name in another script:
     * the office's staff look it up */
    char full[2 * MENTOR_NAME_MAX + MENTOR_TEXT_MAX + 8];
    mentor_shown_name(m, full, sizeof full);
    strbuf_addf(&subject, "Introduction request: %s, %s", full, m->organization);
    strbuf_addf(sb, "Dear %s team,\n\n", c->o->name);
    add_intro(sb, c);
    strbuf_addf(sb, ". In your alumni directory I found %s, who works as ", full);
    add_role(sb, m->title);
    strbuf_addf(sb, " at %s%s and asked to be reached through your office.\n\n",
                english_org_article(m->organization), m->organization);
    strbuf_add(sb, "Could you introduce me? I am exploring ");
    add_interest(sb, c);
    strbuf_addf(sb, ", and I would like to ask %s for ", m->first_name);
    add_time(sb, c, false);
    strbuf_addf(sb,
                " of their time for %s about their work. I am gathering information, not "
                "asking for employment.\n\nThank you for your help.",
                format_phrase(c->v->format));
    add_signature(sb, c);
}

static void thanks_body(Message *msg, StrBuf *sb, const Ctx *c)
{
    const Mentor *m = c->m;
    snprintf(msg->subject, sizeof msg->subject, "Thank you, %s", m->first_name);
    strbuf_addf(sb, "Dear %s,\n\n", m->first_name);
    strbuf_add(sb, "Thank you for taking the time to talk with me about your work as ");
    add_role(sb, m->title);
    strbuf_addf(sb,
                " at %s%s. I especially appreciated [one specific thing you learned], and "
                "as ",
                english_org_article(m->organization), m->organization);
    add_desc_short(sb, c);
    strbuf_add(sb, ", I now have a clearer picture of ");
    add_interest(sb, c);
    strbuf_add(sb, ".\n\nI plan to [the next step you will take] and will let you know how "
                   "it goes.\n\nThank you again for your generosity.");
    add_signature(sb, c);
}

static void compose_level(Message *msg, const Ctx *c)
{
    StrBuf sb;
    msg->subject[0] = '\0';
    strbuf_init(&sb, msg->body, sizeof msg->body);
    switch (c->ch) {
    case CHANNEL_EMAIL:
        email_subject(msg, c);
        email_body(&sb, c);
        break;
    case CHANNEL_LINKEDIN:
        linkedin_body(&sb, c);
        break;
    case CHANNEL_PHONE:
        phone_body(&sb, c);
        break;
    case CHANNEL_VIDEO:
        video_body(&sb, c);
        break;
    case CHANNEL_OFFICE:
        office_body(msg, &sb, c);
        break;
    default:
        thanks_body(msg, &sb, c);
        break;
    }
    msg->words = text_words(msg->body);
    msg->chars = typed_phone_chars(msg->body); /* as the site it is pasted into counts */
}

static bool fits(const Message *msg)
{
    if (msg->limit == 0)
        return true;
    return (msg->limit_in_chars ? msg->chars : msg->words) <= msg->limit;
}

static bool compose(MessageChannel ch, const Visitor *v, const Mentor *m, const Office *office,
                    size_t linkedin_limit, Message *out)
{
    Ctx c = {v, m, office, ch, 0, 0};
    memset(out, 0, sizeof *out);
    out->channel = ch;
    if (ch == CHANNEL_EMAIL || ch == CHANNEL_OFFICE)
        out->limit = MESSAGE_EMAIL_WORDS;
    else if (ch == CHANNEL_LINKEDIN) {
        out->limit = linkedin_limit == MESSAGE_LINKEDIN_SHORT ? MESSAGE_LINKEDIN_SHORT
                                                              : MESSAGE_LINKEDIN_CHARS;
        out->limit_in_chars = true;
    }
    int levels = ch == CHANNEL_LINKEDIN                        ? LI_PARTS + 1
                 : ch == CHANNEL_EMAIL || ch == CHANNEL_OFFICE ? 3
                                                               : 1;
    for (c.level = 0; c.level < levels; c.level++) {
        compose_level(out, &c);
        if (fits(out))
            return true;
    }
    return false;
}

bool message_compose(MessageChannel ch, const Visitor *v, const Mentor *m, const Office *office,
                     size_t linkedin_limit, Message *out)
{
    /* what the visitor typed, as it reads in a sentence: "nadia" signs as
     * Nadia, "POLITICAL SCIENCE" is Political Science, "I want to be a
     * lawyer" is explored as becoming a lawyer */
    Visitor tidy = *v;
    english_tidy_name(v->first_name, tidy.first_name, sizeof tidy.first_name);
    english_tidy_title(v->program, tidy.program, sizeof tidy.program);
    english_interest(v->interest, tidy.interest, sizeof tidy.interest);
    /* each stands inside a sentence: isolated, so no right-to-left name
     * reorders the words after it (core/typed.h) */
    typed_isolate(tidy.first_name, sizeof tidy.first_name);
    typed_isolate(tidy.program, sizeof tidy.program);
    typed_isolate(tidy.interest, sizeof tidy.interest);
    bool ok = compose(ch, &tidy, m, office, linkedin_limit, out);
    /* volatile stores: the copy holds the visitor's words */
    volatile unsigned char *p = (volatile unsigned char *)&tidy;
    for (size_t i = 0; i < sizeof tidy; i++)
        p[i] = 0;
    return ok;
}

/* Phrases that turn a request for advice into a request for a job. */
static const char *const job_phrases[] = {
    "a job",          "job opening", "job openings", "any openings", "open position",
    "open positions", "open role",   "open roles",   "hire me",      "are you hiring",
    "get hired",      "refer me",    "referral",     "job offer",    "employ me",
    "work for you",   "job at",      "jobs at",      "job with",     "get me in",
};
static const char *const internship_phrases[] = {"internship", "internships", "intern", "co-op",
                                                 "placement"};
static const char *const resume_phrases[] = {"resume", "resumes", "cv", "cover letter",
                                             "my portfolio"};

static bool any_phrase(const char *folded, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (text_has_phrase(folded, list[i]))
            return true;
    return false;
}

/* Blanks the mentor's own words (a title like "Internship Coordinator")
 * out of folded text, so only the visitor's words are judged. */
static void blank_out(char *folded, const char *s)
{
    char f[MENTOR_TEXT_MAX * 2];
    text_fold(s, f, sizeof f);
    size_t n = strlen(f);
    if (n == 0)
        return;
    for (char *p = strstr(folded, f); p; p = strstr(p + n, f))
        memset(p, ' ', n);
}

bool message_is_sent(MessageChannel ch)
{
    return ch != CHANNEL_PHONE;
}

/* A field filled to its last byte that ends in a letter or digit: typed
 * or pasted past its room, it has most likely lost the end of a word. */
static bool runs_on(const char *s, size_t cap)
{
    size_t n = strlen(s);
    if (n + 1 < cap || n == 0)
        return false;
    unsigned char c = (unsigned char)s[n - 1];
    return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

unsigned message_check(const Message *msg, const Visitor *v, const Mentor *m)
{
    char folded[MESSAGE_BODY_MAX + 2 * VISITOR_TEXT_MAX + 8];
    char text[sizeof folded];
    unsigned w = 0;
    StrBuf sb;
    strbuf_init(&sb, text, sizeof text);
    strbuf_add(&sb, msg->body);
    strbuf_addf(&sb, "\n%s\n%s", v->interest, v->program);
    text_fold(text, folded, sizeof folded);
    if (m) {
        const char *own[] = {m->title, m->organization, m->field,
                             m->major, m->first_name,   m->last_name};
        for (size_t i = 0; i < sizeof own / sizeof *own; i++)
            blank_out(folded, own[i]);
    }
    if (any_phrase(folded, job_phrases, sizeof job_phrases / sizeof *job_phrases))
        w |= WARN_ASKS_JOB;
    if (any_phrase(folded, internship_phrases,
                   sizeof internship_phrases / sizeof *internship_phrases))
        w |= WARN_ASKS_INTERNSHIP;
    if (any_phrase(folded, resume_phrases, sizeof resume_phrases / sizeof *resume_phrases))
        w |= WARN_ASKS_RESUME;
    if (v->minutes <= 0 && msg->channel != CHANNEL_THANKS)
        w |= WARN_NO_TIME;
    if (!fits(msg))
        w |= WARN_TOO_LONG;
    if (!*v->first_name && msg->channel != CHANNEL_PHONE)
        w |= WARN_UNSIGNED; /* a call says the name aloud; a written note must carry it */
    /* the fields' room for typing, not their arrays (which keep room for
     * the isolating marks, core/typed.h) */
    if (v->cut || runs_on(v->first_name, VISITOR_NAME_MAX + 1) ||
        runs_on(v->program, VISITOR_TEXT_MAX + 1) || runs_on(v->interest, VISITOR_TEXT_MAX + 1))
        w |= WARN_CUT;
    return w;
}

const char *message_warning_text(MessageWarning w)
{
    switch (w) {
    case WARN_ASKS_JOB:
        return "This reads a little like asking for a job. People say yes more often to a "
               "request to learn; talk of openings can come later, if they raise it.";
    case WARN_ASKS_INTERNSHIP:
        return "It mentions an internship. Keep this first message to advice only; you can "
               "ask about internships once you know each other.";
    case WARN_ASKS_RESUME:
        return "It mentions your resume. Bring one in case they ask, but a review is a "
               "bigger favour than a conversation, so leave it out of the request.";
    case WARN_NO_TIME:
        return "Say how much time you are asking for: 15 to 30 minutes is easy to say yes "
               "to.";
    case WARN_TOO_LONG:
        return "It is over the length limit. Shorter messages get more replies.";
    case WARN_UNSIGNED:
        return "Sign it: add your first name, so they know who is asking.";
    case WARN_CUT:
        return "Something you typed was cut off at the end of its box, so the message has "
               "half a thought in it. Make it shorter on About you, so it ends where you mean "
               "it to.";
    }
    return "";
}

const char *message_warning_name(MessageWarning w)
{
    switch (w) {
    case WARN_ASKS_JOB:
        return "asks-job";
    case WARN_ASKS_INTERNSHIP:
        return "asks-internship";
    case WARN_ASKS_RESUME:
        return "asks-resume";
    case WARN_NO_TIME:
        return "no-time";
    case WARN_TOO_LONG:
        return "too-long";
    case WARN_UNSIGNED:
        return "unsigned";
    case WARN_CUT:
        return "cut";
    }
    return "";
}
