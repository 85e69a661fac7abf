/* Tests for printing, with real parts: the sheet rendered on pages and
 * receipts, read back by zbarimg; the PDF read by pdftotext and
 * pdftoppm; ESC/POS bytes decoded back into a picture; a real cupsd with
 * a cups-pdf queue driven by the admin tool and by the kiosk's Print
 * button; a receipt "printer" that stops taking data. */
#define _XOPEN_SOURCE 700 /* posix_openpt and friends */
#include "support.h"

#include "core/escpos.h"
#include "core/sheet.h"
#include "draw.h"
#include "fixture_visit.h"
#include "page.h"
#include "print/paper.h"
#include "print/print.h"
#include "ui/strings.h"
#include "ui/ui.h"
#include "visit/visit.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- a visit to print ---- */

typedef struct {
    Mentor mentor;
    Visitor visitor;
    Office office;
    Question bank[QUESTION_MAX];
    size_t chosen[QUESTION_MAX];
    size_t nchosen;
    Visit visit; /* built by the kiosk's own builder */
} Fixture;

/* The fixture visit with the first n questions of the bank (0: five). */
static Fixture *fixture(int n)
{
    Fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->mentor = fixture_mentor();
    f->visitor = fixture_visitor();
    f->office = fixture_office();
    snprintf(f->office.logo, sizeof f->office.logo, "%s/logo.sample.svg", CK_ASSETS_DIR);
    int nbank = fixture_bank(f->bank, QUESTION_MAX);
    assert_true(nbank > 10);
    f->nchosen = (size_t)(n ? (n < nbank ? n : nbank) : 5);
    for (size_t i = 0; i < f->nchosen; i++)
        f->chosen[i] = i;
    VisitInput in = {&f->visitor,
                     &f->mentor,
                     {CHANNEL_EMAIL, MESSAGE_LINKEDIN_CHARS, f->chosen, f->nchosen},
                     f->bank,
                     nbank,
                     &f->office,
                     {2026, 11, 22},
                     1795342500 /* 2026-11-22 10:15Z */,
                     {0},
                     0,
                     10 * 60 + 15};
    visit_build(&f->visit, &in);
    return f;
}

static void fixture_free(Fixture *f)
{
    visit_wipe(&f->visit);
    free(f);
}

static void render(const Fixture *f, Paper paper, Printout *out)
{
    char err[256];
    if (!paper_render(&f->visit, paper, out, err, sizeof err))
        fail_msg("render %s: %s", paper_name(paper), err);
}

/* All text on the pages, runs joined by spaces. */
static char *page_text(const Printout *out)
{
    size_t cap = 1 << 20, len = 0;
    char *s = calloc(cap, 1);
    for (int p = 0; p < out->n; p++)
        for (int r = 0; r < out->page[p].nruns; r++)
            len += (size_t)snprintf(s + len, cap - len, "%s ", out->page[p].runs[r].s);
    return s;
}

/* Collapses runs of whitespace to one space, in place. */
static char *squeeze(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        bool space = *r == ' ' || *r == '\n' || *r == '\t' || *r == '\f';
        if (space && (w == s || w[-1] == ' '))
            continue;
        *w++ = space ? ' ' : *r;
    }
    *w = '\0';
    return s;
}

/* Every chosen question and the mentor's name are in text. */
static void assert_sheet_in(const Fixture *f, const char *text)
{
    assert_non_null(strstr(text, "José García"));
    for (size_t i = 0; i < f->nchosen; i++)
        if (!strstr(text, f->bank[f->chosen[i]].text))
            fail_msg("question \"%s\" is not on the printout", f->bank[f->chosen[i]].text);
}

/* What zbarimg reads in the image files matching glob. */
static char *zbar(const char *glob)
{
    char *out;
    support_sh(&out, "zbarimg --quiet --raw %s 2>/dev/null", glob);
    return out;
}

/* The codes the printout carries (all four on pages, the sheet and the
 * email draft on receipts) scanned; a code too big to make is left out
 * of the printout as of the screen. */
static void assert_codes_in(const Fixture *f, const char *read, bool all)
{
    assert_true(f->visit.takeaway.ok[TAKE_MESSAGE]);
    for (int k = 0; k < TAKE_COUNT; k++) {
        if ((!all && k != TAKE_SHEET && k != TAKE_MESSAGE) || !f->visit.takeaway.ok[k])
            continue;
        if (!strstr(read, f->visit.takeaway.payload[k]))
            fail_msg("the %s code did not scan from paper; zbarimg read:\n%.400s",
                     takeaway_name((TakeKind)k), read);
    }
}

/* ---- the printer setting ---- */

