/* Tests for app/visit: the one builder of a visitor's take-away, and the
 * promise that the admin CLI shows byte for byte what the kiosk puts on
 * its sheet and in its codes (both run for real, then compared). */
#include "support.h"

#include "core/typed.h"
#include "directory/import.h"
#include "directory/store.h"
#include "fixture_visit.h"
#include "visit/visit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const Office office = {.name = "Career Center",
                              .school = "Northfield University",
                              .contact = "the front desk",
                              .logo = ""};

typedef struct {
    Question bank[QUESTION_MAX];
    int nbank;
    Mentor mentor;
    Visitor visitor;
    Visit visit;
} Fx;

static Fx *fx_new(void)
{
    Fx *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->nbank = fixture_bank(f->bank, QUESTION_MAX);
    assert_true(f->nbank > 10);
    f->mentor = fixture_mentor();
    f->visitor = fixture_visitor();
    return f;
}

static VisitInput input(Fx *f, VisitChoices c)
{
    return (VisitInput){&f->visitor,
                        &f->mentor,
                        c,
                        f->bank,
                        f->nbank,
                        &office,
                        {2026, 11, 22},
                        1795342500 /* 10:15Z */,
                        {0},
                        0,
                        10 * 60 + 15};
}

static void test_builds_the_whole_takeaway(void **state)
{
    (void)state;
    Fx *f = fx_new();
    f->mentor.via = VIA_LINKEDIN;
    strcpy(f->mentor.contact, "https://www.linkedin.com/in/jose-garcia-example");
    VisitInput in = input(f, (VisitChoices){CHANNEL_LINKEDIN, MESSAGE_LINKEDIN_SHORT, NULL, 0});
    visit_build(&f->visit, &in);
    /* the request on the mentor's channel, within its limit; its code
     * opens their profile (the note is on the sheet) */
    assert_int_equal(f->visit.request.channel, CHANNEL_LINKEDIN);
    assert_true(f->visit.request.limit_in_chars);
    assert_int_equal(f->visit.request.limit, MESSAGE_LINKEDIN_SHORT);
    assert_true(f->visit.request.chars <= MESSAGE_LINKEDIN_SHORT);
    assert_non_null(strstr(f->visit.request.body, "Sam"));
    const char *code = f->visit.takeaway.payload[TAKE_MESSAGE];
    assert_true(f->visit.takeaway.ok[TAKE_MESSAGE]);
    assert_string_equal(code, "https://www.linkedin.com/in/jose-garcia-example");
    /* no questions chosen: the suggested set */
    size_t want[QUESTION_MAX];
    size_t n = visit_suggest(&in, want, QUESTION_MAX);
    assert_true(n > 0);
    assert_int_equal(f->visit.nchosen, n);
    assert_memory_equal(f->visit.chosen, want, n * sizeof *want);
    /* the sheet names the mentor and the office; every code is made */
    assert_non_null(strstr(f->visit.sheet.title, "José García"));
    assert_string_equal(f->visit.sheet.subtitle, "Career Center, Northfield University");
    for (int k = 0; k < TAKE_COUNT; k++)
        if (!f->visit.takeaway.ok[k])
            fail_msg("no %s code: %s", takeaway_name((TakeKind)k), f->visit.takeaway.error[k]);
    /* the reminders are stamped with the clock it was given */
    assert_non_null(strstr(f->visit.takeaway.payload[TAKE_REMINDERS], "DTSTAMP:20261122T101500Z"));
    assert_true(f->visit.office == &office);
    visit_wipe(&f->visit);
    free(f);
}

static void test_chosen_questions_are_kept_in_order(void **state)
{
    (void)state;
    Fx *f = fx_new();
    size_t chosen[] = {7, 2, 9, 999 /* not in the bank: dropped */};
    VisitInput in = input(f, (VisitChoices){CHANNEL_EMAIL, MESSAGE_LINKEDIN_CHARS, chosen, 4});
    visit_build(&f->visit, &in);
    assert_int_equal(f->visit.nchosen, 3);
    assert_int_equal(f->visit.chosen[0], 7);
    assert_int_equal(f->visit.chosen[1], 2);
    assert_int_equal(f->visit.chosen[2], 9);
    char text[32768];
    sheet_render_text(&f->visit.sheet, 78, text, sizeof text);
    for (int i = 0; i < 3; i++) {
        /* each chosen question is on the sheet (its first words, before wrapping) */
        char start[24];
        snprintf(start, sizeof start, "%.20s", f->bank[f->visit.chosen[i]].text);
        if (!strstr(text, start))
            fail_msg("question %zu is not on the sheet", f->visit.chosen[i]);
    }
    visit_wipe(&f->visit);
    free(f);
}

/* The thank-you note is on the sheet and in its own code; with the
 * meeting's day known it is dated the open day after, past a holiday the
 * calendar names, and the reminders carry that day too. */
