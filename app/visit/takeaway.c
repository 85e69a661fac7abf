/* takeaway: payloads for the take-away codes, fitted to their versions. */
#include "visit/takeaway.h"

#include "core/payload.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/typed.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const names[TAKE_COUNT] = {"sheet", "message", "contact", "reminders", "thanks"};
static const char *const labels[TAKE_COUNT] = {"Prep sheet", "Your message", "Contact card",
                                               "Reminders", "Thank-you note"};

const char *takeaway_name(TakeKind k)
{
    return k < TAKE_COUNT ? names[k] : "?";
}

const char *takeaway_label(TakeKind k)
{
    return k < TAKE_COUNT ? labels[k] : "?";
}

bool takeaway_parse(const char *s, TakeKind *out)
{
    int k = text_find_key(names, TAKE_COUNT, s);
    if (k < 0)
        return false;
    *out = (TakeKind)k;
    return true;
}

/* Encodes payload k no larger than max_version. */
static bool encode(Takeaway *t, TakeKind k, int max_version)
{
    t->ok[k] = t->len[k] > 0 && qr_encode(t->payload[k], QR_LEVEL_M, max_version, &t->code[k],
                                          t->error[k], sizeof t->error[k]);
    if (t->len[k] == 0 && !t->error[k][0])
        snprintf(t->error[k], sizeof t->error[k], "the %s is too long to carry", labels[k]);
    return t->ok[k];
}

/* The compact sheet at the fullest level that fits version 25 (every
 * question whole at every level); else the most compact, up to the hard
 * limit and at level L if need be. This one is for paper. */
static void build_sheet(Takeaway *t, const Sheet *s)
{
    for (int level = 0; level < SHEET_COMPACT_LEVELS; level++) {
        qr_free(&t->code[TAKE_SHEET]);
        t->error[TAKE_SHEET][0] = '\0';
        t->len[TAKE_SHEET] =
            sheet_render_compact(s, level, t->payload[TAKE_SHEET], TAKE_PAYLOAD_MAX);
        if (t->len[TAKE_SHEET] >= TAKE_PAYLOAD_MAX)
            t->len[TAKE_SHEET] = 0;
        else
            t->len[TAKE_SHEET] = typed_for_phone(t->payload[TAKE_SHEET]);
        t->sheet_level = level;
        if (encode(t, TAKE_SHEET, QR_TARGET_VERSION))
            return;
    }
    qr_free(&t->code[TAKE_SHEET]);
    t->ok[TAKE_SHEET] = t->len[TAKE_SHEET] > 0 &&
                        qr_encode_fit(t->payload[TAKE_SHEET], QR_MAX_VERSION, &t->code[TAKE_SHEET],
                                      t->error[TAKE_SHEET], sizeof t->error[TAKE_SHEET]);
}

/* The office's email address: the first word of its contact with an '@'
 * ("careers@example.org, (555) 010-0100"), or "" when it lists none. */
static void office_address(const Office *o, char *out, size_t cap)
{
    const char *p = o->contact;
    out[0] = '\0';
    while (*p) {
        size_t n = strcspn(p, " ,;\t");
        if (memchr(p, '@', n) && n < cap) {
            memcpy(out, p, n);
            out[n] = '\0';
            return;
        }
        p += n;
        p += strspn(p, " ,;\t");
    }
}

/* A draft as plain text, for a screen too small for its mailto: code:
 * who it goes to, the subject, the body. */
static void draft_text(char *out, const char *to, const char *to_words, const Message *m)
{
    StrBuf sb;
    strbuf_init(&sb, out, TAKE_PAYLOAD_MAX);
    if (*to)
        strbuf_addf(&sb, "To: %s\n", to);
    else if (*to_words)
        strbuf_addf(&sb, "To: %s\n", to_words);
    if (*m->subject)
        strbuf_addf(&sb, "Subject: %s\n", m->subject);
    strbuf_addf(&sb, "\n%s", m->body);
    if (sb.overflow)
        out[0] = '\0';
}