static void test_setup_parse(void **state)
{
    (void)state;
    PrintSetup s;
    char err[200];
    assert_true(print_setup_parse("cups:Front_Desk", "", 0, &s, err, sizeof err));
    assert_int_equal(s.kind, PRINT_CUPS);
    assert_string_equal(s.target, "Front_Desk");
    assert_int_equal(s.paper, PAPER_LETTER);
    assert_int_equal(s.timeout_s, PRINT_DEFAULT_TIMEOUT);
    assert_true(print_setup_parse("cups", "a4", 30, &s, err, sizeof err));
    assert_string_equal(s.target, "");
    assert_int_equal(s.paper, PAPER_A4);
    assert_true(print_setup_parse("escpos:/dev/usb/lp0", "", 0, &s, err, sizeof err));
    assert_int_equal(s.kind, PRINT_ESCPOS);
    assert_int_equal(s.paper, PAPER_80MM);
    assert_true(print_setup_parse("escpos:/dev/ttyS0@19200", "58mm", 0, &s, err, sizeof err));
    assert_string_equal(s.target, "/dev/ttyS0@19200");
    assert_true(print_setup_parse("", "", 0, &s, err, sizeof err));
    assert_int_equal(s.kind, PRINT_NONE);
    assert_false(print_setup_parse("lpr:office", "", 0, &s, err, sizeof err));
    assert_non_null(strstr(err, "printer should be"));
    assert_false(print_setup_parse("cups:Office", "80mm", 0, &s, err, sizeof err));
    assert_non_null(strstr(err, "letter or a4"));
    assert_false(print_setup_parse("escpos:/dev/usb/lp0", "a4", 0, &s, err, sizeof err));
    assert_non_null(strstr(err, "80mm or 58mm"));
    assert_false(print_setup_parse("escpos:/dev/ttyS0@fast", "", 0, &s, err, sizeof err));
    assert_non_null(strstr(err, "baud"));
    assert_false(print_setup_parse("cups", "tabloid", 0, &s, err, sizeof err));
}

static void test_config_printer_lines(void **state)
{
    (void)state;
    const char *conf = support_path(support_dir, "bad.conf");
    char *out;
    support_write(conf,
                  "[office]\nname = Career Center\n[printing]\nprinter = cups:Desk\n"
                  "paper = 80mm\n",
                  (size_t)-1);
    int rc = support_admin(&out, "--config %s fields", conf);
    assert_int_equal(rc, 2);
    free(out);
    support_sh(&out, "%s/../career-kiosk-admin --config %s fields 2>&1", getenv("CK_BUILD_DIR"),
               conf);
    if (!strstr(out, "bad.conf:5: a CUPS printer takes letter or a4"))
        fail_msg("no line-numbered reason: %s", out);
    free(out);
}

/* ---- pages ---- */

/* Fills are written late, a tile at a time, when a later fill covers
 * them (platform/sdl.c): whatever the order, sizes, clips and the page's
 * odd edges, every pixel must come out as drawing each fill in turn
 * would leave it. Grey fills, so the page's grey is the fill's level. */
/* ui_wrap judges most words from widths it already has (the line's, a
 * space's, the word's) and measures the whole line only near the edge.
 * Its lines must be the ones measuring every trial line whole gives:
 * paragraphs of words of every shape (capitals, digits, accents,
 * punctuation, a dash, Greek, Cyrillic, Arabic, Devanagari, Chinese), at
 * sizes and weights the screens and pages use, into boxes of every
 * width a word fits. */
static void test_wrapped_lines_are_the_measured_ones(void **state)
{
    (void)state;
    static const char *const pool[] = {"a",
                                       "I",
                                       "of",
                                       "the",
                                       "WWW",
                                       "illicit",
                                       "Mentor",
                                       "informational",
                                       "interview,",
                                       "(class",
                                       "of",
                                       "2019)",
                                       "José",
                                       "Zoë",
                                       "Ødegaard",
                                       "Ñandú",
                                       "career-changer",
                                       "—",
                                       "10:30",
                                       "“quoted”",
                                       "Ω",
                                       "Παιδεία",
                                       "Москва",
                                       "مرحبا",
                                       "नमस्ते",
                                       "你好",
                                       "w.",
                                       "fff",
                                       "Tj",
                                       "AVAV",
                                       "lllll",
                                       "mmmmmm",
                                       "yJ",
                                       "—and",
                                       "e-mail:",
                                       "12345678",
                                       "Wy"};
    enum { NPOOL = sizeof pool / sizeof *pool };
    static const int sizes[] = {14, 17, 22, 24, 30, 31, 40, 46};
    char err[256];
    Canvas *c = canvas_open(1600, 1200, err, sizeof err);
    assert_non_null(c);
    Draw *d = canvas_draw(c);
    static Ui ui;
    unsigned seed = 777;
#define RAND() (seed = seed * 1103515245u + 12345u, (int)(seed >> 8 & 0xFFFF))
    int checked = 0;
    for (int round = 0; round < 300; round++) {
        int px = sizes[RAND() % (int)(sizeof sizes / sizeof *sizes)];
        Weight wt = RAND() % 3 == 0 ? WEIGHT_BOLD : WEIGHT_REGULAR;
        char para[2000] = "";
        int nwords = 3 + RAND() % 60, widest = 0;
        size_t at = 0;
        for (int k = 0; k < nwords; k++) {
            const char *wd = pool[RAND() % NPOOL];
            int ww = draw_text_width(d, wd, px, wt);
            widest = ww > widest ? ww : widest;
            at += (size_t)snprintf(para + at, sizeof para - at, "%s%s", k ? " " : "", wd);
        }
        /* lines of up to some 60 characters: well inside ui_wrap's line */
        int box_w = widest + 1 + RAND() % (px * 28);
        /* the reference: every trial line measured whole */
        char ref[80][600], line[600] = "", trial[600];
        int nref = 0;
        char copy[2000];
        snprintf(copy, sizeof copy, "%s", para);
        for (char *save = NULL, *wd = strtok_r(copy, " ", &save); wd;
             wd = strtok_r(NULL, " ", &save)) {
            snprintf(trial, sizeof trial, "%.299s%s%.299s", line, *line ? " " : "", wd);
            if (*line && draw_text_width(d, trial, px, wt) > box_w) {
                snprintf(ref[nref++], sizeof ref[0], "%s", line);
                snprintf(line, sizeof line, "%.299s", wd);
            } else
                snprintf(line, sizeof line, "%s", trial);
        }
        snprintf(ref[nref++], sizeof ref[0], "%s", line);
        ui_begin(&ui, d, d, 1600, 1200, 0);
        int h = ui_wrap(&ui, (Rect){0, 0, box_w, 0}, para, px, wt, (Color){0, 0, 0, 255});
        assert_int_equal(h, nref * draw_line_height(d, px));
        assert_int_equal(ui.ntexts, nref);
        for (int i = 0; i < nref; i++) {
            size_t n = strlen(ui.text[i].text);
            if (strncmp(ref[i], ui.text[i].text, n) != 0 ||
                (n < sizeof ui.text[i].text - 4 && n != strlen(ref[i])))
                fail_msg("round %d, %d px in %d px: line %d is \"%s\", measured whole it is "
                         "\"%s\"",
                         round, px, box_w, i, ui.text[i].text, ref[i]);
            checked++;
        }
    }
#undef RAND
    assert_true(checked > 300);
    canvas_close(c);
}

