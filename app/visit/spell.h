/* spell: a gentle spelling check of what a visitor typed, so a message
 * never carries "acountant" or "yeers" unless they mean it. The only
 * module that includes hunspell.h; it reads Debian's dictionary
 * (hunspell-en-us). Nothing here keeps the visitor's words: copies made
 * while checking are zeroed before returning. */
#ifndef CK_SPELL_H
#define CK_SPELL_H

#include <stdbool.h>
#include <stddef.h>

/* Debian's US English dictionary (en_US.aff and en_US.dic). */
#define SPELL_DICTIONARY "/usr/share/hunspell/en_US"

/* Writes text into out[cap] with each word the dictionary does not know
 * replaced by its likeliest correction: one that differs only in case
 * or an apostrophe ("dont" -> "don't"), else the first single word in
 * the same case starting with the same letter ("yeers" -> "years", not
 * "seers"). A few slips the dictionary takes for words are corrected
 * too ("i" -> "I", "ben" -> "been"). Left as typed: the words in keep
 * (space-separated: those the visitor chose to keep; NULL for none),
 * numbers, words with a capital after their first letter (names,
 * acronyms), a capitalised word the dictionary does not know (a name, a
 * place), and a word with no correction. The words changed are listed
 * in changed[changed_cap], space-separated (NULL: not wanted). Returns
 * their number: 0 when there is nothing to offer, or no dictionary (out
 * is then text). The library and dictionary are opened on the first call
 * and kept; calls are serialised. */
int spell_correct(const char *text, const char *keep, char *out, size_t cap, char *changed,
                  size_t changed_cap);

/* True when the dictionary could be opened (tried once). */
bool spell_ready(void);

#endif
