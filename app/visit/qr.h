/* qr: QR code symbols for the take-away payloads. The only module that
 * includes qrencode.h. Symbols are byte mode at level M by default, the
 * smallest version that fits; drawing them (screen, paper, terminal, SVG)
 * is done from the module grid. */
#ifndef CK_QR_H
#define CK_QR_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { QR_LEVEL_L, QR_LEVEL_M, QR_LEVEL_Q, QR_LEVEL_H } QrLevel;

enum {
    QR_TARGET_VERSION = 25, /* comfortable to scan from a screen or paper */
    QR_MAX_VERSION = 30,    /* never larger than this */
    QR_QUIET = 4,           /* quiet zone, in modules */
    /* the fewest screen pixels a module may take: a code drawn so still
     * reads when its picture is scaled to 40% (a phone a step back sees
     * about that much; zbarimg reads 2.4 px modules every time, 1.6 px
     * only now and then) */
    QR_MODULE_MIN_PX = 6,
};

typedef struct {
    int version;
    int width;             /* modules per side, without quiet zone */
    unsigned char *module; /* width*width bytes, 1 = dark; owned */
} QrCode;

/* Encodes payload in the smallest version up to max_version. On failure
 * returns false and explains in err, with the payload's size and the
 * most that fits. Free a code with qr_free. */
bool qr_encode(const char *payload, QrLevel level, int max_version, QrCode *out, char *err,
               size_t err_cap);

/* The largest version whose code, quiet zone included, fits a square of
 * side px at module_px pixels a module; 0 when not even version 1 does. */
int qr_version_for_side(int side, int module_px);

/* Encodes at level M when that fits max_version, else at level L (a
 * screen's code is clean: size matters more than repair there). Returns
 * false, explaining in err, when neither fits. */
bool qr_encode_fit(const char *payload, int max_version, QrCode *out, char *err, size_t err_cap);

/* Frees the modules; the struct may be reused. */
void qr_free(QrCode *q);

/* True when the module at (x, y) is dark; coordinates outside the
 * symbol (the quiet zone) are light. */
bool qr_dark(const QrCode *q, int x, int y);

/* The most bytes a version holds at a level (byte mode). */
int qr_capacity(int version, QrLevel level);

/* Draws the code with Unicode half blocks, two module rows per text line,
 * with the quiet zone. invert=false draws light modules as ink, which
 * reads as a normal code on a dark terminal. Returns a malloc'd string. */
char *qr_text(const QrCode *q, bool invert);

/* An SVG image of the code with its quiet zone, `scale` pixels per
 * module. Returns a malloc'd string. */
char *qr_svg(const QrCode *q, int scale);

#endif