/* The message m as one code a phone acts on, into kind k: a draft
 * addressed to whoever takes it (the mentor, or the office that
 * introduces them); for a request on LinkedIn, by video or by phone,
 * where it goes (their profile, their booking link, tel:), the note or
 * script being on the sheet. Text only where nothing to act on exists (a
 * thank-you to a mentor reached by phone). text[k] keeps the words,
 * brief[k] the draft without its body. Codes and text get the words as a
 * phone is given them (typed_for_phone). */
static void build_note(Takeaway *t, TakeKind k, const Message *given, const TakeawayInput *in)
{
    /* the words as a phone's mail app or LinkedIn is given them: the
     * isolating marks around the visitor's words made plain (typed.h) */
    Message phone = *given, *m = &phone;
    typed_for_phone(phone.subject);
    typed_for_phone(phone.body);
    char to[MENTOR_CONTACT_MAX + 1] = "";
    size_t *len = &t->len[k];
    char *out = t->payload[k];
    const char *contact = in->mentor->contact;
    bool office = in->mentor->via == VIA_OFFICE, request = k == TAKE_MESSAGE;
    *len = 0;
    t->brief[k][0] = '\0';
    switch (m->channel) {
    case CHANNEL_EMAIL:
    case CHANNEL_THANKS:
    case CHANNEL_OFFICE:
        if (m->channel == CHANNEL_OFFICE)
            office_address(in->office, to, sizeof to);
        else if (in->mentor->via == VIA_EMAIL)
            text_copy(to, sizeof to, contact);
        *len = payload_mailto(to, m->subject, m->body, out, TAKE_PAYLOAD_MAX);
        if (!payload_mailto(to, m->subject, "", t->brief[k], sizeof t->brief[k]))
            t->brief[k][0] = '\0';
        draft_text(t->text[k], to,
                   m->channel == CHANNEL_OFFICE ? in->office->name
                   : office                     ? "the address they gave you"
                                                : "",
                   m);
        break;
    case CHANNEL_LINKEDIN: /* their profile; the note and where it goes as text */
        snprintf(t->text[k], TAKE_PAYLOAD_MAX, "%s\n\n%s", m->body, contact);
        *len = payload_url(contact, out, TAKE_PAYLOAD_MAX);
        break;
    case CHANNEL_VIDEO:
        text_copy(t->text[k], TAKE_PAYLOAD_MAX, m->body);
        *len = request ? payload_url(contact, out, TAKE_PAYLOAD_MAX) : 0;
        break;
    default: /* a call */
        text_copy(t->text[k], TAKE_PAYLOAD_MAX, m->body);
        *len = request ? payload_tel(contact, out, TAKE_PAYLOAD_MAX) : 0;
        break;
    }
    if (*len == 0 || *len >= TAKE_PAYLOAD_MAX) { /* nothing to act on: the words */
        *len = strlen(t->text[k]);
        memcpy(out, t->text[k], *len + 1);
    }
    encode(t, k, QR_MAX_VERSION);
    explicit_bzero(&phone, sizeof phone); /* the visitor's words */
}

/* The thank-you note on the mentor's channel: a draft to a mentor who
 * takes email (or was introduced by the office: to the address they
 * gave), the note and where to send it on LinkedIn, else its text. */
static void build_thanks(Takeaway *t, const TakeawayInput *in)
{
    Message m = *in->thanks;
    switch (in->mentor->via) {
    case VIA_EMAIL:
    case VIA_OFFICE:
        m.channel = CHANNEL_THANKS;
        break;
    case VIA_LINKEDIN:
        m.channel = CHANNEL_LINKEDIN;
        break;
    default:
        m.channel = CHANNEL_PHONE;
        break;
    }
    build_note(t, TAKE_THANKS, &m, in);
    explicit_bzero(&m, sizeof m);
}

static void build_contact(Takeaway *t, const TakeawayInput *in)
{
    char note[400];
    if (in->mentor->via == VIA_OFFICE)
        snprintf(note, sizeof note, "%s alum. Reach through the %s: %s", in->office->school,
                 in->office->name, in->office->contact);
    else
        snprintf(note, sizeof note, "%s alum, from the %s's alumni directory. Prefers: %s.",
                 in->office->school, in->office->name, mentor_via_label(in->mentor->via));
    t->len[TAKE_CONTACT] =
        payload_vcard(in->mentor, note, t->payload[TAKE_CONTACT], TAKE_PAYLOAD_MAX);
    encode(t, TAKE_CONTACT, QR_TARGET_VERSION);
}

