/* qr: libqrencode behind a small API (the only includer of qrencode.h). */
#include "visit/qr.h"

#include "core/strbuf.h"

#include <errno.h>
#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static QRecLevel to_lib(QrLevel l)
{
    static const QRecLevel map[] = {QR_ECLEVEL_L, QR_ECLEVEL_M, QR_ECLEVEL_Q, QR_ECLEVEL_H};
    return map[l];
}

/* Found by asking libqrencode (a binary search over payload lengths),
 * once per version and level: qr_encode asks it before every encoding.
 * The answers are kept with atomic stores, as two threads may ask. */
int qr_capacity(int version, QrLevel level)
{
    static int known[41][4]; /* capacity + 1; 0 until asked */
    if (version < 1 || version > 40 || (int)level < 0 || (int)level > 3)
        return 0;
    int k = __atomic_load_n(&known[version][level], __ATOMIC_RELAXED);
    if (k)
        return k - 1;
    /* probe: the longest run of 'a' that encodes at exactly this version */
    char probe[3000];
    int lo = 0, hi = (int)sizeof probe - 1;
    memset(probe, 'a', sizeof probe);
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        QRcode *c = QRcode_encodeData(mid, (const unsigned char *)probe, version, to_lib(level));
        bool fits = c && c->version == version;
        QRcode_free(c);
        if (fits)
            lo = mid;
        else
            hi = mid - 1;
    }
    __atomic_store_n(&known[version][level], lo + 1, __ATOMIC_RELAXED);
    return lo;
}

/* True when s has bytes outside ASCII. */
static bool has_utf8(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80)
            return true;
    return false;
}

/* Encodes in byte mode at the smallest version. Text with non-ASCII
 * characters carries an ECI header naming UTF-8 (designator 26), so
 * readers do not guess another encoding and show "José" as "Jos矇". */
static QRcode *encode(const char *payload, size_t len, QrLevel level)
{
    QRinput *in = QRinput_new2(0, to_lib(level));
    QRcode *c = NULL;
    if (!in)
        return NULL;
    if ((!has_utf8(payload) || QRinput_appendECIheader(in, 26) == 0) &&
        QRinput_append(in, QR_MODE_8, (int)len, (const unsigned char *)payload) == 0)
        c = QRcode_encodeInput(in);
    QRinput_free(in);
    return c;
}

bool qr_encode(const char *payload, QrLevel level, int max_version, QrCode *out, char *err,
               size_t cap)
{
    size_t len = strlen(payload);
    QRcode *c;
    memset(out, 0, sizeof *out);
    /* what cannot fit is not encoded at all: trying the eight masks of a
     * code too big to keep costs tens of milliseconds, and the sheet tries
     * several forms before one fits (the ECI header takes 12 bits) */
    size_t need = len + (has_utf8(payload) ? 2 : 0);
    c = len && need <= (size_t)qr_capacity(max_version, level) ? encode(payload, len, level) : NULL;
    if (!c || c->version > max_version) {
        snprintf(err, cap,
                 "the payload is %zu bytes; a QR code of version %d holds at most "
                 "%d at this error-correction level",
                 len, max_version, qr_capacity(max_version, level));
        QRcode_free(c);
        return false;
    }
    out->version = c->version;
    out->width = c->width;
    out->module = malloc((size_t)c->width * (size_t)c->width);
    if (!out->module) {
        snprintf(err, cap, "out of memory");
        QRcode_free(c);
        return false;
    }
    for (int i = 0; i < c->width * c->width; i++)
        out->module[i] = c->data[i] & 1;
    QRcode_free(c);
    return true;
}

int qr_version_for_side(int side, int module_px)
{
    int modules = module_px > 0 ? side / module_px - 2 * QR_QUIET : 0;
    int v = (modules - 17) / 4;
    if (modules < 21)
        return 0;
    return v > 40 ? 40 : v;
}

bool qr_encode_fit(const char *payload, int max_version, QrCode *out, char *err, size_t cap)
{
    return qr_encode(payload, QR_LEVEL_M, max_version, out, err, cap) ||
           qr_encode(payload, QR_LEVEL_L, max_version, out, err, cap);
}

void qr_free(QrCode *q)
{
    if (q->module) /* the modules spell out a visitor's words */
        explicit_bzero(q->module, (size_t)q->width * (size_t)q->width);
    free(q->module);
    q->module = NULL;
    q->width = q->version = 0;
}

bool qr_dark(const QrCode *q, int x, int y)
{
    if (x < 0 || y < 0 || x >= q->width || y >= q->width)
        return false;
    return q->module[y * q->width + x] != 0;
}

char *qr_text(const QrCode *q, bool invert)
{
    int side = q->width + 2 * QR_QUIET;
    size_t cap = (size_t)(side / 2 + 2) * ((size_t)side * 3 + 1) + 1;
    char *out = malloc(cap);
    StrBuf sb;
    if (!out)
        return NULL;
    strbuf_init(&sb, out, cap);
    for (int y = 0; y < side; y += 2) {
        for (int x = 0; x < side; x++) {
            bool top = qr_dark(q, x - QR_QUIET, y - QR_QUIET) == invert;
            bool bottom =
                y + 1 < side ? qr_dark(q, x - QR_QUIET, y + 1 - QR_QUIET) == invert : false;
            strbuf_add(&sb, top && bottom ? "\xe2\x96\x88" /* full block */
                            : top         ? "\xe2\x96\x80" /* upper half */
                            : bottom      ? "\xe2\x96\x84" /* lower half */
                                          : " ");
        }
        strbuf_addc(&sb, '\n');
    }
    return out;
}

char *qr_svg(const QrCode *q, int scale)
{
    int side = q->width + 2 * QR_QUIET;
    size_t cap = 512 + (size_t)q->width * (size_t)q->width * 24;
    char *out = malloc(cap);
    StrBuf sb;
    if (!out)
        return NULL;
    strbuf_init(&sb, out, cap);
    strbuf_addf(&sb,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                "viewBox=\"0 0 %d %d\" shape-rendering=\"crispEdges\">\n"
                "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n<path fill=\"#000000\" "
                "stroke=\"none\" d=\"",
                side * scale, side * scale, side, side, side, side);
    for (int y = 0; y < q->width; y++)
        for (int x = 0; x < q->width; x++) {
            if (!qr_dark(q, x, y))
                continue;
            int run = 1;
            while (qr_dark(q, x + run, y))
                run++;
            strbuf_addf(&sb, "M%d %dh%dv1h-%dz", x + QR_QUIET, y + QR_QUIET, run, run);
            x += run - 1;
        }
    strbuf_add(&sb, "\"/>\n</svg>\n");
    if (sb.overflow) {
        free(out);
        return NULL;
    }
    return out;
}
