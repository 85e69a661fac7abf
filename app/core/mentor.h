/* mentor: one alumni contact, the columns a staff export may carry, and
 * the validation of one row of it. Pure: no I/O, no allocation.
 *
 * Privacy rule: a Mentor holds only the contact value of the channel the
 * mentor agreed to (`via`). Other channels in the export are validated
 * away at import and never stored, so nothing downstream can show them. */
#ifndef CK_MENTOR_H
#define CK_MENTOR_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    VIA_EMAIL,
    VIA_PHONE,
    VIA_VIDEO,
    VIA_LINKEDIN,
    VIA_OFFICE, /* introduced through the career office */
    VIA_COUNT
} ContactVia;

/* Columns of a staff export, in our canonical order. */
typedef enum {
    MF_ID,
    MF_FIRST_NAME,
    MF_LAST_NAME,
    MF_TITLE,
    MF_ORGANIZATION,
    MF_FIELD,
    MF_GRAD_YEAR,
    MF_MAJOR,
    MF_LOCATION,
    MF_REMOTE,
    MF_EMAIL,
    MF_PHONE,
    MF_VIDEO,
    MF_LINKEDIN,
    MF_CONTACT_VIA,
    MF_TOPICS,
    MF_BIO,
    MF_LANGUAGES,
    MF_ACCEPTING,
    MF_MONTHLY_CAP,
    MF_LAST_VERIFIED,
    MF_AFFINITIES, /* optional: backgrounds the mentor agreed to show ("veteran") */
    MF_NAME_LATIN, /* optional: the name as the mentor spells it in Latin letters */
    MF_COUNT
} MentorField;

enum {
    MENTOR_ID_MAX = 32,
    MENTOR_NAME_MAX = 80,
    MENTOR_TEXT_MAX = 160,
    MENTOR_CONTACT_MAX = 320,
    MENTOR_TOPICS_MAX = 400,
    MENTOR_BIO_MAX = 1200,
    MENTOR_DEFAULT_CAP = 8,
};

typedef struct {
    char id[MENTOR_ID_MAX + 1];
    char first_name[MENTOR_NAME_MAX + 1];
    char last_name[MENTOR_NAME_MAX + 1];
    char title[MENTOR_TEXT_MAX + 1];
    char organization[MENTOR_TEXT_MAX + 1];
    char field[MENTOR_NAME_MAX + 1];
    char major[MENTOR_TEXT_MAX + 1];
    char location[MENTOR_TEXT_MAX + 1];
    char contact[MENTOR_CONTACT_MAX + 1]; /* value for `via`; empty for office */
    char topics[MENTOR_TOPICS_MAX + 1];   /* "; "-separated */
    char bio[MENTOR_BIO_MAX + 1];
    char languages[MENTOR_TEXT_MAX + 1];  /* "; "-separated */
    char last_verified[11];               /* YYYY-MM-DD or empty */
    char affinities[MENTOR_TEXT_MAX + 1]; /* "; "-separated, only what the mentor agreed to show */
    char name_latin[MENTOR_TEXT_MAX + 1]; /* "Layla Haddad" for ليلى حداد; searched, not shown */
    int grad_year;
    ContactVia via;
    bool remote;
    bool accepting;
    int monthly_cap;
} Mentor;

/* The error found in one row: which column and why, in plain words. */
typedef struct {
    MentorField field;
    char reason[200];
} MentorError;

/* Canonical column name ("first_name"). */
const char *mentor_field_name(MentorField f);

/* Heading people see in reports ("First name"). */
const char *mentor_field_label(MentorField f);

/* Maps a spreadsheet heading to a column, matching case-, space- and
 * punctuation-insensitively with common aliases ("E-mail", "Grad Year",
 * "Company"). Returns -1 for headings we do not use. */
int mentor_field_lookup(const char *heading);

/* True for columns every export must have. */
bool mentor_field_required(MentorField f);

/* Longest value accepted for a column, in bytes. */
size_t mentor_field_max(MentorField f);

/* Parses "email", "E-mail", "phone", "LinkedIn", "career office"... */
bool mentor_via_parse(const char *s, ContactVia *out);

/* Canonical name of a channel ("email", "linkedin", "office"). */
const char *mentor_via_name(ContactVia v);

/* How a visitor should read a channel ("Email", "Career office intro"). */
const char *mentor_via_label(ContactVia v);

/* Builds a Mentor from one row's values, indexed by MentorField (NULL or
 * "" for absent), checking every rule a staff export must meet.
 * this_year bounds the graduation year. Returns true when the row is
 * good; otherwise fills *err with the first problem found. */
bool mentor_from_fields(const char *const values[MF_COUNT], int this_year, Mentor *out,
                        MentorError *err);

/* True when s looks like a deliverable address: one @, a dotted domain,
 * no spaces, sane lengths. */
bool mentor_email_valid(const char *s);

/* True when s is a phone number: digits with + ( ) - . space and an
 * optional extension, 7 to 15 digits. */
bool mentor_phone_valid(const char *s);

/* True when s is an http(s) address with a host. */
bool mentor_url_valid(const char *s);

/* "Ana Costa" into out. */
void mentor_full_name(const Mentor *m, char *out, size_t cap);

/* The name as a card shows it: the full name, and for a name written in
 * another script than Latin the mentor's own Latin spelling beside it
 * when the export gives one ("ليلى حداد (Layla Haddad)"), so a visitor
 * who cannot read the script knows whom they found and how to say it. */
void mentor_shown_name(const Mentor *m, char *out, size_t cap);

#endif
