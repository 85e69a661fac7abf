/* paper: the printed prep sheet. Pages (Letter or A4 at 300 dpi) and
 * receipts (80 or 58 mm at 203 dpi) drawn with the very layout of the
 * Take-away screen (sheetview), on white with black text, followed by
 * the take-away QR codes sized to scan from paper. Long sheets flow onto
 * more pages, breaking only between lines; a receipt is as long as it
 * needs. Also the words a visitor sees about a print job. */
#ifndef CK_PAPER_H
#define CK_PAPER_H

#include "print/print.h"
#include "visit/visit.h"

#include <stdbool.h>
#include <stddef.h>

/* Renders a finished visit's sheet and codes for paper into out (free
 * with printout_free), headed by its office (name and logo) and dated
 * by its day. False with the reason. */
bool paper_render(const Visit *v, Paper paper, Printout *out, char *err, size_t cap);

/* Prints v on the printer set up in s as print_start does, but draws the
 * pages on the job's worker thread (from a copy of v), so the screen
 * goes on answering while they are drawn; the phase is PHASE_DRAWING
 * meanwhile. NULL (r saying why) when no job could start. */
PrintJob *paper_print(const PrintSetup *s, const Visit *v, PrintResult *r);

/* Writes the rendered pages as PNG files: path itself for the first,
 * then "name-2.png" and on. */
bool paper_save_png(const Printout *out, const char *path, char *err, size_t cap);

/* What a visitor is told about a job: the state or outcome in plain
 * words ("The printer is out of paper."), "" while all is well. */
const char *paper_trouble(const PrintResult *r);

#endif
