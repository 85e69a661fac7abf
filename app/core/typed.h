/* typed: what a visitor types, made safe to keep and to quote. A name or
 * an answer needs letters, marks, digits, spaces and punctuation; the
 * invisible controls and format characters that could reorder or hide
 * the text around it (bidi overrides, embeddings, isolates and marks,
 * escape codes, the byte-order mark...) are removed where typing enters
 * a field, and emoji, which the kiosk cannot draw in colour, are refused
 * there with a hint.
 *
 * A value quoted inside a sentence is isolated: FSI (U+2068) before it,
 * PDI (U+2069) after it, so even a right-to-left name cannot reorder
 * what follows it, on screen and on paper (FriBidi honours isolates and
 * HarfBuzz draws neither mark). For a phone (QR payloads), where a mail
 * app may be too old to know isolates, the marks become at most one
 * LEFT-TO-RIGHT MARK after a value holding right-to-left letters, the
 * mark every bidi implementation has known since the first, and nothing
 * after a value of left-to-right text alone: see typed_for_phone.
 * Pure functions over caller memory. */
#ifndef CK_TYPED_H
#define CK_TYPED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TYPED_FSI "\xE2\x81\xA8" /* U+2068 FIRST STRONG ISOLATE */
#define TYPED_PDI "\xE2\x81\xA9" /* U+2069 POP DIRECTIONAL ISOLATE */
#define TYPED_LRM "\xE2\x80\x8E" /* U+200E LEFT-TO-RIGHT MARK */

/* Bytes the two isolating marks add to a value. */
enum { TYPED_ISOLATE_BYTES = 6 };

typedef enum {
    TYPED_KEEP,   /* a letter, mark, digit, space or punctuation */
    TYPED_DROP,   /* invisible: a control or format character (removed quietly) */
    TYPED_REFUSE, /* visible but not drawable here: an emoji (removed with a hint) */
} TypedClass;

/* What becomes of cp when a visitor types it. ZWNJ and ZWJ are TYPED_KEEP
 * here; typed_clean keeps them only where a script joins letters. */
TypedClass typed_class(uint32_t cp);

/* Cleans the NUL-terminated s in place: ill-formed bytes and TYPED_DROP
 * characters are removed, TYPED_REFUSE ones too (and *refused set when
 * refused is not NULL), ZWNJ and ZWJ kept only right after a letter of a
 * script that joins with them (Arabic, Persian, Indic...). before is the
 * character s is typed after (0: none). Returns the new length. */
size_t typed_clean(char *s, uint32_t before, bool *refused);

/* The last character of the NUL-terminated s, or 0 when it is empty. */
uint32_t typed_last(const char *s);

/* True for the marks that isolate a quoted value or set a direction
 * (FSI, PDI, LRI, RLI, LRM, RLM, ALM): invisible, counted by nobody. */
bool typed_is_mark(uint32_t cp);

/* Wraps the non-empty value s[cap] in FSI ... PDI in place, cutting the
 * value at a character boundary if the marks would not otherwise fit.
 * An empty value stays empty. */
void typed_isolate(char *s, size_t cap);

/* Turns text holding isolated values into what a phone is given, in
 * place (it never grows): FSI goes, PDI becomes a LEFT-TO-RIGHT MARK
 * when the value it closes holds a right-to-left letter and nothing
 * otherwise. Returns the new length. */
size_t typed_for_phone(char *s);

/* Characters of s as a phone counts them (typed_for_phone's form). */
size_t typed_phone_chars(const char *s);

/* How many isolates (FSI, LRI, RLI) are still open at the end of s. A
 * line cut inside a quoted value opens the next line with FSI, so the
 * rest of the value stays isolated there too. */
int typed_open_isolates(const char *s);

/* Copies src into dst[cap] without the marks (typed_is_mark), cutting
 * at a character boundary: a label as a script or a screen reader
 * names it. */
void typed_unmarked(const char *src, char *dst, size_t cap);

#endif
