/* Tests for app/core/rank: relevance tiers, fairness, rotation. */
#include "support.h"

#include "core/rank.h"

static void test_tiers(void **state)
{
    (void)state;
    assert_int_equal(rank_tier("okafor", "Chiamaka Okafor", "Editor", "Quill Press", "Media"),
                     RANK_TIER_NAME);
    assert_int_equal(rank_tier("okafor", "Ben Hoffmann", "Paralegal", "Marsh & Okafor LLP", "Law"),
                     RANK_TIER_ROLE);
    assert_int_equal(rank_tier("jose gar", "José García", "", "", ""), RANK_TIER_NAME);
    assert_int_equal(rank_tier("ana law", "Ana Lee", "Attorney", "X", "Law"), RANK_TIER_ROLE);
    assert_int_equal(rank_tier("audits", "Ana Lee", "Attorney", "X", "Law"), RANK_TIER_OTHER);
    assert_int_equal(rank_tier("kaf", "Chiamaka Okafor", "", "", ""), RANK_TIER_OTHER);
    assert_int_equal(rank_tier("  ", "Ana Lee", "", "", ""), RANK_TIER_NAME);
}

static void test_order(void **state)
{
    (void)state;
    RankItem it[4] = {
        {0, RANK_TIER_ROLE, 0, 5, false, false},
        {1, RANK_TIER_NAME, 3, 9, false, false},
        {2, RANK_TIER_NAME, 0, 7, false, false},
        {3, RANK_TIER_NAME, 0, 2, false, false},
    };
    rank_order(it, 4);
    assert_int_equal(it[0].index, 3); /* same tier, no referrals, earlier turn */
    assert_int_equal(it[1].index, 2);
    assert_int_equal(it[2].index, 1); /* more referrals: behind its equals */
    assert_int_equal(it[3].index, 0); /* a weaker tier stays behind */
    /* stale details: behind fresher equals, even with fewer referrals,
     * but never ahead of a stronger tier's */
    RankItem st[3] = {
        {0, RANK_TIER_NAME, 0, 1, true, false},
        {1, RANK_TIER_NAME, 4, 9, false, false},
        {2, RANK_TIER_ROLE, 0, 0, false, false},
    };
    rank_order(st, 3);
    assert_int_equal(st[0].index, 1);
    assert_int_equal(st[1].index, 0);
    assert_int_equal(st[2].index, 2);
    /* not taking requests: behind every equal who is, stale or not, but
     * ahead of a weaker tier */
    RankItem cl[3] = {
        {0, RANK_TIER_NAME, 0, 1, false, true},
        {1, RANK_TIER_NAME, 5, 9, true, false},
        {2, RANK_TIER_ROLE, 0, 0, false, false},
    };
    rank_order(cl, 3);
    assert_int_equal(cl[0].index, 1);
    assert_int_equal(cl[1].index, 0);
    assert_int_equal(cl[2].index, 2);
}

static void test_turn_is_stable_and_rotates(void **state)
{
    (void)state;
    assert_int_equal(rank_turn("M1001", 20000), rank_turn("M1001", 20000));
    int changed = 0;
    for (long d = 0; d < 10; d++)
        changed += (rank_turn("M1001", d) < rank_turn("M1002", d)) !=
                   (rank_turn("M1001", d + 1) < rank_turn("M1002", d + 1));
    assert_true(changed > 0);
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tiers),
        cmocka_unit_test(test_order),
        cmocka_unit_test(test_turn_is_stable_and_rotates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
