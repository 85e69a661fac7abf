/* latin: every script folded to the plain Latin letters a visitor types,
 * for the search index and for what is searched. The only ICU user.
 *
 * "Ольга Смирнова" -> "olga smirnova", "Ελένη" -> "eleni",
 * "Søren Østergaard" -> "soren ostergaard", "Straße" -> "strasse",
 * "王小明" -> "wang xiao ming". Lower case; accents gone; letters that do
 * not decompose (ø, ł, ı, ß, æ, đ, œ) spelled out. The card still shows
 * the original: this is for matching only. */
#ifndef CK_LATIN_H
#define CK_LATIN_H

#include <stdbool.h>
#include <stddef.h>

/* Folds the UTF-8 text s into out[cap] as described above (cut at a
 * character boundary when out is too small). Plain ASCII is lower-cased
 * without ICU. Without a working transliterator, falls back to the
 * Latin-only fold of core/text.h. Returns the length written.
 * Safe to call from any thread. */
size_t latin_fold(const char *s, char *out, size_t cap);

/* For one word of another script, the other way ICU spells it when that
 * differs from latin_fold's ("Мария": "maria" beside "mariya"), into
 * out[cap]; "" (and 0) when there is none. For indexing names. */
size_t latin_fold_variant(const char *word, char *out, size_t cap);

/* True when ICU's transliterators could be opened (for reports). */
bool latin_available(void);

#endif
