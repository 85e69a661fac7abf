/* Tests for app/core/payload: mailto, vCard and iCalendar formats. */
#include "support.h"

#include "core/payload.h"
#include "fixture_visit.h"

/* True when no physical line is over 75 octets and every fold starts
 * with a space, and no fold splits a UTF-8 sequence. */
static void assert_folded(const char *s)
{
    const char *line = s;
    for (const char *p = s; *p; p++) {
        if (p[0] == '\r' && p[1] == '\n') {
            assert_true(p - line <= 75);
            if (p[2] == ' ')
                assert_false((p[3] & 0xC0) == 0x80);
            line = p + 2;
        }
        assert_false(*p == '\n' && (p == s || p[-1] != '\r')); /* CRLF only */
    }
}

static void test_mailto_encoding(void **state)
{
    (void)state;
    char out[512];
    assert_true(payload_mailto("ana@example.org", "Hi & hello", "Line one\nJosé, 100%", out,
                               sizeof out) > 0);
    assert_string_equal(out, "mailto:ana@example.org?subject=Hi%20%26%20hello&body=Line%20one"
                             "%0D%0AJos%C3%A9,%20100%25");
    assert_true(payload_mailto("", "s", "b", out, sizeof out) > 0);
    assert_string_equal(out, "mailto:?subject=s&body=b");
    /* RFC 6068: '?', '/', '#' and '&' inside a value are encoded; its
     * some-delims may stand */
    assert_true(payload_mailto("a+b@example.org", "20 minutes?", "A/B? #1 & 2+2 (ok): yes!", out,
                               sizeof out) > 0);
    assert_string_equal(out, "mailto:a%2Bb@example.org?subject=20%20minutes%3F&body=A%2FB%3F%20"
                             "%231%20%26%202%2B2%20(ok):%20yes!");
    char *parsed;
    assert_int_equal(
        support_sh(&parsed,
                   "python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); "
                   "q = u.parse_qs(p.query); print(u.unquote(p.path)); "
                   "print(q[\"subject\"][0]); print(q[\"body\"][0])' '%s'",
                   out),
        0);
    assert_string_equal(parsed, "a+b@example.org\n20 minutes?\nA/B? #1 & 2+2 (ok): yes!\n");
    free(parsed);
    assert_int_equal(payload_mailto("a@b.org", "s", "a long body", out, 20), 0);
}

static void test_vcard_escaping_and_channel(void **state)
{
    (void)state;
    Mentor m = fixture_mentor();
    char out[2048];
    strcpy(m.organization, "Marsh, Okafor; Partners");
    assert_true(
        payload_vcard(&m, "Met through the Career Center.\nPrefers email.", out, sizeof out) > 0);
    assert_non_null(strstr(out, "BEGIN:VCARD\r\nVERSION:3.0\r\n"));
    assert_non_null(strstr(out, "N:García;José;;;\r\n"));
    assert_non_null(strstr(out, "ORG:Marsh\\, Okafor\\; Partners\r\n"));
    assert_non_null(strstr(out, "EMAIL;TYPE=INTERNET:jose.garcia@example.org\r\n"));
    assert_non_null(strstr(out, "Center.\\nPrefers"));
    assert_null(strstr(out, "TEL"));
    assert_folded(out);
    /* read back by an independent parser, Debian's python3-vobject */
    char *dir = support_tmpdir(), *read;
    support_write(support_path(dir, "c.vcf"), out, (size_t)-1);
    assert_int_equal(support_sh(&read,
                                "/usr/bin/python3 -c 'import sys, vobject; "
                                "v = vobject.readOne(open(sys.argv[1]).read()); "
                                "print(v.fn.value); print(v.org.value); print(v.email.value)' %s",
                                support_path(dir, "c.vcf")),
                     0);
    assert_string_equal(read,
                        "José García\n['Marsh, Okafor; Partners']\njose.garcia@example.org\n");
    free(read);
    support_rmtree(dir);
    free(dir);
    m.via = VIA_OFFICE;
    m.contact[0] = '\0';
    payload_vcard(&m, "", out, sizeof out);
    assert_null(strstr(out, "EMAIL"));
    assert_null(strstr(out, "URL"));
}

static void test_long_values_fold(void **state)
{
    (void)state;
    Mentor m = fixture_mentor();
    char out[4096];
    strcpy(m.title, "Directrice générale adjointe des programmes communautaires et éducatifs "
                    "régionaux");
    payload_vcard(&m, "", out, sizeof out);
    assert_non_null(strstr(out, "\r\n "));
    assert_folded(out);
}

