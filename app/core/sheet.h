/* sheet: the prep sheet a visitor takes away, as a structured document
 * (sections of typed lines), and its plain-text renderings. The screen,
 * the printers and the QR payloads all draw this one structure.
 * Pure: the Sheet holds all its text in its own fixed arena. */
#ifndef CK_SHEET_H
#define CK_SHEET_H

#include "date.h"
#include "mentor.h"
#include "message.h"
#include "office.h"
#include "question.h"
#include "visitor.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    LINE_TEXT,     /* a paragraph */
    LINE_KEYVAL,   /* aux: text, e.g. "Reach by: Email ..." */
    LINE_CHECK,    /* a to-do with a box to tick */
    LINE_BULLET,   /* a reminder */
    LINE_QUESTION, /* numbered, with minutes */
    LINE_DATED,    /* aux is the date or moment: "Tue 1 Dec 2026: ..." */
} SheetLineKind;

typedef struct {
    SheetLineKind kind;
    const char *text;
    const char *aux;   /* key or date; "" when unused */
    const char *brief; /* a short form for the QR code; "" to use text */
    int minutes;       /* LINE_QUESTION only */
} SheetLine;

typedef enum {
    SEC_CONTACT,
    SEC_MESSAGE,
    SEC_HOMEWORK,
    SEC_QUESTIONS,
    SEC_DURING,
    SEC_FOLLOWUP,
    SEC_THANKS,
    SEC_COUNT
} SheetSectionId;

typedef struct {
    SheetSectionId id;
    const char *title;
    size_t first, count; /* lines[first .. first+count) */
} SheetSection;

enum { SHEET_MAX_LINES = 96, SHEET_MAX_SECTIONS = 8, SHEET_ARENA = 16384 };

typedef struct {
    const char *title;
    const char *subtitle;
    SheetSection section[SHEET_MAX_SECTIONS];
    size_t nsections;
    SheetLine line[SHEET_MAX_LINES];
    size_t nlines;
    int minutes_asked, minutes_planned;
    bool overflow; /* something did not fit (never with sane input) */
    size_t used;
    char arena[SHEET_ARENA];
} Sheet;

/* What goes into a sheet. */
typedef struct {
    const Visitor *visitor;
    const Mentor *mentor;
    const Message *request; /* the request message the visitor chose */
    const Question *bank;
    const size_t *chosen; /* indices into bank */
    size_t nchosen;
    Date today;
    const Office *office;  /* its name and school head the sheet; its contact for intros */
    const Message *thanks; /* the thank-you note for afterwards; NULL: none */
    Date met;              /* the day of the meeting, when known; {0}: not yet */
    int minute;            /* the time now, minutes after local midnight (sheet_send_day) */
} SheetInput;

/* Builds the sheet from in. Sections, in order: the contact, the
 * message, homework, questions, during the meeting, the follow-up plan,
 * and the thank-you note when in->thanks is set. */
void sheet_build(Sheet *s, const SheetInput *in);

/* The day's reminders ring between these, minutes after midnight. */
enum { SHEET_DAY_START = 9 * 60, SHEET_DAY_END = 17 * 60 };

/* When to send a request on channel ch made on today at minute (local
 * time, minutes after midnight): today, but a call waits for a day the
 * office is open (a Saturday's call goes on Monday, a holiday's the day
 * after; [calendar] closed lists the holidays). Its reminder rings at
 * *alarm (may be NULL): SHEET_DAY_START, or on today the next whole hour
 * at least half an hour from minute, never one already past; when that
 * is after SHEET_DAY_END, the request waits for the next day (an open
 * one for a call) at SHEET_DAY_START. */
Date sheet_send_day(const Office *o, MessageChannel ch, Date today, int minute, int *alarm);

/* The one polite nudge: seven open days after sending. */
Date sheet_nudge_day(const Office *o, MessageChannel ch, Date today, int minute);

/* When to send the thank-you note: the day after the meeting, or the
 * office's next open day after it (the mentor reads it at work). */
Date sheet_thanks_day(const Office *o, Date met);

/* Copies src into dst (its text lives in dst's own arena then). */
void sheet_copy(Sheet *dst, const Sheet *src);

/* Renders the whole sheet as plain text, wrapped at `width` columns.
 * Returns the length written (cut short, still terminated, if cap is
 * too small). */
size_t sheet_render_text(const Sheet *s, int width, char *out, size_t cap);

/* Renders a compact form for a QR code from the lines' brief forms. The
 * message and the thank-you note are left out (their own codes carry
 * them). Level 0 keeps every section; each higher level, up to
 * SHEET_COMPACT_LEVELS-1, drops more: the meeting reminders and contact
 * details, then the homework, then the undated follow-ups but the
 * thank-you and the referrer. Every question is always there whole, and
 * so are the dated follow-ups, the thank-you and the referrer lines.
 * Returns the length written (cut short, still terminated, when cap is
 * too small: then the result is cap - 1 or more). */
enum { SHEET_COMPACT_LEVELS = 4 };
size_t sheet_render_compact(const Sheet *s, int level, char *out, size_t cap);

/* Part `part` (0-based) of `parts` of the compact form at level, for a
 * sheet whose code is split: every part opens with the title and "(part
 * 1 of 2)"; the first has the contact (and the homework, as the level
 * allows), each has the questions [first, first + count) whole and
 * numbered as on the sheet, and the last has the rest (the meeting
 * reminders, the follow-up plan). With parts 1 it is
 * sheet_render_compact. Returns the length written. */
size_t sheet_render_part(const Sheet *s, int level, size_t first, size_t count, int part, int parts,
                         char *out, size_t cap);

/* How many questions the sheet has. */
size_t sheet_questions(const Sheet *s);

/* The section with this id; NULL if the sheet has none. */
const SheetSection *sheet_find(const Sheet *s, SheetSectionId id);

#endif