static void test_fills_land_as_drawn(void **state)
{
    (void)state;
    enum { W = 333, H = 250 }; /* not whole tiles either way */
    static unsigned char want[H][W];
    unsigned seed = 12345;
#define NEXT() (seed = seed * 1103515245u + 12345u, (int)(seed >> 8 & 0xFFFF))
    for (int round = 0; round < 40; round++) {
        char err[256];
        Canvas *c = canvas_open(W, H, err, sizeof err);
        assert_non_null(c);
        Draw *d = canvas_draw(c);
        memset(want, 255, sizeof want); /* a white page */
        for (int k = 0; k < 60; k++) {
            unsigned char v = (unsigned char)NEXT();
            bool clip = NEXT() % 4 == 0, clear = NEXT() % 12 == 0;
            Rect cr = {NEXT() % W - 20, NEXT() % H - 20, NEXT() % W, NEXT() % H};
            Rect r = {NEXT() % (W + 40) - 40, NEXT() % (H + 40) - 40, NEXT() % (W / 2 + 64),
                      NEXT() % (H / 2 + 64)};
            if (NEXT() % 8 == 0) /* a big one, past the edges */
                r = (Rect){-10, -10, W + 20, H + 20};
            draw_clip(d, clip ? &cr : NULL);
            if (clear) /* the whole page, whatever the clip */
                draw_clear(d, (Color){v, v, v, 255});
            else
                draw_rect(d, r, (Color){v, v, v, 255});
            for (int y = 0; y < H; y++) /* the model: the same fill, pixel by pixel */
                for (int x = 0; x < W; x++) {
                    bool in = x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
                    bool in_clip =
                        !clip || (x >= cr.x && x < cr.x + cr.w && y >= cr.y && y < cr.y + cr.h);
                    if (clear || (in && in_clip))
                        want[y][x] = v;
                }
        }
        PageImage page;
        assert_true(canvas_finish(c, &page, err, sizeof err));
        int wrong = 0, first = -1;
        for (int i = 0; i < W * H; i++)
            if (page.gray[i] != want[i / W][i % W]) {
                wrong++;
                first = first < 0 ? i : first;
            }
        if (wrong)
            fail_msg("round %d: %d pixels differ, the first at (%d, %d): %d, not %d", round, wrong,
                     first % W, first / W, page.gray[first], want[first / W][first % W]);
        page_free(&page);
    }
#undef NEXT
}

static void test_page_carries_sheet_and_codes(void **state)
{
    (void)state;
    Fixture *f = fixture(0);
    for (Paper paper = PAPER_LETTER; paper <= PAPER_A4; paper++) {
        Printout out;
        render(f, paper, &out);
        PaperSpec spec = paper_spec(paper);
        /* the sheet with its thank-you note, then the codes */
        assert_true(out.n >= 1 && out.n <= 3);
        for (int p = 0; p < out.n; p++) {
            assert_int_equal(out.page[p].w, spec.w);
            assert_int_equal(out.page[p].h, spec.h);
            for (int r = 0; r < out.page[p].nruns; r++) { /* nothing off the page */
                const PageRun *run = &out.page[p].runs[r];
                assert_true(run->x >= 0 && run->x + run->w <= spec.w);
                assert_true(run->y > 0 && run->y < spec.h);
            }
        }
        char *text = squeeze(page_text(&out));
        assert_sheet_in(f, text);
        free(text);
        char err[256], glob[1200];
        assert_true(paper_save_png(&out, support_path(support_dir, "page.png"), err, sizeof err));
        snprintf(glob, sizeof glob, "%s/page*.png", support_dir);
        char *read = zbar(glob);
        assert_codes_in(f, read, true);
        free(read);
        support_sh(NULL, "rm -f %s", glob);
        printout_free(&out);
    }
    fixture_free(f);
}

static void test_long_sheet_flows_onto_pages(void **state)
{
    (void)state;
    Fixture *f = fixture(24);
    Printout out;
    render(f, PAPER_LETTER, &out);
    assert_true(out.n >= 2);
    /* every question whole, on some page: breaks fall between lines */
    char *text = squeeze(page_text(&out));
    assert_sheet_in(f, text);
    free(text);
    for (int p = 0; p < out.n; p++) {
        char want[32];
        snprintf(want, sizeof want, "Page %d of %d", p + 1, out.n);
        bool found = false;
        for (int r = 0; r < out.page[p].nruns; r++)
            found |= strcmp(out.page[p].runs[r].s, want) == 0;
        if (!found)
            fail_msg("page %d has no \"%s\"", p + 1, want);
    }
    char err[256], glob[1200];
    assert_true(paper_save_png(&out, support_path(support_dir, "long.png"), err, sizeof err));
    snprintf(glob, sizeof glob, "%s/long*.png", support_dir);
    char *read = zbar(glob);
    assert_codes_in(f, read, true);
    free(read);
    printout_free(&out);
    fixture_free(f);
}

