/* mentor: export columns, their aliases and per-row validation. */
#include "mentor.h"

#include "date.h"
#include "strbuf.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *name;
    const char *label;
    bool required;
    size_t max;
    const char *aliases; /* folded keys separated by '|' */
} FieldInfo;

static const FieldInfo fields[MF_COUNT] = {
    [MF_ID] = {"id", "ID", true, MENTOR_ID_MAX,
               "id|mentorid|recordid|contactid|alumniid|constituentid"},
    [MF_FIRST_NAME] = {"first_name", "First name", true, MENTOR_NAME_MAX,
                       "firstname|first|givenname|forename|preferredname"},
    [MF_LAST_NAME] = {"last_name", "Last name", true, MENTOR_NAME_MAX,
                      "lastname|last|surname|familyname"},
    [MF_TITLE] = {"title", "Title", true, MENTOR_TEXT_MAX,
                  "title|jobtitle|position|role|currentposition"},
    [MF_ORGANIZATION] = {"organization", "Organization", true, MENTOR_TEXT_MAX,
                         "organization|organisation|company|employer|companyname|org"},
    [MF_FIELD] = {"field", "Field", true, MENTOR_NAME_MAX,
                  "field|industry|careerfield|sector|area"},
    /* longer than a year, so that "'2009" or "2,009" is called no year
     * (by take_year) rather than too long */
    [MF_GRAD_YEAR] = {"grad_year", "Grad year", true, 16,
                      "gradyear|graduationyear|classyear|classof|year|grad"},
    [MF_MAJOR] = {"major", "Major", false, MENTOR_TEXT_MAX,
                  "major|degree|program|programme|fieldofstudy|study"},
    [MF_LOCATION] = {"location", "Location", false, MENTOR_TEXT_MAX,
                     "location|city|citystate|basedin|region"},
    [MF_REMOTE] = {"remote", "Remote", false, 8,
                   "remote|remoteok|opentoremote|virtual|meetsremotely"},
    [MF_EMAIL] = {"email", "Email", false, 254, "email|emailaddress|mail|preferredemail"},
    [MF_PHONE] = {"phone", "Phone", false, 32, "phone|phonenumber|mobile|cell|telephone|tel"},
    [MF_VIDEO] = {"video", "Video link", false, 300,
                  "video|videolink|meetinglink|videocall|zoom|booking|bookinglink"},
    [MF_LINKEDIN] = {"linkedin", "LinkedIn", false, 300,
                     "linkedin|linkedinurl|linkedinprofile|linkedinlink"},
    [MF_CONTACT_VIA] = {"contact_via", "Contact via", true, 24,
                        "contactvia|preferredcontact|contactpreference|contactchannel|"
                        "contactmethod|preferredchannel|channel"},
    [MF_TOPICS] = {"topics", "Topics", false, MENTOR_TOPICS_MAX,
                   "topics|cantalkabout|expertise|interests|tags|keywords"},
    [MF_BIO] = {"bio", "Bio", false, MENTOR_BIO_MAX, "bio|about|biography|summary|profile"},
    [MF_LANGUAGES] = {"languages", "Languages", false, MENTOR_TEXT_MAX,
                      "languages|language|languagesspoken|speaks"},
    [MF_ACCEPTING] = {"accepting", "Accepting", false, 8,
                      "accepting|acceptingrequests|available|active|open"},
    [MF_MONTHLY_CAP] = {"monthly_cap", "Monthly cap", false, 4,
                        "monthlycap|referralcap|maxpermonth|monthlylimit|cap"},
    [MF_LAST_VERIFIED] = {"last_verified", "Last verified", false, 10,
                          "lastverified|verified|verifiedon|lastupdated|updated"},
    [MF_AFFINITIES] = {"affinities", "Affinities", false, MENTOR_TEXT_MAX,
                       "affinities|affinity|affinitygroups|sharedbackgrounds|backgrounds"},
    [MF_NAME_LATIN] = {"name_latin", "Name in Latin letters", false, MENTOR_TEXT_MAX,
                       "namelatin|latinname|nameinlatinletters|latinspelling|romanizedname|"
                       "romanisedname|romanization|romanisation|transliteratedname|"
                       "nameinenglish|englishname"},
};