static void build_reminders(Takeaway *t, const TakeawayInput *in)
{
    const Mentor *m = in->mentor;
    char send[400], nudge[200], send_d[512], thank[200], day[11];
    PayloadEvent ev[TAKE_EVENTS];
    char full[2 * MENTOR_NAME_MAX + 2];
    mentor_full_name(m, full, sizeof full);
    MessageChannel ch = in->request->channel;
    /* in the words of the channel: a call is made, a request to the
     * office goes to the office */
    if (ch == CHANNEL_PHONE)
        snprintf(send, sizeof send, "Call %s", full);
    else if (ch == CHANNEL_OFFICE)
        snprintf(send, sizeof send, "Ask the %s to introduce you to %s", in->office->name, full);
    else
        snprintf(send, sizeof send, "Send your request to %s", full);
    if (m->via == VIA_OFFICE)
        snprintf(send_d, sizeof send_d,
                 "Ask the %s for an introduction: %s. Your message is "
                 "on your prep sheet.",
                 in->office->name, in->office->contact);
    else
        snprintf(send_d, sizeof send_d, "%s: %s", mentor_via_label(m->via), m->contact);
    if (ch == CHANNEL_PHONE)
        snprintf(nudge, sizeof nudge, "No answer from %s? Try one more call", m->first_name);
    else if (ch == CHANNEL_OFFICE)
        snprintf(nudge, sizeof nudge, "No word from the %s? Ask once more", in->office->name);
    else
        snprintf(nudge, sizeof nudge, "No reply from %s? Send one polite follow-up", m->first_name);
    snprintf(thank, sizeof thank, "Send your thank-you note to %s", full);
    int alarm;
    Date sent = sheet_send_day(in->office, ch, in->today, in->minute, &alarm);
    ev[0] = (PayloadEvent){sent, send, send_d, alarm};
    ev[1] = (PayloadEvent){sheet_nudge_day(in->office, ch, in->today, in->minute), nudge,
                           "One short, kind nudge; then let it go.", SHEET_DAY_START};
    size_t n = 2;
    if (in->met.y > 0) /* the meeting's day is known: the thank-you is dated */
        ev[n++] = (PayloadEvent){sheet_thanks_day(in->office, in->met), thank,
                                 "Your note is on your prep sheet; name one thing you learned.",
                                 SHEET_DAY_START};
    date_iso(in->today, day, sizeof day);
    snprintf(t->seed, sizeof t->seed, "ck-%s-%s", day, m->id);
    takeaway_stamp(in->now, t->stamp, sizeof t->stamp);
    /* kept, for a screen that needs the calendar leaner or in parts */
    t->nevents = n;
    for (size_t i = 0; i < n; i++) {
        text_copy(t->event_text[i][0], sizeof t->event_text[i][0], ev[i].summary);
        text_copy(t->event_text[i][1], sizeof t->event_text[i][1], ev[i].description);
        t->event[i] =
            (PayloadEvent){ev[i].date, t->event_text[i][0], t->event_text[i][1], ev[i].alarm};
    }
    t->len[TAKE_REMINDERS] =
        payload_ical(t->event, n, t->seed, t->stamp, t->payload[TAKE_REMINDERS], TAKE_PAYLOAD_MAX);
    encode(t, TAKE_REMINDERS, QR_TARGET_VERSION);
}

void takeaway_build(Takeaway *t, const TakeawayInput *in)
{
    memset(t, 0, sizeof *t);
    t->channel = in->request->channel;
    t->via = in->mentor->via;
    build_sheet(t, in->sheet);
    build_note(t, TAKE_MESSAGE, in->request, in);
    build_contact(t, in);
    build_reminders(t, in);
    build_thanks(t, in);
}

void takeaway_stamp(long long now, char *out, size_t cap)
{
    time_t t = (time_t)now;
    struct tm utc;
    gmtime_r(&t, &utc);
    strftime(out, cap, "%Y%m%dT%H%M%SZ", &utc);
}

