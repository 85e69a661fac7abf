/* sheet: building the prep sheet and rendering it as text. */
#include "sheet.h"

#include "english.h"
#include "strbuf.h"
#include "text.h"
#include "typed.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Copies formatted text into the sheet's arena; returns it. */
static const char *keepf(Sheet *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static const char *keepf(Sheet *s, const char *fmt, ...)
{
    char *dst = s->arena + s->used;
    size_t room = SHEET_ARENA - s->used;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(dst, room, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= room) {
        s->overflow = true;
        return "";
    }
    s->used += (size_t)n + 1;
    return dst;
}

static void section(Sheet *s, SheetSectionId id, const char *title)
{
    if (s->nsections >= SHEET_MAX_SECTIONS) {
        s->overflow = true;
        return;
    }
    SheetSection *sec = &s->section[s->nsections++];
    sec->id = id;
    sec->title = title;
    sec->first = s->nlines;
    sec->count = 0;
}

static void line_brief(Sheet *s, SheetLineKind kind, const char *aux, int minutes, const char *text,
                       const char *brief)
{
    if (s->nlines >= SHEET_MAX_LINES || s->nsections == 0) {
        s->overflow = true;
        return;
    }
    SheetLine *l = &s->line[s->nlines++];
    l->kind = kind;
    l->text = text;
    l->aux = aux ? aux : "";
    l->brief = brief ? brief : "";
    l->minutes = minutes;
    s->section[s->nsections - 1].count++;
}

static void line(Sheet *s, SheetLineKind kind, const char *aux, int minutes, const char *text)
{
    line_brief(s, kind, aux, minutes, text, "");
}

static void build_contact(Sheet *s, const SheetInput *in)
{
    const Mentor *m = in->mentor;
    section(s, SEC_CONTACT, "Your contact");
    char full[2 * MENTOR_NAME_MAX + MENTOR_TEXT_MAX + 8];
    mentor_shown_name(m, full, sizeof full);
    line(s, LINE_KEYVAL, "Name", 0, keepf(s, "%s", full));
    line(s, LINE_KEYVAL, "Role", 0, keepf(s, "%s, %s", m->title, m->organization));
    line(s, LINE_KEYVAL, "Field", 0,
         keepf(s, "%s; class of %d%s%s", m->field, m->grad_year, *m->major ? ", " : "", m->major));
    if (*m->location)
        line(s, LINE_KEYVAL, "Based in", 0,
             keepf(s, "%s%s", m->location, m->remote ? " (meets remotely too)" : ""));
    if (m->via == VIA_OFFICE)
        line(s, LINE_KEYVAL, "Reach by", 0,
             keepf(s, "an introduction from the %s: %s", in->office->name, in->office->contact));
    else
        line(s, LINE_KEYVAL, "Reach by", 0,
             keepf(s, "%s: %s", mentor_via_label(m->via), m->contact));
    if (*m->topics) {
        char topics[MENTOR_TOPICS_MAX + 64];
        english_list(m->topics, topics, sizeof topics);
        line(s, LINE_KEYVAL, "Happy to discuss", 0, keepf(s, "%s", topics));
    }
}

/* A message's body, one line per paragraph, so renderers can space them. */
static void paragraphs(Sheet *s, const char *body)
{
    const char *p = body;
    while (*p) {
        const char *end = strstr(p, "\n\n");
        size_t n = end ? (size_t)(end - p) : strlen(p);
        line(s, LINE_TEXT, "", 0, keepf(s, "%.*s", (int)n, p));
        p += n;
        while (*p == '\n')
            p++;
    }
}

static void build_message(Sheet *s, const SheetInput *in)
{
    const Message *msg = in->request;
    section(s, SEC_MESSAGE, keepf(s, "Your message (%s)", message_channel_label(msg->channel)));
    if (*msg->subject)
        line(s, LINE_KEYVAL, "Subject", 0, keepf(s, "%s", msg->subject));
    paragraphs(s, msg->body);
}

static void build_homework(Sheet *s, const SheetInput *in)
{
    const Mentor *m = in->mentor;
    section(s, SEC_HOMEWORK, "Homework before you meet");
    line_brief(s, LINE_CHECK, "", 0,
               keepf(s, "Research %s%s: what it does, its mission, and recent news.",
                     english_org_article(m->organization), m->organization),
               keepf(s, "research %s%s", english_org_article(m->organization), m->organization));
    line_brief(s, LINE_CHECK, "", 0,
               keepf(s,
                     "Look up %s: their role, background, and anything they have written "
                     "or presented.",
                     m->first_name),
               keepf(s, "look up %s", m->first_name));
    line_brief(s, LINE_CHECK, "", 0,
               keepf(s,
                     "Practice a 30-second introduction: who you are, what you are "
                     "exploring, and why you chose %s.",
                     m->first_name),
               "practice a 30-second intro");
    if (in->request && in->request->channel == CHANNEL_PHONE)
        line_brief(s, LINE_CHECK, "", 0,
                   "Write before you call: put your opening on paper (who you are, why them, "
                   "and how long you are asking for), then say it in your own words.",
                   "write your opening before you call");
    line_brief(s, LINE_CHECK, "", 0,
               "Optional: two or three short stories of things you did (situation, task, "
               "action, result), in case they ask about you.",
               "2-3 short stories of things you did");
    line_brief(s, LINE_CHECK, "", 0,
               in->visitor->format == FORMAT_IN_PERSON || in->visitor->format == FORMAT_COFFEE
                   ? "Write your questions in priority order in the notebook you bring, and dress "
                     "for a good first impression."
                   : "Write your questions in priority order in the notebook you bring, and test "
                     "your phone or video link beforehand.",
               "questions in your notebook");
}

static void build_questions(Sheet *s, const SheetInput *in)
{
    s->minutes_planned = question_minutes(in->bank, in->chosen, in->nchosen);
    section(s, SEC_QUESTIONS,
            keepf(s, "Questions to ask (about %d of your %d minutes)", s->minutes_planned,
                  s->minutes_asked));
    for (size_t i = 0; i < in->nchosen; i++) {
        const Question *q = &in->bank[in->chosen[i]];
        line(s, LINE_QUESTION, question_category_label(q->category), q->minutes, q->text);
    }
}

static void build_during(Sheet *s, const SheetInput *in)
{
    section(s, SEC_DURING, "During the meeting");
    line_brief(s, LINE_BULLET, "", 0,
               keepf(s,
                     "Keep to the %d minutes you asked for; when time is up, offer to stop "
                     "and carry on by email if they like.",
                     s->minutes_asked),
               keepf(s, "keep to %d min", s->minutes_asked));
    line_brief(s, LINE_BULLET, "", 0, "Take notes, and ask before recording anything.",
               "take notes, ask before recording");
    line_brief(s, LINE_BULLET, "", 0,
               "Listen more than you talk, and be ready to say a little about yourself if "
               "asked.",
               "listen more than you talk");
    line_brief(s, LINE_BULLET, "", 0,
               "Bring a resume only in case they ask for it; do not lead with it.",
               "resume only if asked");
    (void)in;
}

/* The first day a request on ch may go from d on. */
static Date send_from(const DateCalendar *cal, MessageChannel ch, Date d)
{
    return ch == CHANNEL_PHONE ? date_next_open(cal, d) : d;
}

Date sheet_send_day(const Office *o, MessageChannel ch, Date today, int minute, int *alarm)
{
    DateCalendar cal = office_calendar(o);
    Date day = send_from(&cal, ch, today);
    int at = SHEET_DAY_START;
    if (date_to_days(day) == date_to_days(today)) {
        int next = (minute + 30 + 59) / 60 * 60; /* a whole hour, half an hour away at least */
        if (next > SHEET_DAY_END)
            day = send_from(&cal, ch, date_add_days(today, 1));
        else if (next > at)
            at = next;
    }
    if (alarm)
        *alarm = at;
    return day;
}

Date sheet_nudge_day(const Office *o, MessageChannel ch, Date today, int minute)
{
    DateCalendar cal = office_calendar(o);
    return date_add_open_days(&cal, sheet_send_day(o, ch, today, minute, NULL), 7);
}

Date sheet_thanks_day(const Office *o, Date met)
{
    DateCalendar cal = office_calendar(o);
    return date_next_open(&cal, date_add_days(met, 1));
}

static bool date_known(Date d)
{
    return d.y > 0;
}

static void build_followup(Sheet *s, const SheetInput *in)
{
    char d1[32], d2[32], d3[32] = "The day after you meet";
    MessageChannel ch = in->request ? in->request->channel : CHANNEL_EMAIL;
    date_human(sheet_send_day(in->office, ch, in->today, in->minute, NULL), d1, sizeof d1);
    date_human(sheet_nudge_day(in->office, ch, in->today, in->minute), d2, sizeof d2);
    if (date_known(in->met))
        date_human(sheet_thanks_day(in->office, in->met), d3, sizeof d3);
    section(s, SEC_FOLLOWUP, "Follow-up plan");
    bool call = ch == CHANNEL_PHONE;
    line_brief(s, LINE_DATED, keepf(s, "%s", d1), 0, call ? "Make the call." : "Send your request.",
               call ? "call" : "send request");
    line_brief(s, LINE_DATED, keepf(s, "%s", d2), 0,
               call ? "No answer yet? Try one more call, then let it go."
                    : "No reply yet? Send one short, polite follow-up, then let it go.",
               call ? "no answer? one more call" : "no reply? one polite nudge");
    line_brief(s, LINE_DATED, keepf(s, "%s", d3), 0,
               in->thanks ? "Send the thank-you note below, naming something specific you learned."
                          : "Send a thank-you note that names something specific you learned.",
               "send the thank-you note");
    line_brief(s, LINE_DATED, "The same week", 0,
               keepf(s,
                     "Thank whoever pointed you to %s (the %s, a professor, a friend) and "
                     "tell them how it went.",
                     in->mentor->first_name, in->office->name),
               keepf(s, "thank whoever pointed you to %s and tell them how it went",
                     in->mentor->first_name));
    line_brief(s, LINE_DATED, "In a few months", 0,
               "Keep in touch: tell them what you did with their advice.", "keep in touch");
    line_brief(s, LINE_DATED, "One day", 0,
               "Pay it forward when someone asks you for a conversation.", "pay it forward");
}

/* The thank-you note, to copy or send after the meeting. */
static void build_thanks(Sheet *s, const SheetInput *in)
{
    const Message *msg = in->thanks;
    char when[32];
    if (date_known(in->met)) {
        date_human(sheet_thanks_day(in->office, in->met), when, sizeof when);
        section(s, SEC_THANKS, keepf(s, "Your thank-you note (send it on %s)", when));
    } else
        section(s, SEC_THANKS, "Your thank-you note (send it the day after you meet)");
    if (*msg->subject)
        line(s, LINE_KEYVAL, "Subject", 0, keepf(s, "%s", msg->subject));
    paragraphs(s, msg->body);
}

void sheet_build(Sheet *s, const SheetInput *in)
{
    memset(s, 0, sizeof *s);
    s->minutes_asked = in->visitor->minutes > 0 ? in->visitor->minutes : 20;
    char full[2 * MENTOR_NAME_MAX + 2];
    mentor_full_name(in->mentor, full, sizeof full);
    s->title = keepf(s, "Prep sheet: a conversation with %s", full);
    s->subtitle = keepf(s, "%s, %s", in->office->name, in->office->school);
    build_contact(s, in);
    build_message(s, in);
    build_homework(s, in);
    build_questions(s, in);
    build_during(s, in);
    build_followup(s, in);
    if (in->thanks)
        build_thanks(s, in);
}

const SheetSection *sheet_find(const Sheet *s, SheetSectionId id)
{
    for (size_t i = 0; i < s->nsections; i++)
        if (s->section[i].id == id)
            return &s->section[i];
    return NULL;
}

/* Columns the first n bytes of s take: its code points, less the
 * invisible marks around a visitor's words (typed.h). */
static size_t chars_n(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n;)
        c += !typed_is_mark(text_utf8_next(s, n, &i));
    return c;
}

