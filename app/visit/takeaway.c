/* takeaway: payloads for the take-away codes, fitted to their versions. */
#include "visit/takeaway.h"

#include "core/payload.h"
#include "core/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const names[TAKE_COUNT] = {"sheet", "message", "contact", "reminders"};
static const char *const labels[TAKE_COUNT] = {"Prep sheet", "Your message", "Contact card",
                                               "Reminders"};

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

/* The compact sheet at the fullest level that fits version 25. */
static void build_sheet(Takeaway *t, const Sheet *s)
{
    for (int level = 0; level < SHEET_COMPACT_LEVELS; level++) {
        qr_free(&t->code[TAKE_SHEET]);
        t->error[TAKE_SHEET][0] = '\0';
        t->len[TAKE_SHEET] =
            sheet_render_compact(s, level, t->payload[TAKE_SHEET], TAKE_PAYLOAD_MAX);
        t->sheet_level = level;
        if (encode(t, TAKE_SHEET, QR_TARGET_VERSION))
            return;
    }
    /* the most compact form, allowed up to the hard limit */
    encode(t, TAKE_SHEET, QR_MAX_VERSION);
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

/* The request as the visitor sends it: a draft addressed to whoever takes
 * it (the mentor, or the office that introduces them), else its text. */
static void build_message(Takeaway *t, const TakeawayInput *in)
{
    const Message *m = in->request;
    char to[MENTOR_CONTACT_MAX + 1] = "";
    size_t *len = &t->len[TAKE_MESSAGE];
    char *out = t->payload[TAKE_MESSAGE];
    switch (m->channel) {
    case CHANNEL_EMAIL:
    case CHANNEL_THANKS:
        if (in->mentor->via == VIA_EMAIL)
            text_copy(to, sizeof to, in->mentor->contact);
        *len = payload_mailto(to, m->subject, m->body, out, TAKE_PAYLOAD_MAX);
        break;
    case CHANNEL_OFFICE:
        office_address(in->office, to, sizeof to);
        *len = payload_mailto(to, m->subject, m->body, out, TAKE_PAYLOAD_MAX);
        break;
    case CHANNEL_LINKEDIN: /* the note, and where to send it */
        *len = (size_t)snprintf(out, TAKE_PAYLOAD_MAX, "%s\n\n%s", m->body, in->mentor->contact);
        break;
    default: /* the phone script and the video note carry their number or link */
        *len = (size_t)snprintf(out, TAKE_PAYLOAD_MAX, "%s", m->body);
        break;
    }
    if (*len >= TAKE_PAYLOAD_MAX)
        *len = 0;
    encode(t, TAKE_MESSAGE, QR_MAX_VERSION);
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
    char send[400], nudge[200], send_d[512], seed[80], day[11], stamp[20];
    PayloadEvent ev[2];
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
    ev[0] = (PayloadEvent){sheet_send_day(in->office, ch, in->today), send, send_d};
    ev[1] = (PayloadEvent){sheet_nudge_day(in->office, ch, in->today), nudge,
                           "One short, kind nudge; then let it go."};
    date_iso(in->today, day, sizeof day);
    snprintf(seed, sizeof seed, "ck-%s-%s", day, m->id);
    takeaway_stamp(in->now, stamp, sizeof stamp);
    t->len[TAKE_REMINDERS] =
        payload_ical(ev, 2, seed, stamp, t->payload[TAKE_REMINDERS], TAKE_PAYLOAD_MAX);
    encode(t, TAKE_REMINDERS, QR_TARGET_VERSION);
}

void takeaway_build(Takeaway *t, const TakeawayInput *in)
{
    memset(t, 0, sizeof *t);
    build_sheet(t, in->sheet);
    build_message(t, in);
    build_contact(t, in);
    build_reminders(t, in);
}

void takeaway_stamp(long long now, char *out, size_t cap)
{
    time_t t = (time_t)now;
    struct tm utc;
    gmtime_r(&t, &utc);
    strftime(out, cap, "%Y%m%dT%H%M%SZ", &utc);
}

void takeaway_free(Takeaway *t)
{
    for (int k = 0; k < TAKE_COUNT; k++)
        qr_free(&t->code[k]);
    volatile char *p = (volatile char *)t->payload;
    for (size_t i = 0; i < sizeof t->payload; i++)
        p[i] = 0;
}

bool takeaway_copy(Takeaway *dst, const Takeaway *src)
{
    memcpy(dst, src, sizeof *dst);
    for (int k = 0; k < TAKE_COUNT; k++) {
        size_t n = (size_t)src->code[k].width * (size_t)src->code[k].width;
        dst->code[k].module = NULL;
        if (!src->code[k].module)
            continue;
        dst->code[k].module = malloc(n);
        if (!dst->code[k].module) {
            takeaway_free(dst);
            memset(dst, 0, sizeof *dst);
            return false;
        }
        memcpy(dst->code[k].module, src->code[k].module, n);
    }
    return true;
}