static const struct {
    const char *name, *label, *aliases;
} vias[VIA_COUNT] = {
    [VIA_EMAIL] = {"email", "Email", "email|mail"},
    [VIA_PHONE] = {"phone", "Phone call", "phone|call|telephone|mobile|cell"},
    [VIA_VIDEO] = {"video", "Video call", "video|videocall|zoom|teams|meet"},
    [VIA_LINKEDIN] = {"linkedin", "LinkedIn message", "linkedin|linkedinmessage|inmail"},
    [VIA_OFFICE] = {"office", "Introduction by the career office",
                    "office|careeroffice|careercenter|careercentre|staff|introduction|"
                    "intro|throughoffice"},
};

const char *mentor_field_name(MentorField f)
{
    return fields[f].name;
}

const char *mentor_field_label(MentorField f)
{
    return fields[f].label;
}

bool mentor_field_required(MentorField f)
{
    return fields[f].required;
}

size_t mentor_field_max(MentorField f)
{
    return fields[f].max;
}

/* True when key is one of the '|'-separated words in list. */
static bool in_list(const char *list, const char *key)
{
    size_t n = strlen(key);
    if (n == 0)
        return false;
    for (const char *p = list; *p;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (len == n && memcmp(p, key, n) == 0)
            return true;
        p += len + (bar != NULL);
    }
    return false;
}

int mentor_field_lookup(const char *heading)
{
    char key[64];
    text_fold_key(heading, key, sizeof key);
    for (int f = 0; f < MF_COUNT; f++)
        if (in_list(fields[f].aliases, key))
            return f;
    return -1;
}

bool mentor_via_parse(const char *s, ContactVia *out)
{
    char key[64];
    text_fold_key(s, key, sizeof key);
    for (int v = 0; v < VIA_COUNT; v++)
        if (in_list(vias[v].aliases, key)) {
            *out = (ContactVia)v;
            return true;
        }
    return false;
}

const char *mentor_via_name(ContactVia v)
{
    return v < VIA_COUNT ? vias[v].name : "?";
}

const char *mentor_via_label(ContactVia v)
{
    return v < VIA_COUNT ? vias[v].label : "?";
}

bool mentor_email_valid(const char *s)
{
    const char *at = strchr(s, '@');
    size_t len = strlen(s);
    if (!at || at == s || strchr(at + 1, '@') || len > 254 || (size_t)(at - s) > 64)
        return false;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c <= ' ' || c == '"' || c == '(' || c == ')' || c == ',' || c == ':' || c == ';' ||
            c == '<' || c == '>' || c == '[' || c == ']' || c == '\\')
            return false;
    }
    const char *dom = at + 1;
    const char *dot = strrchr(dom, '.');
    if (!dot || dot == dom || dot[1] == '\0' || strlen(dot + 1) < 2)
        return false;
    if (dom[0] == '.' || dom[0] == '-' || strstr(dom, "..") || s[len - 1] == '.')
        return false;
    return true;
}

bool mentor_phone_valid(const char *s)
{
    int digits = 0;
    const char *p = s;
    for (; *p; p++) {
        char c = *p;
        if (c >= '0' && c <= '9')
            digits++;
        else if (c == 'x' || c == 'X' || strncmp(p, "ext", 3) == 0)
            break; /* extension: digits after it are not counted */
        else if (!strchr("+()-. ", c))
            return false;
    }
    for (; *p; p++)
        if (!strchr("0123456789xXet. ", *p))
            return false;
    return digits >= 7 && digits <= 15;
}

