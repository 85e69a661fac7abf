/* printer: talking to printers. CUPS queues through libcups (cups.c, the
 * only includer of cups.h) and ESC/POS receipt printers as raw devices
 * (rawprint.c: a USB printer class device, a serial port or a file).
 * Every call has a time limit: a printer that stops answering fails the
 * job with a reason, it never freezes the caller. Calls block, so the
 * kiosk makes them from a worker thread. */
#ifndef CK_PRINTER_H
#define CK_PRINTER_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    PRINTER_READY,
    PRINTER_UNKNOWN,       /* the printer does not report its state */
    PRINTER_STOPPED,       /* paused or disabled by staff */
    PRINTER_NOT_ACCEPTING, /* refusing new jobs */
    PRINTER_OFFLINE,
    PRINTER_NO_PAPER,
    PRINTER_JAMMED,
    PRINTER_NO_TONER,
    PRINTER_COVER_OPEN,
    PRINTER_NOT_FOUND,   /* no such queue or device */
    PRINTER_UNREACHABLE, /* the print service does not answer */
} PrinterState;

typedef struct {
    PrinterState state;
    char detail[256]; /* for staff and logs: the printer's own words */
} PrinterStatus;

typedef enum {
    JOB_DONE,     /* printed (for CUPS: the job completed) */
    JOB_CANCELED, /* canceled at the printer or by staff */
    JOB_ABORTED,  /* the printer or a filter gave up */
    JOB_TIMEOUT,  /* no answer in time; the job was withdrawn */
    JOB_FAILED,   /* could not be sent */
} JobOutcome;

/* The state of CUPS queue `queue` ("" for CUPS's default printer). */
void cups_status(const char *queue, int timeout_ms, PrinterStatus *st);

/* Sends a PDF to the queue as a job titled "Prep sheet" on `media` (an
 * IPP media name such as "na_letter_8.5x11in") and follows it until it
 * completes, is aborted or canceled, or timeout_ms pass (then the job is
 * canceled, so it cannot print later, unattended). The PDF's bytes are
 * zeroed as soon as CUPS has them (they show a visitor's words). */
JobOutcome cups_print(const char *queue, unsigned char *pdf, size_t len, const char *media,
                      int timeout_ms, char *detail, size_t cap);

/* The state of an ESC/POS printer at device ("path" or "path@baud" for a
 * serial port), asked with DLE EOT. A device that does not answer (many
 * USB printers, or a file) is PRINTER_UNKNOWN. */
void escpos_status(const char *device, int timeout_ms, PrinterStatus *st);

/* Writes ESC/POS bytes to the device within timeout_ms in all. */
JobOutcome escpos_print(const char *device, const unsigned char *bytes, size_t len, int timeout_ms,
                        char *detail, size_t cap);

#endif