/* Appends text word-wrapped at width columns; the first line starts with
 * lead, the others with indent. Line breaks in text are kept. */
static void wrap(StrBuf *sb, const char *lead, const char *indent, const char *text, int width)
{
    size_t indent_w = text_chars(indent), col = text_chars(lead), len = strlen(text);
    bool fresh = true; /* no word on this line yet */
    strbuf_add(sb, lead);
    for (size_t i = 0; i < len;) {
        if (text[i] == '\n' || text[i] == ' ') {
            if (text[i] == '\n') {
                strbuf_addf(sb, "\n%s", indent);
                col = indent_w;
                fresh = true;
            }
            i++;
            continue;
        }
        size_t wlen = strcspn(text + i, " \n"), wchars = chars_n(text + i, wlen);
        if (!fresh && col + 1 + wchars > (size_t)width) {
            strbuf_addf(sb, "\n%s", indent);
            col = indent_w;
            fresh = true;
        }
        if (!fresh) {
            strbuf_addc(sb, ' ');
            col++;
        }
        strbuf_addn(sb, text + i, wlen);
        col += wchars;
        fresh = false;
        i += wlen;
    }
    strbuf_addc(sb, '\n');
}

/* Renders one line; `more_text` says a paragraph follows, so a blank
 * line separates them. */
