/* question: bank rows and the suggestion of a set that fits the time. */
#include "question.h"

#include "strbuf.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const cat_names[QCAT_COUNT] = {"path",         "work",   "skills", "field",
                                                  "organization", "advice", "closing"};
static const char *const cat_labels[QCAT_COUNT] = {"How they got here",
                                                   "A day in the work",
                                                   "Skills and preparation",
                                                   "The field and its future",
                                                   "The organization and its culture",
                                                   "Advice and resources",
                                                   "Closing"};
static const char *const tag_names[] = {"core",  "student", "changer", "alum", "orgfit",
                                        "early", "senior",  "veteran", "grad", "giveback"};
enum { NTAGS = sizeof tag_names / sizeof tag_names[0] };

const char *question_category_name(QuestionCategory c)
{
    return c < QCAT_COUNT ? cat_names[c] : "?";
}

const char *question_category_label(QuestionCategory c)
{
    return c < QCAT_COUNT ? cat_labels[c] : "?";
}

bool question_category_parse(const char *s, QuestionCategory *out)
{
    int c = text_find_key(cat_names, QCAT_COUNT, s);
    if (c < 0)
        return false;
    *out = (QuestionCategory)c;
    return true;
}

bool question_tags_parse(const char *s, unsigned *out)
{
    unsigned bits = 0;
    char word[32];
    while (*s) {
        size_t n = strcspn(s, ";, |");
        if (n > 0) {
            if (n >= sizeof word)
                return false;
            memcpy(word, s, n);
            word[n] = '\0';
            int t = 0;
            while (t < NTAGS && strcmp(word, tag_names[t]) != 0)
                t++;
            if (t == NTAGS)
                return false;
            bits |= 1u << t;
        }
        s += n;
        s += strspn(s, ";, |");
    }
    *out = bits;
    return true;
}

void question_tags_format(unsigned bits, char *out, size_t cap)
{
    StrBuf sb;
    strbuf_init(&sb, out, cap);
    for (int t = 0; t < NTAGS; t++)
        if (bits & (1u << t)) {
            if (sb.len)
                strbuf_add(&sb, "; ");
            strbuf_add(&sb, tag_names[t]);
        }
}

bool question_from_fields(const char *id, const char *category, const char *minutes,
                          const char *tags, const char *text, Question *q, char *why,
                          size_t why_cap)
{
    char *end;
    long min = strtol(minutes, &end, 10);
    memset(q, 0, sizeof *q);
    if (!*id || strlen(id) > QUESTION_ID_MAX)
        snprintf(why, why_cap, "id must be 1 to %d characters", QUESTION_ID_MAX);
    else if (!question_category_parse(category, &q->category))
        snprintf(why, why_cap,
                 "category \"%.30s\" is not one of path, work, skills, field, "
                 "organization, advice, closing",
                 category);
    else if (end == minutes || *end || min < 1 || min > 10)
        snprintf(why, why_cap, "minutes \"%.10s\" must be a number from 1 to 10", minutes);
    else if (!question_tags_parse(tags, &q->tags))
        snprintf(why, why_cap,
                 "tags \"%.40s\" may only use core, student, changer, alum, "
                 "orgfit, early, senior, veteran, grad, giveback",
                 tags);
    else if (!*text || strlen(text) > QUESTION_TEXT_MAX || !text_utf8_valid(text, strlen(text)))
        snprintf(why, why_cap, "text must be 1 to %d bytes of valid UTF-8", QUESTION_TEXT_MAX);
    else {
        text_copy(q->id, sizeof q->id, id);
        text_copy(q->text, sizeof q->text, text);
        q->minutes = (int)min;
        return true;
    }
    return false;
}

int question_budget(int minutes)
{
    int b = minutes - 5; /* about 3 for hellos and context, 2 for thanks */
    return b < 8 ? 8 : b;
}

/* Tags that suit a visitor's status. */
static unsigned status_tags(VisitorStatus s)
{
    switch (s) {
    case STATUS_STUDENT:
        return QTAG_STUDENT;
    case STATUS_GRAD_STUDENT:
        return QTAG_STUDENT | QTAG_GRAD;
    case STATUS_ALUM:
        return QTAG_ALUM;
    case STATUS_VETERAN:
        return QTAG_CHANGER | QTAG_VETERAN;
    case STATUS_CHANGER:
        return QTAG_CHANGER;
    case STATUS_COUNT:
        break;
    }
    return 0;
}