/* ---- the codes for one screen ---- */

/* Adds a part of kind k from payload; false when it does not fit. */
static bool add_part(Takeaway *t, TakeKind k, const char *payload, size_t len)
{
    char err[200];
    if (t->nparts >= TAKE_PARTS_MAX || len == 0 || len >= sizeof t->part[0].payload)
        return false;
    TakePart *p = &t->part[t->nparts];
    memcpy(p->payload, payload, len);
    p->payload[len] = '\0';
    p->len = len;
    p->kind = k;
    p->brief = false;
    if (!qr_encode_fit(p->payload, t->fit_version, &p->code, err, sizeof err)) {
        explicit_bzero(p->payload, len);
        return false;
    }
    t->nparts++;
    return true;
}

/* Drops the parts from index `from` on. */
static void drop_parts(Takeaway *t, int from)
{
    for (int i = from; i < t->nparts; i++) {
        qr_free(&t->part[i].code);
        explicit_bzero(&t->part[i], sizeof t->part[i]);
    }
    t->nparts = from;
}

/* Numbers the parts of kind k from index `from` on. */
static void number_parts(Takeaway *t, int from)
{
    for (int i = from; i < t->nparts; i++) {
        t->part[i].part = i - from;
        t->part[i].parts = t->nparts - from;
    }
}

/* The most bytes one code holds at the fitted version (UTF-8 text takes
 * two more for its ECI header). */
static size_t room(const Takeaway *t)
{
    int c = qr_capacity(t->fit_version, QR_LEVEL_L) - 2;
    return c > 0 ? (size_t)c : 0;
}

/* The sheet, split between whole questions into as few parts as fit at
 * level; false when one question alone is too much for a code. */
static bool sheet_parts(Takeaway *t, const Sheet *s, int level, char *buf, size_t cap)
{
    size_t nq = sheet_questions(s), max = room(t), first = 0, start[TAKE_PARTS_MAX + 1];
    int parts = 0, from = t->nparts;
    if (sheet_render_part(s, level, 0, nq, 0, 1, buf, cap) <= max)
        start[parts++] = 0;
    else
        for (;;) {
            if (parts >= TAKE_PARTS_MAX)
                return false;
            /* the rest as the last part? (measured as "part N of N+1",
             * a middle part as "of 99": never narrower than the real one) */
            if (parts > 0 &&
                sheet_render_part(s, level, first, nq - first, parts, parts + 1, buf, cap) <= max) {
                start[parts++] = first;
                break;
            }
            size_t take = 0;
            while (first + take < nq &&
                   sheet_render_part(s, level, first, take + 1, parts, 99, buf, cap) <= max)
                take++;
            if (take == 0 && (first < nq || parts == 0))
                return false;
            start[parts++] = first;
            first += take;
        }
    start[parts] = nq;
    for (int i = 0; i < parts; i++) {
        size_t len =
            sheet_render_part(s, level, start[i], start[i + 1] - start[i], i, parts, buf, cap);
        if (!add_part(t, TAKE_SHEET, buf, len)) {
            drop_parts(t, from);
            return false;
        }
    }
    number_parts(t, from);
    return true;
}

static bool fit_sheet(Takeaway *t, const Sheet *s)
{
    static __thread char buf[TAKE_PAYLOAD_MAX];
    int best = -1, fewest = TAKE_PARTS_MAX + 1, from = t->nparts;
    /* the fewest codes first, then the fullest sheet among them */
    for (int level = 0; level < SHEET_COMPACT_LEVELS; level++) {
        if (!sheet_parts(t, s, level, buf, sizeof buf))
            continue;
        int n = t->nparts - from;
        drop_parts(t, from);
        if (n < fewest)
            fewest = n, best = level;
    }
    bool ok = best >= 0 && sheet_parts(t, s, best, buf, sizeof buf);
    explicit_bzero(buf, sizeof buf);
    return ok;
}

/* Text cut where it reads whole: between paragraphs, else lines, else
 * sentences, each part led by "(1 of 2)". */