static void render_line(StrBuf *sb, const SheetLine *l, int n, int width, bool more_text)
{
    char lead[96];
    switch (l->kind) {
    case LINE_KEYVAL:
        snprintf(lead, sizeof lead, "  %s: ", l->aux);
        wrap(sb, lead, "    ", l->text, width);
        break;
    case LINE_CHECK:
        wrap(sb, "  [ ] ", "      ", l->text, width);
        break;
    case LINE_BULLET:
        wrap(sb, "  - ", "    ", l->text, width);
        break;
    case LINE_QUESTION:
        snprintf(lead, sizeof lead, "  %2d. ", n);
        wrap(sb, lead, "      ", l->text, width);
        strbuf_addf(sb, "      (%d min, %s)\n", l->minutes, l->aux);
        break;
    case LINE_DATED:
        snprintf(lead, sizeof lead, "  %s: ", l->aux);
        wrap(sb, lead, "    ", l->text, width);
        break;
    default:
        wrap(sb, "  ", "  ", l->text, width);
        if (more_text)
            strbuf_addc(sb, '\n');
        break;
    }
}

size_t sheet_render_text(const Sheet *s, int width, char *out, size_t cap)
{
    StrBuf sb;
    strbuf_init(&sb, out, cap);
    strbuf_addf(&sb, "%s\n%s\n", s->title, s->subtitle);
    for (size_t i = 0; i < s->nsections; i++) {
        const SheetSection *sec = &s->section[i];
        strbuf_addf(&sb, "\n%s\n", sec->title);
        for (size_t k = 0; k < sec->count; k++)
            render_line(&sb, &s->line[sec->first + k], (int)k + 1, width,
                        k + 1 < sec->count && s->line[sec->first + k + 1].kind == LINE_TEXT);
    }
    return sb.len;
}

