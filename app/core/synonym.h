/* synonym: one row of the synonym table, what visitors say mapped to
 * what directories contain ("surgeon" -> "physician; surgery", field
 * "Healthcare"). The table is assets/synonyms.csv, or a signed
 * synonyms.csv from a staff stick; the directory keeps it. Pure. */
#ifndef CK_SYNONYM_H
#define CK_SYNONYM_H

#include <stdbool.h>
#include <stddef.h>

enum {
    SYNONYM_TERM_MAX = 60,   /* bytes of what visitors say */
    SYNONYM_MEANS_MAX = 250, /* bytes of the words it stands for */
    SYNONYM_FIELD_MAX = 60,  /* bytes of the career area */
    SYNONYM_WORDS = 3,       /* words in a term, at most */
    SYNONYM_MAX = 5000,      /* rows in a table */
};

typedef struct {
    char term[SYNONYM_TERM_MAX + 1];   /* "surgeon", "machine learning" */
    char means[SYNONYM_MEANS_MAX + 1]; /* "physician; surgery; surgical" */
    char field[SYNONYM_FIELD_MAX + 1]; /* "Healthcare", or "" */
} Synonym;

/* Builds a row from its three columns (term, means, field), trimmed. On
 * failure writes the reason, naming the column, into why: an empty term
 * or means, one too long, a term of more than SYNONYM_WORDS words, text
 * that is not UTF-8, an empty item in means ("a;;b"). */
bool synonym_from_fields(const char *term, const char *means, const char *field, Synonym *out,
                         char *why, size_t why_cap);

#endif
