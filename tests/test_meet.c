/* Tests for core/meet: where a mentor is from the office, the ways of
 * meeting offered for them, and the hours between their clocks. */
#include "support.h"

#include "core/meet.h"
#include "fixture_visit.h"

static const unsigned PHONE = 1u << FORMAT_PHONE, VIDEO = 1u << FORMAT_VIDEO,
                      ALL = (1u << FORMAT_COUNT) - 1;

static Mentor at(const char *location, ContactVia via)
{
    Mentor m = fixture_mentor();
    snprintf(m.location, sizeof m.location, "%s", location);
    m.via = via;
    return m;
}

static void test_places(void **state)
{
    (void)state;
    Place p;
    meet_place("Berlin, Germany", &p);
    assert_string_equal(p.city, "berlin");
    assert_int_equal(p.zone, ZONE_CENTRAL_EUROPE);
    assert_false(p.remote);
    meet_place(" Austin ,  TX ", &p);
    assert_string_equal(p.city, "austin");
    assert_int_equal(p.zone, ZONE_CENTRAL);
    meet_place("Remote", &p);
    assert_true(p.remote);
    assert_int_equal(p.zone, ZONE_UNKNOWN);
    meet_place("Springfield, USA", &p); /* a country of many zones */
    assert_int_equal(p.zone, ZONE_UNKNOWN);
    meet_place("", &p);
    assert_string_equal(p.city, "");
}

/* The Berlin mentor who takes calls: a call, nothing else. */
static void test_ways_to_meet(void **state)
{
    (void)state;
    const char *here = "Northfield, MN";
    Mentor m = at("Berlin, Germany", VIA_PHONE);
    assert_int_equal(meet_formats(&m, here), PHONE);
    m = at("Northfield, MN", VIA_PHONE);
    assert_int_equal(meet_formats(&m, here), PHONE);
    m = at("Berlin, Germany", VIA_EMAIL);
    assert_int_equal(meet_formats(&m, here), PHONE | VIDEO);
    m = at("Remote", VIA_LINKEDIN);
    assert_int_equal(meet_formats(&m, here), PHONE | VIDEO);
    m = at("northfield, mn", VIA_EMAIL); /* the same city, however it is typed */
    assert_int_equal(meet_formats(&m, here), ALL);
    m = at("Northfield, IL", VIA_EMAIL); /* the same name in another state */
    assert_int_equal(meet_formats(&m, here), PHONE | VIDEO);
    m = at("Seattle, WA", VIA_VIDEO);
    assert_int_equal(meet_formats(&m, here), VIDEO);
    m = at("Seattle, WA", VIA_EMAIL); /* no office location: nothing to rule out */
    assert_int_equal(meet_formats(&m, ""), ALL);
    assert_int_equal(meet_format_in(PHONE | VIDEO, FORMAT_COFFEE), FORMAT_PHONE);
    assert_int_equal(meet_format_in(VIDEO, FORMAT_PHONE), FORMAT_VIDEO);
    assert_int_equal(meet_format_in(ALL, FORMAT_COFFEE), FORMAT_COFFEE);
}

static void test_hours_apart(void **state)
{
    (void)state;
    int ahead = 0;
    Mentor m = at("Berlin, Germany", VIA_PHONE);
    assert_true(meet_minutes_ahead(&m, "Northfield, MN", &ahead));
    assert_int_equal(ahead, 7 * 60);
    m = at("Riverton, WY", VIA_EMAIL);
    assert_true(meet_minutes_ahead(&m, "Northfield, MN", &ahead));
    assert_int_equal(ahead, -60);
    m = at("Mumbai, India", VIA_EMAIL);
    assert_true(meet_minutes_ahead(&m, "Boston, MA", &ahead));
    assert_int_equal(ahead, 10 * 60 + 30);
    m = at("Austin, TX", VIA_EMAIL); /* the same zone */
    assert_false(meet_minutes_ahead(&m, "Northfield, MN", &ahead));
    m = at("Remote", VIA_EMAIL);
    assert_false(meet_minutes_ahead(&m, "Northfield, MN", &ahead));
    m = at("Berlin, Germany", VIA_EMAIL);
    assert_false(meet_minutes_ahead(&m, "", &ahead));
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_places),
        cmocka_unit_test(test_ways_to_meet),
        cmocka_unit_test(test_hours_apart),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
