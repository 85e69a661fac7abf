/* words: the small pieces of matching what a visitor types against the
 * words a directory holds: stems for plurals and word endings, and the
 * edit distance that finds the word a slip of the finger meant. Pure,
 * over folded ASCII words (see directory/latin.h). */
#ifndef CK_WORDS_H
#define CK_WORDS_H

#include <stdbool.h>
#include <stddef.h>

enum { WORDS_MAX = 64 }; /* the longest word kept, in bytes */

/* The stem of the folded word w[0..n) into out[cap], for prefix
 * matching: a common English ending is taken off when at least four
 * letters stay ("nurses" -> "nurs", "teaching" -> "teach",
 * "attorneys" -> "attorney", "companies" -> "compan", "nurse" -> "nurs").
 * Every word sharing the stem then matches it as a prefix. Words of four
 * letters or fewer, and words with a digit, are kept as they are.
 * Returns the stem's length. */
size_t words_stem(const char *w, size_t n, char *out, size_t cap);

/* How many typos a word of n letters may carry: 0 below 5 letters, 1
 * below 9, else 2 (as Meilisearch and Algolia count them). */
int words_typo_budget(size_t n);

/* The cost of turning the typed a[0..na) into b[0..nb): insertions,
 * deletions, substitutions and swaps of neighbours cost 1 each, and a
 * different first letter costs one more (people rarely miss the first
 * letter). Returns max + 1 as soon as the cost must exceed max. */
int words_distance(const char *a, size_t na, const char *b, size_t nb, int max);

#endif
