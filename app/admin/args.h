/* args: options of one admin subcommand, declared in a table so every
 * subcommand validates its arguments and prints its own --help. */
#ifndef CK_ARGS_H
#define CK_ARGS_H

#include <stdbool.h>
#include <stddef.h>

enum { ARGS_MAX_OPTS = 32, ARGS_MAX_POS = 8 };

/* The i-th value an option accepts, or NULL past the last: the name
 * table the option's parser uses, so --help and the check agree. */
typedef const char *(*OptChoice)(int i);

typedef struct OptSpec {
    const char *name;  /* "field" for --field */
    const char *value; /* placeholder ("NAME"), or NULL for a flag */
    const char *help;  /* with a choice, --help adds ": a, b or c" */
    OptChoice choice;  /* the values accepted, or NULL for any */
} OptSpec;

typedef struct Args {
    const OptSpec *spec;
    int nspec;
    const char *val[ARGS_MAX_OPTS]; /* value, or "" for a flag that is set */
    const char *pos[ARGS_MAX_POS];
    int npos;
    bool help;
} Args;

/* Parses argv[0..argc) (after the subcommand name) against spec[0..n).
 * Accepts --name VALUE, --name=VALUE, flags and positionals; "--help"
 * sets help. Returns false with a reason in err for an unknown option,
 * a missing value, a value not among the option's choices or too many
 * positionals. */
bool args_parse(Args *a, const OptSpec *spec, int n, int argc, char **argv, char *err, size_t cap);

/* The value of --name, or NULL when not given. */
const char *args_get(const Args *a, const char *name);

/* True when --name was given. */
bool args_has(const Args *a, const char *name);

/* Parses --name as an integer in [lo, hi]; dflt when absent. Returns false
 * with a reason when present but not such a number. */
bool args_int(const Args *a, const char *name, int lo, int hi, int dflt, int *out, char *err,
              size_t cap);

/* The index of --name's value among its choices (the enum the name
 * table is indexed by), or dflt when not given. */
int args_choice(const Args *a, const char *name, int dflt);

/* Writes choice's values as "a, b or c" into out. */
void args_choices_text(OptChoice choice, char *out, size_t cap);

/* The index of s among choice's values (ignoring case), or -1. */
int args_choice_find(OptChoice choice, const char *s);

/* Prints "usage" and the option table. */
void args_usage(const char *usage, const char *about, const OptSpec *spec, int n);

#endif