bool mentor_url_valid(const char *s)
{
    const char *host;
    if (strncmp(s, "https://", 8) == 0)
        host = s + 8;
    else if (strncmp(s, "http://", 7) == 0)
        host = s + 7;
    else
        return false;
    if (!strchr(host, '.') || host[0] == '.' || host[0] == '/')
        return false;
    for (const char *p = s; *p; p++)
        if ((unsigned char)*p <= ' ' || *p == '"' || *p == '<' || *p == '>')
            return false;
    return true;
}

static bool fail(MentorError *err, MentorField f, const char *fmt, const char *arg)
{
    err->field = f;
    snprintf(err->reason, sizeof err->reason, fmt, arg);
    return false;
}

/* Parses yes/no words; blank gives dflt. */
static bool parse_bool(const char *s, bool dflt, bool *out)
{
    char k[16];
    text_fold_key(s, k, sizeof k);
    if (!*s) {
        *out = dflt;
        return true;
    }
    if (in_list("yes|y|true|t|1|x|on|accepting|open|remote|ok", k))
        *out = true;
    else if (in_list("no|n|false|f|0|off|closed|paused|onsite|inperson", k))
        *out = false;
    else
        return false;
    return true;
}

/* Copies a list ("a; b, c" or "a|b") as "a; b; c": items trimmed,
 * empty ones dropped, line breaks read as spaces. */