/* The page (from 0) with a run that is exactly s, or -1; *count says on
 * how many pages it is. */
static int page_with(const Printout *out, const char *s, int *count)
{
    int at = -1;
    *count = 0;
    for (int p = 0; p < out->n; p++)
        for (int r = 0; r < out->page[p].nruns; r++)
            if (strcmp(out->page[p].runs[r].s, s) == 0) {
                at = at < 0 ? p : at;
                ++*count;
                break;
            }
    return at;
}

/* The take-away codes stay together under their heading, on one page:
 * a visit of any length on Letter or A4 never leaves some of them alone
 * on a last page away from the rest (three codes alone on page 3, their
 * heading and two others at the foot of page 2). */
static void test_codes_stay_together_on_pages(void **state)
{
    (void)state;
    static const char *const labels[] = {"Your message", "Contact card", "Reminders",
                                         "Thank-you note"};
    static const Paper papers[] = {PAPER_LETTER, PAPER_A4};
    int pages_seen[PRINTOUT_PAGES + 1] = {0};
    for (int n = 1; n <= 25; n += 3) {
        Fixture *f = fixture(n);
        for (size_t k = 0; k < sizeof papers / sizeof *papers; k++) {
            Printout out;
            render(f, papers[k], &out);
            int count, heading = page_with(&out, str(S_PAPER_CODES_TITLE), &count);
            if (heading < 0 || count != 1)
                fail_msg("%d questions on %s: the codes' heading is on %d pages", n,
                         paper_name(papers[k]), count);
            for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
                int on = page_with(&out, labels[i], &count);
                if (on != heading || count != 1)
                    fail_msg("%d questions on %s: the %s code is on page %d of %d, its heading "
                             "on page %d",
                             n, paper_name(papers[k]), labels[i], on + 1, out.n, heading + 1);
            }
            pages_seen[out.n]++;
            printout_free(&out);
        }
        fixture_free(f);
    }
    for (int p = 1; p <= PRINTOUT_PAGES; p++)
        if (pages_seen[p])
            printf("%d visits printed on %d page%s\n", pages_seen[p], p, p == 1 ? "" : "s");
}

static void test_pdf_has_text_and_codes(void **state)
{
    (void)state;
    Fixture *f = fixture(0);
    Printout out;
    char err[256];
    size_t len;
    render(f, PAPER_LETTER, &out);
    unsigned char *pdf = pdf_write(out.page, out.n, 300, &len, err, sizeof err);
    assert_non_null(pdf);
    support_write(support_path(support_dir, "sheet.pdf"), (const char *)pdf, len);
    free(pdf);
    printout_free(&out);
    char *text;
    assert_int_equal(support_sh(&text, "pdftotext %s/sheet.pdf - 2>&1", support_dir), 0);
    /* the office's contact, a phrase ("the front desk"), closes a sentence
     * in the footer rather than standing there as a lowercase fragment */
    if (!strstr(text, "Questions? Ask the Career Center: the front desk"))
        fail_msg("the footer does not ask in a sentence:\n%s", text);
    for (const char *l = text; *l; l += strcspn(l, "\n"), l += *l == '\n')
        if (strncmp(l, "the front desk", 14) == 0)
            fail_msg("a line of the page starts with the office's phrase:\n%s", text);
    assert_sheet_in(f, squeeze(text));
    free(text);
    assert_int_equal(
        support_sh(NULL, "pdftoppm -r 150 -png %s/sheet.pdf %s/pdfpage", support_dir, support_dir),
        0);
    char glob[1200];
    snprintf(glob, sizeof glob, "%s/pdfpage*.png", support_dir);
    char *read = zbar(glob);
    assert_codes_in(f, read, true);
    free(read);
    fixture_free(f);
}

/* ---- receipts ---- */

/* Writes a decoded receipt as a PBM image for zbarimg. */
static void write_pbm(const Bitmap *b, const char *path)
{
    FILE *out = fopen(path, "wb");
    assert_non_null(out);
    fprintf(out, "P4\n%d %d\n", b->w, b->h);
    fwrite(b->bits, 1, (size_t)(b->w + 7) / 8 * (size_t)b->h, out);
    fclose(out);
}

