/* sheetview: the prep sheet's one layout: title, sections and their
 * lines (check boxes, numbered questions with minutes, dated steps). The
 * Take-away screen draws it, and so do the page and receipt printouts,
 * with their own sizes and theme in the Ui. */
#ifndef CK_SHEETVIEW_H
#define CK_SHEETVIEW_H

#include "core/sheet.h"
#include "ui.h"

enum { SHEET_BREAKS = SHEET_MAX_LINES + SHEET_MAX_SECTIONS };

/* Where a printed page may end: between lines, and before a section
 * title (never between a title and its first line). */
typedef struct {
    int y[SHEET_BREAKS];
    int n;
} SheetBreaks;

/* Draws sheet s from r.x, r.y in width r.w; returns the height. br, when
 * set, receives the break points (in the same coordinates). */
int sheetview_draw(Ui *ui, Rect r, const Sheet *s, SheetBreaks *br);

#endif
