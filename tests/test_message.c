/* Tests for app/core/message: limits, wording and the etiquette check,
 * and a corpus of 60 typed answers to 40 of the sample's mentors on
 * their own channels (and the thank-you), each read for grammar and
 * claims by rules of the test's own. */
#include "support.h"

#include "core/csv.h"
#include "core/english.h"
#include "core/message.h"
#include "core/text.h"
#include "core/typed.h"
#include "fixture_visit.h"

static const Office office = {.name = "Career Center",
                              .school = "Northfield University",
                              .contact = "the front desk",
                              .logo = ""};

/* message_compose, with the message as a reader reads it: the marks that
 * isolate the visitor's words (core/typed.h) left out. */
static bool compose_read(MessageChannel ch, const Visitor *v, const Mentor *m, const Office *o,
                         size_t limit, Message *msg)
{
    bool ok = message_compose(ch, v, m, o, limit, msg);
    char plain[MESSAGE_BODY_MAX];
    typed_unmarked(msg->body, plain, sizeof plain);
    memcpy(msg->body, plain, sizeof plain);
    typed_unmarked(msg->subject, plain, sizeof msg->subject);
    memcpy(msg->subject, plain, sizeof msg->subject);
    return ok;
}

static void test_golden_messages(void **state)
{
    (void)state;
    Mentor m = fixture_mentor();
    Visitor v = fixture_visitor();
    Message msg;
    char text[MESSAGE_BODY_MAX + MESSAGE_SUBJECT_MAX + 32];
    static const char *const files[CHANNEL_COUNT] = {"message_email.txt",  "message_linkedin.txt",
                                                     "message_phone.txt",  "message_video.txt",
                                                     "message_office.txt", "message_thanks.txt"};
    /* each mentor as they asked to be reached on that channel */
    static const ContactVia via[CHANNEL_COUNT] = {VIA_EMAIL, VIA_LINKEDIN, VIA_PHONE,
                                                  VIA_VIDEO, VIA_OFFICE,   VIA_EMAIL};
    static const char *const contact[CHANNEL_COUNT] = {
        "jose.garcia@example.org",
        "https://www.linkedin.com/in/jose-garcia-example",
        "(617) 555-0100",
        "https://meet.example.org/jose-garcia",
        "",
        "jose.garcia@example.org"};
    for (int c = 0; c < CHANNEL_COUNT; c++) {
        m.via = via[c];
        strcpy(m.contact, contact[c]);
        assert_int_equal(c == CHANNEL_THANKS ? CHANNEL_EMAIL : c, message_channel_for(&m));
        assert_true(message_compose((MessageChannel)c, &v, &m, &office, 300, &msg));
        snprintf(text, sizeof text, "Subject: %s\n\n%s\n", msg.subject, msg.body);
        support_golden(files[c], text);
    }
}

/* A letter ends with a name, never a status: with no name typed, "Best
 * regards," and a blank line to sign on; with one, the name alone. Who
 * the visitor is is said in the body. */
static void test_sign_off_is_a_name(void **state)
{
    (void)state;
    Mentor m = fixture_mentor();
    static const MessageChannel signed_channels[] = {CHANNEL_EMAIL, CHANNEL_OFFICE, CHANNEL_THANKS};
    /* who they are, in full or in short */
    static const char *const says[STATUS_COUNT][2] = {
        {"a student at Northfield University", "a Northfield University student"},
        {"a graduate student at Northfield University", "a Northfield University graduate student"},
        {"a fellow Northfield University graduate", "a fellow Northfield University alum"},
        {"a veteran in the Northfield University community", "a veteran in the Northfield"},
        {"part of the Northfield University community, considering a change of career",
         "a career changer from the Northfield University community"}};
    Message msg;
    for (size_t c = 0; c < sizeof signed_channels / sizeof *signed_channels; c++)
        for (int st = 0; st < STATUS_COUNT; st++)
            for (int named = 0; named < 2; named++) {
                Visitor v = fixture_visitor();
                v.status = (VisitorStatus)st;
                if (!named)
                    v.first_name[0] = '\0';
                m.via = signed_channels[c] == CHANNEL_OFFICE ? VIA_OFFICE : VIA_EMAIL;
                assert_true(compose_read(signed_channels[c], &v, &m, &office, 300, &msg));
                const char *end = strstr(msg.body, "Best regards,");
                if (!end)
                    fail_msg("%s has no sign-off:\n%s", message_channel_name(msg.channel),
                             msg.body);
                const char *want = named ? "Best regards,\nSam" : "Best regards,\n\n";
                if (strcmp(end, want) != 0)
                    fail_msg("%s (%s, %s) ends \"%s\", not \"%s\"",
                             message_channel_name(msg.channel), visitor_status_name(v.status),
                             named ? "named" : "no name", end, want);
                if ((!strstr(msg.body, says[st][0]) && !strstr(msg.body, says[st][1])) ||
                    strstr(end, visitor_status_label(v.status)))
                    fail_msg("%s: the status belongs in the body (\"%s\"):\n%s",
                             message_channel_name(msg.channel), says[st][0], msg.body);
            }
}