/* Higher is a better fit; bank order breaks ties. The first round opens
 * with the essential (core) questions about their path and their work;
 * everything else prefers what suits this visitor (status) and this
 * mentor (career stage). */
static int score(const Question *q, unsigned status, unsigned stage, int round, size_t pos)
{
    int s = 0;
    bool opener = round == 0 && (q->category == QCAT_PATH || q->category == QCAT_WORK);
    if (q->tags & QTAG_CORE)
        s += opener ? 200 : 30;
    if (q->tags & status)
        s += 70;
    if (q->tags & status & (QTAG_VETERAN | QTAG_GRAD))
        s += 60; /* written for exactly this visitor */
    if (q->tags & stage)
        s += 40;
    if (q->tags & QTAG_ORGFIT)
        s += 10;
    return s * 1000 - (int)pos;
}

/* Index of the best unchosen question of category c that fits in room,
 * never one meant for the other end of a career (avoid). */
static long best_in(const Question *bank, size_t n, const bool *taken, QuestionCategory c,
                    unsigned status, unsigned stage, unsigned avoid, int round, int room)
{
    long best = -1;
    int best_score = 0;
    for (size_t i = 0; i < n; i++) {
        if (taken[i] || bank[i].category != c || bank[i].minutes > room || (bank[i].tags & avoid))
            continue;
        int sc = score(&bank[i], status, stage, round, i);
        if (best < 0 || sc > best_score) {
            best = (long)i;
            best_score = sc;
        }
    }
    return best;
}

/* The mentor's career stage as the tag to prefer, and the one to avoid. */
static void stage_tags(int grad_year, int this_year, unsigned *prefer, unsigned *avoid)
{
    int years = this_year - grad_year;
    *prefer = years <= 6 ? QTAG_EARLY : years >= 15 ? QTAG_SENIOR : 0;
    *avoid = years <= 6 ? QTAG_SENIOR : years >= 15 ? QTAG_EARLY : 0;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

size_t question_suggest(const Question *bank, size_t n, VisitorStatus status, int mentor_grad_year,
                        int this_year, int minutes, size_t *out, size_t cap)
{
    bool taken[QUESTION_MAX] = {false};
    unsigned stage, avoid, want = status_tags(status);
    int room = question_budget(minutes);
    size_t k = 0;
    if (n > QUESTION_MAX)
        n = QUESTION_MAX;
    stage_tags(mentor_grad_year, this_year, &stage, &avoid);
    /* the bank's first closing question ("who else should I talk to?")
     * is always kept: it is how one conversation leads to the next */
    for (size_t i = 0; i < n && k < cap; i++)
        if (bank[i].category == QCAT_CLOSING) {
            if (bank[i].minutes <= room) {
                taken[i] = true;
                out[k++] = i;
                room -= bank[i].minutes;
            }
            break;
        }
    /* and the give-back question: a conversation is a favour to return */
    for (size_t i = 0; i < n && k < cap; i++)
        if ((bank[i].tags & QTAG_GIVEBACK) && !taken[i]) {
            if (bank[i].minutes <= room) {
                taken[i] = true;
                out[k++] = i;
                room -= bank[i].minutes;
            }
            break;
        }
    for (int round = 0, added = 1; added && k < cap; round++) {
        added = 0;
        for (int c = QCAT_PATH; c < QCAT_COUNT && k < cap; c++) {
            long i = best_in(bank, n, taken, (QuestionCategory)c, want, stage, avoid, round, room);
            if (i < 0)
                continue;
            taken[i] = true;
            out[k++] = (size_t)i;
            room -= bank[i].minutes;
            added = 1;
        }
    }
    qsort(out, k, sizeof *out, cmp_size);
    /* category order, bank order within a category (a stable pass) */
    size_t sorted[QUESTION_MAX], m = 0;
    for (int c = 0; c < QCAT_COUNT; c++)
        for (size_t j = 0; j < k; j++)
            if (bank[out[j]].category == (QuestionCategory)c)
                sorted[m++] = out[j];
    memcpy(out, sorted, m * sizeof *out);
    return m;
}

int question_minutes(const Question *bank, const size_t *idx, size_t k)
{
    int sum = 0;
    for (size_t i = 0; i < k; i++)
        sum += bank[idx[i]].minutes;
    return sum;
}