static void test_receipt_bytes_decode_and_scan(void **state)
{
    (void)state;
    Fixture *f = fixture(0);
    for (Paper paper = PAPER_80MM; paper <= PAPER_58MM; paper++) {
        PrintSetup s;
        char err[256], spec[1200];
        const char *file = support_path(support_dir, "receipt.bin");
        support_write(file, "", 0);
        snprintf(spec, sizeof spec, "escpos:%s", file);
        assert_true(print_setup_parse(spec, paper_name(paper), 10, &s, err, sizeof err));
        Printout out;
        PrintResult r;
        render(f, paper, &out);
        int h = out.page[0].h;
        print_run(&s, &out, &r);
        if (r.phase != PHASE_DONE)
            fail_msg("receipt to a file failed: %s", r.detail);
        assert_int_equal(r.state, PRINTER_UNKNOWN); /* a file answers no status */
        size_t len;
        char *bytes = support_read(file, &len);
        EscposJob job;
        if (!escpos_decode((unsigned char *)bytes, len, &job, err, sizeof err))
            fail_msg("the receipt's bytes do not decode: %s", err);
        assert_int_equal(job.inits, 1);
        assert_int_equal(job.cuts, 1);
        assert_true(job.feed_lines > 0);
        assert_int_equal(job.picture.w, paper_spec(paper).w);
        assert_int_equal(job.picture.h, h);
        assert_int_equal(job.bands, (h + ESCPOS_BAND_ROWS - 1) / ESCPOS_BAND_ROWS);
        write_pbm(&job.picture, support_path(support_dir, "receipt.pbm"));
        char *read = zbar(support_path(support_dir, "receipt.pbm"));
        assert_codes_in(f, read, false);
        free(read);
        escpos_job_free(&job);
        free(bytes);
    }
    fixture_free(f);
}

static void test_blocked_receipt_printer_times_out(void **state)
{
    (void)state;
    Fixture *f = fixture(0);
    const char *fifo = support_path(support_dir, "stuck-printer");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    PrintSetup s;
    char err[256], spec[1200];
    snprintf(spec, sizeof spec, "escpos:%s", fifo);
    assert_true(print_setup_parse(spec, "80mm", 2, &s, err, sizeof err));
    Printout out;
    PrintResult r;
    render(f, PAPER_80MM, &out);
    print_run(&s, &out, &r); /* nobody reads: the pipe fills and stays full */
    assert_int_equal(r.phase, PHASE_FAILED);
    assert_true(r.sent);
    assert_int_equal(r.outcome, JOB_TIMEOUT);
    assert_non_null(strstr(r.detail, "stopped taking data"));
    assert_string_equal(paper_trouble(&r), "The printer stopped answering.");
    fixture_free(f);
}

static void test_missing_receipt_printer(void **state)
{
    (void)state;
    Fixture *f = fixture(0);
    PrintSetup s;
    char err[256];
    assert_true(print_setup_parse("escpos:/dev/usb/no-such-lp9", "", 5, &s, err, sizeof err));
    Printout out;
    PrintResult r;
    render(f, PAPER_80MM, &out);
    print_run(&s, &out, &r);
    assert_int_equal(r.phase, PHASE_FAILED);
    assert_false(r.sent);
    assert_int_equal(r.state, PRINTER_NOT_FOUND);
    assert_non_null(strstr(r.detail, "no printer is connected there"));
    assert_string_equal(paper_trouble(&r), "The printer cannot be reached.");
    fixture_free(f);
}

/* A receipt printer on a serial line: the far end of a pseudo-terminal
 * answers DLE EOT status queries as an Epson-style printer does, and
 * swallows whatever else it is sent. */
typedef struct {
    int master;
    unsigned char status[5]; /* answers to DLE EOT 1, 2 and 4 */
    size_t received;
    volatile int stop;
} FakePrinter;

static void *fake_printer(void *arg)
{
    FakePrinter *f = arg;
    unsigned char buf[4096], prev[2] = {0, 0};
    while (!f->stop) {
        struct pollfd p = {f->master, POLLIN, 0};
        if (poll(&p, 1, 50) <= 0)
            continue;
        ssize_t n = read(f->master, buf, sizeof buf);
        for (ssize_t i = 0; i < n; i++) {
            if (prev[0] == 0x10 && prev[1] == 0x04 && buf[i] >= 1 && buf[i] <= 4) {
                unsigned char answer = f->status[buf[i]];
                if (write(f->master, &answer, 1) != 1)
                    break;
            }
            prev[0] = prev[1];
            prev[1] = buf[i];
        }
        if (n > 0)
            f->received += (size_t)n;
    }
    return NULL;
}