static const char *brief(const SheetLine *l)
{
    return *l->brief ? l->brief : l->text;
}

/* "Homework: a; b; c" from the briefs of a section. */
static void compact_joined(StrBuf *sb, const Sheet *s, const SheetSection *sec, const char *label)
{
    strbuf_addf(sb, "%s: ", label);
    for (size_t k = 0; k < sec->count; k++)
        strbuf_addf(sb, "%s%s", k ? "; " : "", brief(&s->line[sec->first + k]));
    strbuf_addc(sb, '\n');
}

static void compact_contact(StrBuf *sb, const Sheet *s, const SheetSection *sec, int level)
{
    for (size_t k = 0; k < sec->count; k++) {
        const SheetLine *l = &s->line[sec->first + k];
        bool essential = strcmp(l->aux, "Name") == 0 || strcmp(l->aux, "Role") == 0 ||
                         strcmp(l->aux, "Reach by") == 0;
        if (essential || (level == 0 && strcmp(l->aux, "Happy to discuss") != 0))
            strbuf_addf(sb, "%s: %s\n", l->aux, l->text);
    }
}

/* Questions [first, first + count), whole, numbered as on the sheet; the
 * heading says "continued" after the first part. */
static void compact_questions(StrBuf *sb, const Sheet *s, const SheetSection *sec, size_t first,
                              size_t count)
{
    if (count == 0)
        return;
    if (first == 0)
        strbuf_addf(sb, "\nQuestions (%d of %d min)\n", s->minutes_planned, s->minutes_asked);
    else /* right under a later part's one-line head */
        strbuf_add(sb, "Questions, continued\n");
    for (size_t k = first; k < first + count && k < sec->count; k++) {
        const SheetLine *l = &s->line[sec->first + k];
        strbuf_addf(sb, "%zu. %s (%dm)\n", k + 1, l->text, l->minutes);
    }
}

