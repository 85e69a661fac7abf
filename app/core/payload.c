/* payload: mailto, vCard and iCalendar writers. */
#include "payload.h"

#include "strbuf.h"

#include <stdio.h>
#include <string.h>

static bool unreserved(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

/* Percent-encodes s; a lone \n becomes %0D%0A as RFC 6068 asks. In a
 * header value the RFC lets its "some-delims" stand as they are (keeping
 * them keeps the QR code small), but not '/', '?' or '#'; '+' is encoded
 * too, since form decoders read it as a space. In the address only '@'
 * is kept besides unreserved characters. */
static void pct(StrBuf *sb, const char *s, bool address)
{
    const char *literal = address ? "@" : "!$'()*,;:@";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (unreserved(*p) || strchr(literal, *p))
            strbuf_addc(sb, (char)*p);
        else if (*p == '\n' && (p == (const unsigned char *)s || p[-1] != '\r'))
            strbuf_add(sb, "%0D%0A");
        else
            strbuf_addf(sb, "%%%02X", *p);
    }
}

size_t payload_mailto(const char *to, const char *subject, const char *body, char *out, size_t cap)
{
    StrBuf sb;
    strbuf_init(&sb, out, cap);
    strbuf_add(&sb, "mailto:");
    pct(&sb, to, true);
    strbuf_add(&sb, "?subject=");
    pct(&sb, subject, false);
    if (*body) {
        strbuf_add(&sb, "&body=");
        pct(&sb, body, false);
    }
    return sb.overflow ? 0 : sb.len;
}

size_t payload_tel(const char *number, char *out, size_t cap)
{
    StrBuf sb;
    int digits = 0;
    bool ext = false;
    strbuf_init(&sb, out, cap);
    strbuf_add(&sb, "tel:");
    for (const char *p = number; *p; p++) {
        if (*p >= '0' && *p <= '9') {
            strbuf_addc(&sb, *p);
            digits += !ext;
        } else if (*p == '+' && digits == 0 && !ext)
            strbuf_addc(&sb, '+');
        else if ((*p == 'x' || *p == 'X' || *p == ',') && digits > 0 && !ext) {
            strbuf_add(&sb, ";ext=");
            ext = true;
        }
    }
    if (ext && !sb.overflow && out[sb.len - 1] == '=') /* "x" with no digits after it */
        strbuf_truncate(&sb, sb.len - strlen(";ext="));
    return sb.overflow || digits < 3 ? 0 : sb.len;
}

size_t payload_url(const char *link, char *out, size_t cap)
{
    if (!*link || strpbrk(link, " \t\n"))
        return 0;
    bool scheme = strncmp(link, "https://", 8) == 0 || strncmp(link, "http://", 7) == 0;
    int n = snprintf(out, cap, "%s%s", scheme ? "" : "https://", link);
    return n > 0 && (size_t)n < cap ? (size_t)n : 0;
}

/* Writes one content line, folded at 75 octets (CRLF + space) without
 * splitting a UTF-8 sequence, then CRLF. */
static void put_line(StrBuf *sb, const char *line)
{
    size_t col = 0;
    for (const char *p = line; *p;) {
        size_t n = 1;
        while (((unsigned char)p[n] & 0xC0) == 0x80)
            n++;
        if (col + n > 75) {
            strbuf_add(sb, "\r\n ");
            col = 1;
        }
        strbuf_addn(sb, p, n);
        col += n;
        p += n;
    }
    strbuf_add(sb, "\r\n");
}

/* TEXT escaping shared by vCard 3.0 and iCalendar. */
static void esc(StrBuf *sb, const char *s)
{
    for (; *s; s++) {
        if (*s == '\\' || *s == ';' || *s == ',') {
            strbuf_addc(sb, '\\');
            strbuf_addc(sb, *s);
        } else if (*s == '\n')
            strbuf_add(sb, "\\n");
        else if (*s != '\r')
            strbuf_addc(sb, *s);
    }
}

/* Builds "NAME:escaped value" and writes it folded. */
static void prop(StrBuf *sb, const char *name, const char *value)
{
    char line[2048];
    StrBuf l;
    strbuf_init(&l, line, sizeof line);
    strbuf_add(&l, name);
    strbuf_addc(&l, ':');
    esc(&l, value);
    if (l.overflow)
        sb->overflow = true;
    put_line(sb, line);
}