static void copy_list(const char *s, char *out, size_t cap)
{
    StrBuf sb;
    strbuf_init(&sb, out, cap);
    while (*s) {
        size_t n = strcspn(s, ";,|");
        const char *end = s + n;
        while (s < end && (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r'))
            s++;
        const char *stop = end;
        while (stop > s &&
               (stop[-1] == ' ' || stop[-1] == '\n' || stop[-1] == '\t' || stop[-1] == '\r'))
            stop--;
        if (stop > s) {
            if (sb.len)
                strbuf_add(&sb, "; ");
            for (const char *p = s; p < stop; p++)
                strbuf_addc(&sb, *p == '\n' || *p == '\r' ? ' ' : *p);
        }
        s = *end ? end + 1 : end;
    }
    if (sb.overflow) { /* keep whole items only */
        char *cut = strrchr(out, ';');
        if (cut)
            *cut = '\0';
    }
}

static const char *val(const char *const v[MF_COUNT], MentorField f)
{
    return v[f] ? v[f] : "";
}

/* Checks presence, length and encoding of every column. */
static bool check_shape(const char *const v[MF_COUNT], MentorError *err)
{
    for (int f = 0; f < MF_COUNT; f++) {
        const char *s = val(v, (MentorField)f);
        size_t n = strlen(s);
        if (fields[f].required && n == 0)
            return fail(err, (MentorField)f, "%s is required but empty", fields[f].label);
        if (!text_utf8_valid(s, n))
            return fail(err, (MentorField)f,
                        "%s has characters that are not valid text (bad UTF-8)", fields[f].label);
        if (n > fields[f].max) {
            err->field = (MentorField)f;
            snprintf(err->reason, sizeof err->reason, "%s is too long (%zu bytes, at most %zu)",
                     fields[f].label, n, fields[f].max);
            return false;
        }
    }
    return true;
}

/* True when a name has a letter lost in a conversion: "?" (what a
 * Windows or Mac program writes for a letter its encoding lacks, "Jos?
 * Garc?a") or U+FFFD, the mark of bytes that were not text. No name
 * holds either. */
static bool lost_letters(const char *s)
{
    return strchr(s, '?') != NULL || strstr(s, "\xEF\xBF\xBD") != NULL;
}

static bool names_whole(const char *const v[MF_COUNT], MentorError *err)
{
    static const MentorField names[] = {MF_FIRST_NAME, MF_LAST_NAME, MF_NAME_LATIN};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (lost_letters(val(v, names[i])))
            return fail(err, names[i],
                        "%s has \"?\" or \"\xEF\xBF\xBD\" where a letter should be: the export "
                        "was saved in an encoding without its accented letters (save it again "
                        "as \"CSV UTF-8\")",
                        fields[names[i]].label);
    return true;
}

static bool id_valid(const char *id)
{
    for (const char *p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '-' || *p == '_' || *p == '.'))
            return false;
    return true;
}

/* Validates the agreed channel and keeps only its value. */
static bool take_contact(const char *const v[MF_COUNT], Mentor *m, MentorError *err)
{
    static const MentorField col[VIA_COUNT] = {MF_EMAIL, MF_PHONE, MF_VIDEO, MF_LINKEDIN, MF_COUNT};
    const char *via = val(v, MF_CONTACT_VIA);
    if (!mentor_via_parse(via, &m->via))
        return fail(err, MF_CONTACT_VIA,
                    "Contact via \"%.60s\" is not one of email, phone, video, linkedin, office",
                    via);
    if (m->via == VIA_OFFICE) {
        m->contact[0] = '\0';
        return true;
    }
    MentorField f = col[m->via];
    const char *c = val(v, f);
    if (!*c)
        return fail(err, f, "the mentor agreed to be reached by %s, but that column is empty",
                    mentor_via_name(m->via));
    bool ok = f == MF_EMAIL   ? mentor_email_valid(c)
              : f == MF_PHONE ? mentor_phone_valid(c)
                              : mentor_url_valid(c);
    if (f == MF_LINKEDIN && ok && !strstr(c, "linkedin.com/"))
        ok = false;
    if (!ok)
        return fail(err, f,
                    f == MF_EMAIL   ? "Email \"%.80s\" is not a valid address"
                    : f == MF_PHONE ? "Phone \"%.40s\" is not a phone number"
                                    : "\"%.80s\" is not a valid web address for this channel",
                    c);
    text_copy(m->contact, sizeof m->contact, c);
    return true;
}

/* The graduation year: four digits from 1940 to this year. A
 * spreadsheet's other forms of a year ('09, '2009, 2,009) are named as
 * no year, with the form wanted. */
static bool take_year(const char *y, int this_year, Mentor *m, MentorError *err)
{
    size_t digits = strspn(y, "0123456789");
    if (digits != 4 || y[digits])
        return fail(err, MF_GRAD_YEAR,
                    "Grad year \"%.16s\" is not a year: write it as four digits, like 2009", y);
    int year = atoi(y);
    if (year < 1940 || year > this_year) {
        err->field = MF_GRAD_YEAR;
        snprintf(err->reason, sizeof err->reason,
                 "Grad year \"%s\" is not a year between 1940 and %d", y, this_year);
        return false;
    }
    m->grad_year = year;
    return true;
}

static bool take_numbers(const char *const v[MF_COUNT], int this_year, Mentor *m, MentorError *err)
{
    const char *cap = val(v, MF_MONTHLY_CAP);
    char *end;
    if (!take_year(val(v, MF_GRAD_YEAR), this_year, m, err))
        return false;
    m->monthly_cap = MENTOR_DEFAULT_CAP;
    if (*cap) {
        long c = strtol(cap, &end, 10);
        if (*end || c < 1 || c > 100)
            return fail(err, MF_MONTHLY_CAP, "Monthly cap \"%.10s\" is not a number from 1 to 100",
                        cap);
        m->monthly_cap = (int)c;
    }
    return true;
}

static bool take_flags(const char *const v[MF_COUNT], Mentor *m, MentorError *err)
{
    const char *verified = val(v, MF_LAST_VERIFIED);
    Date d;
    if (!parse_bool(val(v, MF_REMOTE), false, &m->remote))
        return fail(err, MF_REMOTE, "Remote \"%.10s\" should be yes or no", val(v, MF_REMOTE));
    if (!parse_bool(val(v, MF_ACCEPTING), true, &m->accepting))
        return fail(err, MF_ACCEPTING, "Accepting \"%.10s\" should be yes or no",
                    val(v, MF_ACCEPTING));
    m->last_verified[0] = '\0';
    if (*verified) {
        if (!date_parse(verified, &d))
            return fail(err, MF_LAST_VERIFIED,
                        "Last verified \"%.12s\" is not a date like 2026-03-31", verified);
        date_iso(d, m->last_verified, sizeof m->last_verified);
    }
    return true;
}

bool mentor_from_fields(const char *const v[MF_COUNT], int this_year, Mentor *m, MentorError *err)
{
    memset(m, 0, sizeof *m);
    if (!check_shape(v, err) || !names_whole(v, err))
        return false;
    if (!id_valid(val(v, MF_ID)))
        return fail(err, MF_ID, "ID \"%.40s\" may use only letters, digits, - _ and .",
                    val(v, MF_ID));
    if (!take_numbers(v, this_year, m, err) || !take_contact(v, m, err) || !take_flags(v, m, err))
        return false;
    text_copy(m->id, sizeof m->id, val(v, MF_ID));
    text_copy(m->first_name, sizeof m->first_name, val(v, MF_FIRST_NAME));
    text_copy(m->last_name, sizeof m->last_name, val(v, MF_LAST_NAME));
    text_copy(m->title, sizeof m->title, val(v, MF_TITLE));
    text_copy(m->organization, sizeof m->organization, val(v, MF_ORGANIZATION));
    text_copy(m->field, sizeof m->field, val(v, MF_FIELD));
    text_copy(m->major, sizeof m->major, val(v, MF_MAJOR));
    text_copy(m->location, sizeof m->location, val(v, MF_LOCATION));
    text_copy(m->bio, sizeof m->bio, val(v, MF_BIO));
    copy_list(val(v, MF_TOPICS), m->topics, sizeof m->topics);
    copy_list(*val(v, MF_LANGUAGES) ? val(v, MF_LANGUAGES) : "English", m->languages,
              sizeof m->languages);
    copy_list(val(v, MF_AFFINITIES), m->affinities, sizeof m->affinities);
    text_copy(m->name_latin, sizeof m->name_latin, val(v, MF_NAME_LATIN));
    return true;
}

/* True when every letter of s is Chinese, Japanese or Korean (Han, kana,
 * Hangul), as in 王 or 佐藤 or 김. */
static bool cjk(const char *s)
{
    size_t n = strlen(s), i = 0;
    bool any = false;
    while (i < n) {
        uint32_t c = text_utf8_next(s, n, &i);
        if (c == ' ')
            continue;
        bool han = (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
                   (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
        bool kana = c >= 0x3040 && c <= 0x30FF;
        bool hangul = (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) ||
                      (c >= 0x3130 && c <= 0x318F);
        if (!han && !kana && !hangul)
            return false;
        any = true;
    }
    return any;
}

/* True when s has a letter of a script other than Latin (Greek and
 * every script after it in Unicode). */
static bool other_script(const char *s)
{
    size_t n = strlen(s), i = 0;
    while (i < n)
        if (text_utf8_next(s, n, &i) >= 0x370)
            return true;
    return false;
}

void mentor_shown_name(const Mentor *m, char *out, size_t cap)
{
    char full[2 * MENTOR_NAME_MAX + 2];
    mentor_full_name(m, full, sizeof full);
    if (*m->name_latin && other_script(full))
        snprintf(out, cap, "%s (%s)", full, m->name_latin);
    else
        text_copy(out, cap, full);
}

void mentor_full_name(const Mentor *m, char *out, size_t cap)
{
    /* a name written in Chinese, Japanese or Korean puts the family name
     * first, without a space: 王伟, 佐藤美咲, 김민준 */
    if (cjk(m->first_name) && cjk(m->last_name))
        snprintf(out, cap, "%s%s", m->last_name, m->first_name);
    else
        snprintf(out, cap, "%s %s", m->first_name, m->last_name);
}