/* A field cut at its limit, or filled to its last byte mid-word, is a
 * fragment in the message: never good to send. */
static void test_a_cut_field_is_never_good_to_send(void **state)
{
    (void)state;
    Mentor m = fixture_mentor();
    Message msg;
    Visitor v = fixture_visitor();
    assert_true(message_compose(CHANNEL_EMAIL, &v, &m, &office, 300, &msg));
    assert_false(message_check(&msg, &v, &m) & WARN_CUT);
    v.cut = VISITOR_CUT_INTEREST;
    assert_true(message_compose(CHANNEL_EMAIL, &v, &m, &office, 300, &msg));
    assert_true(message_check(&msg, &v, &m) & WARN_CUT);
    /* pasted in past its room: 80 bytes, the last word running on */
    v = fixture_visitor();
    snprintf(v.interest, sizeof v.interest, "%s",
             "i have ben an acountant for 12 yeers and want to move into somthing with more pu");
    assert_int_equal(strlen(v.interest), VISITOR_TEXT_MAX);
    assert_true(message_compose(CHANNEL_EMAIL, &v, &m, &office, 300, &msg));
    assert_true(message_check(&msg, &v, &m) & WARN_CUT);
    assert_string_equal(message_warning_name(WARN_CUT), "cut");
    assert_non_null(strstr(message_warning_text(WARN_CUT), "cut off"));
    /* full but ending a sentence: whole */
    v.interest[VISITOR_TEXT_MAX - 1] = '.';
    assert_true(message_compose(CHANNEL_EMAIL, &v, &m, &office, 300, &msg));
    assert_false(message_check(&msg, &v, &m) & WARN_CUT);
}

/* A phone script is read aloud, not sent. */
static void test_only_written_messages_are_sent(void **state)
{
    (void)state;
    for (int c = 0; c < CHANNEL_COUNT; c++)
        assert_int_equal(message_is_sent((MessageChannel)c), c != CHANNEL_PHONE);
}

/* Every combination a visitor can choose, with long answers. */
static void test_limits_hold_for_every_choice(void **state)
{
    (void)state;
    Mentor m = fixture_mentor();
    Visitor v = fixture_visitor();
    Message msg;
    strcpy(v.program, "Environmental Engineering and Public Policy (joint degree)");
    strcpy(v.interest, "whether a research career in climate adaptation would suit me");
    strcpy(m.title, "Senior Director of Strategic Partnerships and Community Programs");
    for (int s = 0; s < STATUS_COUNT; s++)
        for (int f = 0; f < FOUND_COUNT; f++)
            for (int fm = 0; fm < FORMAT_COUNT; fm++) {
                v.status = (VisitorStatus)s;
                v.found_via = (FoundVia)f;
                v.format = (MeetFormat)fm;
                assert_true(compose_read(CHANNEL_EMAIL, &v, &m, &office, 0, &msg));
                assert_true(msg.words <= MESSAGE_EMAIL_WORDS);
                assert_true(*msg.subject);
                assert_non_null(strstr(msg.body, "20 minutes"));
                assert_int_equal(message_check(&msg, &v, &m), 0);
                assert_true(compose_read(CHANNEL_LINKEDIN, &v, &m, &office, 300, &msg));
                assert_true(text_chars(msg.body) <= 300);
                assert_true(compose_read(CHANNEL_LINKEDIN, &v, &m, &office, 200, &msg));
                assert_true(text_chars(msg.body) <= 200);
                assert_int_equal(message_check(&msg, &v, &m), 0);
                assert_true(compose_read(CHANNEL_PHONE, &v, &m, &office, 0, &msg));
                assert_non_null(strstr(msg.body, "José"));
                assert_int_equal(message_check(&msg, &v, &m), 0);
            }
}

