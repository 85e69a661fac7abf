/* print: the printer a kiosk is set up with, and print jobs. A job takes
 * rendered pages (see ui/paper.h), checks the printer's state, encodes
 * the pages for it (a PDF for CUPS, ESC/POS for a receipt printer),
 * sends them and follows the job to its end, within a time limit. The
 * kiosk runs jobs on a worker thread so the screen never freezes. */
#ifndef CK_PRINT_H
#define CK_PRINT_H

#include "page.h"
#include "printer.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum { PRINT_NONE, PRINT_CUPS, PRINT_ESCPOS } PrintKind;

typedef enum { PAPER_LETTER, PAPER_A4, PAPER_80MM, PAPER_58MM, PAPER_COUNT } Paper;

/* A paper's size in dots: h is 0 for a roll (as long as needed). */
typedef struct {
    int w, h, dpi;
    bool roll;
    const char *media; /* IPP media name for CUPS; NULL for rolls */
} PaperSpec;

PaperSpec paper_spec(Paper p);

/* "letter", "a4", "80mm", "58mm" and parsing them. */
const char *paper_name(Paper p);
bool paper_parse(const char *s, Paper *out);

enum { PRINT_TARGET_MAX = 256, PRINT_DEFAULT_TIMEOUT = 45 };

typedef struct {
    PrintKind kind;
    char target[PRINT_TARGET_MAX]; /* queue ("" for CUPS's default) or device */
    Paper paper;
    int timeout_s; /* for the whole job */
} PrintSetup;

/* Reads `printer = none | cups | cups:QUEUE | escpos:DEVICE[@BAUD]` and
 * `paper` ("" for the kind's default: letter, or 80mm for receipts).
 * False with the reason when they do not fit together. */
bool print_setup_parse(const char *printer, const char *paper, int timeout_s, PrintSetup *out,
                       char *err, size_t cap);

/* True when a printer's state lets a job through (ready, or unknown). */
bool printer_usable(PrinterState s);

/* "cups:Office" and the like, for messages. */
void print_setup_describe(const PrintSetup *s, char *out, size_t cap);

enum { PRINTOUT_PAGES = 8 };

/* Rendered pages (one long one for a roll). */
typedef struct {
    Paper paper;
    PageImage page[PRINTOUT_PAGES];
    int n;
} Printout;

/* Zeroes and frees the pages. */
void printout_free(Printout *p);

/* DRAWING: a job given a visit (paper_print) first draws its pages. */
typedef enum { PHASE_CHECKING, PHASE_SENDING, PHASE_DONE, PHASE_FAILED, PHASE_DRAWING } PrintPhase;

typedef struct {
    PrintPhase phase;
    PrinterState state;     /* what the check found */
    JobOutcome outcome;     /* how the job ended (PHASE_DONE or PHASE_FAILED after sending) */
    bool sent;              /* the job got as far as the printer */
    char state_detail[256]; /* what the printer said of its state */
    char detail[256];       /* the latest word: state, then the job's */
} PrintResult;

/* The printer's state now (blocking, within the setup's time limit). */
void print_status(const PrintSetup *s, PrinterStatus *st);

/* The whole job, blocking: check, encode, send, follow. Frees out. */
void print_run(const PrintSetup *s, Printout *out, PrintResult *r);

/* The same on a worker thread; NULL (and out freed) if none could start,
 * with r saying so. */
typedef struct PrintJob PrintJob;
PrintJob *print_start(const PrintSetup *s, Printout *out, PrintResult *r);

/* The job's progress; true once it has ended (then call print_end). */
bool print_poll(PrintJob *j, PrintResult *r);

/* Waits up to ms for the job to end; true when it has. */
bool print_wait(PrintJob *j, int ms);

/* Waits for the job and frees it. */
void print_end(PrintJob *j);

typedef enum { PRINT_FOLLOW_SAME, PRINT_FOLLOW_CHANGED, PRINT_FOLLOW_ENDED } PrintFollow;

/* Follows the job *j under way: copies its progress into *r and says
 * whether that changed. Once it has ended, frees it (and gives the
 * pages' memory back to the system), sets *j to NULL and returns
 * PRINT_FOLLOW_ENDED. */
PrintFollow print_follow(PrintJob **j, PrintResult *r);

#endif
