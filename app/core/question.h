/* question: the bank of questions a visitor may ask a mentor, and the
 * choice of a set that fits the minutes asked for. Pure. */
#ifndef CK_QUESTION_H
#define CK_QUESTION_H

#include "visitor.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    QCAT_PATH,    /* how they got here */
    QCAT_WORK,    /* a day in the work */
    QCAT_SKILLS,  /* skills and preparation */
    QCAT_FIELD,   /* the field and where it is going */
    QCAT_ORG,     /* the organization and its culture */
    QCAT_ADVICE,  /* advice and resources */
    QCAT_CLOSING, /* who else, may I mention your name */
    QCAT_COUNT
} QuestionCategory;

/* Who a question suits; a bank row lists them by name. */
enum {
    QTAG_CORE = 1 << 0,     /* good for anyone: "core" */
    QTAG_STUDENT = 1 << 1,  /* students and graduate students: "student" */
    QTAG_CHANGER = 1 << 2,  /* career changers and veterans: "changer" */
    QTAG_ALUM = 1 << 3,     /* alumni a few years out: "alum" */
    QTAG_ORGFIT = 1 << 4,   /* judging an organization: "orgfit" */
    QTAG_EARLY = 1 << 5,    /* best asked of someone early in career: "early" */
    QTAG_SENIOR = 1 << 6,   /* best asked of someone long in the field: "senior" */
    QTAG_VETERAN = 1 << 7,  /* for veterans moving into civilian work: "veteran" */
    QTAG_GRAD = 1 << 8,     /* for graduate students: "grad" */
    QTAG_GIVEBACK = 1 << 9, /* offering something back: "giveback" (always kept) */
};

enum { QUESTION_ID_MAX = 15, QUESTION_TEXT_MAX = 300, QUESTION_MAX = 200 };

typedef struct {
    char id[QUESTION_ID_MAX + 1];
    char text[QUESTION_TEXT_MAX + 1];
    QuestionCategory category;
    int minutes; /* 1..10, the time a good answer takes */
    unsigned tags;
} Question;

/* Category names ("path") and headings ("How they got here"). */
const char *question_category_name(QuestionCategory c);
const char *question_category_label(QuestionCategory c);
bool question_category_parse(const char *s, QuestionCategory *out);

/* Parses "student; orgfit" into QTAG_* bits; false on an unknown tag. */
bool question_tags_parse(const char *s, unsigned *out);

/* Writes the tag names of bits into out, "; "-separated. */
void question_tags_format(unsigned bits, char *out, size_t cap);

/* Builds a question from a bank row (id, category, minutes, tags, text).
 * On failure writes the reason, naming the column, into why. */
bool question_from_fields(const char *id, const char *category, const char *minutes,
                          const char *tags, const char *text, Question *out, char *why,
                          size_t why_cap);

/* Minutes left for questions in a meeting of `minutes`: the rest goes to
 * introductions and thanks. */
int question_budget(int minutes);

/* Picks questions from bank[0..n) for this visitor, a mentor who
 * graduated in mentor_grad_year, in a meeting of `minutes`, as of
 * this_year. Always includes a closing "who else" question when the bank
 * has one. Writes bank indices, in category then bank order, into
 * out[cap]; returns how many. Their minutes never exceed the budget. */
size_t question_suggest(const Question *bank, size_t n, VisitorStatus status, int mentor_grad_year,
                        int this_year, int minutes, size_t *out, size_t cap);

/* Sum of minutes of the questions bank[idx[0..k)]. */
int question_minutes(const Question *bank, const size_t *idx, size_t k);

#endif