static void test_says_who_why_and_not_a_job(void **state)
{
    (void)state;
    Mentor m = fixture_mentor();
    Visitor v = fixture_visitor();
    Message msg;
    compose_read(CHANNEL_EMAIL, &v, &m, &office, 0, &msg);
    assert_non_null(strstr(msg.body, "Sam"));
    assert_non_null(strstr(msg.body, "Biology"));
    assert_non_null(strstr(msg.body, "alumni directory"));
    assert_non_null(strstr(msg.body, "not asking for employment"));
    assert_non_null(strstr(msg.body, "an Engineering Manager"));
    /* "same major" is said only when it is true: a Biology student does
     * not share Physics */
    v.found_via = FOUND_MAJOR;
    compose_read(CHANNEL_EMAIL, &v, &m, &office, 0, &msg);
    assert_false(message_same_major(&v, &m));
    assert_null(strstr(msg.body, "background in"));
    assert_non_null(strstr(msg.body, "Northfield University"));
    strcpy(v.program, "physics");
    assert_true(message_same_major(&v, &m));
    compose_read(CHANNEL_EMAIL, &v, &m, &office, 0, &msg);
    assert_non_null(strstr(msg.body, "background in Physics"));
    strcpy(v.program, "Applied Physics");
    assert_true(message_same_major(&v, &m));
    strcpy(v.program, "Physical Therapy");
    assert_false(message_same_major(&v, &m));
    strcpy(v.program, "Biology");
    v.first_name[0] = '\0';
    compose_read(CHANNEL_EMAIL, &v, &m, &office, 0, &msg);
    assert_null(strstr(msg.body, "My name is"));
    assert_null(strstr(msg.body, "["));
    /* the office is asked for a mentor whose name is in another script by
     * the mentor's Latin spelling too: its staff look the name up */
    strcpy(m.first_name, "ليلى");
    strcpy(m.last_name, "حداد");
    strcpy(m.name_latin, "Layla Haddad");
    compose_read(CHANNEL_OFFICE, &v, &m, &office, 0, &msg);
    assert_non_null(strstr(msg.subject, "ليلى حداد (Layla Haddad)"));
    assert_non_null(strstr(msg.body, "I found ليلى حداد (Layla Haddad), who"));
}

/* What visitors really type, in every channel to mentors with real
 * titles: the sentences hold together. */
static void test_typed_answers_read_right(void **state)
{
    (void)state;
    static const char *const typed[][3] = {
        /* name, program, interest */
        {"nadia", "POLITICAL SCIENCE", "I want to be a lawyer"},
        {"SAM", "music therapy", "I'm interested in hospital music programs."},
        {"o'brien", "history of art", "how museums hire curators"},
        {"Priya", "MBA", "I would like to move into product management"},
        {"jamal", "nursing", "to get into travel nursing"},
        {"", "", ""},
        {"Wei", "Computer Science", "I want a career in game design"},
        {"lucía", "economics and public policy", "interested in development banks"},
        {"ALEX", "STEM EDUCATION", "I hope to teach high school physics!"},
        {"d'angelo", "pre-law", "I'm curious about public defenders"},
    };
    static const char *const roles[][2] = {
        {"HR Business Partner", "Lumen Health"}, {"RN, Pediatric ICU", "Saint Brigid Hospital"},
        {"UX Researcher", "Fernwood Labs"},      {"Urban Planner", "City of Lakeport"},
        {"Economist", "Federal Reserve Bank"},   {"Software Engineer", "Copperline Software"},
        {"Orthodontist", "Bright Smile Dental"}, {"One-Year Fellow", "Civic Tech Corps"},
    };
    static const ContactVia vias[] = {VIA_EMAIL, VIA_LINKEDIN, VIA_PHONE, VIA_VIDEO, VIA_OFFICE};
    static const char *const wrong[] = {"exploring I ",
                                        "exploring i ",
                                        "exploring to ",
                                        "a HR",
                                        "a RN",
                                        "an UX",
                                        "a Urban",
                                        "a Economist",
                                        "an Software",
                                        "a Orthodontist",
                                        "an One",
                                        "the The ",
                                        "'s's",
                                        "exploring interested",
                                        "..",
                                        " ,",
                                        "My name is nadia",
                                        "Hi nadia",
                                        "a An ",
                                        "  "};
    Office schools[2] = {
        office,
        {.name = "Career Services", .school = "The New School", .contact = "careers@example.edu"}};
    Message msg;
    for (size_t s = 0; s < 2; s++)
        for (size_t t = 0; t < sizeof typed / sizeof *typed; t++)
            for (size_t r = 0; r < sizeof roles / sizeof *roles; r++)
                for (size_t c = 0; c < sizeof vias / sizeof *vias; c++) {
                    Mentor m = fixture_mentor();
                    Visitor v = fixture_visitor();
                    strcpy(v.first_name, typed[t][0]);
                    strcpy(v.program, typed[t][1]);
                    strcpy(v.interest, typed[t][2]);
                    strcpy(m.title, roles[r][0]);
                    strcpy(m.organization, roles[r][1]);
                    m.via = vias[c];
                    MessageChannel ch = message_channel_for(&m);
                    assert_true(compose_read(ch, &v, &m, &schools[s], 300, &msg));
                    /* our own wording never trips the etiquette check */
                    unsigned warn = message_check(&msg, &v, &m) & ~(unsigned)WARN_UNSIGNED;
                    if (warn)
                        fail_msg("our %s to a %s warns %s:\n%s", message_channel_name(ch),
                                 roles[r][0], message_warning_name((MessageWarning)warn), msg.body);
                    for (size_t w = 0; w < sizeof wrong / sizeof *wrong; w++)
                        if (strstr(msg.body, wrong[w]) || strstr(msg.subject, wrong[w]))
                            fail_msg("\"%s\" in the %s to a %s from %s/%s/%s:\n%s", wrong[w],
                                     message_channel_name(ch), roles[r][0], typed[t][0],
                                     typed[t][1], typed[t][2], msg.body);
                    /* the school at most once in the body (once in each of the
                     * phone's two scripts, the call and the voicemail) */
                    const char *school = schools[s].school, *at = msg.body;
                    int times = 0;
                    while ((at = strstr(at, english_attributive(school))) != NULL)
                        times++, at++;
                    if (times > (ch == CHANNEL_PHONE ? 2 : 1))
                        fail_msg("%s named %d times in the %s:\n%s", school, times,
                                 message_channel_name(ch), msg.body);
                }
}