static void test_receipt_printer_status_over_serial(void **state)
{
    (void)state;
    Fixture *f = fixture(0);
    FakePrinter fp = {.master = posix_openpt(O_RDWR | O_NOCTTY)};
    assert_true(fp.master >= 0);
    assert_int_equal(grantpt(fp.master), 0);
    assert_int_equal(unlockpt(fp.master), 0);
    char spec[300], err[256];
    snprintf(spec, sizeof spec, "escpos:%s@19200", ptsname(fp.master));
    PrintSetup s;
    assert_true(print_setup_parse(spec, "80mm", 5, &s, err, sizeof err));
    pthread_t t;
    static const struct {
        unsigned char st1, st2, st4;
        PrinterState want;
        const char *says;
    } cases[] = {
        {0x12 | 0x08, 0x12 | 0x20, 0x12 | 0x60, PRINTER_NO_PAPER, "The printer is out of paper."},
        {0x12 | 0x08, 0x12 | 0x04, 0x12, PRINTER_COVER_OPEN, "The printer's cover is open."},
        {0x12 | 0x08, 0x12, 0x12, PRINTER_OFFLINE, "The printer is switched off or not connected."},
        {0x12, 0x12, 0x12, PRINTER_READY, ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fp.status[1] = cases[i].st1;
        fp.status[2] = cases[i].st2;
        fp.status[4] = cases[i].st4;
        fp.received = 0;
        fp.stop = 0;
        /* the slave stays open between jobs, as a cable stays plugged */
        int keep = open(ptsname(fp.master), O_RDWR | O_NOCTTY);
        assert_int_equal(pthread_create(&t, NULL, fake_printer, &fp), 0);
        Printout out;
        PrintResult r;
        render(f, PAPER_80MM, &out);
        print_run(&s, &out, &r);
        fp.stop = 1;
        pthread_join(t, NULL);
        close(keep);
        if (r.state != cases[i].want)
            fail_msg("case %zu: state %d (%s), wanted %d", i, r.state, r.state_detail,
                     cases[i].want);
        assert_string_equal(paper_trouble(&r), cases[i].says);
        if (cases[i].want == PRINTER_READY) {
            assert_int_equal(r.phase, PHASE_DONE);
            assert_true(fp.received > 100000); /* the whole receipt went down the line */
        } else {
            assert_false(r.sent);
            assert_true(fp.received < 64); /* only the status questions */
        }
    }
    close(fp.master);
    fixture_free(f);
}

/* ---- the kiosk, headless, with a printer ---- */

static const char *walk_to_print = "tap \"Touch to start\"\n"
                                   "tap \"Your first name\"\n"
                                   "type Sam\n"
                                   "tap Done\n"
                                   "tap \"Next: find someone\"\n"
                                   "tap Search\n"
                                   "type jose\n"
                                   "tap Done\n"
                                   "tap \"José García\"\n"
                                   "tap \"Choose José\"\n"
                                   "tap \"Next: pick questions\"\n"
                                   "tap \"Next: take it with you\"\n"
                                   "expect screen takeaway\n"
                                   "tap Print\n"
                                   "expect text \"Getting your sheet ready...\"\n"
                                   "await print 90\n";

/* Runs the kiosk to Print with conf, then the extra script lines. */
static int kiosk_print(char **out, const char *conf, const char *then)
{
    char script[4096];
    snprintf(script, sizeof script, "%s%s", walk_to_print, then);
    support_write(support_path(support_dir, "print.txt"), script, (size_t)-1);
    return support_kiosk(out,
                         "--headless --size 1280x800 --today 2026-11-22 --config %s --db %s "
                         "--script %s --screenshots %s",
                         conf, support_path(support_dir, "kiosk.db"),
                         support_path(support_dir, "print.txt"), support_dir);
}

static void test_kiosk_prints_receipt(void **state)
{
    (void)state;
    char conf[1200], *out;
    const char *file = support_path(support_dir, "kiosk-receipt.bin");
    support_write(file, "", 0);
    snprintf(conf, sizeof conf, "%s/receipt.conf", support_dir);
    char text[1400];
    snprintf(text, sizeof text, "[printing]\nprinter = escpos:%s\npickup = the desk by the door\n",
             file);
    support_write(conf, text, (size_t)-1);
    int rc = kiosk_print(&out, conf,
                         "expect text \"Printed. Pick it up: the desk by the door.\"\n"
                         "expect text \"Print another\"\n");
    if (rc != 0)
        fail_msg("kiosk: %s", out);
    free(out);
    size_t len;
    char *bytes = support_read(file, &len), err[200];
    EscposJob job;
    assert_true(escpos_decode((unsigned char *)bytes, len, &job, err, sizeof err));
    write_pbm(&job.picture, support_path(support_dir, "kiosk.pbm"));
    char *read = zbar(support_path(support_dir, "kiosk.pbm"));
    assert_non_null(strstr(read, "Prep sheet: a conversation with José García"));
    assert_non_null(strstr(read, "mailto:"));
    free(read);
    escpos_job_free(&job);
    free(bytes);
    /* a printed sheet is counted; nothing of the visitor's is */
    rc = support_admin(&out, "--db %s --today 2026-11-22 stats",
                       support_path(support_dir, "kiosk.db"));
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "sheets_printed"));
    free(out);
}

static void test_kiosk_receipt_timeout_message(void **state)
{
    (void)state;
    char conf[1200], text[1400], *out;
    const char *fifo = support_path(support_dir, "kiosk-stuck");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    snprintf(conf, sizeof conf, "%s/stuck.conf", support_dir);
    snprintf(text, sizeof text, "[printing]\nprinter = escpos:%s\ntimeout_seconds = 5\n", fifo);
    support_write(conf, text, (size_t)-1);
    int rc = kiosk_print(&out, conf,
                         "expect text \"The printer stopped answering.\"\n"
                         "expect text \"Print again\"\n"
                         "screenshot print-timeout\n");
    if (rc != 0)
        fail_msg("kiosk: %s", out);
    free(out);
}

/* The result of Print is shown where the visitor is looking, at every
 * size and setting: the layout check's status rule holds it to being on
 * screen whole (at 1280x800 it sat below the fold of the middle column,
 * and only the button's label changed). A printer that prints and one
 * that cannot be reached, each at the three sizes, with Larger text and
 * High contrast turned on and off while the result is up. */
