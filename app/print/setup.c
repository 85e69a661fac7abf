/* print_setup: papers and the printer setting (pure; see print.h). */
#include "print/print.h"

#include <stdio.h>
#include <string.h>

static const char *const paper_names[PAPER_COUNT] = {"letter", "a4", "80mm", "58mm"};

PaperSpec paper_spec(Paper p)
{
    switch (p) {
    case PAPER_A4: /* 210 x 297 mm at 300 dpi */
        return (PaperSpec){2480, 3508, 300, false, "iso_a4_210x297mm"};
    case PAPER_80MM: /* 72 mm printable at 203 dpi */
        return (PaperSpec){576, 0, 203, true, NULL};
    case PAPER_58MM: /* 48 mm printable */
        return (PaperSpec){384, 0, 203, true, NULL};
    default: /* 8.5 x 11 in at 300 dpi */
        return (PaperSpec){2550, 3300, 300, false, "na_letter_8.5x11in"};
    }
}

const char *paper_name(Paper p)
{
    return p < PAPER_COUNT ? paper_names[p] : "?";
}

bool paper_parse(const char *s, Paper *out)
{
    for (int i = 0; i < PAPER_COUNT; i++)
        if (strcmp(s, paper_names[i]) == 0) {
            *out = (Paper)i;
            return true;
        }
    return false;
}

bool print_setup_parse(const char *printer, const char *paper, int timeout_s, PrintSetup *out,
                       char *err, size_t cap)
{
    memset(out, 0, sizeof *out);
    out->timeout_s = timeout_s > 0 ? timeout_s : PRINT_DEFAULT_TIMEOUT;
    if (!printer || !*printer || strcmp(printer, "none") == 0)
        out->kind = PRINT_NONE;
    else if (strcmp(printer, "cups") == 0)
        out->kind = PRINT_CUPS;
    else if (strncmp(printer, "cups:", 5) == 0 && printer[5]) {
        out->kind = PRINT_CUPS;
        snprintf(out->target, sizeof out->target, "%s", printer + 5);
    } else if (strncmp(printer, "escpos:/", 8) == 0) {
        out->kind = PRINT_ESCPOS;
        snprintf(out->target, sizeof out->target, "%s", printer + 7);
        const char *at = strrchr(out->target, '@');
        if (at && (strspn(at + 1, "0123456789") != strlen(at + 1) || !at[1])) {
            snprintf(err, cap,
                     "the baud rate after @ should be a number, as in escpos:/dev/ttyS0@19200");
            return false;
        }
    } else {
        snprintf(err, cap,
                 "printer should be none, cups, cups:QUEUE or escpos:/dev/PATH (got \"%.80s\")",
                 printer);
        return false;
    }
    if (strlen(printer) >= PRINT_TARGET_MAX) {
        snprintf(err, cap, "the printer's name or path is too long");
        return false;
    }
    if (!paper || !*paper)
        out->paper = out->kind == PRINT_ESCPOS ? PAPER_80MM : PAPER_LETTER;
    else if (!paper_parse(paper, &out->paper)) {
        snprintf(err, cap, "paper should be letter, a4, 80mm or 58mm (got \"%.40s\")", paper);
        return false;
    }
    bool roll = paper_spec(out->paper).roll;
    if (out->kind == PRINT_CUPS && roll) {
        snprintf(err, cap, "a CUPS printer takes letter or a4 paper; 80mm and 58mm are for escpos");
        return false;
    }
    if (out->kind == PRINT_ESCPOS && !roll) {
        snprintf(err, cap, "a receipt printer takes 80mm or 58mm paper, not %s",
                 paper_name(out->paper));
        return false;
    }
    return true;
}

void print_setup_describe(const PrintSetup *s, char *out, size_t cap)
{
    if (s->kind == PRINT_NONE)
        snprintf(out, cap, "no printer");
    else if (s->kind == PRINT_CUPS)
        snprintf(out, cap, "CUPS printer %s (%s)", *s->target ? s->target : "(the default)",
                 paper_name(s->paper));
    else
        snprintf(out, cap, "receipt printer %s (%s)", s->target, paper_name(s->paper));
}

bool printer_usable(PrinterState s)
{
    return s == PRINTER_READY || s == PRINTER_UNKNOWN;
}