static bool text_parts(Takeaway *t, TakeKind k, const char *text)
{
    static const char *const cuts[] = {"\n\n", "\n", ". "};
    char buf[sizeof t->part[0].payload];
    size_t max = room(t) < sizeof buf - 1 ? room(t) : sizeof buf - 1, len = strlen(text);
    for (size_t c = 0; c < sizeof cuts / sizeof *cuts; c++) {
        int from = t->nparts;
        bool ok = true;
        size_t at = 0;
        while (ok && at < len) {
            const size_t lead = 12; /* "(12 of 12)\n" */
            size_t end = at, next;
            /* the most whole pieces that fit */
            for (const char *p = text + at; (p = strstr(p, cuts[c])) != NULL;
                 p += strlen(cuts[c])) {
                next = (size_t)(p - text) + (c == 2 ? 1 : 0);
                if (next - at + lead > max)
                    break;
                end = next;
            }
            if (len - at + lead <= max)
                end = len;
            if (end == at) {
                ok = false;
                break;
            }
            size_t n = end - at;
            memcpy(buf, text + at, n);
            buf[n] = '\0';
            ok = add_part(t, k, buf, n);
            at = end;
            at += strspn(text + at, " \n");
        }
        explicit_bzero(buf, sizeof buf);
        if (!ok) {
            drop_parts(t, from);
            continue;
        }
        number_parts(t, from);
        if (t->nparts - from == 1)
            return true;
        /* now that the count is known, each part says which it is */
        for (int i = from; i < t->nparts; i++) {
            TakePart *p = &t->part[i];
            char lead[24];
            int n = snprintf(lead, sizeof lead, "(%d of %d)\n", p->part + 1, p->parts);
            memmove(p->payload + n, p->payload, p->len + 1);
            memcpy(p->payload, lead, (size_t)n);
            p->len += (size_t)n;
            qr_free(&p->code);
            char err[200];
            if (!qr_encode_fit(p->payload, t->fit_version, &p->code, err, sizeof err)) {
                drop_parts(t, from);
                return false;
            }
        }
        return true;
    }
    return false;
}

/* A message or thank-you: its code whole when that fits; else a draft's
 * address and subject (still one code a phone acts on, the words on the
 * sheet); else, only where nothing to act on exists, its text in parts. */
static bool fit_note(Takeaway *t, TakeKind k)
{
    int from = t->nparts;
    bool ok = add_part(t, k, t->payload[k], t->len[k]);
    if (!ok && t->brief[k][0] && add_part(t, k, t->brief[k], strlen(t->brief[k]))) {
        t->part[from].brief = true;
        ok = true;
    }
    if (ok) {
        number_parts(t, from);
        return true;
    }
    return !takeaway_actionable(t->payload[k]) && text_parts(t, k, t->text[k]);
}

bool takeaway_actionable(const char *payload)
{
    static const char *const schemes[] = {"mailto:",     "tel:",        "https://",
                                          "http://",     "BEGIN:VCARD", "BEGIN:VCALENDAR"};
    for (size_t i = 0; i < sizeof schemes / sizeof *schemes; i++)
        if (strncmp(payload, schemes[i], strlen(schemes[i])) == 0)
            return true;
    return false;
}

/* The calendar whole; else an event a code, each keeping its alarm (a
 * reminder that never rings is only a date); else the same without the
 * alarms, whole and then an event a code. */
static bool fit_reminders(Takeaway *t)
{
    char buf[TAKE_PAYLOAD_MAX];
    int from = t->nparts;
    bool ok = add_part(t, TAKE_REMINDERS, t->payload[TAKE_REMINDERS], t->len[TAKE_REMINDERS]);
    for (int alarms = 1; alarms >= 0 && !ok; alarms--) {
        if (!alarms)
            ok = add_part(t, TAKE_REMINDERS, buf,
                          payload_ical_part(t->event, 0, t->nevents, false, t->seed, t->stamp, buf,
                                            sizeof buf));
        for (size_t i = 0; !ok && i < t->nevents; i++) {
            size_t n =
                payload_ical_part(t->event, i, 1, alarms, t->seed, t->stamp, buf, sizeof buf);
            if (!add_part(t, TAKE_REMINDERS, buf, n))
                break;
            ok = i + 1 == t->nevents;
        }
        if (!ok)
            drop_parts(t, from);
    }
    explicit_bzero(buf, sizeof buf);
    number_parts(t, from);
    return ok;
}

