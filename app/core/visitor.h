/* visitor: what a visitor may tell the kiosk about themselves and about
 * the meeting they want. Everything here lives in memory only. */
#ifndef CK_VISITOR_H
#define CK_VISITOR_H

#include <stdbool.h>

typedef enum {
    STATUS_STUDENT,
    STATUS_GRAD_STUDENT,
    STATUS_ALUM,
    STATUS_VETERAN,
    STATUS_CHANGER,
    STATUS_COUNT
} VisitorStatus;

typedef enum {
    FORMAT_PHONE,
    FORMAT_VIDEO,
    FORMAT_IN_PERSON,
    FORMAT_COFFEE,
    FORMAT_COUNT
} MeetFormat;

typedef enum {
    FOUND_DIRECTORY, /* the career office's alumni directory */
    FOUND_SCHOOL,    /* the shared school */
    FOUND_MAJOR,     /* the shared major or program */
    FOUND_COUNT
} FoundVia;

/* The longest answers a visitor can type, in bytes; each string has room
 * beyond for the marks that isolate it inside a sentence (VISITOR_ROOM:
 * message_compose's copy, see core/typed.h). */
enum { VISITOR_NAME_MAX = 40, VISITOR_TEXT_MAX = 80, VISITOR_ROOM = 1 + 6 };

/* The fields that were cut short at their limit as they were typed. */
typedef enum {
    VISITOR_CUT_NAME = 1 << 0,
    VISITOR_CUT_PROGRAM = 1 << 1,
    VISITOR_CUT_INTEREST = 1 << 2,
} VisitorCut;

/* The visitor's answers; every string may be empty. */
typedef struct {
    char first_name[VISITOR_NAME_MAX + VISITOR_ROOM];
    char program[VISITOR_TEXT_MAX + VISITOR_ROOM];  /* program or major */
    char interest[VISITOR_TEXT_MAX + VISITOR_ROOM]; /* what they are exploring */
    VisitorStatus status;
    FoundVia found_via;
    MeetFormat format;
    int minutes;  /* 15, 20 or 30; 0 when not chosen */
    unsigned cut; /* VisitorCut bits */
} Visitor;

/* Canonical names ("student", "career-changer") and parsing of them. */
const char *visitor_status_name(VisitorStatus s);
bool visitor_status_parse(const char *s, VisitorStatus *out);
const char *visitor_status_label(VisitorStatus s); /* "Current student" */

const char *visitor_format_name(MeetFormat f);
bool visitor_format_parse(const char *s, MeetFormat *out);
const char *visitor_format_label(MeetFormat f); /* "Video call" */

const char *visitor_found_name(FoundVia f);
bool visitor_found_parse(const char *s, FoundVia *out);

/* A visitor with no answers yet: student, directory, video, 20 minutes. */
void visitor_init(Visitor *v);

/* Zeroes every byte the visitor gave us, in a way the compiler keeps. */
void visitor_wipe(Visitor *v);

#endif
