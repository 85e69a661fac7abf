/* gen-mentors: writes a large fictional mentor export for benchmarks and
 * stress tests: gen-mentors N [SEED] > mentors.csv. Names, titles and
 * places are drawn from small lists; every address is example.org and
 * every phone number is in the fictional 555-01xx range. */
#include <stdio.h>
#include <stdlib.h>

static const char *const first[] = {
    "Ana", "José", "Zoë", "Mateo", "Priya", "Wei", "Olga", "Noa", "Kwame", "Ingrid", "Liam",
    "Fatima", "Hiroshi", "Grace", "Samuel", "Lucía", "Emma", "Arjun", "Mei", "Tariq", "Søren",
    "Chloé", "Björn", "Amara", "Diego", "Ayesha", "Jonas", "Elif", "Rafael", "Keiko"};
static const char *const last[] = {
    "García", "Müller", "Okafor", "Nguyen", "Smith", "Kowalski", "Haddad", "Cohen", "Tanaka",
    "Rossi", "Patel", "Dubois", "Mensah", "Lund", "Fernández", "Becker", "Rahman", "Silva",
    "Moretti", "Iyer", "Chen", "Walker", "Novák", "Castillo", "Abebe", "Khan", "Åkesson"};
static const char *const fields[] = {
    "Software Engineering", "Data Science", "Healthcare", "Nursing", "Education", "Finance",
    "Law", "Marketing", "Journalism & Media", "Environmental Science",
    "Public Policy & Government", "Nonprofit & Social Impact", "Architecture & Design",
    "Engineering", "Biotech & Research", "Arts & Culture", "Consulting", "Human Resources"};
static const char *const titles[] = {"Analyst", "Engineer", "Manager", "Director", "Specialist",
                                     "Coordinator", "Consultant", "Scientist", "Designer",
                                     "Teacher", "Nurse", "Attorney", "Editor", "Planner"};
static const char *const orgs[] = {"Brightwater", "Copperline", "Harbor", "Kestrel", "Lumen",
                                   "Meridian", "Northstar", "Orchard", "Pinecrest", "Ridgeway",
                                   "Tidewater", "Greenline", "Fieldstone", "Atelier"};
static const char *const kinds[] = {"Group", "Labs", "Partners", "Systems", "Foundation",
                                    "Health", "Media", "Works"};
static const char *const cities[] = {"Lakeport, MI", "Chicago, IL", "Toronto, ON", "Austin, TX",
                                     "Seattle, WA", "Berlin, Germany", "Remote", "Denver, CO"};
static const char *const topics[] = {"first jobs", "graduate school", "career changes",
                                     "remote work", "portfolios", "certifications",
                                     "leadership", "research", "fieldwork", "startups"};
static const char *const vias[] = {"email", "email", "phone", "video", "linkedin", "office"};

#define PICK(a) a[rand() % (int)(sizeof a / sizeof a[0])]

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 100000;
    srand(argc > 2 ? (unsigned)atoi(argv[2]) : 42u);
    puts("id,first_name,last_name,title,organization,field,grad_year,major,location,remote,"
         "email,phone,video,linkedin,contact_via,topics,bio,languages,accepting,monthly_cap,"
         "last_verified");
    for (long i = 0; i < n; i++) {
        const char *f = PICK(first), *l = PICK(last), *field = PICK(fields);
        printf("G%07ld,%s,%s,%s %s,%s %s,\"%s\",%d,%s,\"%s\",%s,"
               "person%ld@example.org,(312) 555-01%02ld,https://meet.example.org/p%ld,"
               "https://www.linkedin.com/in/example-ck-g%ld,%s,\"%s; %s\","
               "\"Works in %s and likes to talk about %s.\",English,%s,%d,2026-%02d-%02d\n",
               i, f, l, PICK(titles), field, PICK(orgs), PICK(kinds), field,
               1970 + rand() % 55, field, PICK(cities), rand() % 2 ? "yes" : "no", i, i % 100,
               i, i, PICK(vias), PICK(topics), PICK(topics), field, PICK(topics),
               rand() % 10 ? "yes" : "no", 2 + rand() % 12, 1 + rand() % 10, 1 + rand() % 28);
    }
    return 0;
}