/* ---- the corpus: what visitors type, to the sample's own mentors ---- */

/* Every fourth mentor of the sample directory (40), as the import reads
 * them; returns how many. */
static int sample_mentors(Mentor *out, int cap)
{
    size_t len;
    char *data = support_read("assets/mentors.sample.csv", &len);
    assert_non_null(data);
    CsvReader r;
    csv_open(&r, data, len);
    static char buf[8192];
    const char *field[32];
    CsvRow row = {
        .buf = buf, .buf_cap = sizeof buf, .field = field, .field_cap = 32, .field_max = 4000};
    int col[32], n = 0, seen = 0;
    assert_true(csv_next_row(&r, &row));
    size_t ncols = row.nfields;
    for (size_t i = 0; i < ncols; i++)
        col[i] = mentor_field_lookup(field[i]);
    while (n < cap && csv_next_row(&r, &row))
        if (seen++ % 4 == 0) {
            const char *values[MF_COUNT] = {0};
            for (size_t i = 0; i < ncols && i < row.nfields; i++)
                if (col[i] >= 0)
                    values[col[i]] = field[i];
            MentorError err;
            if (!mentor_from_fields(values, 2026, &out[n], &err))
                fail_msg("sample row %d: %s", seen + 1, err.reason);
            n++;
        }
    free(data);
    return n;
}

/* The bare job titles in the corpus: a message never explores one bare. */
static const char *const bare_titles[] = {"lawyer",      "nurse",          "software engineer",
                                          "teacher",     "data scientist", "physical therapist",
                                          "Architect",   "accountant",     "an actuary",
                                          "UX designer", "pharmacists",    "Social workers"};

