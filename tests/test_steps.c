/* Tests of a visitor's way through the kiosk, driven headless: a field
 * that stops at a word, the spelling offer, the progress steps that lead
 * back, and the ways to meet a mentor far away. */
#include "support.h"

#include "core/typed.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Runs script text at size with a fresh directory; returns the exit code
 * and the output in *out. Screenshots go to dir/shots. */
static int run(char **out, const char *size, const char *script)
{
    static int turn;
    char path[1100], db[1100], shots[1100];
    snprintf(path, sizeof path, "%s/script%d.txt", support_dir, ++turn);
    snprintf(db, sizeof db, "%s/run%d.db", support_dir, turn);
    snprintf(shots, sizeof shots, "%s/shots", support_dir);
    mkdir(shots, 0755);
    support_write(path, script, (size_t)-1);
    return support_kiosk(out,
                         "--headless --size %s --today 2026-11-22 --db %s --script %s "
                         "--screenshots %s",
                         size, db, path, shots);
}

/* From Welcome to the message for the mentor called name (found by
 * query), then the expectations, then on to Take away. */
static char *walk_to(const char *query, const char *name, const char *expect)
{
    char script[2000], *out, first[64];
    snprintf(first, sizeof first, "%s", name);
    first[strcspn(first, " ")] = '\0';
    snprintf(script, sizeof script,
             "tap \"Touch to start\"\ntap \"Skip this step\"\ntap Search\ntype %s\ntap Done\n"
             "tap \"%s\"\ntap \"Choose %s\"\n%s"
             "tap \"Next: pick questions\"\ntap \"Next: take it with you\"\n",
             query, name, first, expect);
    int rc = run(&out, "1920x1080", script);
    if (rc)
        fail_msg("%s: %s", name, out);
    return out;
}

/* A field stops at a word boundary at its limit and says so where the
 * visitor types, and the message with the cut field is never "good to
 * send"; a correction is offered for the misspelt words before the
 * message uses them. */
static void test_a_full_field_stops_at_a_word(void **state)
{
    (void)state;
    char *out;
    const char *script =
        "tap \"Touch to start\"\ntap \"What are you exploring?\"\n"
        "type i have ben an acountant for 12 yeers and want to move into somthing with more "
        "public\n"
        "expect text \"Full: the last word did not fit\"\n"
        "expect field \"What are you exploring?\" = \"i have ben an acountant for 12 yeers and "
        "want to move into somthing with more\"\n"
        "type s\n" /* full until something is deleted: nothing glued on */
        "expect field \"What are you exploring?\" = \"i have ben an acountant for 12 yeers and "
        "want to move into somthing with more\"\n"
        "tap Done\nexpect text \"Full: the last word did not fit\"\n"
        "tap \"Next: find someone\"\nexpect screen about\nexpect text \"Did you mean this?\"\n"
        "expect text \"I have been an accountant for 12 years and want to move into something "
        "with more\"\n"
        "tap \"Keep my words\"\nexpect screen search\n"
        "tap Search\ntype jose\ntap Done\ntap \"José García\"\ntap \"Choose José\"\n"
        "expect text cut\nexpect no-text \"Short, specific and polite. Good to send.\"\n"
        "tap \"Shorten it\"\nexpect screen about\n"
        "key backspace\nkey backspace\nkey backspace\nkey backspace\nkey backspace\n"
        "expect no-text \"Full: the last word did not fit\"\ntap Done\n"
        "tap Message\nexpect screen message\nexpect no-text cut\n"
        /* the same words are not offered twice; new ones are */
        "tap You\ntap Find\nexpect screen search\n"
        "tap You\ntap \"What are you exploring?\"\ntap Space\ntype teh\ntap Done\ntap Find\n"
        "expect text \"Did you mean this?\"\n"
        "expect text \"i have ben an acountant for 12 yeers and want to move into somthing with "
        "the\"\ntap \"Keep my words\"\nexpect screen search\n";
    int rc = run(&out, "1280x800", script);
    if (rc)
        fail_msg("%s", out);
    free(out);
    script = "tap \"Touch to start\"\ntap \"Your program or major\"\ntype biolgy\ntap Done\n"
             "tap \"Next: find someone\"\nexpect text \"Did you mean this?\"\n"
             "expect text biology\ntap \"Use the corrections\"\nexpect screen search\n"
             "tap You\nexpect field \"Your program or major\" = biology\n";
    rc = run(&out, "1920x1080", script);
    if (rc)
        fail_msg("%s", out);
    free(out);
}

/* The progress steps lead back (and forward again) to any step reached,
 * with what was chosen kept; a hint's fix opens the field it needs. */
static void test_progress_steps_lead_back(void **state)
{
    (void)state;
    char *out;
    const char *script =
        "tap \"Touch to start\"\nexpect no-text Find\ntap \"Skip this step\"\n"
        "tap Search\ntype jose\ntap Done\ntap \"José García\"\ntap \"Choose José\"\n"
        "expect text unsigned\ntap \"30 minutes\"\n"
        "tap \"Next: pick questions\"\ntap \"Next: take it with you\"\n"
        "expect screen takeaway\n"
        "tap Find\nexpect screen search\nexpect field Search = jose\n"
        "tap Message\nexpect screen message\n"
        "tap \"Add your name\"\nexpect screen about\nexpect text Done\n"
        "type Sam\nexpect field \"Your first name\" = Sam\ntap Done\n"
        "tap \"Take away\"\nexpect screen takeaway\n"
        "tap Message\nexpect no-text unsigned\ntap \"Take away\"\ndump takeaway\n";
    int rc = run(&out, "1920x1080", script);
    if (rc)
        fail_msg("%s", out);
    /* the minutes chosen before going back are kept; the name signs it */
    if (!strstr(out, "30 minutes to learn") || !strstr(out, "Best regards,\n  " TYPED_FSI "Sam"))
        fail_msg("the sheet lost a choice:\n%s", out);
    free(out);
}

/* A call script is not sent; a phone-only mentor in Berlin is called,
 * not met for coffee, and their time zone is noted. */
static void test_a_phone_mentor_abroad(void **state)
{
    (void)state;
    char *out = walk_to("mateo", "Mateo Fernández",
                        "expect text \"Phone call\"\nexpect no-text \"Video call\"\n"
                        "expect no-text \"In person\"\nexpect no-text \"Over coffee\"\n"
                        "expect text time-zone\n"
                        "expect text \"Mateo is in Berlin, Germany, 7 hours ahead of here. "
                        "Suggest times in their working day.\"\n"
                        "expect no-text \"Short, specific and polite. Good to send.\"\n"
                        "expect text \"Ready for your call. Read it aloud once, then keep it "
                        "beside you as you dial.\"\n");
    free(out);
    out = walk_to("hiroshi", "Hiroshi Tanaka", /* email, in another city: no coffee */
                  "expect text \"Video call\"\nexpect no-text \"In person\"\n"
                  "expect no-text \"Over coffee\"\nexpect text time-zone\n");
    free(out);
    out = walk_to("julia schn", "Julia Schneider", /* email, here: all four */
                  "expect text \"In person\"\nexpect text \"Over coffee\"\n"
                  "expect no-text time-zone\n");
    free(out);
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_full_field_stops_at_a_word, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_progress_steps_lead_back, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_a_phone_mentor_abroad, support_dir_setup,
                                        support_dir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