static void test_thank_you_note_is_dated_after_the_meeting(void **state)
{
    (void)state;
    Fx *f = fx_new();
    Office closed = office;
    closed.closed[0] = (Date){2026, 12, 7}; /* the Monday after a Friday meeting */
    closed.nclosed = 1;
    VisitInput in = input(f, (VisitChoices){CHANNEL_EMAIL, MESSAGE_LINKEDIN_CHARS, NULL, 0});
    in.office = &closed;
    in.met = (Date){2026, 12, 4};
    visit_build(&f->visit, &in);
    const SheetSection *sec = sheet_find(&f->visit.sheet, SEC_THANKS);
    assert_non_null(sec);
    assert_string_equal(sec->title, "Your thank-you note (send it on Tue 8 Dec 2026)");
    char text[32768];
    sheet_render_text(&f->visit.sheet, 78, text, sizeof text);
    assert_non_null(strstr(text, "Tue 8 Dec 2026: Send the thank-you note below"));
    assert_non_null(strstr(text, "Thank you for taking the time to talk with me"));
    const Takeaway *t = &f->visit.takeaway;
    assert_true(t->ok[TAKE_THANKS]);
    assert_non_null(
        strstr(t->payload[TAKE_THANKS], "mailto:jose.garcia@example.org?subject=Thank"));
    assert_non_null(strstr(t->payload[TAKE_REMINDERS], "DTSTART;VALUE=DATE:20261208"));
    assert_non_null(strstr(t->payload[TAKE_REMINDERS], "SUMMARY:Send your thank-you note to José"));
    /* not known yet (the kiosk): the day after you meet, and no dated reminder */
    in.met = (Date){0};
    visit_build(&f->visit, &in);
    sec = sheet_find(&f->visit.sheet, SEC_THANKS);
    assert_non_null(sec);
    assert_string_equal(sec->title, "Your thank-you note (send it the day after you meet)");
    assert_null(strstr(f->visit.takeaway.payload[TAKE_REMINDERS], "thank-you"));
    /* a mentor reached on LinkedIn gets the note and where to send it */
    f->mentor.via = VIA_LINKEDIN;
    strcpy(f->mentor.contact, "https://www.linkedin.com/in/jose-garcia-example");
    in.choices.channel = CHANNEL_LINKEDIN;
    visit_build(&f->visit, &in);
    assert_null(strstr(f->visit.takeaway.payload[TAKE_THANKS], "mailto:"));
    assert_non_null(strstr(f->visit.takeaway.payload[TAKE_THANKS], "linkedin.com/in/jose-garcia"));
    visit_wipe(&f->visit);
    free(f);
}

static void test_wipe_zeroes_every_byte(void **state)
{
    (void)state;
    Fx *f = fx_new();
    VisitInput in = input(f, (VisitChoices){CHANNEL_PHONE, MESSAGE_LINKEDIN_CHARS, NULL, 0});
    visit_build(&f->visit, &in);
    assert_true(f->visit.takeaway.code[TAKE_SHEET].module != NULL);
    visit_wipe(&f->visit);
    const unsigned char *p = (const unsigned char *)&f->visit;
    for (size_t i = 0; i < sizeof f->visit; i++)
        if (p[i])
            fail_msg("byte %zu of the visit is not zero after the wipe", i);
    free(f);
}

/* ---- the kiosk and the admin CLI build the same take-away ---- */

/* A visit as a visitor taps it, ending with the take-away dumped. */
static const char *const walk_plain = "tap \"Touch to start\"\n"
                                      "tap \"Skip this step\"\n"
                                      "tap Search\n"
                                      "type jose\n"
                                      "tap Done\n"
                                      "tap \"José García\"\n"
                                      "tap \"Choose José\"\n"
                                      "tap \"Next: pick questions\"\n"
                                      "tap \"Next: take it with you\"\n"
                                      "expect screen takeaway\n"
                                      "dump takeaway\n";

static const char *const walk_typed = "tap \"Touch to start\"\n"
                                      "tap \"Your first name\"\n"
                                      "type Nadia\n"
                                      "tap Done\n"
                                      "tap \"Your program or major\"\n"
                                      "type music therapy\n"
                                      "tap Done\n"
                                      "tap \"What are you exploring?\"\n"
                                      "type how engineers work with musicians\n"
                                      "tap Done\n"
                                      "tap \"Career changer\"\n"
                                      "tap \"Next: find someone\"\n"
                                      "tap Search\n"
                                      "type kwame\n"
                                      "tap Done\n"
                                      "tap \"Kwame Mensah\"\n"
                                      "tap \"Choose Kwame\"\n"
                                      "tap \"LinkedIn note\"\n"
                                      "tap \"Free (200 characters)\"\n"
                                      "tap \"30 minutes\"\n"
                                      "tap \"Phone call\"\n"
                                      "tap \"Same school\"\n"
                                      "tap \"Next: pick questions\"\n"
                                      "tap \"Next: take it with you\"\n"
                                      "expect screen takeaway\n"
                                      "dump takeaway\n";