/* What visitors type: name, program, what they explore. */
static const char *const corpus[][3] = {
    {"nadia", "POLITICAL SCIENCE", "lawyer"},
    {"SAM", "music therapy", "nurse"},
    {"o'brien", "history of art", "how museums hire curators"},
    {"Priya", "MBA", "I would like to move into product management"},
    {"jamal", "nursing", "to get into travel nursing"},
    {"", "", ""},
    {"Wei", "Computer Science", "software engineer"},
    {"lucía", "economics and public policy", "interested in development banks"},
    {"ALEX", "STEM EDUCATION", "I hope to teach high school physics!"},
    {"d'angelo", "pre-law", "I'm curious about public defenders"},
    {"Maya", "education", "teacher"},
    {"tom", "statistics", "data scientist"},
    {"Ines", "kinesiology", "physical therapist"},
    {"KOFI", "ARCHITECTURE", "Architect"},
    {"li", "accounting", "accountant"},
    {"Rosa", "mathematics", "an actuary"},
    {"ben", "psychology", "UX designer"},
    {"Ana", "chemistry", "pharmacists"},
    {"greta", "sociology", "Social workers"},
    {"Omar", "biology", "I want to be a doctor."},
    {"eve", "english", "I want to be nurse"},
    {"Hiro", "mechanical engineering", "renewable energy"},
    {"zoe", "film studies", "working in documentary film"},
    {"Pat", "", "public health"},
    {"", "Biology", "how biology graduates move into software"},
    {"Sofia", "Environmental Science", "climate adaptation"},
    {"marcus", "history", "I'm thinking about law school"},
    {"Aisha", "public health", "global health programs"},
    {"Noah", "undeclared", "exploring my options in tech"},
    {"chen", "finance", "investment banking"},
    {"Leila", "journalism", "I love writing and want to be a reporter"},
    {"dev", "CS", "machine learning"},
    {"Fatima", "social work", "community organizing"},
    {"ivan", "physics", "research careers in physics"},
    {"Grace", "nursing", "to become a nurse practitioner"},
    {"Jorge", "business", "supply chain management"},
    {"hannah", "art", "graphic design"},
    {"Kwame", "economics", "how economists work at central banks"},
    {"mia", "marketing", "I'm interested in brand strategy."},
    {"Raj", "electrical engineering", "hardware startups"},
    {"ELENA", "SPANISH", "translation and interpreting"},
    {"sam", "theater", "arts administration"},
    {"Yusuf", "civil engineering", "city planning"},
    {"Chloe", "pre-med", "becoming a physician assistant"},
    {"liam", "philosophy", "ethics in technology"},
    {"Amara", "international relations", "the foreign service"},
    {"Diego", "music", "orchestra management"},
    {"nora", "library science", "becoming a librarian"},
    {"Ravi", "data analytics", "I want to work in sports analytics"},
    {"Tess", "nutrition", "dietitian"},
    {"Malik", "criminal justice", "public defender work"},
    {"Ingrid", "geology", "hydrology"},
    {"Pablo", "hospitality", "hotel management"},
    {"June", "communications", "podcast production"},
    {"Ahmed", "mechanical engineering", "I'm curious about quality engineering"},
    {"kim", "design", "interior design"},
    {"Oscar", "agriculture", "sustainable farming"},
    {"Bea", "linguistics", "speech therapy"},
    {"Felix", "chemistry", "Lab manager"},
    {"Jo", "public policy", "how legislative aides spend their days"},
};

/* An article that does not fit the next word by its letters: "a" before
 * a vowel, "an" before a consonant, in a word that is no acronym and no
 * known exception (a one-, a university, a union; an hour, an honest). */
static bool article_wrong(const char *art, const char *word)
{
    char w = (char)(word[0] | 0x20);
    bool acronym = word[0] >= 'A' && word[0] <= 'Z' && word[1] >= 'A' && word[1] <= 'Z';
    if (acronym || !((w >= 'a' && w <= 'z')))
        return false;
    bool vowel = strchr("aeio", w) != NULL;
    if (strncasecmp(word, "one", 3) == 0 || strncasecmp(word, "eu", 2) == 0)
        vowel = false;
    if (strncasecmp(word, "hour", 4) == 0 || strncasecmp(word, "honest", 6) == 0 ||
        strncasecmp(word, "honor", 5) == 0)
        vowel = true;
    if (w == 'u') /* "a university", "an umbrella": both happen */
        return false;
    return strcmp(art, "a") == 0 ? vowel : !vowel;
}