static void free_parts(Takeaway *t)
{
    drop_parts(t, 0);
    t->fit_side = t->fit_version = 0;
    t->fit_ok = false;
}

bool takeaway_fit(Takeaway *t, const Sheet *sheet, int side)
{
    free_parts(t);
    t->fit_side = side;
    t->fit_version = qr_version_for_side(side, QR_MODULE_MIN_PX);
    if (t->fit_version > QR_MAX_VERSION)
        t->fit_version = QR_MAX_VERSION;
    if (t->fit_version < 1)
        return false;
    bool ok = fit_sheet(t, sheet);
    ok = fit_note(t, TAKE_MESSAGE) && ok;
    int from = t->nparts;
    bool card = add_part(t, TAKE_CONTACT, t->payload[TAKE_CONTACT], t->len[TAKE_CONTACT]);
    number_parts(t, from);
    ok = card && ok;
    ok = fit_reminders(t) && ok;
    ok = fit_note(t, TAKE_THANKS) && ok;
    t->fit_ok = ok;
    return ok;
}

static void free_whole(Takeaway *t)
{
    qr_free(&t->whole.code);
    explicit_bzero(&t->whole, sizeof t->whole);
    t->whole_side = 0;
}

bool takeaway_fit_whole(Takeaway *t, TakeKind k, int side)
{
    char err[200];
    free_whole(t);
    t->whole_side = side;
    t->whole.kind = k;
    int version = qr_version_for_side(side, QR_MODULE_MIN_PX);
    version = version > QR_MAX_VERSION ? QR_MAX_VERSION : version;
    if (version < 1 || t->len[k] == 0 || t->len[k] >= sizeof t->whole.payload)
        return false;
    memcpy(t->whole.payload, t->payload[k], t->len[k] + 1);
    t->whole.len = t->len[k];
    t->whole.parts = 1;
    if (!qr_encode_fit(t->whole.payload, version, &t->whole.code, err, sizeof err)) {
        explicit_bzero(t->whole.payload, sizeof t->whole.payload);
        t->whole.len = 0;
        return false;
    }
    return true;
}

int takeaway_first_part(const Takeaway *t, TakeKind k, int *parts)
{
    for (int i = 0; i < t->nparts; i++)
        if (t->part[i].kind == k) {
            if (parts)
                *parts = t->part[i].parts;
            return i;
        }
    if (parts)
        *parts = 0;
    return -1;
}

void takeaway_free(Takeaway *t)
{
    for (int k = 0; k < TAKE_COUNT; k++)
        qr_free(&t->code[k]);
    free_parts(t);
    free_whole(t);
    explicit_bzero(t, sizeof *t);
}

static bool copy_code(QrCode *dst, const QrCode *src)
{
    size_t n = (size_t)src->width * (size_t)src->width;
    dst->module = NULL;
    if (!src->module)
        return true;
    dst->module = malloc(n);
    if (!dst->module)
        return false;
    memcpy(dst->module, src->module, n);
    return true;
}

bool takeaway_copy(Takeaway *dst, const Takeaway *src)
{
    memcpy(dst, src, sizeof *dst);
    for (int k = 0; k < TAKE_COUNT; k++)
        dst->code[k].module = NULL;
    for (int i = 0; i < TAKE_PARTS_MAX; i++)
        dst->part[i].code.module = NULL;
    dst->whole.code.module = NULL;
    /* the events point into the copy's own text */
    for (size_t i = 0; i < dst->nevents; i++) {
        dst->event[i].summary = dst->event_text[i][0];
        dst->event[i].description = dst->event_text[i][1];
    }
    bool ok = true;
    for (int k = 0; k < TAKE_COUNT; k++)
        ok = ok && copy_code(&dst->code[k], &src->code[k]);
    for (int i = 0; i < src->nparts; i++)
        ok = ok && copy_code(&dst->part[i].code, &src->part[i].code);
    ok = ok && copy_code(&dst->whole.code, &src->whole.code);
    if (!ok) {
        takeaway_free(dst);
        return false;
    }
    return true;
}