/* The kiosk's sheet text and payloads, from its dump. */
static char *kiosk_takeaway(const char *script)
{
    char path[1100], db[1100], *out = NULL;
    snprintf(path, sizeof path, "%s/walk.txt", support_dir);
    snprintf(db, sizeof db, "%s/kiosk.db", support_dir);
    support_write(path, script, (size_t)-1);
    int rc = support_kiosk(
        &out, "--headless --size 1920x1080 --today 2026-11-22 --db %s --script %s", db, path);
    if (rc != 0)
        fail_msg("the kiosk walk failed (%d):\n%s", rc, out);
    /* from the sheet's title on: anything before it is start-up chatter */
    char *start = strstr(out, "Prep sheet: ");
    assert_non_null(start);
    char *copy = strdup(start);
    free(out);
    return copy;
}

/* The same from the admin CLI: `sheet`, then `qr KIND --payload`. */
static char *admin_takeaway(const char *id, const char *opts)
{
    char db[1100], *out = NULL;
    size_t cap = 1 << 17, len = 0;
    char *all = calloc(cap, 1);
    snprintf(db, sizeof db, "%s/admin.db", support_dir);
    assert_int_equal(support_admin(&out, "--db %s --today 2026-11-22 sheet %s %s", db, id, opts),
                     0);
    len += (size_t)snprintf(all + len, cap - len, "%s", out);
    free(out);
    for (int k = 0; k < TAKE_COUNT; k++) {
        const char *kind = takeaway_name((TakeKind)k);
        assert_int_equal(support_admin(&out, "--db %s --today 2026-11-22 qr %s %s --payload %s", db,
                                       kind, id, opts),
                         0);
        /* qr --payload ends the payload with a newline, as the dump does */
        len += (size_t)snprintf(all + len, cap - len, "\n== payload %s ==\n%s", kind, out);
        free(out);
    }
    return all;
}

static void same(const char *script, const char *id, const char *opts)
{
    char *kiosk = kiosk_takeaway(script), *admin = admin_takeaway(id, opts);
    if (strcmp(kiosk, admin) != 0) {
        size_t i = 0;
        while (kiosk[i] && kiosk[i] == admin[i])
            i++;
        fail_msg("the kiosk and `career-kiosk-admin` differ at byte %zu:\nkiosk: %.120s\nadmin: "
                 "%.120s",
                 i, kiosk + i, admin + i);
    }
    free(kiosk);
    free(admin);
}

/* Every sample mentor gets every code, on their own channel, with the
 * visitor's every answer typed. */
static void test_every_sample_mentor_gets_every_code(void **state)
{
    (void)state;
    char err[256], *ids;
    const char *db = support_path(support_dir, "all.db");
    ImportSeed seed = {"assets/mentors.sample.csv", NULL, "assets/questions.csv",
                       "assets/synonyms.csv"};
    assert_true(import_seed(db, &seed, (Date){2026, 11, 22}, err, sizeof err));
    Store *s = store_open(db, err, sizeof err);
    assert_non_null(s);
    assert_int_equal(support_sh(&ids, "cut -d, -f1 assets/mentors.sample.csv | tail -n +2"), 0);
    Fx *f = fx_new();
    strcpy(f->visitor.first_name, "Anneliese-Marguerite");
    strcpy(f->visitor.program, "Environmental Engineering and Public Policy");
    strcpy(f->visitor.interest, "whether a research career in climate adaptation suits me");
    f->visitor.minutes = 30;
    int n = 0;
    for (char *id = strtok(ids, "\n"); id; id = strtok(NULL, "\n"), n++) {
        assert_true(store_mentor_get(s, id, &f->mentor));
        VisitInput in = input(
            f, (VisitChoices){message_channel_for(&f->mentor), MESSAGE_LINKEDIN_CHARS, NULL, 0});
        visit_build(&f->visit, &in);
        for (int k = 0; k < TAKE_COUNT; k++)
            if (!f->visit.takeaway.ok[k])
                fail_msg("%s has no %s code: %s", id, takeaway_name((TakeKind)k),
                         f->visit.takeaway.error[k]);
    }
    assert_true(n >= 150);
    visit_wipe(&f->visit);
    free(f);
    free(ids);
    store_close(s);
}

static void test_admin_sheet_is_the_kiosks_with_nothing_typed(void **state)
{
    (void)state;
    same(walk_plain, "M1001", "");
}

static void test_admin_sheet_is_the_kiosks_with_every_choice(void **state)
{
    (void)state;
    same(walk_typed, "M1024",
         "--name Nadia --program 'music therapy' --interest 'how engineers work with "
         "musicians' --status career-changer --channel linkedin --short --minutes 30 "
         "--format phone --found-via school");
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builds_the_whole_takeaway),
        cmocka_unit_test(test_chosen_questions_are_kept_in_order),
        cmocka_unit_test(test_thank_you_note_is_dated_after_the_meeting),
        cmocka_unit_test(test_wipe_zeroes_every_byte),
        cmocka_unit_test_setup_teardown(test_every_sample_mentor_gets_every_code, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_admin_sheet_is_the_kiosks_with_nothing_typed,
                                        support_dir_setup, support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_admin_sheet_is_the_kiosks_with_every_choice,
                                        support_dir_setup, support_dir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
