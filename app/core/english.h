/* english: small rules of written US English that messages need when they
 * put a visitor's words and a directory's words into sentences: "a" or
 * "an" by sound, possessives, a school named attributively, and tidying
 * what a visitor typed (capitals, a sentence where a phrase belongs).
 * Pure. */
#ifndef CK_ENGLISH_H
#define CK_ENGLISH_H

#include <stddef.h>

/* "a" or "an" before phrase, by how its first word sounds: "an HR
 * partner", "an RN", "a UX designer", "a U.S. team", "a university",
 * "an hour", "a one-year post", "an MBA". */
const char *english_article(const char *phrase);

/* "the " when an organization's name reads as a description of a body
 * rather than a proper name, else "": "at the State Department of
 * Transportation", "the University of Lakeport", "the Red Cross", "the
 * Open Hands Foundation", "the Lakeport Symphony", but "at Google", "at
 * City Hospital", "at Granite Harbor Bank", and never "the The ...". The
 * rule: a name of the form "X of Y" ("University of", "Department of",
 * "City of"); one that starts with a word for a public body (State,
 * National, Federal, United, Royal); or one whose last word names a body
 * of people or a public office rather than a place or a firm
 * (Foundation, Institute, Council, Symphony, Society, Service, Corps,
 * Cross, Conservancy, District, Board, a newspaper's Ledger or Times...).
 * A name in capitals (an acronym) takes none. */
const char *english_org_article(const char *name);

/* name + "'s", or + "'" after a final s ("Career Services'"). */
void english_possessive(const char *name, char *out, size_t cap);

/* A school as an adjective, without a leading "The" ("The New School" ->
 * "New School", for "a New School student"). */
const char *english_attributive(const char *school);

/* A name as a person writes it: typed all in small letters or all in
 * capitals, each part gets a capital ("nadia" -> "Nadia", "o'brien" ->
 * "O'Brien", "MARY-JANE" -> "Mary-Jane"); mixed case is kept
 * ("McKenzie", "DeShawn", "van der Berg"). Spaces trimmed. */
void english_tidy_name(const char *in, char *out, size_t cap);

/* A program or field as a title: typed all small or all capitals, its
 * words get capitals, small words stay small ("POLITICAL SCIENCE" ->
 * "Political Science", "history of art" -> "History of Art"); short
 * all-capital words typed so are kept ("MBA", "STEM"). */
void english_tidy_title(const char *in, char *out, size_t cap);

/* What a visitor is exploring, as a phrase to follow "I am exploring":
 * a typed sentence loses its "I want to be", "I'm interested in" and
 * final full stop ("I want to be a lawyer." -> "becoming a lawyer",
 * "interested in public health" -> "public health", "To work in film" ->
 * "working in film"); a phrase is kept, its first letter small unless the
 * word is a name or an acronym. A bare job title becomes a career
 * ("lawyer" -> "a career as a lawyer", "software engineers" -> "a career
 * as a software engineer", "I want to be nurse" -> "becoming a nurse"). */
void english_interest(const char *in, char *out, size_t cap);

/* A directory's list ("English; Japanese", items split by ';') as a
 * person writes it in a sentence or a fact: "English", "English and
 * Japanese", "English, Spanish, and Japanese" (US English: a comma before
 * the last "and"). Empty items are skipped; an item is trimmed. */
void english_list(const char *in, char *out, size_t cap);

#endif