static void test_kiosk_print_result_is_in_sight(void **state)
{
    (void)state;
    static const char *const sizes[] = {"1920x1080", "1080x1920", "1280x800"};
    char conf[1200], text[1400], script[4096], *out;
    const char *file = support_path(support_dir, "in-sight.bin");
    support_write(file, "", 0);
    const char *printers[2][2] = {
        {file, "Printed. Pick it up: the printer by the front desk."},
        {"/dev/usb/no-such-lp9", "The printer cannot be reached."}};
    const char *settings = "expect layout\n"
                           "tap \"Larger text\"\nexpect layout\n"
                           "tap \"High contrast\"\nexpect layout\n"
                           "tap \"Larger text\"\nexpect layout\n";
    int upto = (int)(strstr(walk_to_print, "tap Print") - walk_to_print);
    for (int p = 0; p < 2; p++)
        for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
            snprintf(conf, sizeof conf, "%s/in-sight%d.conf", support_dir, p);
            snprintf(text, sizeof text,
                     "[printing]\nprinter = escpos:%s\npickup = the printer by the front desk\n",
                     printers[p][0]);
            support_write(conf, text, (size_t)-1);
            snprintf(script, sizeof script,
                     "%.*stap Print\nawait print 60\nexpect text \"%s\"\n%s", upto,
                     walk_to_print, printers[p][1], settings);
            support_write(support_path(support_dir, "in-sight.txt"), script, (size_t)-1);
            /* a directory of its own each time: José's referrals would
             * otherwise add up to his monthly cap */
            char db[1200];
            snprintf(db, sizeof db, "%s/in-sight%d-%zu.db", support_dir, p, i);
            int rc = support_kiosk(&out,
                                   "--headless --size %s --today 2026-11-22 --config %s --db %s "
                                   "--script %s",
                                   sizes[i], conf, db, support_path(support_dir, "in-sight.txt"));
            if (rc != 0)
                fail_msg("%s, \"%s\": %s", sizes[i], printers[p][1], out);
            free(out);
        }
}

/* A visitor leaves while their sheet is still printing; the next one's
 * Print waits for that job, then prints, and is told how it went. */
static void test_kiosk_next_visitor_prints_after_the_last(void **state)
{
    (void)state;
    char conf[1200], text[1400], script[8192], *out;
    const char *fifo = support_path(support_dir, "slow-printer");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    snprintf(conf, sizeof conf, "%s/slow.conf", support_dir);
    snprintf(text, sizeof text, "[printing]\nprinter = escpos:%s\ntimeout_seconds = 5\n", fifo);
    support_write(conf, text, (size_t)-1);
    int upto = (int)(strstr(walk_to_print, "expect text") - walk_to_print);
    snprintf(script, sizeof script,
             "%.*s"
             "wait 1100\n"
             "tap \"Finish and clear\"\n"
             "expect screen welcome\n"
             "%.*s"
             "expect text \"Getting your sheet ready...\"\n"
             "await print 60\n"
             "expect text \"The printer stopped answering.\"\n",
             upto, walk_to_print, upto, walk_to_print);
    support_write(support_path(support_dir, "two.txt"), script, (size_t)-1);
    int rc = support_kiosk(&out,
                           "--headless --size 1280x800 --today 2026-11-22 --config %s --db %s "
                           "--script %s",
                           conf, support_path(support_dir, "two.db"),
                           support_path(support_dir, "two.txt"));
    if (rc != 0)
        fail_msg("kiosk: %s", out);
    free(out);
}

static void test_kiosk_hides_print_without_printer(void **state)
{
    (void)state;
    char *out;
    support_write(support_path(support_dir, "none.conf"), "[office]\nname = Career Center\n",
                  (size_t)-1);
    char script[4096];
    snprintf(script, sizeof script, "%.*sexpect no-text Print\n",
             (int)(strstr(walk_to_print, "tap Print") - walk_to_print), walk_to_print);
    support_write(support_path(support_dir, "none.txt"), script, (size_t)-1);
    int rc =
        support_kiosk(&out,
                      "--headless --size 1920x1080 --today 2026-11-22 --config %s --db %s "
                      "--script %s",
                      support_path(support_dir, "none.conf"), support_path(support_dir, "none.db"),
                      support_path(support_dir, "none.txt"));
    if (rc != 0)
        fail_msg("kiosk: %s", out);
    free(out);
}

/* ---- a real cupsd with a PDF queue ---- */

static char sock[1200];

static void cups_start(void)
{
    char *out;
    chmod(support_dir, 0755); /* CUPS filters run as lp and must reach the spool */
    int rc = support_sh(&out, "tests/scripts/cupsd.sh start %s/cups ckq%d 2>&1", support_dir,
                        (int)getpid());
    if (rc != 0)
        fail_msg("could not start cupsd: %s", out);
    snprintf(sock, sizeof sock, "%s/cups/cups.sock", support_dir);
    setenv("CUPS_SERVER", sock, 1);
    free(out);
}

static void cups_stop(void)
{
    support_sh(NULL, "tests/scripts/cupsd.sh stop %s/cups ckq%d", support_dir, (int)getpid());
    unsetenv("CUPS_SERVER");
}

/* How many PDFs the queue has written; path of the newest in *newest. */
static int pdfs(char *newest, size_t cap)
{
    char *out;
    support_sh(&out, "ls -t %s/cups/pdf/*.pdf 2>/dev/null", support_dir);
    int n = 0;
    for (char *p = out; *p; p++)
        n += *p == '\n';
    if (newest && n > 0)
        snprintf(newest, cap, "%.*s", (int)strcspn(out, "\n"), out);
    free(out);
    return n;
}

/* Waits until the queue has written n PDFs (cups-pdf finishes just
 * after the job is reported done). */
static void await_pdfs(int n, char *newest, size_t cap)
{
    for (int i = 0; i < 100 && pdfs(NULL, 0) < n; i++)
        usleep(100 * 1000);
    assert_int_equal(pdfs(newest, cap), n);
}