/* The grammar a reader would trip on in text, or NULL. */
static const char *grammar_slip(const char *text, char *why, size_t cap)
{
    char prev[64] = "";
    const char *p = text;
    while (*p) {
        while (*p && !((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') && (unsigned char)*p < 0x80)
            p++;
        if (!*p)
            break;
        size_t n = 0;
        while (p[n] && (((p[n] | 0x20) >= 'a' && (p[n] | 0x20) <= 'z') || p[n] == '\'' ||
                        p[n] == '-' || (unsigned char)p[n] >= 0x80))
            n++;
        char word[64];
        snprintf(word, sizeof word, "%.*s", (int)(n < 63 ? n : 63), p);
        const char *after = p + n;
        if (*prev && strcasecmp(prev, word) == 0 && strcasecmp(word, "that") != 0) {
            snprintf(why, cap, "doubled word \"%s %s\"", prev, word);
            return why;
        }
        if ((strcmp(prev, "a") == 0 || strcmp(prev, "an") == 0 || strcmp(prev, "A") == 0 ||
             strcmp(prev, "An") == 0) &&
            article_wrong(prev[1] == 'n' ? "an" : "a", word)) {
            snprintf(why, cap, "\"%s %s\"", prev, word);
            return why;
        }
        /* a dangling "the": before a stop, a comma, a line end or another article */
        if (strcasecmp(word, "the") == 0 &&
            (*after == '.' || *after == ',' || *after == '\n' || *after == '\0' ||
             strncmp(after, " a ", 3) == 0 || strncmp(after, " an ", 4) == 0 ||
             strncasecmp(after, " the ", 5) == 0)) {
            snprintf(why, cap, "a dangling \"the\" before \"%.12s\"", after);
            return why;
        }
        snprintf(prev, sizeof prev, "%s", word);
        p = after;
    }
    static const char *const marks[] = {"  ",
                                        " ,",
                                        " .",
                                        "..",
                                        ",,",
                                        " ?",
                                        "exploring I ",
                                        "exploring to ",
                                        "exploring interested",
                                        "the The ",
                                        "'s's"};
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
        if (strstr(text, marks[i])) {
            snprintf(why, cap, "\"%s\"", marks[i]);
            return why;
        }
    return NULL;
}

/* What the message claims that the directory and the visitor do not
 * say: a shared major, a referrer, a meeting, a shared school for a
 * visitor who is not from it. */
static const char *false_claim(const Message *msg, const Visitor *v, const Mentor *m)
{
    static const char *const never[] = {
        "referred me", "recommended I",   "recommended that I", "suggested I contact",
        "we met",      "as we discussed", "told me about you",  "our mutual"};
    for (size_t i = 0; i < sizeof never / sizeof *never; i++)
        if (strstr(msg->body, never[i]))
            return never[i];
    if (strstr(msg->body, "background in") && !message_same_major(v, m))
        return "a shared background";
    if (msg->channel != CHANNEL_THANKS && strstr(msg->body, "talking with me"))
        return "a conversation that has not happened";
    return NULL;
}

static void test_corpus_reads_true(void **state)
{
    (void)state;
    static Mentor mentors[40];
    int nm = sample_mentors(mentors, 40);
    assert_int_equal(nm, 40);
    Office offices[2] = {
        office,
        {.name = "Career Services", .school = "The New School", .contact = "careers@example.edu"}};
    size_t ncorpus = sizeof corpus / sizeof *corpus;
    assert_int_equal(ncorpus, 60);
    Message msg;
    char why[200];
    int checked = 0, channels[CHANNEL_COUNT] = {0};
    /* the checks can fail */
    static const char *const slips[] = {
        "I am a engineer.",       "an nurse",    "the the work",        "work at the.",
        "exploring the a career", "two  spaces", "An Software Engineer"};
    for (size_t i = 0; i < sizeof slips / sizeof *slips; i++)
        if (!grammar_slip(slips[i], why, sizeof why))
            fail_msg("the grammar check missed \"%s\"", slips[i]);
    static const char *const fine[] = {"a university",     "an MBA",        "an hour",
                                       "a one-year post",  "an HR partner", "a UX designer",
                                       "at The New School"};
    for (size_t i = 0; i < sizeof fine / sizeof *fine; i++)
        if (grammar_slip(fine[i], why, sizeof why))
            fail_msg("the grammar check trips on \"%s\": %s", fine[i], why);
    for (size_t o = 0; o < 2; o++)
        for (size_t t = 0; t < ncorpus; t++)
            for (int k = 0; k < nm; k++) {
                const Mentor *m = &mentors[k];
                Visitor v;
                visitor_init(&v);
                strcpy(v.first_name, corpus[t][0]);
                strcpy(v.program, corpus[t][1]);
                strcpy(v.interest, corpus[t][2]);
                v.status = (VisitorStatus)((t + (size_t)k) % STATUS_COUNT);
                v.found_via = (FoundVia)((t / 2 + (size_t)k) % FOUND_COUNT);
                v.minutes = (int[]){15, 20, 30}[(t + (size_t)k) % 3];
                MessageChannel chs[2] = {message_channel_for(m), CHANNEL_THANKS};
                for (int c = 0; c < 2; c++) {
                    MessageChannel ch = chs[c];
                    v.format = message_format_for(ch, v.format);
                    size_t limit =
                        (t + (size_t)k) % 2 ? MESSAGE_LINKEDIN_SHORT : MESSAGE_LINKEDIN_CHARS;
                    if (!compose_read(ch, &v, m, &offices[o], limit, &msg))
                        fail_msg("no %s for %s from \"%s\"", message_channel_name(ch), m->id,
                                 corpus[t][2]);
                    const char *slip = grammar_slip(msg.body, why, sizeof why);
                    if (!slip)
                        slip = grammar_slip(msg.subject, why, sizeof why);
                    const char *claim = false_claim(&msg, &v, m);
                    unsigned warn = message_check(&msg, &v, m) & ~(unsigned)WARN_UNSIGNED;
                    if (slip || claim || warn)
                        fail_msg("the %s to %s (%s at %s) from %s/%s/%s: %s%s%s\n%s\n%s",
                                 message_channel_name(ch), m->id, m->title, m->organization,
                                 corpus[t][0], corpus[t][1], corpus[t][2], slip ? slip : "",
                                 claim ? claim : "",
                                 warn ? message_warning_name((MessageWarning)warn) : "",
                                 msg.subject, msg.body);
                    /* the channel the mentor chose, within its limits */
                    assert_int_equal(msg.channel, ch);
                    if (ch == CHANNEL_EMAIL || ch == CHANNEL_OFFICE || ch == CHANNEL_THANKS)
                        assert_true(*msg.subject && msg.words <= MESSAGE_EMAIL_WORDS);
                    if (ch == CHANNEL_LINKEDIN)
                        assert_true(text_chars(msg.body) <= limit);
                    if (ch == CHANNEL_OFFICE)
                        assert_non_null(strstr(msg.body, offices[o].name));
                    if (ch != CHANNEL_OFFICE && !strstr(msg.body, m->first_name))
                        fail_msg("the %s does not greet %s:\n%s", message_channel_name(ch),
                                 m->first_name, msg.body);
                    /* a bare job title reads as a career */
                    for (size_t b = 0; b < sizeof bare_titles / sizeof *bare_titles; b++)
                        if (strcmp(corpus[t][2], bare_titles[b]) == 0) {
                            char bad[96];
                            snprintf(bad, sizeof bad, "exploring %s", bare_titles[b]);
                            if (strstr(msg.body, bad) ||
                                (ch != CHANNEL_THANKS && ch != CHANNEL_PHONE &&
                                 !strstr(msg.body, "a career as")))
                                if (!(ch == CHANNEL_LINKEDIN && limit == MESSAGE_LINKEDIN_SHORT))
                                    fail_msg("\"%s\" reads bare:\n%s", bare_titles[b], msg.body);
                        }
                    /* an organization that wants "the" has it wherever it is named */
                    if (*english_org_article(m->organization)) {
                        char bare[200];
                        snprintf(bare, sizeof bare, " at %s", m->organization);
                        if (strstr(msg.body, bare))
                            fail_msg("\"at %s\" without \"the\":\n%s", m->organization, msg.body);
                    }
                    channels[ch]++;
                    checked++;
                }
            }
    assert_int_equal(checked, 2 * 60 * 40 * 2);
    for (int c = 0; c < CHANNEL_COUNT; c++) /* the sample reaches mentors on every channel */
        if (channels[c] == 0 && c != CHANNEL_VIDEO)
            fail_msg("no mentor in the corpus is reached by %s", message_channel_name(c));
}

/* Organizations read with "the" by what their names say, not a list. */
static void test_organization_articles(void **state)
{
    (void)state;
    static const char *const with_the[] = {"Red Cross",
                                           "University of Lakeport",
                                           "Department of Labor",
                                           "State Department of Transportation",
                                           "Open Hands Foundation",
                                           "Lakeport Symphony",
                                           "Northfield Research Institute",
                                           "Tidewater Conservancy",
                                           "Civic Tech Corps",
                                           "Federal Reserve Bank",
                                           "Cedar Valley School District",
                                           "Lakeport Daily Ledger",
                                           "City of Lakeport",
                                           "National Park Service"};
    static const char *const bare[] = {"Google",
                                       "City Hospital",
                                       "Granite Harbor Bank",
                                       "Pinecrest Hospital",
                                       "Kestrel Robotics",
                                       "The New School",
                                       "NASA",
                                       "Marsh & Okafor LLP",
                                       "Riverton Public Schools",
                                       "Saltmarsh Outdoor Co.",
                                       "Harbor Health Partners",
                                       "Lakeport Community Clinic"};
    for (size_t i = 0; i < sizeof with_the / sizeof *with_the; i++)
        if (strcmp(english_org_article(with_the[i]), "the ") != 0)
            fail_msg("\"%s\" wants \"the\"", with_the[i]);
    for (size_t i = 0; i < sizeof bare / sizeof *bare; i++)
        if (*english_org_article(bare[i]))
            fail_msg("\"%s\" takes no \"the\"", bare[i]);
    Mentor m = fixture_mentor();
    Visitor v = fixture_visitor();
    Message msg;
    strcpy(m.organization, "Red Cross");
    compose_read(CHANNEL_EMAIL, &v, &m, &office, 0, &msg);
    assert_non_null(strstr(msg.body, "at the Red Cross"));
    strcpy(m.organization, "City Hospital");
    compose_read(CHANNEL_EMAIL, &v, &m, &office, 0, &msg);
    assert_non_null(strstr(msg.body, "at City Hospital"));
    strcpy(v.interest, "lawyer");
    compose_read(CHANNEL_EMAIL, &v, &m, &office, 0, &msg);
    assert_non_null(strstr(msg.body, "I am exploring a career as a lawyer"));
}

/* A 200-character note uses its room: it leaves out the least needed
 * parts first and keeps the visitor's name and interest while they fit. */
static void test_short_note_uses_its_room(void **state)
{
    (void)state;
    Mentor m = fixture_mentor();
    Visitor v = fixture_visitor();
    Message msg;
    strcpy(v.first_name, "Nadia");
    strcpy(v.program, "music therapy");
    strcpy(v.interest, "how engineers work with musicians");
    for (int s = 0; s < STATUS_COUNT; s++) {
        v.status = (VisitorStatus)s;
        assert_true(compose_read(CHANNEL_LINKEDIN, &v, &m, &office, 200, &msg));
        assert_true(msg.chars <= 200);
        assert_non_null(strstr(msg.body, "Nadia"));
        assert_non_null(strstr(msg.body, "engineers work with musicians"));
        /* and what is left out would not have fitted */
        assert_true(msg.chars > 140);
    }
}

static void test_etiquette_warnings(void **state)
{
    (void)state;
    Mentor m = fixture_mentor();
    Visitor v = fixture_visitor();
    Message msg;
    strcpy(v.interest, "getting a job at your company");
    compose_read(CHANNEL_EMAIL, &v, &m, &office, 0, &msg);
    assert_true(message_check(&msg, &v, &m) & WARN_ASKS_JOB);
    strcpy(v.interest, "a summer internship");
    compose_read(CHANNEL_EMAIL, &v, &m, &office, 0, &msg);
    assert_int_equal(message_check(&msg, &v, &m), WARN_ASKS_INTERNSHIP);
    strcpy(v.interest, "software, and whether you could review my résumé");
    compose_read(CHANNEL_EMAIL, &v, &m, &office, 0, &msg);
    assert_int_equal(message_check(&msg, &v, &m), WARN_ASKS_RESUME);
    strcpy(v.interest, "software careers");
    v.minutes = 0;
    compose_read(CHANNEL_EMAIL, &v, &m, &office, 0, &msg);
    assert_int_equal(message_check(&msg, &v, &m), WARN_NO_TIME);
    assert_non_null(strstr(msg.body, "a little time"));
    for (unsigned w = 1; w <= WARN_TOO_LONG; w <<= 1)
        assert_true(strlen(message_warning_text((MessageWarning)w)) > 20);
}

static void test_mentor_words_are_not_held_against_the_visitor(void **state)
{
    (void)state;
    Mentor m = fixture_mentor();
    Visitor v = fixture_visitor();
    Message msg;
    strcpy(m.title, "Internship Coordinator");
    strcpy(m.organization, "Hiring Solutions Group");
    compose_read(CHANNEL_EMAIL, &v, &m, &office, 0, &msg);
    assert_non_null(strstr(msg.body, "Internship Coordinator"));
    assert_int_equal(message_check(&msg, &v, &m), 0);
}

static void test_over_length_is_reported(void **state)
{
    (void)state;
    Mentor m = fixture_mentor();
    Visitor v = fixture_visitor();
    Message msg;
    compose_read(CHANNEL_LINKEDIN, &v, &m, &office, 200, &msg);
    msg.limit = 20; /* as if the visitor had written more than a short note allows */
    assert_true(message_check(&msg, &v, &m) & WARN_TOO_LONG);
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden_messages),
        cmocka_unit_test(test_sign_off_is_a_name),
        cmocka_unit_test(test_a_cut_field_is_never_good_to_send),
        cmocka_unit_test(test_only_written_messages_are_sent),
        cmocka_unit_test(test_limits_hold_for_every_choice),
        cmocka_unit_test(test_says_who_why_and_not_a_job),
        cmocka_unit_test(test_typed_answers_read_right),
        cmocka_unit_test(test_corpus_reads_true),
        cmocka_unit_test(test_organization_articles),
        cmocka_unit_test(test_short_note_uses_its_room),
        cmocka_unit_test(test_etiquette_warnings),
        cmocka_unit_test(test_mentor_words_are_not_held_against_the_visitor),
        cmocka_unit_test(test_over_length_is_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