/* The follow-up plan: the dated steps, the thank-you and the referrer
 * always; keeping in touch and paying it forward below the last level. */
static void compact_followup(StrBuf *sb, const Sheet *s, const SheetSection *sec, int level)
{
    strbuf_add(sb, "\nFollow-up\n");
    for (size_t k = 0; k < sec->count && (level < 3 || k < 4); k++) {
        const SheetLine *l = &s->line[sec->first + k];
        strbuf_addf(sb, "%s: %s\n", l->aux, brief(l));
    }
}

size_t sheet_questions(const Sheet *s)
{
    const SheetSection *sec = sheet_find(s, SEC_QUESTIONS);
    return sec ? sec->count : 0;
}

size_t sheet_render_part(const Sheet *s, int level, size_t first, size_t count, int part, int parts,
                         char *out, size_t cap)
{
    StrBuf sb;
    const SheetSection *sec;
    if (level < 0)
        level = 0;
    if (level >= SHEET_COMPACT_LEVELS)
        level = SHEET_COMPACT_LEVELS - 1;
    strbuf_init(&sb, out, cap);
    if (parts == 1)
        strbuf_addf(&sb, "%s\n%s\n\n", s->title, s->subtitle);
    else if (part == 0)
        strbuf_addf(&sb, "%s (part 1 of %d)\n%s\n\n", s->title, parts, s->subtitle);
    else /* the rest say only whose sheet they continue */
        strbuf_addf(&sb, "%s (part %d of %d)\n", s->title, part + 1, parts);
    if (part == 0 && (sec = sheet_find(s, SEC_CONTACT)))
        compact_contact(&sb, s, sec, level);
    if (part == 0 && level < 2 && (sec = sheet_find(s, SEC_HOMEWORK)))
        compact_joined(&sb, s, sec, "Homework");
    if ((sec = sheet_find(s, SEC_QUESTIONS)))
        compact_questions(&sb, s, sec, first, count);
    if (part == parts - 1 && level == 0 && (sec = sheet_find(s, SEC_DURING)))
        compact_joined(&sb, s, sec, "During");
    if (part == parts - 1 && (sec = sheet_find(s, SEC_FOLLOWUP)))
        compact_followup(&sb, s, sec, level);
    return sb.overflow ? cap : sb.len;
}

size_t sheet_render_compact(const Sheet *s, int level, char *out, size_t cap)
{
    return sheet_render_part(s, level, 0, sheet_questions(s), 0, 1, out, cap);
}

/* p moved from src's arena to dst's, or as it was (text not in it). */
static const char *rebase(const Sheet *src, Sheet *dst, const char *p)
{
    if (p >= src->arena && p < src->arena + SHEET_ARENA)
        return dst->arena + (p - src->arena);
    return p;
}

void sheet_copy(Sheet *dst, const Sheet *src)
{
    memcpy(dst, src, sizeof *dst);
    dst->title = rebase(src, dst, src->title);
    dst->subtitle = rebase(src, dst, src->subtitle);
    for (size_t i = 0; i < src->nsections; i++)
        dst->section[i].title = rebase(src, dst, src->section[i].title);
    for (size_t i = 0; i < src->nlines; i++) {
        dst->line[i].text = rebase(src, dst, src->line[i].text);
        dst->line[i].aux = rebase(src, dst, src->line[i].aux);
        dst->line[i].brief = rebase(src, dst, src->line[i].brief);
    }
}
