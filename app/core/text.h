/* text: UTF-8 validation and walking, folding for matching, word and
 * character counts, and encoding detection for imported files.
 * Pure functions over caller memory; no allocation, no locale. */
#ifndef CK_TEXT_H
#define CK_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when s[0..len) is well-formed UTF-8 (no overlongs, surrogates or
 * code points past U+10FFFF). */
bool text_utf8_valid(const char *s, size_t len);

/* Decodes the code point at s[*i] and advances *i. Ill-formed bytes yield
 * U+FFFD and advance by one byte. Requires *i < len. */
uint32_t text_utf8_next(const char *s, size_t len, size_t *i);

/* Writes the UTF-8 form of cp into out (room for 4 bytes); returns bytes. */
size_t text_utf8_put(uint32_t cp, char *out);

/* The capital of a Latin letter (ASCII, Latin-1, Latin Extended-A):
 * ÿ -> Ÿ, ß -> ẞ, ł -> Ł, œ -> Œ; anything else unchanged. */
uint32_t text_upper_cp(uint32_t cp);

/* s with every letter text_upper_cp knows in capitals, into out. */
void text_upper(const char *s, char *out, size_t cap);

/* Number of code points in the NUL-terminated string s. */
size_t text_chars(const char *s);

/* Number of words (runs of non-space characters) in s. */
size_t text_words(const char *s);

/* Copies src into dst[cap], cutting at a character boundary.
 * Returns true when src had to be cut. */
bool text_copy(char *dst, size_t cap, const char *src);

/* Trims ASCII white space at both ends of s in place; returns s. */
char *text_trim(char *s);

/* Folds s for matching into out[cap]: lower case, Latin accents removed
 * ("Müller" -> "muller"), other scripts kept as they are, direction marks
 * and isolates left out. */
void text_fold(const char *s, char *out, size_t cap);

/* Folds s to plain ASCII into out[cap] when every character is ASCII,
 * Latin-1 or Latin Extended-A: lower case, accents removed, and the
 * letters that do not decompose spelled out (ø -> o, ł -> l, ı -> i,
 * ß -> ss, æ -> ae, đ -> d, œ -> oe, þ -> th). Returns false, with out
 * unfinished, at the first character of another script. */
bool text_fold_ascii(const char *s, char *out, size_t cap);

/* Folds a column heading for alias lookup: lower case letters and digits
 * only ("E-mail " -> "email", "Grad_Year" -> "gradyear"). */
void text_fold_key(const char *s, char *out, size_t cap);

/* Index of s among names[0..n), compared as folded keys ("Grad student"
 * finds "grad-student"), or -1. */
int text_find_key(const char *const *names, int n, const char *s);

/* True when the folded text contains the folded phrase at word
 * boundaries. Both must already be folded with text_fold. */
bool text_has_phrase(const char *folded, const char *phrase);

typedef enum {
    TEXT_ENC_UTF8,     /* valid UTF-8, no byte-order mark */
    TEXT_ENC_UTF8_BOM, /* UTF-8 starting with EF BB BF */
    TEXT_ENC_UTF8_BAD, /* mostly UTF-8, with some ill-formed bytes */
    TEXT_ENC_CP1252,   /* not UTF-8: read as Windows-1252 */
} TextEncoding;

/* Guesses the encoding of a file's bytes: a BOM or well-formed UTF-8 wins;
 * otherwise UTF-8 when it has well-formed multi-byte sequences and no
 * more than four stray high bytes for each, else Windows-1252 (what Excel
 * writes for "CSV" on Windows). */
TextEncoding text_detect_encoding(const char *s, size_t len);

/* A short human name for an encoding, for reports. */
const char *text_encoding_name(TextEncoding e);

/* A name from outside (a folder or file name from a stick or the inbox)
 * made safe to put in a log line, a report or a message: control
 * characters become \n, \t, \r or \xNN, a backslash \\, bytes that are not
 * UTF-8 \xNN, and characters that turn or hide text (bidi controls,
 * line and paragraph separators, zero-width marks) \u{NNNN}; everything
 * else is kept. So one name is one line, and reads as what it is. Cut at
 * cap with "..." (never inside an escape). Returns out. */
const char *text_escape(const char *s, char *out, size_t cap);

#endif