static void test_cups_prints_a_clean_page(void **state)
{
    (void)state;
    char conf[1200], text[400], pdf[1200], *out, *payload;
    cups_start();
    snprintf(conf, sizeof conf, "%s/cups.conf", support_dir);
    snprintf(text, sizeof text, "[printing]\nprinter = cups:ckq%d\npaper = letter\n",
             (int)getpid());
    support_write(conf, text, (size_t)-1);
    const char *db = support_path(support_dir, "kiosk.db");

    /* staff's print-test: a page through the app's own code */
    int rc = support_admin(&out, "--config %s --db %s --today 2026-11-22 print-test --mentor M1103",
                           conf, db);
    if (rc != 0)
        fail_msg("print-test: %s", out);
    assert_non_null(strstr(out, "Printed the sample sheet"));
    free(out);
    await_pdfs(1, pdf, sizeof pdf);
    /* the job's title names no one */
    assert_non_null(strstr(pdf, "Prep_sheet"));
    assert_int_equal(support_sh(&out, "pdftotext '%s' - 2>&1", pdf), 0);
    squeeze(out);
    assert_non_null(strstr(out, "Renée Mbeki"));
    char *sheet;
    support_admin(&sheet, "--db %s --today 2026-11-22 sheet M1103 --width 200", db);
    int questions = 0;
    for (char *line = strtok(sheet, "\n"); line; line = strtok(NULL, "\n")) {
        int num, at = 0;
        if (sscanf(line, " %d.%n", &num, &at) == 1 && at > 0) {
            char *q = line + at + 1, *mins = strstr(q, " (");
            if (mins)
                *mins = '\0';
            if (!strstr(out, q))
                fail_msg("question \"%s\" is not on the printed page:\n%.600s", q, out);
            questions++;
        }
    }
    assert_true(questions >= 3);
    free(sheet);
    free(out);
    assert_int_equal(support_sh(NULL, "pdftoppm -r 150 -png '%s' %s/cupspage", pdf, support_dir),
                     0);
    char glob[1300];
    snprintf(glob, sizeof glob, "%s/cupspage*.png", support_dir);
    char *read = zbar(glob);
    support_admin(&payload, "--db %s --today 2026-11-22 qr sheet M1103 --payload", db);
    payload[strcspn(payload, "\n")] = '\0'; /* the first line is enough to identify it */
    assert_non_null(strstr(read, payload));
    free(payload);
    /* M1103 takes LinkedIn notes: the page's message code is the note with
     * the profile it goes to */
    support_admin(&payload, "--db %s --today 2026-11-22 qr message M1103 --payload", db);
    payload[strcspn(payload, "\n")] = '\0';
    assert_non_null(strstr(read, payload));
    assert_non_null(strstr(read, "https://www.linkedin.com/in/example-ck-1103"));
    free(payload);
    free(read);

    /* a visitor taps Print */
    rc = kiosk_print(&out, conf, "expect text \"Printed. Your sheet is ready at the printer.\"\n");
    if (rc != 0)
        fail_msg("kiosk: %s", out);
    free(out);
    await_pdfs(2, pdf, sizeof pdf);
    assert_null(strstr(pdf, "Sam")); /* the visitor's name is in no title */
    assert_int_equal(support_sh(&out, "pdftotext '%s' - 2>&1", pdf), 0);
    assert_non_null(strstr(squeeze(out), "José García"));
    free(out);

    /* staff pause the queue: visitors are told, nothing is sent */
    assert_int_equal(support_sh(NULL, "cupsdisable -h %s ckq%d", sock, (int)getpid()), 0);
    rc = support_admin(&out, "--config %s --db %s print-test", conf, db);
    assert_int_equal(rc, 2);
    assert_non_null(strstr(out, "State:   stopped"));
    assert_non_null(strstr(out, "The printer is paused right now."));
    free(out);
    rc = kiosk_print(&out, conf,
                     "expect text \"The printer is paused right now.\"\n"
                     "expect text \"Print again\"\n"
                     "screenshot print-stopped\n");
    if (rc != 0)
        fail_msg("kiosk: %s", out);
    free(out);
    assert_int_equal(pdfs(NULL, 0), 2);
    cups_stop();
}

static void test_cups_unreachable(void **state)
{
    (void)state;
    char *out;
    setenv("CUPS_SERVER", support_path(support_dir, "nobody-listens.sock"), 1);
    int rc = support_admin(&out, "--db %s print-test --printer cups:Office --check",
                           support_path(support_dir, "u.db"));
    unsetenv("CUPS_SERVER");
    assert_int_equal(rc, 2);
    assert_non_null(strstr(out, "State:   unreachable"));
    free(out);
}

int main(int argc, char **argv)
{
    (void)argc;
    support_init(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_setup_parse, support_dir_setup, support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_config_printer_lines, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test(test_fills_land_as_drawn),
        cmocka_unit_test(test_wrapped_lines_are_the_measured_ones),
        cmocka_unit_test_setup_teardown(test_page_carries_sheet_and_codes, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_long_sheet_flows_onto_pages, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test(test_codes_stay_together_on_pages),
        cmocka_unit_test_setup_teardown(test_pdf_has_text_and_codes, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_receipt_bytes_decode_and_scan, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_blocked_receipt_printer_times_out, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_missing_receipt_printer, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_receipt_printer_status_over_serial, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_kiosk_prints_receipt, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_kiosk_receipt_timeout_message, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_kiosk_print_result_is_in_sight, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_kiosk_next_visitor_prints_after_the_last,
                                        support_dir_setup, support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_kiosk_hides_print_without_printer, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_cups_prints_a_clean_page, support_dir_setup,
                                        support_dir_teardown),
        cmocka_unit_test_setup_teardown(test_cups_unreachable, support_dir_setup,
                                        support_dir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