static void test_ical_events(void **state)
{
    (void)state;
    char out[4096];
    PayloadEvent ev[2] = {
        {{2026, 11, 22}, "Send your request to José García", "Email: jose@example.org", 15 * 60},
        {{2026, 12, 1}, "Follow up, once", "One short, friendly nudge; then let it go.",
         9 * 60 + 30},
    };
    assert_true(payload_ical(ev, 2, "ck-2026-11-22-M1001", "20261122T101500Z", out, sizeof out) >
                0);
    /* each alarm at its event's time, not one fixed morning hour */
    assert_non_null(strstr(out, "TRIGGER;RELATED=START:PT15H\r\n"));
    assert_non_null(strstr(out, "TRIGGER;RELATED=START:PT9H30M\r\n"));
    assert_non_null(strstr(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert_non_null(strstr(out, "DTSTART;VALUE=DATE:20261122\r\n"));
    assert_null(strstr(out, "DTEND")); /* an all-day event lasts its day */
    assert_non_null(strstr(out, "DTSTART;VALUE=DATE:20261201\r\n"));
    assert_non_null(strstr(out, "SUMMARY:Follow up\\, once\r\n"));
    assert_non_null(strstr(out, "nudge\\; then"));
    assert_non_null(strstr(out, "UID:ck-2026-11-22-M1001-2@career-kiosk\r\n"));
    assert_non_null(strstr(out, "END:VCALENDAR\r\n"));
    assert_folded(out);
    /* read back by an independent parser, Debian's python3-icalendar */
    char *dir = support_tmpdir(), *read;
    support_write(support_path(dir, "r.ics"), out, (size_t)-1);
    assert_int_equal(
        support_sh(&read,
                   "/usr/bin/python3 -c 'import sys, icalendar; "
                   "c = icalendar.Calendar.from_ical(open(sys.argv[1], \"rb\").read()); "
                   "e = list(c.walk(\"VEVENT\")); print(len(e)); "
                   "[print(x.decoded(\"DTSTART\"), x[\"SUMMARY\"], len(list(x.walk(\"VALARM\")))) "
                   "for x in e]' %s",
                   support_path(dir, "r.ics")),
        0);
    assert_string_equal(read, "2\n2026-11-22 Send your request to José García 1\n"
                              "2026-12-01 Follow up, once 1\n");
    free(read);
    support_rmtree(dir);
    free(dir);
}

/* A leaner calendar for a small screen: no alarms, or one event, with
 * the UIDs the whole set gives them (a phone that saw both keeps one). */
static void test_ical_parts(void **state)
{
    (void)state;
    char whole[4096], lean[4096], second[4096];
    PayloadEvent ev[2] = {
        {{2026, 11, 22}, "Send your request to José García", "Email: jose@example.org", 9 * 60},
        {{2026, 12, 1}, "Follow up, once", "One short, friendly nudge; then let it go.", 9 * 60},
    };
    assert_true(payload_ical(ev, 2, "ck-s", "20261122T101500Z", whole, sizeof whole) > 0);
    assert_true(payload_ical_part(ev, 0, 2, false, "ck-s", "20261122T101500Z", lean, sizeof lean) >
                0);
    assert_true(
        payload_ical_part(ev, 1, 1, false, "ck-s", "20261122T101500Z", second, sizeof second) > 0);
    assert_non_null(strstr(whole, "BEGIN:VALARM"));
    assert_null(strstr(lean, "VALARM"));
    assert_true(strlen(lean) < strlen(whole));
    assert_null(strstr(second, "UID:ck-s-1@"));
    assert_non_null(strstr(second, "UID:ck-s-2@career-kiosk\r\n"));
    assert_non_null(strstr(second, "DTSTART;VALUE=DATE:20261201\r\n"));
    assert_folded(second);
    char *dir = support_tmpdir(), *read;
    support_write(support_path(dir, "p.ics"), second, (size_t)-1);
    assert_int_equal(
        support_sh(&read,
                   "/usr/bin/python3 -c 'import sys, icalendar; "
                   "c = icalendar.Calendar.from_ical(open(sys.argv[1], \"rb\").read()); "
                   "e = list(c.walk(\"VEVENT\")); print(len(e), e[0][\"UID\"])' %s",
                   support_path(dir, "p.ics")),
        0);
    assert_string_equal(read, "1 ck-s-2@career-kiosk\n");
    free(read);
    support_rmtree(dir);
    free(dir);
}

/* Numbers and links as a phone acts on them: tel: dials, a web address
 * opens; a draft with no body leaves it out. */
static void test_tel_url_and_a_draft_without_body(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } tel[] = {
        {"(617) 555-0106", "tel:6175550106"},
        {"+44 20 7946 0958", "tel:+442079460958"},
        {"555-0100 x12", "tel:5550100;ext=12"},
        {"617.555.0106 ext. 7", "tel:6175550106;ext=7"},
        {"555-0100 x", "tel:5550100"},
        {"call me", ""},
        {"12", ""},
    };
    char out[128];
    for (size_t i = 0; i < sizeof tel / sizeof *tel; i++) {
        size_t n = payload_tel(tel[i].in, out, sizeof out);
        if (strcmp(n ? out : "", tel[i].want) != 0)
            fail_msg("\"%s\": \"%s\", not \"%s\"", tel[i].in, n ? out : "", tel[i].want);
    }
    assert_int_equal(payload_tel("(617) 555-0106", out, 8), 0); /* too small: nothing */
    assert_true(payload_url("https://www.linkedin.com/in/x", out, sizeof out) > 0);
    assert_string_equal(out, "https://www.linkedin.com/in/x");
    assert_true(payload_url("linkedin.com/in/x", out, sizeof out) > 0);
    assert_string_equal(out, "https://linkedin.com/in/x");
    assert_int_equal(payload_url("", out, sizeof out), 0);
    assert_int_equal(payload_url("not a link", out, sizeof out), 0);
    assert_true(payload_mailto("a@example.org", "Hi there", "", out, sizeof out) > 0);
    assert_string_equal(out, "mailto:a@example.org?subject=Hi%20there");
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tel_url_and_a_draft_without_body),
        cmocka_unit_test(test_mailto_encoding),  cmocka_unit_test(test_vcard_escaping_and_channel),
        cmocka_unit_test(test_long_values_fold), cmocka_unit_test(test_ical_events),
        cmocka_unit_test(test_ical_parts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