size_t payload_vcard(const Mentor *m, const char *note, char *out, size_t cap)
{
    char fn[2 * MENTOR_NAME_MAX + 2], n[4 * MENTOR_NAME_MAX], line[512];
    StrBuf sb, nb;
    strbuf_init(&sb, out, cap);
    put_line(&sb, "BEGIN:VCARD");
    put_line(&sb, "VERSION:3.0");
    strbuf_init(&nb, n, sizeof n);
    strbuf_add(&nb, "N:");
    esc(&nb, m->last_name);
    strbuf_addc(&nb, ';');
    esc(&nb, m->first_name);
    strbuf_add(&nb, ";;;");
    put_line(&sb, n);
    mentor_full_name(m, fn, sizeof fn);
    prop(&sb, "FN", fn);
    prop(&sb, "ORG", m->organization);
    prop(&sb, "TITLE", m->title);
    if (m->via == VIA_EMAIL)
        prop(&sb, "EMAIL;TYPE=INTERNET", m->contact);
    else if (m->via == VIA_PHONE)
        prop(&sb, "TEL;TYPE=WORK,VOICE", m->contact);
    else if (m->via == VIA_VIDEO || m->via == VIA_LINKEDIN) {
        /* URLs are not TEXT: no escaping, but still folded */
        snprintf(line, sizeof line, "URL:%s", m->contact);
        put_line(&sb, line);
    }
    if (note && *note)
        prop(&sb, "NOTE", note);
    put_line(&sb, "END:VCARD");
    return sb.overflow ? 0 : sb.len;
}

size_t payload_ical(const PayloadEvent *ev, size_t n, const char *uid_seed, const char *stamp,
                    char *out, size_t cap)
{
    return payload_ical_part(ev, 0, n, true, uid_seed, stamp, out, cap);
}

size_t payload_ical_part(const PayloadEvent *ev, size_t first, size_t n, bool alarms,
                         const char *uid_seed, const char *stamp, char *out, size_t cap)
{
    char line[160], day[16];
    StrBuf sb;
    strbuf_init(&sb, out, cap);
    put_line(&sb, "BEGIN:VCALENDAR");
    put_line(&sb, "VERSION:2.0");
    put_line(&sb, "PRODID:-//Career Kiosk//EN");
    /* lean, to keep the code small enough to scan from a step back: an
     * all-day DTSTART needs no DTEND (RFC 5545 3.6.1: it lasts the day),
     * and the alarm says only that it is one */
    for (size_t i = first; i < first + n; i++) {
        put_line(&sb, "BEGIN:VEVENT");
        snprintf(line, sizeof line, "UID:%s-%zu@career-kiosk", uid_seed, i + 1);
        put_line(&sb, line);
        snprintf(line, sizeof line, "DTSTAMP:%s", stamp);
        put_line(&sb, line);
        snprintf(day, sizeof day, "%04d%02d%02d", ev[i].date.y, ev[i].date.m, ev[i].date.d);
        snprintf(line, sizeof line, "DTSTART;VALUE=DATE:%s", day);
        put_line(&sb, line);
        prop(&sb, "SUMMARY", ev[i].summary);
        if (ev[i].description && *ev[i].description)
            prop(&sb, "DESCRIPTION", ev[i].description);
        if (alarms) {
            put_line(&sb, "BEGIN:VALARM");
            put_line(&sb, "ACTION:DISPLAY");
            put_line(&sb, "DESCRIPTION:Reminder");
            /* the event's time on its day: "PT9H" is 9:00 */
            int h = ev[i].alarm / 60, m = ev[i].alarm % 60;
            if (m)
                snprintf(line, sizeof line, "TRIGGER;RELATED=START:PT%dH%dM", h, m);
            else
                snprintf(line, sizeof line, "TRIGGER;RELATED=START:PT%dH", h);
            put_line(&sb, line);
            put_line(&sb, "END:VALARM");
        }
        put_line(&sb, "END:VEVENT");
    }
    put_line(&sb, "END:VCALENDAR");
    return sb.overflow ? 0 : sb.len;
}
